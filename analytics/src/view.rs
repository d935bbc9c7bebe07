//! The read side of releases: what views and exports may use. Everything here reads
//! stored releases only — never responses — and derives figures from released counts.
//! It reads both kinds of stored release: plan 2 (the measurement plan: disjoint
//! histograms that add up, with each cell's noise stored) and plan 1 (every level measured
//! on its own, noise per level in the ledger), which stay as they were released.
//!
//! # Privacy
//! Means, percentages, margins of error and rounding are post-processing of released
//! counts and public noise variances: they cost no budget, and reading them again gives
//! the same numbers (the noise was drawn once, at release time).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use domain::i18n::Lang;
use domain::instrument::{Index, Item};
use domain::{CircleId, ProgramId, ReleaseId, Store};
use polars::prelude::*;
use sqlx::Row;

use crate::budget::{Level, Mechanism};
use crate::figures::{self, BinNoise, CellNoise, Estimate, Z90};
use crate::measure::{self, Choice, Group, Measure, bin_of, measures};
use crate::period::Period;
use crate::pipeline::CellKey;
use crate::sampler::{Rational, pmf};
use crate::suppression::{Audience, Status};

/// A stored release's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleaseInfo {
    pub id: ReleaseId,
    pub period: Period,
    pub mechanism: Mechanism,
    /// The measurement plan it was made under (1 or 2).
    pub plan: i32,
    pub manager_threshold: i32,
    pub funder_threshold: i32,
    pub code_version: String,
    pub released_at: i64,
    pub cells: i64,
}

fn decode<E: std::fmt::Display>(e: E) -> sqlx::Error {
    sqlx::Error::Decode(e.to_string().into())
}

/// Every stored release, oldest period first (months before their quarter).
pub async fn list_releases(store: &Store) -> Result<Vec<ReleaseInfo>, sqlx::Error> {
    release_infos(store, None).await
}

/// Whether any stored release holds a cell of this program — or, with `circle`, of this
/// circle — at any level. A release declares cells for the programs and circles that met
/// in its month only, so before a program's (or circle's) first released month there is
/// no figure of it anywhere, hidden or shown.
pub async fn ever_released(
    store: &Store,
    program: ProgramId,
    circle: Option<CircleId>,
) -> Result<bool, sqlx::Error> {
    let query = match circle {
        Some(circle) => {
            sqlx::query_scalar("select release_id from release_cell where circle_id = $1 limit 1")
                .bind(circle)
        }
        None => {
            sqlx::query_scalar("select release_id from release_cell where program_id = $1 limit 1")
                .bind(program)
        }
    };
    let found: Option<ReleaseId> = query.fetch_optional(store.pool()).await?;
    Ok(found.is_some())
}

/// Release headers, all of them or the one of `period`.
async fn release_infos(
    store: &Store,
    period: Option<Period>,
) -> Result<Vec<ReleaseInfo>, sqlx::Error> {
    let rows = sqlx::query(
        "select r.id, r.period, r.mechanism, r.plan, r.manager_threshold, r.funder_threshold, r.code_version, r.released_at, \
         (select count(*) from release_cell c where c.release_id = r.id) as cells from data_release r \
         where $1 is null or r.period = $1",
    )
    .bind(period.map(|p| p.to_string()))
    .fetch_all(store.pool())
    .await?;
    let mut infos = rows
        .iter()
        .map(|row| {
            Ok(ReleaseInfo {
                id: row.try_get("id")?,
                period: row
                    .try_get::<String, _>("period")?
                    .parse()
                    .map_err(decode)?,
                mechanism: row
                    .try_get::<String, _>("mechanism")?
                    .parse()
                    .map_err(decode)?,
                plan: row.try_get("plan")?,
                manager_threshold: row.try_get("manager_threshold")?,
                funder_threshold: row.try_get("funder_threshold")?,
                code_version: row.try_get("code_version")?,
                released_at: row.try_get("released_at")?,
                cells: row.try_get("cells")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    infos.sort_by_key(|i| (i.period.end(), i.period.is_quarter()));
    Ok(infos)
}

/// One ledger row, as the ledger page and `hearth release list` show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerEntry {
    pub period: Period,
    pub level: Level,
    pub group: Group,
    pub mechanism: Mechanism,
    pub unit: String,
    pub spend: String,
    pub scale: String,
    pub sensitivity: String,
    pub cells: i32,
    /// The budget of one answer in force when this was spent.
    pub budget: String,
    /// How many answers a person that budget was planned for.
    pub answers_per_person: u32,
    pub code_version: String,
    pub spent_at: i64,
}

pub async fn ledger(store: &Store) -> Result<Vec<LedgerEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "select r.period, l.level, l.measure_group, l.mechanism, l.unit, l.spend, l.scale, l.sensitivity, l.cells, \
         l.budget, l.answers_per_person, l.code_version, l.spent_at from ledger l join data_release r on r.id = l.release_id order by r.period, l.level, l.measure_group",
    )
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(LedgerEntry {
                period: row
                    .try_get::<String, _>("period")?
                    .parse()
                    .map_err(decode)?,
                level: stored_key(row, "level", Level::from_key)?,
                group: stored_key(row, "measure_group", Group::from_key)?,
                mechanism: row
                    .try_get::<String, _>("mechanism")?
                    .parse()
                    .map_err(decode)?,
                unit: row.try_get("unit")?,
                spend: row.try_get("spend")?,
                scale: row.try_get("scale")?,
                sensitivity: row.try_get("sensitivity")?,
                cells: row.try_get("cells")?,
                budget: row.try_get("budget")?,
                answers_per_person: row.try_get::<i32, _>("answers_per_person")?.max(1) as u32,
                code_version: row.try_get("code_version")?,
                spent_at: row.try_get("spent_at")?,
            })
        })
        .collect()
}

