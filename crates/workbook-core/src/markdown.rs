//! Markdown turned into a small typed tree that can only describe safe things.
//!
//! The app renders this tree element by element; it never sets `innerHTML`. There is no variant
//! for raw HTML, images or scripts, and a link can only point at a week (`week:3`), an exercise
//! (`exercise:some-id`), the app's settings page (`settings:`), or an `https:`, `http:`,
//! `mailto:` or `tel:` address (an e-mail autolink, `<someone@example.org>`, becomes `mailto:`).
//! That is an allow-list, checked after the scheme is lowercased and stripped of whitespace and
//! control characters (so `java\tscript:` is seen as `javascript:`); every other link keeps its
//! text and loses its address. So hostile content cannot run script by construction: whatever
//! the markdown says, the tree has nowhere to put it. What is dropped is reported.
//!
//! Nesting deeper than [`MAX_DEPTH`] is flattened (and reported), so that every consumer can walk
//! the tree recursively without risk to its stack.

use std::collections::BTreeMap;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use crate::comments;
use crate::diagnostic::{Code, Help, Reporter};
use crate::markdown_checks;
use crate::source::Span;
use crate::suggest;

/// How deep blocks and inline elements may nest before the rest is flattened.
pub const MAX_DEPTH: usize = 24;

/// A block of content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// Its text.
        content: Vec<Inline>,
    },
    /// A heading, level 1 to 6 as written.
    Heading {
        /// 1 for `#`, 2 for `##`, and so on.
        level: u8,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A bulleted (`start` is none) or numbered list.
    List {
        /// The first number of a numbered list.
        start: Option<u64>,
        /// The items.
        items: Vec<ListItem>,
    },
    /// A quotation.
    Quote {
        /// What is quoted.
        blocks: Vec<Block>,
    },
    /// A note, tip or content note (GitHub's `> [!NOTE]` syntax).
    Callout {
        /// Which.
        kind: CalloutKind,
        /// What it says.
        blocks: Vec<Block>,
    },
    /// Preformatted text.
    Code {
        /// The text.
        text: String,
    },
    /// A thematic break.
    Rule,
    /// A table.
    Table {
        /// Header cells.
        head: Vec<Vec<Inline>>,
        /// Body rows of cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// One list item; `checked` is set for task-list items (`- [ ]` and `- [x]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListItem {
    /// Task-list state, if it is a task-list item.
    pub checked: Option<bool>,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// The callouts the workbook shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CalloutKind {
    /// `> [!NOTE]`
    Note,
    /// `> [!TIP]`
    Tip,
    /// `> [!WARNING]`, shown as "Content note".
    ContentNote,
}

/// Text and inline formatting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text.
        text: String,
    },
    /// *Emphasis*.
    Emphasis {
        /// What is emphasised.
        content: Vec<Inline>,
    },
    /// **Strong**.
    Strong {
        /// What is strong.
        content: Vec<Inline>,
    },
    /// ~~Struck through~~.
    Strikethrough {
        /// What is struck.
        content: Vec<Inline>,
    },
    /// `code`.
    Code {
        /// The text.
        text: String,
    },
    /// A link.
    Link {
        /// Where it goes.
        target: LinkTarget,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A forced line break.
    LineBreak,
}

/// Where a link can go. Nothing else is representable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "kebab-case")]
pub enum LinkTarget {
    /// `week:3`
    Week {
        /// The week number.
        week: u32,
    },
    /// `exercise:my-timeline`
    Exercise {
        /// The week the exercise is in.
        week: u32,
        /// The exercise's id.
        id: String,
    },
    /// `settings:`, the app's own backup and settings page (where the passphrase lock is).
    Settings,
    /// An `https:`, `http:`, `mailto:` or `tel:` address.
    External {
        /// The address.
        url: String,
    },
}

/// The plain text of some inline content, for titles and accessible names.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Link { content, .. } => out.push_str(&plain_text(content)),
            Inline::LineBreak => out.push(' '),
        }
    }
    out
}

/// What links may point at: the weeks and exercises of the curriculum being parsed.
#[derive(Clone, Debug, Default)]
pub(crate) struct LinkIndex {
    pub weeks: Vec<u32>,
    /// Exercise id → week number.
    pub exercises: BTreeMap<String, u32>,
}

