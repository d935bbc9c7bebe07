//! The read side of releases: what views and exports may use. Everything here reads
//! stored releases only — never responses — and derives figures from noisy counts.
//!
//! # Privacy
//! Means, percentages, margins of error and clamping are post-processing of released noisy
//! counts and public noise scales: they cost no budget, and reading them again gives the
//! same numbers (the noise was drawn once, at release time).

use std::collections::HashMap;
use std::io::Write;

use collector::Store;
use collector::instrument::{Index, Item};
use polars::prelude::*;
use sqlx::Row;

use crate::budget::{Level, Mechanism};
use crate::measure::{Group, measures, position};
use crate::period::Period;
use crate::pipeline::CellKey;
use crate::sampler::{Rational, pmf};
use crate::suppression::{Audience, Status};

/// A stored release's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleaseInfo {
    pub id: i32,
    pub period: String,
    pub mechanism: String,
    pub manager_threshold: i32,
    pub funder_threshold: i32,
    pub code_version: String,
    pub released_at: i64,
    pub cells: i64,
}

/// Every stored release, oldest period first.
pub async fn list_releases(store: &Store) -> Result<Vec<ReleaseInfo>, sqlx::Error> {
    release_infos(store, None).await
}

/// Release headers, all of them or the one of `period`.
async fn release_infos(
    store: &Store,
    period: Option<Period>,
) -> Result<Vec<ReleaseInfo>, sqlx::Error> {
    let rows = sqlx::query(
        "select r.id, r.period, r.mechanism, r.manager_threshold, r.funder_threshold, r.code_version, r.released_at, \
         (select count(*) from release_cell c where c.release_id = r.id) as cells from data_release r \
         where $1 is null or r.period = $1 order by r.period",
    )
    .bind(period.map(|p| p.to_string()))
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ReleaseInfo {
                id: row.try_get("id")?,
                period: row.try_get("period")?,
                mechanism: row.try_get("mechanism")?,
                manager_threshold: row.try_get("manager_threshold")?,
                funder_threshold: row.try_get("funder_threshold")?,
                code_version: row.try_get("code_version")?,
                released_at: row.try_get("released_at")?,
                cells: row.try_get("cells")?,
            })
        })
        .collect()
}

/// One ledger row, as the ledger page and `hearth release list` show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerEntry {
    pub period: String,
    pub level: String,
    pub group: String,
    pub mechanism: String,
    pub unit: String,
    pub spend: String,
    pub scale: String,
    pub sensitivity: String,
    pub cells: i32,
    pub code_version: String,
    pub spent_at: i64,
}

pub async fn ledger(store: &Store) -> Result<Vec<LedgerEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "select r.period, l.level, l.measure_group, l.mechanism, l.unit, l.spend, l.scale, l.sensitivity, l.cells, \
         l.code_version, l.spent_at from ledger l join data_release r on r.id = l.release_id order by r.period, l.level, l.measure_group",
    )
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(LedgerEntry {
                period: row.try_get("period")?,
                level: row.try_get("level")?,
                group: row.try_get("measure_group")?,
                mechanism: row.try_get("mechanism")?,
                unit: row.try_get("unit")?,
                spend: row.try_get("spend")?,
                scale: row.try_get("scale")?,
                sensitivity: row.try_get("sensitivity")?,
                cells: row.try_get("cells")?,
                code_version: row.try_get("code_version")?,
                spent_at: row.try_get("spent_at")?,
            })
        })
        .collect()
}

/// A released count as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredCount {
    pub value: i64,
    pub manager_hidden: bool,
    pub funder_hidden: bool,
}

/// A stored cell, with the names of its program and circle.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredCell {
    pub key: CellKey,
    pub program: Option<String>,
    pub circle: Option<String>,
    pub manager: Status,
    pub funder: Status,
    /// In [`measures`] order.
    pub counts: Vec<StoredCount>,
}

/// A stored release: its header, its cells, and the noise variance of each (level, group).
#[derive(Clone, Debug)]
pub struct Release {
    pub info: ReleaseInfo,
    pub cells: Vec<StoredCell>,
    variances: HashMap<(Level, Group), f64>,
    /// The 90 % margin of one noisy count, per (level, group): computed once at load.
    count_margins: HashMap<(Level, Group), f64>,
}

