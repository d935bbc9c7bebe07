//! Figures derived from released counts — "% positive", statement means, shares of
//! responses — with the variance the noise puts on them and the variance sampling puts on
//! them. One set of formulas serves the pages, the exports and the accuracy table.
//!
//! # Privacy
//! Everything here is post-processing of released noisy counts and public noise scales.

use std::collections::BTreeMap;

use domain::i18n::Lang;
use domain::locale;

use crate::measure::Group;

/// z for a two-sided 90 % interval.
pub const Z90: f64 = 1.6449;

/// A "% positive" whose 90 % noise margin is wider than this many points is too
/// uncertain to act on: pages say so instead of printing it. The noise margin alone decides
/// (not the wider range with sampling): it is what the privacy mechanism adds, and what
/// the accuracy table and the admin's preview promise.
pub const READABLE_PCT_MARGIN: f64 = 15.0;
/// The same for a statement mean on the 1–5 scale.
pub const READABLE_MEAN_MARGIN: f64 = 0.5;

/// What kind of figure a measure is: it sets the figure's bounds, how precisely it is
/// printed and how wide its noise range may be for it to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A released count of responses.
    Count,
    /// A percentage (0–100), derived.
    Percent,
    /// A mean on the 1–5 scale, derived.
    Mean,
}

impl Kind {
    /// Decimal places a figure is printed with: whole counts and points, means to 0.1.
    pub fn places(self) -> usize {
        match self {
            Kind::Count | Kind::Percent => 0,
            Kind::Mean => 1,
        }
    }

    fn unit(self, lang: Lang) -> String {
        match self {
            Kind::Percent => locale::percent_sign(lang),
            Kind::Count | Kind::Mean => String::new(),
        }
    }

    /// The values the figure can take: a count is never below 0, a share is within
    /// 0–100 %, a mean within 1–5.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Kind::Count => (0.0, f64::INFINITY),
            Kind::Percent => (0.0, 100.0),
            Kind::Mean => (1.0, 5.0),
        }
    }

    /// The widest 90 % noise margin at which the figure is still read. Counts always are.
    pub fn readable_margin(self) -> f64 {
        match self {
            Kind::Count => f64::INFINITY,
            Kind::Percent => READABLE_PCT_MARGIN,
            Kind::Mean => READABLE_MEAN_MARGIN,
        }
    }
}

/// How a released figure reads — the one rule every page, chart, report and export
/// follows, so that a heatmap cell, the table beneath it and the CSV row of the same
/// figure never disagree.
///
/// In order: hidden wins; no value is no data; a noise margin wider than
/// [`Kind::readable_margin`] (or not a number) is too uncertain to read, with no number;
/// a figure whose noise range reaches a bound (0 or 100 %, 1 or 5 on a mean, 0 for a
/// count), or that prints as a bound, reads as its range ("91–100%"), since counts are
/// never below zero and such a figure may be off by more on one side than a ± would say;
/// anything else reads as its value ± its noise margin, with its range with sampling
/// beside it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    NoData,
    Hidden,
    TooUncertain,
    /// `value` ± `margin` (the noise), and ± `sampling` (noise and sampling) where the
    /// release has it.
    Value {
        kind: Kind,
        value: f64,
        margin: f64,
        sampling: Option<f64>,
    },
    /// At a bound: read as the range `value` ± `margin` cut at the bounds.
    NearBound {
        kind: Kind,
        value: f64,
        margin: f64,
        sampling: Option<f64>,
    },
}

/// A figure in words: `text` ("72%", "91–100%", "too uncertain to read"), `margin`
/// ("± 3", "± < 1", or empty) and the range with sampling ("± 9 with sampling",
/// "88–100% with sampling").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub text: String,
    pub margin: String,
    pub sampling: Option<String>,
}

impl Reading {
    /// The reading of a figure of `kind`: its value, its 90 % noise margin and its 90 %
    /// margin with sampling (`None` where the release kept none), and whether it is hidden
    /// from the audience.
    pub fn of(
        kind: Kind,
        value: Option<f64>,
        margin: Option<f64>,
        sampling: Option<f64>,
        hidden: bool,
    ) -> Reading {
        if hidden {
            return Reading::Hidden;
        }
        let (Some(value), Some(margin)) = (value, margin) else {
            return Reading::NoData;
        };
        // A margin that is not a number is not readable either.
        let readable = matches!(
            margin.partial_cmp(&kind.readable_margin()),
            Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
        );
        if !readable || !value.is_finite() {
            return Reading::TooUncertain;
        }
        let (low, high) = kind.bounds();
        let printed = round_to(value, kind.places());
        let at_bound =
            value - margin < low || value + margin > high || printed <= low || printed >= high;
        if at_bound {
            Reading::NearBound {
                kind,
                value,
                margin,
                sampling,
            }
        } else {
            Reading::Value {
                kind,
                value,
                margin,
                sampling,
            }
        }
    }

