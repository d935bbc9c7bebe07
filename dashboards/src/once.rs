//! Forms that act once: each rendering of a form that changes something carries a fresh
//! random token (`once`); when the form has acted, the staff session remembers the token
//! and where it led, so the same form sent again (a reload, a double click, the back
//! button) is redirected there and does nothing. This catches a form sent again after its
//! answer came back, not two copies racing each other. Used by the facilitator desk (open
//! a session, replace cards), the users page (reset, deactivate, remove) and paper entry.

use tower_sessions::Session;

use crate::page::StaffError;

/// Where the forms that acted are remembered, in the staff member's sign-in session.
const SENT_KEY: &str = "forms.sent";

/// How many are remembered: enough for a desk's morning.
const KEPT: usize = 20;

/// A fresh token naming one rendering of a form.
pub(crate) fn token() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// Where the form named `once` led when it acted, if it has; `None` for an empty token.
pub(crate) async fn led_to(staff: &Session, once: &str) -> Result<Option<String>, StaffError> {
    if once.is_empty() {
        return Ok(None);
    }
    let sent: Vec<(String, String)> = staff.get(SENT_KEY).await?.unwrap_or_default();
    Ok(sent.into_iter().find(|(o, _)| o == once).map(|(_, to)| to))
}

/// Remembers that the form named `once` acted and led to `to` (nothing for an empty token).
pub(crate) async fn remember(staff: &Session, once: &str, to: &str) -> Result<(), StaffError> {
    if once.is_empty() {
        return Ok(());
    }
    let mut sent: Vec<(String, String)> = staff.get(SENT_KEY).await?.unwrap_or_default();
    sent.push((once.to_owned(), to.to_owned()));
    let excess = sent.len().saturating_sub(KEPT);
    sent.drain(..excess);
    staff.insert(SENT_KEY, sent).await?;
    Ok(())
}
