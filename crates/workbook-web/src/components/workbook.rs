//! The workbook once its curriculum is loaded: holds the answers, saves them, follows the route,
//! and lays out the page for it.
//!
//! Saving: every change marks its answer dirty; a short pause in typing (or five seconds of
//! continuous typing) writes the dirty answers, one storage key each; leaving or hiding the page
//! writes them at once. A failed write keeps the words in the page and says so.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::home::{self, HomeProps};
use super::progress_page::{self, ProgressPageProps};
use super::settings_page::SettingsPage;
use super::shell::{self, ShellProps};
use super::week_page::WeekPage;
use super::workbook_page::{self, WorkbookPageProps};
use super::{Shared, WorkbookContext};
use crate::browser::lifecycle;
use crate::browser::storage::LocalStore;
use crate::state::route::Route;
use crate::state::store::{self, KeyValueStore, Loaded, MemoryStore, StoreError};
use crate::state::workbook::{Action, SaveStatus, Workbook, save_dirty};

/// How long typing must pause before a save.
const SAVE_PAUSE_MS: u32 = 700;
/// The longest changes wait while typing goes on without a pause.
const SAVE_AT_LEAST_EVERY_MS: u64 = 5_000;

/// The store, and why the browser's own could not be used (then answers live in memory only).
#[derive(Clone)]
pub struct Storage {
    /// Where answers are written.
    pub store: Rc<dyn KeyValueStore>,
    /// Set when localStorage is unavailable.
    pub problem: Option<StoreError>,
}

impl PartialEq for Storage {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store) && self.problem == other.problem
    }
}

/// The answers as pages see them, compared by the revision they were rendered with rather than
/// answer by answer. (Yew's reducer handle always reads the latest state, so the revision is
/// captured when the props are made: that is what tells old props from new.)
#[derive(Clone)]
pub struct Answers {
    workbook: UseReducerHandle<Workbook>,
    revision: u64,
}

impl Answers {
    /// The answers as they are now.
    pub fn new(workbook: UseReducerHandle<Workbook>) -> Self {
        let revision = workbook.revision;
        Answers { workbook, revision }
    }
}

impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl std::ops::Deref for Answers {
    type Target = Workbook;
    fn deref(&self) -> &Workbook {
        &self.workbook
    }
}

/// Props for [`WorkbookApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct WorkbookAppProps {
    /// The parsed curriculum.
    pub curriculum: Shared,
}

fn open_storage() -> Storage {
    match LocalStore::open() {
        Ok(store) => Storage {
            store: Rc::new(store),
            problem: None,
        },
        Err(problem) => Storage {
            store: Rc::new(MemoryStore::default()),
            problem: Some(problem),
        },
    }
}

/// Writes whatever is dirty in the latest state, and reports the outcome to the reducer.
fn flush(store: &dyn KeyValueStore, latest: &RefCell<Option<UseReducerHandle<Workbook>>>) {
    let Some(workbook) = latest.borrow().clone() else {
        return;
    };
    if !workbook.has_unsaved() {
        return;
    }
    match save_dirty(store, &workbook) {
        Ok(saved) => {
            if !saved.conflicts.is_empty() {
                workbook.dispatch(Action::Conflicts(saved.conflicts));
            }
            workbook.dispatch(Action::Saved(saved.written));
        }
        Err((saved, error)) => {
            if !saved.conflicts.is_empty() {
                workbook.dispatch(Action::Conflicts(saved.conflicts));
            }
            if !saved.written.is_empty() {
                workbook.dispatch(Action::Saved(saved.written));
            }
            workbook.dispatch(Action::SaveFailed(error));
        }
    }
}

