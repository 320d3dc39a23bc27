//! Importing ALTO, PAGE-XML and hOCR: the right text in the right order, and errors that say
//! where a file is broken.

mod common;

use common::{fixture, fixture_text};
use readingroom_core::diagnostic::Position;
use readingroom_core::import::{Format, Imported, import};

const LOREM: &str = "dinglehopper/lorem-ipsum";
const BROCHRNX: &str = "dinglehopper/brochrnx_73075507X";
const HOCR: &str = "import/cia-two-pages.hocr";

/// The lorem ipsum page as its ground truth gives it, one line per printed line.
const LOREM_LINES: [&str; 7] = [
    "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor invidunt",
    "ut labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et accusam et justo duo",
    "dolores et ea rebum. Stet clita kasd gubergren, no sea takimata sanctus est Lorem ipsum dolor sit",
    "amet. Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor",
    "invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et accusam et",
    "justo duo dolores et ea rebum. Stet clita kasd gubergren, no sea takimata sanctus est Lorem ipsum",
    "dolor sit amet.",
];

fn imported(path: &str) -> Imported {
    import(path, &fixture(path)).unwrap_or_else(|e| panic!("{e}"))
}

fn lorem_page() -> String {
    LOREM_LINES.iter().map(|line| format!("{line}\n")).collect()
}

#[test]
fn alto_lines_are_its_strings_joined_by_spaces() {
    let alto = imported("dinglehopper/test.alto3.xml");
    assert_eq!(alto.format, Format::Alto);
    // Three text blocks of one line each; "ver-" is the word as printed, not a HYP element.
    let expected = "über die vielen Sorgen wegen deſſelben vergaß\n\n\
                    Hartkopf, der Frau Amtmännin das ver-\n\n\
                    ſprochene zu überliefern.\n";
    assert_eq!(alto.pages, vec![expected]);
}

#[test]
fn alto_of_a_clean_scan_reads_like_its_ground_truth() {
    let alto = imported(&format!("{LOREM}/lorem-ipsum-scan.ocr.tesseract.alto.xml"));
    assert_eq!(alto.format, Format::Alto);
    assert_eq!(alto.pages, vec![lorem_page()]);
}

#[test]
fn alto_of_a_bad_scan_keeps_its_errors() {
    let alto = imported(&format!("{LOREM}/lorem-ipsum-scan-bad.ocr.tesseract.alto.xml"));
    let page = &alto.pages[0];
    assert_eq!(page.lines().count(), 7);
    assert!(
        page.starts_with(
            "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonu yy"
        )
    );
    assert!(page.contains("At Vero eos") && page.contains("Lorem Ipsum\ndolor sit amet.\n"));
}

#[test]
fn page_xml_ground_truth_skips_empty_lines_and_uses_region_text() {
    // The first region has seven lines with empty text; the second only its own TextEquiv.
    for name in ["lorem-ipsum-scan.gt.page.xml", "lorem-ipsum-scan-bad.gt.page.xml"] {
        let page = imported(&format!("{LOREM}/{name}"));
        assert_eq!(page.format, Format::PageXml);
        assert_eq!(page.pages, vec![lorem_page()], "{name}");
    }
}

#[test]
fn page_xml_follows_the_reading_order() {
    let page = imported(&format!("{BROCHRNX}/00000139.gt.page.xml"));
    assert_eq!(page.pages.len(), 1);
    let text = &page.pages[0];
    // Reading order r5, r0, r9, r11, r2, r3, r7, r6: page number, poem, heading, aria, ...
    let blocks: Vec<&str> = text.split("\n\n").map(|b| b.lines().next().unwrap_or("")).collect();
    let firsts = [
        "115",
        "Die ſ\u{f502}einen uns bald kleine H\u{e72b}gel, bald H\u{e72b}tten, Zelten und bald",
        "ARIA.",
        "Was erhebt des S\u{f502}\u{e644}pfers G\u{e72b}te",
        "Da Capo.",
        "Geht man auf einen ſol\u{f502}en Felde, ſo eben er\u{eada} gem\u{e42c}ht, ſpa\u{eedc}ieren,",
        "ARIA.",
        "H 2",
    ];
    assert_eq!(blocks, firsts);
    assert_eq!(text.lines().filter(|line| !line.is_empty()).count(), 34);
    // Lines come from the lines' own TextEquiv, not from their words or glyphs.
    assert!(text.contains("\nWe\u{f4f9}en\n"));
}

