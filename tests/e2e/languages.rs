//! The workbook in Welsh and English: every page changes language at the same place, the page
//! is wholly in the language chosen (no word of the English interface left, `lang` right), the
//! choice is remembered, and answers are kept by ids, so what was written in one language is
//! there in the other.

use std::sync::OnceLock;

use workbook_core::interface::{Catalog, Msg};
use workbook_core::{SourceFile, Sources};

use crate::app::{default_curriculum, first_of_kind, first_sensitive, navigate, open, type_into};
use crate::harness::{Browser, DEFAULT_WAIT, StaticServer, Viewport};
use crate::in_every_engine;

/// A catalog of the default workbook, read as the app reads it.
fn catalog(language: &str) -> Catalog {
    let path = workbook_tests::workspace_dir().join(format!("content/interface/{language}.ftl"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut diagnostics = Vec::new();
    let catalog = Catalog::read(&SourceFile::new("x.ftl", text), language, &mut diagnostics);
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{language}.ftl has errors: {diagnostics:?}"
    );
    catalog
}

/// The English interface's words that must not be on a Welsh page: each message without
/// placeholders whose Welsh differs, of more than one word (a single word such as a name may
/// be the same in both languages, or part of the curriculum).
fn english_only() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let (english, welsh) = (catalog("en-GB"), catalog("cy"));
        Msg::ALL
            .iter()
            .filter(|msg| msg.args().is_empty())
            .map(|msg| (english.text(*msg, &[]), welsh.text(*msg, &[])))
            .filter(|(en, cy)| en != cy && en.split_whitespace().count() > 1)
            .map(|(en, _)| en)
            .collect()
    })
}

/// Asserts that the page shows the Welsh page at `hash`: its address, `lang`, and no word of the
/// English interface outside the passages marked English.
async fn assert_welsh(browser: &Browser, hash: &str, what: &str) {
    browser
        .wait_for_js(
            &format!(
                "location.pathname.endsWith('/cy.html') && location.hash === '{hash}' \
                 && document.documentElement.lang === 'cy'"
            ),
            DEFAULT_WAIT,
        )
        .await;
    browser.wait_for_app().await;
    // The visible text, less what is marked as English on purpose.
    let text = browser
        .execute(
            "const copy = document.body.cloneNode(true); \
             copy.querySelectorAll('[lang^=\"en\"]').forEach((e) => e.remove()); \
             document.body.appendChild(copy); copy.style.position = 'absolute'; \
             const text = copy.innerText; copy.remove(); return text;",
            Vec::new(),
        )
        .await;
    let text = text.as_str().unwrap_or_default();
    let left: Vec<&String> = english_only()
        .iter()
        .filter(|english| text.contains(english.as_str()))
        .collect();
    assert!(
        left.is_empty(),
        "{what} in Welsh still shows the English interface: {left:?}"
    );
    browser
        .assert_accessible(&format!("{what}, in Welsh"))
        .await;
}

