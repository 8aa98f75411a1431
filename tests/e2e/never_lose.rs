//! What a participant has written is never lost or silently replaced: not by a second tab, and
//! not by a stored value that cannot be read.

use serde_json::json;

use crate::app::{
    answer_key, default_curriculum, first_of_kind, open, type_into, value_of, wait_for_text,
    wait_saved,
};
use crate::harness::{Browser, DEFAULT_WAIT, StaticServer};
use crate::in_every_engine;

in_every_engine! {
    async fn two_tabs_on_the_same_answer_see_each_others_words(engine: Engine) {
        let curriculum = default_curriculum();
        let (week, exercise) = first_of_kind(&curriculum, "writing");
        let route = format!("#/week/{}/{}", week.number, exercise.id);
        let css = format!("#{}-text", exercise.id);
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        let client = browser.client();

        open(&browser, &server, &route).await;
        let tab_a = client.window().await.expect("a window");
        let tab_b = client.new_window(true).await.expect("a second tab").handle;
        client.switch_to_window(tab_b.clone()).await.expect("to B");
        open(&browser, &server, &route).await;

        client.switch_to_window(tab_a.clone()).await.expect("to A");
        type_into(&browser, &css, "Started in one tab").await;
        wait_saved(&browser).await;

        client.switch_to_window(tab_b.clone()).await.expect("to B");
        browser
            .wait_for_js(
                &format!("document.querySelector('{css}').value === 'Started in one tab'"),
                DEFAULT_WAIT,
            )
            .await;
        type_into(&browser, &css, ", carried on in another").await;
        wait_saved(&browser).await;

        client.switch_to_window(tab_a).await.expect("to A");
        browser
            .wait_for_js(
                &format!("document.querySelector('{css}').value === 'Started in one tab, carried on in another'"),
                DEFAULT_WAIT,
            )
            .await;
    }
}

#[tokio::test]
async fn a_stored_value_that_cannot_be_read_is_kept_and_shown() {
    let curriculum = default_curriculum();
    let (week, exercise) = first_of_kind(&curriculum, "writing");
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open(&browser, &server, "#/").await;
    let key = answer_key(&curriculum, &exercise.id);
    let damaged = "{\"format\":1,\"kind\":\"writing\",\"answ";
    browser
        .execute(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(key), json!(damaged)],
        )
        .await;
    // The workbook is opened again: a reload reads the store afresh.
    browser.reload().await;
    browser.wait_for_app().await;
    crate::app::navigate(&browser, &format!("#/week/{}/{}", week.number, exercise.id)).await;
    wait_for_text(&browser, "could not be read").await;
    browser.screenshot("never-lose-unreadable-notice").await;

    // Writing a new answer keeps the damaged value aside rather than overwriting it.
    let css = format!("#{}-text", exercise.id);
    type_into(&browser, &css, "A fresh start").await;
    wait_saved(&browser).await;
    let storage = browser.local_storage().await;
    assert!(
        storage.values().any(|value| value == damaged),
        "the damaged value is still stored: {storage:#?}"
    );
    assert!(
        storage
            .get(&key)
            .is_some_and(|value| value.contains("A fresh start"))
    );

    // It is shown, as stored, in Backup and settings.
    crate::app::navigate(&browser, "#/settings").await;
    wait_for_text(&browser, "Copies kept aside").await;
    let text = browser.body_text().await;
    assert!(text.contains("Copies kept aside"), "{text}");
    assert!(text.contains("shown exactly as stored"), "{text}");
    browser
        .assert_accessible("settings, with a copy kept aside")
        .await;
    assert_eq!(value_of(&browser, "#restore-file").await, "");
}

#[tokio::test]
async fn answers_to_an_exercise_the_curriculum_dropped_are_kept_and_shown() {
    use crate::harness::dist_dir;
    // A copy of the site whose curriculum can be edited between visits, as a deployer would.
    let site = std::env::temp_dir().join(format!("workbook-changed-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    crate::hostile::copy_dir(&dist_dir(), &site);
    let curriculum = default_curriculum();
    // An exercise no other page links to, so dropping it leaves the curriculum without errors.
    let all_text: String = std::fs::read_dir(site.join("content"))
        .expect("content")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    let (week, exercise) = curriculum
        .exercises()
        .find(|(_, e)| {
            matches!(
                e.kind,
                workbook_core::ExerciseKind::Writing { .. }
                    | workbook_core::ExerciseKind::ShortAnswer { .. }
            ) && !e.sensitive
                && !all_text.contains(&format!("exercise:{}", e.id))
        })
        .expect("an exercise nothing links to");
    let server = StaticServer::serve(&site);
    let browser = Browser::desktop().await;
    crate::app::write_answer(
        &browser,
        &server,
        week.number,
        &exercise.id,
        "Words for an exercise about to go",
    )
    .await;

    // The next version of the curriculum drops the exercise.
    let file = site.join("content").join(&week.file);
    let text = std::fs::read_to_string(&file).expect("the week file");
    let start = text
        .find(&format!("id: {}\n", exercise.id))
        .expect("the exercise is there");
    let block_start = text[..start]
        .rfind("::: exercise")
        .expect("its opening line");
    let block_end = start + text[start..].find("\n:::\n").expect("its closing line") + 5;
    std::fs::write(
        &file,
        format!("{}{}", &text[..block_start], &text[block_end..]),
    )
    .expect("can edit");

    browser.reload().await;
    browser.wait_for_app().await;
    crate::app::navigate(&browser, "#/workbook").await;
    let page = browser.body_text().await;
    assert!(page.contains("Answers from earlier versions"), "{page}");
    assert!(
        page.contains("Words for an exercise about to go"),
        "the words are shown: {page}"
    );
    let _ = std::fs::remove_dir_all(&site);
}
