//! Single sign-on against a real OpenID provider: panva's `oidc-provider` (OpenID
//! Certified), run with node from `tests/oidc` (`npm ci` there; `.ci/run` does it). Each
//! test starts its own provider on a free port and drives the whole authorization code
//! flow over HTTP, as a browser would: Hearth's sign-in page, the provider's (scripted)
//! login, back to Hearth's callback. Without node or the package the tests skip, loudly;
//! under `CI=true` they fail.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use axum::Router;
use axum::http::StatusCode;
use collector::Settings;
use common::TestDb;
use common::http::{Jar, get};
use dashboards::account::{self, NewUser};
use dashboards::sso::SsoSettings;
use domain::Store;

const CLIENT_ID: &str = "hearth";
const CLIENT_SECRET: &str = "a-test-client-secret-of-some-length";
const BASE: &str = "https://hearth.test";
/// Staff with a Hearth account, in the listed domain.
const ALICE: &str = "alice@example.org";
/// In the listed domain, verified, with no Hearth account.
const BOB: &str = "bob@example.org";
/// In the listed domain, with an account, but the provider has not verified the e-mail.
const CAROL: &str = "carol@example.org";
/// Verified, with an account, outside the listed domain.
const DAVE: &str = "dave@elsewhere.test";
/// With an account; no `email_verified`, but Entra's `xms_edov: true`.
const ERIN: &str = "erin@example.org";
/// With an account; neither `email_verified` nor `xms_edov`.
const FRANK: &str = "frank@example.org";

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A running `tests/oidc/provider.mjs`, killed when dropped.
struct Provider {
    child: Child,
    url: String,
    /// Kept open: the provider's later output must not meet a closed pipe.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the provider is told beyond its client and accounts.
#[derive(Default)]
struct Twist {
    /// The issuer it calls itself instead of its own URL.
    issuer_claim: Option<&'static str>,
    /// ID tokens carry a nonce Hearth did not send.
    wrong_nonce: bool,
}

/// Starts a provider; `None` (the test skips, loudly) when node or the package is
/// missing, except under `CI=true`, where that fails the test.
async fn provider(twist: Twist) -> Option<Provider> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
    let unavailable = |why: String| {
        assert!(
            !in_ci(),
            "the OpenID provider cannot start under CI=true: {why}"
        );
        eprintln!("SKIPPED: the OpenID provider cannot start ({why}); run `npm ci` in tests/oidc");
    };
    if !dir.join("node_modules/oidc-provider").is_dir() {
        unavailable("tests/oidc/node_modules/oidc-provider is missing".into());
        return None;
    }
    let account = |email: &str, verified: bool| {
        format!(r#"{{"email":"{email}","email_verified":{verified}}}"#)
    };
    let config = format!(
        r#"{{"client_id":"{CLIENT_ID}","client_secret":"{CLIENT_SECRET}","redirect_uri":"{BASE}/staff/sso/callback","accounts":{{"alice":{},"bob":{},"carol":{},"dave":{},"erin":{{"email":"{ERIN}","xms_edov":true}},"frank":{{"email":"{FRANK}"}}}},"wrong_nonce":{}{}}}"#,
        account(ALICE, true),
        account(BOB, true),
        account(CAROL, false),
        account(DAVE, true),
        twist.wrong_nonce,
        twist
            .issuer_claim
            .map(|i| format!(r#","issuer_claim":"{i}""#))
            .unwrap_or_default(),
    );
    let spawned = Command::new("node")
        .arg(dir.join("provider.mjs"))
        .env("HEARTH_TEST_OIDC", config)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(error) => {
            unavailable(format!("node: {error}"));
            return None;
        }
    };
    let stdout = child.stdout.take().unwrap();
    let line = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        tokio::task::spawn_blocking(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            reader.read_line(&mut line).map(|_| (line, reader))
        }),
    )
    .await;
    let (url, stdout) = match line {
        Ok(Ok(Ok((line, reader)))) if line.starts_with("listening on ") => (
            line.trim_start_matches("listening on ").trim().to_owned(),
            reader,
        ),
        other => {
            let _ = child.kill();
            unavailable(format!("it did not say where it listens: {other:?}"));
            return None;
        }
    };
    Some(Provider {
        child,
        url,
        _stdout: stdout,
    })
}

