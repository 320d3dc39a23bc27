//! Page furniture: the stamps, page numbers, sanitization codes and release lines that archives
//! and censors put on every page, as opposed to the text of the report.
//!
//! Nothing is removed from the OCR. [`detect`] only records which whole lines of a page are
//! furniture, so that search can rank a hit in `SECRET` below a hit in the body and the reader
//! can set furniture apart. A line of running text is never furniture: every rule here matches
//! a line that consists of the furniture alone (a stamp word with at most a copy number or a
//! dissemination control, a number between dashes, a code, a release phrase), and OCR damage is
//! absorbed by comparing letters by edit distance rather than by loosening what a line may hold.
//!
//! Stamps read so badly that only their place gives them away (`SLUME`, `SEGUE` beside a clean
//! `SECRET`) are furniture when they are a lone upper-case word next to other furniture. Lines of
//! scattered single glyphs beside stamps (`c 7 C Ħ Ĺ 1`) are left as text: they match nothing a
//! reader would search for, and no rule could tell which stamp they were.

mod stamps;
pub(crate) mod words;

use serde::{Deserialize, Serialize};
pub(crate) use stamps::stamp_word;

/// What a furniture line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    /// `SECRET`, `CONFIDENTIAL`, their misreadings, and the `CLASSIFICATION` box label.
    Classification,
    /// `- 2 -`, `Page 3`, or a line holding only a small number.
    PageNumber,
    /// A censor's exemption code such as `50X1-HUM` or `25X1`.
    SanitizationCode,
    /// `Sanitized Copy Approved for Release ...` and the JFK release banner.
    ReleaseLine,
    /// The National Archives' page stamp, such as `14-00000`.
    ArchiveStamp,
}

/// One furniture line: `start..end` is the byte range of the whole line in the page text,
/// without its line break (`\n`, or `\r\n` in files written on Windows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub start: usize,
    pub end: usize,
}

/// The furniture lines of one page, sorted by `start` and never overlapping.
pub fn detect(page: &str) -> Vec<Furniture> {
    let lines = lines(page);
    let mut kinds: Vec<Option<FurnitureKind>> =
        lines.iter().map(|&(start, end)| kind_of(&page[start..end])).collect();
    mark_damaged_stamps(page, &lines, &mut kinds);
    lines
        .iter()
        .zip(kinds)
        .filter_map(|(&(start, end), kind)| kind.map(|kind| Furniture { kind, start, end }))
        .collect()
}

/// The byte ranges of the page's lines, each without its line break (`\n` or `\r\n`).
pub(crate) fn lines(page: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, byte) in page.bytes().enumerate() {
        if byte == b'\n' {
            let end = if i > start && page.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < page.len() {
        out.push((start, page.len()));
    }
    out
}

/// What furniture a line is on its own, without looking at its neighbours.
pub(crate) fn kind_of(line: &str) -> Option<FurnitureKind> {
    if is_archive_stamp(line) {
        Some(FurnitureKind::ArchiveStamp)
    } else if is_page_number(line) {
        Some(FurnitureKind::PageNumber)
    } else if is_sanitization_code(line) {
        Some(FurnitureKind::SanitizationCode)
    } else if stamps::is_release_line(line) {
        Some(FurnitureKind::ReleaseLine)
    } else if stamp_word(line).is_some() {
        Some(FurnitureKind::Classification)
    } else {
        None
    }
}

/// Marks badly damaged stamps that stand next to furniture, repeating until nothing changes so
/// that a run of them (`SEGRE` / `SECHET` beside `SECRET`) is marked from one clean stamp.
fn mark_damaged_stamps(page: &str, lines: &[(usize, usize)], kinds: &mut [Option<FurnitureKind>]) {
    let content: Vec<usize> =
        (0..lines.len()).filter(|&i| !page[lines[i].0..lines[i].1].trim().is_empty()).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for (n, &i) in content.iter().enumerate() {
            let (start, end) = lines[i];
            if kinds[i].is_some() || !stamps::is_damaged_stamp(&page[start..end]) {
                continue;
            }
            let before = n.checked_sub(1).and_then(|m| kinds[content[m]]);
            let after = content.get(n + 1).and_then(|&m| kinds[m]);
            if before.is_some() || after.is_some() {
                kinds[i] = Some(FurnitureKind::Classification);
                changed = true;
            }
        }
    }
}

