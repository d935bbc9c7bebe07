//! Kiosk mode end to end, on SQLite and on PostgreSQL: a session opened "for a shared
//! tablet" has a kiosk link whose form posts to itself, whose thanks page goes back to an
//! empty form by itself, that keeps nothing of one person's answers for the next, that
//! obeys the session's capacity and window, and that stops working once the session
//! closes. The browser side (back button, history, reload) is in tests/browser/kiosk.mjs.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode as Http;
use common::staff::*;
use common::{TestApp, TestDb, already_saved, assert_anonymous_headers, form_token, text};
use domain::audit::{self, Action, Filter};
use domain::catalog::{self, NewSession, Session};
use reqwest::StatusCode;

on_both_stores!(
    the_kiosk_form_returns_empty_after_each_answer_and_keeps_answers_out_of_addresses,
    a_wrong_token_or_an_ordinary_session_opens_no_kiosk_page,
    the_kiosk_link_stops_working_when_the_session_closes_and_is_erased_by_the_seal,
    the_kiosk_obeys_the_sessions_capacity,
    the_kiosk_speaks_both_languages_takes_skips_and_refuses_bad_input_whole,
    the_desk_opens_a_tablet_session_and_shows_its_kiosk_link_to_its_own_staff,
    the_command_line_opens_a_tablet_session_and_refuses_one_with_tickets,
    two_people_in_a_row_each_store_one_response_and_a_form_sent_again_stores_nothing,
    a_kiosk_form_sent_again_after_an_outage_and_a_retry_stores_nothing_twice,
);

async fn kiosk_session(app: &TestApp, capacity: Option<u32>) -> (Session, String) {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
    let new = NewSession::new(
        "Peer Bridges",
        "Tuesday Evening",
        date,
        capacity,
        None,
        None,
    )
    .unwrap()
    .for_tablet()
    .unwrap();
    let (session, _) = catalog::open_session(&app.store, &new).await.unwrap();
    let path = format!(
        "/s/{}/kiosk/{}",
        session.code,
        session.kiosk.as_ref().unwrap().as_str()
    );
    (session, path)
}

/// One person's answers, chosen so that each is recognisable in a page or a row.
const FIRST_PERSON: &str = "belong=5&welcome=1&heard=4&safe_to_share=2&not_judged=5\
    &confidential=3&own_pace=1&better=4&first_time=yes&helped=stories&hindered=rushed";

