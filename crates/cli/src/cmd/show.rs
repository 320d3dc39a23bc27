//! `readingroom show <documents-dir> <id> [--json]`: one document's metadata.

use crate::documents;
use crate::output::outln;
use anyhow::bail;
use readingroom_core::meta::{FIELDS, Field, Meta};
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

/// Every metadata field in the table's order, null where unknown, plus what the OCR itself
/// says (`ocr_pages` after `pages`, which it stands in for when the form gives none, and
/// `has_corrected`).
fn fields(meta: &Meta, ocr_pages: usize, has_corrected: bool) -> Vec<(&'static str, Value)> {
    let mut fields = Vec::with_capacity(FIELDS.len() + 2);
    for info in &FIELDS {
        let value = match info.field {
            Field::Pages => json!(meta.pages.map_or(ocr_pages as u64, u64::from)),
            Field::Extracted => json!(meta.extracted),
            Field::AlternateOcr => {
                json!(meta.alternate_ocr.iter().map(|r| &r.file).collect::<Vec<_>>())
            }
            field => meta.value(field).map_or(Value::Null, |value| json!(value.to_string())),
        };
        fields.push((info.name, value));
        if info.field == Field::Pages {
            fields.push(("ocr_pages", json!(ocr_pages)));
        }
    }
    fields.push(("has_corrected", json!(has_corrected)));
    fields
}
