//! The Python bindings of newsnlp: a thin layer over the Rust library.
//!
//! Everything that is not Python's business stays in the library: this crate builds an
//! `Annotator`, annotates without the GIL, and turns each document's annotations into plain
//! values whose offsets are `str` indices (code points), the offsets that Python slices with, next
//! to the library's UTF-8 byte offsets. The conversion is done once per document, in the worker
//! threads of `annotate_many`, so that the GIL is held only to hand the results over.

mod arrow;

use newsnlp::Annotations;
use pyo3::exceptions::{
    PyFileNotFoundError, PyOSError, PyOverflowError, PyPermissionError, PyTypeError, PyUserWarning, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Finds the people, organizations, places, prisons and attributed quotes of English news.
///
/// `gazetteers` are user lists (`LABEL<TAB>NAME[<TAB>ALIAS]...` a line) added to the embedded
/// ones; a malformed line raises `ValueError` naming `file:line`, a missing file
/// `FileNotFoundError`. `disable_rules` switches rules off by name (the `rule` values of the
/// results); an unknown name raises `ValueError` listing the valid ones. Problems that do not stop
/// the build are issued as `UserWarning`s and kept in `warnings`.
///
/// Building one with user gazetteers reads and compiles them (tens of milliseconds); the
/// embedded data costs nothing to load. An annotator is immutable and may be shared by threads.
#[pyclass(module = "newsnlp", name = "Annotator", frozen)]
struct PyAnnotator {
    inner: newsnlp::Annotator,
    /// The gazetteer paths made absolute, so that a pickled annotator rebuilds the same one in
    /// another process whatever its working directory.
    gazetteers: Vec<PathBuf>,
    disable_rules: Vec<String>,
}

#[pymethods]
impl PyAnnotator {
    #[new]
    #[pyo3(signature = (gazetteers = None, disable_rules = None))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<Vec<PathBuf>>,
        disable_rules: Option<Vec<String>>,
    ) -> PyResult<PyAnnotator> {
        let gazetteers = gazetteers.unwrap_or_default();
        let disable_rules = disable_rules.unwrap_or_default();
        let mut builder = newsnlp::Annotator::builder();
        // The paths as given, so that errors name the file as the user wrote it.
        for path in &gazetteers {
            builder.gazetteer_file(path);
        }
        for rule in &disable_rules {
            builder.disable_rule(rule.as_str());
        }
        let inner = py.detach(|| builder.build()).map_err(build_error)?;
        for warning in inner.warnings() {
            PyErr::warn(py, &py.get_type::<PyUserWarning>(), &std::ffi::CString::new(warning.to_string())?, 1)?;
        }
        let gazetteers =
            gazetteers.iter().map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone())).collect();
        Ok(PyAnnotator { inner, gazetteers, disable_rules })
    }

    /// Annotates one text. The GIL is released while it runs.
    fn annotate(&self, py: Python<'_>, text: Bound<'_, PyString>) -> PyResult<Document> {
        let result = {
            let str = text.to_str()?;
            py.detach(|| Results::new(&self.inner, str))
        };
        Ok(Document::new(text.unbind(), result))
    }

    /// Annotates many texts on `jobs` threads (default: every core) without the GIL; the
    /// documents come back in input order.
    #[pyo3(signature = (texts, jobs = None))]
    fn annotate_many(&self, py: Python<'_>, texts: &Bound<'_, PyAny>, jobs: Option<usize>) -> PyResult<Vec<Document>> {
        let texts = strings(texts, "annotate_many")?;
        let jobs = threads(jobs)?;
        let results = {
            let strs: Vec<&str> = texts.iter().map(|text| text.to_str()).collect::<PyResult<_>>()?;
            py.detach(|| in_parallel(&strs, jobs, |text| Results::new(&self.inner, text)))
        };
        Ok(texts.into_iter().zip(results).map(|(text, result)| Document::new(text.unbind(), result)).collect())
    }

    /// For `newsnlp.spark`: the annotations of many texts as Arrow buffers, one per field of
    /// `newsnlp.spark.SCHEMA`, with no Python object per mention (see `arrow.rs`).
    #[pyo3(signature = (texts, jobs = None))]
    fn _annotate_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        jobs: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let texts = strings(texts, "_annotate_columns")?;
        let jobs = threads(jobs)?;
        let columns = {
            let strs: Vec<&str> = texts.iter().map(|text| text.to_str()).collect::<PyResult<_>>()?;
            py.detach(|| {
                let results = in_parallel(&strs, jobs, |text| Results::new(&self.inner, text));
                arrow::Columns::new(&results)
            })
        };
        columns.map_err(PyOverflowError::new_err)?.into_py_dict(py)
    }

    /// The warnings from reading the user gazetteers (duplicate entries and the like), each
    /// naming its file and line. They are also issued as `UserWarning`s when the annotator is
    /// built.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.inner.warnings().iter().map(ToString::to_string).collect()
    }

    /// The user gazetteers, as absolute paths.
    #[getter]
    fn gazetteers(&self) -> Vec<PathBuf> {
        self.gazetteers.clone()
    }

    /// The rules switched off.
    #[getter]
    fn disable_rules(&self) -> Vec<String> {
        self.disable_rules.clone()
    }

    /// Pickled as its settings: the other process builds its own, as Spark's and spaCy's worker
    /// processes need.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        Ok((slf.get_type().into_any(), (this.gazetteers.clone(), this.disable_rules.clone())))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let gazetteers = PyList::new(py, &self.gazetteers)?;
        let disable_rules = PyList::new(py, &self.disable_rules)?;
        Ok(format!("Annotator(gazetteers={}, disable_rules={})", gazetteers.repr()?, disable_rules.repr()?))
    }
}

