use super::*;
use crate::meta::Field;

/// The CIA report's metadata as the collection has it.
fn cia() -> Meta {
    let text = include_str!("../../../../documents/cia-rdp80-00809a000600290716-5/meta.toml");
    Meta::from_toml("meta.toml", text).expect("the CIA report's metadata")
}

fn context() -> Context {
    Context {
        url: Some("https://example.org/rr/#/doc/cia-rdp80-00809a000600290716-5?page=3".into()),
        pages: Some(Pages { first: 3, last: 5 }),
        accessed: Some("2025-05-03".into()),
        collection: None,
    }
}

const NUMBER: &str = "CIA-RDP80-00809A000600290716-5";

#[test]
fn every_format_carries_the_number_the_dates_and_the_release_date_exactly() {
    let meta = cia();
    for (name, format) in Format::ALL {
        let text = cite(&meta, &context(), format);
        for exact in [NUMBER, "18 Sep - 23 Nov 1949", "1949", "1950-03-24", "2011-09-20"] {
            assert!(text.contains(exact), "{name} lacks {exact}:\n{text}");
        }
        for fact in [
            "Local Party Instructors Hit Nonpolitical Assignments",
            "Central Intelligence Agency",
            "USSR",
            "CIA CREST",
            "example.org/rr/",
        ] {
            assert!(text.contains(fact), "{name} lacks {fact}:\n{text}");
        }
        let accessed = match format {
            Format::Ris => "Y2  - 2025/05/03/\r\n",
            Format::CslJson => {
                "\"accessed\": {\n      \"date-parts\": [\n        [\n          2025,\n          5,\n          3"
            }
            _ => "2025-05-03",
        };
        assert!(text.contains(accessed), "{name} lacks {accessed}:\n{text}");
    }
}

#[test]
fn the_chicago_note_reads_as_a_note() {
    let note = cite(&cia(), &context(), Format::ChicagoNote);
    assert!(note.starts_with(
        "Central Intelligence Agency, \u{201c}Local Party Instructors Hit Nonpolitical Assignments,\u{201d} \
         no. CIA-RDP80-00809A000600290716-5, USSR, date of information 1949, date published 18 Sep - 23 Nov 1949, \
         date distributed 1950-03-24, release date 2011-09-20, 3\u{2013}5, CIA CREST, accessed 2025-05-03, https://"
    ), "{note}");
    let bibliography = cite(&cia(), &context(), Format::ChicagoBibliography);
    assert!(
        bibliography.contains(
            ".\u{201d} No. CIA-RDP80-00809A000600290716-5. USSR. Date of information 1949."
        ),
        "{bibliography}"
    );
    assert!(
        bibliography.contains(" Pages 3\u{2013}5. CIA CREST. Accessed 2025-05-03. https://"),
        "{bibliography}"
    );
}

#[test]
fn values_from_the_ocr_are_named_in_every_format() {
    let meta = cia();
    for (name, format) in Format::ALL {
        let text = cite(&meta, &context(), format);
        assert!(
            text.contains("Read from the OCR by a program, not checked by a person: country, date of information, date published, date distributed, document number, release date."),
            "{name}:\n{text}"
        );
    }
    let checked = Meta { extracted: Vec::new(), ..cia() };
    for (name, format) in Format::ALL {
        assert!(!cite(&checked, &context(), format).contains("OCR"), "{name}");
    }
}

#[test]
fn only_cited_values_are_named_as_from_the_ocr() {
    let meta = Meta { extracted: vec![Field::Classification, Field::Pages], ..cia() };
    assert!(!cite(&meta, &context(), Format::Ris).contains("OCR"));
}

#[test]
fn the_context_collection_stands_before_the_documents() {
    let context = Context { collection: Some("Cold War course pack".into()), ..context() };
    let text = cite(&cia(), &context, Format::Ris);
    assert!(text.contains("DB  - Cold War course pack\r\n"), "{text}");
    assert!(!text.contains("CIA CREST"), "{text}");
}

#[test]
fn a_document_with_little_metadata_is_still_cited() {
    let meta = Meta { id: "bare".into(), title: "A memo".into(), ..Meta::default() };
    let context = Context::default();
    assert_eq!(cite(&meta, &context, Format::ChicagoNote), "\u{201c}A memo.\u{201d}\n");
    assert_eq!(cite(&meta, &context, Format::ChicagoBibliography), "\u{201c}A memo.\u{201d}\n");
    assert_eq!(
        cite(&meta, &context, Format::Ris),
        "TY  - RPRT\r\nTI  - A memo\r\nM3  - Report\r\nER  - \r\n"
    );
    assert_eq!(
        cite(&meta, &context, Format::Bibtex),
        "@techreport{bare,\n  title = {{A memo}},\n  type = {Report}\n}\n"
    );
}

#[test]
fn line_breaks_in_values_never_break_a_line_structure() {
    let meta = Meta { title: "Two\nlines\r\nER  - and\ttabs".into(), ..cia() };
    let ris = cite(&meta, &context(), Format::Ris);
    assert!(ris.contains("TI  - Two lines ER - and tabs\r\n"), "{ris}");
    assert_eq!(ris.matches("ER  - ").count(), 1);
}

#[test]
fn the_context_is_checked() {
    let bad_date = Context { accessed: Some("3 May 2025".into()), ..Context::default() };
    assert!(bad_date.check().unwrap_err().contains("YYYY-MM-DD"));
    let bad_day = Context { accessed: Some("2025-02-30".into()), ..Context::default() };
    assert!(bad_day.check().is_err());
    let bad_url = Context { url: Some("https://a b".into()), ..Context::default() };
    assert!(bad_url.check().unwrap_err().contains("spaces"));
    assert_eq!(context().check(), Ok(()));
}

#[test]
fn formats_are_named_as_the_cli_spells_them() {
    assert_eq!(Format::named("csl-json"), Ok(Format::CslJson));
    assert_eq!(Format::named("BibTeX"), Ok(Format::Bibtex));
    let error = Format::named("mla").unwrap_err();
    assert!(error.contains("use one of chicago, chicago-note"), "{error}");
}

#[test]
fn an_unknown_id_names_the_nearest() {
    let ids = ["104-10004-10156", "104-10048-10252", "cia-rdp80-00809a000600290716-5"];
    let message = request::unknown_id("104-10004-10165", ids.into_iter());
    assert_eq!(
        message,
        "no document has the id \"104-10004-10165\"; did you mean \"104-10004-10156\" or \"104-10048-10252\"?"
    );
    assert_eq!(request::unknown_id("zzz", ids.into_iter()), "no document has the id \"zzz\"");
}
