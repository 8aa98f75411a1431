//! `cargo xtask stage`: Trunk's post-build hook. Copies the curriculum into the site being built,
//! writes the web app manifest (with the curriculum's neutral `app-name`), the service worker
//! that lists every file of the site and, in a release build, the minified JavaScript glue (see
//! `minify`) and the compressed copies of the app's files (see `precompress`).
//!
//! The curriculum stays markdown in the built site (`dist/content/*.md`), so a deployer can
//! replace it without a Rust toolchain; the app fetches and parses it at start-up.

use std::fs;
use std::path::{Path, PathBuf};

use workbook_core::{GUIDE_FILE, MANIFEST_FILE, ManifestOutline, Sources};
use workbook_web::state::language::Languages;

use crate::run::{Failure, workspace};
use crate::{first_view, minify, precompress};

/// The folder in the site that holds the curriculum.
pub const CONTENT_IN_SITE: &str = "content";

pub fn stage() -> Result<(), Failure> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| {
            Failure::new("`stage` runs as Trunk's post-build hook; TRUNK_STAGING_DIR is not set")
        })?;
    let content = content_source();
    let pages = copy_curriculum(&content, &staging.join(CONTENT_IN_SITE))?;
    copy_own_interface_text(&staging)?;
    // Minifying and compressing take seconds: not on every rebuild of a live preview.
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    let names: Vec<(String, String)> = pages
        .iter()
        .map(|page| (page.file.clone(), page.curriculum.app_name.clone()))
        .collect();
    if release {
        // Before the pages are written from Trunk's: each then loads the minified glue.
        minify::minify_glue(&staging)?;
    }
    first_view::add_first_views(&staging, pages, release)?;
    for (file, _) in &names {
        add_content_security_policy(&staging.join(file))?;
    }
    write_web_app_manifest(&staging, &names)?;
    write_service_worker(&staging)?;
    if release {
        precompress::precompress(&staging)?;
    }
    Ok(())
}

/// The page's Content-Security-Policy. Only the site itself may provide scripts, styles, workers
/// and anything fetched; Trunk's inline start-up script is allowed by its hash (filled in for
/// `{script}`), never by `'unsafe-inline'`; wasm may be compiled. `frame-ancestors` cannot be set
/// in a `<meta>`: the README shows the HTTP headers a server should add.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' {script} 'wasm-unsafe-eval'; \
     style-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; img-src 'self'; \
     base-uri 'none'; form-action 'none'";

/// Puts the policy into a page (`index.html`, `cy.html`) as a `<meta>`, with the hashes of its
/// inline scripts.
fn add_content_security_policy(path: &Path) -> Result<(), Failure> {
    use base64::Engine;
    use sha2::Digest;
    let html = fs::read_to_string(path)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
    // Every inline script: Trunk's start-up script, and under `trunk serve` its live-reload one.
    let mut hashes = Vec::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find("<script") {
        let tag_end = rest[open..]
            .find('>')
            .map(|i| open + i + 1)
            .ok_or_else(|| Failure::new("index.html has an unclosed <script> tag"))?;
        let close = rest[tag_end..]
            .find("</script>")
            .map(|i| tag_end + i)
            .ok_or_else(|| Failure::new("index.html has a <script> without </script>"))?;
        if !rest[open..tag_end].contains("src=") {
            let digest = sha2::Sha256::digest(&rest.as_bytes()[tag_end..close]);
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[close..];
    }
    if hashes.is_empty() {
        return Err(Failure::new(
            "index.html has no start-up script: did Trunk change how it starts the app?",
        ));
    }
    let hash = hashes.join(" ");
    let policy = CONTENT_SECURITY_POLICY.replace("{script}", &hash);
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    let charset = "<meta charset=\"utf-8\">";
    let html = match html.find(charset) {
        Some(i) => format!(
            "{}\n    {meta}{}",
            &html[..i + charset.len()],
            &html[i + charset.len()..]
        ),
        None => {
            return Err(Failure::new(
                "index.html has no <meta charset>: the policy goes right after it",
            ));
        }
    };
    fs::write(path, html).map_err(|e| Failure::new(format!("cannot write {}: {e}", path.display())))
}

/// The curriculum folder: `$WORKBOOK_CONTENT`, or `content/` in the workspace.
pub fn content_source() -> PathBuf {
    match std::env::var_os("WORKBOOK_CONTENT") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                workspace().join(dir)
            }
        }
        None => workspace().join("content"),
    }
}

