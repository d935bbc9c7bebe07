//! End to end: a participant answering a session, on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use common::{TestApp, TestDb, already_saved, assert_anonymous_headers, form_token, text};
use reqwest::StatusCode;

const FULL_ANSWERS: &str = "belong=5&welcome=4&heard=4&safe_to_share=3&not_judged=5&confidential=4\
    &own_pace=skip&better=2&first_time=yes&helped=listened&helped=stories&hindered=rushed";

on_both_stores!(
    the_home_page_asks_for_a_code_and_finds_the_session,
    the_form_shows_the_whole_instrument_in_english_and_spanish,
    a_valid_submission_is_committed_before_the_thanks_page,
    skipped_questions_are_stored_empty,
    a_blank_form_is_refused_kindly_and_uses_no_place,
    a_blank_form_in_ticket_mode_keeps_the_ticket_unused,
    out_of_range_values_are_refused_with_the_valid_answers_kept,
    unknown_items_and_malformed_bodies_are_refused_and_nothing_is_stored,
    an_oversized_body_is_refused_with_413,
    unknown_codes_are_404,
    a_closed_session_refuses_with_410,
    a_full_session_refuses_more_responses,
    ticket_mode_requires_an_unused_ticket_of_this_session,
    an_unavailable_store_keeps_the_answers_in_the_form,
    the_stored_schema_holds_no_identifier,
    stored_ids_reveal_no_arrival_order,
    the_privacy_page_lists_what_is_kept_and_not,
    the_thanks_page_shows_the_programs_line_else_the_organizations_else_the_default,
    the_same_form_sent_again_stores_once_and_says_the_answers_are_saved,
    a_refused_form_keeps_its_token_and_stores_once_when_fixed,
    forged_or_foreign_form_tokens_store_nothing_and_say_so,
    a_ticketed_form_sent_again_is_saved_once_and_its_card_still_works_once,
    the_language_comes_from_the_link_then_the_browser_then_the_program_then_english,
    every_participant_page_speaks_every_language_in_its_direction,
    an_arabic_form_keeps_what_each_value_means_and_codes_left_to_right,
    a_line_staff_wrote_in_another_language_is_marked_with_its_own,
    an_admin_sets_a_programs_language_and_its_session_pages_start_in_it,
);

