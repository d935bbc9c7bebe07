//! Numbers, percentages and dates written the way a language writes them, for staff pages
//! (issue 20, item 4). The one place figures and dates are turned into text for a
//! language: templates and handlers call these, never `format!` a number themselves.
//!
//! Conventions follow CLDR for the language's base locale:
//! - English (`en`): `3.4`, `1234`, `72%`, "November 2026", "3 Nov 2026". English output
//!   is exactly what the pages printed before languages were added.
//! - Spanish (`es`, CLDR's `es` = Spain and the default for Spanish): decimal comma
//!   (`3,4`), `.` between thousands only from five digits on (CLDR's minimum grouping of
//!   2: `1234`, `12.345`), and a no-break space before the percent sign (`72 %`, CLDR
//!   pattern `#,##0 %`). Month names in lower case, "noviembre de 2026",
//!   "3 de noviembre de 2026", "3 nov 2026".
//!
//! Why a small table and not ICU4X (`icu`/`fixed_decimal`): staff pages come in two
//! languages; ICU4X with its compiled data is a large build for four separators and a
//! pattern, and chrono's `unstable-locales` would bring a second source of month names
//! beside the catalogs'. Full month names come from the catalogs (`month-N` in
//! participant.ftl, which both participant and staff pages use), abbreviated ones from
//! staff.ftl (`month-short-N`), so a drop-in translation can correct them. A language
//! without an entry here (an added one) writes numbers as English does.

use std::borrow::Borrow;

use chrono::{Datelike, NaiveDate};

use crate::i18n::{Lang, Tr};

/// How a language writes a number.
struct Conventions {
    decimal: char,
    group: &'static str,
    /// The fewest digits before the decimal mark that get a group separator (CLDR's
    /// minimum grouping digits + 3); `usize::MAX` for never.
    group_from: usize,
    /// What comes between a number and its `%`.
    percent_gap: &'static str,
}

const ENGLISH: Conventions = Conventions {
    decimal: '.',
    group: ",",
    // Staff pages have always printed counts without separators in English.
    group_from: usize::MAX,
    percent_gap: "",
};

const SPANISH: Conventions = Conventions {
    decimal: ',',
    group: ".",
    group_from: 5,
    percent_gap: "\u{a0}",
};

fn conventions(lang: Lang) -> &'static Conventions {
    match lang {
        Lang::Es => &SPANISH,
        _ => &ENGLISH,
    }
}

/// `x` rounded to `places` decimals, written in `lang` (`3.4` / `3,4`; `-0` prints `0`).
pub fn number(lang: Lang, x: f64, places: usize) -> String {
    let f = 10f64.powi(places as i32);
    // `+ 0.0` turns a -0 into 0.
    let plain = format!("{:.places$}", (x * f).round() / f + 0.0);
    localize(lang, &plain)
}

/// A whole number written in `lang` (`12345` / `12.345`).
pub fn integer(lang: Lang, n: i64) -> String {
    localize(lang, &n.to_string())
}

/// A number already written the English way (`-1234.5`) rewritten for `lang`.
pub fn localize(lang: Lang, plain: &str) -> String {
    let c = conventions(lang);
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let mut out = String::from(sign);
    if whole.len() >= c.group_from && whole.bytes().all(|b| b.is_ascii_digit()) {
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(c.group);
            }
            out.push(ch);
        }
    } else {
        out.push_str(whole);
    }
    if let Some(frac) = frac {
        out.push(c.decimal);
        out.push_str(frac);
    }
    out
}

/// The sign a percentage ends with in `lang`: `%` or (Spanish) a no-break space and `%`.
pub fn percent_sign(lang: Lang) -> String {
    format!("{}%", conventions(lang).percent_gap)
}

/// A percentage already written as a number (or a range of them), with its sign.
pub fn percent(lang: Lang, written: &str) -> String {
    format!("{written}{}", percent_sign(lang))
}

fn month_name(tr: Tr, date: NaiveDate) -> String {
    tr.get(&format!("month-{}", date.month()))
}

