//! The `newsnlp` command: annotates article files and prints one JSON line per document.
//!
//! A thin shell over the library's public API: arguments → [`Config`] → inputs → annotate in
//! parallel → JSON Lines in input order on one buffered, locked standard output.

use newsnlp::{Annotator, Rule, json, text};
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

const USAGE: &str = "\
Usage: newsnlp annotate [OPTIONS] PATH...
       newsnlp rules

Finds people, organizations, places, prisons and quotes with their speakers in English news
articles, and prints one JSON object per document, one per line, in input order.

PATH is a file, a directory (its *.txt files, sorted by name) or - for standard input.
The id of a document is its file name without .txt (- for standard input).

Options:
      --pretty          indent the JSON for humans (one object per document, not per line)
      --gazetteer FILE  add a user gazetteer: LABEL<TAB>NAME[<TAB>ALIAS]... lines (repeatable)
      --disable-rule NAME
                        switch a rule off (repeatable); `newsnlp rules` lists them
  -j, --jobs N          annotate N documents at a time (default: the number of cores)
  -h, --help            print this help
  -V, --version         print the version

`newsnlp rules` lists the rules, in the order they are tried, with what each decides.

Exit status: 0 when every document was annotated, 2 when a file could not be read, standard
output could not be written, or the arguments were wrong (the other files are still annotated).
A document larger than 1 GiB is refused.";

/// Documents larger than this are refused rather than read into memory whole.
const MAX_FILE_BYTES: u64 = 1 << 30;

/// The environment variable that lowers [`MAX_FILE_BYTES`], for tests of the limit that should
/// not write a gigabyte (`NEWSNLP_MAX_FILE_BYTES=100`). Not meant for users: a value above the
/// built-in limit is ignored.
const MAX_FILE_BYTES_VARIABLE: &str = "NEWSNLP_MAX_FILE_BYTES";

/// What the command line asks for.
struct Config {
    pretty: bool,
    gazetteers: Vec<PathBuf>,
    disabled_rules: Vec<Rule>,
    jobs: usize,
    paths: Vec<String>,
}

enum Command {
    Annotate(Config),
    Rules,
    Help,
    Version,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match parse_args(&args) {
        Ok(Command::Annotate(config)) => config,
        Ok(Command::Help) => return print_and_exit(USAGE),
        Ok(Command::Rules) => return print_and_exit(&rules_table()),
        Ok(Command::Version) => return print_and_exit(&format!("newsnlp {}", env!("CARGO_PKG_VERSION"))),
        Err(message) => {
            eprintln!("newsnlp: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let annotator = if config.gazetteers.is_empty() && config.disabled_rules.is_empty() {
        Annotator::new()
    } else {
        let mut builder = Annotator::builder();
        for path in &config.gazetteers {
            builder.gazetteer_file(path);
        }
        for rule in &config.disabled_rules {
            builder.disable_rule(rule.name());
        }
        match builder.build() {
            Ok(annotator) => {
                for warning in annotator.warnings() {
                    eprintln!("newsnlp: {warning}");
                }
                annotator
            }
            Err(error) => {
                eprintln!("newsnlp: {error}");
                return ExitCode::from(2);
            }
        }
    };
    let inputs = expand_paths(&config.paths);
    let failed = run(&annotator, &inputs, &config);
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}

fn print_and_exit(text: &str) -> ExitCode {
    // A closed pipe while printing help is not an error worth reporting.
    let _ = writeln!(io::stdout(), "{text}");
    ExitCode::SUCCESS
}

/// The rules, one a line: name, kind and what each decides.
fn rules_table() -> String {
    let width = Rule::ALL.iter().map(|rule| rule.name().len()).max().unwrap_or(0);
    let lines: Vec<String> = Rule::ALL
        .iter()
        .map(|rule| {
            let kind = match rule.kind() {
                newsnlp::RuleKind::Gazetteer => "list",
                newsnlp::RuleKind::Name => "name",
                newsnlp::RuleKind::Quote => "quote",
                _ => "other",
            };
            format!("{:width$}  {kind:5}  {}", rule.name(), rule.description())
        })
        .collect();
    lines.join("\n")
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter();
    let mut config = Config {
        pretty: false,
        gazetteers: Vec::new(),
        disabled_rules: Vec::new(),
        jobs: default_jobs(),
        paths: Vec::new(),
    };
    match args.next().map(String::as_str) {
        Some("annotate") => {}
        Some("rules") => return Ok(Command::Rules),
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("no command given".to_string()),
    }
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths || arg == "-" || !arg.starts_with('-') {
            config.paths.push(arg.clone());
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if arg.starts_with("--") => (flag, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value =
            |name: &str| inline.clone().or_else(|| args.next().cloned()).ok_or(format!("{name} needs a value"));
        match flag {
            "--" => only_paths = true,
            "--pretty" => config.pretty = true,
            "--gazetteer" => config.gazetteers.push(PathBuf::from(value("--gazetteer")?)),
            "--disable-rule" => {
                let name = value("--disable-rule")?;
                config.disabled_rules.push(name.parse::<Rule>().map_err(|e| e.to_string())?);
            }
            "-j" | "--jobs" => {
                let raw = value("--jobs")?;
                config.jobs = match raw.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--jobs needs a whole number of at least 1, not '{raw}'")),
                };
            }
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            _ => return Err(format!("unknown option '{arg}'")),
        }
    }
    if config.paths.is_empty() {
        return Err("no PATH given (use - for standard input)".to_string());
    }
    Ok(Command::Annotate(config))
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// One document to annotate.
enum Input {
    Stdin,
    File(PathBuf),
    /// A directory that gave no document: its path and why. It takes its place in the input
    /// order, so that its message comes in order with the others.
    Unusable(String, String),
}

impl Input {
    fn id(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::Unusable(path, _) => path.clone(),
            Input::File(path) => {
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                name.strip_suffix(".txt").map(str::to_string).unwrap_or(name)
            }
        }
    }

    fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) => path.display().to_string(),
            Input::Unusable(path, _) => path.clone(),
        }
    }
}

