//! The settings section for the passphrase lock: turning it on (with the warning that nothing
//! can be recovered without the passphrase), choosing when it locks itself, locking now, and
//! turning it off.

use yew::prelude::*;

use super::change_passphrase::ChangePassphrase;
use super::conditions_note;
use super::confirm::Confirm;
use super::passphrase_fields::{new_passphrase_fields, value_of};
use super::{EnableLock, LockContext, Shared};
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
                { if minutes == 60 { "1 hour".to_string() } else { format!("{minutes} minutes") } }
            </option>
        }) }
    }
}

const TURN_OFF: Confirm = Confirm {
    id: "confirm-unlock",
    ask: "Turn the lock off",
    ask_class: "button",
    question: "Turn the lock off?",
    yes: "Yes, turn it off",
    no: "No, keep it locked",
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

    let heading = html! { <h2 id="lock-heading">{ "Lock with a passphrase" }</h2> };
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
                    Some("Tick the box to say you understand that a forgotten passphrase cannot be recovered.".into())
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
                <p>{ "You can lock your answers with a passphrase. They are then stored in a secret code that only your passphrase opens. The workbook asks for it each time it opens, and again when it has not been used for a while." }</p>
                <div class="callout warning">
                    <p><strong>{ "If you forget your passphrase, nobody can get your answers back." }</strong>
                    { " Not you, and not the people who run the programme. Save a backup file first, and choose a passphrase you will remember." }</p>
                </div>
                <p>{ "A lock keeps your answers from someone who opens this browser. It cannot stop someone who watches you type, or who has put spying software on the device." }</p>
                <p>{ "It protects your answers from people at home, not from a court order: the law can require a person to give up a passphrase." }</p>
                { conditions_note::render(&props.curriculum, 3) }
                <p>{ "If the browser offers to save your passphrase, say no (or \u{201c}Never\u{201d}) on a device that anyone else uses: a saved passphrase can be looked up in the browser\u{2019}s settings." }</p>
                <form class="lock-form" onsubmit={submit} aria-busy={(*busy).then_some("true")}>
                    { new_passphrase_fields(
                        ("new-passphrase", &format!("Passphrase (at least {MIN_PASSPHRASE_CHARS} characters)"), &passphrase),
                        ("repeat-passphrase", &repeat),
                        matches!(&*message, Some((true, _))).then_some(LOCK_PROBLEM),
                    ) }
                    <p>
                        <label for="idle-minutes">{ "Lock again after this long without use" }</label>
                        <select id="idle-minutes" onchange={choose_idle}>{ idle_options(*idle) }</select>
                    </p>
                    <p class="check">
                        <input type="checkbox" id="no-recovery" ref={understood} />
                        <label for="no-recovery">{ "I understand that if I forget my passphrase, nobody can get my answers back." }</label>
                    </p>
                    { notice }
                    <button type="submit" class="button primary" disabled={*busy}>
                        { if *busy { "Locking… this takes a few seconds" } else { "Lock my answers" } }
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
                Ok(()) => message.set(Some((false, "Saved.".into()))),
                Err(error) => message.set(Some((true, error.explain().into()))),
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
            <p>{ "Your answers are locked with a passphrase. The workbook asks for it when it opens, and locks itself when it has not been used for a while." }</p>
            { lock_notice.clone() }
            <p>
                <label for="idle-minutes">{ "Lock again after this long without use" }</label>
                <select id="idle-minutes" onchange={change_idle}>{ idle_options(record.idle_minutes) }</select>
            </p>
            { notice }
            <div class="button-row">
                <button type="button" class="button" onclick={lock_now}>{ "Lock now" }</button>
            </div>
            if session.unopened > 0 {
                <p>{ format!("{} locked item(s) in this browser could not be opened with this passphrase, perhaps because they are damaged. They are left as they are until you turn the lock off.", session.unopened) }</p>
            }
            <ChangePassphrase />
            <h3>{ "Turn the lock off" }</h3>
            <p>{ "Your answers will be stored without the secret code again, so anyone who opens this browser can read them." }</p>
            { TURN_OFF.render(&confirm_off, turn_off, *busy) }
        </section>
    }
}
