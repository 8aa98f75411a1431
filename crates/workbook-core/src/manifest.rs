//! The manifest, `curriculum.md`: the programme's name and version, its weeks in order, the
//! support lines (with the crisis step shown above them), the quick-exit address, the grounding
//! and wind-down steps that sensitive exercises share, and the note on legal conditions that the
//! app shows wherever it offers to lock, hide or delete something.

use crate::diagnostic::{Code, Help, Reporter};
use crate::exercise::{is_valid_id, suggest_id};
use crate::fences::{self, FencedBlock, Segment};
use crate::fields::{FieldReader, Spanned, parse_fields};
use crate::front_matter;
use crate::markdown::{self, Block, LinkIndex};
use crate::model::SupportLine;
use crate::source::Span;
use crate::suggest;

/// The manifest's front matter fields.
pub const MANIFEST_FIELDS: &[&str] = &[
    "id",
    "title",
    "language",
    "version",
    "quick-exit",
    "app-name",
    "currency",
    "in-use",
    "weeks",
    "translations",
];

/// What money columns show when the manifest names no currency.
pub const DEFAULT_CURRENCY: &str = "£";

/// The name an installed workbook shows under its icon when the manifest gives none.
pub const DEFAULT_APP_NAME: &str = "Workbook";

/// Home screens cut names longer than about this many characters short.
const APP_NAME_FITS: usize = 12;

/// The fields of a `::: support-line` block.
pub const SUPPORT_LINE_FIELDS: &[&str] = &[
    "name",
    "number",
    "hours",
    "confidential",
    "not-confidential",
    "crisis",
];

/// The blocks a manifest may hold.
pub const MANIFEST_BLOCKS: &[&str] = &[
    "support-line",
    "crisis",
    "grounding",
    "wind-down",
    "conditions",
];

/// The manifest, read but with its markdown not yet converted (that needs the week files).
pub(crate) struct ManifestDraft<'a> {
    pub id: String,
    pub title: String,
    pub language: String,
    /// Where the `language` field's value is.
    pub language_span: Span,
    pub version: String,
    pub quick_exit: String,
    pub app_name: String,
    pub currency: String,
    /// Whether participants use the curriculum already (lists without ids are then warned of).
    #[cfg_attr(
        not(feature = "lints"),
        expect(dead_code, reason = "read only by the `lints` feature's advice")
    )]
    pub in_use: bool,
    /// The listed week files.
    pub weeks: Vec<Spanned<'a>>,
    /// Where the `weeks` field is, for diagnostics about the list as a whole.
    pub weeks_anchor: Span,
    /// The languages the curriculum is translated into (each in a folder of its own).
    pub translations: Vec<Spanned<'a>>,
    pub introduction: Vec<Span>,
    pub support_lines: Vec<(FencedBlock, Vec<crate::fields::Field<'a>>)>,
    /// The markdown of the one-of-a-kind blocks: `crisis`, `grounding`, `wind-down`, `conditions`.
    pub crisis: Option<Span>,
    pub grounding: Option<Span>,
    pub wind_down: Option<Span>,
    pub conditions: Option<Span>,
}

/// What a loader must know of a manifest before it parses anything: the files to fetch with
/// it, read without checking anything else (the parse reports every problem). The app fetches
/// the manifest first, then these.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManifestOutline {
    /// The curriculum's language (`en-GB`), if it is a language tag.
    pub language: Option<String>,
    /// The week files, in order (only safe paths inside the content folder).
    pub weeks: Vec<String>,
    /// The languages it is translated into, each in a folder of its own (`cy/`).
    pub translations: Vec<String>,
}

impl ManifestOutline {
    /// Reads the outline of a manifest's text.
    pub fn read(manifest_text: &str) -> ManifestOutline {
        let file = crate::source::SourceFile::new(crate::MANIFEST_FILE, manifest_text);
        let mut ignored = Vec::new();
        let mut reporter = Reporter::new(&file, &mut ignored);
        let (mut fields, _, _) = front_matter::split(&mut reporter, &[]).reader();
        let mut list = |name: &str| -> Vec<String> {
            fields
                .list(name)
                .map(|(_, items)| {
                    items
                        .into_iter()
                        .map(|item| item.text.into_owned())
                        .collect()
                })
                .unwrap_or_default()
        };
        let weeks = list("weeks")
            .into_iter()
            .filter(|path| is_safe_path(path))
            .collect();
        let translations = list("translations")
            .into_iter()
            .filter(|tag| is_language_tag(tag))
            .collect();
        let language = fields
            .text(&mut reporter, "language")
            .map(|language| language.text.into_owned())
            .filter(|language| is_language_tag(language));
        ManifestOutline {
            language,
            weeks,
            translations,
        }
    }

