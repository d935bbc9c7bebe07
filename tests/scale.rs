//! Scale-out, proved: three real `hearth serve` processes on one fresh PostgreSQL database
//! behind HAProxy running the shipped `deploy/haproxy.cfg`, driven through it — capacity
//! and tickets under concurrent submissions, a close seen by every instance at once, the
//! automatic release once with every instance running it, staff sign-ins and forms across
//! instances, sign-in limits shared by all, and balancer logs without client addresses —
//! and the faults: an instance killed under load (tests/scale_restart.rs restarts
//! PostgreSQL itself).
//!
//! PostgreSQL only (SQLite is one machine's store). Under `CI=true` an unreachable server
//! fails these tests; elsewhere they are skipped, loudly.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::TestDb;
use common::cluster::*;
use dashboards::account::{self, NewUser};
use domain::catalog::{self, NewSession};
use domain::instrument::{Answers, Item, Rating};

const PASSWORD: &str = "correct horse battery staple";

fn statuses(list: &[Option<u16>]) -> BTreeMap<Option<u16>, usize> {
    let mut counts = BTreeMap::new();
    for s in list {
        *counts.entry(*s).or_default() += 1;
    }
    counts
}

async fn count(db: &TestDb, sql: &str) -> i64 {
    let store = db.store().await;
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// 80 submissions at once for a session of 30, spread by the balancer over three
/// instances: exactly 30 stored; five tickets each sent six times at once: each used once.
#[tokio::test]
async fn capacity_and_tickets_hold_across_instances() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let cluster = Cluster::start(&db, 3);
    let (code, _) = open_session(&db, &["--capacity", "30"]);
    let client = client();
    let url = cluster.balancer.url(&format!("/s/{code}"));
    let sent: Vec<_> = (0..80)
        .map(|n| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(
                async move { post_form(&client, &url, &format!("belong={}", n % 5 + 1)).await },
            )
        })
        .collect();
    let mut got = vec![];
    for task in sent {
        got.push(task.await.unwrap());
    }
    let counts = statuses(&got);
    assert_eq!(counts.get(&Some(303)), Some(&30), "{counts:?}");
    assert_eq!(counts.get(&Some(410)), Some(&50), "{counts:?}");
    assert_eq!(count(&db, "select count(*) from response").await, 30);

    let (ticketed, tickets) = open_session(&db, &["--tickets", "5"]);
    assert_eq!(tickets.len(), 5);
    let url = cluster.balancer.url(&format!("/s/{ticketed}"));
    let mut sent = vec![];
    for ticket in &tickets {
        for _ in 0..6 {
            let (client, url) = (client.clone(), url.clone());
            let body = format!("belong=4&ticket={ticket}");
            sent.push(tokio::spawn(async move {
                post_form(&client, &url, &body).await
            }));
        }
    }
    let mut got = vec![];
    for task in sent {
        got.push(task.await.unwrap());
    }
    let counts = statuses(&got);
    assert_eq!(counts.get(&Some(303)), Some(&5), "{counts:?}");
    // The rest: "ticket already used" (409), or "session full" (410) once all five are in.
    assert_eq!(
        counts.get(&Some(409)).unwrap_or(&0) + counts.get(&Some(410)).unwrap_or(&0),
        25,
        "{counts:?}"
    );
    assert_eq!(count(&db, "select count(*) from response").await, 35);
}

