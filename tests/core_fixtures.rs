//! The core's data-driven tests: every fixture under `tests/fixtures/` is parsed and its output
//! compared with the expectation file beside it (`UPDATE_EXPECT=1` rewrites them).
//!
//! - `errors/`: content with problems; the expectation is every diagnostic, one per line.
//!   Together they must use every diagnostic code.
//! - `kinds/`: valid content; it must parse with no diagnostics at all, and the expectation is
//!   the parsed weeks as JSON (the whole curriculum when the fixture brings its own manifest).
//!   Together they must use every exercise kind.
//!
//! And what the participant's app reads from every fixture and curriculum, its build of the core
//! having no advice to authors (`lints`), is written down in
//! `fixtures/participant-reading.expected.txt` for the core's own test of that build.

use std::collections::BTreeSet;
use std::path::Path;

use workbook_core::{Code, Kind, parse};
use workbook_tests::{
    PARTICIPANT_READING, check_expectation, every_source, fixture_files, fixture_sources,
    participant_reading, tests_dir, workspace_dir,
};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn expected_path(fixture: &Path, extension: &str) -> std::path::PathBuf {
    fixture.with_extension(extension)
}

/// Runs every case of a group, collecting all failures so one run shows them all.
fn run_group(group: &str, case: impl Fn(&Path) -> Result<(), String>) {
    let failures: Vec<String> = fixture_files(group)
        .iter()
        .filter_map(|fixture| case(fixture).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn error_fixtures_report_what_they_should() {
    run_group("errors", |fixture| {
        let parsed = parse(&fixture_sources(&read(fixture)));
        if parsed.diagnostics.is_empty() {
            return Err(format!("{} produced no diagnostics", fixture.display()));
        }
        let actual: String = parsed
            .diagnostics
            .iter()
            .map(|d| format!("{d}\n"))
            .collect();
        check_expectation(&expected_path(fixture, "expected.txt"), &actual)
    });
}

#[test]
fn kind_fixtures_parse_cleanly_into_the_expected_model() {
    run_group("kinds", |fixture| {
        let text = read(fixture);
        let parsed = parse(&fixture_sources(&text));
        if !parsed.diagnostics.is_empty() {
            let listed: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
            return Err(format!(
                "{} should parse cleanly:\n{}",
                fixture.display(),
                listed.join("\n")
            ));
        }
        // A fixture that brings its own manifest is about the manifest too: its expectation is
        // the whole curriculum. Otherwise the default manifest would only add noise.
        let own_manifest = text.lines().any(|line| line.trim() == "//- curriculum.md");
        let actual = if own_manifest {
            serde_json::to_string_pretty(&parsed.curriculum)
        } else {
            serde_json::to_string_pretty(&parsed.curriculum.weeks)
        }
        .expect("the model serialises")
            + "\n";
        check_expectation(&expected_path(fixture, "expected.json"), &actual)
    });
}

/// The participant's app reads every fixture and curriculum into the same curriculum, with the
/// same diagnostics less the advice to authors: `crates/workbook-core/tests/without_lints.rs`
/// checks its build of the core against what this writes down from the full one.
#[test]
fn what_the_participants_build_must_read_is_written_down() {
    let actual = participant_reading(&workspace_dir());
    let expected = tests_dir().join("fixtures").join(PARTICIPANT_READING);
    if let Err(failure) = check_expectation(&expected, &actual) {
        panic!("{failure}");
    }
}

/// Advice to authors, which the participant's build leaves out, is only ever a warning: no
/// error goes missing there.
#[test]
fn advice_to_authors_is_only_ever_a_warning() {
    for (name, sources) in every_source(&workspace_dir()) {
        for diagnostic in parse(&sources).diagnostics {
            assert!(
                !(diagnostic.code.is_lint() && diagnostic.is_error()),
                "{name}: advice to authors must never be an error: {diagnostic}"
            );
        }
    }
}

#[test]
fn every_diagnostic_code_has_a_failing_fixture() {
    let mut seen = BTreeSet::new();
    for fixture in fixture_files("errors") {
        let expected = read(&expected_path(&fixture, "expected.txt"));
        for code in Code::ALL {
            if expected.contains(&format!("[{}]", code.as_str())) {
                seen.insert(code.as_str());
            }
        }
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture in tests/fixtures/errors shows these codes: {missing:?}"
    );
}

#[test]
fn every_exercise_kind_has_a_passing_fixture() {
    let mut seen = BTreeSet::new();
    for fixture in fixture_files("kinds") {
        let parsed = parse(&fixture_sources(&read(&fixture)));
        for (_, exercise) in parsed.curriculum.exercises() {
            seen.insert(exercise.kind.kind());
        }
    }
    let missing: Vec<&str> = Kind::ALL
        .iter()
        .filter(|kind| !seen.contains(*kind))
        .map(|kind| kind.name())
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture in tests/fixtures/kinds uses these kinds: {missing:?}"
    );
}

#[test]
fn the_authors_guide_explains_every_code_kind_and_field() {
    let guide = read(&workspace_dir().join("content/README.md"));
    for code in Code::ALL {
        assert!(
            guide.contains(&format!("| `{}` |", code.as_str())),
            "content/README.md does not explain the code `{code}` in its table"
        );
    }
    // The guide names the advice a built site leaves out: exactly the lint codes.
    let advice = guide
        .split_once("change nothing the workbook reads:")
        .and_then(|(_, rest)| rest.split_once("\n\n"))
        .map(|(list, _)| list)
        .expect("content/README.md lists the advice a built site leaves out");
    for code in Code::ALL {
        assert_eq!(
            advice.contains(&format!("`{code}`")),
            code.is_lint(),
            "content/README.md's list of the advice a built site leaves out is wrong about `{code}`"
        );
    }
    for &kind in Kind::ALL {
        assert!(
            guide.contains(&format!("### `{kind}`")),
            "content/README.md has no section for `{kind}`"
        );
        for field in kind.fields() {
            assert!(
                guide.contains(&format!("`{field}`")),
                "content/README.md never mentions `{field}`"
            );
        }
    }
    for field in workbook_core::COMMON_FIELDS
        .iter()
        .chain(workbook_core::MANIFEST_FIELDS)
        .chain(workbook_core::SUPPORT_LINE_FIELDS)
        .chain(workbook_core::WEEK_FIELDS)
    {
        assert!(
            guide.contains(&format!("`{field}`")),
            "content/README.md never mentions `{field}`"
        );
    }
}
