//! Retention: raw answers go once their month and quarter are both released and the
//! retention time has passed — and nothing any page, report or export shows changes; a
//! period not wholly released is never touched; on SQLite the deleted records are gone
//! from the file's bytes.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::collections::HashSet;

use analytics::release::{self, ReleaseOptions};
use analytics::retention;
use analytics::suppression::Audience;
use analytics::view;
use chrono::NaiveDate;
use common::TestDb;
use common::staff::*;
use domain::Backend;
use domain::audit::{Action, Actor, Filter};
use domain::catalog::{self, NewSession};
use domain::instrument::{Answers, Item, Rating};
use sqlx::Row;

const DAY: i64 = 86_400;

/// The seeded network (July–September and Q3 released) plus October: sessions with
/// answers, the month released, its quarter not (it has not ended).
async fn seed_with_october(store: &domain::Store) {
    seed_network(store).await;
    for day in [6, 13] {
        let date = NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
        let new =
            NewSession::new("Riverside", "Monday Circle", date, Some(40), None, None).unwrap();
        let (session, _) = catalog::open_session(store, &new).await.unwrap();
        let answers: Vec<Answers> = (0..7)
            .map(|k| {
                let mut a = Answers::default();
                for item in Item::ALL {
                    a.set_rating(item, Rating::try_from(1 + (k % 5) as u8).ok());
                }
                a
            })
            .collect();
        collector::commit::insert_synthetic(store, session.id, &answers)
            .await
            .unwrap();
        catalog::close_session(store, &session.code).await.unwrap();
    }
    collector::seal::seal_closed_sessions(store, catalog::now_unix())
        .await
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    release::release(
        store,
        "2026-10".parse().unwrap(),
        today,
        &ReleaseOptions::seeded(7),
    )
    .await
    .unwrap();
}

