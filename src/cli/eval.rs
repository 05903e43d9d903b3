//! `newsnlp eval GOLD.jsonl PATH…`: annotates PATH and scores it against a gold sample, with the
//! rules of our evaluation sets' scorer (`score.py` beside the repository), number for number:
//! strict and lenient entity matches by label, quote spans cut at line breaks and matched by
//! overlap, speakers by name or mention. `tests/eval.rs` checks the figures against the ones
//! `score.py` gives on a fixture of our own.
//!
//! The gold format (one JSON object a line; offsets are UTF-8 bytes, half-open):
//! `{"id", "entities": [{"start", "end", "label", "entity"?}], "quotes": [{"start", "end",
//! "speaker"?, "entity"?, "speaker_spans"?}], "optional"?, "optional_quotes"?,
//! "no_entity_gold"?, "no_quote_gold"?}` — README.md explains each field.

use super::annotate::{self, Job, Source};
use super::args::{Eval, Format};
use super::gold::{Gold, LABELS, Predicted, Span, predicted, read_gold, read_predictions};
use super::messages::{self, Progress};
use super::run::{self, Flow};
use super::{FAILURE, print};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::process::ExitCode;
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// What is trimmed off the ends of a quote piece before matching.
const EDGE: &str = " \t\r\n\"'“”‘’«»„‚‹›.,;:!?—–-…()[]";

/// Counts (true positives, false positives, false negatives) by key, and the errors found.
#[derive(Debug, Default)]
struct Tally {
    counts: BTreeMap<String, [usize; 3]>,
    /// (document, kind, text, position).
    errors: Vec<(String, String, String, usize)>,
}

impl Tally {
    fn add(&mut self, key: &str, tp: usize, fp: usize, fn_: usize) {
        let count = self.counts.entry(key.to_string()).or_default();
        count[0] += tp;
        count[1] += fp;
        count[2] += fn_;
    }

