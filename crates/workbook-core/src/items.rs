//! Lists an author writes (a checklist's options, a rating's statements, a plan's sections, a
//! questionnaire's items and responses, a worksheet's columns), each entry with a stable id.
//!
//! Answers are stored by these ids, never by the label, so an author can fix a typo in a label,
//! reorder a list or translate it without orphaning anyone's answer. An author writes the id at
//! the end of the label:
//!
//! ```text
//! options:
//!   - Boredom {#bored}
//!   - Feeling lonely {#lonely}
//! ```
//!
//! Without one, the id is derived from the label (`Feeling lonely` gives `feeling-lonely`), so
//! changing that label later moves the answers given under it to "answers from earlier
//! versions". A curriculum that says it is `in-use` is warned about every list without ids.

use crate::diagnostic::{Code, Help, Reporter};
use crate::exercise::{is_valid_id, suggest_id};
use crate::fields::Spanned;
use crate::model::Item;
use crate::source::Span;

/// A list read from the fields, with whether any of its ids was derived from a label.
pub(crate) struct ItemList {
    pub items: Vec<Item>,
    /// Where the list is, when one of its ids was derived rather than written.
    pub derived: Option<Span>,
}

/// The id a label gives when the author writes none: lowercase letters and digits, words
/// joined by hyphens; `item-N` for a label with no such letters at all.
pub fn derive_id(label: &str, position: usize) -> String {
    let id = suggest_id(label);
    if id.is_empty() {
        format!("item-{}", position + 1)
    } else {
        id
    }
}

/// Splits `Label {#id}` into the label and the id written, reporting an id that is not valid.
/// The span of the label part is returned too, for later diagnostics.
pub(crate) fn split_id(
    reporter: &mut Reporter<'_, '_>,
    text: &str,
    span: &Span,
) -> (String, Option<String>) {
    let trimmed = text.trim_end();
    let Some(open) = trimmed.rfind("{#").filter(|_| trimmed.ends_with('}')) else {
        return (text.trim().to_string(), None);
    };
    let id = &trimmed[open + 2..trimmed.len() - 1];
    let label = trimmed[..open].trim().to_string();
    // The id's place in the file, when the text is the file's own (a one-line item).
    let id_span = if span.end - span.start == text.len() {
        span.start + open..span.start + trimmed.len()
    } else {
        span.clone()
    };
    if !is_valid_id(id) {
        reporter
            .error(
                Code::InvalidId,
                id_span,
                format!("`{id}` is not a valid id"),
            )
            .help(format!(
                "use lowercase letters, digits and single hyphens, such as `{{#{}}}`",
                derive_id(if id.is_empty() { &label } else { id }, 0)
            ));
        return (label, None);
    }
    (label, Some(id.to_string()))
}

/// A list of labelled entries: none empty, no label or id twice, at least `min`. `what` names
/// the list in messages (`options`, `items`, `sections`).
pub(crate) fn item_list(
    reporter: &mut Reporter<'_, '_>,
    name_span: Span,
    entries: Vec<Spanned<'_>>,
    what: &str,
    min: usize,
) -> ItemList {
    let mut items: Vec<Item> = Vec::new();
    let mut derived = None;
    for (position, entry) in entries.into_iter().enumerate() {
        let (label, written) = split_id(reporter, &entry.text, &entry.span);
        if label.is_empty() {
            reporter
                .error(
                    Code::InvalidValue,
                    entry.span.clone(),
                    format!("an empty line in `{what}`"),
                )
                .help("write the text after `- `, or delete the line");
            continue;
        }
        let id = match written {
            Some(id) => id,
            None => {
                derived = Some(name_span.clone());
                derive_id(&label, position)
            }
        };
        if items
            .iter()
            .any(|existing| existing.label.eq_ignore_ascii_case(&label))
        {
            reporter
                .error(
                    Code::DuplicateOption,
                    entry.span.clone(),
                    format!("`{label}` is listed twice in `{what}`"),
                )
                .help("delete one of them");
            continue;
        }
        if let Some(existing) = items.iter().find(|existing| existing.id == id) {
            reporter
                .error(
                    Code::DuplicateOption,
                    entry.span.clone(),
                    format!(
                        "`{label}` has the id `{id}`, which `{}` has already",
                        existing.label
                    ),
                )
                .help(format!(
                    "give it an id of its own at the end of the line, such as `- {label} {{#{id}-2}}`"
                ));
            continue;
        }
        items.push(Item { id, label });
    }
    if items.len() < min {
        reporter
            .error(
                Code::InvalidValue,
                name_span,
                format!("`{what}` needs at least {min}, but has {}", items.len()),
            )
            .help(format!("list them below `{what}:`, one `- ` line each"));
    }
    ItemList { items, derived }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_derived_from_labels() {
        assert_eq!(derive_id("Feeling lonely", 0), "feeling-lonely");
        assert_eq!(
            derive_id("Not yet – I am not sure", 0),
            "not-yet-i-am-not-sure"
        );
        assert_eq!(derive_id("¿¡", 2), "item-3");
    }
}
