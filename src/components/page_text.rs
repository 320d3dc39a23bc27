//! One page of OCR text, shown exactly as the OCR produced it. It is a text node, never HTML.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub page: usize,
    pub text: String,
}

#[function_component]
pub fn PageText(props: &Props) -> Html {
    let label = format!("Page {}", props.page);
    html! {
        <section class="page" aria-label={label.clone()}>
            <h2 class="page-label">{ label }</h2>
            <pre class="ocr-text">{ props.text.clone() }</pre>
        </section>
    }
}
