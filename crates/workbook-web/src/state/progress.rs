//! Progress: what is done, where to carry on, repeated ratings and choices side by side, and answers whose
//! exercise has changed or gone.

use std::rc::Rc;

use workbook_core::interface::Msg;
use workbook_core::{Curriculum, Exercise, ExerciseKind, Scale, Week};

use super::answer::{Answer, other_words};
use super::drafts::Drafts;
use super::route::Route;
use super::store::{Entry, Meta};
use super::texts::t;

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

/// Whether an exercise is waiting for an earlier answer to say it applies (and holds no words
/// yet): it does not count towards a week's progress.
pub fn is_closed(exercise: &Exercise, curriculum: &Curriculum, workbook: &Drafts) -> bool {
    exercise.show_if.as_ref().is_some_and(|condition| {
        !super::conditions::holds(condition, curriculum, workbook)
            && workbook
                .entry(&exercise.id)
                .is_none_or(|entry| entry.answer.is_empty())
    })
}

/// The progress of one week: the exercises that apply (see [`is_closed`]).
pub fn week_progress(week: &Week, curriculum: &Curriculum, workbook: &Drafts) -> WeekProgress {
    let mut progress = WeekProgress::default();
    for exercise in &week.exercises {
        if is_closed(exercise, curriculum, workbook) {
            continue;
        }
        progress.total += 1;
        if let Some(entry) = workbook.entry(&exercise.id) {
            progress.done += usize::from(entry.done);
            progress.started += usize::from(!entry.answer.is_empty());
        }
    }
    progress
}

/// Where "continue where you left off" goes: the last exercise worked on if it still exists,
/// else the first week with something not done.
pub fn continue_route(curriculum: &Curriculum, workbook: &Drafts, meta: &Meta) -> Option<Route> {
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
        .find(|week| {
            let progress = week_progress(week, curriculum, workbook);
            progress.done < progress.total
        })
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
    workbook: &Drafts,
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

/// The exercises linked by `repeats`, each group in course order with its weeks: the first is
/// the one the others repeat (directly, or through another repeat).
pub fn repeat_groups<'a>(curriculum: &'a Curriculum) -> Vec<Vec<(u32, &'a Exercise)>> {
    let all: Vec<(u32, &Exercise)> = curriculum
        .exercises()
        .map(|(week, exercise)| (week.number, exercise))
        .collect();
    // The first of a chain: follow `repeats` back (at most as many steps as there are
    // exercises, so that a cycle the checker reports cannot loop here).
    let first_of = |exercise: &'a Exercise| -> &'a str {
        let mut id = exercise.id.as_str();
        for _ in 0..all.len() {
            let earlier = all
                .iter()
                .find(|(_, e)| e.id == id)
                .and_then(|(_, e)| e.kind.repeats());
            match earlier {
                Some(earlier) if all.iter().any(|(_, e)| e.id == earlier) => id = earlier,
                _ => break,
            }
        }
        id
    };
    let mut groups: Vec<(&str, Vec<(u32, &Exercise)>)> = Vec::new();
    for &(week, exercise) in &all {
        let first = first_of(exercise);
        match groups.iter_mut().find(|(id, _)| *id == first) {
            Some((_, members)) => members.push((week, exercise)),
            None => groups.push((first, vec![(week, exercise)])),
        }
    }
    groups
        .into_iter()
        .map(|(_, members)| members)
        .filter(|members| members.len() > 1)
        .collect()
}

/// Something asked more than once in the course, with every answer, for a chart and a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The latest wording of its title.
    pub title: String,
    /// The week of each time it was asked, in course order.
    pub weeks: Vec<u32>,
    /// The range the values can take.
    pub scale: Scale,
    /// Each statement (by its latest words), with its value each time.
    pub rows: Vec<(String, Vec<Option<i32>>)>,
}

/// Every rating asked more than once, and every questionnaire's total, with the participant's
/// values at each point.
pub fn comparisons(curriculum: &Curriculum, workbook: &Drafts) -> Vec<Comparison> {
    let mut out = Vec::new();
    for group in repeat_groups(curriculum) {
        let Some((_, latest)) = group.last() else {
            continue;
        };
        let weeks: Vec<u32> = group.iter().map(|(week, _)| *week).collect();
        let answer = |id: &str| workbook.entry(id).map(|e| e.answer.clone());
        match &latest.kind {
            ExerciseKind::Rating { scale, items, .. } => {
                let statements: Vec<(String, String)> = if items.is_empty() {
                    vec![(String::new(), latest.title.clone())]
                } else {
                    items
                        .iter()
                        .map(|i| (i.id.clone(), i.label.clone()))
                        .collect()
                };
                let rows = statements
                    .into_iter()
                    .map(|(id, label)| {
                        let values = group
                            .iter()
                            .map(|(_, exercise)| match answer(&exercise.id) {
                                Some(Answer::Ratings { values }) => values.get(&id).copied(),
                                _ => None,
                            })
                            .collect();
                        (label, values)
                    })
                    .collect();
                out.push(Comparison {
                    title: latest.title.clone(),
                    weeks,
                    scale: *scale,
                    rows,
                });
            }
            ExerciseKind::Questionnaire {
                responses, items, ..
            } => {
                let count = i32::try_from(items.len()).unwrap_or(i32::MAX);
                let low = responses.iter().map(|r| r.score).min().unwrap_or(0) * count;
                let high = responses.iter().map(|r| r.score).max().unwrap_or(0) * count;
                let totals = group
                    .iter()
                    .map(|(_, exercise)| match answer(&exercise.id) {
                        Some(Answer::Questionnaire { responses }) => {
                            super::score::total(&exercise.kind, &responses)
                        }
                        _ => None,
                    })
                    .collect();
                out.push(Comparison {
                    title: latest.title.clone(),
                    weeks,
                    scale: Scale {
                        min: low,
                        max: high,
                    },
                    rows: vec![(t(Msg::ProgressTotal), totals)],
                });
            }
            _ => {}
        }
    }
    out
}