async fn stored_rows(app: &TestApp) -> Vec<(Option<i16>, Option<i16>, Option<i16>, i16)> {
    sqlx::query_as(
        "select belong, welcome, first_time, hindered_rushed from response order by belong",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap()
}

async fn the_kiosk_form_returns_empty_after_each_answer_and_keeps_answers_out_of_addresses(
    db: &TestDb,
) {
    let app = TestApp::spawn(db).await;
    let (session, path) = kiosk_session(&app, None).await;

    let form = app.get(&path).await;
    assert_eq!(form.status(), StatusCode::OK);
    assert_anonymous_headers(&form);
    let html = text(form).await;
    assert!(
        html.contains(&format!(r#"action="{path}?lang=en""#)),
        "{html}"
    );
    assert!(html.contains(r#"autocomplete="off""#));
    assert!(html.contains("This tablet is shared"));
    assert!(!html.contains(" checked"), "the form starts empty");

    let sent = app
        .post_form(&format!("{path}?lang=en"), FIRST_PERSON)
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_anonymous_headers(&sent);
    let next = sent.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        next,
        format!("{path}/next?lang=en"),
        "no answer in the address"
    );
    assert_eq!(
        stored_rows(&app).await,
        vec![(Some(5), Some(1), Some(1), 1)]
    );

    let thanks = app.get(&next).await;
    assert_eq!(thanks.status(), StatusCode::OK);
    assert_anonymous_headers(&thanks);
    assert_eq!(thanks.headers()["clear-site-data"], "\"cache\"");
    let html = text(thanks).await;
    assert!(
        html.contains(&format!(
            r#"<meta http-equiv="refresh" content="12;url={path}">"#
        )),
        "{html}"
    );
    assert!(html.contains(&format!(r#"class="button next-person" href="{path}""#)));
    assert!(html.contains("Your answers are saved.") && html.contains("988"));
    assert!(
        !html.contains("You can close this page"),
        "the tablet stays"
    );
    assert!(!html.contains("checked") && !html.contains("Strongly"));
    // More time: the same page without the timed return, the button still there.
    let stay = text(app.get(&format!("{path}/next?lang=en&stay=1")).await).await;
    assert!(!stay.contains("http-equiv=\"refresh\"") && stay.contains("next-person"));

    // The next person: the same link gives a form with nothing chosen.
    let again = text(app.get(&path).await).await;
    assert!(!again.contains(" checked"));
    // Their answers are their own row; the first person's stays as it was.
    let second = app
        .post_form(&format!("{path}?lang=en"), "belong=2&welcome=skip")
        .await;
    assert_eq!(second.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        stored_rows(&app).await,
        vec![(Some(2), None, None, 0), (Some(5), Some(1), Some(1), 1)]
    );
    // Counted like any answers, and the plain link still works for phones.
    let received: i64 = app
        .count(&format!(
            "select cast(received as bigint) from session where id = {}",
            session.id
        ))
        .await;
    assert_eq!(received, 2);
    assert_eq!(
        app.get(&format!("/s/{}", session.code)).await.status(),
        StatusCode::OK
    );
}

async fn a_wrong_token_or_an_ordinary_session_opens_no_kiosk_page(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, path) = kiosk_session(&app, None).await;
    let (plain, _) = app.open_session(None, None).await;
    let token = session.kiosk.as_ref().unwrap().as_str().to_owned();
    let wrong = format!("{}0", &token[..31]);
    let wrong = if wrong == token {
        format!("{}1", &token[..31])
    } else {
        wrong
    };
    for bad in [
        format!("/s/{}/kiosk/{wrong}", session.code),
        format!("/s/{}/kiosk/short", session.code),
        format!("/s/{}/kiosk/{token}", plain.code),
        format!("/s/{}/kiosk/{token}/next", plain.code),
        format!("/s/{}/kiosk/{wrong}/next", session.code),
    ] {
        let page = app.get(&bad).await;
        assert_eq!(page.status(), StatusCode::NOT_FOUND, "{bad}");
        assert_anonymous_headers(&page);
        let html = text(page).await;
        assert!(
            !html.contains(&token),
            "the real token is never shown: {bad}"
        );
        if !bad.ends_with("/next") {
            assert_eq!(
                app.post_form(&bad, FIRST_PERSON).await.status(),
                StatusCode::NOT_FOUND,
                "{bad}"
            );
        }
    }
    assert_eq!(
        app.responses().await,
        0,
        "nothing stored through a wrong link"
    );
    // The right one works.
    assert_eq!(app.get(&path).await.status(), StatusCode::OK);
}

async fn the_kiosk_link_stops_working_when_the_session_closes_and_is_erased_by_the_seal(
    db: &TestDb,
) {
    let app = TestApp::spawn(db).await;
    let (session, path) = kiosk_session(&app, None).await;
    assert_eq!(
        app.post_form(&path, FIRST_PERSON).await.status(),
        StatusCode::SEE_OTHER
    );
    catalog::close_session(&app.store, &session.code)
        .await
        .unwrap();
    for page in [path.clone(), format!("{path}/next")] {
        let answer = app.get(&page).await;
        assert_eq!(answer.status(), StatusCode::GONE, "{page}");
        assert!(text(answer).await.contains("This session is closed now"));
    }
    assert_eq!(
        app.post_form(&path, "belong=3").await.status(),
        StatusCode::GONE
    );
    assert_eq!(app.responses().await, 1);

    collector::seal::seal_closed_sessions(&app.store, catalog::now_unix())
        .await
        .unwrap();
    let kept: i64 = app
        .count("select count(*) from session where kiosk_token is not null")
        .await;
    assert_eq!(kept, 0, "the seal erases the kiosk token");
    assert_eq!(app.get(&path).await.status(), StatusCode::GONE);
    assert_eq!(app.responses().await, 1, "sealing keeps the answers");

    // A session whose window has passed refuses its kiosk link the same way.
    let (late, late_path) = kiosk_session(&app, None).await;
    sqlx::query("update session set closes_at = $1 where id = $2")
        .bind(catalog::now_unix() - 1)
        .bind(late.id)
        .execute(app.store.pool())
        .await
        .unwrap();
    assert_eq!(app.get(&late_path).await.status(), StatusCode::GONE);
    assert_eq!(
        app.post_form(&late_path, "belong=3").await.status(),
        StatusCode::GONE
    );
    assert_eq!(app.responses().await, 1);
}

async fn the_kiosk_obeys_the_sessions_capacity(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (_, path) = kiosk_session(&app, Some(2)).await;
    for _ in 0..2 {
        assert_eq!(
            app.post_form(&path, "belong=4").await.status(),
            StatusCode::SEE_OTHER
        );
    }
    let full = app.post_form(&path, "belong=4").await;
    assert_eq!(full.status(), StatusCode::GONE);
    assert!(text(full).await.contains("all the answers it can take"));
    assert_eq!(app.responses().await, 2);
    // The form says so too, and the last person's thanks page still shows.
    assert_eq!(app.get(&path).await.status(), StatusCode::GONE);
    assert_eq!(
        app.get(&format!("{path}/next")).await.status(),
        StatusCode::OK
    );
}

async fn the_kiosk_speaks_both_languages_takes_skips_and_refuses_bad_input_whole(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (_, path) = kiosk_session(&app, None).await;
    let es = text(app.get(&format!("{path}?lang=es")).await).await;
    assert!(
        es.contains(r#"<html lang="es" dir="ltr">"#) && es.contains("Esta tableta es compartida")
    );
    assert!(
        es.contains(&format!(r#"href="{path}?lang=en""#)),
        "switch stays on the kiosk"
    );
    let sent = app
        .post_form(&format!("{path}?lang=es"), "belong=skip&better=5")
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let next = sent.headers()["location"].to_str().unwrap().to_owned();
    let thanks = text(app.get(&next).await).await;
    assert!(thanks.contains("Siguiente persona") && thanks.contains("segundos"));
    assert_eq!(
        app.count("select count(*) from response where belong is null and better = 5")
            .await,
        1
    );

    // Bad input: 422, the problem said, nothing stored, and the kiosk's form again.
    let bad = app
        .post_form(&format!("{path}?lang=en"), "belong=9&welcome=4")
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(bad).await;
    assert!(html.contains("Please pick one of the choices here."));
    assert!(html.contains(&format!(r#"action="{path}?lang=en""#)));
    assert!(html.contains(r#"autocomplete="off""#));
    // Nothing answered: the calm note, nothing stored.
    let empty = app.post_form(&format!("{path}?lang=en"), "").await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.responses().await, 1);
}

async fn the_desk_opens_a_tablet_session_and_shows_its_kiosk_link_to_its_own_staff(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let entries = |store: domain::Store| async move {
        let filter = Filter {
            action: Some(Action::SessionOpened),
            ..Filter::default()
        };
        audit::list(&store, &filter, 100).await.unwrap()
    };
    let before = entries(store.clone()).await.len();
    let desk = get(&app, &mut jar, "/staff/sessions").await;
    assert!(desk.body.contains("For a shared tablet"));

    // With ticket cards: refused whole, nothing opened, the choice kept.
    let refused = open_at_desk(&app, &mut jar, &[("kiosk", "yes"), ("tickets", "5")]).await;
    assert_eq!(refused.status, Http::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("takes no ticket cards"));
    assert!(refused.body.contains(r#"value="yes" checked"#));
    assert_eq!(entries(store.clone()).await.len(), before);

    let opened = open_at_desk(&app, &mut jar, &[("kiosk", "yes")]).await;
    assert_eq!(opened.status, Http::SEE_OTHER);
    let at = opened.location.unwrap();
    let code = at.rsplit('/').next().unwrap().to_owned();
    assert!(at.starts_with("/staff/sessions/"), "{at}");
    let parsed = domain::code::SessionCode::parse(&code).unwrap();
    let token: String = sqlx::query_scalar("select kiosk_token from session where code = $1")
        .bind(parsed.as_str())
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(token.len(), 32);
    let page = get(&app, &mut jar, &at).await;
    assert!(page.body.contains("Shared tablet"));
    assert!(
        page.body
            .contains(&format!("https://hearth.test/s/{code}/kiosk/{token}"))
    );
    let new_entries = entries(store.clone()).await;
    assert_eq!(new_entries.len(), before + 1, "one entry for the opening");
    assert!(new_entries[0].detail.contains("shared tablet"));
    assert!(
        !new_entries[0].detail.contains(&token),
        "the token stays off the trail"
    );

    // Another program's manager does not get the page (nor the link); A's manager does.
    let mut b = sign_in(&app, MANAGER_B).await;
    let other = get(&app, &mut b, &at).await;
    assert_eq!(other.status, Http::NOT_FOUND);
    assert!(!other.body.contains(&token));
    let mut a = sign_in(&app, MANAGER_A).await;
    assert!(get(&app, &mut a, &at).await.body.contains(&token));

    // An ordinary session has no kiosk section; once closed, a tablet one neither.
    let plain = open_at_desk(&app, &mut jar, &[]).await;
    let plain_page = get(&app, &mut jar, &plain.location.unwrap()).await;
    assert!(!plain_page.body.contains("Shared tablet"));
    catalog::close_session(&store, &domain::code::SessionCode::parse(&code).unwrap())
        .await
        .unwrap();
    let closed = get(&app, &mut jar, &at).await;
    assert!(!closed.body.contains(&token) && !closed.body.contains("Shared tablet"));
}

async fn the_command_line_opens_a_tablet_session_and_refuses_one_with_tickets(db: &TestDb) {
    let stdout = common::cluster::hearth(
        db,
        &[
            "session",
            "open",
            "--program",
            "Peer Bridges",
            "--circle",
            "Tuesday Evening",
            "--kiosk",
        ],
    );
    let code = stdout.split_whitespace().nth(1).unwrap();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("kiosk link"))
        .unwrap();
    let link = line.split_whitespace().last().unwrap();
    let prefix = format!("https://feedback.example.org/s/{code}/kiosk/");
    assert!(link.starts_with(&prefix), "{stdout}");
    assert_eq!(link.len(), prefix.len() + 32);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args([
            "session",
            "open",
            "--program",
            "Peer Bridges",
            "--circle",
            "Tuesday Evening",
            "--kiosk",
            "--tickets",
            "3",
        ])
        .env("HEARTH_DATABASE_URL", &db.url)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("takes no ticket cards"));
    let store = db.store().await;
    let sessions: i64 = sqlx::query_scalar("select count(*) from session")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(sessions, 1, "the refused one opened nothing");
}

const ALREADY_SAVED: &str =
    "Your answers were already saved — thank you. You don't need to send them again.";

/// The page a kiosk form sent again gets: saved, the way on to a fresh form, and nothing of
/// what the form carried.
async fn assert_already_saved(response: reqwest::Response, path: &str) {
    let html = already_saved(response, ALREADY_SAVED).await;
    assert!(html.contains(&format!(r#"class="button next-person" href="{path}""#)));
    assert!(
        html.contains(&format!(r#"href="{path}?lang=es""#)),
        "the switch stays on the kiosk"
    );
}

async fn two_people_in_a_row_each_store_one_response_and_a_form_sent_again_stores_nothing(
    db: &TestDb,
) {
    let app = TestApp::spawn(db).await;
    let (_, path) = kiosk_session(&app, None).await;
    let first = form_token(&text(app.get(&path).await).await);
    let first_body = format!("{FIRST_PERSON}&once={first}");
    let sent = app
        .post_form(&format!("{path}?lang=en"), first_body.clone())
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);

    // The next person: a fresh, empty form with a token of its own.
    let html = text(app.get(&path).await).await;
    assert!(!html.contains(" checked"));
    let second = form_token(&html);
    assert_ne!(second, first);
    let sent = app
        .post_form(
            &format!("{path}?lang=en"),
            format!("belong=2&once={second}"),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        stored_rows(&app).await,
        vec![(Some(2), None, None, 0), (Some(5), Some(1), Some(1), 1)]
    );

    // The first person's form sent again (the back button, a double tap): nothing stored.
    let again = app.post_form(&format!("{path}?lang=en"), first_body).await;
    assert_already_saved(again, &path).await;
    assert_eq!(app.responses().await, 2);
}

/// After a refused submission or an outage and a retry, "back" from the kiosk's thanks
/// page reaches the page the refused request answered, and the browser offers to send that
/// request again. It carries the form's token, which the retry used: nothing is stored,
/// and the page shows nothing of the person who answered.
async fn a_kiosk_form_sent_again_after_an_outage_and_a_retry_stores_nothing_twice(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (_, path) = kiosk_session(&app, None).await;
    let answer = format!("{path}?lang=en");
    let once = form_token(&text(app.get(&path).await).await);
    let body = format!("{FIRST_PERSON}&once={once}");

    // The outage: responses cannot be written for a while (the same SQL on both stores).
    let run = |sql: &'static str| {
        let pool = app.store.pool().clone();
        async move { sqlx::query(sql).execute(&pool).await.unwrap() }
    };
    run("alter table response rename to response_away").await;
    let down = app.post_form(&answer, body.clone()).await;
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
    let html = text(down).await;
    assert!(html.contains("try again in a moment"));
    assert!(html.contains(r#"name="hindered" value="rushed" checked"#));
    assert_eq!(form_token(&html), once, "the retry is the same form");
    run("alter table response_away rename to response").await;

    let retried = app.post_form(&answer, body.clone()).await;
    assert_eq!(retried.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.responses().await, 1);
    // Back to the 503 page, and "send again?": its request once more.
    assert_already_saved(app.post_form(&answer, body).await, &path).await;
    assert_eq!(app.responses().await, 1);

    // A refused submission, fixed and sent; then the refused request sent again.
    let once = form_token(&text(app.get(&path).await).await);
    let refused_body = format!("belong=9&welcome=1&once={once}");
    let refused = app.post_form(&answer, refused_body.clone()).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let fixed = app
        .post_form(&answer, format!("belong=3&welcome=1&once={once}"))
        .await;
    assert_eq!(fixed.status(), StatusCode::SEE_OTHER);
    assert_already_saved(app.post_form(&answer, refused_body).await, &path).await;
    assert_eq!(app.responses().await, 2);
}
