//! Actions: what a program's staff did after reading the figures, recorded for one circle
//! or the whole program with the day it was taken; each action's page compares the
//! released figures before and after it, and a circle's action may be told to that
//! circle's participants in one short line ("you said, we did").
//!
//! Who: the program's manager, and admins (the `Program` area). Every change is a POST
//! that redirects (post/redirect/get), leaves one audit entry, and shows its "saved" note
//! once through the staff session; archiving asks first.
//!
//! # Privacy
//! The before/after comparison is [`analytics::alerts::before_after`]: released months
//! shown to managers only, post-processing. Actions are staff text.

use std::sync::Arc;

use analytics::alerts::{self, Comparison};
use analytics::budget::Level;
use analytics::period::Period;
use analytics::view::{self, Release, StoredCell};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use domain::actions::{self, ActionError, ActionTaken, Draft, MAX_BODY, MAX_LINE};
use domain::audit::Actor;
use domain::catalog::{self, CircleEntry};
use domain::instrument::Index;
use domain::{ActionId, CircleId, ProgramId};
use serde::Deserialize;
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, Confirmed, StaffError, sentence};

/// Where the "saved" note waits between an action's POST and the GET it redirects to.
const SAVED_KEY: &str = "actions.saved";

/// How many released months on each side of an action its page compares.
const SPAN: usize = 3;

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// An action as a list shows it, with its number ("A3"), which the trend chart beside the
/// list marks at its month when that month is on the chart.
pub(crate) struct Listed {
    pub action: ActionTaken,
    /// The same for the action on every page and chart: see [`marked`].
    pub number: String,
    pub scope: String,
}

/// The actions of `all` (a program's actions, as [`actions::list`] gives them) that `keep`
/// accepts, in list order, each with its number, and the marks of those taken in a month of
/// `periods` ("2026-07") for a chart: `(month index, "A3")`.
///
/// An action's number is its place among all the program's actions, oldest first (by day,
/// then by id for actions of the same day), so the August action is A2 on the program page,
/// on its circle's page and on the list of actions alike, whichever of them a page shows.
pub(crate) fn marked(
    all: &[ActionTaken],
    keep: impl Fn(&ActionTaken) -> bool,
    periods: &[String],
) -> (Vec<Listed>, Vec<(usize, String)>) {
    let mut oldest_first: Vec<&ActionTaken> = all.iter().collect();
    oldest_first.sort_by_key(|a| (a.taken_on, a.id));
    let number = |action: &ActionTaken| {
        let at = oldest_first
            .iter()
            .position(|a| a.id == action.id)
            .expect("an action of the list");
        format!("A{}", at + 1)
    };
    let mut marks = vec![];
    let listed = all
        .iter()
        .filter(|a| keep(a))
        .map(|action| {
            let number = number(action);
            let month = Period::month_of(action.taken_on).to_string();
            if let Some(at) = periods.iter().position(|p| *p == month) {
                marks.push((at, number.clone()));
            }
            Listed {
                scope: scope_words(action),
                number,
                action: action.clone(),
            }
        })
        .collect();
    (listed, marks)
}

fn scope_words(action: &ActionTaken) -> String {
    match &action.circle {
        Some(c) => crate::words::tr().with("action-scope-circle", "circle", c),
        None => crate::words::tr().get("action-scope-program"),
    }
}

async fn program(dash: &Dashboards, id: ProgramId) -> Result<catalog::Named, StaffError> {
    catalog::programs(&dash.store)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(StaffError::NotFound)
}

async fn action(
    dash: &Dashboards,
    program: ProgramId,
    id: ActionId,
) -> Result<ActionTaken, StaffError> {
    actions::find(&dash.store, program, id)
        .await?
        .ok_or(StaffError::NotFound)
}

/// The action form's fields, as typed (kept to show again with a problem).
#[derive(Clone, Default, Deserialize)]
pub(crate) struct ActionForm {
    #[serde(default)]
    circle: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    taken_on: String,
}

