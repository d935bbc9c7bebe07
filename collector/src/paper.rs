//! Paper forms: what a person ticked on the printed form, as typed in by data entry.
//!
//! The printed form numbers everything: statements 1–8 with boxes 1–5 (or none, skipped),
//! question 9 (first time: 1 yes, 2 no) and the options 1–5 of questions 10 and 11. A
//! typist enters one form as four short fields of digits, which [`Typed::answers`] turns
//! into the participant form's own fields and hands to [`parse_form`], so a paper answer
//! passes exactly the checks a phone's does and becomes the same [`Answers`].
//!
//! # Privacy
//! A typed form is the ticks and nothing else: no time, no position in the stack, no
//! typist. [`crate::commit::commit_entered`] stores a stack in random order, with one
//! audit entry for the whole stack.

use crate::instrument::{Answers, Helped, Hindered, Item};
use crate::submission::{Problem, parse_form};

/// The most forms one stack may hold before it is saved.
pub const MAX_STACK: usize = 200;

/// One paper form as typed: digits only (spaces and dashes are ignored).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Typed {
    /// One digit per statement, in the printed order: 1–5, or 0 when nothing is ticked.
    pub ratings: String,
    /// 1 yes, 2 no, 0 or nothing when skipped.
    pub first_time: String,
    /// The numbers of the boxes ticked under "what helped", or 0 / nothing for none.
    pub helped: String,
    /// The same for "what got in the way".
    pub hindered: String,
}

fn digits(field: &str) -> String {
    field
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

impl Typed {
    pub fn new(ratings: &str, first_time: &str, helped: &str, hindered: &str) -> Typed {
        Typed {
            ratings: digits(ratings).chars().take(32).collect(),
            first_time: digits(first_time).chars().take(8).collect(),
            helped: digits(helped).chars().take(16).collect(),
            hindered: digits(hindered).chars().take(16).collect(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.ratings.is_empty()
            && self.first_time.is_empty()
            && self.helped.is_empty()
            && self.hindered.is_empty()
    }

    /// The form in one token, for the stack a page carries: `ratings.first.helped.hindered`.
    pub fn encode(&self) -> String {
        format!(
            "{}.{}.{}.{}",
            self.ratings, self.first_time, self.helped, self.hindered
        )
    }

    pub fn decode(token: &str) -> Option<Typed> {
        let mut parts = token.split('.');
        let typed = Typed::new(parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        parts.next().is_none().then_some(typed)
    }

    /// The answers this form gives, or every problem with it in plain words (for staff).
    pub fn answers(&self) -> Result<Answers, Vec<String>> {
        let mut problems = Vec::new();
        let mut fields: Vec<(String, String)> = Vec::new();
        let ratings: Vec<char> = self.ratings.chars().collect();
        if ratings.len() != Item::ALL.len() || ratings.iter().any(|c| !('0'..='5').contains(c)) {
            problems.push(format!(
                "Statements: type {} digits, one per statement in the printed order: 1 to 5 for the box ticked, 0 where none is.",
                Item::ALL.len()
            ));
        } else {
            for (item, c) in Item::ALL.iter().zip(&ratings) {
                let value = if *c == '0' {
                    "skip".to_owned()
                } else {
                    c.to_string()
                };
                fields.push((item.key().to_owned(), value));
            }
        }
        match self.first_time.as_str() {
            "" | "0" => {}
            "1" => fields.push(("first_time".into(), "yes".into())),
            "2" => fields.push(("first_time".into(), "no".into())),
            _ => problems.push(
                "First time: type 1 for yes, 2 for no, or 0 (or nothing) if neither is ticked."
                    .to_owned(),
            ),
        }
        let choices = [
            (
                "What helped",
                &self.helped,
                Helped::COLUMN_PREFIX,
                Helped::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
            ),
            (
                "What got in the way",
                &self.hindered,
                Hindered::COLUMN_PREFIX,
                Hindered::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
            ),
        ];
        for (what, typed, name, keys) in choices {
            if typed.as_str() == "0" {
                continue;
            }
            let mut seen = Vec::new();
            let mut bad = false;
            for c in typed.chars() {
                match c.to_digit(10).map(|d| d as usize) {
                    Some(d) if (1..=keys.len()).contains(&d) && !seen.contains(&d) => seen.push(d),
                    _ => bad = true,
                }
            }
            if bad {
                problems.push(format!(
                    "{what}: type the numbers of the boxes ticked (1 to {}, each once), or 0 (or nothing) if none is.",
                    keys.len()
                ));
            }
            for d in seen {
                fields.push((name.to_owned(), keys[d - 1].to_owned()));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&fields)
            .finish();
        match parse_form(body.as_bytes()) {
            Ok(submission) => Ok(submission.answers),
            Err(rejected) if rejected.problems == [Problem::NothingAnswered] => Err(vec![
                "Nothing is ticked on this form: a blank form is not typed in (it would take a place and say nothing).".to_owned(),
            ]),
            Err(_) => Err(vec!["This form could not be read. Check the digits.".to_owned()]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::Rating;

    #[test]
    fn a_typed_form_becomes_the_same_answers_as_the_participant_form() {
        let typed = Typed::new("4530 1205", "1", "1 3", "0");
        let answers = typed.answers().unwrap();
        let expected = parse_form(
            b"belong=4&welcome=5&heard=3&safe_to_share=skip&not_judged=1&confidential=2\
              &own_pace=skip&better=5&first_time=yes&helped=listened&helped=ground_rules",
        )
        .unwrap()
        .answers;
        assert_eq!(answers, expected);
        assert_eq!(answers.rating(Item::ALL[0]), Rating::try_from(4).ok());
        assert_eq!(answers.rating(Item::ALL[3]), None);
        assert!(!answers.hindered(Hindered::ALL[0]));
    }

    #[test]
    fn every_mistake_is_named_and_a_blank_form_is_refused() {
        assert_eq!(
            Typed::new("4530120", "", "", "")
                .answers()
                .unwrap_err()
                .len(),
            1
        );
        assert_eq!(
            Typed::new("45301206", "3", "16", "11")
                .answers()
                .unwrap_err()
                .len(),
            4
        );
        let blank = Typed::new("00000000", "0", "", "0").answers().unwrap_err();
        assert!(blank[0].contains("Nothing is ticked"));
        assert!(Typed::new("00000000", "2", "", "").answers().is_ok());
    }

    #[test]
    fn a_form_survives_its_round_trip_through_the_page() {
        let typed = Typed::new("1234-5012", "2", "54", "");
        assert_eq!(Typed::decode(&typed.encode()), Some(typed));
        assert_eq!(Typed::decode("1.2.3"), None);
        assert_eq!(Typed::decode("1.2.3.4.5"), None);
    }
}
