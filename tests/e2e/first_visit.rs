//! The first visit: what the page shows before the app has arrived, and when it cannot start.
//!
//! The built `index.html` holds the home page, written at build time by the app's own
//! components, and the page's own script (`web/first-visit.js`). These tests hold the app's wasm
//! back at the server (a slow network, frozen) or refuse it (a blocked download) and look at the
//! page in between: the home page, or "Opening your workbook…" for another page; the quick exit
//! and the support lines working; the app taking over the same markup with focus and scroll
//! kept; and a plain message, never a blank page, when the app, its glue or the curriculum
//! cannot be fetched.

use crate::app::{default_curriculum, key, wait_for_text};
use crate::harness::{APP_START, Browser, DEFAULT_WAIT, StaticServer, dist_dir};
use crate::in_every_engine;

/// The app's wasm, by the ending of its name.
const WASM: &str = "_bg.wasm";

/// Which first view the page's script chose (`data-first` on `<html>`), once the page has been
/// parsed: `home`, `opening`, `old-browser` or `failed`; `null` once the app has taken over.
const FIRST_STATE: &str = "return document.getElementById('first-view') \
    ? document.documentElement.getAttribute('data-first') : null";

/// Opens `path` on `server` while the app cannot start yet, and waits until the first view is
/// there.
async fn open_first_view(browser: &Browser, server: &StaticServer, path: &str) {
    browser.goto(&server.url(path)).await;
    browser
        .wait_for_js(
            "document.readyState !== 'loading' && document.getElementById('first-view') !== null",
            DEFAULT_WAIT,
        )
        .await;
}

async fn first_state(browser: &Browser) -> String {
    browser
        .execute(FIRST_STATE, Vec::new())
        .await
        .as_str()
        .unwrap_or("null")
        .to_string()
}

/// The text a participant can see (not the hidden messages of the first view).
async fn visible_text(browser: &Browser) -> String {
    browser.body_text().await
}

/// The markup of the first view's `<main>` as the app would render it: less the messages it
/// keeps hidden, and less the note on Safari's erasure where the page hides it.
const FIRST_MAIN: &str = "const main = document.querySelector('#first-view main').cloneNode(true); \
    main.querySelectorAll('.first-state').forEach((e) => e.remove()); \
    if (document.documentElement.hasAttribute('data-keeps')) \
      main.querySelectorAll('.safari-notice').forEach((e) => e.remove()); \
    return main.innerHTML;";

in_every_engine! {
    async fn the_home_page_is_there_before_the_app_and_the_app_takes_it_over(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        server.hold(WASM);
        let browser = Browser::phone_in(engine).await;
        open_first_view(&browser, &server, "/").await;
        assert_eq!(first_state(&browser).await, "home");
        let text = visible_text(&browser).await;
        for words in [curriculum.title.as_str(), "The weeks", "Quick exit", "Support when you need it"] {
            assert!(text.contains(words), "the first view shows {words:?}:\n{text}");
        }
        for week in &curriculum.weeks {
            assert!(text.contains(&week.title), "the first view lists week {}:\n{text}", week.number);
        }
        assert!(!text.contains("Opening your workbook"), "{text}");
        browser.assert_accessible("the first view of the home page").await;

        // The participant has moved down the page and onto a week's link when the app arrives.
        let before = browser.execute(FIRST_MAIN, Vec::new()).await;
        browser
            .execute(
                "document.querySelector('#first-view a[href=\"#/week/3\"]').focus({ preventScroll: true }); \
                 window.scrollTo(0, 400);",
                Vec::new(),
            )
            .await;
        let scrolled = browser.execute("return Math.round(window.scrollY);", Vec::new()).await;
        server.release();
        browser.wait_for_app().await;

        let after = browser
            .execute("return document.querySelector('#app main').innerHTML;", Vec::new())
            .await;
        assert_eq!(before, after, "the app's home page is the markup the first view showed");
        let focus = browser
            .execute(
                "const a = document.activeElement; \
                 return [a.getAttribute('href'), !!a.closest('#app')];",
                Vec::new(),
            )
            .await;
        assert_eq!(focus, serde_json::json!(["#/week/3", true]), "focus stays on the same link");
        let now = browser.execute("return Math.round(window.scrollY);", Vec::new()).await;
        assert_eq!(now, scrolled, "the page stays where it was scrolled to");
    }
}

