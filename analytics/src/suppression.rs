//! Suppression: which noisy cells each audience may see.
//!
//! # Privacy
//! Every decision reads released (noisy) counts only (a decision on a true count would
//! leak it) and public parameters (thresholds, noise variances), so it is post-processing
//! and costs no budget. Four rules, for managers and funders separately:
//! 1. A cell is shown only when its released response count reaches the audience's
//!    threshold k plus m, a bound the noise exceeds with probability at most 1 %
//!    ([`tail_bound`]): so a cell of fewer than k true responses is shown at most 1 % of
//!    the time.
//! 2. Complementary suppression: where a shown parent (a program's month; the portfolio's
//!    quarter) has exactly one hidden child (a circle's month; a program's quarter), the
//!    shown sibling with the smallest noisy count is hidden too, so the parent minus the
//!    shown children never isolates the hidden one. With no sibling to hide, the parent is
//!    hidden instead.
//! 3. The first-time / returning split of a shown cell is shown only when both sides reach
//!    the threshold (the other side of a two-way split is the only sibling).
//! 4. Rule 2 again for splits: a shown parent split with exactly one hidden child split
//!    hides the next-smallest child split (or its own).
//!
//! Decisions can also be forced from outside a release ([`Forced`]): a quarter release
//! hides a program quarter (or its split) when exactly one of its stored months is hidden.
//!
//! Funders see nothing below program level: monthly cells are `NotReleased` to them.
//!
use std::collections::BTreeMap;

use crate::budget::{Level, Mechanism};
use crate::pipeline::CellKey;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Shown,
    Hidden,
    NotReleased,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Shown => "shown",
            Status::Hidden => "hidden",
            Status::NotReleased => "not_released",
        }
    }

    pub fn from_key(key: &str) -> Status {
        match key {
            "shown" => Status::Shown,
            "hidden" => Status::Hidden,
            _ => Status::NotReleased,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Manager,
    Funder,
}

/// The decision for one cell and one audience.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visibility {
    pub status: Status,
    /// Whether the first-time / returning split is hidden.
    pub split_hidden: bool,
}

/// Decisions imposed from outside the release: a program quarter whose stored months
/// would give a hidden month (or a hidden month's split) away.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Forced {
    pub cell: bool,
    pub split: bool,
}

/// The noise a released count exceeds with probability at most 1 %, from its variance V.
/// A released count is a least-squares combination of many independent noise draws (the
/// consistency fit), not one sampler's draw. Under the discrete Gaussian such a
/// combination is Gaussian to a close approximation (each draw is itself
/// σ²-subgaussian, Canonne, Kamath and Steinke 2020, and many add up), so m is the
/// normal 99th percentile, ⌈2.3263·√V⌉. Rounding to integers cannot tip a cell over: a
/// cell below k has at most k − 1 true responses, so reaching k + m takes noise of more
/// than m. `a_circle_one_short_of_the_threshold_is_shown_at_most_one_time_in_a_hundred`
/// checks the whole pipeline against this. Discrete Laplace draws have heavier tails:
/// there the bound is Cantelli's inequality, P(X ≥ m) ≤ V/(V + m²), which holds for any
/// distribution: m = ⌈√(99·V)⌉.
pub fn tail_bound(mechanism: Mechanism, variance: f64) -> i64 {
    let m = match mechanism {
        Mechanism::Gaussian => 2.3263 * variance.sqrt(),
        Mechanism::Laplace => (99.0 * variance).sqrt(),
    };
    m.ceil() as i64
}

/// What the rules read of a cell: its released response count and first-time split, and
/// from which count each audience may see them (threshold plus noise bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub responses: i64,
    /// (first time, returning), where the cell has the split.
    pub split: Option<(i64, i64)>,
    /// [manager, funder]
    pub cell_from: [i64; 2],
    pub split_from: [i64; 2],
}

