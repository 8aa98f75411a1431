//! The Yew components, one per file. Pages receive the curriculum and the answers as props;
//! changes go up through the [`DraftsContext`]'s dispatcher.

pub mod answer_view;
pub mod answers;
pub mod app;
pub mod change_passphrase;
pub mod chart;
pub mod conditions_note;
pub mod confirm;
pub mod content_problems;
pub mod exercise;
#[cfg(feature = "prerender")]
pub mod first_view;
pub mod home;
pub mod hooks;
pub mod kinds;
pub mod language_nav;
pub mod lock_gate;
pub mod lock_settings;
pub mod markdown;
pub mod my_workbook_page;
pub mod passphrase_fields;
pub mod progress_page;
pub mod quick_exit;
pub mod reading;
pub mod save_status;
pub mod sensitive_gate;
pub mod sentence;
pub mod settings_page;
pub mod shell;
pub mod storage;
pub mod support_lines;
pub mod unlock_page;
pub mod week_page;
pub mod workbook;

use std::rc::Rc;

use workbook_core::Curriculum;
use yew::UseReducerDispatcher;

use crate::state::drafts::Drafts;

/// The curriculum, compared by identity: it never changes while the app runs, so components
/// that take it re-render only for their other props.
#[derive(Clone)]
pub struct Shared(pub Rc<Curriculum>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Curriculum;
    fn deref(&self) -> &Curriculum {
        &self.0
    }
}

/// What every component that changes answers needs.
#[derive(Clone, PartialEq)]
pub struct DraftsContext {
    /// Sends changes to the workbook's reducer.
    pub dispatch: UseReducerDispatcher<Drafts>,
    /// Records the exercise the participant is working on (for "continue where you left off").
    pub working_on: yew::Callback<String>,
}

/// What the passphrase lock offers the pages: its state, and the ways to change it.
#[derive(Clone, PartialEq)]
pub struct LockContext {
    /// The open lock, when the lock is on.
    pub session: Option<SessionRef>,
    /// Turns the lock on.
    pub enable: yew::Callback<EnableLock>,
    /// Turns the lock off; the callback hears how it went (an explanation when it failed).
    pub disable: yew::Callback<yew::Callback<Result<(), String>>>,
    /// Locks the workbook now.
    pub lock_now: yew::Callback<()>,
    /// Changes the passphrase (the request's idle time is not used).
    pub change: yew::Callback<EnableLock>,
    /// What the last change of the lock did, to say once the workbook has opened again.
    pub notice: Option<yew::AttrValue>,
}

/// A request to turn the lock on, or to change its passphrase.
#[derive(Clone, PartialEq)]
pub struct EnableLock {
    /// The passphrase.
    pub passphrase: String,
    /// Minutes without use before the workbook locks itself.
    pub idle_minutes: u32,
    /// Hears how it went (an explanation when it failed).
    pub done: yew::Callback<Result<(), String>>,
}

/// An open lock, compared by identity.
#[derive(Clone)]
pub struct SessionRef(pub Rc<crate::browser::lock::Session>);

impl PartialEq for SessionRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SessionRef {
    type Target = crate::browser::lock::Session;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}
