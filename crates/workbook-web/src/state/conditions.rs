//! `show-if`: whether an earlier answer says an exercise applies. An exercise whose condition
//! does not hold shows one line saying when it opens; one that already holds words is always
//! shown (a condition never hides what someone wrote).

use workbook_core::interface::{Arg, Msg};
use workbook_core::{Condition, Curriculum, Test};

use super::answer::Answer;
use super::drafts::Drafts;
use super::texts::{t, tf};

/// Whether `condition` holds for the answers in `workbook`.
pub fn holds(condition: &Condition, curriculum: &Curriculum, workbook: &Drafts) -> bool {
    let Some(entry) = workbook.entry(&condition.exercise) else {
        return false;
    };
    match (&condition.test, &entry.answer) {
        (Test::Is { option }, Answer::Choice { chosen, .. }) => match chosen.as_deref() {
            // "Other" is stored as an empty id.
            Some("") => option == "other",
            chosen => chosen == Some(option.as_str()),
        },
        (
            Test::Includes { option },
            Answer::Checklist {
                ticked,
                other_ticked,
                ..
            },
        ) => ticked.contains(option) || (option == "other" && *other_ticked),
        (Test::AtLeast { item, value }, Answer::Ratings { values }) => values
            .get(item.as_deref().unwrap_or(""))
            .is_some_and(|rated| rated >= value),
        (Test::AtLeast { item: None, value }, Answer::Questionnaire { responses }) => curriculum
            .exercise(&condition.exercise)
            .and_then(|(_, exercise)| super::score::total(&exercise.kind, responses))
            .is_some_and(|total| total >= *value),
        _ => false,
    }
}