in_every_engine! {
    async fn a_link_to_a_week_says_opening_until_the_week_is_there(engine: Engine) {
        let server = StaticServer::serve_dist();
        server.hold(WASM);
        let browser = Browser::phone_in(engine).await;
        open_first_view(&browser, &server, "/#/week/9").await;
        assert_eq!(first_state(&browser).await, "opening");
        let text = visible_text(&browser).await;
        assert!(text.contains("Opening your workbook…"), "{text}");
        assert!(text.contains("Support when you need it"), "the support lines are there: {text}");
        assert!(text.contains("Quick exit"), "{text}");
        assert!(!text.contains("The weeks"), "never the wrong page first: {text}");
        browser.assert_accessible("the first view of a link to week 9").await;

        server.release();
        browser.wait_for_app().await;
        wait_for_text(&browser, "Understanding harm").await;
        assert!(!visible_text(&browser).await.contains("Opening your workbook"));
    }
}

in_every_engine! {
    async fn the_curriculum_is_fetched_while_the_app_is_on_its_way(engine: Engine) {
        // Without the page's preloads the app would fetch the curriculum only once it has
        // started, which the held wasm never lets it do.
        let curriculum = default_curriculum();
        let files: Vec<String> = std::iter::once("curriculum.md".to_string())
            .chain(curriculum.weeks.iter().map(|week| week.file.clone()))
            .chain(std::iter::once(format!("interface/{}.ftl", curriculum.language)))
            .map(|file| format!("/content/{file}"))
            .collect();
        // The page preloads it, whichever page it opens on.
        for path in ["/", "/#/week/9"] {
            let server = StaticServer::serve_dist();
            server.hold(WASM);
            let browser = Browser::phone_in(engine).await;
            open_first_view(&browser, &server, path).await;
            browser
                .wait_until(&format!("{path} to fetch every curriculum file"), DEFAULT_WAIT, async || {
                    let fetched: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
                    files.iter().all(|file| fetched.contains(file))
                })
                .await;
            let asked: Vec<String> = server
                .requests()
                .into_iter()
                .map(|r| r.path)
                .filter(|p| p.starts_with("/content/"))
                .collect();
            assert_eq!(asked.len(), files.len(), "each file once, from {path}: {asked:?}");
        }
    }
}

in_every_engine! {
    async fn the_quick_exit_works_before_the_app_has_arrived(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        server.hold(WASM);
        let browser = Browser::desktop_in(engine).await;
        open_first_view(&browser, &server, "/").await;
        let main = browser.wait_for_selector("#main", DEFAULT_WAIT).await;
        for _ in 0..3 {
            main.send_keys(key::SHIFT).await.expect("press Shift");
        }
        browser
            .wait_until("the quick exit to leave for the neutral site", DEFAULT_WAIT, async || {
                let url = browser.client().current_url().await.expect("an address");
                url.as_str().starts_with(&curriculum.quick_exit)
            })
            .await;
        server.release();
    }
}

#[tokio::test]
async fn the_quick_exit_button_works_when_the_app_cannot_start() {
    let curriculum = default_curriculum();
    let server = StaticServer::serve_dist();
    server.refuse(WASM);
    let browser = Browser::phone().await;
    open_first_view(&browser, &server, "/#/week/2").await;
    browser
        .wait_for_js(
            "document.documentElement.getAttribute('data-first') === 'failed'",
            APP_START,
        )
        .await;
    browser
        .wait_for_selector("#quick-exit", DEFAULT_WAIT)
        .await
        .click()
        .await
        .expect("click the quick exit");
    browser
        .wait_until(
            "the quick exit to leave for the neutral site",
            DEFAULT_WAIT,
            async || {
                let url = browser.client().current_url().await.expect("an address");
                url.as_str().starts_with(&curriculum.quick_exit)
            },
        )
        .await;
}

