//! What every benchmark reads from its command line, its environment and the calendar.
//! Included by each bench with `#[path = "common/options.rs"] mod options;`.
//!
//! Smoke mode: `--smoke` after `--`, or `HEARTH_BENCH_SMOKE=1`, or no `--bench` among the
//! arguments. `cargo bench` passes `--bench` to a `harness = false` benchmark; `cargo test
//! --bench NAME` (the debug test profile) passes nothing but what follows `--`. So a bench
//! run by `cargo test` — built in debug, where `CARGO_BIN_EXE_hearth` is the debug binary
//! and a measurement means nothing — runs its smoke mode: tiny sizes, every code path,
//! results checked, in seconds. CI runs them all so (.ci/run).
#![allow(dead_code)]

use std::sync::OnceLock;

use chrono::NaiveDate;

/// The value after `name` on the command line.
pub fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// Whether `name` is on the command line.
pub fn flag(name: &str) -> bool {
    std::env::args().skip(1).any(|a| a == name)
}

/// Whether an environment variable is set to something other than empty or `0`.
pub fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Smoke mode (see the module docs).
pub fn smoke() -> bool {
    flag("--smoke") || env_flag("HEARTH_BENCH_SMOKE") || !flag("--bench")
}

/// The PostgreSQL server a benchmark makes its databases on: `--postgres URL`, else the
/// tests' `HEARTH_TEST_POSTGRES_URL`, else the local server.
pub fn postgres() -> String {
    arg("--postgres")
        .or_else(|| std::env::var("HEARTH_TEST_POSTGRES_URL").ok())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Under CI (`CI=true`), as the tests read it: a PostgreSQL that cannot be reached fails
/// a smoke run instead of skipping its PostgreSQL part.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Today on the local calendar, as `hearth` reads it (`hearth demo`, the desk), read once
/// per process — at the first call — so a run that crosses midnight keeps one calendar.
pub fn today() -> NaiveDate {
    static TODAY: OnceLock<NaiveDate> = OnceLock::new();
    *TODAY.get_or_init(|| chrono::Local::now().date_naive())
}
