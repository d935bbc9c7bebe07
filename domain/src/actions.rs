//! Actions staff take after reading the figures, for a circle or a whole program, and the
//! one short line ("you said, we did") a manager may publish to a circle's participants.
//!
//! The table lives here, beside the catalog, because both sides read it: the staff pages
//! record and edit actions, and the participant form shows a circle's published line.
//!
//! # Privacy
//! Everything here is staff text: what staff did and when. No participant sent any of it,
//! and a published line is refused if it tells how many said something — a percentage, a
//! share or a count of people, in digits or in words ([`tells_a_figure`]) — so the form
//! never shows a figure (a released one belongs on the staff pages, an unreleased one
//! nowhere).

use chrono::NaiveDate;
use sqlx::Row;

use crate::Store;
use crate::audit::{self, Action, Actor, Entry};
use crate::catalog::{self, CircleEntry};
use crate::i18n::Lang;
use crate::ids::{ActionId, CircleId, ProgramId, SessionId};
use crate::store::random_id;

/// The longest action text, in characters.
pub const MAX_BODY: usize = 500;
/// The longest line shown to participants, in characters: one short sentence or two.
pub const MAX_LINE: usize = 200;

/// A recorded action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionTaken {
    pub id: ActionId,
    pub program_id: ProgramId,
    /// `None`: the whole program.
    pub circle_id: Option<CircleId>,
    pub circle: Option<String>,
    pub body: String,
    pub taken_on: NaiveDate,
    pub recorded_by: String,
    pub archived_on: Option<NaiveDate>,
    pub published_en: Option<String>,
    pub published_es: Option<String>,
}

impl ActionTaken {
    pub fn archived(&self) -> bool {
        self.archived_on.is_some()
    }

    pub fn published(&self) -> bool {
        self.published_en.is_some()
    }
}

/// Why an action or a line was refused: each a sentence the person who typed it reads.
#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    #[error("write what was done")]
    EmptyBody,
    #[error("keep the action to {MAX_BODY} characters or fewer")]
    LongBody,
    #[error("give the day the action was taken, as a date (for example 2026-09-14)")]
    BadDate,
    #[error("the day can be at most a year from today")]
    FarDate,
    #[error("choose one of the program's circles, or the whole program")]
    UnknownCircle,
    #[error("write the line participants will read, or withdraw it")]
    EmptyLine,
    #[error("keep the line to {MAX_LINE} characters or fewer: participants read it on a phone")]
    LongLine,
    #[error(
        "the line may not say how many said something — no percentage, share or count of people, in digits or words (“80%”, “half of you”, “most of you”, “3 in 10”, “la mitad”): participants are never shown a figure, only what you heard and what was done"
    )]
    FigureInLine,
    #[error(
        "only an action for one circle can be told to participants: they see it on that circle's form"
    )]
    ProgramWide,
    /// A control character or a direction override (see [`crate::text`]).
    #[error(transparent)]
    Text(#[from] crate::text::TextError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// An action as typed, checked once: a known circle of the program (or none), a body, a
/// day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub circle_id: Option<CircleId>,
    pub body: String,
    pub taken_on: NaiveDate,
}

impl Draft {
    /// `circle` is a circle id or empty (the whole program); `today` bounds the day.
    pub fn parse(
        circle: &str,
        body: &str,
        taken_on: &str,
        circles: &[CircleEntry],
        today: NaiveDate,
    ) -> Result<Draft, ActionError> {
        let circle = circle.trim();
        let circle_id = if circle.is_empty() {
            None
        } else {
            Some(
                circle
                    .parse::<CircleId>()
                    .ok()
                    .filter(|id| circles.iter().any(|c| c.id == *id))
                    .ok_or(ActionError::UnknownCircle)?,
            )
        };
        let body = body.trim();
        if body.is_empty() {
            return Err(ActionError::EmptyBody);
        }
        if body.chars().count() > MAX_BODY {
            return Err(ActionError::LongBody);
        }
        crate::text::check(body, crate::text::Shape::Text, "the action")?;
        let taken_on = NaiveDate::parse_from_str(taken_on.trim(), "%Y-%m-%d")
            .ok()
            .filter(|d| *d >= NaiveDate::from_ymd_opt(2000, 1, 1).expect("a date"))
            .ok_or(ActionError::BadDate)?;
        if taken_on > today + chrono::Days::new(366) {
            return Err(ActionError::FarDate);
        }
        Ok(Draft {
            circle_id,
            body: body.to_owned(),
            taken_on,
        })
    }
}

