//! Search that reads through OCR errors: normalization shared by indexing, querying and
//! highlighting; the query language; OCR-weighted fuzzy matching; the sharded index and the
//! engine that answers queries from it without doing any I/O itself.

pub mod build;
pub mod engine;
pub mod facets;
pub mod format;
pub mod fuzzy;
pub mod highlight;
pub mod normalize;
mod order;
pub mod query;
pub mod results;
mod score;
