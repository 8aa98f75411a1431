//! Answers stored before ids existed are carried over, and nothing is ever dropped.
//!
//! `fixtures/format-1/` holds what the workbook stored and exported before answers moved to ids
//! (entry format 1, backup version 1): answers typed through the pages of that build (commit
//! 45d69a4) into a checklist with "Other", a rating with four statements, a choice, a worksheet,
//! a plan and a short answer; then its local storage, and the backup file it saved. These tests
//! start today's build on that storage, and restore that file into it.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json};
use workbook_core::{Curriculum, ExerciseKind, Item};

use crate::app::{
    choose_backup_file, default_curriculum, find, navigate, open, press_button, stored, value_of,
    wait_for_text,
};
use crate::harness::{Browser, StaticServer, dist_dir};
use crate::in_every_engine;

fn fixture(name: &str) -> PathBuf {
    workbook_tests::tests_dir()
        .join("e2e/fixtures/format-1")
        .join(name)
}

/// The local storage the earlier build left, key by key.
fn earlier_storage() -> Map<String, Json> {
    let text = std::fs::read_to_string(fixture("storage.json")).expect("the fixture");
    serde_json::from_str(&text).expect("the fixture is JSON")
}

/// Makes every page load of `server` start with the earlier build's storage, once per tab
/// (a reload keeps what the app has since written).
fn seed_earlier_storage(server: &StaticServer) {
    let seed = Json::Object(earlier_storage());
    server.run_before_page_scripts(&format!(
        "if (!sessionStorage.getItem('e2e-seeded')) {{\
           const seed = {seed};\
           for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);\
           sessionStorage.setItem('e2e-seeded', '1');\
         }}"
    ));
}

/// The items (options, statements, sections) of an exercise of the default curriculum.
fn items<'c>(curriculum: &'c Curriculum, exercise: &str) -> &'c [Item] {
    let (_, exercise) = curriculum.exercise(exercise).expect("the exercise");
    match &exercise.kind {
        ExerciseKind::Checklist { options, .. } | ExerciseKind::Choice { options, .. } => options,
        ExerciseKind::Rating { items, .. } => items,
        ExerciseKind::Plan { sections, .. } => sections,
        other => panic!("{} has no items", other.name()),
    }
}

/// The position of the item labelled `label`.
fn position(curriculum: &Curriculum, exercise: &str, label: &str) -> usize {
    items(curriculum, exercise)
        .iter()
        .position(|item| item.label == label)
        .unwrap_or_else(|| panic!("{exercise} has no item {label:?}"))
}

/// The ids of the inputs checked inside an exercise.
async fn checked(browser: &Browser, exercise: &str) -> Vec<String> {
    let ids = browser
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(i => i.id);",
            vec![Json::from(format!("#ex-{exercise} input:checked"))],
        )
        .await;
    serde_json::from_value(ids).expect("a list of ids")
}

/// Checks that every answer typed into the earlier build is on its page now.
async fn assert_earlier_answers_shown(browser: &Browser, curriculum: &Curriculum) {
    navigate(browser, "#/week/1/start-hopes").await;
    find(browser, "#ex-start-hopes").await;
    let stop = position(curriculum, "start-hopes", "To stop for good");
    let alone = position(curriculum, "start-hopes", "To feel less alone");
    assert_eq!(
        checked(browser, "start-hopes").await,
        vec![
            format!("start-hopes-option-{stop}"),
            format!("start-hopes-option-{alone}"),
            "start-hopes-other-tick".to_string(),
        ]
    );
    assert_eq!(
        value_of(browser, "#start-hopes-other").await,
        "To sleep better"
    );

    navigate(browser, "#/week/1/start-ratings").await;
    find(browser, "#ex-start-ratings").await;
    assert_eq!(
        checked(browser, "start-ratings").await,
        [
            "start-ratings-0-4",
            "start-ratings-1-6",
            "start-ratings-2-3",
            "start-ratings-3-7"
        ],
        "each statement keeps its rating"
    );

    navigate(browser, "#/week/2/change-stage").await;
    find(browser, "#ex-change-stage").await;
    let two_minds = position(
        curriculum,
        "change-stage",
        "In two minds \u{2013} I can see reasons to change, and reasons not to",
    );
    assert_eq!(
        checked(browser, "change-stage").await,
        [format!("change-stage-option-{two_minds}")]
    );
    assert_eq!(
        value_of(browser, "#ex-change-obstacles textarea").await,
        "Feeling tired after work."
    );

    navigate(browser, "#/week/3/online-now").await;
    find(browser, "#ex-online-now").await;
    for (cell, value) in [
        ("#online-now-r0-c0", "News and messages"),
        ("#online-now-r0-c1", "10"),
        ("#online-now-r0-c2", "6"),
        ("#online-now-r0-c3", "Less late at night"),
    ] {
        assert_eq!(value_of(browser, cell).await, value, "{cell}");
    }

    navigate(browser, "#/week/11/goodlives-plan").await;
    find(browser, "#ex-goodlives-plan").await;
    assert_eq!(
        value_of(browser, "#goodlives-plan-s0-i0").await,
        "Join the evening class"
    );
    assert_eq!(
        value_of(browser, "#goodlives-plan-s1-i0").await,
        "Ring about it on Monday"
    );
}

