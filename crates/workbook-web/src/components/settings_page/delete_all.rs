//! "Delete all my answers": everything this app stored in this browser, after "are you sure?".

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::{SettingsPageProps, reload};
use crate::components::DraftsContext;
use crate::components::confirm::Confirm;
use crate::state::store;
use crate::state::texts::{t, tf};

const CLEAR: Confirm = Confirm {
    id: "confirm-clear",
    ask: Msg::DeleteAll,
    ask_class: "button danger",
    question: Msg::DeleteAllQuestion,
    yes: Msg::DeleteAllYes,
    no: Msg::DeleteAllNo,
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
                Ok(()) => message.set(Some(t(Msg::DeleteAllDone))),
                Err(error) => message.set(Some(tf(
                    Msg::DeleteAllFailed,
                    &[("reason", Arg::Text(&error.explain()))],
                ))),
            }
            confirm_clear.set(false);
        })
    };
    html! {
        <section>
            <h2>{ t(Msg::DeleteAll) }</h2>
            <p>{ t(Msg::DeleteAllIntro) }</p>
            { CLEAR.render(&confirm_clear, clear, false) }
        </section>
    }
}
