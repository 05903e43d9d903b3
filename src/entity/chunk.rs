//! Chunks: the capitalised stretches of text that the name rules read.
//!
//! A chunk is a run of name units — capitalised words, initials ("J."), abbreviated titles
//! ("Mr."), `al-` names, names with an elided particle ("d'Ettorre") and gazetteer hits — joined
//! by single spaces, hyphens ("Díaz-Balart"), name particles ("de la", "dos", "van", "bin") and,
//! inside organization names, joiners ("of", "for", "and", "the"). [`Chunk`] is a chunk as the
//! rules see it, with the facts that several of them ask about found once.

use super::reader::Reader;
use super::units::{ARTICLES, JOINERS, MONTHS, PARTICLES, Part, Unit, WEEKDAYS, is_elided_particle_name};
use crate::lexicon::Sex;
use crate::token::{Case, TokenKind};
use std::cell::OnceCell;

/// Lowercase words that end hyphenated compounds after a name ("Gulf War-era", "Bush-led"): not
/// the syllable of a given name.
const COMPOUND_ENDINGS: &[&str] = &[
    "era", "led", "run", "born", "made", "like", "type", "wide", "free", "old", "new", "age", "day", "year", "size",
    "fed", "held", "only", "area", "zone", "bred", "tied", "less", "ish", "long", "ward", "wise", "rich", "poor",
    "hit", "plus", "side", "base", "win", "loss", "ally", "ism", "ist", "ite", "ian", "esque",
];

/// A chunk as the rules see it: its parts after any prefix the rules peeled off, their units,
/// and what the prefix said.
pub(crate) struct Chunk<'c> {
    pub parts: &'c [Part],
    /// The units of `parts`, in order.
    pub units: &'c [Unit],
    /// The text of the first unit.
    pub head: &'c str,
    /// The gender hint of a title peeled off the front.
    pub sex: Sex,
    /// Whether a title or role was peeled off the front ("President", "Mr.").
    pub titled: bool,
    /// Whether an organization joiner links two of the units ("Cuba and the United States").
    pub joined: bool,
    /// The lowercase words right before and right after the chunk as it was found ("" if none):
    /// the rules on the words around a chunk start from them.
    pub before: &'c str,
    pub after: &'c str,
    /// Facts about the units, found once when a rule first asks.
    pub facts: Facts,
}

/// Facts about a run of units that several rules ask about, found once.
#[derive(Default)]
pub(crate) struct Facts {
    /// Whether they look like a person's name (see `Reader::person_like`).
    pub person_like: OnceCell<bool>,
    /// Whether none of their words is an ordinary English word.
    pub no_english: OnceCell<bool>,
    /// Whether their one unit is a listed place that is something else where it stands (see
    /// `Reader::is_ambiguous_place`).
    pub ambiguous_place: OnceCell<bool>,
    /// Of the first unit: whether it is a demonym, an ordinary word opening a sentence, a title.
    pub demonym: OnceCell<bool>,
    pub ordinary: OnceCell<bool>,
    pub title_word: OnceCell<bool>,
}

