//! The JSON wire format of SPEC.md: one object per document.
//!
//! ```json
//! {"id": "seed-ferrer",
//!  "entities": [{"start": 45, "end": 72, "label": "PERSON", "text": "José Daniel Ferrer García",
//!                "entity": 0, "name": "José Daniel Ferrer García"}],
//!  "quotes": [{"start": 699, "end": 831, "text": "has done everything possible …",
//!              "speaker": "Ana Belkis Ferrer García", "speaker_start": 639, "speaker_end": 664,
//!              "speaker_entity": 3, "cue": "denounced", "cue_start": 666, "cue_end": 675,
//!              "rule": "before-speaker-cue"}]}
//! ```
//!
//! The wire types are kept apart from the domain types ([`Annotations`]) so that the format is
//! written down in one place and changes to the annotator cannot change it by accident. Field
//! names are the contract: fields may be added, never renamed. A test locks the format.

use crate::annotations::Annotations;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::io;
use std::str::FromStr;

/// One annotated document on the wire.
///
/// The types borrow from the text and the annotations when written, and from the JSON when read
/// back (a string with escapes is copied): a Rust program reads our output with
/// `serde_json::from_str::<json::Document>(line)`.
///
/// ```
/// let text = "“Free them,” said José Daniel Ferrer.";
/// let line = newsnlp::json::to_string("doc", text, &newsnlp::Annotator::new().annotate(text));
/// let document: newsnlp::json::Document = serde_json::from_str(&line).unwrap();
/// assert_eq!(document.quotes[0].speaker.as_deref(), Some("José Daniel Ferrer García"));
/// assert_eq!(document.entities[0].text, "José Daniel Ferrer");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document<'a> {
    /// The document's id: the file name without `.txt`, or `-` for standard input.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// The path the document was read from, as given (the command line writes it; absent when
    /// the document came from no file). Two files `a/x.txt` and `b/x.txt` have the same id.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub path: Option<Cow<'a, str>>,
    /// The entity mentions, in text order.
    #[serde(borrow)]
    pub entities: Vec<EntityMention<'a>>,
    /// The quotations, in text order.
    #[serde(borrow)]
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// One entity mention on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention<'a> {
    /// Offset of the mention's start.
    pub start: usize,
    /// Offset one past the mention's end.
    pub end: usize,
    /// `PERSON`, `ORG`, `PLACE` or `PRISON`.
    #[serde(borrow)]
    pub label: Cow<'a, str>,
    /// The mention's text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The entity number within the document.
    pub entity: usize,
    /// The entity's full name, the same for all its mentions.
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    /// The gazetteer or the name rule that found the mention.
    #[serde(borrow)]
    pub rule: Cow<'a, str>,
}

/// One quotation on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord<'a> {
    /// Offset of the first quoted byte (after the opening mark).
    pub start: usize,
    /// Offset one past the last quoted byte (before the closing mark).
    pub end: usize,
    /// The quoted words.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The speaker's full name, or the mention text when it resolves to no entity; `null` if unknown.
    #[serde(borrow)]
    pub speaker: Option<Cow<'a, str>>,
    /// Start of the mention naming the speaker at the quote ("he", "the activist", "Ortega").
    pub speaker_start: Option<usize>,
    /// End of that mention.
    pub speaker_end: Option<usize>,
    /// The entity number of the speaker, if the mention resolves to one.
    pub speaker_entity: Option<usize>,
    /// The reporting verb or phrase, `null` when there is none (a colon, a continued quote).
    #[serde(borrow)]
    pub cue: Option<Cow<'a, str>>,
    /// Start of the cue.
    pub cue_start: Option<usize>,
    /// End of the cue.
    pub cue_end: Option<usize>,
    /// The attribution rule that found the speaker, or `long-quote` when none did.
    #[serde(borrow)]
    pub rule: Cow<'a, str>,
}

/// What the offsets of the JSON count. The library works in UTF-8 bytes; other languages index
/// strings otherwise, so the command line can give their units instead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Offsets {
    /// UTF-8 bytes (Rust, Go, C; the default).
    #[default]
    Bytes,
    /// Unicode code points (Python's `str` indices, Ruby, Julia's `chars`).
    Chars,
    /// UTF-16 code units (JavaScript, Java, C#).
    Utf16,
}

impl Offsets {
    /// The unit's name on the command line: `bytes`, `chars` or `utf16`.
    pub fn name(self) -> &'static str {
        match self {
            Offsets::Bytes => "bytes",
            Offsets::Chars => "chars",
            Offsets::Utf16 => "utf16",
        }
    }

    /// How many units the UTF-8 bytes `bytes` make. Counting bytes that start a character, and
    /// twice those that start a four-byte one (a surrogate pair in UTF-16), needs no decoding.
    fn count(self, bytes: &[u8]) -> usize {
        match self {
            Offsets::Bytes => bytes.len(),
            Offsets::Chars => bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count(),
            Offsets::Utf16 => bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum(),
        }
    }
}

/// A name that is no unit of [`Offsets`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownOffsets(String);

impl fmt::Display for UnknownOffsets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown offsets {:?} (expected bytes, chars or utf16)", self.0)
    }
}

impl std::error::Error for UnknownOffsets {}

impl FromStr for Offsets {
    type Err = UnknownOffsets;

    fn from_str(name: &str) -> Result<Offsets, UnknownOffsets> {
        match name {
            "bytes" => Ok(Offsets::Bytes),
            "chars" => Ok(Offsets::Chars),
            "utf16" => Ok(Offsets::Utf16),
            _ => Err(UnknownOffsets(name.to_string())),
        }
    }
}