/// A choice asked more than once in the course, with every answer.
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceComparison {
    /// The latest choice's title.
    pub title: String,
    /// Each time it was asked: the week, and the answer in the latest words (`None` when not
    /// answered yet).
    pub answers: Vec<(u32, Option<String>)>,
}

/// Every choice asked more than once, with the participant's answers.
pub fn choice_comparisons(curriculum: &Curriculum, workbook: &Drafts) -> Vec<ChoiceComparison> {
    repeat_groups(curriculum)
        .into_iter()
        .filter_map(|group| {
            let (_, latest) = group.last()?;
            let ExerciseKind::Choice { options, .. } = &latest.kind else {
                return None;
            };
            let answer = |id: &str| -> Option<String> {
                match workbook.entry(id).map(|e| &e.answer) {
                    Some(Answer::Choice {
                        chosen: Some(chosen),
                        other,
                    }) if chosen.is_empty() => Some(other_words(other)),
                    Some(Answer::Choice {
                        chosen: Some(chosen),
                        ..
                    }) => Some(
                        options
                            .iter()
                            .find(|o| &o.id == chosen)
                            .map_or_else(|| chosen.clone(), |o| o.label.clone()),
                    ),
                    _ => None,
                }
            };
            Some(ChoiceComparison {
                title: latest.title.clone(),
                answers: group
                    .iter()
                    .map(|(week, exercise)| (*week, answer(&exercise.id)))
                    .collect(),
            })
        })
        .collect()
}

/// Answers whose exercise is no longer in the curriculum, or has changed kind, and answers of
/// an earlier version kept aside because they no longer matched: all kept, and shown under
/// "answers from earlier versions".
pub fn earlier_versions(curriculum: &Curriculum, workbook: &Drafts) -> Vec<(String, Rc<Entry>)> {
    workbook
        .entries
        .iter()
        .filter(|(id, entry)| match curriculum.exercise(id) {
            None => !entry.answer.is_empty(),
            Some((_, exercise)) => !entry.answer.fits(exercise),
        })
        .map(|(id, entry)| (id.clone(), entry.clone()))
        .chain(workbook.earlier.iter().cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::drafts::Action;
    use crate::state::store::Loaded;
    use yew::Reducible;

    fn curriculum() -> Curriculum {
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
        let week1 = rating("before", "")
            + "\n::: exercise\nid: words\nkind: writing\ntitle: W\ntime: 5 minutes\n\nWrite.\n:::\n\n"
            + &choice("stage-before", "");
        let week2 = rating("after", "repeats: before\n")
            + "\n"
            + &choice("stage-after", "repeats: stage-before\n");
        let week3 = rating("later", "repeats: after\n");
        crate::state::testing::curriculum(&[&week1, &week2, &week3])
    }

    fn rate(id: &str, values: &[(&str, i32)]) -> Action {
        Action::Edit {
            id: id.into(),
            kind: "rating",
            answer: Answer::Ratings {
                values: values.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            },
            now: 1,
        }
    }

    #[test]
    fn a_rating_repeated_in_later_weeks_is_followed_statement_by_statement() {
        let curriculum = curriculum();
        let workbook = Rc::new(Drafts::from_loaded("c", Loaded::default()))
            .reduce(rate("before", &[("mood", 3)]))
            .reduce(rate("after", &[("mood", 7), ("hope", 6)]))
            .reduce(rate("later", &[("hope", 8)]));
        let comparisons = comparisons(&curriculum, &workbook);
        assert_eq!(
            comparisons.len(),
            1,
            "one chain: week 3 repeats week 2, which repeats week 1"
        );
        assert_eq!(comparisons[0].weeks, vec![1, 2, 3]);
        assert_eq!(
            comparisons[0].rows,
            vec![
                ("Mood".to_string(), vec![Some(3), Some(7), None]),
                ("Hope".to_string(), vec![None, Some(6), Some(8)])
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
        let workbook = Rc::new(Drafts::from_loaded("c", Loaded::default())).reduce(choose(
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
        let workbook = Rc::new(Drafts::from_loaded("c", Loaded::default()));
        assert_eq!(
            continue_route(&curriculum, &workbook, &Meta::default()),
            None
        );
        let workbook = workbook
            .reduce(rate("before", &[("mood", 1), ("hope", 2)]))
            .reduce(Action::SetDone {
                id: "before".into(),
                kind: "rating",
                done: true,
                fallback: Answer::Ratings {
                    values: Default::default(),
                },
                now: 2,
            });
        let week1 = &curriculum.weeks[0];
        assert_eq!(
            week_progress(week1, &curriculum, &workbook),
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
        let remind = |workbook: &Drafts, meta: &Meta, now| backup_reminder(workbook, meta, now, 14);
        let empty = Rc::new(Drafts::from_loaded("c", Loaded::default()));
        assert_eq!(
            remind(&empty, &Meta::default(), 100 * day),
            None,
            "nothing to back up"
        );
        let written = empty.reduce(rate("before", &[("mood", 1)]));
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
        let written = Rc::new(Drafts::from_loaded("c", Loaded::default()))
            .reduce(rate("before", &[("mood", 1)]));
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
        let workbook = Rc::new(Drafts::from_loaded("c", Loaded::default()))
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
                    values: [("mood".to_string(), 1)].into(),
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
