//! A list the participant writes, one item per line, with lines to add and remove.

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::{Edit, KindProps, small_button, value_of};
use crate::state::answer::Answer;
use crate::state::texts::{t, tf};

/// A list answer.
pub fn render(props: &KindProps) -> Html {
    let id = props.exercise.id.clone();
    let items = match &props.answer {
        Answer::List { items } => items.clone(),
        _ => Vec::new(),
    };
    let change = |f: Edit<Vec<String>>| {
        let (on_change, items) = (props.on_change.clone(), items.clone());
        move || {
            let mut items = items.clone();
            f(&mut items);
            on_change.emit(Answer::List { items });
        }
    };
    let add = {
        let change = change(Box::new(|items| items.push(String::new())));
        Callback::from(move |_: MouseEvent| change())
    };
    html! {
        <div class="field list-answer">
            <ol class="answer-list">
                { for items.iter().enumerate().map(|(i, item)| {
                    let field = format!("{id}-item-{i}");
                    let oninput = {
                        let (on_change, items) = (props.on_change.clone(), items.clone());
                        Callback::from(move |e: InputEvent| {
                            let mut items = items.clone();
                            items[i] = value_of(&e);
                            on_change.emit(Answer::List { items });
                        })
                    };
                    let remove = {
                        let change = change(Box::new(move |items| { items.remove(i); }));
                        Callback::from(move |_: MouseEvent| change())
                    };
                    html! {
                        <li key={i}>
                            <label for={field.clone()} class="visually-hidden">{ tf(Msg::ListItemLabel, &[("number", (i + 1).into())]) }</label>
                            <input type="text" id={field} value={item.clone()} {oninput} />
                            { small_button(&t(Msg::KindRemove), tf(Msg::ListRemoveItem, &[("number", (i + 1).into())]), remove, false) }
                        </li>
                    }
                }) }
            </ol>
            <button type="button" class="button" onclick={add}>{ t(Msg::KindAddAnother) }</button>
        </div>
    }
}
