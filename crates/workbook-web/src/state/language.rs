//! Which language the workbook is shown in, and where each language's page is.
//!
//! Each language has a page of its own, written at build time in that language
//! (`index.html` for the curriculum's own language, `cy.html` for Welsh), so the first paint, the
//! quick exit and the support lines are in the right language before the app starts, and
//! changing language is following a link: the app never fetches anything after start-up. The
//! page a participant opens decides the language; the choice is remembered on the device so
//! the default page can send them to theirs next time (`web/first-visit.js` does that before
//! the first paint, with the same rules as [`preferred`]).

/// Where the choice is remembered: one key for the whole site, readable before the app (and
/// before unlocking), since it says nothing of what anyone wrote.
pub const CHOICE_KEY: &str = "workbook/v1/language";

/// The languages a curriculum is written in: its own first, then its translations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Languages {
    /// The curriculum's own language (`en-GB`): its page is `index.html`.
    pub own: String,
    /// The translations (`cy`), each with a page named after it.
    pub translations: Vec<String>,
}

impl Languages {
    /// Every language, the curriculum's own first.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.own.as_str()).chain(self.translations.iter().map(String::as_str))
    }

    /// The language among these that `tag` names: the same tag (in any case), or else the same
    /// language (`cy-GB` for `cy`, `en-US` for `en-GB`).
    pub fn find(&self, tag: &str) -> Option<&str> {
        let base = |tag: &str| {
            tag.split(['-', '_'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        };
        self.all()
            .find(|known| known.eq_ignore_ascii_case(tag))
            .or_else(|| self.all().find(|known| base(known) == base(tag)))
    }

    /// The page of a language, relative to the site: `./` for the curriculum's own, `cy.html`.
    pub fn page(&self, language: &str) -> String {
        if language.eq_ignore_ascii_case(&self.own) {
            "./".to_string()
        } else {
            format!("{language}.html")
        }
    }
}

/// The language a participant should see: the one chosen on this device before, or on a first
/// visit the first of the browser's preferred languages the curriculum has, or else its own.
pub fn preferred(languages: &Languages, chosen: Option<&str>, browser: &[String]) -> String {
    chosen
        .and_then(|tag| languages.find(tag))
        .or_else(|| browser.iter().find_map(|tag| languages.find(tag)))
        .unwrap_or(&languages.own)
        .to_string()
}

/// Each language's own name for itself, as a language switch shows it (GOV.UK's pattern: never
/// abbreviations). A language not listed is shown by its tag.
pub fn endonym(tag: &str) -> &str {
    match tag.split(['-', '_']).next().unwrap_or_default() {
        "en" => "English",
        "cy" => "Cymraeg",
        "ga" => "Gaeilge",
        "gd" => "Gàidhlig",
        "pl" => "Polski",
        "ur" => "اردو",
        "pa" => "ਪੰਜਾਬੀ",
        "ro" => "Română",
        _ => tag,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn welsh_and_english() -> Languages {
        Languages {
            own: "en-GB".into(),
            translations: vec!["cy".into()],
        }
    }

    #[test]
    fn a_remembered_choice_wins_then_the_browser_then_the_curriculum() {
        let languages = welsh_and_english();
        let browser = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(
            preferred(&languages, Some("cy"), &browser(&["en-GB"])),
            "cy"
        );
        assert_eq!(
            preferred(&languages, Some("en-GB"), &browser(&["cy"])),
            "en-GB"
        );
        assert_eq!(
            preferred(&languages, None, &browser(&["fr", "cy-GB", "en"])),
            "cy"
        );
        assert_eq!(preferred(&languages, None, &browser(&["en-US"])), "en-GB");
        assert_eq!(preferred(&languages, None, &browser(&["fr"])), "en-GB");
        // A choice the curriculum no longer has falls back as if there were none.
        assert_eq!(preferred(&languages, Some("ga"), &browser(&["cy"])), "cy");
    }

    #[test]
    fn each_language_has_a_page_and_a_name_of_its_own() {
        let languages = welsh_and_english();
        assert_eq!(languages.page("en-GB"), "./");
        assert_eq!(languages.page("cy"), "cy.html");
        assert_eq!(endonym("cy"), "Cymraeg");
        assert_eq!(endonym("en-GB"), "English");
        assert_eq!(endonym("xx"), "xx");
    }
}
