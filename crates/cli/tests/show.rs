//! `readingroom show documents <id> --json` on the default collection: every document lists
//! the metadata keys a reader relies on (null where unknown), and the values of the CIA report
//! and of four JFK records are the ones their OCR's report forms give (each pinned value was
//! read in that folder's ocr.txt). An unknown id is refused with a message naming it.

mod common;
use common::{readingroom, workspace};

use serde_json::{Value, json};

fn show(id: &str) -> Value {
    let out = readingroom(&["show", "documents", id, "--json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "show {id}: {stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("show {id}: not JSON: {e}"))
}

/// Asserts each `(key, value)` of `expected` in the JSON of `id`.
fn assert_fields(id: &str, expected: &[(&str, Value)]) {
    let shown = show(id);
    for (key, value) in expected {
        assert_eq!(&shown[*key], value, "{id}: `{key}` in {shown:#}");
    }
}

const REQUIRED: [&str; 13] = [
    "id",
    "title",
    "country",
    "subject",
    "date_of_information",
    "date_distributed",
    "place_published",
    "source",
    "language",
    "pages",
    "document_number",
    "release_date",
    "rights",
];

#[test]
fn every_document_lists_every_required_key() {
    let mut ids: Vec<String> = std::fs::read_dir(workspace().join("documents"))
        .expect("the documents folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    ids.sort();
    assert_eq!(ids.len(), 23, "{ids:?}");
    for id in &ids {
        let shown = show(id);
        let object = shown.as_object().unwrap_or_else(|| panic!("{id}: not an object"));
        for key in REQUIRED {
            assert!(object.contains_key(key), "{id}: no key `{key}` in {shown:#}");
        }
        assert_eq!(shown["id"], json!(id));
        assert!(shown["title"].as_str().is_some_and(|t| !t.trim().is_empty()), "{id}: title");
        assert!(shown["pages"].as_u64().is_some_and(|n| n >= 1), "{id}: pages");
        let rights = shown["rights"].as_str().unwrap_or_default().to_lowercase();
        assert!(rights.contains("public domain"), "{id}: rights {rights:?}");
    }
}

#[test]
fn the_cia_report_shows_its_form() {
    let id = "cia-rdp80-00809a000600290716-5";
    assert_fields(
        id,
        &[
            ("id", json!(id)),
            ("country", json!("USSR")),
            ("subject", json!("Political - Local Party functions")),
            ("how_published", json!("Daily newspaper")),
            ("place_published", json!("Alma-Ata")),
            ("date_published", json!("18 Sep - 23 Nov 1949")),
            ("date_of_information", json!("1949")),
            ("date_distributed", json!("1950-03-24")),
            ("source", json!("Kazakhstanskaya Pravda")),
            ("pages", json!(7)),
            ("ocr_pages", json!(7)),
            ("document_number", json!("CIA-RDP80-00809A000600290716-5")),
            ("release_date", json!("2011-09-20")),
            ("has_corrected", json!(true)),
        ],
    );
    let rights = show(id)["rights"].as_str().expect("rights").to_lowercase();
    assert!(rights.contains("public domain"), "{rights}");
}

/// 176-10036-10094: "COUNTRY . SOUTH VIETNAM", "DATE DISTR, 20 APRIL 1963", "DATEOF LATE
/// MARCH-EARLY APRIL 1963", "PAGES : 4" and "RECORD NUMBER : 176-10036-10094." on its form.
#[test]
fn a_1963_field_report_shows_its_form() {
    assert_fields(
        "176-10036-10094",
        &[
            ("classification", json!("CONFIDENTIAL")),
            ("country", json!("SOUTH VIETNAM")),
            ("subject", json!("NGO DINH NHU’S “STATEMENTS ON WITHDRAWAL OF AMERICAN AID")),
            ("date_of_information", json!("LATE MARCH-EARLY APRIL 1963")),
            ("date_distributed", json!("1963-04-20")),
            ("pages", json!(4)),
            ("document_number", json!("176-10036-10094")),
            ("release_date", json!("2025")),
            ("language", Value::Null),
            ("place_published", Value::Null),
        ],
    );
}

/// 176-10036-10138: a teletype copy of a report form: "COUNTRY SOUTH VIETNAM", "DATE OF INFO.
/// - 8 OCTOBER 1963", "DATE DISTR. 9 OCTOBER 1963", "PAGES : 3", SECRET.
#[test]
fn a_1963_teletype_report_shows_its_form() {
    assert_fields(
        "176-10036-10138",
        &[
            ("classification", json!("SECRET")),
            ("country", json!("SOUTH VIETNAM")),
            (
                "subject",
                json!(
                    "PLANS OF GOVERNMENT TO ASSASSINATE AMBASSADOR LODGE, OTHER EMBASSY \
                     OFFICIALS, AND THICH TRI QUANG, AND BURN THE CHANCERY"
                ),
            ),
            ("date_of_information", json!("8 OCTOBER 1963")),
            ("date_distributed", json!("1963-10-09")),
            ("pages", json!(3)),
            ("document_number", json!("176-10036-10138")),
            ("release_date", json!("2025")),
            ("has_corrected", json!(true)),
        ],
    );
}

/// 104-10215-10128: a 1967 memo, "SUBJECT: BARNES, Winfred Clark", CONFIDENTIAL; the first
/// report form in the record is an attachment with "DATE DISTR. = =» 6 Oct: 60". No page
/// count is on the form, so `pages` is the OCR's 15 pages.
#[test]
fn a_memo_with_attachments_shows_its_first_form() {
    assert_fields(
        "104-10215-10128",
        &[
            ("classification", json!("CONFIDENTIAL")),
            ("subject", json!("BARNES, Winfred Clark")),
            ("date_distributed", json!("1960-10-06")),
            ("pages", json!(15)),
            ("ocr_pages", json!(15)),
            ("document_number", json!("104-10215-10128")),
            ("release_date", json!("2025")),
        ],
    );
}

/// 104-10074-10413: "SUBJECT : Jose Xavier CORTES Hernandez", "DATE Of December 1960"; its
/// first line is too damaged to show the record number, so the id comes from the file name and
/// `document_number` stays unknown. Three `--- Page N ---` pages.
#[test]
fn a_damaged_record_shows_what_its_ocr_gives() {
    assert_fields(
        "104-10074-10413",
        &[
            ("subject", json!("Jose Xavier CORTES Hernandez")),
            ("date_of_information", json!("December 1960")),
            ("pages", json!(3)),
            ("ocr_pages", json!(3)),
            ("document_number", Value::Null),
            ("release_date", json!("2025")),
            ("has_corrected", json!(false)),
        ],
    );
}

#[test]
fn an_unknown_id_is_refused_by_name() {
    for args in [
        &["show", "documents", "no-such-record"][..],
        &["show", "documents", "no-such-record", "--json"],
    ] {
        let out = readingroom(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
        assert!(stderr.contains("no document with the id \"no-such-record\""), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn the_text_form_shows_unknown_fields_as_unknown() {
    let out = readingroom(&["show", "documents", "104-10074-10413"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = |key: &str| stdout.lines().find(|l| l.trim_start().starts_with(&format!("{key}:")));
    assert_eq!(line("subject").map(str::trim), Some("subject: Jose Xavier CORTES Hernandez"));
    assert_eq!(line("document_number").map(str::trim), Some("document_number: (unknown)"));
}
