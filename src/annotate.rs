//! The annotator: the pipeline from text to [`Annotations`].

use crate::document::Document;
use crate::entity;
use crate::error::{Error, Warning};
use crate::gazetteer::{EMBEDDED_LISTS, Gazetteer, GazetteerBuilder};
use crate::label::Label;
use crate::lexicon::Lexicon;
use crate::quote;
use crate::span::Span;
use crate::token;
use once_cell::sync::Lazy;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Finds the people, organizations, places, prisons and quotations of English news text.
///
/// Building one is the expensive part (the gazetteers are parsed and their trie built);
/// annotating is cheap, never fails and never panics. An `Annotator` is immutable, cheap to clone
/// (the data is shared), and `Send + Sync`, so one can serve many threads.
///
/// ```
/// use newsnlp::{Annotator, Label};
/// let annotator = Annotator::builder().gazetteer_text("PRISON\tKilo 8\tKilo Ocho\n").build().unwrap();
/// let text = "He was moved to the Kilo Ocho prison in Camagüey.";
/// let annotations = annotator.annotate(text);
/// let prison = &annotations.entities()[0];
/// assert_eq!(prison.label(), Label::Prison);
/// // The generic word the text uses with the name is part of the span.
/// assert_eq!(&text[prison.span()], "Kilo Ocho prison");
/// assert_eq!(annotations.name_of(prison), "Kilo 8");
/// ```
#[derive(Clone, Debug)]
pub struct Annotator {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Gazetteer,
    lexicon: Arc<Lexicon>,
    warnings: Vec<Warning>,
}

/// The embedded word lexicons, parsed once per process and shared by every annotator.
static LEXICON: Lazy<Arc<Lexicon>> = Lazy::new(|| Arc::new(Lexicon::embedded()));

/// The annotator with the embedded data only, built once per process.
static DEFAULT: Lazy<Annotator> = Lazy::new(|| AnnotatorBuilder::new().build_embedded_only());

impl Annotator {
    /// The annotator with the embedded gazetteers and lexicons. Cannot fail; the data is built on
    /// the first call and shared by every later one.
    pub fn new() -> Annotator {
        DEFAULT.clone()
    }

    /// A builder for an annotator with extra gazetteers.
    pub fn builder() -> AnnotatorBuilder {
        AnnotatorBuilder::new()
    }

    /// Annotates one document.
    pub fn annotate(&self, text: &str) -> Annotations {
        if text.len() <= token::MAX_TEXT {
            self.annotate_piece(text)
        } else {
            self.annotate_in_pieces(text, token::MAX_TEXT)
        }
    }

    /// Annotates a text longer than token offsets reach (4 GiB) piece by piece, each piece cut at
    /// a paragraph break where there is one, with the spans and entity numbers shifted to the
    /// whole. Names are not clustered, nor quotes joined, across pieces: a text that long is an
    /// archive of documents, not one.
    fn annotate_in_pieces(&self, text: &str, limit: usize) -> Annotations {
        let mut whole = Annotations::default();
        let mut start = 0;
        while start < text.len() {
            let end = piece_end(text, start, limit);
            whole.append(self.annotate_piece(&text[start..end]), start);
            start = end;
        }
        whole
    }

