//! The attribution rules that read the words after a quote: `after-cue-speaker` (“…,” said
//! Nick Witney) and `after-speaker-cue` (“…,” Trump said), also when the attribution closes the
//! quote's sentence after a clause of its own (“…” because she would lead, he said.).

use super::attribute::{Attribution, Attributor, OBJECT_VERBS};
use super::marks::Quoted;
use crate::rule::Rule;
use crate::token::TokenKind;

/// Words that open a new clause: right after a quote, they mean the words after it are not its
/// attribution.
const CLAUSE_OPENERS: &[&str] = &[
    "while", "but", "and", "or", "as", "although", "though", "because", "whereas", "when", "after", "before", "since",
    "if", "unless", "until", "so", "yet", "which", "that", "where", "whether",
];

/// Words that open a subordinate clause or a participle phrase: between a quote and a later
/// reporting verb they mean the verb is not the quote's attribution.
const CLAUSE_WORDS: &[&str] = &["including", "who", "whom", "whose", "because", "than", "unlike", "despite"];

impl Attributor<'_, '_> {
    /// `after-cue-speaker` and `after-speaker-cue`.
    pub(super) fn after_quote(&self, q: &Quoted) -> Option<Attribution> {
        let close = q.close?;
        let mut a = self.next(close)?;
        if matches!(self.word(a), "," | "—" | "–") {
            a = self.next(a)?;
        }
        // The words after the quote attribute it within its sentence: in `“….” She said she
        // admires …` the new sentence is about what follows. A question or exclamation, or a
        // short sentence after a full stop ("Trump said Friday."), still attributes it.
        let crossed = self.doc().sentence_of[a] != self.doc().sentence_of[close];
        if crossed {
            let ending = self.previous(close).map(|e| self.word(e));
            let sentence = &self.doc().sentences[self.doc().sentence_of[a] as usize];
            let short = sentence.tokens.end.saturating_sub(a) <= 12;
            let still_attributes = matches!(ending, Some("?" | "!")) || matches!(ending, Some(".")) && short;
            if !still_attributes {
                return None;
            }
        }
        // A new clause after the quote ("…,” while her colleague … called him …) is not its
        // attribution, though an attribution that closes the sentence is ("…” because she
        // would lead, he said.).
        if CLAUSE_OPENERS.contains(&self.word(a)) {
            return self.sentence_end_cue(close);
        }
        if let Some(cue_last) = self.verb_at(a)
            && !OBJECT_VERBS.contains(&self.word(a))
        {
            let s = self.next(cue_last)?;
            let mention = self.speakers.after_inverted_verb(s)?;
            let rule = if self.word(a) == "according" { Rule::AccordingTo } else { Rule::AfterCueSpeaker };
            return Some(Attribution { mention, cue: Some((a, cue_last)), rule });
        }
        // The first reporting verb after the quote, within its clause, and the verb's subject
        // between the quote and the verb: “…,” Trump said / “…,” Schiff, a Democrat, told
        // reporters / “…,” White House press secretary Josh Earnest said.
        // Across a sentence end the verb must come at once ("…?” Trump asked"), not later in a
        // new statement ("…?” Her critics cited it as evidence…). Outside a comma-delimited
        // apposition, a clause word before the verb means the verb belongs to another clause
        // ("…” including provisions he said …).
        let reach = if crossed { 4 } else { 30 };
        let mut j = a;
        let mut in_apposition = false;
        for _ in 0..reach {
            // A full stop ends the search only where it ends a sentence, not after "Rep." or "D-Wash.".
            let full_stop =
                self.word(j) == "." && self.doc().next_solid(j).is_none_or(|n| self.doc().is_sentence_initial(n));
            let mark = matches!(self.doc().tokens[j].kind, TokenKind::Quote(_)) && !self.is_apostrophe(j);
            if mark || full_stop || matches!(self.word(j), "?" | "!" | ";") {
                return if crossed { None } else { self.sentence_end_cue(close) };
            }
            if j > a && self.verb_at(j).is_some() {
                break;
            }
            // A bracketed aside is stepped over whole: “…,” Rep. Jim McDermott (D-Wash.) said.
            if self.word(j) == "("
                && let Some(close) = self.closing_bracket(j)
            {
                j = self.next(close)?;
                continue;
            }
            // "and" between two nouns joins the speaker's titles ("the Vermont senator and
            // Democratic presidential candidate said"), not two clauses.
            let joins_nouns = self.word(j) == "and"
                && j > a
                && self.previous(j).is_some_and(|p| self.doc().tokens[p].is_word())
                && self.next(j).is_some_and(|n| {
                    self.doc().tokens[n].is_word() && !self.speakers.is_function_word(n) && self.verb_at(n).is_none()
                });
            if self.word(j) == "," {
                in_apposition = !in_apposition;
            } else if !in_apposition
                && !joins_nouns
                && (CLAUSE_OPENERS.contains(&self.word(j)) || CLAUSE_WORDS.contains(&self.word(j)))
            {
                return if crossed { None } else { self.sentence_end_cue(close) };
            }
            j = self.next(j)?;
        }
        let cue_last = self.verb_at(j)?;
        // An inverted verb after a comma names the speaker after it: “…” for Clinton, said
        // Kunin / “…” if she loses, said David Wasserman, an elections analyst.
        // (After an apposition that a second comma closes, the subject is before it: “…,” Rep.
        // Jim Jordan, an oversight panel member, said.)
        if j > a
            && in_apposition
            && self.previous(j).is_some_and(|p| self.word(p) == ",")
            && !OBJECT_VERBS.contains(&self.word(j))
            && let Some(mention) = self.next(cue_last).and_then(|s| self.speakers.after_inverted_verb(s))
        {
            return Some(Attribution { mention, cue: Some((j, cue_last)), rule: Rule::AfterCueSpeaker });
        }
        // Words no list knows, alone between the quote and the verb, are the speaker all the
        // same: “…,” the moderator said.
        let mention = self.subject_of(j, a).or_else(|| self.speakers.unlisted(a, j))?;
        Some(Attribution { mention, cue: Some((j, cue_last)), rule: Rule::AfterSpeakerCue })
    }

