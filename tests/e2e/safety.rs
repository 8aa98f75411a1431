//! What the clinical and legal read of the content asked of the app: the support panel leads
//! with the crisis step; the steps around a sensitive exercise link to it; the lock offer and
//! the advice on clearing history say that conditions come first; and a question asked again
//! later in the course (the stage of change) shows both answers on the progress page.

use serde_json::json;

use crate::app::{
    default_curriculum, find, first_sensitive, key, navigate, open, open_exercise, press,
    press_button, wait_for_text, wait_saved,
};
use crate::harness::{Browser, StaticServer};

/// Clicks the link with this text inside `scope`, and returns the id of the focused element and
/// the address's hash afterwards.
async fn follow_link(browser: &Browser, scope: &str, text: &str) -> (String, String) {
    let outcome = browser
        .execute(
            "const link = [...document.querySelectorAll(arguments[0] + ' a')]
                 .find(a => a.textContent.trim() === arguments[1]);
             if (!link) return null;
             link.click();
             return [document.activeElement.id, location.hash];",
            vec![json!(scope), json!(text)],
        )
        .await;
    let pair: Option<(String, String)> =
        serde_json::from_value(outcome).expect("the focused element and the hash");
    pair.unwrap_or_else(|| panic!("no link \u{201c}{text}\u{201d} in {scope}"))
}

#[tokio::test]
async fn the_support_panel_puts_the_crisis_step_first() {
    let curriculum = default_curriculum();
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open(&browser, &server, "#/").await;
    let order = browser
        .execute(
            "const panel = document.getElementById('support');
             return [...panel.querySelectorAll('.crisis, .support-list > li')].map(e =>
                 e.classList.contains('crisis') ? 'crisis' : e.querySelector('strong').textContent);",
            Vec::new(),
        )
        .await;
    let order: Vec<String> = serde_json::from_value(order).expect("a list");
    let crisis_lines: Vec<&str> = curriculum
        .support_lines
        .iter()
        .filter(|l| l.crisis)
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(
        order.first().map(String::as_str),
        Some("crisis"),
        "{order:?}"
    );
    assert_eq!(
        order[1..=crisis_lines.len()].to_vec(),
        crisis_lines,
        "the lines open at any hour come straight after the crisis step: {order:?}"
    );
    assert_eq!(
        order.len(),
        1 + curriculum.support_lines.len(),
        "every line is listed once: {order:?}"
    );
    let crisis = find(&browser, "#support .crisis")
        .await
        .text()
        .await
        .expect("text");
    for words in [
        "In a crisis, at any hour",
        "ending your life",
        "999",
        "116 123",
    ] {
        assert!(
            crisis.contains(words),
            "the crisis step says {words}: {crisis}"
        );
    }
    browser
        .execute(
            "document.getElementById('support').scrollIntoView();",
            Vec::new(),
        )
        .await;
    browser.screenshot("safety-support-panel-phone").await;
}

#[tokio::test]
async fn the_steps_of_a_sensitive_exercise_link_to_the_support_panel() {
    let curriculum = default_curriculum();
    let (week, exercise) = first_sensitive(&curriculum);
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open_exercise(&browser, &server, week.number, &exercise.id).await;
    let section = format!("#ex-{}", exercise.id);
    let route = format!("#/week/{}/{}", week.number, exercise.id);

    let (focused, hash) = follow_link(
        &browser,
        &format!("{section} .content-note"),
        "the support lines",
    )
    .await;
    assert_eq!(
        focused, "support",
        "the content note's link moves focus to the panel"
    );
    assert_eq!(hash, route, "and leaves the address (the page) as it was");

    press_button(&browser, "Yes, I am ready to start").await;
    find(&browser, &format!("{section} .wind-down")).await;
    let (focused, hash) = follow_link(
        &browser,
        &format!("{section} .wind-down"),
        "the support panel",
    )
    .await;
    assert_eq!(
        focused, "support",
        "the wind-down's link moves focus to the panel"
    );
    assert_eq!(hash, route);
    // The box of support lines after the exercise leads with the crisis step too.
    let inline = find(&browser, &format!("{section} .support.inline"))
        .await
        .text()
        .await
        .expect("text");
    assert!(
        inline.find("In a crisis, at any hour") < inline.find("Other support"),
        "{inline}"
    );
}

