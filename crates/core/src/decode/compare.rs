//! The compare module's replies to the app ([`Reply`]): a compared page, every page's figures,
//! or what went wrong.

use super::bundle::range;
use super::{Object, Result, list, optional, tagged, to_f64, to_text, variant};
use crate::compare::Metrics;
use crate::compare::corrections::{Counts, Kind};
use crate::compare::view::{Block, BlockStyle, Change, DocumentFigures, PageComparison, Reply};
use serde_json::Value;

/// Reads the JSON of a compare [`Reply`].
pub fn compare_reply(text: &str) -> Result<Reply> {
    let (name, data) = tagged(super::parse(text)?)?;
    match name.as_str() {
        "page" => page(data).map(|page| Reply::Page(Box::new(page))),
        "figures" => list(data, metrics).map(|pages| Reply::Figures(DocumentFigures { pages })),
        "failed" => to_text(data).map(Reply::Failed),
        _ => Err(format!("unknown variant `{name}`")),
    }
}

fn page(value: Value) -> Result<PageComparison> {
    let mut o = Object::of(value)?;
    let page = PageComparison {
        page: o.usize("page"),
        metrics: o.get("metrics", metrics).unwrap_or_else(metrics_default),
        counts: o.get("counts", counts).unwrap_or_default(),
        summary: o.string("summary"),
        not_errors: o.string("not_errors"),
        corrections: o.list("corrections", change),
        text: o.string("text"),
        blocks: o.list("blocks", block),
    };
    o.done(page)
}

fn metrics_default() -> Metrics {
    Metrics {
        cer: None,
        wer: None,
        chars: 0,
        words: 0,
        char_distance: 0,
        word_distance: 0,
        exact: true,
    }
}

fn metrics(value: Value) -> Result<Metrics> {
    let mut o = Object::of(value)?;
    let metrics = Metrics {
        cer: o.get("cer", |v| optional(v, to_f64)).flatten(),
        wer: o.get("wer", |v| optional(v, to_f64)).flatten(),
        chars: o.usize("chars"),
        words: o.usize("words"),
        char_distance: o.usize("char_distance"),
        word_distance: o.usize("word_distance"),
        exact: o.bool("exact"),
    };
    o.done(metrics)
}

fn counts(value: Value) -> Result<Counts> {
    let mut o = Object::of(value)?;
    let counts = Counts {
        substitutions: o.usize("substitutions"),
        insertions: o.usize("insertions"),
        deletions: o.usize("deletions"),
        words_joined: o.usize("words_joined"),
        words_split: o.usize("words_split"),
        furniture: o.usize("furniture"),
        layout: o.usize("layout"),
        confusions: o.usize("confusions"),
    };
    o.done(counts)
}

fn change(value: Value) -> Result<Change> {
    let mut o = Object::of(value)?;
    let change = Change {
        kind: o.get("kind", kind).unwrap_or(Kind::Substitution),
        ocr: o.get("ocr", range).unwrap_or_default(),
        text: o.get("text", range).unwrap_or_default(),
        row: o.usize("row"),
        note: o.string("note"),
    };
    o.done(change)
}

fn kind(value: Value) -> Result<Kind> {
    variant(value, |name| match name {
        "substitution" => Some(Kind::Substitution),
        "insertion" => Some(Kind::Insertion),
        "deletion" => Some(Kind::Deletion),
        "words_joined" => Some(Kind::WordsJoined),
        "word_split" => Some(Kind::WordSplit),
        "furniture" => Some(Kind::Furniture),
        "layout" => Some(Kind::Layout),
        _ => None,
    })
}

fn block(value: Value) -> Result<Block> {
    let mut o = Object::of(value)?;
    let block = Block {
        ocr: o.get("ocr", range).unwrap_or_default(),
        text: o.get("text", range).unwrap_or_default(),
        style: o.get("style", style).unwrap_or_default(),
    };
    o.done(block)
}

fn style(value: Value) -> Result<BlockStyle> {
    variant(value, |name| match name {
        "paragraph" => Some(BlockStyle::Paragraph),
        "heading" => Some(BlockStyle::Heading),
        "item" => Some(BlockStyle::Item),
        "quote" => Some(BlockStyle::Quote),
        "code" => Some(BlockStyle::Code),
        _ => None,
    })
}
