//! The passphrase lock, as plain logic: what is stored while the lock is on, and the
//! [`Vault`], the unlocked answers in memory that the rest of the app uses as its store.
//!
//! While the lock is on, storage holds only:
//!
//! ```text
//! workbook/v1/<curriculum id>/lock           the lock record: salt, iterations, a check value
//! workbook/v1/<curriculum id>/sealed/<name>  one sealed record per stored value
//! ```
//!
//! A sealed record is AES-256-GCM ciphertext (with its own fresh nonce) of the value's logical
//! key and the value itself, so neither the answers nor which exercises were answered can be
//! read. Its `<name>` is an HMAC of the logical key under a second derived key, so writing one
//! answer rewrites one record, and nobody without the passphrase can tell which is which. The
//! encryption itself is the browser's (see `browser::crypto`); this module is what can be
//! tested without one.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use workbook_core::interface::Msg;

use super::store::{self, KeyValueStore, ROOT, StoreError};
use super::texts::{t, tf};

/// The version of the lock record's format.
pub const LOCK_FORMAT: u32 = 1;

/// PBKDF2-SHA256 iterations for a new lock (OWASP's advice for PBKDF2-SHA256 in 2023 and since).
pub const ITERATIONS: u32 = 600_000;

/// The fewest iterations a lock record or locked backup file may ask for, so that a doctored
/// record cannot make the key easy to guess.
pub const MIN_ITERATIONS: u32 = 600_000;

/// The most iterations a lock record or locked backup file may ask for, so that a doctored one
/// cannot keep the browser busy for ever.
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// The idle times a participant can choose, in minutes.
pub const IDLE_CHOICES: [u32; 4] = [5, 15, 30, 60];

/// The idle time of a new lock.
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

/// The text sealed as the lock record's check value: opening it proves the passphrase.
pub const CHECK_TEXT: &str = "take-home workbook: the passphrase is right";

/// The shortest passphrase the app accepts.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// What is wrong with a new passphrase and its repetition, in plain words; `None` when both
/// are fine.
pub fn passphrase_problem(first: &str, second: &str) -> Option<String> {
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        Some(tf(
            Msg::PassphraseTooShort,
            &[("count", MIN_PASSPHRASE_CHARS.into())],
        ))
    } else if first != second {
        Some(t(Msg::PassphraseNotSame))
    } else {
        None
    }
}

/// The lock record, stored in the clear: nothing in it says anything about the answers.
#[derive(Clone, Debug, PartialEq, Eq)]
// serde_json wrote lock records before `json.rs` did; the tests check the two agree.
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct LockRecord {
    /// [`LOCK_FORMAT`].
    pub format: u32,
    /// Always `PBKDF2-SHA256`.
    pub kdf: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// The salt, base64.
    pub salt: String,
    /// [`CHECK_TEXT`] sealed under the derived key, base64.
    pub check: String,
    /// Minutes without use before the workbook locks itself.
    pub idle_minutes: u32,
}

super::json::record!(LockRecord {
    format,
    kdf,
    iterations,
    salt,
    check,
    idle_minutes
});

/// The name of the key derivation in lock records and locked backup files.
pub const KDF: &str = "PBKDF2-SHA256";

impl LockRecord {
    /// Reads a stored lock record; `None` when it is not one this version understands.
    pub fn parse(raw: &str) -> Option<LockRecord> {
        super::json::from_str::<LockRecord>(raw).ok().filter(|r| {
            r.format == LOCK_FORMAT
                && r.kdf == KDF
                && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&r.iterations)
        })
    }

    /// The record as stored.
    pub fn to_json(&self) -> String {
        super::json::to_string(self).unwrap_or_default()
    }
}

/// The key of the lock record.
pub fn lock_key(curriculum: &str) -> String {
    format!("{ROOT}/{curriculum}/lock")
}

/// The key of the marker written while a lock is being set up (the time it started, in ms):
/// sealed records without a lock record are not removed while it is recent.
pub fn setting_up_key(curriculum: &str) -> String {
    format!("{ROOT}/{curriculum}/lock-setting-up")
}

/// How long a set-up marker protects sealed records without a lock record, in ms.
pub const SETTING_UP_MS: u64 = 10 * 60 * 1000;

/// The prefix of every sealed record's key.
pub fn sealed_prefix(curriculum: &str) -> String {
    format!("{ROOT}/{curriculum}/sealed/")
}

/// Whether `key` is one of the readable (unlocked-format) values of a curriculum: its answers,
/// the copies kept aside, and the meta record. These are what the lock seals.
pub fn is_plain_key(curriculum: &str, key: &str) -> bool {
    let Some(rest) = key
        .strip_prefix(ROOT)
        .and_then(|r| r.strip_prefix('/'))
        .and_then(|r| r.strip_prefix(curriculum))
        .and_then(|r| r.strip_prefix('/'))
    else {
        return false;
    };
    rest == "meta" || rest.starts_with("answer/") || rest.starts_with("aside/")
}

