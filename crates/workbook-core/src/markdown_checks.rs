//! Markdown that reads one way to its author and another to the workbook: a link with a space in
//! its address, a footnote, a `:::` block inside a quote or a list item, a list item or heading
//! whose marker is followed by an invisible space, a comment that hides text. (A heading that
//! skips a level and a plain `http:` link are advice to authors, in `lints`.)
//!
//! pulldown-cmark does not fail on any of these: it turns them into plain text (or hides them),
//! so the participant sees `[x](week: 3)` or `[^1]` as written, or never sees an exercise. The
//! `markdown` pass calls these checks as it meets the events; each looks only at the first byte
//! of a piece of text before it looks any further, because that pass is the parser's hot loop.

use crate::comments::{self, Leading};
use crate::diagnostic::{Code, Help, Reporter};
use crate::invisible::{self, is_invisible};
use crate::source::Span;

/// Checks a piece of plain text that starts at byte `offset` of the file. Most text starts with
/// a letter and is passed over at once.
#[inline]
pub(crate) fn text(reporter: &mut Reporter<'_, '_>, text: &str, offset: usize) {
    let Some(&first) = text.as_bytes().first() else {
        return;
    };
    if matches!(
        first,
        b'(' | b'^' | b'!' | b':' | b'-' | b'*' | b'+' | b'#' | b'0'..=b'9'
    ) {
        check_text(reporter, text, offset, first);
    }
}

/// [`text`], for the pieces whose first byte may start a slip; out of the hot loop.
#[inline(never)]
fn check_text(reporter: &mut Reporter<'_, '_>, text: &str, offset: usize, first: u8) {
    let before = offset
        .checked_sub(1)
        .and_then(|at| reporter.file.text().as_bytes().get(at).copied());
    match (before, first) {
        (Some(b']'), b'(') => unlinked_target(reporter, text, offset),
        (Some(b'['), b'^') => footnote(reporter, offset),
        (Some(b'<'), b'!') if text.starts_with("!--") => {
            comments::report_unclosed(reporter, offset - 1, "participants see it as it is written");
        }
        (_, b':') if text.starts_with(":::") => block_inside(reporter, text, offset),
        (_, b'-' | b'*' | b'+' | b'#' | b'0'..=b'9') => invisible_marker(reporter, text, offset),
        _ => {}
    }
}

/// What to do with an HTML block that may hold authors' comments. Comments leave quietly; an
/// unclosed one and words after one are reported. Returns the part of `span` to report as raw
/// HTML, if there is any.
#[inline(never)]
pub(crate) fn html_block(reporter: &mut Reporter<'_, '_>, span: Span) -> Option<Span> {
    let block = &reporter.file.text()[span.clone()];
    match comments::classify(block) {
        Leading::NotAComment => Some(span),
        Leading::Only => None,
        Leading::Unclosed(at) => {
            comments::report_unclosed(reporter, span.start + at, "everything after it is hidden");
            None
        }
        Leading::Then(at) => {
            let rest = &block[at..];
            let part = span.start + at..span.start + at + rest.trim_end().len();
            if rest.starts_with('<') {
                Some(part)
            } else {
                comments::report_text_after(reporter, part);
                None
            }
        }
    }
}

/// An internal link whose address is empty or a word where a number goes: `week:`,
/// `exercise:`, `week:three`. Returns true if it was reported (and the link is then dropped).
#[inline]
pub(crate) fn malformed_target(
    reporter: &mut Reporter<'_, '_>,
    scheme: &str,
    rest: &str,
    span: Span,
) -> bool {
    // Nearly every link is well formed: `week:3` starts with a digit, `exercise:id` is not empty.
    let target = rest.trim();
    let suspect = target.is_empty()
        || scheme == "week" && target.starts_with(|c: char| c.is_ascii_alphabetic());
    suspect && report_malformed_target(reporter, scheme, target, span)
}

/// [`malformed_target`], for an address that may be one.
#[inline(never)]
fn report_malformed_target(
    reporter: &mut Reporter<'_, '_>,
    scheme: &str,
    target: &str,
    span: Span,
) -> bool {
    let (message, help) = match scheme {
        "week" if target.is_empty() => (
            "this link to a week has no week number after `week:`".to_string(),
            "write the week's number right after the colon, such as `week:3`".to_string(),
        ),
        "week" => match number_word(target) {
            Some(number) => (
                format!("the week in `week:{target}` is a word, but the workbook needs its number"),
                format!("write `week:{number}`"),
            ),
            None => return false,
        },
        "exercise" if target.is_empty() => (
            "this link to an exercise has no id after `exercise:`".to_string(),
            "write the exercise's id right after the colon, as on its `id:` line, such as \
             `exercise:my-timeline`"
                .to_string(),
        ),
        _ => return false,
    };
    reporter
        .error(Code::MalformedLink, span, message)
        .help(help);
    true
}

