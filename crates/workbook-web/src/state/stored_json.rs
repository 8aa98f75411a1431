//! The JSON of every stored record, checked against `serde_json`, which wrote it before
//! `json.rs` did: answers in participants' browsers and their backup files must read back
//! exactly, and be written byte for byte as before. (The records' serde derives exist only for
//! these tests.)

use std::collections::BTreeMap;

use super::answer::{Answer, DiaryEntry};
use super::backup::{Backup, Header, LockedBackup};
use super::json::{from_str, to_string, to_string_pretty};
use super::store::{Entry, Meta};
use super::vault::LockRecord;

fn answers() -> Vec<Answer> {
    let mut row = BTreeMap::new();
    row.insert("When".to_string(), "Tuesday \"late\"\n\ttab".to_string());
    row.insert("Ctl".to_string(), "\u{1}\u{1f}\u{7f} é 😀 \\ /".to_string());
    let mut sections = BTreeMap::new();
    sections.insert(
        "Warning signs".to_string(),
        vec!["a".to_string(), String::new()],
    );
    sections.insert("Empty".to_string(), vec![]);
    vec![
        Answer::Text {
            text: "Line one\nline two \u{201c}quoted\u{201d}".into(),
        },
        Answer::List {
            items: vec!["x".into(), String::new()],
        },
        Answer::Ratings {
            values: [
                ("mood".to_string(), 3),
                (String::new(), -2),
                ("high".to_string(), i32::MAX),
                ("low".to_string(), i32::MIN),
            ]
            .into(),
        },
        Answer::Questionnaire {
            responses: [
                ("spent".to_string(), "often".to_string()),
                ("hid".to_string(), "never".to_string()),
            ]
            .into(),
        },
        Answer::Checklist {
            ticked: vec!["a".into()],
            other_ticked: true,
            other: "b".into(),
        },
        Answer::Choice {
            chosen: None,
            other: String::new(),
        },
        Answer::Choice {
            chosen: Some(String::new()),
            other: "o".into(),
        },
        Answer::Table {
            rows: vec![row, BTreeMap::new()],
        },
        Answer::Diary {
            entries: vec![DiaryEntry {
                date: "2026-11-29".into(),
                text: "t".into(),
            }],
        },
        Answer::Diary { entries: vec![] },
        Answer::Plan { sections },
    ]
}

fn entries() -> Vec<Entry> {
    answers()
        .into_iter()
        .enumerate()
        .map(|(n, answer)| Entry {
            format: 1,
            kind: format!("kind-{n}"),
            done: n % 2 == 0,
            updated: u64::MAX - n as u64,
            answer,
        })
        .collect()
}

#[test]
fn writes_exactly_what_serde_json_wrote() {
    for entry in entries() {
        assert_eq!(
            to_string(&entry).unwrap(),
            serde_json::to_string(&entry).unwrap()
        );
        assert_eq!(
            to_string(&entry.answer).unwrap(),
            serde_json::to_string(&entry.answer).unwrap()
        );
    }
    for meta in [
        Meta::default(),
        Meta {
            last_week: Some(3),
            last_exercise: Some("w1-e2".into()),
            last_backup: Some(1_764_000_000_000),
        },
    ] {
        assert_eq!(
            to_string(&meta).unwrap(),
            serde_json::to_string(&meta).unwrap()
        );
    }
    let mut kept_aside = BTreeMap::new();
    kept_aside.insert(
        "workbook/v1/c/aside/e/0".to_string(),
        "{not json".to_string(),
    );
    for kept_aside in [BTreeMap::new(), kept_aside] {
        let backup = Backup {
            format: "take-home-workbook-backup".into(),
            version: 1,
            curriculum: "c".into(),
            curriculum_version: "1.0".into(),
            exported: 42,
            answers: entries().into_iter().map(|e| (e.kind.clone(), e)).collect(),
            kept_aside,
        };
        assert_eq!(
            to_string(&backup).unwrap(),
            serde_json::to_string(&backup).unwrap()
        );
        assert_eq!(
            to_string_pretty(&backup).unwrap(),
            serde_json::to_string_pretty(&backup).unwrap()
        );
        let text = serde_json::to_string_pretty(&backup).unwrap();
        assert_eq!(from_str::<Backup>(&text).unwrap(), backup);
    }
}

