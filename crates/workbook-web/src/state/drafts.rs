//! The participant's answers as the app holds them, and every change to them, as a pure reducer
//! that plain `cargo test` checks. Writing to storage happens outside (see [`save_dirty`]); the
//! reducer only records what is waiting to be written and what the last attempt said.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use yew::Reducible;

use super::answer::Answer;
use super::store::{self, ENTRY_FORMAT, Entry, KeyValueStore, Loaded, StoreError, Unreadable};

/// Where saving stands, for the quiet status line.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing has changed since the page opened.
    Idle,
    /// Changes are waiting to be written (within a second).
    Pending,
    /// Everything is written.
    Saved,
    /// The last write failed; the words are still here, in this page.
    Failed(StoreError),
}

/// The participant's answers to one curriculum, in memory: the drafts the pages show and
/// change, and what is waiting to be saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Drafts {
    /// The curriculum's id (part of every storage key).
    pub curriculum: String,
    /// Answers by exercise id. Shared, so that a change clones pointers, not text.
    pub entries: BTreeMap<String, Rc<Entry>>,
    /// Exercises whose answer has changed since it was last written.
    pub dirty: BTreeSet<String>,
    /// The save status.
    pub status: SaveStatus,
    /// Stored values that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// Goes up with every change, so views can tell "changed" without comparing every answer.
    pub revision: u64,
    /// For each answer, the `updated` time of the stored version it was based on. A stored
    /// version with another time was written by another tab or window.
    pub base: BTreeMap<String, u64>,
    /// Answers where another tab's version and this one's differed: both are kept (the other
    /// aside), and the exercise says so.
    pub conflicts: BTreeSet<String>,
    /// Answers of an earlier version of the workbook that are kept aside, by exercise id.
    pub earlier: Vec<(String, Rc<Entry>)>,
}

/// A change to the answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The participant changed an answer.
    Edit {
        /// The exercise.
        id: String,
        /// Its kind.
        kind: &'static str,
        /// The new answer.
        answer: Answer,
        /// Now, in milliseconds since 1970.
        now: u64,
    },
    /// The participant marked an exercise done or not done.
    SetDone {
        /// The exercise.
        id: String,
        /// Its kind.
        kind: &'static str,
        /// Done or not.
        done: bool,
        /// The answer to store if there is none yet (an empty one).
        fallback: Answer,
        /// Now.
        now: u64,
    },
    /// These answers (at these `updated` times) were written.
    Saved(Written),
    /// These answers were handed to the lock's vault: no longer waiting here, but not in
    /// storage until the vault's sealed records are; `Saved` (with nothing written) then says
    /// so, and until it does the status stays "Saving…".
    Queued(Written),
    /// Another tab or window stored this answer.
    External {
        /// The exercise.
        id: String,
        /// What it stored.
        entry: Entry,
    },
    /// Writing these answers found another tab's different version, which was kept aside.
    Conflicts(Vec<String>),
    /// Writing failed.
    SaveFailed(StoreError),
    /// Answers were replaced from outside (an imported backup, or everything cleared).
    Reload(Loaded),
}

impl Drafts {
    /// Answers were written (`stored`), or handed to the lock's vault: they are no longer
    /// waiting, unless they changed while the write was under way.
    fn written(&mut self, written: Written, stored: bool) {
        for (id, updated) in written {
            self.base.insert(id.clone(), updated);
            // Only if nothing changed while the write was under way.
            if self.entries.get(&id).is_some_and(|e| e.updated == updated) {
                self.dirty.remove(&id);
            }
        }
        self.status = if self.dirty.is_empty() && stored {
            SaveStatus::Saved
        } else {
            SaveStatus::Pending
        };
    }

