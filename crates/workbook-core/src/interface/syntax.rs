//! Reading a catalog file: the part of Project Fluent's syntax (`.ftl`) that interface text
//! needs, so translators' tools and habits carry over.
//!
//! ```text
//! # A comment.
//! save-saved = Saved on this device
//! weeks-left =
//!     { $count ->
//!         [one] One week to go
//!        *[other] { $count } weeks to go
//!     }
//! ```
//!
//! A message is `name = text`; lines indented below it continue it. `{ $name }` is a
//! placeholder the app fills in, `{ $count -> … }` picks a variant by plural form (`[one]`),
//! exact number (`[0]`) or word, with `*` marking the one used otherwise. `{ "{" }` writes a
//! brace. Fluent's terms, attributes, functions and references to other messages are reported
//! as not supported, never read wrongly in silence.

use crate::diagnostic::{Code, Help, Reporter};
use crate::interface::plural::PluralCategory;
use crate::source::Span;

/// A message's text: plain text and placeholders, in order.
pub type Pattern = Vec<Part>;

/// A piece of a message's text.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Words, shown as they are.
    Text(String),
    /// `{ $name }`: a value the app fills in.
    Arg(String),
    /// `{ $name -> … }`: one of several texts, by the value of a placeholder.
    Select(Select),
}

/// `{ $count -> [one] … *[other] … }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Select {
    /// The placeholder whose value chooses.
    pub arg: String,
    /// The variants, in the order written.
    pub variants: Vec<Variant>,
    /// The index of the variant marked `*`, used when no other matches.
    pub default: usize,
}

/// One variant of a [`Select`].
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// What it matches.
    pub key: VariantKey,
    /// Its text.
    pub pattern: Pattern,
    /// Where the key is, for diagnostics.
    pub key_span: Span,
}

/// What a variant matches.
#[derive(Clone, Debug, PartialEq)]
pub enum VariantKey {
    /// A plural form: `[one]`.
    Plural(PluralCategory),
    /// An exact number: `[0]`.
    Exact(i64),
    /// A word, matched against a text placeholder: `[locked]`.
    Word(String),
}

/// A message as written, before it is checked against the app's list.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The name before `=`.
    pub name: String,
    /// Where the name is.
    pub name_span: Span,
    /// The text, or `None` if it could not be read (already reported).
    pub pattern: Option<Pattern>,
    /// Every placeholder the text uses, with where.
    pub args: Vec<(String, Span)>,
}

