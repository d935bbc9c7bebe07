//! Alerts, actions and "you said, we did" (issue 11) through the real router, on SQLite and
//! PostgreSQL: who may open the new pages and send the new forms, CSRF, post/redirect/get,
//! confirmation before archiving, one audit entry per change, 422 with nothing stored for
//! bad input, and the published line on the form and thanks page of its circle only. The
//! statistics (false alarms and power, by simulation) are tested in analytics/src/alerts.rs.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode;
use chrono::NaiveDate;
use common::TestDb;
use common::staff::*;
use domain::Store;
use domain::actions::{self, Draft};
use domain::audit::{self, Action, Actor, Filter};
use domain::catalog::{self, NewSession};

async fn entries(store: &Store, action: Action) -> Vec<audit::Stored> {
    let filter = Filter {
        action: Some(action),
        ..Filter::default()
    };
    audit::list(store, &filter, 100).await.unwrap()
}

async fn count(store: &Store, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// An action of program A's busy circle, recorded directly.
async fn seeded_action(store: &Store) -> ActionId {
    let draft = Draft {
        circle_id: Some(CIRCLE_A1),
        body: "We read the ground rules at the start".into(),
        taken_on: NaiveDate::from_ymd_opt(2026, 8, 5).unwrap(),
    };
    actions::record(store, PROGRAM_A, &draft, Actor::CommandLine)
        .await
        .unwrap()
}

/// Signed out → sign-in; program A's manager and admins → the page; program B's manager,
/// facilitators and funders → 403; their POSTs change nothing and leave no entry.
async fn action_pages_are_for_the_programs_manager_and_admins(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let id = seeded_action(&store).await;
    let app = router(&store).await;
    let base = format!("/staff/programs/{PROGRAM_A}/actions");
    let pages = [
        base.clone(),
        format!("{base}/{id}"),
        format!("{base}/{id}/archive"),
    ];
    let mut jars = vec![Jar::default()];
    for email in [ADMIN, MANAGER_A, MANAGER_B, FACILITATOR_A, FUNDER] {
        jars.push(sign_in(&app, email).await);
    }
    let want = [
        Expect::SignIn,
        Expect::Ok,
        Expect::Ok,
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
    let before = count(&store, "select count(*) from staff_audit").await;
    for who in [3, 4, 5] {
        let jar = &mut jars[who];
        let t = token(&get(&app, jar, "/staff").await.body);
        for (path, fields) in [
            (
                base.clone(),
                vec![("body", "Taken over"), ("taken_on", "2026-08-01")],
            ),
            (
                format!("{base}/{id}"),
                vec![("body", "Taken over"), ("taken_on", "2026-08-01")],
            ),
            (format!("{base}/{id}/publish"), vec![("line_en", "Hello")]),
            (format!("{base}/{id}/archive"), vec![("confirm", "yes")]),
        ] {
            let mut fields = fields;
            fields.push(("authenticity_token", t.as_str()));
            let page = post(&app, jar, &path, &fields).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "{path} as #{who}");
        }
    }
    assert_eq!(count(&store, "select count(*) from action_taken").await, 1);
    let kept = actions::find(&store, PROGRAM_A, id).await.unwrap().unwrap();
    assert_eq!(kept.body, "We read the ground rules at the start");
    assert!(!kept.archived() && !kept.published());
    assert_eq!(
        count(&store, "select count(*) from staff_audit").await,
        before
    );
    // An action of program A is not found under program B, even by an admin.
    let page = get(
        &app,
        &mut jars[1],
        &format!("/staff/programs/{PROGRAM_B}/actions/{id}"),
    )
    .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
}

/// Every new form refuses a POST without its CSRF token and stores nothing.
async fn every_new_form_needs_its_csrf_token(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let id = seeded_action(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let base = format!("/staff/programs/{PROGRAM_A}/actions");
    for (path, fields) in [
        (
            base.clone(),
            vec![("body", "New"), ("taken_on", "2026-08-01")],
        ),
        (
            format!("{base}/{id}"),
            vec![("body", "Changed"), ("taken_on", "2026-08-01")],
        ),
        (format!("{base}/{id}/publish"), vec![("line_en", "Hello")]),
        (format!("{base}/{id}/archive"), vec![("confirm", "yes")]),
    ] {
        let page = post(&app, &mut manager, &path, &fields).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
        assert!(page.body.contains("This form has expired"), "{path}");
    }
    assert_eq!(count(&store, "select count(*) from action_taken").await, 1);
    let kept = actions::find(&store, PROGRAM_A, id).await.unwrap().unwrap();
    assert!(!kept.archived() && !kept.published());
    assert_eq!(kept.body, "We read the ground rules at the start");
}

/// A manager records, edits, publishes and archives an action: each a POST that redirects,
/// shows its note once, leaves exactly one audit entry, and does nothing when sent again;
/// bad input is 422 with nothing stored.
async fn an_action_is_recorded_changed_published_and_archived_once_each(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut m = sign_in(&app, MANAGER_A).await;
    let base = format!("/staff/programs/{PROGRAM_A}/actions");
    let t = token(&get(&app, &mut m, &base).await.body);
    let circle = CIRCLE_A1.to_string();

    // Bad input: 422, the problem shown, the typed text kept, nothing stored.
    for (fields, problem) in [
        (
            vec![
                ("circle", circle.as_str()),
                ("body", "  "),
                ("taken_on", "2026-08-03"),
            ],
            "Write what was done.",
        ),
        (
            vec![
                ("circle", circle.as_str()),
                ("body", "Ground rules"),
                ("taken_on", "3 August"),
            ],
            "Give the day the action was taken",
        ),
        (
            vec![
                ("circle", "2021"),
                ("body", "Ground rules"),
                ("taken_on", "2026-08-03"),
            ],
            "Choose one of the program",
        ),
    ] {
        let mut fields = fields;
        fields.push(("authenticity_token", t.as_str()));
        let page = post(&app, &mut m, &base, &fields).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains(problem), "{problem}: {}", page.body);
    }
    assert_eq!(count(&store, "select count(*) from action_taken").await, 0);
    assert!(entries(&store, Action::ActionRecorded).await.is_empty());

    // Recorded: redirect to its page, the note shown once, one entry.
    let fields = [
        ("authenticity_token", t.as_str()),
        ("circle", circle.as_str()),
        ("body", "We start every meeting by reading the ground rules"),
        ("taken_on", "2026-07-03"),
    ];
    let done = post(&app, &mut m, &base, &fields).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let at = done.location.unwrap();
    assert!(at.starts_with(&format!("{base}/")), "{at}");
    let id: ActionId = at.rsplit('/').next().unwrap().parse().unwrap();
    let page = get(&app, &mut m, &at).await;
    assert!(page.body.contains("Recorded the action."));
    assert!(page.body.contains("Before and after"));
    assert!(
        !get(&app, &mut m, &at)
            .await
            .body
            .contains("Recorded the action.")
    );
    let trail = entries(&store, Action::ActionRecorded).await;
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].actor, MANAGER_A);
    assert_eq!(
        trail[0].subject,
        "action of 2026-07-03 for Monday Circle (Riverside)"
    );

    // The seeded releases hold July–September only: nothing released before July.
    assert!(page.body.contains("Too little released data to tell yet"));

    // Changed: one entry; the same form again changes nothing.
    let t = token(&page.body);
    let edit = [
        ("authenticity_token", t.as_str()),
        ("circle", circle.as_str()),
        ("body", "We read the ground rules and check out at the end"),
        ("taken_on", "2026-07-03"),
    ];
    for _ in 0..2 {
        let page = post(&app, &mut m, &at, &edit).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert_eq!(page.location.as_deref(), Some(at.as_str()));
    }
    assert!(
        get(&app, &mut m, &at)
            .await
            .body
            .contains("already as written: nothing changed")
    );
    assert_eq!(entries(&store, Action::ActionChanged).await.len(), 1);
    let bad = [
        ("authenticity_token", t.as_str()),
        ("circle", circle.as_str()),
        ("body", "x"),
        ("taken_on", "2099-01-01"),
    ];
    let refused = post(&app, &mut m, &at, &bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("at most a year from today"));
    let kept = actions::find(&store, PROGRAM_A, id).await.unwrap().unwrap();
    assert_eq!(
        kept.body,
        "We read the ground rules and check out at the end"
    );

    // Published: a line with a figure is refused; a plain one is published once.
    let publish = format!("{at}/publish");
    let figure = [
        ("authenticity_token", t.as_str()),
        ("line_en", "Belonging rose to 80%!"),
        ("line_es", ""),
    ];
    let refused = post(&app, &mut m, &publish, &figure).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("may not say how many said something"));
    assert!(refused.body.contains("Belonging rose to 80%!"));
    assert!(entries(&store, Action::ActionPublished).await.is_empty());
    let line = [
        ("authenticity_token", t.as_str()),
        (
            "line_en",
            "You told us meetings felt rushed. We now keep ten minutes for check-out.",
        ),
        (
            "line_es",
            "Nos dijeron que las reuniones iban con prisa. Ahora dejamos diez minutos al final.",
        ),
    ];
    for _ in 0..2 {
        let page = post(&app, &mut m, &publish, &line).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(entries(&store, Action::ActionPublished).await.len(), 1);

    // Participants of that circle see it, in their language; another circle's do not.
    let held = today();
    let new = NewSession::new("Riverside", "Monday Circle", held, None, None, None).unwrap();
    let (own, _) = catalog::open_session(&store, &new).await.unwrap();
    let new = NewSession::new("Riverside", "Thursday Circle", held, None, None, None).unwrap();
    let (other, _) = catalog::open_session(&store, &new).await.unwrap();
    let mut visitor = Jar::default();
    let form = get(&app, &mut visitor, &format!("/s/{}", own.code)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("You said, we did"));
    assert!(form.body.contains("We now keep ten minutes for check-out."));
    let spanish = get(&app, &mut visitor, &format!("/s/{}?lang=es", own.code)).await;
    assert!(
        spanish
            .body
            .contains("Ahora dejamos diez minutos al final.")
    );
    let thanks = get(&app, &mut visitor, &format!("/s/{}/thanks", own.code)).await;
    assert!(
        thanks
            .body
            .contains("We now keep ten minutes for check-out.")
    );
    for path in [
        format!("/s/{}", other.code),
        format!("/s/{}/thanks", other.code),
    ] {
        let page = get(&app, &mut visitor, &path).await;
        assert!(!page.body.contains("You said, we did"), "{path}");
        assert!(!page.body.contains("check-out"), "{path}");
    }

    // Archived: the POST alone only leads to the confirmation; confirmed, once.
    let archive = format!("{at}/archive");
    let unconfirmed = post(
        &app,
        &mut m,
        &archive,
        &[("authenticity_token", t.as_str())],
    )
    .await;
    assert_eq!(unconfirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(unconfirmed.location.as_deref(), Some(archive.as_str()));
    assert!(entries(&store, Action::ActionArchived).await.is_empty());
    let ask = get(&app, &mut m, &archive).await;
    assert!(
        ask.body
            .contains("participants of the circle are no longer told about it")
    );
    let confirmed = [("authenticity_token", t.as_str()), ("confirm", "yes")];
    for _ in 0..2 {
        let page = post(&app, &mut m, &archive, &confirmed).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert_eq!(page.location.as_deref(), Some(base.as_str()));
    }
    assert!(
        get(&app, &mut m, &base)
            .await
            .body
            .contains("That action was archived already.")
    );
    assert_eq!(entries(&store, Action::ActionArchived).await.len(), 1);
    let form = get(&app, &mut visitor, &format!("/s/{}", own.code)).await;
    assert!(!form.body.contains("You said, we did"));
    // An archived action can no longer be changed or published.
    assert_eq!(
        post(&app, &mut m, &at, &edit).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post(&app, &mut m, &publish, &line).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(entries(&store, Action::ActionChanged).await.len(), 1);
}

/// A program-wide action cannot be told to participants (it has no one circle).
async fn a_program_wide_action_is_never_shown_to_participants(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let draft = Draft {
        circle_id: None,
        body: "Refresher training for every facilitator".into(),
        taken_on: NaiveDate::from_ymd_opt(2026, 8, 5).unwrap(),
    };
    let id = actions::record(&store, PROGRAM_A, &draft, Actor::CommandLine)
        .await
        .unwrap();
    let app = router(&store).await;
    let mut m = sign_in(&app, MANAGER_A).await;
    let at = format!("/staff/programs/{PROGRAM_A}/actions/{id}");
    let page = get(&app, &mut m, &at).await;
    assert!(
        page.body
            .contains("Only an action for one circle can be told to participants")
    );
    // August: the released July against the released September, in words.
    assert!(
        page.body.contains("positive in July 2026 and about"),
        "{}",
        page.body
    );
    assert!(page.body.contains("% in September 2026."));
    let t = token(&page.body);
    let refused = post(
        &app,
        &mut m,
        &format!("{at}/publish"),
        &[
            ("authenticity_token", t.as_str()),
            ("line_en", "We trained"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(entries(&store, Action::ActionPublished).await.is_empty());
    // Marked on the program's overview among its actions.
    let overview = get(&app, &mut m, &format!("/staff/programs/{PROGRAM_A}")).await;
    assert!(
        overview
            .body
            .contains("Refresher training for every facilitator")
    );
}

/// "You said, we did" never tells how many said it, in digits or in words: the field says
/// the rule with examples, and "Half of you said…" (or its Spanish) is refused like "80%"
/// — 422, the line kept as typed, nothing published, no audit entry — while a line with
/// other numbers ("ten minutes") is published.
async fn a_line_saying_half_of_you_is_refused_and_the_field_says_the_rule(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let id = seeded_action(&store).await;
    let app = router(&store).await;
    let mut m = sign_in(&app, MANAGER_A).await;
    let at = format!("/staff/programs/{PROGRAM_A}/actions/{id}");
    let page = get(&app, &mut m, &at).await;
    assert!(
        page.body.contains(
            "Never a figure: no percentage, share or count of people, in digits or in words — not “80%”, “half of you”, “most of you” or “3 in 10”."
        ),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(
            r#"id="line-en" name="line_en" maxlength="200" aria-describedby="line-rule""#
        )
    );
    let t = token(&page.body);
    for (en, es) in [
        (
            "Half of you said meetings felt rushed. We now end on time.",
            "",
        ),
        ("Most of you asked for a check-out round: we added one.", ""),
        (
            "One in five felt judged, so we went over the ground rules.",
            "",
        ),
        (
            "You told us meetings felt rushed. We now end on time.",
            "La mitad de ustedes dijo que las reuniones iban con prisa.",
        ),
    ] {
        let refused = post(
            &app,
            &mut m,
            &format!("{at}/publish"),
            &[
                ("authenticity_token", t.as_str()),
                ("line_en", en),
                ("line_es", es),
            ],
        )
        .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{en} {es}"
        );
        assert!(
            refused.body.contains("may not say how many said something"),
            "{}",
            refused.body
        );
        assert!(refused.body.contains(en), "the line kept as typed");
    }
    assert!(entries(&store, Action::ActionPublished).await.is_empty());
    let kept = actions::find(&store, PROGRAM_A, id).await.unwrap().unwrap();
    assert!(!kept.published());
    let plain = post(
        &app,
        &mut m,
        &format!("{at}/publish"),
        &[
            ("authenticity_token", t.as_str()),
            (
                "line_en",
                "You told us meetings felt rushed. We now keep ten minutes for check-out.",
            ),
            ("line_es", ""),
        ],
    )
    .await;
    assert_eq!(plain.status, StatusCode::SEE_OTHER);
    assert_eq!(entries(&store, Action::ActionPublished).await.len(), 1);
}

/// Managers and admins see the alerts box on their home page and the overview; with one
/// quarter released it says when alerts start. Facilitators and funders see none.
async fn the_alerts_box_is_on_the_managers_and_admins_pages(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    for email in [ADMIN, MANAGER_A] {
        let mut jar = sign_in(&app, email).await;
        let home = get(&app, &mut jar, "/staff").await;
        assert!(home.body.contains("Needs attention"), "{email}");
        assert!(
            home.body
                .contains("Alerts start once two quarters of months have been released.")
        );
    }
    let mut m = sign_in(&app, MANAGER_A).await;
    for path in [
        format!("/staff/programs/{PROGRAM_A}"),
        format!("/staff/programs/{PROGRAM_A}/circles/{CIRCLE_A1}"),
    ] {
        let page = get(&app, &mut m, &path).await;
        assert!(page.body.contains("Needs attention"), "{path}");
        assert!(page.body.contains("Actions taken"), "{path}");
    }
    for email in [FACILITATOR_A, FUNDER] {
        let mut jar = sign_in(&app, email).await;
        let home = get(&app, &mut jar, "/staff").await;
        assert!(!home.body.contains("Needs attention"), "{email}");
    }
}

on_both_stores!(
    action_pages_are_for_the_programs_manager_and_admins,
    every_new_form_needs_its_csrf_token,
    an_action_is_recorded_changed_published_and_archived_once_each,
    a_program_wide_action_is_never_shown_to_participants,
    the_alerts_box_is_on_the_managers_and_admins_pages,
    a_line_saying_half_of_you_is_refused_and_the_field_says_the_rule,
);
