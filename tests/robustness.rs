//! Parsing never panics, whatever it is given: arbitrary text, and valid modules mutated in the
//! ways editors and copy-paste mangle files. Every diagnostic must point inside its file.
//! (`fuzz/` runs the same property for longer under libFuzzer.)

use proptest::prelude::*;
use workbook_core::{MANIFEST_FILE, Parsed, Sources, parse};
use workbook_tests::{default_manifest, fixture_files, workspace_dir};

/// Pieces of the format that make interesting mutations.
const TOKENS: &[&str] = &[
    ":::",
    "::: exercise\n",
    ":::\n",
    "---\n",
    "\n",
    "\n\n",
    "- ",
    "  - ",
    "id: ",
    "kind: rating\n",
    "range: 10-0\n",
    "repeats: ",
    "[",
    "](",
    ")",
    "(week:",
    "(exercise:",
    "<",
    ">",
    "> [!NOTE]\n",
    "*",
    "**",
    "`",
    "```\n",
    "|",
    "#",
    "é",
    "\u{202e}",
    "\u{0}",
    "\r\n",
    "\t",
    "    ",
    "<script>",
    "](javascript:x)",
    "![",
    "week: 1\n",
    "sensitive: yes\n",
    "\u{feff}",
    // Comments, and the slips the format's diagnostics name.
    "<!--",
    "-->",
    "<!-- TODO -->",
    "<!--\n",
    "[^1]",
    "[^1]: ",
    "::::",
    "::::\n",
    "> ::: exercise\n",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "\u{a0}",
    "\u{200b}",
    "\u{202f}",
    "\u{2060}",
    "|",
    "|\n",
    "guidance: |\n",
    "content-note: >-\n",
    "“",
    "”",
    "‘",
    "’",
    "kind:\u{a0}",
    "time: 5 minutes\n",
    "content-note: ",
    "options:\n",
    "columns:\n",
    "kind: tabel\n",
    "](week: 3)",
    "](week:three)",
    "](exercise:)",
    "####",
    "##",
    // The format for any programme: ids, questionnaires, repeats, amounts, conditions.
    " {#",
    "{#a}",
    " {#a}",
    "{#}",
    "}",
    " = 2",
    " = -1",
    "kind: questionnaire\n",
    "responses:\n",
    "items:\n",
    "reverse: ",
    "bands:\n",
    "  - 0-3 Low {#low}\n",
    "show-total: yes\n",
    "repeats: 1, 6, 12\n",
    ": money\n",
    ": number\n",
    "totals: entries and columns\n",
    "whole-course: yes\n",
    "show-if: ",
    "show-if: a is yes\n",
    " includes ",
    " at least 7\n",
    "kind: diary\n",
];

/// Every diagnostic points at a real place in a file it names.
fn assert_well_formed(sources: &Sources, parsed: &Parsed) {
    for diagnostic in &parsed.diagnostics {
        let file = sources
            .get(&diagnostic.file)
            .map(|f| f.text().to_string())
            .unwrap_or_default();
        assert!(
            diagnostic.span.start <= diagnostic.span.end,
            "{diagnostic:?}"
        );
        assert!(diagnostic.span.end <= file.len(), "{diagnostic:?}");
        assert!(
            file.is_char_boundary(diagnostic.span.start),
            "{diagnostic:?}"
        );
        assert!(
            diagnostic.line >= 1 && diagnostic.column >= 1,
            "{diagnostic:?}"
        );
        assert!(
            diagnostic.line <= file.lines().count().max(1) + 1,
            "{diagnostic:?}"
        );
    }
    let json = serde_json::to_string(&parsed.curriculum).expect("the model serialises");
    let back: workbook_core::Curriculum = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back, parsed.curriculum);
}

fn check_week(text: &str) {
    let mut sources = Sources::new();
    sources.insert(MANIFEST_FILE, default_manifest(&["week-01.md"]));
    sources.insert("week-01.md", text);
    let parsed = parse(&sources);
    assert_well_formed(&sources, &parsed);
}

fn check_manifest(text: &str) {
    let mut sources = Sources::new();
    sources.insert(MANIFEST_FILE, text);
    let parsed = parse(&sources);
    assert_well_formed(&sources, &parsed);
}

/// The default manifest with an interface text: `text` as `interface/en-GB.ftl`.
fn check_catalog(text: &str) {
    let mut sources = Sources::new();
    sources.insert(MANIFEST_FILE, default_manifest(&["week-01.md"]));
    sources.insert(
        "week-01.md",
        "---\nweek: 1\ntitle: W\nsummary: S\ntime: 5 minutes\n---\n",
    );
    sources.insert("interface/en-GB.ftl", text);
    let parsed = parse(&sources);
    assert_well_formed(&sources, &parsed);
}

/// A curriculum translated into `cy`, its week written as `text`.
fn check_translation(text: &str) {
    let mut sources = Sources::new();
    let manifest =
        default_manifest(&["week-01.md"]).replacen("---\n\n", "translations: cy\n---\n\n", 1);
    sources.insert(MANIFEST_FILE, manifest.clone());
    sources.insert(
        "week-01.md",
        "---\nweek: 1\ntitle: W\nsummary: S\ntime: 5 minutes\n---\n",
    );
    sources.insert("cy/curriculum.md", manifest.replace("en-GB", "cy"));
    sources.insert("cy/week-01.md", text);
    let parsed = parse(&sources);
    assert_well_formed(&sources, &parsed);
}

