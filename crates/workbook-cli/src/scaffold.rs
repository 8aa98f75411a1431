//! `workbook new`: a well-formed week file to fill in, listed in the manifest in week order; and
//! `workbook init`: a new curriculum from nothing. Their placeholders are authors' comments that
//! say TODO or VERIFY, so `workbook check --deny-warnings` fails until they are filled in.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use workbook_core::MANIFEST_FILE;

use crate::load;

/// Creates `week-NN-slug.md` in `dir` and lists it in curriculum.md (unless it is listed already).
pub fn new_week(dir: &Path, week: u32, slug: &str) -> Result<ExitCode, String> {
    if !(1..=52).contains(&week) {
        return Err(format!(
            "{week} is not a week number; use a number from 1 to 52"
        ));
    }
    if !is_slug(slug) {
        return Err(format!(
            "`{slug}` cannot be part of a file name; use lowercase letters, digits and hyphens, such as `starting-safely`"
        ));
    }
    let sources = load::content_folder(dir)?;
    let Some(manifest) = sources.get(MANIFEST_FILE) else {
        return Err(format!(
            "`{}` has no {MANIFEST_FILE}; create it first (content/README.md shows one)",
            dir.display()
        ));
    };
    let parsed = workbook_core::parse(&sources);
    if let Some(existing) = parsed.curriculum.week(week) {
        return Err(format!("week {week} already exists: {}", existing.file));
    }
    let file_name = format!("week-{week:02}-{slug}.md");
    // Nothing is written if any of the files is there already.
    for folder in std::iter::once(dir.to_path_buf()).chain(
        parsed
            .curriculum
            .translations
            .iter()
            .map(|tag| dir.join(tag)),
    ) {
        let path = folder.join(&file_name);
        if path.exists() {
            return Err(format!(
                "`{}` already exists; choose another name",
                path.display()
            ));
        }
    }

    let template = week_template(week, slug);
    add_week(
        dir,
        manifest.text(),
        &parsed.curriculum,
        week,
        &file_name,
        &template,
    )?;
    // Each translation gets the week too, to translate: the checker would otherwise say that it
    // has a week fewer.
    for tag in &parsed.curriculum.translations {
        let translated = workbook_core::translation_sources(&sources, tag);
        let Some(manifest) = translated.get(MANIFEST_FILE) else {
            continue;
        };
        let curriculum = workbook_core::parse_one_language(&translated).curriculum;
        add_week(
            &dir.join(tag),
            manifest.text(),
            &curriculum,
            week,
            &file_name,
            &template,
        )?;
    }
    println!("{}", fill_in(dir));
    Ok(ExitCode::SUCCESS)
}

/// Writes the week file `file_name` into `dir` and lists it in the manifest there (whose text is
/// `manifest` and whose curriculum is `curriculum`) before the first week that comes after it,
/// unless the manifest already lists it (an author who wrote the list first).
fn add_week(
    dir: &Path,
    manifest: &str,
    curriculum: &workbook_core::Curriculum,
    week: u32,
    file_name: &str,
    template: &str,
) -> Result<(), String> {
    let path = dir.join(file_name);
    if path.exists() {
        return Err(format!(
            "`{}` already exists; choose another name",
            path.display()
        ));
    }
    let listed = workbook_core::week_files(manifest);
    let updated = if listed.iter().any(|file| file == file_name) {
        None
    } else {
        let position = listed
            .iter()
            .position(|file| {
                curriculum
                    .weeks
                    .iter()
                    .any(|w| &w.file == file && w.number > week)
            })
            .unwrap_or(listed.len());
        Some(insert_week(manifest, &listed, position, file_name).ok_or_else(|| {
            format!("could not find the `weeks:` list in {}; add `weeks:` to its front matter first", dir.join(MANIFEST_FILE).display())
        })?)
    };
    fs::write(&path, template).map_err(|e| format!("could not write `{}`: {e}", path.display()))?;
    let manifest_path = dir.join(MANIFEST_FILE);
    if let Some(updated) = updated {
        fs::write(&manifest_path, updated)
            .map_err(|e| format!("could not update `{}`: {e}", manifest_path.display()))?;
        println!(
            "Created {} and listed it in {}.",
            path.display(),
            manifest_path.display()
        );
    } else {
        println!(
            "Created {}; {} already lists it.",
            path.display(),
            manifest_path.display()
        );
    }
    Ok(())
}

