//! The page for a fragment that names no route.

use crate::components::ErrorCard;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn NotFoundPage() -> Html {
    html! {
        <ErrorCard title="This page does not exist">
            <p>{ "The link may be mistyped or out of date. " }
               <Link<Route> to={Route::Library}>{ "Go to the library" }</Link<Route>>{ "." }</p>
        </ErrorCard>
    }
}
