//! A participant's answer to one exercise, in a shape that fits each kind.
//!
//! Answers refer to options, statements, columns, sections and questionnaire items by their
//! stable id (see the authors' guide), never by the words shown, so an author's later rewording,
//! reordering or translation loses nothing. An id that is no longer in the exercise is still kept,
//! and shown as such. (Before ids, answers held labels and positions: `state/migrate.rs` moves
//! those to ids.)

use std::collections::BTreeMap;

use workbook_core::interface::{Arg, Msg};
use workbook_core::{Exercise, ExerciseKind};

use super::json;
use super::texts::tf;

/// What a participant has written or chosen for one exercise.
#[derive(Clone, Debug, PartialEq)]
// serde_json wrote the stored answers before `json.rs` did; the tests check the two agree.
#[cfg_attr(
    test,
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Answer {
    /// `writing` and `short-answer`.
    Text {
        /// The text.
        text: String,
    },
    /// `list`.
    List {
        /// The items, one per line the participant filled in.
        items: Vec<String>,
    },
    /// `rating`: the value of each statement, by the statement's id (`""` for a rating of the
    /// prompt itself). A statement not rated yet is absent.
    Ratings {
        /// The values.
        values: BTreeMap<String, i32>,
    },
    /// `checklist`.
    Checklist {
        /// The ids of the ticked options.
        ticked: Vec<String>,
        /// Whether "Other" is ticked.
        other_ticked: bool,
        /// What "Other" says.
        other: String,
    },
    /// `choice`.
    Choice {
        /// The id of the chosen option; `Some("")` with `other` means "Other".
        chosen: Option<String>,
        /// What "Other" says.
        other: String,
    },
    /// `worksheet`: rows of cells by column id.
    Table {
        /// The rows.
        rows: Vec<BTreeMap<String, String>>,
    },
    /// `diary`.
    Diary {
        /// The entries.
        entries: Vec<DiaryEntry>,
    },
    /// `plan`: items by section id.
    Plan {
        /// The sections.
        sections: BTreeMap<String, Vec<String>>,
    },
    /// `questionnaire`: the chosen response of each item, both by id.
    Questionnaire {
        /// Response ids by item id; an item not answered yet is absent.
        responses: BTreeMap<String, String>,
    },
}

// Stored externally tagged, `{"text":{"text":"…"}}`, each shape under its own tag (which
// `Answer::tag` gives): these names are in participants' browsers and backup files, so they
// never change.
json::tagged!(Answer {
    Text = "text" { text },
    List = "list" { items },
    Ratings = "ratings" { values },
    Checklist = "checklist" { ticked, other_ticked, other },
    Choice = "choice" { chosen, other },
    Table = "table" { rows },
    Diary = "diary" { entries },
    Plan = "plan" { sections },
    Questionnaire = "questionnaire" { responses },
});

/// One dated diary entry.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct DiaryEntry {
    /// The date, as the browser's date input gives it (`2026-11-29`).
    pub date: String,
    /// What happened.
    pub text: String,
}

json::record!(DiaryEntry { date, text });

impl Answer {
    /// An empty answer of the right shape for an exercise.
    pub fn empty_for(exercise: &Exercise) -> Answer {
        match &exercise.kind {
            ExerciseKind::Writing { .. } | ExerciseKind::ShortAnswer { .. } => Answer::Text {
                text: String::new(),
            },
            ExerciseKind::List { count } => Answer::List {
                items: vec![String::new(); *count as usize],
            },
            ExerciseKind::Rating { .. } => Answer::Ratings {
                values: BTreeMap::new(),
            },
            ExerciseKind::Checklist { .. } => Answer::Checklist {
                ticked: Vec::new(),
                other_ticked: false,
                other: String::new(),
            },
            ExerciseKind::Choice { .. } => Answer::Choice {
                chosen: None,
                other: String::new(),
            },
            ExerciseKind::Worksheet { min_rows, .. } => Answer::Table {
                rows: vec![BTreeMap::new(); (*min_rows).max(1) as usize],
            },
            ExerciseKind::Diary { .. } => Answer::Diary {
                entries: Vec::new(),
            },
            ExerciseKind::Plan { sections } => Answer::Plan {
                // Built by inserting: collecting into a map sorts first, and each sort costs the
                // download kilobytes.
                sections: sections.iter().fold(BTreeMap::new(), |mut map, s| {
                    map.insert(s.id.clone(), vec![String::new()]);
                    map
                }),
            },
            ExerciseKind::Questionnaire { .. } => Answer::Questionnaire {
                responses: BTreeMap::new(),
            },
        }
    }

