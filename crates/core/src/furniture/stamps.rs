//! Classification stamps and release lines: the furniture whose words OCR damages most.
//!
//! A classification stamp is a line made of a stamp word (SECRET, CONFIDENTIAL ...) and at most
//! a trailing digit, specks, or a dissemination control (`NO FOREIGN DISSEM`). The stamp word is
//! compared by edit distance on its letters, joined across spaces and hyphens, so `SECHET`,
//! `S E C R E T` and `C-O-N-F -I-D-E-N-T-I -A-L` are read as stamps; a line with any other
//! words (`SECRET POLICE REPORTED ...`) is not. Release lines are recognized by the phrases
//! they are built from, which survive OCR better than their layout does.

use super::words::{key, runs, within};

/// The stamp words, by the letters they are compared on.
const STAMP_WORDS: [(&str, &str); 6] = [
    ("TOPSECRET", "TOP SECRET"),
    ("SECRET", "SECRET"),
    ("CONFIDENTIAL", "CONFIDENTIAL"),
    ("RESTRICTED", "RESTRICTED"),
    ("UNCLASSIFIED", "UNCLASSIFIED"),
    ("CLASSIFICATION", "CLASSIFICATION"),
];

/// At most this many letter runs of dissemination control may follow a stamp word.
const MAX_CONTROL_RUNS: usize = 10;

/// The classification a stamp line states, as its canonical word, when `line` is a stamp.
/// `CLASSIFICATION` (the label of the stamp box) is a stamp without a level.
pub(crate) fn stamp_word(line: &str) -> Option<&'static str> {
    // Stamps are printed in capitals; OCR may lower a letter or two, but a word in lower case
    // (`declassification`) is a fragment of running text.
    if !line.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let runs = runs(line);
    // A speck or two may precede the stamp; single letters may also be a spaced-out stamp, so
    // each start is tried in turn.
    for start in 0..runs.len().min(3) {
        if let Some(word) = stamp_from(&runs[start..]) {
            return Some(word);
        }
        if runs[start].len() > 2 {
            break;
        }
    }
    None
}

/// The stamp word that the first runs spell, when the runs after it are a stamp's tail.
fn stamp_from(runs: &[String]) -> Option<&'static str> {
    let mut joined = String::new();
    for (taken, run) in runs.iter().enumerate() {
        joined.push_str(run);
        if joined.len() > "CLASSIFICATION".len() + 3 {
            return None;
        }
        let rest = &runs[taken + 1..];
        let found = STAMP_WORDS
            .iter()
            .find(|(letters, _)| within(&joined, letters, letters.len() / 4) && is_tail(rest));
        if let Some((_, word)) = found {
            return Some(word);
        }
    }
    None
}

/// What may follow a stamp word on its line: nothing, a copy number, or a dissemination
/// control such as `NO FOREIGN DISSEM`, `NOFORN` or the FDD box's `... DISTRIBUTION`.
fn is_tail(rest: &[String]) -> bool {
    match rest {
        [] => true,
        [number] if number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()) => true,
        _ => {
            let joined = rest.concat();
            rest.len() <= MAX_CONTROL_RUNS
                && (joined.contains("DISSE")
                    || joined.contains("NOFOR")
                    || joined.contains("CONTROLS")
                    || joined.ends_with("DISTRIBUTION"))
        }
    }
}

/// Whether a lone upper-case word next to other furniture is a stamp too badly read to pass
/// [`stamp_word`]: `SEGUE`, `SEGIRE`, `SLUME` beside a clean `SECRET`.
pub(crate) fn is_damaged_stamp(line: &str) -> bool {
    let word = line.trim();
    let plausible = (4..=8).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && matches!(word.as_bytes().first(), Some(b'S' | b'B'))
        && !FORM_WORDS.contains(&word);
    plausible && within(word, "SECRET", 4)
}

/// Form words that a loose comparison would take for a damaged SECRET.
const FORM_WORDS: [&str; 7] =
    ["SUBJECT", "SOURCE", "SERIES", "STATUS", "STATE", "SECTION", "SUMMARY"];

