//! Hearth's analytics: the pipeline that turns stored responses into releases — immutable
//! tables of protected cells, one per closed period — with exact integer noise spent by a
//! declared measurement plan, counts that add up across every level, suppression, and a
//! ledger of every privacy spend; and the read side that views and exports use.
//!
//! What it must never do: let a raw response, or a count without noise, leave the crate
//! (only `pipeline` reads responses, it is private, and its true counts are a type whose
//! only way out adds noise); compute anything per request (releases run in batch); import
//! axum.

pub mod alerts;
pub mod budget;
pub mod consistency;
pub mod figures;
pub(crate) mod integer;
pub mod ledger;
pub mod measure;
pub mod period;
pub mod person;
pub(crate) mod pipeline;
pub mod plan;
pub mod progress;
pub mod release;
pub mod release_error;
pub mod retention;
pub mod sampler;
pub mod schedule;
pub mod spreadsheet;
pub mod suppression;
pub mod view;
pub mod zcdp;

pub use pipeline::CellKey;

/// The version of Hearth that made a release, stored with it and with each of its ledger
/// entries.
pub const CODE_VERSION: &str = concat!("hearth ", env!("CARGO_PKG_VERSION"));
