//! The `search` part: for each collection, the index build (time, throughput, size), the query
//! mix natively (`readingroom search --bench-queries`) and in Chromium, and Pagefind on the
//! same collections in the same run, as the peer that every ratio is taken against.
//!
//! - [`collections`]: the default collection and the synthetic ones, generated or reused;
//! - [`queries`]: the query mix, drawn from each collection;
//! - [`native`]: `readingroom build` timed and sized, and the queries run natively;
//! - [`pagefind`]: Pagefind's index of the same collection;
//! - [`browser`]: both engines in headless Chromium behind xtask's server, and [`rounds`]:
//!   the rounds of fetches their queries take;
//! - [`module`]: the search module's size and make-up;
//! - [`growth`]: how the build's time and memory grow with the collection;
//! - [`render`], [`render_browser`], [`ratios`] and [`targets`] (with [`figures`] and
//!   [`why`], the reasons for a miss): the section of BENCHMARKS.md.

mod browser;
mod collections;
mod figures;
mod growth;
mod module;
mod native;
mod pagefind;
mod queries;
mod ratios;
mod render;
mod render_browser;
mod rounds;
mod targets;
mod why;

use super::{Args, Section, progress};
use crate::{dist, setup};
use collections::Collection;
use queries::{Kind, Query};
use std::path::PathBuf;

/// The `readingroom` CLI built for speed.
pub fn cli() -> PathBuf {
    crate::target().join("native/readingroom")
}

/// Everything measured of one collection outside the browser.
#[derive(Debug)]
pub struct Measured {
    pub collection: Collection,
    pub build: native::Build,
    pub queries: Vec<Query>,
    pub native: Vec<native::Timed>,
    pub pagefind: Option<pagefind::PagefindBuild>,
    /// For each fuzzy query, in order: the ids of every document Reading Room matches.
    pub fuzzy_ids: Vec<Vec<String>>,
}

pub fn run(args: &Args) -> anyhow::Result<Section> {
    setup::run()?;
    super::build_cli()?;
    progress("building the site (cargo xtask dist)");
    let dist = dist::run()?;
    let module = module::measure(&dist)?;
    let mut measured = Vec::new();
    for collection in collections::prepare(&args.sizes())? {
        measured.push(measure(collection, args)?);
    }
    let runs: Vec<(&Collection, &[Query], bool)> = measured
        .iter()
        .filter(|m| m.collection.docs <= args.browser_max)
        .map(|m| (&m.collection, m.queries.as_slice(), m.pagefind.is_some()))
        .collect();
    for m in measured.iter().filter(|m| m.collection.docs > args.browser_max) {
        progress(&format!(
            "{}: not in the browser above {} documents (--browser-max)",
            m.collection.name, args.browser_max
        ));
    }
    let browser = browser::run(&dist, &runs)?;
    let markdown = render::render(&measured, &browser, &module, args);
    Ok(Section { part: "search", markdown })
}

fn measure(collection: Collection, args: &Args) -> anyhow::Result<Measured> {
    let large = collection.docs >= 100_000;
    let build = native::build(&collection, if large { 1 } else { 3 })?;
    let queries = queries::mix(&collection)?;
    let native = native::queries(&collection, &queries, if large { 1 } else { 3 })?;
    let (pagefind, fuzzy_ids) = if collection.docs <= args.pagefind_max {
        // Pagefind takes minutes for 10 000 documents: one run there, three below.
        let runs = if collection.docs >= 10_000 { 1 } else { 3 };
        let pagefind = pagefind::build(&collection, runs)?;
        let mut ids = Vec::new();
        for (query, timed) in queries.iter().zip(&native).filter(|(q, _)| q.kind == Kind::Fuzzy) {
            ids.push(native::matching_ids(&collection, &query.text, timed.total)?);
        }
        (Some(pagefind), ids)
    } else {
        progress(&format!(
            "{}: no Pagefind above {} documents (--pagefind-max)",
            collection.name, args.pagefind_max
        ));
        (None, Vec::new())
    };
    Ok(Measured { collection, build, queries, native, pagefind, fuzzy_ids })
}
