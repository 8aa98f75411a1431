//! Slips in the `name: value` grammar of `fields` that would otherwise pass silently, or be
//! reported as a line that "is not a field" when it looks exactly like one:
//!
//! - invisible characters before a line, in a field's name, around its colon or after a list
//!   item's `-` (and at either end of a value);
//! - lists written with `*`, `+` or `1.` where the fields need `- `;
//! - YAML's block markers (`guidance: |`), which the workbook would show as a `|`.
//!
//! (Curly quotes around a value, which are shown where straight ones are removed, are advice to
//! authors, in `lints`: the value is read as it is written either way.)
//!
//! Each slip is reported once, and the line is then read as the author meant it, so that one
//! pasted character or habit from YAML gives one diagnostic, not a trail of them.

use crate::diagnostic::{Code, Help, Reporter};
use crate::invisible::{self, is_blank, is_invisible, is_zero_width};

/// A line read as what its author meant.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Repaired<'l> {
    /// A list item: its text and the text's offset in the file.
    Item { text: &'l str, at: usize },
    /// A field: its name and value, with their offsets in the file.
    Field {
        name: &'l str,
        name_at: usize,
        value: &'l str,
        value_at: usize,
    },
    /// A line whose slip is reported but which cannot be read (an invisible character inside
    /// a field's name): it is left out.
    Skip,
}

/// Reads `line` (which starts at byte `at` of the file, after its indentation), when it is not
/// a field or a list item as written but would be one without a slip; reports the slip. A list
/// item written with another marker is only read as one where a list is expected
/// (`expects_list`). Returns `None` for a line with no such slip, so it gets the usual report.
#[inline(never)]
pub(crate) fn repair<'l>(
    reporter: &mut Reporter<'_, '_>,
    at: usize,
    line: &'l str,
    expects_list: bool,
) -> Option<Repaired<'l>> {
    let rest = line.trim_start_matches(is_blank);
    let lead = line.len() - rest.len();
    // What the line is once invisible characters are passed over, where its marks end (the
    // marker, or the name and colon), the field's name, and where the name as written ends and
    // the colon is.
    let (repaired, marks_end, name, (name_end, colon)) = match list_marker(rest, expects_list) {
        Some(marker) => {
            let text = rest[marker..].trim_start_matches(is_blank);
            let text_at = line.len() - text.len();
            if marker > 1 || !rest.starts_with('-') {
                reporter
                    .error(
                        Code::WrongListMarker,
                        at + lead..at + lead + marker,
                        format!("this list item starts with `{}`, but items in the fields start with `- `", &rest[..marker]),
                    )
                    .help("write a hyphen and a space, `- `, before each item");
            }
            let item = Repaired::Item {
                text: text.trim_end(),
                at: at + text_at,
            };
            (item, text_at, String::new(), (0, 0))
        }
        None => {
            let colon = rest.find(':')?;
            let name = rest[..colon].trim_end_matches(is_invisible);
            let clean: String = name.chars().filter(|c| !is_invisible(*c)).collect();
            if !is_field_name(&clean) {
                return None;
            }
            let after = &rest[colon + 1..];
            let value = after.trim_start_matches(is_blank);
            let value_at = line.len() - value.len();
            // After a space or a tab, white space of any kind is trimmed from the value: only a
            // character straight after the colon breaks the line.
            let marks_end = if after.starts_with([' ', '\t']) {
                lead + colon
            } else {
                value_at
            };
            let field = if name.contains(is_invisible) {
                // A character inside the name cannot be cut out of the borrowed text: the line
                // is left out, and the report says why.
                Repaired::Skip
            } else {
                Repaired::Field {
                    name,
                    name_at: at + lead,
                    value: value.trim_end(),
                    value_at: at + value_at,
                }
            };
            (field, marks_end, clean, (lead + name.len(), lead + colon))
        }
    };
    let mut slipped = matches!(repaired, Repaired::Item { .. }) && !rest.starts_with('-');
    for (offset, c) in line[..marks_end].char_indices() {
        // White space before the line is indentation; other invisible characters are slips.
        if !is_invisible(c) || offset < lead && c.is_whitespace() {
            continue;
        }
        let place = place(&name, offset, lead, (name_end, colon));
        invisible::report(reporter, at + offset, c, &place);
        slipped = true;
    }
    slipped.then_some(repaired)
}

/// Where in a line an invisible character at `offset` is, for a field called `name` (empty for
/// a list item) whose line starts at `lead`, whose name as written ends at `name_end` and whose
/// colon is at `colon`.
fn place(name: &str, offset: usize, lead: usize, (name_end, colon): (usize, usize)) -> String {
    if name.is_empty() {
        let side = if offset < lead { "before" } else { "after" };
        format!("{side} the `-` of a list item")
    } else if offset < lead {
        format!("before `{name}:`")
    } else if offset < name_end {
        format!("in the field name `{name}`")
    } else if offset < colon {
        format!("between `{name}` and its colon")
    } else {
        format!("after `{name}:`")
    }
}

