//! A program manager's pages: the program overview and a page per circle, drawn from the
//! last twelve released months (and the latest released quarter for what helped); a
//! printable report of the program for its board; and the program's released cells as
//! CSV, with the data dictionary that explains them.
//!
//! # Privacy
//! Only released cells are read, with the manager's suppression status: a hidden cell is
//! shown as hidden, never as a number, and nothing is recomputed from anything finer. The
//! report and the CSV hold the program's own cells only (its circles' months, its months,
//! its quarters): never another program's, never the portfolio's.

use std::sync::Arc;

use analytics::budget::Level;
use analytics::measure::Measure;
use analytics::period::Period;
use analytics::suppression::Audience;
use analytics::view::{self, ExportFormat, Release, ReleaseInfo, StoredCell};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::catalog::{self, CircleEntry};
use domain::instrument::{Helped, Hindered, Item};
use domain::{CircleId, ProgramId};

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::charts::{self, Bar, Point};
use crate::first_release;
use crate::page::{Chrome, StaffError};
use crate::releases::{
    ReleasedOn, Shown, csv_download, dictionary_download, lacks_sampling, noise_line,
    noise_only_line, points, pooled_points, quarter_name,
};

/// How many released months a page shows.
const MONTHS: usize = 12;

/// The last released months, oldest first, and the latest released quarter.
async fn recent(
    dash: &Dashboards,
) -> Result<(Vec<Arc<Release>>, Option<Arc<Release>>), StaffError> {
    let infos = view::list_releases(&dash.store).await?;
    let (quarters, months): (Vec<&ReleaseInfo>, Vec<&ReleaseInfo>) =
        infos.iter().partition(|i| i.period.is_quarter());
    let mut wanted = months[months.len().saturating_sub(MONTHS)..].to_vec();
    wanted.extend(quarters.last().copied());
    let mut loaded = dash.releases.get_many(&dash.store, &wanted).await?;
    let quarter = quarters.last().and_then(|_| loaded.pop());
    Ok((loaded, quarter))
}

fn program_cell(release: &Release, level: Level, program: ProgramId) -> Option<&StoredCell> {
    release
        .cells
        .iter()
        .find(|c| c.key.level == level && c.key.program_id == Some(program))
}

fn circle_cell(release: &Release, circle: CircleId) -> Option<&StoredCell> {
    release
        .cells
        .iter()
        .find(|c| c.key.level == Level::CircleMonth && c.key.circle_id == Some(circle))
}

/// A month's row of figures under a trend chart.
struct MonthRow {
    month: String,
    responses: Shown,
    belonging: Shown,
    safety: Shown,
}

const TREND: [&str; 3] = [
    Measure::RESPONSES.name(),
    Measure::BELONGING_PCT_POSITIVE.name(),
    Measure::SAFETY_PCT_POSITIVE.name(),
];

/// Trend rows and the two series of a cell per month.
fn trend_rows(
    months: &[Arc<Release>],
    cell: impl Fn(&Release) -> Option<&StoredCell>,
) -> (Vec<MonthRow>, Vec<Point>, Vec<Point>) {
    let mut rows = vec![];
    let (mut belonging, mut safety) = (vec![], vec![]);
    for r in months {
        let p = points(r, cell(r), Audience::Manager, &TREND);
        rows.push(MonthRow {
            month: charts::short_month(&r.info.period.to_string()),
            responses: Shown::of(p[0]),
            belonging: Shown::of(p[1]),
            safety: Shown::of(p[2]),
        });
        belonging.push(p[1]);
        safety.push(p[2]);
    }
    (rows, belonging, safety)
}

/// One statement's mean (1–5) in each of the latest months.
struct ItemRow {
    text: String,
    means: Vec<Shown>,
}

/// The statements table: its months, its rows, and — when not one of its means is
/// readable — the sentence the page shows instead of a wall of "too uncertain".
struct Statements {
    months: Vec<String>,
    rows: Vec<ItemRow>,
    unreadable: Option<String>,
    /// Said beside the table when, in one column, some statements read and others are
    /// too uncertain: why the same responses give them different ranges.
    mixed: Option<String>,
    /// Some mean has the noise range only.
    noise_only: bool,
    /// The months the last column takes together (shown ones only), oldest first; empty
    /// when the table has no such column.
    together: Vec<Period>,
}

