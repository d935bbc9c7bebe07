//! The privacy ledger: every measurement's spend, and the budget check that refuses a
//! release that would overspend.
//!
//! # Privacy
//! The budget is per program per month of responses. A month's release records one row
//! per measurement of the plan (level, group, mechanism, exact scale and sensitivity, its
//! spend, the cells it covers, the budget in force) and, for each, which programs' months
//! it spends from. A quarter measures nothing and records nothing. Before anything is
//! read, and again inside the release's transaction under the release lock, the ledger's
//! spends plus the new ones are checked against the budget of every (program, month).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use domain::store::random_id;
use domain::{ProgramId, ReleaseId};
use sqlx::{AnyConnection, Row};

use crate::CODE_VERSION;
use crate::budget::{Mechanism, PrivacySettings};
use crate::consistency::Released;
use crate::period::Period;
use crate::pipeline::SessionInfo;
use crate::plan::{self, PLAN};
use crate::release_error::{OverBudget, ReleaseError};
use crate::sampler::Rational;
use crate::zcdp::{self, DELTA};

/// ε at δ = 10⁻⁶ for a spend in the mechanism's unit: the tight conversion from ρ
/// (Canonne, Kamath and Steinke 2020); a pure-DP ε is itself.
pub fn epsilon(unit: &str, spend: f64) -> f64 {
    if unit == Mechanism::Gaussian.unit() {
        zcdp::epsilon_at(spend, DELTA)
    } else {
        spend
    }
}

