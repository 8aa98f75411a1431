//! The typed curriculum: what the parser produces and what the CLI and the app consume.
//!
//! Everything here is plain data with serde, so `workbook dump` prints exactly what the app sees.

use serde::{Deserialize, Serialize};

use crate::markdown::{Block, Inline};

/// A whole programme: its weeks in order, and what every page needs (support lines, quick exit).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Curriculum {
    /// Stable id; answers are stored under it, so it must not change between versions.
    pub id: String,
    /// The programme's name, as participants see it.
    pub title: String,
    /// BCP 47 language tag, such as `en-GB`.
    pub language: String,
    /// The content's version, for authors and for answers exported from it.
    pub version: String,
    /// A neutral https address the quick exit goes to; empty if the manifest's was missing or
    /// unsafe (it is never anything but a checked `https:` address).
    pub quick_exit: String,
    /// The name an installed workbook shows under its icon on a home screen: neutral, since
    /// anyone who sees the phone can read it.
    pub app_name: String,
    /// The symbol money columns show, such as `£`.
    pub currency: String,
    /// The manifest's markdown: the welcome on the home page.
    pub introduction: Vec<Block>,
    /// What to do in a crisis, shown above the support lines (markdown; may be empty).
    pub crisis: Vec<Block>,
    /// Who to call, shown on every page; the lines marked [`SupportLine::crisis`] come first.
    pub support_lines: Vec<SupportLine>,
    /// A note on court, bail, licence or prevention-order conditions, shown wherever the app
    /// offers to lock, hide or delete something (markdown; may be empty).
    pub conditions: Vec<Block>,
    /// The weeks, in the manifest's order.
    pub weeks: Vec<Week>,
    /// The languages the curriculum is also written in (`cy`), each in a folder of that name
    /// with the same weeks and exercises, and the same ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<String>,
}

impl Curriculum {
    /// Every exercise, in course order.
    pub fn exercises(&self) -> impl Iterator<Item = (&Week, &Exercise)> {
        self.weeks
            .iter()
            .flat_map(|week| week.exercises.iter().map(move |exercise| (week, exercise)))
    }

    /// The exercise with this id, and its week.
    pub fn exercise(&self, id: &str) -> Option<(&Week, &Exercise)> {
        self.exercises().find(|(_, exercise)| exercise.id == id)
    }

    /// The week with this number.
    pub fn week(&self, number: u32) -> Option<&Week> {
        self.weeks.iter().find(|week| week.number == number)
    }
}

/// A helpline, with what it keeps confidential and what it does not.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SupportLine {
    /// The service's name.
    pub name: String,
    /// The number to call, as people dial it.
    pub number: String,
    /// When it is open.
    pub hours: String,
    /// What stays private.
    pub confidential: String,
    /// What the service will pass on, said plainly.
    pub not_confidential: String,
    /// Whether the line is open at any hour for someone in crisis: such lines are shown first.
    pub crisis: bool,
    /// Anything else worth knowing (markdown).
    pub details: Vec<Block>,
}

/// One week's module.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Week {
    /// 1-based week number.
    pub number: u32,
    /// The week's title.
    pub title: String,
    /// One line on what the week is about.
    pub summary: String,
    /// Rough time the take-home work needs, in minutes.
    pub minutes: Option<u32>,
    /// The file it came from, relative to the content folder.
    pub file: String,
    /// Readings and exercises, in the author's order.
    pub content: Vec<Section>,
    /// The week's exercises, in order (the same ones [`Section::Exercise`] points at).
    pub exercises: Vec<Exercise>,
}

/// A piece of a week, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Section {
    /// Ordinary markdown: readings, callouts, headings.
    Reading {
        /// The markdown, as blocks.
        blocks: Vec<Block>,
    },
    /// An exercise, by id (its data is in [`Week::exercises`]).
    Exercise {
        /// The exercise's id.
        id: String,
    },
}

