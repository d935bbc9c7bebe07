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
//! --rate 1000 --postgres URL`).

use std::process::Command;
use std::sync::Arc;

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

struct Options {
    seconds: u64,
    concurrency: usize,
    rate: u64,
    postgres: String,
    /// Run one target only: `bare`, `sqlite` or `postgres` (ratios need all three).
    only: Option<String>,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    Options {
        seconds: value("--seconds").map_or(5, |v| v.parse().unwrap()),
        concurrency: value("--concurrency").map_or(64, |v| v.parse().unwrap()),
        rate: value("--rate").map_or(1000, |v| v.parse().unwrap()),
        postgres: value("--postgres")
            .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".into()),
        only: value("--only"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--bare-server") {
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
        (20_000 * opts.seconds as usize + opts.rate as usize * opts.seconds as usize) / 1000 + 10;
    let urls = sessions(&store, &format!("http://127.0.0.1:{port}"), needed).await;
    closed_loop(urls.clone(), opts.concurrency, 1).await; // warm-up
    let before = stored(&store).await;
    let closed = closed_loop(urls.clone(), opts.concurrency, opts.seconds).await;
    let after_closed = stored(&store).await;
    row(
        label,
        &format!("closed loop, {} workers", opts.concurrency),
        &closed,
        Some(after_closed - before),
    );
    assert_eq!(
        (after_closed - before) as usize,
        closed.accepted,
        "303s and committed rows differ"
    );
    let open = open_loop(urls, opts.rate, opts.seconds).await;
    let after_open = stored(&store).await;
    row(
        label,
        &format!("open loop, {}/s", opts.rate),
        &open,
        Some(after_open - after_closed),
    );
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
        "machine: {} cores; {}s per measurement; load generator and server share the machine\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        opts.seconds
    );
    println!("| target | mode | accepted/s | p50 ms | p99 ms | committed | not accepted |");
    println!("|---|---|---|---|---|---|---|");

    let wanted = |target: &str| opts.only.as_deref().is_none_or(|only| only == target);
    let mut bare_rate = f64::NAN;
    if wanted("bare") {
        let mut bare = Command::new(std::env::current_exe().unwrap());
        bare.arg("--bare-server");
        let (mut bare_child, bare_port) = start(bare);
        let bare_urls = Arc::new(vec![format!("http://127.0.0.1:{bare_port}/s/XXXXXX")]);
        closed_loop(bare_urls.clone(), opts.concurrency, 1).await;
        let bare = closed_loop(bare_urls.clone(), opts.concurrency, opts.seconds).await;
        row(
            "bare axum (ceiling)",
            &format!("closed loop, {} workers", opts.concurrency),
            &bare,
            None,
        );
        let bare_open = open_loop(bare_urls, opts.rate, opts.seconds).await;
        row(
            "bare axum (ceiling)",
            &format!("open loop, {}/s", opts.rate),
            &bare_open,
            None,
        );
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

    if wanted("postgres") {
        let mut admin = PgConnection::connect(&opts.postgres)
            .await
            .expect("PostgreSQL for the benchmark");
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
