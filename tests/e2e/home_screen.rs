//! Safari's seven days: WebKit erases what a site keeps after a week of Safari use without a
//! visit, unless the site runs from a home-screen icon. The workbook can be installed (a web app
//! manifest and plain icons, with the curriculum's neutral name), says so plainly on WebKit, and
//! there reminds to save a backup file from the fifth day rather than the fourteenth.

use serde_json::{Value as Json, json};

use crate::app::{
    default_curriculum, first_of_kind, navigate, open, press_button, type_into, wait_for_text,
    wait_saved,
};
use crate::harness::{Browser, DEFAULT_WAIT, Engine, MOVABLE_CLOCK, StaticServer};
use crate::in_every_engine;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

#[tokio::test]
async fn the_web_app_manifest_and_its_icons_are_served_and_valid() {
    let curriculum = default_curriculum();
    let server = StaticServer::serve_dist();
    let browser = Browser::desktop().await;
    open(&browser, &server, "#/").await;
    let found = browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const link = document.querySelector('link[rel=manifest]');
             const size = (src) => new Promise((resolve) => {
               const image = new Image();
               image.onload = () => resolve([image.naturalWidth, image.naturalHeight]);
               image.onerror = () => resolve(null);
               image.src = src;
             });
             (async () => {
               const response = await fetch(link.href);
               const manifest = await response.json();
               const icons = [];
               for (const icon of manifest.icons) {
                 const head = await fetch(new URL(icon.src, link.href));
                 icons.push([icon.sizes, head.headers.get('content-type'), await size(new URL(icon.src, link.href))]);
               }
               const touch = document.querySelector('link[rel=apple-touch-icon]');
               done({
                 manifest, icons,
                 contentType: response.headers.get('content-type'),
                 touch: await size(touch.href),
                 title: document.title,
                 appleTitle: document.querySelector('meta[name=apple-mobile-web-app-title]').content,
               });
             })().catch((error) => done({ error: String(error) }));",
            Vec::new(),
        )
        .await;
    assert_eq!(found["error"], Json::Null, "{found}");
    let manifest = &found["manifest"];
    assert_eq!(manifest["name"], json!(curriculum.app_name), "{manifest}");
    assert_eq!(manifest["short_name"], json!(curriculum.app_name));
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["start_url"], "./");
    assert_eq!(manifest["scope"], "./");
    assert!(
        found["contentType"]
            .as_str()
            .is_some_and(|t| t.starts_with("application/manifest+json")),
        "served as a web app manifest: {found}"
    );
    let icons = found["icons"].as_array().expect("icons");
    assert!(icons.len() >= 2, "{found}");
    for icon in icons {
        let declared = icon[0].as_str().expect("sizes");
        let (width, height) = declared.split_once('x').expect("WxH");
        assert_eq!(icon[1], "image/png", "{icon}");
        assert_eq!(
            icon[2],
            json!([
                width.parse::<u32>().expect("a width"),
                height.parse::<u32>().expect("a height")
            ]),
            "the icon is the size the manifest says: {icon}"
        );
    }
    assert_eq!(found["touch"], json!([180, 180]), "the iPhone's icon");
    // What an iPhone shows under the icon, and the tab's title: the neutral name.
    assert_eq!(found["title"], json!(curriculum.app_name));
    assert_eq!(found["appleTitle"], json!(curriculum.app_name));
}

in_every_engine! {
    /// WebKit, outside an installed app: the home page says Safari may erase the answers, and the
    /// reminder to save a backup file comes on the fifth day after the last one, not before. The
    /// other engines keep the two weeks, and say nothing of Safari.
    async fn on_webkit_the_backup_reminder_comes_on_the_fifth_day(engine: Engine) {
        let curriculum = default_curriculum();
        let (week, exercise) = first_of_kind(&curriculum, "writing");
        let server = StaticServer::serve_dist();
        server.run_before_page_scripts(MOVABLE_CLOCK);
        let browser = Browser::desktop_in(engine).await;
        open(&browser, &server, &format!("#/week/{}/{}", week.number, exercise.id)).await;
        type_into(&browser, &format!("#{}-text", exercise.id), "Words to keep").await;
        wait_saved(&browser).await;

        let webkit = engine == Engine::WebKit;
        let home = |days: u64| {
            let browser = &browser;
            async move {
                browser
                    .execute("window.e2eMoveClock(arguments[0]);", vec![json!(days * DAY_MS)])
                    .await;
                navigate(browser, "#/settings").await;
                browser.reload().await;
                browser.wait_for_app().await;
                navigate(browser, "#/").await;
                wait_for_text(browser, "The weeks").await;
                browser.body_text().await
            }
        };

        let text = home(0).await;
        assert!(
            text.contains("You have not saved a backup file of your answers yet."),
            "words and no backup: a reminder in every engine\n{text}"
        );
        assert_eq!(
            text.contains("Safari may erase your answers after about a week without a visit."),
            webkit,
            "the notice on Safari's erasure shows in WebKit only\n{text}"
        );
        browser.screenshot("home-screen-notice").await;

        navigate(&browser, "#/settings").await;
        press_button(&browser, "Save a backup file").await;
        wait_for_text(&browser, "Your backup file is saved.").await;
        browser.wait_for_download(".json", DEFAULT_WAIT).await;

        let text = home(4).await;
        assert!(
            !text.contains("since you last saved a backup file"),
            "four days on: no reminder yet\n{text}"
        );
        let text = home(5).await;
        assert_eq!(
            text.contains("It is 5 days since you last saved a backup file of your answers."),
            webkit,
            "the fifth day: a reminder where Safari may erase the answers, and only there\n{text}"
        );
        if !webkit {
            let text = home(14).await;
            assert!(
                text.contains("It is 14 days since you last saved a backup file of your answers."),
                "elsewhere, two weeks\n{text}"
            );
        }
    }
}

in_every_engine! {
    /// The settings page explains installing as a choice: what it protects, what it shows, how
    /// on an iPhone and on Android, and that the installed workbook starts empty. It passes axe.
    async fn installing_is_explained_on_the_settings_page(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        open(&browser, &server, "#/settings").await;
        let section = browser
            .wait_for_selector("#install", DEFAULT_WAIT)
            .await
            .text()
            .await
            .expect("text");
        for words in [
            "Add the workbook to your home screen",
            "about a week without a visit",
            &format!("an icon named \u{201c}{}\u{201d}", curriculum.app_name),
            "Anyone who uses or sees your phone can see the icon",
            "On an iPhone or iPad",
            "Add to Home Screen",
            "It starts empty",
            "Restore from a backup file",
            "On an Android phone",
        ] {
            assert!(section.contains(words), "{words}: {section}");
        }
        browser
            .execute("document.getElementById('install').scrollIntoView();", Vec::new())
            .await;
        browser.screenshot("home-screen-install").await;
        browser.assert_accessible("settings, with the install explanation").await;
    }
}
