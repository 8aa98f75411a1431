//! Renders the core's safe markdown tree as elements, node by node. There is no path from
//! content to `innerHTML`: text is always a text node, and links only take the targets the
//! core allows.

use workbook_core::markdown::{Block, CalloutKind, Inline, LinkTarget};
use yew::prelude::*;

use crate::state::route::Route;

/// Renders a reading's blocks. The page's title is its only `h1`, so `#` and `##` both become
/// `h2`, and deeper headings keep their level.
pub fn blocks_html(blocks: &[Block]) -> Html {
    blocks_html_from(blocks, 2)
}

/// Renders blocks whose headings are at least `min_level` (an exercise's prompt sits under the
/// exercise's `h3`).
pub fn blocks_html_from(blocks: &[Block], min_level: u8) -> Html {
    blocks
        .iter()
        .map(|block| block_html(block, min_level))
        .collect::<Html>()
}

/// One block; `shift` is the lowest heading level it may use.
pub fn block_html(block: &Block, shift: u8) -> Html {
    match block {
        Block::Paragraph { content } => html! { <p>{ inlines_html(content) }</p> },
        Block::Heading { level, content } => {
            let level = (*level).clamp(shift.min(6), 6);
            let tag = format!("h{level}");
            html! { <@{tag}>{ inlines_html(content) }</@> }
        }
        Block::List { start: None, items } => html! {
            <ul>{ for items.iter().map(|item| item_html(item, shift)) }</ul>
        },
        Block::List {
            start: Some(start),
            items,
        } => html! {
            <ol start={start.to_string()}>{ for items.iter().map(|item| item_html(item, shift)) }</ol>
        },
        Block::Quote { blocks } => html! {
            <blockquote>{ for blocks.iter().map(|b| block_html(b, shift)) }</blockquote>
        },
        Block::Callout { kind, blocks } => {
            let (class, label) = match kind {
                CalloutKind::Note => ("callout note", "Note"),
                CalloutKind::Tip => ("callout tip", "Tip"),
                CalloutKind::ContentNote => ("callout content-note", "Content note"),
            };
            html! {
                // A note, not a landmark: a page may have many, and landmarks need names of their own.
                <div class={class} role="note">
                    <p class="callout-label">{ label }</p>
                    { for blocks.iter().map(|b| block_html(b, shift)) }
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

fn item_html(item: &workbook_core::markdown::ListItem, shift: u8) -> Html {
    let marker = match item.checked {
        Some(true) => html! { <span class="task" aria-label="done">{ "☑ " }</span> },
        Some(false) => html! { <span class="task" aria-label="to do">{ "☐ " }</span> },
        None => html! {},
    };
    // A tight list item is one paragraph: render its text without a <p>.
    match item.blocks.as_slice() {
        [Block::Paragraph { content }] => html! { <li>{ marker }{ inlines_html(content) }</li> },
        blocks => html! { <li>{ marker }{ for blocks.iter().map(|b| block_html(b, shift)) }</li> },
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
                    <span class="visually-hidden">{ " (opens another website)" }</span>
                </a>
            },
        },
    }
}