async fn the_home_page_asks_for_a_code_and_finds_the_session(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let home = app.get("/").await;
    assert_eq!(home.status(), StatusCode::OK);
    assert_anonymous_headers(&home);
    let html = text(home).await;
    assert!(html.contains(r#"name="code""#) && html.contains("Session code"));

    let (session, _) = app.open_session(None, None).await;
    let typed = session.code.to_string().to_lowercase().replace('-', " ");
    let found = app.get(&format!("/?code={typed}&lang=es")).await;
    assert_eq!(found.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        found.headers()["location"],
        format!("/s/{}?lang=es", session.code)
    );

    let missing = app.get("/?code=ZZZZ-ZZ").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(text(missing).await.contains("couldn't find that code"));
}

async fn the_form_shows_the_whole_instrument_in_english_and_spanish(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let form = app.get(&format!("/s/{}", session.code)).await;
    assert_eq!(form.status(), StatusCode::OK);
    assert_anonymous_headers(&form);
    let html = text(form).await;
    for text in [
        "I felt like I belonged in this group today.",
        "The group felt welcoming to me.",
        "When I spoke, people really listened.",
        "I felt safe to share what was on my mind.",
        "I did not feel judged here.",
        "I trust that what is shared here stays here.",
        "I could share as much or as little as I wanted.",
        "leaving a bit better off than when I arrived.",
        "Is this your first time at this group?",
        "What helped today?",
        "What got in the way?",
        "Skip anything you like.",
    ] {
        assert!(html.contains(text), "form lacks {text:?}");
    }
    // One fieldset and legend per question, every input a person sees inside a label.
    assert_eq!(html.matches("<fieldset").count(), 11);
    assert_eq!(html.matches("<legend>").count(), 11);
    assert_eq!(
        html.matches("<input").count() - html.matches(r#"<input type="hidden""#).count(),
        html.matches("<label><input").count()
            + html.matches("<label class=\"skip\"><input").count()
    );
    // The form's token, and no form state for a browser to bring back into another one.
    assert_eq!(form_token(&html).len(), collector::once::TOKEN_LEN);
    assert!(html.contains(r#"autocomplete="off""#));
    assert!(html.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(
        html.contains(&format!(r#"href="/s/{}?lang=es""#, session.code)),
        "no language switch"
    );
    // Small and self-contained: no script, nothing fetched from elsewhere.
    assert!(html.len() < 24 * 1024, "form is {} bytes", html.len());
    assert!(
        !html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http")
    );

    let spanish = text(app.get(&format!("/s/{}?lang=es", session.code)).await).await;
    assert!(spanish.contains(r#"<html lang="es" dir="ltr">"#));
    assert!(spanish.contains("Hoy sentí que pertenecía a este grupo."));
    assert!(spanish.contains("Puedes saltar lo que quieras."));
    assert!(!spanish.contains("I felt like I belonged"));
}

async fn a_valid_submission_is_committed_before_the_thanks_page(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let posted = app
        .post_form(&format!("/s/{}?lang=es", session.code), FULL_ANSWERS)
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_anonymous_headers(&posted);
    assert_eq!(
        posted.headers()["location"],
        format!("/s/{}/thanks?lang=es", session.code)
    );
    // The 303 has gone out: the response is in the store already.
    type Row = (
        domain::SessionId,
        i16,
        Option<i16>,
        Option<i16>,
        Option<i16>,
        Option<i16>,
        i16,
        i16,
        i16,
    );
    let row: Row = sqlx::query_as(
        "select session_id, instrument_version, belong, own_pace, better, first_time, helped_listened, helped_facilitator, hindered_rushed from response",
    )
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(
        row,
        (session.id, 1, Some(5), None, Some(2), Some(1), 1, 0, 1)
    );
    assert_eq!(
        app.count("select cast(received as bigint) from session")
            .await,
        1
    );

    let thanks = app
        .get(&format!("/s/{}/thanks?lang=es", session.code))
        .await;
    assert_eq!(thanks.status(), StatusCode::OK);
    let html = text(thanks).await;
    assert!(
        html.contains("Qué guardamos") && html.contains("Qué no guardamos") && html.contains("988")
    );
    let english = text(app.get(&format!("/s/{}/thanks", session.code)).await).await;
    assert!(english.contains("What we did not keep") && english.contains("Call or text 988"));
}

async fn skipped_questions_are_stored_empty(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let posted = app
        .post_form(
            &format!("/s/{}", session.code),
            "belong=skip&first_time=skip&heard=3",
        )
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(
            "select count(*) from response where belong is null and first_time is null and heard = 3"
        )
        .await,
        1
    );
}

const NOTHING_ANSWERED_EN: &str = "You didn't answer any questions, so nothing was saved. \
    You can answer any you like, or just close this page. That's fine too.";
const NOTHING_ANSWERED_ES: &str = "No respondiste ninguna pregunta, así que no se guardó nada. \
    Puedes responder las que quieras, o simplemente cerrar esta página. Eso también está bien.";

async fn a_blank_form_is_refused_kindly_and_uses_no_place(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    // One place: had a blank form taken it, the real answer below would find the session full.
    let (session, _) = app.open_session(Some(1), None).await;
    let path = format!("/s/{}", session.code);

    // What a browser sends when nothing is ticked: an empty body.
    let blank = app.post_form(&path, "").await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_anonymous_headers(&blank);
    let html = text(blank).await;
    assert!(html.contains(NOTHING_ANSWERED_EN), "{html}");
    // A calm note, not the list of things to fix.
    assert!(!html.contains("Something needs a look") && !html.contains(r#"role="alert""#));
    assert!(html.contains(&format!(r#"action="{path}?lang=en""#)));

    let skipped = "belong=skip&welcome=&heard=skip&safe_to_share=skip&not_judged=skip\
        &confidential=skip&own_pace=skip&better=skip&first_time=skip";
    let spanish = app.post_form(&format!("{path}?lang=es"), skipped).await;
    assert_eq!(spanish.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(spanish).await;
    assert!(html.contains(NOTHING_ANSWERED_ES), "{html}");
    assert!(!html.contains(NOTHING_ANSWERED_EN));

    assert_eq!(app.responses().await, 0);
    let received = format!(
        "select cast(received as bigint) from session where id = {}",
        session.id
    );
    assert_eq!(app.count(&received).await, 0);

    // The one place is still free.
    let answered = app.post_form(&path, "hindered=rushed").await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.responses().await, 1);
    assert_eq!(app.count(&received).await, 1);
}

async fn a_blank_form_in_ticket_mode_keeps_the_ticket_unused(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, tickets) = app.open_session(None, Some(1)).await;
    let path = format!("/s/{}", session.code);
    let ticket = tickets[0].as_str();

    let blank = app
        .post_form(&path, format!("first_time=skip&ticket={ticket}"))
        .await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(blank).await;
    assert!(html.contains(NOTHING_ANSWERED_EN), "{html}");
    assert!(
        html.contains(&format!(r#"name="ticket" value="{ticket}""#)),
        "the ticket must stay in the form"
    );
    let spanish = app
        .post_form(&format!("{path}?lang=es"), format!("ticket={ticket}"))
        .await;
    assert_eq!(spanish.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(spanish).await.contains(NOTHING_ANSWERED_ES));

    assert_eq!(app.responses().await, 0);
    assert_eq!(
        app.count("select count(*) from ticket where used = 1")
            .await,
        0
    );
    assert_eq!(
        app.count(&format!(
            "select cast(received as bigint) from session where id = {}",
            session.id
        ))
        .await,
        0
    );

    // The same ticket still works once.
    let answered = app
        .post_form(&path, format!("helped=listened&ticket={ticket}"))
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.count("select count(*) from ticket where used = 1")
            .await,
        1
    );
}

async fn out_of_range_values_are_refused_with_the_valid_answers_kept(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let path = format!("/s/{}", session.code);
    let refused = app
        .post_form(&path, "belong=9&welcome=4&helped=stories&first_time=no")
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_anonymous_headers(&refused);
    let html = text(refused).await;
    assert!(html.contains("Please pick one of the choices here."));
    assert!(
        html.contains(r#"name="welcome" value="4" checked"#),
        "valid answer lost"
    );
    assert!(html.contains(r#"name="helped" value="stories" checked"#));
    assert!(html.contains(r#"name="first_time" value="no" checked"#));
    assert!(html.contains(r#"class="item has-problem" id="q-belong""#));
    assert_eq!(app.responses().await, 0);

    let spanish = app.post_form(&format!("{path}?lang=es"), "heard=0").await;
    assert_eq!(spanish.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        text(spanish)
            .await
            .contains("Por favor, elige una de las opciones.")
    );
    assert_eq!(
        app.count("select cast(received as bigint) from session")
            .await,
        0
    );
}

async fn unknown_items_and_malformed_bodies_are_refused_and_nothing_is_stored(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let path = format!("/s/{}", session.code);

    let unknown = app
        .post_form(&path, "belong=4&email=someone%40example.org")
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(unknown).await;
    assert!(html.contains("The form sent something we don't know."));
    assert!(html.contains(r#"name="belong" value="4" checked"#));

    for body in [
        "belong=%E2%28%A1",
        "belong=%G1",
        "belong",
        "belong=4&belong=5",
    ] {
        let bad = app.post_form(&path, body).await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(
            text(bad).await.contains("couldn't read what was sent"),
            "{body}"
        );
    }
    let json = app
        .client
        .post(app.url(&path))
        .header("content-type", "application/json")
        .body(r#"{"belong":4}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.responses().await, 0);
}

async fn an_oversized_body_is_refused_with_413(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let body = format!("belong=4&ticket={}", "A".repeat(17 * 1024));
    let refused = app.post_form(&format!("/s/{}", session.code), body).await;
    assert_eq!(refused.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(text(refused).await.contains("more than this form can take"));
    assert_eq!(app.responses().await, 0);
}

async fn unknown_codes_are_404(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let get = app.get("/s/ZZZZ-ZZ").await;
    assert_eq!(get.status(), StatusCode::NOT_FOUND);
    assert!(text(get).await.contains("couldn't find that code"));
    assert_eq!(app.get("/s/..%2Fetc").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/s/not-a-code/thanks").await.status(),
        StatusCode::NOT_FOUND
    );
    let post = app.post_form("/s/ZZZZ-ZZ?lang=es", "belong=4").await;
    assert_eq!(post.status(), StatusCode::NOT_FOUND);
    assert!(text(post).await.contains("No encontramos ese código"));
    assert_eq!(app.responses().await, 0);
}

async fn a_closed_session_refuses_with_410(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    domain::catalog::close_session(&app.store, &session.code)
        .await
        .unwrap();
    let get = app.get(&format!("/s/{}", session.code)).await;
    assert_eq!(get.status(), StatusCode::GONE);
    let post = app
        .post_form(&format!("/s/{}", session.code), "belong=4")
        .await;
    assert_eq!(post.status(), StatusCode::GONE);
    assert!(text(post).await.contains("This session is closed now."));

    // A window that has passed closes it too.
    let (late, _) = app.open_session(None, None).await;
    sqlx::query("update session set closes_at = 0 where id = $1")
        .bind(late.id)
        .execute(app.store.pool())
        .await
        .unwrap();
    assert_eq!(
        app.post_form(&format!("/s/{}", late.code), "belong=4")
            .await
            .status(),
        StatusCode::GONE
    );
    assert_eq!(app.responses().await, 0);
}

async fn a_full_session_refuses_more_responses(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(Some(3), None).await;
    let path = format!("/s/{}", session.code);
    // More concurrent submissions than places: exactly `capacity` are accepted.
    let mut posts = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let request = app
            .client
            .post(app.url(&path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("belong=4");
        posts.spawn(async move { request.send().await.unwrap().status() });
    }
    let statuses: Vec<StatusCode> = posts.join_all().await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::SEE_OTHER)
            .count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::GONE).count(),
        5,
        "{statuses:?}"
    );
    assert_eq!(app.responses().await, 3);
    let full = app.post_form(&path, "belong=4").await;
    assert_eq!(full.status(), StatusCode::GONE);
    assert!(text(full).await.contains("all the answers it can take"));
}

async fn ticket_mode_requires_an_unused_ticket_of_this_session(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, tickets) = app.open_session(None, Some(2)).await;
    let (_other, other_tickets) = app.open_session(None, Some(1)).await;
    assert_eq!(tickets.len(), 2);
    let path = format!("/s/{}", session.code);

    // The link pre-fills the ticket field.
    let form = text(
        app.get(&format!("{path}?ticket={}", tickets[0].as_str()))
            .await,
    )
    .await;
    assert!(form.contains(&format!(r#"name="ticket" value="{}""#, tickets[0].as_str())));

    let missing = app.post_form(&path, "belong=4").await;
    assert_eq!(missing.status(), StatusCode::FORBIDDEN);
    let html = text(missing).await;
    assert!(
        html.contains("needs the ticket code")
            && html.contains(r#"name="belong" value="4" checked"#)
    );

    let unknown = app
        .post_form(&path, "belong=4&ticket=ZZZZZZZZZZZZZZZZZZZZ")
        .await;
    assert_eq!(unknown.status(), StatusCode::FORBIDDEN);
    assert!(
        text(unknown)
            .await
            .contains("We don't know that ticket code")
    );
    let garbage = app.post_form(&path, "belong=4&ticket=hello").await;
    assert_eq!(garbage.status(), StatusCode::FORBIDDEN);
    let elsewhere = app
        .post_form(
            &path,
            format!("belong=4&ticket={}", other_tickets[0].as_str()),
        )
        .await;
    assert_eq!(
        elsewhere.status(),
        StatusCode::FORBIDDEN,
        "a ticket of another session was accepted"
    );
    assert_eq!(app.responses().await, 0);

    let ok = app
        .post_form(
            &path,
            format!("belong=4&ticket={}", tickets[0].as_str().to_lowercase()),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let reused = app
        .post_form(&path, format!("belong=5&ticket={}", tickets[0].as_str()))
        .await;
    assert_eq!(reused.status(), StatusCode::CONFLICT);
    let html = text(reused).await;
    assert!(
        html.contains("This ticket was already used")
            && html.contains(r#"name="belong" value="5" checked"#)
    );
    assert_eq!(app.responses().await, 1);
    assert_eq!(
        app.count("select count(*) from ticket where used = 1")
            .await,
        1
    );
    // Refused tickets did not consume a place.
    assert_eq!(
        app.count(&format!(
            "select cast(received as bigint) from session where id = {}",
            session.id
        ))
        .await,
        1
    );
    // Only hashes are stored.
    let stored: Vec<String> = sqlx::query_scalar("select hash from ticket")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert!(
        stored
            .iter()
            .all(|h| h.len() == 64 && !tickets.iter().any(|t| h.contains(t.as_str())))
    );
}

async fn an_unavailable_store_keeps_the_answers_in_the_form(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    app.store.close().await;
    assert_eq!(
        app.get("/healthz").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    let posted = app
        .post_form(
            &format!("/s/{}", session.code),
            "belong=2&heard=5&hindered=advice",
        )
        .await;
    assert_eq!(posted.status(), StatusCode::SERVICE_UNAVAILABLE);
    let html = text(posted).await;
    assert!(html.contains("try again in a moment"));
    assert!(html.contains(r#"name="belong" value="2" checked"#));
    assert!(html.contains(r#"name="heard" value="5" checked"#));
    assert!(html.contains(r#"name="hindered" value="advice" checked"#));
    assert!(
        html.contains(&format!(r#"action="/s/{}?lang=en""#, session.code)),
        "the form must post again"
    );
    let form = app.get(&format!("/s/{}", session.code)).await;
    assert_eq!(form.status(), StatusCode::SERVICE_UNAVAILABLE);
    let reopened = db.store().await;
    assert_eq!(
        sqlx::query_scalar::<_, i64>("select count(*) from response")
            .fetch_one(reopened.pool())
            .await
            .unwrap(),
        0
    );
}

async fn the_stored_schema_holds_no_identifier(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let sql = match app.store.backend() {
        domain::Backend::Sqlite => "select name from pragma_table_info('response') order by cid".to_owned(),
        domain::Backend::Postgres => "select cast(column_name as text) from information_schema.columns \
             where table_name = 'response' and table_schema = current_schema() order by ordinal_position"
            .to_owned(),
    };
    let columns: Vec<String> = sqlx::query_scalar(&sql)
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    let expected = [
        "id",
        "session_id",
        "instrument_version",
        "belong",
        "welcome",
        "heard",
        "safe_to_share",
        "not_judged",
        "confidential",
        "own_pace",
        "better",
        "first_time",
        "helped_listened",
        "helped_stories",
        "helped_ground_rules",
        "helped_welcome",
        "helped_facilitator",
        "hindered_dominated",
        "hindered_advice",
        "hindered_judged",
        "hindered_privacy",
        "hindered_rushed",
    ];
    assert_eq!(
        columns, expected,
        "the response table changed: review it for identifiers"
    );
    // And nothing anywhere in the schema looks like one.
    let all = match app.store.backend() {
        // sqlx's own bookkeeping table (`_sqlx_migrations`) records when migrations ran;
        // staff accounts hold a staff member's email by design (docs/privacy.md); API tokens,
        // webhooks and the release-notice outbox are staff-side bookkeeping (the day a token
        // was made, when a webhook was registered, when a delivery is due) and hold nothing
        // of participants (migrations 0018, 0019).
        domain::Backend::Sqlite => {
            "select p.name from sqlite_master m join pragma_table_info(m.name) p \
             where m.type = 'table' and m.name not like '\\_sqlx%' escape '\\' and m.name not in ('staff_user', 'api_token', 'webhook', 'outbox', 'release_notice')"
        }
        domain::Backend::Postgres => {
            "select cast(column_name as text) from information_schema.columns \
             where table_schema = current_schema() and table_name not like '\\_sqlx%' escape '\\' \
             and table_name not in ('staff_user', 'api_token', 'webhook', 'outbox', 'release_notice')"
        }
    };
    let every: Vec<String> = sqlx::query_scalar(all)
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    // `first_time` is an answer (first visit to the group: yes / no), not a time.
    for column in every.into_iter().filter(|c| c != "first_time") {
        for word in [
            "ip",
            "addr",
            "agent",
            "cookie",
            "created",
            "submitted",
            "time",
            "device",
            "fingerprint",
            "email",
        ] {
            assert!(
                !column.split('_').any(|part| part == word) && !column.contains("agent"),
                "suspicious column {column}"
            );
        }
    }
    // The ticket and sent-form tables have no way to point at a response, nor a time.
    for (table, expected) in [
        ("ticket", &["hash", "session_id", "used"][..]),
        ("form_sent", &["hash", "session_id"][..]),
        ("form_key", &["id", "secret"][..]),
    ] {
        let table_sql = sql.replace("'response'", &format!("'{table}'"));
        let columns: Vec<String> = sqlx::query_scalar(&table_sql)
            .fetch_all(app.store.pool())
            .await
            .unwrap();
        assert_eq!(columns, expected, "the {table} table changed: review it");
    }
}

async fn stored_ids_reveal_no_arrival_order(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(Some(40), None).await;
    // Each submission's answers encode its arrival number n = 5 * (welcome - 1) + (belong - 1).
    for n in 0..25 {
        let body = format!("belong={}&welcome={}", n % 5 + 1, n / 5 + 1);
        assert_eq!(
            app.post_form(&format!("/s/{}", session.code), body)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    }
    let arrival = |sql: &str| {
        let pool = app.store.pool().clone();
        let sql = sql.to_owned();
        async move {
            let rows: Vec<(i16, i16)> = sqlx::query_as(&sql).fetch_all(&pool).await.unwrap();
            rows.into_iter()
                .map(|(b, w)| 5 * (w - 1) + (b - 1))
                .collect::<Vec<i16>>()
        }
    };
    // Ordered by key, rows come out in an order unrelated to arrival: 25 rows land sorted
    // by chance with probability 1/25!.
    let by_key = arrival("select belong, welcome from response order by id").await;
    assert_eq!(by_key.len(), 25);
    assert!(
        by_key.windows(2).any(|w| w[0] > w[1]),
        "the key follows arrival order: {by_key:?}"
    );
    assert!(
        by_key.windows(2).filter(|w| w[1] == w[0] + 1).count() < 12,
        "the key mostly follows arrival: {by_key:?}"
    );
    if app.store.backend() == domain::Backend::Sqlite {
        // SQLite keeps rows in rowid order, and the rowid is the random id.
        let stored = arrival("select belong, welcome from response").await;
        assert_eq!(
            stored, by_key,
            "SQLite's storage order is not the random key's order"
        );
    }
}

async fn the_privacy_page_lists_what_is_kept_and_not(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let page = app.get("/privacy").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_anonymous_headers(&page);
    let html = text(page).await;
    for text in [
        "What we keep",
        "What we never keep",
        "internet (IP) address",
        "The time you answered",
        "No cookies",
    ] {
        assert!(html.contains(text), "privacy page lacks {text:?}");
    }
    let es = text(app.get("/privacy?lang=es").await).await;
    assert!(es.contains("Qué nunca guardamos"));
}

/// The crisis line, in the participant's language: the program's if an admin set one, else
/// the organization's, else the catalog's translated default; a line is shown as text.
async fn the_thanks_page_shows_the_programs_line_else_the_organizations_else_the_default(
    db: &TestDb,
) {
    use domain::catalog::{self, NewSession};
    use domain::crisis::{self, Scope};
    use domain::i18n::Lang;

    let app = TestApp::spawn(db).await;
    let (here, _) = app.open_session(None, None).await;
    let elsewhere = NewSession::new(
        "Harbor Lights",
        "Thursday Morning",
        chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap(),
        None,
        None,
        None,
    )
    .unwrap();
    let (elsewhere, _) = catalog::open_session(&app.store, &elsewhere).await.unwrap();
    let thanks = |code: String, lang: &'static str| {
        let app = &app;
        async move {
            let page = app.get(&format!("/s/{code}/thanks?lang={lang}")).await;
            assert_eq!(page.status(), StatusCode::OK);
            text(page).await
        }
    };
    let (here, elsewhere) = (here.code.to_string(), elsewhere.code.to_string());

    // Nothing set: the catalog's default, translated.
    assert!(
        thanks(here.clone(), "en")
            .await
            .contains("Call or text 988")
    );
    assert!(
        thanks(here.clone(), "es")
            .await
            .contains("Llama o envía un mensaje al 988")
    );

    // The organization's line, in English only: Spanish keeps its default.
    crisis::save(
        &app.store,
        Scope::Organization,
        &[
            (Lang::En, "Call the Lakeside warmline: 555-0100."),
            (Lang::Es, ""),
        ],
    )
    .await
    .unwrap();
    let en = thanks(here.clone(), "en").await;
    assert!(en.contains("Call the Lakeside warmline: 555-0100.") && !en.contains("988"));
    assert!(
        thanks(here.clone(), "es")
            .await
            .contains("Llama o envía un mensaje al 988")
    );

    // A program's own line wins, for that program only; its empty Spanish field falls
    // back to the organization's Spanish line.
    crisis::save(
        &app.store,
        Scope::Organization,
        &[
            (Lang::En, "Call the Lakeside warmline: 555-0100."),
            (Lang::Es, "Llama a la línea de Lakeside: 555-0100."),
        ],
    )
    .await
    .unwrap();
    crisis::save(
        &app.store,
        Scope::Program(
            catalog::find_session(
                &app.store,
                &domain::code::SessionCode::parse(&here).unwrap(),
            )
            .await
            .unwrap()
            .unwrap()
            .program_id,
        ),
        &[
            (Lang::En, "<b>Call 211</b> & ask for \"crisis\"."),
            (Lang::Es, ""),
        ],
    )
    .await
    .unwrap();
    let en = thanks(here.clone(), "en").await;
    assert!(
        en.contains("&#60;b&#62;Call 211&#60;/b&#62; &#38; ask for &#34;crisis&#34;."),
        "the program's line, shown as text: {en}"
    );
    assert!(!en.contains("<b>Call 211") && !en.contains("Lakeside"));
    assert!(
        thanks(here.clone(), "es")
            .await
            .contains("Llama a la línea de Lakeside: 555-0100.")
    );
    assert!(
        thanks(elsewhere.clone(), "en")
            .await
            .contains("Call the Lakeside warmline: 555-0100.")
    );
    assert!(
        thanks(elsewhere, "es")
            .await
            .contains("Llama a la línea de Lakeside: 555-0100.")
    );
    // Reading the line stored nothing about the visit.
    assert_eq!(app.responses().await, 0);
}

const ALREADY_SAVED_EN: &str =
    "Your answers were already saved — thank you. You don't need to send them again.";
const ALREADY_SAVED_ES: &str =
    "Tus respuestas ya se guardaron — gracias. No hace falta que las envíes otra vez.";

/// A fresh form of the session at `path`: its token.
async fn drawn(app: &TestApp, path: &str) -> String {
    let form = app.get(path).await;
    assert_eq!(form.status(), StatusCode::OK);
    form_token(&text(form).await)
}

/// The thanks page, then back, then send: the same form, with the same token, again.
async fn the_same_form_sent_again_stores_once_and_says_the_answers_are_saved(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let path = format!("/s/{}", session.code);
    let once = drawn(&app, &path).await;
    let body = format!("{FULL_ANSWERS}&once={once}");
    let sent = app
        .post_form(&format!("{path}?lang=en"), body.clone())
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    for (lang, message) in [("en", ALREADY_SAVED_EN), ("es", ALREADY_SAVED_ES)] {
        let again = app
            .post_form(&format!("{path}?lang={lang}"), body.clone())
            .await;
        already_saved(again, message).await;
    }
    assert_eq!(app.responses().await, 1);
    assert_eq!(
        app.count("select cast(received as bigint) from session")
            .await,
        1,
        "a place was taken twice"
    );
    // Only the token's hash is kept.
    let kept: Vec<String> = sqlx::query_scalar("select hash from form_sent")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].len() == 64 && kept[0] != once && !kept[0].contains(&once));

    // A double tap: two copies of one form at once store one response.
    let once = drawn(&app, &path).await;
    let body = format!("belong=2&once={once}");
    let (a, b) = tokio::join!(
        app.post_form(&path, body.clone()),
        app.post_form(&path, body)
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::SEE_OTHER]);
    assert_eq!(app.responses().await, 2);
}

async fn a_refused_form_keeps_its_token_and_stores_once_when_fixed(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let path = format!("/s/{}", session.code);
    let once = drawn(&app, &path).await;
    let refused_body = format!("belong=9&welcome=4&once={once}");
    let refused = app.post_form(&path, refused_body.clone()).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(refused).await;
    assert!(html.contains("Please pick one of the choices here."));
    assert!(html.contains(r#"name="welcome" value="4" checked"#));
    assert_eq!(
        form_token(&html),
        once,
        "the form drawn again is the same form"
    );
    assert_eq!(app.count("select count(*) from form_sent").await, 0);

    let fixed_body = format!("belong=4&welcome=4&once={once}");
    let fixed = app.post_form(&path, fixed_body.clone()).await;
    assert_eq!(
        fixed.status(),
        StatusCode::SEE_OTHER,
        "the token was used up"
    );
    assert_eq!(app.responses().await, 1);

    // Back from the thanks page reaches the refused page, whose "send again?" sends the
    // refused answers: saved already, and none of them shown. The fixed ones: the same.
    for body in [refused_body, fixed_body] {
        already_saved(app.post_form(&path, body).await, ALREADY_SAVED_EN).await;
    }
    assert_eq!(app.responses().await, 1);
}

async fn forged_or_foreign_form_tokens_store_nothing_and_say_so(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let (other, _) = app.open_session(None, None).await;
    let path = format!("/s/{}", session.code);
    let once = drawn(&app, &path).await;
    let foreign = drawn(&app, &format!("/s/{}", other.code)).await;
    let last = if once.ends_with('0') { "1" } else { "0" };
    let altered = format!("{}{last}", &once[..once.len() - 1]);
    let mut fresh = String::new();
    for bad in [
        "hello".to_owned(),
        altered,
        foreign,
        "0".repeat(once.len()),
        format!("{once}0"),
    ] {
        let refused = app
            .post_form(&path, format!("belong=3&hindered=rushed&once={bad}"))
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_anonymous_headers(&refused);
        let html = text(refused).await;
        assert!(
            html.contains("We couldn't check this form, so nothing was saved."),
            "{bad}: {html}"
        );
        assert!(html.contains(r#"name="belong" value="3" checked"#));
        assert!(html.contains(r#"name="hindered" value="rushed" checked"#));
        fresh = form_token(&html);
        assert!(
            fresh != bad && fresh != once,
            "the form drawn again has a fresh token"
        );
    }
    let spanish = app
        .post_form(&format!("{path}?lang=es"), "belong=3&once=hello")
        .await;
    assert!(
        text(spanish)
            .await
            .contains("No pudimos comprobar este formulario")
    );
    assert_eq!(app.responses().await, 0);
    assert_eq!(app.count("select count(*) from form_sent").await, 0);
    assert_eq!(
        app.count("select cast(coalesce(sum(received), 0) as bigint) from session")
            .await,
        0
    );

    // The form drawn again sends.
    let sent = app
        .post_form(&path, format!("belong=3&hindered=rushed&once={fresh}"))
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    // A page drawn before forms carried a token sends no `once`: taken as before, so
    // nobody who had the form open across the upgrade loses their answers.
    let old_page = app.post_form(&path, "belong=5").await;
    assert_eq!(old_page.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.responses().await, 2);
}

/// A ticketed form carries a token too: sent again, it hears that its answers are saved
/// (not that its card was used); the card itself still works once, whatever the form.
async fn a_ticketed_form_sent_again_is_saved_once_and_its_card_still_works_once(db: &TestDb) {
    let app = TestApp::spawn(db).await;
    let (session, tickets) = app.open_session(None, Some(2)).await;
    let path = format!("/s/{}", session.code);
    let (first, second) = (tickets[0].as_str(), tickets[1].as_str());
    let once = drawn(&app, &format!("{path}?ticket={first}")).await;
    let body = format!("belong=4&ticket={first}&once={once}");
    assert_eq!(
        app.post_form(&path, body.clone()).await.status(),
        StatusCode::SEE_OTHER
    );
    already_saved(app.post_form(&path, body).await, ALREADY_SAVED_EN).await;
    let used = "select count(*) from ticket where used = 1";
    assert_eq!((app.responses().await, app.count(used).await), (1, 1));

    // Another form with the used card: refused as before, and its token stays unused…
    let other = drawn(&app, &format!("{path}?ticket={second}")).await;
    let reused = app
        .post_form(&path, format!("belong=5&ticket={first}&once={other}"))
        .await;
    assert_eq!(reused.status(), StatusCode::CONFLICT);
    assert!(text(reused).await.contains("This ticket was already used"));
    assert_eq!(app.count("select count(*) from form_sent").await, 1);
    // …so with its own card the form sends.
    let sent = app
        .post_form(&path, format!("belong=5&ticket={second}&once={other}"))
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!((app.responses().await, app.count(used).await), (2, 2));
}

/// A GET with an Accept-Language header (or none).
async fn get_in(app: &TestApp, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(accept) = accept {
        request = request.header("accept-language", accept);
    }
    request.send().await.unwrap()
}

/// The `<html lang dir>` a page opens with.
fn html_lang(html: &str) -> &str {
    let at = html.find("<html ").expect("an html element");
    &html[at..at + html[at..].find('>').unwrap() + 1]
}

/// Issue 20: `?lang=` first, then Accept-Language (its q-values and region subtags), then
/// the program's default language, then English; the choice is carried in links, never in
/// a cookie, and a page without a session (home, privacy) has no program default.
async fn the_language_comes_from_the_link_then_the_browser_then_the_program_then_english(
    db: &TestDb,
) {
    use domain::audit::Actor;
    use domain::i18n::Lang;
    use domain::program_language;

    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let form = format!("/s/{}", session.code);
    let lang_of = |path: String, accept: Option<&'static str>| {
        let app = &app;
        async move {
            let page = get_in(app, &path, accept).await;
            assert_eq!(page.status(), StatusCode::OK, "{path}");
            assert_anonymous_headers(&page);
            html_lang(&text(page).await).to_owned()
        }
    };
    let en = r#"<html lang="en" dir="ltr">"#;
    let ar = r#"<html lang="ar" dir="rtl">"#;

    // No setting: the browser's language we have, else English.
    assert_eq!(lang_of(form.clone(), None).await, en);
    assert_eq!(lang_of(form.clone(), Some("de-DE")).await, en);
    assert_eq!(
        lang_of(form.clone(), Some("fr-CA,fr;q=0.9")).await,
        r#"<html lang="fr" dir="ltr">"#
    );

    // The program's default: Arabic, when neither link nor browser names one we have.
    let changed = program_language::set_by(
        &app.store,
        session.program_id,
        Some(Lang::Ar),
        Actor::CommandLine,
        "participants' language (Peer Bridges)",
    )
    .await
    .unwrap();
    assert!(changed);
    assert_eq!(
        program_language::get(&app.store, session.program_id)
            .await
            .unwrap(),
        Some(Lang::Ar)
    );
    assert_eq!(lang_of(form.clone(), None).await, ar);
    assert_eq!(lang_of(form.clone(), Some("de-DE, nl;q=0.5")).await, ar);
    assert_eq!(
        lang_of(format!("{form}/thanks"), None).await,
        ar,
        "the thanks page of the program's session"
    );
    // The browser (region subtags, q-values) wins over the program…
    assert_eq!(
        lang_of(form.clone(), Some("zh-CN,zh;q=0.9")).await,
        r#"<html lang="zh" dir="ltr">"#
    );
    assert_eq!(
        lang_of(form.clone(), Some("en;q=0.2, uk-UA;q=0.8")).await,
        r#"<html lang="uk" dir="ltr">"#
    );
    // …and the link wins over both.
    assert_eq!(
        lang_of(format!("{form}?lang=es"), Some("fr-FR")).await,
        r#"<html lang="es" dir="ltr">"#
    );
    // A page that belongs to no session has no program default.
    assert_eq!(lang_of("/privacy".to_owned(), None).await, en);
    // The home page sends a code on without a language it did not get from the link, so
    // the form can apply the program's; with one from the link, it keeps it.
    let found = get_in(&app, &format!("/?code={}", session.code), Some("de")).await;
    assert_eq!(found.status(), StatusCode::SEE_OTHER);
    assert_eq!(found.headers()["location"], form.as_str());
    let home = text(get_in(&app, "/", Some("ar-SA")).await).await;
    assert!(!home.contains(r#"name="lang""#), "{home}");
    let home = text(app.get("/?lang=fr").await).await;
    assert!(home.contains(r#"<input type="hidden" name="lang" value="fr">"#));

    // Cleared: English again; an audit entry for each change, none for no change.
    let cleared = program_language::set_by(
        &app.store,
        session.program_id,
        None,
        Actor::CommandLine,
        "participants' language (Peer Bridges)",
    )
    .await
    .unwrap();
    assert!(cleared);
    assert_eq!(lang_of(form.clone(), None).await, en);
    assert_eq!(
        app.count("select count(*) from staff_audit where subject like 'participants%'")
            .await,
        2
    );
    // Nothing about a participant's language was kept anywhere.
    assert_eq!(
        app.count("select count(*) from program where default_lang is not null")
            .await,
        0
    );
}

/// Every participant page in every built-in language: the page's `lang` and `dir`, its
/// words from that language's catalog (no English left in a translated page's title), and
/// a language switch listing every language in its own name.
async fn every_participant_page_speaks_every_language_in_its_direction(db: &TestDb) {
    use domain::i18n::Lang;

    let app = TestApp::spawn(db).await;
    let (open, _) = app.open_session(None, None).await;
    let (ticketed, _) = app.open_session(None, Some(1)).await;
    let (closed, _) = app.open_session(None, None).await;
    sqlx::query("update session set closed = 1 where id = $1")
        .bind(closed.id)
        .execute(app.store.pool())
        .await
        .unwrap();
    for lang in Lang::BUILT_IN {
        let t = lang.tr();
        let code = lang.code();
        let pages: [(String, StatusCode, String); 8] = [
            (
                format!("/?lang={code}"),
                StatusCode::OK,
                t.get("home-title"),
            ),
            (
                format!("/s/{}?lang={code}", open.code),
                StatusCode::OK,
                t.get("form-title"),
            ),
            (
                format!("/s/{}?lang={code}", ticketed.code),
                StatusCode::OK,
                t.get("ticket-intro"),
            ),
            (
                format!("/s/{}/thanks?lang={code}", open.code),
                StatusCode::OK,
                t.get("thanks-crisis"),
            ),
            (
                format!("/privacy?lang={code}"),
                StatusCode::OK,
                t.get("privacy-title"),
            ),
            (
                format!("/nowhere?lang={code}"),
                StatusCode::NOT_FOUND,
                t.get("problem-not-found"),
            ),
            (
                format!("/s/ZZZZ-ZZ?lang={code}"),
                StatusCode::NOT_FOUND,
                t.get("problem-session-unknown"),
            ),
            (
                format!("/s/{}?lang={code}", closed.code),
                StatusCode::GONE,
                t.get("problem-session-closed"),
            ),
        ];
        for (path, status, words) in pages {
            let page = app.get(&path).await;
            assert_eq!(page.status(), status, "{path}");
            assert_anonymous_headers(&page);
            let html = text(page).await;
            assert_eq!(
                html_lang(&html),
                format!(r#"<html lang="{code}" dir="{}">"#, lang.dir().as_str()),
                "{path}"
            );
            assert!(html.contains(&words), "{path} lacks {words:?}");
            for other in Lang::BUILT_IN {
                assert!(
                    html.contains(&format!(
                        r#"lang="{}" hreflang="{}" dir="{}">{}</a>"#,
                        other.code(),
                        other.code(),
                        other.dir().as_str(),
                        other.native_name()
                    )),
                    "{path}: the switch lacks {}",
                    other.native_name()
                );
            }
            assert_eq!(html.matches(r#"aria-current="page""#).count(), 1, "{path}");
        }
    }
    // The form sent in a language answers in it: the thanks page it goes to keeps it.
    let sent = app
        .post_form(&format!("/s/{}?lang=uk", open.code), "belong=4")
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        sent.headers()["location"],
        format!("/s/{}/thanks?lang=uk", open.code).as_str()
    );
    // A refused form in Arabic says why in Arabic, the answers kept.
    let refused = app
        .post_form(&format!("/s/{}?lang=ar", open.code), "belong=9&welcome=2")
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(refused).await;
    assert!(html.contains(&Lang::Ar.tr().get("problem-summary")));
    assert!(html.contains(r#"name="welcome" value="2" checked"#));
}

/// Arabic is read right to left, but the scale's values never flip: the first answer in
/// the page (the one a screen reader and the keyboard reach first, and the one shown at
/// the start of the line, on the right) is value 1, "strongly disagree", in Arabic as in
/// English. Codes are typed and shown left to right; the circle's name and the session's
/// code inside Arabic sentences are isolated so they keep their own direction.
async fn an_arabic_form_keeps_what_each_value_means_and_codes_left_to_right(db: &TestDb) {
    use domain::i18n::Lang;

    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let ar = Lang::Ar.tr();
    let html = text(app.get(&format!("/s/{}?lang=ar", session.code)).await).await;
    for n in 1..=5 {
        let input = format!(r#"<input type="radio" name="belong" value="{n}">"#);
        let at = html.find(&input).unwrap_or_else(|| panic!("no {input}"));
        let label = &html[at..at + html[at..].find("</label>").unwrap()];
        assert!(
            label.contains(&format!(r#"<span class="n">{n}</span>"#))
                && label.contains(&ar.get(&format!("scale-{n}"))),
            "value {n} is not labelled {:?}: {label}",
            ar.get(&format!("scale-{n}"))
        );
        if n > 1 {
            let before = format!(r#"name="belong" value="{}""#, n - 1);
            assert!(html.find(&before).unwrap() < at, "values out of order");
        }
    }
    assert!(
        html.contains("\u{2068}Tuesday Evening\u{2069}"),
        "the circle's name is isolated in Arabic text"
    );
    // Posted in Arabic, 1 is stored as 1: the same answers as posted in English.
    let sent = app
        .post_form(&format!("/s/{}?lang=ar", session.code), "belong=1&better=5")
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.responses().await, 1);

    let home = text(app.get("/?lang=ar").await).await;
    assert!(home.contains(r#"maxlength="16" aria-describedby="code-hint" dir="ltr""#));
    assert!(
        home.contains("\u{2068}K7QM-42\u{2069}"),
        "the example code is isolated"
    );
    let (ticketed, _) = app.open_session(None, Some(1)).await;
    let ticket = text(app.get(&format!("/s/{}?lang=ar", ticketed.code)).await).await;
    assert!(ticket.contains(r#"maxlength="40" dir="ltr""#));
    // In English nothing is wrapped in isolation marks.
    let en = text(app.get("/?lang=en").await).await;
    assert!(en.contains("It looks like K7QM-42.") && !en.contains('\u{2068}'));
}

/// "You said, we did": staff write the line in English (and Spanish). A page in another
/// language shows the English line marked `lang="en"`, so it is read as English, and the
/// heading in the page's language.
async fn a_line_staff_wrote_in_another_language_is_marked_with_its_own(db: &TestDb) {
    use domain::actions::{self, Draft};
    use domain::audit::Actor;
    use domain::i18n::Lang;

    let app = TestApp::spawn(db).await;
    let (session, _) = app.open_session(None, None).await;
    let circles = domain::catalog::circles(&app.store, None).await.unwrap();
    let circle = circles
        .iter()
        .find(|c| c.name == "Tuesday Evening")
        .unwrap();
    let draft = Draft::parse(
        &circle.id.to_string(),
        "Ten minutes for check-out",
        "2026-11-02",
        &circles,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
    )
    .unwrap();
    let id = actions::record(&app.store, session.program_id, &draft, Actor::CommandLine)
        .await
        .unwrap();
    let action = actions::find(&app.store, session.program_id, id)
        .await
        .unwrap()
        .unwrap();
    actions::publish(
        &app.store,
        &action,
        Some((
            "We keep ten minutes for check-out now.".to_owned(),
            Some("Ahora dejamos diez minutos para cerrar.".to_owned()),
        )),
        Actor::CommandLine,
    )
    .await
    .unwrap();
    for (lang, line_lang, line) in [
        (Lang::Fr, "en", "We keep ten minutes for check-out now."),
        (Lang::Ar, "en", "We keep ten minutes for check-out now."),
        (Lang::Es, "es", "Ahora dejamos diez minutos para cerrar."),
        (Lang::En, "en", "We keep ten minutes for check-out now."),
    ] {
        for path in [
            format!("/s/{}?lang={}", session.code, lang.code()),
            format!("/s/{}/thanks?lang={}", session.code, lang.code()),
        ] {
            let html = text(app.get(&path).await).await;
            assert!(
                html.contains(&format!(r#"<p lang="{line_lang}" dir="auto">{line}</p>"#)),
                "{path}: {html}"
            );
            assert!(html.contains(&lang.tr().get("you-said-heading")), "{path}");
        }
    }
}

/// The admin's setting, through the real router: a page per program with every language,
/// a change saved with one audit entry, a language Hearth lacks refused (422, nothing
/// stored), other roles refused; the program's session pages start in the language.
async fn an_admin_sets_a_programs_language_and_its_session_pages_start_in_it(db: &TestDb) {
    use common::http::{Jar, get, post};
    use common::staff::*;
    use domain::catalog::{self, NewSession};
    use domain::i18n::Lang;
    use domain::program_language;

    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let path = format!("/staff/admin/programs/{PROGRAM_A}/language");

    let mut facilitator = sign_in(&app, FACILITATOR_A).await;
    assert_eq!(
        get(&app, &mut facilitator, &path).await.status,
        StatusCode::FORBIDDEN
    );

    let mut admin = sign_in(&app, ADMIN).await;
    let catalog_page = get(&app, &mut admin, "/staff/admin").await;
    assert!(catalog_page.body.contains(&format!(r#"href="{path}""#)));
    let page = get(&app, &mut admin, &path).await;
    assert_eq!(page.status, StatusCode::OK);
    for lang in Lang::BUILT_IN {
        assert!(page.body.contains(lang.english_name()), "{}", lang.code());
    }
    let token = hidden(&page.body, "authenticity_token").to_owned();

    let refused = post(
        &app,
        &mut admin,
        &path,
        &[("authenticity_token", &token), ("lang", "tlh")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        program_language::get(&store, PROGRAM_A).await.unwrap(),
        None
    );

    let saved = post(
        &app,
        &mut admin,
        &path,
        &[("authenticity_token", &token), ("lang", "ar")],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(
        program_language::get(&store, PROGRAM_A).await.unwrap(),
        Some(Lang::Ar)
    );
    assert_eq!(
        program_language::get(&store, PROGRAM_B).await.unwrap(),
        None,
        "only that program"
    );
    let noted = get(&app, &mut admin, "/staff/admin").await;
    assert!(
        noted.body.contains("now fall back to Arabic"),
        "{}",
        noted.body
    );
    // The same form again changes nothing and records nothing more.
    post(
        &app,
        &mut admin,
        &path,
        &[("authenticity_token", &token), ("lang", "ar")],
    )
    .await;
    let entries: i64 = sqlx::query_scalar(
        "select count(*) from staff_audit where subject = 'participants'' language (Riverside)'",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(entries, 1);

    // A session of the program: its form starts in Arabic; the other program's in English.
    let day = chrono::Utc::now().date_naive();
    let open = |program: &'static str| {
        let store = &store;
        async move {
            let new = NewSession::new(program, "Monday Circle", day, None, None, None).unwrap();
            catalog::open_session(store, &new).await.unwrap().0
        }
    };
    let here = open("Riverside").await;
    assert_eq!(here.default_lang, Some(Lang::Ar));
    let there = open("Hillside").await;
    let mut participant = Jar::default();
    let form = get(&app, &mut participant, &format!("/s/{}", here.code)).await;
    assert!(form.body.contains(r#"<html lang="ar" dir="rtl">"#));
    let form = get(&app, &mut participant, &format!("/s/{}", there.code)).await;
    assert!(form.body.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(participant.0.is_empty(), "a participant page set a cookie");

    // Ticket cards carry English and the program's language (Spanish without one).
    let opened = open_at_desk(&app, &mut facilitator, &[("tickets", "2")]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    let cards = get(&app, &mut facilitator, opened.location.as_deref().unwrap()).await;
    assert!(
        cards.body.contains(&format!(
            r#"<p lang="ar" dir="rtl"><strong>{}</strong>"#,
            Lang::Ar.tr().get("card-title")
        )),
        "{}",
        cards.body
    );
    assert!(cards.body.contains(r#"<p lang="en" dir="ltr">"#));
    assert!(!cards.body.contains(r#"lang="es""#));
}
