//! The name rules in the order they are tried, and the engine that applies them.
//!
//! The document is scanned left to right. A name written surname first opens its paragraph
//! (`surname-first`); everywhere else, each capitalised stretch ([`chunk`](super::chunk)) is read
//! by the [`CHUNK_RULES`], stage by stage: in each stage the rules are tried in order, and the
//! first that decides ends the reading; a rule that peels words off the front of the chunk
//! (a sentence opener, a title) starts its stage again on the rest. A rule's decision is one of
//! [`Decision`]: a name, no name, words peeled off, or pieces read on their own. When no rule
//! decides, the chunk is read word by word ([`undecided`]). Then the [`EXTENSIONS`] may grow the
//! name just found ("Mar Verde **prison**") or add one after it (a nickname, an acronym). After
//! the scan, `quoted-org` finds organizations named in quotes, and clustering (`cluster.rs`)
//! decides which lone words are short forms of names.
//!
//! Every rule is a unit: its [`Rule`] (the name in the JSON and `--disable-rule`), what it does,
//! and examples of its own, sentences where it fires and where it must not, which one test runs
//! (`every_example_does_what_it_says`). The examples are read only by that test, hence the
//! `allow(dead_code)` outside tests. A rule that is switched off is skipped.

use super::boundaries::{
    AWARD_OR_LAW, DEMONYM_GROUP, DEMONYM_PHRASE, LEADING_ARTICLE, NAME_BEFORE_TITLE, SENTENCE_OPENER, SPECIES_NAME,
    TITLE, VEHICLE_NAME,
};
use super::capitals::CAPITAL_LINES;
use super::chunk::Chunk;
use super::clubs::{CLUB_BY_PLACE, COMPANY_CONTEXT, SCORE_LINE};
use super::cluster::{EARLY_SHORT_FORM, LONE_KNOWN_NAME, SHORT_FORM};
use super::decision::{ChunkRule, Decision, Extension, ExtensionRule, PassRule, Piece, Reading, Reads};
use super::evidence::{GIVEN_NAME_FIRST, KNOWN_NAME_WORDS, TITLED_PERSON, UNKNOWN_WORDS};
use super::joins::{HEAD_WORD, LISTED_NAME, SPLIT_AROUND_HEAD, SPLIT_AT_JOINERS};
use super::organizations::{
    BRACKETED_ACRONYM, CAMEL_CASE_ORG, FOUNDED_ORG, ORG_OF_PLACE, ORG_TYPE_WORD, QUOTED_ORG, QUOTED_ORG_PART,
    THE_ORG_HEAD,
};
use super::people::{
    ADDRESSED_NAME, CALLED_NICKNAME, EAST_ASIAN_NAME, PARTICLE_NAME, PERSON_AT_END, QUOTED_NICKNAME,
    SHARED_FAMILY_NAME, SPEAKING_NAME, SURNAME_FIRST, inverted_names,
};
use super::places::{AMBIGUOUS_PLACE, COMPASS_REGION, SPEAKING_PLACE_NAME, TOWN_COMMA_PLACE, TOWN_OF};
use super::prisons::{NUMBERED_PRISON, PRISON_LIST, PRISON_TOWN, PRISON_WORD};
use super::reader::{Candidate, Found, Reader, is_pronoun};
use super::units::{ARTICLES, EMPTY_UNIT, Part, UNITS_ON_STACK, Unit, units_of};
use crate::label::Label;
use crate::rule::Rule;
use crate::token::TokenKind;

/// The chunk rules, stage by stage, in the order they are tried.
pub(crate) const CHUNK_RULES: &[&[&ChunkRule]] = &[
    // The words around the chunk.
    &[&ORG_TYPE_WORD, &SPECIES_NAME, &VEHICLE_NAME, &CALLED_NICKNAME, &PRISON_LIST],
    // What opens it (peeled off while one applies).
    &[&SENTENCE_OPENER, &LEADING_ARTICLE],
    // Places the words around it name.
    &[&COMPASS_REGION, &TOWN_OF, &TOWN_COMMA_PLACE],
    // Titles before a name (peeled off while one applies).
    &[&NAME_BEFORE_TITLE, &TITLE],
    // What the rest is.
    &[
        &DEMONYM_PHRASE,
        &SHARED_FAMILY_NAME,
        &EAST_ASIAN_NAME,
        &PARTICLE_NAME,
        &AWARD_OR_LAW,
        &DEMONYM_GROUP,
        &SPLIT_AROUND_HEAD,
        &HEAD_WORD,
        &ORG_OF_PLACE,
        &SPEAKING_PLACE_NAME,
        &PRISON_TOWN,
        &SCORE_LINE,
        &CLUB_BY_PLACE,
        &COMPANY_CONTEXT,
        &AMBIGUOUS_PLACE,
        &LISTED_NAME,
        &FOUNDED_ORG,
        &TITLED_PERSON,
        &GIVEN_NAME_FIRST,
        &KNOWN_NAME_WORDS,
        &UNKNOWN_WORDS,
        &THE_ORG_HEAD,
        &CAMEL_CASE_ORG,
        &ADDRESSED_NAME,
        &SPEAKING_NAME,
        &PERSON_AT_END,
        &SPLIT_AT_JOINERS,
    ],
];