async fn count(store: &domain::Store, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn responses_of(store: &domain::Store, month: &str) -> i64 {
    count(
        store,
        &format!(
            "select count(*) from response r join session s on s.id = r.session_id \
             where substr(s.held_on, 1, 7) = '{month}'"
        ),
    )
    .await
}

async fn retention_entries(store: &domain::Store) -> Vec<domain::audit::Stored> {
    let filter = Filter {
        action: Some(Action::RetentionApplied),
        ..Filter::default()
    };
    domain::audit::list(store, &filter, 100).await.unwrap()
}

/// Every staff page, report and export that shows released figures, as each role sees
/// it, with the per-render form values (CSRF token, one-time form id) blanked.
async fn rendered(store: &domain::Store) -> Vec<(String, String)> {
    let app = router(store).await;
    let a = format!("/staff/programs/{PROGRAM_A}");
    let pages: Vec<(&str, Vec<String>)> = vec![
        (
            MANAGER_A,
            vec![
                "/staff".into(),
                a.clone(),
                format!("{a}/circles/{CIRCLE_A1}"),
                format!("{a}/circles/{CIRCLE_A2}"),
                format!("{a}/report"),
                format!("{a}/csv"),
                format!("{a}/dictionary.csv"),
            ],
        ),
        (
            FUNDER,
            vec![
                "/staff/reports".into(),
                format!("/staff/reports/{QUARTER}"),
                format!("/staff/reports/{QUARTER}/csv"),
            ],
        ),
        (FACILITATOR_A, vec!["/staff/sessions".into()]),
        (
            ADMIN,
            vec![
                "/staff/admin".into(),
                "/staff/admin/ledger".into(),
                format!("/staff/programs/{PROGRAM_B}"),
            ],
        ),
    ];
    let mut out = Vec::new();
    for (who, paths) in pages {
        let mut jar = sign_in(&app, who).await;
        for path in paths {
            let page = get(&app, &mut jar, &path).await;
            assert_eq!(page.status, 200, "{who} {path}");
            let mut body = page.body;
            // Per-render form values: the CSRF token and the one-time form id.
            for marker in [
                "name=\"authenticity_token\" value=\"",
                "name=\"once\" value=\"",
            ] {
                while let Some(at) = body.find(marker) {
                    let end = at + marker.len() + body[at + marker.len()..].find('"').unwrap();
                    body.replace_range(at..end, "PER-RENDER");
                }
            }
            out.push((format!("{who} {path}"), body));
        }
    }
    for period in ["2026-07", "2026-08", "2026-09", "2026-10", QUARTER] {
        let stored = view::load_release(store, period.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        for audience in [Audience::Manager, Audience::Funder] {
            let mut frame = view::export_frame(&stored, audience).unwrap();
            let mut csv = Vec::new();
            view::write_export(&mut frame, view::ExportFormat::Csv, &mut csv).unwrap();
            out.push((
                format!("export {period} {audience:?}"),
                String::from_utf8(csv).unwrap(),
            ));
        }
    }
    out
}

on_both_stores!(
    retention_deletes_released_months_past_their_time_and_changes_no_page,
    retention_records_the_months_it_applied_to_and_no_count,
);

async fn retention_deletes_released_months_past_their_time_and_changes_no_page(db: &TestDb) {
    let store = db.store().await;
    seed_with_october(&store).await;
    let total = count(&store, "select count(*) from response").await;
    let october = responses_of(&store, "2026-10").await;
    assert_eq!(october, 14);
    let before = rendered(&store).await;
    let now = chrono::Utc::now().timestamp();

    // Released just now: within the default 90 days nothing goes.
    assert_eq!(retention::load_days(&store).await.unwrap(), 90);
    let applied = retention::apply(&store, now, Actor::Scheduler)
        .await
        .unwrap();
    assert!(applied.months.is_empty());
    assert_eq!(count(&store, "select count(*) from response").await, total);
    assert!(
        retention_entries(&store).await.is_empty(),
        "an empty run left an entry"
    );
    let status = retention::status(&store, 90).await.unwrap();
    let july = status
        .iter()
        .find(|m| m.month.to_string() == "2026-07")
        .unwrap();
    assert_eq!((july.sessions, july.deleted_at), (16, None));
    assert!(july.deletable_at.unwrap() > now + 89 * DAY);
    let oct = status
        .iter()
        .find(|m| m.month.to_string() == "2026-10")
        .unwrap();
    assert_eq!((oct.deletable_at, oct.sessions), (None, 2));
    assert!(
        oct.describe(90).contains("2026-Q4 not released yet"),
        "{}",
        oct.describe(90)
    );

    // 91 days on: July to September go; October (its quarter unreleased) stays whole,
    // however late it is.
    let later = now + 91 * DAY;
    let applied = retention::apply(&store, later, Actor::Scheduler)
        .await
        .unwrap();
    assert_eq!(applied.describe(), "2026-07, 2026-08, 2026-09");
    assert_eq!(
        count(&store, "select count(*) from response").await,
        october
    );
    assert_eq!(responses_of(&store, "2026-10").await, october);
    assert_eq!(
        count(
            &store,
            "select count(*) from session where substr(held_on, 1, 7) < '2026-10' and (received <> 0 or sealed = 0)"
        )
        .await,
        0,
        "counters of deleted months are kept"
    );
    assert_eq!(
        count(&store, "select cast(sum(received) as bigint) from session").await,
        october,
        "October's counters changed"
    );
    let much_later = now + 3650 * DAY;
    assert!(
        retention::apply(&store, much_later, Actor::Scheduler)
            .await
            .unwrap()
            .months
            .is_empty(),
        "a second run found something, or touched October"
    );
    assert_eq!(responses_of(&store, "2026-10").await, october);

    // One entry for the run, naming the months and no count (see
    // `retention_records_the_months_it_applied_to_and_no_count`).
    let entries = retention_entries(&store).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].actor, Actor::Scheduler.as_stored());
    assert_eq!(entries[0].subject, "2026-07, 2026-08, 2026-09");
    assert!(
        entries[0]
            .detail
            .starts_with("Deleted the raw answers of these months"),
        "{}",
        entries[0].detail
    );
    let status = retention::status(&store, 90).await.unwrap();
    let july = status
        .iter()
        .find(|m| m.month.to_string() == "2026-07")
        .unwrap();
    assert_eq!((july.sessions, july.deleted_at), (16, Some(later)));

    // Every page, report and export reads the same, byte for byte.
    let after = rendered(&store).await;
    assert_eq!(before.len(), after.len());
    for ((name, b), (_, a)) in before.iter().zip(&after) {
        if b != a {
            let diff: Vec<(&str, &str)> = b
                .lines()
                .zip(a.lines())
                .filter(|(x, y)| x != y)
                .take(5)
                .collect();
            panic!("{name} changed after retention: {diff:?}");
        }
    }
}

