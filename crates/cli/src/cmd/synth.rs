//! `readingroom synth --docs N --pages-per-doc P --cer X --seed S --out <dir>`: a reproducible
//! synthetic collection for benchmarks, in the documents-folder format.
//!
//! readingroom-core makes each document from the options and its index alone
//! (`readingroom_core::synth`), so the documents are generated on every core at once: threads
//! take runs of indices from a shared counter and write each folder as it is made, so memory
//! stays flat at any size. The folders go into a staging folder beside `--out`, which is
//! renamed into place only when every document is written; which `--out` may be replaced is
//! [`Destination::check`]'s rule.

use crate::cmd::check::plural;
use crate::documents::display;
use crate::fsx::{Destination, Marker, Rule};
use anyhow::Context;
use clap::builder::RangedU64ValueParser;
use readingroom_core::source;
use readingroom_core::synth::{self, SynthDocument, SynthOptions};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Generate a synthetic collection of report-like documents, for benchmarks.
///
/// Every document has metadata, a corrected transcription and OCR damaged at a chosen character
/// error rate, in the documents-folder format that `check` and `build` read. The same options
/// always give byte-identical folders.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many documents to generate.
    #[arg(long, value_name = "N", value_parser = parse_docs)]
    pub docs: usize,
    /// Pages in every document (1 to 999).
    #[arg(long, value_name = "P",
          value_parser = clap::value_parser!(u32).range(1..=i64::from(synth::MAX_PAGES)))]
    pub pages_per_doc: u32,
    /// The OCR's character error rate, from 0 (perfect OCR) to 0.5: 0.02 is two errors in 100
    /// characters.
    #[arg(long, value_name = "X", value_parser = parse_cer)]
    pub cer: f64,
    /// The seed of the generator; another seed gives another collection.
    #[arg(long, value_name = "S")]
    pub seed: u64,
    /// The documents folder to create, one sub-folder per document: a new or empty folder, or
    /// one an earlier synth wrote (it holds a .readingroom-synth file), which is replaced.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Words of running text on each page.
    #[arg(long, value_name = "W", default_value_t = 250,
          value_parser = RangedU64ValueParser::<usize>::new().range(1..=100_000))]
    pub words_per_page: usize,
    /// Replace --out even when it is a non-empty folder that synth did not write; everything
    /// in it is deleted. The current folder and the folders around it are refused all the same.
    #[arg(long)]
    pub force: bool,
    /// Threads to generate with; one per core by default.
    #[arg(long, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..=1024))]
    pub jobs: Option<usize>,
}

/// The marker in every collection synth writes, which lets a later synth replace it.
const MARKER: Marker = Marker { file: ".readingroom-synth", writer: "readingroom synth" };

fn parse_docs(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("a collection needs at least 1 document".into()),
        Ok(docs) => Ok(docs),
        Err(_) => Err(format!("\"{text}\" is not a whole number of documents")),
    }
}

fn parse_cer(text: &str) -> Result<f64, String> {
    let cer: f64 = text.trim().parse().map_err(|_| format!("\"{text}\" is not a number"))?;
    if !(0.0..=synth::MAX_CER).contains(&cer) {
        return Err(format!(
            "the character error rate must be between 0 and {}, e.g. 0.02 for two errors in \
             100 characters",
            synth::MAX_CER
        ));
    }
    Ok(cer)
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let opts = SynthOptions {
        docs: args.docs,
        pages_per_doc: args.pages_per_doc,
        words_per_page: args.words_per_page,
        cer: args.cer,
        seed: args.seed,
    };
    let rule = Rule { marker: MARKER, force: args.force, documents: None };
    let out = Destination::check(&args.out, rule)?;
    let started = Instant::now();
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    out.fill(|staging| {
        fs::write(staging.join("SOURCE.md"), source_note(&opts))?;
        generate(&opts, staging, jobs)
    })?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "readingroom: generated {} document{} of {} page{} (CER {}, seed {}) into {} in {seconds:.1} s",
        opts.docs,
        plural(opts.docs),
        opts.pages_per_doc,
        plural(opts.pages_per_doc as usize),
        opts.cer,
        opts.seed,
        out.shown,
    );
    Ok(ExitCode::SUCCESS)
}