/// Pieces of the interface text's format.
const CATALOG_TOKENS: &[&str] = &[
    "save-saved",
    "save-failed",
    "duration-minutes",
    " = ",
    "=",
    "\n",
    "    ",
    " ",
    "{",
    "}",
    "{ ",
    " }",
    "$",
    "$reason",
    "$minutes",
    " -> ",
    "->",
    "[one]",
    "*[other]",
    "[",
    "]",
    "*",
    "[0]",
    "[few]",
    "\"",
    "\\",
    "\\u00",
    "-term",
    ".attr = x",
    "#",
    "## ",
    "é",
    "\r\n",
    "\t",
    "NUMBER(",
    ")",
    "\u{0}",
];

/// Real modules to mutate: the shipped weeks, the second curriculum's weeks and the passing
/// fixtures' week files.
fn seeds() -> &'static [String] {
    static SEEDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(read_seeds)
}

fn read_seeds() -> Vec<String> {
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(workspace_dir().join("content")).expect("content exists") {
        let path = entry.expect("readable").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("week-") {
            seeds.push(std::fs::read_to_string(&path).expect("readable"));
        }
    }
    let example = workspace_dir().join("tests/curricula/gambling");
    for entry in std::fs::read_dir(example).expect("the second curriculum exists") {
        let path = entry.expect("readable").path();
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("week-"))
        {
            seeds.push(std::fs::read_to_string(&path).expect("readable"));
        }
    }
    for fixture in fixture_files("kinds") {
        let text = std::fs::read_to_string(&fixture).expect("readable");
        for (_, file) in workbook_tests::split_fixture(&text) {
            seeds.push(file);
        }
    }
    seeds
}

#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut text = text.to_string();
    for edit in edits {
        let at = |i: usize, text: &str| {
            let mut i = i % (text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        match *edit {
            Edit::Insert(i, token) => {
                let i = at(i, &text);
                text.insert_str(i, token);
            }
            Edit::Delete(i, len) => {
                let start = at(i, &text);
                let end = at(start + len % 64, &text).max(start);
                text.replace_range(start..end, "");
            }
            Edit::Duplicate(i, len) => {
                let start = at(i, &text);
                let end = at(start + len % 256, &text).max(start);
                let copy = text[start..end].to_string();
                text.insert_str(end, &copy);
            }
        }
    }
    text
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), proptest::sample::select(TOKENS)).prop_map(|(i, t)| Edit::Insert(i, t)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, n)| Edit::Duplicate(i, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_week(&text);
        check_manifest(&text);
    }

    #[test]
    fn format_shaped_text_never_panics(tokens in proptest::collection::vec(proptest::sample::select(TOKENS), 0..80)) {
        let text: String = tokens.concat();
        check_week(&text);
        check_manifest(&format!("---\nweeks:\n- week-01.md\n---\n{text}"));
    }

    #[test]
    fn interface_text_never_panics(text in any::<String>(), tokens in proptest::collection::vec(proptest::sample::select(CATALOG_TOKENS), 0..80)) {
        check_catalog(&text);
        check_catalog(&tokens.concat());
    }

    #[test]
    fn translations_never_panic(seed in any::<proptest::sample::Index>(), edits in proptest::collection::vec(edit(), 0..12)) {
        let seeds = seeds();
        check_translation(&apply(seed.get::<String>(seeds), &edits));
    }

    #[test]
    fn mutated_modules_never_panic(seed in any::<proptest::sample::Index>(), edits in proptest::collection::vec(edit(), 1..12)) {
        let seeds = seeds();
        let text = apply(seed.get::<String>(seeds), &edits);
        check_week(&text);
    }
}

#[test]
fn the_shipped_manifest_mutated_never_panics() {
    let manifest = std::fs::read_to_string(workspace_dir().join("content").join(MANIFEST_FILE))
        .expect("the manifest exists");
    for cut in (0..manifest.len()).step_by(7) {
        if manifest.is_char_boundary(cut) {
            check_manifest(&manifest[..cut]);
            check_manifest(&format!("{}:::\n{}", &manifest[..cut], &manifest[cut..]));
        }
    }
}

/// Inputs the fuzzer (`fuzz/`) once crashed on, replayed the way the fuzz target reads them:
/// split at the first 0xFF byte into a manifest and a week file, or a week file alone.
#[test]
fn inputs_that_once_crashed_the_fuzzer_are_fine() {
    let dir = workspace_dir().join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(&dir).expect("the fuzz folder exists") {
        let data = std::fs::read(entry.expect("readable").path()).expect("readable");
        match data.iter().position(|&b| b == 0xFF) {
            Some(at) => {
                let mut sources = Sources::new();
                sources.insert(MANIFEST_FILE, String::from_utf8_lossy(&data[..at]));
                sources.insert("week-01.md", String::from_utf8_lossy(&data[at + 1..]));
                let parsed = parse(&sources);
                assert_well_formed(&sources, &parsed);
            }
            None => check_week(&String::from_utf8_lossy(&data)),
        }
    }
}

#[test]
fn the_shipped_interface_text_mutated_never_panics() {
    let catalog = std::fs::read_to_string(workspace_dir().join("content/interface/en-GB.ftl"))
        .expect("the English interface text exists");
    for cut in (0..catalog.len()).step_by(5) {
        if catalog.is_char_boundary(cut) {
            check_catalog(&catalog[..cut]);
            check_catalog(&format!("{}{{\n{}", &catalog[..cut], &catalog[cut..]));
        }
    }
}
