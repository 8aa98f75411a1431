//! The site loads and the app starts, in every engine.

use crate::harness::{Browser, Engine, StaticServer, Viewport};
use crate::in_every_engine;

in_every_engine! {
    /// The page and the wasm are served, the app renders, and a phone lays the page out at its
    /// own width.
    async fn the_page_loads_and_the_app_starts(engine: Engine) {
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        browser.open_app(&server).await;

        let text = browser.body_text().await;
        assert!(!text.trim().is_empty(), "the app shows some text");

        // The page sets a viewport `<meta>`, so a phone lays it out at the phone's width rather
        // than zoomed out at 980 pixels. (Outside Chromium the window is the phone's size, as
        // near as the engine allows.)
        let width = browser
            .execute("return window.innerWidth;", Vec::new())
            .await;
        if engine == Engine::Chromium {
            assert_eq!(
                width,
                Viewport::PHONE.width,
                "the page's CSS width on a phone"
            );
        }

        let served: Vec<String> = server.requests().iter().map(ToString::to_string).collect();
        assert!(
            served.iter().any(|request| request == "GET / -> 200")
                && served
                    .iter()
                    .any(|request| request.ends_with("_bg.wasm -> 200")),
            "the server served the page and the wasm: {served:?}"
        );
        browser.screenshot("smoke-phone").await;
    }
}
