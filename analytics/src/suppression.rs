//! Suppression: which noisy cells each audience may see.
//!
//! # Privacy
//! Every decision reads noisy counts only (a decision on a true count would leak it) and
//! public parameters (thresholds, noise scales), so it is post-processing and costs no
//! budget. Three rules, for managers and funders separately:
//! 1. A cell is shown only when its noisy response count reaches the audience's threshold
//!    plus the 90 % margin of that count's noise ([`PrivacySettings::show_from`]).
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
//! [`PrivacySettings::show_from`]: crate::budget::PrivacySettings::show_from

use std::collections::BTreeMap;

use crate::budget::Level;
use crate::measure::position;
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

/// What the rules need to know about the thresholds: the noisy response count from which
/// a cell of a level is shown, and from which a side of the split is shown.
pub trait Thresholds {
    fn cell_from(&self, level: Level, audience: Audience) -> i64;
    fn split_from(&self, level: Level, audience: Audience) -> i64;
}

/// Decides, for every cell, what managers and what funders may see.
pub fn decide(
    cells: &BTreeMap<CellKey, Vec<i64>>,
    thresholds: &impl Thresholds,
    forced: &BTreeMap<CellKey, Forced>,
) -> BTreeMap<CellKey, [Visibility; 2]> {
    let responses = position("responses").expect("responses is a measure");
    let (yes, no) = (
        position("first_time_yes").unwrap(),
        position("first_time_no").unwrap(),
    );
    let mut out = BTreeMap::new();
    for (a, audience) in [Audience::Manager, Audience::Funder]
        .into_iter()
        .enumerate()
    {
        let released = |key: &CellKey| audience == Audience::Manager || key.level.funder_visible();
        // Rule 1, and decisions forced from other releases. `true` means hidden; a cell
        // the audience never sees counts as hidden, so it is never a shown parent.
        let mut hidden: BTreeMap<&CellKey, bool> = cells
            .iter()
            .map(|(key, counts)| {
                let below = counts[responses] < thresholds.cell_from(key.level, audience);
                (
                    key,
                    !released(key) || below || forced.get(key).is_some_and(|f| f.cell),
                )
            })
            .collect();
        // Rule 2.
        complement(cells, &mut hidden, |counts| counts[responses]);
        // Rule 3: each side of the split must reach the threshold.
        let mut split_hidden: BTreeMap<&CellKey, bool> = cells
            .iter()
            .map(|(key, counts)| {
                let from = thresholds.split_from(key.level, audience);
                let forced_split = forced.get(key).is_some_and(|f| f.split);
                (
                    key,
                    hidden[key] || forced_split || counts[yes] < from || counts[no] < from,
                )
            })
            .collect();
        // Rule 4: rule 2 for splits, sized by their smaller side.
        complement(cells, &mut split_hidden, |counts| {
            counts[yes].min(counts[no])
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
                split_hidden: split_hidden[key],
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
    cells: &'a BTreeMap<CellKey, Vec<i64>>,
    hidden: &mut BTreeMap<&'a CellKey, bool>,
    size: impl Fn(&[i64]) -> i64,
) {
    const FAMILIES: [(Level, Level); 2] = [
        (Level::ProgramMonth, Level::CircleMonth),
        (Level::PortfolioQuarter, Level::ProgramQuarter),
    ];
    for (parent_level, child_level) in FAMILIES {
        for parent in cells.keys().filter(|k| k.level == parent_level) {
            if hidden[parent] {
                continue;
            }
            let children: Vec<&CellKey> = cells
                .keys()
                .filter(|k| {
                    k.level == child_level
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
    use crate::measure::measures;

    struct Fixed(i64);
    impl Thresholds for Fixed {
        fn cell_from(&self, _: Level, _: Audience) -> i64 {
            self.0
        }
        fn split_from(&self, _: Level, _: Audience) -> i64 {
            self.0
        }
    }

    fn cell(
        level: Level,
        program: Option<i32>,
        circle: Option<i32>,
        n: i64,
        first: i64,
        returning: i64,
    ) -> (CellKey, Vec<i64>) {
        let mut counts = vec![0; measures().len()];
        counts[position("responses").unwrap()] = n;
        counts[position("first_time_yes").unwrap()] = first;
        counts[position("first_time_no").unwrap()] = returning;
        (
            CellKey {
                level,
                program_id: program,
                circle_id: circle,
                period: "2026-10".into(),
            },
            counts,
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
        let d = decide(&cells, &Fixed(5), &BTreeMap::new());
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
        let d = decide(&cells, &Fixed(5), &BTreeMap::new());
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
        let d = decide(&cells, &Fixed(5), &BTreeMap::new());
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
        let d = decide(&cells, &Fixed(5), &BTreeMap::new());
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
        let d = decide(&cells, &Fixed(5), &forced);
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
        let d = decide(&cells, &Fixed(5), &BTreeMap::new());
        let p1 = d.iter().find(|(k, _)| k.program_id == Some(1)).unwrap().1;
        let p2 = d.iter().find(|(k, _)| k.program_id == Some(2)).unwrap().1;
        assert!(p1[0].split_hidden && p1[1].split_hidden);
        // Rule 4: with p1's split hidden under the shown portfolio split, the next-smallest
        // program split is hidden too, or portfolio minus p2 would give p1's newcomer.
        assert!(p2[0].split_hidden && p2[1].split_hidden);
        assert_eq!(p1[1].status, Status::Shown, "funders see program quarters");
    }
}
