//! The first view, put into the built `index.html` by `stage`: what a participant reads before
//! the app has arrived (see `crates/workbook-web/src/components/first_view.rs`).
//!
//! - The home page and the page's other first messages, rendered by the app's own components
//!   (Yew's server-side renderer, `workbook_web::prerender`), into `<body>` after an empty
//!   `<div id="app">` that the app renders into.
//! - The page's own script, `web/first-visit.js`, inline in `<head>` so it runs before the first
//!   paint (minified with terser in a release build); `stage` then puts its hash into the
//!   Content-Security-Policy, as it does for Trunk's start-up script.
//! - `data-first` on `<html>`: `home`, or `opening` when the curriculum has errors (the app
//!   shows them instead of the weeks).
//! - What the app needs, to fetch beside it rather than after it has started: Trunk's preload
//!   of the wasm and one for each curriculum file, kept in `<template id="preloads">` for the
//!   page's script to add. On a first visit to the home page it adds the curriculum's after the
//!   first paint, so nothing competes with the page's own words (the app's module fetches the
//!   wasm as soon as it runs); on a page the first view cannot show, where the app's words are
//!   the first words, it adds them all at once. (Trunk's `modulepreload` of the small JavaScript
//!   glue stays as it is: the start-up script imports the glue at once anyway.)
//! - Trunk's start-up script says when the app could not start (its wasm not fetched, or
//!   failing as it starts): it dispatches `workbook-failed`, which the page's script turns into
//!   the plain message. Browsers report a failed module script in different ways, and WebKit
//!   not at all, so the script says it itself.

use std::fs;
use std::path::Path;

use workbook_core::{Curriculum, MANIFEST_FILE};

use crate::minify;
use crate::run::{Failure, workspace};
use crate::stage::CONTENT_IN_SITE;

/// Puts the first view, the page's script and the preloads into the site's `index.html`.
pub fn add_first_view(
    site: &Path,
    curriculum: Curriculum,
    has_errors: bool,
    files: &[String],
    release: bool,
) -> Result<(), Failure> {
    let path = site.join("index.html");
    let html = fs::read_to_string(&path)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
    let source = workspace().join("web/first-visit.js");
    let script = fs::read_to_string(&source)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", source.display())))?;
    let script = if release {
        minify::minify_script(&script)?
    } else {
        script
    };
    let (html, wasm) = take_wasm_preload(&html)?;
    let html = report_start_failure(&html)?;
    let content: String = std::iter::once(MANIFEST_FILE.to_string())
        .chain(files.iter().cloned())
        .map(|file| {
            format!(
                "<link rel=\"preload\" href=\"{CONTENT_IN_SITE}/{}\" as=\"fetch\" crossorigin data-content>",
                attribute(&file)
            )
        })
        .collect();
    // The template comes first: the script reads it as it runs.
    let head = format!(
        "<template id=\"preloads\">{wasm}{content}</template>\n    <script>{}</script>\n  </head>",
        script.trim()
    );
    let body = format!(
        "<body>\n    <div id=\"app\"></div>\n    {}",
        workbook_web::prerender::first_view(curriculum)
    );
    let state = if has_errors { "opening" } else { "home" };
    let html = replace_once(&html, "</head>", &head)?;
    let html = replace_once(&html, "<body>", &body)?;
    let html = replace_once(
        &html,
        "<html lang=\"en-GB\">",
        &format!("<html lang=\"en-GB\" data-first=\"{state}\">"),
    )?;
    fs::write(&path, html)
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", path.display())))
}

/// The line of Trunk's start-up script that fetches and starts the app.
const TRUNK_START: &str = "const wasm = await init(";

