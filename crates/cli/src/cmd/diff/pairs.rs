//! `readingroom diff --pairs <file>`: each listed pair read, compared as plain text and timed
//! in this one process, for the benchmarks.

use super::read_text;
use crate::documents::display;
use crate::output::outln;
use readingroom_core::compare;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(list: &Path) -> anyhow::Result<ExitCode> {
    let text = read_text(list)?;
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let Some((ocr, corrected)) = line.split_once('\t') else {
            anyhow::bail!(
                "{} line {}: expected `<ocr path>\\t<corrected path>`",
                display(list),
                n + 1
            );
        };
        let (ocr, corrected) = (Path::new(ocr), Path::new(corrected));
        let started = Instant::now();
        let metrics = compare::metrics(&read_text(ocr)?, &read_text(corrected)?);
        let micros = started.elapsed().as_secs_f64() * 1e6;
        let file = ocr.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let name =
            file.strip_suffix(".ocr.txt").or_else(|| file.strip_suffix(".txt")).unwrap_or(&file);
        let value = serde_json::json!({
            "name": name, "cer": metrics.cer, "wer": metrics.wer, "micros": micros.round(),
        });
        outln!("{value}");
    }
    Ok(ExitCode::SUCCESS)
}
