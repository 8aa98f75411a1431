//! Splits a file's body into runs of ordinary markdown and `:::` blocks.
//!
//! ```text
//! ::: exercise          <- opening line: three colons and the block's name
//! id: my-exercise       <- fields, up to the first blank line
//! kind: writing
//!
//! The prompt, in ordinary markdown.
//! :::                   <- closing line: three colons alone
//! ```
//!
//! Colon fences are the syntax of pandoc's fenced divs and MyST, so many authors have seen them,
//! and GitHub shows the lines between them as ordinary markdown. Only fences at the start of a
//! line count, and never inside a code block or an author's comment (so a block can be commented
//! out). Blocks do not nest: an opening line inside an open block closes the open one (with a
//! diagnostic) so that one slip does not swallow the file. `fence_checks` names the slips that
//! stop a line from being read as a fence (`::::`, an invisible character before `:::`).

use crate::comments;
use crate::diagnostic::{Code, Help, Reporter};
use crate::fence_checks;
use crate::fields::lines_in;
use crate::prompt_checks;
use crate::source::Span;

/// A piece of a file's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    /// Ordinary markdown.
    Markdown(Span),
    /// A `:::` block.
    Fenced(FencedBlock),
}

/// One `:::` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FencedBlock {
    pub name: String,
    pub name_span: Span,
    /// The opening line, where diagnostics about the block as a whole point.
    pub opener: Span,
    /// The field lines, up to the first blank line.
    pub fields: Span,
    /// The markdown after the fields, up to the closing line.
    pub body: Span,
    /// Lines of the body that look like fields (`name: value`), outside code and comments: an
    /// exercise reports those it knows as written below the blank line.
    pub field_like: Vec<Span>,
}

struct Open {
    block: FencedBlock,
    in_fields: bool,
}

/// Splits `range` of the reporter's file.
pub(crate) fn split(reporter: &mut Reporter<'_, '_>, range: Span) -> Vec<Segment> {
    let text = reporter.file.text();
    let mut segments = Vec::new();
    let mut markdown_start = range.start;
    let mut open: Option<Open> = None;
    let mut code_fence: Option<(char, usize)> = None;
    let mut in_comment = false;

    for (start, line, next_line_start) in lines_in(text, range.clone()) {
        let line_end = start + line.len();

        if let Some(fence) = code_fence {
            if closes_code_fence(line, fence) {
                code_fence = None;
            }
            extend(&mut open, line, start, next_line_start);
            continue;
        }
        // A `:::` line inside an author's comment is commented out, not a block.
        if in_comment {
            in_comment = !line.contains(comments::CLOSE);
            extend(&mut open, line, start, next_line_start);
            continue;
        }
        // A comment that nothing closes is reported where it is read; here it must not take
        // every block after it with it.
        if comments::opens_block_comment(line) && text[next_line_start..].contains(comments::CLOSE)
        {
            in_comment = true;
            extend(&mut open, line, start, next_line_start);
            continue;
        }
        if let Some(fence) = opens_code_fence(line) {
            code_fence = Some(fence);
            extend(&mut open, line, start, next_line_start);
            continue;
        }

        let Some((trimmed, trimmed_at)) = fence_checks::fence_line(reporter, start, line) else {
            extend(&mut open, line, start, next_line_start);
            note_field_like(&mut open, line, start);
            continue;
        };
        // MyST writes `:::{exercise}`; accept the braces, but only as a matching pair.
        let braced = trimmed
            .strip_prefix('{')
            .and_then(|inner| inner.strip_suffix('}'));
        let name = braced.unwrap_or(trimmed);

        if name.is_empty() {
            match open.take() {
                Some(Open { block, .. }) => {
                    segments.push(Segment::Fenced(block));
                    markdown_start = next_line_start;
                }
                None => {
                    reporter
                        .error(Code::StrayBlockEnd, start..line_end, "this `:::` closes nothing")
                        .help("delete it, or add the opening line (such as `::: exercise`) above the block");
                }
            }
            continue;
        }

        if let Some(Open { block, .. }) = open.take() {
            report_unclosed(reporter, &block, Some(start));
            segments.push(Segment::Fenced(block));
        } else if markdown_start < start {
            segments.push(Segment::Markdown(markdown_start..start));
        }
        let name_offset = start + trimmed_at + usize::from(braced.is_some());
        open = Some(Open {
            block: FencedBlock {
                name: name.to_string(),
                name_span: name_offset..name_offset + name.len(),
                opener: start..line_end,
                fields: next_line_start..next_line_start,
                body: next_line_start..next_line_start,
                field_like: Vec::new(),
            },
            in_fields: true,
        });
    }

    match open {
        Some(Open { block, .. }) => {
            report_unclosed(reporter, &block, None);
            segments.push(Segment::Fenced(block));
        }
        None if markdown_start < range.end => {
            segments.push(Segment::Markdown(markdown_start..range.end));
        }
        None => {}
    }
    segments
}

