//! The first view, put into each page of the built site by `stage` (`index.html` in the
//! curriculum's own language, `cy.html` for a translation into Welsh): what a participant reads
//! before the app has arrived (see `crates/workbook-web/src/components/first_view.rs`).
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
//!   than after it has started (Trunk already preloads the wasm and its JavaScript glue). In
//!   the page itself, where the browser's preload scanner finds them as the page arrives:
//!   measured with the browser slowed down for real, the first paint comes as soon as without
//!   them, and the app is ready 1.7 s sooner than with preloads a script adds after the first
//!   paint (see `cargo xtask report`'s two Lighthouse runs).
//! - Trunk's start-up script says when the app could not start (its wasm not fetched, or
//!   failing as it starts): it dispatches `workbook-failed`, which the page's script turns into
//!   the plain message. Browsers report a failed module script in different ways, and WebKit
//!   not at all, so the script says it itself.

use std::fs;
use std::path::Path;

use crate::minify;
use crate::run::{Failure, workspace};
use crate::stage::{CONTENT_IN_SITE, Page};

/// Writes each page of the site from the page Trunk built (`index.html`): the first view in the
/// page's language, the page's script, the preloads of the files the app fetches for it, and
/// on `<html>` its language, the curriculum's languages (`data-languages`, its own first: the
/// page's script sends a participant to their language's page) and `data-first`.
pub fn add_first_views(site: &Path, pages: Vec<Page>, release: bool) -> Result<(), Failure> {
    let path = site.join("index.html");
    let template = fs::read_to_string(&path)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
    let source = workspace().join("web/first-visit.js");
    let script = fs::read_to_string(&source)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", source.display())))?;
    let script = if release {
        minify::minify_script(&script)?
    } else {
        script
    };
    let template = report_start_failure(&template)?;
    for page in pages {
        let preloads: String = page
            .files
            .iter()
            .map(|file| {
                format!(
                    "<link rel=\"preload\" href=\"{CONTENT_IN_SITE}/{}\" as=\"fetch\" crossorigin>",
                    attribute(file)
                )
            })
            .collect();
        let head = format!(
            "{preloads}\n    <script>{}</script>\n  </head>",
            script.trim()
        );
        let state = if page.has_errors { "opening" } else { "home" };
        let language = attribute(&page.curriculum.language);
        let languages = attribute(&page.languages.all().collect::<Vec<_>>().join(" "));
        let body = format!(
            "<body>\n    <div id=\"app\"></div>\n    {}",
            workbook_web::prerender::first_view(page.curriculum, page.interface, page.languages)
        );
        let html = replace_once(&template, "</head>", &head)?;
        let html = replace_once(&html, "<body>", &body)?;
        let html = replace_once(
            &html,
            "<html lang=\"en-GB\">",
            &format!(
                "<html lang=\"{language}\" data-languages=\"{languages}\" data-first=\"{state}\">"
            ),
        )?;
        let path = site.join(&page.file);
        fs::write(&path, html)
            .map_err(|e| Failure::new(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
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
}
