//! A participant's tour of every page, on a phone and on a desktop: each page shows its title,
//! and a screenshot of each is saved in `target/screenshots/tour-*.png` for people to look at.

use crate::app::{default_curriculum, find, navigate};
use crate::harness::{Browser, StaticServer};

async fn tour(browser: &Browser, server: &StaticServer, device: &str) {
    let curriculum = default_curriculum();
    browser.open_app(server).await;
    let mut pages = vec![(
        "#/".to_string(),
        "home".to_string(),
        curriculum.title.clone(),
    )];
    for week in &curriculum.weeks {
        pages.push((
            format!("#/week/{}", week.number),
            format!("week-{:02}", week.number),
            week.title.clone(),
        ));
    }
    pages.push((
        "#/progress".into(),
        "progress".into(),
        "Your progress".into(),
    ));
    pages.push(("#/workbook".into(), "workbook".into(), "My workbook".into()));
    pages.push((
        "#/settings".into(),
        "settings".into(),
        "Backup and settings".into(),
    ));
    for (route, name, title) in pages {
        navigate(browser, &route).await;
        let heading = find(browser, "h1").await.text().await.expect("a title");
        assert_eq!(heading, title, "the page {route} shows its title");
        browser.screenshot(&format!("tour-{device}-{name}")).await;
    }
}

#[tokio::test]
async fn every_page_on_a_phone() {
    let server = StaticServer::serve_dist();
    tour(&Browser::phone().await, &server, "phone").await;
}

#[tokio::test]
async fn every_page_on_a_desktop() {
    let server = StaticServer::serve_dist();
    tour(&Browser::desktop().await, &server, "desktop").await;
}
