//! Name rules: capitalised stretches of text ("chunks") turned into PERSON, ORG, PLACE and PRISON
//! candidates, with or without the gazetteer.
//!
//! A chunk is a run of name units — capitalised words, initials ("J."), abbreviated titles
//! ("Mr."), `al-` names, names with an elided particle ("d'Ettorre") and gazetteer hits — joined
//! by single spaces, hyphens ("Díaz-Balart"), name particles ("de la", "dos", "van", "bin") and,
//! inside organization names, joiners ("of", "for", "and", "the"). Each chunk is then read from
//! the left:
//!
//! 1. **Sentence-initial words** that are ordinary English words ("Recently", "However", "The")
//!    are dropped: capitalisation at the start of a sentence is not evidence of a name.
//! 2. **Prefixes** are peeled off: titles and roles ("Congresswoman", "Secretary of State",
//!    "Mr."), demonyms before a title ("Spanish Foreign Minister"), and a gazetteer name before a
//!    title, which stays a mention of its own ("UK" in "UK Foreign Secretary David Miliband").
//! 3. **Heads** decide organizations, prisons and places: the rightmost head word of the rest
//!    ("Union" in "Patriotic Union of Cuba", "Prison" in "Evin Prison", "Service" in "Scottish
//!    Prison Service", "Bay" in "Bay of Pigs") gives its label to the whole stretch.
//! 4. **Gazetteer names** that make up the whole rest keep their label.
//! 5. **People** need evidence: a title, a known given name first ("Eliécer Góngora"), a kinship
//!    or role word before ("his wife Nelva Ismarays Ortega"), a reporting verb after ("Ortega
//!    assured"), or words that are all known given names and surnames.
//! 6. Otherwise the chunk is split at its joiners and the parts are read again, so that "Cuba and
//!    the United States" gives two places.
//!
//! Before step 1, the words around a chunk may decide it outright: an organization type word
//! before it ("the law firm Perkins Coie"), a species or vehicle word after it ("Formica fusca",
//! "the Galileo spacecraft"), a naming verb and pronoun before it ("they called him The
//! Birdman"). A name written surname first in a reading list ("Twain, Mark.") is taken whole
//! before chunking. DESIGN.md lists every rule with its examples.
//!
//! After the label, context may extend a candidate: a lowercase "prison"/"jail" after a name makes
//! it a prison and joins the span ("Mar Verde prison"); a quoted name after an organization joins
//! it ("Civic Resistance Front 'Orlando Zapata Tamayo'"); a quoted name after a person is their
//! nickname ("Jorge Luis García Pérez “Antúnez”"); a quoted name after a type word is an
//! organization ("the civic platform ‘Cuba Decide’"); an acronym in brackets after an
//! organization is its alias ("Patriotic Union of Cuba (UNPACU)").

use crate::document::Document;
use crate::gazetteer::Hit;
use crate::label::Label;
use crate::lexicon::{Lexicon, Sex};
use crate::rule::Rule;
use crate::span::Span;
use crate::token::{Case, QuoteRole, TokenKind};
use std::borrow::Cow;

/// How a candidate was found; clustering treats them differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A full name: from the gazetteer (with its entry) or built by a rule.
    Name { entry: Option<u32> },
    /// A single capitalised word with no evidence of its own: it counts only if it is a short
    /// form of an entity already named (a surname, a defined acronym).
    Bare,
    /// A nickname in quotation marks right after the person it names.
    Nickname,
    /// An acronym in brackets right after the organization it names.
    Acronym,
}

/// A candidate mention.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub span: Span,
    /// First and last token (inclusive).
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub kind: Kind,
    /// The gender hint from a title or kinship word before the name.
    pub sex: Sex,
    /// Whether a title or role came right before the name ("President", "Mr.").
    pub titled: bool,
    /// The rule that found it.
    pub rule: Rule,
}

/// Lowercase words that join the parts of a person's or place's name.
const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "du", "van", "von", "der", "den", "ter", "ten",
    "le", "bin", "ibn", "bint", "abu", "y", "e", "zu", "st",
];

/// Lowercase words that join the parts of an organization's name, never a person's.
const JOINERS: &[&str] = &["of", "for", "and", "the", "on", "in", "at", "to", "against", "des", "et", "für", "und"];

/// Arabic articles written before a hyphen: "al-Hathloul", "el-Sisi", "ash-Shaykh".
const ARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"];

/// Lowercase words after a name that make it a prison: "Mar Verde prison", "Peterhead jail".
const PRISON_WORDS: &[&str] = &["prison", "jail", "gaol", "penitentiary"];

/// Lowercase two-word prison phrases after a name: "Toronto West detention centre".
const PRISON_PHRASES: &[(&str, &str)] = &[
    ("detention", "center"),
    ("detention", "centre"),
    ("detention", "facility"),
    ("penal", "colony"),
    ("prison", "camp"),
    ("labor", "camp"),
    ("labour", "camp"),
    ("correctional", "facility"),
];

/// Lowercase words before a quoted name that make it an organization's name.
fn is_org_type_word(word: &str) -> bool {
    matches!(
        word,
        "platform"
            | "movement"
            | "group"
            | "organization"
            | "organisation"
            | "campaign"
            | "party"
            | "coalition"
            | "network"
            | "initiative"
            | "association"
            | "collective"
            | "alliance"
            | "front"
            | "union"
            | "newspaper"
            | "magazine"
            | "outlet"
            | "website"
            | "site"
            | "portal"
            | "channel"
            | "agency"
            | "foundation"
            | "company"
            | "firm"
            | "band"
            | "club"
            | "team"
    )
}

/// Lowercase words that end hyphenated compounds after a name ("Gulf War-era", "Bush-led"): not
/// the syllable of a given name.
const COMPOUND_ENDINGS: &[&str] = &[
    "era", "led", "run", "born", "made", "like", "type", "wide", "free", "old", "new", "age", "day", "year", "size",
    "fed", "held", "only", "area", "zone", "bred", "tied", "less", "ish", "long", "ward", "wise", "rich", "poor",
    "hit", "plus", "side", "base", "win", "loss", "ally", "ism", "ist", "ite", "ian", "esque",
];

/// Capitalised words that end the name of an award or of a law or treaty, none of them an
/// entity: "Nobel Prize", "Golden Globe Award", "Patriot Act", "Radio Control Law", "Second
/// Amendment". ("Law" after a given name is a surname: "Jude Law".)
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

/// Plural organization type words, and singular ones that only come before a quoted name in
/// [`is_org_type_word`]'s company: "the schools Santo Spirito and Immacolata".
fn is_org_type_plural(word: &str) -> bool {
    matches!(
        word,
        "periodical"
            | "journal"
            | "school"
            | "schools"
            | "college"
            | "hospital"
            | "newspapers"
            | "magazines"
            | "companies"
            | "firms"
            | "groups"
            | "parties"
            | "organizations"
            | "organisations"
            | "charity"
            | "charities"
            | "bands"
            | "clubs"
            | "teams"
            | "publishers"
            | "broadcasters"
    )
}

/// Lowercase words before a name that say it is a person: kin and roles (with a gender hint).
const PERSON_CONTEXT: &[(&str, Sex)] = &[
    ("wife", Sex::Female),
    ("husband", Sex::Male),
    ("sister", Sex::Female),
    ("brother", Sex::Male),
    ("mother", Sex::Female),
    ("father", Sex::Male),
    ("daughter", Sex::Female),
    ("son", Sex::Male),
    ("widow", Sex::Female),
    ("niece", Sex::Female),
    ("nephew", Sex::Male),
    ("aunt", Sex::Female),
    ("uncle", Sex::Male),
    ("cousin", Sex::Unknown),
    ("partner", Sex::Unknown),
    ("girlfriend", Sex::Female),
    ("boyfriend", Sex::Male),
    ("spokeswoman", Sex::Female),
    ("spokesman", Sex::Male),
    ("chairwoman", Sex::Female),
    ("chairman", Sex::Male),
    ("businessman", Sex::Male),
    ("businesswoman", Sex::Female),
    ("congressman", Sex::Male),
    ("congresswoman", Sex::Female),
];

