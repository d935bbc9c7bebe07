//! Privacy settings: the mechanism, the budget and the thresholds, with their floors; and
//! the noise a measurement gets from its share of the budget.
//!
//! The budget is per program per month of responses: the total privacy loss that all
//! releases together may cause to one person's answers in that program and month, for
//! someone who answers up to `answers_per_person` times (one answer, by default). How it is
//! spent — which figures are measured at which level, with which share — is the
//! measurement plan ([`crate::plan`]), declared in code and shown to admins.
//!
//! # Privacy
//! Cells within one level are disjoint (each response is in exactly one), so a
//! measurement costs each response its share once (parallel composition). Measurements
//! add up (sequential composition): a response's loss is the sum of the plan's shares,
//! at most its per-response budget. Under the discrete Gaussian the unit is ρ
//! (zero-concentrated DP, which adds), under the discrete Laplace it is ε (pure DP, which
//! adds).
//!
//! The budget protects one *person* who answers at most `answers_per_person` (m) times in
//! a program's month: m answers can all land in the same cell and bin, so together they
//! move each count m-fold. Under the Gaussian that multiplies ρ by m² (group privacy in
//! zCDP), under the Laplace ε by m; so each response is given the budget ÷ m² (or ÷ m)
//! ([`PrivacySettings::per_response_budget`]), and m of them together spend the budget.
//! Someone who answers more often than m is protected less: [`crate::person`] says how
//! much, for adding or removing answers and for changing what they said.

use std::fmt;
use std::str::FromStr;

use domain::Store;
use domain::audit::{self, Action, Actor, Entry};
use domain::settings::{Setting, answers_per_person};

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
                Setting::PrivacyMechanism.key(),
                format!("{other:?} (use gaussian or laplace)"),
            )),
        }
    }
}

