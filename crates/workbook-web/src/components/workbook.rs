//! The workbook once its curriculum is loaded: holds the answers in a reducer and lays out the
//! page the route asks for. Each of its other jobs is a hook of its own (`hooks/`): saving,
//! following other tabs, the lock's controls, and where the participant is.

use yew::prelude::*;

use super::answers::Answers;
use super::home::{self, HomeProps};
use super::hooks::autosave::use_autosave;
use super::hooks::lock_controls::use_lock_controls;
use super::hooks::other_tabs::use_other_tabs;
use super::hooks::place::use_place;
use super::my_workbook_page::{self, MyWorkbookPageProps};
use super::progress_page::{self, ProgressPageProps};
use super::settings_page::SettingsPage;
use super::shell::{self, ShellProps};
use super::storage::Storage;
use super::week_page::WeekPage;
use super::{DraftsContext, LockContext, Shared};
use crate::browser::language;
use crate::state::drafts::Drafts;
use crate::state::route::Route;
use crate::state::store::Loaded;

/// Props for [`WorkbookApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct WorkbookAppProps {
    /// The parsed curriculum.
    pub curriculum: Shared,
    /// Where answers are kept. It never changes for one `WorkbookApp`: the lock gate makes a
    /// new one (with a new key) when the store changes.
    pub storage: Storage,
}

/// The workbook, loaded.
#[component]
pub fn WorkbookApp(props: &WorkbookAppProps) -> Html {
    let curriculum = props.curriculum.clone();
    let storage = props.storage.clone();
    let initial = {
        let (storage, curriculum) = (storage.clone(), curriculum.clone());
        use_memo((), move |_| {
            crate::state::migrate::load(&*storage.store, &curriculum)
        })
    };
    let drafts = {
        let (initial, id) = (initial.clone(), curriculum.id.clone());
        use_reducer(move || {
            let loaded: Loaded = (*initial).clone().unwrap_or_default();
            Drafts::from_loaded(&id, loaded)
        })
    };
    let save_now = use_autosave(&storage, &drafts);
    use_other_tabs(&curriculum.id, &storage, &drafts, save_now.clone());
    // Another language's page: saved (and sealed, while the lock is on) first.
    let leave = {
        let (save_now, session) = (save_now.clone(), storage.session.clone());
        Callback::from(move |(tag, href): (String, String)| {
            // Words that cannot be written keep the page open: the save status says so.
            if !save_now() {
                return;
            }
            match session.clone() {
                Some(session) => wasm_bindgen_futures::spawn_local(async move {
                    if session.0.settle().await.is_ok() {
                        language::open(&tag, &href);
                    }
                }),
                None => language::open(&tag, &href),
            }
        })
    };
    let lock = use_lock_controls(&storage, &drafts, save_now);
    let initial_meta = (*initial)
        .as_ref()
        .map(|loaded| loaded.meta.clone())
        .unwrap_or_default();
    let place = use_place(&curriculum.id, &storage, initial_meta);
    let route = place.route.clone();

    let context = DraftsContext {
        dispatch: drafts.dispatcher(),
        working_on: place.working_on.clone(),
    };
    let answers = Answers::new(drafts.clone());
    let home = || {
        home::render(&HomeProps {
            curriculum: curriculum.clone(),
            answers: answers.clone(),
            meta: place.meta.borrow().clone(),
            platform: crate::browser::platform(),
            now: crate::browser::now(),
        })
    };
    let page = match &*route {
        Route::Home => home(),
        Route::Week { week, exercise } => {
            match curriculum.weeks.iter().position(|w| w.number == *week) {
                Some(index) => html! {
                    <WeekPage curriculum={curriculum.clone()} week={index} answers={answers.clone()} focus={exercise.clone()} />
                },
                None => home(),
            }
        }
        Route::Progress => progress_page::render(&ProgressPageProps {
            curriculum: curriculum.clone(),
            answers: answers.clone(),
        }),
        Route::MyWorkbook { week } => my_workbook_page::render(&MyWorkbookPageProps {
            curriculum: curriculum.clone(),
            answers: answers.clone(),
            week: *week,
        }),
        Route::Settings => html! {
            <SettingsPage curriculum={curriculum.clone()} answers={answers.clone()} storage={storage.clone()}
                meta={place.meta.borrow().clone()} on_backup_saved={place.on_backup_saved.clone()} />
        },
    };
    let lock_now = lock
        .as_ref()
        .filter(|l| l.session.is_some())
        .map(|l| l.lock_now.reform(|_: MouseEvent| ()));
    let shell = html! {
        <ContextProvider<DraftsContext> context={context}>
            { shell::render(&ShellProps {
                curriculum: curriculum.clone(),
                route: (*route).clone(),
                status: drafts.status.clone(),
                storage_problem: storage.problem.clone(),
                unreadable: drafts.unreadable.len(),
                lock_now,
                leave: Some(leave),
                children: page,
            }) }
        </ContextProvider<DraftsContext>>
    };
    match lock {
        Some(lock) => html! {
            <ContextProvider<LockContext> context={lock}>{ shell }</ContextProvider<LockContext>>
        },
        None => shell,
    }
}
