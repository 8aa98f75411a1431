//! The `workbook` command as an author uses it: exit codes, human and JSON output, `dump`,
//! `new` and `init`. Each test works in its own scratch folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

fn workbook(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workbook"))
        .args(args)
        .current_dir(cwd)
        .env_remove("WORKBOOK_CONTENT")
        .env("NO_COLOR", "1")
        .output()
        .expect("the workbook binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh, empty folder in the system temp folder.
fn scratch(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "workbook-cli-{}-{}-{name}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("can create a scratch folder");
    dir
}

/// Writes a fixture's files (see tests/support) into a scratch folder.
fn content_from_fixture(fixture: &str) -> PathBuf {
    let text = std::fs::read_to_string(workspace().join("tests/fixtures").join(fixture))
        .expect("the fixture exists");
    let dir = scratch("content");
    for file in workbook_fixture_files(&text) {
        std::fs::write(dir.join(&file.0), &file.1).expect("can write a fixture file");
    }
    dir
}

/// The files of a fixture, with the default manifest the fixture harness would add.
fn workbook_fixture_files(text: &str) -> Vec<(String, String)> {
    let sources = workbook_tests::fixture_sources(text);
    sources
        .iter()
        .map(|f| (f.path().to_string(), f.text().to_string()))
        .collect()
}

#[test]
fn the_default_content_checks_clean() {
    let output = workbook(&["check", "content", "--deny-warnings"], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("content: no problems found."));
}

#[test]
fn the_folder_defaults_to_content_or_the_environment() {
    let output = workbook(&["check"], &workspace());
    assert_eq!(output.status.code(), Some(0));
    let broken = content_from_fixture("errors/unknown-kind.md");
    let output = Command::new(env!("CARGO_BIN_EXE_workbook"))
        .arg("check")
        .current_dir(workspace())
        .env("WORKBOOK_CONTENT", &broken)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("unknown exercise kind `ratng`"));
}

#[test]
fn errors_are_shown_with_the_line_a_caret_and_help() {
    let dir = content_from_fixture("errors/unknown-kind.md");
    let output = workbook(&["check", dir.to_str().unwrap()], &workspace());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("error[unknown-kind]: unknown exercise kind `ratng`"),
        "{text}"
    );
    assert!(text.contains("--> week-01.md:10:7"), "{text}");
    assert!(text.contains("kind: ratng"), "{text}");
    assert!(text.contains("^^^^^"), "{text}");
    assert!(text.contains("help: did you mean `rating`?"), "{text}");
    assert!(
        text.trim_end()
            .ends_with(&format!("2 errors in {}.", dir.display())),
        "{text}"
    );
}

#[test]
fn json_output_has_the_documented_fields() {
    let dir = content_from_fixture("errors/insecure-link.md");
    let output = workbook(
        &["check", dir.to_str().unwrap(), "--format", "json"],
        &workspace(),
    );
    assert_eq!(output.status.code(), Some(0), "warnings alone do not fail");
    let diagnostics: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("valid JSON");
    let first = &diagnostics.as_array().expect("an array")[0];
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["code"], "insecure-link");
    assert_eq!(first["file"], "week-01.md");
    assert_eq!(first["line"], 8);
    assert_eq!(first["column"], 5);
    assert!(
        first["message"]
            .as_str()
            .is_some_and(|m| m.contains("http:"))
    );

    let output = workbook(
        &["check", dir.to_str().unwrap(), "--deny-warnings"],
        &workspace(),
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "--deny-warnings fails on warnings"
    );
}

#[test]
fn many_problems_of_one_code_are_capped_but_all_counted() {
    // 32 pieces of raw HTML in one file, and a broken link.
    let dir = content_from_fixture("errors/too-many-of-one-code.md");
    let output = workbook(&["check", dir.to_str().unwrap()], &workspace());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert_eq!(text.matches("error[raw-html]").count(), 21, "{text}");
    assert!(
        text.contains("error[raw-html]: … and 12 more like the ones above in this file"),
        "{text}"
    );
    assert!(text.contains("error[broken-link]"), "{text}");
    assert!(
        text.trim_end()
            .ends_with(&format!("33 errors in {}.", dir.display())),
        "the last line counts every problem: {text}"
    );

    // The JSON lists the same, and says how many problems the summary stands for.
    let output = workbook(
        &["check", dir.to_str().unwrap(), "--format", "json"],
        &workspace(),
    );
    assert_eq!(output.status.code(), Some(1));
    let diagnostics: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("valid JSON");
    let diagnostics = diagnostics.as_array().expect("an array");
    assert_eq!(diagnostics.len(), 22);
    let summaries: Vec<&serde_json::Value> = diagnostics
        .iter()
        .filter(|d| d.get("more").is_some())
        .collect();
    assert_eq!(summaries.len(), 1, "{diagnostics:?}");
    assert_eq!(summaries[0]["more"], 12);
    assert_eq!(summaries[0]["code"], "raw-html");
    assert_eq!(summaries[0]["severity"], "error");
    assert_eq!(summaries[0]["line"], 50);
}