/// The items of an iterable of `str`, refusing anything else by its position and type.
fn strings<'py>(texts: &Bound<'py, PyAny>, method: &str) -> PyResult<Vec<Bound<'py, PyString>>> {
    texts
        .try_iter()?
        .enumerate()
        .map(|(index, item)| {
            item?.cast_into::<PyString>().map_err(|e| {
                let found = e.into_inner().get_type().name().map(|n| n.to_string()).unwrap_or_default();
                PyTypeError::new_err(format!("{method}: text {index} is {found}, not str"))
            })
        })
        .collect()
}

/// The number of threads for `jobs`: every core by default, and never 0.
fn threads(jobs: Option<usize>) -> PyResult<usize> {
    match jobs {
        Some(0) => Err(PyValueError::new_err("jobs must be at least 1")),
        Some(jobs) => Ok(jobs),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// What `Annotator.__reduce__` returns: the class and its arguments.
type Reduced<'py> = (Bound<'py, PyAny>, (Vec<PathBuf>, Vec<String>));

/// The library's build error as the Python exception a user expects: a gazetteer that cannot be
/// read is an `OSError` (`FileNotFoundError`, `PermissionError`), anything else (a malformed line,
/// an unknown rule) a `ValueError`. The message is the library's, naming file and line.
fn build_error(error: newsnlp::Error) -> PyErr {
    let message = error.to_string();
    let io = std::error::Error::source(&error).and_then(|source| source.downcast_ref::<std::io::Error>());
    match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::NotFound) => PyFileNotFoundError::new_err(message),
        Some(std::io::ErrorKind::PermissionDenied) => PyPermissionError::new_err(message),
        Some(_) => PyOSError::new_err(message),
        None => PyValueError::new_err(message),
    }
}