#[derive(Template)]
#[template(path = "actions.html")]
struct ListPage {
    chrome: Chrome,
    program_id: ProgramId,
    program: String,
    saved: Option<String>,
    problem: Option<String>,
    actions: Vec<Listed>,
    circles: Vec<CircleEntry>,
    form: ActionForm,
    max_body: usize,
}

async fn list_page(
    dash: &Dashboards,
    signed: &Signed,
    program_id: ProgramId,
    saved: Option<String>,
    problem: Option<String>,
    form: Option<ActionForm>,
) -> Result<ListPage, StaffError> {
    let entry = program(dash, program_id).await?;
    let (actions, _) = marked(
        &actions::list(&dash.store, program_id).await?,
        |_| true,
        &[],
    );
    let circles = catalog::circles(&dash.store, Some(program_id)).await?;
    Ok(ListPage {
        chrome: signed.chrome(crate::words::tr().with("actions-title", "program", &entry.name)),
        program_id,
        program: entry.name,
        saved,
        problem,
        actions,
        circles,
        form: form.unwrap_or_else(|| ActionForm {
            taken_on: today().to_string(),
            ..ActionForm::default()
        }),
        max_body: MAX_BODY,
    })
}

pub(crate) async fn list(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(program_id): Path<ProgramId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program_id))?;
    let saved: Option<String> = staff.remove(SAVED_KEY).await?;
    signed.render(&list_page(&dash, &signed, program_id, saved, None, None).await?)
}

async fn saved(staff: &Session, note: String, to: &str) -> Result<Response, StaffError> {
    staff.insert(SAVED_KEY, note).await?;
    Ok(Redirect::to(to).into_response())
}

/// Records an action and goes to its page. A problem re-renders the form with it, as 422,
/// and stores nothing. (Sending the form twice records it twice, as typing it twice
/// would: the second lands on the page of the second, which can be archived.)
pub(crate) async fn create(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(program_id): Path<ProgramId>,
    Form(form): Form<ActionForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program_id))?;
    program(&dash, program_id).await?;
    let circles = catalog::circles(&dash.store, Some(program_id)).await?;
    let draft = match Draft::parse(&form.circle, &form.body, &form.taken_on, &circles, today()) {
        Ok(d) => d,
        Err(e) => {
            let page = list_page(
                &dash,
                &signed,
                program_id,
                None,
                Some(problem_words(e)),
                Some(form),
            )
            .await?;
            return signed.refuse(&page);
        }
    };
    let id = actions::record(
        &dash.store,
        program_id,
        &draft,
        Actor::Staff(&signed.user.email),
    )
    .await
    .map_err(internal)?;
    tracing::info!(action.id = id.get(), "action recorded");
    saved(
        &staff,
        crate::words::tr().get("action-recorded"),
        &format!("/staff/programs/{program_id}/actions/{id}"),
    )
    .await
}

/// A problem with what was typed, as a sentence in the page's language (the same
/// sentence as [`sentence`] makes of the error in English).
fn problem_words(e: ActionError) -> String {
    let tr = crate::words::tr();
    match e {
        ActionError::EmptyBody => tr.get("action-problem-empty-body"),
        ActionError::LongBody => tr.with("action-problem-long-body", "n", &MAX_BODY.to_string()),
        ActionError::BadDate => tr.get("action-problem-bad-date"),
        ActionError::FarDate => tr.get("action-problem-far-date"),
        ActionError::UnknownCircle => tr.get("action-problem-unknown-circle"),
        ActionError::EmptyLine => tr.get("action-problem-empty-line"),
        ActionError::LongLine => tr.with("action-problem-long-line", "n", &MAX_LINE.to_string()),
        ActionError::FigureInLine => tr.get("action-problem-figure"),
        ActionError::ProgramWide => tr.get("action-problem-program-wide"),
        ActionError::Text(e) => crate::page::text_problem(&e),
        e => sentence(e),
    }
}

