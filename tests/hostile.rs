//! The hostile corpus (`fixtures/hostile/`): content written to break the workbook or to run
//! script in a participant's browser. Parsing it must not panic, every attack must be reported,
//! and nothing that could run or load anything may reach the model.

use workbook_core::{Code, parse};
use workbook_tests::{fixture_sources, tests_dir};

fn hostile() -> workbook_core::Parsed {
    let text = std::fs::read_to_string(tests_dir().join("fixtures/hostile/hostile.md"))
        .expect("the corpus exists");
    parse(&fixture_sources(&text))
}

#[test]
fn every_attack_is_reported() {
    let parsed = hostile();
    let codes: Vec<Code> = parsed.diagnostics.iter().map(|d| d.code).collect();
    for code in [
        Code::RawHtml,
        Code::UnsafeLink,
        Code::ImageNotAllowed,
        Code::ControlCharacter,
        Code::TooDeep,
        Code::FileTooLarge,
        Code::UnclosedFrontMatter,
        Code::UnsafeQuickExit,
    ] {
        assert!(
            codes.contains(&code),
            "the corpus should raise {code}; it raised {codes:?}"
        );
    }
}

#[test]
fn nothing_that_could_run_or_load_reaches_the_model() {
    let parsed = hostile();
    assert_eq!(
        parsed.curriculum.quick_exit, "",
        "an unsafe quick exit is dropped"
    );
    let json = serde_json::to_string(&parsed.curriculum).expect("serialises");
    // Links: only week, exercise, https, http, mailto and tel targets exist in the model.
    let model: serde_json::Value = serde_json::from_str(&json).expect("parses");
    let mut urls = Vec::new();
    collect_urls(&model, &mut urls);
    for url in &urls {
        let allowed = ["https:", "http:", "mailto:", "tel:"]
            .iter()
            .any(|scheme| url.starts_with(scheme));
        assert!(allowed, "a link to {url:?} reached the model");
    }
    // Raw HTML and images are not in the tree at all: the only place markup may appear is
    // inside text (shown as text) or plain-text fields.
    assert!(!json.contains("\"type\":\"html\"") && !json.contains("\"type\":\"image\""));
}

fn collect_urls(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if map.get("to").and_then(|v| v.as_str()) == Some("external")
                && let Some(url) = map.get("url").and_then(|v| v.as_str())
            {
                out.push(url.to_string());
            }
            map.values().for_each(|v| collect_urls(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_urls(v, out)),
        _ => {}
    }
}