/// The levels a response is released at: its circle's month, its program's month, the
/// whole portfolio's month (measured, never shown: it steadies the sums above), its
/// program's quarter and the portfolio's quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    CircleMonth,
    ProgramMonth,
    PortfolioMonth,
    ProgramQuarter,
    PortfolioQuarter,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::CircleMonth,
        Level::ProgramMonth,
        Level::PortfolioMonth,
        Level::ProgramQuarter,
        Level::PortfolioQuarter,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Level::CircleMonth => "circle_month",
            Level::ProgramMonth => "program_month",
            Level::PortfolioMonth => "portfolio_month",
            Level::ProgramQuarter => "program_quarter",
            Level::PortfolioQuarter => "portfolio_quarter",
        }
    }

    /// What a manager would call it.
    pub fn label(self) -> &'static str {
        match self {
            Level::CircleMonth => "a circle's month",
            Level::ProgramMonth => "a program's month",
            Level::PortfolioMonth => "all programs' month",
            Level::ProgramQuarter => "a program's quarter",
            Level::PortfolioQuarter => "all programs' quarter",
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

    /// Whether managers may see this level: not the portfolio, which spans programs they
    /// may not be responsible for (its month is measured only to steady the sums beneath
    /// it; its quarter is the funders').
    pub fn manager_visible(self) -> bool {
        !matches!(self, Level::PortfolioMonth | Level::PortfolioQuarter)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("{0}: {1}")]
    Invalid(&'static str, String),
    #[error("{0} must be at least {THRESHOLD_FLOOR} (the floor no setting can go below)")]
    BelowFloor(&'static str),
}

/// Everything that decides how releases are protected. Stored in the `setting` table;
/// these defaults apply where nothing is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivacySettings {
    pub mechanism: Mechanism,
    /// Per program per month of responses, in the mechanism's unit (ρ or ε).
    pub budget: Rational,
    pub manager_threshold: u32,
    pub funder_threshold: u32,
    /// How many times one person may answer in a month, as the budget is planned: the
    /// budget protects all of their answers together ([`answers_per_person`]).
    pub answers_per_person: u32,
}

impl Default for PrivacySettings {
    fn default() -> Self {
        PrivacySettings {
            mechanism: Mechanism::Gaussian,
            budget: Rational::integer(1),
            manager_threshold: 5,
            funder_threshold: 11,
            answers_per_person: answers_per_person::DEFAULT,
        }
    }
}

/// The setting names, as stored and as `hearth privacy set` takes them.
pub const SETTING_NAMES: [&str; 5] = {
    let p = Setting::PRIVACY;
    [p[0].key(), p[1].key(), p[2].key(), p[3].key(), p[4].key()]
};

/// Settings of the first plan, which split the budget by hand; the measurement plan
/// replaced them. Stored values are ignored; setting them is refused with a pointer.
const RETIRED_NAMES: [&str; 2] = ["privacy.level_weights", "privacy.measure_weights"];

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

impl PrivacySettings {
    /// Applies one setting named as typed or stored, checking it (floors, positive budget).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingsError> {
        match Setting::from_key(name) {
            Some(setting) if Setting::PRIVACY.contains(&setting) => self.apply(setting, value),
            _ if RETIRED_NAMES.contains(&name) => Err(SettingsError::Invalid(
                "setting",
                format!(
                    "{name:?} no longer exists: the measurement plan decides how the budget is shared \
                     (see `hearth privacy plan`); the budget itself is privacy.budget"
                ),
            )),
            _ => Err(SettingsError::Invalid(
                "setting",
                format!(
                    "unknown setting {name:?}; known: {}",
                    SETTING_NAMES.join(", ")
                ),
            )),
        }
    }

    /// Applies one privacy setting, checking it (floors, positive budget).
    pub fn apply(&mut self, setting: Setting, value: &str) -> Result<(), SettingsError> {
        let field = setting.key();
        match setting {
            Setting::PrivacyMechanism => self.mechanism = value.parse()?,
            Setting::PrivacyBudget => {
                let budget = parse_setting_number(field, value)?;
                if budget.is_zero() || budget > Rational::integer(10) {
                    return Err(SettingsError::Invalid(
                        field,
                        "must be above 0 and at most 10".into(),
                    ));
                }
                self.budget = budget;
            }
            Setting::ManagerThreshold | Setting::FunderThreshold => {
                let k: u32 = value.trim().parse().map_err(|_| {
                    SettingsError::Invalid(field, format!("{value:?} is not a whole number"))
                })?;
                if k < THRESHOLD_FLOOR {
                    return Err(SettingsError::BelowFloor(field));
                }
                if setting == Setting::ManagerThreshold {
                    self.manager_threshold = k
                } else {
                    self.funder_threshold = k
                }
            }
            Setting::AnswersPerPerson => {
                self.answers_per_person = answers_per_person::parse(value)
                    .map_err(|e| SettingsError::Invalid(field, e.to_string()))?;
            }
            Setting::RetentionDays => {
                return Err(SettingsError::Invalid(
                    field,
                    "is the retention time, not a privacy setting (see `analytics::retention`)"
                        .into(),
                ));
            }
        }
        Ok(())
    }

    /// Every setting with its value, as stored.
    pub fn entries(&self) -> Vec<(Setting, String)> {
        vec![
            (Setting::PrivacyMechanism, self.mechanism.key().to_owned()),
            (Setting::PrivacyBudget, self.budget.to_string()),
            (
                Setting::ManagerThreshold,
                self.manager_threshold.to_string(),
            ),
            (Setting::FunderThreshold, self.funder_threshold.to_string()),
            (
                Setting::AnswersPerPerson,
                self.answers_per_person.to_string(),
            ),
        ]
    }

    /// What each single response may lose in a program's month, so that
    /// `answers_per_person` responses of one person together lose at most the budget:
    /// the budget ÷ m² under the Gaussian (m answers move a count m-fold, and ρ grows with
    /// the square of that), the budget ÷ m under the Laplace (ε grows with it).
    pub fn per_response_budget(&self) -> Result<Rational, RationalError> {
        let m = u128::from(self.answers_per_person.max(1));
        let divisor = match self.mechanism {
            Mechanism::Gaussian => m * m,
            Mechanism::Laplace => m,
        };
        self.budget.checked_div(Rational::integer(divisor))
    }

    /// The noise of a measurement that spends `share` of the per-response budget on a
    /// group's counts: calibrated to the group's sensitivity.
    pub fn noise(&self, group: Group, share: Rational) -> Result<Noise, RationalError> {
        let spend = self.per_response_budget()?.checked_mul(share)?;
        Ok(match self.mechanism {
            // ρ = Δ₂² / 2σ²  ⇒  σ² = Δ₂² / 2ρ
            Mechanism::Gaussian => {
                let sigma2 = Rational::integer(group.l2_squared())
                    .checked_div(spend.checked_mul(Rational::integer(2))?)?;
                Noise::Gaussian {
                    dist: DiscreteGaussian::new(sigma2)?,
                    spend,
                }
            }
            // ε = Δ₁ / b  ⇒  b = Δ₁ / ε
            Mechanism::Laplace => {
                let scale = Rational::integer(group.l1()).checked_div(spend)?;
                Noise::Laplace {
                    dist: DiscreteLaplace::new(scale)?,
                    spend,
                }
            }
        })
    }

    /// The audience's threshold k.
    pub fn threshold(&self, funder: bool) -> u32 {
        if funder {
            self.funder_threshold
        } else {
            self.manager_threshold
        }
    }
}

