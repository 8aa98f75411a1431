//! "Did you mean …?" for an exercise's kind, judged by its fields as well as by its name.
//!
//! A block with `options` is a checklist or a choice whatever its `kind` line says; one with
//! `columns` is a worksheet, one with `min-words` a piece of writing. So when the kind is unknown
//! (or missing), the kinds that own the block's fields are the likely ones, and the nearest name
//! among them is the best guess. Each kind's fields come from [`Kind::fields`], so a kind added
//! to the list is guessed here too.

use crate::model::Kind;
use crate::suggest;

/// The kinds that own the most of `fields`, best first in [`Kind::ALL`] order, and the fields
/// that point to them. Both are empty when no field belongs to a kind.
pub(crate) fn kinds_by_fields<'f>(fields: &[&'f str]) -> (Vec<&'static str>, Vec<&'f str>) {
    let mut best = 0;
    let mut kinds: Vec<Kind> = Vec::new();
    for &kind in Kind::ALL {
        let owned = fields
            .iter()
            .filter(|field| kind.fields().contains(field))
            .count();
        if owned > best {
            best = owned;
            kinds.clear();
        }
        if owned == best && owned > 0 {
            kinds.push(kind);
        }
    }
    let telling = fields
        .iter()
        .copied()
        .filter(|field| kinds.iter().any(|kind| kind.fields().contains(field)))
        .collect();
    (kinds.iter().map(|kind| kind.name()).collect(), telling)
}

/// The help line for the unknown kind `name` of a block with these (kind-specific) `fields`.
pub(crate) fn help(name: &str, fields: &[&str]) -> String {
    let (kinds, telling) = kinds_by_fields(fields);
    if kinds.is_empty() {
        return suggest::help_for(name, Kind::NAMES, "kinds");
    }
    let evidence = format!("a block with {}", suggest::quoted_list(&telling));
    match (kinds.as_slice(), suggest::nearest(name, &kinds)) {
        ([only], _) => format!("{evidence} is a `{only}` exercise: write `kind: {only}`"),
        (_, Some(near)) => format!(
            "did you mean `{near}`? ({evidence} is a {} exercise)",
            suggest::quoted_either(&kinds)
        ),
        _ => format!(
            "{evidence} is a {} exercise: write `kind:` and one of them",
            suggest::quoted_either(&kinds)
        ),
    }
}

/// The kind to show in "add a line such as `kind: …`" for a block with these fields.
pub(crate) fn example(fields: &[&str]) -> &'static str {
    kinds_by_fields(fields)
        .0
        .first()
        .copied()
        .unwrap_or(Kind::Writing.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_decide_the_kind() {
        assert_eq!(kinds_by_fields(&["columns"]).0, ["worksheet"]);
        assert_eq!(kinds_by_fields(&["options"]).0, ["checklist", "choice"]);
        assert_eq!(kinds_by_fields(&["options", "repeats"]).0, ["choice"]);
        assert_eq!(kinds_by_fields(&["colour"]).0, Vec::<&str>::new());
    }

    #[test]
    fn help_lines() {
        assert_eq!(help("ratng", &[]), "did you mean `rating`?");
        assert_eq!(
            help("table", &["columns", "min-rows"]),
            "a block with `columns` and `min-rows` is a `worksheet` exercise: write `kind: worksheet`"
        );
        assert_eq!(
            help("choise", &["options"]),
            "did you mean `choice`? (a block with `options` is a `checklist` or `choice` exercise)"
        );
        assert_eq!(
            help("multiple", &["options"]),
            "a block with `options` is a `checklist` or `choice` exercise: write `kind:` and one of them"
        );
        assert_eq!(example(&["sections"]), "plan");
    }
}
