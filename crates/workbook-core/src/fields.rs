//! Fields: the `name: value` lines of front matter and of the top of a `:::` block.
//!
//! The grammar is a small, predictable subset of YAML that needs no quoting rules:
//!
//! ```text
//! fields    = { field }
//! field     = name ":" [ value ] newline { continued | item }
//! continued = indent text newline        (adds a line to the value above)
//! item      = [ indent ] "- " text newline (makes the field a list)
//! name      = letter { letter | digit | "-" | "_" }
//! ```
//!
//! Blank lines and authors' comments (`<!-- ... -->`) are skipped. A value wrapped in matching
//! quotes loses them. Every value keeps its byte span, so later passes can point at the exact
//! characters that are wrong. The slips this grammar cannot read (invisible characters, `*`
//! lists, YAML's `|`) are named by `field_checks`; curly quotes, which it reads as they are
//! written, by `lints`.

use std::borrow::Cow;

use crate::comments::{self, CommentLines};
use crate::diagnostic::{Code, Help, Reporter};
use crate::field_checks::{self, Repaired};
use crate::source::Span;
use crate::suggest;

/// One `name: value` field, borrowing its text from the file where it can.
#[derive(Clone, Debug)]
pub(crate) struct Field<'a> {
    pub name: &'a str,
    pub name_span: Span,
    pub value: Value<'a>,
}

/// A field's value: text (possibly continued over several lines) or a list of items.
#[derive(Clone, Debug)]
pub(crate) enum Value<'a> {
    Text(Spanned<'a>),
    List(Vec<Spanned<'a>>),
}

/// Text with the byte range it came from. It borrows from the file unless it had to be pieced
/// together (a value continued over several lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Spanned<'a> {
    pub text: Cow<'a, str>,
    pub span: Span,
}

/// The lines of `text` inside `range`: each line's start offset, the line without its ending
/// (`\n` or `\r\n`), and where the next line starts.
pub(crate) fn lines_in(text: &str, range: Span) -> impl Iterator<Item = (usize, &str, usize)> {
    let slice = &text[range.clone()];
    let base = range.start;
    let ends = memchr::memchr_iter(b'\n', slice.as_bytes())
        .map(|newline| newline + 1)
        .chain((!slice.ends_with('\n') && !slice.is_empty()).then_some(slice.len()));
    ends.scan(0, move |start, end| {
        let raw = &slice[*start..end];
        let line_start = *start;
        *start = end;
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        Some((base + line_start, line, base + end))
    })
}

/// Parses the field lines of `range`. Lines that are not fields are reported and skipped, and so
/// are authors' comments (`<!-- ... -->`).
pub(crate) fn parse_fields<'a>(reporter: &mut Reporter<'a, '_>, range: Span) -> Vec<Field<'a>> {
    let text: &'a str = reporter.file.text();
    let mut fields: Vec<Field<'a>> = Vec::with_capacity(8);
    let mut comments = CommentLines::default();
    // Set after `name: |` (reported): the indented lines below are that field's value.
    let mut block_below = false;
    let has_comments = text[range.clone()].contains(comments::OPEN);
    for (start, line, _) in lines_in(text, range) {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        if has_comments && comments.skip(reporter, start, line) {
            continue;
        }
        let line_span = start..start + line.len();

        if let Some(item) = list_item(trimmed) {
            // The text follows `- ` (or nothing follows a lone `-`); trailing spaces were trimmed.
            let item_start = start + indent + if trimmed == "-" { 1 } else { 2 };
            push_item(reporter, &mut fields, item, item_start, line_span);
            block_below = false;
            continue;
        }

        // An indented line carries on the text value above it.
        if indent > 0
            && let Some(Field {
                value: Value::Text(existing),
                ..
            }) = fields.last_mut()
            && (!existing.text.is_empty() || block_below)
        {
            let more = trimmed.trim_end();
            if existing.text.is_empty() {
                *existing = Spanned {
                    text: Cow::Borrowed(more),
                    span: start + indent..start + indent + more.len(),
                };
            } else {
                let joined = existing.text.to_mut();
                joined.push('\n');
                joined.push_str(more);
                existing.span.end = start + line.trim_end().len();
            }
            block_below = false;
            continue;
        }
        block_below = false;

        if let Some((name, value, value_start)) = split_field(trimmed) {
            let name_start = start + indent;
            block_below = push_field(
                reporter,
                &mut fields,
                (name, name_start),
                (value, name_start + value_start),
            );
            continue;
        }
        let expects_list = fields.last().is_some_and(|field| match &field.value {
            Value::List(_) => true,
            Value::Text(text) => text.text.is_empty(),
        });
        match field_checks::repair(reporter, start + indent, trimmed, expects_list) {
            Some(Repaired::Item { text, at }) => {
                push_item(reporter, &mut fields, text, at, line_span);
            }
            Some(Repaired::Field {
                name,
                name_at,
                value,
                value_at,
            }) => {
                block_below = push_field(reporter, &mut fields, (name, name_at), (value, value_at));
            }
            Some(Repaired::Skip) => {}
            None => {
                reporter
                    .error(
                        Code::MalformedField,
                        line_span,
                        format!(
                            "expected a field such as `title: My title`, found `{}`",
                            shorten(trimmed)
                        ),
                    )
                    .help(
                        "write one field per line as `name: value`; in a `:::` block, leave a \
                         blank line between the fields and the text below them",
                    );
            }
        }
    }
    comments.finish(reporter);
    if has_comments {
        strip_comments(&mut fields);
    }
    fields
}

