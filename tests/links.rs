//! Links and QR codes point where phones can follow them, on SQLite and on PostgreSQL: the
//! command line and the served desk use one rule (the base URL given, else the address
//! Hearth listens on), and say so in plain words when phones cannot follow a link.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::process::{Command, Output};

use axum::http::StatusCode;
use collector::Settings;
use common::TestDb;
use common::server::Server;
use common::staff::*;
use dashboards::links::PublicAddress;

on_both_stores!(
    demo_and_session_open_print_links_on_the_bind_address_and_say_phones_cannot_reach_them,
    every_interface_names_no_host_so_session_open_prints_no_link_and_asks_for_a_base_url,
    a_public_base_url_is_printed_without_a_warning,
    the_desk_warns_on_the_session_page_and_above_the_cards_when_links_are_loopback,
    serve_says_at_start_up_whether_phones_can_follow_its_links,
);

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");

const LOOPBACK_WARNING: &str = "Phones cannot reach this link";

/// The real binary on the test database, with no base URL unless `env` gives one.
fn hearth(db: &TestDb, env: &[(&str, &str)], args: &[&str]) -> Output {
    let out = Command::new(HEARTH)
        .args(args)
        .env("HEARTH_DATABASE_URL", &db.url)
        .env_remove("HEARTH_BASE_URL")
        .env_remove("HEARTH_BIND")
        .env_remove("RUST_LOG")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn open(db: &TestDb, env: &[(&str, &str)], extra: &[&str]) -> (String, String) {
    let mut args = vec![
        "session",
        "open",
        "--program",
        "Peer Bridges",
        "--circle",
        "Tuesday Evening",
        "--tickets",
        "2",
    ];
    args.extend_from_slice(extra);
    let out = hearth(db, env, &args);
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

async fn demo_and_session_open_print_links_on_the_bind_address_and_say_phones_cannot_reach_them(
    db: &TestDb,
) {
    let demo = hearth(
        db,
        &[],
        &["demo", "--no-serve", "--bind", "127.0.0.1:18081"],
    );
    let printed = String::from_utf8(demo.stdout).unwrap();
    assert!(
        printed.contains("sign in at http://127.0.0.1:18081/staff/sign-in"),
        "{printed}"
    );
    assert!(!printed.contains("8080"), "{printed}");

    let (printed, said) = open(db, &[], &["--bind", "127.0.0.1:18081"]);
    let code = printed.split_whitespace().nth(1).unwrap();
    assert!(
        printed.contains(&format!("link http://127.0.0.1:18081/s/{code}\n")),
        "{printed}"
    );
    assert_eq!(
        printed
            .matches(&format!("http://127.0.0.1:18081/s/{code}?ticket="))
            .count(),
        2,
        "{printed}"
    );
    assert!(!printed.contains("8080"), "{printed}");
    assert!(said.contains(LOOPBACK_WARNING), "{said}");
    assert!(said.contains("set HEARTH_BASE_URL"), "{said}");

    // HEARTH_BIND is --bind's fallback, as for `hearth serve`.
    let (printed, _) = open(db, &[("HEARTH_BIND", "127.0.0.1:18082")], &[]);
    assert!(
        printed.contains("link http://127.0.0.1:18082/s/"),
        "{printed}"
    );
}

async fn every_interface_names_no_host_so_session_open_prints_no_link_and_asks_for_a_base_url(
    db: &TestDb,
) {
    let (printed, said) = open(db, &[], &["--bind", "0.0.0.0:8080"]);
    assert!(!printed.contains("http"), "{printed}");
    assert!(
        printed.contains("no link: set HEARTH_BASE_URL"),
        "{printed}"
    );
    // The cards' codes still work, typed in.
    assert!(
        printed.contains("ticket codes (each works once):"),
        "{printed}"
    );
    assert!(
        said.contains("There is no link or QR code to share"),
        "{said}"
    );
    assert!(said.contains("set HEARTH_BASE_URL"), "{said}");

    // A base URL that is no web address is refused before anything is stored.
    let store = db.store().await;
    let sessions = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from session")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    let before = sessions().await;
    let refused = Command::new(HEARTH)
        .args(["session", "open", "--program", "Other", "--circle", "C"])
        .env("HEARTH_DATABASE_URL", &db.url)
        .env("HEARTH_BASE_URL", "feedback.example.org")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(error.contains("is not a web address"), "{error}");
    assert!(
        error.contains("like https://feedback.example.org"),
        "{error}"
    );
    assert_eq!(sessions().await, before);
}

async fn a_public_base_url_is_printed_without_a_warning(db: &TestDb) {
    let env = [("HEARTH_BASE_URL", "https://feedback.example.org/")];
    let (printed, said) = open(db, &env, &["--bind", "0.0.0.0:8080"]);
    let code = printed.split_whitespace().nth(1).unwrap();
    assert!(
        printed.contains(&format!("link https://feedback.example.org/s/{code}\n")),
        "{printed}"
    );
    assert!(!said.contains("warning"), "{said}");
}

/// The app in process, with links where the rule puts them.
async fn app_at(store: &domain::Store, address: PublicAddress) -> axum::Router {
    let state = hearth::AppState::new(
        store.clone(),
        Settings::default(),
        address,
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    hearth::app(state)
}

/// The session page, ticket cards and kiosk link of sessions opened at the desk.
async fn desk_pages(app: &axum::Router) -> (String, String, String) {
    let mut jar = sign_in(app, FACILITATOR_A).await;
    let carded = open_at_desk(app, &mut jar, &[("tickets", "2")]).await;
    assert_eq!(carded.status, StatusCode::SEE_OTHER);
    let cards = get(app, &mut jar, carded.location.as_deref().unwrap()).await;
    assert_eq!(card_codes(&cards.body).len(), 2, "{}", cards.body);
    let kiosk = open_at_desk(app, &mut jar, &[("kiosk", "yes")]).await;
    let session = get(app, &mut jar, kiosk.location.as_deref().unwrap()).await;
    let list = get(app, &mut jar, "/staff/sessions").await;
    (session.body, cards.body, list.body)
}

/// Where the cards start: everything before is the page's `no-print` part.
const CARDS: &str = "<ul class=\"tickets\">";

async fn the_desk_warns_on_the_session_page_and_above_the_cards_when_links_are_loopback(
    db: &TestDb,
) {
    let store = db.store().await;
    seed_network(&store).await;
    let loopback = PublicAddress::choose(None, "127.0.0.1:18081").unwrap();
    let (session, cards, list) = desk_pages(&app_at(&store, loopback).await).await;
    let warning = format!("<p class=\"problem no-print\" role=\"alert\">{LOOPBACK_WARNING}");
    assert!(session.contains(&warning), "{session}");
    assert!(session.contains("http://127.0.0.1:18081/s/"));
    assert!(
        session.contains("/kiosk/"),
        "the kiosk link, under the warning"
    );
    assert!(session.contains("set HEARTH_BASE_URL"));
    // On the cards' page, said in its no-print part, never on a card.
    let (above, on_cards) = cards.split_once(CARDS).unwrap();
    assert!(above.contains(LOOPBACK_WARNING), "{above}");
    assert!(
        above.rfind("<div class=\"no-print\">") < above.find(LOOPBACK_WARNING),
        "{above}"
    );
    assert!(!on_cards.contains(LOOPBACK_WARNING));
    assert!(on_cards.contains("http://127.0.0.1:18081/s/"));
    assert!(!list.contains(LOOPBACK_WARNING), "no link on the list");

    let public = PublicAddress::choose(Some("https://feedback.example.org"), "0.0.0.0:8080");
    let (session, cards, _) = desk_pages(&app_at(&store, public.unwrap()).await).await;
    for page in [&session, &cards] {
        assert!(page.contains("https://feedback.example.org/s/"));
        assert!(!page.contains("role=\"alert\""), "{page}");
        assert!(!page.contains("HEARTH_BASE_URL"), "{page}");
    }

    // Bound to every interface: no link and no QR code to show, and the warning says why.
    let nowhere = PublicAddress::choose(None, "0.0.0.0:8080").unwrap();
    let (session, cards, _) = desk_pages(&app_at(&store, nowhere).await).await;
    for page in [&session, &cards] {
        assert!(
            page.contains("There is no link or QR code to share"),
            "{page}"
        );
        assert!(
            !page.contains("/s/") && !page.contains("class=\"qr\""),
            "{page}"
        );
    }
    assert_eq!(card_codes(&cards).len(), 2, "the codes are still there");
}

async fn serve_says_at_start_up_whether_phones_can_follow_its_links(db: &TestDb) {
    let server = Server::start(&db.url, None);
    let log = server.stop();
    assert!(log.contains(LOOPBACK_WARNING), "{log}");
    assert!(log.contains("WARN"), "{log}");

    let server = Server::start_with_env(
        &db.url,
        None,
        &[("HEARTH_BASE_URL", "https://feedback.example.org")],
    );
    let log = server.stop();
    assert!(
        log.contains("links and QR codes point to https://feedback.example.org"),
        "{log}"
    );
    assert!(!log.contains(LOOPBACK_WARNING), "{log}");
}
