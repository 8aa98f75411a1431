//! Progress: each week's exercises done, and ratings and choices repeated later in the course, compared.

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::Shared;
use super::answers::Answers;
use super::chart::{self, ChartProps};
use crate::state::progress::{choice_comparisons, comparisons, week_progress};
use crate::state::route::Route;
use crate::state::texts::{t, tf};

/// Props for [`ProgressPage`].
#[derive(PartialEq, Clone)]
pub struct ProgressPageProps {
    /// The curriculum.
    pub curriculum: Shared,
    /// The answers.
    pub answers: Answers,
}

/// The progress page.
pub fn render(props: &ProgressPageProps) -> Html {
    let curriculum = &props.curriculum;
    let comparisons = comparisons(curriculum, &props.answers);
    let choices = choice_comparisons(curriculum, &props.answers);
    let value = |v: &Option<i32>| v.map_or_else(|| t(Msg::ProgressNotYet), |v| v.to_string());
    let week_number = |week: u32| tf(Msg::ProgressWeekNumber, &[("week", week.into())]);
    html! {
        <>
            <h1>{ t(Msg::ProgressHeading) }</h1>
            <p>{ t(Msg::ProgressIntro) }</p>
            <h2>{ t(Msg::ProgressEachWeek) }</h2>
            <table class="progress-table">
                <thead><tr><th scope="col">{ t(Msg::ProgressWeekColumn) }</th><th scope="col">{ t(Msg::ProgressDoneColumn) }</th></tr></thead>
                <tbody>
                    { for curriculum.weeks.iter().map(|week| {
                        let p = week_progress(week, curriculum, &props.answers);
                        html! {
                            <tr>
                                <th scope="row"><a href={Route::Week { week: week.number, exercise: None }.href()}>{ tf(Msg::ProgressWeekLink, &[("week", week.number.into()), ("title", Arg::Text(&week.title))]) }</a></th>
                                <td>{ tf(Msg::ProgressDone, &[("done", p.done.into()), ("total", p.total.into())]) }
                                    if p.started > p.done { <br />{ tf(Msg::ProgressStarted, &[("count", p.started.into())]) } }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <h2>{ t(Msg::ProgressThenAndNow) }</h2>
            if comparisons.is_empty() && choices.is_empty() {
                <p>{ t(Msg::ProgressNoComparisons) }</p>
            }
            { for comparisons.iter().map(|comparison| html! {
                <section class="comparison">
                    <h3>{ comparison.title.clone() }</h3>
                    { chart::render(&ChartProps { comparison: comparison.clone() }) }
                    <div class="table-scroll">
                        <table>
                            <thead><tr>
                                <th scope="col">{ t(Msg::ProgressStatement) }</th>
                                { for comparison.weeks.iter().map(|week| html! { <th scope="col">{ week_number(*week) }</th> }) }
                            </tr></thead>
                            <tbody>
                                { for comparison.rows.iter().map(|(label, values)| html! {
                                    <tr><th scope="row">{ label.clone() }</th>
                                        { for values.iter().map(|v| html! { <td>{ value(v) }</td> }) }</tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
            }) }
            { for choices.iter().map(|choice| html! {
                <section class="comparison">
                    <h3>{ choice.title.clone() }</h3>
                    <table>
                        <thead><tr><th scope="col">{ t(Msg::ProgressWeekColumn) }</th><th scope="col">{ t(Msg::ProgressYourAnswer) }</th></tr></thead>
                        <tbody>
                            { for choice.answers.iter().map(|(week, answer)| html! {
                                <tr><th scope="row">{ week_number(*week) }</th>
                                    <td>{ answer.clone().unwrap_or_else(|| t(Msg::ProgressNotAnswered)) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </section>
            }) }
        </>
    }
}
