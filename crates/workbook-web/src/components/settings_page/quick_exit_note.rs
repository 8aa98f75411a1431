//! "The quick exit": what the button (or Shift pressed three times) does, and what it cannot
//! hide.

use yew::prelude::*;

use crate::components::{Shared, conditions_note};

/// The section, with the curriculum's note on legal conditions.
pub fn render(curriculum: &Shared) -> Html {
    html! {
        <section>
            <h2>{ "The quick exit" }</h2>
            <p>{ "The Quick exit button, or pressing Shift three times, hides the workbook at once and opens an everyday website in its place. Pressing Back will not bring the workbook back." }</p>
            <p>{ "It cannot hide everything: the browser's history still shows that you visited, and your answers are still on this device. If you need to, clear the browser's history (but not its site data, which holds your answers)." }</p>
            { conditions_note::render(curriculum, 3) }
        </section>
    }
}
