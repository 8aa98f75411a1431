//! Ratings: each statement rated on the same scale, as a group of radio buttons (arrow keys
//! move between points), with the labelled anchors shown under their points.

use workbook_core::ExerciseKind;
use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::KindProps;
use crate::state::answer::Answer;
use crate::state::texts::{t, tf};

/// A rating answer.
pub fn render(props: &KindProps) -> Html {
    let ExerciseKind::Rating {
        scale,
        anchors,
        items,
        ..
    } = &props.exercise.kind
    else {
        return html! {};
    };
    let id = &props.exercise.id;
    let values = match &props.answer {
        Answer::Ratings { values } => values.clone(),
        _ => Default::default(),
    };
    // `(id, words)`: a rating without statements rates its prompt, under the id "".
    let statements: Vec<(String, String)> = if items.is_empty() {
        vec![(String::new(), t(Msg::RatingYourRating))]
    } else {
        items
            .iter()
            .map(|item| (item.id.clone(), item.label.clone()))
            .collect()
    };
    html! {
        <div class="rating-answer">
            { for statements.iter().enumerate().map(|(i, (key, statement))| {
                let current = values.get(key).copied();
                let update = {
                    let (on_change, values, key) = (props.on_change.clone(), values.clone(), key.clone());
                    std::rc::Rc::new(move |value: Option<i32>| {
                        let mut values = values.clone();
                        match value {
                            Some(value) => values.insert(key.clone(), value),
                            None => values.remove(&key),
                        };
                        on_change.emit(Answer::Ratings { values });
                    })
                };
                let set = |value: i32| {
                    let update = update.clone();
                    Callback::from(move |_: Event| update(Some(value)))
                };
                let clear = {
                    let update = update.clone();
                    Callback::from(move |_: MouseEvent| update(None))
                };
                html! {
                    <fieldset class="rating" key={i}>
                        <legend>{ statement.clone() }</legend>
                        <div class="scale">
                            { for (scale.min..=scale.max).map(|point| {
                                let field = format!("{id}-{i}-{point}");
                                let anchor = anchors.iter().find(|a| a.value == point).map(|a| a.label.clone());
                                html! {
                                    <span class="point">
                                        <input type="radio" id={field.clone()} name={format!("{id}-{i}")}
                                            value={point.to_string()} checked={current == Some(point)} onchange={set(point)} />
                                        <label for={field}>
                                            <span class="point-value">{ point }</span>
                                            if let Some(anchor) = anchor { <span class="anchor">{ anchor }</span> }
                                        </label>
                                    </span>
                                }
                            }) }
                        </div>
                        if current.is_some() {
                            <button type="button" class="button small link" onclick={clear}
                                aria-label={tf(Msg::RatingClearLabel, &[("statement", Arg::Text(statement))])}>{ t(Msg::RatingClear) }</button>
                        }
                    </fieldset>
                }
            }) }
        </div>
    }
}
