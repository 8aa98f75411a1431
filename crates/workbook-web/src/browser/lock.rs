//! The passphrase lock in the browser: the lock's rules ([`crate::state::lock`]) worked with
//! the browser's Web Crypto ([`super::crypto::WebCrypto`]), its timers and tasks
//! ([`Browser`]), over localStorage.

use std::future::Future;
use std::rc::Rc;

use super::crypto::WebCrypto;
use super::storage::LocalStore;
use crate::state::backup::LockedBackup;
use crate::state::lock::{self, Runtime};

pub use crate::state::lock::LockError;

/// The lock of one curriculum in localStorage.
pub type Lock = lock::Lock<WebCrypto, Browser, LocalStore>;

/// An open lock in this page.
pub type Session = lock::Session<WebCrypto, Browser, LocalStore>;

/// The browser's clock, timers and tasks.
pub struct Browser;

impl Runtime for Browser {
    fn now(&self) -> u64 {
        super::now()
    }

    fn sleep(&self, ms: u32) -> impl Future<Output = ()> {
        super::sleep(ms)
    }

    fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        wasm_bindgen_futures::spawn_local(task);
    }
}

/// The lock of `curriculum` in localStorage.
pub fn of(store: Rc<LocalStore>, curriculum: &str) -> Rc<Lock> {
    Lock::new(WebCrypto, Browser, store, curriculum)
}

/// Opens a locked backup file with a passphrase, giving the plain backup's text.
pub async fn open_backup(file: &LockedBackup, passphrase: &str) -> Result<String, LockError> {
    lock::open_backup(&WebCrypto, file, passphrase).await
}