/// The app with single sign-on through `issuer` for example.org.
async fn app(store: &Store, issuer: &str, new_accounts: Option<&str>) -> Router {
    let mut state = hearth::AppState::new(
        store.clone(),
        Settings::default(),
        BASE,
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    state.dashboards = state
        .dashboards
        .with_single_sign_on(SsoSettings {
            issuer: issuer.to_owned(),
            client_id: CLIENT_ID.to_owned(),
            client_secret: Some(CLIENT_SECRET.to_owned()),
            domains: vec!["example.org".into()],
            new_accounts: new_accounts.map(str::to_owned),
        })
        .unwrap();
    hearth::app(state)
}

/// Hearth accounts for alice, carol, dave, erin and frank (funders: no program needed).
async fn seed(store: &Store) {
    for email in [ALICE, CAROL, DAVE, ERIN, FRANK] {
        account::add_user(
            store,
            &NewUser::new(email, "funder", None).unwrap(),
            "a password nobody types here".into(),
        )
        .await
        .unwrap();
    }
}

/// A browser: Hearth's cookies (requests go to the router) and the provider's.
struct Browser {
    hearth: Jar,
    idp: reqwest::Client,
    idp_cookies: BTreeMap<String, String>,
}

impl Browser {
    fn new() -> Browser {
        Browser {
            hearth: Jar::default(),
            idp: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            idp_cookies: BTreeMap::new(),
        }
    }

    /// One request over HTTP (to the provider, or to a real `hearth serve`), keeping
    /// cookies: its status and where it redirects.
    async fn fetch(&mut self, url: &str, login: Option<&str>) -> (StatusCode, Option<String>) {
        let cookie = self
            .idp_cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let request = match login {
            Some(login) => self
                .idp
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("login={login}")),
            None => self.idp.get(url),
        };
        let response = request.header("cookie", cookie).send().await.unwrap();
        for value in response.headers().get_all("set-cookie") {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.idp_cookies.insert(name.to_owned(), value.to_owned());
        }
        let status = StatusCode::from_u16(response.status().as_u16()).unwrap();
        let location = response.headers().get("location").map(|l| {
            url::Url::parse(url)
                .unwrap()
                .join(l.to_str().unwrap())
                .unwrap()
                .to_string()
        });
        (status, location)
    }

    /// From Hearth's "Sign in with your work account" through the provider's login as
    /// `login`: the path and query the provider sends the browser back to at Hearth.
    async fn sign_in_at_provider(&mut self, app: &Router, login: &str) -> String {
        let page = get(app, &mut self.hearth, "/staff/sign-in").await;
        assert!(
            page.body.contains("Sign in with your work account"),
            "{}",
            page.body
        );
        let start = get(app, &mut self.hearth, "/staff/sso?next=%2Fstaff").await;
        assert_eq!(start.status, StatusCode::SEE_OTHER, "{}", start.body);
        let mut at = start.location.unwrap();
        let auth = url::Url::parse(&at).unwrap();
        let param = |name: &str| {
            auth.query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
        };
        // What the crate sends: PKCE S256, a state and a nonce.
        assert_eq!(param("code_challenge_method").as_deref(), Some("S256"));
        assert!(
            param("code_challenge").is_some()
                && param("state").is_some()
                && param("nonce").is_some()
        );
        for _ in 0..10 {
            if let Some(back) = at.strip_prefix(BASE) {
                return back.to_owned();
            }
            let at_login = url::Url::parse(&at)
                .unwrap()
                .path()
                .starts_with("/interaction/");
            let (status, location) = if at_login {
                self.fetch(&format!("{at}/login"), Some(login)).await
            } else {
                self.fetch(&at, None).await
            };
            at = location.unwrap_or_else(|| panic!("the provider stopped at {at} ({status})"));
        }
        panic!("the provider never sent the browser back to Hearth")
    }

    /// Whether Hearth's staff pages let this browser in.
    async fn signed_in(&mut self, app: &Router) -> bool {
        let home = get(app, &mut self.hearth, "/staff").await;
        match home.status {
            StatusCode::OK => true,
            StatusCode::SEE_OTHER => false,
            other => panic!("unexpected {other}: {}", home.body),
        }
    }
}

