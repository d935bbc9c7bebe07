//! The three reads: the releases a token may read, a release's cells, the dictionary.

use std::sync::Arc;

use analytics::budget::Level;
use analytics::period::Period;
use analytics::view::{self, ExportFormat, ExportRow, Release, ReleaseInfo};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use domain::{CircleId, ProgramId};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::Caller;
use super::error::{ApiError, ErrorBody};
use super::token::{ApiToken, Audience};
use crate::Dashboards;

/// A period a token may read.
#[derive(Serialize, ToSchema)]
pub(crate) struct ReleaseEntry {
    /// A month (`2026-07`) or a quarter (`2026-Q3`).
    #[schema(example = "2026-Q3")]
    period: String,
    /// `month` or `quarter`.
    kind: &'static str,
    /// The months its figures come from (a quarter missing a month holds fewer).
    months: Vec<String>,
    /// The measurement plan it was released under (1 or 2).
    plan: i32,
    /// The day it was released (UTC).
    #[schema(example = "2026-10-02")]
    released_on: String,
    /// Where its cells are.
    #[schema(example = "/api/v1/releases/2026-Q3/cells")]
    cells: String,
}

/// The releases a token may read, oldest first.
#[derive(Serialize, ToSchema)]
pub(crate) struct ReleaseList {
    /// `manager` or `funder`: whose view of the figures the token has.
    audience: &'static str,
    /// The program the token is scoped to; none: every program (a funder's token).
    #[schema(value_type = Option<i32>)]
    program_id: Option<ProgramId>,
    releases: Vec<ReleaseEntry>,
}

/// A figure in words, as the pages print it.
#[derive(Serialize, ToSchema)]
pub(crate) struct Words {
    /// "72%", "91–100%", "too uncertain to read", "hidden to protect anonymity".
    text: String,
    /// "± 3", or empty.
    margin: String,
    /// "± 9 with sampling", where the release has it.
    sampling: Option<String>,
}

/// One figure of one cell: a row of the CSV export, with ids and the figure in words.
#[derive(Serialize, ToSchema)]
pub(crate) struct Cell {
    /// The program's name ("all programs" for the portfolio's quarter).
    program: Option<String>,
    #[schema(value_type = Option<i32>)]
    program_id: Option<ProgramId>,
    circle: Option<String>,
    #[schema(value_type = Option<i32>)]
    circle_id: Option<CircleId>,
    period: String,
    months: Vec<String>,
    /// `circle_month`, `program_month`, `program_quarter` or `portfolio_quarter`.
    level: &'static str,
    /// A measure of the data dictionary (`/api/v1/dictionary`).
    measure: String,
    /// A released count, an integer with privacy noise (counts only).
    count: Option<i64>,
    /// A derived figure: a % (0–100) or a mean on the 1–5 scale.
    value: Option<f64>,
    /// Half-width of the 90 % range of the privacy noise alone.
    margin_of_error: Option<f64>,
    /// Half-width of the 90 % range of noise and sampling together.
    margin_with_sampling: Option<f64>,
    /// `shown`, `too_uncertain`, `hidden` or `no_data`: what the pages show.
    status: &'static str,
    reading: Words,
}

impl Cell {
    fn of(row: &ExportRow) -> Cell {
        let reading = row.figure.reading();
        let words = reading.words();
        Cell {
            program: row.program.clone(),
            program_id: row.program_id,
            circle: row.circle.clone(),
            circle_id: row.circle_id,
            period: row.period.to_string(),
            months: row.months.iter().map(ToString::to_string).collect(),
            level: row.level.key(),
            measure: row.figure.measure.clone(),
            count: row.count(),
            value: row.value(),
            margin_of_error: row.figure.margin,
            margin_with_sampling: row.figure.combined,
            status: reading.status(),
            reading: Words {
                text: words.text,
                margin: words.margin,
                sampling: words.sampling,
            },
        }
    }
}

/// A release's cells as the token may see them.
#[derive(Serialize, ToSchema)]
pub(crate) struct Cells {
    period: String,
    months: Vec<String>,
    audience: &'static str,
    /// The smallest count shown to this audience (k): smaller cells are hidden.
    threshold: i32,
    plan: i32,
    released_on: String,
    cells: Vec<Cell>,
}

/// The filters of a release's cells (each may be given several times, or as a list
/// separated by commas).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub(crate) struct CellQuery {
    /// Only these levels: `circle_month`, `program_month`, `program_quarter` (managers);
    /// `program_quarter`, `portfolio_quarter` (funders).
    level: Option<String>,
    /// Only these measures (names of the data dictionary).
    measure: Option<String>,
    /// Only this program's cells (an id; a token scoped to another program gets 404).
    program: Option<i32>,
    /// `json` (the default) or `csv` (also chosen by `Accept: text/csv`).
    format: Option<String>,
}

