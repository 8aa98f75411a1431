//! Answers stored before ids moved to ids.
//!
//! The first versions of the workbook stored an answer's options, columns and sections by their
//! labels, and a rating's values by position (entry format 1). Now every one is stored by its id
//! (format 2; see the authors' guide), so an author can reword a label without orphaning an
//! answer. An answer of format 1 is moved the first time the new version opens it, and a backup
//! file of format 1 when it is restored:
//!
//! - a label that is still in the exercise gets its id; a rating's values go to the statements
//!   at their positions;
//! - anything that no longer matches (a label the author has since changed, a value beyond the
//!   statements) is not dropped: the whole old answer is first kept aside, exactly as stored,
//!   where "Answers from earlier versions" and backups show it;
//! - an answer whose exercise has gone is moved as it is (its labels become its ids), and is
//!   shown under "Answers from earlier versions" like any answer of a removed exercise.
//!
//! In the store, the old record is overwritten only after everything that cannot be matched has
//! been kept aside (and read back), and the new record is read back too; if a step fails, the
//! old record stays as it was, the answer is shown converted, and the move is tried again at the
//! next start.

use std::collections::BTreeMap;

use workbook_core::{Curriculum, Exercise, ExerciseKind, Item};

use super::answer::Answer;
use super::json::{self, FromJson, Value};
use super::store::{self, ENTRY_FORMAT, Entry, KeyValueStore, StoreError, Unreadable};

/// The entry format that stored labels and positions.
pub const LABEL_FORMAT: u32 = 1;

/// An old answer moved to ids: the new entry, and whether all of it found its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Converted {
    /// The answer by ids, in the current format.
    pub entry: Entry,
    /// False when something did not match: the old answer must be kept aside.
    pub complete: bool,
}

/// Whether a stored value is an answer of the label format.
pub fn is_label_format(raw: &str) -> bool {
    entry_fields(raw).is_some_and(|(format, ..)| format == LABEL_FORMAT)
}

/// The parts of a stored entry: format, kind, done, updated, and the answer as JSON.
fn entry_fields(raw: &str) -> Option<(u32, String, bool, u64, Value)> {
    let Value::Obj(fields) = json::from_str::<Value>(raw).ok()? else {
        return None;
    };
    let get = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    Some((
        u32::from_json(get("format")?)?,
        String::from_json(get("kind")?)?,
        bool::from_json(get("done")?)?,
        u64::from_json(get("updated")?)?,
        get("answer")?,
    ))
}

/// Converts a stored answer of the label format, with `exercise` as it is now (`None` if it has
/// gone). `None` when the value is not such an answer.
pub fn convert(raw: &str, exercise: Option<&Exercise>) -> Option<Converted> {
    convert_as(raw, exercise, Unmatched::Drop)
}

/// What a move does with a label that matches nothing in the exercise.
#[derive(Clone, Copy, PartialEq)]
enum Unmatched {
    /// Leave it out (the whole old answer is kept aside first).
    Drop,
    /// Keep it, its words standing in for an id, so that showing the old answer shows them.
    Keep,
}

fn convert_as(raw: &str, exercise: Option<&Exercise>, unmatched: Unmatched) -> Option<Converted> {
    let (format, kind, done, updated, answer) = entry_fields(raw)?;
    if format != LABEL_FORMAT {
        return None;
    }
    let (answer, complete) = convert_answer(answer, exercise.map(|e| &e.kind), unmatched)?;
    Some(Converted {
        entry: Entry {
            format: ENTRY_FORMAT,
            kind,
            done,
            updated,
            answer,
        },
        complete,
    })
}

/// The id for `label` in `items`: the item with exactly that label, or with the same label once
/// spaces and capital letters (of the English alphabet) are set aside.
fn id_for(items: &[Item], label: &str) -> Option<String> {
    let loose = |text: &str| -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase()
    };
    items
        .iter()
        .find(|item| item.label == label)
        .or_else(|| items.iter().find(|item| loose(&item.label) == loose(label)))
        .map(|item| item.id.clone())
}