/// Runs `f` over `items` on `jobs` scoped threads and returns the results in input order.
///
/// Each thread takes the next item from a shared counter, so that one long text does not hold
/// up a fixed share of the others. The threads are made per call and gone on return: a process
/// that forks afterwards (spaCy's `n_process`, Spark's workers) inherits no idle pool.
fn in_parallel<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let jobs = jobs.min(items.len());
    if jobs <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break done };
                        done.push((index, f(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_unstable_by_key(|&(index, _)| index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// `str` indices for the byte offsets of one text.
///
/// Every offset the library gives is on a character boundary, so the code-point index of byte
/// `b` is the number of characters in `text[..b]`. Pure ASCII text, most English news, needs no
/// table; otherwise the offsets are sorted and counted in one pass over the text.
struct CharIndex {
    /// `(byte, char)` pairs sorted by byte; `None` when bytes and characters are one.
    table: Option<Vec<(usize, usize)>>,
}

impl CharIndex {
    fn new(text: &str, mut offsets: Vec<usize>) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { table: None };
        }
        offsets.sort_unstable();
        offsets.dedup();
        let (mut at, mut chars) = (0, 0);
        let table = offsets
            .into_iter()
            .map(|byte| {
                chars += text[at..byte].chars().count();
                at = byte;
                (byte, chars)
            })
            .collect();
        CharIndex { table: Some(table) }
    }

    fn get(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(table) => table[table.partition_point(|&(b, _)| b < byte)].1,
        }
    }
}

/// One document's annotations, converted for Python outside the GIL.
struct Results {
    annotations: Annotations,
    mentions: Vec<Mention>,
    quotes: Vec<Quote>,
}

impl Results {
    fn new(annotator: &newsnlp::Annotator, text: &str) -> Results {
        let annotations = annotator.annotate(text);
        let mut offsets = Vec::with_capacity(2 * annotations.mentions().len() + 6 * annotations.quotes().len());
        for mention in annotations.mentions() {
            offsets.extend([mention.span().start, mention.span().end]);
        }
        for quote in annotations.quotes() {
            offsets.extend([quote.span().start, quote.span().end]);
            if let Some(speaker) = quote.speaker() {
                offsets.extend([speaker.mention().start, speaker.mention().end]);
            }
            if let Some(cue) = quote.cue() {
                offsets.extend([cue.start, cue.end]);
            }
        }
        let chars = CharIndex::new(text, offsets);
        let mentions = annotations
            .mentions()
            .iter()
            .map(|m| Mention {
                start: chars.get(m.span().start),
                end: chars.get(m.span().end),
                start_byte: m.span().start,
                end_byte: m.span().end,
                label: m.label().as_str(),
                text: text[m.span()].to_owned(),
                entity: m.entity(),
                name: annotations.name_of(m).to_owned(),
                rule: m.rule().name(),
            })
            .collect();
        let quotes = annotations
            .quotes()
            .iter()
            .map(|q| {
                let speaker = q.speaker().map(|s| s.mention());
                let cue = q.cue();
                Quote {
                    start: chars.get(q.span().start),
                    end: chars.get(q.span().end),
                    start_byte: q.span().start,
                    end_byte: q.span().end,
                    text: text[q.span()].to_owned(),
                    speaker: annotations.speaker_name(text, q).map(str::to_owned),
                    speaker_start: speaker.map(|s| chars.get(s.start)),
                    speaker_end: speaker.map(|s| chars.get(s.end)),
                    speaker_start_byte: speaker.map(|s| s.start),
                    speaker_end_byte: speaker.map(|s| s.end),
                    speaker_entity: q.speaker().and_then(|s| s.entity()),
                    cue: cue.map(|c| text[c].to_owned()),
                    cue_start: cue.map(|c| chars.get(c.start)),
                    cue_end: cue.map(|c| chars.get(c.end)),
                    cue_start_byte: cue.map(|c| c.start),
                    cue_end_byte: cue.map(|c| c.end),
                    rule: q.rule().name(),
                }
            })
            .collect();
        Results { annotations, mentions, quotes }
    }
}

/// An annotated text: its entity mentions and its quotes.
#[pyclass(module = "newsnlp", frozen)]
struct Document {
    text: Py<PyString>,
    annotations: Annotations,
    mentions: Vec<Mention>,
    quotes: Vec<Quote>,
}

impl Document {
    fn new(text: Py<PyString>, results: Results) -> Document {
        let Results { annotations, mentions, quotes } = results;
        Document { text, annotations, mentions, quotes }
    }
}

#[pymethods]
impl Document {
    /// The text that was annotated (the same `str` object).
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// The entity mentions in text order, never overlapping (the JSON's `entities`).
    #[getter]
    fn entities(&self) -> Vec<Mention> {
        self.mentions.clone()
    }

    /// The quotes in text order.
    #[getter]
    fn quotes(&self) -> Vec<Quote> {
        self.quotes.clone()
    }

    /// The CLI's JSON line for this document (UTF-8 byte offsets), without the line break; with
    /// `path`, the `path` field the CLI writes for a document read from a file ("-" for
    /// standard input).
    #[pyo3(signature = (id = "-", path = None))]
    fn to_json(&self, py: Python<'_>, id: &str, path: Option<&str>) -> PyResult<String> {
        let text = self.text.bind(py).to_str()?;
        let document = newsnlp::json::Document::new(id, text, &self.annotations);
        let document = match path {
            Some(path) => document.with_path(path),
            None => document,
        };
        Ok(document.to_line())
    }

    /// `{"entities": [...], "quotes": [...]}`, each item as its `to_dict()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let entities = PyList::empty(py);
        for mention in &self.mentions {
            entities.append(mention.to_dict(py)?)?;
        }
        let quotes = PyList::empty(py);
        for quote in &self.quotes {
            quotes.append(quote.to_dict(py)?)?;
        }
        dict.set_item("entities", entities)?;
        dict.set_item("quotes", quotes)?;
        Ok(dict)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<Document>() else { return Ok(false) };
        let other = other.get();
        Ok(self.mentions == other.mentions
            && self.quotes == other.quotes
            && self.text.bind(py).to_str()? == other.text.bind(py).to_str()?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text.bind(py).to_str()?;
        let mut start: String = text.chars().take(40).collect();
        if start.len() < text.len() {
            start.push('…');
        }
        Ok(format!(
            "Document(text={}, entities={}, quotes={})",
            PyString::new(py, &start).repr()?,
            self.mentions.len(),
            self.quotes.len()
        ))
    }
}

/// One item of `Document.entities`: a mention of a person, organization, place or prison.
///
/// `start`/`end` are `str` indices (`text[m.start:m.end] == m.text`); `start_byte`/`end_byte`
/// are the UTF-8 offsets of the JSON.
#[pyclass(module = "newsnlp", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Mention {
    start: usize,
    end: usize,
    start_byte: usize,
    end_byte: usize,
    /// `PERSON`, `ORG`, `PLACE` or `PRISON`.
    label: &'static str,
    text: String,
    /// The entity number within the document, shared by every mention of one referent.
    entity: usize,
    /// The entity's full name, the same for every mention of it.
    name: String,
    /// The gazetteer or the name rule that found the mention.
    rule: &'static str,
}