/// A line for participants, checked: `None` when empty (optional translations). It is
/// typed in a text area, so line breaks are taken, and folded into spaces like any run of
/// white space; other control characters and direction overrides are refused.
fn line(text: &str, what: &str) -> Result<Option<String>, ActionError> {
    crate::text::check(text.trim(), crate::text::Shape::Text, what)?;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > MAX_LINE {
        return Err(ActionError::LongLine);
    }
    if tells_a_figure(&text) {
        return Err(ActionError::FigureInLine);
    }
    Ok(Some(text))
}

/// Words that name a share of a group on their own (English and Spanish).
const SHARE_WORDS: &[&str] = &[
    "percent",
    "percentage",
    "percentages",
    "majority",
    "minority",
    "porcentaje",
    "porcentajes",
    "mitad",
    "tercio",
    "tercios",
    "mayoría",
    "mayoria",
    "minoría",
    "minoria",
];

/// Words that name a share after a number or before "of": "two thirds", "a third of you"
/// (alone they are ordinals: "the third Tuesday").
const PART_WORDS: &[&str] = &[
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "fraction",
    "proportion",
];

/// Number words that can count people (English and Spanish), besides digits.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "dozen",
    "dozens",
    "uno",
    "una",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "doce",
    "veinte",
    "treinta",
    "cuarenta",
    "cincuenta",
    "cien",
    "docena",
];

/// Words that give a share once followed by "of you" (or "de ustedes").
const QUANTIFIERS: &[&str] = &["most", "all", "none"];

/// Whether a line tells how many said something: a percentage or fraction sign, a word
/// that names a share ("half", "the majority", "la mitad"), "per cent", a part after a
/// number or before "of" ("two thirds", "a quarter of us"), a number or "most" of a group
/// ("3 of you", "most of us", "tres de ustedes"), or one number in, out of or for every
/// another ("one in five", "3 out of 10", "dos de cada tres").
///
/// # Privacy
/// Participants are never shown a figure: a released one belongs on staff pages, with its
/// margin, and an unreleased one (a count of one meeting) nowhere. Other numbers — "ten
/// minutes", "at 7 pm", "half an hour", "the third Tuesday" — say nothing of answers and
/// pass.
pub fn tells_a_figure(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains(['%', '‰', '½', '⅓', '⅔', '¼', '¾']) {
        return true;
    }
    // A digit, a slash, a digit: "1/3".
    let chars: Vec<char> = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if chars
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == '/' && w[2].is_ascii_digit())
    {
        return true;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| {
        (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit())) || NUMBER_WORDS.contains(&w)
    };
    // Who a number counts ("two of you"); "most" also of "the group" ("two of the things
    // you raised" counts no people).
    let people = [
        "you", "us", "them", "ustedes", "nosotros", "vosotros", "ellos",
    ];
    let group = |w: &str| people.contains(&w) || matches!(w, "the" | "los" | "las");
    words.iter().enumerate().any(|(i, &w)| {
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        let before = if i == 0 { "" } else { words[i - 1] };
        SHARE_WORDS.contains(&w)
            || (w == "half" && !matches!(next(1), "an" | "a" | "hour" | "hours" | "past"))
            || (PART_WORDS.contains(&w) && (number(before) || next(1) == "of"))
            || (w == "per" && next(1) == "cent")
            || (w == "por" && next(1) == "ciento")
            || (number(w) && matches!(next(1), "of" | "de") && people.contains(&next(2)))
            || (QUANTIFIERS.contains(&w) && matches!(next(1), "of" | "de") && group(next(2)))
            || (number(w) && next(1) == "in" && number(next(2)))
            || (number(w) && next(1) == "out" && next(2) == "of")
            || (number(w) && next(1) == "de" && (next(2) == "cada" || number(next(2))))
    })
}

