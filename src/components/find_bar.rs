//! The find field of a document: the query whose hits are marked, previous and next match,
//! and a live status ("7 of 31"). Enter steps forward and Shift+Enter back; the field's value
//! is the `q` of the URL, so the page that owns it decides what typing does to history.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the find bar shows and whom it tells.
pub struct FindBar {
    pub query: String,
    /// The reader typed: the new query.
    pub on_query: Callback<String>,
    /// The reader left the field (typing is over: the next keystroke starts a new entry in
    /// the history).
    pub on_done: Callback<()>,
    /// Step to the next (`true`) or previous (`false`) match.
    pub on_step: Callback<bool>,
    /// What the live region says.
    pub status: AttrValue,
    /// More about the hits: how many in both layers, how many OCR variants.
    pub detail: Option<AttrValue>,
    /// Whether there is anything to step to.
    pub can_step: bool,
}

pub fn find_bar(props: FindBar) -> Html {
    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_query.emit(input.value());
        })
    };
    let onkeydown = {
        let on_step = props.on_step.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                on_step.emit(!e.shift_key());
            }
        })
    };
    let onblur = props.on_done.reform(|_: FocusEvent| ());
    let step = |forward: bool| props.on_step.reform(move |_: MouseEvent| forward);
    html! {
        <div class="find-bar" role="search" aria-label="Find in this document">
            <input type="search" id="find" class="find-input" value={props.query.clone()}
                aria-label="Search in this document" placeholder="Find in this document"
                autocomplete="off" spellcheck="false" {oninput} {onkeydown} {onblur} />
            <button type="button" class="find-step" onclick={step(false)} disabled={!props.can_step}
                title="Previous match (Shift+Enter, or N)">
                { "↑" }<span class="step-word">{ " Previous match" }</span>
            </button>
            <button type="button" class="find-step" onclick={step(true)} disabled={!props.can_step}
                title="Next match (Enter, or n)">
                { "↓" }<span class="step-word">{ " Next match" }</span>
            </button>
            <span class="find-status" role="status" aria-live="polite">{ props.status.clone() }</span>
            if let Some(detail) = &props.detail {
                <span class="find-detail">{ detail.clone() }</span>
            }
        </div>
    }
}