/// Why one month's statements, over the same responses, can read differently: said
/// beside the table rather than left for a manager to puzzle over.
fn mixed_words(months: &[String]) -> String {
    let lang = crate::words::lang();
    lang.tr().args(
        "prog-report-mixed",
        &[
            ("months", &list_words(months)),
            (
                "mean",
                &domain::locale::number(lang, analytics::figures::READABLE_MEAN_MARGIN, 1),
            ),
        ],
    )
}

/// "Sep 26", "Sep 26 and Oct 26", "Sep 26, Oct 26 and Nov 26".
fn list_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => crate::words::tr().args(
            "dict-list-and",
            &[("rest", &rest.join(", ")), ("last", last)],
        ),
    }
}

/// How many recent months the statements table shows.
const ITEM_MONTHS: usize = 3;

/// Each statement's mean in the latest [`ITEM_MONTHS`] months and over those months
/// together — or, `together_only`, over the months together only (a printed report).
fn statements(
    months: &[Arc<Release>],
    cell: impl Fn(&Release) -> Option<&StoredCell>,
    together_only: bool,
) -> Statements {
    let recent = &months[months.len().saturating_sub(ITEM_MONTHS)..];
    let names: Vec<String> = Item::ALL
        .iter()
        .map(|i| format!("{}_mean", i.key()))
        .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    // (column heading, the column as a sentence names it, its points)
    let mut columns: Vec<(String, String, Vec<Point>)> = recent
        .iter()
        .map(|r| {
            let month = charts::short_month(&r.info.period.to_string());
            (
                month.clone(),
                month,
                points(r, cell(r), Audience::Manager, &refs),
            )
        })
        .collect();
    // The months together: a mean too uncertain in one month is often readable over
    // three (sums of released counts; hidden months are left out).
    let mut together = vec![];
    if recent.len() > 1 {
        let cells: Vec<&StoredCell> = recent.iter().filter_map(|r| cell(r)).collect();
        together = recent
            .iter()
            .filter(|r| {
                cell(r).is_some_and(|c| {
                    c.status(Audience::Manager) == analytics::suppression::Status::Shown
                })
            })
            .map(|r| r.info.period)
            .collect();
        let tr = crate::words::tr();
        columns.push((
            tr.count("prog-report-shown-together", "n", together.len() as i64),
            tr.get("prog-report-the-months-together"),
            pooled_points(&cells, Audience::Manager, &refs),
        ));
        // Where no single month can be read but the months together can, the table shows
        // the months together only: a row of "too uncertain" says nothing a manager can
        // use, and on a phone it would push the readable column off the screen.
        let read = |c: &(String, String, Vec<Point>)| c.2.iter().any(|p| p.value().is_some());
        let months_unreadable = !columns[..columns.len() - 1].iter().any(read);
        if together_only || (months_unreadable && columns.last().is_some_and(read)) {
            columns.drain(..columns.len() - 1);
        }
    }
    let all = || columns.iter().flat_map(|c| &c.2);
    let unreadable =
        (all().any(Point::is_uncertain) && !all().any(|p| p.value().is_some())).then(|| {
            let lang = crate::words::lang();
            lang.tr().with(
                "prog-report-unreadable",
                "mean",
                &domain::locale::number(lang, analytics::figures::READABLE_MEAN_MARGIN, 1),
            )
        });
    // Columns where some statements read and others do not, over the same responses.
    let mixed: Vec<String> = columns
        .iter()
        .filter(|c| c.2.iter().any(Point::is_uncertain) && c.2.iter().any(|p| p.value().is_some()))
        .map(|c| c.1.clone())
        .collect();
    let t = crate::words::tr();
    let rows = Item::ALL
        .iter()
        .enumerate()
        .map(|(k, item)| ItemRow {
            text: t.get(&format!("item-{}", item.key())),
            means: columns.iter().map(|c| Shown::of(c.2[k])).collect(),
        })
        .collect();
    Statements {
        mixed: (unreadable.is_none() && !mixed.is_empty()).then(|| mixed_words(&mixed)),
        noise_only: lacks_sampling(all()),
        months: columns.into_iter().map(|c| c.0).collect(),
        rows,
        unreadable,
        together,
    }
}

