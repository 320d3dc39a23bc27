//! `readingroom diff <ocr-file> <corrected-file> [--json]`: how far an OCR text is from its
//! correction, measured as dinglehopper measures it, and every correction between them.
//! `readingroom diff --pairs <file>` is a benchmarking aid: many pairs in one process, each
//! timed (see `cargo xtask bench --only compare`).

use crate::documents::display;
use crate::output::{self, outln};
use anyhow::Context;
use readingroom_core::compare::{self, Comparison, Correction, Counts, Metrics};
use readingroom_core::import::encoding;
use readingroom_core::limits::Limits;
use readingroom_core::quality::percent;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Compare an OCR text with its correction: CER, WER and the list of corrections.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The OCR text (plain text, any of the encodings `import` reads).
    #[arg(required_unless_present = "pairs")]
    pub ocr: Option<PathBuf>,
    /// The corrected text (the ground truth).
    #[arg(required_unless_present = "pairs")]
    pub corrected: Option<PathBuf>,
    /// Print JSON: cer, wer, chars, words, distances, counts per kind and the corrections.
    #[arg(long)]
    pub json: bool,
    /// A benchmarking aid: compare every pair listed in FILE (lines `<ocr path>\t<corrected
    /// path>`, paths relative to the current folder) in this one process, and print one JSON
    /// line per pair: name, cer, wer and micros (reading both files and computing the rates).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["ocr", "corrected", "json"])]
    pub pairs: Option<PathBuf>,
}

/// What `diff` says to do with a file that is not text.
const ADVICE: &str = "diff compares two text files: the OCR text and its correction.";

/// A text file's contents, or an error that names it and says what is wrong. A file over the
/// size limit is refused before it is read.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let shown = display(path);
    let size = std::fs::metadata(path).with_context(|| format!("cannot read {shown}"))?.len();
    Limits::DEFAULT.check_file_size(&shown, size)?;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    let decoded = encoding::decode_with_advice(&shown, &bytes, ADVICE)?;
    for warning in &decoded.warnings {
        eprintln!("{warning}");
    }
    Ok(decoded.text)
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if let Some(pairs) = &args.pairs {
        return run_pairs(pairs);
    }
    let (Some(ocr), Some(corrected)) = (&args.ocr, &args.corrected) else {
        anyhow::bail!("give an OCR file and its corrected text, or --pairs <file>");
    };
    let ocr = read_text(ocr)?;
    let corrected = read_text(corrected)?;
    let comparison = compare::compare(&ocr, &corrected, &[]);
    if args.json {
        let note = comparison
            .metrics
            .cer
            .is_none()
            .then_some("the corrected text is empty, so the error rates are undefined");
        output::json_pretty(&Report {
            metrics: &comparison.metrics,
            counts: comparison.counts,
            corrections: &comparison.corrections,
            note,
        });
    } else {
        print_text(&comparison);
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON of `diff --json`: the metrics' fields, then the counts, the corrections and a
/// note. It is written as it is serialized, since a long text's corrections as a JSON tree
/// would take many times the memory of the texts.
#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    metrics: &'a Metrics,
    counts: Counts,
    corrections: &'a [Correction],
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'static str>,
}

/// `--pairs`: each listed pair read, compared and timed in this process.
fn run_pairs(list: &Path) -> anyhow::Result<ExitCode> {
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

fn rate(rate: Option<f64>, distance: usize, of: usize, unit: &str) -> String {
    match rate {
        Some(rate) => format!("{} ({distance} of {of} {unit})", percent(rate)),
        None => format!("undefined (the corrected text has no {unit})"),
    }
}

fn print_text(comparison: &Comparison) {
    let m = &comparison.metrics;
    outln!("CER: {}", rate(m.cer, m.char_distance, m.chars, "characters"));
    outln!("WER: {}", rate(m.wer, m.word_distance, m.words, "words"));
    if !m.exact {
        outln!(
            "(the distances are an alignment's upper bound: the texts are too long and too far apart for the exact one)"
        );
    }
    let c = &comparison.counts;
    outln!(
        "corrections: {} substitutions ({} known OCR confusions), {} insertions, {} deletions, \
         {} words joined, {} words split; {} furniture, {} layout",
        c.substitutions,
        c.confusions,
        c.insertions,
        c.deletions,
        c.words_joined,
        c.words_split,
        c.furniture,
        c.layout
    );
    for correction in &comparison.corrections {
        outln!("{}", line(correction));
    }
}

fn line(c: &Correction) -> String {
    let kind = serde_json::to_value(c.kind).ok().and_then(|v| v.as_str().map(str::to_owned));
    let confusion = c.confusion.map(|k| format!(", {}", k.label())).unwrap_or_default();
    format!(
        "  {:>7}  {:?} -> {:?}  ({}{confusion})",
        c.ocr.start,
        c.ocr_text,
        c.corrected_text,
        kind.unwrap_or_default()
    )
}
