//! The routes, all inside the URL fragment: `#/` and `#/doc/<id>?page=N&view=ocr`.

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

/// Which text of a document the reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The corrected transcription, rendered from Markdown.
    Corrected,
    /// The OCR exactly as produced.
    Ocr,
}

/// The query part of a document route.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentQuery {
    /// 1-based page number; absent means the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// Absent means the transcription where there is one, else the OCR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<View>,
    /// With `view=ocr`, which further OCR run to show (1 = the first alternate run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<usize>,
}
