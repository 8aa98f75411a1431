//! Fetching the curriculum: the manifest, then every week file it lists and the interface text
//! in its language, all at start-up, so the server's log says nothing about which week a person
//! reads.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use workbook_core::{MANIFEST_FILE, ManifestOutline, Sources};

use crate::state::language::Languages;

/// The folder of the site that holds the curriculum's markdown.
pub const CONTENT_PATH: &str = "content/";

/// Why the curriculum could not be fetched at all.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The manifest could not be fetched (offline on a first visit, or a broken site): why, in
    /// English, for the people who run the site (there is no catalog before the curriculum).
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

/// What [`load`] fetched: the curriculum in the page's language, and every language it has.
pub struct Loaded {
    /// The manifest, week files and interface text of the page's language, by the paths the
    /// parser knows (`curriculum.md`, `week-01-….md`, `interface/cy.ftl`) whatever folder they
    /// came from.
    pub sources: Sources,
    /// The curriculum's languages, from its own manifest.
    pub languages: Languages,
}

/// The page's `<html>`: its `lang`, and the curriculum's languages the build wrote on it
/// (`data-languages`, its own first), one page per language.
fn page_attribute(name: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute(name))
}

/// Fetches the files of the page's language: its manifest (a translation's, in its folder),
/// every week file that lists, and the interface text, all at once. On the page of a
/// translation, the curriculum's languages come from the page (the build wrote it from the
/// curriculum's manifest), so only the translation's own files are fetched; on the default
/// page, from the manifest. A missing week file is left out (the parser reports it); a
/// manifest that cannot be fetched is an error.
pub async fn load() -> Result<Loaded, LoadError> {
    let written: Vec<String> = page_attribute("data-languages")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let page_language = page_attribute("lang").unwrap_or_default();
    let translation_page = written
        .split_first()
        .filter(|(own, others)| {
            !own.eq_ignore_ascii_case(&page_language)
                && others
                    .iter()
                    .any(|tag| tag.eq_ignore_ascii_case(&page_language))
        })
        .map(|(own, others)| Languages {
            own: own.clone(),
            translations: others.to_vec(),
        });
    let folder = if translation_page.is_some() {
        format!("{page_language}/")
    } else {
        String::new()
    };
    let manifest = fetch_text(&format!("{CONTENT_PATH}{folder}{MANIFEST_FILE}"))
        .await
        .map_err(LoadError::Unreachable)?;
    let mut sources = Sources::new();
    let Some(manifest) = manifest else {
        if translation_page.is_some() {
            return Err(LoadError::Unreachable(format!(
                "the site has no {folder}{MANIFEST_FILE}"
            )));
        }
        return Ok(Loaded {
            sources,
            languages: Languages::default(),
        });
    };
    let outline = ManifestOutline::read(&manifest);
    let languages = translation_page.unwrap_or_else(|| Languages {
        own: outline.language.clone().unwrap_or_default(),
        translations: outline.translations.clone(),
    });
    // The weeks, and the interface's words in the language.
    let mut files: Vec<(String, String)> = outline
        .weeks
        .iter()
        .map(|week| (format!("{folder}{week}"), week.clone()))
        .collect();
    files.extend(outline.catalog_file().map(|file| (file.clone(), file)));
    sources.insert(MANIFEST_FILE, manifest);

    // Fetch every file at once.
    let window = web_sys::window().ok_or_else(|| LoadError::Unreachable("no window".into()))?;
    let requests: Array = files
        .iter()
        .map(|(path, _)| JsValue::from(window.fetch_with_str(&format!("{CONTENT_PATH}{path}"))))
        .collect();
    let responses = JsFuture::from(Promise::all(&requests))
        .await
        .map_err(|_| LoadError::Unreachable("the requests for the week files failed".into()))?;
    let responses: Array = responses.unchecked_into();
    for ((_, name), response) in files.iter().zip(responses.iter()) {
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
            sources.insert(name.clone(), text);
        }
    }
    // A curriculum put in place without its interface text (a content folder replaced whole)
    // gets the workbook's own words for its language, which the site keeps beside it.
    if let Some(catalog) = outline.catalog_file()
        && sources.get(&catalog).is_none()
        && let Some(own) = outline
            .language
            .as_deref()
            .and_then(workbook_core::interface::default_language)
        && let Ok(Some(text)) = fetch_text(&workbook_core::interface::catalog_path(own)).await
    {
        sources.insert(catalog, text);
    }
    Ok(Loaded { sources, languages })
}
