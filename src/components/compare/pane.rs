//! One pane of the compare view: the OCR, or the text it is compared with, row by row, cut at
//! its marks by [`crate::labelled::segments`]. Each correction is one element (`<del>` in the
//! OCR, `<ins>` in the other text) whatever furniture or highlights cross it, with its kind in
//! `data-kind`, its number in `data-correction`, and what it is in its title (and so its
//! accessible description).

use super::Shown;
use super::marks::{CompareMark, Side, kind_name};
use crate::components::labelled_text::Wrap;
use readingroom_core::compare::view::BlockStyle;
use readingroom_core::labelled::{Labelled, Segment, segments};
use yew::prelude::*;

/// The pane of `side`, showing `text` cut at `marks`, scrolled by `node`.
pub fn pane(
    shown: &Shown<'_>,
    side: Side,
    (text, marks): (&str, &[Labelled<CompareMark>]),
    node: NodeRef,
    onscroll: Callback<Event>,
) -> Html {
    let label = if side == Side::Ocr { "OCR text" } else { shown.wording.pane };
    let rows = rows(shown, side, text, marks).into_iter().zip(&shown.compared.blocks);
    let class = classes!("compare-pane", (side == Side::Ocr).then_some("ocr-pane"));
    html! {
        <section {class} aria-label={label} tabindex="0" ref={node} {onscroll}>
            <h2 class="pane-title">{ label }</h2>
            { for rows.enumerate().map(|(n, (row, block))| html! {
                <div class={classes!("compare-row", style_class(block.style))} data-row={n.to_string()}>{ row }</div>
            }) }
        </section>
    }
}

/// Each row's content: runs of segments under one correction become one element.
fn rows(shown: &Shown<'_>, side: Side, text: &str, marks: &[Labelled<CompareMark>]) -> Vec<Html> {
    let segments = segments(text, marks);
    let mut rows: Vec<Vec<Html>> = vec![Vec::new(); shown.compared.blocks.len()];
    let mut at = 0;
    while at < segments.len() {
        let (row, correction) = (row_of(&segments[at]), correction_of(&segments[at]));
        let mut end = at + 1;
        while correction.is_some()
            && segments.get(end).is_some_and(|s| row_of(s) == row && correction_of(s) == correction)
        {
            end += 1;
        }
        // A row's plain text loses the blank lines at its ends: the rows' spacing stands for them.
        let first = correction.is_none() && (at == 0 || row_of(&segments[at - 1]) != row);
        let last = correction.is_none() && segments.get(end).is_none_or(|s| row_of(s) != row);
        let inner: Html = segments[at..end].iter().map(|s| piece(s, first, last)).collect();
        if let Some(slot) = rows.get_mut(row) {
            slot.push(match correction {
                Some(n) => mark(shown, side, n, inner),
                None => inner,
            });
        }
        at = end;
    }
    rows.into_iter().map(|row| row.into_iter().collect()).collect()
}

fn row_of(segment: &Segment<'_, CompareMark>) -> usize {
    let row = segment.labels.iter().find_map(|l| match l {
        CompareMark::Row(n) => Some(*n),
        _ => None,
    });
    row.unwrap_or(0)
}

fn correction_of(segment: &Segment<'_, CompareMark>) -> Option<usize> {
    segment.labels.iter().find_map(|l| match l {
        CompareMark::Del(n) | CompareMark::Ins(n) => Some(*n),
        _ => None,
    })
}

/// A segment's text in its furniture and highlight marks (a correction's element is made once
/// around all of its segments, by [`mark`]; a row's, by [`pane`]).
fn piece(segment: &Segment<'_, CompareMark>, first: bool, last: bool) -> Html {
    let mut text = segment.text;
    if first {
        text = text.trim_start_matches(['\n', '\r']);
    }
    if last {
        text = text.trim_end();
    }
    let plain = html! { { text } };
    segment.labels.iter().rev().fold(plain, |inner, label| label.wrap(inner))
}

/// The element of correction `n` around its content.
fn mark(shown: &Shown<'_>, side: Side, n: usize, inner: Html) -> Html {
    let Some(correction) = shown.compared.corrections.get(n) else { return inner };
    let current = shown.current == Some(n);
    let class = classes!("diff", current.then_some("current"));
    let kind = kind_name(correction.kind);
    let title = correction.note.clone();
    let number = n.to_string();
    let aria_current = current.then_some("true");
    match side {
        Side::Ocr => html! {
            <del {class} data-kind={kind} data-correction={number} {title} aria-current={aria_current}>{ inner }</del>
        },
        Side::Other => html! {
            <ins {class} data-kind={kind} data-correction={number} {title} aria-current={aria_current}>{ inner }</ins>
        },
    }
}

fn style_class(style: BlockStyle) -> &'static str {
    match style {
        BlockStyle::Paragraph => "row-paragraph",
        BlockStyle::Heading => "row-heading",
        BlockStyle::Item => "row-item",
        BlockStyle::Quote => "row-quote",
        BlockStyle::Code => "row-code",
    }
}
