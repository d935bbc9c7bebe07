//! Figures derived from released counts — "% positive", statement means, shares of
//! responses — with the variance the noise puts on them and the variance sampling puts on
//! them. One set of formulas serves the pages, the exports and the accuracy table.
//!
//! # Privacy
//! Everything here is post-processing of released noisy counts and public noise scales.

/// z for a two-sided 90 % interval.
pub const Z90: f64 = 1.6449;

/// A "% positive" whose 90 % noise margin is wider than this many points is too
/// uncertain to act on: pages say so instead of printing it.
pub const READABLE_PCT_MARGIN: f64 = 15.0;
/// The same for a statement mean on the 1–5 scale.
pub const READABLE_MEAN_MARGIN: f64 = 0.5;

/// The noise of one histogram's bins in one cell, after the consistency fit: every bin has
/// variance `variance`, any two bins of the histogram covariance `covariance`, and a bin
/// has covariance `with_total` with the cell's `responses`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BinNoise {
    pub variance: f64,
    pub covariance: f64,
    pub with_total: f64,
}

impl BinNoise {
    /// The noise of a sum of independent cells (months into a quarter, programs into the
    /// portfolio): variances and covariances add.
    pub fn add(self, other: BinNoise) -> BinNoise {
        BinNoise {
            variance: self.variance + other.variance,
            covariance: self.covariance + other.covariance,
            with_total: self.with_total + other.with_total,
        }
    }
}

/// A derived figure: its value, and the variances noise and sampling put on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub value: f64,
    pub noise_variance: f64,
    pub sampling_variance: f64,
}

impl Estimate {
    /// Half-width of the 90 % range from the privacy noise alone.
    pub fn noise_margin(&self) -> f64 {
        Z90 * self.noise_variance.max(0.0).sqrt()
    }

    /// Half-width of the 90 % range from noise and sampling together: what to use when
    /// comparing two figures (two months, two circles).
    pub fn combined_margin(&self) -> f64 {
        Z90 * (self.noise_variance.max(0.0) + self.sampling_variance.max(0.0)).sqrt()
    }
}

/// Var(Σ gᵢ·binᵢ) for bins with equal variance and equal pairwise covariance.
fn linear_variance(gradient: &[f64], noise: BinNoise) -> f64 {
    let sum: f64 = gradient.iter().sum();
    let squares: f64 = gradient.iter().map(|g| g * g).sum();
    (noise.variance - noise.covariance) * squares + noise.covariance * sum * sum
}

/// % of scored responses that are positive, from the positive and not-positive counts.
pub fn pct_positive(positive: i64, not_positive: i64, noise: BinNoise) -> Option<Estimate> {
    let scored = (positive + not_positive) as f64;
    if scored < 1.0 {
        return None;
    }
    let p = (positive as f64 / scored).clamp(0.0, 1.0);
    let gradient = [(1.0 - p) / scored, -p / scored];
    Some(Estimate {
        value: 100.0 * p,
        noise_variance: 1e4 * linear_variance(&gradient, noise),
        sampling_variance: 1e4 * sampling(positive as f64, scored),
    })
}

/// The mean answer (1–5) of a statement, from the counts of answers 1 to 5.
pub fn item_mean(answers: &[i64; 5], noise: BinNoise) -> Option<Estimate> {
    let n: f64 = answers.iter().sum::<i64>() as f64;
    if n < 1.0 {
        return None;
    }
    let mean = answers
        .iter()
        .enumerate()
        .map(|(k, &c)| (k + 1) as f64 * c as f64)
        .sum::<f64>()
        / n;
    let gradient: Vec<f64> = (1..=5).map(|k| (k as f64 - mean) / n).collect();
    let spread = answers
        .iter()
        .enumerate()
        .map(|(k, &c)| c as f64 * ((k + 1) as f64 - mean).powi(2))
        .sum::<f64>()
        / n;
    Some(Estimate {
        value: mean.clamp(1.0, 5.0),
        noise_variance: linear_variance(&gradient, noise),
        sampling_variance: spread / n,
    })
}

/// % of a cell's responses in one bin (an option ticked), with the bin's covariance with
/// the total it is divided by.
pub fn share_of_responses(
    count: i64,
    responses: i64,
    noise: BinNoise,
    responses_variance: f64,
) -> Option<Estimate> {
    let n = responses as f64;
    if n < 1.0 {
        return None;
    }
    let q = (count as f64 / n).clamp(0.0, 1.0);
    let variance =
        (noise.variance - 2.0 * q * noise.with_total + q * q * responses_variance) / (n * n);
    Some(Estimate {
        value: 100.0 * q,
        noise_variance: 1e4 * variance.max(0.0),
        sampling_variance: 1e4 * sampling(count as f64, n),
    })
}

/// The sampling variance of a proportion of x in n, by Agresti and Coull's adjustment
/// (two more successes and two more failures), so that 0 % and 100 % still carry the
/// uncertainty of a small sample instead of none.
fn sampling(x: f64, n: f64) -> f64 {
    let p = (x.clamp(0.0, n) + 2.0) / (n + 4.0);
    p * (1.0 - p) / (n + 4.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn independent_numerator_and_denominator_noise_gives_the_textbook_ratio_variance() {
        let noise = BinNoise {
            variance: 4.0,
            covariance: 0.0,
            with_total: 0.0,
        };
        let e = pct_positive(21, 9, noise).unwrap();
        assert!((e.value - 70.0).abs() < 1e-9);
        // ((1-p)² + p²)·σ² / n² at p = 0.7, n = 30.
        let expected = 1e4 * (0.09 + 0.49) * 4.0 / 900.0;
        assert!((e.noise_variance - expected).abs() < 1e-9);
        assert!(pct_positive(0, 0, noise).is_none());
    }

    #[test]
    fn a_statement_mean_with_no_noise_has_only_sampling_error() {
        let e = item_mean(&[0, 0, 0, 10, 10], BinNoise::default()).unwrap();
        assert!((e.value - 4.5).abs() < 1e-9);
        assert_eq!(e.noise_variance, 0.0);
        assert!((e.sampling_variance - 0.25 / 20.0).abs() < 1e-12);
    }

    #[test]
    fn sums_of_independent_cells_add_their_noise() {
        let a = BinNoise {
            variance: 1.0,
            covariance: -0.2,
            with_total: 0.3,
        };
        assert_eq!(
            a.add(a),
            BinNoise {
                variance: 2.0,
                covariance: -0.4,
                with_total: 0.6
            }
        );
    }
}
