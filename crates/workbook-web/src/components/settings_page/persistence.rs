//! "Ask this browser to keep your answers": what the browser says about keeping this site's
//! storage, and the button that asks it to (`navigator.storage.persist()`, which a browser may
//! refuse).

use yew::prelude::*;

use crate::browser;
use crate::state::platform::Platform;

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
            <h2>{ "Ask this browser to keep your answers" }</h2>
            <p>{ "Browsers may delete what a site keeps when space runs low, and Safari deletes it after a week without a visit. You can ask this browser to keep your answers. It may say no; saving a backup file is the sure way." }</p>
            <p id="persistence" role="status">{ match *persistence {
                Some(true) => "This browser has agreed to keep your answers. It will not delete them to make space.",
                Some(false) => "This browser has not agreed to keep your answers for sure. Save a backup file now and then.",
                None => "This browser has not said whether it will keep your answers.",
            } }
            if *persistence == Some(true) && platform.may_erase_after_a_week() {
                { " Safari may still erase them after about a week without a visit, unless the workbook is on your home screen (below)." }
            }</p>
            if *persistence != Some(true) {
                <button type="button" class="button" onclick={ask_to_keep}>{ "Ask this browser to keep my answers" }</button>
            }
        </section>
    }
}
