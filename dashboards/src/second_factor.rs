//! The second factor's pages: setting up an authenticator app under "Your account"
//! (`/staff/account/second-factor`: start, scan the QR code or type the secret, confirm
//! with a code, see the recovery codes once; or remove it with a code), and the second
//! step of signing in (`/staff/sign-in/code`), which takes a code from the app or a
//! recovery code. Every form follows post/redirect/get; what to show once (the recovery
//! codes) waits in the staff session for the page the POST leads to, which takes it out.
//! The rules and the audit entries are `factor`'s.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::{Action, Actor};
use serde::Deserialize;
use tower_sessions::Session;

use crate::Dashboards;
use crate::account;
use crate::auth::{
    Csrf, PENDING_KEY, PENDING_SECONDS, Pending, SECOND_FACTOR_PATH, Signed, complete_sign_in,
    failed_sign_in,
};
use crate::factor::{self, FactorError, Passed, Standing};
use crate::page::{Chrome, StaffError, render_with};
use crate::words;

/// The recovery codes, between the POST that made them and the one page that shows them.
const CODES_KEY: &str = "second_factor.codes";
/// A note shown once on the page after a change.
const NOTE_KEY: &str = "second_factor.note";

fn now() -> u64 {
    domain::catalog::now_unix().max(0) as u64
}

#[derive(Template)]
#[template(path = "second_factor.html")]
struct FactorPage {
    chrome: Chrome,
    /// An admin requires one for this account's role, and it has none yet.
    must_enrol: bool,
    enrolled: bool,
    recovery_left: i64,
    /// While setting up: the QR code (SVG) and the secret as text.
    pending: Option<(String, String)>,
    codes: Option<Vec<String>>,
    note: Option<String>,
    problem: Option<String>,
}

async fn factor_page(
    dash: &Dashboards,
    signed: &Signed,
    problem: Option<String>,
) -> Result<FactorPage, StaffError> {
    let standing = factor::standing(&dash.store, signed.user.id, dash.factor_key.as_ref()).await?;
    let (enrolled, recovery_left, pending) = match standing {
        Standing::None => (false, 0, None),
        Standing::Enrolled { recovery_left } => (true, recovery_left, None),
        Standing::Pending(secret) => {
            let url = factor::otpauth_url(&secret, &signed.user.email);
            let label = words::tr().get("second-factor-qr-label");
            let qr = crate::facilitator::qr_svg(&url, &label)?;
            (false, 0, Some((qr, factor::secret_text(&secret))))
        }
    };
    Ok(FactorPage {
        chrome: signed.chrome(words::tr().get("account-second-factor-heading")),
        must_enrol: signed.must_enrol,
        enrolled,
        recovery_left,
        pending,
        codes: None,
        note: None,
        problem,
    })
}

pub(crate) async fn page(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
) -> Result<Response, StaffError> {
    let mut page = factor_page(&dash, &signed, None).await?;
    page.codes = staff.remove(CODES_KEY).await?;
    page.note = staff.remove(NOTE_KEY).await?;
    signed.render(&page)
}

/// Starts setting up an app (or starts again, with a new secret).
pub(crate) async fn start(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    factor::start(&dash.store, signed.user.id, dash.factor_key.as_ref()).await?;
    Ok(Redirect::to(SECOND_FACTOR_PATH).into_response())
}

#[derive(Deserialize)]
pub(crate) struct CodeForm {
    #[serde(default)]
    code: String,
}

async fn refused(
    dash: &Dashboards,
    signed: &Signed,
    status: StatusCode,
    problem: &str,
) -> Result<Response, StaffError> {
    let page = factor_page(dash, signed, Some(problem.to_owned())).await?;
    signed.render(&page).map(|r| (status, r).into_response())
}

/// Confirms the app with a code from it; the recovery codes are shown once, next.
pub(crate) async fn confirm(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<CodeForm>,
) -> Result<Response, StaffError> {
    if let Some(refusal) = before_a_code(
        &dash,
        &signed,
        &form.code,
        &words::tr().get("second-factor-type-code"),
    )
    .await?
    {
        return Ok(refusal);
    }
    let codes = factor::confirm(
        &dash.store,
        &signed.user.email,
        signed.user.id,
        &form.code,
        now(),
        dash.factor_key.as_ref(),
    )
    .await?;
    let Some(codes) = codes else {
        return refused(
            &dash,
            &signed,
            StatusCode::UNPROCESSABLE_ENTITY,
            &words::tr().get("second-factor-wrong-confirm"),
        )
        .await;
    };
    tracing::info!(staff.role = signed.user.role.key(), "second factor set up");
    staff.insert(CODES_KEY, codes).await?;
    Ok(Redirect::to(SECOND_FACTOR_PATH).into_response())
}

/// What every form that takes a code checks first: a code was typed (`missing` says what
/// to type), and the account has an attempt left this minute (which this counts).
async fn before_a_code(
    dash: &Dashboards,
    signed: &Signed,
    code: &str,
    missing: &str,
) -> Result<Option<Response>, StaffError> {
    if code.trim().is_empty() {
        return refused(dash, signed, StatusCode::UNPROCESSABLE_ENTITY, missing)
            .await
            .map(Some);
    }
    if !dash
        .limits
        .code_attempt(&dash.store, signed.user.id)
        .await?
    {
        let too_many = words::tr().get("second-factor-too-many");
        return refused(dash, signed, StatusCode::TOO_MANY_REQUESTS, &too_many)
            .await
            .map(Some);
    }
    Ok(None)
}

