//! `readingroom build <documents-dir> --out <dir>`: check, then write the served bundle.
//!
//! The build streams, so its memory stays flat however large the collection: worker threads
//! read, check and prepare each document ([`pipeline`]); this thread adds them in id order to
//! core's [`BundleBuilder`] and writes what it returns into the staging folder ([`staging`]) at
//! once: the data file, the catalog's next bytes, the index's page texts. When the postings
//! held outgrow `--memory-budget` they are spilled as a sorted run ([`runs`]); at the end the
//! runs are merged into the dictionary and postings files. A folder with an error stops the
//! building, not the checking, so every problem is still reported; the staging folder is then
//! removed and `--out` is left as it was.

mod pipeline;
mod progress;
mod runs;
mod staging;

use crate::cmd::check::plural;
use crate::documents::{self, display};
use crate::fsx::{Destination, Marker, Rule};
use readingroom_core::bundle::{self, BundleBuilder, Prepared};
use readingroom_core::check;
use readingroom_core::diagnostic::Diagnostic;
use readingroom_core::search::build::run::RunSource;
use readingroom_core::search::build::{
    BuildOptions, IndexedDocument, MemoryRun, Postings, SortedPostings,
};
use readingroom_core::source;
use runs::Runs;
use staging::Staging;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};

/// The marker in every bundle, which lets a later build replace it.
pub const MARKER: Marker = Marker { file: bundle::MARKER_FILE, writer: "readingroom build" };

/// Build the served bundle (catalog and document data) from a documents folder.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents folder, one sub-folder per document.
    pub documents: PathBuf,
    /// Where to write the bundle: a new or empty folder, or one an earlier build wrote (it
    /// holds a .readingroom-bundle file). It is replaced atomically, so a failed build leaves
    /// it untouched. Never the documents folder, a folder inside it or one around it.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace --out even when it is a non-empty folder that build did not write; everything
    /// in it is deleted. The documents folder is refused all the same.
    #[arg(long)]
    pub force: bool,
    /// The memory the search index's postings may take before they are written to temporary
    /// files beside the bundle and merged at the end, as bytes or with a K, M or G suffix
    /// (powers of 1024). The build as a whole takes somewhat more; the bundle is the same
    /// whatever the budget.
    #[arg(long, value_name = "SIZE", default_value = "512M", value_parser = parse_size)]
    pub memory_budget: usize,
    /// Threads to read and prepare documents with; one per core by default.
    #[arg(long, value_name = "N",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1024))]
    pub jobs: Option<usize>,
}

fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, ""),
    };
    let shift = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B')
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => {
            return Err(format!(
                "\"{text}\" is not a size: write bytes, or a number with K, M or G"
            ));
        }
    };
    let number: usize = number.parse().map_err(|_| {
        format!("\"{text}\" is not a size: write bytes, or a number with K, M or G")
    })?;
    number.checked_mul(1 << shift).ok_or_else(|| format!("{text} is too large"))
}

/// The build was refused for the errors found; they are in the report.
#[derive(Debug)]
struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the documents have errors")
    }
}

impl std::error::Error for Refused {}

/// The build was interrupted (Ctrl-C): it stops at the next document or file and removes its
/// staging folder, which by then may hold gigabytes, rather than leave it behind.
#[derive(Debug)]
struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// Set when the curator interrupts the build.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn check_interrupted() -> anyhow::Result<()> {
    if INTERRUPTED.load(Ordering::Relaxed) { Err(Interrupted.into()) } else { Ok(()) }
}

/// A document folder could not be read: the command fails with that, as `check` would.
#[derive(Debug)]
struct Unreadable(anyhow::Error);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#}", self.0)
    }
}

impl std::error::Error for Unreadable {}

/// Every problem found, and the ids seen, for the duplicate check.
#[derive(Debug, Default)]
struct Report {
    problems: Vec<Diagnostic>,
    ids: Vec<(String, String)>,
    documents: usize,
}

impl Report {
    fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let rule = Rule { marker: MARKER, force: args.force, documents: Some(&args.documents) };
    let out = Destination::check(&args.out, rule)?;
    let folders = documents::folders_of(&args.documents)?;
    // Without the handler an interrupt kills the build at once and leaves its staging folder.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::Relaxed));
    let mut report = Report::default();
    let built = out.fill(|staging| build_into(staging, &folders, args, &mut report));
    report.problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    if let Err(error) = built {
        let error = match error.downcast::<Unreadable>() {
            Ok(Unreadable(inner)) => return Err(inner),
            Err(error) => error,
        };
        if error.downcast_ref::<Interrupted>().is_some() {
            eprintln!("readingroom: build interrupted; {} is unchanged", out.shown);
            return Ok(ExitCode::from(130));
        }
        if error.downcast_ref::<Refused>().is_none() {
            return Err(error);
        }
        for problem in &report.problems {
            eprintln!("{problem}");
        }
        let errors = report.errors();
        eprintln!(
            "readingroom: build refused: {errors} error{} above; {} is unchanged",
            plural(errors),
            out.shown
        );
        return Ok(ExitCode::FAILURE);
    }
    for problem in &report.problems {
        eprintln!("{problem}");
    }
    let count = report.documents;
    eprintln!("readingroom: built {count} document{} into {}", plural(count), out.shown);
    Ok(ExitCode::SUCCESS)
}

