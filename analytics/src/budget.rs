//! Privacy settings, and how the budget is split into the noise of each release.
//!
//! The budget is per program per month of responses: the total privacy loss that all
//! releases together may cause to one response of that program and month. It is split
//! across the four levels a response is released at (its circle's month, its program's
//! month, its program's quarter, the portfolio's quarter) and, within a level, across the
//! measure groups, by configurable weights.
//!
//! # Privacy
//! Cells within one level are disjoint (each response is in exactly one), so a level's
//! release costs each response that level's share once (parallel composition). The levels
//! add up (sequential composition): a response's loss is the sum of its levels' shares,
//! at most the budget. Under the discrete Gaussian the unit is ρ (zero-concentrated DP,
//! which adds), under the discrete Laplace it is ε (pure DP, which adds).
//! The unit of privacy is one response: a person who answers m sessions in a month is
//! protected at m times the budget.

use std::fmt;
use std::str::FromStr;

use crate::measure::Group;
use crate::sampler::{DiscreteGaussian, DiscreteLaplace, Rational, RationalError};

/// The smallest threshold any audience may have: cells of fewer noisy responses are never
/// shown.
pub const THRESHOLD_FLOOR: u32 = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mechanism {
    /// Discrete Gaussian noise; budget and spends in ρ (zCDP).
    Gaussian,
    /// Discrete Laplace noise; budget and spends in ε (pure DP).
    Laplace,
}

impl Mechanism {
    pub fn key(self) -> &'static str {
        match self {
            Mechanism::Gaussian => "discrete_gaussian",
            Mechanism::Laplace => "discrete_laplace",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Mechanism::Gaussian => "rho",
            Mechanism::Laplace => "epsilon",
        }
    }
}

impl FromStr for Mechanism {
    type Err = SettingsError;
    fn from_str(s: &str) -> Result<Mechanism, SettingsError> {
        match s {
            "discrete_gaussian" | "gaussian" => Ok(Mechanism::Gaussian),
            "discrete_laplace" | "laplace" => Ok(Mechanism::Laplace),
            other => Err(SettingsError::Invalid(
                "privacy.mechanism",
                format!("{other:?} (use gaussian or laplace)"),
            )),
        }
    }
}

