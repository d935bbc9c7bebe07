//! Consistency: from a month's noisy measurements to released counts that add up.
//!
//! A month is a tree: the portfolio's month, each program's month under it, each circle's
//! month under its program. The plan measures some groups of histograms at some of these
//! levels. This step finds, for every count, the least-squares estimate that uses every
//! measurement of it (Hay, Rastogi, Miklau and Suciu 2010, for trees whose levels have
//! different noise: one pass up the tree combining each node's own measurement with the
//! sum of its children's estimates by inverse variance, one pass down sharing each parent's
//! difference among its children by variance). Then, in every cell, each histogram is
//! shifted to one common total — `responses`, the inverse-variance average of the
//! histograms' totals — so a cell's histograms all sum to its responses. Last, counts are
//! made non-negative integers from the top down (the TopDown way of the Census 2020): the
//! portfolio's, then each program's within the portfolio's, then each circle's within its
//! program's, so clamping never adds anything to a total.
//!
//! What holds, for every measure, in every release (tested over random catalogs and
//! seeds): a parent's count is the sum of its children's; every histogram of a cell sums to
//! its `responses`; every count is a non-negative integer.
//!
//! # Privacy
//! Everything here reads only the noisy measurements and the public noise variances: it is
//! post-processing and spends nothing.

use std::collections::BTreeMap;

use domain::{CircleId, ProgramId};

use crate::budget::Level;
use crate::figures::{BinNoise, CellNoise};
use crate::integer::{simplex_round, table_round};
use crate::measure::{Group, Histogram, Measure, histograms, measures, position};
use crate::pipeline::{CellKey, Measured};

/// One released cell: its counts in [`measures`] order (`None`: not released at this
/// level), and their noise.
#[derive(Clone, Debug, PartialEq)]
pub struct ReleasedCell {
    pub counts: Vec<Option<i64>>,
    pub noise: CellNoise,
}

impl ReleasedCell {
    pub fn count(&self, measure: Measure) -> Option<i64> {
        position(measure).and_then(|p| self.counts[p])
    }
}

/// The released cells of a period: consistent, non-negative integer counts with their
/// noise. Made only from noisy measurements ([`fit`]) or from stored releases (a quarter
/// from its months), so nothing un-noised can become one.
#[derive(Clone, Debug, PartialEq)]
pub struct Released {
    cells: BTreeMap<CellKey, ReleasedCell>,
}

impl Released {
    pub fn cells(&self) -> &BTreeMap<CellKey, ReleasedCell> {
        &self.cells
    }
}

/// A quarter's released cells from its stored months (plan 2): each program's quarter is
/// the sum of its months, the portfolio's quarter the sum of the portfolio's months; the
/// noise of independent months adds. Post-processing: nothing is measured, nothing read.
pub(crate) fn sum_months(
    quarter: crate::period::Period,
    months: &[crate::view::Release],
) -> Released {
    let mut cells: BTreeMap<CellKey, ReleasedCell> = BTreeMap::new();
    for release in months {
        for cell in &release.cells {
            let level = match cell.key.level {
                Level::ProgramMonth => Level::ProgramQuarter,
                Level::PortfolioMonth => Level::PortfolioQuarter,
                _ => continue,
            };
            let key = CellKey {
                level,
                program_id: cell.key.program_id,
                circle_id: None,
                period: quarter,
            };
            let noise = cell.noise.clone().unwrap_or_default();
            let slot = cells.entry(key).or_insert_with(|| ReleasedCell {
                counts: vec![None; measures().len()],
                noise: CellNoise::default(),
            });
            for (at, &measure) in measures().iter().enumerate() {
                if let Some(v) = cell.value(measure) {
                    slot.counts[at] = Some(slot.counts[at].unwrap_or(0) + v);
                }
            }
            slot.noise = slot.noise.add(&noise);
        }
    }
    Released { cells }
}

/// The month's tree: node 0 is the portfolio, then programs, then circles.
struct Tree {
    keys: Vec<CellKey>,
    children: Vec<Vec<usize>>,
}

