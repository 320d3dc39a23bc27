//! `readingroom stats <documents-dir> [--json]`: the OCR's error rates against the corrected
//! transcriptions, per page, per document and for the collection.

use crate::documents;
use crate::output::outln;
use readingroom_core::bundle;
use readingroom_core::compare::Metrics;
use readingroom_core::quality::{self, Quality, percent};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

/// CER and WER of every document with a corrected transcription, page by page.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents folder.
    pub documents: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let sound = documents::load_sound(&args.documents)?;
    let mut measured: Vec<(String, String, Quality)> = Vec::new();
    for document in &sound {
        if let Some(quality) = quality::of_document(&bundle::document_data(document)) {
            measured.push((document.meta.id.clone(), document.meta.title.clone(), quality));
        }
    }
    measured.sort_by(|a, b| a.0.cmp(&b.0));
    let all: Vec<Metrics> = measured.iter().map(|(_, _, q)| q.metrics.clone()).collect();
    let collection = Metrics::combine(&all);
    if args.json {
        let documents: Vec<_> = measured
            .iter()
            .map(|(id, title, q)| json!({ "id": id, "title": title, "quality": q }))
            .collect();
        let out = json!({ "documents": documents, "collection": collection });
        outln!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print_table(&measured, &collection);
    }
    Ok(ExitCode::SUCCESS)
}

fn shown(rate: Option<f64>) -> String {
    rate.map_or_else(|| "undefined".to_owned(), percent)
}

fn print_table(measured: &[(String, String, Quality)], collection: &Metrics) {
    if measured.is_empty() {
        outln!("No document has a corrected transcription (corrected.md) to compare with.");
        return;
    }
    outln!("{:<34} {:>6} {:>8} {:>8}", "document / page", "chars", "CER", "WER");
    for (id, _, q) in measured {
        let m = &q.metrics;
        outln!("{id:<34} {:>6} {:>8} {:>8}", m.chars, shown(m.cer), shown(m.wer));
        for page in &q.pages {
            let label = format!("  page {}", page.page);
            outln!("{label:<34} {:>6} {:>8} {:>8}", page.chars, shown(page.cer), shown(page.wer));
        }
    }
    outln!(
        "{:<34} {:>6} {:>8} {:>8}",
        format!("collection ({} documents)", measured.len()),
        collection.chars,
        shown(collection.cer),
        shown(collection.wer)
    );
}
