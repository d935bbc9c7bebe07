//! End to end: releasing periods from stored responses, on SQLite and on PostgreSQL.

mod common;

use analytics::period::Period;
use analytics::release::{self, ReleaseError, ReleaseOptions};
use analytics::suppression::{Audience, Status};
use analytics::view;
use chrono::NaiveDate;
use collector::Store;
use collector::catalog::{self, NewSession};
use collector::commit::{Committer, Pending};
use collector::instrument::{Answers, Item, Rating};
use common::TestDb;

/// (program, circle, date, responses, of which newcomers)
type Plan<'a> = &'a [(&'a str, &'a str, &'a str, usize, usize)];

/// Opens each session, submits its responses through the committer, closes it.
async fn seed(store: &Store, plan: Plan<'_>) {
    let committer = Committer::start(store.clone());
    for &(program, circle, date, n, newcomers) in plan {
        let date: NaiveDate = date.parse().unwrap();
        let new = NewSession::new(program, circle, date, Some(1000), None, None).unwrap();
        let (session, _) = catalog::open_session(store, &new).await.unwrap();
        for i in 0..n {
            let mut answers = Answers::default();
            for item in [Item::Belong, Item::Welcome, Item::Heard] {
                answers.set_rating(item, Rating::try_from(if i % 4 == 0 { 2 } else { 5 }).ok());
            }
            answers.first_time = Some(i < newcomers);
            let pending = Pending {
                session_id: session.id,
                ticketed: false,
                ticket: None,
                answers,
            };
            committer.submit(pending).await.unwrap();
        }
        catalog::close_session(store, &session.code).await.unwrap();
    }
}

/// Releases a period with seeded noise, which must succeed.
async fn released(store: &Store, p: &str, seed: u64) -> release::ReleaseSummary {
    release::release(store, period(p), today(), &ReleaseOptions::seeded(seed))
        .await
        .unwrap()
}

/// Tries to release a period with seeded noise, which must be refused.
async fn refused(store: &Store, p: &str, seed: u64) -> ReleaseError {
    release::release(store, period(p), today(), &ReleaseOptions::seeded(seed))
        .await
        .unwrap_err()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn period(s: &str) -> Period {
    s.parse().unwrap()
}

const PLAN: Plan<'static> = &[
    ("Peer Bridges", "Tuesday", "2026-09-01", 40, 6),
    ("Peer Bridges", "Tuesday", "2026-09-08", 35, 4),
    ("Peer Bridges", "Thursday", "2026-09-03", 3, 0),
    ("Peer Bridges", "Saturday", "2026-09-05", 28, 1),
    ("Recovery Roots", "Monday", "2026-09-14", 60, 9),
    ("Recovery Roots", "Friday", "2026-08-21", 45, 5),
];

on_both_stores!(
    a_period_is_released_once_with_its_ledger,
    a_small_circle_shows_nothing_and_its_sibling_is_hidden_too,
    rereading_a_release_returns_identical_numbers,
    exports_give_each_audience_only_what_it_may_see,
    a_release_that_would_overspend_is_refused_with_what_is_left,
    periods_not_over_or_with_open_sessions_are_refused,
    serve_releases_closed_periods_by_itself,
    months_come_before_their_quarter_and_empty_periods_are_refused,
    a_raised_budget_does_not_free_a_month_already_spent,
    a_quarter_never_gives_away_its_one_hidden_month,
);

async fn a_period_is_released_once_with_its_ledger(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    let summary = released(&store, "2026-09", 1).await;
    // Circles of September: Tuesday, Thursday, Saturday, Monday; programs: 2.
    assert_eq!(summary.cells, 4 + 2);
    let again = refused(&store, "2026-09", 2).await;
    assert!(
        matches!(again, ReleaseError::AlreadyReleased(_)),
        "{again:?}"
    );
    assert!(again.to_string().contains("released already"));

    let ledger = view::ledger(&store).await.unwrap();
    assert_eq!(ledger.len(), 2 * 5, "one row per level and measure group");
    assert!(ledger.iter().all(|l| l.period == "2026-09"
        && l.unit == "rho"
        && l.code_version.starts_with("hearth ")));
    let scopes: i64 = sqlx::query_scalar("select count(*) from ledger_scope")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(
        scopes,
        2 * 5 * 2,
        "each row spends both programs' September"
    );
    let listed = view::list_releases(&store).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].manager_threshold, listed[0].funder_threshold),
        (5, 11)
    );

    // The quarter builds on the months: program quarters and the portfolio.
    released(&store, "2026-08", 3).await;
    let quarter = released(&store, "2026-Q3", 4).await;
    assert_eq!(quarter.cells, 2 + 1);
}

