//! Helpers that know the workbook app: its curriculum, routes, storage keys and save status.
//! The harness knows browsers; this module knows what a participant sees.

use fantoccini::Locator;
use fantoccini::elements::Element;
use serde_json::Value as Json;
use workbook_core::{Curriculum, Exercise, Week};

use crate::harness::{Browser, DEFAULT_WAIT, StaticServer};

/// WebDriver's codes for keys that are not characters.
pub mod key {
    /// Enter.
    pub const ENTER: &str = "\u{E007}";
    /// The space bar.
    pub const SPACE: &str = " ";
    /// Right arrow.
    pub const RIGHT: &str = "\u{E014}";
    /// Down arrow.
    pub const DOWN: &str = "\u{E015}";
    /// Up arrow.
    pub const UP: &str = "\u{E013}";
    /// Shift.
    pub const SHIFT: &str = "\u{E008}";
}

/// The curriculum in `content/`, parsed as the app parses it.
pub fn default_curriculum() -> Curriculum {
    let parsed = workbook_tests::shipped_curriculum();
    assert!(
        !parsed.has_errors(),
        "the default content has errors: {:?}",
        parsed.diagnostics
    );
    parsed.curriculum
}

/// The first exercise of a kind (not sensitive, when there is such a one).
pub fn first_of_kind<'a>(curriculum: &'a Curriculum, kind: &str) -> (&'a Week, &'a Exercise) {
    let mut of_kind = curriculum
        .exercises()
        .filter(|(_, e)| e.kind.name() == kind);
    let all: Vec<_> = of_kind.by_ref().collect();
    all.iter()
        .find(|(_, e)| !e.sensitive)
        .or(all.first())
        .copied()
        .unwrap_or_else(|| panic!("the default curriculum has no `{kind}` exercise"))
}

/// The first sensitive exercise, and its week.
pub fn first_sensitive(curriculum: &Curriculum) -> (&Week, &Exercise) {
    curriculum
        .exercises()
        .find(|(_, e)| e.sensitive)
        .expect("the default curriculum has a sensitive exercise")
}

/// Opens the app at a route (`#/week/3`) and waits for it to start.
pub async fn open(browser: &Browser, server: &StaticServer, route: &str) {
    browser.goto(&server.url(&format!("/{route}"))).await;
    browser.wait_for_app().await;
}

/// Opens the app at an exercise (`#/week/<week>/<id>`) and waits for it to start.
pub async fn open_exercise(browser: &Browser, server: &StaticServer, week: u32, exercise: &str) {
    open(browser, server, &format!("#/week/{week}/{exercise}")).await;
}

/// Goes to another route inside the running app, as a link would, and returns once the app has
/// handled it: after the `hashchange` event the app listens to, and the tasks queued behind it
/// (the app renders the new page in the microtasks after its listener, and may finish in a
/// task of its own). A route the page is already at returns at once: nothing changes.
pub async fn navigate(browser: &Browser, route: &str) {
    let route = route.trim_start_matches('#');
    let outcome = browser
        .execute_async(
            "const [route, patience, done] = arguments;
             if (location.hash === '#' + route) { done('here already'); return; }
             const give_up = setTimeout(() => done('no hashchange'), patience);
             window.addEventListener('hashchange', () => {
               clearTimeout(give_up);
               setTimeout(() => setTimeout(() => done('handled'), 0), 0);
             }, { once: true });
             location.hash = route;",
            vec![
                Json::from(route),
                Json::from(DEFAULT_WAIT.as_millis() as u64),
            ],
        )
        .await;
    if outcome.as_str() == Some("no hashchange") {
        let report = browser.failure_report().await;
        panic!(
            "moved to #{route}, but no hashchange came within {DEFAULT_WAIT:?}, so the app \
             cannot have followed\n{report}"
        );
    }
}

/// The element for `css`, waiting for it.
pub async fn find(browser: &Browser, css: &str) -> Element {
    browser.wait_for_selector(css, DEFAULT_WAIT).await
}

/// Types into the element for `css` (WebDriver focuses it first, as a keyboard user would).
pub async fn type_into(browser: &Browser, css: &str, text: &str) {
    let element = find(browser, css).await;
    element
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("could not type into {css}: {e}"));
}

/// Presses a key on the element for `css` (Enter on a button, Space on a checkbox or radio).
pub async fn press(browser: &Browser, css: &str, key: &str) {
    type_into(browser, css, key).await;
}

/// Presses Enter on the button whose text is `label`.
pub async fn press_button(browser: &Browser, label: &str) {
    let xpath = format!("//button[normalize-space(.)='{label}']");
    let button = browser
        .client()
        .wait()
        .at_most(DEFAULT_WAIT)
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no button \u{201c}{label}\u{201d}: {e}"));
    button
        .send_keys(key::ENTER)
        .await
        .unwrap_or_else(|e| panic!("could not press \u{201c}{label}\u{201d}: {e}"));
}

/// Opens an exercise, types `text` into its text box, and waits until it is saved.
pub async fn write_answer(
    browser: &Browser,
    server: &StaticServer,
    week: u32,
    exercise: &str,
    text: &str,
) {
    open_exercise(browser, server, week, exercise).await;
    type_into(browser, &format!("#{exercise}-text"), text).await;
    wait_saved(browser).await;
}

/// Waits until the page shows `text` (anywhere in its visible text).
pub async fn wait_for_text(browser: &Browser, text: &str) {
    let condition = format!("document.body.innerText.includes({})", Json::from(text));
    browser.wait_for_js(&condition, DEFAULT_WAIT).await;
}

/// Waits until the status line says everything is saved.
pub async fn wait_saved(browser: &Browser) {
    browser
        .wait_for_js(
            "document.getElementById('save-status') !== null \
             && document.getElementById('save-status').textContent.includes('Saved on this device')",
            DEFAULT_WAIT,
        )
        .await;
}

/// The storage key of an answer.
pub fn answer_key(curriculum: &Curriculum, exercise: &str) -> String {
    format!("workbook/v1/{}/answer/{exercise}", curriculum.id)
}

/// The stored answer to an exercise, as JSON.
pub async fn stored(browser: &Browser, curriculum: &Curriculum, exercise: &str) -> Option<Json> {
    let storage = browser.local_storage().await;
    storage
        .get(&answer_key(curriculum, exercise))
        .map(|raw| serde_json::from_str(raw).expect("stored answers are JSON"))
}

/// Chooses `file` in the settings page's "Choose a backup file" field.
pub async fn choose_backup_file(browser: &Browser, file: &std::path::Path) {
    find(browser, "#restore-file")
        .await
        .send_keys(&file.display().to_string())
        .await
        .expect("choose the file");
}

/// The value of the input or textarea for `css`.
pub async fn value_of(browser: &Browser, css: &str) -> String {
    browser
        .execute(
            "return document.querySelector(arguments[0]).value;",
            vec![Json::from(css)],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}
