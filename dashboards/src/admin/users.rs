//! Staff accounts: who may sign in, with which role and program.
//!
//! An admin adds an account (its first password is a one-time password, shown once, or
//! one they type; either way its owner replaces it at first sign-in), changes its role
//! and program, resets its password, deactivates and reactivates it, or removes it.
//! Resetting, deactivating and removing ask first, on a page that works without
//! JavaScript; every change follows post/redirect/get, and what to show afterwards (a
//! note, a one-time password) waits in the staff session for the page the POST leads to,
//! which takes it out: reloading shows it no more. The rules (the role fits the program,
//! one active admin always remains) and the audit entries are `account`'s.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::Actor;
use domain::catalog::{self, Named};
use domain::{ProgramId, StaffId};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::Area;
use crate::account::{self, Account, AccountError, MIN_PASSWORD, NewUser, PasswordKind, Role};
use crate::auth::Signed;
use crate::once;
use crate::page::{Chrome, StaffError, sentence};

const USERS: &str = "/staff/admin/users";
/// The note shown once on the users page after a change.
const NOTE_KEY: &str = "admin.users.note";
/// A one-time password waiting to be shown, once, on the users page.
const ONE_TIME_KEY: &str = "admin.users.one_time";

/// A one-time password and whose it is, between the POST that made it and the one page
/// that shows it.
#[derive(Serialize, Deserialize)]
struct OneTime {
    email: String,
    password: String,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    chrome: Chrome,
    accounts: Vec<Account>,
    programs: Vec<Named>,
    roles: [Role; 5],
    me: StaffId,
    problem: Option<String>,
    note: Option<String>,
    one_time: Option<OneTime>,
    form: UserForm,
    min: usize,
    /// How long a one-time password works, in hours.
    one_time_hours: String,
    /// Whether admins and managers must have a second factor.
    factor_required: bool,
}

#[derive(Clone, Deserialize)]
pub(crate) struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    program: String,
    /// Empty: Hearth makes a one-time password.
    #[serde(default)]
    password: String,
}

impl Default for UserForm {
    /// The least-privileged role, which sees no figures: an admin picks more on purpose.
    fn default() -> Self {
        UserForm {
            email: String::new(),
            role: Role::Facilitator.key().to_owned(),
            program: String::new(),
            password: String::new(),
        }
    }
}

async fn users_page(
    dash: &Dashboards,
    signed: &Signed,
    form: UserForm,
    problem: Option<String>,
) -> Result<UsersPage, StaffError> {
    Ok(UsersPage {
        chrome: signed.chrome("Users and roles"),
        accounts: account::list_accounts(&dash.store).await?,
        programs: catalog::programs(&dash.store).await?,
        roles: Role::ALL,
        me: signed.user.id,
        problem,
        note: None,
        one_time: None,
        form: UserForm {
            password: String::new(),
            ..form
        },
        min: MIN_PASSWORD,
        one_time_hours: dash.limits.one_time_words(),
        factor_required: crate::factor::required(&dash.store).await?,
    })
}

pub(crate) async fn users(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let mut page = users_page(&dash, &signed, UserForm::default(), None).await?;
    page.note = staff.remove(NOTE_KEY).await?;
    page.one_time = staff.remove(ONE_TIME_KEY).await?;
    signed.render(&page)
}

/// The program a form's `program` field names (a program id), or a message.
fn program_of(programs: &[Named], field: &str) -> Result<Option<String>, String> {
    let field = field.trim();
    if field.is_empty() {
        return Ok(None);
    }
    field
        .parse::<ProgramId>()
        .ok()
        .and_then(|id| programs.iter().find(|p| p.id == id))
        .map(|p| Some(p.name.clone()))
        .ok_or_else(|| {
            "That program does not exist (any more). Choose one from the list.".to_owned()
        })
}

/// "manager of Riverside", "admin".
fn role_words(role: Role, program: Option<&str>) -> String {
    match program {
        Some(p) => format!("{role} of {p}"),
        None => role.to_string(),
    }
}

pub(crate) async fn add_user(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<UserForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let programs = catalog::programs(&dash.store).await?;
    let typed = !form.password.is_empty();
    let password = if typed {
        form.password.clone()
    } else {
        account::one_time_password()
    };
    let added = match program_of(&programs, &form.program) {
        Err(problem) => Err(problem),
        Ok(program) => match NewUser::new(&form.email, &form.role, program.as_deref()) {
            Err(e) => Err(sentence(e)),
            Ok(new) => match account::add_account(
                &dash.store,
                Actor::Staff(&signed.user.email),
                &new,
                password.clone(),
                PasswordKind::MustChange,
            )
            .await
            {
                Ok(user) => Ok(user),
                Err(AccountError::Database(e)) => return Err(e.into()),
                Err(e) => Err(sentence(e)),
            },
        },
    };
    match added {
        Ok(user) => {
            tracing::info!(staff.role = user.role.key(), "staff account added");
            let who = role_words(user.role, user.program.as_deref());
            let note = if typed {
                format!(
                    "Added {} as {who}. Give them the password you typed, in person; when they first sign in they will choose their own.",
                    user.email
                )
            } else {
                staff
                    .insert(
                        ONE_TIME_KEY,
                        OneTime {
                            email: user.email.clone(),
                            password,
                        },
                    )
                    .await?;
                format!("Added {} as {who}.", user.email)
            };
            staff.insert(NOTE_KEY, note).await?;
            Ok(Redirect::to(USERS).into_response())
        }
        Err(problem) => signed.refuse(&users_page(&dash, &signed, form, Some(problem)).await?),
    }
}

