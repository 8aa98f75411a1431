//! Checks of an exercise that look at its prompt: a field written below the blank line that ends
//! the fields (so it is shown as text, and the exercise goes without it). (A content note on an
//! exercise that is not marked sensitive is advice to authors, in `lints`.)

use crate::diagnostic::{Code, Help, Reporter};
use crate::source::Span;

/// Reports each line of a prompt that is a field this exercise knows (`known`), such as
/// `time: 10 minutes` written after the blank line. `field_like` are the prompt's lines that
/// look like fields, outside code blocks and comments, as `fences` noted them while it split the
/// file (one pass over the lines, not two).
pub(crate) fn fields_in_prompt(
    reporter: &mut Reporter<'_, '_>,
    field_like: &[Span],
    known: &[&str],
) {
    let text = reporter.file.text();
    for span in field_like {
        let line = &text[span.clone()];
        let Some(name) = field_name(line).filter(|name| known.contains(name)) else {
            continue;
        };
        let start = span.start;
        let indent = line.len() - line.trim_start().len();
        reporter
            .error(
                Code::FieldInPrompt,
                start + indent..start + line.trim_end().len(),
                format!("`{name}` is a field, but this line is in the prompt, below the blank line that ends the fields, so participants see it as text"),
            )
            .help("move the line up among the fields, above the first blank line of the block");
    }
}

/// The name of the field `line` gives, if it looks like one. Field names are lowercase, so
/// "Time: take it slowly" in a sentence is not a field.
#[inline]
pub(crate) fn field_name(line: &str) -> Option<&str> {
    // Called for every line of every block's body: most start with a capital, a space or a mark.
    if !line.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    name_before_colon(line)
}

fn name_before_colon(trimmed: &str) -> Option<&str> {
    // A name is lowercase letters, digits and hyphens: most lines of prose stop at their first
    // space, long before any colon.
    let bytes = trimmed.as_bytes();
    let length = bytes
        .iter()
        .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-'))?;
    if length == 0 || bytes[length] != b':' {
        return None;
    }
    let spaced = matches!(bytes.get(length + 1), None | Some(b' ' | b'\t'));
    spaced.then(|| &trimmed[..length])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_like_lines() {
        assert_eq!(field_name("time: 10 minutes"), Some("time"));
        assert_eq!(field_name("min-words:"), Some("min-words"));
        assert_eq!(field_name("Time: take it slowly"), None);
        assert_eq!(field_name("time:10"), None);
        assert_eq!(field_name("  time: 10"), None);
        assert_eq!(field_name("two words: no"), None);
    }
}