/// A stored key read back as its type; an unknown one is a decode error, never shown as
/// it was stored.
fn stored_key<T>(
    row: &sqlx::any::AnyRow,
    column: &str,
    from_key: fn(&str) -> Option<T>,
) -> Result<T, sqlx::Error> {
    let key: String = row.try_get(column)?;
    from_key(&key).ok_or_else(|| decode(format!("unknown {column} {key:?} in the ledger")))
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
    /// By measure: only the measures released for the cell.
    pub counts: BTreeMap<Measure, StoredCount>,
    /// Plan 2: the noise of its counts.
    pub noise: Option<CellNoise>,
}

impl StoredCell {
    pub fn value(&self, measure: Measure) -> Option<i64> {
        self.counts.get(&measure).map(|c| c.value)
    }

    pub fn status(&self, audience: Audience) -> Status {
        match audience {
            Audience::Manager => self.manager,
            Audience::Funder => self.funder,
        }
    }

    /// Whether the first-time split is hidden from the audience.
    pub fn split_hidden(&self, audience: Audience) -> bool {
        self.counts
            .get(&Measure::FIRST_TIME_YES)
            .is_none_or(|c| hidden_for(c, audience))
    }
}

fn hidden_for(c: &StoredCount, audience: Audience) -> bool {
    match audience {
        Audience::Manager => c.manager_hidden,
        Audience::Funder => c.funder_hidden,
    }
}

/// A stored release: its header, its cells, and (plan 1) the noise variance of each
/// (level, group) from its ledger.
#[derive(Clone, Debug)]
pub struct Release {
    pub info: ReleaseInfo,
    pub cells: Vec<StoredCell>,
    first_plan: HashMap<(Level, String), f64>,
    /// The months its figures come from: a month's own, or a quarter's released months.
    months: Vec<Period>,
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
    let counts = load_counts(store, info.id).await?;
    let noise = if info.plan >= 2 {
        load_noise(store, info.id).await?
    } else {
        HashMap::new()
    };
    let cells = load_cells(store, info.id, counts, noise).await?;
    let first_plan = if info.plan < 2 {
        first_plan_variances(store, info.id).await?
    } else {
        HashMap::new()
    };
    let months = months_held(store, info.period).await?;
    Ok(Release {
        info,
        cells,
        first_plan,
        months,
    })
}

/// A release's counts by cell, each under its measure: a stored name that is no measure
/// is a decode error.
async fn load_counts(
    store: &Store,
    release_id: ReleaseId,
) -> Result<HashMap<i32, BTreeMap<Measure, StoredCount>>, sqlx::Error> {
    let rows = sqlx::query(
        "select cell, measure, value, manager_hidden, funder_hidden from release_count where release_id = $1",
    )
    .bind(release_id)
    .fetch_all(store.pool())
    .await?;
    let mut counts: HashMap<i32, BTreeMap<Measure, StoredCount>> = HashMap::new();
    for row in &rows {
        let name: String = row.try_get("measure")?;
        let measure =
            Measure::stored(&name).ok_or_else(|| decode(format!("unknown measure {name}")))?;
        counts.entry(row.try_get("cell")?).or_default().insert(
            measure,
            StoredCount {
                value: row.try_get("value")?,
                manager_hidden: row.try_get::<i16, _>("manager_hidden")? != 0,
                funder_hidden: row.try_get::<i16, _>("funder_hidden")? != 0,
            },
        );
    }
    Ok(counts)
}

