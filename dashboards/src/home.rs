//! The home page: where a signed-in person lands, with the alerts of their program (a
//! manager's) or of every program (an admin's), and an admin's list of programs.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::catalog::{self, Named};

use crate::Dashboards;
use crate::access::{Area, allowed};
use crate::account::Role;
use crate::attention::{self, Attention};
use crate::auth::Signed;
use crate::page::{Chrome, StaffError};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    role: Role,
    program: Option<String>,
    programs: Vec<Named>,
    /// The alerts of the manager's program, or of every program for an admin.
    attention: Option<Attention>,
}

pub(crate) async fn home(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    signed.require(Area::Home)?;
    let programs = if signed.user.role == Role::Admin {
        catalog::programs(&dash.store).await?
    } else {
        vec![]
    };
    let attention = match (signed.user.role, signed.user.program_id) {
        (Role::Admin, _) => Some(attention::attention(&dash, None).await?),
        (Role::Manager, Some(p)) if allowed(&signed.user, Area::Program(p)) => {
            Some(attention::attention(&dash, Some(p)).await?)
        }
        _ => None,
    };
    let page = HomePage {
        chrome: signed.chrome("Home"),
        role: signed.user.role,
        program: signed.user.program.clone(),
        programs,
        attention,
    };
    signed.render(&page)
}
