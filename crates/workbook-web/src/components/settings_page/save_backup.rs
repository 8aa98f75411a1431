//! "Save a backup file": when the last one was saved, what the file holds, and (while the lock
//! is on) whether to lock it with the passphrase.

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::SettingsPageProps;
use crate::browser::{self, files};
use crate::components::SessionRef;
use crate::state::backup;
use crate::state::store;
use crate::state::texts::{t, tf};

/// The section. `session`: the open lock, when it is on; `message`: where to say how saving
/// went.
#[hook]
pub fn use_section(
    props: &SettingsPageProps,
    session: Option<SessionRef>,
    message: &UseStateHandle<Option<String>>,
) -> Html {
    // Whether to lock the file with the passphrase (while the lock is on).
    let lock_file = use_state(|| true);

    let save_backup = {
        let (answers, storage, curriculum, on_saved, message) = (
            props.answers.clone(),
            props.storage.clone(),
            props.curriculum.clone(),
            props.on_backup_saved.clone(),
            message.clone(),
        );
        let (session, locked) = (session.clone(), *lock_file);
        Callback::from(move |_: MouseEvent| {
            let now = browser::now();
            let aside = store::kept_aside(&*storage.store, &curriculum.id).unwrap_or_default();
            let file = backup::export(&answers, &curriculum.version, &aside, now);
            let text = crate::state::json::to_string_pretty(&file).unwrap_or_default();
            let name = backup::file_name(&curriculum.id, &browser::today());
            let (on_saved, message) = (on_saved.clone(), message.clone());
            let saved = move |outcome: Result<(), String>| match outcome {
                Ok(()) => {
                    on_saved.emit(now);
                    message.set(Some(t(Msg::BackupSaved)));
                }
                Err(_) => message.set(Some(t(Msg::BackupNotSaved))),
            };
            match session.clone().filter(|_| locked) {
                Some(session) => wasm_bindgen_futures::spawn_local(async move {
                    let outcome = match session.seal_backup(&text).await {
                        Ok(sealed) => files::download(&name, &sealed, "application/json"),
                        Err(error) => Err(error.explain()),
                    };
                    saved(outcome);
                }),
                None => saved(files::download(&name, &text, "application/json")),
            }
        })
    };

    let last_backup = match props.meta.last_backup {
        Some(at) => {
            let days = browser::now().saturating_sub(at) / 86_400_000;
            let days = i64::try_from(days).unwrap_or(i64::MAX);
            tf(Msg::BackupLastSaved, &[("days", days.into())])
        }
        None => t(Msg::BackupNeverSaved),
    };
    html! {
        <section>
            <h2>{ t(Msg::BackupSave) }</h2>
            <p>{ last_backup }</p>
            if session.is_some() {
                <p>{ t(Msg::BackupLockedIntro) }</p>
                <p class="check">
                    <input type="checkbox" id="lock-backup" checked={*lock_file}
                        onchange={{ let lock_file = lock_file.clone(); Callback::from(move |_: Event| lock_file.set(!*lock_file)) }} />
                    <label for="lock-backup">{ t(Msg::BackupLockFile) }</label>
                </p>
            } else {
                <p>{ t(Msg::BackupPlainIntro) }</p>
            }
            <button type="button" class="button primary" onclick={save_backup}>{ t(Msg::BackupSave) }</button>
        </section>
    }
}
