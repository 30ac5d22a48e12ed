//! Work on all cores, results in input order: workers take the next item, a result waits until
//! every earlier one has been handed on. At most `window` items are in flight or waiting, so
//! memory stays bounded however many items there are and however slow one of them is.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// Runs `work` on every item on `jobs` threads; `consume` gets the results in item order, on
/// the calling thread. Stops handing out work once `consume` returns an error, and returns it.
pub fn ordered<T, R, E>(
    items: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let jobs = jobs.clamp(1, items.len().max(1));
    let window = jobs * 16;
    let next = AtomicUsize::new(0);
    // How many results the calling thread has consumed; workers wait on it to keep the window.
    let done = (Mutex::new(0usize), Condvar::new());
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel::<(usize, R)>();
        for _ in 0..jobs {
            let sender = sender.clone();
            let (next, done, stop, work) = (&next, &done, &stop, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() || stop.load(Ordering::Relaxed) {
                    break;
                }
                let mut consumed = done.0.lock().expect("no worker panics while holding it");
                while i >= *consumed + window && !stop.load(Ordering::Relaxed) {
                    consumed = done.1.wait(consumed).expect("no worker panics while holding it");
                }
                drop(consumed);
                if sender.send((i, work(&items[i]))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut expected = 0;
        let mut outcome = Ok(());
        for (i, result) in receiver {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&expected) {
                if outcome.is_ok() {
                    outcome = consume(expected, result);
                    if outcome.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
                expected += 1;
                *done.0.lock().expect("no worker panics while holding it") = expected;
                done.1.notify_all();
            }
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_item_order_whatever_the_timing() {
        let items: Vec<u64> = (0..500).collect();
        let mut seen = Vec::new();
        let result: Result<(), ()> = ordered(
            &items,
            4,
            |&n| {
                if n % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(300));
                }
                n * 2
            },
            |i, r| {
                seen.push((i, r));
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(seen, items.iter().map(|&n| (n as usize, n * 2)).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_stops_the_work() {
        let items: Vec<u32> = (0..10_000).collect();
        let mut consumed = 0;
        let result = ordered(&items, 2, |&n| n, |i, _| if i == 10 { Err("stop") } else { consumed += 1; Ok(()) });
        assert_eq!(result, Err("stop"));
        assert_eq!(consumed, 10);
    }
}
