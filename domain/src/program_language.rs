//! A program's default participant language: what its sessions' pages are in when neither
//! the link nor the browser names a language Hearth has (see [`crate::i18n::Lang::choose`]).
//! An admin sets it on the programs page; the participant pages read it with the session
//! (`Session::default_lang`), in the same query.
//!
//! # Privacy
//! A setting about the program. Nothing about a participant's language is stored or
//! logged: their choice travels in the page's links (`?lang=`) only.

use crate::audit::{self, Action, Actor, Entry};
use crate::i18n::Lang;
use crate::ids::ProgramId;
use crate::store::Store;

/// The program's default language; `None` (English) when unset or no longer built in.
pub async fn get(store: &Store, program_id: ProgramId) -> Result<Option<Lang>, sqlx::Error> {
    let code: Option<Option<String>> =
        sqlx::query_scalar("select default_lang from program where id = $1")
            .bind(program_id)
            .fetch_optional(store.pool())
            .await?;
    Ok(code.flatten().as_deref().and_then(Lang::from_code))
}

/// Sets it (`None`: English), with one audit entry by `actor` in the same transaction
/// when it changes. Returns whether it changed; an unknown program changes nothing.
pub async fn set_by(
    store: &Store,
    program_id: ProgramId,
    lang: Option<Lang>,
    actor: Actor<'_>,
    subject: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = store.begin_write().await?;
    let old: Option<Option<String>> =
        sqlx::query_scalar("select default_lang from program where id = $1")
            .bind(program_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(old) = old else {
        return Ok(false);
    };
    let new = lang.map(|l| l.code().to_owned());
    if old == new {
        return Ok(false);
    }
    sqlx::query("update program set default_lang = $1 where id = $2")
        .bind(&new)
        .bind(program_id)
        .execute(&mut *tx)
        .await?;
    let name = |code: &Option<String>| {
        code.as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_default()
            .english_name()
    };
    let detail = format!("{} → {}", name(&old), name(&new));
    audit::commit(
        tx,
        Entry::new(actor, Action::SettingChanged, subject).detail(&detail),
    )
    .await?;
    Ok(true)
}