fn convert_answer(
    answer: Value,
    kind: Option<&ExerciseKind>,
    unmatched: Unmatched,
) -> Option<(Answer, bool)> {
    // Only a rating's values changed shape (from a list by position to a map by id); every other
    // answer reads as before, with labels where ids now go.
    if let Value::Obj(tagged) = &answer
        && let [(tag, body)] = tagged.as_slice()
        && tag == "ratings"
    {
        let Value::Obj(fields) = body else {
            return None;
        };
        let values = fields.iter().find(|(key, _)| key == "values")?.1.clone();
        let values = Vec::<Option<i32>>::from_json(values)?;
        let ids: Vec<String> = match kind {
            Some(ExerciseKind::Rating { items, .. }) if items.is_empty() => vec![String::new()],
            Some(ExerciseKind::Rating { items, .. }) => {
                items.iter().map(|i| i.id.clone()).collect()
            }
            // Gone, or no longer a rating: keep the values under their positions.
            _ => (1..=values.len()).map(|n| n.to_string()).collect(),
        };
        let mut complete = true;
        let mut map = BTreeMap::new();
        for (position, value) in values.into_iter().enumerate() {
            let Some(value) = value else { continue };
            match ids.get(position) {
                Some(id) => {
                    map.insert(id.clone(), value);
                }
                None => {
                    complete = false;
                    if unmatched == Unmatched::Keep {
                        map.insert((position + 1).to_string(), value);
                    }
                }
            }
        }
        return Some((Answer::Ratings { values: map }, complete));
    }
    let answer = Answer::from_json(answer)?;
    let mut complete = true;
    let mut matched = |items: &[Item], label: &str| match id_for(items, label) {
        Some(id) => Some(id),
        None => {
            complete = false;
            (unmatched == Unmatched::Keep).then(|| label.to_string())
        }
    };
    let converted = match (answer, kind) {
        (
            Answer::Checklist {
                ticked,
                other_ticked,
                other,
            },
            Some(ExerciseKind::Checklist { options, .. }),
        ) => Answer::Checklist {
            ticked: ticked.iter().filter_map(|t| matched(options, t)).collect(),
            other_ticked,
            other,
        },
        (Answer::Choice { chosen, other }, Some(ExerciseKind::Choice { options, .. })) => {
            Answer::Choice {
                chosen: match chosen {
                    // "Other" was, and is, the empty string.
                    Some(label) if label.is_empty() => Some(label),
                    Some(label) => matched(options, &label),
                    None => None,
                },
                other,
            }
        }
        (Answer::Table { rows }, Some(ExerciseKind::Worksheet { columns, .. })) => {
            let columns: Vec<Item> = columns
                .iter()
                .map(|c| Item {
                    id: c.id.clone(),
                    label: c.label.clone(),
                })
                .collect();
            let mut moved = Vec::new();
            for row in rows {
                let mut by_id = BTreeMap::new();
                for (label, value) in row {
                    if value.trim().is_empty() {
                        continue;
                    }
                    if let Some(id) = matched(&columns, &label) {
                        by_id.insert(id, value);
                    }
                }
                moved.push(by_id);
            }
            Answer::Table { rows: moved }
        }
        (Answer::Plan { sections }, Some(ExerciseKind::Plan { sections: defined })) => {
            let mut by_id: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for (title, items) in sections {
                if items.iter().all(|i| i.trim().is_empty()) {
                    continue;
                }
                if let Some(id) = matched(defined, &title) {
                    by_id.entry(id).or_default().extend(items);
                }
            }
            Answer::Plan { sections: by_id }
        }
        // Text, lists and diaries did not change; an answer whose exercise has gone, or changed
        // kind, keeps its words (its labels) as they are.
        (answer, _) => answer,
    };
    Some((converted, complete))
}