/// A page of the site: one for the curriculum's own language (`index.html`) and one for each
/// translation (`cy.html`), each written at build time in its language.
pub struct Page {
    /// The page's file in the site.
    pub file: String,
    /// The curriculum in the page's language.
    pub curriculum: workbook_core::Curriculum,
    /// The interface text in the page's language.
    pub interface: Option<workbook_core::interface::Catalog>,
    /// Whether the curriculum in this language has errors (the app shows them, not the weeks).
    pub has_errors: bool,
    /// The files the app fetches for this page, in the content folder, in the order it does.
    pub files: Vec<String>,
    /// Every language of the curriculum, its own first.
    pub languages: Languages,
}

/// Copies the manifest and every markdown file beside it (not the authors' guide), each
/// translation's folder and the interface texts; says whether the curriculum has problems (the
/// app shows them too); and returns the site's pages, one for each language.
fn copy_curriculum(from: &Path, to: &Path) -> Result<Vec<Page>, Failure> {
    let _ = fs::remove_dir_all(to);
    let mut sources = Sources::new();
    copy_markdown(from, to, "", &mut sources)?;
    let outline = sources
        .get(MANIFEST_FILE)
        .map(|manifest| ManifestOutline::read(manifest.text()))
        .unwrap_or_default();
    for tag in &outline.translations {
        copy_markdown(
            &from.join(tag),
            &to.join(tag),
            &format!("{tag}/"),
            &mut sources,
        )?;
    }
    let languages = Languages {
        own: outline.language.clone().unwrap_or_default(),
        translations: outline.translations.clone(),
    };
    copy_interface_text(from, to, &languages, &mut sources)?;
    if sources.get(MANIFEST_FILE).is_none() {
        eprintln!(
            "warning: {} has no {MANIFEST_FILE}; the workbook will say so",
            from.display()
        );
    }
    let parsed = workbook_core::parse(&sources);
    let errors = parsed.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        eprintln!(
            "warning: the curriculum in {} has {errors} error(s); the workbook shows them instead of the weeks. \
             Run `cargo run -p workbook-cli -- check {}` for details.",
            from.display(),
            from.display()
        );
    }
    let mut pages = vec![Page {
        file: "index.html".into(),
        // What the app on this page reads: the curriculum's own language only.
        has_errors: workbook_core::parse_one_language(&sources).has_errors(),
        curriculum: parsed.curriculum,
        interface: parsed.interface,
        files: std::iter::once(MANIFEST_FILE.to_string())
            .chain(outline.weeks.iter().cloned())
            .chain(outline.catalog_file())
            .collect(),
        languages: languages.clone(),
    }];
    for tag in &outline.translations {
        let translated = workbook_core::translation_sources(&sources, tag);
        let parsed = workbook_core::parse_one_language(&translated);
        let own = translated
            .get(MANIFEST_FILE)
            .map(|manifest| ManifestOutline::read(manifest.text()))
            .unwrap_or_default();
        pages.push(Page {
            file: format!("{tag}.html"),
            has_errors: parsed.has_errors(),
            curriculum: parsed.curriculum,
            interface: parsed.interface,
            files: std::iter::once(format!("{tag}/{MANIFEST_FILE}"))
                .chain(own.weeks.iter().map(|week| format!("{tag}/{week}")))
                .chain(own.catalog_file())
                .collect(),
            languages: languages.clone(),
        });
    }
    Ok(pages)
}

