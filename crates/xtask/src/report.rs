//! `cargo xtask report`: the size and speed report. Sizes are of the built site in `dist/`, each
//! file gzipped on its own (as a server sends them); speed is measured in headless Chromium by
//! the `perf_report` example of the tests package. Numbers, never pass/fail: machines are noisy.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::run::{Failure, cargo, workspace};

/// The budget for everything a first visit downloads, gzipped.
pub const FIRST_LOAD_BUDGET: usize = 250 * 1024;

/// Prints the size of the first load, by part.
pub fn sizes() -> Result<(), Failure> {
    let dist = workspace().join("dist");
    if !dist.join("index.html").exists() {
        return Err(Failure::new(
            "dist/ is missing; `cargo xtask report` builds it first",
        ));
    }
    let mut parts: Vec<(String, usize, usize)> = Vec::new();
    let mut add = |label: &str, path: &Path| -> Result<(), Failure> {
        let bytes = fs::read(path)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
        let gz = gzip_len(&bytes)?;
        match parts.iter_mut().find(|(l, _, _)| l == label) {
            Some(part) => {
                part.1 += bytes.len();
                part.2 += gz;
            }
            None => parts.push((label.to_string(), bytes.len(), gz)),
        }
        Ok(())
    };
    for entry in fs::read_dir(&dist)
        .map_err(|e| Failure::new(e.to_string()))?
        .flatten()
    {
        let path = entry.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let label = if name.ends_with(".wasm") {
            "app (wasm)"
        } else if name == "sw.js" {
            continue; // fetched after the page has loaded, by the browser, for offline use
        } else if name.ends_with(".js") {
            "app (JavaScript glue)"
        } else if name.ends_with(".css") {
            "styles (CSS)"
        } else if name.ends_with(".html") {
            "page (HTML)"
        } else {
            continue;
        };
        add(label, &path)?;
    }
    let content = dist.join("content");
    for entry in fs::read_dir(&content)
        .map_err(|e| Failure::new(e.to_string()))?
        .flatten()
    {
        add("curriculum (markdown)", &entry.path())?;
    }
    let total: usize = parts.iter().map(|p| p.2).sum();
    println!("First load, each file gzipped (level 9):");
    for (label, raw, gz) in &parts {
        println!(
            "  {label:<24} {:>8.1} KB raw  {:>7.1} KB gzipped",
            kb(*raw),
            kb(*gz)
        );
    }
    println!(
        "  {:<24} {:>8}          {:>7.1} KB gzipped  (budget {:.0} KB: {})",
        "total",
        "",
        kb(total),
        kb(FIRST_LOAD_BUDGET),
        if total <= FIRST_LOAD_BUDGET {
            format!("{:.1} KB under", kb(FIRST_LOAD_BUDGET - total))
        } else {
            format!("{:.1} KB OVER", kb(total - FIRST_LOAD_BUDGET))
        }
    );
    Ok(())
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// The gzipped length of `bytes`, by the system's `gzip -9` (installed everywhere this runs).
fn gzip_len(bytes: &[u8]) -> Result<usize, Failure> {
    let mut child = std::process::Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| Failure::new(format!("cannot run gzip: {e}")))?;
    // Written from another thread: gzip's output fills its pipe long before a large input has
    // all gone in, and both sides would wait on each other.
    let mut input = child
        .stdin
        .take()
        .ok_or_else(|| Failure::new("gzip has no input"))?;
    let bytes = bytes.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let output = child
        .wait_with_output()
        .map_err(|e| Failure::new(e.to_string()))?;
    writer
        .join()
        .map_err(|_| Failure::new("writing to gzip failed"))?
        .map_err(|e| Failure::new(e.to_string()))?;
    Ok(output.stdout.len())
}

/// Runs the browser speed report.
pub fn speed() -> Result<(), Failure> {
    cargo(&[
        "test",
        "--quiet",
        "--package",
        "workbook-tests",
        "--test",
        "perf_report",
        "--",
        "--nocapture",
    ])
}
