//! The passphrase lock in the browser: turning it on (sealing what is stored, beside the old
//! format, and removing the readable copies only once the sealed ones read back), opening it,
//! writing sealed records as the participant works, and turning it off again.
//!
//! The rules and the storage layout are in [`crate::state::vault`].

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

use super::crypto::{self, CryptoError, Keys};
use super::storage::LocalStore;
use crate::state::backup::{BACKUP_VERSION, LOCKED_BACKUP_FORMAT, LockedBackup};
use crate::state::store::{KeyValueStore, StoreError};
use crate::state::vault::{
    self, CHECK_TEXT, ITERATIONS, KDF, LOCK_FORMAT, LockRecord, Vault, lock_key, sealed_prefix,
};

/// How long to wait before writing again after a failed write.
const RETRY_MS: u32 = 5_000;

/// Why the lock could not be turned on, opened or turned off. Nothing was lost in any case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// The passphrase did not open the workbook.
    WrongPassphrase,
    /// This browser cannot do the encryption.
    Unsupported,
    /// Storage refused (full, or blocked).
    Store(StoreError),
    /// A sealed copy did not read back as written.
    DidNotReadBack,
    /// Another tab or window turned the lock off or on meanwhile.
    Changed,
}

impl LockError {
    /// What to tell the person.
    pub fn explain(&self) -> String {
        match self {
            LockError::WrongPassphrase => {
                "That passphrase did not open the workbook. Check for capital letters and spaces, and try again.".into()
            }
            LockError::Unsupported => {
                "This browser cannot lock the workbook. Try an up-to-date Chrome, Edge, Firefox or Safari.".into()
            }
            LockError::Store(StoreError::Full) => {
                "There is not enough room in this browser's storage to do that. Your answers are as they were. Save a backup file, then try again.".into()
            }
            LockError::Store(error) => format!("{} Your answers are as they were.", error.explain()),
            LockError::Changed => {
                "The lock was changed in another tab or window. Nothing was lost. Please try again.".into()
            }
            LockError::DidNotReadBack => {
                "The browser did not save a locked copy correctly, so nothing was changed. Your answers are as they were.".into()
            }
        }
    }
}

impl From<CryptoError> for LockError {
    fn from(error: CryptoError) -> Self {
        match error {
            CryptoError::Unsupported => LockError::Unsupported,
            CryptoError::DoesNotOpen => LockError::WrongPassphrase,
        }
    }
}

impl From<StoreError> for LockError {
    fn from(error: StoreError) -> Self {
        LockError::Store(error)
    }
}

/// Whether two lock records are the same lock (the same salt and check value; the idle time
/// may differ).
pub fn same_lock(a: &LockRecord, b: &LockRecord) -> bool {
    a.salt == b.salt && a.check == b.check
}

/// The lock record of a curriculum, if the lock is on.
pub fn record(store: &LocalStore, curriculum: &str) -> Option<LockRecord> {
    let raw = store.get(&lock_key(curriculum)).ok().flatten()?;
    LockRecord::parse(&raw)
}

/// Whether a lock record is stored at all (even one this version cannot read).
pub fn is_on(store: &LocalStore, curriculum: &str) -> bool {
    store.get(&lock_key(curriculum)).ok().flatten().is_some()
}

/// Hears how a round of writing sealed values went.
pub type Report = Rc<dyn Fn(Result<(), StoreError>)>;

/// An open lock: the keys, the vault of unlocked values, and the storage it seals them into.
pub struct Session {
    /// The unlocked values; the app's store while the lock is on.
    pub vault: Rc<Vault>,
    keys: Keys,
    physical: Rc<LocalStore>,
    curriculum: String,
    record: RefCell<LockRecord>,
    /// Sealed record names by logical key.
    names: RefCell<BTreeMap<String, String>>,
    writing: Cell<bool>,
    /// Keys taken for writing and not written yet.
    in_flight: RefCell<Vec<String>>,
    /// Set once this session's lock record is known to be the stored one; from then on,
    /// nothing is sealed unless it still is (another tab may have turned the lock off, or
    /// changed the passphrase, and a record sealed with this key would be lost).
    established: Cell<bool>,
    on_outcome: RefCell<Option<Report>>,
    /// Sealed records that did not open; left in storage untouched.
    pub unopened: usize,
}

