//! A hostile curriculum cannot run script or load anything in a participant's browser: the app
//! lists the problems, and opened anyway it shows what remains as plain text.

use std::path::Path;

use crate::app::{navigate, press_button};
use crate::harness::{Browser, DEFAULT_WAIT, StaticServer, assert_only_origin, dist_dir};

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("can create the copy");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("can copy");
        }
    }
}

/// The built site with its curriculum replaced by the hostile corpus.
fn hostile_site() -> std::path::PathBuf {
    let site = std::env::temp_dir().join(format!("workbook-hostile-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&dist_dir(), &site);
    let content = site.join("content");
    let _ = std::fs::remove_dir_all(&content);
    std::fs::create_dir_all(&content).expect("can create content");
    let corpus = std::fs::read_to_string(
        crate::harness::workspace_dir().join("tests/fixtures/hostile/hostile.md"),
    )
    .expect("the corpus exists");
    for (path, text) in workbook_tests::split_fixture(&corpus) {
        std::fs::write(content.join(path), text).expect("can write");
    }
    site
}

#[tokio::test]
async fn hostile_content_runs_no_script_and_loads_nothing() {
    let site = hostile_site();
    let server = StaticServer::serve(&site);
    let browser = Browser::desktop().await;
    browser.open_app(&server).await;
    let text = browser.body_text().await;
    assert!(
        text.contains("content needs fixing"),
        "the problems are listed: {text}"
    );
    browser.screenshot("hostile-problems").await;
    browser.assert_accessible("the content-problems page").await;

    press_button(&browser, "Open the workbook anyway").await;
    browser.wait_for_selector("ol.weeks", DEFAULT_WAIT).await;
    for route in [
        "#/",
        "#/week/1",
        "#/week/2",
        "#/week/4",
        "#/settings",
        "#/workbook",
    ] {
        navigate(&browser, route).await;
        // Open the sensitive-free exercises' hints too, where markup was planted.
        browser
            .execute(
                "document.querySelectorAll('details').forEach(d => d.open = true);",
                Vec::new(),
            )
            .await;
    }
    let pwned = browser
        .execute(
            "return window.__pwned === undefined ? null : String(window.__pwned);",
            Vec::new(),
        )
        .await;
    assert_eq!(pwned, serde_json::Value::Null, "hostile content ran script");
    let planted = browser
        .execute("return document.querySelectorAll('img, iframe, object, embed, svg script, style, meta[http-equiv=refresh]').length;", Vec::new())
        .await;
    assert_eq!(planted, 0, "no element the content tried to plant exists");
    let links = browser
        .execute(
            "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => !/^(#|https:|http:|mailto:|tel:)/.test(h));",
            Vec::new(),
        )
        .await;
    assert_eq!(
        links,
        serde_json::json!([]),
        "every link goes somewhere safe"
    );
    navigate(&browser, "#/week/1").await;
    let week = browser.body_text().await;
    assert!(
        week.contains("Links: js, JS, tab"),
        "the text around the markup remains: {week}"
    );
    browser.screenshot("hostile-opened").await;

    let requests = browser.network_requests().await;
    assert_only_origin(&requests, &server.origin());
    let _ = std::fs::remove_dir_all(&site);
}