on_both_stores!(the_retention_setting_is_checked_and_audited);

async fn the_retention_setting_is_checked_and_audited(db: &TestDb) {
    let store = db.store().await;
    assert!(retention::parse_days("-3").is_err());
    assert_eq!(
        retention::save_days(&store, 30, Actor::CommandLine)
            .await
            .unwrap(),
        Some(90)
    );
    assert_eq!(
        retention::save_days(&store, 30, Actor::CommandLine)
            .await
            .unwrap(),
        None,
        "saving the value in force changed something"
    );
    assert_eq!(retention::load_days(&store).await.unwrap(), 30);
    let filter = Filter {
        action: Some(Action::SettingChanged),
        ..Filter::default()
    };
    let entries = domain::audit::list(&store, &filter, 10).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (entries[0].subject.as_str(), entries[0].detail.as_str()),
        ("retention.days", "90 days → 30 days")
    );
    // The privacy settings still load beside it.
    analytics::budget::load_settings(&store).await.unwrap();
}

/// SQLite's record format for a row of `response` (its `id` is the rowid, stored as
/// NULL in the record): the bytes a deleted answer would leave in the file.
fn record(values: &[Option<i64>]) -> Vec<u8> {
    let mut header = vec![];
    let mut body = vec![];
    for (k, value) in values.iter().enumerate() {
        let (kind, bytes): (u8, usize) = match *value {
            _ if k == 0 => (0, 0),
            None => (0, 0),
            Some(0) => (8, 0),
            Some(1) => (9, 0),
            Some(v) if (-128..128).contains(&v) => (1, 1),
            Some(v) if (-32768..32768).contains(&v) => (2, 2),
            Some(v) if (-(1 << 23)..(1 << 23)).contains(&v) => (3, 3),
            Some(v) if (-(1 << 31)..(1 << 31)).contains(&v) => (4, 4),
            Some(_) => (6, 8),
        };
        header.push(kind);
        if let Some(v) = value.filter(|_| bytes > 0) {
            body.extend_from_slice(&v.to_be_bytes()[8 - bytes..]);
        }
    }
    let mut out = vec![(header.len() + 1) as u8];
    out.extend(header);
    out.extend(body);
    out
}

/// How many of `records` occur in `bytes`: every place a record header of the right
/// width starts is read as one, and looked up.
fn found(bytes: &[u8], records: &HashSet<Vec<u8>>, columns: usize) -> usize {
    let mut hits = 0;
    for at in 0..bytes.len().saturating_sub(columns + 1) {
        if usize::from(bytes[at]) != columns + 1 {
            continue;
        }
        let kinds = &bytes[at + 1..at + 1 + columns];
        let mut len = columns + 1;
        let mut valid = true;
        for kind in kinds {
            len += match kind {
                0 | 8 | 9 => 0,
                1..=4 => usize::from(*kind),
                5 => 6,
                6 => 8,
                _ => {
                    valid = false;
                    break;
                }
            };
        }
        if valid && at + len <= bytes.len() && records.contains(&bytes[at..at + len]) {
            hits += 1;
        }
    }
    hits
}

/// The database file and its write-ahead log, as bytes.
fn file_bytes(db: &TestDb) -> Vec<u8> {
    let path = db.url.strip_prefix("sqlite:").unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    if let Ok(wal) = std::fs::read(format!("{path}-wal")) {
        bytes.extend(wal);
    }
    bytes
}

async fn records_of(store: &domain::Store, months: &str) -> (HashSet<Vec<u8>>, usize) {
    let rows = sqlx::query(&format!(
        "select r.* from response r join session s on s.id = r.session_id \
         where substr(s.held_on, 1, 7) {months}"
    ))
    .fetch_all(store.pool())
    .await
    .unwrap();
    let columns = rows[0].len();
    let set = rows
        .iter()
        .map(|row| {
            let values: Vec<Option<i64>> = (0..columns).map(|k| row.try_get(k).unwrap()).collect();
            record(&values)
        })
        .collect();
    (set, columns)
}

