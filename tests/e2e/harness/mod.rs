//! The end-to-end harness: a static file server, a browser session, and what tests ask of them.
//!
//! - [`server`]: [`StaticServer`], a std-only HTTP server over a folder that records every
//!   request, can be switched offline, and can add response headers.
//! - [`engine`]: [`Engine`], the browser engines (Chromium, Firefox, WebKit) and how each is
//!   driven, and [`in_every_engine!`] for a scenario that runs in all three.
//! - [`browser`]: [`Browser`], a driver + browser session with a fresh profile, and the waits,
//!   scripts, storage and screenshot helpers.
//! - [`network`]: what the page asked the network for (Chrome's performance log, or the page's
//!   Resource Timing elsewhere), and [`assert_only_origin`].
//! - [`axe`]: the axe-core accessibility audit.
//!
//! Helpers panic with a sentence that says what went wrong and what to do: a failing end-to-end
//! test should tell its reader where to look without a debugger.

pub mod axe;
pub mod browser;
pub mod engine;
pub mod network;
pub mod server;

// Its tests exist only in the `e2e` test binary; `perf_report` (no test harness) includes this
// module too, and there the test functions, and so their imports, are compiled out.
#[allow(unused_imports)]
mod self_test;

use std::path::PathBuf;
use std::time::Duration;

pub use browser::{Browser, Viewport};
pub use engine::Engine;
pub use network::assert_only_origin;
pub use server::StaticServer;

/// How long the app may take to start: load the page, fetch and compile the wasm, render.
pub const APP_START: Duration = Duration::from_secs(20);

/// A script for [`StaticServer::run_before_page_scripts`]: a clock the test can move forward,
/// `window.e2eClockAhead` milliseconds ahead of the real one (`Date.now()` and `new Date()`),
/// so that nobody waits minutes or days.
pub const MOVABLE_CLOCK: &str = "(() => { \
    const RealDate = Date, now = Date.now; \
    window.e2eClockAhead = Number(sessionStorage.getItem('e2eClockAhead') || 0); \
    const ahead = () => now() + window.e2eClockAhead; \
    class MovedDate extends RealDate { \
      constructor(...args) { if (args.length === 0) { super(ahead()); } else { super(...args); } } \
      static now() { return ahead(); } \
    } \
    window.Date = MovedDate; \
    window.e2eMoveClock = (ms) => { window.e2eClockAhead = ms; sessionStorage.setItem('e2eClockAhead', String(ms)); }; \
  })();";

/// How long the waits wait when a test has no reason to choose.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// The workspace root (the folder of the top-level `Cargo.toml`).
pub fn workspace_dir() -> PathBuf {
    workbook_tests::workspace_dir()
}

/// The built site the tests serve: `dist/` in the workspace.
///
/// Panics, saying how to build it, when `dist/index.html` is missing.
pub fn dist_dir() -> PathBuf {
    let dist = workspace_dir().join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} is missing: run `cargo xtask build` first (the end-to-end tests serve the built site)",
        dist.join("index.html").display()
    );
    dist
}

/// Where screenshots go: `target/screenshots/` in the workspace.
pub fn screenshot_dir() -> PathBuf {
    workspace_dir().join("target").join("screenshots")
}

/// The name of the running test (`module::test_name`), taken from the test thread's name, with
/// characters unfit for a file name replaced; `e2e` when it cannot be known.
pub fn current_test_name() -> String {
    let thread = std::thread::current();
    file_name_safe(thread.name().unwrap_or("e2e"))
}

/// `name` with every character other than ASCII letters, digits, `-`, `_` and `.` replaced by `-`.
pub fn file_name_safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    // `smoke::page_loads` reads better as `smoke-page_loads` than `smoke--page_loads`.
    safe.replace("--", "-")
}
