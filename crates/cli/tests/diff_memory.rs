//! `readingroom diff` on texts far beyond a real page stays within its memory budget: a page
//! against a text of a megabyte, and two unrelated megabytes, which share no anchor and whose
//! alignment the budget cuts short. Each runs as a child process; its peak resident memory is
//! the largest `ru_maxrss` of this process's children (this file runs no other child), read
//! after it has exited. The 5 MB pairs are measured in BENCHMARKS.md (`cargo xtask bench --only
//! compare`), since a debug build takes a minute on them.

mod common;
use common::{readingroom, scratch, workspace};
use nix::sys::resource::{UsageWho, getrusage};
use readingroom_core::synth::{Rng, noise};
use serde_json::Value;
use std::path::Path;

/// The memory budget of `diff`.
const BUDGET_BYTES: i64 = 512 << 20;

/// The corrected text of every recorded pair, joined: about 70 KB of real newspaper text.
fn real_text() -> String {
    let dir = workspace().join("crates/core/tests/fixtures/compare");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gt.txt"))
        .collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).expect("a fixture") + "\n").collect()
}

/// `bytes` of real text, each repetition damaged differently (seeded), so that no word is
/// unique and the texts have no anchors.
fn long_text(bytes: usize, seed: u64) -> String {
    let real = real_text();
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    while text.len() < bytes {
        text.push_str(&noise(&real, 0.3, &mut rng));
    }
    text
}

/// Runs `readingroom diff ocr corrected --json` and returns its JSON and the children's peak
/// resident memory so far, in bytes.
fn diff(ocr: &Path, corrected: &Path) -> (Value, i64) {
    let (ocr, corrected) = (ocr.to_string_lossy(), corrected.to_string_lossy());
    let out = readingroom(&["diff", &ocr, &corrected, "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).expect("getrusage");
    // Linux gives ru_maxrss in kilobytes.
    (serde_json::from_slice(&out.stdout).expect("JSON"), usage.max_rss() * 1024)
}

#[test]
fn diff_of_texts_far_beyond_a_page_stays_within_the_memory_budget() {
    let dir = scratch("diff_memory", "budget");
    let page = dir.join("page.txt");
    let long = dir.join("long.txt");
    let other = dir.join("other.txt");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let real = real_text();
    std::fs::write(&page, &real[..real.floor_char_boundary(1400)]).expect("write");
    std::fs::write(&long, long_text(1 << 20, 1)).expect("write");
    std::fs::write(&other, long_text(1 << 20, 2)).expect("write");
    for (ocr, corrected) in [(&page, &long), (&long, &page), (&long, &other)] {
        let (got, peak) = diff(ocr, corrected);
        assert!(peak < BUDGET_BYTES, "{ocr:?} against {corrected:?}: peak {peak} bytes");
        assert!(got["exact"].is_boolean(), "whether the rates are exact is said");
        let cer = got["cer"].as_f64().expect("a CER");
        assert!(cer > 0.2, "{ocr:?} against {corrected:?}: CER {cer}");
        assert!(got["corrections"].as_array().is_some_and(|c| !c.is_empty()));
    }
}
