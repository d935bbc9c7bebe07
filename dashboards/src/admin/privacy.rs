//! Privacy settings as a form in plain words: each setting labelled, explained and shown
//! with its floor; a preview of the accuracy the proposed settings would give beside
//! today's; and only a confirmed form saves (post/redirect/get), one audit entry per
//! changed setting. Floors are `PrivacySettings::set`'s: nothing below them is stored.
//!
//! # Privacy
//!
//! The budget's number means nothing without its unit: ρ under Gaussian noise (zCDP), ε
//! under Laplace noise (pure DP). ρ = 1 and ε = 1 are very different amounts of noise, so
//! a change of mechanism never carries the number over. The form says which unit its
//! budget was typed in (`budget_unit`); a proposal whose mechanism counts in another unit
//! is refused (422) and the form comes back in the new unit, its budget field filled with
//! the value that keeps a circle's month as accurate as today (30 answers, "% positive"),
//! found by bisection over the same accuracy table the page shows. The admin may change
//! it; the preview then shows what it does to every level before anything is saved.
//!
//! The budget protects one person answering up to `answers_per_person` times a month
//! (each answer gets the budget ÷ m² under the Gaussian, ÷ m under the Laplace). The page
//! shows, for the settings in force, how well someone answering 1, 2, 4 and 5 times is
//! protected ([`analytics::person`]), and the preview says in plain words what planning for
//! more answers a person does to a circle's figures, and what helps.

use analytics::budget::{Level, Mechanism, PrivacySettings, THRESHOLD_FLOOR};
use analytics::measure::Group;
use analytics::person::{self, PersonRow};
use analytics::plan::{self, AccuracyRow, Measurement, PLAN};
use analytics::retention;
use analytics::sampler::Rational;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::Actor;
use domain::settings::{Setting, answers_per_person};
use serde::Deserialize;
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError};

/// The largest budget a setting may take (as `PrivacySettings::set` enforces).
const BUDGET_MAX: &str = "10";

/// One measurement of the plan, as the privacy page shows it.
struct PlanRow {
    level: String,
    what: String,
    share: String,
    spend: String,
    variance: String,
    shown: String,
}

/// The form's values as typed (or as in force), shown again on a refusal.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct PrivacyForm {
    #[serde(default)]
    mechanism: String,
    #[serde(default)]
    budget: String,
    /// The unit the budget field was shown in (`rho` or `epsilon`).
    #[serde(default)]
    budget_unit: String,
    #[serde(default)]
    manager_threshold: String,
    #[serde(default)]
    funder_threshold: String,
    /// How many times one person may answer in a month, as the budget is planned; absent
    /// (a form from before the setting) keeps the one in force.
    #[serde(default)]
    answers_per_person: Option<String>,
    /// `yes` on the preview's confirmation form only.
    #[serde(default)]
    confirm: String,
}

impl PrivacyForm {
    fn of(settings: &PrivacySettings) -> PrivacyForm {
        PrivacyForm {
            mechanism: short_key(settings.mechanism).to_owned(),
            budget: decimal(settings.budget),
            budget_unit: settings.mechanism.unit().to_owned(),
            manager_threshold: settings.manager_threshold.to_string(),
            funder_threshold: settings.funder_threshold.to_string(),
            answers_per_person: Some(settings.answers_per_person.to_string()),
            confirm: String::new(),
        }
    }

    /// The answers-per-person field as typed (empty when absent).
    fn answers(&self) -> &str {
        self.answers_per_person.as_deref().unwrap_or("")
    }

    fn unit_symbol(&self) -> &'static str {
        if self.budget_unit == "epsilon" {
            "ε"
        } else {
            "ρ"
        }
    }
}

/// A budget as people write it: a decimal where it has one of at most 6 places (43/20 is
/// 2.15), else the exact fraction (1/3) — both read back to the same number.
fn decimal(r: Rational) -> String {
    let (num, den) = (r.num(), r.den());
    if den == 1 {
        return num.to_string();
    }
    for places in 1..=6u32 {
        let scale = 10u128.pow(places);
        if scale % den == 0 {
            let scaled = num * (scale / den);
            return format!(
                "{}.{:0width$}",
                scaled / scale,
                scaled % scale,
                width = places as usize
            );
        }
    }
    r.to_string()
}

