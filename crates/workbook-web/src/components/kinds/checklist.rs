//! Checklists: tick any number of options, and "Other" with a box to say what.

use workbook_core::ExerciseKind;
use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::{KindProps, checked_of, value_of};
use crate::state::answer::Answer;
use crate::state::texts::{t, tf};

/// A checklist answer.
pub fn render(props: &KindProps) -> Html {
    let ExerciseKind::Checklist {
        options,
        other: offers_other,
    } = &props.exercise.kind
    else {
        return html! {};
    };
    let id = &props.exercise.id;
    let (ticked, other_ticked, other) = match &props.answer {
        Answer::Checklist {
            ticked,
            other_ticked,
            other,
        } => (ticked.clone(), *other_ticked, other.clone()),
        _ => (Vec::new(), false, String::new()),
    };
    let emit = {
        let on_change = props.on_change.clone();
        move |ticked: Vec<String>, other_ticked: bool, other: String| {
            on_change.emit(Answer::Checklist {
                ticked,
                other_ticked,
                other,
            })
        }
    };
    // Ticked options that are no longer in the list (the author removed them) are kept and shown.
    let retired: Vec<&String> = ticked
        .iter()
        .filter(|t| !options.iter().any(|o| &o.id == *t))
        .collect();
    html! {
        <fieldset class="checklist">
            <legend>{ t(Msg::ChecklistLegend) }</legend>
            { for options.iter().enumerate().map(|(i, option)| {
                let field = format!("{id}-option-{i}");
                let onchange = {
                    let (emit, ticked, other, option) = (emit.clone(), ticked.clone(), other.clone(), option.id.clone());
                    Callback::from(move |e: Event| {
                        let mut ticked = ticked.clone();
                        ticked.retain(|t| t != &option);
                        if checked_of(&e) {
                            ticked.push(option.clone());
                        }
                        emit(ticked, other_ticked, other.clone());
                    })
                };
                html! {
                    <p class="option">
                        <input type="checkbox" id={field.clone()} checked={ticked.contains(&option.id)} {onchange} />
                        <label for={field}>{ option.label.clone() }</label>
                    </p>
                }
            }) }
            { for retired.iter().map(|id| html! {
                <p class="option retired">{ tf(Msg::ChecklistRetired, &[("option", Arg::Text(id))]) }</p>
            }) }
            if *offers_other {
                <p class="option">
                    <input type="checkbox" id={format!("{id}-other-tick")} checked={other_ticked} onchange={{
                        let (emit, ticked, other) = (emit.clone(), ticked.clone(), other.clone());
                        Callback::from(move |e: Event| emit(ticked.clone(), checked_of(&e), other.clone()))
                    }} />
                    <label for={format!("{id}-other-tick")}>{ t(Msg::KindOther) }</label>
                </p>
                <p class="other-text">
                    <label for={format!("{id}-other")}>{ t(Msg::KindOtherSayWhat) }</label>
                    <input type="text" id={format!("{id}-other")} value={other.clone()} oninput={{
                        let (emit, ticked) = (emit.clone(), ticked.clone());
                        Callback::from(move |e: InputEvent| {
                            let text = value_of(&e);
                            let tick = other_ticked || !text.trim().is_empty();
                            emit(ticked.clone(), tick, text);
                        })
                    }} />
                </p>
            }
        </fieldset>
    }
}
