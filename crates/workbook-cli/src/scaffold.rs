//! `workbook new`: a well-formed week file to fill in, listed in the manifest in week order.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use workbook_core::MANIFEST_FILE;

use crate::load;

/// Creates `week-NN-slug.md` in `dir` and lists it in curriculum.md.
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
    let manifest_path = dir.join(MANIFEST_FILE);
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
    let path = dir.join(&file_name);
    if path.exists() {
        return Err(format!(
            "`{}` already exists; choose another name",
            path.display()
        ));
    }

    // List the new file before the first week that comes after it.
    let listed = workbook_core::week_files(manifest.text());
    let position = listed
        .iter()
        .position(|file| {
            parsed
                .curriculum
                .weeks
                .iter()
                .any(|w| &w.file == file && w.number > week)
        })
        .unwrap_or(listed.len());
    let updated = insert_week(manifest.text(), &listed, position, &file_name).ok_or_else(|| {
        format!("could not find the `weeks:` list in {MANIFEST_FILE}; add `weeks:` to its front matter first")
    })?;

    fs::write(&path, template(week, slug))
        .map_err(|e| format!("could not write `{}`: {e}", path.display()))?;
    fs::write(&manifest_path, updated)
        .map_err(|e| format!("could not update `{}`: {e}", manifest_path.display()))?;
    println!(
        "Created {} and listed it in {MANIFEST_FILE}.\nFill in the text marked with brackets, then run `workbook check {}`.",
        path.display(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
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

fn template(week: u32, slug: &str) -> String {
    let title = slug
        .split('-')
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
        .join(" ");
    format!(
        r#"---
week: {week}
title: {title}
summary: [One line on what this week is about.]
time: 45 minutes
---

# {title}

[The reading: explain this week's idea in plain words, in short paragraphs. Aim for 300 to 900
words. Write to the reader as "you".]

> [!NOTE]
> [A note the reader should not miss.]

## Exercises

::: exercise
id: {slug}-reflection
kind: writing
title: [A short title]
time: 15 minutes
min-words: 100

[Say what to do, why it matters, and roughly how long it takes.]
:::

## Before next session

- [One thing to do or notice before the group meets again.]
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