/// The four levels a response is released at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    CircleMonth,
    ProgramMonth,
    ProgramQuarter,
    PortfolioQuarter,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::CircleMonth,
        Level::ProgramMonth,
        Level::ProgramQuarter,
        Level::PortfolioQuarter,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Level::CircleMonth => "circle_month",
            Level::ProgramMonth => "program_month",
            Level::ProgramQuarter => "program_quarter",
            Level::PortfolioQuarter => "portfolio_quarter",
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    pub fn is_quarterly(self) -> bool {
        matches!(self, Level::ProgramQuarter | Level::PortfolioQuarter)
    }

    /// Whether funders may see this level at all: nothing below program level, quarterly.
    pub fn funder_visible(self) -> bool {
        self.is_quarterly()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("{0}: {1}")]
    Invalid(&'static str, String),
    #[error("{0} must be at least {THRESHOLD_FLOOR} (the floor no setting can go below)")]
    BelowFloor(&'static str),
    #[error("{0}: the weights must add up to at most 1 (they add up to {1})")]
    Weights(&'static str, String),
}

/// Everything that decides how releases are protected. Stored in the `setting` table;
/// these defaults apply where nothing is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivacySettings {
    pub mechanism: Mechanism,
    /// Per program per month of responses, in the mechanism's unit (ρ or ε).
    pub budget: Rational,
    /// Shares of the budget for circle-month, program-month, program-quarter,
    /// portfolio-quarter.
    pub level_weights: [Rational; 4],
    /// Shares of a level's budget for responses, items, indices, first time, choices.
    pub measure_weights: [Rational; 5],
    pub manager_threshold: u32,
    pub funder_threshold: u32,
}

fn r(s: &str) -> Rational {
    s.parse().expect("a valid default")
}

impl Default for PrivacySettings {
    fn default() -> Self {
        PrivacySettings {
            mechanism: Mechanism::Gaussian,
            budget: r("1"),
            level_weights: [r("1/2"), r("1/6"), r("1/6"), r("1/6")],
            measure_weights: [r("1/4"), r("1/4"), r("1/4"), r("1/8"), r("1/8")],
            manager_threshold: 5,
            funder_threshold: 11,
        }
    }
}

/// The setting names, as stored and as `hearth privacy set` takes them.
pub const SETTING_NAMES: [&str; 6] = [
    "privacy.mechanism",
    "privacy.budget",
    "privacy.level_weights",
    "privacy.measure_weights",
    "privacy.manager_threshold",
    "privacy.funder_threshold",
];

/// Settings are small exact numbers: at most 6 decimal places (or a denominator up to a
/// million), which keeps every product in the noise arithmetic far inside 128 bits.
const MAX_SETTING_DENOMINATOR: u128 = 1_000_000;

fn parse_setting_number(name: &'static str, value: &str) -> Result<Rational, SettingsError> {
    let number: Rational = value
        .parse()
        .map_err(|e: RationalError| SettingsError::Invalid(name, e.to_string()))?;
    if number.den() > MAX_SETTING_DENOMINATOR || number > Rational::integer(100) {
        return Err(SettingsError::Invalid(
            name,
            format!("{value:?}: use at most 6 decimal places and values up to 100"),
        ));
    }
    Ok(number)
}

fn parse_weights<const N: usize>(
    name: &'static str,
    value: &str,
) -> Result<[Rational; N], SettingsError> {
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    if parts.len() != N {
        return Err(SettingsError::Invalid(
            name,
            format!("expected {N} weights separated by commas, got {value:?}"),
        ));
    }
    let mut weights = [Rational::integer(0); N];
    let mut total = Rational::integer(0);
    for (slot, part) in weights.iter_mut().zip(parts) {
        *slot = parse_setting_number(name, part)?;
        if slot.is_zero() {
            return Err(SettingsError::Invalid(
                name,
                "every weight must be above 0 (every level and measure is released)".into(),
            ));
        }
        total = total
            .add(*slot)
            .map_err(|e| SettingsError::Invalid(name, e.to_string()))?;
    }
    if total > Rational::integer(1) {
        return Err(SettingsError::Weights(name, total.to_string()));
    }
    Ok(weights)
}

fn format_weights(weights: &[Rational]) -> String {
    weights
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

impl PrivacySettings {
    /// Applies one named setting, checking it (floors, weights, positive budget).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingsError> {
        match name {
            "privacy.mechanism" => self.mechanism = value.parse()?,
            "privacy.budget" => {
                let budget = parse_setting_number("privacy.budget", value)?;
                if budget.is_zero() || budget > Rational::integer(10) {
                    return Err(SettingsError::Invalid(
                        "privacy.budget",
                        "must be above 0 and at most 10".into(),
                    ));
                }
                self.budget = budget;
            }
            "privacy.level_weights" => {
                self.level_weights = parse_weights("privacy.level_weights", value)?
            }
            "privacy.measure_weights" => {
                self.measure_weights = parse_weights("privacy.measure_weights", value)?
            }
            "privacy.manager_threshold" | "privacy.funder_threshold" => {
                let field = if name == "privacy.manager_threshold" {
                    "privacy.manager_threshold"
                } else {
                    "privacy.funder_threshold"
                };
                let k: u32 = value.trim().parse().map_err(|_| {
                    SettingsError::Invalid(field, format!("{value:?} is not a whole number"))
                })?;
                if k < THRESHOLD_FLOOR {
                    return Err(SettingsError::BelowFloor(field));
                }
                if name == "privacy.manager_threshold" {
                    self.manager_threshold = k
                } else {
                    self.funder_threshold = k
                }
            }
            other => {
                return Err(SettingsError::Invalid(
                    "setting",
                    format!(
                        "unknown setting {other:?}; known: {}",
                        SETTING_NAMES.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Every setting as (name, value), as stored.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        vec![
            ("privacy.mechanism", self.mechanism.key().to_owned()),
            ("privacy.budget", self.budget.to_string()),
            ("privacy.level_weights", format_weights(&self.level_weights)),
            (
                "privacy.measure_weights",
                format_weights(&self.measure_weights),
            ),
            (
                "privacy.manager_threshold",
                self.manager_threshold.to_string(),
            ),
            (
                "privacy.funder_threshold",
                self.funder_threshold.to_string(),
            ),
        ]
    }

    fn level_weight(&self, level: Level) -> Rational {
        self.level_weights[Level::ALL.iter().position(|l| *l == level).unwrap()]
    }

    fn measure_weight(&self, group: Group) -> Rational {
        self.measure_weights[Group::ALL.iter().position(|g| *g == group).unwrap()]
    }

    /// What one response loses through one level's release, in the mechanism's unit.
    pub fn level_spend(&self, level: Level) -> Result<Rational, RationalError> {
        self.budget.mul(self.level_weight(level))
    }

    /// The noise of one measure group at one level.
    pub fn noise(&self, level: Level, group: Group) -> Result<Noise, RationalError> {
        let spend = self.level_spend(level)?.mul(self.measure_weight(group))?;
        Ok(match self.mechanism {
            // ρ = Δ₂² / 2σ²  ⇒  σ² = Δ₂² / 2ρ
            Mechanism::Gaussian => {
                let sigma2 =
                    Rational::integer(group.l2_squared()).div(spend.mul(Rational::integer(2))?)?;
                Noise::Gaussian {
                    dist: DiscreteGaussian::new(sigma2)?,
                    spend,
                }
            }
            // ε = Δ₁ / b  ⇒  b = Δ₁ / ε
            Mechanism::Laplace => {
                let scale = Rational::integer(group.l1()).div(spend)?;
                Noise::Laplace {
                    dist: DiscreteLaplace::new(scale)?,
                    spend,
                }
            }
        })
    }

    /// The noisy count a cell (or a side of its first-time split, with `group` FirstTime)
    /// needs to be shown to an audience with threshold `k`: k plus the smallest m with
    /// P(noise > m) ≤ 1 %, from the exact pmf. So a cell whose true count is below k is
    /// shown with probability at most 1 %, under either mechanism.
    pub fn show_from(&self, level: Level, group: Group, k: u32) -> Result<i64, RationalError> {
        Ok(i64::from(k) + self.noise(level, group)?.upper_quantile(0.01))
    }
}

/// The noise of one measure group at one level, with what it spends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noise {
    Gaussian {
        dist: DiscreteGaussian,
        spend: Rational,
    },
    Laplace {
        dist: DiscreteLaplace,
        spend: Rational,
    },
}

impl Noise {
    pub fn spend(&self) -> Rational {
        match self {
            Noise::Gaussian { spend, .. } | Noise::Laplace { spend, .. } => *spend,
        }
    }

    /// The exact scale: σ² for the Gaussian, b for the Laplace.
    pub fn scale(&self) -> Rational {
        match self {
            Noise::Gaussian { dist, .. } => dist.sigma2(),
            Noise::Laplace { dist, .. } => dist.scale(),
        }
    }

    /// The smallest m ≥ 0 with P(noise > m) ≤ `tail`, from the exact pmf (floating point:
    /// a public threshold, not the noise itself).
    pub fn upper_quantile(&self, tail: f64) -> i64 {
        let pmf = |x: i64| match self {
            Noise::Gaussian { dist, .. } => {
                crate::sampler::pmf::discrete_gaussian(dist.sigma2().to_f64(), x)
            }
            Noise::Laplace { dist, .. } => {
                crate::sampler::pmf::discrete_laplace(dist.scale().to_f64(), x)
            }
        };
        // P(X > m) = (1 - P(X = 0)) / 2 - Σ_{x=1..m} P(X = x), by symmetry.
        let mut above = (1.0 - pmf(0)) / 2.0;
        let mut m = 0;
        while above > tail && m < 1_000_000 {
            m += 1;
            above -= pmf(m);
        }
        m
    }

    /// The noise's variance, for margins of error (post-processing, floating point).
    pub fn variance(&self) -> f64 {
        match self {
            Noise::Gaussian { dist, .. } => dist.sigma2().to_f64(),
            Noise::Laplace { dist, .. } => {
                let q = (-1.0 / dist.scale().to_f64()).exp();
                2.0 * q / (1.0 - q).powi(2)
            }
        }
    }
}

impl fmt::Display for Noise {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Noise::Gaussian { dist, spend } => {
                write!(f, "discrete Gaussian σ²={} (ρ={spend})", dist.sigma2())
            }
            Noise::Laplace { dist, spend } => {
                write!(f, "discrete Laplace b={} (ε={spend})", dist.scale())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_splits_the_whole_budget_and_no_more() {
        let s = PrivacySettings::default();
        let levels = Level::ALL.iter().fold(Rational::integer(0), |acc, l| {
            acc.add(s.level_spend(*l).unwrap()).unwrap()
        });
        assert_eq!(levels, s.budget);
        let groups = s
            .measure_weights
            .iter()
            .fold(Rational::integer(0), |acc, w| acc.add(*w).unwrap());
        assert_eq!(groups, Rational::integer(1));
    }

    #[test]
    fn gaussian_noise_is_calibrated_to_sensitivity_and_share() {
        let s = PrivacySettings::default();
        // Circle-month indices: ρ = 1 · 1/2 · 1/4 = 1/8, Δ₂² = 4 ⇒ σ² = 4 / (2/8) = 16.
        let noise = s.noise(Level::CircleMonth, Group::Indices).unwrap();
        assert_eq!(noise.spend(), r("1/8"));
        assert_eq!(noise.scale(), Rational::integer(16));
        let mut laplace = s.clone();
        laplace.set("privacy.mechanism", "laplace").unwrap();
        // ε = 1/8, Δ₁ = 4 ⇒ b = 32.
        assert_eq!(
            laplace
                .noise(Level::CircleMonth, Group::Indices)
                .unwrap()
                .scale(),
            Rational::integer(32)
        );
        // Circle-month responses: σ² = 4; P(X > 4) ≈ 1.6 %, P(X > 5) ≈ 0.5 % ⇒ shown from 5 + 5.
        assert_eq!(
            s.show_from(Level::CircleMonth, Group::Responses, 5)
                .unwrap(),
            10
        );
    }

    #[test]
    fn settings_refuse_values_below_their_floors() {
        let mut s = PrivacySettings::default();
        assert_eq!(
            s.set("privacy.manager_threshold", "2"),
            Err(SettingsError::BelowFloor("privacy.manager_threshold"))
        );
        assert!(s.set("privacy.funder_threshold", "3").is_ok());
        assert!(matches!(
            s.set("privacy.level_weights", "1/2,1/2,1/2,1/2"),
            Err(SettingsError::Weights(..))
        ));
        assert!(s.set("privacy.level_weights", "1/2,1/2").is_err());
        assert!(s.set("privacy.budget", "0").is_err());
        assert!(s.set("privacy.budget", "-1").is_err());
        assert!(
            s.set(
                "privacy.budget",
                "99999999999999999999/100000000000000000000"
            )
            .is_err()
        );
        assert!(s.set("privacy.budget", "0.0000001").is_err());
        assert!(s.set("privacy.budget", "11").is_err());
        assert!(s.set("privacy.nonsense", "1").is_err());
        s.set("privacy.budget", "0.5").unwrap();
        assert_eq!(s.budget, r("1/2"));
        // Round trip through the stored form.
        let mut t = PrivacySettings::default();
        for (name, value) in s.entries() {
            t.set(name, &value).unwrap();
        }
        assert_eq!(s, t);
    }

    #[test]
    fn the_accuracy_table_in_the_docs_is_the_one_the_code_computes() {
        let docs =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/privacy.md"))
                .unwrap();
        let table = accuracy_markdown(&PrivacySettings::default()).unwrap();
        for line in table.lines().filter(|l| l.starts_with('|')) {
            assert!(
                docs.contains(line),
                "docs/privacy.md lacks {line:?}: run `hearth privacy accuracy`"
            );
        }
    }

    #[test]
    fn every_level_and_measure_keeps_some_budget() {
        let mut s = PrivacySettings::default();
        assert!(s.set("privacy.measure_weights", "1/2,1/2,0,0,0").is_err());
        assert!(s.set("privacy.level_weights", "1,0,0,0").is_err());
    }
}

/// One row of the accuracy table: the 90 % margins of error that the noise alone puts on
/// an index's "% positive" (at 70 % positive) and on an item mean (at a mean of 4), for a
/// cell where n responses answered everything.
#[derive(Clone, Debug, PartialEq)]
pub struct AccuracyRow {
    pub level: Level,
    pub n: u32,
    /// Percentage points.
    pub pct_positive: f64,
    /// Points on the 1–5 scale.
    pub item_mean: f64,
}

/// The accuracy table for the circle-month and program-quarter levels, at n = 10, 30,
/// 100, 300, 1000, computed from the settings (the same formulas the views use).
pub fn accuracy(settings: &PrivacySettings) -> Result<Vec<AccuracyRow>, RationalError> {
    let mut rows = Vec::new();
    for level in [Level::CircleMonth, Level::ProgramQuarter] {
        let v_index = settings.noise(level, Group::Indices)?.variance();
        let v_items = settings.noise(level, Group::Items)?.variance();
        for n in [10u32, 30, 100, 300, 1000] {
            let n_f = f64::from(n);
            let p = 0.7;
            let pct = 100.0 * 1.6449 * (v_index * (1.0 + p * p)).sqrt() / n_f;
            let m = 4.0;
            let mean = 1.6449 * (v_items * (55.0 - 30.0 * m + 5.0 * m * m)).sqrt() / n_f;
            rows.push(AccuracyRow {
                level,
                n,
                pct_positive: pct.min(100.0),
                item_mean: mean.min(4.0),
            });
        }
    }
    Ok(rows)
}

/// The accuracy table as Markdown (what `hearth privacy accuracy` prints and
/// docs/privacy.md includes).
pub fn accuracy_markdown(settings: &PrivacySettings) -> Result<String, RationalError> {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Mechanism {}, budget {}={} per program per month of responses; level weights {}; measure weights {}.\n",
        settings.mechanism.key(),
        settings.mechanism.unit(),
        settings.budget,
        format_weights(&settings.level_weights),
        format_weights(&settings.measure_weights),
    );
    let _ = writeln!(
        out,
        "| level | n responses | ± % positive (at 70 %) | ± item mean (at 4.0) |"
    );
    let _ = writeln!(out, "|---|---|---|---|");
    for row in accuracy(settings)? {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} points | {:.2} |",
            row.level.key(),
            row.n,
            row.pct_positive,
            row.item_mean
        );
    }
    Ok(out)
}