/// Starts a new curriculum in `dir` (created if need be): a manifest, one week and a support
/// line, every placeholder marked with a TODO or VERIFY comment. Writes nothing if `dir`
/// already holds a manifest or the first week's file.
pub fn init(dir: &Path) -> Result<ExitCode, String> {
    let manifest_path = dir.join(MANIFEST_FILE);
    if manifest_path.exists() {
        return Err(format!(
            "`{}` already exists; `workbook init` starts a new curriculum and never overwrites one (to add a week, use `workbook new`)",
            manifest_path.display()
        ));
    }
    let week_path = dir.join(FIRST_WEEK_FILE);
    if week_path.exists() {
        return Err(format!(
            "`{}` already exists; start the new curriculum in another folder, or move that file first",
            week_path.display()
        ));
    }
    fs::create_dir_all(dir).map_err(|e| format!("could not create `{}`: {e}", dir.display()))?;
    fs::write(&manifest_path, manifest_template(&programme_id(dir)))
        .map_err(|e| format!("could not write `{}`: {e}", manifest_path.display()))?;
    fs::write(&week_path, week_template(1, FIRST_WEEK_SLUG))
        .map_err(|e| format!("could not write `{}`: {e}", week_path.display()))?;
    println!(
        "Started a new curriculum in {}: {MANIFEST_FILE} and {FIRST_WEEK_FILE}.",
        dir.display()
    );
    println!("{}", fill_in(dir));
    Ok(ExitCode::SUCCESS)
}

/// The slug and file of the first week `workbook init` writes.
const FIRST_WEEK_SLUG: &str = "getting-started";
const FIRST_WEEK_FILE: &str = "week-01-getting-started.md";

/// What to do after a file was started.
fn fill_in(dir: &Path) -> String {
    format!(
        "Fill in the places marked TODO and check those marked VERIFY, deleting each comment as you go.\n\
         `workbook check {dir}` counts the comments left; `workbook check {dir} --deny-warnings` passes once none is.",
        dir = dir.display()
    )
}

