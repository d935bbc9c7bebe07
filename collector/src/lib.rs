//! Hearth's collector: the participant path — the form, the parsing of a submission, the
//! committer that writes responses, sealing a closed session, the paper-entry commit, and
//! the participant pages. What it stands on (the store, the instrument, the catalog) is
//! in `domain`.
//!
//! What it must never do: store or log anything that could identify a participant or
//! order their responses — no client address, no User-Agent, no cookie, no time of
//! submission, no insertion-ordered key, no answer in a log line. It never reads responses
//! back for analysis; that is `analytics`' job. Staff code reaches its writer in one place
//! only: the paper-entry page saves a typed stack through [`paper::save_stack`].

pub mod commit;
pub mod once;
pub mod paper;
pub mod seal;
pub mod submission;
pub mod web;

pub use web::{Collector, Settings, routes};
