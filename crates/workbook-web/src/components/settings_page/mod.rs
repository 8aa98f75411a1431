//! The backup and settings page, one file per section, in the page's order:
//!
//! - `where_kept`: where the answers are kept, and how many there are;
//! - the passphrase lock: `components/lock_settings.rs` (with `change_passphrase.rs`);
//! - `persistence`: asking this browser to keep the answers;
//! - `save_backup`: saving a backup file;
//! - `restore`: restoring one, checked and previewed first (its steps are `state::restore`);
//! - `install`: adding the workbook to a home screen;
//! - `kept_aside`: the copies kept aside;
//! - `quick_exit_note`: what the quick exit does, and what it cannot hide;
//! - `delete_all`: deleting every answer.
//!
//! The page is the folder's only component. A section with state of its own is a hook, `use_section`,
//! that holds its state and returns its markup; a section without is a plain `render`
//! function. (Each component costs the download a few kilobytes; these hooks cost it far
//! less.) Storage is not read at every render: the copies kept aside are read in a memo, again
//! only when the answers change, and what a click needs is read when the click comes.

mod delete_all;
mod install;
mod kept_aside;
mod persistence;
mod quick_exit_note;
mod restore;
mod save_backup;
mod where_kept;

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::answers::Answers;
use super::lock_settings::LockSettings;
use super::storage::Storage;
use super::{DraftsContext, LockContext, Shared};
use crate::state::drafts::Action;
use crate::state::store::{Meta, StoreError};
use crate::state::texts::t;

/// Props for [`SettingsPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct SettingsPageProps {
    /// The curriculum.
    pub curriculum: Shared,
    /// The answers.
    pub answers: Answers,
    /// Where answers are stored.
    pub storage: Storage,
    /// When the last backup was saved.
    pub meta: Meta,
    /// Called when a backup file has been saved.
    pub on_backup_saved: Callback<u64>,
}

/// Reads the answers from storage again, after a restore or a deletion wrote them, and hands
/// them to the workbook.
fn reload(props: &SettingsPageProps, context: Option<&DraftsContext>) -> Result<(), StoreError> {
    let loaded = crate::state::migrate::load(&*props.storage.store, &props.curriculum)?;
    if let Some(context) = context {
        context.dispatch.dispatch(Action::Reload(loaded));
    }
    Ok(())
}

/// The backup and settings page.
#[component]
pub fn SettingsPage(props: &SettingsPageProps) -> Html {
    let session = use_context::<LockContext>().and_then(|l| l.session);
    // What the last step on the page did (a backup saved, everything deleted), said at the top.
    let message = use_state(|| None::<String>);
    // Which browser this is: asked at each render, as it is cheap and not storage (a memo of
    // it cost the download 0.15 KB gzipped).
    let platform = crate::browser::platform();

    let persistence = persistence::use_section(platform);
    let save_backup = save_backup::use_section(props, session.clone(), &message);
    let restore = restore::use_section(props);
    let kept_aside = kept_aside::use_section(props);
    let delete_all = delete_all::use_section(props, &message);

    html! {
        <>
            <h1>{ t(Msg::SettingsHeading) }</h1>
            if let Some(text) = &*message { <p class="notice" role="status">{ text.clone() }</p> }
            { where_kept::render(&props.answers, session.is_some()) }
            <LockSettings curriculum={props.curriculum.clone()} />
            { persistence }
            { save_backup }
            { restore }
            { install::render(&props.curriculum.app_name, platform) }
            { kept_aside }
            { quick_exit_note::render(&props.curriculum) }
            { delete_all }
        </>
    }
}
