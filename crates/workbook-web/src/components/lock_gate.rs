//! The passphrase lock's gate: decides whether the workbook opens straight away (no lock),
//! asks for the passphrase first (locked), or opens on the lock's vault (unlocked), and carries
//! out turning the lock on and off and locking it again.
//!
//! Each change of store mounts a fresh [`WorkbookApp`] (a new `key`), so nothing of the old
//! store lingers in the page. Locking removes the whole workbook from the page.

use std::rc::Rc;

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::storage::Storage;
use super::unlock_page::UnlockPage;
use super::workbook::WorkbookApp;
use super::{EnableLock, LockContext, SessionRef, Shared};
use crate::browser::lifecycle;
use crate::browser::lock::{self, LockError};
use crate::browser::storage::LocalStore;
use crate::state::store;
use crate::state::texts::t;
use crate::state::vault::LockRecord;

/// Props for [`LockGate`].
#[derive(Properties, PartialEq, Clone)]
pub struct LockGateProps {
    /// The parsed curriculum.
    pub curriculum: Shared,
}

#[derive(Clone)]
enum Gate {
    /// No lock (or no working storage): the workbook opens on `Storage::plain`.
    Open(Storage),
    /// Locked: the passphrase is asked for. `None`: a lock record this version cannot read.
    Locked(Rc<LocalStore>, Option<LockRecord>),
    /// Unlocked: the workbook opens on the lock's vault.
    Unlocked(Storage),
}

impl Gate {
    /// The open lock and the storage under it, when unlocked.
    fn unlocked(&self) -> Option<(SessionRef, Rc<LocalStore>)> {
        match self {
            Gate::Unlocked(storage) => storage.session.clone().zip(storage.physical.clone()),
            _ => None,
        }
    }
}

fn initial(curriculum: &str) -> Gate {
    match LocalStore::open() {
        Ok(physical) => {
            let physical = Rc::new(physical);
            let lock = lock::of(physical.clone(), curriculum);
            if lock.is_on() {
                Gate::Locked(physical, lock.record())
            } else {
                lock.discard_orphans();
                Gate::Open(Storage::plain(Ok(physical)))
            }
        }
        Err(problem) => Gate::Open(Storage::plain(Err(problem))),
    }
}

