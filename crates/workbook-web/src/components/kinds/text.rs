//! Writing and short answers: a text box with a live word count.

use workbook_core::ExerciseKind;
use workbook_core::interface::Msg;
use yew::prelude::*;

use super::{KindProps, value_of};
use crate::state::answer::{Answer, word_count};
use crate::state::texts::{t, tf};

/// A text answer.
pub fn render(props: &KindProps) -> Html {
    let id = &props.exercise.id;
    let text = match &props.answer {
        Answer::Text { text } => text.clone(),
        _ => String::new(),
    };
    let words = tf(Msg::TextWordCount, &[("count", word_count(&text).into())]);
    let (rows, count_line) = match &props.exercise.kind {
        ExerciseKind::Writing {
            min_words,
            target_words,
        } => (
            12,
            match (*min_words, *target_words) {
                (Some(min), Some(target)) => tf(
                    Msg::TextAimRange,
                    &[
                        ("words", (&words).into()),
                        ("min", min.into()),
                        ("target", target.into()),
                    ],
                ),
                (Some(min), None) => tf(
                    Msg::TextAimAtLeast,
                    &[("words", (&words).into()), ("min", min.into())],
                ),
                (None, Some(target)) => tf(
                    Msg::TextAimAbout,
                    &[("words", (&words).into()), ("target", target.into())],
                ),
                (None, None) => words.clone(),
            },
        ),
        ExerciseKind::ShortAnswer {
            max_words: Some(max),
        } => (
            4,
            tf(
                Msg::TextUpTo,
                &[("words", (&words).into()), ("max", (*max).into())],
            ),
        ),
        _ => (4, words.clone()),
    };
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| on_change.emit(Answer::Text { text: value_of(&e) }))
    };
    let field = format!("{id}-text");
    let count = format!("{id}-count");
    html! {
        <div class="field">
            <label for={field.clone()}>{ t(Msg::TextAnswerLabel) }</label>
            <textarea id={field} rows={rows.to_string()} value={text} {oninput}
                aria-describedby={count.clone()} spellcheck="true" />
            <p id={count} class="word-count">{ count_line }</p>
        </div>
    }
}
