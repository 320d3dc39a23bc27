//! The corrected transcription of the CIA report,
//! `documents/cia-rdp80-00809a000600290716-5/corrected.md`, checked against the OCR beside it:
//! none of the misreadings listed in `tests/fixtures/cia-misreadings.txt` survives, the page
//! markers run 1 to 7, no page furniture is left in the text, the report form keeps every word
//! of the OCR's form, and every page keeps the words of its OCR page: an in-order word alignment
//! (LCS) matches at least 95% of the OCR's body words, and no run of more than 4 of them is
//! missing, so no sentence was dropped or moved across a page marker.

use readingroom_core::{furniture, pages};
use std::path::Path;

const FOLDER: &str = "documents/cia-rdp80-00809a000600290716-5";

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn corrected() -> String {
    read(&format!("{FOLDER}/corrected.md"))
}

fn ocr() -> String {
    read(&format!("{FOLDER}/ocr.txt"))
}

/// Whether `needle` occurs in `text` as a whole word or phrase, ignoring case: where it begins
/// or ends with a letter or digit, the character beside it in `text` must not be one.
fn contains_phrase(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.to_lowercase(), needle.to_lowercase());
    let edge = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        let cut_start = edge(needle.chars().next()) && edge(before);
        let cut_end = edge(needle.chars().next_back()) && edge(after);
        !cut_start && !cut_end
    })
}

#[test]
fn no_listed_ocr_misreading_survives() {
    let list = read("tests/fixtures/cia-misreadings.txt");
    let pairs: Vec<(&str, &str)> =
        list.lines().filter_map(|l| l.split_once(" -> ")).map(|(a, b)| (a.trim(), b)).collect();
    assert!(pairs.len() >= 40, "the list of misreadings has only {} entries", pairs.len());
    let (ocr, corrected) = (ocr(), corrected());
    for (misread, right) in &pairs {
        assert!(ocr.contains(misread), "\"{misread}\" is listed but is not in the OCR");
        assert!(contains_phrase(&corrected, right.trim()), "the correction \"{right}\" is missing");
    }
    let surviving: Vec<&str> =
        pairs.iter().map(|p| p.0).filter(|m| contains_phrase(&corrected, m)).collect();
    assert!(surviving.is_empty(), "OCR misreadings left in corrected.md: {surviving:?}");
}

#[test]
fn the_page_markers_run_from_1_to_7_on_lines_of_their_own() {
    let text = corrected();
    assert!(text.starts_with("<!-- page 1 -->\n\n"), "corrected.md must begin with page 1");
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.contains("<!--") {
            continue;
        }
        let n = line.strip_prefix("<!-- page ").and_then(|r| r.strip_suffix(" -->"));
        let n: u32 = n.and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("line {line:?}"));
        let blank = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_none_or(|l| l.is_empty());
        assert!(blank(i.checked_sub(1)) && blank(Some(i + 1)), "marker {n} needs blank lines");
        found.push(n);
    }
    assert_eq!(found, (1..=7).collect::<Vec<_>>());
}

/// Lines of the OCR that core's furniture detection leaves as text on purpose (scattered glyphs
/// and a lone damaged stamp beside page 4's and page 5's stamps) but that TRANSCRIPTION.md §6
/// lists as misread classification stamps, which the transcription leaves out.
const STAMP_NOISE: [&str; 3] = ["c 7 C Ħ Ĺ 1", "S E Ü ü Ĺ 1", "Salle T"];

/// Classification stamps and their misreadings as TRANSCRIPTION.md §6 lists them.
const STAMPS: [&str; 12] = [
    "SECRET",
    "SEGNET",
    "BECRET",
    "SEGRE",
    "SEGIRE",
    "SECHET",
    "SEGUE",
    "SLUME",
    "CONFIDENTIAL",
    "GONEIENTIAL",
    "CONRDENTIAL",
    "S E C R E T",
];

fn normalized(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line without its Markdown decoration: quote marks, headings, list bullets, emphasis.
fn undecorated(line: &str) -> String {
    let line = line.trim_start_matches(['>', '#', ' ', '\\']);
    let line = line.strip_prefix("- ").unwrap_or(line);
    normalized(&line.replace(['*', '_'], ""))
}

#[test]
fn no_page_furniture_is_left_in_the_text() {
    let text = corrected();
    for code in ["50X1-HUM", "Sanitized Copy Approved", "CIA-RDP80", "CLASSIFICATION", "X NAV"] {
        assert!(!text.contains(code), "corrected.md contains \"{code}\"");
    }
    let ocr = ocr();
    let mut furniture_lines: Vec<String> = STAMP_NOISE.iter().map(|s| s.to_string()).collect();
    for page in pages::split(&ocr) {
        furniture_lines
            .extend(furniture::detect(page).iter().map(|f| normalized(&page[f.start..f.end])));
    }
    assert!(
        furniture_lines.len() > 30,
        "only {} furniture lines in the OCR",
        furniture_lines.len()
    );
    for (n, raw) in text.lines().enumerate() {
        let line = undecorated(raw);
        let at = format!("corrected.md:{}: {raw:?}", n + 1);
        assert!(!furniture_lines.contains(&line), "{at} is a furniture line of the OCR");
        let word = line.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        assert!(!STAMPS.iter().any(|s| word.eq_ignore_ascii_case(s)), "{at} is a stamp");
        let number = raw.trim_matches(['-', ' ', '\\']);
        let page_number = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
        assert!(!page_number, "{at} is a page number");
    }
    for (k, page) in pages_of(&text).iter().enumerate() {
        let found: Vec<&str> =
            furniture::detect(page).iter().map(|f| &page[f.start..f.end]).collect();
        assert!(found.is_empty(), "page {}: furniture detected: {found:?}", k + 1);
    }
}

/// The text of each page of corrected.md, split at its `<!-- page N -->` lines.
fn pages_of(text: &str) -> Vec<String> {
    let mut pages: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with("<!-- page ") {
            pages.push(String::new());
        } else if let Some(page) = pages.last_mut() {
            page.push_str(line);
            page.push('\n');
        }
    }
    pages
}

