//! The audit trail: each staff action leaves exactly one entry, no entry holds anything a
//! participant sent, and only admins read it (with filters). On SQLite and PostgreSQL.

mod common;

use axum::http::StatusCode;
use collector::Store;
use collector::audit::{self, Action, Filter};
use common::TestDb;
use common::staff::*;

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
    assert!(released[0].detail.contains("cells"), "{:?}", released[0]);

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
        format!("hearth-program-{PROGRAM_A}.csv")
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
    assert!(!exports.body.contains("<td>Released a period</td>"));
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
    assert!(!by_funder.body.contains("<td>Released a period</td>"));
    assert!(by_funder.body.contains("hearth-portfolio-2026-Q3.csv"));

    let text = get(&app, &mut admin, &format!("{path}?text=2026-08")).await;
    assert!(text.body.contains("<td>2026-08</td>"));
    assert!(!text.body.contains("<td>2026-09</td>"));

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

on_both_stores!(
    releases_and_exports_leave_one_entry_each,
    admins_read_the_trail_with_filters,
);
