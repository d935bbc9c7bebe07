//! Protection per person: what the releases of a program's month can reveal about someone
//! who answered several times in it, and about what one person said.
//!
//! The ledger counts loss per response. People in peer support come every week, and
//! Hearth keeps no identifier, so nothing stops one person's four answers of a month from
//! landing in the same circle, the same month and the same bins. This module turns a
//! per-response loss into the loss of such a person — the one function every page, the
//! command line and docs/privacy.md state person-level figures from.
//!
//! # Privacy
//! Two neighbouring relations matter:
//! - **Adding or removing** a person's m answers ([`Neighbour::AddOrRemove`]) moves one
//!   count of each histogram by up to m. The discrete Gaussian's ρ grows with the square
//!   of that move (group privacy in zCDP: ρ·m²), the discrete Laplace's ε with the move
//!   itself (ε·m).
//! - **Changing what** those m answers said ([`Neighbour::Change`]) — the case for "who
//!   said what" when a facilitator knows who came — moves one count of each histogram
//!   down by m and another up by m: twice the squared move (2·ρ·m²), or twice the move
//!   (2·ε·m).
//!
//! ε is stated at δ = 10⁻⁶ by the tight conversion of [`crate::zcdp::epsilon_at`]. At the
//! default ρ = 1 per answer: one answer ε ≈ 7.77, a changed answer ≈ 11.69, two answers
//! ρ = 4 (ε ≈ 17.9), a weekly attender's four answers ρ = 16 (ε ≈ 44.3).
//! Each program's month has its own budget: months and programs add up for a person who
//! answers in several of them (ρ and ε both add).

use crate::budget::{Mechanism, PrivacySettings};
use crate::plan;
use crate::sampler::{Rational, RationalError};
use crate::zcdp::{self, DELTA};
use domain::i18n::Lang;

/// Which two worlds the protection tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Neighbour {
    /// With or without a person's answers.
    AddOrRemove,
    /// The same number of answers, saying something else.
    Change,
}

/// What one person loses in a program's month: in the mechanism's unit (ρ or ε), exact,
/// and as ε at δ = 10⁻⁶.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Protection {
    pub mechanism: Mechanism,
    pub loss: Rational,
    pub epsilon: f64,
}

/// The loss of someone who gives `answers` answers in a month of which each single answer
/// loses `per_answer` (a month's spend per response, from the plan or the ledger).
pub fn protection(
    mechanism: Mechanism,
    per_answer: Rational,
    answers: u32,
    neighbour: Neighbour,
) -> Result<Protection, RationalError> {
    let m = u128::from(answers);
    let moved = match mechanism {
        Mechanism::Gaussian => m * m,
        Mechanism::Laplace => m,
    };
    let factor = match neighbour {
        Neighbour::AddOrRemove => moved,
        Neighbour::Change => 2 * moved,
    };
    let loss = per_answer.checked_mul(Rational::integer(factor))?;
    let epsilon = match mechanism {
        Mechanism::Gaussian => zcdp::epsilon_at(loss.to_f64(), DELTA),
        Mechanism::Laplace => loss.to_f64(),
    };
    Ok(Protection {
        mechanism,
        loss,
        epsilon,
    })
}

/// The numbers of answers a month the person table always shows: once, twice, weekly (4
/// or 5 sessions in a month).
pub const SHOWN_ANSWERS: [u32; 4] = [1, 2, 4, 5];

/// One row of the person table.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonRow {
    pub answers: u32,
    /// Whether this is the number of answers the budget is planned for.
    pub planned: bool,
    pub add_or_remove: Protection,
    pub change: Protection,
}

/// The protection of a person who answers 1, 2, 4 and 5 times (and the planned number of
/// times, if another) in a program's month, under the settings in force.
pub fn table(settings: &PrivacySettings) -> Result<Vec<PersonRow>, RationalError> {
    let per_answer = plan::month_spend(settings)?;
    table_for(settings.mechanism, per_answer, settings.answers_per_person)
}

