//! Diagnostics: what is wrong with the content, where, and what to do about it.
//!
//! Every diagnostic carries a stable [`Code`] that the authors' guide (`content/README.md`) explains,
//! so an author can look it up. Messages say what happened; the help line says what to do.

use serde::{Deserialize, Serialize};

use crate::source::{SourceFile, Span};

/// How bad a problem is. Errors stop a curriculum from being published (`workbook check` exits 1);
/// warnings are worth fixing but do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed.
    Error,
    /// Should be fixed.
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $name:literal $([$lint:ident])?: $summary:literal,)*) => {
        /// The stable name of each kind of problem. The names never change once published, so
        /// authors and tools can rely on them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $(#[doc = $summary] $variant,)* }

        impl Code {
            /// Every code, in the order the authors' guide lists them.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as authors see it, for example `unknown-kind`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// One sentence on what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// The code with the given name, if there is one.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }

            /// True for the codes of advice to authors (marked `[lint]` in the table below):
            /// always warnings, and never a change to the parsed curriculum. Only a build with
            /// the `lints` feature reports them; the participant's app is built without it.
            pub fn is_lint(self) -> bool {
                match self { $(Code::$variant => codes!(@lint $($lint)?),)* }
            }
        }
    };
    (@lint lint) => { true };
    (@lint) => { false };
}

