//! How a running release is watched: spinners on the command line, memory readings in the
//! release benchmark, nothing when `serve` releases by itself. Kept apart from what a
//! release is ([`crate::release::ReleaseOptions`]: its noise and who asked for it), so
//! watching a release can never change what it releases.

use std::sync::{Mutex, PoisonError};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// What a release tells whoever watches it. Every method does nothing unless an observer
/// overrides it.
pub trait Progress: Sync {
    /// A stage begins (`"loading responses"`); it runs until [`Progress::finished`].
    fn started(&self, _stage: &'static str) {}

    /// The stage begun last is over, with what it did (`"responses loaded"`).
    fn finished(&self, _outcome: &str) {}

    /// A point the release benchmark reads peak memory at: `"loaded"` once the period's
    /// responses are in memory (a quarter reads none), `"done"` once the release is stored.
    fn checkpoint(&self, _at: &'static str) {}
}

/// Watches nothing: releases run by the schedule, tests.
pub struct Quiet;

impl Progress for Quiet {}

/// A spinner per stage on standard error when it is a terminal (`hearth release`);
/// nothing otherwise.
pub struct Bars {
    bars: MultiProgress,
    current: Mutex<Option<ProgressBar>>,
}

impl Bars {
    pub fn on_terminal() -> Bars {
        use std::io::IsTerminal;
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        Bars {
            bars: MultiProgress::with_draw_target(target),
            current: Mutex::new(None),
        }
    }

    /// The spinner of the stage under way. A poisoned lock only means a thread panicked
    /// while drawing; the spinner is still fit to use.
    fn current(&self) -> std::sync::MutexGuard<'_, Option<ProgressBar>> {
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Progress for Bars {
    fn started(&self, stage: &'static str) {
        let bar = self.bars.add(ProgressBar::new_spinner());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("a valid template"),
        );
        bar.set_message(stage);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        *self.current() = Some(bar);
    }

    fn finished(&self, outcome: &str) {
        if let Some(bar) = self.current().take() {
            bar.finish_with_message(outcome.to_owned());
        }
    }
}

/// Calls a function at each checkpoint and watches nothing else (the release benchmark).
pub struct Checkpoints(pub fn(&'static str));

impl Progress for Checkpoints {
    fn checkpoint(&self, at: &'static str) {
        (self.0)(at)
    }
}
