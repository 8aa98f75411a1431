//! Every command the README documents, tried by `cargo xtask test` in a quick form, so that a
//! broken one cannot land. [`DOCUMENTED`] lists them; a unit test reads `README.md` and fails
//! when it shows a command that is not in the list (or the list holds one the README dropped),
//! so a command added to the README is tried from then on.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::run::{Failure, cargo, cargo_command, run_command, step, workspace};

/// Every command line the README shows (without the environment variables written before some
/// of them), and how `try_all` tries it.
pub const DOCUMENTED: &[(&str, &str)] = &[
    (
        "cargo xtask serve",
        "started; the page, the app and the curriculum are fetched from it",
    ),
    ("cargo xtask test", "this run"),
    (
        "cargo xtask build",
        "this run builds the site before the browser tests",
    ),
    (
        "cargo xtask build --dist other-folder",
        "this run builds the second curriculum's site with it",
    ),
    ("cargo xtask bench", "run"),
    (
        "cargo xtask report",
        "run in its quick form (one Lighthouse run per page, fewer keystrokes and unlocks)",
    ),
    (
        "cargo run -p workbook-cli -- check content",
        "run on a copy of content/",
    ),
    (
        "cargo run -p workbook-cli -- check content --format json",
        "run; its output must be JSON",
    ),
    (
        "cargo run -p workbook-cli -- dump content",
        "run; its output must be JSON",
    ),
    (
        "cargo run -p workbook-cli -- new 13 my-topic",
        "run in a copy of content/ (--dir), then checked",
    ),
    (
        "cargo run -p workbook-cli -- init my-programme",
        "run in a scratch folder, then checked",
    ),
    (
        "cargo install --path crates/workbook-cli",
        "installed into target/readme/, then run",
    ),
    ("cargo install cargo-fuzz", "installed once"),
    (
        "cargo fuzz run parse fuzz/corpus content tests/curricula/gambling -- -dict=fuzz/parse.dict -max_total_time=1200",
        "run for 10 seconds into a scratch corpus",
    ),
];

/// Tries every documented command but `test` and `build`, which the test command runs anyway.
pub fn try_all() -> Result<(), Failure> {
    let readme = std::fs::read_to_string(workspace().join("README.md"))
        .map_err(|e| Failure::new(format!("cannot read README.md: {e}")))?;
    compare(&commands_in(&readme))?;
    println!("The README documents {} commands:", DOCUMENTED.len());
    for (command, how) in DOCUMENTED {
        println!("  {command}: {how}");
    }
    let scratch = workspace().join("target/readme");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", scratch.display())))?;
    step("README: the authors' commands");
    authors_commands(&scratch)?;
    step("README: cargo xtask bench");
    crate::bench(&[])?;
    step("README: cargo xtask report (quick)");
    crate::report(true)?;
    step("README: fuzzing the parser for 10 seconds");
    fuzz(&scratch)?;
    step("README: cargo xtask serve (until it serves the workbook)");
    serve()
}

/// `workbook check`, `dump`, `new`, `init` as the README shows them, and the installed binary.
fn authors_commands(scratch: &Path) -> Result<(), Failure> {
    let copy = scratch.join("content");
    copy_dir(&workspace().join("content"), &copy)?;
    let copy = copy.to_string_lossy().into_owned();
    workbook(&["check", &copy])?;
    expect_json(&["check", &copy, "--format", "json"])?;
    expect_json(&["dump", &copy])?;
    workbook(&["new", "13", "my-topic", "--dir", &copy])?;
    workbook(&["check", &copy])?;
    let programme = scratch.join("my-programme").to_string_lossy().into_owned();
    workbook(&["init", &programme])?;
    workbook(&["check", &programme])?;
    let root = scratch.join("install");
    cargo(&[
        "install",
        "--quiet",
        "--path",
        "crates/workbook-cli",
        "--root",
        &root.to_string_lossy(),
    ])?;
    run_command(
        Command::new(root.join("bin/workbook"))
            .arg("check")
            .arg(workspace().join("content")),
    )
}