fn short_key(mechanism: Mechanism) -> &'static str {
    match mechanism {
        Mechanism::Gaussian => "gaussian",
        Mechanism::Laplace => "laplace",
    }
}

fn symbol(mechanism: Mechanism) -> &'static str {
    match mechanism {
        Mechanism::Gaussian => "ρ",
        Mechanism::Laplace => "ε",
    }
}

/// A level's name in the page's language (the English is [`Level::label`]).
pub(super) fn level_words(level: Level) -> String {
    crate::words::tr().get(&format!("privacy-set-level-{}", level.key()))
}

/// A group of figures in the page's language (the English is [`Group::label`]).
pub(super) fn group_words(group: Group) -> String {
    crate::words::tr().get(&format!("privacy-set-group-{}", group.key()))
}

/// Where a measurement of the plan is shown, in the page's language (the English is
/// [`Measurement::shown`]).
fn shown_words(m: &Measurement) -> String {
    crate::words::tr().get(&format!(
        "privacy-set-shown-{}-{}",
        m.level.key(),
        m.group.key()
    ))
}

/// A setting's name in plain words.
fn label(setting: Setting) -> String {
    crate::words::tr().get(match setting {
        Setting::PrivacyMechanism => "privacy-set-label-mechanism",
        Setting::PrivacyBudget => "privacy-set-label-budget",
        Setting::ManagerThreshold => "privacy-set-label-manager-threshold",
        Setting::FunderThreshold => "privacy-set-label-funder-threshold",
        Setting::AnswersPerPerson => "privacy-set-label-answers",
        Setting::RetentionDays => "privacy-set-label-retention",
    })
}

/// A stored value in plain words (the mechanism's key becomes its name and unit).
fn worded(setting: Setting, value: &str) -> String {
    let tr = crate::words::tr();
    match (setting, value) {
        (Setting::PrivacyMechanism, "discrete_gaussian") => tr.get("privacy-set-worded-gaussian"),
        (Setting::PrivacyMechanism, "discrete_laplace") => tr.get("privacy-set-worded-laplace"),
        (Setting::ManagerThreshold | Setting::FunderThreshold, k) => match k.parse::<i64>() {
            Ok(n) => tr.count("privacy-set-worded-responses", "n", n),
            Err(_) => k.to_owned(),
        },
        (Setting::PrivacyBudget, v) => v.parse().map(decimal).unwrap_or_else(|_| v.to_owned()),
        (Setting::AnswersPerPerson, m) => match m.parse::<i64>() {
            Ok(n) => tr.count("privacy-set-worded-answers", "n", n),
            Err(_) => m.to_owned(),
        },
        (_, v) => v.to_owned(),
    }
}

/// A problem with one field of the page's two forms, in plain words. The page lists every
/// problem at its top, each a link to its field (`#field`), and shows each again beside its
/// field: without JavaScript, a refused form comes back at the top of a long page, and the
/// summary is what leads to the field.
struct FieldProblem {
    /// The field's `id`.
    field: &'static str,
    text: String,
}

impl FieldProblem {
    fn new(field: &'static str, text: String) -> FieldProblem {
        FieldProblem { field, text }
    }
}

/// The page's problems, to list at the top and to show beside their fields.
#[derive(Default)]
struct Problems(Vec<FieldProblem>);

impl Problems {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn iter(&self) -> std::slice::Iter<'_, FieldProblem> {
        self.0.iter()
    }

    /// The problem of the field `id`, if it has one.
    fn of(&self, id: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|p| p.field == id)
            .map(|p| p.text.as_str())
    }
}

#[derive(Template)]
#[template(path = "admin_privacy.html")]
struct PrivacyPage {
    chrome: Chrome,
    form: PrivacyForm,
    problems: Problems,
    saved: Option<String>,
    floor: u32,
    budget_max: &'static str,
    /// Each level's share of the budget, from the plan (not a setting).
    level_shares: Vec<(String, String)>,
    plan: Vec<PlanRow>,
    plan_version: i32,
    unit: &'static str,
    accuracy: Vec<AccuracyRow>,
    /// How well one person is protected, answering 1, 2, 4 or 5 times a month.
    people: Vec<PersonWords>,
    answers_max: u32,
    /// How long raw answers are kept after their month and quarter are released.
    retention: RetentionField,
    /// The note after saving the retention time, shown in its section (the form's
    /// address ends in `#retention`, so the page comes back there).
    retention_saved: Option<String>,
}

