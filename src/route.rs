//! The routes, all inside the URL fragment: `#/` and `#/doc/<id>?page=N&view=ocr` (or
//! `view=compare`). Embedded views are the same routes under `#/embed` (see `app`).
//!
//! A route's query is URL-encoded (`application/x-www-form-urlencoded`, by the
//! `form_urlencoded` crate) member by member in a fixed order; members left out are `None`.
//! A query that cannot be read (a number that is not one, an unknown view, a name given
//! twice) reads as no query at all, and unknown names are passed over.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// `/`
    Library,
    /// `/doc/<id>`
    Document { id: String },
    /// `/404`, and every path that is no route.
    NotFound,
}

/// What a path segment keeps unencoded: letters, digits and `-._~`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

impl Route {
    /// The route of a path (the basename left out); a trailing `/` is ignored.
    pub fn recognize(path: &str) -> Route {
        let path = path.strip_suffix('/').unwrap_or(path);
        let path = path.strip_prefix('/').unwrap_or(path);
        match path.split_once('/') {
            None if path.is_empty() => Route::Library,
            Some(("doc", id)) if !id.is_empty() && !id.contains('/') => {
                match percent_decode_str(id).decode_utf8() {
                    Ok(id) => Route::Document { id: id.into_owned() },
                    Err(_) => Route::NotFound,
                }
            }
            _ => Route::NotFound,
        }
    }

    pub fn to_path(&self) -> String {
        match self {
            Route::Library => "/".to_owned(),
            Route::Document { id } => format!("/doc/{}", utf8_percent_encode(id, SEGMENT)),
            Route::NotFound => "/404".to_owned(),
        }
    }
}

/// A route's query, read from and written to the URL.
pub trait Query: Sized + Default {
    /// Takes the member `name`'s value; `Err` when it cannot be read, or was given before.
    fn set(&mut self, name: &str, value: String) -> Result<(), ()>;

    /// The members given, in order.
    fn members(&self) -> Vec<(&'static str, String)>;

    /// Reads a query (without its `?`).
    fn from_query(query: &str) -> Option<Self> {
        let mut read = Self::default();
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            read.set(&name, value.into_owned()).ok()?;
        }
        Some(read)
    }

    /// Writes the query (without its `?`).
    fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in self.members() {
            query.append_pair(name, &value);
        }
        query.finish()
    }
}

/// Fills an empty member with `value`; `Err` when it is filled already or `value` is `None`.
fn fill<T>(member: &mut Option<T>, value: Option<T>) -> Result<(), ()> {
    match (&member, value) {
        (None, Some(value)) => {
            *member = Some(value);
            Ok(())
        }
        _ => Err(()),
    }
}

/// The members of a query that are given, by name.
fn given<const N: usize>(
    members: [(&'static str, Option<String>); N],
) -> Vec<(&'static str, String)> {
    members.into_iter().filter_map(|(name, value)| Some((name, value?))).collect()
}

/// Which text of a document the reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The corrected transcription, rendered from Markdown.
    Corrected,
    /// The OCR exactly as produced.
    Ocr,
    /// The OCR beside the transcription (or, with `run`, beside a further OCR run), with every
    /// correction marked.
    Compare,
}

impl View {
    /// The view as the URL names it.
    fn name(self) -> &'static str {
        match self {
            View::Corrected => "corrected",
            View::Ocr => "ocr",
            View::Compare => "compare",
        }
    }

    fn from_name(name: &str) -> Option<View> {
        [View::Corrected, View::Ocr, View::Compare].into_iter().find(|v| v.name() == name)
    }
}

/// The query part of a document route.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentQuery {
    /// 1-based page number; absent means the first page.
    pub page: Option<usize>,
    /// Absent means the transcription where there is one, else the OCR.
    pub view: Option<View>,
    /// With `view=ocr`, which further OCR run to show (1 = the first alternate run); with
    /// `view=compare`, which run the OCR is compared with instead of the transcription.
    pub run: Option<usize>,
    /// The query whose hits are marked: the search that led here, or what the reader typed in
    /// the find bar.
    pub q: Option<String>,
    /// A passage: the pages the reader turns between (`3-4`, or `3`), the page shown kept
    /// within them, as an embedded passage asks (`#/embed/doc/<id>?pages=3-4&q=...`).
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

impl Query for DocumentQuery {
    fn set(&mut self, name: &str, value: String) -> Result<(), ()> {
        match name {
            "page" => fill(&mut self.page, value.parse().ok()),
            "view" => fill(&mut self.view, View::from_name(&value)),
            "run" => fill(&mut self.run, value.parse().ok()),
            "q" => fill(&mut self.q, Some(value)),
            "pages" => fill(&mut self.pages, Some(value)),
            _ => Ok(()),
        }
    }

