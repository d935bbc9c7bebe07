//! Scale-out benchmark (issue 10): participant submissions through HAProxy, run from the
//! shipped `deploy/haproxy.cfg` exactly as tests/common/cluster.rs runs it, in front of 1,
//! 2 and 3 release `hearth serve` processes on one fresh PostgreSQL database — and, in the
//! same run, one instance reached directly (no balancer), the reference for the ratios.
//!
//! Every target is measured once per round, rounds interleave the targets (direct, →1,
//! →2, →3, direct, …) so drift on a shared machine hits them alike; the summary takes the
//! median over rounds. Per target and round:
//! - closed loop: `--concurrency` workers submit back to back for `--seconds`;
//! - open loop: `--rate` submissions per second on a fixed schedule for `--seconds`,
//!   latency counted from each one's scheduled send time (no coordinated omission).
//!
//! Each run gets its own fresh sessions of capacity 1000 (the most one session takes),
//! enough of them for the fastest plausible run, and spreads its submissions over them
//! round robin. After each run the store is counted: the rows committed must equal the
//! 303s received, or the benchmark fails.
//!
//! Then the dashboards: `hearth demo --no-serve` seeds the same database before the
//! instances start (a year of a synthetic network, released month by month); the demo
//! manager signs in once through the balancer, and the manager overview page is timed
//! (whole body read, checked) directly and through each balancer, request by request
//! interleaved.
//!
//! The submissions' sessions are held today (benches/common/load.rs): the demo has
//! released every month before this one, never this one.
//!
//! Run: `cargo bench --bench scale` (options after `--`: `--seconds 5 --rounds 3
//! --concurrency 64 --rate 1000 --instances 3 --pages 200 --postgres URL --smoke`).
//!
//! Smoke mode (`--smoke`, `HEARTH_BENCH_SMOKE=1`, or run by `cargo test`: see
//! benches/common/options.rs): the same steps with 2 instances (so targets direct, → 1 and
//! → 2), one round of 0.5 s measurements after a 0.5 s warm-up, 4 workers, 40/s, and 5
//! pages per target after 2 warm-up, against the `hearth` binary of the build profile
//! (`CARGO_BIN_EXE_hearth`: the debug one under `cargo test`); every run must have
//! submissions accepted and none refused. Like the scale tests, it needs PostgreSQL and
//! HAProxy; without PostgreSQL it is skipped, loudly — except under `CI=true`, where that
//! fails.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use std::sync::Arc;
use std::time::{Duration, Instant};

use analytics::period::Period;
use domain::Store;
use load::{Outcome, closed_loop, held_on, open_loop, percentile_ms, sessions, stored};

#[path = "common/load.rs"]
mod load;
#[path = "common/options.rs"]
mod options;

#[path = "../tests/common/mod.rs"]
mod common;

use common::TestDb;
use common::cluster::{Balancer, Browser, hearth, wait_until_balanced};
use common::server::Server;

struct Options {
    smoke: bool,
    /// Each measurement's length, and the warm-up's before each run.
    seconds: Duration,
    warmup: Duration,
    rounds: usize,
    concurrency: usize,
    rate: u64,
    instances: usize,
    pages: usize,
    page_warmup: usize,
}

fn options() -> Options {
    let smoke = options::smoke();
    /// The value given after `name`, else the default of a measurement or a smoke run.
    fn or<T: std::str::FromStr>(name: &str, smoke: bool, full: T, smoke_value: T) -> T
    where
        T::Err: std::fmt::Debug,
    {
        options::arg(name).map_or(if smoke { smoke_value } else { full }, |v| {
            v.parse().unwrap()
        })
    }
    Options {
        smoke,
        seconds: Duration::from_secs_f64(or("--seconds", smoke, 5.0, 0.5)),
        warmup: Duration::from_secs_f64(if smoke { 0.5 } else { 1.0 }),
        rounds: or("--rounds", smoke, 3, 1),
        concurrency: or("--concurrency", smoke, 64, 4),
        rate: or("--rate", smoke, 1000, 40),
        instances: or("--instances", smoke, 3, 2),
        pages: or("--pages", smoke, 200, 5),
        page_warmup: if smoke { 2 } else { 20 },
    }
}

fn main() {
    let opts = options();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run(opts));
}

/// Where a run sends its requests.
struct Target {
    label: String,
    base: String,
}

/// CPU time (user + system, clock ticks) of the processes a run involves, and of the
/// whole machine, so a run can say which process used how many cores.
#[derive(Clone, Copy, Default)]
struct Cpu {
    instances: u64,
    haproxy: u64,
    postgres: u64,
    generator: u64,
    machine_busy: u64,
    machine_total: u64,
}

