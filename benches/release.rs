//! Benchmark of releasing a quarter of 1 M and 10 M synthetic responses — its three months,
//! then the quarter — on SQLite and on PostgreSQL, against a plain SQL GROUP BY of the same
//! counts in the same store.
//!
//! Synthetic data: 8 programs × 25 circles, a session a week through the last full quarter
//! before today, ratings drawn with rand_distr around a latent mean per circle (a few
//! troubled circles lower), skips, first-time answers and ticked options; written in bulk
//! (rusqlite; PostgreSQL COPY). The releases are made as of today (read once, in the
//! parent, and handed to the child).
//!
//! The releases run in a child process (`hearth`'s own release code, seeded), so peak
//! memory is its own. Each period — the three months, then the quarter, which is the sum of
//! its months and reads no response — is measured: peak RSS is reset before it
//! (`/proc/self/clear_refs`), read after loading, reset, and read again at the end, giving
//! load and pipeline peaks separately.
//!
//! Run: `cargo bench --bench release` (options after `--`: `--sizes 1000000,10000000`,
//! `--only sqlite|postgres`, `--postgres URL`, `--smoke`).
//!
//! Smoke mode (`--smoke`, `HEARTH_BENCH_SMOKE=1`, or run by `cargo test`: see
//! benches/common/options.rs): 20,000 responses on a network of 2 × 4 circles, both stores
//! (PostgreSQL skipped, loudly, when it cannot be reached — except under `CI=true`, where
//! that fails), every period released through the same child; each release must have
//! cells and the reference GROUP BY must count every response.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use std::io::Write as _;
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use analytics::period::Period;
use analytics::progress::Checkpoints;
use analytics::release::{self, ReleaseOptions};
use chrono::NaiveDate;
use domain::Store;
use domain::instrument::{Helped, Hindered, Index, Item};
use sqlx::{Connection, Executor, PgConnection, Row};

#[path = "common/mod.rs"]
mod common;
#[path = "common/options.rs"]
mod options;

use common::{Network, generate};
use options::{arg, in_ci, smoke, today};

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    if let Some(url) = arg("--child") {
        let today = arg("--today")
            .expect("--today with --child")
            .parse()
            .unwrap();
        return runtime.block_on(child(url, today));
    }
    runtime.block_on(run());
}

static LOAD_PEAK_KIB: AtomicU64 = AtomicU64::new(0);
static PIPELINE_PEAK_KIB: AtomicU64 = AtomicU64::new(0);

fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn checkpoint(stage: &'static str) {
    match stage {
        "loaded" => {
            LOAD_PEAK_KIB.store(peak_rss_kib(), Ordering::SeqCst);
            // Reset the high-water mark to the current RSS, so the next reading is the
            // pipeline's own peak (Linux ≥ 4.0).
            let _ = std::fs::write("/proc/self/clear_refs", "5");
        }
        _ => PIPELINE_PEAK_KIB.store(peak_rss_kib(), Ordering::SeqCst),
    }
}

/// Child: releases the quarter's three months and then the quarter, each measured, as of
/// the parent's `today`, and prints one line of figures per period.
async fn child(url: String, today: NaiveDate) {
    let store = Store::connect(&url).await.unwrap();
    let quarter = common::quarter(today);
    let periods: Vec<Period> = quarter.months().into_iter().chain([quarter]).collect();
    for (i, period) in periods.into_iter().enumerate() {
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let options = ReleaseOptions::seeded(i as u64);
        let started = Instant::now();
        let summary =
            release::release_watched(&store, period, today, &options, &Checkpoints(checkpoint))
                .await
                .unwrap();
        println!(
            "RESULT {period} {} {:.2} {:.2} {:.2} {} {}",
            summary.cells,
            summary.timings.0,
            summary.timings.1,
            started.elapsed().as_secs_f64(),
            LOAD_PEAK_KIB.load(Ordering::SeqCst),
            PIPELINE_PEAK_KIB.load(Ordering::SeqCst),
        );
    }
}

