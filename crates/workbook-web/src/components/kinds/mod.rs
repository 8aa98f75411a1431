//! The ways to answer an exercise, one view per kind (plain functions, not components: they keep
//! no state, and every component costs the participant's download a few kilobytes). Each takes the exercise and the
//! current answer, and reports a whole new answer on every change; none keeps state of its own,
//! so what is on screen is always what will be saved.

mod checklist;
mod choice;
mod diary;
mod list;
mod plan;
mod questionnaire;
mod rating;
mod text;
mod worksheet;

use workbook_core::{Exercise, ExerciseKind};
use yew::prelude::*;

use crate::state::answer::Answer;

/// Props shared by every kind.
#[derive(PartialEq, Clone)]
pub struct KindProps {
    /// The exercise.
    pub exercise: Exercise,
    /// The current answer (of the shape the kind expects).
    pub answer: Answer,
    /// Called with the new answer on every change.
    pub on_change: Callback<Answer>,
    /// The symbol money columns show.
    pub currency: AttrValue,
    /// The level of the exercise's title: a kind's own headings sit one below it.
    pub level: u8,
}

/// The view for the exercise's kind.
pub fn render(props: &KindProps) -> Html {
    match props.exercise.kind {
        ExerciseKind::Writing { .. } | ExerciseKind::ShortAnswer { .. } => text::render(props),
        ExerciseKind::List { .. } => list::render(props),
        ExerciseKind::Rating { .. } => rating::render(props),
        ExerciseKind::Checklist { .. } => checklist::render(props),
        ExerciseKind::Choice { .. } => choice::render(props),
        ExerciseKind::Worksheet { .. } => worksheet::render(props),
        ExerciseKind::Diary { .. } => diary::render(props),
        ExerciseKind::Plan { .. } => plan::render(props),
        ExerciseKind::Questionnaire { .. } => questionnaire::render(props),
    }
}

/// A change to a list of items, applied by a button.
pub(crate) type Edit<T> = Box<dyn Fn(&mut T)>;

/// The `value` of the element an event came from (input, textarea or select).
pub(crate) fn value_of(event: &Event) -> String {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// Whether the checkbox an event came from is checked.
pub(crate) fn checked_of(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"checked".into()).ok())
        .and_then(|value| value.as_bool())
        .unwrap_or(false)
}

/// A button that removes or moves an item, with a label that says which.
pub(crate) fn small_button(
    label: &str,
    accessible: String,
    onclick: Callback<MouseEvent>,
    disabled: bool,
) -> Html {
    html! {
        <button type="button" class="button small" aria-label={accessible} {onclick} {disabled}>{ label }</button>
    }
}
