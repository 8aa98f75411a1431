//! The quick exit: a button that stays on screen, and Shift pressed three times on its own, both
//! leave the workbook at once for a neutral site, without a way Back.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::lifecycle;

/// Three presses of Shift within this many milliseconds leave the workbook.
const SHIFT_WINDOW_MS: u64 = 2_000;

/// Props for [`QuickExit`].
#[derive(Properties, PartialEq, Clone)]
pub struct QuickExitProps {
    /// Where to go: the curriculum's neutral site.
    pub destination: AttrValue,
}

/// The quick-exit button and its keyboard shortcut.
#[component]
pub fn QuickExit(props: &QuickExitProps) -> Html {
    {
        let destination = props.destination.clone();
        use_effect_with(destination, |destination| {
            let destination = destination.to_string();
            let presses: Rc<RefCell<Vec<u64>>> = Rc::default();
            let listener = web_sys::window().map(|window| {
                lifecycle::listen(window.as_ref(), "keydown", move |event| {
                    use wasm_bindgen::JsCast;
                    let Ok(key) = event.dyn_into::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let mut presses = presses.borrow_mut();
                    // Only Shift pressed on its own counts: typing a capital letter (Shift, then
                    // the letter) starts the count again, so writing never leaves by accident.
                    if key.key() != "Shift" {
                        presses.clear();
                        return;
                    }
                    if key.repeat() {
                        return;
                    }
                    let now = crate::browser::now();
                    presses.retain(|t| now.saturating_sub(*t) < SHIFT_WINDOW_MS);
                    presses.push(now);
                    if presses.len() >= 3 {
                        lifecycle::quick_exit(&destination);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let onclick = {
        let destination = props.destination.clone();
        Callback::from(move |_: MouseEvent| lifecycle::quick_exit(&destination))
    };
    html! {
        <button id="quick-exit" class="quick-exit" type="button" {onclick}
            title="Leave this page now. Shortcut: press Shift three times.">
            { "Quick exit" }
            <span class="visually-hidden">{ ": leave this page now (or press Shift three times)" }</span>
        </button>
    }
}
