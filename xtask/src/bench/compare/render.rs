//! The `compare` section of BENCHMARKS.md.

use super::Measured;
use super::long::{Native, Pair, RUNS, Wasm};
use super::peers::{CER_TOLERANCE, Run, WER_TOLERANCE};
use crate::bench::stats::{bytes, median, ms, ratio, secs};
use std::fmt::Write;

/// Reading Room should be this many times faster than dinglehopper.
const SPEEDUP: f64 = 100.0;
/// The long pairs' targets, in milliseconds.
const SYNTH_NATIVE_MS: f64 = 1_000.0;
const SYNTH_WASM_MS: f64 = 3_000.0;
const CIA_WASM_MS: f64 = 20.0;
/// The memory budget of `readingroom diff` on texts past any real document.
const DIFF_BUDGET_BYTES: f64 = 512.0 * 1024.0 * 1024.0;

fn verdict(met: bool) -> &'static str {
    if met { "**met**" } else { "**missed**" }
}

pub fn render(m: &Measured, sampled: usize) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "## OCR comparison, against dinglehopper\n\n\
         Reading Room's CER and WER (`readingroom diff`, core's `compare`) reproduce \
         dinglehopper 0.11.0's, the OCR-D evaluation tool. Both run here in the same run on the \
         {n} articles of the Overproof dataset (Sydney Morning Herald, raw OCR against the \
         human correction, written one printed line a line as the test fixtures are; \
         target/bench/compare/articles/), with dinglehopper installed from PyPI into \
         target/bench/venv.\n\n\
         - **In process**: `readingroom diff --pairs <file>` (a benchmarking aid: every pair in \
         one process, each timed from reading its files to its rates) against \
         tests/bench/dinglehopper_pairs.py, which calls what dinglehopper's CLI calls for plain \
         text (`extract` of UTF-8, `character_error_rate_n`, `words_normalized`, `word_error_rate_n`) \
         and times each article the same way (after one untimed run of the first, since its first call \
         loads what it loads lazily).\n\
         - **Per command**: one process an article, timed whole: `readingroom diff ocr gt \
         --json` (the rates and every correction) against `dinglehopper --plain-encoding utf-8 gt ocr <prefix>` (the \
         rates and its HTML and JSON reports), alternating article by article{sample}.\n\n",
        n = m.articles,
        sample = if sampled < m.articles {
            format!(" (here {sampled} of the {} articles: `--quick`)", m.articles)
        } else {
            String::new()
        },
    );
    out.push_str(
        "The target is judged on the median article, as every figure here is a median: a \
         total adds up the stalls of this shared machine too, which the slowest article shows.\n\n\
         | | Reading Room | dinglehopper | dinglehopper / Reading Room | target: ≥ 100× faster |\n\
         | --- | --: | --: | --: | --- |\n",
    );
    for (label, (ours, theirs)) in [("in process", &m.in_process), ("per command", &m.per_command)]
    {
        rows(&mut out, label, ours, theirs);
    }
    let a = &m.agreement;
    let _ = write!(
        out,
        "\nThe in-process totals leave out start-up; the processes' wall times were {} \
         (Reading Room) and {} (dinglehopper, its imports included).\n\n\
         **Agreement** on the {compared} articles (both rates defined): the largest |ΔCER| is \
         {:.6} (target ≤ {CER_TOLERANCE}: {}), the largest |ΔWER| {:.6} (target ≤ \
         {WER_TOLERANCE}: {}).",
        secs(m.in_process.0.wall),
        secs(m.in_process.1.wall),
        a.max_cer,
        verdict(a.max_cer <= CER_TOLERANCE),
        a.max_wer,
        verdict(a.max_wer <= WER_TOLERANCE),
        compared = a.compared,
    );
    if a.outside.is_empty() {
        out.push_str(" No article is outside either tolerance.\n");
    } else {
        out.push_str(" Outside a tolerance:\n\n| article | CER ours | CER dinglehopper | WER ours | WER dinglehopper |\n| --- | --: | --: | --: | --: |\n");
        for (name, oc, tc, ow, tw) in &a.outside {
            let _ = writeln!(out, "| {name} | {oc:.6} | {tc:.6} | {ow:.6} | {tw:.6} |");
        }
    }
    long_pairs(&mut out, m);
    out
}

fn rows(out: &mut String, label: &str, ours: &Run, theirs: &Run) {
    let n = ours.seconds.len() as f64;
    let (t_ours, t_theirs) = (ours.total(), theirs.total());
    let (m_ours, m_theirs) = (median(&ours.seconds), median(&theirs.seconds));
    let slowest = |run: &Run| run.seconds.iter().copied().fold(0.0, f64::max);
    let _ = writeln!(
        out,
        "| {label}: all {} articles | {} | {} | {} | |",
        ours.seconds.len(),
        ms(t_ours * 1e3),
        ms(t_theirs * 1e3),
        ratio(t_theirs, t_ours),
    );
    let _ = writeln!(
        out,
        "| {label}: an article, mean | {} | {} | | |",
        ms(t_ours * 1e3 / n),
        ms(t_theirs * 1e3 / n),
    );
    let _ = writeln!(
        out,
        "| {label}: an article, median | {} | {} | {} | {} |",
        ms(m_ours * 1e3),
        ms(m_theirs * 1e3),
        ratio(m_theirs, m_ours),
        verdict(m_theirs / m_ours >= SPEEDUP),
    );
    let _ = writeln!(
        out,
        "| {label}: the slowest article | {} | {} | | |",
        ms(slowest(ours) * 1e3),
        ms(slowest(theirs) * 1e3),
    );
}

