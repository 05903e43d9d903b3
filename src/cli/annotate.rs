//! `newsnlp annotate`: read the documents, annotate them in parallel, write them in order in the
//! chosen format.

use super::args::{Annotate, Format, InputKind, Inputs};
use super::inputs::{self, Input};
use super::jsonl::{self, Lines};
use super::messages::{self, Progress};
use super::run::{self, Flow};
use super::{FAILURE, html, table};
use newsnlp::json::{self as wire, Offsets};
use newsnlp::{Annotations, Annotator, text};
use serde_json::value::RawValue;
use std::ffi::OsString;
use std::io::{self, BufReader, Write};
use std::process::ExitCode;

/// One document to read: a file, or a line of a JSON Lines stream.
pub enum Job {
    File(Input),
    Line {
        source: String,
        number: usize,
        line: jsonl::Line,
    },
    /// A JSON Lines file that could not be opened.
    Unopened {
        source: String,
        reason: String,
    },
}

/// The id (raw JSON) and the other fields of a JSON Lines record.
pub type Record = (Option<Box<RawValue>>, Vec<(String, Box<RawValue>)>);

/// A document read and decoded, ready to annotate.
pub struct Loaded {
    /// The id as text (for CSV and HTML).
    pub id: String,
    /// The path as given (text input only).
    pub path: Option<String>,
    /// The id as raw JSON, and the other fields of a JSON Lines record.
    pub record: Option<Record>,
    pub text: String,
    /// Where the document came from, for messages: the path, or `FILE:LINE`.
    pub name: String,
}

/// What became of a job: messages for standard error (in input order), the bytes to write, and
/// whether it counts as a failure (exit code 2).
#[derive(Default)]
pub struct Done {
    pub messages: Vec<String>,
    pub output: Vec<u8>,
    pub failed: bool,
}

/// Reads a job into a document, or says why there is none. A malformed JSON Lines record still
/// writes a line (with `"error"`) when the output is JSON, so that output lines match input lines.
pub fn load(job: Job, format: Format) -> Result<(Loaded, Option<String>), Done> {
    match job {
        Job::Unopened { source, reason } => {
            Err(Done { messages: vec![format!("{source}: {reason}")], output: Vec::new(), failed: true })
        }
        Job::File(input) => {
            let name = input.path();
            let bytes = inputs::read(&input).map_err(|refusal| Done {
                messages: vec![format!("{name}: {}", refusal.reason)],
                output: Vec::new(),
                failed: refusal.failure,
            })?;
            let decoded = text::decode(&bytes);
            let warning = (decoded.invalid_bytes() > 0).then(|| {
                let n = decoded.invalid_bytes();
                let noun = if n == 1 { "byte" } else { "bytes" };
                format!("{name}: warning: {n} invalid UTF-8 {noun}, each read as one U+001A byte")
            });
            let text = decoded.into_text().into_owned();
            let loaded = Loaded { id: input.id(), path: Some(name.clone()), record: None, text, name };
            Ok((loaded, warning))
        }
        Job::Line { source, number, line } => {
            let name = format!("{source}:{number}");
            let parsed = line
                .map_err(|reason| jsonl::Malformed { reason, id: None, extra: Vec::new() })
                .and_then(|bytes| jsonl::parse(&bytes));
            match parsed {
                Ok(record) => {
                    let id = record.display_id();
                    Ok((
                        Loaded { id, path: None, record: Some((record.id, record.extra)), text: record.text, name },
                        None,
                    ))
                }
                Err(malformed) => {
                    let output =
                        if format == Format::Json { jsonl::error_line(&malformed, number) } else { Vec::new() };
                    Err(Done { messages: vec![format!("{name}: {}", malformed.reason)], output, failed: true })
                }
            }
        }
    }
}

