//! Plain text whose pages end with a centred page number, like `- 2 -`.
//!
//! Typed reports (the CIA's translations among them) number every page but the first at its
//! foot, and OCR keeps those lines while losing the page breaks. A page therefore ends after
//! its number line, and text after the last number belongs to the last page. A dash-framed
//! number could be ordinary text, so the convention is believed only when there are at least
//! two such lines and their numbers increase.
//!
//! When the first number is 2, page 1 carried none, and its end must be found another way.
//! Declassified reports repeat a sanitization code such as `50X1-HUM` at the head of every
//! page, so page 2 begins at the first code line that follows page 1's own text. Without such
//! a line the first stretch stays one page: a missing break is better than a wrong one.

use super::text::{content, is_number, lines};

/// Splits `text` after its page-number lines; `None` if it does not follow the convention.
pub(crate) fn split(text: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = lines(text).collect();
    let numbered: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| page_number(content(line)).map(|n| (index, n)))
        .collect();
    let increasing = numbered.windows(2).all(|pair| pair[0].1 < pair[1].1);
    if numbered.len() < 2 || !increasing {
        return None;
    }
    let mut pages = Vec::with_capacity(numbered.len() + 1);
    let mut start = 0;
    for &(index, _) in &numbered {
        pages.push(lines[start..=index].concat());
        start = index + 1;
    }
    if let Some(last) = pages.last_mut() {
        last.push_str(&lines[start..].concat());
    }
    if numbered.first().is_some_and(|&(_, n)| n == 2) {
        let first_end = numbered[0].0;
        if let Some(split) = page_one_end(&lines[..=first_end]) {
            pages[0] = lines[split..=first_end].concat();
            pages.insert(0, lines[..split].concat());
        }
    }
    Some(pages)
}

/// The number of a centred page-number line such as `- 2 -` or ` -12- `.
pub(crate) fn page_number(line: &str) -> Option<u32> {
    let inner = line.trim().strip_prefix('-')?.strip_suffix('-')?.trim();
    if !is_number(inner) {
        return None;
    }
    inner.parse().ok()
}

/// A sanitization code on a line of its own: `25X1`, `50X1-HUM`.
pub(crate) fn is_sanitization_code(line: &str) -> bool {
    let line = line.trim();
    let (code, suffix) = line.split_at_checked(4).unwrap_or((line, ""));
    let code = code.as_bytes();
    let code_ok = code.len() == 4
        && code[0].is_ascii_digit()
        && code[1].is_ascii_digit()
        && code[2] == b'X'
        && code[3].is_ascii_digit();
    let suffix_ok = suffix.is_empty()
        || suffix
            .strip_prefix('-')
            .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase()));
    code_ok && suffix_ok
}

/// Where page 1 ends inside the stretch before the first page number: at the first
/// sanitization code after a line of other text. A code at the very top is page 1's own.
fn page_one_end(lines: &[&str]) -> Option<usize> {
    let mut seen_text = false;
    for (index, line) in lines.iter().enumerate() {
        let line = content(line);
        if is_sanitization_code(line) {
            if seen_text {
                return Some(index);
            }
        } else if !line.trim().is_empty() {
            seen_text = true;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_dash_framed_digits() {
        assert_eq!(page_number("- 2 -"), Some(2));
        assert_eq!(page_number("  -12-  "), Some(12));
        assert_eq!(page_number("- B N D -"), None);
        assert_eq!(page_number("- -"), None);
        assert_eq!(page_number("2"), None);
        assert_eq!(page_number("- 99999999999 -"), None);
    }

    #[test]
    fn sanitization_codes_are_recognised() {
        assert!(is_sanitization_code("50X1-HUM"));
        assert!(is_sanitization_code(" 25X1 "));
        assert!(!is_sanitization_code("50X1-"));
        assert!(!is_sanitization_code("50X1-hum"));
        assert!(!is_sanitization_code("50X12"));
        assert!(!is_sanitization_code("SECRET"));
        assert!(!is_sanitization_code("5éX1"));
    }

    #[test]
    fn each_page_ends_after_its_number_and_the_tail_joins_the_last() {
        let pages = split("one\n- 1 -\ntwo\n- 2 -\ntail").unwrap();
        assert_eq!(pages, vec!["one\n- 1 -\n", "two\n- 2 -\ntail"]);
    }

    #[test]
    fn an_unnumbered_first_page_ends_before_the_next_sanitization_code() {
        let text = "50X1-HUM\nhead\nbody\n\n50X1-HUM\npage two\n- 2 -\nthree\n- 3 -\n";
        let pages = split(text).unwrap();
        assert_eq!(
            pages,
            vec!["50X1-HUM\nhead\nbody\n\n", "50X1-HUM\npage two\n- 2 -\n", "three\n- 3 -\n"]
        );
    }

    #[test]
    fn without_a_code_the_first_stretch_stays_one_page() {
        let pages = split("one\npage two\n- 2 -\nthree\n- 3 -\n").unwrap();
        assert_eq!(pages.len(), 2);
    }

    #[test]
    fn one_number_or_decreasing_numbers_are_not_this_format() {
        assert_eq!(split("a\n- 2 -\nb\n"), None);
        assert_eq!(split("a\n- 3 -\nb\n- 2 -\n"), None);
    }
}
