//! Exact integer noise: discrete Laplace and discrete Gaussian samplers after Canonne,
//! Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020),
//! Algorithms 1–3.
//!
//! # Privacy
//! No floating point touches the noise path. Every random decision is a uniform integer
//! compared with an integer (`Bernoulli(n/d)` is `U < n` for `U` uniform on `0..d`), and
//! rand's integer range sampling is exact (rejection, no float). Continuous Laplace on
//! floats leaks through its low-order bits (Mironov 2012), and `rand_distr::Geometric` or
//! `Bernoulli::from_ratio` compare against floats, so none of them is used. Parameters are
//! exact rationals, and every product is checked. Randomness comes from the caller's generator: a cryptographically
//! secure one in production ([`secure_rng`]), a seeded one in tests. rand's `unbiased`
//! feature is on, so integer ranges carry no sampling bias at all.

use std::fmt;

use rand::{CryptoRng, Rng, RngExt, SeedableRng};
use rand_distr::Distribution;

/// A non-negative exact rational `num / den`, always reduced, `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rational {
    num: u128,
    den: u128,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RationalError {
    #[error("{0:?} is not a non-negative decimal number")]
    Parse(String),
    #[error("division by zero")]
    Zero,
    #[error("the number is too large to represent exactly")]
    Overflow,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Rational {
    pub fn new(num: u128, den: u128) -> Result<Rational, RationalError> {
        if den == 0 {
            return Err(RationalError::Zero);
        }
        let g = gcd(num, den).max(1);
        Ok(Rational {
            num: num / g,
            den: den / g,
        })
    }

    pub fn integer(n: u128) -> Rational {
        Rational { num: n, den: 1 }
    }

    pub fn num(self) -> u128 {
        self.num
    }

    pub fn den(self) -> u128 {
        self.den
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    /// `self × other`, exact; an error when a part would overflow.
    pub fn checked_mul(self, other: Rational) -> Result<Rational, RationalError> {
        let (a, b) = (
            Rational::new(self.num, other.den)?,
            Rational::new(other.num, self.den)?,
        );
        Rational::new(
            a.num.checked_mul(b.num).ok_or(RationalError::Overflow)?,
            a.den.checked_mul(b.den).ok_or(RationalError::Overflow)?,
        )
    }

    /// `self ÷ other`, exact; an error on division by zero or overflow.
    pub fn checked_div(self, other: Rational) -> Result<Rational, RationalError> {
        if other.num == 0 {
            return Err(RationalError::Zero);
        }
        self.checked_mul(Rational {
            num: other.den,
            den: other.num,
        })
    }

    /// `self + other`, exact; an error when a part would overflow.
    pub fn checked_add(self, other: Rational) -> Result<Rational, RationalError> {
        let g = gcd(self.den, other.den);
        let den = (self.den / g)
            .checked_mul(other.den)
            .ok_or(RationalError::Overflow)?;
        let left = self
            .num
            .checked_mul(other.den / g)
            .ok_or(RationalError::Overflow)?;
        let right = other
            .num
            .checked_mul(self.den / g)
            .ok_or(RationalError::Overflow)?;
        Rational::new(left.checked_add(right).ok_or(RationalError::Overflow)?, den)
    }

    /// `self - other`, or `None` when that would be negative.
    pub fn checked_sub(self, other: Rational) -> Option<Rational> {
        let g = gcd(self.den, other.den);
        let den = (self.den / g).checked_mul(other.den)?;
        let left = self.num.checked_mul(other.den / g)?;
        let right = other.num.checked_mul(self.den / g)?;
        Rational::new(left.checked_sub(right)?, den).ok()
    }

    pub fn floor(self) -> u128 {
        self.num / self.den
    }

    /// For display and post-processing only — never on the noise path.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rational {
    /// Exact for all values, with no multiplication that could overflow: compares whole
    /// parts, then the reciprocals of the remainders (Euclid's steps).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        fn compare(a: u128, b: u128, c: u128, d: u128) -> std::cmp::Ordering {
            // a/b against c/d
            let (qa, ra, qc, rc) = (a / b, a % b, c / d, c % d);
            if qa != qc {
                return qa.cmp(&qc);
            }
            match (ra, rc) {
                (0, 0) => std::cmp::Ordering::Equal,
                (0, _) => std::cmp::Ordering::Less,
                (_, 0) => std::cmp::Ordering::Greater,
                // ra/b < rc/d  ⇔  d/rc < b/ra
                _ => compare(d, rc, b, ra),
            }
        }
        compare(self.num, self.den, other.num, other.den)
    }
}

