//! Feeds arbitrary bytes to the curriculum parser. The input is split at the first 0xFF byte
//! (which never occurs in UTF-8) into a manifest and a week file; without one, the whole input is
//! a week file under a small valid manifest. The parser must never panic, and every diagnostic
//! must point inside its file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use workbook_core::{MANIFEST_FILE, Sources, parse};

const MANIFEST: &str = "---\nid: fuzz\ntitle: Fuzz\nlanguage: en\nversion: 1\nquick-exit: https://www.bbc.co.uk/weather\nweeks:\n  - week-01.md\n---\n\n::: support-line\nname: A\nnumber: 1\nhours: Any\nconfidential: All\nnot-confidential: None\n:::\n";

fuzz_target!(|data: &[u8]| {
    let (manifest, week) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (String::from_utf8_lossy(&data[..at]).into_owned(), String::from_utf8_lossy(&data[at + 1..]).into_owned()),
        None => (MANIFEST.to_string(), String::from_utf8_lossy(data).into_owned()),
    };
    let mut sources = Sources::new();
    sources.insert(MANIFEST_FILE, manifest);
    sources.insert("week-01.md", week);
    let parsed = parse(&sources);
    for diagnostic in &parsed.diagnostics {
        let len = sources.get(&diagnostic.file).map_or(0, |f| f.text().len());
        assert!(diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end <= len);
    }
});