impl PrivacyPage {
    /// The accuracy table's level, in the page's language.
    fn level_name(&self, level: &Level) -> String {
        level_words(*level)
    }

    /// A figure of the accuracy table to one decimal, as the page's language writes it.
    fn one(&self, x: &f64) -> String {
        domain::locale::number(crate::words::lang(), *x, 1)
    }

    /// A figure of the accuracy table to two decimals, as the page's language writes it.
    fn two(&self, x: &f64) -> String {
        domain::locale::number(crate::words::lang(), *x, 2)
    }
}

/// One row of the person table, as the pages print it.
struct PersonWords {
    answers: u32,
    planned: bool,
    add_or_remove: String,
    change: String,
}

impl PersonWords {
    fn of(row: &PersonRow) -> PersonWords {
        PersonWords {
            answers: row.answers,
            planned: row.planned,
            add_or_remove: person::worded_in(&row.add_or_remove, crate::words::lang()),
            change: person::worded_in(&row.change, crate::words::lang()),
        }
    }
}

/// The retention form: the days in force and what was typed (its problem, if any, is
/// among the page's [`Problems`], for the field `retention-days`).
struct RetentionField {
    days: u32,
    value: String,
    max: u32,
    default: u32,
}

async fn privacy_page(
    dash: &Dashboards,
    signed: &Signed,
    form: Option<PrivacyForm>,
    problems: Problems,
    saved: Option<String>,
) -> Result<PrivacyPage, StaffError> {
    let settings = analytics::budget::load_settings(&dash.store).await?;
    let mut rows = Vec::new();
    let mut level_shares: Vec<(Level, Rational)> = Vec::new();
    for m in &PLAN {
        let noise = settings.noise(m.group, m.share())?;
        rows.push(PlanRow {
            level: level_words(m.level),
            what: group_words(m.group),
            share: format!("{:.0}%", 100.0 * m.share().to_f64()),
            spend: noise.spend().to_string(),
            variance: format!("{:.1}", noise.variance()),
            shown: shown_words(m),
        });
        match level_shares.iter_mut().find(|(l, _)| *l == m.level) {
            Some((_, share)) => *share = share.checked_add(m.share())?,
            None => level_shares.push((m.level, m.share())),
        }
    }
    Ok(PrivacyPage {
        chrome: signed.chrome(crate::words::tr().get("privacy-set-title")),
        form: form.unwrap_or_else(|| PrivacyForm::of(&settings)),
        problems,
        saved,
        floor: THRESHOLD_FLOOR,
        budget_max: BUDGET_MAX,
        level_shares: level_shares
            .into_iter()
            .map(|(l, s)| (level_words(l), format!("{:.0}%", 100.0 * s.to_f64())))
            .collect(),
        plan: rows,
        plan_version: plan::PLAN_VERSION,
        unit: settings.mechanism.unit(),
        accuracy: plan::accuracy(&settings, plan::Shape::default())?,
        people: person::table(&settings)?
            .iter()
            .map(PersonWords::of)
            .collect(),
        answers_max: answers_per_person::MAX,
        retention: {
            let days = retention::load_days(&dash.store).await?;
            RetentionField {
                days,
                value: days.to_string(),
                max: retention::MAX_DAYS,
                default: retention::DEFAULT_DAYS,
            }
        },
        retention_saved: None,
    })
}

#[derive(Deserialize)]
pub(crate) struct RetentionForm {
    #[serde(default)]
    days: String,
}

