//! Staff accounts through the real router (no socket), on SQLite and PostgreSQL: changing
//! one's own password, an admin's reset with a one-time password shown once, the forced
//! change that follows, role and program edits, deactivation (refused at once, on every
//! instance), removal behind its confirmation, the last admin kept, the audit entries of
//! each action, and `hearth user add`'s must-change flag.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::Router;
use axum::http::StatusCode;
use collector::Settings;
use common::TestDb;
use common::staff::*;
use dashboards::account::{self, AccountError, NewUser};
use domain::Store;

/// The app with sign-in limits high enough for tests that sign one account in many
/// times (the limits themselves are tested with the defaults, below and in dashboards.rs).
async fn app(store: &Store) -> Router {
    let state = hearth::AppState::new(
        store.clone(),
        Settings::default(),
        "https://hearth.test",
        dashboards::SignInLimits {
            per_account_per_minute: 1000,
            per_device_per_minute: 1000,
            codes_per_minute: 1000,
            ..dashboards::SignInLimits::default()
        },
    )
    .await
    .unwrap();
    hearth::app(state)
}

async fn seeded(db: &TestDb) -> (Store, Router) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = app(&store).await;
    (store, app)
}

async fn id_of(store: &Store, email: &str) -> StaffId {
    sqlx::query_scalar("select id from staff_user where email = $1")
        .bind(email)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// (role, program id, active, must change) of an account, or `None` when it is gone.
async fn standing(store: &Store, email: &str) -> Option<(String, Option<ProgramId>, i32, i32)> {
    sqlx::query_as(
        "select role, program_id, active, must_change_password from staff_user where email = $1",
    )
    .bind(email)
    .fetch_optional(store.pool())
    .await
    .unwrap()
}

async fn hash_of(store: &Store, email: &str) -> String {
    sqlx::query_scalar("select password_hash from staff_user where email = $1")
        .bind(email)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn count(store: &Store, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Audit entries of one action, as (actor, subject, detail).
async fn audit(store: &Store, action: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "select actor, subject, detail from staff_audit where action = $1 order by at_ms, id",
    )
    .bind(action)
    .fetch_all(store.pool())
    .await
    .unwrap()
}

async fn audit_total(store: &Store) -> i64 {
    count(store, "select count(*) from staff_audit").await
}

/// The one-time password a page shows, if it shows one.
fn one_time(html: &str) -> Option<String> {
    let marker = "class=\"one-time-password\">";
    let at = html.find(marker)? + marker.len();
    Some(html[at..at + html[at..].find('<')?].to_owned())
}

fn hidden<'a>(html: &'a str, name: &str) -> &'a str {
    let marker = format!("name=\"{name}\" value=\"");
    let at = html.find(&marker).expect(name) + marker.len();
    &html[at..at + html[at..].find('"').unwrap()]
}

/// A page's token, read from a fresh GET of `path`.
async fn token_of(app: &Router, jar: &mut Jar, path: &str) -> String {
    let page = get(app, jar, path).await;
    assert_eq!(page.status, StatusCode::OK, "{path}");
    token(&page.body)
}

/// Sends a confirmation page's own form: its token, `confirm` and `once`.
async fn confirm(app: &Router, jar: &mut Jar, path: &str) -> Page {
    let page = get(app, jar, path).await;
    assert_eq!(page.status, StatusCode::OK, "{path}");
    let once = hidden(&page.body, "once").to_owned();
    post(
        app,
        jar,
        path,
        &[
            ("authenticity_token", &token(&page.body)),
            ("confirm", "yes"),
            ("once", &once),
        ],
    )
    .await
}

async fn sign_in_with(app: &Router, email: &str, password: &str) -> Page {
    let mut jar = Jar::default();
    let t = token_of(app, &mut jar, "/staff/sign-in").await;
    post(
        app,
        &mut jar,
        "/staff/sign-in",
        &[
            ("authenticity_token", &t),
            ("email", email),
            ("password", password),
        ],
    )
    .await
}

fn to_sign_in(page: &Page) -> bool {
    page.status == StatusCode::SEE_OTHER
        && page
            .location
            .as_deref()
            .is_some_and(|l| l.starts_with("/staff/sign-in"))
}

use Expect::*;

