//! The compare view's answers on every document of the default collection that has a second
//! text: each page against the transcription, or the first OCR run against the second.
//!
//! Every page's rows tile both texts, every correction's ranges hold its texts, every error lies
//! within one row on both sides (the view marks each once), a page's rates are the ones the
//! figures give it, and against a transcription the figures are the catalog's.

mod common;
use common::documents::load;
use readingroom_core::bundle::{DocumentData, document_data};
use readingroom_core::compare::view::{
    Against, Block, BlockStyle, PageComparison, Reply, Request, answer, answer_json, compare_page,
    figures,
};
use readingroom_core::compare::{Kind, metrics};

const CIA: &str = "cia-rdp80-00809a000600290716-5";

fn against(data: &DocumentData) -> Option<Against> {
    if data.pages.iter().any(|p| p.corrected.is_some()) {
        Some(Against::Transcription)
    } else {
        (!data.alternates.is_empty()).then_some(Against::Run(1))
    }
}

fn check_page(data: &DocumentData, compared: &PageComparison) {
    let ocr = &data.pages[compared.page - 1].ocr;
    let blocks = &compared.blocks;
    let ends = |b: Option<&Block>| b.map(|b| (b.ocr.end, b.text.end));
    assert_eq!(ends(blocks.last()), Some((ocr.len(), compared.text.len())));
    assert_eq!(blocks.first().map(|b| (b.ocr.start, b.text.start)), Some((0, 0)));
    for pair in blocks.windows(2) {
        assert_eq!((pair[0].ocr.end, pair[0].text.end), (pair[1].ocr.start, pair[1].text.start));
    }
    for c in &compared.corrections {
        assert!(ocr.get(c.ocr.clone()).is_some() && compared.text.get(c.text.clone()).is_some());
        if matches!(c.kind, Kind::Layout | Kind::Furniture) {
            continue;
        }
        // The view marks what the OCR read (all but an insertion) and what replaced it (all but
        // a deletion): neither may be empty.
        assert!(c.kind == Kind::Insertion || !c.ocr.is_empty(), "{c:?}");
        assert!(c.kind == Kind::Deletion || !c.text.is_empty(), "{c:?}");
        let b = &blocks[c.row];
        let holds = (b.ocr.start <= c.ocr.start && c.ocr.end <= b.ocr.end)
            && (b.text.start <= c.text.start && c.text.end <= b.text.end);
        assert!(holds, "page {}: {c:?} is parted", compared.page);
    }
}

#[test]
fn every_page_with_a_second_text_is_set_out_in_rows_that_part_no_correction() {
    let (mut compared_pages, mut runs) = (0, 0);
    for document in load(None) {
        let data = document_data(&document);
        let Some(against) = against(&data) else { continue };
        runs += usize::from(against == Against::Run(1));
        let figures = figures(&data, against).unwrap_or_else(|e| panic!("{}: {e}", data.id));
        for page in 1..=data.pages.len() {
            let compared = compare_page(&data, against, page).unwrap_or_else(|e| panic!("{e}"));
            check_page(&data, &compared);
            assert_eq!(figures.pages[page - 1], compared.metrics, "{} page {page}", data.id);
            let ocr = &data.pages[page - 1].ocr;
            let other = &data.alternates.first().and_then(|run| run.pages.get(page - 1));
            if let (Against::Run(_), Some(other)) = (against, other) {
                assert_eq!(figures.pages[page - 1], metrics(ocr, other), "{} page {page}", data.id);
            }
            compared_pages += 1;
        }
        if against == Against::Transcription {
            let quality = readingroom_core::quality::of_document(&data).expect("a transcription");
            let rates: Vec<_> = quality.pages.iter().map(|p| (p.cer, p.wer)).collect();
            let ours: Vec<_> = figures.pages.iter().map(|m| (m.cer, m.wer)).collect();
            assert_eq!(ours, rates, "{}", data.id);
        }
    }
    assert!(compared_pages >= 14 && runs >= 2, "{compared_pages} pages, {runs} runs compared");
}

#[test]
fn the_reports_paragraphs_are_rows_of_their_own() {
    let data = document_data(&load(Some(&[CIA]))[0]);
    let compared = compare_page(&data, Against::Transcription, 2).unwrap_or_else(|e| panic!("{e}"));
    let rows = compared.blocks.len();
    assert!(rows >= 6, "page 2 has six paragraphs, set out in {rows} rows");
    let quote = compared.blocks.iter().filter(|b| b.style == BlockStyle::Quote).count();
    assert!(quote >= 4, "{quote} quoted rows");
    let ocr = &data.pages[1].ocr;
    let perty =
        compared.corrections.iter().find(|c| &ocr[c.ocr.clone()] == "Perty").expect("Perty");
    assert_eq!(perty.note, "OCR read ‘Perty’, corrected to ‘Party’");
    let row = compared.blocks.iter().find(|b| b.ocr.contains(&perty.ocr.start)).expect("a row");
    let ocr = &ocr[row.ocr.clone()];
    let text = &compared.text[row.text.clone()];
    assert!(ocr.contains("justly called") && text.contains("justly called"), "{ocr:?} | {text:?}");
    assert!(!text.contains("Underestimation"), "the next paragraph is a row of its own");
}

#[test]
fn the_module_answers_the_reports_first_page_from_the_data_file() {
    let data = document_data(&load(Some(&[CIA]))[0]);
    let bytes = serde_json::to_vec(&data).expect("serializes");
    let request = Request { against: Against::Transcription, page: Some(1) };
    let json = serde_json::to_string(&request).expect("serializes");
    let reply = answer_json(&bytes, &json);
    assert_eq!(reply, answer(&data, &request));
    let Reply::Page(page) = reply else { panic!("{reply:?}") };
    assert!(page.counts.errors() > 10, "{:?}", page.counts);
    assert!(page.counts.furniture > 0, "{:?}", page.counts);
}
