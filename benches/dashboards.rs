//! Benchmark of the two heaviest staff pages — the manager's program overview
//! (`GET /staff/programs/{id}`) and the funder's quarterly report
//! (`GET /staff/reports/{quarter}`) — over 100 k and 10 M stored, released responses, on
//! SQLite and on PostgreSQL, side by side in one run.
//!
//! For each store and size: a fresh SQLite file or a fresh PostgreSQL database (created
//! on the server given by `--postgres` and dropped at the end), the synthetic network of
//! benches/release.rs (benches/common) with N responses in the last full quarter before
//! today, the quarter's three months released as of today and then the quarter
//! (`analytics::release::release`, secure noise), then the
//! real application in process (`hearth::AppState::new` + `hearth::app`, an axum Router). A
//! manager (of "Program 1") and a portfolio funder are added, and each signs in through
//! the real routes: GET the sign-in form (CSRF cookie and token), POST it, keep the
//! session cookie. On PostgreSQL the new database is vacuumed and analysed once it is
//! built, so no autovacuum of the bulk load runs during the timed requests.
//!
//! What is timed is server time without a network (PostgreSQL over loopback TCP): from
//! handing the request to the router (`tower::ServiceExt::oneshot` on a clone of it)
//! until the whole body has been read, through every layer — session lookup in the
//! store, the CSRF cookie, the access check, the page's queries, charts and template.
//!
//! - "first request": the first GET of the page on a freshly built application state (no
//!   release in memory yet), after one throwaway request per store on another state has
//!   paid the process's (and the store's) one-time costs, which are reported on their own
//!   lines;
//! - then every page of every store and size is warmed up (`--warmup`, 20), and timed
//!   `--rounds` (200) times, interleaved (round by round: SQLite 100 k overview, report,
//!   SQLite 10 M overview, report, then the same on PostgreSQL), so drift on this shared
//!   machine hits every store and size alike.
//!
//! Run: `cargo bench --bench dashboards` (options after `--`: `--stores sqlite,postgres` —
//! by default SQLite, and PostgreSQL when the server answers —, `--postgres URL`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`), `--sizes 100000,10000000`,
//! `--quick` for 100 k only — or `HEARTH_BENCH_QUICK=1` —, `--rounds 200`, `--warmup 20`,
//! `--smoke`).
//!
//! Smoke mode (`--smoke`, `HEARTH_BENCH_SMOKE=1`, or run by `cargo test`: see
//! benches/common/options.rs): 20,000 responses on a network of 2 × 4 circles, SQLite and
//! PostgreSQL (skipped, loudly, when it cannot be reached — except under `CI=true`, where
//! that fails), 3 timed rounds after 1 warm-up, and the statement count read without
//! waiting for PostgreSQL's statistics (so not a count). Every page is still checked.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

#[path = "common/mod.rs"]
mod common;
/// Signing in through the real routes, as the dashboard tests do.
#[path = "../tests/common/http.rs"]
mod http;
#[path = "common/options.rs"]
mod options;

use std::io::Write as _;
use std::time::Instant;

use analytics::period::Period;
use analytics::release::{self, ReleaseOptions};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Network, PgDatabase, generate, quantile, reachable};
use dashboards::account::{self, NewUser};
use domain::Store;
use options::{arg, env_flag, flag, in_ci, smoke, today};
use sqlx::{Connection, Executor, PgConnection};
use tower::ServiceExt as _;

const PASSWORD: &str = "bench password, long enough";
const MANAGER: &str = "manager@bench.test";
const FUNDER: &str = "funder@bench.test";
/// The program the manager runs (benches/common names programs "Program 1" to "Program 8").
const PROGRAM_ID: i32 = 1;
const PROGRAM_NAME: &str = "Program 1";
/// The requirement: median server time per page.
const TARGET_MS: f64 = 10.0;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run());
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Overview,
    Report,
}

impl Which {
    const BOTH: [Which; 2] = [Which::Overview, Which::Report];

    /// The page, for the released `quarter`.
    fn path(self, quarter: Period) -> String {
        match self {
            Which::Overview => format!("/staff/programs/{PROGRAM_ID}"),
            Which::Report => format!("/staff/reports/{quarter}"),
        }
    }