/// A plan-2 release's noise by cell: `responses`, or a group's bins.
async fn load_noise(
    store: &Store,
    release_id: ReleaseId,
) -> Result<HashMap<i32, CellNoise>, sqlx::Error> {
    let rows = sqlx::query(
        "select cell, name, variance, covariance, with_total from release_noise where release_id = $1",
    )
    .bind(release_id)
    .fetch_all(store.pool())
    .await?;
    let mut noise: HashMap<i32, CellNoise> = HashMap::new();
    for row in &rows {
        let slot = noise.entry(row.try_get("cell")?).or_default();
        let name: String = row.try_get("name")?;
        let bins = BinNoise {
            variance: row.try_get("variance")?,
            covariance: row.try_get("covariance")?,
            with_total: row.try_get("with_total")?,
        };
        if name == Measure::RESPONSES.name() {
            slot.responses = bins.variance;
        } else {
            let group =
                Group::from_key(&name).ok_or_else(|| decode(format!("unknown noise {name}")))?;
            slot.groups.insert(group, bins);
        }
    }
    Ok(noise)
}

/// A release's cells in order, with the names of their programs and circles, each with
/// its counts and (plan 2) its noise.
async fn load_cells(
    store: &Store,
    release_id: ReleaseId,
    mut counts: HashMap<i32, BTreeMap<Measure, StoredCount>>,
    mut noise: HashMap<i32, CellNoise>,
) -> Result<Vec<StoredCell>, sqlx::Error> {
    let rows = sqlx::query(
        "select c.cell, c.level, c.program_id, c.circle_id, c.period, c.manager_status, c.funder_status, \
         p.name as program, ci.name as circle from release_cell c \
         left join program p on p.id = c.program_id left join circle ci on ci.id = c.circle_id \
         where c.release_id = $1 order by c.cell",
    )
    .bind(release_id)
    .fetch_all(store.pool())
    .await?;
    let status =
        |key: &str| Status::from_key(key).ok_or_else(|| decode(format!("unknown status {key}")));
    let mut cells = Vec::with_capacity(rows.len());
    for row in &rows {
        let cell: i32 = row.try_get("cell")?;
        let level: String = row.try_get("level")?;
        cells.push(StoredCell {
            key: CellKey {
                level: Level::from_key(&level)
                    .ok_or_else(|| decode(format!("unknown level {level}")))?,
                program_id: row.try_get("program_id")?,
                circle_id: row.try_get("circle_id")?,
                period: row
                    .try_get::<String, _>("period")?
                    .parse()
                    .map_err(decode)?,
            },
            program: row.try_get("program")?,
            circle: row.try_get("circle")?,
            manager: status(&row.try_get::<String, _>("manager_status")?)?,
            funder: status(&row.try_get::<String, _>("funder_status")?)?,
            counts: counts.remove(&cell).unwrap_or_default(),
            noise: noise.remove(&cell),
        });
    }
    Ok(cells)
}

/// A plan-1 release's noise: the variance of one count per (level, group), from its
/// ledger.
async fn first_plan_variances(
    store: &Store,
    release_id: ReleaseId,
) -> Result<HashMap<(Level, String), f64>, sqlx::Error> {
    let rows = sqlx::query(
        "select level, measure_group, mechanism, scale from ledger where release_id = $1",
    )
    .bind(release_id)
    .fetch_all(store.pool())
    .await?;
    let mut variances = HashMap::new();
    for row in &rows {
        let Some(level) = Level::from_key(&row.try_get::<String, _>("level")?) else {
            continue;
        };
        let scale: Rational = row.try_get::<String, _>("scale")?.parse().map_err(decode)?;
        let mechanism: Mechanism = row
            .try_get::<String, _>("mechanism")?
            .parse()
            .map_err(decode)?;
        variances.insert(
            (level, row.try_get::<String, _>("measure_group")?),
            noise_variance(mechanism, scale),
        );
    }
    Ok(variances)
}

/// The months a period's figures come from: a month's own; for a quarter, its months that
/// were released — a quarter is the sum of its months that had sessions, which are all
/// released before it, and a month can no longer be released once its quarter is, so this
/// does not change after the quarter is stored. (All three months for a quarter with no
/// month on record, as a quarter of the first plan may be.)
async fn months_held(store: &Store, period: Period) -> Result<Vec<Period>, sqlx::Error> {
    if !period.is_quarter() {
        return Ok(vec![period]);
    }
    let stored: Vec<Period> = sqlx::query_scalar::<_, String>("select period from data_release")
        .fetch_all(store.pool())
        .await?
        .iter()
        .filter_map(|p| p.parse().ok())
        .collect();
    Ok(months_of(period, &stored))
}

