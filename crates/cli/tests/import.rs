//! `readingroom import` on the real fixtures in crates/core/tests/fixtures, into scratch folders:
//! the CREST report and the JFK text files give the default collection's `ocr.txt` byte for
//! byte with the right pages; every encoding gives the same text; hOCR, ALTO and PAGE-XML import
//! to their words and check clean; an existing folder is never changed without --force, --force
//! keeps the curator's corrected.md, --add-run appends a run without touching what was there;
//! a PNG and --id with several files are refused and create nothing.

mod common;
use common::{readingroom, workspace};

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const FIXTURES: &str = "crates/core/tests/fixtures";
const CREST: &str = "crates/core/tests/fixtures/sources/crest/CIA-RDP80-00809A000600290716-5.txt";
const CREST_ID: &str = "cia-rdp80-00809a000600290716-5";

/// A fresh scratch folder for one test; the path as a string for the command line.
fn scratch(name: &str) -> String {
    common::scratch("import-tests", name).to_str().expect("utf-8 path").to_owned()
}

/// Runs `readingroom import` and asserts it succeeded; returns its stderr.
fn import(files: &[&str], into: &str, options: &[&str]) -> String {
    let out = readingroom(&[&["import"], files, &["--into", into], options].concat());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "import {files:?}: {stderr}");
    stderr
}

fn assert_checks_clean(dir: &str) {
    let out = readingroom(&["check", dir]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "check {dir}: {report}");
    assert!(!report.contains("error:"), "{report}");
}

fn read(path: impl AsRef<Path>) -> Vec<u8> {
    let path = workspace().join(path);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text(path: impl AsRef<Path>) -> String {
    String::from_utf8(read(path)).expect("UTF-8")
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.insert(path.clone(), fs::read(&path).expect("readable file"));
        }
    }
    files
}

#[test]
fn the_crest_report_imports_as_the_default_collection_has_it() {
    let into = scratch("crest");
    import(&[CREST], &into, &[]);
    let ocr = text(Path::new(&into).join(CREST_ID).join("ocr.txt"));
    assert!(ocr == text(format!("documents/{CREST_ID}/ocr.txt")), "ocr.txt differs");
    let pages: Vec<&str> = ocr.split('\u{c}').collect();
    assert_eq!(pages.len(), 7);
    for (k, page) in pages.iter().enumerate().skip(1) {
        let number = format!("- {} -", k + 1);
        assert!(
            page.lines().any(|l| l.trim() == number),
            "page {} does not end with {number}",
            k + 1
        );
    }
    assert_checks_clean(&into);
}

fn page_lines(source: &str) -> usize {
    let is_marker = |l: &str| {
        let n = l.trim().strip_prefix("--- Page ").and_then(|r| r.strip_suffix(" ---"));
        n.is_some_and(|n| n.parse::<u32>().is_ok())
    };
    source.lines().filter(|l| is_marker(l)).count()
}

#[test]
fn each_jfk_text_file_gets_one_page_per_page_line() {
    let dir = workspace().join(FIXTURES).join("sources/jfk-nara/tesseract-txt");
    let mut files: Vec<PathBuf> =
        fs::read_dir(&dir).expect("fixtures").map(|e| e.expect("entry").path()).collect();
    files.sort();
    assert_eq!(files.len(), 8);
    let into = scratch("jfk-txt");
    let names: Vec<&str> = files.iter().map(|f| f.to_str().expect("utf-8 path")).collect();
    import(&names, &into, &[]);
    for file in &files {
        let id = file.file_stem().expect("stem").to_string_lossy();
        let expected = page_lines(&String::from_utf8_lossy(&fs::read(file).expect("fixture")));
        assert!(expected >= 1, "{id}: no page lines");
        let ocr = text(Path::new(&into).join(&*id).join("ocr.txt"));
        assert_eq!(ocr.split('\u{c}').count(), expected, "{id}");
        assert_eq!(page_lines(&ocr), 0, "{id}: a page line was kept");
        // The default collection made the same import; two files are second runs there.
        let kept = ["ocr.txt", "ocr-2.txt"].map(|name| format!("documents/{id}/{name}"));
        let meta = text(format!("documents/{id}/meta.toml"));
        let name = if meta.contains("file = \"ocr-2.txt\"") { &kept[1] } else { &kept[0] };
        assert!(ocr == text(name), "{id}: differs from {name}");
    }
    assert_checks_clean(&into);
}

