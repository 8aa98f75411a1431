//! An open lock: its keys, the [`Vault`] the app writes to while the lock is on, and the
//! queue that seals what changes there and writes it to storage.
//!
//! How a keystroke reaches storage while the lock is on: the reducer's save writes the answer
//! to the vault (at once, in memory) and marks it pending; the vault tells the session, which
//! (in a task of its own) takes every pending value, seals it, checks the stored lock record is
//! still its own, and writes the sealed record. Only then is the outcome reported, so the save
//! status says "Saved" once the sealed record is in storage. A failed write keeps the value
//! pending, is reported, and is tried again after [`RETRY_MS`].

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

use super::{Cipher, Lock, LockError, Runtime, same_lock};
use crate::state::backup::{BACKUP_VERSION, LOCKED_BACKUP_FORMAT, LockedBackup};
use crate::state::store::{self, KeyValueStore, StoreError};
use crate::state::vault::{self, KDF, LockRecord, Vault, lock_key};

/// How long to wait before writing again after a failed write.
pub const RETRY_MS: u32 = 5_000;

/// How often `settle` looks again while a round of writing is under way.
const SETTLE_POLL_MS: u32 = 10;

/// Hears how a round of writing sealed values went.
pub type Report = Rc<dyn Fn(Result<(), StoreError>)>;

/// An open lock: the keys, the vault of unlocked values, and the queue that seals them into
/// storage.
pub struct Session<C: Cipher, R: Runtime, S: KeyValueStore + 'static> {
    /// The unlocked values; the app's store while the lock is on.
    pub vault: Rc<Vault>,
    lock: Rc<Lock<C, R, S>>,
    keys: C::Keys,
    record: RefCell<LockRecord>,
    /// Sealed record names by logical key.
    names: RefCell<BTreeMap<String, String>>,
    writing: Cell<bool>,
    retry_waiting: Cell<bool>,
    /// Keys taken for writing and not written yet.
    in_flight: RefCell<Vec<String>>,
    /// Set once this session's lock record is known to be the stored one; from then on,
    /// nothing is sealed unless it still is (another tab may have turned the lock off, or
    /// changed the passphrase, and a record sealed with this key would be lost).
    established: Cell<bool>,
    /// Set when a set-up or a change of passphrase failed: the session writes nothing more.
    closed: Cell<bool>,
    on_outcome: RefCell<Option<Report>>,
    /// Sealed records that did not open; left in storage untouched.
    pub unopened: usize,
}

