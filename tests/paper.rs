//! Paper forms end to end, on SQLite and on PostgreSQL: who may print and who may type
//! in (the role × page matrix), a stack typed in and saved all or none under the
//! session's capacity and window, with the participant form's validation and one audit
//! entry per stack, and a stack sent again not stored twice; forms typed in after the
//! session closed (for its paper days, with the session sealed again, before and into its
//! month's release); what a refused save keeps, and the last form shown before it is taken
//! off.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode as Http;
use common::TestDb;
use common::staff::*;
use dashboards::account::{self, NewUser};
use domain::audit::{self, Action, Filter};
use domain::catalog::{self, NewSession, Session};

on_both_stores!(
    a_closed_sessions_paper_forms_are_taken_for_its_paper_days_then_refused_clearly,
    a_months_release_waits_for_its_paper_forms_and_includes_them,
    the_close_page_and_the_entry_pages_say_until_when_paper_forms_can_be_typed_in,
    an_invalid_form_in_the_fields_saves_nothing_and_says_the_three_in_the_stack_are_kept,
    the_last_forms_digits_are_shown_before_it_is_taken_off,
    paper_pages_answer_each_role_as_they_should,
    a_typed_stack_is_saved_once_whole_and_with_one_audit_entry,
    bad_digits_a_full_session_and_a_closed_one_store_nothing,
    the_audit_entries_of_saved_stacks_hold_no_count_of_forms,
    data_entry_sees_whether_a_session_has_room_never_how_much,
    another_programs_paper_form_is_not_found_as_an_unknown_code_is,
);

const TYPIST_A: &str = "typist-a@test.hearth";

async fn setup(db: &TestDb, capacity: u32) -> (domain::Store, axum::Router, Session) {
    let store = db.store().await;
    seed_network(&store).await;
    account::add_user(
        &store,
        &NewUser::new(TYPIST_A, "data_entry", Some("Riverside")).unwrap(),
        PASSWORD.into(),
    )
    .await
    .unwrap();
    let today = chrono::Local::now().date_naive();
    let new = NewSession::new(
        "Riverside",
        "Monday Circle",
        today,
        Some(capacity),
        None,
        None,
    )
    .unwrap();
    let (session, _) = catalog::open_session(&store, &new).await.unwrap();
    let app = router(&store).await;
    (store, app, session)
}