/// Whether `line` is a release line: the CREST sanitization line (`Sanitized Copy Approved for
/// Release 2011/09/20 : CIA-RDP...`), its `Declassified and Approved For Release` variant, or the
/// banner of the 2025 JFK release (`RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ...`).
pub(crate) fn is_release_line(line: &str) -> bool {
    is_crest_release(line) || is_nara_banner(line)
}

fn is_crest_release(line: &str) -> bool {
    let letters = key(line);
    let phrases = ["SANITIZED", "DECLASSIFIED", "APPROVED", "RELEASE"]
        .iter()
        .filter(|phrase| letters.contains(*phrase))
        .count();
    let short = line.split_whitespace().count() <= 20;
    short && (letters.contains("CIARDP") && phrases >= 1 || phrases >= 3 && has_digits(line, 4))
}

fn is_nara_banner(line: &str) -> bool {
    let letters = key(line);
    let phrases = [
        "RELEASEUNDER",
        "PRESIDENTJOHN",
        "KENNEDYASSASSINATION",
        "ASSASSINATIONRECORDS",
        "RECORDSACT",
    ]
    .iter()
    .filter(|phrase| letters.contains(*phrase))
    .count();
    let fragment = letters.contains("ACTOF1992") && line.chars().count() <= 40;
    is_upper_case(line) && line.split_whitespace().count() <= 25 && (phrases >= 2 || fragment)
}

/// Whether at most a quarter of the line's ASCII letters are lower case: stamps and banners are
/// typed in capitals, running text is not.
fn is_upper_case(line: &str) -> bool {
    let lower = line.bytes().filter(u8::is_ascii_lowercase).count();
    let letters = line.bytes().filter(u8::is_ascii_alphabetic).count();
    lower * 4 <= letters
}

fn has_digits(line: &str, count: usize) -> bool {
    line.bytes().filter(u8::is_ascii_digit).count() >= count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_survive_misreading_and_spacing() {
        for line in ["SECRET", "SECRET 1", "BECRET", "SECHET", "S E C R E T", "  SECRET |"] {
            assert_eq!(stamp_word(line), Some("SECRET"), "{line}");
        }
        for line in ["CONRDENTIAL", "C-O-N-F -I-D-E-N-T-I -A-L NO FOREIGN DISSEM", "confipenTat |"]
        {
            assert_eq!(stamp_word(line), Some("CONFIDENTIAL"), "{line}");
        }
        assert_eq!(stamp_word("TOP SECRET"), Some("TOP SECRET"));
        assert_eq!(stamp_word("CLASSIFICATION X NAV DISTRIBUTION"), Some("CLASSIFICATION"));
        assert_eq!(stamp_word("CLASSIFICATION — DISSEMINATION CONTROLS"), Some("CLASSIFICATION"));
    }

    #[test]
    fn lines_with_other_words_are_not_stamps() {
        for line in [
            "SECRET POLICE AGENTS WERE SEEN",
            "The secret was kept.",
            "SECRETARY",
            "CONFIDENTIAL = ai) rapeip",
            "Salle T",
            "declassification",
            "",
        ] {
            assert_eq!(stamp_word(line), None, "{line}");
        }
    }

    #[test]
    fn damaged_stamps_are_lone_capitals_close_to_secret() {
        for word in ["SEGUE", "SEGIRE", "SLUME", "SEGNET"] {
            assert!(is_damaged_stamp(word), "{word}");
        }
        for word in ["SUBJECT", "USSR", "Salle T", "REPORT", "SOUTH"] {
            assert!(!is_damaged_stamp(word), "{word}");
        }
    }

    #[test]
    fn release_lines_are_read_through_tabs_and_specks() {
        assert!(is_release_line(
            "Sanitized Copy Approved for\tor Release\te 2011/09/20 : CIA\t-RDP8\t0-00809A\t.000600)290716-5"
        ));
        assert!(is_release_line(
            "Declassified and Approved For Release 2012/01/05 : CIA-RDP82-00457R000100010001-7"
        ));
        assert!(is_release_line(
            "176-10036-10094) [2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992"
        ));
        assert!(is_release_line("VF CORDS ACT OF 1992 |:"));
    }

    #[test]
    fn sentences_about_releases_are_not_release_lines() {
        assert!(!is_release_line(
            "The records were released under the President John F. Kennedy Assassination Records Act."
        ));
        assert!(!is_release_line("The plan was approved for release in 1950."));
    }
}
