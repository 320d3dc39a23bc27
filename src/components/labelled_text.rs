//! Text with labelled ranges as Yew nodes: the one place the app cuts text at byte ranges.
//!
//! Core's [`segments`] cuts the text at every boundary; each piece is wrapped in the element of
//! every label covering it, the outermost label outermost. Highlights, furniture, snippet marks
//! and the compare view's insertions and deletions all render through here, each label type
//! saying how it wraps ([`Wrap`]).

use readingroom_core::labelled::{Labelled, segments};
use yew::prelude::*;

/// How a label wraps the stretch of text it covers.
pub trait Wrap {
    fn wrap(&self, inner: Html) -> Html;
}

/// `text` with every range of `ranges` wrapped by its label, as text nodes and elements only.
pub fn labelled_text<L: Wrap>(text: &str, ranges: &[Labelled<L>]) -> Html {
    segments(text, ranges)
        .into_iter()
        .map(|segment| {
            let plain = html! { { segment.text.to_owned() } };
            segment.labels.iter().rev().fold(plain, |inner, label| label.wrap(inner))
        })
        .collect()
}
