//! "Your account": a signed-in person changes their own password — any role, and first of
//! all one whose password was set by someone else (see `account`), which reaches nothing
//! else until it has chosen its own.
//!
//! The current password is asked for (a borrowed, still signed-in browser cannot lock its
//! owner out), checked in the argon2 queue and limited per sign-in session: whoever is
//! guessing here is signed in already, and their guesses must not spend the account's
//! sign-in allowance (that would let them lock its owner out). After a change every other
//! sign-in session of the account ends, and this one gets a new id.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use crate::Dashboards;
use crate::account::{self, MAX_PASSWORD, MIN_PASSWORD};
use crate::auth::{CHANGE_PASSWORD_PATH, Signed};
use crate::page::{Chrome, StaffError};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    must_change: bool,
    min: usize,
    max: usize,
    problem: Option<String>,
    saved: Option<String>,
}

/// Where "Your password was changed" waits for the GET after the change.
const CHANGED_KEY: &str = "account.password_changed";
/// When this sign-in session last tried a current password (Unix seconds), the last
/// minute's only.
const TRIES_KEY: &str = "account.current_password_tries";
/// Current-password tries per sign-in session per minute.
const TRIES_PER_MINUTE: usize = 5;

/// Takes one try at the current password for this sign-in session: `false` when it has
/// had [`TRIES_PER_MINUTE`] in the last minute.
async fn take_try(staff: &Session) -> Result<bool, StaffError> {
    let now = domain::catalog::now_unix();
    let mut tries: Vec<i64> = staff.get(TRIES_KEY).await?.unwrap_or_default();
    tries.retain(|t| now - t < 60);
    let allowed = tries.len() < TRIES_PER_MINUTE;
    tries.push(now);
    staff.insert(TRIES_KEY, tries).await?;
    Ok(allowed)
}

fn page(signed: &Signed, problem: Option<String>, saved: Option<String>) -> AccountPage {
    let title = if signed.must_change_password {
        "Choose your password"
    } else {
        "Your account"
    };
    AccountPage {
        chrome: signed.chrome(title),
        must_change: signed.must_change_password,
        min: MIN_PASSWORD,
        max: MAX_PASSWORD,
        problem,
        saved,
    }
}

pub(crate) async fn account_page(signed: Signed, staff: Session) -> Result<Response, StaffError> {
    let saved: Option<String> = staff.remove(CHANGED_KEY).await?;
    signed.render(&page(&signed, None, saved))
}

#[derive(Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    again: String,
}

/// Why a new password is refused, before the current one is checked.
fn refusal(form: &PasswordForm) -> Option<String> {
    if form.current.is_empty() || form.new.is_empty() || form.again.is_empty() {
        return Some("Fill in all three fields.".into());
    }
    if form.new != form.again {
        return Some("The two new passwords are not the same. Type the new one twice.".into());
    }
    if account::check_password(&form.new).is_err() {
        return Some(format!(
            "A password must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long. A few words you will remember make a good one."
        ));
    }
    if form.new == form.current {
        return Some("The new password must differ from your current one.".into());
    }
    None
}

pub(crate) async fn change_password(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<PasswordForm>,
) -> Result<Response, StaffError> {
    let refuse = |status: StatusCode, problem: String| {
        signed
            .render(&page(&signed, Some(problem), None))
            .map(|r| (status, r).into_response())
    };
    if let Some(problem) = refusal(&form) {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, problem);
    }
    // Guessing the current password here is as slow as guessing it at sign-in, and
    // spends this session's tries only.
    if !take_try(&staff).await? {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many attempts. Wait a minute, then try again.".into(),
        );
    }
    let hash = account::password_hash(&dash.store, signed.user.id)
        .await?
        .ok_or(StaffError::NotFound)?;
    let matches = account::password_matches_queued(form.current, hash).await;
    if !matches {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Your current password is not right. Nothing was changed.".into(),
        );
    }
    account::change_password(&dash.store, &signed.user, form.new).await?;
    // The store no longer holds any session of this account; this one carries on under a
    // new id (written when the request ends).
    staff.cycle_id().await?;
    staff
        .insert(
            CHANGED_KEY,
            "Your password was changed. Anywhere else you were signed in has been signed out.",
        )
        .await?;
    tracing::info!(
        staff.role = signed.user.role.key(),
        "staff password changed"
    );
    Ok(Redirect::to(CHANGE_PASSWORD_PATH).into_response())
}
