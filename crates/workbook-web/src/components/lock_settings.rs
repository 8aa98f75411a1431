//! The settings section for the passphrase lock: turning it on (with the warning that nothing
//! can be recovered without the passphrase), choosing when it locks itself, locking now, and
//! turning it off.

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::change_passphrase::ChangePassphrase;
use super::conditions_note;
use super::confirm::Confirm;
use super::passphrase_fields::{new_passphrase_fields, value_of};
use super::{EnableLock, LockContext, Shared};
use crate::state::texts::{duration, t, tf};
use crate::state::vault::{
    DEFAULT_IDLE_MINUTES, IDLE_CHOICES, MIN_PASSPHRASE_CHARS, passphrase_problem,
};

/// The id of the message that says what is wrong with a new passphrase.
const LOCK_PROBLEM: &str = "lock-problem";

fn minutes_of(event: &Event) -> Option<u32> {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .and_then(|select| select.value().parse().ok())
}

fn idle_options(selected: u32) -> Html {
    html! {
        { for IDLE_CHOICES.iter().map(|&minutes| html! {
            <option value={minutes.to_string()} selected={minutes == selected}>
                { duration(minutes) }
            </option>
        }) }
    }
}

const TURN_OFF: Confirm = Confirm {
    id: "confirm-unlock",
    ask: Msg::LockTurnOff,
    ask_class: "button",
    question: Msg::LockTurnOffQuestion,
    yes: Msg::LockTurnOffYes,
    no: Msg::LockTurnOffNo,
};

/// Props for [`LockSettings`].
#[derive(Properties, PartialEq, Clone)]
pub struct LockSettingsProps {
    /// The curriculum (its note on legal conditions).
    pub curriculum: Shared,
}

