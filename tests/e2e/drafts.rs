//! A participant's words survive what browsers do: a reload, and a tab closed straight after
//! typing (before the usual pause-then-save).

use serde_json::Value as Json;

use crate::app::{
    default_curriculum, find, first_of_kind, open, stored, type_into, value_of, wait_saved,
};
use crate::harness::{Browser, DEFAULT_WAIT, StaticServer};
use crate::in_every_engine;

in_every_engine! {
    async fn text_typed_is_still_there_after_a_reload(engine: Engine) {
        let curriculum = default_curriculum();
        let (week, exercise) = first_of_kind(&curriculum, "writing");
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        let route = format!("#/week/{}/{}", week.number, exercise.id);
        open(&browser, &server, &route).await;
        let css = format!("#{}-text", exercise.id);
        type_into(&browser, &css, "These words matter to me.").await;
        wait_saved(&browser).await;
        browser.reload().await;
        browser.wait_for_app().await;
        find(&browser, &css).await;
        assert_eq!(value_of(&browser, &css).await, "These words matter to me.");
    }
}

in_every_engine! {
    async fn a_tab_closed_straight_after_typing_keeps_its_text(engine: Engine) {
        let curriculum = default_curriculum();
        let (week, exercise) = first_of_kind(&curriculum, "writing");
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        let route = format!("#/week/{}/{}", week.number, exercise.id);
        open(&browser, &server, &route).await;
        let client = browser.client();
        let first = client.window().await.expect("a window");
        // A second tab of the same browser, to come back to afterwards.
        let second = client.new_window(true).await.expect("a new tab").handle;

        let css = format!("#{}-text", exercise.id);
        type_into(&browser, &css, "Written just before closing").await;
        // Closed as soon as the page holds the words, well inside the app's pause before it saves
        // (700 ms after the last keystroke): closing the tab is the only thing that can save them.
        browser
            .wait_for_js(
                &format!(
                    "document.querySelector({}).value === 'Written just before closing'",
                    Json::from(css.as_str())
                ),
                DEFAULT_WAIT,
            )
            .await;
        client.close_window().await.expect("the tab closes");
        client
            .switch_to_window(second)
            .await
            .expect("switch to the other tab");
        let _ = first;

        open(&browser, &server, &route).await;
        find(&browser, &css).await;
        assert_eq!(
            value_of(&browser, &css).await,
            "Written just before closing"
        );
        let entry = stored(&browser, &curriculum, &exercise.id)
            .await
            .expect("stored");
        assert_eq!(
            entry["answer"]["text"]["text"],
            "Written just before closing"
        );
    }
}