async fn count(store: &Store, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Audit entries of an action with a detail.
async fn audited(store: &Store, action: &str, detail: &str) -> Vec<(String, String)> {
    sqlx::query_as::<_, (String, String)>(
        "select actor, subject from staff_audit where action = $1 and detail = $2",
    )
    .bind(action)
    .bind(detail)
    .fetch_all(store.pool())
    .await
    .unwrap()
}

on_both_stores!(
    a_verified_work_email_signs_in_to_its_own_account_and_lands_on_the_staff_home,
    a_return_with_another_state_is_refused_and_signs_nobody_in,
    an_id_token_with_another_nonce_is_refused,
    a_provider_answering_for_another_issuer_is_refused,
    someone_without_a_hearth_account_is_refused_and_nothing_is_made,
    unverified_outside_and_deactivated_emails_are_refused,
    an_account_is_made_only_where_allowed_and_with_the_chosen_role,
);

async fn a_verified_work_email_signs_in_to_its_own_account_and_lands_on_the_staff_home(
    db: &TestDb,
) {
    let Some(idp) = provider(Twist::default()).await else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    let app = app(&store, &idp.url, None).await;
    let mut browser = Browser::new();
    let back = browser.sign_in_at_provider(&app, "alice").await;
    assert!(back.starts_with("/staff/sso/callback?"), "{back}");
    let done = get(&app, &mut browser.hearth, &back).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some("/staff"));
    let home = get(&app, &mut browser.hearth, "/staff").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains(ALICE), "{}", home.body);
    // Audited as a sign-in of the account, through single sign-on.
    assert_eq!(
        audited(&store, "sign_in", "single sign-on").await,
        vec![(ALICE.to_owned(), ALICE.to_owned())]
    );
    // The same return again is refused: a sign-in under way is used once.
    let again = get(&app, &mut Jar::default(), &back).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert!(again.body.contains("Start again"), "{}", again.body);
    // No token, no code is kept anywhere: the staff session holds the account id only.
    let code = url::Url::parse(&format!("{BASE}{back}"))
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    let sessions: Vec<String> = sqlx::query_scalar("select data from staff_session")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert!(sessions.iter().any(|d| d.contains("staff")), "{sessions:?}");
    assert!(
        sessions
            .iter()
            .all(|d| !d.contains(&code) && !d.contains("eyJ") && !d.contains("sso_pending")),
        "{sessions:?}"
    );
}

async fn a_return_with_another_state_is_refused_and_signs_nobody_in(db: &TestDb) {
    let Some(idp) = provider(Twist::default()).await else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    let app = app(&store, &idp.url, None).await;
    let mut browser = Browser::new();
    let back = browser.sign_in_at_provider(&app, "alice").await;
    let forged = tamper(&back, "state");
    let refused = get(&app, &mut browser.hearth, &forged).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(
        refused
            .body
            .contains("does not belong to the sign-in you started"),
        "{}",
        refused.body
    );
    assert!(!browser.signed_in(&app).await);
    assert_eq!(
        audited(
            &store,
            "sign_in_failed",
            "single sign-on: state did not match"
        )
        .await
        .len(),
        1
    );
    assert!(
        audited(&store, "sign_in", "single sign-on")
            .await
            .is_empty()
    );
    // Another browser's return (its own, valid state and code) is no good in this one.
    let mut other = Browser::new();
    let theirs = other.sign_in_at_provider(&app, "alice").await;
    let mut third = Browser::new();
    let _ = third.sign_in_at_provider(&app, "alice").await;
    let crossed = get(&app, &mut third.hearth, &theirs).await;
    assert_eq!(crossed.status, StatusCode::BAD_REQUEST, "{}", crossed.body);
    assert!(!third.signed_in(&app).await);
}

