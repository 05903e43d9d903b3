//! What must hold of the annotations of any input, written once and used by the property tests,
//! the hostile-input tests and the fuzz target (`fuzz/fuzz_targets/annotate_bytes.rs` includes
//! this file with `#[path]`), so that all three check the same things.
//!
//! - every span (entity, quote, speaker mention, cue) is in bounds, non-empty where it must be,
//!   and on `char` boundaries of the text;
//! - entities are sorted and do not overlap; each names a valid entity with the same label;
//! - quotes are sorted and do not overlap; a quote's speaker mention and cue lie outside it;
//!   a quote has an attribution rule exactly when it has a speaker;
//! - the JSON line is one line of valid JSON whose `text` fields are the slices of the spans.

// The fuzz target uses only part of this module.
#![allow(dead_code)]

use newsnlp::{Annotations, Span, json};

/// Every span of the annotations, in order: entities, then each quote with its speaker and cue.
pub fn all_spans(annotations: &Annotations) -> Vec<Span> {
    let mut spans: Vec<Span> = annotations.mentions().iter().map(|e| e.span()).collect();
    for quote in annotations.quotes() {
        spans.push(quote.span());
        spans.extend(quote.speaker().map(|s| s.mention()));
        spans.extend(quote.cue());
    }
    spans
}

/// Checks `annotations` of `text`; returns a description of the first violation.
pub fn check(text: &str, annotations: &Annotations) -> Result<(), String> {
    let clusters = annotations.entities();
    let mut last_end = 0;
    for (i, e) in annotations.mentions().iter().enumerate() {
        let span = e.span();
        check_span(text, span, false).map_err(|m| format!("entity {i} {span:?}: {m}"))?;
        if span.start < last_end {
            return Err(format!(
                "entity {i} {span:?} overlaps or precedes the entity before it (ending at {last_end})"
            ));
        }
        last_end = span.end;
        let Some(cluster) = clusters.get(e.entity()) else {
            return Err(format!("entity {i} names entity {} of {}", e.entity(), clusters.len()));
        };
        if !matches!(e.rule().kind(), newsnlp::RuleKind::Gazetteer | newsnlp::RuleKind::Name) {
            return Err(format!("entity {i} has the rule {:?}, which finds no names", e.rule()));
        }
        if cluster.label() != e.label() {
            return Err(format!("entity {i} is a {} of a {} entity", e.label(), cluster.label()));
        }
        if cluster.name().is_empty() {
            return Err(format!("entity {} has an empty name", e.entity()));
        }
    }
    let mut last_end = 0;
    for (i, q) in annotations.quotes().iter().enumerate() {
        let span = q.span();
        check_span(text, span, true).map_err(|m| format!("quote {i} {span:?}: {m}"))?;
        if span.start < last_end {
            return Err(format!("quote {i} {span:?} overlaps or precedes the quote before it (ending at {last_end})"));
        }
        last_end = span.end;
        // A quote without a speaker was taken for its length alone; one with a speaker was found
        // by an attribution rule.
        if q.speaker().is_none() != (q.rule() == newsnlp::Rule::LongQuote) {
            return Err(format!("quote {i}: speaker {:?} but rule {:?}", q.speaker(), q.rule()));
        }
        if q.rule().kind() != newsnlp::RuleKind::Quote {
            return Err(format!("quote {i} has the rule {:?}, which is no quote rule", q.rule()));
        }
        if let Some(speaker) = q.speaker() {
            let mention = speaker.mention();
            check_span(text, mention, false).map_err(|m| format!("speaker of quote {i} {mention:?}: {m}"))?;
            if mention.overlaps(span) {
                return Err(format!("speaker {mention:?} of quote {i} lies inside the quote {span:?}"));
            }
            if speaker.entity().is_some_and(|c| c >= clusters.len()) {
                return Err(format!("speaker of quote {i} names entity {:?} of {}", speaker.entity(), clusters.len()));
            }
            if annotations.speaker_name(text, q).is_none_or(str::is_empty) {
                return Err(format!("speaker of quote {i} has no name"));
            }
        }
        if let Some(cue) = q.cue() {
            check_span(text, cue, false).map_err(|m| format!("cue of quote {i} {cue:?}: {m}"))?;
            if cue.overlaps(span) {
                return Err(format!("cue {cue:?} of quote {i} lies inside the quote {span:?}"));
            }
        }
    }
    check_json(text, annotations)
}

/// A span must lie in the text, on `char` boundaries, and (unless `may_be_empty`) cover a byte.
fn check_span(text: &str, span: Span, may_be_empty: bool) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!("out of bounds (text is {} bytes)", text.len()));
    }
    if !may_be_empty && span.is_empty() {
        return Err("empty".to_string());
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err("not on char boundaries".to_string());
    }
    Ok(())
}

/// The JSON line parses, is one line, and its texts are the slices of its offsets.
fn check_json(text: &str, annotations: &Annotations) -> Result<(), String> {
    let line = json::to_string("doc", text, annotations);
    if line.contains('\n') {
        return Err("the JSON line contains a line break".to_string());
    }
    let value: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("invalid JSON ({e}): {line}"))?;
    let items =
        value["entities"].as_array().into_iter().flatten().chain(value["quotes"].as_array().into_iter().flatten());
    for item in items {
        let (Some(start), Some(end)) = (item["start"].as_u64(), item["end"].as_u64()) else {
            return Err(format!("an item without offsets: {item}"));
        };
        if item["text"].as_str() != Some(&text[start as usize..end as usize]) {
            return Err(format!("JSON text differs from the slice {start}..{end}: {item}"));
        }
    }
    Ok(())
}
