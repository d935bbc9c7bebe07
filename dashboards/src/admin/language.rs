//! A program's default participant language (issue 20): what its sessions' form, thanks
//! and kiosk pages are in when neither the participant's link (`?lang=`) nor their
//! browser names a language Hearth has. One select on its own page, reached from the
//! programs page; a change leaves one audit entry (`domain::program_language`).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::ProgramId;
use domain::audit::Actor;
use domain::catalog::{self, Named};
use domain::i18n::Lang;
use domain::program_language;
use serde::Deserialize;
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError};

#[derive(Template)]
#[template(path = "admin_program_language.html")]
struct LanguagePage {
    chrome: Chrome,
    program: Named,
    options: Vec<LangOption>,
    problem: Option<String>,
}

struct LangOption {
    /// "" for English (no setting).
    code: &'static str,
    native: &'static str,
    english: &'static str,
    selected: bool,
}

async fn program(dash: &Dashboards, id: ProgramId) -> Result<Named, StaffError> {
    catalog::programs(&dash.store)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(StaffError::NotFound)
}

fn page(
    signed: &Signed,
    program: Named,
    current: Option<Lang>,
    problem: Option<String>,
) -> LanguagePage {
    let options = Lang::all()
        .into_iter()
        .map(|lang| LangOption {
            code: if lang == Lang::En { "" } else { lang.code() },
            native: lang.native_name(),
            english: lang.english_name(),
            selected: current.unwrap_or_default() == lang,
        })
        .collect();
    LanguagePage {
        chrome: signed.chrome(crate::words::tr().with(
            "program-lang-page-title",
            "program",
            &program.name,
        )),
        program,
        options,
        problem,
    }
}

pub(crate) async fn program_language_form(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<ProgramId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let program = program(&dash, id).await?;
    let current = program_language::get(&dash.store, id).await?;
    signed.render(&page(&signed, program, current, None))
}

#[derive(Deserialize)]
pub(crate) struct LanguageForm {
    #[serde(default)]
    lang: String,
}

/// Saves the setting and goes back to the programs page with a note (post/redirect/get);
/// a language Hearth does not have is refused, as 422, and nothing is stored.
pub(crate) async fn set_program_language(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<ProgramId>,
    Form(form): Form<LanguageForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let program = program(&dash, id).await?;
    let typed = form.lang.trim();
    let lang = if typed.is_empty() {
        None
    } else {
        match Lang::from_code(typed) {
            Some(Lang::En) => None,
            Some(lang) => Some(lang),
            None => {
                let current = program_language::get(&dash.store, id).await?;
                let problem = crate::words::tr().get("program-lang-unknown");
                return signed.refuse(&page(&signed, program, current, Some(problem)));
            }
        }
    };
    let actor = Actor::Staff(&signed.user.email);
    let subject = format!("participants' language ({})", program.name);
    let changed = program_language::set_by(&dash.store, id, lang, actor, &subject).await?;
    let name = lang.unwrap_or_default().english_name();
    let key = if changed {
        "program-lang-saved"
    } else {
        "program-lang-unchanged"
    };
    let note = crate::words::tr().args(key, &[("program", &program.name), ("language", name)]);
    staff
        .insert(super::catalog::CATALOG_SAVED_KEY, note)
        .await?;
    Ok(Redirect::to("/staff/admin").into_response())
}
