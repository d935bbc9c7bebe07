//! Sealing closed sessions: what an adversary holding the database files can still learn
//! about arrival order and tickets, before and after a session is sealed.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use collector::seal::seal_closed_sessions;
use common::{TestApp, TestDb, form_token, text};
use domain::Backend;
use reqwest::StatusCode;

/// Seals every closed session now; how many were sealed.
async fn seal(app: &TestApp) -> usize {
    seal_closed_sessions(&app.store, domain::catalog::now_unix())
        .await
        .unwrap()
}

/// Submission number n carries belong = n % 5 + 1 and welcome = n / 5 + 1.
fn arrival_body(n: i16) -> String {
    format!("belong={}&welcome={}", n % 5 + 1, n / 5 + 1)
}

fn arrival_of(belong: i16, welcome: i16) -> i16 {
    5 * (welcome - 1) + (belong - 1)
}

/// The order rows sit in physically: on SQLite the order their records were written into
/// the table's leaf page (record content grows downward, so a lower offset is a later
/// write); on PostgreSQL heap order (`ctid`).
async fn physical_order(app: &TestApp, db: &TestDb) -> Vec<i16> {
    match app.store.backend() {
        Backend::Sqlite => {
            sqlx::query("pragma wal_checkpoint(truncate)")
                .execute(app.store.pool())
                .await
                .unwrap();
            let root: i64 =
                sqlx::query_scalar("select rootpage from sqlite_master where name = 'response'")
                    .fetch_one(app.store.pool())
                    .await
                    .unwrap();
            let path = db.url.strip_prefix("sqlite:").unwrap();
            let file = std::fs::read(path).unwrap();
            let page_size = match u16::from_be_bytes([file[16], file[17]]) {
                1 => 65536,
                n => usize::from(n),
            };
            let page = &file[(root as usize - 1) * page_size..root as usize * page_size];
            assert_eq!(
                page[0], 13,
                "the test expects the table to fit one leaf page"
            );
            let cells = usize::from(u16::from_be_bytes([page[3], page[4]]));
            let mut by_offset: Vec<(usize, i64)> = (0..cells)
                .map(|i| {
                    let offset =
                        usize::from(u16::from_be_bytes([page[8 + 2 * i], page[9 + 2 * i]]));
                    let (_, after_size) = varint(page, offset);
                    let (rowid, _) = varint(page, after_size);
                    (offset, rowid)
                })
                .collect();
            by_offset.sort_by_key(|&(offset, _)| std::cmp::Reverse(offset)); // highest offset = written first
            let mut order = Vec::new();
            for (_, rowid) in by_offset {
                let (b, w): (i16, i16) =
                    sqlx::query_as("select belong, welcome from response where id = $1")
                        .bind(rowid as i32)
                        .fetch_one(app.store.pool())
                        .await
                        .unwrap();
                order.push(arrival_of(b, w));
            }
            order
        }
        Backend::Postgres => {
            let rows: Vec<(i16, i16)> =
                sqlx::query_as("select belong, welcome from response order by ctid")
                    .fetch_all(app.store.pool())
                    .await
                    .unwrap();
            rows.into_iter().map(|(b, w)| arrival_of(b, w)).collect()
        }
    }
}

/// SQLite's variable-length integer: (value, offset after it).
fn varint(bytes: &[u8], mut at: usize) -> (i64, usize) {
    let mut value: i64 = 0;
    for i in 0..9 {
        let byte = bytes[at];
        at += 1;
        if i == 8 {
            return ((value << 8) | i64::from(byte), at);
        }
        value = (value << 7) | i64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            break;
        }
    }
    (value, at)
}

on_both_stores!(
    sealing_erases_the_physical_arrival_order,
    sealing_keeps_the_answers_and_deletes_the_tickets,
    sealing_erases_the_sessions_sent_forms,
    sent_forms_are_kept_in_no_arrival_order,
);

