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

mod compressed_server;
mod first_view;
mod lighthouse;
mod minify;
mod precompress;
mod readme;
mod report;
mod run;
mod setup;
mod stage;

use std::process::{Command, ExitCode};

use lighthouse::Throttling;
use run::{Failure, cargo, run_command, step};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let result = match task {
        "serve" => serve(),
        "test" => test(),
        "bench" => bench(&args[1..]),
        "setup" => setup::all(),
        "stage" => stage::stage(),
        "build" => match args.get(1).map(String::as_str) {
            None => build_site(),
            Some("--dist") if args.len() == 3 => build_site_into(&args[2]),
            Some(_) => Err(Failure::new(format!(
                "`build` takes no arguments, or `--dist DIR`.\n\n{HELP}"
            ))),
        },
        "report" => match args.get(1).map(String::as_str) {
            None => report(false),
            Some("--quick") => report(true),
            Some(_) => Err(Failure::new(format!(
                "`report` takes no arguments, or `--quick`.\n\n{HELP}"
            ))),
        },
        "sizes" => report::sizes(),
        "lighthouse" => lighthouse_task(&args[1..]),
        "readme" => readme::try_all(),
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
  test    run every test (what CI runs), then every command the README documents, quickly
  bench   the parse benchmark: the core against bare pulldown-cmark
  build   build the static site into dist/ (release); `build --dist DIR` into DIR
  report  the size and speed report: first-load size by part; Lighthouse on the home page and
          week 9 (mobile, simulated slow 4G, served gzipped: medians of 3 runs of the score, FCP,
          LCP and TBT, beside the aims); typing cost in a long answer. `report --quick` with one
          Lighthouse run per page and a tenth of the other runs (the test command runs it, to
          prove it works)
  lighthouse [--runs N] [DIR...]
          Lighthouse alone, as `report` runs it, over built sites (default dist/; nothing is
          built): N runs per page (default 3); two or more folders are measured in one run,
          interleaved, a table each (`lighthouse /tmp/dist-before dist` compares two builds)
  readme  try every command the README documents, quickly (the end of `test`)
  setup   install the pinned tools the other tasks need
  stage   (Trunk's post-build hook) copy the curriculum into the site, write the service worker
          and, in a release build, .gz and .br copies of the app's files

The content folder is `content`, or the folder in $WORKBOOK_CONTENT.";

fn serve() -> Result<(), Failure> {
    setup::web_tools()?;
    let content = stage::content_source();
    step(&format!("Checking the curriculum in {}", content.display()));
    // Problems are shown here and in the page; the workbook is served either way so an author
    // can see them while editing.
    let _ = check_content(&content.to_string_lossy(), &[]);
    step("Serving the workbook at http://127.0.0.1:8080 (Ctrl+C stops it)");
    let mut trunk = trunk();
    // With the core's advice to authors (`lints`), which participants' builds leave out, so the
    // preview's problems page shows every warning `workbook check` gives.
    trunk.args(["serve", "--features", "lints"]);
    // Trunk.toml watches content/; a curriculum elsewhere is watched too.
    if !content.starts_with(run::workspace().join("content")) {
        trunk.arg("--watch").arg(&content);
    }
    run_command(&mut trunk)
}

/// Runs `workbook check` on a content folder.
fn check_content(dir: &str, flags: &[&str]) -> Result<(), Failure> {
    let mut args = vec![
        "run",
        "--quiet",
        "--package",
        "workbook-cli",
        "--",
        "check",
        dir,
    ];
    args.extend_from_slice(flags);
    cargo(&args)
}

/// Builds the static site into dist/ with the release profile.
fn build_site() -> Result<(), Failure> {
    setup::web_tools()?;
    step("Building the site into dist/ (release)");
    run_command(trunk().args(["build", "--release"]))
}

/// Builds the static site into another folder (with the curriculum in `$WORKBOOK_CONTENT`, as
/// any build), leaving dist/ as it is.
fn build_site_into(dist: &str) -> Result<(), Failure> {
    setup::web_tools()?;
    step(&format!("Building the site into {dist}/ (release)"));
    run_command(trunk().args(["build", "--release", "--dist", dist]))
}

/// The second curriculum, a short course of another kind that uses every feature of the format,
/// and where `cargo xtask test` builds the site with it for its browser tests
/// (`tests/e2e/other_programme.rs`).
const EXAMPLE_CONTENT: &str = "tests/curricula/gambling";
const EXAMPLE_SITE: &str = "target/sites/gambling";

fn build_example_site() -> Result<(), Failure> {
    step(&format!(
        "Building the site with the second curriculum ({EXAMPLE_CONTENT}) into {EXAMPLE_SITE}/"
    ));
    run_command(
        trunk()
            .env("WORKBOOK_CONTENT", run::workspace().join(EXAMPLE_CONTENT))
            .args(["build", "--release", "--dist", EXAMPLE_SITE]),
    )
}

/// Trunk, with the pinned tools on its PATH and the flags the app's wasm is built with.
///
/// The participant downloads the app's wasm before the first page shows, so its build trades
/// things no participant can see for bytes, measured on the built site (gzipped):
/// - `-Zlocation-detail=none` leaves the file and line of every possible panic out (8.2 KiB) and
///   `-Zfmt-debug=none` the `Debug` formatting only panics use (1.7 KiB);
/// - `-Cpanic=immediate-abort` with the standard library rebuilt for it (`build-std`, which
///   needs the `rust-src` component) drops panic messages and their formatting altogether
///   (18.5 KiB: 324.9 to 306.4 KiB).
///
/// A panic in the browser already aborts without a message (the app has no panic hook and shows
/// nothing formatted with `{:?}`), so none of this changes what a participant sees. They are
/// unstable flags, so this one build runs with `RUSTC_BOOTSTRAP=1`; the toolchain is pinned, and
/// if a later rustc drops a flag, deleting it here is the whole fix. The variables reach only
/// Trunk's wasm build: the post-build hook in Trunk.toml removes them before it runs cargo.
fn trunk() -> Command {
    let mut trunk = Command::new("trunk");
    trunk
        .env("PATH", setup::tool_path())
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort",
        );
    trunk
}

fn test() -> Result<(), Failure> {
    setup::rust_components()?;
    setup::web_tools()?;
    setup::browsers()?;
    setup::axe_core()?;
    // The README's `cargo xtask report`, tried quickly at the end, runs Lighthouse once a page.
    setup::lighthouse()?;
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
    // The workspace builds the core with its advice to authors (`lints`); the participant's app
    // builds it without, which must lint cleanly and read all content the same (less the advice).
    step("Linting the core as the participant's app builds it (without `lints`)");
    cargo(&[
        "clippy",
        "--package",
        "workbook-core",
        "--no-default-features",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ])?;
    step("Building the core for the browser (wasm32), as the participant's app builds it");
    cargo(&[
        "build",
        "--quiet",
        "--package",
        "workbook-core",
        "--no-default-features",
        "--target",
        "wasm32-unknown-unknown",
    ])?;
    step("Testing the core as the participant's app builds it: it reads everything the same");
    cargo(&[
        "test",
        "--quiet",
        "--package",
        "workbook-core",
        "--no-default-features",
    ])?;
    // The browser tests run against the built sites: the default curriculum's, and the second
    // curriculum's (the same app; only the content differs).
    build_site()?;
    build_example_site()?;
    // Everything, with the browser tests in Chromium; then the scenarios that run in every
    // engine, once per other engine, each timed, so the report says what each engine costs.
    let mut timings = Vec::new();
    for (engine, what) in [
        (
            "Chromium",
            "the core fixtures, the CLI, the app's state and the site in Chromium",
        ),
        ("Firefox", "the site in Firefox"),
        ("WebKit", "the site in WebKit"),
    ] {
        step(&format!("Running the tests: {what}"));
        let started = std::time::Instant::now();
        match engine {
            "Chromium" => cargo(&[
                "test",
                "--workspace",
                "--",
                "--skip",
                "::firefox",
                "--skip",
                "::webkit",
            ])?,
            other => cargo(&[
                "test",
                "--package",
                "workbook-tests",
                "--test",
                "e2e",
                "--",
                &format!("::{}", other.to_lowercase()),
            ])?,
        }
        timings.push((engine, started.elapsed()));
    }
    step("Checking the default curriculum");
    check_content("content", &["--deny-warnings"])?;
    step("Checking the second curriculum");
    check_content(EXAMPLE_CONTENT, &["--deny-warnings"])?;
    // Last, so a broken README command never hides a failing test.
    let started = std::time::Instant::now();
    readme::try_all()?;
    timings.push(("README", started.elapsed()));
    println!("\nEvery test passed, and every command the README documents works. Time taken:");
    for (engine, took) in timings {
        let seconds = took.as_secs();
        let note = match engine {
            "Chromium" => " (the whole browser suite, and every test that needs no browser)",
            "README" => " (the README's commands, quickly: serve, bench, report, fuzz, the CLI)",
            _ => " (the scenarios that run in every engine)",
        };
        println!(
            "  {engine:<9}{:>3} min {:>2} s{note}",
            seconds / 60,
            seconds % 60
        );
    }
    Ok(())
}

/// The size report, Lighthouse (simulated, then slowed down for real) and the speed report,
/// after building the site.
fn report(quick: bool) -> Result<(), Failure> {
    let runs = if quick { 1 } else { lighthouse::RUNS };
    build_site()
        .and_then(|()| report::sizes())
        .and_then(|()| lighthouse::report(&["dist".into()], runs, Throttling::Simulate))
        // The same pages slowed down for real: what the simulation estimates, measured.
        .and_then(|()| lighthouse::report(&["dist".into()], runs, Throttling::Devtools))
        .and_then(|()| report::speed(quick))
}

/// `cargo xtask lighthouse [--runs N] [DIR...]` (`--dist DIR` names a folder too).
fn lighthouse_task(args: &[String]) -> Result<(), Failure> {
    let usage = || {
        Failure::new(format!(
            "`lighthouse` takes `--runs N` (N at least 1) and the folders of built sites.\n\n{HELP}"
        ))
    };
    let mut runs = lighthouse::RUNS;
    let mut sites = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n >= 1)
                    .ok_or_else(usage)?;
            }
            "--dist" => sites.push(args.next().ok_or_else(usage)?.into()),
            flag if flag.starts_with('-') => return Err(usage()),
            site => sites.push(site.into()),
        }
    }
    if sites.is_empty() {
        sites.push("dist".into());
    }
    lighthouse::report(&sites, runs, Throttling::from_env()?)
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