/// The lines to publish (English required, Spanish optional), checked.
pub fn parse_lines(en: &str, es: &str) -> Result<(String, Option<String>), ActionError> {
    let en = line(en, "the English line")?.ok_or(ActionError::EmptyLine)?;
    Ok((en, line(es, "the Spanish line")?))
}

fn day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

fn from_row(row: &sqlx::any::AnyRow) -> Result<ActionTaken, sqlx::Error> {
    Ok(ActionTaken {
        id: row.try_get("id")?,
        program_id: row.try_get("program_id")?,
        circle_id: row.try_get("circle_id")?,
        circle: row.try_get("circle")?,
        body: row.try_get("body")?,
        taken_on: day(Some(row.try_get("taken_on")?)).unwrap_or_default(),
        recorded_by: row.try_get("recorded_by")?,
        archived_on: day(row.try_get("archived_on")?),
        published_en: row.try_get("published_en")?,
        published_es: row.try_get("published_es")?,
    })
}

const SELECT: &str = "select a.id, a.program_id, a.circle_id, c.name as circle, a.body, a.taken_on, \
     a.recorded_by, a.archived_on, a.published_en, a.published_es \
     from action_taken a left join circle c on c.id = a.circle_id";

/// A program's actions that are not archived, latest first.
pub async fn list(store: &Store, program_id: ProgramId) -> Result<Vec<ActionTaken>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT} where a.program_id = $1 and a.archived_on is null order by a.taken_on desc, a.id"
    ))
    .bind(program_id)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// One action of a program, archived or not.
pub async fn find(
    store: &Store,
    program_id: ProgramId,
    id: ActionId,
) -> Result<Option<ActionTaken>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} where a.program_id = $1 and a.id = $2"))
        .bind(program_id)
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// What the audit trail names an action by: its program or circle, and its day.
/// Records what was done to an action (`what`, with its detail) in the audit trail, in the
/// transaction that did it, and commits both: the action's program, circle and day name
/// the entry's subject.
async fn commit_audited(
    mut tx: sqlx::Transaction<'_, sqlx::Any>,
    actor: Actor<'_>,
    (what, detail): (Action, &str),
    (program_id, circle_id, taken_on): (ProgramId, Option<CircleId>, NaiveDate),
) -> Result<(), sqlx::Error> {
    let subject = subject(&mut tx, program_id, circle_id, taken_on).await?;
    audit::commit(tx, Entry::new(actor, what, &subject).detail(detail)).await
}

async fn subject(
    conn: &mut sqlx::AnyConnection,
    program_id: ProgramId,
    circle_id: Option<CircleId>,
    taken_on: NaiveDate,
) -> Result<String, sqlx::Error> {
    let program: String = sqlx::query_scalar("select name from program where id = $1")
        .bind(program_id)
        .fetch_one(&mut *conn)
        .await?;
    let scope = match circle_id {
        Some(id) => {
            let circle: String = sqlx::query_scalar("select name from circle where id = $1")
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
            catalog::circle_subject(&program, &circle)
        }
        None => program,
    };
    Ok(format!("action of {taken_on} for {scope}"))
}

