//! The app's own words (buttons, headings, statuses, errors) as data: one catalog per language,
//! `interface/<language>.ftl` beside the curriculum, so a deployer can reword or translate the
//! interface without Rust.
//!
//! - `messages.rs`: the list of every message the app shows ([`Msg`]) and its placeholders.
//! - `syntax.rs`: reading the catalog file (a small part of Project Fluent's syntax).
//! - `catalog.rs`: checking it against the list, and putting a message together.
//! - `plural.rs`: plural forms (the app asks the browser; the host knows a few languages).

mod catalog;
mod messages;
pub mod plural;
mod syntax;

pub use catalog::{Arg, Catalog, Piece};
pub use messages::Msg;
pub use plural::PluralCategory;

/// The languages whose interface text the workbook has (`content/interface/`): a curriculum
/// in one of them needs no `interface/` of its own, since the build copies the workbook's.
pub const DEFAULT_LANGUAGES: &[&str] = &["en-GB", "cy"];

/// The workbook's own interface text for `language`: the same tag, or else the same language
/// (`en-GB` for `en` or `en-US`).
pub fn default_language(language: &str) -> Option<&'static str> {
    DEFAULT_LANGUAGES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(language))
        .or_else(|| {
            DEFAULT_LANGUAGES
                .iter()
                .find(|known| plural::base_language(known) == plural::base_language(language))
        })
        .copied()
}

/// The folder of a curriculum that holds the catalogs.
pub const INTERFACE_FOLDER: &str = "interface";

/// The path of a language's catalog in the content folder: `interface/cy.ftl`.
pub fn catalog_path(language: &str) -> String {
    format!("{INTERFACE_FOLDER}/{language}.ftl")
}
