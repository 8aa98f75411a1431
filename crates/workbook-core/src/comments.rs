//! Authors' comments: `<!-- ... -->`, notes from one author to the next that participants never
//! see.
//!
//! Markdown reads a comment as HTML, so without this module every comment would be reported as
//! raw HTML. Instead the `markdown` pass drops comments quietly, `fields` skips comment lines
//! among fields (and comments inside a value), and `fences` does not open a block inside a
//! comment, so a whole exercise can be commented out. What this module reports:
//!
//! - a comment that is never closed, which hides everything after it;
//! - words after a comment on a line that starts with one, which markdown hides with it.
//!
//! A comment that says TODO or VERIFY is advice to authors, in `lints`.

use crate::diagnostic::{Code, Help, Reporter};
use crate::source::Span;

/// What opens a comment.
pub(crate) const OPEN: &str = "<!--";
/// What closes one.
pub(crate) const CLOSE: &str = "-->";

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
/// or by `lints::todo_comments` if it says TODO).
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
}
