//! The curriculum's note on court, bail, licence or prevention-order conditions, shown beside
//! every offer to lock, hide or delete something (the passphrase lock, clearing the browser's
//! history). The words are the deployer's, from `curriculum.md`, because conditions differ from
//! one place and one legal system to another.

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::Shared;
use super::markdown::blocks_html_under;
use crate::state::texts::t;

/// The note, or nothing when the curriculum has none. Not a landmark: it can appear more than
/// once on a page.
pub fn render(curriculum: &Shared, heading_level: u8) -> Html {
    if curriculum.conditions.is_empty() {
        return html! {};
    }
    html! {
        <div class="callout note conditions">
            <p class="callout-label">{ t(Msg::ConditionsNoteLabel) }</p>
            { blocks_html_under(&curriculum.conditions, heading_level - 1) }
        </div>
    }
}
