//! Paper forms: what a person ticked on the printed form, as typed in by data entry.
//!
//! The printed form numbers everything: statements 1–8 with boxes 1–5 (or none, skipped),
//! question 9 (first time: 1 yes, 2 no) and the options 1–5 of questions 10 and 11. A
//! typist enters one form as four short fields of digits, which [`Typed::answers`] turns
//! into the participant form's own fields and hands to [`parse_form`], so a paper answer
//! passes exactly the checks a phone's does and becomes the same [`Answers`].
//!
//! Paper forms arrive after their meeting, so a session's paper forms can be typed in for
//! [`PAPER_DAYS`] days after it closes ([`paper_until`]), within its capacity, but never
//! past the time its month is released by itself ([`RELEASED_AFTER_HOURS`] after the month
//! ends): `hearth release` refuses a month while one of its sessions still takes paper
//! forms ([`taking_paper_until`]), and a stack is refused once its month or quarter is
//! released, so no answer reaches a month after its release and no release waits longer
//! than the latest session of its month (open at most 14 days) plus its paper days.
//!
//! # Privacy
//! A typed form is the ticks and nothing else: no time, no position in the stack, no
//! typist. [`save_stack`] stores a stack in random order, with one audit entry for the
//! whole stack. After the session has closed, the stack goes in with the whole session
//! sealed again ([`crate::seal`]) in the same transaction: the session is never left
//! unsealed for its paper days, and the late forms do not sit apart from the others.

use chrono::{Datelike, NaiveDate};
use sqlx::{AnyConnection, Connection};

use crate::commit::{Refusal, commit_entered};
use crate::submission::{Problem, parse_form};
use domain::audit::Entry;
use domain::catalog::{Session, SessionState, now_unix};
use domain::instrument::{Answers, Helped, Hindered, Item};
use domain::store::Store;

/// The most forms one stack may hold before it is saved.
pub const MAX_STACK: usize = 200;

/// Days after a session closes (its window ended, or it was closed early) during which its
/// paper forms can still be typed in.
pub const PAPER_DAYS: i64 = 7;

/// Hours after a month ends when `hearth serve` releases it by itself (the default of
/// `--release-grace-hours`): no paper window reaches past it.
pub const RELEASED_AFTER_HOURS: i64 = 72;

const DAY: i64 = 86_400;

/// When `held_on`'s month is released by itself (Unix seconds, UTC): [`RELEASED_AFTER_HOURS`]
/// after the month's last day.
pub fn month_released_at(held_on: NaiveDate) -> i64 {
    let next_month = held_on
        .with_day0(0)
        .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
        .expect("a date within the catalog's years");
    next_month
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc()
        .timestamp()
        + RELEASED_AFTER_HOURS * 3600
}

/// Until when (Unix seconds) paper forms of a session held on `held_on` that closes (or
/// closed) at `closes_at` can be typed in: [`PAPER_DAYS`] after it closes, cut short at
/// [`month_released_at`], and never before it closes (a session still open then is
/// typed into as an open one, and its month waits for it as for any open session).
pub fn paper_until_of(held_on: NaiveDate, closes_at: i64) -> i64 {
    closes_at.max((closes_at + PAPER_DAYS * DAY).min(month_released_at(held_on)))
}

/// [`paper_until_of`] for a session: if it is still open, the latest it can be (closing it
/// early brings it forward).
pub fn paper_until(session: &Session) -> i64 {
    paper_until_of(session.held_on, session.closes_at)
}

/// Whether a session takes a stack of paper forms right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// It has room (never how much).
    Room,
    /// As many answers as places.
    Full,
    /// Closed, and its paper days are over.
    Over,
}

impl Takes {
    pub fn of(session: &Session, now: i64) -> Takes {
        let open = session.state(now) != SessionState::Closed;
        if !open && now >= paper_until(session) {
            Takes::Over
        } else if session.filled() {
            Takes::Full
        } else {
            Takes::Room
        }
    }
}

