//! The funder's quarterly portfolio report: program-level figures only, under the funder
//! threshold, as a printable page — the quarter, its trend over every released quarter up
//! to it, when each period was released, a methods section in plain words for a funder's
//! board and a technical appendix with the exact parameters — as CSV, and the data
//! dictionary that names every column and measure of that CSV in plain words.
//!
//! # Privacy
//! Only program-quarter and portfolio-quarter cells are read (of the quarter shown and of
//! the quarters before it, for the trend), with the funder's suppression status and
//! program scope; nothing below program level reaches this page or its CSV.

use domain::ProgramId;
use domain::locale;
use std::sync::Arc;

use analytics::budget::{Level, Mechanism};
use analytics::figures;
use analytics::ledger;
use analytics::measure::{Group, Measure};
use analytics::period::Period;
use analytics::suppression::Audience;
use analytics::view::{self, ExportFormat, LedgerEntry, Release, ReleaseInfo, StoredCell};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use crate::Dashboards;
use crate::access::Area;
use crate::account::StaffUser;
use crate::auth::Signed;
use crate::charts::{self, Bar};
use crate::page::{Chrome, StaffError};
use crate::releases::{
    ReleasedOn, Shown, csv_download, dictionary_download, lacks_sampling, months_words, noise_line,
    noise_only_line, points,
};

#[derive(Template)]
#[template(path = "reports.html")]
struct ReportsPage {
    chrome: Chrome,
    /// Newest first, each with the day it was released.
    quarters: Vec<ReleasedOn>,
}

