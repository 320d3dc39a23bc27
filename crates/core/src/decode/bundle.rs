//! The bundle's JSON: the catalog (with each document's metadata and quality) and a document's
//! data (its pages, their furniture and their Markdown trees).

use super::{FromJson, Object, Result, optional, tagged, to_f64, to_text, to_u32, to_u64, variant};
use crate::bundle::{AlternateRun, Catalog, CatalogEntry, DocumentData, Page};
use crate::compare::Metrics;
use crate::furniture::{Furniture, FurnitureKind};
use crate::markdown::{Kind, Node};
use crate::meta::{AlternateOcr, Field, Meta};
use crate::quality::{PageQuality, Quality};
use serde_json::Value;

/// Reads `catalog.json` (its checksum member, if any, is ignored here).
pub fn catalog(text: &str) -> Result<Catalog> {
    let mut o = Object::of(super::parse(text)?)?;
    let catalog = Catalog { format: o.u32("format"), documents: o.list("documents", entry) };
    o.done(catalog)
}

/// Reads a document's data file.
pub fn document_data(text: &str) -> Result<DocumentData> {
    let mut o = Object::of(super::parse(text)?)?;
    let data = DocumentData {
        id: o.string("id"),
        pages: o.list("pages", page),
        alternates: o.list("alternates", alternate_run),
    };
    o.done(data)
}

impl FromJson for DocumentData {
    fn from_json(text: &str) -> Result<DocumentData> {
        document_data(text)
    }
}

fn entry(value: Value) -> Result<CatalogEntry> {
    let mut o = Object::of(value)?;
    let entry = CatalogEntry {
        meta: o.get("meta", meta).unwrap_or_default(),
        pages: o.u32("pages"),
        year: o.get("year", |v| optional(v, year)).flatten(),
        has_corrected: o.bool("has_corrected"),
        data: o.string("data"),
        quality: o.get("quality", |v| optional(v, quality)).flatten(),
    };
    o.done(entry)
}

fn year(value: Value) -> Result<u16> {
    u16::try_from(to_u64(value)?).map_err(|_| "not a year".to_owned())
}

fn meta(value: Value) -> Result<Meta> {
    let mut o = Object::of(value)?;
    let meta = Meta {
        id: o.string("id"),
        title: o.string("title"),
        collection: o.opt_string("collection"),
        agency: o.opt_string("agency"),
        classification: o.opt_string("classification"),
        country: o.opt_string("country"),
        subject: o.opt_string("subject"),
        how_published: o.opt_string("how_published"),
        place_published: o.opt_string("place_published"),
        date_published: o.opt_string("date_published"),
        date_of_information: o.opt_string("date_of_information"),
        date_distributed: o.opt_string("date_distributed"),
        language: o.opt_string("language"),
        source: o.opt_string("source"),
        pages: o.get("pages", |v| optional(v, to_u32)).flatten(),
        document_number: o.opt_string("document_number"),
        release_date: o.opt_string("release_date"),
        rights: o.opt_string("rights"),
        provenance: o.opt_string("provenance"),
        extracted: o.list("extracted", field),
        alternate_ocr: o.list("alternate_ocr", alternate_ocr),
    };
    o.done(meta)
}

/// A field named in `extracted`; a name that is no field is damage, as serde would say.
fn field(value: Value) -> Result<Field> {
    let name = to_text(value)?;
    Field::named(&name).ok_or_else(|| crate::meta::fields_unknown(&name))
}

fn alternate_ocr(value: Value) -> Result<AlternateOcr> {
    let mut o = Object::of(value)?;
    let run = AlternateOcr { file: o.string("file"), provenance: o.opt_string("provenance") };
    o.done(run)
}

fn quality(value: Value) -> Result<Quality> {
    let mut o = Object::of(value)?;
    let metrics = o.get("metrics", metrics);
    let pages = o.list("pages", page_quality);
    // Metrics has no default: `None` here means its error is the one `done` returns.
    let quality = metrics.map(|metrics| Quality { metrics, pages });
    o.done(quality)?.ok_or_else(|| "metrics: missing".to_owned())
}

fn rate(o: &mut Object, key: &str) -> Option<f64> {
    o.get(key, |v| optional(v, to_f64)).flatten()
}

