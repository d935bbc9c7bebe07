//! No exact counts outside the releases, end to end on SQLite and on PostgreSQL: a
//! session's count of responses so far is shown to the staff account that opened it, while
//! it is open, and on no page to anyone else — another facilitator of the program, its
//! manager, another program's manager, a funder, an admin, data entry — nor to anyone once
//! it has closed. A session opened from the command line has no opener, so nobody sees
//! its count; removing an opener's account leaves its sessions with none.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::Router;
use axum::http::StatusCode as Http;
use common::TestDb;
use common::staff::*;
use dashboards::account::{self, NewUser};
use domain::audit::Actor;
use domain::catalog::{self, NewSession};
use domain::code::SessionCode;
use domain::instrument::{Answers, Item, Rating};

on_both_stores!(
    only_the_opener_sees_a_sessions_count_and_only_while_it_is_open,
    removing_the_opener_keeps_its_sessions_and_shows_their_counts_to_nobody,
);

/// A second facilitator of program A, and a data-entry account of program A.
const FACILITATOR_A2: &str = "facilitator-a2@test.hearth";
const TYPIST_A: &str = "typist-a@test.hearth";

/// Every account, the opener (facilitator A) first.
const ACCOUNTS: [&str; 7] = [
    FACILITATOR_A,
    FACILITATOR_A2,
    MANAGER_A,
    MANAGER_B,
    FUNDER,
    ADMIN,
    TYPIST_A,
];

/// Each session's capacity.
const CAPACITY: u32 = 40;

async fn add_accounts(store: &domain::Store) {
    for (email, role) in [(FACILITATOR_A2, "facilitator"), (TYPIST_A, "data_entry")] {
        account::add_user(
            store,
            &NewUser::new(email, role, Some("Riverside")).unwrap(),
            PASSWORD.into(),
        )
        .await
        .unwrap();
    }
}

/// The ways a staff page has ever shown a session's count of `n` responses (of
/// [`CAPACITY`]): the desk's list and session page ("7 of 40", "Responses so far:
/// <strong>7</strong> of 40"), the entry pages' room ("room for 33 more", "33 more"), and
/// the unused ticket cards (`unused`: "the 3 cards not used yet"). The first one found.
fn count_shown(body: &str, n: u32, unused: Option<u32>) -> Option<String> {
    let room = CAPACITY - n;
    let mut marks = vec![
        format!("{n} of {CAPACITY}"),
        format!("<strong>{n}</strong>"),
        format!("room for {room}"),
        format!("{room} more"),
    ];
    if let Some(unused) = unused {
        marks.push(format!("{unused} cards not used"));
        marks.push(format!("{unused} new cards"));
    }
    marks.into_iter().find(|m| body.contains(m.as_str()))
}

/// Every staff page that could show something of a session, for sessions `codes`.
fn pages(codes: &[&str]) -> Vec<String> {
    let mut pages = vec![
        "/staff".to_owned(),
        "/staff/sessions".to_owned(),
        "/staff/entry".to_owned(),
        format!("/staff/programs/{PROGRAM_A}"),
        format!("/staff/programs/{PROGRAM_A}/circles/{CIRCLE_A1}"),
        "/staff/reports".to_owned(),
        "/staff/admin".to_owned(),
        "/staff/admin/audit".to_owned(),
    ];
    for code in codes {
        for tail in ["", "/tickets", "/replace-cards", "/close", "/paper"] {
            pages.push(format!("/staff/sessions/{code}{tail}"));
        }
        pages.push(format!("/staff/entry/{code}"));
    }
    pages
}

/// A participant answers, with a ticket card when given one.
async fn answer(app: &Router, code: &str, ticket: Option<&str>) {
    let mut nobody = Jar::default();
    let mut fields = vec![("belong", "4")];
    if let Some(ticket) = ticket {
        fields.push(("ticket", ticket));
    }
    let sent = post(app, &mut nobody, &format!("/s/{code}"), &fields).await;
    assert_eq!(sent.status, Http::SEE_OTHER, "{}", sent.body);
}

