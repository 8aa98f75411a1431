//! A message with something the page draws inside it, such as a link in a sentence: the words
//! come from the catalog, in the order the language puts them, and the page draws each slot.

use workbook_core::interface::{Arg, Msg, Piece};
use yew::prelude::*;

use crate::state::texts::pieces;

/// The message with its placeholders filled in; each one passed as [`Arg::Slot`] is drawn by
/// `slot`, given its name.
pub fn sentence(msg: Msg, args: &[(&str, Arg<'_>)], mut slot: impl FnMut(&str) -> Html) -> Html {
    pieces(msg, args)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => html! { { text } },
            Piece::Slot(name) => slot(name),
        })
        .collect::<Html>()
}
