//! Backup files: every answer in one versioned JSON file the participant saves themselves, and
//! importing one again: validated, previewed, and never silently replacing newer text.

use std::collections::BTreeMap;

use workbook_core::Curriculum;
use workbook_core::interface::{Arg, Msg};

use super::drafts::Drafts;
use super::json::{self, Fields, FromJson, ToJson, Value};
use super::store::{self, ENTRY_FORMAT, Entry, KeyValueStore, StoreError, Unreadable};
use super::texts::{t, tf};

/// Names the file's format, so that any other JSON file is recognised as not a backup.
pub const BACKUP_FORMAT: &str = "take-home-workbook-backup";

/// The version of the backup format this app writes; it reads every version up to it. Version 2
/// holds answers by id (entry format 2); version 1 files hold answers by label, and are moved to
/// ids as they are read (see `migrate`).
pub const BACKUP_VERSION: u32 = 2;

/// A backup file.
#[derive(Clone, Debug, PartialEq)]
// serde_json wrote backup files before `json.rs` did; the tests check the two agree.
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct Backup {
    /// [`BACKUP_FORMAT`].
    pub format: String,
    /// [`BACKUP_VERSION`].
    pub version: u32,
    /// The curriculum's id.
    pub curriculum: String,
    /// The curriculum's version when the backup was made.
    pub curriculum_version: String,
    /// When, in milliseconds since 1970.
    pub exported: u64,
    /// Every answer, by exercise id.
    pub answers: BTreeMap<String, Entry>,
    /// Values that were kept aside (unreadable, or replaced), by storage key, exactly as stored.
    #[cfg_attr(test, serde(default))]
    pub kept_aside: BTreeMap<String, String>,
}

impl FromJson for Backup {
    fn from_json(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Backup {
            format: f.get("format")?,
            version: f.get("version")?,
            curriculum: f.get("curriculum")?,
            curriculum_version: f.get("curriculum_version")?,
            exported: f.get("exported")?,
            answers: f.get("answers")?,
            // Files from before kept-aside values were backed up have none; `null` is refused.
            kept_aside: match f.take("kept_aside")? {
                None => BTreeMap::new(),
                Some(value) => FromJson::from_json(value)?,
            },
        })
    }
}

impl ToJson for Backup {
    fn to_json(&self) -> Value {
        json::obj(vec![
            ("format", self.format.to_json()),
            ("version", self.version.to_json()),
            ("curriculum", self.curriculum.to_json()),
            ("curriculum_version", self.curriculum_version.to_json()),
            ("exported", self.exported.to_json()),
            ("answers", self.answers.to_json()),
            ("kept_aside", self.kept_aside.to_json()),
        ])
    }
}

/// Names the format of a backup file locked with the participant's passphrase.
pub const LOCKED_BACKUP_FORMAT: &str = "take-home-workbook-backup-locked";

/// A backup file locked with a passphrase: a whole [`Backup`] file's text, sealed with
/// AES-256-GCM under a key derived from the passphrase as the lock's is. Nothing else is in it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct LockedBackup {
    /// [`LOCKED_BACKUP_FORMAT`].
    pub format: String,
    /// [`BACKUP_VERSION`].
    pub version: u32,
    /// Always `PBKDF2-SHA256`.
    pub kdf: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// The salt, base64.
    pub salt: String,
    /// The nonce and the ciphertext of the backup's text, base64.
    pub data: String,
}

json::record!(LockedBackup {
    format,
    version,
    kdf,
    iterations,
    salt,
    data
});

/// The start of a backup file, plain or locked: what it is and which version wrote it.
pub struct Header {
    /// [`BACKUP_FORMAT`] or [`LOCKED_BACKUP_FORMAT`].
    pub format: String,
    /// The backup format's version.
    pub version: u32,
}

json::record!(Header { format, version });