/// Documents handed to a thread at a time: small enough to balance, large enough to be cheap.
const CHUNK: usize = 32;

/// Writes every document into `root` on `jobs` threads, printing progress for long runs.
fn generate(opts: &SynthOptions, root: &Path, jobs: usize) -> anyhow::Result<()> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let failure: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    let threads = jobs.clamp(1, opts.docs.div_ceil(CHUNK).max(1));
    std::thread::scope(|scope| {
        let worker = || {
            while !stop.load(Ordering::Relaxed) {
                let first = next.fetch_add(CHUNK, Ordering::Relaxed);
                if first >= opts.docs {
                    return;
                }
                for index in first..(first + CHUNK).min(opts.docs) {
                    if let Err(error) = write_document(root, &synth::document(opts, index)) {
                        stop.store(true, Ordering::Relaxed);
                        failure.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(error);
                        return;
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
            }
        };
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        let mut progress = Progress::new(opts.docs);
        while !handles.iter().all(|h| h.is_finished()) {
            std::thread::sleep(Duration::from_millis(50));
            progress.update(done.load(Ordering::Relaxed));
        }
        progress.finish(done.load(Ordering::Relaxed));
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    match failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

fn write_document(root: &Path, document: &SynthDocument) -> anyhow::Result<()> {
    let folder = root.join(&document.id);
    let write = |name: &str, text: &str| {
        let path = folder.join(name);
        fs::write(&path, text).with_context(|| format!("cannot write {}", display(&path)))
    };
    fs::create_dir(&folder).with_context(|| format!("cannot create {}", display(&folder)))?;
    write(source::META_FILE, &document.meta_toml)?;
    write(source::OCR_FILE, &document.ocr)?;
    write(source::CORRECTED_FILE, &document.corrected)
}

/// `synth: 4000/10000 documents` on stderr every 5% or every second, whichever comes first,
/// once a run has taken a second.
struct Progress {
    total: usize,
    started: Instant,
    shown_at: Instant,
    shown: usize,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let now = Instant::now();
        Progress { total, started: now, shown_at: now, shown: 0 }
    }

    fn update(&mut self, done: usize) {
        let step = (self.total / 20).max(1);
        let long = self.started.elapsed() >= Duration::from_secs(1);
        let due = done >= self.shown + step || self.shown_at.elapsed() >= Duration::from_secs(1);
        if long && due && done > self.shown && done < self.total {
            self.show(done);
        }
    }

    fn finish(&mut self, done: usize) {
        if self.shown > 0 {
            self.show(done);
        }
    }

    fn show(&mut self, done: usize) {
        eprintln!("synth: {done}/{} documents", self.total);
        self.shown = done;
        self.shown_at = Instant::now();
    }
}

/// The note written beside the documents: what they are and the command that remakes them.
fn source_note(opts: &SynthOptions) -> String {
    format!(
        "# A synthetic collection\n\n\
         Every folder here was generated by `readingroom synth` (readingroom {version}) for \
         benchmarks. The text is English words drawn by their frequency in human-corrected \
         OCR (see `crates/core/src/synth/SOURCE.md`), not a real report; the OCR is that text \
         with generated OCR errors at a character error rate of {cer}.\n\n\
         The same command, with the same version, writes byte-identical folders:\n\n\
         ```sh\n\
         readingroom synth --docs {docs} --pages-per-doc {pages} --words-per-page {words} \
         --cer {cer} --seed {seed} --out <dir>\n\
         ```\n",
        version = env!("CARGO_PKG_VERSION"),
        cer = opts.cer,
        docs = opts.docs,
        pages = opts.pages_per_doc,
        words = opts.words_per_page,
        seed = opts.seed,
    )
}
