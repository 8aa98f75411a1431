//! The support lines, at the foot of every page and after every sensitive exercise: the crisis
//! step first, then each line with what it keeps confidential and what not.

use yew::prelude::*;

use super::Shared;
use super::markdown::{blocks_html_under, heading_tag};
use crate::state::texts::t;
use workbook_core::SupportLine;
use workbook_core::interface::Msg;

/// Props for [`SupportLines`].
#[derive(PartialEq, Clone)]
pub struct SupportLinesProps {
    /// The curriculum (its support lines).
    pub curriculum: Shared,
    /// Show as a compact box inside a page (after a sensitive exercise) rather than the footer.
    pub inline: bool,
    /// The level of the panel's own heading: 2 in the footer, one below the exercise's title
    /// in the inline box.
    pub level: u8,
}

/// The support panel: the crisis step first (the curriculum's words, and the lines open at any
/// hour), then the other lines.
pub fn render(props: &SupportLinesProps) -> Html {
    let curriculum = &props.curriculum;
    let level = props.level.clamp(2, 5);
    let (top, sub) = (heading_tag(level), heading_tag(level + 1));
    let list = |crisis: bool| {
        html! {
            <ul class="support-list">
                { for curriculum.support_lines.iter().filter(|line| line.crisis == crisis).map(|line| line_html(line, level + 1)) }
            </ul>
        }
    };
    let has_crisis =
        !curriculum.crisis.is_empty() || curriculum.support_lines.iter().any(|l| l.crisis);
    let has_others = curriculum.support_lines.iter().any(|l| !l.crisis);

    let crisis = html! {
        if has_crisis {
            <div class="crisis">
                <@{sub}>{ t(Msg::SupportCrisisHeading) }</@>
                { blocks_html_under(&curriculum.crisis, level + 1) }
                { list(true) }
            </div>
        }
    };
    let others = html! {
        if has_others {
            if has_crisis { <@{sub}>{ t(Msg::SupportOtherHeading) }</@> }
            <p>{ t(Msg::SupportOtherIntro) }</p>
            { list(false) }
        }
    };
    if props.inline {
        html! {
            // A note rather than a landmark: there is one after every sensitive exercise, and
            // landmarks need names of their own. The footer is the page's landmark for support.
            <div class="support inline" role="note">
                <@{top}>{ t(Msg::SupportInlineHeading) }</@>
                { crisis }
                { others }
            </div>
        }
    } else {
        html! {
            <footer id="support" class="support" tabindex="-1">
                <@{top}>{ t(Msg::SupportHeading) }</@>
                { crisis }
                { others }
            </footer>
        }
    }
}

fn line_html(line: &SupportLine, under: u8) -> Html {
    let dial: String = line
        .number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    html! {
        <li>
            <p class="support-name"><strong>{ line.name.clone() }</strong>{ ": " }
                <a href={format!("tel:{dial}")}>{ line.number.clone() }</a></p>
            <p>{ line.hours.clone() }</p>
            <p>{ line.confidential.clone() }</p>
            <p class="not-confidential">{ line.not_confidential.clone() }</p>
            { blocks_html_under(&line.details, under) }
        </li>
    }
}

/// A link to the support panel at the foot of the page. The app's addresses are hash routes,
/// so the link moves focus itself instead of changing the address.
pub fn link(label: String) -> Html {
    html! {
        <a href="#support" onclick={Callback::from(|e: MouseEvent| {
            e.prevent_default();
            focus();
        })}>{ label }</a>
    }
}

/// Moves keyboard focus to the support panel and brings it into view.
pub fn focus() {
    crate::browser::focus_by_id("support");
}
