//! `--format csv` and `--format csv-mentions`: quotes or mentions as rows for a spreadsheet.
//!
//! Written by the `csv` crate (fields with commas, quotation marks or line breaks are quoted,
//! quotation marks doubled), with CRLF record ends as RFC 4180 says, and a UTF-8 byte-order mark
//! first: without it Excel reads the file in the system's code page and "García" comes out as
//! "GarcÃ­a". LibreOffice and Python's `csv` (with `encoding="utf-8-sig"`) read it as written.

use super::annotate::Loaded;
use newsnlp::Annotations;
use newsnlp::json::{Document, Offsets};

/// Which rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    Quotes,
    Mentions,
}

const QUOTE_COLUMNS: &[&str] = &[
    "id",
    "quote",
    "speaker",
    "speaker_mention",
    "cue",
    "rule",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "path",
];

const MENTION_COLUMNS: &[&str] = &["id", "text", "label", "name", "entity", "rule", "start", "end", "path"];

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new())
}

/// The byte-order mark and the row of column names.
pub fn header(rows: Rows) -> Vec<u8> {
    let mut out = writer();
    let columns = match rows {
        Rows::Quotes => QUOTE_COLUMNS,
        Rows::Mentions => MENTION_COLUMNS,
    };
    // Writing into a Vec cannot fail.
    let _ = out.write_record(columns);
    let mut bytes = newsnlp::text::UTF8_BOM.to_vec();
    bytes.extend(out.into_inner().unwrap_or_default());
    bytes
}

/// A number, or an empty field.
fn number(value: Option<usize>) -> String {
    value.map_or_else(String::new, |n| n.to_string())
}

/// The rows of one document, offsets counted in `offsets`.
pub fn rows(out: &mut Vec<u8>, rows: Rows, loaded: &Loaded, annotations: &Annotations, offsets: Offsets) {
    let text = loaded.text.as_str();
    let bytes = Document::new(&loaded.id, text, annotations);
    let units = bytes.clone().with_offsets(text, offsets);
    let path = loaded.path.as_deref().unwrap_or("");
    let mut writer = writer();
    match rows {
        Rows::Quotes => {
            for (quote, counted) in bytes.quotes.iter().zip(&units.quotes) {
                let mention = match (quote.speaker_start, quote.speaker_end) {
                    (Some(start), Some(end)) => text.get(start..end).unwrap_or(""),
                    _ => "",
                };
                let _ = writer.write_record([
                    loaded.id.as_str(),
                    &quote.text,
                    quote.speaker.as_deref().unwrap_or(""),
                    mention,
                    quote.cue.as_deref().unwrap_or(""),
                    &quote.rule,
                    &counted.start.to_string(),
                    &counted.end.to_string(),
                    &number(counted.speaker_start),
                    &number(counted.speaker_end),
                    &number(counted.cue_start),
                    &number(counted.cue_end),
                    path,
                ]);
            }
        }
        Rows::Mentions => {
            for (mention, counted) in bytes.entities.iter().zip(&units.entities) {
                let _ = writer.write_record([
                    loaded.id.as_str(),
                    &mention.text,
                    &mention.label,
                    &mention.name,
                    &mention.entity.to_string(),
                    &mention.rule,
                    &counted.start.to_string(),
                    &counted.end.to_string(),
                    path,
                ]);
            }
        }
    }
    out.extend(writer.into_inner().unwrap_or_default());
}