fn hidden<'a>(html: &'a str, name: &str) -> &'a str {
    let at = html.find(&format!(r#"name="{name}" value=""#)).unwrap();
    let rest = &html[at + name.len() + 15..];
    &rest[..rest.find('"').unwrap()]
}

async fn typed_entries(store: &domain::Store) -> Vec<audit::Stored> {
    let filter = Filter {
        action: Some(Action::PaperFormsEntered),
        ..Filter::default()
    };
    audit::list(store, &filter, 100).await.unwrap()
}

async fn responses(store: &domain::Store, session: &Session) -> i64 {
    sqlx::query_scalar("select count(*) from response where session_id = $1")
        .bind(session.id)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// A moment as the staff pages show it.
fn local(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap()
        .with_timezone(&chrono::Local)
        .format("%-d %b %Y, %H:%M")
        .to_string()
}

const DAY: i64 = 86_400;

async fn closes_at(store: &domain::Store, session: &Session) -> i64 {
    sqlx::query_scalar("select closes_at from session where id = $1")
        .bind(session.id)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Moves a session's closing `days` back in time.
async fn age_closing(store: &domain::Store, session: &Session, days: i64) {
    sqlx::query("update session set closes_at = closes_at - $1 where id = $2")
        .bind(days * DAY)
        .bind(session.id)
        .execute(store.pool())
        .await
        .unwrap();
}

async fn response_ids(store: &domain::Store, session: &Session) -> Vec<i32> {
    sqlx::query_scalar("select id from response where session_id = $1 order by id")
        .bind(session.id)
        .fetch_all(store.pool())
        .await
        .unwrap()
}

/// Closed (and sealed), a session still takes a stack of paper forms for its paper days:
/// the stack is saved with the whole session sealed again (every response gets a fresh id;
/// on PostgreSQL all its rows come from one transaction), places are still counted, one
/// audit entry. Once the paper days are over a stack is refused with when they ended,
/// nothing stored, no entry, and the entry list no longer offers the session.
async fn a_closed_sessions_paper_forms_are_taken_for_its_paper_days_then_refused_clearly(
    db: &TestDb,
) {
    let (store, app, session) = setup(db, 40).await;
    let online: Vec<domain::instrument::Answers> = (0..3)
        .map(|_| {
            collector::paper::Typed::new("44444444", "2", "", "")
                .answers()
                .unwrap()
        })
        .collect();
    collector::commit::insert_synthetic(&store, session.id, &online)
        .await
        .unwrap();
    let before_close = catalog::now_unix();
    catalog::close_session(&store, &session.code).await.unwrap();
    let closed_at = closes_at(&store, &session).await;
    assert!(
        (before_close..before_close + 5).contains(&closed_at),
        "closing early brings the closing time forward"
    );
    // Sealed now, by this call or by the app's own sealer, whose first round may run late
    // on a busy machine.
    collector::seal::seal_closed_sessions(&store, catalog::now_unix())
        .await
        .unwrap();
    let sealed: i32 = sqlx::query_scalar("select sealed from session where id = $1")
        .bind(session.id)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(sealed, 1, "the closed session is sealed");
    let sealed_ids = response_ids(&store, &session).await;
    let at = format!("/staff/entry/{}", session.code);
    let mut jar = sign_in(&app, TYPIST_A).await;
    let list = get(&app, &mut jar, "/staff/entry").await.body;
    assert!(list.contains(&format!(">{}</a>", session.code)), "{list}");
    let saved = save_stack(&app, &mut jar, &at, 2).await;
    assert_eq!(saved.status, Http::SEE_OTHER, "{}", saved.body);
    assert_eq!(responses(&store, &session).await, 5);
    let (sealed, received): (i32, i32) =
        sqlx::query_as("select sealed, received from session where id = $1")
            .bind(session.id)
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!((sealed, received), (1, 5), "sealed again, places counted");
    let resealed = response_ids(&store, &session).await;
    assert!(
        resealed.iter().all(|id| !sealed_ids.contains(id)),
        "every row written again"
    );
    if store.backend() == domain::Backend::Postgres {
        let writers: i64 = sqlx::query_scalar(
            "select count(distinct xmin::text) from response where session_id = $1",
        )
        .bind(session.id)
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(writers, 1, "one transaction wrote the whole session");
    }
    assert_eq!(typed_entries(&store).await.len(), 1);

    // Eight days after closing: refused, saying until when forms could be typed in.
    age_closing(&store, &session, 8).await;
    let until = closes_at(&store, &session).await + 7 * DAY;
    let page = get(&app, &mut jar, &at).await.body;
    assert!(
        page.contains(&format!(
            "Its paper forms could be typed in until {}.",
            local(until)
        )),
        "{page}"
    );
    let refused = save_stack(&app, &mut jar, &at, 1).await;
    assert_eq!(refused.status, Http::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains(&format!(
            "This session is closed, and its paper forms could be typed in until {} (7 days after it closed, and before its month is released): it takes no more forms.",
            local(until)
        )),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Nothing was saved."));
    assert_eq!(responses(&store, &session).await, 5);
    assert_eq!(typed_entries(&store).await.len(), 1);
    let list = get(&app, &mut jar, "/staff/entry").await.body;
    assert!(!list.contains(&format!(">{}</a>", session.code)));
}

/// A month cannot be released while one of its sessions still takes paper forms (the
/// release would miss them); once the paper days are over it is released with them (30
/// forms typed after closing, none online: the circle is shown, at about 30); after the
/// release, a stack for the month is refused even inside a paper window. By default a
/// paper window ends by the time `hearth serve` releases the month: 72 hours after it ends.
async fn a_months_release_waits_for_its_paper_forms_and_includes_them(db: &TestDb) {
    use analytics::period::Period;
    use analytics::release::{self, ReleaseError, ReleaseOptions};
    let (store, app, session) = setup(db, 40).await;
    let month = Period::month_of(session.held_on);
    // Released as of the first day after the month, the earliest it can be: the release
    // judges paper windows as of the day before (the month's last day). Closed at noon that
    // day, the session takes paper forms until its month is released by itself.
    let after_month = month.end();
    catalog::close_session(&store, &session.code).await.unwrap();
    let last_noon = month
        .end()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp()
        - DAY / 2;
    sqlx::query("update session set closes_at = $1 where id = $2")
        .bind(last_noon)
        .bind(session.id)
        .execute(store.pool())
        .await
        .unwrap();
    let at = format!("/staff/entry/{}", session.code);
    let mut jar = sign_in(&app, TYPIST_A).await;
    let refused = release::release(&store, month, after_month, &ReleaseOptions::seeded(7))
        .await
        .unwrap_err();
    assert!(
        matches!(refused, ReleaseError::PaperForms { .. }),
        "{refused}"
    );
    assert!(
        refused
            .to_string()
            .contains("still takes paper forms until")
    );
    for _ in 0..3 {
        let saved = save_stack(&app, &mut jar, &at, 10).await;
        assert_eq!(saved.status, Http::SEE_OTHER, "{}", saved.body);
    }
    // Closed long ago: its paper days are over, and the month is released with them.
    let long_ago = catalog::now_unix() - 8 * DAY;
    sqlx::query("update session set closes_at = $1 where id = $2")
        .bind(long_ago)
        .bind(session.id)
        .execute(store.pool())
        .await
        .unwrap();
    release::release(&store, month, after_month, &ReleaseOptions::seeded(7))
        .await
        .unwrap();
    let stored = analytics::view::load_release(&store, month)
        .await
        .unwrap()
        .unwrap();
    let circle = stored
        .cells
        .iter()
        .find(|c| c.key.circle_id == Some(CIRCLE_A1))
        .expect("the circle's cell");
    assert_eq!(circle.manager, analytics::suppression::Status::Shown);
    let released = circle
        .value(analytics::measure::Measure::RESPONSES)
        .unwrap();
    assert!((20..=40).contains(&released), "{released}");
    // Released: even with the paper days back, nothing more reaches the month.
    age_closing(&store, &session, -8).await;
    assert!(
        collector::paper::paper_until(
            &catalog::find_session(&store, &session.code)
                .await
                .unwrap()
                .unwrap()
        ) > catalog::now_unix()
    );
    let late = save_stack(&app, &mut jar, &at, 1).await;
    assert_eq!(late.status, Http::UNPROCESSABLE_ENTITY);
    assert!(
        late.body.contains(&format!(
            "This session is closed and {} has been released: its figures are final, so it takes no more forms.",
            session.held_on.format("%B %Y")
        )),
        "{}",
        late.body
    );
    assert_eq!(responses(&store, &session).await, 30);
    // The paper window never reaches past the time the scheduler releases the month
    // (72 hours after it ends, the default), whenever the session closes.
    let due = month
        .end()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp()
        + 72 * 3600;
    assert_eq!(collector::paper::month_released_at(session.held_on), due);
    for closes in [
        due - 30 * DAY,
        due - 8 * DAY,
        due - 3 * DAY,
        due - 3600,
        due + DAY,
    ] {
        let until = collector::paper::paper_until_of(session.held_on, closes);
        assert!(until <= due || until == closes, "{closes}: {until}");
        assert!(until >= closes);
    }
}

/// The close confirmation says how long paper forms can still be typed in once closed; the
/// entry list and page say until when, for an open session (at the latest) and a closed one.
async fn the_close_page_and_the_entry_pages_say_until_when_paper_forms_can_be_typed_in(
    db: &TestDb,
) {
    let (store, app, session) = setup(db, 40).await;
    let mut facilitator = sign_in(&app, FACILITATOR_A).await;
    let close_at = format!("/staff/sessions/{}/close", session.code);
    let before = catalog::now_unix();
    let close = get(&app, &mut facilitator, &close_at).await.body;
    let after = catalog::now_unix();
    // Seven days after closing, unless its month is released sooner (late in a month).
    let said = |t: i64| {
        let until = collector::paper::paper_until_of(session.held_on, t);
        if until == t + 7 * DAY {
            format!(
                "Paper forms can still be typed in for 7 days after it closes, while it has room: until {}. They count in its month&#39;s release.",
                local(until)
            )
        } else {
            format!(
                "Paper forms can still be typed in after it closes, while it has room: until {} (when {} is released, sooner than 7 days after closing).",
                local(until),
                session.held_on.format("%B %Y")
            )
        }
    };
    assert!(
        close.contains(&said(before)) || close.contains(&said(after)),
        "{close}"
    );
    let mut typist = sign_in(&app, TYPIST_A).await;
    let at = format!("/staff/entry/{}", session.code);
    let open_until = local(collector::paper::paper_until(&session));
    let page = get(&app, &mut typist, &at).await.body;
    assert!(page.contains(&format!("Open: its paper forms can be typed in while it is open and for 7 days after it closes, until <strong>{open_until}</strong> at the latest")), "{page}");
    let list = get(&app, &mut typist, "/staff/entry").await.body;
    assert!(
        list.contains(&format!("<td>{open_until} at the latest (open now)</td>")),
        "{list}"
    );
    // Closed at the desk: the times follow the closing.
    let t = token(&close);
    let closed = post(
        &app,
        &mut facilitator,
        &close_at,
        &[("authenticity_token", &t), ("confirm", "yes")],
    )
    .await;
    assert_eq!(closed.status, Http::SEE_OTHER);
    let until = local(collector::paper::paper_until_of(
        session.held_on,
        closes_at(&store, &session).await,
    ));
    let page = get(&app, &mut typist, &at).await.body;
    assert!(page.contains(&format!("Closed online; its paper forms can be typed in until <strong>{until}</strong> (7 days after it closed, and before its month is released).")), "{page}");
    let list = get(&app, &mut typist, "/staff/entry").await.body;
    assert!(
        list.contains(&format!("<td>{until} (closed online)</td>")),
        "{list}"
    );
}

/// Three valid forms in the stack and an invalid one in the fields: "Save the stack (3
/// forms + this one)" saves nothing and says exactly what is kept — the three, and the form in
/// the fields with its problem — with the stack still on the page; emptying the fields and
/// saving again saves the three.
async fn an_invalid_form_in_the_fields_saves_nothing_and_says_the_three_in_the_stack_are_kept(
    db: &TestDb,
) {
    let (store, app, session) = setup(db, 40).await;
    let at = format!("/staff/entry/{}", session.code);
    let mut jar = sign_in(&app, TYPIST_A).await;
    let mut page = get(&app, &mut jar, &at).await.body;
    for _ in 0..3 {
        page = post_entry(
            &app,
            &mut jar,
            &at,
            &page,
            &[("ratings", "45454545"), ("do", "add")],
        )
        .await
        .body;
    }
    assert!(page.contains("Save the stack (3 forms)"));
    let refused = post_entry(
        &app,
        &mut jar,
        &at,
        &page,
        &[("ratings", "4545454"), ("do", "save")],
    )
    .await;
    assert_eq!(refused.status, Http::UNPROCESSABLE_ENTITY);
    let body = &refused.body;
    assert!(
        body.contains("<strong>Nothing was saved.</strong>"),
        "{body}"
    );
    assert!(!body.contains("Nothing was added"));
    assert!(body.contains("The form in the fields: Statements: type 8 digits"));
    assert!(
        body.contains("Correct it and save again, or empty its fields to save the 3 forms alone.")
    );
    assert!(body.contains(
        "The 3 forms already in the stack and the form in the fields are still here, not saved yet."
    ));
    assert_eq!(body.matches(r#"name="form" value=""#).count(), 3);
    assert!(
        body.contains(r#"value="4545454""#),
        "the form kept as typed"
    );
    assert_eq!(responses(&store, &session).await, 0);
    assert!(typed_entries(&store).await.is_empty());
    // The fields emptied: the three are saved.
    let saved = post_entry(&app, &mut jar, &at, body, &[("do", "save")]).await;
    assert_eq!(saved.status, Http::SEE_OTHER);
    assert_eq!(responses(&store, &session).await, 3);
    assert!(
        get(&app, &mut jar, &at)
            .await
            .body
            .contains("Saved 3 paper forms")
    );
}

/// The stack shows its last form's digits beside "Take form N off", and taking it off says
/// which digits went.
async fn the_last_forms_digits_are_shown_before_it_is_taken_off(db: &TestDb) {
    let (_store, app, session) = setup(db, 40).await;
    let at = format!("/staff/entry/{}", session.code);
    let mut jar = sign_in(&app, TYPIST_A).await;
    let mut page = get(&app, &mut jar, &at).await.body;
    assert!(!page.contains("Last form in the stack"));
    for (ratings, first, hindered) in [("55555555", "1", ""), ("1234 5012", "2", "45")] {
        page = post_entry(
            &app,
            &mut jar,
            &at,
            &page,
            &[
                ("ratings", ratings),
                ("first_time", first),
                ("hindered", hindered),
                ("do", "add"),
            ],
        )
        .await
        .body;
    }
    let second = "statements 12345012 · first time 2 · helped none · got in the way 45";
    assert!(
        page.contains(&format!(
            r#"Last form in the stack (form 2): <span class="code">{second}</span>"#
        )),
        "{page}"
    );
    assert!(page.contains(r#"aria-describedby="last-form">Take form 2 off</button>"#));
    let undone = post_entry(&app, &mut jar, &at, &page, &[("do", "undo")]).await;
    assert_eq!(undone.status, Http::OK);
    assert!(
        undone
            .body
            .contains(&format!("Took form 2 off the stack ({second}): 1 left."))
    );
    assert!(undone.body.contains(
        r#"Last form in the stack (form 1): <span class="code">statements 55555555 · first time 1 · helped none · got in the way none</span>"#
    ));
}

async fn paper_pages_answer_each_role_as_they_should(db: &TestDb) {
    let (_store, app, session) = setup(db, 40).await;
    let code = session.code.to_string();
    let mut jars = vec![Jar::default()];
    for email in [ADMIN, MANAGER_A, MANAGER_B, FACILITATOR_A, FUNDER, TYPIST_A] {
        jars.push(sign_in(&app, email).await);
    }
    // signed out, admin, manager A, manager B, facilitator A, funder, data entry A
    let pages: [(String, [u16; 7]); 3] = [
        (
            format!("/staff/sessions/{code}/paper"),
            [303, 403, 200, 404, 200, 403, 403],
        ),
        ("/staff/entry".into(), [303, 403, 403, 403, 403, 403, 200]),
        (
            format!("/staff/entry/{code}"),
            [303, 403, 403, 403, 403, 403, 200],
        ),
    ];
    for (path, want) in &pages {
        for (who, (jar, want)) in jars.iter_mut().zip(want).enumerate() {
            let page = get(&app, jar, path).await;
            assert_eq!(page.status.as_u16(), *want, "GET {path} as #{who}");
        }
    }
    // The typist sees that the session has room, not how much.
    for path in ["/staff/entry".to_owned(), format!("/staff/entry/{code}")] {
        let page = get(&app, &mut jars[6], &path).await.body;
        assert!(page.contains("has room"), "{path}");
        assert!(
            !page.contains("40 more") && !page.contains("room for 40"),
            "{path}"
        );
    }
    // A typist of program A does not reach program B's sessions.
    let b = NewSession::new(
        "Hillside",
        "Hill Circle",
        chrono::Local::now().date_naive(),
        None,
        None,
        None,
    )
    .unwrap();
    let (b, _) = catalog::open_session(&db.store().await, &b).await.unwrap();
    let page = get(&app, &mut jars[6], &format!("/staff/entry/{}", b.code)).await;
    assert_eq!(page.status, Http::NOT_FOUND);
    // The typist's home and menu lead only to the entry page.
    let home = get(&app, &mut jars[6], "/staff").await;
    assert!(home.body.contains("/staff/entry") && !home.body.contains("/staff/sessions"));
    // The paper form, in both languages, with the code and the same words.
    let en = get(&app, &mut jars[4], &format!("/staff/sessions/{code}/paper"))
        .await
        .body;
    assert!(en.contains(&code) && en.contains("I felt like I belonged in this group today."));
    assert!(en.contains("What we kept") && en.contains("Please don&#39;t write your name"));
    // What the paper form says of protection is true of paper: no internet address, and
    // weekly answers are protected less than the one answer a month the noise is set for.
    assert!(!en.contains("internet address"));
    assert!(en.contains("The noise is set to protect one answer a month: if you answer every week, your answers together are protected less."));
    let es = get(
        &app,
        &mut jars[4],
        &format!("/staff/sessions/{code}/paper?lang=es"),
    )
    .await
    .body;
    assert!(es.contains("Qué guardamos") && es.contains(r#"lang="es""#));
    assert!(!es.contains("dirección de internet"));
    assert!(es.contains("si respondes cada semana, tus respuestas juntas están menos protegidas"));
}

async fn post_entry(
    app: &axum::Router,
    jar: &mut Jar,
    at: &str,
    page: &str,
    fields: &[(&str, &str)],
) -> Page {
    let mut all = vec![
        ("authenticity_token", token(page)),
        ("once", hidden(page, "once").to_owned()),
    ];
    for f in page.split(r#"name="form" value=""#).skip(1) {
        all.push(("form", f[..f.find('"').unwrap()].to_owned()));
    }
    all.extend(fields.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post(app, jar, at, &all).await
}

async fn a_typed_stack_is_saved_once_whole_and_with_one_audit_entry(db: &TestDb) {
    let (store, app, session) = setup(db, 40).await;
    let at = format!("/staff/entry/{}", session.code);
    let mut jar = sign_in(&app, TYPIST_A).await;
    let mut page = get(&app, &mut jar, &at).await.body;
    for (ratings, first, helped) in [
        ("55555555", "1", "13"),
        ("1 2 3 4 5 0 1 2", "2", ""),
        ("00000000", "0", "5"),
    ] {
        let added = post_entry(
            &app,
            &mut jar,
            &at,
            &page,
            &[
                ("ratings", ratings),
                ("first_time", first),
                ("helped", helped),
                ("do", "add"),
            ],
        )
        .await;
        assert_eq!(added.status, Http::OK, "{}", added.body);
        page = added.body;
    }
    assert!(page.contains("3 forms typed, not saved yet"));
    assert_eq!(
        responses(&store, &session).await,
        0,
        "nothing stored before saving"
    );
    // Take one off and put it back, then save.
    let undone = post_entry(&app, &mut jar, &at, &page, &[("do", "undo")]).await;
    assert!(undone.body.contains("2 forms typed"));
    let readded = post_entry(
        &app,
        &mut jar,
        &at,
        &undone.body,
        &[("ratings", "00000000"), ("helped", "5"), ("do", "add")],
    )
    .await;
    let before_save = readded.body.clone();
    let saved = post_entry(&app, &mut jar, &at, &before_save, &[("do", "save")]).await;
    assert_eq!(saved.status, Http::SEE_OTHER);
    assert_eq!(saved.location.as_deref(), Some(at.as_str()));
    assert_eq!(responses(&store, &session).await, 3);
    type Row = (Option<i16>, Option<i16>, Option<i16>, i16, i16);
    let rows: Vec<Row> = sqlx::query_as(
        "select belong, own_pace, first_time, helped_listened, helped_facilitator from response where session_id = $1 order by belong",
    )
    .bind(session.id)
    .fetch_all(store.pool())
    .await
    .unwrap();
    let mut rows = rows;
    rows.sort();
    assert_eq!(
        rows,
        vec![
            (None, None, None, 0, 1),
            (Some(1), Some(1), Some(0), 0, 0),
            (Some(5), Some(5), Some(1), 1, 0)
        ]
    );
    let entries = typed_entries(&store).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0].detail,
        format!(
            "Riverside / Monday Circle, {}: a stack of paper forms typed in (how many is not recorded)",
            session.held_on
        )
    );
    let shown = get(&app, &mut jar, &at).await.body;
    assert!(shown.contains("Saved 3 paper forms"));
    assert!(
        !get(&app, &mut jar, &at).await.body.contains("Saved 3"),
        "said once"
    );
    // The same stack sent again: a redirect, nothing stored twice, no second entry.
    let again = post_entry(&app, &mut jar, &at, &before_save, &[("do", "save")]).await;
    assert_eq!(again.status, Http::SEE_OTHER);
    assert_eq!(responses(&store, &session).await, 3);
    assert_eq!(typed_entries(&store).await.len(), 1);
    let received: i32 = sqlx::query_scalar("select received from session where id = $1")
        .bind(session.id)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(received, 3, "paper forms take places like any answers");
}

async fn bad_digits_a_full_session_and_a_closed_one_store_nothing(db: &TestDb) {
    let (store, app, session) = setup(db, 2).await;
    let at = format!("/staff/entry/{}", session.code);
    let mut jar = sign_in(&app, TYPIST_A).await;
    let page = get(&app, &mut jar, &at).await.body;
    for (ratings, first, helped) in [
        ("5555555", "", ""),
        ("55555559", "", ""),
        ("55555555", "3", ""),
        ("55555555", "", "16"),
        ("00000000", "", ""),
    ] {
        let bad = post_entry(
            &app,
            &mut jar,
            &at,
            &page,
            &[
                ("ratings", ratings),
                ("first_time", first),
                ("helped", helped),
                ("do", "add"),
            ],
        )
        .await;
        assert_eq!(
            bad.status,
            Http::UNPROCESSABLE_ENTITY,
            "{ratings} {first} {helped}"
        );
        assert!(bad.body.contains("This form was not added to the stack."));
        assert!(
            bad.body
                .contains(&format!(r#"value="{}""#, ratings.replace(' ', ""))),
            "kept as typed"
        );
    }
    // A tampered stack is refused whole.
    let tampered = post(
        &app,
        &mut jar,
        &at,
        &[
            ("authenticity_token", &token(&page)),
            ("once", "x"),
            ("form", "99999999..."),
            ("do", "save"),
        ],
    )
    .await;
    assert_eq!(tampered.status, Http::UNPROCESSABLE_ENTITY);
    // Three forms for two places: nothing saved.
    let mut page = page;
    for _ in 0..2 {
        page = post_entry(
            &app,
            &mut jar,
            &at,
            &page,
            &[("ratings", "44444444"), ("do", "add")],
        )
        .await
        .body;
    }
    let full = post_entry(
        &app,
        &mut jar,
        &at,
        &page,
        &[("ratings", "33333333"), ("do", "save")],
    )
    .await;
    assert_eq!(full.status, Http::UNPROCESSABLE_ENTITY);
    assert!(
        full.body
            .contains("This session does not have room for this many forms: nothing was saved. Ask the facilitator."),
        "{}",
        full.body
    );
    // How much room there is, or how many answers it has, is not said.
    assert!(!full.body.contains("room for 2") && !full.body.contains("2 more"));
    assert_eq!(responses(&store, &session).await, 0);
    // Closed, its paper days over: refused, nothing stored, no audit entry.
    catalog::close_session(&store, &session.code).await.unwrap();
    age_closing(&store, &session, 8).await;
    let closed = post_entry(&app, &mut jar, &at, &page, &[("do", "save")]).await;
    assert_eq!(closed.status, Http::UNPROCESSABLE_ENTITY);
    assert!(closed.body.contains("This session is closed"));
    assert_eq!(responses(&store, &session).await, 0);
    assert!(typed_entries(&store).await.is_empty());
    // Without a CSRF token: refused.
    let forged = post(
        &app,
        &mut jar,
        &at,
        &[("ratings", "44444444"), ("do", "save")],
    )
    .await;
    assert_ne!(forged.status, Http::SEE_OTHER);
}

/// Types in a stack of `n` forms and saves it; the save's answer.
async fn save_stack(app: &axum::Router, jar: &mut Jar, at: &str, n: usize) -> Page {
    let mut page = get(app, jar, at).await.body;
    for _ in 0..n {
        page = post_entry(
            app,
            jar,
            at,
            &page,
            &[("ratings", "45454545"), ("do", "add")],
        )
        .await
        .body;
    }
    post_entry(app, jar, at, &page, &[("do", "save")]).await
}

/// Each saved stack leaves one entry, and none says how many forms it held: with its
/// session code (the subject) and the meeting's date taken out, an entry holds no digit
/// at all. Stacks of 1, 3 and 2 forms (the old entries began "3 paper forms").
async fn the_audit_entries_of_saved_stacks_hold_no_count_of_forms(db: &TestDb) {
    let (store, app, session) = setup(db, 40).await;
    let at = format!("/staff/entry/{}", session.code);
    let mut jar = sign_in(&app, TYPIST_A).await;
    for n in [1, 3, 2] {
        let saved = save_stack(&app, &mut jar, &at, n).await;
        assert_eq!(saved.status, Http::SEE_OTHER, "{}", saved.body);
    }
    assert_eq!(responses(&store, &session).await, 6);
    let entries = typed_entries(&store).await;
    assert_eq!(entries.len(), 3);
    for entry in &entries {
        assert_eq!(entry.subject, session.code.to_string());
        let rest = entry.detail.replace(&session.held_on.to_string(), "");
        assert!(
            !rest.chars().any(|c| c.is_ascii_digit()),
            "a number in {:?}",
            entry.detail
        );
    }
}

/// The entry pages say "has room" or "full", never a number: a session with room for
/// two more forms, then full, lists and shows its state only; a stack too large for it is
/// refused without saying how much room there is.
async fn data_entry_sees_whether_a_session_has_room_never_how_much(db: &TestDb) {
    let (store, app, session) = setup(db, 5).await;
    let at = format!("/staff/entry/{}", session.code);
    let mut jar = sign_in(&app, TYPIST_A).await;
    assert_eq!(
        save_stack(&app, &mut jar, &at, 3).await.status,
        Http::SEE_OTHER
    );
    // Two places left.
    let row = |list: &str| {
        let code = session.code.to_string();
        let at = list
            .find(&format!(">{code}</a>"))
            .expect("the session is listed");
        list[at..at + list[at..].find("</tr>").unwrap()].to_owned()
    };
    let list = get(&app, &mut jar, "/staff/entry").await.body;
    assert!(row(&list).contains("<td>has room</td>"), "{}", row(&list));
    let page = get(&app, &mut jar, &at).await.body;
    assert!(page.contains("has room"));
    for shown in [&list, &page] {
        assert!(!shown.contains("room for 2") && !shown.contains("2 more"));
    }
    let refused = save_stack(&app, &mut jar, &at, 3).await;
    assert_eq!(refused.status, Http::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("does not have room for this many forms")
    );
    assert!(!refused.body.contains("room for 2") && !refused.body.contains("2 more"));
    assert_eq!(responses(&store, &session).await, 3);
    // Filled: listed as full, and its page says so.
    assert_eq!(
        save_stack(&app, &mut jar, &at, 2).await.status,
        Http::SEE_OTHER
    );
    let list = get(&app, &mut jar, "/staff/entry").await.body;
    assert!(row(&list).contains("<td>full</td>"), "{}", row(&list));
    assert!(
        get(&app, &mut jar, &at)
            .await
            .body
            .contains("<strong>full</strong>")
    );
}

/// Another program's staff learn nothing of a code from its paper form: the page answers
/// them exactly as it answers a code that does not exist (404 for a facilitator or manager
/// of another program, as the desk does; the same answer as for an unknown code for
/// everyone else), and a POST under it changes nothing and answers as for an unknown code.
async fn another_programs_paper_form_is_not_found_as_an_unknown_code_is(db: &TestDb) {
    let (store, app, session) = setup(db, 40).await;
    const FACILITATOR_B: &str = "facilitator-b@test.hearth";
    const TYPIST_B: &str = "typist-b@test.hearth";
    for (email, role) in [(FACILITATOR_B, "facilitator"), (TYPIST_B, "data_entry")] {
        account::add_user(
            &store,
            &NewUser::new(email, role, Some("Hillside")).unwrap(),
            PASSWORD.into(),
        )
        .await
        .unwrap();
    }
    let code = session.code.to_string();
    // A code of the right shape that no session has.
    let unknown = ["2222-22", "3333-33"]
        .into_iter()
        .find(|c| *c != code)
        .unwrap();
    for email in [FACILITATOR_B, MANAGER_B, TYPIST_B, ADMIN, FUNDER] {
        let mut jar = sign_in(&app, email).await;
        let theirs = get(&app, &mut jar, &format!("/staff/sessions/{code}/paper")).await;
        let none = get(&app, &mut jar, &format!("/staff/sessions/{unknown}/paper")).await;
        assert_eq!(theirs.status, none.status, "{email}: GET");
        assert_eq!(theirs.body, none.body, "{email}: GET, the same page");
        assert!(!theirs.body.contains(&code), "{email}");
        if matches!(email, FACILITATOR_B | MANAGER_B) {
            assert_eq!(theirs.status, Http::NOT_FOUND, "{email}: like the desk");
            let desk = get(&app, &mut jar, &format!("/staff/sessions/{code}")).await;
            assert_eq!(desk.status, Http::NOT_FOUND, "{email}: the desk");
        }
        // A POST under it, with the form token of a real page: the same answer either way.
        let home = get(&app, &mut jar, "/staff").await;
        let token = token(&home.body);
        let fields = [("authenticity_token", token.as_str()), ("lang", "es")];
        let theirs = post(
            &app,
            &mut jar,
            &format!("/staff/sessions/{code}/paper"),
            &fields,
        )
        .await;
        let none = post(
            &app,
            &mut jar,
            &format!("/staff/sessions/{unknown}/paper"),
            &fields,
        )
        .await;
        assert_eq!(theirs.status, none.status, "{email}: POST");
        assert!(
            theirs.status.is_client_error(),
            "{email}: {}",
            theirs.status
        );
        // The typist of another program: its entry page for the code is not found either.
        if email == TYPIST_B {
            for path in [
                format!("/staff/entry/{code}"),
                format!("/staff/entry/{unknown}"),
            ] {
                let page = get(&app, &mut jar, &path).await;
                assert_eq!(page.status, Http::NOT_FOUND, "{path}");
                let sent = post(
                    &app,
                    &mut jar,
                    &path,
                    &[("authenticity_token", &token), ("form", "55555555 1 1 1")],
                )
                .await;
                assert_eq!(sent.status, Http::NOT_FOUND, "POST {path}");
            }
        }
    }
    assert_eq!(responses(&store, &session).await, 0, "nothing was typed in");
    assert!(
        typed_entries(&store).await.is_empty(),
        "no stack was recorded"
    );
}
