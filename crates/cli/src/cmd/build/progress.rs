//! The build's progress on a terminal: a bar with the rate and the time left for reading the
//! documents, then one for merging the postings. In a pipe or a log nothing is drawn, so what
//! `build` prints there is what it always printed.

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// The bar for reading, checking and writing the documents, `total` of them.
pub fn documents(total: usize) -> ProgressBar {
    bar(
        total as u64,
        "{prefix} [{bar:30}] {human_pos}/{human_len} documents, {rate}/s, {eta} left {msg}",
        "Reading",
    )
}

/// The bar for merging `total` bytes of sorted runs into the index.
pub fn merge(total: u64, prefix: &str) -> ProgressBar {
    bar(
        total,
        "{prefix} [{bar:30}] {binary_bytes}/{binary_total_bytes}, {binary_bytes_per_sec}, {eta} left",
        prefix,
    )
}

fn bar(total: u64, template: &str, prefix: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template(template)
        .unwrap_or_else(|e| unreachable!("the template is valid: {e}"))
        .with_key("rate", |state: &ProgressState, out: &mut dyn std::fmt::Write| {
            let _ = write!(out, "{:.0}", state.per_sec());
        })
        .progress_chars("=> ");
    let bar = ProgressBar::new(total).with_style(style).with_prefix(prefix.to_owned());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
