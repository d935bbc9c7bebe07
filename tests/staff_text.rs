//! Names and lines are text people can trust, on SQLite and on PostgreSQL: every name and
//! line staff type — program and circle names (added and renamed), crisis lines (the
//! organization's and a program's), actions and the "you said, we did" lines — refuses
//! control characters (NUL, tabs, C1 controls, line breaks in one-line fields) and the
//! direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) with a 422
//! page saying what was wrong, and stores nothing; the command line likewise. Arabic and
//! Hebrew are taken as typed.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::staff::*;
use common::{TestDb, run_hearth};
use domain::Store;

on_both_stores!(
    every_staff_name_and_line_refuses_controls_and_direction_overrides,
    arabic_and_hebrew_names_and_lines_are_taken_as_typed,
    the_command_line_refuses_the_same_text,
);

/// What was typed, and what the page must say about it.
const BAD: [(&str, &str); 6] = [
    ("Peer\0Bridges", "invisible control character (U+0000)"),
    (
        "Tuesday\u{202E}gnineve",
        "changes the direction of text (U+202E)",
    ),
    (
        "Tuesday \u{2067}x\u{2069}",
        "changes the direction of text (U+2067)",
    ),
    ("Peer\tBridges", "holds a tab: use a space instead"),
    ("Peer\u{9b}Bridges", "invisible control character (U+009B)"),
    (
        "Peer\u{1b}[2JBridges",
        "invisible control character (U+001B)",
    ),
];

/// Everything staff text is stored in, to compare before and after.
async fn stored(store: &Store) -> Vec<String> {
    let mut all: Vec<String> = vec![];
    for sql in [
        "select name from program order by id",
        "select name from circle order by id",
        "select name || '=' || value from setting where name like 'crisis%' order by name",
        "select body || '|' || coalesce(published_en, '') || '|' || coalesce(published_es, '') from action_taken order by id",
    ] {
        let rows: Vec<String> = sqlx::query_scalar(sql)
            .fetch_all(store.pool())
            .await
            .unwrap();
        all.extend(rows);
    }
    all
}

async fn every_staff_name_and_line_refuses_controls_and_direction_overrides(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    // An action to publish a line of.
    let actions = format!("/staff/programs/{PROGRAM_A}/actions");
    let t = token(&get(&app, &mut manager, &actions).await.body);
    let circle = CIRCLE_A1.to_string();
    let recorded = post(
        &app,
        &mut manager,
        &actions,
        &[
            ("authenticity_token", &t),
            ("circle", &circle),
            (
                "body",
                "We read the ground rules\r\nand check out at the end",
            ),
            ("taken_on", "2026-08-03"),
        ],
    )
    .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.body);
    let action = recorded.location.unwrap();
    let before = stored(&store).await;
    assert!(
        before.iter().any(|s| s.contains("rules\r\nand check")),
        "an action may take several lines: {before:?}"
    );

    let admin_token = token(&get(&app, &mut admin, "/staff/admin").await.body);
    let program_a = PROGRAM_A.to_string();
    for (bad, said) in BAD.iter().copied().chain([(
        "Peer\nBridges",
        "must be on one line: it holds a line break",
    )]) {
        // (path, fields) for every field a name or a one-line line is typed in.
        let forms: Vec<(String, Vec<(&str, &str)>)> = vec![
            ("/staff/admin/programs".into(), vec![("name", bad)]),
            (
                "/staff/admin/circles".into(),
                vec![("program", &program_a), ("name", bad)],
            ),
            (
                format!("/staff/admin/programs/{PROGRAM_A}/rename"),
                vec![("name", bad)],
            ),
            (
                format!("/staff/admin/circles/{CIRCLE_A1}/rename"),
                vec![("name", bad)],
            ),
            (
                "/staff/admin/crisis-line".into(),
                vec![
                    ("program", ""),
                    ("line.en", bad),
                    ("line.es", "Llama al 024"),
                ],
            ),
            (
                "/staff/admin/crisis-line".into(),
                vec![
                    ("program", &program_a),
                    ("line.en", "Call 988"),
                    ("line.es", bad),
                ],
            ),
        ];
        for (path, mut fields) in forms {
            fields.push(("authenticity_token", &admin_token));
            let page = post(&app, &mut admin, &path, &fields).await;
            assert_eq!(
                page.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {bad:?}"
            );
            assert!(page.body.contains(said), "{path} {bad:?}: {}", page.body);
        }
    }
    // The manager's action text and the lines participants read (typed in text areas, so
    // a line break is taken there; every other control and override is not).
    let manager_token = token(&get(&app, &mut manager, &action).await.body);
    for (bad, said) in BAD {
        for (path, fields) in [
            (
                actions.clone(),
                vec![
                    ("circle", circle.as_str()),
                    ("body", bad),
                    ("taken_on", "2026-08-04"),
                ],
            ),
            (
                action.clone(),
                vec![
                    ("circle", circle.as_str()),
                    ("body", bad),
                    ("taken_on", "2026-08-03"),
                ],
            ),
            (
                format!("{action}/publish"),
                vec![("line_en", bad), ("line_es", "")],
            ),
            (
                format!("{action}/publish"),
                vec![
                    ("line_en", "We now keep time for check-out."),
                    ("line_es", bad),
                ],
            ),
        ] {
            let mut fields = fields;
            fields.push(("authenticity_token", &manager_token));
            let page = post(&app, &mut manager, &path, &fields).await;
            assert_eq!(
                page.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {bad:?}"
            );
            assert!(page.body.contains(said), "{path} {bad:?}: {}", page.body);
        }
    }
    assert_eq!(stored(&store).await, before, "nothing was stored");
}

