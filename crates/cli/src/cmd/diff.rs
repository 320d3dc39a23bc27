//! `readingroom diff <ocr-file> <corrected-file> [--json]`: how far an OCR text is from its
//! correction, measured as dinglehopper measures it, and every correction between them.

use crate::documents::display;
use crate::output::outln;
use anyhow::Context;
use readingroom_core::compare::{self, Comparison, Correction};
use readingroom_core::import::encoding;
use readingroom_core::quality::percent;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare an OCR text with its correction: CER, WER and the list of corrections.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The OCR text (plain text, any of the encodings `import` reads).
    pub ocr: PathBuf,
    /// The corrected text (the ground truth).
    pub corrected: PathBuf,
    /// Print JSON: cer, wer, chars, words, distances, counts per kind and the corrections.
    #[arg(long)]
    pub json: bool,
}

/// A text file's contents, or an error that names it and says what is wrong.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let shown = display(path);
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    let decoded = encoding::decode(&shown, &bytes)?;
    for warning in &decoded.warnings {
        eprintln!("{warning}");
    }
    Ok(decoded.text)
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let ocr = read_text(&args.ocr)?;
    let corrected = read_text(&args.corrected)?;
    let comparison = compare::compare(&ocr, &corrected, &[]);
    if args.json {
        let mut value = serde_json::to_value(&comparison.metrics)?;
        value["counts"] = serde_json::to_value(comparison.counts)?;
        value["corrections"] = serde_json::to_value(&comparison.corrections)?;
        if comparison.metrics.cer.is_none() {
            value["note"] = "the corrected text is empty, so the error rates are undefined".into();
        }
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print_text(&comparison);
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