// `[lint]` marks advice to authors, which only the `lints` feature compiles in (see `lints.rs`).
codes! {
    MissingManifest = "missing-manifest": "The content folder has no curriculum.md.",
    MissingFrontMatter = "missing-front-matter": "A file does not start with a front matter block between `---` lines.",
    UnclosedFrontMatter = "unclosed-front-matter": "The front matter block has no closing `---` line.",
    MalformedField = "malformed-field": "A line in front matter or at the top of a block is not `name: value`.",
    UnknownField = "unknown-field": "A field name the format does not know (often a typing slip).",
    WrongKindField = "wrong-kind-field": "A field that belongs to another kind of exercise.",
    DuplicateField = "duplicate-field": "The same field is given twice.",
    MissingField = "missing-field": "A field that must be there is missing.",
    InvalidValue = "invalid-value": "A field's value is not of the form it needs.",
    InvalidId = "invalid-id": "An id is not made of lowercase letters, digits and hyphens.",
    DuplicateId = "duplicate-id": "Two exercises share one id.",
    MissingWeekFile = "missing-week-file": "The manifest lists a week file that does not exist.",
    UnlistedFile = "unlisted-file" [lint]: "A markdown file in the content folder is not listed in the manifest.",
    NoWeeks = "no-weeks": "The manifest lists no weeks.",
    NoSupportLines = "no-support-lines": "The manifest has no support lines.",
    NoCrisisLine = "no-crisis-line" [lint]: "The curriculum has sensitive exercises, but no support line is marked as open at any hour for a crisis.",
    UnsafeQuickExit = "unsafe-quick-exit": "The quick-exit destination is not a plain https address.",
    DuplicateWeek = "duplicate-week": "Two week files have the same week number.",
    WeekOutOfOrder = "week-out-of-order": "Week numbers do not go up in the order the manifest lists them.",
    MissingWeek = "missing-week": "Week numbers skip a week.",
    UnknownBlock = "unknown-block": "A `:::` block has a name the format does not know.",
    MisplacedBlock = "misplaced-block": "A block that belongs in another file.",
    UnclosedBlock = "unclosed-block": "A `:::` block is not closed with a `:::` line.",
    StrayBlockEnd = "stray-block-end": "A closing `:::` line with no block open.",
    DuplicateBlock = "duplicate-block": "A block that may appear once appears twice.",
    UnknownKind = "unknown-kind": "An exercise kind the format does not know.",
    BadRange = "bad-range": "A rating range that is not two whole numbers, lowest first.",
    AnchorOutOfRange = "anchor-out-of-range": "A rating anchor outside the rating's range.",
    DuplicateOption = "duplicate-option": "The same option, column or section is listed twice.",
    EmptyPrompt = "empty-prompt": "An exercise has no prompt text.",
    MissingContentNote = "missing-content-note": "A sensitive exercise has no content note.",
    MissingGrounding = "missing-grounding": "A sensitive exercise has no grounding or wind-down step to show.",
    BadRepeat = "bad-repeat": "A rating, choice or questionnaire says it repeats an exercise it cannot be compared with.",
    BadCondition = "bad-condition": "A `show-if` condition names something that does not exist, asks the wrong kind of exercise, or can never be met.",
    DerivedIds = "derived-ids" [lint]: "A list in a curriculum that is in use has no ids, so rewording a label would move answers to earlier versions.",
    NoExercises = "no-exercises" [lint]: "A week has no exercises.",
    // Format slips that used to pass silently or with a misleading diagnostic.
    TodoComment = "todo-comment" [lint]: "An author's comment says TODO or VERIFY: something is still to be done or checked.",
    UnclosedComment = "unclosed-comment": "An author's comment `<!--` is not closed with `-->`.",
    TextAfterComment = "text-after-comment": "Words follow a comment on a line that starts with one, so they are hidden.",
    FieldInPrompt = "field-in-prompt": "A field is written in the prompt, below the blank line that ends the fields.",
    YamlBlockMarker = "yaml-block-marker": "A field's value is YAML's `|` or `>`, which the workbook would show as it is.",
    CurlyQuotes = "curly-quotes" [lint]: "A value is wrapped in curly quotes, which are shown (straight quotes are removed).",
    MalformedLink = "malformed-link": "A link to a week or an exercise is written in a form the workbook cannot follow.",
    FootnoteNotAllowed = "footnote-not-allowed": "Content contains a footnote, which the workbook does not show as one.",
    BlockNotAtLineStart = "block-not-at-line-start": "A `:::` line is inside a quote or a list item, or indented, so its block is not read.",
    ContentNoteNotSensitive = "content-note-not-sensitive" [lint]: "An exercise has a content note but is not marked sensitive.",
    SkippedHeadingLevel = "skipped-heading-level" [lint]: "A heading is more than one level below the heading before it.",
    InvisibleCharacter = "invisible-character": "An invisible character (a tab, a non-breaking or zero-width space, a byte-order mark) changes how a line is read.",
    TooManyColons = "too-many-colons": "A block's opening or closing line has four or more colons.",
    WrongListMarker = "wrong-list-marker": "A list among the fields uses `*`, `+` or `1.` where the format needs `- `.",
    RawHtml = "raw-html": "Content contains raw HTML, which the workbook never shows.",
    UnsafeLink = "unsafe-link": "A link whose address could run code or leave the workbook unsafely.",
    InsecureLink = "insecure-link" [lint]: "A link to a plain `http:` address.",
    BrokenLink = "broken-link": "A link to a week or exercise that does not exist.",
    ImageNotAllowed = "image-not-allowed": "Content contains an image.",
    UnknownCallout = "unknown-callout": "A callout type the workbook does not show.",
    ControlCharacter = "control-character": "Content contains an invisible control character.",
    TooDeep = "too-deep": "Lists or quotes are nested too deeply to show.",
    FileTooLarge = "file-too-large": "A file is larger than the workbook will read.",
    // The interface text (`interface/<language>.ftl`).
    MissingInterfaceText = "missing-interface-text": "A language of the curriculum has no interface text, and the workbook has none of its own in that language.",
    CatalogSyntax = "catalog-syntax": "A line of the interface text cannot be read as a message.",
    CatalogUnsupported = "catalog-unsupported": "The interface text uses a part of Fluent's syntax the workbook does not read.",
    DuplicateMessage = "duplicate-message": "The interface text gives one message twice.",
    UnknownMessage = "unknown-message": "The interface text has a message the app never shows.",
    MissingMessage = "missing-message": "The interface text lacks messages the app shows.",
    UnknownPlaceholder = "unknown-placeholder": "A message uses a placeholder the app does not fill in.",
    MissingPlaceholder = "missing-placeholder": "A message leaves out a placeholder the English text shows.",
    // Translations (`translations:`, one folder per language).
    MissingTranslation = "missing-translation": "The manifest lists a translation whose folder has no curriculum.md.",
    TranslationMismatch = "translation-mismatch": "A translation does not line up with the curriculum: other weeks, exercises, ids, kinds or settings.",
    InterfaceLabel = "interface-label" [lint]: "Content names a button or heading of the workbook in words the workbook does not show (often a label reworded in `interface/`).",
    PluralForms = "plural-forms" [lint]: "A choice by number lacks a plural form of the language, or has one the language does not use.",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Code::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown diagnostic code `{name}`")))
    }
}