/// Annotates a document; should the library ever panic (a bug), the document is reported and
/// the run goes on (the annotator is immutable, so nothing is left half-changed).
pub fn annotate(annotator: &Annotator, loaded: &Loaded) -> Result<Annotations, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| annotator.annotate(&loaded.text))).map_err(|_| {
        format!("{}: internal error while annotating (a bug: please report it with this document)", loaded.name)
    })
}

/// The jobs of a run, in order: the inputs' files, or the lines of the JSON Lines streams.
pub struct Source {
    kind: InputKind,
    files: std::vec::IntoIter<Input>,
    streams: std::vec::IntoIter<OsString>,
    current: Option<(String, Lines<Box<dyn io::BufRead + Send>>)>,
    /// The number of documents, when known in advance.
    pub total: Option<usize>,
}

impl Source {
    pub fn new(inputs: &Inputs) -> Source {
        match inputs.kind {
            InputKind::Text => {
                let files = inputs::expand(&inputs.paths, inputs.recursive);
                let total = Some(files.len());
                Source {
                    kind: InputKind::Text,
                    files: files.into_iter(),
                    streams: Vec::new().into_iter(),
                    current: None,
                    total,
                }
            }
            InputKind::Jsonl => Source {
                kind: InputKind::Jsonl,
                files: Vec::new().into_iter(),
                streams: inputs.paths.clone().into_iter(),
                current: None,
                total: None,
            },
        }
    }

    pub fn next_job(&mut self) -> Option<Job> {
        if self.kind == InputKind::Text {
            return self.files.next().map(Job::File);
        }
        loop {
            if let Some((source, lines)) = &mut self.current {
                if let Some((number, line)) = lines.next_line() {
                    return Some(Job::Line { source: source.clone(), number, line });
                }
                self.current = None;
            }
            let path = self.streams.next()?;
            let limit = inputs::max_file_bytes();
            if path == "-" {
                let reader: Box<dyn io::BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
                self.current = Some(("-".to_string(), Lines::new(reader, limit)));
                continue;
            }
            let source = path.to_string_lossy().into_owned();
            match std::fs::File::open(&path).and_then(|file| {
                if file.metadata()?.is_dir() {
                    return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
                }
                Ok(file)
            }) {
                Ok(file) => {
                    let reader: Box<dyn io::BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, file));
                    self.current = Some((source, Lines::new(reader, limit)));
                }
                Err(error) => return Some(Job::Unopened { source, reason: inputs::describe(&error) }),
            }
        }
    }
}

/// Where the output goes: standard output, buffered, with what became of it.
pub struct Output {
    out: io::BufWriter<io::Stdout>,
    /// A write failed for another reason than a closed pipe.
    pub failed: bool,
    /// Flush after each document (a stream filter's reader waits for each line).
    flush_each: bool,
}

impl Output {
    pub fn new(flush_each: bool) -> Output {
        Output { out: io::BufWriter::with_capacity(1 << 16, io::stdout()), failed: false, flush_each }
    }

    /// Writes `bytes`; `Flow::Stop` once the output is gone. A closed pipe (`| head`) is how a
    /// reader says it has enough: no message, and not a failure.
    pub fn write(&mut self, bytes: &[u8]) -> Flow {
        let mut result = self.out.write_all(bytes);
        if result.is_ok() && self.flush_each {
            result = self.out.flush();
        }
        self.check(result)
    }

    /// Flushes what is left; `Flow::Stop` if it could not be written.
    pub fn finish(&mut self) -> Flow {
        let result = self.out.flush();
        self.check(result)
    }

    fn check(&mut self, result: io::Result<()>) -> Flow {
        match result {
            Ok(()) => Flow::Go,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Flow::Stop,
            Err(e) => {
                messages::say(&format!("standard output: {}", inputs::describe(&e)));
                self.failed = true;
                Flow::Stop
            }
        }
    }
}