/// The account an admin acts on, or 404.
async fn target(dash: &Dashboards, id: StaffId) -> Result<Account, StaffError> {
    account::find_account(&dash.store, id)
        .await?
        .ok_or(StaffError::NotFound)
}

#[derive(Template)]
#[template(path = "admin_user_edit.html")]
struct EditPage {
    chrome: Chrome,
    account: Account,
    programs: Vec<Named>,
    roles: [Role; 5],
    is_me: bool,
    form: EditForm,
    problem: Option<String>,
}

#[derive(Clone, Default, Deserialize)]
pub(crate) struct EditForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    program: String,
}

async fn edit_page(
    dash: &Dashboards,
    signed: &Signed,
    account: Account,
    form: Option<EditForm>,
    problem: Option<String>,
) -> Result<EditPage, StaffError> {
    let form = form.unwrap_or_else(|| EditForm {
        role: account.user.role.key().to_owned(),
        program: account
            .user
            .program_id
            .map(|p| p.to_string())
            .unwrap_or_default(),
    });
    Ok(EditPage {
        chrome: signed.chrome(format!("Account {}", account.user.email)),
        is_me: account.user.id == signed.user.id,
        account,
        programs: catalog::programs(&dash.store).await?,
        roles: Role::ALL,
        form,
        problem,
    })
}

pub(crate) async fn edit_user(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<StaffId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let account = target(&dash, id).await?;
    signed.render(&edit_page(&dash, &signed, account, None, None).await?)
}

/// Saves an account's role and program; refused ones (a manager without a program, the
/// last admin demoted) are shown again with the problem, as 422, and change nothing.
pub(crate) async fn change_user(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<StaffId>,
    Form(form): Form<EditForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let account = target(&dash, id).await?;
    let programs = catalog::programs(&dash.store).await?;
    let changed = match program_of(&programs, &form.program) {
        Err(problem) => Err(problem),
        Ok(program) => match account::change_role(
            &dash.store,
            &signed.user.email,
            id,
            &form.role,
            program.as_deref(),
        )
        .await
        {
            Ok(changed) => Ok(changed),
            Err(AccountError::Database(e)) => return Err(e.into()),
            Err(AccountError::NoSuchAccount) => return Err(StaffError::NotFound),
            Err(e) => Err(sentence(e)),
        },
    };
    let note = match changed {
        Err(problem) => {
            let page = edit_page(&dash, &signed, account, Some(form), Some(problem)).await?;
            return signed.refuse(&page);
        }
        Ok(None) => format!("Nothing was changed for {}.", account.user.email),
        Ok(Some((user, detail))) => {
            tracing::info!(staff.role = user.role.key(), "staff account changed");
            format!("Changed {}: {detail}.", user.email)
        }
    };
    staff.insert(NOTE_KEY, note).await?;
    // An admin who made themself something else has no users page any more.
    let me_now = account::find_by_id(&dash.store, signed.user.id).await?;
    if me_now.is_some_and(|me| me.role == Role::Admin) {
        Ok(Redirect::to(USERS).into_response())
    } else {
        Ok(Redirect::to("/staff").into_response())
    }
}

/// The actions that ask first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asked {
    Reset,
    Deactivate,
    Remove,
    ResetFactor,
}

impl Asked {
    fn key(self) -> &'static str {
        match self {
            Asked::Reset => "reset-password",
            Asked::Deactivate => "deactivate",
            Asked::Remove => "remove",
            Asked::ResetFactor => "reset-second-factor",
        }
    }

    fn path(self, id: StaffId) -> String {
        format!("{USERS}/{id}/{}", self.key())
    }
}

#[derive(Template)]
#[template(path = "admin_user_confirm.html")]
struct ConfirmPage {
    chrome: Chrome,
    account: Account,
    heading: String,
    says: Vec<&'static str>,
    action: String,
    button: &'static str,
    once: String,
    problem: Option<String>,
}