/// Lowercased runs of letters and digits: what a reader would search for.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// One OCR page without its furniture lines, the stamp noise above and the `<u>` markup.
fn body_text(page: &str) -> String {
    let mut body = String::new();
    let mut at = 0;
    for f in furniture::detect(page) {
        body.push_str(&page[at..f.start]);
        at = f.end;
    }
    body.push_str(&page[at..]);
    let kept: Vec<&str> =
        body.lines().filter(|l| !STAMP_NOISE.contains(&normalized(l).as_str())).collect();
    kept.join("\n").replace("<u>", "").replace("</u>", "")
}

/// For each word of `a`, whether a longest common subsequence with `b` uses it.
fn matched(a: &[String], b: &[String]) -> Vec<bool> {
    let width = b.len() + 1;
    let mut table = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i * width + j] = if a[i] == b[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j, mut used) = (0, 0, vec![false; a.len()]);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            used[i] = true;
            (i, j) = (i + 1, j + 1);
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    used
}

/// The report's headline: the form above it is laid out in two columns, which the OCR reads
/// interleaved (`DATE DIST. 24 Mar 1950` between HOW PUBLISHED and WHERE PUBLISHED), so its
/// fields are compared as a set of words; from the headline on, the text is compared in order.
const HEADLINE: &str = "LOCAL PARTY INSTRUCTORS HIT NONPOLITICAL";

fn split_at_headline(page: &str) -> (&str, &str) {
    let at = page.find(HEADLINE).unwrap_or_else(|| panic!("no {HEADLINE:?} on page 1"));
    page.split_at(at)
}

#[test]
fn the_report_form_keeps_every_field_of_the_ocr() {
    let (ocr, text) = (body_text(pages::split(&ocr())[0]), pages_of(&corrected())[0].clone());
    let (ocr_form, corrected_form) = (split_at_headline(&ocr).0, split_at_headline(&text).0);
    let list = read("tests/fixtures/cia-misreadings.txt");
    let misread: Vec<String> =
        list.lines().filter_map(|l| l.split_once(" -> ")).flat_map(|p| words(p.0)).collect();
    let mut left = words(corrected_form);
    let mut missing = Vec::new();
    let ocr_words = words(ocr_form);
    for word in &ocr_words {
        match left.iter().position(|w| w == word) {
            Some(i) => {
                left.swap_remove(i);
            }
            None => missing.push(word.clone()),
        }
    }
    assert!(ocr_words.len() > 50, "only {} words in the OCR's form", ocr_words.len());
    let unexplained: Vec<&String> =
        missing.iter().filter(|w| w.chars().count() > 1 && !misread.contains(w)).collect();
    assert!(unexplained.is_empty(), "form words of the OCR not in corrected.md: {unexplained:?}");
}

#[test]
fn every_page_keeps_the_words_of_its_ocr_page() {
    let (ocr, text) = (ocr(), corrected());
    for noise in STAMP_NOISE {
        assert!(ocr.lines().any(|l| normalized(l) == noise), "no line {noise:?} in the OCR");
    }
    let mut ocr_pages: Vec<String> = pages::split(&ocr).into_iter().map(body_text).collect();
    let mut corrected_pages = pages_of(&text);
    assert_eq!((ocr_pages.len(), corrected_pages.len()), (7, 7));
    ocr_pages[0] = split_at_headline(&ocr_pages[0]).1.to_owned();
    corrected_pages[0] = split_at_headline(&corrected_pages[0]).1.to_owned();
    let (mut total, mut kept, mut report, mut long_runs) = (0, 0, String::new(), Vec::new());
    for (k, (ocr_page, page)) in ocr_pages.iter().zip(&corrected_pages).enumerate() {
        let marked = page.replace("[illegible]", " ").replace("[?]", " ");
        let (a, b) = (words(ocr_page), words(&marked));
        let used = matched(&a, &b);
        let hits = used.iter().filter(|&&u| u).count();
        report.push_str(&format!("page {}: {hits} of {} OCR body words matched\n", k + 1, a.len()));
        (total, kept) = (total + a.len(), kept + hits);
        let mut start = 0;
        for i in 0..=a.len() {
            if i < a.len() && !used[i] {
                continue;
            }
            if i > start {
                let run = a[start..i].join(" ");
                report.push_str(&format!("  unmatched: {run}\n"));
                if i - start > 4 {
                    long_runs.push(format!("page {}: {run}", k + 1));
                }
            }
            start = i + 1;
        }
    }
    let share = kept as f64 / total as f64;
    report.push_str(&format!("total: {kept} of {total} ({:.1}%)\n", share * 100.0));
    assert!(total > 3000, "only {total} OCR body words\n{report}");
    assert!(share >= 0.95, "too few OCR words kept\n{report}");
    assert!(
        long_runs.is_empty(),
        "runs of more than 4 OCR words missing: {long_runs:#?}\n{report}"
    );
    println!("{report}");
}