impl LockedBackup {
    /// Reads a file as a locked backup. `Ok(None)`: it is not one (perhaps a plain backup).
    pub fn parse(text: &str) -> Result<Option<LockedBackup>, ImportError> {
        let Ok(header) = super::json::from_str::<Header>(text) else {
            return Ok(None);
        };
        if header.format != LOCKED_BACKUP_FORMAT {
            return Ok(None);
        }
        if header.version > BACKUP_VERSION {
            return Err(ImportError::TooNew(header.version));
        }
        let file: LockedBackup =
            super::json::from_str(text).map_err(|_| ImportError::NotABackup)?;
        let iterations = super::vault::MIN_ITERATIONS..=super::vault::MAX_ITERATIONS;
        if file.kdf != super::vault::KDF || !iterations.contains(&file.iterations) {
            return Err(ImportError::NotABackup);
        }
        Ok(Some(file))
    }
}

/// Makes a backup of everything in the workbook, and everything kept aside.
pub fn export(
    workbook: &Drafts,
    curriculum_version: &str,
    aside: &[Unreadable],
    now: u64,
) -> Backup {
    Backup {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        curriculum: workbook.curriculum.clone(),
        curriculum_version: curriculum_version.into(),
        exported: now,
        answers: workbook
            .entries
            .iter()
            .fold(BTreeMap::new(), |mut m, (id, entry)| {
                m.insert(id.clone(), (**entry).clone());
                m
            }),
        kept_aside: workbook
            .unreadable
            .iter()
            .chain(aside)
            .fold(BTreeMap::new(), |mut m, u| {
                m.insert(u.key.clone(), u.raw.clone());
                m
            }),
    }
}

/// The file name a backup is saved under.
pub fn file_name(curriculum: &str, date: &str) -> String {
    format!("{curriculum}-backup-{date}.json")
}

/// Why a file cannot be imported, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON, or not a backup at all.
    NotABackup,
    /// A backup from a newer version of the workbook.
    TooNew(u32),
    /// A backup of another programme's workbook.
    OtherCurriculum(String),
}

impl ImportError {
    /// What to tell the person.
    pub fn explain(&self) -> String {
        match self {
            ImportError::NotABackup => t(Msg::RestoreNotABackup),
            ImportError::TooNew(version) => {
                tf(Msg::RestoreTooNew, &[("version", (*version).into())])
            }
            ImportError::OtherCurriculum(id) => {
                tf(Msg::RestoreOtherProgramme, &[("id", Arg::Text(id))])
            }
        }
    }
}

/// Reads and checks a backup file's text, for `curriculum`. Answers written by label (the first
/// versions' format) are moved to ids as the store's are; what of them no longer matches is
/// kept aside with the rest of the file's kept-aside values, so restoring loses nothing.
pub fn parse(text: &str, curriculum: &Curriculum) -> Result<Backup, ImportError> {
    let header: Header = super::json::from_str(text).map_err(|_| ImportError::NotABackup)?;
    if header.format != BACKUP_FORMAT {
        return Err(ImportError::NotABackup);
    }
    if header.version > BACKUP_VERSION {
        return Err(ImportError::TooNew(header.version));
    }
    // The answers are read one by one (each may be of either format); the rest as a whole.
    let Value::Obj(mut fields) =
        super::json::from_str::<Value>(text).map_err(|_| ImportError::NotABackup)?
    else {
        return Err(ImportError::NotABackup);
    };
    let answers = match fields.iter_mut().find(|(key, _)| key == "answers") {
        Some((_, value)) => std::mem::replace(value, Value::Obj(Vec::new())),
        None => return Err(ImportError::NotABackup),
    };
    let mut backup = Backup::from_json(Value::Obj(fields)).ok_or(ImportError::NotABackup)?;
    if backup.curriculum != curriculum.id {
        return Err(ImportError::OtherCurriculum(backup.curriculum));
    }
    let Value::Obj(answers) = answers else {
        return Err(ImportError::NotABackup);
    };
    for (exercise, value) in answers {
        let raw = super::json::to_string(&value).map_err(|_| ImportError::NotABackup)?;
        let entry = match Entry::from_json(value) {
            Some(entry) if entry.format == ENTRY_FORMAT => entry,
            _ => {
                let found = curriculum.exercise(&exercise).map(|(_, e)| e);
                let converted =
                    super::migrate::convert(&raw, found).ok_or(ImportError::NotABackup)?;
                if !converted.complete {
                    let key = format!(
                        "{}/from-backup",
                        store::aside_key(&curriculum.id, &exercise, 0)
                    );
                    backup.kept_aside.insert(key, raw);
                }
                converted.entry
            }
        };
        backup.answers.insert(exercise, entry);
    }
    Ok(backup)
}

