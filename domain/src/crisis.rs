//! Where to turn in a crisis: the line the thanks page shows, written by an admin per
//! participant language, for the whole organization and for each program (programs may
//! serve different regions, with different helplines).
//!
//! Lines are kept in the `setting` table as `crisis_line.{lang}` (organization-wide) and
//! `crisis_line.program.{id}.{lang}` (one program). A line that is not set falls back: a
//! program's to the organization's, the organization's to the `--crisis-line` flag, and the
//! flag to the catalog's translated default (`thanks-crisis`).
//!
//! # Privacy
//! The thanks page reads these lines with one lookup by primary key and writes nothing:
//! nothing about the participant is logged or stored to choose their line.

use crate::audit::{self, Action, Actor, Entry};
use crate::i18n::Lang;
use crate::ids::ProgramId;
use crate::store::Store;

/// The longest line an admin may write, in characters: a sentence and a phone number or two.
pub const MAX_LEN: usize = 300;

/// Whose line: the whole organization's or one program's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Organization,
    Program(ProgramId),
}

impl Scope {
    fn key(self, lang: Lang) -> String {
        match self {
            Scope::Organization => format!("crisis_line.{}", lang.code()),
            Scope::Program(id) => format!("crisis_line.program.{id}.{}", lang.code()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CrisisLineError {
    #[error("the {0} line must be at most {MAX_LEN} characters")]
    TooLong(&'static str),
    /// A control character or a line break, or a direction override.
    #[error(transparent)]
    NotPlainText(#[from] crate::text::TextError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A line as an admin wrote it: trimmed, one line of plain text (the one rule for staff
/// text, [`crate::text::check`]), at most [`MAX_LEN`] characters; `None` when left empty ("use the default for this language"). Markup is not
/// refused but never interpreted: pages escape it and show it as typed.
pub fn parse(lang: Lang, text: &str) -> Result<Option<String>, CrisisLineError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > MAX_LEN {
        return Err(CrisisLineError::TooLong(lang.native_name()));
    }
    crate::text::check(
        text,
        crate::text::Shape::Line,
        &format!("the {} line", lang.native_name()),
    )?;
    Ok(Some(text.to_owned()))
}

/// The lines set for a scope, one per participant language ("" where none is set).
pub async fn lines(store: &Store, scope: Scope) -> Result<Vec<(Lang, String)>, sqlx::Error> {
    let mut lines = Vec::new();
    for lang in Lang::all() {
        let value: Option<String> = sqlx::query_scalar("select value from setting where name = $1")
            .bind(scope.key(lang))
            .fetch_optional(store.pool())
            .await?;
        lines.push((lang, value.unwrap_or_default()));
    }
    Ok(lines)
}

/// Checks every language's line, then stores them together (an empty one is removed, so
/// its language falls back to the default). Nothing is stored if one line is refused.
/// Records nothing in the audit trail: staff changes go through [`save_by`].
pub async fn save(
    store: &Store,
    scope: Scope,
    written: &[(Lang, &str)],
) -> Result<(), CrisisLineError> {
    save_inner(store, scope, written, None).await.map(|_| ())
}

/// [`save`], by a staff member or the command line: one audit entry (in the same
/// transaction) for the scope, `subject` naming it, with each changed language's old and
/// new line (`en: “old” → “new”`). Returns whether anything changed; nothing changed,
/// nothing is recorded.
pub async fn save_by(
    store: &Store,
    scope: Scope,
    written: &[(Lang, &str)],
    actor: Actor<'_>,
    subject: &str,
) -> Result<bool, CrisisLineError> {
    save_inner(store, scope, written, Some((actor, subject))).await
}

async fn save_inner(
    store: &Store,
    scope: Scope,
    written: &[(Lang, &str)],
    by: Option<(Actor<'_>, &str)>,
) -> Result<bool, CrisisLineError> {
    let parsed = written
        .iter()
        .map(|(lang, text)| parse(*lang, text).map(|line| (*lang, line)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut tx = store.begin_write().await?;
    let mut changes = Vec::new();
    for (lang, line) in parsed {
        let old: Option<String> = sqlx::query_scalar("select value from setting where name = $1")
            .bind(scope.key(lang))
            .fetch_optional(&mut *tx)
            .await?;
        if old == line {
            continue;
        }
        let shown = |l: &Option<String>| match l {
            Some(l) => format!("“{l}”"),
            None => "(default)".to_owned(),
        };
        changes.push(format!(
            "{}: {} → {}",
            lang.code(),
            shown(&old),
            shown(&line)
        ));
        match line {
            Some(line) => {
                sqlx::query(
                    "insert into setting (name, value) values ($1, $2) \
                     on conflict (name) do update set value = excluded.value",
                )
                .bind(scope.key(lang))
                .bind(line)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("delete from setting where name = $1")
                    .bind(scope.key(lang))
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    if changes.is_empty() {
        return Ok(false);
    }
    match by {
        Some((actor, subject)) => {
            let detail = changes.join("; ");
            let entry = Entry::new(actor, Action::SettingChanged, subject).detail(&detail);
            audit::commit(tx, entry).await?
        }
        None => tx.commit().await?,
    }
    Ok(true)
}

/// The line an admin set for a program (or, without one, the organization) in `lang`, if
/// any: one query by primary key, the program's line winning over the organization's.
pub async fn set_line(
    store: &Store,
    program: Option<ProgramId>,
    lang: Lang,
) -> Result<Option<String>, sqlx::Error> {
    let organization = Scope::Organization.key(lang);
    let program = program.map(|id| Scope::Program(id).key(lang));
    let rows: Vec<(String, String)> =
        sqlx::query_as("select name, value from setting where name in ($1, $2)")
            .bind(&organization)
            .bind(program.as_deref().unwrap_or(&organization))
            .fetch_all(store.pool())
            .await?;
    let find = |key: &str| rows.iter().find(|(n, _)| n == key).map(|(_, v)| v.clone());
    Ok(program
        .as_deref()
        .and_then(find)
        .or_else(|| find(&organization)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_line_means_the_default_and_text_is_trimmed() {
        assert_eq!(parse(Lang::En, "   ").unwrap(), None);
        assert_eq!(
            parse(Lang::Es, "  Llama al 024 ").unwrap().as_deref(),
            Some("Llama al 024")
        );
    }

    #[test]
    fn a_line_longer_than_the_limit_or_on_two_lines_is_refused() {
        let long = "9".repeat(MAX_LEN + 1);
        assert!(matches!(
            parse(Lang::En, &long),
            Err(CrisisLineError::TooLong("English"))
        ));
        assert!(parse(Lang::En, &"9".repeat(MAX_LEN)).is_ok());
        let Err(CrisisLineError::NotPlainText(e)) = parse(Lang::Es, "Llama\nal 024") else {
            panic!("a line break is refused");
        };
        assert_eq!(e.what, "the Español line");
        assert_eq!(e.problem, crate::text::Problem::LineBreak);
    }

    #[test]
    fn each_scope_and_language_has_its_own_setting_name() {
        assert_eq!(Scope::Organization.key(Lang::Es), "crisis_line.es");
        assert_eq!(
            Scope::Program(ProgramId::new(7)).key(Lang::En),
            "crisis_line.program.7.en"
        );
    }
}