fn metrics(value: Value) -> Result<Metrics> {
    let mut o = Object::of(value)?;
    let metrics = Metrics {
        cer: rate(&mut o, "cer"),
        wer: rate(&mut o, "wer"),
        chars: o.usize("chars"),
        words: o.usize("words"),
        char_distance: o.usize("char_distance"),
        word_distance: o.usize("word_distance"),
        exact: o.bool("exact"),
    };
    o.done(metrics)
}

fn page_quality(value: Value) -> Result<PageQuality> {
    let mut o = Object::of(value)?;
    let page = PageQuality {
        page: o.u32("page"),
        cer: rate(&mut o, "cer"),
        wer: rate(&mut o, "wer"),
        chars: o.usize("chars"),
        words: o.usize("words"),
    };
    o.done(page)
}

fn page(value: Value) -> Result<Page> {
    let mut o = Object::of(value)?;
    let page = Page {
        ocr: o.string("ocr"),
        furniture: o.list("furniture", furniture),
        corrected: o.get("corrected", |v| optional(v, node)).flatten(),
    };
    o.done(page)
}

fn alternate_run(value: Value) -> Result<AlternateRun> {
    let mut o = Object::of(value)?;
    let run = AlternateRun {
        file: o.string("file"),
        provenance: o.opt_string("provenance"),
        pages: o.list("pages", to_text),
    };
    o.done(run)
}

fn furniture(value: Value) -> Result<Furniture> {
    let mut o = Object::of(value)?;
    let furniture = Furniture {
        kind: o.get("kind", furniture_kind).unwrap_or(FurnitureKind::Classification),
        start: o.usize("start"),
        end: o.usize("end"),
    };
    o.done(furniture)
}

fn furniture_kind(value: Value) -> Result<FurnitureKind> {
    variant(value, |name| {
        Some(match name {
            "classification" => FurnitureKind::Classification,
            "page_number" => FurnitureKind::PageNumber,
            "sanitization_code" => FurnitureKind::SanitizationCode,
            "release_line" => FurnitureKind::ReleaseLine,
            "archive_stamp" => FurnitureKind::ArchiveStamp,
            _ => return None,
        })
    })
}

fn node(value: Value) -> Result<Node> {
    let mut o = Object::of(value)?;
    let node = Node {
        kind: o.get("k", kind).unwrap_or(Kind::Root),
        text: o.opt_string("t").unwrap_or_default(),
        source: o.get("s", range).unwrap_or_default(),
        children: o.list("c", node),
    };
    o.done(node)
}

/// A byte range, as serde writes one: `{"start": a, "end": b}`.
pub(super) fn range(value: Value) -> Result<std::ops::Range<usize>> {
    let mut o = Object::of(value)?;
    let range = o.usize("start")..o.usize("end");
    o.done(range)
}

fn kind(value: Value) -> Result<Kind> {
    if value.is_string() {
        return variant(value, unit_kind);
    }
    let (name, data) = tagged(value)?;
    let mut o;
    let kind = match name.as_str() {
        "heading" => {
            let level = u8::try_from(to_u64(data)?).map_err(|_| "not a heading level")?;
            return Ok(Kind::Heading(level));
        }
        "list" => {
            o = Object::of(data)?;
            Kind::List { start: o.get("start", |v| optional(v, to_u64)).flatten() }
        }
        "link" => {
            o = Object::of(data)?;
            Kind::Link { href: o.opt_string("href") }
        }
        _ => return Err(format!("unknown variant `{name}`")),
    };
    o.done(kind)
}

fn unit_kind(name: &str) -> Option<Kind> {
    Some(match name {
        "root" => Kind::Root,
        "paragraph" => Kind::Paragraph,
        "quote" => Kind::Quote,
        "item" => Kind::Item,
        "code_block" => Kind::CodeBlock,
        "rule" => Kind::Rule,
        "table" => Kind::Table,
        "table_head" => Kind::TableHead,
        "table_row" => Kind::TableRow,
        "table_cell" => Kind::TableCell,
        "emphasis" => Kind::Emphasis,
        "strong" => Kind::Strong,
        "strike" => Kind::Strike,
        "image" => Kind::Image,
        "text" => Kind::Text,
        "code" => Kind::Code,
        "html" => Kind::Html,
        "soft_break" => Kind::SoftBreak,
        "hard_break" => Kind::HardBreak,
        _ => return None,
    })
}