/// One exercise: what the participant is asked to do, and how they answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    /// Stable id, unique across the curriculum; the participant's answer is stored under it.
    pub id: String,
    /// Short title.
    pub title: String,
    /// How it is answered, with the kind's own settings.
    #[serde(flatten)]
    pub kind: ExerciseKind,
    /// What to do and why it matters (markdown).
    pub prompt: Vec<Block>,
    /// Optional hints, shown on request (markdown).
    pub guidance: Vec<Block>,
    /// Rough time, in minutes.
    pub minutes: Option<u32>,
    /// Whether the exercise touches painful ground: the app then shows the content note, asks
    /// whether now is a good time, offers the grounding step, and closes with the wind-down and
    /// the support lines.
    pub sensitive: bool,
    /// What the exercise touches on, said before it starts. Required when `sensitive`.
    pub content_note: Vec<Inline>,
    /// A short calming step before a sensitive exercise (the exercise's own, or the curriculum's).
    pub grounding: Vec<Block>,
    /// A short step to close a sensitive exercise (the exercise's own, or the curriculum's).
    pub wind_down: Vec<Block>,
    /// Shown only when an earlier answer says so.
    pub show_if: Option<Condition>,
}

/// One entry of a list the author writes (an option, a statement, a plan's section, a
/// questionnaire's item): the id answers are stored under, and the label shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id, written by the author (`- Label {#id}`) or derived from the label.
    pub id: String,
    /// What participants see.
    pub label: String,
}

macro_rules! kinds {
    ($($variant:ident = $name:literal [$($field:literal),*]: $summary:literal,)*) => {
        /// Which kind an exercise is, without its settings (those are in [`ExerciseKind`]).
        /// The one list of the kinds: the parser, the CLI, the app and the tests take the kinds
        /// from here, and each place that must handle every kind matches on it exhaustively, so
        /// a new kind is one line here and the compiler names every place it must be handled.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind { $(#[doc = $summary] $variant,)* }

        impl Kind {
            /// Every kind, in the order the authors' guide explains them.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// Every kind's name, in the order of [`Kind::ALL`].
            pub const NAMES: &'static [&'static str] = &[$($name,)*];

            /// The kind's name as authors write it (`kind: short-answer`), and as `workbook dump`
            /// and the app's stored answers name it.
            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            /// The kind with the given name, if there is one.
            pub fn from_name(name: &str) -> Option<Kind> {
                match name { $($name => Some(Kind::$variant),)* _ => None }
            }

            /// One sentence on what the kind is, for authors.
            pub fn summary(self) -> &'static str {
                match self { $(Kind::$variant => $summary,)* }
            }

            /// The fields an exercise of this kind may have, beyond the common ones.
            pub fn fields(self) -> &'static [&'static str] {
                match self { $(Kind::$variant => &[$($field),*],)* }
            }
        }
    };
}

