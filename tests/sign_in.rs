//! Staff sign-in that protects without locking anyone out, and the second factor, through
//! the real router on SQLite and PostgreSQL (issue 19): a flood of random emails does not
//! stop a right password; a flood at one account does not stop its owner's known browser;
//! an authenticator app is enrolled, asked for at sign-in (wrong codes refused, recorded
//! and counted; a code works once; a recovery code once), required by an admin for admins
//! and managers, removed by its owner and reset by an admin — each recorded.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::Router;
use axum::http::StatusCode;
use common::TestDb;
use common::staff::*;
use dashboards::factor::{self, Standing};

async fn count(store: &domain::Store, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Audit entries of one action, as (actor, subject, detail).
async fn audit(store: &domain::Store, action: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "select actor, subject, detail from staff_audit where action = $1 order by at_ms, id",
    )
    .bind(action)
    .fetch_all(store.pool())
    .await
    .unwrap()
}

/// Posts the sign-in form from `jar` (a browser), with a fresh form.
async fn attempt(app: &Router, jar: &mut Jar, email: &str, password: &str) -> Page {
    let form = get(app, jar, "/staff/sign-in").await;
    post(
        app,
        jar,
        "/staff/sign-in",
        &[
            ("authenticity_token", &token(&form.body)),
            ("email", email),
            ("password", password),
        ],
    )
    .await
}