/// Sets how long raw answers are kept after their month and quarter are released: one
/// audit entry ("90 days → 30 days") when it changes, then back to the page with a note
/// (post/redirect/get). A value that is not a whole number of days in range is refused
/// (422) with nothing stored, named at the top of the page with a link to the field and
/// beside the field, with the range.
///
/// # Privacy
///
/// Only raw answers are deleted, never a release: pages, reports and exports read releases
/// and stay as they are (tests/retention.rs). A shorter time deletes sooner, at the next
/// hourly run of `hearth serve`; 0 deletes as soon as both releases are stored.
pub(crate) async fn set_retention(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<RetentionForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let Ok(days) = retention::parse_days(&form.days) else {
        let typed = form.days.trim();
        let max = retention::MAX_DAYS;
        let tr = crate::words::tr();
        let why = match typed.parse::<i64>() {
            Ok(n) if n > i64::from(max) => {
                tr.with("privacy-set-retention-too-many", "max", &max.to_string())
            }
            Ok(_) => tr.get("privacy-set-retention-negative"),
            Err(_) => tr.get("privacy-set-retention-not-whole"),
        };
        let problem = tr.args(
            "privacy-set-retention-problem",
            &[("typed", typed), ("why", &why), ("max", &max.to_string())],
        );
        let problems = Problems(vec![FieldProblem::new("retention-days", problem)]);
        let mut page = privacy_page(&dash, &signed, None, problems, None).await?;
        page.retention.value = typed.to_owned();
        return signed.refuse(&page);
    };
    let note = match retention::save_days(&dash.store, days, Actor::Staff(&signed.user.email)).await
    {
        Ok(Some(old)) => crate::words::tr().args(
            "privacy-set-retention-saved",
            &[("days", &days.to_string()), ("old", &old.to_string())],
        ),
        Ok(None) => {
            crate::words::tr().with("privacy-set-retention-unchanged", "days", &days.to_string())
        }
        Err(retention::RetentionError::Database(e)) => return Err(e.into()),
        Err(e) => return Err(StaffError::BadRequest(e.to_string())),
    };
    staff.insert(RETENTION_SAVED_KEY, note).await?;
    Ok(Redirect::to("/staff/admin/privacy").into_response())
}

/// Where the retention form's note waits, as [`PRIVACY_SAVED_KEY`] does for the settings.
const RETENTION_SAVED_KEY: &str = "admin.privacy.retention_saved";

/// Where the note "Saved …" waits between the confirming POST and the GET it redirects
/// to; the GET takes it out, so a reload shows the page without it (and saves nothing).
const PRIVACY_SAVED_KEY: &str = "admin.privacy.saved";

pub(crate) async fn privacy(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let saved: Option<String> = staff.remove(PRIVACY_SAVED_KEY).await?;
    let mut page = privacy_page(&dash, &signed, None, Problems::default(), saved).await?;
    page.retention_saved = staff.remove(RETENTION_SAVED_KEY).await?;
    signed.render(&page)
}

/// Why a proposal was refused, and the form to show again (for a change of mechanism,
/// with the budget in the new unit).
struct Refusal {
    problems: Problems,
    /// Boxed: a form is large, and the refusal is an `Err` passed back by value.
    form: Box<PrivacyForm>,
}

/// The margin a circle's month of 30 answers gets on "% positive": what a converted
/// budget keeps.
fn circle_margin(settings: &PrivacySettings) -> Option<f64> {
    plan::accuracy(settings, plan::Shape::default())
        .ok()?
        .into_iter()
        .find(|r| r.level == analytics::budget::Level::CircleMonth && r.n == 30)
        .map(|r| r.pct_positive)
}

/// The budget, in `mechanism`'s unit, that gives a circle's month of 30 answers the
/// margin it has under `now` (to two decimal places, within the setting's bounds).
fn equivalent_budget(now: &PrivacySettings, mechanism: Mechanism) -> Option<Rational> {
    let target = circle_margin(now)?;
    let with = |budget: f64| -> Option<f64> {
        let mut s = now.clone();
        s.mechanism = mechanism;
        s.budget = format!("{budget:.6}").parse().ok()?;
        circle_margin(&s)
    };
    // The margin shrinks as the budget grows: bisect on a log scale.
    let (mut low, mut high) = (0.01_f64.ln(), 10_f64.ln());
    for _ in 0..40 {
        let mid = (low + high) / 2.0;
        if with(mid.exp())? > target {
            low = mid;
        } else {
            high = mid;
        }
    }
    let budget = high.exp().clamp(0.01, 10.0);
    format!("{budget:.2}").parse().ok()
}

