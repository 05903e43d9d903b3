//! The `newsnlp` command: annotates article files and prints one JSON line per document (or an
//! HTML page, or CSV rows), or scores the annotations against a gold sample. The code is in
//! `cli/`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