/// Waits for the first view's message that the workbook could not open, and checks what it
/// offers: what to do, the quick exit, the support lines, and the reason for the people who run
/// the workbook.
async fn assert_could_not_open(browser: &Browser, reason: &str) {
    if let Err(last) = browser
        .try_wait_for_js(
            "document.documentElement.getAttribute('data-first') === 'failed'",
            APP_START,
        )
        .await
    {
        let report = browser.failure_report().await;
        panic!("the page never said the workbook could not open ({last}):\n{report}");
    }
    let text = visible_text(browser).await;
    for words in [
        "The workbook could not open",
        "reload the page",
        "Your answers are safe",
        "Quick exit",
        "Support when you need it",
    ] {
        assert!(text.contains(words), "the message says {words:?}:\n{text}");
    }
    assert!(!text.contains("The weeks"), "{text}");
    let details = browser
        .execute(
            "return document.querySelector('#first-view .first-reason').textContent;",
            Vec::new(),
        )
        .await;
    let details = details.as_str().unwrap_or_default().to_string();
    assert!(
        details.contains(reason),
        "the details say {reason:?}: {details:?}"
    );
}

in_every_engine! {
    async fn when_the_app_cannot_be_fetched_or_is_missing_the_page_says_so(engine: Engine) {
        // A failed download (the connection dropped), then a file never uploaded (404). Either
        // is said by the failed preload of the wasm, or by Trunk's start-up script as the stage
        // step makes it (WebKit reports neither reliably on its own).
        let refused = StaticServer::serve_dist();
        refused.refuse(WASM);
        let missing = StaticServer::serve_dist();
        missing.lose(WASM);
        for server in [&refused, &missing] {
            let browser = Browser::phone_in(engine).await;
            open_first_view(&browser, server, "/").await;
            assert_could_not_open(&browser, "").await;
            browser.assert_accessible("the message that the workbook could not open").await;
        }
    }
}

in_every_engine! {
    async fn when_its_script_cannot_be_fetched_the_page_says_so(engine: Engine) {
        let server = StaticServer::serve_dist();
        let glue = app_file(".js");
        server.refuse(&glue);
        let browser = Browser::phone_in(engine).await;
        open_first_view(&browser, &server, "/").await;
        assert_could_not_open(&browser, "").await;
    }
}

in_every_engine! {
    async fn when_the_curriculum_cannot_be_fetched_the_page_says_so(engine: Engine) {
        let server = StaticServer::serve_dist();
        server.refuse("/content/curriculum.md");
        let browser = Browser::phone_in(engine).await;
        open_first_view(&browser, &server, "/").await;
        assert_could_not_open(&browser, "could not fetch the curriculum").await;
    }
}

