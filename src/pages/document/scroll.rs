//! Bringing the current hit into view once it is rendered, gently unless the reader asked for
//! reduced motion.

use yew::prelude::*;

/// Scrolls the mark of hit `current` to the middle of the screen whenever it changes, or the
/// marks of another page (`marked`, from 1) arrive: a step that turns the page has its mark
/// only once the engine has sent that page.
#[hook]
pub fn use_scroll_to_current(current: Option<usize>, marked: usize) {
    use_effect_with((current, marked), |(current, _)| {
        let Some(number) = current else { return };
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let selector = format!("mark[data-hit=\"{number}\"]");
        if let Ok(Some(mark)) = document.query_selector(&selector) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(if reduced_motion() {
                web_sys::ScrollBehavior::Instant
            } else {
                web_sys::ScrollBehavior::Smooth
            });
            mark.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}
