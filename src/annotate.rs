//! The annotator: the pipeline from text to [`Annotations`], stage by stage.

use crate::annotations::Annotations;
use crate::document::Document;
use crate::entity;
use crate::error::{Error, Warning};
use crate::gazetteer::{Gazetteer, GazetteerBuilder};
use crate::lexicon::Lexicon;
use crate::quote;
use crate::rule::{Rule, RuleSet};
use crate::token;
use once_cell::sync::Lazy;
use std::fmt;
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
/// let prison = &annotations.mentions()[0];
/// assert_eq!(prison.label(), Label::Prison);
/// // The generic word the text uses with the name is part of the span.
/// assert_eq!(&text[prison.span()], "Kilo Ocho prison");
/// assert_eq!(annotations.name_of(prison), "Kilo 8");
/// ```
#[derive(Clone)]
pub struct Annotator {
    inner: Arc<Inner>,
}

struct Inner {
    gazetteer: Gazetteer,
    lexicon: Arc<Lexicon>,
    warnings: Vec<Warning>,
    section_bytes: usize,
    /// The rules switched off ([`AnnotatorBuilder::disable_rule`]).
    disabled: RuleSet,
}

/// A summary, not the tables: the gazetteer alone is megabytes.
impl fmt::Debug for Annotator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Annotator")
            .field("gazetteer_entries", &inner.gazetteer.len())
            .field("user_gazetteer_entries", &inner.gazetteer.user_entries())
            .field("warnings", &inner.warnings.len())
            .field("section_bytes", &inner.section_bytes)
            .field("disabled_rules", &inner.disabled.iter().map(Rule::name).collect::<Vec<_>>())
            .finish()
    }
}

/// The default of [`AnnotatorBuilder::section_bytes`]: 256 KiB, some 40,000 words, longer than
/// any news article (a long-form piece of 10,000 words is about 60 KB), so that no article is
/// cut. A section's tokens and other working data (about 13 bytes for each byte of text) then
/// stay in the cache: a 10 MB text annotated in one go streamed 130 MB through memory in every
/// stage and ran at two thirds of the speed of a 1 MB one (`benches/RESULTS.md`).
pub const DEFAULT_SECTION_BYTES: usize = 1 << 18;

/// The embedded word lexicons, read once per process (the long lists are compiled into the binary,
/// the short ones parsed) and shared by every annotator.
static LEXICON: Lazy<Arc<Lexicon>> = Lazy::new(|| Arc::new(Lexicon::embedded()));

/// The annotator with the embedded data only, built once per process.
static DEFAULT: Lazy<Annotator> = Lazy::new(|| Annotator::embedded_only(DEFAULT_SECTION_BYTES, RuleSet::default()));

impl Annotator {
    /// The annotator with the embedded gazetteers and lexicons. Cannot fail. The gazetteers and
    /// the long word lists are compiled into the binary and read in place; the short lists are
    /// parsed on the first call (well under a millisecond) and shared by every later one.
    pub fn new() -> Annotator {
        DEFAULT.clone()
    }

    /// A builder for an annotator with extra gazetteers.
    pub fn builder() -> AnnotatorBuilder {
        AnnotatorBuilder::new()
    }

    /// Annotates one document.
    ///
    /// A text longer than the [section size](AnnotatorBuilder::section_bytes) (256 KiB unless
    /// configured) is annotated section by section, each cut at a paragraph break, so that the
    /// cost stays linear and the memory bounded however long the text: names are clustered, and
    /// quotes joined over paragraphs, within a section.
    pub fn annotate(&self, text: &str) -> Annotations {
        // Token offsets are 32-bit: no section is longer than 4 GiB.
        let limit = self.inner.section_bytes.min(token::MAX_TEXT);
        if text.len() <= limit { self.annotate_section(text) } else { self.annotate_in_sections(text, limit) }
    }

    /// Annotates `text` section by section, each at most `limit` bytes long and cut at a paragraph
    /// break where there is one, with the spans and entity numbers shifted to the whole.
    fn annotate_in_sections(&self, text: &str, limit: usize) -> Annotations {
        let mut whole = Annotations::default();
        let mut start = 0;
        while start < text.len() {
            let end = section_end(text, start, limit);
            whole.append(self.annotate_section(&text[start..end]), start);
            start = end;
        }
        whole
    }

    /// The pipeline: tokens, paragraphs and sentences → gazetteer hits → names → quotes.
    fn annotate_section(&self, text: &str) -> Annotations {
        let inner = &*self.inner;
        let doc = Document::new(text);
        let hits = if inner.disabled.contains(Rule::Gazetteer) { Vec::new() } else { inner.gazetteer.find(&doc) };
        let names = entity::recognize(&doc, &hits, &inner.gazetteer, &inner.lexicon, inner.disabled);
        let quotes = quote::find(&doc, &names, &inner.lexicon, inner.disabled);
        let (mentions, entities) = names.into_public();
        Annotations::new(mentions, entities, quotes)
    }

