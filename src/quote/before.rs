//! The attribution rule that reads the words before a quote, in its sentence:
//! `before-speaker-cue` (Smith said: “…”), with its inverted form (Says Jane Roe, a professor,
//! “…”), a cue noun (a message from his lawyers, “…”) and a verb of belief right before the
//! quote (she believes that “…”).

use super::attribute::{Attribution, Attributor, OBJECT_VERBS};
use super::marks::Quoted;
use super::speaker::{MentionKind, SpeakerMention};
use crate::label::Label;
use crate::lexicon::{CueKind, Sex};
use crate::rule::Rule;
use crate::token::{Case, TokenKind};

/// Verbs of belief: no reporting cues, except right before a quote ("she believes that “…”").
const BELIEF_VERBS: &[&str] =
    &["believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels", "felt"];

impl Attributor<'_, '_> {
    /// `before-speaker-cue`: the nearest reporting verb left of the quote in its sentence, and its
    /// subject.
    pub(super) fn before_quote(&self, q: &Quoted) -> Option<Attribution> {
        let sentence = &self.doc().sentences[self.doc().sentence_of[q.open] as usize];
        let start = sentence.tokens.start;
        let mut i = q.open;
        let mut steps = 0;
        while i > start && steps < 60 {
            i -= 1;
            steps += 1;
            if self.closes_quote(i) {
                // Another quote's words: its attribution is its own.
                return None;
            }
            let cue = self.cue_at(i);
            // A statement, a tweet, a letter from someone right before the quote: "a message
            // from his lawyers, “…”" — the one it is from is the speaker.
            if let Some((noun_last, CueKind::Noun)) = cue
                && let Some(from) = self.next(noun_last).filter(|&f| self.word(f) == "from")
                && let Some(mention) = self.speakers.starting_at(self.next(from)?)
                && self.only_between(mention.last + 1..q.open, &[",", ":"])
            {
                return Some(Attribution { mention, cue: Some((i, noun_last)), rule: Rule::BeforeSpeakerCue });
            }
            // A statement, a tweet, a letter right before the quote: "Trump issued a statement,
            // “…”" — its author is the clause's subject.
            if let Some((noun_last, CueKind::Noun)) = cue
                && self.only_between(noun_last + 1..q.open, &[",", ":"])
            {
                let clause_start = (start..i).rev().find(|&j| self.closes_quote(j)).map_or(start, |j| j + 1);
                let mention = self.clause_subject(clause_start, i)?;
                return Some(Attribution { mention, cue: Some((i, noun_last)), rule: Rule::BeforeSpeakerCue });
            }
            if let Some(found) = self.inverted_before(i, q.open) {
                return Some(found);
            }
            // A verb of belief right before the quote reports the words as the subject's view:
            // "she believes that “…”". Elsewhere it reports no words.
            let belief = || {
                (BELIEF_VERBS.contains(&self.word(i)) && self.only_between(i + 1..q.open, &["that", ","])).then_some(i)
            };
            let Some(cue_last) = self.verb_of(i, cue).or_else(belief) else { continue };
            if cue_last >= q.open {
                continue;
            }
            if self.word(i).eq_ignore_ascii_case("according") {
                continue;
            }
            // “A,” says X, “B”: the verb follows another quote, so its speaker comes after it.
            if let Some(p) = self.previous(i)
                && self.closes_quote(p)
            {
                let mention = self.speakers.starting_at(self.next(cue_last)?)?;
                return Some(Attribution { mention, cue: Some((i, cue_last)), rule: Rule::Interrupted });
            }
            // The subject is after any earlier quote in the sentence.
            let clause_start = (start..i).rev().find(|&j| self.closes_quote(j)).map_or(start, |j| j + 1);
            // A participle after an object speaks for the clause's subject, not the object: "The
            // senator emailed supporters saying: “…”", "she issued a statement calling for “…”".
            let after_auxiliary = self.previous(i).is_some_and(|p| {
                matches!(self.word(p), "is" | "was" | "were" | "are" | "be" | "been" | "am" | "'s" | "’s")
            });
            let participle = self.word(i).ends_with("ing") && !after_auxiliary;
            let mut mention = if participle {
                self.opening_subject(clause_start, i).or_else(|| self.subject_of(i, clause_start))
            } else {
                self.subject_of(i, clause_start)
            };
            // A participle ("…, calling Mandela a “courageous” statesman") or a second verb of the
            // same subject ("X claimed “…” and said “…”") has the subject of the sentence: its
            // first person outside quotes and prepositional phrases, else the pronoun or
            // description that opens it.
            let coordinated = self.previous(i).is_some_and(|p| matches!(self.word(p), "and" | "but" | "then" | ","));
            if mention.is_none() && (self.word(i).ends_with("ing") || coordinated) {
                mention = self
                    .sentence_person(self.doc().sentence_of[q.open] as usize)
                    .filter(|m| m.first < i)
                    .or_else(|| {
                        let opening = (start..i).find(|&j| !self.doc().tokens[j].is_blank())?;
                        self.speakers.starting_at(opening).filter(|m| matches!(m.kind, MentionKind::Pronoun { .. }))
                    });
            }
            let mention = self.sentence_subject_for(mention?, clause_start);
            return Some(Attribution { mention, cue: Some((i, cue_last)), rule: Rule::BeforeSpeakerCue });
        }
        None
    }