/// Parses a decimal such as `0.5`, `2` or `1.25` exactly (`1/2`, `2`, `5/4`); also `a/b`.
impl std::str::FromStr for Rational {
    type Err = RationalError;

    fn from_str(s: &str) -> Result<Rational, RationalError> {
        let bad = || RationalError::Parse(s.to_owned());
        let s = s.trim();
        if let Some((n, d)) = s.split_once('/') {
            let n: u128 = n.trim().parse().map_err(|_| bad())?;
            let d: u128 = d.trim().parse().map_err(|_| bad())?;
            return Rational::new(n, d);
        }
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        if whole.is_empty() && frac.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > 12
        {
            return Err(bad());
        }
        let scale = 10u128.pow(frac.len() as u32);
        let whole: u128 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| bad())?
        };
        let frac: u128 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| bad())?
        };
        let num = whole
            .checked_mul(scale)
            .and_then(|w| w.checked_add(frac))
            .ok_or(RationalError::Overflow)?;
        Rational::new(num, scale)
    }
}

impl fmt::Display for Rational {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// Bernoulli(num / den), exactly. Requires `num <= den`.
fn bernoulli<R: Rng + ?Sized>(rng: &mut R, num: u128, den: u128) -> bool {
    debug_assert!(num <= den && den > 0);
    rng.random_range(0..den) < num
}

/// Bernoulli(exp(-γ)) for rational γ ≥ 0 (CKS 2020, Algorithm 1).
pub fn bernoulli_exp<R: Rng + ?Sized>(rng: &mut R, gamma: Rational) -> bool {
    let (n, d) = (gamma.num, gamma.den);
    if n <= d {
        // γ ∈ [0, 1]: K counts successes of Bernoulli(γ/k), k = 1, 2, …; return K odd.
        let mut k: u128 = 1;
        loop {
            // γ/k = n / (d·k); d·k cannot overflow before the loop has ended with
            // overwhelming probability (it ends after ~e steps).
            let Some(dk) = d.checked_mul(k) else {
                return k % 2 == 1;
            };
            if !bernoulli(rng, n, dk) {
                return k % 2 == 1;
            }
            k += 1;
        }
    }
    // γ > 1: exp(-γ) = exp(-1)^⌊γ⌋ · exp(-(γ - ⌊γ⌋)).
    for _ in 0..(n / d) {
        if !bernoulli_exp(rng, Rational { num: 1, den: 1 }) {
            return false;
        }
    }
    bernoulli_exp(rng, Rational { num: n % d, den: d })
}

/// The discrete Laplace distribution with scale `b` (rational, > 0):
/// `P(x) ∝ exp(-|x| / b)` on the integers. Adding it to a count of L1 sensitivity Δ
/// gives (Δ / b)-differential privacy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiscreteLaplace {
    scale: Rational,
}

impl DiscreteLaplace {
    pub fn new(scale: Rational) -> Result<Self, RationalError> {
        if scale.is_zero() {
            return Err(RationalError::Zero);
        }
        Ok(DiscreteLaplace { scale })
    }

    pub fn scale(&self) -> Rational {
        self.scale
    }
}

impl Distribution<i64> for DiscreteLaplace {
    /// CKS 2020, Algorithm 2, with scale t/s where `scale = t/s` in lowest terms.
    fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> i64 {
        let (t, s) = (self.scale.num, self.scale.den);
        loop {
            let u = rng.random_range(0..t);
            if !bernoulli_exp(rng, Rational { num: u, den: t }) {
                continue;
            }
            let mut v: u128 = 0;
            while bernoulli_exp(rng, Rational { num: 1, den: 1 }) {
                v += 1;
            }
            let x = u + t * v;
            let y = x / s;
            let negative = rng.random::<bool>();
            if negative && y == 0 {
                continue;
            }
            let y = i64::try_from(y).unwrap_or(i64::MAX);
            return if negative { -y } else { y };
        }
    }
}

/// The discrete Gaussian distribution with variance parameter `σ²` (rational, > 0):
/// `P(x) ∝ exp(-x² / 2σ²)` on the integers. Adding it to counts of L2 sensitivity Δ gives
/// ρ-zero-concentrated differential privacy with ρ = Δ² / 2σ².
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiscreteGaussian {
    sigma2: Rational,
    /// The Laplace proposal's integer scale, ⌊σ⌋ + 1.
    t: u128,
}

