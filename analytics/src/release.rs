//! Releasing a closed period: the whole pipeline, and the one transaction that stores its
//! result with its ledger entries.
//!
//! # Privacy
//! A period is released once. Its cells come from the catalog; its counts get exact
//! integer noise calibrated to each measure group's sensitivity and budget share; every
//! spend is written to the ledger in the same transaction as the release, and a release
//! that would take any program's month past its budget is refused before anything is
//! read. Noise is drawn in batch here, never per request, so nobody can time the sampler.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use collector::Store;
use collector::store::random_id;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use rand::Rng;
use rand_distr::Distribution;
use sqlx::{AnyConnection, Row};

use crate::budget::{Level, Mechanism, Noise, PrivacySettings, SettingsError};
use crate::measure::{Group, measures};
use crate::period::Period;
use crate::pipeline::{self, CellKey, PipelineError};
use crate::sampler::{Rational, RationalError, secure_rng, seeded_rng};
use crate::suppression::{self, Audience, Status, Thresholds};

pub const CODE_VERSION: &str = concat!("hearth ", env!("CARGO_PKG_VERSION"));

#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("{period} has not ended yet: it can be released from {from}")]
    NotOver { period: Period, from: NaiveDate },
    #[error("{period} still has {open} open session(s); it can be released once they close")]
    SessionsOpen { period: Period, open: i64 },
    #[error("{0} has been released already; the stored release stands (see `hearth release list`)")]
    AlreadyReleased(Period),
    #[error("no session was held in {0}: there is nothing to release")]
    Empty(Period),
    #[error(
        "{quarter} has been released already, so {month} can no longer be: months are released before their quarter"
    )]
    MonthAfterQuarter { month: Period, quarter: Period },
    #[error("release {months} first: a quarter is released after its months")]
    MonthsFirst { months: String },
    #[error(
        "releasing {period} would spend {unit} {needed} of program {program:?}'s budget for {month}, \
         which has {left} left of {budget}; lower the weights of the levels still to release \
         (a budget raised after a month has spent does not apply to that month)"
    )]
    OverBudget {
        period: Period,
        program: String,
        month: String,
        unit: &'static str,
        needed: String,
        left: String,
        budget: String,
    },
    #[error(
        "the ledger holds zCDP (ρ) spends for {0}, which cannot be counted against a pure-ε budget; keep the Gaussian mechanism"
    )]
    MixedUnits(String),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("privacy arithmetic: {0}")]
    Rational(#[from] RationalError),
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// How a release runs: where its randomness comes from and how it shows progress.
pub struct ReleaseOptions {
    /// `Some(seed)` only in tests and reproducible benchmarks; releases use the secure
    /// generator.
    pub seed: Option<u64>,
    pub progress: MultiProgress,
    /// Called after loading (`"loaded"`) and at the end (`"done"`): the benchmark reads
    /// peak memory there.
    pub checkpoint: Option<fn(&'static str)>,
}

impl ReleaseOptions {
    /// Secure noise; progress bars when standard error is a terminal, silence otherwise.
    pub fn new() -> ReleaseOptions {
        use std::io::IsTerminal;
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        ReleaseOptions {
            seed: None,
            progress: MultiProgress::with_draw_target(target),
            checkpoint: None,
        }
    }

    /// Secure noise, no progress bars (releases run by `serve`).
    pub fn seedless_quiet() -> ReleaseOptions {
        ReleaseOptions {
            seed: None,
            progress: MultiProgress::with_draw_target(ProgressDrawTarget::hidden()),
            checkpoint: None,
        }
    }

    /// A seeded, silent release (tests, benchmarks).
    pub fn seeded(seed: u64) -> ReleaseOptions {
        ReleaseOptions {
            seed: Some(seed),
            progress: MultiProgress::with_draw_target(ProgressDrawTarget::hidden()),
            checkpoint: None,
        }
    }

    fn stage(&self, message: &'static str) -> ProgressBar {
        let bar = self.progress.add(ProgressBar::new_spinner());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("a valid template"),
        );
        bar.set_message(message);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
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

/// Reads the stored settings over the defaults.
pub async fn load_settings(store: &Store) -> Result<PrivacySettings, ReleaseError> {
    let mut settings = PrivacySettings::default();
    let rows: Vec<(String, String)> =
        sqlx::query_as("select name, value from setting where name like 'privacy.%'")
            .fetch_all(store.pool())
            .await?;
    for (name, value) in rows {
        settings.set(&name, &value)?;
    }
    Ok(settings)
}

/// Checks and stores one setting.
pub async fn save_setting(
    store: &Store,
    name: &str,
    value: &str,
) -> Result<PrivacySettings, ReleaseError> {
    let mut settings = load_settings(store).await?;
    settings.set(name, value)?;
    let stored = settings
        .entries()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
        .unwrap_or_default();
    sqlx::query("insert into setting (name, value) values ($1, $2) on conflict (name) do update set value = excluded.value")
        .bind(name)
        .bind(stored)
        .execute(store.pool())
        .await?;
    Ok(settings)
}

/// The levels a period's release covers.
pub fn levels_of(period: Period) -> [Level; 2] {
    if period.is_quarter() {
        [Level::ProgramQuarter, Level::PortfolioQuarter]
    } else {
        [Level::CircleMonth, Level::ProgramMonth]
    }
}

/// Releases a closed period (see the module docs). `today` decides whether it has ended.
pub async fn release(
    store: &Store,
    period: Period,
    today: NaiveDate,
    options: &ReleaseOptions,
) -> Result<ReleaseSummary, ReleaseError> {
    if period.end() > today {
        return Err(ReleaseError::NotOver {
            period,
            from: period.end(),
        });
    }
    if already_released(store, period).await? {
        return Err(ReleaseError::AlreadyReleased(period));
    }
    // Closed sessions are sealed first, so what is read is final and in random order.
    let now = collector::catalog::now_unix();
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
    let settings = load_settings(store).await?;
    let sessions = pipeline::sessions_in(store, period).await?;
    if sessions.is_empty() {
        return Err(ReleaseError::Empty(period));
    }
    let forced = order_and_months(store, period, &sessions).await?;
    let keys = pipeline::key_set(period, &sessions);
    check_budget(
        &mut *store.pool().acquire().await?,
        period,
        &settings,
        &sessions,
    )
    .await?;

    let started = std::time::Instant::now();
    let stage = options.stage("loading responses");
    // The exact number of responses never leaves the crate, not even in a message.
    let responses = pipeline::load_responses(store, period, &sessions).await?;
    stage.finish_with_message("responses loaded");
    let load_seconds = started.elapsed().as_secs_f64();
    if let Some(checkpoint) = options.checkpoint {
        checkpoint("loaded");
    }

    let started = std::time::Instant::now();
    let stage = options.stage("counting cells");
    let counts = off_runtime({
        let (sessions, keys) = (sessions.clone(), keys.clone());
        move || pipeline::true_counts(period, responses, &sessions, &keys)
    })
    .await??;
    stage.finish_with_message(format!("counted {} cells", counts.len()));

    let stage = options.stage("adding noise");
    let noisy = match options.seed {
        Some(seed) => add_noise(&counts, &settings, &mut seeded_rng(seed))?,
        None => add_noise(&counts, &settings, &mut secure_rng())?,
    };
    drop(counts);
    stage.finish_with_message("noise added");

    let visibility = suppression::decide(&noisy, &SettingsThresholds(&settings), &forced);

    let stage = options.stage("storing the release and its ledger");
    store_release(store, period, &settings, &noisy, &visibility, &sessions).await?;
    stage.finish_with_message("release stored");
    if let Some(checkpoint) = options.checkpoint {
        checkpoint("done");
    }
    let spend = levels_of(period)
        .iter()
        .try_fold(Rational::integer(0), |acc, l| {
            acc.add(settings.level_spend(*l)?)
        })?;
    Ok(ReleaseSummary {
        period,
        cells: noisy.len(),
        spend_per_response_month: spend,
        unit: settings.mechanism.unit(),
        timings: (load_seconds, started.elapsed().as_secs_f64()),
    })
}

/// Months are released before their quarter. For a quarter, returns what its stored
/// months force: a program quarter whose program had exactly one month hidden (or one
/// month's first-time split hidden) is hidden too (or has its split hidden), or the
/// quarter minus the shown months would give the hidden month away.
async fn order_and_months(
    store: &Store,
    period: Period,
    sessions: &[pipeline::SessionInfo],
) -> Result<BTreeMap<CellKey, suppression::Forced>, ReleaseError> {
    let mut forced = BTreeMap::new();
    if !period.is_quarter() {
        if already_released(store, period.quarter()).await? {
            return Err(ReleaseError::MonthAfterQuarter {
                month: period,
                quarter: period.quarter(),
            });
        }
        return Ok(forced);
    }
    let held: BTreeSet<&str> = sessions.iter().map(|s| s.month.as_str()).collect();
    let mut missing = Vec::new();
    let mut months = Vec::new();
    for month in period.months() {
        if !held.contains(month.to_string().as_str()) {
            continue;
        }
        match crate::view::load_release(store, month).await? {
            Some(release) => months.push(release),
            None => missing.push(month.to_string()),
        }
    }
    if !missing.is_empty() {
        return Err(ReleaseError::MonthsFirst {
            months: missing.join(", "),
        });
    }
    let programs: BTreeSet<i32> = sessions.iter().map(|s| s.program_id).collect();
    for program in programs {
        let month_cells: Vec<&crate::view::StoredCell> = months
            .iter()
            .flat_map(|r| r.cells.iter())
            .filter(|c| c.key.level == Level::ProgramMonth && c.key.program_id == Some(program))
            .collect();
        let hidden = month_cells
            .iter()
            .filter(|c| c.manager != Status::Shown)
            .count();
        let split_hidden = month_cells
            .iter()
            .filter(|c| {
                c.manager != Status::Shown
                    || c.counts[crate::measure::position("first_time_yes").unwrap()].manager_hidden
            })
            .count();
        let key = CellKey {
            level: Level::ProgramQuarter,
            program_id: Some(program),
            circle_id: None,
            period: period.to_string(),
        };
        forced.insert(
            key,
            suppression::Forced {
                cell: hidden == 1,
                split: split_hidden == 1,
            },
        );
    }
    Ok(forced)
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
        .map_err(|e| PipelineError::Url(format!("cannot start a worker thread: {e}")))?;
    result
        .await
        .map_err(|_| PipelineError::Url("the release worker stopped".into()))
}

pub async fn already_released(store: &Store, period: Period) -> Result<bool, sqlx::Error> {
    let found: Option<i32> = sqlx::query_scalar("select id from data_release where period = $1")
        .bind(period.to_string())
        .fetch_optional(store.pool())
        .await?;
    Ok(found.is_some())
}

struct SettingsThresholds<'a>(&'a PrivacySettings);

impl Thresholds for SettingsThresholds<'_> {
    fn cell_from(&self, level: Level, audience: Audience) -> i64 {
        self.0
            .show_from(level, Group::Responses, self.k(audience))
            .unwrap_or(i64::MAX)
    }

    fn split_from(&self, level: Level, audience: Audience) -> i64 {
        self.0
            .show_from(level, Group::FirstTime, self.k(audience))
            .unwrap_or(i64::MAX)
    }
}

impl SettingsThresholds<'_> {
    fn k(&self, audience: Audience) -> u32 {
        match audience {
            Audience::Manager => self.0.manager_threshold,
            Audience::Funder => self.0.funder_threshold,
        }
    }
}

