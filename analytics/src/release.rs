//! Releasing a closed period: the whole pipeline, and the one transaction that stores its
//! result with its ledger entries.
//!
//! A month: load its responses, count them per circle ([`crate::pipeline`]), measure them
//! with noise per the plan ([`crate::plan`]), fit the measurements into counts that add up
//! ([`crate::consistency`]), decide what each audience may see ([`crate::suppression`]),
//! store the release and its ledger entries ([`crate::ledger`]) in one transaction. A
//! quarter: sum its released months — nothing is read, nothing measured.
//!
//! # Privacy
//! A period is released once. Its cells come from the catalog; its counts are noisy
//! measurements and their post-processing only: true counts are a type that cannot be
//! stored or leave the crate (`pipeline::TrueCounts`); what is stored is a [`Released`],
//! which only noisy measurements or stored releases can make. A release that would take
//! any program's month past its budget is refused before anything is read. Noise is drawn
//! in batch here, never per request, so nobody can time the sampler.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use domain::audit::{self, Actor};
use domain::store::random_id;
use domain::{ProgramId, ReleaseId, Store};
use sqlx::AnyConnection;

use crate::CODE_VERSION;
use crate::budget::{Level, Mechanism, PrivacySettings, load_settings};
use crate::consistency::{self, Released, ReleasedCell};
use crate::figures::CellNoise;
use crate::ledger;
use crate::measure::{Group, Measure, bin_of, measures};
use crate::period::Period;
use crate::pipeline::{self, CellKey, PipelineError};
use crate::plan::{self, PLAN_VERSION};
use crate::progress::{Progress, Quiet};
use crate::sampler::{Rational, secure_rng, seeded_rng};
use crate::suppression::{self, Rule, Sizes, Status};
use crate::view::{self, StoredCell};

pub use crate::release_error::ReleaseError;

/// What a release is, beside its period: where its noise comes from and who asked for it.
/// How it is watched while it runs is apart: see [`release_watched`] and
/// [`crate::progress`].
#[derive(Clone, Copy, Debug)]
pub struct ReleaseOptions {
    /// `Some(seed)` only in tests and reproducible benchmarks; releases use the secure
    /// generator.
    pub seed: Option<u64>,
    /// Who asked for the release, for the audit trail.
    pub by: Actor<'static>,
}

impl ReleaseOptions {
    /// Secure noise, asked for on the command line (`hearth release`).
    pub fn new() -> ReleaseOptions {
        ReleaseOptions {
            seed: None,
            by: Actor::CommandLine,
        }
    }

    /// Secure noise, by the scheduler (releases run by `serve`, which nobody watches).
    pub fn seedless_quiet() -> ReleaseOptions {
        ReleaseOptions {
            seed: None,
            by: Actor::Scheduler,
        }
    }

    /// Seeded noise (tests, benchmarks).
    pub fn seeded(seed: u64) -> ReleaseOptions {
        ReleaseOptions {
            seed: Some(seed),
            by: Actor::CommandLine,
        }
    }
}

impl Default for ReleaseOptions {
    fn default() -> Self {
        ReleaseOptions::new()
    }
}

/// What a release did, for the command's report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReleaseSummary {
    pub period: Period,
    pub cells: usize,
    pub spend_per_response_month: Rational,
    pub unit: &'static str,
    /// Seconds spent loading responses, and on the rest of the pipeline.
    pub timings: (f64, f64),
}

/// Releases a closed period (see the module docs), unwatched. `today` decides whether it
/// has ended.
pub async fn release(
    store: &Store,
    period: Period,
    today: NaiveDate,
    options: &ReleaseOptions,
) -> Result<ReleaseSummary, ReleaseError> {
    release_watched(store, period, today, options, &Quiet).await
}

/// [`release`], telling `progress` each stage as it runs.
pub async fn release_watched(
    store: &Store,
    period: Period,
    today: NaiveDate,
    options: &ReleaseOptions,
    progress: &dyn Progress,
) -> Result<ReleaseSummary, ReleaseError> {
    refuse_unless_ready(store, period, today).await?;
    let settings = load_settings(store).await?;
    let sessions = pipeline::sessions_in(store, period).await?;
    if sessions.is_empty() {
        return Err(ReleaseError::Empty(period));
    }
    let (months, forced) = order_and_months(store, period, &settings, &sessions).await?;
    ledger::check_budget(
        &mut *store.pool().acquire().await?,
        period,
        &settings,
        &sessions,
    )
    .await?;

    let started = std::time::Instant::now();
    let (released, load_seconds, mechanism) = if period.is_quarter() {
        progress.checkpoint("loaded");
        let released = consistency::sum_months(period, &months);
        (released, 0.0, noise_of(&months))
    } else {
        let (released, load_seconds) =
            measure_month(store, period, &settings, &sessions, options.seed, progress).await?;
        (released, load_seconds, settings.mechanism)
    };

    let visibility = suppression::decide(&sizes(&released), &rule(&settings, mechanism), &forced);
    let made = Made {
        period,
        mechanism,
        released,
        visibility,
    };
    progress.started("storing the release and its ledger");
    store_release(store, &made, &settings, &sessions, options.by).await?;
    progress.finished("release stored");
    progress.checkpoint("done");
    let spend = if period.is_quarter() {
        Rational::integer(0)
    } else {
        plan::month_spend(&settings)?
    };
    Ok(ReleaseSummary {
        period,
        cells: made.released.cells().len(),
        spend_per_response_month: spend,
        unit: settings.mechanism.unit(),
        timings: (load_seconds, started.elapsed().as_secs_f64() - load_seconds),
    })
}

