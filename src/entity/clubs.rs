//! Rules that decide clubs and companies known by the words around them: a club named by its
//! town ("Barcelona beat Porto 2-1", "the Dundee side") is an organization, as SPEC.md says,
//! while a national team keeps the place's label ("England won the toss"); a name whose shares,
//! profit or chief executive the sentence speaks of is a company ("Bre-X shares", "Santa Fe's
//! chief executive").

use super::chunk::Chunk;
use super::decision::{ChunkRule, Decision, Example, Reads};
use super::reader::{Found, Reader};
use super::units::Unit;
use crate::label::Label;
use crate::rule::Rule;
use crate::token::{Case, TokenKind};

/// `club-by-place`: in a story about sport, a listed town or region that is no country names the
/// club of that place ("Quorvale beat Lyon 2-1"), unless a preposition of place comes before it
/// ("in Lyon", "at Lyon", "from Lyon") or it is a dateline ("LYON 2024-03-02"). National teams
/// are named by countries, and keep the label PLACE.
pub(crate) const CLUB_BY_PLACE: ChunkRule = ChunkRule {
    rule: Rule::ClubByPlace,
    reads: Reads::Listed,
    decide: club_by_place,
    examples: &[
        Example::Finds(
            "[Lyon] beat Quorvale 2-1 in the league on Sunday. The striker scored twice before halftime.",
            Label::Org,
        ),
        Example::Finds("The Quorvale striker scored twice as his side beat [Lyon] 3-0 in the league.", Label::Org),
        Example::Ignores("The striker scored twice in Lyon as his side won 3-0 in the league."),
        Example::Ignores("France beat Spain 2-1 in the league. The striker scored twice before halftime."),
        Example::Ignores("Lyon said on Sunday it would spend more on schools."),
    ],
};

fn club_by_place(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone()?;
    let hit = unit.hit?;
    if r.hit_label(hit) != Label::Place || PLACE_WORDS.contains(&c.before) {
        return None;
    }
    let name = r.unit_text(unit);
    if r.lexicon.is_country(name) || TEAM_REGIONS.contains(&name) || r.is_dateline(unit.first, unit.last) {
        return None;
    }
    r.sports_story().then(|| Decision::Name(Found::name(unit.first, unit.last, Label::Org)))
}

/// `score-line`: in a story about sport, the two names of a result line are clubs: "Quorvale 2
/// Tellmark 1" (a name, a score, a name, a score, and the line ends). A country keeps PLACE
/// (a national team), a person's name stays a person (a given name first, or listed).
pub(crate) const SCORE_LINE: ChunkRule = ChunkRule {
    rule: Rule::ScoreLine,
    reads: Reads::Any,
    decide: score_line,
    examples: &[
        Example::Finds(
            "Soccer results in the league on Sunday, with the goals scored and a 2-1 win:\n[Quorvale] 2 Tellmark 1\n",
            Label::Org,
        ),
        Example::Finds(
            "Soccer results in the league on Sunday, with the goals scored and a 2-1 win:\nQuorvale 2 [Tellmark] 1\n",
            Label::Org,
        ),
        Example::Ignores(
            "Soccer results in the league on Sunday, with the goals scored and a 2-1 win:\nFrance 2 Spain 1\n",
        ),
        Example::Ignores("Quorvale 2 Tellmark 1\n"),
    ],
};

fn score_line(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let (first, last) = (c.first(), c.last());
    let score = |i: usize| r.is_kind(i, TokenKind::Number) && r.doc.tokens[i].span().len() <= 3;
    let next = r.doc.next_solid(last).filter(|&n| score(n))?;
    let line_ends = |i: usize| r.doc.next_solid(i).is_none_or(|n| r.is_kind(n, TokenKind::LineBreak));
    // The first name: a score after it, then the second name.
    let home = r.doc.next_solid(next).is_some_and(|n| r.is_name_word(n))
        && r.doc.previous_solid(first).is_none_or(|p| r.is_kind(p, TokenKind::LineBreak));
    // The second name: a score and a name before it, its score ends the line.
    let away = line_ends(next)
        && r.doc
            .previous_solid(first)
            .is_some_and(|p| score(p) && r.doc.previous_solid(p).is_some_and(|q| r.is_name_word(q)));
    if !(home || away) || c.titled || r.names_a_person_or_country(c.units) {
        return None;
    }
    let region = c.units.len() == 1 && TEAM_REGIONS.contains(&r.unit_text(c.units[0]));
    if region || !r.sports_story() {
        return None;
    }
    Some(Decision::Name(Found::name(first, last, Label::Org)))
}

/// `company-context`: a name right before the words of a company's shares or management is a
/// company: "Quorvex shares fell", "Quorvex's chief executive", "Lyon's net profit" (a town
/// too); not a person's name ("Warren Quillby's shares": a given name first) nor a country.
pub(crate) const COMPANY_CONTEXT: ChunkRule = ChunkRule {
    rule: Rule::CompanyContext,
    reads: Reads::Any,
    decide: company_context,
    examples: &[
        Example::Finds("[Quorvex] shares fell 5 percent on Monday.", Label::Org),
        Example::Finds("The board of [Tellmark Vane]'s subsidiary met.", Label::Org),
        Example::Ignores("Warren Quillby's shares rose."),
        Example::Ignores("China's shares fell."),
    ],
};

