//! Where answers live: one record per answer in a key-value store (the browser's localStorage,
//! or memory in tests), under a versioned key scheme.
//!
//! ```text
//! workbook/v1/<curriculum id>/answer/<exercise id>   one answer (a JSON `Entry`)
//! workbook/v1/<curriculum id>/aside/<exercise id>/<n> a value kept aside, never overwritten
//! workbook/v1/<curriculum id>/meta                   where the participant was, last backup
//! ```
//!
//! One record per answer means a keystroke rewrites one answer, not the whole store.

use std::collections::BTreeMap;

use workbook_core::interface::Msg;

use super::answer::Answer;
use super::json;
use super::texts::t;

/// The prefix of every key this app writes. Changing the stored format means a new version here,
/// written beside the old one.
pub const ROOT: &str = "workbook/v1";

/// The version of the `Entry` format: 2 stores options, statements, columns and sections by
/// id (1 stored labels and positions; `migrate` moves those).
pub const ENTRY_FORMAT: u32 = 2;

/// Why a store refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is switched off or blocked (some private windows, some settings).
    Unavailable,
    /// The browser's storage for this site is full.
    Full,
    /// Anything else, with the browser's words.
    Other(String),
}

impl StoreError {
    /// The problem in plain words, for the save status.
    pub fn explain(&self) -> String {
        t(match self {
            StoreError::Unavailable => Msg::StoreUnavailable,
            StoreError::Full => Msg::StoreFull,
            StoreError::Other(_) => Msg::StoreOther,
        })
    }
}

/// A string key-value store, as localStorage is.
pub trait KeyValueStore {
    /// The value at `key`.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes `value` at `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`.
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store, for tests and for when the browser's storage is unavailable.
#[derive(Debug, Default)]
pub struct MemoryStore {
    values: std::cell::RefCell<BTreeMap<String, String>>,
    /// When set, writes fail with this error (to test full or blocked storage).
    pub refuse_writes: std::cell::RefCell<Option<StoreError>>,
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.values.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(error) = self.refuse_writes.borrow().clone() {
            return Err(error);
        }
        self.values
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.values.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.values.borrow().keys().cloned().collect())
    }
}

/// One stored answer.
#[derive(Clone, Debug, PartialEq)]
// serde_json wrote the stored records before `json.rs` did; the tests check the two agree.
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct Entry {
    /// [`ENTRY_FORMAT`].
    pub format: u32,
    /// The exercise's kind when the answer was written.
    pub kind: String,
    /// Whether the participant marked it done.
    pub done: bool,
    /// When it last changed, in milliseconds since 1970.
    pub updated: u64,
    /// The answer.
    pub answer: Answer,
}

json::record!(Entry {
    format,
    kind,
    done,
    updated,
    answer
});

/// The key of an answer.
pub fn answer_key(curriculum: &str, exercise: &str) -> String {
    format!("{ROOT}/{curriculum}/answer/{exercise}")
}

/// The prefix of every answer key of a curriculum.
pub fn answer_prefix(curriculum: &str) -> String {
    format!("{ROOT}/{curriculum}/answer/")
}

/// The key of a value kept aside.
pub fn aside_key(curriculum: &str, exercise: &str, n: usize) -> String {
    format!("{ROOT}/{curriculum}/aside/{exercise}/{n}")
}

/// The key of the curriculum's meta record.
pub fn meta_key(curriculum: &str) -> String {
    format!("{ROOT}/{curriculum}/meta")
}

/// A stored value that could not be read as an answer. It stays in the store untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The key it is stored under.
    pub key: String,
    /// Exactly what is stored.
    pub raw: String,
}

/// Everything stored for a curriculum.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// Answers by exercise id.
    pub entries: BTreeMap<String, Entry>,
    /// Values under answer keys that do not parse as this version's: corrupt, from a later
    /// version, or from an earlier one (`migrate::load` takes those out and moves them to ids).
    pub unreadable: Vec<Unreadable>,
    /// Answers of an earlier version kept aside because something in them no longer matched the
    /// exercise, by exercise id, as they read now (shown under "Answers from earlier versions").
    pub earlier: Vec<(String, Entry)>,
    /// Where the participant was, and when they last made a backup.
    pub meta: Meta,
}

/// Small facts about the participant's use, kept beside the answers. Each may be missing.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct Meta {
    /// The last week opened.
    #[cfg_attr(test, serde(default))]
    pub last_week: Option<u32>,
    /// The last exercise worked on.
    #[cfg_attr(test, serde(default))]
    pub last_exercise: Option<String>,
    /// When the last backup file was saved, in milliseconds since 1970.
    #[cfg_attr(test, serde(default))]
    pub last_backup: Option<u64>,
}

json::record!(Meta {
    last_week,
    last_exercise,
    last_backup
});

/// Reads every answer of a curriculum. What cannot be read is reported, never dropped.
pub fn load(store: &dyn KeyValueStore, curriculum: &str) -> Result<Loaded, StoreError> {
    let prefix = answer_prefix(curriculum);
    let mut loaded = Loaded::default();
    for key in store.keys()? {
        let Some(exercise) = key.strip_prefix(&prefix) else {
            continue;
        };
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        match super::json::from_str::<Entry>(&raw) {
            Ok(entry) if entry.format == ENTRY_FORMAT => {
                loaded.entries.insert(exercise.to_string(), entry);
            }
            _ => loaded.unreadable.push(Unreadable { key, raw }),
        }
    }
    if let Some(raw) = store.get(&meta_key(curriculum))? {
        // A damaged meta record only loses the "continue" link and the backup reminder.
        loaded.meta = super::json::from_str(&raw).unwrap_or_default();
    }
    Ok(loaded)
}