/// Shows the workbook, or the passphrase page while it is locked.
#[component]
pub fn LockGate(props: &LockGateProps) -> Html {
    let id = props.curriculum.id.clone();
    let gate = use_state({
        let id = id.clone();
        move || initial(&id)
    });
    // Bumped on every change of store, so that the workbook is mounted afresh.
    let generation = use_state(|| 0u32);
    // What the last change did, said once the new workbook is open (a change mounts it afresh).
    let notice = use_state(|| None::<AttrValue>);
    // While locked, the address shows no page of the workbook (an exercise's name says a lot);
    // the page is kept here and comes back when the workbook opens again.
    let hidden_route = use_mut_ref(|| None::<String>);
    let switch = {
        let (gate, generation, notice, hidden_route) = (
            gate.clone(),
            generation.clone(),
            notice.clone(),
            hidden_route.clone(),
        );
        Rc::new(move |next: Gate| {
            if !matches!(next, Gate::Locked(..))
                && let Some(route) = hidden_route.borrow_mut().take()
            {
                lifecycle::replace_hash(&route);
            }
            gate.set(next);
            generation.set(*generation + 1);
            notice.set(None);
        })
    };

    // While the locked page shows, the address shows no page of the workbook, and this page
    // listens for another tab or window turning the lock off, or changing it: it then starts
    // again from what is stored, so that it never opens a lock that is gone. (An open workbook
    // follows such changes itself, saving first, with the one listener it has.)
    let on_lock_page = use_mut_ref(|| false);
    let locked = matches!(*gate, Gate::Locked(..));
    *on_lock_page.borrow_mut() = locked;
    {
        let (hidden_route, switch, id, on_lock_page) = (
            hidden_route.clone(),
            switch.clone(),
            id.clone(),
            on_lock_page.clone(),
        );
        use_effect_with(locked, move |locked| {
            let mut listener = None;
            if *locked {
                let route = lifecycle::hash();
                if !matches!(route.as_str(), "" | "#" | "#/") {
                    *hidden_route.borrow_mut() = Some(route);
                    lifecycle::replace_hash("#/");
                }
                let lock_key = crate::state::vault::lock_key(&id);
                listener = web_sys::window().map(|window| {
                    lifecycle::listen(window.as_ref(), "storage", move |event| {
                        use wasm_bindgen::JsCast;
                        let changed = event
                            .dyn_into::<web_sys::StorageEvent>()
                            .ok()
                            .and_then(|e| e.key())
                            .is_some_and(|key| key == lock_key);
                        if changed && *on_lock_page.borrow() {
                            switch(initial(&id));
                        }
                    })
                });
            }
            move || drop(listener)
        });
    }

    let enable = {
        let (gate, switch, id, notice) = (gate.clone(), switch.clone(), id.clone(), notice.clone());
        Callback::from(move |request: EnableLock| {
            let Gate::Open(storage) = &*gate else {
                return;
            };
            let Some(physical) = storage.physical.clone() else {
                request.done.emit(Err(t(Msg::LockNoStorage)));
                return;
            };
            let (switch, id, notice) = (switch.clone(), id.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match lock::of(physical.clone(), &id)
                    .enable(&request.passphrase, request.idle_minutes)
                    .await
                {
                    Ok(session) => {
                        request.done.emit(Ok(()));
                        switch(Gate::Unlocked(Storage::sealed(physical, session)));
                        notice.set(Some(t(Msg::LockTurnedOn).into()));
                    }
                    Err(error) => request.done.emit(Err(error.explain())),
                }
            });
        })
    };

    let disable = {
        let (gate, switch, notice) = (gate.clone(), switch.clone(), notice.clone());
        Callback::from(move |done: Callback<Result<(), String>>| {
            let Some((session, physical)) = gate.unlocked() else {
                return;
            };
            let (switch, notice) = (switch.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session.0.disable().await {
                    Ok(()) => {
                        done.emit(Ok(()));
                        switch(Gate::Open(Storage::plain(Ok(physical))));
                        notice.set(Some(t(Msg::LockTurnedOff).into()));
                    }
                    Err(error) => done.emit(Err(error.explain())),
                }
            });
        })
    };

    let change = {
        let (gate, switch, notice) = (gate.clone(), switch.clone(), notice.clone());
        Callback::from(move |request: EnableLock| {
            let Some((session, physical)) = gate.unlocked() else {
                return;
            };
            let (switch, notice) = (switch.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session.0.change_passphrase(&request.passphrase).await {
                    Ok(changed) => {
                        request.done.emit(Ok(()));
                        switch(Gate::Unlocked(Storage::sealed(physical, changed)));
                        notice.set(Some(t(Msg::LockPassphraseChanged).into()));
                    }
                    Err(error) => request.done.emit(Err(error.explain())),
                }
            });
        })
    };

    let lock_now = {
        let (gate, switch) = (gate.clone(), switch.clone());
        Callback::from(move |()| {
            let Some((session, physical)) = gate.unlocked() else {
                return;
            };
            let switch = switch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Words that cannot be written yet keep the workbook open: the save status
                // says what is wrong, and they can still be saved to a backup file.
                if session.0.settle().await.is_ok() {
                    let record = session.record();
                    switch(Gate::Locked(physical, Some(record)));
                }
            });
        })
    };

    let unlock = {
        let (gate, switch, id, on_lock_page) = (
            gate.clone(),
            switch.clone(),
            id.clone(),
            on_lock_page.clone(),
        );
        Callback::from(
            move |(passphrase, done): (String, Callback<Option<String>>)| {
                let Gate::Locked(physical, Some(record)) = &*gate else {
                    return;
                };
                let (physical, record, switch, id, on_lock_page) = (
                    physical.clone(),
                    record.clone(),
                    switch.clone(),
                    id.clone(),
                    on_lock_page.clone(),
                );
                wasm_bindgen_futures::spawn_local(async move {
                    match lock::of(physical.clone(), &id)
                        .unlock(record, &passphrase)
                        .await
                    {
                        // Only if this page still waits for it (nothing changed meanwhile).
                        Ok(session) if *on_lock_page.borrow() => {
                            done.emit(None);
                            switch(Gate::Unlocked(Storage::sealed(physical, session)));
                        }
                        Ok(_) => {}
                        Err(LockError::Changed) => {
                            done.emit(Some(LockError::Changed.explain()));
                            switch(initial(&id));
                        }
                        Err(error) => done.emit(Some(error.explain())),
                    }
                });
            },
        )
    };

    let delete_everything = {
        let (gate, switch) = (gate.clone(), switch.clone());
        Callback::from(move |done: Callback<Option<String>>| {
            let Gate::Locked(physical, _) = &*gate else {
                return;
            };
            match store::clear_all(&**physical) {
                Ok(_) => switch(Gate::Open(Storage::plain(Ok(physical.clone())))),
                Err(error) => done.emit(Some(LockError::Store(error).explain())),
            }
        })
    };

    let context = |storage: &Storage| LockContext {
        session: storage.session.clone(),
        enable: enable.clone(),
        disable: disable.clone(),
        lock_now: lock_now.clone(),
        change: change.clone(),
        notice: (*notice).clone(),
    };
    match &*gate {
        Gate::Locked(_, record) => html! {
            <UnlockPage curriculum={props.curriculum.clone()} readable={record.is_some()}
                on_unlock={unlock} on_delete={delete_everything} />
        },
        Gate::Open(storage) | Gate::Unlocked(storage) => html! {
            <ContextProvider<LockContext> context={context(storage)}>
                <WorkbookApp key={*generation} curriculum={props.curriculum.clone()} storage={storage.clone()} />
            </ContextProvider<LockContext>>
        },
    }
}
