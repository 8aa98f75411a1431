//! The participant's workbook in the browser: a Yew app that renders the curriculum and keeps
//! drafts only in this browser's local storage.
//!
//! - [`state`]: answers, storage records, backups, progress and routes, as plain Rust that
//!   `cargo test` checks on the host.
//! - [`browser`]: the thin layer that touches the browser (localStorage, fetching the
//!   curriculum, page lifecycle, files).
//! - [`components`]: the Yew components, one per file.

pub mod browser;
pub mod components;
pub mod state;
