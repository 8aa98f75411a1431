//! Translations: the curriculum written again in another language, in a folder named after the
//! language (`cy/curriculum.md`, `cy/week-01-….md`), its interface text beside the curriculum's
//! (`interface/cy.ftl`).
//!
//! Answers are stored by ids, never by words, so that a participant can change language in the
//! middle of an exercise and find every answer still there. So a translation must have the same
//! weeks, the same exercises in the same order with the same ids and kinds, the same ids of
//! options, statements, sections, columns and items, the same scales, scores and conditions,
//! and the same sensitive exercises. This pass reads each translation as a curriculum of its
//! own and proves that; each difference is reported where it is, naming the other place.

use crate::diagnostic::{Code, Diagnostic, Help, Severity};
use crate::fields::Spanned;
use crate::model::{Curriculum, Exercise, ExerciseKind, Item, Week};
use crate::source::{SourceFile, Sources, Span};
use crate::{MANIFEST_FILE, interface};

/// The files of the translation into `language`, by the paths a curriculum has: its folder's
/// files without the folder (`cy/week-01.md` as `week-01.md`), and the interface texts.
pub fn translation_sources(sources: &Sources, language: &str) -> Sources {
    let folder = format!("{language}/");
    let mut translated = Sources::new();
    for file in sources.iter() {
        if let Some(path) = file.path().strip_prefix(&folder) {
            translated.insert(path, file.text());
        } else if file.path().starts_with(interface::INTERFACE_FOLDER) {
            translated.insert(file.path(), file.text());
        }
    }
    translated
}

/// Reads the translation into `tag` and checks it lines up with `original`.
pub(crate) fn check(
    sources: &Sources,
    manifest_file: &SourceFile,
    tag: &Spanned<'_>,
    original: &Curriculum,
    out: &mut Vec<Diagnostic>,
) {
    let folder = format!("{}/", tag.text);
    let translated_sources = translation_sources(sources, &tag.text);
    if translated_sources.get(MANIFEST_FILE).is_none() {
        let mut diagnostic = Diagnostic::new(
            Severity::Error,
            Code::MissingTranslation,
            manifest_file,
            tag.span.clone(),
            format!(
                "there is no `{folder}{MANIFEST_FILE}` for the translation into `{}`",
                tag.text
            ),
        );
        diagnostic.help(format!(
            "make the folder `{folder}` with a copy of curriculum.md and of each week file, and translate their words, keeping every id; or remove `{}` from `translations`",
            tag.text
        ));
        out.push(diagnostic);
        return;
    }
    let parsed = crate::parse_one_language(&translated_sources);
    for mut diagnostic in parsed.diagnostics {
        if !diagnostic.file.starts_with(interface::INTERFACE_FOLDER) {
            diagnostic.file = format!("{folder}{}", diagnostic.file);
        }
        out.push(diagnostic);
    }
    let translated = parsed.curriculum;
    let mut align = Align {
        sources,
        folder: &folder,
        out,
    };
    align.manifest(tag, original, &translated);
    align.weeks(original, &translated);
}

/// Reports the differences between the curriculum and one translation.
struct Align<'s, 'o> {
    sources: &'s Sources,
    folder: &'s str,
    out: &'o mut Vec<Diagnostic>,
}

impl Align<'_, '_> {
    /// An error at `span` of the translation's file `path` (a path inside its folder).
    fn error(&mut self, path: &str, span: Span, message: String, help: &str) {
        let translated_path = format!("{}{path}", self.folder);
        let placeholder;
        let file = match self.sources.get(&translated_path) {
            Some(file) => file,
            None => {
                placeholder = SourceFile::new(translated_path, "");
                &placeholder
            }
        };
        let mut diagnostic = Diagnostic::new(
            Severity::Error,
            Code::TranslationMismatch,
            file,
            span,
            message,
        );
        diagnostic.help(help);
        self.out.push(diagnostic);
    }

    /// The first line of the file at `path` (in the sources) that is `start` or begins with
    /// it and a space: its number, and its span.
    fn find(&self, path: &str, start: &str) -> Option<(usize, Span)> {
        let file = self.sources.get(path)?;
        let mut offset = 0;
        for line in file.text().split_inclusive('\n') {
            let trimmed = line.trim();
            if trimmed == start || trimmed.starts_with(&format!("{start} ")) {
                let indent = line.len() - line.trim_start().len();
                return Some((
                    file.line_column(offset).0,
                    offset + indent..offset + indent + trimmed.len(),
                ));
            }
            offset += line.len();
        }
        None
    }

    /// The line that starts with `start` in the curriculum's file `original` (its number, to
    /// name it) and in the translation's file `translated` (its span, to point at it).
    fn places(&self, original: &str, translated: &str, start: &str) -> (usize, Span) {
        (
            self.original_line(original, start),
            self.translated_span(translated, start),
        )
    }

