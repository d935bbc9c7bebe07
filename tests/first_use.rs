//! What people read on first use and every day, on SQLite and on PostgreSQL: a fresh
//! install says how to make its first admin, a program before its first release says when
//! figures come, the command line matches names as the admin pages do, roles read as
//! words, and the desk, downloads, kiosk form and `--help` say what they mean once.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::io::Write;
use std::process::{Command, Stdio};

use analytics::period::Period;
use axum::http::{StatusCode, header};
use common::TestDb;
use common::run_hearth;
use common::server::Server;
use common::staff::*;
use dashboards::account::{self, NewUser};
use domain::audit::Actor;
use domain::catalog::{self, Added, NewSession};

on_both_stores!(
    the_sign_in_page_says_how_to_make_the_first_admin_until_an_account_exists,
    serve_says_how_to_make_the_first_admin_until_an_account_exists,
    before_any_release_a_programs_pages_say_when_figures_come_never_fewer_than_0,
    a_program_added_after_the_last_release_says_when_its_first_comes,
    session_open_reuses_a_program_and_circle_named_in_another_letter_case,
    people_read_data_entry_never_its_key,
    closing_is_a_plain_link_and_a_closed_session_reads_its_final_state_once,
    the_manager_csv_is_named_after_its_program_and_the_date,
    a_kiosk_form_keeps_the_crisis_line_within_reach,
);

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");
const FIRST_ADMIN: &str = "hearth user add --email you@example.org --role admin";

