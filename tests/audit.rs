//! The audit trail: each staff action leaves exactly one entry, no entry holds anything a
//! participant sent, and only admins read it (with filters). On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode;
use common::staff::*;
use common::{TestApp, TestDb};
use domain::Store;
use domain::audit::{self, Action, Filter};

async fn entries(store: &Store, action: Action) -> Vec<audit::Stored> {
    let filter = Filter {
        action: Some(action),
        ..Filter::default()
    };
    audit::list(store, &filter, 1000).await.unwrap()
}

/// Releases are recorded inside their own transaction (one entry per period, by whoever
/// asked); a CSV export is recorded once per download, with the file's name and never its
/// content; a data dictionary (no figures) is not an export.
async fn releases_and_exports_leave_one_entry_each(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let released = entries(&store, Action::Released).await;
    let mut periods: Vec<&str> = released.iter().map(|e| e.subject.as_str()).collect();
    periods.sort();
    assert_eq!(periods, ["2026-07", "2026-08", "2026-09", QUARTER]);
    assert!(released.iter().all(|e| e.actor == "(command line)"));
    assert!(
        released[0]
            .detail
            .contains("cells released, with Gaussian noise"),
        "{:?}",
        released[0]
    );

    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let csv = format!("/staff/programs/{PROGRAM_A}/csv");
    assert_eq!(get(&app, &mut manager, &csv).await.status, StatusCode::OK);
    let dictionary = format!("/staff/programs/{PROGRAM_A}/dictionary.csv");
    assert_eq!(
        get(&app, &mut manager, &dictionary).await.status,
        StatusCode::OK
    );
    let exported = entries(&store, Action::Exported).await;
    assert_eq!(exported.len(), 1, "{exported:?}");
    assert_eq!(exported[0].actor, MANAGER_A);
    assert_eq!(
        exported[0].subject,
        format!("hearth-riverside-{}.csv", chrono::Local::now().date_naive())
    );

    // Refused downloads leave nothing.
    let mut other = sign_in(&app, MANAGER_B).await;
    assert_eq!(
        get(&app, &mut other, &csv).await.status,
        StatusCode::FORBIDDEN
    );
    let mut funder = sign_in(&app, FUNDER).await;
    let report_csv = format!("/staff/reports/{QUARTER}/csv");
    assert_eq!(
        get(&app, &mut funder, &report_csv).await.status,
        StatusCode::OK
    );
    let exported = entries(&store, Action::Exported).await;
    assert_eq!(exported.len(), 2, "{exported:?}");
    assert_eq!(exported[0].actor, FUNDER);
    assert_eq!(
        exported[0].subject,
        format!("hearth-portfolio-{QUARTER}.csv")
    );
}

/// Only admins open the trail; its filters narrow it; a wrong date is said, not fatal.
async fn admins_read_the_trail_with_filters(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let path = "/staff/admin/audit";
    let mut signed_out = Jar::default();
    let page = get(&app, &mut signed_out, path).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert!(page.location.unwrap().starts_with("/staff/sign-in?next="));
    for email in [MANAGER_A, FACILITATOR_A, FUNDER] {
        let mut jar = sign_in(&app, email).await;
        assert_eq!(
            get(&app, &mut jar, path).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    let mut funder = sign_in(&app, FUNDER).await;
    get(&app, &mut funder, &format!("/staff/reports/{QUARTER}/csv")).await;

    let mut admin = sign_in(&app, ADMIN).await;
    let all = get(&app, &mut admin, path).await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains("Released a period"));
    assert!(all.body.contains("Downloaded an export"));

    let exports = get(&app, &mut admin, &format!("{path}?action=exported")).await;
    assert!(exports.body.contains("Downloaded an export"));
    assert!(
        !exports
            .body
            .contains("data-label=\"What\">Released a period</td>")
    );
    assert!(
        exports.body.contains("1 matching entry."),
        "{}",
        exports.body
    );

    let by_funder = get(
        &app,
        &mut admin,
        &format!("{path}?actor=funder%40test.hearth"),
    )
    .await;
    assert!(
        !by_funder
            .body
            .contains("data-label=\"What\">Released a period</td>")
    );
    assert!(by_funder.body.contains("hearth-portfolio-2026-Q3.csv"));

    let text = get(&app, &mut admin, &format!("{path}?text=2026-08")).await;
    assert!(text.body.contains("data-label=\"On\">2026-08</td>"));
    assert!(!text.body.contains("data-label=\"On\">2026-09</td>"));

    // Entries are dated now: a window in the past holds none of them.
    let past = get(
        &app,
        &mut admin,
        &format!("{path}?from=2020-01-01&to=2020-12-31"),
    )
    .await;
    assert!(past.body.contains("No entry matches."));
    let wrong = get(&app, &mut admin, &format!("{path}?from=yesterday")).await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.body.contains("is not a date"), "{}", wrong.body);
}