    /// The line number, in the curriculum's file `path`, of the line that starts with `start`.
    fn original_line(&self, path: &str, start: &str) -> usize {
        self.find(path, start).map_or(1, |(line, _)| line)
    }

    /// The span, in the translation's file `path` (inside its folder), of the line that starts
    /// with `start`.
    fn translated_span(&self, path: &str, start: &str) -> Span {
        self.find(&format!("{}{path}", self.folder), start)
            .map_or(0..0, |(_, span)| span)
    }

    fn manifest(&mut self, tag: &Spanned<'_>, original: &Curriculum, translated: &Curriculum) {
        if !translated.language.eq_ignore_ascii_case(&tag.text) {
            let at = self.translated_span(MANIFEST_FILE, "language:");
            self.error(
                MANIFEST_FILE,
                at,
                format!(
                    "this translation's `language` is `{}`, but it is in the folder for `{}`",
                    translated.language, tag.text
                ),
                "write the language of the folder, so the workbook shows its interface in the same language",
            );
        }
        if translated.id != original.id {
            let (line, at) = self.places(MANIFEST_FILE, MANIFEST_FILE, "id:");
            self.error(
                MANIFEST_FILE,
                at,
                format!(
                    "this translation's `id` is `{}`, but the curriculum's is `{}` (curriculum.md line {line})",
                    translated.id, original.id
                ),
                "answers are kept under the id, so every language must have the same one: copy it",
            );
        }
        if !translated.translations.is_empty() {
            let at = self.translated_span(MANIFEST_FILE, "translations:");
            self.error(
                MANIFEST_FILE,
                at,
                "a translation lists no translations of its own".into(),
                "remove `translations` here: the curriculum's own curriculum.md lists every language",
            );
        }
        if translated.weeks.len() != original.weeks.len() {
            let (line, at) = self.places(MANIFEST_FILE, MANIFEST_FILE, "weeks:");
            self.error(
                MANIFEST_FILE,
                at,
                format!(
                    "this translation has {}, but the curriculum has {} (curriculum.md line {line})",
                    weeks(translated.weeks.len()),
                    weeks(original.weeks.len())
                ),
                "translate every week, and list the files in the same order",
            );
        }
    }

    fn weeks(&mut self, original: &Curriculum, translated: &Curriculum) {
        for (week, other) in original.weeks.iter().zip(&translated.weeks) {
            if week.number != other.number {
                let (line, at) = self.places(&week.file, &other.file, "week:");
                self.error(
                    &other.file,
                    at,
                    format!(
                        "this is week {}, but the curriculum's week in the same place is week {} ({} line {line})",
                        other.number, week.number, week.file
                    ),
                    "list the translated weeks in the same order as the curriculum's, and keep their numbers",
                );
                continue;
            }
            self.exercises(week, other);
        }
    }

