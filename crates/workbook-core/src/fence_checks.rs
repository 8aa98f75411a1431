//! The slips that stop a `:::` line from being read as one: an invisible character before the
//! colons or in the name, and four or more colons (pandoc's way of nesting blocks, which this
//! format does not do). Each is reported once and the line is then read as the author meant it,
//! so the block is not lost and nothing else is reported because of it.

use crate::diagnostic::{Code, Help, Reporter};
use crate::invisible::{self, is_blank, is_invisible, is_zero_width};

/// If `line` (starting at byte `start` of the file) is a `:::` line, the text after its colons
/// (trimmed: the block's name, or nothing for a closing line) and where that text starts in the
/// line. Returns `None` for any other line.
#[inline]
pub(crate) fn fence_line<'l>(
    reporter: &mut Reporter<'_, '_>,
    start: usize,
    line: &'l str,
) -> Option<(&'l str, usize)> {
    // Called for every line of every body: most start with a letter and are no fence.
    match *line.as_bytes().first()? {
        b':' | b'\t' | 0x80.. => read_fence_line(reporter, start, line),
        _ => None,
    }
}

/// [`fence_line`], for a line that may be one; out of the hot loop.
#[inline(never)]
fn read_fence_line<'l>(
    reporter: &mut Reporter<'_, '_>,
    start: usize,
    line: &'l str,
) -> Option<(&'l str, usize)> {
    let colons_at = match *line.as_bytes().first()? {
        b':' => 0,
        // A tab, or a character outside ASCII: perhaps an invisible one before the colons.
        b'\t' | 0x80.. => invisible_before_colons(reporter, start, line)?,
        _ => return None,
    };
    let after = &line[colons_at..];
    if !after.starts_with(":::") {
        return None;
    }
    let colons = after.len() - after.trim_start_matches(':').len();
    let rest = &after[colons..];
    let skipped = rest.len() - rest.trim_start_matches(is_blank).len();
    let name = rest[skipped..].trim_end_matches(is_blank);
    let name_at = colons_at + colons + skipped;
    if colons > 3 {
        report_colons(reporter, start + colons_at, colons, name);
    }
    if !rest.is_ascii() {
        let place = if name.is_empty() {
            "in the closing `:::` line".to_string()
        } else {
            format!("in the `::: {name}` line")
        };
        for (at, c) in rest.char_indices().filter(|(_, c)| is_zero_width(*c)) {
            invisible::report(reporter, start + colons_at + colons + at, c, &place);
        }
    }
    Some((name, name_at))
}

/// Where the colons start, if only spaces and invisible characters (at least one) come before
/// them; the invisible ones are reported. A line indented with spaces alone is markdown (the
/// `markdown` pass says why its block is not read).
fn invisible_before_colons(
    reporter: &mut Reporter<'_, '_>,
    start: usize,
    line: &str,
) -> Option<usize> {
    let rest = line.trim_start_matches(is_blank);
    if !rest.starts_with(":::") {
        return None;
    }
    let at = line.len() - rest.len();
    if !line[..at].contains(is_invisible) {
        return None; // Other white space: markdown, like a line indented with spaces.
    }
    for (offset, c) in line[..at].char_indices().filter(|(_, c)| is_invisible(*c)) {
        invisible::report(reporter, start + offset, c, "before `:::`");
    }
    Some(at)
}

fn report_colons(reporter: &mut Reporter<'_, '_>, offset: usize, colons: usize, name: &str) {
    let (message, help) = if name.is_empty() {
        (
            format!("this line has {colons} colons, but a block closes with three"),
            "write `:::` alone on the line; blocks do not go inside each other".to_string(),
        )
    } else {
        (
            format!("this line starts with {colons} colons, but a block opens with three"),
            format!("write `::: {name}`; blocks do not go inside each other"),
        )
    };
    reporter
        .error(Code::TooManyColons, offset..offset + colons, message)
        .help(help);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn read(line: &str) -> (Option<(String, usize)>, Vec<String>) {
        let file = SourceFile::new("t.md", line);
        let mut out = Vec::new();
        let result = fence_line(&mut Reporter::new(&file, &mut out), 0, line)
            .map(|(name, at)| (name.to_string(), at));
        (result, out.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn plain_fences_are_quiet() {
        assert_eq!(read("::: exercise"), (Some(("exercise".into(), 4)), vec![]));
        assert_eq!(read(":::"), (Some((String::new(), 3)), vec![]));
        assert_eq!(read("text").0, None);
        assert_eq!(read("  ::: exercise").0, None);
        assert_eq!(read("“quoted”").0, None);
    }

    #[test]
    fn slips_are_reported_and_read_as_meant() {
        let (fence, diagnostics) = read(":::: exercise");
        assert_eq!(fence, Some(("exercise".into(), 5)));
        assert!(
            diagnostics[0].contains("too-many-colons"),
            "{diagnostics:?}"
        );
        let (fence, diagnostics) = read("\u{200b}::: exercise");
        assert_eq!(fence, Some(("exercise".into(), 7)));
        assert!(diagnostics[0].contains("a zero-width space before `:::`"));
        let (fence, diagnostics) = read("::: exercise\u{feff}");
        assert_eq!(fence, Some(("exercise".into(), 4)));
        assert!(diagnostics[0].contains("in the `::: exercise` line"));
    }
}
