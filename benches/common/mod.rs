//! Shared by the benchmarks: the synthetic network and its responses (8 programs × 25
//! circles, a session a week through the last full quarter before today, ratings drawn
//! with rand_distr around a latent mean per circle, a few troubled circles lower, skips,
//! first-time answers and ticked options), written in bulk (rusqlite; PostgreSQL COPY).
//!
//! Also a PostgreSQL database made and dropped per run, and the timing helpers. Included
//! with `#[path = "common/mod.rs"] mod common;` by benches/release.rs, dashboards.rs and
//! api.rs.
#![allow(dead_code)]

use analytics::period::Period;
use chrono::NaiveDate;
use domain::Store;
use domain::instrument::{Helped, Hindered, Item};
use rand::{RngExt, SeedableRng};
use rand_distr::{Distribution, Normal};
use sqlx::{Connection, Executor, PgConnection};

/// How many programs, and circles in each.
#[derive(Clone, Copy, Debug)]
pub struct Network {
    pub programs: i32,
    pub circles_per_program: i32,
}

impl Network {
    /// The benchmarks' network: 8 programs × 25 circles.
    pub const FULL: Network = Network {
        programs: 8,
        circles_per_program: 25,
    };
    /// Smoke runs: 2 programs × 4 circles (circle 3 of each is a troubled one).
    pub const SMOKE: Network = Network {
        programs: 2,
        circles_per_program: 4,
    };
}

/// A session a week per circle, on days 0 to 88 of the quarter: every quarter has 90 days
/// or more.
pub const WEEKS: i32 = 13;

/// The quarter the synthetic responses fall in: the last full quarter before `today`, so
/// it is over (a release needs its period ended) whatever the date of the run. (2026-Q3
/// for the runs of November 2026 in docs/benchmarks.md.)
pub fn quarter(today: NaiveDate) -> Period {
    Period::month_of(today).quarter().previous()
}

/// Catalog rows (programs, circles, closed and sealed sessions held in `quarter`) through
/// the normal store.
pub async fn catalog(store: &Store, quarter: Period, network: Network) -> Vec<(i32, f64)> {
    let start = quarter.start();
    let mut sessions = Vec::new();
    let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(7);
    let latent = Normal::new(4.0, 0.45).unwrap();
    for p in 1..=network.programs {
        sqlx::query("insert into program (id, name) values ($1, $2)")
            .bind(p)
            .bind(format!("Program {p}"))
            .execute(store.pool())
            .await
            .unwrap();
        for c in 0..network.circles_per_program {
            let circle = p * 1000 + c;
            sqlx::query("insert into circle (id, program_id, name) values ($1, $2, $3)")
                .bind(circle)
                .bind(p)
                .bind(format!("Circle {c}"))
                .execute(store.pool())
                .await
                .unwrap();
            // A few troubled circles sit lower.
            let mean = if c % 11 == 3 {
                2.8
            } else {
                latent.sample(&mut rng)
            };
            for w in 0..WEEKS {
                let id = circle * 100 + w;
                let date = start + chrono::Duration::days(i64::from(w) * 7 + i64::from(c % 5));
                assert!(date < quarter.end(), "{date} falls in {quarter}");
                sqlx::query(
                    "insert into session (id, code, circle_id, held_on, closes_at, capacity, received, closed, sealed) \
                     values ($1, $2, $3, $4, 0, 1000, 0, 1, 1)",
                )
                .bind(id)
                .bind(format!("B{id:07}"))
                .bind(circle)
                .bind(date.to_string())
                .execute(store.pool())
                .await
                .unwrap();
                sessions.push((id, mean));
            }
        }
    }
    sessions
}

/// One synthetic response as CSV fields in insert-column order (after id).
pub fn response(rng: &mut rand::rngs::ChaCha8Rng, session: i32, mean: f64) -> String {
    let noise = Normal::new(0.0, 0.9).unwrap();
    let mut fields = vec![session.to_string(), "1".into()];
    for item in Item::ALL {
        let offset = if item == Item::Confidential {
            -0.2
        } else {
            0.0
        };
        if rng.random_range(0..100) < 8 {
            fields.push(String::new());
        } else {
            let v = (mean + offset + noise.sample(rng)).round().clamp(1.0, 5.0) as i32;
            fields.push(v.to_string());
        }
    }
    fields.push(match rng.random_range(0..100) {
        0..10 => String::new(),
        10..25 => "1".into(),
        _ => "0".into(),
    });
    for _ in Helped::ALL {
        fields.push(i32::from(rng.random_range(0..100) < 35).to_string());
    }
    for _ in Hindered::ALL {
        fields.push(i32::from(rng.random_range(0..100) < 8).to_string());
    }
    fields.join(",")
}

/// Unique, unordered ids: i ↦ i·48271 mod (2³¹ − 1) is a bijection on 1..2³¹−1.
pub fn id(i: u64) -> i32 {
    ((i * 48_271) % 2_147_483_647) as i32
}

