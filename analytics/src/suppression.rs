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
//! 2. Complementary suppression: released counts add up exactly (a program's month is the
//!    sum of its circles', the portfolio's quarter the sum of its programs'), so wherever
//!    a shown parent has hidden children, the parent minus its shown children is the sum
//!    of the hidden ones. With exactly one hidden child, or with several whose sum would
//!    itself fall below the threshold (rule 1 applied to the sum, with the noise of the
//!    sum), the shown sibling with the smallest count is hidden too, and again until the
//!    hidden ones together are large enough; with no sibling left, the parent is hidden.
//! 3. The first-time / returning split of a shown cell is shown only when both sides reach
//!    the threshold (the other side of a two-way split is the only sibling).
//! 4. Rule 2 again for splits: hidden child splits under a shown parent split must add up,
//!    on each side, to the threshold; else the next-smallest child split is hidden (or the
//!    parent's).
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

    /// The status a stored key names; `None` for anything else (a stored value this
    /// version does not know is an error, never silently "not released").
    pub fn from_key(key: &str) -> Option<Status> {
        [Status::Shown, Status::Hidden, Status::NotReleased]
            .into_iter()
            .find(|s| s.key() == key)
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
/// would give hidden months (or hidden months' splits) away — rule 2 across releases.
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

/// What the rules read of a cell: its released response count and first-time split, with
/// the noise variance of each (public, stored with the release).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    pub responses: i64,
    pub responses_variance: f64,
    /// (first time, returning), where the cell has the split.
    pub split: Option<(i64, i64)>,
    /// The noise variance of each side of the split.
    pub split_variance: f64,
}

/// The thresholds: k per audience, and the mechanism whose noise bound is added to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// [manager, funder]
    pub k: [i64; 2],
    pub mechanism: Mechanism,
}

impl Rule {
    /// The released count from which audience `a` may see a count of noise `variance`.
    pub fn from(&self, a: usize, variance: f64) -> i64 {
        self.k[a] + tail_bound(self.mechanism, variance)
    }

    /// Whether counts summing to `values` (each side of a split, or a response count), with
    /// noise `variance`, are too small to be seen by audience `a` — as one cell, or as the
    /// sum of hidden cells a parent minus its shown children would give away.
    pub fn too_small(&self, a: usize, values: &[i64], variance: f64) -> bool {
        values.iter().any(|&v| v < self.from(a, variance))
    }
}

