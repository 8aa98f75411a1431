//! The shipped curriculum (`content/`) keeps the properties the programme depends on, so that a
//! later edit cannot quietly break them: twelve weeks in order, every exercise kind used, the
//! week 1 and week 12 self-ratings linked as before and after, and every sensitive exercise with
//! its protections.

use workbook_core::{ExerciseKind, KINDS};
use workbook_tests::shipped_curriculum;

fn shipped() -> workbook_core::Parsed {
    shipped_curriculum()
}

#[test]
fn it_checks_clean_with_no_warnings() {
    let parsed = shipped();
    let listed: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "the shipped curriculum has problems:\n{}",
        listed.join("\n")
    );
}

#[test]
fn it_has_twelve_weeks_in_order() {
    let curriculum = shipped().curriculum;
    let numbers: Vec<u32> = curriculum.weeks.iter().map(|w| w.number).collect();
    assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
    for week in &curriculum.weeks {
        assert!(
            (3..=6).contains(&week.exercises.len()),
            "week {} has 3 to 6 exercises, not {}",
            week.number,
            week.exercises.len()
        );
        assert!(
            week.minutes.is_some(),
            "week {} says how long it takes",
            week.number
        );
        for exercise in &week.exercises {
            assert!(
                exercise.minutes.is_some(),
                "{} says how long it takes",
                exercise.id
            );
        }
    }
}

#[test]
fn it_uses_every_exercise_kind() {
    let curriculum = shipped().curriculum;
    for kind in KINDS {
        assert!(
            curriculum.exercises().any(|(_, e)| e.kind.name() == *kind),
            "no week uses the `{kind}` kind"
        );
    }
}

#[test]
fn week_twelve_repeats_the_week_one_ratings() {
    let curriculum = shipped().curriculum;
    let week12_rating = curriculum.weeks[11]
        .exercises
        .iter()
        .find_map(|e| match &e.kind {
            ExerciseKind::Rating {
                repeats: Some(earlier),
                scale,
                items,
                ..
            } => Some((earlier.clone(), *scale, items.clone())),
            _ => None,
        });
    let (earlier, scale, items) = week12_rating.expect("week 12 repeats a rating");
    let (week, before) = curriculum
        .exercise(&earlier)
        .expect("the repeated rating exists");
    assert_eq!(week.number, 1, "it repeats a week 1 rating");
    let ExerciseKind::Rating {
        scale: before_scale,
        items: before_items,
        ..
    } = &before.kind
    else {
        panic!("{earlier} is a rating");
    };
    assert_eq!(&scale, before_scale);
    assert_eq!(
        &items, before_items,
        "the same statements, in the same order"
    );
    assert_eq!(items.len(), 4, "mood, managing urges, connection, hope");
}

#[test]
fn every_sensitive_exercise_has_its_protections() {
    let curriculum = shipped().curriculum;
    let sensitive: Vec<_> = curriculum
        .exercises()
        .filter(|(_, e)| e.sensitive)
        .collect();
    assert!(!sensitive.is_empty());
    for (_, exercise) in &sensitive {
        assert!(
            !exercise.content_note.is_empty(),
            "{} has a content note",
            exercise.id
        );
        assert!(
            !exercise.grounding.is_empty(),
            "{} has a grounding step",
            exercise.id
        );
        assert!(
            !exercise.wind_down.is_empty(),
            "{} has a wind-down step",
            exercise.id
        );
    }
    assert!(
        !curriculum.support_lines.is_empty(),
        "support lines are shown beside them"
    );
    for line in &curriculum.support_lines {
        assert!(
            !line.confidential.is_empty() && !line.not_confidential.is_empty(),
            "{} says what is and is not confidential",
            line.name
        );
    }
}

#[test]
fn week_nine_holds_the_empathy_task_as_a_sensitive_writing_exercise() {
    let curriculum = shipped().curriculum;
    let week = &curriculum.weeks[8];
    assert!(
        week.exercises
            .iter()
            .any(|e| e.sensitive && matches!(e.kind, ExerciseKind::Writing { .. })),
        "week 9 has a sensitive writing exercise"
    );
    let opens_with_content_note = matches!(
        week.content.first(),
        Some(workbook_core::Section::Reading { blocks })
            if matches!(blocks.first(), Some(workbook_core::markdown::Block::Callout { kind: workbook_core::markdown::CalloutKind::ContentNote, .. }))
    );
    assert!(
        opens_with_content_note,
        "week 9's reading opens with a content note"
    );
}

#[test]
fn the_quick_exit_goes_to_a_neutral_https_site() {
    let curriculum = shipped().curriculum;
    assert!(curriculum.quick_exit.starts_with("https://"));
}
