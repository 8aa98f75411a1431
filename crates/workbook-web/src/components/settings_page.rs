//! Backup and settings: what the workbook keeps and where, saving a backup file, restoring one
//! (checked and previewed first), and clearing everything.

use std::rc::Rc;

use yew::prelude::*;

use super::answers::Answers;
use super::conditions_note;
use super::confirm::Confirm;
use super::install_section;
use super::lock_settings::LockSettings;
use super::storage::Storage;
use super::{LockContext, Shared, WorkbookContext};
use crate::browser::{self, files, lock};
use crate::state::backup::{self, Backup, ImportPlan, LockedBackup};
use crate::state::store::{self, Meta};
use crate::state::workbook::Action;

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

#[derive(Clone, PartialEq)]
enum Restore {
    Idle,
    Problem(String),
    /// A locked backup file, waiting for its passphrase.
    Locked(Rc<LockedBackup>, Option<String>),
    Preview(Rc<Backup>, ImportPlan),
    Done(String),
}

/// Reads a plain backup file's text and works out what restoring it would do.
fn preview(
    text: &str,
    curriculum: &workbook_core::Curriculum,
    answers: &Answers,
    storage: &Storage,
) -> Restore {
    match backup::parse(text, curriculum) {
        Err(error) => Restore::Problem(error.explain()),
        Ok(file) => {
            let aside = store::kept_aside(&*storage.store, &curriculum.id).unwrap_or_default();
            let plan = backup::plan(&file, answers, &aside);
            Restore::Preview(Rc::new(file), plan)
        }
    }
}

const CLEAR: Confirm = Confirm {
    id: "confirm-clear",
    ask: "Delete all my answers",
    ask_class: "button danger",
    question: "Are you sure you want to delete all your answers?",
    yes: "Yes, delete everything",
    no: "No, keep my answers",
};