    fn members(&self) -> Vec<(&'static str, String)> {
        given([
            ("page", self.page.map(|page| page.to_string())),
            ("view", self.view.map(|view| view.name().to_owned())),
            ("run", self.run.map(|run| run.to_string())),
            ("q", self.q.clone()),
            ("pages", self.pages.clone()),
        ])
    }
}

/// The query part of the library route: the search and the ticked facets, so that a search
/// is a link (`#/?q=pravda&country=USSR`). Several values of one facet are joined with `|`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LibraryQuery {
    pub q: Option<String>,
    pub country: Option<String>,
    pub subject: Option<String>,
    pub year: Option<String>,
    pub collection: Option<String>,
    /// `yes` or `no`: with or without a corrected transcription.
    pub corrected: Option<String>,
    /// OCR quality bands: `good`, `fair`, `poor`.
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

    /// The facet as the URL names it.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Country => "country",
            Facet::Subject => "subject",
            Facet::Year => "year",
            Facet::Collection => "collection",
            Facet::Corrected => "corrected",
            Facet::Quality => "quality",
        }
    }

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

impl Query for LibraryQuery {
    fn set(&mut self, name: &str, value: String) -> Result<(), ()> {
        match name {
            "q" => fill(&mut self.q, Some(value)),
            name => match Facet::ALL.into_iter().find(|facet| facet.name() == name) {
                Some(facet) => fill(self.slot(facet), Some(value)),
                None => Ok(()),
            },
        }
    }

    fn members(&self) -> Vec<(&'static str, String)> {
        let mut copy = self.clone();
        let mut members = given([("q", copy.q.take())]);
        for facet in Facet::ALL {
            members.extend(copy.slot(facet).take().map(|value| (facet.name(), value)));
        }
        members
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

#[cfg(test)]
mod tests {
    use super::*;

    fn document(id: &str) -> Route {
        Route::Document { id: id.to_owned() }
    }

    #[test]
    fn paths_name_their_routes() {
        assert_eq!(Route::recognize(""), Route::Library);
        assert_eq!(Route::recognize("/"), Route::Library);
        assert_eq!(Route::recognize("/doc/cia-1"), document("cia-1"));
        assert_eq!(Route::recognize("/doc/cia-1/"), document("cia-1"));
        assert_eq!(Route::recognize("/doc/a%20b"), document("a b"));
        assert_eq!(Route::recognize("/404"), Route::NotFound);
    }

    #[test]
    fn other_paths_are_not_found() {
        for path in ["/doc", "/doc/", "/doc/a/b", "/docs/a", "/library", "/doc/%FF"] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn routes_write_paths_they_are_read_from() {
        assert_eq!(Route::Library.to_path(), "/");
        assert_eq!(document("a b/c").to_path(), "/doc/a%20b%2Fc");
        for route in [Route::Library, document("cia-1"), document("a b/c~"), Route::NotFound] {
            assert_eq!(Route::recognize(&route.to_path()), route);
        }
    }

    #[test]
    fn a_document_query_is_written_in_order_and_form_encoded() {
        let query = DocumentQuery {
            page: Some(3),
            view: Some(View::Compare),
            run: None,
            q: Some("soviet union & co".to_owned()),
            pages: Some("3-4".to_owned()),
        };
        assert_eq!(query.to_query(), "page=3&view=compare&q=soviet+union+%26+co&pages=3-4");
        assert_eq!(DocumentQuery::from_query(&query.to_query()), Some(query));
        assert_eq!(DocumentQuery::default().to_query(), "");
    }

    #[test]
    fn a_query_that_cannot_be_read_reads_as_none() {
        for bad in ["page=x", "page=", "view=scan", "run=-1", "q=a&q=b"] {
            assert_eq!(DocumentQuery::from_query(bad), None, "{bad}");
        }
        let read = DocumentQuery::from_query("q=a%2Bb+c&other=1&view=ocr").unwrap_or_default();
        assert_eq!((read.q.as_deref(), read.view), (Some("a+b c"), Some(View::Ocr)));
    }

    #[test]
    fn a_library_query_keeps_its_facets() {
        let read = LibraryQuery::from_query("country=USSR%7CPoland&q=pravda&year=1949")
            .unwrap_or_default();
        assert_eq!(read.values(Facet::Country), ["USSR", "Poland"]);
        assert_eq!(read.to_query(), "q=pravda&country=USSR%7CPoland&year=1949");
        assert_eq!(LibraryQuery::from_query("quality=good&quality=poor"), None);
    }
}