impl<'c> Chunk<'c> {
    /// The chunk of `parts` (with their `units`); `None` unless it begins and ends with a unit.
    pub fn new(reader: &Reader<'_, 'c>, parts: &'c [Part], units: &'c [Unit]) -> Option<Chunk<'c>> {
        let (Some(Part::Unit(head)), Some(Part::Unit(tail))) = (parts.first(), parts.last()) else { return None };
        let lower = |i: Option<usize>| {
            i.filter(|&i| reader.is_kind(i, TokenKind::Word(Case::Lower))).map_or("", |i| reader.word(i))
        };
        Some(Chunk {
            parts,
            units,
            head: reader.unit_text(units[0]),
            sex: Sex::Unknown,
            titled: false,
            joined: is_joined(parts),
            before: lower(reader.doc.previous_solid(head.first)),
            after: lower(reader.doc.next_solid(tail.last)),
            facts: Facts::default(),
        })
    }

    /// The chunk without its first `parts` parts (which end before a unit), and with a title's
    /// gender hint when a title was among them.
    pub fn peel(&self, reader: &Reader<'_, 'c>, parts: usize, title: Option<Sex>) -> Chunk<'c> {
        let units = self.parts[..parts].iter().filter(|p| matches!(p, Part::Unit(_))).count();
        let (sex, titled) = match title {
            Some(sex) if sex != Sex::Unknown => (sex, true),
            Some(_) => (self.sex, true),
            None => (self.sex, self.titled),
        };
        let rest = &self.parts[parts..];
        let units = &self.units[units..];
        Chunk {
            parts: rest,
            units,
            head: units.first().map_or("", |&unit| reader.unit_text(unit)),
            sex,
            titled,
            joined: is_joined(rest),
            before: self.before,
            after: self.after,
            facts: Facts::default(),
        }
    }

    /// The first token of the chunk.
    pub fn first(&self) -> usize {
        self.units[0].first
    }

    /// The last token of the chunk.
    pub fn last(&self) -> usize {
        self.units[self.units.len() - 1].last
    }

    /// The chunk's one unit, if it has one unit only.
    pub fn lone(&self) -> Option<Unit> {
        match self.units {
            [unit] => Some(*unit),
            _ => None,
        }
    }

    /// The chunk's one unit, if it is one word that no gazetteer knows.
    pub fn lone_word(&self) -> Option<Unit> {
        self.lone().filter(|u| u.hit.is_none() && u.first == u.last)
    }

    /// Whether the first unit is a demonym ("Cuban"), found once.
    pub fn head_is_demonym(&self, r: &Reader<'_, '_>) -> bool {
        *self.facts.demonym.get_or_init(|| r.is_demonym_unit(self.units[0]))
    }

    /// Whether the first word is an ordinary English word opening a sentence, found once.
    pub fn head_is_ordinary(&self, r: &Reader<'_, '_>) -> bool {
        *self.facts.ordinary.get_or_init(|| r.is_ordinary(self.units[0].first))
    }

    /// Whether the first unit is a title or role, or one in the plural, found once.
    pub fn head_is_title(&self, r: &Reader<'_, '_>) -> bool {
        *self.facts.title_word.get_or_init(|| r.is_title_word(self.head))
    }

    /// Whether no unit of the chunk is a listed name.
    pub fn unlisted(&self) -> bool {
        self.units.iter().all(|u| u.hit.is_none())
    }

    /// The index of the part that holds unit `unit`.
    pub fn part_of_unit(&self, unit: usize) -> usize {
        let mut seen = 0;
        for (index, part) in self.parts.iter().enumerate() {
            if let Part::Unit(_) = part {
                if seen == unit {
                    return index;
                }
                seen += 1;
            }
        }
        self.parts.len()
    }
}

/// Whether an organization joiner links two of the parts.
fn is_joined(parts: &[Part]) -> bool {
    parts.iter().any(|p| matches!(p, Part::Link { joiner: true }))
}

impl Reader<'_, '_> {
    /// The name unit that starts at token `i`, if one does.
    ///
    /// This runs once per token of the document; most tokens are space, punctuation or
    /// lower-case words that no hit starts at, and are turned away here without a call.
    #[inline(always)]
    pub fn unit_at(&self, i: usize) -> Option<Unit> {
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

    /// Whether token `i` is a caption label of news pages ("Image: Nick Moreau", "Photo: AP").
    fn is_caption_label(&self, i: usize) -> bool {
        matches!(self.word(i), "Image" | "Photo" | "Video" | "Source" | "Credit" | "Photograph" | "File")
            && self.word_is(i + 1, ":")
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

    /// Extends a chunk from its first unit into `parts`; returns its last token.
    pub fn chunk_from(&self, first: Unit, parts: &mut Vec<Part>) -> usize {
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

    /// Whether units are a family name and a hyphenated given name written the East Asian way
    /// ("Park Joo-Ho", "Moon Jae-in", "Hau Lung-bin"): a known surname of two to five letters,
    /// then two syllables of two to four letters joined by a hyphen, not both English words.
    /// (Chunking asks it too, to keep a lowercase syllable: "Hau Lung-bin".)
    pub(crate) fn east_asian_name(&self, units: &[Unit]) -> bool {
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
}

/// Whether a word is a contraction ("You'll", "I’m", "Don't"), not a name: an apostrophe
/// followed by a lower-case ending. ("O'Brien" has a capital after its apostrophe.)
fn is_contraction(word: &str) -> bool {
    // Most words have no apostrophe: a byte scan turns them away (the char search below decodes
    // every character; "’" is the only character starting with 0xE2 it looks for).
    if !word.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return false;
    }
    let Some(at) = word.rfind(['\'', '’']) else { return false };
    let ending = &word[at + word[at..].chars().next().map_or(1, char::len_utf8)..];
    matches!(ending, "ll" | "re" | "ve" | "d" | "m" | "t")
}