    /// The path of the interface text in the curriculum's language (`interface/en-GB.ftl`).
    pub fn catalog_file(&self) -> Option<String> {
        self.language.as_deref().map(crate::interface::catalog_path)
    }
}

/// The week files a manifest lists ([`ManifestOutline::weeks`]).
pub fn week_files(manifest_text: &str) -> Vec<String> {
    ManifestOutline::read(manifest_text).weeks
}

/// A relative path inside the content folder: no `..`, not absolute, no backslashes, no scheme.
pub(crate) fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains(['\\', ':', '?', '#'])
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && path.ends_with(".md")
}

pub(crate) fn read<'a>(reporter: &mut Reporter<'a, '_>) -> ManifestDraft<'a> {
    let (mut fields, anchor, body) = front_matter::split(reporter, MANIFEST_FIELDS).reader();

    let id = fields
        .required_text(reporter, "id", "my-programme")
        .map(|id| {
            if !is_valid_id(&id.text) {
                reporter
                    .error(
                        Code::InvalidId,
                        id.span.clone(),
                        format!("`{}` is not a valid curriculum id", id.text),
                    )
                    .help(format!(
                        "use lowercase letters, digits and single hyphens, such as `{}`",
                        suggest_id(&id.text)
                    ));
            }
            id.text
        });
    let title = fields.required_text(reporter, "title", "My programme");
    let language = fields
        .required_text(reporter, "language", "en-GB")
        .map(|language| {
            if !is_language_tag(&language.text) {
                reporter
                    .error(
                        Code::InvalidValue,
                        language.span.clone(),
                        format!("`{}` is not a language tag", language.text),
                    )
                    .help("use a tag such as `en-GB` (English) or `cy` (Welsh)");
            }
            (language.text, language.span)
        });
    let (language, language_span) = match language {
        Some((text, span)) => (Some(text), span),
        None => (None, anchor.clone()),
    };
    let version = fields
        .required_text(reporter, "version", "1.0")
        .map(|version| {
            if !version
                .text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c))
            {
                reporter
                    .error(
                        Code::InvalidValue,
                        version.span.clone(),
                        format!("`{}` is not a version", version.text),
                    )
                    .help("use letters, digits, dots and hyphens, such as `1.2` or `2026-09`");
            }
            version.text
        });
    // An unsafe address never reaches the model: the app would navigate to it.
    let quick_exit = fields
        .required_text(reporter, "quick-exit", "https://www.bbc.co.uk/weather")
        .and_then(|exit| match check_quick_exit(&exit.text) {
            Ok(()) => Some(exit.text),
            Err(problem) => {
                reporter
                    .error(Code::UnsafeQuickExit, exit.span.clone(), format!("the quick exit `{}` {problem}", exit.text))
                    .help("use a plain https address of a neutral, everyday site, such as `https://www.bbc.co.uk/weather`");
                None
            }
        });

    // The name under the icon of an installed workbook, which anyone who sees the phone can read.
    let app_name = match fields.text(reporter, "app-name") {
        None => DEFAULT_APP_NAME.to_string(),
        Some(name) => {
            let length = name.text.chars().count();
            if name.text.trim().is_empty() || length > 30 {
                reporter
                    .error(Code::InvalidValue, name.span.clone(), format!("`{}` is not a name for the workbook's icon", name.text))
                    .help(format!("write a short, neutral name of at most 30 characters, such as `{DEFAULT_APP_NAME}`"));
                DEFAULT_APP_NAME.to_string()
            } else {
                if length > APP_NAME_FITS {
                    reporter
                        .warning(Code::InvalidValue, name.span.clone(), format!("`{}` has {length} characters; a home screen shows about {APP_NAME_FITS} under an icon", name.text))
                        .help("use a shorter neutral name, such as `Workbook` or `Notes`");
                }
                name.text.into_owned()
            }
        }
    };

    let currency = fields
        .text(reporter, "currency")
        .map(|currency| {
            if currency.text.chars().count() > 5 {
                reporter
                    .error(
                        Code::InvalidValue,
                        currency.span.clone(),
                        format!("`{}` is not a currency symbol", currency.text),
                    )
                    .help("write the symbol money is shown with, such as `£`, `€` or `$`");
                DEFAULT_CURRENCY.to_string()
            } else {
                currency.text.into_owned()
            }
        })
        .unwrap_or_else(|| DEFAULT_CURRENCY.to_string());
    let in_use = fields.flag(reporter, "in-use");

    let (weeks_anchor, weeks) = match fields.list("weeks") {
        Some((anchor, items)) => (anchor, items),
        None => (anchor.clone(), Vec::new()),
    };
    if weeks.is_empty() {
        reporter
            .error(
                Code::NoWeeks,
                weeks_anchor.clone(),
                "the manifest lists no weeks",
            )
            .help(
                "add `weeks:` with one `- week-01-starting.md` line for each week file, in order",
            );
    }
    let mut listed: Vec<Spanned<'a>> = Vec::new();
    for week in weeks {
        if !is_safe_path(&week.text) {
            reporter
                .error(Code::InvalidValue, week.span.clone(), format!("`{}` is not a markdown file in the content folder", week.text))
                .help("write the file's name relative to the content folder, such as `week-01-starting.md`");
        } else if listed.iter().any(|other| other.text == week.text) {
            reporter
                .error(
                    Code::DuplicateOption,
                    week.span.clone(),
                    format!("`{}` is listed twice", week.text),
                )
                .help("list each week file once");
        } else {
            listed.push(week);
        }
    }
    let translations = translations(reporter, &mut fields, language.as_ref().map(|l| l.as_ref()));
    fields.finish(reporter, MANIFEST_FIELDS, &|_| None);

    let mut draft = ManifestDraft {
        id: id.map(String::from).unwrap_or_default(),
        title: title.map(|t| t.text.into_owned()).unwrap_or_default(),
        language: language.map(String::from).unwrap_or_default(),
        language_span,
        version: version.map(String::from).unwrap_or_default(),
        quick_exit: quick_exit.map(String::from).unwrap_or_default(),
        app_name,
        currency,
        in_use,
        weeks: listed,
        weeks_anchor,
        translations,
        introduction: Vec::new(),
        support_lines: Vec::new(),
        crisis: None,
        grounding: None,
        wind_down: None,
        conditions: None,
    };

    for segment in fences::split(reporter, body) {
        match segment {
            Segment::Markdown(span) => draft.introduction.push(span),
            Segment::Fenced(block) => match block.name.as_str() {
                "support-line" => {
                    let fields = parse_fields(reporter, block.fields.clone());
                    draft.support_lines.push((block, fields));
                }
                "crisis" | "grounding" | "wind-down" | "conditions" => {
                    let slot = match block.name.as_str() {
                        "crisis" => &mut draft.crisis,
                        "grounding" => &mut draft.grounding,
                        "wind-down" => &mut draft.wind_down,
                        _ => &mut draft.conditions,
                    };
                    if slot.is_some() {
                        reporter
                            .error(
                                Code::DuplicateBlock,
                                block.opener.clone(),
                                format!("a second `{}` block", block.name),
                            )
                            .help("the curriculum has one of each; merge the two");
                    } else {
                        // These blocks have no fields: everything inside is the step's text.
                        *slot = Some(block.fields.start..block.body.end.max(block.fields.end));
                    }
                }
                "exercise" => {
                    reporter
                        .error(
                            Code::MisplacedBlock,
                            block.opener.clone(),
                            "exercises belong in week files, not in curriculum.md",
                        )
                        .help("move it into the week it belongs to");
                }
                other => {
                    reporter
                        .error(
                            Code::UnknownBlock,
                            block.name_span.clone(),
                            format!("unknown block `{other}`; it is left out"),
                        )
                        .help(suggest::help_for(
                            other,
                            MANIFEST_BLOCKS,
                            "blocks curriculum.md may hold",
                        ));
                }
            },
        }
    }
    if draft.support_lines.is_empty() {
        reporter
            .error(Code::NoSupportLines, anchor, "the curriculum has no support lines")
            .help("add at least one `::: support-line` block: every page shows them, and sensitive exercises rely on them");
    }
    draft
}