    /// The workbook as stored.
    pub fn from_loaded(curriculum: &str, loaded: Loaded) -> Self {
        let base = loaded
            .entries
            .iter()
            .fold(BTreeMap::new(), |mut m, (id, entry)| {
                m.insert(id.clone(), entry.updated);
                m
            });
        let mut drafts = Drafts {
            curriculum: curriculum.to_string(),
            entries: loaded
                .entries
                .into_iter()
                .fold(BTreeMap::new(), |mut m, (id, entry)| {
                    m.insert(id, Rc::new(entry));
                    m
                }),
            dirty: BTreeSet::new(),
            status: SaveStatus::Idle,
            unreadable: loaded.unreadable,
            revision: 0,
            base: BTreeMap::new(),
            conflicts: BTreeSet::new(),
            earlier: loaded
                .earlier
                .into_iter()
                .map(|(id, entry)| (id, Rc::new(entry)))
                .collect(),
        };
        drafts.base = base;
        drafts
    }

    /// The answer to an exercise, if any.
    pub fn entry(&self, id: &str) -> Option<&Rc<Entry>> {
        self.entries.get(id)
    }

    /// True when there are changes not yet written.
    pub fn has_unsaved(&self) -> bool {
        !self.dirty.is_empty()
    }
}

impl Reducible for Drafts {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.revision += 1;
        match action {
            Action::Edit {
                id,
                kind,
                answer,
                now,
            } => {
                let done = next.entries.get(&id).is_some_and(|e| e.done);
                next.entries.insert(
                    id.clone(),
                    Rc::new(Entry {
                        format: ENTRY_FORMAT,
                        kind: kind.to_string(),
                        done,
                        updated: now,
                        answer,
                    }),
                );
                next.dirty.insert(id);
                if !matches!(next.status, SaveStatus::Failed(_)) {
                    next.status = SaveStatus::Pending;
                }
            }
            Action::SetDone {
                id,
                kind,
                done,
                fallback,
                now,
            } => {
                let entry = match next.entries.get(&id) {
                    Some(existing) => Entry {
                        done,
                        updated: now,
                        ..(**existing).clone()
                    },
                    None => Entry {
                        format: ENTRY_FORMAT,
                        kind: kind.to_string(),
                        done,
                        updated: now,
                        answer: fallback,
                    },
                };
                next.entries.insert(id.clone(), Rc::new(entry));
                next.dirty.insert(id);
                if !matches!(next.status, SaveStatus::Failed(_)) {
                    next.status = SaveStatus::Pending;
                }
            }
            Action::Saved(written) => next.written(written, true),
            Action::Queued(written) => next.written(written, false),
            Action::SaveFailed(error) => next.status = SaveStatus::Failed(error),
            Action::External { id, entry } => {
                // Changes waiting here win when they are written; the other tab's version is
                // then kept aside (see `save_dirty`). Otherwise the newer text is shown.
                if next.dirty.contains(&id) {
                    return self;
                }
                let replaced_own_words = next
                    .entries
                    .get(&id)
                    .is_some_and(|ours| ours.answer != entry.answer && !ours.answer.is_empty());
                if replaced_own_words {
                    next.conflicts.insert(id.clone());
                }
                next.base.insert(id.clone(), entry.updated);
                next.entries.insert(id, Rc::new(entry));
            }
            Action::Conflicts(ids) => next.conflicts.extend(ids),
            Action::Reload(loaded) => {
                let curriculum = next.curriculum.clone();
                let revision = next.revision;
                next = Drafts::from_loaded(&curriculum, loaded);
                next.revision = revision;
                next.status = SaveStatus::Saved;
            }
        }
        Rc::new(next)
    }
}

/// Answers written, each with the `updated` time of the version written.
pub type Written = Vec<(String, u64)>;

/// What a save did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// Answers written, with the `updated` time of each.
    pub written: Written,
    /// Answers where another tab had stored a different version first: that version was kept
    /// aside before this one was written.
    pub conflicts: Vec<String>,
}

/// Writes every changed answer. Before each write it reads what is stored: if another tab or
/// window stored a different version since this one read it, that version is kept aside first,
/// so neither is lost. On the first failure, stops and returns what was done before it, and
/// the error.
pub fn save_dirty(
    store: &dyn KeyValueStore,
    drafts: &Drafts,
) -> Result<Saved, (Saved, StoreError)> {
    let mut saved = Saved::default();
    for id in &drafts.dirty {
        let Some(entry) = drafts.entries.get(id) else {
            continue;
        };
        if let Err(error) = save_one(store, drafts, id, entry, &mut saved) {
            return Err((saved, error));
        }
    }
    Ok(saved)
}

