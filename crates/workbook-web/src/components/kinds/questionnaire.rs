//! Questionnaires: each statement answered with one of the same responses (a group of radio
//! buttons), and, when the author chooses to show it, the total and what it means.

use workbook_core::ExerciseKind;
use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::KindProps;
use crate::state::answer::Answer;
use crate::state::score;
use crate::state::texts::{t, tf};

/// A questionnaire answer.
pub fn render(props: &KindProps) -> Html {
    let ExerciseKind::Questionnaire {
        responses: scale,
        items,
        show_total,
        bands,
        ..
    } = &props.exercise.kind
    else {
        return html! {};
    };
    let id = &props.exercise.id;
    let responses = match &props.answer {
        Answer::Questionnaire { responses } => responses.clone(),
        _ => Default::default(),
    };
    let total = score::total(&props.exercise.kind, &responses);
    html! {
        <div class="questionnaire">
            { for items.iter().enumerate().map(|(i, item)| {
                let current = responses.get(&item.id).cloned();
                html! {
                    <fieldset class="question" key={item.id.clone()}>
                        <legend>{ item.label.clone() }</legend>
                        <div class="responses">
                            { for scale.iter().enumerate().map(|(r, response)| {
                                let field = format!("{id}-q{i}-r{r}");
                                let onchange = {
                                    let (on_change, responses, item, response) = (props.on_change.clone(), responses.clone(), item.id.clone(), response.id.clone());
                                    Callback::from(move |_: Event| {
                                        let mut responses = responses.clone();
                                        responses.insert(item.clone(), response.clone());
                                        on_change.emit(Answer::Questionnaire { responses });
                                    })
                                };
                                html! {
                                    <span class="response">
                                        <input type="radio" id={field.clone()} name={format!("{id}-q{i}")}
                                            value={response.id.clone()} checked={current.as_deref() == Some(response.id.as_str())} {onchange} />
                                        <label for={field}>{ response.label.clone() }</label>
                                    </span>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            if *show_total {
                <p class="questionnaire-total" role="status">{ match total {
                    Some(total) => match score::band(bands, total) {
                        Some(band) => tf(Msg::QuestionnaireTotalBand, &[("total", i64::from(total).into()), ("band", Arg::Text(&band.label))]),
                        None => tf(Msg::QuestionnaireTotal, &[("total", i64::from(total).into())]),
                    },
                    None => t(Msg::QuestionnaireUnanswered),
                } }</p>
            }
        </div>
    }
}
