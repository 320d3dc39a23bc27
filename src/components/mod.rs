//! Reusable parts of the pages, one component and its props per file.

mod document_list;
mod error_card;
mod loading;
mod markdown_view;
mod meta_header;
mod page_text;
mod pager;
mod view_tabs;

pub use document_list::DocumentList;
pub use error_card::ErrorCard;
pub use loading::Loading;
pub use markdown_view::MarkdownView;
pub use meta_header::MetaHeader;
pub use page_text::PageText;
pub use pager::Pager;
pub use view_tabs::ViewTabs;