/// Loads the stored release of a period, or `None` when there is none.
pub async fn load_release(store: &Store, period: Period) -> Result<Option<Release>, sqlx::Error> {
    match release_infos(store, Some(period)).await?.into_iter().next() {
        Some(info) => load(store, info).await.map(Some),
        None => Ok(None),
    }
}

/// Loads the stored release a header (from [`list_releases`]) describes.
pub async fn load(store: &Store, info: ReleaseInfo) -> Result<Release, sqlx::Error> {
    let cell_rows = sqlx::query(
        "select c.cell, c.level, c.program_id, c.circle_id, c.period, c.manager_status, c.funder_status, \
         p.name as program, ci.name as circle from release_cell c \
         left join program p on p.id = c.program_id left join circle ci on ci.id = c.circle_id \
         where c.release_id = $1 order by c.cell",
    )
    .bind(info.id)
    .fetch_all(store.pool())
    .await?;
    let count_rows = sqlx::query(
        "select cell, measure, value, manager_hidden, funder_hidden from release_count where release_id = $1",
    )
    .bind(info.id)
    .fetch_all(store.pool())
    .await?;
    let mut counts: HashMap<i32, Vec<StoredCount>> = HashMap::new();
    let blank = StoredCount {
        value: 0,
        manager_hidden: true,
        funder_hidden: true,
    };
    for row in &count_rows {
        let cell: i32 = row.try_get("cell")?;
        let measure: String = row.try_get("measure")?;
        let Some(at) = position(&measure) else {
            continue;
        };
        let slot = counts
            .entry(cell)
            .or_insert_with(|| vec![blank; measures().len()]);
        slot[at] = StoredCount {
            value: row.try_get("value")?,
            manager_hidden: row.try_get::<i16, _>("manager_hidden")? != 0,
            funder_hidden: row.try_get::<i16, _>("funder_hidden")? != 0,
        };
    }
    let mut cells = Vec::with_capacity(cell_rows.len());
    for row in &cell_rows {
        let cell: i32 = row.try_get("cell")?;
        let level: String = row.try_get("level")?;
        cells.push(StoredCell {
            key: CellKey {
                level: Level::from_key(&level)
                    .ok_or_else(|| sqlx::Error::Decode(format!("unknown level {level}").into()))?,
                program_id: row.try_get("program_id")?,
                circle_id: row.try_get("circle_id")?,
                period: row.try_get("period")?,
            },
            program: row.try_get("program")?,
            circle: row.try_get("circle")?,
            manager: Status::from_key(&row.try_get::<String, _>("manager_status")?),
            funder: Status::from_key(&row.try_get::<String, _>("funder_status")?),
            counts: counts
                .remove(&cell)
                .unwrap_or_else(|| vec![blank; measures().len()]),
        });
    }
    let mut variances = HashMap::new();
    let ledger_rows = sqlx::query(
        "select level, measure_group, mechanism, scale from ledger where release_id = $1",
    )
    .bind(info.id)
    .fetch_all(store.pool())
    .await?;
    for row in &ledger_rows {
        let (Some(level), Some(group)) = (
            Level::from_key(&row.try_get::<String, _>("level")?),
            Group::from_key(&row.try_get::<String, _>("measure_group")?),
        ) else {
            continue;
        };
        let scale: Rational = row.try_get::<String, _>("scale")?.parse().map_err(
            |e: crate::sampler::RationalError| sqlx::Error::Decode(e.to_string().into()),
        )?;
        let mechanism: Mechanism = row
            .try_get::<String, _>("mechanism")?
            .parse()
            .map_err(|e: crate::budget::SettingsError| sqlx::Error::Decode(e.to_string().into()))?;
        variances.insert((level, group), noise_variance(mechanism, scale));
    }
    let count_margins = variances
        .iter()
        .map(|(&key, &variance)| {
            let scale_laplace = if info.mechanism == Mechanism::Laplace.key() {
                laplace_scale(variance)
            } else {
                0.0
            };
            (key, count_margin(&info.mechanism, variance, scale_laplace))
        })
        .collect();
    Ok(Release {
        info,
        cells,
        variances,
        count_margins,
    })
}

