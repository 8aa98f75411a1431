//! "My workbook": every answer of a week, or of the whole course, on one page that prints well,
//! to bring to the group session. Also lists answers from earlier versions of the content.

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::Shared;
use super::answer_view::{answer_html, not_answered};
use super::answers::Answers;
use crate::state::progress::earlier_versions;
use crate::state::route::Route;
use crate::state::texts::{t, tf};

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
            <h1>{ match props.week { Some(n) => tf(Msg::MyWorkbookWeekHeading, &[("week", n.into())]), None => t(Msg::MyWorkbookHeading) } }</h1>
            <p class="no-print">
                { t(Msg::MyWorkbookIntro) }{ " " }
                if props.week.is_some() {
                    <a href={Route::MyWorkbook { week: None }.href()}>{ t(Msg::MyWorkbookWholeCourse) }</a>
                }
            </p>
            <p class="no-print"><button type="button" class="button" onclick={print}>{ t(Msg::MyWorkbookPrint) }</button></p>
            { for weeks.iter().map(|week| html! {
                <section class="workbook-week">
                    <h2>{ tf(Msg::MyWorkbookWeek, &[("week", week.number.into()), ("title", Arg::Text(&week.title))]) }</h2>
                    { for week.exercises.iter().map(|exercise| {
                        let entry = props.answers.entry(&exercise.id).filter(|e| e.answer.fits(exercise));
                        html! {
                            <section class="workbook-answer">
                                <h3>{ exercise.title.clone() }</h3>
                                { match entry {
                                    Some(entry) => answer_html(&entry.answer, Some(exercise), &props.curriculum.currency),
                                    None => not_answered(),
                                } }
                            </section>
                        }
                    }) }
                </section>
            }) }
            if !earlier.is_empty() {
                <section class="earlier-versions">
                    <h2>{ t(Msg::EarlierHeading) }</h2>
                    <p>{ t(Msg::EarlierIntro) }</p>
                    { for earlier.iter().map(|(id, entry)| html! {
                        <section class="workbook-answer">
                            <h3>{ curriculum.exercise(id).map(|(_, e)| e.title.clone()).unwrap_or_else(|| tf(Msg::EarlierGoneExercise, &[("id", Arg::Text(id))])) }</h3>
                            { answer_html(&entry.answer, curriculum.exercise(id).map(|(_, e)| e).filter(|e| entry.answer.fits(e)), &props.curriculum.currency) }
                        </section>
                    }) }
                </section>
            }
        </>
    }
}
