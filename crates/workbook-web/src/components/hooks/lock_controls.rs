//! The lock's controls as the workbook's pages get them: each saves what is waiting before it
//! changes anything. While the lock is on, the workbook also locks itself after the chosen
//! time without use, and the save status hears from the lock's write queue.

use std::rc::Rc;

use yew::prelude::*;

use super::autosave::SaveNow;
use crate::browser::lifecycle;
use crate::components::LockContext;
use crate::components::storage::Storage;
use crate::state::drafts::{Action, Drafts};

/// `callback`, after saving what is waiting.
fn saving_first<T: 'static>(save_now: &SaveNow, callback: &Callback<T>) -> Callback<T> {
    let (save_now, callback) = (save_now.clone(), callback.clone());
    Callback::from(move |request| {
        save_now();
        callback.emit(request);
    })
}

/// The lock gate's controls, each saving first; `None` outside a lock gate.
#[hook]
pub fn use_lock_controls(
    storage: &Storage,
    drafts: &UseReducerHandle<Drafts>,
    save_now: SaveNow,
) -> Option<LockContext> {
    let gate = use_context::<LockContext>();
    let lock = use_memo(gate, move |gate| {
        let gate = gate.clone()?;
        Some(LockContext {
            session: gate.session.clone(),
            notice: gate.notice.clone(),
            enable: saving_first(&save_now, &gate.enable),
            disable: saving_first(&save_now, &gate.disable),
            change: saving_first(&save_now, &gate.change),
            lock_now: saving_first(&save_now, &gate.lock_now),
        })
    });

    // Lock after the chosen time without use.
    {
        let session = storage.session.clone();
        let lock_now = (*lock).as_ref().map(|l| l.lock_now.clone());
        use_effect_with((), move |_| {
            let held = session.zip(lock_now).map(|(session, lock_now)| {
                lifecycle::lock_when_idle(
                    move || u64::from(session.record().idle_minutes) * 60_000,
                    move || lock_now.emit(()),
                )
            });
            move || drop(held)
        });
    }

    // "Saved on this device" once the sealed records are in storage, or what went wrong.
    {
        let session = storage.session.clone();
        let dispatcher = drafts.dispatcher();
        use_effect_with((), move |_| {
            if let Some(session) = session {
                session.on_outcome(Rc::new(move |outcome| match outcome {
                    Ok(()) => dispatcher.dispatch(Action::Saved(Vec::new())),
                    Err(error) => dispatcher.dispatch(Action::SaveFailed(error)),
                }));
            }
        });
    }
    (*lock).clone()
}
