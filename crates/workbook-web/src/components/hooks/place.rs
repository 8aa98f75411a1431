//! Where the participant is: the page in the address bar (followed as it changes), and, stored
//! in the `meta` record, the last week and exercise (for "continue where you left off") and
//! when they last saved a backup file.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::lifecycle;
use crate::components::storage::Storage;
use crate::state::route::Route;
use crate::state::store::{self, Meta};

/// Where the participant is, and the ways pages tell it.
pub struct Place {
    /// The page the address bar shows, followed as it changes.
    pub route: UseStateHandle<Route>,
    /// The stored record. Kept in a cell, not in state: it changes as the participant works,
    /// and nothing needs to re-render when it does.
    pub meta: Rc<RefCell<Meta>>,
    /// Records the exercise the participant is working on; the same callback for the life of
    /// the page, so exercises re-render only when their own answer does.
    pub working_on: Callback<String>,
    /// Records that a backup file was saved (at this time).
    pub on_backup_saved: Callback<u64>,
}

/// Follows the address bar, and remembers where the participant is (see the module's text),
/// starting from `initial`.
#[hook]
pub fn use_place(curriculum: &str, storage: &Storage, initial: Meta) -> Place {
    let route = use_state(|| Route::parse(&lifecycle::hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = lifecycle::on_hash_change(move |hash| route.set(Route::parse(&hash)));
            move || drop(listener)
        });
    }
    let meta = use_mut_ref(move || initial);
    let rerender = use_force_update();
    let save = {
        let (store, meta, id) = (storage.store.clone(), meta.clone(), curriculum.to_string());
        Rc::new(move || {
            let _ = store::save_meta(&*store, &id, &meta.borrow());
        })
    };
    {
        let (meta, save) = (meta.clone(), save.clone());
        use_effect_with((*route).clone(), move |route| {
            if let Route::Week { week, exercise } = route {
                {
                    let mut meta = meta.borrow_mut();
                    meta.last_week = Some(*week);
                    if exercise.is_some() {
                        meta.last_exercise = exercise.clone();
                    }
                }
                save();
            }
        });
    }
    let working_on = {
        let (meta, save) = (meta.clone(), save.clone());
        use_callback((), move |exercise: String, _| {
            let changed = meta.borrow().last_exercise.as_deref() != Some(exercise.as_str());
            if changed {
                meta.borrow_mut().last_exercise = Some(exercise);
                save();
            }
        })
    };
    let on_backup_saved = {
        let meta = meta.clone();
        Callback::from(move |at: u64| {
            meta.borrow_mut().last_backup = Some(at);
            save();
            rerender.force_update();
        })
    };
    Place {
        route,
        meta,
        working_on,
        on_backup_saved,
    }
}
