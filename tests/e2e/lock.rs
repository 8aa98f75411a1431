//! The passphrase lock: once on, nothing readable is left in storage; the workbook asks for the
//! passphrase when it opens and after the chosen idle time; backups can be locked too; and a
//! lock that cannot be written changes nothing.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value as Json;
use workbook_core::Curriculum;

use crate::app::{
    answer_key, choose_backup_file, default_curriculum, first_of_kind, navigate, open_exercise,
    press, press_button, stored, type_into, value_of, wait_for_text, wait_saved, write_answer,
};
use crate::harness::{Browser, DEFAULT_WAIT, MOVABLE_CLOCK, StaticServer};
use crate::in_every_engine;

const PASSPHRASE: &str = "green kettle on the hill";

/// A script for [`StaticServer::run_before_page_scripts`]: counts, in `window.e2eIntervalRuns`,
/// the runs of the page's `setInterval` callbacks. The app has one interval, its idle check
/// (every five seconds), so a higher count means the check has run.
const COUNT_INTERVAL_RUNS: &str = "(() => { \
    const setInterval = window.setInterval; \
    window.e2eIntervalRuns = 0; \
    window.setInterval = function (handler, ...rest) { \
      if (typeof handler !== 'function') { return setInterval.call(this, handler, ...rest); } \
      return setInterval.call(this, function (...args) { \
        try { return handler.apply(this, args); } finally { window.e2eIntervalRuns += 1; } \
      }, ...rest); \
    }; \
  })();";

/// How long the idle check may take to come round: it runs every five seconds, later on a
/// loaded machine.
const IDLE_CHECK_COMES: Duration = Duration::from_secs(15);

/// How long the test watches, after an idle check that should not lock, for the locked page
/// anyway. A lock shows a moment after the check (it first waits for any sealed write under way,
/// here none, then draws the locked page); a fixed wait because the test proves that something
/// does not happen, which no condition can show.
const A_LOCK_WOULD_SHOW: Duration = Duration::from_millis(500);

/// A browser on the workbook with one answer written (to the first writing exercise).
struct Scene {
    curriculum: Curriculum,
    week: u32,
    exercise: String,
    /// The exercise's text box.
    css: String,
    server: StaticServer,
    browser: Browser,
}

impl Scene {
    async fn with_answer(browser: Browser, text: &str) -> Scene {
        Self::with_answer_on(StaticServer::serve_dist(), browser, text).await
    }

    /// Like [`Scene::with_answer`], on a server the test has set up.
    async fn with_answer_on(server: StaticServer, browser: Browser, text: &str) -> Scene {
        let curriculum = default_curriculum();
        let (week, exercise) = first_of_kind(&curriculum, "writing");
        let (week, exercise) = (week.number, exercise.id.clone());
        write_answer(&browser, &server, week, &exercise, text).await;
        let css = format!("#{exercise}-text");
        Scene {
            curriculum,
            week,
            exercise,
            css,
            server,
            browser,
        }
    }

    /// Opens the workbook afresh at the exercise, as a participant coming back would (a new
    /// page load, not a change of the address's `#` part).
    async fn reopen(&self) {
        open_exercise(&self.browser, &self.server, self.week, &self.exercise).await;
        self.browser.reload().await;
    }

    /// Unlocks with the right passphrase and waits for the exercise.
    async fn unlock(&self) {
        unlock(&self.browser, PASSPHRASE).await;
        self.browser
            .wait_for_selector(&self.css, DEFAULT_WAIT)
            .await;
    }

    async fn answer(&self) -> String {
        value_of(&self.browser, &self.css).await
    }

    /// The answer's text as stored readable (when the lock is off).
    async fn stored_text(&self) -> Json {
        stored(&self.browser, &self.curriculum, &self.exercise)
            .await
            .expect("stored readable")["answer"]["text"]["text"]
            .clone()
    }
}

/// Turns the lock on from the settings page and waits until it is on.
pub(crate) async fn turn_lock_on(browser: &Browser, idle_minutes: u32) {
    turn_lock_on_with(browser, PASSPHRASE, idle_minutes).await;
}

/// Turns the lock on with `passphrase`.
async fn turn_lock_on_with(browser: &Browser, passphrase: &str, idle_minutes: u32) {
    ask_for_the_lock(browser, passphrase, idle_minutes).await;
    wait_for_text(browser, "Your answers are locked with a passphrase").await;
}

