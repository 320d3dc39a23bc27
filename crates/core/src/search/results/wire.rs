//! The bytes a [`Request`] and a [`Reply`] cross the wasm edge as, between the app and the
//! search module.
//!
//! Both sides are Reading Room's own wasm built from this code, so the encoding carries no
//! names: each value is its fields in declaration order. A whole number is a LEB128 varint
//! (`format::varint`), a string its byte length then its UTF-8, a list its length then its
//! items, an `f32` its four bytes (little-endian, so a score comes back to the bit), a `bool` or
//! an `Option`'s presence one byte, an enum one byte for its variant. Through serde_json the
//! search module carried a JSON writer and the derived serializers of every reply type and the
//! request's deserializer; this is a fraction of that code on both sides, and a fraction of the
//! bytes to copy and read.
//!
//! A reader never fails early: a value it cannot read gives a default and marks the reader
//! damaged, and [`Reader::done`] turns that into the error. A reply's reader is then straight
//! code, with no early return that has to drop what was read before it.

use super::{
    FacetCount, Facets, Hit, LayerHits, Reply, Request, ResultDoc, ResultPage, SearchResults,
    Snippet, Variant,
};
use crate::search::format::PostingLayer;
use crate::search::format::varint;
use crate::search::highlight::{Mark, MarkedPage, PageMarks, PageTally, Presence, Tally};

impl Request {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        match self {
            Request::Search { query, limit, pages, brief } => {
                w.tag(0);
                w.str(query);
                w.usize(*limit);
                w.usize(*pages);
                w.bool(*brief);
            }
            Request::Highlight { query, document, page } => {
                w.tag(1);
                w.str(query);
                w.str(document);
                w.usize(*page);
            }
        }
        w.0
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Request, String> {
        let mut r = Reader::new(bytes);
        let request = match r.tag() {
            0 => Request::Search {
                query: r.string(),
                limit: r.uint(),
                pages: r.uint(),
                brief: r.bool(),
            },
            1 => Request::Highlight { query: r.string(), document: r.string(), page: r.uint() },
            _ => r.fail(Request::Search { query: String::new(), limit: 0, pages: 0, brief: false }),
        };
        r.done(request)
    }
}

impl Reply {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        match self {
            Reply::Need(files) => {
                w.tag(0);
                w.list(files, |w, file| w.str(file));
            }
            Reply::Done(results) => {
                w.tag(1);
                put_results(&mut w, results);
            }
            Reply::Marked(marked) => {
                w.tag(2);
                put_marked(&mut w, marked);
            }
            Reply::QueryError { message } => {
                w.tag(3);
                w.str(message);
            }
            Reply::Damaged(message) => {
                w.tag(4);
                w.str(message);
            }
        }
        w.0
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Reply, String> {
        let mut r = Reader::new(bytes);
        let reply = match r.tag() {
            0 => Reply::Need(r.list(Reader::string)),
            1 => Reply::Done(results(&mut r)),
            2 => Reply::Marked(marked(&mut r)),
            3 => Reply::QueryError { message: r.string() },
            4 => Reply::Damaged(r.string()),
            _ => r.fail(Reply::Need(Vec::new())),
        };
        r.done(reply)
    }
}

fn put_results(w: &mut Writer, results: &SearchResults) {
    w.usize(results.total);
    w.bool(results.estimated);
    w.list(&results.results, put_result);
    let facets = &results.facets;
    for list in [
        &facets.country,
        &facets.subject,
        &facets.year,
        &facets.collection,
        &facets.corrected,
        &facets.quality,
    ] {
        w.list(list, |w, count| {
            w.str(&count.value);
            w.uint(count.count.into());
        });
    }
    w.list(&results.variants, |w, variant| {
        w.str(&variant.query);
        w.str(&variant.term);
        w.f32(variant.distance);
        w.uint(variant.docs.into());
    });
}