/// "November 2026" / "noviembre de 2026".
pub fn month_year(lang: Lang, date: impl Borrow<NaiveDate>) -> String {
    let date = *date.borrow();
    let tr = lang.tr();
    tr.args(
        "date-month-year",
        &[
            ("month", &month_name(tr, date)),
            ("year", &date.year().to_string()),
        ],
    )
}

/// "Nov 2026" / "nov 2026".
pub fn short_month_year(lang: Lang, date: impl Borrow<NaiveDate>) -> String {
    let date = *date.borrow();
    let tr = lang.tr();
    tr.args(
        "date-short-month-year",
        &[
            ("month", &tr.get(&format!("month-short-{}", date.month()))),
            ("year", &date.year().to_string()),
        ],
    )
}

/// The short month alone: "Nov" / "nov".
pub fn short_month(lang: Lang, date: impl Borrow<NaiveDate>) -> String {
    let date = *date.borrow();
    lang.tr().get(&format!("month-short-{}", date.month()))
}

/// The month alone: "November" / "noviembre".
pub fn month(lang: Lang, date: impl Borrow<NaiveDate>) -> String {
    let date = *date.borrow();
    month_name(lang.tr(), date)
}

/// "3 November 2026" / "3 de noviembre de 2026".
pub fn day_month_year(lang: Lang, date: impl Borrow<NaiveDate>) -> String {
    let date = *date.borrow();
    let tr = lang.tr();
    tr.args(
        "date-day-month-year",
        &[
            ("day", &date.day().to_string()),
            ("month", &month_name(tr, date)),
            ("year", &date.year().to_string()),
        ],
    )
}

/// "3 Nov 2026" / "3 nov 2026".
pub fn day_short_month_year(lang: Lang, date: impl Borrow<NaiveDate>) -> String {
    let date = *date.borrow();
    let tr = lang.tr();
    tr.args(
        "date-day-short-month-year",
        &[
            ("day", &date.day().to_string()),
            ("month", &tr.get(&format!("month-short-{}", date.month()))),
            ("year", &date.year().to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_numbers_are_written_as_before() {
        assert_eq!(number(Lang::En, 3.44, 1), "3.4");
        assert_eq!(number(Lang::En, -0.01, 0), "0");
        assert_eq!(integer(Lang::En, 123456), "123456");
        assert_eq!(percent(Lang::En, "72"), "72%");
    }

    #[test]
    fn spanish_uses_a_decimal_comma_and_groups_from_five_digits() {
        assert_eq!(number(Lang::Es, 3.44, 1), "3,4");
        assert_eq!(integer(Lang::Es, 1234), "1234");
        assert_eq!(integer(Lang::Es, 12345), "12.345");
        assert_eq!(integer(Lang::Es, -1234567), "-1.234.567");
        assert_eq!(percent(Lang::Es, "72"), "72\u{a0}%");
        assert_eq!(localize(Lang::Es, "91–100"), "91–100");
    }

    #[test]
    fn months_are_written_in_each_staff_language() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        assert_eq!(month_year(Lang::En, day), "November 2026");
        assert_eq!(month_year(Lang::Es, day), "noviembre de 2026");
        assert_eq!(short_month_year(Lang::En, day), "Nov 2026");
        assert_eq!(short_month_year(Lang::Es, day), "nov 2026");
        assert_eq!(day_month_year(Lang::En, day), "3 November 2026");
        assert_eq!(day_month_year(Lang::Es, day), "3 de noviembre de 2026");
        assert_eq!(day_short_month_year(Lang::Es, day), "3 nov 2026");
        // English matches what chrono printed before.
        for m in 1..=12 {
            let d = NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
            assert_eq!(month_year(Lang::En, d), d.format("%B %Y").to_string());
            assert_eq!(short_month_year(Lang::En, d), d.format("%b %Y").to_string());
            assert_eq!(
                day_short_month_year(Lang::En, d),
                d.format("%-d %b %Y").to_string()
            );
        }
    }
}
