//! Advice to authors: the checks that can only warn, and never change what is read.
//!
//! Each check here looks at content that the workbook reads and shows as it is, and says what an
//! author may want to change: a comment that says TODO, a file no week list names, a week with
//! nothing to do, curly quotes that will be shown, a skipped heading level, a plain `http:`
//! link, a content note on an exercise not marked sensitive, a list without ids in a curriculum
//! that is in use, no crisis line beside sensitive exercises, a label of the interface named
//! the way the interface no longer shows it. Their codes are the ones
//! [`Code::is_lint`] names (`[lint]` in `diagnostic.rs`).
//!
//! This module is compiled only with the crate's `lints` feature. It is on by default, so
//! `workbook check` and the authors' live preview (`cargo xtask serve`) report all of it; the
//! participant's app is built without it, because it shows diagnostics only when the content
//! has errors and none of this could be acted on there, yet it would be part of every
//! participant's download. Every error, every model-changing check and every other warning
//! lives in the other modules and is built into both, so the two builds read any content into
//! the same curriculum (a test in `crates/workbook-core/tests` holds them to it).
//!
//! So a check may move here only if it pushes warnings of its own [`Code`] and nothing else:
//! no error, no change to a draft or the model, no value another pass reads.

use crate::checks::Located;
use crate::comments::{CLOSE, OPEN};
use crate::diagnostic::{Code, Diagnostic, Help, Reporter};
use crate::fences::{closes_code_fence, opens_code_fence};
use crate::fields::{Spanned, lines_in};
use crate::interface::{Catalog, Msg};
use crate::manifest::ManifestDraft;
use crate::model::{SupportLine, Week};
use crate::source::{SourceFile, Sources, Span};
use crate::week::WeekDraft;
use crate::{GUIDE_FILE, MANIFEST_FILE};

/// The words that mark a comment as work still to do, compared without regard to case.
const MARKERS: [&str; 2] = ["todo", "verify"];

/// Warns about every comment in the file that says TODO or VERIFY (as a word, in any case), so
/// `workbook check --deny-warnings` fails until the work is done (`workbook new` and `workbook
/// init` write such placeholders). Code blocks and `code` spans are passed over: a comment shown
/// as code is an example, not a note.
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

/// Warns about each markdown file in the content folder that the manifest does not list (the
/// authors' guide apart): it is not part of the workbook.
pub(crate) fn unlisted_files(
    sources: &Sources,
    manifest: &ManifestDraft<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for file in sources.iter() {
        let path = file.path();
        let listed = path == MANIFEST_FILE
            || path == GUIDE_FILE
            || manifest.weeks.iter().any(|w| w.text == path)
            || manifest.translations.iter().any(|tag| {
                path.strip_prefix(tag.text.as_ref())
                    .is_some_and(|rest| rest.starts_with('/'))
            });
        if !listed && path.ends_with(".md") {
            Reporter::new(file, out)
                .warning(
                    Code::UnlistedFile,
                    0..0,
                    "this file is not listed in curriculum.md, so it is not part of the workbook",
                )
                .help(format!(
                    "add `- {path}` to the `weeks:` list in curriculum.md, or delete the file"
                ));
        }
    }
}

