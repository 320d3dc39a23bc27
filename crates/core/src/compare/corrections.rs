//! The corrections: what the corrector changed in the OCR, word by word, each with its kind.
//!
//! Each region of the cluster alignment ([`super::regions`]) is one correction, except that a
//! deletion running over lines of page furniture and lines of text is cut where the one turns
//! into the other. The kinds, from the region's OCR and corrected text:
//! - [`Kind::Layout`]: the texts differ only in layout, which is not a reading error: a line
//!   break against a space, spacing, a word hyphenated at a line end ("or-\nganization" against
//!   "organization", or "self-\ncriticism" against "self-criticism"), or spellings that
//!   dinglehopper's normalization makes equal (an em dash and an en dash);
//! - [`Kind::Furniture`]: OCR text dropped by the corrector that lies on furniture lines (the
//!   ranges given to [`corrections`], as `furniture::detect` finds them);
//! - [`Kind::Deletion`]: other OCR text the corrector dropped;
//! - [`Kind::Insertion`]: text the OCR missed altogether;
//! - [`Kind::WordsJoined`]: the OCR ran words together that the correction separates
//!   ("criticismand" for "criticism and": the correction has more words);
//! - [`Kind::WordSplit`]: the OCR broke a word that the correction joins ("or ganization" for
//!   "organization": the correction has fewer words);
//! - [`Kind::Substitution`]: a misread word (or words), tagged with its [`Confusion`] when
//!   it is a known one.
//!
//! The corrections tile every difference, layout included: replacing each one's OCR bytes by its
//! corrected bytes turns the OCR text into the corrected text exactly. The character error rate
//! counts differently, as dinglehopper does: a line break against a space is an edit there.

use super::align::Op;
use super::confusion::{Confusion, classify};
use super::regions::{Positions, Region, regions};
use super::text::Prepared;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What kind of change a correction is; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Substitution,
    Insertion,
    Deletion,
    WordsJoined,
    WordSplit,
    Furniture,
    Layout,
}

/// One change from the OCR text to the corrected text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub kind: Kind,
    /// Bytes of the OCR text.
    pub ocr: Range<usize>,
    /// Bytes of the corrected text (of the Markdown source, from `compare_markdown`).
    pub corrected: Range<usize>,
    pub ocr_text: String,
    pub corrected_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confusion: Option<Confusion>,
}

/// How many corrections of each kind; `confusions` counts the tagged substitutions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub substitutions: usize,
    pub insertions: usize,
    pub deletions: usize,
    pub words_joined: usize,
    pub words_split: usize,
    pub furniture: usize,
    pub layout: usize,
    pub confusions: usize,
}

impl Counts {
    pub fn of(corrections: &[Correction]) -> Counts {
        let mut counts = Counts::default();
        for c in corrections {
            *match c.kind {
                Kind::Substitution => &mut counts.substitutions,
                Kind::Insertion => &mut counts.insertions,
                Kind::Deletion => &mut counts.deletions,
                Kind::WordsJoined => &mut counts.words_joined,
                Kind::WordSplit => &mut counts.words_split,
                Kind::Furniture => &mut counts.furniture,
                Kind::Layout => &mut counts.layout,
            } += 1;
            counts.confusions += usize::from(c.confusion.is_some());
        }
        counts
    }

    /// The corrections that fix reading errors: all but furniture and layout.
    pub fn errors(&self) -> usize {
        self.substitutions + self.insertions + self.deletions + self.words_joined + self.words_split
    }
}

/// The counts of a document from those of its pages.
impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.substitutions += other.substitutions;
        self.insertions += other.insertions;
        self.deletions += other.deletions;
        self.words_joined += other.words_joined;
        self.words_split += other.words_split;
        self.furniture += other.furniture;
        self.layout += other.layout;
        self.confusions += other.confusions;
    }
}

/// The corrections that turn `ocr` into `corrected`, from the alignment `ops` of their
/// prepared texts `a` and `b`. `furniture` holds byte ranges of furniture lines in `ocr`.
pub fn corrections(
    (ocr, corrected): (&str, &str),
    (a, b): (&Prepared, &Prepared),
    ops: &[Op],
    furniture: &[Range<usize>],
) -> Vec<Correction> {
    if a.is_empty() || b.is_empty() {
        return whole_texts(ocr, corrected, furniture);
    }
    let positions = Positions::new(ops);
    let mut out = Vec::new();
    for Region { columns, quiet, .. } in regions((a, b), (ocr, corrected), ops, &positions) {
        let (ca, cb) = positions.clusters(&columns);
        let (ta, tb) = (&a.text[a.span(ca.clone())], &b.text[b.span(cb.clone())]);
        let kind = if quiet { Kind::Layout } else { kind_of(ta, tb) };
        if kind == Kind::Deletion {
            split_furniture((ocr, corrected), a, ca, b.source(cb), furniture, &mut out);
            continue;
        }
        let confusion = if kind == Kind::Substitution {
            classify(&edits(a, b, &ops[columns.clone()], (ca.start, cb.start)))
        } else {
            None
        };
        let (ra, rb) = (a.source(ca), b.source(cb));
        out.push(correction(kind, (ocr, corrected), (ra, rb), confusion));
    }
    out
}

fn correction(
    kind: Kind,
    (ocr, corrected): (&str, &str),
    (ra, rb): (Range<usize>, Range<usize>),
    confusion: Option<Confusion>,
) -> Correction {
    Correction {
        kind,
        ocr_text: ocr[ra.clone()].to_owned(),
        corrected_text: corrected[rb.clone()].to_owned(),
        ocr: ra,
        corrected: rb,
        confusion,
    }
}