/// The trend chart of belonging and safety.
fn trend_chart(
    who: &str,
    periods: &[String],
    belonging: Vec<Point>,
    safety: Vec<Point>,
    marks: &[(usize, String)],
) -> Result<String, StaffError> {
    let tr = crate::words::tr();
    Ok(charts::trend_marked(
        &tr.with("chart-trend-title", "who", who),
        periods,
        &[
            (
                tr.get("chart-belonging-series").as_str(),
                charts::BLUE,
                belonging,
            ),
            (tr.get("chart-safety-series").as_str(), charts::RUST, safety),
        ],
        marks,
    )?)
}

struct ChoiceRow {
    label: String,
    shown: Shown,
    /// The share has the noise range only.
    noise_only: bool,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage {
    chrome: Chrome,
    attention: crate::attention::Attention,
    /// The program-wide actions, marked on the trend where their month is on it.
    actions: Vec<crate::actions::Listed>,
    /// How many actions are for single circles (shown on their pages).
    circle_actions: usize,
    program_id: ProgramId,
    program: String,
    /// An archived program still shows its history, marked.
    archived_on: Option<chrono::NaiveDate>,
    noise: String,
    /// Set when some figure has the noise range only (a release of the first plan).
    noise_only: Option<String>,
    k: i32,
    has_months: bool,
    trend_svg: String,
    rows: Vec<MonthRow>,
    heat_svg: String,
    heat_rows: Vec<(CircleEntry, Vec<Shown>)>,
    /// The heatmap shows safety rather than belonging.
    safety_heat: bool,
    statements: Statements,
    month_names: Vec<String>,
    first_svg: String,
    first_rows: Vec<FirstTimeRow>,
    quarter: Option<String>,
    helped_svg: String,
    hindered_svg: String,
    helped: Vec<ChoiceRow>,
    hindered: Vec<ChoiceRow>,
}

/// The program's own actions, each marked on a trend of `periods` where its month is on
/// it (its circles' are marked on theirs), with how many are for single circles.
async fn program_actions(
    dash: &Dashboards,
    program: ProgramId,
    periods: &[String],
) -> Result<(Vec<crate::actions::Listed>, Vec<(usize, String)>, usize), StaffError> {
    let all = domain::actions::list(&dash.store, program).await?;
    let circles = all.iter().filter(|a| a.circle_id.is_some()).count();
    let (listed, marks) = crate::actions::marked(&all, |a| a.circle_id.is_none(), periods);
    Ok((listed, marks, circles))
}

async fn program_name(dash: &Dashboards, program: ProgramId) -> Result<String, StaffError> {
    Ok(program_entry(dash, program).await?.name)
}

/// The program with whether (and since when) it is archived.
async fn program_entry(
    dash: &Dashboards,
    program: ProgramId,
) -> Result<catalog::Named, StaffError> {
    catalog::programs(&dash.store)
        .await?
        .into_iter()
        .find(|p| p.id == program)
        .ok_or(StaffError::NotFound)
}

/// A program's released months, as the parts of its overview read them.
struct ProgramMonths<'a> {
    program: ProgramId,
    name: &'a str,
    months: &'a [Arc<Release>],
    /// Each month's period ("2026-03"), for the charts' axes.
    periods: &'a [String],
}

/// The program's trend: the chart of belonging and safety (with the program's actions
/// marked on it) and its table, and the statements' table.
struct ProgramTrend {
    svg: String,
    rows: Vec<MonthRow>,
    statements: Statements,
    actions: Vec<crate::actions::Listed>,
    /// How many actions are for single circles.
    circle_actions: usize,
    /// Some figure of it has the noise range only.
    noise_only: bool,
}

async fn program_trend(
    dash: &Dashboards,
    of: &ProgramMonths<'_>,
) -> Result<ProgramTrend, StaffError> {
    let (rows, belonging, safety) = trend_rows(of.months, |r| {
        program_cell(r, Level::ProgramMonth, of.program)
    });
    let statements = statements(
        of.months,
        |r| program_cell(r, Level::ProgramMonth, of.program),
        false,
    );
    let noise_only = statements.noise_only || lacks_sampling(belonging.iter().chain(&safety));
    let (actions, marks, circle_actions) = program_actions(dash, of.program, of.periods).await?;
    let svg = trend_chart(of.name, of.periods, belonging, safety, &marks)?;
    Ok(ProgramTrend {
        svg,
        rows,
        statements,
        actions,
        circle_actions,
        noise_only,
    })
}

