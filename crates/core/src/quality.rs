//! How far a document's OCR is from its correction: the character and word error rates of
//! each page and of the whole, as `readingroom build` stores them in the catalog, and the bands
//! readers filter by.
//!
//! The figures are dinglehopper's measures ([`crate::compare`]), with one difference: a page's
//! furniture lines (stamps, page numbers, release lines) are left out of its OCR before the
//! comparison, as the transcription leaves them out on purpose; counting them would charge the
//! OCR for what the curator removed.

use crate::bundle::DocumentData;
use crate::compare::{self, Metrics};
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
        let mut body = page.ocr.clone();
        for line in &page.furniture {
            if let Some(text) = body.get(line.start..line.end) {
                let blank = " ".repeat(text.len());
                body.replace_range(line.start..line.end, &blank);
            }
        }
        let m = compare::metrics(&body, &tree.search_text());
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
pub fn percent(rate: f64) -> String {
    let value = rate * 100.0;
    if value < 10.0 { format!("{value:.1} %") } else { format!("{value:.0} %") }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn percentages_keep_one_decimal_below_ten() {
        assert_eq!(percent(0.0123), "1.2 %");
        assert_eq!(percent(0.256), "26 %");
    }
}
