//! The admin's catalog (rename, archive and restore programs and circles; the crisis
//! line's audit entry) and the privacy settings form (preview, confirm, mechanism change),
//! through the real router, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode;
use chrono::NaiveDate;
use common::TestDb;
use common::staff::*;
use domain::Store;
use domain::audit::{self, Action, Filter};
use domain::catalog::{self, CatalogError, NewSession};

/// The audit entries of one action, newest first.
async fn entries(store: &Store, action: Action) -> Vec<audit::Stored> {
    let filter = Filter {
        action: Some(action),
        ..Filter::default()
    };
    audit::list(store, &filter, 100).await.unwrap()
}

async fn circle_name(store: &Store, id: CircleId) -> String {
    sqlx::query_scalar("select name from circle where id = $1")
        .bind(id)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn program_name(store: &Store, id: ProgramId) -> String {
    sqlx::query_scalar("select name from program where id = $1")
        .bind(id)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// A day after the seeded (released) quarter, so a session may be opened on it.
fn open_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

/// The value of a named hidden field of a page.
fn hidden<'a>(html: &'a str, name: &str) -> &'a str {
    let marker = format!("name=\"{name}\" value=\"");
    let at = html.find(&marker).expect("the field") + marker.len();
    &html[at..at + html[at..].find('"').unwrap()]
}