/// One problem found in the content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code, explained in the authors' guide.
    pub code: Code,
    /// What happened, in one sentence.
    pub message: String,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The file, relative to the content folder.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The byte range in the file that the diagnostic points at.
    pub span: Span,
    /// On the summary that stands for the problems of one code in one file beyond the first
    /// [`MAX_PER_CODE`]: how many it stands for (it sits where the first of them is). 0 on
    /// every other diagnostic.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Diagnostic {
    /// A diagnostic located at `span` in `file`.
    pub fn new(
        severity: Severity,
        code: Code,
        file: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = file.line_column(span.start);
        Diagnostic {
            severity,
            code,
            message: message.into(),
            help: None,
            file: file.path().to_string(),
            line,
            column,
            span,
            more: 0,
        }
    }

    /// How many problems this diagnostic stands for: 1, or [`Diagnostic::more`] on a summary.
    pub fn count(&self) -> usize {
        self.more.max(1)
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Diagnostic {
    /// The one-line form used by the fixture tests: `file:line:column: error[code]: message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}",
            self.file, self.line, self.column, severity, self.code, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n    help: {help}")?;
        }
        Ok(())
    }
}

/// Collects diagnostics for one file as the passes find them.
/// `'a` is the file's lifetime, which parsed drafts may borrow; `'d` the list's, which they may not.
pub(crate) struct Reporter<'a, 'd> {
    pub file: &'a SourceFile,
    pub out: &'d mut Vec<Diagnostic>,
}

impl<'a, 'd> Reporter<'a, 'd> {
    pub fn new(file: &'a SourceFile, out: &'d mut Vec<Diagnostic>) -> Self {
        Reporter { file, out }
    }

    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.push(Severity::Error, code, span, message)
    }

    pub fn warning(
        &mut self,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Warning, code, span, message)
    }

    fn push(
        &mut self,
        severity: Severity,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.out
            .push(Diagnostic::new(severity, code, self.file, span, message));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}

/// Lets a pass write `reporter.error(..).help("...")`.
pub(crate) trait Help {
    fn help(&mut self, help: impl Into<String>);
}

impl Help for Diagnostic {
    fn help(&mut self, help: impl Into<String>) {
        self.help = Some(help.into());
    }
}

/// At most this many diagnostics of one code are listed for one file; one summary stands for
/// the rest. Twenty show an author the pattern (and most of a page of a hand-made mistake)
/// without burying the file's other problems under one pasted block: content pasted from a web
/// page can bring a problem on every line, hundreds of thousands in a file.
pub const MAX_PER_CODE: usize = 20;