    fn annotate_piece(&self, text: &str) -> Annotations {
        let doc = Document::new(text);
        let hits = self.inner.gazetteer.find(&doc);
        let found = entity::recognize(&doc, &hits, &self.inner.gazetteer, &self.inner.lexicon);
        let quotes = quote::find(&doc, &found, &self.inner.lexicon);
        let (entities, clusters) = found.into_public();
        Annotations { entities, clusters, quotes }
    }

    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.inner.lexicon
    }

    /// The warnings from building this annotator: problems in the user gazetteers that did not
    /// stop the build, each naming its file and line (duplicate entries, a name given to two
    /// entries, a name without a letter or digit, an overlong name). Empty for
    /// [`Annotator::new`].
    ///
    /// ```
    /// let list = "PLACE\tHavana\nPLACE\tHavana\tLa Habana\n";
    /// let annotator = newsnlp::Annotator::builder().gazetteer_text(list).build().unwrap();
    /// let warning = &annotator.warnings()[0];
    /// assert_eq!(
    ///     warning.to_string(),
    ///     "<gazetteer>:2: warning: duplicate entry PLACE \"Havana\" (first on line 1); \
    ///      its other aliases are added to that entry"
    /// );
    /// ```
    pub fn warnings(&self) -> &[Warning] {
        &self.inner.warnings
    }

    /// Annotates a document given as bytes that may not be valid UTF-8: each invalid byte is read
    /// as one [`text::REPLACEMENT`](crate::text::REPLACEMENT) byte, so the spans are offsets into
    /// `bytes` (and into [`text::decode`](crate::text::decode)`(bytes)`).
    pub fn annotate_bytes(&self, bytes: &[u8]) -> Annotations {
        self.annotate(crate::text::decode(bytes).text())
    }
}

impl Default for Annotator {
    fn default() -> Annotator {
        Annotator::new()
    }
}

/// Configures an [`Annotator`]: extra gazetteers on top of the embedded ones.
#[derive(Clone, Debug, Default)]
pub struct AnnotatorBuilder {
    lists: Vec<UserList>,
}

#[derive(Clone, Debug)]
enum UserList {
    File(PathBuf),
    Text(String),
}

impl AnnotatorBuilder {
    /// A builder with no extra gazetteer.
    pub fn new() -> AnnotatorBuilder {
        AnnotatorBuilder::default()
    }

    /// Adds a user gazetteer file (format in SPEC.md: `LABEL<TAB>NAME[<TAB>ALIAS]...`). It is read
    /// by [`build`](Self::build). User entries take precedence over embedded ones.
    pub fn gazetteer_file(&mut self, path: impl AsRef<Path>) -> &mut AnnotatorBuilder {
        self.lists.push(UserList::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds a user gazetteer given as text, in the same format as a file.
    pub fn gazetteer_text(&mut self, text: impl Into<String>) -> &mut AnnotatorBuilder {
        self.lists.push(UserList::Text(text.into()));
        self
    }

    /// Builds the annotator. Fails when a user gazetteer cannot be read (missing, a directory,
    /// larger than 256 MiB, UTF-16 or otherwise not UTF-8) or has a malformed line; the error
    /// names the file and line. Problems that do not stop the build are listed by
    /// [`Annotator::warnings`].
    pub fn build(&self) -> Result<Annotator, Error> {
        let mut gazetteer = GazetteerBuilder::default();
        for list in &self.lists {
            match list {
                UserList::File(path) => {
                    let bytes = read_gazetteer(path)?;
                    let text = String::from_utf8(bytes).map_err(|e| {
                        Error::line(
                            &path.display().to_string(),
                            line_of(e.as_bytes(), e.utf8_error().valid_up_to()),
                            "not valid UTF-8",
                        )
                    })?;
                    gazetteer.add_owned(&path.display().to_string(), &text)?;
                }
                UserList::Text(text) => gazetteer.add_owned("<gazetteer>", text)?,
            }
        }
        let lexicon = add_embedded(&mut gazetteer);
        let warnings = std::mem::take(&mut gazetteer.warnings);
        Ok(Annotator { inner: Arc::new(Inner { gazetteer: gazetteer.build(), lexicon, warnings }) })
    }

    fn build_embedded_only(&self) -> Annotator {
        let mut gazetteer = GazetteerBuilder::default();
        let lexicon = add_embedded(&mut gazetteer);
        let inner = Inner { gazetteer: gazetteer.build(), lexicon, warnings: Vec::new() };
        Annotator { inner: Arc::new(inner) }
    }
}

/// A user gazetteer larger than this is refused: its trie would take gigabytes.
const MAX_GAZETTEER_BYTES: u64 = 256 << 20;

/// Reads a user gazetteer file, refusing directories, files over [`MAX_GAZETTEER_BYTES`] and
/// UTF-16 text with a clear reason.
fn read_gazetteer(path: &Path) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
    let metadata = file.metadata().map_err(|e| Error::read(path, e))?;
    if metadata.is_dir() {
        return Err(Error::file(path, "is a directory, not a gazetteer file"));
    }
    let too_large =
        || Error::file(path, format!("larger than the limit of {} MiB for a gazetteer", MAX_GAZETTEER_BYTES >> 20));
    if metadata.len() > MAX_GAZETTEER_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_GAZETTEER_BYTES + 1).read_to_end(&mut bytes).map_err(|e| Error::read(path, e))?;
    if bytes.len() as u64 > MAX_GAZETTEER_BYTES {
        return Err(too_large());
    }
    if let Some(encoding) = crate::text::utf16_bom(&bytes) {
        return Err(Error::file(
            path,
            format!("{encoding} text (by its byte-order mark) is not supported: convert it to UTF-8"),
        ));
    }
    Ok(bytes)
}