async fn sealing_erases_the_physical_arrival_order(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(Some(40), None).await;
    for n in 0..25 {
        let posted = app
            .post_form(&format!("/s/{}", session.code), arrival_body(n))
            .await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    }
    let before = physical_order(&app, db).await;
    // The leak is real while the session is open: the storage shows who answered when.
    assert_eq!(
        before,
        (0..25).collect::<Vec<i16>>(),
        "the test no longer sees the physical order"
    );

    domain::catalog::close_session(&app.store, &session.code)
        .await
        .unwrap();
    assert_eq!(seal(&app).await, 1);
    let after = physical_order(&app, db).await;
    let mut sorted = after.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        (0..25).collect::<Vec<i16>>(),
        "sealing lost or duplicated responses"
    );
    // 25 shuffled rows come out in arrival order with probability 1/25!.
    assert_ne!(
        after,
        (0..25).collect::<Vec<i16>>(),
        "sealing kept the arrival order"
    );
    let ascending_pairs = after.windows(2).filter(|w| w[1] == w[0] + 1).count();
    assert!(
        ascending_pairs < 12,
        "the sealed order still follows arrival: {after:?}"
    );
}

async fn sealing_keeps_the_answers_and_deletes_the_tickets(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, tickets) = app.open_session(None, Some(3)).await;
    let (other, _) = app.open_session(None, None).await;
    for (n, ticket) in tickets.iter().take(2).enumerate() {
        let body = format!(
            "{}&ticket={}&helped=stories&first_time=no",
            arrival_body(n as i16),
            ticket.as_str()
        );
        assert_eq!(
            app.post_form(&format!("/s/{}", session.code), body)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        app.post_form(&format!("/s/{}", other.code), "belong=1")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let ids_before: Vec<i32> =
        sqlx::query_scalar("select id from response where session_id = $1 order by id")
            .bind(session.id)
            .fetch_all(app.store.pool())
            .await
            .unwrap();

    // Still open: nothing to seal.
    assert_eq!(seal(&app).await, 0);
    domain::catalog::close_session(&app.store, &session.code)
        .await
        .unwrap();
    assert_eq!(seal(&app).await, 1);
    assert_eq!(seal(&app).await, 0, "sealed twice");

    let rows: Vec<(i32, i16, i16, i16, Option<i16>, i16)> = sqlx::query_as(
        "select id, instrument_version, belong, welcome, first_time, helped_stories from response where session_id = $1 order by belong",
    )
    .bind(session.id)
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(
        rows.iter()
            .map(|r| (r.1, r.2, r.3, r.4, r.5))
            .collect::<Vec<_>>(),
        vec![(1, 1, 1, Some(0), 1), (1, 2, 1, Some(0), 1)]
    );
    assert!(
        rows.iter().all(|r| !ids_before.contains(&r.0)),
        "sealing kept the old ids"
    );
    assert_eq!(
        app.count(&format!(
            "select count(*) from ticket where session_id = {}",
            session.id
        ))
        .await,
        0
    );
    assert_eq!(
        app.count(&format!(
            "select cast(sealed as bigint) from session where id = {}",
            session.id
        ))
        .await,
        1
    );
    // The other session is untouched.
    assert_eq!(
        app.count(&format!(
            "select count(*) from response where session_id = {}",
            other.id
        ))
        .await,
        1
    );
    // A sealed session takes nothing more, with or without its (deleted) tickets.
    let late = app
        .post_form(
            &format!("/s/{}", session.code),
            format!("belong=3&ticket={}", tickets[2].as_str()),
        )
        .await;
    assert_eq!(late.status(), StatusCode::GONE);
}

#[tokio::test]
async fn postgres_transaction_ids_do_not_pair_tickets_with_responses() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let app = TestApp::spawn(&db).await;
    let (session, tickets) = app.open_session(None, Some(4)).await;
    // Each submission alone, so each is its own transaction.
    for (n, ticket) in tickets.iter().enumerate() {
        let body = format!("{}&ticket={}", arrival_body(n as i16), ticket.as_str());
        assert_eq!(
            app.post_form(&format!("/s/{}", session.code), body)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    }
    let truth: Vec<(String, i16)> = tickets
        .iter()
        .enumerate()
        .map(|(n, t)| (t.hash().as_str().to_owned(), n as i16))
        .collect();
    assert_xmin_pairs_nothing(&app, "ticket", "t.used = 1", &truth).await;
}

/// The attack: pair each row of `table` (those `filter` keeps; each a hash written with one
/// response) with the response written by the same transaction. Every row carries the
/// last transaction's id: at most the last pairs with "its" response, and only because
/// every row pairs with that same response.
async fn assert_xmin_pairs_nothing(
    app: &TestApp,
    table: &str,
    filter: &str,
    truth: &[(String, i16)],
) {
    let pairs: Vec<(String, i16, i16)> = sqlx::query_as(&format!(
        "select t.hash, r.belong, r.welcome from {table} t \
         join response r on cast(r.xmin as text) = cast(t.xmin as text) \
         where {filter} order by t.hash"
    ))
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    let recovered = truth
        .iter()
        .filter(|(hash, n)| {
            let matches: Vec<i16> = pairs
                .iter()
                .filter(|p| &p.0 == hash)
                .map(|p| arrival_of(p.1, p.2))
                .collect();
            matches == vec![*n]
        })
        .count();
    assert!(
        recovered <= 1,
        "xmin pairs {recovered} rows of {table} with their responses: {pairs:?}"
    );
    assert!(
        pairs.is_empty() || pairs.len() >= truth.len(),
        "pairing is not ambiguous: {pairs:?}"
    );
}

/// Sends submission number n of the session at `path` from a freshly drawn form; returns
/// the hash its form leaves in `form_sent`.
async fn send_drawn(app: &TestApp, session: &domain::catalog::Session, n: i16) -> String {
    let path = format!("/s/{}", session.code);
    let once = form_token(&text(app.get(&path).await).await);
    let posted = app
        .post_form(&path, format!("{}&once={once}", arrival_body(n)))
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let key = collector::once::FormKey::load(&app.store).await.unwrap();
    key.verify(session.id, &once)
        .unwrap()
        .hash()
        .as_str()
        .to_owned()
}

async fn sent_forms(app: &TestApp, session_id: domain::SessionId) -> i64 {
    app.count(&format!(
        "select count(*) from form_sent where session_id = {session_id}"
    ))
    .await
}

async fn sealing_erases_the_sessions_sent_forms(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let (other, _) = app.open_session(None, None).await;
    let path = format!("/s/{}", session.code);
    let once = form_token(&text(app.get(&path).await).await);
    let body = format!("belong=4&once={once}");
    assert_eq!(
        app.post_form(&path, body.clone()).await.status(),
        StatusCode::SEE_OTHER
    );
    send_drawn(&app, &session, 1).await;
    send_drawn(&app, &other, 2).await;
    assert_eq!(
        (
            sent_forms(&app, session.id).await,
            sent_forms(&app, other.id).await
        ),
        (2, 1)
    );

    domain::catalog::close_session(&app.store, &session.code)
        .await
        .unwrap();
    assert_eq!(seal(&app).await, 1);
    assert_eq!(
        sent_forms(&app, session.id).await,
        0,
        "sealing kept sent forms"
    );
    assert_eq!(
        sent_forms(&app, other.id).await,
        1,
        "another session's went too"
    );
    assert_eq!(
        app.count(&format!(
            "select count(*) from response where session_id = {}",
            session.id
        ))
        .await,
        2
    );
    // A form of the sealed session sent again: closed, and nothing stored.
    assert_eq!(app.post_form(&path, body).await.status(), StatusCode::GONE);
    assert_eq!(app.responses().await, 3);
}

/// Each submission alone, so each batch rewrites its session's sent forms: the order they
/// sit in (SQLite assigns a rowid in insertion order; PostgreSQL's heap, `ctid`) is a
/// shuffle, not the order they arrived in.
async fn sent_forms_are_kept_in_no_arrival_order(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let mut arrived = Vec::new();
    for n in 0..12 {
        arrived.push(send_drawn(&app, &session, n).await);
    }
    let order_by = match app.store.backend() {
        Backend::Sqlite => "rowid",
        Backend::Postgres => "ctid",
    };
    let stored: Vec<String> =
        sqlx::query_scalar(&format!("select hash from form_sent order by {order_by}"))
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    let ranks: Vec<usize> = stored
        .iter()
        .map(|h| arrived.iter().position(|a| a == h).expect("a sent form"))
        .collect();
    let mut sorted = ranks.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..12).collect::<Vec<usize>>());
    // 12 shuffled rows come out in arrival order with probability 1/12!.
    assert_ne!(ranks, sorted, "sent forms are kept in arrival order");
    assert!(
        ranks.windows(2).filter(|w| w[1] == w[0] + 1).count() < 6,
        "the stored order follows arrival: {ranks:?}"
    );
}

#[tokio::test]
async fn postgres_transaction_ids_do_not_pair_sent_forms_with_responses() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let app = TestApp::spawn(&db).await;
    let (session, _) = app.open_session(None, None).await;
    // Each submission alone, so each is its own transaction.
    let mut truth = Vec::new();
    for n in 0..4 {
        truth.push((send_drawn(&app, &session, n).await, n));
    }
    assert_xmin_pairs_nothing(&app, "form_sent", "true", &truth).await;
}
