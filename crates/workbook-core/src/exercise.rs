//! Exercises: the fields of a `::: exercise` block read into a typed [`Exercise`].
//!
//! Reading happens in two steps. [`read`] takes the fields (it needs nothing from other files),
//! so that ids and kinds of the whole curriculum are known before [`finish`] converts the
//! markdown, whose links may point at any exercise, and checks what depends on other exercises.

use crate::diagnostic::{Code, Help, Reporter};
use crate::fences::FencedBlock;
use crate::fields::{FieldReader, Spanned, parse_fields};
use crate::front_matter::parse_minutes;
use crate::items::{self, derive_id, split_id};
use crate::markdown::{self, Block, LinkIndex};
use crate::model::{
    Anchor, Band, Column, ColumnType, Condition, Exercise, ExerciseKind, Item, Kind, Response,
    Scale, Test, Totals,
};
use crate::source::Span;
use crate::suggest;
use crate::{kind_guess, prompt_checks};

/// Fields every exercise may have.
pub const COMMON_FIELDS: &[&str] = &[
    "id",
    "kind",
    "title",
    "time",
    "sensitive",
    "content-note",
    "guidance",
    "grounding",
    "wind-down",
    "show-if",
];

/// The column types of a worksheet.
pub const COLUMN_TYPES: &[&str] = &["text", "rating", "number", "money", "date"];

/// The scale a rating uses when it names none.
pub const DEFAULT_SCALE: Scale = Scale { min: 0, max: 10 };

/// The sections a plan has when it names none: `(id, label)`.
pub const DEFAULT_PLAN_SECTIONS: &[(&str, &str)] = &[
    ("goals", "Goals"),
    ("steps", "Steps"),
    ("obstacles", "Obstacles"),
    ("support", "Support"),
];

/// An exercise's fields, read but not yet checked against the rest of the curriculum.
pub(crate) struct Draft<'a> {
    pub id: Option<Spanned<'a>>,
    pub title: String,
    pub kind: Option<ExerciseKind>,
    pub repeats: Option<Spanned<'a>>,
    pub minutes: Option<u32>,
    pub sensitive: bool,
    pub content_note: Option<Spanned<'a>>,
    pub guidance: Option<Spanned<'a>>,
    pub grounding: Option<Spanned<'a>>,
    pub wind_down: Option<Spanned<'a>>,
    /// The condition, as read, with where it is written.
    pub show_if: Option<(Condition, Span)>,
    /// Lists whose ids were derived from their labels (for curricula that are in use).
    #[cfg_attr(
        not(feature = "lints"),
        expect(dead_code, reason = "read only by the `lints` feature's advice")
    )]
    pub derived_ids: Vec<Span>,
    pub body: Span,
    pub opener: Span,
}

/// Whether `id` is lowercase letters and digits in hyphen-separated words, at most 64 long.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A suggested id for an invalid one: lowercased, with runs of other characters as hyphens.
pub(crate) fn suggest_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len().min(64));
    let keep = |c: char, out: &mut String| {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    };
    for c in id.chars() {
        if c.is_ascii() {
            keep(c.to_ascii_lowercase(), &mut out);
        } else {
            // A few letters lowercase to ASCII (the Kelvin sign to `k`).
            c.to_lowercase().for_each(|c| keep(c, &mut out));
        }
    }
    // Only ASCII is kept, so 64 characters are 64 bytes.
    let end = out.trim_end_matches('-').len().min(64);
    out.truncate(end);
    out
}

