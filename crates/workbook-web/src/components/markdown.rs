//! Renders the core's safe markdown tree as elements, node by node. There is no path from
//! content to `innerHTML`: text is always a text node, and links only take the targets the
//! core allows.

use workbook_core::interface::Msg;
use workbook_core::markdown::{Block, CalloutKind, Inline, LinkTarget};
use yew::prelude::*;

use crate::state::outline::Outline;
use crate::state::route::Route;
use crate::state::texts::t;

/// Renders a reading's blocks on a page whose title is its only `h1`: `#` and `##` both become
/// `h2`, and no heading goes more than one level below the one before it (see [`Outline`]).
pub fn blocks_html(blocks: &[Block]) -> Html {
    blocks_html_in(blocks, &mut Outline::reading_after(1))
}

/// Renders blocks that sit under a heading of `level` (an exercise's prompt under the
/// exercise's title): their own headings start one level below it.
pub fn blocks_html_under(blocks: &[Block], level: u8) -> Html {
    blocks_html_in(blocks, &mut Outline::under(level))
}

/// Renders blocks, placing their headings in `outline` as it goes.
pub fn blocks_html_in(blocks: &[Block], outline: &mut Outline) -> Html {
    blocks
        .iter()
        .map(|block| block_html(block, outline))
        .collect::<Html>()
}

/// The tag of a heading of `level` (1 to 6).
pub fn heading_tag(level: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(1, 6)) - 1]
}

/// One block.
fn block_html(block: &Block, outline: &mut Outline) -> Html {
    match block {
        Block::Paragraph { content } => html! { <p>{ inlines_html(content) }</p> },
        Block::Heading { level, content } => {
            let tag = heading_tag(outline.place(*level));
            html! { <@{tag}>{ inlines_html(content) }</@> }
        }
        Block::List { start: None, items } => html! {
            <ul>{ for items.iter().map(|item| item_html(item, outline)) }</ul>
        },
        Block::List {
            start: Some(start),
            items,
        } => html! {
            <ol start={start.to_string()}>{ for items.iter().map(|item| item_html(item, outline)) }</ol>
        },
        Block::Quote { blocks } => html! {
            <blockquote>{ blocks_html_in(blocks, outline) }</blockquote>
        },
        Block::Callout { kind, blocks } => {
            let (class, label) = match kind {
                CalloutKind::Note => ("callout note", Msg::ReadingCalloutNote),
                CalloutKind::Tip => ("callout tip", Msg::ReadingCalloutTip),
                CalloutKind::ContentNote => ("callout content-note", Msg::ExerciseContentNote),
            };
            html! {
                // A note, not a landmark: a page may have many, and landmarks need names of their own.
                <div class={class} role="note">
                    <p class="callout-label">{ t(label) }</p>
                    { blocks_html_in(blocks, outline) }
                </div>
            }
        }
        Block::Code { text } => html! { <pre><code>{ text.clone() }</code></pre> },
        Block::Rule => html! { <hr /> },
        Block::Table { head, rows } => html! {
            <div class="table-scroll">
                <table>
                    <thead><tr>{ for head.iter().map(|cell| html! { <th scope="col">{ inlines_html(cell) }</th> }) }</tr></thead>
                    <tbody>
                        { for rows.iter().map(|row| html! {
                            <tr>{ for row.iter().map(|cell| html! { <td>{ inlines_html(cell) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    }
}

fn item_html(item: &workbook_core::markdown::ListItem, outline: &mut Outline) -> Html {
    let marker = match item.checked {
        Some(true) => {
            html! { <span class="task" aria-label={t(Msg::ReadingTaskDone)}>{ "☑ " }</span> }
        }
        Some(false) => {
            html! { <span class="task" aria-label={t(Msg::ReadingTaskToDo)}>{ "☐ " }</span> }
        }
        None => html! {},
    };
    // A tight list item is one paragraph: render its text without a <p>.
    match item.blocks.as_slice() {
        [Block::Paragraph { content }] => html! { <li>{ marker }{ inlines_html(content) }</li> },
        blocks => html! { <li>{ marker }{ blocks_html_in(blocks, outline) }</li> },
    }
}

/// Inline content.
pub fn inlines_html(inlines: &[Inline]) -> Html {
    inlines.iter().map(inline_html).collect::<Html>()
}

fn inline_html(inline: &Inline) -> Html {
    match inline {
        Inline::Text { text } => html! { { text.clone() } },
        Inline::Emphasis { content } => html! { <em>{ inlines_html(content) }</em> },
        Inline::Strong { content } => html! { <strong>{ inlines_html(content) }</strong> },
        Inline::Strikethrough { content } => html! { <s>{ inlines_html(content) }</s> },
        Inline::Code { text } => html! { <code>{ text.clone() }</code> },
        Inline::LineBreak => html! { <br /> },
        Inline::Link { target, content } => match target {
            LinkTarget::Week { week } => html! {
                <a href={Route::Week { week: *week, exercise: None }.href()}>{ inlines_html(content) }</a>
            },
            LinkTarget::Exercise { week, id } => html! {
                <a href={Route::Week { week: *week, exercise: Some(id.clone()) }.href()}>{ inlines_html(content) }</a>
            },
            LinkTarget::Settings => html! {
                <a href={Route::Settings.href()}>{ inlines_html(content) }</a>
            },
            LinkTarget::External { url }
                if url.starts_with("tel:") || url.starts_with("mailto:") =>
            {
                html! {
                    <a href={url.clone()}>{ inlines_html(content) }</a>
                }
            }
            LinkTarget::External { url } => html! {
                <a href={url.clone()} rel="noopener noreferrer" target="_blank">
                    { inlines_html(content) }
                    <span class="visually-hidden">{ format!(" {}", t(Msg::ReadingExternalLink)) }</span>
                </a>
            },
        },
    }
}
