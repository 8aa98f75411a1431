//! Restoring a backup file, as a state machine: the step the settings page is at, and how each
//! event moves it on. Every transition is a plain function of the state and the event, with no
//! DOM and nothing asynchronous: the page reads the file, opens a locked one (Web Crypto is
//! asynchronous), writes the answers, and feeds what happened back in here.
//!
//! ```text
//!          choose            read: a locked file       open
//!   Idle ─────────► Reading ────────────────────► Locked ────► Opening
//!                      │                            ▲             │
//!                      │ read: a backup             └─────────────┤ opened: wrong passphrase
//!                      ▼                                          │
//!                   Preview ◄─────────────────────────────────────┘ opened: the backup's text
//!                      │ confirm
//!                      ▼
//!                  Importing ──imported──► Done (with a summary)
//! ```
//!
//! A file that cannot be restored (unreadable, broken, not a backup, from a newer version or
//! another programme, or an import that storage refused) ends in `Failed`, with plain words.
//! Nothing on the device changes before "confirm". Choosing another file starts again from
//! `Reading`, and "cancel" goes back to `Idle`, from every state but `Importing`: once answers
//! are being written, the outcome must be told. An event that does not fit the state (a file
//! read after a cancel, a second "open" while the first is under way) changes nothing.

use std::rc::Rc;

use workbook_core::Curriculum;
use workbook_core::interface::{Arg, Msg};

use super::backup::{self, Backup, ImportPlan, LockedBackup};
use super::drafts::Drafts;
use super::store::{StoreError, Unreadable};
use super::texts::{t, tf};

/// Where restoring a backup file stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Restore {
    /// No file chosen, or the last one put away.
    #[default]
    Idle,
    /// A file was chosen; its text is being read.
    Reading,
    /// A locked backup file, asking for the passphrase it was locked with.
    Locked {
        /// The file.
        file: Rc<LockedBackup>,
        /// The last passphrase tried did not open it.
        wrong: bool,
    },
    /// A passphrase is being tried (deriving the key takes a second or more on a phone).
    Opening {
        /// The file.
        file: Rc<LockedBackup>,
        /// The passphrase tried before this one did not open it.
        wrong: bool,
    },
    /// What restoring would do, waiting for the participant's yes.
    Preview {
        /// The backup, read and checked.
        backup: Rc<Backup>,
        /// What restoring it would do.
        plan: Rc<ImportPlan>,
    },
    /// The answers are being written.
    Importing {
        /// The backup.
        backup: Rc<Backup>,
        /// What is being done.
        plan: Rc<ImportPlan>,
    },
    /// Restored.
    Done(Summary),
    /// Why the file could not be restored, in plain words.
    Failed(String),
}

/// What a restore did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Answers only the backup had.
    pub added: usize,
    /// Answers newer in the backup (this device's older text is kept aside).
    pub updated: usize,
}

impl Summary {
    /// What to tell the person.
    pub fn explain(&self) -> String {
        tf(
            Msg::RestoreDone,
            &[
                ("added", self.added.into()),
                ("updated", self.updated.into()),
            ],
        )
    }
}

/// What opening a locked backup file with a passphrase gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The backup's text.
    Text(String),
    /// The passphrase did not open the file.
    WrongPassphrase,
    /// Something else went wrong (this browser cannot decrypt, say), in plain words.
    Failed(String),
}

/// What a backup is compared with to work out what restoring it would do.
pub struct ThisDevice<'a> {
    /// The curriculum (a backup of another is refused).
    pub curriculum: &'a Curriculum,
    /// The answers here.
    pub workbook: &'a Drafts,
    /// The copies kept aside here.
    pub kept_aside: &'a [Unreadable],
}

impl Restore {
    /// A file was chosen: it is read, whatever was showing before.
    pub fn choose(&self) -> Restore {
        match self {
            Restore::Importing { .. } => self.clone(),
            _ => Restore::Reading,
        }
    }

