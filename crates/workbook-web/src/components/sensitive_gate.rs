//! The protections around every sensitive exercise, the same each time: the content note first;
//! "is now a good time?" with an easy way to leave it for later; a grounding step; then, after
//! the exercise, a wind-down step and the support lines.

use workbook_core::Exercise;
use yew::prelude::*;

use super::Shared;
use super::markdown::{blocks_html_under, heading_tag, inlines_html};
use super::support_lines::{self, SupportLinesProps};

/// Props for [`SensitiveGate`].
#[derive(Properties, PartialEq, Clone)]
pub struct SensitiveGateProps {
    /// The curriculum (its support lines).
    pub curriculum: Shared,
    /// The exercise.
    pub exercise: Exercise,
    /// The level of the exercise's title: the steps' headings sit one below it.
    pub level: u8,
    /// True if the participant has already written something: then the exercise is open.
    pub started: bool,
    /// The exercise itself.
    pub children: Html,
}

#[derive(Clone, Copy, PartialEq)]
enum Choice {
    Undecided,
    Ready,
    NotNow,
}

/// A sensitive exercise's protections.
#[component]
pub fn SensitiveGate(props: &SensitiveGateProps) -> Html {
    let choice = use_state(|| {
        if props.started {
            Choice::Ready
        } else {
            Choice::Undecided
        }
    });
    let exercise = &props.exercise;
    let step = heading_tag(props.level + 1);
    let set = |value: Choice| {
        let choice = choice.clone();
        Callback::from(move |_: MouseEvent| choice.set(value))
    };
    let note = html! {
        <div class="callout content-note" role="note">
            <p class="callout-label">{ "Content note" }</p>
            <p>{ inlines_html(&exercise.content_note) }</p>
            <p>{ "If you need to talk to someone, before, during or after, " }{ support_lines::link("the support lines") }{ " are at the foot of every page." }</p>
        </div>
    };
    match *choice {
        Choice::Undecided => html! {
            <div class="gate">
                { note }
                <p class="gate-question"><strong>{ "Are you in a good place to do this now?" }</strong></p>
                <p>{ "It is fine to wait until you feel steady, have some time, and are somewhere private." }</p>
                <div class="button-row">
                    <button type="button" class="button primary" onclick={set(Choice::Ready)}>{ "Yes, I am ready to start" }</button>
                    <button type="button" class="button" onclick={set(Choice::NotNow)}>{ "Not now" }</button>
                </div>
            </div>
        },
        Choice::NotNow => html! {
            <div class="gate">
                { note }
                <p role="status">{ "That is fine. This exercise will be here when you are ready: after a break, or on another day." }</p>
                <button type="button" class="button" onclick={set(Choice::Undecided)}>{ "I am ready now" }</button>
            </div>
        },
        Choice::Ready => html! {
            <>
                { note }
                <div class="step grounding">
                    <@{step} class="part-title">{ "Before you start" }</@>
                    { blocks_html_under(&exercise.grounding, props.level + 1) }
                </div>
                { props.children.clone() }
                <div class="step wind-down">
                    <@{step} class="part-title">{ "When you finish" }</@>
                    { blocks_html_under(&exercise.wind_down, props.level + 1) }
                    <p>{ "Every support line, and what to do in a crisis, is also in " }{ support_lines::link("the support panel") }{ " at the foot of the page." }</p>
                </div>
                { support_lines::render(&SupportLinesProps { curriculum: props.curriculum.clone(), inline: true, level: props.level + 1 }) }
            </>
        },
    }
}
