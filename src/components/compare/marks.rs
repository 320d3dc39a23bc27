//! The marks of a compared page, as labelled ranges of each pane's text ([`crate::labelled`]):
//! the rows, what the OCR read that the other text does not have (`<del>`), what the other
//! text has in its place (`<ins>`), the OCR's furniture lines, and highlights.
//!
//! Highlights are the seam for search: a pane takes any list of byte ranges of its text and
//! shows them as `<mark>`, inside or across the other marks.

use crate::components::labelled_text::Wrap;
use readingroom_core::compare::Kind;
use readingroom_core::compare::view::PageComparison;
use readingroom_core::labelled::Labelled;
use std::ops::Range;
use yew::prelude::*;

/// What a range of a pane's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareMark {
    /// Row `n` of the page ([`PageComparison::blocks`]).
    Row(usize),
    /// The OCR's reading that correction `n` removed or replaced.
    Del(usize),
    /// What correction `n` added, or put in the place of the OCR's reading.
    Ins(usize),
    /// A furniture line of the OCR: set apart, never an error.
    Furniture,
    /// A highlight (a search hit).
    Highlight,
}

/// Furniture and highlights wrap each piece of text they cover. Rows and corrections wrap
/// runs of pieces, once each, so they leave a piece as it is.
impl Wrap for CompareMark {
    fn wrap(&self, inner: Html) -> Html {
        match self {
            CompareMark::Furniture => html! { <span class="furniture">{ inner }</span> },
            CompareMark::Highlight => html! { <mark>{ inner }</mark> },
            CompareMark::Row(_) | CompareMark::Del(_) | CompareMark::Ins(_) => inner,
        }
    }
}

/// Which text a pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ocr,
    Other,
}

/// Whether a correction is a reading error, marked and stepped through; furniture and layout
/// (line breaks, hyphens at a line end) are not.
pub fn is_error(kind: Kind) -> bool {
    !matches!(kind, Kind::Furniture | Kind::Layout)
}

/// The marks of one pane's text: every row, then the corrections, furniture and highlights.
pub fn marks(
    compared: &PageComparison,
    side: Side,
    furniture: &[Range<usize>],
    highlights: &[Range<usize>],
) -> Vec<Labelled<CompareMark>> {
    let rows = compared.blocks.iter().enumerate().map(|(n, block)| {
        let range = if side == Side::Ocr { block.ocr.clone() } else { block.text.clone() };
        Labelled::new(range, CompareMark::Row(n))
    });
    let corrections = compared.corrections.iter().enumerate().filter_map(|(n, c)| {
        // An insertion removed nothing from the OCR (at most a line break stood there), and a
        // deletion put nothing in the other text.
        let shown = match side {
            Side::Ocr => is_error(c.kind) && c.kind != Kind::Insertion,
            Side::Other => is_error(c.kind) && c.kind != Kind::Deletion,
        };
        shown.then(|| match side {
            Side::Ocr => Labelled::new(c.ocr.clone(), CompareMark::Del(n)),
            Side::Other => Labelled::new(c.text.clone(), CompareMark::Ins(n)),
        })
    });
    let furniture = furniture.iter().map(|r| Labelled::new(r.clone(), CompareMark::Furniture));
    let highlights = highlights.iter().map(|r| Labelled::new(r.clone(), CompareMark::Highlight));
    rows.chain(corrections).chain(furniture).chain(highlights).collect()
}

/// The kind as the marks' `data-kind` names it.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Substitution => "substitution",
        Kind::Insertion => "insertion",
        Kind::Deletion => "deletion",
        Kind::WordsJoined => "words-joined",
        Kind::WordSplit => "word-split",
        Kind::Furniture => "furniture",
        Kind::Layout => "layout",
    }
}

/// How the view names the text the OCR is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    /// Its name in a sentence: "the transcription".
    pub name: &'static str,
    /// The name of its pane.
    pub pane: &'static str,
    /// Its switch on a narrow screen.
    pub short: &'static str,
}

impl Wording {
    pub const TRANSCRIPTION: Wording =
        Wording { name: "the transcription", pane: "Corrected text", short: "Corrected" };
    pub const RUN: Wording =
        Wording { name: "the other OCR run", pane: "Other OCR run", short: "Other run" };
}
