//! Every kind of exercise can be filled in with the keyboard alone, is saved, and is still
//! there after a reload.

use serde_json::{Value as Json, json};

use crate::app::{
    default_curriculum, find, first_of_kind, key, open, open_exercise, press, press_button, stored,
    type_into, value_of, wait_saved,
};
use crate::harness::{Browser, Engine, StaticServer};
use crate::in_every_engine;

/// Opens the first exercise of `kind`, returning the browser, the server, the exercise's id and
/// the CSS prefix of its fields.
async fn open_kind(
    engine: Engine,
    kind: &str,
) -> (Browser, StaticServer, workbook_core::Curriculum, String) {
    let curriculum = default_curriculum();
    let (week, exercise) = first_of_kind(&curriculum, kind);
    let id = exercise.id.clone();
    let week_number = week.number;
    let server = StaticServer::serve_dist();
    let browser = Browser::phone_in(engine).await;
    open(&browser, &server, &format!("#/week/{week_number}/{id}")).await;
    find(&browser, &format!("#ex-{id}")).await;
    (browser, server, curriculum, id)
}

fn answer_of(stored: Option<Json>) -> Json {
    stored.expect("the answer is stored")["answer"].clone()
}

in_every_engine! {
    async fn writing_with_a_live_word_count(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "writing").await;
        type_into(
            &browser,
            &format!("#{id}-text"),
            "I came here because I want to change.",
        )
        .await;
        let count = find(&browser, &format!("#{id}-count"))
            .await
            .text()
            .await
            .expect("text");
        assert!(
            count.starts_with("8 words"),
            "the word count follows the typing: {count}"
        );
        wait_saved(&browser).await;
        assert_eq!(
            answer_of(stored(&browser, &curriculum, &id).await),
            json!({"text": {"text": "I came here because I want to change."}})
        );
        browser.reload().await;
        browser.wait_for_app().await;
        assert_eq!(
            value_of(&browser, &format!("#{id}-text")).await,
            "I came here because I want to change."
        );
    }
}

in_every_engine! {
    async fn short_answers(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "short-answer").await;
        type_into(&browser, &format!("#{id}-text"), "Sunday mornings").await;
        wait_saved(&browser).await;
        assert_eq!(
            answer_of(stored(&browser, &curriculum, &id).await),
            json!({"text": {"text": "Sunday mornings"}})
        );
    }
}

in_every_engine! {
    async fn lists_with_items_added_and_removed(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "list").await;
        type_into(&browser, &format!("#{id}-item-0"), "First").await;
        type_into(&browser, &format!("#{id}-item-1"), "Second").await;
        press_button(&browser, "Add another").await;
        let last = browser
            .execute(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(format!("#ex-{id} .answer-list input"))],
            )
            .await
            .as_u64()
            .expect("a count") as usize
            - 1;
        type_into(&browser, &format!("#{id}-item-{last}"), "Added").await;
        wait_saved(&browser).await;
        let items = answer_of(stored(&browser, &curriculum, &id).await)["list"]["items"].clone();
        let items: Vec<String> = serde_json::from_value(items).expect("a list");
        assert_eq!(items.first().map(String::as_str), Some("First"));
        assert_eq!(items.last().map(String::as_str), Some("Added"));
        // Remove the first item with the keyboard.
        press(
            &browser,
            &format!("#ex-{id} button[aria-label='Remove item 1']"),
            key::ENTER,
        )
        .await;
        wait_saved(&browser).await;
        let items: Vec<String> = serde_json::from_value(
            answer_of(stored(&browser, &curriculum, &id).await)["list"]["items"].clone(),
        )
        .expect("a list");
        assert_eq!(items.first().map(String::as_str), Some("Second"));
    }
}

