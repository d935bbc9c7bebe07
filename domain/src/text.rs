//! Text staff type for others to read — program and circle names, crisis lines, actions
//! and the "you said, we did" lines participants see — checked by one rule, [`check`],
//! wherever it is typed (the admin and manager pages, `hearth session open`,
//! `hearth serve --crisis-line`).
//!
//! Refused, each with a sentence saying what was wrong: control characters (NUL, tabs,
//! the other C0 and C1 controls, and line breaks where the text is one line), and the
//! invisible characters that embed, override or isolate the direction of text
//! (U+202A–U+202E, U+2066–U+2069), which can make a name display reversed or as something
//! it is not ("Trojan Source", CVE-2021-42574). Right-to-left writing — Arabic, Hebrew —
//! needs none of them and is taken as typed, as are the direction marks U+200E, U+200F and
//! U+061C and the joiners some scripts need. A name may not begin with `=`, `+` or `@`,
//! which a spreadsheet opening an export would run as a formula (a leading `-` is allowed:
//! exports neutralise it, see `analytics::spreadsheet`).

use std::fmt;

/// How a piece of text is laid out, which decides what it may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A program's or circle's name: one line, not beginning like a formula.
    Name,
    /// One line (a crisis line).
    Line,
    /// Several lines, typed in a text area (an action, a "you said" line): line breaks are
    /// allowed, other control characters are not.
    Text,
}

/// What was wrong with a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    LineBreak,
    Tab,
    /// Another control character (NUL, escape, a C1 control…).
    Control(char),
    /// An embedding, override or isolate of the text's direction.
    Direction(char),
    /// A name that begins like a spreadsheet formula.
    FormulaStart(char),
}

/// Text refused by [`check`]: which field (as a sentence names it, e.g. "the program
/// name") and why. Its message is a sentence the person who typed it can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct TextError {
    pub what: String,
    pub problem: Problem,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = &self.what;
        match self.problem {
            Problem::LineBreak => write!(
                f,
                "{what} must be on one line: it holds a line break. Type it again on one line"
            ),
            Problem::Tab => write!(f, "{what} holds a tab: use a space instead"),
            Problem::Control(c) => write!(
                f,
                "{what} holds an invisible control character (U+{:04X}), which pages and exports cannot show: type it again without it",
                u32::from(c)
            ),
            Problem::Direction(c) => write!(
                f,
                "{what} holds an invisible character that changes the direction of text (U+{:04X}), which can make it show as something other than what it says: type it again without it (Arabic, Hebrew and other right-to-left writing need no such character)",
                u32::from(c)
            ),
            Problem::FormulaStart(c) => write!(
                f,
                "{what} may not begin with “{c}”: a spreadsheet opening an export would read it as a formula. Begin it with a letter or a digit"
            ),
        }
    }
}

/// The first characters a name may not have: a spreadsheet runs a cell beginning with
/// them as a formula.
pub const NAME_MAY_NOT_BEGIN_WITH: [char; 3] = ['=', '+', '@'];

/// Whether `c` embeds, overrides or isolates the direction of text (LRE, RLE, PDF, LRO,
/// RLO; LRI, RLI, FSI, PDI).
pub fn changes_direction(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Checks text as typed in a field of `shape`; `what` names the field in the message
/// ("the program name"). The first problem found is the one said. Callers trim first:
/// spaces and line breaks around the text are not part of it.
pub fn check(text: &str, shape: Shape, what: &str) -> Result<(), TextError> {
    let refuse = |problem| {
        Err(TextError {
            what: what.to_owned(),
            problem,
        })
    };
    let first = text.chars().next();
    if let Some(first) =
        first.filter(|c| shape == Shape::Name && NAME_MAY_NOT_BEGIN_WITH.contains(c))
    {
        return refuse(Problem::FormulaStart(first));
    }
    for c in text.chars() {
        let problem = if changes_direction(c) {
            Problem::Direction(c)
        } else if c == '\t' {
            Problem::Tab
        } else if line_break(c) {
            if shape == Shape::Text && matches!(c, '\n' | '\r') {
                continue;
            }
            Problem::LineBreak
        } else if c.is_control() {
            Problem::Control(c)
        } else {
            continue;
        };
        return refuse(problem);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str, shape: Shape) -> Option<Problem> {
        check(text, shape, "the name").err().map(|e| e.problem)
    }

    #[test]
    fn controls_tabs_and_direction_overrides_are_refused_in_every_shape() {
        for shape in [Shape::Name, Shape::Line, Shape::Text] {
            assert_eq!(
                problem("Peer\0Bridges", shape),
                Some(Problem::Control('\0'))
            );
            assert_eq!(problem("Peer\tBridges", shape), Some(Problem::Tab));
            assert_eq!(
                problem("a\u{1b}[31m", shape),
                Some(Problem::Control('\u{1b}'))
            );
            assert_eq!(problem("a\u{9b}b", shape), Some(Problem::Control('\u{9b}')));
            assert_eq!(problem("a\u{7f}b", shape), Some(Problem::Control('\u{7f}')));
            for c in ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}') {
                let text = format!("Tuesday {c}gnineve");
                assert_eq!(problem(&text, shape), Some(Problem::Direction(c)), "{c:?}");
            }
        }
    }

    #[test]
    fn line_breaks_are_refused_on_one_line_and_taken_in_a_text_area() {
        for text in ["a\nb", "a\r\nb", "a\u{2028}b", "a\u{85}b", "a\u{0B}b"] {
            assert_eq!(
                problem(text, Shape::Name),
                Some(Problem::LineBreak),
                "{text:?}"
            );
            assert_eq!(
                problem(text, Shape::Line),
                Some(Problem::LineBreak),
                "{text:?}"
            );
        }
        assert_eq!(problem("We met.\r\nWe changed it.", Shape::Text), None);
        assert_eq!(problem("a\u{2028}b", Shape::Text), Some(Problem::LineBreak));
    }

    #[test]
    fn names_may_not_begin_like_a_formula_but_may_begin_with_a_dash() {
        for (text, first) in [
            (r#"=HYPERLINK("http://x","y")"#, '='),
            ("+cmd|' /C calc'!A0", '+'),
            ("@SUM(A1)", '@'),
        ] {
            assert_eq!(
                problem(text, Shape::Name),
                Some(Problem::FormulaStart(first))
            );
            assert_eq!(problem(text, Shape::Line), None, "only names are exported");
        }
        assert_eq!(problem("-1+1", Shape::Name), None);
        assert_eq!(problem("Group = together", Shape::Name), None);
    }

    #[test]
    fn right_to_left_writing_and_its_marks_are_taken_as_typed() {
        for text in [
            "دائرة الثلاثاء",
            "מעגל יום שלישי",
            "Circle \u{200F}שלום\u{200E} 2",
            "\u{061C}مرحبا",
            "می\u{200C}خواهم",
            "Café · Ünïcode – “quotes”",
        ] {
            for shape in [Shape::Name, Shape::Line, Shape::Text] {
                assert_eq!(problem(text, shape), None, "{text}");
            }
        }
    }

    #[test]
    fn the_message_names_the_field_and_the_character() {
        let e = check("a\u{202E}b", Shape::Line, "the English line").unwrap_err();
        let message = e.to_string();
        assert!(message.starts_with("the English line holds an invisible character"));
        assert!(message.contains("U+202E"), "{message}");
        let e = check("=1", Shape::Name, "the circle name").unwrap_err();
        assert!(e.to_string().contains("may not begin with “=”"));
    }
}
