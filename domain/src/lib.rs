//! Hearth's ground floor: what the participant side (`collector`), the release pipeline
//! (`analytics`) and the staff pages (`dashboards`) all stand on.
//!
//! - [`store`]: the one connection pool (SQLite or PostgreSQL) and the migrations.
//! - [`instrument`]: the statements, their answers and the indices they make.
//! - [`catalog`] and [`code`]: programs, circles, sessions, session codes and tickets.
//! - [`audit`], [`actions`] ("you said, we did"), [`crisis`] lines, [`settings`],
//!   [`program_language`]: what staff set and what is recorded of it.
//! - [`i18n`] and [`text`]: participant languages and the one rule for staff-written text.
//! - [`http`]: security headers, the one log line for an internal error, asset URLs.
//! - [`ids`]: row ids as types (`ProgramId`, `CircleId`, `SessionId`, `StaffId`, …),
//!   parsed once at the edge so one kind of id cannot stand for another.
//! - [`hex`]: bytes as hexadecimal text and back (secrets, tokens, hashes).
//!
//! What it must never do: hold or read a response's answers (the `response` table is
//! written only by `collector` and read only by `analytics`), know about a page's wording
//! beyond the participant message catalogs, or import any other Hearth crate — every arrow
//! points to it, none leaves it.

pub mod actions;
pub mod audit;
pub mod catalog;
pub mod code;
pub mod crisis;
pub mod hex;
pub mod http;
pub mod i18n;
pub mod ids;
pub mod instrument;
pub mod locale;
pub mod program_language;
pub mod settings;
pub mod store;
pub mod text;
pub mod translations;

pub use ids::{ActionId, CircleId, ProgramId, ReleaseId, SessionId, StaffId};
pub use store::{Backend, Store, StoreError};