fn ticks(pid: &str, with_children: bool) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    // Fields after the command name (which may hold spaces) start at state (field 3).
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<u64> = rest
        .split_whitespace()
        .skip(11)
        .take(4)
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let own = fields[0] + fields[1];
    if with_children {
        own + fields[2] + fields[3]
    } else {
        own
    }
}

fn command_name(pid: &str) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn cpu(instances: &[u32], balancers: &[u32]) -> Cpu {
    let sum = |pids: &[u32]| pids.iter().map(|p| ticks(&p.to_string(), false)).sum();
    // Every PostgreSQL process on the machine (backends that exited are in the
    // postmaster's children's time).
    let mut postgres = 0;
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.bytes().all(|b| b.is_ascii_digit()) && command_name(&name) == "postgres" {
            postgres += ticks(&name, true);
        }
    }
    let line = std::fs::read_to_string("/proc/stat").unwrap();
    let totals: Vec<u64> = line
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .skip(1)
        .map(|f| f.parse().unwrap())
        .collect();
    let total: u64 = totals.iter().take(8).sum();
    let idle = totals[3] + totals[4];
    Cpu {
        instances: sum(instances),
        haproxy: sum(balancers),
        postgres,
        generator: ticks("self", false),
        machine_busy: total - idle,
        machine_total: total,
    }
}

/// Cores used by each part between two readings over `elapsed`.
fn cores(before: Cpu, after: Cpu, elapsed: Duration) -> String {
    let hz = 100.0; // USER_HZ on Linux
    let per = |a: u64, b: u64| (b.saturating_sub(a)) as f64 / hz / elapsed.as_secs_f64();
    let machine = (after.machine_busy - before.machine_busy) as f64
        / (after.machine_total - before.machine_total).max(1) as f64
        * std::thread::available_parallelism().map_or(1.0, |n| n.get() as f64);
    format!(
        "{:.2} / {:.2} / {:.2} / {:.2} / {:.2}",
        per(before.instances, after.instances),
        per(before.haproxy, after.haproxy),
        per(before.postgres, after.postgres),
        per(before.generator, after.generator),
        machine
    )
}

