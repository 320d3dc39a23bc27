//! The compare view's answers on small documents made for each rule.

use super::blocks::block_starts;
use super::*;
use crate::bundle::{AlternateRun, document_data};
use crate::meta::Meta;
use crate::source::SourceDocument;

fn document(ocr: &str, corrected: Option<&str>, runs: &[&str]) -> DocumentData {
    let source = SourceDocument {
        meta: Meta { id: "a".into(), title: "A".into(), ..Meta::default() },
        ocr: ocr.into(),
        corrected: corrected.map(Into::into),
        alternates: Vec::new(),
    };
    let mut data = document_data(&source);
    data.alternates = runs
        .iter()
        .map(|text| AlternateRun {
            file: "ocr-2.txt".into(),
            provenance: None,
            pages: crate::pages::split(text).into_iter().map(str::to_owned).collect(),
        })
        .collect();
    data
}

fn page(data: &DocumentData, against: Against, page: usize) -> PageComparison {
    compare_page(data, against, page).unwrap_or_else(|e| panic!("{e}"))
}

fn is_error(c: &Change) -> bool {
    !matches!(c.kind, Kind::Layout | Kind::Furniture)
}

/// The rows tile both texts, each correction's ranges hold its texts, and every error lies
/// within one row on both sides.
fn assert_well_formed(ocr: &str, compared: &PageComparison) {
    let blocks = &compared.blocks;
    assert_eq!(blocks.first().map(|b| (b.ocr.start, b.text.start)), Some((0, 0)));
    assert_eq!(
        blocks.last().map(|b| (b.ocr.end, b.text.end)),
        Some((ocr.len(), compared.text.len()))
    );
    for pair in blocks.windows(2) {
        assert_eq!(pair[0].ocr.end, pair[1].ocr.start);
        assert_eq!(pair[0].text.end, pair[1].text.start);
    }
    for c in &compared.corrections {
        let (read, theirs) = (&ocr[c.ocr.clone()], &compared.text[c.text.clone()]);
        assert_eq!((read.trim(), theirs.trim()), (read, theirs), "{c:?}");
        if is_error(c) {
            let quoted = ocr[c.ocr.clone()].split_whitespace().next().unwrap_or("");
            assert!(c.kind == Kind::Insertion || c.note.contains(quoted), "{c:?}");
            let within = |b: &Block| {
                b.ocr.start <= c.ocr.start
                    && c.ocr.end <= b.ocr.end
                    && b.text.start <= c.text.start
                    && c.text.end <= b.text.end
            };
            assert!(blocks.iter().any(within), "{c:?} is parted by {blocks:?}");
            assert!(within(&blocks[c.row]), "{c:?} is not in its row");
        }
    }
}

#[test]
fn blocks_begin_after_blank_lines() {
    assert_eq!(block_starts("One\ntwo\n\nThree\n\n\n  Four\n"), vec![9, 17]);
    assert_eq!(block_starts("\n\nOne\n"), Vec::<usize>::new());
    assert_eq!(block_starts(""), Vec::<usize>::new());
}

#[test]
fn paragraphs_sit_beside_the_ocr_lines_they_came_from() {
    let ocr = "The Perty committee met\non Monday.\n\n  Its instructor wrote a letter.\n";
    let md = "The Party committee met on Monday.\n\nIts instructor wrote a letter.\n";
    let data = document(ocr, Some(md), &[]);
    let compared = page(&data, Against::Transcription, 1);
    assert_well_formed(ocr, &compared);
    let rows: Vec<(&str, &str)> = compared
        .blocks
        .iter()
        .map(|b| (&ocr[b.ocr.clone()], &compared.text[b.text.clone()]))
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0].0.starts_with("The Perty") && rows[0].1.starts_with("The Party"));
    assert_eq!(rows[1].0, "  Its instructor wrote a letter.\n");
    assert!(rows[1].1.starts_with("Its instructor"));
    assert_eq!(compared.counts.substitutions, 1);
    assert_eq!(compared.summary, "1 substitution.");
    let perty = compared.corrections.iter().find(|c| c.kind == Kind::Substitution);
    assert_eq!(perty.map(|c| c.note.as_str()), Some("OCR read ‘Perty’, corrected to ‘Party’"));
}

#[test]
fn a_misreading_across_two_blocks_makes_them_one_row() {
    // The OCR ran the heading into the paragraph: "REPORTThe" is one word read for two.
    let ocr = "REPORTThe committee met.\nIt wrote.\n";
    let md = "# REPORT\n\nThe committee met.\n\nIt wrote.\n";
    let data = document(ocr, Some(md), &[]);
    let compared = page(&data, Against::Transcription, 1);
    assert_well_formed(ocr, &compared);
    assert_eq!(compared.counts.words_joined, 1);
    assert!(compared.blocks.len() < 3, "{:?}", compared.blocks);
    let first = &compared.text[compared.blocks[0].text.clone()];
    assert!(first.contains("REPORT") && first.contains("The committee"), "{first:?}");
}

