//! The home page and the weeks: every week listed, deep links that open a week at an exercise.

use crate::app::{default_curriculum, find, open, open_exercise};
use crate::harness::{Browser, DEFAULT_WAIT, StaticServer};
use crate::in_every_engine;
use serde_json::Value as Json;

in_every_engine! {
    async fn the_home_page_lists_every_week(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        open(&browser, &server, "#/").await;

        let listed = browser
            .execute(
                "return [...document.querySelectorAll('ol.weeks > li')].map(li => li.innerText);",
                Vec::new(),
            )
            .await;
        let listed: Vec<String> = listed
            .as_array()
            .expect("a list")
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(
            listed.len(),
            curriculum.weeks.len(),
            "one card per week: {listed:#?}"
        );
        for (card, week) in listed.iter().zip(&curriculum.weeks) {
            assert!(
                card.contains(&week.title),
                "week {} shows its title: {card}",
                week.number
            );
            assert!(
                card.contains(&format!("Week {}", week.number)),
                "and its number: {card}"
            );
        }
        browser.screenshot("weeks-home-desktop").await;
    }
}

in_every_engine! {
    async fn every_week_page_shows_its_exercises_under_their_ids(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        for week in &curriculum.weeks {
            open(&browser, &server, &format!("#/week/{}", week.number)).await;
            let title = find(&browser, "h1").await.text().await.expect("a title");
            assert_eq!(title, week.title);
            for exercise in &week.exercises {
                find(&browser, &format!("#ex-{}", exercise.id)).await;
            }
        }
    }
}

#[tokio::test]
async fn a_deep_link_opens_the_week_at_the_exercise() {
    let curriculum = default_curriculum();
    let week = &curriculum.weeks[2];
    let exercise = week.exercises.last().expect("week 3 has exercises");
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open_exercise(&browser, &server, week.number, &exercise.id).await;
    find(&browser, &format!("#ex-{}", exercise.id)).await;
    // The app scrolls once the page is drawn: wait until the exercise is on screen (the assertion
    // below says where it was if it never comes).
    let in_view = format!(
        "(() => {{ const r = document.getElementById({}).getBoundingClientRect(); \
         return r.top >= -5 && r.top < window.innerHeight; }})()",
        Json::from(format!("ex-{}", exercise.id))
    );
    let _ = browser.try_wait_for_js(&in_view, DEFAULT_WAIT).await;
    let top = browser
        .execute(
            "const r = document.getElementById(arguments[0]).getBoundingClientRect(); return r.top;",
            vec![Json::from(format!("ex-{}", exercise.id))],
        )
        .await
        .as_f64()
        .expect("a number");
    let height = browser
        .execute("return window.innerHeight;", Vec::new())
        .await
        .as_f64()
        .expect("a number");
    assert!(
        (-5.0..height).contains(&top),
        "the exercise is in view (top {top}, viewport {height})"
    );
    browser.screenshot("weeks-deep-link-phone").await;
}

#[tokio::test]
async fn continue_where_you_left_off_returns_to_the_last_exercise() {
    use crate::app::{type_into, wait_saved};
    let curriculum = default_curriculum();
    let week = &curriculum.weeks[2];
    let exercise = week
        .exercises
        .iter()
        .find(|e| !e.sensitive && matches!(e.kind, workbook_core::ExerciseKind::ShortAnswer { .. }))
        .expect("week 3 has a short answer");
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open_exercise(&browser, &server, week.number, &exercise.id).await;
    type_into(&browser, &format!("#{}-text", exercise.id), "Something").await;
    wait_saved(&browser).await;

    // Another day: the workbook opens at home, and offers the way back.
    open(&browser, &server, "#/").await;
    let link = find(&browser, "a.resume, .resume a").await;
    assert_eq!(
        link.text().await.expect("text"),
        "Continue where you left off"
    );
    let href = link
        .attr("href")
        .await
        .expect("an attribute")
        .expect("a link");
    assert_eq!(href, format!("#/week/{}/{}", week.number, exercise.id));
}
