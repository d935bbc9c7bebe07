//! The privacy ledger, in plain words with its exact figures.

use analytics::budget;
use analytics::budget::Level;
use analytics::ledger;
use analytics::measure::Group;
use analytics::view::{self, LedgerEntry};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use collector::catalog;

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
            .map_or(l.sensitivity.clone(), |(_, n)| {
                format!("{n} count{}", if n == "1" { "" } else { "s" })
            });
        let variance = match l.scale.parse::<analytics::sampler::Rational>() {
            Ok(scale) if l.mechanism == "discrete_gaussian" => format!("{:.1}", scale.to_f64()),
            _ => format!("Laplace scale {}", l.scale),
        };
        Spend {
            level: Level::from_key(&l.level).map_or(l.level.clone(), |v| v.label().to_owned()),
            figures: Group::from_key(&l.group).map_or(l.group.clone(), |g| g.label().to_owned()),
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
    spent: String,
    epsilon: String,
}

#[derive(Template)]
#[template(path = "admin_ledger.html")]
struct LedgerPage {
    chrome: Chrome,
    /// Every spend, by release (period), newest first.
    releases: Vec<(String, Vec<Spend>)>,
    spends: Vec<MonthSpend>,
    budget: String,
    unit: &'static str,
}

pub(crate) async fn ledger(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let entries = view::ledger(&dash.store).await?;
    let settings = budget::load_settings(&dash.store).await?;
    let names: std::collections::HashMap<i32, String> = catalog::programs(&dash.store)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut conn = dash.store.pool().acquire().await?;
    let losses = ledger::losses(&mut conn).await?;
    let mut spends: Vec<MonthSpend> = losses
        .into_iter()
        .map(|((program, month), (unit, spent))| MonthSpend {
            program: names
                .get(&program)
                .cloned()
                .unwrap_or_else(|| format!("program {program}")),
            month,
            epsilon: format!("{:.2}", ledger::epsilon(&unit, spent.to_f64())),
            spent: format!("{unit} = {spent}"),
        })
        .collect();
    spends.sort_by(|a, b| (&b.month, &a.program).cmp(&(&a.month, &b.program)));
    let mut releases: Vec<(String, Vec<Spend>)> = vec![];
    for entry in entries {
        let period = entry.period.to_string();
        match releases.last_mut() {
            Some((p, list)) if *p == period => list.push(Spend::of(entry)),
            _ => releases.push((period, vec![Spend::of(entry)])),
        }
    }
    releases.reverse();
    signed.render(&LedgerPage {
        chrome: signed.chrome("Privacy ledger"),
        releases,
        spends,
        budget: settings.budget.to_string(),
        unit: settings.mechanism.unit(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ledger_row_reads_in_plain_words_with_its_exact_figures() {
        let row = Spend::of(LedgerEntry {
            period: "2026-10".parse().unwrap(),
            level: "circle_month".into(),
            group: "items".into(),
            mechanism: "discrete_gaussian".into(),
            unit: "rho".into(),
            spend: "11/50".into(),
            scale: "100/11".into(),
            sensitivity: "L2²=8".into(),
            cells: 12,
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
