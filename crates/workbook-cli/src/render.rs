//! Diagnostics for people: rustc-style, with the source line, a caret and the help line.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use workbook_core::{Code, Diagnostic, Severity, Sources};

/// Renders every diagnostic and a closing summary.
pub fn human(sources: &Sources, diagnostics: &[Diagnostic], folder: &str, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&renderer.render(&[group(sources, diagnostic)]));
        out.push_str("\n\n");
    }
    out.push_str(&summary(diagnostics, folder));
    out.push('\n');
    out
}

fn group<'a>(sources: &'a Sources, diagnostic: &'a Diagnostic) -> Group<'a> {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code.as_str());
    let mut group = match sources.get(&diagnostic.file) {
        Some(file) => {
            let text = file.text();
            // An empty span still deserves a caret: widen it to the character it sits on.
            let mut span = diagnostic.span.clone();
            if span.is_empty() {
                span.end = text[span.start..]
                    .chars()
                    .next()
                    .filter(|c| *c != '\n' && *c != '\r')
                    .map_or(span.start, |c| span.start + c.len_utf8());
            }
            title.element(
                Snippet::source(text)
                    .path(diagnostic.file.as_str())
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        None => title.element(Level::NOTE.message(format!("in {}", diagnostic.file))),
    };
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}

/// `2 errors and 1 warning in content.` or `content: no problems found.`, then how many authors'
/// comments still say TODO or VERIFY (they are among the warnings; counting them apart tells an
/// author how much of a new week or curriculum is still to be written).
pub fn summary(diagnostics: &[Diagnostic], folder: &str) -> String {
    let errors = problems(diagnostics, Diagnostic::is_error);
    let warnings = problems(diagnostics, |d| !d.is_error());
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let mut line = match (errors, warnings) {
        (0, 0) => format!("{folder}: no problems found."),
        (0, w) => format!("{} in {folder}; no errors.", count(w, "warning")),
        (e, 0) => format!("{} in {folder}.", count(e, "error")),
        (e, w) => format!(
            "{} and {} in {folder}.",
            count(e, "error"),
            count(w, "warning")
        ),
    };
    let todos = problems(diagnostics, |d| d.code == Code::TodoComment);
    if todos > 0 {
        let says = if todos == 1 { "says" } else { "say" };
        line.push_str(&format!(
            " {} {says} TODO or VERIFY.",
            count(todos, "comment")
        ));
    }
    line
}

/// How many problems the diagnostics that match stand for: a summary of those of one code
/// beyond the first few in a file (`Diagnostic::more`) counts as all of them.
fn problems(diagnostics: &[Diagnostic], matches: impl Fn(&Diagnostic) -> bool) -> usize {
    diagnostics
        .iter()
        .filter(|d| matches(d))
        .map(Diagnostic::count)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use workbook_core::SourceFile;

    fn todo() -> Diagnostic {
        let file = SourceFile::new("week-01.md", "<!-- TODO -->");
        Diagnostic::new(Severity::Warning, Code::TodoComment, &file, 5..9, "todo")
    }

    #[test]
    fn summaries_count_todo_comments() {
        assert_eq!(summary(&[], "content"), "content: no problems found.");
        assert_eq!(
            summary(&[todo()], "content"),
            "1 warning in content; no errors. 1 comment says TODO or VERIFY."
        );
        assert_eq!(
            summary(&[todo(), todo()], "content"),
            "2 warnings in content; no errors. 2 comments say TODO or VERIFY."
        );
    }

    #[test]
    fn summaries_count_every_problem_a_capped_list_stands_for() {
        // The core lists the first few of one code in a file, then one that stands for the rest.
        let rest = Diagnostic { more: 4, ..todo() };
        let mut error = todo();
        error.severity = Severity::Error;
        assert_eq!(
            summary(&[todo(), rest, error], "content"),
            "1 error and 5 warnings in content. 6 comments say TODO or VERIFY."
        );
    }
}
