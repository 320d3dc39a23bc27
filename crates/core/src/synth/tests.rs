use super::*;
use crate::check::{FolderFiles, check_folder};
use crate::furniture::{self, FurnitureKind};
use crate::meta::Meta;
use crate::{corrected, extract, pages};

fn options(cer: f64, seed: u64) -> SynthOptions {
    SynthOptions { docs: 20, pages_per_doc: 3, words_per_page: 120, cer, seed }
}

#[test]
fn the_same_options_give_the_same_bytes() {
    let opts = options(0.05, 7);
    for index in [0, 1, 19] {
        assert_eq!(document(&opts, index), document(&opts.clone(), index));
    }
}

#[test]
fn seeds_and_indices_give_different_documents() {
    let a = document(&options(0.05, 7), 0);
    let b = document(&options(0.05, 8), 0);
    let c = document(&options(0.05, 7), 1);
    assert_ne!(a.corrected, b.corrected);
    assert_ne!(a.ocr, b.ocr);
    assert_ne!(a.corrected, c.corrected);
    assert_eq!((a.id.as_str(), c.id.as_str()), ("synth-000001", "synth-000002"));
}

#[test]
fn the_error_rate_changes_the_ocr_only() {
    let clean = document(&options(0.0, 3), 4);
    let noisy = document(&options(0.1, 3), 4);
    assert_eq!(clean.corrected, noisy.corrected);
    assert_ne!(clean.ocr, noisy.ocr);
    let (clean_pages, noisy_pages) = (pages::split(&clean.ocr), pages::split(&noisy.ocr));
    assert_eq!(clean_pages.len(), noisy_pages.len());
    let edits: usize =
        clean_pages.iter().zip(&noisy_pages).map(|(a, b)| noise::distance(a, b)).sum();
    let rate = edits as f64 / clean.ocr.chars().count() as f64;
    assert!((0.07..0.13).contains(&rate), "{rate}");
}

#[test]
fn the_metadata_is_a_valid_report() {
    let document = document(&options(0.02, 1), 11);
    let meta = Meta::from_toml("meta.toml", &document.meta_toml).expect("valid metadata");
    assert_eq!(meta.id, document.id);
    assert_eq!(meta.pages, Some(3));
    assert_eq!(meta.collection.as_deref(), Some("Synthetic"));
    assert!(report::COUNTRIES.contains(&meta.country.as_deref().unwrap()));
    assert!(report::SUBJECTS.contains(&meta.subject.as_deref().unwrap()));
    let year = meta.year().expect("a year");
    assert!((1945..=1979).contains(&year), "{year}");
    let words = meta.title.split(' ').count();
    assert!((3..=7).contains(&words), "{}", meta.title);
    assert!(meta.title.split(' ').all(|w| w.starts_with(|c: char| c.is_uppercase())));
}

#[test]
fn generated_folders_pass_the_check_without_a_warning() {
    for (cer, seed) in [(0.0, 1), (0.02, 2), (0.5, 3)] {
        let opts = SynthOptions { pages_per_doc: 4, ..options(cer, seed) };
        for index in 0..5 {
            let document = document(&opts, index);
            let files = FolderFiles {
                folder: &format!("synthetic/{}", document.id),
                name: &document.id,
                meta: Some(document.meta_toml.as_bytes()),
                ocr: Some(document.ocr.as_bytes()),
                corrected: Some(document.corrected.as_bytes()),
                others: Default::default(),
            };
            let checked = check_folder(&files);
            assert!(checked.problems.is_empty(), "{:?}", checked.problems);
            let source = checked.document.expect("a checked document");
            assert_eq!(source.ocr_pages().len(), 4);
        }
    }
}

#[test]
fn each_page_has_its_marker_and_its_text() {
    let document = document(&options(0.0, 5), 0);
    let found: Vec<u32> = corrected::markers(&document.corrected).iter().map(|m| m.page).collect();
    assert_eq!(found, [1, 2, 3]);
    let ocr_pages = pages::split(&document.ocr);
    let md_pages = corrected::split_pages(&document.corrected, 3);
    for (ocr, md) in ocr_pages.iter().zip(&md_pages) {
        let last_paragraph = md.trim().rsplit("\n\n").next().unwrap();
        let ocr_words = ocr.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(ocr_words.contains(last_paragraph), "{last_paragraph}");
    }
}

#[test]
fn furniture_detection_finds_the_stamps_and_page_numbers() {
    let opts = options(0.0, 9);
    let document = document(&opts, 2);
    let stamp = Meta::from_toml("m", &document.meta_toml).unwrap().classification.unwrap();
    for (n, page) in pages::split(&document.ocr).into_iter().enumerate() {
        let found = furniture::detect(page);
        let kinds: Vec<FurnitureKind> = found.iter().map(|f| f.kind).collect();
        let stamps = kinds.iter().filter(|k| **k == FurnitureKind::Classification).count();
        assert_eq!(stamps, 2, "page {}: {found:?}", n + 1);
        let numbers = kinds.iter().filter(|k| **k == FurnitureKind::PageNumber).count();
        assert_eq!(numbers, usize::from(n > 0), "page {}", n + 1);
        assert!(page.starts_with(&format!("{stamp}\n")));
    }
}

#[test]
fn the_report_form_is_read_back_by_the_extractor() {
    let document = document(&options(0.0, 4), 3);
    let meta = Meta::from_toml("m", &document.meta_toml).unwrap();
    let fields = extract::extract(&pages::split(&document.ocr));
    assert_eq!(fields.country, meta.country);
    assert_eq!(fields.subject, meta.subject);
    assert_eq!(fields.date_distributed, meta.date_distributed);
    assert_eq!(fields.pages, meta.pages);
    assert_eq!(fields.classification, meta.classification);
}

#[test]
fn ids_are_wide_enough_to_sort() {
    let opts = SynthOptions { docs: 1_234_567, ..options(0.0, 1) };
    assert_eq!(document(&opts, 41).id, "synth-0000042");
}

/// Prints how fast documents are made, without any I/O: `cargo test -p readingroom-core
/// --release synth::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn throughput() {
    let opts =
        SynthOptions { docs: 2000, pages_per_doc: 7, words_per_page: 250, cer: 0.02, seed: 1 };
    let started = std::time::Instant::now();
    let bytes: usize = (0..opts.docs)
        .map(|index| document(&opts, index))
        .map(|d| d.ocr.len() + d.corrected.len() + d.meta_toml.len())
        .sum();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} documents of 7 pages in {seconds:.2} s on one thread: {:.0} documents/s, {:.0} MB/s",
        opts.docs,
        opts.docs as f64 / seconds,
        bytes as f64 / seconds / 1e6
    );
}
