//! A step that cannot be undone, asked about first: a button, then in its place the question
//! with "yes" and "no". One helper for every such step, so their markup is the same.

use yew::prelude::*;

/// The words and look of one confirmation.
pub struct Confirm {
    /// The id of the question, which labels the dialog.
    pub id: &'static str,
    /// The button that asks.
    pub ask: &'static str,
    /// That button's classes.
    pub ask_class: &'static str,
    /// The question.
    pub question: &'static str,
    /// The button that goes ahead.
    pub yes: &'static str,
    /// The button that puts things back as they were.
    pub no: &'static str,
}

impl Confirm {
    /// The button, or (while `asking`) the question. `on_yes` goes ahead; "yes" is disabled
    /// while `busy`.
    pub fn render(
        &self,
        asking: &UseStateHandle<bool>,
        on_yes: Callback<MouseEvent>,
        busy: bool,
    ) -> Html {
        let set = |to: bool| {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(to))
        };
        if **asking {
            html! {
                <div class="confirm" role="alertdialog" aria-labelledby={self.id}>
                    <p id={self.id}><strong>{ self.question }</strong></p>
                    <div class="button-row">
                        <button type="button" class="button danger" onclick={on_yes} disabled={busy}>{ self.yes }</button>
                        <button type="button" class="button" onclick={set(false)}>{ self.no }</button>
                    </div>
                </div>
            }
        } else {
            html! {
                <button type="button" class={self.ask_class} onclick={set(true)}>{ self.ask }</button>
            }
        }
    }
}