impl<C: Cipher, R: Runtime, S: KeyValueStore + 'static> Session<C, R, S> {
    pub(super) fn new(
        lock: Rc<Lock<C, R, S>>,
        keys: C::Keys,
        record: LockRecord,
        values: BTreeMap<String, String>,
        names: BTreeMap<String, String>,
        unopened: usize,
    ) -> Rc<Self> {
        let session = Rc::new(Session {
            vault: Rc::new(Vault::new(values)),
            lock,
            keys,
            record: RefCell::new(record),
            names: RefCell::new(names),
            writing: Cell::new(false),
            retry_waiting: Cell::new(false),
            in_flight: RefCell::new(Vec::new()),
            established: Cell::new(false),
            closed: Cell::new(false),
            on_outcome: RefCell::new(None),
            unopened,
        });
        let weak: Weak<Self> = Rc::downgrade(&session);
        session.vault.on_change(Rc::new(move || {
            if let Some(session) = weak.upgrade() {
                let lock = session.lock.clone();
                lock.runtime.spawn(async move {
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

    /// Marks this session's lock record as the stored one.
    pub(super) fn establish(&self) {
        self.established.set(true);
    }

    /// Stops this session writing anything more (its set-up failed, and what it wrote is
    /// being removed).
    pub(super) fn close(&self) {
        self.closed.set(true);
    }

    /// Whether sealing with this session's key still makes sense: before its lock record is
    /// stored (while the lock is being set up), or while the stored record is this one.
    fn is_current(&self) -> bool {
        if self.closed.get() {
            return false;
        }
        !self.established.get()
            || self
                .lock
                .record()
                .is_some_and(|stored| same_lock(&stored, &self.record()))
    }

    /// Called after each round of writing sealed values, with how it went.
    pub fn on_outcome(&self, report: Report) {
        *self.on_outcome.borrow_mut() = Some(report);
    }

    pub(super) async fn name_of(&self, key: &str) -> Result<String, LockError> {
        if let Some(name) = self.names.borrow().get(key) {
            return Ok(name.clone());
        }
        let name = format!(
            "{}{}",
            vault::sealed_prefix(&self.lock.curriculum),
            self.lock.cipher.name(&self.keys, key).await?
        );
        self.names
            .borrow_mut()
            .insert(key.to_string(), name.clone());
        Ok(name)
    }

    async fn write_one(&self, key: &str, value: Option<&str>) -> Result<(), LockError> {
        let name = self.name_of(key).await?;
        let sealed = match value {
            Some(value) => {
                let plaintext = vault::record_plaintext(key, value);
                let sealed = self
                    .lock
                    .cipher
                    .seal(&self.keys, plaintext.as_bytes())
                    .await?;
                Some(self.lock.cipher.encode(&sealed))
            }
            None => None,
        };
        // Sealing takes a moment, and another tab may have turned the lock off or changed it
        // meanwhile: a record sealed with this key would then never open again.
        if !self.is_current() {
            return Err(LockError::Changed);
        }
        match sealed {
            Some(sealed) => self.lock.store.set(&name, &sealed)?,
            None => self.lock.store.remove(&name)?,
        }
        Ok(())
    }

    /// Seals and writes everything pending, until nothing is. Only one runs at a time; a call
    /// while one runs returns at once (the running one picks up the new changes).
    pub async fn write_pending(self: &Rc<Self>) -> Result<(), StoreError> {
        if self.closed.get() {
            return Err(LockError::Changed.into_store_error());
        }
        if self.writing.replace(true) {
            return Ok(());
        }
        let mut wrote = false;
        let outcome = loop {
            let batch = self.vault.take_pending();
            if batch.is_empty() {
                self.vault.write_succeeded();
                break Ok(());
            }
            wrote = true;
            *self.in_flight.borrow_mut() = batch.iter().map(|(key, _)| key.clone()).collect();
            let mut failed = None;
            let mut unwritten = Vec::new();
            for (key, value) in batch {
                if failed.is_some() {
                    unwritten.push(key);
                    continue;
                }
                if let Err(error) = self.write_one(&key, value.as_deref()).await {
                    failed = Some(error.into_store_error());
                    unwritten.push(key);
                }
            }
            self.in_flight.borrow_mut().clear();
            if let Some(error) = failed {
                self.vault.write_failed(unwritten, error.clone());
                break Err(error);
            }
        };
        self.writing.set(false);
        if wrote {
            let report = self.on_outcome.borrow().clone();
            if let Some(report) = report {
                report(outcome.clone());
            }
        }
        if outcome.is_err() && !self.retry_waiting.replace(true) {
            // Try again in a while; the words wait in the vault meanwhile.
            let weak = Rc::downgrade(self);
            let lock = self.lock.clone();
            self.lock.runtime.spawn(async move {
                lock.runtime.sleep(RETRY_MS).await;
                if let Some(session) = weak.upgrade() {
                    session.retry_waiting.set(false);
                    if session.vault.has_pending() {
                        let _ = session.write_pending().await;
                    }
                }
            });
        }
        outcome
    }

    /// Writes what is pending in the readable format, after another tab turned the lock off
    /// or changed its passphrase (a record sealed with this key would never open again). After
    /// a new passphrase, the next unlock seals them again and removes them.
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
                Some(value) => self.lock.store.set(&key, &value),
                None => self.lock.store.remove(&key),
            };
        }
    }

    /// Waits until everything pending is sealed and written (or writing fails).
    pub async fn settle(self: &Rc<Self>) -> Result<(), StoreError> {
        loop {
            if self.writing.get() {
                self.lock.runtime.sleep(SETTLE_POLL_MS).await;
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
                let curriculum = &self.lock.curriculum;
                match key.strip_prefix(&store::answer_prefix(curriculum)) {
                    // This tab's own words for the same answer are on their way: theirs are
                    // kept aside (and sealed), and ours are written over the record.
                    Some(exercise) if ours_waiting => {
                        let vault: &Vault = &self.vault;
                        let _ = store::keep_aside(vault, curriculum, exercise, &value);
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

    pub(super) async fn open_record(&self, sealed: &str) -> Option<(String, String)> {
        self.lock.open_record(&self.keys, sealed).await
    }

    /// Changes how long the workbook waits before locking itself.
    pub fn set_idle_minutes(&self, minutes: u32) -> Result<(), StoreError> {
        if !self.is_current() {
            return Err(LockError::Changed.into_store_error());
        }
        let mut record = self.record();
        record.idle_minutes = minutes;
        self.lock
            .store
            .set(&lock_key(&self.lock.curriculum), &record.to_json())?;
        *self.record.borrow_mut() = record;
        Ok(())
    }

    /// Seals a backup file's text with this lock's passphrase (same salt, same key).
    pub async fn seal_backup(&self, text: &str) -> Result<String, LockError> {
        let record = self.record();
        let sealed = self.lock.cipher.seal(&self.keys, text.as_bytes()).await?;
        let file = LockedBackup {
            format: LOCKED_BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            kdf: KDF.into(),
            iterations: record.iterations,
            salt: record.salt,
            data: self.lock.cipher.encode(&sealed),
        };
        crate::state::json::to_string_pretty(&file)
            .map_err(|e| LockError::Store(StoreError::Other(e.to_string())))
    }

    /// Takes readable values found beside the sealed ones into the vault, and removes them
    /// once they are sealed and written (if they still hold what was taken).
    pub(super) async fn absorb_leftovers(self: &Rc<Self>) -> Result<(), LockError> {
        let curriculum = &self.lock.curriculum;
        let leftovers = vault::plain_values(&*self.lock.store, curriculum)?;
        if !leftovers.is_empty() {
            let done = vault::absorb_leftovers(&self.vault, curriculum, &leftovers)?;
            if self.settle().await.is_ok() {
                self.lock.remove_if_unchanged(&done);
            }
        }
        Ok(())
    }

    /// Removes the sealed records this session wrote, except those named in `keep` (to undo a
    /// set-up or a change of passphrase that failed half way).
    pub(super) fn remove_own_records(&self, keep: &[String]) {
        for name in self.names.borrow().values() {
            if !keep.contains(name) {
                let _ = self.lock.store.remove(name);
            }
        }
    }

    /// Changes the passphrase: every value is sealed again under the new one, beside the old
    /// records; once they all read back and the new lock record is written (if the stored one
    /// is still this session's), the old records are removed. If anything fails, the new
    /// records are removed and the old lock stays as it was.
    pub async fn change_passphrase(
        self: &Rc<Self>,
        passphrase: &str,
    ) -> Result<Rc<Self>, LockError> {
        self.settle().await?;
        let lock = self.lock.clone();
        let old_names = lock.sealed_names()?;
        let old_record = self.record();
        let values = self.vault.snapshot();
        let (changed, sealed) = lock
            .seal_under_new_lock(
                passphrase,
                old_record.idle_minutes,
                &values,
                Some(&old_record),
            )
            .await?;
        let sealed = match sealed {
            Ok(()) => {
                // Words saved while the new records were being written (in this tab, or taken
                // in from another) went into the old vault: carry them over before the old
                // records go.
                let now = self.vault.snapshot();
                for (key, value) in &now {
                    if values.get(key) != Some(value) {
                        let _ = changed.vault.set(key, value);
                    }
                }
                for key in values.keys().filter(|key| !now.contains_key(*key)) {
                    let _ = changed.vault.remove(key);
                }
                changed.settle().await.map_err(LockError::Store)
            }
            Err(error) => Err(error),
        };
        if let Err(error) = sealed {
            changed.close();
            changed.remove_own_records(&old_names);
            // If the new lock record was written, the old one goes back.
            if lock
                .record()
                .is_some_and(|stored| same_lock(&stored, &changed.record()))
            {
                let _ = lock
                    .store
                    .set(&lock_key(&lock.curriculum), &old_record.to_json());
            }
            return Err(error);
        }
        // Only records the old key opened: one it could not open is left as it was.
        let new_names: Vec<String> = changed.names.borrow().values().cloned().collect();
        let opened: Vec<String> = self.names.borrow().values().cloned().collect();
        for name in old_names {
            if !new_names.contains(&name) && opened.contains(&name) {
                let _ = lock.store.remove(&name);
            }
        }
        Ok(changed)
    }

    /// Turns the lock off: every value is written readable again and read back; then the
    /// sealed records and the lock record are removed. If the stored lock is no longer this
    /// session's (another tab changed it), nothing is done.
    pub async fn disable(self: &Rc<Self>) -> Result<(), LockError> {
        // Readable values another tab wrote since this one unlocked are taken in first, so
        // that writing everything readable does not overwrite them.
        self.absorb_leftovers().await?;
        self.settle().await?;
        if !self.is_current() {
            return Err(LockError::Changed);
        }
        let lock = &self.lock;
        let values: Vec<(String, String)> = self.vault.snapshot().into_iter().collect();
        let written = (|| {
            for (key, value) in &values {
                lock.store.set(key, value)?;
                lock.read_back(key, value)?;
            }
            Ok::<(), LockError>(())
        })();
        if let Err(error) = written {
            // The sealed copies are still whole; take the readable ones written away again.
            lock.remove_if_unchanged(&values);
            return Err(error);
        }
        for name in lock.sealed_names().unwrap_or_default() {
            let _ = lock.store.remove(&name);
        }
        lock.store.remove(&lock_key(&lock.curriculum))?;
        Ok(())
    }
}
