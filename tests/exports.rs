//! Exports carry no formulas, on SQLite and on PostgreSQL: every CSV Hearth writes — the
//! manager's and the funder's downloads, both data dictionaries, `hearth export --format
//! csv` to standard output and to a file with its dictionary — writes a text cell that a
//! spreadsheet would run (`=`, `+`, `-`, `@`, tab, carriage return first) with a leading
//! `'`, and numbers as numbers. Names beginning with `=`, `+` or `@` are refused where
//! they are typed (the admin pages, `hearth session open`), so those are stored here
//! directly, as an older version or another tool could have; a leading `-` is typed in.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode;
use common::staff::*;
use common::{TestDb, run_hearth};

on_both_stores!(
    every_csv_writes_formula_names_as_text_and_numbers_as_numbers,
    names_that_begin_like_a_formula_are_refused_where_they_are_typed,
);

const PROGRAM: &str = r#"=HYPERLINK("http://x","y")"#;
const CIRCLE_1: &str = "+cmd|' /C calc'!A0";
const CIRCLE_2: &str = "-1+1";
const CIRCLE_3: &str = "@SUM(A1)";

/// The cells of a CSV as a spreadsheet reads them (RFC 4180: quoted fields may hold
/// commas, doubled quotes and line breaks).
fn cells(csv: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// No cell a spreadsheet would run: every cell beginning with a formula's first character
/// is a number; the numeric columns hold numbers only. Returns the cells.
fn assert_safe(what: &str, csv: &str) -> Vec<Vec<String>> {
    let rows = cells(csv);
    assert!(rows.len() > 1, "{what}: rows expected: {csv}");
    let header = rows[0].clone();
    for row in &rows[1..] {
        assert_eq!(row.len(), header.len(), "{what}: {row:?}");
        for (column, cell) in header.iter().zip(row) {
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert!(
                    cell.parse::<f64>().is_ok(),
                    "{what}: column {column} holds {cell:?}, which a spreadsheet would run"
                );
            }
            if matches!(column.as_str(), "count" | "value" | "margin_of_error") {
                assert!(
                    cell.is_empty() || cell.parse::<f64>().is_ok(),
                    "{what}: {column} is a number or empty, not {cell:?}"
                );
            }
        }
    }
    rows
}

/// The cells of `column`, as read.
fn column<'a>(rows: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
    let at = rows[0].iter().position(|c| c == name).expect(name);
    rows[1..].iter().map(|r| r[at].as_str()).collect()
}

async fn rename(store: &domain::Store, table: &str, id: i32, name: &str) {
    sqlx::query(&format!("update {table} set name = $1 where id = $2"))
        .bind(name)
        .bind(id)
        .execute(store.pool())
        .await
        .unwrap();
}