/// Records an action, with its audit entry in the same transaction; returns its id.
pub async fn record(
    store: &Store,
    program_id: ProgramId,
    draft: &Draft,
    actor: Actor<'_>,
) -> Result<ActionId, ActionError> {
    let mut tx = store.begin_write().await?;
    let id = loop {
        let id = ActionId::new(random_id());
        let inserted = sqlx::query(
            "insert into action_taken (id, program_id, circle_id, body, taken_on, recorded_by) \
             values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing",
        )
        .bind(id)
        .bind(program_id)
        .bind(draft.circle_id)
        .bind(&draft.body)
        .bind(draft.taken_on.to_string())
        .bind(actor.as_stored())
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            break id;
        }
    };
    let at = (program_id, draft.circle_id, draft.taken_on);
    commit_audited(tx, actor, (Action::ActionRecorded, &draft.body), at).await?;
    Ok(id)
}

/// Changes an action's circle, text or day; `false` (and no entry) when nothing differs.
/// A published line stays with the action only while it is still for one circle.
pub async fn change(
    store: &Store,
    action: &ActionTaken,
    draft: &Draft,
    actor: Actor<'_>,
) -> Result<bool, ActionError> {
    if action.circle_id == draft.circle_id
        && action.body == draft.body
        && action.taken_on == draft.taken_on
    {
        return Ok(false);
    }
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "update action_taken set circle_id = $1, body = $2, taken_on = $3, \
         published_en = case when $4 = 1 then published_en else null end, \
         published_es = case when $4 = 1 then published_es else null end \
         where id = $5",
    )
    .bind(draft.circle_id)
    .bind(&draft.body)
    .bind(draft.taken_on.to_string())
    .bind(i32::from(
        draft.circle_id.is_some() && draft.circle_id == action.circle_id,
    ))
    .bind(action.id)
    .execute(&mut *tx)
    .await?;
    let detail = format!("{} → {}", action.body, draft.body);
    let at = (action.program_id, draft.circle_id, draft.taken_on);
    commit_audited(tx, actor, (Action::ActionChanged, &detail), at).await?;
    Ok(true)
}