/// Refuses a release that would take any (program, month) past its budget: the budget in
/// force, or the smallest budget recorded with that month's earlier spends if lower.
pub(crate) async fn check_budget(
    conn: &mut AnyConnection,
    period: Period,
    settings: &PrivacySettings,
    sessions: &[SessionInfo],
) -> Result<(), ReleaseError> {
    if period.is_quarter() {
        // A quarter is the sum of its released months: it spends nothing.
        return Ok(());
    }
    let needed = plan::month_spend(settings)?;
    let programs: BTreeSet<ProgramId> = sessions.iter().map(|s| s.program_id).collect();
    let months: Vec<String> = period.months().iter().map(ToString::to_string).collect();
    let spent = spent_by(conn, &months, settings.mechanism).await?;
    for program in programs {
        for month in &months {
            let (already, recorded) = spent
                .get(&(program, month.clone()))
                .copied()
                .unwrap_or((Rational::integer(0), None));
            let in_force = settings.per_response_budget()?;
            let budget = recorded.map_or(in_force, |r| r.min(in_force));
            if already.checked_add(needed)? > budget {
                let name: String = sqlx::query_scalar("select name from program where id = $1")
                    .bind(program)
                    .fetch_one(&mut *conn)
                    .await?;
                let left = budget.checked_sub(already).unwrap_or(Rational::integer(0));
                return Err(ReleaseError::OverBudget(Box::new(OverBudget {
                    period,
                    program: name,
                    month: month.clone(),
                    unit: settings.mechanism.unit(),
                    needed: needed.to_string(),
                    left: left.to_string(),
                    budget: budget.to_string(),
                })));
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
) -> Result<HashMap<(ProgramId, String), (Rational, Option<Rational>)>, ReleaseError> {
    let mut spent: HashMap<(ProgramId, String), (Rational, Option<Rational>)> = HashMap::new();
    for month in months {
        let rows = sqlx::query(
            "select s.program_id, l.unit, l.spend, l.budget from ledger_scope s join ledger l on l.id = s.ledger_id where s.month = $1",
        )
        .bind(month)
        .fetch_all(&mut *conn)
        .await?;
        for row in rows {
            let program: ProgramId = row.try_get("program_id")?;
            let unit: String = row.try_get("unit")?;
            let spend: Rational = row.try_get::<String, _>("spend")?.parse()?;
            let spend = match (mechanism, unit.as_str()) {
                (Mechanism::Gaussian, "rho") | (Mechanism::Laplace, "epsilon") => spend,
                (Mechanism::Gaussian, _) => spend
                    .checked_mul(spend)?
                    .checked_div(Rational::integer(2))?,
                (Mechanism::Laplace, _) => return Err(ReleaseError::MixedUnits(month.clone())),
            };
            let budget: Rational = row.try_get::<String, _>("budget")?.parse()?;
            let slot = spent
                .entry((program, month.clone()))
                .or_insert((Rational::integer(0), None));
            slot.0 = slot.0.checked_add(spend)?;
            slot.1 = Some(slot.1.map_or(budget, |b: Rational| b.min(budget)));
        }
    }
    Ok(spent)
}

pub(crate) async fn write_ledger(
    conn: &mut AnyConnection,
    release_id: ReleaseId,
    period: Period,
    settings: &PrivacySettings,
    released: &Released,
    now: i64,
) -> Result<(), ReleaseError> {
    if period.is_quarter() {
        return Ok(());
    }
    let noise = plan::noise(settings)?;
    let all_programs: BTreeSet<ProgramId> = released
        .cells()
        .keys()
        .filter_map(|k| k.program_id)
        .collect();
    for m in &PLAN {
        let cells = released
            .cells()
            .keys()
            .filter(|k| k.level == m.level)
            .count();
        let programs: BTreeSet<ProgramId> = match m.level {
            crate::budget::Level::PortfolioMonth => all_programs.clone(),
            level => released
                .cells()
                .keys()
                .filter(|k| k.level == level)
                .filter_map(|k| k.program_id)
                .collect(),
        };
        let noise = noise[&(m.level, m.group)];
        let sensitivity = match settings.mechanism {
            Mechanism::Gaussian => format!("L2²={}", m.group.l2_squared()),
            Mechanism::Laplace => format!("L1={}", m.group.l1()),
        };
        let ledger_id = loop {
            let id = random_id();
            let inserted = sqlx::query(
                "insert into ledger (id, release_id, level, measure_group, mechanism, unit, spend, scale, sensitivity, cells, budget, answers_per_person, code_version, spent_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) on conflict do nothing",
            )
            .bind(id)
            .bind(release_id)
            .bind(m.level.key())
            .bind(m.group.key())
            .bind(settings.mechanism.key())
            .bind(settings.mechanism.unit())
            .bind(noise.spend().to_string())
            .bind(noise.scale().to_string())
            .bind(sensitivity.clone())
            .bind(cells as i32)
            .bind(settings.per_response_budget()?.to_string())
            .bind(settings.answers_per_person as i32)
            .bind(CODE_VERSION)
            .bind(now)
            .execute(&mut *conn)
            .await?;
            if inserted.rows_affected() == 1 {
                break id;
            }
        };
        for &program in &programs {
            sqlx::query(
                "insert into ledger_scope (ledger_id, program_id, month) values ($1, $2, $3)",
            )
            .bind(ledger_id)
            .bind(program)
            .bind(period.to_string())
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// What one answer of a (program, month) has lost across all stored releases, and how
/// many answers a person that month's budget was planned for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthLoss {
    /// The unit the loss is counted in (`rho` or `epsilon`).
    pub unit: String,
    /// The loss of one answer, exact.
    pub spend: Rational,
    /// The fewest answers a person any of the month's spends was planned for.
    pub answers_per_person: u32,
}

impl MonthLoss {
    pub fn mechanism(&self) -> Mechanism {
        if self.unit == Mechanism::Gaussian.unit() {
            Mechanism::Gaussian
        } else {
            Mechanism::Laplace
        }
    }

    /// ε at δ = 10⁻⁶ of one answer.
    pub fn epsilon(&self) -> f64 {
        epsilon(&self.unit, self.spend.to_f64())
    }

    /// The protection of someone who answered `answers` times that month.
    pub fn person(
        &self,
        answers: u32,
        neighbour: crate::person::Neighbour,
    ) -> Result<crate::person::Protection, crate::sampler::RationalError> {
        crate::person::protection(self.mechanism(), self.spend, answers, neighbour)
    }
}

/// One ledger entry's spend on a (program, month), as [`losses`] reads it.
struct Spend {
    unit: String,
    spend: Rational,
    answers_per_person: i32,
}

/// What one answer of each (program, month) has lost across all stored releases.
/// Pure-ε spends are counted as ρ = ε²/2 when a month also holds ρ spends (as the budget
/// check counts them); a month of ε spends only stays in ε.
pub async fn losses(
    conn: &mut AnyConnection,
) -> Result<BTreeMap<(ProgramId, String), MonthLoss>, ReleaseError> {
    let rows = sqlx::query(
        "select s.program_id, s.month, l.unit, l.spend, l.answers_per_person from ledger_scope s join ledger l on l.id = s.ledger_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut spends: BTreeMap<(ProgramId, String), Vec<Spend>> = BTreeMap::new();
    for row in rows {
        spends
            .entry((row.try_get("program_id")?, row.try_get("month")?))
            .or_default()
            .push(Spend {
                unit: row.try_get("unit")?,
                spend: row.try_get::<String, _>("spend")?.parse()?,
                answers_per_person: row.try_get("answers_per_person")?,
            });
    }
    let rho = Mechanism::Gaussian.unit();
    let mut out = BTreeMap::new();
    for (key, list) in spends {
        let unit = if list.iter().any(|s| s.unit == rho) {
            rho.to_owned()
        } else {
            Mechanism::Laplace.unit().to_owned()
        };
        let mut total = Rational::integer(0);
        let mut planned = u32::MAX;
        for Spend {
            unit: spent_in,
            spend,
            answers_per_person,
        } in list
        {
            let spend = if spent_in == unit {
                spend
            } else {
                spend
                    .checked_mul(spend)?
                    .checked_div(Rational::integer(2))?
            };
            total = total.checked_add(spend)?;
            planned = planned.min(answers_per_person.max(1) as u32);
        }
        out.insert(
            key,
            MonthLoss {
                unit,
                spend: total,
                answers_per_person: planned,
            },
        );
    }
    Ok(out)
}
