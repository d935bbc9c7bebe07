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

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;
use chrono::NaiveDate;
use collector::Store;
use collector::catalog::{self, NewSession};
use sqlx::{Connection, Executor, PgConnection};

const BODY: &str = "belong=5&welcome=4&heard=4&safe_to_share=3&not_judged=5&confidential=4\
    &own_pace=4&better=3&first_time=no&helped=listened&helped=stories&hindered=rushed";

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

/// Starts a server process and waits for its "listening on http://127.0.0.1:PORT" line.
fn start(mut command: Command) -> (Child, u16) {
    let mut child = command
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("listening on http://127.0.0.1:").nth(1) {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let _ = tx.send(digits.parse::<u16>().unwrap());
            }
        }
    });
    let port = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("server did not start");
    (child, port)
}

struct Outcome {
    accepted: usize,
    other: usize,
    latencies: Vec<Duration>,
    elapsed: Duration,
}

impl Outcome {
    fn percentile(&self, p: f64) -> f64 {
        let mut sorted = self.latencies.clone();
        sorted.sort_unstable();
        if sorted.is_empty() {
            return f64::NAN;
        }
        let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        sorted[i].as_secs_f64() * 1000.0
    }

    fn rate(&self) -> f64 {
        self.accepted as f64 / self.elapsed.as_secs_f64()
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(1024)
        .build()
        .unwrap()
}

async fn post_once(client: &reqwest::Client, url: &str) -> bool {
    match client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(BODY)
        .send()
        .await
    {
        Ok(response) => response.status() == StatusCode::SEE_OTHER,
        Err(_) => false,
    }
}

/// Back-to-back submissions from `concurrency` workers for `seconds`.
async fn closed_loop(urls: Arc<Vec<String>>, concurrency: usize, seconds: u64) -> Outcome {
    let client = client();
    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let mut workers = tokio::task::JoinSet::new();
    for w in 0..concurrency {
        let (client, urls) = (client.clone(), urls.clone());
        workers.spawn(async move {
            let (mut ok, mut other, mut latencies, mut n) = (0, 0, Vec::new(), w);
            while Instant::now() < deadline {
                let sent = Instant::now();
                if post_once(&client, &urls[n % urls.len()]).await {
                    ok += 1;
                } else {
                    other += 1;
                }
                latencies.push(sent.elapsed());
                n += concurrency;
            }
            (ok, other, latencies)
        });
    }
    let mut outcome = Outcome {
        accepted: 0,
        other: 0,
        latencies: Vec::new(),
        elapsed: Duration::ZERO,
    };
    for (ok, other, latencies) in workers.join_all().await {
        outcome.accepted += ok;
        outcome.other += other;
        outcome.latencies.extend(latencies);
    }
    outcome.elapsed = start.elapsed();
    outcome
}

/// Submissions on a fixed schedule; latency counts from the scheduled time.
async fn open_loop(urls: Arc<Vec<String>>, rate: u64, seconds: u64) -> Outcome {
    let client = client();
    let total = rate * seconds;
    let interval = Duration::from_secs_f64(1.0 / rate as f64);
    let start = Instant::now();
    let mut requests = tokio::task::JoinSet::new();
    for n in 0..total {
        let scheduled = start + interval * n as u32;
        tokio::time::sleep_until(scheduled.into()).await;
        let (client, url) = (client.clone(), urls[n as usize % urls.len()].clone());
        requests.spawn(async move {
            let ok = post_once(&client, &url).await;
            (ok, scheduled.elapsed())
        });
    }
    let mut outcome = Outcome {
        accepted: 0,
        other: 0,
        latencies: Vec::new(),
        elapsed: Duration::ZERO,
    };
    for (ok, latency) in requests.join_all().await {
        if ok {
            outcome.accepted += 1;
        } else {
            outcome.other += 1;
        }
        outcome.latencies.push(latency);
    }
    outcome.elapsed = start.elapsed();
    outcome
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

/// Opens enough sessions (capacity 1000 each) for every submission of a run.
async fn sessions(store: &Store, port: u16, count: usize) -> Arc<Vec<String>> {
    let date = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
    let mut urls = Vec::with_capacity(count);
    for i in 0..count {
        let new = NewSession::new(
            "Bench",
            &format!("Circle {}", i % 12),
            date,
            Some(1000),
            None,
            None,
        )
        .unwrap();
        let (session, _) = catalog::open_session(store, &new).await.unwrap();
        urls.push(format!("http://127.0.0.1:{port}/s/{}", session.code));
    }
    Arc::new(urls)
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
    let count = |store: Store| async move {
        sqlx::query_scalar::<_, i64>("select count(*) from response")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    // Enough places for the fastest plausible run (20k/s), in sessions of 1000.
    let needed =
        (20_000 * opts.seconds as usize + opts.rate as usize * opts.seconds as usize) / 1000 + 10;
    let urls = sessions(&store, port, needed).await;
    closed_loop(urls.clone(), opts.concurrency, 1).await; // warm-up
    let before = count(store.clone()).await;
    let closed = closed_loop(urls.clone(), opts.concurrency, opts.seconds).await;
    let after_closed = count(store.clone()).await;
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
    let after_open = count(store.clone()).await;
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
