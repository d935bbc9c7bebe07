//! Integer counts from real estimates.
//!
//! Least-squares estimates of counts are real numbers, may be negative, and — once made
//! consistent — sum exactly along a hierarchy (the circles of a program sum to the
//! program). A release shows counts, so they must become non-negative integers that still
//! sum exactly: otherwise a reader adding up the circles gets a different program total
//! than the one shown next to them.
//!
//! Both functions here first find the closest non-negative real solution (a Euclidean
//! projection) and then round it, moving each cell to its floor or ceiling wherever the
//! sums allow. Everything is deterministic: the same inputs always give the same integers,
//! so rounding draws no randomness and is post-processing of the noisy estimates (it costs
//! no privacy budget).

use std::collections::VecDeque;

/// A real value this close to an integer is taken to be that integer, so that floating-point
/// error in a projection never moves a cell across a floor (a 3 computed as 2.9999999999
/// would otherwise round to 2 or need a unit it does not deserve).
const SNAP: f64 = 1e-9;

/// Dykstra's iteration stops once an iteration moves no cell by more than this (in either
/// of its two projections).
const TOLERANCE: f64 = 1e-9;

/// Dykstra's iteration stops here even when it has not settled; the rounding still meets
/// the margins exactly, only the table is a little farther from the least-squares one.
const MAX_ITERATIONS: usize = 20_000;

/// The non-negative integers summing to `total` closest to `values`: the Euclidean
/// projection onto the simplex {x ≥ 0, Σx = total} (water-filling: x_i = max(v_i − τ, 0)),
/// then largest-remainder rounding (ties broken by lower index) so the integers sum to
/// `total` exactly.
///
/// A `total` below 0 is treated as 0, and then every integer is 0. An empty `values` cannot
/// sum to a positive total: asking for that is a caller's bug (a debug assertion), and
/// release builds get an empty vector. Non-finite values count as 0.
pub(crate) fn simplex_round(values: &[f64], total: i64) -> Vec<i64> {
    let total = total.max(0);
    if values.is_empty() {
        debug_assert_eq!(total, 0, "no values can sum to a positive total");
        return Vec::new();
    }
    if total == 0 {
        return vec![0; values.len()];
    }
    let projected = simplex_projection(values, total as f64);
    largest_remainder(&projected, total)
}

/// A non-negative integer table (rows × cols) whose row sums are exactly `rows` and column
/// sums exactly `cols` (both non-negative, with equal totals), close to the real table
/// `values` (`values[r][c]`, which may hold negatives and need not meet the margins):
///
/// 1. the least-squares projection of `values` onto {X ≥ 0, row sums = rows,
///    column sums = cols}, by Dykstra's alternating projections between the affine set of
///    tables with those margins and the non-negative orthant ([`project`]);
/// 2. controlled rounding ([`round`]): every cell becomes its floor or its ceiling, the
///    ceilings going to the largest fractional parts wherever the margins allow.
///
/// The margins are always met exactly, even when the projection has not converged; only the
/// floor-or-ceiling promise can then give way. Rows or columns whose margin is 0 are all
/// zeros. Non-finite values count as 0. Inconsistent margins (different totals, a negative
/// margin, a shape that does not match `values`) are a caller's bug: debug builds panic,
/// release builds give a non-negative table that meets as much of the margins as it can.
pub(crate) fn table_round(values: &[Vec<f64>], rows: &[i64], cols: &[i64]) -> Vec<Vec<i64>> {
    debug_assert_eq!(values.len(), rows.len(), "one margin per row");
    debug_assert!(
        values.iter().all(|row| row.len() == cols.len()),
        "one margin per column"
    );
    debug_assert!(
        rows.iter().chain(cols).all(|&margin| margin >= 0),
        "margins are counts"
    );
    debug_assert_eq!(
        rows.iter().sum::<i64>(),
        cols.iter().sum::<i64>(),
        "row and column margins share one total"
    );

    let mut table = vec![vec![0; cols.len()]; rows.len()];
    let live_rows: Vec<usize> = (0..rows.len()).filter(|&r| rows[r] > 0).collect();
    let live_cols: Vec<usize> = (0..cols.len()).filter(|&c| cols[c] > 0).collect();
    if live_rows.is_empty() || live_cols.is_empty() {
        return table;
    }

    let row_margins: Vec<i64> = live_rows.iter().map(|&r| rows[r]).collect();
    let col_margins: Vec<i64> = live_cols.iter().map(|&c| cols[c]).collect();
    let live_values: Vec<f64> = live_rows
        .iter()
        .flat_map(|&r| {
            live_cols.iter().map(move |&c| {
                values
                    .get(r)
                    .and_then(|row| row.get(c))
                    .map_or(0.0, |&v| finite(v))
            })
        })
        .collect();

    let real = project(
        &live_values,
        &row_margins.iter().map(|&m| m as f64).collect::<Vec<_>>(),
        &col_margins.iter().map(|&m| m as f64).collect::<Vec<_>>(),
    );
    let rounded = round(&real, &row_margins, &col_margins);

    let width = live_cols.len();
    for (i, &r) in live_rows.iter().enumerate() {
        for (j, &c) in live_cols.iter().enumerate() {
            table[r][c] = rounded[i * width + j];
        }
    }
    table
}

