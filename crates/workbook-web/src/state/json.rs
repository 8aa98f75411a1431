//! The JSON of stored answers, the lock record and backup files (plain and locked), read and
//! written by hand.
//!
//! `serde_json` and the code serde derives for these few records cost the download more than
//! everything here. The format is exactly what `serde_json` wrote (the tests compare the two):
//! answers already in participants' browsers and their backup files read back unchanged.
//! Numbers are integers only (every number in these records is one); a fraction or exponent is
//! accepted where it is ignored (an unknown field) and refused where a value is needed.

use std::collections::BTreeMap;

use super::answer::{Answer, DiaryEntry};
use super::backup::{Backup, LockedBackup};
use super::store::{Entry, Meta};
use super::vault::LockRecord;

/// Why a text could not be read (or, never in practice, written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not valid JSON for this record")
    }
}

/// A parsed JSON value. Objects keep their keys in order, duplicates included.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer: negative, and its magnitude.
    Int(bool, u64),
    /// A number with a fraction or exponent, or too large: only ever skipped.
    OtherNumber,
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Value>),
    /// An object.
    Obj(Vec<(String, Value)>),
}

/// A record that can be read from JSON.
pub trait FromJson: Sized {
    /// Converts a parsed value, or `None` if it does not have this record's shape.
    fn from_json(value: Value) -> Option<Self>;
}

/// A record that can be written as JSON.
pub trait ToJson {
    /// The record as a value.
    fn to_json(&self) -> Value;
}

/// Reads a record, like `serde_json::from_str`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = parser.value().ok_or(Error)?;
    parser.space();
    if parser.at != parser.bytes.len() {
        return Err(Error);
    }
    T::from_json(value).ok_or(Error)
}

/// Writes a record compactly, like `serde_json::to_string`.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = String::new();
    write(&value.to_json(), None, &mut out);
    Ok(out)
}

/// Writes a record indented by two spaces, like `serde_json::to_string_pretty`.
pub fn to_string_pretty<T: ToJson + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = String::new();
    write(&value.to_json(), Some(0), &mut out);
    Ok(out)
}

// serde_json's limit, so that a hostile backup file cannot overflow the stack.
const MAX_DEPTH: u32 = 128;

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: u32,
}

impl Parser<'_> {
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn word(&mut self, word: &str, value: Value) -> Option<Value> {
        let found = self.bytes[self.at..].starts_with(word.as_bytes());
        self.at += word.len();
        found.then_some(value)
    }

    fn value(&mut self) -> Option<Value> {
        self.space();
        match *self.bytes.get(self.at)? {
            b'n' => self.word("null", Value::Null),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'"' => self.string().map(Value::Str),
            b'[' => self.nested(|p| {
                let mut items = Vec::new();
                if !p.eat(b']') {
                    loop {
                        items.push(p.value()?);
                        if p.eat(b']') {
                            break;
                        }
                        p.eat(b',').then_some(())?;
                    }
                }
                Some(Value::Arr(items))
            }),
            b'{' => self.nested(|p| {
                let mut fields = Vec::new();
                if !p.eat(b'}') {
                    loop {
                        p.space();
                        let key = p.string()?;
                        p.eat(b':').then_some(())?;
                        fields.push((key, p.value()?));
                        if p.eat(b'}') {
                            break;
                        }
                        p.eat(b',').then_some(())?;
                    }
                }
                Some(Value::Obj(fields))
            }),
            _ => self.number(),
        }
    }

    fn nested(&mut self, inner: impl FnOnce(&mut Self) -> Option<Value>) -> Option<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        let value = inner(self);
        self.depth -= 1;
        value
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Option<Value> {
        let negative = self.bytes.get(self.at) == Some(&b'-');
        self.at += usize::from(negative);
        let start = self.at;
        let count = self.digits();
        // JSON allows no leading zeros: `0` alone, or `1`–`9` followed by digits.
        if count == 0 || (count > 1 && self.bytes[start] == b'0') {
            return None;
        }
        let mut magnitude = Some(0u64);
        for &digit in &self.bytes[start..self.at] {
            magnitude = magnitude
                .and_then(|m| m.checked_mul(10))
                .and_then(|m| m.checked_add(u64::from(digit - b'0')));
        }
        let mut integer = true;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            (self.digits() > 0).then_some(())?;
            integer = false;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            (self.digits() > 0).then_some(())?;
            integer = false;
        }
        Some(match magnitude {
            // serde_json reads `-0` as a float, which no integer field accepts.
            Some(m) if integer && !(negative && m == 0) => Value::Int(negative, m),
            _ => Value::OtherNumber,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        let text = std::str::from_utf8(digits).ok()?;
        // `from_str_radix` would accept a sign.
        text.bytes()
            .all(|b| b.is_ascii_hexdigit())
            .then(|| u32::from_str_radix(text, 16).ok())?
    }

    fn string(&mut self) -> Option<String> {
        (self.bytes.get(self.at) == Some(&b'"')).then_some(())?;
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a `&str` and the run stops only at ASCII bytes: still UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            match byte {
                b'"' => return Some(out),
                b'\\' => {
                    let escape = *self.bytes.get(self.at)?;
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                self.bytes[self.at..].starts_with(b"\\u").then_some(())?;
                                self.at += 2;
                                let low = self.hex4()?;
                                (0xDC00..0xE000).contains(&low).then_some(())?;
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    };
                    out.push(c);
                }
                // A raw control character, as serde_json, is an error.
                _ => return None,
            }
        }
    }
}