/// Weekdays: capitalised, never names.
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Compass words that name a region when they stand alone after "the" ("the West", "in the
/// South"); anywhere else they are surnames ("Kanye West") or parts of names ("West Bank").
const COMPASS_REGIONS: &[&str] = &["West", "East", "North", "South", "Midwest", "Mideast"];

/// Months, and their abbreviations: not names next to a number.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// One name unit of a chunk: tokens `first..=last`, and the gazetteer hit it is, if any.
#[derive(Clone, Copy, Debug)]
struct Unit {
    first: usize,
    last: usize,
    hit: Option<usize>,
}

/// A piece of a chunk: a name unit, or the connector words before the next unit.
#[derive(Clone, Copy, Debug)]
enum Part {
    Unit(Unit),
    /// Connector tokens `first..=last`; `joiner` when one of them is an organization joiner.
    Link {
        joiner: bool,
    },
}

/// The rule engine over one document.
pub(crate) struct Rules<'a, 'd> {
    doc: &'a Document<'d>,
    hits: &'a [Hit],
    lexicon: &'a Lexicon,
    /// One bit per token: whether a gazetteer hit starts there (a bit, not a hit index per
    /// token, so that the table is 1/32 of the size of the token list and stays in cache).
    hit_starts: Vec<u64>,
    /// For each paragraph, whether it is written in title case (a headline).
    title_case: Vec<bool>,
    out: Vec<Candidate>,
}

impl<'a, 'd> Rules<'a, 'd> {
    pub fn new(doc: &'a Document<'d>, hits: &'a [Hit], lexicon: &'a Lexicon) -> Self {
        let mut hit_starts = vec![0u64; doc.tokens.len().div_ceil(64)];
        for hit in hits {
            hit_starts[hit.tokens.start / 64] |= 1 << (hit.tokens.start % 64);
        }
        let title_case = doc
            .paragraphs
            .iter()
            .map(|p| {
                // Headlines do not end with a full stop; a sentence full of names does. (Tested
                // first: most paragraphs end so, and need no count.)
                if doc.text[p.span].ends_with('.') {
                    return false;
                }
                let long = doc.tokens[p.tokens.clone()].iter().filter(|t| t.is_word() && t.span().len() >= 4);
                let (words, capitalised) = long.fold((0, 0), |(w, c), t| (w + 1, c + usize::from(t.is_capitalized())));
                words >= 4 && capitalised * 5 >= words * 4
            })
            .collect();
        // Room for a candidate every 16 tokens (the Wikinews bench corpus has one every 21), so
        // that the list is not copied to grow as it fills.
        let out = Vec::with_capacity(doc.tokens.len() / 16 + 1);
        Rules { doc, hits, lexicon, hit_starts, title_case, out }
    }

    /// Whether a gazetteer hit starts at token `i`.
    fn starts_hit(&self, i: usize) -> bool {
        self.hit_starts.get(i / 64).is_some_and(|bits| bits & (1 << (i % 64)) != 0)
    }

    /// The index of the gazetteer hit that starts at token `i`, if one does (hits are in text
    /// order and disjoint).
    fn hit_at(&self, i: usize) -> Option<usize> {
        self.starts_hit(i).then(|| self.hits.partition_point(|h| h.tokens.start < i))
    }

    /// Runs the rules over the whole document; candidates come out in text order, disjoint.
    pub fn run(&mut self) -> Vec<Candidate> {
        let n = self.doc.tokens.len();
        // Names written surname first open their paragraph: found per paragraph, so that the
        // token loop below carries no test of its own for them.
        let inverted = self.inverted_names();
        let mut pending = inverted.iter().copied();
        // One buffer for the parts of every chunk.
        let mut parts = Vec::new();
        let mut i = 0;
        loop {
            let next = pending.next();
            let stop = next.map_or(n, |(first, _)| first);
            while i < stop {
                // Space is nearly half of all tokens, and no name or hit starts there.
                if self.doc.tokens[i].kind == TokenKind::Space {
                    i += 1;
                    continue;
                }
                if let Some(unit) = self.unit_at(i) {
                    let last = self.chunk_from(unit, &mut parts);
                    self.read_chunk(&parts);
                    i = last + 1;
                    i = self.after_chunk(i);
                } else {
                    i += 1;
                }
            }
            match next {
                // "Twain, Mark." in a reading list: one mention, the comma inside.
                Some((first, last)) if i == first => {
                    self.push(first, last, Label::Person, Kind::Name { entry: None }, Rule::SurnameFirst);
                    i = last + 1;
                }
                Some(_) => {}
                None => break,
            }
        }
        std::mem::take(&mut self.out)
    }

    /// The names written surname first in the document, as (first token, last token), in text
    /// order: one may open each paragraph, and each may be followed by "and" and another.
    fn inverted_names(&self) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for paragraph in &self.doc.paragraphs {
            let Some(mut first) = paragraph.tokens.clone().find(|&t| !self.doc.tokens[t].is_blank()) else {
                continue;
            };
            let mut after = None;
            while let Some(last) = self.inverted_name(first, after) {
                found.push((first, last));
                // "Marx, Karl and Engels, Friedrich."
                let Some(and) = self.doc.next_solid(last).filter(|&a| matches!(self.word(a), "and" | "&")) else {
                    break;
                };
                let Some(next) = self.doc.next_solid(and) else { break };
                first = next;
                after = Some(last);
            }
        }
        found
    }

    // ----- chunking -----

    fn word(&self, i: usize) -> &'d str {
        self.doc.word(i)
    }

    fn is_kind(&self, i: usize, kind: TokenKind) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == kind)
    }

    fn is_name_word(&self, i: usize) -> bool {
        matches!(self.doc.tokens.get(i).map(|t| t.kind), Some(TokenKind::Word(Case::Capitalized | Case::Upper)))
    }

    fn is_lower_word(&self, i: usize, list: &[&str]) -> bool {
        matches!(self.doc.tokens.get(i).map(|t| t.kind), Some(TokenKind::Word(Case::Lower)))
            && list.contains(&self.word(i))
    }

    /// The name unit that starts at token `i`, if one does.
    ///
    /// This runs once per token of the document; most tokens are space, punctuation or
    /// lower-case words that no hit starts at, and are turned away here without a call.
    #[inline(always)]
    fn unit_at(&self, i: usize) -> Option<Unit> {
        let kind = self.doc.tokens.get(i)?.kind;
        let plain_lower = kind == TokenKind::Word(Case::Lower) && !self.is_kind(i + 1, TokenKind::Dash);
        if (plain_lower || !matches!(kind, TokenKind::Word(_))) && !self.starts_hit(i) {
            return None;
        }
        self.unit_from(i)
    }

    /// [`unit_at`](Self::unit_at) for the tokens that may start a unit.
    fn unit_from(&self, i: usize) -> Option<Unit> {
        let tokens = &self.doc.tokens;
        if let Some(hit) = self.hit_at(i)
            && !self.is_currency(self.hits[hit].tokens.end - 1)
        {
            return Some(Unit { first: i, last: self.hits[hit].tokens.end - 1, hit: Some(hit) });
        }
        // "al-Hathloul": an Arabic article, a hyphen, a capitalised word, written together.
        if self.is_kind(i + 1, TokenKind::Dash)
            && self.is_lower_word(i, ARTICLES)
            && self.word(i + 1) == "-"
            && self.is_name_word(i + 2)
        {
            return Some(Unit { first: i, last: i + 2, hit: None });
        }
        match tokens.get(i).map(|t| t.kind) {
            Some(TokenKind::Word(Case::Capitalized | Case::Upper)) => {}
            // "d'Ettorre", "d’Alembert": an elided particle written onto a capitalised name.
            Some(TokenKind::Word(Case::Mixed)) if is_elided_particle_name(self.word(i)) => {
                return Some(Unit { first: i, last: i, hit: None });
            }
            _ => return None,
        }
        if self.is_calendar_word(i) || self.is_caption_label(i) {
            return None;
        }
        // An abbreviated title or an initial keeps its period: "Mr.", "Gen.", "J.".
        let period =
            tokens.get(i + 1).is_some_and(|t| t.span().start == tokens[i].span().end) && self.word_is(i + 1, ".");
        if !period && (self.word(i) == "I" || is_contraction(self.word(i))) {
            return None;
        }
        // In a headline written in title case, capitalised ordinary words are not names
        // ("Hollande Says Trump …"); gazetteer names were taken above.
        if self.title_case_paragraph(i) {
            let word = self.word(i);
            if self.lexicon.is_english(word) && self.lexicon.given_name(word).is_none() {
                return None;
            }
        }
        if period {
            let initial = self.word(i).chars().count() == 1;
            let abbreviation = self.lexicon.titles.match_at(self.doc, i).is_some_and(|(end, _)| end == i + 1);
            let suffix = matches!(self.word(i), "Jr" | "Sr" | "St");
            if initial || abbreviation || suffix {
                return Some(Unit { first: i, last: i + 1, hit: None });
            }
        }
        Some(Unit { first: i, last: i, hit: None })
    }

    /// Whether token `last` ends a currency code rather than a name: "US$ 20,000", "HK$".
    fn is_currency(&self, last: usize) -> bool {
        self.doc.tokens.get(last + 1).is_some_and(|t| t.span().start == self.doc.tokens[last].span().end)
            && self.word_is(last + 1, "$")
    }

    /// A name written surname first, as reading lists and references write it, starting at
    /// token `first`: a capitalised word (a headline's too) opening its paragraph (or after "and" after such a name), a
    /// comma, a known given name and at most two more names or initials, then a full stop,
    /// "and", a bracket or the end of the line ("Twain, Mark. A Connecticut Yankee…", "Marx,
    /// Karl and Engels, Friedrich."). Returns the last token of the given names.
    fn inverted_name(&self, first: usize, after: Option<usize>) -> Option<usize> {
        let tokens = &self.doc.tokens;
        // (Weekdays and months are no surnames: "Monday, June 5.")
        let calendar = || WEEKDAYS.contains(&self.word(first)) || MONTHS.contains(&self.word(first));
        if !tokens[first].is_capitalized() || !self.word_is(first + 1, ",") || calendar() {
            return None;
        }
        // The paragraph's first word, or the word after "and" after such a name.
        let opens = match after {
            None => self.doc.previous_solid(first).is_none_or(|p| tokens[p].kind == TokenKind::LineBreak),
            Some(previous) => self.doc.previous_solid(first).is_some_and(|and| {
                matches!(self.word(and), "and" | "&") && self.doc.previous_solid(and) == Some(previous)
            }),
        };
        if !opens || !self.is_gap(first + 2) {
            return None;
        }
        let given = self.unit_at(first + 3)?;
        if given.hit.is_some() || given.first != given.last || self.lexicon.given_name(self.word(given.first)).is_none()
        {
            return None;
        }
        let mut last = given.last;
        for _ in 0..2 {
            match self.unit_at(last + 2) {
                Some(more) if self.is_gap(last + 1) && more.hit.is_none() && more.last <= more.first + 1 => {
                    last = more.last;
                }
                _ => break,
            }
        }
        // After "and" comes another inverted name ("Meanwhile, Jack and Jill…" is no list).
        let ends = match self.doc.next_solid(last) {
            None => true,
            Some(n) if matches!(self.word(n), "and" | "&") => {
                self.doc.next_solid(n).is_some_and(|m| tokens[m].is_capitalized() && self.word_is(m + 1, ","))
            }
            Some(n) => tokens[n].kind == TokenKind::LineBreak || matches!(self.word(n), "." | "("),
        };
        ends.then_some(last)
    }

    /// Whether token `i` is a caption label of news pages ("Image: Nick Moreau", "Photo: AP").
    fn is_caption_label(&self, i: usize) -> bool {
        matches!(self.word(i), "Image" | "Photo" | "Video" | "Source" | "Credit" | "Photograph" | "File")
            && self.word_is(i + 1, ":")
    }

    /// Whether token `i` opens a sentence, or a quoted sentence inside one (“Poet says…”):
    /// capitalisation there is no evidence of a name.
    fn opens_sentence(&self, i: usize) -> bool {
        self.doc.is_sentence_initial(i)
            || self
                .doc
                .previous_solid(i)
                .is_some_and(|p| self.doc.tokens[p].quote().is_some_and(|m| m.role != QuoteRole::Close))
    }

    /// Whether token `i` is a weekday, or a month not followed by a surname: capitalised, but
    /// not part of a name ("in June", "late September"; "June Carter" is a name).
    fn is_calendar_word(&self, i: usize) -> bool {
        let word = self.word(i);
        if WEEKDAYS.contains(&word) {
            return true;
        }
        if !MONTHS.contains(&word) {
            return false;
        }
        // A month is a given name only when a surname follows it ("June Carter", "April Ryan").
        let next = self.doc.next_solid(i);
        !next.is_some_and(|n| {
            self.doc.tokens[n].is_capitalized() && self.doc.tokens[i].span().end < self.doc.tokens[n].span().start
        })
    }

    /// Whether token `i` is in a paragraph written in title case: four or more words of four
    /// letters or more, at least four in five of them capitalised, and no final full stop.
    fn title_case_paragraph(&self, i: usize) -> bool {
        let paragraph = self.doc.sentences.get(self.doc.sentence_of[i] as usize).map_or(0, |s| s.paragraph);
        self.title_case.get(paragraph).copied().unwrap_or(false)
    }

    fn word_is(&self, i: usize, text: &str) -> bool {
        i < self.doc.tokens.len() && self.word(i) == text
    }

    /// Whether token `i` is horizontal space of one ordinary width (not a line break).
    fn is_gap(&self, i: usize) -> bool {
        self.is_kind(i, TokenKind::Space)
    }

    /// Extends a chunk from its first unit; returns its parts and its last token.
    fn chunk_from(&self, first: Unit, parts: &mut Vec<Part>) -> usize {
        parts.clear();
        parts.push(Part::Unit(first));
        let mut end = first.last;
        loop {
            let j = end + 1;
            // A hyphen written between two name units: "Díaz-Balart", "Abd El-Fattah".
            if self.is_kind(j, TokenKind::Dash)
                && matches!(self.word(j), "-" | "‐")
                && let Some(unit) = self.unit_at(j + 1)
                && self.doc.tokens[j + 1].span().start == self.doc.tokens[j].span().end
            {
                parts.push(Part::Link { joiner: false });
                parts.push(Part::Unit(unit));
                end = unit.last;
                continue;
            }
            // "Hau Lung-bin", "Kim Jong-un": a lowercase syllable after a hyphen ends the given
            // name of a family name and given name written the East Asian way.
            if let [Part::Unit(family), Part::Unit(given)] = parts[..]
                && self.lowercase_syllable_after(given.last)
                && self.east_asian_name(&[family, Unit { first: given.first, last: given.last + 2, hit: None }])
            {
                parts[1] = Part::Unit(Unit { first: given.first, last: given.last + 2, hit: None });
                end = given.last + 2;
                break;
            }
            if !self.is_gap(j) {
                break;
            }
            if let Some(unit) = self.unit_at(j + 1) {
                parts.push(Part::Unit(unit));
                end = unit.last;
                continue;
            }
            // Up to three connector words, each followed by a space, then a unit.
            let mut k = j + 1;
            let mut joiner = false;
            let mut links = 0;
            let mut found = None;
            while links < 3 {
                let connector =
                    self.is_lower_word(k, PARTICLES) || self.is_lower_word(k, JOINERS) || self.word_is(k, "&");
                if !connector || !self.is_gap(k + 1) {
                    break;
                }
                joiner |= !self.is_lower_word(k, PARTICLES);
                links += 1;
                if let Some(unit) = self.unit_at(k + 2) {
                    found = Some(unit);
                    break;
                }
                k += 2;
            }
            match found {
                Some(unit) => {
                    parts.push(Part::Link { joiner });
                    parts.push(Part::Unit(unit));
                    end = unit.last;
                }
                None => break,
            }
        }
        end
    }

    // ----- reading a chunk -----

    /// The label a gazetteer hit gives.
    fn hit_label(&self, hit: usize) -> Label {
        self.hits[hit].label
    }

    /// The list a gazetteer hit comes from.
    fn source(&self, hit: usize) -> Rule {
        if self.hits[hit].user { Rule::UserGazetteer } else { Rule::Gazetteer }
    }

    fn unit_text(&self, unit: Unit) -> &'d str {
        &self.doc.text[self.doc.tokens[unit.first].span().start..self.doc.tokens[unit.last].span().end]
    }

    fn read_chunk(&mut self, parts: &[Part]) {
        let (Some(Part::Unit(head)), Some(Part::Unit(tail))) = (parts.first(), parts.last()) else { return };
        // The rules on context below need a lowercase word next to the chunk: look once, and
        // call a rule only when the word is one it starts from.
        let lower = |i: Option<usize>| i.filter(|&i| self.is_kind(i, TokenKind::Word(Case::Lower)));
        let before = lower(self.doc.previous_solid(head.first)).map_or("", |b| self.word(b));
        let after = lower(self.doc.next_solid(tail.last)).map_or("", |a| self.word(a));
        // "the religious schools Santo Spirito and Immacolata in Livorno", "the newspaper
        // Granma,": names right after an organization type word are organizations, when the
        // clause goes on with no verb of theirs.
        let type_word = matches!(before, "called" | "named") || is_org_type_word(before) || is_org_type_plural(before);
        if type_word && let Some(end) = self.org_type_before(parts) {
            let (names, rest) = parts.split_at(end);
            let mut piece_start = 0;
            for index in 0..=names.len() {
                let ends = index == names.len()
                    || matches!(parts[index], Part::Link { joiner: true })
                        && matches!(parts.get(index + 1), Some(Part::Unit(u)) if self.doc.previous_solid(u.first).is_some_and(|p| matches!(self.word(p), "and" | "or")));
                if ends {
                    let mut buffer = [EMPTY_UNIT; UNITS_ON_STACK];
                    let units = units_of(&names[piece_start..index], &mut buffer);
                    if let (Some(a), Some(b)) = (units.first(), units.last()) {
                        self.push(a.first, b.last, Label::Org, Kind::Name { entry: None }, Rule::OrgTypeWord);
                    }
                    piece_start = index + 1;
                }
            }
            // "… in Livorno": the place after them is read on its own.
            if rest.len() > 1 {
                self.read_chunk(&rest[1..]);
            }
            return;
        }
        // A genus before its species is no name: "Formica fusca", "Aedes aegypti".
        if !after.is_empty()
            && let [Part::Unit(unit)] = parts
            && unit.hit.is_none()
            && unit.first == unit.last
            && self.species_after(unit.last)
        {
            return;
        }
        // A vehicle, instrument or program named after someone is not that someone: "the
        // Galileo and Ulysses spacecraft", "the Hubble telescope".
        if (matches!(after, "and" | "or") || is_thing_word(after))
            && self.thing_after(tail.last)
            && parts.iter().all(|p| !matches!(p, Part::Unit(u) if u.hit.is_some()))
        {
            return;
        }
        // "They called him The Birdman", "she calls herself the Iron Lady": a nickname.
        if matches!(before, "the" | "him" | "her" | "me" | "himself" | "herself" | "myself")
            && self.called_before(head.first)
            && parts
                .iter()
                .all(|p| !matches!(p, Part::Unit(u) if u.hit.is_some_and(|h| self.hit_label(h) != Label::Person)))
        {
            let start = if matches!(self.unit_text(*head), "The" | "A" | "An") { next_unit(parts, 0) } else { 0 };
            if let (Some(Part::Unit(from)), Some(Part::Unit(to))) = (parts.get(start), parts.last()) {
                self.push(from.first, to.last, Label::Person, Kind::Name { entry: None }, Rule::CalledNickname);
                return;
            }
        }
        let mut start = 0;
        // 1. Sentence-initial ordinary words, and a capitalised article anywhere, are not names.
        while let Some(Part::Unit(unit)) = parts.get(start) {
            let word = self.unit_text(*unit);
            let article = matches!(word, "The" | "A" | "An");
            let initial_word = unit.hit.is_none()
                && unit.first == unit.last
                && self.doc.is_sentence_initial(unit.first)
                && self.lexicon.is_english(word)
                && self.lexicon.titles.match_at(self.doc, unit.first).is_none()
                && !self.given_name_leading(parts, start)
                && !self.head_before_place(parts, start)
                && !self.addressed(*unit);
            if !(article || initial_word) {
                break;
            }
            if initial_word && !article && !is_pronoun(word) {
                // Still a short form if an entity named earlier uses it ("Manning said").
                self.push(unit.first, unit.last, Label::Person, Kind::Bare, Rule::ShortForm);
            }
            start = next_unit(parts, start);
        }
        if start >= parts.len() {
            return;
        }
        // A compass word alone after "the" is a region: "the West", "in the South".
        if let [Part::Unit(unit)] = &parts[start..]
            && unit.hit.is_none()
            && unit.first == unit.last
            && COMPASS_REGIONS.contains(&self.word(unit.first))
            && self.doc.previous_solid(unit.first).is_some_and(|p| matches!(self.word(p), "the" | "The"))
        {
            self.push(unit.first, unit.last, Label::Place, Kind::Name { entry: None }, Rule::CompassRegion);
            return;
        }
        // A name after "the town of", "the city of", "the village of"…: a place ("the West Coast
        // town of Oban", "the port city of Hodeidah"); the whole chunk, so "Kafr Nabl" too.
        if parts[start..].iter().all(|p| matches!(p, Part::Unit(u) if u.hit.is_none()))
            && let Part::Unit(unit) = &parts[start]
            && self.place_noun_before(unit.first)
        {
            let last = match parts.last() {
                Some(Part::Unit(u)) => u.last,
                _ => unit.last,
            };
            self.push(unit.first, last, Label::Place, Kind::Name { entry: None }, Rule::TownOf);
            return;
        }
        // A lone word before a comma and a known place that ends the phrase is a town in its
        // state or country: "from Irving, Texas, was arrested"; "Bogliasco, Liguria."
        if let [Part::Unit(unit)] = &parts[start..]
            && unit.hit.is_none()
            && unit.first == unit.last
            && self.place_follows(unit.last)
        {
            self.push(unit.first, unit.last, Label::Place, Kind::Name { entry: None }, Rule::TownCommaPlace);
            return;
        }
        // 2. Prefixes: titles, demonyms and names before a title.
        let mut sex = Sex::Unknown;
        let mut titled = false;
        loop {
            let Some(Part::Unit(unit)) = parts.get(start) else { return };
            let unit = *unit;
            if let Some(hit) = unit.hit
                && let Some(after) = self.title_after(parts, next_unit(parts, start))
            {
                // "UK Foreign Secretary …": the name before the title is a mention of its own.
                self.push(
                    unit.first,
                    unit.last,
                    self.hit_label(hit),
                    Kind::Name { entry: Some(self.hits[hit].entry) },
                    self.source(hit),
                );
                let (skip, title_sex) = after;
                sex = title_sex;
                titled = true;
                start = skip;
                continue;
            }
            if unit.hit.is_none()
                && let Some((skip, title_sex)) = self.title_at(parts, start)
            {
                if title_sex != Sex::Unknown {
                    sex = title_sex;
                }
                titled = true;
                start = skip;
                continue;
            }
            // A demonym before a title is dropped ("Spanish Foreign Minister …"); before anything
            // else it may be part of a name ("Cuban Rights Observatory"), which the heads decide.
            if self.is_demonym_unit(unit) && self.title_after(parts, next_unit(parts, start)).is_some() {
                start = next_unit(parts, start);
                continue;
            }
            break;
        }
        if start >= parts.len() {
            return;
        }
        self.read_rest(&parts[start..], sex, titled);
    }

    /// Whether the unit at `index` is an organization head word right before a known place that
    /// ends the chunk: "Team Estonia", "Police Scotland" (a team or force of the place).
    fn head_before_place(&self, parts: &[Part], index: usize) -> bool {
        let Some(Part::Unit(unit)) = parts.get(index) else { return false };
        let next = index + 1;
        next + 1 == parts.len()
            && !self.is_demonym_unit(*unit)
            && matches!(parts[next], Part::Unit(Unit { hit: Some(h), .. }) if self.hit_label(h) == Label::Place)
            && self
                .lexicon
                .heads
                .match_at(self.doc, unit.first)
                .is_some_and(|(end, l)| end == unit.last && l == Label::Org)
    }

    /// Whether the unit at `index` is a given name followed by another name unit ("Will Smith").
    fn given_name_leading(&self, parts: &[Part], index: usize) -> bool {
        let Some(Part::Unit(unit)) = parts.get(index) else { return false };
        self.lexicon.given_name(self.unit_text(*unit)).is_some() && next_unit(parts, index) < parts.len()
    }

    /// A title phrase starting at part `index` and ending before the last unit: the index of the
    /// part after it and the title's gender hint.
    fn title_at(&self, parts: &[Part], index: usize) -> Option<(usize, Sex)> {
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

    fn is_demonym_unit(&self, unit: Unit) -> bool {
        unit.hit.is_none()
            && self.lexicon.demonyms.match_at(self.doc, unit.first).is_some_and(|(end, _)| end == unit.last)
    }

    /// Reads the chunk after its prefixes (steps 3 to 6).
    fn read_rest(&mut self, parts: &[Part], sex: Sex, titled: bool) {
        let mut buffer = [EMPTY_UNIT; UNITS_ON_STACK];
        let units = units_of(parts, &mut buffer);
        let (first, last) = (units[0].first, units[units.len() - 1].last);
        // A demonym of several words ("Puerto Rican", "Hong Konger") is not a name. (A one-word
        // demonym is read below: it may be a surname.)
        if units.len() > 1
            && units[0].hit.is_none()
            && self.lexicon.demonyms.match_at(self.doc, first).is_some_and(|(end, _)| end == last)
        {
            return;
        }
        // "Bill and Hillary Clinton", "Fatmah and Mohammad Elsamnah": a lone given name (or a
        // word no list knows) joined by "and" to a full name shares its family name.
        if let [Part::Unit(lone), Part::Link { joiner: true }, rest @ ..] = parts
            && self.shares_family_name(*lone, rest)
        {
            let at =
                self.push(lone.first, lone.last, Label::Person, Kind::Name { entry: None }, Rule::SharedFamilyName);
            self.out[at].sex = self.lexicon.given_name(self.word(lone.first)).unwrap_or(Sex::Unknown);
            self.read_chunk(rest);
            return;
        }
        // "Park Joo-Ho", "Hau Lung-bin": a family name and a hyphenated given name.
        if self.east_asian_name(&units) {
            let at = self.push(first, last, Label::Person, Kind::Name { entry: None }, Rule::EastAsianName);
            self.out[at].sex = sex;
            self.out[at].titled = titled;
            return;
        }
        // An award or a law is no entity, whoever it is named after ("Nobel Prize", "a Booker
        // Prize-winner", "the Magnitsky Act"); a known organization or place in its name still
        // is. Not in a joined chunk: "School of Law"; "Hillary Clinton and the Second Amendment"
        // is split first.
        let joined = parts.iter().any(|p| matches!(p, Part::Link { joiner: true }));
        if units.len() >= 2
            && !joined
            && let Some(award) = units.last()
            && award.hit.is_none()
            && award.first == award.last
            && AWARD_WORDS.contains(&self.word(award.first))
            && !(self.word(award.first) == "Law" && self.lexicon.given_name(self.unit_text(units[0])).is_some())
        {
            for unit in units.iter() {
                if let Some(hit) = unit.hit
                    && self.hit_label(hit) != Label::Person
                    && !self.ambiguous_hit(*unit, self.hit_label(hit))
                {
                    self.push(
                        unit.first,
                        unit.last,
                        self.hit_label(hit),
                        Kind::Name { entry: Some(self.hits[hit].entry) },
                        self.source(hit),
                    );
                }
            }
            return;
        }
        // Groups of people joined by "and" are no name, whatever their words head elsewhere:
        // "Republicans and Democrats" ("College Republicans" is one).
        if units.len() >= 2 && units.iter().all(|u| self.is_demonym_unit(*u)) {
            return;
        }
        // 3. Heads. "in", "at" and "to" join a head's name to what is no part of it: "Caitlyn
        // Jenner to Trump Tower", "Trump Tower in New York" (not "Committee to Protect
        // Journalists").
        if joined && self.split_around_head(parts) {
            return;
        }
        if let Some(label) = self.rightmost_head(&units, !joined)
            && (units.len() >= 2 || matches!(label, Label::Prison) && units[0].hit.is_some())
        {
            self.push(first, last, label, Kind::Name { entry: None }, Rule::HeadWord);
            return;
        }
        // 3b. A known organization followed by "of" names a branch or an institution of a
        // place: "Democratic Front of Camagüey", "Supreme Court of Cuba".
        if let Some(hit) = units[0].hit
            && self.hit_label(hit) == Label::Org
            && units.len() >= 2
            && self.doc.next_solid(units[0].last).is_some_and(|n| self.word(n) == "of")
        {
            self.push(first, last, Label::Org, Kind::Name { entry: None }, Rule::OrgOfPlace);
            return;
        }
        // 4. One gazetteer name.
        if units.len() == 1
            && let Some(hit) = units[0].hit
        {
            let label = self.hit_label(hit);
            let entry = self.hits[hit].entry;
            if self.ambiguous_hit(units[0], label) {
                if label == Label::Place && self.place_speaks(units[0]) {
                    self.push(first, last, Label::Person, Kind::Name { entry: None }, Rule::SpeakingPlaceName);
                }
                return;
            }
            if label == Label::Person || !titled {
                let at = self.push(first, last, label, Kind::Name { entry: Some(entry) }, self.source(hit));
                self.out[at].sex = sex;
                self.out[at].titled = titled;
                return;
            }
        }
        // "Kalameh Sabz was founded in 2009": people are born, organizations founded.
        if !titled && units.iter().all(|u| u.hit.is_none()) && self.founded_after(last) {
            self.push(first, last, Label::Org, Kind::Name { entry: None }, Rule::FoundedOrg);
            return;
        }
        // 5. People.
        if !joined
            && self.person_like(&units)
            && let Some(rule) = self.person_evidence(&units, titled)
        {
            let at = self.push(first, last, Label::Person, Kind::Name { entry: None }, rule);
            self.out[at].sex = if sex != Sex::Unknown { sex } else { self.context_sex(first) };
            self.out[at].titled = titled;
            return;
        }
        if units.len() == 1 {
            let unit = units[0];
            // "It boasts…", "You said…": a pronoun is never a name.
            if unit.hit.is_none() && is_pronoun(self.unit_text(unit)) {
                return;
            }
            if let Some(hit) = unit.hit {
                let label = self.hit_label(hit);
                if !self.ambiguous_hit(unit, label) {
                    self.push(first, last, label, Kind::Name { entry: Some(self.hits[hit].entry) }, self.source(hit));
                }
            } else if unit.first == unit.last && !titled && self.org_head_after_the(unit.first) {
                // "The Post reported", "the Court ruled": an organization named by its head word.
                self.push(first, last, Label::Org, Kind::Name { entry: None }, Rule::TheOrgHead);
            } else if unit.first == unit.last && !titled && is_camel_case(self.word(unit.first)) {
                // "LibriVox", "MicroMega", "WikiLeaks": a capital inside a word that is no
                // Mc/Mac/De-style surname is how companies, sites and groups write their names —
                // unless it is a handle or a hashtag ("@TimKaine", "#NeverTrump").
                let tagged = first > 0
                    && self.doc.tokens[first - 1].span().end == self.doc.tokens[first].span().start
                    && matches!(self.word(first - 1), "@" | "#");
                if !tagged {
                    self.push(first, last, Label::Org, Kind::Name { entry: None }, Rule::CamelCaseOrg);
                }
            } else if unit.first != unit.last && self.is_lower_word(unit.first, ARTICLES) {
                // "al-Megrahi" alone: the short form of a person named before, if one was.
                self.push(first, last, Label::Person, Kind::Bare, Rule::ShortForm);
            } else if unit.first == unit.last && self.is_demonym_unit(unit) {
                // A demonym that is also a surname ("Sahraoui said"), or that speaks ("“…,”
                // Cuban said" after Mark Cuban), counts only as the short form of a person
                // already named.
                if self.lexicon.is_surname(self.word(unit.first)) || self.cue_after(last) || self.cue_before(first) {
                    self.push(first, last, Label::Person, Kind::Bare, Rule::ShortForm);
                }
            } else if unit.first == unit.last && self.addressed(unit) {
                // "Hey Frank, …", "my name is John", "‘Frank, thank you’": a given name that
                // someone is called by.
                self.push(first, last, Label::Person, Kind::Name { entry: None }, Rule::AddressedName);
            } else if unit.first == unit.last {
                let word = self.word(unit.first);
                let ordinary = self.opens_sentence(unit.first) && self.lexicon.is_english(word);
                // "Senators condemned…": a title in the plural is no name either.
                let title = self.lexicon.titles.contains_word(word).is_some()
                    || word.strip_suffix('s').is_some_and(|one| self.lexicon.titles.contains_word(one).is_some());
                let upper = self.doc.tokens[unit.first].kind == TokenKind::Word(Case::Upper);
                if !ordinary && !title {
                    // "Garin said", "…,” said Hogue": a reporting verb next to a lone name makes it a
                    // person — not after an article ("the Internet posting").
                    let determined =
                        self.doc.previous_solid(first).is_some_and(|p| matches!(self.word(p), "the" | "a" | "an"));
                    // "pro-Democracy protests": a word after "pro-"/"anti-" is what is for or
                    // against, not someone speaking.
                    let prefixed = first >= 2
                        && self.word_is(first - 1, "-")
                        && matches!(self.word(first - 2), "pro" | "anti" | "non");
                    let speaks = !upper && !determined && !prefixed && (self.cue_after(last) || self.cue_before(first));
                    let (kind, rule) = if titled {
                        (Kind::Name { entry: None }, Rule::TitledPerson)
                    } else if speaks {
                        (Kind::Name { entry: None }, Rule::SpeakingName)
                    } else {
                        (Kind::Bare, Rule::ShortForm)
                    };
                    let at = self.push(first, last, Label::Person, kind, rule);
                    self.out[at].sex = sex;
                    self.out[at].titled = titled;
                }
            }
            return;
        }
        // 6. Split at joiners and read each piece as a chunk of its own ("Cuba and the United
        // States", "Senator Ana Quirós and Sen. Quirós"); a chunk without joiners is read unit
        // by unit, after looking for a person's name at its end.
        if !joined {
            self.read_piece(parts);
            return;
        }
        let mut piece_start = 0;
        for (index, part) in parts.iter().enumerate() {
            if let Part::Link { joiner: true } = part {
                if index > piece_start {
                    self.read_chunk(&parts[piece_start..index]);
                }
                piece_start = index + 1;
            }
        }
        if piece_start < parts.len() {
            self.read_chunk(&parts[piece_start..]);
        }
    }

    /// Reads a chunk that is no name as a whole: a person's name at its end counts, then each
    /// gazetteer name and bare word before it.
    fn read_piece(&mut self, parts: &[Part]) {
        let mut buffer = [EMPTY_UNIT; UNITS_ON_STACK];
        let units = units_of(parts, &mut buffer);
        if units.is_empty() {
            return;
        }
        // The longest stretch at the end that names a person ("… Islamic Relations Alia Salem"):
        // descriptions and organizations come before names, not after them.
        let person_from = (0..units.len().saturating_sub(1))
            .find(|&k| self.person_like(&units[k..]) && self.person_evidence(&units[k..], false).is_some());
        let plain = match person_from {
            Some(k) => {
                let (first, last) = (units[k].first, units[units.len() - 1].last);
                self.read_units(&units[..k]);
                let at = self.push(first, last, Label::Person, Kind::Name { entry: None }, Rule::PersonAtEnd);
                self.out[at].sex = self.context_sex(first);
                return;
            }
            None => units,
        };
        self.read_units(&plain);
    }

    /// Reads units one by one: gazetteer names keep their label, other words are bare.
    fn read_units(&mut self, units: &[Unit]) {
        for &unit in units {
            match unit.hit {
                Some(hit) => {
                    let label = self.hit_label(hit);
                    if !self.ambiguous_hit(unit, label) {
                        self.push(
                            unit.first,
                            unit.last,
                            label,
                            Kind::Name { entry: Some(self.hits[hit].entry) },
                            self.source(hit),
                        );
                    }
                }
                None if self.addressed(unit) => {
                    self.push(unit.first, unit.last, Label::Person, Kind::Name { entry: None }, Rule::AddressedName);
                }
                None => {
                    let word = self.unit_text(unit);
                    let ordinary = self.opens_sentence(unit.first) && self.lexicon.is_english(word);
                    if unit.first == unit.last && !ordinary && !self.is_demonym_unit(unit) && !is_pronoun(word) {
                        self.push(unit.first, unit.last, Label::Person, Kind::Bare, Rule::ShortForm);
                    }
                }
            }
        }
    }

    /// The label of the rightmost head word or phrase among the units, if any.
    fn rightmost_head(&self, units: &[Unit], hit_heads: bool) -> Option<Label> {
        let mut found = None;
        let mut covered_to = 0;
        for (index, unit) in units.iter().enumerate() {
            if unit.hit.is_some() {
                // A gazetteer name inside a longer name is not a head ("New York" in "New York
                // University"), unless it is one head word that ends the name right after another
                // unit: "Texas Senate", "Lincoln Memorial" (the Senate, the Memorial society).
                let ends = hit_heads && index + 1 == units.len() && index > 0 && unit.first == unit.last;
                if ends
                    && unit.first == units[index - 1].last + 2
                    && let Some((end, label)) = self.lexicon.heads.match_at(self.doc, unit.first)
                    && end == unit.last
                {
                    found = Some(label);
                }
                continue;
            }
            self.heads_in(*unit, &mut covered_to, |label| found = Some(label));
        }
        found
    }

    /// Calls `found` with the label of each head word or phrase in a unit's tokens, left to
    /// right. A head phrase covers its words ("Detention Center" is one prison head, not a
    /// prison head and then the organization head "Center"): `covered_to` is the first token
    /// after the last phrase found, carried from one unit to the next.
    fn heads_in(&self, unit: Unit, covered_to: &mut usize, mut found: impl FnMut(Label)) {
        for i in unit.first.max(*covered_to)..=unit.last {
            if i < *covered_to {
                continue;
            }
            if let Some((end, label)) = self.lexicon.heads.match_at(self.doc, i) {
                found(label);
                *covered_to = end + 1;
            }
        }
    }

    /// Splits a joined chunk at "in", "at" or "to" (or a lone "the" after a known name) and
    /// reads the pieces, if the chunk's heads say so: at every such link before the first head
    /// ("Caitlyn Jenner to Trump Tower"), or at the first "in"/"at" after a place's last head
    /// when a known place follows ("Trump Tower in New York"). Returns whether it did. One pass
    /// over the parts, and each piece is read once more at most: linear however long the chunk.
    fn split_around_head(&mut self, parts: &[Part]) -> bool {
        // The first and the last part with a head word, and the label of the last.
        // A head phrase covers its words ("Convention Center" is no "Center").
        let (mut first_head, mut last_head, mut covered_to) = (None, None, 0);
        for (index, part) in parts.iter().enumerate() {
            if let Part::Unit(u) = part
                && u.hit.is_none()
            {
                self.heads_in(*u, &mut covered_to, |label| {
                    first_head.get_or_insert(index);
                    last_head = Some((index, label));
                });
            }
        }
        let (Some(first_head), Some((last_head, label))) = (first_head, last_head) else { return false };
        // The connector of the link at `index`: "in", "at", "to", or "the" alone right after a
        // name ("in Iran the Afghanistan Council paid").
        let connector = |index: usize| -> Option<&str> {
            let (Part::Link { joiner: true }, Some(Part::Unit(next))) = (&parts[index], parts.get(index + 1)) else {
                return None;
            };
            let mut p = self.doc.previous_solid(next.first)?;
            if self.word(p) == "the" {
                let q = self.doc.previous_solid(p)?;
                if self.doc.tokens[q].is_capitalized() {
                    return Some("the");
                }
                p = q;
            }
            let word = self.word(p);
            matches!(word, "in" | "at" | "to").then_some(word)
        };
        let mut cuts = Vec::new();
        let mut piece_start = 0;
        for index in 1..first_head {
            match connector(index) {
                // "the" alone splits only after a name a list knows ("Meet the Press" is one).
                Some("the") if !matches!(parts[piece_start..index], [Part::Unit(Unit { hit: Some(_), .. })]) => {}
                Some(_) => {
                    cuts.push(index);
                    piece_start = index + 1;
                }
                None => {}
            }
        }
        if !cuts.is_empty() {
            let mut start = 0;
            for &cut in &cuts {
                self.read_chunk(&parts[start..cut]);
                start = cut + 1;
            }
            self.read_chunk(&parts[start..]);
            return true;
        }
        if label != Label::Place {
            return false;
        }
        let place_after = (last_head + 1..parts.len()).find(|&index| {
            matches!(connector(index), Some("in" | "at"))
                && matches!(parts.get(index + 1), Some(Part::Unit(Unit { hit: Some(h), .. })) if self.hit_label(*h) == Label::Place)
        });
        match place_after {
            Some(index) => {
                self.read_chunk(&parts[..index]);
                self.read_chunk(&parts[index + 1..]);
                true
            }
            None => false,
        }
    }

    /// Whether units look like a person's name: plain capitalised words, initials, particles,
    /// hyphenated parts, and at most a gazetteer name that is itself a given name or surname.
    fn person_like(&self, units: &[Unit]) -> bool {
        if units.len() > 6 {
            return false;
        }
        units.iter().all(|unit| match unit.hit {
            None => {
                let word = self.unit_text(*unit);
                // A demonym is no name, unless it is also a surname after the first word
                // (Hassiba Hadj Sahraoui), or it ends a name that opens with a given name and
                // stands as a person does: before a comma or a reporting verb, or after a title
                // ("Mark Cuban, the owner…", "Senator Mark Cuban").
                let later = unit.first > units[0].first;
                let ends_a_name = later && unit.last == units[units.len() - 1].last && self.demonym_surname(units);
                let demonym = self.is_demonym_unit(*unit) && !(later && self.lexicon.is_surname(word) || ends_a_name);
                !demonym && word.chars().any(char::is_lowercase) || word.len() <= 2
            }
            Some(hit) => {
                let word = self.unit_text(*unit);
                let label = self.hit_label(hit);
                label == Label::Person
                    || unit.first == unit.last
                        && (self.lexicon.given_name(word).is_some() || self.lexicon.is_surname(word))
            }
        })
    }

    /// Whether units that open with a given name and end with a demonym stand where a person's
    /// name stands: before a comma or a reporting verb, or after a title or role.
    fn demonym_surname(&self, units: &[Unit]) -> bool {
        let (first, last) = (units[0].first, units[units.len() - 1].last);
        if self.lexicon.given_name(self.unit_text(units[0])).is_none() {
            return false;
        }
        let comma_after = self.doc.next_solid(last).is_some_and(|n| self.word(n) == ",");
        let title_before = self
            .doc
            .previous_solid(first)
            .is_some_and(|p| self.lexicon.titles.match_at(self.doc, p).is_some_and(|(end, _)| end == p));
        comma_after || self.cue_after(last) || title_before || self.person_context_before(first).is_some()
    }

    /// The rule whose evidence says that person-like units name a person, if one does.
    fn person_evidence(&self, units: &[Unit], titled: bool) -> Option<Rule> {
        let first_word = self.unit_text(units[0]);
        let words = || units.iter().map(|u| self.unit_text(*u));
        // Whether no word is an ordinary English word: looked up once, and only if a rule asks.
        let no_english = std::cell::OnceCell::new();
        let no_english = || *no_english.get_or_init(|| words().all(|w| !self.lexicon.is_english(w)));
        if titled {
            // A title makes a person of any name-like words after it ("President Bush", "Mr.
            // Toccafondi"), not of ordinary ones ("Director of the National Iodine Nutrition study").
            let last_word = self.unit_text(units[units.len() - 1]);
            // "Mr. President": a title after a title is no name, unless it is a surname too
            // ("Mr. King").
            if units.len() == 1
                && self.lexicon.titles.contains_word(first_word).is_some()
                && !self.lexicon.is_surname(first_word)
            {
                return None;
            }
            let person = words().any(|w| !self.lexicon.is_english(w))
                || self.lexicon.given_name(first_word).is_some()
                || self.lexicon.is_surname(last_word);
            return person.then_some(Rule::TitledPerson);
        }
        if units.len() < 2 {
            return None;
        }
        if units.iter().any(|u| u.hit.is_some_and(|h| self.hit_label(h) == Label::Person)) {
            return Some(Rule::ListedPersonPart);
        }
        let given = self.lexicon.given_name(first_word).is_some();
        let last_word = self.unit_text(units[units.len() - 1]);
        let surname = self.lexicon.is_surname(last_word)
            || last_word.contains('-') && self.lexicon.is_surname(strip_hyphen(last_word));
        if given && (surname || !self.lexicon.is_english(last_word)) {
            return Some(Rule::GivenNameFirst);
        }
        let known = words().all(|w| self.lexicon.given_name(w).is_some() || self.lexicon.is_surname(w));
        if known && no_english() {
            return Some(Rule::KnownNameWords);
        }
        let context = self.person_context_before(units[0].first).is_some()
            || self.cue_after(units[units.len() - 1].last)
            || self.cue_before(units[0].first);
        if context && no_english() {
            return Some(Rule::PersonContext);
        }
        // Two to four capitalised words that are neither known names nor ordinary English
        // words nor gazetteer names ("Romelu Lukaku", "Ferjani Sassi"): in news, most often a
        // person.
        let unknown = units
            .iter()
            .all(|u| u.hit.is_none() && self.doc.tokens[u.first].kind == TokenKind::Word(Case::Capitalized));
        (unknown && units.len() <= 4 && no_english()).then_some(Rule::UnknownWords)
    }

    /// The gender hint of a kinship or role word right before a name ("his wife Nelva"), if any.
    fn context_sex(&self, first: usize) -> Sex {
        self.person_context_before(first).unwrap_or(Sex::Unknown)
    }

    /// A kinship or person-role word right before token `first` (a comma may come between).
    fn person_context_before(&self, first: usize) -> Option<Sex> {
        let mut i = self.doc.previous_solid(first)?;
        if self.word(i) == "," {
            i = self.doc.previous_solid(i)?;
        }
        let word = self.word(i);
        if let Some(&(_, sex)) = PERSON_CONTEXT.iter().find(|(w, _)| *w == word) {
            return Some(sex);
        }
        match self.lexicon.descriptor(word) {
            Some((Label::Person, sex)) if self.doc.tokens[i].kind == TokenKind::Word(Case::Lower) => Some(sex),
            _ => None,
        }
    }

    /// Whether a reporting verb follows token `last` ("Ortega assured that").
    fn cue_after(&self, last: usize) -> bool {
        let Some(next) = self.doc.next_solid(last) else { return false };
        // A verb phrase counts as its verb ("told reporters", "said in a statement").
        let cue = self.doc.tokens[next].kind == TokenKind::Word(Case::Lower)
            && self
                .lexicon
                .cues
                .match_at(self.doc, next)
                .is_some_and(|(_, kind)| kind != crate::lexicon::CueKind::Noun);
        // "Chrome continues to surge": going on is no speech, and no evidence of a person
        // unless the word is a known name ("Ortega continued to protest").
        let going_on = || {
            matches!(self.word(next), "continue" | "continues" | "continued" | "continuing")
                && self.doc.next_solid(next).is_some_and(|t| self.word(t) == "to")
                && self.lexicon.given_name(self.word(last)).is_none()
                && !self.lexicon.is_surname(self.word(last))
        };
        cue && !going_on()
    }

    /// Whether a reporting verb comes right before token `first`, itself right after a quote
    /// ("…,” said Ilyse Hogue): the inverted attribution of news.
    fn cue_before(&self, first: usize) -> bool {
        let Some(verb) = self.doc.previous_solid(first) else { return false };
        let is_verb = self.doc.tokens[verb].kind == TokenKind::Word(Case::Lower)
            && self.lexicon.cues.match_at(self.doc, verb).is_some_and(|(end, kind)| {
                end == verb
                    && kind == crate::lexicon::CueKind::Verb
                    && !matches!(self.word(verb), "told" | "tells" | "asked" | "called" | "named")
            });
        let Some(mut before) = self.doc.previous_solid(verb) else { return false };
        if self.word(before) == "," {
            let Some(b) = self.doc.previous_solid(before) else { return false };
            before = b;
        }
        is_verb && self.doc.tokens[before].quote().is_some_and(|m| m.role != QuoteRole::Open)
    }

    /// Whether a one-word place must be dropped for lack of context:
    /// - an ordinary English word at the start of a sentence ("Reading is…", "Nice work"),
    ///   unless it names a country ("China said…");
    /// - a given name or surname that a reporting verb follows ("Jordan said"), unless it names
    ///   a country: then it is a person, and the person rule has already had its chance.
    fn ambiguous_hit(&self, unit: Unit, label: Label) -> bool {
        if unit.first != unit.last || label != Label::Place {
            return false;
        }
        let word = self.word(unit.first);
        if self.lexicon.is_country(word) || self.doc.tokens[unit.first].kind != TokenKind::Word(Case::Capitalized) {
            return false;
        }
        let ordinary = self.doc.is_sentence_initial(unit.first) && self.lexicon.is_english(word);
        ordinary || self.place_speaks(unit)
    }

    /// Whether `lone` and "and" come before `rest`, a full name of two to four plain words that
    /// opens with a known given name and has no head; `lone` is one word, a known given name or
    /// a capitalised word that is no English word, demonym or title.
    fn shares_family_name(&self, lone: Unit, rest: &[Part]) -> bool {
        // A word written onto what comes before is no name: "twitter.com/KThomasDC and …".
        let tokens = &self.doc.tokens;
        let stands_alone =
            lone.first == 0 || tokens[lone.first - 1].is_blank() || tokens[lone.first - 1].quote().is_some();
        if lone.hit.is_some()
            || lone.first != lone.last
            || !stands_alone
            || self.doc.next_solid(lone.last).is_none_or(|n| self.word(n) != "and")
        {
            return false;
        }
        let full_name = match rest {
            // A known person: "Hillary Clinton".
            [Part::Unit(u)] => {
                u.hit.is_some_and(|h| self.hit_label(h) == Label::Person)
                    && u.last > u.first
                    && self.lexicon.given_name(self.word(u.first)).is_some()
            }
            _ if rest.len() <= 4
                && rest.iter().all(|p| matches!(p, Part::Unit(u) if u.hit.is_none() && u.first == u.last)) =>
            {
                let mut buffer = [EMPTY_UNIT; UNITS_ON_STACK];
                let units = units_of(rest, &mut buffer);
                units.len() >= 2
                    && self.lexicon.given_name(self.word(units[0].first)).is_some()
                    && self.rightmost_head(&units, true).is_none()
                    && self.person_like(&units)
                    && self.person_evidence(&units, false).is_some()
            }
            _ => false,
        };
        let word = self.word(lone.first);
        full_name
            && (self.lexicon.given_name(word).is_some()
                || self.doc.tokens[lone.first].kind == TokenKind::Word(Case::Capitalized)
                    && !self.lexicon.is_english(word)
                    && !self.is_demonym_unit(lone)
                    && self.lexicon.titles.contains_word(word).is_none())
    }

    /// Whether token `i` is an organization's head word alone after "the": "The Post", "the
    /// Court".
    fn org_head_after_the(&self, i: usize) -> bool {
        self.doc.previous_solid(i).is_some_and(|p| matches!(self.word(p), "the" | "The"))
            && self.lexicon.heads.match_at(self.doc, i).is_some_and(|(end, label)| end == i && label == Label::Org)
            && !self.is_demonym_unit(Unit { first: i, last: i, hit: None })
    }

    /// Whether "was founded", "was established", "was formed", "was set up" (or "were", "is",
    /// "has been", "had been") follows token `last`.
    fn founded_after(&self, last: usize) -> bool {
        let Some(mut next) = self.doc.next_solid(last) else { return false };
        if !matches!(self.word(next), "was" | "were" | "is" | "has" | "had") {
            return false;
        }
        next = match self.doc.next_solid(next) {
            Some(n) if self.word(n) == "been" => match self.doc.next_solid(n) {
                Some(m) => m,
                None => return false,
            },
            Some(n) => n,
            None => return false,
        };
        matches!(self.word(next), "founded" | "established" | "formed" | "co-founded" | "incorporated")
    }

    /// Whether a chunk stands right after a lowercase organization type word ("the newspaper",
    /// "the religious schools") and is followed by punctuation, a preposition or the end — not
    /// by a verb ("the company Tim Cook runs", "the firms Manafort and Gates worked with"). A chunk that a list knows as a
    /// person or a place is left to the other rules.
    fn org_type_before(&self, parts: &[Part]) -> Option<usize> {
        let Some(Part::Unit(first)) = parts.first() else { return None };
        let mut before = self.doc.previous_solid(first.first)?;
        // "a banned periodical called Nameh", "a group named Anonymous".
        if matches!(self.word(before), "called" | "named") {
            before = self.doc.previous_solid(before)?;
        }
        if !self.is_kind(before, TokenKind::Word(Case::Lower))
            || !is_org_type_word(self.word(before)) && !is_org_type_plural(self.word(before))
        {
            return None;
        }
        // The names end before "in"/"at" and a known place: "… Immacolata in Livorno".
        let end = (1..parts.len())
            .find(|&index| {
                matches!(parts[index], Part::Link { joiner: true })
                    && matches!(parts.get(index + 1), Some(Part::Unit(u))
                        if u.hit.is_some_and(|h| self.hit_label(h) == Label::Place)
                            && self.doc.previous_solid(u.first).is_some_and(|p| matches!(self.word(p), "in" | "at")))
            })
            .unwrap_or(parts.len());
        let names = &parts[..end];
        let Some(Part::Unit(last)) = names.last() else { return None };
        let known =
            names.iter().any(|p| matches!(p, Part::Unit(u) if u.hit.is_some_and(|h| self.hit_label(h) != Label::Org)));
        let follows_well = match self.doc.next_solid(last.last) {
            None => true,
            Some(n) => {
                let token = &self.doc.tokens[n];
                token.kind == TokenKind::LineBreak
                    || !token.is_word() && token.quote().is_none()
                    || matches!(self.word(n), "in" | "of" | "on" | "at" | "for" | "from" | "with")
            }
        };
        // Not a title and a name ("the campaign Chairman John Podesta"), not one ordinary word
        // ("network TV").
        let titled = self.lexicon.titles.match_at(self.doc, first.first).is_some();
        let word = names.len() == 1 && self.lexicon.is_english(self.word(first.first));
        (!known && follows_well && !titled && !word).then_some(end)
    }

    /// Whether a lone given name is what someone is called by: greeted ("Hey Frank,", "Dear
    /// John,", "thank you, Frank."), introduced ("my name is John", "a man named Ali"), or
    /// addressed at the start of a quotation ("‘Frank, thank you…’").
    fn addressed(&self, unit: Unit) -> bool {
        if unit.hit.is_some() || unit.first != unit.last {
            return false;
        }
        // The context first: it is cheap, and rarely there.
        let Some(before) = self.doc.previous_solid(unit.first) else { return false };
        let after = || self.doc.next_solid(unit.last);
        let punctuation_after = || {
            let after = after();
            after.is_none_or(|a| {
                matches!(self.word(a), "," | "!" | "?" | "." | ":" | ";") || self.doc.tokens[a].quote().is_some()
            })
        };
        let word_before = |i: usize| self.doc.previous_solid(i).map(|p| (p, self.word(p)));
        let context = match self.word(before) {
            "Hey" | "Hi" | "Hello" | "Dear" | "hey" | "hi" | "hello" | "dear" => punctuation_after(),
            "," => {
                // "Thank you, Frank."
                let you = word_before(before);
                let thank = you.and_then(|(p, w)| (w == "you").then(|| word_before(p)).flatten());
                thank.is_some_and(|(_, w)| matches!(w, "thank" | "Thank")) && punctuation_after()
            }
            // "my name is John", "her name was Ana"
            "is" | "was" => word_before(before).is_some_and(|(_, w)| w == "name"),
            "named" => true,
            _ => {
                let opens_quote = self.doc.tokens[before].quote().is_some_and(|m| m.role != QuoteRole::Close);
                // The quotation goes on after the comma: "‘Hope,’ help for…" is a title.
                let goes_on = || {
                    let comma = after().filter(|&a| self.word(a) == ",");
                    comma.and_then(|c| self.doc.next_solid(c)).is_some_and(|n| self.doc.tokens[n].is_word())
                };
                opens_quote && goes_on()
            }
        };
        // "Man, you are working it hard", "Honey, …": words of address that are given names too.
        let word = self.word(unit.first);
        context
            && self.lexicon.given_name(word).is_some()
            && self.lexicon.descriptor(word).is_none()
            && !matches!(word, "Honey" | "Buddy" | "Baby" | "Darling")
    }

    /// Whether a verb of naming and a personal pronoun come right before token `first` (a
    /// lowercase "the" may come between): "called him", "calls herself", "nicknamed me the".
    fn called_before(&self, first: usize) -> bool {
        let Some(mut before) = self.doc.previous_solid(first) else { return false };
        if self.word(before) == "the" {
            let Some(b) = self.doc.previous_solid(before) else { return false };
            before = b;
        }
        if !matches!(self.word(before), "him" | "her" | "me" | "himself" | "herself" | "myself") {
            return false;
        }
        self.doc.previous_solid(before).is_some_and(|verb| {
            matches!(
                self.word(verb),
                "call" | "calls" | "called" | "calling" | "nicknamed" | "dubbed" | "nickname" | "dub"
            )
        })
    }

    /// Whether a hyphen and a lowercase syllable of two to four letters are written right after
    /// token `last`, and end the word: "Lung-bin", "Jong-un" (not "War-era", "Kong-based").
    fn lowercase_syllable_after(&self, last: usize) -> bool {
        let tokens = &self.doc.tokens;
        let (dash, syllable) = (last + 1, last + 2);
        let attached = |i: usize| tokens.get(i).is_some_and(|t| t.span().start == tokens[i - 1].span().end);
        self.word_is(dash, "-")
            && attached(dash)
            && attached(syllable)
            && matches!(tokens[syllable].kind, TokenKind::Word(Case::Lower))
            && (2..=4).contains(&self.word(syllable).len())
            && self.word(syllable).bytes().all(|b| b.is_ascii_lowercase())
            && !COMPOUND_ENDINGS.contains(&self.word(syllable))
            && !(attached(syllable + 1) && !tokens[syllable + 1].is_blank() && !self.word_is(syllable + 1, ","))
    }

    /// Whether units are a family name and a hyphenated given name written the East Asian way
    /// ("Park Joo-Ho", "Moon Jae-in", "Hau Lung-bin"): a known surname of two to five letters,
    /// then two syllables of two to four letters joined by a hyphen, not both English words.
    fn east_asian_name(&self, units: &[Unit]) -> bool {
        let short = |i: usize, max: usize| {
            let word = self.word(i);
            (2..=max).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_alphabetic())
        };
        // The shape first (cheap), the lexicons last.
        let Some((family, given)) = units.split_first() else { return false };
        let (a, b) = match given {
            [g] if g.hit.is_none() && g.last == g.first + 2 => (g.first, g.last),
            [x, y] if x.hit.is_none() && y.hit.is_none() && x.first == x.last && y.first == y.last => {
                (x.first, y.first)
            }
            _ => return false,
        };
        if b != a + 2
            || !self.word_is(a + 1, "-")
            || !short(a, 4)
            || !short(b, 4)
            || family.hit.is_some()
            || family.first != family.last
            || !short(family.first, 5)
        {
            return false;
        }
        // A lowercase second syllable was checked against compound endings ("War-era"); two
        // capitalised English words are a compound ("Area-Wide").
        let lower = self.doc.tokens[b].kind == TokenKind::Word(Case::Lower);
        self.lexicon.is_surname(self.word(family.first))
            && (lower || !(self.lexicon.is_english(self.word(a)) && self.lexicon.is_english(self.word(b))))
    }

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

    /// Whether a one-word place that is also a given name or surname is next to a reporting verb
    /// ("Jordan said", "…,” said Madison"): then it names a person, unless it names a country.
    fn place_speaks(&self, unit: Unit) -> bool {
        let word = self.word(unit.first);
        unit.first == unit.last
            && !self.lexicon.is_country(word)
            && (self.lexicon.given_name(word).is_some() || self.lexicon.is_surname(word))
            && (self.cue_after(unit.last) || self.cue_before(unit.first))
    }

    // ----- after the chunk: extensions -----

    /// Adds a candidate and returns its index.
    fn push(&mut self, first: usize, last: usize, label: Label, kind: Kind, rule: Rule) -> usize {
        let span = self.doc.tokens[first].span().to(self.doc.tokens[last].span());
        self.out.push(Candidate { span, first, last, label, kind, sex: Sex::Unknown, titled: false, rule });
        self.out.len() - 1
    }

    /// Applies the extensions to the candidate that ends at token `next - 1`, if any; returns the
    /// token where scanning goes on.
    fn after_chunk(&mut self, next: usize) -> usize {
        let Some(at) = self.out.len().checked_sub(1) else { return next };
        if self.out[at].last + 1 != next {
            return next;
        }
        let candidate = self.out[at].clone();
        // "Mar Verde prison", "Peterhead jail", "Toronto West detention centre": a place, an
        // organization, a bare word or a person-shaped name without a title or a given name
        // ("Los Pinos prison") becomes a prison, the generic word included.
        let weak_person = candidate.label == Label::Person
            && !candidate.titled
            && !matches!(candidate.kind, Kind::Name { entry: Some(_) })
            && self.lexicon.given_name(self.word(candidate.first)).is_none();
        // A demonym that is also a surname describes the prison: "the Victorian prison".
        let demonym = || {
            candidate.first == candidate.last
                && self.is_demonym_unit(Unit { first: candidate.first, last: candidate.last, hit: None })
        };
        if (candidate.label != Label::Person || candidate.kind == Kind::Bare || weak_person)
            && !self.indefinite_before(candidate.first)
            && let Some(end) = self.prison_word_after(candidate.last)
            && !demonym()
        {
            // A known prison keeps its entry; anything else becomes a new prison.
            let kind = if candidate.label == Label::Prison { candidate.kind } else { Kind::Name { entry: None } };
            self.out[at] = Candidate {
                span: candidate.span.to(self.doc.tokens[end].span()),
                last: end,
                label: Label::Prison,
                kind,
                rule: Rule::PrisonWord,
                ..candidate
            };
            return end + 1;
        }
        // A quoted name right after: part of an organization, a person's nickname.
        if let Some((inner_first, inner_last, close)) = self.quoted_name_after(candidate.last) {
            match candidate.label {
                Label::Org => {
                    self.out[at].span = candidate.span.to(self.doc.tokens[close].span());
                    self.out[at].last = close;
                    self.out[at].rule = Rule::QuotedOrgPart;
                    return close + 1;
                }
                Label::Person if candidate.kind != Kind::Bare => {
                    self.push(inner_first, inner_last, Label::Person, Kind::Nickname, Rule::QuotedNickname);
                    return close + 1;
                }
                _ => {}
            }
        }
        // An acronym in brackets after an organization: "Patriotic Union of Cuba (UNPACU)".
        if candidate.label == Label::Org
            && let Some(acronym) = self.bracketed_acronym_after(candidate.last)
        {
            self.push(acronym, acronym, Label::Org, Kind::Acronym, Rule::BracketedAcronym);
            return acronym + 2;
        }
        next
    }

    /// Whether "a"/"an"/"another" comes right before token `first` (a generic mention).
    fn indefinite_before(&self, first: usize) -> bool {
        self.doc.previous_solid(first).is_some_and(|i| matches!(self.word(i), "a" | "an" | "another" | "A" | "An"))
    }

    /// The last token of a lowercase prison word or phrase right after token `last`.
    fn prison_word_after(&self, last: usize) -> Option<usize> {
        if !self.is_gap(last + 1) {
            return None;
        }
        let i = last + 2;
        if self.is_lower_word(i, PRISON_WORDS) {
            return Some(i);
        }
        let word = self.doc.tokens.get(i).map(|_| self.word(i))?;
        for &(a, b) in PRISON_PHRASES {
            if word == a && self.is_gap(i + 1) && self.word_is(i + 2, b) {
                return Some(i + 2);
            }
        }
        None
    }

    /// A quoted name right after token `last`: one to five capitalised words between an opening
    /// and a closing mark. Returns its first and last word tokens and the closing mark.
    fn quoted_name_after(&self, last: usize) -> Option<(usize, usize, usize)> {
        if !self.is_gap(last + 1) {
            return None;
        }
        self.quoted_name_at(last + 2)
    }

    /// A quoted name whose opening mark is token `open`.
    fn quoted_name_at(&self, open: usize) -> Option<(usize, usize, usize)> {
        let mark = self.doc.tokens.get(open)?.quote()?;
        if mark.role == QuoteRole::Close {
            return None;
        }
        let first = open + 1;
        let mut i = first;
        let mut words = 0;
        loop {
            let token = self.doc.tokens.get(i)?;
            match token.kind {
                TokenKind::Word(Case::Capitalized | Case::Upper) | TokenKind::Number => words += 1,
                TokenKind::Space | TokenKind::Dash => {}
                TokenKind::Word(Case::Lower) if self.is_lower_word(i, PARTICLES) || self.is_lower_word(i, JOINERS) => {}
                TokenKind::Quote(close) if close.double == mark.double && close.role != QuoteRole::Open => {
                    let last = i.checked_sub(1)?;
                    return ((1..=5).contains(&words) && last >= first && !self.doc.tokens[last].is_blank())
                        .then_some((first, last, i));
                }
                _ => return None,
            }
            i += 1;
        }
    }

    /// An all-capitals word in brackets right after token `last`: the word's token index.
    fn bracketed_acronym_after(&self, last: usize) -> Option<usize> {
        if !self.is_gap(last + 1) || !self.word_is(last + 2, "(") {
            return None;
        }
        let i = last + 3;
        let upper = matches!(self.doc.tokens.get(i)?.kind, TokenKind::Word(Case::Upper));
        (upper && self.word_is(i + 1, ")")).then_some(i)
    }

    /// "the civic platform ‘Cuba Decide’": a quoted name right after an organization type word is
    /// an organization. Run after the main scan, over the whole document; a quoted name that
    /// overlaps a candidate without containing it is left alone.
    pub fn quoted_orgs(&self, taken: &[Candidate]) -> Vec<Candidate> {
        let mut found = Vec::new();
        let tokens = &self.doc.tokens;
        for open in self.doc.quote_marks.iter().map(|&q| q as usize).filter(|&q| q >= 2) {
            // Only an opening mark after "type word + space" can start one.
            if tokens[open].quote().is_none_or(|m| m.role == QuoteRole::Close)
                || !self.is_gap(open - 1)
                || !self.is_kind(open - 2, TokenKind::Word(Case::Lower))
                || !is_org_type_word(self.word(open - 2))
            {
                continue;
            }
            let Some((first, last, _)) = self.quoted_name_at(open) else { continue };
            let span = tokens[first].span().to(tokens[last].span());
            // The candidates are in text order: look only at those that can overlap the name.
            let from = taken.partition_point(|c| c.span.end <= span.start);
            let clash = taken[from..]
                .iter()
                .take_while(|c| c.span.start < span.end)
                .any(|c| c.span.overlaps(span) && !span.contains(c.span));
            if clash {
                continue;
            }
            found.push(Candidate {
                span,
                first,
                last,
                label: Label::Org,
                kind: Kind::Name { entry: None },
                sex: Sex::Unknown,
                titled: false,
                rule: Rule::QuotedOrg,
            });
        }
        found
    }
}