/// What a worker makes of one folder.
struct Read {
    checked: check::Checked,
    prepared: Option<Prepared>,
}

/// What a postings thread is sent: the next document's terms, or a request for its postings
/// as a sorted run.
enum ToPart {
    Document(u32, Arc<IndexedDocument>),
    Spill(SyncSender<SortedPostings>),
}

fn build_into(
    root: &Path,
    folders: &[PathBuf],
    args: &Args,
    report: &mut Report,
) -> anyhow::Result<()> {
    let mut staging = Staging::new(root)?;
    let mut runs = Runs::new(root);
    let mut builder = BundleBuilder::new(BuildOptions::default());
    let refused = AtomicBool::new(false);
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    // The postings are kept in parts, one per thread: adding a document's terms to a large map
    // waits on memory more than it computes, and would hold the build back on one thread.
    let parts = jobs;
    let part_bytes: Vec<AtomicUsize> = (0..parts).map(|_| AtomicUsize::new(0)).collect();
    let bar = progress::documents(folders.len());
    let work = |i: usize| -> anyhow::Result<Read> {
        let mut checked = documents::load_one(&folders[i])?;
        // Once a folder has an error nothing is built: the rest are only checked.
        let prepared = match checked.document.take() {
            Some(document) if !refused.load(Ordering::Relaxed) => {
                Some(bundle::prepare_in_parts(&document, parts))
            }
            _ => None,
        };
        Ok(Read { checked, prepared })
    };
    let held = std::thread::scope(|scope| -> anyhow::Result<Vec<Postings>> {
        let mut senders = Vec::with_capacity(parts);
        let mut threads = Vec::with_capacity(parts);
        for (part, bytes) in part_bytes.iter().enumerate() {
            let (to, from) = sync_channel::<ToPart>(64);
            senders.push(to);
            threads.push(scope.spawn(move || {
                let mut postings = Postings::default();
                for message in from {
                    match message {
                        ToPart::Document(doc, document) => {
                            postings.add(doc, &document, part);
                            bytes.store(postings.bytes(), Ordering::Relaxed);
                        }
                        ToPart::Spill(reply) => {
                            let _ = reply.send(postings.take_sorted());
                            bytes.store(0, Ordering::Relaxed);
                        }
                    }
                }
                postings
            }));
        }
        let take = |i: usize, read: anyhow::Result<Read>| -> anyhow::Result<()> {
            check_interrupted()?;
            let Read { checked, prepared } = read.map_err(Unreadable)?;
            if let Some(id) = checked.id {
                report.ids.push((id, display(&folders[i].join(source::META_FILE))));
            }
            report.problems.extend(checked.problems);
            if report.errors() > 0 {
                refused.store(true, Ordering::Relaxed);
            } else if let Some(prepared) = prepared {
                let (added, doc, document) = builder.add_apart(prepared);
                let document = Arc::new(document);
                for to in &senders {
                    to.send(ToPart::Document(doc, Arc::clone(&document)))?;
                }
                staging.file(&added.file)?;
                staging.catalog(&added.catalog)?;
                for emitted in added.index {
                    staging.index(emitted)?;
                }
                report.documents += 1;
                let held: usize = part_bytes.iter().map(|b| b.load(Ordering::Relaxed)).sum();
                if held > args.memory_budget {
                    let replies: Vec<_> = senders
                        .iter()
                        .map(|to| {
                            let (reply, answer) = sync_channel(1);
                            to.send(ToPart::Spill(reply)).map(|()| answer)
                        })
                        .collect::<Result<_, _>>()?;
                    for answer in replies {
                        runs.spill(answer.recv()?)?;
                    }
                    bar.set_message(format!("({} runs written)", runs.len()));
                }
            }
            bar.inc(1);
            Ok(())
        };
        let outcome = pipeline::in_order(folders.len(), jobs, jobs * 8, work, take);
        drop(senders);
        let held = threads
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect();
        outcome.map(|()| held)
    });
    bar.finish_and_clear();
    let held = held?;
    let duplicates =
        check::duplicate_ids(report.ids.iter().map(|(id, path)| (id.as_str(), path.as_str())));
    report.problems.extend(duplicates);
    if report.errors() > 0 {
        return Err(Refused.into());
    }
    check_interrupted()?;
    let merging = progress::merge(runs.bytes(), "Merging");
    runs.narrow(&merging)?;
    let mut files = runs.open(&merging)?;
    let mut memory: Vec<MemoryRun<anyhow::Error>> =
        held.into_iter().map(|mut postings| postings.take_sorted().source()).collect();
    let mut sources: Vec<&mut dyn RunSource<Error = anyhow::Error>> = Vec::new();
    for file in &mut files {
        sources.push(file);
    }
    for run in &mut memory {
        sources.push(run);
    }
    let ended = builder.finish(&mut sources, &mut |emitted| {
        check_interrupted()?;
        staging.index(emitted)
    });
    merging.finish_and_clear();
    let ended = ended?;
    drop(files);
    runs.remove()?;
    staging.finish(&ended)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_are_bytes_or_powers_of_1024() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("12X").is_err());
    }
}
