//! The same app with another programme's curriculum: the second curriculum in
//! `tests/curricula/gambling` (four weeks of CBT for problem gambling, written to use every
//! feature of the format), built by `cargo xtask test` into `target/sites/gambling`.
//!
//! Scored questionnaires with reverse items and bands, exercises that open when an earlier answer
//! says so, money columns with totals, a diary that runs through the whole course, and progress
//! over three points: each is used as a participant would, saved, reloaded, and checked with axe.

use std::path::PathBuf;

use serde_json::{Value as Json, json};
use workbook_core::Curriculum;

use crate::app::{find, key, navigate, open, press, press_button, stored, type_into, value_of};
use crate::app::{wait_for_text, wait_saved};
use crate::harness::{Browser, StaticServer};
use crate::in_every_engine;

/// The second curriculum, parsed as the app parses it.
fn example_curriculum() -> Curriculum {
    let parsed = workbook_tests::example_curriculum();
    assert!(
        !parsed.has_errors(),
        "the second curriculum has errors: {:?}",
        parsed.diagnostics
    );
    parsed.curriculum
}

/// The site built with the second curriculum. Panics, saying how to build it, when it is missing.
fn example_site() -> PathBuf {
    let site = workbook_tests::example_site_dir();
    assert!(
        site.join("index.html").is_file(),
        "{} is missing: `cargo xtask test` builds it; by hand, run \
         `WORKBOOK_CONTENT=tests/curricula/gambling cargo xtask build --dist target/sites/gambling`",
        site.join("index.html").display()
    );
    site
}

/// The answer part of a stored entry.
async fn answer(browser: &Browser, curriculum: &Curriculum, exercise: &str) -> Json {
    stored(browser, curriculum, exercise)
        .await
        .unwrap_or_else(|| panic!("{exercise} is stored"))["answer"]
        .clone()
}

/// Answers a questionnaire of the second curriculum: `choices[i]` is the response (0 Never,
/// 1 Sometimes, 2 Often) for statement `i`.
async fn answer_questionnaire(browser: &Browser, id: &str, choices: [usize; 4]) {
    for (item, response) in choices.iter().enumerate() {
        press(browser, &format!("#{id}-q{item}-r{response}"), key::SPACE).await;
    }
}

/// The text of the element for `css`.
async fn text_of(browser: &Browser, css: &str) -> String {
    find(browser, css).await.text().await.expect("text")
}

in_every_engine! {
    async fn a_questionnaire_scores_reverse_items_and_shows_the_band(engine: Engine) {
        let curriculum = example_curriculum();
        let server = StaticServer::serve(example_site());
        let browser = Browser::phone_in(engine).await;
        open(&browser, &server, "#/week/1/harm-check").await;
        assert_eq!(
            text_of(&browser, "#ex-harm-check .questionnaire-total").await,
            "Answer every statement to see your total."
        );
        // Sometimes (1), Never (0), Often (2); and Never to "I had a week free of gambling",
        // which is reverse-scored: 2. Total 5, in the band 3 to 5.
        answer_questionnaire(&browser, "harm-check", [1, 0, 2, 0]).await;
        assert_eq!(
            text_of(&browser, "#ex-harm-check .questionnaire-total").await,
            "Your total: 5. Some harm this week"
        );
        wait_saved(&browser).await;
        assert_eq!(
            answer(&browser, &curriculum, "harm-check").await,
            json!({"questionnaire": {"responses": {
                "spent": "sometimes", "hid": "never", "borrowed": "often", "free-week": "never"
            }}}),
            "responses are stored by the ids of the statements and of the responses"
        );
        browser.reload().await;
        browser.wait_for_app().await;
        let checked = browser
            .execute(
                "return [...document.querySelectorAll('#ex-harm-check input:checked')].map(i => i.id);",
                vec![],
            )
            .await;
        assert_eq!(
            checked,
            json!(["harm-check-q0-r1", "harm-check-q1-r0", "harm-check-q2-r2", "harm-check-q3-r0"]),
            "the answers are there after a reload"
        );
        browser
            .assert_accessible("a questionnaire with its total and band")
            .await;
    }
}

