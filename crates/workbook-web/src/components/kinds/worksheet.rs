//! Worksheets: rows the participant adds, removes and reorders, each row a group of labelled
//! fields (one per column), so it works as well on a 320-pixel phone as on a desktop.

use std::collections::BTreeMap;

use workbook_core::{ColumnType, ExerciseKind};
use yew::prelude::*;

use super::{Edit, KindProps, small_button, value_of};
use crate::state::answer::Answer;

type Rows = Vec<BTreeMap<String, String>>;

/// A worksheet answer.
pub fn render(props: &KindProps) -> Html {
    let ExerciseKind::Worksheet { columns, .. } = &props.exercise.kind else {
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
                    <legend>{ format!("Entry {}", r + 1) }</legend>
                    { for columns.iter().enumerate().map(|(c, column)| {
                        let field = format!("{id}-r{r}-c{c}");
                        let value = row.get(&column.label).cloned().unwrap_or_default();
                        let update = {
                            let (on_change, rows, label) = (props.on_change.clone(), rows.clone(), column.label.clone());
                            move |e: Event| {
                                let mut rows = rows.clone();
                                rows[r].insert(label.clone(), value_of(&e));
                                on_change.emit(Answer::Table { rows });
                            }
                        };
                        let input = match column.column_type {
                            ColumnType::Text => html! {
                                <textarea id={field.clone()} rows="2" value={value} oninput={Callback::from(move |e: InputEvent| update(e.into()))} />
                            },
                            ColumnType::Number => html! {
                                <input type="number" inputmode="decimal" id={field.clone()} value={value}
                                    oninput={Callback::from(move |e: InputEvent| update(e.into()))} />
                            },
                            ColumnType::Date => html! {
                                <input type="date" id={field.clone()} value={value} onchange={Callback::from(update)} />
                            },
                            ColumnType::Rating { scale } => html! {
                                <select id={field.clone()} onchange={Callback::from(update)}>
                                    <option value="" selected={value.is_empty()}>{ "Choose…" }</option>
                                    { for (scale.min..=scale.max).map(|point| html! {
                                        <option value={point.to_string()} selected={value == point.to_string()}>{ point }</option>
                                    }) }
                                </select>
                            },
                        };
                        let hint = match column.column_type {
                            ColumnType::Rating { scale } => format!(" ({} to {})", scale.min, scale.max),
                            _ => String::new(),
                        };
                        html! {
                            <div class="cell">
                                <label for={field}>{ format!("{}{hint}", column.label) }</label>
                                { input }
                            </div>
                        }
                    }) }
                    // Cells of columns the author has since removed are kept, and shown.
                    { for row.iter().filter(|(label, v)| !v.is_empty() && !columns.iter().any(|c| &c.label == *label)).map(|(label, v)| html! {
                        <p class="retired">{ format!("{label} (no longer a column): {v}") }</p>
                    }) }
                    <div class="row-actions">
                        { small_button("Move up", format!("Move up entry {}", r + 1), change(Box::new(move |rows| rows.swap(r, r - 1))), r == 0) }
                        { small_button("Move down", format!("Move down entry {}", r + 1), change(Box::new(move |rows| rows.swap(r, r + 1))), r + 1 >= count) }
                        { small_button("Remove", format!("Remove entry {}", r + 1), change(Box::new(move |rows| { rows.remove(r); })), false) }
                    </div>
                </fieldset>
            }) }
            <button type="button" class="button" onclick={change(Box::new(|rows| rows.push(BTreeMap::new())))}>{ "Add an entry" }</button>
        </div>
    }
}