/// A copy of the built site whose first week a deployer has retitled in `content/`, without
/// building again: the page written at build time still has the old title.
fn site_with_a_retitled_week(old: &str, new: &str) -> std::path::PathBuf {
    let site = std::env::temp_dir().join(format!("workbook-retitled-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    crate::hostile::copy_dir(&dist_dir(), &site);
    let file = site
        .join("content")
        .join(&default_curriculum().weeks[0].file);
    let text = std::fs::read_to_string(&file).expect("the first week's file");
    let front = format!("title: {old}");
    assert!(text.contains(&front), "{} has {front:?}", file.display());
    std::fs::write(&file, text.replacen(&front, &format!("title: {new}"), 1)).expect("can edit");
    site
}

#[tokio::test]
async fn a_curriculum_replaced_without_building_again_wins_once_the_app_starts() {
    let old = default_curriculum().weeks[0].title.clone();
    let new = "A new first week";
    let server = StaticServer::serve(site_with_a_retitled_week(&old, new));
    server.hold(WASM);
    let browser = Browser::phone().await;
    open_first_view(&browser, &server, "/").await;
    let text = visible_text(&browser).await;
    assert!(
        text.contains(&old),
        "the page written at build time has the old title: {text}"
    );

    server.release();
    browser.wait_for_app().await;
    wait_for_text(&browser, new).await;
    let text = visible_text(&browser).await;
    assert!(!text.contains(&old), "what the app draws wins: {text}");
}

#[tokio::test]
async fn a_browser_without_webassembly_is_told_so() {
    let server = StaticServer::serve_dist();
    server.run_before_page_scripts("delete window.WebAssembly;");
    let browser = Browser::phone().await;
    open_first_view(&browser, &server, "/").await;
    assert_eq!(first_state(&browser).await, "old-browser");
    let text = visible_text(&browser).await;
    assert!(
        text.contains("This browser cannot open the workbook"),
        "{text}"
    );
    assert!(text.contains("Try another browser"), "{text}");
    assert!(
        text.contains("Quick exit") && text.contains("Support when you need it"),
        "{text}"
    );
    browser
        .assert_accessible("the message for a browser too old")
        .await;
}

#[tokio::test]
async fn a_participant_with_answers_sees_opening_rather_than_a_home_page_without_them() {
    let curriculum = default_curriculum();
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    // An answer from an earlier visit: the home page written at build time cannot show its
    // progress, so the page says it is opening instead of showing "Not started".
    let (week, exercise) = crate::app::first_of_kind(&curriculum, "writing");
    crate::app::open_exercise(&browser, &server, week.number, &exercise.id).await;
    crate::app::type_into(&browser, &format!("#{}-text", exercise.id), "Some words").await;
    crate::app::wait_saved(&browser).await;
    // The service worker would start the app from its cache at once: without it, the page is
    // what a visit shows while the app is still on its way.
    browser
        .execute_async(
            "const done = arguments[0]; \
             navigator.serviceWorker.getRegistrations() \
               .then((all) => Promise.all(all.map((r) => r.unregister()))) \
               .then(() => caches.keys()) \
               .then((keys) => Promise.all(keys.map((k) => caches.delete(k)))) \
               .then(() => done(true), () => done(false));",
            Vec::new(),
        )
        .await;
    server.hold(WASM);
    open_first_view(&browser, &server, "/").await;
    assert_eq!(first_state(&browser).await, "opening");
    let text = visible_text(&browser).await;
    assert!(text.contains("Opening your workbook…"), "{text}");
    assert!(!text.contains("Not started"), "{text}");
    server.release();
    browser.wait_for_app().await;
    wait_for_text(&browser, "The weeks").await;
}

#[tokio::test]
async fn the_first_views_links_within_the_page_work() {
    let server = StaticServer::serve_dist();
    server.hold(WASM);
    let browser = Browser::phone().await;
    open_first_view(&browser, &server, "/").await;
    browser
        .wait_for_selector("#first-view .site-header a[href='#support']", DEFAULT_WAIT)
        .await
        .click()
        .await
        .expect("click Get support");
    let focused = browser
        .execute(
            "return [document.activeElement.id, location.hash, document.documentElement.getAttribute('data-first')];",
            Vec::new(),
        )
        .await;
    assert_eq!(
        focused,
        serde_json::json!(["support", "", "home"]),
        "Get support moves to the support lines without leaving the home page"
    );
    server.release();
    // Still the home page once the app is there, with the support lines still in focus.
    browser.wait_for_app().await;
    let after = browser
        .execute(
            "return [document.activeElement.id, location.hash];",
            Vec::new(),
        )
        .await;
    assert_eq!(after, serde_json::json!(["support", ""]));
}

/// The name of the app's file in `dist/` that ends with `ending` (Trunk adds a hash to it).
fn app_file(ending: &str) -> String {
    let dist = crate::harness::workspace_dir().join("dist");
    std::fs::read_dir(&dist)
        .expect("dist/ is built")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("workbook-web-") && name.ends_with(ending))
        .unwrap_or_else(|| panic!("dist/ has no workbook-web-*{ending}"))
}
