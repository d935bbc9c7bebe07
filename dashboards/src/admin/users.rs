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
use crate::words::tr;

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
        chrome: signed.chrome(tr().get("users-title")),
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
        .ok_or_else(|| tr().get("users-no-such-program"))
}

/// A role as the page's language names it ("data entry", "captura de datos").
fn role_name(role: Role) -> String {
    tr().get(&role.message_key())
}

/// "manager of Riverside", "admin".
fn role_words(role: Role, program: Option<&str>) -> String {
    match program {
        Some(p) => tr().args(
            "users-role-of",
            &[("role", &role_name(role)), ("program", p)],
        ),
        None => role_name(role),
    }
}

/// A refused account change as the page's language says it; the English is the error's
/// own sentence.
fn account_problem(error: &AccountError) -> String {
    let t = tr();
    match error {
        AccountError::Email(email) => t.with("users-error-email", "email", &format!("{email:?}")),
        AccountError::Password => t.args(
            "users-error-password",
            &[
                ("min", &MIN_PASSWORD.to_string()),
                ("max", &account::MAX_PASSWORD.to_string()),
            ],
        ),
        AccountError::Role(role) => t.with("users-error-role", "role", &format!("{role:?}")),
        AccountError::NeedsProgram(role) => {
            t.with("users-error-needs-program", "role", &role_name(*role))
        }
        AccountError::AdminProgram => t.get("users-error-admin-program"),
        AccountError::UnknownProgram(name) => t.with(
            "users-error-unknown-program",
            "program",
            &format!("{name:?}"),
        ),
        AccountError::Taken(email) => t.with("users-error-taken", "email", &format!("{email:?}")),
        AccountError::LastAdmin(email) => t.with("users-error-last-admin", "email", email),
        AccountError::NoSuchAccount => t.get("users-error-no-such-account"),
        other => sentence(other),
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
            Err(e) => Err(account_problem(&e)),
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
                Err(e) => Err(account_problem(&e)),
            },
        },
    };
    match added {
        Ok(user) => {
            tracing::info!(staff.role = user.role.key(), "staff account added");
            let who = role_words(user.role, user.program.as_deref());
            let note = if typed {
                tr().args(
                    "users-added-typed",
                    &[("email", &user.email), ("who", &who)],
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
                tr().args("users-added", &[("email", &user.email), ("who", &who)])
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
        chrome: signed.chrome(tr().with("user-edit-title", "email", &account.user.email)),
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
            Err(e) => Err(account_problem(&e)),
        },
    };
    let note = match changed {
        Err(problem) => {
            let page = edit_page(&dash, &signed, account, Some(form), Some(problem)).await?;
            return signed.refuse(&page);
        }
        Ok(None) => tr().with("users-nothing-changed-for", "email", &account.user.email),
        Ok(Some((user, _))) => {
            tracing::info!(staff.role = user.role.key(), "staff account changed");
            tr().args(
                "users-changed",
                &[
                    ("email", &user.email),
                    ("detail", &change_words(&account.user, &user)),
                ],
            )
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

/// What a role change changed, in the page's language: "role facilitator → manager,
/// program A → B" (the audit trail keeps `account::change_role`'s English words).
fn change_words(old: &account::StaffUser, new: &account::StaffUser) -> String {
    let t = tr();
    let mut changes = vec![];
    if old.role != new.role {
        changes.push(t.args(
            "users-change-role-detail",
            &[("old", &role_name(old.role)), ("new", &role_name(new.role))],
        ));
    }
    if old.program_id != new.program_id {
        let none = t.get("users-change-no-program");
        let name = |p: &Option<String>| p.clone().unwrap_or_else(|| none.clone());
        changes.push(t.args(
            "users-change-program-detail",
            &[("old", &name(&old.program)), ("new", &name(&new.program))],
        ));
    }
    changes.join(", ")
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

    /// The action a path names (`reset-password`, …); any other is not found.
    fn from_key(key: &str) -> Result<Asked, StaffError> {
        [
            Asked::Reset,
            Asked::Deactivate,
            Asked::Remove,
            Asked::ResetFactor,
        ]
        .into_iter()
        .find(|a| a.key() == key)
        .ok_or(StaffError::NotFound)
    }
}

/// `GET /staff/admin/users/{id}/{action}`: the page that asks before an action.
pub(crate) async fn confirm_user_action(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path((id, action)): Path<(StaffId, String)>,
) -> Result<Response, StaffError> {
    ask(dash, signed, id, Asked::from_key(&action)?).await
}

/// `POST /staff/admin/users/{id}/{action}`: the action, once its page asked.
pub(crate) async fn user_action(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path((id, action)): Path<(StaffId, String)>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, StaffError> {
    act(dash, signed, staff, id, Asked::from_key(&action)?, form).await
}

#[derive(Template)]
#[template(path = "admin_user_confirm.html")]
struct ConfirmPage {
    chrome: Chrome,
    account: Account,
    heading: String,
    says: Vec<String>,
    action: String,
    button: String,
    once: String,
    problem: Option<String>,
}

fn confirm_page(
    signed: &Signed,
    asked: Asked,
    account: Account,
    problem: Option<String>,
) -> ConfirmPage {
    let email = account.user.email.as_str();
    let name = match asked {
        Asked::Reset => "reset",
        Asked::Deactivate => "deactivate",
        Asked::Remove => "remove",
        Asked::ResetFactor => "factor",
    };
    let t = tr();
    let key = |part: &str| format!("user-confirm-{name}-{part}");
    let heading = t.with(&key("heading"), "email", email);
    let says = vec![t.get(&key("1")), t.get(&key("2"))];
    let button = t.get(&key("button"));
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
    let key = match asked {
        Asked::Reset => "user-confirm-not-yourself-reset",
        Asked::Deactivate => "user-confirm-not-yourself-deactivate",
        Asked::Remove => "user-confirm-not-yourself-remove",
        Asked::ResetFactor => "user-confirm-not-yourself-factor",
    };
    Err(StaffError::BadRequest(tr().get(key)))
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
                    tr().with("user-confirm-reset-done", "email", &email)
                }
                (Asked::Deactivate, _) => {
                    tr().with("user-confirm-deactivate-done", "email", &email)
                }
                (Asked::ResetFactor, _) => tr().with("user-confirm-factor-done", "email", &email),
                _ => tr().with("user-confirm-remove-done", "email", &email),
            }
        }
        // Already deactivated, or already removed: a form sent twice.
        Ok(None) | Err(AccountError::NoSuchAccount) => {
            return Ok(Redirect::to(USERS).into_response());
        }
        Err(AccountError::Database(e)) => return Err(e.into()),
        Err(e) => {
            let account = target(&dash, id).await?;
            let page = confirm_page(&signed, asked, account, Some(account_problem(&e)));
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
            return Err(StaffError::BadRequest(tr().get("users-factor-bad-form")));
        }
    };
    let changed = crate::factor::set_required(&dash.store, &signed.user.email, on).await?;
    let note = match (changed, on) {
        (false, _) => tr().get("users-nothing-changed"),
        (true, true) => tr().get("users-factor-now-required"),
        (true, false) => tr().get("users-factor-now-optional"),
    };
    staff.insert(NOTE_KEY, note).await?;
    Ok(Redirect::to(USERS).into_response())
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
                    tr().with("users-reactivated", "email", &user.email),
                )
                .await?;
        }
        Ok(None) | Err(AccountError::NoSuchAccount) => {}
        Err(e) => return Err(StaffError::internal(e)),
    }
    Ok(Redirect::to(USERS).into_response())
}
