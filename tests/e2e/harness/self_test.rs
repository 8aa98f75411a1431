//! The harness's own tests, against fixture pages (`tests/e2e/fixtures/harness/`) rather than
//! the app, so a broken helper shows up here and not as a puzzling app failure.

use std::path::PathBuf;

use super::{Browser, DEFAULT_WAIT, StaticServer, Viewport, assert_only_origin};

/// The fixture site.
fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("e2e/fixtures/harness")
}

#[tokio::test]
async fn phone_session_waits_reads_storage_and_takes_screenshots() {
    let server = StaticServer::serve(fixtures());
    let browser = Browser::phone().await;
    assert_eq!(browser.viewport(), Viewport::PHONE);
    browser.goto(&server.url("/")).await;

    let late = browser.wait_for_selector("#late", DEFAULT_WAIT).await;
    assert_eq!(late.text().await.expect("read #late"), "Arrived late.");
    browser
        .wait_for_js("window.fixtureReady === true", DEFAULT_WAIT)
        .await;
    let never = browser
        .try_wait_for_js(
            "Promise.resolve(false)",
            std::time::Duration::from_millis(300),
        )
        .await;
    assert!(never.is_err(), "a condition that never holds must time out");
    browser
        .wait_until("the late paragraph's text", DEFAULT_WAIT, async || {
            browser.body_text().await.contains("Arrived late.")
        })
        .await;

    let storage = browser.local_storage().await;
    assert_eq!(
        storage.get("e2e:greeting").map(String::as_str),
        Some("hello")
    );

    let width = browser
        .execute("return window.innerWidth;", Vec::new())
        .await;
    assert_eq!(
        width,
        Viewport::PHONE.width,
        "the phone viewport's CSS width"
    );

    let screenshot = browser.screenshot("harness-self-test-phone").await;
    let png = std::fs::read(&screenshot).expect("read the screenshot back");
    assert!(
        png.starts_with(b"\x89PNG"),
        "{} is a PNG",
        screenshot.display()
    );

    let requests = browser.network_requests().await;
    let urls: Vec<&str> = requests
        .iter()
        .map(|request| request.url.as_str())
        .collect();
    assert!(
        urls.contains(&server.url("/").as_str())
            && urls.contains(&server.url("/fixture.js").as_str()),
        "the network log lists the page and its script: {urls:?}"
    );
    assert_only_origin(&requests, &server.origin());

    let mark = browser.network_mark().await;
    browser
        .execute_async(
            "const done = arguments[0]; fetch('/missing.json').then(() => done(), () => done());",
            Vec::new(),
        )
        .await;
    let since: Vec<String> = browser
        .network_requests_since(mark)
        .await
        .iter()
        .map(|request| request.url.clone())
        .collect();
    assert_eq!(since, [server.url("/missing.json")]);
    let served: Vec<String> = server.requests().iter().map(ToString::to_string).collect();
    assert!(
        served.contains(&"GET /missing.json -> 404".to_string()),
        "the server logs what it answered: {served:?}"
    );

    browser.assert_accessible("the harness fixture").await;
}

#[tokio::test]
async fn desktop_session_and_axe_reports_what_to_fix() {
    let server = StaticServer::serve(fixtures());
    let browser = Browser::desktop().await;
    browser.goto(&server.url("/inaccessible.html")).await;

    let size = browser
        .execute(
            "return [window.innerWidth, window.innerHeight];",
            Vec::new(),
        )
        .await;
    assert_eq!(
        size,
        serde_json::json!([Viewport::DESKTOP.width, Viewport::DESKTOP.height])
    );

    let violations = browser.axe_violations().await;
    let ids: Vec<&str> = violations
        .iter()
        .map(|violation| violation.id.as_str())
        .collect();
    assert!(
        ids.contains(&"html-has-lang") && ids.contains(&"image-alt"),
        "axe finds the fixture's two problems: {ids:?}"
    );
    let report = super::axe::format_violations(&violations);
    assert!(
        report.contains("image-alt (critical): ") && report.contains("at `#logo`"),
        "the report names the rule, its impact and the element:\n{report}"
    );
}

#[tokio::test]
async fn poll_until_says_whether_the_condition_came_in_time() {
    let mut asked = 0;
    let came = super::browser::poll_until(DEFAULT_WAIT, async || {
        asked += 1;
        asked == 3
    })
    .await;
    assert!(came, "true on the third look");
    assert_eq!(asked, 3, "no look after the condition held");

    let mut asked = 0;
    let started = std::time::Instant::now();
    let came = super::browser::poll_until(std::time::Duration::from_millis(250), async || {
        asked += 1;
        false
    })
    .await;
    assert!(!came, "false once the time is up");
    assert!(asked >= 2, "looked again before giving up ({asked} looks)");
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(250),
        "gave up only once the time was up"
    );
}
