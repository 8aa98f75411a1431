//! Worksheets: rows the participant adds, removes and reorders, each row a group of labelled
//! fields (one per column), so it works as well on a 320-pixel phone as on a desktop. Money and
//! number columns can show totals: one per entry, and one per column under the entries.

use std::collections::BTreeMap;

use workbook_core::interface::{Arg, Msg};
use workbook_core::{ColumnType, ExerciseKind};
use yew::prelude::*;

use super::{Edit, KindProps, small_button, value_of};
use crate::state::amounts;
use crate::state::answer::Answer;
use crate::state::texts::{t, tf};

type Rows = Vec<BTreeMap<String, String>>;

/// A worksheet answer.
pub fn render(props: &KindProps) -> Html {
    let ExerciseKind::Worksheet {
        columns, totals, ..
    } = &props.exercise.kind
    else {
        return html! {};
    };
    let id = &props.exercise.id;
    let rows: Rows = match &props.answer {
        Answer::Table { rows } => rows.clone(),
        _ => Vec::new(),
    };
    let change = |f: Edit<Rows>| {
        let (on_change, rows) = (props.on_change.clone(), rows.clone());
        Callback::from(move |_: MouseEvent| {
            let mut rows = rows.clone();
            f(&mut rows);
            on_change.emit(Answer::Table { rows });
        })
    };
    let count = rows.len();
    html! {
        <div class="worksheet">
            { for rows.iter().enumerate().map(|(r, row)| html! {
                <fieldset class="worksheet-row" key={r}>
                    <legend>{ tf(Msg::KindEntry, &[("number", (r + 1).into())]) }</legend>
                    { for columns.iter().enumerate().map(|(c, column)| {
                        let field = format!("{id}-r{r}-c{c}");
                        let value = row.get(&column.id).cloned().unwrap_or_default();
                        let update = {
                            let (on_change, rows, key) = (props.on_change.clone(), rows.clone(), column.id.clone());
                            move |e: Event| {
                                let mut rows = rows.clone();
                                rows[r].insert(key.clone(), value_of(&e));
                                on_change.emit(Answer::Table { rows });
                            }
                        };
                        let input = match column.column_type {
                            ColumnType::Text => html! {
                                <textarea id={field.clone()} rows="2" value={value} oninput={Callback::from(move |e: InputEvent| update(e.into()))} />
                            },
                            ColumnType::Number => html! {
                                <input type="number" inputmode="decimal" step="any" id={field.clone()} value={value}
                                    oninput={Callback::from(move |e: InputEvent| update(e.into()))} />
                            },
                            ColumnType::Money => html! {
                                <input type="number" inputmode="decimal" step="0.01" id={field.clone()} value={value}
                                    oninput={Callback::from(move |e: InputEvent| update(e.into()))} />
                            },
                            ColumnType::Date => html! {
                                <input type="date" id={field.clone()} value={value} onchange={Callback::from(update)} />
                            },
                            ColumnType::Rating { scale } => html! {
                                <select id={field.clone()} onchange={Callback::from(update)}>
                                    <option value="" selected={value.is_empty()}>{ t(Msg::WorksheetChoose) }</option>
                                    { for (scale.min..=scale.max).map(|point| html! {
                                        <option value={point.to_string()} selected={value == point.to_string()}>{ point }</option>
                                    }) }
                                </select>
                            },
                        };
                        let label = match column.column_type {
                            ColumnType::Rating { scale } => tf(Msg::WorksheetRatingColumn, &[
                                ("column", Arg::Text(&column.label)),
                                ("min", i64::from(scale.min).into()),
                                ("max", i64::from(scale.max).into()),
                            ]),
                            ColumnType::Money => tf(Msg::WorksheetMoneyColumn, &[
                                ("column", Arg::Text(&column.label)),
                                ("currency", Arg::Text(&props.currency)),
                            ]),
                            _ => column.label.clone(),
                        };
                        html! {
                            <div class="cell">
                                <label for={field}>{ label }</label>
                                { input }
                            </div>
                        }
                    }) }
                    if let Some(total) = amounts::entry_total(columns, *totals, row, &props.currency) {
                        <p class="entry-total">{ tf(Msg::WorksheetEntryTotal, &[("total", Arg::Text(&total))]) }</p>
                    }
                    // Cells of columns the author has since removed are kept, and shown.
                    { for row.iter().filter(|(key, v)| !v.is_empty() && !columns.iter().any(|c| &c.id == *key)).map(|(key, v)| html! {
                        <p class="retired">{ tf(Msg::WorksheetRetiredCell, &[("column", Arg::Text(key)), ("value", Arg::Text(v))]) }</p>
                    }) }
                    <div class="row-actions">
                        { small_button(&t(Msg::WorksheetMoveUp), tf(Msg::WorksheetMoveUpLabel, &[("number", (r + 1).into())]), change(Box::new(move |rows| rows.swap(r, r - 1))), r == 0) }
                        { small_button(&t(Msg::WorksheetMoveDown), tf(Msg::WorksheetMoveDownLabel, &[("number", (r + 1).into())]), change(Box::new(move |rows| rows.swap(r, r + 1))), r + 1 >= count) }
                        { small_button(&t(Msg::KindRemove), tf(Msg::KindRemoveEntry, &[("number", (r + 1).into())]), change(Box::new(move |rows| { rows.remove(r); })), false) }
                    </div>
                </fieldset>
            }) }
            <button type="button" class="button" onclick={change(Box::new(|rows| rows.push(BTreeMap::new())))}>{ t(Msg::WorksheetAddEntry) }</button>
            { column_totals(&amounts::column_totals(columns, *totals, &rows, &props.currency)) }
        </div>
    }
}

/// The totals of the amount columns, under the entries (announced as they change).
fn column_totals(totals: &[(String, String)]) -> Html {
    if totals.is_empty() {
        return html! {};
    }
    html! {
        <div class="column-totals" role="status">
            <p class="totals-heading"><strong>{ t(Msg::WorksheetTotals) }</strong></p>
            <ul>
                { for totals.iter().map(|(label, total)| html! { <li>{ amounts::column_total(label, total) }</li> }) }
            </ul>
        </div>
    }
}