    fn merge(&mut self, other: Tally) {
        for (key, [tp, fp, fn_]) in other.counts {
            self.add(&key, tp, fp, fn_);
        }
        self.errors.extend(other.errors);
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Whether two quote pieces overlap by at least half of their union.
fn matches(a: Span, b: Span) -> bool {
    let union = a.1.max(b.1).saturating_sub(a.0.min(b.0));
    union > 0 && overlap(a, b) as f64 / union as f64 >= 0.5
}

/// Python's `str.isspace`, which `strip()` and the scorer's `\s` follow.
fn is_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\u{1c}'..='\u{1f}' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

/// A name compared without case, accents, a final possessive or doubled spaces.
fn norm_name(name: Option<&str>) -> Option<String> {
    let name = name.filter(|n| !n.is_empty())?;
    let folded: String =
        name.nfkd().filter(|&c| canonical_combining_class(c) == 0).flat_map(char::to_lowercase).collect();
    let mut folded = folded.trim_matches(is_space).to_string();
    for possessive in ["'s", "’s"] {
        if let Some(stem) = folded.strip_suffix(possessive) {
            folded = stem.to_string();
            break;
        }
    }
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        if is_space(c) {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    Some(out)
}

/// The slice `start..end` of `raw`, clamped as Python slices are.
fn slice(raw: &[u8], start: usize, end: usize) -> &[u8] {
    let end = end.min(raw.len());
    raw.get(start.min(end)..end).unwrap_or_default()
}

/// A quote span cut at line breaks, each piece trimmed of [`EDGE`] characters.
fn pieces(span: Span, raw: Option<&[u8]>) -> Vec<Span> {
    let Some(raw) = raw else { return vec![span] };
    let chunk = String::from_utf8_lossy(slice(raw, span.0, span.1));
    let mut out = Vec::new();
    let mut position = span.0;
    for (index, part) in chunk.split('\n').enumerate() {
        if index > 0 {
            position += 1;
        }
        let left = part.trim_start_matches(|c| EDGE.contains(c));
        let start = position + (part.len() - left.len());
        let core = left.trim_end_matches(|c| EDGE.contains(c));
        if !core.is_empty() {
            out.push((start, start + core.len()));
        }
        position += part.len();
    }
    out
}

fn snippet(raw: Option<&[u8]>, span: Span) -> String {
    match raw {
        None => format!("{}..{}", span.0, span.1),
        Some(raw) => String::from_utf8_lossy(slice(raw, span.0, span.1)).replace('\n', " "),
    }
}

fn score_entities(gold: &Gold, predicted: &Predicted, tally: &mut Tally, raw: Option<&[u8]>) {
    let gold_mentions: Vec<(usize, usize, &str)> =
        gold.entities.iter().map(|e| (e.span.0, e.span.1, e.label.as_str())).collect();
    let gs: HashSet<(usize, usize, &str)> = gold_mentions.iter().copied().collect();
    let ps: HashSet<(usize, usize, &str)> = predicted.entities.iter().map(|(s, e, l)| (*s, *e, l.as_str())).collect();
    let optional = |x: (usize, usize)| gold.optional.iter().any(|&o| overlap(x, o) > 0);
    let false_hits: Vec<_> = ps.difference(&gs).filter(|x| !optional((x.0, x.1))).copied().collect();
    let missed: Vec<_> = gs.difference(&ps).copied().collect();
    tally.add("strict", gs.intersection(&ps).count(), false_hits.len(), missed.len());
    for label in LABELS {
        let count = |set: &mut dyn Iterator<Item = &(usize, usize, &str)>| set.filter(|x| x.2 == label).count();
        let tp = count(&mut gs.intersection(&ps));
        let (fp, fn_) = (count(&mut false_hits.iter()), count(&mut missed.iter()));
        if tp + fp + fn_ > 0 {
            tally.add(&format!("strict_{label}"), tp, fp, fn_);
        }
    }
    let mut taken = HashSet::new();
    for &(start, end, label) in &gold_mentions {
        let hit = predicted
            .entities
            .iter()
            .enumerate()
            .position(|(i, p)| !taken.contains(&i) && p.2 == label && overlap((start, end), (p.0, p.1)) > 0);
        match hit {
            None => {
                tally.add("lenient", 0, 0, 1);
                tally.add(&format!("lenient_{label}"), 0, 0, 1);
                tally.errors.push((gold.id.clone(), format!("missed {label}"), snippet(raw, (start, end)), start));
            }
            Some(i) => {
                taken.insert(i);
                tally.add("lenient", 1, 0, 0);
                tally.add(&format!("lenient_{label}"), 1, 0, 0);
            }
        }
    }
    for (i, (start, end, label)) in predicted.entities.iter().enumerate() {
        let (start, end) = (*start, *end);
        if !taken.contains(&i) && !optional((start, end)) {
            tally.add("lenient", 0, 1, 0);
            tally.add(&format!("lenient_{label}"), 0, 1, 0);
            let wrong = gold_mentions.iter().find(|g| overlap((g.0, g.1), (start, end)) > 0);
            let kind = match wrong {
                Some(g) => format!("false {label} (gold {})", g.2),
                None => format!("false {label}"),
            };
            tally.errors.push((gold.id.clone(), kind, snippet(raw, (start, end)), start));
        }
    }
}

/// What a gold quote piece says of its speaker.
struct GoldSpeaker {
    name: Option<String>,
    spans: Vec<Span>,
    by_name: bool,
}

/// What a predicted quote piece says of its speaker.
struct PredictedSpeaker {
    name: Option<String>,
    mention: Option<Span>,
}

fn speaker_ok(gold: &GoldSpeaker, predicted: &PredictedSpeaker) -> bool {
    if predicted.name.is_none() && predicted.mention.is_none() {
        return false;
    }
    if let Some(mention) = predicted.mention
        && gold.spans.iter().any(|&s| overlap(mention, s) > 0)
    {
        return true;
    }
    gold.by_name && predicted.name.is_some() && predicted.name == gold.name
}

fn score_quotes(gold: &Gold, predicted: &Predicted, raw: Option<&[u8]>, tally: &mut Tally) {
    let say = |tally: &mut Tally, kind: &str, span: Span, detail: String| {
        let text: String = snippet(raw, span).chars().take(70).collect();
        tally.errors.push((gold.id.clone(), kind.to_string(), text + &detail, span.0));
    };
    let mut named: HashMap<&str, Vec<Span>> = HashMap::new();
    for mention in &gold.entities {
        if let Some(entity) = &mention.entity {
            named.entry(entity.as_str()).or_default().push(mention.span);
        }
    }
    let mut gold_units: Vec<(Span, Arc<GoldSpeaker>)> = Vec::new();
    let mut seen = HashSet::new();
    for quote in &gold.quotes {
        let info = Arc::new(match &quote.speaker_spans {
            Some(spans) => GoldSpeaker { name: None, spans: spans.clone(), by_name: false },
            None => GoldSpeaker {
                name: norm_name(quote.speaker.as_deref()),
                spans: named.get(quote.entity.as_str()).cloned().unwrap_or_default(),
                by_name: true,
            },
        });
        for piece in pieces(quote.span, raw) {
            if seen.insert(piece) {
                gold_units.push((piece, info.clone()));
            }
        }
    }
    let optional: Vec<Span> = gold.optional_quotes.iter().flat_map(|&q| pieces(q, raw)).collect();
    let mut units: Vec<(Span, Arc<PredictedSpeaker>)> = Vec::new();
    for (span, name, mention) in &predicted.quotes {
        let info = Arc::new(PredictedSpeaker { name: norm_name(name.as_deref()), mention: *mention });
        for piece in pieces(*span, raw) {
            units.push((piece, info.clone()));
        }
    }
    units.retain(|(piece, _)| !optional.iter().any(|&o| matches(*piece, o)));
    let mut taken = HashSet::new();
    for (span, info) in &gold_units {
        let hit = (0..units.len()).find(|i| !taken.contains(i) && matches(*span, units[*i].0));
        let Some(hit) = hit else {
            tally.add("quote_spans", 0, 0, 1);
            let speaker = if !info.spans.is_empty() || info.name.is_some() {
                info.name.clone().unwrap_or_else(|| snippet(raw, info.spans[0]))
            } else {
                "?".to_string()
            };
            say(tally, "missed quote", *span, format!("  [speaker: {speaker}]"));
            continue;
        };
        taken.insert(hit);
        tally.add("quote_spans", 1, 0, 0);
        let predicted = &units[hit].1;
        let ok = speaker_ok(info, predicted);
        tally.add("speaker_on_found", usize::from(ok), 0, usize::from(!ok));
        if !ok {
            let said = predicted.name.clone().or_else(|| predicted.mention.map(|m| snippet(raw, m)));
            let want =
                info.name.clone().unwrap_or_else(|| info.spans.first().map_or("?".to_string(), |&s| snippet(raw, s)));
            let said = said.unwrap_or_else(|| "None".to_string());
            say(tally, "wrong speaker", *span, format!("  [said: {said}; gold: {want}]"));
        }
    }
    tally.add("quote_spans", 0, units.len() - taken.len(), 0);
    for (i, (span, _)) in units.iter().enumerate() {
        if !taken.contains(&i) {
            say(tally, "false quote", *span, String::new());
        }
    }
    let attributed: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].1.name.as_deref().is_some_and(|n| !n.is_empty()) || units[i].1.mention.is_some())
        .collect();
    let mut taken = HashSet::new();
    for (span, info) in &gold_units {
        let hit = attributed
            .iter()
            .find(|&&i| !taken.contains(&i) && matches(*span, units[i].0) && speaker_ok(info, &units[i].1));
        match hit {
            None => tally.add("quote_attribution", 0, 0, 1),
            Some(&i) => {
                taken.insert(i);
                tally.add("quote_attribution", 1, 0, 0);
            }
        }
    }
    tally.add("quote_attribution", 0, attributed.len() - taken.len(), 0);
}

/// Scores one document.
fn score(gold: &Gold, predicted: &Predicted, raw: Option<&[u8]>) -> Tally {
    let mut tally = Tally::default();
    if !gold.no_entity_gold {
        score_entities(gold, predicted, &mut tally, raw);
    }
    if !gold.no_quote_gold {
        score_quotes(gold, predicted, raw, &mut tally);
    }
    tally
}

/// Rounds to 4 decimals as Python's `round` does (to the nearest, ties to even, on the exact
/// value): Rust's formatting rounds the same way.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// A float as Python's `repr` writes it (`1.0`, `0.9167`).
fn python_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e16 { format!("{x:.1}") } else { format!("{x}") }
}

