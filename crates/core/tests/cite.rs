//! The citations read back by what reads them: BibTeX by the `biblatex` crate (a parser that
//! is not ours), RIS by its tag grammar, CSL-JSON by serde_json, each on the CIA report of the
//! default collection and on a title made of every character a format must escape.

use biblatex::{Bibliography, ChunksExt};
use readingroom_core::cite::{Context, Format, Pages, cite};
use readingroom_core::meta::Meta;

fn cia() -> Meta {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../documents/cia-rdp80-00809a000600290716-5/meta.toml");
    let text = std::fs::read_to_string(path).expect("the CIA report's meta.toml");
    Meta::from_toml("meta.toml", &text).expect("valid metadata")
}

fn context() -> Context {
    Context {
        url: Some(
            "https://example.org/rr/#/doc/cia-rdp80-00809a000600290716-5?page=3&q=50%25".into(),
        ),
        pages: Some(Pages { first: 3, last: 5 }),
        accessed: Some("2025-05-03".into()),
        collection: None,
    }
}

const HOSTILE: &str = "Plans & {braces} 100% #1 $x_y ^~\\ \u{201c}quoted\u{201d} caf\u{e9}";

fn field(entry: &biblatex::Entry, name: &str) -> String {
    entry.get(name).unwrap_or_else(|| panic!("no `{name}`")).format_verbatim()
}

#[test]
fn biblatex_reads_the_bibtex_back_field_by_field() {
    let text = cite(&cia(), &context(), Format::Bibtex);
    let bibliography = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bibliography.len(), 1);
    let entry = bibliography.get("cia-rdp80-00809a000600290716-5").expect("the entry by its key");
    assert_eq!(field(entry, "title"), "Local Party Instructors Hit Nonpolitical Assignments");
    assert_eq!(field(entry, "institution"), "Central Intelligence Agency");
    assert_eq!(field(entry, "number"), "CIA-RDP80-00809A000600290716-5");
    assert_eq!(field(entry, "date"), "1950-03-24");
    assert_eq!(field(entry, "year"), "1950");
    assert_eq!(field(entry, "urldate"), "2025-05-03");
    assert_eq!(
        entry.url().expect("url"),
        "https://example.org/rr/#/doc/cia-rdp80-00809a000600290716-5?page=3&q=50%25"
    );
    let date = entry.date().expect("a date biblatex understands");
    assert_eq!(format!("{date:?}").matches("1950").count(), 1, "{date:?}");
    let pages = entry.pages().expect("pages biblatex understands");
    assert_eq!(format!("{pages:?}"), "Typed([3..5])");
    let note = field(entry, "note");
    for exact in [
        "Country: USSR.",
        "Date published: 18 Sep - 23 Nov 1949.",
        "Date of information: 1949.",
        "Release date: 2011-09-20.",
        "Collection: CIA CREST.",
        "not checked by a person: country,",
    ] {
        assert!(note.contains(exact), "{exact} not in {note}");
    }
}

#[test]
fn bibtex_escapes_every_special_character() {
    let meta = Meta { title: HOSTILE.into(), agency: Some("R&D {Unit}".into()), ..cia() };
    let text = cite(&meta, &context(), Format::Bibtex);
    let bibliography = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    let entry = bibliography.iter().next().expect("one entry");
    assert_eq!(field(entry, "title"), HOSTILE, "{text}");
    assert_eq!(field(entry, "institution"), "R&D {Unit}", "{text}");
}

/// RIS's grammar: every line `XX  - value` (two capitals or a capital and a digit, two spaces,
/// a hyphen, a space), TY first, ER last and once, each line ended by CR LF.
fn check_ris(text: &str) -> Vec<(String, String)> {
    assert!(text.ends_with("\r\n"), "{text:?}");
    let lines: Vec<&str> = text.strip_suffix("\r\n").expect("CR LF").split("\r\n").collect();
    let tags: Vec<(String, String)> = lines
        .iter()
        .map(|line| {
            let bytes = line.as_bytes();
            let tag_ok = bytes.len() >= 6
                && bytes[0].is_ascii_uppercase()
                && (bytes[1].is_ascii_uppercase() || bytes[1].is_ascii_digit())
                && &bytes[2..6] == b"  - ";
            assert!(tag_ok, "not a RIS line: {line:?}");
            assert!(!line.contains(['\r', '\n']), "{line:?}");
            (line[..2].to_owned(), line[6..].to_owned())
        })
        .collect();
    assert_eq!(tags.first().map(|(tag, _)| tag.as_str()), Some("TY"));
    assert_eq!(tags.last(), Some(&("ER".to_owned(), String::new())));
    assert_eq!(tags.iter().filter(|(tag, _)| tag == "ER").count(), 1);
    tags
}

