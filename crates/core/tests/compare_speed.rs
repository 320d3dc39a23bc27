//! How fast the comparison runs, printed rather than asserted (the machine decides):
//! `cargo test -p readingroom-core --profile native --test compare_speed -- --ignored --nocapture`.
//!
//! Two pairs: the CIA report (about 24 KB a side, compared whole and page by page, as the
//! reader's compare view does) and a synthetic megabyte: paragraphs from `synth`'s word list as
//! the correction, the same paragraphs wrapped at 72 columns and damaged at a character error
//! rate of 0.02 as the OCR.

use readingroom_core::compare::text::{Interner, prepare};
use readingroom_core::compare::{compare, compare_markdown, levenshtein, metrics};
use readingroom_core::synth::{LINE_WIDTH, Rng, noise, text};
use readingroom_core::{corrected, furniture, markdown, pages};
use std::time::{Duration, Instant};

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        last = Some(f());
        best = best.min(started.elapsed());
    }
    (best, last.unwrap_or_else(|| unreachable!("runs > 0")))
}

/// About `bytes` of corrected text and its OCR.
fn synthetic_pair(bytes: usize, cer: f64) -> (String, String) {
    let mut rng = Rng::new(42);
    let (mut corrected, mut typed) = (String::new(), String::new());
    while corrected.len() < bytes {
        for paragraph in text::body(250, &mut rng) {
            corrected.push_str(&paragraph);
            corrected.push_str("\n\n");
            text::wrap(&paragraph, LINE_WIDTH, &mut typed);
            typed.push('\n');
        }
    }
    (noise(&typed, cer, &mut Rng::new(43)), corrected)
}

#[test]
#[ignore = "a measurement, not a check"]
fn measure() {
    let folder =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../documents/cia-rdp80-00809a000600290716-5");
    let ocr = std::fs::read_to_string(format!("{folder}/ocr.txt")).expect("ocr.txt");
    let md = std::fs::read_to_string(format!("{folder}/corrected.md")).expect("corrected.md");
    let page_texts = pages::split(&ocr);
    let page_md = corrected::split_pages(&md, page_texts.len());
    let trees: Vec<_> = page_md.iter().map(|m| markdown::parse(m)).collect();
    let whole: String = trees.iter().map(|t| t.search_text()).collect();
    let (t, c) = best_of(20, || compare(&ocr, &whole, &[]));
    println!(
        "CIA report whole ({} + {} bytes): compare {t:?}, {} corrections, {:?}",
        ocr.len(),
        whole.len(),
        c.corrections.len(),
        c.metrics
    );
    let (t, _) = best_of(20, || {
        page_texts
            .iter()
            .zip(&trees)
            .map(|(page, tree)| {
                let found: Vec<_> =
                    furniture::detect(page).iter().map(|f| f.start..f.end).collect();
                compare_markdown(page, &found, tree)
            })
            .count()
    });
    println!("CIA report page by page with furniture: {t:?}");

    let (ocr, corrected) = synthetic_pair(1 << 20, 0.02);
    let (t, m) = best_of(3, || metrics(&ocr, &corrected));
    println!("synthetic {} + {} bytes: metrics {t:?}: {m:?}", ocr.len(), corrected.len());
    let (t, c) = best_of(3, || compare(&ocr, &corrected, &[]));
    println!(
        "synthetic: compare {t:?}, {} corrections, counts {:?}",
        c.corrections.len(),
        c.counts
    );
    let mut interner = Interner::default();
    let (a, b) = (prepare(&ocr, &mut interner), prepare(&corrected, &mut interner));
    let (t, d) = best_of(1, || levenshtein::distance(&a.ids, &b.ids));
    println!("synthetic: exact character distance {d} by doubling bands in {t:?}");
}
