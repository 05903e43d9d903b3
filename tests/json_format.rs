//! The JSON wire format of SPEC.md, locked: a mirror with `deny_unknown_fields` must read every
//! field the library writes, with the right types, and nothing else.

use newsnlp::{Annotator, json};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Document {
    id: String,
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Entity {
    start: usize,
    end: usize,
    label: String,
    text: String,
    entity: usize,
    name: String,
    rule: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Quote {
    start: usize,
    end: usize,
    text: String,
    speaker: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    speaker_entity: Option<usize>,
    cue: Option<String>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    rule: String,
}

const TEXT: &str = "“We demand justice,” said UNPACU in Havana. “Free them all.”";

fn line() -> String {
    let annotator = Annotator::builder()
        .gazetteer_text("ORG\tPatriotic Union of Cuba\tUNPACU\nPLACE\tHavana\n")
        .build()
        .expect("test gazetteer builds");
    json::to_string("doc-1", TEXT, &annotator.annotate(TEXT))
}

#[test]
fn every_field_is_in_the_mirror_and_the_mirror_in_every_object() {
    let line = line();
    let document: Document = serde_json::from_str(&line).expect("the wire format matches the mirror");
    assert_eq!(document.id, "doc-1");
    assert_eq!(document.entities.len(), 2);
    let org = &document.entities[0];
    assert_eq!((org.start, org.end, org.label.as_str(), org.text.as_str()), (30, 36, "ORG", "UNPACU"));
    assert_eq!(org.name, "Patriotic Union of Cuba");
    assert_eq!(org.rule, "user-gazetteer");
    assert_eq!(document.entities[1].label, "PLACE");
    assert_ne!(document.entities[0].entity, document.entities[1].entity);
    assert!(!document.quotes.is_empty());
    for quote in &document.quotes {
        assert_eq!(&TEXT[quote.start..quote.end], quote.text);
    }
    // Null fields are written as null, not left out: the mirror above would accept a missing
    // Option, so check the raw object too.
    let raw: serde_json::Value = serde_json::from_str(&line).unwrap();
    let keys: Vec<&str> = raw["quotes"][0].as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = [
        "start",
        "end",
        "text",
        "speaker",
        "speaker_start",
        "speaker_end",
        "speaker_entity",
        "cue",
        "cue_start",
        "cue_end",
        "rule",
    ];
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    want.sort_unstable();
    assert_eq!(keys_sorted, want);
}

#[test]
fn fields_are_written_in_the_documented_order() {
    let line = line();
    let order = [
        "\"id\"",
        "\"entities\"",
        "\"start\"",
        "\"end\"",
        "\"label\"",
        "\"text\"",
        "\"entity\"",
        "\"name\"",
        "\"rule\"",
    ];
    let mut at = 0;
    for key in order {
        let found = line[at..].find(key).unwrap_or_else(|| panic!("{key} after byte {at} in {line}"));
        at += found;
    }
    assert!(line.find("\"quotes\"").unwrap() > line.find("\"entities\"").unwrap());
}

#[test]
fn pretty_output_is_the_same_json() {
    let annotator = Annotator::new();
    let annotations = annotator.annotate(TEXT);
    let mut pretty = Vec::new();
    json::write(&mut pretty, "doc-1", TEXT, &annotations, true).unwrap();
    let compact = json::to_string("doc-1", TEXT, &annotations);
    let a: serde_json::Value = serde_json::from_slice(&pretty).unwrap();
    let b: serde_json::Value = serde_json::from_str(&compact).unwrap();
    assert_eq!(a, b);
    assert!(pretty.ends_with(b"}\n"));
}