/// Participants leave nothing in the trail: accepted, refused, blank and ticketed
/// submissions, ticket checks and page views add no entry; no entry holds a ticket code or
/// anything typed on the form; and the table has no column an answer could go in.
async fn no_entry_holds_anything_a_participant_sent(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (plain, _) = app.open_session(Some(50), None).await;
    let (ticketed, tickets) = app.open_session(Some(5), Some(3)).await;
    let entries = || app.count("select count(*) from staff_audit");
    let before = entries().await;
    let form = format!("/s/{}", plain.code.as_str());
    for n in 0..10 {
        let body = format!(
            "belong={}&heard={}&first_time=yes&helped=listened",
            n % 5 + 1,
            (n + 2) % 5 + 1
        );
        assert_eq!(app.post_form(&form, body).await.status(), 303);
    }
    for refused in ["", "belong=9"] {
        assert_ne!(app.post_form(&form, refused).await.status(), 303);
    }
    let ticket_form = format!("/s/{}", ticketed.code.as_str());
    let used = tickets[0].as_str();
    app.get(&format!("{ticket_form}?ticket={used}")).await;
    let with = format!("belong=4&ticket={used}");
    assert_eq!(
        app.post_form(&ticket_form, with.clone()).await.status(),
        303
    );
    assert_eq!(app.post_form(&ticket_form, with).await.status(), 409);
    let unknown = "belong=3&ticket=NOTAREALTICKET";
    assert_eq!(app.post_form(&ticket_form, unknown).await.status(), 403);
    app.get(&format!("{ticket_form}?ticket={}", tickets[1].as_str()))
        .await;
    for page in ["/", "/privacy", &format!("{form}/thanks"), &ticket_form] {
        app.get(page).await;
    }
    assert_eq!(entries().await, before, "participants left an entry");

    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as("select actor, action, subject, detail from staff_audit")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    for ticket in &tickets {
        for row in &rows {
            let text = format!("{row:?}");
            assert!(!text.contains(ticket.as_str()), "{text}");
            assert!(!text.contains(&ticket.grouped()), "{text}");
        }
    }
    // Only these columns: who, what, on what, details, and when (staff time).
    let columns: Vec<String> = match app.store.backend() {
        domain::Backend::Sqlite => {
            sqlx::query_scalar("select name from pragma_table_info('staff_audit') order by cid")
                .fetch_all(app.store.pool())
                .await
                .unwrap()
        }
        domain::Backend::Postgres => sqlx::query_scalar(
            "select column_name::text from information_schema.columns \
             where table_name = 'staff_audit' order by ordinal_position",
        )
        .fetch_all(app.store.pool())
        .await
        .unwrap(),
    };
    assert_eq!(
        columns,
        ["id", "at_ms", "actor", "action", "subject", "detail"]
    );
}

on_both_stores!(
    releases_and_exports_leave_one_entry_each,
    admins_read_the_trail_with_filters,
    no_entry_holds_anything_a_participant_sent,
);