fn internal(e: ActionError) -> StaffError {
    StaffError::internal(e)
}

/// One index before and after an action, in words.
pub(crate) struct BeforeAfter {
    pub index: String,
    pub text: String,
    /// The difference is larger than chance explains (1 time in 20).
    pub clear: bool,
}

fn month_span(periods: &[Period]) -> String {
    let lang = crate::words::lang();
    let name = |p: &Period| domain::locale::month_year(lang, p.start());
    match periods {
        [] => String::new(),
        [one] => name(one),
        [first, .., last] => lang.tr().args(
            "action-month-span",
            &[("first", &name(first)), ("last", &name(last))],
        ),
    }
}

/// How rarely chance alone makes a change this large, in words ("less than 1 time in
/// 20"), or `None` when it does more often than that: [`Comparison::chance_words`]'s
/// bounds, in the page's language.
fn chance_words(c: &Comparison) -> Option<String> {
    let key = match c.chance_words()? {
        "less than 1 time in 1,000" => "action-chance-1000",
        "less than 1 time in 100" => "action-chance-100",
        "less than 1 time in 20" => "action-chance-20",
        words => return Some(words.to_owned()),
    };
    Some(crate::words::tr().get(key))
}

fn before_after_words(
    index: Index,
    result: Option<(Vec<Period>, Vec<Period>, Comparison)>,
) -> BeforeAfter {
    let lang = crate::words::lang();
    let tr = lang.tr();
    let name = match index {
        Index::Belonging => tr.get("ov-belonging"),
        Index::Safety => tr.get("ov-safety"),
    };
    let Some((before, after, c)) = result else {
        return BeforeAfter {
            index: name,
            text: tr.get("action-too-little"),
            clear: false,
        };
    };
    let whole = |x: f64| domain::locale::localize(lang, &format!("{x:.0}"));
    let figures = tr.args(
        "action-figures",
        &[
            ("before", &whole(c.before)),
            ("before_months", &month_span(&before)),
            ("after", &whole(c.after)),
            ("after_months", &month_span(&after)),
        ],
    );
    let (text, clear) = match chance_words(&c) {
        Some(chance) => (
            tr.args(
                "action-clear",
                &[("figures", &figures), ("chance", &chance)],
            ),
            true,
        ),
        None => (tr.with("action-unclear", "figures", &figures), false),
    };
    BeforeAfter {
        index: name,
        text,
        clear,
    }
}

/// The released months within [`SPAN`] of a day, loaded through the cache.
async fn months_around(dash: &Dashboards, day: NaiveDate) -> Result<Vec<Arc<Release>>, StaffError> {
    let month = Period::month_of(day);
    let lo = month.start() - chrono::Months::new(SPAN as u32);
    let hi = month.end() + chrono::Months::new(SPAN as u32);
    let infos = view::list_releases(&dash.store).await?;
    let around: Vec<&view::ReleaseInfo> = infos
        .iter()
        .filter(|info| {
            let p = info.period;
            !p.is_quarter() && p.start() >= lo && p.start() < hi
        })
        .collect();
    Ok(dash.releases.get_many(&dash.store, &around).await?)
}

fn cell_of(release: &Release, program: ProgramId, circle: Option<CircleId>) -> Option<&StoredCell> {
    release.cells.iter().find(|c| match circle {
        Some(id) => c.key.level == Level::CircleMonth && c.key.circle_id == Some(id),
        None => c.key.level == Level::ProgramMonth && c.key.program_id == Some(program),
    })
}

#[derive(Template)]
#[template(path = "action.html")]
struct ActionPage {
    chrome: Chrome,
    program_id: ProgramId,
    program: String,
    action: ActionTaken,
    /// Its number on the charts and lists ("A3"); none once archived.
    number: Option<String>,
    scope: String,
    saved: Option<String>,
    problem: Option<String>,
    /// Where the problem is: "edit" or "publish".
    problem_at: &'static str,
    compared: Vec<BeforeAfter>,
    circles: Vec<CircleEntry>,
    form: ActionForm,
    line_en: String,
    line_es: String,
    max_body: usize,
    max_line: usize,
}

