//! The command line, parsed with `lexopt` into a [`Command`]: raw arguments (paths stay
//! `OsString`s, so a file name that is not UTF-8 is a file name like any other), then a config.

use lexopt::prelude::*;
use newsnlp::Rule;
use newsnlp::json::Offsets;
use std::ffi::OsString;
use std::path::PathBuf;

/// The help text (`newsnlp --help`).
pub const USAGE: &str = "\
Usage: newsnlp annotate [OPTIONS] PATH...
       newsnlp annotate --input jsonl [OPTIONS] [FILE|-]...
       newsnlp eval [OPTIONS] GOLD.jsonl PATH...
       newsnlp rules
       newsnlp --licenses

Finds people, organizations, places, prisons and quotes with their speakers in English news
articles, and prints one JSON object per document, one per line, in input order.

PATH is a file, a directory (its *.txt files, sorted by name) or - for standard input.
The id of a document is its file name without .txt (- for standard input).

Options of annotate (and eval):
      --format FORMAT   json (the default), html (one page to read), csv (the quotes as
                        rows) or csv-mentions (the mentions as rows)
      --pretty          indent the JSON for humans (one object per document, not per line)
      --offsets UNIT    bytes (UTF-8, the default), chars (code points: Python) or utf16
                        (JavaScript, Java)
      --input KIND      text (the default: one document a file) or jsonl (one {\"id\", \"text\"}
                        object a line, other fields passed through; standard input if no FILE)
  -r, --recursive       read the directories inside directories too
      --gazetteer FILE  add a user gazetteer: LABEL<TAB>NAME[<TAB>ALIAS]... lines (repeatable)
      --disable-rule NAME
                        switch a rule off (repeatable); `newsnlp rules` lists them
  -j, --jobs N          annotate N documents at a time (default: the number of cores)
  -h, --help            print this help
  -V, --version         print the version
      --licenses        print the licences of newsnlp and of the data it embeds

Options of eval (which annotates PATH and scores it against GOLD.jsonl):
      --errors          list every missed mention, false hit, missed or false quote and wrong
                        speaker before the scores
      --json            print the scores as one JSON object
      --predictions FILE
                        score these JSON lines (ours, or any tool's in the same format)
                        instead of annotating; PATH still gives the texts

Exit status: 0 when every document was annotated; 2 when an input could not be read or
decoded (the others are still annotated) or standard output could not be written; 64 when
the command line is wrong or a --gazetteer file cannot be used (then nothing is annotated).
A document larger than 1 GiB is refused; binary files and, inside directories, anything
that is not a regular file are skipped with a message.";

/// What a run does.
#[derive(Debug)]
pub enum Command {
    Annotate(Annotate),
    Eval(Eval),
    Rules,
    Help,
    Version,
    Licenses,
}

/// How the documents are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Html,
    /// The quotes, a row each.
    CsvQuotes,
    /// The mentions, a row each.
    CsvMentions,
}

/// What the PATHs hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A document a file.
    Text,
    /// A document a line: `{"id": …, "text": …}`.
    Jsonl,
}

/// The options that say what to annotate and how, shared by `annotate` and `eval`.
#[derive(Debug)]
pub struct Inputs {
    pub paths: Vec<OsString>,
    pub kind: InputKind,
    pub recursive: bool,
    pub gazetteers: Vec<PathBuf>,
    pub disabled_rules: Vec<Rule>,
    /// As asked; the run caps it (see `run::workers`).
    pub jobs: usize,
}

/// `newsnlp annotate`.
#[derive(Debug)]
pub struct Annotate {
    pub inputs: Inputs,
    pub format: Format,
    pub pretty: bool,
    pub offsets: Offsets,
}

/// `newsnlp eval`.
#[derive(Debug)]
pub struct Eval {
    pub gold: PathBuf,
    /// Score these JSON lines instead of annotating PATH (which then only gives the texts).
    pub predictions: Option<PathBuf>,
    pub inputs: Inputs,
    pub errors: bool,
    pub json: bool,
}

