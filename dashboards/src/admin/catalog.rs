//! Programs and circles, and where to turn in a crisis (per program and participant
//! language).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use collector::catalog::{self, CircleEntry, Named};
use collector::crisis::{self, Scope};
use collector::i18n::Lang;
use serde::Deserialize;
use tower_sessions::Session;

use super::refused;
use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError, sentence};

#[derive(Template)]
#[template(path = "admin_catalog.html")]
struct CatalogPage {
    chrome: Chrome,
    programs: Vec<(Named, Vec<CircleEntry>)>,
    problem: Option<String>,
    saved: Option<String>,
    crisis: Vec<CrisisForm>,
    crisis_max: usize,
}

/// The crisis-line form of the organization or of one program: a field per language.
struct CrisisForm {
    /// "" for the organization, else the program's id (the form's `program` field).
    program: String,
    /// Unique within the page, for labels.
    id: String,
    title: String,
    fields: Vec<CrisisField>,
}

struct CrisisField {
    code: &'static str,
    language: &'static str,
    value: String,
    /// What participants see when the field is left empty.
    otherwise: String,
}

/// Lines an admin typed that were refused, shown again in their form.
type Typed = (Scope, Vec<(Lang, String)>);

async fn crisis_form(
    dash: &Dashboards,
    scope: Scope,
    title: String,
    typed: Option<&Typed>,
) -> Result<CrisisForm, StaffError> {
    let lines = match typed {
        Some((s, lines)) if *s == scope => lines.clone(),
        _ => crisis::lines(&dash.store, scope).await?,
    };
    let (program, id) = match scope {
        Scope::Organization => (String::new(), "org".to_owned()),
        Scope::Program(p) => (p.to_string(), p.to_string()),
    };
    let fields = lines
        .into_iter()
        .map(|(lang, value)| CrisisField {
            code: lang.code(),
            language: lang.native_name(),
            value,
            otherwise: match scope {
                Scope::Organization => format!(
                    "the built-in line (unless the server was started with --crisis-line): “{}”",
                    lang.tr().get("thanks-crisis")
                ),
                Scope::Program(_) => "the organization's line in this language".to_owned(),
            },
        })
        .collect();
    Ok(CrisisForm {
        program,
        id,
        title,
        fields,
    })
}

async fn catalog_page(
    dash: &Dashboards,
    signed: &Signed,
    problem: Option<String>,
) -> Result<CatalogPage, StaffError> {
    catalog_page_with(dash, signed, problem, None, None).await
}

async fn catalog_page_with(
    dash: &Dashboards,
    signed: &Signed,
    problem: Option<String>,
    saved: Option<String>,
    typed: Option<&Typed>,
) -> Result<CatalogPage, StaffError> {
    let circles = catalog::circles(&dash.store, None).await?;
    let programs = catalog::programs(&dash.store)
        .await?
        .into_iter()
        .map(|p| {
            let mine = circles
                .iter()
                .filter(|c| c.program_id == p.id)
                .cloned()
                .collect();
            (p, mine)
        })
        .collect::<Vec<(Named, Vec<CircleEntry>)>>();
    let mut crisis = vec![
        crisis_form(
            dash,
            Scope::Organization,
            "The whole organization".to_owned(),
            typed,
        )
        .await?,
    ];
    for (p, _) in &programs {
        crisis.push(crisis_form(dash, Scope::Program(p.id), p.name.clone(), typed).await?);
    }
    Ok(CatalogPage {
        chrome: signed.chrome("Programs and circles"),
        programs,
        problem,
        saved,
        crisis,
        crisis_max: crisis::MAX_LEN,
    })
}

/// Where the note "Saved …" waits between a catalog POST and the GET it redirects to.
const CATALOG_SAVED_KEY: &str = "admin.catalog.saved";

pub(crate) async fn catalog(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let saved: Option<String> = staff.remove(CATALOG_SAVED_KEY).await?;
    signed.render(&catalog_page_with(&dash, &signed, None, saved, None).await?)
}

/// Saves the crisis line of the organization or of one program, in every participant
/// language at once (an empty field: that language's default), and redirects
/// (post/redirect/get) to the catalog page with a one-off "Saved" note; a refused line is
/// shown again with its problem, as 422, and nothing is stored.
pub(crate) async fn set_crisis_line(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let field = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let programs = catalog::programs(&dash.store).await?;
    let program = field("program").trim();
    let (scope, name) = if program.is_empty() {
        (Scope::Organization, "the whole organization".to_owned())
    } else {
        match program
            .parse::<i32>()
            .ok()
            .and_then(|id| programs.iter().find(|p| p.id == id))
        {
            Some(p) => (Scope::Program(p.id), p.name.clone()),
            None => {
                return refused(
                    &signed,
                    &catalog_page(
                        &dash,
                        &signed,
                        Some("Choose a program for the line.".into()),
                    )
                    .await?,
                );
            }
        }
    };
    let typed: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .map(|lang| (lang, field(&format!("line.{}", lang.code())).to_owned()))
        .collect();
    let written: Vec<(Lang, &str)> = typed.iter().map(|(l, t)| (*l, t.as_str())).collect();
    match crisis::save(&dash.store, scope, &written).await {
        Ok(()) => {
            tracing::info!(setting.name = "crisis_line", "crisis line changed");
            let saved =
                format!("Saved the crisis line for {name}. The thanks page shows it from now on.");
            staff.insert(CATALOG_SAVED_KEY, saved).await?;
            Ok(Redirect::to("/staff/admin").into_response())
        }
        Err(crisis::CrisisLineError::Database(e)) => Err(e.into()),
        Err(e) => refused(
            &signed,
            &catalog_page_with(
                &dash,
                &signed,
                Some(sentence(e)),
                None,
                Some(&(scope, typed)),
            )
            .await?,
        ),
    }
}

#[derive(Deserialize)]
pub(crate) struct ProgramForm {
    #[serde(default)]
    name: String,
}

pub(crate) async fn add_program(
    State(dash): State<Dashboards>,
    signed: Signed,
    Form(form): Form<ProgramForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    match catalog::add_program(&dash.store, &form.name).await {
        Ok(_) => Ok(Redirect::to("/staff/admin").into_response()),
        Err(catalog::CatalogError::Database(e)) => Err(e.into()),
        Err(e) => refused(
            &signed,
            &catalog_page(&dash, &signed, Some(sentence(e))).await?,
        ),
    }
}

#[derive(Deserialize)]
pub(crate) struct CircleForm {
    #[serde(default)]
    program: String,
    #[serde(default)]
    name: String,
}

pub(crate) async fn add_circle(
    State(dash): State<Dashboards>,
    signed: Signed,
    Form(form): Form<CircleForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let programs = catalog::programs(&dash.store).await?;
    let Some(program) = form
        .program
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|id| programs.iter().any(|p| p.id == *id))
    else {
        return refused(
            &signed,
            &catalog_page(
                &dash,
                &signed,
                Some("Choose a program for the circle.".into()),
            )
            .await?,
        );
    };
    match catalog::add_circle(&dash.store, program, &form.name).await {
        Ok(_) => Ok(Redirect::to("/staff/admin").into_response()),
        Err(catalog::CatalogError::Database(e)) => Err(e.into()),
        Err(e) => refused(
            &signed,
            &catalog_page(&dash, &signed, Some(sentence(e))).await?,
        ),
    }
}
