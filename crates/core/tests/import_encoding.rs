//! Decoding input files: every encoding curators meet gives the same text, and binaries are
//! refused by name.

mod common;

use common::{fixture, fixture_text};
use readingroom_core::diagnostic::Severity;
use readingroom_core::import::encoding::decode;
use readingroom_core::import::{Format, import};

const DIR: &str = "import";

fn passage() -> String {
    fixture_text(&format!("{DIR}/passage.utf8.txt"))
}

fn decoded(name: &str) -> String {
    let path = format!("{DIR}/{name}");
    let decoded = decode(&path, &fixture(&path)).expect("the passage decodes");
    assert!(decoded.warnings.is_empty(), "{name}: {:?}", decoded.warnings);
    decoded.text
}

#[test]
fn utf8_is_read_as_is() {
    assert!(passage().contains("Alma-Atà"));
    assert_eq!(decoded("passage.utf8.txt"), passage());
}

#[test]
fn a_bom_is_dropped() {
    assert!(fixture(&format!("{DIR}/passage.utf8-bom.txt")).starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(decoded("passage.utf8-bom.txt"), passage());
}

#[test]
fn utf16_with_a_bom_is_read_in_either_byte_order() {
    assert_eq!(decoded("passage.utf16le.txt"), passage());
    assert_eq!(decoded("passage.utf16be.txt"), passage());
}

#[test]
fn crlf_line_endings_become_lf() {
    assert!(fixture(&format!("{DIR}/passage.crlf.txt")).windows(2).any(|w| w == b"\r\n"));
    assert_eq!(decoded("passage.crlf.txt"), passage());
}

#[test]
fn windows_1252_is_read_with_a_warning_naming_the_file() {
    let path = "uploads/passage.cp1252.txt";
    let decoded = decode(path, &fixture(&format!("{DIR}/passage.cp1252.txt"))).unwrap();
    assert_eq!(decoded.text, passage());
    for expected in ["Alma-Atà", "“responsable", "José", "‘A", "Cube”", "§"] {
        assert!(decoded.text.contains(expected), "{expected}");
    }
    let [warning] = decoded.warnings.as_slice() else { panic!("{:?}", decoded.warnings) };
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.path, path);
    assert!(warning.message.contains(path), "{warning}");
    assert!(warning.message.contains("is not UTF-8; read it as Windows-1252"), "{warning}");
    // The first byte that is not UTF-8 is the "à" of Alma-Atà.
    assert_eq!((warning.line, warning.column), (9, 8));
}

#[test]
fn an_import_carries_the_decoding_warning() {
    let imported = import("p.txt", &fixture(&format!("{DIR}/passage.cp1252.txt"))).unwrap();
    assert_eq!(imported.format, Format::PlainText);
    assert_eq!(imported.pages, vec![passage()]);
    assert_eq!(imported.warnings.len(), 1);
}

#[test]
fn a_png_is_not_a_text_file() {
    let err = import("scan.txt", &fixture(&format!("{DIR}/not-text.png"))).unwrap_err();
    assert!(err.is_error());
    assert_eq!(err.path, "scan.txt");
    assert!(err.message.contains("not a text file"), "{err}");
    assert!(err.message.contains("PNG"), "{err}");
}

#[test]
fn a_pdf_is_not_a_text_file() {
    let err = decode("report.txt", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj").unwrap_err();
    assert!(err.message.contains("PDF"), "{err}");
}

#[test]
fn utf16_without_a_bom_is_refused_with_a_hint() {
    let bytes: Vec<u8> = passage().encode_utf16().flat_map(u16::to_le_bytes).collect();
    let err = decode("p.txt", &bytes).unwrap_err();
    assert!(err.message.contains("not a text file"), "{err}");
    assert!(err.message.contains("byte order mark"), "{err}");
}

#[test]
fn every_encoding_of_the_passage_imports_the_same_page() {
    let names = ["utf8", "utf8-bom", "utf16le", "utf16be", "cp1252", "crlf"];
    for name in names {
        let path = format!("{DIR}/passage.{name}.txt");
        let imported = import(&path, &fixture(&path)).unwrap();
        assert_eq!(imported.pages, vec![passage()], "{name}");
    }
}
