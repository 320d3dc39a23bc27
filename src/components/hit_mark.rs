//! A search hit in the text: a `<mark>` that says which query term it matches, whether it is
//! an OCR variant of the word rather than the word itself, and whether the other layer of the
//! page has it too, so that colour is never the only signal. The current hit is marked
//! `aria-current` and styled apart.

use super::labelled_text::Wrap;
use readingroom_core::search::highlight::{Mark, Presence};
use std::rc::Rc;
use yew::prelude::*;

/// Term colours cycle after this many.
const COLOURS: usize = 6;

/// What one mark shows and says.
#[derive(Debug, Clone, PartialEq)]
pub struct HitLabel {
    /// The hit's number in the document's list of hits (0-based), for navigation.
    pub number: usize,
    pub term: usize,
    /// The query term as written, shared by every mark of it.
    pub term_text: Rc<str>,
    pub fuzzy: bool,
    pub presence: Option<Presence>,
    pub current: bool,
}

impl HitLabel {
    pub fn new(number: usize, mark: &Mark, terms: &[Rc<str>], presence: Option<Presence>) -> Self {
        let term_text = terms.get(mark.term).cloned().unwrap_or_else(|| Rc::from(""));
        HitLabel { number, term: mark.term, term_text, fuzzy: mark.fuzzy, presence, current: false }
    }

    /// The sentence a screen reader hears and a pointer shows.
    pub fn description(&self) -> String {
        let mut out = if self.fuzzy {
            format!("OCR variant matching \u{201c}{}\u{201d}", self.term_text)
        } else {
            format!("Match for \u{201c}{}\u{201d}", self.term_text)
        };
        out.push_str(match self.presence {
            Some(Presence::Both) => "; in the OCR and the transcription",
            Some(Presence::OcrOnly) => "; in the OCR only",
            Some(Presence::CorrectedOnly) => "; in the transcription only",
            None => "",
        });
        out
    }
}

impl Wrap for HitLabel {
    fn wrap(&self, inner: Html) -> Html {
        let class = classes!(
            "hit",
            format!("term-{}", self.term % COLOURS),
            self.fuzzy.then_some("fuzzy"),
            self.current.then_some("current"),
            match self.presence {
                Some(Presence::OcrOnly) => Some("ocr-only"),
                Some(Presence::CorrectedOnly) => Some("corrected-only"),
                _ => None,
            }
        );
        let description = self.description();
        html! {
            <mark {class} data-hit={self.number.to_string()} data-term={(self.term + 1).to_string()}
                title={description.clone()} aria-description={description}
                aria-current={self.current.then_some("true")}>
                { inner }
            </mark>
        }
    }
}
