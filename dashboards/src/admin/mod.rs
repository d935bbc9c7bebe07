//! The admin's pages: programs and circles (with where to turn in a crisis, per program and
//! participant language), users and roles, privacy settings (never below their floors:
//! `PrivacySettings::set` refuses them), and the privacy ledger.

mod api_tokens;
mod audit;
mod catalog;
mod language;
mod ledger;
mod privacy;
mod sso;
mod users;
mod webhooks;

pub(crate) use api_tokens::{add_api_token, api_tokens, confirm_revoke, revoke_api_token};
pub(crate) use audit::audit;
pub(crate) use catalog::{
    add_circle, add_program, archive, catalog, confirm_archive, confirm_restore, rename_circle,
    rename_circle_form, rename_program, rename_program_form, restore, set_crisis_line,
};
pub(crate) use language::{program_language_form, set_program_language};
pub(crate) use ledger::ledger;
pub(crate) use privacy::{preview as preview_privacy, privacy, set_privacy, set_retention};
pub(crate) use sso::single_sign_on;
pub(crate) use users::{
    add_user, change_user, confirm_user_action, edit_user, reactivate_user, require_second_factor,
    user_action, users,
};
pub(crate) use webhooks::{add_webhook, confirm_remove_webhook, remove_webhook, webhooks};
