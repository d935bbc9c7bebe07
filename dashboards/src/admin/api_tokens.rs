//! API tokens (`crate::api`): an admin makes one for a manager's or a funder's tools (its
//! text shown once, on the page the form leads to, then gone), sees each with the day it
//! was last used, and revokes it. Every change is in the audit trail (`api::token`).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::ProgramId;
use domain::audit::Actor;
use domain::catalog::{self, Named};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::Area;
use crate::api::token::{self, ApiToken, Audience, NewToken, TokenError};
use crate::auth::Signed;
use crate::page::{Chrome, StaffError, sentence};
use crate::words::tr;

const TOKENS: &str = "/staff/admin/api-tokens";
/// The note shown once after a change.
const NOTE_KEY: &str = "admin.api_tokens.note";
/// A token's text waiting to be shown, once.
const SHOWN_KEY: &str = "admin.api_tokens.shown";

/// A new token's name and text, between the POST that made it and the one page that
/// shows it.
#[derive(Serialize, Deserialize)]
struct Shown {
    name: String,
    text: String,
}

#[derive(Template)]
#[template(path = "admin_api_tokens.html")]
struct TokensPage {
    chrome: Chrome,
    tokens: Vec<ApiToken>,
    programs: Vec<Named>,
    audiences: [Audience; 2],
    note: Option<String>,
    shown: Option<Shown>,
    problem: Option<String>,
    form: TokenForm,
}

#[derive(Clone, Default, Deserialize)]
pub(crate) struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    audience: String,
    /// A program's id, or empty (all programs, for a funder).
    #[serde(default)]
    program: String,
}

async fn tokens_page(
    dash: &Dashboards,
    signed: &Signed,
    form: TokenForm,
    problem: Option<String>,
) -> Result<TokensPage, StaffError> {
    Ok(TokensPage {
        chrome: signed.chrome(tr().get("tokens-title")),
        tokens: token::list(&dash.store).await?,
        programs: catalog::programs(&dash.store).await?,
        audiences: Audience::ALL,
        note: None,
        shown: None,
        problem,
        form,
    })
}

pub(crate) async fn api_tokens(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let mut page = tokens_page(&dash, &signed, TokenForm::default(), None).await?;
    page.note = staff.remove(NOTE_KEY).await?;
    page.shown = staff.remove(SHOWN_KEY).await?;
    signed.render(&page)
}

pub(crate) async fn add_api_token(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<TokenForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let programs = catalog::programs(&dash.store).await?;
    let program = match form.program.trim() {
        "" => Ok(None),
        id => id
            .parse::<ProgramId>()
            .ok()
            .and_then(|id| programs.iter().find(|p| p.id == id))
            .map(|p| Some(p.name.clone()))
            .ok_or_else(|| tr().get("tokens-no-such-program")),
    };
    let made = match program {
        Err(problem) => Err(problem),
        Ok(program) => match NewToken::new(&form.name, &form.audience, program.as_deref()) {
            Err(e) => Err(token_problem(e)),
            Ok(new) => {
                match token::add(&dash.store, Actor::Staff(&signed.user.email), &new).await {
                    Ok(made) => Ok(made),
                    Err(TokenError::Database(e)) => return Err(e.into()),
                    Err(e) => Err(token_problem(e)),
                }
            }
        },
    };
    match made {
        Ok((token, text)) => {
            staff
                .insert(
                    SHOWN_KEY,
                    Shown {
                        name: token.name.clone(),
                        text: text.expose().to_owned(),
                    },
                )
                .await?;
            Ok(Redirect::to(TOKENS).into_response())
        }
        Err(problem) => signed.refuse(&tokens_page(&dash, &signed, form, Some(problem)).await?),
    }
}

/// A refused token as the page's language says it, for the errors the form meets; any
/// other keeps the error's English sentence.
fn token_problem(error: TokenError) -> String {
    let t = tr();
    match error {
        TokenError::NoName => t.get("tokens-error-no-name"),
        TokenError::LongName => t.get("tokens-error-long-name"),
        TokenError::ManagerWithoutProgram => t.get("tokens-error-manager-program"),
        TokenError::Taken(name) => t.with("tokens-error-taken", "name", &format!("{name:?}")),
        TokenError::Text(e) => crate::page::text_problem(&e),
        TokenError::Audience(a) => t.with("tokens-error-audience", "audience", &format!("{a:?}")),
        TokenError::NoProgram(p) => t.with("tokens-error-no-program", "program", &format!("{p:?}")),
        TokenError::NotFound(n) => t.with("tokens-error-not-found", "name", &format!("{n:?}")),
        e => sentence(e),
    }
}

#[derive(Template)]
#[template(path = "admin_api_token_revoke.html")]
struct RevokePage {
    chrome: Chrome,
    token: ApiToken,
}

pub(crate) async fn confirm_revoke(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<i32>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let token = token::find(&dash.store, id)
        .await?
        .filter(|t| t.revoked_on.is_none())
        .ok_or(StaffError::NotFound)?;
    signed.render(&RevokePage {
        chrome: signed.chrome(tr().with("tokens-revoke-heading", "name", &token.name)),
        token,
    })
}

pub(crate) async fn revoke_api_token(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<i32>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let token = token::find(&dash.store, id)
        .await?
        .ok_or(StaffError::NotFound)?;
    match token::revoke(&dash.store, Actor::Staff(&signed.user.email), id).await {
        Ok(()) => {
            staff
                .insert(NOTE_KEY, tr().with("tokens-revoked", "name", &token.name))
                .await?;
        }
        // Revoked already (a second click): nothing more to do.
        Err(TokenError::NotFound(_)) => {}
        Err(TokenError::Database(e)) => return Err(e.into()),
        Err(e) => return Err(StaffError::BadRequest(token_problem(e))),
    }
    Ok(Redirect::to(TOKENS).into_response())
}