/// Takes authors' comments out of the values: a field such as `title` is shown as plain text.
fn strip_comments(fields: &mut [Field<'_>]) {
    let values = fields.iter_mut().flat_map(|field| match &mut field.value {
        Value::Text(text) => std::slice::from_mut(text),
        Value::List(items) => items.as_mut_slice(),
    });
    for value in values {
        if let Some(stripped) = comments::strip(&value.text) {
            value.text = Cow::Owned(stripped);
        }
    }
}

/// Adds a `name: value` field, each with its offset in the file, or reports it as given twice.
/// Returns true if the value is one of YAML's block markers (reported), so that the indented
/// lines below become the value.
fn push_field<'a>(
    reporter: &mut Reporter<'a, '_>,
    fields: &mut Vec<Field<'a>>,
    (name, name_start): (&'a str, usize),
    (value, value_offset): (&'a str, usize),
) -> bool {
    let name_span = name_start..name_start + name.len();
    if let Some(first) = fields.iter().find(|field| field.name == name) {
        let (first_line, _) = reporter.file.line_column(first.name_span.start);
        reporter
            .error(
                Code::DuplicateField,
                name_span,
                format!("`{name}` is given twice; the first is on line {first_line}"),
            )
            .help("keep one of them and delete the other");
        return false;
    }
    let (value, value_offset) =
        field_checks::trim_value(reporter, value, value_offset, name, false);
    let block_marker = field_checks::is_block_marker(value);
    let value = if block_marker {
        field_checks::report_block_marker(reporter, name, value, value_offset);
        Spanned {
            text: Cow::Borrowed(""),
            span: value_offset..value_offset,
        }
    } else {
        #[cfg(feature = "lints")]
        crate::lints::curly_quotes(reporter, value, value_offset);
        unquote(value, value_offset)
    };
    fields.push(Field {
        name,
        name_span,
        value: Value::Text(value),
    });
    block_marker
}

/// Adds a list item to the field above it, or reports that there is none to take it.
fn push_item<'a>(
    reporter: &mut Reporter<'a, '_>,
    fields: &mut [Field<'a>],
    item: &'a str,
    item_start: usize,
    line_span: Span,
) {
    let Some(field) = fields.last_mut() else {
        reporter
            .error(
                Code::MalformedField,
                line_span,
                "this list item has no field above it",
            )
            .help("start the list with a line such as `options:`");
        return;
    };
    let (item, item_start) = field_checks::trim_value(reporter, item, item_start, field.name, true);
    #[cfg(feature = "lints")]
    crate::lints::curly_quotes(reporter, item, item_start);
    let spanned = unquote(item, item_start);
    match &mut field.value {
        Value::List(items) => items.push(spanned),
        Value::Text(existing) if existing.text.is_empty() => {
            field.value = Value::List(vec![spanned]);
        }
        Value::Text(_) => {
            reporter
                .error(
                    Code::MalformedField,
                    line_span,
                    format!(
                        "`{}` already has a value, so this list item has no field to belong to",
                        field.name
                    ),
                )
                .help(format!(
                    "either write the value after `{}:` or list items below it, not both",
                    field.name
                ));
        }
    }
}

/// The text of a `- item` line, if it is one.
fn list_item(line: &str) -> Option<&str> {
    if line == "-" {
        Some("")
    } else {
        line.strip_prefix("- ").map(str::trim_end)
    }
}

/// Splits `name: value` into the name, the trimmed value, and where the value starts in the
/// line. The name must look like a field name, so that a sentence with a colon in it is not
/// mistaken for a field.
fn split_field(line: &str) -> Option<(&str, &str, usize)> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    let mut chars = name.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let rest = &line[colon + 1..];
    if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    let value_start = colon + 1 + (rest.len() - rest.trim_start().len());
    Some((name, rest.trim(), value_start))
}

/// A value as the model keeps it: one pair of matching straight quotes around it removed, keeping
/// the span on the inner text (curly ones are kept, as they are shown; `lints` warns of them).
/// Authors' comments come out once every line is read.
fn unquote(value: &str, offset: usize) -> Spanned<'_> {
    let value = value.trim_end();
    for quote in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(quote) && value.ends_with(quote) {
            return Spanned {
                text: Cow::Borrowed(&value[1..value.len() - 1]),
                span: offset + 1..offset + value.len() - 1,
            };
        }
    }
    Spanned {
        text: Cow::Borrowed(value),
        span: offset..offset + value.len(),
    }
}