fn confirm_page(
    signed: &Signed,
    asked: Asked,
    account: Account,
    problem: Option<String>,
) -> ConfirmPage {
    let email = &account.user.email;
    let (heading, says, button): (String, Vec<&'static str>, &'static str) = match asked {
        Asked::Reset => (
            format!("Reset the password of {email}?"),
            vec![
                "Hearth makes a new one-time password and shows it to you once, on the next page. Their current password stops working at once, and they are signed out everywhere.",
                "Give them the one-time password in person or read it out on the phone, not by email. When they sign in with it, they choose their own password before anything else.",
            ],
            "Reset the password",
        ),
        Asked::Deactivate => (
            format!("Deactivate {email}?"),
            vec![
                "They are signed out at once and cannot sign in until an admin reactivates the account. The account, its role and program are kept, and so is what the audit trail says they did.",
                "Use this when someone leaves for a while, or when you are not sure; you can undo it with “Reactivate”.",
            ],
            "Deactivate the account",
        ),
        Asked::Remove => (
            format!("Remove {email}?"),
            vec![
                "The account is deleted: they are signed out at once and can never sign in with it again. This cannot be undone; to let them back in, an admin adds a new account.",
                "The audit trail keeps what they did, under their email. If you may need the account again, deactivate it instead.",
            ],
            "Remove the account",
        ),
        Asked::ResetFactor => (
            format!("Reset the second factor of {email}?"),
            vec![
                "Their authenticator app and recovery codes stop working at once, and they are signed out everywhere. Their password stays as it is.",
                "Do this only when you know it is them asking — in person, or on a call you made to a number you already had. If a second factor is required for their role, they set up a new app at their next sign-in; otherwise they can set one up under “Your account”.",
            ],
            "Reset the second factor",
        ),
    };
    ConfirmPage {
        chrome: signed.chrome(heading.clone()),
        action: asked.path(account.user.id),
        account,
        heading,
        says,
        button,
        once: once::token(),
        problem,
    }
}

/// Resetting, deactivating or removing one's own account is refused: one's own password
/// is changed under "Your account", and an admin needs another admin to switch them off.
fn not_yourself(signed: &Signed, id: StaffId, asked: Asked) -> Result<(), StaffError> {
    if id != signed.user.id {
        return Ok(());
    }
    Err(StaffError::BadRequest(match asked {
        Asked::Reset => "Change your own password under “Your account”.".into(),
        Asked::Deactivate => {
            "You cannot deactivate your own account while signed in with it. Ask another admin."
                .into()
        }
        Asked::Remove => {
            "You cannot remove your own account while signed in with it. Ask another admin.".into()
        }
        Asked::ResetFactor => {
            "Remove your own second factor under “Your account” (with a code from it), or ask another admin.".into()
        }
    }))
}

async fn ask(
    dash: Dashboards,
    signed: Signed,
    id: StaffId,
    asked: Asked,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    not_yourself(&signed, id, asked)?;
    let account = target(&dash, id).await?;
    if (asked == Asked::Deactivate && !account.active)
        || (asked == Asked::ResetFactor && !account.has_second_factor)
    {
        return Ok(Redirect::to(&format!("{USERS}/{id}")).into_response());
    }
    signed.render(&confirm_page(&signed, asked, account, None))
}

pub(crate) async fn confirm_reset(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<StaffId>,
) -> Result<Response, StaffError> {
    ask(dash, signed, id, Asked::Reset).await
}

pub(crate) async fn confirm_deactivate(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<StaffId>,
) -> Result<Response, StaffError> {
    ask(dash, signed, id, Asked::Deactivate).await
}

pub(crate) async fn confirm_remove(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<StaffId>,
) -> Result<Response, StaffError> {
    ask(dash, signed, id, Asked::Remove).await
}

#[derive(Deserialize)]
pub(crate) struct ConfirmForm {
    /// Sent only by the confirmation page's button.
    #[serde(default)]
    confirm: String,
    /// Names one rendering of the confirmation page, so the same form sent again (a
    /// reload, a double click) does not reset a password twice.
    #[serde(default)]
    once: String,
}

