//! Parsing a submitted form into typed answers, once, at the edge.
//!
//! Parsing never stops at the first problem: every valid answer is kept, so a form sent
//! back with a problem still shows everything the participant chose.

use domain::instrument::{Answers, Helped, Hindered, Item, Rating};

/// Largest body a participant form may send. A full answer set is well under 1 KiB.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The longest ticket field we look at; a real ticket is 20 characters.
const MAX_TICKET_FIELD: usize = 64;

/// The longest form token we look at; a real one is [`crate::once::TOKEN_LEN`] characters.
const MAX_ONCE_FIELD: usize = 128;

/// A successfully parsed form: at least one question answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Submission {
    pub answers: Answers,
    /// The ticket field as typed or pre-filled, trimmed; `None` when absent or blank.
    pub ticket: Option<String>,
    /// The form's token (`once`, see [`crate::once`]) as sent, trimmed and not yet checked;
    /// `None` when absent or blank (a page drawn before forms carried one).
    pub once: Option<String>,
}

/// What was wrong with a form. Out-of-range answers are per item, so the form can point at
/// the question; the others concern the whole body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    OutOfRange(&'static str),
    UnknownField,
    Malformed,
    /// A well-formed form with nothing answered. Not a mistake (every question may be
    /// skipped), but storing it would use one of the session's places and count as a
    /// response that says nothing; the form says so kindly instead.
    NothingAnswered,
}

impl Problem {
    /// The message catalog key that explains the problem.
    pub fn message_key(&self) -> &'static str {
        match self {
            Problem::OutOfRange(_) => "problem-out-of-range",
            Problem::UnknownField => "problem-unknown-field",
            Problem::Malformed => "problem-malformed",
            Problem::NothingAnswered => "problem-nothing-answered",
        }
    }
}

/// A form that could not be accepted, with everything valid that it carried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub partial: Submission,
    pub problems: Vec<Problem>,
}

/// Parses an `application/x-www-form-urlencoded` body.
///
/// Accepted fields: each item key with `1`–`5` (or `skip` / empty for no answer);
/// `first_time` with `yes` / `no` (or `skip` / empty); `helped` and `hindered`, repeated,
/// with their option keys; `ticket`; `once`. Anything else is refused, and so is a field given
/// twice where one value is expected, or a body that is not valid percent-encoded UTF-8.
/// A form that is otherwise fine but answers nothing (every question empty or skipped,
/// whatever the ticket and token) is refused with [`Problem::NothingAnswered`] alone.
pub fn parse_form(body: &[u8]) -> Result<Submission, Rejected> {
    let mut submission = Submission::default();
    let mut problems = Vec::new();
    let mut seen_single: Vec<String> = Vec::new();

    for pair in body.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        let mut halves = pair.splitn(2, |&b| b == b'=');
        let (Some(name), Some(value)) = (halves.next(), halves.next()) else {
            problems.push(Problem::Malformed);
            continue;
        };
        let (Some(name), Some(value)) = (decode(name), decode(value)) else {
            problems.push(Problem::Malformed);
            continue;
        };
        let value = value.trim();
        let single = name != Helped::COLUMN_PREFIX && name != Hindered::COLUMN_PREFIX;
        if single {
            if seen_single.contains(&name) {
                problems.push(Problem::Malformed);
                continue;
            }
            seen_single.push(name.clone());
        }
        match name.as_str() {
            "ticket" => {
                if value.len() > MAX_TICKET_FIELD {
                    problems.push(Problem::Malformed);
                } else if !value.is_empty() {
                    submission.ticket = Some(value.to_owned());
                }
            }
            "once" => {
                if value.len() > MAX_ONCE_FIELD {
                    problems.push(Problem::Malformed);
                } else if !value.is_empty() {
                    submission.once = Some(value.to_owned());
                }
            }
            "first_time" => match value {
                "yes" => submission.answers.first_time = Some(true),
                "no" => submission.answers.first_time = Some(false),
                "" | "skip" => {}
                _ => problems.push(Problem::OutOfRange("first_time")),
            },
            "helped" => match Helped::from_key(value) {
                Some(choice) => submission.answers.set_helped(choice),
                None => problems.push(Problem::OutOfRange("helped")),
            },
            "hindered" => match Hindered::from_key(value) {
                Some(choice) => submission.answers.set_hindered(choice),
                None => problems.push(Problem::OutOfRange("hindered")),
            },
            key => match Item::from_key(key) {
                Some(item) => match parse_rating(value) {
                    Ok(rating) => submission.answers.set_rating(item, rating),
                    Err(()) => problems.push(Problem::OutOfRange(item.key())),
                },
                None => problems.push(Problem::UnknownField),
            },
        }
    }

    if problems.is_empty() && submission.answers.is_empty() {
        problems.push(Problem::NothingAnswered);
    }
    if problems.is_empty() {
        Ok(submission)
    } else {
        // Each problem once, however often the body repeats it.
        let mut unique: Vec<Problem> = Vec::with_capacity(problems.len().min(16));
        for problem in problems {
            if !unique.contains(&problem) {
                unique.push(problem);
            }
        }
        Err(Rejected {
            partial: submission,
            problems: unique,
        })
    }
}

fn parse_rating(value: &str) -> Result<Option<Rating>, ()> {
    match value {
        "" | "skip" => Ok(None),
        digits => digits
            .parse::<u8>()
            .ok()
            .and_then(|n| Rating::try_from(n).ok())
            .map(Some)
            .ok_or(()),
    }
}

