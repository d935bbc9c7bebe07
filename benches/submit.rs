//! Load benchmark of participant submissions.
//!
//! Drives concurrent form submissions against the release `hearth serve` on SQLite and on
//! PostgreSQL, and — in the same run, on the same machine — against a bare axum endpoint
//! that only reads the form body and answers 303 (the ceiling any handler could reach).
//! Every server is its own process; the load generator is this process.
//!
//! Two modes per target:
//! - closed loop: `--concurrency` workers submit back to back for `--seconds`: the most
//!   accepted submissions per second;
//! - open loop: submissions are sent on a fixed schedule of `--rate` per second; latency is
//!   measured from each submission's scheduled time, so a stalled server cannot hide its
//!   queueing (no coordinated omission).
//!
//! After each Hearth run the store is counted: "committed" is rows actually in the
//! database, which must equal the 303s received.
//!
//! Run: `cargo bench --bench submit` (options after `--`: `--seconds 5 --concurrency 64
//! --rate 1000 --postgres URL --only bare|sqlite|postgres --smoke`).
//!
//! Smoke mode (`--smoke`, `HEARTH_BENCH_SMOKE=1`, or run by `cargo test`: see
//! benches/common/options.rs): every target, 0.5 s per measurement after a 0.5 s warm-up,
//! 4 workers, 40/s, against the `hearth` binary of the build profile
//! (`CARGO_BIN_EXE_hearth`: the debug one under `cargo test`); every run must have
//! submissions accepted and none refused. PostgreSQL is skipped, loudly, when it cannot be
//! reached — except under `CI=true`, where that fails.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;
use domain::Store;
use load::{Outcome, closed_loop, open_loop, sessions, start, stored};
use sqlx::{Connection, Executor, PgConnection};

#[path = "common/load.rs"]
mod load;
#[path = "common/options.rs"]
mod options;

use options::{arg, flag, in_ci, smoke};

struct Options {
    smoke: bool,
    /// Each measurement's length, and the warm-up's before a target's first.
    seconds: Duration,
    warmup: Duration,
    concurrency: usize,
    rate: u64,
    postgres: String,
    /// Run one target only: `bare`, `sqlite` or `postgres` (ratios need all three).
    only: Option<String>,
}

fn options() -> Options {
    let smoke = smoke();
    let seconds = arg("--seconds").map_or(if smoke { 0.5 } else { 5.0 }, |v| v.parse().unwrap());
    Options {
        smoke,
        seconds: Duration::from_secs_f64(seconds),
        warmup: Duration::from_secs_f64(if smoke { 0.5 } else { 1.0 }),
        concurrency: arg("--concurrency")
            .map_or(if smoke { 4 } else { 64 }, |v| v.parse().unwrap()),
        rate: arg("--rate").map_or(if smoke { 40 } else { 1000 }, |v| v.parse().unwrap()),
        postgres: options::postgres(),
        only: arg("--only"),
    }
}

fn main() {
    if flag("--bare-server") {
        return bare_server();
    }
    let opts = options();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run(opts));
}

/// The reference ceiling: read the urlencoded body, answer 303. No parsing, no store.
fn bare_server() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        async fn accept(body: Bytes) -> impl IntoResponse {
            std::hint::black_box(body);
            (
                StatusCode::SEE_OTHER,
                [(header::LOCATION, "/s/XXXXXX/thanks")],
            )
        }
        let app = Router::new().route("/s/{code}", post(accept));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        eprintln!(
            "bare axum listening on http://{}",
            listener.local_addr().unwrap()
        );
        axum::serve(listener, app).await.unwrap();
    });
}

/// A smoke run's check of every run: something accepted, nothing refused.
fn sane(opts: &Options, target: &str, mode: &str, o: &Outcome) {
    if opts.smoke {
        assert!(o.accepted > 0, "{target}, {mode}: nothing accepted");
        assert_eq!(o.other, 0, "{target}, {mode}: submissions not accepted");
    }
}

fn row(target: &str, mode: &str, o: &Outcome, committed: Option<i64>) {
    println!(
        "| {target} | {mode} | {:.0} | {:.2} | {:.2} | {} | {} |",
        o.rate(),
        o.percentile(0.5),
        o.percentile(0.99),
        committed.map_or("–".to_owned(), |c| c.to_string()),
        o.other,
    );
}