/// Every new admin page: signed out → sign-in, admin → the page, every other role → 403;
/// a POST by any other role changes nothing.
async fn the_new_admin_routes_are_for_admins_only(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let pages = [
        format!("/staff/admin/programs/{PROGRAM_A}/rename"),
        format!("/staff/admin/programs/{PROGRAM_A}/archive"),
        format!("/staff/admin/programs/{PROGRAM_A}/restore"),
        format!("/staff/admin/circles/{CIRCLE_A1}/rename"),
        format!("/staff/admin/circles/{CIRCLE_A1}/archive"),
        format!("/staff/admin/circles/{CIRCLE_A1}/restore"),
        "/staff/admin/privacy".to_owned(),
    ];
    let mut jars = vec![Jar::default()];
    for email in [ADMIN, MANAGER_A, MANAGER_B, FACILITATOR_A, FUNDER] {
        jars.push(sign_in(&app, email).await);
    }
    let want = [
        Expect::SignIn,
        Expect::Ok,
        Expect::Forbidden,
        Expect::Forbidden,
        Expect::Forbidden,
        Expect::Forbidden,
    ];
    for path in &pages {
        for (who, jar) in jars.iter_mut().enumerate() {
            let page = get(&app, jar, path).await;
            assert_eq!(outcome(&page), want[who], "{path} as #{who}");
        }
    }
    // Every role but the admin: each POST is refused and stores nothing.
    let admin_token = token(&get(&app, &mut jars[1], "/staff/admin").await.body);
    for who in [2, 3, 4, 5] {
        let jar = &mut jars[who];
        let t = token(&get(&app, jar, "/staff").await.body);
        for (path, fields) in [
            (
                format!("/staff/admin/programs/{PROGRAM_A}/rename"),
                vec![("name", "Taken Over")],
            ),
            (
                format!("/staff/admin/circles/{CIRCLE_A1}/rename"),
                vec![("name", "Taken Over")],
            ),
            (
                format!("/staff/admin/circles/{CIRCLE_A1}/archive"),
                vec![("confirm", "yes")],
            ),
            (
                format!("/staff/admin/programs/{PROGRAM_A}/archive"),
                vec![("confirm", "yes")],
            ),
            (
                "/staff/admin/privacy/preview".to_owned(),
                vec![("manager_threshold", "9")],
            ),
            (
                "/staff/admin/privacy".to_owned(),
                vec![("manager_threshold", "9")],
            ),
        ] {
            let mut fields = fields.clone();
            fields.push(("authenticity_token", &t));
            let refused = post(&app, jar, &path, &fields).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path} as #{who}");
        }
    }
    assert_eq!(program_name(&store, PROGRAM_A).await, "Riverside");
    assert_eq!(circle_name(&store, CIRCLE_A1).await, "Monday Circle");
    let circles = catalog::circles(&store, Some(PROGRAM_A)).await.unwrap();
    assert!(circles.iter().all(|c| !c.archived()));
    let stored: Option<String> =
        sqlx::query_scalar("select value from setting where name = 'privacy.manager_threshold'")
            .fetch_optional(store.pool())
            .await
            .unwrap();
    assert_eq!(stored, None);
    let trail = audit::list(&store, &Filter::default(), 100).await.unwrap();
    assert!(
        trail.iter().all(|e| !matches!(
            e.action,
            Some(
                Action::ProgramRenamed
                    | Action::CircleRenamed
                    | Action::CircleArchived
                    | Action::ProgramArchived
                    | Action::SettingChanged
            )
        )),
        "{trail:?}"
    );

    // Without a valid CSRF token, even the admin changes nothing.
    for fields in [
        vec![("name", "Sneaky")],
        vec![("name", "Sneaky"), ("authenticity_token", "AAAA")],
    ] {
        let refused = post(
            &app,
            &mut jars[1],
            &format!("/staff/admin/circles/{CIRCLE_A1}/rename"),
            &fields,
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    let refused = post(
        &app,
        &mut jars[1],
        &format!("/staff/admin/circles/{CIRCLE_A1}/archive"),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = post(
        &app,
        &mut jars[1],
        "/staff/admin/privacy",
        &[("manager_threshold", "9"), ("confirm", "yes")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(circle_name(&store, CIRCLE_A1).await, "Monday Circle");
    assert!(!catalog::circles(&store, Some(PROGRAM_A)).await.unwrap()[0].archived());
    // The admin's own token still works (the refusals above did not spend it).
    let renamed = post(
        &app,
        &mut jars[1],
        &format!("/staff/admin/circles/{CIRCLE_A1}/rename"),
        &[
            ("name", "Monday Evening"),
            ("authenticity_token", &admin_token),
        ],
    )
    .await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER);
}

/// A rename carries the released history with it (pages and reports show the new name,
/// even for months released under the old one), leaves one audit entry "old → new", and
/// is refused — nothing stored, nothing recorded — when the name is taken.
async fn a_rename_carries_the_history_and_refuses_a_taken_name(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let mut funder = sign_in(&app, FUNDER).await;
    let overview = format!("/staff/programs/{PROGRAM_A}");
    let report = format!("/staff/reports/{QUARTER}");
    // Pages read (and keep) the releases before the rename.
    assert!(
        get(&app, &mut manager, &overview)
            .await
            .body
            .contains("Monday Circle")
    );
    assert!(
        get(&app, &mut funder, &report)
            .await
            .body
            .contains("Riverside")
    );

    let form = get(
        &app,
        &mut admin,
        &format!("/staff/admin/circles/{CIRCLE_A1}/rename"),
    )
    .await;
    assert!(form.body.contains("value=\"Monday Circle\""));
    let t = token(&form.body);
    let path = format!("/staff/admin/circles/{CIRCLE_A1}/rename");
    let fields = [
        ("authenticity_token", t.as_str()),
        ("name", "  Monday Evening "),
    ];
    let renamed = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER);
    assert_eq!(renamed.location.as_deref(), Some("/staff/admin"));
    let shown = get(&app, &mut admin, "/staff/admin").await;
    assert!(
        shown
            .body
            .contains("Renamed “Monday Circle” to “Monday Evening”")
    );
    assert!(
        !get(&app, &mut admin, "/staff/admin")
            .await
            .body
            .contains("Renamed “")
    );
    // Sent again: the name is already there; nothing changes, nothing more is recorded.
    let again = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let trail = entries(&store, Action::CircleRenamed).await;
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0].actor, ADMIN);
    assert_eq!(trail[0].subject, "Monday Evening (Riverside)");
    assert_eq!(trail[0].detail, "Monday Circle → Monday Evening");

    let page = get(&app, &mut manager, &overview).await;
    assert!(page.body.contains("Monday Evening") && !page.body.contains("Monday Circle"));
    let circle = get(
        &app,
        &mut manager,
        &format!("{overview}/circles/{CIRCLE_A1}"),
    )
    .await;
    assert!(circle.body.contains("<h1>Monday Evening"));
    let csv = get(&app, &mut manager, &format!("{overview}/csv")).await;
    assert!(csv.body.contains("Monday Evening") && !csv.body.contains("Monday Circle"));

    // Taken names are refused, in any letter case, and nothing is stored or recorded.
    for (path, name, problem) in [
        (
            format!("/staff/admin/circles/{CIRCLE_A3}/rename"),
            "monday evening",
            "already has a circle named",
        ),
        (
            format!("/staff/admin/programs/{PROGRAM_A}/rename"),
            "Hillside",
            "already a program named",
        ),
        (
            format!("/staff/admin/programs/{PROGRAM_A}/rename"),
            "   ",
            "must not be empty",
        ),
    ] {
        let refused = post(
            &app,
            &mut admin,
            &path,
            &[("authenticity_token", &t), ("name", name)],
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(refused.body.contains(problem), "{name}: {}", refused.body);
        assert!(refused.body.contains("class=\"problem\""));
    }
    assert_eq!(circle_name(&store, CIRCLE_A3).await, "Thursday Circle");
    assert_eq!(program_name(&store, PROGRAM_A).await, "Riverside");
    assert_eq!(entries(&store, Action::CircleRenamed).await.len(), 1);
    assert!(entries(&store, Action::ProgramRenamed).await.is_empty());
    // The same name in another program is fine: names are unique within a program.
    let moved = post(
        &app,
        &mut admin,
        &format!("/staff/admin/circles/{CIRCLE_B1}/rename"),
        &[("authenticity_token", &t), ("name", "Thursday Circle")],
    )
    .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    assert_eq!(circle_name(&store, CIRCLE_B1).await, "Thursday Circle");

    let renamed = post(
        &app,
        &mut admin,
        &format!("/staff/admin/programs/{PROGRAM_A}/rename"),
        &[("authenticity_token", &t), ("name", "Riverbend")],
    )
    .await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER);
    let trail = entries(&store, Action::ProgramRenamed).await;
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].detail, "Riverside → Riverbend");
    let page = get(&app, &mut funder, &report).await;
    assert!(page.body.contains("Riverbend") && !page.body.contains("Riverside"));
    // A facilitator's desk and a manager's page follow the new name.
    let mut facilitator = sign_in(&app, FACILITATOR_A).await;
    assert!(
        get(&app, &mut facilitator, "/staff/sessions")
            .await
            .body
            .contains("Riverbend")
    );
    assert!(
        get(&app, &mut manager, &overview)
            .await
            .body
            .contains("<h1>Riverbend")
    );
    // An unknown id is not found.
    let missing = get(&app, &mut admin, "/staff/admin/circles/999999/rename").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