    /// The value, where the figure is read (for a chart to place and colour it).
    pub fn value(&self) -> Option<f64> {
        match *self {
            Reading::Value { value, .. } | Reading::NearBound { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Whether a number is shown: a value, or a range at a bound.
    pub fn is_read(&self) -> bool {
        self.value().is_some()
    }

    /// The status an export gives the figure: `shown`, `too_uncertain`, `hidden` or
    /// `no_data` — what the pages show for it.
    pub fn status(&self) -> &'static str {
        match self {
            Reading::Value { .. } | Reading::NearBound { .. } => "shown",
            Reading::TooUncertain => "too_uncertain",
            Reading::Hidden => "hidden",
            Reading::NoData => "no_data",
        }
    }

    /// The figure in words, as a table or a report prints it, in English.
    pub fn words(&self) -> Words {
        self.words_in(Lang::En)
    }

    /// The figure in words in a staff language: numbers written as it writes them
    /// ([`domain::locale`]), the words from the staff catalog (`reading-*`).
    pub fn words_in(&self, lang: Lang) -> Words {
        let tr = lang.tr();
        let plain = |key: &str| Words {
            text: tr.get(key),
            margin: String::new(),
            sampling: None,
        };
        let with_sampling = |range: String| tr.with("reading-with-sampling", "range", &range);
        match *self {
            Reading::NoData => plain("reading-no-data"),
            Reading::Hidden => plain("reading-hidden"),
            Reading::TooUncertain => plain("reading-too-uncertain"),
            Reading::Value {
                kind,
                value,
                margin,
                sampling,
            } => Words {
                text: format!("{}{}", number(lang, value, kind.places()), kind.unit(lang)),
                margin: format!("± {}", margin_text(lang, margin, kind.places())),
                sampling: sampling.map(|s| {
                    if crosses(kind, value, s) {
                        with_sampling(range(lang, kind, value, s, &kind.unit(lang)))
                    } else {
                        with_sampling(format!("± {}", margin_text(lang, s, kind.places())))
                    }
                }),
            },
            Reading::NearBound {
                kind,
                value,
                margin,
                sampling,
            } => Words {
                text: range(lang, kind, value, margin, &kind.unit(lang)),
                margin: String::new(),
                sampling: sampling
                    .map(|s| with_sampling(range(lang, kind, value, s, &kind.unit(lang)))),
            },
        }
    }

    /// The figure in the two short lines of a heatmap cell, without its unit: ("72",
    /// "±3"), ("91–100", "") at a bound; `None` where no number is shown. In English.
    pub fn compact(&self) -> Option<(String, String)> {
        self.compact_in(Lang::En)
    }

    /// [`Reading::compact`] with numbers written as `lang` writes them.
    pub fn compact_in(&self, lang: Lang) -> Option<(String, String)> {
        match *self {
            Reading::Value {
                kind,
                value,
                margin,
                ..
            } => Some((
                number(lang, value, kind.places()),
                format!(
                    "±{}",
                    margin_text(lang, margin, kind.places()).replace(' ', "")
                ),
            )),
            Reading::NearBound {
                kind,
                value,
                margin,
                ..
            } => Some((range(lang, kind, value, margin, ""), String::new())),
            _ => None,
        }
    }
}

fn round_to(x: f64, places: usize) -> f64 {
    let f = 10f64.powi(places as i32);
    (x * f).round() / f
}

fn number(lang: Lang, x: f64, places: usize) -> String {
    locale::number(lang, x, places)
}

/// A margin as printed: one that rounds to zero at the figure's precision reads "< 1"
/// (points, counts) or "< 0.1" (means), never "0".
fn margin_text(lang: Lang, margin: f64, places: usize) -> String {
    if round_to(margin, places) <= 0.0 {
        format!("< {}", number(lang, 10f64.powi(-(places as i32)), places))
    } else {
        number(lang, margin, places)
    }
}

/// Whether `value` ± `margin` goes past a bound of its kind.
fn crosses(kind: Kind, value: f64, margin: f64) -> bool {
    let (low, high) = kind.bounds();
    value - margin < low || value + margin > high
}

/// `value` ± `margin` as a range cut at the kind's bounds, its ends rounded outwards (a
/// printed range is never narrower than the range it stands for): "91–100%", "1.0–1.6",
/// "0–6".
fn range(lang: Lang, kind: Kind, value: f64, margin: f64, unit: &str) -> String {
    let (low, high) = kind.bounds();
    let places = kind.places();
    let f = 10f64.powi(places as i32);
    // A hair of slack, so that 91.4 − 1e-13 still rounds down to 91, not 90.
    let a = (((value - margin).max(low) * f + 1e-9).floor() / f).max(low);
    let b = (((value + margin).min(high) * f - 1e-9).ceil() / f).min(high);
    if number(lang, a, places) == number(lang, b, places) {
        // A range of no width (no noise at all): the value itself.
        return format!("{}{unit}", number(lang, value, places));
    }
    format!(
        "{}–{}{unit}",
        number(lang, a, places),
        number(lang, b, places)
    )
}

/// The noise of one histogram's bins in one cell, after the consistency fit: every bin has
/// variance `variance`, any two bins of the histogram covariance `covariance`, and a bin
/// has covariance `with_total` with the cell's `responses`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BinNoise {
    pub variance: f64,
    pub covariance: f64,
    pub with_total: f64,
}

/// The noise of a sum of independent cells (months into a quarter, programs into the
/// portfolio): variances and covariances add.
impl std::ops::Add for BinNoise {
    type Output = BinNoise;

