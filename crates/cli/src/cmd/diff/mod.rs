//! `readingroom diff`: how far an OCR text is from its correction, and every correction
//! between them. Three readings, chosen by what is given:
//!
//! - `diff OCR CORRECTED` with a plain-text correction (or with `--plain`): both files read as
//!   dinglehopper 0.11.0 reads plain text, whole, so that its figure can be checked there.
//! - `diff OCR CORRECTED.md`: the correction read as Markdown, as `build` and `stats` read
//!   `corrected.md`: split at its page markers and compared page by page, markup and markers
//!   not being text ([`paged`]). Nothing is left out of the OCR, so its furniture counts.
//! - `diff --document documents/<id>`: one document of a documents folder, with the figures
//!   `stats` and the app give it (its furniture lines left out) and its corrections page by
//!   page ([`document`]).
//!
//! `readingroom diff --pairs <file>` is a benchmarking aid: many plain-text pairs in one
//! process, each timed (see `cargo xtask bench --only compare`).

mod document;
mod paged;
mod pairs;
mod print;

use crate::documents::display;
use anyhow::Context;
use readingroom_core::compare;
use readingroom_core::import::encoding;
use readingroom_core::limits::Limits;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare an OCR text with its correction: CER, WER and the list of corrections.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The OCR text (plain text, any of the encodings `import` reads; pages separated by form
    /// feeds).
    #[arg(required_unless_present_any = ["pairs", "document"])]
    pub ocr: Option<PathBuf>,
    /// The corrected text (the ground truth). A `.md` file is read as Markdown, page by page
    /// at its `<!-- page k -->` markers, as `build` reads `corrected.md`.
    #[arg(required_unless_present_any = ["pairs", "document"])]
    pub corrected: Option<PathBuf>,
    /// Compare one document of a documents folder (its ocr.txt with its corrected.md), with the
    /// figures `stats` and the app give it: furniture lines left out, page by page.
    #[arg(long, value_name = "FOLDER")]
    pub document: Option<PathBuf>,
    /// Read a `.md` correction as plain text, markup and page markers included, as dinglehopper
    /// would.
    #[arg(long)]
    pub plain: bool,
    /// Print JSON: cer, wer, chars, words, distances, counts per kind and the corrections (in
    /// `pages`, page by page, when the correction is read as Markdown).
    #[arg(long)]
    pub json: bool,
    /// A benchmarking aid: compare every pair listed in FILE (lines `<ocr path>\t<corrected
    /// path>`, paths relative to the current folder, read as plain text) in this one process,
    /// and print one JSON line per pair: name, cer, wer and micros (reading both files and
    /// computing the rates).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["ocr", "corrected", "json", "document", "plain"])]
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
        return pairs::run(pairs);
    }
    if let Some(folder) = &args.document {
        refuse_files_with_document(args, folder)?;
        let (id, paged) = document::compare(folder)?;
        print::paged(&paged, Some(&id), args.json);
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(ocr_path), Some(corrected_path)) = (&args.ocr, &args.corrected) else {
        anyhow::bail!(
            "give an OCR file and its corrected text, --document <folder>, or --pairs <file>"
        );
    };
    let ocr = read_text(ocr_path)?;
    let corrected = read_text(corrected_path)?;
    if is_markdown(corrected_path) && !args.plain {
        let paged = paged::of_files(&ocr, &corrected, &display(corrected_path))?;
        print::paged(&paged, None, args.json);
    } else {
        print::plain(&compare::compare(&ocr, &corrected, &[]), args.json);
    }
    Ok(ExitCode::SUCCESS)
}

/// `--document` names the files itself, so files beside it are a mistake; the error says
/// which of the two ways to use.
fn refuse_files_with_document(args: &Args, folder: &Path) -> anyhow::Result<()> {
    let files: Vec<String> =
        [&args.ocr, &args.corrected].into_iter().flatten().map(|p| display(p)).collect();
    if !files.is_empty() {
        anyhow::bail!(
            "--document compares the files of {folder} itself, so it takes no files ({given} \
             given): run `readingroom diff --document {folder}` for the document's figures, or \
             `readingroom diff OCR CORRECTED` for two files of your choice",
            folder = display(folder),
            given = files.join(", ")
        );
    }
    if args.plain {
        anyhow::bail!(
            "--plain cannot go with --document: a document's figures read its corrected.md as \
             Markdown, as stats and the app do; to read it as plain text, run `readingroom diff \
             --plain {folder}/ocr.txt {folder}/corrected.md`",
            folder = display(folder)
        );
    }
    Ok(())
}

/// Whether a correction is read as Markdown: by its name, as `corrected.md` is named.
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}
