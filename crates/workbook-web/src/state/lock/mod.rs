//! The passphrase lock's rules, as plain Rust: turning it on, opening it, changing the
//! passphrase, turning it off, taking in readable leftovers, removing orphans, and locked backup
//! files. [`Session`] (in `session.rs`) is an open lock and its write queue.
//!
//! Everything here is generic over a [`Cipher`] (the browser's Web Crypto in the app, a fake in
//! the host tests) and a [`Runtime`] (timers and tasks), and works on any [`KeyValueStore`], so
//! each rule is tested on the host in milliseconds, with a store that fails on purpose and two
//! "tabs" interleaved over one store (`tests.rs`). The storage layout and the [`Vault`] are in
//! [`super::vault`].
//!
//! The rules every protocol keeps:
//! - **Nothing old is touched until its replacement reads back.** New records are written
//!   beside the old ones, read back and opened; only then is the lock record written (and read
//!   back), and only then are the old records removed. A failure before that removes what this
//!   step wrote, and nothing else.
//! - **A step that changes the lock record first checks it is still the one it started from**
//!   (another tab may have turned the lock on, off, or changed it meanwhile), and gives up with
//!   [`LockError::Changed`] if not.
//! - **A session never writes a sealed record once the stored lock record is no longer its
//!   own** (checked just before every write), since no key but the stored one will ever open it.
//! - **Readable copies are removed only if they still hold what was sealed.**

mod session;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;

pub use session::{Report, Session};

use workbook_core::interface::{Arg, Msg};

use super::backup::LockedBackup;
use super::store::{KeyValueStore, StoreError};
use super::texts::{t, tf};
use super::vault::{self, CHECK_TEXT, ITERATIONS, KDF, LOCK_FORMAT, LockRecord, lock_key};

/// Why a crypto step failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The browser has no Web Crypto (an old browser, or a page not served over https).
    Unsupported,
    /// Sealed data did not open: the wrong passphrase, or damaged data.
    DoesNotOpen,
}