/// Writes one answer. If the key holds a value that could not be read, that value is first
/// copied aside (and checked) so that it is never overwritten.
pub fn save_entry(
    store: &dyn KeyValueStore,
    curriculum: &str,
    exercise: &str,
    entry: &Entry,
) -> Result<(), StoreError> {
    let key = answer_key(curriculum, exercise);
    if let Some(existing) = store.get(&key)? {
        let readable =
            super::json::from_str::<Entry>(&existing).is_ok_and(|e| e.format == ENTRY_FORMAT);
        if !readable {
            keep_aside(store, curriculum, exercise, &existing)?;
        }
    }
    let json = super::json::to_string(entry).map_err(|e| StoreError::Other(e.to_string()))?;
    store.set(&key, &json)
}

/// Copies a value to a fresh aside key and reads it back before returning.
pub fn keep_aside(
    store: &dyn KeyValueStore,
    curriculum: &str,
    exercise: &str,
    raw: &str,
) -> Result<String, StoreError> {
    let mut n = 0;
    while store.get(&aside_key(curriculum, exercise, n))?.is_some() {
        n += 1;
    }
    let key = aside_key(curriculum, exercise, n);
    store.set(&key, raw)?;
    if store.get(&key)?.as_deref() != Some(raw) {
        return Err(StoreError::Other("a copy did not read back".into()));
    }
    Ok(key)
}

/// Saves the meta record.
pub fn save_meta(
    store: &dyn KeyValueStore,
    curriculum: &str,
    meta: &Meta,
) -> Result<(), StoreError> {
    let json = super::json::to_string(meta).map_err(|e| StoreError::Other(e.to_string()))?;
    store.set(&meta_key(curriculum), &json)
}

/// Every value kept aside for a curriculum, by key.
pub fn kept_aside(
    store: &dyn KeyValueStore,
    curriculum: &str,
) -> Result<Vec<Unreadable>, StoreError> {
    let prefix = format!("{ROOT}/{curriculum}/aside/");
    let mut out = Vec::new();
    for key in store.keys()? {
        if key.starts_with(&prefix)
            && let Some(raw) = store.get(&key)?
        {
            out.push(Unreadable { key, raw });
        }
    }
    Ok(out)
}

/// Removes everything this app stored, for every curriculum.
pub fn clear_all(store: &dyn KeyValueStore) -> Result<usize, StoreError> {
    let prefix = format!("{ROOT}/");
    let mut removed = 0;
    for key in store.keys()? {
        if key.starts_with(&prefix) {
            store.remove(&key)?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> Entry {
        Entry {
            format: ENTRY_FORMAT,
            kind: "writing".into(),
            done: false,
            updated: 1,
            answer: Answer::Text { text: text.into() },
        }
    }

    #[test]
    fn answers_are_stored_one_per_key_and_read_back() {
        let store = MemoryStore::default();
        save_entry(&store, "c", "one", &entry("first")).expect("saves");
        save_entry(&store, "c", "two", &entry("second")).expect("saves");
        save_entry(&store, "other", "one", &entry("elsewhere")).expect("saves");
        assert_eq!(store.keys().expect("keys").len(), 3);
        let loaded = load(&store, "c").expect("loads");
        assert_eq!(loaded.entries.len(), 2);
        assert_eq!(loaded.entries["one"], entry("first"));
    }

    #[test]
    fn unreadable_values_are_reported_and_never_overwritten() {
        let store = MemoryStore::default();
        store
            .set(&answer_key("c", "one"), "{not json")
            .expect("set");
        let loaded = load(&store, "c").expect("loads");
        assert!(loaded.entries.is_empty());
        assert_eq!(
            loaded.unreadable,
            vec![Unreadable {
                key: answer_key("c", "one"),
                raw: "{not json".into()
            }]
        );

        save_entry(&store, "c", "one", &entry("new words")).expect("saves");
        assert_eq!(
            store
                .get(&aside_key("c", "one", 0))
                .expect("get")
                .as_deref(),
            Some("{not json")
        );
        assert_eq!(
            load(&store, "c").expect("loads").entries["one"],
            entry("new words")
        );
        assert_eq!(kept_aside(&store, "c").expect("aside").len(), 1);
    }

    #[test]
    fn a_full_store_says_so() {
        let store = MemoryStore::default();
        *store.refuse_writes.borrow_mut() = Some(StoreError::Full);
        assert_eq!(
            save_entry(&store, "c", "one", &entry("x")),
            Err(StoreError::Full)
        );
    }

    #[test]
    fn clearing_removes_only_the_workbooks_keys() {
        let store = MemoryStore::default();
        save_entry(&store, "c", "one", &entry("x")).expect("saves");
        store.set("someone-else", "keep").expect("set");
        assert_eq!(clear_all(&store).expect("clears"), 1);
        assert_eq!(
            store.keys().expect("keys"),
            vec!["someone-else".to_string()]
        );
    }
}