impl Session {
    fn new(
        keys: Keys,
        physical: Rc<LocalStore>,
        curriculum: &str,
        record: LockRecord,
        values: BTreeMap<String, String>,
        names: BTreeMap<String, String>,
        unopened: usize,
    ) -> Rc<Session> {
        let session = Rc::new(Session {
            vault: Rc::new(Vault::new(values)),
            keys,
            physical,
            curriculum: curriculum.to_string(),
            record: RefCell::new(record),
            names: RefCell::new(names),
            writing: Cell::new(false),
            in_flight: RefCell::new(Vec::new()),
            established: Cell::new(false),
            on_outcome: RefCell::new(None),
            unopened,
        });
        let weak: Weak<Session> = Rc::downgrade(&session);
        session.vault.on_change(Rc::new(move || {
            if let Some(session) = weak.upgrade() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = session.write_pending().await;
                });
            }
        }));
        session
    }

    /// The lock record as it is now.
    pub fn record(&self) -> LockRecord {
        self.record.borrow().clone()
    }

    /// Whether sealing with this session's key still makes sense: before its lock record is
    /// stored (while the lock is being set up), or while the stored record is this one.
    fn is_current(&self) -> bool {
        !self.established.get()
            || record(&self.physical, &self.curriculum)
                .is_some_and(|stored| same_lock(&stored, &self.record()))
    }

    /// Called after each round of writing sealed values, with how it went.
    pub fn on_outcome(&self, report: Report) {
        *self.on_outcome.borrow_mut() = Some(report);
    }

    async fn name_of(&self, key: &str) -> Result<String, LockError> {
        if let Some(name) = self.names.borrow().get(key) {
            return Ok(name.clone());
        }
        let name = format!(
            "{}{}",
            sealed_prefix(&self.curriculum),
            crypto::name(&self.keys, key).await?
        );
        self.names
            .borrow_mut()
            .insert(key.to_string(), name.clone());
        Ok(name)
    }

    async fn sealed(&self, key: &str, value: &str) -> Result<String, LockError> {
        let plaintext = vault::record_plaintext(key, value);
        let sealed = crypto::seal(&self.keys, plaintext.as_bytes()).await?;
        Ok(crypto::to_base64(&sealed))
    }

    async fn write_one(&self, key: &str, value: Option<&str>) -> Result<(), LockError> {
        let name = self.name_of(key).await?;
        match value {
            Some(value) => {
                let sealed = self.sealed(key, value).await?;
                self.physical.set(&name, &sealed)?;
            }
            None => self.physical.remove(&name)?,
        }
        Ok(())
    }

    /// Seals and writes everything pending, until nothing is. Only one runs at a time; a call
    /// while one runs returns at once (the running one picks up the new changes).
    pub async fn write_pending(self: &Rc<Self>) -> Result<(), StoreError> {
        if self.writing.replace(true) {
            return Ok(());
        }
        let mut wrote = false;
        let outcome = loop {
            let batch = self.vault.take_pending();
            wrote |= !batch.is_empty();
            if batch.is_empty() {
                self.vault.write_succeeded();
                break Ok(());
            }
            if !self.is_current() {
                let keys = batch.into_iter().map(|(key, _)| key);
                let error = StoreError::Other(LockError::Changed.explain());
                self.vault.write_failed(keys, error.clone());
                break Err(error);
            }
            *self.in_flight.borrow_mut() = batch.iter().map(|(key, _)| key.clone()).collect();
            let mut failed = None;
            let mut unwritten = Vec::new();
            for (key, value) in batch {
                if failed.is_some() {
                    unwritten.push(key);
                    continue;
                }
                if let Err(error) = self.write_one(&key, value.as_deref()).await {
                    failed = Some(match error {
                        LockError::Store(error) => error,
                        other => StoreError::Other(other.explain()),
                    });
                    unwritten.push(key);
                }
            }
            self.in_flight.borrow_mut().clear();
            if let Some(error) = failed {
                self.vault.write_failed(unwritten, error.clone());
                break Err(error);
            }
        };
        self.in_flight.borrow_mut().clear();
        self.writing.set(false);
        if wrote {
            let report = self.on_outcome.borrow().clone();
            if let Some(report) = report {
                report(outcome.clone());
            }
        }
        if outcome.is_err() {
            // Try again in a while; the words wait in the vault meanwhile.
            let weak = Rc::downgrade(self);
            wasm_bindgen_futures::spawn_local(async move {
                super::sleep(RETRY_MS).await;
                if let Some(session) = weak.upgrade()
                    && session.vault.has_pending()
                {
                    let _ = session.write_pending().await;
                }
            });
        }
        outcome
    }

    /// Writes what is pending in the readable format, after another tab turned the lock off
    /// (its sealed records are gone, and a sealed write now would be lost).
    pub fn write_pending_readable(&self) {
        let in_flight: Vec<String> = self.in_flight.borrow().clone();
        let values = self.vault.snapshot();
        let mut pending = self.vault.take_pending();
        pending.extend(in_flight.into_iter().map(|key| {
            let value = values.get(&key).cloned();
            (key, value)
        }));
        for (key, value) in pending {
            let _ = match value {
                Some(value) => self.physical.set(&key, &value),
                None => self.physical.remove(&key),
            };
        }
    }

    /// Waits until everything pending is sealed and written (or writing fails).
    pub async fn settle(self: &Rc<Self>) -> Result<(), StoreError> {
        loop {
            if self.writing.get() {
                super::sleep(10).await;
                continue;
            }
            if !self.vault.has_pending() {
                return match self.vault.failure() {
                    Some(error) => Err(error),
                    None => Ok(()),
                };
            }
            self.write_pending().await?;
        }
    }

    /// Another tab changed a sealed record: opens it and takes its value into the vault.
    /// Returns the logical key and its new value.
    pub async fn external(
        &self,
        name: &str,
        sealed: Option<String>,
    ) -> Option<(String, Option<String>)> {
        match sealed {
            Some(sealed) => {
                let (key, value) = self.open_record(&sealed).await?;
                self.names
                    .borrow_mut()
                    .insert(key.clone(), name.to_string());
                let ours_waiting =
                    self.vault.is_pending(&key) || self.in_flight.borrow().contains(&key);
                let answers = crate::state::store::answer_prefix(&self.curriculum);
                match key.strip_prefix(&answers) {
                    // This tab's own words for the same answer are on their way: theirs are
                    // kept aside (and sealed), and ours are written over the record.
                    Some(exercise) if ours_waiting => {
                        let vault: &Vault = &self.vault;
                        let _ = crate::state::store::keep_aside(
                            vault,
                            &self.curriculum,
                            exercise,
                            &value,
                        );
                        None
                    }
                    _ => {
                        self.vault.apply_external(&key, Some(value.clone()));
                        Some((key, Some(value)))
                    }
                }
            }
            None => {
                let key = self
                    .names
                    .borrow()
                    .iter()
                    .find(|(_, n)| n.as_str() == name)
                    .map(|(k, _)| k.clone())?;
                self.vault.apply_external(&key, None);
                Some((key, None))
            }
        }
    }

    async fn open_record(&self, sealed: &str) -> Option<(String, String)> {
        open_record(&self.keys, sealed).await
    }

    /// Changes how long the workbook waits before locking itself.
    pub fn set_idle_minutes(&self, minutes: u32) -> Result<(), StoreError> {
        let mut record = self.record();
        record.idle_minutes = minutes;
        self.physical
            .set(&lock_key(&self.curriculum), &record.to_json())?;
        *self.record.borrow_mut() = record;
        Ok(())
    }

    /// Seals a backup file's text with this lock's passphrase (same salt, same key).
    pub async fn seal_backup(&self, text: &str) -> Result<String, LockError> {
        let record = self.record();
        let sealed = crypto::seal(&self.keys, text.as_bytes()).await?;
        let file = LockedBackup {
            format: LOCKED_BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            kdf: KDF.into(),
            iterations: record.iterations,
            salt: record.salt,
            data: crypto::to_base64(&sealed),
        };
        crate::state::json::to_string_pretty(&file)
            .map_err(|e| LockError::Store(StoreError::Other(e.to_string())))
    }
}

