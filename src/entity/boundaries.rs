//! Rules on what is no name, or no part of one: sentence openers, articles, titles, demonyms,
//! species, vehicles, awards and laws.

use super::chunk::Chunk;
use super::decision::{ChunkRule, Decision, Example, Peel, Piece, Reading, Reads};
use super::reader::{Found, Reader, is_pronoun};
use super::units::{JOINERS, PARTICLES, Part, Unit, next_unit};
use crate::label::Label;
use crate::lexicon::Sex;
use crate::rule::Rule;
use crate::token::{Case, TokenKind};

/// `species-name`: "Formica fusca", "Aedes aegypti".
pub(crate) const SPECIES_NAME: ChunkRule = ChunkRule {
    rule: Rule::SpeciesName,
    reads: Reads::WordAfter,
    decide: species_name,
    examples: &[
        Example::KeepsOut("Hedges where [Rosa] canina grows are wild."),
        Example::Ignores("Hedges where Rosa Parks grew up are wild."),
    ],
};

fn species_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone_word()?;
    (c.parts.len() == 1 && !c.after.is_empty() && r.species_after(unit.last)).then_some(Decision::NoName)
}

/// `vehicle-name`: "the Galileo and Ulysses spacecraft", "the Hubble telescope".
pub(crate) const VEHICLE_NAME: ChunkRule = ChunkRule {
    rule: Rule::VehicleName,
    reads: Reads::WordAfter,
    decide: vehicle_name,
    examples: &[
        Example::KeepsOut("Engineers said the [Tobias Wendle] telescope was ready."),
        Example::Ignores("The NASA spacecraft reached orbit."),
    ],
};

fn vehicle_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let no_hit = c.units.iter().all(|u| u.hit.is_none());
    let word = matches!(c.after, "and" | "or") || is_thing_word(c.after);
    (word && no_hit && r.thing_after(c.last())).then_some(Decision::NoName)
}

/// `sentence-opener`: "Recently, …", "However …" (kept aside as a possible short form).
pub(crate) const SENTENCE_OPENER: ChunkRule = ChunkRule {
    rule: Rule::SentenceOpener,
    reads: Reads::Any,
    decide: sentence_opener,
    examples: &[
        Example::KeepsOut("[Secure] Communities Inc. said nothing."),
        Example::Ignores("Will Smith arrived late."),
        Example::Ignores("Police Scotland said the road was closed."),
    ],
};

fn sentence_opener(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.units[0];
    let word = c.head;
    let opener = unit.hit.is_none()
        && unit.first == unit.last
        && !matches!(word, "The" | "A" | "An")
        && r.doc.is_sentence_initial(unit.first)
        && r.lexicon.is_english(word)
        && r.lexicon.titles.match_at(r.doc, unit.first).is_none()
        && !r.given_name_leading(c)
        && !r.head_before_place(c.parts)
        && !(r.enabled(Rule::AddressedName) && r.addressed(unit));
    if !opener {
        return None;
    }
    // Still a short form if an entity named earlier uses it ("Manning said").
    let mention = (!is_pronoun(word)).then(|| Found::bare(unit.first, unit.last));
    Some(Decision::Peel(Peel { to: next_unit(c.parts, 0), mention, title: None }))
}

/// `leading-article`: "The Ferrer case", "A Havana court".
pub(crate) const LEADING_ARTICLE: ChunkRule = ChunkRule {
    rule: Rule::LeadingArticle,
    reads: Reads::Any,
    decide: leading_article,
    examples: &[
        Example::KeepsOut("She read [The] Quorvish Times daily."),
        Example::Ignores("She read the Quorvish Times daily."),
    ],
};

fn leading_article(_: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let article = matches!(c.head, "The" | "A" | "An");
    article.then(|| Decision::Peel(Peel { to: next_unit(c.parts, 0), mention: None, title: None }))
}

/// `name-before-title`: "UK Foreign Secretary David Miliband" (the listed name is a mention).
pub(crate) const NAME_BEFORE_TITLE: ChunkRule = ChunkRule {
    rule: Rule::NameBeforeTitle,
    reads: Reads::Any,
    decide: name_before_title,
    examples: &[
        Example::Finds("The UK Foreign Secretary [Wendle] said it.", Label::Person),
        Example::Ignores("Spain beat Italy."),
    ],
};