/// The Euclidean projection of `values` onto {x ≥ 0, Σx = total}, for `total` > 0:
/// x_i = max(v_i − τ, 0), with τ chosen so the positive parts sum to `total` (Held, Wolfe
/// and Crowder's sort-based water-filling, 1974).
fn simplex_projection(values: &[f64], total: f64) -> Vec<f64> {
    let values: Vec<f64> = values.iter().copied().map(finite).collect();
    let mut sorted = values.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));

    // The largest value is always above the water line when the total is positive.
    let mut sum = sorted[0];
    let mut tau = sum - total;
    for (j, &value) in sorted.iter().enumerate().skip(1) {
        sum += value;
        let candidate = (sum - total) / (j + 1) as f64;
        if value <= candidate {
            break;
        }
        tau = candidate;
    }
    values.iter().map(|&v| (v - tau).max(0.0)).collect()
}

/// Non-negative integers summing to `total`, each the floor or the ceiling of the
/// corresponding (non-negative) real wherever the reals sum to `total`: every floor, plus
/// one for the largest fractional parts (ties to the lower index).
fn largest_remainder(reals: &[f64], total: i64) -> Vec<i64> {
    let reals: Vec<f64> = reals.iter().map(|&v| snap(v.max(0.0))).collect();
    let mut integers: Vec<i64> = reals.iter().map(|v| v.floor() as i64).collect();
    let mut order: Vec<usize> = (0..reals.len()).collect();
    order.sort_by(|&a, &b| {
        fraction(reals[b])
            .total_cmp(&fraction(reals[a]))
            .then(a.cmp(&b))
    });

    let mut missing = total - integers.iter().sum::<i64>();
    // A surplus only arises from numerical trouble: take it back from the smallest
    // fractional parts, where a lost unit costs least.
    while missing < 0 {
        for &i in order.iter().rev() {
            if missing == 0 {
                break;
            }
            if integers[i] > 0 {
                integers[i] -= 1;
                missing += 1;
            }
        }
    }
    let count = integers.len() as i64;
    for (rank, &i) in order.iter().enumerate() {
        integers[i] += missing / count + i64::from((rank as i64) < missing % count);
    }
    integers
}

