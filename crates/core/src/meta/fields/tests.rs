use super::*;
use crate::meta::AlternateOcr;

/// Metadata with every field set, each text to its own name.
fn full() -> Meta {
    let mut meta = Meta {
        pages: Some(7),
        extracted: vec![Field::Country],
        alternate_ocr: vec![AlternateOcr { file: "ocr-2.txt".into(), provenance: None }],
        ..Meta::default()
    };
    for info in FIELDS.iter().filter(|info| info.kind != Kind::Count) {
        meta.set(info.field, Value::Text(info.name));
    }
    meta
}

#[test]
fn each_row_stands_at_its_fields_place() {
    for (index, info) in FIELDS.iter().enumerate() {
        assert_eq!(info.field as usize, index, "{info:?}");
        assert_eq!(Field::named(info.name), Some(info.field));
    }
}

#[test]
fn the_table_names_the_fields_of_meta_in_their_order() {
    let json = serde_json::to_value(full()).expect("metadata serializes");
    let keys: Vec<&str> = json.as_object().expect("an object").keys().map(String::as_str).collect();
    let mut names: Vec<&str> = FIELDS.iter().map(|info| info.name).collect();
    names.sort_unstable();
    assert_eq!(keys, names, "serde_json's map is sorted by key");
    let toml = full().to_toml();
    let order: Vec<&str> = toml
        .lines()
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, _)| key)
        .collect();
    let declared: Vec<&str> =
        FIELDS.iter().filter(|info| info.kind != Kind::Runs).map(|info| info.name).collect();
    assert_eq!(order, declared);
}

#[test]
fn every_text_field_reads_back_what_was_set() {
    let meta = full();
    for info in FIELDS
        .iter()
        .filter(|info| matches!(info.kind, Kind::Text | Kind::IsoDate | Kind::FreeDate))
    {
        assert_eq!(meta.value(info.field), Some(Value::Text(info.name)), "{info:?}");
    }
    assert_eq!(meta.value(Field::Pages), Some(Value::Count(7)));
    assert_eq!(meta.value(Field::Extracted), None);
}

#[test]
fn a_blank_title_has_no_value() {
    let meta = Meta { title: "  ".into(), ..Meta::default() };
    assert_eq!(meta.value(Field::Title), None);
}

#[test]
fn extracted_fields_are_written_and_read_by_name() {
    let meta = Meta { extracted: vec![Field::ReleaseDate, Field::Pages], ..Meta::default() };
    let json = serde_json::to_string(&meta).expect("serializes");
    assert!(json.contains(r#""extracted":["release_date","pages"]"#), "{json}");
    let back: Meta = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, meta);
    let wrong = json.replace("release_date", "relase_date");
    let error = serde_json::from_str::<Meta>(&wrong).expect_err("an unknown name is refused");
    assert!(error.to_string().contains("`relase_date` is not a metadata field"), "{error}");
}

#[test]
fn only_fields_the_forms_state_are_extractable() {
    let extractable: Vec<&str> =
        FIELDS.iter().filter(|info| info.extractable).map(|info| info.name).collect();
    assert!(extractable.contains(&"document_number") && extractable.contains(&"release_date"));
    for never in ["id", "collection", "agency", "rights", "provenance", "extracted"] {
        assert!(!extractable.contains(&never), "{never}");
    }
}
