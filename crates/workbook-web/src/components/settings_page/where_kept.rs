//! "Where your answers are kept": in this browser on this device only, who can read them, how
//! they can be lost, and how many there are.

use workbook_core::interface::Msg;
use yew::prelude::*;

use crate::state::drafts::Drafts;
use crate::state::texts::{t, tf};

/// The section; `locked` while the passphrase lock is on.
pub fn render(answers: &Drafts, locked: bool) -> Html {
    let answered = answers
        .entries
        .values()
        .filter(|e| !e.answer.is_empty())
        .count();
    html! {
        <section>
            <h2>{ t(Msg::WhereKeptHeading) }</h2>
            <p>{ t(Msg::WhereKeptIntro) }</p>
            <ul>
                if locked {
                    <li>{ t(Msg::WhereKeptLocked) }</li>
                } else {
                    <li>{ t(Msg::WhereKeptReadable) }</li>
                }
                <li>{ t(Msg::WhereKeptCleared) }</li>
                <li>{ t(Msg::WhereKeptBackup) }</li>
            </ul>
            <p>{ tf(Msg::WhereKeptCount, &[("count", answered.into())]) }</p>
        </section>
    }
}
