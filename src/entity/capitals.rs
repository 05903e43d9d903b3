//! Lines in capitals: wire datelines ("LONDON 1996-08-30", "MOSCOW (Reuters) -") and headlines
//! ("FLOODS CLOSE ROADS NEAR LYON") write every word in capitals, so that neither the lists nor
//! the rules, which read a name by its capital letter, see the names in them.
//!
//! The name stage reads such a document in a copy where those words are written as a
//! mixed-case line writes them (`capital-lines`): a word that a list knows or that no English
//! word is ("Lyon", "Chechnya") keeps its capital, any other word is lower-cased ("close",
//! "roads", "near"). Only ASCII letters change case, so every byte stays where it was and the
//! copy has the same tokens: the spans found in it are spans of the text. Words that a list
//! knows in capitals as they are written ("NATO", "US") keep their capitals, unless they are
//! part of a longer name ("SRI LANKA"). A word that is
//! both a common word and a name ("NICE", "BATH") loses its capital: a headline cannot tell them
//! apart, and the story below it names the club or the town again.

use super::decision::{Example, PassRule};
use crate::document::Document;
use crate::gazetteer::{Gazetteer, Hit};
use crate::label::Label;
use crate::lexicon::Lexicon;
use crate::rule::Rule;
use crate::token::{Case, TokenKind};
use std::ops::Range;

/// `capital-lines`: the names in a line written in capitals are read as in a mixed-case line.
pub(crate) const CAPITAL_LINES: PassRule = PassRule {
    rule: Rule::CapitalLines,
    examples: &[
        Example::Finds("[LYON] 2024-03-02\n\nThe river rose overnight.", Label::Place),
        Example::Finds("FLOODS CLOSE ROADS NEAR [LYON]\n\nThe river rose overnight.", Label::Place),
        Example::Finds("[LYON] (Newswire) - The river rose overnight.", Label::Place),
        Example::Finds("FLOODS CUT ROADS IN [SRI LANKA]\n\nThe river rose overnight.", Label::Place),
        Example::Ignores("Floods closed roads near Lyon, and NATO sent help."),
        Example::Ignores("FLOODS CLOSE ROADS AFTER STORM\n\nThe river rose overnight."),
    ],
};

/// The text with the words of its capital stretches written as mixed-case text writes them, or
/// `None` when it has no such stretch (or when recasing would change its tokens).
pub(crate) fn recased(doc: &Document<'_>, hits: &[Hit], gazetteer: &Gazetteer, lexicon: &Lexicon) -> Option<String> {
    let words = capital_words(doc);
    if words.is_empty() {
        return None;
    }
    // First every word of the stretches gets a capital and lower case after it ("Lyon").
    let mut bytes = doc.text.as_bytes().to_vec();
    for &i in &words {
        let span = doc.tokens[i].span();
        bytes[span.start + 1..span.end].make_ascii_lowercase();
    }
    // Then the lists, read on the title-cased words, say which words are names ("New York",
    // "Sri Lanka"); a word that a list knows in capitals as written and that is in no longer
    // name goes back to its capitals ("NATO"); other common English words are written in lower
    // case.
    let titled = String::from_utf8(bytes).ok()?;
    let titled_doc = Document::new(&titled);
    if !same_tokens(doc, &titled_doc) {
        return None;
    }
    let titled_hits = gazetteer.find(&titled_doc);
    let listed_as_written = |i: usize| {
        let at = hits.partition_point(|h| h.tokens.end <= i);
        hits.get(at).is_some_and(|h| h.tokens.contains(&i))
    };
    let mut upper = Vec::new();
    let mut lower = Vec::new();
    for &i in &words {
        let at = titled_hits.partition_point(|h| h.tokens.end <= i);
        if titled_hits.get(at).is_some_and(|h| h.tokens.contains(&i) && h.tokens.len() > 1) {
            continue;
        }
        let word = titled_doc.word(i);
        if listed_as_written(i) {
            upper.push(i);
        } else if lexicon.is_english(word)
            && !lexicon.is_country(word)
            && lexicon.demonyms.contains_word(word).is_none()
        {
            lower.push(i);
        }
    }
    drop(titled_doc);
    let mut bytes = titled.into_bytes();
    for i in upper {
        let span = doc.tokens[i].span();
        bytes[span.start..span.end].make_ascii_uppercase();
    }
    for i in lower {
        let span = doc.tokens[i].span();
        bytes[span.start..span.start + 1].make_ascii_lowercase();
    }
    let text = String::from_utf8(bytes).ok()?;
    Some(text)
}

/// Whether two readings of the same bytes have the same tokens.
fn same_tokens(a: &Document<'_>, b: &Document<'_>) -> bool {
    a.tokens.len() == b.tokens.len() && a.tokens.iter().zip(&b.tokens).all(|(x, y)| x.span() == y.span())
}

/// The all-capitals words of the document's capital stretches: whole lines with no lower-case
/// word (a headline, "LONDON 1996-08-30"), and the capitals that open a paragraph before a
/// bracket or a spaced dash (a dateline, "MOSCOW (Reuters) -"). Words with a period or a digit
/// ("U.S", "G7") are left as they are.
fn capital_words(doc: &Document<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    for paragraph in &doc.paragraphs {
        let tokens = paragraph.tokens.clone();
        let stretch = if is_capital_line(doc, tokens.clone()) { Some(tokens) } else { dateline(doc, tokens) };
        let Some(stretch) = stretch else { continue };
        for i in stretch {
            if doc.tokens[i].kind == TokenKind::Word(Case::Upper)
                && doc.word(i).bytes().all(|b| !b.is_ascii_digit() && b != b'.')
            {
                out.push(i);
            }
        }
    }
    out
}

/// Whether a line is written in capitals: no lower-case word, more all-capitals words than
/// capitalised ones ("WASHINGTON (Reuters)" is not a line of capitals; its dateline is), and
/// two of them or one and a number ("LONDON 1996-08-30"): a lone acronym ("NASA") is no line of
/// capitals.
fn is_capital_line(doc: &Document<'_>, tokens: Range<usize>) -> bool {
    let (mut upper, mut capitalized, mut number) = (0, 0, false);
    for token in &doc.tokens[tokens] {
        match token.kind {
            TokenKind::Number => number = true,
            TokenKind::Word(Case::Upper) => upper += 1,
            // "A" is a capitalised word of one letter, and a capital line's word.
            TokenKind::Word(Case::Capitalized) if token.span().len() > 1 => capitalized += 1,
            TokenKind::Word(Case::Lower | Case::Mixed) => return false,
            _ => {}
        }
    }
    (upper >= 2 || upper == 1 && number) && upper > capitalized
}

/// The all-capitals words that open a paragraph, when a space and a bracket or a dash follow
/// them: a dateline ("MOSCOW (Reuters) -", "NEW YORK —"; not "ABS-CBN Corporation").
fn dateline(doc: &Document<'_>, tokens: Range<usize>) -> Option<Range<usize>> {
    let start = tokens.start;
    let mut end = start;
    for i in tokens {
        match doc.tokens[i].kind {
            TokenKind::Word(Case::Upper) => end = i + 1,
            TokenKind::Space => {}
            TokenKind::Dash => break,
            TokenKind::Punct if doc.word(i) == "(" => break,
            _ => return None,
        }
    }
    // The bracket or dash stands after a space, not joined to the word.
    let spaced = end > start && doc.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Space);
    spaced.then_some(start..end)
}