#[test]
fn page_xml_ocr_output_skips_regions_without_text() {
    let page = imported(&format!("{BROCHRNX}/00000139.ocrd-tess.ocr.page.xml"));
    let text = &page.pages[0];
    assert!(text.starts_with(
        "Die ſcheinen uns bald kleine Hügel - bald Hütten x Zelten und bald\n„Bellen\n"
    ));
    assert!(text.contains("Ihm ſey Preiß und Dan und Ehr!\n\nDa Capo,\n\nGeht man"));
    assert!(text.ends_with("ertönten dieſe meine Lieder:\n\n5) 2\nARIA.\n"));
    assert_eq!(text.split("\n\n").count(), 5);
}

#[test]
fn hocr_reads_like_tesseracts_own_text_output() {
    let hocr = imported(HOCR);
    assert_eq!(hocr.format, Format::Hocr);
    assert_eq!(hocr.pages.len(), 2);
    assert_eq!(hocr.ocr_txt(), fixture_text("import/cia-two-pages.txt"));
    assert!(hocr.pages[0].starts_with("LOCAL PARTY INSTRUCTORS HIT NONPOLITICAL ABSIGNMENTS\n\n"));
}

#[test]
fn hocr_written_as_html_decodes_its_named_and_numeric_references() {
    let hocr = imported("import/passage.entities.hocr");
    assert_eq!(hocr.format, Format::Hocr);
    // The same OCR as the passage's last four lines, where the engine wrote a no-break space
    // before the section sign.
    let passage = fixture_text("import/passage.utf8.txt");
    let lines: Vec<&str> = passage.lines().collect();
    let expected = lines[lines.len() - 4..].join("\n").replace(" \u{a7}", "\u{a0}\u{a7}") + "\n";
    assert_eq!(hocr.pages, vec![expected]);
}

#[test]
fn xml_formats_are_detected_by_content_not_name() {
    let cases = [
        ("dinglehopper/test.alto3.xml", Format::Alto),
        ("dinglehopper/lorem-ipsum/lorem-ipsum-scan.gt.page.xml", Format::PageXml),
        (HOCR, Format::Hocr),
    ];
    for (path, format) in cases {
        for name in ["x.txt", "page.md", "scan.hocr", "ocr"] {
            let imported = import(name, &fixture(path)).unwrap();
            assert_eq!(imported.format, format, "{path} as {name}");
            assert_eq!(imported.pages, import(path, &fixture(path)).unwrap().pages);
        }
    }
}

/// The position of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> Position {
    Position::of(text, text.find(needle).expect("the needle is in the text"))
}

#[test]
fn a_mismatched_closing_tag_is_reported_where_it_is() {
    let text = fixture_text("dinglehopper/test.alto3.xml").replacen("</TextLine>", "</TextLin>", 1);
    let err = import("t.xml", text.as_bytes()).unwrap_err();
    let at = position_of(&text, "</TextLin>");
    assert_eq!((err.path.as_str(), err.line, err.column), ("t.xml", at.line, at.column));
    assert!(err.message.contains("</TextLin>") && err.message.contains("<TextLine>"), "{err}");
}

#[test]
fn a_cut_off_file_names_the_element_left_open() {
    let text = fixture_text("dinglehopper/test.alto3.xml");
    let cut = &text[..text.find("</PrintSpace>").unwrap()];
    let err = import("t.xml", cut.as_bytes()).unwrap_err();
    let at = position_of(cut, "<alto");
    assert_eq!((err.line, err.column), (at.line, at.column));
    assert!(err.message.contains("<alto>") && err.message.contains("never closed"), "{err}");
}