/// The person table for a month already spent: `per_answer` as the ledger records it, and
/// the number of answers it was planned for.
pub fn table_for(
    mechanism: Mechanism,
    per_answer: Rational,
    planned: u32,
) -> Result<Vec<PersonRow>, RationalError> {
    let mut counts = SHOWN_ANSWERS.to_vec();
    if !counts.contains(&planned) {
        counts.push(planned);
        counts.sort_unstable();
    }
    counts
        .into_iter()
        .map(|answers| {
            Ok(PersonRow {
                answers,
                planned: answers == planned,
                add_or_remove: protection(mechanism, per_answer, answers, Neighbour::AddOrRemove)?,
                change: protection(mechanism, per_answer, answers, Neighbour::Change)?,
            })
        })
        .collect()
}

/// A loss as people read it: "ρ = 16 (ε ≈ 44.3)", or "ε = 2" for pure DP.
pub fn worded(p: &Protection) -> String {
    worded_in(p, Lang::En)
}

/// [`worded`] with the numbers written as `lang` writes them ("ρ = 0,5 (ε ≈ 7,8)" in
/// Spanish).
pub fn worded_in(p: &Protection, lang: Lang) -> String {
    let n = |plain: &str| domain::locale::localize(lang, plain);
    match p.mechanism {
        Mechanism::Gaussian => format!(
            "ρ = {} (ε ≈ {})",
            n(&decimal(p.loss)),
            n(&format!("{:.1}", p.epsilon))
        ),
        Mechanism::Laplace => format!("ε = {}", n(&decimal(p.loss))),
    }
}