/// Turns the manifest's blocks into support lines and shared steps, now that links can be checked.
pub(crate) fn support_lines(
    reporter: &mut Reporter<'_, '_>,
    draft: &ManifestDraft<'_>,
    links: &LinkIndex,
) -> Vec<SupportLine> {
    let mut lines = Vec::new();
    for (block, fields) in &draft.support_lines {
        let mut reader = FieldReader::new(fields.clone(), block.opener.clone());
        let mut get = |reporter: &mut Reporter<'_, '_>, name: &str, example: &str| {
            reader
                .required_text(reporter, name, example)
                .map(|value| value.text.into_owned())
                .unwrap_or_default()
        };
        let line = SupportLine {
            name: get(reporter, "name", "Samaritans"),
            number: get(reporter, "number", "116 123"),
            hours: get(reporter, "hours", "Any time, day or night"),
            confidential: get(
                reporter,
                "confidential",
                "You don't have to give your name.",
            ),
            not_confidential: get(
                reporter,
                "not-confidential",
                "What they must pass on, said plainly.",
            ),
            crisis: reader.flag(reporter, "crisis"),
            details: markdown::blocks(reporter, block.body.clone(), links),
        };
        reader.finish(reporter, SUPPORT_LINE_FIELDS, &|_| None);
        lines.push(line);
    }
    lines
}

