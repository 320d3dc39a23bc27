//! Figures taken from the browser runs: bytes by kind, and medians over an engine's cold or
//! warm queries.

use super::Measured;
use super::browser::{ByKind, Cold, CollectionRun, EngineRun};
use crate::bench::stats::median;

pub fn total(by: &ByKind) -> f64 {
    by.values().map(|b| b.transfer as f64).sum()
}

/// The search module, the index, the page texts and any document data: what searching adds
/// to a visit.
pub fn search_only(by: &ByKind) -> f64 {
    ["search module", "search index", "page texts", "document data"]
        .iter()
        .map(|k| kind(by, k))
        .sum()
}

pub fn kind(by: &ByKind, kind: &str) -> f64 {
    by.get(kind).map_or(0.0, |b| b.transfer as f64)
}

/// The median over an engine's cold runs (of one kind of query, or all).
pub fn median_of(engine: &EngineRun, kind: Option<&str>, f: impl Fn(&Cold) -> f64) -> f64 {
    let v: Vec<f64> =
        engine.cold.iter().filter(|c| kind.is_none_or(|k| c.kind == k)).map(f).collect();
    median(&v)
}

/// The warm latencies of an engine (of one kind of query, or all).
pub fn warm(engine: &EngineRun, kind: Option<&str>) -> Vec<f64> {
    engine.warm.iter().filter(|w| kind.is_none_or(|k| w.kind == k)).map(|w| w.ms).collect()
}

/// The browser run of a collection.
pub fn find<'a>(runs: &'a [CollectionRun], m: &Measured) -> Option<&'a CollectionRun> {
    runs.iter().find(|c| c.name == m.collection.name)
}