fn results(r: &mut Reader) -> SearchResults {
    SearchResults {
        total: r.uint(),
        estimated: r.bool(),
        results: r.list(result),
        facets: Facets {
            country: r.list(facet_count),
            subject: r.list(facet_count),
            year: r.list(facet_count),
            collection: r.list(facet_count),
            corrected: r.list(facet_count),
            quality: r.list(facet_count),
        },
        variants: r.list(|r| Variant {
            query: r.string(),
            term: r.string(),
            distance: r.f32(),
            docs: r.uint(),
        }),
    }
}

fn facet_count(r: &mut Reader) -> FacetCount {
    FacetCount { value: r.string(), count: r.uint() }
}

fn put_result(w: &mut Writer, doc: &ResultDoc) {
    w.str(&doc.id);
    w.str(&doc.title);
    w.option(doc.date.as_ref(), |w, date| w.str(date));
    w.f32(doc.score);
    let hits = &doc.layer_hits;
    for count in [hits.ocr, hits.corrected, hits.furniture] {
        w.uint(count.into());
    }
    w.list(&doc.pages, |w, page| {
        w.uint(page.page.into());
        w.f32(page.score);
        w.uint(page.hits.into());
    });
    w.list(&doc.hits, |w, hit| {
        w.uint(hit.page.into());
        w.layer(hit.layer);
        w.usize(hit.start);
        w.usize(hit.end);
        w.str(&hit.matched);
        w.str(&hit.term);
        w.bool(hit.fuzzy);
    });
    let snippet = &doc.snippet;
    w.uint(snippet.page.into());
    w.option(snippet.layer, |w, layer| w.layer(layer));
    w.str(&snippet.text);
    w.list(&snippet.marks, |w, &(start, end)| {
        w.usize(start);
        w.usize(end);
    });
}

fn result(r: &mut Reader) -> ResultDoc {
    ResultDoc {
        id: r.string(),
        title: r.string(),
        date: r.option(Reader::string),
        score: r.f32(),
        layer_hits: LayerHits { ocr: r.uint(), corrected: r.uint(), furniture: r.uint() },
        pages: r.list(|r| ResultPage { page: r.uint(), score: r.f32(), hits: r.uint() }),
        hits: r.list(|r| Hit {
            page: r.uint(),
            layer: r.layer(),
            start: r.uint(),
            end: r.uint(),
            matched: r.string(),
            term: r.string(),
            fuzzy: r.bool(),
        }),
        snippet: Snippet {
            page: r.uint(),
            layer: r.option(Reader::layer),
            text: r.string(),
            marks: r.list(|r| (r.uint(), r.uint())),
        },
    }
}

fn put_marked(w: &mut Writer, marked: &MarkedPage) {
    w.list(&marked.terms, |w, term| w.str(term));
    w.usize(marked.page);
    let marks = &marked.marks;
    w.list(&marks.ocr, put_mark);
    w.list(&marks.corrected, put_mark);
    w.list(&marks.runs, |w, run| w.list(run, put_mark));
    w.list(&marks.presence, |w, presence| w.tag(*presence as u8));
    w.list(&marked.tallies, |w, tallies| {
        put_tally(w, &tallies.ocr);
        put_tally(w, &tallies.corrected);
        w.list(&tallies.runs, put_tally);
    });
}

fn marked(r: &mut Reader) -> MarkedPage {
    MarkedPage {
        terms: r.list(Reader::string),
        page: r.uint(),
        marks: PageMarks {
            ocr: r.list(mark),
            corrected: r.list(mark),
            runs: r.list(|r| r.list(mark)),
            presence: r.list(|r| match r.tag() {
                0 => Presence::Both,
                1 => Presence::OcrOnly,
                2 => Presence::CorrectedOnly,
                _ => r.fail(Presence::Both),
            }),
        },
        tallies: r.list(|r| PageTally { ocr: tally(r), corrected: tally(r), runs: r.list(tally) }),
    }
}

fn put_mark(w: &mut Writer, mark: &Mark) {
    w.usize(mark.start);
    w.usize(mark.end);
    w.usize(mark.term);
    w.bool(mark.fuzzy);
    w.layer(mark.layer);
}