/// The markdown of an optional shared step.
pub(crate) fn step(
    reporter: &mut Reporter<'_, '_>,
    span: &Option<Span>,
    links: &LinkIndex,
) -> Vec<Block> {
    span.as_ref()
        .map(|span| markdown::blocks(reporter, span.clone(), links))
        .unwrap_or_default()
}

/// The `translations` list: language tags, each once, none the curriculum's own.
fn translations<'a>(
    reporter: &mut Reporter<'a, '_>,
    fields: &mut FieldReader<'a>,
    language: Option<&str>,
) -> Vec<Spanned<'a>> {
    let mut listed: Vec<Spanned<'a>> = Vec::new();
    for tag in fields
        .list("translations")
        .map(|(_, items)| items)
        .unwrap_or_default()
    {
        if !is_language_tag(&tag.text) {
            reporter
                .error(
                    Code::InvalidValue,
                    tag.span.clone(),
                    format!("`{}` is not a language tag", tag.text),
                )
                .help("write the language's tag, such as `cy` for Welsh; its files go in a folder of that name");
        } else if language.is_some_and(|own| own.eq_ignore_ascii_case(&tag.text)) {
            reporter
                .error(
                    Code::InvalidValue,
                    tag.span.clone(),
                    format!("`{}` is the curriculum's own language", tag.text),
                )
                .help("list only the other languages under `translations`");
        } else if listed
            .iter()
            .any(|other| other.text.eq_ignore_ascii_case(&tag.text))
        {
            reporter
                .error(
                    Code::DuplicateOption,
                    tag.span.clone(),
                    format!("`{}` is listed twice", tag.text),
                )
                .help("list each language once");
        } else {
            listed.push(tag);
        }
    }
    listed
}

pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|part| {
            (2..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

fn check_quick_exit(address: &str) -> Result<(), &'static str> {
    let Some(rest) = address.strip_prefix("https://") else {
        return Err("does not start with `https://`");
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') {
        return Err("has no site name after `https://`");
    }
    if address.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || c == '"'
            || c == '\''
            || c == '<'
            || c == '>'
            || c == '\\'
    }) {
        return Err("contains spaces or characters an address cannot have");
    }
    if host.contains('@') {
        return Err("has a user name in it");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert!(is_safe_path("week-01.md"));
        assert!(is_safe_path("weeks/week-01.md"));
        assert!(!is_safe_path("../secret.md"));
        assert!(!is_safe_path("/etc/passwd.md"));
        assert!(!is_safe_path("https://evil.example/x.md"));
        assert!(!is_safe_path("week-01.txt"));
    }

    #[test]
    fn quick_exits() {
        assert!(check_quick_exit("https://www.bbc.co.uk/weather").is_ok());
        assert!(check_quick_exit("http://www.bbc.co.uk").is_err());
        assert!(check_quick_exit("javascript:alert(1)").is_err());
        assert!(check_quick_exit("https://user@evil.example").is_err());
        assert!(check_quick_exit("https://x.example/\"onload=").is_err());
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en-GB"));
        assert!(is_language_tag("cy"));
        assert!(!is_language_tag("English"));
    }

    #[test]
    fn week_files_lists_only_safe_paths() {
        let files = week_files("---\nweeks:\n- week-01.md\n- ../x.md\n---\n");
        assert_eq!(files, ["week-01.md"]);
    }
}