struct Typed {
    problem: String,
    at: &'static str,
    form: Option<ActionForm>,
    lines: Option<(String, String)>,
}

async fn action_page(
    dash: &Dashboards,
    signed: &Signed,
    program_id: ProgramId,
    id: ActionId,
    saved: Option<String>,
    typed: Option<Typed>,
) -> Result<ActionPage, StaffError> {
    let entry = program(dash, program_id).await?;
    let action = action(dash, program_id, id).await?;
    let (listed, _) = marked(
        &actions::list(&dash.store, program_id).await?,
        |a| a.id == action.id,
        &[],
    );
    let number = listed.into_iter().next().map(|l| l.number);
    let months = months_around(dash, action.taken_on).await?;
    let refs: Vec<&Release> = months.iter().map(|r| r.as_ref()).collect();
    let compared = Index::ALL
        .into_iter()
        .map(|index| {
            before_after_words(
                index,
                alerts::before_after(
                    &refs,
                    |r| cell_of(r, program_id, action.circle_id),
                    index,
                    action.taken_on,
                    SPAN,
                ),
            )
        })
        .collect();
    let circles = catalog::circles(&dash.store, Some(program_id)).await?;
    let (problem, problem_at, form, lines) = match typed {
        Some(t) => (Some(t.problem), t.at, t.form, t.lines),
        None => (None, "", None, None),
    };
    let form = form.unwrap_or_else(|| ActionForm {
        circle: action.circle_id.map(|c| c.to_string()).unwrap_or_default(),
        body: action.body.clone(),
        taken_on: action.taken_on.to_string(),
    });
    let (line_en, line_es) = lines.unwrap_or_else(|| {
        (
            action.published_en.clone().unwrap_or_default(),
            action.published_es.clone().unwrap_or_default(),
        )
    });
    Ok(ActionPage {
        chrome: signed.chrome(crate::words::tr().args(
            "action-page-title",
            &[
                ("date", &action.taken_on.to_string()),
                ("program", &entry.name),
            ],
        )),
        program_id,
        program: entry.name,
        scope: scope_words(&action),
        action,
        number,
        saved,
        problem,
        problem_at,
        compared,
        circles,
        form,
        line_en,
        line_es,
        max_body: MAX_BODY,
        max_line: MAX_LINE,
    })
}

pub(crate) async fn show(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path((program_id, id)): Path<(ProgramId, ActionId)>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program_id))?;
    let saved: Option<String> = staff.remove(SAVED_KEY).await?;
    signed.render(&action_page(&dash, &signed, program_id, id, saved, None).await?)
}

