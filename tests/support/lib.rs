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

mod sources;

use std::path::{Path, PathBuf};

pub use sources::{
    PARTICIPANT_READING, content_sources, default_manifest, every_source, fixture_sources,
    participant_reading, split_fixture,
};

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
