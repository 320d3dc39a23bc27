//! Hooks: the app's effects, kept out of the components that render.

mod use_json;
mod use_search;

pub use use_json::{Fetch, use_json};
pub use use_search::{SearchEngine, SearchState, use_search};
