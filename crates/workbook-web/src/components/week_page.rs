//! A week: its readings and exercises in the author's order.

use yew::prelude::*;

use super::Shared;
use super::answers::Answers;
use super::exercise::ExerciseView;
use super::reading::Reading;
use crate::state::outline::week_levels;
use crate::state::route::Route;
use crate::state::texts::{duration, t, tf};
use workbook_core::Section;
use workbook_core::interface::{Arg, Msg};

/// Props for [`WeekPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct WeekPageProps {
    /// The curriculum.
    pub curriculum: Shared,
    /// Index of the week.
    pub week: usize,
    /// The answers.
    pub answers: Answers,
    /// An exercise to scroll to.
    pub focus: Option<String>,
}

/// One week's page.
#[component]
pub fn WeekPage(props: &WeekPageProps) -> Html {
    let week = &props.curriculum.weeks[props.week];
    // After moving to another week (or exercise), show it and move focus there.
    use_effect_with((props.week, props.focus.clone()), |(_, focus)| {
        let target = match focus {
            Some(id) => format!("ex-{id}"),
            None => "week-title".into(),
        };
        scroll_to(&target, focus.is_none());
    });
    let previous = props
        .week
        .checked_sub(1)
        .and_then(|i| props.curriculum.weeks.get(i));
    let next = props.curriculum.weeks.get(props.week + 1);
    // Diaries that run through the whole course, from earlier weeks: shown again at the end.
    let course_diaries: Vec<&workbook_core::Exercise> = props.curriculum.weeks[..props.week]
        .iter()
        .flat_map(|earlier| &earlier.exercises)
        .filter(|e| {
            matches!(
                e.kind,
                workbook_core::ExerciseKind::Diary {
                    whole_course: true,
                    ..
                }
            )
        })
        .collect();
    html! {
        <article class="week">
            <p class="eyebrow">{ tf(Msg::WeekNumber, &[("number", week.number.into())]) }</p>
            <h1 id="week-title" tabindex="-1">{ week.title.clone() }</h1>
            <p class="lede">{ week.summary.clone() }</p>
            if let Some(minutes) = week.minutes {
                <p class="week-meta">{ tf(Msg::WeekMinutes, &[("duration", Arg::Text(&duration(minutes)))]) }</p>
            }
            { for week.content.iter().zip(week_levels(week)).enumerate().map(|(index, (section, level))| match section {
                Section::Reading { .. } => html! {
                    <Reading key={format!("r{index}")} curriculum={props.curriculum.clone()} week={props.week} section={index} after={level} />
                },
                Section::Exercise { id } => {
                    let exercise = week.exercises.iter().find(|e| &e.id == id);
                    match exercise {
                        Some(exercise) => exercise_view(props, exercise, level),
                        None => html! {},
                    }
                }
            }) }
            if !course_diaries.is_empty() {
                <section class="course-diaries" aria-labelledby="course-diaries-heading">
                    <h2 id="course-diaries-heading">{ t(Msg::WeekCourseDiaryHeading) }</h2>
                    <p>{ t(Msg::WeekCourseDiaryText) }</p>
                    { for course_diaries.iter().map(|exercise| exercise_view(props, exercise, 3)) }
                </section>
            }
            <nav class="week-nav" aria-label={t(Msg::WeekNavLabel)}>
                if let Some(previous) = previous {
                    <a href={Route::Week { week: previous.number, exercise: None }.href()}>{ tf(Msg::WeekPrevious, &[("number", previous.number.into()), ("title", Arg::Text(&previous.title))]) }</a>
                }
                <a href={Route::MyWorkbook { week: Some(week.number) }.href()}>{ t(Msg::WeekAnswersLink) }</a>
                if let Some(next) = next {
                    <a href={Route::Week { week: next.number, exercise: None }.href()}>{ tf(Msg::WeekNext, &[("number", next.number.into()), ("title", Arg::Text(&next.title))]) }</a>
                }
            </nav>
        </article>
    }
}

/// Brings an element into view. A week's title is focused with the page at the top (so the
/// navigation stays in sight); an exercise is scrolled to and its heading focused.
pub fn scroll_to(id: &str, top_of_page: bool) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(element) = window.document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let target = if top_of_page {
        window.scroll_to_with_x_and_y(0.0, 0.0);
        element.dyn_into::<web_sys::HtmlElement>().ok()
    } else {
        element.scroll_into_view();
        window
            .document()
            .and_then(|d| d.get_element_by_id(&format!("{id}-title")))
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let Some(target) = target {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
}

/// An exercise of the page, closed while its `show-if` does not hold (see
/// [`crate::state::progress::is_closed`]).
fn exercise_view(props: &WeekPageProps, exercise: &workbook_core::Exercise, level: u8) -> Html {
    let id = &exercise.id;
    let opens = crate::state::progress::is_closed(exercise, &props.curriculum, &props.answers)
        .then_some(exercise.show_if.as_ref())
        .flatten()
        .map(|condition| {
            AttrValue::from(crate::state::conditions::describe(
                condition,
                &props.curriculum,
            ))
        });
    html! {
        <ExerciseView key={id.clone()} curriculum={props.curriculum.clone()}
            exercise={exercise.clone()} entry={props.answers.entry(id).cloned()}
            conflict={props.answers.conflicts.contains(id)} {opens} {level} />
    }
}