/// The least-squares projection of the row-major table `values` (`rows.len()` ×
/// `cols.len()`) onto {X ≥ 0, row sums = `rows`, column sums = `cols`}.
///
/// Dykstra's algorithm alternates between the affine set of tables with those margins and
/// the non-negative orthant, carrying a correction for the orthant (the affine set needs
/// none). Each orthant iterate is optimal for the margins it happens to have (Dykstra's
/// invariant: values − iterate lies in the normal cones), so the iteration stops when an
/// iteration moves nothing by more than [`TOLERANCE`] — neither projection shifts a cell
/// further than that, so the iterate meets the margins to within it — or after
/// [`MAX_ITERATIONS`]. The result is the last affine iterate: it meets the margins up to
/// rounding error and may hold tiny negatives (or, unconverged, larger ones).
///
/// A cell that started far below 0 stalls the iteration: the tables stay put while the
/// corrections drain, one step at a time, until some cell held at 0 comes back into play.
/// Such a stretch, in which only the corrections move, is crossed in a single step (the same
/// arithmetic, multiplied, [`skip_stall`]); without that, values around −10⁵ exhaust the
/// iteration cap.
///
/// Most tables need no iteration at all: when the first affine projection has no negative
/// cell it is already the answer.
fn project(values: &[f64], rows: &[f64], cols: &[f64]) -> Vec<f64> {
    let mut affine = vec![0.0; values.len()];
    onto_margins(values, rows, cols, &mut affine);
    if affine.iter().all(|&v| v >= 0.0) {
        return affine;
    }

    let mut orthant = values.to_vec();
    let mut correction = vec![0.0; values.len()];
    let mut next_affine = vec![0.0; values.len()];
    for _ in 0..MAX_ITERATIONS {
        let mut step = 0.0_f64;
        let mut drift = 0.0_f64;
        for ((x, q), &y) in orthant.iter_mut().zip(&mut correction).zip(&affine) {
            let shifted = y + *q;
            let next = shifted.max(0.0);
            *q = shifted - next;
            step = step.max((next - y).abs());
            drift = drift.max((next - *x).abs());
            *x = next;
        }
        onto_margins(&orthant, rows, cols, &mut next_affine);
        for ((&next, &previous), &x) in next_affine.iter().zip(&affine).zip(&orthant) {
            step = step.max((next - x).abs());
            drift = drift.max((next - previous).abs());
        }
        std::mem::swap(&mut affine, &mut next_affine);
        if step <= TOLERANCE {
            break;
        }
        if drift <= TOLERANCE {
            skip_stall(&orthant, &affine, &mut correction);
        }
    }
    affine
}

/// Advances Dykstra's orthant corrections over a stall: while no cell changes, every cell
/// held at 0 adds its affine value to its correction each iteration, so the number of
/// iterations before the first cell with a positive affine value leaves 0 is known, and
/// all but the last of them are taken at once.
fn skip_stall(orthant: &[f64], affine: &[f64], correction: &mut [f64]) {
    let steps = orthant
        .iter()
        .zip(affine)
        .zip(correction.iter())
        .filter(|((x, y), _)| **x == 0.0 && **y > 0.0)
        .map(|((_, y), q)| (-q / y).floor() - 1.0)
        .fold(f64::INFINITY, f64::min);
    if !(1.0..f64::INFINITY).contains(&steps) {
        return;
    }
    for ((&x, &y), q) in orthant.iter().zip(affine).zip(correction) {
        if x == 0.0 {
            *q += steps * y;
        }
    }
}

/// The orthogonal projection of the row-major table `values` onto the affine set of tables
/// whose row sums are `rows` and column sums `cols`, written to `out`:
/// X + r_i/C + s_j/R − Σr/(RC), where r and s are the row and column residuals.
fn onto_margins(values: &[f64], rows: &[f64], cols: &[f64], out: &mut [f64]) {
    let (height, width) = (rows.len(), cols.len());
    let mut row_residual = rows.to_vec();
    let mut col_residual = cols.to_vec();
    for (i, row) in values.chunks_exact(width).enumerate() {
        for (j, &v) in row.iter().enumerate() {
            row_residual[i] -= v;
            col_residual[j] -= v;
        }
    }
    let shift = row_residual.iter().sum::<f64>() / (height * width) as f64;
    for (i, (row, out_row)) in values
        .chunks_exact(width)
        .zip(out.chunks_exact_mut(width))
        .enumerate()
    {
        let row_share = row_residual[i] / width as f64 - shift;
        for ((out, &v), &s) in out_row.iter_mut().zip(row).zip(&col_residual) {
            *out = v + row_share + s / height as f64;
        }
    }
}