/// Changes an action's circle, text or day, and back to its page. Sent again, the form
/// finds the action as written and changes nothing (no second audit entry).
pub(crate) async fn edit(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path((program_id, id)): Path<(ProgramId, ActionId)>,
    Form(form): Form<ActionForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program_id))?;
    let current = action(&dash, program_id, id).await?;
    if current.archived() {
        return Err(StaffError::BadRequest(
            crate::words::tr().get("action-archived-no-change"),
        ));
    }
    let circles = catalog::circles(&dash.store, Some(program_id)).await?;
    let draft = match Draft::parse(&form.circle, &form.body, &form.taken_on, &circles, today()) {
        Ok(d) => d,
        Err(e) => {
            let typed = Typed {
                problem: problem_words(e),
                at: "edit",
                form: Some(form),
                lines: None,
            };
            let page = action_page(&dash, &signed, program_id, id, None, Some(typed)).await?;
            return signed.refuse(&page);
        }
    };
    let changed = actions::change(
        &dash.store,
        &current,
        &draft,
        Actor::Staff(&signed.user.email),
    )
    .await
    .map_err(internal)?;
    let tr = crate::words::tr();
    let mut note = if changed {
        tr.get("action-saved")
    } else {
        tr.get("action-unchanged")
    };
    if changed && current.published() && draft.circle_id != current.circle_id {
        note.push(' ');
        note.push_str(&tr.get("action-moved"));
    }
    saved(
        &staff,
        note,
        &format!("/staff/programs/{program_id}/actions/{id}"),
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct PublishForm {
    #[serde(default)]
    line_en: String,
    #[serde(default)]
    line_es: String,
    /// "yes" when the withdraw button was pressed.
    #[serde(default)]
    withdraw: String,
}

/// Publishes (or withdraws) the line a circle's participants read. Sent again, it finds
/// the line as written and changes nothing.
pub(crate) async fn publish(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path((program_id, id)): Path<(ProgramId, ActionId)>,
    Form(form): Form<PublishForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program_id))?;
    let current = action(&dash, program_id, id).await?;
    if current.archived() {
        return Err(StaffError::BadRequest(
            crate::words::tr().get("action-archived-no-publish"),
        ));
    }
    let lines = if form.withdraw == "yes" {
        Ok(None)
    } else {
        actions::parse_lines(&form.line_en, &form.line_es).map(Some)
    };
    let result = match lines {
        Ok(lines) => {
            actions::publish(
                &dash.store,
                &current,
                lines,
                Actor::Staff(&signed.user.email),
            )
            .await
        }
        Err(e) => Err(e),
    };
    let changed = match result {
        Ok(changed) => changed,
        Err(ActionError::Database(e)) => return Err(e.into()),
        Err(e) => {
            let typed = Typed {
                problem: problem_words(e),
                at: "publish",
                form: None,
                lines: Some((form.line_en, form.line_es)),
            };
            let page = action_page(&dash, &signed, program_id, id, None, Some(typed)).await?;
            return signed.refuse(&page);
        }
    };
    let note = match (changed, form.withdraw == "yes") {
        (false, _) => "action-line-unchanged",
        (true, true) => "action-withdrawn",
        (true, false) => "action-published",
    };
    saved(
        &staff,
        crate::words::tr().get(note),
        &format!("/staff/programs/{program_id}/actions/{id}"),
    )
    .await
}

#[derive(Template)]
#[template(path = "action_archive.html")]
struct ArchivePage {
    chrome: Chrome,
    program_id: ProgramId,
    program: String,
    action: ActionTaken,
    scope: String,
}

/// "Archive this action?" — the POST below does it.
pub(crate) async fn confirm_archive(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path((program_id, id)): Path<(ProgramId, ActionId)>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program_id))?;
    let entry = program(&dash, program_id).await?;
    let action = action(&dash, program_id, id).await?;
    signed.render(&ArchivePage {
        chrome: signed.chrome(crate::words::tr().with(
            "action-archive-page-title",
            "date",
            &action.taken_on.to_string(),
        )),
        program_id,
        program: entry.name,
        scope: scope_words(&action),
        action,
    })
}

/// Archives the action (after the confirmation page), and back to the list. Sent again, it
/// finds the action archived and changes nothing.
pub(crate) async fn archive(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path((program_id, id)): Path<(ProgramId, ActionId)>,
    Form(form): Form<Confirmed>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program_id))?;
    let current = action(&dash, program_id, id).await?;
    if !form.is_confirmed() {
        return Ok(Redirect::to(&format!(
            "/staff/programs/{program_id}/actions/{id}/archive"
        ))
        .into_response());
    }
    let done = actions::archive(
        &dash.store,
        &current,
        today(),
        Actor::Staff(&signed.user.email),
    )
    .await
    .map_err(internal)?;
    let tr = crate::words::tr();
    let note = if done {
        let key = if current.published() {
            "action-archived-done-told"
        } else {
            "action-archived-done"
        };
        tr.with(key, "date", &current.taken_on.to_string())
    } else {
        tr.get("action-archived-before")
    };
    saved(
        &staff,
        note,
        &format!("/staff/programs/{program_id}/actions"),
    )
    .await
}
