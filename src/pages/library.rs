//! The library page: every document of the collection, with its date, country and subject.

use crate::app::CatalogState;
use crate::components::{DocumentList, ErrorCard, Loading};
use crate::hooks::Fetch;
use yew::prelude::*;

#[function_component]
pub fn LibraryPage() -> Html {
    let catalog = use_context::<CatalogState>().unwrap_or(Fetch::Loading);
    let body = match catalog {
        Fetch::Loading => html! { <Loading label="Loading the collection…" /> },
        Fetch::Failed(message) => html! {
            <ErrorCard title="The collection could not be loaded">
                <p>{ message.to_string() }</p>
            </ErrorCard>
        },
        Fetch::Ready(catalog) if catalog.documents.is_empty() => html! {
            <div class="empty-state">
                <h2>{ "This collection is empty" }</h2>
                <p>{ "No documents have been added yet. A curator adds them with \
                      `readingroom import`, then rebuilds the site." }</p>
            </div>
        },
        Fetch::Ready(catalog) => html! { <DocumentList {catalog} /> },
    };
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{ "Library" }</h1>
            { body }
        </section>
    }
}