/// One index of the program's circles, circle by month: the heatmap and its table.
struct CircleHeatmap {
    svg: String,
    rows: Vec<(CircleEntry, Vec<Shown>)>,
    /// Some cell has the noise range only.
    noise_only: bool,
}

/// The heatmap of `measure` (named `index` in its title) for `circles`.
fn circle_heatmap(
    of: &ProgramMonths<'_>,
    circles: &[CircleEntry],
    measure: &str,
    index: &str,
) -> Result<CircleHeatmap, StaffError> {
    let mut noise_only = false;
    let mut heat = vec![];
    let mut rows = vec![];
    for circle in circles {
        let cells: Vec<Point> = of
            .months
            .iter()
            .map(|r| points(r, circle_cell(r, circle.id), Audience::Manager, &[measure])[0])
            .collect();
        let shown = cells.iter().map(|p| Shown::of(*p).brief()).collect();
        noise_only |= lacks_sampling(&cells);
        heat.push(cells);
        rows.push((circle.clone(), shown));
    }
    let names: Vec<String> = circles
        .iter()
        .map(|c| match c.archived() {
            true => crate::words::tr().with("chart-archived-circle", "circle", &c.name),
            false => c.name.clone(),
        })
        .collect();
    let svg = charts::heatmap(
        &crate::words::tr().args("chart-heat-title", &[("who", of.name), ("index", index)]),
        &names,
        of.periods,
        &heat,
    )?;
    Ok(CircleHeatmap {
        svg,
        rows,
        noise_only,
    })
}

/// Which index the heatmap shows: `?heat=safety`, else belonging.
#[derive(serde::Deserialize)]
pub(crate) struct OverviewQuery {
    heat: Option<String>,
}

pub(crate) async fn overview(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(program): Path<ProgramId>,
    Query(query): Query<OverviewQuery>,
) -> Result<Response, StaffError> {
    let safety_heat = query.heat.as_deref() == Some("safety");
    let tr = crate::words::tr();
    let (heat_measure, heat_name) = if safety_heat {
        ("safety_pct_positive", tr.get("index-safety"))
    } else {
        ("belonging_pct_positive", tr.get("index-belonging"))
    };
    signed.require(Area::Program(program))?;
    let entry = program_entry(&dash, program).await?;
    let (name, archived_on) = (entry.name, entry.archived_on);
    let whose = first_release::Whose {
        program_id: program,
        program: &name,
        circle: None,
        archived_on,
    };
    if let Some(empty) = first_release::page(&dash, &signed, whose).await? {
        return Ok(empty);
    }
    let circles = catalog::circles(&dash.store, Some(program)).await?;
    let (months, quarter) = recent(&dash).await?;
    let k = months.last().map_or(0, |r| r.info.manager_threshold);
    let periods: Vec<String> = months.iter().map(|r| r.info.period.to_string()).collect();
    let of = ProgramMonths {
        program,
        name: &name,
        months: &months,
        periods: &periods,
    };
    let trend = program_trend(&dash, &of).await?;
    let attention = crate::attention::attention(&dash, Some(program)).await?;
    let heat = circle_heatmap(&of, &circles, heat_measure, &heat_name)?;
    let mut noise_only = trend.noise_only || heat.noise_only;

    let (first_svg, first_rows) = first_time(&of)?;

    let (helped, helped_svg) = choices(&quarter, program, true, &name)?;
    let (hindered, hindered_svg) = choices(&quarter, program, false, &name)?;
    noise_only |= helped.iter().chain(&hindered).any(|c| c.noise_only);

    let page = OverviewPage {
        chrome: signed.chrome(tr.with("first-release-overview-title", "program", &name)),
        attention,
        actions: trend.actions,
        circle_actions: trend.circle_actions,
        program_id: program,
        program: name,
        archived_on,
        noise: noise_line(),
        noise_only: noise_only.then(noise_only_line),
        k,
        has_months: !months.is_empty(),
        trend_svg: trend.svg,
        rows: trend.rows,
        heat_svg: heat.svg,
        heat_rows: heat.rows,
        safety_heat,
        statements: trend.statements,
        month_names: periods.iter().map(|p| charts::short_month(p)).collect(),
        first_svg,
        first_rows,
        quarter: quarter.as_ref().map(|q| quarter_name(q)),
        helped_svg,
        hindered_svg,
        helped,
        hindered,
    };
    signed.render(&page)
}

