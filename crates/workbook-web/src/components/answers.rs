//! [`Answers`]: the workbook's answers as pages receive them.

use yew::prelude::*;

use crate::state::workbook::Workbook;

/// The answers as pages see them, compared by the revision they were rendered with rather than
/// answer by answer. (Yew's reducer handle always reads the latest state, so the revision is
/// captured when the props are made: that is what tells old props from new.)
#[derive(Clone)]
pub struct Answers {
    workbook: UseReducerHandle<Workbook>,
    revision: u64,
}

impl Answers {
    /// The answers as they are now.
    pub fn new(workbook: UseReducerHandle<Workbook>) -> Self {
        let revision = workbook.revision;
        Answers { workbook, revision }
    }
}

impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl std::ops::Deref for Answers {
    type Target = Workbook;
    fn deref(&self) -> &Workbook {
        &self.workbook
    }
}