    fn label(self, quarter: Period) -> String {
        match self {
            Which::Overview => format!("manager overview `GET {}`", self.path(quarter)),
            Which::Report => format!("funder report `GET {}`", self.path(quarter)),
        }
    }

    /// Text the page must hold for the request to count.
    fn expect(self, quarter: Period) -> [String; 3] {
        match self {
            Which::Overview => [PROGRAM_NAME, "program overview", "<svg"].map(str::to_owned),
            Which::Report => [
                "Portfolio report".to_owned(),
                quarter.to_string(),
                PROGRAM_NAME.to_owned(),
            ],
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Sqlite,
    Postgres,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Sqlite => "SQLite",
            Kind::Postgres => "PostgreSQL",
        }
    }
}

/// Where one site's data lives, kept for as long as the site.
enum Place {
    Sqlite {
        _dir: tempfile::TempDir,
        path: std::path::PathBuf,
    },
    Postgres {
        _database: PgDatabase,
    },
}

/// One stored, released network and the application over it.
struct Site {
    kind: Kind,
    n: u64,
    /// The quarter released (its months too).
    quarter: Period,
    store: Store,
    router: Router,
    manager: String,
    funder: String,
    db_mib: f64,
    /// Seconds to generate and store; to release the three months; the quarter.
    setup: (f64, f64, f64),
    /// Kept for as long as the site: the files, or the database.
    _place: Place,
}

impl Site {
    fn cookie(&self, which: Which) -> &str {
        match which {
            Which::Overview => &self.manager,
            Which::Report => &self.funder,
        }
    }

    fn name(&self) -> String {
        format!("{} {}", self.kind.label(), human(self.n))
    }

    /// One timed GET of a page through `router`, checked; milliseconds and body bytes.
    async fn time(&self, router: &Router, which: Which) -> (f64, usize) {
        let path = which.path(self.quarter);
        let request = Request::get(&path)
            .header(header::COOKIE, self.cookie(which))
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
        for text in which.expect(self.quarter) {
            assert!(
                body.contains(&text),
                "{path} ({}) lacks {text:?}",
                self.name()
            );
        }
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
    hearth::app(state)
}

async fn build(kind: Kind, n: u64, network: Network, postgres: &str) -> Site {
    let (place, url) = match kind {
        Kind::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("bench.db");
            let url = format!("sqlite:{}", path.display());
            (Place::Sqlite { _dir: dir, path }, url)
        }
        Kind::Postgres => {
            let database = PgDatabase::create(postgres).await;
            let url = database.url();
            (
                Place::Postgres {
                    _database: database,
                },
                url,
            )
        }
    };
    let label = format!("{} N = {n}", kind.label());
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();

    // Months come before their quarter; all of them over by today.
    let today = today();
    let quarter = common::quarter(today);
    let started = Instant::now();
    generate(&store, n, quarter, network).await;
    let stored: i64 = sqlx::query_scalar("select count(*) from response")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(stored, n as i64, "responses stored");
    let generated = started.elapsed().as_secs_f64();
    eprintln!("{label}: generated and stored in {generated:.0} s");

    let (mut months, mut quarter_s) = (0.0, 0.0);
    for period in quarter.months().into_iter().chain([quarter]) {
        let started = Instant::now();
        let summary = release::release(&store, period, today, &ReleaseOptions::seedless_quiet())
            .await
            .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        if period == quarter {
            quarter_s = seconds;
        } else {
            months += seconds;
        }
        eprintln!(
            "{label}: released {period} ({} cells) in {seconds:.1} s",
            summary.cells,
        );
        assert!(summary.cells > 0, "{label}: {period} released no cell");
    }

