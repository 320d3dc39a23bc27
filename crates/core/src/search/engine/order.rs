//! The engine sorts through [`crate::search::order`], the search code's one copy of the sort.

pub(super) use crate::search::order::{sort_by, sort_dedup};