/// Decides, for every cell, what managers and what funders may see.
pub fn decide(
    cells: &BTreeMap<CellKey, Sizes>,
    forced: &BTreeMap<CellKey, Forced>,
) -> BTreeMap<CellKey, [Visibility; 2]> {
    let mut out = BTreeMap::new();
    for (a, audience) in [Audience::Manager, Audience::Funder]
        .into_iter()
        .enumerate()
    {
        let released = |key: &CellKey| match audience {
            Audience::Manager => key.level.manager_visible(),
            Audience::Funder => key.level.funder_visible(),
        };
        // Rule 1, and decisions forced from other releases. `true` means hidden; a cell
        // the audience never sees counts as hidden, so it is never a shown parent.
        let mut hidden: BTreeMap<&CellKey, bool> = cells
            .iter()
            .map(|(key, sizes)| {
                let below = sizes.responses < sizes.cell_from[a];
                (
                    key,
                    !released(key) || below || forced.get(key).is_some_and(|f| f.cell),
                )
            })
            .collect();
        // Rule 2.
        complement(cells, &mut hidden, |sizes| Some(sizes.responses));
        // Rule 3: each side of the split must reach the threshold. A cell without a split
        // has nothing to hide and takes no part in rule 4.
        let mut split_hidden: BTreeMap<&CellKey, bool> = cells
            .iter()
            .filter(|(_, sizes)| sizes.split.is_some())
            .map(|(key, sizes)| {
                let (yes, no) = sizes.split.expect("filtered");
                let forced_split = forced.get(key).is_some_and(|f| f.split);
                let from = sizes.split_from[a];
                (
                    key,
                    hidden[key] || forced_split || yes < from || no < from,
                )
            })
            .collect();
        // Rule 4: rule 2 for splits, sized by their smaller side.
        complement(cells, &mut split_hidden, |sizes| {
            sizes.split.map(|(yes, no)| yes.min(no))
        });
        for key in cells.keys() {
            let status = match (released(key), hidden[key]) {
                (false, _) => Status::NotReleased,
                (true, true) => Status::Hidden,
                (true, false) => Status::Shown,
            };
            out.entry(key.clone()).or_insert(
                [Visibility {
                    status: Status::NotReleased,
                    split_hidden: true,
                }; 2],
            )[a] = Visibility {
                status,
                split_hidden: split_hidden.get(key).copied().unwrap_or(true),
            };
        }
    }
    out
}

