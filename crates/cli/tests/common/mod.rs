//! Running the `readingroom` binary from the workspace root, as a curator would.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `readingroom <args>` in the workspace root.
pub fn readingroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readingroom"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("the readingroom binary runs")
}
