//! The fuzz suite: every parser and reader in core, fed generated and mutated input, on stable
//! Rust through proptest.
//!
//! Each target takes bytes or text the way a curator's file or a host's response reaches core,
//! and checks three properties on whatever it is given: no panic; an error says where (a file,
//! and a line and column where the format has lines); and a round trip holds where there is one
//! (a query printed and parsed again, `meta.toml` written and read again, pages joined and split
//! again). Inputs are real files (`tests/fixtures`, the repository's `documents/`) changed by a
//! few [`harness::Mutation`]s, and text drawn from each format's own alphabet.
//!
//! The budget is proptest's: `PROPTEST_CASES` cases per property, 256 unless set. `cargo xtask
//! test` runs that; `cargo xtask fuzz` runs thousands. A failing input is written under
//! `target/tmp/fuzz-crashes/<target>/` (smallest first by name); `cargo xtask fuzz` copies the
//! smallest of each target into `tests/fixtures/fuzz/<target>/`, the regression corpus, which
//! every run replays first.

#[path = "../common/mod.rs"]
mod common;

mod compare;
mod documents;
mod harness;
mod import;
mod index;
mod query;
