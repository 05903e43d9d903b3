//! Rules that decide places: regions, towns named by the words around them, and the listed places
//! that are something else where they stand.

use super::chunk::Chunk;
use super::decision::{ChunkRule, Decision, Example, Reads};
use super::reader::{Found, Reader};
use super::units::{Part, Unit};
use crate::label::Label;
use crate::rule::Rule;
use crate::token::{Case, TokenKind};

/// `compass-region`: "the West", "in the South" (elsewhere "West" is a surname, "Kanye West", or
/// part of a name, "West Bank").
pub(crate) const COMPASS_REGION: ChunkRule = ChunkRule {
    rule: Rule::CompassRegion,
    reads: Reads::Word,
    decide: compass_region,
    examples: &[
        Example::Finds("Protests spread across the [South] overnight.", Label::Place),
        Example::Ignores("Kanye West sang."),
        Example::Ignores("South of the river, the water rose."),
    ],
};

fn compass_region(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone_word().filter(|_| c.parts.len() == 1)?;
    let region = COMPASS_REGIONS.contains(&r.word(unit.first))
        && r.doc.previous_solid(unit.first).is_some_and(|p| matches!(r.word(p), "the" | "The"));
    region.then(|| Decision::Name(Found::name(unit.first, unit.last, Label::Place)))
}

/// `town-of`: "the West Coast town of Oban", "the port city of Hodeidah", "the village of Kafr
/// Nabl" (the whole chunk).
pub(crate) const TOWN_OF: ChunkRule = ChunkRule {
    rule: Rule::TownOf,
    reads: Reads::WordBefore,
    decide: town_of,
    examples: &[
        Example::Finds("Rebels shelled the village of [Kafr Tolla] at dawn.", Label::Place),
        Example::Ignores("The mayor of Kafr Tolla resigned."),
    ],
};

fn town_of(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let plain = c.parts.iter().all(|p| matches!(p, Part::Unit(u) if u.hit.is_none()));
    (plain && r.place_noun_before(c.first())).then(|| Decision::Name(Found::name(c.first(), c.last(), Label::Place)))
}

/// `town-comma-place`: "from Irving, Texas, was held"; "Bogliasco, Liguria." (not "Cornyn, Texas
/// senator": the place must end the phrase).
pub(crate) const TOWN_COMMA_PLACE: ChunkRule = ChunkRule {
    rule: Rule::TownCommaPlace,
    reads: Reads::Word,
    decide: town_comma_place,
    examples: &[
        Example::Finds("A teacher from [Quorville], Texas, was arrested.", Label::Place),
        Example::Ignores("Quorville, Texas senator, spoke."),
    ],
};

fn town_comma_place(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone_word().filter(|_| c.parts.len() == 1)?;
    r.place_follows(unit.last).then(|| Decision::Name(Found::name(unit.first, unit.last, Label::Place)))
}

/// `speaking-place-name`: "Jordan said", "…,” said Madison": a one-word place that is also a
/// given name or surname, next to a reporting verb, names a person (a country never does).
pub(crate) const SPEAKING_PLACE_NAME: ChunkRule = ChunkRule {
    rule: Rule::SpeakingPlaceName,
    reads: Reads::Listed,
    decide: speaking_place_name,
    examples: &[
        Example::Finds("“We will appeal,” [Madison] said.", Label::Person),
        Example::Ignores("“We will appeal,” Jordan said of the ruling in Amman."),
    ],
};

fn speaking_place_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone()?;
    let speaks = c.ambiguous_place(r) && r.place_speaks(unit);
    speaks.then(|| Decision::Name(Found::name(unit.first, unit.last, Label::Person)))
}

/// `ambiguous-place`: a one-word listed place that opens a sentence as an ordinary word
/// ("Reading is fun", "Nice work") or names a person ("Jordan said") is no place; countries
/// always are ("China said…").
pub(crate) const AMBIGUOUS_PLACE: ChunkRule = ChunkRule {
    rule: Rule::AmbiguousPlace,
    reads: Reads::Listed,
    decide: ambiguous_place,
    examples: &[
        Example::KeepsOut("[Reading] is a pleasure."),
        Example::Ignores("She moved to Reading last year."),
        Example::Ignores("China said it would reply."),
    ],
};

