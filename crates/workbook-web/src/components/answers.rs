//! [`Answers`]: the drafts's answers as pages receive them.

use yew::prelude::*;

use crate::state::drafts::Drafts;

/// The answers as pages see them, compared by the revision they were rendered with rather than
/// answer by answer. (Yew's reducer handle always reads the latest state, so the revision is
/// captured when the props are made: that is what tells old props from new.)
#[derive(Clone)]
pub struct Answers {
    drafts: UseReducerHandle<Drafts>,
    revision: u64,
}

impl Answers {
    /// The answers as they are now.
    pub fn new(drafts: UseReducerHandle<Drafts>) -> Self {
        let revision = drafts.revision;
        Answers { drafts, revision }
    }
}

impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl std::ops::Deref for Answers {
    type Target = Drafts;
    fn deref(&self) -> &Drafts {
        &self.drafts
    }
}
