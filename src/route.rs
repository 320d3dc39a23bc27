//! The routes, all inside the URL fragment: `#/` and `#/doc/<id>?page=N&view=ocr` (or
//! `view=compare`). Embedded views are the same routes under `#/embed` (see `app`).

use serde::{Deserialize, Serialize};
use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Library,
    #[at("/doc/:id")]
    Document { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// Which text of a document the reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The corrected transcription, rendered from Markdown.
    Corrected,
    /// The OCR exactly as produced.
    Ocr,
    /// The OCR beside the transcription (or, with `run`, beside a further OCR run), with every
    /// correction marked.
    Compare,
}

/// The query part of a document route.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentQuery {
    /// 1-based page number; absent means the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// Absent means the transcription where there is one, else the OCR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<View>,
    /// With `view=ocr`, which further OCR run to show (1 = the first alternate run); with
    /// `view=compare`, which run the OCR is compared with instead of the transcription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<usize>,
    /// The query whose hits are marked: the search that led here, or what the reader typed in
    /// the find bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// A passage: the pages the reader turns between (`3-4`, or `3`), the page shown kept
    /// within them, as an embedded passage asks (`#/embed/doc/<id>?pages=3-4&q=...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
}

impl DocumentQuery {
    /// The first and last page (from 1) of the passage in a document of `count` pages: the
    /// whole document when no passage is asked for.
    pub fn bounds(&self, count: usize) -> (usize, usize) {
        let count = count.max(1);
        let Some(pages) = self.pages.as_deref() else { return (1, count) };
        let (first, last) = pages.split_once('-').unwrap_or((pages, pages));
        let first = first.trim().parse().unwrap_or(1).clamp(1, count);
        (first, last.trim().parse().unwrap_or(count).clamp(first, count))
    }
}

/// The query part of the library route: the search and the ticked facets, so that a search
/// is a link (`#/?q=pravda&country=USSR`). Several values of one facet are joined with `|`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
    /// `yes` or `no`: with or without a corrected transcription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected: Option<String>,
    /// OCR quality bands: `good`, `fair`, `poor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<String>,
}

/// The facets the library filters by, as named in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Country,
    Subject,
    Year,
    Collection,
    Corrected,
    Quality,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Country,
        Facet::Subject,
        Facet::Year,
        Facet::Collection,
        Facet::Corrected,
        Facet::Quality,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Facet::Country => "Country",
            Facet::Subject => "Subject",
            Facet::Year => "Year",
            Facet::Collection => "Collection",
            Facet::Corrected => "Transcription",
            Facet::Quality => "OCR quality",
        }
    }
}

impl LibraryQuery {
    fn slot(&mut self, facet: Facet) -> &mut Option<String> {
        match facet {
            Facet::Country => &mut self.country,
            Facet::Subject => &mut self.subject,
            Facet::Year => &mut self.year,
            Facet::Collection => &mut self.collection,
            Facet::Corrected => &mut self.corrected,
            Facet::Quality => &mut self.quality,
        }
    }

    /// The ticked values of a facet.
    pub fn values(&self, facet: Facet) -> Vec<String> {
        let mut copy = self.clone();
        copy.slot(facet)
            .as_deref()
            .map(|v| v.split('|').filter(|s| !s.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default()
    }

    /// This query with `value` of `facet` ticked or unticked.
    pub fn toggled(&self, facet: Facet, value: &str) -> LibraryQuery {
        let mut values = self.values(facet);
        match values.iter().position(|v| v == value) {
            Some(i) => {
                values.remove(i);
            }
            None => values.push(value.to_owned()),
        }
        let mut next = self.clone();
        *next.slot(facet) = (!values.is_empty()).then(|| values.join("|"));
        next
    }

    /// Whether the reader has asked for anything: words or filters.
    pub fn is_search(&self) -> bool {
        self.q.as_deref().is_some_and(|q| !q.trim().is_empty())
            || Facet::ALL.iter().any(|&f| !self.values(f).is_empty())
    }
}