/// The extensions, in the order they are tried on the name a chunk ends with; the first that
/// applies is taken.
pub(crate) const EXTENSIONS: &[&ExtensionRule] =
    &[&PRISON_WORD, &NUMBERED_PRISON, &QUOTED_ORG_PART, &QUOTED_NICKNAME, &BRACKETED_ACRONYM];

/// The rules that run outside the chunk reading: before it (`surname-first`), after it
/// (`quoted-org`), and in clustering (the short forms).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const PASS_RULES: &[&PassRule] =
    &[&CAPITAL_LINES, &SURNAME_FIRST, &QUOTED_ORG, &SHORT_FORM, &LONE_KNOWN_NAME, &EARLY_SHORT_FORM];

/// Runs the name rules over the whole document; candidates come out in text order, disjoint.
pub(crate) fn scan(reader: &Reader<'_, '_>) -> Vec<Candidate> {
    let doc = reader.doc;
    let n = doc.tokens.len();
    // Room for a candidate every 16 tokens (the Wikinews bench corpus has one every 21), so
    // that the list is not copied to grow as it fills.
    let mut out = Vec::with_capacity(n / 16 + 1);
    // Names written surname first open their paragraph: found per paragraph, so that the
    // token loop below carries no test of its own for them.
    let inverted = if reader.enabled(SURNAME_FIRST.rule) { inverted_names(reader) } else { Vec::new() };
    let mut pending = inverted.iter().copied();
    // One buffer for the parts of every chunk.
    let mut parts = Vec::new();
    let enabled = enabled_chunk_rules(reader.disabled);
    let mut i = 0;
    loop {
        let next = pending.next();
        let stop = next.map_or(n, |(first, _)| first);
        while i < stop {
            // Space is nearly half of all tokens, and no name or hit starts there.
            if doc.tokens[i].kind == TokenKind::Space {
                i += 1;
                continue;
            }
            if let Some(unit) = reader.unit_at(i) {
                let last = reader.chunk_from(unit, &mut parts);
                let before = out.len();
                read(reader, enabled, &parts, &mut out);
                i = extend(reader, &mut out, before, last + 1);
            } else {
                i += 1;
            }
        }
        match next {
            // "Twain, Mark." in a reading list: one mention, the comma inside.
            Some((first, last)) if i == first => {
                out.push(candidate(reader, Found::name(first, last, Label::Person), SURNAME_FIRST.rule));
                i = last + 1;
            }
            Some(_) => {}
            None => break,
        }
    }
    out
}

