//! The two panes of the compare view side by side, scrolled together: scroll one and the other
//! follows to the same row. Below 700 px wide they stack, one at a time, with a switch between
//! them that keeps the place (see [`super::scroll`]).

use super::Shown;
use super::marks::{Side, marks};
use super::pane::pane;
use super::scroll::{self, Panes, Shared};
use std::ops::Range;
use yew::prelude::*;

/// What the panes show beyond the compared page: the OCR's furniture and each side's highlights.
pub struct Extra<'a> {
    pub furniture: &'a [Range<usize>],
    pub ocr_highlights: &'a [Range<usize>],
    pub other_highlights: &'a [Range<usize>],
}

/// Both panes and the switch; `onswitch` shows the pane of a side.
pub fn panes(
    shown: &Shown<'_>,
    extra: &Extra<'_>,
    (refs, sync): (&Panes, &Shared),
    (side, onswitch): (Side, &Callback<Side>),
) -> Html {
    let switch = |to: Side, label: &'static str| {
        let onswitch = onswitch.clone();
        let pressed = if side == to { "true" } else { "false" };
        html! { <button type="button" aria-pressed={pressed} onclick={move |_| onswitch.emit(to)}>{ label }</button> }
    };
    let compared = shown.compared;
    let ocr_marks = marks(compared, Side::Ocr, extra.furniture, extra.ocr_highlights);
    let other_marks = marks(compared, Side::Other, &[], extra.other_highlights);
    let shows = if side == Side::Ocr { "shows-ocr" } else { "shows-other" };
    html! {
        <div class={classes!("compare-panes", shows)}>
            <div class="compare-switch" role="group" aria-label="Text shown">
                { switch(Side::Ocr, "OCR") }
                { switch(Side::Other, shown.wording.short) }
            </div>
            { pane(shown, Side::Ocr, (shown.ocr, &ocr_marks), refs.ocr.clone(), scroll::follow(refs, sync, Side::Ocr)) }
            { pane(shown, Side::Other, (&compared.text, &other_marks), refs.other.clone(), scroll::follow(refs, sync, Side::Other)) }
        </div>
    }
}
