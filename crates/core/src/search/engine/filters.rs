//! The query's field filters over the document table: country, subject, collection, year,
//! transcription and OCR quality.

use super::Index;
use crate::search::format::table::DocRow;
use crate::search::query::Filter;

pub(super) use crate::search::facets::Field;

/// The query's field filters: several filters on one field are alternatives (a reader ticking
/// two countries wants either), different fields must all hold.
pub(super) struct Filters {
    country: Option<Vec<u32>>,
    subject: Option<Vec<u32>>,
    collection: Option<Vec<u32>>,
    years: Vec<(u16, u16)>,
    corrected: Option<bool>,
    quality: Vec<crate::quality::Band>,
}

/// The codes (index + 1) of the names whose words include all the words of some value.
fn codes(index: &Index, names: &[String], values: &[&String]) -> Option<Vec<u32>> {
    if values.is_empty() {
        return None;
    }
    let words = |s: &str| index.words(s);
    let wanted: Vec<Vec<String>> = values.iter().map(|v| words(v)).collect();
    Some(
        names
            .iter()
            .enumerate()
            .filter(|(_, name)| {
                let have = words(name);
                wanted.iter().any(|want| !want.is_empty() && want.iter().all(|w| have.contains(w)))
            })
            .map(|(i, _)| i as u32 + 1)
            .collect(),
    )
}

impl Filters {
    pub fn new(index: &Index, filters: &[Filter]) -> Filters {
        let values = |pick: fn(&Filter) -> Option<&String>| {
            filters.iter().filter_map(pick).collect::<Vec<_>>()
        };
        let names = &index.meta.facets;
        Filters {
            country: codes(
                index,
                &names.country,
                &values(|f| if let Filter::Country(v) = f { Some(v) } else { None }),
            ),
            subject: codes(
                index,
                &names.subject,
                &values(|f| if let Filter::Subject(v) = f { Some(v) } else { None }),
            ),
            collection: codes(
                index,
                &names.collection,
                &values(|f| if let Filter::Collection(v) = f { Some(v) } else { None }),
            ),
            years: filters
                .iter()
                .filter_map(|f| if let Filter::Year(a, b) = f { Some((*a, *b)) } else { None })
                .collect(),
            corrected: filters
                .iter()
                .rev()
                .find_map(|f| if let Filter::HasCorrected(b) = f { Some(*b) } else { None }),
            quality: filters
                .iter()
                .filter_map(|f| if let Filter::Quality(b) = f { Some(*b) } else { None })
                .collect(),
        }
    }

    /// Whether a document passes every filter but those on `except`.
    pub fn keep(&self, row: &DocRow, except: Option<Field>) -> bool {
        let on = |field: Field| except != Some(field);
        let within =
            |set: &Option<Vec<u32>>, code: u32| set.as_ref().is_none_or(|s| s.contains(&code));
        (!on(Field::Country) || within(&self.country, row.country))
            && (!on(Field::Subject) || within(&self.subject, row.subject))
            && (!on(Field::Collection) || within(&self.collection, row.collection))
            && (!on(Field::Year)
                || self.years.is_empty()
                || self.years.iter().any(|&(a, b)| (a..=b).contains(&row.year)))
            && (!on(Field::Corrected) || self.corrected.is_none_or(|c| c == row.has_corrected))
            && (!on(Field::Quality)
                || self.quality.is_empty()
                || row.quality.is_some_and(|band| self.quality.contains(&band)))
    }
}