fn name_before_title(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.units[0];
    let hit = unit.hit?;
    let (to, sex) = r.title_after(c.parts, next_unit(c.parts, 0))?;
    Some(Decision::Peel(Peel { to, mention: Some(r.listed(unit, hit)), title: Some(sex) }))
}

/// `title`: "Congresswoman María Elvira Salazar", "Mr. Toccafondi".
pub(crate) const TITLE: ChunkRule = ChunkRule {
    rule: Rule::Title,
    reads: Reads::Any,
    decide: title,
    examples: &[
        Example::KeepsOut("[Mr.] Toccafondi disagreed."),
        Example::Ignores("The First Minister of Scotland spoke."),
    ],
};

fn title(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    if c.units[0].hit.is_some() {
        return None;
    }
    let (to, sex) = r.title_at(c.parts, 0)?;
    Some(Decision::Peel(Peel { to, mention: None, title: Some(sex) }))
}

/// `demonym-phrase`: "Puerto Rican", "Hong Konger" (a one-word demonym may be a surname, and is
/// read by the later rules).
pub(crate) const DEMONYM_PHRASE: ChunkRule = ChunkRule {
    rule: Rule::DemonymPhrase,
    reads: Reads::Several,
    decide: demonym_phrase,
    examples: &[Example::KeepsOut("Many [Puerto Rican] voters stayed home."), Example::Ignores("Puerto Rico voted.")],
};

fn demonym_phrase(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let (first, last) = (c.first(), c.last());
    let phrase = c.units.len() > 1
        && c.units[0].hit.is_none()
        && r.lexicon.demonyms.match_at(r.doc, first).is_some_and(|(end, _)| end == last);
    phrase.then_some(Decision::NoName)
}

/// `award-or-law`: "the Nobel Prize", "a Booker Prize-winner", "the Dodd-Frank Act"; a known
/// organization or place in the name is still named ("the Kennedy Center Honors" is read
/// elsewhere). Not in a joined chunk: "School of Law"; "Hillary Clinton and the Second
/// Amendment" is split first. ("Law" after a given name is a surname: "Jude Law".)
pub(crate) const AWARD_OR_LAW: ChunkRule = ChunkRule {
    rule: Rule::AwardOrLaw,
    reads: Reads::Unjoined,
    decide: award_or_law,
    examples: &[Example::KeepsOut("She won the [Nobel] Prize."), Example::Ignores("Jude Law starred.")],
};

fn award_or_law(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let award = c.units.last()?;
    let word = r.word(award.first);
    let is_award = c.units.len() >= 2
        && !c.joined
        && award.hit.is_none()
        && award.first == award.last
        && AWARD_WORDS.contains(&word)
        && !(word == "Law" && r.lexicon.given_name(r.unit_text(c.units[0])).is_some());
    if !is_award {
        return None;
    }
    let listed = (0..c.units.len())
        .filter(|&k| {
            let unit = c.units[k];
            unit.hit.is_some_and(|h| r.hit_label(h) != Label::Person) && !r.drops_ambiguous_place(unit)
        })
        .map(|k| {
            let part = c.part_of_unit(k);
            Piece { parts: part..part + 1, reading: Reading::Listed }
        })
        .collect::<Vec<_>>();
    Some(if listed.is_empty() { Decision::NoName } else { Decision::Pieces(listed) })
}

/// `demonym-group`: "Republicans and Democrats" ("College Republicans" is one name).
pub(crate) const DEMONYM_GROUP: ChunkRule = ChunkRule {
    rule: Rule::DemonymGroup,
    reads: Reads::Several,
    decide: demonym_group,
    examples: &[
        Example::KeepsOut("Both [Republicans and Democrats] objected."),
        Example::Ignores("The College Republicans objected."),
    ],
};

fn demonym_group(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let group = c.units.len() >= 2 && c.units.iter().all(|u| r.is_demonym_unit(*u));
    group.then_some(Decision::NoName)
}

/// Capitalised words that end the name of an award or of a law or treaty, none of them an
/// entity: "Nobel Prize", "Golden Globe Award", "Patriot Act", "Radio Control Law", "Second
/// Amendment".
const AWARD_WORDS: &[&str] = &[
    "Prize",
    "Prizes",
    "Award",
    "Awards",
    "Medal",
    "Trophy",
    "Act",
    "Law",
    "Treaty",
    "Amendment",
    "Accord",
    "Accords",
];