/// What importing a backup would do, answer by answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    /// Answers only the backup has: added.
    pub added: Vec<String>,
    /// Answers newer in the backup: they replace this device's, whose text is kept aside.
    pub replaced: Vec<String>,
    /// Answers newer on this device: kept; the backup's older text is kept aside.
    pub kept: Vec<String>,
    /// Answers that are the same in both.
    pub same: Vec<String>,
    /// Values the backup had kept aside that this device does not have yet.
    pub aside: usize,
}

impl ImportPlan {
    /// True when importing would change nothing.
    pub fn changes_nothing(&self) -> bool {
        self.added.is_empty() && self.replaced.is_empty() && self.kept.is_empty() && self.aside == 0
    }
}

/// Works out what importing `backup` into `workbook` would do, without doing it.
pub fn plan(backup: &Backup, workbook: &Drafts, store_aside: &[Unreadable]) -> ImportPlan {
    let mut plan = ImportPlan::default();
    for (id, theirs) in &backup.answers {
        match workbook.entry(id) {
            None => plan.added.push(id.clone()),
            Some(ours) if ours.answer == theirs.answer && ours.done == theirs.done => {
                plan.same.push(id.clone())
            }
            Some(ours) if theirs.updated > ours.updated => plan.replaced.push(id.clone()),
            Some(_) => plan.kept.push(id.clone()),
        }
    }
    plan.aside = backup
        .kept_aside
        .values()
        .filter(|raw| {
            !store_aside
                .iter()
                .chain(&workbook.unreadable)
                .any(|u| &u.raw == *raw)
        })
        .count();
    plan
}

