//! The privacy ledger, in plain words with its exact figures.

use analytics::budget;
use analytics::budget::Mechanism;
use analytics::ledger;
use analytics::person::Neighbour;
use analytics::view::{self, LedgerEntry};
use askama::Template;
use askama::filters::Safe;
use axum::extract::State;
use axum::response::Response;
use domain::ProgramId;
use domain::catalog;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError};

/// One ledger row in plain words, with its exact figures.
struct Spend {
    level: String,
    figures: String,
    spend: String,
    variance: String,
    moves: String,
    cells: i32,
    code_version: String,
}

impl Spend {
    fn of(l: LedgerEntry) -> Spend {
        let moves = l
            .sensitivity
            .split_once('=')
            .and_then(|(_, n)| n.parse::<i64>().ok())
            .map_or(l.sensitivity.clone(), |n| {
                crate::words::tr().count("ledger-counts", "n", n)
            });
        let variance = match l.scale.parse::<analytics::sampler::Rational>() {
            Ok(scale) if l.mechanism == Mechanism::Gaussian => format!("{:.1}", scale.to_f64()),
            _ => crate::words::tr().with("ledger-laplace-scale", "scale", &l.scale),
        };
        Spend {
            level: super::privacy::level_words(l.level),
            figures: super::privacy::group_words(l.group),
            spend: format!("{} = {}", l.unit, l.spend),
            variance,
            moves,
            cells: l.cells,
            code_version: l.code_version,
        }
    }
}

struct MonthSpend {
    program: String,
    month: String,
    /// One answer: what it spent (exact, in its unit), and as ε.
    spent: String,
    epsilon: String,
    /// The answers a person the month was planned for, and their ε together.
    planned: u32,
    planned_epsilon: String,
    /// A weekly attender's four answers, and one changed answer, as ε.
    weekly_epsilon: String,
    changed_epsilon: String,
}

impl MonthSpend {
    fn of(program: String, month: String, loss: &ledger::MonthLoss) -> Result<Self, StaffError> {
        let epsilon = |answers, neighbour| -> Result<String, StaffError> {
            Ok(format!("{:.1}", loss.person(answers, neighbour)?.epsilon))
        };
        Ok(MonthSpend {
            program,
            month,
            spent: format!("{} = {}", loss.unit, loss.spend),
            epsilon: format!("{:.1}", loss.epsilon()),
            planned: loss.answers_per_person,
            planned_epsilon: epsilon(loss.answers_per_person, Neighbour::AddOrRemove)?,
            weekly_epsilon: epsilon(4, Neighbour::AddOrRemove)?,
            changed_epsilon: epsilon(1, Neighbour::Change)?,
        })
    }
}

/// One release's spends, with the plan per person its month was spent under.
struct ReleaseSpends {
    period: String,
    /// "planned for 1 answer a person; each answer's budget ρ = 1".
    planned: String,
    spends: Vec<Spend>,
}

#[derive(Template)]
#[template(path = "admin_ledger.html")]
struct LedgerPage {
    chrome: Chrome,
    /// Every spend, by release (period), newest first.
    releases: Vec<ReleaseSpends>,
    spends: Vec<MonthSpend>,
    /// What a full budget means, with the budget in force per answer.
    full_budget: Safe<String>,
    /// "Budget in force: ρ = 1 a month per person answering up to 1 time."
    in_force: Safe<String>,
}

pub(crate) async fn ledger(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let entries = view::ledger(&dash.store).await?;
    let settings = budget::load_settings(&dash.store).await?;
    let names: std::collections::HashMap<ProgramId, String> = catalog::programs(&dash.store)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut conn = dash.store.pool().acquire().await?;
    let losses = ledger::losses(&mut conn).await?;
    let mut spends = losses
        .into_iter()
        .map(|((program, month), loss)| {
            let name = names.get(&program).cloned().unwrap_or_else(|| {
                crate::words::tr().with("ledger-program-fallback", "id", &program.to_string())
            });
            MonthSpend::of(name, month, &loss)
        })
        .collect::<Result<Vec<_>, _>>()?;
    spends.sort_by(|a, b| (&b.month, &a.program).cmp(&(&a.month, &b.program)));
    let mut releases: Vec<ReleaseSpends> = vec![];
    for entry in entries {
        let period = entry.period.to_string();
        match releases.last_mut() {
            Some(r) if r.period == period => r.spends.push(Spend::of(entry)),
            _ => releases.push(ReleaseSpends {
                planned: {
                    let tr = crate::words::tr();
                    let answers =
                        tr.count("ledger-answers", "n", i64::from(entry.answers_per_person));
                    tr.args(
                        "ledger-planned",
                        &[
                            ("answers", &answers),
                            ("unit", &entry.unit),
                            ("budget", &entry.budget),
                        ],
                    )
                },
                period,
                spends: vec![Spend::of(entry)],
            }),
        }
    }
    releases.reverse();
    let t = crate::words::t();
    let unit = settings.mechanism.unit();
    let budget = settings.budget.to_string();
    let per_answer = settings.per_response_budget()?.to_string();
    let times =
        t.0.count("ledger-times", "n", i64::from(settings.answers_per_person));
    signed.render(&LedgerPage {
        chrome: signed.chrome(t.0.get("ledger-title")),
        full_budget: t.args(
            "ledger-full-budget",
            &[
                ("n", &settings.answers_per_person),
                ("unit", &unit),
                ("per_answer", &per_answer),
            ],
        ),
        in_force: t.args(
            "ledger-in-force",
            &[("unit", &unit), ("budget", &budget), ("times", &times)],
        ),
        releases,
        spends,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ledger_row_reads_in_plain_words_with_its_exact_figures() {
        let row = Spend::of(LedgerEntry {
            period: "2026-10".parse().unwrap(),
            level: analytics::budget::Level::CircleMonth,
            group: analytics::measure::Group::Items,
            mechanism: Mechanism::Gaussian,
            unit: "rho".into(),
            spend: "11/50".into(),
            scale: "100/11".into(),
            sensitivity: "L2²=8".into(),
            cells: 12,
            budget: "1".into(),
            answers_per_person: 1,
            code_version: "hearth 0.1.0".into(),
            spent_at: 0,
        });
        assert_eq!(row.level, "a circle's month");
        assert_eq!(row.figures, "the eight statements (answers 1–5 or skipped)");
        assert_eq!(row.spend, "rho = 11/50");
        assert_eq!(row.variance, "9.1");
        assert_eq!(row.moves, "8 counts");
    }
}
