//! Running the tools xtask orchestrates, with the command echoed so failures are reproducible.

use anyhow::{Context, bail};
use std::process::Command;

/// Runs `command` in the workspace root, inheriting the terminal; fails on a non-zero exit.
pub fn run(command: &mut Command) -> anyhow::Result<()> {
    command.current_dir(crate::root());
    eprintln!("$ {}", describe(command));
    let status =
        command.status().with_context(|| format!("cannot start `{}`", describe(command)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(command));
    }
    Ok(())
}

/// Runs `command` and returns its standard output, or `None` if it cannot start or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.current_dir(crate::root()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}