fn write(value: &Value, indent: Option<usize>, out: &mut String) {
    let newline = |out: &mut String, level: usize| {
        if let Some(base) = indent {
            out.push('\n');
            for _ in 0..(base + level) * 2 {
                out.push(' ');
            }
        }
    };
    let inner = indent.map(|i| i + 1);
    match value {
        Value::Null | Value::OtherNumber => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(negative, m) => {
            if *negative && *m != 0 {
                out.push('-');
            }
            out.push_str(&m.to_string());
        }
        Value::Str(s) => write_str(s, out),
        Value::Arr(items) if items.is_empty() => out.push_str("[]"),
        Value::Obj(fields) if fields.is_empty() => out.push_str("{}"),
        Value::Arr(items) => {
            out.push('[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                newline(out, 1);
                write(item, inner, out);
            }
            newline(out, 0);
            out.push(']');
        }
        Value::Obj(fields) => {
            out.push('{');
            for (n, (key, item)) in fields.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                newline(out, 1);
                write_str(key, out);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write(item, inner, out);
            }
            newline(out, 0);
            out.push('}');
        }
    }
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

// Reading: the pieces every record is made of.

/// An object's fields, taken by name. Unknown fields are ignored and a known field given twice
/// is refused, as serde does.
struct Fields(Vec<(String, Value)>);

impl Fields {
    fn of(value: Value) -> Option<Fields> {
        match value {
            Value::Obj(fields) => Some(Fields(fields)),
            _ => None,
        }
    }

    /// The field, if present (`Ok(None)`), or `Err` if it is there twice.
    fn take(&mut self, name: &str) -> Option<Option<Value>> {
        let mut found = None;
        for (key, value) in &mut self.0 {
            if key == name {
                if found.is_some() {
                    return None;
                }
                found = Some(std::mem::replace(value, Value::Null));
            }
        }
        Some(found)
    }

    /// A field that must be present.
    fn get<T: FromJson>(&mut self, name: &str) -> Option<T> {
        T::from_json(self.take(name)??)
    }

    /// A field that may be missing (or `null`): `None` then, as serde reads an `Option`.
    fn opt<T: FromJson>(&mut self, name: &str) -> Option<Option<T>> {
        match self.take(name)? {
            None | Some(Value::Null) => Some(None),
            Some(value) => T::from_json(value).map(Some),
        }
    }
}

