//! The admin's pages: programs and circles (with where to turn in a crisis, per program and
//! participant language), users and roles, privacy settings (never below their floors:
//! `PrivacySettings::set` refuses them), and the privacy ledger.

use analytics::budget;
use analytics::budget::Level;
use analytics::ledger;
use analytics::measure::Group;
use analytics::plan::{self, AccuracyRow, PLAN};
use analytics::view::{self, LedgerEntry};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use collector::catalog::{self, CircleEntry, Named};
use collector::crisis::{self, Scope};
use collector::i18n::Lang;
use serde::Deserialize;
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::Area;
use crate::account::{self, NewUser, Role, StaffUser};
use crate::auth::Signed;
use crate::page::{Chrome, StaffError, sentence};

/// Re-renders a page with a problem, as 422.
fn refused(signed: &Signed, page: &impl Template) -> Result<Response, StaffError> {
    signed
        .render(page)
        .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
}

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

#[derive(Template)]
#[template(path = "admin_privacy.html")]
struct PrivacyPage {
    chrome: Chrome,
    settings: Vec<(&'static str, String)>,
    plan: Vec<PlanRow>,
    plan_version: i32,
    unit: &'static str,
    accuracy: Vec<AccuracyRow>,
    problem: Option<String>,
    saved: Option<String>,
}

/// One measurement of the plan, as the privacy page shows it.
struct PlanRow {
    level: &'static str,
    what: &'static str,
    share: String,
    spend: String,
    variance: String,
    shown: &'static str,
}

async fn privacy_page(
    dash: &Dashboards,
    signed: &Signed,
    problem: Option<String>,
    saved: Option<String>,
) -> Result<PrivacyPage, StaffError> {
    let settings = budget::load_settings(&dash.store).await?;
    let mut rows = Vec::new();
    for m in &PLAN {
        let noise = settings.noise(m.group, m.share())?;
        rows.push(PlanRow {
            level: m.level.label(),
            what: m.group.label(),
            share: format!("{:.0}%", 100.0 * m.share().to_f64()),
            spend: noise.spend().to_string(),
            variance: format!("{:.1}", noise.variance()),
            shown: m.shown,
        });
    }
    Ok(PrivacyPage {
        chrome: signed.chrome("Privacy settings"),
        settings: settings.entries(),
        plan: rows,
        plan_version: plan::PLAN_VERSION,
        unit: settings.mechanism.unit(),
        accuracy: plan::accuracy(&settings, plan::Shape::default())?,
        problem,
        saved,
    })
}

/// Where the note "Saved …" waits between a setting's POST and the GET it redirects to;
/// the GET takes it out, so a reload shows the page without it (and saves nothing).
const PRIVACY_SAVED_KEY: &str = "admin.privacy.saved";

pub(crate) async fn privacy(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let saved: Option<String> = staff.remove(PRIVACY_SAVED_KEY).await?;
    signed.render(&privacy_page(&dash, &signed, None, saved).await?)
}

#[derive(Deserialize)]
pub(crate) struct SettingForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    value: String,
}

/// Saves one setting and redirects (post/redirect/get) to the privacy page, which shows
/// the one-off "Saved" note; a refused value is re-rendered with its problem, as 422.
pub(crate) async fn set_privacy(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<SettingForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    match budget::save_setting(&dash.store, form.name.trim(), form.value.trim()).await {
        Ok(_) => {
            tracing::info!(setting.name = %form.name.trim(), "privacy setting changed");
            let saved = format!(
                "Saved {}. It applies to releases from now on; released figures never change.",
                form.name.trim()
            );
            staff.insert(PRIVACY_SAVED_KEY, saved).await?;
            Ok(Redirect::to("/staff/admin/privacy").into_response())
        }
        Err(budget::SettingsLoadError::Settings(e)) => refused(
            &signed,
            &privacy_page(&dash, &signed, Some(sentence(e)), None).await?,
        ),
        Err(e) => Err(StaffError::internal(e)),
    }
}

