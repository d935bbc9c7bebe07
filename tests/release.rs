//! End to end: releasing periods from stored responses, on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use analytics::budget::save_setting;
use analytics::measure::Measure;
use analytics::period::Period;
use analytics::release::{self, ReleaseError, ReleaseOptions};
use analytics::schedule::release_due;
use analytics::suppression::{Audience, Status};
use analytics::view;
use chrono::NaiveDate;
use collector::commit::{Committer, Pending};
use common::TestDb;
use domain::Store;
use domain::audit::Actor;
use domain::catalog::{self, NewSession};
use domain::instrument::{Answers, Item, Rating};

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
                form: None,
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
    a_quarter_is_the_sum_of_its_months_and_reads_no_response,
    a_quarter_never_gives_away_its_hidden_months_together,
    every_export_format_adds_up_at_every_level,
    releases_of_the_first_plan_are_read_as_they_were_stored,
);

async fn a_period_is_released_once_with_its_ledger(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    let summary = released(&store, "2026-09", 1).await;
    // Circles of September: Tuesday, Thursday, Saturday, Monday; programs: 2; the
    // portfolio's month.
    assert_eq!(summary.cells, 4 + 2 + 1);
    assert_eq!(summary.spend_per_response_month.to_string(), "1");
    let again = refused(&store, "2026-09", 2).await;
    assert!(
        matches!(again, ReleaseError::AlreadyReleased(_)),
        "{again:?}"
    );
    assert!(again.to_string().contains("released already"));

    let ledger = view::ledger(&store).await.unwrap();
    assert_eq!(
        ledger.len(),
        analytics::plan::PLAN.len(),
        "one row per measurement of the plan"
    );
    assert!(ledger.iter().all(|l| l.period == period("2026-09")
        && l.unit == "rho"
        && l.code_version.starts_with("hearth ")));
    let scopes: i64 = sqlx::query_scalar("select count(*) from ledger_scope")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(
        scopes,
        analytics::plan::PLAN.len() as i64 * 2,
        "each row spends both programs' September"
    );
    let listed = view::list_releases(&store).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].manager_threshold, listed[0].funder_threshold),
        (5, 11)
    );

    // The quarter builds on the months: program quarters and the portfolio, spending
    // nothing.
    released(&store, "2026-08", 3).await;
    let quarter = released(&store, "2026-Q3", 4).await;
    assert_eq!(quarter.cells, 2 + 1);
    assert!(quarter.spend_per_response_month.is_zero());
    assert!(
        view::ledger(&store)
            .await
            .unwrap()
            .iter()
            .all(|l| !l.period.is_quarter()),
        "a quarter measures nothing"
    );
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
    // Counts are integers; hidden rows carry no count, value or margin.
    let status = manager.column("status").unwrap().str().unwrap();
    let count = manager.column("count").unwrap().i64().unwrap();
    let value = manager.column("value").unwrap().f64().unwrap();
    let margin = manager.column("margin_of_error").unwrap().f64().unwrap();
    for i in 0..manager.height() {
        if status.get(i) == Some("hidden") {
            assert_eq!(
                (count.get(i), value.get(i), margin.get(i)),
                (None, None, None)
            );
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

/// Writes a ledger row by hand: an earlier spend from every program's `month`, recorded
/// under `budget` (as a release of another version, or a restored ledger, would leave).
async fn spent_before(store: &Store, month: &str, spend: &str, budget: &str) {
    sqlx::query(
        "insert into data_release (id, period, mechanism, plan, manager_threshold, funder_threshold, code_version, released_at) \
         values (99, '2020-01', 'discrete_gaussian', 1, 5, 11, 'hand', 0)",
    )
    .execute(store.pool())
    .await
    .unwrap();
    sqlx::query(
        "insert into ledger (id, release_id, level, measure_group, mechanism, unit, spend, scale, sensitivity, cells, budget, code_version, spent_at) \
         values (99, 99, 'circle_month', 'items', 'discrete_gaussian', 'rho', $1, '1', 'L2²=8', 1, $2, 'hand', 0)",
    )
    .bind(spend)
    .bind(budget)
    .execute(store.pool())
    .await
    .unwrap();
    let programs: Vec<i32> = sqlx::query_scalar("select id from program")
        .fetch_all(store.pool())
        .await
        .unwrap();
    for program in programs {
        sqlx::query("insert into ledger_scope (ledger_id, program_id, month) values (99, $1, $2)")
            .bind(program)
            .bind(month)
            .execute(store.pool())
            .await
            .unwrap();
    }
}

async fn a_release_that_would_overspend_is_refused_with_what_is_left(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    // A month releases once and spends the whole budget, so only spends from elsewhere can
    // leave it short: the check is the ledger's last line of defence.
    spent_before(&store, "2026-09", "1/2", "1").await;
    let refused = refused(&store, "2026-09", 6).await;
    let message = refused.to_string();
    assert!(
        matches!(refused, ReleaseError::OverBudget { .. }),
        "{message}"
    );
    assert!(
        message.contains("2026-09") && message.contains("1/2 left of 1"),
        "{message}"
    );
    assert!(
        !release::already_released(&store, period("2026-09"))
            .await
            .unwrap(),
        "a refused release was stored"
    );
    let ledger = view::ledger(&store).await.unwrap();
    assert!(
        ledger.iter().all(|l| l.period != period("2026-09")),
        "a refused release spent budget"
    );
    // August is untouched and releases.
    released(&store, "2026-08", 4).await;
    // Floors hold.
    assert!(
        save_setting(&store, "privacy.funder_threshold", "2", Actor::CommandLine)
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
    let grace_of_a_year = release_due(&store, 24 * 365).await.unwrap();
    assert!(grace_of_a_year.is_empty(), "{grace_of_a_year:?}");
    let released = release_due(&store, 72).await.unwrap();
    let names: Vec<String> = released.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        ["2026-08", "2026-09", "2026-Q3"],
        "months before their quarter"
    );
    assert!(
        release_due(&store, 72).await.unwrap().is_empty(),
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
    // September spent 1/2 under a budget of 1; raising the budget to 2 must not let it
    // spend more than the 1/2 it has left.
    spent_before(&store, "2026-09", "1/2", "1").await;
    save_setting(&store, "privacy.budget", "2", Actor::CommandLine)
        .await
        .unwrap();
    let refused = refused(&store, "2026-09", 3).await;
    assert!(
        matches!(refused, ReleaseError::OverBudget { .. }),
        "{refused}"
    );
    assert!(refused.to_string().contains("1/2 left of 1"), "{refused}");
}

/// Program Small's month cells (in the order of `months`) and its quarter cell, after
/// seeding Small with `small` and a larger program beside it, and releasing 2026-Q3.
async fn small_program_quarter(
    store: &Store,
    small: Plan<'_>,
    months: &[&str],
) -> (Vec<view::StoredCell>, view::StoredCell) {
    seed(store, small).await;
    seed(
        store,
        &[
            ("Other", "A", "2026-07-14", 60, 9),
            ("Other", "A", "2026-08-11", 70, 9),
            ("Other", "B", "2026-09-15", 75, 8),
        ],
    )
    .await;
    for (p, seed) in [
        ("2026-07", 1),
        ("2026-08", 2),
        ("2026-09", 3),
        ("2026-Q3", 4),
    ] {
        released(store, p, seed).await;
    }
    let small_cell = |release: view::Release| {
        release
            .cells
            .into_iter()
            .find(|c| c.circle.is_none() && c.program.as_deref() == Some("Small"))
            .unwrap()
    };
    let mut cells = Vec::new();
    for month in months {
        cells.push(small_cell(
            view::load_release(store, period(month))
                .await
                .unwrap()
                .unwrap(),
        ));
    }
    let quarter = view::load_release(store, period("2026-Q3"))
        .await
        .unwrap()
        .unwrap();
    (cells, small_cell(quarter))
}

async fn a_quarter_never_gives_away_its_one_hidden_month(db: &TestDb) {
    let store = db.store().await;
    // Program Small: one tiny circle in August (hidden), large circles in September.
    let (months, quarter) = small_program_quarter(
        &store,
        &[
            ("Small", "Only", "2026-08-05", 3, 0),
            ("Small", "Big", "2026-09-02", 80, 10),
            ("Small", "Bigger", "2026-09-09", 90, 12),
        ],
        &["2026-08"],
    )
    .await;
    assert_eq!(
        months[0].manager,
        Status::Hidden,
        "August's only circle has 3 responses"
    );
    // Shown, the quarter minus September would be August.
    assert_eq!(
        quarter.manager,
        Status::Hidden,
        "the quarter gives its one hidden month away"
    );
    assert_eq!(quarter.funder, Status::Hidden);
}

/// Every count of every cell of a release, by (level, program, circle) and measure.
fn counts(
    release: &view::Release,
) -> std::collections::BTreeMap<
    (
        String,
        Option<domain::ProgramId>,
        Option<domain::CircleId>,
        String,
    ),
    i64,
> {
    release
        .cells
        .iter()
        .flat_map(|c| {
            c.counts.iter().map(move |(m, v)| {
                (
                    (
                        c.key.level.key().to_owned(),
                        c.key.program_id,
                        c.key.circle_id,
                        m.to_string(),
                    ),
                    v.value,
                )
            })
        })
        .collect()
}

async fn a_quarter_is_the_sum_of_its_months_and_reads_no_response(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    released(&store, "2026-08", 1).await;
    released(&store, "2026-09", 2).await;
    // With every response gone, the quarter still releases: it is post-processing of its
    // months, and never reads a response.
    sqlx::query("delete from response")
        .execute(store.pool())
        .await
        .unwrap();
    released(&store, "2026-Q3", 3).await;
    let load = |p: &'static str| {
        let store = store.clone();
        async move {
            view::load_release(&store, period(p))
                .await
                .unwrap()
                .unwrap()
        }
    };
    let (august, september, quarter) = (
        load("2026-08").await,
        load("2026-09").await,
        load("2026-Q3").await,
    );
    let months: Vec<_> = [counts(&august), counts(&september)].into_iter().collect();
    let quarter = counts(&quarter);
    assert!(!quarter.is_empty());
    for ((level, program, _, measure), value) in &quarter {
        let from = if level == "program_quarter" {
            "program_month"
        } else {
            "portfolio_month"
        };
        let sum: i64 = months
            .iter()
            .flat_map(|m| m.iter())
            .filter(|((l, p, _, m), _)| l == from && p == program && m == measure)
            .map(|(_, v)| v)
            .sum();
        assert_eq!(sum, *value, "{level} {program:?} {measure}");
    }
}

async fn every_export_format_adds_up_at_every_level(db: &TestDb) {
    use polars::prelude::*;
    let store = db.store().await;
    seed(&store, PLAN).await;
    for (p, seed) in [("2026-08", 1), ("2026-09", 2), ("2026-Q3", 3)] {
        released(&store, p, seed).await;
    }
    for format in [
        view::ExportFormat::Csv,
        view::ExportFormat::Json,
        view::ExportFormat::Parquet,
    ] {
        // The manager's view of every release, read back from the written bytes.
        // (period, level, program, circle, measure, count, status)
        type Row = (
            String,
            String,
            Option<String>,
            String,
            String,
            Option<i64>,
            String,
        );
        let mut rows: Vec<Row> = vec![];
        for p in ["2026-08", "2026-09", "2026-Q3"] {
            let release = view::load_release(&store, period(p))
                .await
                .unwrap()
                .unwrap();
            // Every cell shown, so nothing is missing from the sums.
            let open = release.restricted(|_| true);
            let mut frame = view::export_frame(&open, Audience::Manager).unwrap();
            let mut bytes = Vec::new();
            view::write_export(&mut frame, format, &mut bytes).unwrap();
            let cursor = std::io::Cursor::new(bytes);
            let read = match format {
                // Whole-file schema inference: a column can be empty for its first rows.
                view::ExportFormat::Csv => CsvReadOptions::default()
                    .with_infer_schema_length(None)
                    .into_reader_with_file_handle(cursor)
                    .finish()
                    .unwrap(),
                view::ExportFormat::Json => JsonReader::new(cursor)
                    .infer_schema_len(None)
                    .finish()
                    .unwrap(),
                view::ExportFormat::Parquet => ParquetReader::new(cursor).finish().unwrap(),
            };
            let count = read
                .column("count")
                .unwrap()
                .cast(&DataType::Int64)
                .unwrap();
            assert_eq!(
                read.column("count").unwrap().dtype(),
                &DataType::Int64,
                "{format:?}: counts are integers"
            );
            let text = |name: &str| -> Vec<Option<String>> {
                read.column(name)
                    .unwrap()
                    .cast(&DataType::String)
                    .unwrap()
                    .str()
                    .unwrap()
                    .iter()
                    .map(|v| v.map(str::to_owned))
                    .collect()
            };
            let (program, circle, per, level, measure, status) = (
                text("program"),
                text("circle"),
                text("period"),
                text("level"),
                text("measure"),
                text("status"),
            );
            for i in 0..read.height() {
                rows.push((
                    program[i].clone().unwrap_or_default(),
                    per[i].clone().unwrap(),
                    circle[i].clone(),
                    level[i].clone().unwrap(),
                    measure[i].clone().unwrap(),
                    count.i64().unwrap().get(i),
                    status[i].clone().unwrap(),
                ));
            }
        }
        let shown = |level: &str| {
            rows.iter()
                .filter(|r| r.3 == level && r.6 == "shown" && r.5.is_some())
                .collect::<Vec<_>>()
        };
        let mut checked = 0;
        // Circles add up to their program's month, months to the program's quarter,
        // wherever every part is shown.
        for parent in shown("program_month")
            .into_iter()
            .chain(shown("program_quarter"))
        {
            let kids: Vec<_> = rows
                .iter()
                .filter(|r| {
                    r.4 == parent.4
                        && r.0 == parent.0
                        && if parent.3 == "program_month" {
                            r.3 == "circle_month" && r.1 == parent.1
                        } else {
                            r.3 == "program_month"
                        }
                })
                .collect();
            if kids.is_empty() || kids.iter().any(|k| k.5.is_none()) {
                continue;
            }
            assert_eq!(
                kids.iter().map(|k| k.5.unwrap()).sum::<i64>(),
                parent.5.unwrap(),
                "{format:?}: {} {} {} {}",
                parent.0,
                parent.1,
                parent.3,
                parent.4
            );
            checked += 1;
        }
        assert!(checked > 50, "{format:?}: only {checked} sums checked");
    }
}

async fn releases_of_the_first_plan_are_read_as_they_were_stored(db: &TestDb) {
    let store = db.store().await;
    seed(&store, PLAN).await;
    // A month as the first plan stored it: its own measure names, its noise in the ledger.
    let program: i32 = sqlx::query_scalar("select id from program where name = 'Recovery Roots'")
        .fetch_one(store.pool())
        .await
        .unwrap();
    sqlx::query(
        "insert into data_release (id, period, mechanism, manager_threshold, funder_threshold, code_version, released_at) \
         values (5, '2026-08', 'discrete_gaussian', 5, 11, 'hearth 0.1.0', 0)",
    )
    .execute(store.pool())
    .await
    .unwrap();
    sqlx::query(
        "insert into release_cell (release_id, cell, level, program_id, circle_id, period, manager_status, funder_status) \
         values (5, 0, 'program_month', $1, null, '2026-08', 'shown', 'not_released')",
    )
    .bind(program)
    .execute(store.pool())
    .await
    .unwrap();
    for (measure, value) in [
        ("responses", 45),
        ("belonging_scored", 44),
        ("belonging_positive", 33),
        ("belong_4", 20),
        ("belong_5", 20),
    ] {
        sqlx::query(
            "insert into release_count (release_id, cell, measure, value, manager_hidden, funder_hidden) values (5, 0, $1, $2, 0, 1)",
        )
        .bind(measure)
        .bind(value as i64)
        .execute(store.pool())
        .await
        .unwrap();
    }
    for (group, scale) in [("indices", "48"), ("items", "96"), ("responses", "12")] {
        sqlx::query(
            "insert into ledger (id, release_id, level, measure_group, mechanism, unit, spend, scale, sensitivity, cells, budget, code_version, spent_at) \
             values ($1, 5, 'program_month', $2, 'discrete_gaussian', 'rho', '1/24', $3, 'L2²=4', 1, '1', 'hearth 0.1.0', 0)",
        )
        .bind(100 + scale.len() as i32 + group.len() as i32)
        .bind(group)
        .bind(scale)
        .execute(store.pool())
        .await
        .unwrap();
    }
    let stored = view::load_release(&store, period("2026-08"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.info.plan, 1);
    let cell = &stored.cells[0];
    let pct = stored
        .figure(cell, Audience::Manager, Measure::BELONGING_PCT_POSITIVE)
        .unwrap();
    assert_eq!(pct.value, Some(75.0));
    assert!(
        pct.margin.unwrap() > 10.0,
        "{pct:?}: plan-1 margins come from its ledger"
    );
    let mean = stored
        .figure(cell, Audience::Manager, Measure::mean(Item::Belong))
        .unwrap();
    assert_eq!(mean.value, Some(4.5));
    // A quarter cannot be summed from a first-plan month.
    released(&store, "2026-09", 1).await;
    let refused = refused(&store, "2026-Q3", 2).await;
    assert!(
        matches!(refused, ReleaseError::FirstPlanMonths { .. }),
        "{refused}"
    );
    assert!(refused.to_string().contains("2026-08"), "{refused}");
}

async fn a_quarter_never_gives_away_its_hidden_months_together(db: &TestDb) {
    let store = db.store().await;
    // Program Small: 3 responses in July, 3 in August (both hidden), 40 in September.
    let (months, quarter) = small_program_quarter(
        &store,
        &[
            ("Small", "Only", "2026-07-08", 3, 0),
            ("Small", "Only", "2026-08-05", 3, 0),
            ("Small", "Only", "2026-09-02", 40, 5),
        ],
        &["2026-07", "2026-08"],
    )
    .await;
    assert!(
        months.iter().all(|m| m.manager == Status::Hidden),
        "3 responses each"
    );
    // Shown, the quarter minus September would be July and August together: 6 responses.
    assert_eq!(
        quarter.manager,
        Status::Hidden,
        "two hidden months given away together"
    );
    assert_eq!(quarter.funder, Status::Hidden);
}
