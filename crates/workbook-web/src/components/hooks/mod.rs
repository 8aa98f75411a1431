//! The workbook's hooks, one job each: saving ([`autosave`]), following other tabs
//! ([`other_tabs`]), the lock's controls ([`lock_controls`]), and where the participant is
//! ([`place`]).

pub mod autosave;
pub mod lock_controls;
pub mod other_tabs;
pub mod place;