    pub(crate) fn disabled(&self) -> RuleSet {
        self.inner.disabled
    }

    /// An annotator with the embedded data only: the gazetteer as compiled, nothing to build.
    fn embedded_only(section_bytes: usize, disabled: RuleSet) -> Annotator {
        let inner = Inner {
            gazetteer: Gazetteer::embedded().clone(),
            lexicon: LEXICON.clone(),
            warnings: Vec::new(),
            section_bytes,
            disabled,
        };
        Annotator { inner: Arc::new(inner) }
    }

    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.inner.lexicon
    }

    /// The warnings from building this annotator: problems in the user gazetteers that did not
    /// stop the build, each naming its file and line (duplicate entries, a name given to two
    /// entries, a name without a letter or digit, an overlong name, a name made of common
    /// English words such as "the" or "said"). Empty for [`Annotator::new`].
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

/// Configures an [`Annotator`]: extra gazetteers on top of the embedded ones, rules switched
/// off, the section size.
#[derive(Clone, Debug, Default)]
pub struct AnnotatorBuilder {
    lists: Vec<UserList>,
    section_bytes: Option<usize>,
    disabled: Vec<String>,
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

    /// Sets the length of the sections that a long text is annotated in (default
    /// [`DEFAULT_SECTION_BYTES`], 256 KiB): names are clustered, and quotes joined over paragraphs,
    /// within a section. Raise it to treat longer texts as one document, at the cost of speed and
    /// of memory (about 13 bytes for each byte of the longest section); a section is never longer
    /// than 4 GiB.
    ///
    /// ```
    /// let text = "Ana Belkis Ferrer spoke.\n\nFerrer said nothing.\n";
    /// let whole = newsnlp::Annotator::builder().build().unwrap().annotate(text);
    /// let cut = newsnlp::Annotator::builder().section_bytes(30).build().unwrap().annotate(text);
    /// // In one section "Ferrer" is the woman named before; in two sections they are two entities.
    /// assert_eq!(whole.entities().len(), 1);
    /// assert_eq!(cut.entities().len(), 2);
    /// ```
    pub fn section_bytes(&mut self, bytes: usize) -> &mut AnnotatorBuilder {
        self.section_bytes = Some(bytes);
        self
    }

    /// Switches a rule off, by its name ([`Rule::name`]): a gazetteer, a name rule or an
    /// attribution rule. Use it when a rule misfires on your news, or to measure what a rule is
    /// worth. [`build`](Self::build) fails on a name that is no rule's. Switching off
    /// `user-gazetteer` ignores the user lists; `gazetteer` ignores every list.
    ///
    /// ```
    /// use newsnlp::{Annotator, Rule};
    /// let text = "Protests spread across the South.";
    /// assert_eq!(Annotator::new().annotate(text).mentions()[0].rule(), Rule::CompassRegion);
    /// let without = Annotator::builder().disable_rule("compass-region").build().unwrap();
    /// assert!(without.annotate(text).mentions().is_empty());
    ///
    /// let text = "“We will not stop,” Ortega said.";
    /// let quote = Annotator::new().annotate(text).quotes()[0];
    /// assert_eq!(quote.rule(), Rule::AfterSpeakerCue);
    /// let without = Annotator::builder().disable_rule("after-speaker-cue").build().unwrap();
    /// let quote = without.annotate(text).quotes()[0];
    /// assert_eq!((quote.speaker(), quote.rule()), (None, Rule::LongQuote));
    /// assert!(Annotator::builder().disable_rule("no-such-rule").build().is_err());
    /// ```
    pub fn disable_rule(&mut self, name: impl Into<String>) -> &mut AnnotatorBuilder {
        self.disabled.push(name.into());
        self
    }