struct Run {
    closed: f64,
    open_p50: f64,
    open_p99: f64,
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// A smoke run's check of every run: something accepted, nothing refused.
fn sane(opts: &Options, target: &str, mode: &str, o: &Outcome) {
    if opts.smoke {
        assert!(o.accepted > 0, "{target}, {mode}: nothing accepted");
        assert_eq!(o.other, 0, "{target}, {mode}: submissions not accepted");
    }
}

fn row(round: usize, target: &str, mode: &str, o: &Outcome, committed: i64, cpu: &str) {
    println!(
        "| {round} | {target} | {mode} | {:.0} | {:.2} | {:.2} | {committed} | {} | {cpu} |",
        o.rate(),
        o.percentile(0.5),
        o.percentile(0.99),
        o.other,
    );
}

async fn run(opts: Options) {
    let cpu_model = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_default();
    let memory = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:").map(|m| m.trim().to_owned()))
        .unwrap_or_default();
    let haproxy_version = std::process::Command::new("/usr/sbin/haproxy")
        .arg("-v")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .unwrap_or_default();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "machine: {} cores ({cpu_model}), {memory}; load average at start {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("{haproxy_version}");
    println!("hearth: {}", env!("CARGO_BIN_EXE_hearth"));
    println!(
        "{}s per measurement, {} rounds, closed loop {} workers, open loop {}/s; the load \
         generator, HAProxy, every instance and PostgreSQL share the machine{}\n",
        opts.seconds.as_secs_f64(),
        opts.rounds,
        opts.concurrency,
        opts.rate,
        if opts.smoke {
            " (smoke run: tiny sizes; these figures are not measurements)"
        } else {
            ""
        }
    );

    // As the scale tests: None (said, loudly) when PostgreSQL cannot be reached, except
    // under CI=true, where that panics. A smoke run is then skipped; a measurement fails.
    let Some(db) = TestDb::postgres_on(&options::postgres()).await else {
        assert!(opts.smoke, "PostgreSQL for the benchmark (--postgres URL)");
        return;
    };
    hearth(&db, &["migrate"]);
    let seeded = Instant::now();
    let demo = hearth(&db, &["demo", "--no-serve"]);
    let seed_time = seeded.elapsed();
    let (manager, password) = demo
        .lines()
        .find_map(|l| {
            let mut words = l.split_whitespace();
            (words.next() == Some("manager")).then(|| {
                (
                    words.next().unwrap().to_owned(),
                    words.next().unwrap().to_owned(),
                )
            })
        })
        .expect("the demo prints the manager's sign-in");
    let store = Store::connect(&db.url).await.unwrap();
    println!(
        "{} ({:.1}s)",
        demo.lines().next().unwrap_or(""),
        seed_time.as_secs_f64()
    );
    let pg_version: String = sqlx::query_scalar("select version()")
        .fetch_one(store.pool())
        .await
        .unwrap();
    println!("{pg_version}");
    // The day the sessions below are held: its month and quarter must be open (a session
    // cannot be added to a released period), whatever the demo released.
    let day = held_on();
    let month = Period::month_of(day);
    let released: Vec<String> =
        sqlx::query_scalar("select period from data_release where period in ($1, $2)")
            .bind(month.to_string())
            .bind(month.quarter().to_string())
            .fetch_all(store.pool())
            .await
            .unwrap();
    assert!(released.is_empty(), "{day}: {released:?} released already");
    println!(
        "sessions held on {day}: {month} and {} not released\n",
        month.quarter()
    );

    let servers: Vec<Server> = (0..opts.instances)
        .map(|_| Server::start_with_env(&db.url, None, &[]))
        .collect();
    let ports: Vec<u16> = servers.iter().map(|s| s.port).collect();
    let balancers: Vec<Balancer> = (1..=opts.instances)
        .map(|n| Balancer::start(&ports[..n]))
        .collect();
    wait_until_balanced(&ports);
    let instance_pids: Vec<u32> = servers.iter().map(|s| s.child.id()).collect();
    let balancer_pids: Vec<u32> = balancers.iter().map(Balancer::pid).collect();

    let mut targets = vec![Target {
        label: "1 instance, direct".into(),
        base: format!("http://127.0.0.1:{}", ports[0]),
    }];
    for (i, balancer) in balancers.iter().enumerate() {
        targets.push(Target {
            label: format!(
                "HAProxy → {} instance{}",
                i + 1,
                if i == 0 { "" } else { "s" }
            ),
            base: balancer.url(""),
        });
    }

    // Every run's sessions, opened before any measurement: enough places for the
    // fastest plausible run (20k/s) including its warm-up, in sessions of 1000.
    let seconds = opts.seconds.as_secs_f64();
    let per_run = (((20_000.0 * (seconds + opts.warmup.as_secs_f64()) + opts.rate as f64 * seconds)
        / 1000.0)
        .ceil() as usize
        + 10)
        .max(opts.concurrency);
    let opened = Instant::now();
    let mut urls = Vec::new();
    for _ in 0..opts.rounds {
        for target in &targets {
            urls.push(sessions(&store, &target.base, per_run).await);
        }
    }
    eprintln!(
        "opened {} sessions of capacity 1000 in {:.1}s",
        per_run * targets.len() * opts.rounds,
        opened.elapsed().as_secs_f64()
    );

    println!(
        "cores used during the run: instances / HAProxy / PostgreSQL (all its processes) / \
         load generator / whole machine (includes other work on it)\n"
    );
    println!(
        "| round | target | mode | accepted/s | p50 ms | p99 ms | committed | not accepted | cores used |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut runs: Vec<Vec<Run>> = targets.iter().map(|_| Vec::new()).collect();
    let mut urls = urls.into_iter();
    for round in 1..=opts.rounds {
        for (t, target) in targets.iter().enumerate() {
            let urls: Arc<Vec<String>> = urls.next().unwrap();
            let warm = closed_loop(urls.clone(), opts.concurrency, opts.warmup).await;
            assert_eq!(
                warm.other, 0,
                "{}: warm-up refused submissions",
                target.label
            );
            sane(&opts, &target.label, "warm-up", &warm);

            let before = stored(&store).await;
            let cpu_before = cpu(&instance_pids, &balancer_pids);
            let closed = closed_loop(urls.clone(), opts.concurrency, opts.seconds).await;
            let cpu_closed = cores(
                cpu_before,
                cpu(&instance_pids, &balancer_pids),
                closed.elapsed,
            );
            let after_closed = stored(&store).await;
            let mode = format!("closed, {}", opts.concurrency);
            row(
                round,
                &target.label,
                &mode,
                &closed,
                after_closed - before,
                &cpu_closed,
            );
            sane(&opts, &target.label, &mode, &closed);
            assert_eq!(
                (after_closed - before) as usize,
                closed.accepted,
                "{}: 303s and committed rows differ",
                target.label
            );

            let cpu_before = cpu(&instance_pids, &balancer_pids);
            let open = open_loop(urls, opts.rate, opts.seconds).await;
            let cpu_open = cores(
                cpu_before,
                cpu(&instance_pids, &balancer_pids),
                open.elapsed,
            );
            let after_open = stored(&store).await;
            let mode = format!("open, {}/s", opts.rate);
            row(
                round,
                &target.label,
                &mode,
                &open,
                after_open - after_closed,
                &cpu_open,
            );
            sane(&opts, &target.label, &mode, &open);
            assert_eq!(
                (after_open - after_closed) as usize,
                open.accepted,
                "{}: 303s and committed rows differ",
                target.label
            );
            runs[t].push(Run {
                closed: closed.rate(),
                open_p50: open.percentile(0.5),
                open_p99: open.percentile(0.99),
            });
        }
    }

    println!("\nmedians over {} rounds:\n", opts.rounds);
    println!(
        "| target | closed loop accepted/s | ratio to 1 direct | open loop {}/s p50 ms | p99 ms | p99 per round |",
        opts.rate
    );
    println!("|---|---|---|---|---|---|");
    // Ratio per round (side by side), then the median of the ratios.
    for (t, target) in targets.iter().enumerate() {
        let ratios: Vec<f64> = runs[t]
            .iter()
            .zip(&runs[0])
            .map(|(r, direct)| r.closed / direct.closed)
            .collect();
        println!(
            "| {} | {:.0} | {:.2} (rounds: {}) | {:.2} | {:.2} | {} |",
            target.label,
            median(runs[t].iter().map(|r| r.closed).collect()),
            median(ratios.clone()),
            ratios
                .iter()
                .map(|r| format!("{r:.2}"))
                .collect::<Vec<_>>()
                .join(", "),
            median(runs[t].iter().map(|r| r.open_p50).collect()),
            median(runs[t].iter().map(|r| r.open_p99).collect()),
            runs[t]
                .iter()
                .map(|r| format!("{:.1}", r.open_p99))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }

    pages(&opts, &store, &targets, &balancers, &manager, &password).await;

    drop(balancers);
    for server in servers {
        server.stop();
    }
    store.close().await;
}

/// The manager overview page, timed directly and through each balancer, interleaved.
async fn pages(
    opts: &Options,
    store: &Store,
    targets: &[Target],
    balancers: &[Balancer],
    manager: &str,
    password: &str,
) {
    let program: i64 =
        sqlx::query_scalar("select cast(program_id as bigint) from staff_user where email = $1")
            .bind(manager)
            .fetch_one(store.pool())
            .await
            .unwrap();
    let name: String =
        sqlx::query_scalar("select name from program where id = cast($1 as integer)")
            .bind(program)
            .fetch_one(store.pool())
            .await
            .unwrap();
    let path = format!("/staff/programs/{program}");
    // Signed in once, through the balancer with every instance: the staff session is in
    // the store, so every instance honours it.
    let mut browser = Browser::default();
    let signed = browser
        .sign_in(&balancers.last().unwrap().url(""), manager, password)
        .await;
    assert_eq!(signed.status, 303, "the demo manager signs in");
    let cookie = browser.cookie_header();

    let client = load::client();
    let get = |base: &str| {
        let (client, cookie, url) = (client.clone(), cookie.clone(), format!("{base}{path}"));
        let name = name.clone();
        async move {
            let started = Instant::now();
            let response = client
                .get(&url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let body = response.text().await.unwrap();
            let elapsed = started.elapsed();
            assert_eq!(status, 200, "{url}");
            assert!(body.contains(&name), "{url} shows the program");
            (elapsed, body.len())
        }
    };
    // Warm-up: every instance's cache of releases, every connection.
    for _ in 0..opts.page_warmup {
        for target in targets {
            get(&target.base).await;
        }
    }
    let mut samples: Vec<Vec<Duration>> = targets.iter().map(|_| Vec::new()).collect();
    let mut size = 0;
    for _ in 0..opts.pages {
        for (t, target) in targets.iter().enumerate() {
            let (elapsed, bytes) = get(&target.base).await;
            samples[t].push(elapsed);
            size = bytes;
        }
    }
    println!(
        "\nmanager overview `GET {path}` ({name}, demo network, {} KiB), one request at a \
         time, {} per target after {} warm-up, interleaved; includes the HTTP round trip:\n",
        size / 1024,
        opts.pages,
        opts.page_warmup
    );
    println!("| target | median ms | p90 ms | p99 ms | min ms | max ms |");
    println!("|---|---|---|---|---|---|");
    for (t, target) in targets.iter().enumerate() {
        let s = &samples[t];
        println!(
            "| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
            target.label,
            percentile_ms(s, 0.5),
            percentile_ms(s, 0.9),
            percentile_ms(s, 0.99),
            percentile_ms(s, 0.0),
            percentile_ms(s, 1.0),
        );
    }
}
