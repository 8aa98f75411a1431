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
        }
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
