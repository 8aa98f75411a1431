//! The quiet line that says whether the participant's words are saved.

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use crate::state::drafts::SaveStatus;
use crate::state::store::StoreError;
use crate::state::texts::{t, tf};

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
    let (problem, text) = match (&props.storage_problem, &props.status) {
        (Some(_), _) => (true, t(Msg::SaveBlocked)),
        (None, SaveStatus::Idle) => (false, t(Msg::SaveIdle)),
        (None, SaveStatus::Pending) => (false, t(Msg::SavePending)),
        (None, SaveStatus::Saved) => (false, t(Msg::SaveSaved)),
        (None, SaveStatus::Failed(error)) => (
            true,
            tf(Msg::SaveFailed, &[("reason", Arg::Text(&error.explain()))]),
        ),
    };
    let (class, role) = if problem {
        ("save-status problem", "alert")
    } else {
        ("save-status", "status")
    };
    html! {
        <p id="save-status" class={class} role={role}>
            { text }
            if problem {
                { " " }<a href={crate::state::route::Route::Settings.href()}>{ t(Msg::SaveBackupLink) }</a>
            }
        </p>
    }
}