fn mark(r: &mut Reader) -> Mark {
    Mark { start: r.uint(), end: r.uint(), term: r.uint(), fuzzy: r.bool(), layer: r.layer() }
}

fn put_tally(w: &mut Writer, tally: &Tally) {
    for count in [tally.marks, tally.fuzzy, tally.both, tally.alone] {
        w.usize(count);
    }
}

fn tally(r: &mut Reader) -> Tally {
    Tally { marks: r.uint(), fuzzy: r.uint(), both: r.uint(), alone: r.uint() }
}

/// Writes values one after another.
#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn tag(&mut self, tag: u8) {
        self.0.push(tag);
    }

    fn uint(&mut self, n: u64) {
        varint::put(&mut self.0, n);
    }

    fn usize(&mut self, n: usize) {
        self.uint(n as u64);
    }

    fn str(&mut self, text: &str) {
        self.usize(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn f32(&mut self, x: f32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }

    fn bool(&mut self, b: bool) {
        self.tag(u8::from(b));
    }

    fn layer(&mut self, layer: PostingLayer) {
        self.tag(layer as u8);
    }

    fn option<T>(&mut self, value: Option<T>, put: fn(&mut Writer, T)) {
        self.bool(value.is_some());
        if let Some(value) = value {
            put(self, value);
        }
    }

    fn list<T>(&mut self, items: &[T], put: fn(&mut Writer, &T)) {
        self.usize(items.len());
        for item in items {
            put(self, item);
        }
    }
}

/// Reads values one after another; past the first that cannot be read, every value is a
/// default and [`Reader::done`] fails.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    damaged: bool,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0, damaged: false }
    }

    /// Marks the reader damaged and gives `value` in place of what could not be read.
    fn fail<T>(&mut self, value: T) -> T {
        self.damaged = true;
        value
    }

    /// `value`, if every byte was read and made sense.
    fn done<T>(self, value: T) -> Result<T, String> {
        if self.damaged || self.at != self.bytes.len() {
            return Err(format!("the engine's message is damaged (at byte {})", self.at));
        }
        Ok(value)
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) if !self.damaged => {
                self.at += 1;
                b
            }
            _ => self.fail(0),
        }
    }

    fn tag(&mut self) -> u8 {
        self.byte()
    }

    fn bool(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => self.fail(false),
        }
    }

    fn uint<T: TryFrom<u64> + Default>(&mut self) -> T {
        let n = if self.damaged { None } else { varint::get(self.bytes, &mut self.at) };
        match n.and_then(|n| T::try_from(n).ok()) {
            Some(n) => n,
            None => self.fail(T::default()),
        }
    }

    fn take(&mut self, len: usize) -> &'a [u8] {
        match self.bytes.get(self.at..).and_then(|rest| rest.get(..len)) {
            Some(taken) if !self.damaged => {
                self.at += len;
                taken
            }
            _ => self.fail(&[]),
        }
    }

    fn string(&mut self) -> String {
        let len = self.uint();
        match std::str::from_utf8(self.take(len)) {
            Ok(text) => text.to_owned(),
            Err(_) => self.fail(String::new()),
        }
    }

    fn f32(&mut self) -> f32 {
        let bytes = self.take(4).try_into().unwrap_or([0; 4]);
        f32::from_le_bytes(bytes)
    }

    fn layer(&mut self) -> PostingLayer {
        let byte = self.byte();
        PostingLayer::from_byte(byte).unwrap_or_else(|| self.fail(PostingLayer::Ocr))
    }

    fn option<T>(&mut self, read: fn(&mut Reader<'a>) -> T) -> Option<T> {
        self.bool().then(|| read(self))
    }

    /// A list; a length beyond the bytes left (each item takes one at least) is damage, so a
    /// damaged length never reserves memory or loops long.
    fn list<T>(&mut self, read: fn(&mut Reader<'a>) -> T) -> Vec<T> {
        let len: usize = self.uint();
        if len > self.bytes.len() - self.at {
            return self.fail(Vec::new());
        }
        (0..len).map(|_| read(self)).collect()
    }
}

#[cfg(test)]
mod tests;