/// Copies the markdown files of `from` (not the authors' guide) into `to`, each into `sources`
/// under `prefix` and its name.
fn copy_markdown(
    from: &Path,
    to: &Path,
    prefix: &str,
    sources: &mut Sources,
) -> Result<(), Failure> {
    let entries = fs::read_dir(from).map_err(|e| {
        Failure::new(format!(
            "cannot read the curriculum folder {}: {e}",
            from.display()
        ))
    })?;
    fs::create_dir_all(to)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", to.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if !name.ends_with(".md") || name == GUIDE_FILE || !path.is_file() {
            continue;
        }
        let text = fs::read_to_string(&path)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
        fs::write(to.join(&name), &text)
            .map_err(|e| Failure::new(format!("cannot write {}: {e}", to.join(&name).display())))?;
        sources.insert(format!("{prefix}{name}"), text);
    }
    Ok(())
}

/// Copies the curriculum's interface texts (`interface/*.ftl`). A language without one gets the
/// default workbook's (`content/interface/`), so the app always has its words.
fn copy_interface_text(
    from: &Path,
    to: &Path,
    languages: &Languages,
    sources: &mut Sources,
) -> Result<(), Failure> {
    use workbook_core::interface::{INTERFACE_FOLDER, catalog_path};
    let folder = to.join(INTERFACE_FOLDER);
    fs::create_dir_all(&folder)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", folder.display())))?;
    let copy = |path: &Path, name: &str, sources: &mut Sources| -> Result<(), Failure> {
        let text = copy_interface_file(path, &folder.join(name))?;
        sources.insert(format!("{INTERFACE_FOLDER}/{name}"), text);
        Ok(())
    };
    if let Ok(entries) = fs::read_dir(from.join(INTERFACE_FOLDER)) {
        for entry in entries.flatten() {
            let path = entry.path();
            if let Some(name) = path.file_name().and_then(|n| n.to_str())
                && name.ends_with(".ftl")
                && path.is_file()
            {
                copy(&path, name, sources)?;
            }
        }
    }
    for language in languages.all().filter(|language| !language.is_empty()) {
        let wanted = catalog_path(language);
        if sources.get(&wanted).is_some() {
            continue;
        }
        let default = workbook_core::interface::default_language(language)
            .map(|own| workspace().join("content").join(catalog_path(own)));
        if let Some(default) = default.filter(|path| path.is_file()) {
            copy(&default, &format!("{language}.ftl"), sources)?;
        } else {
            eprintln!(
                "warning: {} has no {wanted}, and the workbook has no interface text in `{language}`; \
                 the app cannot start in that language without it. Copy content/interface/en-GB.ftl \
                 there and translate it.",
                from.display()
            );
        }
    }
    Ok(())
}

/// Copies an interface text into the site without its comments; returns it whole.
fn copy_interface_file(from: &Path, to: &Path) -> Result<String, Failure> {
    let text = fs::read_to_string(from)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", from.display())))?;
    fs::write(to, without_comments(&text))
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", to.display())))?;
    Ok(text)
}

/// An interface text without its comments (for translators, not participants: a quarter of
/// the file, and of its download), each comment line left blank so every message keeps its
/// line number for the diagnostics that name it.
fn without_comments(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            if !line.starts_with('#') {
                line
            } else if line.ends_with('\n') {
                "\n"
            } else {
                ""
            }
        })
        .collect()
}

/// Copies the workbook's own interface texts (`content/interface/`) into the site's
/// `interface/`, beside the curriculum: the app falls back on them when a curriculum was put in
/// place without its own (a content folder replaced whole, without a rebuild).
fn copy_own_interface_text(site: &Path) -> Result<(), Failure> {
    use workbook_core::interface::{DEFAULT_LANGUAGES, INTERFACE_FOLDER, catalog_path};
    let folder = site.join(INTERFACE_FOLDER);
    fs::create_dir_all(&folder)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", folder.display())))?;
    for language in DEFAULT_LANGUAGES {
        let from = workspace().join("content").join(catalog_path(language));
        let to = site.join(catalog_path(language));
        copy_interface_file(&from, &to)?;
    }
    Ok(())
}

