//! `readingroom diff` and `readingroom stats` on real files: the error rates agree with
//! dinglehopper 0.11.0's on every recorded pair, and bad input gets a clear error, never a
//! panic or a NaN.

mod common;
use common::readingroom;
use serde_json::Value;

const FIXTURES: &str = "crates/core/tests/fixtures/compare";
const CIA: &str = "documents/cia-rdp80-00809a000600290716-5";

fn json(args: &[&str]) -> Value {
    let out = readingroom(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn diff_agrees_with_dinglehopper_on_every_recorded_pair() {
    let expected =
        std::fs::read_to_string(common::workspace().join(FIXTURES).join("expected.json"))
            .expect("expected.json");
    let expected: Vec<Value> = serde_json::from_str(&expected).expect("JSON");
    assert!(expected.len() >= 20);
    let mut worst = (0.0f64, 0.0f64);
    for pair in &expected {
        let (Some(gt), Some(ocr)) = (pair["gt"].as_str(), pair["ocr"].as_str()) else {
            panic!("a pair without files: {pair}");
        };
        let got =
            json(&["diff", &format!("{FIXTURES}/{ocr}"), &format!("{FIXTURES}/{gt}"), "--json"]);
        let name = &pair["name"];
        match (pair["cer"].as_f64(), got["cer"].as_f64()) {
            (Some(want), Some(have)) => {
                assert!((want - have).abs() <= 0.001, "{name}: CER {have} against {want}");
                worst.0 = worst.0.max((want - have).abs());
            }
            (want, have) => assert!(want.is_none() && have.is_none(), "{name}: {want:?} {have:?}"),
        }
        if let (Some(want), Some(have)) = (pair["wer"].as_f64(), got["wer"].as_f64()) {
            assert!((want - have).abs() <= 0.005, "{name}: WER {have} against {want}");
            worst.1 = worst.1.max((want - have).abs());
        }
        if let Some(n) = pair["n_characters"].as_u64() {
            assert_eq!(got["chars"].as_u64(), Some(n), "{name}: characters");
        }
    }
    eprintln!("largest differences: CER {:.6}, WER {:.6}", worst.0, worst.1);
}

#[test]
fn diff_pairs_gives_a_json_line_per_pair_with_the_rates_of_diff() {
    let dir = std::env::temp_dir().join(format!("readingroom-diff-pairs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fixtures = common::workspace().join(FIXTURES);
    let list = dir.join("pairs.tsv");
    let pairs = ["edge-identical", "edge-unicode"];
    let text: String = pairs
        .iter()
        .map(|p| {
            let (ocr, gt) =
                (fixtures.join(format!("{p}.ocr.txt")), fixtures.join(format!("{p}.gt.txt")));
            format!("{}\t{}\n", ocr.display(), gt.display())
        })
        .collect();
    std::fs::write(&list, text).expect("pairs file");
    let out = readingroom(&["diff", "--pairs", list.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), pairs.len());
    for (line, pair) in lines.iter().zip(pairs) {
        assert_eq!(line["name"], pair);
        assert!(line["micros"].as_f64().is_some_and(|m| m >= 0.0));
        let one = json(&[
            "diff",
            &format!("{FIXTURES}/{pair}.ocr.txt"),
            &format!("{FIXTURES}/{pair}.gt.txt"),
            "--json",
        ]);
        assert_eq!(line["cer"], one["cer"], "{pair}");
        assert_eq!(line["wer"], one["wer"], "{pair}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_lists_corrections_that_point_at_their_text() {
    let ocr = std::fs::read_to_string(common::workspace().join(CIA).join("ocr.txt")).expect("ocr");
    let got = json(&["diff", &format!("{CIA}/ocr.txt"), &format!("{CIA}/corrected.md"), "--json"]);
    let corrections = got["corrections"].as_array().expect("corrections");
    assert!(corrections.len() > 50);
    for c in corrections {
        let (start, end) = (c["ocr"]["start"].as_u64(), c["ocr"]["end"].as_u64());
        let (Some(start), Some(end)) = (start, end) else { panic!("{c}") };
        let text = ocr.get(start as usize..end as usize).expect("a char range of the OCR");
        assert_eq!(text, c["ocr_text"].as_str().expect("ocr_text"), "{c}");
    }
    let perty = corrections.iter().find(|c| c["ocr_text"] == "Perty").expect("Perty");
    assert_eq!(
        (&perty["corrected_text"], &perty["kind"]),
        (&Value::from("Party"), &Value::from("substitution"))
    );
    assert!(got["counts"]["substitutions"].as_u64() > Some(10));
}

#[test]
fn bad_input_gets_a_clear_error_and_an_empty_correction_an_undefined_rate() {
    let missing = readingroom(&["diff", "no/such/file.txt", &format!("{CIA}/corrected.md")]);
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr.contains("cannot read no/such/file.txt"), "{stderr}");
    assert!(!stderr.contains("panicked"));

    let png = "crates/core/tests/fixtures/import/not-text.png";
    let binary = readingroom(&["diff", png, &format!("{CIA}/corrected.md")]);
    let stderr = String::from_utf8_lossy(&binary.stderr);
    assert_eq!(binary.status.code(), Some(1));
    assert!(stderr.contains("is not a text file: it is a PNG image"), "{stderr}");

    let empty = format!("{FIXTURES}/empty.txt");
    let got = json(&["diff", &format!("{CIA}/ocr.txt"), &empty, "--json"]);
    assert_eq!(
        (got["cer"].clone(), got["wer"].clone(), got["chars"].clone()),
        (Value::Null, Value::Null, Value::from(0))
    );
    assert!(got["note"].as_str().is_some_and(|n| n.contains("undefined")));
    let text = readingroom(&["diff", &format!("{CIA}/ocr.txt"), &empty]);
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(stdout.contains("CER: undefined"), "{stdout}");
    assert!(!stdout.contains("NaN") && !stdout.contains("nan %"), "{stdout}");
}

#[test]
fn stats_gives_each_corrected_document_and_the_collection() {
    let got = json(&["stats", "documents", "--json"]);
    let documents = got["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 6, "the six documents with a corrected.md");
    let cia = documents.iter().find(|d| d["id"] == "cia-rdp80-00809a000600290716-5").expect("CIA");
    assert_eq!(cia["quality"]["pages"].as_array().map(Vec::len), Some(7));
    let cer = cia["quality"]["metrics"]["cer"].as_f64().expect("a CER");
    assert!(cer > 0.0 && cer < 0.05, "the CIA report's OCR is good: {cer}");
    let chars: u64 =
        documents.iter().filter_map(|d| d["quality"]["metrics"]["chars"].as_u64()).sum();
    assert_eq!(got["collection"]["chars"].as_u64(), Some(chars));
    let table = readingroom(&["stats", "documents"]);
    let stdout = String::from_utf8_lossy(&table.stdout);
    assert!(stdout.contains("collection (6 documents)"), "{stdout}");
}
