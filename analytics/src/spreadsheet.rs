//! What a spreadsheet must not run. Every CSV Hearth writes — the manager and funder
//! downloads, the data dictionaries, `hearth export --format csv` — goes through
//! [`crate::view::write_export`], which passes its text columns through [`safe_cell`]:
//! a text cell that a spreadsheet would read as a formula gets a leading `'`, as OWASP's
//! guidance on CSV injection says. Quoting a field does not help: a spreadsheet unquotes
//! it, then runs it.
//!
//! Names are also refused at entry when they begin with `=`, `+` or `@`
//! (`domain::text`); a leading `-` is allowed there (a circle may be "- Tuesday -") and
//! neutralised here. Numeric columns (counts, values, margins) are written as numbers,
//! untouched: a negative number stays a number.

use std::borrow::Cow;

use polars::prelude::*;

/// The first characters that make a spreadsheet read a cell as a formula (or, for tab and
/// carriage return, make some spreadsheets skip to the next character, which may be one).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as it is safe to write to a CSV: prefixed with `'` when it begins with one
/// of [`FORMULA_STARTS`], unless it is a plain number ("-3", "+2.5"), which a spreadsheet
/// reads as that number and nothing else.
pub fn safe_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some(first) if FORMULA_STARTS.contains(&first) && !plain_number(text) => {
            Cow::Owned(format!("'{text}"))
        }
        _ => Cow::Borrowed(text),
    }
}

/// A sign, digits, and at most one decimal point between digits: "-3", "+2.5".
fn plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// The frame with every text column passed through [`safe_cell`]; other columns as they
/// are.
pub fn safe_frame(frame: &DataFrame) -> PolarsResult<DataFrame> {
    let columns = frame.try_apply_columns(|column| {
        if column.dtype() != &DataType::String {
            return Ok(column.clone());
        }
        let safe = column
            .str()?
            .apply_into_string_amortized(|text, out| out.push_str(&safe_cell(text)));
        Ok(safe.into_column())
    })?;
    DataFrame::new(frame.height(), columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_gets_a_leading_quote() {
        for (typed, written) in [
            (
                r#"=HYPERLINK("http://x","y")"#,
                r#"'=HYPERLINK("http://x","y")"#,
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("- Tuesday -", "'- Tuesday -"),
            ("-", "'-"),
            ("-.5", "'-.5"),
        ] {
            assert_eq!(safe_cell(typed), written, "{typed:?}");
        }
    }

    #[test]
    fn words_and_numbers_are_written_as_they_are() {
        for text in [
            "Riverside",
            "Tuesday = good",
            "a-b",
            "",
            "-3",
            "+2.5",
            "-0.25",
            "دائرة الثلاثاء",
            "'=quoted already",
        ] {
            assert_eq!(safe_cell(text), text);
            assert!(matches!(safe_cell(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn only_text_columns_change_and_numbers_stay_numbers() {
        let frame = DataFrame::new(
            3,
            vec![
                Column::new("circle".into(), [Some("=1+1"), None, Some("Monday")]),
                Column::new("count".into(), [Some(-3i64), Some(4), None]),
                Column::new("value".into(), [Some(-1.5f64), None, Some(2.0)]),
            ],
        )
        .unwrap();
        let mut safe = safe_frame(&frame).unwrap();
        let mut out = Vec::new();
        CsvWriter::new(&mut out).finish(&mut safe).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "circle,count,value\n'=1+1,-3,-1.5\n,4,\nMonday,,2.0\n"
        );
    }
}