/// The months `period`'s figures come from, given the periods released (see
/// [`Release::months`]): the month itself, or the quarter's released months.
pub fn months_of(period: Period, released: &[Period]) -> Vec<Period> {
    if !period.is_quarter() {
        return vec![period];
    }
    let all = period.months();
    let held: Vec<Period> = all
        .iter()
        .copied()
        .filter(|m| released.contains(m))
        .collect();
    if held.is_empty() { all } else { held }
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

/// The 90 % margin of error of one noisy count of plan 1: the smallest m with
/// P(|noise| ≤ m) ≥ 0.9, from the exact pmf.
fn first_plan_count_margin(mechanism: Mechanism, variance: f64) -> f64 {
    let pmf = |x: i64| match mechanism {
        Mechanism::Laplace => pmf::discrete_laplace(laplace_scale(variance), x),
        Mechanism::Gaussian => pmf::discrete_gaussian(variance, x),
    };
    let mut mass = pmf(0);
    let mut m = 0;
    while mass < 0.9 && m < 100_000 {
        m += 1;
        mass += 2.0 * pmf(m);
    }
    m as f64
}

/// The Laplace scale b whose discrete variance is `variance` (inverse of `noise_variance`).
fn laplace_scale(variance: f64) -> f64 {
    // variance = 2q/(1-q)², q = e^(-1/b): solve for q, then b.
    let q = ((variance + 1.0) - (2.0 * variance + 1.0).sqrt()) / variance;
    -1.0 / q.ln()
}

pub use crate::figures::Kind;

/// One figure of a cell for an audience: `value` is `None` when hidden (or undefined,
/// such as a mean over no answers).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub measure: String,
    pub kind: Kind,
    pub value: Option<f64>,
    /// 90 % margin from the privacy noise alone.
    pub margin: Option<f64>,
    /// 90 % margin from noise and sampling together (derived figures of plan 2).
    pub combined: Option<f64>,
    pub hidden: bool,
}

impl Figure {
    /// How the figure reads on every page, chart and export ([`figures::Reading`]): hidden,
    /// no data, too uncertain to read (its noise margin is wider than
    /// ±[`figures::READABLE_PCT_MARGIN`] points for a %, ±[`figures::READABLE_MEAN_MARGIN`]
    /// for a mean), its range at a bound, or its value ± its margin.
    pub fn reading(&self) -> figures::Reading {
        figures::Reading::of(
            self.kind,
            self.value,
            self.margin,
            self.combined,
            self.hidden,
        )
    }
}

fn derived(measure: Measure, kind: Kind, estimate: Option<Estimate>, hidden: bool) -> Figure {
    let estimate = estimate.filter(|_| !hidden);
    // Kept finer than any page shows, so a page rounds once.
    let places = if kind == Kind::Percent { 2 } else { 3 };
    let cap = if kind == Kind::Percent { 100.0 } else { 4.0 };
    Figure {
        measure: measure.to_string(),
        kind,
        value: estimate.map(|e| round(e.value, places)),
        margin: estimate.map(|e| round(e.noise_margin().min(cap), places)),
        combined: estimate.map(|e| round(e.combined_margin().min(cap), places)),
        hidden,
    }
}

impl Release {
    /// The same release with only the cells `keep` accepts (a view scoped to what one
    /// person may see).
    pub fn restricted(&self, keep: impl Fn(&StoredCell) -> bool) -> Release {
        Release {
            info: self.info.clone(),
            cells: self.cells.iter().filter(|c| keep(c)).cloned().collect(),
            first_plan: self.first_plan.clone(),
            months: self.months.clone(),
        }
    }

    /// The months its figures come from, oldest first: the month itself, or the months of
    /// a quarter that were released (a quarter missing a month holds fewer than three).
    pub fn months(&self) -> &[Period] {
        &self.months
    }

    /// Every figure of a cell as an audience may see it: the released counts; each
    /// statement's mean; each index's "% positive"; each option's share of responses;
    /// each with its 90 % margins of error.
    pub fn figures(&self, cell: &StoredCell, audience: Audience) -> Vec<Figure> {
        match &cell.noise {
            Some(noise) => measurement_plan_figures(cell, noise, audience),
            None => self.first_plan_figures(cell, audience),
        }
    }

    /// One named figure of a cell (see [`Self::figures`]).
    pub fn figure(
        &self,
        cell: &StoredCell,
        audience: Audience,
        measure: Measure,
    ) -> Option<Figure> {
        self.figures(cell, audience)
            .into_iter()
            .find(|f| f.measure == measure.name())
    }

