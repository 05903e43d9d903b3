//! newsnlp finds the people, organizations, places and prisons named in English news articles,
//! and every direct quotation with who said it, with exact UTF-8 byte offsets.
//!
//! It is rule-based and fully offline: a tokenizer feeds gazetteer matching and name rules, and
//! ordered attribution rules link each quote to its speaker. Everything it needs is embedded, so
//! [`Annotator::new`] works with no configuration.
//!
//! ```
//! use newsnlp::{Annotator, Label};
//!
//! let annotator = Annotator::builder()
//!     .gazetteer_text("ORG\tPatriotic Union of Cuba\tUNPACU\n")
//!     .build()
//!     .unwrap();
//! let text = "“Free them,” said UNPACU.";
//! let annotations = annotator.annotate(text);
//! let org = &annotations.mentions()[0];
//! assert_eq!((org.span().start, org.span().end), (22, 28));
//! assert_eq!(org.label(), Label::Org);
//! assert_eq!(annotations.name_of(org), "Patriotic Union of Cuba");
//! assert_eq!(&text[annotations.quotes()[0].span()], "Free them,");
//! ```
//!
//! # Pipeline
//! As [`Annotator::annotate`] runs it: text → [tokens](token), [paragraphs and
//! sentences](sentence) → gazetteer hits → names (the name rules, in order, then the mentions
//! tied into entities) → quotes and their speakers (the attribution rules, in order) →
//! [`Annotations`] → [`json`].
//!
//! Every mention and quote says which [`Rule`] found it, and any rule can be switched off
//! ([`AnnotatorBuilder::disable_rule`]).
//!
//! Every span is a half-open byte range into the exact input, on `char` boundaries; the text is
//! never rewritten; entities do not overlap and are sorted; the same input gives the same output.

#![deny(missing_docs)]

mod annotate;
mod annotations;
mod document;
mod entity;
mod error;
mod fxhash;
mod gazetteer;
pub mod json;
mod label;
mod lexicon;
mod quote;
mod rule;
pub mod sentence;
mod span;
#[doc(hidden)]
pub mod stages;
mod table;
pub mod text;
pub mod token;

pub use annotate::{Annotator, AnnotatorBuilder, DEFAULT_SECTION_BYTES};
pub use annotations::{Annotations, Entity, Mention, Quote, Speaker};
pub use error::{Error, Warning};
pub use label::{Label, UnknownLabel};
pub use rule::{Rule, RuleKind, UnknownRule};
pub use span::Span;

/// The README's examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    /// The annotator is shared across threads: it must stay `Clone + Send + Sync`.
    #[test]
    fn annotator_is_clone_send_sync() {
        fn shareable<T: Clone + Send + Sync + 'static>() {}
        fn sendable<T: Send + Sync + 'static>() {}
        shareable::<Annotator>();
        shareable::<Annotations>();
        sendable::<Error>();
    }

    /// `Debug` of an annotator is a summary: printing one must not dump its tables.
    #[test]
    fn an_annotator_prints_a_summary() {
        let annotator = Annotator::builder().disable_rule("title").build().unwrap();
        let printed = format!("{annotator:?}");
        assert!(printed.len() < 300, "{printed}");
        assert!(printed.contains("disabled_rules: [\"title\"]"), "{printed}");
    }
}