fn company_context(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let last = c.last();
    // The words after the name: "shares", or "'s" and then "shares", "chief executive"…
    let next = r.doc.next_solid(last)?;
    let after = if r.is_kind(next, TokenKind::Clitic) { r.doc.next_solid(next)? } else { next };
    if !r.is_kind(after, TokenKind::Word(Case::Lower)) {
        return None;
    }
    let word = r.word(after);
    let company = if after == next {
        matches!(word, "shares" | "stock" | "shareholders" | "stockholders")
    } else {
        matches!(
            word,
            "shares"
                | "stock"
                | "shareholders"
                | "stockholders"
                | "subsidiary"
                | "subsidiaries"
                | "profit"
                | "profits"
                | "earnings"
                | "revenue"
                | "revenues"
                | "turnover"
                | "board"
        ) || (matches!(word, "net" | "pre-tax" | "operating") && r.word_is(after + 2, "profit"))
            || (word == "chief" && r.word_is(after + 2, "executive"))
    };
    if !company || c.titled || r.names_a_person_or_country(c.units) {
        return None;
    }
    Some(Decision::Name(Found::name(c.first(), last, Label::Org)))
}

/// Prepositions that make the place a place, in sport too ("the final in Lyon", "at Lyon").
const PLACE_WORDS: &[&str] =
    &["in", "at", "from", "of", "on", "near", "outside", "around", "across", "into", "to", "via", "through"];

/// Nations and continents that field teams of their own but are no country of the lists: their
/// teams keep the label PLACE, like a country's.
const TEAM_REGIONS: &[&str] = &[
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Great Britain",
    "Europe",
    "Africa",
    "Asia",
    "Oceania",
    "America",
    "South America",
    "North America",
    "Latin America",
    "Caribbean",
    "West Indies",
];

/// Whether a lower-case word is one that only stories about sport use often: games, their
/// scores, their players. (A `match`, which the compiler turns into a test of the length and a
/// few byte compares.)
fn is_sport_word(word: &str) -> bool {
    matches!(
        word,
        "athletics"
            | "baseball"
            | "basketball"
            | "batsman"
            | "beat"
            | "bowler"
            | "championship"
            | "coach"
            | "cricket"
            | "cup"
            | "defeated"
            | "defender"
            | "drew"
            | "football"
            | "goalkeeper"
            | "goals"
            | "golf"
            | "half-time"
            | "halftime"
            | "hockey"
            | "homer"
            | "homered"
            | "inning"
            | "innings"
            | "league"
            | "match"
            | "midfielder"
            | "pitcher"
            | "quarter-final"
            | "quarterfinal"
            | "relegation"
            | "rugby"
            | "scored"
            | "seeded"
            | "semi-final"
            | "semifinal"
            | "soccer"
            | "standings"
            | "striker"
            | "tennis"
            | "tournament"
            | "unbeaten"
            | "wicket"
            | "wickets"
    )
}

/// How many tokens of a story's beginning are read to tell whether it reports sport (spaces
/// included: some 200 words, the headline and the lead).
const SPORT_LEAD: usize = 400;

/// How much evidence of sport makes a story about sport: a score or a sport word each count one.
const SPORT_EVIDENCE: usize = 4;

impl Reader<'_, '_> {
    /// Whether the document reports sport: four or more scores ("2-1") and words that only
    /// sport uses often ("innings", "striker", "league") in its first [`SPORT_LEAD`] tokens,
    /// found once per document. The headline and the lead say what a story is about, and a
    /// bounded look keeps the cost of a long story down.
    pub fn sports_story(&self) -> bool {
        *self.sports.get_or_init(|| {
            let tokens = &self.doc.tokens[..self.doc.tokens.len().min(SPORT_LEAD)];
            let mut evidence = 0;
            for (i, token) in tokens.iter().enumerate() {
                let found = match token.kind {
                    TokenKind::Word(Case::Lower) => is_sport_word(self.word(i)),
                    TokenKind::Dash => self.is_score(i),
                    _ => false,
                };
                evidence += usize::from(found);
                if evidence >= SPORT_EVIDENCE {
                    return true;
                }
            }
            false
        })
    }

    /// Whether units name a person (a listed one, or a given name first) or a country: names
    /// that have shares and profits without being companies.
    fn names_a_person_or_country(&self, units: &[Unit]) -> bool {
        let first = units[0];
        let listed_person = units.iter().any(|u| u.hit.is_some_and(|h| self.hit_label(h) == Label::Person));
        let given_name = units.len() > 1 && self.lexicon.given_name(self.unit_text(first)).is_some();
        let country = units.len() == 1 && self.lexicon.is_country(self.unit_text(first));
        listed_person || given_name || country
    }

    /// Whether the dash at token `i` is in a score: numbers of up to three digits on both sides,
    /// no space, and no date ("2-1", "108-3"; not "1996-08-30", "2-3-4").
    fn is_score(&self, i: usize) -> bool {
        let short_number = |j: usize| self.is_kind(j, TokenKind::Number) && self.doc.tokens[j].span().len() <= 3;
        i > 0
            && short_number(i - 1)
            && short_number(i + 1)
            && !(i >= 2 && self.is_kind(i - 2, TokenKind::Dash))
            && !self.is_kind(i + 2, TokenKind::Dash)
    }

    /// Whether tokens `first..=last` are a dateline's place: they open their paragraph, and a
    /// year or a date ("1996-08-30") or a bracket ("(Reuters)") follows.
    pub fn is_dateline(&self, first: usize, last: usize) -> bool {
        let opens = self.doc.previous_solid(first).is_none_or(|p| self.is_kind(p, TokenKind::LineBreak));
        opens
            && self.doc.next_solid(last).is_some_and(|n| {
                let token = self.doc.tokens[n];
                (token.kind == TokenKind::Number && token.span().len() >= 4) || self.word(n) == "("
            })
    }
}
