//! `--input jsonl`: one `{"id": …, "text": …}` object a line, read as a stream.
//!
//! Each line is read whole (up to the document size limit) and parsed by the worker that
//! annotates it; the other fields of the object are kept as raw JSON and written back untouched.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;
use std::io::{self, BufRead};

/// Reads lines of at most `limit` bytes from a stream, numbering them from 1.
pub struct Lines<R> {
    reader: R,
    number: usize,
    limit: u64,
    done: bool,
}

/// One line: its bytes without the line break, or why it could not be read.
pub type Line = Result<Vec<u8>, String>;

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, limit: u64) -> Lines<R> {
        Lines { reader, number: 0, limit, done: false }
    }

    /// The next line and its number; `None` at the end of the stream (or after a read error,
    /// which is the last line returned).
    pub fn next_line(&mut self) -> Option<(usize, Line)> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        let mut too_long = false;
        loop {
            let buffer = match self.reader.fill_buf() {
                Ok(buffer) => buffer,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    self.number += 1;
                    return Some((self.number, Err(super::inputs::describe(&e))));
                }
            };
            if buffer.is_empty() {
                self.done = true;
                if line.is_empty() && !too_long {
                    return None;
                }
                break;
            }
            let (take, end) = match buffer.iter().position(|&b| b == b'\n') {
                Some(at) => (at + 1, true),
                None => (buffer.len(), false),
            };
            // Past the limit the line is dropped as it is read, so memory stays bounded.
            if !too_long {
                line.extend_from_slice(&buffer[..take]);
                if line.len() as u64 > self.limit + 2 {
                    too_long = true;
                    line = Vec::new();
                }
            }
            self.reader.consume(take);
            if end {
                break;
            }
        }
        self.number += 1;
        if too_long {
            let limit = super::inputs::size_text(self.limit);
            return Some((self.number, Err(format!("line longer than the limit of {limit} for one document"))));
        }
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        Some((self.number, Ok(line)))
    }
}

/// A parsed line: the id (any JSON value, kept raw), the text, and the other fields in order.
#[derive(Debug)]
pub struct Record {
    pub id: Option<Box<RawValue>>,
    pub text: String,
    pub extra: Vec<(String, Box<RawValue>)>,
}

impl Record {
    /// The id as text: a JSON string's value, any other value as written, empty when absent.
    pub fn display_id(&self) -> String {
        display_id(self.id.as_deref())
    }
}

/// The id as text: a JSON string's value, any other value as written, empty when absent.
pub fn display_id(id: Option<&RawValue>) -> String {
    match id {
        None => String::new(),
        Some(raw) => serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().to_string()),
    }
}

/// Why a line is no record, with what could be read of it (to pass through on its error line).
#[derive(Debug)]
pub struct Malformed {
    pub reason: String,
    pub id: Option<Box<RawValue>>,
    pub extra: Vec<(String, Box<RawValue>)>,
}

/// The fields of a JSON object in their order, each value as raw JSON.
struct Fields(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push((key, value));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// The fields that the output writes itself: an input field of the same name is not passed
/// through (`text` is not written back: the reader has it).
const OWN_FIELDS: &[&str] = &["id", "text", "entities", "quotes", "error"];

/// Parses one line.
pub fn parse(line: &[u8]) -> Result<Record, Malformed> {
    let malformed = |reason: String| Malformed { reason, id: None, extra: Vec::new() };
    if line.iter().all(u8::is_ascii_whitespace) {
        return Err(malformed("empty line (expected a JSON object with a \"text\")".to_string()));
    }
    let Fields(fields) = serde_json::from_slice(line).map_err(|e| malformed(format!("not a JSON object: {e}")))?;
    let mut id = None;
    let mut text = None;
    let mut extra = Vec::new();
    for (key, value) in fields {
        match key.as_str() {
            "id" if id.is_none() => id = Some(value),
            "text" if text.is_none() => text = Some(value),
            name if OWN_FIELDS.contains(&name) => {}
            _ => extra.push((key, value)),
        }
    }
    let text = match text.map(|raw| serde_json::from_str::<String>(raw.get())) {
        Some(Ok(text)) => text,
        Some(Err(_)) => return Err(Malformed { reason: "\"text\" is not a string".to_string(), id, extra }),
        None => return Err(Malformed { reason: "no \"text\" field".to_string(), id, extra }),
    };
    Ok(Record { id, text, extra })
}

/// Writes `{"id": …, other fields…, ` (the opening of an output line), without `id` when the
/// input had none.
pub fn write_head(out: &mut Vec<u8>, id: Option<&RawValue>, extra: &[(String, Box<RawValue>)]) {
    out.push(b'{');
    if let Some(id) = id {
        out.extend_from_slice(b"\"id\":");
        out.extend_from_slice(id.get().as_bytes());
        out.push(b',');
    }
    for (key, value) in extra {
        // Writing a string into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, key);
        out.push(b':');
        out.extend_from_slice(value.get().as_bytes());
        out.push(b',');
    }
}

/// The output line of a malformed input line: what could be read of it, and `"error"`.
pub fn error_line(malformed: &Malformed, number: usize) -> Vec<u8> {
    let mut out = Vec::new();
    write_head(&mut out, malformed.id.as_deref(), &malformed.extra);
    out.extend_from_slice(b"\"error\":");
    let _ = serde_json::to_writer(&mut out, &format!("line {number}: {}", malformed.reason));
    out.extend_from_slice(b"}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_and_overlong_lines_dropped() {
        let input = b"{\"text\":\"a\"}\r\n\n0123456789012345\nlast";
        let mut lines = Lines::new(&input[..], 12);
        assert_eq!(lines.next_line(), Some((1, Ok(b"{\"text\":\"a\"}".to_vec()))));
        assert_eq!(lines.next_line(), Some((2, Ok(Vec::new()))));
        let (number, line) = lines.next_line().unwrap();
        assert_eq!(
            (number, line.unwrap_err().as_str()),
            (3, "line longer than the limit of 12 bytes for one document")
        );
        assert_eq!(lines.next_line(), Some((4, Ok(b"last".to_vec()))));
        assert_eq!(lines.next_line(), None);
    }

    #[test]
    fn records_keep_other_fields_raw_and_in_order() {
        let record =
            parse(br#"{"url": "http://x/1", "id": 7, "text": "Hi \u00e9", "meta": {"a": [1, 2.50]}}"#).unwrap();
        assert_eq!(record.text, "Hi é");
        assert_eq!(record.display_id(), "7");
        let mut head = Vec::new();
        write_head(&mut head, record.id.as_deref(), &record.extra);
        assert_eq!(String::from_utf8(head).unwrap(), r#"{"id":7,"url":"http://x/1","meta":{"a": [1, 2.50]},"#);
        let malformed = parse(br#"{"id": "x", "body": "no text"}"#).unwrap_err();
        assert_eq!(
            String::from_utf8(error_line(&malformed, 3)).unwrap(),
            "{\"id\":\"x\",\"body\":\"no text\",\"error\":\"line 3: no \\\"text\\\" field\"}\n"
        );
        assert!(parse(b"[1, 2]").unwrap_err().reason.starts_with("not a JSON object"));
        assert!(parse(b"   ").unwrap_err().reason.starts_with("empty line"));
        assert_eq!(parse(br#"{"id":"a","text":5}"#).unwrap_err().reason, "\"text\" is not a string");
    }
}