impl Tree {
    fn of(cells: &BTreeMap<CellKey, Vec<Option<i64>>>) -> Tree {
        let mut keys: Vec<CellKey> = cells
            .keys()
            .filter(|k| k.level == Level::PortfolioMonth)
            .cloned()
            .collect();
        assert_eq!(keys.len(), 1, "a month has one portfolio cell");
        keys.extend(
            cells
                .keys()
                .filter(|k| k.level == Level::ProgramMonth)
                .cloned(),
        );
        keys.extend(
            cells
                .keys()
                .filter(|k| k.level == Level::CircleMonth)
                .cloned(),
        );
        let mut children = vec![Vec::new(); keys.len()];
        for i in 1..keys.len() {
            let p = if keys[i].level == Level::ProgramMonth {
                0
            } else {
                keys.iter()
                    .position(|k| {
                        k.level == Level::ProgramMonth && k.program_id == keys[i].program_id
                    })
                    .expect("a circle's program is in the month")
            };
            children[p].push(i);
        }
        Tree { keys, children }
    }

    /// Nodes children-first (circles, programs, the portfolio).
    fn upward(&self) -> impl Iterator<Item = usize> {
        (0..self.keys.len()).rev()
    }
}

/// The least-squares fit of one count over the tree, for one group: `measured[i]` is the
/// node's own measurement (with `variance[i]`), `None` where its level measures nothing.
/// Returns every node's estimate; `nodes` limits the tree to the levels the group reaches.
struct Smoother {
    /// Per node: the variance of its estimate from its subtree alone, and of the final one.
    up: Vec<f64>,
    fitted: Vec<f64>,
    own: Vec<Option<f64>>,
    active: Vec<bool>,
}

impl Smoother {
    fn new(tree: &Tree, own: Vec<Option<f64>>) -> Smoother {
        let n = tree.keys.len();
        // A node takes part when it or a descendant is measured.
        let mut active = vec![false; n];
        for i in tree.upward() {
            active[i] = own[i].is_some() || tree.children[i].iter().any(|&c| active[c]);
        }
        let mut up = vec![f64::INFINITY; n];
        for i in tree.upward().filter(|&i| active[i]) {
            let kids: Vec<usize> = tree.children[i]
                .iter()
                .copied()
                .filter(|&c| active[c])
                .collect();
            let from_children = (!kids.is_empty()).then(|| kids.iter().map(|&c| up[c]).sum());
            up[i] = match (own[i], from_children) {
                (Some(v), Some(s)) => 1.0 / (1.0 / v + 1.0 / s),
                (Some(v), None) => v,
                (None, Some(s)) => s,
                (None, None) => unreachable!("an active node is measured or has active children"),
            };
        }
        let mut fitted = up.clone();
        for i in 0..n {
            if !active[i] {
                continue;
            }
            let kids: Vec<usize> = tree.children[i]
                .iter()
                .copied()
                .filter(|&c| active[c])
                .collect();
            let s: f64 = kids.iter().map(|&c| up[c]).sum();
            for &c in &kids {
                let k = up[c] / s;
                fitted[c] = up[c] + k * k * (fitted[i] - s);
            }
        }
        Smoother {
            up,
            fitted,
            own,
            active,
        }
    }

    /// Fits one bin: `y[i]` is node i's measurement where it has one.
    fn fit(&self, tree: &Tree, y: &[Option<f64>]) -> Vec<f64> {
        let n = tree.keys.len();
        let mut z = vec![0.0; n];
        for i in tree.upward().filter(|&i| self.active[i]) {
            let kids = tree.children[i].iter().filter(|&&c| self.active[c]);
            let (mut s, mut vs, mut any) = (0.0, 0.0, false);
            for &c in kids {
                s += z[c];
                vs += self.up[c];
                any = true;
            }
            z[i] = match (self.own[i], y[i], any) {
                (Some(v), Some(yi), true) => (yi / v + s / vs) / (1.0 / v + 1.0 / vs),
                (Some(_), Some(yi), false) => yi,
                (_, _, true) => s,
                _ => 0.0,
            };
        }
        let mut x = z.clone();
        for i in 0..n {
            if !self.active[i] {
                continue;
            }
            let kids: Vec<usize> = tree.children[i]
                .iter()
                .copied()
                .filter(|&c| self.active[c])
                .collect();
            let s: f64 = kids.iter().map(|&c| z[c]).sum();
            let vs: f64 = kids.iter().map(|&c| self.up[c]).sum();
            for &c in &kids {
                x[c] = z[c] + (self.up[c] / vs) * (x[i] - s);
            }
        }
        x
    }
}