/// Opens a locked backup file with a passphrase, giving the plain backup's text.
pub async fn open_backup(file: &LockedBackup, passphrase: &str) -> Result<String, LockError> {
    let salt = crypto::from_base64(&file.salt).ok_or(LockError::WrongPassphrase)?;
    let data = crypto::from_base64(&file.data).ok_or(LockError::WrongPassphrase)?;
    let keys = crypto::derive(passphrase, &salt, file.iterations).await?;
    let text = crypto::open(&keys, &data).await?;
    String::from_utf8(text).map_err(|_| LockError::WrongPassphrase)
}

fn read_back(store: &LocalStore, key: &str, expected: &str) -> Result<(), LockError> {
    if store.get(key)?.as_deref() == Some(expected) {
        Ok(())
    } else {
        Err(LockError::DidNotReadBack)
    }
}

/// Removes sealed records left without a lock record: from a set-up cut short before its lock
/// record was written, or a turning-off cut short after the readable copies were written back.
/// Either way their key is gone (its salt was only in the lock record) and nothing is lost.
pub fn discard_orphans(store: &LocalStore, curriculum: &str) {
    if is_on(store, curriculum) {
        return;
    }
    // Another tab may be setting a lock up right now: its records are not orphans yet.
    let marker = vault::setting_up_key(curriculum);
    let started = store
        .get(&marker)
        .ok()
        .flatten()
        .and_then(|at| at.parse::<u64>().ok());
    if started.is_some_and(|at| super::now().saturating_sub(at) < vault::SETTING_UP_MS) {
        return;
    }
    let _ = store.remove(&marker);
    remove_sealed(store, curriculum);
}