    fn first_plan_figures(&self, cell: &StoredCell, audience: Audience) -> Vec<Figure> {
        let cell_hidden = cell.status(audience) != Status::Shown;
        let level = cell.key.level;
        let variance = |group: &str| {
            self.first_plan
                .get(&(level, group.to_owned()))
                .copied()
                .unwrap_or(f64::NAN)
        };
        // The ledger group of a stored count: `responses`, a bin's, or `indices` for an
        // index's `_scored` count, the one count of the first plan that is no bin now.
        let group_of = |measure: Measure| -> &str {
            if measure == Measure::RESPONSES {
                "responses"
            } else {
                bin_of(measure)
                    .map_or(Group::Indices, |(h, _)| h.group)
                    .key()
            }
        };
        let value = |measure: Measure| cell.value(measure).unwrap_or(0) as f64;
        let mut out = Vec::new();
        for (&measure, count) in &cell.counts {
            let hidden = cell_hidden || hidden_for(count, audience);
            out.push(Figure {
                measure: measure.to_string(),
                kind: Kind::Count,
                value: (!hidden).then_some(count.value as f64),
                margin: (!hidden).then(|| {
                    first_plan_count_margin(self.info.mechanism, variance(group_of(measure)))
                }),
                combined: None,
                hidden,
            });
        }
        for item in Item::ALL {
            let bins: Vec<f64> = Measure::answers(item).map(value).to_vec();
            let n: f64 = bins.iter().sum();
            let v = variance("items");
            let estimate = (n > 0.0).then(|| {
                let mean = (bins
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (i + 1) as f64 * b)
                    .sum::<f64>()
                    / n)
                    .clamp(1.0, 5.0);
                Estimate {
                    value: mean,
                    noise_variance: v * (55.0 - 30.0 * mean + 5.0 * mean * mean) / (n * n),
                    sampling_variance: f64::NAN,
                }
            });
            out.push(first_plan_derived(
                Measure::mean(item),
                Kind::Mean,
                estimate,
                cell_hidden,
            ));
        }
        for index in Index::ALL {
            let scored = value(Measure::scored(index));
            let positive = value(Measure::positive(index)).min(scored);
            let v = variance("indices");
            let estimate = (scored > 0.0).then(|| {
                let p = (positive / scored).clamp(0.0, 1.0);
                Estimate {
                    value: 100.0 * p,
                    noise_variance: 1e4 * v * (1.0 + p * p) / (scored * scored),
                    sampling_variance: f64::NAN,
                }
            });
            out.push(first_plan_derived(
                Measure::pct_positive(index),
                Kind::Percent,
                estimate,
                cell_hidden,
            ));
        }
        let n = value(Measure::RESPONSES);
        for choice in Choice::all() {
            let v = variance("choices");
            let estimate = (n >= 1.0).then(|| Estimate {
                value: (100.0 * value(Measure::ticked(choice)).max(0.0) / n).clamp(0.0, 100.0),
                noise_variance: 1e4 * v / (n * n),
                sampling_variance: f64::NAN,
            });
            out.push(first_plan_derived(
                Measure::pct(choice),
                Kind::Percent,
                estimate,
                cell_hidden,
            ));
        }
        out
    }
}

/// Plan 1 has no sampling error on record: its derived figures carry the noise margin only.
fn first_plan_derived(
    measure: Measure,
    kind: Kind,
    estimate: Option<Estimate>,
    hidden: bool,
) -> Figure {
    let mut figure = derived(measure, kind, estimate, hidden);
    figure.combined = None;
    figure
}

fn measurement_plan_figures(
    cell: &StoredCell,
    noise: &CellNoise,
    audience: Audience,
) -> Vec<Figure> {
    let cell_hidden = cell.status(audience) != Status::Shown;
    let mut out = Vec::new();
    let group_noise = |g: Group| noise.groups.get(&g).copied().unwrap_or_default();
    for &measure in measures() {
        let Some(count) = cell.counts.get(&measure) else {
            continue;
        };
        let hidden = cell_hidden || hidden_for(count, audience);
        let variance = match bin_of(measure) {
            Some((h, _)) => group_noise(h.group).variance,
            None => noise.responses,
        };
        out.push(Figure {
            measure: measure.to_string(),
            kind: Kind::Count,
            value: (!hidden).then_some(count.value as f64),
            margin: (!hidden).then(|| (Z90 * variance.sqrt()).ceil()),
            combined: None,
            hidden,
        });
    }
    let value = |measure: Measure| cell.value(measure);
    for index in Index::ALL {
        let (Some(p), Some(np)) = (
            value(Measure::positive(index)),
            value(Measure::not_positive(index)),
        ) else {
            continue;
        };
        out.push(Figure {
            measure: Measure::scored(index).to_string(),
            kind: Kind::Count,
            value: (!cell_hidden).then_some((p + np) as f64),
            margin: (!cell_hidden).then(|| {
                let n = group_noise(Group::Indices);
                (Z90 * (2.0 * n.variance + 2.0 * n.covariance).max(0.0).sqrt()).ceil()
            }),
            combined: None,
            hidden: cell_hidden,
        });
        out.push(derived(
            Measure::pct_positive(index),
            Kind::Percent,
            figures::pct_positive(p, np, group_noise(Group::Indices)),
            cell_hidden,
        ));
    }
    for item in Item::ALL {
        let answers: Option<Vec<i64>> = Measure::answers(item).map(value).into_iter().collect();
        let Some(answers) = answers else {
            continue;
        };
        let answers: [i64; 5] = answers.try_into().expect("five answers");
        out.push(derived(
            Measure::mean(item),
            Kind::Mean,
            figures::item_mean(&answers, group_noise(Group::Items)),
            cell_hidden,
        ));
    }
    if let Some(n) = value(Measure::RESPONSES) {
        for choice in Choice::all() {
            let Some(ticked) = value(Measure::ticked(choice)) else {
                continue;
            };
            out.push(derived(
                Measure::pct(choice),
                Kind::Percent,
                figures::share_of_responses(
                    ticked,
                    n,
                    group_noise(Group::Choices),
                    noise.responses,
                ),
                cell_hidden,
            ));
        }
    }
    out
}