/// Archiving takes a confirmation page (a POST without it changes nothing); an archived
/// circle takes no new session — not at the desk, not through the catalog — while its
/// history stays on every page, marked; restoring undoes it. One audit entry each.
async fn archiving_takes_a_confirmation_and_stops_new_sessions_only(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let t = token(&get(&app, &mut admin, "/staff/admin").await.body);
    let path = format!("/staff/admin/circles/{CIRCLE_A1}/archive");
    // A session opened before archiving: it runs to its end.
    let new = NewSession::new("Riverside", "Monday Circle", open_day(), None, None, None).unwrap();
    let (running, _) = catalog::open_session(&store, &new).await.unwrap();

    // No confirmation: sent to the confirmation page, nothing changed.
    let unconfirmed = post(&app, &mut admin, &path, &[("authenticity_token", &t)]).await;
    assert_eq!(unconfirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(unconfirmed.location.as_deref(), Some(path.as_str()));
    assert!(!catalog::circles(&store, Some(PROGRAM_A)).await.unwrap()[0].archived());
    let confirm = get(&app, &mut admin, &path).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.body.contains("Archive Monday Circle?"));
    assert!(confirm.body.contains("stops new sessions"));
    assert!(confirm.body.contains("keeps its history"));
    assert!(confirm.body.contains("run to their end"));
    assert!(
        confirm.body.contains(&running.code.to_string()),
        "lists the open session"
    );
    assert!(confirm.body.contains("name=\"confirm\" value=\"yes\""));
    assert!(entries(&store, Action::CircleArchived).await.is_empty());

    let fields = [("authenticity_token", t.as_str()), ("confirm", "yes")];
    let archived = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(archived.status, StatusCode::SEE_OTHER);
    assert_eq!(archived.location.as_deref(), Some("/staff/admin"));
    assert!(
        get(&app, &mut admin, "/staff/admin")
            .await
            .body
            .contains("Archived “Monday Circle”")
    );
    let again = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let trail = entries(&store, Action::CircleArchived).await;
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0].subject, "Monday Circle (Riverside)");
    assert_eq!(trail[0].actor, ADMIN);

    // No new session: the catalog refuses it, with a clear error; the one running runs.
    let refused = catalog::open_session(&store, &new).await.unwrap_err();
    assert!(
        matches!(refused, CatalogError::ArchivedCircle(_)),
        "{refused:?}"
    );
    assert!(refused.to_string().contains("archived"));
    let still = catalog::find_session(&store, &running.code)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        still.state(catalog::now_unix()),
        catalog::SessionState::Open
    );
    // The desk no longer offers it, and refuses it if sent anyway.
    let mut facilitator = sign_in(&app, FACILITATOR_A).await;
    let desk = get(&app, &mut facilitator, "/staff/sessions").await;
    assert!(
        !desk
            .body
            .contains(&format!("<option value=\"{CIRCLE_A1}\""))
    );
    assert!(
        desk.body
            .contains(&format!("<option value=\"{CIRCLE_A3}\""))
    );
    let sessions = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from session")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    let before = sessions().await;
    let today = chrono::Local::now().date_naive().to_string();
    let circle = CIRCLE_A1.to_string();
    let tried = post(
        &app,
        &mut facilitator,
        "/staff/sessions",
        &[
            ("authenticity_token", token(&desk.body).as_str()),
            ("once", hidden(&desk.body, "once")),
            ("circle", &circle),
            ("held_on", &today),
        ],
    )
    .await;
    assert_eq!(tried.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(sessions().await, before);

    // Its history stays, marked archived: catalog, overview, circle page.
    let catalog_page = get(&app, &mut admin, "/staff/admin").await;
    assert!(
        catalog_page
            .body
            .contains("Monday Circle <span class=\"tag\">archived")
    );
    let mut manager = sign_in(&app, MANAGER_A).await;
    let overview = get(&app, &mut manager, &format!("/staff/programs/{PROGRAM_A}")).await;
    assert!(
        overview
            .body
            .contains("Monday Circle</a> <span class=\"tag\">archived</span>")
    );
    let page = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}/circles/{CIRCLE_A1}"),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<span class=\"tag\">archived</span>"));
    assert!(
        page.body.contains("% positive"),
        "its figures are still shown"
    );
    // Releases keep it.
    let cells: i64 = sqlx::query_scalar("select count(*) from release_cell where circle_id = $1")
        .bind(CIRCLE_A1)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(cells > 0);

    // Restore: a confirmation page too; then sessions can be opened again.
    let restore = format!("/staff/admin/circles/{CIRCLE_A1}/restore");
    let page = get(&app, &mut admin, &restore).await;
    assert!(page.body.contains("Restore Monday Circle?"));
    let restored = post(&app, &mut admin, &restore, &fields).await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    post(&app, &mut admin, &restore, &fields).await;
    assert_eq!(entries(&store, Action::CircleRestored).await.len(), 1);
    catalog::open_session(&store, &new).await.unwrap();
    let desk = get(&app, &mut facilitator, "/staff/sessions").await;
    assert!(
        desk.body
            .contains(&format!("<option value=\"{CIRCLE_A1}\""))
    );

    // A program: its circles take no sessions, it takes no new circle, and the funder's
    // report marks it.
    let program = format!("/staff/admin/programs/{PROGRAM_B}/archive");
    let confirm = get(&app, &mut admin, &program).await;
    assert!(confirm.body.contains("none of its 1 circle can open one"));
    post(&app, &mut admin, &program, &fields).await;
    assert_eq!(entries(&store, Action::ProgramArchived).await.len(), 1);
    let new_b = NewSession::new("Hillside", "Hill Circle", open_day(), None, None, None).unwrap();
    assert!(matches!(
        catalog::open_session(&store, &new_b).await,
        Err(CatalogError::ArchivedProgram(_))
    ));
    let added = post(
        &app,
        &mut admin,
        "/staff/admin/circles",
        &[
            ("authenticity_token", &t),
            ("program", &PROGRAM_B.to_string()),
            ("name", "Valley Circle"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(entries(&store, Action::CircleAdded).await.is_empty());
    let mut funder = sign_in(&app, FUNDER).await;
    let report = get(&app, &mut funder, &format!("/staff/reports/{QUARTER}")).await;
    assert!(
        report
            .body
            .contains("Hillside <span class=\"tag\">archived</span>")
    );
    let mut manager_b = sign_in(&app, MANAGER_B).await;
    let overview = get(
        &app,
        &mut manager_b,
        &format!("/staff/programs/{PROGRAM_B}"),
    )
    .await;
    assert!(overview.body.contains("This program was archived on"));
}

/// Adding a program or circle leaves one entry; adding one that exists adds and records
/// nothing; the name of an archived one is refused (restore it instead). The crisis line
/// records its old and new values.
async fn adds_and_the_crisis_line_leave_one_entry_each(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let t = token(&get(&app, &mut admin, "/staff/admin").await.body);
    let add = [("authenticity_token", t.as_str()), ("name", "Lakeside")];
    let added = post(&app, &mut admin, "/staff/admin/programs", &add).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert!(
        get(&app, &mut admin, "/staff/admin")
            .await
            .body
            .contains("Added the program “Lakeside”")
    );
    let again = post(&app, &mut admin, "/staff/admin/programs", &add).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(
        get(&app, &mut admin, "/staff/admin")
            .await
            .body
            .contains("nothing was added")
    );
    let trail = entries(&store, Action::ProgramAdded).await;
    assert_eq!(trail.len(), 1);
    assert_eq!(
        (trail[0].actor.as_str(), trail[0].subject.as_str()),
        (ADMIN, "Lakeside")
    );

    let program = PROGRAM_A.to_string();
    let circle = [
        ("authenticity_token", t.as_str()),
        ("program", program.as_str()),
        ("name", "Friday Circle"),
    ];
    post(&app, &mut admin, "/staff/admin/circles", &circle).await;
    post(&app, &mut admin, "/staff/admin/circles", &circle).await;
    let trail = entries(&store, Action::CircleAdded).await;
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].subject, "Friday Circle (Riverside)");

    // The name of an archived circle: refused, 422, nothing added.
    let tiny = format!("/staff/admin/circles/{CIRCLE_A2}/archive");
    post(
        &app,
        &mut admin,
        &tiny,
        &[("authenticity_token", &t), ("confirm", "yes")],
    )
    .await;
    let count = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from circle")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    let before = count().await;
    let refused = post(
        &app,
        &mut admin,
        "/staff/admin/circles",
        &[
            ("authenticity_token", &t),
            ("program", &program),
            ("name", "Tiny Circle"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("is archived"));
    // The page says where it is put right; the catalog's own message names no page.
    assert!(
        refused
            .body
            .contains("An admin can restore it on the Programs and circles page."),
        "{}",
        refused.body
    );
    assert_eq!(count().await, before);

    // The crisis line: one entry with old → new, none when nothing changed.
    let mut line = vec![("authenticity_token", t.as_str()), ("program", "")];
    line.push(("line.en", "Call 555-0100."));
    post(&app, &mut admin, "/staff/admin/crisis-line", &line).await;
    line[2] = ("line.en", "Call 555-0199.");
    post(&app, &mut admin, "/staff/admin/crisis-line", &line).await;
    post(&app, &mut admin, "/staff/admin/crisis-line", &line).await;
    let trail = entries(&store, Action::SettingChanged).await;
    assert_eq!(trail.len(), 2, "{trail:?}");
    assert_eq!(trail[0].subject, "crisis line (whole organization)");
    assert_eq!(trail[0].detail, "en: “Call 555-0100.” → “Call 555-0199.”");
    assert_eq!(trail[1].detail, "en: (default) → “Call 555-0100.”");
}

/// The settings form's fields, as the page would send them, with some changed.
fn privacy_fields<'a>(t: &'a str, changed: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("authenticity_token", t),
        ("mechanism", "gaussian"),
        ("budget_unit", "rho"),
        ("budget", "1"),
        ("manager_threshold", "5"),
        ("funder_threshold", "11"),
    ];
    for (name, value) in changed {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

async fn stored_settings(store: &Store) -> Vec<(String, String)> {
    sqlx::query_as("select name, value from setting where name like 'privacy.%' order by name")
        .fetch_all(store.pool())
        .await
        .unwrap()
}

/// The "now → new" cells of the preview's accuracy row for a level and n.
fn compared<'a>(html: &'a str, level: &str, n: u32) -> Vec<&'a str> {
    let row = format!("<tr><td>{level}</td><td>{n}</td>");
    let at = html.find(&row).unwrap_or_else(|| panic!("no row {row}")) + row.len();
    let line = &html[at..at + html[at..].find("</tr>").unwrap()];
    line.split("</td>")
        .filter_map(|c| c.rsplit('>').next())
        .filter(|c| c.starts_with('±'))
        .collect()
}