    /// Whether the answer's shape fits the exercise as it is now. An answer that does not fit
    /// (the author changed the exercise's kind) is kept aside, never reshaped.
    pub fn fits(&self, exercise: &Exercise) -> bool {
        match &exercise.kind {
            ExerciseKind::Writing { .. } | ExerciseKind::ShortAnswer { .. } => {
                matches!(self, Answer::Text { .. })
            }
            ExerciseKind::List { .. } => matches!(self, Answer::List { .. }),
            ExerciseKind::Rating { .. } => matches!(self, Answer::Ratings { .. }),
            ExerciseKind::Checklist { .. } => matches!(self, Answer::Checklist { .. }),
            ExerciseKind::Choice { .. } => matches!(self, Answer::Choice { .. }),
            ExerciseKind::Worksheet { .. } => matches!(self, Answer::Table { .. }),
            ExerciseKind::Diary { .. } => matches!(self, Answer::Diary { .. }),
            ExerciseKind::Plan { .. } => matches!(self, Answer::Plan { .. }),
            ExerciseKind::Questionnaire { .. } => matches!(self, Answer::Questionnaire { .. }),
        }
    }

    /// True when nothing has been written or chosen.
    pub fn is_empty(&self) -> bool {
        let blank = |s: &String| s.trim().is_empty();
        match self {
            Answer::Text { text } => blank(text),
            Answer::List { items } => items.iter().all(blank),
            Answer::Ratings { values } => values.is_empty(),
            Answer::Checklist {
                ticked,
                other_ticked,
                other,
            } => ticked.is_empty() && !other_ticked && blank(other),
            Answer::Choice { chosen, other } => chosen.is_none() && blank(other),
            Answer::Table { rows } => rows.iter().all(|row| row.values().all(blank)),
            Answer::Diary { entries } => entries.iter().all(|e| blank(&e.text)),
            Answer::Plan { sections } => sections.values().flatten().all(blank),
            Answer::Questionnaire { responses } => responses.is_empty(),
        }
    }

    /// Every piece of text in the answer, for word counts and search.
    pub fn words(&self) -> usize {
        match self {
            Answer::Text { text } => word_count(text),
            Answer::List { items } => items.iter().map(|s| word_count(s)).sum(),
            Answer::Checklist { other, .. } | Answer::Choice { other, .. } => word_count(other),
            Answer::Table { rows } => rows
                .iter()
                .flat_map(|r| r.values())
                .map(|s| word_count(s))
                .sum(),
            Answer::Diary { entries } => entries.iter().map(|e| word_count(&e.text)).sum(),
            Answer::Plan { sections } => sections.values().flatten().map(|s| word_count(s)).sum(),
            Answer::Ratings { .. } | Answer::Questionnaire { .. } => 0,
        }
    }
}

/// What the participant wrote beside "Other", as shown: "Other: on my own".
pub fn other_words(text: &str) -> String {
    tf(Msg::AnswerOther, &[("text", Arg::Text(text))])
}

/// Words as a person counts them: runs of letters or digits, with apostrophes and hyphens inside
/// a word ("don't", "self-esteem") not splitting it.
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else if !(in_word && matches!(c, '\'' | '’' | '-')) {
            in_word = false;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_people_count_them() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("   \n "), 0);
        assert_eq!(word_count("I don't know."), 3);
        assert_eq!(word_count("self-esteem is — slowly — growing"), 4);
        assert_eq!(word_count("Línea uno\nlínea dos"), 4);
        assert_eq!(word_count("10 minutes, 3 times"), 4);
    }

    #[test]
    fn emptiness() {
        assert!(Answer::Text { text: "  ".into() }.is_empty());
        assert!(
            !Answer::Ratings {
                values: [("mood".to_string(), 3)].into()
            }
            .is_empty()
        );
        assert!(
            Answer::Ratings {
                values: BTreeMap::new()
            }
            .is_empty()
        );
        assert!(
            Answer::Plan {
                sections: [("Goals".into(), vec![String::new()])].into()
            }
            .is_empty()
        );
    }

    #[test]
    fn answers_round_trip_through_json() {
        let answer = Answer::Checklist {
            ticked: vec!["bored".into()],
            other_ticked: true,
            other: "Tired".into(),
        };
        let json = serde_json::to_string(&answer).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Answer>(&json).expect("reads back"),
            answer
        );
    }
}
