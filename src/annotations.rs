//! What annotating a document gives: the mentions, the entities they name, and the quotes.
//!
//! These are the result types of every stage: the name stage ([`entity`](crate::entity)) gives
//! mentions and entities, the quote stage gives quotes, and the [`Annotator`](crate::Annotator)
//! puts them together. They depend on no stage, so that the stages and the annotator can all
//! use them.
//!
//! A *mention* is a span of text that names something ("Ferrer", "José Daniel Ferrer García");
//! the *entity* is the referent that its mentions share, with its full name.

use crate::label::Label;
use crate::rule::Rule;
use crate::span::Span;

/// The annotations of one document: the mentions, the entities they name, and the quotes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    mentions: Vec<Mention>,
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
}

impl Annotations {
    pub(crate) fn new(mentions: Vec<Mention>, entities: Vec<Entity>, quotes: Vec<Quote>) -> Annotations {
        Annotations { mentions, entities, quotes }
    }

    /// The mentions, in text order, never overlapping.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The entities, indexed by [`Mention::entity`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The quotations, in text order.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// The full name of the entity that a mention names.
    pub fn name_of(&self, mention: &Mention) -> &str {
        &self.entities[mention.entity].name
    }

    /// The speaker's name for a quote: the resolved entity's full name, or the mention's own text
    /// when it resolves to no entity; `None` when the speaker is unknown.
    pub fn speaker_name<'a>(&'a self, text: &'a str, quote: &Quote) -> Option<&'a str> {
        let speaker = quote.speaker?;
        Some(match speaker.entity {
            Some(entity) => &self.entities[entity].name,
            None => &text[speaker.mention],
        })
    }

    /// Adds the annotations of a section of a text that begins at byte `offset` of it.
    pub(crate) fn append(&mut self, section: Annotations, offset: usize) {
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        let first_entity = self.entities.len();
        self.mentions.extend(section.mentions.into_iter().map(|m| Mention {
            span: shift(m.span),
            entity: m.entity + first_entity,
            ..m
        }));
        self.entities.extend(section.entities);
        self.quotes.extend(section.quotes.into_iter().map(|q| Quote {
            span: shift(q.span),
            speaker:
                q.speaker.map(|s| Speaker { mention: shift(s.mention), entity: s.entity.map(|e| e + first_entity) }),
            cue: q.cue.map(shift),
            rule: q.rule,
        }));
    }
}

/// A span of text that names a person, an organization, a place or a prison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub(crate) span: Span,
    pub(crate) label: Label,
    pub(crate) entity: usize,
    pub(crate) rule: Rule,
}

impl Mention {
    /// Where the mention is; titles, a leading "the" and a possessive are outside it.
    pub fn span(&self) -> Span {
        self.span
    }

    /// What kind of name it is.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The number of the entity it names, an index into [`Annotations::entities`].
    pub fn entity(&self) -> usize {
        self.entity
    }

    /// The gazetteer or the name rule that found it ([`Rule::Gazetteer`], [`Rule::HeadWord`]…).
    pub fn rule(&self) -> Rule {
        self.rule
    }
}

/// An entity: the referent that one or more mentions name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub(crate) label: Label,
    pub(crate) name: String,
}

impl Entity {
    /// The label of its mentions.
    pub fn label(&self) -> Label {
        self.label
    }

    /// Its full name: the canonical gazetteer name, or the fullest form in the text.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// A direct quotation and who said it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub(crate) span: Span,
    pub(crate) speaker: Option<Speaker>,
    pub(crate) cue: Option<Span>,
    pub(crate) rule: Rule,
}

impl Quote {
    /// The quoted words, quotation marks excluded; one span even over several paragraphs.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Who said it, when that can be found.
    pub fn speaker(&self) -> Option<Speaker> {
        self.speaker
    }

    /// The reporting verb or phrase ("said", "according to"), if there is one.
    pub fn cue(&self) -> Option<Span> {
        self.cue
    }

    /// The rule that found it: the attribution rule that found the speaker
    /// ([`Rule::AfterSpeakerCue`], [`Rule::Continued`]…), so that a reader can weigh each
    /// attribution, or [`Rule::LongQuote`] when no speaker was found.
    pub fn rule(&self) -> Rule {
        self.rule
    }
}

/// The speaker of a quote: the mention that names them at the quote, and the entity it resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub(crate) mention: Span,
    pub(crate) entity: Option<usize>,
}

impl Speaker {
    /// The local mention: "he", "the activist", "Ortega".
    pub fn mention(&self) -> Span {
        self.mention
    }

    /// The entity it resolves to, an index into [`Annotations::entities`].
    pub fn entity(&self) -> Option<usize> {
        self.entity
    }
}
