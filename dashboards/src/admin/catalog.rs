//! Programs and circles — added, renamed, archived and restored, never deleted or moved
//! (see `domain::catalog`) — and where to turn in a crisis (per program and
//! participant language). Each change leaves one audit entry with the admin's email.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::Actor;
use domain::catalog::{self, Added, CatalogError, CircleEntry, Named, Target};
use domain::crisis::{self, Scope};
use domain::i18n::Lang;
use domain::{CircleId, ProgramId};
use serde::Deserialize;
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, Confirmed, StaffError, catalog_problem, sentence};
use crate::words::tr;

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
                Scope::Organization => tr().with(
                    "catalog-crisis-built-in",
                    "line",
                    &lang.tr().get("thanks-crisis"),
                ),
                Scope::Program(_) => tr().get("catalog-crisis-organization-line"),
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
            tr().get("catalog-crisis-whole-organization"),
            typed,
        )
        .await?,
    ];
    for (p, _) in &programs {
        crisis.push(crisis_form(dash, Scope::Program(p.id), p.name.clone(), typed).await?);
    }
    Ok(CatalogPage {
        chrome: signed.chrome(tr().get("catalog-title")),
        programs,
        problem,
        saved,
        crisis,
        crisis_max: crisis::MAX_LEN,
    })
}

/// Where the note "Saved …" waits between a catalog POST and the GET it redirects to.
pub(super) const CATALOG_SAVED_KEY: &str = "admin.catalog.saved";

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
        (
            Scope::Organization,
            tr().get("catalog-crisis-for-organization"),
        )
    } else {
        match program
            .parse::<ProgramId>()
            .ok()
            .and_then(|id| programs.iter().find(|p| p.id == id))
        {
            Some(p) => (Scope::Program(p.id), p.name.clone()),
            None => {
                return signed.refuse(
                    &catalog_page(
                        &dash,
                        &signed,
                        Some(tr().get("catalog-crisis-choose-program")),
                    )
                    .await?,
                );
            }
        }
    };
    let typed: Vec<(Lang, String)> = Lang::all()
        .into_iter()
        .map(|lang| (lang, field(&format!("line.{}", lang.code())).to_owned()))
        .collect();
    let written: Vec<(Lang, &str)> = typed.iter().map(|(l, t)| (*l, t.as_str())).collect();
    let subject = match scope {
        Scope::Organization => "crisis line (whole organization)".to_owned(),
        Scope::Program(_) => format!("crisis line ({name})"),
    };
    let actor = Actor::Staff(&signed.user.email);
    match crisis::save_by(&dash.store, scope, &written, actor, &subject).await {
        Ok(changed) => {
            tracing::info!(setting.name = "crisis_line", changed, "crisis line saved");
            let key = if changed {
                "catalog-crisis-saved"
            } else {
                "catalog-crisis-unchanged"
            };
            let saved = tr().with(key, "name", &name);
            staff.insert(CATALOG_SAVED_KEY, saved).await?;
            Ok(Redirect::to("/staff/admin").into_response())
        }
        Err(crisis::CrisisLineError::Database(e)) => Err(e.into()),
        Err(e) => signed.refuse(
            &catalog_page_with(
                &dash,
                &signed,
                Some(crisis_problem(e)),
                None,
                Some(&(scope, typed)),
            )
            .await?,
        ),
    }
}

/// A refused crisis line as the page's language says it (a line that is not plain text
/// keeps `domain::text`'s English sentence).
fn crisis_problem(error: crisis::CrisisLineError) -> String {
    match error {
        crisis::CrisisLineError::TooLong(language) => tr().args(
            "catalog-crisis-too-long",
            &[
                ("language", language),
                ("max", &crisis::MAX_LEN.to_string()),
            ],
        ),
        crisis::CrisisLineError::NotPlainText(e) => crate::page::text_problem(&e),
        e => sentence(e),
    }
}