fn long_pairs(out: &mut String, m: &Measured) {
    let _ = write!(
        out,
        "\n### Long pairs\n\n\
         Aligning a whole document: natively, `readingroom diff ocr corrected` (the native \
         profile; the whole process, the list of corrections written to /dev/null; its peak \
         resident memory from `/usr/bin/time -f %M`); in {chromium}, the compare module of \
         dist/ loaded as the app loads it (`readingroomLoadCompare()`), `compare(ocr, \
         corrected)` on the texts fetched into a fresh page, timed with `performance.now()` \
         (the JSON of the corrections included), and its WebAssembly memory after the calls \
         (linear memory only grows, so that is its peak). Medians of {RUNS} runs.\n\n\
         | pair | OCR / corrected | native | native peak RSS | wasm | wasm, rates only | wasm memory (before → after) | CER |\n\
         | --- | --: | --: | --: | --: | --: | --: | --: |\n",
        chromium = if m.chromium.is_empty() {
            "Chromium".to_owned()
        } else {
            format!("Chromium {}", m.chromium)
        },
    );
    for (pair, native, wasm) in &m.long {
        let _ = writeln!(
            out,
            "| {} | {} / {} | {} | {} | {} | {} | {} | {} |",
            pair.label,
            bytes(pair.bytes.0 as f64),
            bytes(pair.bytes.1 as f64),
            ms(native.median() * 1e3),
            bytes(native.peak_bytes as f64),
            wasm.as_ref().map_or("n/a".to_owned(), |w| ms(median(&w.ms))),
            wasm.as_ref().map_or("n/a".to_owned(), |w| ms(median(&w.metrics_ms))),
            wasm.as_ref().map_or("n/a".to_owned(), |w| format!(
                "{} → {}",
                bytes(w.memory_before as f64),
                bytes(w.memory_after as f64)
            )),
            wasm.as_ref().and_then(|w| w.cer).map_or("n/a".to_owned(), |c| format!("{c:.4}")),
        );
    }
    out.push_str(
        "\n\"wasm\" is `compare` (the rates, the corrections and their JSON); \"rates only\" is \
         `metrics`, timed after it in the same page. The synthetic pairs' CER is above synth's \
         0.02 since their corrected side is Markdown (heading, list and emphasis marks, a \
         paragraph a line) and their OCR has each page's furniture and printed line breaks. \
         The last two pairs are past any real document: there the alignment spends within its \
         budget (core's `compare::Budget`: no traceback over 32 MiB, work linear in the texts) \
         and the error rates may be an upper bound, which the JSON says (`\"exact\": false`).\n\nTargets:\n\n",
    );
    for (pair, native, wasm) in &m.long {
        targets(out, pair, native, wasm.as_ref());
    }
}

fn targets(out: &mut String, pair: &Pair, native: &Native, wasm: Option<&Wasm>) {
    let wasm_ms = wasm.map_or(f64::NAN, |w| median(&w.ms));
    let mut line = |what: &str, value: f64, target: f64| {
        let _ = writeln!(
            out,
            "- {what}: {} against under {} — {}",
            ms(value),
            ms(target),
            verdict(value < target)
        );
    };
    match pair.name {
        "synth" => {
            line("the 1 MB pair natively", native.median() * 1e3, SYNTH_NATIVE_MS);
            line("the 1 MB pair in wasm", wasm_ms, SYNTH_WASM_MS);
        }
        "synth5" | "page" => {
            let peak = native.peak_bytes as f64;
            let _ = writeln!(
                out,
                "- {} natively, peak memory: {} against under {} — {}",
                if pair.name == "page" { "the page against 5 MB" } else { "the 5 MB pair" },
                bytes(peak),
                bytes(DIFF_BUDGET_BYTES),
                verdict(peak < DIFF_BUDGET_BYTES)
            );
        }
        "cia" => {
            line("the CIA report in wasm", wasm_ms, CIA_WASM_MS);
            if let Some(w) = wasm.filter(|_| wasm_ms >= CIA_WASM_MS) {
                let rates = median(&w.metrics_ms);
                let _ = writeln!(
                    out,
                    "  - the miss: the rates alone take {} of it in wasm (natively the whole \
                     process, start-up included, takes {}); the rest, about {}, is building \
                     the corrections and their JSON. The alignment dominates. The runs were {} (the first is slower: Chromium \
                     tiers the module's code up while it runs).",
                    ms(rates),
                    ms(native.median() * 1e3),
                    ms(wasm_ms - rates),
                    w.ms.iter().map(|v| ms(*v)).collect::<Vec<_>>().join(", "),
                );
            }
        }
        _ => {}
    }
}