#[tokio::test]
async fn the_lock_offer_and_the_advice_on_history_say_conditions_come_first() {
    let server = StaticServer::serve_dist();
    let browser = Browser::desktop().await;
    open(&browser, &server, "#/settings").await;
    wait_for_text(&browser, "Lock with a passphrase").await;
    let notes = browser
        .execute(
            "return [...document.querySelectorAll('.conditions')].map(note =>
                 [note.closest('section').querySelector('h2').textContent, note.textContent]);",
            Vec::new(),
        )
        .await;
    let notes: Vec<(String, String)> = serde_json::from_value(notes).expect("pairs");
    let sections: Vec<&str> = notes.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        sections,
        ["Lock with a passphrase", "The quick exit"],
        "the note sits beside the lock offer and the advice on clearing history"
    );
    for (_, text) in &notes {
        for words in [
            "Your conditions come first",
            "Sexual Harm",
            "solicitor",
            "offender manager",
        ] {
            assert!(text.contains(words), "{words}: {text}");
        }
    }
    let lock = find(&browser, "#lock").await.text().await.expect("text");
    assert!(lock.contains("not from a court order"), "{lock}");
    browser.screenshot("safety-lock-offer-desktop").await;
    browser
        .assert_accessible("settings, with the notes on conditions")
        .await;
}

#[tokio::test]
async fn the_stage_of_change_chosen_in_week_two_and_week_twelve_shows_side_by_side() {
    let curriculum = default_curriculum();
    let (later_week, later) = curriculum
        .exercises()
        .find(|(_, e)| {
            matches!(
                &e.kind,
                workbook_core::ExerciseKind::Choice {
                    repeats: Some(_),
                    ..
                }
            )
        })
        .expect("a choice asked again");
    let workbook_core::ExerciseKind::Choice {
        options,
        repeats: Some(earlier),
        ..
    } = &later.kind
    else {
        unreachable!()
    };
    let (earlier_week, _) = curriculum.exercise(earlier).expect("the earlier choice");
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;

    open_exercise(&browser, &server, earlier_week.number, earlier).await;
    press(&browser, &format!("#{earlier}-option-1"), key::SPACE).await;
    wait_saved(&browser).await;
    navigate(&browser, "#/progress").await;
    wait_for_text(&browser, &later.title).await;
    assert!(
        browser.body_text().await.contains("not answered yet"),
        "the later answer is still to come"
    );

    navigate(
        &browser,
        &format!("#/week/{}/{}", later_week.number, later.id),
    )
    .await;
    press(&browser, &format!("#{}-option-3", later.id), key::SPACE).await;
    wait_saved(&browser).await;
    navigate(&browser, "#/progress").await;
    wait_for_text(&browser, &later.title).await;
    let table = browser
        .execute(
            "const heading = [...document.querySelectorAll('.comparison h3')]
                 .find(h => h.textContent === arguments[0]);
             return [...heading.parentElement.querySelectorAll('tbody tr')]
                 .map(row => [...row.children].map(cell => cell.textContent));",
            vec![json!(later.title)],
        )
        .await;
    let rows: Vec<Vec<String>> = serde_json::from_value(table).expect("rows");
    assert_eq!(
        rows,
        vec![
            vec![
                format!("Week {}", earlier_week.number),
                options[1].label.clone()
            ],
            vec![
                format!("Week {}", later_week.number),
                options[3].label.clone()
            ],
        ]
    );
    browser.screenshot("safety-progress-stage-phone").await;
    browser
        .assert_accessible("progress, with a repeated choice")
        .await;
}
