//! Clustering: candidate mentions tied into one entity per referent, and the rules that decide
//! which lone words are short forms of a name.
//!
//! In news the first mention of a person gives the full name and later ones a short form, so
//! clustering runs left to right:
//! - a gazetteer name joins the entity of its gazetteer entry (aliases share the canonical name);
//! - a person's full name joins an earlier person whose name contains it, or the other way round
//!   ("José Daniel Ferrer" and "José Daniel Ferrer García");
//! - a short form — a bare surname ("Ferrer", "Ferrer’s"), a title and surname ("Mr. Obama"), a
//!   defined acronym ("UNPACU"), the initials of a named organization ("CPJ") — joins the entity
//!   that *first* introduced it, so a sister introduced later with the same surname does not take
//!   "Ferrer" from her brother (`short-form`);
//! - a nickname in quotes joins the person it follows; an acronym in brackets joins the
//!   organization it follows.
//!
//! Each entity is named by its gazetteer entry's canonical name, or else by its fullest mention.

use super::decision::{Example, PassRule};
use super::names::{Entity, Mention, Names};
use super::reader::{Candidate, Kind};
use super::units::is_elided_particle_name;
use crate::document::Document;
use crate::fxhash::FxHashMap;
use crate::gazetteer::Gazetteer;
use crate::label::Label;
use crate::lexicon::{Lexicon, Sex};
use crate::rule::{Rule, RuleSet};
use crate::span::Span;
use crate::text::fold_accents;
use std::borrow::Cow;

/// `short-form`: a lone word that shortens a name met before is a mention of it: a surname
/// ("Ferrer", "Ferrer’s"), a given name, a defined acronym, an organization's initials ("CPJ").
/// The first entity to have a short form keeps it.
pub(crate) const SHORT_FORM: PassRule = PassRule {
    rule: Rule::ShortForm,
    examples: &[
        Example::Finds("José Daniel Quillane García was jailed. [Quillane] is ill.", Label::Person),
        Example::Ignores("Quillane is ill."),
    ],
};

/// `lone-known-name`: a lone capitalised word that shortens no name met before is still a person
/// if it is a known given name or surname inside a sentence, no English word, title, head word,
/// descriptor or demonym, and not after "of" or an opening quote ("Gorbachev"; not "June",
/// "Will", "Bush").
pub(crate) const LONE_KNOWN_NAME: PassRule = PassRule {
    rule: Rule::LoneKnownName,
    examples: &[
        Example::Finds("The talks with [Gorbachev] went on.", Label::Person),
        Example::Ignores("The talks in June went on."),
    ],
};

/// `early-short-form`: a lone word met before the full name that it shortens is a mention of it,
/// once the document is read, if it is no given name or English word (a caption's "Braverman
/// (left)" before "Suella Braverman").
pub(crate) const EARLY_SHORT_FORM: PassRule = PassRule {
    rule: Rule::EarlyShortForm,
    examples: &[
        Example::Finds("[Quillane] (left) and guests.\n\nMinister Suella Quillane spoke.", Label::Person),
        Example::Ignores("Minister Suella Quillane spoke."),
    ],
};

/// Clusters the candidates of a document, in text order, into mentions and entities.
pub(crate) fn cluster(
    doc: &Document<'_>,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    disabled: RuleSet,
    candidates: Vec<Candidate>,
) -> Names {
    Clusterer::new(doc, gazetteer, lexicon, disabled, candidates.len()).run(candidates)
}

/// Left-to-right clustering state.
struct Clusterer<'a, 'd> {
    doc: &'a Document<'d>,
    gazetteer: &'a Gazetteer,
    lexicon: &'a Lexicon,
    /// The rules switched off.
    disabled: RuleSet,
    names: Names,
    /// Short forms (folded) → the entity that first introduced them.
    aliases: FxHashMap<Cow<'a, str>, usize>,
    /// Gazetteer entry → its entity.
    by_entry: FxHashMap<u32, usize>,
    /// Full name (folded) → entity, for names built by rules.
    by_name: FxHashMap<Cow<'a, str>, usize>,
    /// Word (folded) → the people whose name has it, for finding a person by part of a name
    /// without scanning every entity.
    people_by_word: FxHashMap<String, Vec<usize>>,
    /// Last word (folded) → the organization whose name of two words or more it ends, for an
    /// organization named by its head word alone ("the Post" after "The Washington Post").
    /// Apart from `aliases`, so that a bare word never joins an organization this way.
    orgs_by_last_word: FxHashMap<Cow<'a, str>, usize>,
}

