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
use super::{LockContext, SessionRef, Shared, WorkbookContext};
use crate::browser::lifecycle;
use crate::browser::lock::Session;
use crate::browser::storage::LocalStore;
use crate::state::route::Route;
use crate::state::store::{self, KeyValueStore, Loaded, MemoryStore, StoreError};
use crate::state::vault;
use crate::state::workbook::{Action, SaveStatus, Workbook, save_dirty};

/// How long typing must pause before a save.
const SAVE_PAUSE_MS: u32 = 700;
/// The longest changes wait while typing goes on without a pause.
const SAVE_AT_LEAST_EVERY_MS: u64 = 5_000;

/// How long typing must pause before a save while the lock is on: sealing takes a moment and
/// cannot finish while a closing page unloads, so it starts sooner.
const SEALED_SAVE_PAUSE_MS: u32 = 200;

/// The store, and why the browser's own could not be used (then answers live in memory only).
#[derive(Clone)]
pub struct Storage {
    /// Where answers are written: localStorage, the lock's vault, or memory.
    pub store: Rc<dyn KeyValueStore>,
    /// Set when localStorage is unavailable.
    pub problem: Option<StoreError>,
    /// The browser's localStorage, when it works.
    pub physical: Option<Rc<LocalStore>>,
    /// The open lock, when the lock is on (then `store` is its vault).
    pub session: Option<SessionRef>,
}

impl PartialEq for Storage {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store) && self.problem == other.problem
    }
}

impl Storage {
    /// The readable store: localStorage when it works, else memory (and why).
    pub fn plain(physical: Result<Rc<LocalStore>, StoreError>) -> Storage {
        match physical {
            Ok(store) => Storage {
                store: store.clone(),
                problem: None,
                physical: Some(store),
                session: None,
            },
            Err(problem) => Storage {
                store: Rc::new(MemoryStore::default()),
                problem: Some(problem),
                physical: None,
                session: None,
            },
        }
    }

    /// The store of an open lock.
    pub fn sealed(physical: Rc<LocalStore>, session: Rc<Session>) -> Storage {
        Storage {
            store: session.vault.clone(),
            problem: None,
            physical: Some(physical),
            session: Some(SessionRef(session)),
        }
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
    /// Where answers are kept. It never changes for one `WorkbookApp`: the lock gate makes a
    /// new one (with a new key) when the store changes.
    pub storage: Storage,
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
    let storage = props.storage.clone();
    let initial = {
        let storage = storage.clone();
        let curriculum = curriculum.clone();
        use_memo((), move |_| {
            crate::state::migrate::load(&*storage.store, &curriculum)
        })
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
        let sealed = storage.session.is_some();
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
                let pause = if sealed {
                    SEALED_SAVE_PAUSE_MS
                } else {
                    SAVE_PAUSE_MS
                };
                *timer.borrow_mut() = Some(Timeout::new(pause, move || {
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
    // tab has changes of its own waiting; then both are kept when this one saves). If it turned
    // the lock on or off, save and start again, so this tab follows.
    {
        let dispatcher = workbook.dispatcher();
        let prefix = store::answer_prefix(&curriculum.id);
        let lock_key = vault::lock_key(&curriculum.id);
        let sealed_prefix = vault::sealed_prefix(&curriculum.id);
        let session = storage.session.clone();
        let store = storage.store.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                lifecycle::listen(window.as_ref(), "storage", move |event| {
                    use wasm_bindgen::JsCast;
                    let Ok(event) = event.dyn_into::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let Some(key) = event.key() else {
                        return;
                    };
                    if key == lock_key {
                        // Turning the lock on or off, or a new passphrase (not a new idle time).
                        let lock_of = |raw: Option<String>| {
                            raw.map(|raw| vault::LockRecord::parse(&raw).map(|r| (r.salt, r.check)))
                        };
                        if lock_of(event.old_value()) != lock_of(event.new_value()) {
                            flush(&*store, &latest);
                            if let Some(session) = &session {
                                // Turned off or changed elsewhere: this tab's key no longer
                                // opens anything, so what it had not sealed yet is written
                                // readable. (After a new passphrase it is sealed again, and
                                // removed, at the next unlock.)
                                session.write_pending_readable();
                            }
                            lifecycle::reload();
                        }
                        return;
                    }
                    let external = |logical: &str, value: &str| {
                        let id = logical.strip_prefix(&prefix)?;
                        let entry = crate::state::json::from_str::<store::Entry>(value).ok()?;
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
                                    && let Ok(entry) =
                                        crate::state::json::from_str::<store::Entry>(&value)
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
                            if let Some(action) = event.new_value().and_then(|v| external(&key, &v))
                            {
                                dispatcher.dispatch(action);
                            }
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }

    // The lock's controls, each saving what is waiting first; and, while the lock is on,
    // locking by itself after the chosen time without use.
    let lock = {
        let gate = use_context::<LockContext>();
        let store = storage.store.clone();
        let latest = latest.clone();
        use_memo(gate, move |gate| {
            let gate = gate.clone()?;
            let save = Rc::new(move || flush(&*store, &latest));
            let wrap = |callback: Callback<()>| {
                let save = save.clone();
                Callback::from(move |()| {
                    save();
                    callback.emit(());
                })
            };
            Some(LockContext {
                session: gate.session.clone(),
                notice: gate.notice.clone(),
                enable: {
                    let (save, enable) = (save.clone(), gate.enable.clone());
                    Callback::from(move |request| {
                        save();
                        enable.emit(request);
                    })
                },
                disable: {
                    let (save, disable) = (save.clone(), gate.disable.clone());
                    Callback::from(move |done| {
                        save();
                        disable.emit(done);
                    })
                },
                change: {
                    let (save, change) = (save.clone(), gate.change.clone());
                    Callback::from(move |request| {
                        save();
                        change.emit(request);
                    })
                },
                lock_now: wrap(gate.lock_now.clone()),
            })
        })
    };
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
    {
        let session = storage.session.clone();
        let dispatcher = workbook.dispatcher();
        use_effect_with((), move |_| {
            if let Some(session) = session {
                session.on_outcome(Rc::new(move |outcome| match outcome {
                    Ok(()) => dispatcher.dispatch(Action::Saved(Vec::new())),
                    Err(error) => dispatcher.dispatch(Action::SaveFailed(error)),
                }));
            }
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
    let lock_now = (*lock)
        .as_ref()
        .filter(|l| l.session.is_some())
        .map(|l| l.lock_now.reform(|_: MouseEvent| ()));
    let shell = html! {
        <ContextProvider<WorkbookContext> context={context}>
            { shell::render(&ShellProps {
                curriculum: curriculum.clone(),
                route: (*route).clone(),
                status: workbook.status.clone(),
                storage_problem: storage.problem.clone(),
                unreadable: workbook.unreadable.len(),
                lock_now,
                children: page,
            }) }
        </ContextProvider<WorkbookContext>>
    };
    match (*lock).clone() {
        Some(lock) => html! {
            <ContextProvider<LockContext> context={lock}>{ shell }</ContextProvider<LockContext>>
        },
        None => shell,
    }
}