/// Controlled rounding of the row-major real table `real` to non-negative integers with row
/// sums exactly `rows` and column sums exactly `cols`.
///
/// Every cell starts at its floor (negatives clamped to 0, near-integers snapped). The units
/// each row and column still needs are then handed out at most one per cell: greedily to
/// the largest fractional parts first, then by augmenting paths (a unit max-flow from rows
/// through cells to columns) when the greedy choice blocks, first over cells with a
/// fractional part and then over any cell. When `real` meets the margins, that always
/// places every unit (the transportation polytope has integer vertices), so each cell ends
/// at its floor or ceiling. Whatever numerical trouble leaves over is placed without the
/// one-per-cell limit, so the margins are met regardless.
fn round(real: &[f64], rows: &[i64], cols: &[i64]) -> Vec<i64> {
    let width = cols.len();
    let reals: Vec<f64> = real.iter().map(|&v| snap(v.max(0.0))).collect();
    let fractions: Vec<f64> = reals.iter().map(|&v| fraction(v)).collect();
    let mut table: Vec<i64> = reals.iter().map(|v| v.floor() as i64).collect();

    trim_surplus(&mut table, &fractions, rows, cols);
    let mut row_need: Vec<i64> = rows
        .iter()
        .zip(table.chunks_exact(width))
        .map(|(&margin, row)| margin - row.iter().sum::<i64>())
        .collect();
    let mut col_need: Vec<i64> = cols.to_vec();
    for row in table.chunks_exact(width) {
        for (need, &cell) in col_need.iter_mut().zip(row) {
            *need -= cell;
        }
    }

    let mut raised = vec![false; table.len()];
    let mut order: Vec<(f64, usize)> = fractions
        .iter()
        .enumerate()
        .filter(|&(_, &f)| f > 0.0)
        .map(|(k, &f)| (f, k))
        .collect();
    order.sort_unstable_by(|(f, k), (g, l)| g.total_cmp(f).then(k.cmp(l)));
    for (_, k) in order {
        let (i, j) = (k / width, k % width);
        if row_need[i] > 0 && col_need[j] > 0 {
            raised[k] = true;
            table[k] += 1;
            row_need[i] -= 1;
            col_need[j] -= 1;
        }
    }

    let mut flow = Flow {
        table: &mut table,
        raised: &mut raised,
        row_need: &mut row_need,
        col_need: &mut col_need,
    };
    while flow.augment(|k| fractions[k] > 0.0) {}
    while flow.augment(|_| true) {}

    for (i, row) in table.chunks_exact_mut(width).enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            let units = row_need[i].min(col_need[j]);
            if units > 0 {
                *cell += units;
                row_need[i] -= units;
                col_need[j] -= units;
            }
        }
    }
    table
}

/// Lowers cells until no row and then no column sums to more than its margin, taking each
/// unit from the cell with the smallest fractional part (it loses least). Floors of a table
/// that meets its margins never exceed them; this only undoes numerical trouble, and leaves
/// every remaining need non-negative, which the rounding relies on.
fn trim_surplus(table: &mut [i64], fractions: &[f64], rows: &[i64], cols: &[i64]) {
    let width = cols.len();
    for (i, &margin) in rows.iter().enumerate() {
        trim_line(table, fractions, (0..width).map(|j| i * width + j), margin);
    }
    for (j, &margin) in cols.iter().enumerate() {
        trim_line(
            table,
            fractions,
            (0..rows.len()).map(|i| i * width + j),
            margin,
        );
    }
}

/// Lowers the `cells` of one row or column until they sum to no more than `margin`.
fn trim_line(
    table: &mut [i64],
    fractions: &[f64],
    cells: impl Iterator<Item = usize> + Clone,
    margin: i64,
) {
    let mut surplus = cells.clone().map(|k| table[k]).sum::<i64>() - margin;
    while surplus > 0 {
        let Some(k) = cells
            .clone()
            .filter(|&k| table[k] > 0)
            .min_by(|&a, &b| fractions[a].total_cmp(&fractions[b]))
        else {
            break;
        };
        table[k] -= 1;
        surplus -= 1;
    }
}

/// The residual network of the rounding: a row can send a unit to a column through a cell
/// not yet raised, and a column can pass one back to a row through a raised cell (undoing
/// that raise).
struct Flow<'a> {
    table: &'a mut [i64],
    raised: &'a mut [bool],
    row_need: &'a mut [i64],
    col_need: &'a mut [i64],
}

