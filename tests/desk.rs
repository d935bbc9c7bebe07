//! The ticket desk end to end, on SQLite and on PostgreSQL: a ticketed session's plain
//! link asks for the ticket code before the form, and the facilitator's desk prints cards
//! with the circle and date in both participant languages, replaces unused cards, and
//! leaves one audit entry per action.

mod common;

use common::{TestApp, TestDb, assert_anonymous_headers, text};
use reqwest::StatusCode;

on_both_stores!(
    a_ticketed_sessions_link_asks_for_the_ticket_code_before_the_form,
    checking_a_ticket_uses_nothing_and_stores_nothing,
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
    assert!(spanish.contains(r#"<html lang="es">"#) && spanish.contains("Tu código de boleto"));
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
    collector::catalog::close_session(&app.store, &session.code)
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
