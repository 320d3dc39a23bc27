//! Report metadata read from the forms in the OCR, to fill what a curator has not written.
//!
//! The collection's reports carry their metadata on printed forms: the FDD form of the CREST
//! reports (COUNTRY, SUBJECT, HOW PUBLISHED, WHERE PUBLISHED, DATE PUBLISHED, LANGUAGE, DATE OF
//! INFORMATION, DATE DIST., NO. OF PAGES, SOURCE), the CIA information report form of the JFK
//! records (COUNTRY, SUBJECT, DATE DISTR, DATE OF INFO, NO. PAGES, SOURCE ...), memoranda
//! (SUBJECT:), and the NARA identification form that opens each JFK record (RECORD NUMBER,
//! TITLE, DATE, PAGES, SUBJECTS ...). OCR splits labels from values, reads forms column by
//! column, misspells labels and sprinkles specks; the modules `labels`, `lines` and `form` read
//! through that, and `values` and `kinds` refuse what a field cannot hold, so that a misread
//! value is `None`, not garbage.
//!
//! # Field mapping
//!
//! Each label's *first* occurrence in the document decides its value, even when that value is
//! unreadable: a later form in a bundle of reports describes another report, and a value taken
//! from it would be a guess. Where several labels state different facts that can stand in for
//! one another (DATE DISTR, DATE OF REPORT, NARA DATE), the first of them in this order that the
//! document has at all decides; an unreadable DATE DISTR is not replaced by another date. The
//! three sources of a document number state the same fact, so the first readable one wins.
//!
//! | field                 | from                                                             |
//! |-----------------------|------------------------------------------------------------------|
//! | `title`               | NARA TITLE; without one, the capitals headline after the first   |
//! |                       | form (`LOCAL PARTY INSTRUCTORS HIT NONPOLITICAL ABSIGNMENTS`)    |
//! | `classification`      | the stamp (SECRET, CONFIDENTIAL ...) most often on the pages     |
//! | `country`             | COUNTRY                                                          |
//! | `subject`             | SUBJECT (report form or memorandum); else NARA SUBJECTS          |
//! | `how_published`       | HOW PUBLISHED                                                    |
//! | `place_published`     | WHERE PUBLISHED                                                  |
//! | `date_published`      | DATE PUBLISHED, as written (`18 Sep - 23 Nov 1949`)              |
//! | `date_of_information` | DATE OF INFORMATION / DATE OF INFO., as written                  |
//! | `date_distributed`    | DATE DIST(R).; else DATE OF REPORT; else NARA DATE; all as ISO   |
//! | `language`            | LANGUAGE                                                         |
//! | `source`              | SOURCE (the newspaper, or the informant's description)           |
//! | `pages`               | NARA PAGES (the whole record); else NO. (OF) PAGES               |
//! | `document_number`     | NARA RECORD NUMBER; else the record number on the first lines;   |
//! |                       | else the CIA-RDP number of the CREST sanitization line           |
//! | `release_date`        | the date of the CREST sanitization line; else the year of the    |
//! |                       | JFK release banner (`2025`)                                      |
//!
//! The NARA DATE is the date the record bears, which on these reports is the date of
//! distribution (`4/20/1963` beside `DATE DISTR. 20 APRIL 1963`), so it stands in for DATE DISTR
//! when the record has no report form that states one. Values are kept as read
//! (`Karakhstanskaya Pravda`, capitals as typed); only specks and a trailing full stop are
//! removed, and accents in place names are folded (`Alma-Atà` is `Alma-Ata`).

mod dates;
mod form;
mod kinds;
mod labels;
mod lines;
mod release;
mod values;

pub use dates::iso_date;

use crate::furniture::{FurnitureKind, stamp_word};
use crate::meta::{FIELDS, Field, Meta, Value};
use labels::Slot;
use lines::{Kind, Line};
use serde::Serialize;

/// The metadata a report's forms state, as far as the OCR lets it be read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportFields {
    pub title: Option<String>,
    pub classification: Option<String>,
    pub country: Option<String>,
    pub subject: Option<String>,
    pub how_published: Option<String>,
    pub place_published: Option<String>,
    pub date_published: Option<String>,
    pub date_of_information: Option<String>,
    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date_distributed: Option<String>,
    pub language: Option<String>,
    pub source: Option<String>,
    pub pages: Option<u32>,
    pub document_number: Option<String>,
    /// ISO 8601, like `date_distributed`.
    pub release_date: Option<String>,
}

