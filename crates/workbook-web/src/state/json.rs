//! JSON, read and written by hand: a small parser and writer, and the [`FromJson`] and
//! [`ToJson`] traits with the [`record!`] and [`tagged!`] macros that the stored records (answers,
//! the meta record, the lock record, backup files) use to declare their JSON beside their types.
//! This module knows none of them.
//!
//! `serde_json` and the code serde derives for these few records cost the download more than
//! everything here. The format is exactly what `serde_json` wrote (`stored_json.rs` compares the
//! two): answers already in participants' browsers and their backup files read back unchanged.
//! Numbers are integers only (every number in these records is one); a fraction or exponent is
//! accepted where it is ignored (an unknown field) and refused where a value is needed.

use std::collections::BTreeMap;

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

    /// The value of a field that is missing from its object: `None` (refused) unless the type
    /// has one, as serde reads an `Option` as `None`.
    fn from_missing() -> Option<Self> {
        None
    }
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
pub struct Fields(Vec<(String, Value)>);

impl Fields {
    /// The fields of an object; `None` for any other value.
    pub fn of(value: Value) -> Option<Fields> {
        match value {
            Value::Obj(fields) => Some(Fields(fields)),
            _ => None,
        }
    }

    /// The field, if present (`Some(None)` when missing), or `None` if it is there twice.
    pub fn take(&mut self, name: &str) -> Option<Option<Value>> {
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

    /// A field's value; a missing field as [`FromJson::from_missing`] has it (`None` for an
    /// `Option`, refused for anything else).
    pub fn get<T: FromJson>(&mut self, name: &str) -> Option<T> {
        match self.take(name)? {
            Some(value) => T::from_json(value),
            None => T::from_missing(),
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

    fn from_missing() -> Option<Self> {
        Some(None)
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

/// An object with these fields, in this order.
pub fn obj(fields: Vec<(&str, Value)>) -> Value {
    Value::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// `{"tag":body}`: an externally tagged enum's variant, as serde writes one.
pub fn variant(tag: &str, body: Value) -> Value {
    obj(vec![(tag, body)])
}

/// The tag and the fields of an externally tagged enum's variant (`{"tag":{…}}`).
pub fn untag(value: Value) -> Option<(String, Fields)> {
    let Value::Obj(mut tagged) = value else {
        return None;
    };
    if tagged.len() != 1 {
        return None;
    }
    let (tag, body) = tagged.pop()?;
    Some((tag, Fields::of(body)?))
}

/// Declares a struct's JSON, reading and writing, beside the struct: its fields in the order
/// given (the order serde_json wrote them in, the struct's own), each required unless its type
/// has a value for a missing field (an `Option`'s `None`).
///
/// For example, `json::record!(DiaryEntry { date, text });` (the macro is private to the
/// crate, so this cannot be a doctest).
macro_rules! record {
    ($name:ident { $($field:ident),+ $(,)? }) => {
        impl $crate::state::json::FromJson for $name {
            fn from_json(value: $crate::state::json::Value) -> Option<Self> {
                let mut f = $crate::state::json::Fields::of(value)?;
                Some($name {
                    $($field: f.get(stringify!($field))?,)+
                })
            }
        }

        impl $crate::state::json::ToJson for $name {
            fn to_json(&self) -> $crate::state::json::Value {
                $crate::state::json::obj(vec![$((stringify!($field), self.$field.to_json()),)+])
            }
        }
    };
}
pub(crate) use record;

/// Declares an enum's JSON beside the enum, externally tagged as serde's default
/// (`{"text":{"text":"…"}}`): each variant's tag and its fields, in order. Also gives the enum
/// `tag()`, the variant's tag.
macro_rules! tagged {
    ($name:ident { $($variant:ident = $tag:literal { $($field:ident),* },)+ }) => {
        impl $name {
            /// The variant's tag in JSON.
            pub fn tag(&self) -> &'static str {
                match self {
                    $($name::$variant { .. } => $tag,)+
                }
            }
        }

        impl $crate::state::json::FromJson for $name {
            fn from_json(value: $crate::state::json::Value) -> Option<Self> {
                let (tag, mut f) = $crate::state::json::untag(value)?;
                Some(match tag.as_str() {
                    $($tag => $name::$variant {
                        $($field: f.get(stringify!($field))?,)*
                    },)+
                    _ => return None,
                })
            }
        }

        impl $crate::state::json::ToJson for $name {
            fn to_json(&self) -> $crate::state::json::Value {
                match self {
                    $($name::$variant { $($field),* } => $crate::state::json::variant(
                        $tag,
                        $crate::state::json::obj(vec![$((stringify!($field), $field.to_json()),)*]),
                    ),)+
                }
            }
        }
    };
}
pub(crate) use tagged;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_and_write_back() {
        let text = r#"{"a":[1,-2,true,null,"\u00e9\n"],"b":{},"c":[]}"#;
        let value = from_str::<Value>(text).expect("reads");
        assert_eq!(
            to_string(&value).unwrap(),
            r#"{"a":[1,-2,true,null,"é\n"],"b":{},"c":[]}"#
        );
        assert_eq!(
            to_string_pretty(&value).unwrap(),
            "{\n  \"a\": [\n    1,\n    -2,\n    true,\n    null,\n    \"é\\n\"\n  ],\n  \"b\": {},\n  \"c\": []\n}"
        );
        // As deep as serde_json reads, and no deeper.
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(from_str::<Value>(&nested(128)).is_ok());
        assert!(from_str::<Value>(&nested(129)).is_err());
    }

    #[test]
    fn fields_are_taken_by_name_once() {
        let mut fields = Fields::of(from_str::<Value>(r#"{"a":1,"b":2,"b":3}"#).unwrap()).unwrap();
        assert_eq!(fields.get::<u32>("a"), Some(1));
        assert_eq!(fields.get::<u32>("missing"), None);
        assert_eq!(fields.get::<Option<u32>>("missing"), Some(None));
        assert_eq!(fields.get::<u32>("b"), None);
    }
}
