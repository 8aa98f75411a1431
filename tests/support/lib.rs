//! Helpers shared by the integration tests: fixture files and snapshot expectations.
//!
//! A fixture is one text file holding several content files, each introduced by a line
//! `//- <path>`, the way rust-analyzer writes multi-file fixtures:
//!
//! ```text
//! //- week-01.md
//! ---
//! week: 1
//! ...
//! ```
//!
//! When a fixture has no `curriculum.md` but has files named `week-*.md`, [`fixture_sources`]
//! adds a small valid manifest that lists those files in the order they appear, so most fixtures
//! need only the week file that shows the problem. A line `//! pad N` pads the current file with
//! filler text up to N bytes, for limits that a hand-written fixture cannot reach. Expectations live beside each fixture and are rewritten from the
//! actual output when the environment variable `UPDATE_EXPECT=1` is set.

use std::path::{Path, PathBuf};

use workbook_core::{MANIFEST_FILE, Sources};

/// The marker that starts a file inside a fixture.
const FILE_MARKER: &str = "//- ";

/// The marker that pads the current file to a size.
const PAD_MARKER: &str = "//! pad ";

/// The folder of the integration tests (this crate's root).
pub fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root.
pub fn workspace_dir() -> PathBuf {
    tests_dir()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(tests_dir)
}

/// Splits a fixture into `(path, text)` pairs, in order.
pub fn split_fixture(fixture: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in fixture.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix(FILE_MARKER) {
            files.push((path.trim().to_string(), String::new()));
        } else if let Some(size) = line.strip_prefix(PAD_MARKER) {
            let size: usize = size
                .trim()
                .parse()
                .expect("`//! pad` takes a number of bytes");
            if let Some((_, text)) = files.last_mut() {
                let filler = "Filler text. ";
                while text.len() + filler.len() <= size {
                    text.push_str(filler);
                }
                text.push('\n');
            }
        } else if let Some((_, text)) = files.last_mut() {
            text.push_str(line);
        }
    }
    files
}

/// The manifest a fixture gets when it brings none.
pub fn default_manifest(week_files: &[&str]) -> String {
    let weeks: String = week_files.iter().map(|f| format!("  - {f}\n")).collect();
    format!(
        "---\nid: fixture\ntitle: Fixture\nlanguage: en-GB\nversion: 1\nquick-exit: https://www.bbc.co.uk/weather\nweeks:\n{weeks}---\n\n\
         ::: support-line\nname: Test line\nnumber: 0800 000 000\nhours: Any time\ncrisis: yes\nconfidential: Everything you say.\nnot-confidential: Nothing.\n:::\n\n\
         ::: grounding\nBreathe slowly.\n:::\n\n::: wind-down\nRest a while.\n:::\n"
    )
}

/// The sources of a fixture, with a default manifest added when it has none.
pub fn fixture_sources(fixture: &str) -> Sources {
    let files = split_fixture(fixture);
    let mut sources = Sources::new();
    let weeks: Vec<&str> = files
        .iter()
        .map(|(path, _)| path.as_str())
        .filter(|path| path.starts_with("week-") && path.ends_with(".md"))
        .collect();
    if !weeks.is_empty() && !files.iter().any(|(path, _)| path == MANIFEST_FILE) {
        sources.insert(MANIFEST_FILE, default_manifest(&weeks));
    }
    for (path, text) in files {
        sources.insert(path, text);
    }
    sources
}

/// Compares `actual` with the expectation file. With `UPDATE_EXPECT=1`, writes it instead.
/// Returns a description of the mismatch, so a harness can report every failing case at once.
pub fn check_expectation(expected_path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1") {
        std::fs::write(expected_path, actual)
            .map_err(|e| format!("could not write {}: {e}", expected_path.display()))?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(expected_path).map_err(|_| {
        format!(
            "{} is missing; run with UPDATE_EXPECT=1 to create it, then read it",
            expected_path.display()
        )
    })?;
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "{} differs (UPDATE_EXPECT=1 rewrites it):\n--- expected\n{expected}\n--- actual\n{actual}",
        expected_path.display()
    ))
}

/// Every markdown file of a content folder, as the CLI reads it (the authors' guide included;
/// the parser ignores it).
pub fn content_sources(dir: &Path) -> Sources {
    let mut sources = Sources::new();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for path in entries.flatten().map(|entry| entry.path()) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(".md") {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            sources.insert(name, text);
        }
    }
    sources
}

/// The shipped curriculum, `content/`, parsed.
pub fn shipped_curriculum() -> workbook_core::Parsed {
    workbook_core::parse(&content_sources(&workspace_dir().join("content")))
}

/// The second curriculum, `tests/curricula/gambling`: a short course of another kind that uses
/// every feature of the format.
pub fn example_curriculum() -> workbook_core::Parsed {
    workbook_core::parse(&content_sources(&example_content_dir()))
}

/// Where the second curriculum is.
pub fn example_content_dir() -> PathBuf {
    workspace_dir().join("tests/curricula/gambling")
}

/// Where `cargo xtask test` builds the site with the second curriculum.
pub fn example_site_dir() -> PathBuf {
    workspace_dir().join("target/sites/gambling")
}

/// The fixture files of one group folder under `tests/fixtures`, sorted.
pub fn fixture_files(group: &str) -> Vec<PathBuf> {
    let dir = tests_dir().join("fixtures").join(group);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    files
}