impl Flow<'_> {
    /// Places one more unit along a shortest augmenting path from a row that needs one to a
    /// column that needs one, raising only `eligible` cells. False when there is no such path.
    fn augment(&mut self, eligible: impl Fn(usize) -> bool) -> bool {
        let (height, width) = (self.row_need.len(), self.col_need.len());
        let mut reached_col_from: Vec<Option<usize>> = vec![None; width];
        let mut reached_row_from: Vec<Option<usize>> = vec![None; height];
        let mut row_seen: Vec<bool> = self.row_need.iter().map(|&need| need > 0).collect();
        let mut queue: VecDeque<usize> = (0..height).filter(|&i| row_seen[i]).collect();

        while let Some(i) = queue.pop_front() {
            for j in 0..width {
                let k = i * width + j;
                if reached_col_from[j].is_some() || self.raised[k] || !eligible(k) {
                    continue;
                }
                reached_col_from[j] = Some(i);
                if self.col_need[j] > 0 {
                    self.flip_path(j, &reached_col_from, &reached_row_from);
                    return true;
                }
                for (back, seen) in row_seen.iter_mut().enumerate() {
                    if !*seen && self.raised[back * width + j] {
                        *seen = true;
                        reached_row_from[back] = Some(j);
                        queue.push_back(back);
                    }
                }
            }
        }
        false
    }

    /// Walks the path ending at column `end` back to its source row, raising the cells it
    /// entered columns through and lowering those it left them by.
    fn flip_path(
        &mut self,
        end: usize,
        reached_col_from: &[Option<usize>],
        reached_row_from: &[Option<usize>],
    ) {
        let width = self.col_need.len();
        let mut j = end;
        while let Some(i) = reached_col_from[j] {
            self.raised[i * width + j] = true;
            self.table[i * width + j] += 1;
            match reached_row_from[i] {
                Some(previous) => {
                    self.raised[i * width + previous] = false;
                    self.table[i * width + previous] -= 1;
                    j = previous;
                }
                None => {
                    self.row_need[i] -= 1;
                    break;
                }
            }
        }
        self.col_need[end] -= 1;
    }
}

fn finite(value: f64) -> f64 {
    if value.is_finite() { value } else { 0.0 }
}

fn snap(value: f64) -> f64 {
    let nearest = value.round();
    if (value - nearest).abs() <= SNAP {
        nearest
    } else {
        value
    }
}