/// The same counts as the release's program-quarter and portfolio cells, as one plain SQL
/// GROUP BY per level: what an analyst would write.
fn reference_sql(group_by_program: bool, period: Period) -> String {
    let mut sums = vec!["count(*)".to_owned()];
    for item in Item::ALL {
        for bin in 1..=5 {
            sums.push(format!(
                "sum(case when r.{} = {bin} then 1 else 0 end)",
                item.key()
            ));
        }
    }
    for index in Index::ALL {
        let items: Vec<&str> = index.items().map(Item::key).collect();
        let answered = items
            .iter()
            .map(|k| format!("(case when r.{k} is null then 0 else 1 end)"))
            .collect::<Vec<_>>()
            .join(" + ");
        let sum = items
            .iter()
            .map(|k| format!("coalesce(r.{k}, 0)"))
            .collect::<Vec<_>>()
            .join(" + ");
        let scored = format!("({answered}) >= {}", index.min_answered());
        sums.push(format!("sum(case when {scored} then 1 else 0 end)"));
        sums.push(format!(
            "sum(case when {scored} and 2 * ({sum}) > 7 * ({answered}) then 1 else 0 end)"
        ));
    }
    sums.push("sum(case when r.first_time = 1 then 1 else 0 end)".into());
    sums.push("sum(case when r.first_time = 0 then 1 else 0 end)".into());
    for c in Helped::ALL
        .iter()
        .map(|h| h.column())
        .chain(Hindered::ALL.iter().map(|h| h.column()))
    {
        sums.push(format!("sum(r.{c})"));
    }
    let (select, group) = if group_by_program {
        ("c.program_id, ", " group by c.program_id")
    } else {
        ("", "")
    };
    format!(
        "select {select}{} from response r join session s on s.id = r.session_id join circle c on c.id = s.circle_id \
         where s.held_on >= '{}' and s.held_on < '{}'{group}",
        sums.join(", "),
        period.start(),
        period.end()
    )
}

/// Seconds for the reference GROUP BYs of `quarter`, and the responses each level counted
/// (program, then portfolio: its `count(*)` summed over its rows).
async fn reference_seconds(store: &Store, quarter: Period) -> (f64, [i64; 2]) {
    let started = Instant::now();
    let mut counted = [0; 2];
    for (level, by_program) in [true, false].into_iter().enumerate() {
        let sql = reference_sql(by_program, quarter);
        // count(*) follows the program's id, when grouped by program.
        let column = usize::from(by_program);
        counted[level] = match store.backend() {
            domain::Backend::Sqlite => {
                let path = store.sqlite_path().expect("a SQLite file").to_owned();
                tokio::task::spawn_blocking(move || {
                    let conn = rusqlite::Connection::open(path).unwrap();
                    let mut statement = conn.prepare(&sql).unwrap();
                    let mut rows = statement.query([]).unwrap();
                    let mut total = 0;
                    while let Some(row) = rows.next().unwrap() {
                        total += row.get::<_, i64>(column).unwrap();
                    }
                    total
                })
                .await
                .unwrap()
            }
            domain::Backend::Postgres => {
                let mut conn = PgConnection::connect(store.url()).await.unwrap();
                let rows = sqlx::query(&sql).fetch_all(&mut conn).await.unwrap();
                rows.iter().map(|row| row.get::<i64, _>(column)).sum()
            }
        };
    }
    (started.elapsed().as_secs_f64(), counted)
}