/// Removes every sealed record of a curriculum (to undo a set-up that failed half way).
fn remove_sealed(store: &LocalStore, curriculum: &str) {
    let prefix = sealed_prefix(curriculum);
    for key in store.keys().unwrap_or_default() {
        if key.starts_with(&prefix) {
            let _ = store.remove(&key);
        }
    }
}

/// Turns the lock on. Every readable value is sealed and written beside the old format; the
/// sealed copies are read back and opened; then the lock record is written and read back; and
/// only then are the readable copies removed. Until that point nothing old is touched, so a
/// failure (storage full, a tab closed half way) leaves the workbook as it was.
pub async fn enable(
    physical: Rc<LocalStore>,
    curriculum: &str,
    passphrase: &str,
    idle_minutes: u32,
) -> Result<Rc<Session>, LockError> {
    let plain = vault::plain_values(&*physical, curriculum)?;
    let marker = vault::setting_up_key(curriculum);
    physical.set(&marker, &super::now().to_string())?;
    let outcome =
        seal_under_new_lock(&physical, curriculum, passphrase, idle_minutes, &plain).await;
    let _ = physical.remove(&marker);
    let (session, sealed) = outcome?;
    if let Err(error) = sealed {
        remove_sealed(&physical, curriculum);
        let _ = physical.remove(&lock_key(curriculum));
        return Err(error);
    }
    session.established.set(true);
    let sealed: Vec<(String, String)> = plain.into_iter().collect();
    remove_if_unchanged(&physical, &sealed);
    // Anything written readable while the lock was being set up (where the participant is,
    // saved as they move around) is sealed too.
    absorb_leftovers(&session, curriculum).await?;
    Ok(session)
}

