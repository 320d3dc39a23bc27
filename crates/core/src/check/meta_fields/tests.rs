use super::*;
use crate::meta::{AlternateOcr, Field};

fn run(text: &str) -> (Option<Meta>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let meta = validate("d/meta.toml", text, "d", &mut problems);
    (meta, problems)
}

#[test]
fn a_valid_file_gives_its_metadata() {
    let (meta, problems) =
        run("id = \"d\"\ntitle = \"T\"\ndate_distributed = \"1950-03-24\"\npages = 7\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(meta.map(|m| m.pages), Some(Some(7)));
}

#[test]
fn every_field_problem_is_reported_at_once() {
    let text = "id = \"d\"\ntitle = \"T\"\ncontry = \"USSR\"\npages = \"seven\"\n\
                date_distributed = \"24 Mar 1950\"\ndate_published = \"late\"\n";
    let (meta, problems) = run(text);
    assert!(meta.is_none());
    let at: Vec<_> = problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(at, [(3, 1), (5, 20), (6, 18), (4, 9)], "{problems:#?}");
    assert!(problems[0].message.contains("did you mean `country`"));
}

#[test]
fn syntax_errors_have_a_line_and_column() {
    let (_, problems) = run("id = \"d\"\ntitle = = \"x\"\n");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2);
    assert!(problems[0].message.starts_with("Invalid TOML"));
}

#[test]
fn missing_required_fields_are_named() {
    let (_, problems) = run("id = \"d\"\n");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("`title`"));
}

#[test]
fn the_id_must_name_the_folder() {
    let (meta, problems) = run("id = \"other\"\ntitle = \"T\"\n");
    assert!(meta.is_none());
    assert!(problems[0].message.contains("does not match its folder"));
}

#[test]
fn alternate_runs_need_plain_file_names() {
    let text = "id = \"d\"\ntitle = \"T\"\n[[alternate_ocr]]\nfile = \"../x.txt\"\n";
    let (_, problems) = run(text);
    assert!(problems[0].message.contains("plain file name"), "{problems:?}");
}

#[test]
fn the_field_list_knows_every_field_of_meta() {
    let full = Meta {
        id: "d".into(),
        title: "T".into(),
        collection: Some("c".into()),
        agency: Some("c".into()),
        classification: Some("c".into()),
        country: Some("c".into()),
        subject: Some("c".into()),
        how_published: Some("c".into()),
        place_published: Some("c".into()),
        date_published: Some("1949".into()),
        date_of_information: Some("1949".into()),
        date_distributed: Some("1950-03-24".into()),
        language: Some("c".into()),
        source: Some("c".into()),
        pages: Some(1),
        document_number: Some("c".into()),
        release_date: Some("2011-09-20".into()),
        rights: Some("c".into()),
        provenance: Some("c".into()),
        extracted: vec![Field::Country],
        alternate_ocr: vec![AlternateOcr {
            file: "ocr-2.txt".into(),
            provenance: Some("p".into()),
        }],
    };
    let text = full.to_toml();
    let (meta, problems) = run(&text);
    assert!(problems.is_empty(), "{problems:?}\n{text}");
    assert_eq!(meta, Some(full));
}

#[test]
fn extracted_names_only_fields_a_program_reads() {
    let text = "id = \"d\"\ntitle = \"T\"\nextracted = [\"contry\"]\n";
    let (meta, problems) = run(text);
    assert!(meta.is_none());
    assert_eq!((problems[0].line, problems[0].column), (3, 13));
    assert!(problems[0].message.contains("`contry`: did you mean `country`?"), "{problems:?}");
    let (_, problems) = run("id = \"d\"\ntitle = \"T\"\nextracted = [\"rights\"]\n");
    assert!(problems[0].message.contains("no program reads from the OCR"), "{problems:?}");
}