/// In a curriculum that is in use, a list whose ids are derived from its labels loses its
/// answers to "earlier versions" when a label is reworded: say so, once per list.
pub(crate) fn derived_ids(
    manifest: &ManifestDraft<'_>,
    exercises: &[Located<'_>],
    out: &mut Vec<Diagnostic>,
) {
    if !manifest.in_use {
        return;
    }
    for located in exercises {
        for span in &located.draft.derived_ids {
            Reporter::new(located.file, out)
                .warning(
                    Code::DerivedIds,
                    span.clone(),
                    "this list has entries without ids, and the curriculum is in use",
                )
                .help("write an id after each entry, such as `- Feeling lonely {#lonely}`, so a later change of words keeps participants' answers with it");
        }
    }
}

/// A curriculum with sensitive exercises needs a line that is open at any hour for someone in
/// crisis: the support panel shows it first, and the steps around those exercises point to it.
pub(crate) fn crisis_line(
    manifest_file: &SourceFile,
    manifest: &ManifestDraft<'_>,
    lines: &[SupportLine],
    weeks: &[Week],
    out: &mut Vec<Diagnostic>,
) {
    let sensitive = weeks
        .iter()
        .flat_map(|week| &week.exercises)
        .any(|exercise| exercise.sensitive);
    let Some((first, _)) = manifest.support_lines.first() else {
        return; // `no-support-lines` has said so already.
    };
    if sensitive && !lines.iter().any(|line| line.crisis) {
        Reporter::new(manifest_file, out)
            .warning(
                Code::NoCrisisLine,
                first.opener.clone(),
                "the curriculum has sensitive exercises, but no support line is marked for a crisis",
            )
            .help("add `crisis: yes` to a line that is open at any hour, such as Samaritans (116 123 in the UK); the support panel then shows it first");
    }
}

/// Warns about a week with no `::: exercise` block (one with mistakes counts).
pub(crate) fn no_exercises(reporter: &mut Reporter<'_, '_>, draft: &WeekDraft<'_>) {
    if draft.exercises().next().is_none() {
        reporter
            .warning(Code::NoExercises, draft.anchor.clone(), "this week has no exercises")
            .help("add at least one `::: exercise` block, so there is something to do between sessions");
    }
}

/// Warns about a content note on an exercise that is not marked `sensitive: yes`: the workbook
/// shows the note, but not the steps around a sensitive exercise (asking whether now is a good
/// time, grounding before, winding down and the support lines after). `sensitive` is `None`
/// when its value is neither yes nor no (reported): the note is then not judged.
pub(crate) fn content_note_needs_sensitive(
    reporter: &mut Reporter<'_, '_>,
    sensitive: Option<bool>,
    content_note: Option<&Spanned<'_>>,
) {
    let Some(note) = content_note.filter(|_| sensitive == Some(false)) else {
        return;
    };
    reporter
        .warning(
            Code::ContentNoteNotSensitive,
            note.span.clone(),
            "this exercise has a content note but is not marked `sensitive: yes`, so it is shown without the steps that protect people",
        )
        .help("add `sensitive: yes`, so the workbook asks whether now is a good time and offers the grounding and wind-down steps; or delete the note if the exercise is not sensitive");
}

/// Warns about curly quotes around the whole of a value: straight quotes there are removed,
/// but curly ones (which word processors type) are shown.
#[inline]
pub(crate) fn curly_quotes(reporter: &mut Reporter<'_, '_>, value: &str, offset: usize) {
    // Called for every value. Every curly quote starts with the byte 0xE2 in UTF-8, and most
    // values start with a plain letter.
    if value.as_bytes().first() == Some(&0xE2) {
        report_curly_quotes(reporter, value, offset);
    }
}

/// [`curly_quotes`], for a value that may start with one; out of the hot loop.
#[inline(never)]
fn report_curly_quotes(reporter: &mut Reporter<'_, '_>, value: &str, offset: usize) {
    let mut chars = value.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return;
    };
    let double = matches!(first, '“' | '”' | '„') && matches!(last, '”' | '“');
    let single = matches!(first, '‘' | '’' | '‚') && matches!(last, '’' | '‘');
    if !(double || single) {
        return;
    }
    // The quotes as written: a curly quote is three bytes in UTF-8.
    let quotes = format!("{}…{}", &value[..3], &value[value.len() - 3..]);
    let straight = if double { "\"…\"" } else { "'…'" };
    reporter
        .warning(
            Code::CurlyQuotes,
            offset..offset + value.len(),
            format!("the curly quotes {quotes} around this value are shown to participants"),
        )
        .help(format!(
            "delete them, or type straight quotes ({straight}), which the workbook removes"
        ));
}

/// Warns when a heading is more than one level below the heading before it in the same reading
/// or prompt (`##` then `####`): screen readers move through a page by its heading levels, and
/// a skipped level reads as a missing section.
pub(crate) fn heading_level(
    reporter: &mut Reporter<'_, '_>,
    previous: &mut Option<u8>,
    level: u8,
    span: Span,
) {
    if let Some(before) = *previous
        && level > before + 1
    {
        let hashes = |n: u8| "#".repeat(usize::from(n));
        reporter
            .warning(
                Code::SkippedHeadingLevel,
                span.start..span.start + usize::from(level),
                format!(
                    "this heading is `{}`, but the heading before it is `{}`, so a level is skipped",
                    hashes(level),
                    hashes(before)
                ),
            )
            .help(format!(
                "use `{}` here; people who use screen readers move through a page by its heading levels",
                hashes(before + 1)
            ));
    }
    *previous = Some(level);
}

