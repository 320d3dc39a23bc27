//! The hits of the current query in the text the reader is looking at, numbered through the
//! whole document, so that "next" and "previous" cross pages and the status counts them all.
//! The engine sends the marks of the page shown and only a tally of every other page's.

use crate::components::HitLabel;
use crate::route::View;
use readingroom_core::labelled::Labelled;
use readingroom_core::search::highlight::{
    Mark, MarkedPage, PageMarks, PageTally, Presence, Tally,
};
use std::rc::Rc;

/// The hits of one view (the transcription, the OCR, or a further OCR run): those of the page
/// the engine sent, and how many every page has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewHits {
    /// The page (from 1) whose hits these are; 0 for none.
    page: usize,
    hits: Vec<(Mark, Option<Presence>)>,
    /// The number of the first hit of each page; one more entry holds the total.
    first: Vec<usize>,
    counts: LayerCounts,
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
    pub fn new(marked: &MarkedPage, view: View, run: Option<usize>) -> ViewHits {
        let tally_of = |page: &PageTally| match (view, run) {
            (View::Corrected, _) => page.corrected,
            (View::Compare, _) | (_, None) => page.ocr,
            (_, Some(run)) => page.runs.get(run - 1).copied().unwrap_or_default(),
        };
        let mut first = Vec::with_capacity(marked.tallies.len() + 1);
        let mut counts = LayerCounts::default();
        let mut total = 0;
        for tally in marked.tallies.iter().map(tally_of) {
            first.push(total);
            total += tally.marks;
            counts.add(tally, view == View::Corrected);
        }
        first.push(total);
        let terms = marked.terms.iter().map(|t| Rc::from(t.as_str())).collect();
        let hits = page_hits(&marked.marks, view, run);
        ViewHits { page: marked.page, hits, first, counts, terms }
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

    /// The hits of a page (0-based) as labelled ranges, `current` styled apart; none while
    /// the engine has not yet sent that page's marks.
    pub fn labels(&self, page: usize, current: Option<usize>) -> Rc<Vec<Labelled<HitLabel>>> {
        if page + 1 != self.page {
            return Rc::default();
        }
        let base = self.first.get(page).copied().unwrap_or(0);
        let labels = self
            .hits
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

    /// The page (from 1) whose marks are at hand.
    pub fn marked_page(&self) -> usize {
        self.page
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
        self.counts
    }
}

impl LayerCounts {
    fn add(&mut self, tally: Tally, corrected: bool) {
        self.fuzzy += tally.fuzzy;
        self.both += tally.both;
        if corrected {
            self.corrected_only += tally.alone;
        } else {
            self.ocr_only += tally.alone;
        }
    }
}

/// The hits of the page sent in the view asked for, each with its presence in the other layer.
fn page_hits(page: &PageMarks, view: View, run: Option<usize>) -> Vec<(Mark, Option<Presence>)> {
    let presence = |i: usize| page.presence.get(i).copied();
    match (view, run) {
        // The compare view steps through the OCR's hits; the other pane shows its own.
        (View::Corrected, _) => {
            let skip = page.ocr.len();
            page.corrected
                .iter()
                .enumerate()
                .map(|(i, m)| (m.clone(), presence(skip + i)))
                .collect()
        }
        (View::Compare, _) | (_, None) => {
            page.ocr.iter().enumerate().map(|(i, m)| (m.clone(), presence(i))).collect()
        }
        (_, Some(run)) => page
            .runs
            .get(run - 1)
            .map(|marks| marks.iter().map(|m| (m.clone(), None)).collect())
            .unwrap_or_default(),
    }
}