/// Whether a word is a contraction ("You'll", "I’m", "Don't"), not a name: an apostrophe
/// followed by a lower-case ending. ("O'Brien" has a capital after its apostrophe.)
fn is_contraction(word: &str) -> bool {
    let Some(at) = word.rfind(['\'', '’']) else { return false };
    let ending = &word[at + word[at..].chars().next().map_or(1, char::len_utf8)..];
    matches!(ending, "ll" | "re" | "ve" | "d" | "m" | "t")
}

/// Whether a word is a name with an elided particle written onto it: "d'Ettorre", "d’Alembert"
/// (the particle lowercase, the name capitalised).
pub(crate) fn is_elided_particle_name(word: &str) -> bool {
    let rest = word.strip_prefix("d'").or_else(|| word.strip_prefix("d’"));
    rest.is_some_and(|r| {
        r.chars().next().is_some_and(char::is_uppercase) && r.chars().nth(1).is_some_and(char::is_lowercase)
    })
}

/// Whether a capitalised word is a personal or possessive pronoun: never a name.
fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "It" | "You"
            | "We"
            | "They"
            | "He"
            | "She"
            | "Me"
            | "Us"
            | "Him"
            | "Her"
            | "Them"
            | "Its"
            | "Our"
            | "Your"
            | "Their"
            | "His"
            | "My"
    )
}

