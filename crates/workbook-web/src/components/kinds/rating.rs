//! Ratings: each statement rated on the same scale, as a group of radio buttons (arrow keys
//! move between points), with the labelled anchors shown under their points.

use workbook_core::ExerciseKind;
use yew::prelude::*;

use super::KindProps;
use crate::state::answer::Answer;

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
        _ => Vec::new(),
    };
    let statements: Vec<String> = if items.is_empty() {
        vec!["Your rating".to_string()]
    } else {
        items.clone()
    };
    html! {
        <div class="rating-answer">
            { for statements.iter().enumerate().map(|(i, statement)| {
                let current = values.get(i).copied().flatten();
                let update = {
                    let (on_change, values, count) = (props.on_change.clone(), values.clone(), statements.len());
                    std::rc::Rc::new(move |value: Option<i32>| {
                        let mut values = values.clone();
                        values.resize(count.max(values.len()), None);
                        values[i] = value;
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
                                aria-label={format!("Clear the rating for: {statement}")}>{ "Clear" }</button>
                        }
                    </fieldset>
                }
            }) }
        </div>
    }
}