/// Refuses a period that cannot be released yet, or again: not over by `today`, released
/// already, with a session still open or paper forms still to be typed in. Seals the
/// closed sessions first, so what a release reads is final and in random order.
async fn refuse_unless_ready(
    store: &Store,
    period: Period,
    today: NaiveDate,
) -> Result<(), ReleaseError> {
    if period.end() > today {
        return Err(ReleaseError::NotOver {
            period,
            from: period.end(),
        });
    }
    if already_released(store, period).await? {
        return Err(ReleaseError::AlreadyReleased(period));
    }
    let now = domain::catalog::now_unix();
    collector::seal::seal_closed_sessions(store, now).await?;
    let open: i64 = sqlx::query_scalar(
        "select count(*) from session where held_on >= $1 and held_on < $2 and sealed = 0",
    )
    .bind(period.start().to_string())
    .bind(period.end().to_string())
    .fetch_one(store.pool())
    .await?;
    if open > 0 {
        return Err(ReleaseError::SessionsOpen { period, open });
    }
    // Nor while a closed session's paper forms can still be typed in: they would arrive
    // after the release (collector::paper; by default this ends before the release is due).
    // Judged at the release's clock: now, or the start of the day before `today` when a
    // release is made as of a later day (tests, replays). A real run's `today` is at most
    // 14 hours ahead of UTC, so the day before it is never ahead of now.
    let clock = today
        .pred_opt()
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .map_or(now, |start| now.max(start.and_utc().timestamp()));
    if let Some(until) =
        collector::paper::taking_paper_until(store, period.start(), period.end(), clock).await?
    {
        let until = chrono::DateTime::from_timestamp(until, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        return Err(ReleaseError::PaperForms { period, until });
    }
    Ok(())
}

/// A month's released cells: its responses loaded, counted, measured with the plan's
/// noise and fitted, off the async runtime; with the seconds loading took.
async fn measure_month(
    store: &Store,
    period: Period,
    settings: &PrivacySettings,
    sessions: &[pipeline::SessionInfo],
    seed: Option<u64>,
    progress: &dyn Progress,
) -> Result<(Released, f64), ReleaseError> {
    let started = std::time::Instant::now();
    progress.started("loading responses");
    // The exact number of responses never leaves the crate, not even in a message.
    let responses = pipeline::load_responses(store, period, sessions).await?;
    progress.finished("responses loaded");
    let load_seconds = started.elapsed().as_secs_f64();
    progress.checkpoint("loaded");
    progress.started("counting, measuring and fitting cells");
    let noise = plan::noise(settings)?;
    let sessions = sessions.to_vec();
    let released = off_runtime(move || -> Result<Released, PipelineError> {
        let keys = pipeline::key_set(period, &sessions);
        let counts = pipeline::true_counts(period, responses, &sessions, &keys)?;
        let measured = match seed {
            Some(seed) => counts.measure(&noise, &mut seeded_rng(seed)),
            None => counts.measure(&noise, &mut secure_rng()),
        };
        Ok(consistency::fit(measured))
    })
    .await??;
    progress.finished(&format!("released {} cells", released.cells().len()));
    Ok((released, load_seconds))
}

/// What suppression reads of each released cell: its counts and their noise.
fn sizes(released: &Released) -> BTreeMap<CellKey, Sizes> {
    released
        .cells()
        .iter()
        .map(|(key, cell)| {
            let split = cell
                .count(Measure::FIRST_TIME_YES)
                .zip(cell.count(Measure::FIRST_TIME_NO));
            let split_variance = cell.noise.variance_of(Group::FirstTime);
            (
                key.clone(),
                Sizes {
                    responses: cell.count(Measure::RESPONSES).unwrap_or(0),
                    responses_variance: cell.noise.responses,
                    split,
                    split_variance,
                },
            )
        })
        .collect()
}

/// The mechanism whose noise bound a quarter's sums take: the discrete Laplace's (the
/// heavier-tailed) if any of its months was released under it.
fn noise_of(months: &[view::Release]) -> Mechanism {
    if months
        .iter()
        .any(|m| m.info.mechanism == Mechanism::Laplace)
    {
        Mechanism::Laplace
    } else {
        Mechanism::Gaussian
    }
}

/// The thresholds of the settings, with the noise bound of `mechanism`.
fn rule(settings: &PrivacySettings, mechanism: Mechanism) -> Rule {
    Rule {
        k: [
            i64::from(settings.manager_threshold),
            i64::from(settings.funder_threshold),
        ],
        mechanism,
    }
}

/// Months are released before their quarter. For a quarter, returns its stored months and
/// what they force on its cells ([`forced_by_months`]).
async fn order_and_months(
    store: &Store,
    period: Period,
    settings: &PrivacySettings,
    sessions: &[pipeline::SessionInfo],
) -> Result<(Vec<view::Release>, BTreeMap<CellKey, suppression::Forced>), ReleaseError> {
    if !period.is_quarter() {
        if already_released(store, period.quarter()).await? {
            return Err(ReleaseError::MonthAfterQuarter {
                month: period,
                quarter: period.quarter(),
            });
        }
        return Ok((Vec::new(), BTreeMap::new()));
    }
    let months = quarter_months(store, period, sessions).await?;
    let rule = rule(settings, noise_of(&months));
    let forced = forced_by_months(period, &rule, sessions, &months);
    Ok((months, forced))
}

/// The stored releases of a quarter's months that had sessions: each must be released,
/// under the measurement plan (plan 2), before the quarter can be summed from them.
async fn quarter_months(
    store: &Store,
    quarter: Period,
    sessions: &[pipeline::SessionInfo],
) -> Result<Vec<view::Release>, ReleaseError> {
    let held: BTreeSet<&str> = sessions.iter().map(|s| s.month.as_str()).collect();
    let mut missing = Vec::new();
    let mut months = Vec::new();
    for month in quarter.months() {
        if !held.contains(month.to_string().as_str()) {
            continue;
        }
        match view::load_release(store, month).await? {
            Some(release) => months.push(release),
            None => missing.push(month.to_string()),
        }
    }
    if !missing.is_empty() {
        return Err(ReleaseError::MonthsFirst {
            months: missing.join(", "),
        });
    }
    let first_plan: Vec<String> = months
        .iter()
        .filter(|m| m.info.plan < PLAN_VERSION)
        .map(|m| m.info.period.to_string())
        .collect();
    if !first_plan.is_empty() {
        return Err(ReleaseError::FirstPlanMonths {
            quarter,
            months: first_plan.join(", "),
        });
    }
    Ok(months)
}

/// What a quarter's stored months force on its program cells: a program quarter whose
/// program had exactly one month hidden (or one month's first-time split hidden) is hidden
/// too (or has its split hidden), or the quarter minus the shown months would give the
/// hidden month away.
///
/// Rule 2 across releases: the quarter minus the program's shown months is the sum of its
/// hidden months, so the quarter is hidden (or its split) when that sum would be one
/// hidden month or too few, by the rule of the months' audience (managers).
fn forced_by_months(
    quarter: Period,
    rule: &Rule,
    sessions: &[pipeline::SessionInfo],
    months: &[view::Release],
) -> BTreeMap<CellKey, suppression::Forced> {
    let noise = |c: &StoredCell| c.noise.clone().unwrap_or_default();
    let programs: BTreeSet<ProgramId> = sessions.iter().map(|s| s.program_id).collect();
    let mut forced = BTreeMap::new();
    for program in programs {
        let month_cells: Vec<&StoredCell> = months
            .iter()
            .flat_map(|r| r.cells.iter())
            .filter(|c| c.key.level == Level::ProgramMonth && c.key.program_id == Some(program))
            .collect();
        let hidden: Vec<(Vec<i64>, f64)> = month_cells
            .iter()
            .filter(|c| c.manager != Status::Shown)
            .map(|c| {
                (
                    vec![c.value(Measure::RESPONSES).unwrap_or(0)],
                    noise(c).responses,
                )
            })
            .collect();
        let split_hidden: Vec<(Vec<i64>, f64)> = month_cells
            .iter()
            .filter(|c| {
                c.manager != Status::Shown || c.split_hidden(suppression::Audience::Manager)
            })
            .map(|c| {
                let side = |name| c.value(name).unwrap_or(0);
                let variance = noise(c).variance_of(Group::FirstTime);
                (
                    vec![side(Measure::FIRST_TIME_YES), side(Measure::FIRST_TIME_NO)],
                    variance,
                )
            })
            .collect();
        let key = CellKey {
            level: Level::ProgramQuarter,
            program_id: Some(program),
            circle_id: None,
            period: quarter,
        };
        forced.insert(
            key,
            suppression::Forced {
                cell: gives_away(rule, &hidden),
                split: gives_away(rule, &split_hidden),
            },
        );
    }
    forced
}

/// Whether the sum of hidden months' counts (each with its noise variance) would give a
/// hidden month away: it is one hidden month, or too few by the rule.
fn gives_away(rule: &Rule, parts: &[(Vec<i64>, f64)]) -> bool {
    match parts {
        [] => false,
        [_] => true,
        [(first, _), ..] => {
            let mut sum = vec![0; first.len()];
            for (values, _) in parts {
                for (s, v) in sum.iter_mut().zip(values) {
                    *s += v;
                }
            }
            rule.too_small(0, &sum, parts.iter().map(|(_, v)| v).sum())
        }
    }
}

/// Runs CPU-bound work (polars) on its own thread, outside the async runtime: polars'
/// engine would otherwise block a runtime worker.
async fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PipelineError> {
    let (done, result) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("hearth-release".into())
        .spawn(move || {
            let _ = done.send(work());
        })
        .map_err(|e| PipelineError::Worker(format!("it could not start: {e}")))?;
    result
        .await
        .map_err(|_| PipelineError::Worker("it stopped before its work was done".into()))
}

pub async fn already_released(store: &Store, period: Period) -> Result<bool, sqlx::Error> {
    let found: Option<ReleaseId> =
        sqlx::query_scalar("select id from data_release where period = $1")
            .bind(period.to_string())
            .fetch_optional(store.pool())
            .await?;
    Ok(found.is_some())
}

const COUNT_ROWS_PER_INSERT: usize = 64;

/// A period's release, made and ready to store: its released cells, what each audience
/// may see of them, and the mechanism whose noise bound suppression used (a quarter's:
/// its months').
struct Made {
    period: Period,
    mechanism: Mechanism,
    released: Released,
    visibility: BTreeMap<CellKey, [suppression::Visibility; 2]>,
}

/// Stores a release, its ledger entries and its audit entry by `by` in one transaction,
/// under the release lock, once the budget (of `settings`, for `sessions`) has been
/// checked again.
async fn store_release(
    store: &Store,
    made: &Made,
    settings: &PrivacySettings,
    sessions: &[pipeline::SessionInfo],
    by: Actor<'_>,
) -> Result<(), ReleaseError> {
    let now = domain::catalog::now_unix();
    let mut tx = store.begin_write().await?;
    // One release at a time, whatever process runs it; then the budget again, now that no
    // other release can spend between the check and the commit.
    sqlx::query("update release_lock set id = id where id = 1")
        .execute(&mut *tx)
        .await?;
    ledger::check_budget(&mut tx, made.period, settings, sessions).await?;
    let release_id = insert_release(&mut tx, made, settings, now).await?;
    for (cell, (key, released_cell)) in made.released.cells().iter().enumerate() {
        let cell = cell as i32;
        insert_cell(&mut tx, release_id, cell, key, made.visibility[key]).await?;
        insert_cell_counts(
            &mut tx,
            release_id,
            cell,
            released_cell,
            made.visibility[key],
        )
        .await?;
        insert_cell_noise(&mut tx, release_id, cell, &released_cell.noise).await?;
    }
    ledger::write_ledger(
        &mut tx,
        release_id,
        made.period,
        settings,
        &made.released,
        now,
    )
    .await?;
    let noise = match made.mechanism {
        Mechanism::Gaussian => "Gaussian",
        Mechanism::Laplace => "Laplace",
    };
    let detail = format!(
        "{} cells released, with {noise} noise",
        made.released.cells().len()
    );
    audit::commit(
        tx,
        audit::Entry::new(by, audit::Action::Released, &made.period.to_string()).detail(&detail),
    )
    .await?;
    Ok(())
}

/// The release's header row, under a fresh random id; refused when the period was
/// released meanwhile.
async fn insert_release(
    conn: &mut AnyConnection,
    made: &Made,
    settings: &PrivacySettings,
    now: i64,
) -> Result<ReleaseId, ReleaseError> {
    let period = made.period;
    loop {
        let id = ReleaseId::new(random_id());
        let inserted = sqlx::query(
            "insert into data_release (id, period, mechanism, plan, manager_threshold, funder_threshold, code_version, released_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing",
        )
        .bind(id)
        .bind(period.to_string())
        .bind(made.mechanism.key())
        .bind(PLAN_VERSION)
        .bind(settings.manager_threshold as i32)
        .bind(settings.funder_threshold as i32)
        .bind(CODE_VERSION)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        if inserted.rows_affected() == 1 {
            return Ok(id);
        }
        // Either the id collided or the period was released meanwhile.
        let taken: Option<ReleaseId> =
            sqlx::query_scalar("select id from data_release where period = $1")
                .bind(period.to_string())
                .fetch_optional(&mut *conn)
                .await?;
        if taken.is_some() {
            return Err(ReleaseError::AlreadyReleased(period));
        }
    }
}

/// A released cell's row: its key and its status for managers and for funders.
async fn insert_cell(
    conn: &mut AnyConnection,
    release_id: ReleaseId,
    cell: i32,
    key: &CellKey,
    [manager, funder]: [suppression::Visibility; 2],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into release_cell (release_id, cell, level, program_id, circle_id, period, manager_status, funder_status) \
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(release_id)
    .bind(cell)
    .bind(key.level.key())
    .bind(key.program_id)
    .bind(key.circle_id)
    .bind(key.period.to_string())
    .bind(manager.status.key())
    .bind(funder.status.key())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A released cell's counts, each marked hidden from the audiences that may not see it
/// (the whole cell, or its first-time split).
async fn insert_cell_counts(
    conn: &mut AnyConnection,
    release_id: ReleaseId,
    cell: i32,
    released: &ReleasedCell,
    [manager, funder]: [suppression::Visibility; 2],
) -> Result<(), sqlx::Error> {
    let rows: Vec<(&str, i64, bool, bool)> = measures()
        .iter()
        .zip(&released.counts)
        .filter_map(|(&m, value)| {
            let value = (*value)?;
            let in_split = bin_of(m).is_some_and(|(h, _)| h.group == Group::FirstTime);
            let hidden = |v: suppression::Visibility| {
                v.status != Status::Shown || (in_split && v.split_hidden)
            };
            Some((m.name(), value, hidden(manager), hidden(funder)))
        })
        .collect();
    for chunk in rows.chunks(COUNT_ROWS_PER_INSERT) {
        insert_counts(conn, release_id, cell, chunk).await?;
    }
    Ok(())
}

/// A released cell's noise: the variance of its `responses`, and of each group's bins.
async fn insert_cell_noise(
    conn: &mut AnyConnection,
    release_id: ReleaseId,
    cell: i32,
    noise: &CellNoise,
) -> Result<(), sqlx::Error> {
    let mut rows = vec![(Measure::RESPONSES.name(), noise.responses, 0.0, 0.0)];
    for (group, n) in &noise.groups {
        rows.push((group.key(), n.variance, n.covariance, n.with_total));
    }
    for (name, variance, covariance, with_total) in rows {
        sqlx::query(
            "insert into release_noise (release_id, cell, name, variance, covariance, with_total) values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(release_id)
        .bind(cell)
        .bind(name)
        .bind(variance)
        .bind(covariance)
        .bind(with_total)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn insert_counts(
    conn: &mut AnyConnection,
    release_id: ReleaseId,
    cell: i32,
    rows: &[(&str, i64, bool, bool)],
) -> Result<(), sqlx::Error> {
    let values: Vec<String> = (0..rows.len())
        .map(|i| {
            let b = i * 6;
            format!(
                "(${}, ${}, ${}, ${}, ${}, ${})",
                b + 1,
                b + 2,
                b + 3,
                b + 4,
                b + 5,
                b + 6
            )
        })
        .collect();
    let sql = format!(
        "insert into release_count (release_id, cell, measure, value, manager_hidden, funder_hidden) values {}",
        values.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for (measure, value, manager, funder) in rows {
        query = query
            .bind(release_id)
            .bind(cell)
            .bind(*measure)
            .bind(*value)
            .bind(i16::from(*manager))
            .bind(i16::from(*funder));
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use domain::instrument::{Answers, Helped, Index, Item, Rating};
    use domain::{CircleId, SessionId};
    use rand::{RngExt, SeedableRng};
    use rand_distr::Distribution;

    use super::*;
    use crate::budget::Noise;
    use crate::consistency::tests::assert_consistent;
    use crate::pipeline::{SessionInfo, TrueCounts, key_set, naive_counts};
    use crate::plan::PLAN;

    /// A month of `circles[c]` responses in circle c of program `programs[c]`; each answer
    /// from `answer(i)`.
    fn month(
        circles: &[(i32, i64)],
        answer: impl Fn(usize) -> Answers,
    ) -> (Vec<SessionInfo>, Vec<(i32, Answers)>) {
        let sessions: Vec<SessionInfo> = circles
            .iter()
            .enumerate()
            .map(|(c, &(program, _))| SessionInfo {
                id: SessionId::new(c as i32),
                circle_id: CircleId::new(100 + c as i32),
                program_id: ProgramId::new(program),
                month: "2026-10".into(),
            })
            .collect();
        let mut answers = Vec::new();
        for (c, &(_, n)) in circles.iter().enumerate() {
            for _ in 0..n {
                let i = answers.len();
                answers.push((c as i32, answer(i)));
            }
        }
        (sessions, answers)
    }

    fn true_counts(sessions: &[SessionInfo], answers: &[(i32, Answers)]) -> TrueCounts {
        let keys = key_set("2026-10".parse().unwrap(), sessions);
        TrueCounts::from_map(
            keys.iter()
                .map(|k| (k.clone(), naive_counts(answers, sessions, k)))
                .collect(),
        )
    }

    fn released(sessions: &[SessionInfo], answers: &[(i32, Answers)], seed: u64) -> Released {
        let noise = plan::noise(&PrivacySettings::default()).unwrap();
        consistency::fit(true_counts(sessions, answers).measure(&noise, &mut seeded_rng(seed)))
    }

    fn decide(released: &Released) -> BTreeMap<CellKey, [suppression::Visibility; 2]> {
        let settings = PrivacySettings::default();
        suppression::decide(
            &sizes(released),
            &rule(&settings, settings.mechanism),
            &BTreeMap::new(),
        )
    }

    fn content(i: usize) -> Answers {
        let mut a = Answers::default();
        for item in Item::ALL {
            a.set_rating(item, Rating::try_from(3 + (i % 3) as u8).ok());
        }
        a.first_time = Some(false);
        a
    }

    fn circle_key(c: i32, program: i32) -> CellKey {
        CellKey {
            level: Level::CircleMonth,
            program_id: Some(ProgramId::new(program)),
            circle_id: Some(CircleId::new(100 + c)),
            period: "2026-10".parse().unwrap(),
        }
    }

    fn program_key(p: i32) -> CellKey {
        CellKey {
            level: Level::ProgramMonth,
            program_id: Some(ProgramId::new(p)),
            circle_id: None,
            period: "2026-10".parse().unwrap(),
        }
    }

    #[test]
    fn a_seeded_month_depends_on_nothing_but_the_seed_and_the_counts() {
        let (sessions, answers) = month(&[(1, 10), (1, 20), (2, 30)], content);
        let a = released(&sessions, &answers, 9);
        assert_eq!(a, released(&sessions, &answers, 9));
        assert_ne!(a, released(&sessions, &answers, 10));
    }

    #[test]
    fn every_parent_is_the_sum_of_its_children_over_random_catalogs_and_seeds() {
        let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(21);
        for seed in 0..60 {
            let circles: Vec<(i32, i64)> = (0..rng.random_range(1..12))
                .map(|_| (rng.random_range(1..4), rng.random_range(0..60)))
                .collect();
            let skew: u8 = rng.random_range(0..6);
            let (sessions, answers) = month(&circles, |i| {
                let mut a = Answers::default();
                for (k, item) in Item::ALL.into_iter().enumerate() {
                    let v = (i * 7 + k * 3 + usize::from(skew)) % 6;
                    a.set_rating(item, Rating::try_from(v as u8).ok());
                }
                a.first_time = [None, Some(true), Some(false)][i % 3];
                if i % 4 == 0 {
                    a.set_helped(Helped::ALL[i % Helped::ALL.len()]);
                }
                a
            });
            let r = released(&sessions, &answers, seed);
            assert_consistent(&r);
            // Small circles with all-zero answers exercise the clamping at zero too.
            assert!(
                r.cells()
                    .values()
                    .all(|c| c.count(Measure::RESPONSES).is_some())
            );
        }
    }

    #[test]
    fn the_stated_noise_matches_the_errors_actually_made() {
        // Released minus true, divided by the standard deviation the release states for
        // it, over many seeds: a standard deviation near 1 means the margins pages print
        // are the margins the numbers have.
        let (sessions, answers) = month(&[(1, 30), (1, 25), (1, 40), (2, 35), (2, 20)], |i| {
            let mut a = content(i);
            a.first_time = [Some(true), Some(false), Some(false), None][i % 4];
            a
        });
        let truth = true_counts(&sessions, &answers);
        let truth = truth.peek();
        let mut z: HashMap<(Level, Measure), Vec<f64>> = HashMap::new();
        for seed in 0..150 {
            let r = released(&sessions, &answers, seed);
            for (key, cell) in r.cells() {
                for name in [
                    Measure::RESPONSES,
                    Measure::positive(Index::Belonging),
                    Measure::not_positive(Index::Belonging),
                    Measure::FIRST_TIME_NO,
                    Measure::answers(Item::Belong)[3],
                ] {
                    let Some(value) = cell.count(name) else {
                        continue;
                    };
                    let variance = match bin_of(name) {
                        Some((h, _)) => cell.noise.groups[&h.group].variance,
                        None => cell.noise.responses,
                    };
                    let true_value = truth[key][crate::measure::position(name).unwrap()];
                    z.entry((key.level, name))
                        .or_default()
                        .push((value - true_value) as f64 / variance.sqrt());
                }
            }
        }
        let mut report = Vec::new();
        for ((level, name), z) in &z {
            let n = z.len() as f64;
            let mean = z.iter().sum::<f64>() / n;
            let sd = (z.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
            report.push(format!("{level:?} {name}: mean {mean:.2} sd {sd:.2}"));
            assert!(
                (0.8..1.2).contains(&sd),
                "{level:?} {name}: errors have {sd:.2} of the stated sd"
            );
            // Bins that are truly empty here (skipped, not scored) are pulled up to zero and
            // the total is kept, so the others sit a little low: measured at most 0.4 of
            // their stated sd at the portfolio, less below. docs/privacy.md says so.
            assert!(
                mean.abs() < 0.5,
                "{level:?} {name}: mean error {mean:.2} sd"
            );
        }
        report.sort();
        eprintln!("{}", report.join("\n"));
    }

    #[test]
    fn attack_small_cell_a_circle_of_three_is_almost_never_shown() {
        let (sessions, answers) = month(&[(1, 3), (1, 40)], content);
        let trials = 1000;
        let shown = (0..trials)
            .filter(|&seed| {
                decide(&released(&sessions, &answers, seed))[&circle_key(0, 1)][0].status
                    == Status::Shown
            })
            .count();
        assert!(
            shown * 1000 < 10 * trials as usize,
            "a circle of 3 was shown {shown} times in {trials}"
        );
    }

    #[test]
    fn a_circle_one_short_of_the_threshold_is_shown_at_most_one_time_in_a_hundred() {
        // k − 1 = 4 true responses beside a circle of 40: the released count must reach
        // k + m to be shown, which the rule lets happen at most 1 % of the time.
        let (sessions, answers) = month(&[(1, 4), (1, 40)], content);
        let trials = 2000;
        let shown = (0..trials)
            .filter(|&seed| {
                decide(&released(&sessions, &answers, seed))[&circle_key(0, 1)][0].status
                    == Status::Shown
            })
            .count();
        assert!(
            shown * 100 <= trials as usize,
            "a circle of 4 was shown {shown} times in {trials}"
        );
    }

    #[test]
    fn attack_differencing_never_leaves_exactly_one_hidden_circle_under_a_shown_program() {
        let (sessions, answers) = month(&[(1, 3), (1, 12), (1, 30)], content);
        for seed in 0..300 {
            let d = decide(&released(&sessions, &answers, seed));
            if d[&program_key(1)][0].status != Status::Shown {
                continue;
            }
            let hidden = (0..3)
                .filter(|c| d[&circle_key(*c, 1)][0].status == Status::Hidden)
                .count();
            assert_ne!(
                hidden, 1,
                "seed {seed}: program total minus the shown circles isolates the hidden one"
            );
        }
    }

    #[test]
    fn attack_split_one_newcomer_is_never_shown_as_a_first_time_count() {
        let (sessions, answers) = month(&[(1, 40)], |i| {
            let mut a = content(i);
            a.first_time = Some(i == 0);
            a
        });
        let trials = 500;
        let exposed = (0..trials)
            .filter(|&seed| {
                !decide(&released(&sessions, &answers, seed))[&program_key(1)][0].split_hidden
            })
            .count();
        assert!(
            exposed * 100 < trials as usize,
            "a lone newcomer's split was shown {exposed} times in {trials}"
        );
    }

    /// The largest and smallest ratio, over buckets with enough draws to estimate one,
    /// between the released distributions of one count whose true values are `a` and `b`,
    /// under `dist`, over 100,000 seeded draws each. Outcomes are pooled into buckets of a
    /// few values: a bucket's probabilities obey the same bound as each value's, and wide
    /// noise needs them to be estimable.
    fn bucket_ratios(dist: crate::sampler::DiscreteLaplace, a: i64, b: i64) -> (f64, f64, usize) {
        let trials = 100_000u64;
        let width = (dist.scale().to_f64() / 3.0).floor().max(1.0) as i64;
        let histogram = |true_value: i64, seed: u64| {
            let mut rng = seeded_rng(seed);
            let mut h: HashMap<i64, u64> = HashMap::new();
            for _ in 0..trials {
                let outcome = true_value + dist.sample(&mut rng);
                *h.entry(outcome.div_euclid(width)).or_default() += 1;
            }
            h
        };
        let (ha, hb) = (histogram(a, 1), histogram(b, 2));
        let (mut most, mut least, mut checked) = (0.0_f64, f64::INFINITY, 0);
        for (value, &na) in &ha {
            let nb = *hb.get(value).unwrap_or(&0);
            if na < 4000 || nb < 4000 {
                continue; // too few samples to estimate a ratio
            }
            checked += 1;
            let ratio = na as f64 / nb as f64;
            most = most.max(ratio);
            least = least.min(ratio);
        }
        (most, least, checked)
    }

    /// One person's `answers` answers added to a month of 20 (all alike, so they move the
    /// same counts), under the discrete Laplace (pure DP) planned for `planned` answers a
    /// person: for each measurement of the plan, the released distribution of the first
    /// count they move, before and after, as (measurement, largest and smallest bucket
    /// ratio, buckets compared, the bound e^(ε/Δ) for the person's share ε of the budget).
    fn person_added(
        planned: u32,
        answers: usize,
        measurements: &[crate::plan::Measurement],
    ) -> Vec<(crate::plan::Measurement, f64, f64, usize, f64)> {
        let mut settings = PrivacySettings::default();
        settings.set("privacy.mechanism", "laplace").unwrap();
        settings
            .set("privacy.answers_per_person", &planned.to_string())
            .unwrap();
        let noise = plan::noise(&settings).unwrap();
        let (sessions, d) = month(&[(1, 20)], content);
        let mut d_prime = d.clone();
        for _ in 0..answers {
            let mut extra = content(1);
            extra.set_helped(Helped::ALL[0]);
            d_prime.push((0, extra));
        }
        measurements
            .iter()
            .map(|m| {
                // The person's share of the budget for this measurement.
                let epsilon = settings.budget.checked_mul(m.share()).unwrap().to_f64();
                let key = match m.level {
                    Level::CircleMonth => circle_key(0, 1),
                    Level::ProgramMonth => program_key(1),
                    _ => CellKey {
                        level: m.level,
                        program_id: None,
                        circle_id: None,
                        period: "2026-10".parse().unwrap(),
                    },
                };
                // The one count of the group's first histogram that the answers move.
                let h = m.group.histograms().next().unwrap();
                let (a_counts, b_counts) = (
                    naive_counts(&d, &sessions, &key),
                    naive_counts(&d_prime, &sessions, &key),
                );
                let at = h
                    .positions()
                    .into_iter()
                    .find(|&p| a_counts[p] != b_counts[p])
                    .expect("the added answers move one count");
                assert_eq!(b_counts[at] - a_counts[at], answers as i64, "{m:?}");
                let dist = match noise[&(m.level, m.group)] {
                    Noise::Laplace { dist, .. } => dist,
                    Noise::Gaussian { .. } => unreachable!(),
                };
                // And the measurement's noise is the one the release draws from.
                let measured = true_counts(&sessions, &d).measure(&noise, &mut seeded_rng(5));
                assert!(
                    measured.cells()[&key][at].is_some(),
                    "{m:?} is measured at its level"
                );
                let (most, least, checked) = bucket_ratios(dist, a_counts[at], b_counts[at]);
                let bound = (epsilon / m.group.l1() as f64).exp();
                (*m, most, least, checked, bound)
            })
            .collect()
    }

    fn assert_within_bounds(results: &[(crate::plan::Measurement, f64, f64, usize, f64)]) {
        for (m, most, least, checked, bound) in results {
            assert!(*checked >= 3, "{m:?}: too few bins to test ({checked})");
            assert!(
                *most < bound * 1.1 && 1.0 / least < bound * 1.1,
                "{m:?}: ratios {most:.3} / {least:.3} vs e^(ε/Δ) {bound:.3}"
            );
        }
    }

    #[test]
    fn neighbouring_datasets_stay_within_e_to_the_epsilon_for_every_measurement() {
        // One response added; under the discrete Laplace (pure DP), each count it moves
        // must change its released distribution by a factor of at most e^(ε/Δ), so the Δ
        // counts of a measurement together by at most e^ε: each measurement's share.
        assert_within_bounds(&person_added(1, 1, &PLAN));
    }

    #[test]
    fn a_weekly_attenders_four_answers_stay_within_the_budget_when_it_is_planned_per_person() {
        // Planned for 4 answers a person (privacy.answers_per_person = 4): each answer gets
        // ε/4, and one person's four answers — all alike, so in the same counts — move the
        // released distributions by at most the person's e^(ε/Δ) per count.
        assert_within_bounds(&person_added(4, 4, &PLAN));
    }

    #[test]
    fn planned_for_one_answer_a_weekly_attenders_four_answers_exceed_the_budget() {
        // The other side, so the test above can fail: planned per answer, four answers of
        // one person move a count four times as far, and the ratio goes well past the
        // person's bound (towards e^(4ε/Δ)): protection per answer is not per person.
        let results = person_added(1, 4, &PLAN[..1]);
        let (m, most, least, checked, bound) = results[0];
        assert!(checked >= 3, "{m:?}: too few bins to test ({checked})");
        assert!(
            most.max(1.0 / least) > bound * 1.5,
            "{m:?}: four answers moved the release only by {most:.3} / {least:.3}, within e^(ε/Δ) {bound:.3}"
        );
    }
}
