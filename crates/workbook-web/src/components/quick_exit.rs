//! The quick exit: a button that stays on screen. Pressing it, or Shift three times on its own,
//! leaves the workbook at once for a neutral site, without a way Back.
//!
//! What the button and the shortcut do is the page's own script (`web/first-visit.js`, inlined
//! in the built `index.html`), not the app: so the quick exit works from the first paint, before
//! the app has arrived, and when it cannot start at all. The script reads the destination from
//! the button the page shows, so the app's button (from the curriculum it fetched) wins over the
//! one written at build time.

use workbook_core::interface::{Arg, Msg, Piece};
use yew::prelude::*;

use crate::state::texts::{pieces, t};

/// The quick-exit button. `destination` is the curriculum's neutral site; the script follows
/// only an `https:` address, and goes to a blank page otherwise.
pub fn render(destination: &str) -> Html {
    // The button shows its name; the rest of its label is for screen readers only.
    let label = pieces(Msg::QuickExitLabel, &[("exit", Arg::Slot)])
        .into_iter()
        .map(|piece| match piece {
            Piece::Slot(_) => html! { { t(Msg::QuickExit) } },
            Piece::Text(text) => html! { <span class="visually-hidden">{ text }</span> },
        })
        .collect::<Html>();
    html! {
        <button id="quick-exit" class="quick-exit" type="button" data-to={destination.to_string()}
            title={t(Msg::QuickExitTitle)}>
            { label }
        </button>
    }
}
