//! Every page meets WCAG 2.2 A and AA as far as axe-core can tell, on a phone and a desktop:
//! the weeks, each week, progress, the printable workbook, settings, and a sensitive exercise
//! in each of its states.

use crate::app::{default_curriculum, first_sensitive, navigate, press_button};
use crate::harness::{Browser, StaticServer};
use crate::in_every_engine;

in_every_engine! {
    async fn the_start_page_has_no_axe_violations_on_a_phone(engine: Engine) {
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        browser.open_app(&server).await;
        browser.assert_accessible("the start page (phone)").await;
    }
}

#[tokio::test]
async fn the_start_page_has_no_axe_violations_on_a_desktop() {
    let server = StaticServer::serve_dist();
    let browser = Browser::desktop().await;
    browser.open_app(&server).await;
    browser.assert_accessible("the start page (desktop)").await;
}

#[tokio::test]
async fn every_week_has_no_axe_violations_on_a_phone() {
    let curriculum = default_curriculum();
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    browser.open_app(&server).await;
    for week in &curriculum.weeks {
        navigate(&browser, &format!("#/week/{}", week.number)).await;
        browser
            .wait_for_selector(
                &format!("#ex-{}", week.exercises[0].id),
                crate::harness::DEFAULT_WAIT,
            )
            .await;
        browser
            .assert_accessible(&format!("week {} (phone)", week.number))
            .await;
    }
}

#[tokio::test]
async fn the_other_pages_have_no_axe_violations() {
    let server = StaticServer::serve_dist();
    for browser in [Browser::phone().await, Browser::desktop().await] {
        browser.open_app(&server).await;
        for (route, name) in [
            ("#/progress", "progress"),
            ("#/workbook", "my workbook"),
            ("#/workbook/1", "my workbook, week 1"),
            ("#/settings", "backup and settings"),
        ] {
            navigate(&browser, route).await;
            browser
                .assert_accessible(&format!("{name} ({:?})", browser.viewport().width))
                .await;
        }
        // The confirmation before deleting everything.
        press_button(&browser, "Delete all my answers").await;
        browser
            .assert_accessible("settings, confirming deletion")
            .await;
    }
}

in_every_engine! {
    async fn a_sensitive_exercise_has_no_axe_violations_in_any_state(engine: Engine) {
        let curriculum = default_curriculum();
        let (week, exercise) = first_sensitive(&curriculum);
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        browser.open_app(&server).await;
        navigate(&browser, &format!("#/week/{}/{}", week.number, exercise.id)).await;
        browser
            .assert_accessible("a sensitive exercise, asking first")
            .await;
        press_button(&browser, "Not now").await;
        browser
            .assert_accessible("a sensitive exercise, left for later")
            .await;
        press_button(&browser, "I am ready now").await;
        press_button(&browser, "Yes, I am ready to start").await;
        browser
            .assert_accessible("a sensitive exercise, open")
            .await;
    }
}