/// Follows the language switch's link to `language` (`cy`, `en-GB`).
async fn switch_to(browser: &Browser, language: &str) {
    let css = format!(".language-nav a[hreflang='{language}']");
    crate::app::find(browser, &css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot follow the link to {language}: {e}"));
}

/// Asserts that the page is the English one at `hash`.
async fn assert_english(browser: &Browser, hash: &str) {
    browser
        .wait_for_js(
            &format!(
                "!location.pathname.endsWith('.html') && location.hash === '{hash}' \
                 && document.documentElement.lang === 'en-GB'"
            ),
            DEFAULT_WAIT,
        )
        .await;
    browser.wait_for_app().await;
}

#[tokio::test]
async fn every_page_changes_language_where_it_is() {
    let curriculum = default_curriculum();
    let (week, sensitive) = first_sensitive(&curriculum);
    let sensitive_route = format!("#/week/{}/{}", week.number, sensitive.id);
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    for (route, what) in [
        ("#/", "the home page"),
        ("#/week/3", "week 3"),
        (sensitive_route.as_str(), "a sensitive exercise"),
        ("#/progress", "progress"),
        ("#/workbook", "my workbook"),
        ("#/settings", "settings"),
    ] {
        open(&browser, &server, route).await;
        switch_to(&browser, "cy").await;
        assert_welsh(&browser, route, what).await;
        switch_to(&browser, "en-GB").await;
        assert_english(&browser, route).await;
    }
    // The sensitive exercise's steps, in Welsh: the content note, then the grounding step.
    open(&browser, &server, &sensitive_route).await;
    switch_to(&browser, "cy").await;
    assert_welsh(&browser, &sensitive_route, "a sensitive exercise").await;
    crate::app::find(&browser, ".gate .button.primary")
        .await
        .click()
        .await
        .expect("the sensitive exercise asks whether now is a good time");
    browser
        .wait_for_selector(".step.grounding", DEFAULT_WAIT)
        .await;
    assert_welsh(
        &browser,
        &sensitive_route,
        "a sensitive exercise's grounding step",
    )
    .await;
}

#[tokio::test]
async fn the_locked_page_is_in_the_chosen_language() {
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open(&browser, &server, "#/").await;
    crate::lock::turn_lock_on(&browser, 15).await;
    switch_to(&browser, "cy").await;
    // Changing language opens the Welsh page, which starts locked.
    browser
        .wait_for_js("location.pathname.endsWith('/cy.html')", DEFAULT_WAIT)
        .await;
    browser.wait_for_selector("#passphrase", DEFAULT_WAIT).await;
    assert_welsh(&browser, "#/", "the locked page").await;
    // And back, from the locked page itself.
    switch_to(&browser, "en-GB").await;
    browser
        .wait_for_js(
            "!location.pathname.endsWith('.html') && document.documentElement.lang === 'en-GB'",
            DEFAULT_WAIT,
        )
        .await;
    browser.wait_for_selector("#passphrase", DEFAULT_WAIT).await;
}

in_every_engine! {
    async fn words_written_in_one_language_are_there_in_the_other(engine: Engine) {
        let curriculum = default_curriculum();
        let (week, exercise) = first_of_kind(&curriculum, "writing");
        let route = format!("#/week/{}/{}", week.number, exercise.id);
        let css = format!("#{}-text", exercise.id);
        let server = StaticServer::serve_dist();
        let browser = Browser::start_in(engine, Viewport::PHONE, &[]).await;
        open(&browser, &server, &route).await;
        // Typed, and the language changed at once: the switch saves first.
        type_into(&browser, &css, "Written in English").await;
        switch_to(&browser, "cy").await;
        browser
            .wait_for_js("location.pathname.endsWith('/cy.html')", DEFAULT_WAIT)
            .await;
        browser.wait_for_app().await;
        navigate(&browser, &route).await;
        let has = |text: &'static str| format!("document.querySelector('{css}').value === '{text}'");
        browser.wait_for_js(&has("Written in English"), DEFAULT_WAIT).await;
        type_into(&browser, &css, ", a pharhau yn Gymraeg").await;
        browser.reload().await;
        browser.wait_for_app().await;
        browser
            .wait_for_js(&has("Written in English, a pharhau yn Gymraeg"), DEFAULT_WAIT)
            .await;
        switch_to(&browser, "en-GB").await;
        assert_english(&browser, &route).await;
        browser
            .wait_for_js(&has("Written in English, a pharhau yn Gymraeg"), DEFAULT_WAIT)
            .await;
    }
}

#[tokio::test]
async fn the_default_page_opens_in_the_language_chosen_before() {
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open(&browser, &server, "#/").await;
    switch_to(&browser, "cy").await;
    assert_welsh(&browser, "#/", "the home page").await;
    // The site's address again, as a bookmark or the home-screen icon opens it.
    browser.goto(&server.url("/#/week/2")).await;
    assert_welsh(&browser, "#/week/2", "week 2").await;
    // Chosen English, the default page stays English.
    switch_to(&browser, "en-GB").await;
    assert_english(&browser, "#/week/2").await;
    browser.goto(&server.url("/#/progress")).await;
    assert_english(&browser, "#/progress").await;
}

#[tokio::test]
async fn a_first_visit_follows_the_browsers_languages() {
    let server = StaticServer::serve_dist();
    let browser = Browser::start_with(Viewport::PHONE, &["--accept-lang=cy,en-GB"]).await;
    let languages = browser
        .execute("return navigator.languages[0];", Vec::new())
        .await;
    assert_eq!(
        languages,
        serde_json::Value::from("cy"),
        "the browser prefers Welsh"
    );
    browser.goto(&server.url("/")).await;
    assert_welsh(&browser, "", "a first visit").await;
}

#[tokio::test]
async fn the_welsh_page_is_welsh_before_the_app_starts() {
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    server.hold(".wasm");
    browser.goto(&server.url("/cy.html")).await;
    let first = browser
        .execute(
            "return [document.documentElement.lang, \
             document.querySelector('#first-view h1').innerText, \
             document.getElementById('quick-exit').innerText];",
            Vec::new(),
        )
        .await;
    server.release();
    let welsh = catalog("cy");
    assert_eq!(first[0], serde_json::Value::from("cy"));
    let title = workbook_core::parse_one_language(&welsh_sources())
        .curriculum
        .title;
    assert_eq!(first[1], serde_json::Value::from(title));
    assert!(
        first[2]
            .as_str()
            .is_some_and(|exit| exit.contains(&welsh.text(Msg::QuickExit, &[]))),
        "the quick exit is in Welsh before the app: {first}"
    );
}

/// The Welsh curriculum's files, as the app on the Welsh page reads them.
fn welsh_sources() -> Sources {
    let content = workbook_tests::workspace_dir().join("content");
    workbook_core::translation_sources(&workbook_tests::content_sources(&content), "cy")
}

#[tokio::test]
async fn offline_after_a_first_visit_the_language_still_changes() {
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open(&browser, &server, "#/week/2").await;
    // The service worker keeps every language's page and curriculum, not only the one read.
    browser.wait_for_service_worker().await;
    server.set_offline(true);
    switch_to(&browser, "cy").await;
    assert_welsh(&browser, "#/week/2", "week 2, offline").await;
    switch_to(&browser, "en-GB").await;
    assert_english(&browser, "#/week/2").await;
}
