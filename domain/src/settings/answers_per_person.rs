//! How many times one person may answer in a month, as the privacy budget is planned for
//! it: the `privacy.answers_per_person` setting. Read by the participant privacy page
//! (which tells participants what their answers are protected for) and by
//! `analytics::budget` (which divides the budget by it). One definition, so what
//! participants are told is what releases are calibrated to.
//!
//! # Privacy
//! Hearth keeps no identifier, so it cannot count one person's answers; this setting is a
//! promise the organization plans for. The budget protects everything one person sends in
//! a program's month when they answer at most this many times (Gaussian noise: each
//! answer gets the budget ÷ m², since m answers in one bin move a count m-fold and ρ grows
//! with its square; Laplace noise: the budget ÷ m). Someone who answers more often than
//! the setting is protected less: `analytics::person` computes by how much.

use super::Setting;
use crate::Store;

/// The setting's name, as stored and as `hearth privacy set` takes it.
pub const SETTING: Setting = Setting::AnswersPerPerson;
/// As first shipped: the budget protects one answer.
pub const DEFAULT: u32 = 1;
/// Weekly groups meet four or five times a month; eight covers twice-weekly ones. More
/// would spread the budget so thin that no circle's month could be read.
pub const MAX: u32 = 8;

/// Why a value typed for the setting was refused, in words an admin can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "“{0}” is not a number of answers: give how many times one person may answer in a month, a whole number from 1 to {MAX} (4 for a group that meets weekly)"
)]
pub struct Invalid(pub String);

/// A value as typed: a whole number of answers a month, 1 to [`MAX`]. Anything else —
/// a fraction, "4 a week", 0, 9 — is refused rather than rounded or read in another unit.
pub fn parse(value: &str) -> Result<u32, Invalid> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=MAX).contains(m))
        .ok_or_else(|| Invalid(value.trim().to_owned()))
}

/// The setting in force: the stored value, else [`DEFAULT`]. A stored value that does not
/// parse (written by hand) counts as the default.
pub async fn load(store: &Store) -> Result<u32, sqlx::Error> {
    let stored = super::load(store, SETTING).await?;
    Ok(stored.and_then(|v| parse(&v).ok()).unwrap_or(DEFAULT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_numbers_of_answers_from_one_to_eight_are_taken() {
        assert_eq!(parse(" 4 "), Ok(4));
        assert_eq!(parse("1"), Ok(1));
        assert_eq!(parse("8"), Ok(8));
        for bad in ["0", "9", "-1", "2.5", "1/4", "4 a week", "", "weekly"] {
            let refused = parse(bad).unwrap_err();
            assert!(
                refused.to_string().contains("whole number from 1 to 8"),
                "{bad}: {refused}"
            );
        }
    }
}
