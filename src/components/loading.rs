//! A loading indicator that screen readers announce.
//!
//! Plain functions, not components, here and in the other small parts that hold no state
//! (`error_card`, `quality_badge`, `pager`, `search_box`, `document_list`): a component costs
//! the app about 1 KB of wasm for its share of Yew's machinery. Parts that stand in for one
//! another (a loading line, then an error) carry keys, so that one is replaced by the other,
//! as a component of another kind was, rather than changed in place.

use yew::prelude::*;

pub fn loading(label: impl Into<AttrValue>) -> Html {
    html! {
        <p key="loading" class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>{ label.into() }
        </p>
    }
}
