//! The support lines, at the foot of every page, with what each keeps confidential and what not.

use yew::prelude::*;

use super::Shared;
use super::markdown::blocks_html;

/// Props for [`SupportLines`].
#[derive(PartialEq, Clone)]
pub struct SupportLinesProps {
    /// The curriculum (its support lines).
    pub curriculum: Shared,
    /// Show as a compact box inside a page (after a sensitive exercise) rather than the footer.
    pub inline: bool,
}

/// The list of support lines.
pub fn render(props: &SupportLinesProps) -> Html {
    let lines = html! {
        <ul class="support-list">
            { for props.curriculum.support_lines.iter().map(|line| {
                let dial: String = line.number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                html! {
                    <li>
                        <p class="support-name"><strong>{ line.name.clone() }</strong>{ ": " }
                            <a href={format!("tel:{dial}")}>{ line.number.clone() }</a></p>
                        <p>{ line.hours.clone() }</p>
                        <p>{ line.confidential.clone() }</p>
                        <p class="not-confidential">{ line.not_confidential.clone() }</p>
                        { blocks_html(&line.details) }
                    </li>
                }
            }) }
        </ul>
    };
    if props.inline {
        html! {
            <aside class="support inline" aria-label="Support lines">
                <h4>{ "If you need to talk to someone" }</h4>
                { lines }
            </aside>
        }
    } else {
        html! {
            <footer id="support" class="support" tabindex="-1">
                <h2>{ "Support when you need it" }</h2>
                <p>{ "If you feel overwhelmed, at risk, or worried about a child, you can call:" }</p>
                { lines }
            </footer>
        }
    }
}
