//! The core built without its `lints` feature, as the participant's app builds it, must read every
//! fixture and curriculum exactly as the full build does, less the advice to authors: the same
//! curriculum, the same errors and other warnings, and no advice at all.
//!
//! The full build writes down what it reads (`tests/core_fixtures.rs`, into
//! `tests/fixtures/participant-reading.expected.txt`); this test reads the same content without
//! the feature and must find the same. It runs only without the feature:
//! `cargo test -p workbook-core --no-default-features`, which `cargo xtask test` runs.
#![cfg(not(feature = "lints"))]

#[path = "../../../tests/support/sources.rs"]
mod sources;

use std::path::PathBuf;

use sources::{PARTICIPANT_READING, every_source, participant_reading};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn reads_every_source_as_the_full_build_wrote_down() {
    let path = workspace().join("tests/fixtures").join(PARTICIPANT_READING);
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; `cargo test -p workbook-tests --test core_fixtures` with \
             UPDATE_EXPECT=1 writes it",
            path.display()
        )
    });
    let actual = participant_reading(&workspace());
    let differing: Vec<String> = actual
        .lines()
        .filter(|line| !expected.lines().any(|e| e == *line))
        .map(|line| format!("  read:     {line}"))
        .chain(
            expected
                .lines()
                .filter(|line| !actual.lines().any(|a| a == *line))
                .map(|line| format!("  expected: {line}")),
        )
        .collect();
    assert!(
        differing.is_empty(),
        "without `lints`, the core reads these differently from the full build (in {}); only \
         advice to authors may differ, and only in the full build:\n{}",
        path.display(),
        differing.join("\n")
    );
}

#[test]
fn gives_no_advice_to_authors() {
    for (name, sources) in every_source(&workspace()) {
        let advice: Vec<String> = workbook_core::parse(&sources)
            .diagnostics
            .iter()
            .filter(|d| d.code.is_lint())
            .map(ToString::to_string)
            .collect();
        assert!(
            advice.is_empty(),
            "{name}: built without `lints`, the core still gives this advice:\n{}",
            advice.join("\n")
        );
    }
}