    /// Builds the annotator. Fails when a rule to switch off has no such name, or when a user
    /// gazetteer cannot be read (missing, a directory, larger than 256 MiB, UTF-16 or otherwise
    /// not UTF-8) or has a malformed line or a name of one character; the error names the file
    /// and line of every such problem of every list, one a line. Problems that do not stop the
    /// build are listed by [`Annotator::warnings`].
    ///
    /// Without user lists this is [`Annotator::new`]'s annotator (the compiled tables, nothing
    /// built); with them, only the user lists are built into a table of their own, searched
    /// beside the compiled one (about a millisecond for a short list).
    pub fn build(&self) -> Result<Annotator, Error> {
        let mut disabled = RuleSet::default();
        for name in &self.disabled {
            disabled.insert(name.parse::<Rule>().map_err(Error::rule)?);
        }
        let section_bytes = self.section_bytes.unwrap_or(DEFAULT_SECTION_BYTES);
        let lists = if disabled.contains(Rule::UserGazetteer) { &[][..] } else { &self.lists[..] };
        if lists.is_empty() {
            return Ok(Annotator::embedded_only(section_bytes, disabled));
        }
        let mut gazetteer = GazetteerBuilder::default();
        gazetteer.common_word = Some(is_common_word);
        // Every list is read, so that every problem of every list is reported at once.
        let mut problems = Vec::new();
        for list in lists {
            let added = match list {
                UserList::File(path) => read_gazetteer(path).and_then(|bytes| {
                    let text = String::from_utf8(bytes).map_err(|e| {
                        Error::line(
                            &path.display().to_string(),
                            line_of(e.as_bytes(), e.utf8_error().valid_up_to()),
                            "not valid UTF-8",
                        )
                    })?;
                    gazetteer.add_owned(&path.display().to_string(), &text)
                }),
                UserList::Text(text) => gazetteer.add_owned("<gazetteer>", text),
            };
            if let Err(problem) = added {
                problems.push(problem);
            }
        }
        if !problems.is_empty() {
            return Err(Error::many(problems));
        }
        let warnings = std::mem::take(&mut gazetteer.warnings);
        let gazetteer = Gazetteer::with_user_lists(gazetteer);
        let inner = Inner { gazetteer, lexicon: LEXICON.clone(), warnings, section_bytes, disabled };
        Ok(Annotator { inner: Arc::new(inner) })
    }
}