/// Decides, for every cell, what managers and what funders may see.
pub fn decide(
    cells: &BTreeMap<CellKey, Sizes>,
    rule: &Rule,
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
                let below = rule.too_small(a, &[sizes.responses], sizes.responses_variance);
                (
                    key,
                    !released(key) || below || forced.get(key).is_some_and(|f| f.cell),
                )
            })
            .collect();
        // Rule 2.
        complement(
            cells,
            &mut hidden,
            |sizes| Some((vec![sizes.responses], sizes.responses_variance)),
            |values, variance| rule.too_small(a, values, variance),
        );
        // Rule 3: each side of the split must reach the threshold. A cell without a split
        // has nothing to hide and takes no part in rule 4.
        let mut split_hidden: BTreeMap<&CellKey, bool> = cells
            .iter()
            .filter_map(|(key, sizes)| {
                let (yes, no) = sizes.split?;
                let forced_split = forced.get(key).is_some_and(|f| f.split);
                Some((
                    key,
                    hidden[key]
                        || forced_split
                        || rule.too_small(a, &[yes, no], sizes.split_variance),
                ))
            })
            .collect();
        // Rule 4: rule 2 for splits.
        complement(
            cells,
            &mut split_hidden,
            |sizes| {
                sizes
                    .split
                    .map(|(yes, no)| (vec![yes, no], sizes.split_variance))
            },
            |values, variance| rule.too_small(a, values, variance),
        );
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
/// program's month; the portfolio's quarter) has hidden children (a circle's month; a
/// program's quarter) whose values, summed, are exactly one child's or `too_small`, the
/// shown child with the smallest value is hidden too — again until they are not — or the
/// parent itself when no child is left to hide. `parts` gives a cell's values (its count,
/// or both sides of its split) and their noise variance.
fn complement<'a>(
    cells: &'a BTreeMap<CellKey, Sizes>,
    hidden: &mut BTreeMap<&'a CellKey, bool>,
    parts: impl Fn(&Sizes) -> Option<(Vec<i64>, f64)>,
    too_small: impl Fn(&[i64], f64) -> bool,
) {
    const FAMILIES: [(Level, Level); 2] = [
        (Level::ProgramMonth, Level::CircleMonth),
        (Level::PortfolioQuarter, Level::ProgramQuarter),
    ];
    for (parent_level, child_level) in FAMILIES {
        for parent in cells.keys().filter(|k| k.level == parent_level) {
            let children: Vec<&CellKey> = cells
                .keys()
                .filter(|k| {
                    k.level == child_level
                        && hidden.contains_key(k)
                        && (parent_level == Level::PortfolioQuarter
                            || k.program_id == parent.program_id)
                })
                .collect();
            loop {
                if hidden.get(parent).is_none_or(|h| *h) {
                    break;
                }
                let hidden_children: Vec<&CellKey> =
                    children.iter().copied().filter(|c| hidden[*c]).collect();
                if hidden_children.is_empty() {
                    break;
                }
                let (mut sum, mut variance) = (Vec::<i64>::new(), 0.0);
                for c in &hidden_children {
                    let (values, v) = parts(&cells[*c]).expect("a child in the map has parts");
                    if sum.is_empty() {
                        sum = vec![0; values.len()];
                    }
                    for (s, x) in sum.iter_mut().zip(values) {
                        *s += x;
                    }
                    variance += v;
                }
                if hidden_children.len() > 1 && !too_small(&sum, variance) {
                    break;
                }
                let next_smallest = children.iter().filter(|c| !hidden[**c]).min_by_key(|c| {
                    let values = parts(&cells[**c]).map(|(v, _)| v).unwrap_or_default();
                    (values.into_iter().min(), (**c).clone())
                });
                match next_smallest {
                    Some(sibling) => hidden.insert(sibling, true),
                    None => hidden.insert(parent, true),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::{CircleId, ProgramId};

    #[test]
    fn a_stored_status_reads_back_and_an_unknown_one_is_refused() {
        for status in [Status::Shown, Status::Hidden, Status::NotReleased] {
            assert_eq!(Status::from_key(status.key()), Some(status));
        }
        assert_eq!(Status::from_key("Shown"), None);
        assert_eq!(Status::from_key("too_uncertain"), None);
    }

    /// k = 5 for both audiences, and no noise to add to it.
    const RULE: Rule = Rule {
        k: [5, 5],
        mechanism: Mechanism::Gaussian,
    };

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
                program_id: program.map(ProgramId::new),
                circle_id: circle.map(CircleId::new),
                period: "2026-10".parse().unwrap(),
            },
            Sizes {
                responses: n,
                responses_variance: 0.0,
                split: Some((first, returning)),
                split_variance: 0.0,
            },
        )
    }

    fn manager(d: &BTreeMap<CellKey, [Visibility; 2]>, circle: i32) -> Status {
        d.iter()
            .find(|(k, _)| k.circle_id == Some(CircleId::new(circle)))
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
        let d = decide(&cells, &RULE, &BTreeMap::new());
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
        let d = decide(&cells, &RULE, &BTreeMap::new());
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
        let d = decide(&cells, &RULE, &BTreeMap::new());
        assert_eq!(manager(&d, 12), Status::Shown);
    }

    #[test]
    fn hidden_children_that_add_up_to_too_few_are_joined_by_a_sibling() {
        // Program minus the shown circles would give 2 + 2 = 4 responses: below k, so the
        // next-smallest circle is hidden too, and then the hidden ones add up to enough.
        let cells: BTreeMap<_, _> = [
            cell(Level::CircleMonth, Some(1), Some(10), 2, 1, 1),
            cell(Level::CircleMonth, Some(1), Some(11), 2, 1, 1),
            cell(Level::CircleMonth, Some(1), Some(12), 30, 10, 20),
            cell(Level::CircleMonth, Some(1), Some(13), 40, 10, 30),
            cell(Level::ProgramMonth, Some(1), None, 74, 22, 52),
        ]
        .into_iter()
        .collect();
        let d = decide(&cells, &RULE, &BTreeMap::new());
        assert_eq!(manager(&d, 12), Status::Hidden);
        assert_eq!(manager(&d, 13), Status::Shown);
        // The noise of the sum counts too: with a variance of 9 the bound adds 7 to k.
        let noisy: BTreeMap<_, _> = cells
            .into_iter()
            .map(|(k, mut s)| {
                s.responses_variance = 9.0 / 4.0;
                (k, s)
            })
            .collect();
        let rule = Rule {
            k: [5, 5],
            mechanism: Mechanism::Gaussian,
        };
        assert_eq!(rule.from(0, 9.0), 5 + 7);
        let d = decide(&noisy, &rule, &BTreeMap::new());
        assert_eq!(manager(&d, 10), Status::Hidden);
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
        let d = decide(&cells, &RULE, &BTreeMap::new());
        let split = |circle: i32| {
            d.iter()
                .find(|(k, _)| k.circle_id == Some(CircleId::new(circle)))
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
            .find(|k| k.program_id == Some(ProgramId::new(1)))
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
        let d = decide(&cells, &RULE, &forced);
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
        let d = decide(&cells, &RULE, &BTreeMap::new());
        let p1 = d
            .iter()
            .find(|(k, _)| k.program_id == Some(ProgramId::new(1)))
            .unwrap()
            .1;
        let p2 = d
            .iter()
            .find(|(k, _)| k.program_id == Some(ProgramId::new(2)))
            .unwrap()
            .1;
        assert!(p1[0].split_hidden && p1[1].split_hidden);
        // Rule 4: with p1's split hidden under the funders' portfolio split, the
        // next-smallest program split is hidden too, or portfolio minus p2 would give p1's
        // newcomer. Managers see no portfolio, so nothing forces p2's split from them.
        assert!(p2[1].split_hidden);
        assert!(!p2[0].split_hidden);
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
