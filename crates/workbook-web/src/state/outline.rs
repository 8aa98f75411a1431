//! The heading levels of a page. Authors write `#`, `##` and `###` as they like, and a week's
//! readings and exercises come from many places in a module; the page still needs an outline a
//! screen reader can move through: one `h1` (the page's title), and no heading more than one
//! level below the heading before it. These rules place every heading; the components only
//! render the levels they are given.

use workbook_core::markdown::{Block, plain_text};
use workbook_core::{Section, Week};

/// The deepest level HTML has.
const DEEPEST: u8 = 6;

/// Where the next heading may go: never above `floor` (the part of the page it sits in), and
/// never more than one level below `last`, the heading before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outline {
    floor: u8,
    last: u8,
}

impl Outline {
    /// Content that sits under a heading of `level`: its own headings start one level below.
    pub fn under(level: u8) -> Self {
        Outline {
            floor: (level + 1).min(DEEPEST),
            last: level,
        }
    }

    /// A reading on a page whose title is its `h1`, after a heading of `last`: `#` and `##` both
    /// become `h2`.
    pub fn reading_after(last: u8) -> Self {
        Outline { floor: 2, last }
    }

    /// The level of the last heading placed (or of the heading this content sits under).
    pub fn last(&self) -> u8 {
        self.last
    }

    /// Places a heading written at level `asked`, and returns the level it is shown at.
    pub fn place(&mut self, asked: u8) -> u8 {
        let level = asked.max(self.floor).min(self.last + 1).clamp(1, DEEPEST);
        self.last = level;
        level
    }

    /// Places every heading in `blocks`, in order (headings inside lists, quotes and callouts
    /// included), as rendering them would. True if there was any.
    pub fn pass<'a>(&mut self, blocks: impl IntoIterator<Item = &'a Block>) -> bool {
        let mut any = false;
        for block in blocks {
            any |= match block {
                Block::Heading { level, .. } => {
                    self.place(*level);
                    true
                }
                Block::List { items, .. } => {
                    // Every item is passed: each may hold headings.
                    let mut in_items = false;
                    for item in items {
                        in_items |= self.pass(&item.blocks);
                    }
                    in_items
                }
                Block::Quote { blocks } | Block::Callout { blocks, .. } => self.pass(blocks),
                Block::Paragraph { .. }
                | Block::Code { .. }
                | Block::Rule
                | Block::Table { .. } => false,
            };
        }
        any
    }
}

/// True for a `#` heading that repeats `title` (the page shows the title already, as its
/// `h1`).
fn repeats_title(block: &Block, title: &str) -> bool {
    matches!(block, Block::Heading { level: 1, content }
        if plain_text(content).trim() == title.trim())
}

/// A reading's blocks without a `#` heading that repeats `title`.
pub fn without_title(blocks: &[Block], title: &str) -> Vec<Block> {
    blocks
        .iter()
        .filter(|block| !repeats_title(block, title))
        .cloned()
        .collect()
}

/// The deepest an exercise's title goes: exercises are the week's main parts, so after a
/// reading's `###` an exercise is an `h3` beside it rather than an `h4` inside it.
const EXERCISE_DEEPEST: u8 = 3;

/// For each section of a week, in order: for a reading, the level of the heading before it;
/// for an exercise, the level of its title. The week's title is the page's `h1`; an exercise
/// sits one level below the readings' last heading, so exercises in a row are siblings.
pub fn week_levels(week: &Week) -> Vec<u8> {
    // The last heading on the page so far, and the last one a reading wrote.
    let (mut last, mut reading) = (1, 1);
    week.content
        .iter()
        .map(|section| match section {
            Section::Reading { blocks } => {
                let before = last;
                let mut outline = Outline::reading_after(last);
                // Runs at every render of the week (every keystroke): no copies of the blocks.
                let shown = blocks.iter().filter(|b| !repeats_title(b, &week.title));
                if outline.pass(shown) {
                    (last, reading) = (outline.last(), outline.last());
                }
                before
            }
            Section::Exercise { .. } => {
                last = (reading + 1).min(EXERCISE_DEEPEST);
                last
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use workbook_core::markdown::Inline;

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading {
            level,
            content: vec![Inline::Text { text: text.into() }],
        }
    }

    fn para() -> Block {
        Block::Paragraph {
            content: vec![Inline::Text {
                text: "Words.".into(),
            }],
        }
    }

    fn reading(blocks: Vec<Block>) -> Section {
        Section::Reading { blocks }
    }

    fn exercise(id: &str) -> Section {
        Section::Exercise { id: id.into() }
    }

    fn week(content: Vec<Section>) -> Week {
        Week {
            title: "Triggers and urges".into(),
            content,
            ..Week::default()
        }
    }

    #[test]
    fn a_heading_never_goes_more_than_one_level_below_the_one_before() {
        let mut outline = Outline::reading_after(1);
        assert_eq!(
            outline.place(4),
            2,
            "the first heading under the title is an h2"
        );
        assert_eq!(outline.place(4), 3);
        assert_eq!(outline.place(6), 4);
        assert_eq!(outline.place(2), 2, "going back up is always allowed");
        assert_eq!(
            outline.place(1),
            2,
            "`#` in a reading is an h2: the title is the h1"
        );
    }

    #[test]
    fn content_under_a_heading_starts_one_level_below_it_and_stops_at_h6() {
        let mut prompt = Outline::under(2);
        assert_eq!(prompt.place(1), 3);
        assert_eq!(prompt.place(5), 4);
        let mut deepest = Outline::under(6);
        assert_eq!(deepest.place(1), 6);
        assert_eq!(deepest.place(6), 6);
    }

    #[test]
    fn headings_inside_callouts_and_lists_count_in_order() {
        let mut outline = Outline::reading_after(1);
        let any = outline.pass(&[
            para(),
            Block::Callout {
                kind: workbook_core::markdown::CalloutKind::Note,
                blocks: vec![heading(3, "Inside a note")],
            },
        ]);
        assert!(any);
        assert_eq!(outline.last(), 2);
        assert!(
            !Outline::under(3).pass(&[para()]),
            "no headings, none placed"
        );
    }

    #[test]
    fn an_exercise_straight_after_the_week_title_is_an_h2() {
        // The second curriculum's week 2: a reading with no headings of its own after its title.
        let levels = week_levels(&week(vec![
            reading(vec![heading(1, "Triggers and urges"), para()]),
            exercise("triggers"),
            exercise("payday-plan"),
        ]));
        assert_eq!(levels, vec![1, 2, 2]);
    }

    #[test]
    fn an_exercise_after_a_section_is_an_h3_and_a_later_section_goes_back_to_h2() {
        let levels = week_levels(&week(vec![
            reading(vec![heading(2, "What is a trigger?"), para()]),
            exercise("triggers"),
            reading(vec![
                heading(2, "Riding out an urge"),
                heading(3, "Breathing"),
                heading(4, "Deeper"),
            ]),
            exercise("urge-plan"),
            reading(vec![heading(5, "A deep heading after an exercise")]),
            exercise("after-the-deep-heading"),
            reading(vec![para()]),
            exercise("after-a-reading-with-no-headings"),
        ]));
        assert_eq!(levels, vec![1, 3, 3, 3, 3, 3, 3, 3]);
    }

    #[test]
    fn a_title_repeated_at_the_top_of_a_reading_is_left_out() {
        let blocks = vec![
            heading(1, " Triggers and urges "),
            para(),
            heading(1, "Something else"),
        ];
        let kept = without_title(&blocks, "Triggers and urges");
        assert_eq!(kept, vec![para(), heading(1, "Something else")]);
    }
}
