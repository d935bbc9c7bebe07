//! Signing in and out, the signed-in extractor, CSRF checks and sign-in rate limits.
//!
//! There is no client address to limit by (the server never learns one), so sign-in
//! attempts are limited per account and in total: guessing one account's password is slow,
//! and guessing many cannot eat the server's CPU with argon2. The per-account count lives
//! in the store (`attempts`), shared by every instance; the total guards each instance's
//! own CPU, so it is kept by each instance.

use std::num::NonZeroU32;

use axum::Form;
use axum::body::Body;
use axum::extract::{FromRef, FromRequestParts, Query, Request, State};
use axum::http::Method;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_csrf::{CsrfConfig, CsrfToken};
use collector::audit::{self, Action, Actor, Entry};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use serde::Deserialize;
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::{Area, allowed};
use crate::account::{self, StaffUser};
use crate::page::{Chrome, StaffError, render_with};

pub(crate) const SESSION_KEY: &str = "staff";
/// The most a staff form may send.
const MAX_FORM_BYTES: usize = 64 * 1024;

/// How many sign-in attempts are allowed.
#[derive(Clone, Copy, Debug)]
pub struct SignInLimits {
    /// Attempts per account per minute (also the burst).
    pub per_account_per_minute: u32,
    /// Attempts per second over all accounts (the burst is twice this).
    pub total_per_second: u32,
}

impl Default for SignInLimits {
    fn default() -> Self {
        SignInLimits {
            per_account_per_minute: 5,
            total_per_second: 10,
        }
    }
}

pub(crate) struct SignInLimiter {
    per_account_per_minute: u32,
    total: DefaultDirectRateLimiter,
}

impl SignInLimiter {
    pub fn new(limits: SignInLimits) -> SignInLimiter {
        let nz = |n: u32| NonZeroU32::new(n.max(1)).expect("at least one");
        SignInLimiter {
            per_account_per_minute: limits.per_account_per_minute.max(1),
            total: RateLimiter::direct(
                Quota::per_second(nz(limits.total_per_second))
                    .allow_burst(nz(2 * limits.total_per_second)),
            ),
        }
    }

    /// Takes one attempt for `email`, or says no.
    pub(crate) async fn attempt(
        &self,
        store: &collector::Store,
        email: &str,
    ) -> Result<bool, sqlx::Error> {
        if self.total.check().is_err() {
            return Ok(false);
        }
        let now = collector::catalog::now_unix();
        crate::attempts::take(store, email, self.per_account_per_minute, now).await
    }
}

/// Refuses any POST to a staff route whose `authenticity_token` field does not match the
/// CSRF cookie. Every state-changing staff form is a POST, so none can skip the check.
pub(crate) async fn csrf_guard(
    State(config): State<CsrfConfig>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let token = match CsrfToken::from_request_parts(&mut parts, &config).await {
        Ok(token) => token,
        Err(rejection) => return rejection.into_response(),
    };
    let bytes = match axum::body::to_bytes(body, MAX_FORM_BYTES).await {
        Ok(bytes) => bytes,
        // Too large, or cut off (`hearth serve --body-timeout`): said as what it was.
        Err(error) => {
            let too_large = std::error::Error::source(&error)
                .is_some_and(|e| e.is::<http_body_util::LengthLimitError>());
            let message = if too_large {
                "That form was too large."
            } else {
                "That form did not arrive whole, so nothing was changed. Go back and send it again."
            };
            return StaffError::BadRequest(message.into()).into_response();
        }
    };
    let sent = form_urlencoded::parse(&bytes)
        .find(|(name, _)| name == "authenticity_token")
        .map(|(_, value)| value.into_owned());
    match sent {
        Some(sent) if token.verify(sent.as_str()).is_ok() => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        _ => StaffError::Csrf.into_response(),
    }
}

/// The CSRF token of a request (from its cookie, or a new one), for the page's forms.
pub(crate) struct Csrf(pub CsrfToken);

impl<S> FromRequestParts<S> for Csrf
where
    S: Send + Sync,
    Dashboards: FromRef<S>,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let dash = Dashboards::from_ref(state);
        CsrfToken::from_request_parts(parts, &dash.csrf)
            .await
            .map(Csrf)
            .map_err(IntoResponse::into_response)
    }
}