/// Reads every message of a catalog file, reporting each line it cannot read and going on.
pub(crate) fn entries(reporter: &mut Reporter<'_, '_>) -> Vec<Entry> {
    let text = reporter.file.text();
    let lines = lines(text);
    let mut entries = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].clone();
        let content = &text[line.clone()];
        i += 1;
        let first = content.chars().next();
        match first {
            None | Some('#') => continue,
            _ if content.trim().is_empty() => continue,
            Some(' ' | '\t') => {
                reporter
                    .error(
                        Code::CatalogSyntax,
                        line,
                        "this line starts with a space, so it would go on from a message above it, but there is none",
                    )
                    .help("start the line at the left margin with `name = text`, or write `#` before it to make it a comment");
                continue;
            }
            _ => {}
        }
        // The message's body: its first line after `=`, and every indented or blank line
        // below it up to the last indented one (or one that goes on with a choice).
        let mut end = i;
        let mut last = i;
        while end < lines.len() {
            let next = &text[lines[end].clone()];
            if next.trim().is_empty() {
                end += 1;
                continue;
            }
            // Inside a choice, its variants and closing brace may start at the margin.
            if next.starts_with([' ', '\t', '}', '[']) || next.starts_with("*[") {
                end += 1;
                last = end;
                continue;
            }
            break;
        }
        let mut body_end = if last > i {
            lines[last - 1].end
        } else {
            line.end
        };
        let attribute = lines[i..last.max(i)].iter().find(|span| {
            let rest = text[(*span).clone()].trim_start();
            rest.strip_prefix('.').is_some_and(|rest| {
                rest.split_once('=')
                    .is_some_and(|(name, _)| is_identifier(name.trim_end()))
            })
        });
        i = last.max(i);
        if let Some(span) = attribute {
            // The message is read up to the attribute; the attribute is reported.
            body_end = body_end.min(span.start);
            reporter
                .error(
                    Code::CatalogUnsupported,
                    span.clone(),
                    "this is a Fluent attribute (`.name = …`), which the workbook's interface text does not use",
                )
                .help("remove the line: each message is one text, and the app has a message of its own for every label");
        }

        if content.starts_with('-') {
            reporter
                .error(
                    Code::CatalogUnsupported,
                    line,
                    "this is a Fluent term (`-name = …`), which the workbook's interface text does not use",
                )
                .help("write the words into each message that needs them");
            continue;
        }
        let Some(equals) = content.find('=') else {
            reporter
                .error(
                    Code::CatalogSyntax,
                    line,
                    "this line is not a message: a message is written `name = text`",
                )
                .help("add ` = ` and the text after the message's name, or write `#` before the line to make it a comment");
            continue;
        };
        let name = content[..equals].trim_end();
        let name_span = line.start..line.start + name.len();
        if !is_identifier(name) {
            reporter
                .error(
                    Code::CatalogSyntax,
                    name_span,
                    format!("`{name}` is not a message name"),
                )
                .help("a message's name is made of letters, digits and `-`, and starts with a letter, as in `save-saved`");
            continue;
        }
        let mut cursor = Cursor {
            text,
            pos: line.start + equals + 1,
            end: body_end,
            args: Vec::new(),
        };
        let pattern = match cursor.pattern(false) {
            Ok(pattern) => Some(pattern),
            Err(problem) => {
                let diagnostic = reporter.error(problem.code, problem.span, problem.message);
                diagnostic.help(problem.help);
                None
            }
        };
        if pattern.as_ref().is_some_and(Vec::is_empty) {
            reporter
                .error(
                    Code::CatalogSyntax,
                    name_span.clone(),
                    format!("the message `{name}` has no text"),
                )
                .help("write the words after `=`, or remove the line to leave the message out (the checker will say it is missing)");
        }
        entries.push(Entry {
            name: name.to_string(),
            name_span,
            pattern,
            args: cursor.args,
        });
    }
    entries
}

/// The span of every line, without its line ending.
fn lines(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        spans.push(start..trim_cr(text, start, i));
        start = i + 1;
    }
    if start < text.len() {
        spans.push(start..trim_cr(text, start, text.len()));
    }
    spans
}

