//! Release notices (issue 21) against real parts started here: PyPI's aiosmtpd as the SMTP
//! server (writing each message to a Maildir) and an axum receiver for webhooks, on SQLite
//! and PostgreSQL. The worker is driven with an explicit clock instead of sleeping.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use common::TestDb;
use common::staff::*;
use dashboards::notify::webhook;
use domain::audit::{self, Action, Actor, Filter};
use hmac::{Hmac, Mac};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// aiosmtpd on `port`, delivering into the Maildir `dir`; killed on drop.
struct Smtp(std::process::Child);

impl Smtp {
    fn start(port: u16, dir: &std::path::Path) -> Smtp {
        let smtp = Smtp(
            std::process::Command::new("python3")
                .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
                .args(["-c", "aiosmtpd.handlers.Mailbox"])
                .arg(dir)
                .spawn()
                .expect("python3 -m aiosmtpd (pip install aiosmtpd)"),
        );
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return smtp;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("aiosmtpd did not start");
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn mails(dir: &std::path::Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir.join("new")) else {
        return vec![];
    };
    entries
        .map(|e| quoted_printable(&std::fs::read_to_string(e.unwrap().path()).unwrap()))
        .collect()
}

/// The message with its quoted-printable parts decoded (soft breaks joined, =XX bytes).
fn quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// Requests a receiver got: (signature header, body).
type Received = Arc<Mutex<Vec<(String, String)>>>;

/// An HTTP receiver answering `status` (changeable) to every POST.
async fn receiver(status: Arc<Mutex<StatusCode>>) -> (String, Received) {
    let got: Received = Arc::default();
    let (g, s) = (got.clone(), status.clone());
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let (g, s) = (g.clone(), s.clone());
            async move {
                let sig = headers
                    .get("hearth-signature")
                    .map(|v| v.to_str().unwrap().to_owned())
                    .unwrap_or_default();
                g.lock().unwrap().push((sig, body));
                *s.lock().unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/hook"), got)
}

fn verify(secret: &str, header: &str, body: &str) -> bool {
    let (t, v1) = header
        .strip_prefix("t=")
        .and_then(|rest| rest.split_once(",v1="))
        .unwrap();
    let mut mac = Hmac::<sha2_hmac::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{body}").as_bytes());
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    expected == v1
}

async fn subjects(store: &domain::Store, action: Action) -> Vec<String> {
    let filter = Filter {
        action: Some(action),
        ..Filter::default()
    };
    let mut s: Vec<String> = audit::list(store, &filter, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.subject)
        .collect();
    s.sort();
    s
}

/// SMTP down and a receiver answering 500 at release: the releases stand, nothing is
/// delivered, every message waits its back-off. Once both are up, one digest per
/// manager (per month), funder (per quarter) and admin (per period), none for the
/// facilitator or a manager who turned digests off, and one signed POST per release.
async fn released_periods_reach_staff_and_webhooks(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    sqlx::query("update staff_user set digests = 0 where email = $1")
        .bind(MANAGER_B)
        .execute(store.pool())
        .await
        .unwrap();
    let status = Arc::new(Mutex::new(StatusCode::INTERNAL_SERVER_ERROR));
    let (hook_url, got) = receiver(status.clone()).await;
    let (_, secret) = webhook::add(&store, &hook_url, Actor::Staff(ADMIN), 0)
        .await
        .unwrap()
        .unwrap();
    let port = free_port();
    let dash = dashboards::Dashboards::new(
        store.clone(),
        "https://hearth.test",
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    let mailer = hearth::notify::Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Hearth <hearth@test.hearth>",
    )
    .unwrap();
    let notifier = hearth::notify::Notifier::new(dash, Some(mailer)).unwrap();

    let now = 1_800_000_000;
    let first = notifier.run_once(now).await.unwrap();
    assert_eq!(first.announced, ["2026-07", "2026-08", "2026-09", QUARTER]);
    // Digests: manager A × 3 months, admin × 4 periods, funder × the quarter; webhooks × 4.
    assert_eq!((first.attempted, first.delivered), (8 + 4, 0));
    assert_eq!(
        got.lock().unwrap().len(),
        4,
        "one POST per release, each answered 500"
    );
    let released: i64 = sqlx::query_scalar("select count(*) from data_release")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(released, 4, "failed deliveries undo no release");
    // Nothing is due again before its minute of back-off.
    let early = notifier.run_once(now + 59).await.unwrap();
    assert_eq!(early.attempted, 0);
    // A second instance announcing again queues nothing twice.
    assert!(
        notifier
            .run_once(now + 59)
            .await
            .unwrap()
            .announced
            .is_empty()
    );

    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("maildir"); // aiosmtpd makes a Maildir that is not there yet
    let _smtp = Smtp::start(port, &dir);
    *status.lock().unwrap() = StatusCode::OK;
    let second = notifier.run_once(now + 60).await.unwrap();
    assert_eq!((second.attempted, second.delivered), (12, 12));
    assert_eq!(notifier.run_once(now + 100_000).await.unwrap().attempted, 0);

    let mail = mails(&dir);
    assert_eq!(mail.len(), 8);
    let to = |who: &str| {
        mail.iter()
            .filter(|m| m.contains(&format!("To: {who}")))
            .count()
    };
    assert_eq!(
        (
            to(MANAGER_A),
            to(ADMIN),
            to(FUNDER),
            to(MANAGER_B),
            to(FACILITATOR_A)
        ),
        (3, 4, 1, 0, 0)
    );
    for m in &mail {
        assert!(m.contains("multipart/alternative"), "{m}");
        assert!(m.contains("text/plain") && m.contains("text/html"), "{m}");
        assert!(m.contains("To stop them, turn them off"), "{m}");
        assert!(m.contains("https://hearth.test/staff/account"), "{m}");
    }
    let september = mail
        .iter()
        .find(|m| m.contains(&format!("To: {MANAGER_A}")) && m.contains("September 2026"))
        .unwrap();
    assert!(september.contains("Belonging (% positive)"), "{september}");
    assert!(september.contains("± "), "ranges in words: {september}");
    assert!(september.contains("https://hearth.test/staff/programs/101"));
    let report = mail
        .iter()
        .find(|m| m.contains(&format!("To: {FUNDER}")))
        .unwrap();
    assert!(report.contains("https://hearth.test/staff/reports/2026-Q3"));

    let posts = got.lock().unwrap().clone();
    assert_eq!(posts.len(), 8, "each release retried once after its 500");
    for (sig, body) in &posts {
        assert!(verify(&secret, sig, body), "signature {sig} of {body}");
        assert!(!verify("another secret", sig, body));
    }
    let bodies: Vec<serde_json::Value> = posts[4..]
        .iter()
        .map(|(_, b)| serde_json::from_str(b).unwrap())
        .collect();
    let quarter = bodies.iter().find(|b| b["period"] == QUARTER).unwrap();
    assert_eq!(quarter["level"], "quarter");
    assert_eq!(quarter["url"], "https://hearth.test/staff/reports/2026-Q3");
    assert!(quarter["released_at"].as_str().unwrap().ends_with('Z'));

    assert!(
        subjects(&store, Action::DigestsSent)
            .await
            .contains(&"digest for 2026-09 sent to 2 staff".to_owned())
    );
    assert!(
        subjects(&store, Action::WebhooksDelivered)
            .await
            .contains(&"webhook for 2026-Q3 delivered to 1 of 1".to_owned())
    );
}

/// An unreachable receiver: the message is retried with back-off, then marked failed
/// after the last wait; the audit says it reached none.
async fn an_unreachable_webhook_gives_up_after_its_backoff(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let url = format!("http://127.0.0.1:{}/gone", free_port());
    webhook::add(&store, &url, Actor::Staff(ADMIN), 0)
        .await
        .unwrap()
        .unwrap();
    let dash = dashboards::Dashboards::new(
        store.clone(),
        "https://hearth.test",
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    let notifier = hearth::notify::Notifier::new(dash, None).unwrap();
    let mut now = 1_800_000_000;
    let run = notifier.run_once(now).await.unwrap();
    assert_eq!(
        (run.attempted, run.delivered),
        (4, 0),
        "no SMTP: webhooks only"
    );
    for wait in dashboards::notify::outbox::BACKOFF_SECONDS {
        now += wait;
        assert_eq!(notifier.run_once(now - 1).await.unwrap().attempted, 0);
        assert_eq!(notifier.run_once(now).await.unwrap().attempted, 4);
    }
    let failed: i64 =
        sqlx::query_scalar("select count(*) from outbox where state = 'failed' and attempts = 6")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(failed, 4);
    assert!(
        subjects(&store, Action::WebhooksDelivered)
            .await
            .contains(&"webhook for 2026-07 delivered to 0 of 1".to_owned())
    );
    // The admin's delivery log says so, one row per release, in words.
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let page = common::http::get(&app, &mut admin, "/staff/admin/webhooks").await;
    assert_eq!(
        page.body
            .matches("<td data-label=\"State\">gave up</td>")
            .count(),
        4,
        "{}",
        page.body
    );
    for period in ["2026-07", "2026-08", "2026-09", QUARTER] {
        assert!(
            page.body
                .contains(&format!("<th scope=\"row\">{period}</th>")),
            "{period}"
        );
    }
    assert!(page.body.contains("<td data-label=\"Attempts\">6</td>"));
}

/// A participant's answers are never an event: after a submission through the real
/// server, the worker finds nothing to announce or send, and the receiver hears nothing.
async fn a_submission_sends_nothing(db: &TestDb) {
    let app = common::TestApp::spawn(db).await;
    let status = Arc::new(Mutex::new(StatusCode::OK));
    let (hook_url, got) = receiver(status).await;
    webhook::add(&app.store, &hook_url, Actor::Staff(ADMIN), 0)
        .await
        .unwrap()
        .unwrap();
    let (session, _) = app.open_session(None, None).await;
    let answers = "belong=5&welcome=4&heard=4&safe_to_share=3&not_judged=5&confidential=4\
                   &own_pace=skip&better=2&first_time=yes";
    let posted = app
        .post_form(&format!("/s/{}", session.code), answers)
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("select count(*) from response").await, 1);
    let dash = dashboards::Dashboards::new(
        app.store.clone(),
        "https://hearth.test",
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    let notifier = hearth::notify::Notifier::new(dash, None).unwrap();
    let run = notifier.run_once(1_800_000_000).await.unwrap();
    assert!(run.announced.is_empty());
    assert_eq!(run.attempted, 0);
    assert_eq!(app.count("select count(*) from outbox").await, 0);
    assert!(
        got.lock().unwrap().is_empty(),
        "nothing is sent per response"
    );
}

/// `hearth digest --dry-run` through the real binary: a released month prints one digest
/// per manager of its program and admin, with ranges and the stop line, and sends nothing;
/// an unreleased month is refused; without SMTP and without --dry-run nothing is sent.
async fn the_digest_command_prints_a_released_period_and_refuses_others(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let draft = domain::actions::Draft {
        circle_id: None,
        body: "Moved the Tuesday circle to a quieter room".to_owned(),
        taken_on: chrono::NaiveDate::from_ymd_opt(2026, 8, 12).unwrap(),
    };
    domain::actions::record(&store, PROGRAM_A, &draft, Actor::Staff(MANAGER_A))
        .await
        .unwrap();
    let run = |args: &[&str]| common::run_hearth(db, args);
    let out = run(&[
        "digest",
        "--period",
        "2026-08",
        "--dry-run",
        "--base-url",
        "https://hearth.test",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&format!("To: {MANAGER_A}")), "{stdout}");
    assert!(stdout.contains(&format!("To: {ADMIN}")), "{stdout}");
    assert!(
        !stdout.contains(&format!("To: {FACILITATOR_A}")),
        "{stdout}"
    );
    assert!(
        !stdout.contains(&format!("To: {FUNDER}")),
        "a month is not a funder's: {stdout}"
    );
    assert!(stdout.contains("±"), "{stdout}");
    assert!(stdout.contains("https://hearth.test/"), "{stdout}");
    assert!(stdout.contains("(not sent: --dry-run)"), "{stdout}");
    // The manager's actions: the one taken in August, and that it is not told yet.
    assert!(
        stdout.contains("1 action was recorded as taken in August 2026:"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Moved the Tuesday circle to a quieter room (the whole program, 12 August 2026)"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 action is not yet told to participants"),
        "{stdout}"
    );
    let audited: i64 =
        sqlx::query_scalar("select count(*) from staff_audit where action = 'digests_sent'")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(audited, 0, "a dry run sends and records nothing");

    // A manager whose account says Spanish gets the same digest in Spanish, with the
    // numbers written the Spanish way; the admin's stays English.
    sqlx::query("update staff_user set lang = 'es' where email = $1")
        .bind(MANAGER_A)
        .execute(store.pool())
        .await
        .unwrap();
    let out = run(&["digest", "--period", "2026-08", "--dry-run"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let digest_of = |who: &str| {
        stdout
            .split("To: ")
            .find(|d| d.starts_with(who))
            .unwrap_or_else(|| panic!("no digest to {who}: {stdout}"))
            .to_owned()
    };
    let spanish = digest_of(MANAGER_A);
    for words in [
        "Subject: Hearth: se publicaron las cifras de",
        "de agosto de 2026",
        "Pertenencia (% positivo): ",
        "Los rangos son márgenes de error del 90 %",
        "Se registró 1 acción tomada en agosto de 2026:",
        "(todo el programa, 12 de agosto de 2026)",
        "1 acción aún no se ha comunicado",
        "desactívelos en «Mi cuenta»",
    ] {
        assert!(spanish.contains(words), "{words:?} missing: {spanish}");
    }
    for english in [
        "Belonging",
        "recorded",
        "Ranges are",
        "To stop them",
        "August",
    ] {
        assert!(
            !spanish.contains(english),
            "{english:?} in Spanish: {spanish}"
        );
    }
    assert!(
        digest_of(ADMIN).contains("Hearth: August 2026 is released"),
        "{stdout}"
    );

    let unreleased = run(&["digest", "--period", "2026-11", "--dry-run"]);
    assert!(!unreleased.status.success());
    assert!(String::from_utf8_lossy(&unreleased.stderr).contains("has not been released"));
    let no_smtp = run(&["digest", "--period", "2026-08"]);
    assert!(!no_smtp.status.success());
    assert!(String::from_utf8_lossy(&no_smtp.stderr).contains("no SMTP server"));
}

on_both_stores!(
    the_digest_command_prints_a_released_period_and_refuses_others,
    released_periods_reach_staff_and_webhooks,
    an_unreachable_webhook_gives_up_after_its_backoff,
    a_submission_sends_nothing,
);