in_every_engine! {
    async fn exercises_open_when_an_earlier_answer_says_so(engine: Engine) {
        let curriculum = example_curriculum();
        let server = StaticServer::serve(example_site());
        let browser = Browser::phone_in(engine).await;
        open(&browser, &server, "#/week/2").await;
        for (exercise, opens) in [
            ("payday-plan", "when you tick \u{201c}Payday, or money coming in\u{201d}"),
            ("lapse-review", "when you choose \u{201c}Yes\u{201d}"),
        ] {
            let note = text_of(&browser, &format!("#ex-{exercise} .condition-note")).await;
            assert!(note.contains(opens), "{exercise} says when it opens: {note}");
            assert!(
                browser
                    .execute(
                        "return document.querySelector(arguments[0]) === null;",
                        vec![Json::from(format!("#{exercise}-text"))],
                    )
                    .await
                    .as_bool()
                    .unwrap_or(false),
                "{exercise} has no answer box while it is closed"
            );
        }
        browser
            .assert_accessible("a week with exercises that have not opened yet")
            .await;

        // A checklist option opens one; a choice opens the other.
        press(&browser, "#triggers-option-0", key::SPACE).await;
        type_into(&browser, "#payday-plan-text", "Pay the rent first.").await;
        press(&browser, "#gambled-this-week-option-0", key::SPACE).await;
        type_into(&browser, "#lapse-review-text", "It was payday and I was bored.").await;
        wait_saved(&browser).await;
        browser
            .assert_accessible("a week with its conditional exercises open")
            .await;

        // Changing the earlier answer never hides words already written.
        press(&browser, "#gambled-this-week-option-1", key::SPACE).await;
        wait_saved(&browser).await;
        browser.reload().await;
        browser.wait_for_app().await;
        assert_eq!(
            value_of(&browser, "#lapse-review-text").await,
            "It was payday and I was bored.",
            "an answer already written stays shown when its condition no longer holds"
        );
        assert_eq!(
            answer(&browser, &curriculum, "gambled-this-week").await,
            json!({"choice": {"chosen": "no", "other": ""}})
        );

        // A rating at or above a value opens an exercise in a later week.
        navigate(&browser, "#/week/3").await;
        find(&browser, "#ex-extra-help .condition-note").await;
        press(&browser, "#mid-ratings-0-8", key::SPACE).await;
        type_into(&browser, "#extra-help-item-0", "Call the helpline").await;
        wait_saved(&browser).await;
        assert_eq!(
            answer(&browser, &curriculum, "mid-ratings").await,
            json!({"ratings": {"values": {"urges": 8}}})
        );
    }
}

in_every_engine! {
    async fn money_columns_add_up_for_each_entry_and_each_column(engine: Engine) {
        let curriculum = example_curriculum();
        let server = StaticServer::serve(example_site());
        let browser = Browser::phone_in(engine).await;
        open(&browser, &server, "#/week/1/money-diary").await;
        type_into(&browser, "#money-diary-r0-c1", "2").await;
        type_into(&browser, "#money-diary-r0-c2", "12.50").await;
        type_into(&browser, "#money-diary-r0-c3", "30").await;
        type_into(&browser, "#money-diary-r1-c2", "7.5").await;
        wait_for_text(&browser, "Total for this entry: £42.50").await;
        wait_for_text(&browser, "Total for this entry: £7.50").await;
        let totals = text_of(&browser, "#ex-money-diary .column-totals").await;
        for line in [
            "Hours spent gambling: 2",
            "On gambling: £20.00",
            "On everything else: £30.00",
        ] {
            assert!(totals.contains(line), "the column totals say {line}: {totals}");
        }
        wait_saved(&browser).await;
        let rows = answer(&browser, &curriculum, "money-diary").await["table"]["rows"].clone();
        assert_eq!(
            rows[0],
            json!({"hours": "2", "gambling": "12.50", "other": "30"}),
            "cells are stored by column id, as typed"
        );
        browser.reload().await;
        browser.wait_for_app().await;
        wait_for_text(&browser, "Total for this entry: £42.50").await;
        browser.assert_accessible("a worksheet with totals").await;
    }
}