/// The chunk rules in one list, for the engine: rule `i` is bit `i` of a `u64`, so that the
/// rules that may read a chunk are found with a few bit operations instead of asking each rule in
/// turn (which cost more than the rules did).
struct Flat {
    rules: [&'static ChunkRule; RULE_COUNT],
    /// For each rule, the index of the first rule of its stage.
    stage_start: [u8; RULE_COUNT],
    /// For each kind of chunk ([`Reads::ALL`]), the rules that read it.
    reads: [u64; 9],
}

/// How many chunk rules there are (at most 64: one bit each).
const RULE_COUNT: usize = {
    let mut count = 0;
    let mut stage = 0;
    while stage < CHUNK_RULES.len() {
        count += CHUNK_RULES[stage].len();
        stage += 1;
    }
    assert!(count <= 64, "the chunk rules must fit in a u64");
    count
};

const FLAT: Flat = {
    let mut flat = Flat { rules: [CHUNK_RULES[0][0]; RULE_COUNT], stage_start: [0; RULE_COUNT], reads: [0; 9] };
    let mut index = 0;
    let mut stage = 0;
    while stage < CHUNK_RULES.len() {
        let start = index;
        let mut k = 0;
        while k < CHUNK_RULES[stage].len() {
            let rule = CHUNK_RULES[stage][k];
            flat.rules[index] = rule;
            flat.stage_start[index] = start as u8;
            flat.reads[rule.reads as usize] |= 1 << index;
            index += 1;
            k += 1;
        }
        stage += 1;
    }
    flat
};

/// The chunk rules switched on, as bits of [`FLAT`].
fn enabled_chunk_rules(disabled: crate::rule::RuleSet) -> u64 {
    FLAT.rules.iter().enumerate().filter(|(_, r)| !disabled.contains(r.rule)).fold(0, |mask, (i, _)| mask | 1 << i)
}

/// The chunk rules that read a chunk like `c`, as bits of [`FLAT`].
fn rules_reading(c: &Chunk<'_>) -> u64 {
    Reads::ALL.iter().filter(|reads| reads.fits(c)).fold(0, |mask, &reads| mask | FLAT.reads[reads as usize])
}

/// Reads a chunk with the chunk rules: in their order, each switched-on rule that reads such a
/// chunk, until one decides; a peel starts the stage of its rule again on what is left.
fn read(reader: &Reader<'_, '_>, enabled: u64, parts: &[Part], out: &mut Vec<Candidate>) {
    let mut buffer = [EMPTY_UNIT; UNITS_ON_STACK];
    let units = units_of(parts, &mut buffer);
    let Some(mut chunk) = Chunk::new(reader, parts, &units) else { return };
    let mut pending = enabled & rules_reading(&chunk);
    while pending != 0 {
        let index = pending.trailing_zeros() as usize;
        pending &= pending - 1;
        let entry = FLAT.rules[index];
        let Some(decision) = (entry.decide)(reader, &chunk) else { continue };
        match decision {
            Decision::Name(found) => {
                out.push(candidate(reader, found, entry.rule));
                return;
            }
            Decision::NoName => return,
            Decision::Peel(peel) => {
                if let Some(found) = peel.mention {
                    out.push(candidate(reader, found, entry.rule));
                }
                chunk = chunk.peel(reader, peel.to, peel.title);
                if chunk.units.is_empty() {
                    return;
                }
                let stage = u64::MAX << FLAT.stage_start[index];
                pending = enabled & rules_reading(&chunk) & stage;
            }
            Decision::Pieces(pieces) => {
                for piece in pieces {
                    read_piece(reader, enabled, &chunk, piece, entry.rule, out);
                }
                return;
            }
        }
    }
    undecided(reader, &chunk, out);
}

fn read_piece(
    reader: &Reader<'_, '_>,
    enabled: u64,
    chunk: &Chunk<'_>,
    piece: Piece,
    rule: Rule,
    out: &mut Vec<Candidate>,
) {
    let parts = &chunk.parts[piece.parts];
    let mut buffer = [EMPTY_UNIT; UNITS_ON_STACK];
    let units = units_of(parts, &mut buffer);
    let (Some(first), Some(last)) = (units.first(), units.last()) else { return };
    match piece.reading {
        Reading::Chunk => read(reader, enabled, parts, out),
        Reading::Words => units.iter().for_each(|&unit| read_word(reader, unit, out)),
        Reading::Name(label, sex) => {
            let found = Found::name(first.first, last.last, label).with(sex, false);
            out.push(candidate(reader, found, rule));
        }
        Reading::Listed => {
            if let Some(hit) = first.hit {
                out.push(candidate(reader, reader.listed(*first, hit), rule));
            }
        }
    }
}

/// Reads a chunk that no rule decided: a chunk of one unit is a listed name, or a lone word that
/// may be a short form; a longer one is read word by word.
fn undecided(reader: &Reader<'_, '_>, chunk: &Chunk<'_>, out: &mut Vec<Candidate>) {
    let Some(unit) = chunk.lone() else {
        chunk.units.iter().for_each(|&unit| read_word(reader, unit, out));
        return;
    };
    let word = reader.unit_text(unit);
    let found = match unit.hit {
        Some(hit) if !(reader.enabled(Rule::AmbiguousPlace) && chunk.ambiguous_place(reader)) => {
            Some(reader.listed(unit, hit))
        }
        Some(_) => None,
        None if is_pronoun(word) => None,
        // "al-Megrahi" alone: the short form of a person named before, if one was.
        None if unit.first != unit.last => {
            reader.is_lower_word(unit.first, ARTICLES).then(|| Found::bare(unit.first, unit.last))
        }
        // A demonym that is also a surname ("Sahraoui said"), or that speaks ("“…,” Cuban said"
        // after Mark Cuban), counts only as the short form of a person already named.
        None if chunk.head_is_demonym(reader) => {
            let person_like =
                reader.lexicon.is_surname(word) || reader.cue_after(unit.last) || reader.cue_before(unit.first);
            person_like.then(|| Found::bare(unit.first, unit.last))
        }
        None => (!chunk.head_is_ordinary(reader) && !chunk.head_is_title(reader))
            .then(|| Found::bare(unit.first, unit.last)),
    };
    if let Some(found) = found {
        out.push(candidate(reader, found, Rule::ShortForm));
    }
}

/// Reads one unit on its own: a listed name keeps its label, a given name that someone is
/// called by is a person, any other lone word may be a short form.
fn read_word(reader: &Reader<'_, '_>, unit: Unit, out: &mut Vec<Candidate>) {
    let found = match unit.hit {
        Some(hit) => (!reader.drops_ambiguous_place(unit)).then(|| reader.listed(unit, hit)),
        None if reader.enabled(Rule::AddressedName) && reader.addressed(unit) => {
            Some(Found { rule: Some(Rule::AddressedName), ..Found::name(unit.first, unit.last, Label::Person) })
        }
        None => {
            let word = reader.unit_text(unit);
            let ordinary = reader.is_ordinary(unit.first);
            let lone = unit.first == unit.last && !ordinary && !reader.is_demonym_unit(unit) && !is_pronoun(word);
            lone.then(|| Found::bare(unit.first, unit.last))
        }
    };
    if let Some(found) = found {
        out.push(candidate(reader, found, Rule::ShortForm));
    }
}

/// Applies the first extension that applies to the candidate that ends at token `next - 1`, if
/// the chunk read from `out[from..]` gave one; returns the token where scanning goes on.
fn extend(reader: &Reader<'_, '_>, out: &mut Vec<Candidate>, from: usize, next: usize) -> usize {
    let Some(at) = out.len().checked_sub(1).filter(|&at| at >= from && out[at].last + 1 == next) else {
        return next;
    };
    for entry in EXTENSIONS {
        if !reader.enabled(entry.rule) {
            continue;
        }
        match (entry.extend)(reader, &out[at]) {
            None => continue,
            Some(Extension::Grow { last, label, kind }) => {
                let grown = &mut out[at];
                grown.span = grown.span.to(reader.doc.tokens[last].span());
                grown.last = last;
                grown.label = label;
                grown.kind = kind;
                grown.rule = entry.rule;
                return last + 1;
            }
            Some(Extension::Add { found, next }) => {
                out.push(candidate(reader, found, entry.rule));
                return next;
            }
        }
    }
    next
}

/// The candidate of a found name, credited to `rule` unless the name says whose it is.
fn candidate(reader: &Reader<'_, '_>, found: Found, rule: Rule) -> Candidate {
    let span = reader.doc.tokens[found.first].span().to(reader.doc.tokens[found.last].span());
    Candidate {
        span,
        first: found.first,
        last: found.last,
        label: found.label,
        kind: found.kind,
        sex: found.sex,
        titled: found.titled,
        rule: found.rule.unwrap_or(rule),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::decision::Example;
    use crate::{Annotations, Annotator, Span};

    /// Every name rule with its examples, in the order of the catalogue.
    fn every_rule() -> Vec<(Rule, &'static [Example])> {
        let chunk = CHUNK_RULES.iter().flat_map(|stage| stage.iter()).map(|r| (r.rule, r.examples));
        let extensions = EXTENSIONS.iter().map(|r| (r.rule, r.examples));
        let passes = PASS_RULES.iter().map(|r| (r.rule, r.examples));
        chunk.chain(extensions).chain(passes).collect()
    }

    /// The text of an example without its brackets, and the span the brackets mark.
    fn unbracket(example: &str) -> (String, Span) {
        let open = example.find('[').expect("an example marks its words with [brackets]");
        let close = example.find(']').expect("an example marks its words with [brackets]");
        let text = format!("{}{}{}", &example[..open], &example[open + 1..close], &example[close + 1..]);
        (text, Span::new(open, close - 1))
    }

    /// What the mentions of an annotation are: span, label, rule.
    fn mentions(annotations: &Annotations) -> Vec<(Span, Label, Rule)> {
        annotations.mentions().iter().map(|m| (m.span(), m.label(), m.rule())).collect()
    }

    #[test]
    fn every_name_rule_is_in_the_catalogue_once_with_examples_both_ways() {
        let listed = every_rule();
        for &rule in Rule::ALL.iter().filter(|r| r.kind() == crate::RuleKind::Name) {
            let count = listed.iter().filter(|(r, _)| *r == rule).count();
            assert_eq!(count, 1, "{rule} is in the catalogue {count} times");
        }
        for (rule, examples) in listed {
            let positive = examples.iter().any(|e| !matches!(e, Example::Ignores(_)));
            let negative = examples.iter().any(|e| matches!(e, Example::Ignores(_)));
            assert!(positive && negative, "{rule} needs an example where it fires and one where it must not");
        }
    }

    /// Each example does what it says: the rule makes its bracketed words a mention with their
    /// label (switched off, it does not), or keeps them out of every mention (switched off, a
    /// mention covers them), or changes nothing. Every example is also read after a multi-byte space and a blank line, and must
    /// give the same annotations shifted by their width.
    #[test]
    fn every_example_does_what_it_says() {
        let on = Annotator::new();
        let mut failures = Vec::new();
        for (rule, examples) in every_rule() {
            let off = Annotator::builder().disable_rule(rule.name()).build().unwrap();
            for example in examples {
                let (text, span, what) = match *example {
                    Example::Finds(text, _) | Example::KeepsOut(text) => {
                        let (text, span) = unbracket(text);
                        (text, Some(span), example)
                    }
                    Example::Ignores(text) => (text.to_string(), None, example),
                };
                let with = on.annotate(&text);
                let without = off.annotate(&text);
                let fail = |why: String| {
                    format!(
                        "{rule}: {example:?}: {why}\n  with:    {:?}\n  without: {:?}",
                        mentions(&with),
                        mentions(&without)
                    )
                };
                match (what, span) {
                    (Example::Finds(_, label), Some(span)) => {
                        let found =
                            |a: &Annotations| a.mentions().iter().any(|m| m.span() == span && m.label() == *label);
                        if !found(&with) || found(&without) {
                            failures.push(fail(format!("the rule does not make {:?} a {label}", &text[span])));
                        }
                    }
                    (Example::KeepsOut(_), Some(span)) => {
                        let covered = |a: &Annotations| a.mentions().iter().any(|m| m.span().overlaps(span));
                        if covered(&with) || !covered(&without) {
                            failures.push(fail(format!("{:?} is not kept out by the rule", &text[span])));
                        }
                    }
                    _ => {
                        if with != without {
                            failures.push(fail("the rule changes the annotations".to_string()));
                        }
                    }
                }
                let prefix = "\u{2003}\n\n";
                let shifted = on.annotate(&format!("{prefix}{text}"));
                let moved: Vec<(Span, Label, Rule)> = mentions(&shifted)
                    .into_iter()
                    .map(|(s, l, r)| (Span::new(s.start - prefix.len(), s.end - prefix.len()), l, r))
                    .collect();
                if moved != mentions(&with) {
                    failures.push(fail(format!("after {prefix:?} the mentions differ: {:?}", mentions(&shifted))));
                }
            }
        }
        assert!(failures.is_empty(), "{} examples fail:\n{}", failures.len(), failures.join("\n"));
    }

    /// The engine's masks say what the rules say: a rule reads exactly the chunks its `reads`
    /// fits, and the stages start where the catalogue's stages do.
    #[test]
    fn the_flat_list_is_the_catalogue() {
        let flat: Vec<Rule> = FLAT.rules.iter().map(|r| r.rule).collect();
        let listed: Vec<Rule> = CHUNK_RULES.iter().flat_map(|s| s.iter()).map(|r| r.rule).collect();
        assert_eq!(flat, listed);
        let mut index = 0;
        for stage in CHUNK_RULES {
            for _ in stage.iter() {
                assert!(usize::from(FLAT.stage_start[index]) <= index);
                index += 1;
            }
        }
        for (i, rule) in FLAT.rules.iter().enumerate() {
            assert_ne!(FLAT.reads[rule.reads as usize] & 1 << i, 0, "{}", rule.rule);
        }
    }
}