fn save_one(
    store: &dyn KeyValueStore,
    drafts: &Drafts,
    id: &str,
    entry: &Entry,
    saved: &mut Saved,
) -> Result<(), StoreError> {
    let key = store::answer_key(&drafts.curriculum, id);
    if let Some(raw) = store.get(&key)?
        && let Ok(theirs) = super::json::from_str::<Entry>(&raw)
        && drafts.base.get(id) != Some(&theirs.updated)
        && theirs.answer != entry.answer
    {
        // Written elsewhere since this tab read it, and different: keep that version too.
        store::keep_aside(store, &drafts.curriculum, id, &raw)?;
        saved.conflicts.push(id.to_string());
    }
    store::save_entry(store, &drafts.curriculum, id, entry)?;
    saved.written.push((id.to_string(), entry.updated));
    Ok(())
}

/// For tests: the participant typed `text` into the writing exercise `id` at `now`.
#[cfg(test)]
pub(crate) fn edit(id: &str, text: &str, now: u64) -> Action {
    Action::Edit {
        id: id.into(),
        kind: "writing",
        answer: Answer::Text { text: text.into() },
        now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::store::{MemoryStore, load};

    fn empty() -> Rc<Drafts> {
        Rc::new(Drafts::from_loaded("c", Loaded::default()))
    }

    #[test]
    fn an_edit_is_pending_until_written() {
        let store = MemoryStore::default();
        let drafts = empty().reduce(edit("one", "hello", 1));
        assert_eq!(drafts.status, SaveStatus::Pending);
        let saved = save_dirty(&store, &drafts).expect("saves");
        let drafts = drafts.reduce(Action::Saved(saved.written));
        assert_eq!(drafts.status, SaveStatus::Saved);
        assert!(!drafts.has_unsaved());
        assert_eq!(
            load(&store, "c").expect("loads").entries["one"].answer,
            Answer::Text {
                text: "hello".into()
            }
        );
    }

    #[test]
    fn with_the_lock_on_an_edit_is_saved_only_once_its_sealed_record_is_stored() {
        let vault = crate::state::vault::Vault::default();
        let drafts = empty().reduce(edit("one", "hello", 1));
        let queued = save_dirty(&vault, &drafts).expect("kept in the vault");
        let drafts = drafts.reduce(Action::Queued(queued.written));
        assert!(!drafts.has_unsaved());
        assert_eq!(drafts.status, SaveStatus::Pending, "says Saving…");
        // The session reports that the sealed records are stored.
        let drafts = drafts.reduce(Action::Saved(Vec::new()));
        assert_eq!(drafts.status, SaveStatus::Saved);
        // A report that arrives while newer words wait here does not say "Saved".
        let drafts = drafts
            .reduce(edit("one", "hello again", 2))
            .reduce(Action::Saved(Vec::new()));
        assert_eq!(drafts.status, SaveStatus::Pending);
    }

    #[test]
    fn typing_during_a_save_stays_dirty() {
        let store = MemoryStore::default();
        let drafts = empty().reduce(edit("one", "hel", 1));
        let saved = save_dirty(&store, &drafts).expect("saves");
        let drafts = drafts
            .reduce(edit("one", "hello", 2))
            .reduce(Action::Saved(saved.written));
        assert!(drafts.has_unsaved());
        assert_eq!(drafts.status, SaveStatus::Pending);
    }

    #[test]
    fn a_failed_save_keeps_the_words_and_says_so() {
        let store = MemoryStore::default();
        *store.refuse_writes.borrow_mut() = Some(StoreError::Full);
        let drafts = empty().reduce(edit("one", "precious words", 1));
        let (saved, error) = save_dirty(&store, &drafts).expect_err("the store is full");
        assert!(saved.written.is_empty());
        let drafts = drafts.reduce(Action::SaveFailed(error));
        assert_eq!(drafts.status, SaveStatus::Failed(StoreError::Full));
        assert!(drafts.has_unsaved());
        assert_eq!(
            drafts.entry("one").expect("kept").answer,
            Answer::Text {
                text: "precious words".into()
            }
        );
        // Typing more does not hide the failure.
        let drafts = drafts.reduce(edit("one", "precious words!", 2));
        assert_eq!(drafts.status, SaveStatus::Failed(StoreError::Full));
        // Once storage works again, everything is written.
        *store.refuse_writes.borrow_mut() = None;
        let saved = save_dirty(&store, &drafts).expect("saves now");
        assert_eq!(
            drafts.reduce(Action::Saved(saved.written)).status,
            SaveStatus::Saved
        );
    }

    #[test]
    fn two_tabs_writing_the_same_answer_lose_nothing() {
        let store = MemoryStore::default();
        // Both tabs open the same (empty) workbook.
        let tab_a = empty().reduce(edit("one", "written in tab A", 10));
        let tab_b = empty().reduce(edit("one", "written in tab B", 20));
        let saved_a = save_dirty(&store, &tab_a).expect("A saves");
        assert!(saved_a.conflicts.is_empty());
        // B was based on nothing stored; A's version is there now: it is kept aside first.
        let saved_b = save_dirty(&store, &tab_b).expect("B saves");
        assert_eq!(saved_b.conflicts, vec!["one".to_string()]);
        let loaded = load(&store, "c").expect("loads");
        assert_eq!(
            loaded.entries["one"].answer,
            Answer::Text {
                text: "written in tab B".into()
            }
        );
        let aside = store::kept_aside(&store, "c").expect("aside");
        assert_eq!(aside.len(), 1);
        assert!(aside[0].raw.contains("written in tab A"));

        // Tab A hears of B's write: A has nothing waiting, so it shows B's text, and says so.
        let tab_a = tab_a.reduce(Action::Saved(saved_a.written));
        let theirs = loaded.entries["one"].clone();
        let tab_a = tab_a.reduce(Action::External {
            id: "one".into(),
            entry: theirs,
        });
        assert_eq!(
            tab_a.entry("one").expect("entry").answer,
            Answer::Text {
                text: "written in tab B".into()
            }
        );
        assert!(tab_a.conflicts.contains("one"));
        // And its next edit builds on B's stored version without keeping anything aside again.
        let tab_a = tab_a.reduce(edit("one", "written in tab B, then A", 30));
        let saved = save_dirty(&store, &tab_a).expect("saves");
        assert!(saved.conflicts.is_empty());
    }

    #[test]
    fn a_tab_with_unsaved_words_keeps_them_when_another_tab_writes() {
        let drafts = empty().reduce(edit("one", "mine, not saved yet", 5));
        let theirs = Entry {
            format: ENTRY_FORMAT,
            kind: "writing".into(),
            done: false,
            updated: 9,
            answer: Answer::Text {
                text: "theirs".into(),
            },
        };
        let drafts = drafts.reduce(Action::External {
            id: "one".into(),
            entry: theirs,
        });
        assert_eq!(
            drafts.entry("one").expect("entry").answer,
            Answer::Text {
                text: "mine, not saved yet".into()
            }
        );
    }

    #[test]
    fn marking_done_keeps_the_answer() {
        let drafts = empty()
            .reduce(edit("one", "text", 1))
            .reduce(Action::SetDone {
                id: "one".into(),
                kind: "writing",
                done: true,
                fallback: Answer::Text {
                    text: String::new(),
                },
                now: 2,
            });
        let entry = drafts.entry("one").expect("entry");
        assert!(entry.done);
        assert_eq!(
            entry.answer,
            Answer::Text {
                text: "text".into()
            }
        );
        let drafts = drafts.reduce(edit("one", "more text", 3));
        assert!(
            drafts.entry("one").expect("entry").done,
            "editing keeps it done"
        );
    }
}
