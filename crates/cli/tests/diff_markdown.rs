//! `readingroom diff` against a correction in Markdown, on the CIA report: `--document` gives
//! exactly the figures `stats` gives the document, `diff ocr.txt corrected.md` reads the
//! Markdown as Markdown (its page markers and markup are not text) and differs from the
//! document's figures by the furniture alone, and `--plain` keeps the plain-text reading.

mod common;
use common::{readingroom, scratch, workspace};
use serde_json::Value;
use std::path::Path;

const CIA: &str = "documents/cia-rdp80-00809a000600290716-5";
const ID: &str = "cia-rdp80-00809a000600290716-5";

fn json(args: &[&str]) -> Value {
    let out = readingroom(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The error `readingroom <args>` fails with.
fn error(args: &[&str]) -> String {
    let out = readingroom(args);
    assert_eq!(out.status.code(), Some(1), "{args:?} fails");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn document() -> Value {
    json(&["diff", "--document", CIA, "--json"])
}

/// The page figures that both commands give: rates, lengths.
fn figures(value: &Value) -> [Value; 4] {
    ["cer", "wer", "chars", "words"].map(|key| value[key].clone())
}

#[test]
fn a_document_has_the_figures_stats_gives_it_page_by_page() {
    let stats = json(&["stats", "documents", "--json"]);
    let entry = stats["documents"].as_array().expect("documents").iter().find(|d| d["id"] == ID);
    let quality = &entry.expect("the CIA report in stats")["quality"];
    let diff = document();
    assert_eq!(diff["document"], ID);
    assert_eq!(figures(&diff), figures(&quality["metrics"]));
    assert!(diff["cer"].as_f64().is_some_and(|cer| cer > 0.0), "{}", diff["cer"]);
    let pages = diff["pages"].as_array().expect("pages");
    let stats_pages = quality["pages"].as_array().expect("stats pages");
    assert_eq!(pages.len(), stats_pages.len());
    for (page, stats_page) in pages.iter().zip(stats_pages) {
        assert_eq!(page["page"], stats_page["page"]);
        assert_eq!(figures(page), figures(stats_page), "page {}", page["page"]);
    }
    // The text output shows the same rate as the stats table, and a heading for each page.
    let text = String::from_utf8(readingroom(&["diff", "--document", CIA]).stdout).expect("utf-8");
    let table = String::from_utf8(readingroom(&["stats", "documents"]).stdout).expect("utf-8");
    let row: Vec<&str> =
        table.lines().find(|l| l.starts_with(ID)).expect("row").split_whitespace().collect();
    let cer_line = text.lines().find(|l| l.starts_with("CER: ")).expect("a CER line");
    assert!(cer_line.starts_with(&format!("CER: {} {}", row[2], row[3])), "{cer_line} / {row:?}");
    for page in pages {
        assert!(text.contains(&format!("\npage {}: CER ", page["page"])), "{text}");
    }
}

#[test]
fn a_markdown_correction_is_read_as_markdown_with_the_furniture_counted() {
    let whole =
        json(&["diff", &format!("{CIA}/ocr.txt"), &format!("{CIA}/corrected.md"), "--json"]);
    let corrections: Vec<&Value> = pages(&whole)
        .iter()
        .flat_map(|p| p["corrections"].as_array().expect("corrections"))
        .collect();
    for c in &corrections {
        let text = c["corrected_text"].as_str().expect("corrected_text");
        assert!(!text.contains("<!--") && !text.contains("**"), "markup as text: {c}");
    }
    let document = document();
    // The corrected text is read the same way, so its length is the same...
    assert_eq!((&whole["chars"], &whole["words"]), (&document["chars"], &document["words"]));
    // ...but two files are not known to be a document of the collection, so their furniture
    // (stamps, page numbers, sanitization codes) stays in the OCR, and the corrector's leaving
    // it out counts as errors, listed as furniture. That is the whole difference: with the
    // furniture lines that `--document` reports blanked out of the OCR, the two files give
    // exactly the document's figures, page by page.
    assert!(whole["counts"]["furniture"].as_u64() > Some(0));
    assert!(whole["char_distance"].as_u64() > document["char_distance"].as_u64());
    let dir = scratch("diff_markdown", "blanked");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let blanked = dir.join("ocr.txt");
    std::fs::write(&blanked, blank_furniture(&document)).expect("blanked OCR");
    let same =
        json(&["diff", &blanked.to_string_lossy(), &format!("{CIA}/corrected.md"), "--json"]);
    let distances = |v: &Value| [v["char_distance"].clone(), v["word_distance"].clone()];
    assert_eq!(distances(&same), distances(&document));
    assert_eq!(figures(&same), figures(&document));
    for (page, want) in pages(&same).iter().zip(pages(&document)) {
        assert_eq!(figures(page), figures(want), "page {}", page["page"]);
    }
}

fn pages(value: &Value) -> &[Value] {
    value["pages"].as_array().expect("pages")
}

/// The CIA report's OCR with every furniture line `--document` lists replaced by spaces.
fn blank_furniture(document: &Value) -> String {
    let ocr = std::fs::read_to_string(workspace().join(CIA).join("ocr.txt")).expect("ocr");
    let mut pages: Vec<String> = ocr.split('\u{c}').map(str::to_owned).collect();
    for page in self::pages(document) {
        let text = &mut pages[page["page"].as_u64().expect("number") as usize - 1];
        for line in page["furniture"].as_array().expect("furniture left out") {
            let at = |key: &str| line[key].as_u64().expect("offset") as usize;
            let range = at("start")..at("end");
            assert_eq!(Some(&text[range.clone()]), line["text"].as_str());
            text.replace_range(range.clone(), &" ".repeat(range.len()));
        }
    }
    pages.join("\u{c}")
}

#[test]
fn plain_reads_the_markdown_as_text_as_before() {
    let plain = json(&[
        "diff",
        "--plain",
        &format!("{CIA}/ocr.txt"),
        &format!("{CIA}/corrected.md"),
        "--json",
    ]);
    // The plain-text reading is the one a `.txt` correction gets: dinglehopper's.
    let dir = scratch("diff_markdown", "plain");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let copy = dir.join("corrected.txt");
    std::fs::copy(workspace().join(CIA).join("corrected.md"), &copy).expect("copy");
    let text = json(&["diff", &format!("{CIA}/ocr.txt"), &copy.to_string_lossy(), "--json"]);
    assert_eq!(plain, text);
    assert!(plain.get("pages").is_none());
    let first = &plain["corrections"][0];
    assert!(
        first["corrected_text"].as_str().is_some_and(|t| t.contains("<!-- page 1 -->")),
        "{first}"
    );
    let markdown =
        json(&["diff", &format!("{CIA}/ocr.txt"), &format!("{CIA}/corrected.md"), "--json"]);
    assert!(plain["cer"].as_f64() > markdown["cer"].as_f64(), "markup and markers cost");
}

#[test]
fn wrong_uses_of_document_say_what_to_give_instead() {
    let with_files = error(&["diff", "--document", CIA, &format!("{CIA}/ocr.txt")]);
    assert!(with_files.contains("takes no files"), "{with_files}");
    assert!(with_files.contains(&format!("readingroom diff --document {CIA}`")), "{with_files}");
    let plain = error(&["diff", "--document", CIA, "--plain"]);
    assert!(plain.contains("--plain cannot go with --document"), "{plain}");
    let root = error(&["diff", "--document", "documents"]);
    assert!(root.contains("documents is a documents folder, not one document"), "{root}");
    let file = error(&["diff", "--document", &format!("{CIA}/ocr.txt")]);
    assert!(file.contains(&format!("--document {CIA}")), "{file}");

    // Neither has a corrected.md; the one with a second OCR run is told how to compare runs.
    let single = error(&["diff", "--document", "documents/104-10004-10156"]);
    assert!(single.contains("has no corrected.md, so there is nothing to compare"), "{single}");
    assert!(!single.contains("second OCR run"), "{single}");
    let two_runs = "documents/104-10048-10252";
    assert!(Path::new(&workspace().join(two_runs).join("ocr-2.txt")).is_file());
    let runs = error(&["diff", "--document", two_runs]);
    assert!(runs.contains("has no corrected.md"), "{runs}");
    assert!(
        runs.contains(&format!("readingroom diff {two_runs}/ocr.txt {two_runs}/ocr-2.txt")),
        "{runs}"
    );
}

#[test]
fn page_markers_that_do_not_fit_the_ocr_are_an_error_naming_the_line() {
    let dir = scratch("diff_markdown", "markers");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(dir.join("ocr.txt"), "One page.\n\u{c}Two.\n").expect("ocr");
    std::fs::write(dir.join("bad.md"), "<!-- page 1 -->\nOne page.\n<!-- page 3 -->\nTwo.\n")
        .expect("md");
    let out = common::readingroom_in(&dir, &["diff", "ocr.txt", "bad.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("bad.md:3:1: error: Page marker 3 is outside"), "{stderr}");
    assert!(stderr.contains("--plain"), "{stderr}");
    // Without markers the correction is one page, compared with the whole OCR.
    std::fs::write(dir.join("one.md"), "One *page*.\n\nTwo.\n").expect("md");
    let out = common::readingroom_in(&dir, &["diff", "ocr.txt", "one.md", "--json"]);
    let got: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(got["pages"].as_array().map(Vec::len), Some(1));
    assert_eq!(got["words"], 3);
}