/// The markdown extensions the format accepts: GitHub's tables, strikethrough, task lists and
/// alerts (callouts).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// Converts the markdown in `span` of the reporter's file into blocks, reporting what it drops.
pub(crate) fn blocks(reporter: &mut Reporter<'_, '_>, span: Span, links: &LinkIndex) -> Vec<Block> {
    let text = &reporter.file.text()[span.clone()];
    // Most field values and many prompts are plain sentences: skip the markdown parser for them.
    if let Some(paragraph) = plain_paragraph(text) {
        return paragraph
            .map(|text| {
                vec![Block::Paragraph {
                    content: vec![Inline::Text { text }],
                }]
            })
            .unwrap_or_default();
    }
    let mut builder = Builder::new(reporter, links);
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        builder.event(event, span.start + range.start..span.start + range.end);
    }
    builder.finish()
}

/// Converts a one-paragraph field value (such as a content note) into inline content.
pub(crate) fn inlines(
    reporter: &mut Reporter<'_, '_>,
    span: Span,
    links: &LinkIndex,
) -> Vec<Inline> {
    let mut out = Vec::new();
    for block in blocks(reporter, span, links) {
        if !out.is_empty() {
            out.push(Inline::Text { text: " ".into() });
        }
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => out.extend(content),
            other => out.push(Inline::Text {
                text: plain_text_of_block(&other),
            }),
        }
    }
    out
}

/// If `text` is at most one paragraph of plain words, the text markdown would give it, without
/// running the markdown parser: `Some(None)` for nothing but white space, `Some(Some(text))` for
/// one paragraph. `None` means "not plain: parse it". Plain means no character markdown gives a
/// meaning to, no line that starts like a block (an indent, a digit, `#`, `>`, `-`, `+`, `=`),
/// no blank line between lines of text, and no trailing spaces that could be a line break. The
/// unit tests hold this to what the parser itself produces.
fn plain_paragraph(text: &str) -> Option<Option<String>> {
    const SPECIAL: [bool; 256] = {
        let mut table = [false; 256];
        let special = b"\\`*_[]<>!&~|\t\r";
        let mut i = 0;
        while i < special.len() {
            table[special[i] as usize] = true;
            i += 1;
        }
        table
    };
    if text.bytes().any(|b| SPECIAL[b as usize]) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut paragraph_ended = false;
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            paragraph_ended = !out.is_empty();
            continue;
        }
        let first = line.as_bytes()[0];
        if paragraph_ended || first == b' ' || first.is_ascii_digit() || b"#>-+=".contains(&first) {
            return None;
        }
        let content = line.trim_end();
        let continues = lines.peek().is_some_and(|next| !next.trim().is_empty());
        if content.len() != line.len() && continues {
            return None;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(content);
    }
    Some((!out.is_empty()).then_some(out))
}

