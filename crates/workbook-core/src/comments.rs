//! Authors' comments: `<!-- ... -->`, notes from one author to the next that participants never
//! see.
//!
//! Markdown reads a comment as HTML, so without this module every comment would be reported as
//! raw HTML. Instead the `markdown` pass drops comments quietly, `fields` skips comment lines
//! among fields (and comments inside a value), and `fences` does not open a block inside a
//! comment, so a whole exercise can be commented out. What this module reports:
//!
//! - a comment that says TODO or VERIFY (a warning, so `workbook check --deny-warnings` fails
//!   until the work is done: `workbook new` and `workbook init` write such placeholders);
//! - a comment that is never closed, which hides everything after it;
//! - words after a comment on a line that starts with one, which markdown hides with it.

use crate::diagnostic::{Code, Diagnostic, Help, Reporter};
use crate::fences::{closes_code_fence, opens_code_fence};
use crate::fields::lines_in;
use crate::source::{SourceFile, Span};

/// What opens a comment.
pub(crate) const OPEN: &str = "<!--";
/// What closes one.
pub(crate) const CLOSE: &str = "-->";

/// The words that mark a comment as work still to do, compared without regard to case.
const MARKERS: [&str; 2] = ["todo", "verify"];

/// What a piece of text that may start with a comment holds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Leading {
    /// It does not start with a comment.
    NotAComment,
    /// Comments and white space only.
    Only,
    /// A comment that is not closed, starting at this offset.
    Unclosed(usize),
    /// Something other than a comment follows the comments, at this offset.
    Then(usize),
}

/// Reads the comments at the start of `text` (an HTML block, or a line among fields).
pub(crate) fn classify(text: &str) -> Leading {
    let mut at = text.len() - text.trim_start().len();
    if !text[at..].starts_with(OPEN) {
        return Leading::NotAComment;
    }
    loop {
        let rest = &text[at..];
        if rest.trim().is_empty() {
            return Leading::Only;
        }
        let skipped = rest.len() - rest.trim_start().len();
        if !rest[skipped..].starts_with(OPEN) {
            return Leading::Then(at + skipped);
        }
        let open = at + skipped;
        // `<!-->` and `<!--->` are complete (empty) comments, so look for the end from the
        // third character on.
        match text[open + 2..].find(CLOSE) {
            Some(close) => at = open + 2 + close + CLOSE.len(),
            None => return Leading::Unclosed(open),
        }
    }
}

/// True if `line` starts a comment that it does not close, where markdown would see a comment
/// block: at most three spaces in. Every line up to the one with `-->` is then inside it.
#[inline]
pub(crate) fn opens_block_comment(line: &str) -> bool {
    // Called for every line of every body: most start with neither `<` nor a space.
    if !matches!(line.as_bytes().first(), Some(b'<' | b' ')) {
        return false;
    }
    let trimmed = line.trim_start_matches(' ');
    line.len() - trimmed.len() <= 3
        && trimmed.starts_with(OPEN)
        && matches!(classify(trimmed), Leading::Unclosed(_))
}