    /// The chosen file's text (`None`: the browser could not read it).
    pub fn read(&self, text: Option<&str>, here: &ThisDevice<'_>) -> Restore {
        if !matches!(self, Restore::Reading) {
            return self.clone();
        }
        let Some(text) = text else {
            return Restore::Failed(t(Msg::RestoreFileUnreadable));
        };
        match LockedBackup::parse(text) {
            Ok(Some(file)) => Restore::Locked {
                file: Rc::new(file),
                wrong: false,
            },
            Ok(None) => preview(text, here),
            Err(error) => Restore::Failed(error.explain()),
        }
    }

    /// A passphrase was given for a locked file: it is tried (once at a time).
    pub fn open(&self) -> Restore {
        match self {
            Restore::Locked { file, wrong } => Restore::Opening {
                file: file.clone(),
                wrong: *wrong,
            },
            _ => self.clone(),
        }
    }

    /// What trying the passphrase on `file` (the one `Opening` holds) gave. A wrong passphrase
    /// keeps the file and asks again.
    pub fn opened(
        &self,
        file: &Rc<LockedBackup>,
        outcome: Opened,
        here: &ThisDevice<'_>,
    ) -> Restore {
        match self {
            Restore::Opening { file: opening, .. } if Rc::ptr_eq(opening, file) => match outcome {
                Opened::Text(text) => preview(&text, here),
                Opened::WrongPassphrase => Restore::Locked {
                    file: opening.clone(),
                    wrong: true,
                },
                Opened::Failed(words) => Restore::Failed(words),
            },
            _ => self.clone(),
        }
    }

    /// "Restore these answers".
    pub fn confirm(&self) -> Restore {
        match self {
            Restore::Preview { backup, plan } => Restore::Importing {
                backup: backup.clone(),
                plan: plan.clone(),
            },
            _ => self.clone(),
        }
    }

    /// How writing the answers went.
    pub fn imported(&self, outcome: Result<(), StoreError>) -> Restore {
        match self {
            Restore::Importing { plan, .. } => match outcome {
                Ok(()) => Restore::Done(Summary {
                    added: plan.added.len(),
                    updated: plan.replaced.len(),
                }),
                Err(error) => Restore::Failed(tf(
                    Msg::RestoreImportFailed,
                    &[("reason", Arg::Text(&error.explain()))],
                )),
            },
            _ => self.clone(),
        }
    }

    /// "Cancel": back to the start, unless answers are being written.
    pub fn cancel(&self) -> Restore {
        match self {
            Restore::Importing { .. } => self.clone(),
            _ => Restore::Idle,
        }
    }
}

