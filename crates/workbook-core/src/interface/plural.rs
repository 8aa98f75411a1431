//! Plural forms: the CLDR categories a number falls into, which a catalog's `[one]`, `[few]` …
//! variants are named after.
//!
//! The browser knows every language's rules (`Intl.PluralRules`), so the app asks it and
//! nothing here is in its download but the names. The checker, the build's first view and the
//! host tests have no browser: [`categories`] says which forms a language has, and [`cardinal`]
//! picks one for a whole number, for the languages the workbook ships.

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PluralCategory {
    /// Welsh 0.
    Zero,
    /// 1 in English and Welsh.
    One,
    /// Welsh 2.
    Two,
    /// Welsh 3.
    Few,
    /// Welsh 6.
    Many,
    /// Everything else; every language has it.
    Other,
}

impl PluralCategory {
    /// Every category, in CLDR's order.
    pub const ALL: [PluralCategory; 6] = [
        PluralCategory::Zero,
        PluralCategory::One,
        PluralCategory::Two,
        PluralCategory::Few,
        PluralCategory::Many,
        PluralCategory::Other,
    ];

    /// The name a catalog writes in a variant's brackets, as `Intl.PluralRules` returns it.
    pub fn as_str(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The category with that name.
    pub fn from_name(name: &str) -> Option<PluralCategory> {
        PluralCategory::ALL
            .into_iter()
            .find(|category| category.as_str() == name)
    }
}

/// The language part of a tag: `en` for `en-GB`, lowercased.
pub fn base_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The categories a language's whole numbers fall into, for the languages whose rules the
/// checker knows; `None` for the others (the browser still knows them).
pub fn categories(language: &str) -> Option<&'static [PluralCategory]> {
    use PluralCategory::*;
    match base_language(language).as_str() {
        "en" | "de" | "nl" | "sv" | "it" | "es" => Some(&[One, Other]),
        "cy" => Some(&[Zero, One, Two, Few, Many, Other]),
        "ga" => Some(&[One, Two, Few, Many, Other]),
        "gd" => Some(&[One, Two, Few, Other]),
        "pl" | "ru" | "uk" => Some(&[One, Few, Many, Other]),
        _ => None,
    }
}

/// The category of a whole number in a language whose rules the checker knows (CLDR's
/// cardinal rules for integers); `Other` for the rest.
pub fn cardinal(language: &str, n: i64) -> PluralCategory {
    use PluralCategory::*;
    let n = n.unsigned_abs();
    match base_language(language).as_str() {
        "cy" => match n {
            0 => Zero,
            1 => One,
            2 => Two,
            3 => Few,
            6 => Many,
            _ => Other,
        },
        "en" | "de" | "nl" | "sv" | "it" | "es" if n == 1 => One,
        _ => Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_has_six_forms_and_english_two() {
        let welsh: Vec<_> = [0, 1, 2, 3, 4, 6, 10, 20]
            .into_iter()
            .map(|n| cardinal("cy", n).as_str())
            .collect();
        assert_eq!(
            welsh,
            [
                "zero", "one", "two", "few", "other", "many", "other", "other"
            ]
        );
        assert_eq!(cardinal("en-GB", 1), PluralCategory::One);
        assert_eq!(cardinal("en-GB", 0), PluralCategory::Other);
        assert_eq!(categories("en-GB").map(<[_]>::len), Some(2));
        assert_eq!(categories("cy").map(<[_]>::len), Some(6));
        assert_eq!(categories("xx"), None);
    }
}