/// Form decoding: `+` is a space, `%XX` a byte; the result must be UTF-8.
fn decode(raw: &[u8]) -> Option<String> {
    let mut out = Vec::with_capacity(raw.len());
    let mut bytes = raw.iter();
    while let Some(&b) = bytes.next() {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = (*bytes.next()? as char).to_digit(16)?;
                let lo = (*bytes.next()? as char).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
            }
            _ => out.push(b),
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_answer_set_parses() {
        let s = parse_form(
            b"belong=5&welcome=4&heard=3&safe_to_share=2&not_judged=1&confidential=5\
              &own_pace=skip&better=&first_time=yes&helped=listened&helped=ground_rules\
              &hindered=rushed&ticket=+ABC+&once=+f00d+",
        )
        .unwrap();
        assert_eq!(s.answers.rating(Item::Belong).map(Rating::get), Some(5));
        assert_eq!(s.answers.rating(Item::NotJudged).map(Rating::get), Some(1));
        assert_eq!(s.answers.rating(Item::OwnPace), None);
        assert_eq!(s.answers.rating(Item::Better), None);
        assert_eq!(s.answers.first_time, Some(true));
        assert!(s.answers.helped(Helped::Listened) && s.answers.helped(Helped::GroundRules));
        assert!(!s.answers.helped(Helped::Stories));
        assert!(s.answers.hindered(Hindered::Rushed));
        assert_eq!(s.ticket.as_deref(), Some("ABC"));
        assert_eq!(s.once.as_deref(), Some("f00d"));
    }

    #[test]
    fn a_form_that_answers_nothing_is_refused_and_keeps_its_ticket() {
        for body in [
            &b""[..],
            b"belong=skip&welcome=&first_time=skip",
            b"belong=skip&welcome=skip&heard=skip&safe_to_share=skip&not_judged=skip\
              &confidential=skip&own_pace=skip&better=skip&first_time=skip&ticket=ABC",
        ] {
            let r = parse_form(body).unwrap_err();
            assert_eq!(
                r.problems,
                vec![Problem::NothingAnswered],
                "{:?}",
                String::from_utf8_lossy(body)
            );
            assert!(r.partial.answers.is_empty());
        }
        let r = parse_form(b"own_pace=skip&ticket=+ABC+&once=f00d").unwrap_err();
        assert_eq!(r.partial.ticket.as_deref(), Some("ABC"));
        assert_eq!(
            r.partial.once.as_deref(),
            Some("f00d"),
            "the form keeps its token"
        );
        let once = format!("belong=4&once={}", "a".repeat(MAX_ONCE_FIELD + 1));
        assert_eq!(
            parse_form(once.as_bytes()).unwrap_err().problems,
            vec![Problem::Malformed]
        );
    }

    #[test]
    fn any_single_answer_is_enough() {
        for body in [
            "better=1",
            "first_time=no",
            "helped=facilitator",
            "hindered=advice&belong=skip",
        ] {
            assert!(parse_form(body.as_bytes()).is_ok(), "{body} refused");
        }
    }

    #[test]
    fn a_form_with_nothing_answered_and_a_real_problem_reports_only_the_problem() {
        let r = parse_form(b"belong=9").unwrap_err();
        assert_eq!(r.problems, vec![Problem::OutOfRange("belong")]);
    }

    #[test]
    fn out_of_range_values_keep_the_valid_answers() {
        let r = parse_form(b"belong=9&welcome=4&first_time=maybe&helped=cake").unwrap_err();
        assert_eq!(
            r.problems,
            vec![
                Problem::OutOfRange("belong"),
                Problem::OutOfRange("first_time"),
                Problem::OutOfRange("helped")
            ]
        );
        assert_eq!(
            r.partial.answers.rating(Item::Welcome).map(Rating::get),
            Some(4)
        );
        assert_eq!(r.partial.answers.rating(Item::Belong), None);
    }

    #[test]
    fn unknown_fields_are_refused() {
        let r = parse_form(b"belong=4&email=me%40example.org").unwrap_err();
        assert_eq!(r.problems, vec![Problem::UnknownField]);
        assert_eq!(
            r.partial.answers.rating(Item::Belong).map(Rating::get),
            Some(4)
        );
    }

    #[test]
    fn bad_encodings_and_repeated_fields_are_malformed() {
        for body in [
            &b"belong=%ZZ"[..],
            b"belong=%FF%FE",
            b"belong",
            b"belong=4&belong=5",
            b"belong=4&once=a&once=b",
            b"welcome=%4",
        ] {
            let r = parse_form(body).unwrap_err();
            assert_eq!(
                r.problems,
                vec![Problem::Malformed],
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn a_body_repeating_problems_reports_each_once() {
        let body = "belong=9&email=x&".repeat(500);
        let r = parse_form(body.as_bytes()).unwrap_err();
        assert_eq!(r.problems.len(), 3, "{:?}", r.problems); // out of range, unknown, repeated field
    }

    #[test]
    fn ratings_must_be_plain_digits_in_range() {
        for bad in ["0", "6", "-1", "3.5", "four", "255", "256"] {
            let body = format!("heard={bad}");
            assert!(parse_form(body.as_bytes()).is_err(), "{bad} accepted");
        }
    }
}
