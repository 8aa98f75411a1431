//! One exercise: its title, prompt and guidance, the way to answer it, and "Mark as done". A
//! sensitive exercise is wrapped in the same protections every time (see [`SensitiveGate`]).

use std::rc::Rc;

use workbook_core::interface::{Arg, Msg};
use workbook_core::{Exercise, ExerciseKind};
use yew::prelude::*;

use super::kinds::{self, KindProps};
use super::markdown::{blocks_html_under, heading_tag, inlines_html};
use super::sensitive_gate::SensitiveGate;
use super::{DraftsContext, Shared};
use crate::state::answer::Answer;
use crate::state::drafts::Action;
use crate::state::store::Entry;
use crate::state::texts::{duration, t, tf};

/// Props for [`ExerciseView`].
#[derive(Properties, Clone)]
pub struct ExerciseProps {
    /// The curriculum (for the support lines of sensitive exercises).
    pub curriculum: Shared,
    /// The exercise.
    pub exercise: Exercise,
    /// The stored answer, if any.
    pub entry: Option<Rc<Entry>>,
    /// Another tab or window stored a different version of this answer; it was kept aside.
    pub conflict: bool,
    /// The level of the exercise's title on its page (see
    /// [`crate::state::outline::week_levels`]).
    pub level: u8,
    /// Set while the exercise waits for an earlier answer (its `show-if`): when it opens, in
    /// words.
    pub opens: Option<AttrValue>,
}

impl PartialEq for ExerciseProps {
    fn eq(&self, other: &Self) -> bool {
        let same_entry = match (&self.entry, &other.entry) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_entry
            && self.conflict == other.conflict
            && self.opens == other.opens
            && self.level == other.level
            && self.curriculum == other.curriculum
            && self.exercise.id == other.exercise.id
    }
}

/// What a participant sees as the kind of an exercise.
pub fn kind_label(kind: &ExerciseKind) -> String {
    t(match kind {
        ExerciseKind::Writing { .. } => Msg::ExerciseKindWriting,
        ExerciseKind::ShortAnswer { .. } => Msg::ExerciseKindShortAnswer,
        ExerciseKind::List { .. } => Msg::ExerciseKindList,
        ExerciseKind::Rating { .. } => Msg::ExerciseKindRating,
        ExerciseKind::Checklist { .. } => Msg::ExerciseKindChecklist,
        ExerciseKind::Choice { .. } => Msg::ExerciseKindChoice,
        ExerciseKind::Worksheet { .. } => Msg::ExerciseKindWorksheet,
        ExerciseKind::Diary { .. } => Msg::ExerciseKindDiary,
        ExerciseKind::Plan { .. } => Msg::ExerciseKindPlan,
        ExerciseKind::Questionnaire { .. } => Msg::ExerciseKindQuestionnaire,
    })
}

/// One exercise.
#[component]
pub fn ExerciseView(props: &ExerciseProps) -> Html {
    let context = use_context::<DraftsContext>();
    let exercise = &props.exercise;
    let id = exercise.id.clone();
    let fits = props.entry.as_ref().is_none_or(|e| e.answer.fits(exercise));
    let answer = props
        .entry
        .as_ref()
        .filter(|_| fits)
        .map(|e| e.answer.clone())
        .unwrap_or_else(|| Answer::empty_for(exercise));
    let done = props.entry.as_ref().is_some_and(|e| e.done);
    let kind = exercise.kind.name();

    let on_change = {
        let context = context.clone();
        let id = id.clone();
        Callback::from(move |answer: Answer| {
            if let Some(context) = &context {
                context.dispatch.dispatch(Action::Edit {
                    id: id.clone(),
                    kind,
                    answer,
                    now: crate::browser::now(),
                });
                context.working_on.emit(id.clone());
            }
        })
    };
    let on_done = {
        let context = context.clone();
        let id = id.clone();
        let fallback = answer.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let checked = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|input| input.checked());
            if let Some(context) = &context {
                context.dispatch.dispatch(Action::SetDone {
                    id: id.clone(),
                    kind,
                    done: checked,
                    fallback: fallback.clone(),
                    now: crate::browser::now(),
                });
            }
        })
    };

    let body = html! {
        <>
            <div class="prompt">{ blocks_html_under(&exercise.prompt, props.level) }</div>
            if !exercise.guidance.is_empty() {
                <details class="guidance">
                    <summary>{ t(Msg::ExerciseGuidance) }</summary>
                    { blocks_html_under(&exercise.guidance, props.level) }
                </details>
            }
            if props.conflict {
                <p class="notice" role="status">{ t(Msg::ExerciseConflict) }</p>
            }
            if !fits {
                <p class="notice">{ t(Msg::ExerciseChanged) }</p>
            }
            { kinds::render(&KindProps { exercise: exercise.clone(), answer: answer.clone(), on_change, currency: props.curriculum.currency.clone().into(), level: props.level }) }
            <p class="done-toggle">
                <input type="checkbox" id={format!("{id}-done")} checked={done} onchange={on_done} />
                <label for={format!("{id}-done")}>{ t(Msg::ExerciseMarkDone) }</label>
            </p>
        </>
    };

    let title_id = format!("ex-{id}-title");
    let heading = heading_tag(props.level.max(2));
    if let Some(opens) = &props.opens {
        return html! {
            <section id={format!("ex-{id}")} class="exercise closed" data-kind={kind} aria-labelledby={title_id.clone()}>
                <@{heading} id={title_id} class="exercise-title" tabindex="-1">{ exercise.title.clone() }</@>
                <p class="condition-note">{ tf(Msg::ExerciseOpens, &[("condition", Arg::Text(opens))]) }</p>
            </section>
        };
    }
    html! {
        <section id={format!("ex-{id}")} class={classes!("exercise", exercise.sensitive.then_some("sensitive"), done.then_some("done"))}
            data-kind={kind} aria-labelledby={title_id.clone()}>
            <@{heading} id={title_id} class="exercise-title" tabindex="-1">{ exercise.title.clone() }</@>
            <p class="exercise-meta">
                { kind_label(&exercise.kind) }
                { exercise.minutes.map(|m| format!(" · {}", tf(Msg::ExerciseMinutes, &[("duration", Arg::Text(&duration(m)))]))).unwrap_or_default() }
                if done { <span class="done-mark">{ format!(" · {}", t(Msg::ExerciseDone)) }</span> }
            </p>
            if !exercise.sensitive && !exercise.content_note.is_empty() {
                <div class="callout content-note" role="note">
                    <p class="callout-label">{ t(Msg::ExerciseContentNote) }</p>
                    <p>{ inlines_html(&exercise.content_note) }</p>
                </div>
            }
            if exercise.sensitive {
                <SensitiveGate curriculum={props.curriculum.clone()} exercise={exercise.clone()} level={props.level}
                    started={!answer.is_empty()}>
                    { body }
                </SensitiveGate>
            } else {
                { body }
            }
        </section>
    }
}