/// Reads the fields of an exercise block.
pub(crate) fn read<'a>(reporter: &mut Reporter<'a, '_>, block: &FencedBlock) -> Draft<'a> {
    let fields = parse_fields(reporter, block.fields.clone());
    let mut fields = FieldReader::new(fields, block.opener.clone());

    let id = fields.required_text(reporter, "id", "my-exercise");
    if let Some(id) = &id
        && !is_valid_id(&id.text)
    {
        reporter
            .error(
                Code::InvalidId,
                id.span.clone(),
                format!("`{}` is not a valid id", id.text),
            )
            .help(format!(
                "use lowercase letters, digits and single hyphens, such as `{}`",
                suggest_id(&id.text)
            ));
    }
    let title = fields
        .required_text(reporter, "title", "A short title")
        .map(|title| title.text.into_owned())
        .unwrap_or_default();
    if !fields.has("time") {
        reporter
            .warning(
                Code::MissingField,
                block.opener.clone(),
                "the exercise does not say how long it takes",
            )
            .help("add a line such as `time: 15 minutes`, so people can plan their week");
    }
    let minutes = fields.text(reporter, "time").and_then(|time| {
        let minutes = parse_minutes(&time.text);
        if minutes.is_none() {
            reporter
                .error(
                    Code::InvalidValue,
                    time.span,
                    format!("`{}` is not a time the workbook understands", time.text),
                )
                .help("write it like `15 minutes`, `1 hour` or `1 hour 30 minutes`");
        }
        minutes
    });
    let sensitive = fields.yes_no(reporter, "sensitive");
    let content_note = fields.text(reporter, "content-note");
    #[cfg(feature = "lints")]
    crate::lints::content_note_needs_sensitive(reporter, sensitive, content_note.as_ref());
    let sensitive = sensitive.unwrap_or(false);
    let guidance = fields.text(reporter, "guidance");
    let grounding = fields.text(reporter, "grounding");
    let wind_down = fields.text(reporter, "wind-down");

    let show_if = fields
        .text(reporter, "show-if")
        .and_then(|text| parse_condition(reporter, &text).map(|c| (c, text.span.clone())));

    let kind_example = if fields.has("kind") {
        Kind::Writing.name()
    } else {
        kind_guess::example(&fields.names())
    };
    let kind_name = fields.required_text(reporter, "kind", kind_example);
    let mut repeats = None;
    let mut derived_ids = Vec::new();
    let this_kind = kind_name.as_ref().and_then(|name| {
        let kind = Kind::from_name(&name.text);
        if kind.is_none() {
            reporter
                .error(
                    Code::UnknownKind,
                    name.span.clone(),
                    format!("unknown exercise kind `{}`", name.text),
                )
                .help(kind_guess::help(&name.text, &fields.names()));
        }
        kind
    });
    let kind = this_kind
        .map(|kind| read_kind(reporter, &mut fields, kind, &mut repeats, &mut derived_ids));

    let mut known: Vec<&str> = COMMON_FIELDS.to_vec();
    match this_kind {
        Some(kind) => known.extend(kind.fields()),
        // With the kind unknown or missing (reported), no kind's fields are reported as well:
        // one mistake, one error.
        None => known.extend(Kind::ALL.iter().flat_map(|kind| kind.fields())),
    }
    let elsewhere = |name: &str| -> Option<String> {
        let this_kind = this_kind?;
        let owners: Vec<&str> = Kind::ALL
            .iter()
            .filter(|kind| kind.fields().contains(&name))
            .map(|kind| kind.name())
            .collect();
        (!owners.is_empty()).then(|| {
            format!(
                "belongs to {} exercises, not to `{this_kind}` ones",
                suggest::quoted_list(&owners)
            )
        })
    };
    fields.finish(reporter, &known, &elsewhere);
    prompt_checks::fields_in_prompt(reporter, &block.field_like, &known);

    Draft {
        id,
        title,
        kind,
        repeats,
        minutes,
        sensitive,
        content_note,
        guidance,
        grounding,
        wind_down,
        show_if,
        derived_ids,
        body: block.body.clone(),
        opener: block.opener.clone(),
    }
}