#[test]
fn a_broken_tag_is_reported_with_its_line() {
    let text = fixture_text("dinglehopper/test.alto3.xml");
    let cut = &text[..text.find("CONTENT=\"die\"").unwrap() + 9];
    let err = import("t.xml", cut.as_bytes()).unwrap_err();
    let tag = cut.rfind("<String").unwrap();
    assert_eq!(
        (err.line, err.column),
        (Position::of(cut, tag).line, Position::of(cut, tag).column)
    );
    assert!(err.message.starts_with("The XML is cut off or broken here"), "{err}");
}

#[test]
fn an_unknown_entity_is_an_error_at_its_place() {
    let text = "<alto><Layout><Page><TextBlock><TextLine>\n  <String CONTENT='a'/>&eacute;\
                </TextLine></TextBlock></Page></Layout></alto>";
    let err = import("t.xml", text.as_bytes()).unwrap_err();
    assert_eq!((err.line, err.column), (2, 24));
    assert!(err.message.contains("&eacute;"), "{err}");
}

/// Imports the ALTO fixture with its first `<String` tag's `CONTENT="..."` replaced by
/// `attributes`, and returns the error with the position of that tag's `<`.
fn with_attributes(attributes: &str) -> (readingroom_core::diagnostic::Diagnostic, Position) {
    let text = fixture_text("dinglehopper/test.alto3.xml");
    let tag = text.find("<String").expect("a String element");
    let start = tag + text[tag..].find("CONTENT=").expect("a CONTENT attribute");
    let end = start + 9 + text[start + 9..].find('"').expect("the closing quote") + 1;
    let broken = format!("{}{attributes}{}", &text[..start], &text[end..]);
    let err = import("t.xml", broken.as_bytes()).expect_err("a malformed attribute");
    (err, Position::of(&broken, start))
}

#[test]
fn a_malformed_attribute_is_one_sentence_at_one_place() {
    for (attributes, says) in [
        ("CONTENT=\"über\" STYLE=bold", "must be in quotes"),
        ("CONTENT=\"über\" CONTENT=\"aber\"", "CONTENT is given twice"),
        ("CONTENT", "must be followed by ="),
    ] {
        let (err, at) = with_attributes(attributes);
        let column = err.column;
        assert_eq!(err.line, at.line, "{attributes}: {err}");
        // The place is the attribute at fault, inside the tag: not the tag's start.
        assert!(column >= at.column && column <= at.column + attributes.len(), "{err}");
        assert!(err.message.contains(says), "{attributes}: {err}");
        assert!(!err.message.contains("position"), "one location only: {err}");
        assert_eq!(err.message.matches(". ").count(), 0, "one sentence: {err}");
    }
}

#[test]
fn an_xml_file_without_words_has_no_text() {
    let text = fixture_text(&format!("{LOREM}/lorem-ipsum-scan.gt.page.xml"));
    let start = text.find("Lorem ipsum").unwrap();
    let end = text.find("</Unicode></TextEquiv></TextRegion></Page>").unwrap();
    let empty = format!("{}{}", &text[..start], &text[end..]);
    let err = import("gt.xml", empty.as_bytes()).unwrap_err();
    assert!(err.is_error());
    assert!(err.message.contains("has no text"), "{err}");
    assert!(import("a.xml", b"<alto><Layout><Page/></Layout></alto>").is_err());
}

#[test]
fn nesting_beyond_any_real_file_is_refused_without_overflow() {
    let depth = 100_000;
    let text = format!("<alto>{}{}</alto>", "<a>".repeat(depth), "</a>".repeat(depth));
    let err = import("deep.xml", text.as_bytes()).unwrap_err();
    assert!(err.message.contains("nested"), "{err}");
}

#[test]
fn xml_in_utf16_or_windows_1252_reads_like_its_utf8_original() {
    let path = "dinglehopper/test.alto3.xml";
    let original = import(path, &fixture(path)).unwrap();
    let text = fixture_text(path).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(import(path, &utf16).unwrap(), original);
    // "ſ" (long s) has no Windows-1252 byte, so this copy keeps to the letters that do.
    let latin = fixture_text(path)
        .replace('ſ', "s")
        .replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"");
    let bytes: Vec<u8> = latin.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect();
    let imported = import(path, &bytes).unwrap();
    assert_eq!(imported.pages, vec![original.pages[0].replace('ſ', "s")]);
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
}