    for (email, role, program) in [
        (MANAGER, "manager", Some(PROGRAM_NAME)),
        (FUNDER, "funder", None),
    ] {
        account::add_user(
            &store,
            &NewUser::new(email, role, program).unwrap(),
            PASSWORD.into(),
        )
        .await
        .unwrap();
    }
    let router = app(&store).await;
    let manager = http::sign_in(&router, MANAGER, PASSWORD).await.header();
    let funder = http::sign_in(&router, FUNDER, PASSWORD).await.header();
    let db_bytes = match &place {
        Place::Sqlite { path, .. } => {
            std::fs::metadata(path).map_or(0.0, |m| m.len() as f64)
                + std::fs::metadata(path.with_extension("db-wal")).map_or(0.0, |m| m.len() as f64)
        }
        Place::Postgres { .. } => {
            // A settled database: the bulk load vacuumed now rather than by autovacuum
            // during the timed requests.
            let started = Instant::now();
            let mut conn = PgConnection::connect(store.url()).await.unwrap();
            conn.execute("vacuum (analyze)").await.unwrap();
            conn.close().await.unwrap();
            eprintln!(
                "{label}: vacuumed and analysed in {:.0} s",
                started.elapsed().as_secs_f64()
            );
            let bytes: i64 = sqlx::query_scalar("select pg_database_size(current_database())")
                .fetch_one(store.pool())
                .await
                .unwrap();
            bytes as f64
        }
    };
    Site {
        kind,
        n,
        quarter,
        store,
        router,
        manager,
        funder,
        db_mib: db_bytes / (1024.0 * 1024.0),
        setup: (generated, months, quarter_s),
        _place: place,
    }
}

fn human(n: u64) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{} M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{} k", n / 1_000),
        n => n.to_string(),
    }
}