/// The smoother of each group the plan measures somewhere in the month.
fn smoothers(tree: &Tree, variances: &BTreeMap<(Level, Group), f64>) -> BTreeMap<Group, Smoother> {
    let mut out = BTreeMap::new();
    for group in Group::ALL {
        let own: Vec<Option<f64>> = tree
            .keys
            .iter()
            .map(|k| variances.get(&(k.level, group)).copied())
            .collect();
        if own.iter().any(Option::is_some) {
            out.insert(group, Smoother::new(tree, own));
        }
    }
    out
}

/// The histograms whose totals make up `responses`, with their weights: those of groups
/// measured down to every circle, weighted by the inverse variance of their total at the
/// deepest level. The same weights in every cell, so `responses` adds up.
fn total_weights(
    tree: &Tree,
    smoothers: &BTreeMap<Group, Smoother>,
) -> Vec<(&'static Histogram, f64)> {
    let n = tree.keys.len();
    let weighted: Vec<(&Histogram, f64)> = histograms()
        .iter()
        .filter_map(|h| {
            let s = smoothers.get(&h.group)?;
            if !(0..n).all(|i| s.active[i]) {
                return None;
            }
            let deepest = s.own.iter().rev().flatten().next().copied()?;
            Some((h, 1.0 / (h.bins.len() as f64 * deepest)))
        })
        .collect();
    let total: f64 = weighted.iter().map(|(_, w)| w).sum();
    weighted.into_iter().map(|(h, w)| (h, w / total)).collect()
}

/// The noise of every cell's released counts (before rounding to integers).
fn cell_noise(
    tree: &Tree,
    smoothers: &BTreeMap<Group, Smoother>,
    weights: &[(&Histogram, f64)],
) -> Vec<CellNoise> {
    (0..tree.keys.len())
        .map(|i| {
            let u: f64 = weights
                .iter()
                .map(|(h, l)| l * l * h.bins.len() as f64 * smoothers[&h.group].fitted[i])
                .sum();
            let mut groups = BTreeMap::new();
            for (group, s) in smoothers {
                if !s.active[i] {
                    continue;
                }
                let bins = group
                    .histograms()
                    .next()
                    .expect("a group has histograms")
                    .bins
                    .len() as f64;
                let v = s.fitted[i];
                groups.insert(
                    *group,
                    BinNoise {
                        variance: v * (bins - 1.0) / bins + u / (bins * bins),
                        covariance: -v / bins + u / (bins * bins),
                        with_total: u / bins,
                    },
                );
            }
            CellNoise {
                responses: u,
                groups,
            }
        })
        .collect()
}

/// The noise of a circle's, a program's and the portfolio's month in a portfolio of
/// `programs` programs of `circles` circles each, under the given noise variances: what
/// the accuracy table shows.
pub(crate) fn shape_noise(
    variances: &BTreeMap<(Level, Group), f64>,
    programs: usize,
    circles: usize,
) -> (CellNoise, CellNoise, CellNoise) {
    let month: crate::period::Period = "2026-01".parse().expect("a month");
    let key = |level, program_id, circle_id| CellKey {
        level,
        program_id,
        circle_id,
        period: month,
    };
    let mut cells = BTreeMap::new();
    cells.insert(key(Level::PortfolioMonth, None, None), vec![]);
    for p in 0..programs.max(1) as i32 {
        cells.insert(
            key(Level::ProgramMonth, Some(ProgramId::new(p)), None),
            vec![],
        );
        for c in 0..circles.max(1) as i32 {
            cells.insert(
                key(
                    Level::CircleMonth,
                    Some(ProgramId::new(p)),
                    Some(CircleId::new(p * 10_000 + c)),
                ),
                vec![],
            );
        }
    }
    let tree = Tree::of(&cells);
    let smoothers = smoothers(&tree, variances);
    let weights = total_weights(&tree, &smoothers);
    let noise = cell_noise(&tree, &smoothers, &weights);
    let circle = tree.keys.len() - 1;
    (noise[circle].clone(), noise[1].clone(), noise[0].clone())
}