#[pymethods]
impl Mention {
    /// The fields as a `dict`, keyed as in the JSON plus `start_byte` and `end_byte`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("start_byte", self.start_byte)?;
        dict.set_item("end_byte", self.end_byte)?;
        dict.set_item("label", self.label)?;
        dict.set_item("text", &self.text)?;
        dict.set_item("entity", self.entity)?;
        dict.set_item("name", &self.name)?;
        dict.set_item("rule", self.rule)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Mention(start={}, end={}, label={}, text={}, entity={}, name={}, rule={})",
            self.start,
            self.end,
            PyString::new(py, self.label).repr()?,
            PyString::new(py, &self.text).repr()?,
            self.entity,
            PyString::new(py, &self.name).repr()?,
            PyString::new(py, self.rule).repr()?,
        ))
    }
}

/// A direct quotation and who said it.
///
/// Offsets are `str` indices, with `*_byte` twins in UTF-8 bytes; the speaker and cue fields are
/// `None` when the text gives none.
#[pyclass(module = "newsnlp", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Quote {
    start: usize,
    end: usize,
    start_byte: usize,
    end_byte: usize,
    /// The quoted words, quotation marks excluded.
    text: String,
    /// The speaker's full name, or the mention's text when it names no entity.
    speaker: Option<String>,
    /// The mention that names the speaker at the quote ("he", "the activist", "Ortega").
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    speaker_start_byte: Option<usize>,
    speaker_end_byte: Option<usize>,
    /// The speaker's entity number, when the mention resolves to one.
    speaker_entity: Option<usize>,
    /// The reporting verb or phrase ("said", "according to").
    cue: Option<String>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    cue_start_byte: Option<usize>,
    cue_end_byte: Option<usize>,
    /// The attribution rule that found the speaker, or `long-quote` when none did.
    rule: &'static str,
}

#[pymethods]
impl Quote {
    /// The fields as a `dict`, keyed as in the JSON plus the `*_byte` offsets.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("start_byte", self.start_byte)?;
        dict.set_item("end_byte", self.end_byte)?;
        dict.set_item("text", &self.text)?;
        dict.set_item("speaker", &self.speaker)?;
        dict.set_item("speaker_start", self.speaker_start)?;
        dict.set_item("speaker_end", self.speaker_end)?;
        dict.set_item("speaker_start_byte", self.speaker_start_byte)?;
        dict.set_item("speaker_end_byte", self.speaker_end_byte)?;
        dict.set_item("speaker_entity", self.speaker_entity)?;
        dict.set_item("cue", &self.cue)?;
        dict.set_item("cue_start", self.cue_start)?;
        dict.set_item("cue_end", self.cue_end)?;
        dict.set_item("cue_start_byte", self.cue_start_byte)?;
        dict.set_item("cue_end_byte", self.cue_end_byte)?;
        dict.set_item("rule", self.rule)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let optional = |value: &Option<String>| -> PyResult<String> {
            match value {
                Some(value) => Ok(PyString::new(py, value).repr()?.to_string()),
                None => Ok("None".to_owned()),
            }
        };
        Ok(format!(
            "Quote(start={}, end={}, text={}, speaker={}, cue={}, rule={})",
            self.start,
            self.end,
            PyString::new(py, &self.text).repr()?,
            optional(&self.speaker)?,
            optional(&self.cue)?,
            PyString::new(py, self.rule).repr()?,
        ))
    }
}

/// The extension module; `newsnlp/__init__.py` re-exports it.
#[pymodule]
mod _newsnlp {
    #[pymodule_export]
    use super::{Document, Mention, PyAnnotator, Quote};

    #[pymodule_init]
    fn init(module: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        module.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
