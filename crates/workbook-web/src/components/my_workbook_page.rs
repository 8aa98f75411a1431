//! "My workbook": every answer of a week, or of the whole course, on one page that prints well,
//! to bring to the group session. Also lists answers from earlier versions of the content.

use yew::prelude::*;

use super::Shared;
use super::answer_view::answer_html;
use super::answers::Answers;
use crate::state::progress::earlier_versions;
use crate::state::route::Route;

/// Props for [`WorkbookPage`].
#[derive(PartialEq, Clone)]
pub struct MyWorkbookPageProps {
    /// The curriculum.
    pub curriculum: Shared,
    /// The answers.
    pub answers: Answers,
    /// One week, or the whole course.
    pub week: Option<u32>,
}

/// The printable workbook.
pub fn render(props: &MyWorkbookPageProps) -> Html {
    let curriculum = &props.curriculum;
    let weeks: Vec<_> = curriculum
        .weeks
        .iter()
        .filter(|w| props.week.is_none_or(|n| n == w.number))
        .collect();
    let earlier = if props.week.is_none() {
        earlier_versions(curriculum, &props.answers)
    } else {
        Vec::new()
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <>
            <h1>{ match props.week { Some(n) => format!("My answers: week {n}"), None => "My workbook".to_string() } }</h1>
            <p class="no-print">
                { "All your answers on one page. You can print it, or show it on screen, if you want to share something at the group. You choose what to share. " }
                if props.week.is_some() {
                    <a href={Route::MyWorkbook { week: None }.href()}>{ "See the whole course" }</a>
                }
            </p>
            <p class="no-print"><button type="button" class="button" onclick={print}>{ "Print this page" }</button></p>
            { for weeks.iter().map(|week| html! {
                <section class="workbook-week">
                    <h2>{ format!("Week {}: {}", week.number, week.title) }</h2>
                    { for week.exercises.iter().map(|exercise| {
                        let entry = props.answers.entry(&exercise.id).filter(|e| e.answer.fits(exercise));
                        html! {
                            <section class="workbook-answer">
                                <h3>{ exercise.title.clone() }</h3>
                                { match entry {
                                    Some(entry) => answer_html(&entry.answer, Some(exercise), &props.curriculum.currency),
                                    None => html! { <p class="empty">{ "(not answered yet)" }</p> },
                                } }
                            </section>
                        }
                    }) }
                </section>
            }) }
            if !earlier.is_empty() {
                <section class="earlier-versions">
                    <h2>{ "Answers from earlier versions" }</h2>
                    <p>{ "The workbook's content has changed since you wrote these. Your answers are kept here, word for word." }</p>
                    { for earlier.iter().map(|(id, entry)| html! {
                        <section class="workbook-answer">
                            <h3>{ curriculum.exercise(id).map(|(_, e)| e.title.clone()).unwrap_or_else(|| format!("An exercise that is no longer in the workbook ({id})")) }</h3>
                            { answer_html(&entry.answer, curriculum.exercise(id).map(|(_, e)| e).filter(|e| entry.answer.fits(e)), &props.curriculum.currency) }
                        </section>
                    }) }
                </section>
            }
        </>
    }
}