/// Precision, recall and F1 (rounded to 4 decimals) and the counts.
fn prf([tp, fp, fn_]: [usize; 3]) -> ([f64; 3], [usize; 3]) {
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    ([round4(p), round4(r), round4(f)], [tp, fp, fn_])
}

/// A score line's value.
enum Figure {
    Scores([f64; 3], [usize; 3]),
    Float(f64),
    Count(usize),
}

/// The scores in `score.py`'s order, then the strict scores by label (which it does not give).
fn figures(tally: &Tally, documents: usize, missing: usize) -> Vec<(String, Figure)> {
    let mut out = Vec::new();
    let mut keys: Vec<String> = vec!["strict".into(), "lenient".into()];
    keys.extend(LABELS.iter().map(|l| format!("lenient_{l}")));
    keys.extend(["quote_spans".into(), "quote_attribution".into()]);
    for key in keys {
        if let Some(&count) = tally.counts.get(&key) {
            let name =
                if key.starts_with("quote") || key.starts_with("lenient_") { key } else { format!("entities_{key}") };
            let (scores, counts) = prf(count);
            out.push((name, Figure::Scores(scores, counts)));
        }
    }
    if tally.counts.contains_key("quote_spans") {
        let [right, _, wrong] = tally.counts.get("speaker_on_found").copied().unwrap_or_default();
        let accuracy = if right + wrong > 0 { round4(right as f64 / (right + wrong) as f64) } else { 0.0 };
        out.push(("speaker_accuracy_on_found".into(), Figure::Float(accuracy)));
    }
    out.push(("documents".into(), Figure::Count(documents)));
    out.push(("documents_missing_in_prediction".into(), Figure::Count(missing)));
    for label in LABELS {
        let key = format!("strict_{label}");
        if let Some(&count) = tally.counts.get(&key) {
            let (scores, counts) = prf(count);
            out.push((key, Figure::Scores(scores, counts)));
        }
    }
    out
}

