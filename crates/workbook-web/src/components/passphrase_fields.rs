//! The fields for a new passphrase, shared by turning the lock on and changing the passphrase.

use workbook_core::interface::Msg;
use yew::prelude::*;

use crate::state::texts::t;

/// What is typed in the input `node` refers to.
pub(super) fn value_of(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// A new passphrase and its repetition: `(id, label, field)` and `(id, field)`, and the id of
/// the message saying what is wrong with them, when something is.
pub(super) fn new_passphrase_fields(
    (id, label, field): (&str, &str, &NodeRef),
    (repeat_id, repeat): (&str, &NodeRef),
    problem: Option<&'static str>,
) -> Html {
    let invalid = problem.map(|_| "true");
    html! {
        <>
            <p>
                <label for={id.to_string()}>{ label.to_string() }</label>
                <input type="password" id={id.to_string()} ref={field.clone()} autocomplete="off"
                    aria-invalid={invalid} aria-describedby={problem} />
            </p>
            <p>
                <label for={repeat_id.to_string()}>{ t(Msg::PassphraseRepeatLabel) }</label>
                <input type="password" id={repeat_id.to_string()} ref={repeat.clone()} autocomplete="off"
                    aria-invalid={invalid} aria-describedby={problem} />
            </p>
        </>
    }
}