#[tokio::test]
async fn the_sqlite_file_holds_no_deleted_answer_after_retention() {
    let db = TestDb::sqlite().await;
    let store = db.store().await;
    assert_eq!(store.backend(), Backend::Sqlite);
    seed_with_october(&store).await;
    let (deleted, columns) = records_of(&store, "< '2026-10'").await;
    let (kept, _) = records_of(&store, "= '2026-10'").await;
    assert!(
        deleted.len() > 100 && kept.len() > 1,
        "{} {}",
        deleted.len(),
        kept.len()
    );
    sqlx::query("pragma wal_checkpoint(truncate)")
        .execute(store.pool())
        .await
        .unwrap();
    // The method sees the answers while they are kept (each distinct record at least once).
    let before = file_bytes(&db);
    assert!(found(&before, &deleted, columns) >= deleted.len());
    assert!(found(&before, &kept, columns) >= kept.len());

    retention::save_days(&store, 0, Actor::CommandLine)
        .await
        .unwrap();
    let applied = retention::apply(&store, chrono::Utc::now().timestamp(), Actor::CommandLine)
        .await
        .unwrap();
    assert_eq!(applied.months.len(), 3);
    assert!(applied.log_truncated, "the write-ahead log was not emptied");
    let after = file_bytes(&db);
    assert_eq!(
        found(&after, &deleted, columns),
        0,
        "deleted answers are still in the file or its log"
    );
    assert!(
        found(&after, &kept, columns) >= kept.len(),
        "kept answers are gone"
    );
    // While the server runs, the log fills again but with new pages only.
    let path = db.url.strip_prefix("sqlite:").unwrap();
    assert_eq!(
        std::fs::metadata(format!("{path}-wal"))
            .map(|m| m.len())
            .unwrap_or(0),
        0
    );
}

#[tokio::test]
async fn the_command_line_shows_and_sets_retention() {
    let db = TestDb::sqlite().await;
    let store = db.store().await;
    seed_with_october(&store).await;
    store.close().await;
    let hearth = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(args)
            .env("HEARTH_DATABASE_URL", &db.url)
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (ok, out, _) = hearth(&["retention", "status"]);
    assert!(ok);
    assert!(out.contains("deleted 90 days after"), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with(
            "2026-07  16 sessions in the catalog · answers kept: they go at the first hourly run after"
        )),
        "{out}"
    );
    let (ok, out, err) = hearth(&["privacy", "set", "retention.days", "forever"]);
    assert!(
        !ok && out.is_empty() && err.contains("whole number of days"),
        "{err}"
    );
    let (ok, out, _) = hearth(&["privacy", "set", "retention.days", "0"]);
    assert!(ok && out.contains("90 → 0 days"), "{out}");
    let (ok, out, _) = hearth(&["privacy", "show"]);
    assert!(ok && out.contains("retention.days = 0"), "{out}");
    let (ok, out, _) = hearth(&["retention", "apply"]);
    assert_eq!(
        (ok, out.as_str()),
        (
            true,
            "deleted the raw answers of 2026-07, 2026-08, 2026-09; releases are unchanged\n"
        )
    );
    let (ok, out, _) = hearth(&["retention", "status"]);
    assert!(ok, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("2026-07  16 sessions in the catalog · answers deleted 20")),
        "{out}"
    );
    assert!(
        out.contains(
            "2026-10  2 sessions in the catalog · 2026-Q4 not released yet: answers kept until it is, then 0 days"
        ),
        "{out}"
    );
    // Nothing counted from the answers (it once said "the answers of 2 sessions (14
    // answers)").
    assert!(
        !out.contains("answers of") && !out.contains(" answers)"),
        "{out}"
    );
}

on_both_stores!(the_participant_privacy_page_says_how_long_answers_are_kept);

async fn the_participant_privacy_page_says_how_long_answers_are_kept(db: &TestDb) {
    let app = common::TestApp::spawn(db).await;
    let page = common::text(app.get("/privacy").await).await;
    assert!(page.contains("deleted 90 days after"), "{page}");
    retention::save_days(&app.store, 30, Actor::CommandLine)
        .await
        .unwrap();
    let page = common::text(app.get("/privacy").await).await;
    assert!(
        page.contains("Your answers are deleted 30 days after"),
        "{page}"
    );
    let page = common::text(app.get("/privacy?lang=es").await).await;
    assert!(
        page.contains("Tus respuestas se borran 30 días después"),
        "{page}"
    );
    retention::save_days(&app.store, 1, Actor::CommandLine)
        .await
        .unwrap();
    let page = common::text(app.get("/privacy").await).await;
    assert!(page.contains("deleted 1 day after"), "{page}");
}