#[test]
fn blanked_furniture_is_furniture_and_the_figures_are_the_catalogs() {
    let ocr = "SECRET\nThe Perty committee met.\n- 2 -\n\u{c}50X1-HUM\nIt wrote a letter.\n";
    let md =
        "<!-- page 1 -->\n\nThe *Party* committee met.\n\n<!-- page 2 -->\n\nIt wrote a letter.\n";
    let data = document(ocr, Some(md), &[]);
    let compared = page(&data, Against::Transcription, 1);
    assert_well_formed(&data.pages[0].ocr, &compared);
    let kinds: Vec<Kind> = compared.corrections.iter().map(|c| c.kind).collect();
    assert_eq!(compared.counts.furniture, 2, "{kinds:?}");
    assert_eq!((compared.counts.substitutions, compared.counts.deletions), (1, 0));
    let stamp = compared.corrections.iter().find(|c| c.kind == Kind::Furniture);
    assert!(stamp.is_some_and(|c| c.note.contains("SECRET")), "{:?}", compared.corrections);
    let figures = figures(&data, Against::Transcription).unwrap_or_else(|e| panic!("{e}"));
    let quality = quality::of_document(&data).expect("a transcription");
    assert_eq!(figures.pages.len(), 2);
    for (metrics, catalog) in figures.pages.iter().zip(&quality.pages) {
        assert_eq!((metrics.cer, metrics.wer), (catalog.cer, catalog.wer));
    }
    assert_eq!(figures.pages[0], compared.metrics);
}

#[test]
fn styles_follow_the_markdown() {
    let ocr = "REPORT\n\nCOUNTRY USSR\n\nHe said\n\nIt was lax.\n";
    let md = "# REPORT\n\n- COUNTRY USSR\n\nHe said\n\n> It was lax.\n";
    let data = document(ocr, Some(md), &[]);
    let compared = page(&data, Against::Transcription, 1);
    let styles: Vec<BlockStyle> = compared.blocks.iter().map(|b| b.style).collect();
    use BlockStyle::*;
    assert_eq!(styles, vec![Heading, Item, Paragraph, Quote]);
}

#[test]
fn one_run_against_another_keeps_layout_apart_from_errors() {
    let ocr = "The or-\nganization of the Perty.\n";
    let run = "The organization of the Party.\n";
    let data = document(ocr, None, &[run]);
    let compared = page(&data, Against::Run(1), 1);
    assert_well_formed(ocr, &compared);
    assert_eq!(compared.text, run);
    assert_eq!((compared.counts.layout, compared.counts.substitutions), (1, 1));
    assert_eq!(compared.counts.furniture, 0);
    let figures = figures(&data, Against::Run(1)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(figures.pages, vec![compared.metrics]);
}

#[test]
fn a_page_of_no_text_is_one_row() {
    let data = document("Some words\n", None, &[""]);
    let compared = page(&data, Against::Run(1), 1);
    assert_well_formed("Some words\n", &compared);
    assert_eq!(compared.blocks.len(), 1);
    assert_eq!(compared.counts.deletions, 1);
}

#[test]
fn what_cannot_be_answered_is_a_failed_reply() {
    let data = document("One\u{c}Two", None, &["Uno"]);
    let bytes = serde_json::to_vec(&data).expect("serializes");
    let ask = |request: &str| match answer_json(&bytes, request) {
        Reply::Failed(message) => message,
        other => panic!("{request} answered {other:?}"),
    };
    assert!(ask(r#"{"against":"transcription","page":1}"#).contains("no corrected transcription"));
    assert!(ask(r#"{"against":{"run":2}}"#).contains("no OCR run 2"));
    assert!(ask(r#"{"against":{"run":1},"page":3}"#).contains("no page 3"));
    assert!(ask(r#"{"against":"everything"}"#).contains("cannot read the request"));
    let reply = answer_json(b"{\"id\":", r#"{"against":{"run":1}}"#);
    assert!(matches!(reply, Reply::Failed(message) if message.contains("data cannot be read")));
}

#[test]
fn requests_and_replies_round_trip() {
    let data =
        document("The Perty met.\n\nIt wrote.\n", Some("The Party met.\n\nIt wrote.\n"), &["x"]);
    let bytes = serde_json::to_vec(&data).expect("serializes");
    for request in [
        Request { against: Against::Transcription, page: Some(1) },
        Request { against: Against::Transcription, page: None },
        Request { against: Against::Run(1), page: Some(1) },
    ] {
        let json = serde_json::to_string(&request).expect("serializes");
        assert_eq!(serde_json::from_str::<Request>(&json).expect("reads back"), request);
        let reply = answer_json(&bytes, &json);
        assert!(!matches!(reply, Reply::Failed(_)), "{reply:?}");
        let text = serde_json::to_string(&reply).expect("serializes");
        assert_eq!(serde_json::from_str::<Reply>(&text).expect("reads back"), reply);
    }
    let failed = Reply::Failed("No page 9.".into());
    let text = serde_json::to_string(&failed).expect("serializes");
    assert_eq!(serde_json::from_str::<Reply>(&text).expect("reads back"), failed);
}
