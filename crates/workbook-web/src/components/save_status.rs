//! The quiet line that says whether the participant's words are saved.

use yew::prelude::*;

use crate::state::drafts::SaveStatus;
use crate::state::store::StoreError;

/// Props for [`SaveStatusLine`].
#[derive(PartialEq, Clone)]
pub struct SaveStatusProps {
    /// Where saving stands.
    pub status: SaveStatus,
    /// Set when the browser will not let the workbook save at all.
    pub storage_problem: Option<StoreError>,
}

/// "Saved on this device", or what went wrong, in plain words.
pub fn render(props: &SaveStatusProps) -> Html {
    let (class, text) = match (&props.storage_problem, &props.status) {
        (Some(_), _) => (
            "save-status problem",
            "Not saved: this browser is not letting the workbook save.".to_string(),
        ),
        (None, SaveStatus::Idle) => (
            "save-status",
            "Your answers are saved on this device only.".to_string(),
        ),
        (None, SaveStatus::Pending) => ("save-status", "Saving…".to_string()),
        (None, SaveStatus::Saved) => ("save-status", "Saved on this device".to_string()),
        (None, SaveStatus::Failed(error)) => (
            "save-status problem",
            format!(
                "Not saved: {} Your words are still on this page.",
                error.explain()
            ),
        ),
    };
    let problem = class.contains("problem");
    let role = if problem { "alert" } else { "status" };
    html! {
        <p id="save-status" class={class} role={role}>
            { text }
            if problem {
                { " " }<a href={crate::state::route::Route::Settings.href()}>{ "Save a backup file" }</a>
            }
        </p>
    }
}
