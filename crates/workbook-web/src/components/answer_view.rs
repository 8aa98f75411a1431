//! An answer shown read-only, for the printable workbook and for answers from earlier versions.

use workbook_core::{ColumnType, Exercise, ExerciseKind};
use yew::prelude::*;

use crate::state::answer::Answer;

/// An answer as text and tables. `exercise` gives labels (scale, columns) when it still fits.
pub fn answer_html(answer: &Answer, exercise: Option<&Exercise>) -> Html {
    let blank = || html! { <p class="empty">{ "(not answered yet)" }</p> };
    if answer.is_empty() {
        return blank();
    }
    match answer {
        Answer::Text { text } => html! {
            <div class="answer-text">{ for text.split('\n').map(|line| html! { <p>{ line.to_string() }</p> }) }</div>
        },
        Answer::List { items } => html! {
            <ol>{ for items.iter().filter(|i| !i.trim().is_empty()).map(|i| html! { <li>{ i.clone() }</li> }) }</ol>
        },
        Answer::Ratings { values } => {
            let (labels, scale) = match exercise.map(|e| &e.kind) {
                Some(ExerciseKind::Rating { items, scale, .. }) => (items.clone(), Some(*scale)),
                _ => (Vec::new(), None),
            };
            html! {
                <ul>
                    { for values.iter().enumerate().map(|(i, v)| {
                        let label = labels.get(i).cloned().unwrap_or_else(|| "Rating".into());
                        let of = scale.map(|s| format!(" (out of {})", s.max)).unwrap_or_default();
                        html! { <li>{ format!("{label}: {}{of}", v.map_or("not rated".into(), |v| v.to_string())) }</li> }
                    }) }
                </ul>
            }
        }
        Answer::Checklist {
            ticked,
            other_ticked,
            other,
        } => html! {
            <ul>
                { for ticked.iter().map(|t| html! { <li>{ t.clone() }</li> }) }
                if *other_ticked || !other.trim().is_empty() { <li>{ format!("Other: {other}") }</li> }
            </ul>
        },
        Answer::Choice { chosen, other } => match chosen.as_deref() {
            Some("") | None => html! { <p>{ format!("Other: {other}") }</p> },
            Some(option) => html! { <p>{ option.to_string() }</p> },
        },
        Answer::Table { rows } => {
            let columns: Vec<(String, bool)> = match exercise.map(|e| &e.kind) {
                Some(ExerciseKind::Worksheet { columns, .. }) => columns
                    .iter()
                    .map(|c| {
                        (
                            c.label.clone(),
                            matches!(
                                c.column_type,
                                ColumnType::Rating { .. } | ColumnType::Number
                            ),
                        )
                    })
                    .collect(),
                _ => {
                    let mut labels: Vec<String> =
                        rows.iter().flat_map(|r| r.keys().cloned()).collect();
                    workbook_core::insertion_sort_by(&mut labels, |a, b| a < b);
                    labels.dedup();
                    labels.into_iter().map(|l| (l, false)).collect()
                }
            };
            html! {
                <div class="table-scroll">
                    <table>
                        <thead><tr>{ for columns.iter().map(|(c, _)| html! { <th scope="col">{ c.clone() }</th> }) }</tr></thead>
                        <tbody>
                            { for rows.iter().filter(|r| r.values().any(|v| !v.trim().is_empty())).map(|row| html! {
                                <tr>{ for columns.iter().map(|(c, numeric)| html! {
                                    <td class={numeric.then_some("number")}>{ row.get(c).cloned().unwrap_or_default() }</td>
                                }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        }
        Answer::Diary { entries } => html! {
            <dl>
                { for entries.iter().filter(|e| !e.text.trim().is_empty()).map(|e| html! {
                    <>
                        <dt>{ if e.date.is_empty() { "(no date)".to_string() } else { e.date.clone() } }</dt>
                        <dd>{ e.text.clone() }</dd>
                    </>
                }) }
            </dl>
        },
        Answer::Plan { sections } => html! {
            <>
                { for sections.iter().filter(|(_, items)| items.iter().any(|i| !i.trim().is_empty())).map(|(title, items)| html! {
                    <>
                        <h4>{ title.clone() }</h4>
                        <ul>{ for items.iter().filter(|i| !i.trim().is_empty()).map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
                    </>
                }) }
            </>
        },
    }
}
