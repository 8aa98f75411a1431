//! [`Storage`]: where the workbook's answers are written, as the lock gate hands it to the
//! workbook.

use std::rc::Rc;

use super::SessionRef;
use crate::browser::lock::Session;
use crate::browser::storage::LocalStore;
use crate::state::store::{KeyValueStore, MemoryStore, StoreError};

/// The store, and why the browser's own could not be used (then answers live in memory only).
#[derive(Clone)]
pub struct Storage {
    /// Where answers are written: localStorage, the lock's vault, or memory.
    pub store: Rc<dyn KeyValueStore>,
    /// Set when localStorage is unavailable.
    pub problem: Option<StoreError>,
    /// The browser's localStorage, when it works.
    pub physical: Option<Rc<LocalStore>>,
    /// The open lock, when the lock is on (then `store` is its vault).
    pub session: Option<SessionRef>,
}

impl PartialEq for Storage {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store) && self.problem == other.problem
    }
}

impl Storage {
    /// The readable store: localStorage when it works, else memory (and why).
    pub fn plain(physical: Result<Rc<LocalStore>, StoreError>) -> Storage {
        match physical {
            Ok(store) => Storage {
                store: store.clone(),
                problem: None,
                physical: Some(store),
                session: None,
            },
            Err(problem) => Storage {
                store: Rc::new(MemoryStore::default()),
                problem: Some(problem),
                physical: None,
                session: None,
            },
        }
    }

    /// The store of an open lock.
    pub fn sealed(physical: Rc<LocalStore>, session: Rc<Session>) -> Storage {
        Storage {
            store: session.vault.clone(),
            problem: None,
            physical: Some(physical),
            session: Some(SessionRef(session)),
        }
    }

    /// Whether answers go to the lock's vault (and reach storage once sealed).
    pub fn is_sealed(&self) -> bool {
        self.session.is_some()
    }
}
