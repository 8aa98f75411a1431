//! Diaries: dated entries added over the week.

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::{Edit, KindProps, small_button, value_of};
use crate::state::answer::{Answer, DiaryEntry};
use crate::state::texts::{t, tf};

/// A diary answer.
pub fn render(props: &KindProps) -> Html {
    let id = &props.exercise.id;
    let entries = match &props.answer {
        Answer::Diary { entries } => entries.clone(),
        _ => Vec::new(),
    };
    let change = |f: Edit<Vec<DiaryEntry>>| {
        let (on_change, entries) = (props.on_change.clone(), entries.clone());
        Callback::from(move |_: MouseEvent| {
            let mut entries = entries.clone();
            f(&mut entries);
            on_change.emit(Answer::Diary { entries });
        })
    };
    let edit = |i: usize, date: bool| {
        let (on_change, entries) = (props.on_change.clone(), entries.clone());
        move |e: Event| {
            let mut entries = entries.clone();
            if date {
                entries[i].date = value_of(&e);
            } else {
                entries[i].text = value_of(&e);
            }
            on_change.emit(Answer::Diary { entries });
        }
    };
    html! {
        <div class="diary">
            if entries.is_empty() {
                <p class="empty">{ t(Msg::DiaryEmpty) }</p>
            }
            { for entries.iter().enumerate().map(|(i, entry)| {
                let (date_field, text_field) = (format!("{id}-e{i}-date"), format!("{id}-e{i}-text"));
                let on_date = edit(i, true);
                let on_text = edit(i, false);
                html! {
                    <fieldset class="diary-entry" key={i}>
                        <legend>{ tf(Msg::KindEntry, &[("number", (i + 1).into())]) }</legend>
                        <div class="cell">
                            <label for={date_field.clone()}>{ t(Msg::DiaryDate) }</label>
                            <input type="date" id={date_field} value={entry.date.clone()} onchange={Callback::from(on_date)} />
                        </div>
                        <div class="cell">
                            <label for={text_field.clone()}>{ t(Msg::DiaryWhatHappened) }</label>
                            <textarea id={text_field} rows="4" value={entry.text.clone()}
                                oninput={Callback::from(move |e: InputEvent| on_text(e.into()))} />
                        </div>
                        <div class="row-actions">
                            { small_button(&t(Msg::KindRemove), tf(Msg::KindRemoveEntry, &[("number", (i + 1).into())]), change(Box::new(move |entries| { entries.remove(i); })), false) }
                        </div>
                    </fieldset>
                }
            }) }
            <button type="button" class="button" onclick={change(Box::new(|entries| entries.push(DiaryEntry { date: crate::browser::today(), text: String::new() })))}>
                { t(Msg::DiaryAddToday) }
            </button>
        </div>
    }
}
