//! The names of a document as the stage leaves them: mentions with their tokens, tied into
//! entities with what is known of each (gender, gazetteer entry).

use crate::annotations;
use crate::label::Label;
use crate::lexicon::Sex;
use crate::rule::Rule;
use crate::span::Span;

/// A mention with its tokens and the entity it names.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub span: Span,
    /// First and last token (inclusive).
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub entity: usize,
    /// The rule that found it.
    pub rule: Rule,
}

/// An entity: its label, its full name and what is known of its gender.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    pub label: Label,
    pub name: String,
    /// The number of tokens of the mention that gave the name (a fuller mention renames it).
    pub(crate) name_tokens: usize,
    pub sex: Sex,
    pub(crate) entry: Option<u32>,
}

/// The names of one document: its mentions, in text order, and the entities they name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Names {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

impl Names {
    /// The public mentions and entities (the names move, not copied).
    pub fn into_public(self) -> (Vec<annotations::Mention>, Vec<annotations::Entity>) {
        let mentions = self
            .mentions
            .iter()
            .map(|m| annotations::Mention { span: m.span, label: m.label, entity: m.entity, rule: m.rule })
            .collect();
        let entities =
            self.entities.into_iter().map(|e| annotations::Entity { label: e.label, name: e.name }).collect();
        (mentions, entities)
    }

    /// The mention that covers token `i`, if any.
    pub fn mention_at_token(&self, i: usize) -> Option<&Mention> {
        let at = self.mentions.partition_point(|m| m.last < i);
        self.mentions.get(at).filter(|m| m.first <= i)
    }
}