/// Expands directories into their `*.txt` files, sorted by name; an unreadable or empty
/// directory becomes an [`Input::Unusable`] in its place.
fn expand_paths(paths: &[String]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for raw in paths {
        if raw == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(raw);
        if !path.is_dir() {
            inputs.push(Input::File(path.to_path_buf()));
            continue;
        }
        match list_txt_files(path) {
            Ok(files) if files.is_empty() => {
                inputs.push(Input::Unusable(raw.clone(), "directory has no .txt files".to_string()));
            }
            Ok(files) => inputs.extend(files.into_iter().map(Input::File)),
            Err(error) => inputs.push(Input::Unusable(raw.clone(), describe(&error))),
        }
    }
    inputs
}

fn list_txt_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") && !path.is_dir() {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

/// The result of annotating one input: its JSON, or the message of why it failed, plus any warning.
struct Outcome {
    json: Option<Vec<u8>>,
    message: Option<String>,
}

fn annotate_input(annotator: &Annotator, input: &Input, pretty: bool) -> Outcome {
    let name = input.display();
    let bytes = match read_input(input) {
        Ok(bytes) => bytes,
        Err(reason) => return Outcome { json: None, message: Some(format!("newsnlp: {name}: {reason}")) },
    };
    if let Some(encoding) = text::utf16_bom(&bytes) {
        let reason = format!("{encoding} text (by its byte-order mark) is not supported: convert it to UTF-8");
        return Outcome { json: None, message: Some(format!("newsnlp: {name}: {reason}")) };
    }
    let decoded = text::decode(&bytes);
    let warning = (decoded.invalid_bytes() > 0).then(|| {
        let n = decoded.invalid_bytes();
        let noun = if n == 1 { "byte" } else { "bytes" };
        format!("newsnlp: {name}: warning: {n} invalid UTF-8 {noun}, each read as one U+001A byte")
    });
    // The library never panics; should it ever, this document is reported and the others are
    // still annotated and written. (The annotator is immutable, so nothing is left half-changed.)
    let annotated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let annotations = annotator.annotate(decoded.text());
        let mut json = Vec::with_capacity(decoded.text().len() / 2 + 64);
        // Writing into a Vec cannot fail.
        let _ = json::write(&mut json, &input.id(), decoded.text(), &annotations, pretty);
        json
    }));
    match annotated {
        Ok(json) => Outcome { json: Some(json), message: warning },
        Err(_) => {
            let reason = "internal error while annotating (a bug: please report it with this file)";
            Outcome { json: None, message: Some(format!("newsnlp: {name}: {reason}")) }
        }
    }
}

/// The document size limit: [`MAX_FILE_BYTES`], or lower if [`MAX_FILE_BYTES_VARIABLE`] says so.
fn max_file_bytes() -> u64 {
    std::env::var(MAX_FILE_BYTES_VARIABLE)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(MAX_FILE_BYTES, |limit| limit.min(MAX_FILE_BYTES))
}

/// A size for messages: "1 GiB", "64 MiB", "100 bytes".
fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        1 => "1 byte".to_string(),
        b => format!("{b} bytes"),
    }
}

fn read_input(input: &Input) -> Result<Vec<u8>, String> {
    let limit = max_file_bytes();
    let too_large = || format!("larger than the limit of {} for one document", size_text(limit));
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => {
            io::stdin().lock().take(limit + 1).read_to_end(&mut bytes).map_err(|e| describe(&e))?;
        }
        Input::Unusable(_, reason) => return Err(reason.clone()),
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(|e| describe(&e))?;
            let metadata = file.metadata().map_err(|e| describe(&e))?;
            if metadata.is_dir() {
                return Err("is a directory".to_string());
            }
            // Refused before reading when its size is known; special files are read up to the limit.
            if metadata.len() > limit {
                return Err(too_large());
            }
            file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| describe(&e))?;
        }
    }
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A short, lowercase reason for an I/O error, without the "(os error N)" suffix: "no such
/// file or directory", "permission denied", "no space left on device".
fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let text = error.to_string();
            let reason = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = reason.chars();
            chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
        }
    }
}

