//! After one visit, the workbook opens without a network.
//!
//! The app registers the service worker `sw.js` (written into the site by `cargo xtask stage`),
//! which caches the site while the first visit runs. A participant who opens the workbook later
//! on a train, or in a room with no signal, still has it.

use std::time::Instant;

use crate::harness::browser::APP_STARTED;
use crate::harness::server::list;
use crate::harness::{APP_START, Browser, StaticServer};
use crate::in_every_engine;

in_every_engine! {
    async fn a_reload_shows_the_workbook_when_the_network_is_gone(engine: Engine) {
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        browser.open_app(&server).await;

        browser.wait_for_service_worker().await;

        server.set_offline(true);
        let offline_since = Instant::now();
        // A marker that the reload must wipe: the page below is a new page, not the old one.
        browser
            .execute("window.e2eBeforeReload = true;", Vec::new())
            .await;
        browser.reload().await;

        let reloaded = format!(
            "window.e2eBeforeReload === undefined && location.origin === '{}' && ({APP_STARTED})",
            server.origin()
        );
        if let Err(last) = browser.try_wait_for_js(&reloaded, APP_START).await {
            let report = browser.failure_report().await;
            panic!(
                "offline, the reloaded page did not show the workbook within {APP_START:?} ({last}). \
                 The service worker must answer from its cache when the site cannot be reached. \
                 Requests the site refused meanwhile:\n{}\n{report}",
                list(&server.requests_since(offline_since))
            );
        }
        assert!(
            !browser.body_text().await.trim().is_empty(),
            "offline, the workbook shows its text"
        );
    }
}

in_every_engine! {
    async fn offline_after_a_first_visit_the_workbook_opens_and_saves(engine: Engine) {
        use crate::app::{
            default_curriculum, find, first_of_kind, navigate, stored, type_into, wait_saved,
        };
        let curriculum = default_curriculum();
        let (week, exercise) = first_of_kind(&curriculum, "writing");
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        browser.open_app(&server).await;
        browser.wait_for_service_worker().await;

        server.set_offline(true);
        browser.reload().await;
        browser.wait_for_app().await;
        navigate(&browser, &format!("#/week/{}/{}", week.number, exercise.id)).await;
        let css = format!("#{}-text", exercise.id);
        find(&browser, &css).await;
        type_into(&browser, &css, "Written on a train with no signal.").await;
        wait_saved(&browser).await;
        assert_eq!(
            stored(&browser, &curriculum, &exercise.id)
                .await
                .expect("saved")["answer"]["text"]["text"],
            "Written on a train with no signal."
        );
    }
}