/// Turns the form into the settings it proposes, checking each field against its floor;
/// every problem is listed in plain words, and nothing is proposed unless all are right.
fn proposed(now: &PrivacySettings, form: &PrivacyForm) -> Result<PrivacySettings, Refusal> {
    let tr = crate::words::tr();
    let mut next = now.clone();
    let mut problems = vec![];
    let mechanism = match form.mechanism.trim() {
        "gaussian" => Some(Mechanism::Gaussian),
        "laplace" => Some(Mechanism::Laplace),
        _ => {
            problems.push(FieldProblem::new(
                "mechanism-gaussian",
                tr.get("privacy-set-choose-mechanism"),
            ));
            None
        }
    };
    if let Some(m) = mechanism {
        next.mechanism = m;
    }
    let budget = form.budget.trim();
    if budget.is_empty() {
        problems.push(FieldProblem::new(
            "budget",
            tr.get("privacy-set-enter-budget"),
        ));
    } else if next.apply(Setting::PrivacyBudget, budget).is_err() {
        problems.push(FieldProblem::new(
            "budget",
            tr.args(
                "privacy-set-budget-invalid",
                &[("max", BUDGET_MAX), ("typed", budget)],
            ),
        ));
    }
    for (name, value, who) in [
        (
            Setting::ManagerThreshold,
            &form.manager_threshold,
            "privacy-set-threshold-managers",
        ),
        (
            Setting::FunderThreshold,
            &form.funder_threshold,
            "privacy-set-threshold-funders",
        ),
    ] {
        if next.apply(name, value.trim()).is_err() {
            let field = name.key().trim_start_matches("privacy.");
            problems.push(FieldProblem::new(
                field,
                tr.args(
                    who,
                    &[
                        ("floor", &THRESHOLD_FLOOR.to_string()),
                        ("typed", value.trim()),
                    ],
                ),
            ));
        }
    }
    // Absent (a form from before the setting): the one in force stays.
    if let Some(typed) = &form.answers_per_person
        && let Err(e) = next.apply(Setting::AnswersPerPerson, typed)
    {
        problems.push(FieldProblem::new(
            "answers_per_person",
            match e {
                analytics::budget::SettingsError::Invalid(_, why) => {
                    tr.with("privacy-set-answers-invalid", "why", &why)
                }
                other => other.to_string(),
            },
        ));
    }
    // A budget typed in one unit is never read in another.
    let mut shown = form.clone();
    if let Some(m) = mechanism
        && problems.is_empty()
        && form.budget_unit != m.unit()
    {
        let (problem, suggestion) = unit_changed(now, m, &form.budget_unit);
        problems.push(FieldProblem::new("budget", problem));
        if let Some(b) = suggestion {
            shown.budget = b;
        }
        shown.budget_unit = m.unit().to_owned();
    }
    if problems.is_empty() {
        Ok(next)
    } else {
        Err(Refusal {
            problems: Problems(problems),
            form: Box::new(shown),
        })
    }
}

/// Why a budget typed in one unit is refused under a mechanism of the other (`typed_unit`
/// is the unit the form was filled in), and the same protection in the new unit, when it
/// can be found.
fn unit_changed(now: &PrivacySettings, m: Mechanism, typed_unit: &str) -> (String, Option<String>) {
    let tr = crate::words::tr();
    let from = if typed_unit == "epsilon" { "ε" } else { "ρ" };
    let suggestion = equivalent_budget(now, m);
    let name = if m == Mechanism::Gaussian {
        "privacy-set-name-gaussian"
    } else {
        "privacy-set-name-laplace"
    };
    let mut problem = tr.args(
        "privacy-set-unit-changed",
        &[
            ("mechanism", &tr.get(name)),
            ("unit", symbol(m)),
            ("from", from),
        ],
    );
    if let Some(b) = &suggestion {
        problem.push(' ');
        problem.push_str(&tr.args(
            "privacy-set-unit-suggestion",
            &[("unit", symbol(m)), ("budget", &decimal(*b))],
        ));
    }
    (problem, suggestion.map(decimal))
}

#[derive(Template)]
#[template(path = "admin_privacy_preview.html")]
struct PreviewPage {
    chrome: Chrome,
    form: PrivacyForm,
    /// (setting in words, old, new).
    changes: Vec<(String, String, String)>,
    mechanism_change: Option<String>,
    /// What planning for another number of answers a person does, in plain words.
    per_person_change: Option<String>,
    rows: Vec<Compared>,
    /// The example under the table, read from its own circle-month row at 30 answers.
    example: Option<String>,
    /// (answers in a month, protection now, protection with the new settings).
    people: Vec<(u32, String, String)>,
}