async fn every_csv_writes_formula_names_as_text_and_numbers_as_numbers(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    // Refused at entry: stored directly, as an older version could have.
    rename(&store, "program", PROGRAM_A.get(), PROGRAM).await;
    rename(&store, "circle", CIRCLE_A1.get(), CIRCLE_1).await;
    rename(&store, "circle", CIRCLE_A3.get(), CIRCLE_3).await;
    // A leading '-' is typed in on the admin's rename page.
    let mut admin = sign_in(&app, ADMIN).await;
    let at = format!("/staff/admin/circles/{CIRCLE_A2}/rename");
    let form = get(&app, &mut admin, &at).await;
    let renamed = post(
        &app,
        &mut admin,
        &at,
        &[
            ("authenticity_token", &token(&form.body)),
            ("name", CIRCLE_2),
        ],
    )
    .await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER, "{}", renamed.body);

    // The manager's CSV: the program and each circle as text, with a leading quote.
    let mut manager = sign_in(&app, MANAGER_A).await;
    let csv = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}/csv"),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    let rows = assert_safe("manager CSV", &csv.body);
    let programs = column(&rows, "program");
    assert!(
        programs.iter().all(|p| *p == format!("'{PROGRAM}")),
        "{programs:?}"
    );
    let circles = column(&rows, "circle");
    for name in [CIRCLE_1, CIRCLE_2, CIRCLE_3] {
        assert!(
            circles.contains(&format!("'{name}").as_str()),
            "{name}: {circles:?}"
        );
    }
    // Numbers stay numbers: whole counts, unquoted.
    let counts: Vec<i64> = column(&rows, "count")
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.parse().unwrap())
        .collect();
    assert!(!counts.is_empty());
    assert!(!csv.body.contains("'1") && !csv.body.contains("'0"));

    // The funder's CSV: program level, the program's name as text.
    let mut funder = sign_in(&app, FUNDER).await;
    let csv = get(&app, &mut funder, &format!("/staff/reports/{QUARTER}/csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let rows = assert_safe("funder CSV", &csv.body);
    assert!(column(&rows, "program").contains(&format!("'{PROGRAM}").as_str()));
    assert!(!csv.body.contains(CIRCLE_1), "no circle reaches a funder");

    // Both data dictionaries.
    for (jar, path) in [
        (
            &mut manager,
            format!("/staff/programs/{PROGRAM_A}/dictionary.csv"),
        ),
        (
            &mut funder,
            format!("/staff/reports/{QUARTER}/dictionary.csv"),
        ),
    ] {
        let dictionary = get(&app, jar, &path).await;
        assert_eq!(dictionary.status, StatusCode::OK, "{path}");
        assert_safe(&path, &dictionary.body);
    }

    // `hearth export --format csv`: standard output, and a file with its dictionary.
    // (A month holds the circles' cells; a quarter, programs and the portfolio only.)
    for (audience, period) in [("manager", "2026-08"), ("funder", QUARTER)] {
        let out = run_hearth(
            db,
            &[
                "export",
                "--period",
                period,
                "--audience",
                audience,
                "--format",
                "csv",
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let rows = assert_safe(&format!("hearth export ({audience})"), &text);
        assert!(column(&rows, "program").contains(&format!("'{PROGRAM}").as_str()));
        if audience == "manager" {
            let circles = column(&rows, "circle");
            for name in [CIRCLE_1, CIRCLE_2, CIRCLE_3] {
                assert!(circles.contains(&format!("'{name}").as_str()), "{name}");
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q3.csv");
    let out = run_hearth(
        db,
        &[
            "export",
            "--period",
            "2026-07",
            "--audience",
            "manager",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = assert_safe(
        "hearth export --out",
        &std::fs::read_to_string(&file).unwrap(),
    );
    assert!(column(&rows, "circle").contains(&format!("'{CIRCLE_2}").as_str()));
    let dictionary = std::fs::read_to_string(dir.path().join("q3.csv.dictionary.csv")).unwrap();
    assert_safe("hearth export's dictionary", &dictionary);
}

async fn names_that_begin_like_a_formula_are_refused_where_they_are_typed(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let names = || async {
        let programs: Vec<String> = sqlx::query_scalar("select name from program order by id")
            .fetch_all(store.pool())
            .await
            .unwrap();
        let circles: Vec<String> = sqlx::query_scalar("select name from circle order by id")
            .fetch_all(store.pool())
            .await
            .unwrap();
        (programs, circles)
    };
    let before = names().await;
    let page = get(&app, &mut admin, "/staff/admin").await;
    let t = token(&page.body);
    let program_a = PROGRAM_A.to_string();
    for (path, fields, first) in [
        (
            "/staff/admin/programs".to_owned(),
            vec![("name", PROGRAM)],
            '=',
        ),
        (
            "/staff/admin/circles".to_owned(),
            vec![("program", program_a.as_str()), ("name", CIRCLE_1)],
            '+',
        ),
        (
            format!("/staff/admin/programs/{PROGRAM_A}/rename"),
            vec![("name", "  @SUM(A1)")],
            '@',
        ),
        (
            format!("/staff/admin/circles/{CIRCLE_A1}/rename"),
            vec![("name", CIRCLE_3)],
            '@',
        ),
    ] {
        let mut fields = fields;
        fields.push(("authenticity_token", &t));
        let refused = post(&app, &mut admin, &path, &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let said = format!(
            "may not begin with “{first}”: a spreadsheet opening an export would read it as a formula"
        );
        assert!(refused.body.contains(&said), "{path}: {}", refused.body);
    }
    assert_eq!(names().await, before, "nothing stored");
    let sessions = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from session")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    let sessions_before = sessions().await;

    // The command line says so too, and stores nothing.
    for (program, circle) in [(PROGRAM, "Monday"), ("Riverside", CIRCLE_3)] {
        let out = run_hearth(
            db,
            &["session", "open", "--program", program, "--circle", circle],
        );
        assert!(!out.status.success());
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("may not begin with"), "{said}");
        assert!(out.stdout.is_empty());
    }
    assert_eq!(names().await, before, "nothing stored");
    assert_eq!(sessions().await, sessions_before);

    // A leading '-' is taken (exports neutralise it).
    let out = run_hearth(
        db,
        &[
            "session",
            "open",
            "--program",
            "Riverside",
            "--circle=- Late -",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(names().await.1.contains(&"- Late -".to_owned()));
}