    /// `signature`: the quote is signed, as reader testimonials and epigraphs are: a dash and a
    /// name after the closing mark end the paragraph ("“…” ― Pamela Padilla", "“…” — Mark
    /// Twain."). The name is a person or organization mention, or capitalised words alone.
    pub(super) fn signature(&self, q: &Quoted) -> Option<Attribution> {
        let close = q.close?;
        let dash = self.next(close)?;
        if !matches!(self.word(dash), "―" | "—" | "–" | "-") {
            return None;
        }
        let first = self.next(dash)?;
        let paragraph = &self.doc().paragraphs[q.paragraph];
        // The paragraph's end, before a closing full stop (a few tokens back at most, so that a
        // paragraph ending in a million full stops is not read again for each quote).
        let mut end = paragraph.tokens.end;
        for _ in 0..4 {
            match self.doc().previous_solid(end).filter(|&l| l > first) {
                Some(last) if self.doc().tokens[last].is_blank() || self.word(last) == "." => end = last,
                _ => break,
            }
        }
        // Only the name may follow: nothing after it in the paragraph.
        let mention = match self.speakers.starting_at(first) {
            Some(m) if self.doc().next_solid(m.last).is_none_or(|n| n >= end) => m,
            Some(_) => return None,
            None => {
                let words = self.speakers.unlisted(first, end)?;
                let capitalised = (words.first..=words.last)
                    .filter(|&i| self.doc().tokens[i].is_word())
                    .all(|i| self.doc().tokens[i].is_capitalized());
                if !capitalised {
                    return None;
                }
                words
            }
        };
        Some(Attribution { mention, cue: None, rule: Rule::Signature })
    }

    /// The attribution that closes the sentence of a quote's closing mark: a last clause after a
    /// comma that is only a speaker and a reporting verb, either way round, before the sentence
    /// ends ("…” because she would lead, he said." / "…” if she loses, said David Wasserman, an
    /// analyst."). Looks at most a dozen tokens back from the sentence's end.
    pub(super) fn sentence_end_cue(&self, close: usize) -> Option<Attribution> {
        let doc = self.doc();
        let sentence = &doc.sentences[doc.sentence_of[close] as usize];
        let mut last = (sentence.tokens.start..sentence.tokens.end).rev().find(|&i| !doc.tokens[i].is_blank())?;
        if matches!(self.word(last), "." | "!" | "?") {
            last = self.previous(last)?;
        }
        let mut comma = last;
        let mut rightmost = true;
        for _ in 0..12 {
            comma = self.previous(comma)?;
            if comma <= close {
                return None;
            }
            if self.word(comma) != "," {
                continue;
            }
            let first = self.next(comma)?;
            // "said David Wasserman, an analyst": the speaker after the verb (an apposition may
            // follow it).
            if let Some(cue_last) = self.verb_at(first)
                && !OBJECT_VERBS.contains(&self.word(first))
                && let Some(mention) = self.next(cue_last).and_then(|n| self.speakers.after_inverted_verb(n))
            {
                return Some(Attribution { mention, cue: Some((first, cue_last)), rule: Rule::AfterCueSpeaker });
            }
            // "he said": a speaker, then a verb that ends the sentence.
            if rightmost
                && let Some(verb) = (first..=last).find(|&i| self.verb_at(i).is_some())
                && self.verb_at(verb) == Some(last)
                && let Some(mention) =
                    self.previous(verb).and_then(|p| self.speakers.ending_at(p)).filter(|m| m.first == first)
            {
                return Some(Attribution { mention, cue: Some((verb, last)), rule: Rule::AfterSpeakerCue });
            }
            rightmost = false;
        }
        None
    }

    /// Whether the quotation mark at token `i` is an apostrophe: a single closing mark written
    /// right after a word ("Sanders’ campaign manager", "the Ferrers’ home").
    fn is_apostrophe(&self, i: usize) -> bool {
        let tokens = &self.doc().tokens;
        let TokenKind::Quote(mark) = tokens[i].kind else { return false };
        !mark.double
            && mark.role == crate::token::QuoteRole::Close
            && i > 0
            && tokens[i - 1].is_word()
            && tokens[i - 1].span().end == tokens[i].span().start
    }

    /// The ")" that closes the "(" at token `open` within eight tokens, with no quotation mark
    /// or line break inside.
    fn closing_bracket(&self, open: usize) -> Option<usize> {
        let mut j = open;
        for _ in 0..8 {
            j = self.next(j)?;
            match self.doc().tokens[j].kind {
                TokenKind::Quote(_) | TokenKind::LineBreak => return None,
                _ if self.word(j) == ")" => return Some(j),
                _ => {}
            }
        }
        None
    }
}
