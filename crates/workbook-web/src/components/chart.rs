//! A small SVG chart of something asked more than once: each statement's value at every point
//! of the course side by side, earlier bars paler. Drawn with plain SVG elements (colours as
//! presentation attributes, which the page's strict style policy allows); the numbers are also
//! given as a table, so the chart is never the only way to read them.

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use crate::state::progress::Comparison;
use crate::state::texts::tf;

/// Props for the chart.
#[derive(PartialEq, Clone)]
pub struct ChartProps {
    /// What to draw.
    pub comparison: Comparison,
}

const LABEL: i32 = 18;
const BAR_HEIGHT: i32 = 12;
const GAP: i32 = 3;
const WIDTH: i32 = 320;

/// How strongly the bar of point `i` of `n` is drawn: the latest fully, earlier ones paler.
fn opacity(i: usize, n: usize) -> String {
    let step = if n > 1 { 65 * i / (n - 1) } else { 65 };
    format!("0.{:02}", 35 + step.min(64))
}

/// One group of bars per statement, one bar per time it was asked.
pub fn render(props: &ChartProps) -> Html {
    let comparison = &props.comparison;
    let (min, max) = (comparison.scale.min, comparison.scale.max);
    let span = (max - min).max(1);
    let width_of = |value: i32| ((value - min) * WIDTH / span).max(2);
    let points = comparison.weeks.len();
    let row = LABEL + (BAR_HEIGHT + GAP) * points as i32 + 10;
    let height = row * comparison.rows.len() as i32;
    let weeks: Vec<String> = comparison
        .weeks
        .iter()
        .map(|w| tf(Msg::ChartWeek, &[("week", (*w).into())]))
        .collect();
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img"
                aria-label={tf(Msg::ChartLabel, &[("title", Arg::Text(&comparison.title)), ("weeks", Arg::Text(&weeks.join(", ")))])}
                preserveAspectRatio="xMinYMin meet">
                { for comparison.rows.iter().enumerate().map(|(i, (label, values))| {
                    let y = i as i32 * row;
                    html! {
                        <g>
                            <text x="0" y={(y + 12).to_string()} class="chart-label">{ label.clone() }</text>
                            { for values.iter().enumerate().map(|(p, value)| match value {
                                Some(value) => html! {
                                    <rect x="0" y={(y + LABEL + p as i32 * (BAR_HEIGHT + GAP)).to_string()}
                                        width={width_of(*value).to_string()} height={BAR_HEIGHT.to_string()}
                                        class="bar" fill-opacity={opacity(p, points)} />
                                },
                                None => html! {},
                            }) }
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                { for comparison.weeks.iter().enumerate().map(|(p, week)| html! {
                    <span class="key">
                        <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" class="bar" fill-opacity={opacity(p, points)} /></svg>
                        { tf(Msg::ProgressWeekNumber, &[("week", (*week).into())]) }
                    </span>
                }) }
                { " " }{ tf(Msg::ChartScale, &[("min", i64::from(min).into()), ("max", i64::from(max).into())]) }
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::opacity;

    #[test]
    fn later_points_are_drawn_more_strongly() {
        assert_eq!(opacity(0, 2), "0.35");
        assert_eq!(opacity(1, 2), "0.99");
        assert_eq!(opacity(1, 3), "0.67");
        assert_eq!(opacity(0, 1), "0.99");
    }
}
