//! Metadata from the CREST report's FDD form, field by field.
//!
//! The OCR reads the form column by column (`COUNTRY` / `SUBJECT` / `USSR` / `Political - ...`),
//! splits labels across lines with specks between (`HOW` / `Γ` / `PUBLISHED`), misreads an accent
//! (`Alma-Atà`) and scatters tabs through the sanitization line; every value below is pinned.

mod common;

use readingroom_core::extract::{ReportFields, extract};
use readingroom_core::meta::Meta;

fn crest() -> ReportFields {
    let pages = common::crest_pages();
    extract(&common::as_strs(&pages))
}

#[test]
fn the_form_columns_give_country_and_subject() {
    let fields = crest();
    assert_eq!(fields.country.as_deref(), Some("USSR"));
    assert_eq!(fields.subject.as_deref(), Some("Political - Local Party functions"));
}

#[test]
fn labels_split_across_lines_give_how_and_where_published() {
    let fields = crest();
    assert_eq!(fields.how_published.as_deref(), Some("Daily newspaper"));
    assert_eq!(fields.place_published.as_deref(), Some("Alma-Ata"), "the misread accent is folded");
}

#[test]
fn dates_are_kept_as_written_or_made_iso_where_the_field_is_iso() {
    let fields = crest();
    assert_eq!(fields.date_published.as_deref(), Some("18 Sep - 23 Nov 1949"));
    assert_eq!(fields.date_of_information.as_deref(), Some("1949"));
    assert_eq!(fields.date_distributed.as_deref(), Some("1950-03-24"));
}

#[test]
fn page_count_source_and_language() {
    let fields = crest();
    assert_eq!(fields.pages, Some(7));
    assert_eq!(
        fields.source.as_deref(),
        Some("Karakhstanskaya Pravda"),
        "kept as read, without its full stop"
    );
    assert_eq!(fields.language, None, "the OCR lost the value under LANGUAGE");
}

#[test]
fn the_damaged_sanitization_line_gives_number_and_release_date() {
    let fields = crest();
    assert_eq!(fields.document_number.as_deref(), Some("CIA-RDP80-00809A000600290716-5"));
    assert_eq!(fields.release_date.as_deref(), Some("2011-09-20"));
}

#[test]
fn the_headline_is_the_title_and_the_stamps_the_classification() {
    let fields = crest();
    assert_eq!(
        fields.title.as_deref(),
        Some("LOCAL PARTY INSTRUCTORS HIT NONPOLITICAL ABSIGNMENTS")
    );
    assert_eq!(fields.classification.as_deref(), Some("SECRET"));
}

#[test]
fn applied_to_the_curators_metadata_it_changes_nothing_the_curator_wrote() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../documents/cia-rdp80-00809a000600290716-5/meta.toml");
    let toml = std::fs::read_to_string(path).expect("the document's meta.toml");
    let written = Meta::from_toml("meta.toml", &toml).expect("valid metadata");
    let mut meta = written.clone();
    crest().apply_to(&mut meta);
    assert_eq!(meta, written, "a second extraction over the curated file is a no-op");

    // Without its classification and its list of extracted fields, the extraction adds the
    // classification back and names only that: the curator's values stand.
    let mut meta = Meta { classification: None, extracted: Vec::new(), ..written.clone() };
    crest().apply_to(&mut meta);
    assert_eq!(meta.title, "Local Party Instructors Hit Nonpolitical Assignments");
    assert_eq!(
        meta.source.as_deref(),
        Some("Kazakhstanskaya Pravda"),
        "the curator's correction stands"
    );
    assert_eq!(meta.classification.as_deref(), Some("SECRET"));
    assert_eq!(meta.extracted, vec!["classification"]);
}

#[test]
fn applied_to_bare_metadata_it_fills_and_names_every_field_it_read() {
    let mut meta = Meta { id: "cia".into(), ..Meta::default() };
    crest().apply_to(&mut meta);
    assert_eq!(meta.country.as_deref(), Some("USSR"));
    assert_eq!(meta.pages, Some(7));
    assert_eq!(
        meta.extracted,
        vec![
            "title",
            "classification",
            "country",
            "subject",
            "how_published",
            "place_published",
            "date_published",
            "date_of_information",
            "date_distributed",
            "source",
            "pages",
            "document_number",
            "release_date",
        ]
    );
}
