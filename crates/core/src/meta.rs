//! A document's metadata: the curator's `meta.toml`.
//!
//! Fields mirror the report forms the collection comes from (country, subject, dates, place
//! published ...) plus the archival record (document number, release date, rights, provenance).
//! Every field but `id` and `title` is optional: an unknown value is absent, never guessed.
//! Unknown keys are refused, so a misspelt field name is reported instead of silently ignored.
//! [`FIELDS`] is the table of these fields (name, label, shape, whether a program may read it
//! from the OCR) that every other part of the program goes through.

use crate::diagnostic::{Diagnostic, Position};
use serde::{Deserialize, Serialize};

mod fields;
pub use fields::{FIELDS, Field, FieldInfo, Kind, REQUIRED, Value, unknown as fields_unknown};

/// The metadata of one document, as written in `meta.toml` and carried into the catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Lowercase ASCII slug; equals the document's folder name.
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
    /// The agency that issued the document ("Central Intelligence Agency").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_published: Option<String>,
    /// As the form gives it: a date or a range such as "18 Sep - 23 Nov 1949".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_information: Option<String>,
    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_distributed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The page count the form states; the OCR's own count is in the catalog entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// ISO 8601, like `date_distributed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<String>,
    /// The fields above that a program extracted from the OCR rather than a person wrote,
    /// written by name; the reader is told these values may need checking.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extracted: Vec<Field>,
    /// Further OCR runs of the same scans, kept beside `ocr.txt` rather than thrown away.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternate_ocr: Vec<AlternateOcr>,
}

/// Another OCR run of the same document: a text file in the document folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternateOcr {
    /// File name inside the document folder, e.g. `ocr-2.txt`; pages separated by form feeds.
    pub file: String,
    /// Where this run comes from (engine, publisher, date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<String>,
}

impl Meta {
    /// Parses `meta.toml`. On failure the diagnostic points at the offending line and column.
    pub fn from_toml(path: &str, text: &str) -> Result<Meta, Diagnostic> {
        toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(Position::START, |span| Position::of(text, span.start));
            Diagnostic::error(path, at, sentence(e.message()))
        })
    }

    /// Writes the metadata back as TOML, fields in their declared order.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_else(|e| unreachable!("metadata always serializes: {e}"))
    }

    /// The dates in the order a reader wants them: when the information dates from, when it
    /// was published, when it was distributed.
    fn dates(&self) -> impl Iterator<Item = &String> {
        [&self.date_of_information, &self.date_published, &self.date_distributed]
            .into_iter()
            .flatten()
    }

    /// The document's date wherever one is shown (the library, the header, search results):
    /// the first of [`Meta::dates`] it has, as the form gives it.
    pub fn date(&self) -> Option<&str> {
        self.dates().next().map(String::as_str)
    }

    /// The first four-digit year (1800 to 2099) in the dates, in the same order, for the year
    /// filter.
    pub fn year(&self) -> Option<u16> {
        self.dates().find_map(|date| first_year(date))
    }
}

/// The first standalone four-digit number between 1800 and 2099 in `text`.
pub fn first_year(text: &str) -> Option<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<u16>().ok())
        .find(|year| (1800..2100).contains(year))
}

/// TOML's messages start in lower case and lack a full stop; ours are sentences.
fn sentence(message: &str) -> String {
    let message = message.trim();
    let mut chars = message.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_minimal_file() {
        let meta = Meta::from_toml("m.toml", "id = \"a\"\ntitle = \"A report\"\npages = 7\n");
        let meta = meta.expect("valid metadata");
        assert_eq!(meta.id, "a");
        assert_eq!(meta.pages, Some(7));
        assert_eq!(meta.country, None);
    }

    #[test]
    fn invalid_toml_points_at_line_and_column() {
        let err = Meta::from_toml("m.toml", "id = \"a\"\ntitle = = \"A\"\n").unwrap_err();
        assert_eq!((err.path.as_str(), err.line), ("m.toml", 2));
        assert!(err.column > 1, "{err}");
    }

    #[test]
    fn unknown_fields_are_refused_where_they_stand() {
        let err = Meta::from_toml("m.toml", "id = \"a\"\ntitle = \"A\"\ncontry = \"USSR\"\n");
        let err = err.unwrap_err();
        assert_eq!((err.line, err.column), (3, 1));
        assert!(err.message.contains("contry"), "{}", err.message);
    }

    #[test]
    fn ill_typed_fields_are_refused() {
        let err = Meta::from_toml("m.toml", "id = \"a\"\ntitle = \"A\"\npages = \"seven\"\n");
        assert_eq!(err.unwrap_err().line, 3);
    }

    #[test]
    fn round_trips_through_toml() {
        let meta = Meta {
            id: "x".into(),
            title: "T".into(),
            country: Some("USSR".into()),
            pages: Some(7),
            extracted: vec![Field::Country],
            alternate_ocr: vec![AlternateOcr { file: "ocr-2.txt".into(), provenance: None }],
            ..Meta::default()
        };
        assert_eq!(Meta::from_toml("m", &meta.to_toml()), Ok(meta));
    }

    #[test]
    fn the_date_is_the_information_date_then_published_then_distributed() {
        let mut meta = Meta { date_distributed: Some("1950-03-24".into()), ..Meta::default() };
        assert_eq!(meta.date(), Some("1950-03-24"));
        meta.date_published = Some("18 Sep - 23 Nov 1949".into());
        assert_eq!(meta.date(), Some("18 Sep - 23 Nov 1949"));
        meta.date_of_information = Some("1949".into());
        assert_eq!(meta.date(), Some("1949"));
    }

    #[test]
    fn year_comes_from_the_first_dated_field() {
        let meta = Meta {
            date_published: Some("18 Sep - 23 Nov 1949".into()),
            date_distributed: Some("1950-03-24".into()),
            ..Meta::default()
        };
        assert_eq!(meta.year(), Some(1949));
        assert_eq!(first_year("No. 24427 of 12345"), None);
    }
}
