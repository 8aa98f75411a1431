//! The app's state and its rules, as plain Rust: no DOM, no browser. Everything here is tested
//! with `cargo test` on the host.

pub mod answer;
pub mod backup;
pub mod json;
pub mod platform;
pub mod progress;
pub mod route;
pub mod store;
pub mod vault;
pub mod workbook;
