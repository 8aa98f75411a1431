//! Backup: save every answer to a file, delete everything, and restore it from the file.

use crate::app::{
    choose_backup_file, default_curriculum, first_of_kind, key, open, open_exercise, press,
    press_button, stored, type_into, wait_for_text, wait_saved, write_answer,
};
use crate::harness::{Browser, DEFAULT_WAIT, StaticServer};
use crate::in_every_engine;

in_every_engine! {
    async fn export_then_clear_then_import_restores_every_answer(engine: Engine) {
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;

        // Answer three exercises of different kinds.
        let (week, writing) = first_of_kind(&curriculum, "writing");
        open_exercise(&browser, &server, week.number, &writing.id).await;
        type_into(
            &browser,
            &format!("#{}-text", writing.id),
            "My reasons, in my words.",
        )
        .await;
        let (week, checklist) = first_of_kind(&curriculum, "checklist");
        open_exercise(&browser, &server, week.number, &checklist.id).await;
        press(&browser, &format!("#{}-option-0", checklist.id), key::SPACE).await;
        let (week, plan) = first_of_kind(&curriculum, "plan");
        open_exercise(&browser, &server, week.number, &plan.id).await;
        type_into(&browser, &format!("#{}-s0-i0", plan.id), "Walk every day").await;
        wait_saved(&browser).await;
        let before: Vec<_> = [&writing.id, &checklist.id, &plan.id]
            .iter()
            .map(|id| (id.to_string(), ()))
            .collect();
        let mut answers = Vec::new();
        for (id, ()) in &before {
            answers.push(stored(&browser, &curriculum, id).await.expect("stored")["answer"].clone());
        }

        // Save a backup file.
        open(&browser, &server, "#/settings").await;
        press_button(&browser, "Save a backup file").await;
        // The browsers write to a temporary name, or an empty file, first: wait until it is whole.
        let (file, text) = browser.wait_for_json_download(DEFAULT_WAIT).await;
        assert!(
            text.contains("take-home-workbook-backup"),
            "a backup file: {text}"
        );
        assert!(text.contains("My reasons, in my words."));

        // Delete everything.
        press_button(&browser, "Delete all my answers").await;
        press_button(&browser, "Yes, delete everything").await;
        wait_for_text(&browser, "All your answers have been deleted").await;
        for (id, ()) in &before {
            assert!(
                stored(&browser, &curriculum, id).await.is_none(),
                "{id} is deleted"
            );
        }

        // Restore from the file: a preview first, then the restore.
        choose_backup_file(&browser, &file).await;
        wait_for_text(&browser, "What restoring will do").await;
        assert!(
            browser
                .body_text()
                .await
                .contains("3 answers will be added"),
            "{}",
            browser.body_text().await
        );
        press_button(&browser, "Restore these answers").await;
        wait_for_text(&browser, "Done.").await;
        for ((id, ()), answer) in before.iter().zip(&answers) {
            assert_eq!(
                &stored(&browser, &curriculum, id).await.expect("restored")["answer"],
                answer,
                "{id}"
            );
        }
        browser.reload().await;
        browser.wait_for_app().await;
        open(
            &browser,
            &server,
            &format!(
                "#/week/{}/{}",
                first_of_kind(&curriculum, "writing").0.number,
                writing.id
            ),
        )
        .await;
        assert_eq!(
            crate::app::value_of(&browser, &format!("#{}-text", writing.id)).await,
            "My reasons, in my words."
        );
    }
}

#[tokio::test]
async fn the_home_page_reminds_to_save_a_backup_and_the_browser_can_be_asked_to_keep_answers() {
    let curriculum = default_curriculum();
    let (week, exercise) = first_of_kind(&curriculum, "short-answer");
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    open(&browser, &server, "#/").await;
    assert!(
        !browser.body_text().await.contains("saved a backup file"),
        "no reminder before anything is written"
    );
    write_answer(
        &browser,
        &server,
        week.number,
        &exercise.id,
        "Something worth keeping",
    )
    .await;
    crate::app::navigate(&browser, "#/").await;
    wait_for_text(
        &browser,
        "You have not saved a backup file of your answers yet.",
    )
    .await;

    crate::app::navigate(&browser, "#/settings").await;
    let before = browser
        .wait_for_selector("#persistence", DEFAULT_WAIT)
        .await
        .text()
        .await
        .expect("text");
    if !before.contains("has agreed") {
        press_button(&browser, "Ask this browser to keep my answers").await;
        browser
            .wait_for_js(
                "document.getElementById('persistence').textContent.includes('agreed')",
                DEFAULT_WAIT,
            )
            .await;
    }
    // Saving a backup ends the reminder.
    press_button(&browser, "Save a backup file").await;
    wait_for_text(&browser, "Your backup file is saved.").await;
    browser.wait_for_download(".json", DEFAULT_WAIT).await;
    crate::app::navigate(&browser, "#/").await;
    // The reminder is drawn with the rest of the home page, from what is stored: once the page's
    // list of weeks is there, so would the reminder be.
    wait_for_text(&browser, "The weeks").await;
    assert!(
        !browser
            .body_text()
            .await
            .contains("saved a backup file of your answers"),
        "the reminder has gone"
    );
}
