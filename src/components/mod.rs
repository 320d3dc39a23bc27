//! Reusable parts of the pages, one component and its props per file.

mod document_list;
mod error_card;
mod loading;
mod meta_header;
mod page_text;
mod pager;

pub use document_list::DocumentList;
pub use error_card::ErrorCard;
pub use loading::Loading;
pub use meta_header::MetaHeader;
pub use page_text::PageText;
pub use pager::Pager;
