//! The browser's knowledge of languages (`Intl`), so none of it is in the download.

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;
use workbook_core::interface::PluralCategory;

use crate::state::texts::LanguageRules;

/// How `language` picks plural forms (`Intl.PluralRules`) and writes dates
/// (`toLocaleDateString`). `None` in a browser without `Intl`: the core's rules are used then.
pub fn rules(language: &str) -> Option<LanguageRules> {
    if !Reflect::has(&js_sys::global(), &"Intl".into()).unwrap_or(false) {
        return None;
    }
    let rules = Intl::PluralRules::new(&Array::of1(&JsValue::from_str(language)), &Object::new());
    let plural = Box::new(move |n: i64| {
        rules
            .select(n as f64)
            .as_string()
            .and_then(|name| PluralCategory::from_name(&name))
            .unwrap_or(PluralCategory::Other)
    });
    let options = Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = Reflect::set(&options, &key.into(), &value.into());
    }
    let language = language.to_string();
    let date = Box::new(move |iso: &str| {
        let mut parts = iso.split('-').map(|part| part.parse::<i32>().ok());
        let (Some(Some(year)), Some(Some(month)), Some(Some(day)), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year < 1 {
            return None;
        }
        let date = js_sys::Date::new_with_year_month_day(year as u32, month - 1, day);
        date.to_locale_date_string(&language, &options).as_string()
    });
    Some(LanguageRules { plural, date })
}
