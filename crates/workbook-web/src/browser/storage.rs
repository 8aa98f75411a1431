//! localStorage as a [`KeyValueStore`].
//!
//! gloo-storage hands out the browser's `Storage` object; its typed `get`/`set` are not used,
//! because they would encode our JSON a second time, and its `raw()` panics where storage is
//! blocked, so availability is checked first, here.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::state::store::{KeyValueStore, StoreError};

/// The browser's localStorage, once it is known to work.
pub struct LocalStore {
    storage: web_sys::Storage,
}

/// A key that is written and removed to find out whether writing works at all.
const PROBE_KEY: &str = "workbook/probe";

impl LocalStore {
    /// Opens localStorage, or says why it cannot be used (blocked, or refusing writes).
    pub fn open() -> Result<LocalStore, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        // Accessing localStorage throws where it is blocked; only then is gloo's handle safe.
        match window.local_storage() {
            Ok(Some(_)) => {}
            _ => return Err(StoreError::Unavailable),
        }
        let store = LocalStore {
            storage: LocalStorage::raw(),
        };
        store.set(PROBE_KEY, "1")?;
        store.remove(PROBE_KEY)?;
        Ok(store)
    }

    /// How many characters are stored in all (keys and values), for the settings page.
    pub fn used(&self) -> usize {
        self.keys()
            .unwrap_or_default()
            .iter()
            .map(|key| key.len() + self.get(key).ok().flatten().map_or(0, |v| v.len()))
            .sum()
    }
}

fn error_of(value: wasm_bindgen::JsValue) -> StoreError {
    match value.dyn_into::<web_sys::DomException>() {
        Ok(exception) if exception.name() == "QuotaExceededError" || exception.code() == 22 => {
            StoreError::Full
        }
        Ok(exception) if exception.name() == "SecurityError" => StoreError::Unavailable,
        Ok(exception) => StoreError::Other(exception.message()),
        Err(other) => {
            StoreError::Other(other.as_string().unwrap_or_else(|| "unknown error".into()))
        }
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(error_of)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(error_of)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(error_of)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.storage.length().map_err(error_of)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(error_of)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
