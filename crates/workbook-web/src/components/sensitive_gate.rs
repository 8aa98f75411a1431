//! The protections around every sensitive exercise, the same each time: the content note first;
//! "is now a good time?" with an easy way to leave it for later; a grounding step; then, after
//! the exercise, a wind-down step and the support lines.

use workbook_core::Exercise;
use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::Shared;
use super::markdown::{blocks_html_under, heading_tag, inlines_html};
use super::sentence::sentence;
use super::support_lines::{self, SupportLinesProps};
use crate::state::texts::t;

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
            <p class="callout-label">{ t(Msg::ExerciseContentNote) }</p>
            <p>{ inlines_html(&exercise.content_note) }</p>
            <p>{ sentence(Msg::SensitiveNoteSupport, &[("link", Arg::Slot)], |_| support_lines::link(t(Msg::SensitiveNoteSupportLink))) }</p>
        </div>
    };
    match *choice {
        Choice::Undecided => html! {
            <div class="gate">
                { note }
                <p class="gate-question"><strong>{ t(Msg::SensitiveQuestion) }</strong></p>
                <p>{ t(Msg::SensitiveWait) }</p>
                <div class="button-row">
                    <button type="button" class="button primary" onclick={set(Choice::Ready)}>{ t(Msg::SensitiveReady) }</button>
                    <button type="button" class="button" onclick={set(Choice::NotNow)}>{ t(Msg::SensitiveNotNow) }</button>
                </div>
            </div>
        },
        Choice::NotNow => html! {
            <div class="gate">
                { note }
                <p role="status">{ t(Msg::SensitiveLater) }</p>
                <button type="button" class="button" onclick={set(Choice::Undecided)}>{ t(Msg::SensitiveReadyNow) }</button>
            </div>
        },
        Choice::Ready => html! {
            <>
                { note }
                <div class="step grounding">
                    <@{step} class="part-title">{ t(Msg::SensitiveBefore) }</@>
                    { blocks_html_under(&exercise.grounding, props.level + 1) }
                </div>
                { props.children.clone() }
                <div class="step wind-down">
                    <@{step} class="part-title">{ t(Msg::SensitiveAfter) }</@>
                    { blocks_html_under(&exercise.wind_down, props.level + 1) }
                    <p>{ sentence(Msg::SensitiveAfterSupport, &[("link", Arg::Slot)], |_| support_lines::link(t(Msg::SensitiveAfterSupportLink))) }</p>
                </div>
                { support_lines::render(&SupportLinesProps { curriculum: props.curriculum.clone(), inline: true, level: props.level + 1 }) }
            </>
        },
    }
}