fn fraction(value: f64) -> f64 {
    value - value.floor()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marsaglia's xorshift64: enough randomness for property tests, and reproducible.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn uniform(&mut self, low: f64, high: f64) -> f64 {
            low + (high - low) * (self.next() >> 11) as f64 / (1_u64 << 53) as f64
        }

        /// A table of small non-negative integers, at least a fifth of them 0, so that some
        /// rows and columns come out all zero.
        fn counts(&mut self, height: usize, width: usize) -> Vec<Vec<i64>> {
            (0..height)
                .map(|_| {
                    (0..width)
                        .map(|_| {
                            if self.below(5) == 0 {
                                0
                            } else {
                                self.below(30) as i64
                            }
                        })
                        .collect()
                })
                .collect()
        }
    }

    fn margins(table: &[Vec<i64>]) -> (Vec<i64>, Vec<i64>) {
        let rows = table.iter().map(|row| row.iter().sum()).collect();
        let cols = (0..table.first().map_or(0, Vec::len))
            .map(|c| table.iter().map(|row| row[c]).sum())
            .collect();
        (rows, cols)
    }

    fn norm(v: &[f64]) -> f64 {
        v.iter().map(|x| x * x).sum::<f64>().sqrt()
    }

    #[test]
    fn random_tables_meet_their_margins_exactly_and_stay_non_negative() {
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..4000 {
            let (height, width) = (1 + rng.below(40), 1 + rng.below(7));
            let (rows, cols) = margins(&rng.counts(height, width));
            let values: Vec<Vec<f64>> = (0..height)
                .map(|_| (0..width).map(|_| rng.uniform(-5.0, 60.0)).collect())
                .collect();
            let table = table_round(&values, &rows, &cols);
            assert!(table.iter().flatten().all(|&cell| cell >= 0));
            assert_eq!(margins(&table), (rows, cols));
        }
    }

    #[test]
    fn a_table_that_already_meets_its_margins_moves_each_cell_to_its_floor_or_ceiling() {
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..2000 {
            let (height, width) = (1 + rng.below(40), 1 + rng.below(7));
            let counts = rng.counts(height, width);
            let (rows, cols) = margins(&counts);
            let mut values: Vec<Vec<f64>> = counts
                .iter()
                .map(|row| row.iter().map(|&c| c as f64).collect())
                .collect();
            // Moving mass around a rectangle keeps every margin.
            if height > 1 && width > 1 {
                for _ in 0..height * width {
                    let (a, c) = (rng.below(height), rng.below(height));
                    let (b, d) = (rng.below(width), rng.below(width));
                    if a == c || b == d {
                        continue;
                    }
                    let low = -values[a][b].min(values[c][d]);
                    let high = values[a][d].min(values[c][b]);
                    let t = rng.uniform(low, high);
                    values[a][b] += t;
                    values[c][d] += t;
                    values[a][d] -= t;
                    values[c][b] -= t;
                }
            }
            let table = table_round(&values, &rows, &cols);
            assert_eq!(margins(&table), (rows, cols));
            for (row, real_row) in table.iter().zip(&values) {
                for (&cell, &real) in row.iter().zip(real_row) {
                    let cell = cell as f64;
                    assert!(
                        (real - SNAP).floor() <= cell && cell <= (real + SNAP).ceil(),
                        "{real} became {cell}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_integer_table_that_meets_its_margins_comes_back_unchanged() {
        let mut rng = XorShift(7);
        for _ in 0..500 {
            let (height, width) = (1 + rng.below(40), 1 + rng.below(7));
            let counts = rng.counts(height, width);
            let (rows, cols) = margins(&counts);
            let values: Vec<Vec<f64>> = counts
                .iter()
                .map(|row| row.iter().map(|&c| c as f64).collect())
                .collect();
            assert_eq!(table_round(&values, &rows, &cols), counts);
        }
    }

    #[test]
    fn rows_and_columns_with_a_zero_margin_are_all_zeros() {
        let values = vec![
            vec![5.0, 9.0, -1.0],
            vec![3.0, 4.0, 8.0],
            vec![7.0, 2.0, 6.0],
        ];
        let table = table_round(&values, &[4, 0, 6], &[5, 5, 0]);
        assert_eq!(table[1], vec![0, 0, 0]);
        assert!(table.iter().all(|row| row[2] == 0));
        assert_eq!(margins(&table), (vec![4, 0, 6], vec![5, 5, 0]));
        assert_eq!(
            table_round(&values, &[0, 0, 0], &[0, 0, 0]),
            vec![vec![0; 3]; 3]
        );
    }

    #[test]
    fn the_projection_is_the_closest_non_negative_table_with_those_margins() {
        // X is the projection of V onto a convex set exactly when ⟨V − X, Z − X⟩ ≤ 0 for every
        // Z in the set. The Zs here are tables known to have the margins: the counts they
        // came from, the independence table, the rounded projection, and X moved around
        // rectangles as far as non-negativity allows. Half the cases hold values far below
        // 0, which stall Dykstra's iteration until their corrections drain.
        let mut rng = XorShift(0xdead_beef);
        for case in 0..400 {
            let (height, width) = (1 + rng.below(25), 1 + rng.below(6));
            let counts = rng.counts(height, width);
            let (rows, cols) = margins(&counts);
            let total = rows.iter().sum::<i64>() as f64;
            if total == 0.0 {
                continue;
            }
            let values: Vec<f64> = (0..height * width)
                .map(|_| {
                    if case % 2 == 1 && rng.below(10) == 0 {
                        -rng.uniform(0.0, 1e5)
                    } else {
                        rng.uniform(-20.0, 40.0)
                    }
                })
                .collect();
            let real_rows: Vec<f64> = rows.iter().map(|&m| m as f64).collect();
            let real_cols: Vec<f64> = cols.iter().map(|&m| m as f64).collect();
            let projected = project(&values, &real_rows, &real_cols);
            assert!(projected.iter().all(|&x| x >= -1e-6));
            for (i, row) in projected.chunks(width).enumerate() {
                assert!((row.iter().sum::<f64>() - real_rows[i]).abs() < 1e-6);
            }
            for (j, &margin) in real_cols.iter().enumerate() {
                let sum: f64 = projected.iter().skip(j).step_by(width).sum();
                assert!((sum - margin).abs() < 1e-6);
            }

            let mut others = vec![
                (0..height * width)
                    .map(|k| real_rows[k / width] * real_cols[k % width] / total)
                    .collect(),
                counts.iter().flatten().map(|&c| c as f64).collect(),
                round(&projected, &rows, &cols)
                    .iter()
                    .map(|&c| c as f64)
                    .collect::<Vec<f64>>(),
            ];
            for _ in 0..20 {
                let (a, c) = (rng.below(height), rng.below(height));
                let (b, d) = (rng.below(width), rng.below(width));
                let step = projected[a * width + d].min(projected[c * width + b]);
                if a != c && b != d && step > 0.0 {
                    let mut moved = projected.clone();
                    moved[a * width + b] += step;
                    moved[c * width + d] += step;
                    moved[a * width + d] -= step;
                    moved[c * width + b] -= step;
                    others.push(moved);
                }
            }

            let gap: Vec<f64> = values.iter().zip(&projected).map(|(v, x)| v - x).collect();
            for other in others {
                let direction: Vec<f64> =
                    other.iter().zip(&projected).map(|(z, x)| z - x).collect();
                let inner: f64 = gap.iter().zip(&direction).map(|(g, d)| g * d).sum();
                // X is within about TOLERANCE of the projection in every cell.
                let slack = 1e-7 * (norm(&gap) + norm(&direction));
                assert!(inner <= slack, "case {case}: ⟨V − X, Z − X⟩ = {inner}");
            }
        }
    }

    #[test]
    fn rounding_meets_the_margins_even_from_a_table_far_from_them() {
        // Tables the projection would never hand over: floors above the margins, and needs
        // larger than one unit per cell, so every fallback of the rounding runs.
        let mut rng = XorShift(0x5eed);
        for case in 0..2000 {
            let (height, width) = (1 + rng.below(12), 1 + rng.below(6));
            let (rows, cols) = margins(&rng.counts(height, width));
            let high = [0.0, 1.0, 100.0][case % 3];
            let real: Vec<f64> = (0..height * width)
                .map(|_| rng.uniform(0.0, high))
                .collect();
            let flat = round(&real, &rows, &cols);
            let table: Vec<Vec<i64>> = flat.chunks(width).map(<[i64]>::to_vec).collect();
            assert!(flat.iter().all(|&cell| cell >= 0));
            assert_eq!(margins(&table), (rows, cols));
        }
    }

    #[test]
    fn simplex_round_sums_to_the_total_and_stays_non_negative() {
        let mut rng = XorShift(0x1234_5678);
        for _ in 0..2000 {
            let values: Vec<f64> = (0..1 + rng.below(60))
                .map(|_| rng.uniform(-50.0, 200.0))
                .collect();
            let total = rng.below(5000) as i64;
            let integers = simplex_round(&values, total);
            assert_eq!(integers.len(), values.len());
            assert!(integers.iter().all(|&x| x >= 0));
            assert_eq!(integers.iter().sum::<i64>(), total);
        }
    }

    #[test]
    fn simplex_round_keeps_integers_that_already_sum_to_the_total() {
        let values = [3.0, 0.0, 12.0, 7.0, 1.0];
        assert_eq!(simplex_round(&values, 23), vec![3, 0, 12, 7, 1]);
        let mut rng = XorShift(99);
        for _ in 0..500 {
            let integers: Vec<i64> = (0..1 + rng.below(60))
                .map(|_| rng.below(1000) as i64)
                .collect();
            let reals: Vec<f64> = integers.iter().map(|&x| x as f64).collect();
            assert_eq!(simplex_round(&reals, integers.iter().sum()), integers);
        }
    }

    #[test]
    fn simplex_round_pulls_negatives_to_zero_by_the_projection() {
        // Sorted: 10, 4, −3. With two values above the water line, τ = (10 + 4 − 10) / 2 = 2,
        // and −3 − 2 < 0 confirms the third stays below: x = (0, 8, 2).
        let tau = (10.0 + 4.0 - 10.0) / 2.0;
        assert!(-3.0 - tau < 0.0 && 4.0 - tau > 0.0);
        assert_eq!(simplex_round(&[-3.0, 10.0, 4.0], 10), vec![0, 8, 2]);

        // τ = (6.4 + 2.2 − 7) / 2 = 0.8: x = (5.6, 1.4, 0), rounded by largest remainder.
        assert_eq!(simplex_round(&[6.4, 2.2, -1.0], 7), vec![6, 1, 0]);
    }

    #[test]
    fn simplex_round_breaks_ties_by_the_lower_index() {
        assert_eq!(simplex_round(&[1.5, 1.5, 1.5], 5), vec![2, 2, 1]);
    }

    #[test]
    fn a_total_of_zero_gives_all_zeros() {
        assert_eq!(simplex_round(&[3.0, -2.0, 8.5], 0), vec![0, 0, 0]);
        assert_eq!(simplex_round(&[3.0, -2.0, 8.5], -4), vec![0, 0, 0]);
        assert_eq!(simplex_round(&[], 0), Vec::<i64>::new());
        let values = vec![vec![1.5, -2.0], vec![4.0, 0.25]];
        assert_eq!(table_round(&values, &[0, 0], &[0, 0]), vec![vec![0, 0]; 2]);
    }
}
