//! Release periods: fixed calendar months and quarters, never arbitrary ranges.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a period: write a month as 2026-10 or a quarter as 2026-Q4")]
pub struct PeriodError(String);

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Period, PeriodError> {
        let bad = || PeriodError(s.to_owned());
        let (year, rest) = s.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = year
            .parse()
            .ok()
            .filter(|y| (2000..=2200).contains(y))
            .ok_or_else(bad)?;
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            let quarter: u32 = q
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(bad)?;
            return Ok(Period::Quarter { year, quarter });
        }
        if rest.len() != 2 {
            return Err(bad());
        }
        let month: u32 = rest
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?;
        Ok(Period::Month { year, month })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
        }
    }
}

impl Period {
    /// The month a date falls in.
    pub fn month_of(date: NaiveDate) -> Period {
        Period::Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The quarter a month (or quarter) falls in.
    pub fn quarter(self) -> Period {
        match self {
            Period::Month { year, month } => Period::Quarter {
                year,
                quarter: (month - 1) / 3 + 1,
            },
            q => q,
        }
    }

    pub fn is_quarter(self) -> bool {
        matches!(self, Period::Quarter { .. })
    }

    /// The first day of the period.
    pub fn start(self) -> NaiveDate {
        let (year, month) = match self {
            Period::Month { year, month } => (year, month),
            Period::Quarter { year, quarter } => (year, 3 * quarter - 2),
        };
        NaiveDate::from_ymd_opt(year, month, 1).expect("a valid month")
    }

    /// The first day after the period.
    pub fn end(self) -> NaiveDate {
        let months = match self {
            Period::Month { .. } => 1,
            Period::Quarter { .. } => 3,
        };
        self.start()
            .checked_add_months(chrono::Months::new(months))
            .expect("a valid date")
    }

    /// The months of the period, in order.
    pub fn months(self) -> Vec<Period> {
        match self {
            m @ Period::Month { .. } => vec![m],
            Period::Quarter { year, quarter } => (0..3)
                .map(|i| Period::Month {
                    year,
                    month: 3 * quarter - 2 + i,
                })
                .collect(),
        }
    }

    /// The period before this one, of the same kind.
    pub fn previous(self) -> Period {
        Period::month_of(self.start().pred_opt().expect("a valid date")).as_kind_of(self)
    }

    fn as_kind_of(self, kind: Period) -> Period {
        if kind.is_quarter() {
            self.quarter()
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_quarters_parse_and_print() {
        let m: Period = "2026-10".parse().unwrap();
        assert_eq!(
            m,
            Period::Month {
                year: 2026,
                month: 10
            }
        );
        assert_eq!(m.to_string(), "2026-10");
        let q: Period = "2026-q4".parse().unwrap();
        assert_eq!(q.to_string(), "2026-Q4");
        assert_eq!(m.quarter(), q);
        for bad in [
            "2026",
            "2026-13",
            "2026-Q5",
            "2026-1",
            "26-10",
            "2026-10-01",
            "x-Q1",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_period_knows_its_days_and_months() {
        let q: Period = "2026-Q4".parse().unwrap();
        assert_eq!(q.start(), NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
        assert_eq!(q.end(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        assert_eq!(
            q.months()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["2026-10", "2026-11", "2026-12"]
        );
        let feb: Period = "2028-02".parse().unwrap();
        assert_eq!(feb.end(), NaiveDate::from_ymd_opt(2028, 3, 1).unwrap());
        assert_eq!(feb.previous().to_string(), "2028-01");
        assert_eq!(
            "2027-Q1".parse::<Period>().unwrap().previous().to_string(),
            "2026-Q4"
        );
    }
}
