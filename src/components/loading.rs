//! A loading indicator that screen readers announce.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: AttrValue,
}

#[function_component]
pub fn Loading(props: &Props) -> Html {
    html! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>{ props.label.clone() }
        </p>
    }
}
