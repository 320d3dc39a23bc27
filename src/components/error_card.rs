//! An error card: what went wrong and what to do, in place of the part that failed.

use yew::prelude::*;

/// The card titled `title`, with `body` under the title.
pub fn error_card(title: &'static str, body: Html) -> Html {
    html! {
        <div key="error-card" class="error-card" role="alert">
            <h2>{ title }</h2>
            { body }
        </div>
    }
}
