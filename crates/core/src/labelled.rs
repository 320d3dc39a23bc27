//! Text with labelled byte ranges, cut into the segments a renderer shows.
//!
//! Search highlights, page furniture, snippet marks and the marks of a comparison are all the
//! same thing: ranges of a text, each with a label saying what it is. Ranges may overlap (a
//! highlight inside a furniture line, the current hit over a plain one) or nest. [`segments`]
//! cuts the text at every boundary once, so that each piece knows every label covering it, and
//! every renderer (the app's pages, the CLI's snippets) wraps pieces instead of slicing strings
//! itself. Ranges a caller got wrong (past the end, inside a character, empty) are mended or
//! dropped here, never a panic.

use std::ops::Range;

/// One labelled range of a text, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled<L> {
    pub range: Range<usize>,
    pub label: L,
}

impl<L> Labelled<L> {
    pub fn new(range: Range<usize>, label: L) -> Labelled<L> {
        Labelled { range, label }
    }
}

/// A stretch of the text and the labels of every range that covers all of it, outermost first
/// (the range that starts first; of two starting together, the longer; then input order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a, L> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub labels: Vec<&'a L>,
}

/// The text cut at every boundary of `ranges`. The segments cover the text exactly, in order;
/// an empty text gives no segment.
pub fn segments<'a, L>(text: &'a str, ranges: &'a [Labelled<L>]) -> Vec<Segment<'a, L>> {
    let mended: Vec<(Range<usize>, usize)> = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| (mend(text, &r.range), i))
        .filter(|(range, _)| !range.is_empty())
        .collect();
    let mut order: Vec<usize> = (0..mended.len()).collect();
    order.sort_by_key(|&i| (mended[i].0.start, std::cmp::Reverse(mended[i].0.end), mended[i].1));
    let mut cuts: Vec<usize> = mended.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    cuts.extend([0, text.len()]);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        active.retain(|&i| mended[i].0.end > from);
        while next < order.len() && mended[order[next]].0.start <= from {
            active.push(order[next]);
            next += 1;
        }
        out.push(Segment {
            text: &text[from..to],
            range: from..to,
            labels: active.iter().map(|&i| &ranges[mended[i].1].label).collect(),
        });
    }
    out
}

/// `range` within the text and on character boundaries: the end clamped to the text, a start
/// inside a character moved back to its start, an end moved forward to the next boundary.
fn mend(text: &str, range: &Range<usize>) -> Range<usize> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, ranges: &[Labelled<char>]) -> Vec<(String, String)> {
        segments(text, ranges)
            .into_iter()
            .map(|s| (s.text.to_owned(), s.labels.into_iter().collect()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    #[test]
    fn no_ranges_is_one_plain_segment() {
        assert_eq!(cut("Karakhstanskaya Pravda", &[]), pairs(&[("Karakhstanskaya Pravda", "")]));
        assert!(segments::<char>("", &[]).is_empty());
    }

    #[test]
    fn disjoint_ranges_alternate_with_plain_text() {
        let ranges = [Labelled::new(0..5, 'a'), Labelled::new(10..16, 'b')];
        assert_eq!(
            cut("Perty genoral report", &ranges),
            pairs(&[("Perty", "a"), (" geno", ""), ("ral re", "b"), ("port", "")])
        );
    }

    #[test]
    fn nested_ranges_list_the_outer_label_first() {
        let ranges = [Labelled::new(6..9, 'm'), Labelled::new(0..12, 'f')];
        assert_eq!(
            cut("50X1-HUM abc def", &ranges),
            pairs(&[("50X1-H", "f"), ("UM ", "fm"), ("abc", "f"), (" def", "")])
        );
    }

    #[test]
    fn overlapping_ranges_cut_at_every_boundary() {
        let ranges = [Labelled::new(0..6, 'a'), Labelled::new(3..9, 'b')];
        assert_eq!(
            cut("abcdefghij", &ranges),
            pairs(&[("abc", "a"), ("def", "ab"), ("ghi", "b"), ("j", "")])
        );
    }

    #[test]
    fn equal_ranges_keep_input_order() {
        let ranges = [Labelled::new(0..3, 'x'), Labelled::new(0..3, 'y')];
        assert_eq!(cut("abc", &ranges), pairs(&[("abc", "xy")]));
    }

    #[test]
    fn wrong_ranges_are_mended_or_dropped() {
        // "é" is two bytes: 1..2 falls inside it; 4..99 runs past the end; 3..3 is empty.
        let ranges =
            [Labelled::new(1..2, 'i'), Labelled::new(4..99, 'p'), Labelled::new(3..3, 'e')];
        assert_eq!(cut("aé bc", &ranges), pairs(&[("a", ""), ("é", "i"), (" ", ""), ("bc", "p")]));
        let (high, low) = (3, 1);
        let backwards = [Labelled { range: high..low, label: 'r' }];
        assert_eq!(cut("abcd", &backwards), pairs(&[("abcd", "")]));
    }

    #[test]
    fn segments_cover_the_text_exactly() {
        let text = "The Karakhstanskaya Pravda of 3 May 1949";
        let ranges: Vec<Labelled<u8>> =
            (0..40).step_by(3).map(|s| Labelled::new(s..(s * 7 % 41), (s % 5) as u8)).collect();
        let joined: String = segments(text, &ranges).iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
    }
}
