//! The work loop shared by `parallax ingest` (which drains the queue and stops) and
//! `parallax worker` (which waits for more): claim a batch, analyse it in parallel while a
//! heartbeat renews the lease, store the results in one transaction, repeat.
//!
//! Invariant: an article is stored as analysed only by the worker holding its lease
//! ([`crate::Store::complete`] checks), so however many workers run, each article's
//! analysis is stored once; a worker that dies mid-batch loses nothing, because its
//! leases run out and the articles are claimed again.

use crate::{Analysis, Completion, Result, Store};
use parallax_core::Pipeline;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// What a worker does when the queue is empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhenIdle {
    /// Return as soon as nothing can be claimed.
    Stop,
    /// Return once nothing is pending or processing (for one-shot ingestion): articles
    /// leased to other workers are waited for, and claimed again if their lease runs out.
    Drain,
    /// Wait this long, then look again (for long-running workers).
    Poll(Duration),
}

#[derive(Clone, Debug)]
pub struct WorkerConfig {
    /// Names this worker in leases; must be unique among running workers.
    pub name: String,
    /// Articles claimed at once.
    pub batch_size: usize,
    /// How long a claim lasts without a heartbeat; heartbeats come every third of it.
    pub lease: Duration,
    pub when_idle: WhenIdle,
}

impl WorkerConfig {
    pub fn new(name: impl Into<String>) -> WorkerConfig {
        WorkerConfig { name: name.into(), batch_size: 32, lease: Duration::from_secs(60), when_idle: WhenIdle::Stop }
    }
}

/// A name unique to this process: host, process id and start time.
pub fn default_worker_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "host".to_owned());
    format!("{host}-{}-{}", std::process::id(), crate::time::now_millis())
}

/// Progress, for progress bars and logs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerEvent {
    Claimed(usize),
    /// One article of the claimed batch has been analysed.
    Analysed,
    /// A batch was stored.
    Stored {
        stored: usize,
        failed: usize,
        lease_lost: usize,
    },
    /// The queue was empty.
    Idle,
}

/// What a worker did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkerReport {
    pub batches: usize,
    /// Articles analysed and stored.
    pub stored: usize,
    /// Articles stored as failed, with their reason.
    pub failed: usize,
    /// Articles whose lease ran out before they were stored (another worker took them).
    pub lease_lost: usize,
    /// Heartbeats that could not be written (the lease may then run out).
    pub heartbeat_errors: usize,
}

/// Runs the work loop until the queue is empty ([`WhenIdle::Stop`], [`WhenIdle::Drain`]) or
/// `stop` is set.
pub fn run_worker(
    store: &dyn Store,
    pipeline: &Pipeline,
    config: &WorkerConfig,
    stop: &AtomicBool,
    on_event: &(dyn Fn(WorkerEvent) + Sync),
) -> Result<WorkerReport> {
    let mut report = WorkerReport::default();
    // Articles stored since the search index was last tidied.
    let mut untidy = 0;
    while !stop.load(Ordering::Relaxed) {
        let claimed = store.claim(&config.name, config.batch_size, config.lease)?;
        if claimed.is_empty() {
            store.tidy_search_index(std::mem::take(&mut untidy))?;
            on_event(WorkerEvent::Idle);
            match config.when_idle {
                WhenIdle::Stop => break,
                WhenIdle::Drain if store.counts()?.processing == 0 => break,
                WhenIdle::Drain => {
                    sleep_unless_stopped(Duration::from_millis(200), stop);
                    continue;
                }
                WhenIdle::Poll(wait) => {
                    sleep_unless_stopped(wait, stop);
                    continue;
                }
            }
        }
        on_event(WorkerEvent::Claimed(claimed.len()));
        let ids: Vec<i64> = claimed.iter().map(|c| c.id).collect();
        let docs = claimed.into_iter().map(|c| c.doc).collect();
        let (analysed, heartbeat_errors) = std::thread::scope(|scope| {
            let (done, finished) = mpsc::channel::<()>();
            let ids = &ids;
            let heartbeat = scope.spawn(move || {
                let mut errors = 0;
                let every = (config.lease / 3).max(Duration::from_millis(10));
                while let Err(mpsc::RecvTimeoutError::Timeout) = finished.recv_timeout(every) {
                    if store.heartbeat(&config.name, ids, config.lease).is_err() {
                        errors += 1;
                    }
                }
                errors
            });
            let analysed = pipeline.run_batch(docs, &|| on_event(WorkerEvent::Analysed));
            drop(done);
            (analysed, heartbeat.join().unwrap_or(0))
        });
        report.heartbeat_errors += heartbeat_errors;
        let results: Vec<(i64, Analysis)> =
            ids.iter().zip(analysed).map(|(&id, result)| (id, result.map_err(|error| error.to_string()))).collect();
        let completions = store.complete(&config.name, results)?;
        let (mut stored, mut failed, mut lease_lost) = (0, 0, 0);
        for completion in completions {
            match completion {
                Completion::Stored { .. } => stored += 1,
                Completion::Failed => failed += 1,
                Completion::LeaseLost => lease_lost += 1,
            }
        }
        report.batches += 1;
        report.stored += stored;
        untidy += stored;
        report.failed += failed;
        report.lease_lost += lease_lost;
        on_event(WorkerEvent::Stored { stored, failed, lease_lost });
    }
    // A stopped worker leaves what it stored tidy too.
    store.tidy_search_index(untidy)?;
    Ok(report)
}

fn sleep_unless_stopped(wait: Duration, stop: &AtomicBool) {
    let step = Duration::from_millis(50);
    let mut waited = Duration::ZERO;
    while waited < wait && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(step.min(wait - waited));
        waited += step;
    }
}
