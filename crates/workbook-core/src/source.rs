//! Source files as the parser sees them: a path, the text, and a line index that turns a byte
//! offset into the 1-based line and column an author's editor shows.

use std::collections::BTreeMap;
use std::ops::Range;

/// A byte range in one source file.
pub type Span = Range<usize>;

/// One content file, by its path relative to the content folder (for example `week-01-starting.md`).
#[derive(Clone, Debug)]
pub struct SourceFile {
    path: String,
    text: String,
    /// Byte offset of the start of every line, so that locating an offset is a binary search.
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps a file's text. Windows line endings are kept as they are; columns count characters.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The path relative to the content folder, as diagnostics print it.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The whole text of the file.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line and 1-based column (in characters) of a byte offset. Offsets past the
    /// end, or inside a multi-byte character, are clamped so this never panics.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(exact) => exact,
            Err(next) => next - 1,
        };
        let line_start = self.line_starts[line_index];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line_index + 1, column)
    }

    /// The byte range of a 1-based line, without its line ending.
    pub fn line_span(&self, line: usize) -> Span {
        let start = self.line_starts[line.saturating_sub(1).min(self.line_starts.len() - 1)];
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }
}

/// The largest char boundary at or below `offset`.
pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Every file of a content folder that the parser may read, by path. The manifest is
/// [`MANIFEST_FILE`](crate::MANIFEST_FILE); week modules are the files it lists.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: BTreeMap<String, SourceFile>,
}

impl Sources {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a file.
    pub fn insert(&mut self, path: impl Into<String>, text: impl Into<String>) {
        let path = path.into();
        self.files.insert(path.clone(), SourceFile::new(path, text));
    }

    /// The file at `path`, if it was given.
    pub fn get(&self, path: &str) -> Option<&SourceFile> {
        self.files.get(path)
    }

    /// All files, in path order.
    pub fn iter(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.values()
    }
}

impl<P: Into<String>, T: Into<String>> FromIterator<(P, T)> for Sources {
    fn from_iter<I: IntoIterator<Item = (P, T)>>(iter: I) -> Self {
        let mut sources = Sources::new();
        for (path, text) in iter {
            sources.insert(path, text);
        }
        sources
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let file = SourceFile::new("a.md", "ab\ncdé f\n\nlast");
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(3), (2, 1));
        // "é" is two bytes; the space after it is the fourth character of line 2.
        assert_eq!(file.line_column(3 + 4), (2, 4));
        assert_eq!(file.line_column(1000), (4, 5));
        assert_eq!(&file.text()[file.line_span(2)], "cdé f");
        assert_eq!(&file.text()[file.line_span(3)], "");
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let file = SourceFile::new("a.md", "é");
        assert_eq!(file.line_column(1), (1, 1));
    }

    #[test]
    fn windows_line_endings_are_not_part_of_the_line() {
        let file = SourceFile::new("a.md", "one\r\ntwo\r\n");
        assert_eq!(&file.text()[file.line_span(1)], "one");
        assert_eq!(file.line_column(5), (2, 1));
    }
}
