//! The measurement plan: what each month's release measures, at which level, with which
//! share of the budget, and why — derived from what the pages, reports and exports show.
//!
//! A month is measured as disjoint histograms (see [`crate::measure`]) at three levels:
//! each circle's month, each program's month and the whole portfolio's month. Nothing is
//! measured for a quarter: a quarter's counts are the sums of its months' released counts
//! (post-processing, free), so a quarter agrees with its months exactly and is released
//! without reading a single response.
//!
//! Why this split (ρ = 1 per response per month by default):
//! - Circle-month belonging and safety are what a manager reads most (trend, heatmap): the
//!   largest share, so a circle of 30 reads "% positive" within about ±8 points.
//! - Statement means are shown for circles and programs (the statement tables); one
//!   response moves eight of their counts, so they need a large share to be readable.
//! - First time / returning is shown per program month only; "what helped" per program
//!   quarter: both are measured at program month only (the quarter sums three months).
//! - Measuring the portfolio's month too costs a little and keeps the funder's portfolio
//!   figures tight however many programs there are: least squares over the tree
//!   ([`crate::consistency`]) spreads each level's measurement to the others.
//! - Nothing is spent on a figure no one sees (no first-time split or options per circle).
//!
//! # Privacy
//! Each measurement adds noise calibrated to its group's sensitivity and its share of the
//! budget. A response is in exactly one cell of each level, so a measurement costs it its
//! share once (parallel composition over cells); the measurements of a month add up
//! (sequential composition) to at most the budget — [`total_share`] is 1, tested. The
//! quarter spends nothing. The ledger records each measurement.

use std::collections::BTreeMap;

use crate::budget::{Level, Noise, PrivacySettings};
use crate::consistency::shape_noise;
use crate::figures::{self, BinNoise, CellNoise};
use crate::measure::Group;
use crate::sampler::{Rational, RationalError};

/// The plan releases are made under, stored with each release. Plan 1 measured every level
/// of every figure independently (releases stored under it are read as they are).
pub const PLAN_VERSION: i32 = 2;

/// One measurement of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measurement {
    pub level: Level,
    pub group: Group,
    /// Share of the budget, as numerator and denominator.
    share: (u128, u128),
    /// Where what it measures is shown.
    pub shown: &'static str,
}

impl Measurement {
    pub fn share(&self) -> Rational {
        Rational::new(self.share.0, self.share.1).expect("a valid share")
    }
}

const fn m(level: Level, group: Group, share: (u128, u128), shown: &'static str) -> Measurement {
    Measurement {
        level,
        group,
        share,
        shown,
    }
}

/// The plan, in the order the ledger lists it.
pub const PLAN: [Measurement; 10] = [
    m(
        Level::CircleMonth,
        Group::Indices,
        (27, 100),
        "circle page trend and program heatmap: belonging and safety % positive",
    ),
    m(
        Level::CircleMonth,
        Group::Items,
        (22, 100),
        "circle page statement table: means of the eight statements",
    ),
    m(
        Level::ProgramMonth,
        Group::Indices,
        (7, 100),
        "program overview trend; steadies the circles' and the funder's figures",
    ),
    m(
        Level::ProgramMonth,
        Group::Items,
        (21, 100),
        "program overview statement table; the funder's \"better off\" mean",
    ),
    m(
        Level::ProgramMonth,
        Group::FirstTime,
        (6, 100),
        "program overview: first-time and returning participants by month",
    ),
    m(
        Level::ProgramMonth,
        Group::Choices,
        (6, 100),
        "program overview: what helped and what got in the way (by quarter)",
    ),
    m(
        Level::PortfolioMonth,
        Group::Indices,
        (2, 100),
        "funder report: all programs' belonging and safety",
    ),
    m(
        Level::PortfolioMonth,
        Group::Items,
        (6, 100),
        "funder report: all programs' statement means",
    ),
    m(
        Level::PortfolioMonth,
        Group::FirstTime,
        (1, 100),
        "funder export: all programs' first-time split",
    ),
    m(
        Level::PortfolioMonth,
        Group::Choices,
        (2, 100),
        "funder export: all programs' options",
    ),
];

/// The plan's shares added up: what one response of a month loses, as a share of the
/// budget.
pub fn total_share() -> Rational {
    PLAN.iter()
        .try_fold(Rational::integer(0), |acc, m| acc.checked_add(m.share()))
        .expect("small shares")
}

