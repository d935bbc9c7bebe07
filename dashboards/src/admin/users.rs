//! Staff accounts: who may sign in, with which role and program.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use collector::catalog::{self, Named};
use serde::Deserialize;

use super::refused;
use crate::Dashboards;
use crate::access::Area;
use crate::account::{self, NewUser, Role, StaffUser};
use crate::auth::Signed;
use crate::page::{Chrome, StaffError, sentence};

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    chrome: Chrome,
    users: Vec<StaffUser>,
    programs: Vec<Named>,
    roles: [Role; 4],
    me: i32,
    problem: Option<String>,
    form: UserForm,
}

#[derive(Clone, Default, Deserialize)]
pub(crate) struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    program: String,
    #[serde(default)]
    password: String,
}

async fn users_page(
    dash: &Dashboards,
    signed: &Signed,
    form: UserForm,
    problem: Option<String>,
) -> Result<UsersPage, StaffError> {
    Ok(UsersPage {
        chrome: signed.chrome("Users and roles"),
        users: account::list_users(&dash.store).await?,
        programs: catalog::programs(&dash.store).await?,
        roles: Role::ALL,
        me: signed.user.id,
        problem,
        form: UserForm {
            password: String::new(),
            ..form
        },
    })
}

pub(crate) async fn users(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    signed.render(&users_page(&dash, &signed, UserForm::default(), None).await?)
}

pub(crate) async fn add_user(
    State(dash): State<Dashboards>,
    signed: Signed,
    Form(form): Form<UserForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let programs = catalog::programs(&dash.store).await?;
    let program = form
        .program
        .trim()
        .parse::<i32>()
        .ok()
        .and_then(|id| programs.iter().find(|p| p.id == id))
        .map(|p| p.name.clone());
    let added = match NewUser::new(&form.email, &form.role, program.as_deref()) {
        Ok(new) => account::add_user(&dash.store, &new, form.password.clone()).await,
        Err(e) => Err(e),
    };
    match added {
        Ok(user) => {
            tracing::info!(staff.role = %user.role, "staff account added");
            Ok(Redirect::to("/staff/admin/users").into_response())
        }
        Err(account::AccountError::Database(e)) => Err(e.into()),
        Err(e) => {
            let message = sentence(e);
            refused(
                &signed,
                &users_page(&dash, &signed, form, Some(message)).await?,
            )
        }
    }
}

pub(crate) async fn remove_user(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<i32>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    if id == signed.user.id {
        return Err(StaffError::BadRequest(
            "You cannot remove your own account while signed in with it.".into(),
        ));
    }
    if !account::remove_user(&dash.store, id).await? {
        return Err(StaffError::NotFound);
    }
    Ok(Redirect::to("/staff/admin/users").into_response())
}
