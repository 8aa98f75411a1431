//! A reading section of a week: rendered once, and not again while the participant types.

use yew::prelude::*;

use super::Shared;
use super::markdown::blocks_html;
use super::text::without_title;
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
}

/// One reading section. A leading `#` heading that repeats the week's title is left out.
#[component]
pub fn Reading(props: &ReadingProps) -> Html {
    let week = &props.curriculum.weeks[props.week];
    let Some(Section::Reading { blocks }) = week.content.get(props.section) else {
        return html! {};
    };
    html! { <div class="reading">{ blocks_html(&without_title(blocks, &week.title)) }</div> }
}
