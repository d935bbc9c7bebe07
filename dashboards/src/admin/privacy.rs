//! Privacy settings, never below their floors (`PrivacySettings::set` refuses them).

use analytics::budget;
use analytics::plan::{self, AccuracyRow, PLAN};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use super::refused;
use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError, sentence};

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