/// Every readable value of a curriculum in `store`, by key.
pub fn plain_values(
    store: &dyn KeyValueStore,
    curriculum: &str,
) -> Result<BTreeMap<String, String>, StoreError> {
    let mut values = BTreeMap::new();
    for key in store.keys()? {
        if is_plain_key(curriculum, &key)
            && let Some(value) = store.get(&key)?
        {
            values.insert(key, value);
        }
    }
    Ok(values)
}

/// The plaintext of a sealed record: the logical key, a newline, then the value. (Keys never
/// hold a newline.)
pub fn record_plaintext(key: &str, value: &str) -> String {
    let mut out = String::with_capacity(key.len() + 1 + value.len());
    out.push_str(key);
    out.push('\n');
    out.push_str(value);
    out
}

/// Splits a sealed record's plaintext into its key and value.
pub fn split_record(plaintext: &str) -> Option<(&str, &str)> {
    plaintext.split_once('\n')
}

/// The unlocked values, in memory: the store the app writes to while the lock is on.
///
/// Reads and writes are immediate, as with localStorage; each write also marks its key
/// pending, and the browser side seals pending values and writes them to storage a moment
/// later (sealing is asynchronous in the browser). If that fails, the failure is returned by
/// the next write, so the save status tells the truth, and the value stays pending.
#[derive(Default)]
pub struct Vault {
    values: RefCell<BTreeMap<String, String>>,
    pending: RefCell<BTreeSet<String>>,
    failure: RefCell<Option<StoreError>>,
    on_change: RefCell<Option<Rc<dyn Fn()>>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("keys", &self.values.borrow().len())
            .field("pending", &self.pending.borrow().len())
            .finish()
    }
}

impl Vault {
    /// A vault holding `values`, none of them pending.
    pub fn new(values: BTreeMap<String, String>) -> Vault {
        Vault {
            values: RefCell::new(values),
            ..Vault::default()
        }
    }

    /// Calls `notify` after every change, so that the browser side can write it.
    pub fn on_change(&self, notify: Rc<dyn Fn()>) {
        *self.on_change.borrow_mut() = Some(notify);
    }

    fn changed(&self, key: &str) {
        self.pending.borrow_mut().insert(key.to_string());
        let notify = self.on_change.borrow().clone();
        if let Some(notify) = notify {
            notify();
        }
    }

    /// Marks every value pending (used when the lock is first turned on).
    pub fn mark_all_pending(&self) {
        let keys: Vec<String> = self.values.borrow().keys().cloned().collect();
        self.pending.borrow_mut().extend(keys);
    }

    /// Takes the pending keys with their current values (`None`: removed), for writing.
    pub fn take_pending(&self) -> Vec<(String, Option<String>)> {
        let keys = std::mem::take(&mut *self.pending.borrow_mut());
        let values = self.values.borrow();
        keys.into_iter()
            .map(|key| {
                let value = values.get(&key).cloned();
                (key, value)
            })
            .collect()
    }

    /// Puts keys back as pending after a failed write, and remembers why it failed.
    pub fn write_failed(&self, keys: impl IntoIterator<Item = String>, error: StoreError) {
        self.pending.borrow_mut().extend(keys);
        *self.failure.borrow_mut() = Some(error);
    }

    /// Records that everything taken was written.
    pub fn write_succeeded(&self) {
        *self.failure.borrow_mut() = None;
    }

    /// Whether `key` is waiting to be written.
    pub fn is_pending(&self, key: &str) -> bool {
        self.pending.borrow().contains(key)
    }

    /// Whether anything is waiting to be written.
    pub fn has_pending(&self) -> bool {
        !self.pending.borrow().is_empty()
    }

    /// The last write's failure, if it failed.
    pub fn failure(&self) -> Option<StoreError> {
        self.failure.borrow().clone()
    }

    /// A value another tab wrote (already unsealed): taken as it is, not written again.
    pub fn apply_external(&self, key: &str, value: Option<String>) {
        let mut values = self.values.borrow_mut();
        match value {
            Some(value) => values.insert(key.to_string(), value),
            None => values.remove(key),
        };
    }

    /// Every value, for turning the lock off.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.values.borrow().clone()
    }
}

impl KeyValueStore for Vault {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.values.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.values
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        self.changed(key);
        // The words are kept here either way; the error tells the save status the truth.
        match self.failure() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.values.borrow_mut().remove(key);
        self.changed(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.values.borrow().keys().cloned().collect())
    }
}