/// The workbook, loaded.
#[component]
pub fn WorkbookApp(props: &WorkbookAppProps) -> Html {
    let curriculum = props.curriculum.clone();
    let storage = use_memo((), |_| open_storage());
    let initial = {
        let storage = storage.clone();
        let id = curriculum.id.clone();
        use_memo((), move |_| store::load(&*storage.store, &id))
    };
    let workbook = {
        let initial = initial.clone();
        let id = curriculum.id.clone();
        use_reducer(move || {
            let loaded: Loaded = (*initial).clone().unwrap_or_default();
            Workbook::from_loaded(&id, loaded)
        })
    };
    // Where the participant is and when they last saved a backup. Kept in a cell, not in state:
    // it changes as the participant works, and nothing needs to re-render when it does.
    let meta = {
        let initial = initial.clone();
        use_mut_ref(move || {
            (*initial)
                .as_ref()
                .map(|l| l.meta.clone())
                .unwrap_or_default()
        })
    };
    let rerender = use_force_update();
    let route = use_state(|| Route::parse(&lifecycle::hash()));

    // Follow the address bar.
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = lifecycle::on_hash_change(move |hash| route.set(Route::parse(&hash)));
            move || drop(listener)
        });
    }

    // Keep the latest state where timers and page-leave handlers can reach it.
    let latest = use_mut_ref(|| None::<UseReducerHandle<Workbook>>);
    *latest.borrow_mut() = Some(workbook.clone());

    // Save after a pause in typing, or every few seconds during long typing.
    let timer = use_mut_ref(|| None::<Timeout>);
    let pending_since = use_mut_ref(|| None::<u64>);
    {
        let store = storage.store.clone();
        let latest = latest.clone();
        let now = crate::browser::now();
        let retrying = matches!(workbook.status, SaveStatus::Pending | SaveStatus::Failed(_));
        if workbook.has_unsaved() && retrying {
            let since = *pending_since.borrow_mut().get_or_insert(now);
            if now.saturating_sub(since) >= SAVE_AT_LEAST_EVERY_MS {
                *timer.borrow_mut() = None;
                *pending_since.borrow_mut() = None;
                let (store, latest) = (store.clone(), latest.clone());
                // Outside the render, so the dispatch starts a new one.
                *timer.borrow_mut() = Some(Timeout::new(0, move || flush(&*store, &latest)));
            } else {
                let pending_since = pending_since.clone();
                *timer.borrow_mut() = Some(Timeout::new(SAVE_PAUSE_MS, move || {
                    *pending_since.borrow_mut() = None;
                    flush(&*store, &latest);
                }));
            }
        } else if !workbook.has_unsaved() {
            *pending_since.borrow_mut() = None;
        }
    }

    // Save at once when the page is hidden or closed.
    {
        let store = storage.store.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listeners = lifecycle::on_leave(move || flush(&*store, &latest));
            move || drop(listeners)
        });
    }

    // Another tab or window of this workbook saved an answer: show it here too (unless this
    // tab has changes of its own waiting; then both are kept when this one saves).
    {
        let dispatcher = workbook.dispatcher();
        let prefix = store::answer_prefix(&curriculum.id);
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                lifecycle::listen(window.as_ref(), "storage", move |event| {
                    use wasm_bindgen::JsCast;
                    let Ok(event) = event.dyn_into::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let (Some(key), Some(value)) = (event.key(), event.new_value()) else {
                        return;
                    };
                    let Some(id) = key.strip_prefix(&prefix) else {
                        return;
                    };
                    if let Ok(entry) = serde_json::from_str::<store::Entry>(&value) {
                        dispatcher.dispatch(Action::External {
                            id: id.to_string(),
                            entry,
                        });
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Remember where the participant is, for "continue where you left off".
    {
        let store = storage.store.clone();
        let meta = meta.clone();
        let id = curriculum.id.clone();
        use_effect_with((*route).clone(), move |route| {
            if let Route::Week { week, exercise } = route {
                let mut meta = meta.borrow_mut();
                meta.last_week = Some(*week);
                if exercise.is_some() {
                    meta.last_exercise = exercise.clone();
                }
                let _ = store::save_meta(&*store, &id, &meta);
            }
        });
    }
    // The same callback for the life of the page, so the context never changes and exercises
    // re-render only when their own answer does.
    let working_on = {
        let store = storage.store.clone();
        let meta = meta.clone();
        let id = curriculum.id.clone();
        use_callback((), move |exercise: String, _| {
            let mut meta = meta.borrow_mut();
            if meta.last_exercise.as_deref() != Some(exercise.as_str()) {
                meta.last_exercise = Some(exercise);
                let _ = store::save_meta(&*store, &id, &meta);
            }
        })
    };
    let on_backup_saved = {
        let store = storage.store.clone();
        let meta = meta.clone();
        let id = curriculum.id.clone();
        let rerender = rerender.clone();
        Callback::from(move |at: u64| {
            meta.borrow_mut().last_backup = Some(at);
            let _ = store::save_meta(&*store, &id, &meta.borrow());
            rerender.force_update();
        })
    };

    let context = WorkbookContext {
        dispatch: workbook.dispatcher(),
        working_on,
    };
    let answers = Answers::new(workbook.clone());
    let storage = (*storage).clone();
    let page = match &*route {
        Route::Home => home::render(&HomeProps {
            curriculum: curriculum.clone(),
            answers: answers.clone(),
            meta: meta.borrow().clone(),
        }),
        Route::Week { week, exercise } => {
            match curriculum.weeks.iter().position(|w| w.number == *week) {
                Some(index) => html! {
                    <WeekPage curriculum={curriculum.clone()} week={index} answers={answers.clone()} focus={exercise.clone()} />
                },
                None => home::render(&HomeProps {
                    curriculum: curriculum.clone(),
                    answers: answers.clone(),
                    meta: meta.borrow().clone(),
                }),
            }
        }
        Route::Progress => progress_page::render(&ProgressPageProps {
            curriculum: curriculum.clone(),
            answers: answers.clone(),
        }),
        Route::Workbook { week } => workbook_page::render(&WorkbookPageProps {
            curriculum: curriculum.clone(),
            answers: answers.clone(),
            week: *week,
        }),
        Route::Settings => html! {
            <SettingsPage curriculum={curriculum.clone()} answers={answers.clone()} storage={storage.clone()}
                meta={meta.borrow().clone()} on_backup_saved={on_backup_saved.clone()} />
        },
    };
    html! {
        <ContextProvider<WorkbookContext> context={context}>
            { shell::render(&ShellProps {
                curriculum: curriculum.clone(),
                route: (*route).clone(),
                status: workbook.status.clone(),
                storage_problem: storage.problem.clone(),
                unreadable: workbook.unreadable.len(),
                children: page,
            }) }
        </ContextProvider<WorkbookContext>>
    }
}
