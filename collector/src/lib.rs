//! Hearth's collector: the instrument, the catalog of programs, circles and sessions, and
//! the anonymous collection of responses — parsing, validation, the committer and the
//! participant pages.
//!
//! What it must never do: store or log anything that could identify a participant or
//! order their responses — no client address, no User-Agent, no cookie, no time of
//! submission, no insertion-ordered key, no answer in a log line. It never reads responses
//! back for analysis; that is `analytics`' job, and staff pages never import this crate's
//! writer.

pub mod actions;
pub mod answers_per_person;
pub mod audit;
pub mod catalog;
pub mod code;
pub mod commit;
pub mod crisis;
pub mod i18n;
pub mod instrument;
pub mod once;
pub mod paper;
pub mod program_language;
pub mod retention;
pub mod seal;
pub mod store;
pub mod submission;
pub mod text;
pub mod web;

pub use store::{Backend, Store, StoreError};
pub use web::{Collector, Settings, routes};
