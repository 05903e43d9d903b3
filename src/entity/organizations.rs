//! Rules that decide organizations: by the words around them, by how they are written, and the
//! quoted names and acronyms that follow them.

use super::chunk::Chunk;
use super::decision::{ChunkRule, Decision, Example, Extension, ExtensionRule, PassRule, Piece, Reading, Reads};
use super::reader::{Candidate, Found, Kind, Reader};
use super::units::Part;
use crate::label::Label;
use crate::lexicon::Sex;
use crate::rule::Rule;
use crate::token::{Case, QuoteRole, TokenKind};

/// `org-type-word`: names right after a lowercase organization type word are organizations, each
/// name of an "and" list, when the clause goes on with no verb of theirs ("the religious schools
/// Santo Spirito and Immacolata in Livorno", "the law firm Perkins Coie"; not "the company Tim
/// Cook runs"); a place after "in"/"at" is read on its own.
pub(crate) const ORG_TYPE_WORD: ChunkRule = ChunkRule {
    rule: Rule::OrgTypeWord,
    reads: Reads::WordBefore,
    decide: org_type_word,
    examples: &[
        Example::Finds("She joined the law firm [Quillen Harrowby], based in Leeds.", Label::Org),
        Example::Finds("Pupils of the schools Santo Tomasso and [Immacolata] in Livorno protested.", Label::Org),
        Example::Ignores("The company Tim Cook runs grew."),
    ],
};

fn org_type_word(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let type_word =
        matches!(c.before, "called" | "named") || is_org_type_word(c.before) || is_org_type_plural(c.before);
    if !type_word {
        return None;
    }
    let end = r.org_type_before(c.parts)?;
    let and_or = |index: usize| {
        matches!(c.parts[index], Part::Link { joiner: true })
            && matches!(c.parts.get(index + 1), Some(Part::Unit(u))
                if r.doc.previous_solid(u.first).is_some_and(|p| matches!(r.word(p), "and" | "or")))
    };
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    for index in 0..=end {
        if index == end || and_or(index) {
            if index > piece_start {
                pieces.push(Piece { parts: piece_start..index, reading: Reading::Name(Label::Org, Sex::Unknown) });
            }
            piece_start = index + 1;
        }
    }
    // "… in Livorno": the place after them is read on its own.
    if c.parts.len() > end + 1 {
        pieces.push(Piece { parts: end + 1..c.parts.len(), reading: Reading::Chunk });
    }
    Some(Decision::Pieces(pieces))
}

/// `org-of-place`: a listed organization followed by "of" names a branch or an institution of a
/// place ("Democratic Front of Camagüey", "Supreme Court of Cuba").
pub(crate) const ORG_OF_PLACE: ChunkRule = ChunkRule {
    rule: Rule::OrgOfPlace,
    reads: Reads::Several,
    decide: org_of_place,
    examples: &[
        Example::Finds("The [Amnesty International of Quorvia] protested.", Label::Org),
        Example::Ignores("Amnesty International protested in Quorvia."),
    ],
};

fn org_of_place(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let first = c.units[0];
    let org = first.hit.is_some_and(|h| r.hit_label(h) == Label::Org)
        && c.units.len() >= 2
        && r.doc.next_solid(first.last).is_some_and(|n| r.word(n) == "of");
    org.then(|| Decision::Name(Found::name(c.first(), c.last(), Label::Org)))
}

/// `founded-org`: a name no list knows, without a title, before "was/were/is/has been founded",
/// "established", "formed", "incorporated" is an organization ("Kalameh Sabz was founded in
/// 2009"): people are born, organizations founded.
pub(crate) const FOUNDED_ORG: ChunkRule = ChunkRule {
    rule: Rule::FoundedOrg,
    reads: Reads::WordAfter,
    decide: founded_org,
    examples: &[
        Example::Finds("[Quorvel Sabz] was founded in 2009.", Label::Org),
        Example::Ignores("Rome was founded long ago."),
    ],
};

fn founded_org(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let founded = !c.titled && c.unlisted() && r.founded_after(c.last());
    founded.then(|| Decision::Name(Found::name(c.first(), c.last(), Label::Org)))
}

/// `the-org-head`: an organization head word alone after "the" names an organization ("The
/// Post reported", "the Court ruled"); not a demonym that heads elsewhere ("the Republicans").
pub(crate) const THE_ORG_HEAD: ChunkRule = ChunkRule {
    rule: Rule::TheOrgHead,
    reads: Reads::Word,
    decide: the_org_head,
    examples: &[
        Example::Finds("Later the [Court] ruled against him.", Label::Org),
        Example::Ignores("Later the Republicans objected."),
    ],
};

fn the_org_head(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone_word()?;
    (!c.titled && r.org_head_after_the(unit.first))
        .then(|| Decision::Name(Found::name(unit.first, unit.last, Label::Org)))
}

/// `camel-case-org`: a lone camel-case word is how companies, sites and groups write their
/// names ("LibriVox", "WikiLeaks", "MicroMega"); not a Mc/Mac/De-style surname ("McCain",
/// "DeVos") nor a handle or hashtag ("@TimKaine", "#NeverTrump": no name at all).
pub(crate) const CAMEL_CASE_ORG: ChunkRule = ChunkRule {
    rule: Rule::CamelCaseOrg,
    reads: Reads::Word,
    decide: camel_case_org,
    examples: &[
        Example::Finds("Volunteers record books for [QuillVox] at home.", Label::Org),
        Example::Ignores("Follow @QuillVox for news."),
        Example::Ignores("Senator McCain objected."),
    ],
};

