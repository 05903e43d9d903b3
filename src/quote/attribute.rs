//! The attribution sieve: ordered rules that find who said a quote, most reliable first.
//!
//! | rule | shape | example |
//! | --- | --- | --- |
//! | `after-cue-speaker` | quote, cue, speaker | “…,” said Nick Witney / “…,” added the activist |
//! | `after-speaker-cue` | quote, speaker, cue | “…,” Trump said / “…,” Nelva Ismarays Ortega recently stated / “…,” Schiff, a Democrat, told reporters |
//! | `according-to` | "according to" speaker, in the quote's sentence | “…,” according to the ministry |
//! | `before-speaker-cue` | speaker, cue, quote, in one sentence | Smith said: “…” / Salazar described the regime as “…” / the sister …, Ana Belkis Ferrer García, denounced that the dictatorship “…” |
//! | `colon` | speaker (and cue) then a colon, in the sentence or the paragraph before | Caddell continued: ¶ “…” / Bruno Parrilla … on Twitter: “…” |
//! | `interrupted` | a quote right after an attributed one in the same sentence | “…,” he said, “…” |
//! | `continued` | a quote that opens a sentence or paragraph with no cue, after an attributed quote nearby | “…,” she said. “…” |
//! | `previous-sentence` | a quote that opens a sentence with no cue, after a sentence whose subject reports speech | Matonga clarified the comments. “…” |
//!
//! Each rule returns the speaker mention (an entity, a pronoun or a description) and the cue;
//! [`resolve`](Attributor::resolve) then links pronouns and descriptions to entities.

use super::marks::Quoted;
use super::speaker::{MentionKind, SpeakerMention, Speakers, UNLISTED_REACH};
use crate::document::Document;
use crate::label::Label;
use crate::lexicon::CueKind;
use crate::rule::{Rule, RuleSet};
use crate::token::{Case, TokenKind};
use std::cell::Cell;

/// Whether an attribution rule can rest on a reporting cue of the quote's own sentence (strong
/// evidence that the quoted words are someone's), rather than on the neighbourhood of another
/// quote.
pub(crate) fn has_cue(rule: Rule) -> bool {
    !matches!(rule, Rule::Continued | Rule::PreviousSentence)
}

/// A found attribution.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attribution {
    pub mention: SpeakerMention,
    /// The cue's first and last token.
    pub cue: Option<(usize, usize)>,
    pub rule: Rule,
}

/// Words that may stand between a speaker and the reporting verb: auxiliaries and adverbs.
const BETWEEN: &[&str] = &[
    "also",
    "again",
    "later",
    "then",
    "recently",
    "previously",
    "once",
    "still",
    "further",
    "first",
    "finally",
    "simply",
    "has",
    "had",
    "have",
    "is",
    "was",
    "were",
    "are",
    "would",
    "will",
    "could",
    "should",
    "might",
    "may",
    "did",
    "does",
    "do",
    "not",
    "never",
    "just",
    "often",
    "repeatedly",
    "reportedly",
    "allegedly",
    "publicly",
    "privately",
    "earlier",
    "yesterday",
    "today",
    "only",
    "even",
    "already",
    "has",
    "been",
    "being",
    "quickly",
    "angrily",
    "told",
    "wrote",
];

/// Prepositions: a name after one is not the subject of the clause.
const PREPOSITIONS: &[&str] = &[
    "to",
    "by",
    "of",
    "with",
    "for",
    "from",
    "on",
    "at",
    "in",
    "about",
    "against",
    "after",
    "before",
    "than",
    "like",
    "toward",
    "towards",
    "into",
    "over",
    "under",
    "between",
    "among",
    "including",
    "via",
    "per",
    "unlike",
    "behind",
];

/// Reporting verbs whose object, not subject, follows them ("told Reuters"): after a quote they
/// cannot introduce the speaker, nor before one as an inverted verb.
pub(super) const OBJECT_VERBS: &[&str] = &["told", "tell", "tells", "telling"];

/// How far back the colon rule looks for its cue and speaker (in tokens), and speaker resolution
/// for a compatible mention or an earlier speaker (in mentions, in speakers): a bounded look, so
/// that a paragraph of thousands of quotes costs linear time.
pub(super) const LOOK_BACK: usize = 60;

pub(crate) struct Attributor<'a, 'd> {
    pub speakers: Speakers<'a, 'd>,
    /// All quoted stretches of the document, in text order.
    pub quotes: &'a [Quoted],
    /// The first person of the last sentence asked about, by sentence index (see
    /// [`sentence_person`](Self::sentence_person)).
    pub sentence_person: Cell<Option<(usize, Option<SpeakerMention>)>>,
    /// The rules switched off.
    pub disabled: RuleSet,
}

