//! Other tabs and windows of this workbook, heard through the browser's `storage` event (one
//! listener): an answer they saved shows here too (unless this tab has changes of its own
//! waiting; then both are kept when this one saves); if they turned the lock on or off, or
//! changed the passphrase, this tab saves and starts again, so that it follows.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::autosave::SaveNow;
use crate::browser::lifecycle;
use crate::components::storage::Storage;
use crate::state::drafts::{Action, Drafts};
use crate::state::store::{self, Entry};
use crate::state::vault::{self, LockRecord};

/// Follows what other tabs store (see the module's text).
#[hook]
pub fn use_other_tabs(
    curriculum: &str,
    storage: &Storage,
    drafts: &UseReducerHandle<Drafts>,
    save_now: SaveNow,
) {
    let dispatcher = drafts.dispatcher();
    let prefix = store::answer_prefix(curriculum);
    let lock_key = vault::lock_key(curriculum);
    let sealed_prefix = vault::sealed_prefix(curriculum);
    let session = storage.session.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            lifecycle::listen(window.as_ref(), "storage", move |event| {
                let Ok(event) = event.dyn_into::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(key) = event.key() else {
                    return;
                };
                if key == lock_key {
                    // Turning the lock on or off, or a new passphrase (not a new idle time).
                    let lock_of = |raw: Option<String>| {
                        raw.map(|raw| LockRecord::parse(&raw).map(|r| (r.salt, r.check)))
                    };
                    if lock_of(event.old_value()) != lock_of(event.new_value()) {
                        save_now();
                        if let Some(session) = &session {
                            // Turned off or changed elsewhere: this tab's key no longer opens
                            // anything, so what it had not sealed yet is written readable.
                            // (After a new passphrase it is sealed again, and removed, at the
                            // next unlock.)
                            session.write_pending_readable();
                        }
                        lifecycle::reload();
                    }
                    return;
                }
                let action = |logical: &str, value: &str| {
                    let id = logical.strip_prefix(&prefix)?;
                    let entry = crate::state::json::from_str::<Entry>(value).ok()?;
                    Some(Action::External {
                        id: id.to_string(),
                        entry,
                    })
                };
                match &session {
                    Some(session) if key.starts_with(&sealed_prefix) => {
                        let (session, dispatcher, prefix) =
                            (session.clone(), dispatcher.clone(), prefix.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            if let Some((logical, Some(value))) =
                                session.external(&key, event.new_value()).await
                                && let Some(id) = logical.strip_prefix(&prefix)
                                && let Ok(entry) = crate::state::json::from_str::<Entry>(&value)
                            {
                                dispatcher.dispatch(Action::External {
                                    id: id.to_string(),
                                    entry,
                                });
                            }
                        });
                    }
                    Some(_) => {}
                    None => {
                        if let Some(action) = event.new_value().and_then(|v| action(&key, &v)) {
                            dispatcher.dispatch(action);
                        }
                    }
                }
            })
        });
        move || drop(listener)
    });
}
