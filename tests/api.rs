//! The read-only API of released figures (`/api/v1`), on SQLite and on PostgreSQL, over a
//! real socket: tokens (401 without one, or with a wrong or revoked one; stored hashed;
//! used on a day), scope (a manager's token reads its program only, a funder's the
//! quarters; 404 outside), the cells equal the CSV exports of the same period and
//! audience, nothing unreleased, CSV on request, filters and their 400s, the rate limit,
//! no CORS, the OpenAPI document, the admin page and `hearth api-token`.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::num::NonZeroU32;

use axum::http::StatusCode;
use chrono::NaiveDate;
use common::staff::*;
use common::{TestApp, TestDb, run_hearth};
use dashboards::api::token::{self, NewToken};
use domain::audit::Actor;
use serde_json::Value;
use sha2::{Digest, Sha256};

on_both_stores!(
    requests_without_a_good_token_are_refused_with_a_json_error,
    a_funder_token_reads_exactly_the_funder_report_csv,
    a_manager_token_reads_exactly_its_programs_csv_and_nothing_else,
    a_closed_month_that_is_not_released_is_invisible,
    cells_come_as_csv_when_asked_and_filter_by_level_and_measure,
    bad_filters_are_a_400_with_a_clear_message,
    a_token_over_its_rate_is_answered_429_and_others_are_not,
    tokens_are_stored_hashed_and_their_use_as_a_day,
    the_openapi_document_lists_every_route_and_no_cors_header_is_sent,
    admins_make_list_and_revoke_tokens_on_their_page,
    the_command_line_makes_lists_and_revokes_tokens,
);

/// A seeded, released network, served.
async fn app(db: &TestDb) -> TestApp {
    let app = TestApp::spawn(db).await;
    seed_network(&app.store).await;
    app
}

/// The same app with a rate of `per_minute` requests per token.
async fn app_limited(db: &TestDb, per_minute: u32) -> TestApp {
    let store = db.store().await;
    let mut state = hearth::AppState::new(
        store.clone(),
        collector::Settings::default(),
        "http://hearth.test",
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    state.dashboards = state
        .dashboards
        .with_api_limit(dashboards::ApiLimit(NonZeroU32::new(per_minute).unwrap()));
    let (listener, addr) = hearth::PeerlessListener::bind("127.0.0.1:0").await.unwrap();
    tokio::spawn(hearth::serve(
        listener,
        hearth::app(state),
        std::future::pending(),
    ));
    seed_network(&store).await;
    TestApp {
        addr,
        store,
        client: reqwest::Client::new(),
    }
}

async fn make(app: &TestApp, name: &str, audience: &str, program: Option<&str>) -> String {
    let new = NewToken::new(name, audience, program).unwrap();
    let (_, text) = token::add(&app.store, Actor::CommandLine, &new)
        .await
        .unwrap();
    text.expose().to_owned()
}

/// GET with a token (or none): status, content type, body.
async fn call(app: &TestApp, token: Option<&str>, path: &str) -> (u16, String, String) {
    call_with(app, token, path, &[]).await
}

async fn call_with(
    app: &TestApp,
    token: Option<&str>,
    path: &str,
    headers: &[(&str, &str)],
) -> (u16, String, String) {
    let mut request = app.client.get(app.url(path));
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, response.text().await.unwrap())
}

async fn json(app: &TestApp, token: &str, path: &str) -> Value {
    let (status, kind, body) = call(app, Some(token), path).await;
    assert_eq!(status, 200, "{path}: {body}");
    assert!(kind.starts_with("application/json"), "{kind}");
    serde_json::from_str(&body).unwrap()
}

/// The error message of a JSON error body with this status.
fn error(status: u16, expected: u16, kind: &str, body: &str) -> String {
    assert_eq!(status, expected, "{body}");
    assert!(kind.starts_with("application/json"), "{kind}: {body}");
    let v: Value = serde_json::from_str(body).unwrap();
    v["error"].as_str().unwrap().to_owned()
}

/// A staff CSV download, as signed-in `email` sees it.
async fn staff_csv(app: &TestApp, email: &str, path: &str) -> String {
    let router = router(&app.store).await;
    let mut jar = sign_in(&router, email).await;
    let page = get(&router, &mut jar, path).await;
    assert_eq!(page.status, StatusCode::OK, "{path}");
    page.body
}

/// A CSV's data rows (no quoted commas in these names).
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