/// Seals `values` under a new passphrase (a fresh salt), beside whatever is stored, reads
/// every sealed record back, and then writes the new lock record and reads it back. The second
/// result says whether all of that worked; the caller undoes what it must when it did not.
async fn seal_under_new_lock(
    physical: &Rc<LocalStore>,
    curriculum: &str,
    passphrase: &str,
    idle_minutes: u32,
    values: &BTreeMap<String, String>,
) -> Result<(Rc<Session>, Result<(), LockError>), LockError> {
    // Nothing is being opened here, so a failure is the browser's, never a wrong passphrase.
    let unsupported = |_| LockError::Unsupported;
    let salt = crypto::random_bytes(16).map_err(unsupported)?;
    let keys = crypto::derive(passphrase, &salt, ITERATIONS)
        .await
        .map_err(unsupported)?;
    let check = crypto::seal(&keys, CHECK_TEXT.as_bytes())
        .await
        .map_err(unsupported)?;
    let check = crypto::to_base64(&check);
    let record = LockRecord {
        format: LOCK_FORMAT,
        kdf: KDF.into(),
        iterations: ITERATIONS,
        salt: crypto::to_base64(&salt),
        check,
        idle_minutes,
    };
    let session = Session::new(
        keys,
        physical.clone(),
        curriculum,
        record.clone(),
        values.clone(),
        BTreeMap::new(),
        0,
    );
    session.vault.mark_all_pending();
    let sealed = async {
        session.settle().await?;
        for (key, value) in values {
            let name = session.name_of(key).await?;
            let stored = physical.get(&name)?.ok_or(LockError::DidNotReadBack)?;
            match session.open_record(&stored).await {
                Some((k, v)) if k == *key && v == *value => {}
                _ => return Err(LockError::DidNotReadBack),
            }
        }
        let json = record.to_json();
        physical.set(&lock_key(curriculum), &json)?;
        read_back(physical, &lock_key(curriculum), &json)
    }
    .await;
    Ok((session, sealed))
}

/// Changes the passphrase: every value is sealed again under the new one, beside the old
/// records; once they all read back and the new lock record is written, the old records are
/// removed. If anything fails, the new records are removed and the old lock stays as it was.
pub async fn change_passphrase(
    session: &Rc<Session>,
    passphrase: &str,
) -> Result<Rc<Session>, LockError> {
    session.settle().await?;
    let physical = session.physical.clone();
    let curriculum = session.curriculum.clone();
    let prefix = sealed_prefix(&curriculum);
    let old_names: Vec<String> = physical
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .collect();
    let old_record = session.record();
    let values = session.vault.snapshot();
    let (changed, sealed) = seal_under_new_lock(
        &physical,
        &curriculum,
        passphrase,
        old_record.idle_minutes,
        &values,
    )
    .await?;
    if sealed.is_ok() {
        // Words saved while the new records were being written (in this tab, or taken in from
        // another) went into the old vault: carry them over before the old records go.
        let now = session.vault.snapshot();
        for (key, value) in &now {
            if values.get(key) != Some(value) {
                let _ = changed.vault.set(key, value);
            }
        }
        for key in values.keys().filter(|key| !now.contains_key(*key)) {
            let _ = changed.vault.remove(key);
        }
    }
    let sealed = match sealed {
        Ok(()) => changed.settle().await.map_err(LockError::Store),
        Err(error) => Err(error),
    };
    let new_names: Vec<String> = changed.names.borrow().values().cloned().collect();
    if let Err(error) = sealed {
        for name in &new_names {
            if !old_names.contains(name) {
                let _ = physical.remove(name);
            }
        }
        let _ = physical.set(&lock_key(&curriculum), &old_record.to_json());
        return Err(error);
    }
    // Only records the old key opened: one it could not open is left as it was.
    let opened: Vec<String> = session.names.borrow().values().cloned().collect();
    for name in old_names {
        if !new_names.contains(&name) && opened.contains(&name) {
            let _ = physical.remove(&name);
        }
    }
    changed.established.set(true);
    Ok(changed)
}

