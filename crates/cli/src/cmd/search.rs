//! `readingroom search <documents-dir|built-dir> "<query>"`: the engine the app runs, natively.
//!
//! A built bundle is read file by file as the engine asks, exactly as the browser fetches it;
//! a documents folder is checked and built in memory first.
//!
//! `--bench-queries FILE` is a benchmarking aid (`cargo xtask bench` uses it): it runs many
//! queries in this one process, so their times leave out process start-up.

use crate::cmd::check::plural;
use crate::documents;
use crate::output::outln;
use anyhow::Context;
use readingroom_core::bundle::{self, BuiltFile};
use readingroom_core::labelled::{Labelled, segments};
use readingroom_core::search::engine::{Index, drive};
use readingroom_core::search::format::META_FILE;
use readingroom_core::search::query;
use readingroom_core::search::results::{Reply, Request, ResultDoc, SearchResults};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Search a collection: a documents folder, or a bundle built by `readingroom build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A documents folder, or a built bundle folder (one with search/meta.json).
    pub source: PathBuf,
    /// The query: words, "phrases", OR, -excluded, prefix*, and filters such as country:USSR,
    /// subject:party, collection:..., year:1949 or year:1949..1951, has:corrected, layer:ocr.
    /// A query may start with a hyphen (`-soviet`): it is the query, not an option.
    #[arg(required_unless_present = "bench_queries", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Print JSON: per result id, score, hits and snippet; facets; fuzzy variants.
    #[arg(long)]
    pub json: bool,
    /// How many results to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// How many of each result's best pages to give hits for: 3 by default, with at most 100
    /// hits a result; any other number gives every hit of that many pages.
    #[arg(long, value_name = "N")]
    pub pages: Option<usize>,
    /// Benchmarking aid: run every query in FILE (one a line) in this one process and print
    /// JSON with each query's time in microseconds, cold (a fresh index reading the files it
    /// asks for, from the opening of search/meta.json on) and warm (the same query again on
    /// that index, matched and ranked again from its loaded files), the files and bytes read, and the number of matching documents.
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    pub bench_queries: Option<PathBuf>,
}

/// Where the engine's files come from.
enum Files {
    Disk(PathBuf),
    Memory(HashMap<String, Vec<u8>>),
}

impl Files {
    /// A file of the bundle, as it is: the engine checks what it is given.
    fn read(&self, path: &str) -> anyhow::Result<Vec<u8>> {
        match self {
            Files::Disk(root) => {
                let file = root.join(path);
                std::fs::read(&file).map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => anyhow::anyhow!(
                        "{}: the bundle has no such file; it is damaged, uploaded in part, or \
                         mixed from two builds: build it again and copy all of it",
                        documents::display(&file)
                    ),
                    _ => anyhow::anyhow!("cannot read {}: {e}", documents::display(&file)),
                })
            }
            Files::Memory(files) => {
                files.get(path).cloned().with_context(|| format!("the bundle has no {path}"))
            }
        }
    }
}

fn open(source: &Path) -> anyhow::Result<Files> {
    if documents::kind(source)? == documents::Kind::Bundle {
        let files = Files::Disk(source.to_owned());
        // The catalog is what the app reads first: the search checks it too.
        if source.join(bundle::CATALOG_FILE).exists() {
            bundle::verify(bundle::CATALOG_FILE, &files.read(bundle::CATALOG_FILE)?)?;
        }
        return Ok(files);
    }
    let files = bundle::build(&documents::load_sound(source)?);
    Ok(Files::Memory(files.into_iter().map(|BuiltFile { path, bytes }| (path, bytes)).collect()))
}

/// What a search read: files and bytes.
#[derive(Debug, Default)]
struct Reads {
    files: usize,
    bytes: usize,
}

/// Runs a query to the end, reading what the engine asks for.
fn search(
    index: &mut Index,
    files: &Files,
    query: &query::Query,
    (limit, pages): (usize, usize),
    reads: &mut Reads,
) -> anyhow::Result<SearchResults> {
    let request = Request::Search { query: query.to_string(), limit, pages, brief: false };
    let reply = drive(index, &request, |path| {
        let bytes = files.read(path)?;
        reads.files += 1;
        reads.bytes += bytes.len();
        anyhow::Ok(bytes)
    })?;
    match reply {
        Reply::Done(results) => Ok(results),
        Reply::Damaged(message) => anyhow::bail!("{message}"),
        Reply::QueryError { message } => {
            anyhow::bail!("the query `{query}` reads back wrong: {message}")
        }
        other => anyhow::bail!("the engine answered a search with {other:?}"),
    }
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if let Some(list) = &args.bench_queries {
        return bench(args, list);
    }
    let text = args.query.as_deref().unwrap_or_default();
    if let Some(option) = option_named(text) {
        eprintln!(
            "readingroom: the query `{text}` is the option {option}: after `--` everything is \
             the query. Put options before `--` (readingroom search --json <source> -- <query>); \
             to search for the text itself, quote it: '\"{text}\"'"
        );
        return Ok(ExitCode::from(2));
    }
    let parsed = match query::parse(text) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("readingroom: the query cannot be read: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    let files = open(&args.source)?;
    let mut index = Index::new(&files.read(META_FILE)?)?;
    let results = search(
        &mut index,
        &files,
        &parsed,
        (args.limit, args.pages.unwrap_or(0)),
        &mut Reads::default(),
    )?;
    if args.json {
        let mut value = serde_json::to_value(&results)?;
        value["query"] = serde_json::Value::String(text.to_owned());
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print_text(&results);
    }
    Ok(ExitCode::SUCCESS)
}

/// The option of this command a query spells (`--json`, `--limit=5`, `-h`), if it does: a
/// query given after `--` that a user meant as an option.
fn option_named(text: &str) -> Option<String> {
    use clap::Args as _;
    let mut command = Args::augment_args(clap::Command::new("search"));
    command.build();
    let name = text.split('=').next().unwrap_or_default();
    command.get_arguments().find_map(|arg| {
        let long = arg.get_long().map(|l| format!("--{l}"));
        let short = arg.get_short().map(|s| format!("-{s}"));
        [long, short].into_iter().flatten().find(|option| *option == name)
    })
}

/// `--bench-queries`: times every query of the file, cold then warm, and prints JSON.
fn bench(args: &Args, list: &Path) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(list)
        .with_context(|| format!("cannot read the queries in {}", list.display()))?;
    let files = open(&args.source)?;
    let mut timed = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parsed = match query::parse(line) {
            Ok(parsed) => parsed,
            Err(error) => {
                timed.push(serde_json::json!({ "query": line, "error": error.to_string() }));
                continue;
            }
        };
        let started = Instant::now();
        let meta = files.read(META_FILE)?;
        let mut reads = Reads { files: 1, bytes: meta.len() };
        let mut index = Index::new(&meta)?;
        let results =
            search(&mut index, &files, &parsed, (args.limit, args.pages.unwrap_or(0)), &mut reads)?;
        let cold = started.elapsed();
        index.forget();
        let started = Instant::now();
        search(
            &mut index,
            &files,
            &parsed,
            (args.limit, args.pages.unwrap_or(0)),
            &mut Reads::default(),
        )?;
        let warm = started.elapsed();
        timed.push(serde_json::json!({
            "query": line,
            "cold_us": cold.as_micros() as u64,
            "warm_us": warm.as_micros() as u64,
            "files": reads.files,
            "bytes": reads.bytes,
            "total": results.total,
        }));
    }
    outln!("{}", serde_json::to_string_pretty(&serde_json::json!({ "queries": timed }))?);
    Ok(ExitCode::SUCCESS)
}

fn print_text(results: &SearchResults) {
    let about = if results.estimated { "About " } else { "" };
    outln!("{about}{} document{} match", results.total, plural(results.total));
    for (n, result) in results.results.iter().enumerate() {
        print_result(n + 1, result);
    }
    if !results.variants.is_empty() {
        let terms: Vec<String> = results
            .variants
            .iter()
            .map(|v| format!("{} ({} doc{})", v.term, v.docs, plural(v.docs as usize)))
            .collect();
        let label = if results.total == 0 { "tried" } else { "also matched" };
        outln!("{label}: {}", terms.join(", "));
    }
}

fn print_result(n: usize, result: &ResultDoc) {
    let pages: Vec<String> = result.pages.iter().map(|p| p.page.to_string()).collect();
    outln!("\n{n}. {} [{}] score {:.3}", result.title, result.id, result.score);
    let h = result.layer_hits;
    outln!(
        "   hits: {} in the OCR, {} in the transcription, {} in page furniture; best pages: {}",
        h.ocr,
        h.corrected,
        h.furniture,
        pages.join(", ")
    );
    let snippet = &result.snippet;
    let marks: Vec<Labelled<()>> =
        snippet.marks.iter().map(|&(start, end)| Labelled::new(start..end, ())).collect();
    let text: String = segments(&snippet.text, &marks)
        .into_iter()
        .map(|s| if s.labels.is_empty() { s.text.to_owned() } else { format!("[{}]", s.text) })
        .collect();
    outln!("   p. {}: {text}", snippet.page);
}