impl<'a, 'd> Clusterer<'a, 'd> {
    /// The text of a span of the document, for as long as the clusterer lives: the keys of its
    /// tables borrow it instead of copying it.
    fn text(&self, span: Span) -> &'a str {
        let text: &'a str = self.doc.text;
        &text[span]
    }

    /// A clusterer for `candidates` candidates. Its tables are sized for them (fewer distinct
    /// names than candidates, a few short forms a name), so that they are not rehashed as they
    /// grow: rehashing was 1% of `annotate`.
    fn new(
        doc: &'a Document<'d>,
        gazetteer: &'a Gazetteer,
        lexicon: &'a Lexicon,
        disabled: RuleSet,
        candidates: usize,
    ) -> Self {
        fn sized<K, V>(n: usize) -> FxHashMap<K, V> {
            FxHashMap::with_capacity_and_hasher(n, Default::default())
        }
        Clusterer {
            doc,
            gazetteer,
            lexicon,
            disabled,
            names: Names::default(),
            aliases: sized(candidates / 2),
            by_entry: sized(candidates / 8),
            by_name: sized(candidates / 4),
            people_by_word: sized(candidates / 4),
            orgs_by_last_word: sized(candidates / 8),
        }
    }

    fn run(mut self, candidates: Vec<Candidate>) -> Names {
        let mut last_end = 0;
        // Bare surnames met before any full name ("Braverman (left) and Sunak" in a caption
        // above the article): kept aside, and given to the person who has that surname once
        // the whole document is read.
        let mut early = Vec::new();
        self.names.mentions.reserve(candidates.len());
        for candidate in candidates {
            if candidate.span.start < last_end {
                continue;
            }
            match self.place(&candidate) {
                Placed::Mention(mention) => {
                    last_end = mention.span.end;
                    self.names.mentions.push(mention);
                }
                Placed::Unknown if !self.disabled.contains(EARLY_SHORT_FORM.rule) => early.push(candidate),
                Placed::Unknown | Placed::Dropped => {}
            }
        }
        let before = self.names.mentions.len();
        for candidate in early {
            let text = &self.doc.text[candidate.span];
            // The alias first: most early words are sentence openers that no one has.
            if let Some(&cluster) = self.aliases.get(key(text).as_ref())
                && self.names.entities[cluster].label == Label::Person
                && self.lexicon.given_name(text).is_none()
                && !self.lexicon.is_english(text)
            {
                let mention = Mention {
                    span: candidate.span,
                    first: candidate.first,
                    last: candidate.last,
                    label: Label::Person,
                    entity: cluster,
                    rule: EARLY_SHORT_FORM.rule,
                };
                self.names.mentions.push(mention);
            }
        }
        if self.names.mentions.len() > before {
            self.names.mentions.sort_by_key(|m| m.span.start);
        }
        self.names
    }

    /// Finds or creates the entity of a candidate, or drops it.
    fn place(&mut self, candidate: &Candidate) -> Placed {
        let text = self.text(candidate.span);
        let mut rule = candidate.rule;
        let previous = self.names.mentions.last().map(|m| (m.label, m.entity));
        let cluster = match (candidate.kind, previous) {
            (Kind::Name { entry: Some(entry) }, _) => self.gazetteer_entity(candidate, entry),
            (Kind::Name { entry: None }, _) => self.named_entity(candidate, text),
            (Kind::Bare, _) => match self.aliases.get(key(text).as_ref()) {
                Some(_) if self.disabled.contains(SHORT_FORM.rule) => return Placed::Dropped,
                Some(&cluster) => {
                    rule = SHORT_FORM.rule;
                    cluster
                }
                None if !self.disabled.contains(LONE_KNOWN_NAME.rule) && self.lone_name(candidate, text) => {
                    rule = LONE_KNOWN_NAME.rule;
                    self.named_entity(candidate, text)
                }
                None => return Placed::Unknown,
            },
            (Kind::Nickname, Some((Label::Person, person))) => person,
            (Kind::Acronym, Some((_, organization))) => *self.aliases.entry(key(text)).or_insert(organization),
            (Kind::Nickname | Kind::Acronym, _) => return Placed::Dropped,
        };
        let entity = &mut self.names.entities[cluster];
        if entity.sex == Sex::Unknown {
            entity.sex = candidate.sex;
        }
        let label = entity.label;
        Placed::Mention(Mention {
            span: candidate.span,
            first: candidate.first,
            last: candidate.last,
            label,
            entity: cluster,
            rule,
        })
    }

    /// Whether a lone capitalised word that shortens no earlier name is still a person's name:
    /// a known given name or surname inside a sentence that is not also an ordinary English word
    /// ("Gorbachev", "Lukaku", "Daniel"; not "June", "Will", "Bush"), nor a title, head word,
    /// descriptor or demonym.
    fn lone_name(&self, candidate: &Candidate, word: &str) -> bool {
        let doc = self.doc;
        let i = candidate.first;
        if candidate.first != candidate.last || doc.is_sentence_initial(i) {
            return false;
        }
        if doc.tokens[i].kind != crate::token::TokenKind::Word(crate::token::Case::Capitalized) {
            return false;
        }
        let known = self.lexicon.given_name(word).is_some() || self.lexicon.is_surname(word);
        let role = self.lexicon.titles.contains_word(word).is_some()
            || self.lexicon.heads.contains_word(word).is_some()
            || self.lexicon.descriptor(word).is_some()
            || self.lexicon.demonyms.contains_word(word).is_some();
        // After "of" a capitalised word completes a title or a name ("Minister of Energy", "the
        // town of Oban"); after an opening quotation mark it opens a quoted sentence.
        let before = doc.previous_solid(i);
        let after_of = before.is_some_and(|p| doc.word(p) == "of");
        let after_quote = before.is_some_and(|p| doc.tokens[p].quote().is_some());
        known && !role && !self.lexicon.is_english(word) && !after_of && !after_quote
    }

    fn gazetteer_entity(&mut self, candidate: &Candidate, entry: u32) -> usize {
        if let Some(&cluster) = self.by_entry.get(&entry) {
            return cluster;
        }
        let gazetteer: &'a Gazetteer = self.gazetteer;
        let (label, name): (Label, &'a str) = gazetteer.entry(entry);
        // A gazetteer person may already have been met under a shorter form of the name.
        let earlier = if label == Label::Person {
            self.person_containing(name).or_else(|| self.bare_surname_of(name))
        } else {
            None
        };
        let cluster = match earlier {
            Some(cluster) => {
                let entity = &mut self.names.entities[cluster];
                entity.name = name.to_string();
                entity.name_tokens = usize::MAX;
                entity.entry = Some(entry);
                cluster
            }
            None => self.new_cluster(label, name.to_string(), usize::MAX, Some(entry)),
        };
        self.by_entry.insert(entry, cluster);
        self.register_short_forms(cluster, name, label);
        let text = self.text(candidate.span);
        self.register_short_forms(cluster, text, label);
        cluster
    }

    fn named_entity(&mut self, candidate: &Candidate, text: &'a str) -> usize {
        let tokens = candidate.last - candidate.first + 1;
        if let Some(&cluster) = self.by_name.get(key(text).as_ref()) {
            return cluster;
        }
        let words = text.split_whitespace().count();
        let existing = match candidate.label {
            Label::Person if words == 1 => self.aliases.get(key(text).as_ref()).copied(),
            Label::Person => self.person_containing(text).or_else(|| self.bare_surname_of(text)),
            _ => self
                .aliases
                .get(key(text).as_ref())
                .or_else(|| if words == 1 { self.orgs_by_last_word.get(key(text).as_ref()) } else { None })
                .copied()
                .filter(|&c| self.names.entities[c].label == candidate.label),
        };
        let cluster = match existing {
            Some(cluster) => {
                let entity = &mut self.names.entities[cluster];
                if entity.entry.is_none() && tokens > entity.name_tokens && entity.label == candidate.label {
                    entity.name = text.to_string();
                    entity.name_tokens = tokens;
                }
                cluster
            }
            None => self.new_cluster(candidate.label, text.to_string(), tokens, None),
        };
        self.by_name.insert(key(text), cluster);
        self.register_short_forms(cluster, text, candidate.label);
        cluster
    }

    fn new_cluster(&mut self, label: Label, name: String, name_tokens: usize, entry: Option<u32>) -> usize {
        let sex = if label == Label::Person {
            name.split_whitespace().next().and_then(|w| self.lexicon.given_name(w)).unwrap_or(Sex::Unknown)
        } else {
            Sex::Unknown
        };
        self.names.entities.push(Entity { label, name, name_tokens, sex, entry });
        self.names.entities.len() - 1
    }

    /// The earlier person whose full name contains all the words of `name` in order, or whose
    /// words are all in `name` in order.
    fn person_containing(&self, name: &str) -> Option<usize> {
        let words: Vec<Cow<'_, str>> = name.split_whitespace().map(key).collect();
        if words.len() < 2 {
            return None;
        }
        let mut candidates: Vec<usize> =
            words.iter().filter_map(|w| self.people_by_word.get(w.as_ref())).flatten().copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.into_iter().find(|&c| {
            let entity = &self.names.entities[c];
            let theirs: Vec<Cow<'_, str>> = entity.name.split_whitespace().map(key).collect();
            entity.label == Label::Person
                && theirs.len() >= 2
                && (is_subsequence(&words, &theirs) || is_subsequence(&theirs, &words))
        })
    }

    /// Indexes the words of a person's (new) name.
    ///
    /// Each word keeps the first [`PEOPLE_PER_WORD`] people only: the first-introduced person
    /// wins a short form anyway, and the bound keeps a document of a million names linear.
    fn index_person(&mut self, cluster: usize) {
        let name = &self.names.entities[cluster].name;
        for word in name.split_whitespace() {
            let word = key(word);
            // Look up before inserting: most words are indexed already, and the owned key
            // would be an allocation for nothing.
            let list = match self.people_by_word.get_mut(word.as_ref()) {
                Some(list) => list,
                None => self.people_by_word.entry(word.into_owned()).or_default(),
            };
            if list.len() < PEOPLE_PER_WORD && !list.contains(&cluster) {
                list.push(cluster);
            }
        }
    }

    /// Makes `form` (folded) a short form of `cluster` unless an entity has it already; the
    /// owned key is made only for a new form.
    fn add_alias(&mut self, form: &'a str, cluster: usize) {
        let form = key(form);
        if !self.aliases.contains_key(form.as_ref()) {
            self.aliases.insert(form, cluster);
        }
    }

    /// An earlier person known only by one word that is the last word of `name`: a headline's
    /// "Mugabe" before the article's "Robert Mugabe". The full name adopts that entity.
    fn bare_surname_of(&self, name: &str) -> Option<usize> {
        let last = name.split_whitespace().last()?;
        let cluster = *self.aliases.get(key(last).as_ref())?;
        let entity = &self.names.entities[cluster];
        (entity.label == Label::Person && entity.name_tokens == 1 && entity.entry.is_none()).then_some(cluster)
    }

    /// Registers the short forms of a name for later bare mentions: for people, each word that
    /// is not a given name, particle or initial (the surnames, "Ferrer", "García"); for
    /// organizations, the initials of their capitalised words ("CPJ"). The first entity to
    /// register a form keeps it.
    fn register_short_forms(&mut self, cluster: usize, name: &'a str, label: Label) {
        match label {
            Label::Person => {
                self.index_person(cluster);
                let words: Vec<&str> = name.split_whitespace().collect();
                for (index, word) in words.iter().enumerate() {
                    let word = word.trim_end_matches(['.', ',']);
                    let surname_like = index > 0 || self.lexicon.given_name(word).is_none();
                    // "al-Megrahi", "el-Sisi": an Arabic article before a capitalised name counts.
                    let arabic = word.split_once('-').is_some_and(|(article, rest)| {
                        matches!(article, "al" | "el" | "ad" | "ash" | "as" | "az" | "ar" | "an" | "at")
                            && rest.chars().next().is_some_and(char::is_uppercase)
                    });
                    let elided = is_elided_particle_name(word);
                    let capitalised = (arabic || elided || word.chars().next().is_some_and(char::is_uppercase))
                        && word.chars().count() > 2;
                    if words.len() >= 2 && surname_like && capitalised && !(index == 0 && words.len() > 1) {
                        self.add_alias(word, cluster);
                        if word.contains('-') {
                            for part in word.split('-').filter(|p| p.chars().count() > 2) {
                                self.add_alias(part, cluster);
                            }
                        }
                    }
                }
                if words.len() == 1 {
                    self.add_alias(name, cluster);
                } else if self.lexicon.given_name(words[0]).is_some() {
                    // The given name alone ("Daniel" for Daniel Montalvo), if no one had it before.
                    self.add_alias(words[0], cluster);
                }
            }
            Label::Org => {
                let initials: String = name
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .collect();
                if initials.chars().count() >= 3 {
                    self.aliases.entry(Cow::Owned(initials)).or_insert(cluster);
                }
                if !name.contains(' ') {
                    self.add_alias(name, cluster);
                } else if let Some(last) = name.rsplit(' ').next()
                    && last.chars().next().is_some_and(char::is_uppercase)
                    && last.chars().count() > 2
                {
                    self.orgs_by_last_word.entry(key(last)).or_insert(cluster);
                }
            }
            Label::Prison => {
                // "Roe" for the Jane Roe Correctional Facility: the last word before the words
                // that say what kind of prison it is.
                let words: Vec<&str> = name.split_whitespace().collect();
                let kind = words.iter().position(|w| PRISON_KIND_WORDS.contains(w));
                if let Some(kind) = kind.filter(|&k| k > 0) {
                    let word = words[kind - 1];
                    if word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() > 2 {
                        self.add_alias(word, cluster);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Capitalised words that say what kind of prison a name is: a prison's short form is the word
/// before them ("Roe" for the Jane Roe Correctional Facility).
const PRISON_KIND_WORDS: &[&str] = &[
    "Prison",
    "Jail",
    "Gaol",
    "Penitentiary",
    "Correctional",
    "Detention",
    "Immigration",
    "Labour",
    "Labor",
    "Penal",
    "Internment",
    "Remand",
    "Removal",
    "Camp",
    "Colony",
    "Reformatory",
    "Federal",
    "State",
    "County",
    "Central",
    "Military",
    "Maximum",
];

/// What became of a candidate in clustering.
enum Placed {
    /// A mention of an entity, new or named before.
    Mention(Mention),
    /// A lone word that shortens no name met so far: it may shorten one met later
    /// (`early-short-form`).
    Unknown,
    /// Not a mention.
    Dropped,
}

/// How many people each name word indexes (see [`Clusterer::index_person`]).
const PEOPLE_PER_WORD: usize = 16;

/// The form names are compared in: accents removed, curly apostrophes straightened. Borrowed
/// unless something had to change.
fn key(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let folded = fold_accents(text);
    if folded.contains('’') { Cow::Owned(folded.replace('’', "'")) } else { folded }
}

/// Whether `short` appears in `long` in order (not necessarily adjacent).
fn is_subsequence(short: &[Cow<'_, str>], long: &[Cow<'_, str>]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}
