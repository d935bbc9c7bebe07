//! The ticket desk end to end, on SQLite and on PostgreSQL: a ticketed session's plain
//! link asks for the ticket code before the form, and the facilitator's desk prints cards
//! with the circle and date in both participant languages, replaces unused cards, and
//! leaves one audit entry per action.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use common::staff::*;
use common::{TestApp, TestDb, assert_anonymous_headers, text};
use reqwest::StatusCode;

on_both_stores!(
    a_ticketed_sessions_link_asks_for_the_ticket_code_before_the_form,
    checking_a_ticket_uses_nothing_and_stores_nothing,
    the_desks_new_routes_answer_each_role_as_it_should,
    replacing_unused_cards_takes_a_confirmation_and_happens_once,
    cards_carry_the_circle_and_date_in_both_languages,
    replacing_needs_a_valid_csrf_token,
    opening_and_closing_leave_one_audit_entry_each_from_the_desk_and_the_cli,
    the_facilitators_home_says_what_they_can_do,
);

/// What a ticketed session keeps about its tickets, and everything a check could write
/// to: tickets, responses, places taken, the audit trail.
async fn traces(app: &TestApp) -> (Vec<(String, i32)>, i64, i64, i64) {
    let tickets = sqlx::query_as("select hash, used from ticket order by hash")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    (
        tickets,
        app.responses().await,
        app.count("select cast(coalesce(sum(received), 0) as bigint) from session")
            .await,
        app.count("select count(*) from staff_audit").await,
    )
}