/// Fits a month's measurements into consistent, non-negative integer counts (see the
/// module docs).
pub(crate) fn fit(measured: Measured) -> Released {
    let tree = Tree::of(measured.cells());
    let n = tree.keys.len();
    let rows: Vec<&Vec<Option<i64>>> = tree.keys.iter().map(|k| &measured.cells()[k]).collect();
    let smoothers = smoothers(&tree, measured.variances());

    // Least squares over the tree, bin by bin.
    let mut fitted: Vec<Vec<f64>> = vec![vec![0.0; measures().len()]; n];
    for h in histograms() {
        let Some(smoother) = smoothers.get(&h.group) else {
            continue;
        };
        for at in h.positions() {
            let y: Vec<Option<f64>> = rows
                .iter()
                .map(|r| r.get(at).copied().flatten().map(|v| v as f64))
                .collect();
            for (i, x) in smoother.fit(&tree, &y).into_iter().enumerate() {
                fitted[i][at] = x;
            }
        }
    }

    let weights = total_weights(&tree, &smoothers);
    let total_of = |row: &[f64], h: &Histogram| -> f64 {
        h.positions().into_iter().map(|at| row[at]).sum::<f64>()
    };
    let responses: Vec<f64> = (0..n)
        .map(|i| {
            weights
                .iter()
                .map(|(h, l)| l * total_of(&fitted[i], h))
                .sum()
        })
        .collect();

    // Every histogram of a cell shifted evenly to the cell's responses.
    for i in 0..n {
        for h in histograms() {
            if !smoothers.get(&h.group).is_some_and(|s| s.active[i]) {
                continue;
            }
            let shift = (responses[i] - total_of(&fitted[i], h)) / h.bins.len() as f64;
            for at in h.positions() {
                fitted[i][at] += shift;
            }
        }
    }

    let counts = integers(&tree, &smoothers, &fitted, &responses);
    let noise = cell_noise(&tree, &smoothers, &weights);
    let cells = tree
        .keys
        .into_iter()
        .zip(counts.into_iter().zip(noise))
        .map(|(key, (counts, noise))| (key, ReleasedCell { counts, noise }))
        .collect();
    Released { cells }
}