/// Removes one's own app and recovery codes, with a code from the app (or a recovery code).
pub(crate) async fn remove(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<CodeForm>,
) -> Result<Response, StaffError> {
    if let Some(refusal) = before_a_code(
        &dash,
        &signed,
        &form.code,
        &words::tr().get("second-factor-type-remove"),
    )
    .await?
    {
        return Ok(refusal);
    }
    let passed = factor::verify(
        &dash.store,
        signed.user.id,
        &form.code,
        now(),
        dash.factor_key.as_ref(),
    )
    .await?;
    if passed.is_none() {
        return refused(
            &dash,
            &signed,
            StatusCode::UNPROCESSABLE_ENTITY,
            &words::tr().get("second-factor-wrong-remove"),
        )
        .await;
    }
    let email = signed.user.email.as_str();
    factor::remove(
        &dash.store,
        Actor::Staff(email),
        email,
        signed.user.id,
        Action::SecondFactorRemoved,
    )
    .await?;
    staff
        .insert(NOTE_KEY, words::tr().get("second-factor-removed"))
        .await?;
    Ok(Redirect::to(SECOND_FACTOR_PATH).into_response())
}

#[derive(Template)]
#[template(path = "sign_in_code.html")]
struct CodePage {
    chrome: Chrome,
    problem: Option<String>,
}

/// The sign-in waiting for its second step, if it is recent enough.
async fn pending(session: &Session) -> Result<Option<Pending>, StaffError> {
    let pending: Option<Pending> = session.get(PENDING_KEY).await?;
    Ok(pending.filter(|p| domain::catalog::now_unix() - p.since < PENDING_SECONDS))
}

pub(crate) async fn code_form(session: Session, Csrf(csrf): Csrf) -> Result<Response, StaffError> {
    if pending(&session).await?.is_none() {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    }
    let page = CodePage {
        chrome: Chrome::new(words::tr().get("sign-in-code-title"), None, &csrf),
        problem: None,
    };
    render_with(csrf, &page)
}

/// The second step: a code from the app, or a recovery code (used up). Wrong codes are
/// refused, recorded and counted against the account's allowance of codes.
pub(crate) async fn code(
    State(dash): State<Dashboards>,
    session: Session,
    Csrf(csrf): Csrf,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, StaffError> {
    let Some(pending) = pending(&session).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let refuse = |status: StatusCode, problem: &str| {
        let page = CodePage {
            chrome: Chrome::new(words::tr().get("sign-in-code-title"), None, &csrf),
            problem: Some(problem.to_owned()),
        };
        render_with(csrf.clone(), &page).map(|r| (status, r).into_response())
    };
    if form.code.trim().is_empty() {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            &words::tr().get("sign-in-code-missing"),
        );
    }
    let Some(account) = account::find_account(&dash.store, pending.account)
        .await?
        .filter(|a| a.active)
    else {
        session.flush().await?;
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if !dash
        .limits
        .code_attempt(&dash.store, account.user.id)
        .await?
    {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            &words::tr().get("second-factor-too-many"),
        );
    }
    let passed = match factor::verify(
        &dash.store,
        account.user.id,
        &form.code,
        now(),
        dash.factor_key.as_ref(),
    )
    .await
    {
        Ok(passed) => passed,
        Err(FactorError::Sealed(why)) => {
            // The server's HEARTH_SECOND_FACTOR_KEY is missing or not the one the secret
            // was sealed with: said to the operator once, and to the person plainly.
            tracing::error!(error = why, "a second-factor secret could not be opened");
            return refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                &words::tr().get("sign-in-code-no-key"),
            );
        }
        Err(FactorError::Database(e)) => return Err(e.into()),
    };
    match passed {
        None => {
            failed_sign_in(
                &dash,
                Actor::Staff(&account.user.email),
                "wrong second-factor code",
            )
            .await?;
            refuse(
                StatusCode::UNAUTHORIZED,
                &words::tr().get("sign-in-code-wrong"),
            )
        }
        Some(passed) => {
            let mut response =
                complete_sign_in(&dash, &session, &headers, &account, "", &pending.next).await?;
            // After a recovery code, the factor's page says how many are left (unless the
            // password must be chosen first).
            if let Passed::Recovery { left } = passed
                && !account.must_change_password
            {
                // Said on a signed-in page: in the account's language, as that page is.
                words::use_account_language(account.lang);
                session
                    .insert(
                        NOTE_KEY,
                        words::tr().with("sign-in-code-recovery-used", "left", &left.to_string()),
                    )
                    .await?;
                if let Ok(to) = SECOND_FACTOR_PATH.parse() {
                    response
                        .headers_mut()
                        .insert(axum::http::header::LOCATION, to);
                }
            }
            Ok(response)
        }
    }
}
