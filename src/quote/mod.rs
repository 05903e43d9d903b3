//! Quotes: quoted stretches that reproduce someone's words, and their speakers.
//!
//! 1. [`marks`] pairs quotation marks into quoted stretches.
//! 2. [`attribute`] runs the attribution sieve on each stretch, in text order (the rules that
//!    read after the quote are in [`after`], those that read before it in [`before`]).
//! 3. The stretch is kept as a quote or dropped (see [`is_quote`]): names, nicknames, titles
//!    of works, terms and scare quotes are not quotes.
//! 4. The speaker mention is resolved to an entity ([`speaker`]).

mod after;
mod attribute;
mod before;
mod marks;
mod resolve;
mod speaker;

use crate::annotations::{Quote, Speaker};
use crate::document::Document;
use crate::entity::Names;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleSet};
use crate::token::{Case, TokenKind};
use attribute::{Attribution, Attributor};
use marks::Quoted;
use speaker::Speakers;
use std::cell::Cell;

/// Lowercase words right before a quoted stretch that make it a name, a title or a term rather
/// than someone's words: "the so-called “…”", "known as “…”", "the film “…”".
const NAMING_WORDS: &[&str] = &[
    "so-called",
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "named",
    "as",
    "term",
    "word",
    "phrase",
    "slogan",
    "hashtag",
    "motto",
    "label",
    "book",
    "novel",
    "film",
    "movie",
    "documentary",
    "song",
    "album",
    "show",
    "series",
    "programme",
    "program",
    "column",
    "headline",
    "play",
    "poem",
    "campaign",
    "operation",
    "codenamed",
    "banner",
    "banners",
    "signs",
    "sign",
    "placards",
    "chants",
    "chanting",
    "reading",
];

/// Finds the quotations of `doc` and their speakers.
pub(crate) fn find(doc: &Document<'_>, names: &Names, lexicon: &Lexicon, disabled: RuleSet) -> Vec<Quote> {
    let quoted = marks::pair(doc);
    if quoted.is_empty() {
        return Vec::new();
    }
    let attributor = Attributor {
        speakers: Speakers { doc, names, lexicon },
        quotes: &quoted,
        sentence_person: Cell::new(None),
        disabled,
    };
    // The last stretch kept as a quote, with its attribution if it has one.
    let mut earlier: Option<(usize, Option<Attribution>)> = None;
    let mut quotes = Vec::new();
    // Recent speakers: (entity, token of the mention), for resolving pronouns and descriptions.
    let mut recent: Vec<(usize, usize)> = Vec::new();
    for index in 0..quoted.len() {
        let q = &quoted[index];
        // A speaker or cue inside the quote's own words is no attribution of them (the
        // `interrupted` rule can copy an earlier quote's "according to X" that lies in this one).
        let outside =
            |(first, last): (usize, usize)| !doc.tokens[first].span().to(doc.tokens[last].span()).overlaps(q.span);
        let attributed = earlier.and_then(|(p, a)| Some((p, a?)));
        let found = attributor
            .attribute(&quoted, index, attributed)
            .filter(|a| outside((a.mention.first, a.mention.last)) && a.cue.is_none_or(outside));
        if !is_quote(doc, names, q, found.as_ref(), disabled) {
            continue;
        }
        earlier = Some((index, found));
        let speaker = found.map(|a| {
            let entity = attributor.resolve(&a.mention, &recent);
            if let Some(entity) = entity {
                recent.push((entity, a.mention.first));
            }
            Speaker { mention: a.mention.span(doc), entity }
        });
        let cue = found.and_then(|a| a.cue).map(|(first, last)| doc.tokens[first].span().to(doc.tokens[last].span()));
        quotes.push(Quote { span: q.span, speaker, cue, rule: found.map_or(Rule::LongQuote, |a| a.rule) });
    }
    quotes
}

/// Lowercase words a name or a title of a show keeps between its capitalised words: “Group of
/// 75”, “Meet the Press”, “America with Jorge Ramos”, “Talk Bernie to Me”.
const NAME_JOINERS: &[&str] =
    &["of", "the", "de", "del", "la", "y", "and", "or", "for", "with", "to", "on", "in", "at", "by", "a", "an"];