/// Moves every answer of the label format among `legacy` (stored values, by key) into
/// `entries`, writing the new records to `store` as described in the module's notes. Values that
/// cannot be read at all go to `unreadable`, untouched. Returns the first storage error, after
/// trying every answer.
pub fn run(
    store: &dyn KeyValueStore,
    curriculum: &Curriculum,
    legacy: Vec<Unreadable>,
    entries: &mut BTreeMap<String, Entry>,
    unreadable: &mut Vec<Unreadable>,
) -> Result<(), StoreError> {
    let prefix = store::answer_prefix(&curriculum.id);
    let mut first_error = None;
    for old in legacy {
        let exercise_id = old
            .key
            .strip_prefix(&prefix)
            .unwrap_or(&old.key)
            .to_string();
        let exercise = curriculum.exercise(&exercise_id).map(|(_, e)| e);
        let Some(converted) = convert(&old.raw, exercise) else {
            unreadable.push(old);
            continue;
        };
        if let Err(error) = write(store, curriculum, &exercise_id, &old, &converted) {
            first_error.get_or_insert(error);
        }
        entries.insert(exercise_id, converted.entry);
    }
    first_error.map_or(Ok(()), Err)
}

/// Takes the answers stored in the label format out of `unreadable`.
pub fn take_label_format(unreadable: &mut Vec<Unreadable>) -> Vec<Unreadable> {
    let (legacy, rest) = std::mem::take(unreadable)
        .into_iter()
        .partition(|value| is_label_format(&value.raw));
    *unreadable = rest;
    legacy
}

/// Reads every answer of `curriculum` from `store`, moving those of the label format to ids on
/// the way. A move that cannot be written yet is shown converted all the same (and tried again
/// next time); the answer's next save writes it, or says why it cannot.
pub fn load(
    store: &dyn KeyValueStore,
    curriculum: &Curriculum,
) -> Result<store::Loaded, StoreError> {
    let mut loaded = store::load(store, &curriculum.id)?;
    let legacy = take_label_format(&mut loaded.unreadable);
    let _ = run(
        store,
        curriculum,
        legacy,
        &mut loaded.entries,
        &mut loaded.unreadable,
    );
    // Old answers kept aside (now, or by an earlier start): shown as earlier versions.
    for kept in store::kept_aside(store, &curriculum.id)? {
        let Some(exercise) = kept.key.rsplit('/').nth(1) else {
            continue;
        };
        let found = curriculum.exercise(exercise).map(|(_, e)| e);
        if let Some(converted) = convert_as(&kept.raw, found, Unmatched::Keep) {
            loaded.earlier.push((exercise.to_string(), converted.entry));
        }
    }
    Ok(loaded)
}

/// Keeps the old answer aside when something of it did not match (once, however often the move
/// is tried), then replaces it with the new record and reads that back.
fn write(
    store: &dyn KeyValueStore,
    curriculum: &Curriculum,
    exercise: &str,
    old: &Unreadable,
    converted: &Converted,
) -> Result<(), StoreError> {
    if !converted.complete {
        let already = store::kept_aside(store, &curriculum.id)?
            .iter()
            .any(|kept| kept.raw == old.raw);
        if !already {
            store::keep_aside(store, &curriculum.id, exercise, &old.raw)?;
        }
    }
    let text = json::to_string(&converted.entry).map_err(|e| StoreError::Other(e.to_string()))?;
    store.set(&old.key, &text)?;
    if store.get(&old.key)?.as_deref() != Some(text.as_str()) {
        return Err(StoreError::Other("a moved answer did not read back".into()));
    }
    Ok(())
}