/// The figures of several cells taken together — a circle's last three months, say —
/// from the sums of their counts: a wider base where one month is too small to read.
/// Only cells of plan 2 shown to the audience are pooled (a hidden month pooled with shown
/// ones could be worked out by subtraction); `None` when there are none.
///
/// # Privacy
/// Sums of released counts, and their noise variances added: post-processing.
pub fn pooled_figures(cells: &[&StoredCell], audience: Audience) -> Option<Vec<Figure>> {
    let shown: Vec<&StoredCell> = cells
        .iter()
        .copied()
        .filter(|c| c.status(audience) == Status::Shown && c.noise.is_some())
        .collect();
    let first = shown.first()?;
    let mut pooled = StoredCell {
        counts: BTreeMap::new(),
        noise: Some(CellNoise::default()),
        ..(*first).clone()
    };
    for name in first.counts.keys() {
        if shown.iter().all(|c| c.counts.contains_key(name)) {
            let value = shown.iter().map(|c| c.counts[name].value).sum();
            let hidden = shown.iter().any(|c| hidden_for(&c.counts[name], audience));
            pooled.counts.insert(
                *name,
                StoredCount {
                    value,
                    manager_hidden: hidden,
                    funder_hidden: hidden,
                },
            );
        }
    }
    for cell in &shown {
        let sum = pooled
            .noise
            .as_ref()
            .expect("set above")
            .add(cell.noise.as_ref().expect("plan 2"));
        pooled.noise = Some(sum);
    }
    Some(measurement_plan_figures(
        &pooled,
        pooled.noise.as_ref().expect("set above"),
        audience,
    ))
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
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
/// program, the circle where there is one, the period, the level, the measure; `count`
/// (an integer) for released counts, `value` for derived figures (% or 1–5 mean); the 90 %
/// margin of error from the noise, and from noise and sampling together; `months`, the
/// months the row's figures come from (a quarter missing a month names the ones it holds);
/// and `status`, what the pages show for the figure ([`Figure::reading`]): `shown`,
/// `too_uncertain`, `hidden` or `no_data`. Funders get program-level quarterly cells only.
pub fn export_frame(release: &Release, audience: Audience) -> PolarsResult<DataFrame> {
    rows_frame(&export_rows(release, audience))
}

/// One row of an export ([`export_frame`]): a figure of a cell for an audience, with what
/// names the cell. The API (`dashboards`) answers with these rows, so its JSON and every
/// CSV agree by construction.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRow {
    /// The program's name ("all programs" for the portfolio's quarter).
    pub program: Option<String>,
    pub program_id: Option<ProgramId>,
    pub circle: Option<String>,
    pub circle_id: Option<CircleId>,
    pub period: Period,
    /// The months the figures come from (see [`Release::months`]).
    pub months: Vec<Period>,
    pub level: Level,
    pub figure: Figure,
}

impl ExportRow {
    /// A released count, as an integer (`None` for a derived figure, or a hidden one).
    pub fn count(&self) -> Option<i64> {
        (self.figure.kind == Kind::Count)
            .then_some(self.figure.value)
            .flatten()
            .map(|v| v as i64)
    }

    /// A derived figure's value (a % or a 1–5 mean; `None` for a count).
    pub fn value(&self) -> Option<f64> {
        (self.figure.kind != Kind::Count)
            .then_some(self.figure.value)
            .flatten()
    }
}