async fn a_ticketed_sessions_link_asks_for_the_ticket_code_before_the_form(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, tickets) = app.open_session(None, Some(2)).await;
    let (_other, other_tickets) = app.open_session(None, Some(1)).await;
    let path = format!("/s/{}", session.code);

    // The plain link: a short page asking for the code, not the form.
    let ask = app.get(&path).await;
    assert_eq!(ask.status(), StatusCode::OK);
    assert_anonymous_headers(&ask);
    let html = text(ask).await;
    assert!(html.contains("Your ticket code") && html.contains("Group: Tuesday Evening"));
    assert!(html.contains(&format!(r#"<form method="get" action="{path}""#)));
    assert!(html.contains(r#"name="ticket" value="""#));
    assert!(html.contains(r#"name="lang" value="en""#));
    assert!(
        !html.contains(r#"name="belong""#),
        "the form is not shown yet"
    );
    assert!(
        !html.contains("role=\"alert\""),
        "no problem before anything is typed"
    );
    assert!(!html.contains("<script"));
    let spanish = text(app.get(&format!("{path}?lang=es")).await).await;
    assert!(
        spanish.contains(r#"<html lang="es" dir="ltr">"#)
            && spanish.contains("Tu código de boleto")
    );
    assert!(spanish.contains(r#"name="lang" value="es""#));

    // Nothing typed, a code that is not a ticket, an unknown one, another session's:
    // asked again, with what was typed kept and a clear message, and no form.
    for (query, status, message) in [
        (
            "ticket=",
            StatusCode::UNPROCESSABLE_ENTITY,
            "Please type the code from your card.",
        ),
        (
            "ticket=hello",
            StatusCode::FORBIDDEN,
            "We don't know that ticket code",
        ),
        (
            "ticket=ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ",
            StatusCode::FORBIDDEN,
            "We don't know that ticket code",
        ),
        (
            &format!("ticket={}", other_tickets[0].as_str()),
            StatusCode::FORBIDDEN,
            "We don't know that ticket code",
        ),
    ] {
        let again = app.get(&format!("{path}?{query}")).await;
        assert_eq!(again.status(), status, "{query}");
        let html = text(again).await;
        assert!(html.contains(message), "{query}: {html}");
        assert!(html.contains("role=\"alert\"") && html.contains("aria-invalid=\"true\""));
        assert!(!html.contains(r#"name="belong""#), "{query}");
        let typed = query.trim_start_matches("ticket=");
        assert!(
            html.contains(&format!(r#"name="ticket" value="{typed}""#)),
            "{query}"
        );
    }
    let spanish = app.get(&format!("{path}?lang=es&ticket=hello")).await;
    assert_eq!(spanish.status(), StatusCode::FORBIDDEN);
    assert!(
        text(spanish)
            .await
            .contains("No conocemos ese código de boleto")
    );

    // The code as typed from a card (small letters, dashes, spaces): the form, with the
    // ticket carried in it.
    let typed = tickets[0].grouped().to_lowercase().replacen('-', " ", 1);
    let form = app
        .get(&format!("{path}?ticket={}", typed.replace(' ', "+")))
        .await;
    assert_eq!(form.status(), StatusCode::OK);
    let html = text(form).await;
    assert!(html.contains(r#"name="belong""#) && html.contains("Send my answers"));
    assert!(html.contains(&format!(r#"name="ticket" value="{}""#, tickets[0].as_str())));
    // The language switch keeps the ticket.
    assert!(html.contains(&format!("lang=es&#38;ticket={}", tickets[0].as_str())));

    // Sent with it: saved. The same card again: the ticket page says it was used.
    let sent = app
        .post_form(&path, format!("belong=4&ticket={}", tickets[0].as_str()))
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let used = app
        .get(&format!("{path}?ticket={}", tickets[0].as_str()))
        .await;
    assert_eq!(used.status(), StatusCode::CONFLICT);
    let html = text(used).await;
    assert!(html.contains("This ticket was already used") && !html.contains(r#"name="belong""#));
    let used = app
        .get(&format!("{path}?lang=es&ticket={}", tickets[0].as_str()))
        .await;
    assert!(text(used).await.contains("Este boleto ya se usó"));

    // A session without tickets still opens straight on the form.
    let (plain, _) = app.open_session(None, None).await;
    let html = text(app.get(&format!("/s/{}", plain.code)).await).await;
    assert!(html.contains(r#"name="belong""#) && !html.contains("Your ticket code"));

    // A closed ticketed session says it is closed, not "type your ticket".
    domain::catalog::close_session(&app.store, &session.code)
        .await
        .unwrap();
    let closed = app.get(&path).await;
    assert_eq!(closed.status(), StatusCode::GONE);
    assert!(!text(closed).await.contains(r#"name="ticket""#));
}

/// Checking a code reads and writes nothing: the card still works once afterwards, and
/// no table changed (no ticket marked, no place taken, no response, no audit entry).
async fn checking_a_ticket_uses_nothing_and_stores_nothing(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, tickets) = app.open_session(None, Some(1)).await;
    let path = format!("/s/{}", session.code);
    let before = traces(&app).await;
    for query in [
        String::new(),
        "?ticket=".into(),
        "?ticket=ZZZZZZZZZZZZZZZZZZZZ".into(),
        format!("?ticket={}", tickets[0].as_str()),
        format!("?lang=es&ticket={}", tickets[0].grouped()),
        format!("?ticket={}", tickets[0].as_str()),
    ] {
        let checked = app.get(&format!("{path}{query}")).await;
        assert!(checked.status().as_u16() < 500, "{query}");
        assert_anonymous_headers(&checked);
    }
    assert_eq!(traces(&app).await, before, "a check changed the store");
    let sent = app
        .post_form(&path, format!("welcome=5&ticket={}", tickets[0].as_str()))
        .await;
    assert_eq!(
        sent.status(),
        StatusCode::SEE_OTHER,
        "the card still works once"
    );
    assert_ne!(traces(&app).await, before, "and a real use does change it");
}

// ---------------------------------------------------------------------------------------
// The facilitator's desk

use axum::http::StatusCode as Http;
use domain::audit::{self, Action, Filter};
use domain::catalog::{self, NewSession};
use domain::i18n::Lang;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Opens a ticketed session of program A at the facilitator's desk and follows the
/// redirect to its cards: the session's code and the cards' page.
async fn open_with_cards(app: &axum::Router, jar: &mut Jar, tickets: &str) -> (String, String) {
    let opened = open_at_desk(app, jar, &[("tickets", tickets)]).await;
    assert_eq!(opened.status, Http::SEE_OTHER);
    let at = opened.location.unwrap();
    let code = at.split('/').nth(3).unwrap().to_owned();
    let cards = get(app, jar, &at).await;
    (code, cards.body)
}

/// The audit entries of one action, newest first.
async fn entries(store: &domain::Store, action: Action) -> Vec<audit::Stored> {
    let filter = Filter {
        action: Some(action),
        ..Filter::default()
    };
    audit::list(store, &filter, 100).await.unwrap()
}

/// The session's tickets as stored: (hash, used), in a stable order.
async fn ticket_rows(store: &domain::Store, code: &str) -> Vec<(String, i32)> {
    sqlx::query_as(
        "select t.hash, t.used from ticket t join session s on s.id = t.session_id \
         where s.code = $1 order by t.hash",
    )
    .bind(code.replace('-', ""))
    .fetch_all(store.pool())
    .await
    .unwrap()
}

/// A participant sends the form with a ticket; the status.
async fn answer(app: &axum::Router, code: &str, ticket: &str) -> Http {
    let mut nobody = Jar::default();
    post(
        app,
        &mut nobody,
        &format!("/s/{code}"),
        &[("belong", "4"), ("ticket", ticket)],
    )
    .await
    .status
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    SignIn,
    Ok,
    Redirect,
    Forbidden,
    NotFound,
}
use Answer::*;

fn expect_of(page: &Page) -> Answer {
    match page.status {
        Http::OK => Ok,
        Http::FORBIDDEN => Forbidden,
        Http::NOT_FOUND => NotFound,
        Http::SEE_OTHER
            if page
                .location
                .as_deref()
                .is_some_and(|l| l.starts_with("/staff/sign-in?next=")) =>
        {
            SignIn
        }
        Http::SEE_OTHER => Redirect,
        other => panic!("unexpected {other}"),
    }
}

/// The confirmation page and the replacement itself, for signed out and each role: only
/// the facilitator who opened the session replaces its cards (how many are unused would
/// tell the others how many have answered); the program's manager is led back to the
/// session's page, and another program's manager is told "not found", as for an unknown
/// code.
async fn the_desks_new_routes_answer_each_role_as_it_should(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let new = NewSession::new("Riverside", "Monday Circle", today(), None, None, Some(6))
        .unwrap()
        .opened_by(staff_id(&store, FACILITATOR_A).await);
    let (session, _) = catalog::open_session(&store, &new).await.unwrap();
    let code = session.code.to_string();
    let confirm_at = format!("/staff/sessions/{code}/replace-cards");
    let mut jars = vec![Jar::default()];
    for email in [ADMIN, MANAGER_A, MANAGER_B, FACILITATOR_A, FUNDER] {
        jars.push(sign_in(&app, email).await);
    }
    //                    signed out admin      manager A manager B facilitator A funder
    let pages = [
        (
            confirm_at.clone(),
            [SignIn, Forbidden, Redirect, NotFound, Ok, Forbidden],
        ),
        (
            format!("/staff/sessions/{code}/tickets"),
            [SignIn, Forbidden, Ok, NotFound, Ok, Forbidden],
        ),
        (
            format!("/staff/sessions/{code}"),
            [SignIn, Forbidden, Ok, NotFound, Ok, Forbidden],
        ),
    ];
    for (path, expected) in &pages {
        for (who, (jar, want)) in jars.iter_mut().zip(expected).enumerate() {
            let got = expect_of(&get(&app, jar, path).await);
            assert_eq!(got, *want, "GET {path} as #{who}");
        }
    }
    // The manager's GET of the confirmation page leads back to the session's page.
    let back = get(&app, &mut jars[2], &confirm_at).await;
    let session_at = format!("/staff/sessions/{code}");
    assert_eq!(back.location.as_deref(), Some(session_at.as_str()));
    // The POST, with each browser's own valid token: only the facilitator who opened it
    // replaces; the manager is led back to the session and the others refused, all
    // changing nothing.
    let posts = [
        Forbidden, Forbidden, Redirect, NotFound, Redirect, Forbidden,
    ];
    let replaces = [false, false, false, false, true, false];
    for (who, (jar, want)) in jars.iter_mut().zip(posts).enumerate() {
        let before = ticket_rows(&store, &code).await;
        let replaced_before = entries(&store, Action::TicketsReplaced).await.len();
        let page = get(&app, jar, "/staff/sign-in").await;
        let t = if who == 0 {
            token(&page.body)
        } else {
            token(&get(&app, jar, "/staff").await.body)
        };
        let once = format!("role-{who}");
        let sent = post(
            &app,
            jar,
            &confirm_at,
            &[
                ("authenticity_token", &t),
                ("confirm", "yes"),
                ("once", &once),
            ],
        )
        .await;
        let got = expect_of(&sent);
        // Signed out, the POST carries a token of no signed-in session: the sign-in page
        // or a refusal, never a replacement.
        if who == 0 {
            assert!(
                matches!(got, SignIn | Forbidden),
                "POST signed out: {got:?}"
            );
        } else {
            assert_eq!(got, want, "POST {confirm_at} as #{who}");
        }
        let after = ticket_rows(&store, &code).await;
        let replaced = entries(&store, Action::TicketsReplaced).await.len();
        if replaces[who] {
            assert_ne!(after, before, "#{who} replaced nothing");
            assert_eq!(replaced, replaced_before + 1);
            assert_eq!(
                sent.location.as_deref(),
                Some(format!("/staff/sessions/{code}/tickets").as_str())
            );
        } else {
            assert_eq!(after, before, "#{who} changed the tickets");
            assert_eq!(replaced, replaced_before);
            if want == Redirect {
                assert_eq!(sent.location.as_deref(), Some(session_at.as_str()));
            }
        }
    }
}

/// "Replace unused cards": only from its confirmation page; voids the unused cards,
/// shows as many fresh ones once, keeps used ones used and the capacity as it was, and a
/// form sent again replaces nothing more. One audit entry per action, none holding a
/// ticket or a count of answers.
async fn replacing_unused_cards_takes_a_confirmation_and_happens_once(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let (code, cards) = open_with_cards(&app, &mut jar, "4").await;
    let old = card_codes(&cards);
    assert_eq!(old.len(), 4);
    assert_eq!(entries(&store, Action::TicketsShown).await.len(), 1);
    // One card is used.
    assert_eq!(answer(&app, &code, &old[0]).await, Http::SEE_OTHER);

    // The session page offers it, as a link to the confirmation page.
    let session_at = format!("/staff/sessions/{code}");
    let confirm_at = format!("{session_at}/replace-cards");
    let page = get(&app, &mut jar, &session_at).await;
    assert!(page.body.contains(&format!("href=\"{confirm_at}\"")));
    let t = token(&page.body);
    let rows = ticket_rows(&store, &code).await;

    // Without the confirmation's fields: sent to the confirmation page, nothing changed.
    for fields in [
        vec![("authenticity_token", t.as_str())],
        vec![("authenticity_token", t.as_str()), ("confirm", "yes")],
        vec![("authenticity_token", t.as_str()), ("once", "abc")],
    ] {
        let unconfirmed = post(&app, &mut jar, &confirm_at, &fields).await;
        assert_eq!(unconfirmed.status, Http::SEE_OTHER);
        assert_eq!(unconfirmed.location.as_deref(), Some(confirm_at.as_str()));
    }
    assert_eq!(ticket_rows(&store, &code).await, rows);

    // The confirmation page asks, says how many, and changes nothing by itself.
    let confirm = get(&app, &mut jar, &confirm_at).await;
    assert_eq!(confirm.status, Http::OK);
    assert!(
        confirm
            .body
            .contains("the 3 cards not used yet stop working")
    );
    assert!(confirm.body.contains("at most 4 responses"));
    assert!(
        confirm
            .body
            .contains(&format!("method=\"post\" action=\"{confirm_at}\""))
    );
    assert_eq!(ticket_rows(&store, &code).await, rows);
    assert!(entries(&store, Action::TicketsReplaced).await.is_empty());

    let fields = [
        ("authenticity_token", token(&confirm.body)),
        ("confirm", hidden(&confirm.body, "confirm").to_owned()),
        ("once", hidden(&confirm.body, "once").to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = post(&app, &mut jar, &confirm_at, &fields).await;
    assert_eq!(done.status, Http::SEE_OTHER);
    let cards_at = format!("{session_at}/tickets");
    assert_eq!(done.location.as_deref(), Some(cards_at.as_str()));
    assert_eq!(entries(&store, Action::TicketsReplaced).await.len(), 1);
    let replaced = ticket_rows(&store, &code).await;
    assert_eq!(replaced.len(), 4, "one used, three fresh");
    assert_eq!(replaced.iter().filter(|(_, used)| *used == 1).count(), 1);

    // The same form sent again (a reload, a double click): to the same place, nothing more.
    let again = post(&app, &mut jar, &confirm_at, &fields).await;
    assert_eq!(again.status, Http::SEE_OTHER);
    assert_eq!(again.location.as_deref(), Some(cards_at.as_str()));
    assert_eq!(ticket_rows(&store, &code).await, replaced);
    assert_eq!(entries(&store, Action::TicketsReplaced).await.len(), 1);

    // The fresh cards, once.
    let shown = get(&app, &mut jar, &cards_at).await;
    assert_eq!(shown.status, Http::OK);
    let fresh = card_codes(&shown.body);
    assert_eq!(fresh.len(), 3);
    assert!(shown.body.contains("3 new cards") && shown.body.contains("no longer work"));
    assert!(fresh.iter().all(|f| !old.contains(f)));
    assert_eq!(entries(&store, Action::TicketsShown).await.len(), 2);
    let reload = get(&app, &mut jar, &cards_at).await;
    assert!(card_codes(&reload.body).is_empty() && reload.body.contains("cannot be shown again"));
    assert_eq!(entries(&store, Action::TicketsShown).await.len(), 2);
    let again = post(&app, &mut jar, &confirm_at, &fields).await;
    assert_eq!(again.location.as_deref(), Some(cards_at.as_str()));
    assert!(card_codes(&get(&app, &mut jar, &cards_at).await.body).is_empty());

    // Old unused cards are refused (on the ticket page and when sent), the used one stays
    // used, and each fresh card works once.
    for stale in &old[1..] {
        let mut nobody = Jar::default();
        let page = get(&app, &mut nobody, &format!("/s/{code}?ticket={stale}")).await;
        assert_eq!(page.status, Http::FORBIDDEN);
        assert!(page.body.contains("know that ticket code"));
        assert_eq!(answer(&app, &code, stale).await, Http::FORBIDDEN);
    }
    assert_eq!(answer(&app, &code, &old[0]).await, Http::CONFLICT);
    for card in &fresh {
        assert_eq!(answer(&app, &code, card).await, Http::SEE_OTHER);
        assert_eq!(answer(&app, &code, card).await, Http::CONFLICT);
    }
    let capacity: i32 = sqlx::query_scalar("select capacity from session where code = $1")
        .bind(code.replace('-', ""))
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(capacity, 4, "the capacity is unchanged");

    // The audit: who, what, which session; never a ticket, nor how many had answered.
    let replaced = entries(&store, Action::TicketsReplaced).await;
    assert_eq!(replaced[0].actor, FACILITATOR_A);
    assert_eq!(replaced[0].subject, code);
    assert!(replaced[0].detail.contains("Monday Circle"));
    let shown = entries(&store, Action::TicketsShown).await;
    assert_eq!(shown[1].detail, "4 cards");
    assert_eq!(
        shown[0].detail,
        "fresh cards after a replacement (how many is not recorded)"
    );
    let all = audit::list(&store, &Filter::default(), 1000).await.unwrap();
    for entry in &all {
        for ticket in old.iter().chain(&fresh) {
            assert!(
                !entry.detail.contains(ticket.as_str()) && !entry.subject.contains(ticket.as_str())
            );
        }
        assert!(!entry.detail.contains("3 cards"), "{entry:?}");
    }

    // Every card used, and so the session full: nothing to confirm, back to the session.
    let full = get(&app, &mut jar, &confirm_at).await;
    assert_eq!(full.location.as_deref(), Some(session_at.as_str()));
    // A closed session's cards cannot be replaced: its pages lead back to the session.
    catalog::close_session(&store, &domain::code::SessionCode::parse(&code).unwrap())
        .await
        .unwrap();
    let closed = get(&app, &mut jar, &confirm_at).await;
    assert_eq!(closed.location.as_deref(), Some(session_at.as_str()));
    let confirm_fields = [
        ("authenticity_token", t.as_str()),
        ("confirm", "yes"),
        ("once", "after-closing"),
    ];
    let closed = post(&app, &mut jar, &confirm_at, &confirm_fields).await;
    assert_eq!(closed.location.as_deref(), Some(session_at.as_str()));
    assert_eq!(entries(&store, Action::TicketsReplaced).await.len(), 1);

    // Room for more answers but every card used: nothing to replace, and a form sent
    // anyway replaces nothing and records nothing.
    let new = NewSession::new(
        "Riverside",
        "Monday Circle",
        today(),
        Some(10),
        None,
        Some(1),
    )
    .unwrap()
    .opened_by(staff_id(&store, FACILITATOR_A).await);
    let (roomy, tickets) = catalog::open_session(&store, &new).await.unwrap();
    let roomy = roomy.code.to_string();
    assert_eq!(
        answer(&app, &roomy, tickets[0].as_str()).await,
        Http::SEE_OTHER
    );
    let roomy_at = format!("/staff/sessions/{roomy}/replace-cards");
    let none = get(&app, &mut jar, &roomy_at).await;
    assert_eq!(none.status, Http::OK);
    assert!(none.body.contains("nothing to replace") && !none.body.contains("name=\"once\""));
    let sent = post(
        &app,
        &mut jar,
        &roomy_at,
        &[
            ("authenticity_token", t.as_str()),
            ("confirm", "yes"),
            ("once", "all-used"),
        ],
    )
    .await;
    assert_eq!(sent.location, Some(format!("/staff/sessions/{roomy}")));
    assert_eq!(ticket_rows(&store, &roomy).await.len(), 1);
    assert_eq!(entries(&store, Action::TicketsReplaced).await.len(), 1);
}

/// Each card names the circle and the meeting's date, and says what to do in English and
/// in Spanish; the page prints them one per card, with a cut line around each.
async fn cards_carry_the_circle_and_date_in_both_languages(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let (code, cards) = open_with_cards(&app, &mut jar, "2").await;
    let html = cards.replace("&#39;", "'");
    assert_eq!(html.matches("<li class=\"ticket\">").count(), 2);
    let each = |text: &str| html.matches(text).count();
    let english = Lang::En.tr().long_date(today());
    let spanish = Lang::Es.tr().long_date(today());
    assert_eq!(each("<strong>Monday Circle</strong>"), 2);
    assert_eq!(
        each(&format!("<span lang=\"en\" dir=\"ltr\">{english}</span>")),
        2
    );
    assert_eq!(
        each(&format!("<span lang=\"es\" dir=\"ltr\">{spanish}</span>")),
        2
    );
    assert_eq!(each("How was today's group?"), 2);
    assert_eq!(each("¿Cómo te fue hoy en el grupo?"), 2);
    assert_eq!(each("Sirve una vez."), 2);
    // The plain link to type, with the code; the QR code holds the single-use link.
    assert_eq!(each(&format!("https://hearth.test/s/{code}</p>")), 2);
    assert_eq!(each("<svg class=\"qr\""), 2);
    assert!(card_codes(&html).iter().all(|c| c.len() == 20));
    // The staff stylesheet prints two across with cut lines, on a page of its own margins.
    let css = get(&app, &mut jar, "/staff/assets/staff.css").await.body;
    assert!(css.contains(".ticket { border: 1px dashed #000;"));
    assert!(
        css.contains("@page cards")
            && css.contains(".tickets { page: cards; grid-template-columns: 1fr 1fr;")
    );
}

/// The replacement is a form like any other: without this browser's token, refused.
async fn replacing_needs_a_valid_csrf_token(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let (code, _) = open_with_cards(&app, &mut jar, "3").await;
    let confirm_at = format!("/staff/sessions/{code}/replace-cards");
    let confirm = get(&app, &mut jar, &confirm_at).await;
    let once = hidden(&confirm.body, "once").to_owned();
    let rows = ticket_rows(&store, &code).await;
    let mut other = Jar::default();
    let other_token = token(&get(&app, &mut other, "/staff/sign-in").await.body);
    for fields in [
        vec![("confirm", "yes"), ("once", once.as_str())],
        vec![
            ("confirm", "yes"),
            ("once", once.as_str()),
            ("authenticity_token", "AAAA"),
        ],
        vec![
            ("confirm", "yes"),
            ("once", once.as_str()),
            ("authenticity_token", other_token.as_str()),
        ],
    ] {
        let refused = post(&app, &mut jar, &confirm_at, &fields).await;
        assert_eq!(refused.status, Http::FORBIDDEN);
        assert!(refused.body.contains("This form has expired"));
    }
    assert_eq!(ticket_rows(&store, &code).await, rows);
    assert!(entries(&store, Action::TicketsReplaced).await.is_empty());
    // The same form with the token: replaced.
    let done = post(
        &app,
        &mut jar,
        &confirm_at,
        &[
            ("authenticity_token", &token(&confirm.body)),
            ("confirm", "yes"),
            ("once", &once),
        ],
    )
    .await;
    assert_eq!(done.status, Http::SEE_OTHER);
    assert_ne!(ticket_rows(&store, &code).await, rows);
}

/// Opening and closing at the desk, and with `hearth session open/close`, leave one entry
/// each — a close sent twice, or of a closed session, leaves none more — with the
/// catalog's words and the facilitator's numbers, and never a count of answers.
async fn opening_and_closing_leave_one_audit_entry_each_from_the_desk_and_the_cli(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let (code, _) = open_with_cards(&app, &mut jar, "3").await;
    let opened = entries(&store, Action::SessionOpened).await;
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].actor, FACILITATOR_A);
    assert_eq!(opened[0].subject, code);
    assert_eq!(
        opened[0].detail,
        format!(
            "Riverside / Monday Circle, {}, capacity 3, ticketed: 3 tickets",
            today()
        )
    );
    let shown = entries(&store, Action::TicketsShown).await;
    assert_eq!((shown.len(), shown[0].detail.as_str()), (1, "3 cards"));

    // Some answers come in; closing from the confirmation page, then once more.
    let cards = ticket_rows(&store, &code).await;
    assert_eq!(cards.len(), 3);
    let confirm_at = format!("/staff/sessions/{code}/close");
    let confirm = get(&app, &mut jar, &confirm_at).await;
    let fields = [
        ("authenticity_token", token(&confirm.body)),
        ("confirm", "yes".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        post(&app, &mut jar, &confirm_at, &fields).await.status,
        Http::SEE_OTHER
    );
    assert_eq!(
        post(&app, &mut jar, &confirm_at, &fields).await.status,
        Http::SEE_OTHER
    );
    let closed = entries(&store, Action::SessionClosed).await;
    assert_eq!(closed.len(), 1, "a close sent again is not a second close");
    assert_eq!(
        (closed[0].actor.as_str(), closed[0].subject.as_str()),
        (FACILITATOR_A, code.as_str())
    );
    assert_eq!(
        closed[0].detail,
        format!("Riverside / Monday Circle, {}", today())
    );

    // The command line: the same entries, by "(command line)".
    let hearth = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(args)
            .env("HEARTH_DATABASE_URL", &db.url)
            .env("HEARTH_BASE_URL", "")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let date = today().to_string();
    let printed = hearth(&[
        "session",
        "open",
        "--program",
        "Riverside",
        "--circle",
        "Tiny Circle",
        "--date",
        &date,
        "--tickets",
        "2",
    ]);
    let cli_code = printed.split_whitespace().nth(1).unwrap().to_owned();
    let opened = entries(&store, Action::SessionOpened).await;
    assert_eq!(opened.len(), 2);
    assert_eq!(
        (opened[0].actor.as_str(), opened[0].subject.as_str()),
        ("(command line)", cli_code.as_str())
    );
    assert_eq!(
        opened[0].detail,
        format!("Riverside / Tiny Circle, {date}, capacity 2, ticketed: 2 tickets")
    );
    assert!(hearth(&["session", "close", &cli_code]).contains("closed"));
    assert!(hearth(&["session", "close", &cli_code]).contains("closed already"));
    let closed = entries(&store, Action::SessionClosed).await;
    assert_eq!(closed.len(), 2);
    assert_eq!(closed[0].actor, "(command line)");
    // Nothing a participant sent, nor a count of answers, anywhere in the trail.
    for entry in audit::list(&store, &Filter::default(), 1000).await.unwrap() {
        assert!(!entry.detail.contains("received") && !entry.detail.contains("responses"));
    }
}

/// A facilitator's home page says what they can do (there are no figures for them);
/// a manager's still explains where figures come from.
async fn the_facilitators_home_says_what_they_can_do(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let home = get(&app, &mut jar, "/staff").await;
    assert_eq!(home.status, Http::OK);
    for text in [
        "<a href=\"/staff/sessions\">Open a session</a>",
        "print ticket cards",
        "how many have answered so far",
        "Only you see that count",
        "Close the session",
    ] {
        assert!(home.body.contains(text), "{text}");
    }
    assert!(!home.body.contains("Every figure here comes from a release"));
    let mut manager = sign_in(&app, MANAGER_A).await;
    let home = get(&app, &mut manager, "/staff").await;
    assert!(home.body.contains("Every figure here comes from a release"));
    assert!(!home.body.contains("What you can do here"));
}
