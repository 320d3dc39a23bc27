//! The page for a fragment that names no route.

use crate::components::ErrorCard;
use crate::route::Route;
use crate::router::Link;
use yew::prelude::*;

#[function_component]
pub fn NotFoundPage() -> Html {
    html! {
        <ErrorCard title="This page does not exist">
            <p>{ "The link may be mistyped or out of date. " }
               <Link to={Route::Library}>{ "Go to the library" }</Link>{ "." }</p>
        </ErrorCard>
    }
}
