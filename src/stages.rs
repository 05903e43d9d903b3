//! The pipeline's stages one at a time, for the benchmarks. Hidden from the documentation and
//! not part of the stable API: use [`Annotator::annotate`](crate::Annotator::annotate).

use crate::annotate::Annotator;
use crate::document::Document;
use crate::entity::{self, Names};
use crate::gazetteer::Hit;
use crate::quote;

/// A text taken through the pipeline once, so that each stage can be timed on its own input.
pub struct Stages<'a> {
    annotator: &'a Annotator,
    doc: Document<'a>,
    hits: Vec<Hit>,
    names: Names,
}

impl<'a> Stages<'a> {
    /// Runs every stage once on `text`.
    pub fn new(annotator: &'a Annotator, text: &'a str) -> Stages<'a> {
        let doc = Document::new(text);
        let hits = annotator.gazetteer().find(&doc);
        let names = entity::recognize(&doc, &hits, annotator.gazetteer(), annotator.lexicon(), annotator.disabled());
        Stages { annotator, doc, hits, names }
    }

    /// Reads the embedded word lexicons afresh (the annotator reads them once per process): the
    /// long lists compiled into the binary, the short ones parsed. Half of a first
    /// `Annotator::new()`.
    pub fn parse_lexicons() -> usize {
        std::hint::black_box(crate::lexicon::Lexicon::embedded());
        1
    }

    /// Reads the gazetteer compiled into the binary afresh (the annotator reads it once per
    /// process): the other half of a first `Annotator::new()`.
    pub fn read_gazetteer() -> usize {
        std::hint::black_box(crate::gazetteer::Gazetteer::read_compiled());
        1
    }

    /// Tokens, paragraphs and sentences: the number of sentences.
    pub fn document(text: &str) -> usize {
        Document::new(text).sentences.len()
    }

    /// The gazetteer pass alone: the number of hits.
    pub fn gazetteer(&self) -> usize {
        self.annotator.gazetteer().find(&self.doc).len()
    }

    /// Name rules and clustering alone: the number of mentions.
    pub fn names(&self) -> usize {
        let annotator = self.annotator;
        entity::recognize(&self.doc, &self.hits, annotator.gazetteer(), annotator.lexicon(), annotator.disabled())
            .mentions
            .len()
    }

    /// Quote detection and attribution alone: the number of quotes.
    pub fn quotes(&self) -> usize {
        quote::find(&self.doc, &self.names, self.annotator.lexicon(), self.annotator.disabled()).len()
    }
}