/// Opens a session of circle A1 from the command line's path (`open_session_by` with the
/// command line as actor and no opener) with `n` answers.
async fn open_from_the_command_line(store: &domain::Store, n: usize) -> String {
    let today = chrono::Local::now().date_naive();
    let new = NewSession::new(
        "Riverside",
        "Monday Circle",
        today,
        Some(CAPACITY),
        None,
        None,
    )
    .unwrap();
    let session = catalog::open_session_by(store, &new, Some(Actor::CommandLine))
        .await
        .unwrap()
        .session;
    let mut answers = vec![Answers::default(); n];
    for a in &mut answers {
        a.set_rating(Item::ALL[0], Rating::try_from(3).ok());
    }
    collector::commit::insert_synthetic(store, session.id, &answers)
        .await
        .unwrap();
    session.code.to_string()
}

/// Every account reads every page. For each session (code, responses, unused cards), a
/// count shown is allowed only where `sees(account, page)` says so, and required there.
async fn check_every_page(
    app: &Router,
    jars: &mut [Jar],
    sessions: &[(&str, u32, Option<u32>)],
    sees: impl Fn(&str, &str, &str) -> bool,
) {
    let codes: Vec<&str> = sessions.iter().map(|(c, _, _)| *c).collect();
    for (email, jar) in ACCOUNTS.iter().zip(jars.iter_mut()) {
        for path in pages(&codes) {
            let page = get(app, jar, &path).await;
            assert!(
                page.status.as_u16() < 500,
                "{email} {path}: {}",
                page.status
            );
            for (code, n, unused) in sessions {
                let shown = count_shown(&page.body, *n, *unused);
                if sees(email, code, &path) {
                    assert!(
                        shown.is_some(),
                        "{email} does not see the count of {code} on {path}: {}",
                        page.body
                    );
                } else {
                    assert_eq!(shown, None, "{email} sees the count of {code} on {path}");
                }
            }
            if !sees(email, codes[0], &path) {
                assert!(
                    !page.body.contains("Responses so far: <strong>"),
                    "{email} sees a count on {path}"
                );
            }
        }
    }
}

/// The matrix. Facilitator A opens a ticketed session at the desk (capacity 40, ten
/// cards) and seven participants answer with cards; another session of the same circle,
/// opened from the command line, has nine answers. While they are open, facilitator A
/// sees "7 of 40" on the session list, "Responses so far: 7 of 40" on the session's page
/// and "the 3 cards not used yet" on its replace-cards page — the same texts every other
/// account of the program used to see (the list and the page printed "N of capacity" to
/// all of them, the entry pages "room for N more"), so the check below is the one that
/// would catch them. Nobody else sees either count on any page; nobody at all sees the
/// command-line session's; and once both have closed, nobody sees any.
async fn only_the_opener_sees_a_sessions_count_and_only_while_it_is_open(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    add_accounts(&store).await;
    let app = router(&store).await;
    let mut jars = Vec::new();
    for email in ACCOUNTS {
        jars.push(sign_in(&app, email).await);
    }
    let opened = open_at_desk(&app, &mut jars[0], &[("capacity", "40"), ("tickets", "10")]).await;
    assert_eq!(opened.status, Http::SEE_OTHER, "{}", opened.body);
    let cards_at = opened.location.unwrap();
    let code = cards_at.split('/').nth(3).unwrap().to_owned();
    let cards = card_codes(&get(&app, &mut jars[0], &cards_at).await.body);
    assert_eq!(cards.len(), 10);
    for card in &cards[..7] {
        answer(&app, &code, Some(card)).await;
    }
    let cli = open_from_the_command_line(&store, 9).await;
    let opener_id = staff_id(&store, FACILITATOR_A).await;
    let stored: Vec<(String, Option<StaffId>)> =
        sqlx::query_as("select code, opened_by from session where code = $1 or code = $2")
            .bind(SessionCode::parse(&code).unwrap().as_str())
            .bind(SessionCode::parse(&cli).unwrap().as_str())
            .fetch_all(store.pool())
            .await
            .unwrap();
    for (stored_code, opened_by) in stored {
        let desk = stored_code == SessionCode::parse(&code).unwrap().as_str();
        assert_eq!(opened_by, desk.then_some(opener_id), "{stored_code}");
    }

    let sessions = [(code.as_str(), 7, Some(3)), (cli.as_str(), 9, None)];
    let session_at = format!("/staff/sessions/{code}");
    let replace_at = format!("{session_at}/replace-cards");
    check_every_page(&app, &mut jars, &sessions, |email, c, path| {
        email == FACILITATOR_A
            && c == code
            && ["/staff/sessions", session_at.as_str(), replace_at.as_str()].contains(&path)
    })
    .await;

    // What the opener reads, and what the others of the program read instead.
    let own = get(&app, &mut jars[0], &session_at).await.body;
    assert!(own.contains("Responses so far: <strong>7</strong> of 40"));
    assert!(own.contains("Only you see this count"));
    for jar in &mut jars[1..3] {
        let other = get(&app, jar, &session_at).await.body;
        assert!(other.contains("<strong>open</strong> until"));
        assert!(other.contains("Only the staff member who opened it sees how many have answered"));
        let list = get(&app, jar, "/staff/sessions").await.body;
        assert!(list.contains("only its opener sees it"));
    }

    // Closed: nobody sees either count, the opener included.
    for c in [&code, &cli] {
        catalog::close_session(&store, &SessionCode::parse(c).unwrap())
            .await
            .unwrap();
    }
    check_every_page(&app, &mut jars, &sessions, |_, _, _| false).await;
    let own = get(&app, &mut jars[0], &session_at).await.body;
    assert!(own.contains("Nobody sees how many answered"));
}