/// Fills in the settings page's lock form and presses "Lock my answers".
async fn ask_for_the_lock(browser: &Browser, passphrase: &str, idle_minutes: u32) {
    navigate(browser, "#/settings").await;
    type_into(browser, "#new-passphrase", passphrase).await;
    type_into(browser, "#repeat-passphrase", passphrase).await;
    browser
        .execute(
            "const s = document.getElementById('idle-minutes'); s.value = arguments[0]; \
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![Json::from(idle_minutes.to_string())],
        )
        .await;
    press(browser, "#no-recovery", " ").await;
    press_button(browser, "Lock my answers").await;
}

/// Types the passphrase on the locked page and waits for the workbook.
async fn unlock(browser: &Browser, passphrase: &str) {
    browser.wait_for_selector("#passphrase", DEFAULT_WAIT).await;
    type_into(browser, "#passphrase", passphrase).await;
    press_button(browser, "Open my workbook").await;
}

/// Asserts that no lock record and no sealed record is stored.
async fn assert_no_lock_stored(browser: &Browser, why: &str) {
    let storage = browser.local_storage().await;
    assert!(
        !storage
            .keys()
            .any(|k| k.contains("/sealed/") || k.ends_with("/lock")),
        "{why}: {storage:?}"
    );
}

/// Asserts that nothing in storage gives away the answers, or which exercises were answered.
fn assert_nothing_readable(
    storage: &BTreeMap<String, String>,
    curriculum: &Curriculum,
    secrets: &[&str],
) {
    let exercise_ids: Vec<&str> = curriculum
        .weeks
        .iter()
        .flat_map(|w| w.exercises.iter().map(|e| e.id.as_str()))
        .collect();
    for (key, value) in storage {
        // The language chosen is kept readable, for the locked page (SECURITY.md).
        assert!(
            key == &format!("workbook/v1/{}/lock", curriculum.id)
                || key.starts_with(&format!("workbook/v1/{}/sealed/", curriculum.id))
                || (key == "workbook/v1/language" && ["en-GB", "cy"].contains(&value.as_str())),
            "only the lock record and sealed records are stored, not {key}"
        );
        for secret in secrets {
            assert!(
                !value.contains(secret),
                "{key} holds readable words: {value}"
            );
        }
        for id in &exercise_ids {
            assert!(!key.contains(id), "{key} names an exercise");
            assert!(
                !value.contains(&format!("\"{id}\"")),
                "{key} names an exercise"
            );
        }
    }
}

in_every_engine! {
    async fn the_lock_leaves_nothing_readable_and_only_the_passphrase_opens_it(engine: Engine) {
        let scene = Scene::with_answer(Browser::phone_in(engine).await, "A private sentence").await;
        let (browser, curriculum) = (&scene.browser, &scene.curriculum);

        // The offer, with its warning, as a participant first sees it.
        navigate(browser, "#/settings").await;
        browser
            .execute(
                "document.getElementById('lock').scrollIntoView();",
                Vec::new(),
            )
            .await;
        browser.screenshot("lock-offer").await;
        browser
            .assert_accessible("the settings page with the lock offered")
            .await;

        turn_lock_on(browser, 15).await;
        let focused = browser
            .execute("return document.activeElement.textContent;", Vec::new())
            .await;
        assert_eq!(
            focused.as_str(),
            Some("Your answers are now locked with your passphrase."),
            "focus goes to what happened"
        );
        browser
            .assert_accessible("the settings page with the lock on")
            .await;
        let storage = browser.local_storage().await;
        assert!(
            storage.keys().any(|k| k.contains("/sealed/")),
            "{storage:?}"
        );
        assert_nothing_readable(&storage, curriculum, &["A private sentence"]);
        browser.screenshot("lock-on-settings").await;

        // Opening the workbook again asks for the passphrase, and shows nothing else of it.
        scene.reopen().await;
        browser.wait_for_selector("#passphrase", DEFAULT_WAIT).await;
        let text = browser.body_text().await;
        assert!(text.contains("Your workbook is locked"), "{text}");
        assert!(!text.contains("A private sentence"), "{text}");
        assert!(
            text.contains("Quick exit"),
            "the quick exit is on the locked page: {text}"
        );
        browser.assert_accessible("the locked page").await;
        browser.screenshot("lock-unlock-page").await;

        unlock(browser, "not the passphrase").await;
        wait_for_text(browser, "That passphrase did not open the workbook").await;
        browser.screenshot("lock-wrong-passphrase").await;
        browser
            .execute(
                "document.getElementById('passphrase').value = '';",
                Vec::new(),
            )
            .await;
        scene.unlock().await;
        assert_eq!(scene.answer().await, "A private sentence");
        browser.execute("window.scrollTo(0, 0);", Vec::new()).await;
        browser.screenshot("lock-unlocked-header").await;

        // Words written while the lock is on are sealed as they are saved ("Saved on this device"
        // once the sealed record is stored).
        type_into(browser, &scene.css, " and a second one").await;
        wait_saved(browser).await;
        browser
            .wait_for_js(
                "Object.keys(localStorage).filter(k => k.includes('/sealed/')).length >= 2",
                DEFAULT_WAIT,
            )
            .await;
        assert_nothing_readable(
            &browser.local_storage().await,
            curriculum,
            &["A private sentence", "second one"],
        );
        browser.reload().await;
        scene.unlock().await;
        assert_eq!(scene.answer().await, "A private sentence and a second one");

        // Turning it off stores everything readable again, and nothing sealed.
        navigate(browser, "#/settings").await;
        press_button(browser, "Turn the lock off").await;
        press_button(browser, "Yes, turn it off").await;
        browser
            .wait_for_js(
                "document.getElementById('new-passphrase') !== null",
                DEFAULT_WAIT,
            )
            .await;
        assert!(
            browser
                .body_text()
                .await
                .contains("The lock is off. Your answers are stored without the secret code again."),
            "the person is told"
        );
        assert_no_lock_stored(browser, "turning the lock off leaves nothing sealed").await;
        assert_eq!(
            scene.stored_text().await,
            "A private sentence and a second one"
        );
    }
}

