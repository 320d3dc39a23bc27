//! The weights the engine ranks by, shared with the build, which orders a frequent term's
//! documents by them to choose its lead ([`super::format::lead`]).

use super::format::PostingLayer;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Weight of a hit by layer: the corrected text is the better witness, furniture the worst.
pub(crate) fn layer_weight(layer: PostingLayer) -> f32 {
    match layer {
        PostingLayer::Corrected => 1.2,
        PostingLayer::Ocr => 1.0,
        PostingLayer::Furniture => 0.1,
    }
}

/// BM25's weight for a term (or clause) seen with frequency `tf` in a text of `len` tokens,
/// where texts average `avg` tokens and the term's inverse document frequency is `idf`.
pub(crate) fn bm25(idf: f32, tf: f32, len: f32, avg: f32) -> f32 {
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg.max(1.0)))
}

pub(crate) fn idf(n: f32, df: f32) -> f32 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}
