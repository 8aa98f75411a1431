//! The page shown while the workbook is locked: the passphrase, and what to do if it is
//! forgotten. Nothing of the workbook's answers is in this page; the quick exit and the support
//! lines are.

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::Shared;
use super::confirm::Confirm;
use super::language_nav;
use super::quick_exit;
use super::support_lines::{self, SupportLinesProps};
use crate::state::texts::t;

/// Props for [`UnlockPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct UnlockPageProps {
    /// The curriculum.
    pub curriculum: Shared,
    /// False when the lock was made by a newer version that this one cannot open.
    pub readable: bool,
    /// Tries a passphrase; the callback hears why it failed, or `None` when it opened.
    pub on_unlock: Callback<(String, Callback<Option<String>>)>,
    /// Deletes everything stored; the callback hears why that failed.
    pub on_delete: Callback<Callback<Option<String>>>,
}

const FORGET: Confirm = Confirm {
    id: "confirm-delete-locked",
    ask: Msg::UnlockDelete,
    ask_class: "button danger",
    question: Msg::UnlockDeleteQuestion,
    yes: Msg::UnlockDeleteYes,
    no: Msg::UnlockDeleteNo,
};

/// The locked workbook's front page.
#[component]
pub fn UnlockPage(props: &UnlockPageProps) -> Html {
    let input = use_node_ref();
    let busy = use_state(|| false);
    let problem = use_state(|| None::<String>);
    let confirm_delete = use_state(|| false);
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let heard = {
        let (busy, problem, input) = (busy.clone(), problem.clone(), input.clone());
        Callback::from(move |outcome: Option<String>| {
            busy.set(false);
            if outcome.is_some()
                && let Some(input) = input.cast::<web_sys::HtmlInputElement>()
            {
                input.select();
                let _ = input.focus();
            }
            problem.set(outcome);
        })
    };
    let submit = {
        let (busy, problem, input, on_unlock, heard) = (
            busy.clone(),
            problem.clone(),
            input.clone(),
            props.on_unlock.clone(),
            heard.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(field) = input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let passphrase = field.value();
            if passphrase.is_empty() {
                problem.set(Some(t(Msg::UnlockEmpty)));
                return;
            }
            busy.set(true);
            problem.set(None);
            on_unlock.emit((passphrase, heard.clone()));
        })
    };
    let delete = {
        let (on_delete, heard) = (props.on_delete.clone(), heard.clone());
        Callback::from(move |_: MouseEvent| on_delete.emit(heard.clone()))
    };
    html! {
        <>
            { quick_exit::render(&props.curriculum.quick_exit) }
            <header class="site-header">
                { language_nav::render(&crate::browser::route_hash(), None) }
                <p class="site-title">{ props.curriculum.title.clone() }</p>
            </header>
            <main id="main" class="page unlock" tabindex="-1">
                <h1>{ t(Msg::UnlockHeading) }</h1>
                if props.readable {
                    <p>{ t(Msg::UnlockIntro) }</p>
                    <form onsubmit={submit} aria-busy={(*busy).then_some("true")}>
                        <p>
                            <label for="passphrase">{ t(Msg::UnlockPassphraseLabel) }</label>
                            <input type="password" id="passphrase" ref={input} autocomplete="off"
                                aria-describedby={(*problem).is_some().then_some("unlock-problem")}
                                aria-invalid={(*problem).is_some().then_some("true")} />
                        </p>
                        if let Some(text) = &*problem {
                            <p id="unlock-problem" class="notice problem" role="alert">{ text.clone() }</p>
                        }
                        <button type="submit" class="button primary" disabled={*busy}>
                            { t(if *busy { Msg::UnlockOpening } else { Msg::UnlockSubmit }) }
                        </button>
                    </form>
                } else {
                    <p>{ t(Msg::UnlockTooNew) }</p>
                }
                <details class="forgotten">
                    <summary>{ t(Msg::UnlockForgotten) }</summary>
                    <p>{ t(Msg::UnlockForgottenNobody) }</p>
                    <p>{ t(Msg::UnlockForgottenBackup) }</p>
                    <p>{ t(Msg::UnlockForgottenStartAgain) }</p>
                    { FORGET.render(&confirm_delete, delete, false) }
                </details>
            </main>
            { support_lines::render(&SupportLinesProps { curriculum: props.curriculum.clone(), inline: false, level: 2 }) }
        </>
    }
}