/// One line of the data dictionary.
#[derive(Serialize, ToSchema)]
pub(crate) struct Meaning {
    /// A column of the cells (`column count`) or a measure (`belonging_pct_positive`).
    name: String,
    meaning: String,
}

fn day_of(info: &ReleaseInfo) -> String {
    chrono::DateTime::from_timestamp(info.released_at, 0)
        .map_or_else(String::new, |t| t.format("%Y-%m-%d").to_string())
}

/// Whether the token's audience reads this period at all: funders read quarters only.
fn readable(token: &ApiToken, period: Period) -> bool {
    token.audience == Audience::Manager || period.is_quarter()
}

/// The periods this token may read, oldest first: every released month and quarter for a
/// manager's token, the quarters for a funder's.
#[utoipa::path(
    get,
    path = "/api/v1/releases",
    tag = "releases",
    security(("token" = [])),
    responses(
        (status = 200, description = "The releases the token may read", body = ReleaseList),
        (status = 401, description = "No token, or a wrong or revoked one", body = ErrorBody),
        (status = 429, description = "Over the token's rate", body = ErrorBody),
    )
)]
pub(crate) async fn releases(
    State(dash): State<Dashboards>,
    Caller(token): Caller,
) -> Result<Json<ReleaseList>, ApiError> {
    let infos = view::list_releases(&dash.store).await?;
    let periods: Vec<Period> = infos.iter().map(|i| i.period).collect();
    let releases = infos
        .iter()
        .filter(|i| readable(&token, i.period))
        .map(|i| ReleaseEntry {
            period: i.period.to_string(),
            kind: if i.period.is_quarter() {
                "quarter"
            } else {
                "month"
            },
            months: view::months_of(i.period, &periods)
                .iter()
                .map(ToString::to_string)
                .collect(),
            plan: i.plan,
            released_on: day_of(i),
            cells: format!("/api/v1/releases/{}/cells", i.period),
        })
        .collect();
    Ok(Json(ReleaseList {
        audience: token.audience.key(),
        program_id: token.program_id,
        releases,
    }))
}

/// The parsed filters of a request for cells.
struct Filters {
    levels: Option<Vec<Level>>,
    measures: Option<Vec<String>>,
    program: Option<ProgramId>,
    csv: bool,
}

/// Every value of `key` in the query, split at commas.
fn values(pairs: &[(String, String)], key: &str) -> Option<Vec<String>> {
    let found: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| v.split(',').map(|s| s.trim().to_owned()))
        .collect();
    (!found.is_empty()).then_some(found)
}

fn levels_for(audience: Audience) -> &'static [Level] {
    match audience {
        Audience::Manager => &[
            Level::CircleMonth,
            Level::ProgramMonth,
            Level::ProgramQuarter,
        ],
        Audience::Funder => &[Level::ProgramQuarter, Level::PortfolioQuarter],
    }
}

fn keys(levels: &[Level]) -> String {
    levels
        .iter()
        .map(|l| l.key())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads the query: every parameter known, every value one this token may ask for;
/// anything else is a 400 that says what was wrong.
fn filters(
    query: Option<&str>,
    headers: &HeaderMap,
    token: &ApiToken,
) -> Result<Filters, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    if let Some((unknown, _)) = pairs
        .iter()
        .find(|(k, _)| !["level", "measure", "program", "format"].contains(&k.as_str()))
    {
        return Err(ApiError::BadRequest(format!(
            "Unknown parameter {unknown:?}: the cells take level, measure, program and format."
        )));
    }
    let allowed = levels_for(token.audience);
    let levels = values(&pairs, "level")
        .map(|keys_given| {
            keys_given
                .iter()
                .map(|k| {
                    Level::from_key(k)
                        .filter(|l| allowed.contains(l))
                        .ok_or_else(|| {
                            ApiError::BadRequest(format!(
                                "{k:?} is not a level this token can read: use one of {}.",
                                keys(allowed)
                            ))
                        })
                })
                .collect::<Result<Vec<Level>, ApiError>>()
        })
        .transpose()?;
    let known: Vec<String> = view::export_measures().map(|m| m.to_string()).collect();
    let measures = values(&pairs, "measure")
        .map(|given| {
            for m in &given {
                if !known.contains(m) {
                    return Err(ApiError::BadRequest(format!(
                        "{m:?} is not a measure: /api/v1/dictionary lists them."
                    )));
                }
            }
            Ok(given)
        })
        .transpose()?;
    let program = match values(&pairs, "program").as_deref() {
        None => None,
        Some([one]) => Some(one.parse::<ProgramId>().map_err(|_| {
            ApiError::BadRequest(format!(
                "program must be a program's id (a number), not {one:?}."
            ))
        })?),
        Some(_) => {
            return Err(ApiError::BadRequest("Give one program at most.".to_owned()));
        }
    };
    if program.is_some_and(|p| token.program_id.is_some_and(|own| own != p)) {
        return Err(ApiError::NotFound);
    }
    let accepts_csv = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/csv"));
    let csv = match values(&pairs, "format").as_deref() {
        None => accepts_csv,
        Some([f]) if f == "csv" => true,
        Some([f]) if f == "json" => false,
        Some(other) => {
            return Err(ApiError::BadRequest(format!(
                "format must be json or csv, not {:?}.",
                other.join(",")
            )));
        }
    };
    Ok(Filters {
        levels,
        measures,
        program,
        csv,
    })
}