fn noise_variance(mechanism: Mechanism, scale: Rational) -> f64 {
    match mechanism {
        Mechanism::Gaussian => scale.to_f64(),
        Mechanism::Laplace => {
            let q = (-1.0 / scale.to_f64()).exp();
            2.0 * q / (1.0 - q).powi(2)
        }
    }
}

/// The 90 % margin of error of one noisy count: the smallest m with P(|noise| ≤ m) ≥ 0.9,
/// from the exact pmf.
fn count_margin(mechanism: &str, variance: f64, scale: f64) -> f64 {
    let pmf = |x: i64| {
        if mechanism == Mechanism::Laplace.key() {
            pmf::discrete_laplace(scale, x)
        } else {
            pmf::discrete_gaussian(variance, x)
        }
    };
    let mut mass = pmf(0);
    let mut m = 0;
    while mass < 0.9 && m < 100_000 {
        m += 1;
        mass += 2.0 * pmf(m);
    }
    m as f64
}

/// z for a two-sided 90 % interval.
const Z90: f64 = 1.6449;

/// One figure of a cell for an audience: `value` is `None` when hidden (or undefined,
/// such as a mean over no answers).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub measure: String,
    pub value: Option<f64>,
    pub margin: Option<f64>,
    pub hidden: bool,
}

impl Release {
    pub fn variance(&self, level: Level, group: Group) -> f64 {
        self.variances
            .get(&(level, group))
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// The same release with only the cells `keep` accepts (a view scoped to what one
    /// person may see).
    pub fn restricted(&self, keep: impl Fn(&StoredCell) -> bool) -> Release {
        Release {
            info: self.info.clone(),
            cells: self.cells.iter().filter(|c| keep(c)).cloned().collect(),
            variances: self.variances.clone(),
            count_margins: self.count_margins.clone(),
        }
    }

    /// Every figure of a cell as an audience may see it: the noisy counts; each item's
    /// mean; each index's % positive; each with a 90 % margin of error for the noise.
    pub fn figures(&self, cell: &StoredCell, audience: Audience) -> Vec<Figure> {
        let status = match audience {
            Audience::Manager => cell.manager,
            Audience::Funder => cell.funder,
        };
        let cell_hidden = status != Status::Shown;
        let hidden_count = |c: &StoredCount| match audience {
            Audience::Manager => c.manager_hidden,
            Audience::Funder => c.funder_hidden,
        };
        let value = |name: &str| cell.counts[position(name).expect("a measure")].value as f64;
        let level = cell.key.level;
        let mut out = Vec::with_capacity(measures().len() + 10);
        for (m, count) in measures().iter().zip(&cell.counts) {
            let hidden = cell_hidden || hidden_count(count);
            out.push(Figure {
                measure: m.name.clone(),
                value: (!hidden).then_some(count.value as f64),
                margin: (!hidden).then(|| {
                    self.count_margins
                        .get(&(level, m.group))
                        .copied()
                        .unwrap_or(f64::NAN)
                }),
                hidden,
            });
        }
        for item in Item::ALL {
            let bins: Vec<f64> = (1..=5)
                .map(|k| value(&format!("{}_{k}", item.key())))
                .collect();
            let n: f64 = bins.iter().sum();
            let v = self.variance(level, Group::Items);
            let derived = (!cell_hidden && n > 0.0).then(|| {
                let mean = (bins
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (i + 1) as f64 * b)
                    .sum::<f64>()
                    / n)
                    .clamp(1.0, 5.0);
                let var = v * (55.0 - 30.0 * mean + 5.0 * mean * mean) / (n * n);
                (round(mean, 2), round(Z90 * var.sqrt(), 2))
            });
            out.push(Figure {
                measure: format!("{}_mean", item.key()),
                value: derived.map(|d| d.0),
                margin: derived.map(|d| d.1),
                hidden: cell_hidden,
            });
        }
        for index in Index::ALL {
            let scored = value(&format!("{}_scored", index.key()));
            let positive = value(&format!("{}_positive", index.key())).min(scored);
            let v = self.variance(level, Group::Indices);
            let derived = (!cell_hidden && scored > 0.0).then(|| {
                let p = (positive / scored).clamp(0.0, 1.0);
                let var = v * (1.0 + p * p) / (scored * scored);
                (
                    round(100.0 * p, 1),
                    round((100.0 * Z90 * var.sqrt()).min(100.0), 1),
                )
            });
            out.push(Figure {
                measure: format!("{}_pct_positive", index.key()),
                value: derived.map(|d| d.0),
                margin: derived.map(|d| d.1),
                hidden: cell_hidden,
            });
        }
        out
    }
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// The Laplace scale b whose discrete variance is `variance` (inverse of `noise_variance`).
fn laplace_scale(variance: f64) -> f64 {
    // variance = 2q/(1-q)², q = e^(-1/b): solve for q, then b.
    let q = ((variance + 1.0) - (2.0 * variance + 1.0).sqrt()) / variance;
    -1.0 / q.ln()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Parquet,
    Json,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "csv" => Ok(ExportFormat::Csv),
            "parquet" => Ok(ExportFormat::Parquet),
            "json" => Ok(ExportFormat::Json),
            other => Err(format!(
                "{other:?} is not an export format (csv, parquet or json)"
            )),
        }
    }
}