#[tokio::test]
async fn the_workbook_locks_itself_after_the_chosen_time_without_use() {
    let browser = Browser::desktop().await;
    let server = StaticServer::serve_dist();
    // A clock the test can move forward, so that nobody waits five minutes, and a count of the
    // idle checks made.
    server.run_before_page_scripts(&format!("{MOVABLE_CLOCK}\n{COUNT_INTERVAL_RUNS}"));
    let scene = Scene::with_answer_on(server, browser, "Words to keep").await;
    let browser = &scene.browser;
    turn_lock_on(browser, 5).await;
    scene.reopen().await;
    scene.unlock().await;
    type_into(browser, &scene.css, ", typed just before leaving").await;
    wait_saved(browser).await;

    // Four minutes on: still open, after the app has checked (it does every five seconds).
    let runs = browser
        .execute(
            "window.e2eClockAhead = 4 * 60 * 1000; return window.e2eIntervalRuns;",
            Vec::new(),
        )
        .await;
    browser
        .wait_for_js(
            &format!("window.e2eIntervalRuns > {runs}"),
            IDLE_CHECK_COMES,
        )
        .await;
    tokio::time::sleep(A_LOCK_WOULD_SHOW).await;
    assert!(
        browser
            .execute(
                "return document.getElementById('passphrase') === null;",
                Vec::new()
            )
            .await
            .as_bool()
            .unwrap_or(false),
        "four minutes without use, of five, locked the workbook"
    );
    assert_eq!(
        scene.answer().await,
        "Words to keep, typed just before leaving"
    );

    // Six minutes on: locked, with nothing of the workbook left in the page.
    browser
        .execute("window.e2eClockAhead = 6 * 60 * 1000;", Vec::new())
        .await;
    browser
        .wait_for_js(
            "document.getElementById('passphrase') !== null",
            Duration::from_secs(15),
        )
        .await;
    let left_in_page: bool = browser
        .execute(
            "return document.body.innerHTML.includes('Words to keep') \
                || [...document.querySelectorAll('textarea, input')].some(e => e.value.includes('Words to keep'));",
            Vec::new(),
        )
        .await
        .as_bool()
        .unwrap_or(true);
    assert!(!left_in_page, "nothing of the workbook is left in the page");
    let address = browser.execute("return location.hash;", Vec::new()).await;
    assert_eq!(
        address.as_str(),
        Some("#/"),
        "the address names no exercise while locked"
    );
    browser.screenshot("lock-after-idle").await;
    assert_nothing_readable(
        &browser.local_storage().await,
        &scene.curriculum,
        &["Words to keep"],
    );

    scene.unlock().await;
    assert_eq!(
        scene.answer().await,
        "Words to keep, typed just before leaving",
        "what was typed before the lock was kept"
    );
}