impl DiscreteGaussian {
    pub fn new(sigma2: Rational) -> Result<Self, RationalError> {
        if sigma2.is_zero() {
            return Err(RationalError::Zero);
        }
        // ⌊√(n/d)⌋ = ⌊√⌊n/d⌋⌋ for any non-negative real n/d.
        let t = sigma2.floor().isqrt() + 1;
        // The acceptance test's denominator 2·n·t²·d must fit, with room for |y| up to
        // 2^16·t in its numerator; larger parameters are refused rather than risk a
        // sampler that can never accept.
        let fits = t
            .checked_mul(t)
            .and_then(|t2| sigma2.num.checked_mul(t2))
            .and_then(|x| x.checked_mul(2 * sigma2.den))
            .and_then(|den| {
                (t << 16)
                    .checked_mul(sigma2.den)
                    .and_then(|a| a.checked_mul(a))
                    .map(|_| den)
            });
        if fits.is_none() {
            return Err(RationalError::Overflow);
        }
        Ok(DiscreteGaussian { sigma2, t })
    }

    pub fn sigma2(&self) -> Rational {
        self.sigma2
    }
}

impl Distribution<i64> for DiscreteGaussian {
    /// CKS 2020, Algorithm 3: propose Y ~ discrete Laplace(t), accept with probability
    /// exp(-(|Y| - σ²/t)² / 2σ²).
    fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> i64 {
        let laplace = DiscreteLaplace {
            scale: Rational {
                num: self.t,
                den: 1,
            },
        };
        let (n, d, t) = (self.sigma2.num, self.sigma2.den, self.t);
        loop {
            let y = laplace.sample(rng);
            // (|y| - σ²/t)² / 2σ² = (|y|·t·d - n)² / (2·n·t²·d), with σ² = n/d.
            // The denominator fits (checked in `new`); the numerator overflows only for
            // |y| far beyond 2^16·t, where acceptance is below exp(-2^31): reject those.
            let den = n * t * t * 2 * d;
            let Some(a) = u128::from(y.unsigned_abs()).checked_mul(t * d) else {
                continue;
            };
            let diff = a.abs_diff(n);
            let Some(num) = diff.checked_mul(diff) else {
                continue;
            };
            let Ok(gamma) = Rational::new(num, den) else {
                continue;
            };
            if bernoulli_exp(rng, gamma) {
                return y;
            }
        }
    }
}

/// The generator releases use: ChaCha12, a cryptographically secure generator named by its
/// algorithm (so a seeded test release stays the same across rand versions).
pub type NoiseRng = rand::rngs::ChaCha12Rng;

/// A [`NoiseRng`] seeded from the operating system's random source.
pub fn secure_rng() -> NoiseRng {
    NoiseRng::try_from_rng(&mut rand::rngs::SysRng).expect("the operating system's random source")
}

/// A seeded [`NoiseRng`], for tests and reproducible benchmarks only.
pub fn seeded_rng(seed: u64) -> NoiseRng {
    NoiseRng::seed_from_u64(seed)
}

/// Compile-time proof that the release generator is cryptographically secure.
const _: fn() = || {
    fn secure<R: CryptoRng>() {}
    secure::<NoiseRng>();
};

/// The exact probability mass functions, for tests and the accuracy table (floating point:
/// post-processing only).
pub mod pmf {
    /// P(X = x) for the discrete Laplace with scale b.
    pub fn discrete_laplace(b: f64, x: i64) -> f64 {
        let q = (-1.0 / b).exp();
        (1.0 - q) / (1.0 + q) * q.powi(x.unsigned_abs() as i32)
    }

    /// P(X = x) for the discrete Gaussian with variance parameter σ² (normalised over
    /// |x| ≤ 60σ + 60, far beyond any mass that counts in a double).
    pub fn discrete_gaussian(sigma2: f64, x: i64) -> f64 {
        let bound = (60.0 * sigma2.sqrt() + 60.0) as i64;
        let weight = |k: i64| (-((k * k) as f64) / (2.0 * sigma2)).exp();
        let total: f64 = (-bound..=bound).map(weight).sum();
        weight(x) / total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rng(seed: u64) -> NoiseRng {
        seeded_rng(seed)
    }

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(
            "0.5".parse::<Rational>().unwrap(),
            Rational::new(1, 2).unwrap()
        );
        assert_eq!(
            "1.25".parse::<Rational>().unwrap(),
            Rational::new(5, 4).unwrap()
        );
        assert_eq!("3".parse::<Rational>().unwrap(), Rational::integer(3));
        assert_eq!("2/6".parse::<Rational>().unwrap().to_string(), "1/3");
        for bad in ["", "-1", "1e3", "abc", ".", "1/0"] {
            assert!(bad.parse::<Rational>().is_err(), "{bad}");
        }
    }