/// Makes Trunk's start-up script dispatch `workbook-failed` when the app cannot start.
fn report_start_failure(html: &str) -> Result<String, Failure> {
    let shape = || {
        Failure::new(format!(
            "the page Trunk built does not start the app with one `{TRUNK_START}...);` line: has \
             Trunk's output changed? (crates/xtask/src/first_view.rs adds to that line)"
        ))
    };
    if html.matches(TRUNK_START).count() != 1 {
        return Err(shape());
    }
    let start = html.find(TRUNK_START).ok_or_else(shape)?;
    let end = start + html[start..].find(");\n").ok_or_else(shape)?;
    let call = &html[start + "const wasm = await ".len()..=end];
    let caught = format!(
        "const wasm = await {call}.catch((error) => {{ \
         dispatchEvent(new CustomEvent(\"workbook-failed\", {{ detail: \"The workbook stopped as it started: \" + error }})); \
         throw error; }});"
    );
    Ok(format!("{}{caught}{}", &html[..start], &html[end + 2..]))
}

/// Takes Trunk's `<link rel="preload">` of the wasm out of the page, and returns it.
fn take_wasm_preload(html: &str) -> Result<(String, String), Failure> {
    let links: Vec<(usize, usize)> = html
        .match_indices("<link rel=\"preload\"")
        .filter_map(|(start, _)| {
            let end = start + html[start..].find('>')? + 1;
            html[start..end].contains(".wasm\"").then_some((start, end))
        })
        .collect();
    let [(start, end)] = links[..] else {
        return Err(Failure::new(format!(
            "the page Trunk built has {} preloads of the wasm, where one was expected: has \
             Trunk's output changed? (crates/xtask/src/first_view.rs moves it)",
            links.len()
        )));
    };
    let link = html[start..end].to_string();
    Ok((format!("{}{}", &html[..start], &html[end..]), link))
}

fn replace_once(html: &str, what: &str, with: &str) -> Result<String, Failure> {
    if html.matches(what).count() != 1 {
        return Err(Failure::new(format!(
            "web/index.html must have `{what}` exactly once: the first view goes there"
        )));
    }
    Ok(html.replacen(what, with, 1))
}

/// A file name made safe in a double-quoted attribute (the core allows only plain names, but
/// the page should not depend on it).
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_HEAD: &str = "<head>\n<link rel=\"modulepreload\" href=\"/app.js\" crossorigin=\"anonymous\">\
        <link rel=\"preload\" href=\"/app_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-x\" as=\"fetch\" type=\"application/wasm\">\n</head>";

    #[test]
    fn the_wasm_preload_is_taken_out_whole_and_the_glue_preload_stays() {
        let (html, link) = take_wasm_preload(TRUNK_HEAD).expect("one wasm preload");
        assert_eq!(
            link,
            "<link rel=\"preload\" href=\"/app_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-x\" as=\"fetch\" type=\"application/wasm\">"
        );
        assert_eq!(
            html,
            "<head>\n<link rel=\"modulepreload\" href=\"/app.js\" crossorigin=\"anonymous\">\n</head>"
        );
    }

    #[test]
    fn the_start_up_script_says_when_the_app_cannot_start() {
        let trunk = "<script type=\"module\">\nimport init, * as bindings from '/app.js';\n\
            const wasm = await init({ module_or_path: '/app_bg.wasm' });\n\nwindow.wasmBindings = bindings;\n</script>";
        let caught = report_start_failure(trunk).expect("Trunk's start-up line");
        assert_eq!(
            caught,
            "<script type=\"module\">\nimport init, * as bindings from '/app.js';\n\
             const wasm = await init({ module_or_path: '/app_bg.wasm' }).catch((error) => { \
             dispatchEvent(new CustomEvent(\"workbook-failed\", { detail: \"The workbook stopped as it started: \" + error })); \
             throw error; });\n\nwindow.wasmBindings = bindings;\n</script>"
        );
        assert!(report_start_failure("<script type=\"module\"></script>").is_err());
    }

    #[test]
    fn a_page_without_the_wasm_preload_is_a_clear_failure() {
        let failure = take_wasm_preload("<head></head>").expect_err("no wasm preload");
        assert!(
            failure.to_string().contains("0 preloads of the wasm"),
            "{failure}"
        );
    }
}
