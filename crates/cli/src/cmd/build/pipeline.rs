//! Preparing documents on every core while one thread takes them in order.
//!
//! Reading, checking and preparing a document (its data file, its quality figures, its terms)
//! is most of a build's work and depends on that document alone, so worker threads do it;
//! adding it to the bundle must follow catalog order, so the calling thread takes the results
//! one after another. Workers stay at most `window` documents ahead of the taker, which bounds
//! the memory the prepared documents take whatever the collection's size.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Duration;

/// Runs `work` on `0..count` on `jobs` threads and hands each result to `take`, in order; stops
/// at the first error `take` returns.
pub fn in_order<T: Send>(
    count: usize,
    jobs: usize,
    window: usize,
    work: impl Fn(usize) -> T + Sync,
    mut take: impl FnMut(usize, T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The results not yet taken, and the index of the next one to take.
    let state = Mutex::new((BTreeMap::<usize, T>::new(), 0usize));
    let changed = Condvar::new();
    let window = window.max(1);
    std::thread::scope(|scope| {
        let worker = || {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    return;
                }
                {
                    let mut guard = state.lock().unwrap_or_else(PoisonError::into_inner);
                    while i >= guard.1 + window && !stop.load(Ordering::Relaxed) {
                        guard = changed.wait(guard).unwrap_or_else(PoisonError::into_inner);
                    }
                }
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                let result = work(i);
                state.lock().unwrap_or_else(PoisonError::into_inner).0.insert(i, result);
                changed.notify_all();
            }
        };
        let workers: Vec<_> = (0..jobs.max(1)).map(|_| scope.spawn(worker)).collect();
        let mut outcome = Ok(());
        for i in 0..count {
            let result = {
                let mut guard = state.lock().unwrap_or_else(PoisonError::into_inner);
                loop {
                    if let Some(result) = guard.0.remove(&i) {
                        guard.1 = i + 1;
                        break Some(result);
                    }
                    if workers.iter().all(|w| w.is_finished()) {
                        break None;
                    }
                    // A worker that panics tells no one: look again now and then.
                    let tick = Duration::from_millis(100);
                    guard =
                        changed.wait_timeout(guard, tick).unwrap_or_else(PoisonError::into_inner).0;
                }
            };
            changed.notify_all();
            // A worker that panicked left its document unmade: its panic is raised below.
            let Some(result) = result else { break };
            if let Err(error) = take(i, result) {
                outcome = Err(error);
                break;
            }
        }
        stop.store(true, Ordering::Relaxed);
        changed.notify_all();
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::in_order;

    #[test]
    fn results_are_taken_in_order_whatever_finishes_first() {
        let mut taken = Vec::new();
        let work = |i: usize| {
            // Later items finish first: the taker must still see them in order.
            let spin = (50 - i % 50) * 1000;
            std::hint::black_box((0..spin).fold(0usize, |a, b| std::hint::black_box(a ^ b)));
            i * 2
        };
        in_order(200, 4, 8, work, |i, value| {
            taken.push((i, value));
            Ok(())
        })
        .expect("no error");
        let expected: Vec<(usize, usize)> = (0..200).map(|i| (i, i * 2)).collect();
        assert_eq!(taken, expected);
    }

    #[test]
    fn an_error_stops_the_run() {
        let mut taken = 0;
        let outcome = in_order(
            1000,
            2,
            4,
            |i| i,
            |i, _| {
                taken += 1;
                if i == 10 { Err(anyhow::anyhow!("stop at 10")) } else { Ok(()) }
            },
        );
        assert!(outcome.is_err());
        assert_eq!(taken, 11);
    }
}
