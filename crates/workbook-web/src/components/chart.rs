//! A small SVG chart of a repeated rating: each statement's earlier and later value side by side.
//! Drawn with plain SVG elements; the numbers are also given as text and as a table, so the
//! chart is never the only way to read them.

use yew::prelude::*;

use crate::state::progress::Comparison;

/// Props for [`ComparisonChart`].
#[derive(PartialEq, Clone)]
pub struct ChartProps {
    /// What to draw.
    pub comparison: Comparison,
}

const ROW: i32 = 56;
const LABEL_WIDTH: i32 = 0;
const BAR_HEIGHT: i32 = 14;
const WIDTH: i32 = 320;

/// Paired horizontal bars, one pair per statement.
pub fn render(props: &ChartProps) -> Html {
    let comparison = &props.comparison;
    let (min, max) = (comparison.scale.min, comparison.scale.max);
    let span = (max - min).max(1);
    let width_of = |value: i32| ((value - min) * (WIDTH - LABEL_WIDTH) / span).max(2);
    let height = ROW * comparison.rows.len() as i32 + 8;
    let (before_week, after_week) = (comparison.before.0, comparison.after.0);
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img"
                aria-label={format!("Ratings in week {before_week} and week {after_week}, side by side")}
                preserveAspectRatio="xMinYMin meet">
                { for comparison.rows.iter().enumerate().map(|(i, (label, before, after))| {
                    let y = i as i32 * ROW;
                    html! {
                        <g>
                            <text x="0" y={(y + 12).to_string()} class="chart-label">{ label.clone() }</text>
                            if let Some(value) = before {
                                <rect x="0" y={(y + 18).to_string()} width={width_of(*value).to_string()} height={BAR_HEIGHT.to_string()} class="bar before" />
                            }
                            if let Some(value) = after {
                                <rect x="0" y={(y + 18 + BAR_HEIGHT + 4).to_string()} width={width_of(*value).to_string()} height={BAR_HEIGHT.to_string()} class="bar after" />
                            }
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                <span class="key before">{ format!("Week {before_week}") }</span>
                <span class="key after">{ format!("Week {after_week}") }</span>
                { format!(" (scale {min} to {max})") }
            </figcaption>
        </figure>
    }
}
