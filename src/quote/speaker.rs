//! Speaker mentions: the words that can name who said something, and what they refer to.
//!
//! A speaker mention is one of
//! - an entity mention (a person or an organization): "Ortega", "Amnesty International";
//! - a pronoun: "he", "she", "they", "it";
//! - a description: a noun phrase headed by a descriptor noun of the lexicon ("the activist",
//!   "his lawyers", "a spokesman", "the former first lady", "Police", "officials").
//!
//! Pronouns and descriptions are resolved to an entity when one fits: first the speaker of the
//! previous quote nearby (news keeps a speaker for several paragraphs), then the nearest earlier
//! mention of a compatible entity (gender from given names, titles, kinship words and earlier
//! pronouns; "it" and "they" prefer organizations). The local mention is kept for the output.

use crate::document::Document;
use crate::entity::Names;
use crate::label::Label;
use crate::lexicon::{Lexicon, Sex};
use crate::span::Span;
use crate::token::{Case, TokenKind};

/// What a speaker mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// An entity mention, with its entity.
    Entity(usize),
    /// A personal pronoun with the gender and number it implies.
    Pronoun { sex: Sex, plural: bool, org: bool },
    /// A description headed by a descriptor noun.
    Description { label: Label, sex: Sex, plural: bool },
    /// A noun phrase no list knows, standing alone between a quote and its reporting verb
    /// ("…,” the moderator said): the speaker's own words for them, never resolved.
    Unlisted,
}

/// A speaker mention: its tokens and what it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SpeakerMention {
    pub first: usize,
    pub last: usize,
    pub kind: MentionKind,
}

impl SpeakerMention {
    pub fn span(&self, doc: &Document<'_>) -> Span {
        doc.tokens[self.first].span().to(doc.tokens[self.last].span())
    }
}

/// The most tokens an unlisted speaker spans (eight words, their spaces and full stops): the
/// callers look no further, so that a sentence of thousands of quotes costs linear time.
pub(super) const UNLISTED_REACH: usize = 40;

/// Determiners and possessives that open a description.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "one", "another", "some",
    "several", "many", "two", "three", "both", "other", "each", "any",
];

/// Closed-class words that cannot sit between an inverted reporting verb and the speaker's name:
/// after them a clause follows ("said the bill would help Obama"), not a name.
const FUNCTION_WORDS: &[&str] = &[
    "that", "this", "these", "those", "he", "she", "it", "they", "we", "would", "will", "was", "is", "are", "were",
    "has", "have", "had", "to", "of", "in", "on", "at", "for", "with", "and", "or", "but", "as", "by", "from", "not",
    "be", "been", "who", "which", "when", "after", "before", "while", "if", "because", "a", "an", "his", "her",
    "their", "its", "there", "than", "about", "into", "over", "can", "could", "should", "may", "might", "must",
];

/// Reads speaker mentions at positions in a document.
pub(crate) struct Speakers<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub names: &'a Names,
    pub lexicon: &'a Lexicon,
}

