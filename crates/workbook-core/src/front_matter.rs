//! Front matter: the `---` fenced block of fields at the top of every content file.

use crate::diagnostic::{Code, Help, Reporter};
use crate::fields::{Field, lines_in, parse_fields};
use crate::invisible;
use crate::source::Span;

/// A file split into its front matter fields and the body after them.
pub(crate) struct Split<'a> {
    pub fields: Vec<Field<'a>>,
    /// The first line of the file, where "missing field" diagnostics point.
    pub anchor: Span,
    /// Everything after the closing `---`.
    pub body: Span,
    /// True when the file has no front matter at all (already reported).
    pub missing: bool,
}

impl<'a> Split<'a> {
    /// A reader over the fields; a file with no front matter is not also told each field is missing.
    pub fn reader(self) -> (crate::fields::FieldReader<'a>, Span, Span) {
        let reader = crate::fields::FieldReader::new(self.fields, self.anchor.clone());
        let reader = if self.missing {
            reader.without_missing_reports()
        } else {
            reader
        };
        (reader, self.anchor, self.body)
    }
}

/// Splits the reporter's file; `required` names the fields the help line lists when the front
/// matter is missing. A missing or unclosed block is reported; parsing goes on with what
/// can be recovered, so the author still hears about every other problem in the same run.
pub(crate) fn split<'a>(reporter: &mut Reporter<'a, '_>, required: &[&str]) -> Split<'a> {
    let text: &'a str = reporter.file.text();
    // A byte-order mark is invisible in editors; skip it rather than complain.
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = lines_in(text, start..text.len());
    let anchor = reporter.file.line_span(1);

    match lines.next() {
        Some((_, first, _)) if first.trim_end() == "---" => {}
        Some((line_start, first, _))
            if invisible::dashes_line(reporter, line_start, first, "starts") => {}
        _ => {
            reporter
                .error(
                    Code::MissingFrontMatter,
                    anchor.clone(),
                    "this file does not start with front matter",
                )
                .help(format!(
                    "start the file with a `---` line, its fields ({}), and another `---` line",
                    crate::suggest::quoted_list(required)
                ));
            return Split {
                fields: Vec::new(),
                anchor,
                body: start..text.len(),
                missing: true,
            };
        }
    }

    let fields_start = next_line_start(text, start);
    let mut first_blank = None;
    for (line_start, line, _) in lines {
        let trimmed = line.trim_end();
        if trimmed == "---"
            || trimmed == "..."
            || invisible::dashes_line(reporter, line_start, line, "ends")
        {
            let fields = parse_fields(reporter, fields_start..line_start);
            return Split {
                fields,
                anchor,
                body: next_line_start(text, line_start).min(text.len())..text.len(),
                missing: false,
            };
        }
        if trimmed.is_empty() && first_blank.is_none() {
            first_blank = Some(line_start);
        }
    }

    // No closing line: take the fields up to the first blank line, and the rest as the body.
    reporter
        .error(
            Code::UnclosedFrontMatter,
            anchor.clone(),
            "the front matter has no closing `---` line",
        )
        .help("add a line with only `---` after the last field");
    let fields_end = first_blank.unwrap_or(text.len());
    let fields = parse_fields(reporter, fields_start..fields_end);
    Split {
        fields,
        anchor,
        body: fields_end..text.len(),
        missing: false,
    }
}

fn next_line_start(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i + 1)
}

/// Reads a duration such as `20 minutes`, `1 hour` or `1 hour 30 minutes` as minutes.
pub(crate) fn parse_minutes(text: &str) -> Option<u32> {
    let mut words = text.split_whitespace();
    let mut total: u32 = 0;
    let mut any = false;
    while let Some(number) = words.next() {
        let unit = words.next()?;
        let number = number.trim_start_matches('~').parse::<u32>().ok()?;
        let unit = unit.trim_end_matches(['.', ',']);
        let factor = if ["minute", "minutes", "min", "mins"]
            .iter()
            .any(|u| unit.eq_ignore_ascii_case(u))
        {
            1
        } else if ["hour", "hours", "hr", "hrs"]
            .iter()
            .any(|u| unit.eq_ignore_ascii_case(u))
        {
            60
        } else {
            return None;
        };
        total = total.checked_add(number.checked_mul(factor)?)?;
        any = true;
    }
    (any && (1..=600).contains(&total)).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn durations() {
        assert_eq!(parse_minutes("20 minutes"), Some(20));
        assert_eq!(parse_minutes("1 hour 30 min"), Some(90));
        assert_eq!(parse_minutes("2 hours"), Some(120));
        assert_eq!(parse_minutes("twenty minutes"), None);
        assert_eq!(parse_minutes("0 minutes"), None);
        assert_eq!(parse_minutes("20"), None);
    }

    #[test]
    fn splits_and_recovers() {
        let file = SourceFile::new("t.md", "---\ntitle: A\n---\nBody\n");
        let mut out = Vec::new();
        let first = split(&mut Reporter::new(&file, &mut out), &["title"]);
        assert!(out.is_empty());
        assert_eq!(first.fields.len(), 1);
        assert_eq!(&file.text()[first.body], "Body\n");

        let file = SourceFile::new("t.md", "---\ntitle: A\n\nBody\n");
        let mut out = Vec::new();
        let second = split(&mut Reporter::new(&file, &mut out), &["title"]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].code, Code::UnclosedFrontMatter);
        assert_eq!(second.fields.len(), 1);
        assert_eq!(&file.text()[second.body], "\nBody\n");
    }
}
