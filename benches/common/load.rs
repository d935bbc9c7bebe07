//! Load generation shared by the submission benchmarks (benches/submit.rs and
//! benches/scale.rs, which include this file with `#[path = "common/load.rs"] mod load;`):
//! a closed loop (workers submitting back to back) and an open loop (submissions on a fixed
//! schedule, latency counted from the scheduled time, so a stalled server cannot hide its
//! queueing), the outcome of a run, and enough sessions for it, held today.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use chrono::NaiveDate;
use domain::Store;
use domain::catalog::{self, NewSession};

/// A full answer set, as the participant form sends it.
pub const BODY: &str = "belong=5&welcome=4&heard=4&safe_to_share=3&not_judged=5&confidential=4\
    &own_pace=4&better=3&first_time=no&helped=listened&helped=stories&hindered=rushed";

/// Starts a server process and waits for its "listening on http://127.0.0.1:PORT" line.
pub fn start(mut command: Command) -> (Child, u16) {
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

pub struct Outcome {
    pub accepted: usize,
    pub other: usize,
    pub latencies: Vec<Duration>,
    pub elapsed: Duration,
}

impl Outcome {
    /// The `p` quantile of the latencies, in milliseconds.
    pub fn percentile(&self, p: f64) -> f64 {
        percentile_ms(&self.latencies, p)
    }

    pub fn rate(&self) -> f64 {
        self.accepted as f64 / self.elapsed.as_secs_f64()
    }
}

/// The `p` quantile of `samples`, in milliseconds (NaN when there are none).
pub fn percentile_ms(samples: &[Duration], p: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(1024)
        .build()
        .unwrap()
}

pub async fn post_once(client: &reqwest::Client, url: &str) -> bool {
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

/// Back-to-back submissions from `concurrency` workers for `duration`.
pub async fn closed_loop(
    urls: Arc<Vec<String>>,
    concurrency: usize,
    duration: Duration,
) -> Outcome {
    let client = client();
    let start = Instant::now();
    let deadline = start + duration;
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

/// Submissions on a fixed schedule of `rate` per second for `duration`; latency counts
/// from the scheduled time.
pub async fn open_loop(urls: Arc<Vec<String>>, rate: u64, duration: Duration) -> Outcome {
    let client = client();
    let total = (rate as f64 * duration.as_secs_f64()).round() as u64;
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

/// The day the benchmark's sessions are held: today, read when they are opened. A session
/// cannot be added to a released month (or quarter): `catalog::open_session` refuses it
/// with `Released`. Today's month and quarter are never released, since a release needs its
/// period over (`analytics::release::release`) — not by `hearth demo`, which releases the
/// months before its own today (read before this), nor by a `hearth serve` releasing what
/// is due.
pub fn held_on() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Opens `count` sessions of capacity 1000 (the most a session takes), held on
/// [`held_on`], and returns the submission URL of each under `base` (`http://host:port`):
/// a run spreads its load over them round robin, so no session fills up when `count` ×
/// 1000 exceeds the run's total.
pub async fn sessions(store: &Store, base: &str, count: usize) -> Arc<Vec<String>> {
    let date = held_on();
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
        urls.push(format!("{base}/s/{}", session.code));
    }
    Arc::new(urls)
}

/// Rows in the response table: what is actually stored.
pub async fn stored(store: &Store) -> i64 {
    sqlx::query_scalar::<_, i64>("select count(*) from response")
        .fetch_one(store.pool())
        .await
        .unwrap()
}
