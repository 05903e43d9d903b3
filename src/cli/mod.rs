//! The command line, a thin shell over the library's public API: arguments → a [`args::Command`]
//! → inputs → annotate in parallel ([`run`]) → one format's output, in input order.

mod annotate;
mod args;
mod eval;
mod gold;
mod html;
mod inputs;
mod jsonl;
mod messages;
mod run;
mod table;

use newsnlp::{Annotator, Rule, RuleKind};
use std::io::Write;
use std::process::ExitCode;

/// The exit code when an input could not be read or decoded, or the output not written.
pub const FAILURE: u8 = 2;
/// The exit code of a command line that cannot be carried out (`EX_USAGE` of sysexits.h):
/// distinct from [`FAILURE`], so that a script can tell "fix the command" from "some files of
/// the batch were bad".
pub const USAGE_ERROR: u8 = 64;

/// The licences of newsnlp and of the data compiled into it (`newsnlp --licenses`): the data's
/// MIT, BSD, Apache and LGPL licences ask that their texts travel with the binary.
const LICENSES: &str = concat!(
    "newsnlp\n=======\n\n",
    include_str!("../../LICENSE"),
    "\n",
    include_str!("../../NOTICE.md"),
    "\n\n== gazetteers/licenses/partyfacts-MIT.txt (Party Facts) ==\n\n",
    include_str!("../../gazetteers/licenses/partyfacts-MIT.txt"),
    "\n\n== gazetteers/licenses/nomquamgender-MIT.txt (nomquamgender) ==\n\n",
    include_str!("../../gazetteers/licenses/nomquamgender-MIT.txt"),
    "\n\n== gazetteers/licenses/ggt-MIT.txt (Gender Gap Tracker) ==\n\n",
    include_str!("../../gazetteers/licenses/ggt-MIT.txt"),
    "\n\n== gazetteers/licenses/russiannames-BSD-3-Clause.txt (Russian names) ==\n\n",
    include_str!("../../gazetteers/licenses/russiannames-BSD-3-Clause.txt"),
    "\n\n== gazetteers/licenses/scowl-wamerican.txt (SCOWL) ==\n\n",
    include_str!("../../gazetteers/licenses/scowl-wamerican.txt"),
    "\n\n== gazetteers/licenses/verbnet-3.0.txt (VerbNet 3.0) ==\n\n",
    include_str!("../../gazetteers/licenses/verbnet-3.0.txt"),
    "\n\n== gazetteers/licenses/journalismai-Apache-2.0.txt (JournalismAI) ==\n\n",
    include_str!("../../gazetteers/licenses/journalismai-Apache-2.0.txt"),
    "\n\n== gazetteers/licenses/pycountry-LGPL-2.1.txt (pycountry, iso-codes) ==\n\n",
    include_str!("../../gazetteers/licenses/pycountry-LGPL-2.1.txt"),
);

pub fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            messages::say(&format!("{message} (see newsnlp --help)"));
            return ExitCode::from(USAGE_ERROR);
        }
    };
    match command {
        args::Command::Help => print(args::USAGE),
        args::Command::Version => print(&format!("newsnlp {}", env!("CARGO_PKG_VERSION"))),
        args::Command::Licenses => print(LICENSES.trim_end()),
        args::Command::Rules => print(&rules_table()),
        args::Command::Annotate(config) => annotate::run(config),
        args::Command::Eval(config) => eval::run(config),
    }
}

/// Prints `text` and a line break on standard output. A closed pipe is not an error; any other
/// failure to write (`>/dev/full`) is reported, with exit code 2.
fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let result = writeln!(stdout, "{text}").and_then(|()| stdout.flush());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            messages::say(&format!("standard output: {}", inputs::describe(&e)));
            ExitCode::from(FAILURE)
        }
    }
}

/// The rules, one a line: name, kind and what each decides.
fn rules_table() -> String {
    let width = Rule::ALL.iter().map(|rule| rule.name().len()).max().unwrap_or(0);
    let lines: Vec<String> = Rule::ALL
        .iter()
        .map(|rule| {
            let kind = match rule.kind() {
                RuleKind::Gazetteer => "list",
                RuleKind::Name => "name",
                RuleKind::Quote => "quote",
                _ => "other",
            };
            format!("{:width$}  {kind:5}  {}", rule.name(), rule.description())
        })
        .collect();
    lines.join("\n")
}

/// The annotator the options ask for: the embedded one, or one with user gazetteers and rules
/// switched off. Its warnings go to standard error; an error ends the run with
/// [`USAGE_ERROR`], every line of it reported.
fn build_annotator(inputs: &args::Inputs) -> Result<Annotator, ExitCode> {
    if inputs.gazetteers.is_empty() && inputs.disabled_rules.is_empty() {
        return Ok(Annotator::new());
    }
    let mut builder = Annotator::builder();
    for path in &inputs.gazetteers {
        builder.gazetteer_file(path);
    }
    for rule in &inputs.disabled_rules {
        builder.disable_rule(rule.name());
    }
    match builder.build() {
        Ok(annotator) => {
            for warning in annotator.warnings() {
                messages::say(&warning.to_string());
            }
            Ok(annotator)
        }
        Err(error) => {
            for line in error.to_string().lines() {
                messages::say(line);
            }
            Err(ExitCode::from(USAGE_ERROR))
        }
    }
}