/// The cryptography the lock needs (the browser's Web Crypto in the app: PBKDF2-SHA256,
/// AES-256-GCM and HMAC-SHA256; see `SECURITY.md`). Every step but the random bytes and the
/// text encoding is asynchronous, as Web Crypto is.
pub trait Cipher: 'static {
    /// The keys derived from a passphrase.
    type Keys: 'static;
    /// `n` bytes from a cryptographic random source.
    fn random_bytes(&self, n: usize) -> Result<Vec<u8>, CryptoError>;
    /// Derives the keys for a passphrase and salt.
    fn derive(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> impl Future<Output = Result<Self::Keys, CryptoError>>;
    /// Seals `plaintext` (with a fresh nonce every time).
    fn seal(
        &self,
        keys: &Self::Keys,
        plaintext: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CryptoError>>;
    /// Opens what `seal` made with the same keys; fails on other keys or changed data.
    fn open(
        &self,
        keys: &Self::Keys,
        sealed: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CryptoError>>;
    /// An opaque, stable name for a logical key under these keys.
    fn name(
        &self,
        keys: &Self::Keys,
        key: &str,
    ) -> impl Future<Output = Result<String, CryptoError>>;
    /// Bytes as text, for storage (base64 in the app).
    fn encode(&self, bytes: &[u8]) -> String;
    /// The bytes of such text; `None` when it is not.
    fn decode(&self, text: &str) -> Option<Vec<u8>>;
}

/// Time and tasks, as the lock needs them.
pub trait Runtime: 'static {
    /// Milliseconds since 1970.
    fn now(&self) -> u64;
    /// Waits `ms` milliseconds.
    fn sleep(&self, ms: u32) -> impl Future<Output = ()>;
    /// Runs `task` in the background.
    fn spawn(&self, task: impl Future<Output = ()> + 'static);
}

/// Why the lock could not be turned on, opened, changed or turned off. Nothing was lost in any
/// case.
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
    /// Another tab or window turned the lock off or on, or changed it, meanwhile.
    Changed,
}

impl LockError {
    /// What to tell the person.
    pub fn explain(&self) -> String {
        match self {
            LockError::WrongPassphrase => t(Msg::LockWrongPassphrase),
            LockError::Unsupported => t(Msg::LockUnsupported),
            LockError::Store(StoreError::Full) => t(Msg::LockStorageFull),
            LockError::Store(error) => tf(
                Msg::LockStoreFailed,
                &[("reason", Arg::Text(&error.explain()))],
            ),
            LockError::Changed => t(Msg::LockChanged),
            LockError::DidNotReadBack => t(Msg::LockDidNotReadBack),
        }
    }

    /// The error as the save status shows it.
    fn into_store_error(self) -> StoreError {
        match self {
            LockError::Store(error) => error,
            other => StoreError::Other(other.explain()),
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

/// The lock of one curriculum in one store (`S`: localStorage in the app), with the cipher
/// and runtime to work it.
pub struct Lock<C, R, S> {
    cipher: C,
    runtime: R,
    store: Rc<S>,
    curriculum: String,
}

impl<C: Cipher, R: Runtime, S: KeyValueStore + 'static> Lock<C, R, S> {
    /// The lock of `curriculum` in `store`.
    pub fn new(cipher: C, runtime: R, store: Rc<S>, curriculum: &str) -> Rc<Self> {
        Rc::new(Lock {
            cipher,
            runtime,
            store,
            curriculum: curriculum.to_string(),
        })
    }

    /// The stored lock record, if the lock is on and the record is one this version reads.
    pub fn record(&self) -> Option<LockRecord> {
        let raw = self.store.get(&lock_key(&self.curriculum)).ok().flatten()?;
        LockRecord::parse(&raw)
    }

    /// Whether a lock record is stored at all (even one this version cannot read).
    pub fn is_on(&self) -> bool {
        self.store
            .get(&lock_key(&self.curriculum))
            .ok()
            .flatten()
            .is_some()
    }

    /// The keys of every sealed record stored.
    fn sealed_names(&self) -> Result<Vec<String>, StoreError> {
        let prefix = vault::sealed_prefix(&self.curriculum);
        Ok(self
            .store
            .keys()?
            .into_iter()
            .filter(|key| key.starts_with(&prefix))
            .collect())
    }

    /// Removes sealed records left without a lock record: from a set-up cut short before its
    /// lock record was written, or a turning-off cut short after the readable copies were
    /// written back. Either way their key is gone (its salt was only in the lock record) and
    /// nothing is lost. Records of a set-up under way in another tab (its marker is recent)
    /// are left alone.
    pub fn discard_orphans(&self) {
        if self.is_on() {
            return;
        }
        let marker = vault::setting_up_key(&self.curriculum);
        let started = self
            .store
            .get(&marker)
            .ok()
            .flatten()
            .and_then(|at| at.parse::<u64>().ok());
        if started.is_some_and(|at| self.runtime.now().saturating_sub(at) < vault::SETTING_UP_MS) {
            return;
        }
        let _ = self.store.remove(&marker);
        for name in self.sealed_names().unwrap_or_default() {
            let _ = self.store.remove(&name);
        }
    }

    /// Turns the lock on. Every readable value is sealed and written beside the old format;
    /// the sealed copies are read back and opened; then the lock record is written (if no
    /// other tab wrote one meanwhile) and read back; and only then are the readable copies
    /// removed. Until that point nothing old is touched, so a failure (storage full, a tab
    /// closed half way) leaves the workbook as it was.
    pub async fn enable(
        self: &Rc<Self>,
        passphrase: &str,
        idle_minutes: u32,
    ) -> Result<Rc<Session<C, R, S>>, LockError> {
        let plain = vault::plain_values(&*self.store, &self.curriculum)?;
        let marker = vault::setting_up_key(&self.curriculum);
        self.store.set(&marker, &self.runtime.now().to_string())?;
        let outcome = self
            .seal_under_new_lock(passphrase, idle_minutes, &plain, None)
            .await;
        let _ = self.store.remove(&marker);
        let (session, sealed) = outcome?;
        if let Err(error) = sealed {
            session.close();
            session.remove_own_records(&[]);
            return Err(error);
        }
        let sealed: Vec<(String, String)> = plain.into_iter().collect();
        self.remove_if_unchanged(&sealed);
        // Anything written readable while the lock was being set up (where the participant
        // is, saved as they move around) is sealed too.
        session.absorb_leftovers().await?;
        Ok(session)
    }

    /// Seals `values` under a new passphrase (a fresh salt), beside whatever is stored, reads
    /// every sealed record back, and then writes the new lock record, if the stored one is
    /// still `replacing`, and reads it back. The second result says whether all of that
    /// worked; the caller undoes what it must when it did not.
    async fn seal_under_new_lock(
        self: &Rc<Self>,
        passphrase: &str,
        idle_minutes: u32,
        values: &BTreeMap<String, String>,
        replacing: Option<&LockRecord>,
    ) -> Result<(Rc<Session<C, R, S>>, Result<(), LockError>), LockError> {
        // Nothing is being opened here, so a failure is the browser's, never a wrong passphrase.
        let unsupported = |_| LockError::Unsupported;
        let cipher = &self.cipher;
        let salt = cipher.random_bytes(16).map_err(unsupported)?;
        let keys = cipher
            .derive(passphrase, &salt, ITERATIONS)
            .await
            .map_err(unsupported)?;
        let check = cipher
            .seal(&keys, CHECK_TEXT.as_bytes())
            .await
            .map_err(unsupported)?;
        let record = LockRecord {
            format: LOCK_FORMAT,
            kdf: KDF.into(),
            iterations: ITERATIONS,
            salt: cipher.encode(&salt),
            check: cipher.encode(&check),
            idle_minutes,
        };
        let session = Session::new(
            self.clone(),
            keys,
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
                let stored = self.store.get(&name)?.ok_or(LockError::DidNotReadBack)?;
                match session.open_record(&stored).await {
                    Some((k, v)) if k == *key && v == *value => {}
                    _ => return Err(LockError::DidNotReadBack),
                }
            }
            // Deriving and sealing take a while: another tab may have changed the lock.
            let key = lock_key(&self.curriculum);
            let stored = self.store.get(&key)?;
            let still = match (replacing, stored.as_deref().and_then(LockRecord::parse)) {
                (None, _) => stored.is_none(),
                (Some(old), Some(now)) => same_lock(old, &now),
                (Some(_), None) => false,
            };
            if !still {
                return Err(LockError::Changed);
            }
            let json = record.to_json();
            self.store.set(&key, &json)?;
            let read = self.read_back(&key, &json);
            match read {
                Ok(()) => session.establish(),
                Err(_) => {
                    // Put back what was there, so that the lock stays as it was.
                    let _ = match &stored {
                        Some(old) => self.store.set(&key, old),
                        None => self.store.remove(&key),
                    };
                }
            }
            read
        }
        .await;
        Ok((session, sealed))
    }

    /// Opens the lock with a passphrase: every sealed record is opened into the vault. Readable
    /// values left beside them (a set-up cut short, or a tab that saved in the old format) join
    /// the vault and are removed once sealed. Records that do not open are left as they are.
    pub async fn unlock(
        self: &Rc<Self>,
        record: LockRecord,
        passphrase: &str,
    ) -> Result<Rc<Session<C, R, S>>, LockError> {
        if self.record().as_ref() != Some(&record) {
            return Err(LockError::Changed);
        }
        let (keys, check) = derive_and_open(
            &self.cipher,
            passphrase,
            &record.salt,
            record.iterations,
            &record.check,
        )
        .await?;
        if check != CHECK_TEXT.as_bytes() {
            return Err(LockError::WrongPassphrase);
        }
        // Deriving the key takes a while: another tab may have turned the lock off or changed it.
        if self.record().as_ref() != Some(&record) {
            return Err(LockError::Changed);
        }
        let mut values = BTreeMap::new();
        let mut names = BTreeMap::new();
        let mut unopened = 0;
        for name in self.sealed_names()? {
            let Some(sealed) = self.store.get(&name)? else {
                continue;
            };
            match self.open_record(&keys, &sealed).await {
                Some((key, value)) => {
                    names.insert(key.clone(), name);
                    values.insert(key, value);
                }
                None => unopened += 1,
            }
        }
        let session = Session::new(self.clone(), keys, record, values, names, unopened);
        session.establish();
        session.absorb_leftovers().await?;
        Ok(session)
    }

    /// Opens a locked backup file with a passphrase, giving the plain backup's text.
    pub async fn open_backup(
        &self,
        file: &LockedBackup,
        passphrase: &str,
    ) -> Result<String, LockError> {
        open_backup(&self.cipher, file, passphrase).await
    }

    /// Opens one sealed record into its logical key and value.
    async fn open_record(&self, keys: &C::Keys, sealed: &str) -> Option<(String, String)> {
        let bytes = self.cipher.decode(sealed)?;
        let plaintext = self.cipher.open(keys, &bytes).await.ok()?;
        let plaintext = String::from_utf8(plaintext).ok()?;
        let (key, value) = vault::split_record(&plaintext)?;
        Some((key.to_string(), value.to_string()))
    }

    fn read_back(&self, key: &str, expected: &str) -> Result<(), LockError> {
        if self.store.get(key)?.as_deref() == Some(expected) {
            Ok(())
        } else {
            Err(LockError::DidNotReadBack)
        }
    }

    /// Removes readable values that are now sealed, unless they changed meanwhile (another tab,
    /// or this one, saved again while sealing was under way): those stay, to be taken in next
    /// time.
    fn remove_if_unchanged(&self, values: &[(String, String)]) {
        for (key, value) in values {
            if self.store.get(key).ok().flatten().as_deref() == Some(value.as_str()) {
                let _ = self.store.remove(key);
            }
        }
    }
}

/// Opens a locked backup file with a passphrase, giving the plain backup's text.
pub async fn open_backup<C: Cipher>(
    cipher: &C,
    file: &LockedBackup,
    passphrase: &str,
) -> Result<String, LockError> {
    let (_, text) =
        derive_and_open(cipher, passphrase, &file.salt, file.iterations, &file.data).await?;
    String::from_utf8(text).map_err(|_| LockError::WrongPassphrase)
}

/// Derives the keys for `passphrase` with a stored salt, and opens `sealed` with them (a lock
/// record's check value, or a locked backup's data).
async fn derive_and_open<C: Cipher>(
    cipher: &C,
    passphrase: &str,
    salt: &str,
    iterations: u32,
    sealed: &str,
) -> Result<(C::Keys, Vec<u8>), LockError> {
    let salt = cipher.decode(salt).ok_or(LockError::WrongPassphrase)?;
    let sealed = cipher.decode(sealed).ok_or(LockError::WrongPassphrase)?;
    let keys = cipher.derive(passphrase, &salt, iterations).await?;
    let opened = cipher.open(&keys, &sealed).await?;
    Ok((keys, opened))
}