kinds! {
    Writing = "writing" ["min-words", "target-words"]: "Long reflective writing, with a live word count.",
    ShortAnswer = "short-answer" ["max-words"]: "A sentence or two.",
    List = "list" ["count"]: "A list the participant writes, one item per line.",
    Rating = "rating" ["range", "anchors", "items", "repeats"]: "One or more statements, each rated on the same scale.",
    Checklist = "checklist" ["options", "other"]: "Tick any number of options.",
    Choice = "choice" ["options", "other", "repeats"]: "Pick one option.",
    Worksheet = "worksheet" ["columns", "min-rows", "totals"]: "A table with fixed columns and rows the participant adds.",
    Diary = "diary" ["min-entries", "whole-course"]: "Dated entries, added over the week (or over the whole course).",
    Plan = "plan" ["sections"]: "Named sections, each a list the participant fills in.",
    Questionnaire = "questionnaire" ["responses", "items", "reverse", "show-total", "bands", "repeats"]: "A scored questionnaire: statements answered on one response scale, with a total.",
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The kinds of exercise and the settings each one has (one variant for each [`Kind`]; serde
/// writes the kind's name in `kind`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ExerciseKind {
    /// Long reflective writing, with a live word count.
    Writing {
        /// Fewest words asked for.
        min_words: Option<u32>,
        /// Words to aim for.
        target_words: Option<u32>,
    },
    /// A sentence or two.
    ShortAnswer {
        /// Most words asked for.
        max_words: Option<u32>,
    },
    /// A list the participant writes, one item per line.
    List {
        /// How many items to aim for (more can be added).
        count: u32,
    },
    /// One or more statements, each rated on the same scale.
    Rating {
        /// The scale.
        scale: Scale,
        /// Labels for some points of the scale.
        anchors: Vec<Anchor>,
        /// The statements to rate; empty means one rating of the prompt itself.
        items: Vec<Item>,
        /// The id of an earlier rating this one repeats, for a before/after comparison.
        repeats: Option<String>,
    },
    /// Tick any number of options.
    Checklist {
        /// The options.
        options: Vec<Item>,
        /// Whether to offer "Other" with a text box.
        other: bool,
    },
    /// Pick one option.
    Choice {
        /// The options.
        options: Vec<Item>,
        /// Whether to offer "Other" with a text box.
        other: bool,
        /// The id of an earlier choice with the same options that this one asks again, so the
        /// answers can be shown side by side.
        repeats: Option<String>,
    },
    /// A table with fixed columns and rows the participant adds.
    Worksheet {
        /// The columns.
        columns: Vec<Column>,
        /// Rows to start with (and to aim for).
        min_rows: u32,
        /// Which totals of the number and money columns to show.
        totals: Totals,
    },
    /// Dated entries, added over the week (or over the whole course).
    Diary {
        /// Entries to aim for.
        min_entries: u32,
        /// Kept across the whole course: shown again at the end of every later week.
        whole_course: bool,
    },
    /// Named sections, each a list the participant fills in.
    Plan {
        /// The sections, in order.
        sections: Vec<Item>,
    },
    /// A scored questionnaire: statements answered on one response scale, with a total.
    Questionnaire {
        /// The responses every item is answered with, each with its score.
        responses: Vec<Response>,
        /// The statements.
        items: Vec<Item>,
        /// Ids of the items scored in reverse (the highest score for the lowest response).
        reverse: Vec<String>,
        /// Whether the participant sees the total and its band.
        show_total: bool,
        /// What ranges of the total mean, in plain words.
        bands: Vec<Band>,
        /// The id of an earlier questionnaire this one repeats, to chart the totals.
        repeats: Option<String>,
    },
}

/// One response of a questionnaire's scale, such as "Often", scored 2.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// Stable id.
    pub id: String,
    /// What participants see.
    pub label: String,
    /// Its score.
    pub score: i32,
}

/// A range of a questionnaire's total and what it means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    /// Lowest total in the band.
    pub min: i32,
    /// Highest total in the band.
    pub max: i32,
    /// What it means, in plain words.
    pub label: String,
}

/// Which totals a worksheet shows for its number and money columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// A total for each entry (row), across its columns.
    pub entries: bool,
    /// A total for each column, across the entries.
    pub columns: bool,
}

/// When an exercise is shown: an earlier answer that must say so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The earlier exercise whose answer decides.
    pub exercise: String,
    /// What its answer must be.
    pub test: Test,
}

/// What an earlier answer must be for a condition to hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "test", rename_all = "kebab-case")]
pub enum Test {
    /// A choice whose chosen option is this one (`is`).
    Is {
        /// The option's id.
        option: String,
    },
    /// A checklist with this option ticked (`includes`).
    Includes {
        /// The option's id.
        option: String,
    },
    /// A rating (of one statement, or of the prompt itself when `item` is none), or a
    /// questionnaire's total, at or above a value (`at least`).
    AtLeast {
        /// The statement, for a rating of several.
        item: Option<String>,
        /// The value.
        value: i32,
    },
}

impl ExerciseKind {
    /// Which kind this is.
    pub fn kind(&self) -> Kind {
        match self {
            ExerciseKind::Writing { .. } => Kind::Writing,
            ExerciseKind::ShortAnswer { .. } => Kind::ShortAnswer,
            ExerciseKind::List { .. } => Kind::List,
            ExerciseKind::Rating { .. } => Kind::Rating,
            ExerciseKind::Checklist { .. } => Kind::Checklist,
            ExerciseKind::Choice { .. } => Kind::Choice,
            ExerciseKind::Worksheet { .. } => Kind::Worksheet,
            ExerciseKind::Diary { .. } => Kind::Diary,
            ExerciseKind::Plan { .. } => Kind::Plan,
            ExerciseKind::Questionnaire { .. } => Kind::Questionnaire,
        }
    }