/// The form speaks plain words with floors; a preview shows the accuracy now and with the
/// proposal and changes nothing; only the confirmation saves (post/redirect/get), with
/// one audit entry per changed setting; sent again, it saves and records nothing more.
async fn the_privacy_form_previews_then_saves_once(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut admin, "/staff/admin/privacy").await;
    for words in [
        "<legend>Kind of noise</legend>",
        "Privacy budget, in ρ",
        "at most 10",
        "Smallest group managers see, in responses",
        "At least 3.",
        "a circle&#39;s month",
    ] {
        assert!(page.body.contains(words), "{words}");
    }
    assert!(!page.body.contains("privacy.level_weights"));
    let t = token(&page.body);

    let fields = privacy_fields(&t, &[("manager_threshold", "7"), ("budget", "1/2")]);
    let preview = post(&app, &mut admin, "/staff/admin/privacy/preview", &fields).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.body.contains("Nothing is saved yet"));
    assert!(
        preview
            .body
            .contains("<strong>Smallest group managers see</strong>: 5 responses → 7 responses")
    );
    assert!(
        preview
            .body
            .contains("<strong>Privacy budget</strong>: 1 → 0.5")
    );
    let circle = compared(&preview.body, "a circle&#39;s month", 30);
    assert_eq!(circle.len(), 4, "{circle:?}");
    let (now, new): (f64, f64) = (
        circle[0][2..].parse().unwrap(),
        circle[1][2..].parse().unwrap(),
    );
    assert!(
        new > now * 1.3,
        "half the budget, wider margins: {now} → {new}"
    );
    assert!(preview.body.contains("name=\"confirm\" value=\"yes\""));
    // A preview, and a POST to save without the confirmation, store and record nothing.
    let unconfirmed = post(&app, &mut admin, "/staff/admin/privacy", &fields).await;
    assert_eq!(unconfirmed.status, StatusCode::OK);
    assert!(unconfirmed.body.contains("Nothing is saved yet"));
    assert!(stored_settings(&store).await.is_empty());
    assert!(entries(&store, Action::SettingChanged).await.is_empty());

    let mut confirmed = fields.clone();
    confirmed.push(("confirm", "yes"));
    let saved = post(&app, &mut admin, "/staff/admin/privacy", &confirmed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(saved.location.as_deref(), Some("/staff/admin/privacy"));
    let shown = get(&app, &mut admin, "/staff/admin/privacy").await;
    assert!(shown.body.contains(
        "Saved. Privacy budget: 1 → 0.5; Smallest group managers see: 5 responses → 7 responses."
    ));
    assert!(
        !get(&app, &mut admin, "/staff/admin/privacy")
            .await
            .body
            .contains("Saved.")
    );
    let again = post(&app, &mut admin, "/staff/admin/privacy", &confirmed).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(
        get(&app, &mut admin, "/staff/admin/privacy")
            .await
            .body
            .contains("Nothing to save")
    );
    assert_eq!(
        stored_settings(&store).await,
        vec![
            ("privacy.budget".to_owned(), "1/2".to_owned()),
            ("privacy.manager_threshold".to_owned(), "7".to_owned())
        ]
    );
    let mut trail = entries(&store, Action::SettingChanged).await;
    trail.sort_by(|a, b| a.subject.cmp(&b.subject));
    let seen: Vec<(&str, &str, &str)> = trail
        .iter()
        .map(|e| (e.actor.as_str(), e.subject.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (ADMIN, "privacy.budget", "1 → 1/2"),
            (ADMIN, "privacy.manager_threshold", "5 → 7"),
        ]
    );

    // Invalid values: 422 with each problem in plain words, nothing stored.
    for (changed, problem) in [
        (
            vec![("budget", "abc")],
            "privacy budget must be a number above 0 and at most 10",
        ),
        (
            vec![("budget", "11")],
            "privacy budget must be a number above 0 and at most 10",
        ),
        (
            vec![("manager_threshold", "2")],
            "smallest group managers see must be a whole number of at least 3",
        ),
        (
            vec![("funder_threshold", "")],
            "smallest group funders see must be a whole number of at least 3",
        ),
        (vec![("mechanism", "uniform")], "Choose the kind of noise"),
    ] {
        for path in ["/staff/admin/privacy/preview", "/staff/admin/privacy"] {
            let mut fields = privacy_fields(&t, &changed);
            fields.push(("confirm", "yes"));
            let refused = post(&app, &mut admin, path, &fields).await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {changed:?}"
            );
            assert!(
                refused.body.contains(problem),
                "{problem}: {}",
                refused.body
            );
            assert!(refused.body.contains("Nothing was saved"));
        }
    }
    assert_eq!(stored_settings(&store).await.len(), 2);
    assert_eq!(entries(&store, Action::SettingChanged).await.len(), 2);
}

