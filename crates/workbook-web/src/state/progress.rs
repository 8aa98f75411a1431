//! Progress: what is done, where to carry on, repeated ratings and choices side by side, and answers whose
//! exercise has changed or gone.

use std::rc::Rc;

use workbook_core::{Curriculum, Exercise, ExerciseKind, Scale, Week};

use super::answer::Answer;
use super::route::Route;
use super::store::{Entry, Meta};
use super::workbook::Workbook;

/// How far a week has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WeekProgress {
    /// Exercises marked done.
    pub done: usize,
    /// Exercises with something written or chosen.
    pub started: usize,
    /// All exercises.
    pub total: usize,
}

/// The progress of one week.
pub fn week_progress(week: &Week, workbook: &Workbook) -> WeekProgress {
    let mut progress = WeekProgress {
        total: week.exercises.len(),
        ..WeekProgress::default()
    };
    for exercise in &week.exercises {
        if let Some(entry) = workbook.entry(&exercise.id) {
            progress.done += usize::from(entry.done);
            progress.started += usize::from(!entry.answer.is_empty());
        }
    }
    progress
}

/// Where "continue where you left off" goes: the last exercise worked on if it still exists,
/// else the first week with something not done.
pub fn continue_route(curriculum: &Curriculum, workbook: &Workbook, meta: &Meta) -> Option<Route> {
    if let Some(id) = &meta.last_exercise
        && let Some((week, _)) = curriculum.exercise(id)
    {
        return Some(Route::Week {
            week: week.number,
            exercise: Some(id.clone()),
        });
    }
    if let Some(week) = meta.last_week.and_then(|n| curriculum.week(n)) {
        return Some(Route::Week {
            week: week.number,
            exercise: None,
        });
    }
    let started = curriculum
        .exercises()
        .any(|(_, e)| workbook.entry(&e.id).is_some());
    if !started {
        return None;
    }
    curriculum
        .weeks
        .iter()
        .find(|week| week_progress(week, workbook).done < week.exercises.len())
        .map(|week| Route::Week {
            week: week.number,
            exercise: None,
        })
}

/// Whether to remind the participant to save a backup file: `Some(Some(days))` since the last
/// one, `Some(None)` if there has never been one, `None` if no reminder is due (nothing written
/// yet, or a backup within `after_days`; see [`super::platform::Platform::backup_reminder_days`]).
///
/// The rule asks for the fifth day after the last backup or the last visit, whichever is
/// earlier: a backup is only ever saved during a visit, so the last backup is always the
/// earlier of the two, and the days since it are what count.
pub fn backup_reminder(
    workbook: &Workbook,
    meta: &Meta,
    now: u64,
    after_days: u64,
) -> Option<Option<u64>> {
    let has_words = workbook.entries.values().any(|e| !e.answer.is_empty());
    if !has_words {
        return None;
    }
    match meta.last_backup {
        None => Some(None),
        Some(at) => {
            let days = now.saturating_sub(at) / 86_400_000;
            (days >= after_days).then_some(Some(days))
        }
    }
}

/// A rating and the earlier one it repeats, with both sets of answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The earlier rating and its week.
    pub before: (u32, Exercise),
    /// The later rating and its week.
    pub after: (u32, Exercise),
    /// The scale both use.
    pub scale: Scale,
    /// Each statement with its earlier and later value.
    pub rows: Vec<(String, Option<i32>, Option<i32>)>,
}

/// Every rating that repeats an earlier one, with the participant's values.
pub fn comparisons(curriculum: &Curriculum, workbook: &Workbook) -> Vec<Comparison> {
    let values = |id: &str| -> Vec<Option<i32>> {
        match workbook.entry(id).map(|e| &e.answer) {
            Some(Answer::Ratings { values }) => values.clone(),
            _ => Vec::new(),
        }
    };
    let mut out = Vec::new();
    for (week, exercise) in curriculum.exercises() {
        let ExerciseKind::Rating {
            scale,
            items,
            repeats: Some(earlier),
            ..
        } = &exercise.kind
        else {
            continue;
        };
        let Some((before_week, before)) = curriculum.exercise(earlier) else {
            continue;
        };
        let (before_values, after_values) = (values(&before.id), values(&exercise.id));
        let labels: Vec<String> = if items.is_empty() {
            vec![exercise.title.clone()]
        } else {
            items.clone()
        };
        let rows = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                (
                    label,
                    before_values.get(i).copied().flatten(),
                    after_values.get(i).copied().flatten(),
                )
            })
            .collect();
        out.push(Comparison {
            before: (before_week.number, before.clone()),
            after: (week.number, exercise.clone()),
            scale: *scale,
            rows,
        });
    }
    out
}

/// A choice asked again later in the course, with both answers.
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceComparison {
    /// The later choice's title.
    pub title: String,
    /// Each time it was asked: the week, and the answer as the participant sees it (`None`
    /// when not answered yet).
    pub answers: Vec<(u32, Option<String>)>,
}

