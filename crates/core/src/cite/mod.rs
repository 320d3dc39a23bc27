//! Citations of a document or of a passage of it: Chicago (a note and a bibliography entry),
//! BibTeX, RIS and CSL-JSON, built from the document's [`Meta`] and the reader's [`Context`]
//! (the view's URL, the page or pages, the date accessed, the collection).
//!
//! Each format gives the same facts: the title, the issuing agency, the country, the dates
//! (of information, published, distributed), the document number, the release date, the
//! page or pages, the collection, the URL and the date accessed. Dates are given as the record
//! states them (`1950-03-24`, `18 Sep - 23 Nov 1949`), never reworded, and a format's structured
//! date fields carry the ISO ones as well. A value a program read from the OCR and no person
//! checked is never passed off as checked: every format says which of the cited values are
//! from the OCR, where the format allows a note (`note`, `N1`, `note`, a closing sentence).
//!
//! Each format is one module with one function, and escapes its values its own way: BibTeX's
//! special characters and braces, RIS's one line a tag, JSON through serde_json. [`request`]
//! is the browser's entry point: a catalog and a request in JSON, the text out.

mod bibtex;
mod chicago;
mod csl;
mod pages;
pub mod request;
mod ris;

pub use pages::Pages;

use crate::check::dates::is_iso_date;
use crate::meta::{Field, Meta};

/// The formats a citation is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The note and the bibliography entry, each on its own line, labelled.
    Chicago,
    ChicagoNote,
    ChicagoBibliography,
    Bibtex,
    Ris,
    CslJson,
}

impl Format {
    /// Every format with its name, as the CLI and the request spell it.
    pub const ALL: [(&'static str, Format); 6] = [
        ("chicago", Format::Chicago),
        ("chicago-note", Format::ChicagoNote),
        ("chicago-bibliography", Format::ChicagoBibliography),
        ("bibtex", Format::Bibtex),
        ("ris", Format::Ris),
        ("csl-json", Format::CslJson),
    ];

    /// The format named `name`, or a sentence listing the names.
    pub fn named(name: &str) -> Result<Format, String> {
        let found = Format::ALL.iter().find(|(known, _)| known.eq_ignore_ascii_case(name));
        found.map(|(_, format)| *format).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|(known, _)| *known).collect();
            format!("there is no citation format \"{name}\"; use one of {}", names.join(", "))
        })
    }
}

/// Where and when the reader cites from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// The URL of the view cited (a document, a page, a passage).
    pub url: Option<String>,
    /// The page or pages cited; the whole document when `None`.
    pub pages: Option<Pages>,
    /// The date the reader accessed the view, `YYYY-MM-DD`.
    pub accessed: Option<String>,
    /// The collection the document is cited from; the document's own `collection` when `None`.
    pub collection: Option<String>,
}

impl Context {
    /// Refuses an access date that is not a real `YYYY-MM-DD` and a URL with a line break.
    pub fn check(&self) -> Result<(), String> {
        if let Some(date) = &self.accessed
            && !(date.len() == 10 && is_iso_date(date))
        {
            return Err(format!(
                "the date accessed \"{date}\" is not a date; write it as YYYY-MM-DD, e.g. 2025-05-03"
            ));
        }
        if let Some(url) = &self.url
            && (url.trim().is_empty() || url.chars().any(char::is_whitespace))
        {
            return Err(format!("the URL \"{url}\" has spaces or line breaks; give it encoded"));
        }
        Ok(())
    }
}

/// The citation of the document `meta` in `format`.
pub fn cite(meta: &Meta, context: &Context, format: Format) -> String {
    let record = Record::new(meta, context);
    match format {
        Format::Chicago => format!(
            "Note: {}\nBibliography: {}\n",
            chicago::note(&record),
            chicago::bibliography(&record)
        ),
        Format::ChicagoNote => chicago::note(&record) + "\n",
        Format::ChicagoBibliography => chicago::bibliography(&record) + "\n",
        Format::Bibtex => bibtex::entry(&record),
        Format::Ris => ris::record(&record),
        Format::CslJson => csl::item(&record),
    }
}

