//! PostgreSQL stopped and started again under load, with two `hearth serve` instances
//! behind HAProxy: while it is down participants get Hearth's 503 page with their answers
//! still on the form; the writers recover without a restart of `hearth serve`; every 303
//! is stored once.
//!
//! Its own test binary: stopping the server would break any other test running beside
//! it, and cargo runs test binaries one after another. Needs to control the local
//! cluster (`pg_ctlcluster`, as `.ci/run` does); under `CI=true` it never skips.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::TestDb;
use common::cluster::*;

fn cluster_version() -> String {
    std::fs::read_dir("/etc/postgresql")
        .expect("a Debian PostgreSQL cluster (/etc/postgresql)")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .max()
        .unwrap()
}

fn pg_ctl(action: &str) {
    let mut command = Command::new("pg_ctlcluster");
    command.args([
        "--skip-systemctl-redirect",
        &cluster_version(),
        "main",
        action,
    ]);
    if action == "stop" {
        command.args(["-m", "fast"]);
    }
    let status = command.status().expect("pg_ctlcluster runs");
    assert!(status.success(), "pg_ctlcluster {action}");
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Seen {
    Stored,
    /// 503 with the form and its answers kept.
    KeptOnForm,
    /// 202: may be stored (an unconfirmed commit).
    Uncertain,
    Other(Option<u16>),
}

#[tokio::test]
async fn postgres_restarted_under_load_loses_nothing_acknowledged() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let cluster = Cluster::start(&db, 2);
    // One session of 1,000 places per worker, each worker paced to at most 40 a second
    // (about 20 a second with the round trip): the load never fills them.
    let urls: Vec<String> = (0..8)
        .map(|_| {
            let (code, _) = open_session(&db, &["--capacity", "1000"]);
            cluster.balancer.url(&format!("/s/{code}"))
        })
        .collect();
    let started = Instant::now();
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let url = urls[w % urls.len()].clone();
            tokio::spawn(async move {
                let client = client();
                let mut seen = vec![];
                while started.elapsed() < Duration::from_secs(32) {
                    let at = started.elapsed();
                    let answer = client
                        .post(&url)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body("belong=4&heard=2")
                        .send()
                        .await;
                    let what = match answer {
                        Ok(r) if r.status().as_u16() == 303 => Seen::Stored,
                        Ok(r) if r.status().as_u16() == 202 => Seen::Uncertain,
                        Ok(r) if r.status().as_u16() == 503 => {
                            let body = r.text().await.unwrap_or_default();
                            // The form again, with the two answers still chosen.
                            let kept = body.contains("They are still here")
                                && body.contains(r#"name="belong" value="4" checked"#)
                                && body.contains(r#"name="heard" value="2" checked"#);
                            if kept {
                                Seen::KeptOnForm
                            } else {
                                Seen::Other(Some(503))
                            }
                        }
                        Ok(r) => Seen::Other(Some(r.status().as_u16())),
                        Err(_) => Seen::Other(None),
                    };
                    let pause = if what == Seen::Stored { 25 } else { 200 };
                    tokio::time::sleep(Duration::from_millis(pause)).await;
                    seen.push((at, what));
                }
                seen
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(3)).await;
    pg_ctl("stop");
    let stopped_at = started.elapsed();
    // Longer than a writer waits for a connection (5 s), twice: the store is really gone.
    tokio::time::sleep(Duration::from_secs(15)).await;
    pg_ctl("start");
    let started_again = started.elapsed();
    let mut seen = vec![];
    for worker in workers {
        seen.extend(worker.await.unwrap());
    }
    let of = |what: Seen| seen.iter().filter(|(_, s)| *s == what).count() as i64;
    let others: Vec<_> = seen
        .iter()
        .filter(|(_, s)| matches!(s, Seen::Other(_)))
        .collect();
    let recovered = seen
        .iter()
        .filter(|(at, s)| *at > started_again + Duration::from_secs(1) && *s == Seen::Stored)
        .count();
    let kept = of(Seen::KeptOnForm);
    let (accepted, uncertain) = (of(Seen::Stored), of(Seen::Uncertain));
    // Reconnect on a fresh pool: the test's own connections died with the server.
    let store = domain::Store::connect(&db.url).await.unwrap();
    let stored: i64 = sqlx::query_scalar("select count(*) from response")
        .fetch_one(store.pool())
        .await
        .unwrap();
    eprintln!(
        "stopped at {stopped_at:?}, started at {started_again:?}: {accepted} stored (303), \
         {kept} kept on the form (503), {uncertain} uncertain (202), {} other, {recovered} \
         stored after the restart; {stored} rows",
        others.len()
    );
    assert!(kept > 0, "the outage was seen as Hearth's 503 form");
    assert!(
        others.is_empty(),
        "every answer came from Hearth: {others:?}"
    );
    assert!(recovered > 50, "the writers recovered without a restart");
    assert!(stored >= accepted, "every 303 is stored");
    assert!(
        stored <= accepted + uncertain,
        "nothing stored twice or behind a 503"
    );
}