/// Where a signed-in person changes their own password.
pub(crate) const CHANGE_PASSWORD_PATH: &str = "/staff/account";

/// A signed-in staff member, with the CSRF token their page's forms carry. Only an
/// active account is signed in; one that must change its password is signed in on
/// [`CHANGE_PASSWORD_PATH`] only (every other page redirects there).
pub(crate) struct Signed {
    pub user: StaffUser,
    pub must_change_password: bool,
    pub csrf: CsrfToken,
}

impl<S> FromRequestParts<S> for Signed
where
    S: Send + Sync,
    Dashboards: FromRef<S>,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let dash = Dashboards::from_ref(state);
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let to_sign_in = || {
            let next = parts
                .uri
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/staff");
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("next", next)
                .finish();
            Redirect::to(&format!("/staff/sign-in?{query}")).into_response()
        };
        let id: Option<i32> = session
            .get(SESSION_KEY)
            .await
            .map_err(|e| StaffError::internal(e).into_response())?;
        let Some(id) = id else {
            return Err(to_sign_in());
        };
        // Read from the store on every request, so a deactivated or removed account is
        // refused at once, on every `hearth serve` sharing the store.
        let account = account::find_account(&dash.store, id)
            .await
            .map_err(|e| StaffError::internal(e).into_response())?;
        let Some(account) = account.filter(|a| a.active) else {
            let _ = session.flush().await;
            return Err(to_sign_in());
        };
        // Until its owner replaces a password someone else set, the account reaches only
        // the page where they do (and signing out, which needs no account).
        if account.must_change_password && parts.uri.path() != CHANGE_PASSWORD_PATH {
            return Err(Redirect::to(CHANGE_PASSWORD_PATH).into_response());
        }
        let Csrf(csrf) = Csrf::from_request_parts(parts, state).await?;
        Ok(Signed {
            user: account.user,
            must_change_password: account.must_change_password,
            csrf,
        })
    }
}

impl Signed {
    /// Refuses with 403 unless the person may see `area`.
    pub fn require(&self, area: Area) -> Result<(), StaffError> {
        if allowed(&self.user, area) {
            Ok(())
        } else {
            Err(StaffError::Forbidden)
        }
    }

    /// The page frame; no navigation while the password must be changed (every link
    /// would lead back to the change-password page).
    pub fn chrome(&self, title: impl Into<String>) -> Chrome {
        let mut chrome = Chrome::new(title, Some(&self.user), &self.csrf);
        if self.must_change_password {
            chrome.nav.clear();
        }
        chrome
    }

    /// Renders a page and sets the CSRF cookie its forms need.
    pub fn render(&self, template: &impl askama::Template) -> Result<Response, StaffError> {
        render_with(self.csrf.clone(), template)
    }
}

#[derive(Deserialize)]
pub(crate) struct NextQuery {
    next: Option<String>,
}

/// Only a path on the staff site: never another site (`//evil`, `https://…`).
pub(crate) fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n)
            if n.starts_with("/staff")
                && !n.contains('\\')
                && n.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            n
        }
        _ => "/staff",
    }
}

#[derive(askama::Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    chrome: Chrome,
    email: String,
    next: String,
    problem: Option<String>,
    /// On a fresh install (no account yet): the command that makes the first admin.
    first_admin: Option<&'static str>,
    /// Whether "Sign in with your work account" is offered (single sign-on is set up).
    single_sign_on: bool,
}

/// [`account::FIRST_ADMIN`] while no account exists, for the sign-in page.
async fn first_admin(dash: &Dashboards) -> Result<Option<&'static str>, sqlx::Error> {
    Ok((!account::any_account(&dash.store).await?).then_some(account::FIRST_ADMIN))
}

pub(crate) async fn sign_in_form(
    State(dash): State<Dashboards>,
    session: Session,
    Csrf(csrf): Csrf,
    Query(query): Query<NextQuery>,
) -> Result<Response, StaffError> {
    let next = safe_next(query.next.as_deref()).to_owned();
    if session
        .get::<i32>(SESSION_KEY)
        .await
        .ok()
        .flatten()
        .is_some()
    {
        return Ok(Redirect::to(&next).into_response());
    }
    let page = SignInPage {
        chrome: Chrome::new("Sign in", None, &csrf),
        email: String::new(),
        next,
        problem: None,
        first_admin: first_admin(&dash).await?,
        single_sign_on: dash.sso.is_some(),
    };
    render_with(csrf, &page)
}

