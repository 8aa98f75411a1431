//! Remembering the language a participant reads the workbook in, on this device.

use crate::state::language::CHOICE_KEY;

/// Remembers `tag` as the participant's language, so the default page sends them to its page
/// next time. Where storage is blocked the browser's preferences decide instead.
pub fn remember(tag: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten())
        && storage.get_item(CHOICE_KEY).ok().flatten().as_deref() != Some(tag)
    {
        let _ = storage.set_item(CHOICE_KEY, tag);
    }
}

/// Opens the page `href` (another language's), after `remember`ing its language.
pub fn open(tag: &str, href: &str) {
    remember(tag);
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(href);
    }
}
