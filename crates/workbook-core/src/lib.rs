//! The workbook's curriculum core: markdown modules in, a typed [`Curriculum`] and a list of
//! [`Diagnostic`]s out.
//!
//! A curriculum is a folder of markdown: a manifest, [`MANIFEST_FILE`], that names the programme
//! and lists its week files in order, and one file per week with readings and `::: exercise`
//! blocks. The format is described for authors in `content/README.md`.
//!
//! **Parsing never fails and never panics.** [`parse`] always returns a curriculum (as much of
//! it as could be read) together with every problem found, each with a file, line, column, a
//! stable [`Code`] and a help line, so an author sees everything to fix in one run.
//!
//! This crate does no IO: callers hand it the files' text in a [`Sources`]. It builds for native
//! targets (the `workbook` CLI) and for `wasm32-unknown-unknown` (the browser app), which is why
//! it keeps its dependencies few and small.
//!
//! Parsing runs as a few small passes, each over the output of the last:
//! 1. per file: size and control characters (`checks`), comments that say TODO (`lints`),
//!    front matter, `:::` blocks and exercise fields (`manifest::read`, `week::read`,
//!    `exercise::read`);
//! 2. across files: week numbering, unique ids, repeated ratings and choices (`checks`);
//! 3. per file again: markdown converted to the safe [`markdown`] tree, now that every link
//!    target is known (`manifest::support_lines`, `week::finish`, `exercise::finish`).
//!
//! ## Features
//!
//! - `lints` (on by default): the advice to authors, the codes [`Code::is_lint`] names, such as
//!   a comment that says TODO or a skipped heading level. They are only ever warnings and never
//!   change what is read. The participant's app turns the feature off to keep them out of its
//!   download: it reads any content into the same [`Curriculum`] and reports the same errors and
//!   other warnings, without these.

#![forbid(unsafe_code)]

mod checks;
mod comments;
mod diagnostic;
mod exercise;
mod fence_checks;
mod fences;
mod field_checks;
mod fields;
mod front_matter;
pub mod interface;
mod invisible;
mod items;
mod kind_guess;
#[cfg(feature = "lints")]
mod lints;
mod manifest;
pub mod markdown;
mod markdown_checks;
mod model;
mod prompt_checks;
mod source;
mod suggest;
mod translations;
mod week;

pub use checks::MAX_FILE_BYTES;
pub use diagnostic::{Code, Diagnostic, MAX_PER_CODE, Severity};
pub use exercise::{COLUMN_TYPES, COMMON_FIELDS, DEFAULT_PLAN_SECTIONS};
pub use items::derive_id;
pub use manifest::{
    DEFAULT_APP_NAME, MANIFEST_BLOCKS, MANIFEST_FIELDS, ManifestOutline, SUPPORT_LINE_FIELDS,
    week_files,
};
pub use model::*;
pub use source::{SourceFile, Sources, Span};
pub use translations::translation_sources;
pub use week::{WEEK_BLOCKS, WEEK_FIELDS};

use diagnostic::{Help, Reporter};
use exercise::SensitiveDefaults;
use markdown::LinkIndex;

/// The manifest's file name, in the content folder.
pub const MANIFEST_FILE: &str = "curriculum.md";

/// The authors' guide, which lives in the content folder but is not part of the curriculum.
pub const GUIDE_FILE: &str = "README.md";

/// What [`parse`] returns: the curriculum and every problem found.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// As much of the curriculum as could be read.
    pub curriculum: Curriculum,
    /// Every problem, in order of file path and then position; of one code in one file, the
    /// first [`MAX_PER_CODE`], then one summary that stands for the rest ([`Diagnostic::more`]).
    pub diagnostics: Vec<Diagnostic>,
    /// The interface text in the curriculum's language (`interface/<language>.ftl`), if the
    /// content folder has it; without it, the app's own catalog for the language is used.
    pub interface: Option<interface::Catalog>,
}