/// A session closed through one instance's facilitator desk refuses answers on every
/// instance as soon as the close is acknowledged: no cache lets one in.
#[tokio::test]
async fn a_close_through_one_instance_holds_on_all_at_once() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let store = db.store().await;
    store.migrate().await.unwrap();
    add_staff(
        &store,
        "facilitator@test.hearth",
        "facilitator",
        Some("Peer Bridges"),
    )
    .await;
    let cluster = Cluster::start(&db, 3);
    let mut desk = Browser::default();
    let base = cluster.instance_url(0, "");
    assert_eq!(
        desk.sign_in(&base, "facilitator@test.hearth", PASSWORD)
            .await
            .status,
        303
    );
    let client = client();
    for round in 0..5 {
        let (code, _) = open_session(&db, &["--capacity", "100"]);
        // Every instance takes answers (and so has looked the session up).
        for i in 0..3 {
            let url = cluster.instance_url(i, &format!("/s/{code}"));
            assert_eq!(post_form(&client, &url, "belong=3").await, Some(303));
        }
        let confirm = desk
            .get(&format!("{base}/staff/sessions/{code}/close"))
            .await;
        assert_eq!(confirm.status, 200);
        let token = common::http::token(&confirm.body);
        let closed = desk
            .post(
                &format!("{base}/staff/sessions/{code}/close"),
                &[("authenticity_token", &token), ("confirm", "yes")],
            )
            .await;
        assert_eq!(closed.status, 303, "round {round}: {}", closed.body);
        // Acknowledged: from now on, every instance refuses.
        for i in [2, 1, 0] {
            let url = cluster.instance_url(i, &format!("/s/{code}"));
            assert_eq!(
                post_form(&client, &url, "belong=3").await,
                Some(410),
                "round {round}, instance {i}"
            );
        }
    }
    assert_eq!(count(&db, "select count(*) from response").await, 15);
}

async fn add_staff(store: &domain::Store, email: &str, role: &str, program: Option<&str>) {
    if let Some(program) = program {
        sqlx::query("insert into program (id, name) values ($1, $2) on conflict (name) do nothing")
            .bind(domain::store::random_id())
            .bind(program)
            .execute(store.pool())
            .await
            .unwrap();
    }
    account::add_user(
        store,
        &NewUser::new(email, role, program).unwrap(),
        PASSWORD.into(),
    )
    .await
    .unwrap();
}

/// Signed in through one instance, signed in on the others; a form served by one is
/// accepted by another; and the sign-in limit (5 tries per account per minute) holds over
/// all three: three instances do not allow three times the tries.
#[tokio::test]
async fn staff_sessions_forms_and_sign_in_limits_span_instances() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let store = db.store().await;
    // The program and its circle.
    open_session(&db, &["--capacity", "10"]);
    let circle: i32 = sqlx::query_scalar("select id from circle")
        .fetch_one(store.pool())
        .await
        .unwrap();
    add_staff(
        &store,
        "manager@test.hearth",
        "manager",
        Some("Peer Bridges"),
    )
    .await;
    add_staff(
        &store,
        "target@test.hearth",
        "facilitator",
        Some("Peer Bridges"),
    )
    .await;
    let cluster = Cluster::start(&db, 3);
    let base = |i| cluster.instance_url(i, "");

    let mut manager = Browser::default();
    assert_eq!(
        manager
            .sign_in(&base(0), "manager@test.hearth", PASSWORD)
            .await
            .status,
        303
    );
    for i in 1..3 {
        let page = manager.get(&format!("{}/staff/sessions", base(i))).await;
        assert_eq!(page.status, 200, "instance {i}");
        assert!(page.body.contains("manager@test.hearth"));
    }
    // The form from instance 1, sent to instance 2, for a session held today: the desk
    // takes only dates within a week of today.
    let today = chrono::Local::now().date_naive().to_string();
    let form = manager.get(&format!("{}/staff/sessions", base(1))).await;
    let token = common::http::token(&form.body);
    let opened = manager
        .post(
            &format!("{}/staff/sessions", base(2)),
            &[
                ("authenticity_token", &token),
                ("circle", &circle.to_string()),
                ("held_on", &today),
                ("capacity", "20"),
                ("hours", "3"),
                ("tickets", ""),
            ],
        )
        .await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    assert_eq!(count(&db, "select count(*) from session").await, 2);

    // Wrong passwords for one account, spread over the three instances.
    let mut refused_at = None;
    for attempt in 0..9 {
        let mut guesser = Browser::default();
        let answer = guesser
            .sign_in(
                &base(attempt % 3),
                "target@test.hearth",
                "wrong password guess",
            )
            .await;
        match answer.status {
            422 | 401 | 200 => {}
            429 => {
                refused_at.get_or_insert(attempt);
            }
            other => panic!("attempt {attempt}: {other}"),
        }
    }
    assert_eq!(
        refused_at,
        Some(5),
        "the sixth try is refused wherever it lands"
    );
}

