//! Fetching the curriculum: the manifest, then every week file it lists and the interface text
//! in its language, all at start-up, so the server's log says nothing about which week a person
//! reads.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use workbook_core::{MANIFEST_FILE, Sources, catalog_file, week_files};

/// The folder of the site that holds the curriculum's markdown.
pub const CONTENT_PATH: &str = "content/";

/// Why the curriculum could not be fetched at all.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The manifest could not be fetched (offline on a first visit, or a broken site).
    Unreachable(String),
}

async fn fetch_text(path: &str) -> Result<Option<String>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| "the request failed".to_string())?
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("the site answered {}", response.status()));
    }
    let text = JsFuture::from(
        response
            .text()
            .map_err(|_| "the request failed".to_string())?,
    )
    .await
    .map_err(|_| "the request failed".to_string())?;
    Ok(text.as_string())
}

/// Fetches the manifest and every week file it lists. A missing week file is left out (the
/// parser reports it); a manifest that cannot be fetched is an error.
pub async fn load() -> Result<Sources, LoadError> {
    let manifest = fetch_text(&format!("{CONTENT_PATH}{MANIFEST_FILE}"))
        .await
        .map_err(LoadError::Unreachable)?;
    let mut sources = Sources::new();
    let Some(manifest) = manifest else {
        return Ok(sources);
    };
    // The weeks, and the interface's words in the curriculum's language.
    let mut files = week_files(&manifest);
    files.extend(catalog_file(&manifest));
    sources.insert(MANIFEST_FILE, manifest);

    // Fetch every week at once.
    let window = web_sys::window().ok_or_else(|| LoadError::Unreachable("no window".into()))?;
    let requests: Array = files
        .iter()
        .map(|file| JsValue::from(window.fetch_with_str(&format!("{CONTENT_PATH}{file}"))))
        .collect();
    let responses = JsFuture::from(Promise::all(&requests))
        .await
        .map_err(|_| LoadError::Unreachable("the requests for the week files failed".into()))?;
    let responses: Array = responses.unchecked_into();
    for (file, response) in files.iter().zip(responses.iter()) {
        let Ok(response) = response.dyn_into::<web_sys::Response>() else {
            continue;
        };
        if !response.ok() {
            continue;
        }
        let Ok(promise) = response.text() else {
            continue;
        };
        if let Ok(text) = JsFuture::from(promise).await
            && let Some(text) = text.as_string()
        {
            sources.insert(file.clone(), text);
        }
    }
    Ok(sources)
}
