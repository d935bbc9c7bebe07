//! Backups under load: `hearth backup` while `hearth serve` takes submissions, then
//! `hearth restore` into a fresh database, which must hold the same releases, accounts and
//! settings, exactly one instant's responses, and serve every page.
//!
//! What "consistent" promises, and what is tested: the copy is the database at one
//! instant T inside the backup command's run. So every submission acknowledged before the
//! command started is in it; none sent after the command returned is; a submission in
//! flight during the run may fall on either side, but whole (its session counter and its
//! response together, since they commit in one transaction).

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use common::TestDb;
use common::server::Server;
use common::staff::*;
use domain::Store;
use domain::catalog::{self, NewSession};
use domain::instrument::Item;

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");

/// Submission number n, written into its eight ratings in base 5.
fn body(n: u32) -> String {
    Item::ALL
        .iter()
        .enumerate()
        .map(|(k, item)| format!("{}={}", item.key(), (n / 5u32.pow(k as u32)) % 5 + 1))
        .collect::<Vec<_>>()
        .join("&")
}

/// The submission numbers stored in a database.
async fn stored(store: &Store) -> BTreeSet<u32> {
    let columns: Vec<&str> = Item::ALL.iter().map(|i| i.key()).collect();
    let rows = sqlx::query(&format!("select {} from response", columns.join(", ")))
        .fetch_all(store.pool())
        .await
        .unwrap();
    rows.iter()
        .map(|row| {
            use sqlx::Row;
            (0..columns.len())
                .map(|k| (row.try_get::<i16, _>(k).unwrap() as u32 - 1) * 5u32.pow(k as u32))
                .sum()
        })
        .collect()
}

