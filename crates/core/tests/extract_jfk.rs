//! Metadata from JFK-NARA records, every field pinned: the values were established by reading
//! the OCR. Where the OCR states a value legibly it is expected as read (misspellings included);
//! where its reading is garbage the field is expected to be `None`. Comments give the OCR text.

mod common;

use readingroom_core::extract::{ReportFields, extract};

fn md(name: &str) -> ReportFields {
    let pages = common::md_pages(name);
    extract(&common::as_strs(&pages))
}

fn txt(name: &str) -> ReportFields {
    let pages = common::txt_pages(name);
    extract(&common::as_strs(&pages))
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

#[test]
fn a_1963_field_report_behind_its_nara_identification_form() {
    let expected = ReportFields {
        // TITLE : Ngo Dinh Nhu's Statement on Withdrawal of   (cut short on the form itself)
        title: some("Ngo Dinh Nhu's Statement on Withdrawal of"),
        classification: some("CONFIDENTIAL"),
        // COUNTRY . SOUTH VIETNAM ; mae onT NO. Tocs-3/5'4, 531
        country: some("SOUTH VIETNAM"),
        // SUBJECT NGO DINH NHU’S “STATEMENTS ON WITHDRAWAL DATE DISTR, 20 APRIL 1963
        // ‘ . OF AMERICAN AID : ,
        subject: some("NGO DINH NHU’S “STATEMENTS ON WITHDRAWAL OF AMERICAN AID"),
        // DATEOF LATE MARCH-EARLY APRIL 1963. REFERENCES IN 21858
        date_of_information: some("LATE MARCH-EARLY APRIL 1963"),
        date_distributed: some("1963-04-20"),
        source: some(
            "PARAS 1 & 3: AMEOIUM LEVEL OFFICIAL (c) OF THE. MENISTRY OF NATIONAL DEFENSE",
        ),
        // PAGES : 4
        pages: Some(4),
        // 176-10036-10094) [2025 RELEASE UNDER ...   and   RECORD NUMBER : 176-10036-10094.
        document_number: some("176-10036-10094"),
        release_date: some("2025"),
        ..ReportFields::default()
    };
    assert_eq!(md("jfk_doc_1049.md"), expected);
}

#[test]
fn a_1963_telegram_with_a_hyphenated_stamp() {
    let expected = ReportFields {
        // TITLE : ClA Information Telegram -
        title: some("ClA Information Telegram"),
        // C-O-N-F -I-D-E-N-T-I -A-L NO FOREIGN DISSEM
        classification: some("CONFIDENTIAL"),
        country: some("SOUTH VIETNAM"),
        // SUBJECT THE SEEKING OF AMERICAN SUPPORT FOR .DATE DISTR, ~ 20 MARCH 1963
        // : . ‘THE OVERTHROW OF THE DIEM REGIME ;
        subject: some("THE SEEKING OF AMERICAN SUPPORT FOR THE OVERTHROW OF THE DIEM REGIME"),
        // DATE OF MID-MARCH 1963 ; . REFERENCES © IN 89614
        date_of_information: some("MID-MARCH 1963"),
        date_distributed: some("1963-03-20"),
        source: some(
            "A HIGH-LEVEL GOVERNMENT OFFICIAL (C),.WITH. EXTENSIVE CONTACTS AT THE PRESIDENCY",
        ),
        pages: Some(3),
        document_number: some("176-10036-10103"),
        release_date: some("2025"),
        ..ReportFields::default()
    };
    assert_eq!(md("jfk_doc_1055.md"), expected);
}

#[test]
fn an_empty_nara_title_stays_empty() {
    let expected = ReportFields {
        // TITLE :   (nothing on the form)
        title: None,
        // SECRET grant / S ECR ET NO FOREIGN DISSEM ...
        classification: some("SECRET"),
        country: some("SOUTH VIETNAM"),
        // The subject runs on after a blank line, which is not read as its continuation.
        subject: some("PLANS OF GOVERNMENT TO ASSASSINATE AMBASSADOR"),
        // DATE OF INFO. - 8 OCTOBER 1963
        date_of_information: some("8 OCTOBER 1963"),
        // DATE DISTR. 9 OCTOBER 1963
        date_distributed: some("1963-10-09"),
        source: some("A MEDIUM LEVEL GOVERNMENT OFFICIAL’ ¢C) WITH EXTENSIVE"),
        pages: Some(3),
        document_number: some("176-10036-10138"),
        release_date: some("2025"),
        ..ReportFields::default()
    };
    assert_eq!(md("jfk_doc_1065.md"), expected);
}

#[test]
fn a_1951_bundle_of_reports_reads_its_first_form_only() {
    let expected = ReportFields {
        // The most frequent stamp across 45 pages of process sheets and reports.
        classification: some("SECRET"),
        // COUNTRY Btngary/Germany oy _ DATE DISTR: j Ase §1   (Hungary, misread; kept as read)
        country: some("Btngary/Germany"),
        // SUBJECT Biographical Data © Josef Sarospataky = NO. OF PAGES 2
        subject: some("Biographical Data Josef Sarospataky"),
        // DATE OF INFORMATION Up to Feb'5l°   (garbage: not the later reports' dates either)
        date_of_information: None,
        // DATE DISTR: j Ase §1   (garbage)
        date_distributed: None,
        pages: Some(2),
        // The SOURCE heading is followed by `NAMS: Josef Sarospataky`, another form's field.
        source: None,
        document_number: some("104-10171-10136"),
        release_date: some("2025"),
        ..ReportFields::default()
    };
    assert_eq!(md("jfk_doc_392.md"), expected);
}

#[test]
fn a_1950_report_in_mixed_case_with_garbled_values() {
    let expected = ReportFields {
        // Subject; Gold Shipments . Report no: (tan}rea
        subject: some("Gold Shipments"),
        // Date of Information: Nayuly 1950   (May-July, misread)
        date_of_information: None,
        // "Bate of Report: 10 July 190.   (label and year misread)
        date_distributed: None,
        // Source: nose ae wrt whe Olle a —_
        source: None,
        // 104-10172-10001] [2025 RELEASE UNDER ...
        document_number: some("104-10172-10001"),
        release_date: some("2025"),
        ..ReportFields::default()
    };
    assert_eq!(md("jfk_doc_395.md"), expected);
}

#[test]
fn a_1967_memorandum_before_1960_reports() {
    let expected = ReportFields {
        // CONFIDENTIAL (When Filled In) on the memorandum and its attachments.
        classification: some("CONFIDENTIAL"),
        // COUNTRY hoo 7 REPORTNO.- OO~ B-3,168,238   (the first COUNTRY is unreadable)
        country: None,
        // SUBJECT: BARNES, Winfred Clark oe   (the memorandum comes first)
        subject: some("BARNES, Winfred Clark"),
        // SUBJECT Attitude of Segundo Cevallos, = DATE DISTR. = =» 6 Oct: 60
        date_distributed: some("1960-10-06"),
        // NO. PAGES  Qne   (misread)
        pages: None,
        document_number: some("104-10215-10128"),
        release_date: some("2025"),
        ..ReportFields::default()
    };
    assert_eq!(md("jfk_doc_651.md"), expected);
}

#[test]
fn a_plain_text_record_with_a_garbled_banner() {
    let expected = ReportFields {
        // SUBJECT : Jose Xavier CORTES Hernandez o   (behind margin specks: sat ‘)
        subject: some("Jose Xavier CORTES Hernandez"),
        // COUNTRViexico/Cuba   (label and value run together)
        country: None,
        // Pat DATE Of December 1960
        date_of_information: some("December 1960"),
        // DATE OF REPORT: 1 Decenber 1960___   (no DATE DISTR on this form)
        date_distributed: some("1960-12-01"),
        // SOURCE: Person with good connections,in the Cyban Embasay (3). Appraisal of Content:* 2.
        source: some("Person with good connections,in the Cyban Embasay (3)"),
        // NO. OF PAGES 1 ee ee
        pages: Some(1),
        // "Aoi iGOF iors 2025 RELEASE ...   (the record number is unreadable)
        document_number: None,
        release_date: some("2025"),
        ..ReportFields::default()
    };
    assert_eq!(txt("104-10074-10413.txt"), expected);
}

#[test]
fn a_cable_whose_subject_is_specks() {
    let expected = ReportFields {
        // COUNTRY : CUBA Do co os ae
        country: some("CUBA"),
        // SUDJECT a fe OU co, oo SAREE :
        subject: None,
        // ‘Hod-10076-10376) ~ “12025 RELEASE ...   (garbled, and one digit off the real 10375)
        document_number: None,
        release_date: some("2025"),
        ..ReportFields::default()
    };
    assert_eq!(txt("104-10076-10375.txt"), expected);
}

#[test]
fn a_garbled_record_number_is_not_guessed() {
    // ifoa-t0004-10156) [2025 RELEASE UNDER ...   with no identification form behind it.
    let fields = txt("104-10004-10156.txt");
    assert_eq!(fields.document_number, None);
    assert_eq!(fields.release_date.as_deref(), Some("2025"));
}