fn workbook(args: &[&str]) -> Result<(), Failure> {
    let mut all = vec!["run", "--quiet", "-p", "workbook-cli", "--"];
    all.extend_from_slice(args);
    cargo(&all)
}

/// Runs the CLI and checks that what it prints is JSON.
fn expect_json(args: &[&str]) -> Result<(), Failure> {
    let output = cargo_command()
        .args(["run", "--quiet", "-p", "workbook-cli", "--"])
        .args(args)
        .current_dir(workspace())
        .output()
        .map_err(|e| Failure::new(format!("could not run the workbook CLI: {e}")))?;
    let shown = format!("workbook {}", args.join(" "));
    if !output.status.success() {
        return Err(Failure::new(format!(
            "`{shown}` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .map(|_| println!("`{shown}` printed {} bytes of JSON", output.stdout.len()))
        .map_err(|e| Failure::new(format!("`{shown}` did not print JSON: {e}")))
}

/// `cargo fuzz run` as the README shows it, for 10 seconds, into a scratch corpus.
fn fuzz(scratch: &Path) -> Result<(), Failure> {
    if crate::run::output_of("cargo-fuzz", &["--version"]).is_none() {
        cargo(&["install", "--locked", "cargo-fuzz"])?;
    }
    let corpus = scratch.join("corpus");
    std::fs::create_dir_all(&corpus)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", corpus.display())))?;
    run_command(
        cargo_command()
            .env("RUSTC_BOOTSTRAP", "1")
            .args(["fuzz", "run", "parse"])
            .arg(&corpus)
            .args([
                "content",
                "tests/curricula/gambling",
                "--",
                "-dict=fuzz/parse.dict",
                "-max_total_time=10",
            ]),
    )
}

/// Where `cargo xtask serve` serves (Trunk.toml).
const SERVE_ADDRESS: &str = "127.0.0.1:8080";

/// Starts `cargo xtask serve`, waits until the page, the app's wasm and the curriculum can be
/// fetched from it, and stops it (with everything it started).
fn serve() -> Result<(), Failure> {
    use std::os::unix::process::CommandExt;
    if TcpStream::connect(SERVE_ADDRESS).is_ok() {
        return Err(Failure::new(format!(
            "something already listens on {SERVE_ADDRESS}: stop it, then run the tests again"
        )));
    }
    let mut child = cargo_command()
        .args(["xtask", "serve"])
        .current_dir(workspace())
        .process_group(0)
        .spawn()
        .map_err(|e| Failure::new(format!("could not start `cargo xtask serve`: {e}")))?;
    // The first serve compiles the app in the dev profile: minutes on a slow machine.
    let deadline = Instant::now() + Duration::from_secs(25 * 60);
    let result = loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                break Err(Failure::new(format!(
                    "`cargo xtask serve` stopped ({status}) before it served the workbook; its output is above"
                )));
            }
            Ok(None) => {}
            Err(e) => {
                break Err(Failure::new(format!(
                    "cannot watch `cargo xtask serve`: {e}"
                )));
            }
        }
        if let Some(served) = served_workbook() {
            println!("`cargo xtask serve` serves the workbook: {served}");
            break Ok(());
        }
        if Instant::now() > deadline {
            break Err(Failure::new(
                "`cargo xtask serve` did not serve the workbook within 25 minutes; its output is above",
            ));
        }
        std::thread::sleep(Duration::from_secs(2));
    };
    // Trunk and the cargo processes it started are in the child's process group.
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{}", child.id())])
        .status();
    let _ = child.wait();
    result
}

/// What the served site gave, when its page, the app's wasm and the curriculum's manifest can
/// all be fetched.
fn served_workbook() -> Option<String> {
    let (status, page) = http_get("/")?;
    if status != 200 {
        return None;
    }
    let wasm = page
        .split('"')
        .find(|part| part.ends_with("_bg.wasm"))?
        .to_string();
    let (wasm_status, wasm_body) = http_get(&wasm)?;
    let (manifest_status, _) = http_get("/content/curriculum.md")?;
    (wasm_status == 200 && manifest_status == 200).then(|| {
        format!(
            "the page ({} bytes), {wasm} ({} bytes) and content/curriculum.md",
            page.len(),
            wasm_body.len()
        )
    })
}

/// A plain HTTP/1.1 GET: the status and the body (lossily as text).
fn http_get(path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(SERVE_ADDRESS).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {SERVE_ADDRESS}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let text = String::from_utf8_lossy(&response);
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string())?;
    Some((status, body))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(to)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", to.display())))?;
    for entry in std::fs::read_dir(from)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", from.display())))?
        .flatten()
    {
        let path = entry.path();
        if path.is_file() {
            std::fs::copy(&path, to.join(entry.file_name()))
                .map_err(|e| Failure::new(format!("cannot copy {}: {e}", path.display())))?;
        } else if path.is_dir() {
            // A translation's folder (`cy/`), the interface text (`interface/`).
            copy_dir(&path, &to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// The command lines `README.md` shows: each line of a `sh` block, and each inline code span,
/// that runs `cargo`, without environment variables before it or a comment after it.
pub fn commands_in(readme: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_sh = !in_sh && line.trim() == "```sh";
            continue;
        }
        if in_sh {
            let command = line.split(" #").next().unwrap_or(line);
            found.push(command.to_string());
        } else {
            found.extend(line.split('`').skip(1).step_by(2).map(str::to_string));
        }
    }
    found
        .into_iter()
        .map(|command| {
            command
                .split_whitespace()
                .skip_while(|word| word.contains('=') && !word.starts_with('-'))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|command| command.starts_with("cargo "))
        .fold(Vec::new(), |mut all, command| {
            if !all.contains(&command) {
                all.push(command);
            }
            all
        })
}

/// Fails when the README shows a command [`DOCUMENTED`] does not list, or the other way round.
fn compare(shown: &[String]) -> Result<(), Failure> {
    let listed: Vec<&str> = DOCUMENTED.iter().map(|(command, _)| *command).collect();
    let untried: Vec<&String> = shown
        .iter()
        .filter(|c| !listed.contains(&c.as_str()))
        .collect();
    if !untried.is_empty() {
        return Err(Failure::new(format!(
            "README.md shows commands that `cargo xtask test` does not try: {untried:?}. \
             Add each to DOCUMENTED and to try_all in crates/xtask/src/readme.rs."
        )));
    }
    let dropped: Vec<&&str> = listed
        .iter()
        .filter(|c| !shown.iter().any(|s| s == *c))
        .collect();
    if !dropped.is_empty() {
        return Err(Failure::new(format!(
            "DOCUMENTED in crates/xtask/src/readme.rs lists commands README.md no longer shows: {dropped:?}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_the_readme_shows_is_tried_and_no_other() {
        let readme = std::fs::read_to_string(workspace().join("README.md")).expect("README.md");
        if let Err(failure) = compare(&commands_in(&readme)) {
            panic!("{failure}");
        }
    }

    #[test]
    fn a_command_added_to_the_readme_alone_is_caught() {
        let readme = std::fs::read_to_string(workspace().join("README.md")).expect("README.md");
        let added = format!("{readme}\nAlso `cargo xtask deploy`.\n");
        assert!(compare(&commands_in(&added)).is_err());
    }

    #[test]
    fn commands_are_read_from_sh_blocks_and_code_spans() {
        let readme = "Run `cargo xtask bench` or `ls`.\n\n```sh\nWORKBOOK_CONTENT=x cargo xtask serve   # serve\nnpm test\n```\n\n```text\ncargo not-a-command\n```\n";
        assert_eq!(
            commands_in(readme),
            vec!["cargo xtask bench", "cargo xtask serve"]
        );
    }
}
