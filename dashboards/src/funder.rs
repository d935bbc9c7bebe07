//! The funder's quarterly portfolio report: program-level figures only, under the funder
//! threshold, as a printable page with a methods appendix, as CSV, and the data
//! dictionary that names every column and measure of that CSV in plain words.
//!
//! # Privacy
//! Only program-quarter and portfolio-quarter cells are read, with the funder's
//! suppression status; nothing below program level reaches this page or its CSV.

use std::sync::Arc;

use analytics::budget::{Level, Mechanism};
use analytics::ledger;
use analytics::measure::Group;
use analytics::period::Period;
use analytics::suppression::Audience;
use analytics::view::{self, ExportFormat, LedgerEntry, Release, StoredCell};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::Dashboards;
use crate::access::Area;
use crate::account::StaffUser;
use crate::auth::Signed;
use crate::charts::{self, Bar};
use crate::page::{Chrome, StaffError};
use crate::releases::{NOISE_LINE, NOISE_ONLY_LINE, Shown, lacks_sampling, points};

#[derive(Template)]
#[template(path = "reports.html")]
struct ReportsPage {
    chrome: Chrome,
    quarters: Vec<String>,
}

pub(crate) async fn reports(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    signed.require(Area::Reports)?;
    let mut quarters: Vec<String> = view::list_releases(&dash.store)
        .await?
        .into_iter()
        .filter(|r| r.period.is_quarter())
        .map(|r| r.period.to_string())
        .collect();
    quarters.reverse();
    signed.render(&ReportsPage {
        chrome: signed.chrome("Quarterly reports"),
        quarters,
    })
}

/// A quarter's release, seen as this funder may see it: program-level cells only, and
/// only their own program's when they have one.
async fn funder_release(
    dash: &Dashboards,
    user: &StaffUser,
    quarter: &str,
) -> Result<(Arc<Release>, Release), StaffError> {
    let period: Period = quarter.parse().map_err(|_| StaffError::NotFound)?;
    if !period.is_quarter() {
        return Err(StaffError::NotFound);
    }
    let info = view::list_releases(&dash.store)
        .await?
        .into_iter()
        .find(|r| r.period == period)
        .ok_or(StaffError::NotFound)?;
    let release = dash.releases.get(&dash.store, &info).await?;
    let scope = user.program_id;
    let seen = release.restricted(|c| match c.key.level {
        Level::ProgramQuarter => scope.is_none_or(|p| c.key.program_id == Some(p)),
        Level::PortfolioQuarter => scope.is_none(),
        _ => false,
    });
    Ok((release, seen))
}

struct ProgramRow {
    name: String,
    portfolio: bool,
    responses: Shown,
    belonging: Shown,
    safety: Shown,
    better: Shown,
    /// Some figure of the row has the noise range only.
    noise_only: bool,
}

/// One spend behind the report, in the words of the pages: the same measurement in each
/// of the quarter's months is one row, with its months.
struct Spend {
    /// Level and group, in the order the plan lists them.
    order: (Option<Level>, Option<Group>),
    periods: Vec<String>,
    level: String,
    figures: String,
    spend: String,
    scale: String,
}

impl Spend {
    fn of(l: LedgerEntry) -> Spend {
        let unit = match l.unit.as_str() {
            "rho" => "ρ",
            "epsilon" => "ε",
            other => other,
        };
        Spend {
            order: (Level::from_key(&l.level), Group::from_key(&l.group)),
            periods: vec![l.period.to_string()],
            level: Level::from_key(&l.level).map_or(l.level.clone(), |v| v.label().to_owned()),
            figures: Group::from_key(&l.group).map_or(l.group.clone(), |g| g.label().to_owned()),
            spend: format!("{unit} = {}", l.spend),
            scale: l.scale,
        }
    }
}

const REPORT: [&str; 4] = [
    "responses",
    "belonging_pct_positive",
    "safety_pct_positive",
    "better_mean",
];

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    chrome: Chrome,
    quarter: String,
    noise: &'static str,
    noise_only: Option<&'static str>,
    k: i32,
    mechanism: &'static str,
    /// Released under the measurement plan (plan 2): a sum of months, spending nothing.
    summed: bool,
    rows: Vec<ProgramRow>,
    belonging_svg: String,
    safety_svg: String,
    ledger: Vec<Spend>,
    /// The most any one response lost in a month of the quarter, in words.
    month_loss: Option<String>,
    released: String,
}

fn row(release: &Release, cell: &StoredCell) -> ProgramRow {
    let p = points(release, Some(cell), Audience::Funder, &REPORT);
    ProgramRow {
        noise_only: lacks_sampling(&p[1..]),
        name: cell
            .program
            .clone()
            .unwrap_or_else(|| "All programs".into()),
        portfolio: cell.key.level == Level::PortfolioQuarter,
        responses: Shown::of(p[0], "", 0),
        belonging: Shown::of(p[1], "%", 0),
        safety: Shown::of(p[2], "%", 0),
        better: Shown::of(p[3], "", 1),
    }
}

