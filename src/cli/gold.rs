//! Reading what `newsnlp eval` scores: the gold sample (the format of our evaluation sets) and,
//! with `--predictions`, annotations written before.

use newsnlp::Annotations;
use serde_json::Value;

/// The labels of the gold format.
pub(super) const LABELS: [&str; 4] = ["PERSON", "ORG", "PLACE", "PRISON"];
use std::collections::HashMap;

/// A half-open range of UTF-8 byte offsets.
pub(super) type Span = (usize, usize);

/// One gold document.
#[derive(Debug, Default)]
pub(super) struct Gold {
    pub(super) id: String,
    pub(super) entities: Vec<GoldEntity>,
    pub(super) optional: Vec<Span>,
    pub(super) quotes: Vec<GoldQuote>,
    pub(super) optional_quotes: Vec<Span>,
    pub(super) no_entity_gold: bool,
    pub(super) no_quote_gold: bool,
}

#[derive(Debug)]
pub(super) struct GoldEntity {
    pub(super) span: Span,
    pub(super) label: String,
    /// The entity key as written (JSON), when the mention has one.
    pub(super) entity: Option<String>,
}

#[derive(Debug)]
pub(super) struct GoldQuote {
    pub(super) span: Span,
    pub(super) speaker: Option<String>,
    /// The entity key (JSON; `null` when absent).
    pub(super) entity: String,
    pub(super) speaker_spans: Option<Vec<Span>>,
}

/// A predicted document.
#[derive(Debug, Default)]
pub(super) struct Predicted {
    pub(super) entities: Vec<(usize, usize, String)>,
    pub(super) quotes: Vec<(Span, Option<String>, Option<Span>)>,
}

/// Reads the gold file: one JSON object a line, blank lines skipped; a later line with the same
/// id replaces the earlier one (in its place), as the scorer does.
pub(super) fn read_gold(path: &std::path::Path) -> Result<Vec<Gold>, String> {
    let name = path.to_string_lossy();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {}", super::inputs::describe(&e)))?;
    let mut documents: Vec<Gold> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold = parse_gold(line).map_err(|reason| format!("{name}:{}: {reason}", number + 1))?;
        match index.get(&gold.id) {
            Some(&at) => documents[at] = gold,
            None => {
                index.insert(gold.id.clone(), documents.len());
                documents.push(gold);
            }
        }
    }
    Ok(documents)
}

/// Python's truth of a JSON value.
fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

fn offset(item: &Value, key: &str) -> Result<usize, String> {
    item.get(key)
        .and_then(Value::as_u64)
        .map(|n| n as usize)
        .ok_or_else(|| format!("\"{key}\" must be a whole number of at least 0"))
}

fn span(item: &Value) -> Result<Span, String> {
    Ok((offset(item, "start")?, offset(item, "end")?))
}

fn list<'a>(document: &'a Value, key: &str) -> Result<&'a [Value], String> {
    match document.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(format!("\"{key}\" must be a list")),
    }
}

fn parse_gold(line: &str) -> Result<Gold, String> {
    let document: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let id = match document.get("id") {
        Some(Value::String(id)) => id.clone(),
        _ => return Err("no \"id\" (a string)".into()),
    };
    let mut gold = Gold { id, ..Gold::default() };
    for item in list(&document, "entities")? {
        let label = item.get("label").and_then(Value::as_str).ok_or("an entity without a \"label\"")?.to_string();
        let entity = item.get("entity").map(Value::to_string);
        gold.entities.push(GoldEntity { span: span(item)?, label, entity });
    }
    for item in list(&document, "optional")? {
        gold.optional.push(span(item)?);
    }
    for item in list(&document, "quotes")? {
        let speaker = item.get("speaker").and_then(Value::as_str).map(str::to_string);
        let entity = item.get("entity").map_or_else(|| "null".to_string(), Value::to_string);
        let speaker_spans = match item.get("speaker_spans") {
            None => None,
            Some(spans) => Some(
                spans
                    .as_array()
                    .ok_or("\"speaker_spans\" must be a list of [start, end]")?
                    .iter()
                    .map(|pair| {
                        match pair
                            .as_array()
                            .map(|p| (p.first().and_then(Value::as_u64), p.get(1).and_then(Value::as_u64)))
                        {
                            Some((Some(start), Some(end))) => Ok((start as usize, end as usize)),
                            _ => Err("\"speaker_spans\" must be a list of [start, end]".to_string()),
                        }
                    })
                    .collect::<Result<Vec<Span>, String>>()?,
            ),
        };
        gold.quotes.push(GoldQuote { span: span(item)?, speaker, entity, speaker_spans });
    }
    for item in list(&document, "optional_quotes")? {
        gold.optional_quotes.push(span(item)?);
    }
    gold.no_entity_gold = truthy(document.get("no_entity_gold"));
    gold.no_quote_gold = truthy(document.get("no_quote_gold"));
    Ok(gold)
}

pub(super) fn predicted(text: &str, annotations: &Annotations) -> Predicted {
    Predicted {
        entities: annotations
            .mentions()
            .iter()
            .map(|m| (m.span().start, m.span().end, m.label().as_str().to_string()))
            .collect(),
        quotes: annotations
            .quotes()
            .iter()
            .map(|q| {
                let name = annotations.speaker_name(text, q).map(str::to_string);
                let mention = q.speaker().map(|s| (s.mention().start, s.mention().end));
                ((q.span().start, q.span().end), name, mention)
            })
            .collect(),
    }
}

/// Reads a file of predictions: one JSON object a line with `id`, `entities` (`start`, `end`,
/// `label`) and `quotes` (`start`, `end`, `speaker`, `speaker_start`, `speaker_end`), as ours;
/// other fields are ignored, and so are labels other than ours (as the scorer does). A later
/// line with the same id replaces the earlier one.
pub(super) fn read_predictions(path: &std::path::Path) -> Result<HashMap<String, Predicted>, String> {
    let name = path.to_string_lossy();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {}", super::inputs::describe(&e)))?;
    let mut documents = HashMap::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |reason: String| format!("{name}:{}: {reason}", number + 1);
        let document: Value = serde_json::from_str(line).map_err(|e| at(format!("not JSON: {e}")))?;
        let id = document.get("id").and_then(Value::as_str).ok_or_else(|| at("no \"id\" (a string)".into()))?;
        let mut predicted = Predicted::default();
        for item in list(&document, "entities").map_err(at)? {
            match item.get("label").and_then(Value::as_str) {
                Some(label) if LABELS.contains(&label) => {
                    let (start, end) = span(item).map_err(at)?;
                    predicted.entities.push((start, end, label.to_string()));
                }
                _ => {}
            }
        }
        for item in list(&document, "quotes").map_err(at)? {
            let name = item.get("speaker").and_then(Value::as_str).map(str::to_string);
            let mention = match (offset(item, "speaker_start"), offset(item, "speaker_end")) {
                (Ok(start), Ok(end)) => Some((start, end)),
                _ => None,
            };
            predicted.quotes.push((span(item).map_err(at)?, name, mention));
        }
        documents.insert(id.to_string(), predicted);
    }
    Ok(documents)
}