fn ambiguous_place(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    c.ambiguous_place(r).then_some(Decision::NoName)
}

/// Compass words that name a region when they stand alone after "the".
const COMPASS_REGIONS: &[&str] = &["West", "East", "North", "South", "Midwest", "Mideast"];

impl Chunk<'_> {
    /// Whether the chunk is one listed place that is something else where it stands, found once.
    pub fn ambiguous_place(&self, r: &Reader<'_, '_>) -> bool {
        *self.facts.ambiguous_place.get_or_init(|| self.lone().is_some_and(|unit| r.is_ambiguous_place(unit)))
    }
}

impl Reader<'_, '_> {
    /// Whether a listed unit is a one-word place that is something else where it stands:
    /// - an ordinary English word at the start of a sentence ("Reading is…", "Nice work"),
    ///   unless it names a country ("China said…");
    /// - a given name or surname that a reporting verb follows ("Jordan said"), unless it names
    ///   a country: then it is a person (`speaking-place-name`).
    pub(crate) fn is_ambiguous_place(&self, unit: Unit) -> bool {
        let Some(hit) = unit.hit else { return false };
        if unit.first != unit.last || self.hit_label(hit) != Label::Place {
            return false;
        }
        let word = self.word(unit.first);
        if self.lexicon.is_country(word) || self.doc.tokens[unit.first].kind != TokenKind::Word(Case::Capitalized) {
            return false;
        }
        let ordinary = self.doc.is_sentence_initial(unit.first) && self.lexicon.is_english(word);
        ordinary || self.place_speaks(unit)
    }

    /// Whether `ambiguous-place` drops a listed unit wherever it stands.
    pub(crate) fn drops_ambiguous_place(&self, unit: Unit) -> bool {
        self.enabled(Rule::AmbiguousPlace) && self.is_ambiguous_place(unit)
    }

    /// Whether a one-word place that is also a given name or surname is next to a reporting verb
    /// ("Jordan said", "…,” said Madison"), and names no country.
    fn place_speaks(&self, unit: Unit) -> bool {
        let word = self.word(unit.first);
        unit.first == unit.last
            && !self.lexicon.is_country(word)
            && (self.lexicon.given_name(word).is_some() || self.lexicon.is_surname(word))
            && (self.cue_after(unit.last) || self.cue_before(unit.first))
    }

    /// Whether "town of", "city of", "village of" (and the like) come right before token `first`.
    fn place_noun_before(&self, first: usize) -> bool {
        let Some(of) = self.doc.previous_solid(first) else { return false };
        if self.word(of) != "of" {
            return false;
        }
        let Some(noun) = self.doc.previous_solid(of) else { return false };
        self.doc.tokens[noun].kind == TokenKind::Word(Case::Lower)
            && matches!(
                self.word(noun),
                "town"
                    | "city"
                    | "village"
                    | "hamlet"
                    | "port"
                    | "province"
                    | "district"
                    | "island"
                    | "region"
                    | "municipality"
                    | "commune"
                    | "suburb"
                    | "neighbourhood"
                    | "neighborhood"
                    | "township"
            )
    }

    /// Whether token `last` is followed by a comma, a space and a one-hit place that ends the
    /// phrase (a comma, full stop, semicolon, bracket, line break or the end follows it).
    fn place_follows(&self, last: usize) -> bool {
        let tokens = &self.doc.tokens;
        let comma = last + 1;
        let place = comma + 2;
        if !self.word_is(comma, ",") || !self.is_gap(comma + 1) || !tokens[last].is_capitalized() {
            return false;
        }
        let Some(hit) = self.hit_at(place) else { return false };
        if self.hit_label(hit) != Label::Place {
            return false;
        }
        let end = self.hits[hit].tokens.end;
        match tokens.get(end).map(|t| t.kind) {
            None | Some(TokenKind::LineBreak) => true,
            Some(_) => matches!(self.word(end), "," | "." | ";" | ")"),
        }
    }
}