/// A month's first-time and returning counts, as the table under the chart shows them.
type FirstTimeRow = (String, Shown, Shown);

/// First-time and returning participants month by month: the stacked chart and its
/// table's rows.
fn first_time(of: &ProgramMonths<'_>) -> Result<(String, Vec<FirstTimeRow>), StaffError> {
    let mut first = vec![];
    let mut returning = vec![];
    let mut rows = vec![];
    for r in of.months {
        let p = points(
            r,
            program_cell(r, Level::ProgramMonth, of.program),
            Audience::Manager,
            &[
                Measure::FIRST_TIME_YES.name(),
                Measure::FIRST_TIME_NO.name(),
            ],
        );
        rows.push((
            charts::short_month(&r.info.period.to_string()),
            Shown::of(p[0]),
            Shown::of(p[1]),
        ));
        first.push(p[0]);
        returning.push(p[1]);
    }
    let title = crate::words::tr().with("chart-first-title", "who", of.name);
    let svg = charts::stacked_counts(&title, of.periods, &first, &returning)?;
    Ok((svg, rows))
}

/// What helped (or got in the way) in the latest released quarter, as a share of its
/// responses (the release's `{option}_pct` figures, with their ranges): the table rows
/// and the chart.
fn choices(
    quarter: &Option<Arc<Release>>,
    program: ProgramId,
    helped: bool,
    name: &str,
) -> Result<(Vec<ChoiceRow>, String), StaffError> {
    let Some(q) = quarter else {
        return Ok((vec![], String::new()));
    };
    let t = crate::words::tr();
    let (columns, labels): (Vec<String>, Vec<String>) = if helped {
        Helped::ALL
            .iter()
            .map(|h| (h.column(), t.get(&format!("helped-{}", h.key()))))
            .unzip()
    } else {
        Hindered::ALL
            .iter()
            .map(|h| (h.column(), t.get(&format!("hindered-{}", h.key()))))
            .unzip()
    };
    let names: Vec<String> = columns.iter().map(|c| format!("{c}_pct")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let p = points(
        q,
        program_cell(q, Level::ProgramQuarter, program),
        Audience::Manager,
        &refs,
    );
    let bars: Vec<Bar> = labels
        .into_iter()
        .zip(p)
        .map(|(label, point)| Bar { label, point })
        .collect();
    let what = if helped {
        "chart-helped-title"
    } else {
        "chart-hindered-title"
    };
    let svg = charts::bars(
        &crate::words::tr().args(what, &[("who", name), ("quarter", &quarter_name(q))]),
        &bars,
        if helped { charts::BLUE } else { charts::RUST },
    )?;
    let rows = bars
        .into_iter()
        .map(|b| ChoiceRow {
            shown: Shown::of(b.point),
            noise_only: lacks_sampling([&b.point]),
            label: b.label,
        })
        .collect();
    Ok((rows, svg))
}

#[derive(Template)]
#[template(path = "circle.html")]
struct CirclePage {
    chrome: Chrome,
    attention: crate::attention::Attention,
    /// The circle's actions and the program's, marked on the trend.
    actions: Vec<crate::actions::Listed>,
    program_id: ProgramId,
    program: String,
    circle: String,
    /// The circle's own archiving date, else its program's: its history stays, marked.
    archived_on: Option<chrono::NaiveDate>,
    program_archived: bool,
    noise: String,
    noise_only: Option<String>,
    k: i32,
    has_months: bool,
    trend_svg: String,
    rows: Vec<MonthRow>,
    statements: Statements,
}

pub(crate) async fn circle(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path((program, circle)): Path<(ProgramId, CircleId)>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program))?;
    let program_row = program_entry(&dash, program).await?;
    let name = program_row.name;
    let entry = catalog::circles(&dash.store, Some(program))
        .await?
        .into_iter()
        .find(|c| c.id == circle)
        .ok_or(StaffError::NotFound)?;
    let whose = first_release::Whose {
        program_id: program,
        program: &name,
        circle: Some((circle, &entry.name)),
        archived_on: entry.archived_on.or(program_row.archived_on),
    };
    if let Some(empty) = first_release::page(&dash, &signed, whose).await? {
        return Ok(empty);
    }
    let (months, _) = recent(&dash).await?;
    let k = months.last().map_or(0, |r| r.info.manager_threshold);
    let periods: Vec<String> = months.iter().map(|r| r.info.period.to_string()).collect();
    let (rows, belonging, safety) = trend_rows(&months, |r| circle_cell(r, circle));
    let statements = statements(&months, |r| circle_cell(r, circle), false);
    let noise_only = statements.noise_only || lacks_sampling(belonging.iter().chain(&safety));
    let (actions, marks) = crate::actions::marked(
        &domain::actions::list(&dash.store, program).await?,
        |a| a.circle_id.is_none_or(|c| c == circle),
        &periods,
    );
    let trend_svg = trend_chart(&entry.name, &periods, belonging, safety, &marks)?;
    let attention = crate::attention::attention(&dash, Some(program))
        .await?
        .of_circle(circle);
    let page = CirclePage {
        chrome: signed.chrome(format!("{} — {name}", entry.name)),
        attention,
        actions,
        program_id: program,
        program: name,
        circle: entry.name,
        archived_on: entry.archived_on.or(program_row.archived_on),
        program_archived: program_row.archived_on.is_some(),
        noise: noise_line(),
        noise_only: noise_only.then(noise_only_line),
        k,
        has_months: !months.is_empty(),
        trend_svg,
        rows,
        statements,
    };
    signed.render(&page)
}