#[tokio::test]
async fn the_course_diary_runs_through_every_later_week() {
    let curriculum = example_curriculum();
    let server = StaticServer::serve(example_site());
    let browser = Browser::phone().await;
    open(&browser, &server, "#/week/1/urge-diary").await;
    press_button(&browser, "Add an entry for today").await;
    type_into(
        &browser,
        "#urge-diary-e0-text",
        "Evening, after an advert. Went for a walk.",
    )
    .await;
    wait_saved(&browser).await;
    for week in 2..=4 {
        navigate(&browser, &format!("#/week/{week}")).await;
        let section = text_of(&browser, ".course-diaries").await;
        assert!(section.contains("My urge diary"), "week {week}: {section}");
        assert_eq!(
            value_of(&browser, "#urge-diary-e0-text").await,
            "Evening, after an advert. Went for a walk.",
            "week {week} shows the same diary"
        );
    }
    // An entry added in a later week goes into the same diary.
    press_button(&browser, "Add an entry for today").await;
    type_into(
        &browser,
        "#urge-diary-e1-text",
        "Payday. Rang a friend instead.",
    )
    .await;
    wait_saved(&browser).await;
    let entries = answer(&browser, &curriculum, "urge-diary").await["diary"]["entries"].clone();
    assert_eq!(entries.as_array().map(Vec::len), Some(2), "{entries}");
    browser
        .assert_accessible("a later week with the course diary")
        .await;
}

#[tokio::test]
async fn progress_shows_every_point_of_a_repeated_questionnaire_and_rating() {
    let server = StaticServer::serve(example_site());
    let browser = Browser::desktop().await;
    // Totals 5, then 3, then 1.
    for (week, id, choices) in [
        (1, "harm-check", [1, 0, 2, 0]),
        (2, "harm-check-2", [1, 0, 1, 1]),
        (4, "harm-check-4", [0, 0, 0, 1]),
    ] {
        open(&browser, &server, &format!("#/week/{week}/{id}")).await;
        answer_questionnaire(&browser, id, choices).await;
        wait_saved(&browser).await;
    }
    for (week, id, value) in [
        (1, "start-ratings", 9),
        (3, "mid-ratings", 6),
        (4, "end-ratings", 3),
    ] {
        open(&browser, &server, &format!("#/week/{week}/{id}")).await;
        press(&browser, &format!("#{id}-0-{value}"), key::SPACE).await;
        wait_saved(&browser).await;
    }
    navigate(&browser, "#/progress").await;
    let table = |heading: &'static str| {
        let browser = &browser;
        async move {
            browser
                .execute(
                    "const h = [...document.querySelectorAll('h3')].find(h => h.textContent.trim() === arguments[0]);\
                     const table = h && h.parentElement.querySelector('table');\
                     return table ? [...table.querySelectorAll('tr')].map(r => [...r.cells].map(c => c.textContent.trim())) : null;",
                    vec![Json::from(heading)],
                )
                .await
        }
    };
    assert_eq!(
        table("How gambling affected me this week").await,
        json!([
            ["Statement", "Week 1", "Week 2", "Week 4"],
            ["Total", "5", "3", "1"]
        ]),
        "the questionnaire's total at each of its three points"
    );
    let ratings = table("Where I am now").await;
    assert_eq!(
        ratings[1],
        json!(["My urges to gamble are strong", "9", "6", "3"]),
        "the rating at each of its three points: {ratings}"
    );
    let bars = browser
        .execute(
            "return document.querySelectorAll('figure.chart svg[role=img] rect.bar').length;",
            vec![],
        )
        .await;
    assert!(
        bars.as_u64().unwrap_or(0) >= 6,
        "the charts draw a bar for every point: {bars}"
    );
    browser.screenshot("other-programme-progress").await;
    browser
        .assert_accessible("progress with three points per measure")
        .await;

    // My workbook shows the questionnaire's answers and total in words.
    navigate(&browser, "#/workbook").await;
    wait_for_text(&browser, "I borrowed money or sold things to gamble: Often").await;
    wait_for_text(&browser, "Total: 5. Some harm this week").await;
    browser
        .assert_accessible("my workbook with questionnaires")
        .await;
}