/// The release of `period` as the token sees it (404 when there is none, or it is not the
/// token's to read).
async fn scoped(
    dash: &Dashboards,
    token: &ApiToken,
    period: &str,
) -> Result<(Arc<Release>, Release), ApiError> {
    let period: Period = period.parse().map_err(|_| {
        ApiError::BadRequest(format!(
            "{period:?} is not a period: use a month such as 2026-07 or a quarter such as 2026-Q3."
        ))
    })?;
    if !readable(token, period) {
        return Err(ApiError::NotFound);
    }
    let info = view::list_releases(&dash.store)
        .await?
        .into_iter()
        .find(|r| r.period == period)
        .ok_or(ApiError::NotFound)?;
    let release = dash.releases.get(&dash.store, &info).await?;
    let seen = match (token.audience, token.program_id) {
        (Audience::Manager, Some(program)) => crate::manager::own_cells(&release, program),
        (Audience::Funder, scope) => crate::funder::seen_by(&release, scope),
        (Audience::Manager, None) => return Err(ApiError::NotFound),
    };
    Ok((release, seen))
}

/// A release's cells as the token's audience sees them — released cells only, one row per
/// figure: the rows of the CSV export of the same period and audience. JSON, or CSV with
/// `?format=csv` or `Accept: text/csv`.
#[utoipa::path(
    get,
    path = "/api/v1/releases/{period}/cells",
    tag = "releases",
    security(("token" = [])),
    params(
        ("period" = String, Path, description = "A month (2026-07) or a quarter (2026-Q3)"),
        CellQuery,
    ),
    responses(
        (status = 200, description = "The cells (JSON, or CSV when asked)",
         content((Cells = "application/json"), (String = "text/csv"))),
        (status = 400, description = "A malformed period or filter", body = ErrorBody),
        (status = 401, description = "No token, or a wrong or revoked one", body = ErrorBody),
        (status = 404, description = "No such release, or not the token's to read", body = ErrorBody),
        (status = 429, description = "Over the token's rate", body = ErrorBody),
    )
)]
pub(crate) async fn cells(
    State(dash): State<Dashboards>,
    Caller(token): Caller,
    Path(period): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let filters = filters(query.as_deref(), &headers, &token)?;
    let (release, seen) = scoped(&dash, &token, &period).await?;
    let audience = token.audience.figures();
    let rows: Vec<ExportRow> = view::export_rows(&seen, audience)
        .into_iter()
        .filter(|r| filters.levels.as_ref().is_none_or(|l| l.contains(&r.level)))
        .filter(|r| {
            filters
                .measures
                .as_ref()
                .is_none_or(|m| m.contains(&r.figure.measure))
        })
        .filter(|r| filters.program.is_none_or(|p| r.program_id == Some(p)))
        .collect();
    if filters.csv {
        let mut out = Vec::new();
        view::write_export(&mut view::rows_frame(&rows)?, ExportFormat::Csv, &mut out)?;
        return Ok((
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            )],
            out,
        )
            .into_response());
    }
    let info = &release.info;
    Ok(Json(Cells {
        period: info.period.to_string(),
        months: release.months().iter().map(ToString::to_string).collect(),
        audience: token.audience.key(),
        threshold: match token.audience {
            Audience::Manager => info.manager_threshold,
            Audience::Funder => info.funder_threshold,
        },
        plan: info.plan,
        released_on: day_of(info),
        cells: rows.iter().map(Cell::of).collect(),
    })
    .into_response())
}

/// The data dictionary: every column of the cells and every measure, in plain words.
#[utoipa::path(
    get,
    path = "/api/v1/dictionary",
    tag = "dictionary",
    security(("token" = [])),
    responses(
        (status = 200, description = "Every column and measure in plain words", body = Vec<Meaning>),
        (status = 401, description = "No token, or a wrong or revoked one", body = ErrorBody),
        (status = 429, description = "Over the token's rate", body = ErrorBody),
    )
)]
pub(crate) async fn dictionary(Caller(_): Caller) -> Result<Json<Vec<Meaning>>, ApiError> {
    Ok(Json(
        view::dictionary()
            .into_iter()
            .map(|(name, meaning)| Meaning { name, meaning })
            .collect(),
    ))
}