/// Reads the stored settings over the defaults (settings of the first plan are ignored).
pub async fn load_settings(store: &Store) -> Result<PrivacySettings, SettingsLoadError> {
    let mut settings = PrivacySettings::default();
    let rows: Vec<(String, String)> =
        sqlx::query_as("select name, value from setting where name like 'privacy.%'")
            .fetch_all(store.pool())
            .await?;
    for (name, value) in rows {
        if RETIRED_NAMES.contains(&name.as_str()) {
            continue;
        }
        settings.set(&name, &value)?;
    }
    Ok(settings)
}

/// One setting an admin (or the command line) changed: its stored name, and its stored
/// values before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub name: Setting,
    pub old: String,
    pub new: String,
}

impl PrivacySettings {
    /// The settings that differ between `self` (in force) and `proposed`, in the order of
    /// [`SETTING_NAMES`].
    pub fn changes_to(&self, proposed: &PrivacySettings) -> Vec<Change> {
        self.entries()
            .into_iter()
            .zip(proposed.entries())
            .filter(|((_, old), (_, new))| old != new)
            .map(|((name, old), (_, new))| Change { name, old, new })
            .collect()
    }
}

/// Checks and stores one setting, by `actor`: one audit entry ("old → new") in the same
/// transaction when it changes anything, none when the value was already in force.
pub async fn save_setting(
    store: &Store,
    name: &str,
    value: &str,
    actor: Actor<'_>,
) -> Result<PrivacySettings, SettingsLoadError> {
    let mut settings = load_settings(store).await?;
    settings.set(name, value)?;
    save_settings(store, &settings, actor).await?;
    Ok(settings)
}

/// Stores every setting of `proposed` that differs from those in force, in one
/// transaction, with one audit entry per changed setting (subject: its name; detail:
/// "old → new"). Returns the changes (none: nothing stored, nothing recorded). The
/// settings were checked when `proposed` was built ([`PrivacySettings::set`]).
pub async fn save_settings(
    store: &Store,
    proposed: &PrivacySettings,
    actor: Actor<'_>,
) -> Result<Vec<Change>, SettingsLoadError> {
    let mut tx = store.begin_write().await?;
    let rows: Vec<(String, String)> =
        sqlx::query_as("select name, value from setting where name like 'privacy.%'")
            .fetch_all(&mut *tx)
            .await?;
    let mut current = PrivacySettings::default();
    for (name, value) in rows {
        if !RETIRED_NAMES.contains(&name.as_str()) {
            current.set(&name, &value)?;
        }
    }
    let changes = current.changes_to(proposed);
    for change in &changes {
        sqlx::query(
            "insert into setting (name, value) values ($1, $2) \
             on conflict (name) do update set value = excluded.value",
        )
        .bind(change.name.key())
        .bind(&change.new)
        .execute(&mut *tx)
        .await?;
        let detail = format!("{} → {}", change.old, change.new);
        audit::record(
            &mut *tx,
            Entry::new(actor, Action::SettingChanged, change.name.key()).detail(&detail),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(changes)
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsLoadError {
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
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

    fn r(s: &str) -> Rational {
        s.parse().unwrap()
    }

    #[test]
    fn gaussian_noise_is_calibrated_to_sensitivity_and_share() {
        let s = PrivacySettings::default();
        // Indices: ρ = 1 · 1/4, Δ₂² = 2 ⇒ σ² = 2 / (2/4) = 4.
        let noise = s.noise(Group::Indices, r("1/4")).unwrap();
        assert_eq!(noise.spend(), r("1/4"));
        assert_eq!(noise.scale(), Rational::integer(4));
        let mut laplace = s.clone();
        laplace.set("privacy.mechanism", "laplace").unwrap();
        // ε = 1/4, Δ₁ = 2 ⇒ b = 8.
        assert_eq!(
            laplace.noise(Group::Indices, r("1/4")).unwrap().scale(),
            Rational::integer(8)
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
        let retired = s
            .set("privacy.level_weights", "1/2,1/6,1/6,1/6")
            .unwrap_err();
        assert!(
            retired.to_string().contains("measurement plan"),
            "{retired}"
        );
        s.set("privacy.budget", "0.5").unwrap();
        assert_eq!(s.budget, r("1/2"));
        // Round trip through the stored form.
        let mut t = PrivacySettings::default();
        for (name, value) in s.entries() {
            t.apply(name, &value).unwrap();
        }
        assert_eq!(s, t);
    }
}