/// The same return with one query parameter changed.
fn tamper(back: &str, name: &str) -> String {
    let url = url::Url::parse(&format!("{BASE}{back}")).unwrap();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == name {
                format!("{v}x")
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{}?{query}", url.path())
}

async fn an_id_token_with_another_nonce_is_refused(db: &TestDb) {
    let Some(idp) = provider(Twist {
        wrong_nonce: true,
        ..Twist::default()
    })
    .await
    else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    let app = app(&store, &idp.url, None).await;
    let mut browser = Browser::new();
    let back = browser.sign_in_at_provider(&app, "alice").await;
    let refused = get(&app, &mut browser.hearth, &back).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(
        refused.body.contains("could not be verified"),
        "{}",
        refused.body
    );
    assert!(!browser.signed_in(&app).await);
    assert_eq!(
        audited(&store, "sign_in_failed", "single sign-on: ID token refused")
            .await
            .len(),
        1
    );
    assert!(
        audited(&store, "sign_in", "single sign-on")
            .await
            .is_empty()
    );
}

async fn a_provider_answering_for_another_issuer_is_refused(db: &TestDb) {
    // A real provider, at its own address, whose discovery document (and tokens) name
    // another issuer than the one Hearth is set up with.
    let Some(idp) = provider(Twist {
        issuer_claim: Some("https://login.example.org"),
        ..Twist::default()
    })
    .await
    else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    let app = app(&store, &idp.url, None).await;
    let mut browser = Browser::new();
    let start = get(&app, &mut browser.hearth, "/staff/sso").await;
    assert_eq!(start.status, StatusCode::BAD_GATEWAY, "{}", start.body);
    assert!(
        start
            .body
            .contains("did not answer as the one Hearth was set up with"),
        "{}",
        start.body
    );
    assert!(!browser.signed_in(&app).await);
    assert_eq!(count(&store, "select count(*) from staff_session").await, 0);
}

async fn someone_without_a_hearth_account_is_refused_and_nothing_is_made(db: &TestDb) {
    let Some(idp) = provider(Twist::default()).await else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    let app = app(&store, &idp.url, None).await;
    let accounts = count(&store, "select count(*) from staff_user").await;
    let mut browser = Browser::new();
    let back = browser.sign_in_at_provider(&app, "bob").await;
    let refused = get(&app, &mut browser.hearth, &back).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(
        refused
            .body
            .contains("There is no Hearth account for your work e-mail"),
        "{}",
        refused.body
    );
    assert!(!browser.signed_in(&app).await);
    assert_eq!(
        count(&store, "select count(*) from staff_user").await,
        accounts
    );
    // Audited without naming the person: they are no staff member.
    assert_eq!(
        audited(
            &store,
            "sign_in_failed",
            "single sign-on: no account has that email"
        )
        .await,
        vec![("(no such account)".to_owned(), String::new())]
    );
    assert_eq!(
        count(
            &store,
            "select count(*) from staff_audit where subject like '%bob%' or detail like '%bob%' or actor like '%bob%'"
        )
        .await,
        0
    );
}

async fn unverified_outside_and_deactivated_emails_are_refused(db: &TestDb) {
    let Some(idp) = provider(Twist::default()).await else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    sqlx::query("update staff_user set active = 0 where email = $1")
        .bind(ALICE)
        .execute(store.pool())
        .await
        .unwrap();
    let app = app(&store, &idp.url, None).await;
    for (login, message, detail) in [
        (
            "carol",
            "has not confirmed your e-mail address",
            "single sign-on: e-mail not verified",
        ),
        (
            "dave",
            "is not one Hearth accepts",
            "single sign-on: e-mail domain not accepted",
        ),
        (
            "alice",
            "This account has been deactivated",
            "single sign-on: account deactivated",
        ),
        // Neither `email_verified` nor Entra's `xms_edov`: not verified either.
        (
            "frank",
            "has not confirmed your e-mail address",
            "single sign-on: e-mail not verified",
        ),
    ] {
        let before = audited(&store, "sign_in_failed", detail).await.len();
        let mut browser = Browser::new();
        let back = browser.sign_in_at_provider(&app, login).await;
        let refused = get(&app, &mut browser.hearth, &back).await;
        assert_eq!(
            refused.status,
            StatusCode::FORBIDDEN,
            "{login}: {}",
            refused.body
        );
        assert!(refused.body.contains(message), "{login}: {}", refused.body);
        assert!(!browser.signed_in(&app).await, "{login}");
        assert_eq!(
            audited(&store, "sign_in_failed", detail).await.len(),
            before + 1,
            "{login}"
        );
    }
    assert!(
        audited(&store, "sign_in", "single sign-on")
            .await
            .is_empty()
    );
}

async fn an_account_is_made_only_where_allowed_and_with_the_chosen_role(db: &TestDb) {
    let Some(idp) = provider(Twist::default()).await else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    sqlx::query("insert into program (id, name) values (77, 'Peer Bridges')")
        .execute(store.pool())
        .await
        .unwrap();
    let app = app(&store, &idp.url, Some("facilitator:Peer Bridges")).await;
    let mut browser = Browser::new();
    let back = browser.sign_in_at_provider(&app, "bob").await;
    let done = get(&app, &mut browser.hearth, &back).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(browser.signed_in(&app).await);
    let made = account::find_by_email(&store, BOB)
        .await
        .unwrap()
        .unwrap()
        .0;
    assert_eq!(made.role, account::Role::Facilitator);
    assert_eq!(made.program.as_deref(), Some("Peer Bridges"));
    assert_eq!(
        count(
            &store,
            "select count(*) from staff_audit where action = 'account_added'"
        )
        .await,
        1
    );
    // Still only the listed domain, and only verified: carol's account exists but is
    // unverified; dave is outside. Neither gets anything made.
    let accounts = count(&store, "select count(*) from staff_user").await;
    for login in ["carol", "dave"] {
        let mut browser = Browser::new();
        let back = browser.sign_in_at_provider(&app, login).await;
        assert_eq!(
            get(&app, &mut browser.hearth, &back).await.status,
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(
        count(&store, "select count(*) from staff_user").await,
        accounts
    );
}

#[test]
fn serve_help_names_the_single_sign_on_settings() {
    let help = Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8(help.stdout).unwrap();
    for name in [
        "--oidc-issuer",
        "HEARTH_OIDC_ISSUER",
        "--oidc-client-id",
        "HEARTH_OIDC_CLIENT_ID",
        "HEARTH_OIDC_CLIENT_SECRET",
        "--oidc-domains",
        "--oidc-new-accounts",
        "/staff/sso/callback",
    ] {
        assert!(text.contains(name), "{name} missing from: {text}");
    }
}

#[test]
fn a_wrong_single_sign_on_setting_stops_serve_with_what_to_give_and_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(args)
            .env(
                "HEARTH_DATABASE_URL",
                format!("sqlite:{}", dir.path().join("hearth.db").display()),
            )
            .env("HEARTH_BASE_URL", BASE)
            .env("HEARTH_OIDC_CLIENT_SECRET", "the-secret-value-1234")
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        assert!(!out.status.success());
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!said.contains("the-secret-value-1234"), "{said}");
        said
    };
    let said = run(&["--oidc-issuer", "https://login.example.org"]);
    assert!(said.contains("--oidc-client-id"), "{said}");
    let said = run(&[
        "--oidc-issuer",
        "https://login.example.org",
        "--oidc-client-id",
        "hearth",
        "--oidc-domains",
        "example org",
    ]);
    assert!(said.contains("is not an e-mail domain"), "{said}");
    let said = run(&[
        "--oidc-issuer",
        "https://login.example.org",
        "--oidc-client-id",
        "hearth",
        "--oidc-domains",
        "example.org",
        "--oidc-new-accounts",
        "admin",
    ]);
    assert!(said.contains("only ever made by another admin"), "{said}");
}

