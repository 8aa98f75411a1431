//! Checks that look across files: file hygiene, week numbering, exercise ids, exercises that
//! repeat earlier ones, and `show-if` conditions. Each is one small function over drafts, so each
//! concern stays readable. (The advice that looks across files, such as a crisis line where there
//! are sensitive exercises, is in `lints`.)

use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::diagnostic::{Code, Diagnostic, Help, Reporter};
use crate::exercise::Draft;
use crate::model::{ExerciseKind, Item, Test};
use crate::source::{SourceFile, Span};
use crate::suggest;
use crate::week::WeekDraft;

/// The largest file the workbook reads, in bytes. A real week is a few tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// At most this many control characters are reported per file, so one bad paste does not bury
/// every other diagnostic.
const MAX_CONTROL_REPORTS: usize = 5;

/// Reports a file that is too large. Returns false if the file should not be parsed.
pub(crate) fn size_ok(file: &SourceFile, out: &mut Vec<Diagnostic>) -> bool {
    if file.text().len() <= MAX_FILE_BYTES {
        return true;
    }
    Reporter::new(file, out)
        .error(
            Code::FileTooLarge,
            0..0,
            format!(
                "this file is {} KB; the workbook reads files of up to {} KB",
                file.text().len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
        )
        .help("split it into smaller files, or check it is the file you meant to add");
    false
}

/// Reports invisible control characters and the bidirectional overrides that can make text read
/// differently from how it is stored. Tabs and line endings are fine.
pub(crate) fn control_characters(file: &SourceFile, out: &mut Vec<Diagnostic>) {
    let mut reporter = Reporter::new(file, out);
    let text = file.text();
    let mut count = 0;
    // Every character looked for starts with one of these bytes in UTF-8. Most text has none, so
    // look at it a chunk at a time (which the compiler turns into vector instructions) and only
    // look closer at the chunks that might hold one.
    let suspicious = |byte: u8| {
        (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r'))
            || byte == 0x7f
            || byte == 0xc2
            || byte == 0xe2
    };
    const CHUNK: usize = 64;
    let candidates = text
        .as_bytes()
        .chunks(CHUNK)
        .enumerate()
        .filter(|(_, chunk)| chunk.iter().fold(false, |any, &b| any | suspicious(b)))
        .flat_map(|(index, chunk)| {
            chunk
                .iter()
                .enumerate()
                .filter(|(_, b)| suspicious(**b))
                .map(move |(i, _)| index * CHUNK + i)
        });
    for offset in candidates {
        let Some(c) = text[offset..].chars().next() else {
            continue;
        };
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if !(bidi || c.is_control()) {
            continue;
        }
        count += 1;
        if count <= MAX_CONTROL_REPORTS {
            reporter
                .error(
                    Code::ControlCharacter,
                    offset..offset + c.len_utf8(),
                    format!(
                        "an invisible control character (U+{:04X}) is in the text",
                        c as u32
                    ),
                )
                .help("delete it; it often comes from copying text out of another program");
        }
    }
    if count > MAX_CONTROL_REPORTS {
        reporter
            .error(
                Code::ControlCharacter,
                0..0,
                format!(
                    "{} more control characters are in this file",
                    count - MAX_CONTROL_REPORTS
                ),
            )
            .help("re-type or re-paste the text as plain text");
    }
}

/// Week numbers must start at 1, go up in the manifest's order, and skip none.
pub(crate) fn week_numbers(
    weeks: &[(&SourceFile, &WeekDraft<'_>)],
    manifest: &SourceFile,
    weeks_anchor: &Span,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<u32, &SourceFile> = BTreeMap::new();
    let mut highest = 0;
    for (file, draft) in weeks {
        let (Some(number), Some(spanned)) = (draft.number(), &draft.number) else {
            continue;
        };
        let mut reporter = Reporter::new(file, out);
        if let Some(first) = seen.get(&number) {
            reporter
                .error(
                    Code::DuplicateWeek,
                    spanned.span.clone(),
                    format!("week {number} is also `{}`", first.path()),
                )
                .help("give each week file its own number");
            continue;
        }
        if number < highest {
            reporter
                .error(
                    Code::WeekOutOfOrder,
                    spanned.span.clone(),
                    format!("week {number} is listed after week {highest} in curriculum.md"),
                )
                .help("list the week files in curriculum.md in week order, or fix this file's `week:` number");
        }
        highest = highest.max(number);
        seen.insert(number, file);
    }
    if seen.is_empty() {
        return;
    }
    let numbers: Vec<u32> = seen.keys().copied().collect();
    let missing: Vec<String> = (1..=highest)
        .filter(|n| !seen.contains_key(n))
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() {
        let listed = numbers
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        Reporter::new(manifest, out)
            .error(
                Code::MissingWeek,
                weeks_anchor.clone(),
                format!(
                    "there is no week {}: the weeks go {listed}",
                    missing.join(", ")
                ),
            )
            .help("add the missing week's file, or renumber the weeks so they count up from 1");
    }
}

/// An exercise and where it lives.
pub(crate) struct Located<'a> {
    pub file: &'a SourceFile,
    pub week: u32,
    pub draft: &'a Draft<'a>,
}

/// Ids must be unique across the whole curriculum: answers are stored under them.
/// Returns the index of exercise id → week number, first occurrence winning.
pub(crate) fn unique_ids(
    exercises: &[Located<'_>],
    out: &mut Vec<Diagnostic>,
) -> BTreeMap<String, u32> {
    let mut first: BTreeMap<&str, &Located<'_>> = BTreeMap::new();
    for located in exercises {
        let Some(id) = &located.draft.id else {
            continue;
        };
        match first.get(id.text.as_ref()) {
            Some(earlier) => {
                let (line, _) = earlier.file.line_column(earlier.draft.opener.start);
                Reporter::new(located.file, out)
                    .error(Code::DuplicateId, id.span.clone(), format!("the id `{}` is already used", id.text))
                    .help(format!(
                        "it is first used in {} on line {line}; ids must be unique across the whole \
                         curriculum, because each answer is saved under its exercise's id",
                        earlier.file.path()
                    ));
            }
            None => {
                first.insert(&id.text, located);
            }
        }
    }
    let mut out = BTreeMap::new();
    for (id, located) in first {
        out.insert(id.to_string(), located.week);
    }
    out
}

/// An exercise that `repeats` another must come later and ask the same thing the same way: a
/// rating with the same scale and statements (drawn on one chart), a choice with the same
/// options, a questionnaire with the same items and scoring (its totals charted). Statements
/// and options are matched by id, so a label may be reworded; any number of later exercises
/// may repeat one (week 1, week 6, week 12).
pub(crate) fn repeated_exercises(exercises: &[Located<'_>], out: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = exercises
        .iter()
        .filter_map(|e| e.draft.id.as_ref().map(|id| id.text.as_ref()))
        .collect();
    for (position, located) in exercises.iter().enumerate() {
        let Some(repeats) = &located.draft.repeats else {
            continue;
        };
        let Some(kind) = &located.draft.kind else {
            continue;
        };
        let mut reporter = Reporter::new(located.file, out);
        let target = exercises.iter().enumerate().find(|(_, other)| {
            other
                .draft
                .id
                .as_ref()
                .is_some_and(|id| id.text == repeats.text)
        });
        let Some((target_position, target)) = target else {
            let help = match suggest::nearest(&repeats.text, &ids) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "write the id of the earlier {} this one repeats",
                    kind.name()
                ),
            };
            reporter
                .error(
                    Code::BadRepeat,
                    repeats.span.clone(),
                    format!("there is no exercise `{}` to repeat", repeats.text),
                )
                .help(help);
            continue;
        };
        let problem = match (kind, &target.draft.kind) {
            _ if target_position == position => {
                Some(format!("a {} cannot repeat itself", kind.name()))
            }
            _ if target_position > position => Some(format!(
                "`{}` comes later in the course, so it cannot be the \"before\"",
                repeats.text
            )),
            (
                ExerciseKind::Rating { scale, items, .. },
                Some(ExerciseKind::Rating {
                    scale: target_scale,
                    items: target_items,
                    ..
                }),
            ) => {
                if target_scale != scale {
                    Some(format!(
                        "`{}` uses the range {} to {}, and this one {} to {}",
                        repeats.text, target_scale.min, target_scale.max, scale.min, scale.max
                    ))
                } else {
                    different_ids(&repeats.text, "statement", items, target_items)
                }
            }
            (
                ExerciseKind::Choice { options, .. },
                Some(ExerciseKind::Choice {
                    options: target_options,
                    ..
                }),
            ) => different_ids(&repeats.text, "option", options, target_options),
            (
                ExerciseKind::Questionnaire {
                    items, responses, reverse, ..
                },
                Some(ExerciseKind::Questionnaire {
                    items: target_items,
                    responses: target_responses,
                    reverse: target_reverse,
                    ..
                }),
            ) => different_ids(&repeats.text, "item", items, target_items).or_else(|| {
                (responses != target_responses || sorted(reverse) != sorted(target_reverse))
                    .then(|| {
                        format!(
                            "`{}` scores its responses differently, so the totals could not be compared",
                            repeats.text
                        )
                    })
            }),
            (_, Some(other)) => Some(format!(
                "`{}` is a {} exercise, not a {}",
                repeats.text,
                other.name(),
                kind.name()
            )),
            (_, None) => None,
        };
        if let Some(problem) = problem {
            let same = match kind {
                ExerciseKind::Choice { .. } => "the same options (by id)",
                ExerciseKind::Questionnaire { .. } => {
                    "the same items (by id), responses and scores"
                }
                _ => "the same `range` and the same statements (by id)",
            };
            reporter
                .error(Code::BadRepeat, repeats.span.clone(), problem)
                .help(format!(
                    "a repeated {kind} must come after the one it repeats and use {same}, so the two can be compared",
                    kind = kind.name()
                ));
        }
    }
}

/// The ids of two lists, as sorted sets.
fn sorted(ids: &[String]) -> Vec<&str> {
    let mut ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    crate::insertion_sort_by(&mut ids, |a, b| a < b);
    ids
}

/// Says which entry of `ours` has no match in `theirs` (or the other way round), by id.
fn different_ids(earlier: &str, what: &str, ours: &[Item], theirs: &[Item]) -> Option<String> {
    if let Some(extra) = ours.iter().find(|o| !theirs.iter().any(|t| t.id == o.id)) {
        return Some(format!(
            "the {what} `{}` ({{#{}}}) is not in `{earlier}`",
            extra.label, extra.id
        ));
    }
    theirs
        .iter()
        .find(|t| !ours.iter().any(|o| o.id == t.id))
        .map(|missing| {
            format!(
                "`{earlier}` has the {what} `{}` ({{#{}}}), which this one does not",
                missing.label, missing.id
            )
        })
}

/// A `show-if` condition must ask an earlier exercise of the right kind about something it has,
/// and must be able to be met (and not always be).
pub(crate) fn conditions(exercises: &[Located<'_>], out: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = exercises
        .iter()
        .filter_map(|e| e.draft.id.as_ref().map(|id| id.text.as_ref()))
        .collect();
    for (position, located) in exercises.iter().enumerate() {
        let Some((condition, span)) = &located.draft.show_if else {
            continue;
        };
        let mut reporter = Reporter::new(located.file, out);
        let target = exercises.iter().enumerate().find(|(_, other)| {
            other
                .draft
                .id
                .as_ref()
                .is_some_and(|id| id.text == condition.exercise)
        });
        let Some((target_position, target)) = target else {
            reporter
                .error(
                    Code::BadCondition,
                    span.clone(),
                    format!("there is no exercise `{}` to ask", condition.exercise),
                )
                .help(suggest::help_for(&condition.exercise, &ids, "exercise ids"));
            continue;
        };
        if target_position >= position {
            reporter
                .error(
                    Code::BadCondition,
                    span.clone(),
                    format!(
                        "`{}` does not come before this exercise, so its answer cannot decide",
                        condition.exercise
                    ),
                )
                .help("a condition asks an exercise that comes earlier in the course");
            continue;
        }
        let Some(kind) = &target.draft.kind else {
            continue;
        };
        if let Some((severity, problem, help)) =
            condition_problem(&condition.exercise, &condition.test, kind)
        {
            let diagnostic = match severity {
                Severity::Error => reporter.error(Code::BadCondition, span.clone(), problem),
                Severity::Warning => reporter.warning(Code::BadCondition, span.clone(), problem),
            };
            diagnostic.help(help);
        }
    }
}

/// What is wrong with asking `kind` (the exercise `exercise`) `test`, if anything.
fn condition_problem(
    exercise: &str,
    test: &Test,
    kind: &ExerciseKind,
) -> Option<(Severity, String, String)> {
    let missing = |what: &str, id: &str, items: &[Item], other: bool| {
        let known = items.iter().any(|i| i.id == id) || (other && id == "other");
        (!known).then(|| {
            (
                Severity::Error,
                format!("`{exercise}` has no {what} `{id}`, so this can never be met"),
                suggest::help_for(id, &ids(items), &format!("{what} ids")),
            )
        })
    };
    let wrong_kind = |wanted: &str| {
        Some((
            Severity::Error,
            format!("`{exercise}` is a {} exercise: `{}` asks {wanted}", kind.name(), test_word(test)),
            "use `is` for a choice, `includes` for a checklist, and `at least` for a rating or a questionnaire".to_string(),
        ))
    };
    match (test, kind) {
        (Test::Is { option }, ExerciseKind::Choice { options, other, .. }) => {
            missing("option", option, options, *other)
        }
        (Test::Includes { option }, ExerciseKind::Checklist { options, other }) => {
            missing("option", option, options, *other)
        }
        (Test::Is { .. }, _) => wrong_kind("a choice"),
        (Test::Includes { .. }, _) => wrong_kind("a checklist"),
        (Test::AtLeast { item, value }, ExerciseKind::Rating { scale, items, .. }) => {
            match (item, items.is_empty()) {
                (None, false) => Some((
                    Severity::Error,
                    format!("`{exercise}` rates several statements: say which one"),
                    format!("write `{exercise} <statement id> at least {value}`"),
                )),
                (Some(item), _) if !items.iter().any(|i| &i.id == item) => Some((
                    Severity::Error,
                    format!("`{exercise}` has no statement `{item}`, so this can never be met"),
                    suggest::help_for(item, &ids(items), "statement ids"),
                )),
                _ => reach(*value, scale.min, scale.max),
            }
        }
        (
            Test::AtLeast { item: None, value },
            ExerciseKind::Questionnaire {
                responses, items, ..
            },
        ) => {
            let count = i32::try_from(items.len()).unwrap_or(i32::MAX);
            let low = responses
                .iter()
                .map(|r| r.score)
                .min()
                .unwrap_or(0)
                .saturating_mul(count);
            let high = responses
                .iter()
                .map(|r| r.score)
                .max()
                .unwrap_or(0)
                .saturating_mul(count);
            reach(*value, low, high)
        }
        (Test::AtLeast { item: Some(_), .. }, ExerciseKind::Questionnaire { .. }) => Some((
            Severity::Error,
            format!("a condition on `{exercise}` asks its total, not one item"),
            format!("write `{exercise} at least <total>`"),
        )),
        (Test::AtLeast { .. }, _) => wrong_kind("a rating or a questionnaire"),
    }
}

/// Whether `at least value` can be met on a scale from `low` to `high`, and is not always met.
fn reach(value: i32, low: i32, high: i32) -> Option<(Severity, String, String)> {
    if value > high {
        Some((
            Severity::Error,
            format!("the answer can be at most {high}, so `at least {value}` can never be met"),
            format!("use a value from {low} to {high}"),
        ))
    } else if value <= low {
        Some((
            Severity::Warning,
            format!("every answer is at least {low}, so `at least {value}` is always met"),
            "use a value above the lowest, or delete `show-if`".to_string(),
        ))
    } else {
        None
    }
}

fn test_word(test: &Test) -> &'static str {
    match test {
        Test::Is { .. } => "is",
        Test::Includes { .. } => "includes",
        Test::AtLeast { .. } => "at least",
    }
}

/// The ids of a list, for "did you mean".
fn ids(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}
