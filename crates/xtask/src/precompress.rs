//! Compressed copies of the app's own files, for hosts that serve them as they are: the
//! release build writes `name.gz` (gzip, best) and `name.br` (brotli, quality 11) beside the
//! wasm, the JavaScript glue and the styles. nginx (`gzip_static on`) and Caddy
//! (`precompressed br gzip`) then send the smallest copy a browser accepts, compressed harder
//! than a server would on the fly, and without spending the server's time on it.
//!
//! Only files whose names carry Trunk's content hash get copies. The page, the service worker
//! and the curriculum keep their names from one release to the next, and a deployer may replace
//! the curriculum by hand: a compressed copy left beside a replaced file would be served
//! instead of it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::run::Failure;

/// The endings of the copies this writes.
pub const COPY_ENDINGS: [&str; 2] = [".gz", ".br"];

/// True for a file of the built site that gets compressed copies: a top-level `.wasm`, `.js`
/// or `.css` file named by its content, as Trunk writes them (`name-<16 hex digits>.js`,
/// `name-<16 hex digits>_bg.wasm`). The service worker's `HASHED` pattern is the same.
pub fn gets_copies(name: &str) -> bool {
    let Some(stem) = [".wasm", ".js", ".css"]
        .iter()
        .find_map(|end| name.strip_suffix(end))
    else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hash = stem.rsplit('-').next().unwrap_or_default();
    !name.contains('/')
        && stem.len() > hash.len()
        && hash.len() == 16
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Writes the compressed copies of every file in `site` that [`gets_copies`]; returns them.
pub fn precompress(site: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = fs::read_dir(site)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", site.display())))?;
    let mut written = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !path.is_file() || !gets_copies(&name) {
            continue;
        }
        let bytes = fs::read(&path)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
        for (ending, compressed) in [(".gz", gzip(&bytes)?), (".br", brotli(&bytes)?)] {
            let copy = site.join(format!("{name}{ending}"));
            fs::write(&copy, compressed)
                .map_err(|e| Failure::new(format!("cannot write {}: {e}", copy.display())))?;
            written.push(copy);
        }
    }
    written.sort();
    Ok(written)
}

/// `bytes` gzipped at the best level, with no file name or time in the header, so the same
/// input always gives the same file.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|e| Failure::new(format!("gzip failed: {e}")))
}

/// `bytes` compressed with brotli at its highest quality.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| Failure::new(format!("brotli failed: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn only_the_apps_fingerprinted_files_get_copies() {
        for name in [
            "workbook-web-55971aa76d87b3de_bg.wasm",
            "workbook-web-55971aa76d87b3de.js",
            "styles-86f1fed5929e37ec.css",
        ] {
            assert!(gets_copies(name), "{name}");
        }
        for name in [
            "index.html",
            "sw.js",
            "workbook-web.js",
            "workbook-web_bg.wasm",
            "styles-86F1FED5929E37EC.css",
            "0123456789abcdef.css",
            "content/curriculum.md",
            "content/week-01-starting-safely.md",
            "workbook-web-55971aa76d87b3de.js.gz",
            "styles-86f1fed5929e37ec.css.br",
        ] {
            assert!(!gets_copies(name), "{name}");
        }
    }

    #[test]
    fn the_copies_open_to_the_original_and_leave_other_files_alone() {
        let site = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&site);
        fs::create_dir_all(site.join("content")).expect("a folder");
        let app: Vec<u8> = (0..50_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        fs::write(site.join("app-0123456789abcdef_bg.wasm"), &app).expect("written");
        fs::write(site.join("index.html"), "<!doctype html>").expect("written");
        fs::write(site.join("sw.js"), "// worker").expect("written");
        fs::write(site.join("content/curriculum.md"), "# A").expect("written");

        let written = precompress(&site).expect("compressed");

        assert_eq!(
            written,
            vec![
                site.join("app-0123456789abcdef_bg.wasm.br"),
                site.join("app-0123456789abcdef_bg.wasm.gz"),
            ]
        );
        let gz = fs::read(&written[1]).expect("read");
        let mut opened = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut opened)
            .expect("a gzip stream");
        assert_eq!(opened, app);
        let br = fs::read(&written[0]).expect("read");
        let mut opened = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut opened)
            .expect("a brotli stream");
        assert_eq!(opened, app);
        assert!(br.len() < app.len() && gz.len() < app.len());
        let _ = fs::remove_dir_all(&site);
    }
}