/// Opens the lock with a passphrase: every sealed record is opened into the vault. Readable
/// values left beside them (a set-up cut short, or a tab that saved in the old format) join
/// the vault and are removed once sealed.
pub async fn unlock(
    physical: Rc<LocalStore>,
    curriculum: &str,
    record: LockRecord,
    passphrase: &str,
) -> Result<Rc<Session>, LockError> {
    if self::record(&physical, curriculum).as_ref() != Some(&record) {
        return Err(LockError::Changed);
    }
    let salt = crypto::from_base64(&record.salt).ok_or(LockError::WrongPassphrase)?;
    let check = crypto::from_base64(&record.check).ok_or(LockError::WrongPassphrase)?;
    let keys = crypto::derive(passphrase, &salt, record.iterations).await?;
    match crypto::open(&keys, &check).await {
        Ok(text) if text == CHECK_TEXT.as_bytes() => {}
        Ok(_) | Err(CryptoError::DoesNotOpen) => return Err(LockError::WrongPassphrase),
        Err(CryptoError::Unsupported) => return Err(LockError::Unsupported),
    }
    // Deriving the key takes a while: another tab may have turned the lock off or changed it.
    if self::record(&physical, curriculum).as_ref() != Some(&record) {
        return Err(LockError::Changed);
    }
    let prefix = sealed_prefix(curriculum);
    let mut values = BTreeMap::new();
    let mut names = BTreeMap::new();
    let mut unopened = 0;
    for name in physical.keys()? {
        if !name.starts_with(&prefix) {
            continue;
        }
        let Some(sealed) = physical.get(&name)? else {
            continue;
        };
        match open_record(&keys, &sealed).await {
            Some((key, value)) => {
                names.insert(key.clone(), name);
                values.insert(key, value);
            }
            None => unopened += 1,
        }
    }
    let session = Session::new(
        keys,
        physical.clone(),
        curriculum,
        record,
        values,
        names,
        unopened,
    );
    session.established.set(true);
    absorb_leftovers(&session, curriculum).await?;
    Ok(session)
}

/// Takes readable values found beside the sealed ones into the vault, and removes them once
/// they are sealed and written.
async fn absorb_leftovers(session: &Rc<Session>, curriculum: &str) -> Result<(), LockError> {
    let leftovers = vault::plain_values(&*session.physical, curriculum)?;
    if !leftovers.is_empty() {
        let done = vault::absorb_leftovers(&session.vault, curriculum, &leftovers)?;
        if session.settle().await.is_ok() {
            remove_if_unchanged(&session.physical, &done);
        }
    }
    Ok(())
}

/// Removes readable values that are now sealed, unless they changed meanwhile (another tab, or
/// this one, saved again while sealing was under way): those stay, to be taken in next time.
fn remove_if_unchanged(physical: &LocalStore, values: &[(String, String)]) {
    for (key, value) in values {
        if physical.get(key).ok().flatten().as_deref() == Some(value.as_str()) {
            let _ = physical.remove(key);
        }
    }
}

/// Opens one sealed record into its logical key and value.
async fn open_record(keys: &Keys, sealed: &str) -> Option<(String, String)> {
    let bytes = crypto::from_base64(sealed)?;
    let plaintext = crypto::open(keys, &bytes).await.ok()?;
    let plaintext = String::from_utf8(plaintext).ok()?;
    let (key, value) = vault::split_record(&plaintext)?;
    Some((key.to_string(), value.to_string()))
}

/// Turns the lock off: every value is written readable again and read back; then the sealed
/// records and the lock record are removed.
pub async fn disable(session: &Rc<Session>) -> Result<(), LockError> {
    // Readable values another tab wrote since this one unlocked are taken in first, so that
    // writing everything readable does not overwrite them.
    absorb_leftovers(session, &session.curriculum).await?;
    session.settle().await?;
    let physical = &session.physical;
    let values = session.vault.snapshot();
    let written = (|| {
        for (key, value) in &values {
            physical.set(key, value)?;
            read_back(physical, key, value)?;
        }
        Ok::<(), LockError>(())
    })();
    if let Err(error) = written {
        // The sealed copies are still whole; take the half-written readable ones away again.
        for key in values.keys() {
            let _ = physical.remove(key);
        }
        return Err(error);
    }
    remove_sealed(physical, &session.curriculum);
    physical.remove(&lock_key(&session.curriculum))?;
    Ok(())
}