/// The new pages, for every role and signed out; and the new forms, posted by every role
/// but an admin, are refused and change nothing.
async fn the_account_pages_follow_the_role_matrix(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let target = id_of(&store, MANAGER_B).await;
    let edit = format!("/staff/admin/users/{target}");
    let reset = format!("{edit}/reset-password");
    let deactivate = format!("{edit}/deactivate");
    let remove = format!("{edit}/remove");
    let reset_factor = format!("{edit}/reset-second-factor");
    //            path           signed out  admin  manager A  manager B  facilitator A  funder
    let matrix: [(&str, [Expect; 6]); 7] = [
        ("/staff/account", [SignIn, Ok, Ok, Ok, Ok, Ok]),
        ("/staff/account/second-factor", [SignIn, Ok, Ok, Ok, Ok, Ok]),
        (
            &reset_factor,
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            &edit,
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            &reset,
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            &deactivate,
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            &remove,
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
    ];
    let mut jars = vec![Jar::default()];
    for email in [ADMIN, MANAGER_A, MANAGER_B, FACILITATOR_A, FUNDER] {
        jars.push(sign_in(&app, email).await);
    }
    // Manager B has an authenticator app (so an admin's reset page has something to reset).
    sqlx::query(
        "insert into staff_totp (user_id, secret, confirmed, last_step) values ($1, $2, 1, 0)",
    )
    .bind(target)
    .bind(format!("plain:{}", "31".repeat(20)))
    .execute(store.pool())
    .await
    .unwrap();
    let mut checked = 0;
    for (path, expected) in &matrix {
        for (who, (jar, want)) in jars.iter_mut().zip(expected).enumerate() {
            let page = get(&app, jar, path).await;
            let got = match page.status {
                StatusCode::OK => Ok,
                StatusCode::FORBIDDEN => Forbidden,
                _ if to_sign_in(&page) => SignIn,
                other => panic!("{path} as #{who}: unexpected {other}"),
            };
            assert_eq!(got, *want, "{path} as #{who}");
            checked += 1;
        }
    }
    assert_eq!(checked, 42);
    // An action the account pages do not have is not found, for the admin too.
    let unknown = get(&app, &mut jars[1], &format!("{edit}/promote")).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    // Every page's navigation leads to "Your account".
    let home = get(&app, &mut jars[4], "/staff").await;
    assert!(home.body.contains("href=\"/staff/account\""));

    // The admin forms, posted by a non-admin with a valid token: 403, nothing changed.
    let before = standing(&store, MANAGER_B).await;
    let hash = hash_of(&store, MANAGER_B).await;
    let entries = audit_total(&store).await;
    let program = PROGRAM_A.to_string();
    for jar in &mut jars[2..] {
        let t = token_of(&app, jar, "/staff/account").await;
        for (path, fields) in [
            (edit.as_str(), vec![("role", "admin"), ("program", "")]),
            (reset.as_str(), vec![("confirm", "yes")]),
            (deactivate.as_str(), vec![("confirm", "yes")]),
            (&format!("{edit}/reactivate"), vec![]),
            (remove.as_str(), vec![("confirm", "yes")]),
            (reset_factor.as_str(), vec![("confirm", "yes")]),
            ("/staff/admin/second-factor", vec![("required", "yes")]),
            (
                "/staff/admin/users",
                vec![
                    ("email", "sneaky@test.hearth"),
                    ("role", "admin"),
                    ("program", &program),
                ],
            ),
        ] {
            let mut fields = fields;
            fields.push(("authenticity_token", &t));
            let refused = post(&app, jar, path, &fields).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}");
        }
    }
    assert_eq!(standing(&store, MANAGER_B).await, before);
    assert_eq!(hash_of(&store, MANAGER_B).await, hash);
    assert!(standing(&store, "sneaky@test.hearth").await.is_none());
    assert_eq!(audit_total(&store).await, entries);
    assert_eq!(
        count(
            &store,
            "select count(*) from staff_totp where confirmed = 1"
        )
        .await,
        1,
        "manager B's app is still there"
    );
    assert_eq!(count(&store, "select count(*) from staff_policy").await, 0);
}

/// Every new form needs the CSRF token: without it, or with another browser's, nothing
/// changes and nothing is recorded.
async fn the_account_forms_are_csrf_guarded(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let mut other = Jar::default();
    let foreign = token_of(&app, &mut other, "/staff/sign-in").await;
    let target = id_of(&store, FUNDER).await;
    let edit = format!("/staff/admin/users/{target}");
    let before = standing(&store, FUNDER).await;
    let hash = hash_of(&store, FUNDER).await;
    let admin_hash = hash_of(&store, ADMIN).await;
    let entries = audit_total(&store).await;
    for path in [
        "/staff/account".to_owned(),
        "/staff/admin/users".to_owned(),
        edit.clone(),
        format!("{edit}/reset-password"),
        format!("{edit}/deactivate"),
        format!("{edit}/reactivate"),
        format!("{edit}/remove"),
        format!("{edit}/reset-second-factor"),
        "/staff/admin/second-factor".to_owned(),
        "/staff/account/second-factor".to_owned(),
        "/staff/account/second-factor/confirm".to_owned(),
        "/staff/account/second-factor/remove".to_owned(),
    ] {
        for token in [None, Some("AAAA"), Some(foreign.as_str())] {
            let mut fields = vec![
                ("confirm", "yes"),
                ("role", "manager"),
                ("program", "202"),
                ("email", "csrf@test.hearth"),
                ("current", PASSWORD),
                ("new", "a brand new password"),
                ("again", "a brand new password"),
                ("required", "yes"),
                ("code", "123456"),
            ];
            if let Some(t) = token {
                fields.push(("authenticity_token", t));
            }
            let refused = post(&app, &mut admin, &path, &fields).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path} {token:?}");
            assert!(refused.body.contains("This form has expired"));
        }
    }
    assert_eq!(standing(&store, FUNDER).await, before);
    assert_eq!(hash_of(&store, FUNDER).await, hash);
    assert_eq!(hash_of(&store, ADMIN).await, admin_hash);
    assert!(standing(&store, "csrf@test.hearth").await.is_none());
    assert_eq!(audit_total(&store).await, entries);
    assert_eq!(count(&store, "select count(*) from staff_totp").await, 0);
    assert_eq!(count(&store, "select count(*) from staff_policy").await, 0);
}

