//! The faults of issue 18 that lost a batch, one regression test each. Each failed on the build
//! before its fix (checked with `NEWSNLP_BIN=<old build> cargo test faults::` for the command
//! line ones).

use crate::cli::{binary, ids, newsnlp, stdout_lines, write};
use newsnlp::Annotator;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Waits for `child` at most `seconds`; a run that hangs is killed and fails the test.
fn finish_within(mut child: Child, seconds: u64, what: &str) -> Output {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        match child.try_wait().expect("the child can be waited for") {
            Some(_) => return child.wait_with_output().expect("the output can be read"),
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{what}: still running after {seconds} s (a hang)");
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn dev_full() -> Option<std::fs::File> {
    std::fs::OpenOptions::new().write(true).open("/dev/full").ok()
}

/// Standard error that cannot be written (`2>/dev/full`) while warnings are printed: with
/// `--jobs 2` the run hung forever (`eprintln!` panicked in the worker that held the writer's
/// turn), with `--jobs 1` it exited 101 and lost the rest of the batch.
#[test]
fn an_unwritable_standard_error_neither_hangs_nor_stops_the_output() {
    let Some(_) = dev_full() else {
        eprintln!("skipped: no /dev/full");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        // Every file has an invalid byte, so every file gives a warning.
        write(dir.path(), &format!("{i:02}.txt"), b"Caf\xe9 \"We will stay,\" said Ortega.");
    }
    for jobs in ["1", "2"] {
        let child = Command::new(binary())
            .args(["annotate", "-j", jobs, &dir.path().display().to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(dev_full().unwrap())
            .spawn()
            .unwrap();
        let output = finish_within(child, 60, &format!("--jobs {jobs} 2>/dev/full"));
        assert_eq!(output.status.code(), Some(0), "--jobs {jobs}");
        assert_eq!(ids(&output).len(), 30, "--jobs {jobs}: every document is written");
        // A standard error whose reader has gone (`2>&1 | head -1`): the writes fail with EPIPE.
        let mut child = Command::new(binary())
            .args(["annotate", "-j", jobs, &dir.path().display().to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let output = finish_within(child, 60, &format!("--jobs {jobs} with standard error closed"));
        assert_eq!(output.status.code(), Some(0), "--jobs {jobs}");
        assert_eq!(ids(&output).len(), 30, "--jobs {jobs}: every document is written");
    }
}

/// A FIFO in a directory hung the run in `open`, waiting for a writer that never came: inside
/// a directory, only regular files are read.
#[test]
fn a_fifo_inside_a_directory_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"One.");
    let fifo = dir.path().join("c.txt");
    if !Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    write(dir.path(), "e.txt", b"Two.");
    let child = Command::new(binary())
        .args(["annotate", &dir.path().display().to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let output = finish_within(child, 30, "a FIFO in a directory");
    assert_eq!(output.status.code(), Some(0), "a skipped FIFO is not a failure");
    assert_eq!(ids(&output), ["a", "e"]);
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("newsnlp: {}: not a regular file, skipped\n", fifo.display())
    );
}

/// A FIFO named on the command line is read as a stream, like `-` (not a regression: this
/// worked before; it says what "skip anything that is not a regular file" does not cover).
#[test]
fn a_fifo_named_on_the_command_line_is_read_as_a_stream() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("live.txt");
    if !Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "“We are here,” said Ortega.".as_bytes()))
    };
    let child = Command::new(binary())
        .args(["annotate", &fifo.display().to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let output = finish_within(child, 30, "a FIFO on the command line");
    writer.join().unwrap().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let docs = stdout_lines(&output);
    assert_eq!((docs[0]["id"].as_str(), docs[0]["quotes"][0]["text"].as_str()), (Some("live"), Some("We are here,")));
}

/// `--jobs 10000` started a thread per document and panicked (exit 101) when the system would
/// not give that many stacks: here 300 FIFOs named on the command line keep every worker waiting
/// for its writer, so that all of them are alive at once, under a 400 MB address-space limit
/// (300 threads want 600 MB of stacks). The workers are capped, and a thread that cannot be
/// started is not an error.
#[test]
fn ten_thousand_jobs_under_a_memory_limit_annotate_everything() {
    use std::os::unix::fs::OpenOptionsExt;
    /// Linux's `O_NONBLOCK`: opening a FIFO to write fails at once while it has no reader.
    const O_NONBLOCK: i32 = 0o4000;
    let dir = tempfile::tempdir().unwrap();
    let mut fifos = Vec::new();
    for i in 0..300 {
        let fifo = dir.path().join(format!("{i:03}.txt"));
        if !Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        fifos.push(fifo.display().to_string());
    }
    // Two malloc arenas, so that the limit counts thread stacks rather than the arenas that
    // glibc reserves for each core.
    let mut args =
        vec!["-c".to_string(), "ulimit -v 409600 && exec \"$0\" annotate --jobs 10000 \"$@\"".to_string(), binary()];
    args.extend(fifos.iter().cloned());
    let mut child = Command::new("sh")
        .args(&args)
        .env("MALLOC_ARENA_MAX", "2")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Give the run the time to start its workers (all of them, before the fix), then feed the
    // FIFOs in order, each once its reader has opened it, while the run lives.
    std::thread::sleep(Duration::from_secs(1));
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut out).map(|_| out)
    });
    'feed: for fifo in &fifos {
        loop {
            match std::fs::OpenOptions::new().write(true).custom_flags(O_NONBLOCK).open(fifo) {
                Ok(mut pipe) => {
                    std::io::Write::write_all(&mut pipe, b"Article from Havana.").unwrap();
                    break;
                }
                Err(_) if child.try_wait().unwrap().is_none() && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(1));
                }
                Err(_) => break 'feed,
            }
        }
    }
    let status = finish_within_status(&mut child, deadline);
    let stdout = reader.join().unwrap().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status, Some(0), "{stderr}");
    assert_eq!(String::from_utf8(stdout).unwrap().lines().count(), 300);
}