/// The diagnostics in order, by file path, then position (start, then end), in the order they
/// were found otherwise; and at most [`MAX_PER_CODE`] of one code in one file, the rest counted
/// in one summary where the first of them was. The summary is an error if any it stands for is
/// one, so whether there are errors (or any problems) never changes.
///
/// The order takes O(n log n) steps however many there are: a merge sort of the diagnostics'
/// places, then one pass that moves each into its place (or drops it). Insertion sort, which
/// this replaced, took quadratic time when hostile content brought many problems out of order;
/// std's `sort_by` would add kilobytes to the browser's download.
pub(crate) fn ordered_and_capped(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let n = diagnostics.len();
    let mut order: Vec<usize> = (0..n).collect();
    merge_sort(&mut order, &mut vec![0; n], &diagnostics);
    let mut places: Vec<Option<Diagnostic>> = diagnostics.into_iter().map(Some).collect();
    let mut kept: Vec<Diagnostic> = Vec::new();
    // For each code, in the file at hand: how many were found, and where their summary is.
    let mut found = [(0, 0); Code::ALL.len()];
    for at in order {
        let Some(diagnostic) = places[at].take() else {
            continue;
        };
        if kept.last().is_some_and(|last| last.file != diagnostic.file) {
            found = [(0, 0); Code::ALL.len()];
        }
        let (count, summary) = &mut found[diagnostic.code as usize];
        *count += 1;
        let error = diagnostic.is_error();
        if *count <= MAX_PER_CODE + 1 {
            // Listed, or (the first beyond the cap) listed as the summary of the rest.
            if *count > MAX_PER_CODE {
                *summary = kept.len();
            }
            kept.push(diagnostic);
            if *count <= MAX_PER_CODE {
                continue;
            }
        }
        let summary = &mut kept[*summary];
        summary.more += 1;
        if error {
            summary.severity = Severity::Error;
        }
    }
    for summary in kept.iter_mut().filter(|d| d.more > 0) {
        summary.message = format!(
            "… and {} more like the ones above in this file (fix those, then check again to \
             list these)",
            summary.more
        );
    }
    kept
}

/// Sorts `order`, places in `diagnostics`, stably with [`before`]. `scratch` is as long as
/// `order`, room to merge in.
fn merge_sort(order: &mut [usize], scratch: &mut [usize], diagnostics: &[Diagnostic]) {
    let middle = order.len() / 2;
    if middle == 0 {
        return;
    }
    merge_sort(&mut order[..middle], &mut scratch[..middle], diagnostics);
    merge_sort(&mut order[middle..], &mut scratch[middle..], diagnostics);
    // Two halves already in order need no merging (most are).
    if !before(&diagnostics[order[middle]], &diagnostics[order[middle - 1]]) {
        return;
    }
    scratch.copy_from_slice(order);
    let (left, right) = scratch.split_at(middle);
    let (mut l, mut r) = (0, 0);
    for slot in order {
        // Take from the right only when strictly before: that keeps the sort stable.
        *slot = if r < right.len()
            && (l == left.len() || before(&diagnostics[right[r]], &diagnostics[left[l]]))
        {
            r += 1;
            right[r - 1]
        } else {
            l += 1;
            left[l - 1]
        };
    }
}