#[test]
fn every_encoding_imports_to_the_same_text() {
    let import_dir = workspace().join(FIXTURES).join("import");
    let utf8 = text(import_dir.join("passage.utf8.txt"));
    assert!(!utf8.contains('\r') && utf8.contains('é'), "the reference passage changed");
    let crlf = read(import_dir.join("passage.crlf.txt"));
    assert!(crlf.windows(2).any(|w| w == b"\r\n"), "the CRLF fixture has no CRLF");
    for encoding in ["utf8", "utf8-bom", "utf16le", "utf16be", "cp1252", "crlf"] {
        let into = scratch(&format!("encoding-{encoding}"));
        let file = format!("{FIXTURES}/import/passage.{encoding}.txt");
        let stderr = import(&[&file], &into, &[]);
        let ocr = text(Path::new(&into).join(format!("passage-{encoding}")).join("ocr.txt"));
        assert!(ocr == utf8, "{file}: the text differs from passage.utf8.txt:\n{ocr}");
        let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning:")).collect();
        if encoding == "cp1252" {
            assert_eq!(warnings.len(), 1, "{stderr}");
            assert!(warnings[0].starts_with(&format!("{file}:")), "{stderr}");
            assert!(warnings[0].contains("Windows-1252"), "{stderr}");
        } else {
            assert!(warnings.is_empty(), "{file}: {stderr}");
        }
        assert_checks_clean(&into);
    }
}

