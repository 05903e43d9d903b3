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
    // A binary that stops before reading its input (a usage error) closes the pipe: whether the
    // write meets a closed pipe depends on which process runs first, and is no failure.
    if let Err(error) = input.write_all(stdin.unwrap_or_default()) {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
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
fn a_byte_order_mark_is_skipped_and_offsets_are_file_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bom.txt", "\u{feff}“We will not go,” said José Daniel Ferrer.".as_bytes());
    let output = newsnlp(&["annotate", &path], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
    let docs = stdout_lines(&output);
    let quote = &docs[0]["quotes"][0];
    // The BOM is 3 bytes, the opening mark 3 more.
    assert_eq!((quote["start"].as_u64(), quote["text"].as_str()), (Some(6), Some("We will not go,")));
    let bytes = std::fs::read(&path).unwrap();
    for item in docs[0]["entities"].as_array().unwrap().iter().chain(docs[0]["quotes"].as_array().unwrap()) {
        let (start, end) = (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
        assert!(start >= 3, "{item}");
        assert_eq!(std::str::from_utf8(&bytes[start..end]).unwrap(), item["text"].as_str().unwrap());
    }
}

#[test]
fn utf16_big_endian_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "wide.txt", b"\xFE\xFF\x00H\x00i");
    let output = newsnlp(&["annotate", &path], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("newsnlp: {path}: UTF-16BE text (by its byte-order mark) is not supported: convert it to UTF-8\n")
    );
    assert!(output.stdout.is_empty());
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
fn every_rule_can_be_switched_off_and_an_unknown_name_is_a_usage_error() {
    let text = "Protests spread across the South. “We will not stop,” Ortega said.";
    let rules = newsnlp(&["rules"], None);
    assert_eq!(rules.status.code(), Some(0));
    let names: Vec<String> = String::from_utf8(rules.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(names, newsnlp::Rule::ALL.iter().map(|r| r.name().to_string()).collect::<Vec<_>>());
    for name in &names {
        let output = newsnlp(&["annotate", "--disable-rule", name, "-"], Some(text.as_bytes()));
        assert_eq!(output.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let doc = &stdout_lines(&output)[0];
        let found: Vec<&str> = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .chain(doc["quotes"].as_array().unwrap())
            .map(|item| item["rule"].as_str().expect("every mention and quote has a rule"))
            .collect();
        assert!(!found.contains(&name.as_str()), "{name} is switched off but found {found:?}");
    }
    // Switched on, two of them are found; switched off, they are not (above).
    let all = stdout_lines(&newsnlp(&["annotate", "-"], Some(text.as_bytes())));
    assert_eq!(all[0]["entities"][0]["rule"], "compass-region");
    assert_eq!(all[0]["quotes"][0]["rule"], "after-speaker-cue");
    let unknown = newsnlp(&["annotate", "--disable-rule", "titles", "-"], Some(b"x"));
    assert_eq!(unknown.status.code(), Some(2));
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(message.contains("unknown rule 'titles'") && message.contains("compass-region"), "{message}");
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

/// Runs the binary with `stdout` as its standard output and `env` set, without standard input.
fn newsnlp_to(stdout: Stdio, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsnlp"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_are_annotated() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"One.");
    let secret = write(dir.path(), "secret.txt", b"Two.");
    let b = write(dir.path(), "b.txt", b"Three.");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    // As root (in some containers) permissions do not stop reading: nothing to check then.
    if std::fs::read(&secret).is_ok() {
        eprintln!("skipped: running with the right to read any file (root?)");
        return;
    }
    let output = newsnlp(&["annotate", &a, &secret, &b], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(ids(&output), ["a", "b"]);
    assert_eq!(String::from_utf8(output.stderr).unwrap(), format!("newsnlp: {secret}: permission denied\n"));
}

#[test]
fn an_empty_directory_is_reported_and_the_others_are_annotated() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    // A directory whose name ends in .txt is not a document.
    std::fs::create_dir(empty.join("looks-like.txt")).unwrap();
    let a = write(dir.path(), "a.txt", b"One.");
    let empty = empty.display().to_string();
    let output = newsnlp(&["annotate", &empty, &a], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(ids(&output), ["a"]);
    assert_eq!(String::from_utf8(output.stderr).unwrap(), format!("newsnlp: {empty}: directory has no .txt files\n"));
}

#[test]
fn messages_come_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let empty = empty.display().to_string();
    let a = write(dir.path(), "a.txt", b"One.");
    let first = dir.path().join("first.txt").display().to_string();
    let last = dir.path().join("last.txt").display().to_string();
    for jobs in ["1", "4"] {
        let output = newsnlp(&["annotate", "-j", jobs, &first, &empty, &a, &last], None);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(ids(&output), ["a"]);
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            format!(
                "newsnlp: {first}: no such file or directory\nnewsnlp: {empty}: directory has no .txt files\n\
                 newsnlp: {last}: no such file or directory\n"
            ),
            "--jobs {jobs}"
        );
    }
}

#[test]
fn a_directory_given_as_a_gazetteer_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"One.");
    let folder = dir.path().display().to_string();
    let output = newsnlp(&["annotate", "--gazetteer", &folder, &a], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("newsnlp: {folder}: is a directory, not a gazetteer file\n")
    );
}

#[test]
fn gazetteer_warnings_go_to_standard_error_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let list = write(dir.path(), "list.tsv", b"PRISON\tKilo 8\nPRISON\tKilo 8\tKilo Ocho\n");
    let a = write(dir.path(), "a.txt", b"He was moved to Kilo Ocho.");
    let output = newsnlp(&["annotate", "--gazetteer", &list, &a], None);
    assert_eq!(output.status.code(), Some(0), "a warning is not a failure");
    assert_eq!(stdout_lines(&output)[0]["entities"][0]["name"], "Kilo 8");
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "newsnlp: {list}:2: warning: duplicate entry PRISON \"Kilo 8\" (first on line 1); its other aliases are \
             added to that entry\n"
        )
    );
}

