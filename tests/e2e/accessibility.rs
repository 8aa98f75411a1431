//! The pages meet WCAG 2.2 A and AA as far as axe-core can tell, on a phone and a desktop.

use crate::harness::{Browser, StaticServer};

#[tokio::test]
async fn the_start_page_has_no_axe_violations_on_a_phone() {
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    browser.open_app(&server).await;
    browser.assert_accessible("the start page (phone)").await;
}

#[tokio::test]
async fn the_start_page_has_no_axe_violations_on_a_desktop() {
    let server = StaticServer::serve_dist();
    let browser = Browser::desktop().await;
    browser.open_app(&server).await;
    browser.assert_accessible("the start page (desktop)").await;
}