/// The index of the next unit part after part `index`.
fn next_unit(parts: &[Part], index: usize) -> usize {
    let mut next = index + 1;
    while let Some(Part::Link { .. }) = parts.get(next) {
        next += 1;
    }
    next
}

fn units_of<'b>(parts: &[Part], buffer: &'b mut [Unit; UNITS_ON_STACK]) -> Cow<'b, [Unit]> {
    let units = parts.iter().filter_map(|p| match p {
        Part::Unit(u) => Some(*u),
        Part::Link { .. } => None,
    });
    if parts.len() > UNITS_ON_STACK {
        return Cow::Owned(units.collect());
    }
    let mut count = 0;
    for (slot, unit) in buffer.iter_mut().zip(units) {
        *slot = unit;
        count += 1;
    }
    Cow::Borrowed(&buffer[..count])
}

/// Chunks of up to this many parts list their units on the stack (nearly all chunks: a name
/// has a few words), longer ones in a vector.
const UNITS_ON_STACK: usize = 6;

/// A placeholder to fill a stack buffer of units with.
const EMPTY_UNIT: Unit = Unit { first: 0, last: 0, hit: None };

/// The last part of a hyphenated word ("Díaz-Balart" → "Balart").
fn strip_hyphen(word: &str) -> &str {
    word.rsplit('-').next().unwrap_or(word)
}

/// Whether a word is written in camel case the way organizations and products are ("LibriVox",
/// "WikiLeaks", "MicroMega"): capitalised, lower case after the first letter, then a capital
/// again — but not a surname built on a prefix ("McCain", "MacArthur", "DeVos", "LaGuardia",
/// "DiCaprio", "O'Neill", "FitzGerald", "LeBron").
fn is_camel_case(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() < 4 || !bytes[0].is_ascii_uppercase() || !bytes[1].is_ascii_lowercase() {
        return false;
    }
    let Some(inner) = bytes[2..].iter().position(u8::is_ascii_uppercase).map(|p| p + 2) else { return false };
    let prefix = &word[..inner];
    let surname_prefix =
        matches!(prefix, "Mc" | "Mac" | "De" | "Di" | "Da" | "Du" | "La" | "Le" | "Fitz" | "Van" | "Von" | "St");
    // A lowercase letter must follow the inner capital: "LibriVox", not "MySQL" or "McDONALD".
    let word_after = bytes.get(inner + 1).is_some_and(u8::is_ascii_lowercase);
    word.is_ascii() && !surname_prefix && word_after && !word.contains('\'')
}
