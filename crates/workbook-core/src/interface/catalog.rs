//! A language's interface text, checked against the app's list of messages, and put together
//! with the values the app passes.

use crate::Diagnostic;
use crate::diagnostic::{Code, Help, Reporter};
use crate::interface::messages::Msg;
use crate::interface::plural::{self, PluralCategory};
use crate::interface::syntax::{self, Part, Pattern, Select, VariantKey};
use crate::source::SourceFile;
use crate::suggest;

/// A value for a placeholder.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// A number: shown in digits, and it picks plural forms.
    Number(i64),
    /// Words (already in the page's language), or a name a `[word]` variant matches.
    Text(&'a str),
    /// A place for something the page draws itself, such as a link ([`Catalog::pieces`]).
    Slot,
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

/// A message put together: words, and the places of [`Arg::Slot`] placeholders.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Words.
    Text(String),
    /// Where the placeholder of this name goes.
    Slot(&'static str),
}

/// One language's interface text: a text for each [`Msg`] the catalog has.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The language's tag, as the manifest gives it (`en-GB`, `cy`).
    pub language: String,
    messages: Vec<Option<Pattern>>,
}

impl Catalog {
    /// Reads and checks a catalog file for `language`: every line it cannot read, every message
    /// the app does not know or that is missing, every placeholder the app does not pass, and
    /// (with the `lints` feature) plural forms the language lacks or does not have.
    pub fn read(file: &SourceFile, language: &str, diagnostics: &mut Vec<Diagnostic>) -> Catalog {
        let mut reporter = Reporter::new(file, diagnostics);
        let entries = syntax::entries(&mut reporter);
        let mut messages: Vec<Option<Pattern>> = vec![None; Msg::ALL.len()];
        // Names seen, read or not, so a message that could not be read is not also "missing".
        let mut seen: Vec<Option<usize>> = vec![None; Msg::ALL.len()];
        let names: Vec<&str> = Msg::ALL.iter().map(|msg| msg.name()).collect();
        for entry in entries {
            let Some(msg) = Msg::from_name(&entry.name) else {
                let help = match suggest::nearest(&entry.name, &names) {
                    Some(near) => format!("did you mean `{near}`? Otherwise remove it: the app never shows it"),
                    None => "remove it: the app never shows it (it may be from another version of the workbook)".to_string(),
                };
                reporter
                    .warning(
                        Code::UnknownMessage,
                        entry.name_span.clone(),
                        format!("the app has no message `{}`", entry.name),
                    )
                    .help(help);
                continue;
            };
            let index = msg as usize;
            if let Some(first) = seen[index] {
                reporter
                    .error(
                        Code::DuplicateMessage,
                        entry.name_span.clone(),
                        format!(
                            "`{}` is written twice; the first is on line {first}",
                            entry.name
                        ),
                    )
                    .help("keep one of them and remove the other");
                continue;
            }
            seen[index] = Some(reporter.file.line_column(entry.name_span.start).0);
            // A message that could not be read has been reported; its placeholders wait.
            let args: &[(String, crate::Span)] = if entry.pattern.is_some() {
                &entry.args
            } else {
                &[]
            };
            for (arg, span) in args {
                if !msg.args().contains(&arg.as_str()) {
                    let help = match msg.args() {
                        [] => format!(
                            "`{}` takes no placeholders: write the words themselves",
                            entry.name
                        ),
                        known => match suggest::nearest(arg, known) {
                            Some(near) => format!("did you mean `${near}`?"),
                            None => format!(
                                "`{}` has {}",
                                entry.name,
                                known
                                    .iter()
                                    .map(|a| format!("`${a}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        },
                    };
                    reporter
                        .error(
                            Code::UnknownPlaceholder,
                            span.clone(),
                            format!("the app fills in no `${arg}` in `{}`", entry.name),
                        )
                        .help(help);
                }
            }
            for arg in msg.args() {
                if entry.pattern.is_some() && !entry.args.iter().any(|(used, _)| used == arg) {
                    reporter
                        .warning(
                            Code::MissingPlaceholder,
                            entry.name_span.clone(),
                            format!("`{}` does not show `${arg}`", entry.name),
                        )
                        .help(format!(
                            "the English text shows it: write `{{ ${arg} }}` where it belongs in this language"
                        ));
                }
            }
            #[cfg(feature = "lints")]
            if let Some(pattern) = &entry.pattern {
                plural_forms(&mut reporter, &entry.name, pattern, language);
            }
            messages[index] = entry.pattern;
        }
        let missing: Vec<&str> = Msg::ALL
            .iter()
            .filter(|msg| seen[**msg as usize].is_none())
            .map(|msg| msg.name())
            .collect();
        if !missing.is_empty() {
            let end = reporter.file.text().len();
            let listed = if missing.len() > 8 {
                format!("{} and {} more", missing[..8].join(", "), missing.len() - 8)
            } else {
                missing.join(", ")
            };
            reporter
                .error(
                    Code::MissingMessage,
                    end..end,
                    format!(
                        "{} the app shows {} missing: {listed}",
                        if missing.len() == 1 { "a message" } else { "messages" },
                        if missing.len() == 1 { "is" } else { "are" },
                    ),
                )
                .help("copy each from the English catalog of the default workbook (`content/interface/en-GB.ftl`) and translate it");
        }
        Catalog {
            language: language.to_string(),
            messages,
        }
    }

    /// True if the catalog has a text for `msg`.
    pub fn has(&self, msg: Msg) -> bool {
        self.messages.get(msg as usize).is_some_and(Option::is_some)
    }

    /// The message put together with `args`, plural forms chosen by `plural`. A message the
    /// catalog lacks (already reported) shows its name, so the page still says something.
    pub fn format(
        &self,
        msg: Msg,
        args: &[(&str, Arg<'_>)],
        plural: &dyn Fn(i64) -> PluralCategory,
    ) -> String {
        let mut out = String::new();
        for piece in self.pieces(msg, args, plural) {
            match piece {
                Piece::Text(text) => out.push_str(&text),
                Piece::Slot(_) => {}
            }
        }
        out
    }

    /// The message put together, as words and the places of its [`Arg::Slot`]s.
    pub fn pieces(
        &self,
        msg: Msg,
        args: &[(&str, Arg<'_>)],
        plural: &dyn Fn(i64) -> PluralCategory,
    ) -> Vec<Piece> {
        let mut out = Vec::new();
        match self.messages.get(msg as usize).and_then(Option::as_ref) {
            Some(pattern) => put_together(pattern, msg, args, plural, &mut out),
            None => out.push(Piece::Text(msg.name().to_string())),
        }
        out
    }

    /// The message with plural forms chosen by the rules [`plural::cardinal`] knows, for the
    /// host: the build's first view and tests.
    pub fn text(&self, msg: Msg, args: &[(&str, Arg<'_>)]) -> String {
        let language = self.language.clone();
        self.format(msg, args, &move |n| plural::cardinal(&language, n))
    }
}

fn put_together(
    pattern: &Pattern,
    msg: Msg,
    args: &[(&str, Arg<'_>)],
    plural: &dyn Fn(i64) -> PluralCategory,
    out: &mut Vec<Piece>,
) {
    let push_text = |out: &mut Vec<Piece>, text: &str| match out.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ => out.push(Piece::Text(text.to_string())),
    };
    for part in pattern {
        match part {
            Part::Text(text) => push_text(out, text),
            Part::Arg(name) => match args.iter().find(|(n, _)| n == name) {
                Some((_, Arg::Number(n))) => push_text(out, &n.to_string()),
                Some((_, Arg::Text(text))) => push_text(out, text),
                Some((_, Arg::Slot)) => {
                    if let Some(slot) = msg.args().iter().find(|a| *a == name) {
                        out.push(Piece::Slot(slot));
                    }
                }
                None => push_text(out, &format!("{{${name}}}")),
            },
            Part::Select(select) => {
                let chosen = choose(select, args.iter().find(|(n, _)| *n == select.arg), plural);
                put_together(&select.variants[chosen].pattern, msg, args, plural, out);
            }
        }
    }
}

/// The variant a value picks: an exact number first, then its plural form, then a word;
/// otherwise the one marked `*`.
fn choose(
    select: &Select,
    arg: Option<&(&str, Arg<'_>)>,
    plural: &dyn Fn(i64) -> PluralCategory,
) -> usize {
    let found = match arg.map(|(_, value)| value) {
        Some(Arg::Number(n)) => select
            .variants
            .iter()
            .position(|v| v.key == VariantKey::Exact(*n))
            .or_else(|| {
                let category = plural(*n);
                select
                    .variants
                    .iter()
                    .position(|v| v.key == VariantKey::Plural(category))
            }),
        Some(Arg::Text(text)) => select
            .variants
            .iter()
            .position(|v| matches!(&v.key, VariantKey::Word(word) if word == text)),
        _ => None,
    };
    found.unwrap_or(select.default)
}

/// A choice by plural form should have each form the language has, and no other.
#[cfg(feature = "lints")]
fn plural_forms(reporter: &mut Reporter<'_, '_>, name: &str, pattern: &Pattern, language: &str) {
    let Some(forms) = plural::categories(language) else {
        return;
    };
    for part in pattern {
        let Part::Select(select) = part else { continue };
        let written: Vec<PluralCategory> = select
            .variants
            .iter()
            .filter_map(|v| match v.key {
                VariantKey::Plural(category) => Some(category),
                _ => None,
            })
            .collect();
        if written.is_empty() {
            continue;
        }
        for variant in &select.variants {
            if let VariantKey::Plural(category) = variant.key
                && !forms.contains(&category)
            {
                reporter
                    .warning(
                        Code::PluralForms,
                        variant.key_span.clone(),
                        format!("`{language}` has no `{}` form, so this variant of `{name}` is never shown", category.as_str()),
                    )
                    .help(format!(
                        "the forms of `{language}` are {}: remove this variant, or use an exact number such as `[0]`",
                        forms.iter().map(|f| format!("`{}`", f.as_str())).collect::<Vec<_>>().join(", ")
                    ));
            }
        }
        let missing: Vec<&str> = forms
            .iter()
            .filter(|form| !written.contains(form))
            .map(|form| form.as_str())
            .collect();
        if !missing.is_empty() {
            let at = select.variants.first().map_or(0..0, |v| v.key_span.clone());
            reporter
                .warning(
                    Code::PluralForms,
                    at,
                    format!(
                        "`{name}` has no {} form for `{language}`",
                        missing
                            .iter()
                            .map(|f| format!("`[{f}]`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .help("add a variant for each, or the one marked `*` is shown for those numbers");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, language: &str) -> (Catalog, Vec<Diagnostic>) {
        let file = SourceFile::new("interface/x.ftl", text);
        let mut diagnostics = Vec::new();
        let catalog = Catalog::read(&file, language, &mut diagnostics);
        (catalog, diagnostics)
    }

    #[test]
    fn plural_choices_follow_the_language() {
        let (catalog, _) = read(
            "duration-minutes = { $minutes ->\n    [one] un munud\n    [two] dau funud\n   *[other] { $minutes } munud\n}\n",
            "cy",
        );
        let text = |n: i64| catalog.text(Msg::DurationMinutes, &[("minutes", n.into())]);
        assert_eq!(text(1), "un munud");
        assert_eq!(text(2), "dau funud");
        assert_eq!(text(7), "7 munud");
    }

    #[test]
    fn slots_and_literals_and_lines() {
        let (catalog, diagnostics) = read(
            "save-failed =\n    Not saved: { $reason }\n    { \"{\" }kept{ \"}\" }\n",
            "en-GB",
        );
        assert!(
            diagnostics.iter().all(|d| d.code == Code::MissingMessage),
            "{diagnostics:?}"
        );
        assert_eq!(
            catalog.pieces(Msg::SaveFailed, &[("reason", Arg::Slot)], &|_| {
                PluralCategory::Other
            }),
            vec![
                Piece::Text("Not saved: ".into()),
                Piece::Slot("reason"),
                Piece::Text("\n{kept}".into())
            ]
        );
    }

    #[test]
    fn a_missing_message_shows_its_name() {
        let (catalog, diagnostics) = read("# nothing\n", "en-GB");
        assert_eq!(catalog.text(Msg::SaveSaved, &[]), "save-saved");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, Code::MissingMessage);
    }
}