impl<'a> Document<'a> {
    /// The wire form of `annotations` of `text`, a document called `id`, with byte offsets.
    pub fn new(id: &'a str, text: &'a str, annotations: &'a Annotations) -> Document<'a> {
        let entities = annotations
            .mentions()
            .iter()
            .map(|m| EntityMention {
                start: m.span().start,
                end: m.span().end,
                label: Cow::Borrowed(m.label().as_str()),
                text: Cow::Borrowed(&text[m.span()]),
                entity: m.entity(),
                name: Cow::Borrowed(annotations.name_of(m)),
                rule: Cow::Borrowed(m.rule().name()),
            })
            .collect();
        let quotes = annotations
            .quotes()
            .iter()
            .map(|q| {
                let speaker = q.speaker();
                let cue = q.cue();
                QuoteRecord {
                    start: q.span().start,
                    end: q.span().end,
                    text: Cow::Borrowed(&text[q.span()]),
                    speaker: annotations.speaker_name(text, q).map(Cow::Borrowed),
                    speaker_start: speaker.map(|s| s.mention().start),
                    speaker_end: speaker.map(|s| s.mention().end),
                    speaker_entity: speaker.and_then(|s| s.entity()),
                    cue: cue.map(|c| Cow::Borrowed(&text[c])),
                    cue_start: cue.map(|c| c.start),
                    cue_end: cue.map(|c| c.end),
                    rule: Cow::Borrowed(q.rule().name()),
                }
            })
            .collect();
        Document { id: Cow::Borrowed(id), path: None, entities, quotes }
    }

    /// The same document with a `path` field.
    pub fn with_path(mut self, path: impl Into<Cow<'a, str>>) -> Document<'a> {
        self.path = Some(path.into());
        self
    }

    /// The same document with its byte offsets into `text` (the text it was made from) counted
    /// in `unit` instead.
    ///
    /// ```
    /// use newsnlp::json::{Document, Offsets};
    /// let text = "Él dijo: “Havana 🇨🇺 is ours,” said José Martí.";
    /// let annotations = newsnlp::Annotator::new().annotate(text);
    /// let bytes = Document::new("doc", text, &annotations);
    /// let chars = bytes.clone().with_offsets(text, Offsets::Chars);
    /// let (b, c) = (&bytes.quotes[0], &chars.quotes[0]);
    /// assert_eq!(&text[b.start..b.end], "Havana 🇨🇺 is ours,");
    /// assert_eq!((b.start, b.end), (13, 37));
    /// let quote: String = text.chars().skip(c.start).take(c.end - c.start).collect();
    /// assert_eq!(quote, "Havana 🇨🇺 is ours,");
    /// let utf16 = bytes.with_offsets(text, Offsets::Utf16);
    /// // Each flag letter is a surrogate pair: two units more than in code points.
    /// assert_eq!(utf16.quotes[0].end - utf16.quotes[0].start, c.end - c.start + 2);
    /// ```
    pub fn with_offsets(mut self, text: &str, unit: Offsets) -> Document<'a> {
        if unit == Offsets::Bytes {
            return self;
        }
        // Every offset of the document, sorted, so that the text is read once.
        let mut offsets: Vec<usize> = Vec::with_capacity(2 * self.entities.len() + 6 * self.quotes.len());
        for e in &self.entities {
            offsets.extend([e.start, e.end]);
        }
        for q in &self.quotes {
            offsets.extend([q.start, q.end]);
            offsets.extend([q.speaker_start, q.speaker_end, q.cue_start, q.cue_end].into_iter().flatten());
        }
        offsets.sort_unstable();
        offsets.dedup();
        let mut units = Vec::with_capacity(offsets.len());
        let (mut byte, mut count) = (0, 0);
        for &offset in &offsets {
            let offset = offset.min(text.len());
            count += unit.count(&text.as_bytes()[byte..offset]);
            byte = offset;
            units.push(count);
        }
        let convert = |offset: &mut usize| {
            if let Ok(at) = offsets.binary_search(offset) {
                *offset = units[at];
            }
        };
        for e in &mut self.entities {
            convert(&mut e.start);
            convert(&mut e.end);
        }
        for q in &mut self.quotes {
            convert(&mut q.start);
            convert(&mut q.end);
            for offset in
                [&mut q.speaker_start, &mut q.speaker_end, &mut q.cue_start, &mut q.cue_end].into_iter().flatten()
            {
                convert(offset);
            }
        }
        self
    }

    /// The document as one JSON line, without the line break.
    pub fn to_line(&self) -> String {
        // Serialising plain structs of strings and numbers to a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Writes the document as a single JSON line (with its `\n`), or indented when `pretty`.
    pub fn write<W: io::Write>(&self, mut out: W, pretty: bool) -> io::Result<()> {
        if pretty {
            serde_json::to_writer_pretty(&mut out, self)?;
        } else {
            serde_json::to_writer(&mut out, self)?;
        }
        out.write_all(b"\n")
    }
}

/// Writes one document as a single JSON line (with its `\n`), or indented when `pretty`.
pub fn write<W: io::Write>(out: W, id: &str, text: &str, annotations: &Annotations, pretty: bool) -> io::Result<()> {
    Document::new(id, text, annotations).write(out, pretty)
}

/// The document as one JSON line, without the line break.
///
/// ```
/// let annotator = newsnlp::Annotator::new();
/// let text = "No names here.";
/// let line = newsnlp::json::to_string("doc", text, &annotator.annotate(text));
/// assert_eq!(line, r#"{"id":"doc","entities":[],"quotes":[]}"#);
/// ```
pub fn to_string(id: &str, text: &str, annotations: &Annotations) -> String {
    Document::new(id, text, annotations).to_line()
}