/// One ledger row in plain words, with its exact figures.
struct Spend {
    level: String,
    figures: String,
    spend: String,
    variance: String,
    moves: String,
    cells: i32,
    code_version: String,
}

impl Spend {
    fn of(l: LedgerEntry) -> Spend {
        let moves = l
            .sensitivity
            .split_once('=')
            .map_or(l.sensitivity.clone(), |(_, n)| {
                format!("{n} count{}", if n == "1" { "" } else { "s" })
            });
        let variance = match l.scale.parse::<analytics::sampler::Rational>() {
            Ok(scale) if l.mechanism == "discrete_gaussian" => format!("{:.1}", scale.to_f64()),
            _ => format!("Laplace scale {}", l.scale),
        };
        Spend {
            level: Level::from_key(&l.level).map_or(l.level.clone(), |v| v.label().to_owned()),
            figures: Group::from_key(&l.group).map_or(l.group.clone(), |g| g.label().to_owned()),
            spend: format!("{} = {}", l.unit, l.spend),
            variance,
            moves,
            cells: l.cells,
            code_version: l.code_version,
        }
    }
}

struct MonthSpend {
    program: String,
    month: String,
    spent: String,
    epsilon: String,
}

#[derive(Template)]
#[template(path = "admin_ledger.html")]
struct LedgerPage {
    chrome: Chrome,
    /// Every spend, by release (period), newest first.
    releases: Vec<(String, Vec<Spend>)>,
    spends: Vec<MonthSpend>,
    budget: String,
    unit: &'static str,
}

pub(crate) async fn ledger(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let entries = view::ledger(&dash.store).await?;
    let settings = budget::load_settings(&dash.store).await?;
    let names: std::collections::HashMap<i32, String> = catalog::programs(&dash.store)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut conn = dash.store.pool().acquire().await?;
    let losses = ledger::losses(&mut conn).await?;
    let mut spends: Vec<MonthSpend> = losses
        .into_iter()
        .map(|((program, month), (unit, spent))| MonthSpend {
            program: names
                .get(&program)
                .cloned()
                .unwrap_or_else(|| format!("program {program}")),
            month,
            epsilon: format!("{:.2}", ledger::epsilon(&unit, spent.to_f64())),
            spent: format!("{unit} = {spent}"),
        })
        .collect();
    spends.sort_by(|a, b| (&b.month, &a.program).cmp(&(&a.month, &b.program)));
    let mut releases: Vec<(String, Vec<Spend>)> = vec![];
    for entry in entries {
        let period = entry.period.to_string();
        match releases.last_mut() {
            Some((p, list)) if *p == period => list.push(Spend::of(entry)),
            _ => releases.push((period, vec![Spend::of(entry)])),
        }
    }
    releases.reverse();
    signed.render(&LedgerPage {
        chrome: signed.chrome("Privacy ledger"),
        releases,
        spends,
        budget: settings.budget.to_string(),
        unit: settings.mechanism.unit(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ledger_row_reads_in_plain_words_with_its_exact_figures() {
        let row = Spend::of(LedgerEntry {
            period: "2026-10".parse().unwrap(),
            level: "circle_month".into(),
            group: "items".into(),
            mechanism: "discrete_gaussian".into(),
            unit: "rho".into(),
            spend: "11/50".into(),
            scale: "100/11".into(),
            sensitivity: "L2²=8".into(),
            cells: 12,
            code_version: "hearth 0.1.0".into(),
            spent_at: 0,
        });
        assert_eq!(row.level, "a circle's month");
        assert_eq!(row.figures, "the eight statements (answers 1–5 or skipped)");
        assert_eq!(row.spend, "rho = 11/50");
        assert_eq!(row.variance, "9.1");
        assert_eq!(row.moves, "8 counts");
    }
}
