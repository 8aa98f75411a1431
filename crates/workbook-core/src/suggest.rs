//! "Did you mean …?": the nearest known name to a misspelt one.

/// The candidate closest to `name`, if it is close enough to be a likely typing slip.
/// Case is ignored, so `Title` suggests `title`.
pub(crate) fn nearest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lowered = name.to_lowercase();
    candidates
        .iter()
        .map(|&candidate| {
            let distance = strsim::osa_distance(&lowered, candidate);
            (distance, candidate)
        })
        // Allow about one slip per three letters, and at least one.
        .filter(|&(distance, candidate)| distance <= (candidate.len() / 3).max(1))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// A help line that suggests the nearest candidate, or lists them all when none is close.
pub(crate) fn help_for(name: &str, candidates: &[&str], what: &str) -> String {
    match nearest(name, candidates) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("the {what} are: {}", quoted_list(candidates)),
    }
}

/// `a`, `b` and `c`.
pub(crate) fn quoted_list(items: &[&str]) -> String {
    joined(items, "and")
}

/// `a`, `b` or `c`.
pub(crate) fn quoted_either(items: &[&str]) -> String {
    joined(items, "or")
}

fn joined(items: &[&str], last_word: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {last_word} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let kinds = ["writing", "rating", "checklist", "choice"];
        assert_eq!(nearest("ratin", &kinds), Some("rating"));
        assert_eq!(nearest("Checklist", &kinds), Some("checklist"));
        assert_eq!(nearest("chioce", &kinds), Some("choice"));
        assert_eq!(nearest("essay", &kinds), None);
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(quoted_list(&["a"]), "`a`");
        assert_eq!(quoted_list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