in_every_engine! {
    async fn ratings_with_the_arrow_keys(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "rating").await;
        // Space picks the focused point; the right arrow moves to the next one, as in any radio group.
        let first = browser
            .execute(
                "return document.querySelector(arguments[0]).id;",
                vec![json!(format!("#ex-{id} input[type=radio]"))],
            )
            .await;
        let first = first.as_str().expect("an id").to_string();
        press(&browser, &format!("#{first}"), key::SPACE).await;
        press(&browser, &format!("#{first}"), key::RIGHT).await;
        wait_saved(&browser).await;
        let values = answer_of(stored(&browser, &curriculum, &id).await)["ratings"]["values"].clone();
        let (_, exercise) = curriculum.exercise(&id).expect("the exercise");
        let workbook_core::ExerciseKind::Rating { scale, items, .. } = &exercise.kind else {
            panic!("a rating")
        };
        // Stored by the statement's id ("" for a rating of the prompt itself).
        let first = items.first().map_or("", |item| item.id.as_str());
        assert_eq!(
            values[first],
            json!(scale.min + 1),
            "the first statement is rated one above the lowest point: {values}"
        );
        browser.reload().await;
        browser.wait_for_app().await;
        let checked = browser
            .execute(
                "return document.querySelector(arguments[0] + ' input[type=radio]:checked').value;",
                vec![json!(format!("#ex-{id}"))],
            )
            .await;
        assert_eq!(checked.as_str(), Some((scale.min + 1).to_string().as_str()));
    }
}

in_every_engine! {
    async fn checklists_with_other(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "checklist").await;
        press(&browser, &format!("#{id}-option-0"), key::SPACE).await;
        press(&browser, &format!("#{id}-option-2"), key::SPACE).await;
        type_into(&browser, &format!("#{id}-other"), "Feeling tired").await;
        wait_saved(&browser).await;
        let answer = answer_of(stored(&browser, &curriculum, &id).await);
        assert_eq!(
            answer["checklist"]["ticked"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(answer["checklist"]["other"], "Feeling tired");
        assert_eq!(
            answer["checklist"]["other_ticked"], true,
            "typing in Other ticks it"
        );
    }
}

in_every_engine! {
    async fn single_choices(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "choice").await;
        press(&browser, &format!("#{id}-option-1"), key::SPACE).await;
        wait_saved(&browser).await;
        let (_, exercise) = curriculum.exercise(&id).expect("the exercise");
        let workbook_core::ExerciseKind::Choice { options, .. } = &exercise.kind else {
            panic!("a choice")
        };
        assert_eq!(
            answer_of(stored(&browser, &curriculum, &id).await)["choice"]["chosen"],
            json!(options[1].id)
        );
    }
}

in_every_engine! {
    async fn worksheets_with_rows_added_moved_and_removed(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "worksheet").await;
        let (_, exercise) = curriculum.exercise(&id).expect("the exercise");
        let workbook_core::ExerciseKind::Worksheet { columns, .. } = &exercise.kind else {
            panic!("a worksheet")
        };
        let text_column = columns
            .iter()
            .position(|c| c.column_type == workbook_core::ColumnType::Text)
            .expect("a text column");
        type_into(&browser, &format!("#{id}-r0-c{text_column}"), "first row").await;
        press_button(&browser, "Add an entry").await;
        let rows = browser
            .execute(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(format!("#ex-{id} fieldset.worksheet-row"))],
            )
            .await
            .as_u64()
            .expect("a count") as usize;
        let last = rows - 1;
        type_into(
            &browser,
            &format!("#{id}-r{last}-c{text_column}"),
            "last row",
        )
        .await;
        // Move the last row up to the top, one step at a time, with the keyboard.
        for r in (1..=last).rev() {
            press(
                &browser,
                &format!("#ex-{id} button[aria-label='Move up entry {}']", r + 1),
                key::ENTER,
            )
            .await;
        }
        // Cells of other types take the keyboard too.
        for (c, column) in columns.iter().enumerate() {
            let css = format!("#{id}-r1-c{c}");
            match column.column_type {
                workbook_core::ColumnType::Rating { .. } => press(&browser, &css, key::DOWN).await,
                workbook_core::ColumnType::Number | workbook_core::ColumnType::Money => {
                    type_into(&browser, &css, "3").await
                }
                workbook_core::ColumnType::Date => press(&browser, &css, key::UP).await,
                workbook_core::ColumnType::Text => {}
            }
        }
        wait_saved(&browser).await;
        let stored_rows = answer_of(stored(&browser, &curriculum, &id).await)["table"]["rows"].clone();
        let label = &columns[text_column].id;
        assert_eq!(
            stored_rows[0][label], "last row",
            "the moved row is first: {stored_rows}"
        );
        assert!(
            stored_rows
                .as_array()
                .expect("rows")
                .iter()
                .any(|row| row[label] == "first row")
        );
        for column in columns {
            if column.column_type != workbook_core::ColumnType::Text {
                assert!(
                    stored_rows[1][&column.id]
                        .as_str()
                        .is_some_and(|v| !v.is_empty()),
                    "the {} cell was filled by keyboard: {stored_rows}",
                    column.label
                );
            }
        }
        press(
            &browser,
            &format!("#ex-{id} button[aria-label='Remove entry 1']"),
            key::ENTER,
        )
        .await;
        wait_saved(&browser).await;
        let after = answer_of(stored(&browser, &curriculum, &id).await)["table"]["rows"].clone();
        assert_eq!(after.as_array().map(Vec::len), Some(rows - 1));
    }
}