/// The order of diagnostics: by file path, then position.
#[inline(never)]
fn before(a: &Diagnostic, b: &Diagnostic) -> bool {
    (&a.file, a.span.start, a.span.end) < (&b.file, b.span.start, b.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A diagnostic with only what ordering and capping look at; the message says which it was.
    fn diagnostic(
        index: usize,
        file: u8,
        start: usize,
        end: usize,
        code: Code,
        error: bool,
    ) -> Diagnostic {
        Diagnostic {
            severity: if error {
                Severity::Error
            } else {
                Severity::Warning
            },
            code,
            message: index.to_string(),
            help: Some(format!("help {index}")),
            file: format!("week-{file:02}.md"),
            line: start + 1,
            column: 1,
            span: start..start.max(end),
            more: 0,
        }
    }

    /// The diagnostics in the order the merge sort puts them.
    fn in_order(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
        let mut order: Vec<usize> = (0..diagnostics.len()).collect();
        merge_sort(&mut order, &mut vec![0; diagnostics.len()], diagnostics);
        order
            .into_iter()
            .map(|at| diagnostics[at].clone())
            .collect()
    }

    /// Files, positions, codes and severities, many of them alike, so that ties and long runs of
    /// one code in one file are common.
    fn diagnostics(max: usize) -> impl Strategy<Value = Vec<Diagnostic>> {
        let codes = prop::sample::select(vec![Code::RawHtml, Code::MissingField, Code::BrokenLink]);
        prop::collection::vec(
            (0u8..3, 0usize..40, 0usize..3, codes, any::<bool>()),
            0..max,
        )
        .prop_map(|found| {
            found
                .into_iter()
                .enumerate()
                .map(|(i, (file, start, len, code, error))| {
                    diagnostic(i, file, start, start + len, code, error)
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn the_merge_sort_orders_as_std_stable_sort_does(found in diagnostics(300)) {
            let mut expected = found.clone();
            expected.sort_by(|a, b| {
                (&a.file, a.span.start, a.span.end).cmp(&(&b.file, b.span.start, b.span.end))
            });
            prop_assert_eq!(in_order(&found), expected);
        }

        #[test]
        fn the_cap_never_hides_that_there_are_errors(found in diagnostics(300)) {
            let capped = ordered_and_capped(found.clone());
            let errors = |list: &[Diagnostic]| list.iter().any(Diagnostic::is_error);
            prop_assert_eq!(errors(&capped), errors(&found));
            prop_assert_eq!(capped.is_empty(), found.is_empty());
            // Every problem is listed or counted, each under its own file and code, and errors
            // under an error.
            let total = |list: &[Diagnostic], file: &str, code: Code, severity: Option<Severity>| {
                list.iter()
                    .filter(|d| d.file == file && d.code == code)
                    .filter(|d| severity.is_none_or(|s| d.severity == s))
                    .map(Diagnostic::count)
                    .sum::<usize>()
            };
            for d in &found {
                prop_assert_eq!(
                    total(&capped, &d.file, d.code, None),
                    total(&found, &d.file, d.code, None)
                );
                if d.is_error() {
                    prop_assert!(total(&capped, &d.file, d.code, Some(Severity::Error)) > 0);
                }
            }
            // The first few of each are listed as they were, in order, then one summary.
            let ordered = in_order(&found);
            let listed: Vec<&Diagnostic> = capped.iter().filter(|d| d.more == 0).collect();
            let expected: Vec<&Diagnostic> = ordered
                .iter()
                .filter(|d| {
                    let earlier = ordered
                        .iter()
                        .take_while(|e| !std::ptr::eq(*e, *d))
                        .filter(|e| e.file == d.file && e.code == d.code)
                        .count();
                    earlier < MAX_PER_CODE
                })
                .collect();
            prop_assert_eq!(listed, expected);
            for summary in capped.iter().filter(|d| d.more > 0) {
                let first_left_out = ordered
                    .iter()
                    .filter(|e| e.file == summary.file && e.code == summary.code)
                    .nth(MAX_PER_CODE);
                prop_assert_eq!(
                    first_left_out.map(|e| (&e.span, &e.help)),
                    Some((&summary.span, &summary.help))
                );
            }
            for window in capped.windows(2) {
                let key = |d: &Diagnostic| (d.file.clone(), d.span.start, d.span.end);
                prop_assert!(key(&window[0]) <= key(&window[1]));
            }
        }
    }

    #[test]
    fn a_summary_stands_for_the_rest_and_is_an_error_if_any_of_them_is() {
        // 25 warnings of one code, then an error of it, all in one file; and 3 in another.
        let mut found: Vec<Diagnostic> = (0..26)
            .map(|i| diagnostic(i, 1, i * 10, i * 10 + 1, Code::MissingField, i == 25))
            .collect();
        found.extend((0..3).map(|i| diagnostic(100 + i, 2, i, i, Code::MissingField, false)));
        let capped = ordered_and_capped(found);
        assert_eq!(capped.len(), MAX_PER_CODE + 1 + 3);
        let summary = &capped[MAX_PER_CODE];
        assert_eq!(summary.more, 6);
        assert!(summary.is_error());
        assert_eq!(
            summary.line, 201,
            "it sits where the first it stands for was"
        );
        assert_eq!(
            summary.message,
            "… and 6 more like the ones above in this file (fix those, then check again to list \
             these)"
        );
        assert_eq!(
            summary.help.as_deref(),
            Some("help 20"),
            "the help of the first of them"
        );
        assert!(
            capped[..MAX_PER_CODE]
                .iter()
                .all(|d| !d.is_error() && d.more == 0)
        );
        assert!(
            capped[MAX_PER_CODE + 1..]
                .iter()
                .all(|d| d.file == "week-02.md" && d.more == 0)
        );
    }
}
