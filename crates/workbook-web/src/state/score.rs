//! Questionnaires' scores: each item's response scored (in reverse for the items the author
//! lists in `reverse`), added up, and the total's band. A total is only given once every item is
//! answered: a total of some items would read as a lower score than it is.

use std::collections::BTreeMap;

use workbook_core::{Band, ExerciseKind};

/// The total of a questionnaire's answer, once every item has a response.
pub fn total(kind: &ExerciseKind, responses: &BTreeMap<String, String>) -> Option<i32> {
    let ExerciseKind::Questionnaire {
        responses: scale,
        items,
        reverse,
        ..
    } = kind
    else {
        return None;
    };
    let lowest = scale.iter().map(|r| r.score).min()?;
    let highest = scale.iter().map(|r| r.score).max()?;
    let mut sum = 0i32;
    for item in items {
        let chosen = responses.get(&item.id)?;
        let score = scale.iter().find(|r| &r.id == chosen)?.score;
        let score = if reverse.contains(&item.id) {
            highest + lowest - score
        } else {
            score
        };
        sum = sum.saturating_add(score);
    }
    Some(sum)
}

/// The band a total falls in.
pub fn band(bands: &[Band], total: i32) -> Option<&Band> {
    bands.iter().find(|b| (b.min..=b.max).contains(&total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use workbook_core::{Item, Response};

    fn questionnaire() -> ExerciseKind {
        let response = |id: &str, score| Response {
            id: id.into(),
            label: id.into(),
            score,
        };
        let item = |id: &str| Item {
            id: id.into(),
            label: id.into(),
        };
        ExerciseKind::Questionnaire {
            responses: vec![
                response("never", 0),
                response("sometimes", 1),
                response("often", 2),
            ],
            items: vec![item("spent"), item("hid"), item("free-week")],
            reverse: vec!["free-week".into()],
            show_total: true,
            bands: vec![
                Band {
                    min: 0,
                    max: 1,
                    label: "Little".into(),
                },
                Band {
                    min: 2,
                    max: 6,
                    label: "More".into(),
                },
            ],
            repeats: None,
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn the_total_adds_scores_with_reversed_items_the_other_way_round() {
        let kind = questionnaire();
        let all = answers(&[
            ("spent", "often"),
            ("hid", "sometimes"),
            ("free-week", "often"),
        ]);
        // 2 + 1 + (2 + 0 - 2) = 3
        assert_eq!(total(&kind, &all), Some(3));
        let never = answers(&[("spent", "never"), ("hid", "never"), ("free-week", "never")]);
        // A week never free of gambling scores the most.
        assert_eq!(total(&kind, &never), Some(2));
        let ExerciseKind::Questionnaire { bands, .. } = &kind else {
            unreachable!()
        };
        assert_eq!(band(bands, 3).map(|b| b.label.as_str()), Some("More"));
        assert_eq!(band(bands, 0).map(|b| b.label.as_str()), Some("Little"));
    }

    #[test]
    fn there_is_no_total_until_every_item_is_answered() {
        let kind = questionnaire();
        assert_eq!(total(&kind, &answers(&[("spent", "often")])), None);
        assert_eq!(
            total(
                &kind,
                &answers(&[("spent", "often"), ("hid", "gone"), ("free-week", "often")])
            ),
            None,
            "a response no longer in the scale scores nothing"
        );
    }
}
