//! Annotating in parallel with the output in input order, for any source of documents and any
//! way of writing them.
//!
//! There is no writer thread: the worker that finishes the document next in line writes it, and
//! any finished ones after it, so that no thread wakes per document (a writer thread cost a
//! context switch per document and a third thread on the cores). Workers never run more than
//! `4 × workers` documents ahead of the output, so memory stays bounded however many documents
//! there are, also on an endless stream; only then do they wait. The source is read by one
//! worker at a time, in order, so a stream is read as it comes.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// No run has more workers than this, however many `--jobs` asks for: the work is bound by the
/// processor, so workers beyond the cores only add threads (and a memory limit may not allow
/// ten thousand thread stacks).
pub const MAX_WORKERS: usize = 64;

/// How many workers a run gets: as many as asked, but no more than the documents (when their
/// number is known) nor [`MAX_WORKERS`], and at least one.
pub fn workers(asked: usize, documents: Option<usize>) -> usize {
    asked.min(documents.unwrap_or(usize::MAX)).clamp(1, MAX_WORKERS)
}

/// Whether to go on after writing a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Go,
    /// The output is gone (a closed pipe, a full disk): stop reading and annotating.
    Stop,
}

/// Takes jobs from `next` in order, turns each into a result with `work` on up to `workers`
/// threads, and hands the results to `emit` in the order of the jobs. Returns whether `emit`
/// stopped the run.
///
/// A worker thread that cannot be started (the system's thread or memory limit) is not an error:
/// the run goes on with the workers it has, the calling thread among them.
pub fn ordered<J, T>(
    workers: usize,
    next: &mut (dyn FnMut() -> Option<J> + Send),
    work: &(dyn Fn(J) -> T + Sync),
    emit: &mut (dyn FnMut(T) -> Flow + Send),
) -> Flow
where
    J: Send,
    T: Send,
{
    if workers <= 1 {
        while let Some(job) = next() {
            if emit(work(job)) == Flow::Stop {
                return Flow::Stop;
            }
        }
        return Flow::Go;
    }
    let shared = Shared {
        source: Mutex::new(next),
        queue: Mutex::new(Queue {
            next_input: 0,
            next_output: 0,
            done: BTreeMap::new(),
            writing: false,
            exhausted: false,
        }),
        window_moved: Condvar::new(),
        window: workers * 4,
        emit: Mutex::new(emit),
        stop: AtomicBool::new(false),
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            let spawned = std::thread::Builder::new().spawn_scoped(scope, || worker(work, &shared));
            if spawned.is_err() {
                break;
            }
        }
        worker(work, &shared);
    });
    if shared.stop.load(Ordering::Relaxed) { Flow::Stop } else { Flow::Go }
}

/// Where a parallel run stands: the next job to take, finished results waiting for their turn,
/// the next one to write, whether a worker is writing now, and whether the source is done.
struct Queue<T> {
    next_input: usize,
    next_output: usize,
    done: BTreeMap<usize, T>,
    writing: bool,
    exhausted: bool,
}

struct Shared<'a, J, T> {
    source: Mutex<&'a mut (dyn FnMut() -> Option<J> + Send)>,
    queue: Mutex<Queue<T>>,
    /// Signalled when the output moves on, when the source is done, and on stop.
    window_moved: Condvar,
    window: usize,
    emit: Mutex<&'a mut (dyn FnMut(T) -> Flow + Send)>,
    stop: AtomicBool,
}

/// Locks a mutex, also one poisoned by a panic (the library's panics are caught per document, so
/// none is expected; should one happen, the data behind the lock is still whole).
fn lock<X: ?Sized>(mutex: &Mutex<X>) -> MutexGuard<'_, X> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn worker<J, T>(work: &(dyn Fn(J) -> T + Sync), shared: &Shared<'_, J, T>) {
    loop {
        // Take the next job: one worker reads the source at a time, so jobs are numbered in order.
        let (index, job) = {
            let mut source = lock(&shared.source);
            let mut state = lock(&shared.queue);
            loop {
                if shared.stop.load(Ordering::Relaxed) || state.exhausted {
                    return;
                }
                if state.next_input < state.next_output + shared.window {
                    break;
                }
                state = shared.window_moved.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            // The source may block (a stream): read it without holding the queue, so that the
            // others can write what they have finished meanwhile.
            drop(state);
            let job = (*source)();
            let mut state = lock(&shared.queue);
            match job {
                Some(job) => {
                    state.next_input += 1;
                    (state.next_input - 1, job)
                }
                None => {
                    state.exhausted = true;
                    shared.window_moved.notify_all();
                    return;
                }
            }
        };
        let result = work(job);
        let mut state = lock(&shared.queue);
        state.done.insert(index, result);
        if state.writing {
            // The worker writing now will find this one if it is next.
            continue;
        }
        state.writing = true;
        // Write every finished result that is next in line; others may finish meanwhile.
        loop {
            let mut ready = Vec::new();
            loop {
                let next = state.next_output;
                let Some(result) = state.done.remove(&next) else { break };
                ready.push(result);
                state.next_output += 1;
            }
            if ready.is_empty() {
                state.writing = false;
                break;
            }
            drop(state);
            shared.window_moved.notify_all();
            let mut emit = lock(&shared.emit);
            for result in ready {
                if (*emit)(result) == Flow::Stop {
                    shared.stop.store(true, Ordering::Relaxed);
                    drop(emit);
                    let _state = lock(&shared.queue);
                    shared.window_moved.notify_all();
                    return;
                }
            }
            drop(emit);
            state = lock(&shared.queue);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_are_capped_by_documents_and_maximum() {
        assert_eq!(workers(10_000, Some(3)), 3);
        assert_eq!(workers(10_000, None), MAX_WORKERS);
        assert_eq!(workers(4, Some(1_000)), 4);
        assert_eq!(workers(4, Some(0)), 1);
    }

    #[test]
    fn results_come_in_order_with_any_number_of_workers() {
        for n in [1, 2, 4, 8] {
            let mut jobs = 0..500u64;
            let mut next = move || jobs.next();
            // Uneven work, so that jobs finish out of order.
            let work = |i: u64| {
                let spin = (i * 7919) % 2000;
                (0..spin).fold(i, |a, b| a.wrapping_mul(31).wrapping_add(b)) ^ i ^ i
            };
            let mut seen = Vec::new();
            let mut emit = |_r: u64| {
                seen.push(seen.len());
                Flow::Go
            };
            assert_eq!(ordered(n, &mut next, &work, &mut emit), Flow::Go);
            assert_eq!(seen.len(), 500);
        }
        // The results themselves are in order.
        let mut jobs = 0..300usize;
        let mut next = move || jobs.next();
        let mut out = Vec::new();
        let mut emit = |r: usize| {
            out.push(r);
            Flow::Go
        };
        ordered(4, &mut next, &|i| i, &mut emit);
        assert_eq!(out, (0..300).collect::<Vec<_>>());
    }

    #[test]
    fn a_stop_ends_the_run() {
        let mut jobs = 0..10_000usize;
        let mut next = move || jobs.next();
        let mut written = 0;
        let mut emit = |_r: usize| {
            written += 1;
            if written == 10 { Flow::Stop } else { Flow::Go }
        };
        assert_eq!(ordered(4, &mut next, &|i| i, &mut emit), Flow::Stop);
        assert_eq!(written, 10);
    }
}
