//! The reading tools above a document's text: switches that change how the text is shown,
//! not what is shown. "Hide page furniture" hides the stamps, page numbers and censors' codes
//! of the OCR view.
//!
//! The choice is the page chrome's (`static/chrome.js`): it remembers it and sets the class
//! `hide-furniture` on `<html>`, which the stylesheet reads, when this box changes. The box
//! keeps its own state, and each render shows the choice in force, so there is no state here
//! and this is a plain function rather than a component.

use yew::prelude::*;

/// The class on `<html>` that hides the furniture.
const HIDE_FURNITURE: &str = "hide-furniture";

/// The tools for a text with (`furniture`) or without page furniture to hide; nothing when
/// there is no tool to offer.
pub fn reading_tools(furniture: bool) -> Html {
    if !furniture {
        return Html::default();
    }
    let hidden = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .is_some_and(|root| root.class_list().contains(HIDE_FURNITURE));
    html! {
        <div class="reading-tools" role="group" aria-label="Reading tools">
            <label>
                <input type="checkbox" id="hide-furniture" checked={hidden} />
                { "Hide page furniture" }
            </label>
        </div>
    }
}
