use super::*;
use crate::synth::text::{body, wrap};

/// About `chars` characters of wrapped report text, as an OCR page holds it.
fn clean_text(chars: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    while text.len() < chars {
        for paragraph in body(250, &mut rng) {
            wrap(&paragraph, 72, &mut text);
            text.push('\n');
        }
    }
    text
}

/// The measured character error rate: line by line (noise keeps the lines), the edit distance
/// over the clean text's length.
fn measured_cer(clean: &str, noisy: &str) -> f64 {
    let clean_lines: Vec<&str> = clean.split('\n').collect();
    let noisy_lines: Vec<&str> = noisy.split('\n').collect();
    assert_eq!(clean_lines.len(), noisy_lines.len(), "line breaks are kept");
    let edits: usize = clean_lines.iter().zip(&noisy_lines).map(|(a, b)| distance(a, b)).sum();
    let length: usize = clean_lines.iter().map(|line| line.chars().count()).sum();
    edits as f64 / length as f64
}

#[test]
fn the_measured_error_rate_is_the_one_asked_for() {
    let clean = clean_text(50_000, 1);
    for (cer, seed) in [(0.05, 11), (0.01, 12), (0.2, 13)] {
        let noisy = noise(&clean, cer, &mut Rng::new(seed));
        let measured = measured_cer(&clean, &noisy);
        assert!((measured - cer).abs() <= cer * 0.25, "asked {cer}, measured {measured:.4}");
    }
}

#[test]
fn zero_leaves_the_text_alone_and_the_same_seed_gives_the_same_damage() {
    let clean = clean_text(5_000, 2);
    assert_eq!(noise(&clean, 0.0, &mut Rng::new(1)), clean);
    let once = noise(&clean, 0.03, &mut Rng::new(9));
    assert_eq!(once, noise(&clean, 0.03, &mut Rng::new(9)));
    assert_ne!(once, noise(&clean, 0.03, &mut Rng::new(10)));
    assert_ne!(once, clean);
}

#[test]
fn line_breaks_and_form_feeds_are_never_touched() {
    let page = "SECRET\n\nThe report.\n- 2 -\n\u{c}Next page\n";
    for seed in 0..200 {
        let noisy = noise(page, 0.5, &mut Rng::new(seed));
        assert_eq!(noisy.matches('\n').count(), 5, "{noisy:?}");
        assert_eq!(noisy.matches('\u{c}').count(), 1, "{noisy:?}");
    }
}

#[test]
fn the_edits_are_the_ones_ocr_makes() {
    let clean = clean_text(50_000, 3);
    let noisy = noise(&clean, 0.05, &mut Rng::new(4));
    // Confusions show up as words the clean text never has.
    for damaged in ["rn", "1", "0", "vv"] {
        assert!(noisy.matches(damaged).count() > clean.matches(damaged).count(), "{damaged}");
    }
    // Merged words make lines with fewer spaces; split words, lines with more.
    let spaces = |text: &str| text.matches(' ').count();
    let lines = clean.lines().zip(noisy.lines());
    assert!(lines.clone().any(|(a, b)| spaces(b) < spaces(a)));
    assert!(lines.clone().any(|(a, b)| spaces(b) > spaces(a)));
    assert!(lines.clone().any(|(a, b)| a.chars().count() > b.chars().count()));
}

#[test]
fn every_confusion_changes_the_text() {
    for (from, to, weight) in CONFUSIONS {
        assert!(distance(from, to) >= 1 && *weight > 0, "{from} -> {to}");
    }
}

#[test]
fn distance_is_levenshtein() {
    assert_eq!(distance("kitten", "sitting"), 3);
    assert_eq!(distance("", "abc"), 3);
    assert_eq!(distance("modern", "modem"), 2);
    assert_eq!(distance("Perty", "Party"), 1);
    assert_eq!(distance("é", "e"), 1);
}

/// Prints the measured rate at several settings: `cargo test -p readingroom-core --release
/// measured_rates -- --ignored --nocapture`.
#[test]
#[ignore = "a report, not a check"]
fn measured_rates() {
    let clean = clean_text(200_000, 5);
    for cer in [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5] {
        let noisy = noise(&clean, cer, &mut Rng::new(6));
        println!("asked {cer:<6} measured {:.4}", measured_cer(&clean, &noisy));
    }
}
