//! What a zCDP budget means in (ε, δ) terms.
//!
//! Under the discrete Gaussian, Hearth's budget and spends are in ρ (zero-concentrated DP),
//! because ρ adds up across releases. Readers who think in ε need the (ε, δ)-DP guarantee
//! that a ρ implies, for a small δ (roughly, the chance that the ε bound fails). The
//! conversion is arithmetic on public parameters; it changes no release and spends nothing.
//!
//! Two conversions are given: the tight one ([`epsilon_at`]) for what Hearth reports, and
//! the simple textbook bound ([`simple_epsilon_at`]) to show how much the tight one saves.
//! At ρ = 1 and δ = 10⁻⁶ they give ε ≈ 7.77 and ε ≈ 8.43.

/// δ at which Hearth states ε for a zCDP budget or spend (the ledger, the person table).
pub const DELTA: f64 = 1e-6;

/// The smallest ε such that ρ-zCDP implies (ε, δ)-DP, by the tight conversion of Canonne,
/// Kamath and Steinke 2020 (Proposition 12 / Corollary 13 of "The Discrete Gaussian for
/// Differential Privacy"), as OpenDP's `make_zCDP_to_approxDP` computes it:
///
/// ε = inf_{α>1} αρ + (ln(1/δ) + (α−1)·ln(1−1/α) − ln(α)) / (α−1).
///
/// This is Proposition 12's δ = exp((α−1)(αρ−ε)) / (α−1) · (1−1/α)^α (with the Rényi
/// divergence τ = αρ) solved for ε, since α·ln(1−1/α) − ln(α−1) = (α−1)·ln(1−1/α) − ln(α).
///
/// The bracket first falls and then rises in α: its derivative ρ + ln(αδ)/(α−1)² changes
/// sign exactly once (the curve is convex for α below about √e/δ and only rises beyond,
/// per OpenDP's proof of `cdp_epsilon`). So the infimum is found by golden-section search over ln(α−1) ∈ [−30, 40], which
/// holds the minimiser for any ρ and δ a release can meet (it lies near
/// α = 1 + √(ln(1/δ)/ρ)). The arithmetic is ordinary f64, not OpenDP's conservatively
/// rounded one: fit for telling people what a budget means, not for certifying a mechanism.
///
/// ρ = 0 (nothing spent) gives 0, as does δ ≥ 1; δ ≤ 0 gives infinity (zCDP never implies
/// pure DP). The result is never negative.
pub fn epsilon_at(rho: f64, delta: f64) -> f64 {
    debug_assert!(rho >= 0.0, "ρ is a spend: {rho}");
    if rho <= 0.0 || delta >= 1.0 {
        return 0.0;
    }
    if delta <= 0.0 {
        return f64::INFINITY;
    }
    let log_inverse_delta = -delta.ln();
    // With a = α − 1, the bracket reads (1+a)ρ + ln(1/δ)/a − ln(1+1/a) − ln(1+a)/a, which
    // stays accurate for a near 0 and for a large.
    let bound = |log_a: f64| {
        let a = log_a.exp();
        (1.0 + a) * rho + log_inverse_delta / a - (1.0 / a).ln_1p() - a.ln_1p() / a
    };

    let ratio = (5.0_f64.sqrt() - 1.0) / 2.0;
    let (mut low, mut high) = (-30.0_f64, 40.0_f64);
    let mut left = high - ratio * (high - low);
    let mut right = low + ratio * (high - low);
    let (mut left_value, mut right_value) = (bound(left), bound(right));
    for _ in 0..200 {
        if left_value < right_value {
            high = right;
            right = left;
            right_value = left_value;
            left = high - ratio * (high - low);
            left_value = bound(left);
        } else {
            low = left;
            left = right;
            left_value = right_value;
            right = low + ratio * (high - low);
            right_value = bound(right);
        }
    }
    left_value.min(right_value).max(0.0)
}

/// The simple bound ε = ρ + 2·√(ρ·ln(1/δ)) (Bun and Steinke 2016, Proposition 1.3), shown
/// beside [`epsilon_at`] in docs for comparison. It is never the smaller: it is the
/// infimum over α of αρ + ln(1/δ)/(α−1), and the tight bracket only adds
/// ((α−1)·ln(1−1/α) − ln(α))/(α−1) < 0 to that.
pub fn simple_epsilon_at(rho: f64, delta: f64) -> f64 {
    debug_assert!(rho >= 0.0, "ρ is a spend: {rho}");
    if rho <= 0.0 || delta >= 1.0 {
        return 0.0;
    }
    if delta <= 0.0 {
        return f64::INFINITY;
    }
    rho + 2.0 * (rho * -delta.ln()).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RHOS: [f64; 6] = [0.01, 0.1, 0.5, 1.0, 2.0, 5.0];
    const DELTAS: [f64; 3] = [1e-5, 1e-6, 1e-9];

    #[test]
    fn rho_one_at_delta_one_in_a_million_is_about_epsilon_7_77() {
        assert!((epsilon_at(1.0, 1e-6) - 7.77).abs() < 0.01);
        assert!((simple_epsilon_at(1.0, 1e-6) - 8.43).abs() < 0.01);
    }

    #[test]
    fn the_tight_conversion_never_exceeds_the_simple_bound() {
        for rho in RHOS {
            for delta in DELTAS {
                let (tight, simple) = (epsilon_at(rho, delta), simple_epsilon_at(rho, delta));
                assert!(
                    tight > 0.0 && tight <= simple,
                    "ρ={rho} δ={delta}: {tight} > {simple}"
                );
            }
        }
    }

    #[test]
    fn epsilon_grows_with_rho() {
        for delta in DELTAS {
            let mut previous = 0.0;
            for step in 1..=400 {
                let epsilon = epsilon_at(f64::from(step) * 0.025, delta);
                assert!(epsilon > previous, "δ={delta} step {step}");
                previous = epsilon;
            }
        }
    }

    #[test]
    fn the_search_finds_the_infimum_of_the_bracket() {
        // Every α gives a valid ε; the search must not return more than any of them, from
        // budgets far below to far above those Hearth uses.
        for rho in [1e-6, 0.01, 1.0, 100.0] {
            for delta in DELTAS {
                let epsilon = epsilon_at(rho, delta);
                for alpha in (-300..=400).map(|k| 1.0 + 10_f64.powf(f64::from(k) / 50.0)) {
                    let at_alpha = alpha * rho
                        + (-delta.ln() + (alpha - 1.0) * (1.0 - 1.0 / alpha).ln() - alpha.ln())
                            / (alpha - 1.0);
                    assert!(
                        epsilon <= at_alpha + 1e-9 * at_alpha.abs().max(1.0),
                        "ρ={rho} δ={delta} α={alpha}: {epsilon} > {at_alpha}"
                    );
                }
            }
        }
    }

    #[test]
    fn nothing_spent_is_epsilon_zero() {
        assert_eq!(epsilon_at(0.0, 1e-6), 0.0);
        assert_eq!(simple_epsilon_at(0.0, 1e-6), 0.0);
    }
}
