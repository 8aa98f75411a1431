//! "The quick exit": what the button (or Shift pressed three times) does, and what it cannot
//! hide.

use workbook_core::interface::Msg;
use yew::prelude::*;

use crate::components::{Shared, conditions_note};
use crate::state::texts::t;

/// The section, with the curriculum's note on legal conditions.
pub fn render(curriculum: &Shared) -> Html {
    html! {
        <section>
            <h2>{ t(Msg::SettingsQuickExitHeading) }</h2>
            <p>{ t(Msg::SettingsQuickExitDoes) }</p>
            <p>{ t(Msg::SettingsQuickExitLimits) }</p>
            { conditions_note::render(curriculum, 3) }
        </section>
    }
}