/// The noise of every measurement under the given settings.
pub fn noise(settings: &PrivacySettings) -> Result<BTreeMap<(Level, Group), Noise>, RationalError> {
    PLAN.iter()
        .map(|m| Ok(((m.level, m.group), settings.noise(m.group, m.share())?)))
        .collect()
}

/// What one response of a month loses through a month's release, in the mechanism's unit:
/// the per-response budget (the budget ÷ m² or ÷ m for m answers a person).
pub fn month_spend(settings: &PrivacySettings) -> Result<Rational, RationalError> {
    settings.per_response_budget()?.checked_mul(total_share())
}

/// The shape the accuracy table assumes: circles per program, programs in the portfolio.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub circles: usize,
    pub programs: usize,
}

impl Default for Shape {
    /// The demo network's shape, near enough: five circles a program, three programs.
    fn default() -> Shape {
        Shape {
            circles: 5,
            programs: 3,
        }
    }
}

/// One row of the accuracy table: the 90 % margins of error that the noise alone puts on
/// an index's "% positive" (at 70 % positive) and on a statement mean (at a mean of 4),
/// for a cell where n responses answered everything; and the mean absolute error of the
/// "% positive".
#[derive(Clone, Debug, PartialEq)]
pub struct AccuracyRow {
    pub level: Level,
    pub n: u32,
    /// Percentage points.
    pub pct_positive: f64,
    pub pct_positive_typical: f64,
    /// Points on the 1–5 scale.
    pub item_mean: f64,
    /// The same figures under the first plan's defaults, for comparison.
    pub first_plan: (f64, f64),
}

pub(crate) fn level_noise(
    settings: &PrivacySettings,
    shape: Shape,
) -> Result<BTreeMap<Level, CellNoise>, RationalError> {
    let variances = noise(settings)?
        .into_iter()
        .map(|(k, n)| (k, n.variance()))
        .collect();
    let (circle, program, portfolio) = shape_noise(&variances, shape.programs, shape.circles);
    let thrice = |c: &CellNoise| c.add(c).add(c);
    Ok([
        (Level::CircleMonth, circle),
        (Level::ProgramMonth, program.clone()),
        (Level::ProgramQuarter, thrice(&program)),
        (Level::PortfolioQuarter, thrice(&portfolio)),
    ]
    .into_iter()
    .collect())
}

/// The first plan's default noise variance per count (ρ = 1: levels ½, ⅙, ⅙, ⅙; groups
/// ¼ each for indices and items), and its formulas, for the comparison column.
fn first_plan(level: Level, n: f64) -> (f64, f64) {
    let share = if level == Level::CircleMonth {
        0.5
    } else {
        1.0 / 6.0
    };
    let rho = share / 4.0;
    let (v_index, v_items) = (4.0 / (2.0 * rho), 8.0 / (2.0 * rho));
    let p: f64 = 0.7;
    (
        (100.0 * figures::Z90 * (v_index * (1.0 + p * p)).sqrt() / n).min(100.0),
        (figures::Z90 * (v_items * 15.0).sqrt() / n).min(4.0),
    )
}

/// The accuracy table, computed from the settings, the plan and the consistency fit: the
/// same formulas the pages use.
pub fn accuracy(
    settings: &PrivacySettings,
    shape: Shape,
) -> Result<Vec<AccuracyRow>, RationalError> {
    let noise = level_noise(settings, shape)?;
    let mut rows = Vec::new();
    for (level, sizes) in [
        (Level::CircleMonth, &[10u32, 30, 100][..]),
        (Level::ProgramMonth, &[30, 100, 150, 300][..]),
        (Level::ProgramQuarter, &[100, 300, 1000][..]),
        (Level::PortfolioQuarter, &[300, 1000, 3000][..]),
    ] {
        let cell = &noise[&level];
        let group = |g| cell.groups.get(&g).copied().unwrap_or(BinNoise::default());
        for &n in sizes {
            let n_i = i64::from(n);
            let pct = figures::pct_positive(7 * n_i / 10, 3 * n_i / 10, group(Group::Indices))
                .expect("n > 0");
            let mean = figures::item_mean(
                &[0, n_i / 10, n_i / 10, n_i / 2, 3 * n_i / 10],
                group(Group::Items),
            )
            .expect("n > 0");
            rows.push(AccuracyRow {
                level,
                n,
                pct_positive: pct.noise_margin().min(100.0),
                pct_positive_typical: pct.noise_variance.sqrt()
                    * (2.0 / std::f64::consts::PI).sqrt(),
                item_mean: mean.noise_margin().min(4.0),
                first_plan: first_plan(level, f64::from(n)),
            });
        }
    }
    Ok(rows)
}