/// Whether `word` is a common English word (a user name that is one gets a warning).
fn is_common_word(word: &str) -> bool {
    LEXICON.is_english(word)
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

/// Where the section of `text` that begins at `start` ends: at most `limit` bytes on (at least a
/// character), after the last blank line in that reach, else after its last line break, else
/// after its last sentence end, else after its last space, else at a character boundary. Line
/// breaks are `\n`, `\r\n` and `\r`; a `\r\n` is never cut in two.
///
/// A cut inside a sentence or a word makes names at the cut: "Ana Belkis Ferrer García" cut after
/// "Ana Belkis" is two people.
fn section_end(text: &str, start: usize, limit: usize) -> usize {
    if text.len() - start <= limit {
        return text.len();
    }
    let mut reach = start + limit.max(4);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let window = &text.as_bytes()[start..reach];
    let is_break = |b: &u8| matches!(b, b'\n' | b'\r');
    // A blank line is two line breaks in a row, other than the two bytes of one `\r\n`.
    let blank = window.windows(2).rposition(|pair| is_break(&pair[0]) && is_break(&pair[1]) && pair != b"\r\n");
    let cut = blank.map(|at| at + 2).or_else(|| window.iter().rposition(is_break).map(|at| at + 1));
    let Some(cut) = cut else {
        // One long line: after a sentence end, else after a space before a lowercase word (not
        // inside a run of capitalised words, which may be a name), else after any space.
        let space = |b: &u8| *b == b' ' || *b == b'\t';
        let cut = sentence_end(window)
            .or_else(|| {
                window.windows(2).rposition(|pair| space(&pair[0]) && pair[1].is_ascii_lowercase()).map(|at| at + 1)
            })
            .or_else(|| window.iter().rposition(space).map(|at| at + 1));
        return cut.map_or(reach, |cut| start + cut);
    };
    let cut = start + cut;
    // After a `\r`, its `\n` comes along.
    if text.as_bytes()[cut - 1] == b'\r' && text.as_bytes().get(cut) == Some(&b'\n') { cut + 1 } else { cut }
}

/// Where the last sentence of `window` that ends before a space ends: after a `.`, `!` or `?`
/// (and any closing quotation marks or brackets after it) followed by a space and then a
/// capital letter, a digit or an opening mark, unless the word before a `.` is a short
/// capitalised abbreviation or an initial ("Mr.", "Dr.", "St.", "J."), which a name follows.
/// The end is after the space, so that the next section begins with the sentence's first word.
fn sentence_end(window: &[u8]) -> Option<usize> {
    let closing = |b: u8| matches!(b, b'"' | b'\'' | b')' | b']');
    let mut at = window.len();
    while let Some(space) = window[..at].iter().rposition(|&b| b == b' ') {
        at = space;
        let next = window.get(space + 1).copied();
        // The next word may begin with a capital, a digit or a quotation mark (curly ones begin
        // with the byte 0xE2).
        if !next.is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'"' | b'\'' | 0xE2)) {
            continue;
        }
        let mut end = space;
        while end > 0 && closing(window[end - 1]) {
            end -= 1;
        }
        // A curly closing mark before the space (”, ’: three bytes each).
        while end >= 3 && matches!(&window[end - 3..end], [0xE2, 0x80, 0x9D | 0x99]) {
            end -= 3;
        }
        match window[..end].last() {
            Some(b'!' | b'?') => return Some(space + 1),
            Some(b'.') => {
                let word_start =
                    window[..end - 1].iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |at| at + 1);
                let word = &window[word_start..end - 1];
                let abbreviation = word.first().is_some_and(u8::is_ascii_uppercase) && word.len() <= 3;
                if !abbreviation {
                    return Some(space + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The 1-based line number of byte `offset`.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_cut_at_paragraphs_and_shifted_to_the_whole_text() {
        let text = "José Daniel Ferrer García was taken to Mar Verde prison in Santiago de Cuba.\n\n\
                    “They beat him again,” said his sister Ana Belkis Ferrer. “He is very thin.”\n\n\
                    Ferrer’s wife, Nelva Ismarays Ortega, said she had not seen him.\n";
        let cut = text.find("Ferrer’s").unwrap();
        let limit = cut + 10;
        assert_eq!(section_end(text, 0, limit), cut, "cut after the last blank line within the limit");
        let annotator = Annotator::builder().section_bytes(limit).build().unwrap();
        let sections = annotator.annotate(text);
        let (first, second) = text.split_at(cut);
        let expected: Vec<(&str, String)> = [(first, 0), (second, cut)]
            .iter()
            .flat_map(|&(section, offset)| {
                let annotations = Annotator::new().annotate(section);
                annotations
                    .mentions()
                    .iter()
                    .map(|e| (&text[e.span().start + offset..e.span().end + offset], annotations.name_of(e).to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let found: Vec<(&str, String)> =
            sections.mentions().iter().map(|e| (&text[e.span()], sections.name_of(e).to_owned())).collect();
        assert_eq!(found, expected);
        // Entity numbers of the second section point past the first section's clusters.
        let ortega = sections.mentions().iter().find(|e| &text[e.span()] == "Nelva Ismarays Ortega").unwrap();
        assert_eq!(sections.name_of(ortega), "Nelva Ismarays Ortega Tamayo");
        let quotes: Vec<(&str, Option<&str>)> =
            sections.quotes().iter().map(|q| (&text[q.span()], sections.speaker_name(text, q))).collect();
        assert_eq!(
            quotes,
            [("They beat him again,", Some("Ana Belkis Ferrer")), ("He is very thin.", Some("Ana Belkis Ferrer"))]
        );
        // In one section, "Ferrer’s" is the man named first.
        let whole = Annotator::new().annotate(text);
        let ferrer = whole.mentions().iter().find(|e| e.span().start == cut).unwrap();
        assert_eq!(whole.name_of(ferrer), "José Daniel Ferrer García");
    }

    #[test]
    fn a_section_without_line_breaks_or_spaces_ends_at_a_character_boundary() {
        let text = "ééééé";
        assert_eq!(section_end(text, 0, 5), 4);
        assert_eq!(section_end(text, 4, 5), 8);
        assert_eq!(section_end(text, 8, 5), 10);
        assert_eq!(section_end("a\nbcdef", 0, 5), 2);
        assert_eq!(section_end("a\rbcdef", 0, 5), 2);
        assert_eq!(section_end("a\r\rbcdef", 0, 5), 3);
        assert_eq!(section_end("a\n\nb\ncdef", 0, 6), 3, "a blank line before a later line break");
        assert_eq!(section_end("ab\r\ncdef", 0, 3), 4, "a CRLF stays whole");
        assert_eq!(section_end("a\r\n\r\nb\r\ncdef", 0, 8), 5, "CRLF CRLF is a blank line");
        // One long line: after the last sentence end, else after the last space.
        assert_eq!(section_end("It rained. Mr. Smith left. He said", 0, 32), 27);
        assert_eq!(section_end("It rained. Mr. Smith left", 0, 20), 11, "not after the title Mr.");
        assert_eq!(section_end("“It is over.” Then he left", 0, 22), 18, "after the closing mark");
        assert_eq!(section_end("Mr. Mr. Mr. Mr.", 0, 10), 8, "no sentence end: after a space");
        assert_eq!(section_end("word word word", 0, 7), 5);
        assert_eq!(section_end("met with Ana Belkis Ferrer", 0, 24), 4, "not inside a run of capitalised words");
        // Even a limit of 0 moves on by a character.
        assert_eq!(section_end(text, 0, 0), 4);
    }
}
