//! The reasons a target is missed, each computed from the run's own figures: what dominates
//! the bytes, where the time goes, what a warm query waits for, what each round fetches.

use super::browser::{EngineRun, Warm};
use super::figures::{kind, median_of, total};
use super::module::Module;
use super::queries::Kind;
use super::render::BYTE_KINDS;
use super::rounds;
use crate::bench::stats::{median, ms};

/// The kinds of bytes, largest first, with their share of the median cold visit (of one kind
/// of query, or all).
pub fn bytes(app: &EngineRun, of: Option<&str>) -> String {
    let all = median_of(app, of, |c| total(&c.all));
    let mut kinds: Vec<(&str, f64)> =
        BYTE_KINDS.iter().map(|k| (*k, median_of(app, of, |c| kind(&c.all, k)))).collect();
    kinds.sort_by(|a, b| b.1.total_cmp(&a.1));
    let list: Vec<String> = kinds
        .iter()
        .map(|(k, b)| format!("{k} {} ({:.0}%)", bytes_of(*b), 100.0 * b / all))
        .collect();
    let largest = kinds.first().map_or("", |k| k.0);
    format!("{largest} dominates; by kind, {}", list.join(", "))
}

fn bytes_of(value: f64) -> String {
    crate::bench::stats::bytes(value)
}

/// Each kind of bytes against Pagefind's, over one kind of query.
pub fn against(app: &EngineRun, theirs: &EngineRun, of: Option<&str>) -> String {
    let list: Vec<String> = BYTE_KINDS
        .iter()
        .map(|k| {
            format!(
                "{k} {} against {}",
                bytes_of(median_of(app, of, |c| kind(&c.all, k))),
                bytes_of(median_of(theirs, of, |c| kind(&c.all, k)))
            )
        })
        .collect();
    format!("against Pagefind's: {}", list.join(", "))
}

/// The median bytes of a cold visit, kind of query by kind.
pub fn by_query_kind(app: &EngineRun) -> String {
    let list: Vec<String> = Kind::ALL
        .iter()
        .map(|k| {
            format!("{} {}", k.name(), bytes_of(median_of(app, Some(k.name()), |c| total(&c.all))))
        })
        .collect();
    format!("by kind of query: {}", list.join(", "))
}

/// Where the cold time goes: the engine's own measure against the wall, and its rounds; and
/// Pagefind's, when there.
pub fn latency(app: &EngineRun, theirs: Option<&EngineRun>, of: Option<&str>) -> String {
    let wall = median_of(app, of, |c| c.wall_ms);
    let engine = median_of(app, of, |c| c.engine_ms.unwrap_or(f64::NAN));
    let mut text = format!(
        "the search itself (its `readingroom:search` measure, from the app starting the search, with the search module loading since the page opened, to the results) takes {} of the {} to the first results, in {} (median); the rest is loading and starting the app",
        ms(engine),
        ms(wall),
        rounds::rounds(median(&rounds::cold(app, of))),
    );
    if let Some(theirs) = theirs {
        text.push_str(&format!(
            ". Pagefind's search, from its module's import, takes {} of its {}, in {}",
            ms(median_of(theirs, of, |c| c.engine_ms.unwrap_or(f64::NAN))),
            ms(median_of(theirs, of, |c| c.wall_ms)),
            rounds::rounds(median(&rounds::cold(theirs, of)))
        ));
    }
    text
}

/// Warm queries that fetched nothing against those that fetched index files or page texts.
pub fn warm(app: &EngineRun) -> String {
    let files = |w: &&Warm| {
        w.fetched.iter().filter(|(k, _)| *k != "app shell").map(|(_, b)| b.files).sum::<usize>()
    };
    let (idle, fetching): (Vec<&Warm>, Vec<&Warm>) = app.warm.iter().partition(|w| files(w) == 0);
    let med =
        |list: &[&Warm], f: &dyn Fn(&&Warm) -> f64| median(&list.iter().map(f).collect::<Vec<_>>());
    let slowest = app.warm.iter().max_by(|a, b| a.ms.total_cmp(&b.ms));
    format!(
        "{} warm queries that fetched nothing new took {} (median); the {} that did took {}, in {}, fetching a median of {:.0} files: {} of page texts (for the shown results' snippets and cards) and {} of index. The slowest: {}",
        idle.len(),
        ms(med(&idle, &|w| w.ms)),
        fetching.len(),
        ms(med(&fetching, &|w| w.ms)),
        rounds::rounds(median(&rounds::warm_fetching(app))),
        med(&fetching, &|w| files(w) as f64),
        bytes_of(med(&fetching, &|w| kind(&w.fetched, "page texts"))),
        bytes_of(med(&fetching, &|w| kind(&w.fetched, "search index"))),
        slowest.map_or(String::new(), |w| format!("`{}`, {}", w.q, ms(w.ms))),
    )
}