/// The plan as a Markdown table (`hearth privacy plan`, docs/privacy.md, the admin page).
pub fn plan_markdown(settings: &PrivacySettings) -> Result<String, RationalError> {
    use std::fmt::Write;
    let mut out = String::new();
    let unit = settings.mechanism.unit();
    let _ = writeln!(
        out,
        "| level | what is measured | share | {unit} | noise per count (σ²) | shown where |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for m in &PLAN {
        let noise = settings.noise(m.group, m.share())?;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.2} | {} |",
            m.level.key(),
            m.group.label(),
            m.share(),
            noise.spend(),
            noise.variance(),
            m.shown
        );
    }
    let _ = writeln!(
        out,
        "| program_quarter, portfolio_quarter | nothing: the sums of their months | 0 | 0 | – | funder report, manager \"what helped\" |"
    );
    Ok(out)
}

/// The accuracy table as Markdown (what `hearth privacy accuracy` prints and
/// docs/privacy.md includes).
pub fn accuracy_markdown(
    settings: &PrivacySettings,
    shape: Shape,
) -> Result<String, RationalError> {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Mechanism {}, budget {}={} per program per month for one person answering up to {} time{} a month \
         ({}={} per response), measurement plan {PLAN_VERSION}; \
         a program of {} circles in a portfolio of {} programs; 90 % margins from the noise alone.\n",
        settings.mechanism.key(),
        settings.mechanism.unit(),
        settings.budget,
        settings.answers_per_person,
        if settings.answers_per_person == 1 {
            ""
        } else {
            "s"
        },
        settings.mechanism.unit(),
        settings.per_response_budget()?,
        shape.circles,
        shape.programs,
    );
    let _ = writeln!(
        out,
        "| level | n responses | ± % positive (at 70 %) | typical error, % positive | ± statement mean (at 4.0) | first plan: ± % positive, ± mean |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for row in accuracy(settings, shape)? {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} points | {:.1} points | {:.2} | {:.1}, {:.2} |",
            row.level.key(),
            row.n,
            row.pct_positive,
            row.pct_positive_typical,
            row.item_mean,
            row.first_plan.0,
            row.first_plan.1,
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_spends_the_whole_budget_and_no_more() {
        assert_eq!(total_share(), Rational::integer(1));
        let mut seen = std::collections::BTreeSet::new();
        for m in &PLAN {
            assert!(!m.share().is_zero());
            assert!(seen.insert((m.level, m.group)), "{m:?} twice");
            assert!(!m.level.is_quarterly(), "a quarter measures nothing");
        }
    }

    #[test]
    fn the_default_plan_meets_the_accuracy_targets() {
        let rows = accuracy(&PrivacySettings::default(), Shape::default()).unwrap();
        let row = |level, n| rows.iter().find(|r| r.level == level && r.n == n).unwrap();
        assert!(
            row(Level::CircleMonth, 30).pct_positive <= 8.0,
            "{:?}",
            row(Level::CircleMonth, 30)
        );
        assert!(
            row(Level::ProgramMonth, 150).pct_positive <= 3.0,
            "{:?}",
            row(Level::ProgramMonth, 150)
        );
        assert!(
            row(Level::ProgramMonth, 150).item_mean <= 0.15,
            "{:?}",
            row(Level::ProgramMonth, 150)
        );
        for r in rows.iter().filter(|r| r.level.is_quarterly()) {
            assert!(r.pct_positive <= r.first_plan.0, "{r:?}");
            assert!(r.item_mean <= r.first_plan.1, "{r:?}");
        }
    }

    #[test]
    fn the_accuracy_table_in_the_docs_is_the_one_the_code_computes() {
        let docs =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/privacy.md"))
                .unwrap();
        let settings = PrivacySettings::default();
        let tables = [
            accuracy_markdown(&settings, Shape::default()).unwrap(),
            plan_markdown(&settings).unwrap(),
        ];
        for line in tables
            .iter()
            .flat_map(|t| t.lines())
            .filter(|l| l.starts_with('|'))
        {
            assert!(
                docs.contains(line),
                "docs/privacy.md lacks {line:?}: run `hearth privacy accuracy` and `hearth privacy plan`"
            );
        }
    }
}
