//! Hearth's end-to-end tests, as one test binary: each module is one area, through the real
//! router or the real `hearth` binary, on SQLite and PostgreSQL (`common::TestApp`).
//!
//! One binary rather than one per file: each binary links the whole application, and 28 of
//! them made linking the slowest part of CI (docs/architecture.md, "Tests"). Run one area
//! with `cargo test --test all dashboards::`, one test by any part of its name.
//! Cargo.toml sets `autotests = false`; `house::every_test_file_is_a_module_of_the_suite`
//! fails if a file under tests/ is not listed here. scale_restart.rs stops PostgreSQL, so it
//! is a binary of its own and runs alone.

#![allow(clippy::unwrap_used)] // a test harness: a panic is the failure

#[macro_use]
mod common;

mod account_digests;
mod alerts;
mod api;
mod audit;
mod backup;
mod binary;
mod browser;
mod commit_marker;
mod counts;
mod dashboards;
mod desk;
mod exports;
mod first_use;
mod house;
mod kiosk;
mod links;
mod notify;
mod paper;
mod participant;
mod per_person;
mod release;
mod retention;
mod scale;
mod seal;
mod serve_limits;
mod sign_in;
mod sso;
mod staff_accounts;
mod staff_catalog;
mod staff_es_admin_oversight;
mod staff_es_admin_setup;
mod staff_es_figures;
mod staff_es_frontline;
mod staff_language;
mod staff_text;
mod webhook_admin;