in_every_engine! {
    async fn answers_stored_by_labels_are_moved_to_ids_on_first_load(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        seed_earlier_storage(&server);
        let browser = Browser::desktop_in(engine).await;
        open(&browser, &server, "#/").await;
        assert_earlier_answers_shown(&browser, &curriculum).await;

        // The store now holds them by id, in the current format.
        let hopes = stored(&browser, &curriculum, "start-hopes").await.expect("stored");
        assert_eq!(hopes["format"], 2, "{hopes}");
        let ticked = &hopes["answer"]["checklist"]["ticked"];
        let ids: Vec<&str> = ["To stop for good", "To feel less alone"]
            .iter()
            .map(|label| {
                items(&curriculum, "start-hopes")[position(&curriculum, "start-hopes", label)]
                    .id
                    .as_str()
            })
            .collect();
        assert_eq!(ticked, &Json::from(ids), "{hopes}");
        let ratings = stored(&browser, &curriculum, "start-ratings").await.expect("stored");
        let statements = items(&curriculum, "start-ratings");
        for (statement, value) in statements.iter().zip([4, 6, 3, 7]) {
            assert_eq!(
                ratings["answer"]["ratings"]["values"][&statement.id],
                value,
                "{ratings}"
            );
        }

        // Everything matched, so nothing is kept aside; and it all survives a reload.
        browser.reload().await;
        browser.wait_for_app().await;
        assert_earlier_answers_shown(&browser, &curriculum).await;
        navigate(&browser, "#/workbook").await;
        find(&browser, "h1").await;
        assert!(
            !browser.body_text().await.contains("Answers from earlier versions"),
            "every answer found its place"
        );
    }
}

/// A copy of the built site whose curriculum an author has since reworded.
fn site_with_reworded_labels() -> PathBuf {
    let site = std::env::temp_dir().join(format!("workbook-reworded-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    crate::hostile::copy_dir(&dist_dir(), &site);
    let reword = |file: &Path, from: &str, to: &str| {
        let text = std::fs::read_to_string(file).expect("the week file");
        assert!(text.contains(from), "{} has {from:?}", file.display());
        std::fs::write(file, text.replacen(from, to, 1)).expect("can edit");
    };
    let content = site.join("content");
    let week = |prefix: &str| {
        std::fs::read_dir(&content)
            .expect("content")
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .expect("the week file")
    };
    // Reworded without their ids, so the new words give new ids, as the guide warns.
    reword(
        &week("week-01"),
        "  - To feel less alone {#to-feel-less-alone}",
        "  - To feel less on my own",
    );
    reword(
        &week("week-03"),
        "  - What I would like to change {#what-i-would-like-to-change}: text",
        "  - What I want to change: text",
    );
    site
}

#[tokio::test]
async fn an_answer_whose_label_was_reworded_is_kept_and_shown_as_an_earlier_version() {
    let site = site_with_reworded_labels();
    let server = StaticServer::serve(&site);
    seed_earlier_storage(&server);
    let browser = Browser::desktop().await;
    open(&browser, &server, "#/week/1/start-hopes").await;
    find(&browser, "#ex-start-hopes").await;
    let texts = browser
        .execute(
            "return [...document.querySelectorAll('#ex-start-hopes input:checked')]\
               .map(i => document.querySelector(`label[for=\"${i.id}\"]`).textContent);",
            vec![],
        )
        .await;
    assert_eq!(
        texts,
        serde_json::json!(["To stop for good", "Other"]),
        "what still matches is ticked; the reworded option is not"
    );
    navigate(&browser, "#/workbook").await;
    wait_for_text(&browser, "Answers from earlier versions").await;
    let page = browser.body_text().await;
    for words in [
        "To feel less alone",
        "What I would like to change",
        "Less late at night",
    ] {
        assert!(
            page.contains(words),
            "the old answer shows {words:?}: {page}"
        );
    }
    browser.screenshot("earlier-versions").await;
    browser
        .assert_accessible("my workbook with answers from earlier versions")
        .await;

    // The kept copy survives a reload, and the matched part stays too.
    browser.reload().await;
    browser.wait_for_app().await;
    wait_for_text(&browser, "Answers from earlier versions").await;
    assert!(browser.body_text().await.contains("To feel less alone"));
    navigate(&browser, "#/week/3/online-now").await;
    assert_eq!(
        value_of(&browser, "#online-now-r0-c0").await,
        "News and messages"
    );
    let _ = std::fs::remove_dir_all(&site);
}

in_every_engine! {
    async fn a_backup_saved_before_ids_existed_still_restores(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        open(&browser, &server, "#/settings").await;
        choose_backup_file(&browser, &fixture("backup.json")).await;
        wait_for_text(&browser, "What restoring will do").await;
        assert!(
            browser.body_text().await.contains("6 answers will be added"),
            "{}",
            browser.body_text().await
        );
        press_button(&browser, "Restore these answers").await;
        wait_for_text(&browser, "Done.").await;
        let stage = stored(&browser, &curriculum, "change-stage").await.expect("restored");
        assert_eq!(stage["format"], 2, "{stage}");
        assert_earlier_answers_shown(&browser, &curriculum).await;
    }
}