/// Adds the embedded lists to `gazetteer` and returns the shared lexicons. The lexicons are
/// parsed (once per process) on another thread meanwhile: the two are independent, and start-up
/// is most of the cost of annotating one short article.
fn add_embedded(gazetteer: &mut GazetteerBuilder) -> Arc<Lexicon> {
    std::thread::scope(|scope| {
        let lexicon = scope.spawn(|| LEXICON.clone());
        gazetteer.reserve_for(EMBEDDED_LISTS.iter().map(|(_, text)| text.len()).sum());
        for (name, text) in EMBEDDED_LISTS {
            // The embedded lists are checked by a test: they parse.
            gazetteer.add_static(name, text).expect("embedded gazetteers are well-formed");
        }
        // Parsing embedded data cannot panic (a test parses it); if the thread could not run,
        // parse here.
        lexicon.join().unwrap_or_else(|_| LEXICON.clone())
    })
}

/// Where the piece of `text` that begins at `start` ends: at most `limit` bytes on, after the last
/// blank line in that reach, else after its last line break, else at a character boundary.
fn piece_end(text: &str, start: usize, limit: usize) -> usize {
    if text.len() - start <= limit {
        return text.len();
    }
    let mut reach = start + limit.max(4);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let window = &text[start..reach];
    match window.rfind("\n\n").map(|at| at + 2).or_else(|| window.rfind('\n').map(|at| at + 1)) {
        Some(cut) => start + cut,
        None => reach,
    }
}

/// The 1-based line number of byte `offset`.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The annotations of one document: entity mentions, the entities they belong to, and quotes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    entities: Vec<Entity>,
    clusters: Vec<Cluster>,
    quotes: Vec<Quote>,
}

impl Annotations {
    /// The entity mentions, in text order, never overlapping.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entities (clusters of mentions), indexed by [`Entity::entity`].
    pub fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    /// The quotations, in text order.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// Adds the annotations of a piece of a text that begins at byte `offset` of it.
    fn append(&mut self, piece: Annotations, offset: usize) {
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        let first_cluster = self.clusters.len();
        self.entities.extend(piece.entities.into_iter().map(|e| Entity {
            span: shift(e.span),
            entity: e.entity + first_cluster,
            ..e
        }));
        self.clusters.extend(piece.clusters);
        self.quotes.extend(piece.quotes.into_iter().map(|q| Quote {
            span: shift(q.span),
            speaker:
                q.speaker.map(|s| Speaker { mention: shift(s.mention), entity: s.entity.map(|e| e + first_cluster) }),
            cue: q.cue.map(shift),
            rule: q.rule,
        }));
    }

    /// The full name of the entity that a mention belongs to.
    pub fn name_of(&self, mention: &Entity) -> &str {
        &self.clusters[mention.entity].name
    }

