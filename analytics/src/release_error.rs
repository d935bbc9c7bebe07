//! Why a release was refused or failed: the one error of releasing a period, shared by
//! the release itself ([`crate::release`]) and the ledger's budget check
//! ([`crate::ledger`]), which both return it.

use chrono::NaiveDate;

use crate::budget::{SettingsError, SettingsLoadError};
use crate::period::Period;
use crate::pipeline::PipelineError;
use crate::sampler::RationalError;

/// Why a period was not released: refused (not over, already released, over budget, …)
/// or failed (the database, the pipeline).
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("{period} has not ended yet: it can be released from {from}")]
    NotOver { period: Period, from: NaiveDate },
    #[error("{period} still has {open} open session(s); it can be released once they close")]
    SessionsOpen { period: Period, open: i64 },
    #[error(
        "{period} still takes paper forms until {until} UTC (typed in after a session closes); it can be released then"
    )]
    PaperForms { period: Period, until: String },
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
    /// Boxed: its figures would make every `Result` of a release three times as large.
    #[error(transparent)]
    OverBudget(Box<OverBudget>),
    #[error(
        "the ledger holds zCDP (ρ) spends for {0}, which cannot be counted against a pure-ε budget; keep the Gaussian mechanism"
    )]
    MixedUnits(String),
    #[error(
        "{quarter} cannot be summed from its months: {months} were released under the first measurement plan, \
         whose counts do not add up; only months released under plan 2 make a quarter"
    )]
    FirstPlanMonths { quarter: Period, months: String },
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("privacy arithmetic: {0}")]
    Rational(#[from] RationalError),
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

impl From<SettingsLoadError> for ReleaseError {
    fn from(e: SettingsLoadError) -> ReleaseError {
        match e {
            SettingsLoadError::Settings(e) => ReleaseError::Settings(e),
            SettingsLoadError::Database(e) => ReleaseError::Database(e),
        }
    }
}

/// A release refused because it would take a program's month past its budget.
#[derive(Debug, thiserror::Error)]
#[error(
    "releasing {period} would spend {unit} {needed} of program {program:?}'s budget for {month}, \
     which has {left} left of {budget}; lower the weights of the levels still to release \
     (a budget raised after a month has spent does not apply to that month)"
)]
pub struct OverBudget {
    pub period: Period,
    pub program: String,
    pub month: String,
    pub unit: &'static str,
    pub needed: String,
    pub left: String,
    pub budget: String,
}
