//! The interface's words: the catalog (`interface/<language>.ftl`) the app started with, for
//! every page and rule to ask by [`Msg`].
//!
//! The app starts in one language and changing it loads the page again (no request is made
//! after start-up), so the catalog is set once, before the first page is drawn, and read from
//! anywhere without passing it down. Plural forms come from the browser (`Intl.PluralRules`,
//! `browser::intl`); on the host, from the rules the core knows. Host tests read the default
//! workbook's English catalog.

use std::cell::RefCell;
use std::rc::Rc;

use workbook_core::interface::{Arg, Catalog, Msg, Piece, PluralCategory, plural};

use crate::state::language::Languages;

/// Picks the plural form of a number in the catalog's language.
pub type PluralRule = Box<dyn Fn(i64) -> PluralCategory>;

/// Writes a date (`YYYY-MM-DD`) as people read it in the catalog's language.
pub type DateRule = Box<dyn Fn(&str) -> Option<String>>;

/// What the browser knows of the language: its plural forms and how it writes dates.
pub struct LanguageRules {
    /// Plural forms.
    pub plural: PluralRule,
    /// Dates.
    pub date: DateRule,
}

struct Texts {
    catalog: Catalog,
    plural: PluralRule,
    date: Option<DateRule>,
}

thread_local! {
    static TEXTS: RefCell<Option<Rc<Texts>>> = const { RefCell::new(None) };
    static LANGUAGES: RefCell<Option<Rc<Languages>>> = const { RefCell::new(None) };
}

/// Makes `languages` the ones the language switch offers.
pub fn set_languages(languages: Languages) {
    LANGUAGES.with(|cell| *cell.borrow_mut() = Some(Rc::new(languages)));
}

/// The curriculum's languages, when it has more than one.
pub fn languages() -> Option<Rc<Languages>> {
    LANGUAGES
        .with(|cell| cell.borrow().clone())
        .filter(|languages| !languages.translations.is_empty())
}

/// Makes `catalog` the interface's words, with the browser's `rules` for its language (or,
/// without them, the plural rules the core knows and dates as written).
pub fn install(catalog: Catalog, rules: Option<LanguageRules>) {
    let (plural, date) = match rules {
        Some(LanguageRules { plural, date }) => (plural, Some(date)),
        None => (host_plural(&catalog.language), None),
    };
    TEXTS.with(|texts| {
        *texts.borrow_mut() = Some(Rc::new(Texts {
            catalog,
            plural,
            date,
        }));
    });
}

fn host_plural(language: &str) -> PluralRule {
    let language = language.to_string();
    Box::new(move |n| plural::cardinal(&language, n))
}

fn with<R>(f: impl FnOnce(&Texts) -> R) -> R {
    let texts = TEXTS.with(|texts| {
        texts
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(fallback()))
            .clone()
    });
    f(&texts)
}

/// Before a catalog is installed: the default English one in tests, and nothing elsewhere
/// (each message then shows its name).
fn fallback() -> Texts {
    #[cfg(test)]
    let catalog = crate::state::testing::english_catalog();
    #[cfg(not(test))]
    let catalog = Catalog::default();
    Texts {
        plural: host_plural(&catalog.language),
        catalog,
        date: None,
    }
}

/// The message, which takes no placeholders.
pub fn t(msg: Msg) -> String {
    tf(msg, &[])
}

/// The message with its placeholders filled in.
pub fn tf(msg: Msg, args: &[(&str, Arg<'_>)]) -> String {
    with(|texts| texts.catalog.format(msg, args, &texts.plural))
}

/// The message as words and the places of its [`Arg::Slot`]s, for a page to put a link or
/// other element inside a sentence.
pub fn pieces(msg: Msg, args: &[(&str, Arg<'_>)]) -> Vec<Piece> {
    with(|texts| texts.catalog.pieces(msg, args, &texts.plural))
}

/// The language of the words: the catalog's tag (`en-GB`, `cy`).
pub fn language() -> String {
    with(|texts| texts.catalog.language.clone())
}

/// A date (`YYYY-MM-DD`, as answers store it) as people read it: "2 December 2026",
/// "2 Rhagfyr 2026". As it is written if it is no such date, or on the host.
pub fn date(iso: &str) -> String {
    with(|texts| texts.date.as_ref().and_then(|rule| rule(iso))).unwrap_or_else(|| iso.to_string())
}

/// "45 minutes", "1 hour", "1 hour 30 minutes", in the interface's language.
pub fn duration(minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (hours, rest) {
        (0, _) => tf(Msg::DurationMinutes, &[("minutes", rest.into())]),
        (_, 0) => tf(Msg::DurationHours, &[("hours", hours.into())]),
        _ => tf(
            Msg::DurationHoursMinutes,
            &[("hours", hours.into()), ("minutes", rest.into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration(1), "1 minute");
        assert_eq!(duration(5), "5 minutes");
        assert_eq!(duration(60), "1 hour");
        assert_eq!(duration(61), "1 hour 1 minute");
        assert_eq!(duration(135), "2 hours 15 minutes");
    }
}

#[cfg(test)]
mod every_message {
    use workbook_core::interface::Msg;

    /// Every message of the list is asked for somewhere in the app (a message nothing shows
    /// is work for every translator for nothing), and the default English catalog has them all.
    #[test]
    fn every_message_is_shown_somewhere() {
        let mut source = String::new();
        let mut folders = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).expect("the app's sources can be read") {
                let path = entry.expect("readable").path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    source.push_str(&std::fs::read_to_string(&path).expect("readable"));
                }
            }
        }
        let unused: Vec<&str> = Msg::ALL
            .iter()
            .filter(|msg| {
                let variant = format!("Msg::{msg:?}");
                !source.match_indices(&variant).any(|(at, _)| {
                    !source[at + variant.len()..].starts_with(|c: char| c.is_alphanumeric())
                })
            })
            .map(|msg| msg.name())
            .collect();
        assert!(
            unused.is_empty(),
            "no page shows these messages: {unused:?}"
        );
        let english = crate::state::testing::english_catalog();
        assert!(Msg::ALL.iter().all(|msg| english.has(*msg)));
    }
}