fn plain_text_of_block(block: &Block) -> String {
    match block {
        Block::Paragraph { content } | Block::Heading { content, .. } => plain_text(content),
        Block::Code { text } => text.clone(),
        Block::List { items, .. } => items
            .iter()
            .flat_map(|item| item.blocks.iter().map(plain_text_of_block))
            .collect::<Vec<_>>()
            .join(" "),
        Block::Quote { blocks } | Block::Callout { blocks, .. } => blocks
            .iter()
            .map(plain_text_of_block)
            .collect::<Vec<_>>()
            .join(" "),
        Block::Rule => String::new(),
        Block::Table { head, rows } => std::iter::once(head)
            .chain(rows)
            .flat_map(|row| row.iter().map(|cell| plain_text(cell)))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum FrameKind {
    Root,
    Paragraph,
    Heading(u8),
    List(Option<u64>),
    Item,
    Quote,
    Callout(CalloutKind),
    CodeBlock,
    Table,
    TableRow,
    TableCell,
    Emphasis,
    Strong,
    Strikethrough,
    Link(LinkTarget),
    /// Keeps its content but not itself: links that were refused, images (their alt text stays),
    /// and anything nested too deeply.
    Transparent,
    /// Keeps nothing: raw HTML.
    Dropped,
}

/// What only lists, tables and code blocks collect; kept out of line so that the frames pushed
/// and popped for every paragraph and emphasis stay small.
#[derive(Default)]
struct Extra {
    items: Vec<ListItem>,
    cells: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    head: Vec<Vec<Inline>>,
    code: String,
}

struct Frame {
    kind: FrameKind,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    checked: Option<bool>,
    /// Where the element ends in the file.
    end: usize,
    extra: Option<Box<Extra>>,
}

impl Frame {
    fn new(kind: FrameKind) -> Self {
        Frame {
            kind,
            blocks: Vec::new(),
            inlines: Vec::new(),
            checked: None,
            end: 0,
            extra: None,
        }
    }

    fn extra(&mut self) -> &mut Extra {
        self.extra.get_or_insert_with(Box::default)
    }

    fn take_extra(&mut self) -> Extra {
        self.extra.take().map(|extra| *extra).unwrap_or_default()
    }

    fn push_inline(&mut self, inline: Inline) {
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (self.inlines.last_mut(), &inline)
        {
            last.push_str(text);
            return;
        }
        self.inlines.push(inline);
    }

    /// Appends text, growing the previous text node when there is one; a new node gets room for
    /// `capacity` bytes.
    fn push_text(&mut self, text: &str, capacity: usize) {
        match self.inlines.last_mut() {
            Some(Inline::Text { text: last }) => last.push_str(text),
            _ => {
                let mut owned = String::with_capacity(capacity);
                owned.push_str(text);
                self.inlines.push(Inline::Text { text: owned });
            }
        }
    }

    /// Text written straight into a block container (a tight list item, say) becomes a paragraph
    /// before the next block arrives.
    fn flush_inlines(&mut self) {
        if !self.inlines.is_empty() {
            let content = std::mem::take(&mut self.inlines);
            self.blocks.push(Block::Paragraph { content });
        }
    }

    fn push_block(&mut self, block: Block) {
        self.flush_inlines();
        self.blocks.push(block);
    }

    fn into_blocks(mut self) -> Vec<Block> {
        self.flush_inlines();
        self.blocks
    }
}

struct Builder<'r, 'a, 'd, 'l> {
    reporter: &'r mut Reporter<'a, 'd>,
    links: &'l LinkIndex,
    stack: Vec<Frame>,
    /// How many `Dropped` frames are open: inside one, nothing is kept.
    dropped: usize,
    reported_depth: bool,
    /// The level of the last heading, to notice a skipped level.
    #[cfg(feature = "lints")]
    last_heading: Option<u8>,
}

impl<'r, 'a, 'd, 'l> Builder<'r, 'a, 'd, 'l> {
    fn new(reporter: &'r mut Reporter<'a, 'd>, links: &'l LinkIndex) -> Self {
        Builder {
            reporter,
            links,
            stack: {
                let mut stack = Vec::with_capacity(8);
                stack.push(Frame::new(FrameKind::Root));
                stack
            },
            dropped: 0,
            reported_depth: false,
            #[cfg(feature = "lints")]
            last_heading: None,
        }
    }

    fn top(&mut self) -> &mut Frame {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn dropping(&self) -> bool {
        self.dropped > 0
    }

    fn event(&mut self, event: Event<'_>, span: Span) {
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(end) => self.end(end),
            Event::Text(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text, span.start)
            }
            Event::Code(text) => {
                if !self.dropping() {
                    self.top().push_inline(Inline::Code {
                        text: text.to_string(),
                    });
                }
            }
            // Raw HTML: reported, never shown.
            Event::Html(html) | Event::InlineHtml(html) => {
                // An author's comment: for authors, never shown, never an error.
                if !self.dropping() && !html.starts_with(comments::OPEN) {
                    self.report_html(span);
                }
            }
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]"), span.start),
            // A line break the browser may reflow is a space; it keeps the text in one piece.
            Event::SoftBreak => self.text(" ", span.start),
            Event::HardBreak => {
                if !self.dropping() {
                    self.top().push_inline(Inline::LineBreak)
                }
            }
            Event::Rule => {
                if !self.dropping() {
                    self.top().push_block(Block::Rule)
                }
            }
            Event::TaskListMarker(checked) => {
                if let Some(item) = self
                    .stack
                    .iter_mut()
                    .rev()
                    .find(|frame| matches!(frame.kind, FrameKind::Item))
                {
                    item.checked = Some(checked);
                }
            }
        }
    }

    /// Text starting at `offset` in the file.
    fn text(&mut self, text: &str, offset: usize) {
        if self.dropping() {
            return;
        }
        let top = self.top();
        if matches!(top.kind, FrameKind::CodeBlock) {
            top.extra().code.push_str(text);
        } else {
            markdown_checks::text(self.reporter, text, offset);
            let top = self.top();
            // The rest of the enclosing element is at most this long, so one allocation holds
            // a paragraph's text however many lines it spans.
            let room = top.end.saturating_sub(offset).max(text.len());
            top.push_text(text, room);
        }
    }

    fn report_html(&mut self, span: Span) {
        self.reporter
            .error(Code::RawHtml, span, "raw HTML is not shown in the workbook")
            .help(
                "write it in markdown instead: **bold**, *italic*, lists, `> [!NOTE]` callouts; \
                 the HTML is left out of the page",
            );
    }

    fn start(&mut self, tag: Tag<'_>, span: Span) {
        let span_end = span.end;
        let kind = match tag {
            Tag::HtmlBlock => {
                if !self.dropping()
                    && let Some(html) = markdown_checks::html_block(self.reporter, span)
                {
                    self.report_html(html);
                }
                FrameKind::Dropped
            }
            _ if self.dropping() => FrameKind::Dropped,
            _ if self.stack.len() > MAX_DEPTH => {
                if !self.reported_depth {
                    self.reported_depth = true;
                    self.reporter
                        .error(
                            Code::TooDeep,
                            span,
                            format!(
                                "this is nested more than {MAX_DEPTH} levels deep, so the inner \
                                 levels are shown flat"
                            ),
                        )
                        .help("use fewer levels of lists, quotes or formatting inside each other");
                }
                FrameKind::Transparent
            }
            Tag::Paragraph => FrameKind::Paragraph,
            Tag::Heading { level, .. } => {
                let level = level as u8;
                #[cfg(feature = "lints")]
                crate::lints::heading_level(self.reporter, &mut self.last_heading, level, span);
                FrameKind::Heading(level)
            }
            Tag::BlockQuote(None) => FrameKind::Quote,
            Tag::BlockQuote(Some(kind)) => match kind {
                BlockQuoteKind::Note => FrameKind::Callout(CalloutKind::Note),
                BlockQuoteKind::Tip => FrameKind::Callout(CalloutKind::Tip),
                BlockQuoteKind::Warning => FrameKind::Callout(CalloutKind::ContentNote),
                BlockQuoteKind::Important | BlockQuoteKind::Caution => {
                    let name = if kind == BlockQuoteKind::Important {
                        "IMPORTANT"
                    } else {
                        "CAUTION"
                    };
                    self.reporter
                        .error(
                            Code::UnknownCallout,
                            span,
                            format!("the workbook does not show `[!{name}]` callouts"),
                        )
                        .help(
                            "use `> [!NOTE]`, `> [!TIP]`, or `> [!WARNING]` for a content note; \
                             it is shown as a plain quote for now",
                        );
                    FrameKind::Quote
                }
            },
            Tag::CodeBlock(_) => FrameKind::CodeBlock,
            Tag::List(start) => FrameKind::List(start),
            Tag::Item => FrameKind::Item,
            Tag::Table(_) => FrameKind::Table,
            Tag::TableHead | Tag::TableRow => FrameKind::TableRow,
            Tag::TableCell => FrameKind::TableCell,
            Tag::Emphasis => FrameKind::Emphasis,
            Tag::Strong => FrameKind::Strong,
            Tag::Strikethrough => FrameKind::Strikethrough,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => match self.resolve_link(link_type, &dest_url, span) {
                Some(target) => FrameKind::Link(target),
                None => FrameKind::Transparent,
            },
            Tag::Image { .. } => {
                self.reporter
                    .error(
                        Code::ImageNotAllowed,
                        span,
                        "images are not shown in the workbook",
                    )
                    .help(
                        "describe it in words instead; the workbook loads nothing from other \
                         sites, and only the image's description is shown",
                    );
                FrameKind::Transparent
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => FrameKind::Transparent,
        };
        if matches!(kind, FrameKind::Dropped) {
            self.dropped += 1;
        }
        let mut frame = Frame::new(kind);
        frame.end = span_end;
        self.stack.push(frame);
    }

    fn end(&mut self, end: TagEnd) {
        // Start and end events are balanced, so the root is never popped here.
        if self.stack.len() <= 1 {
            return;
        }
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        if matches!(frame.kind, FrameKind::Dropped) {
            self.dropped -= 1;
        }
        let is_head = end == TagEnd::TableHead;
        let parent = self.top();
        match frame.kind {
            FrameKind::Root | FrameKind::Dropped => {}
            FrameKind::Paragraph => parent.push_block(Block::Paragraph {
                content: frame.inlines,
            }),
            FrameKind::Heading(level) => parent.push_block(Block::Heading {
                level,
                content: frame.inlines,
            }),
            FrameKind::Quote => parent.push_block(Block::Quote {
                blocks: frame.into_blocks(),
            }),
            FrameKind::Callout(kind) => parent.push_block(Block::Callout {
                kind,
                blocks: frame.into_blocks(),
            }),
            FrameKind::CodeBlock => parent.push_block(Block::Code {
                text: frame.take_extra().code,
            }),
            FrameKind::List(start) => parent.push_block(Block::List {
                start,
                items: frame.take_extra().items,
            }),
            FrameKind::Item => {
                let checked = frame.checked;
                let blocks = frame.into_blocks();
                if matches!(parent.kind, FrameKind::List(_)) {
                    parent.extra().items.push(ListItem { checked, blocks });
                } else {
                    blocks
                        .into_iter()
                        .for_each(|block| parent.push_block(block));
                }
            }
            FrameKind::Table => {
                let extra = frame.take_extra();
                parent.push_block(Block::Table {
                    head: extra.head,
                    rows: extra.rows,
                })
            }
            FrameKind::TableRow => {
                if matches!(parent.kind, FrameKind::Table) {
                    let cells = frame.take_extra().cells;
                    if is_head {
                        parent.extra().head = cells;
                    } else {
                        parent.extra().rows.push(cells);
                    }
                }
            }
            FrameKind::TableCell => {
                if matches!(parent.kind, FrameKind::TableRow) {
                    parent.extra().cells.push(frame.inlines);
                } else {
                    frame
                        .inlines
                        .into_iter()
                        .for_each(|i| parent.push_inline(i));
                }
            }
            FrameKind::Emphasis => parent.push_inline(Inline::Emphasis {
                content: frame.inlines,
            }),
            FrameKind::Strong => parent.push_inline(Inline::Strong {
                content: frame.inlines,
            }),
            FrameKind::Strikethrough => parent.push_inline(Inline::Strikethrough {
                content: frame.inlines,
            }),
            FrameKind::Link(target) => parent.push_inline(Inline::Link {
                target,
                content: frame.inlines,
            }),
            FrameKind::Transparent => {
                let items = frame.take_extra().items;
                let Frame {
                    blocks, inlines, ..
                } = frame;
                for block in blocks {
                    parent.push_block(block);
                }
                for item in items {
                    for block in item.blocks {
                        parent.push_block(block);
                    }
                }
                for inline in inlines {
                    parent.push_inline(inline);
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Block> {
        // Close anything left open (pulldown-cmark balances its events, so this is a safety net).
        while self.stack.len() > 1 {
            self.end(TagEnd::Paragraph);
        }
        self.stack.pop().map(Frame::into_blocks).unwrap_or_default()
    }

    fn resolve_link(
        &mut self,
        link_type: LinkType,
        dest: &CowStr<'_>,
        span: Span,
    ) -> Option<LinkTarget> {
        if link_type == LinkType::Email {
            return Some(LinkTarget::External {
                url: format!("mailto:{dest}"),
            });
        }
        let dest = dest.trim();
        let Some((scheme, rest)) = split_scheme(dest) else {
            self.refuse_relative(dest, span);
            return None;
        };
        match scheme.as_str() {
            "week" | "exercise"
                if markdown_checks::malformed_target(
                    self.reporter,
                    &scheme,
                    rest,
                    span.clone(),
                ) =>
            {
                None
            }
            "week" => self.week_link(rest, span),
            "exercise" => self.exercise_link(rest, span),
            "settings" if rest.trim().is_empty() => Some(LinkTarget::Settings),
            "settings" => {
                self.reporter
                    .error(
                        Code::BrokenLink,
                        span,
                        format!("there is no settings page `{}`", rest.trim()),
                    )
                    .help("a link to the backup and settings page is just `settings:`");
                None
            }
            "https" | "mailto" | "tel" => Some(LinkTarget::External {
                url: dest.to_string(),
            }),
            "http" => {
                #[cfg(feature = "lints")]
                crate::lints::insecure_link(self.reporter, span);
                Some(LinkTarget::External {
                    url: dest.to_string(),
                })
            }
            _ => {
                self.reporter
                    .error(
                        Code::UnsafeLink,
                        span,
                        format!("links to `{scheme}:` addresses are not allowed"),
                    )
                    .help(
                        "a link may go to `week:3`, `exercise:some-id`, `settings:`, or an \
                         `https:`, `mailto:` or `tel:` address; the link's text is shown \
                         without the link",
                    );
                None
            }
        }
    }

    fn week_link(&mut self, rest: &str, span: Span) -> Option<LinkTarget> {
        let week = rest.trim().parse::<u32>().ok();
        match week {
            Some(week) if self.links.weeks.contains(&week) => Some(LinkTarget::Week { week }),
            _ => {
                let weeks = match (self.links.weeks.iter().min(), self.links.weeks.iter().max()) {
                    (Some(first), Some(last)) if first == last => {
                        format!("the only week is {first}")
                    }
                    (Some(first), Some(last)) => format!("the weeks are {first} to {last}"),
                    _ => "the curriculum has no weeks yet".to_string(),
                };
                self.reporter
                    .error(
                        Code::BrokenLink,
                        span,
                        format!("there is no week `{rest}` to link to"),
                    )
                    .help(format!("{weeks}; a link to a week looks like `week:2`"));
                None
            }
        }
    }

    fn exercise_link(&mut self, rest: &str, span: Span) -> Option<LinkTarget> {
        let id = rest.trim();
        if let Some(&week) = self.links.exercises.get(id) {
            return Some(LinkTarget::Exercise {
                week,
                id: id.to_string(),
            });
        }
        let ids: Vec<&str> = self.links.exercises.keys().map(String::as_str).collect();
        let help = match suggest::nearest(id, &ids) {
            Some(near) => format!("did you mean `exercise:{near}`?"),
            None => "check the exercise's `id:` line and copy it here".to_string(),
        };
        self.reporter
            .error(
                Code::BrokenLink,
                span,
                format!("there is no exercise with the id `{id}`"),
            )
            .help(help);
        None
    }

    fn refuse_relative(&mut self, dest: &str, span: Span) {
        let help = if dest.starts_with('#') {
            "to link to an exercise write `exercise:its-id`".to_string()
        } else if dest.contains(".md") {
            "to link to another week write `week:3`, and to an exercise `exercise:its-id`"
                .to_string()
        } else {
            "links may go to `week:3`, `exercise:some-id`, `settings:`, or a full `https:` address"
                .to_string()
        };
        self.reporter
            .error(
                Code::BrokenLink,
                span,
                format!("the link `{dest}` has nowhere to go in the workbook"),
            )
            .help(help);
    }
}

/// The scheme of an address, lowercased and with the tabs, newlines and control characters
/// browsers ignore removed (so `java\tscript:` is seen as `javascript:`), and the rest.
fn split_scheme(dest: &str) -> Option<(String, &str)> {
    let colon = dest.find(':')?;
    let head = &dest[..colon];
    if head.contains(['/', '?', '#']) {
        return None;
    }
    let scheme: String = head
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if scheme.is_empty() {
        return None;
    }
    Some((scheme, &dest[colon + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn convert(text: &str) -> (Vec<Block>, Vec<String>) {
        let file = SourceFile::new("t.md", text);
        let mut out = Vec::new();
        let links = LinkIndex {
            weeks: vec![1, 2],
            exercises: [("timeline".to_string(), 2)].into_iter().collect(),
        };
        let blocks = blocks(&mut Reporter::new(&file, &mut out), 0..text.len(), &links);
        (blocks, out.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn raw_html_is_dropped_and_reported() {
        let (blocks, diagnostics) =
            convert("<script>alert(1)</script>\n\nHi <b onclick=x>there</b>\n");
        assert_eq!(diagnostics.len(), 3, "{diagnostics:?}");
        assert!(diagnostics.iter().all(|d| d.contains("raw-html")));
        assert_eq!(
            blocks,
            vec![Block::Paragraph {
                content: vec![Inline::Text {
                    text: "Hi there".into()
                }]
            }]
        );
    }

    #[test]
    fn unsafe_schemes_lose_their_link_but_keep_their_text() {
        for dest in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            let (blocks, diagnostics) = convert(&format!("[click](<{dest}>)"));
            assert_eq!(diagnostics.len(), 1, "{dest}: {diagnostics:?}");
            assert!(
                diagnostics[0].contains("unsafe-link"),
                "{dest}: {diagnostics:?}"
            );
            assert_eq!(
                blocks,
                vec![Block::Paragraph {
                    content: vec![Inline::Text {
                        text: "click".into()
                    }]
                }]
            );
        }
    }

    #[test]
    fn internal_links_resolve() {
        let (blocks, diagnostics) = convert("[w](week:2) [e](exercise:timeline) [x](week:9)");
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].contains("broken-link"));
        let Block::Paragraph { content } = &blocks[0] else {
            panic!()
        };
        assert_eq!(
            content[0],
            Inline::Link {
                target: LinkTarget::Week { week: 2 },
                content: vec![Inline::Text { text: "w".into() }]
            }
        );
        assert!(matches!(
            &content[2],
            Inline::Link {
                target: LinkTarget::Exercise { week: 2, .. },
                ..
            }
        ));
    }

    #[test]
    fn callouts_and_task_lists() {
        let (blocks, diagnostics) =
            convert("> [!WARNING]\n> Hard topic.\n\n- [x] done\n- [ ] not yet\n");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(matches!(
            &blocks[0],
            Block::Callout {
                kind: CalloutKind::ContentNote,
                ..
            }
        ));
        let Block::List { items, .. } = &blocks[1] else {
            panic!()
        };
        assert_eq!(items[0].checked, Some(true));
        assert_eq!(items[1].checked, Some(false));
    }

    /// The shortcut for plain paragraphs must give exactly what the parser gives.
    #[test]
    fn plain_paragraphs_match_the_parser() {
        use proptest::prelude::*;
        use proptest::test_runner::TestRunner;
        let alphabet = proptest::sample::select(vec![
            "a",
            "Word",
            " ",
            "  ",
            "\n",
            "\n\n",
            "1",
            "10. ",
            "- ",
            "#",
            "=",
            "+",
            ".",
            ",",
            ":",
            "'",
            "\"",
            "(",
            ")",
            "?",
            "é",
            "’",
            "–",
            "http://x.org",
            "   ",
            "\n   ",
            "\n- ",
            "\n1. ",
            "\n# ",
            "\n> ",
            "\n===",
            "\n---",
            " \n",
            "  \n",
        ]);
        let mut runner = TestRunner::default();
        runner
            .run(&proptest::collection::vec(alphabet, 0..24), |pieces| {
                let text = pieces.concat();
                if let Some(fast) = plain_paragraph(&text) {
                    let file = SourceFile::new("t.md", text.clone());
                    let mut out = Vec::new();
                    let mut reporter = Reporter::new(&file, &mut out);
                    let links = LinkIndex::default();
                    let mut builder = Builder::new(&mut reporter, &links);
                    for (event, range) in Parser::new_ext(&text, options()).into_offset_iter() {
                        builder.event(event, range);
                    }
                    let parsed = builder.finish();
                    let expected = fast
                        .map(|text| {
                            vec![Block::Paragraph {
                                content: vec![Inline::Text { text }],
                            }]
                        })
                        .unwrap_or_default();
                    prop_assert_eq!(parsed, expected, "for {:?}", text);
                }
                Ok(())
            })
            .expect("the shortcut agrees with the parser");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let text = "> ".repeat(200) + "deep";
        let (blocks, diagnostics) = convert(&text);
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].contains("too-deep"));
        fn depth(blocks: &[Block]) -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Quote { blocks } => 1 + depth(blocks),
                    _ => 1,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&blocks) <= MAX_DEPTH + 1);
        assert!(plain_text_of_block(&blocks[0]).contains("deep"));
    }
}
