//! Every metadata field, once: its name in `meta.toml` and the catalog, the label a reader
//! sees, the shape of its value, and whether the program may read it from the OCR.
//!
//! The check of `meta.toml`, the extraction from the forms, the app's header, `readingroom
//! show` and the citations all go through [`FIELDS`], so a field is added or renamed here and
//! nowhere else; a test holds the table to [`Meta`]'s own serde names and order. A field is a
//! [`Field`], never a string: `Meta::extracted` lists fields, and is written as their names,
//! so the JSON and the TOML read as they always have.

use super::Meta;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A field of [`Meta`], in its declared order (the order of `meta.toml` and of [`FIELDS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    Title,
    Collection,
    Agency,
    Classification,
    Country,
    Subject,
    HowPublished,
    PlacePublished,
    DatePublished,
    DateOfInformation,
    DateDistributed,
    Language,
    Source,
    Pages,
    DocumentNumber,
    ReleaseDate,
    Rights,
    Provenance,
    Extracted,
    AlternateOcr,
}

/// The shape a field's value must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    IsoDate,
    /// A date as the form gives it, with its year: "18 Sep - 23 Nov 1949".
    FreeDate,
    /// A positive whole number.
    Count,
    /// A list of field names.
    Fields,
    /// A list of further OCR runs (tables with `file` and `provenance`).
    Runs,
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo {
    pub field: Field,
    /// The key in `meta.toml` and in the catalog's JSON.
    pub name: &'static str,
    /// What a reader sees beside the value.
    pub label: &'static str,
    pub kind: Kind,
    /// Whether `readingroom import` may fill it from the OCR (see [`crate::extract`]).
    pub extractable: bool,
}

const fn row(
    field: Field,
    name: &'static str,
    label: &'static str,
    kind: Kind,
    extractable: bool,
) -> FieldInfo {
    FieldInfo { field, name, label, kind, extractable }
}

/// Every field, in [`Field`]'s order (so `FIELDS[field as usize]` is its row).
pub const FIELDS: [FieldInfo; 21] = [
    row(Field::Id, "id", "Identifier", Kind::Text, false),
    row(Field::Title, "title", "Title", Kind::Text, true),
    row(Field::Collection, "collection", "Collection", Kind::Text, false),
    row(Field::Agency, "agency", "Issuing agency", Kind::Text, false),
    row(Field::Classification, "classification", "Classification", Kind::Text, true),
    row(Field::Country, "country", "Country", Kind::Text, true),
    row(Field::Subject, "subject", "Subject", Kind::Text, true),
    row(Field::HowPublished, "how_published", "How published", Kind::Text, true),
    row(Field::PlacePublished, "place_published", "Place published", Kind::Text, true),
    row(Field::DatePublished, "date_published", "Date published", Kind::FreeDate, true),
    row(
        Field::DateOfInformation,
        "date_of_information",
        "Date of information",
        Kind::FreeDate,
        true,
    ),
    row(Field::DateDistributed, "date_distributed", "Date distributed", Kind::IsoDate, true),
    row(Field::Language, "language", "Language", Kind::Text, true),
    row(Field::Source, "source", "Source", Kind::Text, true),
    row(Field::Pages, "pages", "Pages", Kind::Count, true),
    row(Field::DocumentNumber, "document_number", "Document number", Kind::Text, true),
    row(Field::ReleaseDate, "release_date", "Release date", Kind::IsoDate, true),
    row(Field::Rights, "rights", "Rights", Kind::Text, false),
    row(Field::Provenance, "provenance", "Provenance", Kind::Text, false),
    row(Field::Extracted, "extracted", "Read from the OCR", Kind::Fields, false),
    row(Field::AlternateOcr, "alternate_ocr", "Further OCR runs", Kind::Runs, false),
];

/// The fields every `meta.toml` must have.
pub const REQUIRED: [Field; 2] = [Field::Id, Field::Title];

impl Field {
    pub fn info(self) -> &'static FieldInfo {
        &FIELDS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// The field whose name is `name`, as `meta.toml` spells it.
    pub fn named(name: &str) -> Option<Field> {
        FIELDS.iter().find(|info| info.name == name).map(|info| info.field)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A field compares equal to its name, so a list of fields reads against a list of names.
impl PartialEq<&str> for Field {
    fn eq(&self, name: &&str) -> bool {
        self.name() == *name
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Field::named(&name).ok_or_else(|| de::Error::custom(unknown(&name)))
    }
}

/// The sentence for a name that is no field.
pub fn unknown(name: &str) -> String {
    format!("`{name}` is not a metadata field")
}

/// A field's value, as the reader and the citations see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    Text(&'a str),
    Count(u32),
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(text) => f.write_str(text),
            Value::Count(n) => write!(f, "{n}"),
        }
    }
}

impl Meta {
    /// The value of a single-valued field, `None` where it is absent (a blank title too).
    /// The two list fields, `extracted` and `alternate_ocr`, have none here.
    pub fn value(&self, field: Field) -> Option<Value<'_>> {
        match field {
            Field::Id => Some(Value::Text(&self.id)),
            Field::Title => (!self.title.trim().is_empty()).then_some(Value::Text(&self.title)),
            Field::Pages => self.pages.map(Value::Count),
            Field::Extracted | Field::AlternateOcr => None,
            other => self.text_field(other).and_then(|value| value.as_deref()).map(Value::Text),
        }
    }

    /// Sets a single-valued field to `value` (a value of the wrong shape is ignored).
    pub(crate) fn set(&mut self, field: Field, value: Value<'_>) {
        match (field, value) {
            (Field::Id, Value::Text(text)) => text.clone_into(&mut self.id),
            (Field::Title, Value::Text(text)) => text.clone_into(&mut self.title),
            (Field::Pages, Value::Count(n)) => self.pages = Some(n),
            (field, Value::Text(text)) => {
                if let Some(slot) = self.text_field_mut(field) {
                    *slot = Some(text.to_owned());
                }
            }
            (_, Value::Count(_)) => {}
        }
    }

    /// Whether a program read `field` from the OCR and no person has checked it.
    pub fn is_extracted(&self, field: Field) -> bool {
        self.extracted.contains(&field)
    }

    fn text_field(&self, field: Field) -> Option<&Option<String>> {
        Some(match field {
            Field::Collection => &self.collection,
            Field::Agency => &self.agency,
            Field::Classification => &self.classification,
            Field::Country => &self.country,
            Field::Subject => &self.subject,
            Field::HowPublished => &self.how_published,
            Field::PlacePublished => &self.place_published,
            Field::DatePublished => &self.date_published,
            Field::DateOfInformation => &self.date_of_information,
            Field::DateDistributed => &self.date_distributed,
            Field::Language => &self.language,
            Field::Source => &self.source,
            Field::DocumentNumber => &self.document_number,
            Field::ReleaseDate => &self.release_date,
            Field::Rights => &self.rights,
            Field::Provenance => &self.provenance,
            Field::Id | Field::Title | Field::Pages | Field::Extracted | Field::AlternateOcr => {
                return None;
            }
        })
    }

    fn text_field_mut(&mut self, field: Field) -> Option<&mut Option<String>> {
        Some(match field {
            Field::Collection => &mut self.collection,
            Field::Agency => &mut self.agency,
            Field::Classification => &mut self.classification,
            Field::Country => &mut self.country,
            Field::Subject => &mut self.subject,
            Field::HowPublished => &mut self.how_published,
            Field::PlacePublished => &mut self.place_published,
            Field::DatePublished => &mut self.date_published,
            Field::DateOfInformation => &mut self.date_of_information,
            Field::DateDistributed => &mut self.date_distributed,
            Field::Language => &mut self.language,
            Field::Source => &mut self.source,
            Field::DocumentNumber => &mut self.document_number,
            Field::ReleaseDate => &mut self.release_date,
            Field::Rights => &mut self.rights,
            Field::Provenance => &mut self.provenance,
            Field::Id | Field::Title | Field::Pages | Field::Extracted | Field::AlternateOcr => {
                return None;
            }
        })
    }
}

#[cfg(test)]
mod tests;