pub fn columns() -> String {
    let mut c = vec![
        "id".to_owned(),
        "session_id".into(),
        "instrument_version".into(),
    ];
    c.extend(Item::ALL.iter().map(|i| i.key().to_owned()));
    c.push("first_time".into());
    c.extend(Helped::ALL.iter().map(|h| h.column()));
    c.extend(Hindered::ALL.iter().map(|h| h.column()));
    c.join(", ")
}

/// The catalog of `network` in `quarter`, and `n` responses spread over its sessions.
pub async fn generate(store: &Store, n: u64, quarter: Period, network: Network) {
    let sessions = catalog(store, quarter, network).await;
    let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(11);
    // Ids in ascending order make the bulk insert append rather than scatter; the rows'
    // sessions are drawn at random, so storage order says nothing of session or arrival.
    let mut ids: Vec<i32> = (1..=n).map(id).collect();
    ids.sort_unstable();
    match store.backend() {
        domain::Backend::Sqlite => {
            let path = store.sqlite_path().expect("a SQLite file").to_owned();
            let sql_columns = columns();
            tokio::task::spawn_blocking(move || {
                let mut conn = rusqlite::Connection::open(path).unwrap();
                conn.execute_batch("pragma synchronous = off; pragma cache_size = -262144;")
                    .unwrap();
                let tx = conn.transaction().unwrap();
                {
                    let params: Vec<String> = (1..=22).map(|k| format!("?{k}")).collect();
                    let mut insert = tx
                        .prepare(&format!(
                            "insert into response ({sql_columns}) values ({})",
                            params.join(", ")
                        ))
                        .unwrap();
                    for id in ids {
                        let (session, mean) = sessions[rng.random_range(0..sessions.len())];
                        let line = response(&mut rng, session, mean);
                        let mut values: Vec<rusqlite::types::Value> =
                            vec![rusqlite::types::Value::Integer(i64::from(id))];
                        values.extend(line.split(',').map(|f| {
                            if f.is_empty() {
                                rusqlite::types::Value::Null
                            } else {
                                rusqlite::types::Value::Integer(f.parse().unwrap())
                            }
                        }));
                        insert.execute(rusqlite::params_from_iter(values)).unwrap();
                    }
                }
                tx.commit().unwrap();
            })
            .await
            .unwrap();
        }
        domain::Backend::Postgres => {
            let mut conn = PgConnection::connect(store.url()).await.unwrap();
            let mut copy = conn
                .copy_in_raw(&format!(
                    "copy response ({}) from stdin (format csv)",
                    columns()
                ))
                .await
                .unwrap();
            let mut chunk = String::with_capacity(1 << 20);
            for id in ids {
                let (session, mean) = sessions[rng.random_range(0..sessions.len())];
                chunk.push_str(&id.to_string());
                chunk.push(',');
                chunk.push_str(&response(&mut rng, session, mean));
                chunk.push('\n');
                if chunk.len() > (1 << 20) {
                    copy.send(chunk.as_bytes()).await.unwrap();
                    chunk.clear();
                }
            }
            copy.send(chunk.as_bytes()).await.unwrap();
            copy.finish().await.unwrap();
            conn.execute("analyze").await.unwrap();
        }
    }
}

/// A PostgreSQL database made for this run, dropped when this is dropped (also when the
/// benchmark panics).
pub struct PgDatabase {
    admin: String,
    name: String,
}

impl PgDatabase {
    pub async fn create(admin: &str) -> PgDatabase {
        let mut conn = PgConnection::connect(admin).await.unwrap();
        let name = format!("hearth_bench_{:08x}", rand::random::<u32>());
        conn.execute(format!("create database {name}").as_str())
            .await
            .unwrap();
        conn.close().await.unwrap();
        PgDatabase {
            admin: admin.to_owned(),
            name,
        }
    }

    pub fn url(&self) -> String {
        let (base, _) = self.admin.rsplit_once('/').unwrap();
        format!("{base}/{}", self.name)
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (admin, name) = (self.admin.clone(), self.name.clone());
        // Its own thread and runtime: this may run inside the benchmark's runtime.
        let dropped = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(async {
                    let mut conn = PgConnection::connect(&admin).await?;
                    conn.execute(format!("drop database if exists {name} with (force)").as_str())
                        .await?;
                    conn.close().await
                })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop the benchmark database {}", self.name);
        }
    }
}

/// Whether a PostgreSQL server answers at `url` (within 5 s).
pub async fn reachable(url: &str) -> bool {
    match tokio::time::timeout(
        std::time::Duration::from_secs(5),
        PgConnection::connect(url),
    )
    .await
    {
        Ok(Ok(conn)) => {
            let _ = conn.close().await;
            true
        }
        _ => false,
    }
}

/// The `q`-quantile (nearest rank) of sorted values.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}
