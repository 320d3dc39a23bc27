//! Facet counts: how many documents have each value of each field, one definition for the
//! engine (over the documents a query matches) and for the app's library before any search
//! (over the catalog, without loading the engine). Countries, subjects and collections go by
//! count, then name; years and quality bands keep their own order (oldest first, good to poor).

use super::results::{FacetCount, Facets};
use crate::quality::Band;

/// A field the library filters by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Country,
    Subject,
    Collection,
    Year,
    Corrected,
    Quality,
}

/// One document's value of every field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetValues<'a> {
    pub country: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub collection: Option<&'a str>,
    pub year: Option<u16>,
    pub corrected: bool,
    pub quality: Option<Band>,
}

impl FacetValues<'_> {
    fn value(&self, field: Field) -> Option<String> {
        match field {
            Field::Country => self.country.map(str::to_owned),
            Field::Subject => self.subject.map(str::to_owned),
            Field::Collection => self.collection.map(str::to_owned),
            Field::Year => self.year.map(|y| y.to_string()),
            Field::Corrected => Some(if self.corrected { "yes" } else { "no" }.to_owned()),
            Field::Quality => self.quality.map(|band| band.name().to_owned()),
        }
    }
}

/// The counts of every field over `docs`; `counts(i, field)` says whether document `i` counts
/// for `field` (a facet ignores its own filter, so that ticking one country still shows the
/// others).
pub fn count(docs: &[FacetValues], counts: impl Fn(usize, Field) -> bool) -> Facets {
    let field = |field: Field| -> Vec<FacetCount> {
        let mut list: Vec<FacetCount> = Vec::new();
        for (i, doc) in docs.iter().enumerate() {
            let Some(value) = doc.value(field).filter(|_| counts(i, field)) else { continue };
            match list.iter_mut().find(|c| c.value == value) {
                Some(c) => c.count += 1,
                None => list.push(FacetCount { value, count: 1 }),
            }
        }
        let own_order = matches!(field, Field::Year | Field::Quality);
        let band = |value: &str| Band::from_name(value);
        super::order::sort_by(&mut list, |a, b| {
            let by_count =
                if own_order { std::cmp::Ordering::Equal } else { b.count.cmp(&a.count) };
            by_count
                .then_with(|| band(&a.value).cmp(&band(&b.value)))
                .then_with(|| a.value.cmp(&b.value))
        });
        list
    };
    Facets {
        country: field(Field::Country),
        subject: field(Field::Subject),
        year: field(Field::Year),
        collection: field(Field::Collection),
        corrected: field(Field::Corrected),
        quality: field(Field::Quality),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_count_by_frequency_and_years_and_bands_keep_their_order() {
        let doc = |country, year, quality| FacetValues {
            country: Some(country),
            year: Some(year),
            quality,
            ..FacetValues::default()
        };
        let docs = [
            doc("USA", 1963, Some(Band::Poor)),
            doc("USSR", 1949, Some(Band::Good)),
            doc("USA", 1950, None),
        ];
        let facets = count(&docs, |_, _| true);
        let values = |list: &[FacetCount]| -> Vec<(String, u32)> {
            list.iter().map(|c| (c.value.clone(), c.count)).collect()
        };
        assert_eq!(values(&facets.country), [("USA".into(), 2), ("USSR".into(), 1)]);
        assert_eq!(values(&facets.year)[0], ("1949".into(), 1));
        assert_eq!(values(&facets.quality), [("good".into(), 1), ("poor".into(), 1)]);
        assert_eq!(values(&facets.corrected), [("no".into(), 3)]);
        let without_usa = count(&docs, |i, field| field != Field::Country || i == 1);
        assert_eq!(values(&without_usa.country), [("USSR".into(), 1)]);
        assert_eq!(without_usa.year.len(), 3, "other fields count every document");
    }
}