on_both_stores!(an_admin_sets_the_retention_time_on_the_privacy_page);

/// The privacy page's retention form: admins only, CSRF-guarded, post/redirect/get, one
/// audit entry per change ("90 days → 30 days") and none when nothing changes, a 422 with
/// nothing stored for a value that is not a number of days.
async fn an_admin_sets_the_retention_time_on_the_privacy_page(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let entries = || {
        let store = store.clone();
        async move {
            domain::audit::list(
                &store,
                &Filter {
                    action: Some(Action::SettingChanged),
                    ..Filter::default()
                },
                100,
            )
            .await
            .unwrap()
        }
    };
    let mut manager = sign_in(&app, MANAGER_A).await;
    let page = get(&app, &mut manager, "/staff/admin/privacy").await;
    assert_eq!(page.status.as_u16(), 403);
    let mut admin = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut admin, "/staff/admin/privacy").await;
    assert!(
        page.body
            .contains("Answers are kept now for <strong>90 days</strong>")
    );
    let form_token = token(&page.body);

    // Another role, or no token: nothing stored.
    let token_m = token(&get(&app, &mut manager, "/staff").await.body);
    let refused = post(
        &app,
        &mut manager,
        "/staff/admin/retention",
        &[("authenticity_token", &token_m), ("days", "30")],
    )
    .await;
    assert_eq!(refused.status.as_u16(), 403);
    let forged = post(
        &app,
        &mut admin,
        "/staff/admin/retention",
        &[("days", "30")],
    )
    .await;
    assert_ne!(forged.status.as_u16(), 303);
    let bad = post(
        &app,
        &mut admin,
        "/staff/admin/retention",
        &[("authenticity_token", &form_token), ("days", "forever")],
    )
    .await;
    assert_eq!(bad.status.as_u16(), 422);
    assert!(
        bad.body.contains("is not a whole number of days"),
        "{}",
        bad.body
    );
    assert_eq!(retention::load_days(&store).await.unwrap(), 90);
    assert!(entries().await.is_empty());

    let fields = [("authenticity_token", form_token.as_str()), ("days", "30")];
    let saved = post(&app, &mut admin, "/staff/admin/retention", &fields).await;
    assert_eq!(saved.status.as_u16(), 303);
    assert_eq!(saved.location.as_deref(), Some("/staff/admin/privacy"));
    let shown = get(&app, &mut admin, "/staff/admin/privacy").await;
    assert!(shown.body.contains("now kept 30 days"), "{}", shown.body);
    assert!(
        !get(&app, &mut admin, "/staff/admin/privacy")
            .await
            .body
            .contains("now kept 30 days")
    );
    assert_eq!(retention::load_days(&store).await.unwrap(), 30);
    let recorded = entries().await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].actor, ADMIN);
    assert!(
        recorded[0].detail.contains("90 days → 30 days"),
        "{:?}",
        recorded[0]
    );

    // The same POST again changes nothing and records nothing.
    let again = post(&app, &mut admin, "/staff/admin/retention", &fields).await;
    assert_eq!(again.status.as_u16(), 303);
    assert_eq!(entries().await.len(), 1);
    // The participants' privacy page says the new time.
    let mut anyone = Jar::default();
    let public = get(&app, &mut anyone, "/privacy").await;
    assert!(public.body.contains("30 days"), "{}", public.body);
}

on_both_stores!(
    a_bad_retention_value_is_named_at_the_top_with_a_link_to_its_field_and_the_range,
    the_privacy_forms_problems_are_named_at_the_top_with_links_and_beside_their_fields,
    the_privacy_previews_example_reads_its_own_circle_month_row_at_30_answers,
);