fn read_kind<'a>(
    reporter: &mut Reporter<'a, '_>,
    fields: &mut FieldReader<'a>,
    kind: Kind,
    repeats: &mut Option<Spanned<'a>>,
    derived_ids: &mut Vec<Span>,
) -> ExerciseKind {
    match kind {
        Kind::Writing => ExerciseKind::Writing {
            min_words: fields.number(reporter, "min-words", (1, 20_000), 150),
            target_words: fields.number(reporter, "target-words", (1, 20_000), 300),
        },
        Kind::ShortAnswer => ExerciseKind::ShortAnswer {
            max_words: fields.number(reporter, "max-words", (1, 1_000), 50),
        },
        Kind::List => ExerciseKind::List {
            count: fields.number(reporter, "count", (1, 50), 5).unwrap_or(3),
        },
        Kind::Rating => {
            let scale = match fields.text(reporter, "range") {
                Some(range) => parse_scale(reporter, &range).unwrap_or(DEFAULT_SCALE),
                None => DEFAULT_SCALE,
            };
            let anchors = fields
                .list("anchors")
                .map(|(_, items)| parse_anchors(reporter, &items, scale))
                .unwrap_or_default();
            let items = fields
                .list("items")
                .map(|list| labelled(reporter, list, "items", 1, derived_ids))
                .unwrap_or_default();
            *repeats = fields.text(reporter, "repeats");
            ExerciseKind::Rating {
                scale,
                anchors,
                items,
                repeats: repeats.as_ref().map(|r| r.text.to_string()),
            }
        }
        Kind::Checklist | Kind::Choice => {
            let options = match fields.list("options") {
                Some(list) => labelled(reporter, list, "options", 2, derived_ids),
                None => {
                    reporter
                        .error(
                            Code::MissingField,
                            fields.anchor.clone(),
                            format!("a {kind} needs `options`"),
                        )
                        .help("add `options:` with one `- option` line for each choice below it");
                    Vec::new()
                }
            };
            let other = fields.flag(reporter, "other");
            if kind == Kind::Checklist {
                ExerciseKind::Checklist { options, other }
            } else {
                *repeats = fields.text(reporter, "repeats");
                ExerciseKind::Choice {
                    options,
                    other,
                    repeats: repeats.as_ref().map(|r| r.text.to_string()),
                }
            }
        }
        Kind::Worksheet => {
            let columns = match fields.list("columns") {
                Some((name_span, entries)) => {
                    let (columns, derived) = parse_columns(reporter, name_span, &entries);
                    derived_ids.extend(derived);
                    columns
                }
                None => {
                    reporter
                        .error(
                            Code::MissingField,
                            fields.anchor.clone(),
                            "a worksheet needs `columns`",
                        )
                        .help("add `columns:` with lines such as `- What happened: text` below it");
                    Vec::new()
                }
            };
            let totals = fields
                .text(reporter, "totals")
                .map(|text| parse_totals(reporter, &text, &columns))
                .unwrap_or_default();
            ExerciseKind::Worksheet {
                columns,
                min_rows: fields.number(reporter, "min-rows", (0, 50), 3).unwrap_or(1),
                totals,
            }
        }
        Kind::Diary => ExerciseKind::Diary {
            min_entries: fields
                .number(reporter, "min-entries", (0, 50), 3)
                .unwrap_or(1),
            whole_course: fields.flag(reporter, "whole-course"),
        },
        Kind::Plan => ExerciseKind::Plan {
            sections: match fields.list("sections") {
                Some(list) => labelled(reporter, list, "sections", 1, derived_ids),
                None => DEFAULT_PLAN_SECTIONS
                    .iter()
                    .map(|(id, label)| Item {
                        id: id.to_string(),
                        label: label.to_string(),
                    })
                    .collect(),
            },
        },
        Kind::Questionnaire => {
            let anchor = fields.anchor.clone();
            let responses = match fields.list("responses") {
                Some((name_span, entries)) => {
                    let (responses, derived) = parse_responses(reporter, name_span, &entries);
                    derived_ids.extend(derived);
                    responses
                }
                None => {
                    reporter
                        .error(
                            Code::MissingField,
                            anchor.clone(),
                            "a questionnaire needs `responses`",
                        )
                        .help("add `responses:` with lines such as `- Often = 2` below it: each response and its score");
                    Vec::new()
                }
            };
            let items = match fields.list("items") {
                Some(list) => labelled(reporter, list, "items", 1, derived_ids),
                None => {
                    reporter
                        .error(Code::MissingField, anchor, "a questionnaire needs `items`")
                        .help("add `items:` with one `- statement {#id}` line for each statement below it");
                    Vec::new()
                }
            };
            let reverse = fields
                .list("reverse")
                .map(|(_, entries)| parse_reverse(reporter, &entries, &items))
                .unwrap_or_default();
            let show_total = fields.flag(reporter, "show-total");
            // Bands are checked against the totals the responses and items allow: only once
            // those are usable, so that one mistake does not bring a run of others.
            let bands = fields
                .list("bands")
                .filter(|_| responses.len() >= 2 && !items.is_empty())
                .map(|(name_span, entries)| {
                    parse_bands(reporter, name_span, &entries, &responses, items.len())
                })
                .unwrap_or_default();
            *repeats = fields.text(reporter, "repeats");
            ExerciseKind::Questionnaire {
                responses,
                items,
                reverse,
                show_total,
                bands,
                repeats: repeats.as_ref().map(|r| r.text.to_string()),
            }
        }
    }
}