/// The web app manifest, for adding the workbook to a home screen: the curriculum's neutral
/// `app-name` under a plain icon, opening as an app of its own. The same name goes into the
/// page's title and `apple-mobile-web-app-title` (what an iPhone shows under the icon).
fn write_web_app_manifest(site: &Path, pages: &[(String, String)]) -> Result<(), Failure> {
    let named = |app_name: &str| -> String {
        if app_name.trim().is_empty() {
            workbook_core::DEFAULT_APP_NAME.to_string()
        } else {
            app_name.to_string()
        }
    };
    // The installed app opens the default page, in the curriculum's own language; its name is
    // the one a home screen shows whatever language is read inside.
    let app_name = named(pages.first().map_or("", |(_, name)| name.as_str()));
    let manifest = serde_json::json!({
        "name": app_name,
        "short_name": app_name,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#fbfaf7",
        "theme_color": "#1d5a8c",
        "icons": [
            { "src": "icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any maskable" },
            { "src": "icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any maskable" },
        ],
    });
    let text = serde_json::to_string_pretty(&manifest)
        .map_err(|e| Failure::new(format!("cannot write the web app manifest: {e}")))?;
    fs::write(site.join("manifest.webmanifest"), text + "\n")
        .map_err(|e| Failure::new(format!("cannot write manifest.webmanifest: {e}")))?;

    for (file, app_name) in pages {
        let path = site.join(file);
        let html = fs::read_to_string(&path)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
        let escaped = html_escape(&named(app_name));
        let titled = html
            .replacen(
                "<title>Workbook</title>",
                &format!("<title>{escaped}</title>"),
                1,
            )
            .replacen(
                "<meta name=\"apple-mobile-web-app-title\" content=\"Workbook\">",
                &format!("<meta name=\"apple-mobile-web-app-title\" content=\"{escaped}\">"),
                1,
            );
        fs::write(&path, titled)
            .map_err(|e| Failure::new(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// Text made safe inside an HTML element or a double-quoted attribute.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Fills the service-worker template with this build's files and a version that changes
/// whenever any of them does.
fn write_service_worker(site: &Path) -> Result<(), Failure> {
    let template = fs::read_to_string(workspace().join("web/sw.js"))
        .map_err(|e| Failure::new(format!("cannot read web/sw.js: {e}")))?;
    let mut files = Vec::new();
    collect_files(site, site, &mut files)?;
    files.sort();
    // The compressed copies are other encodings of listed files; the browser never asks for them.
    files.retain(|(name, _)| {
        name != "sw.js"
            && !precompress::COPY_ENDINGS
                .iter()
                .any(|end| name.ends_with(end))
    });
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, bytes) in &files {
        for byte in name.bytes().chain(bytes.iter().copied()) {
            // FNV-1a: enough to tell one build from another; this is not security.
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let list: Vec<String> = std::iter::once("\"./\"".to_string())
        .chain(files.iter().map(|(name, _)| format!("\"./{name}\"")))
        .collect();
    let worker = template
        .replace("{{VERSION}}", &format!("{hash:016x}"))
        .replace("{{FILES}}", &format!("[\n  {}\n]", list.join(",\n  ")));
    fs::write(site.join("sw.js"), worker)
        .map_err(|e| Failure::new(format!("cannot write sw.js: {e}")))
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), Failure> {
    let entries = fs::read_dir(dir)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let name = relative.to_string_lossy().replace('\\', "/");
            let bytes = fs::read(&path)
                .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
            out.push((name, bytes));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_interface_text_loses_its_comments_but_not_its_line_numbers() {
        let text = "# A comment\nsave-saved = Saved\n## A section\nsave-pending = Saving…";
        assert_eq!(
            super::without_comments(text),
            "\nsave-saved = Saved\n\nsave-pending = Saving…"
        );
    }
}