/// For showing an answer kept aside in the label format: what still matches under its id (so it
/// shows the exercise's words), and everything else word for word as it was stored, with a
/// rating's positions as the exercise's statements where they still are.
pub fn for_display(raw: &str, exercise: Option<&Exercise>) -> Option<Answer> {
    convert_as(raw, exercise, Unmatched::Keep).map(|converted| converted.entry.answer)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::state::store::{Loaded, MemoryStore, answer_key, kept_aside, load};

    pub(crate) fn curriculum() -> Curriculum {
        crate::state::testing::curriculum(&["\
            ::: exercise\nid: motives\nkind: checklist\ntitle: M\ntime: 1 minute\nother: yes\noptions:\n  - Boredom {#bored}\n  - Feeling lonely {#lonely}\n  - Stress at work {#stress}\n\nTick.\n:::\n\n\
            ::: exercise\nid: stage\nkind: choice\ntitle: S\ntime: 1 minute\noptions:\n  - Not yet {#not-yet}\n  - Doing it {#doing}\n\nChoose.\n:::\n\n\
            ::: exercise\nid: mood\nkind: rating\ntitle: R\ntime: 1 minute\nitems:\n  - My mood {#mood}\n  - My hope {#hope}\n\nRate.\n:::\n\n\
            ::: exercise\nid: sheet\nkind: worksheet\ntitle: T\ntime: 1 minute\ncolumns:\n  - What happened {#what}: text\n  - How strong {#strength}: rating 0-10\n\nFill in.\n:::\n\n\
            ::: exercise\nid: plan\nkind: plan\ntitle: P\ntime: 1 minute\n\nPlan.\n:::\n\n\
            ::: exercise\nid: words\nkind: writing\ntitle: W\ntime: 1 minute\n\nWrite.\n:::\n"])
    }

    /// An answer as the first versions stored it.
    pub(crate) fn old(kind: &str, answer: &str) -> String {
        format!(
            r#"{{"format":1,"kind":"{kind}","done":true,"updated":1764000000000,"answer":{answer}}}"#
        )
    }

    fn converted(curriculum: &Curriculum, id: &str, raw: &str) -> Converted {
        convert(raw, curriculum.exercise(id).map(|(_, e)| e))
            .expect("an answer of the label format")
    }

    #[test]
    fn labels_still_in_the_exercise_get_their_ids() {
        let curriculum = curriculum();
        let checklist = converted(
            &curriculum,
            "motives",
            &old(
                "checklist",
                r#"{"checklist":{"ticked":["Boredom","feeling  LONELY"],"other_ticked":true,"other":"Tired"}}"#,
            ),
        );
        assert!(checklist.complete);
        assert_eq!(
            checklist.entry.answer,
            Answer::Checklist {
                ticked: vec!["bored".into(), "lonely".into()],
                other_ticked: true,
                other: "Tired".into()
            }
        );
        assert_eq!(checklist.entry.format, ENTRY_FORMAT);
        assert!(checklist.entry.done);
        assert_eq!(checklist.entry.updated, 1_764_000_000_000);

        let choice = converted(
            &curriculum,
            "stage",
            &old("choice", r#"{"choice":{"chosen":"Doing it","other":""}}"#),
        );
        assert!(choice.complete);
        assert_eq!(
            choice.entry.answer,
            Answer::Choice {
                chosen: Some("doing".into()),
                other: String::new()
            }
        );
        let other = converted(
            &curriculum,
            "stage",
            &old("choice", r#"{"choice":{"chosen":"","other":"Somewhere"}}"#),
        );
        assert_eq!(
            other.entry.answer,
            Answer::Choice {
                chosen: Some(String::new()),
                other: "Somewhere".into()
            }
        );

        let ratings = converted(
            &curriculum,
            "mood",
            &old("rating", r#"{"ratings":{"values":[3,null]}}"#),
        );
        assert!(ratings.complete);
        assert_eq!(
            ratings.entry.answer,
            Answer::Ratings {
                values: [("mood".to_string(), 3)].into()
            }
        );

        let table = converted(
            &curriculum,
            "sheet",
            &old(
                "worksheet",
                r#"{"table":{"rows":[{"What happened":"A row","How strong":"7"},{}]}}"#,
            ),
        );
        assert!(table.complete);
        assert_eq!(
            table.entry.answer,
            Answer::Table {
                rows: vec![
                    [
                        ("what".to_string(), "A row".to_string()),
                        ("strength".to_string(), "7".to_string())
                    ]
                    .into(),
                    BTreeMap::new()
                ]
            }
        );

        let plan = converted(
            &curriculum,
            "plan",
            &old(
                "plan",
                r#"{"plan":{"sections":{"Goals":["Walk"],"Steps":[""]}}}"#,
            ),
        );
        assert!(plan.complete);
        assert_eq!(
            plan.entry.answer,
            Answer::Plan {
                sections: [("goals".to_string(), vec!["Walk".to_string()])].into()
            }
        );

        let words = converted(
            &curriculum,
            "words",
            &old("writing", r#"{"text":{"text":"Mine"}}"#),
        );
        assert!(words.complete);
        assert_eq!(
            words.entry.answer,
            Answer::Text {
                text: "Mine".into()
            }
        );
    }

    #[test]
    fn what_no_longer_matches_is_reported_incomplete() {
        let curriculum = curriculum();
        let checklist = converted(
            &curriculum,
            "motives",
            &old(
                "checklist",
                r#"{"checklist":{"ticked":["Boredom","Anger"],"other_ticked":false,"other":""}}"#,
            ),
        );
        assert!(!checklist.complete, "Anger is no longer an option");
        assert_eq!(
            checklist.entry.answer,
            Answer::Checklist {
                ticked: vec!["bored".into()],
                other_ticked: false,
                other: String::new()
            }
        );
        let ratings = converted(
            &curriculum,
            "mood",
            &old("rating", r#"{"ratings":{"values":[1,2,3]}}"#),
        );
        assert!(!ratings.complete, "a third value, and only two statements");
        let gone = convert(
            &old(
                "checklist",
                r#"{"checklist":{"ticked":["Anger"],"other_ticked":false,"other":""}}"#,
            ),
            None,
        )
        .expect("converted");
        assert!(
            gone.complete,
            "an exercise that has gone keeps its words as they are"
        );
        assert_eq!(
            gone.entry.answer,
            Answer::Checklist {
                ticked: vec!["Anger".into()],
                other_ticked: false,
                other: String::new()
            }
        );
    }

    #[test]
    fn the_store_is_moved_with_nothing_lost_and_only_once() {
        let curriculum = curriculum();
        let store = MemoryStore::default();
        let complete = old(
            "checklist",
            r#"{"checklist":{"ticked":["Boredom"],"other_ticked":false,"other":""}}"#,
        );
        let partial = old(
            "choice",
            r#"{"choice":{"chosen":"Maybe later","other":""}}"#,
        );
        store
            .set(&answer_key("c", "motives"), &complete)
            .expect("set");
        store.set(&answer_key("c", "stage"), &partial).expect("set");
        store
            .set(&answer_key("c", "broken"), "{not json")
            .expect("set");

        let Loaded {
            mut entries,
            mut unreadable,
            ..
        } = load(&store, "c").expect("loads");
        let legacy = take_label_format(&mut unreadable);
        assert_eq!(legacy.len(), 2);
        assert_eq!(unreadable.len(), 1, "the broken one stays unreadable");
        run(&store, &curriculum, legacy, &mut entries, &mut unreadable).expect("moves");
        assert_eq!(
            entries["motives"].answer,
            Answer::Checklist {
                ticked: vec!["bored".into()],
                other_ticked: false,
                other: String::new()
            }
        );
        assert_eq!(
            entries["stage"].answer,
            Answer::Choice {
                chosen: None,
                other: String::new()
            }
        );
        assert_eq!(unreadable.len(), 1, "what cannot be read stays as it is");
        let aside: Vec<String> = kept_aside(&store, "c")
            .expect("aside")
            .into_iter()
            .map(|u| u.raw)
            .collect();
        assert_eq!(
            aside,
            vec![partial.clone()],
            "the answer that did not match is kept aside, exactly"
        );

        let mut again = load(&store, "c").expect("loads again");
        assert!(
            take_label_format(&mut again.unreadable).is_empty(),
            "moved once"
        );
        assert_eq!(again.entries.len(), 2);
        assert_eq!(again.entries["motives"], entries["motives"]);
    }

    #[test]
    fn an_answer_kept_aside_is_shown_with_the_words_that_no_longer_match() {
        let curriculum = curriculum();
        let store = MemoryStore::default();
        store
            .set(
                &answer_key("c", "motives"),
                &old(
                    "checklist",
                    r#"{"checklist":{"ticked":["Boredom","Feeling alone"],"other_ticked":false,"other":""}}"#,
                ),
            )
            .expect("set");
        store
            .set(
                &answer_key("c", "sheet"),
                &old(
                    "worksheet",
                    r#"{"table":{"rows":[{"What happened":"A row","What I felt":"Tired"}]}}"#,
                ),
            )
            .expect("set");
        store
            .set(
                &answer_key("c", "mood"),
                &old("rating", r#"{"ratings":{"values":[3,4,5]}}"#),
            )
            .expect("set");
        let loaded = super::load(&store, &curriculum).expect("loads");
        let earlier: BTreeMap<String, Answer> = loaded
            .earlier
            .into_iter()
            .map(|(id, entry)| (id, entry.answer))
            .collect();
        assert_eq!(
            earlier["motives"],
            Answer::Checklist {
                ticked: vec!["bored".into(), "Feeling alone".into()],
                other_ticked: false,
                other: String::new()
            },
            "what matches shows the exercise's words; what does not, its own"
        );
        let Answer::Table { rows } = &earlier["sheet"] else {
            panic!("a table")
        };
        assert_eq!(rows[0].get("what").map(String::as_str), Some("A row"));
        assert_eq!(
            rows[0].get("What I felt").map(String::as_str),
            Some("Tired")
        );
        let Answer::Ratings { values } = &earlier["mood"] else {
            panic!("ratings")
        };
        assert_eq!(
            values
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect::<Vec<_>>(),
            vec![("3", 5), ("hope", 4), ("mood", 3)],
            "a value beyond the statements is shown under its position"
        );
        // And the current answers lose nothing that matched.
        assert_eq!(
            loaded.entries["motives"].answer,
            Answer::Checklist {
                ticked: vec!["bored".into()],
                other_ticked: false,
                other: String::new()
            }
        );
    }

    #[test]
    fn a_move_that_cannot_be_written_changes_nothing_stored_and_is_tried_again() {
        let curriculum = curriculum();
        let store = MemoryStore::default();
        let partial = old(
            "choice",
            r#"{"choice":{"chosen":"Maybe later","other":""}}"#,
        );
        store.set(&answer_key("c", "stage"), &partial).expect("set");
        *store.refuse_writes.borrow_mut() = Some(StoreError::Full);
        let Loaded {
            mut entries,
            mut unreadable,
            ..
        } = load(&store, "c").expect("loads");
        let legacy = take_label_format(&mut unreadable);
        assert_eq!(
            run(&store, &curriculum, legacy, &mut entries, &mut unreadable),
            Err(StoreError::Full)
        );
        assert!(entries.contains_key("stage"), "shown, converted, meanwhile");
        assert_eq!(
            store.get(&answer_key("c", "stage")).expect("get"),
            Some(partial.clone()),
            "the old record is as it was"
        );

        *store.refuse_writes.borrow_mut() = None;
        let Loaded {
            mut entries,
            mut unreadable,
            ..
        } = load(&store, "c").expect("loads");
        let legacy = take_label_format(&mut unreadable);
        assert_eq!(legacy.len(), 1, "tried again at the next start");
        run(&store, &curriculum, legacy, &mut entries, &mut unreadable).expect("moves");
        run(
            &store,
            &curriculum,
            Vec::new(),
            &mut entries,
            &mut unreadable,
        )
        .expect("nothing left");
        assert_eq!(
            kept_aside(&store, "c").expect("aside").len(),
            1,
            "kept aside once"
        );
    }
}
