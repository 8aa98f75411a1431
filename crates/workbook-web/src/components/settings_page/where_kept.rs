//! "Where your answers are kept": in this browser on this device only, who can read them, how
//! they can be lost, and how many there are.

use yew::prelude::*;

use crate::state::drafts::Drafts;

/// The section; `locked` while the passphrase lock is on.
pub fn render(answers: &Drafts, locked: bool) -> Html {
    let answered = answers
        .entries
        .values()
        .filter(|e| !e.answer.is_empty())
        .count();
    html! {
        <section>
            <h2>{ "Where your answers are kept" }</h2>
            <p>{ "Your answers are saved in this web browser, on this device only. They are never sent to the group, the charity, or anyone else." }</p>
            <ul>
                if locked {
                    <li>{ "They are locked with your passphrase: without it, nobody who opens this browser can read them." }</li>
                } else {
                    <li>{ "Anyone who can use this device and this browser can read them, unless you lock them with a passphrase (below)." }</li>
                }
                <li>{ "If this browser's data is cleared, they are gone. Some browsers clear the data of sites you have not opened for a week." }</li>
                <li>{ "A backup file is the only copy that is yours to keep. Save one now and then." }</li>
            </ul>
            <p>{ format!("You have {answered} answer{} saved here.", if answered == 1 { "" } else { "s" }) }</p>
        </section>
    }
}
