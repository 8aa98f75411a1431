//! The quick exit: a button on every page and Shift pressed three times on its own. Typing
//! capital letters must never trigger it.

use std::time::Duration;

use crate::app::{
    default_curriculum, first_of_kind, key, open, open_exercise, type_into, value_of,
};
use crate::harness::{Browser, DEFAULT_WAIT, StaticServer};
use crate::in_every_engine;

/// Waits until the browser is at an address starting with `prefix`. (The neutral site cannot be
/// reached from the test machine, so the page is the browser's error page for that address:
/// WebDriver still reports the address.)
async fn wait_for_address(browser: &Browser, prefix: &str) {
    browser
        .wait_until(
            &format!("the browser to be at an address starting with {prefix}"),
            DEFAULT_WAIT,
            async || {
                let url = browser.client().current_url().await.expect("an address");
                url.as_str().starts_with(prefix)
            },
        )
        .await;
}

in_every_engine! {
    async fn typing_capital_letters_does_not_leave_the_workbook(engine: Engine) {
        let curriculum = default_curriculum();
        let (week, exercise) = first_of_kind(&curriculum, "writing");
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        open_exercise(&browser, &server, week.number, &exercise.id).await;
        let css = format!("#{}-text", exercise.id);
        type_into(&browser, &css, "I Am Writing Many Capital Letters Quickly").await;
        assert_eq!(
            value_of(&browser, &css).await,
            "I Am Writing Many Capital Letters Quickly"
        );
        let url = browser.client().current_url().await.expect("a url");
        assert!(
            url.as_str().starts_with(&server.origin()),
            "still in the workbook: {url}"
        );
    }
}

in_every_engine! {
    async fn shift_three_times_leaves_for_the_neutral_site(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        open(&browser, &server, "#/week/1").await;
        let body = browser
            .wait_for_selector("h1", Duration::from_secs(5))
            .await;
        for _ in 0..3 {
            body.send_keys(key::SHIFT).await.expect("press Shift");
        }
        wait_for_address(&browser, &curriculum.quick_exit).await;
    }
}

in_every_engine! {
    async fn the_button_leaves_without_a_way_back(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        // The participant came from another site's page, which Back should return to.
        let elsewhere = StaticServer::serve(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("e2e/fixtures/harness"),
        );
        browser.goto(&elsewhere.url("/")).await;
        open(&browser, &server, "#/week/2").await;
        let button = browser
            .wait_for_selector("#quick-exit", Duration::from_secs(5))
            .await;
        match button.click().await {
            Ok(()) => {}
            // Firefox's driver reports the neutral site, which this machine cannot reach, as
            // an error of the click that went there.
            Err(error) if error.to_string().contains("Reached error page") => {}
            Err(error) => panic!("click the quick exit: {error}"),
        }
        wait_for_address(&browser, &curriculum.quick_exit).await;
        // Back must not bring the workbook back: the exit replaced its page in the history, so
        // Back goes to the page before it.
        browser.client().back().await.expect("go back");
        browser
            .wait_until("Back to leave the neutral site", DEFAULT_WAIT, async || {
                let url = browser.client().current_url().await.expect("an address");
                !url.as_str().starts_with(&curriculum.quick_exit)
            })
            .await;
        let url = browser.client().current_url().await.expect("an address");
        assert!(
            !url.as_str().starts_with(&server.origin()),
            "Back returned to the workbook: {url}"
        );
        assert!(
            url.as_str().starts_with(&elsewhere.origin()),
            "Back went to the page before the workbook: {url}"
        );
    }
}
