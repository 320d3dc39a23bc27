//! The search box: every keystroke updates the URL, so the search is a link and the back
//! button returns to it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The box showing `value`; `on_change` hears every keystroke.
pub fn search_box(value: String, on_change: Callback<String>) -> Html {
    let oninput = {
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(input.value());
        })
    };
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    html! {
        <form class="search-box" role="search" {onsubmit}>
            <label for="search-input">{ "Search the collection" }</label>
            <input id="search-input" type="search" {value} {oninput}
                placeholder="Kazakhstanskaya Pravda, \"Caribbean Legion\", country:USSR …"
                autocomplete="off" spellcheck="false" aria-describedby="search-help" />
            <p id="search-help" class="search-help">
                { "Spelling slips and OCR misreadings are found too. Use \"quotes\" for a phrase, \
                   OR for either word, -word to leave out, word* for a prefix, and filters such \
                   as country:USSR or year:1949..1951." }
            </p>
        </form>
    }
}
