//! A step that cannot be undone, asked about first: a button, then in its place the question
//! with "yes" and "no". One helper for every such step, so their markup is the same.

use workbook_core::interface::Msg;
use yew::prelude::*;

use crate::state::texts::t;

/// The words and look of one confirmation.
pub struct Confirm {
    /// The id of the question, which labels the dialog.
    pub id: &'static str,
    /// The button that asks.
    pub ask: Msg,
    /// That button's classes.
    pub ask_class: &'static str,
    /// The question.
    pub question: Msg,
    /// The button that goes ahead.
    pub yes: Msg,
    /// The button that puts things back as they were.
    pub no: Msg,
}

impl Confirm {
    /// The button, or (while `asking`) the question. `on_yes` goes ahead; "yes" is disabled
    /// while `busy`.
    pub fn render(
        &'static self,
        asking: &UseStateHandle<bool>,
        on_yes: Callback<MouseEvent>,
        busy: bool,
    ) -> Html {
        html! { <ConfirmStep words={ConfirmWords(self)} asking={asking.clone()} {on_yes} {busy} /> }
    }
}

/// The words of a confirmation, compared by identity (they are constants).
#[derive(Clone, Copy)]
pub struct ConfirmWords(&'static Confirm);

impl PartialEq for ConfirmWords {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// Props for [`ConfirmStep`].
#[derive(Properties, PartialEq, Clone)]
pub struct ConfirmStepProps {
    /// The words.
    pub words: ConfirmWords,
    /// Whether the question is showing.
    pub asking: UseStateHandle<bool>,
    /// Goes ahead.
    pub on_yes: Callback<MouseEvent>,
    /// Disables "yes" while the step is under way.
    pub busy: bool,
}

/// A confirmation. When the question appears, keyboard focus moves to its safe answer ("no"),
/// and back to the asking button when the question goes, so nobody using a keyboard or a
/// screen reader is left at the top of the page.
#[component]
pub fn ConfirmStep(props: &ConfirmStepProps) -> Html {
    let words = props.words.0;
    let focus = use_node_ref();
    let mounted = use_mut_ref(|| false);
    {
        let (focus, mounted) = (focus.clone(), mounted.clone());
        use_effect_with(*props.asking, move |_| {
            // After a change only, not when the page first shows.
            if std::mem::replace(&mut *mounted.borrow_mut(), true)
                && let Some(element) = focus.cast::<web_sys::HtmlElement>()
            {
                let _ = element.focus();
            }
        });
    }
    let set = |to: bool| {
        let asking = props.asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(to))
    };
    if *props.asking {
        html! {
            <div class="confirm" role="alertdialog" aria-labelledby={words.id}>
                <p id={words.id}><strong>{ t(words.question) }</strong></p>
                <div class="button-row">
                    <button type="button" class="button danger" onclick={props.on_yes.clone()} disabled={props.busy}>{ t(words.yes) }</button>
                    <button type="button" class="button" ref={focus} onclick={set(false)}>{ t(words.no) }</button>
                </div>
            </div>
        }
    } else {
        html! {
            <button type="button" class={words.ask_class} ref={focus} onclick={set(true)}>{ t(words.ask) }</button>
        }
    }
}