/// A refused catalog change as the page's language says it, for the errors the admin's
/// forms meet; any other keeps `catalog_problem`'s English sentence.
fn name_problem(error: CatalogError) -> String {
    let t = tr();
    let max = catalog::MAX_NAME_LEN.to_string();
    match error {
        CatalogError::EmptyName("program name") => t.get("catalog-error-empty-program"),
        CatalogError::EmptyName("circle name") => t.get("catalog-error-empty-circle"),
        CatalogError::LongName("program name") => t.with("catalog-error-long-program", "max", &max),
        CatalogError::LongName("circle name") => t.with("catalog-error-long-circle", "max", &max),
        CatalogError::ProgramNameTaken(name) => {
            t.with("catalog-error-program-taken", "name", &name)
        }
        CatalogError::CircleNameTaken(name) => t.with("catalog-error-circle-taken", "name", &name),
        CatalogError::ArchivedProgram(name) => {
            t.with("catalog-error-archived-program", "name", &name)
        }
        CatalogError::ArchivedCircle(name) => {
            t.with("catalog-error-archived-circle", "name", &name)
        }
        e => catalog_problem(e),
    }
}

#[derive(Deserialize)]
pub(crate) struct ProgramForm {
    #[serde(default)]
    name: String,
}

/// Refused catalog changes re-render the catalog page with the problem, as 422; a
/// database error is a 500.
async fn refused_on_catalog(
    dash: &Dashboards,
    signed: &Signed,
    error: CatalogError,
) -> Result<Response, StaffError> {
    match error {
        CatalogError::Database(e) => Err(e.into()),
        e => signed.refuse(&catalog_page(dash, signed, Some(name_problem(e))).await?),
    }
}

/// Back to the catalog page, with a one-off note.
async fn saved(staff: &Session, note: String) -> Result<Response, StaffError> {
    staff.insert(CATALOG_SAVED_KEY, note).await?;
    Ok(Redirect::to("/staff/admin").into_response())
}