/// Why a stack was not saved. Nothing of it is stored, and no audit entry is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotSaved {
    /// The session has fewer places left than the stack has forms (how many is not said).
    Full,
    /// The session has closed and its paper forms could be typed in until `until`.
    Over { until: i64 },
    /// Its month (or quarter) has been released: its figures are final.
    Released,
}

/// Saves a stack of typed forms into a session, all or none, in random order, with the
/// typist's one audit `entry` in the same transaction. While the session is open the
/// stack goes in as the participant form's answers do ([`commit_entered`]); once it has
/// closed, until [`paper_until`], the stack is written with the whole session sealed
/// again ([`crate::seal::seal_in`]), after checking its places and that its month (or
/// quarter) is not released.
pub async fn save_stack(
    store: &Store,
    session: &Session,
    answers: &[Answers],
    entry: Entry<'_>,
) -> Result<Result<(), NotSaved>, sqlx::Error> {
    if session.state(now_unix()) != SessionState::Closed {
        match commit_entered(store, session.id, answers, entry.clone()).await? {
            Ok(()) => return Ok(Ok(())),
            Err(Refusal::Full) => return Ok(Err(NotSaved::Full)),
            // Closed in the meantime: it may still take paper forms.
            Err(_) => {}
        }
    }
    save_after_closing(store, session, answers, entry).await
}

async fn save_after_closing(
    store: &Store,
    session: &Session,
    answers: &[Answers],
    entry: Entry<'_>,
) -> Result<Result<(), NotSaved>, sqlx::Error> {
    let now = now_unix();
    let released_at = month_released_at(session.held_on);
    let mut conn = store.pool().acquire().await?;
    let mut tx = conn.begin().await?;
    // The places first, as the committer takes them: the row is this transaction's from
    // here (PostgreSQL locks it; SQLite takes its write lock), so the sealer, another
    // stack and `hearth release` wait for it. `sealed = 0` lets the seal below claim it.
    let taken = sqlx::query(
        "update session set received = received + $2, sealed = 0 \
         where id = $1 and (closed = 1 or closes_at <= $3) \
         and (closes_at > $3 or (closes_at > $4 and $5 > $3)) \
         and received + $2 <= capacity",
    )
    .bind(session.id)
    .bind(answers.len() as i32)
    .bind(now)
    .bind(now - PAPER_DAYS * DAY)
    .bind(released_at)
    .execute(&mut *tx)
    .await?;
    if taken.rows_affected() != 1 {
        let refusal = why_not(&mut tx, session, now).await?;
        tx.rollback().await?;
        return Ok(Err(refusal));
    }
    if domain::catalog::release_of(&mut tx, session.held_on)
        .await?
        .is_some()
    {
        tx.rollback().await?;
        return Ok(Err(NotSaved::Released));
    }
    crate::seal::seal_in(&mut tx, session.id, answers).await?;
    domain::audit::commit(tx, entry).await?;
    // As after any seal: the old page images leave the write-ahead log.
    drop(conn);
    if !store.empty_write_ahead_log().await? {
        tracing::warn!(
            "paper forms: the write-ahead log stayed busy; it is emptied at the next seal"
        );
    }
    Ok(Ok(()))
}

async fn why_not(
    conn: &mut AnyConnection,
    session: &Session,
    now: i64,
) -> Result<NotSaved, sqlx::Error> {
    let closes_at: Option<i64> = sqlx::query_scalar("select closes_at from session where id = $1")
        .bind(session.id)
        .fetch_optional(&mut *conn)
        .await?;
    let until = closes_at.map_or(0, |closes_at| paper_until_of(session.held_on, closes_at));
    Ok(if now < until {
        NotSaved::Full
    } else {
        NotSaved::Over { until }
    })
}

/// The latest time (Unix seconds) until which a session held in `from..to` takes paper
/// forms after closing, when one still does at `now`: what makes `hearth release` wait.
pub async fn taking_paper_until(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "select held_on, closes_at from session \
         where held_on >= $1 and held_on < $2 and closes_at > $3",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(now - PAPER_DAYS * DAY)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(held_on, closes_at)| Some(paper_until_of(held_on.parse().ok()?, closes_at)))
        .filter(|until| *until > now)
        .max())
}

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
    use domain::instrument::Rating;

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
