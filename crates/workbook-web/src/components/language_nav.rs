//! The language switch in the header of every page, in the style of GOV.UK's language
//! navigation: each language named in its own words ("English", "Cymraeg"), the one shown
//! marked as current, the others links to their page with `lang` and `hreflang`.
//!
//! Changing language opens the other language's page (written at build time in that language),
//! at the same place in the workbook. In the app, what is waiting to be saved is saved first
//! (sealed first, while the lock is on): `leave` does that, then opens the page.

use workbook_core::interface::Msg;
use yew::prelude::*;

use crate::state::language::endonym;
use crate::state::texts::{language, languages, t};

/// The switch, for a page whose place in the workbook is `hash` (`#/week/3`); nothing when the
/// curriculum has one language. Without `leave` (a page with nothing to save) the links open
/// the page themselves, remembering the choice (in the first view, before the app, the page's
/// own script remembers it).
pub fn render(hash: &str, leave: Option<Callback<(String, String)>>) -> Html {
    let Some(languages) = languages() else {
        return html! {};
    };
    let current = language();
    let items = languages.all().map(|tag| {
        let name = endonym(tag).to_string();
        if tag.eq_ignore_ascii_case(&current) {
            return html! {
                <li><span lang={tag.to_string()} aria-current="true">{ name }</span></li>
            };
        }
        let href = format!("{}{hash}", languages.page(tag));
        let onclick = {
            let (leave, tag, href) = (leave.clone(), tag.to_string(), href.clone());
            Callback::from(move |event: MouseEvent| match &leave {
                Some(leave) => {
                    event.prevent_default();
                    leave.emit((tag.clone(), href.clone()));
                }
                // The link opens the page; remembered, the choice keeps the default page from
                // sending the participant back.
                None => crate::browser::language::remember(&tag),
            })
        };
        html! {
            <li><a href={href} hreflang={tag.to_string()} lang={tag.to_string()} onclick={onclick}>{ name }</a></li>
        }
    });
    html! {
        <nav class="language-nav" aria-label={t(Msg::LanguageNavigation)}>
            <ul>{ for items }</ul>
        </nav>
    }
}