/// The program's latest released quarter, as the report's first table shows it.
struct QuarterFigures {
    name: String,
    released: ReleasedOn,
    responses: Shown,
    belonging: Shown,
    safety: Shown,
    better: Shown,
}

const QUARTER: [&str; 4] = [
    Measure::RESPONSES.name(),
    Measure::BELONGING_PCT_POSITIVE.name(),
    Measure::SAFETY_PCT_POSITIVE.name(),
    Measure::BETTER_MEAN.name(),
];

#[derive(Template)]
#[template(path = "program_report.html")]
struct ProgramReportPage {
    chrome: Chrome,
    program_id: ProgramId,
    program: String,
    noise: String,
    noise_only: Option<String>,
    k: i32,
    quarter: Option<QuarterFigures>,
    trend_svg: String,
    /// The last released months, oldest first, each with the day it was released.
    months: Vec<(MonthRow, ReleasedOn)>,
    /// First and last month shown ("December 2025", "November 2026").
    span: Option<(String, String)>,
    /// The months the statements are taken over ("September, October and November 2026").
    together: String,
    statements: Statements,
    helped: Vec<ChoiceRow>,
    hindered: Vec<ChoiceRow>,
    /// The program-wide actions, marked on the trend where their month is on it.
    actions: Vec<crate::actions::Listed>,
    /// How many actions are for single circles.
    circle_actions: usize,
}

/// A printable report of one program for its board: the latest released quarter, the
/// last twelve released months, the statements over the latest months together, and what
/// helped or got in the way — the same released cells, threshold and wording as the
/// overview, with when each period was released.
pub(crate) async fn report(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(program): Path<ProgramId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program))?;
    let name = program_name(&dash, program).await?;
    let (months, quarter) = recent(&dash).await?;
    let k = months
        .last()
        .or(quarter.as_ref())
        .map_or(0, |r| r.info.manager_threshold);
    let periods: Vec<String> = months.iter().map(|r| r.info.period.to_string()).collect();
    let (rows, belonging, safety) =
        trend_rows(&months, |r| program_cell(r, Level::ProgramMonth, program));
    let mut noise_only = lacks_sampling(belonging.iter().chain(&safety));
    // The program's own actions, marked on its trend, as the overview lists them.
    let (actions, marks, circle_actions) = program_actions(&dash, program, &periods).await?;
    let trend_svg = trend_chart(&name, &periods, belonging, safety, &marks)?;

    // A board reads the statements over the latest months together: a single month is
    // often too uncertain to read, and one column prints on a page.
    let mut statements = statements(
        &months,
        |r| program_cell(r, Level::ProgramMonth, program),
        true,
    );
    // On paper the column names its months: a board cannot look them up.
    let together = crate::releases::months_list(&statements.together, false);
    if !statements.together.is_empty() {
        statements.months =
            vec![crate::words::tr().with("prog-report-months-together", "months", &together)];
    }
    noise_only |= statements.noise_only;

    let quarter_figures = quarter.as_ref().map(|q| {
        let p = points(
            q,
            program_cell(q, Level::ProgramQuarter, program),
            Audience::Manager,
            &QUARTER,
        );
        noise_only |= lacks_sampling(&p[1..]);
        QuarterFigures {
            name: q.info.period.to_string(),
            released: ReleasedOn::of(q),
            responses: Shown::of(p[0]),
            belonging: Shown::of(p[1]),
            safety: Shown::of(p[2]),
            better: Shown::of(p[3]),
        }
    });
    let (helped, _) = choices(&quarter, program, true, &name)?;
    let (hindered, _) = choices(&quarter, program, false, &name)?;
    noise_only |= helped.iter().chain(&hindered).any(|c| c.noise_only);

    let span = months.first().zip(months.last()).map(|(a, b)| {
        let words =
            |r: &Release| domain::locale::month_year(crate::words::lang(), r.info.period.start());
        (words(a), words(b))
    });
    let page = ProgramReportPage {
        chrome: signed.chrome(crate::words::tr().with("prog-report-title", "program", &name)),
        program_id: program,
        program: name,
        noise: noise_line(),
        noise_only: noise_only.then(noise_only_line),
        k,
        quarter: quarter_figures,
        trend_svg,
        months: rows
            .into_iter()
            .zip(months.iter().map(|r| ReleasedOn::of(r)))
            .collect(),
        span,
        together,
        statements,
        helped,
        hindered,
        actions,
        circle_actions,
    };
    signed.render(&page)
}

