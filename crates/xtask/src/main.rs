//! The project's own tasks, so that a fresh machine needs only Rust and `cargo`:
//!
//! ```text
//! cargo xtask serve   # set up what is missing, check the content, serve the workbook
//! cargo xtask test    # set up what is missing, run every test
//! cargo xtask bench   # the parse benchmark (core against bare pulldown-cmark)
//! cargo xtask setup   # only install the pinned tools
//! ```
//!
//! Every step says what it does before it does it, skips what is already there, and fails with a
//! sentence that says what to do.

mod run;
mod setup;

use std::process::ExitCode;

use run::{Failure, cargo, step};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let result = match task {
        "serve" => serve(),
        "test" => test(),
        "bench" => bench(&args[1..]),
        "setup" => setup::all(),
        "help" | "--help" | "-h" => {
            println!("{}", HELP);
            Ok(())
        }
        other => Err(Failure::new(format!(
            "there is no task `{other}`.\n\n{HELP}"
        ))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("\nxtask: {failure}");
            ExitCode::FAILURE
        }
    }
}

const HELP: &str = "usage: cargo xtask <task>

  serve   check the content and serve the workbook on http://127.0.0.1:8080
  test    run every test (what CI runs)
  bench   the parse benchmark: the core against bare pulldown-cmark
  setup   install the pinned tools the other tasks need

The content folder is `content`, or the folder in $WORKBOOK_CONTENT.";

/// The content folder the tasks use.
fn content_dir() -> String {
    std::env::var("WORKBOOK_CONTENT").unwrap_or_else(|_| "content".to_string())
}

fn serve() -> Result<(), Failure> {
    let content = content_dir();
    step(&format!("Checking the curriculum in {content}"));
    cargo(&[
        "run",
        "--quiet",
        "--package",
        "workbook-cli",
        "--",
        "check",
        &content,
    ])?;
    println!(
        "\nThe curriculum in {content} is ready. The browser app is not part of the workspace yet, \
         so there is nothing to serve; `cargo xtask serve` will serve it once it is."
    );
    Ok(())
}

fn test() -> Result<(), Failure> {
    setup::rust_components()?;
    setup::wasm_target()?;
    step("Checking formatting");
    cargo(&["fmt", "--all", "--check"])?;
    step("Linting");
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ])?;
    step("Building the core for the browser (wasm32)");
    cargo(&[
        "build",
        "--quiet",
        "--package",
        "workbook-core",
        "--target",
        "wasm32-unknown-unknown",
    ])?;
    step("Running the tests");
    cargo(&["test", "--workspace"])?;
    step("Checking the default curriculum");
    cargo(&[
        "run",
        "--quiet",
        "--package",
        "workbook-cli",
        "--",
        "check",
        "content",
        "--deny-warnings",
    ])?;
    println!("\nEvery test passed.");
    Ok(())
}

fn bench(args: &[String]) -> Result<(), Failure> {
    step("Benchmarking the parser (release build)");
    let mut command = vec![
        "bench",
        "--quiet",
        "--package",
        "workbook-core",
        "--bench",
        "parse",
        "--",
    ];
    command.extend(args.iter().map(String::as_str));
    cargo(&command)
}