/// The one correction between texts of which one has no clusters at all.
fn whole_texts(ocr: &str, corrected: &str, furniture: &[Range<usize>]) -> Vec<Correction> {
    if ocr == corrected {
        return Vec::new();
    }
    let kind = match (ocr.trim().is_empty(), corrected.trim().is_empty()) {
        (true, true) => Kind::Layout,
        (true, false) => Kind::Insertion,
        (false, true) if in_furniture(ocr, 0..ocr.len(), furniture) => Kind::Furniture,
        (false, true) => Kind::Deletion,
        (false, false) => Kind::Substitution,
    };
    vec![correction(kind, (ocr, corrected), (0..ocr.len(), 0..corrected.len()), None)]
}

/// The kind of a real region from its prepared OCR and corrected text.
fn kind_of(ocr: &str, corrected: &str) -> Kind {
    let (words_ocr, words_corrected) = (words(ocr), words(corrected));
    if words_corrected.is_empty() && words_ocr.is_empty() || is_layout(ocr, &words_corrected) {
        Kind::Layout
    } else if words_ocr.is_empty() {
        Kind::Insertion
    } else if words_corrected.is_empty() {
        Kind::Deletion
    } else if words_corrected.len() > words_ocr.len() {
        Kind::WordsJoined
    } else if words_corrected.len() < words_ocr.len() {
        Kind::WordSplit
    } else {
        Kind::Substitution
    }
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Hyphens that break a word at a line end: hyphen-minus, the not sign some typewriters and
/// OCR engines use, the soft hyphen and the Unicode hyphen.
const LINE_END_HYPHENS: [char; 4] = ['-', '¬', '\u{ad}', '\u{2010}'];

/// Whether the OCR reads as the correction once its line-end hyphens are joined, with or
/// without the hyphen, and spacing is ignored.
fn is_layout(ocr: &str, words_corrected: &[&str]) -> bool {
    if !ocr.contains('\n') {
        return false;
    }
    let joined = |keep: bool| {
        let mut out = String::with_capacity(ocr.len());
        let mut chars = ocr.chars().peekable();
        while let Some(c) = chars.next() {
            if LINE_END_HYPHENS.contains(&c) && chars.peek() == Some(&'\n') {
                chars.next();
                if keep {
                    out.push('-');
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    [false, true].into_iter().any(|keep| words(&joined(keep)) == words_corrected)
}

/// The runs of differing clusters in a region's columns, as (OCR, corrected) text.
fn edits<'t>(
    a: &'t Prepared,
    b: &'t Prepared,
    ops: &[Op],
    start: (usize, usize),
) -> Vec<(&'t str, &'t str)> {
    let mut out = Vec::new();
    let (mut i, mut j) = start;
    let mut run: Option<(usize, usize)> = None;
    for &op in ops.iter().chain([Op::Match].iter()) {
        match (op, run) {
            (Op::Match, Some((si, sj))) => {
                out.push((&a.text[a.span(si..i)], &b.text[b.span(sj..j)]));
                run = None;
            }
            (Op::Match, None) => {}
            (_, None) => run = Some((i, j)),
            (_, Some(_)) => {}
        }
        let (di, dj) = op.advance();
        (i, j) = (i + di, j + dj);
    }
    out
}

/// A deletion, cut where its lines turn from furniture to text or back. Blank lines go with
/// the lines before them (or after them, at the start). `kept` is the whitespace of the
/// correction the region holds, which goes with the first piece.
fn split_furniture(
    (ocr, corrected): (&str, &str),
    a: &Prepared,
    clusters: Range<usize>,
    kept: Range<usize>,
    furniture: &[Range<usize>],
    out: &mut Vec<Correction>,
) {
    let mut pieces: Vec<(Range<usize>, Option<bool>)> = Vec::new();
    let mut line_start = clusters.start;
    for k in clusters.clone() {
        let ends_line = k + 1 == clusters.end || a.cluster(k + 1) == "\n";
        if !ends_line {
            continue;
        }
        let line = line_start..k + 1;
        let source = a.source(line.clone());
        let class =
            (!ocr[source.clone()].trim().is_empty()).then(|| in_furniture(ocr, source, furniture));
        match pieces.last_mut() {
            Some((range, last)) if class.is_none() || *last == class || last.is_none() => {
                range.end = line.end;
                *last = last.or(class);
            }
            _ => pieces.push((line, class)),
        }
        line_start = k + 1;
    }
    for (n, (range, class)) in pieces.into_iter().enumerate() {
        let kind = if class == Some(true) { Kind::Furniture } else { Kind::Deletion };
        let replacement = if n == 0 { kept.clone() } else { kept.end..kept.end };
        out.push(correction(kind, (ocr, corrected), (a.source(range), replacement), None));
    }
}

/// Whether every non-blank line of `ocr[range]` lies within a furniture range.
fn in_furniture(ocr: &str, range: Range<usize>, furniture: &[Range<usize>]) -> bool {
    let mut start = range.start;
    let mut any = false;
    for line in ocr[range.clone()].split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let offset = start + (line.len() - line.trim_start().len());
            let span = offset..offset + trimmed.len();
            if !furniture.iter().any(|f| f.start <= span.start && span.end <= f.end) {
                return false;
            }
            any = true;
        }
        start += line.len() + 1;
    }
    any
}