/// Non-negative integers from the top down: each level's counts are rounded within their
/// parent's, so every sum holds exactly.
fn integers(
    tree: &Tree,
    smoothers: &BTreeMap<Group, Smoother>,
    fitted: &[Vec<f64>],
    responses: &[f64],
) -> Vec<Vec<Option<i64>>> {
    let n = tree.keys.len();
    let mut out: Vec<Vec<Option<i64>>> = vec![vec![None; measures().len()]; n];
    let total = position(Measure::RESPONSES).expect("responses is a measure");
    let portfolio = responses[0].round().max(0.0) as i64;
    out[0][total] = Some(portfolio);
    for h in histograms() {
        if smoothers.get(&h.group).is_some_and(|s| s.active[0]) {
            let at = h.positions();
            let values: Vec<f64> = at.iter().map(|&p| fitted[0][p]).collect();
            for (&p, v) in at.iter().zip(simplex_round(&values, portfolio)) {
                out[0][p] = Some(v);
            }
        }
    }
    // Programs within the portfolio, then circles within each program.
    let mut parents = vec![0usize];
    while !parents.is_empty() {
        let mut next = Vec::new();
        for &p in &parents {
            let kids = &tree.children[p];
            if kids.is_empty() {
                continue;
            }
            let kid_totals: Vec<f64> = kids.iter().map(|&c| responses[c]).collect();
            let parent_total =
                out[p][total].expect("a parent's total is rounded before its children's");
            let rows = simplex_round(&kid_totals, parent_total);
            for (&c, &r) in kids.iter().zip(&rows) {
                out[c][total] = Some(r);
            }
            for h in histograms() {
                let Some(s) = smoothers.get(&h.group) else {
                    continue;
                };
                if !kids.iter().all(|&c| s.active[c]) {
                    continue;
                }
                let at = h.positions();
                // A group fitted at every child is fitted at their parent (a node is
                // active when a child is), whose counts are rounded first.
                let cols: Vec<i64> = at
                    .iter()
                    .map(|&b| out[p][b].expect("the parent's bins are rounded first"))
                    .collect();
                let values: Vec<Vec<f64>> = kids
                    .iter()
                    .map(|&c| at.iter().map(|&b| fitted[c][b]).collect())
                    .collect();
                let table = table_round(&values, &rows, &cols);
                for (&c, row) in kids.iter().zip(table) {
                    for (&b, v) in at.iter().zip(row) {
                        out[c][b] = Some(v);
                    }
                }
            }
            next.extend(kids.iter().copied());
        }
        parents = next;
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::period::Period;

    pub(crate) fn key(level: Level, program: Option<i32>, circle: Option<i32>) -> CellKey {
        CellKey {
            level,
            program_id: program.map(ProgramId::new),
            circle_id: circle.map(CircleId::new),
            period: "2026-10".parse::<Period>().unwrap(),
        }
    }

    /// Checks the three promises on a released month.
    pub(crate) fn assert_consistent(released: &Released) {
        let cells = released.cells();
        for (k, cell) in cells {
            for (m, v) in measures().iter().zip(&cell.counts) {
                if let Some(v) = v {
                    assert!(*v >= 0, "{k:?} {m} = {v}");
                }
            }
            let n = cell
                .count(Measure::RESPONSES)
                .expect("every cell has responses");
            for h in histograms() {
                let bins: Option<Vec<i64>> = h.bins.iter().map(|&b| cell.count(b)).collect();
                if let Some(bins) = bins {
                    assert_eq!(bins.iter().sum::<i64>(), n, "{k:?} {}", h.name);
                }
            }
        }
        for (parent, child) in [
            (Level::PortfolioMonth, Level::ProgramMonth),
            (Level::ProgramMonth, Level::CircleMonth),
        ] {
            for (pk, p) in cells.iter().filter(|(k, _)| k.level == parent) {
                let kids: Vec<&ReleasedCell> = cells
                    .iter()
                    .filter(|(k, _)| {
                        k.level == child
                            && (parent == Level::PortfolioMonth || k.program_id == pk.program_id)
                    })
                    .map(|(_, c)| c)
                    .collect();
                for (at, m) in measures().iter().enumerate() {
                    let sum: Option<i64> = kids.iter().map(|c| c.counts[at]).sum();
                    if let (Some(sum), Some(v)) = (sum, p.counts[at]) {
                        assert_eq!(sum, v, "{pk:?} {m}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_tree_smoother_matches_the_two_level_closed_form() {
        // Children of variance a, a parent of variance b: the fitted child variance is
        // a − a²/(Ca + b), the parent's Cab/(Ca + b).
        let mut cells = BTreeMap::new();
        cells.insert(key(Level::PortfolioMonth, None, None), vec![]);
        cells.insert(key(Level::ProgramMonth, Some(1), None), vec![]);
        for c in 0..5 {
            cells.insert(key(Level::CircleMonth, Some(1), Some(c)), vec![]);
        }
        let tree = Tree::of(&cells);
        let (a, b) = (4.0, 12.0);
        let own: Vec<Option<f64>> = tree
            .keys
            .iter()
            .map(|k| match k.level {
                Level::CircleMonth => Some(a),
                Level::ProgramMonth => Some(b),
                _ => None,
            })
            .collect();
        let s = Smoother::new(&tree, own);
        let c = 5.0;
        assert!((s.fitted[1] - c * a * b / (c * a + b)).abs() < 1e-9);
        assert!((s.fitted[2] - (a - a * a / (c * a + b))).abs() < 1e-9);
        // The portfolio is the program here: the same estimate.
        assert!((s.fitted[0] - s.fitted[1]).abs() < 1e-9);
        // Values: the parent's difference is shared evenly among equal children.
        let y: Vec<Option<f64>> = vec![
            None,
            Some(60.0),
            Some(10.0),
            Some(10.0),
            Some(10.0),
            Some(10.0),
            Some(10.0),
        ];
        let x = s.fit(&tree, &y);
        let w = c * a / (c * a + b);
        let parent = w * 60.0 + (1.0 - w) * 50.0;
        assert!((x[1] - parent).abs() < 1e-9);
        assert!((x[2] - (10.0 + (parent - 50.0) / 5.0)).abs() < 1e-9);
        assert!((x[2..].iter().sum::<f64>() - x[1]).abs() < 1e-9);
    }
}
