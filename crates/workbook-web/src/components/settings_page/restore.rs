//! "Restore from a backup file": choosing the file, the passphrase of a locked one, what
//! restoring will do, and restoring. The steps and how each event moves them on are
//! [`crate::state::restore`]; this section shows the step, and does what the browser must: it
//! reads the file, opens a locked one, writes the answers, and feeds each outcome back.

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::{SettingsPageProps, reload};
use crate::browser::{files, lock};
use crate::components::DraftsContext;
use crate::state::backup;
use crate::state::restore::{Opened, Restore, ThisDevice};
use crate::state::store;
use crate::state::texts::{t, tf};

/// Feeds an event to the restore: `step` gets the latest state and gives the next, compared
/// with what is on this device now (read at this moment, not while rendering).
fn feed(
    restore: &UseStateHandle<Restore>,
    props: &SettingsPageProps,
    step: impl FnOnce(&Restore, &ThisDevice<'_>) -> Restore,
) {
    let kept_aside =
        store::kept_aside(&*props.storage.store, &props.curriculum.id).unwrap_or_default();
    let here = ThisDevice {
        curriculum: &props.curriculum,
        workbook: &props.answers,
        kept_aside: &kept_aside,
    };
    restore.set(step(restore, &here));
}

/// The section.
#[hook]
pub fn use_section(props: &SettingsPageProps) -> Html {
    let context = use_context::<DraftsContext>();
    let restore = use_state(|| Restore::Idle);
    let passphrase = use_node_ref();

    let choose_file = {
        let (restore, props) = (restore.clone(), props.clone());
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
            restore.set(restore.choose());
            let (restore, props) = (restore.clone(), props.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = files::read_text(file).await.ok();
                feed(&restore, &props, |state, here| {
                    state.read(text.as_deref(), here)
                });
            });
        })
    };

    let open_locked_file = {
        let (restore, props, passphrase) = (restore.clone(), props.clone(), passphrase.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Restore::Locked { file, .. } = &*restore else {
                return; // not asking for a passphrase, or already trying one
            };
            let file = file.clone();
            restore.set(restore.open());
            let passphrase = passphrase
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let (restore, props) = (restore.clone(), props.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = match lock::open_backup(&file, &passphrase).await {
                    Ok(text) => Opened::Text(text),
                    Err(lock::LockError::WrongPassphrase) => Opened::WrongPassphrase,
                    Err(error) => Opened::Failed(error.explain()),
                };
                feed(&restore, &props, |state, here| {
                    state.opened(&file, outcome, here)
                });
            });
        })
    };

    let import = {
        let (restore, props) = (restore.clone(), props.clone());
        Callback::from(move |_: MouseEvent| {
            let importing = restore.confirm();
            let Restore::Importing { backup, plan } = &importing else {
                return;
            };
            let outcome = backup::apply(&*props.storage.store, backup, plan, &props.answers)
                .and_then(|()| reload(&props, context.as_ref()));
            restore.set(importing.imported(outcome));
        })
    };

    let cancel = {
        let restore = restore.clone();
        Callback::from(move |_: MouseEvent| restore.set(restore.cancel()))
    };

    let step = match &*restore {
        Restore::Idle | Restore::Reading => html! {},
        Restore::Failed(text) => {
            html! { <p class="notice problem" role="alert">{ text.clone() }</p> }
        }
        Restore::Locked { wrong, .. } | Restore::Opening { wrong, .. } => {
            let opening = matches!(*restore, Restore::Opening { .. });
            html! {
                <form class="preview" onsubmit={open_locked_file} aria-label={t(Msg::RestoreLockedForm)}
                    aria-busy={opening.then_some("true")}>
                    <p>{ t(Msg::RestoreLockedIntro) }</p>
                    <p>
                        <label for="file-passphrase">{ t(Msg::RestorePassphraseLabel) }</label>
                        <input type="password" id="file-passphrase" ref={passphrase} autocomplete="off"
                            aria-invalid={wrong.then_some("true")}
                            aria-describedby={wrong.then_some("file-problem")} />
                    </p>
                    if *wrong {
                        <p id="file-problem" class="notice problem" role="alert">{ t(Msg::RestoreWrongPassphrase) }</p>
                    }
                    <button type="submit" class="button primary" disabled={opening}>
                        { t(if opening { Msg::RestoreOpening } else { Msg::RestoreOpen }) }
                    </button>
                </form>
            }
        }
        Restore::Done(summary) => {
            html! { <p class="notice" role="status">{ summary.explain() }</p> }
        }
        Restore::Preview { plan, .. } | Restore::Importing { plan, .. } => {
            let count = |msg, ids: &[String]| tf(msg, &[("count", ids.len().into())]);
            let heading = t(Msg::RestorePreviewHeading);
            html! {
                <div class="preview" role="region" aria-label={heading.clone()}>
                    <h3>{ heading }</h3>
                    if plan.changes_nothing() {
                        <p>{ t(Msg::RestoreNothingNew) }</p>
                    } else {
                        <ul>
                            <li>{ count(Msg::RestoreAdded, &plan.added) }</li>
                            <li>{ count(Msg::RestoreReplaced, &plan.replaced) }</li>
                            <li>{ count(Msg::RestoreKept, &plan.kept) }</li>
                            <li>{ count(Msg::RestoreSame, &plan.same) }</li>
                        </ul>
                        <div class="button-row">
                            <button type="button" class="button primary" onclick={import}>{ t(Msg::RestoreConfirm) }</button>
                            <button type="button" class="button" onclick={cancel}>{ t(Msg::RestoreCancel) }</button>
                        </div>
                    }
                </div>
            }
        }
    };

    html! {
        <section>
            <h2>{ t(Msg::RestoreHeading) }</h2>
            <p>{ t(Msg::RestoreIntro) }</p>
            <p>
                <label for="restore-file">{ t(Msg::RestoreChooseFile) }</label>
                <input type="file" id="restore-file" accept=".json,application/json" onchange={choose_file} />
            </p>
            { step }
        </section>
    }
}