    fn add(self, other: BinNoise) -> BinNoise {
        BinNoise {
            variance: self.variance + other.variance,
            covariance: self.covariance + other.covariance,
            with_total: self.with_total + other.with_total,
        }
    }
}

/// The noise of a released cell: the variance of its `responses`, and of each group's
/// bins.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellNoise {
    pub responses: f64,
    pub groups: BTreeMap<Group, BinNoise>,
}

impl CellNoise {
    /// The noise variance of each count of a group's histograms (0 where the cell has
    /// none of them).
    pub fn variance_of(&self, group: Group) -> f64 {
        self.groups.get(&group).map_or(0.0, |n| n.variance)
    }

    /// The noise of the sum of two independent cells.
    pub fn add(&self, other: &CellNoise) -> CellNoise {
        let mut groups = self.groups.clone();
        for (group, noise) in &other.groups {
            let slot = groups.entry(*group).or_default();
            *slot = *slot + *noise;
        }
        CellNoise {
            responses: self.responses + other.responses,
            groups,
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

    fn percent(value: f64, margin: f64, sampling: Option<f64>) -> Reading {
        Reading::of(Kind::Percent, Some(value), Some(margin), sampling, false)
    }

    fn mean(value: f64, margin: f64, sampling: Option<f64>) -> Reading {
        Reading::of(Kind::Mean, Some(value), Some(margin), sampling, false)
    }

    /// Text, margin and range with sampling, as one string.
    fn said(reading: Reading) -> String {
        let w = reading.words();
        let mut out = w.text;
        if !w.margin.is_empty() {
            out = format!("{out} {}", w.margin);
        }
        if let Some(s) = w.sampling {
            out = format!("{out} {s}");
        }
        out
    }

    #[test]
    fn a_figure_at_zero_or_one_hundred_percent_reads_as_its_range() {
        assert_eq!(
            said(percent(100.0, 8.6, Some(11.2))),
            "91–100% 88–100% with sampling"
        );
        assert_eq!(said(percent(0.0, 4.2, None)), "0–5%");
        assert_eq!(percent(100.0, 8.6, None).status(), "shown");
        // Inside the bounds by more than the noise, but printing as a bound: still a range.
        assert_eq!(said(percent(99.6, 0.3, None)), "99–100%");
        assert_eq!(said(percent(0.4, 0.3, None)), "0–1%");
        // Near a bound by the noise range.
        assert_eq!(
            said(percent(95.0, 7.0, Some(17.0))),
            "88–100% 78–100% with sampling"
        );
        // Clear of it by the noise, not by sampling: a value, with its range with
        // sampling cut at the bound.
        assert_eq!(
            said(percent(95.0, 3.0, Some(17.0))),
            "95% ± 3 78–100% with sampling"
        );
        // A mean at 1 or 5 on its scale, and a count at 0.
        assert_eq!(
            said(mean(5.0, 0.2, Some(0.3))),
            "4.8–5.0 4.7–5.0 with sampling"
        );
        assert_eq!(said(mean(1.2, 0.4, None)), "1.0–1.6");
        assert_eq!(
            said(Reading::of(Kind::Count, Some(0.0), Some(4.0), None, false)),
            "0–4"
        );
        // Nothing reads "100 ±" or "0 ±".
        for value in [0.0, 0.2, 0.5, 99.5, 99.8, 100.0] {
            for margin in [0.0, 0.2, 0.6, 1.0, 5.0, 15.0] {
                let text = said(percent(value, margin, Some(margin + 3.0)));
                assert!(
                    !text.starts_with("100% ±") && !text.starts_with("0% ±"),
                    "{value} ± {margin}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_margin_exactly_at_the_limit_reads_and_one_a_hair_wider_does_not() {
        let at = percent(60.0, READABLE_PCT_MARGIN, Some(20.0));
        assert_eq!(said(at), "60% ± 15 ± 20 with sampling");
        let wider = percent(60.0, READABLE_PCT_MARGIN + 0.01, Some(20.0));
        assert_eq!(wider, Reading::TooUncertain);
        assert_eq!(said(wider), "too uncertain to read");
        assert_eq!(wider.status(), "too_uncertain");
        assert_eq!(wider.compact(), None);
        // The range with sampling does not decide: only the noise range does.
        assert!(percent(60.0, 14.0, Some(40.0)).is_read());
        // Means: ±0.5 reads, ±0.51 does not.
        assert_eq!(said(mean(3.8, 0.5, None)), "3.8 ± 0.5");
        assert_eq!(mean(3.8, 0.51, None), Reading::TooUncertain);
        // At a bound and too wide: too uncertain wins, with no range.
        assert_eq!(percent(100.0, 27.0, None), Reading::TooUncertain);
        // A margin that is not a number is not readable, even for a count.
        assert_eq!(
            Reading::of(Kind::Count, Some(40.0), Some(f64::NAN), None, false),
            Reading::TooUncertain
        );
        // Counts are read however wide their noise.
        assert!(Reading::of(Kind::Count, Some(40.0), Some(90.0), None, false).is_read());
    }

    #[test]
    fn a_margin_that_rounds_to_nothing_reads_as_less_than_one_step() {
        assert_eq!(
            said(mean(3.8, 0.04, Some(0.06))),
            "3.8 ± < 0.1 ± 0.1 with sampling"
        );
        assert_eq!(
            said(mean(3.8, 0.04, Some(0.04))),
            "3.8 ± < 0.1 ± < 0.1 with sampling"
        );
        assert_eq!(
            said(percent(64.0, 0.4, Some(2.6))),
            "64% ± < 1 ± 3 with sampling"
        );
        assert_eq!(said(percent(64.0, 0.5, None)), "64% ± 1");
        assert_eq!(
            mean(3.8, 0.04, None).compact(),
            Some(("3.8".to_owned(), "±<0.1".to_owned()))
        );
        assert_eq!(
            percent(64.0, 0.4, None).compact(),
            Some(("64".to_owned(), "±<1".to_owned()))
        );
    }

    #[test]
    fn spanish_reads_with_a_decimal_comma_and_its_own_words() {
        let w = percent(72.4, 3.2, Some(9.0)).words_in(Lang::Es);
        assert_eq!(w.text, "72\u{a0}%");
        assert_eq!(w.margin, "± 3");
        assert_eq!(w.sampling.as_deref(), Some("± 9 con muestreo"));
        let m = mean(3.44, 0.3, None).words_in(Lang::Es);
        assert_eq!((m.text.as_str(), m.margin.as_str()), ("3,4", "± 0,3"));
        let near = percent(97.0, 5.0, None).words_in(Lang::Es);
        assert_eq!(near.text, "92–100\u{a0}%");
        assert_eq!(
            Reading::TooUncertain.words_in(Lang::Es).text,
            "demasiado incierta para leerla"
        );
        assert_eq!(mean(3.44, 0.3, None).compact_in(Lang::Es).unwrap().0, "3,4");
    }

    #[test]
    fn hidden_wins_and_no_value_is_no_data() {
        assert_eq!(
            Reading::of(Kind::Percent, Some(50.0), Some(99.0), None, true),
            Reading::Hidden
        );
        assert_eq!(Reading::Hidden.status(), "hidden");
        assert_eq!(said(Reading::Hidden), "hidden to protect anonymity");
        let none = Reading::of(Kind::Mean, None, None, None, false);
        assert_eq!((none, none.status()), (Reading::NoData, "no_data"));
        assert_eq!(said(none), "no data");
        // The heatmap's two lines are the table's words without their unit.
        assert_eq!(
            percent(72.4, 3.2, Some(9.0)).compact(),
            Some(("72".to_owned(), "±3".to_owned()))
        );
        assert_eq!(
            percent(100.0, 8.6, Some(11.0)).compact(),
            Some(("91–100".to_owned(), String::new()))
        );
    }

    #[test]
    fn sums_of_independent_cells_add_their_noise() {
        let a = BinNoise {
            variance: 1.0,
            covariance: -0.2,
            with_total: 0.3,
        };
        assert_eq!(
            a + a,
            BinNoise {
                variance: 2.0,
                covariance: -0.4,
                with_total: 0.6
            }
        );
    }
}