/// Reads a plain backup file's text and works out what restoring it would do.
fn preview(text: &str, here: &ThisDevice<'_>) -> Restore {
    match backup::parse(text, here.curriculum) {
        Ok(file) => {
            let plan = backup::plan(&file, here.workbook, here.kept_aside);
            Restore::Preview {
                backup: Rc::new(file),
                plan: Rc::new(plan),
            }
        }
        Err(error) => Restore::Failed(error.explain()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::answer::Answer;
    use crate::state::backup::tests::{just, locked_file, saved, version_1_file};
    use crate::state::backup::{BACKUP_FORMAT, BACKUP_VERSION, ImportError};
    use crate::state::drafts::edit;
    use crate::state::store::{self, Loaded, MemoryStore, load};
    use yew::Reducible;

    fn text_of(file: &LockedBackup) -> String {
        serde_json::to_string(file).expect("json")
    }

    /// A backup of curriculum `c` with one answer.
    fn backup_text(curriculum: &str, id: &str, text: &str, updated: u64) -> String {
        let workbook = Rc::new(Drafts::from_loaded(curriculum, Loaded::default()))
            .reduce(edit(id, text, updated));
        serde_json::to_string(&backup::export(&workbook, "1", &[], updated)).expect("exports")
    }

    /// Each state, for the events that must work from all of them.
    fn every_state() -> Vec<Restore> {
        let file = Rc::new(locked_file());
        let backup = Rc::new(
            backup::parse(&backup_text("c", "one", "words", 1), &just("c")).expect("a backup"),
        );
        let plan = Rc::new(ImportPlan {
            added: vec!["one".into()],
            ..ImportPlan::default()
        });
        vec![
            Restore::Idle,
            Restore::Reading,
            Restore::Locked {
                file: file.clone(),
                wrong: false,
            },
            Restore::Locked {
                file: file.clone(),
                wrong: true,
            },
            Restore::Opening { file, wrong: false },
            Restore::Preview {
                backup: backup.clone(),
                plan: plan.clone(),
            },
            Restore::Importing { backup, plan },
            Restore::Done(Summary {
                added: 1,
                updated: 0,
            }),
            Restore::Failed("No.".into()),
        ]
    }

    /// This device: the curriculum `c` and no answers.
    struct Empty {
        curriculum: Curriculum,
        workbook: Drafts,
    }

    impl Empty {
        fn new() -> Self {
            Empty {
                curriculum: just("c"),
                workbook: Drafts::from_loaded("c", Loaded::default()),
            }
        }

        fn here(&self) -> ThisDevice<'_> {
            ThisDevice {
                curriculum: &self.curriculum,
                workbook: &self.workbook,
                kept_aside: &[],
            }
        }
    }

    #[test]
    fn a_plain_backup_is_previewed_and_confirming_imports_it() {
        let device = Empty::new();
        let state = Restore::Idle
            .choose()
            .read(Some(&backup_text("c", "one", "words", 1)), &device.here());
        let Restore::Preview { plan, .. } = &state else {
            panic!("a preview: {state:?}");
        };
        assert_eq!(plan.added, vec!["one".to_string()]);
        let importing = state.confirm();
        assert!(
            matches!(importing, Restore::Importing { .. }),
            "{importing:?}"
        );
        let done = importing.imported(Ok(()));
        assert_eq!(
            done,
            Restore::Done(Summary {
                added: 1,
                updated: 0
            })
        );
        if let Restore::Done(summary) = done {
            assert_eq!(
                summary.explain(),
                "Done. 1 answer added and 0 updated from the backup."
            );
        }
    }

    #[test]
    fn confirming_imports_and_keeps_aside_the_losing_side_of_each_conflict() {
        let store = MemoryStore::default();
        let here = saved(
            &store,
            Rc::new(Drafts::from_loaded("c", Loaded::default()))
                .reduce(edit("mine-newer", "newest, on this device", 9))
                .reduce(edit("theirs-newer", "old", 1)),
        );
        let theirs = Rc::new(Drafts::from_loaded("c", Loaded::default()))
            .reduce(edit("mine-newer", "backup text", 2))
            .reduce(edit("theirs-newer", "backup text", 5))
            .reduce(edit("only-theirs", "new in the backup", 5));
        let file = serde_json::to_string(&backup::export(&theirs, "1", &[], 10)).expect("exports");
        let curriculum = just("c");
        let aside = store::kept_aside(&store, "c").expect("aside");
        let device = ThisDevice {
            curriculum: &curriculum,
            workbook: &here,
            kept_aside: &aside,
        };

        let importing = Restore::Reading.read(Some(&file), &device).confirm();
        let Restore::Importing { backup, plan } = &importing else {
            panic!("importing: {importing:?}");
        };
        // What the page does in between: write the answers, as planned.
        let outcome = backup::apply(&store, backup, plan, &here);
        assert_eq!(
            importing.imported(outcome),
            Restore::Done(Summary {
                added: 1,
                updated: 1
            })
        );

        let after = load(&store, "c").expect("loads");
        let text = |id: &str| match &after.entries[id].answer {
            Answer::Text { text } => text.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(text("mine-newer"), "newest, on this device");
        assert_eq!(text("theirs-newer"), "backup text");
        assert_eq!(text("only-theirs"), "new in the backup");
        let aside: Vec<String> = store::kept_aside(&store, "c")
            .expect("aside")
            .into_iter()
            .map(|u| u.raw)
            .collect();
        assert_eq!(aside.len(), 2, "both losing versions are kept: {aside:?}");
        assert!(aside.iter().any(|raw| raw.contains("backup text")));
        assert!(aside.iter().any(|raw| raw.contains("\"old\"")));
    }

    #[test]
    fn an_import_that_storage_refuses_fails_in_plain_words() {
        let importing = Restore::Importing {
            backup: Rc::new(
                backup::parse(&backup_text("c", "one", "words", 1), &just("c")).expect("backup"),
            ),
            plan: Rc::new(ImportPlan::default()),
        };
        assert_eq!(
            importing.imported(Err(StoreError::Full)),
            Restore::Failed(
                "This browser's storage for the workbook is full. Nothing on this device was lost."
                    .into()
            )
        );
    }

    #[test]
    fn a_locked_file_asks_for_its_passphrase_and_a_wrong_one_keeps_the_file_and_asks_again() {
        let device = Empty::new();
        let file = locked_file();
        let asking = Restore::Reading.read(Some(&text_of(&file)), &device.here());
        let Restore::Locked {
            file: kept,
            wrong: false,
        } = &asking
        else {
            panic!("asks for the passphrase: {asking:?}");
        };
        assert_eq!(**kept, file);

        let opening = asking.open();
        assert!(
            matches!(&opening, Restore::Opening { wrong: false, .. }),
            "{opening:?}"
        );
        assert_eq!(opening.open(), opening, "one try at a time");
        assert_eq!(opening.confirm(), opening);

        let again = opening.opened(kept, Opened::WrongPassphrase, &device.here());
        let Restore::Locked {
            file: still,
            wrong: true,
        } = &again
        else {
            panic!("asks again: {again:?}");
        };
        assert!(Rc::ptr_eq(kept, still), "the same file, not read again");

        // The right passphrase: the file's text is previewed like any backup.
        let opening = again.open();
        assert!(
            matches!(&opening, Restore::Opening { wrong: true, .. }),
            "the last problem shows until the new try is over: {opening:?}"
        );
        let text = backup_text("c", "one", "words", 1);
        let preview = opening.opened(kept, Opened::Text(text), &device.here());
        assert!(matches!(preview, Restore::Preview { .. }), "{preview:?}");
    }

    #[test]
    fn opening_a_locked_file_can_fail_in_every_way_a_plain_one_can() {
        let device = Empty::new();
        let file = Rc::new(locked_file());
        let opening = || Restore::Opening {
            file: file.clone(),
            wrong: false,
        };
        assert_eq!(
            opening().opened(&file, Opened::Failed("No crypto.".into()), &device.here()),
            Restore::Failed("No crypto.".into())
        );
        assert_eq!(
            opening().opened(
                &file,
                Opened::Text(backup_text("other", "one", "words", 1)),
                &device.here()
            ),
            Restore::Failed(ImportError::OtherCurriculum("other".into()).explain())
        );
        assert_eq!(
            opening().opened(&file, Opened::Text("{\"answ".into()), &device.here()),
            Restore::Failed(ImportError::NotABackup.explain())
        );
    }

    #[test]
    fn what_opening_gives_after_a_cancel_or_for_another_file_changes_nothing() {
        let device = Empty::new();
        let file = Rc::new(locked_file());
        let text = || Opened::Text(backup_text("c", "one", "words", 1));
        assert_eq!(
            Restore::Idle.opened(&file, text(), &device.here()),
            Restore::Idle
        );
        // Another file, even one equal to it: chosen again, say, after a cancel.
        let opening = Restore::Opening {
            file: Rc::new(locked_file()),
            wrong: false,
        };
        assert_eq!(opening.opened(&file, text(), &device.here()), opening);
        // A file read after a cancel is not shown.
        assert_eq!(
            Restore::Idle.read(Some(&text_of(&file)), &device.here()),
            Restore::Idle
        );
    }

    #[test]
    fn a_file_from_another_curriculum_is_refused() {
        let device = Empty::new();
        let state = Restore::Reading.read(
            Some(&backup_text("other", "one", "words", 1)),
            &device.here(),
        );
        assert_eq!(
            state,
            Restore::Failed(
                "This backup belongs to a different programme (\u{201c}other\u{201d}). Nothing was changed."
                    .into()
            )
        );
    }

    #[test]
    fn broken_and_unreadable_files_are_refused_in_plain_words() {
        let device = Empty::new();
        let here = device.here();
        let not_a_backup = Restore::Failed(ImportError::NotABackup.explain());
        assert_eq!(Restore::Reading.read(Some("hello"), &here), not_a_backup);
        let whole = backup_text("c", "one", "words", 1);
        let cut = &whole[..whole.len() / 2];
        assert_eq!(Restore::Reading.read(Some(cut), &here), not_a_backup);
        let broken_answer = format!(
            r#"{{"format":"{BACKUP_FORMAT}","version":2,"curriculum":"c","curriculum_version":"1","exported":1,"answers":{{"one":{{"nonsense":true}}}},"kept_aside":{{}}}}"#
        );
        assert_eq!(
            Restore::Reading.read(Some(&broken_answer), &here),
            not_a_backup
        );
        assert_eq!(
            Restore::Reading.read(None, &here),
            Restore::Failed(t(Msg::RestoreFileUnreadable))
        );
        let newer = format!(r#"{{"format":"{BACKUP_FORMAT}","version":99}}"#);
        assert_eq!(
            Restore::Reading.read(Some(&newer), &here),
            Restore::Failed(ImportError::TooNew(99).explain())
        );
        let newer_locked = LockedBackup {
            version: BACKUP_VERSION + 1,
            ..locked_file()
        };
        assert_eq!(
            Restore::Reading.read(Some(&text_of(&newer_locked)), &here),
            Restore::Failed(ImportError::TooNew(BACKUP_VERSION + 1).explain())
        );
    }

    #[test]
    fn a_version_1_file_is_previewed_by_id_and_loses_nothing() {
        let curriculum = crate::state::migrate::tests::curriculum();
        let workbook = Drafts::from_loaded("c", Loaded::default());
        let device = ThisDevice {
            curriculum: &curriculum,
            workbook: &workbook,
            kept_aside: &[],
        };
        let (file, _) = version_1_file();
        let state = Restore::Reading.read(Some(&file), &device);
        let Restore::Preview { backup, plan } = &state else {
            panic!("a preview: {state:?}");
        };
        assert_eq!(plan.added, vec!["motives".to_string(), "stage".to_string()]);
        assert_eq!(plan.aside, 1, "the answer that did not match comes along");
        assert_eq!(backup.answers["stage"].format, store::ENTRY_FORMAT);
    }

    #[test]
    fn cancel_goes_back_to_the_start_from_every_state_but_importing() {
        for state in every_state() {
            let cancelled = state.cancel();
            if matches!(state, Restore::Importing { .. }) {
                assert_eq!(cancelled, state, "an import under way finishes");
            } else {
                assert_eq!(cancelled, Restore::Idle, "from {state:?}");
            }
        }
    }

    #[test]
    fn choosing_a_file_starts_again_from_every_state_but_importing() {
        for state in every_state() {
            let chosen = state.choose();
            if matches!(state, Restore::Importing { .. }) {
                assert_eq!(chosen, state);
            } else {
                assert_eq!(chosen, Restore::Reading, "from {state:?}");
            }
        }
    }

    #[test]
    fn events_that_do_not_fit_the_state_change_nothing() {
        let device = Empty::new();
        let file = Rc::new(locked_file());
        for state in every_state() {
            if state != Restore::Reading {
                assert_eq!(state.read(Some("hello"), &device.here()), state);
            }
            if !matches!(state, Restore::Locked { .. }) {
                assert_eq!(state.open(), state);
            }
            if !matches!(state, Restore::Opening { .. }) {
                assert_eq!(
                    state.opened(&file, Opened::WrongPassphrase, &device.here()),
                    state
                );
            }
            if !matches!(state, Restore::Preview { .. }) {
                assert_eq!(state.confirm(), state);
            }
            if !matches!(state, Restore::Importing { .. }) {
                assert_eq!(state.imported(Ok(())), state);
            }
        }
    }
}
