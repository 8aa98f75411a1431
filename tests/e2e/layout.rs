//! The pages reflow to a 320-pixel-wide screen (what 1280 pixels at 400% zoom, or a small phone,
//! gives) without scrolling sideways, and dark mode is readable (axe checks its contrast).

use crate::app::{default_curriculum, first_sensitive, navigate, press_button};
use crate::harness::{Browser, StaticServer, Viewport};

/// The narrowest screen WCAG's reflow criterion asks for.
const NARROW: Viewport = Viewport {
    width: 320,
    height: 640,
    pixel_ratio: 2.0,
    mobile: true,
};

#[tokio::test]
async fn every_page_fits_320_pixels_without_sideways_scrolling() {
    let curriculum = default_curriculum();
    let server = StaticServer::serve_dist();
    let browser = Browser::start(NARROW).await;
    browser.open_app(&server).await;
    let mut routes = vec![
        "#/".to_string(),
        "#/progress".into(),
        "#/workbook".into(),
        "#/settings".into(),
    ];
    routes.extend(
        curriculum
            .weeks
            .iter()
            .map(|w| format!("#/week/{}", w.number)),
    );
    for route in routes {
        navigate(&browser, &route).await;
        let overflow = browser
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                Vec::new(),
            )
            .await
            .as_f64()
            .unwrap_or(0.0);
        if overflow > 1.0 {
            browser
                .screenshot(&format!(
                    "layout-320-overflow-{}",
                    route.replace(['#', '/'], "-")
                ))
                .await;
        }
        assert!(
            overflow <= 1.0,
            "{route} scrolls sideways by {overflow} pixels at 320 pixels wide"
        );
    }
}

#[tokio::test]
async fn dark_mode_is_readable() {
    let curriculum = default_curriculum();
    let (week, exercise) = first_sensitive(&curriculum);
    let server = StaticServer::serve_dist();
    let browser = Browser::phone_in_dark_mode().await;
    browser.open_app(&server).await;
    let dark = browser
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches;",
            Vec::new(),
        )
        .await;
    assert_eq!(dark, true, "the browser asks for dark colours");
    browser
        .assert_accessible("the start page in dark mode")
        .await;
    browser.screenshot("layout-dark-home").await;
    navigate(&browser, &format!("#/week/{}/{}", week.number, exercise.id)).await;
    press_button(&browser, "Yes, I am ready to start").await;
    browser
        .assert_accessible("a sensitive exercise in dark mode")
        .await;
    browser.screenshot("layout-dark-sensitive").await;
}