pub(crate) async fn report(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(quarter): Path<String>,
) -> Result<Response, StaffError> {
    signed.require(Area::Reports)?;
    let (release, seen) = funder_release(&dash, &signed.user, &quarter).await?;
    let mut cells: Vec<&StoredCell> = seen.cells.iter().collect();
    cells.sort_by_key(|c| (c.key.level == Level::PortfolioQuarter, c.program.clone()));
    let rows: Vec<ProgramRow> = cells.iter().map(|c| row(&seen, c)).collect();
    let chart = |measure: usize, title: &str, colour| {
        let bars: Vec<Bar> = cells
            .iter()
            .map(|c| Bar {
                label: c.program.clone().unwrap_or_else(|| "All programs".into()),
                point: points(&seen, Some(c), Audience::Funder, &[REPORT[measure]])[0],
            })
            .collect();
        charts::bars(
            &format!("{title}, {quarter}, % positive by program"),
            &bars,
            colour,
        )
    };
    let belonging_svg = chart(1, "Belonging", charts::BLUE)?;
    let safety_svg = chart(2, "Emotional safety", charts::RUST)?;
    // A quarter of the measurement plan has no spends of its own: it is the sum of its
    // months, so the spends behind it are theirs. One of the first plan measured itself.
    let summed = release.info.plan >= 2;
    let months = release.info.period.months();
    let mut ledger: Vec<Spend> = view::ledger(&dash.store)
        .await?
        .into_iter()
        .filter(|l| {
            if summed {
                months.contains(&l.period)
            } else {
                l.period == release.info.period
                    && (l.level == Level::ProgramQuarter.key()
                        || l.level == Level::PortfolioQuarter.key())
            }
        })
        .map(Spend::of)
        .collect();
    ledger.sort_by(|a, b| (a.order, &a.periods).cmp(&(b.order, &b.periods)));
    ledger.dedup_by(|next, kept| {
        // No count of cells: a circle-month row's would tell a funder how many circles a
        // program has, which is below what a funder sees.
        let same = (next.order, &next.spend, &next.scale) == (kept.order, &kept.spend, &kept.scale);
        if same {
            kept.periods.append(&mut next.periods);
        }
        same
    });
    let month_loss = month_loss(&dash, &months, signed.user.program_id).await?;
    let noise_only = rows.iter().any(|r| r.noise_only);
    let released = chrono::DateTime::from_timestamp(release.info.released_at, 0)
        .map(|t| t.format("%-d %B %Y").to_string())
        .unwrap_or_default();
    let page = ReportPage {
        chrome: signed.chrome(format!("Portfolio report {quarter}")),
        quarter: release.info.period.to_string(),
        noise: NOISE_LINE.as_str(),
        noise_only: noise_only.then_some(NOISE_ONLY_LINE),
        k: release.info.funder_threshold,
        mechanism: match release.info.mechanism {
            Mechanism::Gaussian => "discrete Gaussian",
            Mechanism::Laplace => "discrete Laplace",
        },
        summed,
        rows,
        belonging_svg,
        safety_svg,
        ledger,
        month_loss,
        released,
    };
    signed.render(&page)
}

/// The most one response of the report's programs lost in any month of the quarter, over
/// every release that used it: "ρ = 1 (ε = 7.77 at δ = 10⁻⁶)".
async fn month_loss(
    dash: &Dashboards,
    months: &[Period],
    scope: Option<i32>,
) -> Result<Option<String>, StaffError> {
    let months: Vec<String> = months.iter().map(ToString::to_string).collect();
    let mut conn = dash.store.pool().acquire().await?;
    let most = ledger::losses(&mut conn)
        .await?
        .into_iter()
        .filter(|((program, month), _)| {
            months.contains(month) && scope.is_none_or(|p| p == *program)
        })
        .map(|(_, loss)| loss)
        .max_by(|a, b| a.1.to_f64().total_cmp(&b.1.to_f64()));
    Ok(most.map(|(unit, spent)| {
        if unit == Mechanism::Gaussian.unit() {
            format!(
                "ρ = {spent} (ε = {:.2} at δ = 10⁻⁶)",
                ledger::epsilon(&unit, spent.to_f64())
            )
        } else {
            format!("ε = {spent}")
        }
    }))
}

pub(crate) async fn csv(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(quarter): Path<String>,
) -> Result<Response, StaffError> {
    signed.require(Area::Reports)?;
    let (_, seen) = funder_release(&dash, &signed.user, &quarter).await?;
    let mut frame = view::export_frame(&seen, Audience::Funder)?;
    let mut out = Vec::new();
    view::write_export(&mut frame, ExportFormat::Csv, &mut out)?;
    csv_download(out, &format!("hearth-portfolio-{}.csv", seen.info.period))
}

/// CSV bytes as a download named `filename`.
fn csv_download(out: Vec<u8>, filename: &str) -> Result<Response, StaffError> {
    let disposition = format!("attachment; filename=\"{filename}\"");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)?,
            ),
        ],
        out,
    )
        .into_response())
}

/// The data dictionary of the CSV: every column and every measure in plain words. The
/// same access as the CSV it explains (and a 404 for a quarter that is not released),
/// though it holds no figures.
pub(crate) async fn dictionary(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(quarter): Path<String>,
) -> Result<Response, StaffError> {
    signed.require(Area::Reports)?;
    let (_, seen) = funder_release(&dash, &signed.user, &quarter).await?;
    let mut frame = view::dictionary_frame()?;
    let mut out = Vec::new();
    view::write_export(&mut frame, ExportFormat::Csv, &mut out)?;
    csv_download(
        out,
        &format!("hearth-portfolio-{}-dictionary.csv", seen.info.period),
    )
}