/// Does what a confirmation page asked for. A POST without the page's `confirm` is led to
/// the page; one sent again is led to the users page and does nothing more.
async fn act(
    dash: Dashboards,
    signed: Signed,
    staff: Session,
    id: StaffId,
    asked: Asked,
    form: ConfirmForm,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    not_yourself(&signed, id, asked)?;
    if form.confirm != "yes" {
        return Ok(Redirect::to(&asked.path(id)).into_response());
    }
    if once::led_to(&staff, &form.once).await?.is_some() {
        return Ok(Redirect::to(USERS).into_response());
    }
    let by = signed.user.email.as_str();
    let done = match asked {
        Asked::Reset => account::reset_password(&dash.store, by, id)
            .await
            .map(|(user, password)| Some((user, Some(password)))),
        Asked::Deactivate => account::set_active(&dash.store, by, id, false)
            .await
            .map(|user| user.map(|u| (u, None))),
        Asked::Remove => account::remove_account(&dash.store, by, id)
            .await
            .map(|user| Some((user, None))),
        Asked::ResetFactor => reset_factor_of(&dash, by, id).await,
    };
    let note = match done {
        Ok(Some((user, password))) => {
            let email = user.email.clone();
            match (asked, password) {
                (Asked::Reset, Some(password)) => {
                    staff
                        .insert(
                            ONE_TIME_KEY,
                            OneTime {
                                email: email.clone(),
                                password,
                            },
                        )
                        .await?;
                    format!("The password of {email} was reset, and they were signed out.")
                }
                (Asked::Deactivate, _) => format!(
                    "Deactivated {email}: they were signed out and cannot sign in. “Reactivate” undoes it."
                ),
                (Asked::ResetFactor, _) => format!(
                    "The second factor of {email} was reset, and they were signed out. Their password still works."
                ),
                _ => format!("Removed {email}. What they did stays in the audit trail."),
            }
        }
        // Already deactivated, or already removed: a form sent twice.
        Ok(None) | Err(AccountError::NoSuchAccount) => {
            return Ok(Redirect::to(USERS).into_response());
        }
        Err(AccountError::Database(e)) => return Err(e.into()),
        Err(e) => {
            let account = target(&dash, id).await?;
            let page = confirm_page(&signed, asked, account, Some(sentence(e)));
            return signed.refuse(&page);
        }
    };
    tracing::info!(staff.action = asked.key(), "staff account action");
    once::remember(&staff, &form.once, USERS).await?;
    staff.insert(NOTE_KEY, note).await?;
    Ok(Redirect::to(USERS).into_response())
}

/// Removes an account's second factor for an admin (recorded as a reset) and signs the
/// account out everywhere; `None` when it had none (a form sent twice).
async fn reset_factor_of(
    dash: &Dashboards,
    by: &str,
    id: StaffId,
) -> Result<Option<(account::StaffUser, Option<String>)>, AccountError> {
    let user = account::find_by_id(&dash.store, id)
        .await?
        .ok_or(AccountError::NoSuchAccount)?;
    let removed = crate::factor::remove(
        &dash.store,
        Actor::Staff(by),
        &user.email,
        id,
        domain::audit::Action::SecondFactorReset,
    )
    .await?;
    Ok(removed.then_some((user, None)))
}

pub(crate) async fn confirm_reset_factor(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<StaffId>,
) -> Result<Response, StaffError> {
    ask(dash, signed, id, Asked::ResetFactor).await
}

pub(crate) async fn reset_factor(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<StaffId>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, StaffError> {
    act(dash, signed, staff, id, Asked::ResetFactor, form).await
}

#[derive(Deserialize)]
pub(crate) struct PolicyForm {
    /// `yes` when the box is ticked; absent when not.
    #[serde(default)]
    required: String,
}

/// Requires (or stops requiring) a second factor for admins and managers.
pub(crate) async fn require_second_factor(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<PolicyForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let on = match form.required.as_str() {
        "yes" => true,
        "" => false,
        _ => {
            return Err(StaffError::BadRequest(
                "That form was not sent by the users page.".into(),
            ));
        }
    };
    let changed = crate::factor::set_required(&dash.store, &signed.user.email, on).await?;
    let note = match (changed, on) {
        (false, _) => "Nothing was changed.".to_owned(),
        (true, true) => "A second factor is now required for admins and managers: those without one set it up at their next page.".to_owned(),
        (true, false) => "A second factor is now optional for everyone. Those who have one keep it.".to_owned(),
    };
    staff.insert(NOTE_KEY, note).await?;
    Ok(Redirect::to(USERS).into_response())
}

pub(crate) async fn reset_password(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<StaffId>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, StaffError> {
    act(dash, signed, staff, id, Asked::Reset, form).await
}

pub(crate) async fn deactivate_user(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<StaffId>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, StaffError> {
    act(dash, signed, staff, id, Asked::Deactivate, form).await
}

pub(crate) async fn remove_user(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<StaffId>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, StaffError> {
    act(dash, signed, staff, id, Asked::Remove, form).await
}

/// Lets a deactivated account sign in again (nothing destructive: no confirmation).
pub(crate) async fn reactivate_user(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<StaffId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    match account::set_active(&dash.store, &signed.user.email, id, true).await {
        Ok(Some(user)) => {
            staff
                .insert(
                    NOTE_KEY,
                    format!(
                        "Reactivated {}: they can sign in again with their password.",
                        user.email
                    ),
                )
                .await?;
        }
        Ok(None) | Err(AccountError::NoSuchAccount) => {}
        Err(e) => return Err(StaffError::internal(e)),
    }
    Ok(Redirect::to(USERS).into_response())
}
