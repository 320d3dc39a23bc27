//! `readingroom import <file>... --into <documents-dir>`: one new document folder per file.
//!
//! The format is found from the content (see `readingroom_core::import`), the report form's
//! metadata is extracted and marked as extracted, and the folder is written beside its final
//! place and renamed into it. Nothing existing is overwritten unless `--force` says so, and
//! then only the folder's `meta.toml` and `ocr.txt`; `--add-run` keeps the file as a further
//! OCR run of an existing document instead. Nothing is ever deleted.

use crate::cmd::check::plural;
use crate::{documents::display, fsx};
use anyhow::{Context, bail};
use readingroom_core::bundle::BuiltFile;
use readingroom_core::extract;
use readingroom_core::import::{self, Imported};
use readingroom_core::limits::Limits;
use readingroom_core::meta::Meta;
use readingroom_core::source::{self, is_valid_id};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Import OCR files (text, Tesseract Markdown, hOCR, ALTO, PAGE-XML) as new documents.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The OCR files, one document each. The format is detected from the content.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The documents folder to create the document folders in.
    #[arg(long)]
    pub into: PathBuf,
    /// The new document's id (only with a single file). By default the document number read
    /// from the OCR, else the file name, as a lowercase slug.
    #[arg(long)]
    pub id: Option<String>,
    /// The collection the documents belong to.
    #[arg(long)]
    pub collection: Option<String>,
    /// The rights statement to record, e.g. "Public domain (17 U.S.C. 105)".
    #[arg(long)]
    pub rights: Option<String>,
    /// Where the files come from, recorded as each document's provenance.
    #[arg(long)]
    pub provenance: Option<String>,
    /// Replace the meta.toml and ocr.txt of an existing document folder of the same id; every
    /// other file in it (corrected.md, further OCR runs) is kept.
    #[arg(long, conflicts_with = "add_run")]
    pub force: bool,
    /// Keep the file as a further OCR run of the existing document of the same id.
    #[arg(long)]
    pub add_run: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.id.is_some() && args.files.len() > 1 {
        bail!("--id names one document, but {} files were given", args.files.len());
    }
    let mut failed = 0;
    for file in &args.files {
        if let Err(error) = import_one(args, file) {
            // A diagnostic already names its file and place; other errors get the file name.
            match error.downcast_ref::<readingroom_core::diagnostic::Diagnostic>() {
                Some(diagnostic) => eprintln!("{diagnostic}"),
                None => eprintln!("readingroom: {}: error: {error:#}", display(file)),
            }
            failed += 1;
        }
    }
    if failed > 0 {
        eprintln!("readingroom: {failed} file{} not imported", plural(failed));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn import_one(args: &Args, file: &Path) -> anyhow::Result<()> {
    let shown = display(file);
    // A file over the size limit is refused before it is read.
    let size = fs::metadata(file).with_context(|| format!("cannot read {shown}"))?.len();
    Limits::DEFAULT.check_file_size(&shown, size)?;
    let bytes = fs::read(file).with_context(|| format!("cannot read {shown}"))?;
    let imported = import::import(&shown, &bytes)?;
    for warning in &imported.warnings {
        eprintln!("{warning}");
    }
    let meta = metadata(args, file, &imported)?;
    let folder = args.into.join(&meta.id);
    let files = [
        BuiltFile { path: source::META_FILE.into(), bytes: meta.to_toml().into_bytes() },
        BuiltFile { path: source::OCR_FILE.into(), bytes: imported.ocr_txt().into_bytes() },
    ];
    if folder.exists() {
        if args.add_run {
            return add_run(args, &folder, file, &imported);
        }
        if !args.force {
            bail!(
                "{} already exists; nothing was changed. Use --force to replace its meta.toml \
                 and ocr.txt, or --add-run to keep this file as a further OCR run of it",
                display(&folder)
            );
        }
        if !folder.is_dir() {
            bail!("{} is a file, not a document folder; nothing was changed", display(&folder));
        }
        // Only the two files are replaced: the transcription, further OCR runs and anything
        // else in the folder are the curator's, and stay as they are.
        fsx::write_files_atomically(&folder, &files)
            .with_context(|| format!("cannot write into {}; it is unchanged", display(&folder)))?;
    } else {
        // The documents folder is made only once there is a document to put in it.
        fs::create_dir_all(&args.into)
            .with_context(|| format!("cannot create {}", display(&args.into)))?;
        fsx::write_new_folder(&folder, &files)
            .with_context(|| format!("cannot write {}", display(&folder)))?;
    }
    eprintln!(
        "readingroom: imported {shown} ({}, {} page{}) as {}{}",
        imported.format.describe(),
        imported.pages.len(),
        plural(imported.pages.len()),
        display(&folder),
        extracted_note(&meta),
    );
    Ok(())
}

/// The metadata of a new document: what the options say, then what the OCR's form says.
fn metadata(args: &Args, file: &Path, imported: &Imported) -> anyhow::Result<Meta> {
    let pages: Vec<&str> = imported.pages.iter().map(String::as_str).collect();
    let fields = extract::extract(&pages);
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let id = match &args.id {
        Some(id) if is_valid_id(id) => id.clone(),
        Some(id) => bail!("--id \"{id}\" is not a lowercase slug (a-z, 0-9, inner hyphens)"),
        None => fields
            .document_number
            .as_deref()
            .map(slug)
            .filter(|s| is_valid_id(s))
            .unwrap_or_else(|| slug(&stem)),
    };
    if !is_valid_id(&id) {
        bail!("cannot make an id from the file name; give one with --id");
    }
    let mut meta = Meta {
        id,
        collection: args.collection.clone(),
        rights: args.rights.clone(),
        provenance: Some(provenance(args, file, imported)),
        ..Meta::default()
    };
    fields.apply_to(&mut meta);
    if meta.title.trim().is_empty() {
        meta.title = fallback_title(&meta, stem);
    }
    Ok(meta)
}

/// Without a title on the form: the subject, else the record's number, else the file name.
fn fallback_title(meta: &Meta, stem: String) -> String {
    if let Some(subject) = meta.subject.as_deref().filter(|s| !s.trim().is_empty()) {
        return subject.to_owned();
    }
    match &meta.document_number {
        Some(number) => format!("Record {number}"),
        None => stem,
    }
}

fn provenance(args: &Args, file: &Path, imported: &Imported) -> String {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let origin = format!("Imported from {name} ({}).", imported.format.describe());
    match args.provenance.as_deref().map(str::trim) {
        Some(text) if text.ends_with(['.', '!', '?']) => format!("{text} {origin}"),
        Some(text) if !text.is_empty() => format!("{text}. {origin}"),
        _ => origin,
    }
}

/// Writes the OCR as `ocr-N.txt` beside the existing one and appends it to `meta.toml`'s
/// `alternate_ocr` list. The metadata keeps every byte the curator wrote; the entry is added
/// at its end. Both files are written beside their place and renamed into it.
fn add_run(args: &Args, folder: &Path, file: &Path, imported: &Imported) -> anyhow::Result<()> {
    let n = (2..).find(|n| !folder.join(format!("ocr-{n}.txt")).exists()).unwrap_or(2);
    let name = format!("ocr-{n}.txt");
    let provenance = toml_string(&provenance(args, file, imported));
    let entry = format!("\n[[alternate_ocr]]\nfile = \"{name}\"\nprovenance = {provenance}\n");
    let meta_path = folder.join(source::META_FILE);
    let mut meta = fs::read_to_string(&meta_path)
        .with_context(|| format!("cannot read {}", display(&meta_path)))?;
    meta.push_str(&entry);
    fsx::write_file_atomically(&folder.join(&name), imported.ocr_txt().as_bytes())?;
    fsx::write_file_atomically(&meta_path, meta.as_bytes())?;
    eprintln!("readingroom: added {} as {}", display(file), display(&folder.join(name)));
    Ok(())
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A lowercase ASCII slug: letters and digits kept, everything else a single hyphen.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn extracted_note(meta: &Meta) -> String {
    if meta.extracted.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = meta.extracted.iter().map(|field| field.name()).collect();
    format!("; extracted from the OCR (check them): {}", names.join(", "))
}
