//! The engine's replies to the app ([`Reply`]): files to load, a query's results, the marks of
//! a document, or what went wrong.

use super::{
    Object, Result, list, optional, tagged, to_f64, to_text, to_usize, usize_pair, variant,
};
use crate::search::format::PostingLayer;
use crate::search::highlight::{Mark, MarkedPage, PageMarks, PageTally, Presence, Tally};
use crate::search::results::{
    FacetCount, Facets, Hit, LayerHits, Reply, ResultDoc, ResultPage, SearchResults, Snippet,
    Variant,
};
use serde_json::Value;

/// Reads the JSON of a [`Reply`].
pub fn reply(text: &str) -> Result<Reply> {
    let (name, data) = tagged(super::parse(text)?)?;
    match name.as_str() {
        "need" => list(data, to_text).map(Reply::Need),
        "done" => results(data).map(Reply::Done),
        "marked" => marked_page(data).map(Reply::Marked),
        "query_error" => {
            let mut o = Object::of(data)?;
            let message = o.string("message");
            o.done(Reply::QueryError { message })
        }
        "damaged" => to_text(data).map(Reply::Damaged),
        _ => Err(format!("unknown variant `{name}`")),
    }
}

fn results(value: Value) -> Result<SearchResults> {
    let mut o = Object::of(value)?;
    let results = SearchResults {
        total: o.usize("total"),
        results: o.list("results", result),
        facets: o.get("facets", facets).unwrap_or_default(),
        variants: o.list("variants", variant_of_word),
    };
    o.done(results)
}

fn variant_of_word(value: Value) -> Result<Variant> {
    let mut o = Object::of(value)?;
    let variant = Variant {
        query: o.string("query"),
        term: o.string("term"),
        distance: f32(&mut o, "distance"),
        docs: o.u32("docs"),
    };
    o.done(variant)
}

/// A number serde wrote from an `f32`, read back as serde reads one: as an `f64`, narrowed.
fn f32(o: &mut Object, key: &str) -> f32 {
    o.get(key, to_f64).unwrap_or_default() as f32
}

fn result(value: Value) -> Result<ResultDoc> {
    let mut o = Object::of(value)?;
    let result = ResultDoc {
        id: o.string("id"),
        title: o.string("title"),
        date: o.opt_string("date"),
        score: f32(&mut o, "score"),
        layer_hits: o.get("layer_hits", layer_hits).unwrap_or_default(),
        pages: o.list("pages", result_page),
        hits: o.list("hits", hit),
        snippet: o.get("snippet", snippet).unwrap_or_default(),
    };
    o.done(result)
}

fn layer_hits(value: Value) -> Result<LayerHits> {
    let mut o = Object::of(value)?;
    let hits = LayerHits {
        ocr: o.u32("ocr"),
        corrected: o.u32("corrected"),
        furniture: o.u32("furniture"),
    };
    o.done(hits)
}

fn result_page(value: Value) -> Result<ResultPage> {
    let mut o = Object::of(value)?;
    let page = ResultPage { page: o.u32("page"), score: f32(&mut o, "score"), hits: o.u32("hits") };
    o.done(page)
}

fn hit(value: Value) -> Result<Hit> {
    let mut o = Object::of(value)?;
    let hit = Hit {
        page: o.u32("page"),
        layer: o.get("layer", layer).unwrap_or(PostingLayer::Ocr),
        start: o.usize("start"),
        end: o.usize("end"),
        matched: o.string("matched"),
        term: o.string("term"),
        fuzzy: o.bool("fuzzy"),
    };
    o.done(hit)
}

fn snippet(value: Value) -> Result<Snippet> {
    let mut o = Object::of(value)?;
    let snippet = Snippet {
        page: o.u32("page"),
        layer: o.get("layer", |v| optional(v, layer)).flatten(),
        text: o.string("text"),
        marks: o.list("marks", usize_pair),
    };
    o.done(snippet)
}

fn facets(value: Value) -> Result<Facets> {
    let mut o = Object::of(value)?;
    let facets = Facets {
        country: o.list("country", facet_count),
        subject: o.list("subject", facet_count),
        year: o.list("year", facet_count),
        collection: o.list("collection", facet_count),
        corrected: o.list("corrected", facet_count),
        quality: o.list("quality", facet_count),
    };
    o.done(facets)
}

fn facet_count(value: Value) -> Result<FacetCount> {
    let mut o = Object::of(value)?;
    let count = FacetCount { value: o.string("value"), count: o.u32("count") };
    o.done(count)
}

fn layer(value: Value) -> Result<PostingLayer> {
    variant(value, |name| match name {
        "ocr" => Some(PostingLayer::Ocr),
        "corrected" => Some(PostingLayer::Corrected),
        "furniture" => Some(PostingLayer::Furniture),
        _ => None,
    })
}

fn marked_page(value: Value) -> Result<MarkedPage> {
    let mut o = Object::of(value)?;
    let marked = MarkedPage {
        terms: o.list("terms", to_text),
        page: o.usize("page"),
        marks: o.get("marks", page_marks).unwrap_or_default(),
        tallies: o.list("tallies", page_tally),
    };
    o.done(marked)
}

fn page_tally(value: Value) -> Result<PageTally> {
    let mut o = Object::of(value)?;
    let tally = PageTally {
        ocr: o.get("ocr", tally).unwrap_or_default(),
        corrected: o.get("corrected", tally).unwrap_or_default(),
        runs: o.list("runs", tally),
    };
    o.done(tally)
}

fn tally(value: Value) -> Result<Tally> {
    match list(value, to_usize)?.as_slice() {
        &[marks, fuzzy, both, alone] => Ok(Tally { marks, fuzzy, both, alone }),
        _ => Err("expected four numbers".into()),
    }
}

fn page_marks(value: Value) -> Result<PageMarks> {
    let mut o = Object::of(value)?;
    let marks = PageMarks {
        ocr: o.list("ocr", mark),
        corrected: o.list("corrected", mark),
        runs: o.list("runs", |v| list(v, mark)),
        presence: o.list("presence", presence),
    };
    o.done(marks)
}

fn presence(value: Value) -> Result<Presence> {
    variant(value, |name| match name {
        "both" => Some(Presence::Both),
        "ocr_only" => Some(Presence::OcrOnly),
        "corrected_only" => Some(Presence::CorrectedOnly),
        _ => None,
    })
}

fn mark(value: Value) -> Result<Mark> {
    let mut o = Object::of(value)?;
    let mark = Mark {
        start: o.usize("start"),
        end: o.usize("end"),
        term: o.usize("term"),
        fuzzy: o.bool("fuzzy"),
        layer: o.get("layer", layer).unwrap_or(PostingLayer::Ocr),
    };
    o.done(mark)
}