impl<'a, 'd> Speakers<'a, 'd> {
    fn word(&self, i: usize) -> &'d str {
        self.doc.word(i)
    }

    fn lower(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Word(Case::Lower))
    }

    /// The pronoun at token `i`, if it is one that can be a speaker.
    fn pronoun(&self, i: usize) -> Option<MentionKind> {
        let kind = match self.word(i) {
            "he" | "He" => MentionKind::Pronoun { sex: Sex::Male, plural: false, org: false },
            "she" | "She" => MentionKind::Pronoun { sex: Sex::Female, plural: false, org: false },
            "they" | "They" => MentionKind::Pronoun { sex: Sex::Unknown, plural: true, org: false },
            "it" | "It" => MentionKind::Pronoun { sex: Sex::Unknown, plural: false, org: true },
            "I" | "we" | "We" => MentionKind::Pronoun { sex: Sex::Unknown, plural: false, org: false },
            _ => return None,
        };
        Some(kind)
    }

    /// The descriptor noun at token `i`: its label, gender and number.
    fn descriptor(&self, i: usize) -> Option<(Label, Sex, bool)> {
        if !matches!(self.doc.tokens[i].kind, TokenKind::Word(Case::Lower | Case::Capitalized)) {
            return None;
        }
        let word = self.word(i);
        if let Some((label, sex)) = self.lexicon.descriptor(word) {
            return Some((label, sex, false));
        }
        // Documents speak too: "the statement said", "the letter reads".
        if self.lower(i) && self.lexicon.is_cue_noun(word) {
            return Some((Label::Org, Sex::Unknown, true));
        }
        // Plurals: "lawyers", "officials", "sources", "spokeswomen".
        let singular = word.strip_suffix("men").map(|s| format!("{s}man")).or_else(|| {
            word.strip_suffix("ies").map(|s| format!("{s}y")).or_else(|| word.strip_suffix('s').map(str::to_string))
        })?;
        let (label, sex) = self.lexicon.descriptor(&singular)?;
        Some((label, sex, true))
    }

    /// The speaker mention that ends at token `last`, if any (reading leftwards).
    pub fn ending_at(&self, last: usize) -> Option<SpeakerMention> {
        if let Some(m) = self.names.mention_at_token(last)
            && m.last == last
            && matches!(m.label, Label::Person | Label::Org)
        {
            return Some(SpeakerMention { first: m.first, last, kind: MentionKind::Entity(m.entity) });
        }
        if let Some(kind) = self.pronoun(last) {
            return Some(SpeakerMention { first: last, last, kind });
        }
        // An acronym no list knows, after "the": an organization ("the ACU said").
        if self.doc.tokens[last].kind == TokenKind::Word(Case::Upper)
            && self.word(last).len() >= 2
            && let Some(before) = self.doc.previous_solid(last)
            && matches!(self.word(before), "the" | "The")
        {
            let kind = MentionKind::Description { label: Label::Org, sex: Sex::Unknown, plural: false };
            return Some(SpeakerMention { first: before, last, kind });
        }
        let (label, sex, plural) = self.descriptor(last)?;
        // Extend left over modifiers to a determiner, at most five words.
        let mut first = last;
        for _ in 0..6 {
            let Some(prev) = self.doc.previous_solid(first) else { break };
            if self.doc.tokens[prev].kind == TokenKind::Space || !self.doc.tokens[prev].is_word() {
                break;
            }
            let word = self.word(prev);
            // "that" before a noun read leftwards is most often a conjunction ("noting that
            // donors feel"): the description starts after it.
            if word.eq_ignore_ascii_case("that") {
                break;
            }
            if self.is_determiner(prev) {
                first = prev;
                break;
            }
            // Names may modify the head: "the New Jersey governor", "a White House spokesman".
            if let Some(m) = self.names.mention_at_token(prev) {
                first = m.first;
                continue;
            }
            if self.lexicon.cues.match_at(self.doc, prev).is_some()
                || self.is_function_word(prev)
                || matches!(word, "when" | "When" | "where" | "why" | "how" | "what")
            {
                break;
            }
            first = prev;
        }
        // A bare singular description needs a determiner ("activist said" is not a speaker);
        // plurals and capitalised sentence-initial ones ("Police said", "Officials said") do not;
        // a capitalised one inside a sentence is an adjective ("32% of Republican claims").
        let determined = self.is_determiner(first);
        let initial = self.doc.tokens[first].is_capitalized() && self.doc.is_sentence_initial(first);
        if !determined && !plural && !initial {
            return None;
        }
        Some(SpeakerMention { first, last, kind: MentionKind::Description { label, sex, plural } })
    }

    /// The speaker mention that starts at token `first`, if any (reading rightwards): an entity
    /// mention, a pronoun, or a description from its determiner to its head noun.
    pub fn starting_at(&self, first: usize) -> Option<SpeakerMention> {
        let found = self.plain_starting_at(first)?;
        // A description right before a name is the name's role: "activist Füsun Demirel", "his
        // older sister Zaynab", "Secretary General Ban Ki-moon": the name is the speaker.
        if let MentionKind::Description { .. } = found.kind {
            let mut next = self.doc.next_solid(found.last);
            for _ in 0..3 {
                match next {
                    Some(n) if self.names.mention_at_token(n).is_none() && self.doc.tokens[n].is_capitalized() => {
                        next = self.doc.next_solid(n);
                    }
                    _ => break,
                }
            }
            if let Some(next) = next
                && let Some(m) = self.names.mention_at_token(next)
                && m.first == next
                && m.label == Label::Person
            {
                return Some(SpeakerMention { first: m.first, last: m.last, kind: MentionKind::Entity(m.entity) });
            }
        }
        Some(found)
    }

    /// The speaker named right after an inverted reporting verb, allowing a title and modifiers
    /// before the name: "said former Wisconsin Gov. Jim Doyle", "said Rep. Xavier Becerra".
    pub fn after_verb(&self, first: usize) -> Option<SpeakerMention> {
        if let Some(found) = self.starting_at(first) {
            return Some(found);
        }
        // Before the name: capitalised words and titles ("former Wisconsin Gov."), and up to
        // three lowercase modifiers ("retired neurosurgeon", "nutritional-supplement
        // executive", "secretary of state", where a noun after "of" may look like a verb); a
        // function word or punctuation means a clause, not a name, follows.
        let mut i = first;
        let mut lowercase = 0;
        for _ in 0..8 {
            if let Some(m) = self.names.mention_at_token(i) {
                if m.label == Label::Person {
                    return Some(SpeakerMention { first: m.first, last: m.last, kind: MentionKind::Entity(m.entity) });
                }
                i = m.last;
            } else {
                let token = self.doc.tokens[i];
                let word = self.word(i);
                let titles_joined =
                    word == "and" && self.doc.next_solid(i).is_some_and(|n| self.doc.tokens[n].is_capitalized());
                // "of" inside a title: "former secretary of state Hillary Clinton".
                let title_of = word == "of" && i != first;
                let modifier =
                    if token.is_capitalized() || matches!(word, "." | "-" | "the") || titles_joined || title_of {
                        true
                    } else if self.lower(i)
                        && !FUNCTION_WORDS.contains(&word)
                        && (self.lexicon.cues.match_at(self.doc, i).is_none()
                            || self.doc.previous_solid(i).is_some_and(|p| self.word(p) == "of"))
                    {
                        lowercase += 1;
                        lowercase <= 3
                    } else {
                        self.lexicon.titles.match_at(self.doc, i).is_some()
                    };
                if !modifier {
                    return None;
                }
            }
            i = self.doc.next_solid(i)?;
        }
        None
    }

    /// Whether token `i` is a determiner or possessive that opens a description.
    pub fn is_determiner(&self, i: usize) -> bool {
        DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(self.word(i)))
    }

    /// Whether token `i` is a closed-class word ("that", "he", "would", "in"…).
    pub fn is_function_word(&self, i: usize) -> bool {
        FUNCTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(self.word(i)))
    }

    /// The tokens `first..end` as an unlisted speaker, when they are nothing but a short noun
    /// phrase: at most eight words, opening with a determiner or a capitalised word, with no
    /// function word but determiners, "of" and "and", no punctuation but an abbreviation's full
    /// stop, a hyphen or a possessive ("the moderator", "the Texan", "the conservative-leaning
    /// newspaper", "the Florida senator and Republican presidential candidate", "Clark County
    /// Sheriff Joe Lombardo"; not "it reminded her", "in a statement").
    pub fn unlisted(&self, first: usize, end: usize) -> Option<SpeakerMention> {
        if end.saturating_sub(first) > UNLISTED_REACH {
            return None;
        }
        let solid = || (first..end).filter(|&i| !self.doc.tokens[i].is_blank());
        let opening = solid().next()?;
        let last = solid().next_back()?;
        let words = solid().filter(|&i| self.doc.tokens[i].is_word()).count();
        let fits = solid().all(|i| match self.doc.tokens[i].kind {
            TokenKind::Word(Case::Lower) => {
                self.is_determiner(i)
                    || matches!(self.word(i), "of" | "and") && i != opening
                    || !FUNCTION_WORDS.contains(&self.word(i)) && self.lexicon.cues.match_at(self.doc, i).is_none()
            }
            TokenKind::Word(_) | TokenKind::Clitic | TokenKind::Number => true,
            TokenKind::Dash => self.word(i) == "-" && i != opening,
            _ => self.word(i) == "." && i != opening,
        });
        // "that" opens a clause more often than a noun phrase ("noting that donors feel").
        let opens = self.is_determiner(opening) && !self.word(opening).eq_ignore_ascii_case("that")
            || self.doc.tokens[opening].is_capitalized() && !self.is_function_word(opening);
        let head =
            self.doc.tokens[last].is_word() && !self.is_determiner(last) && !matches!(self.word(last), "of" | "and");
        (fits && opens && head && words <= 8).then_some(SpeakerMention {
            first: opening,
            last,
            kind: MentionKind::Unlisted,
        })
    }

    /// The speaker after an inverted reporting verb ([`after_verb`](Self::after_verb)), else the
    /// words up to the next comma or the sentence's end as an [unlisted](Self::unlisted) speaker
    /// when they open with a determiner or hold two capitalised words: "said the moderator.",
    /// "explained Teal Baker, the national director"; not "said Tuesday".
    pub fn after_inverted_verb(&self, first: usize) -> Option<SpeakerMention> {
        if let Some(found) = self.after_verb(first) {
            return Some(found);
        }
        let sentence = self.doc.sentence_of[first];
        let end = (first..self.doc.tokens.len().min(first + 16))
            .find(|&i| self.word(i) == "," || self.doc.sentence_of[i] != sentence)
            .unwrap_or(self.doc.sentences[sentence as usize].tokens.end);
        // A sentence's own full stop is no part of the speaker.
        let end = self.doc.previous_solid(end).filter(|&p| p >= first && self.word(p) == ".").unwrap_or(end);
        self.unlisted_named(first, end)
    }

    /// An [unlisted](Self::unlisted) speaker that a determiner or two capitalised words open, as
    /// a speaker must be where the words could also be a date or a clause ("said the moderator",
    /// "explained Teal Baker"; not "said Tuesday").
    pub fn unlisted_named(&self, first: usize, end: usize) -> Option<SpeakerMention> {
        let found = self.unlisted(first, end)?;
        let capitalised = (found.first..=found.last).filter(|&i| self.doc.tokens[i].is_capitalized()).count();
        (self.is_determiner(found.first) || capitalised >= 2).then_some(found)
    }

    fn plain_starting_at(&self, first: usize) -> Option<SpeakerMention> {
        if let Some(m) = self.names.mention_at_token(first)
            && m.first == first
            && matches!(m.label, Label::Person | Label::Org)
        {
            return Some(SpeakerMention { first, last: m.last, kind: MentionKind::Entity(m.entity) });
        }
        if let Some(kind) = self.pronoun(first) {
            return Some(SpeakerMention { first, last: first, kind });
        }
        // A description: determiner, up to four modifiers, a descriptor noun.
        let mut i = first;
        let determined = self.doc.tokens[i].is_word() && self.is_determiner(i);
        if determined {
            i = self.doc.next_solid(i)?;
        }
        for _ in 0..6 {
            // A possessive may sit inside a description ("the ad’s narrator"), and a number
            // ("a 2008 Clinton veteran").
            if matches!(self.doc.tokens[i].kind, TokenKind::Clitic | TokenKind::Number) {
                i = self.doc.next_solid(i)?;
                continue;
            }
            // A preposition or another function word opens no description: "in a phone
            // interview", "while state officials" ("a number of senators" has one inside).
            let opens = i == first;
            if !self.doc.tokens[i].is_word() || opens && !determined && self.is_function_word(i) {
                return None;
            }
            if let Some((label, sex, plural)) = self.descriptor(i) {
                // Take the last of a run of nouns: "the opposition leader".
                let mut last = i;
                while let Some(next) = self.doc.next_solid(last) {
                    match self.descriptor(next) {
                        Some(_) if self.lower(next) => last = next,
                        _ => break,
                    }
                }
                let (label, sex, plural) = self.descriptor(last).unwrap_or((label, sex, plural));
                let before_name = self.doc.next_solid(last).and_then(|n| self.names.mention_at_token(n)).is_some();
                if !determined && !plural && !self.doc.tokens[first].is_capitalized() && !before_name {
                    return None;
                }
                return Some(SpeakerMention { first, last, kind: MentionKind::Description { label, sex, plural } });
            }
            // Names may modify the head: "one Trump confidant", "a White House spokesman".
            if let Some(m) = self.names.mention_at_token(i) {
                i = m.last;
            }
            i = self.doc.next_solid(i)?;
        }
        None
    }
}
