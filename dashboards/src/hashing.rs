//! The queue every argon2 hash and check waits in: at most one per CPU at a time, the rest
//! wait their turn (first come, first served) instead of being refused.
//!
//! Sign-in used to refuse everyone once a per-instance bucket was empty, so one anonymous
//! client posting random emails locked every staff member out. Argon2 is slow on purpose;
//! what must be bounded is how much of it runs at once, not who may try. A flood now makes
//! sign-in slower for everyone (the balancer's per-address limit, deploy/haproxy.cfg,
//! keeps one source from queueing much), never impossible.

use std::sync::{Arc, OnceLock};

use tokio::sync::Semaphore;
use tokio::task::JoinError;

/// A bounded queue for blocking, CPU-heavy work.
pub(crate) struct HashQueue {
    permits: Arc<Semaphore>,
}

impl HashQueue {
    pub(crate) fn new(at_once: usize) -> HashQueue {
        HashQueue {
            permits: Arc::new(Semaphore::new(at_once.max(1))),
        }
    }

    /// Runs `work` on the blocking pool once a place is free. The place goes with the
    /// work: a request dropped while its hash runs (the client went away) keeps its place
    /// until the hash is done, so disconnecting cannot pile up unbounded work.
    pub(crate) async fn run<T, F>(&self, work: F) -> Result<T, JoinError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .expect("the queue's semaphore is never closed");
        tokio::task::spawn_blocking(move || {
            let _place = permit;
            work()
        })
        .await
    }
}

/// This process's queue: one place per CPU.
pub(crate) fn queue() -> &'static HashQueue {
    static QUEUE: OnceLock<HashQueue> = OnceLock::new();
    QUEUE
        .get_or_init(|| HashQueue::new(std::thread::available_parallelism().map_or(2, |n| n.get())))
}

/// Runs argon2 work (hashing or checking a password) in [`queue`].
pub(crate) async fn run<T, F>(work: F) -> Result<T, JoinError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    queue().run(work).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_queue_bounds_how_much_runs_at_once_and_refuses_nobody() {
        let queue = Arc::new(HashQueue::new(2));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..12)
            .map(|k| {
                let (queue, running, most) = (queue.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    queue
                        .run(move || {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            std::thread::sleep(Duration::from_millis(30));
                            running.fetch_sub(1, Ordering::SeqCst);
                            k
                        })
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut done = vec![];
        for task in tasks {
            done.push(task.await.unwrap());
        }
        done.sort();
        assert_eq!(done, (0..12).collect::<Vec<_>>(), "every one ran");
        assert_eq!(
            most.load(Ordering::SeqCst),
            2,
            "never more than two at once"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_dropped_request_keeps_its_place_until_its_work_is_done() {
        let queue = Arc::new(HashQueue::new(1));
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let q = queue.clone();
        let first = tokio::spawn(async move {
            q.run(move || {
                rx.recv().unwrap();
            })
            .await
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        first.abort(); // the client went away; its hash still runs
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(queue.permits.available_permits(), 0);
        tx.send(()).unwrap();
        let second = tokio::time::timeout(Duration::from_secs(5), queue.run(|| 7)).await;
        assert_eq!(second.unwrap().unwrap(), 7);
    }
}