/// Archives an action (it leaves the pages, the charts and the participants' form);
/// `false` when it was archived already.
pub async fn archive(
    store: &Store,
    action: &ActionTaken,
    today: NaiveDate,
    actor: Actor<'_>,
) -> Result<bool, ActionError> {
    let mut tx = store.begin_write().await?;
    let done = sqlx::query(
        "update action_taken set archived_on = $1 where id = $2 and archived_on is null",
    )
    .bind(today.to_string())
    .bind(action.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let at = (action.program_id, action.circle_id, action.taken_on);
    commit_audited(tx, actor, (Action::ActionArchived, &action.body), at).await?;
    Ok(true)
}

/// Publishes the line participants of the action's circle read (`Some`), or withdraws it
/// (`None`); `false` (and no entry) when it was so already.
pub async fn publish(
    store: &Store,
    action: &ActionTaken,
    lines: Option<(String, Option<String>)>,
    actor: Actor<'_>,
) -> Result<bool, ActionError> {
    if action.circle_id.is_none() && lines.is_some() {
        return Err(ActionError::ProgramWide);
    }
    let (en, es) = match &lines {
        Some((en, es)) => (Some(en.clone()), es.clone()),
        None => (None, None),
    };
    if action.published_en == en && action.published_es == es {
        return Ok(false);
    }
    let mut tx = store.begin_write().await?;
    sqlx::query("update action_taken set published_en = $1, published_es = $2 where id = $3")
        .bind(&en)
        .bind(&es)
        .bind(action.id)
        .execute(&mut *tx)
        .await?;
    let detail = match (&en, &es) {
        (Some(en), Some(es)) => format!("told participants: {en} / {es}"),
        (Some(en), None) => format!("told participants: {en}"),
        _ => "no longer told to participants".to_owned(),
    };
    let at = (action.program_id, action.circle_id, action.taken_on);
    commit_audited(tx, actor, (Action::ActionPublished, &detail), at).await?;
    Ok(true)
}

/// The line the participants of a session's circle read, with the language it is in: in
/// theirs where staff translated it (Spanish, so far), else English. The latest published
/// action of that circle that is not archived; never another circle's, never a
/// program-wide one.
pub async fn published_for_session(
    store: &Store,
    session_id: SessionId,
    lang: Lang,
) -> Result<Option<(Lang, String)>, sqlx::Error> {
    let row: Option<(String, Option<String>)> = sqlx::query_as(
        "select a.published_en, a.published_es from action_taken a \
         join session s on s.circle_id = a.circle_id \
         where s.id = $1 and a.archived_on is null and a.published_en is not null \
         order by a.taken_on desc, a.id desc limit 1",
    )
    .bind(session_id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(en, es)| match (lang, es) {
        (Lang::Es, Some(es)) => (Lang::Es, es),
        _ => (Lang::En, en),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn circles() -> Vec<CircleEntry> {
        vec![CircleEntry {
            id: CircleId::new(7),
            program_id: ProgramId::new(1),
            name: "Tuesday".into(),
            archived_on: None,
        }]
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
    }

    #[test]
    fn a_draft_is_checked_once_at_the_edge() {
        let d = Draft::parse(
            "7",
            "  Read the ground rules  ",
            "2026-08-03",
            &circles(),
            today(),
        )
        .unwrap();
        assert_eq!(d.circle_id, Some(CircleId::new(7)));
        assert_eq!(d.body, "Read the ground rules");
        assert!(
            Draft::parse("", "x", "2026-08-03", &circles(), today())
                .unwrap()
                .circle_id
                .is_none()
        );
        assert!(matches!(
            Draft::parse("8", "x", "2026-08-03", &circles(), today()),
            Err(ActionError::UnknownCircle)
        ));
        assert!(matches!(
            Draft::parse("", " ", "2026-08-03", &circles(), today()),
            Err(ActionError::EmptyBody)
        ));
        assert!(matches!(
            Draft::parse("", "x", "3 August", &circles(), today()),
            Err(ActionError::BadDate)
        ));
        assert!(matches!(
            Draft::parse("", "x", "2028-01-01", &circles(), today()),
            Err(ActionError::FarDate)
        ));
    }

    #[test]
    fn a_line_for_participants_tells_no_share_or_count_of_people_in_digits_or_words() {
        for line in [
            "Half of you said meetings felt rushed.",
            "Most of you told us the room was cold.",
            "Two thirds asked for a check-out round.",
            "A quarter of us felt judged.",
            "All of you asked for a break.",
            "Most of the group felt rushed.",
            "3 out of 10 felt judged.",
            "One in five felt rushed.",
            "1/3 of the group felt rushed.",
            "Ten of you asked for more time.",
            "Belonging rose 20 per cent.",
            "La mitad de ustedes dijo que faltaba tiempo.",
            "Dos de cada tres pidieron más tiempo.",
            "La mayoría pidió un cierre.",
        ] {
            assert!(tells_a_figure(line), "{line}");
        }
        for line in [
            "You told us meetings felt rushed. We now keep the last ten minutes for check-out.",
            "We meet at 7 pm now, in room 2, on the third Tuesday.",
            "We added half an hour for questions; each of you can ask for a break.",
            "We fixed two of the things you raised.",
            "You asked for clear ground rules: we read them at the start of every meeting.",
            "Ahora dejamos diez minutos al final para cerrar.",
        ] {
            assert!(!tells_a_figure(line), "{line}");
        }
    }

    #[test]
    fn a_line_for_participants_never_holds_a_percentage() {
        assert!(matches!(
            parse_lines("Belonging rose to 80%", ""),
            Err(ActionError::FigureInLine)
        ));
        assert!(matches!(
            parse_lines("  ", "hola"),
            Err(ActionError::EmptyLine)
        ));
        let (en, es) = parse_lines("We now keep  ten minutes for check-out.", "").unwrap();
        assert_eq!(en, "We now keep ten minutes for check-out.");
        assert_eq!(es, None);
        assert!(matches!(
            parse_lines(&"x".repeat(MAX_LINE + 1), ""),
            Err(ActionError::LongLine)
        ));
    }
}
