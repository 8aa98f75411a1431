//! `cargo xtask report`: the size and speed report. Sizes are of the built site in `dist/`, each
//! file gzipped on its own (as a server sends them); Lighthouse's figures for the first load come
//! from `lighthouse.rs`; speed is measured in Chromium, Firefox and WebKit, side by side, by the
//! `perf_report` example of the tests package. Numbers, never pass/fail: machines are noisy.

use std::fs;
use std::path::Path;

use crate::precompress::{brotli, gzip};
use crate::run::{Failure, cargo_command, run_command, workspace};

/// The ceiling for everything a first visit downloads, gzipped: no change may grow past it.
pub const FIRST_LOAD_CEILING_GZIP: usize = 360 * 1024;

/// The same ceiling with brotli.
pub const FIRST_LOAD_CEILING_BROTLI: usize = 295 * 1024;

/// Prints the size of the first load, by part, of each language's page (`index.html` in the
/// curriculum's own language, `cy.html` for Welsh): gzipped (what the ceiling counts, and what
/// any server that compresses sends) and with brotli (what a host serving the release build's
/// `.br` copies, or compressing with brotli itself, sends). A page's curriculum files are the
/// ones it preloads: exactly what its app fetches, in its language only.
pub fn sizes() -> Result<(), Failure> {
    let dist = workspace().join("dist");
    if !dist.join("index.html").exists() {
        return Err(Failure::new(
            "dist/ is missing; `cargo xtask report` builds it first",
        ));
    }
    let mut pages: Vec<String> = fs::read_dir(&dist)
        .map_err(|e| Failure::new(e.to_string()))?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".html"))
        .collect();
    // The default page first, then the others by name.
    pages.sort_by_key(|name| (name != "index.html", name.clone()));
    for page in pages {
        let parts = first_load(&dist, &page)?;
        print_first_load(&page, &parts);
    }
    Ok(())
}

/// The parts of the first load of `page`: the page, the app's files, and the curriculum files
/// it preloads.
fn first_load(dist: &Path, page: &str) -> Result<Vec<Part>, Failure> {
    let mut parts: Vec<Part> = Vec::new();
    let mut add = |label: &'static str, path: &Path| -> Result<(), Failure> {
        let bytes = fs::read(path)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
        let (gz, br) = (gzip(&bytes)?.len(), brotli(&bytes)?.len());
        match parts.iter_mut().find(|part| part.label == label) {
            Some(part) => {
                part.raw += bytes.len();
                part.gz += gz;
                part.br += br;
            }
            None => parts.push(Part {
                label,
                raw: bytes.len(),
                gz,
                br,
            }),
        }
        Ok(())
    };
    add("page (HTML)", &dist.join(page))?;
    for entry in fs::read_dir(dist)
        .map_err(|e| Failure::new(e.to_string()))?
        .flatten()
    {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let label = if name.ends_with(".wasm") {
            "app (wasm)"
        } else if name == "sw.js" {
            continue; // fetched after the page has loaded, by the browser, for offline use
        } else if name.ends_with(".js") {
            "app (JavaScript glue)"
        } else if name.ends_with(".css") {
            "styles (CSS)"
        } else {
            continue; // the pages (one is counted), and the compressed copies of the files above
        };
        add(label, &path)?;
    }
    let html = fs::read_to_string(dist.join(page))
        .map_err(|e| Failure::new(format!("cannot read {page}: {e}")))?;
    for preload in html.split("<link rel=\"preload\" href=\"").skip(1) {
        let Some(href) = preload.split('"').next() else {
            continue;
        };
        if href.starts_with("content/") {
            add("curriculum (markdown)", &dist.join(href))?;
        }
    }
    Ok(parts)
}

/// One page's first load, by part, against the ceiling.
fn print_first_load(page: &str, parts: &[Part]) {
    let (gz, br): (usize, usize) = parts
        .iter()
        .fold((0, 0), |(gz, br), part| (gz + part.gz, br + part.br));
    println!(
        "First load of {page}, each file compressed on its own (gzip best; brotli quality 11):"
    );
    println!(
        "  {:<24} {:>11}  {:>13}  {:>12}",
        "", "raw", "gzip", "brotli"
    );
    for part in parts {
        println!(
            "  {:<24} {:>8.1} KB  {:>10.1} KB  {:>9.1} KB",
            part.label,
            kb(part.raw),
            kb(part.gz),
            kb(part.br)
        );
    }
    println!(
        "  {:<24} {:>11}  {:>10.1} KB  {:>9.1} KB",
        "total",
        "",
        kb(gz),
        kb(br)
    );
    let against = |total: usize, ceiling: usize, how: &str| {
        if total <= ceiling {
            format!(
                "{:.0} KB {how}: {:.1} KB under",
                kb(ceiling),
                kb(ceiling - total)
            )
        } else {
            format!(
                "{:.0} KB {how}: {:.1} KB OVER",
                kb(ceiling),
                kb(total - ceiling)
            )
        }
    };
    println!(
        "  ceiling: {}; {}",
        against(gz, FIRST_LOAD_CEILING_GZIP, "gzipped"),
        against(br, FIRST_LOAD_CEILING_BROTLI, "with brotli")
    );
}

/// One line of the size report.
struct Part {
    label: &'static str,
    raw: usize,
    gz: usize,
    br: usize,
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// Runs the browser speed report; `quick` with a tenth of the runs, only to prove it works.
pub fn speed(quick: bool) -> Result<(), Failure> {
    let mut command = cargo_command();
    command.args([
        "run",
        "--quiet",
        "--package",
        "workbook-tests",
        "--example",
        "perf_report",
    ]);
    if quick {
        command.env("PERF_REPORT_QUICK", "1");
    }
    run_command(&mut command)
}