/// Complementary suppression, for cells or for splits: wherever a shown parent (a
/// program's month; the portfolio's quarter) has exactly one hidden child (a circle's
/// month; a program's quarter), the shown child that is smallest by `size` is hidden too,
/// or the parent itself when it has no other child.
fn complement<'a>(
    cells: &'a BTreeMap<CellKey, Sizes>,
    hidden: &mut BTreeMap<&'a CellKey, bool>,
    size: impl Fn(&Sizes) -> Option<i64>,
) {
    const FAMILIES: [(Level, Level); 2] = [
        (Level::ProgramMonth, Level::CircleMonth),
        (Level::PortfolioQuarter, Level::ProgramQuarter),
    ];
    for (parent_level, child_level) in FAMILIES {
        for parent in cells.keys().filter(|k| k.level == parent_level) {
            if hidden.get(parent).is_none_or(|h| *h) {
                continue;
            }
            let children: Vec<&CellKey> = cells
                .keys()
                .filter(|k| {
                    k.level == child_level
                        && hidden.contains_key(k)
                        && (parent_level == Level::PortfolioQuarter
                            || k.program_id == parent.program_id)
                })
                .collect();
            if children.iter().filter(|c| hidden[**c]).count() != 1 {
                continue;
            }
            let next_smallest = children
                .iter()
                .filter(|c| !hidden[**c])
                .min_by_key(|c| (size(&cells[**c]), (**c).clone()));
            match next_smallest {
                Some(sibling) => hidden.insert(sibling, true),
                None => hidden.insert(parent, true),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(
        level: Level,
        program: Option<i32>,
        circle: Option<i32>,
        n: i64,
        first: i64,
        returning: i64,
    ) -> (CellKey, Sizes) {
        (
            CellKey {
                level,
                program_id: program,
                circle_id: circle,
                period: "2026-10".parse().unwrap(),
            },
            Sizes {
                responses: n,
                split: Some((first, returning)),
                cell_from: [5, 5],
                split_from: [5, 5],
            },
        )
    }

    fn manager(d: &BTreeMap<CellKey, [Visibility; 2]>, circle: i32) -> Status {
        d.iter()
            .find(|(k, _)| k.circle_id == Some(circle))
            .unwrap()
            .1[0]
            .status
    }

    #[test]
    fn a_small_circle_is_hidden_and_so_is_its_smallest_sibling() {
        let cells: BTreeMap<_, _> = [
            cell(Level::CircleMonth, Some(1), Some(10), 3, 1, 2),
            cell(Level::CircleMonth, Some(1), Some(11), 20, 5, 15),
            cell(Level::CircleMonth, Some(1), Some(12), 9, 4, 5),
            cell(Level::ProgramMonth, Some(1), None, 32, 10, 22),
        ]
        .into_iter()
        .collect();
        let d = decide(&cells, &BTreeMap::new());
        assert_eq!(manager(&d, 10), Status::Hidden);
        assert_eq!(
            manager(&d, 12),
            Status::Hidden,
            "the next-smallest sibling stays visible"
        );
        assert_eq!(manager(&d, 11), Status::Shown);
        // Funders never see monthly cells.
        assert!(d.values().all(|v| v[1].status == Status::NotReleased));
    }

    #[test]
    fn a_lone_hidden_child_hides_its_parent() {
        let cells: BTreeMap<_, _> = [
            cell(Level::CircleMonth, Some(1), Some(10), 3, 1, 2),
            cell(Level::ProgramMonth, Some(1), None, 6, 2, 4),
        ]
        .into_iter()
        .collect();
        let d = decide(&cells, &BTreeMap::new());
        assert!(d.values().all(|v| v[0].status == Status::Hidden));
    }

    #[test]
    fn two_hidden_children_need_no_more_hiding() {
        let cells: BTreeMap<_, _> = [
            cell(Level::CircleMonth, Some(1), Some(10), 3, 1, 2),
            cell(Level::CircleMonth, Some(1), Some(11), 4, 1, 3),
            cell(Level::CircleMonth, Some(1), Some(12), 30, 10, 20),
            cell(Level::ProgramMonth, Some(1), None, 37, 12, 25),
        ]
        .into_iter()
        .collect();
        let d = decide(&cells, &BTreeMap::new());
        assert_eq!(manager(&d, 12), Status::Shown);
    }

    #[test]
    fn one_hidden_circle_split_hides_a_sibling_split_under_a_shown_program_split() {
        let cells: BTreeMap<_, _> = [
            cell(Level::CircleMonth, Some(1), Some(10), 40, 1, 39),
            cell(Level::CircleMonth, Some(1), Some(11), 40, 15, 25),
            cell(Level::CircleMonth, Some(1), Some(12), 40, 20, 20),
            cell(Level::ProgramMonth, Some(1), None, 120, 36, 84),
        ]
        .into_iter()
        .collect();
        let d = decide(&cells, &BTreeMap::new());
        let split = |circle: i32| {
            d.iter()
                .find(|(k, _)| k.circle_id == Some(circle))
                .unwrap()
                .1[0]
                .split_hidden
        };
        assert!(split(10));
        assert!(
            split(11),
            "the next-smallest split stays visible: program minus 11 and 12 gives 10's newcomer"
        );
        assert!(!split(12));
    }

    #[test]
    fn a_forced_quarter_is_hidden_and_its_siblings_follow_rule_two() {
        let cells: BTreeMap<_, _> = [
            cell(Level::ProgramQuarter, Some(1), None, 300, 40, 260),
            cell(Level::ProgramQuarter, Some(2), None, 200, 30, 170),
            cell(Level::ProgramQuarter, Some(3), None, 250, 30, 220),
            cell(Level::PortfolioQuarter, None, None, 750, 100, 650),
        ]
        .into_iter()
        .collect();
        let p1 = cells
            .keys()
            .find(|k| k.program_id == Some(1))
            .unwrap()
            .clone();
        let forced: BTreeMap<_, _> = [(
            p1.clone(),
            Forced {
                cell: true,
                split: false,
            },
        )]
        .into_iter()
        .collect();
        let d = decide(&cells, &forced);
        assert_eq!(d[&p1][0].status, Status::Hidden);
        let hidden = d
            .iter()
            .filter(|(k, v)| k.level == Level::ProgramQuarter && v[1].status == Status::Hidden)
            .count();
        assert_eq!(
            hidden, 2,
            "funders: one forced-hidden program quarter makes rule 2 hide another"
        );
    }

    #[test]
    fn a_split_with_one_small_side_is_hidden_whole() {
        let cells: BTreeMap<_, _> = [
            cell(Level::ProgramQuarter, Some(1), None, 40, 1, 39),
            cell(Level::ProgramQuarter, Some(2), None, 40, 12, 28),
            cell(Level::PortfolioQuarter, None, None, 80, 13, 67),
        ]
        .into_iter()
        .collect();
        let d = decide(&cells, &BTreeMap::new());
        let p1 = d.iter().find(|(k, _)| k.program_id == Some(1)).unwrap().1;
        let p2 = d.iter().find(|(k, _)| k.program_id == Some(2)).unwrap().1;
        assert!(p1[0].split_hidden && p1[1].split_hidden);
        // Rule 4: with p1's split hidden under the shown portfolio split, the next-smallest
        // program split is hidden too, or portfolio minus p2 would give p1's newcomer.
        assert!(p2[0].split_hidden && p2[1].split_hidden);
        assert_eq!(p1[1].status, Status::Shown, "funders see program quarters");
    }
}

#[cfg(test)]
mod bound_tests {
    use super::*;

    #[test]
    fn the_tail_bound_is_exceeded_at_most_one_time_in_a_hundred() {
        use crate::sampler::{DiscreteGaussian, DiscreteLaplace, Rational, seeded_rng};
        use rand_distr::Distribution;
        let mut rng = seeded_rng(3);
        let g = DiscreteGaussian::new(Rational::integer(4)).unwrap();
        let m = tail_bound(Mechanism::Gaussian, 4.0);
        let over = (0..100_000).filter(|_| g.sample(&mut rng) > m).count();
        assert!(over < 1000, "{over}");
        let l = DiscreteLaplace::new(Rational::integer(2)).unwrap();
        let variance = {
            let q = (-0.5f64).exp();
            2.0 * q / (1.0 - q).powi(2)
        };
        let m = tail_bound(Mechanism::Laplace, variance);
        let over = (0..100_000).filter(|_| l.sample(&mut rng) >= m).count();
        assert!(over < 1000, "{over}");
    }
}
