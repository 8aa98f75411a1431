//! The quick exit: a button that stays on screen. Pressing it, or Shift three times on its own,
//! leaves the workbook at once for a neutral site, without a way Back.
//!
//! What the button and the shortcut do is the page's own script (`web/first-visit.js`, inlined
//! in the built `index.html`), not the app: so the quick exit works from the first paint, before
//! the app has arrived, and when it cannot start at all. The script reads the destination from
//! the button the page shows, so the app's button (from the curriculum it fetched) wins over the
//! one written at build time.

use yew::prelude::*;

/// The quick-exit button. `destination` is the curriculum's neutral site; the script follows
/// only an `https:` address, and goes to a blank page otherwise.
pub fn render(destination: &str) -> Html {
    html! {
        <button id="quick-exit" class="quick-exit" type="button" data-to={destination.to_string()}
            title="Leave this page now. Shortcut: press Shift three times.">
            { "Quick exit" }
            <span class="visually-hidden">{ ": leave this page now (or press Shift three times)" }</span>
        </button>
    }
}