/// Adds noise to every count, cells in key order and measures in measure order, so a
/// seeded release is the same whatever order the responses were read in. Noisy counts are
/// clamped to 0 and above (post-processing).
fn add_noise<R: Rng>(
    counts: &BTreeMap<CellKey, Vec<i64>>,
    settings: &PrivacySettings,
    rng: &mut R,
) -> Result<BTreeMap<CellKey, Vec<i64>>, RationalError> {
    let mut noise: HashMap<(Level, Group), Noise> = HashMap::new();
    for key in counts.keys() {
        for group in Group::ALL {
            if let std::collections::hash_map::Entry::Vacant(slot) = noise.entry((key.level, group))
            {
                slot.insert(settings.noise(key.level, group)?);
            }
        }
    }
    Ok(counts
        .iter()
        .map(|(key, values)| {
            let noisy = values
                .iter()
                .zip(measures())
                .map(|(&value, measure)| {
                    let draw = match noise[&(key.level, measure.group)] {
                        Noise::Gaussian { dist, .. } => dist.sample(rng),
                        Noise::Laplace { dist, .. } => dist.sample(rng),
                    };
                    value.saturating_add(draw).max(0)
                })
                .collect();
            (key.clone(), noisy)
        })
        .collect())
}

/// Refuses a release that would take any (program, month) past its budget: the budget in
/// force, or the smallest budget recorded with that month's earlier spends if lower.
async fn check_budget(
    conn: &mut AnyConnection,
    period: Period,
    settings: &PrivacySettings,
    sessions: &[pipeline::SessionInfo],
) -> Result<(), ReleaseError> {
    let needed = levels_of(period)
        .iter()
        .try_fold(Rational::integer(0), |acc, l| {
            acc.add(settings.level_spend(*l)?)
        })?;
    let programs: BTreeSet<i32> = sessions.iter().map(|s| s.program_id).collect();
    let months: Vec<String> = period.months().iter().map(ToString::to_string).collect();
    let spent = spent_by(conn, &months, settings.mechanism).await?;
    for program in programs {
        for month in &months {
            let (already, recorded) = spent
                .get(&(program, month.clone()))
                .copied()
                .unwrap_or((Rational::integer(0), None));
            let budget = recorded.map_or(settings.budget, |r| r.min(settings.budget));
            if already.add(needed)? > budget {
                let name: String = sqlx::query_scalar("select name from program where id = $1")
                    .bind(program)
                    .fetch_one(&mut *conn)
                    .await?;
                let left = budget.checked_sub(already).unwrap_or(Rational::integer(0));
                return Err(ReleaseError::OverBudget {
                    period,
                    program: name,
                    month: month.clone(),
                    unit: settings.mechanism.unit(),
                    needed: needed.to_string(),
                    left: left.to_string(),
                    budget: budget.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// What the ledger says each (program, month) has spent, in the unit of `mechanism`, and
/// the smallest budget recorded with those spends. Pure-ε spends count as ρ = ε²/2 under
/// the Gaussian; ρ spends cannot be counted as ε.
pub async fn spent_by(
    conn: &mut AnyConnection,
    months: &[String],
    mechanism: Mechanism,
) -> Result<HashMap<(i32, String), (Rational, Option<Rational>)>, ReleaseError> {
    let mut spent: HashMap<(i32, String), (Rational, Option<Rational>)> = HashMap::new();
    for month in months {
        let rows = sqlx::query(
            "select s.program_id, l.unit, l.spend, l.budget from ledger_scope s join ledger l on l.id = s.ledger_id where s.month = $1",
        )
        .bind(month)
        .fetch_all(&mut *conn)
        .await?;
        for row in rows {
            let program: i32 = row.try_get("program_id")?;
            let unit: String = row.try_get("unit")?;
            let spend: Rational = row.try_get::<String, _>("spend")?.parse()?;
            let spend = match (mechanism, unit.as_str()) {
                (Mechanism::Gaussian, "rho") | (Mechanism::Laplace, "epsilon") => spend,
                (Mechanism::Gaussian, _) => spend.mul(spend)?.div(Rational::integer(2))?,
                (Mechanism::Laplace, _) => return Err(ReleaseError::MixedUnits(month.clone())),
            };
            let budget: Rational = row.try_get::<String, _>("budget")?.parse()?;
            let slot = spent
                .entry((program, month.clone()))
                .or_insert((Rational::integer(0), None));
            slot.0 = slot.0.add(spend)?;
            slot.1 = Some(slot.1.map_or(budget, |b: Rational| b.min(budget)));
        }
    }
    Ok(spent)
}

const COUNT_ROWS_PER_INSERT: usize = 64;

async fn store_release(
    store: &Store,
    period: Period,
    settings: &PrivacySettings,
    noisy: &BTreeMap<CellKey, Vec<i64>>,
    visibility: &BTreeMap<CellKey, [suppression::Visibility; 2]>,
    sessions: &[pipeline::SessionInfo],
) -> Result<(), ReleaseError> {
    let now = collector::catalog::now_unix();
    let mut tx = store.pool().begin().await?;
    // One release at a time, whatever process runs it; then the budget again, now that no
    // other release can spend between the check and the commit.
    sqlx::query("update release_lock set id = id where id = 1")
        .execute(&mut *tx)
        .await?;
    check_budget(&mut tx, period, settings, sessions).await?;
    let release_id = loop {
        let id = random_id();
        let inserted = sqlx::query(
            "insert into data_release (id, period, mechanism, manager_threshold, funder_threshold, code_version, released_at) \
             values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing",
        )
        .bind(id)
        .bind(period.to_string())
        .bind(settings.mechanism.key())
        .bind(settings.manager_threshold as i32)
        .bind(settings.funder_threshold as i32)
        .bind(CODE_VERSION)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            break id;
        }
        // Either the id collided or the period was released meanwhile.
        let taken: Option<i32> =
            sqlx::query_scalar("select id from data_release where period = $1")
                .bind(period.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(ReleaseError::AlreadyReleased(period));
        }
    };
    let split: BTreeSet<&str> = ["first_time_yes", "first_time_no"].into_iter().collect();
    for (cell, (key, counts)) in noisy.iter().enumerate() {
        let [manager, funder] = visibility[key];
        sqlx::query(
            "insert into release_cell (release_id, cell, level, program_id, circle_id, period, manager_status, funder_status) \
             values ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(release_id)
        .bind(cell as i32)
        .bind(key.level.key())
        .bind(key.program_id)
        .bind(key.circle_id)
        .bind(&key.period)
        .bind(manager.status.key())
        .bind(funder.status.key())
        .execute(&mut *tx)
        .await?;
        let rows: Vec<(&str, i64, bool, bool)> = measures()
            .iter()
            .zip(counts)
            .map(|(m, &value)| {
                let in_split = split.contains(m.name.as_str());
                let hidden = |v: suppression::Visibility| {
                    v.status != Status::Shown || (in_split && v.split_hidden)
                };
                (m.name.as_str(), value, hidden(manager), hidden(funder))
            })
            .collect();
        for chunk in rows.chunks(COUNT_ROWS_PER_INSERT) {
            insert_counts(&mut tx, release_id, cell as i32, chunk).await?;
        }
    }
    write_ledger(&mut tx, release_id, period, settings, noisy, sessions, now).await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_counts(
    conn: &mut AnyConnection,
    release_id: i32,
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

async fn write_ledger(
    conn: &mut AnyConnection,
    release_id: i32,
    period: Period,
    settings: &PrivacySettings,
    noisy: &BTreeMap<CellKey, Vec<i64>>,
    sessions: &[pipeline::SessionInfo],
    now: i64,
) -> Result<(), ReleaseError> {
    let months: Vec<String> = period.months().iter().map(ToString::to_string).collect();
    let all_programs: BTreeSet<i32> = sessions.iter().map(|s| s.program_id).collect();
    for level in levels_of(period) {
        let cells = noisy.keys().filter(|k| k.level == level).count();
        let programs: BTreeSet<i32> = if level == Level::PortfolioQuarter {
            all_programs.clone()
        } else {
            noisy
                .keys()
                .filter(|k| k.level == level)
                .filter_map(|k| k.program_id)
                .collect()
        };
        for group in Group::ALL {
            let noise = settings.noise(level, group)?;
            let sensitivity = match settings.mechanism {
                Mechanism::Gaussian => format!("L2²={}", group.l2_squared()),
                Mechanism::Laplace => format!("L1={}", group.l1()),
            };
            let ledger_id = loop {
                let id = random_id();
                let inserted = sqlx::query(
                    "insert into ledger (id, release_id, level, measure_group, mechanism, unit, spend, scale, sensitivity, cells, budget, code_version, spent_at) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict do nothing",
                )
                .bind(id)
                .bind(release_id)
                .bind(level.key())
                .bind(group.key())
                .bind(settings.mechanism.key())
                .bind(settings.mechanism.unit())
                .bind(noise.spend().to_string())
                .bind(noise.scale().to_string())
                .bind(sensitivity.clone())
                .bind(cells as i32)
                .bind(settings.budget.to_string())
                .bind(CODE_VERSION)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                if inserted.rows_affected() == 1 {
                    break id;
                }
            };
            for &program in &programs {
                for month in &months {
                    sqlx::query("insert into ledger_scope (ledger_id, program_id, month) values ($1, $2, $3)")
                        .bind(ledger_id)
                        .bind(program)
                        .bind(month)
                        .execute(&mut *conn)
                        .await?;
                }
            }
        }
    }
    Ok(())
}

/// Releases every period that is due: ended at least `grace_hours` ago, with sessions,
/// and not released yet; months before their quarter. A period whose sessions are still
/// open, or that would overspend, is left for later (and said so in the log).
pub async fn release_due(store: &Store, grace_hours: u32) -> Result<Vec<Period>, ReleaseError> {
    let months: Vec<String> =
        sqlx::query_scalar("select distinct substr(held_on, 1, 7) from session order by 1")
            .fetch_all(store.pool())
            .await?;
    let mut candidates: Vec<Period> = Vec::new();
    for month in months {
        let Ok(month) = month.parse::<Period>() else {
            continue;
        };
        candidates.push(month);
        if !candidates.contains(&month.quarter()) {
            candidates.push(month.quarter());
        }
    }
    // Months first within each quarter: a quarter ends with its last month.
    candidates.sort_by_key(|p| (p.end(), p.is_quarter()));
    let now = chrono::Utc::now();
    let mut released = Vec::new();
    for period in candidates {
        let due = period
            .end()
            .and_hms_opt(0, 0, 0)
            .expect("midnight")
            .and_utc()
            + chrono::Duration::hours(i64::from(grace_hours));
        if due > now || already_released(store, period).await? {
            continue;
        }
        match release(
            store,
            period,
            now.date_naive(),
            &ReleaseOptions::seedless_quiet(),
        )
        .await
        {
            Ok(_) => {
                tracing::info!(release.period = %period, "released");
                released.push(period);
            }
            Err(ReleaseError::SessionsOpen { .. }) | Err(ReleaseError::AlreadyReleased(_)) => {}
            Err(error) => {
                tracing::warn!(release.period = %period, error = %error, "automatic release refused")
            }
        }
    }
    Ok(released)
}

/// Runs [`release_due`] at start and every hour, until the pool closes.
pub fn spawn_auto_release(store: Store, grace_hours: u32) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        while !store.pool().is_closed() {
            tick.tick().await;
            if let Err(error) = release_due(&store, grace_hours).await {
                if !store.pool().is_closed() {
                    tracing::warn!(error = %error, "automatic releases failed");
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_does_not_depend_on_anything_but_the_seed_and_the_counts() {
        let key = |c| CellKey {
            level: Level::CircleMonth,
            program_id: Some(1),
            circle_id: Some(c),
            period: "2026-10".into(),
        };
        let counts: BTreeMap<CellKey, Vec<i64>> = (0..4)
            .map(|c| (key(c), vec![c as i64 * 10; measures().len()]))
            .collect();
        let settings = PrivacySettings::default();
        let a = add_noise(&counts, &settings, &mut seeded_rng(9)).unwrap();
        let b = add_noise(&counts, &settings, &mut seeded_rng(9)).unwrap();
        let c = add_noise(&counts, &settings, &mut seeded_rng(10)).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(
            a.values().flatten().all(|&v| v >= 0),
            "noisy counts are clamped at 0"
        );
    }

    use crate::measure::position;
    use crate::suppression::{Status, decide};

    fn circle(c: i32, program: i32) -> CellKey {
        CellKey {
            level: Level::CircleMonth,
            program_id: Some(program),
            circle_id: Some(c),
            period: "2026-10".into(),
        }
    }

    fn program(p: i32) -> CellKey {
        CellKey {
            level: Level::ProgramMonth,
            program_id: Some(p),
            circle_id: None,
            period: "2026-10".into(),
        }
    }

    /// True counts of n responses that all answered first_time = no except `newcomers`.
    fn counts(n: i64, newcomers: i64) -> Vec<i64> {
        let mut v = vec![0; measures().len()];
        v[position("responses").unwrap()] = n;
        v[position("first_time_yes").unwrap()] = newcomers;
        v[position("first_time_no").unwrap()] = n - newcomers;
        v[position("belong_4").unwrap()] = n;
        v
    }

    #[test]
    fn attack_small_cell_a_circle_of_three_is_almost_never_shown() {
        let settings = PrivacySettings::default();
        let cells: BTreeMap<CellKey, Vec<i64>> = [
            (circle(1, 1), counts(3, 0)),
            (circle(2, 1), counts(40, 5)),
            (program(1), counts(43, 5)),
        ]
        .into_iter()
        .collect();
        let trials = 2000;
        let shown = (0..trials)
            .filter(|&seed| {
                let noisy = add_noise(&cells, &settings, &mut seeded_rng(seed)).unwrap();
                decide(&noisy, &SettingsThresholds(&settings), &BTreeMap::new())[&circle(1, 1)][0]
                    .status
                    == Status::Shown
            })
            .count();
        // Shown only if the noise is at least +5 at σ = 2: P ≈ 0.6 %. Allow up to 1.5 %.
        assert!(
            shown * 1000 < 15 * trials as usize,
            "a circle of 3 was shown {shown} times in {trials}"
        );
    }

    #[test]
    fn attack_differencing_never_leaves_exactly_one_hidden_circle_under_a_shown_program() {
        let settings = PrivacySettings::default();
        let cells: BTreeMap<CellKey, Vec<i64>> = [
            (circle(1, 1), counts(3, 1)),
            (circle(2, 1), counts(12, 2)),
            (circle(3, 1), counts(30, 4)),
            (program(1), counts(45, 7)),
        ]
        .into_iter()
        .collect();
        for seed in 0..500 {
            let noisy = add_noise(&cells, &settings, &mut seeded_rng(seed)).unwrap();
            let d = decide(&noisy, &SettingsThresholds(&settings), &BTreeMap::new());
            if d[&program(1)][0].status != Status::Shown {
                continue;
            }
            let hidden = (1..=3)
                .filter(|c| d[&circle(*c, 1)][0].status == Status::Hidden)
                .count();
            assert_ne!(
                hidden, 1,
                "seed {seed}: program total minus the shown circles isolates the hidden one"
            );
        }
    }

    #[test]
    fn attack_split_one_newcomer_is_never_shown_as_a_first_time_count() {
        let settings = PrivacySettings::default();
        let cells: BTreeMap<CellKey, Vec<i64>> =
            [(circle(1, 1), counts(40, 1)), (program(1), counts(40, 1))]
                .into_iter()
                .collect();
        let trials = 1000;
        let exposed = (0..trials)
            .filter(|&seed| {
                let noisy = add_noise(&cells, &settings, &mut seeded_rng(seed)).unwrap();
                !decide(&noisy, &SettingsThresholds(&settings), &BTreeMap::new())[&circle(1, 1)][0]
                    .split_hidden
            })
            .count();
        assert!(
            exposed * 100 < trials as usize,
            "a lone newcomer's split was shown {exposed} times in {trials}"
        );
    }

    #[test]
    fn neighbouring_datasets_stay_within_e_to_the_epsilon() {
        // One response added; the released response count's distribution must change by a
        // factor of at most e^ε at every value (pure DP, discrete Laplace).
        let mut settings = PrivacySettings::default();
        settings.set("privacy.mechanism", "laplace").unwrap();
        let epsilon = settings
            .noise(Level::CircleMonth, Group::Responses)
            .unwrap()
            .spend()
            .to_f64();
        let (d, d_prime) = (counts(20, 0), counts(21, 0));
        let trials = 200_000u64;
        let histogram = |true_counts: &Vec<i64>, seed: u64| {
            let cells: BTreeMap<CellKey, Vec<i64>> =
                [(circle(1, 1), true_counts.clone())].into_iter().collect();
            let mut rng = seeded_rng(seed);
            let mut h: HashMap<i64, u64> = HashMap::new();
            let noise = match settings
                .noise(Level::CircleMonth, Group::Responses)
                .unwrap()
            {
                Noise::Laplace { dist, .. } => dist,
                _ => unreachable!(),
            };
            for _ in 0..trials {
                *h.entry(cells[&circle(1, 1)][0] + noise.sample(&mut rng))
                    .or_default() += 1;
            }
            h
        };
        let (a, b) = (histogram(&d, 1), histogram(&d_prime, 2));
        let bound = epsilon.exp();
        let mut checked = 0;
        for (value, &na) in &a {
            let nb = *b.get(value).unwrap_or(&0);
            if na < 2000 || nb < 2000 {
                continue; // too few samples to estimate a ratio
            }
            checked += 1;
            let ratio = na as f64 / nb as f64;
            // Sampling error at ≥ 2000 per bin is a few percent: allow 15 %.
            assert!(
                ratio < bound * 1.15 && 1.0 / ratio < bound * 1.15,
                "value {value}: ratio {ratio:.3} vs e^ε {bound:.3}"
            );
        }
        assert!(checked >= 5, "too few bins to test ({checked})");
    }
}
