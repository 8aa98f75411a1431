//! "Ask this browser to keep your answers": what the browser says about keeping this site's
//! storage, and the button that asks it to (`navigator.storage.persist()`, which a browser may
//! refuse).

use workbook_core::interface::Msg;
use yew::prelude::*;

use crate::browser;
use crate::state::platform::Platform;
use crate::state::texts::t;

/// The section. What the browser says is asked once, after the page first shows.
#[hook]
pub fn use_section(platform: Platform) -> Html {
    let persistence = use_state(|| None::<bool>);
    {
        let persistence = persistence.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                persistence.set(browser::storage_is_persistent().await);
            });
        });
    }
    let ask_to_keep = {
        let persistence = persistence.clone();
        Callback::from(move |_: MouseEvent| {
            let persistence = persistence.clone();
            wasm_bindgen_futures::spawn_local(async move {
                persistence.set(Some(
                    browser::request_persistent_storage().await.unwrap_or(false),
                ));
            });
        })
    };
    html! {
        <section>
            <h2>{ t(Msg::PersistenceHeading) }</h2>
            <p>{ t(Msg::PersistenceIntro) }</p>
            <p id="persistence" role="status">{ t(match *persistence {
                Some(true) => Msg::PersistenceAgreed,
                Some(false) => Msg::PersistenceRefused,
                None => Msg::PersistenceUnknown,
            }) }
            if *persistence == Some(true) && platform.may_erase_after_a_week() {
                { " " }{ t(Msg::PersistenceSafariMayErase) }
            }</p>
            if *persistence != Some(true) {
                <button type="button" class="button" onclick={ask_to_keep}>{ t(Msg::PersistenceAsk) }</button>
            }
        </section>
    }
}