#[tokio::test]
async fn a_locked_backup_file_opens_only_with_the_passphrase() {
    let scene = Scene::with_answer(Browser::desktop().await, "Backed up and locked").await;
    let browser = &scene.browser;
    turn_lock_on(browser, 15).await;

    press_button(browser, "Save a backup file").await;
    let (file, text) = browser.wait_for_json_download(DEFAULT_WAIT).await;
    assert!(text.contains("take-home-workbook-backup-locked"), "{text}");
    assert!(!text.contains("Backed up and locked"), "{text}");
    assert!(!text.contains(&scene.exercise), "{text}");

    press_button(browser, "Delete all my answers").await;
    press_button(browser, "Yes, delete everything").await;
    wait_for_text(browser, "All your answers have been deleted").await;

    choose_backup_file(browser, &file).await;
    type_into(browser, "#file-passphrase", "wrong words here").await;
    press_button(browser, "Open the backup file").await;
    wait_for_text(browser, "That passphrase did not open this file").await;
    browser
        .execute(
            "document.getElementById('file-passphrase').value = '';",
            Vec::new(),
        )
        .await;
    type_into(browser, "#file-passphrase", PASSPHRASE).await;
    press_button(browser, "Open the backup file").await;
    wait_for_text(browser, "What restoring will do").await;
    press_button(browser, "Restore these answers").await;
    wait_for_text(browser, "Done.").await;
    navigate(
        browser,
        &format!("#/week/{}/{}", scene.week, scene.exercise),
    )
    .await;
    browser.wait_for_selector(&scene.css, DEFAULT_WAIT).await;
    assert_eq!(scene.answer().await, "Backed up and locked");
}

#[tokio::test]
async fn a_lock_that_cannot_be_written_changes_nothing() {
    let scene = Scene::with_answer(Browser::desktop().await, "Still readable").await;
    let (browser, curriculum) = (&scene.browser, &scene.curriculum);

    // Storage fills up half way through writing the sealed copies.
    browser
        .execute(
            "const set = Storage.prototype.setItem; let sealed = 0; \
             Storage.prototype.setItem = function (key, value) { \
               if (key.includes('/sealed/') && ++sealed > 1) throw new DOMException('full', 'QuotaExceededError'); \
               return set.call(this, key, value); };",
            Vec::new(),
        )
        .await;
    // A second answer, so that there is more than one copy to write.
    navigate(browser, "#/week/1").await;
    let other = curriculum.weeks[0]
        .exercises
        .iter()
        .find(|e| e.kind.name() == "short-answer" && e.id != scene.exercise)
        .expect("week 1 has a short answer");
    type_into(browser, &format!("#{}-text", other.id), "A second answer").await;
    wait_saved(browser).await;

    ask_for_the_lock(browser, PASSPHRASE, 15).await;
    wait_for_text(browser, "not enough room").await;
    browser.screenshot("lock-failed-full").await;
    assert_no_lock_stored(browser, "a failed lock leaves no sealed copies").await;
    assert_eq!(scene.stored_text().await, "Still readable");

    // And the workbook still opens without a passphrase, with the words in it.
    scene.reopen().await;
    browser.wait_for_selector(&scene.css, DEFAULT_WAIT).await;
    assert_eq!(scene.answer().await, "Still readable");
}

#[tokio::test]
async fn with_the_lock_on_two_tabs_share_words_and_a_tab_closed_soon_after_typing_keeps_them() {
    let scene = Scene::with_answer(Browser::desktop().await, "Started").await;
    let (browser, css) = (&scene.browser, &scene.css);
    let client = browser.client();
    turn_lock_on(browser, 15).await;
    scene.reopen().await;
    scene.unlock().await;
    let tab_a = client.window().await.expect("a window");

    let tab_b = client.new_window(true).await.expect("a second tab").handle;
    client.switch_to_window(tab_b.clone()).await.expect("to B");
    open_exercise(browser, &scene.server, scene.week, &scene.exercise).await;
    scene.unlock().await;

    client.switch_to_window(tab_a.clone()).await.expect("to A");
    type_into(browser, css, " in one tab").await;
    wait_saved(browser).await;

    client.switch_to_window(tab_b).await.expect("to B");
    browser
        .wait_for_js(
            &format!("document.querySelector('{css}').value === 'Started in one tab'"),
            DEFAULT_WAIT,
        )
        .await;
    type_into(browser, css, ", then the other").await;
    // Closed as soon as it says the words are saved (sealing cannot finish while a page closes).
    wait_saved(browser).await;
    client.close_window().await.expect("B closes");

    client.switch_to_window(tab_a).await.expect("to A");
    browser
        .wait_for_js(
            &format!(
                "document.querySelector('{css}').value === 'Started in one tab, then the other'"
            ),
            DEFAULT_WAIT,
        )
        .await;
    assert_nothing_readable(
        &browser.local_storage().await,
        &scene.curriculum,
        &["Started", "other"],
    );
    browser.reload().await;
    scene.unlock().await;
    assert_eq!(scene.answer().await, "Started in one tab, then the other");
}

