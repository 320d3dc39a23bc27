//! Reusable parts of the pages, one component and its props per file.

mod compare;
mod document_list;
mod error_card;
mod facet_panel;
mod find_bar;
mod hit_mark;
pub mod labelled_text;
mod loading;
mod markdown_view;
mod meta_header;
mod page_text;
mod pager;
mod quality_badge;
mod reading_tools;
mod result_list;
mod search_box;
mod view_tabs;

pub use compare::CompareView;
pub use document_list::document_list;
pub use error_card::error_card;
pub use facet_panel::facet_panel;
pub use find_bar::{FindBar, find_bar};
pub use hit_mark::HitLabel;
pub use loading::loading;
pub use markdown_view::MarkdownView;
pub use meta_header::meta_header;
pub use page_text::PageText;
pub use pager::pager;
pub use quality_badge::quality_badge;
pub use reading_tools::reading_tools;
pub use result_list::result_list;
pub use search_box::search_box;
pub use view_tabs::{ViewTabs, view_tabs};