    /// The speaker's name for a quote: the resolved entity's full name, or the mention's own text
    /// when it resolves to no entity; `None` when the speaker is unknown.
    pub fn speaker_name<'a>(&'a self, text: &'a str, quote: &Quote) -> Option<&'a str> {
        let speaker = quote.speaker?;
        Some(match speaker.entity {
            Some(entity) => &self.clusters[entity].name,
            None => &text[speaker.mention],
        })
    }
}

/// One mention of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    pub(crate) span: Span,
    pub(crate) label: Label,
    pub(crate) entity: usize,
}

impl Entity {
    /// Where the mention is; titles, a leading "the" and a possessive are outside it.
    pub fn span(&self) -> Span {
        self.span
    }

    /// What kind of name it is.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The number of the entity (cluster) it belongs to, an index into [`Annotations::clusters`].
    pub fn entity(&self) -> usize {
        self.entity
    }
}

/// An entity: the referent shared by one or more mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    pub(crate) label: Label,
    pub(crate) name: String,
}

impl Cluster {
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
    pub(crate) rule: Option<&'static str>,
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

    /// The name of the attribution rule that found the speaker ("after-speaker-cue",
    /// "before-speaker-cue", "continued"…; DESIGN.md lists them), so that a reader can weigh
    /// each attribution. `None` when no speaker was found.
    pub fn rule(&self) -> Option<&'static str> {
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

    /// The entity it resolves to, an index into [`Annotations::clusters`].
    pub fn entity(&self) -> Option<usize> {
        self.entity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts over 4 GiB are cut into pieces; the same code is tested here with a small limit.
    #[test]
    fn pieces_are_cut_at_paragraphs_and_shifted_to_the_whole_text() {
        let text = "José Daniel Ferrer García was taken to Mar Verde prison in Santiago de Cuba.\n\n\
                    “They beat him again,” said his sister Ana Belkis Ferrer. “He is very thin.”\n\n\
                    Ferrer’s wife, Nelva Ismarays Ortega, said she had not seen him.\n";
        let annotator = Annotator::new();
        let limit = text.find("Ferrer’s").unwrap() + 10;
        let pieces = annotator.annotate_in_pieces(text, limit);
        let cut = text.find("Ferrer’s").unwrap();
        assert_eq!(piece_end(text, 0, limit), cut, "cut after the last blank line within the limit");
        let (first, second) = text.split_at(cut);
        let expected: Vec<(&str, String)> = [(first, 0), (second, cut)]
            .iter()
            .flat_map(|&(piece, offset)| {
                let annotations = annotator.annotate(piece);
                annotations
                    .entities()
                    .iter()
                    .map(|e| (&text[e.span().start + offset..e.span().end + offset], annotations.name_of(e).to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let found: Vec<(&str, String)> =
            pieces.entities().iter().map(|e| (&text[e.span()], pieces.name_of(e).to_owned())).collect();
        assert_eq!(found, expected);
        // Entity numbers of the second piece point past the first piece's clusters.
        let ortega = pieces.entities().iter().find(|e| &text[e.span()] == "Nelva Ismarays Ortega").unwrap();
        assert_eq!(pieces.name_of(ortega), "Nelva Ismarays Ortega Tamayo");
        let quotes: Vec<(&str, Option<&str>)> =
            pieces.quotes().iter().map(|q| (&text[q.span()], pieces.speaker_name(text, q))).collect();
        assert_eq!(
            quotes,
            [("They beat him again,", Some("Ana Belkis Ferrer")), ("He is very thin.", Some("Ana Belkis Ferrer"))]
        );
    }

    #[test]
    fn a_piece_without_line_breaks_ends_at_a_character_boundary() {
        let text = "ééééé";
        assert_eq!(piece_end(text, 0, 5), 4);
        assert_eq!(piece_end(text, 4, 5), 8);
        assert_eq!(piece_end(text, 8, 5), 10);
        assert_eq!(piece_end("a\nbcdef", 0, 5), 2);
    }
}