fn hearth(url: &str, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(HEARTH)
        .args(args)
        .env("HEARTH_DATABASE_URL", url)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// Rows of the tables that must come back identical, as text, in a stable order.
async fn durable(store: &Store) -> Vec<String> {
    let queries = [
        "select period || '|' || mechanism || '|' || cast(manager_threshold as text) || '|' || cast(released_at as text) from data_release",
        "select cast(release_id as text) || '|' || cast(cell as text) || '|' || measure || '|' || cast(value as text) from release_count",
        "select cast(release_id as text) || '|' || cast(cell as text) || '|' || level || '|' || manager_status from release_cell",
        "select email || '|' || password_hash || '|' || role || '|' || cast(active as text) from staff_user",
        "select name || '=' || value from setting",
        "select name || '|' || cast(id as text) from program",
        "select code || '|' || held_on || '|' || cast(capacity as text) from session",
        "select cast(id as text) || '|' || action || '|' || subject || '|' || detail from staff_audit",
    ];
    let mut out = Vec::new();
    for q in queries {
        let mut rows: Vec<String> = sqlx::query_scalar(q).fetch_all(store.pool()).await.unwrap();
        rows.sort();
        out.push(format!("{q}: {}", rows.join("\n")));
    }
    out
}

on_both_stores!(a_backup_under_load_restores_one_instant_and_serves_every_page);

async fn a_backup_under_load_restores_one_instant_and_serves_every_page(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    sqlx::query("insert into setting (name, value) values ('retention.days', '120')")
        .execute(store.pool())
        .await
        .unwrap();
    let today = Utc::now().date_naive();
    let new = NewSession::new("Riverside", "Monday Circle", today, Some(1000), None, None).unwrap();
    let (session, _) = catalog::open_session(&store, &new).await.unwrap();
    let server = Arc::new(Server::start(&db.url, None));
    let path = format!("/s/{}", session.code);

    // Two writers submit numbered answers as fast as they are acknowledged, and note when.
    let acknowledged: Arc<Mutex<Vec<(u32, Instant, Instant)>>> = Arc::default();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let next = Arc::new(std::sync::atomic::AtomicU32::new(0));
    let writers: Vec<_> = (0..2)
        .map(|_| {
            let (server, path, acknowledged, stop, next) = (
                server.clone(),
                path.clone(),
                acknowledged.clone(),
                stop.clone(),
                next.clone(),
            );
            std::thread::spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    let n = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    if n >= 900 {
                        break;
                    }
                    let sent = Instant::now();
                    let (status, _, _) = server.request("POST", &path, &body(n));
                    assert_eq!(status, 303, "submission {n}");
                    acknowledged.lock().unwrap().push((n, sent, Instant::now()));
                    std::thread::sleep(Duration::from_millis(5));
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(700));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hearth.backup");
    let file_arg = file.to_str().unwrap().to_owned();
    let began = Instant::now();
    let (ok, out) = hearth(&db.url, &["backup", "--out", &file_arg]);
    let returned = Instant::now();
    assert!(ok, "{out}");
    assert!(out.contains("backup written to"), "{out}");
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for w in writers {
        w.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    let before: BTreeSet<u32> = acknowledged
        .iter()
        .filter(|(_, _, ack)| *ack < began)
        .map(|(n, _, _)| *n)
        .collect();
    let after: BTreeSet<u32> = acknowledged
        .iter()
        .filter(|(_, sent, _)| *sent > returned)
        .map(|(n, _, _)| *n)
        .collect();
    assert!(
        before.len() >= 20 && !after.is_empty(),
        "the load did not straddle the backup: {} before, {} after",
        before.len(),
        after.len()
    );
    // A second backup to the same name is refused, and the first is left as it was.
    let (ok, out) = hearth(&db.url, &["backup", "--out", &file_arg]);
    assert!(!ok && out.contains("exists already"), "{out}");
    Arc::try_unwrap(server).ok().unwrap().stop();

    // Restore into a fresh database of the same kind.
    let fresh = if db.url.starts_with("sqlite:") {
        TestDb::sqlite().await
    } else {
        TestDb::postgres().await.unwrap()
    };
    let (ok, out) = hearth(&fresh.url, &["restore", &file_arg]);
    assert!(ok, "{out}");
    assert!(out.contains("releases"), "{out}");
    let (ok, out) = hearth(&fresh.url, &["restore", &file_arg]);
    assert!(
        !ok,
        "a restore over a restored database was not refused: {out}"
    );

    let restored = fresh.store().await;
    let live = db.store().await;
    let in_backup = stored(&restored).await;
    let in_live = stored(&live).await;
    assert!(
        before.is_subset(&in_backup),
        "a submission acknowledged before the backup is missing"
    );
    assert!(
        in_backup.is_disjoint(&after),
        "a submission sent after the backup is in it"
    );
    assert!(
        in_backup.is_subset(&in_live),
        "the backup holds a response the database never had"
    );
    // Whole transactions only: each session's counter matches its responses.
    let mismatched: i64 = sqlx::query_scalar(
        "select count(*) from session s where s.received <> \
         (select count(*) from response r where r.session_id = s.id)",
    )
    .fetch_one(restored.pool())
    .await
    .unwrap();
    assert_eq!(mismatched, 0, "the backup caught a submission half-written");
    let live_durable = durable(&live).await;
    let restored_durable = durable(&restored).await;
    for (l, r) in live_durable.iter().zip(&restored_durable) {
        // The audit trail may gain nothing between the backup and now except the
        // backup's own entries (there are none: retention found nothing due).
        assert!(l == r, "differs after restore: {}", &l[..l.len().min(120)]);
    }
    let sessions: i64 = sqlx::query_scalar("select count(*) from staff_session")
        .fetch_one(restored.pool())
        .await
        .unwrap();
    assert_eq!(sessions, 0, "the backup carried staff sign-in sessions");

    // The restored instance serves every page to every role.
    let app = router(&restored).await;
    let a = format!("/staff/programs/{PROGRAM_A}");
    for (who, paths) in [
        (
            MANAGER_A,
            vec![
                "/staff".to_owned(),
                a.clone(),
                format!("{a}/circles/{CIRCLE_A1}"),
                format!("{a}/report"),
                format!("{a}/csv"),
            ],
        ),
        (
            FUNDER,
            vec![
                "/staff/reports".to_owned(),
                format!("/staff/reports/{QUARTER}"),
                format!("/staff/reports/{QUARTER}/csv"),
            ],
        ),
        (
            FACILITATOR_A,
            vec![
                "/staff/sessions".to_owned(),
                format!("/staff/sessions/{}", session.code),
            ],
        ),
        (
            ADMIN,
            vec![
                "/staff/admin".to_owned(),
                "/staff/admin/users".to_owned(),
                "/staff/admin/privacy".to_owned(),
                "/staff/admin/ledger".to_owned(),
                "/staff/admin/audit".to_owned(),
            ],
        ),
    ] {
        let mut jar = sign_in(&app, who).await;
        for path in paths {
            let page = get(&app, &mut jar, &path).await;
            assert_eq!(page.status, 200, "{who} {path} on the restored instance");
        }
    }
    let mut nobody = Jar::default();
    let form = get(&app, &mut nobody, &path).await;
    assert_eq!(
        form.status, 200,
        "the participant form on the restored instance"
    );
}

#[tokio::test]
async fn restore_refuses_what_is_not_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all, just some bytes").unwrap();
    let target = dir.path().join("fresh.db");
    let url = format!("sqlite:{}", target.display());
    let (ok, out) = hearth(&url, &["restore", junk.to_str().unwrap()]);
    assert!(!ok && out.contains("is not a Hearth backup"), "{out}");
    assert!(!target.exists(), "a refused restore left a database behind");
    let (ok, out) = hearth(
        &url,
        &["restore", dir.path().join("missing").to_str().unwrap()],
    );
    assert!(!ok && out.contains("no such file"), "{out}");
}
