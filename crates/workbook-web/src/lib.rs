//! The participant's workbook in the browser: a Yew app that renders the curriculum and keeps
//! drafts only in this browser's local storage.
//!
//! - [`state`]: answers, storage records, backups, progress and routes, as plain Rust that
//!   `cargo test` checks on the host.
//! - [`browser`]: the thin layer that touches the browser (localStorage, fetching the
//!   curriculum, page lifecycle, files).
//! - [`components`]: the Yew components, one per file.
//! - `prerender` (with the `prerender` feature, for the build only): the first view as HTML.

pub mod browser;
pub mod components;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod state;
