//! Writing and short answers: a text box with a live word count.

use workbook_core::ExerciseKind;
use yew::prelude::*;

use super::{KindProps, value_of};
use crate::state::answer::{Answer, word_count};

/// A text answer.
pub fn render(props: &KindProps) -> Html {
    let id = &props.exercise.id;
    let text = match &props.answer {
        Answer::Text { text } => text.clone(),
        _ => String::new(),
    };
    let words = word_count(&text);
    let (rows, aim) = match &props.exercise.kind {
        ExerciseKind::Writing {
            min_words,
            target_words,
        } => (
            12,
            match (min_words, target_words) {
                (Some(min), Some(target)) => format!(" · aim for {min} to {target}"),
                (Some(min), None) => format!(" · aim for at least {min}"),
                (None, Some(target)) => format!(" · aim for about {target}"),
                (None, None) => String::new(),
            },
        ),
        ExerciseKind::ShortAnswer {
            max_words: Some(max),
        } => (4, format!(" · up to about {max}")),
        _ => (4, String::new()),
    };
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| on_change.emit(Answer::Text { text: value_of(&e) }))
    };
    let field = format!("{id}-text");
    let count = format!("{id}-count");
    html! {
        <div class="field">
            <label for={field.clone()}>{ "Your answer" }</label>
            <textarea id={field} rows={rows.to_string()} value={text} {oninput}
                aria-describedby={count.clone()} spellcheck="true" />
            <p id={count} class="word-count">{ format!("{words} word{}{aim}", if words == 1 { "" } else { "s" }) }</p>
        </div>
    }
}