/// A page's text without its tags, spaces collapsed.
fn words(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn the_sign_in_page_says_how_to_make_the_first_admin_until_an_account_exists(db: &TestDb) {
    let store = db.store().await;
    let app = router(&store).await;
    let mut jar = Jar::default();
    let page = get(&app, &mut jar, "/staff/sign-in").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Hearth has no staff account yet"),
        "{}",
        page.body
    );
    assert!(page.body.contains(FIRST_ADMIN), "{}", page.body);
    // Signing in cannot work yet: the refusal says it too.
    let refused = post(
        &app,
        &mut jar,
        "/staff/sign-in",
        &[
            ("authenticity_token", &token(&page.body)),
            ("email", "someone@example.org"),
            ("password", "a password of some length"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(refused.body.contains(FIRST_ADMIN));

    account::add_user(
        &store,
        &NewUser::new("first@example.org", "admin", None).unwrap(),
        PASSWORD.into(),
    )
    .await
    .unwrap();
    let page = get(&app, &mut Jar::default(), "/staff/sign-in").await;
    assert!(!page.body.contains("no staff account"), "{}", page.body);
    assert!(!page.body.contains("hearth user add"), "{}", page.body);
}

async fn serve_says_how_to_make_the_first_admin_until_an_account_exists(db: &TestDb) {
    let log = Server::start(&db.url, None).stop();
    assert!(log.contains("no staff account yet"), "{log}");
    assert!(log.contains(FIRST_ADMIN), "{log}");

    let store = db.store().await;
    account::add_user(
        &store,
        &NewUser::new("first@example.org", "admin", None).unwrap(),
        PASSWORD.into(),
    )
    .await
    .unwrap();
    let log = Server::start(&db.url, None).stop();
    assert!(log.contains("listening on"), "{log}");
    assert!(!log.contains("hearth user add"), "{log}");
}

/// A day about two months ahead: its month ends, and is released, in the future.
fn ahead() -> chrono::NaiveDate {
    chrono::Local::now().date_naive() + chrono::Duration::days(60)
}

/// What the empty state says of the month of `day`'s release: "of May 2027" and its day.
fn first_release_of(day: chrono::NaiveDate) -> (String, String) {
    let month = Period::month_of(day);
    let due = analytics::schedule::due_at(month, analytics::schedule::DEFAULT_GRACE_HOURS);
    (
        format!("The first release, of {}", day.format("%B %Y")),
        format!("comes on {} or soon after", due.format("%-d %B %Y")),
    )
}

fn assert_empty_state(page: &Page, name: &str) {
    assert_eq!(page.status, StatusCode::OK);
    let text = words(&page.body);
    assert!(
        text.contains(&format!("No month of {name} has been released yet")),
        "{text}"
    );
    assert!(!text.contains("fewer than"), "{text}");
    assert!(!page.body.contains("<svg"), "no chart");
    assert!(!page.body.contains("<table"), "no table");
}

async fn circle_id(store: &domain::Store, name: &str) -> i32 {
    sqlx::query_scalar("select id from circle where name = $1")
        .bind(name)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn before_any_release_a_programs_pages_say_when_figures_come_never_fewer_than_0(db: &TestDb) {
    let store = db.store().await;
    account::add_user(
        &store,
        &NewUser::new(ADMIN, "admin", None).unwrap(),
        PASSWORD.into(),
    )
    .await
    .unwrap();
    let Added::New(lakeside) = catalog::add_program(&store, "Lakeside", Actor::CommandLine)
        .await
        .unwrap()
    else {
        panic!("a new program")
    };
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let overview = format!("/staff/programs/{lakeside}");
    let page = get(&app, &mut admin, &overview).await;
    assert_empty_state(&page, "Lakeside");
    assert!(words(&page.body).contains("It has held no session yet"));
    assert!(words(&page.body).contains("72 hours after it ends"));

    let day = ahead();
    let new = NewSession::new("Lakeside", "Dawn", day, None, None, None).unwrap();
    catalog::open_session(&store, &new).await.unwrap();
    let (of_month, comes_on) = first_release_of(day);
    let circle = format!("{overview}/circles/{}", circle_id(&store, "Dawn").await);
    for (path, name) in [(&overview, "Lakeside"), (&circle, "Dawn")] {
        let page = get(&app, &mut admin, path).await;
        assert_empty_state(&page, name);
        let text = words(&page.body);
        assert!(
            text.contains(&of_month) && text.contains(&comes_on),
            "{text}"
        );
    }
}

async fn a_program_added_after_the_last_release_says_when_its_first_comes(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let day = ahead();
    let new = NewSession::new("Lakeside", "Dawn", day, None, None, None).unwrap();
    let (session, _) = catalog::open_session(&store, &new).await.unwrap();
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let lakeside = format!("/staff/programs/{}", session.program_id);
    assert_empty_state(&get(&app, &mut admin, &lakeside).await, "Lakeside");
    // A new circle of a released program, too; the released ones draw their figures.
    let new = NewSession::new("Riverside", "Evening Walk", day, None, None, None).unwrap();
    catalog::open_session(&store, &new).await.unwrap();
    let walk = circle_id(&store, "Evening Walk").await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let riverside = format!("/staff/programs/{PROGRAM_A}");
    let page = get(&app, &mut manager, &format!("{riverside}/circles/{walk}")).await;
    assert_empty_state(&page, "Evening Walk");
    for path in [
        riverside.clone(),
        format!("{riverside}/circles/{CIRCLE_A1}"),
    ] {
        let page = get(&app, &mut manager, &path).await;
        assert!(page.body.contains("<svg"), "{path}");
        assert!(!page.body.contains("has been released yet"), "{path}");
    }
}

async fn session_open_reuses_a_program_and_circle_named_in_another_letter_case(db: &TestDb) {
    let open = |program: &str, circle: &str| {
        let out = run_hearth(
            db,
            &["session", "open", "--program", program, "--circle", circle],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = open("Peer Bridges", "Tuesday Evening");
    assert!(
        first.contains("created the program “Peer Bridges”"),
        "{first}"
    );
    assert!(
        first.contains("created the circle “Tuesday Evening”"),
        "{first}"
    );
    let again = open("peer bridges", "TUESDAY evening");
    assert!(
        again.contains("matched the program “Peer Bridges” (you typed “peer bridges”"),
        "{again}"
    );
    assert!(
        again.contains("matched the circle “Tuesday Evening” (you typed “TUESDAY evening”"),
        "{again}"
    );
    assert!(
        again.contains(" · Peer Bridges · Tuesday Evening · "),
        "{again}"
    );
    let same = open("Peer Bridges", "Tuesday Evening");
    assert!(
        !same.contains("matched") && !same.contains("created"),
        "{same}"
    );

    let store = db.store().await;
    let count = |table: &'static str| {
        let store = store.clone();
        async move {
            sqlx::query_scalar::<_, i64>(&format!("select count(*) from {table}"))
                .fetch_one(store.pool())
                .await
                .unwrap()
        }
    };
    assert_eq!((count("program").await, count("circle").await), (1, 1));
    // The admin pages' adds follow the same rule.
    let program = catalog::add_program(&store, "PEER BRIDGES", Actor::CommandLine)
        .await
        .unwrap();
    assert!(matches!(program, Added::Existing(_)));
    let circle = catalog::add_circle(&store, program.id(), "tuesday evening", Actor::CommandLine)
        .await
        .unwrap();
    assert!(matches!(circle, Added::Existing(_)));
    assert_eq!((count("program").await, count("circle").await), (1, 1));
}

/// `hearth user add`, with the password on standard input.
fn user_add(db: &TestDb, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(HEARTH)
        .args(["user", "add"])
        .args(args)
        .env("HEARTH_DATABASE_URL", &db.url)
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    child.wait_with_output().unwrap()
}

async fn people_read_data_entry_never_its_key(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let typist = "typist@test.hearth";
    let added = user_add(
        db,
        &[
            "--email",
            typist,
            "--role",
            "data-entry",
            "--program",
            "Riverside",
            "--permanent",
        ],
    );
    assert!(added.status.success());
    let said = String::from_utf8(added.stdout).unwrap();
    assert_eq!(said, format!("added {typist} as data entry of Riverside\n"));
    let refused = user_add(db, &["--email", "t2@test.hearth", "--role", "data-entry"]);
    assert!(!refused.status.success());
    let error = String::from_utf8(refused.stderr).unwrap();
    assert!(
        error.contains("a data entry account must belong to a program"),
        "{error}"
    );
    assert!(!error.contains("data_entry"), "{error}");

    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let id = staff_id(&store, typist).await;
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    let refused = post(
        &app,
        &mut admin,
        "/staff/admin/users",
        &[
            ("authenticity_token", &token(&users.body)),
            ("email", "t3@test.hearth"),
            ("role", "data_entry"),
            ("program", ""),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let edit = get(&app, &mut admin, &format!("/staff/admin/users/{id}")).await;
    let mut own = sign_in(&app, typist).await;
    let home = get(&app, &mut own, "/staff").await;
    let account_page = get(&app, &mut own, "/staff/account").await;
    for page in [&users, &refused, &edit, &home, &account_page] {
        // The forms send the key as a value; nothing a person reads is the key.
        let shown = page.body.replace("value=\"data_entry\"", "");
        assert!(!shown.contains("data_entry"), "{}", page.body);
        assert!(shown.contains("data entry"), "{}", page.body);
    }
    assert!(
        refused
            .body
            .contains("A data entry account must belong to a program.")
    );
}

async fn closing_is_a_plain_link_and_a_closed_session_reads_its_final_state_once(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let opened = open_at_desk(&app, &mut jar, &[("capacity", "1")]).await;
    let at = opened.location.unwrap();
    let code = at.rsplit('/').next().unwrap().to_owned();
    let page = get(&app, &mut jar, &at).await;
    let close_at = format!("{at}/close");
    assert!(
        page.body.contains(&format!("href=\"{close_at}\"")),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("method=\"get\""),
        "a form would send `close?`"
    );

    // Full, then closed: its state is said once, and keeps that it was full.
    let sent = post(
        &app,
        &mut Jar::default(),
        &format!("/s/{code}"),
        &[("belong", "5")],
    )
    .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(
        get(&app, &mut jar, &at)
            .await
            .body
            .contains("<strong>full</strong>")
    );
    let confirm = get(&app, &mut jar, &close_at).await;
    let closed = post(
        &app,
        &mut jar,
        &close_at,
        &[
            ("authenticity_token", &token(&confirm.body)),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let text = words(&get(&app, &mut jar, &at).await.body);
    assert!(
        text.contains("· closed (was full) Its code and link"),
        "{text}"
    );
    assert_eq!(text.matches("closed").count(), 1, "{text}");
    let list = get(&app, &mut jar, "/staff/sessions").await.body;
    assert!(
        list.contains(&format!("{code}</a></th><td>Monday Circle</td>"))
            && list.contains("<td>closed (was full)</td><td><span class=\"hint\">not shown</span>"),
        "{list}"
    );
    assert!(!words(&list).contains("closed not shown once closed"));

    // The cards' page after a reload reads as one sentence.
    let opened = open_at_desk(&app, &mut jar, &[("tickets", "2")]).await;
    let cards_at = opened.location.unwrap();
    assert_eq!(
        card_codes(&get(&app, &mut jar, &cards_at).await.body).len(),
        2
    );
    let reload = words(&get(&app, &mut jar, &cards_at).await.body);
    assert!(
        reload.contains("cannot be shown again: Hearth keeps no copy of a card"),
        "{reload}"
    );
    assert!(!reload.contains(": Once shown"), "{reload}");
}

async fn the_manager_csv_is_named_after_its_program_and_the_date(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let today = chrono::Local::now().date_naive();
    for (path, name) in [
        ("csv", format!("hearth-riverside-{today}.csv")),
        (
            "dictionary.csv",
            "hearth-riverside-dictionary.csv".to_owned(),
        ),
    ] {
        let page = get(
            &app,
            &mut manager,
            &format!("/staff/programs/{PROGRAM_A}/{path}"),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            page.headers[header::CONTENT_DISPOSITION],
            format!("attachment; filename=\"{name}\"").as_str()
        );
    }
}

async fn a_kiosk_form_keeps_the_crisis_line_within_reach(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let opened = open_at_desk(&app, &mut jar, &[("kiosk", "yes")]).await;
    let page = get(&app, &mut jar, opened.location.as_deref().unwrap()).await;
    let at = page.body.find("/kiosk/").unwrap();
    let start = page.body[..at].rfind("/s/").unwrap();
    let end = at + page.body[at..].find('"').unwrap();
    let kiosk = &page.body[start..end];
    let form = get(&app, &mut Jar::default(), kiosk).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("name=\"belong\""), "the form");
    assert!(
        form.body.contains(
            "<p class=\"crisis\" dir=\"auto\">In crisis or thinking about hurting yourself?"
        ),
        "{}",
        form.body
    );
}

#[test]
fn help_describes_every_setting_and_shows_no_empty_environment_values() {
    let help = |args: &[&str]| {
        let out = Command::new(HEARTH)
            .args(args)
            .arg("--help")
            .env_remove("HEARTH_BASE_URL")
            .env_remove("HEARTH_BIND")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let user = help(&["user", "add"]);
    assert!(user.contains("The account's email"), "{user}");
    assert!(user.contains("What the account may do"), "{user}");
    for command in [
        &["backup"][..],
        &["restore"],
        &["migrate"],
        &["release"],
        &["user", "add"],
    ] {
        let text = help(command);
        assert!(!text.contains("--base-url"), "{command:?}: {text}");
        assert!(!text.contains("--bind"), "{command:?}: {text}");
    }
    for command in [&["serve"][..], &["demo"], &["session", "open"]] {
        let text = help(command);
        assert!(
            text.contains("[env: HEARTH_BASE_URL]"),
            "{command:?}: {text}"
        );
        assert!(text.contains("[env: HEARTH_BIND]"), "{command:?}: {text}");
    }
    for command in [&[][..], &["serve"], &["demo"], &["session", "open"]] {
        let text = help(command);
        assert!(!text.contains("=]"), "{command:?}: {text}");
    }
}