#[test]
fn usage_and_io_problems_exit_2() {
    let output = workbook(&["check", "no-such-folder"], &workspace());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`no-such-folder` is not a folder"),
        "{}",
        stderr(&output)
    );
    let output = workbook(&["check", "--colour"], &workspace());
    assert_eq!(output.status.code(), Some(2));
    let output = workbook(&["frobnicate"], &workspace());
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn dump_prints_the_model() {
    let output = workbook(&["dump", "content"], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let model: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let weeks = model["weeks"].as_array().expect("weeks");
    assert!(!weeks.is_empty());
    assert_eq!(weeks[0]["number"], 1);
    assert!(weeks[0]["title"].is_string());
    let exercise = &weeks[0]["exercises"][0];
    assert!(exercise["id"].is_string());
    assert!(exercise["kind"].is_string());
    assert!(exercise["sensitive"].is_boolean());
}

#[test]
fn new_names_every_kind_of_exercise() {
    let output = workbook(&["new", "--help"], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let help = stdout(&output);
    let dir = content_from_fixture("kinds/list.md");
    let output = workbook(
        &["new", "2", "kinds", "--dir", dir.to_str().unwrap()],
        &workspace(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let week = std::fs::read_to_string(dir.join("week-02-kinds.md")).unwrap();
    for kind in workbook_core::Kind::ALL {
        let line = help
            .lines()
            .find(|line| line.trim_start().starts_with(kind.name()));
        assert!(
            line.is_some_and(|line| line.ends_with(kind.summary())),
            "{help}"
        );
        assert!(week.contains(kind.name()), "{week}");
    }
}

#[test]
fn new_scaffolds_a_week_with_todo_placeholders_and_lists_it_in_order() {
    let dir = content_from_fixture("kinds/list.md");
    let path = dir.to_str().unwrap();
    // Week 1 exists; add week 3, then week 2, which must be listed between them.
    let output = workbook(&["new", "3", "keeping-going", "--dir", path], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = workbook(&["new", "2", "motivation", "--dir", path], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("week-02-motivation.md"));

    let manifest = std::fs::read_to_string(dir.join("curriculum.md")).unwrap();
    let one = manifest.find("week-01.md").unwrap();
    let two = manifest.find("week-02-motivation.md").unwrap();
    let three = manifest.find("week-03-keeping-going.md").unwrap();
    assert!(one < two && two < three, "{manifest}");

    // The new weeks are valid, but their placeholders say TODO until they are filled in.
    let output = workbook(&["check", path], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let report = stdout(&output);
    assert!(report.contains("warning[todo-comment]"), "{report}");
    assert!(
        report.trim_end().ends_with("comments say TODO or VERIFY."),
        "{report}"
    );
    assert!(!report.contains("error["), "{report}");
    let output = workbook(&["check", path, "--deny-warnings"], &workspace());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));

    // Filled in (here: the comments deleted), the weeks check clean.
    for file in ["week-02-motivation.md", "week-03-keeping-going.md"] {
        fill_in(&dir.join(file));
    }
    let output = workbook(&["check", path, "--deny-warnings"], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));

    let output = workbook(&["new", "2", "again", "--dir", path], &workspace());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("week 2 already exists"),
        "{}",
        stderr(&output)
    );
    let output = workbook(&["new", "4", "Not A Slug", "--dir", path], &workspace());
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn new_does_not_list_a_file_the_manifest_already_names() {
    let dir = content_from_fixture("kinds/list.md");
    let path = dir.to_str().unwrap();
    // The author wrote the list first: week 2's file is listed, but does not exist yet.
    let manifest = std::fs::read_to_string(dir.join("curriculum.md")).unwrap();
    let manifest = manifest.replace(
        "  - week-01.md\n",
        "  - week-01.md\n  - week-02-motivation.md\n",
    );
    std::fs::write(dir.join("curriculum.md"), &manifest).unwrap();
    let output = workbook(&["check", path], &workspace());
    assert!(
        stdout(&output).contains("missing-week-file"),
        "{}",
        stdout(&output)
    );

    let output = workbook(&["new", "2", "motivation", "--dir", path], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("already lists it"),
        "{}",
        stdout(&output)
    );
    let after = std::fs::read_to_string(dir.join("curriculum.md")).unwrap();
    assert_eq!(after, manifest, "the manifest is left as it was");
    assert_eq!(after.matches("week-02-motivation.md").count(), 1);
    let output = workbook(&["check", path], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn init_starts_a_curriculum_that_checks_but_for_its_placeholders() {
    let parent = scratch("init");
    let dir = parent.join("my-programme");
    let path = dir.to_str().unwrap();
    let output = workbook(&["init", path], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(dir.join("curriculum.md").is_file());
    assert!(dir.join("week-01-getting-started.md").is_file());
    let manifest = std::fs::read_to_string(dir.join("curriculum.md")).unwrap();
    for field in [
        "id:",
        "title:",
        "language:",
        "version:",
        "quick-exit:",
        "weeks:",
    ] {
        assert!(manifest.contains(field), "{field} in {manifest}");
    }
    assert!(manifest.contains("::: support-line"), "{manifest}");
    assert!(manifest.contains("id: my-programme"), "{manifest}");

    // Every problem is a placeholder: warnings that say TODO or VERIFY, and nothing else.
    let output = workbook(&["check", path, "--format", "json"], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let diagnostics: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostics = diagnostics.as_array().unwrap();
    assert!(!diagnostics.is_empty());
    assert!(
        diagnostics.iter().all(|d| d["code"] == "todo-comment"),
        "{diagnostics:?}"
    );
    let output = workbook(&["check", path, "--deny-warnings"], &workspace());
    assert_eq!(output.status.code(), Some(1));

    // `new --dir` adds to it; once the placeholders are filled in, everything checks clean.
    let output = workbook(&["new", "2", "next-steps", "--dir", path], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for file in [
        "curriculum.md",
        "week-01-getting-started.md",
        "week-02-next-steps.md",
    ] {
        fill_in(&dir.join(file));
    }
    let output = workbook(&["check", path, "--deny-warnings"], &workspace());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));

    // A second `init` refuses, and changes nothing.
    let before = std::fs::read_to_string(dir.join("curriculum.md")).unwrap();
    let output = workbook(&["init", path], &workspace());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    let after = std::fs::read_to_string(dir.join("curriculum.md")).unwrap();
    assert_eq!(before, after);
}

#[test]
fn the_example_outputs_in_the_docs_are_real() {
    let dir = content_from_fixture("errors/unknown-kind-by-fields.md");
    let output = workbook(&["check", "."], &dir);
    let report = stdout(&output);
    for doc in ["README.md", "content/README.md"] {
        let text = std::fs::read_to_string(workspace().join(doc)).unwrap();
        let example = text
            .split("```text\n")
            .skip(1)
            .filter_map(|block| block.split("```").next())
            .find(|block| block.starts_with("error[unknown-kind]"))
            .unwrap_or_else(|| panic!("{doc} shows an example of the checker's output"));
        assert!(
            report.contains(example.trim_end()),
            "{doc}'s example is not what the checker prints:\n{example}\n--- the checker:\n{report}"
        );
    }
}

/// Deletes the authors' comments from a file, as an author does once the work they ask for is
/// done: a comment on a line of its own goes with its line.
fn fill_in(path: &Path) {
    let text = std::fs::read_to_string(path).expect("the file was written");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find("<!--") {
        let close = open + rest[open..].find("-->").expect("closed") + 3;
        let line_start = rest[..open].rfind('\n').map_or(0, |i| i + 1);
        let own_line = rest[line_start..open].trim().is_empty()
            && rest[close..]
                .split('\n')
                .next()
                .is_some_and(|after| after.trim().is_empty());
        if own_line {
            out.push_str(&rest[..line_start]);
            rest = rest[close..]
                .split_once('\n')
                .map_or("", |(_, after)| after);
        } else {
            out.push_str(rest[..open].trim_end_matches(' '));
            rest = &rest[close..];
        }
    }
    out.push_str(rest);
    std::fs::write(path, out).expect("the file can be rewritten");
}

#[test]
fn the_hostile_corpus_is_reported_without_a_panic() {
    let dir = content_from_fixture("hostile/hostile.md");
    let output = workbook(&["check", dir.to_str().unwrap()], &workspace());
    assert_eq!(
        output.status.code(),
        Some(1),
        "errors, not a crash: {}",
        stderr(&output)
    );
    let text = stdout(&output);
    for code in [
        "raw-html",
        "unsafe-link",
        "image-not-allowed",
        "control-character",
        "too-deep",
        "file-too-large",
        "unsafe-quick-exit",
    ] {
        assert!(
            text.contains(&format!("[{code}]")),
            "the report names {code}"
        );
    }
    let output = workbook(&["dump", dir.to_str().unwrap()], &workspace());
    assert_eq!(output.status.code(), Some(1));
    // Markup and addresses may survive as plain text (shown as text); never as a link.
    let dump = stdout(&output);
    assert!(
        !dump.contains("\"url\": \"javascript") && !dump.contains("\"url\": \"data:"),
        "no unsafe link in the model"
    );
}
