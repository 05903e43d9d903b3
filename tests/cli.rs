//! The command line, run as the real binary: files, directories, standard input, errors and
//! exit codes, as SPEC.md describes them.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn newsnlp(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsnlp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn ids(output: &Output) -> Vec<String> {
    stdout_lines(output).iter().map(|d| d["id"].as_str().unwrap().to_string()).collect()
}

fn write(dir: &Path, name: &str, text: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_file_gives_one_line_whose_spans_slice_the_file() {
    let path = "tests/data/wikinews/cuba-flights.txt";
    let output = newsnlp(&["annotate", path], None);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let docs = stdout_lines(&output);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "cuba-flights");
    let bytes = std::fs::read(path).unwrap();
    let quotes = docs[0]["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for item in docs[0]["entities"].as_array().unwrap().iter().chain(quotes) {
        let (start, end) = (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
        assert_eq!(std::str::from_utf8(&bytes[start..end]).unwrap(), item["text"].as_str().unwrap());
    }
}

#[test]
fn a_directory_gives_its_txt_files_sorted_with_stems_as_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Second.");
    write(dir.path(), "a.txt", b"First.");
    write(dir.path(), "c.md", b"Not an article.");
    write(dir.path(), "10.txt", b"Third.");
    let output = newsnlp(&["annotate", &dir.path().display().to_string()], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(ids(&output), ["10", "a", "b"]);
}

#[test]
fn dash_reads_standard_input() {
    let output = newsnlp(&["annotate", "-"], Some("“We will not leave,” she said.".as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    let docs = stdout_lines(&output);
    assert_eq!(docs[0]["id"], "-");
    assert_eq!(docs[0]["quotes"][0]["text"], "We will not leave,");
}

#[test]
fn a_missing_file_is_reported_and_the_others_are_annotated() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"One.");
    let missing = dir.path().join("missing.txt").display().to_string();
    let b = write(dir.path(), "b.txt", b"Two.");
    let output = newsnlp(&["annotate", &a, &missing, &b], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(ids(&output), ["a", "b"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr, format!("newsnlp: {missing}: no such file or directory\n"));
}

#[test]
fn an_empty_file_gives_an_empty_document() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let output = newsnlp(&["annotate", &empty], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "{\"id\":\"empty\",\"entities\":[],\"quotes\":[]}\n");
}

#[test]
fn jobs_do_not_change_the_output() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let text = format!("Article {i}. “Quote number {i},” said the spokesman.\n");
        write(dir.path(), &format!("{i:03}.txt"), text.as_bytes());
    }
    let path = dir.path().display().to_string();
    let one = newsnlp(&["annotate", "--jobs", "1", &path], None);
    let four = newsnlp(&["annotate", "-j", "4", &path], None);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(ids(&one).len(), 40);
}

#[test]
fn invalid_utf8_is_annotated_with_a_warning_and_exact_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin1.txt", b"caf\xE9 \xE9 \"Oui,\" he said.");
    let output = newsnlp(&["annotate", &path], None);
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr, format!("newsnlp: {path}: warning: 2 invalid UTF-8 bytes, each read as one U+001A byte\n"));
    let docs = stdout_lines(&output);
    assert_eq!(docs[0]["quotes"][0]["start"], 8);
    assert_eq!(docs[0]["quotes"][0]["text"], "Oui,");
}

#[test]
fn utf16_is_refused_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "wide.txt", b"\xFF\xFEH\x00i\x00");
    let output = newsnlp(&["annotate", &path], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with(&format!("newsnlp: {path}: UTF-16LE text")), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn user_gazetteers_are_used_and_their_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let list = write(dir.path(), "list.tsv", "# prisons\nPRISON\tKilo 8\tKilo Ocho\n".as_bytes());
    let article = write(dir.path(), "a.txt", b"He was moved to Kilo Ocho last week.");
    let output = newsnlp(&["annotate", "--gazetteer", &list, &article], None);
    assert_eq!(output.status.code(), Some(0));
    let docs = stdout_lines(&output);
    assert_eq!(docs[0]["entities"][0]["text"], "Kilo Ocho");
    assert_eq!(docs[0]["entities"][0]["name"], "Kilo 8");
    assert_eq!(docs[0]["entities"][0]["label"], "PRISON");

    let bad = write(dir.path(), "bad.tsv", b"PRISON\tKilo 8\nJAIL\tKilo 5\n");
    let output = newsnlp(&["annotate", &format!("--gazetteer={bad}"), &article], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with(&format!("newsnlp: {bad}:2: unknown label")), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2_and_help_and_version_exit_0() {
    for args in [
        &[][..],
        &["annotate"][..],
        &["annotate", "--jobs", "0", "-"][..],
        &["annotate", "--frobnicate", "-"][..],
        &["summarize"][..],
    ] {
        let output = newsnlp(args, None);
        assert_eq!(output.status.code(), Some(2), "args {args:?}");
        assert!(String::from_utf8(output.stderr).unwrap().contains("Usage: newsnlp annotate"), "args {args:?}");
    }
    let help = newsnlp(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8(help.stdout).unwrap().starts_with("Usage: newsnlp annotate"));
    let version = newsnlp(&["annotate", "--version"], None);
    assert_eq!(String::from_utf8(version.stdout).unwrap(), format!("newsnlp {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn pretty_prints_indented_json() {
    let output = newsnlp(&["annotate", "--pretty", "-"], Some(b"Nothing here."));
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("{\n  \"id\": \"-\""), "{text}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(dir.path(), &format!("{i:04}.txt"), "Text “quoted words here,” said someone. ".repeat(50).as_bytes());
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsnlp"))
        .args(["annotate", &dir.path().display().to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe, as `| head -1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}
