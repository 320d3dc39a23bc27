//! How far a document's OCR is from its correction: the character and word error rates of
//! each page and of the whole, as `readingroom build` stores them in the catalog, and the bands
//! readers filter by.
//!
//! The figures are dinglehopper's measures ([`crate::compare`]), with one difference: a page's
//! furniture lines (stamps, page numbers, release lines) are left out of its OCR before the
//! comparison, as the transcription leaves them out on purpose; counting them would charge the
//! OCR for what the curator removed.

use crate::bundle::{DocumentData, Page};
use crate::compare::{self, Comparison, Metrics};
use serde::{Deserialize, Serialize};

/// The error rates of a document with a corrected transcription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quality {
    /// The rates over the pages that have a correction, with the counts and distances they
    /// come from, so that documents combine into a collection's figure ([`Metrics::combine`]).
    pub metrics: Metrics,
    pub pages: Vec<PageQuality>,
}

/// The quality of a document's pages against their correction, or `None` when it has none.
/// Furniture lines are blanked out of the OCR first (see the module documentation).
pub fn of_document(data: &DocumentData) -> Option<Quality> {
    let mut pages = Vec::new();
    let mut parts = Vec::new();
    for (i, page) in data.pages.iter().enumerate() {
        let Some(tree) = &page.corrected else { continue };
        let m = compare::metrics(&ocr_without_furniture(page), &tree.search_text());
        pages.push(PageQuality {
            page: i as u32 + 1,
            cer: m.cer,
            wer: m.wer,
            chars: m.chars,
            words: m.words,
        });
        parts.push(m);
    }
    if parts.is_empty() {
        return None;
    }
    Some(Quality { metrics: Metrics::combine(&parts), pages })
}

/// A page's OCR as its figures read it: each furniture line replaced by as many spaces as it
/// has bytes, so that every byte offset into the page's OCR still holds, and the line, stripped
/// as every line is, reads as an empty one.
pub fn ocr_without_furniture(page: &Page) -> String {
    let mut body = page.ocr.clone();
    for line in &page.furniture {
        if let Some(text) = body.get(line.start..line.end) {
            let blank = " ".repeat(text.len());
            body.replace_range(line.start..line.end, &blank);
        }
    }
    body
}

/// A page compared with its correction as its figures are measured: the metrics are those
/// [`of_document`] gives the page, and the corrections are the ones they count. The corrections'
/// OCR ranges hold in the page's OCR; their corrected ranges point into the page's Markdown.
/// `None` when the page has no correction.
pub fn compare_page(page: &Page) -> Option<Comparison> {
    let tree = page.corrected.as_ref()?;
    let furniture: Vec<_> = page.furniture.iter().map(|f| f.start..f.end).collect();
    Some(compare::compare_markdown(&ocr_without_furniture(page), &furniture, tree))
}

/// The error rates of one page (1-based).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageQuality {
    pub page: u32,
    pub cer: Option<f64>,
    pub wer: Option<f64>,
    pub chars: usize,
    pub words: usize,
}

/// The bands of the library's "OCR quality" filter, by character error rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// CER under 2 %.
    Good,
    /// CER from 2 % to 10 %.
    Fair,
    /// CER over 10 %.
    Poor,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Good, Band::Fair, Band::Poor];

    pub fn of(cer: f64) -> Band {
        if cer < 0.02 {
            Band::Good
        } else if cer <= 0.10 {
            Band::Fair
        } else {
            Band::Poor
        }
    }

    /// The name in queries and URLs (`quality:good`).
    pub fn name(self) -> &'static str {
        match self {
            Band::Good => "good",
            Band::Fair => "fair",
            Band::Poor => "poor",
        }
    }

    pub fn from_name(name: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|band| band.name().eq_ignore_ascii_case(name))
    }

    /// What the band means, for readers.
    pub fn label(self) -> &'static str {
        match self {
            Band::Good => "CER under 2 %",
            Band::Fair => "CER 2 to 10 %",
            Band::Poor => "CER over 10 %",
        }
    }
}

/// A rate as readers see it: `1.2 %`.
///
/// The digits are formatted as integers: float formatting would cost the app some 20 KB of
/// wasm for this one line.
pub fn percent(rate: f64) -> String {
    let tenths = (rate * 1000.0).round();
    if !tenths.is_finite() || tenths < 0.0 {
        return "– %".to_owned();
    }
    let tenths = tenths as u64;
    if tenths < 100 {
        format!("{}.{} %", tenths / 10, tenths % 10)
    } else {
        format!("{} %", (rate * 100.0).round() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents_have_one_decimal_below_ten() {
        assert_eq!(percent(0.0), "0.0 %");
        assert_eq!(percent(0.016), "1.6 %");
        assert_eq!(percent(0.0996), "10 %");
        assert_eq!(percent(0.0949), "9.5 %");
        assert_eq!(percent(0.365), "37 %");
        assert_eq!(percent(1.5), "150 %");
    }

    #[test]
    fn bands_split_at_two_and_ten_percent() {
        assert_eq!(Band::of(0.0), Band::Good);
        assert_eq!(Band::of(0.0199), Band::Good);
        assert_eq!(Band::of(0.02), Band::Fair);
        assert_eq!(Band::of(0.10), Band::Fair);
        assert_eq!(Band::of(0.1001), Band::Poor);
        assert_eq!(Band::from_name("Fair"), Some(Band::Fair));
        assert_eq!(Band::from_name("great"), None);
    }

    #[test]
    fn a_page_compared_has_the_figures_of_the_document_and_leaves_furniture_out() {
        let document = crate::source::SourceDocument {
            ocr: "SECRET\nThe Perty committee met.\n- 2 -\n".into(),
            corrected: Some("The *Party* committee met.\n".into()),
            ..Default::default()
        };
        let data = crate::bundle::document_data(&document);
        let page = &data.pages[0];
        assert_eq!(page.furniture.len(), 2, "the stamp and the page number");
        let compared = compare_page(page).expect("a correction");
        let quality = of_document(&data).expect("a correction");
        assert_eq!(compared.metrics, quality.metrics);
        let blanked = ocr_without_furniture(page);
        assert_eq!(blanked.len(), page.ocr.len());
        assert!(!blanked.contains("SECRET") && !blanked.contains("- 2 -"));
        let kinds: Vec<_> = compared.corrections.iter().map(|c| c.kind).collect();
        assert!(kinds.contains(&compare::Kind::Substitution), "{kinds:?}");
        assert!(!kinds.contains(&compare::Kind::Deletion), "{kinds:?}");
    }

    #[test]
    fn percentages_keep_one_decimal_below_ten() {
        assert_eq!(percent(0.0123), "1.2 %");
        assert_eq!(percent(0.256), "26 %");
    }
}
