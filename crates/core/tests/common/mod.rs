//! The fixture sources, split into pages the way the importer splits them.
//!
//! - the CREST report has no page breaks of its own: its `documents/` copy adds a form feed
//!   after each centred page number `- 2 -` ... `- 6 -` and before the `50X1-HUM` that opens
//!   page 2 (see that folder's SOURCE.md); [`crest_pages`] does the same;
//! - a JFK-NARA Markdown file is one fenced text block, cut into pages before each NARA stamp
//!   line such as `14-00000`;
//! - a JFK-NARA text file is cut at its `--- Page N ---` lines, which are dropped.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub const CREST_FILE: &str = "crest/CIA-RDP80-00809A000600290716-5.txt";

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources")
}

pub fn fixture(relative: &str) -> String {
    let path = fixtures_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The CREST report with the importer's form feeds.
pub fn crest_ocr() -> String {
    let text = fixture(CREST_FILE);
    let mut out = String::new();
    let mut seen_page_one_bottom = false;
    let mut page_one_done = false;
    for line in text.split_inclusive('\n') {
        if !page_one_done && seen_page_one_bottom && line.trim() == "50X1-HUM" {
            out.push('\u{c}');
            page_one_done = true;
        }
        if line.trim() == "CLASSIFICATION X NAV DISTRIBUTION" {
            seen_page_one_bottom = true;
        }
        out.push_str(line);
        if (2..=6).any(|k| line.trim() == format!("- {k} -")) {
            out.push('\u{c}');
        }
    }
    out
}

pub fn crest_pages() -> Vec<String> {
    crest_ocr().split('\u{c}').map(str::to_owned).collect()
}

/// A NARA stamp line that begins a page in the Markdown files: `14-00000`, `14,0000`, `13-00000`.
fn is_stamp_line(line: &str) -> bool {
    let line = line.trim();
    let bytes = line.as_bytes();
    bytes.len() >= 7
        && bytes[0] == b'1'
        && matches!(bytes[1], b'3' | b'4')
        && matches!(bytes[2], b'-' | b',')
        && (4..=5).contains(&(bytes.len() - 3))
        && bytes[3..].iter().all(|&b| b == b'0')
}

/// The pages of a `tesseract-md/jfk_doc_N.md` file.
pub fn md_pages(name: &str) -> Vec<String> {
    let text = fixture(&format!("jfk-nara/tesseract-md/{name}"));
    let fenced = text
        .split_once("```text\n")
        .map(|(_, rest)| rest.rsplit_once("```").map_or(rest, |(body, _)| body))
        .unwrap_or(&text);
    let mut pages = vec![String::new()];
    for line in fenced.split_inclusive('\n') {
        if is_stamp_line(line) && !pages.last().is_some_and(|p| p.trim().is_empty()) {
            pages.push(String::new());
        }
        if let Some(page) = pages.last_mut() {
            page.push_str(line);
        }
    }
    pages
}

/// The pages of a `tesseract-txt/<record>.txt` file.
pub fn txt_pages(name: &str) -> Vec<String> {
    let text = fixture(&format!("jfk-nara/tesseract-txt/{name}"));
    let mut pages: Vec<String> = vec![String::new()];
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("--- Page ") && trimmed.ends_with(" ---") {
            pages.push(String::new());
        } else if let Some(page) = pages.last_mut() {
            page.push_str(line);
        }
    }
    if pages.first().is_some_and(|p| p.trim().is_empty()) {
        pages.remove(0);
    }
    pages
}

/// Every fixture as pages, with its file name.
pub fn all_fixture_pages() -> Vec<(String, Vec<String>)> {
    let mut out = vec![(CREST_FILE.to_owned(), crest_pages())];
    for (folder, split) in [
        ("jfk-nara/tesseract-md", md_pages as fn(&str) -> Vec<String>),
        ("jfk-nara/tesseract-txt", txt_pages),
    ] {
        let mut names: Vec<String> = std::fs::read_dir(fixtures_dir().join(folder))
            .unwrap_or_else(|e| panic!("{folder}: {e}"))
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .collect();
        names.sort();
        for name in names {
            let pages = split(&name);
            out.push((format!("{folder}/{name}"), pages));
        }
    }
    out
}

pub fn as_strs(pages: &[String]) -> Vec<&str> {
    pages.iter().map(String::as_str).collect()
}
