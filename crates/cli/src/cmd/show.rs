//! `readingroom show <documents-dir> <id> [--json]`: one document's metadata.

use crate::documents;
use crate::output::outln;
use anyhow::bail;
use readingroom_core::meta::Meta;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::ExitCode;

/// Print a document's metadata; with --json, every known key, null where unknown.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents folder.
    pub documents: PathBuf,
    /// The document's id (its folder name).
    pub id: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let loaded = documents::load_all(&args.documents)?;
    let Some(document) = loaded.documents.iter().find(|d| d.meta.id == args.id) else {
        let mine: Vec<_> = loaded.problems.iter().filter(|p| p.path.contains(&args.id)).collect();
        for problem in &mine {
            eprintln!("{problem}");
        }
        if mine.is_empty() {
            bail!("no document with the id \"{}\" in {}", args.id, args.documents.display());
        }
        bail!("the document \"{}\" has errors (above); fix them first", args.id);
    };
    let pages = document.ocr_pages().len();
    let fields = fields(&document.meta, pages, document.corrected.is_some());
    if args.json {
        let object: serde_json::Map<String, Value> =
            fields.into_iter().map(|(key, value)| (key.to_owned(), value)).collect();
        outln!("{}", serde_json::to_string_pretty(&object)?);
    } else {
        for (key, value) in fields {
            let shown = match value {
                Value::Null => "(unknown)".to_owned(),
                Value::String(s) => s,
                other => other.to_string(),
            };
            outln!("{key:>20}: {shown}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every metadata key in reading order, null where unknown, plus what the OCR itself says.
fn fields(meta: &Meta, ocr_pages: usize, has_corrected: bool) -> Vec<(&'static str, Value)> {
    let value = json!({
        "id": meta.id,
        "title": meta.title,
        "collection": meta.collection,
        "classification": meta.classification,
        "country": meta.country,
        "subject": meta.subject,
        "how_published": meta.how_published,
        "place_published": meta.place_published,
        "date_published": meta.date_published,
        "date_of_information": meta.date_of_information,
        "date_distributed": meta.date_distributed,
        "language": meta.language,
        "source": meta.source,
        "pages": meta.pages.map_or(ocr_pages as u64, u64::from),
        "ocr_pages": ocr_pages,
        "document_number": meta.document_number,
        "release_date": meta.release_date,
        "rights": meta.rights,
        "provenance": meta.provenance,
        "extracted": meta.extracted,
        "alternate_ocr": meta.alternate_ocr.iter().map(|r| &r.file).collect::<Vec<_>>(),
        "has_corrected": has_corrected,
    });
    let Value::Object(mut map) = value else { return Vec::new() };
    ORDER.iter().map(|key| (*key, map.remove(*key).unwrap_or(Value::Null))).collect()
}

const ORDER: [&str; 22] = [
    "id",
    "title",
    "collection",
    "classification",
    "country",
    "subject",
    "how_published",
    "place_published",
    "date_published",
    "date_of_information",
    "date_distributed",
    "language",
    "source",
    "pages",
    "ocr_pages",
    "document_number",
    "release_date",
    "rights",
    "provenance",
    "extracted",
    "alternate_ocr",
    "has_corrected",
];