/// Choosing Laplace noise never reads the ρ budget as ε: the form is refused (422) and
/// comes back in ε, filled with the budget that keeps a circle's month as accurate; the
/// preview of that shows the change of unit; saving records the mechanism and budget.
async fn a_change_of_mechanism_asks_for_the_budget_in_the_new_unit(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let t = token(&get(&app, &mut admin, "/staff/admin/privacy").await.body);
    let switched = privacy_fields(&t, &[("mechanism", "laplace"), ("confirm", "yes")]);
    for path in ["/staff/admin/privacy/preview", "/staff/admin/privacy"] {
        let refused = post(&app, &mut admin, path, &switched).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(
            refused.body.contains("whose budget is counted in ε"),
            "{}",
            refused.body
        );
        assert!(refused.body.contains("Privacy budget, in ε"));
        assert_eq!(hidden(&refused.body, "budget_unit"), "epsilon");
    }
    assert!(stored_settings(&store).await.is_empty());
    assert!(entries(&store, Action::SettingChanged).await.is_empty());

    let refused = post(&app, &mut admin, "/staff/admin/privacy/preview", &switched).await;
    let marker = "id=\"budget\" name=\"budget\" value=\"";
    let at = refused.body.find(marker).unwrap() + marker.len();
    let epsilon = refused.body[at..at + refused.body[at..].find('"').unwrap()].to_owned();
    let suggested: f64 = epsilon.parse().unwrap();
    assert!(suggested > 1.0 && suggested < 10.0, "{epsilon}");
    let fields = privacy_fields(
        &t,
        &[
            ("mechanism", "laplace"),
            ("budget_unit", "epsilon"),
            ("budget", &epsilon),
        ],
    );
    let preview = post(&app, &mut admin, "/staff/admin/privacy/preview", &fields).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview
            .body
            .contains("The kind of noise changes, and with it the budget&#39;s unit")
    );
    assert!(
        preview
            .body
            .contains("Gaussian (budget in ρ) → Laplace (budget in ε)")
    );
    let circle = compared(&preview.body, "a circle&#39;s month", 30);
    let (now, new): (f64, f64) = (
        circle[0][2..].parse().unwrap(),
        circle[1][2..].parse().unwrap(),
    );
    assert!((now - new).abs() < 0.5, "about as accurate: {now} → {new}");
    let mut confirmed = fields.clone();
    confirmed.push(("confirm", "yes"));
    let saved = post(&app, &mut admin, "/staff/admin/privacy", &confirmed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let settings = analytics::budget::load_settings(&store).await.unwrap();
    assert_eq!(settings.mechanism, analytics::budget::Mechanism::Laplace);
    assert_eq!(settings.budget, epsilon.parse().unwrap());
    let mut trail: Vec<String> = entries(&store, Action::SettingChanged)
        .await
        .into_iter()
        .map(|e| format!("{}: {}", e.subject, e.detail))
        .collect();
    trail.sort();
    assert_eq!(
        trail,
        vec![
            format!("privacy.budget: 1 → {}", settings.budget),
            "privacy.mechanism: discrete_gaussian → discrete_laplace".to_owned(),
        ]
    );
}

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");

