//! CSL-JSON, the input of every Citation Style Language processor (citeproc-js, Zotero,
//! Pandoc): an array holding one item of type `report`. The agency is the `publisher` (CSL's
//! institution for a report), the collection the `archive`, and the document number both the
//! `number` and the `archive_location`: it is the record's identifier in the archive, and the
//! Chicago style prints a report's number only there;
//! `issued` is the document's ISO date (or its year), `available-date` the release date,
//! `accessed` the day the view was read, each as `date-parts`. The `note` gives the dates as
//! the record states them and which values are from the OCR. serde_json writes and escapes it.

use super::{Record, date_parts};
use crate::check::dates::is_iso_date;
use crate::meta::Field;
use serde_json::{Map, Value, json};

pub fn item(record: &Record) -> String {
    let mut item = Map::new();
    let mut put = |name: &str, value: Option<Value>| {
        if let Some(value) = value {
            item.insert(name.to_owned(), value);
        }
    };
    put("id", Some(json!(record.meta.id)));
    put("type", Some(json!("report")));
    put("title", Some(json!(record.title())));
    put("publisher", record.get(Field::Agency).map(Value::from));
    put("genre", Some(json!("Report")));
    put("number", record.get(Field::DocumentNumber).map(Value::from));
    let issued = record.iso_date().or_else(|| record.year().map(|year| year.to_string()));
    put("issued", issued.as_deref().map(date));
    let released = record.get(Field::ReleaseDate).filter(|date| is_iso_date(date));
    put("available-date", released.as_deref().map(date));
    put("page", record.context.pages.map(|pages| json!(pages.joined("-"))));
    put("archive", record.get(Field::Collection).map(Value::from));
    put("archive_location", record.get(Field::DocumentNumber).map(Value::from));
    put("URL", record.url().map(Value::from));
    put("accessed", record.accessed().map(date));
    let facts = record.facts();
    put("note", (!facts.is_empty()).then(|| json!(facts)));
    let items = Value::Array(vec![Value::Object(item)]);
    serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"
}

/// An ISO date as CSL's `date-parts`: `{"date-parts": [[1950, 3, 24]]}`.
fn date(iso: &str) -> Value {
    json!({ "date-parts": [date_parts(iso)] })
}