/// When an exercise opens, in words: "when you choose “Yes” in “Did you gamble this week?”".
pub fn describe(condition: &Condition, curriculum: &Curriculum) -> String {
    let Some((_, exercise)) = curriculum.exercise(&condition.exercise) else {
        return t(Msg::OpensWhenEarlierAnswer);
    };
    let title = &exercise.title;
    let label = |id: &str| -> String {
        use workbook_core::ExerciseKind;
        let items = match &exercise.kind {
            ExerciseKind::Choice { options, .. } | ExerciseKind::Checklist { options, .. } => {
                options.as_slice()
            }
            ExerciseKind::Rating { items, .. } => items.as_slice(),
            _ => &[],
        };
        if id == "other" {
            return t(Msg::KindOther);
        }
        items
            .iter()
            .find(|item| item.id == id)
            .map_or_else(|| id.to_string(), |item| item.label.clone())
    };
    let title = Arg::Text(title);
    match &condition.test {
        Test::Is { option } => tf(
            Msg::OpensWhenChoose,
            &[("option", Arg::Text(&label(option))), ("title", title)],
        ),
        Test::Includes { option } => tf(
            Msg::OpensWhenTick,
            &[("option", Arg::Text(&label(option))), ("title", title)],
        ),
        Test::AtLeast {
            item: Some(item),
            value,
        } => tf(
            Msg::OpensWhenRate,
            &[
                ("statement", Arg::Text(&label(item))),
                ("value", i64::from(*value).into()),
                ("title", title),
            ],
        ),
        Test::AtLeast { item: None, value } => tf(
            Msg::OpensWhenTotal,
            &[("title", title), ("value", i64::from(*value).into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::state::drafts::Action;
    use crate::state::store::Loaded;
    use yew::Reducible;

    fn curriculum() -> Curriculum {
        crate::state::testing::curriculum(&["\
            ::: exercise\nid: gambled\nkind: choice\ntitle: Did you gamble?\ntime: 1 minute\nother: yes\noptions:\n  - Yes {#yes}\n  - No {#no}\n\nChoose.\n:::\n\n\
            ::: exercise\nid: places\nkind: checklist\ntitle: Where\ntime: 1 minute\noptions:\n  - Online {#online}\n  - Shop {#shop}\n\nTick.\n:::\n\n\
            ::: exercise\nid: urges\nkind: rating\ntitle: Urges\ntime: 1 minute\nitems:\n  - Strongest {#strongest}\n  - Usual {#usual}\n\nRate.\n:::\n\n\
            ::: exercise\nid: check\nkind: questionnaire\ntitle: Check\ntime: 1 minute\nresponses:\n  - Never {#never} = 0\n  - Often {#often} = 2\nitems:\n  - Spent {#spent}\n  - Hid {#hid}\n\nAnswer.\n:::\n\n\
            ::: exercise\nid: review\nkind: writing\ntitle: Review\ntime: 5 minutes\nshow-if: gambled is yes\n\nWrite.\n:::\n"])
    }

    fn answer(id: &str, kind: &'static str, answer: Answer) -> Action {
        Action::Edit {
            id: id.into(),
            kind,
            answer,
            now: 1,
        }
    }

    fn condition(text: &str) -> Condition {
        let words: Vec<&str> = text.split(' ').collect();
        let test = match words[1] {
            "is" => Test::Is {
                option: words[2].into(),
            },
            "includes" => Test::Includes {
                option: words[2].into(),
            },
            _ if words.len() == 4 => Test::AtLeast {
                item: None,
                value: words[3].parse().unwrap_or(0),
            },
            _ => Test::AtLeast {
                item: Some(words[1].into()),
                value: words[4].parse().unwrap_or(0),
            },
        };
        Condition {
            exercise: words[0].into(),
            test,
        }
    }

    #[test]
    fn conditions_follow_the_answers() {
        let curriculum = curriculum();
        let empty = Rc::new(Drafts::from_loaded("c", Loaded::default()));
        for text in [
            "gambled is yes",
            "places includes online",
            "urges strongest at least 7",
            "check at least 3",
        ] {
            assert!(
                !holds(&condition(text), &curriculum, &empty),
                "{text}: nothing answered yet"
            );
        }
        let workbook = empty
            .reduce(answer(
                "gambled",
                "choice",
                Answer::Choice {
                    chosen: Some("yes".into()),
                    other: String::new(),
                },
            ))
            .reduce(answer(
                "places",
                "checklist",
                Answer::Checklist {
                    ticked: vec!["shop".into()],
                    other_ticked: false,
                    other: String::new(),
                },
            ))
            .reduce(answer(
                "urges",
                "rating",
                Answer::Ratings {
                    values: [("strongest".to_string(), 8)].into(),
                },
            ))
            .reduce(answer(
                "check",
                "questionnaire",
                Answer::Questionnaire {
                    responses: [
                        ("spent".to_string(), "often".to_string()),
                        ("hid".to_string(), "never".to_string()),
                    ]
                    .into(),
                },
            ));
        assert!(holds(&condition("gambled is yes"), &curriculum, &workbook));
        assert!(!holds(&condition("gambled is no"), &curriculum, &workbook));
        assert!(holds(
            &condition("places includes shop"),
            &curriculum,
            &workbook
        ));
        assert!(!holds(
            &condition("places includes online"),
            &curriculum,
            &workbook
        ));
        assert!(holds(
            &condition("urges strongest at least 8"),
            &curriculum,
            &workbook
        ));
        assert!(!holds(
            &condition("urges strongest at least 9"),
            &curriculum,
            &workbook
        ));
        assert!(
            !holds(&condition("urges usual at least 1"), &curriculum, &workbook),
            "not rated"
        );
        assert!(holds(
            &condition("check at least 2"),
            &curriculum,
            &workbook
        ));
        assert!(!holds(
            &condition("check at least 3"),
            &curriculum,
            &workbook
        ));

        let other = workbook.reduce(answer(
            "gambled",
            "choice",
            Answer::Choice {
                chosen: Some(String::new()),
                other: "Once".into(),
            },
        ));
        assert!(holds(&condition("gambled is other"), &curriculum, &other));
        assert!(!holds(&condition("gambled is yes"), &curriculum, &other));
    }

    #[test]
    fn a_condition_is_said_in_the_words_participants_see() {
        let curriculum = curriculum();
        assert_eq!(
            describe(&condition("gambled is yes"), &curriculum),
            "when you choose \u{201c}Yes\u{201d} in \u{201c}Did you gamble?\u{201d}"
        );
        assert_eq!(
            describe(&condition("urges strongest at least 7"), &curriculum),
            "when you rate \u{201c}Strongest\u{201d} 7 or more in \u{201c}Urges\u{201d}"
        );
        assert_eq!(
            describe(&condition("check at least 3"), &curriculum),
            "when your answer to \u{201c}Check\u{201d} comes to 3 or more"
        );
    }
}
