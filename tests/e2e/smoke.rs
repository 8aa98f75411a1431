//! The site loads and the app starts.

use crate::harness::{Browser, StaticServer, Viewport};

#[tokio::test]
async fn the_page_loads_and_the_app_starts() {
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    browser.open_app(&server).await;

    let text = browser.body_text().await;
    assert!(!text.trim().is_empty(), "the app shows some text");

    // The page sets a viewport `<meta>`, so a phone lays it out at the phone's width rather than
    // zoomed out at 980 pixels.
    let width = browser
        .execute("return window.innerWidth;", Vec::new())
        .await;
    assert_eq!(
        width,
        Viewport::PHONE.width,
        "the page's CSS width on a phone"
    );

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
