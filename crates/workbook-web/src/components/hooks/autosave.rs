//! Saving: every change marks its answer dirty; a short pause in typing (or five seconds of
//! continuous typing) writes the dirty answers, one storage key each; hiding or leaving the
//! page writes them at once. A failed write keeps the words in the page and says so.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::browser::lifecycle;
use crate::components::storage::Storage;
use crate::state::drafts::{Action, Drafts, SaveStatus, save_dirty};
use crate::state::store::KeyValueStore;

/// How long typing must pause before a save.
const SAVE_PAUSE_MS: u32 = 700;
/// The longest changes wait while typing goes on without a pause.
const SAVE_AT_LEAST_EVERY_MS: u64 = 5_000;

/// How long typing must pause before a save while the lock is on: sealing takes a moment and
/// cannot finish while a closing page unloads, so it starts sooner.
const SEALED_SAVE_PAUSE_MS: u32 = 200;

/// Saves now, whatever is waiting; false if something could not be written (the save status
/// then says so, and the words are still in the page).
pub type SaveNow = Rc<dyn Fn() -> bool>;

/// Writes whatever is dirty in the latest state, and reports the outcome to the reducer. Into
/// the lock's vault (`sealed`), a write is only queued: the session reports when the sealed
/// records are stored.
fn flush(
    store: &dyn KeyValueStore,
    latest: &RefCell<Option<UseReducerHandle<Drafts>>>,
    sealed: bool,
) -> bool {
    let Some(drafts) = latest.borrow().clone() else {
        return true;
    };
    if !drafts.has_unsaved() {
        return true;
    }
    let written = |written| {
        if sealed {
            Action::Queued(written)
        } else {
            Action::Saved(written)
        }
    };
    match save_dirty(store, &drafts) {
        Ok(saved) => {
            if !saved.conflicts.is_empty() {
                drafts.dispatch(Action::Conflicts(saved.conflicts));
            }
            drafts.dispatch(written(saved.written));
            true
        }
        Err((saved, error)) => {
            if !saved.conflicts.is_empty() {
                drafts.dispatch(Action::Conflicts(saved.conflicts));
            }
            if !saved.written.is_empty() {
                drafts.dispatch(written(saved.written));
            }
            drafts.dispatch(Action::SaveFailed(error));
            false
        }
    }
}

/// Saves the workbook's changes as they happen (see the module's text), and gives the way to
/// save at once (the lock's controls save before they change anything).
#[hook]
pub fn use_autosave(storage: &Storage, drafts: &UseReducerHandle<Drafts>) -> SaveNow {
    // The latest state, where timers and page-leave handlers can reach it.
    let latest = use_mut_ref(|| None::<UseReducerHandle<Drafts>>);
    *latest.borrow_mut() = Some(drafts.clone());
    let save_now = {
        let (store, latest, sealed) = (storage.store.clone(), latest.clone(), storage.is_sealed());
        use_memo((), move |_| {
            Rc::new(move || flush(&*store, &latest, sealed)) as SaveNow
        })
    };

    // After each change: save after a pause in typing, or at once when changes have waited
    // too long.
    let timer = use_mut_ref(|| None::<Timeout>);
    let pending_since = use_mut_ref(|| None::<u64>);
    {
        let save_now = (*save_now).clone();
        let has_unsaved = drafts.has_unsaved();
        let retrying = matches!(drafts.status, SaveStatus::Pending | SaveStatus::Failed(_));
        let pause = if storage.is_sealed() {
            SEALED_SAVE_PAUSE_MS
        } else {
            SAVE_PAUSE_MS
        };
        use_effect_with(drafts.revision, move |_| {
            if has_unsaved && retrying {
                let now = crate::browser::now();
                let since = *pending_since.borrow_mut().get_or_insert(now);
                let waited_too_long = now.saturating_sub(since) >= SAVE_AT_LEAST_EVERY_MS;
                let pause = if waited_too_long { 0 } else { pause };
                let pending_since = pending_since.clone();
                *timer.borrow_mut() = Some(Timeout::new(pause, move || {
                    *pending_since.borrow_mut() = None;
                    save_now();
                }));
            } else if !has_unsaved {
                *pending_since.borrow_mut() = None;
            }
        });
    }

    // Save at once when the page is hidden or closed.
    {
        let save_now = (*save_now).clone();
        use_effect_with((), move |_| {
            let listeners = lifecycle::on_leave(move || {
                save_now();
            });
            move || drop(listeners)
        });
    }
    (*save_now).clone()
}