/// The fields a citation gives, in the order the notes name them.
const CITED: [Field; 9] = [
    Field::Title,
    Field::Agency,
    Field::Country,
    Field::DateOfInformation,
    Field::DatePublished,
    Field::DateDistributed,
    Field::DocumentNumber,
    Field::ReleaseDate,
    Field::Collection,
];

/// The dates a citation gives, each with its field: the form's dates, then the release.
const DATES: [Field; 3] = [Field::DateOfInformation, Field::DatePublished, Field::DateDistributed];

/// What every format cites, its values cleaned once: whitespace (line breaks included) made
/// single spaces, so no value can break a format's line structure.
pub(crate) struct Record<'a> {
    pub meta: &'a Meta,
    pub context: &'a Context,
}

impl<'a> Record<'a> {
    fn new(meta: &'a Meta, context: &'a Context) -> Record<'a> {
        Record { meta, context }
    }

    /// A field's value, cleaned; the context's collection stands before the document's.
    pub fn get(&self, field: Field) -> Option<String> {
        if field == Field::Collection
            && let Some(collection) = &self.context.collection
        {
            return Some(clean(collection)).filter(|c| !c.is_empty());
        }
        let value = self.meta.value(field)?.to_string();
        Some(clean(&value)).filter(|value| !value.is_empty())
    }

    pub fn title(&self) -> String {
        self.get(Field::Title).unwrap_or_else(|| self.meta.id.clone())
    }

    /// The form's dates this document has, each with its field.
    pub fn dates(&self) -> Vec<(Field, String)> {
        DATES.iter().filter_map(|&field| self.get(field).map(|date| (field, date))).collect()
    }

    /// The document's own ISO date (distributed), for a format's structured date field.
    pub fn iso_date(&self) -> Option<String> {
        self.get(Field::DateDistributed).filter(|date| is_iso_date(date))
    }

    /// The year to file the document under: the ISO date's, else the first the dates name.
    pub fn year(&self) -> Option<u16> {
        self.iso_date().and_then(|date| crate::meta::first_year(&date)).or_else(|| self.meta.year())
    }

    pub fn url(&self) -> Option<String> {
        self.context.url.as_deref().map(clean)
    }

    pub fn accessed(&self) -> Option<&str> {
        self.context.accessed.as_deref()
    }

    /// The sentence naming the cited values a program read from the OCR, if any.
    pub fn unchecked(&self) -> Option<String> {
        let from_ocr: Vec<String> = CITED
            .iter()
            .filter(|&&field| self.meta.is_extracted(field) && self.get(field).is_some())
            .map(|field| field.label().to_lowercase())
            .collect();
        if from_ocr.is_empty() {
            return None;
        }
        Some(format!(
            "Read from the OCR by a program, not checked by a person: {}.",
            from_ocr.join(", ")
        ))
    }

    /// The document's facts a format has no field of its own for, as sentences: the country,
    /// the dates, the release date and the collection, then [`Record::unchecked`].
    pub fn facts(&self) -> String {
        let mut facts: Vec<String> = Vec::new();
        let mut fact = |field: Field| {
            if let Some(value) = self.get(field) {
                facts.push(format!("{}: {value}.", field.label()));
            }
        };
        fact(Field::Country);
        DATES.into_iter().for_each(&mut fact);
        fact(Field::ReleaseDate);
        fact(Field::Collection);
        facts.extend(self.unchecked());
        facts.join(" ")
    }
}

/// `text` with every run of whitespace (tabs and line breaks too) made one space, trimmed.
pub(crate) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The parts of an ISO date, for the formats that structure dates.
pub(crate) fn date_parts(date: &str) -> Vec<u32> {
    date.split('-').filter_map(|part| part.parse().ok()).collect()
}

#[cfg(test)]
mod tests;