async fn a_small_circle_shows_nothing_and_its_sibling_is_hidden_too(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    released(&store, "2026-09", 7).await;
    let stored = view::load_release(&store, period("2026-09"))
        .await
        .unwrap()
        .unwrap();
    let cell = |name: &str| {
        stored
            .cells
            .iter()
            .find(|c| c.circle.as_deref() == Some(name))
            .unwrap()
    };
    let thursday = cell("Thursday");
    assert_eq!(thursday.manager, Status::Hidden, "a circle of 3 was shown");
    assert!(
        stored
            .figures(thursday, Audience::Manager)
            .iter()
            .all(|f| f.value.is_none() && f.hidden)
    );
    let program = stored
        .cells
        .iter()
        .find(|c| c.circle.is_none() && c.program.as_deref() == Some("Peer Bridges"))
        .unwrap();
    if program.manager == Status::Shown {
        let hidden = ["Tuesday", "Thursday", "Saturday"]
            .iter()
            .filter(|n| cell(n).manager == Status::Hidden)
            .count();
        assert!(
            hidden >= 2,
            "program shown with only one hidden circle: differencing would reveal it"
        );
    }
    // Funders see no month at all.
    assert!(stored.cells.iter().all(|c| c.funder == Status::NotReleased));
}

async fn rereading_a_release_returns_identical_numbers(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    release::release(&store, period("2026-09"), today(), &ReleaseOptions::new())
        .await
        .unwrap();
    let export = |store: Store| async move {
        let stored = view::load_release(&store, period("2026-09"))
            .await
            .unwrap()
            .unwrap();
        let mut frame = view::export_frame(&stored, Audience::Manager).unwrap();
        let mut out = Vec::new();
        view::write_export(&mut frame, view::ExportFormat::Csv, &mut out).unwrap();
        out
    };
    let first = export(store.clone()).await;
    for _ in 0..3 {
        assert_eq!(
            export(store.clone()).await,
            first,
            "re-reading gave other numbers: noise could be averaged away"
        );
    }
    assert!(first.len() > 1000);
}

async fn exports_give_each_audience_only_what_it_may_see(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    for p in ["2026-08", "2026-09", "2026-Q3"] {
        released(&store, p, 11).await;
    }
    let quarter = view::load_release(&store, period("2026-Q3"))
        .await
        .unwrap()
        .unwrap();
    let funder = view::export_frame(&quarter, Audience::Funder).unwrap();
    assert!(funder.height() > 0);
    assert_eq!(
        funder.column("circle").unwrap().null_count(),
        funder.height(),
        "a funder export holds circle rows"
    );
    let levels: Vec<String> = funder
        .column("level")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|l| l.unwrap_or_default().to_owned())
        .collect();
    assert!(
        levels
            .iter()
            .all(|l| l == "program_quarter" || l == "portfolio_quarter")
    );
    let month = view::load_release(&store, period("2026-09"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        view::export_frame(&month, Audience::Funder)
            .unwrap()
            .height(),
        0,
        "funders see no month"
    );
    let manager = view::export_frame(&month, Audience::Manager).unwrap();
    assert!(manager.column("circle").unwrap().null_count() < manager.height());
    // Hidden rows carry no value and no margin.
    let status = manager.column("status").unwrap().str().unwrap();
    let value = manager.column("value").unwrap().f64().unwrap();
    for i in 0..manager.height() {
        if status.get(i) == Some("hidden") {
            assert_eq!(value.get(i), None);
        }
    }
    // Every format writes.
    for format in [
        view::ExportFormat::Csv,
        view::ExportFormat::Json,
        view::ExportFormat::Parquet,
    ] {
        let mut frame = view::export_frame(&quarter, Audience::Funder).unwrap();
        let mut out = Vec::new();
        view::write_export(&mut frame, format, &mut out).unwrap();
        assert!(!out.is_empty(), "{format:?}");
    }
}

async fn a_release_that_would_overspend_is_refused_with_what_is_left(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    released(&store, "2026-08", 4).await;
    released(&store, "2026-09", 5).await;
    // September has spent 2/3 (circle and program months); a smaller budget leaves too
    // little for the quarter's program and portfolio levels.
    release::save_setting(&store, "privacy.budget", "0.7")
        .await
        .unwrap();
    let refused = refused(&store, "2026-Q3", 6).await;
    let message = refused.to_string();
    assert!(
        matches!(refused, ReleaseError::OverBudget { .. }),
        "{message}"
    );
    assert!(
        (message.contains("2026-08") || message.contains("2026-09"))
            && message.contains("1/30 left of 7/10"),
        "{message}"
    );
    assert!(
        !release::already_released(&store, period("2026-Q3"))
            .await
            .unwrap(),
        "a refused release was stored"
    );
    let ledger = view::ledger(&store).await.unwrap();
    assert!(
        ledger.iter().all(|l| l.period != "2026-Q3"),
        "a refused release spent budget"
    );
    // Floors hold.
    assert!(
        release::save_setting(&store, "privacy.funder_threshold", "2")
            .await
            .is_err()
    );
}

async fn periods_not_over_or_with_open_sessions_are_refused(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    let not_over = refused(&store, "2026-11", 1).await;
    assert!(
        matches!(not_over, ReleaseError::NotOver { .. }),
        "{not_over:?}"
    );
    let new = NewSession::new(
        "Peer Bridges",
        "Tuesday",
        "2026-10-06".parse().unwrap(),
        None,
        None,
        None,
    )
    .unwrap();
    catalog::open_session(&store, &new).await.unwrap();
    let open = refused(&store, "2026-10", 1).await;
    assert!(
        matches!(open, ReleaseError::SessionsOpen { open: 1, .. }),
        "{open:?}"
    );
}