fn camel_case_org(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone_word()?;
    if c.titled || !is_camel_case(r.word(unit.first)) {
        return None;
    }
    let first = unit.first;
    let tagged = first > 0
        && r.doc.tokens[first - 1].span().end == r.doc.tokens[first].span().start
        && matches!(r.word(first - 1), "@" | "#");
    Some(if tagged { Decision::NoName } else { Decision::Name(Found::name(first, first, Label::Org)) })
}

/// `quoted-org-part`: a quoted name right after an organization is part of its name ("Civic
/// Resistance Front 'Orlando Zapata Tamayo'").
pub(crate) const QUOTED_ORG_PART: ExtensionRule = ExtensionRule {
    rule: Rule::QuotedOrgPart,
    extend: quoted_org_part,
    examples: &[
        Example::Finds("He led the [Civic Resistance Front 'Ramón Quill Tamayo'] for years.", Label::Org),
        Example::Ignores("He praised the Civic Resistance Front on 'Radio Quill'."),
    ],
};

fn quoted_org_part(r: &Reader<'_, '_>, candidate: &Candidate) -> Option<Extension> {
    if candidate.label != Label::Org {
        return None;
    }
    let (_, _, close) = r.quoted_name_after(candidate.last)?;
    Some(Extension::Grow { last: close, label: Label::Org, kind: candidate.kind })
}

/// `bracketed-acronym`: an all-capitals word in brackets right after an organization is its
/// alias ("Patriotic Union of Cuba (UNPACU)"), a mention of it here and wherever it recurs.
pub(crate) const BRACKETED_ACRONYM: ExtensionRule = ExtensionRule {
    rule: Rule::BracketedAcronym,
    extend: bracketed_acronym,
    examples: &[
        Example::Finds("The Democratic Front of Quorvia ([DEFRQ]) met.", Label::Org),
        Example::Ignores("The Democratic Front of Quorvia (in exile) met."),
    ],
};

fn bracketed_acronym(r: &Reader<'_, '_>, candidate: &Candidate) -> Option<Extension> {
    if candidate.label != Label::Org {
        return None;
    }
    let acronym = r.bracketed_acronym_after(candidate.last)?;
    let found = Found { kind: Kind::Acronym, ..Found::name(acronym, acronym, Label::Org) };
    Some(Extension::Add { found, next: acronym + 2 })
}

/// `quoted-org`: a quoted name right after an organization type word is an organization ("the
/// civic platform ‘Cuba Decide’"). Runs over the whole document after the chunks are read
/// ([`quoted_orgs`]); a quoted name that overlaps a candidate without containing it is left
/// alone.
pub(crate) const QUOTED_ORG: PassRule = PassRule {
    rule: Rule::QuotedOrg,
    examples: &[
        Example::Finds("She founded the civic platform ‘[Quorvia Decides]’ in 2015.", Label::Org),
        Example::Ignores("She called it ‘Quorvia Decides’ in 2015."),
    ],
};

/// The organizations named in quotes after a type word (`quoted-org`), as candidates.
pub(crate) fn quoted_orgs(r: &Reader<'_, '_>, taken: &[Candidate]) -> Vec<Candidate> {
    let mut found = Vec::new();
    let tokens = &r.doc.tokens;
    for open in r.doc.quote_marks.iter().map(|&q| q as usize).filter(|&q| q >= 2) {
        // Only an opening mark after "type word + space" can start one.
        if tokens[open].quote().is_none_or(|m| m.role == QuoteRole::Close)
            || !r.is_gap(open - 1)
            || !r.is_kind(open - 2, TokenKind::Word(Case::Lower))
            || !is_org_type_word(r.word(open - 2))
        {
            continue;
        }
        let Some((first, last, _)) = r.quoted_name_at(open) else { continue };
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
            rule: QUOTED_ORG.rule,
        });
    }
    found
}

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

impl Reader<'_, '_> {
    /// Whether a chunk stands right after a lowercase organization type word ("the newspaper",
    /// "the religious schools") and is followed by punctuation, a preposition or the end — not
    /// by a verb ("the company Tim Cook runs", "the firms Manafort and Gates worked with"): the
    /// index of the part where its names end. A chunk that a list knows as a person or a place
    /// is left to the other rules.
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

    /// Whether token `i` is an organization's head word alone after "the": "The Post", "the
    /// Court".
    fn org_head_after_the(&self, i: usize) -> bool {
        self.doc.previous_solid(i).is_some_and(|p| matches!(self.word(p), "the" | "The"))
            && self.lexicon.heads.match_at(self.doc, i).is_some_and(|(end, label)| end == i && label == Label::Org)
            && !self.is_demonym_unit(super::units::Unit { first: i, last: i, hit: None })
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

    /// An all-capitals word in brackets right after token `last`: the word's token index.
    fn bracketed_acronym_after(&self, last: usize) -> Option<usize> {
        if !self.is_gap(last + 1) || !self.word_is(last + 2, "(") {
            return None;
        }
        let i = last + 3;
        let upper = matches!(self.doc.tokens.get(i)?.kind, TokenKind::Word(Case::Upper));
        (upper && self.word_is(i + 1, ")")).then_some(i)
    }
}