in_every_engine! {
    async fn diaries_with_dated_entries(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "diary").await;
        press_button(&browser, "Add an entry for today").await;
        type_into(&browser, &format!("#{id}-e0-text"), "A calm day.").await;
        wait_saved(&browser).await;
        let entries = answer_of(stored(&browser, &curriculum, &id).await)["diary"]["entries"].clone();
        assert_eq!(entries[0]["text"], "A calm day.");
        let date = entries[0]["date"].as_str().expect("a date");
        assert_eq!(date.len(), 10, "today's date, as YYYY-MM-DD: {date}");
    }
}

in_every_engine! {
    async fn plans_with_sections(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "plan").await;
        type_into(&browser, &format!("#{id}-s0-i0"), "Go for a walk").await;
        let (_, exercise) = curriculum.exercise(&id).expect("the exercise");
        let workbook_core::ExerciseKind::Plan { sections } = &exercise.kind else {
            panic!("a plan")
        };
        press(
            &browser,
            &format!(
                "#ex-{id} button[aria-label='Add another to {}']",
                sections[1].label
            ),
            key::ENTER,
        )
        .await;
        type_into(&browser, &format!("#{id}-s1-i1"), "Call a friend").await;
        wait_saved(&browser).await;
        let answer = answer_of(stored(&browser, &curriculum, &id).await);
        assert_eq!(answer["plan"]["sections"][&sections[0].id][0], "Go for a walk");
        assert_eq!(answer["plan"]["sections"][&sections[1].id][1], "Call a friend");
    }
}

in_every_engine! {
    async fn marking_an_exercise_done(engine: Engine) {
        let (browser, _server, curriculum, id) = open_kind(engine, "short-answer").await;
        press(&browser, &format!("#{id}-done"), key::SPACE).await;
        wait_saved(&browser).await;
        assert_eq!(
            stored(&browser, &curriculum, &id).await.expect("stored")["done"],
            true
        );
    }
}

in_every_engine! {
    async fn a_sensitive_exercise_asks_first_and_closes_with_support(engine: Engine) {
        let curriculum = default_curriculum();
        let (week, exercise) = curriculum
            .exercises()
            .find(|(_, e)| e.sensitive && e.kind.name() == "writing")
            .expect("a sensitive writing exercise");
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        open_exercise(&browser, &server, week.number, &exercise.id).await;
        let section = find(&browser, &format!("#ex-{}", exercise.id)).await;
        let text = section.text().await.expect("text");
        assert!(text.contains("Content note"), "{text}");
        assert!(
            text.contains("Are you in a good place to do this now?"),
            "{text}"
        );
        assert!(
            browser
                .execute(
                    "return document.getElementById(arguments[0]) === null;",
                    vec![json!(format!("{}-text", exercise.id))]
                )
                .await
                == true,
            "the writing box waits until the participant says they are ready"
        );
        browser.screenshot("kinds-sensitive-gate-phone").await;

        press_button(&browser, "Not now").await;
        assert!(
            find(&browser, &format!("#ex-{}", exercise.id))
                .await
                .text()
                .await
                .expect("text")
                .contains("will be here when you are ready")
        );
        press_button(&browser, "I am ready now").await;
        press_button(&browser, "Yes, I am ready to start").await;
        let text = find(&browser, &format!("#ex-{}", exercise.id))
            .await
            .text()
            .await
            .expect("text");
        assert!(
            text.contains("Before you start"),
            "the grounding step: {text}"
        );
        assert!(
            text.contains("When you finish"),
            "the wind-down step: {text}"
        );
        assert!(
            text.contains("If you need to talk to someone"),
            "the support lines: {text}"
        );
        type_into(&browser, &format!("#{}-text", exercise.id), "Words.").await;
        wait_saved(&browser).await;
        browser.screenshot("kinds-sensitive-open-phone").await;
    }
}