/// Parses the arguments (without the program name). A usage error is one line, without the
/// `newsnlp: ` prefix.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    parse_lexopt(lexopt::Parser::from_iter(std::iter::once(OsString::from("newsnlp")).chain(args)))
        .map_err(|e| e.to_string())
}

fn parse_lexopt(mut parser: lexopt::Parser) -> Result<Command, lexopt::Error> {
    let command = match parser.next()? {
        None => return Err("no command given (annotate, eval or rules)".into()),
        Some(Short('h') | Long("help")) => return Ok(Command::Help),
        Some(Short('V') | Long("version")) => return Ok(Command::Version),
        Some(Long("licenses")) => return Ok(Command::Licenses),
        Some(Value(command)) => command.string()?,
        Some(other) => return Err(other.unexpected()),
    };
    match command.as_str() {
        "annotate" | "eval" => {}
        "rules" => return no_more(parser, Command::Rules),
        "help" => return Ok(Command::Help),
        other => return Err(format!("unknown command '{other}' (annotate, eval or rules)").into()),
    }
    let eval = command == "eval";
    let mut inputs = Inputs {
        paths: Vec::new(),
        kind: InputKind::Text,
        recursive: false,
        gazetteers: Vec::new(),
        disabled_rules: Vec::new(),
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let (mut format, mut pretty, mut offsets) = (Format::Json, false, Offsets::Bytes);
    let (mut gold, mut errors, mut json, mut predictions) = (None, false, false, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("licenses") => return Ok(Command::Licenses),
            Short('r') | Long("recursive") => inputs.recursive = true,
            Short('j') | Long("jobs") => {
                let value = parser.value()?.string()?;
                inputs.jobs = match value.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--jobs needs a whole number of at least 1, not '{value}'").into()),
                };
            }
            Long("gazetteer") => inputs.gazetteers.push(parser.value()?.into()),
            Long("disable-rule") => {
                let name = parser.value()?.string()?;
                inputs.disabled_rules.push(name.parse::<Rule>().map_err(|e| e.to_string())?);
            }
            Long("input") => {
                inputs.kind = match parser.value()?.string()?.as_str() {
                    "text" => InputKind::Text,
                    "jsonl" => InputKind::Jsonl,
                    other => return Err(format!("unknown --input '{other}' (expected text or jsonl)").into()),
                }
            }
            Long("format") if !eval => {
                format = match parser.value()?.string()?.as_str() {
                    "json" => Format::Json,
                    "html" => Format::Html,
                    "csv" => Format::CsvQuotes,
                    "csv-mentions" => Format::CsvMentions,
                    other => {
                        return Err(
                            format!("unknown --format '{other}' (expected json, html, csv or csv-mentions)").into()
                        );
                    }
                }
            }
            Long("pretty") if !eval => pretty = true,
            Long("offsets") if !eval => {
                offsets = parser.value()?.string()?.parse::<Offsets>().map_err(|e| e.to_string())?;
            }
            Long("errors") if eval => errors = true,
            Long("json") if eval => json = true,
            Long("predictions") if eval => predictions = Some(PathBuf::from(parser.value()?)),
            Value(value) if eval && gold.is_none() => gold = Some(PathBuf::from(value)),
            Value(path) => inputs.paths.push(path),
            _ => return Err(arg.unexpected()),
        }
    }
    if inputs.paths.is_empty() {
        match inputs.kind {
            // A stream filter reads standard input when it is given no file.
            InputKind::Jsonl => inputs.paths.push(OsString::from("-")),
            InputKind::Text if eval && gold.is_none() => return Err("no GOLD.jsonl and no PATH given".into()),
            InputKind::Text => return Err("no PATH given (use - for standard input)".into()),
        }
    }
    if eval {
        let gold = gold.ok_or("no GOLD.jsonl given")?;
        return Ok(Command::Eval(Eval { gold, predictions, inputs, errors, json }));
    }
    if pretty && format != Format::Json {
        return Err("--pretty is for --format json".into());
    }
    if offsets != Offsets::Bytes && format == Format::Html {
        return Err("--offsets is for --format json and csv (the page shows no offsets)".into());
    }
    if pretty && inputs.kind == InputKind::Jsonl {
        return Err("--pretty cannot be used with --input jsonl, which writes one line per input line".into());
    }
    Ok(Command::Annotate(Annotate { inputs, format, pretty, offsets }))
}

