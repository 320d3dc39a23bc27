//! A text as dinglehopper reads it: the sequence of grapheme clusters its character error rate
//! counts, each with the bytes of the original text it came from.
//!
//! dinglehopper 0.11.0 reads a plain text file with Python's universal newlines (`\r\n`, `\r`
//! and `\n` all end a line; a final line end does not start an empty line), strips each line of
//! Python's whitespace (`str.strip()`: Unicode White_Space plus U+001C..U+001F), normalizes each
//! line with its `normalize_sbb` ([`super::normalize`]) and joins the lines with `\n`. The
//! clusters are the extended grapheme clusters (UAX #29) of that text, so every joining `\n` is
//! one cluster and a blank line counts as one. This module does the same, line by line, and keeps
//! a map back to the original: cluster `k` came from `source[k]..source[k + 1]`. The source
//! ranges tile the original text: the first starts at 0, the last ends at its length, and the
//! stripped whitespace and the line break between two lines belong to the joining `\n`. A
//! cluster that normalization split off another (the `i` of `ﬁ`) has an empty range.
//!
//! Offsets are kept as `u32` (texts up to 4 GiB), since a megabyte of text has a million
//! clusters and each costs three numbers.

use super::normalize::{Piece, needs_normalizing, normalize_line};
use std::collections::HashMap;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Gives every distinct grapheme cluster (or word) a number, shared by the two texts of a
/// comparison so that equal clusters get equal numbers. A cluster of one character is that
/// character's scalar value; longer clusters are numbered from 0x110000 on.
#[derive(Debug, Default)]
pub struct Interner {
    ids: HashMap<Box<str>, u32>,
}

impl Interner {
    pub fn id(&mut self, cluster: &str) -> u32 {
        let mut chars = cluster.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return c as u32;
        }
        let next = 0x11_0000 + self.ids.len() as u32;
        *self.ids.entry(cluster.into()).or_insert(next)
    }
}

/// One text prepared for comparison.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// The text dinglehopper compares: lines stripped and normalized, joined by `\n`.
    pub text: String,
    /// The interned cluster of each grapheme cluster of `text`.
    pub ids: Vec<u32>,
    /// Where each cluster starts in `text`, and `text.len()` last.
    bounds: Vec<u32>,
    /// Where each cluster's bytes start in the original, and the original's length last.
    source: Vec<u32>,
}

impl Prepared {
    /// The number of grapheme clusters: dinglehopper's `n_characters` for a ground truth.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Cluster `k` as it reads in [`Prepared::text`].
    pub fn cluster(&self, k: usize) -> &str {
        &self.text[self.bounds[k] as usize..self.bounds[k + 1] as usize]
    }

    /// The bytes of the original text that clusters `clusters` came from.
    pub fn source(&self, clusters: Range<usize>) -> Range<usize> {
        self.source[clusters.start] as usize..self.source[clusters.end] as usize
    }

    /// The first cluster whose bytes in the original start at or after byte `at` (the number of
    /// clusters when none does).
    pub fn cluster_at(&self, at: usize) -> usize {
        self.source[..self.len()].partition_point(|&start| (start as usize) < at)
    }

    /// The byte range in [`Prepared::text`] of clusters `clusters`.
    pub fn span(&self, clusters: Range<usize>) -> Range<usize> {
        self.bounds[clusters.start] as usize..self.bounds[clusters.end] as usize
    }

    /// Whether cluster `k` is whitespace: the joining `\n`, or a space inside a line.
    pub fn is_space(&self, k: usize) -> bool {
        char::from_u32(self.ids[k]).is_some_and(char::is_whitespace)
    }
}

/// Prepares `original` as dinglehopper prepares a plain text file.
pub fn prepare(original: &str, interner: &mut Interner) -> Prepared {
    let mut out = Prepared {
        text: String::with_capacity(original.len()),
        ids: Vec::with_capacity(original.len()),
        bounds: Vec::with_capacity(original.len() + 1),
        source: Vec::with_capacity(original.len() + 1),
    };
    let mut pieces = Vec::new();
    let mut previous_end = 0;
    for (index, line) in lines(original).into_iter().enumerate() {
        let content = strip(original, line);
        if index > 0 {
            // The joiner owns everything from the end of the last line's content.
            out.push_cluster("\n", '\n' as u32, previous_end);
        }
        out.push_line(original, content.clone(), &mut pieces, interner);
        previous_end = content.end as u32;
    }
    if let Some(first) = out.source.first_mut() {
        *first = 0;
    }
    out.bounds.push(out.text.len() as u32);
    out.source.push(original.len() as u32);
    out
}

impl Prepared {
    fn push_cluster(&mut self, cluster: &str, id: u32, source: u32) {
        self.bounds.push(self.text.len() as u32);
        self.source.push(source);
        self.ids.push(id);
        self.text.push_str(cluster);
    }

    fn push_line(
        &mut self,
        original: &str,
        content: Range<usize>,
        pieces: &mut Vec<Piece>,
        interner: &mut Interner,
    ) {
        let line = &original[content.clone()];
        let start = content.start as u32;
        if !needs_normalizing(line) {
            // Nearly every line of English OCR: one cluster per byte, nothing to normalize.
            let at = self.text.len() as u32;
            self.bounds.extend((0..line.len() as u32).map(|k| at + k));
            self.source.extend((0..line.len() as u32).map(|k| start + k));
            self.ids.extend(line.bytes().map(u32::from));
            self.text.push_str(line);
        } else {
            let normalized = normalize_line(line, pieces);
            self.push_normalized(&normalized, pieces, start, interner);
        }
    }

    /// Pushes the clusters of a normalized line; `pieces` says which bytes of the original line
    /// (offsets from `start`) each part of it came from.
    fn push_normalized(
        &mut self,
        normalized: &str,
        pieces: &[Piece],
        start: u32,
        interner: &mut Interner,
    ) {
        let mut piece = 0;
        for (at, cluster) in normalized.grapheme_indices(true) {
            while piece + 1 < pieces.len() && pieces[piece + 1].normalized <= at {
                piece += 1;
            }
            // A cluster inside a piece (the `i` of `ﬁ`) gets an empty source: the piece's
            // bytes go to the piece's first cluster.
            let source = if pieces[piece].normalized == at {
                pieces[piece].original
            } else {
                pieces.get(piece + 1).map_or(pieces[piece].original_end, |p| p.original)
            };
            let id = interner.id(cluster);
            self.push_cluster(cluster, id, start + source as u32);
        }
    }
}

/// The lines of `text` as Python's universal newlines read them: each range excludes its line
/// end, and a line end at the very end does not begin another line.
pub fn lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                out.push(start..i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

/// Python's `str.isspace`: Unicode White_Space and the four information separators.
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `line` without the whitespace Python's `str.strip()` removes.
fn strip(text: &str, line: Range<usize>) -> Range<usize> {
    let slice = &text[line.clone()];
    let trimmed_start = slice.trim_start_matches(is_python_space);
    let start = line.end - trimmed_start.len();
    let end = start + trimmed_start.trim_end_matches(is_python_space).len();
    start..end
}
