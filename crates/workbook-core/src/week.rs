//! Week modules: one markdown file per week, with front matter, readings and exercises.

use crate::diagnostic::{Code, Help, Reporter};
use crate::exercise::{self, Draft, SensitiveDefaults};
use crate::fences::{self, Segment};
use crate::fields::Spanned;
use crate::front_matter::{self, parse_minutes};
use crate::manifest::MANIFEST_BLOCKS;
use crate::markdown::{self, LinkIndex};
use crate::model::{Section, Week};
use crate::source::Span;
use crate::suggest;

/// A week file's front matter fields.
pub const WEEK_FIELDS: &[&str] = &["week", "title", "summary", "time"];

/// The blocks a week file may hold.
pub const WEEK_BLOCKS: &[&str] = &["exercise"];

/// A piece of a week before its markdown is converted.
pub(crate) enum DraftSection<'a> {
    Reading(Span),
    Exercise(Box<Draft<'a>>),
}

/// A week file, read but with its markdown not yet converted.
pub(crate) struct WeekDraft<'a> {
    pub number: Option<Spanned<'a>>,
    pub title: String,
    pub summary: String,
    pub minutes: Option<u32>,
    pub sections: Vec<DraftSection<'a>>,
    /// The first line, for diagnostics about the week as a whole.
    #[cfg_attr(
        not(feature = "lints"),
        expect(dead_code, reason = "read only by the `lints` feature's advice")
    )]
    pub anchor: Span,
}

impl<'a> WeekDraft<'a> {
    /// The week number, if it was given and valid.
    pub fn number(&self) -> Option<u32> {
        self.number.as_ref().and_then(|n| n.text.parse().ok())
    }

    /// The exercises' drafts.
    pub fn exercises(&self) -> impl Iterator<Item = &Draft<'a>> {
        self.sections.iter().filter_map(|section| match section {
            DraftSection::Exercise(draft) => Some(draft.as_ref()),
            DraftSection::Reading(_) => None,
        })
    }
}

pub(crate) fn read<'a>(reporter: &mut Reporter<'a, '_>) -> WeekDraft<'a> {
    let (mut fields, anchor, body) = front_matter::split(reporter, WEEK_FIELDS).reader();
    let number = fields
        .required_text(reporter, "week", "1")
        .filter(|number| {
            let valid = number
                .text
                .parse::<u32>()
                .is_ok_and(|n| (1..=52).contains(&n));
            if !valid {
                reporter
                    .error(
                        Code::InvalidValue,
                        number.span.clone(),
                        format!("`{}` is not a week number", number.text),
                    )
                    .help("write the week's number as digits, such as `week: 3`");
            }
            valid
        });
    let title = fields
        .required_text(reporter, "title", "Starting safely")
        .map(|t| t.text)
        .unwrap_or_default();
    let summary = fields
        .required_text(reporter, "summary", "One line on what this week is about.")
        .map(|s| s.text)
        .unwrap_or_default();
    let minutes = fields
        .required_text(reporter, "time", "45 minutes")
        .and_then(|time| {
            let minutes = parse_minutes(&time.text);
            if minutes.is_none() {
                reporter
                    .error(
                        Code::InvalidValue,
                        time.span,
                        format!("`{}` is not a time the workbook understands", time.text),
                    )
                    .help("write it like `45 minutes` or `1 hour 30 minutes`");
            }
            minutes
        });
    fields.finish(reporter, WEEK_FIELDS, &|_| None);

    let mut sections = Vec::new();
    for segment in fences::split(reporter, body) {
        match segment {
            Segment::Markdown(span) => sections.push(DraftSection::Reading(span)),
            Segment::Fenced(block) => {
                match block.name.as_str() {
                    "exercise" => sections.push(DraftSection::Exercise(Box::new(exercise::read(
                        reporter, &block,
                    )))),
                    name if MANIFEST_BLOCKS.contains(&name) => {
                        reporter
                        .error(Code::MisplacedBlock, block.opener.clone(), format!("`{name}` blocks belong in curriculum.md"))
                        .help("move it into curriculum.md, where it applies to the whole programme");
                    }
                    other => {
                        let mut known = WEEK_BLOCKS.to_vec();
                        known.extend(MANIFEST_BLOCKS);
                        reporter
                            .error(
                                Code::UnknownBlock,
                                block.name_span.clone(),
                                format!("unknown block `{other}`; it is left out"),
                            )
                            .help(suggest::help_for(other, &known, "blocks"));
                    }
                }
            }
        }
    }
    WeekDraft {
        number,
        title: title.into_owned(),
        summary: summary.into_owned(),
        minutes,
        sections,
        anchor,
    }
}

/// Converts a week's markdown, now that every link target is known.
pub(crate) fn finish(
    reporter: &mut Reporter<'_, '_>,
    draft: WeekDraft<'_>,
    links: &LinkIndex,
    defaults: &SensitiveDefaults<'_>,
) -> Week {
    #[cfg(feature = "lints")]
    crate::lints::no_exercises(reporter, &draft);
    let mut week = Week {
        number: draft.number().unwrap_or(0),
        title: draft.title,
        summary: draft.summary,
        minutes: draft.minutes,
        file: reporter.file.path().to_string(),
        content: Vec::new(),
        exercises: Vec::new(),
    };
    for section in draft.sections {
        match section {
            DraftSection::Reading(span) => {
                let blocks = markdown::blocks(reporter, span, links);
                if !blocks.is_empty() {
                    week.content.push(Section::Reading { blocks });
                }
            }
            DraftSection::Exercise(draft) => {
                if let Some(exercise) = exercise::finish(reporter, *draft, links, defaults) {
                    week.content.push(Section::Exercise {
                        id: exercise.id.clone(),
                    });
                    week.exercises.push(exercise);
                }
            }
        }
    }
    week
}