/// A JSON cell as the CSV writes its row (program, circle, period, months, level, measure,
/// count, value, margin_of_error, margin_with_sampling, status).
fn as_row(cell: &Value) -> Vec<String> {
    let text = |v: &Value| v.as_str().map(str::to_owned).unwrap_or_default();
    let number = |v: &Value| match v {
        Value::Null => String::new(),
        v => v.to_string(),
    };
    let months: Vec<String> = cell["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(text)
        .collect();
    vec![
        text(&cell["program"]),
        text(&cell["circle"]),
        text(&cell["period"]),
        months.join(" "),
        text(&cell["level"]),
        text(&cell["measure"]),
        number(&cell["count"]),
        number(&cell["value"]),
        number(&cell["margin_of_error"]),
        number(&cell["margin_with_sampling"]),
        text(&cell["status"]),
    ]
}

/// Rows equal as a spreadsheet reads them: numbers compared as numbers.
fn assert_same_rows(api: &[Vec<String>], csv: &[Vec<String>]) {
    assert_eq!(api.len(), csv.len(), "as many rows");
    assert!(!api.is_empty());
    for (a, c) in api.iter().zip(csv) {
        assert_eq!(a.len(), c.len());
        for (x, y) in a.iter().zip(c) {
            match (x.parse::<f64>(), y.parse::<f64>()) {
                (Ok(x), Ok(y)) => assert!((x - y).abs() < 1e-9, "{a:?} vs {c:?}"),
                _ => assert_eq!(x, y, "{a:?} vs {c:?}"),
            }
        }
    }
}

async fn requests_without_a_good_token_are_refused_with_a_json_error(db: &TestDb) {
    let app = app(db).await;
    let good = make(&app, "board", "funder", None).await;
    for path in [
        "/api/v1/releases",
        "/api/v1/releases/2026-Q3/cells",
        "/api/v1/dictionary",
    ] {
        let (status, kind, body) = call(&app, None, path).await;
        assert!(error(status, 401, &kind, &body).contains("No token"));
        let wrong = format!("hearth_{}", "0".repeat(64));
        let (status, kind, body) = call(&app, Some(&wrong), path).await;
        assert!(error(status, 401, &kind, &body).contains("not known"));
        let (status, kind, body) = call(&app, Some("nonsense"), path).await;
        error(status, 401, &kind, &body);
        // The good token, one character changed, is as wrong as any other.
        let mut near = good.clone();
        near.pop();
        near.push(if good.ends_with('0') { '1' } else { '0' });
        let (status, kind, body) = call(&app, Some(&near), path).await;
        error(status, 401, &kind, &body);
    }
    let response = app
        .client
        .get(app.url("/api/v1/releases"))
        .send()
        .await
        .unwrap();
    assert!(response.headers().get("www-authenticate").is_some());
    assert_eq!(call(&app, Some(&good), "/api/v1/releases").await.0, 200);
    token::revoke_by_name(&app.store, Actor::CommandLine, "board")
        .await
        .unwrap();
    let (status, kind, body) = call(&app, Some(&good), "/api/v1/releases").await;
    assert!(error(status, 401, &kind, &body).contains("revoked"));
}

async fn a_funder_token_reads_exactly_the_funder_report_csv(db: &TestDb) {
    let app = app(db).await;
    let funder = make(&app, "board", "funder", None).await;
    let list = json(&app, &funder, "/api/v1/releases").await;
    assert_eq!(list["audience"], "funder");
    let periods: Vec<&str> = list["releases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, [QUARTER], "funders read quarters only");
    let release = &list["releases"][0];
    assert_eq!(
        release["months"],
        serde_json::json!(["2026-07", "2026-08", "2026-09"])
    );
    assert_eq!(release["plan"], 2);
    NaiveDate::parse_from_str(release["released_on"].as_str().unwrap(), "%Y-%m-%d").unwrap();

    let csv = staff_csv(&app, FUNDER, &format!("/staff/reports/{QUARTER}/csv")).await;
    let cells = json(&app, &funder, &format!("/api/v1/releases/{QUARTER}/cells")).await;
    assert_eq!(cells["audience"], "funder");
    let rows: Vec<Vec<String>> = cells["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(as_row)
        .collect();
    assert_same_rows(&rows, &csv_rows(&csv));
    for cell in cells["cells"].as_array().unwrap() {
        assert!(
            ["program_quarter", "portfolio_quarter"].contains(&cell["level"].as_str().unwrap())
        );
        assert!(cell["reading"]["text"].is_string());
        assert!(cell.get("session").is_none() && cell["circle"].is_null());
    }
    // The API's CSV is the report's CSV, byte for byte.
    let (status, _, api_csv) = call(
        &app,
        Some(&funder),
        &format!("/api/v1/releases/{QUARTER}/cells?format=csv"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(api_csv, csv);
    // A month is not a funder's to read.
    assert_eq!(
        call(&app, Some(&funder), "/api/v1/releases/2026-08/cells")
            .await
            .0,
        404
    );

    // A funder of one program: the report of that program, and 404 for another.
    let hillside = make(&app, "hillside board", "funder", Some("Hillside")).await;
    let cells = json(
        &app,
        &hillside,
        &format!("/api/v1/releases/{QUARTER}/cells"),
    )
    .await;
    assert!(
        cells["cells"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["program_id"] == PROGRAM_B.get())
    );
    let (status, kind, body) = call(
        &app,
        Some(&hillside),
        &format!("/api/v1/releases/{QUARTER}/cells?program={PROGRAM_A}"),
    )
    .await;
    error(status, 404, &kind, &body);
}

async fn a_manager_token_reads_exactly_its_programs_csv_and_nothing_else(db: &TestDb) {
    let app = app(db).await;
    let manager = make(&app, "riverside tools", "manager", Some("Riverside")).await;
    let list = json(&app, &manager, "/api/v1/releases").await;
    let periods: Vec<&str> = list["releases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2026-07", "2026-08", "2026-09", QUARTER]);
    assert_eq!(list["program_id"], PROGRAM_A.get());

    let csv = staff_csv(&app, MANAGER_A, &format!("/staff/programs/{PROGRAM_A}/csv")).await;
    for period in ["2026-08", QUARTER] {
        let cells = json(&app, &manager, &format!("/api/v1/releases/{period}/cells")).await;
        assert_eq!(cells["audience"], "manager");
        let rows: Vec<Vec<String>> = cells["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(as_row)
            .collect();
        let expected: Vec<Vec<String>> = csv_rows(&csv)
            .into_iter()
            .filter(|r| r[2] == period)
            .collect();
        assert_same_rows(&rows, &expected);
        assert!(
            cells["cells"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["program_id"] == PROGRAM_A.get())
        );
    }
    // The tiny circle's month is released as hidden, never as a number.
    let tiny = json(
        &app,
        &manager,
        "/api/v1/releases/2026-08/cells?level=circle_month&measure=responses",
    )
    .await;
    let tiny: Vec<&Value> = tiny["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["circle_id"] == CIRCLE_A2.get())
        .collect();
    assert_eq!(tiny.len(), 1);
    assert_eq!(tiny[0]["status"], "hidden");
    assert!(tiny[0]["count"].is_null());
    // Another program: 404, as for a release that does not exist.
    for path in [
        format!("/api/v1/releases/2026-08/cells?program={PROGRAM_B}"),
        "/api/v1/releases/2031-01/cells".to_owned(),
    ] {
        let (status, kind, body) = call(&app, Some(&manager), &path).await;
        error(status, 404, &kind, &body);
    }
    let own = json(
        &app,
        &manager,
        &format!("/api/v1/releases/2026-08/cells?program={PROGRAM_A}"),
    )
    .await;
    assert!(!own["cells"].as_array().unwrap().is_empty());
}

async fn a_closed_month_that_is_not_released_is_invisible(db: &TestDb) {
    let app = app(db).await;
    let manager = make(&app, "riverside tools", "manager", Some("Riverside")).await;
    let date = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
    let new =
        domain::catalog::NewSession::new("Riverside", "Monday Circle", date, Some(40), None, None)
            .unwrap();
    let (session, _) = domain::catalog::open_session(&app.store, &new)
        .await
        .unwrap();
    let answers = vec![domain::instrument::Answers::default(); 12];
    collector::commit::insert_synthetic(&app.store, session.id, &answers)
        .await
        .unwrap();
    domain::catalog::close_session(&app.store, &session.code)
        .await
        .unwrap();
    let list = json(&app, &manager, "/api/v1/releases").await;
    assert!(!list.to_string().contains("2026-10"), "{list}");
    let (status, kind, body) = call(&app, Some(&manager), "/api/v1/releases/2026-10/cells").await;
    error(status, 404, &kind, &body);
    // Nothing of a single session anywhere: no session code, in any answer.
    let cells = call(&app, Some(&manager), "/api/v1/releases/2026-09/cells")
        .await
        .2;
    assert!(!cells.contains(session.code.as_str()) && !cells.contains("session"));
}

async fn cells_come_as_csv_when_asked_and_filter_by_level_and_measure(db: &TestDb) {
    let app = app(db).await;
    let manager = make(&app, "riverside tools", "manager", Some("Riverside")).await;
    let path = "/api/v1/releases/2026-08/cells";
    let (status, kind, by_accept) =
        call_with(&app, Some(&manager), path, &[("accept", "text/csv")]).await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/csv"), "{kind}");
    assert!(by_accept.starts_with("program,circle,period,months,level,measure,count,value,"));
    let (_, _, by_format) = call(&app, Some(&manager), &format!("{path}?format=csv")).await;
    assert_eq!(by_accept, by_format);
    // `format=json` wins over the Accept header.
    let (_, kind, _) = call_with(
        &app,
        Some(&manager),
        &format!("{path}?format=json"),
        &[("accept", "text/csv")],
    )
    .await;
    assert!(kind.starts_with("application/json"));

    let all = json(&app, &manager, path).await;
    let circles = json(&app, &manager, &format!("{path}?level=circle_month")).await;
    let circles = circles["cells"].as_array().unwrap();
    assert!(!circles.is_empty());
    assert!(circles.iter().all(|c| c["level"] == "circle_month"));
    assert!(circles.len() < all["cells"].as_array().unwrap().len());
    let two = json(
        &app,
        &manager,
        &format!("{path}?measure=responses,belonging_pct_positive&level=program_month"),
    )
    .await;
    let two = two["cells"].as_array().unwrap();
    assert_eq!(two.len(), 2, "{two:?}");
    let responses = two.iter().find(|c| c["measure"] == "responses").unwrap();
    // Counts are integers in the JSON, not 57.0.
    assert!(responses["count"].is_i64(), "{responses}");
    assert!(responses["value"].is_null());
    let belonging = two
        .iter()
        .find(|c| c["measure"] == "belonging_pct_positive")
        .unwrap();
    assert!(belonging["value"].is_f64() && belonging["count"].is_null());
    assert!(belonging["margin_of_error"].is_f64());
    // The same filters on the CSV.
    let (_, _, csv) = call(
        &app,
        Some(&manager),
        &format!("{path}?format=csv&measure=responses&level=program_month"),
    )
    .await;
    assert_eq!(csv.lines().count(), 2, "{csv}");
}

async fn bad_filters_are_a_400_with_a_clear_message(db: &TestDb) {
    let app = app(db).await;
    let manager = make(&app, "riverside tools", "manager", Some("Riverside")).await;
    let funder = make(&app, "board", "funder", None).await;
    let tokens_before = app.count("select count(*) from api_token").await;
    for (token, path, says) in [
        (
            &manager,
            "/api/v1/releases/2026-08/cells?level=bogus",
            "\"bogus\" is not a level",
        ),
        (
            &manager,
            "/api/v1/releases/2026-08/cells?level=portfolio_quarter",
            "circle_month, program_month, program_quarter",
        ),
        (
            &funder,
            "/api/v1/releases/2026-Q3/cells?level=circle_month",
            "program_quarter, portfolio_quarter",
        ),
        (
            &manager,
            "/api/v1/releases/2026-08/cells?measure=happiness",
            "\"happiness\" is not a measure",
        ),
        (
            &manager,
            "/api/v1/releases/2026-08/cells?program=abc",
            "not \"abc\"",
        ),
        (
            &manager,
            "/api/v1/releases/2026-08/cells?format=xml",
            "format must be json or csv",
        ),
        (
            &manager,
            "/api/v1/releases/2026-08/cells?colour=red",
            "Unknown parameter \"colour\"",
        ),
        (
            &manager,
            "/api/v1/releases/2026-13/cells",
            "\"2026-13\" is not a period",
        ),
        (
            &manager,
            "/api/v1/releases/last-year/cells",
            "is not a period",
        ),
    ] {
        let (status, kind, body) = call(&app, Some(token), path).await;
        let message = error(status, 400, &kind, &body);
        assert!(message.contains(says), "{path}: {message}");
    }
    let (status, kind, body) = call(&app, Some(&manager), "/api/v1/nothing-here").await;
    assert!(error(status, 404, &kind, &body).contains("no such API route"));
    assert_eq!(
        app.count("select count(*) from api_token").await,
        tokens_before
    );
}

async fn a_token_over_its_rate_is_answered_429_and_others_are_not(db: &TestDb) {
    let app = app_limited(db, 3).await;
    let one = make(&app, "one", "funder", None).await;
    let two = make(&app, "two", "funder", None).await;
    for _ in 0..3 {
        assert_eq!(call(&app, Some(&one), "/api/v1/releases").await.0, 200);
    }
    let response = app
        .client
        .get(app.url("/api/v1/releases"))
        .bearer_auth(&one)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    let wait: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("Too many requests")
    );
    assert_eq!(call(&app, Some(&two), "/api/v1/releases").await.0, 200);
}

/// Every column of `api_token`, in order.
type TokenRow = (
    i32,
    String,
    String,
    Option<i32>,
    String,
    String,
    Option<String>,
    Option<String>,
);

async fn tokens_are_stored_hashed_and_their_use_as_a_day(db: &TestDb) {
    let app = app(db).await;
    let text = make(&app, "board", "funder", None).await;
    assert!(text.starts_with("hearth_") && text.len() == 7 + 64);
    let row: (String, String, Option<String>) = sqlx::query_as(
        "select token_hash, created_on, last_used_on from api_token where name = 'board'",
    )
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    let hex: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(row.0, hex);
    assert_eq!(row.2, None, "not used yet");
    call(&app, Some(&text), "/api/v1/releases").await;
    let everything: Vec<TokenRow> = sqlx::query_as("select * from api_token")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    let dump = format!("{everything:?}");
    assert!(
        !dump.contains(&text[7..]),
        "the token's text is stored nowhere"
    );
    let today = chrono::Utc::now().date_naive();
    let (_, _, _, _, _, created, used, revoked) = &everything[0];
    assert_eq!(created.parse::<NaiveDate>().unwrap(), today);
    assert_eq!(
        used.as_deref().unwrap().parse::<NaiveDate>().unwrap(),
        today
    );
    assert_eq!(used.as_deref().unwrap().len(), 10, "a day, no time");
    assert!(revoked.is_none());
    // The audit trail names the token, never its text.
    let audit: Vec<(String, String)> = sqlx::query_as(
        "select action, subject || ' ' || detail from staff_audit where action like 'api_token%'",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].0, "api_token_added");
    assert!(!audit[0].1.contains(&text[7..]));
}

async fn the_openapi_document_lists_every_route_and_no_cors_header_is_sent(db: &TestDb) {
    let app = app(db).await;
    let funder = make(&app, "board", "funder", None).await;
    let (status, kind, body) = call(&app, None, "/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("application/json"));
    let doc: Value = serde_json::from_str(&body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    for route in [
        "/api/v1/releases",
        "/api/v1/releases/{period}/cells",
        "/api/v1/dictionary",
        "/api/v1/openapi.json",
    ] {
        assert!(
            paths.iter().any(|p| *p == route),
            "{route} missing from {paths:?}"
        );
    }
    // And every documented path is served (not the API's "no such route").
    for path in paths {
        let path = path.replace("{period}", QUARTER);
        let (status, _, body) = call(&app, Some(&funder), &path).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
    assert!(doc["components"]["securitySchemes"]["token"].is_object());
    let dictionary = json(&app, &funder, "/api/v1/dictionary").await;
    assert!(
        dictionary
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "belonging_pct_positive")
    );

    // CORS is closed: no Access-Control header, on a request from another origin or on a
    // preflight.
    let response = app
        .client
        .get(app.url("/api/v1/releases"))
        .bearer_auth(&funder)
        .header("origin", "https://elsewhere.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/releases"))
        .header("origin", "https://elsewhere.example")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    for r in [&response, &preflight] {
        assert!(
            !r.headers()
                .keys()
                .any(|k| k.as_str().starts_with("access-control")),
            "{:?}",
            r.headers()
        );
    }
}

async fn admins_make_list_and_revoke_tokens_on_their_page(db: &TestDb) {
    let app = app(db).await;
    let router = router(&app.store).await;
    let mut admin = sign_in(&router, ADMIN).await;
    let page = get(&router, &mut admin, "/staff/admin/api-tokens").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("No tokens yet"));
    let csrf = token(&page.body);
    // A manager's token without a program is refused, and nothing is stored.
    let refused = post(
        &router,
        &mut admin,
        "/staff/admin/api-tokens",
        &[
            ("authenticity_token", &csrf),
            ("name", "tools"),
            ("audience", "manager"),
            ("program", ""),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("needs a program"));
    assert_eq!(app.count("select count(*) from api_token").await, 0);
    let made = post(
        &router,
        &mut admin,
        "/staff/admin/api-tokens",
        &[
            ("authenticity_token", &csrf),
            ("name", "Riverside tools"),
            ("audience", "manager"),
            ("program", &PROGRAM_A.to_string()),
        ],
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let shown = get(&router, &mut admin, "/staff/admin/api-tokens").await;
    let at = shown.body.find("hearth_").unwrap();
    let text = shown.body[at..at + 71].to_owned();
    assert!(shown.body.contains("shown only this once"));
    let again = get(&router, &mut admin, "/staff/admin/api-tokens").await;
    assert!(!again.body.contains(&text), "shown once only");
    assert!(again.body.contains("Riverside tools") && again.body.contains("Last used\">never<"));
    // It works, and the list then says it was used today.
    let cells = json(&app, &text, "/api/v1/releases/2026-08/cells").await;
    assert!(
        cells["cells"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["program_id"] == PROGRAM_A.get())
    );
    let listed = get(&router, &mut admin, "/staff/admin/api-tokens").await;
    let today = chrono::Utc::now().date_naive().to_string();
    assert!(
        listed
            .body
            .contains(&format!("<time datetime=\"{today}\">"))
    );
    assert!(!listed.body.contains("Last used\">never<"));
    // Revoked, after a confirmation page: refused from then on.
    let id: i32 = sqlx::query_scalar("select id from api_token")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    let confirm = get(
        &router,
        &mut admin,
        &format!("/staff/admin/api-tokens/{id}/revoke"),
    )
    .await;
    assert_eq!(confirm.status, StatusCode::OK);
    let revoked = post(
        &router,
        &mut admin,
        &format!("/staff/admin/api-tokens/{id}/revoke"),
        &[("authenticity_token", &token(&confirm.body))],
    )
    .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(call(&app, Some(&text), "/api/v1/releases").await.0, 401);
    let listed = get(&router, &mut admin, "/staff/admin/api-tokens").await;
    assert!(listed.body.contains(&format!("revoked {today}")));
    let actions: Vec<String> = sqlx::query_scalar(
        "select action from staff_audit where action like 'api_token%' order by at_ms",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(actions, ["api_token_added", "api_token_revoked"]);
    // Not for a manager.
    let mut manager = sign_in(&router, MANAGER_A).await;
    let page = get(&router, &mut manager, "/staff/admin/api-tokens").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
}

async fn the_command_line_makes_lists_and_revokes_tokens(db: &TestDb) {
    let app = app(db).await;
    let out = run_hearth(
        db,
        &[
            "api-token",
            "add",
            "--name",
            "board",
            "--audience",
            "funder",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    let text = printed
        .split_whitespace()
        .find(|w| w.starts_with("hearth_"))
        .unwrap()
        .to_owned();
    assert!(printed.contains("shown only this once"));
    assert_eq!(
        json(&app, &text, "/api/v1/releases").await["audience"],
        "funder"
    );
    // A manager's token needs a program; an unknown program is refused; nothing stored.
    for args in [
        &["api-token", "add", "--name", "x", "--audience", "manager"][..],
        &[
            "api-token",
            "add",
            "--name",
            "x",
            "--audience",
            "manager",
            "--program",
            "Nowhere",
        ][..],
        &[
            "api-token",
            "add",
            "--name",
            "board",
            "--audience",
            "funder",
        ][..],
    ] {
        let out = run_hearth(db, args);
        assert!(!out.status.success(), "{args:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
    assert_eq!(app.count("select count(*) from api_token").await, 1);
    let list = run_hearth(db, &["api-token", "list"]);
    let list = String::from_utf8(list.stdout).unwrap();
    let today = chrono::Utc::now().date_naive().to_string();
    assert!(
        list.contains(&format!("board\tfunder\tall programs\t{today}\t{today}\t-")),
        "{list}"
    );
    assert!(!list.contains(&text));
    let out = run_hearth(db, &["api-token", "revoke", "--name", "board"]);
    assert!(out.status.success());
    assert_eq!(call(&app, Some(&text), "/api/v1/releases").await.0, 401);
    let list = String::from_utf8(run_hearth(db, &["api-token", "list"]).stdout).unwrap();
    assert!(list.contains(&format!("\t{today}\n")), "{list}");
    let again = run_hearth(db, &["api-token", "revoke", "--name", "board"]);
    assert!(!again.status.success());
}