/// The rows of [`export_frame`], in its order: every figure of every cell the audience
/// has released to it.
pub fn export_rows(release: &Release, audience: Audience) -> Vec<ExportRow> {
    let mut rows = vec![];
    for cell in &release.cells {
        if cell.status(audience) == Status::NotReleased {
            continue;
        }
        for figure in release.figures(cell, audience) {
            rows.push(ExportRow {
                program: cell.program.clone().or_else(|| {
                    (cell.key.level == Level::PortfolioQuarter).then(|| "all programs".to_owned())
                }),
                program_id: cell.key.program_id,
                circle: cell.circle.clone(),
                circle_id: cell.key.circle_id,
                period: cell.key.period,
                months: release.months.clone(),
                level: cell.key.level,
                figure,
            });
        }
    }
    rows
}

/// Every measure an export may name, stored counts first, then derived figures.
pub fn export_measures() -> impl Iterator<Item = Measure> {
    measures().iter().copied().chain(measure::derived())
}

/// The tidy table of [`export_frame`] for these rows.
pub fn rows_frame(rows: &[ExportRow]) -> PolarsResult<DataFrame> {
    let months = |r: &ExportRow| {
        r.months
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = |f: &dyn Fn(&ExportRow) -> Option<String>| rows.iter().map(f).collect::<Vec<_>>();
    let number = |f: &dyn Fn(&ExportRow) -> Option<f64>| rows.iter().map(f).collect::<Vec<_>>();
    DataFrame::new(
        rows.len(),
        vec![
            Column::new("program".into(), text(&|r| r.program.clone())),
            Column::new("circle".into(), text(&|r| r.circle.clone())),
            Column::new("period".into(), text(&|r| Some(r.period.to_string()))),
            Column::new("months".into(), text(&|r| Some(months(r)))),
            Column::new("level".into(), text(&|r| Some(r.level.key().to_owned()))),
            Column::new("measure".into(), text(&|r| Some(r.figure.measure.clone()))),
            Column::new(
                "count".into(),
                rows.iter().map(ExportRow::count).collect::<Vec<_>>(),
            ),
            Column::new("value".into(), number(&ExportRow::value)),
            Column::new("margin_of_error".into(), number(&|r| r.figure.margin)),
            Column::new(
                "margin_with_sampling".into(),
                number(&|r| r.figure.combined),
            ),
            Column::new(
                "status".into(),
                text(&|r| Some(r.figure.reading().status().to_owned())),
            ),
        ],
    )
}

/// The data dictionary of exports as a table: `measure` (a column's name as `column
/// count`, or a measure's) and `meaning` (see [`dictionary`]).
pub fn dictionary_frame() -> PolarsResult<DataFrame> {
    dictionary_frame_in(Lang::En)
}

/// [`dictionary_frame`] with its meanings in a staff language: the `measure` column (the
/// names of columns and measures) stays as it is in every language, for programs that read
/// it; the `meaning` column is the staff catalog's (`dict-*`).
pub fn dictionary_frame_in(lang: Lang) -> PolarsResult<DataFrame> {
    let (names, texts): (Vec<String>, Vec<String>) = dictionary_in(lang).into_iter().unzip();
    DataFrame::new(
        names.len(),
        vec![
            Column::new("measure".into(), names),
            Column::new("meaning".into(), texts),
        ],
    )
}

/// The columns of an export, in order (their names are machine-readable: never translated).
const EXPORT_COLUMNS: [&str; 11] = [
    "program",
    "circle",
    "period",
    "months",
    "level",
    "measure",
    "count",
    "value",
    "margin_of_error",
    "margin_with_sampling",
    "status",
];

/// The data dictionary of exports: every column, and every measure in plain words.
pub fn dictionary() -> Vec<(String, String)> {
    dictionary_in(Lang::En)
}

/// [`dictionary`] in a staff language (names stay machine-readable, meanings translated).
pub fn dictionary_in(lang: Lang) -> Vec<(String, String)> {
    let tr = lang.tr();
    let pct = domain::locale::number(lang, figures::READABLE_PCT_MARGIN, 0);
    let mean = domain::locale::number(lang, figures::READABLE_MEAN_MARGIN, 1);
    let mut names: Vec<String> = EXPORT_COLUMNS
        .iter()
        .map(|n| format!("column {n}"))
        .collect();
    let mut texts: Vec<String> = EXPORT_COLUMNS
        .iter()
        .map(|n| {
            let key = format!("dict-col-{n}");
            if *n == "status" {
                tr.args(&key, &[("pct", &pct), ("mean", &mean)])
            } else {
                tr.get(&key)
            }
        })
        .collect();
    for measure in measures().iter().copied().chain(measure::derived()) {
        texts.push(measure::describe_in(measure, lang));
        names.push(measure.to_string());
    }
    names.into_iter().zip(texts).collect()
}

/// Writes an export with polars' writers: every CSV Hearth writes is written here, its text
/// cells made safe for spreadsheets ([`crate::spreadsheet::safe_frame`]: a cell that would
/// run as a formula gets a leading `'`).
pub fn write_export(
    frame: &mut DataFrame,
    format: ExportFormat,
    out: &mut (impl Write + Send),
) -> PolarsResult<()> {
    match format {
        ExportFormat::Csv => {
            CsvWriter::new(out).finish(&mut crate::spreadsheet::safe_frame(frame)?)
        }
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
        let m = first_plan_count_margin(Mechanism::Gaussian, 4.0);
        assert!((3.0..=4.0).contains(&m), "{m}");
    }

    fn cell(positive: i64, not_positive: i64, status: Status) -> StoredCell {
        let count = |value| StoredCount {
            value,
            manager_hidden: false,
            funder_hidden: true,
        };
        let noise = BinNoise {
            variance: 3.0,
            covariance: -1.0,
            with_total: 0.1,
        };
        StoredCell {
            key: CellKey {
                level: Level::CircleMonth,
                program_id: Some(ProgramId::new(1)),
                circle_id: Some(CircleId::new(2)),
                period: "2026-10".parse().unwrap(),
            },
            program: None,
            circle: None,
            manager: status,
            funder: Status::NotReleased,
            counts: [
                (Measure::RESPONSES, count(positive + not_positive)),
                (Measure::positive(Index::Belonging), count(positive)),
                (Measure::not_positive(Index::Belonging), count(not_positive)),
                (Measure::not_scored(Index::Belonging), count(0)),
            ]
            .into_iter()
            .collect(),
            noise: Some(CellNoise {
                responses: 1.0,
                groups: [(Group::Indices, noise)].into_iter().collect(),
            }),
        }
    }

    #[test]
    fn pooled_months_sum_their_counts_and_noise_and_leave_hidden_months_out() {
        let (a, b, hidden) = (
            cell(10, 5, Status::Shown),
            cell(20, 5, Status::Shown),
            cell(1, 1, Status::Hidden),
        );
        let figures = pooled_figures(&[&a, &b, &hidden], Audience::Manager).unwrap();
        let pct = figures
            .iter()
            .find(|f| f.measure == Measure::BELONGING_PCT_POSITIVE.name())
            .unwrap();
        assert_eq!(pct.value, Some(75.0));
        let alone = measurement_plan_figures(&a, a.noise.as_ref().unwrap(), Audience::Manager);
        let one = alone
            .iter()
            .find(|f| f.measure == Measure::BELONGING_PCT_POSITIVE.name())
            .unwrap();
        assert!(
            pct.margin.unwrap() < one.margin.unwrap(),
            "{pct:?} vs {one:?}"
        );
        assert!(pooled_figures(&[&hidden], Audience::Manager).is_none());
    }

    #[test]
    fn every_measure_has_words_in_the_dictionary() {
        let frame = dictionary_frame().unwrap();
        let meanings = frame.column("meaning").unwrap().str().unwrap();
        let names = frame.column("measure").unwrap().str().unwrap();
        for (name, meaning) in names.iter().zip(meanings.iter()) {
            let (name, meaning) = (name.unwrap(), meaning.unwrap());
            assert_ne!(name, meaning, "{name} is not described");
            assert!(meaning.contains(' '), "{name}: {meaning}");
            if name == "belonging_not_scored" {
                assert!(meaning.contains("too few"), "{meaning}");
            }
            // A measure is told in the participant's words, never by an internal name.
            if !name.starts_with("column ") {
                assert!(!meaning.contains('_'), "{name}: {meaning}");
            }
        }
        let meaning = |name: &str| {
            let at = names.iter().position(|n| n == Some(name)).unwrap();
            meanings.get(at).unwrap().to_owned()
        };
        let own_pace = meaning("own_pace_3");
        assert!(
            own_pace.contains("“I could share as much or as little as I wanted.”")
                && own_pace.contains("Not sure"),
            "{own_pace}"
        );
        let dominated = meaning("hindered_dominated");
        assert!(
            dominated.contains("“Someone took over” under “What got in the way?”"),
            "{dominated}"
        );
        // Which statements make up each index.
        for (index, items) in [
            ("belonging", &["belong", "welcome", "heard"][..]),
            (
                "safety",
                &["safe_to_share", "not_judged", "confidential", "own_pace"][..],
            ),
        ] {
            for measure in [format!("{index}_positive"), format!("{index}_pct_positive")] {
                let words = meaning(&measure);
                for item in items {
                    let statement = domain::i18n::Lang::En.tr().get(&format!("item-{item}"));
                    assert!(words.contains(&statement), "{measure}: {words}");
                }
                assert!(!words.contains("I'm leaving"), "{measure}: {words}");
            }
        }
    }
}
