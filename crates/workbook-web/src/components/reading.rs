//! A reading section of a week: rendered once, and not again while the participant types.

use yew::prelude::*;

use super::Shared;
use super::markdown::blocks_html_in;
use crate::state::outline::{Outline, without_title};
use workbook_core::Section;

/// Props for [`Reading`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReadingProps {
    /// The curriculum.
    pub curriculum: Shared,
    /// Index of the week in the curriculum.
    pub week: usize,
    /// Index of the section in the week.
    pub section: usize,
    /// The level of the page's heading before this reading (see
    /// [`crate::state::outline::week_levels`]).
    pub after: u8,
}

/// One reading section. A leading `#` heading that repeats the week's title is left out.
#[component]
pub fn Reading(props: &ReadingProps) -> Html {
    let week = &props.curriculum.weeks[props.week];
    let Some(Section::Reading { blocks }) = week.content.get(props.section) else {
        return html! {};
    };
    html! { <div class="reading">{ blocks_html_in(&without_title(blocks, &week.title), &mut Outline::reading_after(props.after)) }</div> }
}
