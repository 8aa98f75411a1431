//! The release build's JavaScript glue, minified: wasm-bindgen writes readable JavaScript and
//! Trunk's own minifier cannot parse it, so the post-build hook runs npm's `terser` over it
//! (1.5 KB gzipped less on the first load) and puts the new file's hash into the page's
//! `integrity` attribute, without which the browser would refuse the file.

use std::fs;
use std::path::Path;
use std::process::Command;

use base64::Engine;
use sha2::Digest;

use crate::run::{Failure, run_command};
use crate::setup;

/// Minifies every JavaScript file Trunk wrote for the app (`<name>-<hash>.js`; never the
/// service worker, which `stage` writes afterwards) and updates `index.html` to match.
pub fn minify_glue(site: &Path) -> Result<(), Failure> {
    let index = site.join("index.html");
    let mut html = fs::read_to_string(&index)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", index.display())))?;
    let terser = setup::terser_path();
    if !terser.exists() {
        return Err(Failure::new(format!(
            "{} is missing: run `cargo xtask setup` (it installs terser from npm)",
            terser.display()
        )));
    }
    let mut glue = Vec::new();
    for entry in fs::read_dir(site)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", site.display())))?
        .flatten()
    {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".js") && name != "sw.js" && html.contains(&format!("/{name}\"")) {
            glue.push(path);
        }
    }
    if glue.is_empty() {
        return Err(Failure::new(
            "index.html loads no JavaScript file of the site: did Trunk change how it starts the app?",
        ));
    }
    for path in glue {
        let before = integrity(&path)?;
        run_command(
            Command::new(&terser)
                .arg(&path)
                .args(["--module", "--compress", "--mangle", "--output"])
                .arg(&path),
        )?;
        let after = integrity(&path)?;
        if !html.contains(&before) {
            return Err(Failure::new(format!(
                "index.html does not carry the hash of {}: did Trunk change how it loads the app?",
                path.display()
            )));
        }
        html = html.replace(&before, &after);
    }
    fs::write(&index, html)
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", index.display())))
}

/// `script` (a classic script, not a module) minified by terser.
pub fn minify_script(script: &str) -> Result<String, Failure> {
    let terser = setup::terser_path();
    if !terser.exists() {
        return Err(Failure::new(format!(
            "{} is missing: run `cargo xtask setup` (it installs terser from npm)",
            terser.display()
        )));
    }
    let dir = std::env::temp_dir().join(format!("workbook-minify-{}", std::process::id()));
    fs::create_dir_all(&dir)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", dir.display())))?;
    let (input, output) = (dir.join("in.js"), dir.join("out.js"));
    fs::write(&input, script)
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", input.display())))?;
    run_command(
        Command::new(&terser)
            .arg(&input)
            .args(["--compress", "--mangle", "--output"])
            .arg(&output),
    )?;
    let minified = fs::read_to_string(&output)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", output.display())));
    let _ = fs::remove_dir_all(&dir);
    minified
}

/// The file's Subresource Integrity value, as Trunk writes it (`sha384-<base64>`).
fn integrity(path: &Path) -> Result<String, Failure> {
    let bytes =
        fs::read(path).map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
    Ok(format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&bytes))
    ))
}
