//! "Change your passphrase", in the lock's section of the settings page: for when someone may
//! have seen it. Everything is sealed again under the new passphrase before the old one stops
//! working.

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::passphrase_fields::{new_passphrase_fields, value_of};
use super::{EnableLock, LockContext};
use crate::state::texts::t;
use crate::state::vault::passphrase_problem;

/// The change-passphrase form.
#[component]
pub fn ChangePassphrase() -> Html {
    let lock = use_context::<LockContext>();
    let first = use_node_ref();
    let second = use_node_ref();
    let busy = use_state(|| false);
    let problem = use_state(|| None::<String>);
    let Some(lock) = lock else {
        return html! {};
    };
    let submit = {
        let (first, second, busy, problem, change) = (
            first.clone(),
            second.clone(),
            busy.clone(),
            problem.clone(),
            lock.change.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (passphrase, repeat) = (value_of(&first), value_of(&second));
            if let Some(text) = passphrase_problem(&passphrase, &repeat) {
                problem.set(Some(text));
                return;
            }
            busy.set(true);
            problem.set(None);
            let (busy, problem) = (busy.clone(), problem.clone());
            change.emit(EnableLock {
                passphrase,
                idle_minutes: 0,
                done: Callback::from(move |outcome: Result<(), String>| {
                    busy.set(false);
                    problem.set(outcome.err());
                }),
            });
        })
    };
    html! {
        <form class="lock-form" onsubmit={submit} aria-labelledby="change-heading" aria-busy={(*busy).then_some("true")}>
            <h3 id="change-heading">{ t(Msg::PassphraseChangeHeading) }</h3>
            <p>{ t(Msg::PassphraseChangeIntro) }</p>
            { new_passphrase_fields(
                ("changed-passphrase", &t(Msg::PassphraseNewLabel), &first),
                ("repeat-changed-passphrase", &second),
                problem.is_some().then_some("change-problem"),
            ) }
            if let Some(text) = &*problem {
                <p id="change-problem" class="notice problem" role="alert">{ text.clone() }</p>
            }
            <button type="submit" class="button" disabled={*busy}>
                { t(if *busy { Msg::PassphraseChanging } else { Msg::PassphraseChangeSubmit }) }
            </button>
        </form>
    }
}
