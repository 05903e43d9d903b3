//! What every name rule reads: the document, its gazetteer hits and the lexicons, with the
//! questions about words that many rules ask ("is a reporting verb next to this name?").
//!
//! The rules themselves live in the files named by what they decide (`people.rs`,
//! `evidence.rs`, `organizations.rs`, `places.rs`, `prisons.rs`, `boundaries.rs`, `joins.rs`);
//! each adds the questions only it asks in an `impl Reader` block of its own.

use super::units::{JOINERS, PARTICLES, Unit};
use crate::document::Document;
use crate::gazetteer::{Gazetteer, Hit};
use crate::label::Label;
use crate::lexicon::{CueKind, Lexicon, Sex};
use crate::rule::{Rule, RuleSet};
use crate::span::Span;
use crate::token::{Case, QuoteRole, TokenKind};
use std::cell::OnceCell;

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

/// A candidate mention, as the name rules leave it for clustering.
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
    /// The rule that found it (for a bare word, the clustering rule that accepts it replaces it).
    pub rule: Rule,
}

/// A name that a rule found: tokens `first..=last` and what they are. The rule that found it is
/// added when it becomes a [`Candidate`]; `rule` is set only where another rule takes the credit
/// (a listed name is the gazetteer's).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub kind: Kind,
    pub sex: Sex,
    pub titled: bool,
    pub rule: Option<Rule>,
}

impl Found {
    /// A name built by a rule.
    pub fn name(first: usize, last: usize, label: Label) -> Found {
        Found { first, last, label, kind: Kind::Name { entry: None }, sex: Sex::Unknown, titled: false, rule: None }
    }

    /// A lone word that may be the short form of a name met before or after (see clustering).
    pub fn bare(first: usize, last: usize) -> Found {
        Found { kind: Kind::Bare, ..Found::name(first, last, Label::Person) }
    }

    /// The same name with a gender hint and whether a title came before it.
    pub fn with(self, sex: Sex, titled: bool) -> Found {
        Found { sex, titled, ..self }
    }
}

/// The document as the name rules read it.
pub(crate) struct Reader<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub hits: &'a [Hit],
    /// The lists, for the rules that ask whether a name made of a word is listed ("Tadmor
    /// Prison" for "Tadmor").
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a Lexicon,
    /// The rules switched off.
    pub disabled: RuleSet,
    /// One bit per token: whether a gazetteer hit starts there (a bit, not a hit index per
    /// token, so that the table is 1/32 of the size of the token list and stays in cache).
    hit_starts: Vec<u64>,
    /// For each paragraph, whether it is written in title case (a headline).
    title_case: Vec<bool>,
    /// Whether the document reports sport (see `clubs.rs`), found when a rule first asks.
    pub(crate) sports: OnceCell<bool>,
}

impl<'a, 'd> Reader<'a, 'd> {
    pub fn new(
        doc: &'a Document<'d>,
        hits: &'a [Hit],
        gazetteer: &'a Gazetteer,
        lexicon: &'a Lexicon,
        disabled: RuleSet,
    ) -> Self {
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
        Reader { doc, hits, gazetteer, lexicon, disabled, hit_starts, title_case, sports: OnceCell::new() }
    }

    /// Whether a rule is switched on.
    #[inline]
    pub fn enabled(&self, rule: Rule) -> bool {
        !self.disabled.contains(rule)
    }

    // ----- tokens -----