/// The tidy table of a release for an audience: one row per cell and measure, with the
/// program, the circle where there is one, the period, the level, the measure, the value,
/// its margin of error, and `status` (`shown` / `hidden`). Funders get program-level
/// quarterly cells only.
pub fn export_frame(release: &Release, audience: Audience) -> PolarsResult<DataFrame> {
    let (
        mut program,
        mut circle,
        mut period,
        mut level,
        mut measure,
        mut value,
        mut margin,
        mut status,
    ) = (
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
    );
    for cell in &release.cells {
        let visible = match audience {
            Audience::Manager => cell.manager,
            Audience::Funder => cell.funder,
        };
        if visible == Status::NotReleased {
            continue;
        }
        for figure in release.figures(cell, audience) {
            program.push(cell.program.clone().or_else(|| {
                (cell.key.level == Level::PortfolioQuarter).then(|| "all programs".to_owned())
            }));
            circle.push(cell.circle.clone());
            period.push(cell.key.period.clone());
            level.push(cell.key.level.key().to_owned());
            measure.push(figure.measure);
            value.push(figure.value);
            margin.push(figure.margin);
            status.push(if figure.hidden { "hidden" } else { "shown" }.to_owned());
        }
    }
    DataFrame::new(
        program.len(),
        vec![
            Column::new("program".into(), program),
            Column::new("circle".into(), circle),
            Column::new("period".into(), period),
            Column::new("level".into(), level),
            Column::new("measure".into(), measure),
            Column::new("value".into(), value),
            Column::new("margin_of_error".into(), margin),
            Column::new("status".into(), status),
        ],
    )
}

/// Writes an export with polars' writers.
pub fn write_export(
    frame: &mut DataFrame,
    format: ExportFormat,
    out: &mut (impl Write + Send),
) -> PolarsResult<()> {
    match format {
        ExportFormat::Csv => CsvWriter::new(out).finish(frame),
        ExportFormat::Json => JsonWriter::new(out)
            .with_json_format(JsonFormat::Json)
            .finish(frame),
        ExportFormat::Parquet => ParquetWriter::new(out).finish(frame).map(|_| ()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_laplace_scale_is_recovered_from_its_variance() {
        for b in [0.5, 2.0, 16.0] {
            let v = noise_variance(
                Mechanism::Laplace,
                Rational::new((b * 2.0) as u128, 2).unwrap(),
            );
            assert!((laplace_scale(v) - b).abs() < 1e-9, "{b}");
        }
    }

    #[test]
    fn count_margins_cover_ninety_percent() {
        // For σ² = 4 a Gaussian's 90 % half-width is about 1.645·2 = 3.3: the discrete one
        // needs 3 or 4.
        let m = count_margin(Mechanism::Gaussian.key(), 4.0, 0.0);
        assert!((3.0..=4.0).contains(&m), "{m}");
    }
}