#[tokio::test]
async fn readable_answers_found_beside_the_lock_are_sealed_at_the_next_unlock() {
    let scene = Scene::with_answer(Browser::desktop().await, "Sealed already").await;
    let (browser, curriculum) = (&scene.browser, &scene.curriculum);
    turn_lock_on(browser, 15).await;

    // As if a set-up had been cut short after its lock record, or an old tab had saved late:
    // one readable answer beside the sealed ones, and a readable version of the sealed answer.
    let other = curriculum.weeks[0]
        .exercises
        .iter()
        .find(|e| e.kind.name() == "short-answer")
        .expect("week 1 has a short answer");
    let entry = |text: &str| {
        serde_json::json!({
            "format": 1, "kind": "short-answer", "done": false, "updated": 1,
            "answer": { "text": { "text": text } }
        })
        .to_string()
    };
    browser
        .execute(
            "localStorage.setItem(arguments[0], arguments[1]); \
             localStorage.setItem(arguments[2], arguments[3]);",
            vec![
                Json::from(answer_key(curriculum, &other.id)),
                Json::from(entry("Left readable")),
                Json::from(answer_key(curriculum, &scene.exercise)),
                Json::from(entry("An older version")),
            ],
        )
        .await;

    scene.reopen().await;
    scene.unlock().await;
    assert_eq!(scene.answer().await, "Sealed already");
    // Sealed and tidied: nothing is stored but the lock record and sealed records (and the
    // language chosen, SECURITY.md).
    browser
        .wait_for_js(
            &format!(
                "Object.keys(localStorage).every(k => k === {} || k.startsWith({}) \
                 || k === 'workbook/v1/language')",
                Json::from(format!("workbook/v1/{}/lock", curriculum.id)),
                Json::from(format!("workbook/v1/{}/sealed/", curriculum.id)),
            ),
            DEFAULT_WAIT,
        )
        .await;
    assert_nothing_readable(
        &browser.local_storage().await,
        curriculum,
        &["Left readable", "An older version"],
    );
    navigate(browser, &format!("#/week/1/{}", other.id)).await;
    assert_eq!(
        value_of(browser, &format!("#{}-text", other.id)).await,
        "Left readable"
    );
    // The differing version is kept aside, not dropped.
    navigate(browser, "#/settings").await;
    assert!(
        browser.body_text().await.contains("An older version"),
        "the other version is among the copies kept aside"
    );
}

#[tokio::test]
async fn a_lock_turned_off_in_another_tab_opens_the_waiting_locked_page() {
    let scene = Scene::with_answer(Browser::desktop().await, "Open again").await;
    let browser = &scene.browser;
    let client = browser.client();
    turn_lock_on(browser, 15).await;
    let tab_a = client.window().await.expect("a window");

    // A second tab opens on the locked page and waits there.
    let tab_b = client.new_window(true).await.expect("a second tab").handle;
    client.switch_to_window(tab_b.clone()).await.expect("to B");
    open_exercise(browser, &scene.server, scene.week, &scene.exercise).await;
    browser.wait_for_selector("#passphrase", DEFAULT_WAIT).await;

    client.switch_to_window(tab_a).await.expect("to A");
    press_button(browser, "Turn the lock off").await;
    press_button(browser, "Yes, turn it off").await;
    browser
        .wait_for_js(
            "document.getElementById('new-passphrase') !== null",
            DEFAULT_WAIT,
        )
        .await;

    client.switch_to_window(tab_b).await.expect("to B");
    browser.wait_for_selector(&scene.css, DEFAULT_WAIT).await;
    assert_eq!(scene.answer().await, "Open again");
}