/// The report: the errors (with `errors`), then the scores as text or one JSON object.
fn report(tally: &Tally, documents: usize, missing: usize, errors: bool, json: bool) -> String {
    let mut out = String::new();
    if errors {
        let mut sorted: Vec<&(String, String, String, usize)> = tally.errors.iter().collect();
        sorted.sort_by(|a, b| (&a.0, a.3).cmp(&(&b.0, b.3)));
        for (document, kind, text, _) in sorted {
            let _ = writeln!(out, "{document}\t{kind}\t{text}");
        }
        out.push('\n');
        // By count, most first; ties in the order first met (as Python's Counter.most_common).
        let mut kinds: Vec<(&str, usize)> = Vec::new();
        for (_, kind, _, _) in &tally.errors {
            let kind = kind.split(" (").next().unwrap_or(kind);
            match kinds.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => kinds.push((kind, 1)),
            }
        }
        kinds.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        for (kind, n) in kinds {
            let _ = writeln!(out, "{n:6}  {kind}");
        }
        out.push('\n');
    }
    let figures = figures(tally, documents, missing);
    if json {
        let fields: Vec<String> = figures
            .iter()
            .map(|(key, figure)| {
                let value = match figure {
                    Figure::Scores([p, r, f], [tp, fp, fn_]) => format!(
                        "{{\"p\": {}, \"r\": {}, \"f1\": {}, \"tp\": {tp}, \"fp\": {fp}, \"fn\": {fn_}}}",
                        python_float(*p),
                        python_float(*r),
                        python_float(*f)
                    ),
                    Figure::Float(x) => python_float(*x),
                    Figure::Count(n) => n.to_string(),
                };
                format!("\"{key}\": {value}")
            })
            .collect();
        let _ = writeln!(out, "{{{}}}", fields.join(", "));
        return out;
    }
    for (key, figure) in figures {
        let _ = match figure {
            Figure::Scores([p, r, f], [tp, fp, fn_]) => {
                writeln!(out, "{key:26} P={p:.3} R={r:.3} F1={f:.3}  (tp={tp} fp={fp} fn={fn_})")
            }
            Figure::Float(x) => writeln!(out, "{key:26} {}", python_float(x)),
            Figure::Count(n) => writeln!(out, "{key:26} {n}"),
        };
    }
    out
}

