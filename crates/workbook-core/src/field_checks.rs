//! Slips in the `name: value` grammar of `fields` that would otherwise pass silently, or be
//! reported as a line that "is not a field" when it looks exactly like one:
//!
//! - invisible characters before a line, in a field's name, around its colon or after a list
//!   item's `-` (and at either end of a value);
//! - lists written with `*`, `+` or `1.` where the fields need `- `;
//! - YAML's block markers (`guidance: |`), which the workbook would show as a `|`;
//! - curly quotes around a value, which are shown where straight ones are removed.
//!
//! Each slip is reported once, and the line is then read as the author meant it, so that one
//! pasted character or habit from YAML gives one diagnostic, not a trail of them.

use crate::diagnostic::{Code, Help, Reporter};
use crate::invisible::{self, is_invisible, is_zero_width};

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

/// One slip found in a line: where it is, and what it is.
enum Slip<'l> {
    Invisible(usize, char, String),
    ListMarker(&'l str, usize),
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
    let (repaired, slips) = read_with_slips(at, line, expects_list)?;
    for slip in slips {
        match slip {
            Slip::Invisible(offset, c, place) => invisible::report(reporter, offset, c, &place),
            Slip::ListMarker(marker, offset) => {
                reporter
                    .error(
                        Code::WrongListMarker,
                        offset..offset + marker.len(),
                        format!("this list item starts with `{marker}`, but items in the fields start with `- `"),
                    )
                    .help("write a hyphen and a space, `- `, before each item");
            }
        }
    }
    Some(repaired)
}

/// The reading of `line` and its slips, without reporting them.
fn read_with_slips(
    at: usize,
    line: &str,
    expects_list: bool,
) -> Option<(Repaired<'_>, Vec<Slip<'_>>)> {
    let rest = line.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let lead = line.len() - rest.len();
    let rest_at = at + lead;
    let (repaired, mut slips, thing) = if let Some(item) = dash_item(rest_at, rest) {
        item
    } else if let Some(item) = other_marker(rest_at, rest).filter(|_| expects_list) {
        item
    } else {
        field(rest_at, rest)?
    };
    for (offset, c) in line[..lead]
        .char_indices()
        .filter(|(_, c)| is_zero_width(*c))
    {
        slips.push(Slip::Invisible(at + offset, c, format!("before {thing}")));
    }
    (!slips.is_empty()).then_some((repaired, slips))
}

type Reading<'l> = (Repaired<'l>, Vec<Slip<'l>>, String);

/// `-` and then invisible characters (at least one) or spaces before the item's text.
fn dash_item(at: usize, rest: &str) -> Option<Reading<'_>> {
    let after = rest.strip_prefix('-')?;
    let text = after.trim_start_matches(|c: char| c == ' ' || is_invisible(c));
    let gap = after.len() - text.len();
    let slips: Vec<Slip<'_>> = after[..gap]
        .char_indices()
        .filter(|(_, c)| is_invisible(*c))
        .map(|(offset, c)| {
            Slip::Invisible(
                at + 1 + offset,
                c,
                "after the `-` of a list item".to_string(),
            )
        })
        .collect();
    if slips.is_empty() && gap == 0 && !text.is_empty() {
        return None;
    }
    let item = Repaired::Item {
        text: text.trim_end(),
        at: at + 1 + gap,
    };
    Some((item, slips, "the `-` of a list item".to_string()))
}

/// `* item`, `+ item`, `1. item` or `1) item`.
fn other_marker(at: usize, rest: &str) -> Option<Reading<'_>> {
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker_len = match rest.as_bytes().first()? {
        b'*' | b'+' => 1,
        b'0'..=b'9' if matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    let after = &rest[marker_len..];
    let text = after.trim_start_matches(' ');
    if text.len() == after.len() || text.is_empty() {
        return None;
    }
    let marker = &rest[..marker_len];
    let item = Repaired::Item {
        text: text.trim_end(),
        at: at + (rest.len() - text.len()),
    };
    Some((
        item,
        vec![Slip::ListMarker(marker, at)],
        format!("the `{marker}` of a list item"),
    ))
}