fn hearth(db: &TestDb, args: &[&str]) -> std::process::Output {
    std::process::Command::new(HEARTH)
        .args(args)
        .env("HEARTH_DATABASE_URL", &db.url)
        .env("HEARTH_BASE_URL", "https://feedback.example.org/")
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

/// The command line: `hearth privacy set` records its change as the command line's, and
/// says so when a change of mechanism changes the budget's unit; `hearth session open`
/// refuses an archived circle with a clear error.
async fn the_command_line_records_and_refuses_archived_circles(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let out = hearth(db, &["privacy", "set", "privacy.manager_threshold", "6"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let trail = entries(&store, Action::SettingChanged).await;
    assert_eq!(trail.len(), 1);
    assert_eq!(
        (trail[0].actor.as_str(), trail[0].detail.as_str()),
        ("(command line)", "5 → 6")
    );
    let out = hearth(db, &["privacy", "set", "privacy.mechanism", "laplace"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("is now read in epsilon (it was in rho)")
    );

    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let t = token(&get(&app, &mut admin, "/staff/admin").await.body);
    post(
        &app,
        &mut admin,
        &format!("/staff/admin/circles/{CIRCLE_A3}/archive"),
        &[("authenticity_token", &t), ("confirm", "yes")],
    )
    .await;
    let out = hearth(
        db,
        &[
            "session",
            "open",
            "--program",
            "Riverside",
            "--circle",
            "Thursday Circle",
            "--date",
            "2026-11-20",
        ],
    );
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("“Thursday Circle” is archived: it takes no new sessions"),
        "{said}"
    );
    assert!(said.contains("Programs and circles page"), "{said}");
}

on_both_stores!(
    the_new_admin_routes_are_for_admins_only,
    a_rename_carries_the_history_and_refuses_a_taken_name,
    archiving_takes_a_confirmation_and_stops_new_sessions_only,
    adds_and_the_crisis_line_leave_one_entry_each,
    the_privacy_form_previews_then_saves_once,
    a_change_of_mechanism_asks_for_the_budget_in_the_new_unit,
    the_command_line_records_and_refuses_archived_circles,
);
