//! Plans: named sections, each a list the participant fills in.

use workbook_core::ExerciseKind;
use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::{Edit, KindProps, small_button, value_of};
use crate::components::markdown::heading_tag;
use crate::state::answer::Answer;
use crate::state::texts::{t, tf};

/// A plan answer.
pub fn render(props: &KindProps) -> Html {
    let ExerciseKind::Plan {
        sections: definitions,
    } = &props.exercise.kind
    else {
        return html! {};
    };
    let id = &props.exercise.id;
    let sections = match &props.answer {
        Answer::Plan { sections } => sections.clone(),
        _ => Default::default(),
    };
    html! {
        <div class="plan">
            { for definitions.iter().enumerate().map(|(s, section)| {
                let (key, title) = (section.id.clone(), section.label.clone());
                let items = sections.get(&key).cloned().filter(|i| !i.is_empty()).unwrap_or_else(|| vec![String::new()]);
                let heading = format!("{id}-s{s}");
                let change = |f: Edit<Vec<String>>| {
                    let (on_change, sections, key, items) = (props.on_change.clone(), sections.clone(), key.clone(), items.clone());
                    Callback::from(move |_: MouseEvent| {
                        let (mut sections, mut items) = (sections.clone(), items.clone());
                        f(&mut items);
                        sections.insert(key.clone(), items);
                        on_change.emit(Answer::Plan { sections });
                    })
                };
                html! {
                    <section class="plan-section" aria-labelledby={heading.clone()} key={s}>
                        <@{heading_tag(props.level + 1)} id={heading} class="part-title">{ title.clone() }</@>
                        <ul class="answer-list">
                            { for items.iter().enumerate().map(|(i, item)| {
                                let field = format!("{id}-s{s}-i{i}");
                                let oninput = {
                                    let (on_change, sections, key, items) = (props.on_change.clone(), sections.clone(), key.clone(), items.clone());
                                    Callback::from(move |e: InputEvent| {
                                        let (mut sections, mut items) = (sections.clone(), items.clone());
                                        items[i] = value_of(&e);
                                        sections.insert(key.clone(), items);
                                        on_change.emit(Answer::Plan { sections });
                                    })
                                };
                                html! {
                                    <li key={i}>
                                        <label for={field.clone()} class="visually-hidden">{ tf(Msg::PlanItemLabel, &[("section", Arg::Text(&title)), ("number", (i + 1).into())]) }</label>
                                        <input type="text" id={field} value={item.clone()} {oninput} />
                                        { small_button(&t(Msg::KindRemove), tf(Msg::PlanRemoveItem, &[("section", Arg::Text(&title)), ("number", (i + 1).into())]), change(Box::new(move |items| { items.remove(i); })), items.len() <= 1) }
                                    </li>
                                }
                            }) }
                        </ul>
                        <button type="button" class="button small" onclick={change(Box::new(|items| items.push(String::new())))}
                            aria-label={tf(Msg::PlanAddAnotherLabel, &[("section", Arg::Text(&title))])}>{ t(Msg::KindAddAnother) }</button>
                    </section>
                }
            }) }
        </div>
    }
}
