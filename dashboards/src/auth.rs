//! Signing in and out, the signed-in extractor, CSRF checks and sign-in limits.
//!
//! There is no client address to limit by (the server never learns one). What guards
//! sign-in, and what an attacker cannot turn against the people it protects:
//!
//! - **Argon2 work is queued, never refused** (`hashing`): at most one hash per CPU runs,
//!   the rest wait. No bucket exists that one anonymous client can empty for everyone.
//! - **Per-account allowances, in the store** (`attempts`, shared by every instance): a
//!   browser that has signed in to the account before carries a signed device token
//!   (`device`) and has its own allowance; every other browser shares the account's. A
//!   stranger guessing at an account spends only the shared allowance, so its owner's
//!   usual browser still signs in.
//! - **Per client address, at the balancer** (deploy/haproxy.cfg): sign-in posts per
//!   address, counted in HAProxy's memory, never logged.
//!
//! After the password, an account with an authenticator app is asked for its code
//! (`second_factor`); a one-time password works for one sign-in and a limited time.

use axum::Form;
use axum::body::Body;
use axum::extract::{FromRef, FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_csrf::{CsrfConfig, CsrfToken};
use domain::StaffId;
use domain::audit::{self, Action, Actor, Entry};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::{Area, allowed};
use crate::account::{self, Account, OneTimeRefusal, StaffUser};
use crate::page::{Chrome, StaffError, render_with};
use crate::session_store::SESSION_KEY;

/// A sign-in whose password was right, waiting for its second factor: see
/// `second_factor::Pending`.
pub(crate) const PENDING_KEY: &str = "sign_in.pending";
/// The most a staff form may send.
const MAX_FORM_BYTES: usize = 64 * 1024;

/// How many sign-in attempts are allowed, and how long a one-time password lasts.
#[derive(Clone, Copy, Debug)]
pub struct SignInLimits {
    /// Attempts per account per minute from browsers that have not signed in to it before
    /// (all of them together).
    pub per_account_per_minute: u32,
    /// Attempts per account per minute from each browser that has signed in to it before.
    pub per_device_per_minute: u32,
    /// Second-factor codes per account per minute (after a right password).
    pub codes_per_minute: u32,
    /// How long a password someone else set works (once), from when it was set.
    pub one_time_password_lifetime: std::time::Duration,
}

/// 72 hours: a weekend and a day.
pub const ONE_TIME_PASSWORD_HOURS: u64 = 72;

impl Default for SignInLimits {
    fn default() -> Self {
        SignInLimits {
            per_account_per_minute: 5,
            per_device_per_minute: 5,
            codes_per_minute: 5,
            one_time_password_lifetime: std::time::Duration::from_secs(
                ONE_TIME_PASSWORD_HOURS * 3600,
            ),
        }
    }
}

impl SignInLimits {
    /// How long a one-time password works, in words: "72 hours", "1 hour".
    pub(crate) fn one_time_words(&self) -> String {
        let hours = self.one_time_password_lifetime.as_secs() / 3600;
        crate::words::tr().count(
            "sign-in-hours",
            "n",
            i64::try_from(hours).unwrap_or(i64::MAX),
        )
    }

    /// Takes one attempt at `email`'s password: from the browser's own allowance when it
    /// holds a device token for the account (`device`), else from the allowance every
    /// other browser shares. `false`: none left this minute.
    pub(crate) async fn attempt(
        &self,
        store: &domain::Store,
        email: &str,
        device: Option<&str>,
    ) -> Result<bool, sqlx::Error> {
        let now = domain::catalog::now_unix();
        match device {
            Some(nonce) => {
                crate::attempts::take(
                    store,
                    &format!("device:{nonce}"),
                    self.per_device_per_minute.max(1),
                    now,
                )
                .await
            }
            None => {
                crate::attempts::take(store, email, self.per_account_per_minute.max(1), now).await
            }
        }
    }

    /// Takes one attempt at an account's second-factor code.
    pub(crate) async fn code_attempt(
        &self,
        store: &domain::Store,
        account: StaffId,
    ) -> Result<bool, sqlx::Error> {
        let now = domain::catalog::now_unix();
        crate::attempts::take(
            store,
            &format!("code:{account}"),
            self.codes_per_minute.max(1),
            now,
        )
        .await
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
            let key = if too_large {
                "staff-form-too-large"
            } else {
                "staff-form-cut-off"
            };
            return StaffError::BadRequest(crate::words::tr().get(key)).into_response();
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
/// Where a signed-in person sets up (or removes) their second factor.
pub(crate) const SECOND_FACTOR_PATH: &str = "/staff/account/second-factor";

/// A signed-in staff member, with the CSRF token their page's forms carry. Only an
/// active account is signed in; one that must change its password is signed in on
/// [`CHANGE_PASSWORD_PATH`] only, and one that must set up a second factor (an admin
/// requires it for its role) on [`SECOND_FACTOR_PATH`] only: every other page redirects
/// there.
pub(crate) struct Signed {
    pub user: StaffUser,
    pub must_change_password: bool,
    pub must_enrol: bool,
    pub csrf: CsrfToken,
    /// The account's own language setting for staff pages (`None`: the browser's).
    pub lang: Option<domain::i18n::Lang>,
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
        let id: Option<StaffId> = session
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
        crate::words::use_account_language(account.lang);
        let path = parts.uri.path();
        // Until its owner replaces a password someone else set, the account reaches only
        // the page where they do (and signing out, which needs no account).
        if account.must_change_password && path != CHANGE_PASSWORD_PATH {
            return Err(Redirect::to(CHANGE_PASSWORD_PATH).into_response());
        }
        // Then, where an admin requires it, setting up a second factor comes first.
        let must_enrol = !account.must_change_password
            && !account.has_second_factor
            && crate::factor::role_must_have(account.user.role)
            && crate::factor::required(&dash.store)
                .await
                .map_err(|e| StaffError::internal(e).into_response())?;
        if must_enrol && !path.starts_with(SECOND_FACTOR_PATH) {
            return Err(Redirect::to(SECOND_FACTOR_PATH).into_response());
        }
        let Csrf(csrf) = Csrf::from_request_parts(parts, state).await?;
        Ok(Signed {
            user: account.user,
            must_change_password: account.must_change_password,
            must_enrol,
            csrf,
            lang: account.lang,
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

    /// The page frame; no navigation while the password must be changed or a second
    /// factor set up (every link would lead back to that page).
    pub fn chrome(&self, title: impl Into<String>) -> Chrome {
        let mut chrome = Chrome::new(title, Some(&self.user), &self.csrf);
        if self.must_change_password || self.must_enrol {
            chrome.nav.clear();
        }
        chrome
    }

    /// Renders a page and sets the CSRF cookie its forms need.
    pub fn render(&self, template: &impl askama::Template) -> Result<Response, StaffError> {
        render_with(self.csrf.clone(), template)
    }

    /// Renders a page again with a problem on it, as 422 (Unprocessable Entity).
    pub fn refuse(&self, template: &impl askama::Template) -> Result<Response, StaffError> {
        self.render(template)
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
    }
}

#[derive(Deserialize)]
pub(crate) struct NextQuery {
    next: Option<String>,
    /// Set when a one-time password was used up by another sign-in a moment before.
    used: Option<String>,
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
    /// How long a one-time password works, in hours (said on the page).
    one_time_hours: String,
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
        .get::<StaffId>(SESSION_KEY)
        .await
        .ok()
        .flatten()
        .is_some()
    {
        return Ok(Redirect::to(&next).into_response());
    }
    let page = SignInPage {
        chrome: Chrome::new(crate::words::tr().get("sign-in-title"), None, &csrf),
        email: String::new(),
        next,
        problem: query
            .used
            .is_some()
            .then(|| crate::words::tr().get(ONE_TIME_USED)),
        first_admin: first_admin(&dash).await?,
        single_sign_on: dash.sso.is_some(),
        one_time_hours: dash.limits.one_time_words(),
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
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Result<Response, StaffError> {
    let next = safe_next(form.next.as_deref()).to_owned();
    let email = form.email.trim().to_lowercase();
    let again = SignInAgain {
        csrf,
        email: email.clone(),
        next: next.clone(),
        first_admin: first_admin(&dash).await?,
        single_sign_on: dash.sso.is_some(),
        one_time_hours: dash.limits.one_time_words(),
    };
    if email.is_empty() || form.password.is_empty() {
        return again.refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            &crate::words::tr().get("sign-in-refused-empty"),
        );
    }
    let found = account::find_account_by_email(&dash.store, &email).await?;
    // A browser that has signed in to this account before has its own allowance.
    let device = found
        .as_ref()
        .and_then(|(account, _)| dash.device.recognise(&headers, account.user.id));
    if !dash
        .limits
        .attempt(&dash.store, &email, device.as_deref())
        .await?
    {
        return again.refuse(
            StatusCode::TOO_MANY_REQUESTS,
            &crate::words::tr().get("sign-in-refused-too-many"),
        );
    }
    let (account, hash) = match found {
        Some((account, hash)) => (Some(account), hash),
        None => (None, account::decoy_hash().to_owned()),
    };
    let matches = account::password_matches_queued(form.password, hash).await;
    let now = domain::catalog::now_unix();
    let account = match standing(account, matches, now, &dash.limits) {
        Ok(account) => account,
        Err(refusal) => {
            let actor = refusal
                .email
                .as_deref()
                .map_or(Actor::Unknown, Actor::Staff);
            failed_sign_in(&dash, actor, refusal.detail).await?;
            return again.refuse(refusal.status, &refusal.problem);
        }
    };
    // A new session id at sign-in, so an id planted before it is worth nothing after.
    session.cycle_id().await?;
    if account.has_second_factor {
        let pending = Pending {
            account: account.user.id,
            since: now,
            next,
        };
        session.insert(PENDING_KEY, pending).await?;
        return Ok(Redirect::to(SECOND_STEP_PATH).into_response());
    }
    complete_sign_in(&dash, &session, &headers, &account, "", &next).await
}

/// The sign-in page sent back as the person filled it in, with a problem.
struct SignInAgain {
    csrf: CsrfToken,
    email: String,
    next: String,
    first_admin: Option<&'static str>,
    single_sign_on: bool,
    one_time_hours: String,
}

impl SignInAgain {
    fn refuse(&self, status: StatusCode, problem: &str) -> Result<Response, StaffError> {
        let page = SignInPage {
            chrome: Chrome::new(crate::words::tr().get("sign-in-title"), None, &self.csrf),
            email: self.email.clone(),
            next: self.next.clone(),
            problem: Some(problem.to_owned()),
            first_admin: self.first_admin,
            single_sign_on: self.single_sign_on,
            one_time_hours: self.one_time_hours.clone(),
        };
        render_with(self.csrf.clone(), &page).map(|r| (status, r).into_response())
    }
}

/// Why a sign-in is refused once its password has been checked: recorded with `detail`
/// (by the account when the email is one, see [`failed_sign_in`]) and said on the page.
struct Refusal {
    /// The account's email; `None` when no account has the email typed, which is recorded
    /// without the text typed (it could be a password typed in the wrong field).
    email: Option<String>,
    detail: &'static str,
    status: StatusCode,
    problem: String,
}

/// The account to sign in — one that exists, whose password `matches`, that is active,
/// and whose one-time password (if it has one) is neither used nor expired at `now` — or
/// why not.
fn standing(
    account: Option<Account>,
    matches: bool,
    now: i64,
    limits: &SignInLimits,
) -> Result<Account, Refusal> {
    let t = crate::words::tr();
    let Some(account) = account else {
        return Err(Refusal {
            email: None,
            detail: "no account has that email",
            status: StatusCode::UNAUTHORIZED,
            problem: t.get("sign-in-refused-no-match"),
        });
    };
    let refused = |detail, status, problem: String| {
        Err(Refusal {
            email: Some(account.user.email.clone()),
            detail,
            status,
            problem,
        })
    };
    if !matches {
        return refused(
            "wrong password",
            StatusCode::UNAUTHORIZED,
            t.get("sign-in-refused-no-match"),
        );
    }
    if !account.active {
        return refused(
            "account deactivated",
            StatusCode::FORBIDDEN,
            t.get("sign-in-refused-deactivated"),
        );
    }
    match account.one_time_refusal(now, limits.one_time_password_lifetime) {
        None => Ok(account),
        Some(OneTimeRefusal::Used) => refused(
            "one-time password used already",
            StatusCode::UNAUTHORIZED,
            t.get(ONE_TIME_USED),
        ),
        Some(OneTimeRefusal::Expired) => refused(
            "one-time password expired",
            StatusCode::UNAUTHORIZED,
            t.with("sign-in-refused-expired", "hours", &limits.one_time_words()),
        ),
    }
}

/// The message the sign-in page shows when a one-time password signs in a second time.
pub(crate) const ONE_TIME_USED: &str = "sign-in-refused-used";

/// Where the second step of signing in asks for a code.
pub(crate) const SECOND_STEP_PATH: &str = "/staff/sign-in/code";

/// A sign-in whose password was right, waiting in the session for its second factor.
#[derive(Serialize, Deserialize)]
pub(crate) struct Pending {
    pub account: StaffId,
    /// When the password was right (Unix seconds): the second step must follow within
    /// [`PENDING_SECONDS`].
    pub since: i64,
    pub next: String,
}

/// How long the second step may take after the password.
pub(crate) const PENDING_SECONDS: i64 = 10 * 60;

/// Signs `account` in (every check passed): a one-time password is used up here, the
/// session gets the account, the sign-in is recorded, and the browser is remembered for
/// the account (its own allowance of attempts next time). The one way a staff session
/// starts: after a password (and its second factor), or through the organization's
/// identity provider (`crate::sso`, whose own second factor stands for Hearth's). `how`
/// is the audit entry's detail ("" for a password).
pub(crate) async fn complete_sign_in(
    dash: &Dashboards,
    session: &Session,
    headers: &HeaderMap,
    account: &Account,
    how: &str,
    next: &str,
) -> Result<Response, StaffError> {
    let user = &account.user;
    if account.must_change_password && !account::use_one_time_password(&dash.store, user.id).await?
    {
        // Another sign-in used it a moment ago.
        session.flush().await?;
        return Ok(Redirect::to("/staff/sign-in?used=1").into_response());
    }
    session.remove::<Pending>(PENDING_KEY).await?;
    session.insert(SESSION_KEY, user.id).await?;
    audit::record(
        dash.store.pool(),
        Entry::new(Actor::Staff(&user.email), Action::SignIn, &user.email).detail(how),
    )
    .await?;
    tracing::info!(staff.role = user.role.key(), "staff signed in");
    let to = if account.must_change_password {
        CHANGE_PASSWORD_PATH
    } else {
        next
    };
    let mut response = Redirect::to(to).into_response();
    crate::device::set_on(
        &mut response,
        dash.device.remember(headers, user.id, dash.secure_cookies),
    );
    Ok(response)
}

/// Records a refused sign-in: by the account when the email is one (its email is also the
/// subject), else by [`Actor::Unknown`] with no subject — the text typed is never kept
/// (it could be a password typed in the wrong field).
pub(crate) async fn failed_sign_in(
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