/// Every instance runs the automatic release at start: each due period is released once,
/// and each program-month's budget spent once.
#[tokio::test]
async fn every_instance_releasing_releases_each_period_once() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let store = db.store().await;
    store.migrate().await.unwrap();
    for (month, days) in [(9, [1, 8, 15, 22]), (10, [6, 13, 20, 27])] {
        for day in days {
            for circle in ["Tuesday Evening", "Saturday Morning"] {
                let date = NaiveDate::from_ymd_opt(2026, month, day).unwrap();
                let new =
                    NewSession::new("Peer Bridges", circle, date, Some(40), None, None).unwrap();
                let (session, _) = catalog::open_session(&store, &new).await.unwrap();
                let answers: Vec<Answers> = (0..12)
                    .map(|k| {
                        let mut a = Answers::default();
                        for item in Item::ALL {
                            a.set_rating(item, Rating::try_from((k % 5 + 1) as u8).ok());
                        }
                        a
                    })
                    .collect();
                collector::commit::insert_synthetic(&store, session.id, &answers)
                    .await
                    .unwrap();
                catalog::close_session(&store, &session.code).await.unwrap();
            }
        }
    }
    let _cluster = Cluster::start(&db, 3);
    // 2026-09, 2026-10 and 2026-Q3 are due (Q4 has not ended).
    let deadline = Instant::now() + Duration::from_secs(120);
    while count(&db, "select count(*) from data_release").await < 3 {
        assert!(Instant::now() < deadline, "the releases did not come");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Let every instance finish its pass.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let periods: Vec<String> =
        sqlx::query_scalar("select period from data_release order by period")
            .fetch_all(store.pool())
            .await
            .unwrap();
    assert_eq!(periods, ["2026-09", "2026-10", "2026-Q3"]);
    let settings = analytics::budget::load_settings(&store).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let losses = analytics::ledger::losses(&mut conn).await.unwrap();
    assert_eq!(losses.len(), 2, "{losses:?}");
    for ((_, month), loss) in &losses {
        assert_eq!(
            loss.spend.to_string(),
            settings.budget.to_string(),
            "{month} spent once"
        );
    }
    let audit = domain::audit::list(
        &store,
        &domain::audit::Filter {
            action: Some(domain::audit::Action::Released),
            ..Default::default()
        },
        100,
    )
    .await
    .unwrap();
    assert_eq!(audit.len(), 3);
    assert!(audit.iter().all(|e| e.actor == "(schedule)"));
}

/// The balancer's own log, captured: participant requests leave no line at all; staff
/// lines hold no client address and no time.
#[tokio::test]
async fn the_balancer_logs_no_participant_request_and_no_address() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let cluster = Cluster::start(&db, 2);
    let (code, _) = open_session(&db, &["--capacity", "50"]);
    let client = client();
    for path in ["/", "/privacy", "/assets/participant.css", "/healthz"] {
        client.get(cluster.balancer.url(path)).send().await.unwrap();
    }
    client
        .get(cluster.balancer.url(&format!("/s/{code}")))
        .send()
        .await
        .unwrap();
    for _ in 0..5 {
        let url = cluster.balancer.url(&format!("/s/{code}"));
        assert_eq!(post_form(&client, &url, "belong=5").await, Some(303));
    }
    client
        .get(cluster.balancer.url(&format!("/s/{code}/thanks")))
        .send()
        .await
        .unwrap();
    // A staff request is logged (so the test sees the log works), without an address.
    client
        .get(cluster.balancer.url("/staff/sign-in"))
        .send()
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let log = cluster.balancer.log();
    assert!(log.contains("/staff/sign-in"), "{log}");
    assert!(!log.contains(&code), "{log}");
    for forbidden in [
        "/s/",
        "/privacy",
        "/assets/",
        "GET / ",
        "127.0.0.1",
        "2026",
        ":",
    ] {
        for line in log.lines().filter(|l| l.contains(" hearth/")) {
            assert!(!line.contains(forbidden), "{forbidden:?} in {line}");
        }
    }
}