    fn exercises(&mut self, week: &Week, other: &Week) {
        let ids =
            |week: &Week| -> Vec<String> { week.exercises.iter().map(|e| e.id.clone()).collect() };
        let (wanted, found) = (ids(week), ids(other));
        for id in wanted.iter().filter(|id| !found.contains(id)) {
            let line = self.original_line(&week.file, &format!("id: {id}"));
            let at = self.translated_span(&other.file, "week:");
            self.error(
                &other.file,
                at,
                format!(
                    "the exercise `{id}` ({} line {line}) is not in this translation",
                    week.file
                ),
                "translate it here, with the same id",
            );
        }
        for id in found.iter().filter(|id| !wanted.contains(id)) {
            let at = self.translated_span(&other.file, &format!("id: {id}"));
            self.error(
                &other.file,
                at,
                format!(
                    "the exercise `{id}` is not in the curriculum's {}",
                    week.file
                ),
                "give it the id of the exercise it translates; ids are never translated",
            );
        }
        let common: Vec<&String> = wanted.iter().filter(|id| found.contains(id)).collect();
        let common_found: Vec<&String> = found.iter().filter(|id| wanted.contains(id)).collect();
        if common != common_found {
            let (line, at) = self.places(&week.file, &other.file, "week:");
            self.error(
                &other.file,
                at,
                format!(
                    "the exercises are in another order than in {} (from line {line}): {}",
                    week.file,
                    common
                        .iter()
                        .map(|id| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "put them in the curriculum's order",
            );
            return;
        }
        for exercise in &week.exercises {
            if let Some(translated) = other.exercises.iter().find(|e| e.id == exercise.id) {
                self.exercise(week, other, exercise, translated);
            }
        }
    }

    fn exercise(&mut self, week: &Week, other: &Week, exercise: &Exercise, translated: &Exercise) {
        let id = &exercise.id;
        let line = self.original_line(&week.file, &format!("id: {id}"));
        let at = self.translated_span(&other.file, &format!("id: {id}"));
        let there = format!("{} line {line}", week.file);
        let difference = if exercise.kind.kind() != translated.kind.kind() {
            Some(format!(
                "the exercise `{id}` is a `{}` here, but a `{}` in the curriculum ({there})",
                translated.kind.name(),
                exercise.kind.name()
            ))
        } else if let Some((what, ours, theirs)) = different_ids(&exercise.kind, &translated.kind) {
            Some(format!(
                "the {what} of `{id}` are {} here, but {} in the curriculum ({there})",
                listed(&theirs),
                listed(&ours)
            ))
        } else if exercise.sensitive != translated.sensitive {
            Some(format!(
                "the exercise `{id}` is {} here, but {} in the curriculum ({there})",
                if translated.sensitive {
                    "sensitive"
                } else {
                    "not sensitive"
                },
                if exercise.sensitive {
                    "sensitive"
                } else {
                    "not"
                }
            ))
        } else if exercise.show_if != translated.show_if {
            Some(format!(
                "the exercise `{id}` has another `show-if` here than in the curriculum ({there})"
            ))
        } else if without_words(&exercise.kind) != without_words(&translated.kind) {
            Some(format!(
                "the settings of `{id}` differ from the curriculum's ({there}): its numbers, scale, scores, repeats or column types"
            ))
        } else {
            None
        };
        if let Some(message) = difference {
            self.error(
                &other.file,
                at,
                message,
                "a translation changes only words: copy every field but the text from the curriculum",
            );
        }
    }
}

/// "1 week", "2 weeks".
fn weeks(n: usize) -> String {
    if n == 1 {
        "1 week".into()
    } else {
        format!("{n} weeks")
    }
}

/// `a`, `b`, `c`.
fn listed(ids: &[String]) -> String {
    if ids.is_empty() {
        return "none".into();
    }
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first list of ids that differs between two exercises of the same kind: what it is
/// called, the original's ids, the translation's.
fn different_ids(
    original: &ExerciseKind,
    translated: &ExerciseKind,
) -> Option<(&'static str, Vec<String>, Vec<String>)> {
    let items = |items: &[Item]| items.iter().map(|item| item.id.clone()).collect::<Vec<_>>();
    let lists = |kind: &ExerciseKind| -> Vec<(&'static str, Vec<String>)> {
        match kind {
            ExerciseKind::Rating { items: i, .. } => vec![("statements", items(i))],
            ExerciseKind::Checklist { options, .. } | ExerciseKind::Choice { options, .. } => {
                vec![("options", items(options))]
            }
            ExerciseKind::Worksheet { columns, .. } => {
                vec![("columns", columns.iter().map(|c| c.id.clone()).collect())]
            }
            ExerciseKind::Plan { sections } => vec![("sections", items(sections))],
            ExerciseKind::Questionnaire {
                responses,
                items: i,
                ..
            } => vec![
                (
                    "responses",
                    responses.iter().map(|r| r.id.clone()).collect(),
                ),
                ("items", items(i)),
            ],
            _ => Vec::new(),
        }
    };
    lists(original)
        .into_iter()
        .zip(lists(translated))
        .find(|((_, ours), (_, theirs))| ours != theirs)
        .map(|((what, ours), (_, theirs))| (what, ours, theirs))
}

/// The exercise's settings with every word a participant reads taken out, so what is left must
/// be the same in every language.
fn without_words(kind: &ExerciseKind) -> ExerciseKind {
    let mut kind = kind.clone();
    let blank = |items: &mut Vec<Item>| items.iter_mut().for_each(|item| item.label.clear());
    match &mut kind {
        ExerciseKind::Rating { anchors, items, .. } => {
            anchors.iter_mut().for_each(|a| a.label.clear());
            blank(items);
        }
        ExerciseKind::Checklist { options, .. } | ExerciseKind::Choice { options, .. } => {
            blank(options)
        }
        ExerciseKind::Worksheet { columns, .. } => {
            columns.iter_mut().for_each(|c| c.label.clear());
        }
        ExerciseKind::Plan { sections } => blank(sections),
        ExerciseKind::Questionnaire {
            responses,
            items,
            bands,
            ..
        } => {
            responses.iter_mut().for_each(|r| r.label.clear());
            blank(items);
            bands.iter_mut().for_each(|b| b.label.clear());
        }
        ExerciseKind::Writing { .. }
        | ExerciseKind::ShortAnswer { .. }
        | ExerciseKind::List { .. }
        | ExerciseKind::Diary { .. } => {}
    }
    kind
}
