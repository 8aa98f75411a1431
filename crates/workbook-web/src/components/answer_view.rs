//! An answer shown read-only, for the printable workbook and for answers from earlier versions.
//! Ids are shown as the exercise's words for them; an id the exercise no longer has (or an
//! answer whose exercise is gone) is shown as it is stored.

use workbook_core::interface::{Arg, Msg};
use workbook_core::{Exercise, ExerciseKind, Item};
use yew::prelude::*;

use crate::state::amounts;
use crate::state::answer::{Answer, other_words};
use crate::state::score;
use crate::state::texts::{self, t, tf};

/// The words for `id` in `items`, or the id itself when the list no longer has it.
fn label_of(items: &[Item], id: &str) -> String {
    items
        .iter()
        .find(|item| item.id == id)
        .map_or_else(|| id.to_string(), |item| item.label.clone())
}

/// "(not answered yet)", where an answer would be.
pub fn not_answered() -> Html {
    html! { <p class="empty">{ t(Msg::AnswerNotAnswered) }</p> }
}

/// An answer as text and tables. `exercise` gives the words (statements, options, columns,
/// sections) when it still fits; `currency` is what money is shown with.
pub fn answer_html(answer: &Answer, exercise: Option<&Exercise>, currency: &str) -> Html {
    if answer.is_empty() {
        return not_answered();
    }
    let kind = exercise.map(|e| &e.kind);
    match answer {
        Answer::Text { text } => html! {
            <div class="answer-text">{ for text.split('\n').map(|line| html! { <p>{ line.to_string() }</p> }) }</div>
        },
        Answer::List { items } => html! {
            <ol>{ for items.iter().filter(|i| !i.trim().is_empty()).map(|i| html! { <li>{ i.clone() }</li> }) }</ol>
        },
        Answer::Ratings { values } => {
            let (items, scale) = match kind {
                Some(ExerciseKind::Rating { items, scale, .. }) => (items.as_slice(), Some(*scale)),
                _ => (&[][..], None),
            };
            let max = scale.map(|s| Arg::from(i64::from(s.max)));
            // The exercise's statements first, in its order; then any it no longer has.
            let mut rows: Vec<(String, Option<i32>)> = items
                .iter()
                .map(|item| (item.label.clone(), values.get(&item.id).copied()))
                .collect();
            rows.extend(
                values
                    .iter()
                    .filter(|(id, _)| !items.iter().any(|item| &item.id == *id))
                    .map(|(id, v)| {
                        (
                            if id.is_empty() {
                                t(Msg::AnswerRatingUnnamed)
                            } else {
                                id.clone()
                            },
                            Some(*v),
                        )
                    }),
            );
            html! {
                <ul>
                    { for rows.iter().map(|(label, v)| html! {
                        <li>{ match (v, max.clone()) {
                            (Some(v), Some(max)) => tf(Msg::AnswerRatingOutOf, &[("statement", Arg::Text(label)), ("value", i64::from(*v).into()), ("max", max)]),
                            (Some(v), None) => tf(Msg::AnswerRating, &[("statement", Arg::Text(label)), ("value", i64::from(*v).into())]),
                            (None, Some(max)) => tf(Msg::AnswerNotRatedOutOf, &[("statement", Arg::Text(label)), ("max", max)]),
                            (None, None) => tf(Msg::AnswerNotRated, &[("statement", Arg::Text(label))]),
                        } }</li>
                    }) }
                </ul>
            }
        }
        Answer::Checklist {
            ticked,
            other_ticked,
            other,
        } => {
            let options = match kind {
                Some(ExerciseKind::Checklist { options, .. }) => options.as_slice(),
                _ => &[][..],
            };
            html! {
                <ul>
                    { for ticked.iter().map(|t| html! { <li>{ label_of(options, t) }</li> }) }
                    if *other_ticked || !other.trim().is_empty() { <li>{ other_words(other) }</li> }
                </ul>
            }
        }
        Answer::Choice { chosen, other } => {
            let options = match kind {
                Some(ExerciseKind::Choice { options, .. }) => options.as_slice(),
                _ => &[][..],
            };
            match chosen.as_deref() {
                Some("") | None => html! { <p>{ other_words(other) }</p> },
                Some(option) => html! { <p>{ label_of(options, option) }</p> },
            }
        }
        Answer::Table { rows } => {
            let (mut columns, totals) = match kind {
                Some(ExerciseKind::Worksheet {
                    columns, totals, ..
                }) => (columns.clone(), *totals),
                _ => (Vec::new(), Default::default()),
            };
            // Cells under columns the worksheet no longer has (or of an exercise that has gone)
            // are shown too, under what they were stored by.
            let mut retired: Vec<String> = rows
                .iter()
                .flat_map(|row| row.iter())
                .filter(|(key, value)| {
                    !value.trim().is_empty() && !columns.iter().any(|c| &c.id == *key)
                })
                .map(|(key, _)| key.clone())
                .collect();
            workbook_core::insertion_sort_by(&mut retired, |a, b| a < b);
            retired.dedup();
            columns.extend(retired.into_iter().map(|key| workbook_core::Column {
                label: key.clone(),
                id: key,
                column_type: workbook_core::ColumnType::Text,
            }));
            let filled: Vec<_> = rows
                .iter()
                .filter(|r| r.values().any(|v| !v.trim().is_empty()))
                .collect();
            let column_totals = amounts::column_totals(&columns, totals, rows, currency);
            html! {
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            { for columns.iter().map(|c| html! { <th scope="col">{ c.label.clone() }</th> }) }
                            if totals.entries { <th scope="col">{ t(Msg::AnswerTotalColumn) }</th> }
                        </tr></thead>
                        <tbody>
                            { for filled.iter().map(|row| html! {
                                <tr>
                                    { for columns.iter().map(|c| html! {
                                        <td class={c.column_type.is_amount().then_some("number")}>{ row.get(&c.id).cloned().unwrap_or_default() }</td>
                                    }) }
                                    if totals.entries {
                                        <td class="number">{ amounts::entry_total(&columns, totals, row, currency).unwrap_or_default() }</td>
                                    }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    if !column_totals.is_empty() {
                        <p class="totals">{ column_totals.iter().map(|(label, total)| amounts::column_total(label, total)).collect::<Vec<_>>().join(" · ") }</p>
                    }
                </div>
            }
        }
        Answer::Diary { entries } => html! {
            <dl>
                { for entries.iter().filter(|e| !e.text.trim().is_empty()).map(|e| html! {
                    <>
                        <dt>{ if e.date.is_empty() { t(Msg::AnswerNoDate) } else { texts::date(&e.date) } }</dt>
                        <dd>{ e.text.clone() }</dd>
                    </>
                }) }
            </dl>
        },
        Answer::Plan { sections } => {
            let defined = match kind {
                Some(ExerciseKind::Plan { sections }) => sections.as_slice(),
                _ => &[][..],
            };
            // The exercise's sections in its order, then any it no longer has.
            let mut order: Vec<(String, &Vec<String>)> = defined
                .iter()
                .filter_map(|s| sections.get(&s.id).map(|items| (s.label.clone(), items)))
                .collect();
            order.extend(
                sections
                    .iter()
                    .filter(|(id, _)| !defined.iter().any(|s| &s.id == *id))
                    .map(|(id, items)| (id.clone(), items)),
            );
            html! {
                <>
                    { for order.iter().filter(|(_, items)| items.iter().any(|i| !i.trim().is_empty())).map(|(title, items)| html! {
                        <>
                            <h4>{ title.clone() }</h4>
                            <ul>{ for items.iter().filter(|i| !i.trim().is_empty()).map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
                        </>
                    }) }
                </>
            }
        }
        Answer::Questionnaire { responses } => {
            let (items, scale, show_total, bands) = match kind {
                Some(ExerciseKind::Questionnaire {
                    items,
                    responses: scale,
                    show_total,
                    bands,
                    ..
                }) => (
                    items.as_slice(),
                    scale.as_slice(),
                    *show_total,
                    bands.as_slice(),
                ),
                _ => (&[][..], &[][..], false, &[][..]),
            };
            let response_label = |id: &str| {
                scale
                    .iter()
                    .find(|r| r.id == id)
                    .map_or_else(|| id.to_string(), |r| r.label.clone())
            };
            let total = kind.and_then(|kind| score::total(kind, responses));
            // The exercise's items in its order, then any it no longer has.
            let mut rows: Vec<(String, String)> = items
                .iter()
                .filter_map(|item| {
                    responses
                        .get(&item.id)
                        .map(|r| (item.label.clone(), response_label(r)))
                })
                .collect();
            rows.extend(
                responses
                    .iter()
                    .filter(|(id, _)| !items.iter().any(|item| &item.id == *id))
                    .map(|(id, r)| (id.clone(), response_label(r))),
            );
            html! {
                <>
                    <ul>
                        { for rows.iter().map(|(item, response)| html! { <li>{ tf(Msg::AnswerResponse, &[("statement", Arg::Text(item)), ("response", Arg::Text(response))]) }</li> }) }
                    </ul>
                    if let (true, Some(total)) = (show_total, total) {
                        <p>{ match score::band(bands, total) {
                            Some(band) => tf(Msg::AnswerTotalBand, &[("total", i64::from(total).into()), ("band", Arg::Text(&band.label))]),
                            None => tf(Msg::AnswerTotal, &[("total", i64::from(total).into())]),
                        } }</p>
                    }
                </>
            }
        }
    }
}
