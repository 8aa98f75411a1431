//! Invisible characters in the places where they change how a line is read.
//!
//! A non-breaking space after `kind:`, a zero-width space before `:::`, a tab after a list's
//! `-`: the line looks right in every editor, yet it is no longer a field, a block or a list
//! item. Without this module the author would hear about the line that looks right ("expected a
//! field, found `kind: writing`"); with it they hear about the character, with the caret on it.
//! Passes call these helpers only where such a character breaks the grammar, and then go on as
//! if it were not there, so that one pasted character gives one diagnostic.

use crate::diagnostic::{Code, Help, Reporter};

/// The characters this module names. Tabs and the spaces that [`char::is_whitespace`] knows
/// are harmless where the grammar trims white space; the zero-width ones never are.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{a0}'
            | '\u{202f}'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2060}'
            | '\u{feff}'
    )
}

/// White space of any kind, or an invisible character: what passes for nothing between marks.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// True for the invisible characters that `str::trim` does not remove.
pub(crate) fn is_zero_width(c: char) -> bool {
    is_invisible(c) && !c.is_whitespace()
}

/// The character's name, as an author would say it.
pub(crate) fn name(c: char) -> &'static str {
    match c {
        '\t' => "a tab",
        '\u{a0}' => "a non-breaking space",
        '\u{202f}' => "a narrow non-breaking space",
        '\u{200b}' => "a zero-width space",
        '\u{200c}' | '\u{200d}' => "a zero-width joiner",
        '\u{2060}' => "a word joiner (an invisible character)",
        '\u{feff}' => "a byte-order mark (an invisible character some editors add)",
        _ => "an invisible character",
    }
}

/// Reports the invisible character `c` at byte `offset` of the file; `place` says where it is,
/// such as "after `kind:`".
pub(crate) fn report(reporter: &mut Reporter<'_, '_>, offset: usize, c: char, place: &str) {
    let help = if c == '\t' {
        "replace the tab with a plain space (or delete it); the format reads spaces here, not tabs"
    } else {
        "delete it and type a plain space (or nothing) instead; it often comes with text copied \
         from a word processor or a web page"
    };
    reporter
        .error(
            Code::InvisibleCharacter,
            offset..offset + c.len_utf8(),
            format!("{} {place}", name(c)),
        )
        .help(help);
}

/// If `line` is `---` once its invisible characters are removed, reports them and returns true.
/// Used for the lines that start and end front matter (`edge` says which: "starts" or "ends"),
/// where `---` must stand alone.
pub(crate) fn dashes_line(
    reporter: &mut Reporter<'_, '_>,
    start: usize,
    line: &str,
    edge: &str,
) -> bool {
    // Most lines are ordinary ASCII text: nothing to look at.
    if line.is_ascii() && !line.contains('\t') {
        return false;
    }
    let visible: String = line
        .chars()
        .filter(|c| !is_invisible(*c) && !c.is_whitespace())
        .collect();
    if visible != "---" {
        return false;
    }
    let dashes = line.find('-').unwrap_or(0);
    for (at, c) in line.char_indices().filter(|(_, c)| is_invisible(*c)) {
        let side = if at < dashes { "before" } else { "after" };
        report(
            reporter,
            start + at,
            c,
            &format!("{side} the `---` that {edge} the front matter"),
        );
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn names_and_kinds() {
        assert!(is_zero_width('\u{200b}'));
        assert!(is_zero_width('\u{feff}'));
        assert!(!is_zero_width('\u{a0}'));
        assert!(is_invisible('\u{a0}'));
        assert_eq!(name('\u{a0}'), "a non-breaking space");
    }

    #[test]
    fn dashes_with_an_invisible_character_are_still_dashes() {
        let text = "\u{200b}---";
        let file = SourceFile::new("t.md", text);
        let mut out = Vec::new();
        assert!(dashes_line(
            &mut Reporter::new(&file, &mut out),
            0,
            text,
            "starts"
        ));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, 0..3);
        assert!(out[0].message.contains("before the `---` that starts"));
        assert!(!dashes_line(
            &mut Reporter::new(&file, &mut out),
            0,
            "--- x",
            "ends"
        ));
    }
}