pub(crate) async fn reports(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    signed.require(Area::Reports)?;
    let infos = view::list_releases(&dash.store).await?;
    let mut quarters: Vec<ReleasedOn> = infos
        .iter()
        .filter(|r| r.period.is_quarter())
        .map(|r| ReleasedOn::listed(r, &infos))
        .collect();
    quarters.reverse();
    signed.render(&ReportsPage {
        chrome: signed.chrome(crate::words::tr().get("reports-page-title")),
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
    let seen = seen_by(&release, user.program_id);
    Ok((release, seen))
}

/// The cells of a quarter's release a funder with this program scope may see.
pub(crate) fn seen_by(release: &Release, scope: Option<ProgramId>) -> Release {
    release.restricted(|c| match c.key.level {
        Level::ProgramQuarter => scope.is_none_or(|p| c.key.program_id == Some(p)),
        Level::PortfolioQuarter => scope.is_none(),
        _ => false,
    })
}

struct ProgramRow {
    name: String,
    /// The program has been archived since (its released history stays, marked).
    archived: bool,
    portfolio: bool,
    responses: Shown,
    belonging: Shown,
    safety: Shown,
    better: Shown,
    /// Some figure of the row has the noise range only.
    noise_only: bool,
}

/// One spend behind the report, for the technical appendix: the same measurement in each
/// of the quarter's months is one row, with its months.
struct Spend {
    /// Level and group, in the order the plan lists them.
    order: (Level, Group),
    periods: Vec<String>,
    /// The ledger's name of the level (`program_month`) and its words.
    level_key: &'static str,
    level: String,
    figures: String,
    spend: String,
    /// The exact scale as the ledger stores it (σ² of the Gaussian, b of the Laplace).
    scale: String,
    /// The noise's standard deviation per count, rounded, so the scale can be read.
    spread: String,
}

impl Spend {
    fn of(l: LedgerEntry) -> Spend {
        let unit = unit_symbol(&l.unit);
        let lang = crate::words::lang();
        let tr = lang.tr();
        let sigma = |x: f64| format!("σ ≈ {}", locale::localize(lang, &format!("{x:.1}")));
        let spread = match (rational(&l.scale), l.unit.as_str()) {
            // σ² → σ.
            (Some(v), "rho") => sigma(v.sqrt()),
            // A discrete Laplace of scale b has variance ≈ 2b².
            (Some(b), _) => sigma((2.0 * b * b).sqrt()),
            (None, _) => String::new(),
        };
        Spend {
            order: (l.level, l.group),
            periods: vec![l.period.to_string()],
            level: tr.get(&format!("report-level-{}", l.level.key())),
            level_key: l.level.key(),
            figures: tr.get(&format!("report-group-{}", l.group.key())),
            spend: format!("{unit} = {}", l.spend),
            scale: l.scale,
            spread,
        }
    }
}

/// "All programs", the portfolio's row and chart, in the page's language.
fn all_programs() -> String {
    crate::words::tr().get("report-all-programs")
}

/// The symbol of a ledger unit: ρ for `rho`, ε for `epsilon`.
fn unit_symbol(unit: &str) -> &str {
    match unit {
        "rho" => "ρ",
        "epsilon" => "ε",
        other => other,
    }
}

/// An exact rational as the ledger writes it ("100/27", "50") as a float, to print.
fn rational(text: &str) -> Option<f64> {
    match text.split_once('/') {
        Some((n, d)) => Some(n.trim().parse::<f64>().ok()? / d.trim().parse::<f64>().ok()?),
        None => text.trim().parse().ok(),
    }
}

const REPORT: [&str; 4] = [
    Measure::RESPONSES.name(),
    Measure::BELONGING_PCT_POSITIVE.name(),
    Measure::SAFETY_PCT_POSITIVE.name(),
    Measure::BETTER_MEAN.name(),
];

/// One quarter of a program's (or all programs') trend.
struct TrendRow {
    quarter: String,
    /// "Jul–Sep 2026".
    months: String,
    responses: Shown,
    belonging: Shown,
    safety: Shown,
}

/// A program's belonging and safety, quarter by quarter: a chart and its table.
struct ProgramTrend {
    name: String,
    svg: String,
    rows: Vec<TrendRow>,
    /// Some figure of the trend has the noise range only (a quarter of the first plan).
    noise_only: bool,
    /// "2025-Q4* holds November and December 2025 only." for quarters starred on the axis.
    note: Option<String>,
}

const TREND: [&str; 3] = [
    Measure::RESPONSES.name(),
    Measure::BELONGING_PCT_POSITIVE.name(),
    Measure::SAFETY_PCT_POSITIVE.name(),
];

/// Belonging and safety for each program the funder may see, and for all programs, over
/// every released quarter up to `shown` (oldest first), under the funder's threshold and
/// scope: the same released cells as the report of each of those quarters.
async fn trends(
    dash: &Dashboards,
    infos: &[ReleaseInfo],
    shown: Period,
    scope: Option<ProgramId>,
) -> Result<Vec<ProgramTrend>, StaffError> {
    let shown_quarters: Vec<&ReleaseInfo> = infos
        .iter()
        .filter(|i| i.period.is_quarter() && i.period.end() <= shown.end())
        .collect();
    let quarters: Vec<_> = dash
        .releases
        .get_many(&dash.store, &shown_quarters)
        .await?
        .iter()
        .map(|release| seen_by(release, scope))
        .collect();
    // Programs by id (the newest name wins), then all programs.
    let mut programs: Vec<(Option<ProgramId>, String)> = vec![];
    for q in quarters.iter().rev() {
        for c in &q.cells {
            let id = (c.key.level == Level::ProgramQuarter)
                .then_some(c.key.program_id)
                .flatten();
            if !programs.iter().any(|(p, _)| *p == id) {
                let name = c.program.clone().unwrap_or_else(all_programs);
                programs.push((id, name));
            }
        }
    }
    programs.sort_by_key(|(id, name)| (id.is_none(), name.clone()));
    // A quarter missing a month is starred on the chart's axis (a label naming its months
    // would not fit a phone's axis) and the months it holds are said under the chart, as
    // the table beside it says them.
    let partial = |q: &&Release| q.months().len() < q.info.period.months().len();
    let names: Vec<String> = quarters
        .iter()
        .map(|q| match partial(&q) {
            true => format!("{}*", q.info.period),
            false => q.info.period.to_string(),
        })
        .collect();
    let starred: Vec<String> = quarters
        .iter()
        .filter(partial)
        .map(|q| {
            crate::words::tr().args(
                "report-starred",
                &[
                    ("quarter", &q.info.period.to_string()),
                    ("months", &months_words(q.info.period, q.months(), false)),
                ],
            )
        })
        .collect();
    let note = (!starred.is_empty()).then(|| format!("{}.", starred.join("; ")));
    let mut out = vec![];
    for (id, name) in programs {
        let (mut rows, mut belonging, mut safety) = (vec![], vec![], vec![]);
        let mut noise_only = false;
        for q in &quarters {
            let cell = q.cells.iter().find(|c| match id {
                Some(p) => c.key.level == Level::ProgramQuarter && c.key.program_id == Some(p),
                None => c.key.level == Level::PortfolioQuarter,
            });
            let p = points(q, cell, Audience::Funder, &TREND);
            noise_only |= lacks_sampling(&p[1..]);
            belonging.push(p[1]);
            safety.push(p[2]);
            rows.push(TrendRow {
                quarter: q.info.period.to_string(),
                months: months_words(q.info.period, q.months(), true),
                responses: Shown::of(p[0]),
                belonging: Shown::of(p[1]),
                safety: Shown::of(p[2]),
            });
        }
        let tr = crate::words::tr();
        let svg = charts::trend(
            &tr.with("chart-quarter-trend-title", "who", &name),
            &names,
            &[
                (
                    tr.get("chart-belonging-series").as_str(),
                    charts::BLUE,
                    belonging,
                ),
                (tr.get("chart-safety-series").as_str(), charts::RUST, safety),
            ],
        )?;
        out.push(ProgramTrend {
            name,
            svg,
            rows,
            noise_only,
            note: note.clone(),
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    chrome: Chrome,
    quarter: String,
    /// "July–September 2026".
    quarter_months: String,
    noise: String,
    noise_only: Option<String>,
    k: i32,
    /// The mechanism as the ledger and settings name it (`discrete_gaussian`), and in words.
    mechanism_key: &'static str,
    mechanism: String,
    /// The unit of the budget as the ledger names it (`rho`), its symbol, and whether it
    /// is zero-concentrated (ρ) rather than pure (ε) differential privacy.
    unit_key: &'static str,
    unit: &'static str,
    zcdp: bool,
    plan: i32,
    /// Released under the measurement plan (plan 2): a sum of months, spending nothing.
    summed: bool,
    rows: Vec<ProgramRow>,
    belonging_svg: String,
    safety_svg: String,
    trends: Vec<ProgramTrend>,
    /// How many quarters the trend covers.
    trend_quarters: usize,
    /// Which months a quarter starred on the trend charts' axes holds (the same for every
    /// program's chart).
    trend_note: Option<String>,
    ledger: Vec<Spend>,
    /// The most any one answer, and any one person, lost in a month of the quarter.
    month_loss: Option<MonthLossWords>,
    /// The quarter's release, and its months' (those released on their own).
    released: ReleasedOn,
    months_released: Vec<ReleasedOn>,
    readable_pct: String,
    readable_mean: String,
}

fn row(release: &Release, cell: &StoredCell) -> ProgramRow {
    let p = points(release, Some(cell), Audience::Funder, &REPORT);
    ProgramRow {
        noise_only: lacks_sampling(&p[1..]),
        name: cell.program.clone().unwrap_or_else(all_programs),
        archived: false,
        portfolio: cell.key.level == Level::PortfolioQuarter,
        responses: Shown::of(p[0]),
        belonging: Shown::of(p[1]),
        safety: Shown::of(p[2]),
        better: Shown::of(p[3]),
    }
}

/// The privacy ledger's spends behind the quarter `period` (of `months`): its own, or
/// its months' when it is their sum (`summed`). Alike spends are listed once, with their
/// periods together.
async fn quarter_spends(
    dash: &Dashboards,
    period: Period,
    months: &[Period],
    summed: bool,
) -> Result<Vec<Spend>, StaffError> {
    let mut ledger: Vec<Spend> = view::ledger(&dash.store)
        .await?
        .into_iter()
        .filter(|l| {
            if summed {
                months.contains(&l.period)
            } else {
                l.period == period
                    && matches!(l.level, Level::ProgramQuarter | Level::PortfolioQuarter)
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
    Ok(ledger)
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
    let archived: Vec<ProgramId> = domain::catalog::programs(&dash.store)
        .await?
        .into_iter()
        .filter(|p| p.archived())
        .map(|p| p.id)
        .collect();
    let rows: Vec<ProgramRow> = cells
        .iter()
        .map(|c| ProgramRow {
            archived: c.key.program_id.is_some_and(|id| archived.contains(&id)),
            ..row(&seen, c)
        })
        .collect();
    let chart = |measure: usize, title: &str, colour| {
        let bars: Vec<Bar> = cells
            .iter()
            .map(|c| Bar {
                label: c.program.clone().unwrap_or_else(all_programs),
                point: points(&seen, Some(c), Audience::Funder, &[REPORT[measure]])[0],
            })
            .collect();
        charts::bars(
            &crate::words::tr().args(
                "chart-by-program-title",
                &[("index", title), ("quarter", &quarter)],
            ),
            &bars,
            colour,
        )
    };
    let tr = crate::words::tr();
    let belonging_svg = chart(1, &tr.get("ov-belonging"), charts::BLUE)?;
    let safety_svg = chart(2, &tr.get("ov-safety"), charts::RUST)?;
    // A quarter of the measurement plan has no spends of its own: it is the sum of its
    // months, so the spends behind it are theirs. One of the first plan measured itself.
    let summed = release.info.plan >= 2;
    let period = release.info.period;
    let months = period.months();
    let infos = view::list_releases(&dash.store).await?;
    let months_released: Vec<ReleasedOn> = infos
        .iter()
        .filter(|i| months.contains(&i.period))
        .map(|i| ReleasedOn::listed(i, &infos))
        .collect();
    let trends = trends(&dash, &infos, period, signed.user.program_id).await?;
    let ledger = quarter_spends(&dash, period, &months, summed).await?;
    let month_loss = month_loss(&dash, &months, signed.user.program_id).await?;
    let noise_only = rows.iter().any(|r| r.noise_only) || trends.iter().any(|t| t.noise_only);
    let mechanism = release.info.mechanism;
    let page = ReportPage {
        chrome: signed.chrome(tr.with("report-title", "quarter", &quarter)),
        quarter: period.to_string(),
        quarter_months: months_words(period, release.months(), false),
        noise: noise_line(),
        noise_only: noise_only.then(noise_only_line),
        k: release.info.funder_threshold,
        mechanism_key: mechanism.key(),
        mechanism: tr.get(match mechanism {
            Mechanism::Gaussian => "report-mechanism-gaussian",
            Mechanism::Laplace => "report-mechanism-laplace",
        }),
        unit_key: mechanism.unit(),
        unit: unit_symbol(mechanism.unit()),
        zcdp: mechanism == Mechanism::Gaussian,
        plan: release.info.plan,
        summed,
        rows,
        belonging_svg,
        safety_svg,
        trend_quarters: trends.first().map_or(0, |t| t.rows.len()),
        trend_note: trends.first().and_then(|t| t.note.clone()),
        trends,
        ledger,
        month_loss,
        released: ReleasedOn::of(&release),
        months_released,
        readable_pct: locale::localize(tr.lang(), &figures::READABLE_PCT_MARGIN.to_string()),
        readable_mean: locale::localize(tr.lang(), &figures::READABLE_MEAN_MARGIN.to_string()),
    };
    signed.render(&page)
}

/// What the appendix says of the privacy loss of the quarter's months: of one answer, of
/// a person's answers up to the number the months were planned for, of a weekly attender's
/// four answers, and of one answer changed.
struct MonthLossWords {
    answer: String,
    planned: u32,
    person: String,
    weekly: String,
    changed: String,
}

/// The most one answer of the report's programs lost in any month of the quarter, over
/// every release that used it — "ρ = 1 (ε ≈ 7.8)" — with what that means for a person
/// ([`analytics::person`]).
async fn month_loss(
    dash: &Dashboards,
    months: &[Period],
    scope: Option<ProgramId>,
) -> Result<Option<MonthLossWords>, StaffError> {
    use analytics::person::{Neighbour, worded_in};
    let months: Vec<String> = months.iter().map(ToString::to_string).collect();
    let mut conn = dash.store.pool().acquire().await?;
    let most = ledger::losses(&mut conn)
        .await?
        .into_iter()
        .filter(|((program, month), _)| {
            months.contains(month) && scope.is_none_or(|p| p == *program)
        })
        .map(|(_, loss)| loss)
        .max_by(|a, b| a.spend.to_f64().total_cmp(&b.spend.to_f64()));
    let Some(loss) = most else {
        return Ok(None);
    };
    let words = |answers, neighbour| -> Result<String, StaffError> {
        Ok(worded_in(
            &loss.person(answers, neighbour)?,
            crate::words::lang(),
        ))
    };
    Ok(Some(MonthLossWords {
        answer: words(1, Neighbour::AddOrRemove)?,
        planned: loss.answers_per_person,
        person: words(loss.answers_per_person, Neighbour::AddOrRemove)?,
        weekly: words(4, Neighbour::AddOrRemove)?,
        changed: words(1, Neighbour::Change)?,
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
    csv_download(
        &dash.store,
        &signed.user,
        out,
        &format!("hearth-portfolio-{}.csv", seen.info.period),
    )
    .await
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
    dictionary_download(&format!(
        "hearth-portfolio-{}-dictionary.csv",
        seen.info.period
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_scales_read_as_numbers() {
        assert!((rational("100/27").unwrap() - 3.7037).abs() < 1e-4);
        assert_eq!(rational("50"), Some(50.0));
        assert_eq!(rational("a/b"), None);
    }
}