fn shorten(text: &str) -> String {
    const LIMIT: usize = 40;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Hands out fields by name and remembers which were used, so that whatever is left over can be
/// reported as unknown, with a suggestion.
pub(crate) struct FieldReader<'a> {
    /// The fields not handed out yet.
    fields: Vec<Option<Field<'a>>>,
    /// Where a missing field would go: the block's opening line or the front matter's first line.
    pub anchor: Span,
    /// False when the whole front matter is missing: that is reported once, not field by field.
    report_missing: bool,
}

impl<'a> FieldReader<'a> {
    pub fn new(fields: Vec<Field<'a>>, anchor: Span) -> Self {
        FieldReader {
            fields: fields.into_iter().map(Some).collect(),
            anchor,
            report_missing: true,
        }
    }

    /// Stops "missing field" reports, for a file whose front matter is missing altogether.
    pub fn without_missing_reports(mut self) -> Self {
        self.report_missing = false;
        self
    }

    fn take(&mut self, name: &str) -> Option<Field<'a>> {
        self.fields
            .iter_mut()
            .find(|field| field.as_ref().is_some_and(|field| field.name == name))?
            .take()
    }

    /// The names of the fields not yet used, in the order they are written.
    pub fn names(&self) -> Vec<&'a str> {
        self.fields
            .iter()
            .flatten()
            .map(|field| field.name)
            .collect()
    }

    /// True if the field is present and not yet used.
    pub fn has(&self, name: &str) -> bool {
        self.fields.iter().flatten().any(|field| field.name == name)
    }

    /// A text field. A list given where text is expected is reported.
    pub fn text(&mut self, reporter: &mut Reporter<'_, '_>, name: &str) -> Option<Spanned<'a>> {
        let field = self.take(name)?;
        match field.value {
            Value::Text(text) if text.text.is_empty() => {
                reporter
                    .error(
                        Code::InvalidValue,
                        field.name_span,
                        format!("`{name}` has no value"),
                    )
                    .help(format!(
                        "write the value after `{name}:` or delete the line"
                    ));
                None
            }
            Value::Text(text) => Some(text),
            Value::List(items) => {
                let span = items
                    .first()
                    .map_or(field.name_span.clone(), |item| item.span.clone());
                reporter
                    .error(
                        Code::InvalidValue,
                        span,
                        format!("`{name}` takes one value, not a list"),
                    )
                    .help(format!("write it on one line: `{name}: value`"));
                None
            }
        }
    }

    /// A text field that must be there.
    pub fn required_text(
        &mut self,
        reporter: &mut Reporter<'_, '_>,
        name: &str,
        example: &str,
    ) -> Option<Spanned<'a>> {
        if !self.has(name) {
            if !self.report_missing {
                return None;
            }
            reporter
                .error(
                    Code::MissingField,
                    self.anchor.clone(),
                    format!("the `{name}` field is missing"),
                )
                .help(format!("add a line such as `{name}: {example}`"));
            return None;
        }
        self.text(reporter, name)
    }

    /// A list field. A single value is accepted as a list of one.
    pub fn list(&mut self, name: &str) -> Option<(Span, Vec<Spanned<'a>>)> {
        let field = self.take(name)?;
        match field.value {
            Value::List(items) => Some((field.name_span, items)),
            Value::Text(text) if text.text.is_empty() => Some((field.name_span, Vec::new())),
            Value::Text(text) => Some((field.name_span, vec![text])),
        }
    }

    /// A `yes`/`no` field (also `true`/`false`); absent means `no`.
    pub fn flag(&mut self, reporter: &mut Reporter<'_, '_>, name: &str) -> bool {
        self.yes_no(reporter, name).unwrap_or(false)
    }

    /// [`FieldReader::flag`], but `None` when the value is neither yes nor no (which is
    /// reported), for a check that should then say nothing more.
    pub fn yes_no(&mut self, reporter: &mut Reporter<'_, '_>, name: &str) -> Option<bool> {
        if !self.has(name) {
            return Some(false);
        }
        let value = self.text(reporter, name)?;
        match value.text.as_ref() {
            yes if yes.eq_ignore_ascii_case("yes") || yes.eq_ignore_ascii_case("true") => {
                Some(true)
            }
            no if no.eq_ignore_ascii_case("no") || no.eq_ignore_ascii_case("false") => Some(false),
            _ => {
                reporter
                    .error(
                        Code::InvalidValue,
                        value.span,
                        format!("`{name}` must be `yes` or `no`, not `{}`", value.text),
                    )
                    .help(format!("write `{name}: yes` or `{name}: no`"));
                None
            }
        }
    }

    /// A whole number field between `min` and `max`; `example` is shown when it is wrong.
    pub fn number(
        &mut self,
        reporter: &mut Reporter<'_, '_>,
        name: &str,
        (min, max): (u32, u32),
        example: u32,
    ) -> Option<u32> {
        let value = self.text(reporter, name)?;
        match value.text.parse::<u32>() {
            Ok(number) if (min..=max).contains(&number) => Some(number),
            _ => {
                reporter
                    .error(
                        Code::InvalidValue,
                        value.span,
                        format!(
                            "`{name}` must be a whole number from {min} to {max}, not `{}`",
                            value.text
                        ),
                    )
                    .help(format!("for example `{name}: {example}`"));
                None
            }
        }
    }

    /// Reports every field nobody asked for. `known` are the names this place accepts;
    /// `elsewhere` says, for names that belong somewhere else, where they do belong. A known
    /// field nobody asked for (the fields of an exercise whose kind is unknown) is not reported:
    /// the diagnostic that stopped it being read covers it.
    pub fn finish(
        self,
        reporter: &mut Reporter<'_, '_>,
        known: &[&str],
        elsewhere: &dyn Fn(&str) -> Option<String>,
    ) {
        for field in self.fields.iter().flatten() {
            if known.contains(&field.name) {
                continue;
            }
            if let Some(place) = elsewhere(field.name) {
                reporter
                    .error(
                        Code::WrongKindField,
                        field.name_span.clone(),
                        format!("`{}` {place}", field.name),
                    )
                    .help("delete the line, or change the exercise's `kind`");
                continue;
            }
            reporter
                .error(
                    Code::UnknownField,
                    field.name_span.clone(),
                    format!("unknown field `{}`", field.name),
                )
                .help(suggest::help_for(field.name, known, "fields here"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn parse(text: &str) -> (Vec<Field<'static>>, Vec<String>) {
        // Leaked so the fields may borrow from it; a test's few bytes do not matter.
        let file: &'static SourceFile = Box::leak(Box::new(SourceFile::new("t.md", text)));
        let mut out = Vec::new();
        let fields = parse_fields(&mut Reporter::new(file, &mut out), 0..text.len());
        (fields, out.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn text_lists_and_continuations() {
        let (fields, diagnostics) =
            parse("title: Hello: world\noptions:\n  - one\n- \"two\"\nguidance: first\n  second\n");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(fields.len(), 3);
        let Value::Text(title) = &fields[0].value else {
            panic!()
        };
        assert_eq!(title.text, "Hello: world");
        assert_eq!(title.span, 7..19);
        let Value::List(items) = &fields[1].value else {
            panic!()
        };
        assert_eq!(
            items.iter().map(|i| i.text.as_ref()).collect::<Vec<&str>>(),
            ["one", "two"]
        );
        assert_eq!(items[1].span, 40..43);
        let Value::Text(guidance) = &fields[2].value else {
            panic!()
        };
        assert_eq!(guidance.text, "first\nsecond");
    }

    #[test]
    fn sentences_are_not_fields() {
        let (_, diagnostics) = parse("This is a prompt: it has a colon\n");
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0].contains("malformed-field"),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn duplicates_point_at_the_second() {
        let (fields, diagnostics) = parse("id: a\nid: b\n");
        assert_eq!(fields.len(), 1);
        assert!(
            diagnostics[0].starts_with("t.md:2:1: error[duplicate-field]"),
            "{diagnostics:?}"
        );
    }
}