/// The cells of a release a manager of `program` may take away: its circles' months, its
/// months and its quarters.
pub(crate) fn own_cells(release: &Release, program: ProgramId) -> Release {
    release.restricted(|c| {
        matches!(
            c.key.level,
            Level::CircleMonth | Level::ProgramMonth | Level::ProgramQuarter
        ) && c.key.program_id == Some(program)
    })
}

/// The program's released cells in every stored release, as the manager sees them (the
/// manager threshold), one row per figure: the same export as the funder's CSV and the
/// `hearth export` command.
pub(crate) async fn csv(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(program): Path<ProgramId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program))?;
    let name = program_name(&dash, program).await?;
    let mut frame = None;
    let infos = view::list_releases(&dash.store).await?;
    let all: Vec<&ReleaseInfo> = infos.iter().collect();
    for release in dash.releases.get_many(&dash.store, &all).await? {
        let part = view::export_frame(&own_cells(&release, program), Audience::Manager)?;
        match &mut frame {
            None => frame = Some(part),
            Some(all) => {
                all.vstack_mut(&part)?;
            }
        }
    }
    let mut out = Vec::new();
    if let Some(mut frame) = frame {
        view::write_export(&mut frame, ExportFormat::Csv, &mut out)?;
    }
    csv_download(
        &dash.store,
        &signed.user,
        out,
        &format!(
            "hearth-{}-{}.csv",
            file_name_part(&name),
            chrono::Local::now().date_naive()
        ),
    )
    .await
}

/// The data dictionary of the program's CSV (the funder's is under the reports, which
/// managers may not open): the same access as the CSV it explains.
pub(crate) async fn dictionary(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(program): Path<ProgramId>,
) -> Result<Response, StaffError> {
    signed.require(Area::Program(program))?;
    let name = program_name(&dash, program).await?;
    dictionary_download(&format!("hearth-{}-dictionary.csv", file_name_part(&name)))
}

/// A program's name as part of a download's file name: lower-case letters and digits
/// joined by hyphens ("Peer Bridges" → `peer-bridges`, "Café Niños" → `cafe-ninos`),
/// `program` when nothing of it is left. ASCII only, as a plain `filename=` must be.
fn file_name_part(name: &str) -> String {
    let plain: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect();
    let words: Vec<&str> = plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "program".to_owned()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::file_name_part;

    #[test]
    fn a_download_is_named_after_its_program_in_plain_letters() {
        assert_eq!(file_name_part("Peer Bridges"), "peer-bridges");
        assert_eq!(
            file_name_part("  Youth Voices (2026)! "),
            "youth-voices-2026"
        );
        assert_eq!(file_name_part("Café Niños"), "cafe-ninos");
        assert_eq!(file_name_part("Ελπίδα"), "program");
    }
}
