//! One component per route.

mod document;
mod library;
mod not_found;

pub use document::DocumentPage;
pub use library::LibraryPage;
pub use not_found::not_found_page;
