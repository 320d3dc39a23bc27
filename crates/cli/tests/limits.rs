//! The limits no real document reaches, at their real values: a file of form feeds one page
//! past the limit is refused by `import` (which writes nothing) and, as a document's ocr.txt,
//! by `check`, each with the place of the first page too many.

mod common;
use common::{readingroom, scratch};
use readingroom_core::limits::Limits;
use std::fs;

/// A text of `pages` pages: one word each, a form feed between them.
fn form_feeds(pages: usize) -> String {
    vec!["page"; pages].join("\x0c")
}

#[test]
fn import_refuses_a_file_of_more_pages_than_the_limit_and_writes_nothing() {
    let dir = scratch("limits", "import");
    fs::create_dir_all(&dir).expect("scratch folder");
    let limit = Limits::DEFAULT.pages;
    let file = dir.join("pages.txt");
    let into = dir.join("documents");
    let into_arg = into.to_string_lossy();

    fs::write(&file, form_feeds(limit + 1)).expect("write");
    let out = readingroom(&["import", &file.to_string_lossy(), "--into", &into_arg]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // Page `limit + 1` starts after the form feed at column 5 × limit of the one line.
    let place = format!("pages.txt:1:{}: error:", 5 * limit);
    assert!(stderr.contains(&place), "{stderr}");
    assert!(stderr.contains(&format!("more than {limit} pages")), "{stderr}");
    assert!(!into.exists(), "nothing is written");

    fs::write(&file, form_feeds(limit)).expect("write");
    let out = readingroom(&["import", &file.to_string_lossy(), "--into", &into_arg]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(&format!("{limit} pages")), "{stderr}");
}

#[test]
fn check_refuses_an_ocr_txt_of_more_pages_than_the_limit() {
    let documents = scratch("limits", "check");
    let folder = documents.join("long");
    fs::create_dir_all(&folder).expect("scratch folder");
    fs::write(folder.join("meta.toml"), "id = \"long\"\ntitle = \"Long\"\n").expect("write");
    let limit = Limits::DEFAULT.pages;
    fs::write(folder.join("ocr.txt"), form_feeds(limit + 1)).expect("write");
    let out = readingroom(&["check", &documents.to_string_lossy()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    let place = format!("long/ocr.txt:1:{}: error:", 5 * limit);
    assert!(report.contains(&place), "{report}");
    assert!(report.contains(&format!("more than {limit} pages")), "{report}");
}
