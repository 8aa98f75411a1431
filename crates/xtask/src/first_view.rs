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
//! - A `preload` for each curriculum file, so the browser fetches them beside the app rather
//!   than after it has started. (Trunk already preloads the wasm and its JavaScript glue.)

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
    let preloads: String = std::iter::once(MANIFEST_FILE.to_string())
        .chain(files.iter().cloned())
        .map(|file| {
            format!(
                "<link rel=\"preload\" href=\"{CONTENT_IN_SITE}/{}\" as=\"fetch\" crossorigin>",
                attribute(&file)
            )
        })
        .collect();
    let head = format!(
        "<script>{}</script>\n    {preloads}\n  </head>",
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