/// `(week: 3)`, `(exercise: my-id)`, `(week 3)` after a link's `]`: markdown does not read an
/// address with a space in it, so the whole link is shown as it is written.
fn unlinked_target(reporter: &mut Reporter<'_, '_>, text: &str, offset: usize) {
    let Some(close) = text.find(')') else {
        return;
    };
    let inside = &text[1..close];
    let trimmed = inside.trim();
    let Some(scheme) = ["week", "exercise", "settings"].into_iter().find(|scheme| {
        trimmed
            .get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    }) else {
        return;
    };
    // `weekly` is not `week`: a colon or a space must follow the scheme's name.
    let rest = &trimmed[scheme.len()..];
    if !rest.starts_with(|c: char| c == ':' || c.is_whitespace()) {
        return;
    }
    let after = rest.trim_start();
    let target = after.strip_prefix(':').unwrap_or(after).trim();
    if !inside.contains(char::is_whitespace) || target.contains(char::is_whitespace) {
        return;
    }
    let corrected = match (scheme, number_word(target)) {
        ("week", Some(number)) => format!("(week:{number})"),
        ("week", None) if target.is_empty() => "(week:3)".to_string(),
        ("exercise", _) if target.is_empty() => "(exercise:its-id)".to_string(),
        ("settings", _) => "(settings:)".to_string(),
        _ => format!("({scheme}:{target})"),
    };
    reporter
        .error(
            Code::MalformedLink,
            offset..offset + close + 1,
            format!(
                "`{}` is not read as a link's address because of the space in it, so participants see the link as it is written",
                &text[..=close]
            ),
        )
        .help(format!("write `{corrected}`, with no spaces"));
}

/// The digit form of a number word from one to twenty.
fn number_word(word: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let index = WORDS.iter().position(|w| w.eq_ignore_ascii_case(word))?;
    u32::try_from(index + 1).ok()
}

/// `[^1]` or `[^1]: …` (the text starts after the `[`).
fn footnote(reporter: &mut Reporter<'_, '_>, offset: usize) {
    let file = reporter.file.text();
    let line_end = file[offset..]
        .find('\n')
        .map_or(file.len(), |end| offset + end);
    let Some(close) = file[offset..line_end].find(']') else {
        return;
    };
    let mark = &file[offset - 1..offset + close + 1];
    if mark.len() <= 3 || mark.contains(char::is_whitespace) {
        return;
    }
    let span = offset - 1..offset + close + 1;
    let message = if file[span.end..].starts_with(':') {
        format!(
            "footnotes are not shown as footnotes: this note is shown where it is written, after `{mark}:`"
        )
    } else {
        format!("footnotes are not shown as footnotes: participants see `{mark}` as it is written")
    };
    reporter
        .error(Code::FootnoteNotAllowed, span, message)
        .help("put the note into the text itself (in brackets, or in a `> [!NOTE]` callout below the paragraph), and delete the footnote's mark and its `[^…]:` line");
}

/// A `:::` line that markdown read as text: inside a quote or a list item, or indented. The
/// closing `:::` alone is passed over: the opening line's report covers the block.
fn block_inside(reporter: &mut Reporter<'_, '_>, text: &str, offset: usize) {
    let name = text.trim_start_matches(':').trim();
    if name.is_empty() {
        return;
    }
    let file = reporter.file.text();
    let prefix = &file[line_start(file, offset)..offset];
    if prefix.is_empty()
        || !prefix
            .chars()
            .all(|c| c.is_whitespace() || ">-*+.)".contains(c) || c.is_ascii_digit())
    {
        return;
    }
    let place = if prefix.contains('>') {
        "is inside a quote"
    } else if prefix.contains(|c: char| "-*+".contains(c) || c.is_ascii_digit()) {
        "is inside a list item"
    } else {
        "is indented"
    };
    let opening = text.trim_end();
    reporter
        .error(
            Code::BlockNotAtLineStart,
            offset..offset + opening.len(),
            format!("this `{opening}` line {place}, so the block is not read: participants see its lines as text"),
        )
        .help(format!(
            "start `{opening}` and its closing `:::` at the very beginning of their lines, with nothing before them; a block cannot go inside a quote or a list"
        ));
}

/// `-`, `*`, `+`, `1.` or `#` at the start of a line, then an invisible space where markdown
/// needs a plain one: the line is shown as text, not as a list item or a heading.
fn invisible_marker(reporter: &mut Reporter<'_, '_>, text: &str, offset: usize) {
    let marker_len = match text.as_bytes()[0] {
        b'#' => text.len() - text.trim_start_matches('#').len(),
        b'0'..=b'9' => {
            let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if !matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
                return;
            }
            digits + 1
        }
        _ => 1,
    };
    let Some(c) = text[marker_len..]
        .chars()
        .next()
        .filter(|c| is_invisible(*c) && *c != '\t')
    else {
        return;
    };
    let file = reporter.file.text();
    if !file[line_start(file, offset)..offset]
        .chars()
        .all(|c| c.is_whitespace() || c == '>')
    {
        return;
    }
    let marker = &text[..marker_len];
    let read_as = if marker.starts_with('#') {
        "a heading"
    } else {
        "a list item"
    };
    invisible::report(
        reporter,
        offset + marker_len,
        c,
        &format!("after `{marker}`, so the line is shown as text, not as {read_as}"),
    );
}

/// Where the line holding byte `offset` of `file` starts.
fn line_start(file: &str, offset: usize) -> usize {
    memchr::memrchr(b'\n', &file.as_bytes()[..offset]).map_or(0, |at| at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words() {
        assert_eq!(number_word("three"), Some(3));
        assert_eq!(number_word("Twelve"), Some(12));
        assert_eq!(number_word("3"), None);
    }
}