/// Whether the words inside the marks are a name or a title rather than an utterance: at most
/// six words, the first capitalised, the others capitalised or [`NAME_JOINERS`], no "I"; or a
/// title in title case.
///
/// Punctuation inside the marks ("Okay," "Really?") makes even capitalised words an utterance,
/// except the comma or full stop that American style puts inside the closing mark after a name:
/// one a possessive or "on" introduces (Fox News's “Hannity,”; on “Meet the Press.”), or one of
/// two words or more that no reporting verb right after the quote claims as words (CNN's “New
/// Day,” but “Your Honor,” I said).
fn is_name_like(
    doc: &Document<'_>,
    words: &[usize],
    inner: std::ops::Range<usize>,
    open: usize,
    found: Option<&Attribution>,
) -> bool {
    let capitalised =
        |i: usize| matches!(doc.tokens[i].kind, TokenKind::Word(Case::Capitalized | Case::Upper) | TokenKind::Number);
    let names = words.len() <= 6
        && capitalised(words[0])
        && words.iter().all(|&i| capitalised(i) || NAME_JOINERS.contains(&doc.word(i)))
        && !words.iter().any(|&i| doc.word(i) == "I");
    // A title in title case ("Not Fit To Serve As President Of The United States"): at least
    // four words, nearly all capitalised, short function words capitalised too.
    let title_case = words.len() >= 4
        && words.iter().filter(|&&i| capitalised(i)).count() * 5 >= words.len() * 4
        && words.iter().any(|&i| capitalised(i) && doc.word(i).len() <= 3);
    if !names && !title_case {
        return false;
    }
    let mut punctuation = inner.filter(|&i| matches!(doc.word(i), "." | "!" | "?" | ","));
    let Some(mark) = punctuation.next() else { return true };
    let introduced =
        doc.previous_solid(open).is_some_and(|b| doc.tokens[b].kind == TokenKind::Clitic || doc.word(b) == "on");
    let said_after = found.is_some_and(|a| matches!(a.rule, Rule::AfterSpeakerCue | Rule::AfterCueSpeaker));
    punctuation.next().is_none()
        && matches!(doc.word(mark), "." | ",")
        && mark > *words.last().unwrap_or(&mark)
        && (introduced || words.len() >= 2 && !said_after)
}

/// Whether a quoted stretch is a quotation of someone's words.
///
/// - A stretch that is a name or a title ([`is_name_like`]: “Antúnez”, ‘Cuba Decide’, “Group
///   of 75”, on “Meet the Press.”) or lies inside an entity mention is not.
/// - A stretch after a naming word ("so-called", "known as", "the film") is not, nor the value
///   of a markup attribute (`tweet-author="@edhenry"`).
/// - A short stretch (three words or fewer) is a quote only with a reporting cue of its own:
///   “psychological torture” after "reported", not “humanitarian” gestures; or as a sentence of
///   its own that continues the quote before it (“…,” Tester said. “Very good.”).
/// - Anything longer is a quote, attributed or not.
fn is_quote(doc: &Document<'_>, names: &Names, q: &Quoted, found: Option<&Attribution>, disabled: RuleSet) -> bool {
    if q.span.is_empty() {
        return false;
    }
    let inner = q.open + 1..q.close.unwrap_or(doc.paragraphs[q.paragraph].tokens.end);
    let words: Vec<usize> =
        inner.clone().filter(|&i| matches!(doc.tokens[i].kind, TokenKind::Word(_) | TokenKind::Number)).collect();
    if words.is_empty() {
        return false;
    }
    // Words inside an entity mention are a name (‘Cuba Decide’, a nickname), not a quote.
    let at = names.mentions.partition_point(|m| m.span.end <= q.span.start);
    if names.mentions.get(at).is_some_and(|m| m.span.contains(q.span)) {
        return false;
    }
    if is_name_like(doc, &words, inner.clone(), q.open, found) {
        return false;
    }
    let before = doc.previous_solid(q.open).filter(|&i| doc.tokens[i].kind != TokenKind::LineBreak);
    if let Some(b) = before {
        let word = doc.word(b);
        // The value of a markup attribute left in scraped text: tweet-author="@edhenry".
        if word == "=" {
            return false;
        }
        let known_as = word == "as" && doc.previous_solid(b).is_some_and(|k| matches!(doc.word(k), "known" | "such"));
        if NAMING_WORDS.contains(&word) && (word != "as" || known_as) {
            return false;
        }
    }
    let short = words.len() <= 3;
    if !short {
        // Long enough to be someone's words: a quote even without a speaker (`long-quote`).
        return found.is_some() || !disabled.contains(Rule::LongQuote);
    }
    // A short sentence of its own that continues someone's quote ("…,” Tester said. “Very
    // good.”) is their words too: it ends in punctuation inside the marks.
    let last_inside = q.close.and_then(|c| doc.previous_solid(c)).map(|i| doc.word(i));
    let utterance = matches!(last_inside, Some("." | "!" | "?" | ","));
    found.is_some_and(|a| a.cue.is_some() && attribute::has_cue(a.rule) || a.rule == Rule::Continued && utterance)
}