#[derive(Deserialize)]
pub(crate) struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub(crate) async fn sign_in(
    State(dash): State<Dashboards>,
    session: Session,
    Csrf(csrf): Csrf,
    Form(form): Form<SignInForm>,
) -> Result<Response, StaffError> {
    let next = safe_next(form.next.as_deref()).to_owned();
    let email = form.email.trim().to_lowercase();
    let first_admin = first_admin(&dash).await?;
    let refuse = |status, problem: &str| -> Result<Response, StaffError> {
        let page = SignInPage {
            chrome: Chrome::new("Sign in", None, &csrf),
            email: email.clone(),
            next: next.clone(),
            problem: Some(problem.to_owned()),
            first_admin,
            single_sign_on: dash.sso.is_some(),
        };
        render_with(csrf.clone(), &page).map(|r| (status, r).into_response())
    };
    if email.is_empty() || form.password.is_empty() {
        return refuse(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "Enter your email and your password.",
        );
    }
    if !dash.limits.attempt(&dash.store, &email).await? {
        return refuse(
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            "Too many sign-in attempts. Wait a minute, then try again.",
        );
    }
    let found = account::find_account_by_email(&dash.store, &email).await?;
    let (account, hash) = match found {
        Some((account, hash)) => (Some(account), hash),
        None => (None, account::decoy_hash().to_owned()),
    };
    let password = form.password;
    let matches =
        tokio::task::spawn_blocking(move || account::password_matches(&password, &hash)).await?;
    // A failed attempt names the account when the email is one; an unknown email is
    // recorded without the text typed (it could be a password typed in the wrong field).
    let Some(account) = account else {
        failed_sign_in(&dash, Actor::Unknown, "no account has that email").await?;
        return refuse(
            axum::http::StatusCode::UNAUTHORIZED,
            "That email and password do not match an account.",
        );
    };
    let user = &account.user;
    if !matches {
        failed_sign_in(&dash, Actor::Staff(&user.email), "wrong password").await?;
        return refuse(
            axum::http::StatusCode::UNAUTHORIZED,
            "That email and password do not match an account.",
        );
    }
    if !account.active {
        failed_sign_in(&dash, Actor::Staff(&user.email), "account deactivated").await?;
        return refuse(
            axum::http::StatusCode::FORBIDDEN,
            "This account has been deactivated. Ask an admin if you need it again.",
        );
    }
    start_session(&dash, &session, &account, "", &next).await
}

/// Signs in an active account that has proved who it is — with its password, or through
/// the organization's identity provider (`crate::sso`) — and answers with where to go:
/// `next`, or the change-password page first. `how` is the audit entry's detail ("" for
/// a password). The one way a staff session starts.
pub(crate) async fn start_session(
    dash: &Dashboards,
    session: &Session,
    account: &account::Account,
    how: &str,
    next: &str,
) -> Result<Response, StaffError> {
    let user = &account.user;
    // A new session id at sign-in, so an id planted before it is worth nothing after.
    session.cycle_id().await?;
    session.insert(SESSION_KEY, user.id).await?;
    audit::record(
        dash.store.pool(),
        Entry::new(Actor::Staff(&user.email), Action::SignIn, &user.email).detail(how),
    )
    .await?;
    tracing::info!(staff.role = user.role.key(), "staff signed in");
    if account.must_change_password {
        return Ok(Redirect::to(CHANGE_PASSWORD_PATH).into_response());
    }
    Ok(Redirect::to(next).into_response())
}

/// Records a refused sign-in: by the account when the email is one (its email is also the
/// subject), else by [`Actor::Unknown`] with no subject — the text typed is never kept
/// (it could be a password typed in the wrong field).
async fn failed_sign_in(
    dash: &Dashboards,
    actor: Actor<'_>,
    detail: &str,
) -> Result<(), sqlx::Error> {
    let subject = match actor {
        Actor::Staff(email) => email,
        _ => "",
    };
    audit::record(
        dash.store.pool(),
        Entry::new(actor, Action::SignInFailed, subject).detail(detail),
    )
    .await
}

pub(crate) async fn sign_out(session: Session) -> Result<Response, StaffError> {
    session.flush().await?;
    Ok(Redirect::to("/staff/sign-in").into_response())
}