on_both_stores!(
    admins_see_how_single_sign_on_is_set_up_and_nobody_else_does,
    entras_domain_owner_verified_claim_stands_for_email_verified,
);

/// Microsoft Entra ID sends no `email_verified`; its optional `xms_edov` claim says the
/// e-mail's domain is verified by the tenant that owns it.
async fn entras_domain_owner_verified_claim_stands_for_email_verified(db: &TestDb) {
    let Some(idp) = provider(Twist::default()).await else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    let app = app(&store, &idp.url, None).await;
    let mut browser = Browser::new();
    let back = browser.sign_in_at_provider(&app, "erin").await;
    let done = get(&app, &mut browser.hearth, &back).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let home = get(&app, &mut browser.hearth, "/staff").await;
    assert!(home.body.contains(ERIN), "{}", home.body);
}

async fn admins_see_how_single_sign_on_is_set_up_and_nobody_else_does(db: &TestDb) {
    let store = db.store().await;
    seed(&store).await;
    const PASSWORD: &str = "an admin's own long password";
    for (email, role) in [
        ("admin@example.org", "admin"),
        ("funder@example.org", "funder"),
    ] {
        account::add_user(
            &store,
            &NewUser::new(email, role, None).unwrap(),
            PASSWORD.into(),
        )
        .await
        .unwrap();
    }
    // Set up (no provider is contacted to show the page).
    let app = app(&store, "https://login.example.org/tenant", Some("funder")).await;
    let mut admin = common::http::sign_in(&app, "admin@example.org", PASSWORD).await;
    let page = get(&app, &mut admin, "/staff/admin/single-sign-on").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for shown in [
        "https://login.example.org/tenant",
        CLIENT_ID,
        "https://hearth.test/staff/sso/callback",
        "example.org",
        "get an account at their first sign-in: role funder",
        "relies on your organization's identity provider for its second factor",
    ] {
        assert!(page.body.contains(shown), "{shown}: {}", page.body);
    }
    assert!(!page.body.contains(CLIENT_SECRET));
    let mut funder = common::http::sign_in(&app, "funder@example.org", PASSWORD).await;
    let refused = get(&app, &mut funder, "/staff/admin/single-sign-on").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let anonymous = get(&app, &mut Jar::default(), "/staff/admin/single-sign-on").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(
        anonymous
            .location
            .is_some_and(|l| l.starts_with("/staff/sign-in?next="))
    );
    // Not set up: the page says how, and the sign-in page offers no work account.
    let plain = hearth::app(
        hearth::AppState::new(
            store.clone(),
            Settings::default(),
            BASE,
            dashboards::SignInLimits::default(),
        )
        .await
        .unwrap(),
    );
    let mut admin = common::http::sign_in(&plain, "admin@example.org", PASSWORD).await;
    let page = get(&plain, &mut admin, "/staff/admin/single-sign-on").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Single sign-on is not set up"),
        "{}",
        page.body
    );
    let sign_in = get(&plain, &mut Jar::default(), "/staff/sign-in").await;
    assert!(!sign_in.body.contains("Sign in with your work account"));
    let start = get(&plain, &mut Jar::default(), "/staff/sso").await;
    assert_eq!(start.status, StatusCode::NOT_FOUND);
}