/// A list of labelled entries, remembering where its ids were derived from the labels.
fn labelled<'a>(
    reporter: &mut Reporter<'a, '_>,
    (name_span, entries): (Span, Vec<Spanned<'a>>),
    what: &str,
    min: usize,
    derived_ids: &mut Vec<Span>,
) -> Vec<Item> {
    let list = items::item_list(reporter, name_span, entries, what, min);
    derived_ids.extend(list.derived);
    list.items
}

/// `Often = 2` or `Often {#often} = 2`: a response and its score.
fn parse_responses(
    reporter: &mut Reporter<'_, '_>,
    name_span: Span,
    entries: &[Spanned<'_>],
) -> (Vec<Response>, Option<Span>) {
    let mut responses: Vec<Response> = Vec::new();
    let mut derived = None;
    for (position, entry) in entries.iter().enumerate() {
        let Some((left, score)) = entry.text.rsplit_once('=') else {
            reporter
                .error(
                    Code::InvalidValue,
                    entry.span.clone(),
                    format!("the response `{}` has no score", entry.text),
                )
                .help(format!(
                    "add its score after `=`, such as `- {} = 1`",
                    entry.text.trim()
                ));
            continue;
        };
        let Ok(score) = score.trim().parse::<i32>() else {
            reporter
                .error(
                    Code::InvalidValue,
                    entry.span.clone(),
                    format!("`{}` is not a whole-number score", score.trim()),
                )
                .help("write the score as a whole number after `=`, such as `- Often = 2`");
            continue;
        };
        let left_span = entry.span.start..entry.span.start + left.len();
        let (label, written) = split_id(reporter, left, &left_span);
        if label.is_empty() {
            reporter
                .error(
                    Code::InvalidValue,
                    entry.span.clone(),
                    "a response needs words before its score",
                )
                .help("write it as `- Often = 2`");
            continue;
        }
        let id = written.unwrap_or_else(|| {
            derived = Some(name_span.clone());
            derive_id(&label, position)
        });
        if responses
            .iter()
            .any(|r| r.id == id || r.label.eq_ignore_ascii_case(&label))
        {
            reporter
                .error(
                    Code::DuplicateOption,
                    entry.span.clone(),
                    format!("the response `{label}` is listed twice"),
                )
                .help("give each response its own words and id");
            continue;
        }
        responses.push(Response { id, label, score });
    }
    if responses.len() < 2 {
        reporter
            .error(
                Code::InvalidValue,
                name_span,
                format!("`responses` needs at least 2, but has {}", responses.len()),
            )
            .help("list the responses below `responses:`, one `- Response = score` line each");
    }
    (responses, derived)
}

/// The ids of the items scored in reverse: a list, or ids separated by commas.
fn parse_reverse(
    reporter: &mut Reporter<'_, '_>,
    entries: &[Spanned<'_>],
    items: &[Item],
) -> Vec<String> {
    let mut reverse = Vec::new();
    for entry in entries {
        for id in entry
            .text
            .split(',')
            .map(str::trim)
            .filter(|id| !id.is_empty())
        {
            if items.iter().any(|item| item.id == id) {
                reverse.push(id.to_string());
            } else {
                let ids: Vec<&str> = items.iter().map(|item| item.id.as_str()).collect();
                reporter
                    .error(
                        Code::BadCondition,
                        entry.span.clone(),
                        format!("there is no item `{id}` to score in reverse"),
                    )
                    .help(crate::suggest::help_for(id, &ids, "item ids"));
            }
        }
    }
    reverse
}

/// `0-4: Little sign of harm`: a range of the total and what it means. The bands must lie within
/// the totals a participant can reach, and not overlap; a total no band covers is warned about.
fn parse_bands(
    reporter: &mut Reporter<'_, '_>,
    name_span: Span,
    entries: &[Spanned<'_>],
    responses: &[Response],
    item_count: usize,
) -> Vec<Band> {
    let count = i32::try_from(item_count).unwrap_or(i32::MAX);
    let lowest = responses
        .iter()
        .map(|r| r.score)
        .min()
        .unwrap_or(0)
        .saturating_mul(count);
    let highest = responses
        .iter()
        .map(|r| r.score)
        .max()
        .unwrap_or(0)
        .saturating_mul(count);
    let mut bands: Vec<Band> = Vec::new();
    for entry in entries {
        let parsed = entry
            .text
            .split_once(':')
            .and_then(|(range, label)| Some((scale_from_text(range)?, label.trim())));
        let Some((range, label)) =
            parsed.filter(|(range, label)| range.min <= range.max && !label.is_empty())
        else {
            reporter
                .error(
                    Code::InvalidValue,
                    entry.span.clone(),
                    format!("`{}` is not a band", entry.text),
                )
                .help("write the lowest and highest total, then what it means, such as `- 0-4: Little sign of harm`");
            continue;
        };
        if range.min < lowest || range.max > highest {
            reporter
                .error(
                    Code::BadRange,
                    entry.span.clone(),
                    format!(
                        "the band {} to {} goes outside the totals a participant can reach, {lowest} to {highest}",
                        range.min, range.max
                    ),
                )
                .help("keep every band within the lowest and highest possible total");
            continue;
        }
        if let Some(other) = bands
            .iter()
            .find(|b| range.min <= b.max && b.min <= range.max)
        {
            reporter
                .error(
                    Code::BadRange,
                    entry.span.clone(),
                    format!(
                        "the band {} to {} overlaps the band {} to {}",
                        range.min, range.max, other.min, other.max
                    ),
                )
                .help("make each total belong to one band only");
            continue;
        }
        bands.push(Band {
            min: range.min,
            max: range.max,
            label: label.to_string(),
        });
    }
    crate::insertion_sort_by(&mut bands, |a, b| a.min < b.min);
    if !bands.is_empty() {
        let mut expected = lowest;
        let mut gaps = Vec::new();
        for band in &bands {
            if band.min > expected {
                gaps.push((expected, band.min - 1));
            }
            expected = band.max.saturating_add(1);
        }
        if expected <= highest {
            gaps.push((expected, highest));
        }
        for (from, to) in gaps {
            reporter
                .warning(
                    Code::BadRange,
                    name_span.clone(),
                    format!("no band says what a total of {from} to {to} means"),
                )
                .help("add a band for those totals, so every total has words");
        }
    }
    bands
}

/// `entries`, `columns` or `entries and columns`: which totals a worksheet shows.
fn parse_totals(reporter: &mut Reporter<'_, '_>, text: &Spanned<'_>, columns: &[Column]) -> Totals {
    let mut totals = Totals::default();
    for word in text
        .text
        .split([',', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty() && *w != "and")
    {
        match word {
            "entries" => totals.entries = true,
            "columns" => totals.columns = true,
            other => {
                reporter
                    .error(
                        Code::InvalidValue,
                        text.span.clone(),
                        format!("`{other}` is not a kind of total"),
                    )
                    .help("write `totals: entries` (a total for each entry), `totals: columns` (a total for each column), or `totals: entries and columns`");
            }
        }
    }
    if (totals.entries || totals.columns) && !columns.iter().any(|c| c.column_type.is_amount()) {
        reporter
            .error(
                Code::InvalidValue,
                text.span.clone(),
                "this worksheet has no number or money column to total",
            )
            .help("give a column the type `number` or `money`, or delete `totals`");
    }
    totals
}

/// `show-if:` conditions: `<exercise> is <option>`, `<exercise> includes <option>`,
/// `<exercise> at least <n>` and `<exercise> <statement> at least <n>`. Whether the exercise and
/// its option exist, and whether the condition can be met, is checked across the curriculum.
fn parse_condition(reporter: &mut Reporter<'_, '_>, text: &Spanned<'_>) -> Option<Condition> {
    let words: Vec<&str> = text.text.split_whitespace().collect();
    let condition = match words.as_slice() {
        [exercise, "is", option] => Some(Condition {
            exercise: exercise.to_string(),
            test: Test::Is {
                option: option.to_string(),
            },
        }),
        [exercise, "includes", option] => Some(Condition {
            exercise: exercise.to_string(),
            test: Test::Includes {
                option: option.to_string(),
            },
        }),
        [exercise, "at", "least", value] => value.parse().ok().map(|value| Condition {
            exercise: exercise.to_string(),
            test: Test::AtLeast { item: None, value },
        }),
        [exercise, item, "at", "least", value] => value.parse().ok().map(|value| Condition {
            exercise: exercise.to_string(),
            test: Test::AtLeast {
                item: Some(item.to_string()),
                value,
            },
        }),
        _ => None,
    };
    if condition.is_none() {
        reporter
            .error(
                Code::BadCondition,
                text.span.clone(),
                format!("`{}` is not a condition the workbook understands", text.text),
            )
            .help("write `show-if: <exercise id> is <option id>` for a choice, `<exercise id> includes <option id>` for a checklist, or `<exercise id> at least <number>` for a rating or a questionnaire's total (`<exercise id> <statement id> at least <number>` for one statement of a rating)");
    }
    condition
}

/// `0-10`, `1 to 3` or `1–5` (with an en dash).
fn parse_scale(reporter: &mut Reporter<'_, '_>, range: &Spanned<'_>) -> Option<Scale> {
    let scale = scale_from_text(&range.text);
    match scale {
        Some(scale) if scale.min < scale.max && scale.max - scale.min <= 100 => Some(scale),
        _ => {
            reporter
                .error(Code::BadRange, range.span.clone(), format!("`{}` is not a range the workbook can show", range.text))
                .help("write the lowest and highest whole numbers, lowest first and at most 100 apart, such as `0-10` or `1 to 3`");
            None
        }
    }
}

fn scale_from_text(text: &str) -> Option<Scale> {
    let text = text.trim();
    let (min, max) = if let Some((min, max)) = text.split_once(" to ") {
        (min, max)
    } else {
        // Skip a leading minus so that `-5-5` splits in the middle.
        let from = usize::from(text.starts_with('-'));
        let dash = text[from..].find(['-', '–'])? + from;
        let dash_len = text[dash..].chars().next()?.len_utf8();
        (&text[..dash], &text[dash + dash_len..])
    };
    Some(Scale {
        min: min.trim().parse().ok()?,
        max: max.trim().parse().ok()?,
    })
}

/// `0: Not at all` or `0 = Not at all`.
fn parse_anchors(
    reporter: &mut Reporter<'_, '_>,
    items: &[Spanned<'_>],
    scale: Scale,
) -> Vec<Anchor> {
    let mut anchors: Vec<Anchor> = Vec::new();
    for item in items {
        let parsed = item
            .text
            .split_once([':', '='])
            .and_then(|(value, label)| Some((value.trim().parse::<i32>().ok()?, label.trim())));
        match parsed {
            Some((value, label)) if !label.is_empty() => {
                if value < scale.min || value > scale.max {
                    reporter
                        .error(
                            Code::AnchorOutOfRange,
                            item.span.clone(),
                            format!(
                                "{value} is outside the range {} to {}",
                                scale.min, scale.max
                            ),
                        )
                        .help("label a point inside the range, or change `range`");
                } else if anchors.iter().any(|anchor| anchor.value == value) {
                    reporter
                        .error(
                            Code::DuplicateOption,
                            item.span.clone(),
                            format!("{value} is labelled twice"),
                        )
                        .help("delete one of the labels");
                } else {
                    anchors.push(Anchor {
                        value,
                        label: label.to_string(),
                    });
                }
            }
            _ => {
                reporter
                    .error(
                        Code::InvalidValue,
                        item.span.clone(),
                        format!("`{}` is not an anchor", item.text),
                    )
                    .help("write a point of the scale and its label, such as `- 0: Not at all`");
            }
        }
    }
    crate::insertion_sort_by(&mut anchors, |a, b| a.value < b.value);
    anchors
}

/// `- Label: text`, `- Label {#id}: money`, `- Label: rating 1-5`, `- Label: number`,
/// `- Label: date`. The type is after the last colon, so a label may contain colons. Returns
/// the columns, and where the list is when an id was derived from a label.
fn parse_columns(
    reporter: &mut Reporter<'_, '_>,
    name_span: Span,
    items: &[Spanned<'_>],
) -> (Vec<Column>, Option<Span>) {
    let mut columns: Vec<Column> = Vec::new();
    let mut derived = None;
    for (position, item) in items.iter().enumerate() {
        let Some(colon) = item.text.rfind(':') else {
            reporter
                .error(
                    Code::InvalidValue,
                    item.span.clone(),
                    format!("the column `{}` has no type", item.text),
                )
                .help(format!(
                    "add its type after a colon, such as `- {}: text`; types are {}",
                    item.text,
                    suggest::quoted_list(COLUMN_TYPES)
                ));
            continue;
        };
        let label_span = item.span.start..item.span.start + colon;
        let (label, written) = split_id(reporter, &item.text[..colon], &label_span);
        let spec = item.text[colon + 1..].trim();
        let type_span = item.span.start
            + colon
            + 1
            + (item.text[colon + 1..].len() - item.text[colon + 1..].trim_start().len());
        let type_span = type_span..type_span + spec.len();
        let (type_name, rest) = spec.split_once(' ').unwrap_or((spec, ""));
        let column_type = match type_name {
            "text" | "number" | "money" | "date" if !rest.trim().is_empty() => {
                reporter
                    .error(
                        Code::InvalidValue,
                        type_span,
                        format!("a `{type_name}` column takes nothing after its type"),
                    )
                    .help(format!("write `- {label}: {type_name}`"));
                continue;
            }
            "text" => ColumnType::Text,
            "number" => ColumnType::Number,
            "money" => ColumnType::Money,
            "date" => ColumnType::Date,
            "rating" => {
                let scale = if rest.trim().is_empty() {
                    DEFAULT_SCALE
                } else {
                    let range = Spanned {
                        text: rest.trim().into(),
                        span: type_span.end - rest.trim().len()..type_span.end,
                    };
                    match parse_scale(reporter, &range) {
                        Some(scale) => scale,
                        None => continue,
                    }
                };
                ColumnType::Rating { scale }
            }
            other => {
                reporter
                    .error(
                        Code::InvalidValue,
                        type_span,
                        format!("unknown column type `{other}`"),
                    )
                    .help(suggest::help_for(other, COLUMN_TYPES, "column types"));
                continue;
            }
        };
        if label.is_empty() {
            reporter
                .error(
                    Code::InvalidValue,
                    item.span.clone(),
                    "a column needs a label before its type",
                )
                .help("write it as `- What happened: text`");
            continue;
        }
        if columns
            .iter()
            .any(|column| column.label.eq_ignore_ascii_case(&label))
        {
            reporter
                .error(
                    Code::DuplicateOption,
                    item.span.clone(),
                    format!("the column `{label}` is listed twice"),
                )
                .help("give each column its own label");
            continue;
        }
        let id = match written {
            Some(id) => id,
            None => {
                derived = Some(name_span.clone());
                derive_id(&label, position)
            }
        };
        if let Some(existing) = columns.iter().find(|column| column.id == id) {
            reporter
                .error(
                    Code::DuplicateOption,
                    item.span.clone(),
                    format!(
                        "the column `{label}` has the id `{id}`, which `{}` has already",
                        existing.label
                    ),
                )
                .help(format!(
                    "give it an id of its own, such as `- {label} {{#{id}-2}}: {type_name}`"
                ));
            continue;
        }
        columns.push(Column {
            id,
            label,
            column_type,
        });
    }
    if columns.is_empty() {
        reporter
            .error(
                Code::InvalidValue,
                name_span,
                "the worksheet has no usable columns",
            )
            .help("list its columns below `columns:`, such as `- What happened: text`");
    }
    (columns, derived)
}

/// Curriculum-wide steps that sensitive exercises fall back on.
pub(crate) struct SensitiveDefaults<'a> {
    pub grounding: &'a [Block],
    pub wind_down: &'a [Block],
}

/// Converts a draft's markdown and checks what needs the whole curriculum. Returns `None` for an
/// exercise that cannot be shown (no usable id or kind); its problems are already reported.
pub(crate) fn finish(
    reporter: &mut Reporter<'_, '_>,
    draft: Draft,
    links: &LinkIndex,
    defaults: &SensitiveDefaults<'_>,
) -> Option<Exercise> {
    let prompt = markdown::blocks(reporter, draft.body.clone(), links);
    if prompt.is_empty() {
        reporter
            .error(
                Code::EmptyPrompt,
                draft.opener.clone(),
                "this exercise has no prompt",
            )
            .help("after the fields, leave a blank line and say what to do and why it matters");
    }
    let inline = |reporter: &mut Reporter<'_, '_>, field: &Option<Spanned<'_>>| {
        field
            .as_ref()
            .map(|value| markdown::inlines(reporter, value.span.clone(), links))
            .unwrap_or_default()
    };
    let own_blocks = |reporter: &mut Reporter<'_, '_>, field: &Option<Spanned<'_>>| {
        field
            .as_ref()
            .map(|value| markdown::blocks(reporter, value.span.clone(), links))
    };
    let content_note = inline(reporter, &draft.content_note);
    let guidance = own_blocks(reporter, &draft.guidance).unwrap_or_default();
    // Only sensitive exercises show the steps, so only they copy the curriculum's.
    let mut grounding = own_blocks(reporter, &draft.grounding).unwrap_or_default();
    let mut wind_down = own_blocks(reporter, &draft.wind_down).unwrap_or_default();
    if draft.sensitive {
        if draft.grounding.is_none() {
            grounding = defaults.grounding.to_vec();
        }
        if draft.wind_down.is_none() {
            wind_down = defaults.wind_down.to_vec();
        }
    }

    if draft.sensitive {
        if content_note.is_empty() {
            reporter
                .error(Code::MissingContentNote, draft.opener.clone(), "this sensitive exercise has no content note")
                .help("add a line such as `content-note: This exercise asks you to think about …`, so people can choose when to start it");
        }
        for (step, blocks, field) in [
            ("grounding", &grounding, "grounding"),
            ("wind-down", &wind_down, "wind-down"),
        ] {
            if blocks.is_empty() {
                reporter
                    .error(Code::MissingGrounding, draft.opener.clone(), format!("this sensitive exercise has no {step} step"))
                    .help(format!("add a `::: {field}` block to curriculum.md for every sensitive exercise, or a `{field}:` line to this one"));
            }
        }
    }

    let id = draft.id.filter(|id| is_valid_id(&id.text))?;
    Some(Exercise {
        id: id.text.into_owned(),
        title: draft.title,
        kind: draft.kind?,
        prompt,
        guidance,
        minutes: draft.minutes,
        sensitive: draft.sensitive,
        content_note,
        grounding: if draft.sensitive {
            grounding
        } else {
            Vec::new()
        },
        wind_down: if draft.sensitive {
            wind_down
        } else {
            Vec::new()
        },
        show_if: draft.show_if.map(|(condition, _)| condition),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("week-1-timeline"));
        assert!(!is_valid_id("Week 1"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert_eq!(suggest_id("My Timeline!"), "my-timeline");
    }

    #[test]
    fn scales() {
        assert_eq!(scale_from_text("0-10"), Some(Scale { min: 0, max: 10 }));
        assert_eq!(scale_from_text("1 to 3"), Some(Scale { min: 1, max: 3 }));
        assert_eq!(scale_from_text("1–5"), Some(Scale { min: 1, max: 5 }));
        assert_eq!(scale_from_text("-5-5"), Some(Scale { min: -5, max: 5 }));
        assert_eq!(scale_from_text("low-high"), None);
    }
}