    /// The kind's name as authors write it.
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// The id of the earlier exercise this one repeats, for the kinds that can.
    pub fn repeats(&self) -> Option<&str> {
        match self {
            ExerciseKind::Rating { repeats, .. }
            | ExerciseKind::Choice { repeats, .. }
            | ExerciseKind::Questionnaire { repeats, .. } => repeats.as_deref(),
            _ => None,
        }
    }
}

/// A rating scale: whole numbers from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    /// Lowest point.
    pub min: i32,
    /// Highest point.
    pub max: i32,
}

/// A label for one point of a scale, such as "10 = as strong as it gets".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The point.
    pub value: i32,
    /// What it means.
    pub label: String,
}

/// One worksheet column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Stable id, written by the author (`- Label {#id}: type`) or derived from the label.
    pub id: String,
    /// The heading.
    pub label: String,
    /// What goes in it.
    #[serde(rename = "type")]
    pub column_type: ColumnType,
}

/// What a worksheet column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "is", rename_all = "kebab-case")]
pub enum ColumnType {
    /// Free text.
    Text,
    /// A rating on a scale.
    Rating {
        /// The scale.
        scale: Scale,
    },
    /// A number.
    Number,
    /// An amount of money, in the curriculum's currency.
    Money,
    /// A date.
    Date,
}

impl ColumnType {
    /// Whether the column holds an amount that totals add up.
    pub fn is_amount(self) -> bool {
        matches!(self, ColumnType::Number | ColumnType::Money)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An exercise of each kind, with empty settings. The match is exhaustive, so a new kind
    /// must be added here too.
    fn example(kind: Kind) -> ExerciseKind {
        let scale = Scale { min: 0, max: 10 };
        match kind {
            Kind::Writing => ExerciseKind::Writing {
                min_words: None,
                target_words: None,
            },
            Kind::ShortAnswer => ExerciseKind::ShortAnswer { max_words: None },
            Kind::List => ExerciseKind::List { count: 1 },
            Kind::Rating => ExerciseKind::Rating {
                scale,
                anchors: Vec::new(),
                items: Vec::new(),
                repeats: None,
            },
            Kind::Checklist => ExerciseKind::Checklist {
                options: Vec::new(),
                other: false,
            },
            Kind::Choice => ExerciseKind::Choice {
                options: Vec::new(),
                other: false,
                repeats: None,
            },
            Kind::Worksheet => ExerciseKind::Worksheet {
                columns: Vec::new(),
                min_rows: 1,
                totals: Totals::default(),
            },
            Kind::Diary => ExerciseKind::Diary {
                min_entries: 1,
                whole_course: false,
            },
            Kind::Plan => ExerciseKind::Plan {
                sections: Vec::new(),
            },
            Kind::Questionnaire => ExerciseKind::Questionnaire {
                responses: Vec::new(),
                items: Vec::new(),
                reverse: Vec::new(),
                show_total: false,
                bands: Vec::new(),
                repeats: None,
            },
        }
    }

    #[test]
    fn the_list_of_kinds_has_every_kind_once_and_names_round_trip() {
        for (n, &kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(Kind::ALL.iter().position(|&k| k == kind), Some(n));
            assert_eq!(Kind::NAMES[n], kind.name());
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
            assert_eq!(example(kind).kind(), kind);
            assert!(!kind.summary().is_empty());
            // The model's JSON (`workbook dump`) names the kind as authors write it.
            let json = serde_json::to_value(example(kind)).expect("serialises");
            assert_eq!(json["kind"], kind.name());
        }
        assert_eq!(Kind::NAMES.len(), Kind::ALL.len());
        assert_eq!(Kind::from_name("Writing"), None);
        assert_eq!(Kind::from_name("essay"), None);
    }
}
