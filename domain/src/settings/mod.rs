//! The organization's settings, stored as `setting (name, value)` rows: every name in one
//! place ([`Setting`]), so a typo in a name fails to compile instead of reading as "not
//! set". Each setting's value is typed where it is decided: the privacy settings by
//! `analytics::budget::PrivacySettings` (floors and all), the retention time in
//! [`retention`], the answers one person may give in [`answers_per_person`], crisis lines
//! in [`crate::crisis`] (one row per language and program, named by `crisis::Scope`).

pub mod answers_per_person;
pub mod retention;

use crate::Store;

/// A setting's name. The string is what the store holds and what `hearth privacy set`
/// takes; [`Setting::from_key`] is the one way back from a string typed at the edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Setting {
    /// Discrete Gaussian or Laplace noise.
    PrivacyMechanism,
    /// The privacy budget per program and month (ρ or ε).
    PrivacyBudget,
    /// The smallest group a manager sees figures for.
    ManagerThreshold,
    /// The smallest group a funder sees figures for.
    FunderThreshold,
    /// How many times one person may answer in a month, as the budget is planned for it.
    AnswersPerPerson,
    /// Days raw answers are kept after their month and quarter are released.
    RetentionDays,
}

impl Setting {
    /// The privacy settings, in the order the CLI and the admin page list them.
    pub const PRIVACY: [Setting; 5] = [
        Setting::PrivacyMechanism,
        Setting::PrivacyBudget,
        Setting::ManagerThreshold,
        Setting::FunderThreshold,
        Setting::AnswersPerPerson,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Setting::PrivacyMechanism => "privacy.mechanism",
            Setting::PrivacyBudget => "privacy.budget",
            Setting::ManagerThreshold => "privacy.manager_threshold",
            Setting::FunderThreshold => "privacy.funder_threshold",
            Setting::AnswersPerPerson => "privacy.answers_per_person",
            Setting::RetentionDays => "retention.days",
        }
    }

    pub fn from_key(key: &str) -> Option<Setting> {
        [Setting::RetentionDays]
            .into_iter()
            .chain(Setting::PRIVACY)
            .find(|s| s.key() == key)
    }
}

impl std::fmt::Display for Setting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// The stored value of `setting`, as written (`None` when never set).
pub async fn stored<'e, E>(executor: E, setting: Setting) -> Result<Option<String>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query_scalar("select value from setting where name = $1")
        .bind(setting.key())
        .fetch_optional(executor)
        .await
}

/// Stores `value` for `setting`, replacing what was there.
pub async fn put<'e, E>(executor: E, setting: Setting, value: &str) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "insert into setting (name, value) values ($1, $2) \
         on conflict (name) do update set value = excluded.value",
    )
    .bind(setting.key())
    .bind(value)
    .execute(executor)
    .await?;
    Ok(())
}

/// The stored value of `setting` read through the store's pool.
pub async fn load(store: &Store, setting: Setting) -> Result<Option<String>, sqlx::Error> {
    stored(store.pool(), setting).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_as_its_setting_and_nothing_else_does() {
        for s in Setting::PRIVACY.into_iter().chain([Setting::RetentionDays]) {
            assert_eq!(Setting::from_key(s.key()), Some(s));
        }
        assert_eq!(Setting::from_key("privacy.budgte"), None);
        assert_eq!(Setting::from_key(""), None);
    }
}
