//! Hooks: the app's effects, kept out of the components that render.

mod use_compare;
mod use_highlight;
mod use_json;
mod use_search;

pub use use_compare::use_compare;
pub use use_highlight::{Highlight, use_highlight};
pub use use_json::{Fetch, use_json};
pub use use_search::{SearchState, use_search};
