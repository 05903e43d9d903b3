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
use serde::Serialize;
use std::io;

/// One annotated document on the wire.
#[derive(Clone, Debug, Serialize)]
pub struct Document<'a> {
    /// The document's id: the file name without `.txt`, or `-` for standard input.
    pub id: &'a str,
    /// The entity mentions, in text order.
    pub entities: Vec<EntityMention<'a>>,
    /// The quotations, in text order.
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// One entity mention on the wire.
#[derive(Clone, Debug, Serialize)]
pub struct EntityMention<'a> {
    /// Byte offset of the mention's start.
    pub start: usize,
    /// Byte offset one past the mention's end.
    pub end: usize,
    /// `PERSON`, `ORG`, `PLACE` or `PRISON`.
    pub label: &'static str,
    /// The mention's text.
    pub text: &'a str,
    /// The entity number within the document.
    pub entity: usize,
    /// The entity's full name, the same for all its mentions.
    pub name: &'a str,
    /// The gazetteer or the name rule that found the mention.
    pub rule: &'static str,
}

/// One quotation on the wire.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteRecord<'a> {
    /// Byte offset of the first quoted byte (after the opening mark).
    pub start: usize,
    /// Byte offset one past the last quoted byte (before the closing mark).
    pub end: usize,
    /// The quoted words.
    pub text: &'a str,
    /// The speaker's full name, or the mention text when it resolves to no entity; `null` if unknown.
    pub speaker: Option<&'a str>,
    /// Start of the mention naming the speaker at the quote ("he", "the activist", "Ortega").
    pub speaker_start: Option<usize>,
    /// End of that mention.
    pub speaker_end: Option<usize>,
    /// The entity number of the speaker, if the mention resolves to one.
    pub speaker_entity: Option<usize>,
    /// The reporting verb or phrase, `null` when there is none (a colon, a continued quote).
    pub cue: Option<&'a str>,
    /// Start of the cue.
    pub cue_start: Option<usize>,
    /// End of the cue.
    pub cue_end: Option<usize>,
    /// The attribution rule that found the speaker, or `long-quote` when none did.
    pub rule: &'static str,
}

impl<'a> Document<'a> {
    /// The wire form of `annotations` of `text`, a document called `id`.
    pub fn new(id: &'a str, text: &'a str, annotations: &'a Annotations) -> Document<'a> {
        let entities = annotations
            .mentions()
            .iter()
            .map(|m| EntityMention {
                start: m.span().start,
                end: m.span().end,
                label: m.label().as_str(),
                text: &text[m.span()],
                entity: m.entity(),
                name: annotations.name_of(m),
                rule: m.rule().name(),
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
                    text: &text[q.span()],
                    speaker: annotations.speaker_name(text, q),
                    speaker_start: speaker.map(|s| s.mention().start),
                    speaker_end: speaker.map(|s| s.mention().end),
                    speaker_entity: speaker.and_then(|s| s.entity()),
                    cue: cue.map(|c| &text[c]),
                    cue_start: cue.map(|c| c.start),
                    cue_end: cue.map(|c| c.end),
                    rule: q.rule().name(),
                }
            })
            .collect();
        Document { id, entities, quotes }
    }
}

/// Writes one document as a single JSON line (with its `\n`), or indented when `pretty`.
pub fn write<W: io::Write>(
    mut out: W,
    id: &str,
    text: &str,
    annotations: &Annotations,
    pretty: bool,
) -> io::Result<()> {
    let document = Document::new(id, text, annotations);
    if pretty {
        serde_json::to_writer_pretty(&mut out, &document)?;
    } else {
        serde_json::to_writer(&mut out, &document)?;
    }
    out.write_all(b"\n")
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
    let document = Document::new(id, text, annotations);
    // Serialising plain structs of strings and numbers to a String cannot fail.
    serde_json::to_string(&document).unwrap_or_default()
}