/// The length of the list marker `rest` starts with: `-`, or where a list is expected `*`, `+`,
/// `1.` or `1)`; a marker is followed by a space or an invisible character.
fn list_marker(rest: &str, expects_list: bool) -> Option<usize> {
    let bytes = rest.as_bytes();
    let length = match bytes.first()? {
        b'-' => 1,
        b'*' | b'+' if expects_list => 1,
        b'0'..=b'9' if expects_list => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    rest[length..].starts_with(is_blank).then_some(length)
}

/// A field name: a letter, then letters, digits, `-` and `_`.
fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Reports and removes the zero-width characters at either end of a value, which `trim` keeps;
/// `field` is the field's name and `item` whether the value is an item of its list. Returns the
/// value without them, and its new offset.
#[inline]
pub(crate) fn trim_value<'v>(
    reporter: &mut Reporter<'_, '_>,
    value: &'v str,
    offset: usize,
    field: &str,
    item: bool,
) -> (&'v str, usize) {
    // Only the ends matter, and most values start and end with a plain ASCII character.
    let plain = |byte: Option<&u8>| byte.is_none_or(u8::is_ascii);
    if plain(value.as_bytes().first()) && plain(value.as_bytes().last()) {
        return (value, offset);
    }
    trim_zero_width(reporter, value, offset, field, item)
}

/// [`trim_value`], for a value with a character outside ASCII at an end.
#[inline(never)]
fn trim_zero_width<'v>(
    reporter: &mut Reporter<'_, '_>,
    value: &'v str,
    offset: usize,
    field: &str,
    item: bool,
) -> (&'v str, usize) {
    let start = value.len() - value.trim_start_matches(is_blank).len();
    let trimmed = value[start..].trim_end_matches(is_blank);
    let end = start + trimmed.len();
    let whose = |end: &str| {
        if item {
            format!("at the {end} of an item of `{field}`")
        } else {
            format!("at the {end} of the value of `{field}`")
        }
    };
    for (at, c) in value.char_indices().filter(|(_, c)| is_zero_width(*c)) {
        if at < start {
            invisible::report(reporter, offset + at, c, &whose("start"));
        } else if at >= end {
            invisible::report(reporter, offset + at, c, &whose("end"));
        }
    }
    (trimmed, offset + start)
}

/// YAML's markers for text on the lines below: `|`, `>`, and their `-` and `+` forms.
pub(crate) fn is_block_marker(value: &str) -> bool {
    matches!(value, "|" | ">" | "|-" | ">-" | "|+" | ">+")
}

/// Reports a block marker given as the value of `name`.
pub(crate) fn report_block_marker(
    reporter: &mut Reporter<'_, '_>,
    name: &str,
    marker: &str,
    offset: usize,
) {
    reporter
        .error(
            Code::YamlBlockMarker,
            offset..offset + marker.len(),
            format!("`{name}: {marker}` is YAML's way to start text on the lines below; this format does not use it, so the workbook would show the `{marker}`"),
        )
        .help(format!(
            "write the text right after `{name}:` and carry it on over the next lines, each indented by two spaces"
        ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// The reading of `line` and the messages of its reports, each with its offset.
    fn read(line: &str, expects_list: bool) -> Option<(Repaired<'static>, Vec<String>)> {
        let line: &'static str = Box::leak(line.to_string().into_boxed_str());
        let file = SourceFile::new("t.md", line);
        let mut out = Vec::new();
        let repaired = repair(&mut Reporter::new(&file, &mut out), 0, line, expects_list);
        let reports = out
            .iter()
            .map(|d| format!("{}: {}", d.span.start, d.message))
            .collect();
        repaired.map(|repaired| (repaired, reports))
    }

    #[test]
    fn invisible_characters_around_the_colon() {
        let (field, slips) = read("kind:\u{a0}writing", false).unwrap();
        assert_eq!(
            field,
            Repaired::Field {
                name: "kind",
                name_at: 0,
                value: "writing",
                value_at: 7
            }
        );
        assert_eq!(slips, ["5: a non-breaking space after `kind:`"]);
        let (_, slips) = read("kind\u{200b}: writing", false).unwrap();
        assert_eq!(
            slips,
            ["4: a zero-width space between `kind` and its colon"]
        );
        let (_, slips) = read("\u{200b}kind: writing", false).unwrap();
        assert_eq!(slips, ["0: a zero-width space before `kind:`"]);
        let (_, slips) = read("kind\t: writing", false).unwrap();
        assert_eq!(slips, ["4: a tab between `kind` and its colon"]);
        let (skipped, slips) = read("ki\u{200b}nd: writing", false).unwrap();
        assert_eq!(skipped, Repaired::Skip);
        assert_eq!(slips, ["2: a zero-width space in the field name `kind`"]);
    }

    #[test]
    fn list_markers() {
        let (item, slips) = read("-\u{a0}Boredom", true).unwrap();
        assert_eq!(
            item,
            Repaired::Item {
                text: "Boredom",
                at: 3
            }
        );
        assert_eq!(
            slips,
            ["1: a non-breaking space after the `-` of a list item"]
        );
        let (_, slips) = read("\u{200b}- Boredom", true).unwrap();
        assert_eq!(
            slips,
            ["0: a zero-width space before the `-` of a list item"]
        );
        let (item, slips) = read("* Boredom", true).unwrap();
        assert_eq!(
            item,
            Repaired::Item {
                text: "Boredom",
                at: 2
            }
        );
        assert_eq!(
            slips,
            ["0: this list item starts with `*`, but items in the fields start with `- `"]
        );
        assert!(read("12. Boredom", true).is_some());
        assert!(read("* Boredom", false).is_none());
    }

    #[test]
    fn ordinary_mistakes_are_left_alone() {
        assert!(read("This is a sentence: with a colon", false).is_none());
        assert!(read("kind : writing", false).is_none());
        assert!(read("no colon at all", false).is_none());
        assert!(read("kind:writing", false).is_none());
        assert!(read("- Boredom", true).is_none());
    }
}