/// `value` without the comments in it, if it has any: a field such as `title` is shown as plain
/// text, so a note to authors must come out of it here. White space is tidied where a comment
/// was. An unclosed comment is left as it is (and reported where the value is read as markdown,
/// or by [`todo_comments`] if it says TODO).
#[inline(never)]
pub(crate) fn strip(value: &str) -> Option<String> {
    if !value.contains(OPEN) {
        return None;
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(open) = rest.find(OPEN) {
        out.push_str(&rest[..open]);
        match rest[open + 2..].find(CLOSE) {
            Some(close) => rest = &rest[open + 2 + close + CLOSE.len()..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
        out.push(' ');
    }
    out.push_str(rest);
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Reports a comment opened at `offset` that is never closed; `hidden` says what it hides.
pub(crate) fn report_unclosed(reporter: &mut Reporter<'_, '_>, offset: usize, hidden: &str) {
    reporter
        .error(
            Code::UnclosedComment,
            offset..offset + OPEN.len(),
            format!("this comment is never closed with `-->`, so {hidden}"),
        )
        .help("end the note to authors with `-->`");
}

/// Reports words after a comment on a line that starts with one, which markdown hides too.
pub(crate) fn report_text_after(reporter: &mut Reporter<'_, '_>, span: Span) {
    reporter
        .error(
            Code::TextAfterComment,
            span,
            "these words come after a comment on the same line, so they are hidden with it",
        )
        .help("put the comment on a line of its own, or at the end of the line");
}

/// Comment lines among fields: skipped, so that a note to other authors may sit anywhere.
#[derive(Default)]
pub(crate) struct CommentLines {
    /// Where an unclosed comment among the fields opened.
    open_at: Option<usize>,
}

impl CommentLines {
    /// True if the line starting at `start` is (part of) a comment, and so not a field.
    #[inline(never)]
    pub(crate) fn skip(
        &mut self,
        reporter: &mut Reporter<'_, '_>,
        start: usize,
        line: &str,
    ) -> bool {
        if self.open_at.is_some() {
            if let Some(close) = line.find(CLOSE) {
                self.open_at = None;
                self.after_comment(reporter, start, line, close + CLOSE.len());
            }
            return true;
        }
        match classify(line) {
            Leading::NotAComment => false,
            Leading::Only => true,
            Leading::Unclosed(open) => {
                self.open_at = Some(start + open);
                true
            }
            Leading::Then(rest) => {
                report_text_after(reporter, start + rest..start + line.trim_end().len());
                true
            }
        }
    }

    /// Reports what follows the end of a comment on its line, if anything does.
    fn after_comment(
        &self,
        reporter: &mut Reporter<'_, '_>,
        start: usize,
        line: &str,
        from: usize,
    ) {
        let rest = &line[from..];
        if rest.trim().is_empty() || classify(rest) == Leading::Only {
            return;
        }
        let skipped = rest.len() - rest.trim_start().len();
        report_text_after(
            reporter,
            start + from + skipped..start + line.trim_end().len(),
        );
    }

    /// Reports a comment still open when the fields end.
    pub(crate) fn finish(self, reporter: &mut Reporter<'_, '_>) {
        if let Some(open) = self.open_at {
            report_unclosed(reporter, open, "the fields after it are not read");
        }
    }
}

/// Warns about every comment in the file that says TODO or VERIFY (as a word, in any case). Code
/// blocks and `code` spans are passed over: a comment shown as code is an example, not a note.
pub(crate) fn todo_comments(file: &SourceFile, out: &mut Vec<Diagnostic>) {
    let text = file.text();
    // Most files hold no comment, and few hold a `<` at all: a one-byte search says so fastest.
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(b'<', bytes).any(|at| bytes[at..].starts_with(OPEN.as_bytes())) {
        return;
    }
    let mut reporter = Reporter::new(file, out);
    let mut code_fence = None;
    // Nothing before this offset is looked at again: it was inside the last comment.
    let mut resume = 0;
    for (start, line, next_line_start) in lines_in(text, 0..text.len()) {
        if next_line_start <= resume {
            continue;
        }
        if start >= resume {
            if let Some(fence) = code_fence {
                if closes_code_fence(line, fence) {
                    code_fence = None;
                }
                continue;
            }
            if let Some(fence) = opens_code_fence(line) {
                code_fence = Some(fence);
                continue;
            }
        }
        let mut from = resume.saturating_sub(start);
        while let Some(found) = line[from..].find(OPEN) {
            let open = from + found;
            from = open + OPEN.len();
            // An odd number of backticks before it: the comment is inside a `code` span.
            if line[..open].bytes().filter(|b| *b == b'`').count() % 2 == 1 {
                continue;
            }
            let end = comment_end(text, start + open, start + line.len());
            report_marker(&mut reporter, start + open, &text[start + open..end]);
            resume = end;
            if end > start + line.len() {
                break;
            }
            from = end - start;
        }
    }
}

/// Where the comment opened at `open` ends: after its `-->`, or, when another comment opens
/// first or none closes it, at `line_end` (an unclosed comment's note is its own line).
fn comment_end(text: &str, open: usize, line_end: usize) -> usize {
    let close = text[open + 2..].find(CLOSE).map(|c| open + 2 + c);
    let next_open = text[open + OPEN.len()..]
        .find(OPEN)
        .map(|o| open + OPEN.len() + o);
    match (close, next_open) {
        (Some(close), Some(next)) if close < next => close + CLOSE.len(),
        (Some(close), None) => close + CLOSE.len(),
        _ => line_end,
    }
}

/// Warns if the comment starting at `offset` holds a marker word.
fn report_marker(reporter: &mut Reporter<'_, '_>, offset: usize, comment: &str) {
    let Some((at, word)) = marker_word(comment) else {
        return;
    };
    let (message, help) = if word.eq_ignore_ascii_case("todo") {
        (
            format!("this comment says `{word}`: something here is still to be written"),
            "do what the comment asks, then delete the comment",
        )
    } else {
        (
            format!("this comment says `{word}`: something here is still to be checked"),
            "check what the comment asks against its source (for a support line, the service's own website), then delete the comment",
        )
    };
    reporter
        .warning(
            Code::TodoComment,
            offset + at..offset + at + word.len(),
            message,
        )
        .help(help);
}

/// The first whole word of `text` that is a marker, and where it starts. Words are runs of
/// ASCII letters and digits, which the markers are (and which keeps Unicode's tables out of the
/// browser's download).
fn marker_word(text: &str) -> Option<(usize, &str)> {
    let mut word_start = None;
    let ends = text.bytes().chain(std::iter::once(b' ')).enumerate();
    for (at, byte) in ends {
        if byte.is_ascii_alphanumeric() {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(from) = word_start.take() {
            let word = &text[from..at];
            if MARKERS.iter().any(|m| word.eq_ignore_ascii_case(m)) {
                return Some((from, word));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_comment_blocks() {
        assert_eq!(classify("<!-- a -->\n"), Leading::Only);
        assert_eq!(classify("<!-- a --> <!-- b -->"), Leading::Only);
        assert_eq!(classify("<!-->"), Leading::Only);
        assert_eq!(classify("<!-- a\nb -->\n"), Leading::Only);
        assert_eq!(classify("<!-- a"), Leading::Unclosed(0));
        assert_eq!(classify("<!-- a --> <!-- b"), Leading::Unclosed(11));
        assert_eq!(classify("<!-- a --> words"), Leading::Then(11));
        assert_eq!(classify("<b>"), Leading::NotAComment);
    }

    #[test]
    fn strips_comments_from_values() {
        assert_eq!(strip("plain"), None);
        assert_eq!(
            strip("My title <!-- TODO: a better one -->").as_deref(),
            Some("My title")
        );
        assert_eq!(strip("a <!-- x --> b").as_deref(), Some("a b"));
        assert_eq!(strip("a <!-- open").as_deref(), Some("a <!-- open"));
    }

    #[test]
    fn marker_words_are_whole_words_in_any_case() {
        assert_eq!(marker_word(" TODO: x"), Some((1, "TODO")));
        assert_eq!(marker_word("please verify this"), Some((7, "verify")));
        assert_eq!(marker_word("todos and verified"), None);
        assert_eq!(marker_word("ToDo"), Some((0, "ToDo")));
    }

    fn todos(text: &str) -> Vec<String> {
        let file = SourceFile::new("t.md", text);
        let mut out = Vec::new();
        todo_comments(&file, &mut out);
        out.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn finds_todo_comments_but_not_in_code() {
        assert_eq!(todos("a <!-- TODO --> b\n").len(), 1);
        assert_eq!(todos("<!--\nfirst\nVERIFY the number\n-->\n").len(), 1);
        // An unclosed comment's note is its own line (and `unclosed-comment` is reported).
        assert!(todos("<!-- VERIFY\nmore")[0].starts_with("t.md:1:6: warning[todo-comment]"));
        assert!(todos("<!--\nVERIFY").is_empty());
        assert!(todos("```\n<!-- TODO -->\n```\n").is_empty());
        assert!(todos("`<!-- TODO -->`\n").is_empty());
        assert!(todos("<!-- fine -->\n").is_empty());
        // An unclosed comment followed by another: each is read on its own.
        assert_eq!(todos("<!-- a\n\n<!-- TODO -->\n").len(), 1);
        assert!(todos("<!-- a\n\n<!-- TODO -->\n")[0].starts_with("t.md:3:6:"));
    }
}