/// Readable values found beside sealed ones (a lock whose set-up was interrupted, or a tab that
/// saved in the old format): each joins the vault, and nothing is dropped. Where an answer
/// differs, the newer one (by its `updated` time) is the answer and the other is kept aside; a
/// different copy kept aside is kept aside again; only where the participant was (`meta`)
/// prefers the sealed version. Returns the keys, with the values absorbed, that can be removed
/// once the vault is written (if they still hold those values).
pub fn absorb_leftovers(
    vault: &Vault,
    curriculum: &str,
    leftovers: &BTreeMap<String, String>,
) -> Result<Vec<(String, String)>, StoreError> {
    let answers = store::answer_prefix(curriculum);
    let aside = format!("{ROOT}/{curriculum}/aside/");
    // A failed earlier write is reported by the vault (and retried); the value is in it either
    // way, so only an unusable vault stops this.
    let kept = |outcome: Result<(), StoreError>| match outcome {
        Err(StoreError::Unavailable) => Err(StoreError::Unavailable),
        _ => Ok(()),
    };
    let mut done = Vec::new();
    for (key, value) in leftovers {
        match vault.get(key)? {
            Some(existing) if existing == *value => {}
            None => kept(vault.set(key, value))?,
            Some(existing) => {
                if let Some(exercise) = key.strip_prefix(&answers) {
                    let updated = |raw: &str| {
                        super::json::from_str::<store::Entry>(raw)
                            .map(|e| e.updated)
                            .ok()
                    };
                    let (answer, other) = if updated(value) > updated(&existing) {
                        (value.as_str(), existing.as_str())
                    } else {
                        (existing.as_str(), value.as_str())
                    };
                    kept(store::keep_aside(vault, curriculum, exercise, other).map(|_| ()))?;
                    kept(vault.set(key, answer))?;
                } else if let Some(rest) = key.strip_prefix(&aside) {
                    let exercise = rest.rsplit_once('/').map_or(rest, |(exercise, _)| exercise);
                    kept(store::keep_aside(vault, curriculum, exercise, value).map(|_| ()))?;
                }
            }
        }
        done.push((key.clone(), value.clone()));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::store::{MemoryStore, answer_key, aside_key, meta_key};

    #[test]
    fn the_lock_seals_answers_aside_and_meta_but_nothing_else() {
        assert!(is_plain_key("c", &answer_key("c", "one")));
        assert!(is_plain_key("c", &aside_key("c", "one", 2)));
        assert!(is_plain_key("c", &meta_key("c")));
        assert!(!is_plain_key("c", &lock_key("c")));
        assert!(!is_plain_key("c", &format!("{}x", sealed_prefix("c"))));
        assert!(!is_plain_key("c", &answer_key("cc", "one")));
        assert!(!is_plain_key("c", "someone-else"));

        let store = MemoryStore::default();
        for key in [
            answer_key("c", "one"),
            meta_key("c"),
            lock_key("c"),
            answer_key("other", "one"),
        ] {
            store.set(&key, "v").expect("set");
        }
        let values = plain_values(&store, "c").expect("values");
        assert_eq!(
            values.keys().cloned().collect::<Vec<_>>(),
            vec![answer_key("c", "one"), meta_key("c")]
        );
    }

    #[test]
    fn a_new_passphrase_must_be_long_enough_and_typed_the_same_twice() {
        assert!(passphrase_problem("short", "short").is_some_and(|p| p.contains("at least 8")));
        assert!(
            passphrase_problem("long enough words", "long enough word")
                .is_some_and(|p| p.contains("not the same"))
        );
        // Characters, not bytes: eight accented letters are enough.
        assert_eq!(passphrase_problem("éééééééé", "éééééééé"), None);
    }

    #[test]
    fn a_record_holds_its_key_and_value() {
        let plaintext = record_plaintext("workbook/v1/c/answer/one", "{\"text\":\"a\nb\"}");
        assert_eq!(
            split_record(&plaintext),
            Some(("workbook/v1/c/answer/one", "{\"text\":\"a\nb\"}"))
        );
    }

    #[test]
    fn lock_records_that_ask_for_weak_keys_are_refused() {
        let record = LockRecord {
            format: LOCK_FORMAT,
            kdf: KDF.into(),
            iterations: ITERATIONS,
            salt: "c2FsdA==".into(),
            check: "Y2hlY2s=".into(),
            idle_minutes: 15,
        };
        assert_eq!(LockRecord::parse(&record.to_json()), Some(record.clone()));
        let weak = LockRecord {
            iterations: 1_000,
            ..record.clone()
        };
        assert_eq!(LockRecord::parse(&weak.to_json()), None);
        let endless = LockRecord {
            iterations: u32::MAX,
            ..record.clone()
        };
        assert_eq!(LockRecord::parse(&endless.to_json()), None);
        assert_eq!(LockRecord::parse("{not json"), None);
    }

    #[test]
    fn writes_are_immediate_in_memory_and_pending_until_sealed() {
        let vault = Vault::default();
        let calls = Rc::new(std::cell::Cell::new(0));
        let counter = calls.clone();
        vault.on_change(Rc::new(move || counter.set(counter.get() + 1)));
        vault.set("a", "1").expect("set");
        vault.set("b", "2").expect("set");
        vault.remove("b").expect("remove");
        assert_eq!(calls.get(), 3);
        assert!(vault.is_pending("a") && vault.is_pending("b") && !vault.is_pending("c"));
        assert_eq!(vault.get("a").expect("get").as_deref(), Some("1"));
        assert_eq!(
            vault.take_pending(),
            vec![
                ("a".to_string(), Some("1".to_string())),
                ("b".to_string(), None)
            ]
        );
        assert!(!vault.has_pending());
    }

    #[test]
    fn a_failed_seal_keeps_the_value_pending_and_reports_it_on_the_next_write() {
        let vault = Vault::default();
        vault.set("a", "1").expect("set");
        let taken = vault.take_pending();
        vault.write_failed(taken.into_iter().map(|(k, _)| k), StoreError::Full);
        assert!(vault.has_pending());
        assert_eq!(vault.set("b", "2"), Err(StoreError::Full));
        // The words are still there.
        assert_eq!(vault.get("b").expect("get").as_deref(), Some("2"));
        assert_eq!(vault.take_pending().len(), 2);
        vault.write_succeeded();
        assert_eq!(vault.set("c", "3"), Ok(()));
    }

    #[test]
    fn another_tabs_values_are_taken_without_writing_them_again() {
        let vault = Vault::default();
        vault.apply_external("a", Some("theirs".into()));
        assert_eq!(vault.get("a").expect("get").as_deref(), Some("theirs"));
        assert!(!vault.has_pending());
        vault.apply_external("a", None);
        assert_eq!(vault.get("a").expect("get"), None);
    }

    fn entry(text: &str, updated: u64) -> String {
        crate::state::json::to_string(&store::Entry {
            format: store::ENTRY_FORMAT,
            kind: "writing".into(),
            done: false,
            updated,
            answer: crate::state::answer::Answer::Text { text: text.into() },
        })
        .expect("writes")
    }

    #[test]
    fn leftover_readable_values_join_the_vault_and_nothing_is_dropped() {
        let vault = Vault::new(BTreeMap::from([
            (answer_key("c", "same"), entry("x", 1)),
            (answer_key("c", "older-plain"), entry("sealed, newer", 5)),
            (answer_key("c", "newer-plain"), entry("sealed, older", 5)),
            (aside_key("c", "kept", 0), "sealed copy".to_string()),
            (meta_key("c"), "sealed meta".to_string()),
        ]));
        let leftovers = BTreeMap::from([
            (answer_key("c", "same"), entry("x", 1)),
            (answer_key("c", "older-plain"), entry("plain, older", 2)),
            (answer_key("c", "newer-plain"), entry("plain, newer", 9)),
            (answer_key("c", "new"), entry("only plain", 3)),
            (aside_key("c", "kept", 0), "plain copy".to_string()),
            (meta_key("c"), "plain meta".to_string()),
        ]);
        let done = absorb_leftovers(&vault, "c", &leftovers).expect("absorbs");
        assert_eq!(done.len(), 6);
        let get = |key: String| vault.get(&key).expect("get");
        // The newer version is the answer; the other is kept aside.
        assert_eq!(
            get(answer_key("c", "older-plain")),
            Some(entry("sealed, newer", 5))
        );
        assert_eq!(
            get(aside_key("c", "older-plain", 0)),
            Some(entry("plain, older", 2))
        );
        assert_eq!(
            get(answer_key("c", "newer-plain")),
            Some(entry("plain, newer", 9))
        );
        assert_eq!(
            get(aside_key("c", "newer-plain", 0)),
            Some(entry("sealed, older", 5))
        );
        assert_eq!(get(answer_key("c", "new")), Some(entry("only plain", 3)));
        assert_eq!(get(answer_key("c", "same")), Some(entry("x", 1)));
        assert_eq!(get(aside_key("c", "same", 0)), None);
        // A different copy kept aside is kept aside again, not dropped.
        assert_eq!(
            get(aside_key("c", "kept", 0)).as_deref(),
            Some("sealed copy")
        );
        assert_eq!(
            get(aside_key("c", "kept", 1)).as_deref(),
            Some("plain copy")
        );
        assert_eq!(get(meta_key("c")).as_deref(), Some("sealed meta"));
    }
}