/// Reads the report metadata from the OCR of a document, one text per page.
pub fn extract(pages: &[&str]) -> ReportFields {
    let lines: Vec<Vec<Line<'_>>> = pages.iter().map(|page| lines::read_page(page)).collect();
    let reading = form::read(&lines);
    // The first occurrence of the first of `slots` that the document has decides the value.
    let first = |slots: &[Slot]| {
        let decisive =
            slots.iter().find_map(|&slot| reading.occurrences.iter().find(|o| o.slot == slot));
        decisive.and_then(|o| o.value.clone())
    };
    let has_title = reading.occurrences.iter().any(|o| o.slot == Slot::NaraTitle);
    let release = release_lines(&lines);
    ReportFields {
        title: if has_title {
            first(&[Slot::NaraTitle])
        } else {
            reading.headline.clone().flatten()
        },
        classification: classification(&lines),
        country: first(&[Slot::Country]),
        subject: first(&[Slot::Subject, Slot::NaraSubjects]),
        how_published: first(&[Slot::HowPublished]),
        place_published: first(&[Slot::PlacePublished]),
        date_published: first(&[Slot::DatePublished]),
        date_of_information: first(&[Slot::DateOfInformation]),
        date_distributed: first(&[Slot::DateDistributed, Slot::DateOfReport, Slot::NaraDate]),
        language: first(&[Slot::Language]),
        source: first(&[Slot::Source]),
        pages: first(&[Slot::NaraPages, Slot::Pages]).and_then(|n| n.parse().ok()),
        document_number: first(&[Slot::NaraRecordNumber])
            .or_else(|| opening_record_number(&lines))
            .or_else(|| release.iter().find_map(|line| release::crest_number(line))),
        release_date: release
            .iter()
            .find_map(|line| release::crest_release_date(line))
            .or_else(|| release.iter().find_map(|line| release::nara_release_year(line))),
    }
}

impl ReportFields {
    /// The value read for `field`, if the forms state it (see [`crate::meta::FIELDS`]: the
    /// fields marked extractable are the ones this has).
    pub fn value(&self, field: Field) -> Option<Value<'_>> {
        fn text(value: &Option<String>) -> Option<Value<'_>> {
            value.as_deref().map(Value::Text)
        }
        match field {
            Field::Title => text(&self.title),
            Field::Classification => text(&self.classification),
            Field::Country => text(&self.country),
            Field::Subject => text(&self.subject),
            Field::HowPublished => text(&self.how_published),
            Field::PlacePublished => text(&self.place_published),
            Field::DatePublished => text(&self.date_published),
            Field::DateOfInformation => text(&self.date_of_information),
            Field::DateDistributed => text(&self.date_distributed),
            Field::Language => text(&self.language),
            Field::Source => text(&self.source),
            Field::Pages => self.pages.map(Value::Count),
            Field::DocumentNumber => text(&self.document_number),
            Field::ReleaseDate => text(&self.release_date),
            Field::Id
            | Field::Collection
            | Field::Agency
            | Field::Rights
            | Field::Provenance
            | Field::Extracted
            | Field::AlternateOcr => None,
        }
    }

    /// Fills every extractable field of `meta` that has no value (a blank title counts as
    /// none) from self, in the table's order, and records each filled field in
    /// `meta.extracted`. Never overwrites a value a person wrote.
    pub fn apply_to(&self, meta: &mut Meta) {
        for field in FIELDS.iter().filter(|info| info.extractable).map(|info| info.field) {
            if meta.value(field).is_some() {
                continue;
            }
            if let Some(value) = self.value(field) {
                meta.set(field, value);
                if !meta.is_extracted(field) {
                    meta.extracted.push(field);
                }
            }
        }
    }
}

/// The classification stamped most often (ties go to the earliest); the box label
/// `CLASSIFICATION` states no level and is not counted.
fn classification(pages: &[Vec<Line<'_>>]) -> Option<String> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    let stamps =
        pages.iter().flatten().filter(|line| line.furniture == Some(FurnitureKind::Classification));
    for word in stamps.filter_map(|line| stamp_word(line.text)).filter(|w| *w != "CLASSIFICATION") {
        match counts.iter_mut().find(|(seen, _)| *seen == word) {
            Some((_, count)) => *count += 1,
            None => counts.push((word, 1)),
        }
    }
    let most = counts.iter().map(|(_, count)| *count).max()?;
    counts.iter().find(|(_, count)| *count == most).map(|(word, _)| (*word).to_owned())
}

/// The release lines of the document, in order.
fn release_lines<'a>(pages: &[Vec<Line<'a>>]) -> Vec<&'a str> {
    let release = Some(FurnitureKind::ReleaseLine);
    pages.iter().flatten().filter(|line| line.furniture == release).map(|line| line.text).collect()
}