/// Any role changes its own password with the current one and the new one twice; bad
/// input is refused with a message and changes nothing; the change ends the account's
/// other sign-in sessions, is noted once, and is recorded once.
async fn changing_ones_own_password_ends_the_other_sessions(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let mut here = sign_in(&app, FACILITATOR_A).await;
    let mut elsewhere = sign_in(&app, FACILITATOR_A).await;
    let mut colleague = sign_in(&app, MANAGER_A).await;
    let hash = hash_of(&store, FACILITATOR_A).await;
    let page = get(&app, &mut here, "/staff/account").await;
    assert!(page.body.contains("Change your password"));
    assert!(page.body.contains("autocomplete=\"current-password\""));
    let t = token(&page.body);
    let new = "my own quiet password";
    for (current, first, again, says) in [
        ("", new, new, "Fill in all three fields"),
        (PASSWORD, new, "my own quiet passwort", "not the same"),
        (PASSWORD, "too short", "too short", "12 to 256 characters"),
        (PASSWORD, PASSWORD, PASSWORD, "must differ"),
        (
            "not my password!",
            new,
            new,
            "current password is not right",
        ),
    ] {
        let refused = post(
            &app,
            &mut here,
            "/staff/account",
            &[
                ("authenticity_token", &t),
                ("current", current),
                ("new", first),
                ("again", again),
            ],
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        assert!(refused.body.contains(says), "{says}: {}", refused.body);
        assert!(refused.body.contains("class=\"problem\""));
    }
    assert_eq!(hash_of(&store, FACILITATOR_A).await, hash);
    assert!(audit(&store, "password_changed").await.is_empty());

    let fields = [
        ("authenticity_token", t.as_str()),
        ("current", PASSWORD),
        ("new", new),
        ("again", new),
    ];
    let changed = post(&app, &mut here, "/staff/account", &fields).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(changed.location.as_deref(), Some("/staff/account"));
    let shown = get(&app, &mut here, "/staff/account").await;
    assert!(shown.body.contains("Your password was changed"));
    let again = get(&app, &mut here, "/staff/account").await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(!again.body.contains("Your password was changed"));
    // This browser carries on; the other one is signed out; a colleague is not.
    assert_eq!(
        get(&app, &mut here, "/staff/sessions").await.status,
        StatusCode::OK
    );
    assert!(to_sign_in(
        &get(&app, &mut elsewhere, "/staff/sessions").await
    ));
    assert_eq!(
        get(&app, &mut colleague, "/staff/sessions").await.status,
        StatusCode::OK
    );
    // Sent again (a reload of the POST): the old password is no longer current.
    let resent = post(&app, &mut here, "/staff/account", &fields).await;
    assert_eq!(resent.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        audit(&store, "password_changed").await,
        [(
            FACILITATOR_A.to_owned(),
            FACILITATOR_A.to_owned(),
            String::new()
        )]
    );
    assert_eq!(
        sign_in_with(&app, FACILITATOR_A, PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in_with(&app, FACILITATOR_A, new).await.status,
        StatusCode::SEE_OTHER
    );
    let stored = hash_of(&store, FACILITATOR_A).await;
    assert!(stored.starts_with("$argon2id$") && !stored.contains(new));
}

/// Guessing the current password on the change form is limited per sign-in session (five
/// a minute): the guesser is signed in already, and their guesses spend nothing of the
/// account's sign-in allowance, so they cannot lock its owner out.
async fn guessing_the_current_password_is_rate_limited(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await; // the default limits
    let mut jar = sign_in(&app, FUNDER).await;
    let t = token_of(&app, &mut jar, "/staff/account").await;
    let guess = |current: &'static str| {
        let (app, t) = (app.clone(), t.clone());
        let mut jar = jar.clone();
        async move {
            post(
                &app,
                &mut jar,
                "/staff/account",
                &[
                    ("authenticity_token", &t),
                    ("current", current),
                    ("new", "a brand new password"),
                    ("again", "a brand new password"),
                ],
            )
            .await
        }
    };
    for _ in 0..5 {
        assert_eq!(
            guess("a wrong guess!").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let limited = guess(PASSWORD).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("Too many attempts"));
    assert!(audit(&store, "password_changed").await.is_empty());
    // The account's sign-in is not touched: from browsers that never signed in to it
    // (the shared allowance, five a minute with the first sign-in above), four more
    // sign-ins in a row still work.
    for _ in 0..4 {
        assert_eq!(
            sign_in_with(&app, FUNDER, PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
    }
    // Another sign-in session of the same account has its own tries. (The shared
    // allowance is spent now; the browser that signed in first has its own.)
    let mut other = Jar::default();
    other.0.insert(
        "hearth_device".into(),
        jar.0.get("hearth_device").expect("a device token").clone(),
    );
    let t = token_of(&app, &mut other, "/staff/sign-in").await;
    let signed = post(
        &app,
        &mut other,
        "/staff/sign-in",
        &[
            ("authenticity_token", &t),
            ("email", FUNDER),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let t = token_of(&app, &mut other, "/staff/account").await;
    let wrong = post(
        &app,
        &mut other,
        "/staff/account",
        &[
            ("authenticity_token", &t),
            ("current", "a wrong guess!"),
            ("new", "a brand new password"),
            ("again", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// An admin resets a password: a confirmation first; then a one-time password shown
/// exactly once, only its hash stored, the account's sessions ended, one audit entry; a
/// re-sent form resets nothing more. Signing in with it leads to the change-password page
/// and nowhere else until the owner has chosen their own.
async fn a_reset_shows_a_one_time_password_once_and_forces_a_change(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let mut facilitator = sign_in(&app, FACILITATOR_A).await;
    let id = id_of(&store, FACILITATOR_A).await;
    let path = format!("/staff/admin/users/{id}/reset-password");
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(users.body.contains(&format!("href=\"{path}\"")));
    let hash = hash_of(&store, FACILITATOR_A).await;

    // The confirmation page says what happens and changes nothing by being seen.
    let ask = get(&app, &mut admin, &path).await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(
        ask.body
            .contains("Reset the password of facilitator-a@test.hearth?")
    );
    assert!(ask.body.contains("shows it to you once"));
    assert!(ask.body.contains("name=\"confirm\" value=\"yes\""));
    // A POST without the page's confirmation is led to it.
    let unasked = post(
        &app,
        &mut admin,
        &path,
        &[("authenticity_token", &token(&ask.body))],
    )
    .await;
    assert_eq!(unasked.status, StatusCode::SEE_OTHER);
    assert_eq!(unasked.location.as_deref(), Some(path.as_str()));
    assert_eq!(hash_of(&store, FACILITATOR_A).await, hash);
    assert!(audit(&store, "password_reset").await.is_empty());

    let fields = [
        ("authenticity_token", token(&ask.body)),
        ("confirm", "yes".to_owned()),
        ("once", hidden(&ask.body, "once").to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location.as_deref(), Some("/staff/admin/users"));
    let shown = get(&app, &mut admin, "/staff/admin/users").await;
    let password = one_time(&shown.body).expect("the one-time password is shown");
    assert!(
        shown
            .body
            .contains("One-time password for facilitator-a@test.hearth")
    );
    assert!(shown.body.contains("shown only this once"));
    assert_eq!(password.len(), 19, "{password}");
    assert!(
        password.split('-').all(|g| g.len() == 4
            && g.bytes()
                .all(|b| b"abcdefghjkmnpqrstuvwxyz23456789".contains(&b))),
        "{password}"
    );
    // Shown once: a reload shows it no more, and the store holds only its hash.
    let reload = get(&app, &mut admin, "/staff/admin/users").await;
    assert_eq!(one_time(&reload.body), None);
    assert!(!reload.body.contains(&password));
    let stored = hash_of(&store, FACILITATOR_A).await;
    assert!(stored.starts_with("$argon2id$") && !stored.contains(&password));
    assert!(account::password_matches(&password, &stored));
    assert_eq!(
        count(
            &store,
            &format!("select count(*) from staff_session where data like '%{password}%'")
        )
        .await,
        0,
        "the one-time password left the session when it was shown"
    );
    // The facilitator's open session ended at once.
    assert!(to_sign_in(
        &get(&app, &mut facilitator, "/staff/sessions").await
    ));
    // The same form sent again resets nothing more.
    let resent = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(resent.status, StatusCode::SEE_OTHER);
    assert_eq!(hash_of(&store, FACILITATOR_A).await, stored);
    assert_eq!(
        one_time(&get(&app, &mut admin, "/staff/admin/users").await.body),
        None
    );
    assert_eq!(
        audit(&store, "password_reset").await,
        [(
            ADMIN.to_owned(),
            FACILITATOR_A.to_owned(),
            "one-time password; must choose their own at next sign-in".to_owned()
        )]
    );

    // The old password no longer works; the one-time one leads to choosing one's own.
    assert_eq!(
        sign_in_with(&app, FACILITATOR_A, PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mut jar = Jar::default();
    let t = token_of(&app, &mut jar, "/staff/sign-in?next=/staff/sessions").await;
    let signed = post(
        &app,
        &mut jar,
        "/staff/sign-in",
        &[
            ("authenticity_token", &t),
            ("email", FACILITATOR_A),
            ("password", &password),
            ("next", "/staff/sessions"),
        ],
    )
    .await;
    assert_eq!(signed.location.as_deref(), Some("/staff/account"));
    forced_change(&app, &store, &mut jar, FACILITATOR_A, &password).await;
}

/// An account that must change its password reaches only the change-password page (and
/// signing out) until it has; choosing its own there opens everything its role allows.
async fn forced_change(app: &Router, store: &Store, jar: &mut Jar, email: &str, password: &str) {
    let page = get(app, jar, "/staff/account").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Choose your own password"));
    assert!(
        !page.body.contains("href=\"/staff/sessions\""),
        "no navigation while the password must change"
    );
    let t = token(&page.body);
    for path in [
        "/staff",
        "/staff/sessions",
        "/staff/reports",
        "/staff/admin/users",
    ] {
        let away = get(app, jar, path).await;
        assert_eq!(away.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(away.location.as_deref(), Some("/staff/account"), "{path}");
    }
    // A form elsewhere does nothing either.
    let sessions = count(store, "select count(*) from session").await;
    let opened = post(
        app,
        jar,
        "/staff/sessions",
        &[
            ("authenticity_token", &t),
            ("circle", &CIRCLE_A1.to_string()),
            ("held_on", &chrono::Local::now().date_naive().to_string()),
        ],
    )
    .await;
    assert_eq!(opened.location.as_deref(), Some("/staff/account"));
    assert_eq!(count(store, "select count(*) from session").await, sessions);
    let t = token_of(app, jar, "/staff/account").await;
    let own = "now truly my own password";
    let changed = post(
        app,
        jar,
        "/staff/account",
        &[
            ("authenticity_token", &t),
            ("current", password),
            ("new", own),
            ("again", own),
        ],
    )
    .await;
    assert_eq!(changed.location.as_deref(), Some("/staff/account"));
    assert_eq!(
        standing(store, email).await.unwrap().3,
        0,
        "the flag is gone"
    );
    let page = get(app, jar, "/staff/account").await;
    assert!(page.body.contains("Your password was changed"));
    assert!(page.body.contains("Your account"));
    assert_eq!(get(app, jar, "/staff").await.status, StatusCode::OK);
    assert_eq!(
        sign_in_with(app, email, own).await.location.as_deref(),
        Some("/staff")
    );
}

/// Signs in with a password through a fresh browser; the browser's cookies and the answer.
async fn signed_in_with(app: &Router, email: &str, password: &str) -> (Jar, Page) {
    let mut jar = Jar::default();
    let t = token_of(app, &mut jar, "/staff/sign-in").await;
    let page = post(
        app,
        &mut jar,
        "/staff/sign-in",
        &[
            ("authenticity_token", &t),
            ("email", email),
            ("password", password),
        ],
    )
    .await;
    (jar, page)
}

/// An admin's reset of `email`, through the confirmation page: the one-time password.
async fn reset_by_admin(app: &Router, store: &Store, admin: &mut Jar, email: &str) -> String {
    let id = id_of(store, email).await;
    let done = confirm(
        app,
        admin,
        &format!("/staff/admin/users/{id}/reset-password"),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    one_time(&get(app, admin, "/staff/admin/users").await.body).expect("shown once")
}

/// A one-time password signs in once: its owner signing out without choosing their own
/// leaves it used up (the sign-in page says to ask an admin for a new reset, which then
/// works), and one older than its lifetime (72 hours) is refused as expired.
async fn a_one_time_password_signs_in_once_and_expires(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let password = reset_by_admin(&app, &store, &mut admin, FACILITATOR_A).await;

    let (mut jar, first) = signed_in_with(&app, FACILITATOR_A, &password).await;
    assert_eq!(first.location.as_deref(), Some("/staff/account"));
    let page = get(&app, &mut jar, "/staff/account").await;
    assert!(page.body.contains("Choose your own password"));
    let out = post(
        &app,
        &mut jar,
        "/staff/sign-out",
        &[("authenticity_token", &token(&page.body))],
    )
    .await;
    assert_eq!(out.location.as_deref(), Some("/staff/sign-in"));

    // Signed out without choosing: the one-time password works no more, and says why.
    let (_, again) = signed_in_with(&app, FACILITATOR_A, &password).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    assert!(
        again
            .body
            .contains("That one-time password has been used already")
            && again
                .body
                .contains("Ask an admin to reset your password again"),
        "{}",
        again.body
    );
    assert!(again.body.contains("It works once, within 72 hours"));
    let failed = audit(&store, "sign_in_failed").await;
    assert_eq!(
        failed.last().map(|(_, _, detail)| detail.as_str()),
        Some("one-time password used already")
    );
    assert_eq!(standing(&store, FACILITATOR_A).await.unwrap().3, 1);
    // Nor from a browser that has signed in with it (its device token is no way around).
    let page = get(&app, &mut jar, "/staff/sign-in").await;
    let refused = post(
        &app,
        &mut jar,
        "/staff/sign-in",
        &[
            ("authenticity_token", &token(&page.body)),
            ("email", FACILITATOR_A),
            ("password", &password),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);

    // The admin resets again: the new one works (once).
    let second = reset_by_admin(&app, &store, &mut admin, FACILITATOR_A).await;
    assert_ne!(second, password);
    let (_, ok) = signed_in_with(&app, FACILITATOR_A, &second).await;
    assert_eq!(ok.location.as_deref(), Some("/staff/account"));

    // One made 72 hours ago is refused as expired; one made 71 hours ago still works.
    let third = reset_by_admin(&app, &store, &mut admin, FACILITATOR_A).await;
    let age = |hours: i64| {
        let store = store.clone();
        async move {
            sqlx::query("update staff_user set one_time_set_at = $1 where email = $2")
                .bind(domain::catalog::now_unix() - hours * 3600)
                .bind(FACILITATOR_A)
                .execute(store.pool())
                .await
                .unwrap();
        }
    };
    age(72).await;
    let (_, expired) = signed_in_with(&app, FACILITATOR_A, &third).await;
    assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
    assert!(
        expired
            .body
            .contains("That one-time password has expired: it worked for 72 hours"),
        "{}",
        expired.body
    );
    age(71).await;
    let (_, fresh) = signed_in_with(&app, FACILITATOR_A, &third).await;
    assert_eq!(fresh.location.as_deref(), Some("/staff/account"));
    // The old password (the account's own before the resets) never came back.
    let (_, old) = signed_in_with(&app, FACILITATOR_A, PASSWORD).await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
}

/// Adding an account: the form starts at the least-privileged role; bad input is refused
/// with its problem and stores nothing; a good one is noted, shows its one-time password
/// once, is recorded once, and its owner must choose their own password.
async fn an_admin_adds_an_account_with_a_one_time_password(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(
        users
            .body
            .contains("<option value=\"facilitator\" selected>facilitator</option>"),
        "the least-privileged role is chosen by default"
    );
    assert_eq!(users.body.matches(" selected>").count(), 1);
    let t = token(&users.body);
    let (a, b) = (PROGRAM_A.to_string(), PROGRAM_B.to_string());
    let accounts = count(&store, "select count(*) from staff_user").await;
    let entries = audit_total(&store).await;
    for (email, role, program, password, says) in [
        (
            "new@test.hearth",
            "manager",
            "",
            "",
            "must belong to a program",
        ),
        (
            "new@test.hearth",
            "facilitator",
            "",
            "",
            "must belong to a program",
        ),
        (
            "new@test.hearth",
            "admin",
            a.as_str(),
            "",
            "leave the program out",
        ),
        ("new@test.hearth", "owner", "", "", "is not a role"),
        ("new@test.hearth", "funder", "999999", "", "does not exist"),
        ("not an email", "funder", "", "", "is not an email address"),
        (
            "new@test.hearth",
            "funder",
            "",
            "short",
            "12 to 256 characters",
        ),
        (MANAGER_B, "funder", "", "", "already exists"),
    ] {
        let refused = post(
            &app,
            &mut admin,
            "/staff/admin/users",
            &[
                ("authenticity_token", &t),
                ("email", email),
                ("role", role),
                ("program", program),
                ("password", password),
            ],
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        assert!(refused.body.contains(says), "{says}");
        assert!(!refused.body.contains("one-time-password\""));
    }
    assert_eq!(
        count(&store, "select count(*) from staff_user").await,
        accounts
    );
    assert_eq!(audit_total(&store).await, entries);

    let fields = [
        ("authenticity_token", t.as_str()),
        ("email", "New@Test.Hearth"),
        ("role", "facilitator"),
        ("program", b.as_str()),
        ("password", ""),
    ];
    let added = post(&app, &mut admin, "/staff/admin/users", &fields).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(added.location.as_deref(), Some("/staff/admin/users"));
    let shown = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(
        shown
            .body
            .contains("Added new@test.hearth as facilitator of Hillside.")
    );
    let password = one_time(&shown.body).expect("a one-time password");
    let reload = get(&app, &mut admin, "/staff/admin/users").await;
    assert_eq!(one_time(&reload.body), None);
    assert!(!reload.body.contains("Added new@test.hearth"));
    // Sent again: the account exists; nothing more is added or recorded.
    let resent = post(&app, &mut admin, "/staff/admin/users", &fields).await;
    assert_eq!(resent.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        audit(&store, "account_added").await,
        [(
            ADMIN.to_owned(),
            "new@test.hearth".to_owned(),
            "role facilitator, program Hillside; must choose their own password at first sign-in"
                .to_owned()
        )]
    );
    assert_eq!(
        standing(&store, "new@test.hearth").await,
        Some(("facilitator".to_owned(), Some(PROGRAM_B), 1, 1))
    );
    let signed = sign_in_with(&app, "new@test.hearth", &password).await;
    assert_eq!(signed.location.as_deref(), Some("/staff/account"));

    // A typed first password must be replaced too; the note says so and shows nothing.
    let typed = post(
        &app,
        &mut admin,
        "/staff/admin/users",
        &[
            ("authenticity_token", &t),
            ("email", "typed@test.hearth"),
            ("role", "funder"),
            ("program", ""),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(typed.status, StatusCode::SEE_OTHER);
    let shown = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(shown.body.contains("Added typed@test.hearth as funder."));
    assert!(shown.body.contains("choose their own"));
    assert_eq!(one_time(&shown.body), None);
    let mut jar = sign_in(&app, "typed@test.hearth").await;
    forced_change(&app, &store, &mut jar, "typed@test.hearth", PASSWORD).await;
}

/// Role and program edits follow the rules of adding, apply to a live session at once,
/// say what changed, and are recorded once with old → new values.
async fn an_admin_changes_roles_and_programs(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let mut facilitator = sign_in(&app, FACILITATOR_A).await;
    let id = id_of(&store, FACILITATOR_A).await;
    let path = format!("/staff/admin/users/{id}");
    let page = get(&app, &mut admin, &path).await;
    assert!(
        page.body
            .contains("<option value=\"facilitator\" selected>")
    );
    assert!(
        page.body
            .contains(&format!("<option value=\"{PROGRAM_A}\" selected>"))
    );
    let t = token(&page.body);
    let (a, b) = (PROGRAM_A.to_string(), PROGRAM_B.to_string());
    let before = standing(&store, FACILITATOR_A).await;
    for (role, program, says) in [
        ("manager", "", "must belong to a program"),
        ("admin", a.as_str(), "leave the program out"),
        ("chief", a.as_str(), "is not a role"),
        ("manager", "999999", "does not exist"),
    ] {
        let refused = post(
            &app,
            &mut admin,
            &path,
            &[
                ("authenticity_token", &t),
                ("role", role),
                ("program", program),
            ],
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        assert!(refused.body.contains(says), "{says}");
        // The form keeps what was chosen.
        assert!(
            refused
                .body
                .contains(&format!("<option value=\"{role}\" selected>"))
                || role == "chief"
        );
    }
    assert_eq!(standing(&store, FACILITATOR_A).await, before);
    assert!(audit(&store, "account_changed").await.is_empty());

    // Unchanged: a note, no entry.
    let same = post(
        &app,
        &mut admin,
        &path,
        &[
            ("authenticity_token", &t),
            ("role", "facilitator"),
            ("program", &a),
        ],
    )
    .await;
    assert_eq!(same.status, StatusCode::SEE_OTHER);
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(
        users
            .body
            .contains("Nothing was changed for facilitator-a@test.hearth.")
    );
    assert!(audit(&store, "account_changed").await.is_empty());

    assert_eq!(
        get(
            &app,
            &mut facilitator,
            &format!("/staff/programs/{PROGRAM_A}")
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let fields = [
        ("authenticity_token", t.as_str()),
        ("role", "manager"),
        ("program", b.as_str()),
    ];
    let changed = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(changed.location.as_deref(), Some("/staff/admin/users"));
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(users.body.contains(
        "Changed facilitator-a@test.hearth: role facilitator → manager, program Riverside → Hillside."
    ));
    // Sent again: nothing more to change, nothing more recorded.
    let resent = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(resent.status, StatusCode::SEE_OTHER);
    assert_eq!(
        audit(&store, "account_changed").await,
        [(
            ADMIN.to_owned(),
            FACILITATOR_A.to_owned(),
            "role facilitator → manager, program Riverside → Hillside".to_owned()
        )]
    );
    // Their open session follows the new role at once.
    assert_eq!(
        get(
            &app,
            &mut facilitator,
            &format!("/staff/programs/{PROGRAM_B}")
        )
        .await
        .status,
        StatusCode::OK
    );
    // A funder of one program becomes a funder of all: "program Hillside → none".
    let funder = id_of(&store, FUNDER).await;
    sqlx::query("update staff_user set program_id = $1 where id = $2")
        .bind(PROGRAM_B)
        .bind(funder)
        .execute(store.pool())
        .await
        .unwrap();
    let to_all = post(
        &app,
        &mut admin,
        &format!("/staff/admin/users/{funder}"),
        &[
            ("authenticity_token", &t),
            ("role", "funder"),
            ("program", ""),
        ],
    )
    .await;
    assert_eq!(to_all.status, StatusCode::SEE_OTHER);
    assert_eq!(
        audit(&store, "account_changed").await[1].2,
        "program Hillside → none"
    );
    assert_eq!(
        get(&app, &mut admin, "/staff/admin/users/99").await.status,
        StatusCode::NOT_FOUND
    );
}

/// There is always an active admin: the last one cannot be demoted, deactivated or
/// removed (a deactivated admin does not count), with a clear message and nothing changed.
async fn the_last_active_admin_is_kept(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let me = id_of(&store, ADMIN).await;
    let path = format!("/staff/admin/users/{me}");
    let t = token_of(&app, &mut admin, &path).await;
    let demote = |admin: &Jar| {
        let (app, t, path) = (app.clone(), t.clone(), path.clone());
        let mut jar = admin.clone();
        async move {
            let fields = [
                ("authenticity_token", t.as_str()),
                ("role", "funder"),
                ("program", ""),
            ];
            post(&app, &mut jar, &path, &fields).await
        }
    };
    let refused = demote(&admin).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(
        "There must always be an active admin, and admin@test.hearth is the only one. Make another account an admin first."
    ));
    // One's own account cannot be deactivated or removed from the pages at all.
    for action in ["deactivate", "remove"] {
        let own = format!("{path}/{action}");
        assert_eq!(
            get(&app, &mut admin, &own).await.status,
            StatusCode::BAD_REQUEST
        );
        let tried = post(
            &app,
            &mut admin,
            &own,
            &[("authenticity_token", &t), ("confirm", "yes")],
        )
        .await;
        assert_eq!(tried.status, StatusCode::BAD_REQUEST);
        assert!(tried.body.contains("Ask another admin"));
    }
    // Nor by any other way in.
    assert!(matches!(
        account::set_active(&store, "someone", me, false).await,
        Err(AccountError::LastAdmin(_))
    ));
    assert!(matches!(
        account::remove_account(&store, "someone", me).await,
        Err(AccountError::LastAdmin(_))
    ));
    assert_eq!(
        standing(&store, ADMIN).await,
        Some(("admin".to_owned(), None, 1, 0))
    );
    assert!(audit(&store, "account_changed").await.is_empty());
    assert!(audit(&store, "account_deactivated").await.is_empty());
    assert!(audit(&store, "account_removed").await.is_empty());

    // A second admin, deactivated, does not count; reactivated, it does.
    let second = account::add_user(
        &store,
        &NewUser::new("second@test.hearth", "admin", None).unwrap(),
        PASSWORD.into(),
    )
    .await
    .unwrap();
    let done = confirm(
        &app,
        &mut admin,
        &format!("/staff/admin/users/{}/deactivate", second.id),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(
        demote(&admin).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let back = post(
        &app,
        &mut admin,
        &format!("/staff/admin/users/{}/reactivate", second.id),
        &[("authenticity_token", &t)],
    )
    .await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    let demoted = demote(&admin).await;
    assert_eq!(demoted.status, StatusCode::SEE_OTHER);
    assert_eq!(
        demoted.location.as_deref(),
        Some("/staff"),
        "no users page any more"
    );
    assert_eq!(
        get(&app, &mut admin, "/staff/admin/users").await.status,
        StatusCode::FORBIDDEN
    );
    // Now the second admin is the last one.
    assert!(matches!(
        account::remove_account(&store, "someone", second.id).await,
        Err(AccountError::LastAdmin(_))
    ));
}

/// Deactivating asks first; it refuses the account's live session on its next request —
/// on every instance sharing the store, because each request reads the account — and its
/// sign-in; reactivating lets it back in. Each is recorded once; re-sent forms do nothing.
async fn a_deactivated_account_is_refused_at_once(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let other_instance = app_instance(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let mut funder = sign_in(&other_instance, FUNDER).await;
    let id = id_of(&store, FUNDER).await;
    let path = format!("/staff/admin/users/{id}/deactivate");
    let ask = get(&app, &mut admin, &path).await;
    assert!(ask.body.contains("Deactivate funder@test.hearth?"));
    assert!(
        ask.body
            .contains("cannot sign in until an admin reactivates")
    );
    let unasked = post(
        &app,
        &mut admin,
        &path,
        &[("authenticity_token", &token(&ask.body))],
    )
    .await;
    assert_eq!(unasked.location.as_deref(), Some(path.as_str()));
    assert_eq!(standing(&store, FUNDER).await.unwrap().2, 1);
    assert_eq!(
        get(&other_instance, &mut funder, "/staff/reports")
            .await
            .status,
        StatusCode::OK
    );

    let done = confirm(&app, &mut admin, &path).await;
    assert_eq!(done.location.as_deref(), Some("/staff/admin/users"));
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(users.body.contains("Deactivated funder@test.hearth"));
    assert!(users.body.contains("deactivated</td>"));
    assert!(
        users
            .body
            .contains(&format!("action=\"/staff/admin/users/{id}/reactivate\""))
    );
    assert!(to_sign_in(
        &get(&other_instance, &mut funder, "/staff/reports").await
    ));
    let refused = sign_in_with(&app, FUNDER, PASSWORD).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("This account has been deactivated"));
    // Sent again: already deactivated, nothing more recorded.
    let ask = get(&app, &mut admin, &path).await;
    assert_eq!(ask.status, StatusCode::SEE_OTHER, "nothing to confirm");
    let resent = post(
        &app,
        &mut admin,
        &path,
        &[
            ("authenticity_token", &token(&users.body)),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(resent.location.as_deref(), Some("/staff/admin/users"));
    assert_eq!(
        audit(&store, "account_deactivated").await,
        [(ADMIN.to_owned(), FUNDER.to_owned(), String::new())]
    );

    let t = token(&users.body);
    let reactivate = format!("/staff/admin/users/{id}/reactivate");
    for _ in 0..2 {
        let back = post(&app, &mut admin, &reactivate, &[("authenticity_token", &t)]).await;
        assert_eq!(back.location.as_deref(), Some("/staff/admin/users"));
    }
    assert_eq!(audit(&store, "account_reactivated").await.len(), 1);
    let mut funder = sign_in(&other_instance, FUNDER).await;
    assert_eq!(
        get(&other_instance, &mut funder, "/staff/reports")
            .await
            .status,
        StatusCode::OK
    );

    // The check is the account's standing, read on every request: a session row that
    // survived (written back by a request in flight, say) is refused all the same.
    sqlx::query("update staff_user set active = 0 where id = $1")
        .bind(id)
        .execute(store.pool())
        .await
        .unwrap();
    assert!(to_sign_in(
        &get(&other_instance, &mut funder, "/staff/reports").await
    ));
}

async fn app_instance(store: &Store) -> Router {
    app(store).await
}

/// Removing asks first and says what it does; the account's session ends; its audit
/// entries stay; the removal is recorded once and a re-sent form does nothing more.
async fn removing_an_account_asks_first_and_keeps_its_history(db: &TestDb) {
    let (store, app) = seeded(db).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let mut manager = sign_in(&app, MANAGER_B).await;
    let id = id_of(&store, MANAGER_B).await;
    let path = format!("/staff/admin/users/{id}/remove");
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(users.body.contains(&format!("href=\"{path}\"")));
    assert!(
        !users.body.contains(&format!("action=\"{path}\"")),
        "no one-click removal on the users page"
    );
    let ask = get(&app, &mut admin, &path).await;
    assert!(ask.body.contains("Remove manager-b@test.hearth?"));
    assert!(ask.body.contains("cannot be undone"));
    assert!(ask.body.contains("deactivate it instead"));
    let unasked = post(
        &app,
        &mut admin,
        &path,
        &[("authenticity_token", &token(&ask.body))],
    )
    .await;
    assert_eq!(unasked.location.as_deref(), Some(path.as_str()));
    assert!(standing(&store, MANAGER_B).await.is_some());

    let done = confirm(&app, &mut admin, &path).await;
    assert_eq!(done.location.as_deref(), Some("/staff/admin/users"));
    assert!(standing(&store, MANAGER_B).await.is_none());
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(users.body.contains("Removed manager-b@test.hearth."));
    assert!(to_sign_in(
        &get(&app, &mut manager, &format!("/staff/programs/{PROGRAM_B}")).await
    ));
    let resent = post(
        &app,
        &mut admin,
        &path,
        &[
            ("authenticity_token", &token(&users.body)),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(resent.location.as_deref(), Some("/staff/admin/users"));
    assert_eq!(
        audit(&store, "account_removed").await,
        [(
            ADMIN.to_owned(),
            MANAGER_B.to_owned(),
            "role manager, program Hillside".to_owned()
        )]
    );
    // Their sign-in stays in the trail, under their email.
    assert!(
        audit(&store, "sign_in")
            .await
            .iter()
            .any(|(actor, _, _)| actor == MANAGER_B)
    );
    assert_eq!(
        get(&app, &mut admin, &path).await.status,
        StatusCode::NOT_FOUND
    );
}

/// Sign-ins are recorded once each: a success and a wrong password under the account's
/// email; an unknown email without the text typed (neither email nor password).
async fn sign_ins_are_recorded_without_what_a_stranger_typed(db: &TestDb) {
    let (store, app) = seeded(db).await;
    assert!(audit(&store, "sign_in").await.is_empty());
    sign_in(&app, MANAGER_A).await;
    assert_eq!(
        audit(&store, "sign_in").await,
        [(MANAGER_A.to_owned(), MANAGER_A.to_owned(), String::new())]
    );
    let wrong = sign_in_with(&app, MANAGER_A, "not the password").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let stranger = sign_in_with(&app, "Ghost.Typed@Nowhere.example", "typed-secret-words").await;
    assert_eq!(stranger.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        audit(&store, "sign_in_failed").await,
        [
            (
                MANAGER_A.to_owned(),
                MANAGER_A.to_owned(),
                "wrong password".to_owned()
            ),
            (
                "(no such account)".to_owned(),
                String::new(),
                "no account has that email".to_owned()
            ),
        ]
    );
    let leaked = count(
        &store,
        "select count(*) from staff_audit where lower(actor || subject || detail) like '%ghost%' \
         or actor || subject || detail like '%typed-secret%' or detail like '%not the password%'",
    )
    .await;
    assert_eq!(leaked, 0);
    assert_eq!(audit(&store, "sign_in").await.len(), 1);
}

/// `hearth user add` flags the account must-change unless `--permanent`, and records the
/// addition as the command line's.
async fn the_command_line_adds_must_change_accounts_unless_permanent(db: &TestDb) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let store = db.store().await;
    let add = |extra: &[&str], email: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(["user", "add", "--email", email, "--role", "funder"])
            .args(extra)
            .env("HEARTH_DATABASE_URL", &db.url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"a long enough password\n")
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let first = add(&[], "first@example.org");
    assert!(first.status.success());
    assert!(String::from_utf8_lossy(&first.stderr).contains("will choose their own password"));
    let kept = add(&["--permanent"], "kept@example.org");
    assert!(kept.status.success());
    assert_eq!(standing(&store, "first@example.org").await.unwrap().3, 1);
    assert_eq!(standing(&store, "kept@example.org").await.unwrap().3, 0);
    // The first password is a one-time password: it expires from when it was set.
    let set_at = |email: &'static str| {
        let store = store.clone();
        async move {
            sqlx::query_scalar::<_, Option<i64>>(
                "select one_time_set_at from staff_user where email = $1",
            )
            .bind(email)
            .fetch_one(store.pool())
            .await
            .unwrap()
        }
    };
    let now = domain::catalog::now_unix();
    assert!(
        set_at("first@example.org")
            .await
            .is_some_and(|t| (now - t).abs() < 120)
    );
    assert_eq!(set_at("kept@example.org").await, None);
    let added = audit(&store, "account_added").await;
    assert_eq!(added.len(), 2);
    assert!(added.iter().all(|(actor, _, _)| actor == "(command line)"));
    assert_eq!(
        added[0].2,
        "role funder; must choose their own password at first sign-in"
    );
    assert_eq!(added[1].2, "role funder");
}

on_both_stores!(
    the_account_pages_follow_the_role_matrix,
    the_account_forms_are_csrf_guarded,
    changing_ones_own_password_ends_the_other_sessions,
    guessing_the_current_password_is_rate_limited,
    a_reset_shows_a_one_time_password_once_and_forces_a_change,
    a_one_time_password_signs_in_once_and_expires,
    an_admin_adds_an_account_with_a_one_time_password,
    an_admin_changes_roles_and_programs,
    the_last_active_admin_is_kept,
    a_deactivated_account_is_refused_at_once,
    removing_an_account_asks_first_and_keeps_its_history,
    sign_ins_are_recorded_without_what_a_stranger_typed,
    the_command_line_adds_must_change_accounts_unless_permanent,
);
