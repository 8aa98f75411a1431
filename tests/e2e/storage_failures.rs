//! When the browser will not store anything, or its storage is full, the participant is told
//! at once in plain words, keeps their text in the page, and can still save it to a file.

use std::time::Duration;

use crate::app::{
    default_curriculum, first_of_kind, navigate, press_button, stored, type_into, value_of,
    wait_saved,
};
use crate::harness::{Browser, DEFAULT_WAIT, StaticServer};

/// How long the test lets the app go on after typing with storage blocked, before checking that
/// the words are still in the page: longer than the app's pause before it saves (700 ms after
/// the last keystroke), so the save has been tried. No condition can stand in for this wait:
/// with storage blocked the app saves into memory and nothing on the page changes (the status
/// line already says it cannot save), so the test can only let the time pass and check that
/// nothing was dropped.
const PAST_THE_SAVE_PAUSE: Duration = Duration::from_millis(1200);

#[tokio::test]
async fn blocked_storage_is_announced_before_writing_and_the_text_can_be_saved_to_a_file() {
    let curriculum = default_curriculum();
    let (week, exercise) = first_of_kind(&curriculum, "writing");
    let server = StaticServer::serve_dist();
    let browser = Browser::desktop().await;
    // As in some private windows and locked-down browsers: touching localStorage throws.
    server.run_before_page_scripts(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });",
    );
    browser.open_app(&server).await;
    let text = browser.body_text().await;
    assert!(
        text.contains("This browser is not letting the workbook save."),
        "{text}"
    );
    browser.screenshot("storage-blocked-banner").await;

    navigate(&browser, &format!("#/week/{}/{}", week.number, exercise.id)).await;
    let css = format!("#{}-text", exercise.id);
    type_into(&browser, &css, "Words that cannot be stored").await;
    tokio::time::sleep(PAST_THE_SAVE_PAUSE).await;
    assert_eq!(
        value_of(&browser, &css).await,
        "Words that cannot be stored"
    );

    navigate(&browser, "#/settings").await;
    press_button(&browser, "Save a backup file").await;
    let (_, backup) = browser.wait_for_json_download(DEFAULT_WAIT).await;
    assert!(
        backup.contains("Words that cannot be stored"),
        "the file holds the words: {backup}"
    );
}

#[tokio::test]
async fn a_full_store_is_announced_at_once_and_nothing_typed_is_dropped() {
    let curriculum = default_curriculum();
    let (week, exercise) = first_of_kind(&curriculum, "writing");
    let server = StaticServer::serve_dist();
    let browser = Browser::desktop().await;
    browser.open_app(&server).await;
    navigate(&browser, &format!("#/week/{}/{}", week.number, exercise.id)).await;
    let css = format!("#{}-text", exercise.id);
    type_into(&browser, &css, "First words").await;
    wait_saved(&browser).await;

    // The browser's storage fills up.
    browser
        .execute(
            "window.e2eSetItem = Storage.prototype.setItem; \
             Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
            Vec::new(),
        )
        .await;
    type_into(&browser, &css, " and more words").await;
    browser
        .wait_for_js(
            "document.querySelector('#save-status[role=alert]') !== null \
             && document.getElementById('save-status').textContent.includes('storage for the workbook is full')",
            DEFAULT_WAIT,
        )
        .await;
    assert_eq!(value_of(&browser, &css).await, "First words and more words");
    let status = browser
        .wait_for_selector("#save-status a", DEFAULT_WAIT)
        .await;
    assert_eq!(status.text().await.expect("text"), "Save a backup file");
    browser.screenshot("storage-full-alert").await;

    // Space is freed: the next change saves everything, nothing was dropped.
    browser
        .execute("Storage.prototype.setItem = window.e2eSetItem;", Vec::new())
        .await;
    type_into(&browser, &css, ".").await;
    wait_saved(&browser).await;
    assert_eq!(
        stored(&browser, &curriculum, &exercise.id)
            .await
            .expect("stored")["answer"]["text"]["text"],
        "First words and more words."
    );
}