/// The exit code of `child`, which is killed if it still runs at `deadline`.
fn finish_within_status(child: &mut Child, deadline: Instant) -> Option<i32> {
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after the deadline (a hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A user gazetteer entry "the", "said" or a one-letter name was accepted silently and turned
/// "the" into a speaker. One-character names are refused, common English words warned about,
/// and every malformed line is reported, not only the first.
#[test]
fn questionable_user_names_are_warned_about_or_refused_all_at_once() {
    let list = "PERSON\tthe\nPERSON\tsaid\nORG\tX\nPLACE\tHavana\nTOWN\tMatanzas\nPERSON\tRose\nPRISON\tK\tKilo 8\n";
    let error = Annotator::builder().gazetteer_text(list).build().unwrap_err().to_string();
    assert_eq!(
        error.lines().collect::<Vec<_>>(),
        [
            "<gazetteer>:3: \"X\" is a single character, which would match that character wherever it stands",
            "<gazetteer>:5: unknown label (expected PERSON, ORG, PLACE or PRISON), found \"TOWN\"",
            "<gazetteer>:7: \"K\" is a single character, which would match that character wherever it stands",
        ]
    );
    let annotator = Annotator::builder()
        .gazetteer_text("PERSON\tthe\nPERSON\tsaid\nPERSON\tRose\nPLACE\tHavana\n")
        .build()
        .unwrap();
    let warnings: Vec<String> = annotator.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "<gazetteer>:1: warning: \"the\" is a common English word: it will be found wherever the word is written so",
            "<gazetteer>:2: warning: \"said\" is a common English word: it will be found wherever the word is written so",
            "<gazetteer>:3: warning: \"Rose\" is also a common English word: it will be found wherever a sentence begins with it",
        ]
    );
}

/// A long text without blank lines was cut into sections at character boundaries, which made
/// names at every cut ("Ana Belkis" and "Ferrer García", or "Fe" and "rrer"). Sections of one
/// long line now end at a sentence end, or at a space before a lowercase word, or at a space.
#[test]
fn sections_of_one_long_line_are_cut_between_sentences_or_words() {
    let cases = [
        // Sentences: every section ends after a full stop.
        "Ana Belkis Ferrer García said the vigil went on. ",
        // No sentence end: every section ends at a space before a lowercase word.
        "then Ana Belkis Ferrer García spoke and ",
    ];
    for unit in cases {
        let text = unit.repeat(2000);
        let annotator = Annotator::builder().section_bytes(4000).build().unwrap();
        let annotations = annotator.annotate(&text);
        let names: Vec<&str> = annotations.mentions().iter().map(|m| &text[m.span()]).collect();
        assert_eq!(names.len(), 2000, "{unit:?}: {:?}", names.iter().find(|n| **n != "Ana Belkis Ferrer García"));
        assert!(names.iter().all(|n| *n == "Ana Belkis Ferrer García"), "{unit:?}");
    }
    // The issue's own case, 5 MB of "Mr. ", gave a person "Mr." at every cut: a title after a
    // title made a person of it, and a cut made the title the last word of a section.
    let text = "Mr. ".repeat(40_000);
    let annotations = Annotator::builder().section_bytes(4000).build().unwrap().annotate(&text);
    assert!(annotations.mentions().is_empty(), "{:?}", annotations.mentions().first().map(|m| m.span()));
}

/// `--version >/dev/full` exited 0 without a word: a failed write to standard output is
/// reported and exits 2, as for documents.
#[test]
fn version_help_and_rules_report_a_full_standard_output() {
    let Some(_) = dev_full() else {
        eprintln!("skipped: no /dev/full");
        return;
    };
    for args in [&["--version"][..], &["--help"][..], &["rules"][..], &["--licenses"][..]] {
        let output =
            Command::new(binary()).args(args).stdin(Stdio::null()).stdout(dev_full().unwrap()).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            "newsnlp: standard output: no space left on device\n",
            "{args:?}"
        );
    }
}

/// A file name that is not UTF-8 panicked (exit 101) in the argument parser.
#[test]
fn a_file_name_that_is_not_utf8_is_annotated() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let path = dir.path().join(name);
    if std::fs::write(&path, "“We stay,” said Ortega.").is_err() {
        eprintln!("skipped: the file system refuses such names");
        return;
    }
    let output = Command::new(binary()).arg("annotate").arg(&path).stdin(Stdio::null()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let docs = stdout_lines(&output);
    assert_eq!(docs[0]["id"], "caf\u{fffd}");
    assert_eq!(docs[0]["quotes"][0]["text"], "We stay,");
}

/// The contents of `/bin/ls` were annotated as text, and its NUL bytes reported as a "quote".
/// A file with a NUL byte is binary and skipped, as grep does.
#[test]
fn binary_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"One.");
    let mut program = b"\x7fELF\x02\x01\x01\x00\x00\x00\"quoted words\" here".to_vec();
    program.extend(std::iter::repeat_n(0u8, 64));
    let binary_file = write(dir.path(), "b.txt", &program);
    let output = newsnlp(&["annotate", &a, &binary_file], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(ids(&output), ["a"]);
    assert_eq!(String::from_utf8(output.stderr).unwrap(), format!("newsnlp: {binary_file}: binary file, skipped\n"));
    if Path::new("/bin/ls").exists() {
        let output = newsnlp(&["annotate", "/bin/ls"], None);
        assert_eq!(String::from_utf8(output.stderr).unwrap(), "newsnlp: /bin/ls: binary file, skipped\n");
        assert!(output.stdout.is_empty());
    }
}
