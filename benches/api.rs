//! Benchmark of the API's heaviest read: a funder's `GET /api/v1/releases/{quarter}/cells`
//! (every program's and the portfolio's figures of a quarter, as JSON) over N stored,
//! released responses, on SQLite and on PostgreSQL, side by side in one run.
//!
//! For each store and size: a fresh SQLite file or PostgreSQL database (dropped at the
//! end), the synthetic network of benches/common with N responses in the last full
//! quarter before today, its months and then the quarter released as of today, a funder's
//! token for all programs (`dashboards::api::token::add`), and the real application in
//! process (`hearth::AppState::new` + `hearth::app`). The rate limit is raised out of the
//! way (`with_api_limit`): it is what is measured otherwise, not the read. On PostgreSQL
//! the database is vacuumed and analysed once built.
//!
//! Timed: server time without a network — from handing the request to the router
//! (`oneshot`) until the whole body is read, through every layer: the token's lookup, the
//! rate limiter, the release (from memory after the first request), the JSON. "first" is
//! the first request on a fresh application state (no release in memory); then `--warmup`
//! (20) requests, then `--rounds` (200) timed, interleaved across stores and sizes.
//!
//! Run: `cargo bench --bench api` (options after `--`: `--stores sqlite,postgres`,
//! `--postgres URL`, `--sizes 100000,10000000`, `--rounds 200`, `--warmup 20`, `--smoke`).
//! Smoke mode (`--smoke`, `HEARTH_BENCH_SMOKE=1`, or run by `cargo test`): 20,000
//! responses on the small network, 3 rounds after 1 warm-up; every answer is checked.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

#[path = "common/mod.rs"]
mod common;
#[path = "common/options.rs"]
mod options;

use std::num::NonZeroU32;
use std::time::Instant;

use analytics::period::Period;
use analytics::release::{self, ReleaseOptions};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Network, PgDatabase, generate, quantile, reachable};
use dashboards::api::token::{self, NewToken};
use domain::Store;
use domain::audit::Actor;
use options::{arg, in_ci, smoke, today};
use sqlx::{Connection, Executor, PgConnection};
use tower::ServiceExt as _;

/// The requirement: median server time of the read.
const TARGET_MS: f64 = 10.0;

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(run());
}

/// One stored, released network, a funder's token, and the application over it.
struct Site {
    label: String,
    quarter: Period,
    store: Store,
    router: Router,
    token: String,
    _dir: Option<tempfile::TempDir>,
    _database: Option<PgDatabase>,
}

impl Site {
    /// One timed, checked GET of the quarter's cells through `router`: ms and bytes.
    async fn time(&self, router: &Router) -> (f64, usize) {
        let path = format!("/api/v1/releases/{}/cells", self.quarter);
        let request = Request::get(&path)
            .header(header::AUTHORIZATION, format!("Bearer {}", self.token))
            .body(Body::empty())
            .unwrap();
        let started = Instant::now();
        let response = router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let body = String::from_utf8_lossy(&bytes);
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        assert!(body.contains("\"program_quarter\"") && body.contains("\"portfolio_quarter\""));
        (ms, bytes.len())
    }
}

async fn app(store: &Store) -> Router {
    let state = hearth::AppState::new(
        store.clone(),
        collector::Settings::default(),
        "http://bench.test",
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    let mut state = state;
    state.dashboards = state
        .dashboards
        .with_api_limit(dashboards::ApiLimit(NonZeroU32::MAX));
    hearth::app(state)
}

async fn build(postgres: Option<&str>, n: u64, network: Network) -> Site {
    let (dir, database, url) = match postgres {
        None => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite:{}", dir.path().join("bench.db").display());
            (Some(dir), None, url)
        }
        Some(admin) => {
            let database = PgDatabase::create(admin).await;
            let url = database.url();
            (None, Some(database), url)
        }
    };
    let store_name = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let label = format!("{store_name} {n}");
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    let today = today();
    let quarter = common::quarter(today);
    let started = Instant::now();
    generate(&store, n, quarter, network).await;
    eprintln!(
        "{label}: generated and stored in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    for period in quarter.months().into_iter().chain([quarter]) {
        let started = Instant::now();
        let summary = release::release(&store, period, today, &ReleaseOptions::seedless_quiet())
            .await
            .unwrap();
        eprintln!(
            "{label}: released {period} ({} cells) in {:.1} s",
            summary.cells,
            started.elapsed().as_secs_f64()
        );
    }
    if postgres.is_some() {
        let mut conn = PgConnection::connect(store.url()).await.unwrap();
        conn.execute("vacuum (analyze)").await.unwrap();
        conn.close().await.unwrap();
    }
    let new = NewToken::new("bench", "funder", None).unwrap();
    let (_, text) = token::add(&store, Actor::CommandLine, &new).await.unwrap();
    Site {
        label,
        quarter,
        router: app(&store).await,
        store,
        token: text.expose().to_owned(),
        _dir: dir,
        _database: database,
    }
}

async fn run() {
    let smoke = smoke();
    let sizes: Vec<u64> = match arg("--sizes") {
        Some(list) => list.split(',').map(|s| s.trim().parse().unwrap()).collect(),
        None if smoke => vec![20_000],
        None => vec![100_000, 10_000_000],
    };
    let network = if smoke { Network::SMOKE } else { Network::FULL };
    let rounds: usize = arg("--rounds").map_or(if smoke { 3 } else { 200 }, |r| r.parse().unwrap());
    let warmup: usize = arg("--warmup").map_or(if smoke { 1 } else { 20 }, |r| r.parse().unwrap());
    let postgres = options::postgres();
    let stores: Vec<Option<&str>> = match arg("--stores").as_deref() {
        Some("sqlite") => vec![None],
        Some("postgres") => vec![Some(postgres.as_str())],
        Some(_) | None if reachable(&postgres).await => vec![None, Some(postgres.as_str())],
        _ if smoke && in_ci() => panic!("PostgreSQL at {postgres} is unreachable under CI=true"),
        _ => {
            eprintln!("PostgreSQL does not answer (--postgres to point elsewhere): SQLite only");
            vec![None]
        }
    };
    let mut sites = Vec::new();
    for &store in &stores {
        for &n in &sizes {
            sites.push(build(store, n, network).await);
        }
    }
    let mut first = Vec::new();
    for site in &sites {
        first.push(site.time(&app(&site.store).await).await.0);
        for _ in 0..warmup {
            site.time(&site.router).await;
        }
    }
    let mut times = vec![Vec::with_capacity(rounds); sites.len()];
    let mut bytes = vec![0; sites.len()];
    for _ in 0..rounds {
        for (s, site) in sites.iter().enumerate() {
            let (ms, size) = site.time(&site.router).await;
            times[s].push(ms);
            bytes[s] = size;
        }
    }
    println!(
        "\n| store, responses | first ms | median ms | p90 ms | p99 ms | body KiB | median < {TARGET_MS} ms |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (s, site) in sites.iter().enumerate() {
        let mut t = times[s].clone();
        t.sort_by(f64::total_cmp);
        let median = quantile(&t, 0.5);
        println!(
            "| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.1} | {} |",
            site.label,
            first[s],
            median,
            quantile(&t, 0.9),
            quantile(&t, 0.99),
            bytes[s] as f64 / 1024.0,
            if median < TARGET_MS { "yes" } else { "no" },
        );
    }
    if smoke {
        println!("(smoke run: a debug build and tiny sizes; these figures measure nothing)");
    }
}
