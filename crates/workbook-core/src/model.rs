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
}

/// The kinds of exercise and the settings each one has.
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
        items: Vec<String>,
        /// The id of an earlier rating this one repeats, for a before/after comparison.
        repeats: Option<String>,
    },
    /// Tick any number of options.
    Checklist {
        /// The options.
        options: Vec<String>,
        /// Whether to offer "Other" with a text box.
        other: bool,
    },
    /// Pick one option.
    Choice {
        /// The options.
        options: Vec<String>,
        /// Whether to offer "Other" with a text box.
        other: bool,
        /// The id of an earlier choice with the same options that this one asks again, so the
        /// two answers can be shown side by side.
        repeats: Option<String>,
    },
    /// A table with fixed columns and rows the participant adds.
    Worksheet {
        /// The columns.
        columns: Vec<Column>,
        /// Rows to start with (and to aim for).
        min_rows: u32,
    },
    /// Dated entries, added over the week.
    Diary {
        /// Entries to aim for.
        min_entries: u32,
    },
    /// Named sections, each a list the participant fills in.
    Plan {
        /// The section titles, in order.
        sections: Vec<String>,
    },
}

impl ExerciseKind {
    /// The kind's name as authors write it.
    pub fn name(&self) -> &'static str {
        match self {
            ExerciseKind::Writing { .. } => "writing",
            ExerciseKind::ShortAnswer { .. } => "short-answer",
            ExerciseKind::List { .. } => "list",
            ExerciseKind::Rating { .. } => "rating",
            ExerciseKind::Checklist { .. } => "checklist",
            ExerciseKind::Choice { .. } => "choice",
            ExerciseKind::Worksheet { .. } => "worksheet",
            ExerciseKind::Diary { .. } => "diary",
            ExerciseKind::Plan { .. } => "plan",
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
    /// A date.
    Date,
}