async fn serve_releases_closed_periods_by_itself(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    // A period still inside its grace time is left alone.
    let grace_of_a_year = release::release_due(&store, 24 * 365).await.unwrap();
    assert!(grace_of_a_year.is_empty(), "{grace_of_a_year:?}");
    let released = release::release_due(&store, 72).await.unwrap();
    let names: Vec<String> = released.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        ["2026-08", "2026-09", "2026-Q3"],
        "months before their quarter"
    );
    assert!(
        release::release_due(&store, 72).await.unwrap().is_empty(),
        "released twice"
    );
}

async fn months_come_before_their_quarter_and_empty_periods_are_refused(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    let early = refused(&store, "2026-Q3", 1).await;
    assert!(matches!(early, ReleaseError::MonthsFirst { .. }), "{early}");
    assert!(early.to_string().contains("2026-08, 2026-09"), "{early}");
    let empty = refused(&store, "2026-07", 1).await;
    assert!(matches!(empty, ReleaseError::Empty(_)), "{empty}");
    released(&store, "2026-08", 1).await;
    released(&store, "2026-09", 2).await;
    released(&store, "2026-Q3", 3).await;
    // A session dated into a released quarter's month can never be released alone.
    let new = NewSession::new(
        "Peer Bridges",
        "Tuesday",
        "2026-07-07".parse().unwrap(),
        None,
        None,
        None,
    )
    .unwrap();
    // The catalog refuses it now…
    let late = catalog::open_session(&store, &new).await;
    assert!(
        matches!(late, Err(catalog::CatalogError::Released(ref p)) if p == "2026-Q3"),
        "{late:?}"
    );
    // …and should one get in regardless (written by hand, or by an older version), the
    // release refuses the month.
    let circle: i32 = sqlx::query_scalar("select id from circle where name = 'Tuesday'")
        .fetch_one(store.pool())
        .await
        .unwrap();
    sqlx::query(
        "insert into session (id, code, circle_id, held_on, closes_at, capacity, closed, sealed) \
         values (7, 'LATE-77', $1, '2026-07-07', 0, 40, 1, 1)",
    )
    .bind(circle)
    .execute(store.pool())
    .await
    .unwrap();
    let after = refused(&store, "2026-07", 4).await;
    assert!(
        matches!(after, ReleaseError::MonthAfterQuarter { .. }),
        "{after}"
    );
}

async fn a_raised_budget_does_not_free_a_month_already_spent(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    released(&store, "2026-08", 1).await;
    released(&store, "2026-09", 2).await;
    // The months spent 2/3 of a budget of 1. New weights give the quarter levels 2/3: too
    // much for 1 — and raising the budget now must not help the months already spent.
    release::save_setting(&store, "privacy.level_weights", "1/6,1/6,1/3,1/3")
        .await
        .unwrap();
    release::save_setting(&store, "privacy.budget", "2")
        .await
        .unwrap();
    let refused = refused(&store, "2026-Q3", 3).await;
    assert!(
        matches!(refused, ReleaseError::OverBudget { .. }),
        "{refused}"
    );
    assert!(refused.to_string().contains("1/3 left of 1"), "{refused}");
}

async fn a_quarter_never_gives_away_its_one_hidden_month(db: &TestDb) {
    let store = db.store().await;
    // Program Small: one tiny circle in August (hidden), large circles in September.
    seed(
        &store,
        &[
            ("Small", "Only", "2026-08-05", 3, 0),
            ("Small", "Big", "2026-09-02", 80, 10),
            ("Small", "Bigger", "2026-09-09", 90, 12),
            ("Other", "A", "2026-08-11", 70, 9),
            ("Other", "B", "2026-09-15", 75, 8),
        ],
    )
    .await;
    released(&store, "2026-08", 5).await;
    released(&store, "2026-09", 6).await;
    released(&store, "2026-Q3", 7).await;
    let august = view::load_release(&store, period("2026-08"))
        .await
        .unwrap()
        .unwrap();
    let small_august = august
        .cells
        .iter()
        .find(|c| c.circle.is_none() && c.program.as_deref() == Some("Small"))
        .unwrap();
    assert_eq!(
        small_august.manager,
        Status::Hidden,
        "August's only circle has 3 responses"
    );
    let quarter = view::load_release(&store, period("2026-Q3"))
        .await
        .unwrap()
        .unwrap();
    let small_q3 = quarter
        .cells
        .iter()
        .find(|c| c.program.as_deref() == Some("Small"))
        .unwrap();
    // Shown, the quarter minus September would be August.
    assert_eq!(
        small_q3.manager,
        Status::Hidden,
        "the quarter gives its one hidden month away"
    );
    assert_eq!(small_q3.funder, Status::Hidden);
}