impl Parsed {
    /// True if any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses and checks a whole curriculum, and each translation it lists (the files in a folder
/// named after the language, such as `cy/`): every problem in any of them, and every way a
/// translation does not line up with the curriculum. The curriculum returned is the one in
/// the manifest's own language.
pub fn parse(sources: &Sources) -> Parsed {
    parse_with::<true>(sources)
}

/// Parses the curriculum in one language only, as the app does with the files it fetched for
/// the language a participant chose: no translation is read or checked.
pub fn parse_one_language(sources: &Sources) -> Parsed {
    parse_with::<false>(sources)
}

/// The parse; with `TRANSLATIONS`, each translation's too (a constant, so that the app, which
/// reads one language, has none of that code in its download).
fn parse_with<const TRANSLATIONS: bool>(sources: &Sources) -> Parsed {
    let mut diagnostics = Vec::new();
    let Some(manifest_file) = sources.get(MANIFEST_FILE) else {
        let placeholder = SourceFile::new(MANIFEST_FILE, "");
        Reporter::new(&placeholder, &mut diagnostics)
            .error(Code::MissingManifest, 0..0, "the content folder has no curriculum.md")
            .help("create curriculum.md with the programme's title and its list of weeks; `content/README.md` shows one");
        return Parsed {
            curriculum: Curriculum::default(),
            diagnostics,
            interface: None,
        };
    };

    // Pass 1: each file on its own.
    let manifest = checks::size_ok(manifest_file, &mut diagnostics).then(|| {
        checks::control_characters(manifest_file, &mut diagnostics);
        #[cfg(feature = "lints")]
        lints::todo_comments(manifest_file, &mut diagnostics);
        manifest::read(&mut Reporter::new(manifest_file, &mut diagnostics))
    });
    let Some(manifest) = manifest else {
        return Parsed {
            curriculum: Curriculum::default(),
            diagnostics,
            interface: None,
        };
    };

    let catalog_path = interface::catalog_path(&manifest.language);
    if sources.get(&catalog_path).is_none()
        && manifest::is_language_tag(&manifest.language)
        && interface::default_language(&manifest.language).is_none()
    {
        let at = manifest.language_span.clone();
        Reporter::new(manifest_file, &mut diagnostics)
            .error(
                Code::MissingInterfaceText,
                at,
                format!("there is no `{catalog_path}`, and the workbook has no interface text in `{}`", manifest.language),
            )
            .help(format!(
                "copy `content/interface/en-GB.ftl` from the default workbook to `{catalog_path}` and translate it; the workbook's own languages are {}",
                interface::DEFAULT_LANGUAGES.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(" and ")
            ));
    }
    let interface = sources
        .get(&catalog_path)
        .filter(|file| checks::size_ok(file, &mut diagnostics))
        .map(|file| {
            checks::control_characters(file, &mut diagnostics);
            interface::Catalog::read(file, &manifest.language, &mut diagnostics)
        });

    let mut weeks = Vec::new();
    for listed in &manifest.weeks {
        let Some(file) = sources.get(&listed.text) else {
            Reporter::new(manifest_file, &mut diagnostics)
                .error(
                    Code::MissingWeekFile,
                    listed.span.clone(),
                    format!("there is no file `{}`", listed.text),
                )
                .help("check the file's name, or create it with `workbook new <week> <name>`");
            continue;
        };
        if !checks::size_ok(file, &mut diagnostics) {
            continue;
        }
        checks::control_characters(file, &mut diagnostics);
        #[cfg(feature = "lints")]
        lints::todo_comments(file, &mut diagnostics);
        let draft = week::read(&mut Reporter::new(file, &mut diagnostics));
        weeks.push((file, draft));
    }
    #[cfg(feature = "lints")]
    lints::unlisted_files(sources, &manifest, &mut diagnostics);
    #[cfg(feature = "lints")]
    if let Some(catalog) = &interface {
        lints::interface_labels(manifest_file, catalog, &mut diagnostics);
        for (file, _) in &weeks {
            lints::interface_labels(file, catalog, &mut diagnostics);
        }
    }

    // Pass 2: across files.
    let week_refs: Vec<(&SourceFile, &week::WeekDraft)> =
        weeks.iter().map(|(file, draft)| (*file, draft)).collect();
    checks::week_numbers(
        &week_refs,
        manifest_file,
        &manifest.weeks_anchor,
        &mut diagnostics,
    );
    let located: Vec<checks::Located<'_>> = weeks
        .iter()
        .flat_map(|(file, draft)| {
            let week = draft.number().unwrap_or(0);
            draft
                .exercises()
                .map(move |draft| checks::Located { file, week, draft })
        })
        .collect();
    let links = LinkIndex {
        weeks: weeks
            .iter()
            .filter_map(|(_, draft)| draft.number())
            .collect(),
        exercises: checks::unique_ids(&located, &mut diagnostics),
    };
    checks::repeated_exercises(&located, &mut diagnostics);
    checks::conditions(&located, &mut diagnostics);
    #[cfg(feature = "lints")]
    lints::derived_ids(&manifest, &located, &mut diagnostics);
    drop(located);

    // Pass 3: markdown, with links checked against the whole curriculum.
    let mut reporter = Reporter::new(manifest_file, &mut diagnostics);
    let introduction = manifest
        .introduction
        .iter()
        .flat_map(|span| markdown::blocks(&mut reporter, span.clone(), &links))
        .collect();
    let support_lines = manifest::support_lines(&mut reporter, &manifest, &links);
    let crisis = manifest::step(&mut reporter, &manifest.crisis, &links);
    let conditions = manifest::step(&mut reporter, &manifest.conditions, &links);
    let grounding = manifest::step(&mut reporter, &manifest.grounding, &links);
    let wind_down = manifest::step(&mut reporter, &manifest.wind_down, &links);
    let defaults = SensitiveDefaults {
        grounding: &grounding,
        wind_down: &wind_down,
    };
    let weeks = weeks
        .into_iter()
        .map(|(file, draft)| {
            week::finish(
                &mut Reporter::new(file, &mut diagnostics),
                draft,
                &links,
                &defaults,
            )
        })
        .collect::<Vec<Week>>();

    #[cfg(feature = "lints")]
    lints::crisis_line(
        manifest_file,
        &manifest,
        &support_lines,
        &weeks,
        &mut diagnostics,
    );

    let curriculum = Curriculum {
        id: manifest.id,
        title: manifest.title,
        language: manifest.language,
        version: manifest.version,
        quick_exit: manifest.quick_exit,
        app_name: manifest.app_name,
        currency: manifest.currency,
        introduction,
        crisis,
        support_lines,
        conditions,
        weeks,
        translations: manifest
            .translations
            .iter()
            .map(|tag| tag.text.to_string())
            .collect(),
    };
    if TRANSLATIONS {
        for tag in &manifest.translations {
            translations::check(sources, manifest_file, tag, &curriculum, &mut diagnostics);
        }
    }

    // Files in manifest order would interleave oddly with path order; sort by path, then position.
    // Then at most `MAX_PER_CODE` of one code in one file, and a summary of the rest.
    let diagnostics = diagnostic::ordered_and_capped(diagnostics);

    Parsed {
        curriculum,
        diagnostics,
        interface,
    }
}

/// Sorts a short slice in place, stably. Each `sort` of std adds kilobytes of code to the browser
/// download per element type; this adds a few dozen bytes. It takes quadratic time, so it is
/// only for lists that stay short; the diagnostics, which hostile content can make long, are
/// put in order by a merge sort (`diagnostic::ordered_and_capped`).
pub fn insertion_sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::insertion_sort_by;

    #[test]
    fn insertion_sort_is_stable_and_matches_std() {
        let pairs = [
            (3, 'a'),
            (1, 'b'),
            (3, 'c'),
            (2, 'd'),
            (1, 'e'),
            (0, 'f'),
            (2, 'g'),
        ];
        let mut ours = pairs.to_vec();
        insertion_sort_by(&mut ours, |a, b| a.0 < b.0);
        let mut std = pairs.to_vec();
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
    }
}