/// An id for a programme started in `dir`: the folder's name in lowercase letters, digits and
/// hyphens, or `my-programme` when that leaves nothing usable.
fn programme_id(dir: &Path) -> String {
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|path| {
            path.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .or_else(|| {
            dir.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id: String = id.trim_end_matches('-').chars().take(40).collect();
    let id = id.trim_end_matches('-');
    if id.is_empty() || id == "content" {
        "my-programme".to_string()
    } else {
        id.to_string()
    }
}

fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 40
        && slug.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Inserts `- file` into the manifest's `weeks:` list before item `position` (or after the last).
fn insert_week(manifest: &str, listed: &[String], position: usize, file: &str) -> Option<String> {
    let lines: Vec<&str> = manifest.split_inclusive('\n').collect();
    let weeks_line = lines.iter().position(|line| line.trim_end() == "weeks:")?;
    let mut items = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(weeks_line + 1) {
        let trimmed = line.trim_start();
        if !trimmed.starts_with("- ") {
            break;
        }
        items.push(index);
    }
    let indent = items
        .first()
        .map(|&i| &lines[i][..lines[i].len() - lines[i].trim_start().len()])
        .unwrap_or("");
    let insert_at = match items.get(position) {
        Some(&line) if position < listed.len() => line,
        _ => items.last().map_or(weeks_line + 1, |&last| last + 1),
    };
    let mut out = String::new();
    for (index, line) in lines.iter().enumerate() {
        if index == insert_at {
            out.push_str(&format!("{indent}- {file}\n"));
        }
        out.push_str(line);
        if index == lines.len() - 1 && !line.ends_with('\n') && index + 1 == insert_at {
            out.push('\n');
        }
    }
    if insert_at >= lines.len() {
        out.push_str(&format!("{indent}- {file}\n"));
    }
    Some(out)
}

/// A week's title from its slug: `keeping-going` is "Keeping going".
fn title_of(slug: &str) -> String {
    slug.split('-')
        .enumerate()
        .map(|(i, word)| {
            if i == 0 {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A week file to fill in. Every placeholder carries a TODO comment, which `workbook check`
/// warns about, so `--deny-warnings` fails until the week is written; the file is otherwise
/// valid, so `workbook check` passes from the start.
fn week_template(week: u32, slug: &str) -> String {
    let title = title_of(slug);
    let kinds = workbook_core::Kind::NAMES.join(", ");
    format!(
        r#"---
week: {week}
title: {title} <!-- TODO: the week's title, as participants see it -->
summary: {title}. <!-- TODO: one line on what this week is about -->
time: 45 minutes <!-- TODO: roughly how long the week's take-home work takes -->
---

# {title}

<!-- TODO: the reading. Explain this week's idea in plain words, in short paragraphs (300 to 900
words), written to the reader as "you", in place of the paragraph below. -->

This week's reading.

> [!NOTE]
> A note the reader should not miss. <!-- TODO: write the note, or delete the callout -->

## Exercises

::: exercise
id: {slug}-reflection
kind: writing <!-- one of: {kinds}; the authors' guide explains each -->
title: Looking back on this week <!-- TODO: a short title -->
time: 15 minutes
min-words: 100

<!-- TODO: say what to do, why it matters, and roughly how long it takes, in place of the line
below. Never ask for details of an offence, an image, or anyone who could be identified. -->

Write about what you noticed this week.
:::

## Before next session

- One thing to do or notice before the group meets again. <!-- TODO -->
"#
    )
}

/// A manifest to fill in, with the authors' guide's support line (to be checked before anyone
/// relies on it).
fn manifest_template(id: &str) -> String {
    format!(
        r#"---
id: {id} <!-- TODO: participants' answers are saved under this id: choose it now, and never change it once people use the workbook -->
title: My programme <!-- TODO: the programme's name, as participants see it -->
language: en-GB <!-- VERIFY: the language of the content, such as en-GB or cy -->
version: 0.1
quick-exit: https://www.bbc.co.uk/weather <!-- VERIFY: a neutral, everyday site for the quick exit to open -->
weeks:
  - {FIRST_WEEK_FILE}
---

# My programme

<!-- TODO: a short welcome, shown on the workbook's home page, in place of the line below. -->

Welcome to your workbook.

<!-- The authors' guide (README.md in the default content folder) explains the other blocks this
file may hold: crisis, grounding, wind-down and conditions. -->

::: support-line
<!-- VERIFY: the number, the hours and both statements on confidentiality, against the
service's own website, before anyone relies on them. -->
name: Samaritans
number: 116 123
hours: Any time, day or night
crisis: yes
confidential: Free and confidential. You do not have to give your name.
not-confidential: What the service must pass on, as the service itself publishes it. <!-- TODO: in the service's own words -->

Anything else worth knowing, in markdown (optional). <!-- TODO: or delete this line -->
:::
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_in_order_keeping_indentation() {
        let manifest = "---\nid: x\nweeks:\n  - week-01.md\n  - week-03.md\n---\nBody\n";
        let listed = vec!["week-01.md".to_string(), "week-03.md".to_string()];
        let updated = insert_week(manifest, &listed, 1, "week-02.md").unwrap();
        assert_eq!(
            updated,
            "---\nid: x\nweeks:\n  - week-01.md\n  - week-02.md\n  - week-03.md\n---\nBody\n"
        );
        let updated = insert_week(manifest, &listed, 2, "week-04.md").unwrap();
        assert!(updated.contains("  - week-03.md\n  - week-04.md\n---"));
    }

    #[test]
    fn slugs() {
        assert!(is_slug("starting-safely"));
        assert!(!is_slug("Starting Safely"));
        assert!(!is_slug("../x"));
    }
}