async fn measure(label: &str, url: &str, n: u64, today: NaiveDate, network: Network) {
    let quarter = common::quarter(today);
    let store = Store::connect(url).await.unwrap();
    store.migrate().await.unwrap();
    let started = Instant::now();
    generate(&store, n, quarter, network).await;
    eprintln!(
        "{label}: generated {n} responses in {:.0}s",
        started.elapsed().as_secs_f64()
    );
    let (reference, counted) = reference_seconds(&store, quarter).await;
    assert_eq!(
        counted, [n as i64; 2],
        "{label}: the GROUP BYs (by program, portfolio) count every response"
    );
    store.close().await;
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--child", url, "--today", &today.to_string()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("RESULT "))
        .collect();
    if lines.len() != 4 {
        panic!(
            "the release child failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let mut total = 0.0;
    let mut peak: f64 = 0.0;
    for line in lines {
        // period, cells, load s, pipeline s, end to end s, load peak KiB, pipeline peak KiB
        let f: Vec<&str> = line.split_whitespace().skip(1).collect();
        let cells: usize = f[1].parse().unwrap();
        assert!(cells > 0, "{label}: the release of {} has no cell", f[0]);
        let (load, pipeline, end_to_end) = (
            f[2].parse::<f64>().unwrap(),
            f[3].parse::<f64>().unwrap(),
            f[4].parse::<f64>().unwrap(),
        );
        let (load_peak, pipe_peak) = (
            f[5].parse::<f64>().unwrap() / 1024.0,
            f[6].parse::<f64>().unwrap() / 1024.0,
        );
        total += end_to_end;
        peak = peak.max(load_peak).max(pipe_peak);
        println!(
            "| {label} | {n} | {} | {load:.2} | {load_peak:.0} | {pipeline:.2} | {pipe_peak:.0} | {end_to_end:.2} | |",
            f[0]
        );
    }
    println!(
        "| {label} | {n} | **the quarter, months included** | | | | {peak:.0} (peak) | **{total:.2}** | {reference:.2} s, ratio {:.2} |",
        total / reference
    );
    let _ = std::io::stdout().flush();
}

async fn run() {
    let smoke = smoke();
    let sizes: Vec<u64> = arg("--sizes")
        .unwrap_or_else(|| if smoke { "20000" } else { "1000000,10000000" }.into())
        .split(',')
        .map(|s| s.parse().unwrap())
        .collect();
    let network = if smoke { Network::SMOKE } else { Network::FULL };
    let only = arg("--only");
    let wanted = |store: &str| only.as_deref().is_none_or(|o| o == store);
    let postgres = options::postgres();
    // A smoke run skips PostgreSQL, loudly, when it cannot be reached, as the tests do;
    // never under CI. A measurement needs it.
    let mut with_postgres = wanted("postgres");
    if smoke
        && with_postgres
        && !in_ci()
        && let Err(error) = PgConnection::connect(&postgres).await
    {
        eprintln!(
            "SKIPPED: PostgreSQL at {postgres} is unreachable ({error}); set CI=true to make this fail"
        );
        with_postgres = false;
    }
    let today = today();
    let quarter = common::quarter(today);
    println!(
        "machine: {} cores; releases of {quarter}'s months and then of {quarter} as of {today}, seeded{}\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        if smoke { " (smoke run)" } else { "" }
    );
    println!(
        "| store | responses in the quarter | period | load s | load peak MiB | pipeline s | pipeline peak MiB | end to end s | SQL GROUP BY of the quarter |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for &n in &sizes {
        if wanted("sqlite") {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite:{}", dir.path().join("bench.db").display());
            measure("SQLite", &url, n, today, network).await;
        }
        if with_postgres {
            let mut admin = PgConnection::connect(&postgres).await.unwrap();
            let name = format!("hearth_bench_{:08x}", rand::random::<u32>());
            admin
                .execute(format!("create database {name}").as_str())
                .await
                .unwrap();
            let (base, _) = postgres.rsplit_once('/').unwrap();
            measure("PostgreSQL", &format!("{base}/{name}"), n, today, network).await;
            admin
                .execute(format!("drop database {name} with (force)").as_str())
                .await
                .unwrap();
        }
    }
}
