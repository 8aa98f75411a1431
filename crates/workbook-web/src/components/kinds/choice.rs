//! Single choice: radio buttons, and "Other" with a box to say what.

use workbook_core::ExerciseKind;
use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::{KindProps, value_of};
use crate::state::answer::Answer;
use crate::state::texts::{t, tf};

/// The value `chosen` holds when "Other" is chosen.
const OTHER: &str = "";

/// A single-choice answer.
pub fn render(props: &KindProps) -> Html {
    let ExerciseKind::Choice {
        options,
        other: offers_other,
        ..
    } = &props.exercise.kind
    else {
        return html! {};
    };
    let id = &props.exercise.id;
    let (chosen, other) = match &props.answer {
        Answer::Choice { chosen, other } => (chosen.clone(), other.clone()),
        _ => (None, String::new()),
    };
    let choose = |value: String| {
        let (on_change, other) = (props.on_change.clone(), other.clone());
        Callback::from(move |_: Event| {
            on_change.emit(Answer::Choice {
                chosen: Some(value.clone()),
                other: other.clone(),
            })
        })
    };
    let name = format!("{id}-choice");
    let retired = chosen
        .as_ref()
        .filter(|c| !c.is_empty() && !options.iter().any(|o| &o.id == *c));
    html! {
        <fieldset class="choice">
            <legend>{ t(Msg::ChoiceLegend) }</legend>
            { for options.iter().enumerate().map(|(i, option)| {
                let field = format!("{id}-option-{i}");
                html! {
                    <p class="option">
                        <input type="radio" id={field.clone()} name={name.clone()} value={option.id.clone()}
                            checked={chosen.as_deref() == Some(option.id.as_str())} onchange={choose(option.id.clone())} />
                        <label for={field}>{ option.label.clone() }</label>
                    </p>
                }
            }) }
            if let Some(id) = retired {
                <p class="option retired">{ tf(Msg::ChoiceRetired, &[("option", Arg::Text(id))]) }</p>
            }
            if *offers_other {
                <p class="option">
                    <input type="radio" id={format!("{id}-other-choice")} name={name.clone()} value="other"
                        checked={chosen.as_deref() == Some(OTHER)} onchange={choose(OTHER.to_string())} />
                    <label for={format!("{id}-other-choice")}>{ t(Msg::KindOther) }</label>
                </p>
                <p class="other-text">
                    <label for={format!("{id}-other")}>{ t(Msg::KindOtherSayWhat) }</label>
                    <input type="text" id={format!("{id}-other")} value={other.clone()} oninput={{
                        let (on_change, chosen) = (props.on_change.clone(), chosen.clone());
                        Callback::from(move |e: InputEvent| {
                            let text = value_of(&e);
                            let chosen = if text.trim().is_empty() { chosen.clone() } else { Some(OTHER.to_string()) };
                            on_change.emit(Answer::Choice { chosen, other: text });
                        })
                    }} />
                </p>
            }
        </fieldset>
    }
}