/// Runs `newsnlp annotate`.
pub fn run(config: Annotate) -> ExitCode {
    let annotator = match super::build_annotator(&config.inputs) {
        Ok(annotator) => annotator,
        Err(code) => return code,
    };
    let mut source = Source::new(&config.inputs);
    let workers = run::workers(config.inputs.jobs, source.total);
    let mut output = Output::new(config.inputs.kind == InputKind::Jsonl);
    let mut failed = false;
    let mut progress = Progress::start(source.total.map(|n| n as u64));
    let mut flow = output.write(&header(config.format));
    if flow == Flow::Go {
        let mut sequence = 0usize;
        let mut next = || {
            let job = source.next_job()?;
            sequence += 1;
            Some((sequence, job))
        };
        let work = |(sequence, job): (usize, Job)| render(&annotator, &config, sequence, job);
        let mut emit = |done: Done| {
            for message in &done.messages {
                messages::say(message);
            }
            failed |= done.failed;
            progress.step();
            if done.output.is_empty() { Flow::Go } else { output.write(&done.output) }
        };
        flow = run::ordered(workers, &mut next, &work, &mut emit);
    }
    if flow == Flow::Go {
        flow = output.write(&footer(config.format));
    }
    if flow == Flow::Go {
        output.finish();
    }
    progress.finish();
    if failed || output.failed { ExitCode::from(FAILURE) } else { ExitCode::SUCCESS }
}

/// What comes before the first document.
fn header(format: Format) -> Vec<u8> {
    match format {
        Format::Json => Vec::new(),
        Format::Html => html::head().into_bytes(),
        Format::CsvQuotes => table::header(table::Rows::Quotes),
        Format::CsvMentions => table::header(table::Rows::Mentions),
    }
}

/// What comes after the last document.
fn footer(format: Format) -> Vec<u8> {
    match format {
        Format::Html => html::tail().into_bytes(),
        _ => Vec::new(),
    }
}

/// Reads, annotates and writes one document (the `sequence`th of the run) in the run's format.
fn render(annotator: &Annotator, config: &Annotate, sequence: usize, job: Job) -> Done {
    let (loaded, warning) = match load(job, config.format) {
        Ok(loaded) => loaded,
        Err(done) => return done,
    };
    let mut done = Done { messages: warning.into_iter().collect(), ..Done::default() };
    let annotations = match annotate(annotator, &loaded) {
        Ok(annotations) => annotations,
        Err(message) => {
            done.messages.push(message);
            done.failed = true;
            return done;
        }
    };
    let text = loaded.text.as_str();
    let out = &mut done.output;
    out.reserve(text.len() / 2 + 64);
    match config.format {
        Format::Json => write_json(out, &loaded, &annotations, config.pretty, config.offsets),
        Format::Html => html::document(out, sequence, &loaded.id, loaded.path.as_deref(), text, &annotations),
        Format::CsvQuotes => table::rows(out, table::Rows::Quotes, &loaded, &annotations, config.offsets),
        Format::CsvMentions => table::rows(out, table::Rows::Mentions, &loaded, &annotations, config.offsets),
    }
    done
}

/// One JSON document: the wire format, with `path` for a file and the record's fields for a
/// JSON Lines record.
fn write_json(out: &mut Vec<u8>, loaded: &Loaded, annotations: &Annotations, pretty: bool, offsets: Offsets) {
    let mut document = wire::Document::new(&loaded.id, &loaded.text, annotations).with_offsets(&loaded.text, offsets);
    // Writing into a Vec cannot fail.
    match &loaded.record {
        None => {
            if let Some(path) = &loaded.path {
                document = document.with_path(path.as_str());
            }
            let _ = document.write(&mut *out, pretty);
        }
        Some((id, extra)) => {
            jsonl::write_head(out, id.as_deref(), extra);
            out.extend_from_slice(b"\"entities\":");
            let _ = serde_json::to_writer(&mut *out, &document.entities);
            out.extend_from_slice(b",\"quotes\":");
            let _ = serde_json::to_writer(&mut *out, &document.quotes);
            out.extend_from_slice(b"}\n");
        }
    }
}