    #[test]
    fn rational_arithmetic_is_exact() {
        let a: Rational = "0.1".parse().unwrap();
        let b: Rational = "0.2".parse().unwrap();
        assert_eq!(a.checked_add(b).unwrap(), "0.3".parse().unwrap());
        assert_eq!(b.checked_sub(a), Some(a));
        assert_eq!(a.checked_sub(b), None);
        assert_eq!(
            Rational::integer(8).checked_div(b).unwrap(),
            Rational::integer(40)
        );
        assert_eq!(DiscreteGaussian::new("6.25".parse().unwrap()).unwrap().t, 3);
        assert_eq!(DiscreteGaussian::new(Rational::integer(9)).unwrap().t, 4);
        // Comparison never overflows, even for the largest values.
        let big = Rational::new(904_582_879_806_663_735_915, 904_582_879_806_664_207_241).unwrap();
        assert!(big < Rational::integer(1));
        assert!(Rational::new(u128::MAX, u128::MAX - 1).unwrap() > Rational::integer(1));
        // Parameters whose exact arithmetic cannot fit are refused, never sampled forever;
        // the bounded settings keep every real parameter far inside.
        assert!(DiscreteGaussian::new(Rational::new(123_456, 789).unwrap()).is_ok());
        assert!(
            DiscreteGaussian::new(
                Rational::new(99_999_999_999_999_999_999, 300_000_000_000_000_000_000).unwrap()
            )
            .is_err()
        );
        assert!(DiscreteGaussian::new(Rational::new(u128::MAX / 3, 7).unwrap()).is_err());
    }

    #[test]
    fn bernoulli_exp_matches_its_probability() {
        // Binomial counts against exp(-γ), within 6 standard deviations.
        for (gamma, seed) in [("0", 1), ("0.3", 2), ("1", 3), ("2.7", 4)] {
            let g: Rational = gamma.parse().unwrap();
            let n = 200_000;
            let mut r = rng(seed);
            let hits = (0..n).filter(|_| bernoulli_exp(&mut r, g)).count() as f64;
            let p = (-g.to_f64()).exp();
            let sd = (n as f64 * p * (1.0 - p)).sqrt().max(1.0);
            assert!(
                (hits - n as f64 * p).abs() < 6.0 * sd,
                "γ={gamma}: {hits} vs {}",
                n as f64 * p
            );
        }
    }

    /// Pearson's χ² statistic over the bins |x| ≤ cut (tails pooled), with its degrees of
    /// freedom.
    fn chi_square(samples: &[i64], pmf: impl Fn(i64) -> f64, cut: i64) -> (f64, usize) {
        let n = samples.len() as f64;
        let mut observed = vec![0f64; (2 * cut + 3) as usize];
        for &x in samples {
            let i = if x < -cut {
                0
            } else if x > cut {
                observed.len() - 1
            } else {
                (x + cut + 1) as usize
            };
            observed[i] += 1.0;
        }
        let inner: f64 = (-cut..=cut).map(&pmf).sum();
        let tail = (1.0 - inner) / 2.0;
        let mut stat = 0.0;
        for (i, o) in observed.iter().enumerate() {
            let p = if i == 0 || i == observed.len() - 1 {
                tail
            } else {
                pmf(i as i64 - cut - 1)
            };
            let e = n * p;
            stat += (o - e) * (o - e) / e;
        }
        (stat, observed.len() - 1)
    }

    /// The χ² critical value at p = 1e-6 for k degrees of freedom (Wilson–Hilferty).
    fn chi_square_critical(k: usize) -> f64 {
        let k = k as f64;
        let z = 4.753_424_3; // upper 1e-6 quantile of N(0, 1)
        k * (1.0 - 2.0 / (9.0 * k) + z * (2.0 / (9.0 * k)).sqrt()).powi(3)
    }

    /// The two-sided Kolmogorov–Smirnov statistic D against an integer cdf, and its
    /// critical value at p = 1e-6 (conservative for discrete distributions).
    fn ks(samples: &mut [i64], pmf: impl Fn(i64) -> f64) -> (f64, f64) {
        samples.sort_unstable();
        let n = samples.len() as f64;
        let (lo, hi) = (samples[0], samples[samples.len() - 1]);
        let mut cdf: f64 = (lo - 2000..lo).map(&pmf).sum();
        let mut d: f64 = 0.0;
        let mut i = 0usize;
        for x in lo..=hi {
            cdf += pmf(x);
            while i < samples.len() && samples[i] <= x {
                i += 1;
            }
            d = d.max((i as f64 / n - cdf).abs());
        }
        let critical = (-(1e-6f64 / 2.0).ln() / 2.0).sqrt() / n.sqrt();
        (d, critical)
    }