/// The backup and settings page.
#[component]
pub fn SettingsPage(props: &SettingsPageProps) -> Html {
    let context = use_context::<WorkbookContext>();
    let session = use_context::<LockContext>().and_then(|l| l.session);
    // Whether to lock a backup file with the passphrase (while the lock is on).
    let lock_file = use_state(|| true);
    let file_passphrase = use_node_ref();
    let restore = use_state(|| Restore::Idle);
    let confirm_clear = use_state(|| false);
    // What the browser says about keeping this site's storage.
    let persistence = use_state(|| None::<bool>);
    let platform = crate::browser::platform();
    {
        let persistence = persistence.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                persistence.set(crate::browser::storage_is_persistent().await);
            });
        });
    }
    let ask_to_keep = {
        let persistence = persistence.clone();
        Callback::from(move |_: MouseEvent| {
            let persistence = persistence.clone();
            wasm_bindgen_futures::spawn_local(async move {
                persistence.set(Some(
                    crate::browser::request_persistent_storage()
                        .await
                        .unwrap_or(false),
                ));
            });
        })
    };
    let message = use_state(|| None::<String>);

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
                    message.set(Some(
                        "Your backup file is saved. Keep it somewhere private.".into(),
                    ));
                }
                Err(_) => message.set(Some(
                    "The backup file could not be saved. Please try again.".into(),
                )),
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

    let choose_file = {
        let (restore, curriculum, answers, storage) = (
            restore.clone(),
            props.curriculum.clone(),
            props.answers.clone(),
            props.storage.clone(),
        );
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let Some(file) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            let (restore, curriculum, answers, storage) = (
                restore.clone(),
                curriculum.clone(),
                answers.clone(),
                storage.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let next = match files::read_text(file).await {
                    Err(_) => Restore::Problem("That file could not be read.".into()),
                    Ok(text) => match LockedBackup::parse(&text) {
                        Ok(Some(locked)) => Restore::Locked(Rc::new(locked), None),
                        Ok(None) => preview(&text, &curriculum, &answers, &storage),
                        Err(error) => Restore::Problem(error.explain()),
                    },
                };
                restore.set(next);
            });
        })
    };

    // While a locked backup file's key is being derived (a second or more on a phone).
    let opening = use_state(|| false);
    let open_locked_file = {
        let (opening, restore, curriculum, answers, storage, file_passphrase) = (
            opening.clone(),
            restore.clone(),
            props.curriculum.clone(),
            props.answers.clone(),
            props.storage.clone(),
            file_passphrase.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Restore::Locked(file, _) = &*restore else {
                return;
            };
            if *opening {
                return;
            }
            opening.set(true);
            let passphrase = file_passphrase
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let (opening, file, restore, curriculum, answers, storage) = (
                opening.clone(),
                file.clone(),
                restore.clone(),
                curriculum.clone(),
                answers.clone(),
                storage.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let next = match lock::open_backup(&file, &passphrase).await {
                    Ok(text) => preview(&text, &curriculum, &answers, &storage),
                    Err(lock::LockError::WrongPassphrase) => Restore::Locked(
                        file,
                        Some("That passphrase did not open this file. Check for capital letters and spaces, and try again.".into()),
                    ),
                    Err(error) => Restore::Problem(error.explain()),
                };
                opening.set(false);
                restore.set(next);
            });
        })
    };

    let import = {
        let (restore, answers, storage, context, curriculum) = (
            restore.clone(),
            props.answers.clone(),
            props.storage.clone(),
            context.clone(),
            props.curriculum.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Restore::Preview(file, plan) = &*restore else {
                return;
            };
            let outcome = backup::apply(&*storage.store, file, plan, &answers)
                .and_then(|()| crate::state::migrate::load(&*storage.store, &curriculum));
            match outcome {
                Ok(loaded) => {
                    if let Some(context) = &context {
                        context.dispatch.dispatch(Action::Reload(loaded));
                    }
                    restore.set(Restore::Done(format!(
                        "Done. {} answer(s) added and {} updated from the backup.",
                        plan.added.len(),
                        plan.replaced.len()
                    )));
                }
                Err(error) => restore.set(Restore::Problem(format!(
                    "{} Nothing on this device was lost.",
                    error.explain()
                ))),
            }
        })
    };

    let clear = {
        let (storage, context, confirm_clear, message, curriculum) = (
            props.storage.clone(),
            context.clone(),
            confirm_clear.clone(),
            message.clone(),
            props.curriculum.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            match store::clear_all(&*storage.store)
                .and_then(|_| crate::state::migrate::load(&*storage.store, &curriculum))
            {
                Ok(loaded) => {
                    if let Some(context) = &context {
                        context.dispatch.dispatch(Action::Reload(loaded));
                    }
                    message.set(Some(
                        "All your answers have been deleted from this browser.".into(),
                    ));
                }
                Err(error) => message.set(Some(format!(
                    "{} Some answers may not have been deleted.",
                    error.explain()
                ))),
            }
            confirm_clear.set(false);
        })
    };

    let last_backup = props.meta.last_backup.map(|at| {
        let days = browser::now().saturating_sub(at) / 86_400_000;
        match days {
            0 => "today".to_string(),
            1 => "yesterday".to_string(),
            n => format!("{n} days ago"),
        }
    });
    let answered = props
        .answers
        .entries
        .values()
        .filter(|e| !e.answer.is_empty())
        .count();
    let kept = store::kept_aside(&*props.storage.store, &props.curriculum.id).unwrap_or_default();
    // A value read as unreadable at start-up is kept aside before its key is written again; list it once.
    let aside: Vec<(String, String, Html)> = kept
        .iter()
        .cloned()
        .chain(
            props
                .answers
                .unreadable
                .iter()
                .filter(|u| !kept.iter().any(|k| k.raw == u.raw))
                .cloned(),
        )
        .map(|kept| {
            let exercise_id = kept
                .key
                .rsplit('/')
                .find(|part| props.curriculum.exercise(part).is_some())
                .unwrap_or("")
                .to_string();
            let exercise = props.curriculum.exercise(&exercise_id).map(|(_, e)| e);
            let title = exercise
                .map(|e| e.title.clone())
                .unwrap_or_else(|| "An answer".to_string());
            // An answer of this version, or of the first (by labels), as it reads now.
            let answer = crate::state::json::from_str::<store::Entry>(&kept.raw)
                .ok()
                .filter(|entry| entry.format == store::ENTRY_FORMAT)
                .map(|entry| entry.answer)
                .or_else(|| crate::state::migrate::for_display(&kept.raw, exercise));
            match answer {
                Some(answer) => (
                    title,
                    String::new(),
                    super::answer_view::answer_html(&answer, exercise, &props.curriculum.currency),
                ),
                None => (
                    title,
                    " (could not be read; shown exactly as stored)".to_string(),
                    html! { <pre class="raw">{ kept.raw.clone() }</pre> },
                ),
            }
        })
        .collect();

    html! {
        <>
            <h1>{ "Backup and settings" }</h1>
            if let Some(text) = &*message { <p class="notice" role="status">{ text.clone() }</p> }

            <section>
                <h2>{ "Where your answers are kept" }</h2>
                <p>{ "Your answers are saved in this web browser, on this device only. They are never sent to the group, the charity, or anyone else." }</p>
                <ul>
                    if session.is_some() {
                        <li>{ "They are locked with your passphrase: without it, nobody who opens this browser can read them." }</li>
                    } else {
                        <li>{ "Anyone who can use this device and this browser can read them, unless you lock them with a passphrase (below)." }</li>
                    }
                    <li>{ "If this browser's data is cleared, they are gone. Some browsers clear the data of sites you have not opened for a week." }</li>
                    <li>{ "A backup file is the only copy that is yours to keep. Save one now and then." }</li>
                </ul>
                <p>{ format!("You have {answered} answer{} saved here.", if answered == 1 { "" } else { "s" }) }</p>
            </section>

            <LockSettings curriculum={props.curriculum.clone()} />

            <section>
                <h2>{ "Ask this browser to keep your answers" }</h2>
                <p>{ "Browsers may delete what a site keeps when space runs low, and Safari deletes it after a week without a visit. You can ask this browser to keep your answers. It may say no; saving a backup file is the sure way." }</p>
                <p id="persistence" role="status">{ match *persistence {
                    Some(true) => "This browser has agreed to keep your answers. It will not delete them to make space.",
                    Some(false) => "This browser has not agreed to keep your answers for sure. Save a backup file now and then.",
                    None => "This browser has not said whether it will keep your answers.",
                } }
                if *persistence == Some(true) && platform.may_erase_after_a_week() {
                    { " Safari may still erase them after about a week without a visit, unless the workbook is on your home screen (below)." }
                }</p>
                if *persistence != Some(true) {
                    <button type="button" class="button" onclick={ask_to_keep}>{ "Ask this browser to keep my answers" }</button>
                }
            </section>

            <section>
                <h2>{ "Save a backup file" }</h2>
                <p>{ match &last_backup { Some(when) => format!("Your last backup was saved {when}."), None => "You have not saved a backup on this device yet.".to_string() } }</p>
                if session.is_some() {
                    <p>{ "The file has all your answers in it. Locked with your passphrase, it opens only with that passphrase; without the lock, anyone who opens it can read it." }</p>
                    <p class="check">
                        <input type="checkbox" id="lock-backup" checked={*lock_file}
                            onchange={{ let lock_file = lock_file.clone(); Callback::from(move |_: Event| lock_file.set(!*lock_file)) }} />
                        <label for="lock-backup">{ "Lock the backup file with my passphrase" }</label>
                    </p>
                } else {
                    <p>{ "The file has all your answers in it, as plain text. Anyone who opens it can read it, so keep it somewhere private." }</p>
                }
                <button type="button" class="button primary" onclick={save_backup}>{ "Save a backup file" }</button>
            </section>

            <section>
                <h2>{ "Restore from a backup file" }</h2>
                <p>{ "Answers from the file are added. Where both have an answer to the same exercise, the newer one is used and the other is kept aside, so nothing is lost." }</p>
                <p>
                    <label for="restore-file">{ "Choose a backup file" }</label>
                    <input type="file" id="restore-file" accept=".json,application/json" onchange={choose_file} />
                </p>
                { match &*restore {
                    Restore::Idle => html! {},
                    Restore::Problem(text) => html! { <p class="notice problem" role="alert">{ text.clone() }</p> },
                    Restore::Locked(_, problem) => html! {
                        <form class="preview" onsubmit={open_locked_file} aria-label="Open a locked backup file"
                            aria-busy={(*opening).then_some("true")}>
                            <p>{ "This backup file is locked. Type the passphrase it was locked with." }</p>
                            <p>
                                <label for="file-passphrase">{ "Passphrase of the backup file" }</label>
                                <input type="password" id="file-passphrase" ref={file_passphrase.clone()} autocomplete="off"
                                    aria-invalid={problem.is_some().then_some("true")}
                                    aria-describedby={problem.is_some().then_some("file-problem")} />
                            </p>
                            if let Some(text) = problem {
                                <p id="file-problem" class="notice problem" role="alert">{ text.clone() }</p>
                            }
                            <button type="submit" class="button primary" disabled={*opening}>
                                { if *opening { "Opening… this takes a few seconds" } else { "Open the backup file" } }
                            </button>
                        </form>
                    },
                    Restore::Done(text) => html! { <p class="notice" role="status">{ text.clone() }</p> },
                    Restore::Preview(_, plan) => html! {
                        <div class="preview" role="region" aria-label="What restoring will do">
                            <h3>{ "What restoring will do" }</h3>
                            if plan.changes_nothing() {
                                <p>{ "This backup has nothing that is not already here." }</p>
                            } else {
                                <ul>
                                    <li>{ format!("{} answer(s) will be added.", plan.added.len()) }</li>
                                    <li>{ format!("{} answer(s) are newer in the backup and will be used; the older text from this device is kept aside.", plan.replaced.len()) }</li>
                                    <li>{ format!("{} answer(s) are newer on this device and will be kept as they are.", plan.kept.len()) }</li>
                                    <li>{ format!("{} answer(s) are the same in both.", plan.same.len()) }</li>
                                </ul>
                                <div class="button-row">
                                    <button type="button" class="button primary" onclick={import}>{ "Restore these answers" }</button>
                                    <button type="button" class="button" onclick={{ let restore = restore.clone(); Callback::from(move |_: MouseEvent| restore.set(Restore::Idle)) }}>{ "Cancel" }</button>
                                </div>
                            }
                        </div>
                    },
                } }
            </section>

            { install_section::render(&props.curriculum.app_name, platform) }

            <section>
                <h2>{ "Copies kept aside" }</h2>
                if aside.is_empty() {
                    <p>{ "None. When two versions of an answer meet (from another tab, or from a backup file), or a saved answer cannot be read, the one not shown is kept here, so nothing is lost." }</p>
                } else {
                    <p>{ "These versions of your answers were kept safe when another version replaced them, or because they could not be read. They are included in your backup file." }</p>
                    <ul class="kept-aside">
                        { for aside.iter().map(|(title, when, body)| html! {
                            <li>
                                <p><strong>{ title.clone() }</strong>{ when.clone() }</p>
                                { body.clone() }
                            </li>
                        }) }
                    </ul>
                }
            </section>

            <section>
                <h2>{ "The quick exit" }</h2>
                <p>{ "The Quick exit button, or pressing Shift three times, hides the workbook at once and opens an everyday website in its place. Pressing Back will not bring the workbook back." }</p>
                <p>{ "It cannot hide everything: the browser's history still shows that you visited, and your answers are still on this device. If you need to, clear the browser's history (but not its site data, which holds your answers)." }</p>
                { conditions_note::render(&props.curriculum, 3) }
            </section>

            <section>
                <h2>{ "Delete all my answers" }</h2>
                <p>{ "This deletes every answer from this browser. It cannot be undone. Save a backup file first if you might want them later." }</p>
                { CLEAR.render(&confirm_clear, clear, false) }
            </section>
        </>
    }
}
