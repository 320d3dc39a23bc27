//! One page of OCR text, shown exactly as the OCR produced it, as text nodes and never HTML.
//! Page furniture (stamps, page numbers, sanitization codes, release lines) stays in place but
//! is set apart, so the eye finds the report's own words.

use readingroom_core::furniture::{Furniture, FurnitureKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub page: usize,
    pub text: String,
    /// Where the furniture lies in `text`; empty for a run without detection.
    #[prop_or_default]
    pub furniture: Rc<Vec<Furniture>>,
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
    html! {
        <section class="page" aria-label={label.clone()}>
            <h2 class="page-label">{ label }</h2>
            { legend }
            <pre class="ocr-text">{ segments(&props.text, &props.furniture) }</pre>
        </section>
    }
}

/// The text cut at the furniture's byte ranges, furniture lines wrapped in a marked span.
fn segments(text: &str, furniture: &[Furniture]) -> Html {
    let mut out = Vec::with_capacity(furniture.len() * 2 + 1);
    let mut at = 0;
    for item in furniture {
        let (Some(before), Some(line)) = (text.get(at..item.start), text.get(item.start..item.end))
        else {
            continue;
        };
        out.push(html! { { before } });
        out.push(html! {
            <span class="furniture" data-kind={kind_name(item.kind)} title={describe(item.kind)}>
                { line }
            </span>
        });
        at = item.end;
    }
    out.push(html! { { text.get(at..).unwrap_or_default() } });
    out.into_iter().collect()
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