fn trim_cr(text: &str, start: usize, end: usize) -> usize {
    if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// Fluent's identifiers: a letter, then letters, digits, `-` and `_`.
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Why a message could not be read.
struct Problem {
    code: Code,
    span: Span,
    message: String,
    help: String,
}

fn problem(span: Span, message: impl Into<String>, help: impl Into<String>) -> Problem {
    Problem {
        code: Code::CatalogSyntax,
        span,
        message: message.into(),
        help: help.into(),
    }
}

fn unsupported(span: Span, message: impl Into<String>, help: impl Into<String>) -> Problem {
    Problem {
        code: Code::CatalogUnsupported,
        ..problem(span, message, help)
    }
}

/// Reads one message's body, from after `=` to the end of its last line.
struct Cursor<'t> {
    text: &'t str,
    pos: usize,
    end: usize,
    args: Vec<(String, Span)>,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..self.end].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Spaces and tabs, and line breaks too if `lines`.
    fn skip_blank(&mut self, lines: bool) {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' || c == '\r' || (lines && c == '\n') {
                self.bump();
            } else {
                break;
            }
        }
    }

    /// After a line break: true if the next line (past its indentation) starts a variant or
    /// closes the select, which ends a variant's text.
    fn variant_ends_here(&self) -> bool {
        let rest = self.text[self.pos..self.end].trim_start_matches([' ', '\t', '\r', '\n']);
        rest.starts_with('[') || rest.starts_with("*[") || rest.starts_with('}')
    }

    /// Text and placeholders up to the end of the body, or (in a variant) up to the line that
    /// starts the next variant or closes the select.
    fn pattern(&mut self, in_variant: bool) -> Result<Pattern, Problem> {
        let mut parts: Pattern = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            match c {
                '\n' => {
                    if in_variant && self.variant_ends_here() {
                        break;
                    }
                    self.bump();
                    // Indentation is not part of the text; a line break is.
                    self.skip_blank(false);
                    if self.peek().is_some_and(|c| c != '\n') {
                        text.push('\n');
                    }
                }
                '\r' => {
                    self.bump();
                }
                '{' => {
                    let start = self.pos;
                    self.bump();
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    match self.placeable(start, in_variant)? {
                        Part::Text(literal) => text.push_str(&literal),
                        part => parts.push(part),
                    }
                }
                '}' => {
                    let at = self.pos..self.pos + 1;
                    return Err(problem(
                        at,
                        "a `}` with no `{` before it",
                        "to show a brace, write `{ \"}\" }`; otherwise remove it",
                    ));
                }
                _ => {
                    text.push(c);
                    self.bump();
                }
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        trim(&mut parts);
        Ok(parts)
    }

    /// After `{`: a placeholder, a quoted literal or a select, up to and including `}`.
    fn placeable(&mut self, start: usize, in_variant: bool) -> Result<Part, Problem> {
        self.skip_blank(true);
        let inner_start = self.pos;
        let part = match self.peek() {
            Some('$') => {
                self.bump();
                let name_start = self.pos;
                let name = self.identifier();
                if name.is_empty() {
                    return Err(problem(
                        name_start - 1..name_start,
                        "`$` must be followed by the placeholder's name, as in `{ $count }`",
                        "write the name after `$`, with no space between",
                    ));
                }
                let span = name_start - 1..self.pos;
                self.args.push((name.clone(), span));
                self.skip_blank(true);
                if self.text[self.pos..self.end].starts_with("->") {
                    if in_variant {
                        return Err(unsupported(
                            start..self.pos + 2,
                            "a choice inside a variant of another choice",
                            "write each combination as a variant of one choice, or split the message",
                        ));
                    }
                    self.pos += 2;
                    return self.select(name, start);
                }
                Part::Arg(name)
            }
            Some('"') => {
                self.bump();
                Part::Text(self.literal(inner_start)?)
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name = self.identifier();
                let what = if self.peek() == Some('(') {
                    "a Fluent function"
                } else {
                    "a reference to another message"
                };
                return Err(unsupported(
                    inner_start..self.pos,
                    format!("`{name}` is {what}, which the workbook's interface text does not use"),
                    "write the words themselves; a placeholder starts with `$`, as in `{ $count }`",
                ));
            }
            Some('-') => {
                self.bump();
                self.identifier();
                return Err(unsupported(
                    inner_start..self.pos,
                    "this is a reference to a Fluent term, which the workbook's interface text does not use",
                    "write the words themselves",
                ));
            }
            _ => {
                return Err(problem(
                    start..(start + 1),
                    "a `{` that does not start a placeholder",
                    "a placeholder is `{ $name }`; to show a brace, write `{ \"{\" }`",
                ));
            }
        };
        self.close(start)?;
        Ok(part)
    }

    /// The closing `}` of a placeable that opened at `start`.
    fn close(&mut self, start: usize) -> Result<(), Problem> {
        self.skip_blank(true);
        if self.peek() == Some('}') {
            self.bump();
            Ok(())
        } else {
            Err(problem(
                start..start + 1,
                "this `{` is not closed with `}`",
                "close the placeholder, as in `{ $count }`",
            ))
        }
    }

    fn identifier(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                name.push(c);
                self.bump();
            } else {
                break;
            }
        }
        name
    }

    /// A quoted literal after its opening `"`, with `\"`, `\\` and `\u0041` escapes.
    fn literal(&mut self, start: usize) -> Result<String, Problem> {
        let mut value = String::new();
        loop {
            match self.bump() {
                Some('"') => return Ok(value),
                Some('\\') => match self.bump() {
                    Some('"') => value.push('"'),
                    Some('\\') => value.push('\\'),
                    Some('u') => {
                        let digits: String = (0..4).filter_map(|_| self.bump()).collect();
                        match u32::from_str_radix(&digits, 16)
                            .ok()
                            .and_then(char::from_u32)
                        {
                            Some(c) => value.push(c),
                            None => {
                                return Err(problem(
                                    start..self.pos,
                                    "`\\u` must be followed by four hexadecimal digits",
                                    "write the character itself instead",
                                ));
                            }
                        }
                    }
                    _ => {
                        return Err(problem(
                            start..self.pos,
                            "a `\\` in quotes must be followed by `\"`, `\\` or `u` and four digits",
                            "write the character itself instead",
                        ));
                    }
                },
                Some('\n') | None => {
                    return Err(problem(
                        start..start + 1,
                        "this quoted text has no closing `\"` on its line",
                        "close it, as in `{ \"{\" }`",
                    ));
                }
                Some(c) => value.push(c),
            }
        }
    }

    /// The variants of `{ $arg -> … }`, up to and including the closing `}`.
    fn select(&mut self, arg: String, start: usize) -> Result<Part, Problem> {
        let mut variants: Vec<Variant> = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank(true);
            let variant_start = self.pos;
            match self.peek() {
                Some('}') => {
                    self.bump();
                    break;
                }
                None => {
                    return Err(problem(
                        start..start + 1,
                        "this choice is not closed with `}`",
                        "close it with a line that holds only `}`, below its last variant",
                    ));
                }
                _ => {}
            }
            let starred = self.peek() == Some('*');
            if starred {
                self.bump();
            }
            if self.bump() != Some('[') {
                return Err(problem(
                    variant_start..self.pos,
                    "a choice's lines must each start with a variant in brackets, as in `[one]`",
                    "start the line with `[one]`, `[other]` or a number in brackets, and mark the variant used otherwise with `*`",
                ));
            }
            let key_start = self.pos;
            let Some(close) = self.text[self.pos..self.end].find(']') else {
                return Err(problem(
                    variant_start..self.pos,
                    "this variant's `[` is not closed with `]`",
                    "write the variant as `[one] text`",
                ));
            };
            let raw = self.text[key_start..key_start + close].trim();
            let key_span = key_start..key_start + close;
            let key = if let Ok(n) = raw.parse::<i64>() {
                VariantKey::Exact(n)
            } else if let Some(category) = PluralCategory::from_name(raw) {
                VariantKey::Plural(category)
            } else if is_identifier(raw) {
                VariantKey::Word(raw.to_string())
            } else {
                return Err(problem(
                    key_span,
                    format!("`{raw}` cannot name a variant"),
                    "name it with a plural form (`zero`, `one`, `two`, `few`, `many`, `other`), a whole number or a word",
                ));
            };
            self.pos = key_start + close + 1;
            if starred {
                if default.is_some() {
                    return Err(problem(
                        variant_start..self.pos,
                        "two variants are marked with `*`",
                        "mark only the variant used when no other matches",
                    ));
                }
                default = Some(variants.len());
            }
            let pattern = self.pattern(true)?;
            variants.push(Variant {
                key,
                pattern,
                key_span,
            });
        }
        let Some(default) = default else {
            return Err(problem(
                start..start + 1,
                "no variant of this choice is marked with `*` as the one used otherwise",
                "write `*` before the last variant, as in `*[other]`",
            ));
        };
        Ok(Part::Select(Select {
            arg,
            variants,
            default,
        }))
    }
}

/// Space at the start and end of a pattern is not part of it.
fn trim(parts: &mut Pattern) {
    if let Some(Part::Text(first)) = parts.first_mut() {
        *first = first.trim_start().to_string();
    }
    if let Some(Part::Text(last)) = parts.last_mut() {
        *last = last.trim_end().to_string();
    }
    parts.retain(|part| !matches!(part, Part::Text(text) if text.is_empty()));
}