#[test]
fn ris_follows_its_tag_grammar_and_carries_the_facts() {
    let tags = check_ris(&cite(&cia(), &context(), Format::Ris));
    let get = |name: &str| {
        tags.iter()
            .find(|(tag, _)| tag == name)
            .map(|(_, value)| value.as_str())
            .unwrap_or_default()
    };
    assert_eq!(get("TY"), "RPRT");
    assert_eq!(get("TI"), "Local Party Instructors Hit Nonpolitical Assignments");
    assert_eq!(get("PB"), "Central Intelligence Agency");
    assert_eq!(get("SN"), "CIA-RDP80-00809A000600290716-5");
    assert_eq!(get("DA"), "1950/03/24/");
    assert_eq!(get("PY"), "1950");
    assert_eq!((get("SP"), get("EP")), ("3", "5"));
    assert_eq!(get("DB"), "CIA CREST");
    assert_eq!(get("Y2"), "2025/05/03/");
    assert!(get("N1").contains("Release date: 2011-09-20."), "{}", get("N1"));
    let hostile = Meta { title: format!("{HOSTILE}\r\nER  - \nTY  - JOUR"), ..cia() };
    let tags = check_ris(&cite(&hostile, &context(), Format::Ris));
    assert_eq!(tags.iter().filter(|(tag, _)| tag == "TY").count(), 1);
}

#[test]
fn csl_json_is_one_report_item_with_its_dates_as_parts() {
    let meta = Meta { title: HOSTILE.into(), ..cia() };
    let text = cite(&meta, &context(), Format::CslJson);
    let items: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let item = &items[0];
    assert_eq!(items.as_array().map(Vec::len), Some(1));
    assert_eq!(item["type"], "report");
    assert_eq!(item["title"], HOSTILE);
    assert_eq!(item["number"], "CIA-RDP80-00809A000600290716-5");
    assert_eq!(item["publisher"], "Central Intelligence Agency");
    assert_eq!(item["issued"], serde_json::json!({ "date-parts": [[1950, 3, 24]] }));
    assert_eq!(item["available-date"], serde_json::json!({ "date-parts": [[2011, 9, 20]] }));
    assert_eq!(item["accessed"], serde_json::json!({ "date-parts": [[2025, 5, 3]] }));
    assert_eq!(item["page"], "3-5");
    assert_eq!(item["archive"], "CIA CREST");
    assert_eq!(item["archive_location"], "CIA-RDP80-00809A000600290716-5");
    let note = item["note"].as_str().expect("a note");
    assert!(
        note.contains("Date published: 18 Sep - 23 Nov 1949.") && note.contains("from the OCR"),
        "{note}"
    );
}

/// The catalog of a bundle built from the CIA report's folder.
fn catalog() -> Vec<u8> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../documents/cia-rdp80-00809a000600290716-5");
    let ocr = std::fs::read_to_string(folder.join("ocr.txt")).expect("the OCR");
    let document = readingroom_core::source::SourceDocument {
        meta: cia(),
        ocr,
        corrected: None,
        alternates: Vec::new(),
    };
    let files = readingroom_core::bundle::build(&[document]);
    let catalog = files.into_iter().find(|file| file.path == "catalog.json");
    catalog.expect("a catalog").bytes
}

#[test]
fn the_browser_request_is_answered_from_the_checked_catalog() {
    use readingroom_core::cite::request::answer;
    let catalog = catalog();
    let request = r#"{"id": "cia-rdp80-00809a000600290716-5", "format": "ris", "pages": "3-5",
        "url": "https://example.org/#/doc/x", "accessed": "2025-05-03", "extra": true}"#;
    let ris = answer(&catalog, request).expect("a citation");
    assert_eq!(
        ris,
        cite(
            &cia(),
            &Context { url: Some("https://example.org/#/doc/x".into()), ..context() },
            Format::Ris
        )
    );
    let errors = [
        (r#"{"id": "cia", "format": "ris"}"#, "no document has the id \"cia\""),
        (r#"{"id": "cia-rdp80-00809a000600290716-5", "format": "mla"}"#, "use one of"),
        (
            r#"{"id": "cia-rdp80-00809a000600290716-5", "format": "ris", "pages": "8"}"#,
            "past the end",
        ),
        (
            r#"{"id": "cia-rdp80-00809a000600290716-5", "format": "ris", "accessed": "today"}"#,
            "YYYY-MM-DD",
        ),
        (r#"{"id": 7}"#, "the citation request cannot be read: id:"),
        ("not json", "expected"),
    ];
    for (request, expected) in errors {
        let error = answer(&catalog, request).expect_err(request);
        assert!(error.contains(expected), "{request}: {error}");
    }
    let mut damaged = catalog.clone();
    let at = damaged.len() / 2;
    damaged[at] ^= 1;
    let error = answer(&damaged, request).expect_err("a damaged catalog");
    assert!(error.starts_with("catalog.json:"), "{error}");
}
