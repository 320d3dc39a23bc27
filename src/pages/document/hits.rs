//! The hits of the current query in the text the reader is looking at, numbered through the
//! whole document, so that "next" and "previous" cross pages and the status counts them all.

use crate::components::HitLabel;
use crate::route::View;
use readingroom_core::labelled::Labelled;
use readingroom_core::search::highlight::{DocumentMarks, Mark, Presence};
use std::rc::Rc;

/// The hits of one view (the transcription, the OCR, or a further OCR run), page by page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewHits {
    pages: Vec<Vec<(Mark, Option<Presence>)>>,
    /// The number of the first hit of each page; one more entry holds the total.
    first: Vec<usize>,
    terms: Vec<Rc<str>>,
}

/// How many hits are in both layers of their page, and how many in one only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayerCounts {
    pub both: usize,
    pub ocr_only: usize,
    pub corrected_only: usize,
    pub fuzzy: usize,
}

impl ViewHits {
    pub fn new(marks: &DocumentMarks, view: View, run: Option<usize>) -> ViewHits {
        let pages: Vec<Vec<(Mark, Option<Presence>)>> = marks
            .pages
            .iter()
            .map(|page| {
                let presence = |i: usize| page.presence.get(i).copied();
                match (view, run) {
                    // The compare view steps through the OCR's hits; the other pane shows its own.
                    (View::Compare, _) => {
                        page.ocr.iter().enumerate().map(|(i, m)| (m.clone(), presence(i))).collect()
                    }
                    (View::Corrected, _) => {
                        let skip = page.ocr.len();
                        page.corrected
                            .iter()
                            .enumerate()
                            .map(|(i, m)| (m.clone(), presence(skip + i)))
                            .collect()
                    }
                    (_, Some(run)) => page
                        .runs
                        .get(run - 1)
                        .map(|marks| marks.iter().map(|m| (m.clone(), None)).collect())
                        .unwrap_or_default(),
                    _ => {
                        page.ocr.iter().enumerate().map(|(i, m)| (m.clone(), presence(i))).collect()
                    }
                }
            })
            .collect();
        let mut first = Vec::with_capacity(pages.len() + 1);
        let mut total = 0;
        for page in &pages {
            first.push(total);
            total += page.len();
        }
        first.push(total);
        let terms = marks.terms.iter().map(|t| Rc::from(t.as_str())).collect();
        ViewHits { pages, first, terms }
    }

    /// These hits numbered after `before` others, so that two lists shown at once (the
    /// compare view's panes) never share a number.
    pub fn numbered_after(mut self, before: usize) -> ViewHits {
        self.first.iter_mut().for_each(|f| *f += before);
        self
    }

    pub fn total(&self) -> usize {
        self.first.last().copied().unwrap_or(0) - self.first.first().copied().unwrap_or(0)
    }

    /// The page (0-based) of hit `number`.
    pub fn page_of(&self, number: usize) -> usize {
        self.first.partition_point(|&f| f <= number).saturating_sub(1)
    }

    /// The hits of a page (0-based) as labelled ranges, `current` styled apart.
    pub fn labels(&self, page: usize, current: Option<usize>) -> Rc<Vec<Labelled<HitLabel>>> {
        let Some(hits) = self.pages.get(page) else { return Rc::default() };
        let base = self.first[page];
        let labels = hits
            .iter()
            .enumerate()
            .map(|(i, (mark, presence))| {
                let mut label = HitLabel::new(base + i, mark, &self.terms, *presence);
                label.current = current == Some(base + i);
                Labelled::new(mark.start..mark.end, label)
            })
            .collect();
        Rc::new(labels)
    }

    /// The hit a step forward or back goes to, from `current` if it is on the page shown
    /// (0-based `page`), else from the edge of that page; wrapping around the document.
    pub fn step(&self, current: Option<usize>, page: usize, forward: bool) -> Option<usize> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        match current.filter(|&c| c < total && self.page_of(c) == page) {
            Some(c) if forward => Some((c + 1) % total),
            Some(c) => Some((c + total - 1) % total),
            None if forward => {
                let from = self.first.get(page).copied().unwrap_or(total);
                Some(if from < total { from } else { 0 })
            }
            None => {
                let end = self.first.get(page + 1).copied().unwrap_or(total);
                Some(if end > 0 { end - 1 } else { total - 1 })
            }
        }
    }

    pub fn counts(&self) -> LayerCounts {
        let mut counts = LayerCounts::default();
        for (mark, presence) in self.pages.iter().flatten() {
            counts.fuzzy += usize::from(mark.fuzzy);
            match presence {
                Some(Presence::Both) => counts.both += 1,
                Some(Presence::OcrOnly) => counts.ocr_only += 1,
                Some(Presence::CorrectedOnly) => counts.corrected_only += 1,
                None => {}
            }
        }
        counts
    }
}