#[test]
fn a_full_standard_output_is_reported_with_exit_code_2() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    for jobs in ["1", "4"] {
        let stdout = std::fs::OpenOptions::new().write(true).open(full).unwrap();
        let output = newsnlp_to(stdout.into(), &["annotate", "-j", jobs, "tests/data/wikinews"], &[]);
        assert_eq!(output.status.code(), Some(2), "--jobs {jobs}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            "newsnlp: standard output: no space left on device\n",
            "--jobs {jobs}"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_the_others_are_annotated() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"One.");
    // A sparse file of 1 GiB and one byte: refused by its size, before a byte is read.
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge).unwrap().set_len((1 << 30) + 1).unwrap();
    let huge = huge.display().to_string();
    let output = newsnlp(&["annotate", &huge, &a], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(ids(&output), ["a"]);
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("newsnlp: {huge}: larger than the limit of 1 GiB for one document\n")
    );
    // Standard input is read up to the limit; tests lower the limit rather than send a gigabyte.
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsnlp"))
        .args(["annotate", "-", &a])
        .env("NEWSNLP_MAX_FILE_BYTES", "100")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The reader stops at the limit: the rest of the input may meet a closed pipe.
    let _ = input.write_all(&[b'x'; 1000]);
    drop(input);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(ids(&output), ["a"]);
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "newsnlp: -: larger than the limit of 100 bytes for one document\n"
    );
}

/// Good and bad inputs mixed: with any number of jobs, the good ones are written whole, one JSON
/// line each, in input order; each bad one has its message, in input order; the exit code is 2.
#[test]
fn failures_do_not_truncate_reorder_or_interleave_the_output() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    let mut good = Vec::new();
    let mut messages = Vec::new();
    let article = std::fs::read("tests/data/wikinews/scientology-defector.txt").unwrap();
    for i in 0..60 {
        let name = format!("{i:03}.txt");
        let path = match i % 6 {
            1 => {
                let path = dir.path().join(&name).display().to_string();
                messages.push(format!("newsnlp: {path}: no such file or directory"));
                path
            }
            3 => {
                let path = write(dir.path(), &name, b"\xFF\xFEH\x00i\x00");
                messages.push(format!(
                    "newsnlp: {path}: UTF-16LE text (by its byte-order mark) is not supported: convert it to UTF-8"
                ));
                path
            }
            5 => {
                let path = write(dir.path(), &name, b"We will \"never\" leave Havana.");
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
                if std::fs::read(&path).is_ok() {
                    // Running as root: the file is readable after all.
                    good.push(format!("{i:03}"));
                } else {
                    messages.push(format!("newsnlp: {path}: permission denied"));
                }
                path
            }
            _ => {
                // Large documents (a few hundred kilobytes each) so that jobs finish out of order.
                let text = article.repeat(1 + (i * 7) % 40);
                good.push(format!("{i:03}"));
                write(dir.path(), &name, &text)
            }
        };
        paths.push(path);
    }
    let mut outputs = Vec::new();
    for jobs in ["1", "4"] {
        let mut args = vec!["annotate", "-j", jobs];
        args.extend(paths.iter().map(String::as_str));
        let output = newsnlp(&args, None);
        assert_eq!(output.status.code(), Some(2), "--jobs {jobs}");
        assert_eq!(ids(&output), good, "--jobs {jobs}");
        assert!(output.stdout.ends_with(b"}\n"));
        let stderr = String::from_utf8(output.stderr.clone()).unwrap();
        assert_eq!(stderr.lines().collect::<Vec<_>>(), messages, "--jobs {jobs}");
        outputs.push(output);
    }
    assert_eq!(outputs[0].stdout, outputs[1].stdout);
}