/// Sixty sign-ins with random emails at once, twelve at a time: each waits its turn in
/// the argon2 queue and is refused as unknown (401), none as "too many"; and a right
/// password sent in the middle of the flood signs in. (The per-instance bucket this
/// replaces answered 429 to everyone after twenty.)
async fn a_flood_of_random_emails_does_not_stop_a_right_password(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await; // the default limits
    let mut flooder = Jar::default();
    let form = get(&app, &mut flooder, "/staff/sign-in").await;
    let t = token(&form.body);
    let flood: Vec<_> = (0..60)
        .map(|k| {
            let (app, t, mut jar) = (app.clone(), t.clone(), flooder.clone());
            tokio::spawn(async move {
                let email = format!("nobody-{k}-{:x}@example.org", rand::random::<u32>());
                post(
                    &app,
                    &mut jar,
                    "/staff/sign-in",
                    &[
                        ("authenticity_token", &t),
                        ("email", &email),
                        ("password", "guess guess guess"),
                    ],
                )
                .await
                .status
            })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let mut owner = Jar::default();
    let signed = attempt(&app, &mut owner, ADMIN, PASSWORD).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert_eq!(get(&app, &mut owner, "/staff").await.status, StatusCode::OK);
    let mut statuses = std::collections::BTreeMap::new();
    for answer in flood {
        *statuses.entry(answer.await.unwrap()).or_insert(0) += 1;
    }
    assert_eq!(
        statuses,
        [(StatusCode::UNAUTHORIZED, 60)].into_iter().collect(),
        "every flooding request waited and was refused as unknown, none as too many"
    );
}

/// Guesses at one account from browsers that never signed in to it share one allowance
/// (five a minute): after it, even the right password from such a browser is refused.
/// The owner's browser, which signed in before, has its own allowance and signs in; a
/// device token from another account (the attacker's own) counts for nothing here.
async fn a_flood_at_one_account_does_not_stop_its_owners_browser(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    // The owner signed in from this browser yesterday (and signed out).
    let mut owner = Jar::default();
    assert_eq!(
        attempt(&app, &mut owner, MANAGER_A, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let device = owner
        .0
        .get("hearth_device")
        .expect("a device cookie")
        .clone();
    let home = get(&app, &mut owner, "/staff/account").await;
    post(
        &app,
        &mut owner,
        "/staff/sign-out",
        &[("authenticity_token", &token(&home.body))],
    )
    .await;
    // The attacker signs in to their own account, and keeps its device token.
    let mut attacker = Jar::default();
    assert_eq!(
        attempt(&app, &mut attacker, FUNDER, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let mut statuses = vec![];
    for _ in 0..12 {
        let mut stranger = Jar::default();
        statuses.push(
            attempt(&app, &mut stranger, MANAGER_A, "wrong guess!!")
                .await
                .status,
        );
    }
    assert_eq!(
        statuses[..4],
        [StatusCode::UNAUTHORIZED; 4],
        "the owner's first sign-in took one of the five"
    );
    assert!(
        statuses[4..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS)
    );
    let mut stranger = Jar::default();
    let refused = attempt(&app, &mut stranger, MANAGER_A, PASSWORD).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused
            .body
            .contains("Too many sign-in attempts for this account")
    );
    let mut attacker_browser = Jar::default();
    attacker_browser.0.insert(
        "hearth_device".into(),
        attacker
            .0
            .get("hearth_device")
            .expect("a device cookie")
            .clone(),
    );
    let refused = attempt(&app, &mut attacker_browser, MANAGER_A, PASSWORD).await;
    assert_eq!(
        refused.status,
        StatusCode::TOO_MANY_REQUESTS,
        "another account's device token gives no allowance here"
    );
    // The owner's browser signs in.
    assert_eq!(owner.0.get("hearth_device"), Some(&device));
    let signed = attempt(&app, &mut owner, MANAGER_A, PASSWORD).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert_eq!(get(&app, &mut owner, "/staff").await.status, StatusCode::OK);
    // Nothing about any browser is stored: only attempt counts under hashes.
    assert_eq!(
        count(
            &store,
            "select count(*) from sign_in_attempt where account like '%@%' or account like '%.%'"
        )
        .await,
        0
    );
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {html}"))
        + start.len();
    &html[at..at + html[at..].find(end).unwrap()]
}

fn now() -> u64 {
    domain::catalog::now_unix() as u64
}

/// Enrols an authenticator app for the signed-in browser `jar`, as a person does: start,
/// read the key off the page, confirm with the code. The secret and the recovery codes.
async fn enrol(app: &Router, jar: &mut Jar) -> (Vec<u8>, Vec<String>) {
    let page = get(app, jar, "/staff/account/second-factor").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Set up an authenticator app"));
    let started = post(
        app,
        jar,
        "/staff/account/second-factor",
        &[("authenticity_token", &token(&page.body))],
    )
    .await;
    assert_eq!(
        started.location.as_deref(),
        Some("/staff/account/second-factor")
    );
    let page = get(app, jar, "/staff/account/second-factor").await;
    assert!(page.body.contains("<svg class=\"qr\" role=\"img\""));
    let secret = factor::secret_from_text(between(&page.body, "class=\"factor-secret\">", "<"))
        .expect("the key in base32");
    assert_eq!(secret.len(), 20);
    // A wrong code sets nothing up.
    let t = token(&page.body);
    let wrong = post(
        app,
        jar,
        "/staff/account/second-factor/confirm",
        &[("authenticity_token", &t), ("code", "000000")],
    )
    .await;
    let wrong = if factor::code_at(&secret, now()) == "000000" {
        post(
            app,
            jar,
            "/staff/account/second-factor/confirm",
            &[("authenticity_token", &t), ("code", "111111")],
        )
        .await
    } else {
        wrong
    };
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("nothing was set up yet"));
    let done = post(
        app,
        jar,
        "/staff/account/second-factor/confirm",
        &[
            ("authenticity_token", &t),
            ("code", &factor::code_at(&secret, now())),
        ],
    )
    .await;
    assert_eq!(
        done.location.as_deref(),
        Some("/staff/account/second-factor")
    );
    let shown = get(app, jar, "/staff/account/second-factor").await;
    assert!(shown.body.contains("shown only this once"));
    let codes: Vec<String> = shown
        .body
        .split("class=\"recovery-code\">")
        .skip(1)
        .map(|rest| rest[..rest.find('<').unwrap()].to_owned())
        .collect();
    assert_eq!(codes.len(), factor::RECOVERY_CODES);
    let again = get(app, jar, "/staff/account/second-factor").await;
    assert!(!again.body.contains(&codes[0]), "shown once");
    assert!(
        again
            .body
            .contains("Recovery codes left: <strong>10</strong>")
    );
    (secret, codes)
}

/// The password, then the second step with `code`: the answers to both.
async fn sign_in_with_code(app: &Router, email: &str, code: &str) -> (Jar, Page, Page) {
    let mut jar = Jar::default();
    let first = attempt(app, &mut jar, email, PASSWORD).await;
    assert_eq!(first.location.as_deref(), Some("/staff/sign-in/code"));
    let form = get(app, &mut jar, "/staff/sign-in/code").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("autocomplete=\"one-time-code\""));
    let second = post(
        app,
        &mut jar,
        "/staff/sign-in/code",
        &[("authenticity_token", &token(&form.body)), ("code", code)],
    )
    .await;
    (jar, first, second)
}

/// The whole second factor: enrolled and recorded (only hashes of the recovery codes kept);
/// the password alone then signs nobody in; a wrong code is refused, recorded and counted;
/// a right one signs in, once; a recovery code signs in once; the owner removes it with a
/// code; an admin resets it behind a confirmation, recorded.
async fn an_authenticator_app_is_enrolled_asked_for_and_reset(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let (secret, codes) = enrol(&app, &mut manager).await;
    assert_eq!(
        audit(&store, "second_factor_enrolled").await,
        [(
            MANAGER_A.to_owned(),
            MANAGER_A.to_owned(),
            "authenticator app; 10 recovery codes".to_owned()
        )]
    );
    let stored: String = sqlx::query_scalar("select secret from staff_totp")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(
        stored.starts_with("plain:"),
        "no key in this test: {stored}"
    );
    let hashes: Vec<String> = sqlx::query_scalar("select hash from staff_recovery_code")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert_eq!(hashes.len(), 10);
    assert!(
        codes
            .iter()
            .all(|c| !hashes.iter().any(|h| h.contains(c.as_str())))
    );

    // The password alone reaches nothing: the code page, and no signed-in page.
    let mut half = Jar::default();
    let first = attempt(&app, &mut half, MANAGER_A, PASSWORD).await;
    assert_eq!(first.location.as_deref(), Some("/staff/sign-in/code"));
    let away = get(&app, &mut half, "/staff").await;
    assert!(
        away.location
            .as_deref()
            .unwrap()
            .starts_with("/staff/sign-in?next=")
    );
    // Wrong codes: refused, recorded, counted (five a minute for the account's codes; the
    // two typed while enrolling count too, so start from a fresh minute).
    sqlx::query("delete from sign_in_attempt")
        .execute(store.pool())
        .await
        .unwrap();
    let failed_before = audit(&store, "sign_in_failed").await.len();
    let form = get(&app, &mut half, "/staff/sign-in/code").await;
    let t = token(&form.body);
    let right_now = factor::code_at(&secret, now());
    let wrong_code = if right_now == "123456" {
        "654321"
    } else {
        "123456"
    };
    let mut statuses = vec![];
    for _ in 0..6 {
        let answer = post(
            &app,
            &mut half,
            "/staff/sign-in/code",
            &[("authenticity_token", &t), ("code", wrong_code)],
        )
        .await;
        if answer.status == StatusCode::UNAUTHORIZED {
            assert!(answer.body.contains("That code is not right"));
        }
        statuses.push(answer.status);
    }
    assert_eq!(statuses[..5], [StatusCode::UNAUTHORIZED; 5]);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
    let failed = audit(&store, "sign_in_failed").await;
    assert_eq!(failed.len(), failed_before + 5);
    assert!(
        failed[failed_before..]
            .iter()
            .all(|(actor, _, detail)| actor == MANAGER_A && detail == "wrong second-factor code")
    );
    // Even a right code now waits for the minute to pass: counted means counted.
    let limited = post(
        &app,
        &mut half,
        "/staff/sign-in/code",
        &[("authenticity_token", &t), ("code", &right_now)],
    )
    .await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    sqlx::query("delete from sign_in_attempt")
        .execute(store.pool())
        .await
        .unwrap();

    // The next code (a step later) signs in; the same code again does not.
    let next_code = factor::code_at(&secret, now() + 30);
    let (mut jar, _, second) = sign_in_with_code(&app, MANAGER_A, &next_code).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    assert_eq!(second.location.as_deref(), Some("/staff"));
    assert_eq!(get(&app, &mut jar, "/staff").await.status, StatusCode::OK);
    let (_, _, replay) = sign_in_with_code(&app, MANAGER_A, &next_code).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED, "a code works once");

    // A recovery code signs in once, and is gone.
    let (mut recovering, _, recovered) =
        sign_in_with_code(&app, MANAGER_A, &codes[3].to_uppercase()).await;
    assert_eq!(
        recovered.status,
        StatusCode::SEE_OTHER,
        "{}",
        recovered.body
    );
    assert_eq!(
        recovered.location.as_deref(),
        Some("/staff/account/second-factor")
    );
    let told = get(&app, &mut recovering, "/staff/account/second-factor").await;
    assert!(told.body.contains("You signed in with a recovery code"));
    assert!(told.body.contains("Recovery codes left: 9."));
    let (_, _, twice) = sign_in_with_code(&app, MANAGER_A, &codes[3]).await;
    assert_eq!(twice.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        count(&store, "select count(*) from staff_recovery_code").await,
        9
    );
    let page = get(&app, &mut jar, "/staff/account/second-factor").await;
    assert!(
        page.body
            .contains("Recovery codes left: <strong>9</strong>")
    );

    // The owner removes it with a code: a wrong one changes nothing. (Four codes were
    // typed this minute; a new minute starts.)
    sqlx::query("delete from sign_in_attempt")
        .execute(store.pool())
        .await
        .unwrap();
    let t = token(&page.body);
    let kept = post(
        &app,
        &mut jar,
        "/staff/account/second-factor/remove",
        &[("authenticity_token", &t), ("code", "not a code")],
    )
    .await;
    assert_eq!(kept.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&store, "select count(*) from staff_totp").await, 1);
    let removed = post(
        &app,
        &mut jar,
        "/staff/account/second-factor/remove",
        &[("authenticity_token", &t), ("code", &codes[0])],
    )
    .await;
    assert_eq!(
        removed.location.as_deref(),
        Some("/staff/account/second-factor")
    );
    assert_eq!(count(&store, "select count(*) from staff_totp").await, 0);
    assert_eq!(
        count(&store, "select count(*) from staff_recovery_code").await,
        0
    );
    assert_eq!(audit(&store, "second_factor_removed").await.len(), 1);
    let mut plain = Jar::default();
    assert_eq!(
        attempt(&app, &mut plain, MANAGER_A, PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/staff")
    );

    // Enrolled again, then reset by an admin behind a confirmation.
    let (secret, _) = enrol(&app, &mut jar).await;
    let id = staff_id(&store, MANAGER_A).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let edit = get(&app, &mut admin, &format!("/staff/admin/users/{id}")).await;
    assert!(edit.body.contains("second factor: authenticator app"));
    let path = format!("/staff/admin/users/{id}/reset-second-factor");
    assert!(edit.body.contains(&format!("href=\"{path}\"")));
    let ask = get(&app, &mut admin, &path).await;
    assert!(
        ask.body
            .contains("Reset the second factor of manager-a@test.hearth?")
    );
    assert_eq!(count(&store, "select count(*) from staff_totp").await, 1);
    let fields = [
        ("authenticity_token", token(&ask.body)),
        ("confirm", "yes".to_owned()),
        ("once", hidden(&ask.body, "once").to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = post(&app, &mut admin, &path, &fields).await;
    assert_eq!(done.location.as_deref(), Some("/staff/admin/users"));
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(
        users
            .body
            .contains("The second factor of manager-a@test.hearth was reset")
    );
    assert_eq!(count(&store, "select count(*) from staff_totp").await, 0);
    assert_eq!(
        audit(&store, "second_factor_reset").await,
        [(
            ADMIN.to_owned(),
            MANAGER_A.to_owned(),
            "authenticator app and recovery codes".to_owned()
        )]
    );
    // Signed out everywhere; the old app's codes mean nothing now; the password signs in.
    assert!(
        get(&app, &mut jar, "/staff")
            .await
            .location
            .is_some_and(|l| l.starts_with("/staff/sign-in"))
    );
    let _ = secret;
    let mut plain = Jar::default();
    assert_eq!(
        attempt(&app, &mut plain, MANAGER_A, PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/staff")
    );
    // Sent again, the form resets nothing more.
    post(&app, &mut admin, &path, &fields).await;
    assert_eq!(audit(&store, "second_factor_reset").await.len(), 1);
}

/// An admin requires a second factor for admins and managers (recorded): a manager
/// without one is led to set it up before seeing anything else, and then sees their
/// pages; a facilitator is not asked.
async fn an_admin_requires_a_second_factor_for_admins_and_managers(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(
        users
            .body
            .contains("Require a second factor for admins and managers")
    );
    assert!(
        !users
            .body
            .contains("name=\"required\" value=\"yes\" checked")
    );
    let set = post(
        &app,
        &mut admin,
        "/staff/admin/second-factor",
        &[
            ("authenticity_token", &token(&users.body)),
            ("required", "yes"),
        ],
    )
    .await;
    assert_eq!(set.location.as_deref(), Some("/staff/admin/users"));
    assert_eq!(
        audit(&store, "setting_changed").await.last().unwrap(),
        &(
            ADMIN.to_owned(),
            "second_factor.required".to_owned(),
            "a second factor is required for admins and managers".to_owned()
        )
    );
    // The admin too is led to set one up now, before anything else.
    let away = get(&app, &mut admin, "/staff/admin/users").await;
    assert_eq!(
        away.location.as_deref(),
        Some("/staff/account/second-factor")
    );
    let mut manager = sign_in(&app, MANAGER_A).await;
    for path in [
        "/staff",
        &format!("/staff/programs/{PROGRAM_A}"),
        "/staff/account",
    ] {
        let away = get(&app, &mut manager, path).await;
        assert_eq!(
            away.location.as_deref(),
            Some("/staff/account/second-factor"),
            "{path}"
        );
    }
    let page = get(&app, &mut manager, "/staff/account/second-factor").await;
    assert!(
        page.body
            .contains("Your organisation asks admins and managers")
    );
    assert!(
        !page.body.contains("href=\"/staff/sessions\""),
        "no navigation"
    );
    let mut facilitator = sign_in(&app, FACILITATOR_A).await;
    assert_eq!(
        get(&app, &mut facilitator, "/staff/sessions").await.status,
        StatusCode::OK
    );
    enrol(&app, &mut manager).await;
    assert_eq!(
        get(&app, &mut manager, &format!("/staff/programs/{PROGRAM_A}"))
            .await
            .status,
        StatusCode::OK
    );
    // Unticked (the box absent), it is optional again.
    let (secret, _) = enrol(&app, &mut admin).await;
    let _ = secret;
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert!(
        users
            .body
            .contains("name=\"required\" value=\"yes\" checked")
    );
    post(
        &app,
        &mut admin,
        "/staff/admin/second-factor",
        &[("authenticity_token", &token(&users.body))],
    )
    .await;
    assert_eq!(
        count(
            &store,
            "select count(*) from staff_policy where value = '0'"
        )
        .await,
        1
    );
    // A value no form sends is refused and changes nothing.
    let users = get(&app, &mut admin, "/staff/admin/users").await;
    let odd = post(
        &app,
        &mut admin,
        "/staff/admin/second-factor",
        &[
            ("authenticity_token", &token(&users.body)),
            ("required", "maybe"),
        ],
    )
    .await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        count(
            &store,
            "select count(*) from staff_policy where value = '0'"
        )
        .await,
        1
    );
}

/// With a key, the secret is sealed: the database holds neither the key nor the secret,
/// and codes from the app still sign in.
async fn with_a_key_the_database_alone_cannot_make_codes(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let state = hearth::AppState::new(
        store.clone(),
        collector::Settings::default(),
        "https://hearth.test",
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    let key = "5a".repeat(32);
    let state = hearth::AppState {
        dashboards: state
            .dashboards
            .with_second_factor_key(Some(dashboards::FactorKey::parse(&key).unwrap())),
        ..state
    };
    let app = hearth::app(state);
    let mut funder = sign_in(&app, FUNDER).await;
    let (secret, _) = enrol(&app, &mut funder).await;
    let stored: String = sqlx::query_scalar("select secret from staff_totp")
        .fetch_one(store.pool())
        .await
        .unwrap();
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    assert!(
        stored.starts_with("v1:") && !stored.contains(&hex),
        "{stored}"
    );
    let everything: i64 = sqlx::query_scalar(&format!(
        "select count(*) from staff_secret where value like '%{key}%'"
    ))
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(everything, 0);
    let (_, _, signed) =
        sign_in_with_code(&app, FUNDER, &factor::code_at(&secret, now() + 30)).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    // A server started without the key (or with another) says so plainly, not a 500.
    let keyless = router(&store).await;
    let (_, _, refused) =
        sign_in_with_code(&keyless, FUNDER, &factor::code_at(&secret, now() + 30)).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        refused
            .body
            .contains("Hearth cannot check second-factor codes right now")
    );
}

/// The lifetime of one-time passwords is a setting (`--one-time-password-hours`): with one
/// hour, a password made two hours ago is refused and the page says one hour.
async fn the_one_time_password_lifetime_is_a_setting(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let limits = dashboards::SignInLimits {
        one_time_password_lifetime: std::time::Duration::from_secs(3600),
        ..dashboards::SignInLimits::default()
    };
    let state = hearth::AppState::new(
        store.clone(),
        collector::Settings::default(),
        "https://hearth.test",
        limits,
    )
    .await
    .unwrap();
    let app = hearth::app(state);
    let (_, password) =
        dashboards::account::reset_password(&store, ADMIN, staff_id(&store, FUNDER).await)
            .await
            .unwrap();
    let mut browser = Jar::default();
    let page = get(&app, &mut browser, "/staff/sign-in").await;
    assert!(page.body.contains("It works once, within 1 hour,"));
    sqlx::query("update staff_user set one_time_set_at = one_time_set_at - 7200 where email = $1")
        .bind(FUNDER)
        .execute(store.pool())
        .await
        .unwrap();
    let refused = attempt(&app, &mut browser, FUNDER, &password).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(
        refused
            .body
            .contains("it worked for 1 hour after it was made")
    );
}

/// A second-factor key that is not 64 hex digits stops `hearth serve` with a clear message.
#[test]
fn a_malformed_second_factor_key_stops_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env(
            "HEARTH_DATABASE_URL",
            format!("sqlite:{}", dir.path().join("h.db").display()),
        )
        .env("HEARTH_SECOND_FACTOR_KEY", "not a key")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("HEARTH_SECOND_FACTOR_KEY") && said.contains("64 hexadecimal digits"),
        "{said}"
    );
    assert!(
        !said.contains("not a key"),
        "the value is never echoed: {said}"
    );
}

/// `hearth user reset-second-factor` removes an account's app (say, the last admin's, or
/// every app after the key was lost — the secret need not be opened), recorded as done
/// from the command line; an account without one is left alone.
async fn the_command_line_resets_a_lost_second_factor(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let id = staff_id(&store, ADMIN).await;
    // Enrolled under a key this command never sees.
    let key = dashboards::FactorKey::parse(&"77".repeat(32)).unwrap();
    assert!(factor::start(&store, id, Some(&key)).await.unwrap());
    let Standing::Pending(secret) = factor::standing(&store, id, Some(&key)).await.unwrap() else {
        panic!("an enrolment in progress")
    };
    let codes = factor::confirm(
        &store,
        ADMIN,
        id,
        &factor::code_at(&secret, now()),
        now(),
        Some(&key),
    )
    .await
    .unwrap();
    assert!(codes.is_some());
    let run = |email: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(["user", "reset-second-factor", "--email", email])
            .env("HEARTH_DATABASE_URL", &db.url)
            .output()
            .unwrap()
    };
    let done = run(" Admin@Test.Hearth ");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(
        String::from_utf8_lossy(&done.stdout)
            .contains("reset the second factor of admin@test.hearth")
    );
    assert_eq!(count(&store, "select count(*) from staff_totp").await, 0);
    assert_eq!(
        count(&store, "select count(*) from staff_recovery_code").await,
        0
    );
    assert_eq!(
        audit(&store, "second_factor_reset").await,
        [(
            "(command line)".to_owned(),
            ADMIN.to_owned(),
            "authenticator app and recovery codes".to_owned()
        )]
    );
    let again = run(ADMIN);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("has no second factor"));
    let unknown = run("nobody@test.hearth");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no account has the email"));
    assert_eq!(audit(&store, "second_factor_reset").await.len(), 1);
}

on_both_stores!(
    the_command_line_resets_a_lost_second_factor,
    the_one_time_password_lifetime_is_a_setting,
    a_flood_of_random_emails_does_not_stop_a_right_password,
    a_flood_at_one_account_does_not_stop_its_owners_browser,
    an_authenticator_app_is_enrolled_asked_for_and_reset,
    an_admin_requires_a_second_factor_for_admins_and_managers,
    with_a_key_the_database_alone_cannot_make_codes,
);
