//! The routes, all inside the URL fragment: `#/` and `#/doc/<id>?page=N`.

use serde::{Deserialize, Serialize};
use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Library,
    #[at("/doc/:id")]
    Document { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The query part of a document route.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentQuery {
    /// 1-based page number; absent means the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}