/// Grows the open block (if any) by one line: into its fields until the first blank line, then
/// into its body.
fn extend(open: &mut Option<Open>, line: &str, start: usize, next_line_start: usize) {
    let Some(open) = open else { return };
    if open.in_fields {
        if line.trim().is_empty() {
            open.in_fields = false;
            open.block.body = next_line_start..next_line_start;
        } else {
            open.block.fields.end = next_line_start;
            open.block.body = next_line_start..next_line_start;
        }
    } else {
        if open.block.body.start > start {
            open.block.body.start = start;
        }
        open.block.body.end = next_line_start;
    }
}

/// Remembers a line of an open block's body that looks like a field.
fn note_field_like(open: &mut Option<Open>, line: &str, start: usize) {
    if let Some(open) = open
        && !open.in_fields
        && prompt_checks::field_name(line).is_some()
    {
        open.block.field_like.push(start..start + line.len());
    }
}

fn report_unclosed(
    reporter: &mut Reporter<'_, '_>,
    block: &FencedBlock,
    next_opener: Option<usize>,
) {
    let message = format!("this `{}` block is not closed", block.name);
    let help = match next_opener {
        Some(offset) => {
            let (line, _) = reporter.file.line_column(offset);
            format!("add a line with only `:::` before the next block starts on line {line}")
        }
        None => "add a line with only `:::` where the block ends".to_string(),
    };
    reporter
        .error(Code::UnclosedBlock, block.opener.clone(), message)
        .help(help);
}

/// A code fence per CommonMark: up to three spaces, then three or more backticks or tildes.
#[inline]
pub(crate) fn opens_code_fence(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let fence_char = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = rest.len() - rest.trim_start_matches(fence_char).len();
    if length < 3 {
        return None;
    }
    if fence_char == '`' && rest[length..].contains('`') {
        return None;
    }
    Some((fence_char, length))
}

/// True if `line` closes the code fence that `opens_code_fence` returned.
#[inline]
pub(crate) fn closes_code_fence(line: &str, (fence_char, length): (char, usize)) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let run = trimmed.len() - trimmed.trim_start_matches(fence_char).len();
    run >= length && trimmed[run..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn split_text(text: &str) -> (Vec<Segment>, Vec<String>) {
        let file = SourceFile::new("t.md", text);
        let mut out = Vec::new();
        let segments = split(&mut Reporter::new(&file, &mut out), 0..text.len());
        (segments, out.iter().map(ToString::to_string).collect())
    }

    fn slice(text: &str, span: &Span) -> String {
        text[span.clone()].to_string()
    }

    #[test]
    fn splits_markdown_and_blocks() {
        let text = "Intro\n\n::: exercise\nid: a\nkind: writing\n\nPrompt\n:::\nAfter\n";
        let (segments, diagnostics) = split_text(text);
        assert!(diagnostics.is_empty());
        assert_eq!(segments.len(), 3);
        let Segment::Markdown(intro) = &segments[0] else {
            panic!()
        };
        assert_eq!(slice(text, intro), "Intro\n\n");
        let Segment::Fenced(block) = &segments[1] else {
            panic!()
        };
        assert_eq!(block.name, "exercise");
        assert_eq!(slice(text, &block.name_span), "exercise");
        assert_eq!(slice(text, &block.fields), "id: a\nkind: writing\n");
        assert_eq!(slice(text, &block.body), "Prompt\n");
        let Segment::Markdown(after) = &segments[2] else {
            panic!()
        };
        assert_eq!(slice(text, after), "After\n");
    }

    #[test]
    fn colons_inside_code_do_not_count() {
        let text = "```\n:::\n```\n";
        let (segments, diagnostics) = split_text(text);
        assert!(diagnostics.is_empty());
        assert_eq!(segments, vec![Segment::Markdown(0..text.len())]);
    }

    #[test]
    fn an_opening_line_inside_a_block_closes_it_and_says_so() {
        let text = "::: exercise\nid: a\n\n::: exercise\nid: b\n:::\n";
        let (segments, diagnostics) = split_text(text);
        assert_eq!(segments.len(), 2);
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].starts_with("t.md:1:1: error[unclosed-block]"));
    }

    #[test]
    fn myst_braces_are_accepted() {
        let (segments, _) = split_text(":::{exercise}\nid: a\n:::\n");
        let Segment::Fenced(block) = &segments[0] else {
            panic!()
        };
        assert_eq!(block.name, "exercise");
        assert_eq!(block.name_span, 4..12);
    }
}
