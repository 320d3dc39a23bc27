//! BENCHMARKS.md: a header (how to run, the machine) and one section per part, each between
//! `<!-- bench:NAME -->` markers so that a run of one part keeps the others.

use super::machine::Machine;
use super::{Args, PARTS, Section};
use std::fs;
use std::path::Path;
use std::time::Duration;

pub fn write(
    path: &Path,
    machine: &Machine,
    args: &Args,
    sections: &[Section],
    elapsed: Duration,
) -> anyhow::Result<()> {
    let old = fs::read_to_string(path).unwrap_or_default();
    let mut text = header(machine, args, elapsed);
    for part in PARTS {
        let body = match sections.iter().find(|s| s.part == part) {
            Some(section) => Some(section.markdown.clone()),
            None => kept(&old, part),
        };
        if let Some(body) = body {
            text.push_str(&format!(
                "\n<!-- bench:{part} -->\n{}\n<!-- /bench:{part} -->\n",
                body.trim()
            ));
        }
    }
    fs::write(path, text)?;
    Ok(())
}

/// A part's section in the previous file, markers excluded.
fn kept(old: &str, part: &str) -> Option<String> {
    let open = format!("<!-- bench:{part} -->");
    let close = format!("<!-- /bench:{part} -->");
    let start = old.find(&open)? + open.len();
    let end = start + old[start..].find(&close)?;
    Some(old[start..end].to_owned())
}

fn header(machine: &Machine, args: &Args, elapsed: Duration) -> String {
    format!(
        "# Benchmarks\n\n\
         Written by `cargo xtask bench`; do not edit by hand. Each section below is one part of \
         the benchmarks and says how it measures.\n\n\
         These machines are noisy (shared, virtualized cores), so every figure is a median, with \
         the 95th percentile where latency matters, and Reading Room is compared with its peer \
         as a ratio of figures taken in the same run, on the same machine, in the same browser.\n\n\
         ## Reproducing\n\n\
         ```sh\n\
         cargo xtask bench                       # everything: the default collection and 1 000, 10 000, 100 000 documents (about 30 min)\n\
         cargo xtask bench --quick               # a fast check: the default collection and 1 000 documents\n\
         cargo xtask bench --sizes 1000,10000    # chosen synthetic sizes\n\
         cargo xtask bench --only search --sizes 10000,100000,300000   # the build's growth to 300 000 documents (in the browser up to 100 000: --browser-max)\n\
         cargo xtask bench --only search         # one part; the other sections are kept\n\
         cargo xtask bench --only compare        # the OCR comparison against dinglehopper (about 10 min)\n\
         cargo xtask bench --only reader         # the reader in Chromium: library, document, find, compare view (a few minutes)\n\
         ```\n\n\
         The last run was `{command}`, on {date}, and took {minutes:.1} min.\n\n\
         ## Machine\n\n\
         | | |\n| --- | --- |\n\
         | CPU | {cpu} |\n\
         | cores | {cores} |\n\
         | memory | {memory:.1} GiB |\n\
         | OS | {os} |\n\
         | Rust | {rustc} |\n\
         | Chromium | {chromium} |\n\
         | Node | {node} |\n",
        command = args.command(),
        date = machine.date,
        minutes = elapsed.as_secs_f64() / 60.0,
        cpu = machine.cpu,
        cores = machine.cores,
        memory = machine.memory_gib,
        os = machine.os,
        rustc = machine.rustc,
        chromium = machine.chromium,
        node = machine.node,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_found_between_its_markers() {
        let old = "# B\n<!-- bench:search -->\nfigures\n<!-- /bench:search -->\n";
        assert_eq!(kept(old, "search").as_deref(), Some("\nfigures\n"));
        assert_eq!(kept(old, "ocr"), None);
    }
}