/// `name: value` with invisible characters in the name or around the colon.
fn field(at: usize, rest: &str) -> Option<Reading<'_>> {
    let colon = rest.find(':')?;
    let written = &rest[..colon];
    let clean: String = written.chars().filter(|c| !is_invisible(*c)).collect();
    if !is_field_name(&clean) {
        return None;
    }
    let name = written.trim_end_matches(is_invisible);
    let mut slips: Vec<Slip<'_>> = Vec::new();
    for (offset, c) in written.char_indices().filter(|(_, c)| is_invisible(*c)) {
        let place = if offset >= name.len() {
            format!("between `{clean}` and its colon")
        } else {
            format!("in the field name `{clean}`")
        };
        slips.push(Slip::Invisible(at + offset, c, place));
    }
    let after = &rest[colon + 1..];
    let value = after.trim_start_matches(|c: char| c == ' ' || is_invisible(c));
    let gap = after.len() - value.len();
    // After a space or a tab, white space of any kind is trimmed from the value: only a
    // character straight after the colon breaks the line.
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        let before_slips = slips.len();
        for (offset, c) in after[..gap]
            .char_indices()
            .filter(|(_, c)| is_invisible(*c))
        {
            slips.push(Slip::Invisible(
                at + colon + 1 + offset,
                c,
                format!("after `{clean}:`"),
            ));
        }
        if slips.len() == before_slips {
            return None; // `name:value`: not a slip of this kind.
        }
    }
    let repaired = if name.contains(is_invisible) {
        // A character inside the name cannot be cut out of the borrowed text: the line is left
        // out, and the report says why.
        Repaired::Skip
    } else {
        Repaired::Field {
            name,
            name_at: at,
            value: value.trim_end(),
            value_at: at + colon + 1 + gap,
        }
    };
    Some((repaired, slips, format!("`{clean}:`")))
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
    let trimmed = value.trim_matches(|c: char| c.is_whitespace() || is_zero_width(c));
    let start = value.len()
        - value
            .trim_start_matches(|c: char| c.is_whitespace() || is_zero_width(c))
            .len();
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

/// Warns about curly quotes around the whole of a value: straight quotes there are removed,
/// but curly ones (which word processors type) are shown.
#[inline(never)]
pub(crate) fn curly_quotes(reporter: &mut Reporter<'_, '_>, value: &str, offset: usize) {
    // Every curly quote starts with the byte 0xE2 in UTF-8.
    if value.as_bytes().first() != Some(&0xE2) {
        return;
    }
    let mut chars = value.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return;
    };
    let double = matches!(first, '“' | '”' | '„') && matches!(last, '”' | '“');
    let single = matches!(first, '‘' | '’' | '‚') && matches!(last, '’' | '‘');
    if !(double || single) {
        return;
    }
    let straight = if double { "\"" } else { "'" };
    reporter
        .warning(
            Code::CurlyQuotes,
            offset..offset + value.len(),
            format!("the curly quotes {first}…{last} around this value are shown to participants"),
        )
        .help(format!(
            "delete them, or type straight quotes ({straight}…{straight}), which the workbook removes"
        ));
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

    fn read(line: &str, expects_list: bool) -> Option<(Repaired<'_>, Vec<String>)> {
        read_with_slips(0, line, expects_list).map(|(repaired, slips)| {
            let slips = slips
                .into_iter()
                .map(|slip| match slip {
                    Slip::Invisible(at, c, place) => {
                        format!("{at}: {} {place}", invisible::name(c))
                    }
                    Slip::ListMarker(marker, at) => format!("{at}: marker {marker}"),
                })
                .collect();
            (repaired, slips)
        })
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
        let (item, slips) = read("* Boredom", true).unwrap();
        assert_eq!(
            item,
            Repaired::Item {
                text: "Boredom",
                at: 2
            }
        );
        assert_eq!(slips, ["0: marker *"]);
        assert!(read("12. Boredom", true).is_some());
        assert!(read("* Boredom", false).is_none());
    }

    #[test]
    fn ordinary_mistakes_are_left_alone() {
        assert!(read("This is a sentence: with a colon", false).is_none());
        assert!(read("kind : writing", false).is_none());
        assert!(read("no colon at all", false).is_none());
    }
}
