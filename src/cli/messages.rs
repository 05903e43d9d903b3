//! Messages on standard error, and the progress bar.
//!
//! Writing to standard error never panics and never stops the run: `eprintln!` panics when the
//! write fails (`2>/dev/full`, or `2>&1 | head -1` once `head` has gone), and a worker that
//! panicked while it held the writer's turn hung every other worker of a parallel run. Here a
//! message that cannot be written is dropped: the documents still go to standard output.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

/// The progress bar of the run, when one is shown: messages are printed above it.
static PROGRESS: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// A run shows a progress bar from this many documents on (and only on a terminal): a short run
/// is over before a bar would say anything.
pub const PROGRESS_FROM: u64 = 100;

/// Prints `newsnlp: {line}` on standard error; a failed write is ignored.
pub fn say(line: &str) {
    let progress = PROGRESS.lock().unwrap_or_else(|e| e.into_inner());
    let write = || {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(stderr, "newsnlp: {line}");
    };
    match progress.as_ref() {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// The progress of a run over `total` documents (`None`: a stream of unknown length).
pub struct Progress {
    bar: Option<ProgressBar>,
    done: u64,
    /// Whether standard error is a terminal: only then is there a bar.
    terminal: bool,
}

impl Progress {
    /// Starts counting; a bar is drawn on standard error only when it is a terminal and the run
    /// has [`PROGRESS_FROM`] documents or more (a stream, once it has read that many).
    pub fn start(total: Option<u64>) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let mut progress = Progress { bar: None, done: 0, terminal };
        if terminal && total.is_some_and(|n| n >= PROGRESS_FROM) {
            progress.show(total);
        }
        progress
    }

    fn show(&mut self, total: Option<u64>) {
        let (bar, template) = match total {
            Some(n) => (ProgressBar::new(n), "{bar:40} {pos}/{len} documents, {elapsed} so far, {eta} left"),
            None => (ProgressBar::new_spinner(), "{spinner} {pos} documents, {elapsed} so far"),
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_position(self.done);
        *PROGRESS.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar.clone());
        self.bar = Some(bar);
    }

    /// One more document written.
    pub fn step(&mut self) {
        self.done += 1;
        match &self.bar {
            Some(bar) => bar.inc(1),
            None if self.terminal && self.done == PROGRESS_FROM => self.show(None),
            None => {}
        }
    }

    /// Removes the bar.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            PROGRESS.lock().unwrap_or_else(|e| e.into_inner()).take();
            bar.finish_and_clear();
        }
    }
}