/// Removing the account that opened a session is not blocked by it (on both stores the
/// session row refers to the account): the session stays, with no opener, and its count
/// is then shown to nobody — not to the program's other facilitator nor its manager.
async fn removing_the_opener_keeps_its_sessions_and_shows_their_counts_to_nobody(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    add_accounts(&store).await;
    let app = router(&store).await;
    let mut opener = sign_in(&app, FACILITATOR_A2).await;
    let opened = open_at_desk(&app, &mut opener, &[("capacity", "40")]).await;
    let session_at = opened.location.unwrap();
    let code = session_at.rsplit('/').next().unwrap().to_owned();
    for _ in 0..7 {
        answer(&app, &code, None).await;
    }
    let page = get(&app, &mut opener, &session_at).await.body;
    assert!(page.contains("Responses so far: <strong>7</strong> of 40"));

    let removed = staff_id(&store, FACILITATOR_A2).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let remove_at = format!("/staff/admin/users/{removed}/remove");
    let ask = get(&app, &mut admin, &remove_at).await;
    assert_eq!(ask.status, Http::OK);
    let done = post(
        &app,
        &mut admin,
        &remove_at,
        &[
            ("authenticity_token", &token(&ask.body)),
            ("confirm", "yes"),
            ("once", hidden(&ask.body, "once")),
        ],
    )
    .await;
    assert_eq!(done.status, Http::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some("/staff/admin/users"));
    let left: (i64, Option<i32>) = sqlx::query_as(
        "select cast((select count(*) from staff_user where id = $1) as bigint), \
         (select opened_by from session where code = $2)",
    )
    .bind(removed)
    .bind(SessionCode::parse(&code).unwrap().as_str())
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(
        left,
        (0, None),
        "the account is gone and the session has no opener"
    );

    for email in [FACILITATOR_A, MANAGER_A] {
        let mut jar = sign_in(&app, email).await;
        for path in ["/staff/sessions".to_owned(), session_at.clone()] {
            let page = get(&app, &mut jar, &path).await;
            assert_eq!(page.status, Http::OK, "{email} {path}");
            assert_eq!(count_shown(&page.body, 7, None), None, "{email} {path}");
        }
    }
}