/// A loss as a short decimal: whole numbers as they are, others to at most four places
/// (1/16 → 0.0625, 4 → 4, 1/3 → 0.3333).
fn decimal(r: Rational) -> String {
    let v = r.to_f64();
    if (v - v.round()).abs() < 1e-12 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// The person table as Markdown (`hearth privacy accuracy`, docs/privacy.md).
pub fn table_markdown(settings: &PrivacySettings) -> Result<String, RationalError> {
    use std::fmt::Write;
    let mut out = String::new();
    let unit = settings.mechanism.unit();
    let _ = writeln!(
        out,
        "Protection of one person in one program's month, {} {unit}={} for each answer \
         (the budget {unit}={} planned for up to {} answer{} a person); ε at δ = 10⁻⁶. \
         Months and programs add up.\n",
        settings.mechanism.key(),
        plan::month_spend(settings)?,
        settings.budget,
        settings.answers_per_person,
        if settings.answers_per_person == 1 {
            ""
        } else {
            "s"
        },
    );
    let _ = writeln!(
        out,
        "| answers in the month | with or without them: {unit} | ε | what they said changed: {unit} | ε |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for row in table(settings)? {
        let _ = writeln!(
            out,
            "| {}{} | {} | {:.2} | {} | {:.2} |",
            row.answers,
            if row.planned { " (planned)" } else { "" },
            decimal(row.add_or_remove.loss),
            row.add_or_remove.epsilon,
            decimal(row.change.loss),
            row.change.epsilon,
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(rows: &[PersonRow], answers: u32) -> &PersonRow {
        rows.iter().find(|r| r.answers == answers).unwrap()
    }

    #[test]
    fn a_weekly_attender_at_rho_one_is_at_rho_sixteen_not_four_times_epsilon() {
        let rows = table(&PrivacySettings::default()).unwrap();
        let one = row(&rows, 1);
        assert_eq!(one.add_or_remove.loss, Rational::integer(1));
        assert!((one.add_or_remove.epsilon - 7.77).abs() < 0.01);
        // A changed answer moves two counts of each histogram: 2ρ.
        assert_eq!(one.change.loss, Rational::integer(2));
        assert!(
            (one.change.epsilon - 11.69).abs() < 0.01,
            "{:?}",
            one.change
        );
        let two = row(&rows, 2);
        assert_eq!(two.add_or_remove.loss, Rational::integer(4));
        assert!((two.add_or_remove.epsilon - 17.9).abs() < 0.05);
        let weekly = row(&rows, 4);
        assert_eq!(weekly.add_or_remove.loss, Rational::integer(16));
        assert!((weekly.add_or_remove.epsilon - 44.3).abs() < 0.05);
        assert!(
            weekly.add_or_remove.epsilon > 4.0 * 7.77,
            "m² grows faster than m·ε"
        );
        assert_eq!(row(&rows, 5).add_or_remove.loss, Rational::integer(25));
        assert!(one.planned && !weekly.planned);
    }

    #[test]
    fn under_laplace_noise_a_person_loses_m_times_epsilon() {
        let mut s = PrivacySettings::default();
        s.set("privacy.mechanism", "laplace").unwrap();
        s.set("privacy.budget", "2").unwrap();
        let rows = table(&s).unwrap();
        assert_eq!(row(&rows, 4).add_or_remove.loss, Rational::integer(8));
        assert_eq!(row(&rows, 4).add_or_remove.epsilon, 8.0);
        assert_eq!(row(&rows, 1).change.loss, Rational::integer(4));
        assert_eq!(row(&rows, 5).change.loss, Rational::integer(20));
    }

    #[test]
    fn planning_for_weekly_answers_gives_each_answer_a_sixteenth_and_the_person_the_budget() {
        let mut s = PrivacySettings::default();
        s.set("privacy.answers_per_person", "4").unwrap();
        assert_eq!(s.per_response_budget().unwrap(), "1/16".parse().unwrap());
        let rows = table(&s).unwrap();
        let weekly = row(&rows, 4);
        assert!(weekly.planned);
        assert_eq!(weekly.add_or_remove.loss, Rational::integer(1));
        assert!((weekly.add_or_remove.epsilon - 7.77).abs() < 0.01);
        // Five answers exceed the plan: (5/4)² of the budget.
        assert_eq!(row(&rows, 5).add_or_remove.loss, "25/16".parse().unwrap());

        let mut laplace = PrivacySettings::default();
        laplace.set("privacy.mechanism", "laplace").unwrap();
        laplace.set("privacy.answers_per_person", "4").unwrap();
        assert_eq!(
            laplace.per_response_budget().unwrap(),
            "1/4".parse().unwrap()
        );
        assert_eq!(
            row(&table(&laplace).unwrap(), 4).add_or_remove.loss,
            Rational::integer(1)
        );
    }

    #[test]
    fn a_number_of_answers_outside_the_table_is_added_when_it_is_the_plan() {
        let rows = table_for(Mechanism::Gaussian, "1/9".parse().unwrap(), 3).unwrap();
        let counts: Vec<u32> = rows.iter().map(|r| r.answers).collect();
        assert_eq!(counts, [1, 2, 3, 4, 5]);
        assert_eq!(row(&rows, 3).add_or_remove.loss, Rational::integer(1));
    }

    #[test]
    fn the_person_table_in_the_docs_is_the_one_the_code_computes() {
        let docs =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/privacy.md"))
                .unwrap();
        let table = table_markdown(&PrivacySettings::default()).unwrap();
        for line in table.lines().filter(|l| !l.is_empty()) {
            assert!(
                docs.contains(line),
                "docs/privacy.md lacks {line:?}: run `hearth privacy accuracy`"
            );
        }
    }

    #[test]
    fn losses_read_in_plain_figures() {
        let p = protection(
            Mechanism::Gaussian,
            Rational::integer(1),
            4,
            Neighbour::AddOrRemove,
        )
        .unwrap();
        assert_eq!(worded(&p), "ρ = 16 (ε ≈ 44.3)");
        let q = protection(
            Mechanism::Laplace,
            "1/4".parse().unwrap(),
            1,
            Neighbour::Change,
        )
        .unwrap();
        assert_eq!(worded(&q), "ε = 0.5");
        assert_eq!(worded_in(&p, Lang::Es), "ρ = 16 (ε ≈ 44,3)");
        assert_eq!(worded_in(&q, Lang::Es), "ε = 0,5");
    }
}