/// Every choice that repeats an earlier one, with the participant's two answers.
pub fn choice_comparisons(curriculum: &Curriculum, workbook: &Workbook) -> Vec<ChoiceComparison> {
    let answer = |id: &str| -> Option<String> {
        match workbook.entry(id).map(|e| &e.answer) {
            Some(Answer::Choice {
                chosen: Some(chosen),
                other,
            }) if chosen.is_empty() => Some(format!("Other: {other}")),
            Some(Answer::Choice {
                chosen: Some(chosen),
                ..
            }) => Some(chosen.clone()),
            _ => None,
        }
    };
    curriculum
        .exercises()
        .filter_map(|(week, exercise)| {
            let ExerciseKind::Choice {
                repeats: Some(earlier),
                ..
            } = &exercise.kind
            else {
                return None;
            };
            let (before_week, before) = curriculum.exercise(earlier)?;
            Some(ChoiceComparison {
                title: exercise.title.clone(),
                answers: vec![
                    (before_week.number, answer(&before.id)),
                    (week.number, answer(&exercise.id)),
                ],
            })
        })
        .collect()
}

/// Answers whose exercise is no longer in the curriculum, or has changed kind: kept and shown
/// under "answers from earlier versions".
pub fn earlier_versions(curriculum: &Curriculum, workbook: &Workbook) -> Vec<(String, Rc<Entry>)> {
    workbook
        .entries
        .iter()
        .filter(|(id, entry)| match curriculum.exercise(id) {
            None => !entry.answer.is_empty(),
            Some((_, exercise)) => !entry.answer.fits(exercise),
        })
        .map(|(id, entry)| (id.clone(), entry.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::store::Loaded;
    use crate::state::workbook::Action;
    use workbook_core::{Sources, parse};
    use yew::Reducible;

    fn curriculum() -> Curriculum {
        let manifest = "---\nid: c\ntitle: C\nlanguage: en\nversion: 1\nquick-exit: https://www.bbc.co.uk/weather\nweeks:\n  - week-01.md\n  - week-02.md\n---\n\n::: support-line\nname: L\nnumber: 1\nhours: Any\nconfidential: All\nnot-confidential: None\n:::\n";
        let week = |n: u32, body: &str| {
            format!("---\nweek: {n}\ntitle: W{n}\nsummary: S\ntime: 10 minutes\n---\n\n{body}")
        };
        let choice = |id: &str, repeats: &str| {
            format!(
                "::: exercise\nid: {id}\nkind: choice\ntitle: Where I am\ntime: 5 minutes\nother: yes\noptions:\n  - Not yet\n  - Doing it\n{repeats}\nChoose.\n:::\n"
            )
        };
        let rating = |id: &str, repeats: &str| {
            format!(
                "::: exercise\nid: {id}\nkind: rating\ntitle: R\ntime: 5 minutes\nitems:\n  - Mood\n  - Hope\n{repeats}\nRate.\n:::\n"
            )
        };
        let sources: Sources = [
            ("curriculum.md".to_string(), manifest.to_string()),
            ("week-01.md".to_string(), week(1, &(rating("before", "") + "\n::: exercise\nid: words\nkind: writing\ntitle: W\ntime: 5 minutes\n\nWrite.\n:::\n\n" + &choice("stage-before", "")))),
            ("week-02.md".to_string(), week(2, &(rating("after", "repeats: before\n") + "\n" + &choice("stage-after", "repeats: stage-before\n")))),
        ]
        .into_iter()
        .collect();
        let parsed = parse(&sources);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        parsed.curriculum
    }

    fn rate(id: &str, values: Vec<Option<i32>>) -> Action {
        Action::Edit {
            id: id.into(),
            kind: "rating",
            answer: Answer::Ratings { values },
            now: 1,
        }
    }

    #[test]
    fn repeated_ratings_are_paired_item_by_item() {
        let curriculum = curriculum();
        let workbook = Rc::new(Workbook::from_loaded("c", Loaded::default()))
            .reduce(rate("before", vec![Some(3), None]))
            .reduce(rate("after", vec![Some(7), Some(6)]));
        let comparisons = comparisons(&curriculum, &workbook);
        assert_eq!(comparisons.len(), 1);
        assert_eq!(comparisons[0].before.0, 1);
        assert_eq!(comparisons[0].after.0, 2);
        assert_eq!(
            comparisons[0].rows,
            vec![
                ("Mood".to_string(), Some(3), Some(7)),
                ("Hope".to_string(), None, Some(6))
            ]
        );
    }

    #[test]
    fn a_repeated_choice_shows_both_answers() {
        let curriculum = curriculum();
        let choose = |id: &str, chosen: Option<&str>, other: &str| Action::Edit {
            id: id.into(),
            kind: "choice",
            answer: Answer::Choice {
                chosen: chosen.map(String::from),
                other: other.into(),
            },
            now: 1,
        };
        let workbook = Rc::new(Workbook::from_loaded("c", Loaded::default())).reduce(choose(
            "stage-before",
            Some("Not yet"),
            "",
        ));
        assert_eq!(
            choice_comparisons(&curriculum, &workbook),
            vec![ChoiceComparison {
                title: "Where I am".into(),
                answers: vec![(1, Some("Not yet".into())), (2, None)],
            }]
        );
        let workbook = workbook.reduce(choose("stage-after", Some(""), "Somewhere new"));
        assert_eq!(
            choice_comparisons(&curriculum, &workbook)[0].answers,
            vec![
                (1, Some("Not yet".into())),
                (2, Some("Other: Somewhere new".into()))
            ]
        );
    }

    #[test]
    fn progress_and_where_to_continue() {
        let curriculum = curriculum();
        let workbook = Rc::new(Workbook::from_loaded("c", Loaded::default()));
        assert_eq!(
            continue_route(&curriculum, &workbook, &Meta::default()),
            None
        );
        let workbook = workbook
            .reduce(rate("before", vec![Some(1), Some(2)]))
            .reduce(Action::SetDone {
                id: "before".into(),
                kind: "rating",
                done: true,
                fallback: Answer::Ratings { values: vec![] },
                now: 2,
            });
        let week1 = &curriculum.weeks[0];
        assert_eq!(
            week_progress(week1, &workbook),
            WeekProgress {
                done: 1,
                started: 1,
                total: 3
            }
        );
        assert_eq!(
            continue_route(&curriculum, &workbook, &Meta::default()),
            Some(Route::Week {
                week: 1,
                exercise: None
            })
        );
        let meta = Meta {
            last_exercise: Some("after".into()),
            ..Meta::default()
        };
        assert_eq!(
            continue_route(&curriculum, &workbook, &meta),
            Some(Route::Week {
                week: 2,
                exercise: Some("after".into())
            })
        );
    }

    #[test]
    fn a_backup_reminder_after_two_weeks_or_when_there_has_been_none() {
        let day = 86_400_000;
        let remind =
            |workbook: &Workbook, meta: &Meta, now| backup_reminder(workbook, meta, now, 14);
        let empty = Rc::new(Workbook::from_loaded("c", Loaded::default()));
        assert_eq!(
            remind(&empty, &Meta::default(), 100 * day),
            None,
            "nothing to back up"
        );
        let written = empty.reduce(rate("before", vec![Some(1)]));
        assert_eq!(remind(&written, &Meta::default(), 100 * day), Some(None));
        let recent = Meta {
            last_backup: Some(90 * day),
            ..Meta::default()
        };
        assert_eq!(remind(&written, &recent, 100 * day), None);
        let old = Meta {
            last_backup: Some(80 * day),
            ..Meta::default()
        };
        assert_eq!(remind(&written, &old, 100 * day), Some(Some(20)));
    }

    #[test]
    fn where_safari_may_erase_after_a_week_the_reminder_comes_on_the_fifth_day() {
        use crate::state::platform::Platform;
        let day = 86_400_000;
        let safari = Platform {
            webkit: true,
            installed: false,
        };
        let written = Rc::new(Workbook::from_loaded("c", Loaded::default()))
            .reduce(rate("before", vec![Some(1)]));
        let backed_up = Meta {
            last_backup: Some(10 * day),
            ..Meta::default()
        };
        let remind =
            |now| backup_reminder(&written, &backed_up, now, safari.backup_reminder_days());
        assert_eq!(remind(14 * day + day / 2), None, "four and a half days on");
        assert_eq!(remind(15 * day), Some(Some(5)), "the fifth day");
        let installed = Platform {
            installed: true,
            ..safari
        };
        assert_eq!(
            backup_reminder(
                &written,
                &backed_up,
                15 * day,
                installed.backup_reminder_days()
            ),
            None,
            "an installed app keeps its answers: the usual two weeks"
        );
    }

    #[test]
    fn answers_to_removed_or_changed_exercises_are_kept_and_listed() {
        let curriculum = curriculum();
        let workbook = Rc::new(Workbook::from_loaded("c", Loaded::default()))
            .reduce(Action::Edit {
                id: "gone".into(),
                kind: "writing",
                answer: Answer::Text {
                    text: "old words".into(),
                },
                now: 1,
            })
            .reduce(Action::Edit {
                id: "words".into(),
                kind: "list",
                answer: Answer::List {
                    items: vec!["a".into()],
                },
                now: 1,
            })
            .reduce(Action::Edit {
                id: "before".into(),
                kind: "rating",
                answer: Answer::Ratings {
                    values: vec![Some(1)],
                },
                now: 1,
            });
        let earlier: Vec<String> = earlier_versions(&curriculum, &workbook)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(earlier, vec!["gone".to_string(), "words".to_string()]);
    }
}