/// The top of a page's content, before its first form: what a page sent back without
/// JavaScript shows first.
fn top(body: &str) -> &str {
    let main = &body[body.find(r#"<main id="main">"#).expect("the content")..];
    &main[..main.find("<form").expect("a form")]
}

/// A retention time out of range comes back with a summary at the top of the page that
/// names the range and links to the field (the page is long: the field is far below), the
/// field's own message beside it, the value kept as typed, nothing saved. The form's
/// address ends in #retention, so a browser comes back at the field's section too.
async fn a_bad_retention_value_is_named_at_the_top_with_a_link_to_its_field_and_the_range(
    db: &TestDb,
) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut admin, "/staff/admin/privacy").await;
    assert!(
        page.body
            .contains(r#"<form method="post" action="/staff/admin/retention#retention""#)
    );
    let form_token = token(&page.body);
    for (typed, why) in [
        ("5000", "“5000” is more than 3650 days (ten years)"),
        ("forever", "“forever” is not a whole number of days"),
        ("-3", "“-3” is less than 0 days"),
    ] {
        let bad = post(
            &app,
            &mut admin,
            "/staff/admin/retention",
            &[("authenticity_token", &form_token), ("days", typed)],
        )
        .await;
        assert_eq!(bad.status.as_u16(), 422);
        let message =
            format!("Days to keep raw answers: {why}. Give a whole number from 0 to 3650.");
        let summary = top(&bad.body);
        assert!(
            summary.contains(&format!(
                r##"<li><a href="#retention-days">{message}</a></li>"##
            )),
            "{summary}"
        );
        assert!(summary.contains("Nothing was saved."));
        assert!(
            bad.body.contains(&format!(
                r#"<p class="problem" id="retention-problem">{message}</p>"#
            )),
            "{}",
            bad.body
        );
        assert!(bad.body.contains(&format!(
            r#"<input id="retention-days" name="days" inputmode="numeric" value="{typed}" aria-describedby="retention-hint retention-problem" aria-invalid="true">"#
        )));
    }
    assert_eq!(retention::load_days(&store).await.unwrap(), 90);
    // Saved, the note is in the retention section, where the browser comes back.
    let saved = post(
        &app,
        &mut admin,
        "/staff/admin/retention",
        &[("authenticity_token", &form_token), ("days", "30")],
    )
    .await;
    assert_eq!(saved.status.as_u16(), 303);
    let shown = get(&app, &mut admin, "/staff/admin/privacy").await.body;
    let section = &shown[shown.find(r#"<h2 id="retention">"#).unwrap()..];
    assert!(
        section
            .contains(r#"<p class="saved" role="status">Saved: raw answers are now kept 30 days"#)
    );
}

/// The settings form's problems follow the same pattern: each listed at the top as a link
/// to its field, and shown again beside the field, which is marked invalid.
async fn the_privacy_forms_problems_are_named_at_the_top_with_links_and_beside_their_fields(
    db: &TestDb,
) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let t = token(&get(&app, &mut admin, "/staff/admin/privacy").await.body);
    let bad = post(
        &app,
        &mut admin,
        "/staff/admin/privacy/preview",
        &[
            ("authenticity_token", &t),
            ("mechanism", "gaussian"),
            ("budget", "lots"),
            ("budget_unit", "rho"),
            ("manager_threshold", "2"),
            ("funder_threshold", "11"),
            ("answers_per_person", "1"),
        ],
    )
    .await;
    assert_eq!(bad.status.as_u16(), 422);
    let summary = top(&bad.body);
    for field in ["budget", "manager_threshold"] {
        assert!(
            summary.contains(&format!(r##"<li><a href="#{field}">"##)),
            "{field}: {summary}"
        );
        assert!(
            bad.body
                .contains(&format!(r#"<p class="problem" id="{field}-problem">"#)),
            "{field}"
        );
        assert!(
            bad.body
                .contains(&format!(r#" {field}-problem" aria-invalid="true">"#))
        );
    }
    assert!(summary.contains("The smallest group managers see must be a whole number of at least 3 responses (you wrote “2”)."));
    assert!(!summary.contains(r##"href="#funder_threshold""##));
    assert!(!bad.body.contains(r#"id="funder_threshold-problem""#));
}

/// The example under the preview's accuracy table is read from the table's own row for a
/// circle's month of 30 answers (it was a fixed "±7.0 → ±12.0" whatever the table said),
/// with the range a figure read as 70% could have, now and as proposed.
async fn the_privacy_previews_example_reads_its_own_circle_month_row_at_30_answers(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let t = token(&get(&app, &mut admin, "/staff/admin/privacy").await.body);
    for budget in ["0.25", "1", "4"] {
        let preview = post(
            &app,
            &mut admin,
            "/staff/admin/privacy/preview",
            &[
                ("authenticity_token", &t),
                ("mechanism", "gaussian"),
                ("budget", budget),
                ("budget_unit", "rho"),
                ("manager_threshold", "5"),
                ("funder_threshold", "11"),
                ("answers_per_person", "1"),
            ],
        )
        .await;
        assert_eq!(preview.status.as_u16(), 200, "{}", preview.body);
        let body = preview.body;
        let row = &body[body
            .find("<td>a circle&#39;s month</td><td>30</td>")
            .expect("the row")..];
        let row = &row[..row.find("</tr>").unwrap()];
        let cells: Vec<&str> = row
            .split("<td")
            .skip(1)
            .map(|c| {
                let c = &c[c.find('>').unwrap() + 1..];
                &c[..c.find("</td>").unwrap()]
            })
            .collect();
        let (now, next) = (cells[2], cells[3]);
        let margin = |shown: &str| shown.trim_start_matches('±').parse::<f64>().unwrap();
        let range = |m: f64| format!("{:.0}% to {:.0}%", 70.0 - m, 70.0 + m);
        let example = format!(
            "For example, a circle&#39;s month of 30 answers: “{now} → {next}”: a figure read as 70% could be anywhere from {}",
            range(margin(next))
        );
        assert!(
            body.contains(&example),
            "{budget}: {example}
{row}"
        );
        if now == next {
            assert!(body.contains("now and with the new settings alike"));
        } else {
            assert!(body.contains(&format!(
                "with the new settings, instead of {}.",
                range(margin(now))
            )));
        }
    }
}

/// The audit entry of a run names the months it applied to and holds no number derived
/// from answers: with the months and the retention time ("90 days") taken out, no digit is
/// left (it once said "Deleted the raw answers of 48 sessions (2026-07: 16 sessions; …)",
/// a count of sessions that had answers). Which months it names says nothing about
/// answers either: June, whose one session nobody answered, is applied and named like any
/// other month (before, a month without answers was never applied), and what is recorded
/// for it counts its session as the catalog does.
async fn retention_records_the_months_it_applied_to_and_no_count(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let june = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
    let new = NewSession::new("Riverside", "Monday Circle", june, Some(40), None, None).unwrap();
    let (unanswered, _) = catalog::open_session(&store, &new).await.unwrap();
    catalog::close_session(&store, &unanswered.code)
        .await
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for (k, period) in ["2026-06", "2026-Q2"].into_iter().enumerate() {
        release::release(
            &store,
            period.parse().unwrap(),
            today,
            &ReleaseOptions::seeded(50 + k as u64),
        )
        .await
        .unwrap();
    }

    let later = chrono::Utc::now().timestamp() + 91 * DAY;
    let applied = retention::apply(&store, later, Actor::Scheduler)
        .await
        .unwrap();
    assert_eq!(applied.describe(), "2026-06, 2026-07, 2026-08, 2026-09");
    let entries = retention_entries(&store).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    let entry = &entries[0];
    assert_eq!(entry.subject, applied.describe());
    let mut rest = format!("{} {}", entry.subject, entry.detail).replace("90 days", "");
    for month in &applied.months {
        rest = rest.replace(&month.to_string(), "");
    }
    assert!(
        !rest.chars().any(|c| c.is_ascii_digit()),
        "a number in {entry:?}"
    );

    // What is kept of each month counts the catalog's sessions, not those with answers.
    let recorded: Vec<(String, i64)> = sqlx::query_as(
        "select month, cast(sessions as bigint) from retention_month order by month",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    assert_eq!(recorded[0], ("2026-06".to_owned(), 1));
    let status = retention::status(&store, 90).await.unwrap();
    let june = status
        .iter()
        .find(|m| m.month.to_string() == "2026-06")
        .unwrap();
    assert_eq!((june.sessions, june.deleted_at), (1, Some(later)));
    assert!(
        june.describe(90)
            .starts_with("1 session in the catalog · answers deleted "),
        "{}",
        june.describe(90)
    );
    // Applied once: a later run finds nothing and records nothing.
    let again = retention::apply(&store, later + DAY, Actor::Scheduler)
        .await
        .unwrap();
    assert!(again.months.is_empty(), "{again:?}");
    assert_eq!(retention_entries(&store).await.len(), 1);
}
