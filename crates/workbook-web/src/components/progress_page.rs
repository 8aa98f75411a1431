//! Progress: each week's exercises done, and ratings and choices repeated later in the course, compared.

use yew::prelude::*;

use super::Shared;
use super::answers::Answers;
use super::chart::{self, ChartProps};
use crate::state::progress::{choice_comparisons, comparisons, week_progress};
use crate::state::route::Route;

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
    let value = |v: &Option<i32>| v.map_or("not yet".to_string(), |v| v.to_string());
    html! {
        <>
            <h1>{ "Your progress" }</h1>
            <p>{ "There are no marks. This page shows what you have marked as done, and how some of your answers have changed." }</p>
            <h2>{ "Each week" }</h2>
            <table class="progress-table">
                <thead><tr><th scope="col">{ "Week" }</th><th scope="col">{ "Exercises done" }</th></tr></thead>
                <tbody>
                    { for curriculum.weeks.iter().map(|week| {
                        let p = week_progress(week, curriculum, &props.answers);
                        html! {
                            <tr>
                                <th scope="row"><a href={Route::Week { week: week.number, exercise: None }.href()}>{ format!("{}. {}", week.number, week.title) }</a></th>
                                <td>{ format!("{} of {}", p.done, p.total) }
                                    if p.started > p.done { <br />{ format!("({} started)", p.started) } }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <h2>{ "Then and now" }</h2>
            if comparisons.is_empty() && choices.is_empty() {
                <p>{ "Some questions come back later in the course. When they do, you will see your answers here side by side." }</p>
            }
            { for comparisons.iter().map(|comparison| html! {
                <section class="comparison">
                    <h3>{ comparison.title.clone() }</h3>
                    { chart::render(&ChartProps { comparison: comparison.clone() }) }
                    <div class="table-scroll">
                        <table>
                            <thead><tr>
                                <th scope="col">{ "Statement" }</th>
                                { for comparison.weeks.iter().map(|week| html! { <th scope="col">{ format!("Week {week}") }</th> }) }
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
                        <thead><tr><th scope="col">{ "Week" }</th><th scope="col">{ "Your answer" }</th></tr></thead>
                        <tbody>
                            { for choice.answers.iter().map(|(week, answer)| html! {
                                <tr><th scope="row">{ format!("Week {week}") }</th>
                                    <td>{ answer.clone().unwrap_or_else(|| "not answered yet".to_string()) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </section>
            }) }
        </>
    }
}