async fn bench_hearth(label: &str, url: &str, opts: &Options) -> (f64, Outcome) {
    let store = Store::connect(url).await.unwrap();
    store.migrate().await.unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_hearth"));
    command
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("HEARTH_DATABASE_URL", url)
        .env_remove("RUST_LOG");
    let (mut child, port) = start(command);
    // Enough places for the fastest plausible run (20k/s), in sessions of 1000.
    let needed =
        ((20_000 + opts.rate) as f64 * opts.seconds.as_secs_f64() / 1000.0).ceil() as usize + 10;
    let urls = sessions(&store, &format!("http://127.0.0.1:{port}"), needed).await;
    let warm = closed_loop(urls.clone(), opts.concurrency, opts.warmup).await;
    sane(opts, label, "warm-up", &warm);
    let before = stored(&store).await;
    let closed = closed_loop(urls.clone(), opts.concurrency, opts.seconds).await;
    let after_closed = stored(&store).await;
    let mode = format!("closed loop, {} workers", opts.concurrency);
    row(label, &mode, &closed, Some(after_closed - before));
    sane(opts, label, &mode, &closed);
    assert_eq!(
        (after_closed - before) as usize,
        closed.accepted,
        "303s and committed rows differ"
    );
    let open = open_loop(urls, opts.rate, opts.seconds).await;
    let after_open = stored(&store).await;
    let mode = format!("open loop, {}/s", opts.rate);
    row(label, &mode, &open, Some(after_open - after_closed));
    sane(opts, label, &mode, &open);
    assert_eq!(
        (after_open - after_closed) as usize,
        open.accepted,
        "303s and committed rows differ"
    );
    let _ = child.kill();
    let _ = child.wait();
    store.close().await;
    (closed.rate(), open)
}

async fn run(opts: Options) {
    println!(
        "machine: {} cores; {}s per measurement; load generator and server share the machine{}\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        opts.seconds.as_secs_f64(),
        if opts.smoke {
            " (smoke run: tiny sizes; these figures are not measurements)"
        } else {
            ""
        }
    );
    println!("hearth: {}\n", env!("CARGO_BIN_EXE_hearth"));
    println!("| target | mode | accepted/s | p50 ms | p99 ms | committed | not accepted |");
    println!("|---|---|---|---|---|---|---|");

    let wanted = |target: &str| opts.only.as_deref().is_none_or(|only| only == target);
    let mut bare_rate = f64::NAN;
    if wanted("bare") {
        let mut bare = Command::new(std::env::current_exe().unwrap());
        bare.arg("--bare-server");
        let (mut bare_child, bare_port) = start(bare);
        let bare_urls = Arc::new(vec![format!("http://127.0.0.1:{bare_port}/s/XXXXXX")]);
        let label = "bare axum (ceiling)";
        let warm = closed_loop(bare_urls.clone(), opts.concurrency, opts.warmup).await;
        sane(&opts, label, "warm-up", &warm);
        let bare = closed_loop(bare_urls.clone(), opts.concurrency, opts.seconds).await;
        let mode = format!("closed loop, {} workers", opts.concurrency);
        row(label, &mode, &bare, None);
        sane(&opts, label, &mode, &bare);
        let bare_open = open_loop(bare_urls, opts.rate, opts.seconds).await;
        let mode = format!("open loop, {}/s", opts.rate);
        row(label, &mode, &bare_open, None);
        sane(&opts, label, &mode, &bare_open);
        let _ = bare_child.kill();
        let _ = bare_child.wait();
        bare_rate = bare.rate();
    }

    let (mut sqlite_rate, mut pg_rate) = (f64::NAN, f64::NAN);
    let dir = tempfile::tempdir().unwrap();
    let sqlite_url = format!("sqlite:{}", dir.path().join("bench.db").display());
    if wanted("sqlite") {
        sqlite_rate = bench_hearth("hearth, SQLite", &sqlite_url, &opts).await.0;
    }

    // A smoke run skips PostgreSQL, loudly, when it cannot be reached, as the tests do;
    // never under CI. A measurement needs it.
    let admin = if wanted("postgres") {
        match PgConnection::connect(&opts.postgres).await {
            Ok(admin) => Some(admin),
            Err(error) if opts.smoke && !in_ci() => {
                eprintln!(
                    "SKIPPED: PostgreSQL at {} is unreachable ({error}); set CI=true to make this fail",
                    opts.postgres
                );
                None
            }
            Err(error) => panic!("PostgreSQL for the benchmark: {error}"),
        }
    } else {
        None
    };
    if let Some(mut admin) = admin {
        let name = format!("hearth_bench_{:08x}", rand::random::<u32>());
        admin
            .execute(format!("create database {name}").as_str())
            .await
            .unwrap();
        let (base, _) = opts.postgres.rsplit_once('/').unwrap();
        pg_rate = bench_hearth("hearth, PostgreSQL", &format!("{base}/{name}"), &opts)
            .await
            .0;
        admin
            .execute(format!("drop database {name} with (force)").as_str())
            .await
            .unwrap();
    }

    println!();
    println!(
        "ratio to the bare endpoint (closed loop): SQLite {:.2}, PostgreSQL {:.2}",
        sqlite_rate / bare_rate,
        pg_rate / bare_rate
    );
}