/// A NARA record number on one of the first four lines of the first page, where the banner is.
fn opening_record_number(pages: &[Vec<Line<'_>>]) -> Option<String> {
    let first_page = pages.first()?;
    let opening = first_page.iter().filter(|line| line.kind != Kind::Blank).take(4);
    opening.map(|line| line.text).find_map(release::record_number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read() -> ReportFields {
        ReportFields {
            title: Some("LOCAL PARTY INSTRUCTORS".into()),
            country: Some("USSR".into()),
            pages: Some(7),
            release_date: Some("2011-09-20".into()),
            ..ReportFields::default()
        }
    }

    #[test]
    fn applying_fills_only_missing_fields_and_names_them() {
        let mut meta = Meta {
            id: "x".into(),
            title: "Local Party Instructors".into(),
            country: Some("Soviet Union".into()),
            ..Meta::default()
        };
        read().apply_to(&mut meta);
        assert_eq!(meta.title, "Local Party Instructors");
        assert_eq!(meta.country.as_deref(), Some("Soviet Union"));
        assert_eq!(meta.pages, Some(7));
        assert_eq!(meta.release_date.as_deref(), Some("2011-09-20"));
        assert_eq!(meta.extracted, vec!["pages", "release_date"]);
    }

    #[test]
    fn an_empty_title_is_filled_and_named() {
        let mut meta = Meta { id: "x".into(), title: "  ".into(), ..Meta::default() };
        read().apply_to(&mut meta);
        assert_eq!(meta.title, "LOCAL PARTY INSTRUCTORS");
        assert_eq!(meta.extracted, vec!["title", "country", "pages", "release_date"]);
    }

    #[test]
    fn applying_twice_changes_nothing_more() {
        let mut meta = Meta { id: "x".into(), extracted: vec![Field::Pages], ..Meta::default() };
        read().apply_to(&mut meta);
        let once = meta.clone();
        read().apply_to(&mut meta);
        assert_eq!(meta, once);
        assert_eq!(meta.extracted, vec!["pages", "title", "country", "release_date"]);
    }

    #[test]
    fn nothing_is_read_from_nothing() {
        assert_eq!(extract(&[]), ReportFields::default());
        assert_eq!(extract(&["", "\n\n"]), ReportFields::default());
    }

    #[test]
    fn a_column_of_labels_gives_each_value_its_label() {
        let page = "COUNTRY\n\nSUBJECT\n\nUSSR\n\nPolitical - Local Party functions\n\nLANGUAGE\n\nSOURCE\n\nPravda.\n";
        let fields = extract(&[page]);
        assert_eq!(fields.country.as_deref(), Some("USSR"));
        assert_eq!(fields.subject.as_deref(), Some("Political - Local Party functions"));
        assert_eq!(fields.language, None);
        assert_eq!(fields.source.as_deref(), Some("Pravda"));
    }

    #[test]
    fn a_sentence_that_starts_with_a_label_word_is_not_a_form() {
        let page =
            "Subject advised that the newspaper was closed.\n\nThe source of this was a friend.\n";
        assert_eq!(extract(&[page]), ReportFields::default());
    }
}

#[cfg(test)]
mod table {
    use super::*;

    #[test]
    fn the_forms_state_exactly_the_extractable_fields() {
        let all = ReportFields {
            title: Some("t".into()),
            classification: Some("t".into()),
            country: Some("t".into()),
            subject: Some("t".into()),
            how_published: Some("t".into()),
            place_published: Some("t".into()),
            date_published: Some("t".into()),
            date_of_information: Some("t".into()),
            date_distributed: Some("t".into()),
            language: Some("t".into()),
            source: Some("t".into()),
            pages: Some(1),
            document_number: Some("t".into()),
            release_date: Some("t".into()),
        };
        for info in FIELDS {
            assert_eq!(all.value(info.field).is_some(), info.extractable, "{info:?}");
        }
    }
}