/// The search module's make-up, as served.
pub fn module(module: &Module) -> String {
    format!(
        "the wasm is {} brotli, {} gzipped ({} raw, of which code {} and data {}); the JS glue {} brotli, {} gzipped",
        bytes_of(module.wasm_brotli as f64),
        bytes_of(module.wasm_gzip as f64),
        bytes_of(module.wasm_raw as f64),
        bytes_of(module.code as f64),
        bytes_of(module.data as f64),
        bytes_of(module.js_brotli as f64),
        bytes_of(module.js_gzip as f64)
    )
}

/// The app shell's largest files (of the first cold visit that saw them), with their share.
pub fn shell(app: &EngineRun) -> String {
    let Some(visit) = app.cold.iter().find(|c| !c.shell.is_empty()) else {
        return "no visit recorded the app shell's files".to_owned();
    };
    let all: u64 = visit.shell.iter().map(|r| r.transfer).sum();
    let mut files: Vec<_> = visit.shell.iter().collect();
    files.sort_by_key(|r| std::cmp::Reverse(r.transfer));
    let list: Vec<String> = files
        .iter()
        .take(4)
        .map(|r| {
            format!(
                "`{}` {} ({:.0}%)",
                unhashed(&r.path),
                bytes_of(r.transfer as f64),
                100.0 * r.transfer as f64 / all as f64
            )
        })
        .collect();
    format!("{} files; the largest: {}", visit.shell.len(), list.join(", "))
}

/// A file name without its content hash: `readingroom-<hash>.wasm`.
pub fn unhashed(path: &str) -> String {
    let (dir, name) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
    let stem_end = name.find('.').unwrap_or(name.len());
    let stem = &name[..stem_end];
    let name = match stem.rsplit_once('-') {
        Some((head, hash)) if hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
            format!("{head}-<hash>{}", &name[stem_end..])
        }
        _ => name.to_owned(),
    };
    if dir.is_empty() { name } else { format!("{dir}/{name}") }
}

/// What the rounds of the exact queries are spent on, at one collection: the typical query's
/// rounds, and the queries past the target.
pub fn rounds(app: &EngineRun, label: &str, exact_max: f64) -> String {
    let Some(typical) = rounds::typical(app, Kind::Exact.name()) else {
        return format!("{label}: no rounds counted");
    };
    let over: Vec<String> = app
        .cold
        .iter()
        .filter(|c| {
            c.kind == Kind::Exact.name() && c.rounds.is_some_and(|r| f64::from(r) > exact_max)
        })
        .map(|c| format!("`{}` {}", c.q, c.rounds.unwrap_or(0)))
        .collect();
    format!(
        "{label}: the typical exact query `{}` took {}: {}{}",
        typical.q,
        rounds::rounds(f64::from(typical.rounds.unwrap_or(0))),
        rounds::path(typical),
        if over.is_empty() {
            String::new()
        } else {
            format!(" (exact queries past {}: {})", rounds::count(exact_max), over.join(", "))
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hashes_are_left_out_of_file_names() {
        assert_eq!(unhashed("readingroom-0123abcd4567ef89.wasm"), "readingroom-<hash>.wasm");
        assert_eq!(unhashed("static/chrome.js"), "static/chrome.js");
        assert_eq!(unhashed("readingroom-search-0123abcd.js"), "readingroom-search-<hash>.js");
        assert_eq!(unhashed("index.html"), "index.html");
        assert_eq!(
            unhashed("static/fonts/serif-regular.woff2"),
            "static/fonts/serif-regular.woff2"
        );
    }
}