/// One row of the accuracy table, now and as proposed.
struct Compared {
    level: String,
    n: u32,
    pct_now: String,
    pct_next: String,
    mean_now: String,
    mean_next: String,
}

fn preview_page(
    signed: &Signed,
    now: &PrivacySettings,
    next: &PrivacySettings,
    form: &PrivacyForm,
) -> Result<PreviewPage, StaffError> {
    let changes = now
        .changes_to(next)
        .into_iter()
        .map(|c| {
            (
                label(c.name),
                worded(c.name, &c.old),
                worded(c.name, &c.new),
            )
        })
        .collect();
    let before = plan::accuracy(now, plan::Shape::default())?;
    let after = plan::accuracy(next, plan::Shape::default())?;
    let rows: Vec<Compared> = before
        .iter()
        .zip(&after)
        .map(|(b, a)| Compared {
            level: level_words(b.level),
            n: b.n,
            pct_now: format!("±{:.1}", b.pct_positive),
            pct_next: format!("±{:.1}", a.pct_positive),
            mean_now: format!("±{:.2}", b.item_mean),
            mean_next: format!("±{:.2}", a.item_mean),
        })
        .collect();
    let example = before
        .iter()
        .zip(&after)
        .zip(&rows)
        .find(|((b, _), _)| b.level == analytics::budget::Level::CircleMonth && b.n == 30)
        .map(|((b, a), row)| example_words(row, b.pct_positive, a.pct_positive));
    let mechanism_change = (now.mechanism != next.mechanism).then(|| {
        crate::words::tr().args(
            "privacy-preview-mechanism-change",
            &[
                ("old_symbol", symbol(now.mechanism)),
                ("old_unit", now.mechanism.unit()),
                ("old_budget", &decimal(now.budget)),
                ("new_symbol", symbol(next.mechanism)),
                ("new_unit", next.mechanism.unit()),
                ("new_budget", &decimal(next.budget)),
            ],
        )
    });
    let per_person_change = (now.answers_per_person != next.answers_per_person)
        .then(|| per_person_words(now, next))
        .flatten();
    let (people_now, people_next) = (person::table(now)?, person::table(next)?);
    let people = people_next
        .iter()
        .filter_map(|n| {
            let before = people_now.iter().find(|b| b.answers == n.answers)?;
            Some((
                n.answers,
                person::worded_in(&before.add_or_remove, crate::words::lang()),
                person::worded_in(&n.add_or_remove, crate::words::lang()),
            ))
        })
        .collect();
    let mut form = form.clone();
    form.budget_unit = next.mechanism.unit().to_owned();
    Ok(PreviewPage {
        chrome: signed.chrome(crate::words::tr().get("privacy-preview-title")),
        form,
        changes,
        mechanism_change,
        per_person_change,
        rows,
        example,
        people,
    })
}

/// The example under the accuracy table, from its circle-month row at 30 answers: what a
/// figure read as 70 % could be, now and with the new settings (`now`, `next`: the row's
/// margins in points, as printed in `row`).
fn example_words(row: &Compared, now: f64, next: f64) -> String {
    let tr = crate::words::tr();
    let range = |margin: f64| {
        // As the table prints it, to one decimal place.
        let margin = (margin * 10.0).round() / 10.0;
        tr.args(
            "privacy-preview-range",
            &[
                ("low", &format!("{:.0}", (70.0 - margin).max(0.0))),
                ("high", &format!("{:.0}", (70.0 + margin).min(100.0))),
            ],
        )
    };
    let shown = tr.args(
        "privacy-preview-example",
        &[
            ("n", &row.n.to_string()),
            ("now", &row.pct_now),
            ("next", &row.pct_next),
        ],
    );
    if row.pct_now == row.pct_next {
        tr.args(
            "privacy-preview-example-same",
            &[("example", &shown), ("range", &range(now))],
        )
    } else {
        tr.args(
            "privacy-preview-example-changed",
            &[
                ("example", &shown),
                ("next", &range(next)),
                ("now", &range(now)),
            ],
        )
    }
}