/// Warns about a link to a plain `http:` address (which is kept: the page may have no other).
pub(crate) fn insecure_link(reporter: &mut Reporter<'_, '_>, span: Span) {
    reporter
        .warning(Code::InsecureLink, span, "this link uses plain `http:`")
        .help("use the site's `https:` address so nobody can read or change the page on its way");
}

/// The longest phrase taken for a label of the interface, in characters.
const LABEL_MAX_CHARS: usize = 60;

/// At most this many quoted or bold phrases of one file are compared with the interface's
/// labels: enough for any week, and a bound on the work hostile content can cause.
const LABEL_PHRASES_PER_FILE: usize = 500;

/// Warns where content names a label of the interface that the interface does not show: a
/// phrase in quotes or in bold ("Save a backup file", **Quick exit**) that is nearly, but not
/// exactly, one of the catalog's messages. Most often a label was reworded in `interface/` and
/// not in the weeks that name it, which leaves a participant looking for a button that is not
/// there.
pub(crate) fn interface_labels(file: &SourceFile, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let labels: Vec<(Msg, String)> = Msg::ALL
        .iter()
        .filter(|msg| msg.args().is_empty() && catalog.has(**msg))
        .map(|msg| (*msg, catalog.text(*msg, &[])))
        .filter(|(_, label)| {
            let words = label.split_whitespace().count();
            (1..=6).contains(&words) && label.chars().count() >= 4
        })
        .collect();
    let mut reporter = Reporter::new(file, out);
    for (span, phrase) in quoted_phrases(file.text()).take(LABEL_PHRASES_PER_FILE) {
        let shown = |phrase: &str| {
            let phrase = phrase.to_lowercase();
            labels
                .iter()
                .any(|(_, label)| label.to_lowercase() == phrase)
        };
        // A sentence's own full stop or comma is not part of the label it names.
        let trimmed = phrase.trim_end_matches(['.', ',', ':', ';', '!', '?']);
        if shown(phrase) || shown(trimmed) {
            continue;
        }
        let phrase = trimmed;
        // A word or two in bold is emphasis, not a label: only phrases of two words or more.
        if phrase.split_whitespace().count() < 2 || phrase.chars().count() < 8 {
            continue;
        }
        let lowered = phrase.to_lowercase();
        let allowed = (lowered.chars().count() / 6).max(1);
        let nearest = labels
            .iter()
            .filter(|(_, label)| label.chars().count().abs_diff(lowered.chars().count()) <= allowed)
            .map(|(msg, label)| {
                (
                    strsim::osa_distance(&lowered, &label.to_lowercase()),
                    msg,
                    label,
                )
            })
            .filter(|(distance, _, _)| *distance <= allowed)
            .min_by_key(|(distance, _, _)| *distance);
        if let Some((_, msg, label)) = nearest {
            reporter
                .warning(
                    Code::InterfaceLabel,
                    span,
                    format!("“{phrase}” is not a label the workbook shows: it shows “{label}”"),
                )
                .help(format!(
                    "write the label as the workbook shows it, or reword `{}` in interface/{}.ftl",
                    msg.name(),
                    catalog.language
                ));
        }
    }
}

/// The phrases of a text in quotes ("…", “…”) or in bold (`**…**`), each on one line, with
/// where they are (the words inside the marks).
fn quoted_phrases(text: &str) -> impl Iterator<Item = (Span, &str)> {
    const MARKS: [(&str, &str); 3] = [("\"", "\""), ("“", "”"), ("**", "**")];
    let mut phrases = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        for (open, close) in MARKS {
            let mut rest = 0;
            while let Some(start) = line[rest..].find(open).map(|i| rest + i + open.len()) {
                let Some(end) = line[start..].find(close).map(|i| start + i) else {
                    break;
                };
                let phrase = line[start..end].trim();
                if !phrase.is_empty() && phrase.chars().count() <= LABEL_MAX_CHARS {
                    phrases.push((
                        offset + start..offset + end,
                        &text[offset + start..offset + end],
                    ));
                }
                rest = end + close.len();
            }
        }
        offset += line.len();
    }
    phrases
        .into_iter()
        .map(|(span, phrase)| (span, phrase.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