async fn arabic_and_hebrew_names_and_lines_are_taken_as_typed(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let t = token(&get(&app, &mut admin, "/staff/admin").await.body);
    let program = "برنامج الجسور";
    let circle = "מעגל יום שלישי";
    // A right-to-left mark where a name mixes directions is writing, not a trick.
    let renamed = "Riverside \u{200F}נהר\u{200E} 2";
    let line = "اتصل أو أرسل رسالة إلى 988";
    let program_a = PROGRAM_A.to_string();
    for (path, fields) in [
        ("/staff/admin/programs".to_owned(), vec![("name", program)]),
        (
            "/staff/admin/circles".to_owned(),
            vec![("program", program_a.as_str()), ("name", circle)],
        ),
        (
            format!("/staff/admin/programs/{PROGRAM_A}/rename"),
            vec![("name", renamed)],
        ),
        (
            "/staff/admin/crisis-line".to_owned(),
            vec![("program", ""), ("line.en", line), ("line.es", "")],
        ),
    ] {
        let mut fields = fields;
        fields.push(("authenticity_token", &t));
        let page = post(&app, &mut admin, &path, &fields).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}: {}", page.body);
    }
    let all = stored(&store).await;
    for typed in [program, circle, renamed, &format!("crisis_line.en={line}")] {
        assert!(all.iter().any(|s| s == typed), "{typed}: {all:?}");
    }
    let catalog = get(&app, &mut admin, "/staff/admin").await;
    assert!(catalog.body.contains(program) && catalog.body.contains(circle));

    let mut manager = sign_in(&app, MANAGER_A).await;
    let actions = format!("/staff/programs/{PROGRAM_A}/actions");
    let t = token(&get(&app, &mut manager, &actions).await.body);
    let circle_id = CIRCLE_A1.to_string();
    let body = "קראנו את כללי הקבוצה\r\nقرأنا قواعد المجموعة";
    let recorded = post(
        &app,
        &mut manager,
        &actions,
        &[
            ("authenticity_token", &t),
            ("circle", &circle_id),
            ("body", body),
            ("taken_on", "2026-08-03"),
        ],
    )
    .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.body);
    let action = recorded.location.unwrap();
    let said = "قلتم إن اللقاءات كانت سريعة. الآن نترك وقتا في النهاية.";
    let t = token(&get(&app, &mut manager, &action).await.body);
    let published = post(
        &app,
        &mut manager,
        &format!("{action}/publish"),
        &[
            ("authenticity_token", &t),
            ("line_en", said),
            ("line_es", ""),
        ],
    )
    .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let all = stored(&store).await;
    assert!(all.contains(&format!("{body}|{said}|")), "{all:?}");
}

async fn the_command_line_refuses_the_same_text(db: &TestDb) {
    let store = db.store().await;
    let before = stored(&store).await;
    // (A NUL cannot be passed in an argument at all.)
    for (bad, said) in BAD.into_iter().filter(|(bad, _)| !bad.contains('\0')) {
        for args in [
            ["session", "open", "--program", bad, "--circle", "Monday"],
            ["session", "open", "--program", "Riverside", "--circle", bad],
        ] {
            let out = run_hearth(db, &args);
            assert!(!out.status.success(), "{args:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(said), "{args:?}: {stderr}");
            assert!(out.stdout.is_empty());
        }
    }
    assert_eq!(stored(&store).await, before, "nothing was stored");
    let out = run_hearth(
        db,
        &[
            "session",
            "open",
            "--program",
            "برنامج الجسور",
            "--circle",
            "מעגל",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all = stored(&store).await;
    assert!(all.contains(&"برنامج الجسور".to_owned()) && all.contains(&"מעגל".to_owned()));

    // `hearth serve --crisis-line` refuses such a line before it serves anything.
    let mut serve = std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--crisis-line",
            "Call\u{202E}889",
        ])
        .env("HEARTH_DATABASE_URL", &db.url)
        .env_remove("RUST_LOG")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while serve.try_wait().unwrap().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    if serve.try_wait().unwrap().is_none() {
        let _ = serve.kill();
        panic!("hearth serve started with a direction override in its crisis line");
    }
    let out = serve.wait_with_output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the crisis line (--crisis-line, HEARTH_CRISIS_LINE) holds an invisible character that changes the direction of text (U+202E)"),
        "{stderr}"
    );
}
