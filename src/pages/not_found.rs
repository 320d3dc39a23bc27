//! The page for a fragment that names no route.

use crate::components::error_card;
use crate::route::Route;
use crate::router::Link;
use yew::prelude::*;

pub fn not_found_page() -> Html {
    error_card(
        "This page does not exist",
        html! {
            <p>{ "The link may be mistyped or out of date. " }
               <Link to={Route::Library}>{ "Go to the library" }</Link>{ "." }</p>
        },
    )
}