/// Carries out a plan. Nothing is overwritten without its text being kept aside first.
pub fn apply(
    store: &dyn KeyValueStore,
    backup: &Backup,
    plan: &ImportPlan,
    workbook: &Drafts,
) -> Result<(), StoreError> {
    let curriculum = &workbook.curriculum;
    for id in &plan.replaced {
        if let Some(ours) = workbook.entry(id) {
            let raw =
                super::json::to_string(&**ours).map_err(|e| StoreError::Other(e.to_string()))?;
            store::keep_aside(store, curriculum, id, &raw)?;
        }
    }
    for id in &plan.kept {
        if let Some(theirs) = backup.answers.get(id) {
            let raw =
                super::json::to_string(theirs).map_err(|e| StoreError::Other(e.to_string()))?;
            store::keep_aside(store, curriculum, id, &raw)?;
        }
    }
    for id in plan.added.iter().chain(&plan.replaced) {
        if let Some(theirs) = backup.answers.get(id) {
            store::save_entry(store, curriculum, id, theirs)?;
        }
    }
    let existing = store::kept_aside(store, curriculum)?;
    for (key, raw) in &backup.kept_aside {
        if existing
            .iter()
            .chain(&workbook.unreadable)
            .any(|u| &u.raw == raw)
        {
            continue;
        }
        let exercise = key.rsplit('/').nth(1).unwrap_or("unknown");
        store::keep_aside(store, curriculum, exercise, raw)?;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A locked backup file (its data opens with no passphrase: only its envelope is real).
    pub(crate) fn locked_file() -> LockedBackup {
        LockedBackup {
            format: LOCKED_BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            kdf: crate::state::vault::KDF.into(),
            iterations: crate::state::vault::ITERATIONS,
            salt: "c2FsdA==".into(),
            data: "ZGF0YQ==".into(),
        }
    }

    #[test]
    fn a_locked_backup_is_told_from_a_plain_one_and_weak_ones_are_refused() {
        let locked = locked_file();
        let text = serde_json::to_string(&locked).expect("json");
        assert_eq!(LockedBackup::parse(&text), Ok(Some(locked.clone())));
        assert_eq!(
            LockedBackup::parse(r#"{"format":"take-home-workbook-backup","version":1}"#),
            Ok(None)
        );
        assert_eq!(LockedBackup::parse("not json"), Ok(None));
        let weak = LockedBackup {
            iterations: 10,
            ..locked.clone()
        };
        assert_eq!(
            LockedBackup::parse(&serde_json::to_string(&weak).expect("json")),
            Err(ImportError::NotABackup)
        );
        let newer = LockedBackup {
            version: BACKUP_VERSION + 1,
            ..locked
        };
        assert_eq!(
            LockedBackup::parse(&serde_json::to_string(&newer).expect("json")),
            Err(ImportError::TooNew(BACKUP_VERSION + 1))
        );
    }
    use crate::state::answer::Answer;
    use crate::state::drafts::{Action, edit, save_dirty};
    use crate::state::store::{Loaded, MemoryStore, load};
    use std::rc::Rc;
    use yew::Reducible;

    /// A curriculum that is only its id.
    pub(crate) fn just(id: &str) -> Curriculum {
        Curriculum {
            id: id.into(),
            ..Curriculum::default()
        }
    }

    /// A backup file of the first format, for `migrate`'s curriculum: answers by label, one
    /// that still matches (`motives`) and one that no longer does (`stage`); and the latter.
    pub(crate) fn version_1_file() -> (String, String) {
        use crate::state::migrate::tests::old;
        let matched = old(
            "checklist",
            r#"{"checklist":{"ticked":["Boredom"],"other_ticked":false,"other":""}}"#,
        );
        let unmatched = old(
            "choice",
            r#"{"choice":{"chosen":"Maybe later","other":""}}"#,
        );
        let file = format!(
            r#"{{"format":"{BACKUP_FORMAT}","version":1,"curriculum":"c","curriculum_version":"0.1","exported":1,"answers":{{"motives":{matched},"stage":{unmatched}}},"kept_aside":{{}}}}"#
        );
        (file, unmatched)
    }

    #[test]
    fn a_backup_of_answers_by_label_is_read_by_id_and_loses_nothing() {
        let curriculum = crate::state::migrate::tests::curriculum();
        let (file, unmatched) = version_1_file();
        let backup = parse(&file, &curriculum).expect("a backup of the first format");
        assert_eq!(
            backup.answers["motives"].answer,
            Answer::Checklist {
                ticked: vec!["bored".into()],
                other_ticked: false,
                other: String::new()
            }
        );
        assert_eq!(backup.answers["stage"].format, ENTRY_FORMAT);
        assert_eq!(
            backup.kept_aside.values().cloned().collect::<Vec<_>>(),
            vec![unmatched],
            "the answer that did not match comes along, kept aside"
        );
        let store = MemoryStore::default();
        let empty = Drafts::from_loaded("c", load(&store, "c").expect("loads"));
        let plan = plan(&backup, &empty, &[]);
        apply(&store, &backup, &plan, &empty).expect("imports");
        assert_eq!(store::kept_aside(&store, "c").expect("aside").len(), 1);
    }

    /// `workbook` with its changes written to `store`.
    pub(crate) fn saved(store: &MemoryStore, workbook: Rc<Drafts>) -> Rc<Drafts> {
        let saved = save_dirty(store, &workbook).expect("saves");
        workbook.reduce(Action::Saved(saved.written))
    }

    #[test]
    fn export_then_clear_then_import_restores_every_answer() {
        let store = MemoryStore::default();
        let workbook = Rc::new(Drafts::from_loaded("c", Loaded::default()))
            .reduce(edit("one", "first answer", 1))
            .reduce(edit("two", "second answer", 2));
        let workbook = saved(&store, workbook);
        let file = serde_json::to_string(&export(&workbook, "1.0", &[], 3)).expect("exports");

        store::clear_all(&store).expect("clears");
        let empty = Drafts::from_loaded("c", load(&store, "c").expect("loads"));
        let backup = parse(&file, &just("c")).expect("a valid backup");
        let plan = plan(&backup, &empty, &[]);
        assert_eq!(plan.added, vec!["one".to_string(), "two".to_string()]);
        apply(&store, &backup, &plan, &empty).expect("imports");
        let restored = load(&store, "c").expect("loads");
        assert_eq!(
            restored.entries["one"].answer,
            Answer::Text {
                text: "first answer".into()
            }
        );
        assert_eq!(
            restored.entries["two"].answer,
            Answer::Text {
                text: "second answer".into()
            }
        );
    }

    #[test]
    fn newer_text_is_never_silently_replaced() {
        let store = MemoryStore::default();
        let old = Rc::new(Drafts::from_loaded("c", Loaded::default()))
            .reduce(edit("mine-newer", "old", 1))
            .reduce(edit("theirs-newer", "old", 1));
        let backup_workbook = Rc::new(Drafts::from_loaded("c", Loaded::default()))
            .reduce(edit("mine-newer", "backup text", 2))
            .reduce(edit("theirs-newer", "backup text", 5));
        let here = saved(
            &store,
            old.reduce(edit("mine-newer", "newest, on this device", 9)),
        );
        let backup = export(&backup_workbook, "1", &[], 10);

        let plan = plan(&backup, &here, &[]);
        assert_eq!(plan.kept, vec!["mine-newer".to_string()]);
        assert_eq!(plan.replaced, vec!["theirs-newer".to_string()]);
        apply(&store, &backup, &plan, &here).expect("imports");

        let after = load(&store, "c").expect("loads");
        assert_eq!(
            after.entries["mine-newer"].answer,
            Answer::Text {
                text: "newest, on this device".into()
            }
        );
        assert_eq!(
            after.entries["theirs-newer"].answer,
            Answer::Text {
                text: "backup text".into()
            }
        );
        let aside: Vec<String> = store::kept_aside(&store, "c")
            .expect("aside")
            .into_iter()
            .map(|u| u.raw)
            .collect();
        assert_eq!(
            aside.len(),
            2,
            "both losing versions are kept aside: {aside:?}"
        );
        assert!(aside.iter().any(|raw| raw.contains("backup text")));
        assert!(aside.iter().any(|raw| raw.contains("\"old\"")));
    }

    #[test]
    fn files_that_are_not_backups_are_refused_in_plain_words() {
        let c = just("c");
        assert_eq!(parse("hello", &c), Err(ImportError::NotABackup));
        assert_eq!(
            parse("{\"format\":\"other\",\"version\":1}", &c),
            Err(ImportError::NotABackup)
        );
        let newer = format!("{{\"format\":\"{BACKUP_FORMAT}\",\"version\":99}}");
        assert_eq!(parse(&newer, &c), Err(ImportError::TooNew(99)));
        let workbook = Drafts::from_loaded("other", Loaded::default());
        let file = serde_json::to_string(&export(&workbook, "1", &[], 1)).expect("exports");
        assert_eq!(
            parse(&file, &c),
            Err(ImportError::OtherCurriculum("other".into()))
        );
        assert!(
            ImportError::NotABackup
                .explain()
                .contains("not a workbook backup")
        );
    }
}