/// The "Lock with a passphrase" section of the settings page.
#[component]
pub fn LockSettings(props: &LockSettingsProps) -> Html {
    let lock = use_context::<LockContext>();
    let passphrase = use_node_ref();
    let repeat = use_node_ref();
    let understood = use_node_ref();
    let idle = use_state(|| DEFAULT_IDLE_MINUTES);
    let busy = use_state(|| false);
    let message = use_state(|| None::<(bool, String)>);
    let confirm_off = use_state(|| false);
    let rerender = use_force_update();

    let notice_ref = use_node_ref();
    {
        let notice_ref = notice_ref.clone();
        use_effect_with((), move |_| {
            if let Some(notice) = notice_ref.cast::<web_sys::HtmlElement>() {
                notice.scroll_into_view();
                let _ = notice.focus();
            }
        });
    }
    let Some(lock) = lock else {
        return html! {};
    };
    let done = {
        let (busy, message) = (busy.clone(), message.clone());
        Callback::from(move |outcome: Result<(), String>| {
            busy.set(false);
            if let Err(text) = outcome {
                message.set(Some((true, text)));
            }
        })
    };

    let heading = html! { <h2 id="lock-heading">{ t(Msg::LockHeading) }</h2> };
    // What the last change of the lock did. The workbook was mounted afresh by it, so keyboard
    // focus goes to this message (and a screen reader reads it).
    let lock_notice = match &lock.notice {
        Some(text) => html! {
            <p id="lock-notice" class="notice" role="status" tabindex="-1" ref={notice_ref.clone()}>{ text.clone() }</p>
        },
        None => html! {},
    };
    let notice = match &*message {
        Some((true, text)) => {
            html! { <p id={LOCK_PROBLEM} class="notice problem" role="alert">{ text.clone() }</p> }
        }
        Some((false, text)) => html! { <p class="notice" role="status">{ text.clone() }</p> },
        None => html! {},
    };

    let Some(session) = lock.session.clone() else {
        let submit = {
            let (passphrase, repeat, understood, idle, busy, message, enable, done) = (
                passphrase.clone(),
                repeat.clone(),
                understood.clone(),
                idle.clone(),
                busy.clone(),
                message.clone(),
                lock.enable.clone(),
                done.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let (first, second) = (value_of(&passphrase), value_of(&repeat));
                let agreed = understood
                    .cast::<web_sys::HtmlInputElement>()
                    .is_some_and(|c| c.checked());
                let problem = if let Some(problem) = passphrase_problem(&first, &second) {
                    Some(problem)
                } else if !agreed {
                    Some(t(Msg::LockUnderstoodMissing))
                } else {
                    None
                };
                if let Some(problem) = problem {
                    message.set(Some((true, problem)));
                    return;
                }
                busy.set(true);
                message.set(None);
                enable.emit(EnableLock {
                    passphrase: first,
                    idle_minutes: *idle,
                    done: done.clone(),
                });
            })
        };
        let choose_idle = {
            let idle = idle.clone();
            Callback::from(move |e: Event| {
                if let Some(minutes) = minutes_of(&e) {
                    idle.set(minutes);
                }
            })
        };
        return html! {
            <section id="lock" aria-labelledby="lock-heading">
                { heading }
                { lock_notice }
                <p>{ t(Msg::LockIntro) }</p>
                <div class="callout warning">
                    <p><strong>{ t(Msg::LockNoRecoveryWarning) }</strong>
                    { " " }{ t(Msg::LockNoRecoveryAdvice) }</p>
                </div>
                <p>{ t(Msg::LockLimits) }</p>
                <p>{ t(Msg::LockLaw) }</p>
                { conditions_note::render(&props.curriculum, 3) }
                <p>{ t(Msg::LockBrowserOffersToSave) }</p>
                <form class="lock-form" onsubmit={submit} aria-busy={(*busy).then_some("true")}>
                    { new_passphrase_fields(
                        ("new-passphrase", &tf(Msg::LockPassphraseLabel, &[("count", MIN_PASSPHRASE_CHARS.into())]), &passphrase),
                        ("repeat-passphrase", &repeat),
                        matches!(&*message, Some((true, _))).then_some(LOCK_PROBLEM),
                    ) }
                    <p>
                        <label for="idle-minutes">{ t(Msg::LockIdleLabel) }</label>
                        <select id="idle-minutes" onchange={choose_idle}>{ idle_options(*idle) }</select>
                    </p>
                    <p class="check">
                        <input type="checkbox" id="no-recovery" ref={understood} />
                        <label for="no-recovery">{ t(Msg::LockUnderstood) }</label>
                    </p>
                    { notice }
                    <button type="submit" class="button primary" disabled={*busy}>
                        { t(if *busy { Msg::LockLocking } else { Msg::LockSubmit }) }
                    </button>
                </form>
            </section>
        };
    };

    let record = session.record();
    let change_idle = {
        let (session, message, rerender) = (session.clone(), message.clone(), rerender.clone());
        Callback::from(move |e: Event| {
            let Some(minutes) = minutes_of(&e) else {
                return;
            };
            match session.set_idle_minutes(minutes) {
                Ok(()) => message.set(Some((false, t(Msg::LockIdleSaved)))),
                Err(error) => message.set(Some((true, error.explain()))),
            }
            rerender.force_update();
        })
    };
    let turn_off = {
        let (busy, message, disable, done) = (
            busy.clone(),
            message.clone(),
            lock.disable.clone(),
            done.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            busy.set(true);
            message.set(None);
            disable.emit(done.clone());
        })
    };
    let lock_now = lock.lock_now.reform(|_: MouseEvent| ());
    html! {
        <section id="lock" aria-labelledby="lock-heading">
            { heading }
            <p>{ t(Msg::LockOnIntro) }</p>
            { lock_notice.clone() }
            <p>
                <label for="idle-minutes">{ t(Msg::LockIdleLabel) }</label>
                <select id="idle-minutes" onchange={change_idle}>{ idle_options(record.idle_minutes) }</select>
            </p>
            { notice }
            <div class="button-row">
                <button type="button" class="button" onclick={lock_now}>{ t(Msg::LockNow) }</button>
            </div>
            if session.unopened > 0 {
                <p>{ tf(Msg::LockUnopened, &[("count", session.unopened.into())]) }</p>
            }
            <ChangePassphrase />
            <h3>{ t(Msg::LockTurnOff) }</h3>
            <p>{ t(Msg::LockTurnOffIntro) }</p>
            { TURN_OFF.render(&confirm_off, turn_off, *busy) }
        </section>
    }
}
