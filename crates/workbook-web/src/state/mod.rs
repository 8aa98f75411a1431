//! The app's state and its rules, as plain Rust: no DOM, no browser. Everything here is tested
//! with `cargo test` on the host.

pub mod amounts;
pub mod answer;
pub mod backup;
pub mod conditions;
pub mod drafts;
pub mod json;
pub mod language;
pub mod lock;
pub mod migrate;
pub mod outline;
pub mod platform;
pub mod progress;
pub mod restore;
pub mod route;
pub mod score;
pub mod store;
#[cfg(test)]
mod stored_json;
#[cfg(test)]
pub mod testing;
pub mod texts;
pub mod vault;
