//! Release notices (issue 21): once a period is released, each staff member who may see
//! figures gets one digest by e-mail (`digest`), and every URL an admin registered gets
//! one signed POST (`webhook`). Both go through one durable outbox (`outbox`): rows are
//! queued after the release is stored and delivered by `hearth serve`'s worker with
//! back-off, so an unreachable mail server or receiver never blocks or undoes a release.
//!
//! Nothing is ever sent per response or per session: a notice names a released period,
//! its released figures (the words and ranges the pages show) and links to its pages.
//! Recipients are staff accounts; participants have no address in Hearth.

pub mod digest;
pub mod outbox;
pub mod webhook;