/// `14-00000`, `13-00000`, `14,0000`, `1400000`: the NARA page stamp, with any trailing specks.
fn is_archive_stamp(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.trim_end_matches(['|', '=', ';', ':', '.', ',']);
    let Some(rest) = compact.strip_prefix('1') else { return false };
    let mut chars = rest.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let zeros = chars.as_str().trim_start_matches(['-', ',', '.', '~']);
    (4..=5).contains(&zeros.len()) && zeros.chars().all(|c| c == '0' || c == 'O')
}

/// `- 2 -`, `-2-`, `2`, `Page 3`, `PAGE 3 OF 7`.
fn is_page_number(line: &str) -> bool {
    let trimmed = line.trim().trim_matches(['-', '–', '—']).trim();
    if is_small_number(trimmed) {
        return true;
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    match words.as_slice() {
        [page, n] => page.eq_ignore_ascii_case("page") && is_small_number(n),
        [page, n, of, total] => {
            page.eq_ignore_ascii_case("page")
                && of.eq_ignore_ascii_case("of")
                && is_small_number(n)
                && is_small_number(total)
        }
        _ => false,
    }
}

fn is_small_number(text: &str) -> bool {
    (1..=3).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.bytes().any(|b| b != b'0')
}

/// `50X1-HUM`, `25X1`, `50X1`, `25X1A`, also with `O` read for `0`.
fn is_sanitization_code(line: &str) -> bool {
    let code = line.trim().trim_end_matches(['.', ',', '|']).to_ascii_uppercase().replace('O', "0");
    let Some(rest) = code.strip_prefix("25X").or_else(|| code.strip_prefix("50X")) else {
        return false;
    };
    let mut chars = rest.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let suffix = chars.as_str();
    suffix.is_empty()
        || suffix == "-HUM"
        || (suffix.len() <= 2 && suffix.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(page: &str) -> Vec<(FurnitureKind, &str)> {
        detect(page).iter().map(|f| (f.kind, &page[f.start..f.end])).collect()
    }

    #[test]
    fn ranges_cover_whole_lines_without_their_breaks() {
        let page = "SECRET\nThe report.\n- 2 -";
        assert_eq!(
            detect(page),
            vec![
                Furniture { kind: FurnitureKind::Classification, start: 0, end: 6 },
                Furniture { kind: FurnitureKind::PageNumber, start: 19, end: 24 },
            ]
        );
    }

    #[test]
    fn windows_line_breaks_stay_outside_the_range() {
        assert_eq!(
            detect("x\r\n13-00000\r\n"),
            vec![Furniture { kind: FurnitureKind::ArchiveStamp, start: 3, end: 11 }]
        );
    }

    #[test]
    fn page_numbers_codes_and_archive_stamps() {
        let page = "14-00000\n50X1-HUM\n25X1\n- 3 -\nPage 4\n12\n13-00000 ; ;\n";
        use FurnitureKind::*;
        assert_eq!(
            kinds(page),
            vec![
                (ArchiveStamp, "14-00000"),
                (SanitizationCode, "50X1-HUM"),
                (SanitizationCode, "25X1"),
                (PageNumber, "- 3 -"),
                (PageNumber, "Page 4"),
                (PageNumber, "12"),
                (ArchiveStamp, "13-00000 ; ;"),
            ]
        );
    }

    #[test]
    fn numbers_in_running_text_are_not_furniture() {
        for line in
            ["24427", "0", "In 1949 the Party met.", "Page 3 of the report says", "1950-03-24"]
        {
            assert_eq!(kind_of(line), None, "{line}");
        }
    }

    #[test]
    fn damaged_stamps_count_only_beside_furniture() {
        let page = "SECRET 1\n\nSLUME\n\nThe body.\n\nSEGUE\n";
        assert_eq!(
            kinds(page),
            vec![
                (FurnitureKind::Classification, "SECRET 1"),
                (FurnitureKind::Classification, "SLUME")
            ]
        );
    }
}