    #[test]
    fn discrete_laplace_fits_its_exact_pmf() {
        for (scale, seed) in [("0.5", 11u64), ("3", 12), ("7.5", 13)] {
            let b: Rational = scale.parse().unwrap();
            let dist = DiscreteLaplace::new(b).unwrap();
            let mut r = rng(seed);
            let mut xs: Vec<i64> = (0..200_000).map(|_| dist.sample(&mut r)).collect();
            let pmf = |x| pmf::discrete_laplace(b.to_f64(), x);
            let cut = (4.0 * b.to_f64()).ceil() as i64 + 1;
            let (stat, df) = chi_square(&xs, pmf, cut);
            assert!(
                stat < chi_square_critical(df),
                "scale {scale}: χ²={stat:.1} df={df}"
            );
            let (d, critical) = ks(&mut xs, pmf);
            assert!(d < critical, "scale {scale}: KS D={d:.5} ≥ {critical:.5}");
        }
    }

    #[test]
    fn discrete_gaussian_fits_its_exact_pmf() {
        for (sigma2, seed) in [("0.6", 21u64), ("4", 22), ("30.25", 23)] {
            let s2: Rational = sigma2.parse().unwrap();
            let dist = DiscreteGaussian::new(s2).unwrap();
            let mut r = rng(seed);
            let mut xs: Vec<i64> = (0..200_000).map(|_| dist.sample(&mut r)).collect();
            let pmf = |x| pmf::discrete_gaussian(s2.to_f64(), x);
            let cut = (3.5 * s2.to_f64().sqrt()).ceil() as i64 + 1;
            let (stat, df) = chi_square(&xs, pmf, cut);
            assert!(
                stat < chi_square_critical(df),
                "σ²={sigma2}: χ²={stat:.1} df={df}"
            );
            let (d, critical) = ks(&mut xs, pmf);
            assert!(d < critical, "σ²={sigma2}: KS D={d:.5} ≥ {critical:.5}");
        }
    }

    #[test]
    fn the_noise_is_symmetric_with_the_right_variance() {
        let n = 200_000;
        let check = |xs: Vec<i64>, variance: f64, what: &str| {
            let mean = xs.iter().sum::<i64>() as f64 / n as f64;
            let var = xs.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / n as f64;
            // The mean of n draws has sd √(var/n); the sample variance is within ~2 % here.
            assert!(
                mean.abs() < 6.0 * (variance / n as f64).sqrt(),
                "{what}: mean {mean}"
            );
            assert!(
                (var / variance - 1.0).abs() < 0.05,
                "{what}: variance {var} vs {variance}"
            );
            let positive = xs.iter().filter(|&&x| x > 0).count() as f64;
            let negative = xs.iter().filter(|&&x| x < 0).count() as f64;
            assert!(
                (positive - negative).abs() < 6.0 * (positive + negative).sqrt(),
                "{what}: {positive} vs {negative}"
            );
        };
        let b = 4.0;
        let lap = DiscreteLaplace::new(Rational::integer(4)).unwrap();
        let mut r = rng(31);
        let q = (-1.0f64 / b).exp();
        check(
            (0..n).map(|_| lap.sample(&mut r)).collect(),
            2.0 * q / (1.0 - q).powi(2),
            "laplace",
        );
        let gauss = DiscreteGaussian::new(Rational::integer(25)).unwrap();
        let mut r = rng(32);
        // For σ² = 25 the discrete Gaussian's variance equals σ² to many digits.
        check(
            (0..n).map(|_| gauss.sample(&mut r)).collect(),
            25.0,
            "gaussian",
        );
    }

    #[test]
    fn a_seeded_generator_repeats_and_the_secure_one_works() {
        let dist = DiscreteGaussian::new(Rational::integer(10)).unwrap();
        let a: Vec<i64> = (0..50)
            .map({
                let mut r = rng(7);
                move |_| dist.sample(&mut r)
            })
            .collect();
        let b: Vec<i64> = (0..50)
            .map({
                let mut r = rng(7);
                move |_| dist.sample(&mut r)
            })
            .collect();
        assert_eq!(a, b);
        let mut secure = secure_rng();
        let c: Vec<i64> = (0..50).map(|_| dist.sample(&mut secure)).collect();
        assert_ne!(a, c);
    }
}