    /// An inverted attribution before the quote, opening the sentence or following a comma: a
    /// reporting verb (capitalised only as the sentence's first word), then a named speaker and
    /// a comma or a colon (or the quote, for a sentence's first word): "Says Jane Roe, a chemistry
    /// professor, “…”", "Still, said Jane Roe, editor of the Harbor Letter, prices “…”". A
    /// participle is no inversion (", saying “…”" has its subject before it), nor "told X".
    fn inverted_before(&self, i: usize, open: usize) -> Option<Attribution> {
        // Most words neither open a sentence nor follow a comma: that test comes first.
        let opens_sentence = self.doc().is_sentence_initial(i);
        if !opens_sentence && self.previous(i).is_none_or(|p| self.word(p) != ",") {
            return None;
        }
        let case_fits = match self.doc().tokens[i].kind {
            TokenKind::Word(Case::Lower) => true,
            TokenKind::Word(Case::Capitalized) => opens_sentence,
            _ => false,
        };
        if !case_fits || self.word(i).ends_with("ing") || OBJECT_VERBS.contains(&self.word(i)) {
            return None;
        }
        let (cue_last, CueKind::Verb) = self.speakers.lexicon.cues.match_at(self.doc(), i)? else { return None };
        let mention = self.speakers.after_verb(self.next(cue_last)?)?;
        let after = self.next(mention.last)?;
        // After a comma the verb may be the main verb of a subject before it, and the name the
        // subject of what it reports ("Podesta, a former adviser, said Obama “understood…”"):
        // only a comma closing the name makes it the inverted speaker.
        let closes = matches!(self.word(after), "," | ":") || opens_sentence && after == open;
        (closes && mention.last < open && matches!(mention.kind, MentionKind::Entity(_))).then_some(Attribution {
            mention,
            cue: Some((i, cue_last)),
            rule: Rule::BeforeSpeakerCue,
        })
    }

    /// A pronoun speaker after the subject of its clause, and agreeing with it, stands for that
    /// subject, which the sentence names as the source: "Ban Ki-moon condemned what he called a
    /// “brazen breach”", "Clinton says she appreciated … what she calls “…”", "She said she
    /// recalls …". A subject that does not agree leaves the pronoun ("Trump said she called it
    /// “…”"), nor does a relative clause's pronoun.
    fn sentence_subject_for(&self, mention: SpeakerMention, clause_start: usize) -> SpeakerMention {
        let MentionKind::Pronoun { sex, plural, org } = mention.kind else { return mention };
        // In a relative clause the pronoun is the source the annotators keep ("the bodies, which
        // he called “a cartel”").
        let relative = self.previous(mention.first).is_some_and(|p| matches!(self.word(p), "which" | "who" | "whom"));
        if relative || matches!(self.word(mention.first), "I" | "we" | "We") {
            return mention;
        }
        let Some(subject) = self.opening_subject(clause_start, mention.first) else { return mention };
        if subject.last >= mention.first {
            return mention;
        }
        let agrees = |label: Label, subject_sex: Sex, subject_plural: bool| {
            let sexes = sex == Sex::Unknown || subject_sex == Sex::Unknown || sex == subject_sex;
            if plural {
                subject_plural || label == Label::Org
            } else if org {
                label == Label::Org && !subject_plural
            } else {
                label == Label::Person && !subject_plural && sexes
            }
        };
        let same = match subject.kind {
            MentionKind::Pronoun { .. } => self.word(subject.first).eq_ignore_ascii_case(self.word(mention.first)),
            MentionKind::Entity(e) => {
                let entity = &self.speakers.names.entities[e];
                agrees(entity.label, entity.sex, false)
            }
            MentionKind::Description { label, sex, plural } => agrees(label, sex, plural),
            MentionKind::Unlisted => false,
        };
        if same { subject } else { mention }
    }
}
