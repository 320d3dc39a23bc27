//! An error card: what went wrong and what to do, in place of the part that failed.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub title: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn ErrorCard(props: &Props) -> Html {
    html! {
        <div class="error-card" role="alert">
            <h2>{ props.title.clone() }</h2>
            { props.children.clone() }
        </div>
    }
}