impl<'a, 'd> Attributor<'a, 'd> {
    pub(super) fn doc(&self) -> &'a Document<'d> {
        self.speakers.doc
    }

    pub(super) fn word(&self, i: usize) -> &'d str {
        self.doc().word(i)
    }

    /// The reporting cue that starts at token `i`: its last token and kind. Verbs must be lower
    /// case; phrases may open a sentence ("According to").
    pub fn cue_at(&self, i: usize) -> Option<(usize, CueKind)> {
        let token = self.doc().tokens.get(i)?;
        let case = match token.kind {
            TokenKind::Word(case) => case,
            _ => return None,
        };
        let (last, kind) = self.speakers.lexicon.cues.match_at(self.doc(), i)?;
        match (case, kind) {
            (Case::Lower, _) | (Case::Capitalized, CueKind::Phrase) => Some((last, kind)),
            _ => None,
        }
    }

    /// A reporting verb (or phrase) at token `i`, not a noun: a verb form after a determiner is
    /// the noun ("the reply", "a report").
    pub(super) fn verb_at(&self, i: usize) -> Option<usize> {
        self.verb_of(i, self.cue_at(i))
    }

    /// [`verb_at`](Self::verb_at) for the cue already read at token `i`.
    pub(super) fn verb_of(&self, i: usize, cue: Option<(usize, CueKind)>) -> Option<usize> {
        match cue? {
            (last, CueKind::Phrase) => Some(last),
            (last, CueKind::Verb) => {
                let determined = self.previous(i).is_some_and(|p| {
                    matches!(
                        self.word(p),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that" | "The" | "A"
                    )
                });
                (!determined).then_some(last)
            }
            (_, CueKind::Noun) => None,
        }
    }

    /// The next solid token after `i` in the same paragraph.
    pub(super) fn next(&self, i: usize) -> Option<usize> {
        let j = self.doc().next_solid(i)?;
        (self.doc().tokens[j].kind != TokenKind::LineBreak).then_some(j)
    }

    /// The previous solid token before `i` in the same paragraph.
    pub(super) fn previous(&self, i: usize) -> Option<usize> {
        let j = self.doc().previous_solid(i)?;
        (self.doc().tokens[j].kind != TokenKind::LineBreak).then_some(j)
    }

    pub(super) fn is_between(&self, i: usize) -> bool {
        let token = self.doc().tokens[i];
        token.kind == TokenKind::Word(Case::Lower) && {
            let word = self.word(i);
            BETWEEN.contains(&word) || word.ends_with("ly") && word.len() > 4
        }
    }

    /// Runs the sieve for quote `q` (index `index` in `quotes`); `earlier` is the last stretch
    /// before it kept as a quote, with its attribution, if it has one. (Stretches dropped as names
    /// or titles are skipped: “…,” he said on “Meet the Press.” “But…” continues his quote.)
    ///
    /// An attribution by a rule that is switched off counts as none: the sieve goes on.
    pub fn attribute(
        &self,
        quotes: &[Quoted],
        index: usize,
        earlier: Option<(usize, Attribution)>,
    ) -> Option<Attribution> {
        let q = &quotes[index];
        let on = |found: Attribution| (!self.disabled.contains(found.rule)).then_some(found);
        self.after_quote(q)
            .and_then(on)
            .or_else(|| self.according_to(q).and_then(on))
            .or_else(|| self.before_quote(q).and_then(on))
            .or_else(|| self.colon(q).and_then(on))
            .or_else(|| self.signature(q).and_then(on))
            .or_else(|| self.interrupted(quotes, index, earlier).and_then(on))
            .or_else(|| self.continued(quotes, index, earlier).and_then(on))
            .or_else(|| self.previous_sentence(q).and_then(on))
    }

    /// `previous-sentence`: a quote that opens its sentence, with no cue of its own, after a
    /// sentence (in the same paragraph, or ending the one before) whose subject reports speech:
    /// "Matonga later clarified the president's comments. “What the president is saying…”"
    fn previous_sentence(&self, q: &Quoted) -> Option<Attribution> {
        let doc = self.doc();
        let here = doc.sentence_of[q.open] as usize;
        if doc.sentences[here].tokens.start != q.open || here == 0 {
            return None;
        }
        let before = &doc.sentences[here - 1];
        if before.paragraph + 1 < q.paragraph
            || before.paragraph != q.paragraph && doc.paragraphs[q.paragraph].tokens.start != q.open
        {
            return None;
        }
        if before.tokens.clone().any(|i| doc.tokens[i].quote().is_some()) {
            return None;
        }
        let start = before.tokens.start;
        let cue = before
            .tokens
            .clone()
            .find(|&i| self.verb_at(i).is_some() && !self.word(i).eq_ignore_ascii_case("according"))?;
        let mention = self.subject_of(cue, start)?;
        let cue_last = self.verb_at(cue)?;
        Some(Attribution { mention, cue: Some((cue, cue_last)), rule: Rule::PreviousSentence })
    }

    /// `according-to`: "according to X" in the sentence of the quote, near it, before or after.
    fn according_to(&self, q: &Quoted) -> Option<Attribution> {
        let sentence = &self.doc().sentences[self.doc().sentence_of[q.open] as usize];
        let end_sentence = match q.close {
            Some(close) => &self.doc().sentences[self.doc().sentence_of[close] as usize],
            None => sentence,
        };
        // Forty tokens on each side of the quote, within its sentence: a bounded look, so that a
        // sentence of thousands of quotes costs linear time.
        const REACH: usize = 40;
        let before = sentence.tokens.start.max(q.open.saturating_sub(REACH))..q.open;
        let after_start = q.close.map_or(end_sentence.tokens.end, |c| c + 1);
        let after = after_start..end_sentence.tokens.end.min(after_start + REACH);
        for i in before.chain(after) {
            if self.word(i).eq_ignore_ascii_case("according")
                && let Some((last, CueKind::Phrase)) = self.cue_at(i)
            {
                let mention = self.speakers.starting_at(self.next(last)?)?;
                return Some(Attribution { mention, cue: Some((i, last)), rule: Rule::AccordingTo });
            }
        }
        None
    }

    /// The first person of sentence `index` outside quotes and prepositional phrases. Found once
    /// per sentence (quotes come in text order), so that a sentence of thousands of quotes and
    /// verbs is not read again for each.
    pub(super) fn sentence_person(&self, index: usize) -> Option<SpeakerMention> {
        if let Some((cached, person)) = self.sentence_person.get()
            && cached == index
        {
            return person;
        }
        let tokens = self.doc().sentences[index].tokens.clone();
        let start = tokens.start;
        let person = tokens.into_iter().find_map(|j| {
            let m = self.speakers.names.mention_at_token(j).filter(|m| m.first == j)?;
            (m.label == Label::Person && !self.governed(m.first, m.last, start) && !self.inside_quote(j))
                .then_some(SpeakerMention { first: m.first, last: m.last, kind: MentionKind::Entity(m.entity) })
        });
        self.sentence_person.set(Some((index, person)));
        person
    }

    /// The subject of the reporting verb at token `cue`, in the clause that starts at `start`.
    pub(super) fn subject_of(&self, cue: usize, start: usize) -> Option<SpeakerMention> {
        let mut p = self.previous(cue)?;
        for _ in 0..4 {
            if p > start && self.is_between(p) {
                p = self.previous(p)?;
            } else {
                break;
            }
        }
        if p < start {
            return None;
        }
        // The object of a preposition is no subject of a finite verb: in "his responses in the
        // interview described", the subject is the mention before the prepositional phrase (but
        // "footage of Trump saying" is Trump's words).
        let participle = self.word(cue).ends_with("ing");
        let mut end = p;
        for step in 0..2 {
            let Some(mention) = self.speakers.ending_at(end).filter(|m| m.first >= start) else { break };
            // Before the phrase, a bare noun is the verb's object ("would not comment on an order
            // signed by…"), not a subject.
            let bare = matches!(mention.kind, MentionKind::Description { .. } | MentionKind::Unlisted)
                && !self.speakers.is_determiner(mention.first);
            if step > 0 && bare {
                break;
            }
            if participle || !self.after_preposition(mention.first, start) {
                return Some(mention);
            }
            let Some(before) = self.previous(mention.first).and_then(|preposition| self.previous(preposition)) else {
                break;
            };
            end = before;
        }
        let found = if self.word(p) == "," || p > start { self.clause_subject(start, p + 1) } else { None };
        // Words no list knows that open the clause, right before the verb, when a determiner or
        // two capitalised words open them: "The chemical maker said “…”".
        // (A bounded look: a sentence of thousands of quotes costs linear time.)
        found.or_else(|| {
            let reach = p.saturating_sub(UNLISTED_REACH).max(start);
            let opening = match (reach..p).rev().find(|&j| self.word(j) == ",") {
                Some(comma) => comma + 1,
                None if reach == start => start,
                None => return None,
            };
            self.speakers.unlisted_named(opening, p + 1)
        })
    }

    /// The subject of the clause `start..end` when it is not right before its verb (after an
    /// apposition or an opening phrase): the first person named in the clause, else its first
    /// organization, else a pronoun or description opening it. Names after a preposition or a
    /// determiner, or in the possessive, are not subjects ("Speaking to MSNBC's Morning Joe,
    /// Bush described…").
    pub(super) fn clause_subject(&self, start: usize, end: usize) -> Option<SpeakerMention> {
        let mut organization: Option<SpeakerMention> = None;
        for j in start..end {
            if let Some(m) = self.speakers.names.mention_at_token(j)
                && m.first == j
                && m.last < end
                && !self.governed(m.first, m.last, start)
            {
                let mention = SpeakerMention { first: m.first, last: m.last, kind: MentionKind::Entity(m.entity) };
                match m.label {
                    Label::Person => return Some(mention),
                    Label::Org if organization.is_none() => organization = Some(mention),
                    _ => {}
                }
            }
        }
        if organization.is_some() {
            return organization;
        }
        let opening =
            (start..end).find(|&j| !self.doc().tokens[j].is_blank() && self.doc().tokens[j].quote().is_none())?;
        self.speakers.starting_at(opening).filter(|m| m.last < end)
    }

    /// The speaker mention that opens the clause `start..end`, or opens it after a leading
    /// prepositional phrase and its comma: "She went on to attack Trump, saying …", "On Twitter,
    /// she responded …", "The former secretary of state mocked Trump for …".
    pub(super) fn opening_subject(&self, start: usize, end: usize) -> Option<SpeakerMention> {
        let doc = self.doc();
        let mut opening = (start..end).find(|&j| !doc.tokens[j].is_blank() && doc.tokens[j].quote().is_none())?;
        if PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(self.word(opening))) {
            let comma = (opening..end.min(opening + 8)).find(|&j| self.word(j) == ",")?;
            opening = self.next(comma)?;
        }
        self.speakers.starting_at(opening).filter(|m| m.last < end && !self.governed(m.first, m.last, start))
    }

    /// Whether the mention opening at token `first` is the object of a preposition (within the
    /// clause that starts at `start`).
    fn after_preposition(&self, first: usize, start: usize) -> bool {
        self.previous(first).filter(|&b| b >= start).is_some_and(|b| PREPOSITIONS.contains(&self.word(b)))
    }

    /// Whether the tokens `range` are blank or one of `words` (the punctuation or particle that
    /// may stand between a cue and its quote).
    pub(super) fn only_between(&self, range: std::ops::Range<usize>, words: &[&str]) -> bool {
        range.into_iter().all(|j| self.doc().tokens[j].is_blank() || words.contains(&self.word(j)))
    }

    /// Whether token `i` lies between the marks of a quoted stretch.
    pub(super) fn inside_quote(&self, i: usize) -> bool {
        let at = self.quotes.partition_point(|q| q.open < i);
        at > 0
            && self.quotes[at - 1].close.is_none_or(|c| i < c)
            && self.speakers.doc.tokens[i].span().start < self.quotes[at - 1].span.end
    }

    /// Whether token `i` is a quotation mark that closes quoted words, not a quoted name (the
    /// name "‘Cuba Decide’" is an entity mention).
    pub(super) fn closes_quote(&self, i: usize) -> bool {
        let closing = self.doc().tokens[i].quote().is_some_and(|m| m.role != crate::token::QuoteRole::Open);
        closing && i > 0 && self.speakers.names.mention_at_token(i - 1).is_none_or(|m| m.last != i - 1)
    }

    /// Whether the mention at tokens `first..=last` is the object of a preposition, follows a
    /// determiner, or is in the possessive: then it cannot be the subject of a clause.
    pub(super) fn governed(&self, first: usize, last: usize, start: usize) -> bool {
        let possessive = self.doc().tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Clitic)
            || self.doc().tokens.get(last + 1).is_some_and(|_| matches!(self.word(last + 1), "’" | "'"));
        if possessive {
            return true;
        }
        self.after_preposition(first, start)
            || self
                .previous(first)
                .filter(|&b| b >= start)
                .is_some_and(|b| matches!(self.word(b), "the" | "a" | "an" | "his" | "her" | "their" | "its"))
    }

    /// `colon`: a colon before the quote, with a speaker (and maybe a cue) before it, in the
    /// same sentence or ending the previous paragraph.
    fn colon(&self, q: &Quoted) -> Option<Attribution> {
        let before = self.doc().previous_solid(q.open)?;
        let colon = if self.word(before) == ":" {
            before
        } else if self.doc().tokens[before].kind == TokenKind::LineBreak {
            let end = self.doc().previous_solid(before)?;
            let end =
                if self.doc().tokens[end].kind == TokenKind::LineBreak { self.doc().previous_solid(end)? } else { end };
            if self.word(end) != ":" {
                return None;
            }
            end
        } else {
            return None;
        };
        let sentence = &self.doc().sentences[self.doc().sentence_of[colon] as usize];
        // At most LOOK_BACK tokens back: a sentence of thousands of colons and quotes is not read
        // again for each.
        let start = sentence.tokens.start.max(colon.saturating_sub(LOOK_BACK));
        // A cue before the colon: "Caddell continued:".
        let mut i = colon;
        while i > start {
            i -= 1;
            if self.verb_at(i).is_some() {
                let mention = self.subject_of(i, start)?;
                let cue_last = self.verb_at(i)?;
                return Some(Attribution { mention, cue: Some((i, cue_last)), rule: Rule::Colon });
            }
        }
        // No cue: the speaker right before the colon ("Mr. Obama: “…”"), or the subject of the
        // clause ("She then addressed the supporters again: “…”").
        let p = self.previous(colon)?;
        let mention = match self.speakers.ending_at(p) {
            Some(m) if m.first >= start && matches!(m.kind, MentionKind::Entity(_)) => m,
            // A header such as "Partial transcript:" is no speaker: only names and pronouns.
            _ => self.clause_subject(start, colon).filter(|m| !matches!(m.kind, MentionKind::Description { .. }))?,
        };
        Some(Attribution { mention, cue: None, rule: Rule::Colon })
    }

    /// `interrupted`: “A,” said X, “B.” — B right after A's attribution in the same sentence.
    fn interrupted(
        &self,
        quotes: &[Quoted],
        index: usize,
        earlier: Option<(usize, Attribution)>,
    ) -> Option<Attribution> {
        let q = &quotes[index];
        let (p, earlier) = earlier?;
        let close = quotes[p].close?;
        let same_sentence = self.doc().sentence_of[close] == self.doc().sentence_of[q.open];
        // Either the attribution stands between the two quotes (“…,” he said, “…”), or the
        // quotes are coordinated with no other reporting verb between them (argued that “…” and
        // that “…”; citing her “…,” “…” and …).
        let between = earlier.mention.last < q.open && earlier.mention.first > close;
        let coordinated = !between && (close + 1..q.open).all(|i| self.verb_at(i).is_none());
        let near = q.open - close <= 30 && (between || coordinated);
        // The quotes share the earlier one's reporting verb.
        (same_sentence && near).then_some(Attribution {
            mention: earlier.mention,
            cue: earlier.cue,
            rule: Rule::Interrupted,
        })
    }

    /// `continued`: a quote that opens its sentence, with no cue of its own, continues the speaker
    /// of an attributed quote in the same paragraph, or ending the previous paragraph.
    fn continued(&self, quotes: &[Quoted], index: usize, earlier: Option<(usize, Attribution)>) -> Option<Attribution> {
        let q = &quotes[index];
        let sentence = &self.doc().sentences[self.doc().sentence_of[q.open] as usize];
        if sentence.tokens.start != q.open {
            return None;
        }
        // A quote with a reporting verb of its own right after it (“…,” said a man whose name
        // the sieve could not read) is not a continuation of someone else.
        if let Some(close) = q.close {
            let mut after = self.next(close);
            if after.is_some_and(|a| self.word(a) == ",") {
                after = after.and_then(|a| self.next(a));
            }
            if after.is_some_and(|a| self.verb_at(a).is_some()) {
                return None;
            }
        }
        let (p, earlier) = earlier?;
        let same_paragraph = quotes[p].paragraph == q.paragraph;
        let paragraph_before = q.paragraph == quotes[p].paragraph + 1
            && self.doc().paragraphs[q.paragraph].tokens.start == q.open
            && self.paragraph_ends_with_quote_or_attribution(quotes[p].paragraph, &earlier);
        (same_paragraph || paragraph_before).then_some(Attribution {
            mention: earlier.mention,
            cue: None,
            rule: Rule::Continued,
        })
    }

    /// Whether paragraph `p` ends with the attributed quote's sentence (nothing said after it).
    fn paragraph_ends_with_quote_or_attribution(&self, p: usize, earlier: &Attribution) -> bool {
        let paragraph = &self.doc().paragraphs[p];
        let last_sentence = self.doc().sentence_of[paragraph.tokens.end - 1];
        self.doc().sentence_of[earlier.mention.last] == last_sentence
    }
}