fn unescape(xml: &str) -> String {
    xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// The words of an ALTO file: its `CONTENT` attributes in order.
fn alto_words(xml: &str) -> Vec<String> {
    xml.split("CONTENT=\"")
        .skip(1)
        .map(|rest| unescape(rest.split('"').next().unwrap_or("")))
        .collect()
}

/// The text of each `TextLine` of a PAGE-XML file: the last `Unicode` inside it (its words'
/// and glyphs' come first), in the order the file lists them.
fn page_xml_lines(xml: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for block in xml.split("<TextLine").skip(1) {
        let block = block.split("</TextLine>").next().unwrap_or_default();
        let last = block.rsplit("<Unicode>").next().unwrap_or_default();
        lines.push(unescape(last.split("</Unicode>").next().unwrap_or_default()));
    }
    lines
}

#[test]
fn hocr_alto_and_page_xml_import_and_check_clean() {
    let into = scratch("xml");
    let dingle = format!("{FIXTURES}/dinglehopper");
    let alto = ["test.alto3.xml", "lorem-ipsum/lorem-ipsum-scan-bad.ocr.tesseract.alto.xml"];
    let page = [
        "brochrnx_73075507X/00000139.ocrd-tess.ocr.page.xml",
        "brochrnx_73075507X/00000139.gt.page.xml",
    ];
    let lorem = "lorem-ipsum/lorem-ipsum-scan.gt.page.xml";
    let mut files: Vec<String> =
        [alto[0], alto[1], page[0], page[1], lorem].map(|f| format!("{dingle}/{f}")).into();
    files.push(format!("{FIXTURES}/import/cia-two-pages.hocr"));
    let stderr = import(&files.iter().map(String::as_str).collect::<Vec<_>>(), &into, &[]);
    assert_eq!(stderr.lines().filter(|l| l.contains("imported")).count(), 6, "{stderr}");
    let ocr = |id: &str| text(Path::new(&into).join(id).join("ocr.txt"));
    // Tesseract's own text output of the same run, which the hOCR must reproduce.
    assert!(ocr("cia-two-pages") == text(format!("{FIXTURES}/import/cia-two-pages.txt")));
    assert_eq!(ocr("cia-two-pages").split('\u{c}').count(), 2);
    for (file, id) in alto.iter().zip(["test-alto3", "lorem-ipsum-scan-bad-ocr-tesseract-alto"]) {
        let imported: Vec<String> = ocr(id).split_whitespace().map(str::to_owned).collect();
        assert_eq!(imported, alto_words(&text(format!("{dingle}/{file}"))), "{file}");
    }
    let lines = |id: &str| -> Vec<String> {
        ocr(id).lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect()
    };
    let tess = page_xml_lines(&text(format!("{dingle}/{}", page[0])));
    assert_eq!(lines("00000139-ocrd-tess-ocr-page"), tess, "{}", page[0]);
    // The ground truth has a ReadingOrder (the page number first), so compare as a set.
    let (mut got, mut want) =
        (lines("00000139-gt-page"), page_xml_lines(&text(format!("{dingle}/{}", page[1]))));
    got.sort();
    want.sort();
    assert_eq!(got, want, "{}", page[1]);
    // This ground truth holds its text per region, not per line: dinglehopper's test.txt.
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let expected = text(format!("{dingle}/test.txt"));
    assert_eq!(words(&ocr("lorem-ipsum-scan-gt-page")), words(&expected), "{lorem}");
    assert_checks_clean(&into);
}

#[test]
fn an_existing_folder_is_kept_unless_forced() {
    let into = scratch("existing");
    import(&[CREST], &into, &[]);
    let folder = Path::new(&into).join(CREST_ID);
    let (fresh_meta, fresh_ocr) = (read(folder.join("meta.toml")), read(folder.join("ocr.txt")));
    let corrected = read(format!("documents/{CREST_ID}/corrected.md"));
    fs::write(folder.join("corrected.md"), &corrected).expect("write corrected.md");
    fs::write(folder.join("ocr.txt"), "the curator's own text\n").expect("write ocr.txt");
    fs::write(folder.join("meta.toml"), b"id = \"cia-rdp80-00809a000600290716-5\"\n")
        .expect("write meta.toml");
    // A sub-folder of the curator's own, which no import may delete.
    fs::create_dir(folder.join("scans")).expect("mkdir scans");
    fs::write(folder.join("scans/notes.txt"), "page 2 is torn\n").expect("write notes");
    let before = snapshot(Path::new(&into));

    let out = readingroom(&["import", CREST, "--into", &into]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("already exists; nothing was changed"), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(snapshot(Path::new(&into)), before, "a refused import changed a file");

    import(&[CREST], &into, &["--force"]);
    assert!(read(folder.join("ocr.txt")) == fresh_ocr, "--force did not replace ocr.txt");
    assert!(read(folder.join("meta.toml")) == fresh_meta, "--force did not replace meta.toml");
    assert!(read(folder.join("corrected.md")) == corrected, "--force lost corrected.md");
    assert_eq!(read(folder.join("scans/notes.txt")), b"page 2 is torn\n", "--force lost scans/");
    assert_eq!(snapshot(Path::new(&into)).len(), 4, "nothing but the document's files");
    assert_checks_clean(&into);
}

#[test]
fn add_run_keeps_a_second_ocr_run_beside_the_first() {
    let into = scratch("add-run");
    let jfk = format!("{FIXTURES}/sources/jfk-nara");
    import(&[&format!("{jfk}/tesseract-md/jfk_doc_22.md")], &into, &[]);
    let folder = Path::new(&into).join("104-10048-10252");
    let (meta_before, ocr_before) = (read(folder.join("meta.toml")), read(folder.join("ocr.txt")));
    let second = format!("{jfk}/tesseract-txt/104-10048-10252.txt");
    import(&[&second], &into, &["--add-run", "--provenance", "A second run."]);

    assert!(read(folder.join("ocr.txt")) == ocr_before, "--add-run changed ocr.txt");
    assert!(read(folder.join("ocr-2.txt")) == read("documents/104-10048-10252/ocr-2.txt"));
    let meta = read(folder.join("meta.toml"));
    assert!(meta.starts_with(&meta_before), "meta.toml was not kept as it was");
    let added = String::from_utf8_lossy(&meta[meta_before.len()..]).into_owned();
    assert!(added.contains("[[alternate_ocr]]\nfile = \"ocr-2.txt\"\n"), "{added}");
    assert!(added.contains("A second run. Imported from 104-10048-10252.txt"), "{added}");
    assert_checks_clean(&into);
    let shown = readingroom(&["show", &into, "104-10048-10252", "--json"]);
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("JSON");
    assert_eq!(shown["alternate_ocr"], serde_json::json!(["ocr-2.txt"]));
}

#[test]
fn a_png_is_refused_and_creates_no_folder() {
    let into = scratch("png");
    let png = format!("{FIXTURES}/import/not-text.png");
    let out = readingroom(&["import", &png, "--into", &into]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is not a text file: it is a PNG image"), "{stderr}");
    assert!(stderr.contains("1 file not imported"), "{stderr}");
    let created = fs::read_dir(&into).map(|d| d.count()).unwrap_or(0);
    assert_eq!(created, 0, "a folder was created for the PNG");
}

#[test]
fn id_with_several_files_is_refused() {
    let into = scratch("id-several");
    let files = [CREST, &format!("{FIXTURES}/import/passage.utf8.txt")];
    let out = readingroom(&[&["import"], &files[..], &["--into", &into, "--id", "one"]].concat());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("--id names one document, but 2 files were given"), "{stderr}");
    assert!(!Path::new(&into).exists(), "the --into folder was created");
}
