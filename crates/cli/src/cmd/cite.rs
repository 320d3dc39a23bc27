//! `readingroom cite <documents-or-bundle> <id> --format bibtex|ris|csl-json|chicago`: the
//! citation of a document, or of a page or pages of it, as core builds it
//! ([`readingroom_core::cite`]). The collection is a documents folder (checked first, as
//! `show` does) or a bundle built by `readingroom build` (its catalog, checked).

use crate::documents::{self, Kind};
use crate::output;
use anyhow::{Context as _, bail};
use readingroom_core::bundle;
use readingroom_core::cite::request::unknown_id;
use readingroom_core::cite::{Context, Format, Pages, cite};
use readingroom_core::meta::Meta;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Cite a document: Chicago (note and bibliography), BibTeX, RIS or CSL-JSON.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A documents folder, or a bundle built by `readingroom build`.
    pub source: PathBuf,
    /// The document's id (its folder name).
    pub id: String,
    /// The format: chicago (a note and a bibliography entry), chicago-note,
    /// chicago-bibliography, bibtex, ris or csl-json.
    #[arg(long, value_name = "FORMAT")]
    pub format: String,
    /// Cite one page (numbered from 1).
    #[arg(long, value_name = "N", conflicts_with = "pages")]
    pub page: Option<u32>,
    /// Cite a range of pages, e.g. 3-5.
    #[arg(long, value_name = "A-B")]
    pub pages: Option<String>,
    /// The URL of the view cited (where the reading room is served).
    #[arg(long)]
    pub url: Option<String>,
    /// The date the view was accessed, YYYY-MM-DD [default: today, in UTC].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub accessed: Option<String>,
    /// The collection to cite the document from [default: the document's own].
    #[arg(long)]
    pub collection: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format = Format::named(&args.format).map_err(anyhow::Error::msg)?;
    let (meta, page_count) = find(&args.source, &args.id)?;
    let pages = match (args.page, &args.pages) {
        (Some(page), _) => Some(Pages::one(page, page_count)),
        (None, Some(range)) => Some(Pages::parse(range, page_count)),
        (None, None) => None,
    };
    let pages = pages.transpose().map_err(|e| anyhow::anyhow!("{}: {e}", args.id))?;
    let context = Context {
        url: args.url.clone(),
        pages,
        accessed: Some(args.accessed.clone().unwrap_or_else(today)),
        collection: args.collection.clone(),
    };
    context.check().map_err(anyhow::Error::msg)?;
    output::text(&cite(&meta, &context, format));
    Ok(ExitCode::SUCCESS)
}

/// The document's metadata and its number of OCR pages, from a documents folder or a bundle.
fn find(source: &Path, id: &str) -> anyhow::Result<(Meta, u32)> {
    if documents::kind(source)? == Kind::Bundle {
        let path = source.join(bundle::CATALOG_FILE);
        let bytes = std::fs::read(&path)
            .with_context(|| format!("cannot read {}", documents::display(&path)))?;
        let catalog = bundle::read_catalog(&bytes)?;
        let ids = catalog.documents.iter().map(|entry| entry.meta.id.as_str());
        let Some(entry) = catalog.documents.iter().find(|entry| entry.meta.id == id) else {
            bail!("{}: {}", source.display(), unknown_id(id, ids));
        };
        return Ok((entry.meta.clone(), entry.pages));
    }
    let loaded = documents::load_all(source)?;
    let Some(document) = loaded.documents.iter().find(|d| d.meta.id == id) else {
        let mine: Vec<_> = loaded.problems.iter().filter(|p| p.path.contains(id)).collect();
        for problem in &mine {
            eprintln!("{problem}");
        }
        if mine.is_empty() {
            let ids = loaded.documents.iter().map(|d| d.meta.id.as_str());
            bail!("{}: {}", source.display(), unknown_id(id, ids));
        }
        bail!("the document \"{id}\" has errors (above); fix them first");
    };
    Ok((document.meta.clone(), document.ocr_pages().len() as u32))
}

/// Today's date in UTC, `YYYY-MM-DD` (the civil calendar from days since 1970, after Howard
/// Hinnant's `civil_from_days`).
fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