/// Writes one outcome: its message to standard error, its JSON to `out`. Returns whether to go
/// on (`false` once the reader has gone away or the output failed) and sets `failed` when the
/// document failed or the output could not be written.
fn emit(outcome: Outcome, out: &mut impl Write, failed: &AtomicBool) -> bool {
    if let Some(message) = &outcome.message {
        eprintln!("{message}");
    }
    let Some(json) = outcome.json else {
        failed.store(true, Ordering::Relaxed);
        return true;
    };
    match out.write_all(&json) {
        Ok(()) => true,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => false,
        Err(e) => {
            eprintln!("newsnlp: standard output: {}", describe(&e));
            failed.store(true, Ordering::Relaxed);
            false
        }
    }
}

/// Annotates every input and writes the results in input order; returns whether any input failed.
fn run(annotator: &Annotator, inputs: &[Input], config: &Config) -> bool {
    let mut failed = AtomicBool::new(false);
    let mut stop = AtomicBool::new(false);
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout());
    let jobs = config.jobs.min(inputs.len()).max(1);
    if jobs == 1 {
        for input in inputs {
            if !emit(annotate_input(annotator, input, config.pretty), &mut out, &failed) {
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
    } else {
        let shared = Shared {
            queue: Mutex::new(Queue { next_input: 0, next_output: 0, done: BTreeMap::new(), writing: false }),
            window_moved: Condvar::new(),
            window: jobs * 4,
            out: Mutex::new(out),
            failed,
            stop,
        };
        std::thread::scope(|scope| {
            for _ in 0..jobs {
                scope.spawn(|| worker(annotator, inputs, config.pretty, &shared));
            }
        });
        (out, failed, stop) = (shared.out.into_inner().unwrap_or_else(|e| e.into_inner()), shared.failed, shared.stop);
    }
    if stop.load(Ordering::Relaxed) {
        // The reader went away (a closed pipe): that is how `| head` ends, not a failure.
        return failed.load(Ordering::Relaxed);
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("newsnlp: standard output: {}", describe(&e));
            true
        }
        _ => failed.load(Ordering::Relaxed),
    }
}

/// Where a parallel run stands: the next input to take, finished outcomes waiting for their turn,
/// the next index to write, and whether a worker is writing now.
struct Queue {
    next_input: usize,
    next_output: usize,
    done: BTreeMap<usize, Outcome>,
    writing: bool,
}

/// What the workers of a parallel run share. There is no writer thread: the worker that finishes
/// the document next in line writes it, and any finished ones after it, so that no thread wakes
/// per document (a writer thread cost a context switch per document and a third thread on the
/// cores). Workers never run more than `window` inputs ahead of the output, so memory stays
/// bounded however many files there are; only then do they wait.
struct Shared {
    queue: Mutex<Queue>,
    /// Signalled when the output moves on, and on stop.
    window_moved: Condvar,
    window: usize,
    out: Mutex<io::BufWriter<io::Stdout>>,
    failed: AtomicBool,
    stop: AtomicBool,
}

fn worker(annotator: &Annotator, inputs: &[Input], pretty: bool, shared: &Shared) {
    loop {
        let index = {
            let mut state = shared.queue.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if shared.stop.load(Ordering::Relaxed) || state.next_input >= inputs.len() {
                    return;
                }
                if state.next_input < state.next_output + shared.window {
                    break;
                }
                state = shared.window_moved.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            state.next_input += 1;
            state.next_input - 1
        };
        let outcome = annotate_input(annotator, &inputs[index], pretty);
        let mut state = shared.queue.lock().unwrap_or_else(|e| e.into_inner());
        state.done.insert(index, outcome);
        if state.writing {
            // The worker writing now will find this one if it is next.
            continue;
        }
        state.writing = true;
        // Write every finished document that is next in line; others may finish meanwhile.
        loop {
            let mut ready = Vec::new();
            loop {
                let next = state.next_output;
                let Some(outcome) = state.done.remove(&next) else { break };
                ready.push(outcome);
                state.next_output = next + 1;
            }
            if ready.is_empty() {
                state.writing = false;
                break;
            }
            drop(state);
            shared.window_moved.notify_all();
            let mut out = shared.out.lock().unwrap_or_else(|e| e.into_inner());
            for outcome in ready {
                if !emit(outcome, &mut *out, &shared.failed) {
                    shared.stop.store(true, Ordering::Relaxed);
                    shared.window_moved.notify_all();
                    return;
                }
            }
            drop(out);
            state = shared.queue.lock().unwrap_or_else(|e| e.into_inner());
        }
    }
}