/// The shipped balancer limits sign-in posts per client address (20 a minute, kept in its
/// memory): the 21st from one address is refused by HAProxy itself, while other pages
/// from the same address, and a sign-in that does not pass through the balancer, go on;
/// the log still holds no address.
#[tokio::test]
async fn the_balancer_limits_sign_in_posts_per_address() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let store = db.store().await;
    add_staff(&store, "owner@test.hearth", "funder", None).await;
    let cluster = Cluster::start(&db, 2);
    let base = cluster.balancer.url("");
    let mut statuses = vec![];
    for k in 0..24 {
        // A different unknown email each time: Hearth's per-account limit never applies.
        let answer = Browser::default()
            .sign_in(&base, &format!("nobody-{k}@test.hearth"), "a wrong guess")
            .await;
        if answer.status == 429 {
            assert!(
                answer
                    .body
                    .contains("Too many sign-in attempts from your network"),
                "{}",
                answer.body
            );
        }
        statuses.push(answer.status);
    }
    assert_eq!(statuses[..20], [401; 20], "{statuses:?}");
    assert_eq!(statuses[20..], [429; 4], "{statuses:?}");
    // Even the right password, from this address, through the balancer, waits.
    let refused = Browser::default()
        .sign_in(&base, "owner@test.hearth", PASSWORD)
        .await;
    assert_eq!(refused.status, 429);
    // Reading pages is not limited; nor is a sign-in from elsewhere (here: straight to
    // an instance, as from another address).
    let client = client();
    for path in ["/staff/sign-in", "/", "/privacy"] {
        let page = client.get(cluster.balancer.url(path)).send().await.unwrap();
        assert_eq!(page.status(), 200, "{path}");
    }
    let direct = Browser::default()
        .sign_in(&cluster.instance_url(0, ""), "owner@test.hearth", PASSWORD)
        .await;
    assert_eq!(direct.status, 303);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let log = cluster.balancer.log();
    assert!(log.contains(" 429 "), "{log}");
    assert!(!log.contains("127.0.0.1"), "{log}");
}

/// One instance killed (SIGKILL) under load: every 303 answered before is stored once,
/// and the balancer sends the rest to the survivors.
#[tokio::test]
async fn an_instance_killed_under_load_loses_nothing_acknowledged() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let mut cluster = Cluster::start(&db, 3);
    // One session of 1,000 places per worker: more than the load can fill.
    let urls: Vec<String> = (0..16)
        .map(|_| {
            let (code, _) = open_session(&db, &["--capacity", "1000"]);
            cluster.balancer.url(&format!("/s/{code}"))
        })
        .collect();
    let started = Instant::now();
    let workers: Vec<_> = (0..16)
        .map(|w| {
            let (client, url) = (client(), urls[w % urls.len()].clone());
            tokio::spawn(async move {
                let mut seen = vec![];
                let mut n = 0;
                while started.elapsed() < Duration::from_secs(6) {
                    let at = started.elapsed();
                    let status =
                        post_form(&client, &url, &format!("belong={}", (w + n) % 5 + 1)).await;
                    seen.push((at, status));
                    n += 1;
                }
                seen
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut victim = cluster.servers[0].take().unwrap();
    victim.child.kill().unwrap();
    victim.child.wait().unwrap();
    let killed_at = started.elapsed();
    let mut seen = vec![];
    for worker in workers {
        seen.extend(worker.await.unwrap());
    }
    let accepted = seen.iter().filter(|(_, s)| *s == Some(303)).count() as i64;
    let failed = seen.iter().filter(|(_, s)| *s != Some(303)).count() as i64;
    let after = seen
        .iter()
        .filter(|(at, s)| *at > killed_at + Duration::from_secs(1) && *s == Some(303))
        .count();
    let stored = count(&db, "select count(*) from response").await;
    // Every 303 is stored; at most the submissions in flight on the killed instance
    // (which got no answer) may be stored without one.
    assert!(stored >= accepted, "stored {stored} < accepted {accepted}");
    assert!(
        stored - accepted <= failed,
        "stored {stored}, accepted {accepted}, failed {failed}"
    );
    let mut kinds = BTreeMap::new();
    for (_, status) in &seen {
        *kinds.entry(*status).or_insert(0) += 1;
    }
    assert!(failed <= 16, "only requests in flight fail: {kinds:?}");
    assert!(after > 100, "the survivors took the load: {after}");
}