#[test]
fn reads_what_serde_json_wrote() {
    for entry in entries() {
        let text = serde_json::to_string(&entry).unwrap();
        assert_eq!(from_str::<Entry>(&text).unwrap(), entry);
        let pretty = serde_json::to_string_pretty(&entry).unwrap();
        assert_eq!(from_str::<Entry>(&pretty).unwrap(), entry);
    }
}

/// Every text, valid or not, is read (or refused) as serde_json reads it.
#[test]
fn agrees_with_serde_json_on_odd_input() {
    let entry = |answer: &str| {
        format!(r#"{{"format":1,"kind":"k","done":false,"updated":5,"answer":{answer}}}"#)
    };
    let mut texts: Vec<String> = vec![
        String::new(),
        "null".into(),
        "{}".into(),
        "[]".into(),
        r#"{"text":{"text":"a"}}"#.into(),
        r#""text""#.into(),
    ];
    for answer in [
        r#"{"text":{"text":"a"}}"#,
        r#"{"text":{"text":"a","extra":[1,2.5e3,{"x":null}]}}"#,
        r#"{"text":{"text":"a","text":"b"}}"#,
        r#"{"text":{"text":"a"},"list":{"items":[]}}"#,
        r#"{"text":{}}"#,
        r#"{"text":{"text":null}}"#,
        r#"{"essay":{"text":"a"}}"#,
        r#"{"ratings":{"values":[1,null,-3]}}"#,
        r#"{"ratings":{"values":[1.0]}}"#,
        r#"{"ratings":{"values":[2147483648]}}"#,
        r#"{"ratings":{"values":[-2147483648]}}"#,
        r#"{"ratings":{"values":[01]}}"#,
        r#"{"ratings":{"values":[-0]}}"#,
        r#"{"ratings":{"values":[0,-1,1e0]}}"#,
        r#"{"ratings":{"values":[-]}}"#,
        r#"{"choice":{"other":""}}"#,
        r#"{"choice":{"chosen":null,"other":""}}"#,
        r#"{"choice":{"chosen":"x","other":""}}"#,
        r#"{"checklist":{"ticked":["a"],"other_ticked":1,"other":""}}"#,
        r#"{"table":{"rows":[{"a":"1","a":"2"}]}}"#,
        r#"{"plan":{"sections":{"s":["a"]}}}"#,
        r#"{"diary":{"entries":[{"date":"d","text":"t","mood":3}]}}"#,
        r#"{"text":{"text":"\ud83d\ude00 \u00e9 \/ \b\f\n\r\t"}}"#,
        r#"{"text":{"text":"\ud83d"}}"#,
        r#"{"text":{"text":"\ude00"}}"#,
        r#"{"text":{"text":"\u12"}}"#,
        r#"{"text":{"text":"\x"}}"#,
        "{\"text\":{\"text\":\"raw\ttab\"}}",
        r#"{"text":{"text":"a"}} "#,
        r#"{"text":{"text":"a"}} x"#,
        r#"{"text":{"text":"a"},}"#,
        r#"{"text" : { "text" : "a" } }"#,
    ] {
        texts.push(entry(answer));
    }
    texts.push(
        r#"{"format":1,"kind":"k","done":false,"updated":-0,"answer":{"text":{"text":""}}}"#.into(),
    );
    texts.push(r#"{"format":1,"kind":"k","done":false,"updated":18446744073709551616,"answer":{"text":{"text":""}}}"#.into());
    texts.push(r#"{"format":4294967296,"kind":"k","done":false,"updated":1,"answer":{"text":{"text":""}}}"#.into());
    texts.push(r#"{"kind":"k","done":false,"updated":1,"answer":{"text":{"text":""}}}"#.into());
    texts.push(format!("{}{}", "[".repeat(200), "]".repeat(200)));
    for text in &texts {
        let ours = from_str::<Entry>(text).ok();
        let theirs = serde_json::from_str::<Entry>(text).ok();
        assert_eq!(ours, theirs, "{text}");
    }
    for text in [
        "{}",
        r#"{"last_week":null}"#,
        r#"{"last_week":3,"last_exercise":"e","last_backup":7,"x":1}"#,
        r#"{"last_week":-1}"#,
        r#"{"last_week":"3"}"#,
    ] {
        assert_eq!(
            from_str::<Meta>(text).ok(),
            serde_json::from_str::<Meta>(text).ok(),
            "{text}"
        );
    }
    let backup = |kept: &str| {
        format!(
            r#"{{"format":"f","version":1,"curriculum":"c","curriculum_version":"1","exported":1,"answers":{{}}{kept}}}"#
        )
    };
    for text in [
        backup(""),
        backup(r#","kept_aside":{"k":"v"}"#),
        backup(r#","kept_aside":null"#),
    ] {
        assert_eq!(
            from_str::<Backup>(&text).ok(),
            serde_json::from_str::<Backup>(&text).ok(),
            "{text}"
        );
    }
}

#[test]
fn lock_records_and_locked_backups_are_as_serde_json_had_them() {
    let record = LockRecord {
        format: 1,
        kdf: "PBKDF2-SHA256".into(),
        iterations: 600_000,
        salt: "c2FsdHNhbHRzYWx0c2FsdA==".into(),
        check: "bm9uY2U+/2NpcGhlcnRleHQ=".into(),
        idle_minutes: 15,
    };
    let text = to_string(&record).unwrap();
    assert_eq!(text, serde_json::to_string(&record).unwrap());
    assert_eq!(from_str::<LockRecord>(&text).unwrap(), record);
    let locked = LockedBackup {
        format: "take-home-workbook-backup-locked".into(),
        version: 1,
        kdf: "PBKDF2-SHA256".into(),
        iterations: 600_000,
        salt: "c2FsdA==".into(),
        data: "ZGF0YQ==".into(),
    };
    let text = to_string_pretty(&locked).unwrap();
    assert_eq!(text, serde_json::to_string_pretty(&locked).unwrap());
    assert_eq!(from_str::<LockedBackup>(&text).unwrap(), locked);
    for text in [
        String::new(),
        "{}".into(),
        r#"{"format":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"s","check":"c"}"#.into(),
        r#"{"format":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"s","check":"c","idle_minutes":5,"later":[1.5]}"#.into(),
        r#"{"format":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"s","check":"c","idle_minutes":-5}"#.into(),
        r#"{"format":1,"kdf":"PBKDF2-SHA256","iterations":6e5,"salt":"s","check":"c","idle_minutes":5}"#.into(),
        r#"{"format":1,"format":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"s","check":"c","idle_minutes":5}"#.into(),
    ] {
        assert_eq!(
            from_str::<LockRecord>(&text).ok(),
            serde_json::from_str::<LockRecord>(&text).ok(),
            "{text}"
        );
    }
    for text in [
        r#"{"format":"take-home-workbook-backup-locked","version":1}"#,
        r#"{"format":"take-home-workbook-backup-locked","version":1,"kdf":"k","iterations":1,"salt":"s","data":"d"}"#,
        r#"{"format":"take-home-workbook-backup-locked","version":1,"kdf":"k","iterations":1,"salt":"s","data":null}"#,
        r#"{"format":"take-home-workbook-backup","version":1,"curriculum":"c"}"#,
        r#"{"version":1}"#,
        r#"{"format":"f","version":"1"}"#,
        "not json",
    ] {
        assert_eq!(
            from_str::<LockedBackup>(text).ok(),
            serde_json::from_str::<LockedBackup>(text).ok(),
            "{text}"
        );
        assert_eq!(
            from_str::<Header>(text).ok().map(|h| (h.format, h.version)),
            serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| Some((
                    v.get("format")?.as_str()?.to_string(),
                    u32::try_from(v.get("version")?.as_u64()?).ok()?
                ))),
            "{text}"
        );
    }
}

mod arbitrary {
    use proptest::prelude::*;

    use super::*;

    /// Any text, weighted towards what breaks JSON: quotes, backslashes, control
    /// characters, and characters outside the basic plane.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                any::<char>(),
                Just('"'),
                Just('\\'),
                Just('\n'),
                Just('\u{0}'),
                Just('\u{1f}'),
                Just('\u{7f}'),
                Just('\u{2028}'),
                Just('\u{1f600}'),
            ],
            0..24,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    fn answer() -> impl Strategy<Value = Answer> {
        prop_oneof![
            text().prop_map(|text| Answer::Text { text }),
            proptest::collection::vec(text(), 0..4).prop_map(|items| Answer::List { items }),
            proptest::collection::btree_map(text(), any::<i32>(), 0..5)
                .prop_map(|values| Answer::Ratings { values }),
            proptest::collection::btree_map(text(), text(), 0..5)
                .prop_map(|responses| Answer::Questionnaire { responses }),
            (
                proptest::collection::vec(text(), 0..3),
                any::<bool>(),
                text()
            )
                .prop_map(|(ticked, other_ticked, other)| Answer::Checklist {
                    ticked,
                    other_ticked,
                    other
                }),
            (proptest::option::of(text()), text())
                .prop_map(|(chosen, other)| Answer::Choice { chosen, other }),
            proptest::collection::vec(proptest::collection::btree_map(text(), text(), 0..3), 0..3)
                .prop_map(|rows| Answer::Table { rows }),
            proptest::collection::vec((text(), text()), 0..3).prop_map(|entries| {
                Answer::Diary {
                    entries: entries
                        .into_iter()
                        .map(|(date, text)| DiaryEntry { date, text })
                        .collect(),
                }
            }),
            proptest::collection::btree_map(text(), proptest::collection::vec(text(), 0..3), 0..3)
                .prop_map(|sections| Answer::Plan { sections }),
        ]
    }

    fn entry() -> impl Strategy<Value = Entry> {
        (text(), any::<bool>(), any::<u64>(), answer()).prop_map(|(kind, done, updated, answer)| {
            Entry {
                format: 1,
                kind,
                done,
                updated,
                answer,
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whatever a participant writes is stored exactly as serde_json stored it, and
        /// reads back as it was written.
        #[test]
        fn any_answer_is_written_as_serde_json_wrote_it_and_reads_back(entry in entry()) {
            let ours = to_string(&entry).expect("writes");
            prop_assert_eq!(&ours, &serde_json::to_string(&entry).expect("serde writes"));
            prop_assert_eq!(
                to_string_pretty(&entry).expect("writes"),
                serde_json::to_string_pretty(&entry).expect("serde writes")
            );
            prop_assert_eq!(from_str::<Entry>(&ours).expect("reads"), entry);
        }

        /// A stored answer damaged anywhere (a character changed, dropped or added) is read
        /// the same way as serde_json reads it, or refused by both: never half-read.
        #[test]
        fn a_damaged_answer_is_read_as_serde_json_reads_it(
            entry in entry(),
            at in any::<prop::sample::Index>(),
            damage in 0..3u8,
            with in prop_oneof![Just('"'), Just('}'), Just(','), Just('1'), Just(' '), any::<char>()],
        ) {
            let mut chars: Vec<char> = to_string(&entry).expect("writes").chars().collect();
            let i = at.index(chars.len());
            match damage {
                0 => chars[i] = with,
                1 => { chars.remove(i); }
                _ => chars.insert(i, with),
            }
            let raw: String = chars.into_iter().collect();
            let ours = from_str::<Entry>(&raw).ok();
            let theirs = serde_json::from_str::<Entry>(&raw).ok();
            prop_assert_eq!(ours, theirs, "{}", raw);
        }

        /// Any text at all is either read the same way as serde_json reads it, or refused
        /// by both.
        #[test]
        fn any_text_is_read_as_serde_json_reads_it(raw in text()) {
            let ours = from_str::<Entry>(&raw).ok();
            let theirs = serde_json::from_str::<Entry>(&raw).ok();
            prop_assert_eq!(ours, theirs);
        }
    }
}