    #[inline]
    pub fn word(&self, i: usize) -> &'d str {
        self.doc.word(i)
    }

    pub fn word_is(&self, i: usize, text: &str) -> bool {
        i < self.doc.tokens.len() && self.word(i) == text
    }

    pub fn is_kind(&self, i: usize, kind: TokenKind) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == kind)
    }

    /// Whether token `i` is a capitalised or all-capitals word.
    pub fn is_name_word(&self, i: usize) -> bool {
        matches!(self.doc.tokens.get(i).map(|t| t.kind), Some(TokenKind::Word(Case::Capitalized | Case::Upper)))
    }

    /// Whether token `i` is a lowercase word of `list`.
    pub fn is_lower_word(&self, i: usize, list: &[&str]) -> bool {
        matches!(self.doc.tokens.get(i).map(|t| t.kind), Some(TokenKind::Word(Case::Lower)))
            && list.contains(&self.word(i))
    }

    /// Whether token `i` is horizontal space of one ordinary width (not a line break).
    pub fn is_gap(&self, i: usize) -> bool {
        self.is_kind(i, TokenKind::Space)
    }

    /// The text of tokens `first..=last`.
    #[inline]
    pub fn text_of(&self, first: usize, last: usize) -> &'d str {
        &self.doc.text[self.doc.tokens[first].span().start..self.doc.tokens[last].span().end]
    }

    #[inline]
    pub fn unit_text(&self, unit: Unit) -> &'d str {
        self.text_of(unit.first, unit.last)
    }

    /// Whether token `i` opens a sentence, or a quoted sentence inside one (“Poet says…”):
    /// capitalisation there is no evidence of a name.
    pub fn opens_sentence(&self, i: usize) -> bool {
        self.doc.is_sentence_initial(i)
            || self
                .doc
                .previous_solid(i)
                .is_some_and(|p| self.doc.tokens[p].quote().is_some_and(|m| m.role != QuoteRole::Close))
    }

    /// Whether token `i` is in a paragraph written in title case: four or more words of four
    /// letters or more, at least four in five of them capitalised, and no final full stop.
    pub fn title_case_paragraph(&self, i: usize) -> bool {
        let paragraph = self.doc.sentences.get(self.doc.sentence_of[i] as usize).map_or(0, |s| s.paragraph);
        self.title_case.get(paragraph).copied().unwrap_or(false)
    }

    /// Whether token `i` is an ordinary English word where capitalisation says nothing: at the
    /// start of a sentence or of a quoted sentence.
    pub fn is_ordinary(&self, i: usize) -> bool {
        self.opens_sentence(i) && self.lexicon.is_english(self.word(i))
    }

    /// Whether a word is a title or role, or one in the plural ("Senators"): no name alone.
    pub fn is_title_word(&self, word: &str) -> bool {
        self.lexicon.titles.contains_word(word).is_some()
            || word.strip_suffix('s').is_some_and(|one| self.lexicon.titles.contains_word(one).is_some())
    }

    // ----- gazetteer hits -----

    /// Whether a gazetteer hit starts at token `i`.
    #[inline]
    pub fn starts_hit(&self, i: usize) -> bool {
        self.hit_starts.get(i / 64).is_some_and(|bits| bits & (1 << (i % 64)) != 0)
    }

    /// The index of the gazetteer hit that starts at token `i`, if one does (hits are in text
    /// order and disjoint).
    pub fn hit_at(&self, i: usize) -> Option<usize> {
        self.starts_hit(i).then(|| self.hits.partition_point(|h| h.tokens.start < i))
    }

    /// The label a gazetteer hit gives.
    pub fn hit_label(&self, hit: usize) -> Label {
        self.hits[hit].label
    }

    /// A unit that is a gazetteer hit, as the name of its entry, credited to its list.
    pub fn listed(&self, unit: Unit, hit: usize) -> Found {
        let h = &self.hits[hit];
        let source = if h.user { Rule::UserGazetteer } else { Rule::Gazetteer };
        Found {
            kind: Kind::Name { entry: Some(h.entry) },
            rule: Some(source),
            ..Found::name(unit.first, unit.last, h.label)
        }
    }

    // ----- words the lexicons know -----

    /// Whether a unit is a demonym and nothing else ("Cuban", "Puerto Rican").
    pub fn is_demonym_unit(&self, unit: Unit) -> bool {
        unit.hit.is_none()
            && self.lexicon.demonyms.match_at(self.doc, unit.first).is_some_and(|(end, _)| end == unit.last)
    }

    /// Whether a reporting verb follows token `last` ("Ortega assured that").
    pub fn cue_after(&self, last: usize) -> bool {
        let Some(next) = self.doc.next_solid(last) else { return false };
        // A verb phrase counts as its verb ("told reporters", "said in a statement").
        let cue = self.doc.tokens[next].kind == TokenKind::Word(Case::Lower)
            && self.lexicon.cues.match_at(self.doc, next).is_some_and(|(_, kind)| kind != CueKind::Noun);
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
    /// ("…,” said Ilyse Hogue), or after a comma when the word at `first` ends the clause ("…
    /// for Clinton, said Kunin."): the inverted attribution of news.
    pub fn cue_before(&self, first: usize) -> bool {
        let Some(verb) = self.doc.previous_solid(first) else { return false };
        let is_verb = self.doc.tokens[verb].kind == TokenKind::Word(Case::Lower)
            && self.lexicon.cues.match_at(self.doc, verb).is_some_and(|(end, kind)| {
                end == verb
                    && kind == CueKind::Verb
                    && !matches!(self.word(verb), "told" | "tells" | "asked" | "called" | "named")
            });
        let Some(mut before) = self.doc.previous_solid(verb) else { return false };
        if self.word(before) == "," {
            let Some(b) = self.doc.previous_solid(before) else { return false };
            before = b;
        }
        if !is_verb {
            return false;
        }
        if self.doc.tokens[before].quote().is_some_and(|m| m.role != QuoteRole::Open) {
            return true;
        }
        let after_comma = self.doc.previous_solid(verb).is_some_and(|p| self.word(p) == ",");
        let ends_clause = self
            .doc
            .next_solid(first)
            .is_none_or(|n| self.doc.tokens[n].kind == TokenKind::LineBreak || matches!(self.word(n), "." | "," | ";"));
        after_comma && ends_clause
    }

    /// A kinship or person-role word right before token `first` (a comma may come between), with
    /// its gender hint: "his wife Nelva", "the activist, Ana".
    pub fn person_context_before(&self, first: usize) -> Option<Sex> {
        let mut i = self.doc.previous_solid(first)?;
        if self.word(i) == "," {
            i = self.doc.previous_solid(i)?;
        }
        let word = self.word(i);
        if let Some(&(_, sex)) = KIN_AND_ROLE_WORDS.iter().find(|(w, _)| *w == word) {
            return Some(sex);
        }
        match self.lexicon.descriptor(word) {
            Some((Label::Person, sex)) if self.doc.tokens[i].kind == TokenKind::Word(Case::Lower) => Some(sex),
            _ => None,
        }
    }

    /// The label of the rightmost head word or phrase among the units, if any.
    ///
    /// A gazetteer name inside a longer name is not a head ("New York" in "New York
    /// University"), unless `hit_heads` and it is one head word that ends the name right after
    /// another unit: "Texas Senate", "Lincoln Memorial" (the Senate, the Memorial society).
    pub fn rightmost_head(&self, units: &[Unit], hit_heads: bool) -> Option<Label> {
        let mut found = None;
        let mut covered_to = 0;
        for (index, unit) in units.iter().enumerate() {
            if unit.hit.is_some() {
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
    pub fn heads_in(&self, unit: Unit, covered_to: &mut usize, mut found: impl FnMut(Label)) {
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

    /// A quoted name whose opening mark is token `open`: one to five capitalised words (name
    /// particles and joiners between them) and a closing mark of the same kind. Returns its first
    /// and last word tokens and the closing mark.
    pub fn quoted_name_at(&self, open: usize) -> Option<(usize, usize, usize)> {
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

    /// A quoted name right after token `last` and a space.
    pub fn quoted_name_after(&self, last: usize) -> Option<(usize, usize, usize)> {
        if !self.is_gap(last + 1) {
            return None;
        }
        self.quoted_name_at(last + 2)
    }
}

/// Lowercase words before a name that say it is a person: kin and roles (with a gender hint).
const KIN_AND_ROLE_WORDS: &[(&str, Sex)] = &[
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

/// Whether a capitalised word is a personal or possessive pronoun: never a name.
pub(crate) fn is_pronoun(word: &str) -> bool {
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
