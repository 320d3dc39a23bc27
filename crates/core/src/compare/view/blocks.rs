//! The rows of the compare view: each block of the text compared with (a paragraph, a heading,
//! an item: a run of lines between blank lines) beside the OCR it was aligned with.
//!
//! A block's OCR begins where the alignment puts the block's first cluster, moved to the start
//! of its line when only whitespace comes before it there (or to the next line when only
//! whitespace follows), so that a row holds the OCR lines the block came from. A cut that would
//! part a correction from itself (a misreading across two blocks, a form whose OCR runs its
//! fields in another order) is dropped and the two rows become one: every error lies within one
//! row on both sides, so the view marks each once. The rows' ranges tile both texts.

use super::super::align::Op;
use super::super::corrections::{Correction, Kind};
use super::super::markdown::SourceMap;
use super::super::text::Prepared;
use crate::markdown::{Kind as MdKind, Node};
use serde::{Deserialize, Serialize};
use std::iter::once;
use std::ops::Range;

/// One row of a compared page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Bytes of the page's OCR.
    pub ocr: Range<usize>,
    /// Bytes of the text compared with ([`super::PageComparison::text`]).
    pub text: Range<usize>,
    pub style: BlockStyle,
}

/// How the transcription sets a row's text: a row of blocks set differently is a paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockStyle {
    #[default]
    Paragraph,
    Heading,
    Item,
    Quote,
    Code,
}

/// A place where one row ends and the next begins, in both texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cut {
    text: usize,
    ocr: usize,
}

/// The rows of `text` (prepared as `b`) beside `ocr` (prepared as `a`), from the clusters'
/// alignment `ops`, never parting any of `corrections`.
pub(crate) fn rows(
    (ocr, text): (&str, &str),
    (a, b): (&Prepared, &Prepared),
    ops: &[Op],
    corrections: &[Correction],
) -> Vec<Block> {
    let starts = block_starts(text);
    let targets: Vec<usize> = starts.iter().map(|&start| b.cluster_at(start)).collect();
    let mut last = 0;
    let cuts: Vec<Cut> = starts
        .iter()
        .zip(ocr_positions(ops, &targets))
        .map(|(&start, i)| {
            last = snap(ocr, a.source(i..i).start).max(last);
            Cut { text: start, ocr: last }
        })
        .collect();
    let clean = clean(&cuts, corrections);
    let kept = cuts.iter().zip(clean).filter_map(|(cut, clean)| clean.then_some(*cut));
    let mut from = Cut { text: 0, ocr: 0 };
    kept.chain(once(Cut { text: text.len(), ocr: ocr.len() }))
        .map(|cut| {
            let block = Block {
                ocr: from.ocr..cut.ocr,
                text: from.text..cut.text,
                style: BlockStyle::default(),
            };
            from = cut;
            block
        })
        .collect()
}

/// The row that holds `c` on both sides, or else the first that holds its start.
pub(crate) fn row_of(blocks: &[Block], c: &Correction) -> usize {
    let holds = |b: &Block| {
        (b.ocr.start <= c.ocr.start && c.ocr.end <= b.ocr.end)
            && (b.text.start <= c.corrected.start && c.corrected.end <= b.text.end)
    };
    let starts = |b: &Block| b.ocr.contains(&c.ocr.start) || b.text.contains(&c.corrected.start);
    blocks.iter().position(holds).or_else(|| blocks.iter().position(starts)).unwrap_or(0)
}

/// Where every block of `text` but the first begins: the first line with text after a blank
/// line.
pub fn block_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let (mut at, mut seen, mut after_blank) = (0, false, false);
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            after_blank = seen;
        } else {
            if after_blank {
                starts.push(at);
            }
            (seen, after_blank) = (true, false);
        }
        at += line.len();
    }
    starts
}

/// For each of the sorted cluster indices `targets` of the second text, the cluster of the
/// first text where the alignment reaches it.
fn ocr_positions(ops: &[Op], targets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(targets.len());
    let (mut i, mut j) = (0, 0);
    for &op in ops {
        let (di, dj) = op.advance();
        while dj == 1 && out.len() < targets.len() && targets[out.len()] <= j {
            out.push(i);
        }
        (i, j) = (i + di, j + dj);
    }
    out.resize(targets.len(), i);
    out
}

/// `at` moved to the start of its line when only whitespace precedes it there, or to the start
/// of the next line when only whitespace follows it.
fn snap(text: &str, at: usize) -> usize {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    if text[line_start..at].trim().is_empty() {
        return line_start;
    }
    let next_line = text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
    if text[at..next_line].trim().is_empty() { next_line } else { at }
}

/// Whether each cut parts no error correction. The cuts run forward in both texts, so those
/// before a correction form a prefix and those after it a suffix; the ones between part it.
fn clean(cuts: &[Cut], corrections: &[Correction]) -> Vec<bool> {
    let mut parted = vec![0i32; cuts.len() + 1];
    let errors = corrections.iter().filter(|c| !matches!(c.kind, Kind::Layout | Kind::Furniture));
    for c in errors {
        let before = cuts.partition_point(|k| k.text <= c.corrected.start && k.ocr <= c.ocr.start);
        let after = cuts.partition_point(|k| k.text < c.corrected.end || k.ocr < c.ocr.end);
        if before < after {
            parted[before] += 1;
            parted[after] -= 1;
        }
    }
    let mut open = 0;
    parted[..cuts.len()]
        .iter()
        .map(|&delta| {
            open += delta;
            open == 0
        })
        .collect()
}

/// Sets each row's style from the transcription `tree` whose search text is `text`; `map`
/// leads from the text to the Markdown source.
pub(crate) fn style(blocks: &mut [Block], text: &str, tree: Option<&Node>, map: &SourceMap) {
    let Some(tree) = tree else { return };
    for block in blocks {
        let row = &text[block.text.clone()];
        let first = row.len() - row.trim_start().len();
        if first == row.len() {
            continue;
        }
        let starts = once(first).chain(block_starts(row)).map(|s| block.text.start + s);
        let mut styles = starts.map(|s| style_at(tree, map.source(s..s + 1).start));
        let first = styles.next().unwrap_or_default();
        block.style = if styles.all(|s| s == first) { first } else { BlockStyle::Paragraph };
    }
}

/// The style of the block whose Markdown source holds byte `at`.
fn style_at(tree: &Node, at: usize) -> BlockStyle {
    let mut style = BlockStyle::Paragraph;
    let mut node = tree;
    while let Some(child) = node.children.iter().find(|c| c.source.start <= at && at < c.source.end)
    {
        style = match child.kind {
            MdKind::Heading(_) => return BlockStyle::Heading,
            MdKind::CodeBlock => return BlockStyle::Code,
            MdKind::Item => BlockStyle::Item,
            MdKind::Quote if style == BlockStyle::Paragraph => BlockStyle::Quote,
            _ => style,
        };
        node = child;
    }
    style
}
