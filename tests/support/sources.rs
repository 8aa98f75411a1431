//! Content as the tests hand it to the core: fixtures split into their files, content folders
//! read, and what the participant's build of the core reads from all of it.
//!
//! This file is also compiled into the core's own test of its build without the `lints` feature
//! (`crates/workbook-core/tests/without_lints.rs`), so it uses only std, `workbook_core` and
//! `serde_json`, and holds nothing that test does not use.

use std::fmt::Write as _;
use std::path::Path;

use workbook_core::{MANIFEST_FILE, Sources, parse};

/// The marker that starts a file inside a fixture.
const FILE_MARKER: &str = "//- ";

/// The marker that pads the current file to a size.
const PAD_MARKER: &str = "//! pad ";

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

/// The default workbook's interface text in English and in Welsh.
pub const DEFAULT_CATALOGS: &[(&str, &str)] = &[
    ("en-GB", include_str!("../../content/interface/en-GB.ftl")),
    ("cy", include_str!("../../content/interface/cy.ftl")),
];

/// A line in a fixture's catalog that keeps it as written ([`with_default_messages`]).
const ONLY_THESE: &str = "# only these messages";

/// A fixture's catalog for `language`, followed by every message of the default workbook's
/// catalog in that language (or English) it does not write itself, so a fixture shows one
/// problem rather than a list of missing messages; unless it has the line
/// `# only these messages`.
pub fn with_default_messages(language: &str, own: &str) -> String {
    if own.lines().any(|line| line.trim() == ONLY_THESE) {
        return own.to_string();
    }
    let name = |line: &str| -> Option<String> {
        let (name, _) = line.split_once('=')?;
        let name = name.trim_end();
        (name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then(|| name.to_string())
    };
    let written: Vec<String> = own.lines().filter_map(name).collect();
    let mut text = own.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut copying = false;
    let default = DEFAULT_CATALOGS
        .iter()
        .find(|(tag, _)| *tag == language)
        .unwrap_or(&DEFAULT_CATALOGS[0])
        .1;
    for line in default.lines() {
        if let Some(name) = name(line) {
            copying = !written.contains(&name);
        } else if !line.starts_with([' ', '}', '[', '*']) {
            copying = false;
        }
        if copying {
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

/// The sources of a fixture, with a default manifest added when it has none, and the default
/// messages added to its catalogs ([`with_default_messages`]).
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
        if let Some(language) = path
            .strip_prefix("interface/")
            .and_then(|name| name.strip_suffix(".ftl"))
        {
            let text = with_default_messages(language, &text);
            sources.insert(path, text);
        } else {
            sources.insert(path, text);
        }
    }
    sources
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
    // Each translation's folder, as the CLI reads it.
    for path in sorted_entries(dir) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !path.is_dir() || name == "interface" || name.starts_with('.') {
            continue;
        }
        for file in sorted_entries(&path) {
            let Some(file_name) = file.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if file_name.ends_with(".md") {
                let text = std::fs::read_to_string(&file)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
                sources.insert(format!("{name}/{file_name}"), text);
            }
        }
    }
    // The interface text, as the CLI reads it.
    if let Ok(entries) = std::fs::read_dir(dir.join("interface")) {
        for path in entries.flatten().map(|entry| entry.path()) {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.ends_with(".ftl") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                sources.insert(format!("interface/{name}"), text);
            }
        }
    }
    sources
}

/// The expectation file of [`participant_reading`], under `tests/fixtures`.
pub const PARTICIPANT_READING: &str = "participant-reading.expected.txt";

/// Every fixture under `tests/fixtures` (each group folder, sorted) and both curricula
/// (`content/`, `tests/curricula/gambling`), each named and ready to parse. The fuzzer's inputs
/// (`fuzz/`) are read the way the fuzz target reads them: split at the first 0xFF byte into a
/// manifest and a week file, or a week file alone under the default manifest.
pub fn every_source(workspace: &Path) -> Vec<(String, Sources)> {
    let fixtures = workspace.join("tests/fixtures");
    let mut all = Vec::new();
    for group in sorted_entries(&fixtures)
        .iter()
        .filter(|path| path.is_dir())
    {
        let group_name = group
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        for file in sorted_entries(group) {
            let name = format!(
                "{group_name}/{}",
                file.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
            );
            let bytes = std::fs::read(&file)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
            let sources = if group_name == "fuzz" {
                fuzz_sources(&bytes)
            } else if name.ends_with(".md") {
                fixture_sources(&String::from_utf8_lossy(&bytes))
            } else {
                continue; // an expectation
            };
            all.push((name, sources));
        }
    }
    for curriculum in ["content", "tests/curricula/gambling"] {
        all.push((
            format!("{curriculum}/"),
            content_sources(&workspace.join(curriculum)),
        ));
    }
    all
}

/// The paths in a folder, sorted.
fn sorted_entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths
}

/// A fuzzer's input as the fuzz target reads it.
fn fuzz_sources(data: &[u8]) -> Sources {
    let mut sources = Sources::new();
    let week = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => {
            sources.insert(MANIFEST_FILE, String::from_utf8_lossy(&data[..at]));
            &data[at + 1..]
        }
        None => {
            sources.insert(MANIFEST_FILE, default_manifest(&["week-01.md"]));
            data
        }
    };
    sources.insert("week-01.md", String::from_utf8_lossy(week));
    sources
}

/// What the participant's app reads from [`every_source`], one line each: a fingerprint of the
/// parsed curriculum (as JSON) and the number and a fingerprint of its diagnostics, leaving out
/// the advice to authors ([`workbook_core::Code::is_lint`]), which its build of the core does not
/// have. The fixture tests check it with every check built in; the core's test of its build
/// without `lints` must then read exactly the same, with no advice to leave out.
pub fn participant_reading(workspace: &Path) -> String {
    let mut out = String::from(
        "# What the core built without `lints` (the participant's app) reads from each fixture and\n\
         # curriculum: a fingerprint of the curriculum, and of the diagnostics without the advice to\n\
         # authors. Written by `UPDATE_EXPECT=1 cargo test -p workbook-tests --test core_fixtures`;\n\
         # `cargo test -p workbook-core --no-default-features` must read the same.\n",
    );
    for (name, sources) in every_source(workspace) {
        let parsed = parse(&sources);
        let model = serde_json::to_string(&parsed.curriculum).expect("the model serialises");
        let kept: Vec<String> = parsed
            .diagnostics
            .iter()
            .filter(|d| !d.code.is_lint())
            .map(ToString::to_string)
            .collect();
        let _ = writeln!(
            out,
            "{name}: curriculum {:016x}, diagnostics {} {:016x}",
            fingerprint(&model),
            kept.len(),
            fingerprint(&kept.join("\n"))
        );
    }
    out
}

/// FNV-1a, 64 bits: the same on every machine and in every build, which std's hasher does not
/// promise.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