/// `command`, if nothing follows it.
fn no_more(mut parser: lexopt::Parser, command: Command) -> Result<Command, lexopt::Error> {
    match parser.next()? {
        None => Ok(command),
        Some(Short('h') | Long("help")) => Ok(Command::Help),
        Some(arg) => Err(arg.unexpected()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn short_options_take_attached_values() {
        let Ok(Command::Annotate(config)) = parse_str(&["annotate", "-j4", "-r", "a.txt"]) else { panic!() };
        assert_eq!((config.inputs.jobs, config.inputs.recursive), (4, true));
        let Ok(Command::Annotate(config)) = parse_str(&["annotate", "--jobs=3", "--", "-x.txt"]) else { panic!() };
        assert_eq!(config.inputs.jobs, 3);
        assert_eq!(config.inputs.paths, [OsString::from("-x.txt")]);
    }

    #[test]
    fn usage_errors_are_one_line() {
        let cases = [
            (&["annotate", "--pretty=no", "-"][..], "unexpected argument for option '--pretty': \"no\""),
            (&["annotate", "--frobnicate", "-"][..], "invalid option '--frobnicate'"),
            (&["annotate", "-j", "0", "-"][..], "--jobs needs a whole number of at least 1, not '0'"),
            (&["annotate", "--jobs"][..], "missing argument for option '--jobs'"),
            (&["annotate"][..], "no PATH given (use - for standard input)"),
            (
                &["annotate", "--format", "xml", "-"][..],
                "unknown --format 'xml' (expected json, html, csv or csv-mentions)",
            ),
            (
                &["annotate", "--offsets", "words", "-"][..],
                "unknown offsets \"words\" (expected bytes, chars or utf16)",
            ),
            (&["annotate", "--format", "html", "--pretty", "-"][..], "--pretty is for --format json"),
            (
                &["annotate", "--format", "html", "--offsets", "chars", "-"][..],
                "--offsets is for --format json and csv (the page shows no offsets)",
            ),
            (&["eval", "gold.jsonl"][..], "no PATH given (use - for standard input)"),
            (&["eval", "--pretty", "gold.jsonl", "-"][..], "invalid option '--pretty'"),
            (&["summarize"][..], "unknown command 'summarize' (annotate, eval or rules)"),
            (&["rules", "x"][..], "unexpected argument \"x\""),
            (&[][..], "no command given (annotate, eval or rules)"),
        ];
        for (args, want) in cases {
            let error = parse_str(args).expect_err(&format!("{args:?}"));
            assert_eq!(error, want, "{args:?}");
            assert!(!error.contains('\n'));
        }
    }

    #[test]
    fn jsonl_input_reads_standard_input_by_default() {
        let Ok(Command::Annotate(config)) = parse_str(&["annotate", "--input", "jsonl"]) else { panic!() };
        assert_eq!(config.inputs.paths, [OsString::from("-")]);
        let Ok(Command::Eval(eval)) = parse_str(&["eval", "--errors", "gold.jsonl", "texts"]) else { panic!() };
        assert_eq!(
            (eval.gold, eval.inputs.paths, eval.errors),
            (PathBuf::from("gold.jsonl"), vec!["texts".into()], true)
        );
    }

    #[test]
    fn paths_that_are_not_utf8_are_kept_as_they_are() {
        use std::os::unix::ffi::OsStringExt;
        let name = OsString::from_vec(b"caf\xE9.txt".to_vec());
        let Ok(Command::Annotate(config)) = parse(["annotate".into(), name.clone()]) else { panic!() };
        assert_eq!(config.inputs.paths, [name]);
    }
}