on_both_stores!(the_real_server_logs_no_code_token_secret_or_email_through_a_sign_in);

/// `hearth serve` itself, at debug level, through a whole sign-in: the log says a staff
/// member signed in, and holds no authorization code, no token, no client secret and no
/// e-mail.
async fn the_real_server_logs_no_code_token_secret_or_email_through_a_sign_in(db: &TestDb) {
    let Some(idp) = provider(Twist::default()).await else {
        return;
    };
    let store = db.store().await;
    seed(&store).await;
    let server = common::server::Server::start_with_env(
        &db.url,
        Some("debug"),
        &[
            ("HEARTH_BASE_URL", BASE),
            ("HEARTH_OIDC_ISSUER", &idp.url),
            ("HEARTH_OIDC_CLIENT_ID", CLIENT_ID),
            ("HEARTH_OIDC_CLIENT_SECRET", CLIENT_SECRET),
            ("HEARTH_OIDC_DOMAINS", "example.org"),
        ],
    );
    let hearth = format!("http://127.0.0.1:{}", server.port);
    let mut browser = Browser::new();
    let (status, mut at) = browser.fetch(&format!("{hearth}/staff/sso"), None).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let mut code = None;
    for _ in 0..10 {
        let here = at.unwrap();
        if let Some(back) = here.strip_prefix(BASE) {
            code = url::Url::parse(&here)
                .unwrap()
                .query_pairs()
                .find(|(k, _)| k == "code")
                .map(|(_, v)| v.into_owned());
            let (status, location) = browser.fetch(&format!("{hearth}{back}"), None).await;
            assert_eq!(status, StatusCode::SEE_OTHER);
            assert_eq!(location, Some(format!("{hearth}/staff")));
            break;
        }
        let at_login = url::Url::parse(&here)
            .unwrap()
            .path()
            .starts_with("/interaction/");
        at = if at_login {
            browser
                .fetch(&format!("{here}/login"), Some("alice"))
                .await
                .1
        } else {
            browser.fetch(&here, None).await.1
        };
    }
    let (status, _) = browser.fetch(&format!("{hearth}/staff"), None).await;
    assert_eq!(status, StatusCode::OK);
    let log = server.stop();
    let code = code.expect("the provider sent a code back");
    assert!(log.contains("staff signed in"), "{log}");
    assert!(log.contains("single sign-on through"), "{log}");
    for secret in [code.as_str(), "eyJ", CLIENT_SECRET, ALICE] {
        assert!(!log.contains(secret), "{secret:?} in the log: {log}");
    }
}
