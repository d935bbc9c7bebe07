//! The funder's quarterly portfolio report: program-level figures only, under the funder
//! threshold, as a printable page with a methods appendix and as CSV.
//!
//! # Privacy
//! Only program-quarter and portfolio-quarter cells are read, with the funder's
//! suppression status; nothing below program level reaches this page or its CSV.

use std::sync::Arc;

use analytics::budget::Level;
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
use crate::releases::{NOISE_LINE, Shown, points};

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
    k: i32,
    mechanism: String,
    rows: Vec<ProgramRow>,
    belonging_svg: String,
    safety_svg: String,
    ledger: Vec<LedgerEntry>,
    released: String,
}

fn row(release: &Release, cell: &StoredCell) -> ProgramRow {
    let p = points(release, Some(cell), Audience::Funder, &REPORT);
    ProgramRow {
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
        .map_err(StaffError::internal)
    };
    let belonging_svg = chart(1, "Belonging", charts::BLUE)?;
    let safety_svg = chart(2, "Emotional safety", charts::RUST)?;
    let ledger = view::ledger(&dash.store)
        .await?
        .into_iter()
        .filter(|l| {
            l.period == release.info.period
                && (l.level == Level::ProgramQuarter.key()
                    || l.level == Level::PortfolioQuarter.key())
        })
        .collect();
    let released = chrono::DateTime::from_timestamp(release.info.released_at, 0)
        .map(|t| t.format("%-d %B %Y").to_string())
        .unwrap_or_default();
    let page = ReportPage {
        chrome: signed.chrome(format!("Portfolio report {quarter}")),
        quarter: release.info.period.to_string(),
        noise: NOISE_LINE,
        k: release.info.funder_threshold,
        mechanism: release.info.mechanism.key().to_owned(),
        rows,
        belonging_svg,
        safety_svg,
        ledger,
        released,
    };
    signed.render(&page)
}

pub(crate) async fn csv(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(quarter): Path<String>,
) -> Result<Response, StaffError> {
    signed.require(Area::Reports)?;
    let (_, seen) = funder_release(&dash, &signed.user, &quarter).await?;
    let mut frame = view::export_frame(&seen, Audience::Funder).map_err(StaffError::internal)?;
    let mut out = Vec::new();
    view::write_export(&mut frame, ExportFormat::Csv, &mut out).map_err(StaffError::internal)?;
    let disposition = format!(
        "attachment; filename=\"hearth-portfolio-{}.csv\"",
        seen.info.period
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(StaffError::internal)?,
            ),
        ],
        out,
    )
        .into_response())
}