#[tokio::test]
async fn a_forgotten_passphrase_can_start_the_workbook_again() {
    // In dark mode, so that axe checks the colours of the locked page there too.
    let scene = Scene::with_answer(Browser::phone_in_dark_mode().await, "Gone for good").await;
    let browser = &scene.browser;
    turn_lock_on(browser, 15).await;
    scene.reopen().await;
    browser.wait_for_selector("#passphrase", DEFAULT_WAIT).await;
    browser
        .execute(
            "document.querySelector('details.forgotten').open = true;",
            Vec::new(),
        )
        .await;
    press_button(browser, "Delete my locked answers").await;
    let focused = browser
        .execute("return document.activeElement.textContent;", Vec::new())
        .await;
    assert_eq!(
        focused.as_str(),
        Some("No, keep them"),
        "the question takes keyboard focus to its safe answer"
    );
    browser.screenshot("lock-forgotten").await;
    browser.assert_accessible("the locked page, deleting").await;
    press_button(browser, "Yes, delete them").await;
    browser.wait_for_selector(&scene.css, DEFAULT_WAIT).await;
    assert_eq!(scene.answer().await, "");
    let storage = browser.local_storage().await;
    assert!(
        !storage
            .keys()
            .any(|k| k.contains("/answer/") || k.contains("/sealed/") || k.ends_with("/lock")),
        "nothing of the locked workbook is left: {storage:?}"
    );
}

#[tokio::test]
async fn a_new_passphrase_replaces_the_old_one_and_keeps_every_answer() {
    const NEW: &str = "blue boat by the pier";
    let scene = Scene::with_answer(Browser::desktop().await, "Kept through the change").await;
    let browser = &scene.browser;
    turn_lock_on(browser, 15).await;
    let sealed_before = browser
        .local_storage()
        .await
        .keys()
        .filter(|k| k.contains("/sealed/"))
        .count();

    // A slip in the second box is caught, said next to the fields, and tied to them.
    type_into(browser, "#changed-passphrase", NEW).await;
    type_into(
        browser,
        "#repeat-changed-passphrase",
        "blue boat by the pie",
    )
    .await;
    press_button(browser, "Change my passphrase").await;
    browser
        .wait_for_js(
            "document.body.innerText.includes('The two passphrases are not the same') \
             && document.getElementById('changed-passphrase').getAttribute('aria-describedby') === 'change-problem'",
            DEFAULT_WAIT,
        )
        .await;
    browser
        .assert_accessible("the settings page with a passphrase slip")
        .await;
    type_into(browser, "#repeat-changed-passphrase", "r").await;
    press_button(browser, "Change my passphrase").await;
    wait_for_text(browser, "Your new passphrase is in use").await;
    browser.screenshot("lock-passphrase-changed").await;
    let storage = browser.local_storage().await;
    assert_nothing_readable(&storage, &scene.curriculum, &["Kept through the change"]);
    assert_eq!(
        storage.keys().filter(|k| k.contains("/sealed/")).count(),
        sealed_before,
        "the records under the old passphrase are gone: {storage:?}"
    );

    scene.reopen().await;
    unlock(browser, PASSPHRASE).await;
    wait_for_text(browser, "That passphrase did not open the workbook").await;
    browser
        .execute(
            "document.getElementById('passphrase').value = '';",
            Vec::new(),
        )
        .await;
    unlock(browser, NEW).await;
    browser.wait_for_selector(&scene.css, DEFAULT_WAIT).await;
    assert_eq!(scene.answer().await, "Kept through the change");
}

#[tokio::test]
async fn a_passphrase_with_accents_opens_however_the_accents_are_typed() {
    // "é" as one character when the lock is set, as "e" and a combining accent when opened
    // (as another keyboard or device may type it).
    let composed = "caf\u{e9} au lait, twice";
    let decomposed = "cafe\u{301} au lait, twice";
    let scene = Scene::with_answer(Browser::desktop().await, "Accents").await;
    let browser = &scene.browser;
    turn_lock_on_with(browser, composed, 15).await;
    scene.reopen().await;
    unlock(browser, decomposed).await;
    browser.wait_for_selector(&scene.css, DEFAULT_WAIT).await;
    assert_eq!(scene.answer().await, "Accents");
}