/// What planning the budget for another number of answers a person does, in words a
/// manager understands: a circle's month of 30 answers, its "% positive" margin now and
/// then, how many times noisier (or steadier) that is, and what helps.
fn per_person_words(now: &PrivacySettings, next: &PrivacySettings) -> Option<String> {
    let (before, after) = (circle_margin(now)?, circle_margin(next)?);
    let (m, times) = (next.answers_per_person, after / before);
    let tr = crate::words::tr();
    let lang = tr.lang();
    let times_of = |n: u32| tr.count("privacy-preview-times", "n", i64::from(n));
    let headline = tr.args(
        "privacy-preview-per-person",
        &[
            ("next", &times_of(m)),
            ("now", &times_of(now.answers_per_person)),
        ],
    );
    let unreadable = after > analytics::figures::READABLE_PCT_MARGIN;
    let (after, before) = (format!("{after:.0}"), format!("{before:.0}"));
    let effect = if times >= 1.0 {
        let unreadable = if unreadable {
            tr.with(
                "privacy-preview-unreadable",
                "margin",
                &format!("{:.0}", analytics::figures::READABLE_PCT_MARGIN),
            )
        } else {
            String::new()
        };
        tr.args(
            "privacy-preview-noisier",
            &[
                ("after", &after),
                ("before", &before),
                (
                    "times",
                    &domain::locale::localize(lang, &format!("{times:.1}")),
                ),
                ("unreadable", &unreadable),
            ],
        )
    } else {
        tr.args(
            "privacy-preview-steadier",
            &[
                ("after", &after),
                ("before", &before),
                ("times", &times_of(m)),
            ],
        )
    };
    Some(format!("{headline} {effect}"))
}

/// Shows what the proposed settings would change and the accuracy they would give beside
/// today's, with a form that confirms them. Saves nothing; invalid values come back on the
/// settings form with their problems, as 422.
pub(crate) async fn preview(
    State(dash): State<Dashboards>,
    signed: Signed,
    Form(form): Form<PrivacyForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let now = analytics::budget::load_settings(&dash.store).await?;
    match proposed(&now, &form) {
        Ok(next) => signed.render(&preview_page(&signed, &now, &next, &form)?),
        Err(refusal) => refuse(&dash, &signed, refusal).await,
    }
}

async fn refuse(
    dash: &Dashboards,
    signed: &Signed,
    refusal: Refusal,
) -> Result<Response, StaffError> {
    let page = privacy_page(dash, signed, Some(*refusal.form), refusal.problems, None).await?;
    signed.refuse(&page)
}

/// Saves the settings the preview showed, once confirmed there (without `confirm=yes` it
/// shows the preview and saves nothing), then redirects (post/redirect/get) to the
/// settings page with a one-off note. One audit entry per changed setting; sent again,
/// the settings are already in force and nothing more is stored or recorded.
pub(crate) async fn set_privacy(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<PrivacyForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let now = analytics::budget::load_settings(&dash.store).await?;
    let next = match proposed(&now, &form) {
        Ok(next) => next,
        Err(refusal) => return refuse(&dash, &signed, refusal).await,
    };
    if form.confirm != "yes" {
        return signed.render(&preview_page(&signed, &now, &next, &form)?);
    }
    let actor = Actor::Staff(&signed.user.email);
    let changes = analytics::budget::save_settings(&dash.store, &next, actor).await?;
    let note = if changes.is_empty() {
        crate::words::tr().get("privacy-set-nothing-to-save")
    } else {
        tracing::info!(settings.changed = changes.len(), "privacy settings changed");
        let list: Vec<String> = changes
            .iter()
            .map(|c| {
                format!(
                    "{}: {} → {}",
                    label(c.name),
                    worded(c.name, &c.old),
                    worded(c.name, &c.new)
                )
            })
            .collect();
        crate::words::tr().with("privacy-set-saved", "changes", &list.join("; "))
    };
    staff.insert(PRIVACY_SAVED_KEY, note).await?;
    Ok(Redirect::to("/staff/admin/privacy").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An English page prints the analytics crate's own names, byte for byte; the
    /// catalog's copies must not drift from them.
    #[test]
    fn levels_figures_and_the_plan_read_in_english_as_the_analytics_crate_names_them() {
        for level in Level::ALL {
            assert_eq!(level_words(level), level.label());
        }
        for group in Group::ALL {
            assert_eq!(group_words(group), group.label());
        }
        for m in &PLAN {
            assert_eq!(shown_words(m), m.shown);
        }
    }
}
