//! "Delete all my answers": everything this app stored in this browser, after "are you sure?".

use yew::prelude::*;

use super::{SettingsPageProps, reload};
use crate::components::DraftsContext;
use crate::components::confirm::Confirm;
use crate::state::store;

const CLEAR: Confirm = Confirm {
    id: "confirm-clear",
    ask: "Delete all my answers",
    ask_class: "button danger",
    question: "Are you sure you want to delete all your answers?",
    yes: "Yes, delete everything",
    no: "No, keep my answers",
};

/// The section; `message` is where to say how it went.
#[hook]
pub fn use_section(props: &SettingsPageProps, message: &UseStateHandle<Option<String>>) -> Html {
    let context = use_context::<DraftsContext>();
    let confirm_clear = use_state(|| false);
    let clear = {
        let (props, confirm_clear, message) =
            (props.clone(), confirm_clear.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            match store::clear_all(&*props.storage.store)
                .and_then(|_| reload(&props, context.as_ref()))
            {
                Ok(()) => message.set(Some(
                    "All your answers have been deleted from this browser.".into(),
                )),
                Err(error) => message.set(Some(format!(
                    "{} Some answers may not have been deleted.",
                    error.explain()
                ))),
            }
            confirm_clear.set(false);
        })
    };
    html! {
        <section>
            <h2>{ "Delete all my answers" }</h2>
            <p>{ "This deletes every answer from this browser. It cannot be undone. Save a backup file first if you might want them later." }</p>
            { CLEAR.render(&confirm_clear, clear, false) }
        </section>
    }
}
