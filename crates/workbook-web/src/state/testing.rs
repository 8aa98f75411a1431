//! For the host tests of `state/`: a curriculum parsed from the week files a test writes.

use workbook_core::{Curriculum, Sources, parse};

/// The curriculum `c` with one week file per text (each without front matter: `week-NN.md`
/// gets it), checked to parse without a single diagnostic.
pub fn curriculum(weeks: &[&str]) -> Curriculum {
    let files: String = (1..=weeks.len())
        .map(|n| format!("  - week-{n:02}.md\n"))
        .collect();
    let manifest = format!(
        "---\nid: c\ntitle: C\nlanguage: en\nversion: 1\nquick-exit: https://www.bbc.co.uk/weather\nweeks:\n{files}---\n\n\
         ::: support-line\nname: L\nnumber: 1\nhours: Any\ncrisis: yes\nconfidential: All\nnot-confidential: None\n:::\n"
    );
    let mut sources: Sources = [("curriculum.md".to_string(), manifest)]
        .into_iter()
        .collect();
    for (i, body) in weeks.iter().enumerate() {
        let n = i + 1;
        sources.insert(
            format!("week-{n:02}.md"),
            format!("---\nweek: {n}\ntitle: W{n}\nsummary: S\ntime: 10 minutes\n---\n\n{body}"),
        );
    }
    let parsed = parse(&sources);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed.curriculum
}

/// The default workbook's English interface text, checked to read without a problem.
pub fn english_catalog() -> workbook_core::interface::Catalog {
    let file = workbook_core::SourceFile::new(
        "interface/en-GB.ftl",
        include_str!("../../../../content/interface/en-GB.ftl"),
    );
    let mut diagnostics = Vec::new();
    let catalog = workbook_core::interface::Catalog::read(&file, "en-GB", &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    catalog
}