/// Lowercase words after a name that make it the name of a thing: "the Galileo spacecraft", "the
/// Hubble telescope", "the Abrams tank".
fn is_thing_word(word: &str) -> bool {
    matches!(
        word,
        "spacecraft"
            | "spaceship"
            | "probe"
            | "probes"
            | "rover"
            | "lander"
            | "orbiter"
            | "satellite"
            | "satellites"
            | "telescope"
            | "rocket"
            | "rockets"
            | "capsule"
            | "browser"
            | "smartphone"
            | "aircraft"
            | "helicopter"
            | "helicopters"
            | "drone"
            | "drones"
            | "missile"
            | "missiles"
            | "tank"
            | "tanks"
            | "submarine"
            | "warship"
    )
}

impl Reader<'_, '_> {
    /// Whether the species word of a binomial follows token `last`: a lowercase word of four
    /// letters or more that is no English word and has a Latin ending ("fusca", "aegypti",
    /// "sapiens", "falciparum").
    fn species_after(&self, last: usize) -> bool {
        let i = last + 2;
        if !self.is_gap(last + 1)
            || !matches!(self.doc.tokens.get(i).map(|t| t.kind), Some(TokenKind::Word(Case::Lower)))
        {
            return false;
        }
        let word = self.word(i);
        word.len() >= 4
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && ["a", "ae", "i", "is", "us", "um", "ens"].iter().any(|end| word.ends_with(end))
            && !self.lexicon.is_english(word)
            && !PARTICLES.contains(&word)
            && !JOINERS.contains(&word)
    }

    /// Whether a lowercase word for a vehicle, instrument or program follows token `last`
    /// ("Galileo spacecraft"), also after a coordinated name ("Galileo and Ulysses spacecraft").
    fn thing_after(&self, last: usize) -> bool {
        let Some(mut next) = self.doc.next_solid(last) else { return false };
        if matches!(self.word(next), "and" | "or")
            && let Some(name) = self.doc.next_solid(next)
            && self.is_name_word(name)
            && let Some(after) = self.doc.next_solid(name)
        {
            next = after;
        }
        self.is_kind(next, TokenKind::Word(Case::Lower)) && is_thing_word(self.word(next))
    }

    /// Whether the first unit is a given name followed by another name unit ("Will Smith").
    fn given_name_leading(&self, c: &Chunk<'_>) -> bool {
        self.lexicon.given_name(c.head).is_some() && next_unit(c.parts, 0) < c.parts.len()
    }

    /// Whether the first unit is an organization head word right before a known place that ends
    /// the chunk: "Team Estonia", "Police Scotland" (a team or force of the place).
    fn head_before_place(&self, parts: &[Part]) -> bool {
        let Some(Part::Unit(unit)) = parts.first() else { return false };
        parts.len() == 2
            && !self.is_demonym_unit(*unit)
            && matches!(parts[1], Part::Unit(Unit { hit: Some(h), .. }) if self.hit_label(h) == Label::Place)
            && self
                .lexicon
                .heads
                .match_at(self.doc, unit.first)
                .is_some_and(|(end, l)| end == unit.last && l == Label::Org)
    }

    /// A title phrase starting at part `index` and ending before the last unit: the index of the
    /// part after it and the title's gender hint.
    pub(crate) fn title_at(&self, parts: &[Part], index: usize) -> Option<(usize, Sex)> {
        let Part::Unit(unit) = parts.get(index)? else { return None };
        let (end, title) = self.lexicon.titles.match_at(self.doc, unit.first)?;
        // The title must end on a unit boundary, and a name must follow it.
        let mut next = index;
        while next < parts.len() {
            if let Part::Unit(u) = parts[next] {
                if u.last == end {
                    next += 1;
                    break;
                }
                if u.last > end {
                    return None;
                }
            }
            next += 1;
        }
        // "Minister of Energy", "First Minister of Scotland": a title joined to what follows is a
        // role of something, not a title before a name.
        if let Some(Part::Link { joiner: true }) = parts.get(next) {
            return None;
        }
        while let Some(Part::Link { .. }) = parts.get(next) {
            next += 1;
        }
        (next < parts.len()).then_some((next, title.sex))
    }

    /// A title right at part `index`, as [`title_at`](Self::title_at).
    fn title_after(&self, parts: &[Part], index: usize) -> Option<(usize, Sex)> {
        if index >= parts.len() {
            return None;
        }
        self.title_at(parts, index)
    }
}
