//! One page of OCR text, shown exactly as the OCR produced it, as text nodes and never HTML.
//! Page furniture (stamps, page numbers, sanitization codes, release lines) stays in place but
//! is set apart, so the eye finds the report's own words; the reader's search hits are marked
//! in the body (furniture is never marked).

use super::hit_mark::HitLabel;
use super::labelled_text::{Wrap, labelled_text};
use readingroom_core::furniture::{Furniture, FurnitureKind};
use readingroom_core::labelled::Labelled;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub page: usize,
    pub text: String,
    /// Where the furniture lies in `text`; empty for a run without detection.
    #[prop_or_default]
    pub furniture: Rc<Vec<Furniture>>,
    /// The search hits on this page, as byte ranges of `text`.
    #[prop_or_default]
    pub hits: Rc<Vec<Labelled<HitLabel>>>,
}

/// What a stretch of OCR text is.
enum Label {
    Furniture(FurnitureKind),
    Hit(HitLabel),
}

impl Wrap for Label {
    fn wrap(&self, inner: Html) -> Html {
        match self {
            Label::Hit(hit) => hit.wrap(inner),
            Label::Furniture(kind) => html! {
                <span class="furniture" data-kind={kind_name(*kind)} title={describe(*kind)}>
                    { inner }
                </span>
            },
        }
    }
}

#[function_component]
pub fn PageText(props: &Props) -> Html {
    let label = format!("Page {}", props.page);
    let legend = (!props.furniture.is_empty()).then(|| {
        html! {
            <p class="furniture-legend">
                <span class="furniture">{ "Dimmed lines" }</span>
                { " are page furniture: stamps, page numbers, censors' codes and release lines." }
            </p>
        }
    });
    let mut ranges: Vec<Labelled<Label>> = props
        .furniture
        .iter()
        .map(|f| Labelled::new(f.start..f.end, Label::Furniture(f.kind)))
        .collect();
    ranges.extend(
        props.hits.iter().map(|h| Labelled::new(h.range.clone(), Label::Hit(h.label.clone()))),
    );
    html! {
        <section class="page" aria-label={label.clone()}>
            <h2 class="page-label">{ label }</h2>
            { legend }
            <pre class="ocr-text">{ labelled_text(&props.text, &ranges) }</pre>
        </section>
    }
}

fn kind_name(kind: FurnitureKind) -> &'static str {
    match kind {
        FurnitureKind::Classification => "classification",
        FurnitureKind::PageNumber => "page-number",
        FurnitureKind::SanitizationCode => "sanitization-code",
        FurnitureKind::ReleaseLine => "release-line",
        FurnitureKind::ArchiveStamp => "archive-stamp",
    }
}

fn describe(kind: FurnitureKind) -> &'static str {
    match kind {
        FurnitureKind::Classification => "Classification stamp",
        FurnitureKind::PageNumber => "Page number",
        FurnitureKind::SanitizationCode => "Sanitization code",
        FurnitureKind::ReleaseLine => "Release line",
        FurnitureKind::ArchiveStamp => "Archive page stamp",
    }
}
