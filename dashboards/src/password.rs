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
use crate::words;
use domain::i18n::Lang;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    must_change: bool,
    min: usize,
    max: usize,
    problem: Option<String>,
    saved: Option<String>,
    /// The account's language setting: `""` (the browser's) or a language code.
    lang_setting: &'static str,
    /// The staff languages to choose from: code and own name.
    languages: Vec<(&'static str, &'static str)>,
    /// Whether this account gets release digests by e-mail; `None` for a role that sees
    /// no figures (facilitators, data entry), which gets none and sees no setting.
    digests: Option<bool>,
    /// Whether an SMTP server is set up, so that digests are sent at all.
    mail_ready: bool,
}

/// The account's digest setting, for roles that get digests ([`crate::notify::outbox::gets_digest`]).
async fn digest_setting(dash: &Dashboards, signed: &Signed) -> Result<Option<bool>, StaffError> {
    let role = signed.user.role;
    if !(crate::notify::outbox::gets_digest(role, false)
        || crate::notify::outbox::gets_digest(role, true))
    {
        return Ok(None);
    }
    Ok(Some(account::digests(&dash.store, signed.user.id).await?))
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

/// What the page shows besides the form's own state: the account's digest setting and
/// whether mail can be sent.
struct Setting {
    digests: Option<bool>,
    mail_ready: bool,
}

async fn setting(dash: &Dashboards, signed: &Signed) -> Result<Setting, StaffError> {
    Ok(Setting {
        digests: digest_setting(dash, signed).await?,
        mail_ready: dash.mail,
    })
}

fn page(
    signed: &Signed,
    setting: &Setting,
    problem: Option<String>,
    saved: Option<String>,
) -> AccountPage {
    let tr = words::tr();
    let title = if signed.must_change_password {
        tr.get("account-choose-title")
    } else {
        tr.get("nav-account")
    };
    AccountPage {
        chrome: signed.chrome(title),
        must_change: signed.must_change_password,
        min: MIN_PASSWORD,
        max: MAX_PASSWORD,
        problem,
        saved,
        lang_setting: signed.lang.map_or("", Lang::code),
        languages: Lang::staff()
            .iter()
            .map(|l| (l.code(), l.native_name()))
            .collect(),
        digests: setting.digests,
        mail_ready: setting.mail_ready,
    }
}

pub(crate) async fn account_page(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
) -> Result<Response, StaffError> {
    let saved: Option<String> = staff.remove(CHANGED_KEY).await?;
    // The session holds the message's key; it is read in the page's language.
    let saved = saved.map(|key| words::tr().get(&key));
    let setting = setting(&dash, &signed).await?;
    signed.render(&page(&signed, &setting, None, saved))
}

#[derive(Deserialize)]
pub(crate) struct DigestForm {
    #[serde(default)]
    digests: String,
}

/// "Release digests" on "Your account": `on` or `off`. Anything else, or a role that gets
/// no digests, is refused and nothing is stored.
pub(crate) async fn set_digests(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<DigestForm>,
) -> Result<Response, StaffError> {
    let setting = setting(&dash, &signed).await?;
    let on = match form.digests.trim() {
        "on" => true,
        "off" => false,
        _ => {
            let problem = words::tr().get("account-digests-unknown");
            return signed.refuse(&page(&signed, &setting, Some(problem), None));
        }
    };
    if setting.digests.is_none() {
        let problem = words::tr().get("account-digests-none");
        return signed.refuse(&page(&signed, &setting, Some(problem), None));
    }
    account::set_digests(&dash.store, signed.user.id, on).await?;
    let saved = if on {
        "account-digests-on-saved"
    } else {
        "account-digests-off-saved"
    };
    staff.insert(CHANGED_KEY, saved).await?;
    Ok(Redirect::to(CHANGE_PASSWORD_PATH).into_response())
}

#[derive(Deserialize)]
pub(crate) struct LanguageForm {
    #[serde(default)]
    lang: String,
}

/// "Language of these pages" on "Your account": a staff language, or `""` to follow the
/// browser. Anything else is refused and nothing is stored.
pub(crate) async fn set_language(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<LanguageForm>,
) -> Result<Response, StaffError> {
    let choice = form.lang.trim();
    let lang = if choice.is_empty() {
        None
    } else {
        match Lang::from_code(choice).filter(|l| l.is_staff()) {
            Some(lang) => Some(lang),
            None => {
                let problem = words::tr().get("account-language-unknown");
                let setting = setting(&dash, &signed).await?;
                return signed.refuse(&page(&signed, &setting, Some(problem), None));
            }
        }
    };
    account::set_language(&dash.store, signed.user.id, lang).await?;
    staff.insert(CHANGED_KEY, "account-language-saved").await?;
    Ok(Redirect::to(CHANGE_PASSWORD_PATH).into_response())
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
        return Some(words::tr().get("account-fill-all"));
    }
    if form.new != form.again {
        return Some(words::tr().get("account-not-same"));
    }
    if account::check_password(&form.new).is_err() {
        return Some(words::tr().args(
            "account-length",
            &[
                ("min", &MIN_PASSWORD.to_string()),
                ("max", &MAX_PASSWORD.to_string()),
            ],
        ));
    }
    if form.new == form.current {
        return Some(words::tr().get("account-must-differ"));
    }
    None
}

pub(crate) async fn change_password(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<PasswordForm>,
) -> Result<Response, StaffError> {
    let setting = setting(&dash, &signed).await?;
    let refuse = |status: StatusCode, problem: String| {
        signed
            .render(&page(&signed, &setting, Some(problem), None))
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
            words::tr().get("account-too-many"),
        );
    }
    let hash = account::password_hash(&dash.store, signed.user.id)
        .await?
        .ok_or(StaffError::NotFound)?;
    let matches = account::password_matches_queued(form.current, hash).await;
    if !matches {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            words::tr().get("account-current-wrong"),
        );
    }
    account::change_password(&dash.store, &signed.user, form.new).await?;
    // The store no longer holds any session of this account; this one carries on under a
    // new id (written when the request ends).
    staff.cycle_id().await?;
    staff
        .insert(CHANGED_KEY, "account-password-changed")
        .await?;
    tracing::info!(
        staff.role = signed.user.role.key(),
        "staff password changed"
    );
    Ok(Redirect::to(CHANGE_PASSWORD_PATH).into_response())
}