pub(crate) async fn add_program(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<ProgramForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let actor = Actor::Staff(&signed.user.email);
    match catalog::add_program(&dash.store, &form.name, actor).await {
        Ok(Added::New(_)) => {
            let note = tr().with("catalog-program-added", "name", form.name.trim());
            saved(&staff, note).await
        }
        Ok(Added::Existing(_)) => {
            let note = tr().with("catalog-program-exists", "name", form.name.trim());
            saved(&staff, note).await
        }
        Err(e) => refused_on_catalog(&dash, &signed, e).await,
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
    staff: Session,
    Form(form): Form<CircleForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let programs = catalog::programs(&dash.store).await?;
    let Some(program) = form
        .program
        .trim()
        .parse::<ProgramId>()
        .ok()
        .and_then(|id| programs.iter().find(|p| p.id == id))
    else {
        return signed.refuse(
            &catalog_page(&dash, &signed, Some(tr().get("catalog-choose-program"))).await?,
        );
    };
    let actor = Actor::Staff(&signed.user.email);
    match catalog::add_circle(&dash.store, program.id, &form.name, actor).await {
        Ok(Added::New(_)) => {
            let note = tr().args(
                "catalog-circle-added",
                &[("name", form.name.trim()), ("program", &program.name)],
            );
            saved(&staff, note).await
        }
        Ok(Added::Existing(_)) => {
            let note = tr().args(
                "catalog-circle-exists",
                &[("name", form.name.trim()), ("program", &program.name)],
            );
            saved(&staff, note).await
        }
        Err(e) => refused_on_catalog(&dash, &signed, e).await,
    }
}

/// A program or circle as its rename and archive pages name it.
struct Subject {
    /// "program" or "circle".
    kind: &'static str,
    /// The path under /staff/admin: `programs/{id}` or `circles/{id}`.
    path: String,
    name: String,
    /// A circle's program.
    program: Option<String>,
    archived: bool,
}

async fn subject(dash: &Dashboards, target: Target) -> Result<Subject, StaffError> {
    match target {
        Target::Program(id) => {
            let p = catalog::programs(&dash.store)
                .await?
                .into_iter()
                .find(|p| p.id == id)
                .ok_or(StaffError::NotFound)?;
            Ok(Subject {
                kind: "program",
                path: format!("programs/{id}"),
                archived: p.archived(),
                name: p.name,
                program: None,
            })
        }
        Target::Circle(id) => {
            let c = catalog::circles(&dash.store, None)
                .await?
                .into_iter()
                .find(|c| c.id == id)
                .ok_or(StaffError::NotFound)?;
            let program = catalog::programs(&dash.store)
                .await?
                .into_iter()
                .find(|p| p.id == c.program_id)
                .map(|p| p.name);
            Ok(Subject {
                kind: "circle",
                path: format!("circles/{id}"),
                archived: c.archived(),
                name: c.name,
                program,
            })
        }
    }
}

#[derive(Template)]
#[template(path = "admin_rename.html")]
struct RenamePage {
    chrome: Chrome,
    subject: Subject,
    /// What was typed (on a refused rename) or the current name.
    value: String,
    problem: Option<String>,
    max: usize,
}

async fn rename_page(
    dash: &Dashboards,
    signed: &Signed,
    target: Target,
    typed: Option<String>,
    problem: Option<String>,
) -> Result<RenamePage, StaffError> {
    let subject = subject(dash, target).await?;
    Ok(RenamePage {
        chrome: signed.chrome(tr().with("rename-heading", "name", &subject.name)),
        value: typed.unwrap_or_else(|| subject.name.clone()),
        subject,
        problem,
        max: catalog::MAX_NAME_LEN,
    })
}

pub(crate) async fn rename_program_form(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<ProgramId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    signed.render(&rename_page(&dash, &signed, Target::Program(id), None, None).await?)
}

pub(crate) async fn rename_circle_form(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<CircleId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    signed.render(&rename_page(&dash, &signed, Target::Circle(id), None, None).await?)
}

pub(crate) async fn rename_program(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<ProgramId>,
    Form(form): Form<ProgramForm>,
) -> Result<Response, StaffError> {
    rename(dash, signed, staff, Target::Program(id), form.name).await
}

pub(crate) async fn rename_circle(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<CircleId>,
    Form(form): Form<ProgramForm>,
) -> Result<Response, StaffError> {
    rename(dash, signed, staff, Target::Circle(id), form.name).await
}

/// Renames, then back to the catalog with a note (post/redirect/get: the same form sent
/// again finds the new name already there and changes nothing). A name that is taken is
/// refused on the rename page, as 422, and nothing is stored.
async fn rename(
    dash: Dashboards,
    signed: Signed,
    staff: Session,
    target: Target,
    name: String,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let actor = Actor::Staff(&signed.user.email);
    let renamed = match target {
        Target::Program(id) => catalog::rename_program(&dash.store, id, &name, actor).await,
        Target::Circle(id) => catalog::rename_circle(&dash.store, id, &name, actor).await,
    };
    match renamed {
        Ok(r) if r.changed() => {
            tracing::info!("catalog entry renamed");
            let note = tr().args("rename-done", &[("old", &r.old), ("new", &r.new)]);
            saved(&staff, note).await
        }
        Ok(r) => saved(&staff, tr().with("rename-unchanged", "name", &r.new)).await,
        Err(CatalogError::UnknownProgram | CatalogError::UnknownCircle) => {
            Err(StaffError::NotFound)
        }
        Err(CatalogError::Database(e)) => Err(e.into()),
        Err(e) => {
            let page =
                rename_page(&dash, &signed, target, Some(name), Some(name_problem(e))).await?;
            signed.refuse(&page)
        }
    }
}

#[derive(Template)]
#[template(path = "admin_archive.html")]
struct ArchivePage {
    chrome: Chrome,
    subject: Subject,
    /// Archive (true) or restore (false).
    archiving: bool,
    circles: usize,
    program_archived: bool,
    open_sessions: Vec<OpenSession>,
}

struct OpenSession {
    code: String,
    circle: String,
    held_on: String,
    closes: String,
}

async fn archive_page(
    dash: &Dashboards,
    signed: &Signed,
    target: Target,
    archiving: bool,
) -> Result<ArchivePage, StaffError> {
    let subject = subject(dash, target).await?;
    let view = catalog::archive_view(&dash.store, target).await?;
    let open_sessions = view
        .open_sessions
        .iter()
        .map(|s| OpenSession {
            code: s.code.to_string(),
            circle: s.circle.clone(),
            held_on: s.held_on.to_string(),
            closes: chrono::DateTime::from_timestamp(s.closes_at, 0)
                .map(|t| {
                    t.with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                })
                .unwrap_or_default(),
        })
        .collect();
    let heading = if archiving {
        "archive-heading"
    } else {
        "archive-restore-heading"
    };
    Ok(ArchivePage {
        chrome: signed.chrome(tr().with(heading, "name", &subject.name)),
        subject,
        archiving,
        circles: view.circles,
        program_archived: view.program_archived && matches!(target, Target::Circle(_)),
        open_sessions,
    })
}

fn target(kind: &str, id: i32) -> Result<Target, StaffError> {
    match kind {
        "programs" => Ok(Target::Program(ProgramId::new(id))),
        "circles" => Ok(Target::Circle(CircleId::new(id))),
        _ => Err(StaffError::NotFound),
    }
}

/// "Are you sure?": what archiving (or restoring) does, with a form that does it.
pub(crate) async fn confirm_archive(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path((kind, id)): Path<(String, i32)>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let page = archive_page(&dash, &signed, target(&kind, id)?, true).await?;
    signed.render(&page)
}

pub(crate) async fn confirm_restore(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path((kind, id)): Path<(String, i32)>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let page = archive_page(&dash, &signed, target(&kind, id)?, false).await?;
    signed.render(&page)
}

pub(crate) async fn archive(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path((kind, id)): Path<(String, i32)>,
    Form(form): Form<Confirmed>,
) -> Result<Response, StaffError> {
    set_archived(dash, signed, staff, &kind, id, form, true).await
}

pub(crate) async fn restore(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path((kind, id)): Path<(String, i32)>,
    Form(form): Form<Confirmed>,
) -> Result<Response, StaffError> {
    set_archived(dash, signed, staff, &kind, id, form, false).await
}

/// Archives or restores once the confirmation page's form says so (a POST without it is
/// sent to that page and changes nothing); then back to the catalog with a note. Sent
/// again, it finds the change made and records nothing.
async fn set_archived(
    dash: Dashboards,
    signed: Signed,
    staff: Session,
    kind: &str,
    id: i32,
    form: Confirmed,
    archiving: bool,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let target = target(kind, id)?;
    let verb = if archiving { "archive" } else { "restore" };
    if !form.is_confirmed() {
        return Ok(Redirect::to(&format!("/staff/admin/{kind}/{id}/{verb}")).into_response());
    }
    let subject = subject(&dash, target).await?;
    let actor = Actor::Staff(&signed.user.email);
    let changed = if archiving {
        let today = chrono::Local::now().date_naive();
        catalog::archive(&dash.store, target, today, actor).await
    } else {
        catalog::restore(&dash.store, target, actor).await
    };
    let changed = match changed {
        Ok(changed) => changed,
        Err(CatalogError::UnknownProgram | CatalogError::UnknownCircle) => {
            return Err(StaffError::NotFound);
        }
        Err(e) => return Err(StaffError::internal(e)),
    };
    let key = match (changed, archiving) {
        (true, true) => "archive-done",
        (true, false) => "archive-restored",
        (false, true) => "archive-was-archived",
        (false, false) => "archive-was-not-archived",
    };
    saved(&staff, tr().with(key, "name", &subject.name)).await
}