async fn run() {
    let smoke = smoke();
    let quick = flag("--quick") || env_flag("HEARTH_BENCH_QUICK");
    let sizes: Vec<u64> = match arg("--sizes") {
        Some(list) => list.split(',').map(|s| s.trim().parse().unwrap()).collect(),
        None if smoke => vec![20_000],
        None if quick => vec![100_000],
        None => vec![100_000, 10_000_000],
    };
    let network = if smoke { Network::SMOKE } else { Network::FULL };
    let rounds: usize = arg("--rounds").map_or(if smoke { 3 } else { 200 }, |r| r.parse().unwrap());
    let warmup: usize = arg("--warmup").map_or(if smoke { 1 } else { 20 }, |r| r.parse().unwrap());
    let postgres = options::postgres();
    let kinds: Vec<Kind> = match arg("--stores") {
        Some(list) => list
            .split(',')
            .map(|s| match s.trim().to_ascii_lowercase().as_str() {
                "sqlite" => Kind::Sqlite,
                "postgres" | "postgresql" => Kind::Postgres,
                other => panic!("--stores: unknown store {other:?} (sqlite, postgres)"),
            })
            .collect(),
        None if reachable(&postgres).await => vec![Kind::Sqlite, Kind::Postgres],
        // As the tests: under CI a smoke run that cannot reach PostgreSQL fails.
        None if smoke && in_ci() => panic!("PostgreSQL at {postgres} is unreachable under CI=true"),
        None => {
            eprintln!("PostgreSQL does not answer (--postgres to point elsewhere): SQLite only");
            vec![Kind::Sqlite]
        }
    };

    let mut sites = Vec::new();
    for &kind in &kinds {
        for &n in &sizes {
            sites.push(build(kind, n, network, &postgres).await);
        }
    }

    // The process's one-time costs (first template, chart, translation lookups…), and then
    // each further store's, paid on a throwaway application state so they fall into no
    // size's figures.
    let mut process_first = Vec::new();
    for &kind in &kinds {
        let site = sites.iter().find(|s| s.kind == kind).unwrap();
        let throwaway = app(&site.store).await;
        let (overview, _) = site.time(&throwaway, Which::Overview).await;
        let (report, _) = site.time(&throwaway, Which::Report).await;
        process_first.push((site.name(), overview, report));
    }

    // The first request of each page on a fresh state: no release in memory yet.
    let mut first = vec![[0.0f64; 2]; sites.len()];
    for (s, site) in sites.iter().enumerate() {
        for (w, which) in Which::BOTH.into_iter().enumerate() {
            let fresh = app(&site.store).await;
            first[s][w] = site.time(&fresh, which).await.0;
        }
    }

    for site in &sites {
        for which in Which::BOTH {
            for _ in 0..warmup {
                site.time(&site.router, which).await;
            }
        }
    }
    let mut times = vec![[Vec::with_capacity(rounds), Vec::with_capacity(rounds)]; sites.len()];
    let mut body = vec![[0usize; 2]; sites.len()];
    for _ in 0..rounds {
        for (s, site) in sites.iter().enumerate() {
            for (w, which) in Which::BOTH.into_iter().enumerate() {
                let (ms, bytes) = site.time(&site.router, which).await;
                times[s][w].push(ms);
                body[s][w] = bytes;
            }
        }
    }

    // What one statement costs on each store: a trivial query through the store's pool
    // (the pages' statements are small, so this is most of what each of them pays).
    let mut trivial: Vec<(Kind, Vec<f64>)> = kinds.iter().map(|&k| (k, Vec::new())).collect();
    for _ in 0..rounds {
        for (kind, ms) in &mut trivial {
            let site = sites.iter().find(|s| s.kind == *kind).unwrap();
            let started = Instant::now();
            let one: i32 = sqlx::query_scalar("select 1")
                .fetch_one(site.store.pool())
                .await
                .unwrap();
            ms.push(started.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(one, 1);
        }
    }

    // How many statements a warm page sends on PostgreSQL: this database's committed
    // transactions (one per statement outside a transaction) over 100 requests of each
    // page, read after the server has flushed its statistics (backends do within 10 s of
    // going idle). A smoke run sends 10 and does not wait: its figure is not a count.
    let (flush_wait, requests) = if smoke { (0, 10) } else { (11, 100) };
    let mut statements = Vec::new();
    if let Some(site) = sites.iter().find(|s| s.kind == Kind::Postgres) {
        let xacts = || async {
            tokio::time::sleep(std::time::Duration::from_secs(flush_wait)).await;
            let mut conn = PgConnection::connect(site.store.url()).await.unwrap();
            let n: i64 = sqlx::query_scalar(
                "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()",
            )
            .fetch_one(&mut conn)
            .await
            .unwrap();
            conn.close().await.unwrap();
            n
        };
        for which in Which::BOTH {
            let before = xacts().await;
            for _ in 0..requests {
                site.time(&site.router, which).await;
            }
            let after = xacts().await;
            assert!(
                after >= before,
                "pg_stat_database went back: {before} → {after}"
            );
            // Less the one this count's own connection commits.
            statements.push((which, (after - before - 1) as f64 / requests as f64));
        }
    }

    // What a cold page pays: loading a stored release into memory (the median of 5 loads).
    let quarter = sites[0].quarter;
    let periods: Vec<Period> = quarter.months().into_iter().chain([quarter]).collect();
    let mut loads = vec![vec![(0usize, 0i64, 0.0f64); periods.len()]; sites.len()];
    for (s, site) in sites.iter().enumerate() {
        for (p, &period) in periods.iter().enumerate() {
            let mut ms = Vec::new();
            let mut cells = 0;
            for _ in 0..5 {
                let started = Instant::now();
                let release = analytics::view::load_release(&site.store, period)
                    .await
                    .unwrap()
                    .expect("a stored release");
                ms.push(started.elapsed().as_secs_f64() * 1000.0);
                cells = release.cells.len();
            }
            ms.sort_by(f64::total_cmp);
            let counts: i64 = sqlx::query_scalar(
                "select count(*) from release_count c join data_release r on r.id = c.release_id where r.period = $1",
            )
            .bind(period.to_string())
            .fetch_one(site.store.pool())
            .await
            .unwrap();
            assert!(
                cells > 0 && counts > 0,
                "{}: {period} holds no cell",
                site.name()
            );
            loads[s][p] = (cells, counts, quantile(&ms, 0.5));
        }
    }

    println!(
        "\nmachine: {} cores; {}; {rounds} timed requests per page, store and size after {warmup} warm-up, interleaved\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        kinds
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" and "),
    );
    for site in &sites {
        println!(
            "setup, {}: generated and stored in {:.0} s, three months released in {:.1} s, the quarter in {:.1} s",
            site.name(),
            site.setup.0,
            site.setup.1,
            site.setup.2
        );
    }
    println!(
        "\n| store | page | stored responses | database MiB | first request on a fresh state ms | median ms | p90 ms | min ms | max ms | body KiB |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut medians = vec![[0.0f64; 2]; sites.len()];
    let mut p90s = vec![[0.0f64; 2]; sites.len()];
    for &kind in &kinds {
        for (w, which) in Which::BOTH.into_iter().enumerate() {
            for (s, site) in sites.iter().enumerate().filter(|(_, s)| s.kind == kind) {
                let mut sorted = times[s][w].clone();
                sorted.sort_by(f64::total_cmp);
                medians[s][w] = quantile(&sorted, 0.5);
                p90s[s][w] = quantile(&sorted, 0.9);
                println!(
                    "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.0} |",
                    kind.label(),
                    which.label(quarter),
                    human(site.n),
                    site.db_mib,
                    first[s][w],
                    medians[s][w],
                    p90s[s][w],
                    sorted[0],
                    sorted[sorted.len() - 1],
                    body[s][w] as f64 / 1024.0,
                );
            }
        }
    }
    println!();
    for (i, (name, overview, report)) in process_first.iter().enumerate() {
        println!(
            "First request of the {} (one-time costs, on a throwaway state, {name}): overview {overview:.2} ms, then report {report:.2} ms.",
            if i == 0 { "process" } else { "next store" }
        );
    }
    for (kind, ms) in &mut trivial {
        ms.sort_by(f64::total_cmp);
        println!(
            "One trivial statement (`select 1`) through the {} pool: median {:.3} ms, p90 {:.3} ms ({rounds} times, interleaved).",
            kind.label(),
            quantile(ms, 0.5),
            quantile(ms, 0.9)
        );
    }
    for (which, per_request) in &statements {
        println!(
            "PostgreSQL, {}: {per_request:.1} statements per warm request (pg_stat_database, {requests} requests{}).",
            which.label(quarter),
            if smoke {
                "; smoke run: not waited for the statistics, so not a count"
            } else {
                ""
            }
        );
    }
    for &kind in &kinds {
        let of_kind: Vec<usize> = (0..sites.len())
            .filter(|&s| sites[s].kind == kind)
            .collect();
        let (Some(&a), Some(&b)) = (
            of_kind.iter().min_by_key(|&&s| sites[s].n),
            of_kind.iter().max_by_key(|&&s| sites[s].n),
        ) else {
            continue;
        };
        if a == b {
            continue;
        }
        for (w, which) in Which::BOTH.into_iter().enumerate() {
            println!(
                "Ratio {} / {}, {}, {}: median {:.2}, p90 {:.2}, first request {:.2}.",
                human(sites[b].n),
                human(sites[a].n),
                kind.label(),
                which.label(quarter),
                medians[b][w] / medians[a][w],
                p90s[b][w] / p90s[a][w],
                first[b][w] / first[a][w],
            );
        }
    }
    println!(
        "\n| release | cells | stored counts | {} |",
        sites
            .iter()
            .map(|site| format!("load into memory, {} (ms, median of 5)", site.name()))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|---|---|{}", "---|".repeat(sites.len()));
    for (p, period) in periods.iter().enumerate() {
        println!(
            "| {period} | {} | {} | {} |",
            loads[0][p].0,
            loads[0][p].1,
            loads
                .iter()
                .map(|l| format!("{:.1}", l[p].2))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    let worst = medians
        .iter()
        .flat_map(|m| m.iter().copied())
        .fold(0.0, f64::max);
    println!(
        "\nTarget: median under {TARGET_MS} ms at every store and size — {} (worst median {worst:.2} ms).",
        if smoke {
            "not judged: a smoke run (tiny sizes, few requests) measures nothing"
        } else if worst < TARGET_MS {
            "met"
        } else {
            "NOT met"
        }
    );
    let _ = std::io::stdout().flush();

    // Close the pools before the PostgreSQL databases are dropped.
    for site in &sites {
        site.store.close().await;
    }
    drop(sites);
}
