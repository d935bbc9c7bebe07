//! Paper forms end to end, on SQLite and on PostgreSQL: who may print and who may type
//! in (the role × page matrix), a stack typed in and saved all or none under the
//! session's capacity and window, with the participant form's validation and one audit
//! entry per stack, and a stack sent again not stored twice.

mod common;

use axum::http::StatusCode as Http;
use collector::audit::{self, Action, Filter};
use collector::catalog::{self, NewSession, Session};
use common::TestDb;
use common::staff::*;
use dashboards::account::{self, NewUser};

on_both_stores!(
    paper_pages_answer_each_role_as_they_should,
    a_typed_stack_is_saved_once_whole_and_with_one_audit_entry,
    bad_digits_a_full_session_and_a_closed_one_store_nothing,
    the_audit_entries_of_saved_stacks_hold_no_count_of_forms,
    data_entry_sees_whether_a_session_has_room_never_how_much,
);

const TYPIST_A: &str = "typist-a@test.hearth";

async fn setup(db: &TestDb, capacity: u32) -> (collector::Store, axum::Router, Session) {
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

async fn typed_entries(store: &collector::Store) -> Vec<audit::Stored> {
    let filter = Filter {
        action: Some(Action::PaperFormsEntered),
        ..Filter::default()
    };
    audit::list(store, &filter, 100).await.unwrap()
}

async fn responses(store: &collector::Store, session: &Session) -> i64 {
    sqlx::query_scalar("select count(*) from response where session_id = $1")
        .bind(session.id)
        .fetch_one(store.pool())
        .await
        .unwrap()
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
            [303, 403, 200, 403, 200, 403, 403],
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
    let rows: Vec<(Option<i16>, Option<i16>, Option<i16>, i16, i16)> = sqlx::query_as(
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
        assert!(bad.body.contains("Nothing was added"));
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
    // Closed: refused, nothing stored, no audit entry.
    catalog::close_session(&store, &session.code).await.unwrap();
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
