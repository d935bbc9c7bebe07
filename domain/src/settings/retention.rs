//! How long raw answers are kept: the `retention.days` setting, read by the participant
//! privacy page (which tells participants) and by `analytics::retention` (which deletes).
//! One definition, so what participants are told is what is done.

use super::Setting;
use crate::Store;

/// The setting's name, as stored and as `hearth privacy set` takes it.
pub const SETTING: Setting = Setting::RetentionDays;
/// Days after a month and its quarter are both released before their answers go.
pub const DEFAULT_DAYS: u32 = 90;
/// The longest retention time a setting may give (ten years).
pub const MAX_DAYS: u32 = 3650;

/// A retention time as typed: a whole number of days, 0 to [`MAX_DAYS`].
pub fn days_of(value: &str) -> Option<u32> {
    value.trim().parse::<u32>().ok().filter(|d| *d <= MAX_DAYS)
}

/// The retention time in force: the stored setting, else [`DEFAULT_DAYS`]. A stored value
/// that does not parse (written by hand) counts as the default, never as "keep forever".
pub async fn load_days(store: &Store) -> Result<u32, sqlx::Error> {
    let stored = super::load(store, SETTING).await?;
    Ok(stored.and_then(|v| days_of(&v)).unwrap_or(DEFAULT_DAYS))
}