/// Any JSON, as it is (for records read field by field, such as answers stored by an earlier
/// version).
impl FromJson for Value {
    fn from_json(value: Value) -> Option<Self> {
        Some(value)
    }
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}

impl FromJson for String {
    fn from_json(value: Value) -> Option<Self> {
        match value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Option<Self> {
        match value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
}

impl FromJson for u64 {
    fn from_json(value: Value) -> Option<Self> {
        match value {
            Value::Int(false, m) => Some(m),
            _ => None,
        }
    }
}

impl FromJson for u32 {
    fn from_json(value: Value) -> Option<Self> {
        u64::from_json(value).and_then(|m| u32::try_from(m).ok())
    }
}

impl FromJson for i32 {
    fn from_json(value: Value) -> Option<Self> {
        match value {
            Value::Int(false, m) => i32::try_from(m).ok(),
            Value::Int(true, m) => i32::try_from(-i64::try_from(m).ok()?).ok(),
            _ => None,
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            value => T::from_json(value).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Option<Self> {
        match value {
            Value::Arr(items) => items.into_iter().map(T::from_json).collect(),
            _ => None,
        }
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(value: Value) -> Option<Self> {
        match value {
            // As serde_json: a key given twice keeps the last value. Inserted one by one:
            // `collect` would sort, and each sort adds kilobytes of code to the download.
            Value::Obj(fields) => {
                let mut map = BTreeMap::new();
                for (key, value) in fields {
                    map.insert(key, T::from_json(value)?);
                }
                Some(map)
            }
            _ => None,
        }
    }
}

// Writing.

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::Str(self.clone())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl ToJson for u64 {
    fn to_json(&self) -> Value {
        Value::Int(false, *self)
    }
}

impl ToJson for u32 {
    fn to_json(&self) -> Value {
        Value::Int(false, u64::from(*self))
    }
}

impl ToJson for i32 {
    fn to_json(&self) -> Value {
        Value::Int(*self < 0, u64::from(self.unsigned_abs()))
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_json)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        Value::Arr(self.iter().map(T::to_json).collect())
    }
}

impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn to_json(&self) -> Value {
        Value::Obj(self.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
    }
}

fn obj(fields: Vec<(&str, Value)>) -> Value {
    Value::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

// The records.

/// Reading and writing for a record whose fields are all required and written in the order
/// given (the order serde_json wrote them in: the struct's own).
macro_rules! record {
    ($name:ident { $($field:ident),+ $(,)? }) => {
        impl FromJson for $name {
            fn from_json(value: Value) -> Option<Self> {
                let mut f = Fields::of(value)?;
                Some($name {
                    $($field: f.get(stringify!($field))?,)+
                })
            }
        }

        impl ToJson for $name {
            fn to_json(&self) -> Value {
                obj(vec![$((stringify!($field), self.$field.to_json()),)+])
            }
        }
    };
}

record!(DiaryEntry { date, text });

// Externally tagged, kebab-case variant names: `{"text":{"text":"…"}}`.
impl FromJson for Answer {
    fn from_json(value: Value) -> Option<Self> {
        let Value::Obj(mut tagged) = value else {
            return None;
        };
        if tagged.len() != 1 {
            return None;
        }
        let (tag, body) = tagged.pop()?;
        let mut f = Fields::of(body)?;
        Some(match tag.as_str() {
            "text" => Answer::Text {
                text: f.get("text")?,
            },
            "list" => Answer::List {
                items: f.get("items")?,
            },
            "ratings" => Answer::Ratings {
                values: f.get("values")?,
            },
            "checklist" => Answer::Checklist {
                ticked: f.get("ticked")?,
                other_ticked: f.get("other_ticked")?,
                other: f.get("other")?,
            },
            "choice" => Answer::Choice {
                chosen: f.opt("chosen")?,
                other: f.get("other")?,
            },
            "table" => Answer::Table {
                rows: f.get("rows")?,
            },
            "diary" => Answer::Diary {
                entries: f.get("entries")?,
            },
            "plan" => Answer::Plan {
                sections: f.get("sections")?,
            },
            "questionnaire" => Answer::Questionnaire {
                responses: f.get("responses")?,
            },
            _ => return None,
        })
    }
}

impl ToJson for Answer {
    fn to_json(&self) -> Value {
        let (tag, body) = match self {
            Answer::Text { text } => ("text", obj(vec![("text", text.to_json())])),
            Answer::List { items } => ("list", obj(vec![("items", items.to_json())])),
            Answer::Ratings { values } => ("ratings", obj(vec![("values", values.to_json())])),
            Answer::Checklist {
                ticked,
                other_ticked,
                other,
            } => (
                "checklist",
                obj(vec![
                    ("ticked", ticked.to_json()),
                    ("other_ticked", other_ticked.to_json()),
                    ("other", other.to_json()),
                ]),
            ),
            Answer::Choice { chosen, other } => (
                "choice",
                obj(vec![
                    ("chosen", chosen.to_json()),
                    ("other", other.to_json()),
                ]),
            ),
            Answer::Table { rows } => ("table", obj(vec![("rows", rows.to_json())])),
            Answer::Diary { entries } => ("diary", obj(vec![("entries", entries.to_json())])),
            Answer::Plan { sections } => ("plan", obj(vec![("sections", sections.to_json())])),
            Answer::Questionnaire { responses } => (
                "questionnaire",
                obj(vec![("responses", responses.to_json())]),
            ),
        };
        obj(vec![(tag, body)])
    }
}

record!(Entry {
    format,
    kind,
    done,
    updated,
    answer
});

impl FromJson for Meta {
    fn from_json(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Meta {
            last_week: f.opt("last_week")?,
            last_exercise: f.opt("last_exercise")?,
            last_backup: f.opt("last_backup")?,
        })
    }
}

impl ToJson for Meta {
    fn to_json(&self) -> Value {
        obj(vec![
            ("last_week", self.last_week.to_json()),
            ("last_exercise", self.last_exercise.to_json()),
            ("last_backup", self.last_backup.to_json()),
        ])
    }
}

impl FromJson for Backup {
    fn from_json(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Backup {
            format: f.get("format")?,
            version: f.get("version")?,
            curriculum: f.get("curriculum")?,
            curriculum_version: f.get("curriculum_version")?,
            exported: f.get("exported")?,
            answers: f.get("answers")?,
            // `#[serde(default)]`: may be missing, but not `null`.
            kept_aside: match f.take("kept_aside")? {
                None => BTreeMap::new(),
                Some(value) => FromJson::from_json(value)?,
            },
        })
    }
}

impl ToJson for Backup {
    fn to_json(&self) -> Value {
        obj(vec![
            ("format", self.format.to_json()),
            ("version", self.version.to_json()),
            ("curriculum", self.curriculum.to_json()),
            ("curriculum_version", self.curriculum_version.to_json()),
            ("exported", self.exported.to_json()),
            ("answers", self.answers.to_json()),
            ("kept_aside", self.kept_aside.to_json()),
        ])
    }
}

record!(LockRecord {
    format,
    kdf,
    iterations,
    salt,
    check,
    idle_minutes
});

record!(LockedBackup {
    format,
    version,
    kdf,
    iterations,
    salt,
    data
});

/// The start of a backup file: what it is and which version wrote it.
pub struct Header {
    /// [`super::backup::BACKUP_FORMAT`].
    pub format: String,
    /// The backup format's version.
    pub version: u32,
}

impl FromJson for Header {
    fn from_json(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Header {
            format: f.get("format")?,
            version: f.get("version")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> Vec<Answer> {
        let mut row = BTreeMap::new();
        row.insert("When".to_string(), "Tuesday \"late\"\n\ttab".to_string());
        row.insert("Ctl".to_string(), "\u{1}\u{1f}\u{7f} é 😀 \\ /".to_string());
        let mut sections = BTreeMap::new();
        sections.insert(
            "Warning signs".to_string(),
            vec!["a".to_string(), String::new()],
        );
        sections.insert("Empty".to_string(), vec![]);
        vec![
            Answer::Text {
                text: "Line one\nline two \u{201c}quoted\u{201d}".into(),
            },
            Answer::List {
                items: vec!["x".into(), String::new()],
            },
            Answer::Ratings {
                values: [
                    ("mood".to_string(), 3),
                    (String::new(), -2),
                    ("high".to_string(), i32::MAX),
                    ("low".to_string(), i32::MIN),
                ]
                .into(),
            },
            Answer::Questionnaire {
                responses: [
                    ("spent".to_string(), "often".to_string()),
                    ("hid".to_string(), "never".to_string()),
                ]
                .into(),
            },
            Answer::Checklist {
                ticked: vec!["a".into()],
                other_ticked: true,
                other: "b".into(),
            },
            Answer::Choice {
                chosen: None,
                other: String::new(),
            },
            Answer::Choice {
                chosen: Some(String::new()),
                other: "o".into(),
            },
            Answer::Table {
                rows: vec![row, BTreeMap::new()],
            },
            Answer::Diary {
                entries: vec![DiaryEntry {
                    date: "2026-11-29".into(),
                    text: "t".into(),
                }],
            },
            Answer::Diary { entries: vec![] },
            Answer::Plan { sections },
        ]
    }

    fn entries() -> Vec<Entry> {
        answers()
            .into_iter()
            .enumerate()
            .map(|(n, answer)| Entry {
                format: 1,
                kind: format!("kind-{n}"),
                done: n % 2 == 0,
                updated: u64::MAX - n as u64,
                answer,
            })
            .collect()
    }

    #[test]
    fn writes_exactly_what_serde_json_wrote() {
        for entry in entries() {
            assert_eq!(
                to_string(&entry).unwrap(),
                serde_json::to_string(&entry).unwrap()
            );
            assert_eq!(
                to_string(&entry.answer).unwrap(),
                serde_json::to_string(&entry.answer).unwrap()
            );
        }
        for meta in [
            Meta::default(),
            Meta {
                last_week: Some(3),
                last_exercise: Some("w1-e2".into()),
                last_backup: Some(1_764_000_000_000),
            },
        ] {
            assert_eq!(
                to_string(&meta).unwrap(),
                serde_json::to_string(&meta).unwrap()
            );
        }
        let mut kept_aside = BTreeMap::new();
        kept_aside.insert(
            "workbook/v1/c/aside/e/0".to_string(),
            "{not json".to_string(),
        );
        for kept_aside in [BTreeMap::new(), kept_aside] {
            let backup = Backup {
                format: "take-home-workbook-backup".into(),
                version: 1,
                curriculum: "c".into(),
                curriculum_version: "1.0".into(),
                exported: 42,
                answers: entries().into_iter().map(|e| (e.kind.clone(), e)).collect(),
                kept_aside,
            };
            assert_eq!(
                to_string(&backup).unwrap(),
                serde_json::to_string(&backup).unwrap()
            );
            assert_eq!(
                to_string_pretty(&backup).unwrap(),
                serde_json::to_string_pretty(&backup).unwrap()
            );
            let text = serde_json::to_string_pretty(&backup).unwrap();
            assert_eq!(from_str::<Backup>(&text).unwrap(), backup);
        }
    }

    #[test]
    fn reads_what_serde_json_wrote() {
        for entry in entries() {
            let text = serde_json::to_string(&entry).unwrap();
            assert_eq!(from_str::<Entry>(&text).unwrap(), entry);
            let pretty = serde_json::to_string_pretty(&entry).unwrap();
            assert_eq!(from_str::<Entry>(&pretty).unwrap(), entry);
        }
    }

    /// Every text, valid or not, is read (or refused) as serde_json reads it.
    #[test]
    fn agrees_with_serde_json_on_odd_input() {
        let entry = |answer: &str| {
            format!(r#"{{"format":1,"kind":"k","done":false,"updated":5,"answer":{answer}}}"#)
        };
        let mut texts: Vec<String> = vec![
            String::new(),
            "null".into(),
            "{}".into(),
            "[]".into(),
            r#"{"text":{"text":"a"}}"#.into(),
            r#""text""#.into(),
        ];
        for answer in [
            r#"{"text":{"text":"a"}}"#,
            r#"{"text":{"text":"a","extra":[1,2.5e3,{"x":null}]}}"#,
            r#"{"text":{"text":"a","text":"b"}}"#,
            r#"{"text":{"text":"a"},"list":{"items":[]}}"#,
            r#"{"text":{}}"#,
            r#"{"text":{"text":null}}"#,
            r#"{"essay":{"text":"a"}}"#,
            r#"{"ratings":{"values":[1,null,-3]}}"#,
            r#"{"ratings":{"values":[1.0]}}"#,
            r#"{"ratings":{"values":[2147483648]}}"#,
            r#"{"ratings":{"values":[-2147483648]}}"#,
            r#"{"ratings":{"values":[01]}}"#,
            r#"{"ratings":{"values":[-0]}}"#,
            r#"{"ratings":{"values":[0,-1,1e0]}}"#,
            r#"{"ratings":{"values":[-]}}"#,
            r#"{"choice":{"other":""}}"#,
            r#"{"choice":{"chosen":null,"other":""}}"#,
            r#"{"choice":{"chosen":"x","other":""}}"#,
            r#"{"checklist":{"ticked":["a"],"other_ticked":1,"other":""}}"#,
            r#"{"table":{"rows":[{"a":"1","a":"2"}]}}"#,
            r#"{"plan":{"sections":{"s":["a"]}}}"#,
            r#"{"diary":{"entries":[{"date":"d","text":"t","mood":3}]}}"#,
            r#"{"text":{"text":"\ud83d\ude00 \u00e9 \/ \b\f\n\r\t"}}"#,
            r#"{"text":{"text":"\ud83d"}}"#,
            r#"{"text":{"text":"\ude00"}}"#,
            r#"{"text":{"text":"\u12"}}"#,
            r#"{"text":{"text":"\x"}}"#,
            "{\"text\":{\"text\":\"raw\ttab\"}}",
            r#"{"text":{"text":"a"}} "#,
            r#"{"text":{"text":"a"}} x"#,
            r#"{"text":{"text":"a"},}"#,
            r#"{"text" : { "text" : "a" } }"#,
        ] {
            texts.push(entry(answer));
        }
        texts.push(
            r#"{"format":1,"kind":"k","done":false,"updated":-0,"answer":{"text":{"text":""}}}"#
                .into(),
        );
        texts.push(r#"{"format":1,"kind":"k","done":false,"updated":18446744073709551616,"answer":{"text":{"text":""}}}"#.into());
        texts.push(r#"{"format":4294967296,"kind":"k","done":false,"updated":1,"answer":{"text":{"text":""}}}"#.into());
        texts.push(r#"{"kind":"k","done":false,"updated":1,"answer":{"text":{"text":""}}}"#.into());
        texts.push(format!("{}{}", "[".repeat(200), "]".repeat(200)));
        for text in &texts {
            let ours = from_str::<Entry>(text).ok();
            let theirs = serde_json::from_str::<Entry>(text).ok();
            assert_eq!(ours, theirs, "{text}");
        }
        for text in [
            "{}",
            r#"{"last_week":null}"#,
            r#"{"last_week":3,"last_exercise":"e","last_backup":7,"x":1}"#,
            r#"{"last_week":-1}"#,
            r#"{"last_week":"3"}"#,
        ] {
            assert_eq!(
                from_str::<Meta>(text).ok(),
                serde_json::from_str::<Meta>(text).ok(),
                "{text}"
            );
        }
        let backup = |kept: &str| {
            format!(
                r#"{{"format":"f","version":1,"curriculum":"c","curriculum_version":"1","exported":1,"answers":{{}}{kept}}}"#
            )
        };
        for text in [
            backup(""),
            backup(r#","kept_aside":{"k":"v"}"#),
            backup(r#","kept_aside":null"#),
        ] {
            assert_eq!(
                from_str::<Backup>(&text).ok(),
                serde_json::from_str::<Backup>(&text).ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn lock_records_and_locked_backups_are_as_serde_json_had_them() {
        let record = LockRecord {
            format: 1,
            kdf: "PBKDF2-SHA256".into(),
            iterations: 600_000,
            salt: "c2FsdHNhbHRzYWx0c2FsdA==".into(),
            check: "bm9uY2U+/2NpcGhlcnRleHQ=".into(),
            idle_minutes: 15,
        };
        let text = to_string(&record).unwrap();
        assert_eq!(text, serde_json::to_string(&record).unwrap());
        assert_eq!(from_str::<LockRecord>(&text).unwrap(), record);
        let locked = LockedBackup {
            format: "take-home-workbook-backup-locked".into(),
            version: 1,
            kdf: "PBKDF2-SHA256".into(),
            iterations: 600_000,
            salt: "c2FsdA==".into(),
            data: "ZGF0YQ==".into(),
        };
        let text = to_string_pretty(&locked).unwrap();
        assert_eq!(text, serde_json::to_string_pretty(&locked).unwrap());
        assert_eq!(from_str::<LockedBackup>(&text).unwrap(), locked);
        for text in [
            String::new(),
            "{}".into(),
            r#"{"format":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"s","check":"c"}"#.into(),
            r#"{"format":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"s","check":"c","idle_minutes":5,"later":[1.5]}"#.into(),
            r#"{"format":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"s","check":"c","idle_minutes":-5}"#.into(),
            r#"{"format":1,"kdf":"PBKDF2-SHA256","iterations":6e5,"salt":"s","check":"c","idle_minutes":5}"#.into(),
            r#"{"format":1,"format":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"s","check":"c","idle_minutes":5}"#.into(),
        ] {
            assert_eq!(
                from_str::<LockRecord>(&text).ok(),
                serde_json::from_str::<LockRecord>(&text).ok(),
                "{text}"
            );
        }
        for text in [
            r#"{"format":"take-home-workbook-backup-locked","version":1}"#,
            r#"{"format":"take-home-workbook-backup-locked","version":1,"kdf":"k","iterations":1,"salt":"s","data":"d"}"#,
            r#"{"format":"take-home-workbook-backup-locked","version":1,"kdf":"k","iterations":1,"salt":"s","data":null}"#,
            r#"{"format":"take-home-workbook-backup","version":1,"curriculum":"c"}"#,
            r#"{"version":1}"#,
            r#"{"format":"f","version":"1"}"#,
            "not json",
        ] {
            assert_eq!(
                from_str::<LockedBackup>(text).ok(),
                serde_json::from_str::<LockedBackup>(text).ok(),
                "{text}"
            );
            assert_eq!(
                from_str::<Header>(text).ok().map(|h| (h.format, h.version)),
                serde_json::from_str::<serde_json::Value>(text)
                    .ok()
                    .and_then(|v| Some((
                        v.get("format")?.as_str()?.to_string(),
                        u32::try_from(v.get("version")?.as_u64()?).ok()?
                    ))),
                "{text}"
            );
        }
    }

    mod arbitrary {
        use proptest::prelude::*;

        use super::super::*;

        /// Any text, weighted towards what breaks JSON: quotes, backslashes, control
        /// characters, and characters outside the basic plane.
        fn text() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![
                    any::<char>(),
                    Just('"'),
                    Just('\\'),
                    Just('\n'),
                    Just('\u{0}'),
                    Just('\u{1f}'),
                    Just('\u{7f}'),
                    Just('\u{2028}'),
                    Just('\u{1f600}'),
                ],
                0..24,
            )
            .prop_map(|chars| chars.into_iter().collect())
        }

        fn answer() -> impl Strategy<Value = Answer> {
            prop_oneof![
                text().prop_map(|text| Answer::Text { text }),
                proptest::collection::vec(text(), 0..4).prop_map(|items| Answer::List { items }),
                proptest::collection::btree_map(text(), any::<i32>(), 0..5)
                    .prop_map(|values| Answer::Ratings { values }),
                proptest::collection::btree_map(text(), text(), 0..5)
                    .prop_map(|responses| Answer::Questionnaire { responses }),
                (
                    proptest::collection::vec(text(), 0..3),
                    any::<bool>(),
                    text()
                )
                    .prop_map(|(ticked, other_ticked, other)| Answer::Checklist {
                        ticked,
                        other_ticked,
                        other
                    }),
                (proptest::option::of(text()), text())
                    .prop_map(|(chosen, other)| Answer::Choice { chosen, other }),
                proptest::collection::vec(
                    proptest::collection::btree_map(text(), text(), 0..3),
                    0..3
                )
                .prop_map(|rows| Answer::Table { rows }),
                proptest::collection::vec((text(), text()), 0..3).prop_map(|entries| {
                    Answer::Diary {
                        entries: entries
                            .into_iter()
                            .map(|(date, text)| DiaryEntry { date, text })
                            .collect(),
                    }
                }),
                proptest::collection::btree_map(
                    text(),
                    proptest::collection::vec(text(), 0..3),
                    0..3
                )
                .prop_map(|sections| Answer::Plan { sections }),
            ]
        }

        fn entry() -> impl Strategy<Value = Entry> {
            (text(), any::<bool>(), any::<u64>(), answer()).prop_map(
                |(kind, done, updated, answer)| Entry {
                    format: 1,
                    kind,
                    done,
                    updated,
                    answer,
                },
            )
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            /// Whatever a participant writes is stored exactly as serde_json stored it, and
            /// reads back as it was written.
            #[test]
            fn any_answer_is_written_as_serde_json_wrote_it_and_reads_back(entry in entry()) {
                let ours = to_string(&entry).expect("writes");
                prop_assert_eq!(&ours, &serde_json::to_string(&entry).expect("serde writes"));
                prop_assert_eq!(
                    to_string_pretty(&entry).expect("writes"),
                    serde_json::to_string_pretty(&entry).expect("serde writes")
                );
                prop_assert_eq!(from_str::<Entry>(&ours).expect("reads"), entry);
            }

            /// A stored answer damaged anywhere (a character changed, dropped or added) is read
            /// the same way as serde_json reads it, or refused by both: never half-read.
            #[test]
            fn a_damaged_answer_is_read_as_serde_json_reads_it(
                entry in entry(),
                at in any::<prop::sample::Index>(),
                damage in 0..3u8,
                with in prop_oneof![Just('"'), Just('}'), Just(','), Just('1'), Just(' '), any::<char>()],
            ) {
                let mut chars: Vec<char> = to_string(&entry).expect("writes").chars().collect();
                let i = at.index(chars.len());
                match damage {
                    0 => chars[i] = with,
                    1 => { chars.remove(i); }
                    _ => chars.insert(i, with),
                }
                let raw: String = chars.into_iter().collect();
                let ours = from_str::<Entry>(&raw).ok();
                let theirs = serde_json::from_str::<Entry>(&raw).ok();
                prop_assert_eq!(ours, theirs, "{}", raw);
            }

            /// Any text at all is either read the same way as serde_json reads it, or refused
            /// by both.
            #[test]
            fn any_text_is_read_as_serde_json_reads_it(raw in text()) {
                let ours = from_str::<Entry>(&raw).ok();
                let theirs = serde_json::from_str::<Entry>(&raw).ok();
                prop_assert_eq!(ours, theirs);
            }
        }
    }
}
