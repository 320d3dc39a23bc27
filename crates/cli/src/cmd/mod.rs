//! One module per subcommand, each with its clap `Args` and a `run` function.

pub mod build;
pub mod check;
pub mod cite;
pub mod diff;
pub mod import;
pub mod search;
pub mod show;
pub mod stats;
pub mod synth;
