//! Scrolling the compare view's panes together: where a pane is (the row at its top and how far
//! into it), bringing the other pane to the same place, and bringing a correction into view.
//!
//! The panes' rows are the same blocks on both sides, so the same place is the same row at the
//! same fraction of its height, however different the two texts' lengths are.

use super::marks::Side;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
    ScrollToOptions,
};
use yew::prelude::*;

/// The two panes' scrolling elements.
#[derive(Clone, PartialEq, Default)]
pub struct Panes {
    pub ocr: NodeRef,
    pub other: NodeRef,
}

impl Panes {
    fn of(&self, side: Side) -> Option<Element> {
        match side {
            Side::Ocr => self.ocr.cast(),
            Side::Other => self.other.cast(),
        }
    }
}

/// What the scroll handlers share between renders.
#[derive(Default)]
pub struct Sync {
    /// The position one pane set on the other, whose own scroll event is not followed back.
    expected: Cell<Option<(Side, i32)>>,
    /// Until when stepping's scrolling is not followed at all.
    quiet_until: Cell<f64>,
    /// The correction last brought into view.
    revealed: Cell<Option<usize>>,
    /// The place to give the pane shown next (the switch on a narrow screen keeps it).
    kept: Cell<Option<Place>>,
}

pub type Shared = Rc<RefCell<Sync>>;

/// A place in a pane: a row and the fraction of it scrolled past, or the very end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    Row(usize, f64),
    End,
}

/// The scroll handler of the pane on `from`: the other pane follows to the same place.
pub fn follow(panes: &Panes, sync: &Shared, from: Side) -> Callback<Event> {
    let (panes, sync) = (panes.clone(), sync.clone());
    let to = if from == Side::Ocr { Side::Other } else { Side::Ocr };
    Callback::from(move |_: Event| {
        let (Some(source), Some(target)) = (panes.of(from), panes.of(to)) else { return };
        let sync = sync.borrow();
        if let Some((side, top)) = sync.expected.take()
            && side == from
            && (source.scroll_top() - top).abs() <= 1
        {
            return;
        }
        if now() < sync.quiet_until.get() {
            return;
        }
        sync.expected.set(Some((to, go(&target, place(&source)))));
    })
}

/// Keeps the place of the pane on `side`, for the pane shown next.
pub fn keep_place(panes: &Panes, sync: &Shared, side: Side) {
    sync.borrow().kept.set(panes.of(side).map(|pane| place(&pane)));
}

/// After a render: brings the current correction (and its row) into view in both panes if it
/// is new, and gives a newly shown pane the place kept for it.
pub fn settle(panes: &Panes, sync: &Shared, current: Option<(usize, usize)>, shown: Side) {
    let sync = sync.borrow();
    if let Some(place) = sync.kept.take()
        && let Some(pane) = panes.of(shown)
    {
        go(&pane, place);
    }
    if sync.revealed.replace(current.map(|c| c.0)) == current.map(|c| c.0) {
        return;
    }
    if let Some((n, row)) = current {
        sync.quiet_until.set(now() + if reduced_motion() { 100.0 } else { 1000.0 });
        for side in [Side::Ocr, Side::Other] {
            if let Some(pane) = panes.of(side) {
                reveal(&pane, n, row);
            }
        }
    }
}

fn rows(pane: &Element) -> Vec<HtmlElement> {
    let found = pane.get_elements_by_class_name("compare-row");
    (0..found.length()).filter_map(|i| found.item(i)?.dyn_into().ok()).collect()
}

/// Where `pane` is scrolled to: the row at the top of what shows below its sticky title.
fn place(pane: &Element) -> Place {
    let scrolled = pane.scroll_top();
    if scrolled > 0 && scrolled + pane.client_height() >= pane.scroll_height() - 1 {
        return Place::End;
    }
    let rows = rows(pane);
    let top = scrolled + rows.first().map_or(0, HtmlElement::offset_top);
    let at = rows.iter().rposition(|row| row.offset_top() <= top).unwrap_or(0);
    let fraction = rows.get(at).map_or(0.0, |row| {
        f64::from(top - row.offset_top()) / f64::from(row.offset_height().max(1))
    });
    Place::Row(at, fraction)
}

/// Scrolls `pane` to `place` at once, and returns the scroll position it asked for.
fn go(pane: &Element, place: Place) -> i32 {
    let top = match place {
        Place::End => pane.scroll_height() - pane.client_height(),
        Place::Row(at, fraction) => {
            let rows = rows(pane);
            let start = rows.first().map_or(0, HtmlElement::offset_top);
            rows.get(at).map_or(0, |row| {
                row.offset_top() - start
                    + (fraction * f64::from(row.offset_height())).round() as i32
            })
        }
    };
    pane.set_scroll_top(top);
    top
}

/// Brings the mark of correction `n` in `pane` into view, or its row when the pane has no mark
/// of it (an insertion has none in the OCR): the pane into the page as little as it takes
/// (`scrollIntoView`), and the mark to the middle of the pane. Smoothly, unless the reader
/// asks for less motion.
fn reveal(pane: &Element, n: usize, row: usize) {
    let rows = rows(pane);
    let mark = pane.query_selector(&format!("[data-correction=\"{n}\"]")).ok().flatten();
    let target =
        mark.and_then(|m| m.dyn_into::<HtmlElement>().ok()).or_else(|| rows.get(row).cloned());
    let Some(target) = target else { return };
    let behavior = if reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    options.set_behavior(behavior);
    pane.scroll_into_view_with_scroll_into_view_options(&options);
    // The mark's place within the pane's content, whatever element it sits in.
    let start = rows.first().map_or(0, HtmlElement::offset_top);
    let within = target.get_bounding_client_rect().top() - pane.get_bounding_client_rect().top();
    let middle = f64::from(pane.scroll_top()) + within
        - f64::from(start)
        - f64::from(pane.client_height() - start - target.offset_height()) / 2.0;
    let to = ScrollToOptions::new();
    to.set_top(middle.max(0.0));
    to.set_behavior(behavior);
    pane.scroll_to_with_scroll_to_options(&to);
}

/// Whether the reader asks for reduced motion.
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|query| query.matches())
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