/// Runs `newsnlp eval`.
pub fn run(config: Eval) -> ExitCode {
    let read = read_gold(&config.gold)
        .and_then(|gold| Ok((gold, config.predictions.as_deref().map(read_predictions).transpose()?)));
    let (gold, predictions) = match read {
        Ok(read) => read,
        Err(message) => {
            messages::say(&message);
            return ExitCode::from(FAILURE);
        }
    };
    let annotator = match super::build_annotator(&config.inputs) {
        Ok(annotator) => annotator,
        Err(code) => return code,
    };
    let by_id: HashMap<&str, &Gold> = gold.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut source = Source::new(&config.inputs);
    let workers = run::workers(config.inputs.jobs, source.total);
    let mut progress = Progress::start(source.total.map(|n| n as u64));
    let mut next = || source.next_job();
    let work = |job: Job| -> (Vec<String>, bool, Option<(String, Tally)>) {
        let (loaded, warning) = match annotate::load(job, Format::CsvQuotes) {
            Ok(loaded) => loaded,
            Err(done) => return (done.messages, done.failed, None),
        };
        let mut messages: Vec<String> = warning.into_iter().collect();
        let Some(gold) = by_id.get(loaded.id.as_str()) else {
            return (messages, false, Some((loaded.id, Tally::default())));
        };
        let raw = Some(loaded.text.as_bytes());
        let tally = match &predictions {
            Some(predictions) => score(gold, predictions.get(&loaded.id).unwrap_or(&Predicted::default()), raw),
            None => match annotate::annotate(&annotator, &loaded) {
                Ok(annotations) => score(gold, &predicted(&loaded.text, &annotations), raw),
                Err(message) => {
                    messages.push(message);
                    return (messages, true, None);
                }
            },
        };
        (messages, false, Some((loaded.id, tally)))
    };
    let mut failed = false;
    let mut scored: HashMap<String, Tally> = HashMap::new();
    let mut emit = |(messages, bad, result): (Vec<String>, bool, Option<(String, Tally)>)| {
        for message in &messages {
            messages::say(message);
        }
        failed |= bad;
        progress.step();
        if let Some((id, tally)) = result {
            match scored.entry(id) {
                Entry::Occupied(entry) => {
                    if by_id.contains_key(entry.key().as_str()) {
                        messages::say(&format!(
                            "warning: a second document with the id {:?} is not scored",
                            entry.key()
                        ));
                    }
                }
                Entry::Vacant(entry) => {
                    entry.insert(tally);
                }
            }
        }
        Flow::Go
    };
    run::ordered(workers, &mut next, &work, &mut emit);
    progress.finish();
    let mut total = Tally::default();
    // A gold document without a prediction counts as missing; one without a text is scored
    // without it (quotes are then not cut at line breaks), as the scorer does without --text-dir.
    let mut missing = 0;
    let mut without_text = 0;
    let empty = Predicted::default();
    for document in &gold {
        let predicted = predictions.as_ref().map(|p| p.get(&document.id));
        missing += usize::from(matches!(predicted, Some(None)));
        match scored.remove(&document.id) {
            Some(tally) => total.merge(tally),
            None => {
                without_text += 1;
                missing += usize::from(predicted.is_none());
                total.merge(score(document, predicted.flatten().unwrap_or(&empty), None));
            }
        }
    }
    if without_text > 0 {
        messages::say(&format!("warning: {without_text} gold documents have no text among the PATHs"));
    }
    let code = print(report(&total, gold.len(), missing, config.errors, config.json).trim_end_matches('\n'));
    if failed { ExitCode::from(FAILURE) } else { code }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_as_the_scorer_compares_them() {
        assert_eq!(norm_name(Some("  José  Daniel\u{a0}Ferrer’s ")), Some("jose daniel ferrer".into()));
        assert_eq!(norm_name(Some("")), None);
        assert_eq!(norm_name(None), None);
    }

    #[test]
    fn quote_pieces_are_cut_at_line_breaks_and_trimmed() {
        let raw = "“First part,\n\n“second part.”".as_bytes();
        assert_eq!(pieces((0, raw.len()), Some(raw)), [(3, 13), (19, 30)]);
        assert_eq!(pieces((5, 9), None), [(5, 9)]);
    }

    #[test]
    fn floats_print_as_python_prints_them() {
        assert_eq!(
            (python_float(1.0), python_float(0.9167), python_float(0.0)),
            ("1.0".into(), "0.9167".into(), "0.0".into())
        );
        assert_eq!((round4(0.03125), round4(2.0 / 3.0)), (0.0312, 0.6667));
    }
}
