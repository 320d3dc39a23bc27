//! The labels of the report forms and how a damaged one is recognized.
//!
//! A label is compared by its letters alone, joined across the tokens it spans, so `DATEOF`,
//! `DATE DISTR,`, `COUNTRY .` and `NO.PAGES` all match; within a small edit distance, so
//! `SUBECT` and `DATE ACO.` match too. When several labels fit, the longest wins unless it needed
//! many more edits (`DATE OF INFORMATION` over `DATE OF`, but `DATE DIST` over `DATE DISTR`
//! swallowing the day that follows). Tokens with digits never belong to a label, and the first
//! letter of a label shorter than nine letters must be read right: OCR rarely damages it, and
//! requiring it keeps short running words from passing for labels and the comparison cheap. Long
//! labels are distinctive enough to be recognized without it (`bare Distr,` is `DATE DISTR`).
//!
//! Where a label may stand matters as much as its letters: `DATE`, `TITLE` and `PAGES` are
//! labels only inside the NARA identification form; `HOW`, `WHERE`, `PUBLISHED` and `INFO` only
//! as a whole line (the halves of a label that OCR split across lines); and only the labels of
//! a form's right-hand column (`DATE DISTR`, `REPORT NO.` ...) may follow a value on its line.

use crate::furniture::words::{edit_distance, tolerance, within};

/// Where a label's value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    Country,
    Subject,
    HowPublished,
    PlacePublished,
    DatePublished,
    DateOfInformation,
    DateDistributed,
    DateOfReport,
    Language,
    Source,
    Pages,
    NaraRecordNumber,
    NaraTitle,
    NaraDate,
    NaraPages,
    NaraSubjects,
    /// A label whose value is not kept. It still ends the value before it, and in a column of
    /// labels it takes its own value, which must look like what it holds.
    Other(Holds),
}

/// What the value of a label that is not kept looks like, so that in a column of labels it
/// takes its own value and leaves the others theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Holds {
    Text,
    /// A number, such as a report's or a file's.
    Code,
    /// One or two words, such as the agency in FROM and TO.
    Name,
}

/// Where a label may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// At the start of a line.
    LineStart,
    /// At the start of a line or after a value on it: the right-hand column of a form.
    Anywhere,
    /// As the whole line.
    Alone,
    /// At the start of a line inside the NARA identification form.
    Nara,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label {
    /// The label's letters, upper-cased, without spaces or punctuation.
    pub letters: &'static str,
    pub slot: Slot,
    pub place: Place,
    /// The labels this one completes when it follows them alone on its line: `PUBLISHED` after
    /// `HOW`, `INFO` after `DATE OF`.
    pub completes: &'static [Slot],
}

const fn label(letters: &'static str, slot: Slot, place: Place) -> Label {
    Label { letters, slot, place, completes: &[] }
}

const OTHER: Slot = Slot::Other(Holds::Text);
const CODED: Slot = Slot::Other(Holds::Code);
const NAME: Slot = Slot::Other(Holds::Name);
use Place::{Alone, Anywhere, LineStart, Nara};

pub(crate) const LABELS: &[Label] = &[
    label("COUNTRY", Slot::Country, LineStart),
    label("SUBJECT", Slot::Subject, LineStart),
    label("HOWPUBLISHED", Slot::HowPublished, LineStart),
    label("HOW", Slot::HowPublished, Alone),
    label("WHEREPUBLISHED", Slot::PlacePublished, LineStart),
    label("WHERE", Slot::PlacePublished, Alone),
    label("DATEPUBLISHED", Slot::DatePublished, LineStart),
    Label {
        completes: &[Slot::HowPublished, Slot::PlacePublished],
        ..label("PUBLISHED", Slot::DatePublished, Alone)
    },
    label("LANGUAGE", Slot::Language, LineStart),
    label("DATEOFINFORMATION", Slot::DateOfInformation, LineStart),
    label("DATEOFINFO", Slot::DateOfInformation, LineStart),
    label("DATEOF", Slot::DateOfInformation, LineStart),
    Label { completes: &[Slot::DateOfInformation], ..label("INFO", OTHER, Alone) },
    Label { completes: &[Slot::DateOfInformation], ..label("INFORMATION", OTHER, Alone) },
    label("DATEDISTR", Slot::DateDistributed, Anywhere),
    label("DATEDIST", Slot::DateDistributed, Anywhere),
    label("DATEDISTRIBUTED", Slot::DateDistributed, Anywhere),
    label("DATEOFREPORT", Slot::DateOfReport, Anywhere),
    label("NOOFPAGES", Slot::Pages, Anywhere),
    label("NOPAGES", Slot::Pages, Anywhere),
    label("SOURCE", Slot::Source, LineStart),
    label("RECORDNUMBER", Slot::NaraRecordNumber, LineStart),
    // Labels whose values are not kept, so that they end the value before them and are not
    // read as a shorter label (`SUBJECT AND AREA` is not `SUBJECT`).
    label("REPORTNO", CODED, Anywhere),
    label("FIELDREPORTNO", CODED, Anywhere),
    label("NOOFENCLS", CODED, Anywhere),
    label("REFERENCES", CODED, Anywhere),
    label("PRECEDENCE", OTHER, Anywhere),
    label("DATEACQ", OTHER, Anywhere),
    label("DATEACQUIRED", OTHER, Anywhere),
    label("CDNO", CODED, LineStart),
    label("SUPPLEMENTTO", CODED, LineStart),
    label("SUPPLEMENTTOREPORTNO", CODED, LineStart),
    label("PLACE", OTHER, LineStart),
    label("PLACEDATEACQ", OTHER, LineStart),
    label("PLACEACQUIRED", OTHER, LineStart),
    label("APPRAISAL", OTHER, LineStart),
    label("EVALUATION", OTHER, LineStart),
    label("SUBJECTANDAREA", OTHER, LineStart),
    label("SUBJECTOFFOLDER", OTHER, LineStart),
    label("DATEOFBIRTH", OTHER, LineStart),
    label("DATEANDPLACEOFBIRTH", OTHER, LineStart),
    label("DATEOFLASTREVIEW", OTHER, LineStart),
    label("FILENO", CODED, LineStart),
    label("BUREAUFILE", OTHER, LineStart),
    label("FIELDFILE", OTHER, LineStart),
    label("ORIGIN", OTHER, LineStart),
    label("SOURCECRYPTONYM", OTHER, LineStart),
    label("SOURCEOPERATIONALDATA", OTHER, LineStart),
    label("SOURCEEVALUATIONS", OTHER, LineStart),
    label("SOURCEGRADINGS", OTHER, LineStart),
    label("APPRAISALOFCONTENT", OTHER, Anywhere),
    // The NARA identification form.
    label("AGENCY", OTHER, Nara),
    label("RECORDSERIES", OTHER, Nara),
    label("AGENCYFILENUMBER", CODED, Nara),
    label("ORIGINATOR", OTHER, Nara),
    label("FROM", NAME, Nara),
    label("TO", NAME, Nara),
    label("TITLE", Slot::NaraTitle, Nara),
    label("DATE", Slot::NaraDate, Nara),
    label("PAGES", Slot::NaraPages, Nara),
    label("SUBJECTS", Slot::NaraSubjects, Nara),
    label("DOCUMENTTYPE", OTHER, Nara),
    label("RESTRICTIONS", OTHER, Nara),
    label("CURRENTSTATUS", OTHER, Nara),
    label("OPENINGCRITERIA", OTHER, Nara),
    label("COMMENTS", OTHER, Nara),
];

/// The last label of the NARA form; the form's labels stop being read after it.
pub(crate) const NARA_LAST: &str = "COMMENTS";

/// At most this many tokens make one label (`SUPPLEMENT TO REPORT NO.`).
const MAX_LABEL_TOKENS: usize = 5;

/// The letters of the longest label, `SOURCE, OPERATIONAL DATA`.
const LONGEST_LABEL: usize = 21;

/// A label found in a line: it spans `tokens[first..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub label: &'static Label,
    pub first: usize,
    pub end: usize,
}

impl Found {
    /// Strong labels are long enough that two of them near each other mark a form.
    pub fn is_strong(&self) -> bool {
        self.label.letters.len() >= 6
    }
}

/// The label that starts at the token whose key is `keys[first]`, if any. `keys` are the keys of
/// a line's tokens (see [`crate::furniture::words::key`]); `start_of_line` admits the labels that
/// stand at a line's start; `nara` admits the NARA form's labels.
pub(crate) fn label_at(
    keys: &[String],
    first: usize,
    start_of_line: bool,
    nara: bool,
) -> Option<Found> {
    let first_word = keys.iter().position(|k| !k.is_empty());
    let last_word = keys.iter().rposition(|k| !k.is_empty());
    let mut letters = String::new();
    let mut best: Option<(i64, Found)> = None;
    for (end, key) in keys.iter().enumerate().skip(first).take(MAX_LABEL_TOKENS) {
        if key.bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        if key.is_empty() {
            continue;
        }
        letters.push_str(key);
        if letters.len() > LONGEST_LABEL + 2 {
            break;
        }
        let whole_line = first_word == Some(first) && last_word == Some(end);
        let initial = letters.bytes().next();
        let admitted = LABELS.iter().filter(|l| admits(l.place, start_of_line, nara, whole_line));
        for label in
            admitted.filter(|l| l.letters.len() >= 9 || l.letters.bytes().next() == initial)
        {
            if !within(&letters, label.letters, tolerance(label.letters.len())) {
                continue;
            }
            let distance = edit_distance(&letters, label.letters);
            let score = to_i64(label.letters.len()) - 3 * to_i64(distance);
            if best.is_none_or(|(top, _)| score > top) {
                best = Some((score, Found { label, first, end: end + 1 }));
            }
        }
    }
    best.map(|(_, found)| found)
}

fn admits(place: Place, start_of_line: bool, nara: bool, whole_line: bool) -> bool {
    match place {
        Anywhere => true,
        LineStart => start_of_line,
        Alone => start_of_line && whole_line,
        Nara => start_of_line && nara,
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::furniture::words::key;

    fn keys(line: &str) -> Vec<String> {
        line.split_whitespace().map(key).collect()
    }

    fn slot_of(line: &str) -> Option<(Slot, &'static str)> {
        label_at(&keys(line), 0, true, false).map(|f| (f.label.slot, f.label.letters))
    }

    #[test]
    fn labels_are_matched_whatever_the_spacing_and_punctuation() {
        assert_eq!(slot_of("DATEOF LATE MARCH 1963"), Some((Slot::DateOfInformation, "DATEOF")));
        assert_eq!(slot_of("DATE DISTR, 20 APRIL 1963").map(|s| s.0), Some(Slot::DateDistributed));
        assert_eq!(slot_of("COUNTRY . SOUTH VIETNAM"), Some((Slot::Country, "COUNTRY")));
        assert_eq!(slot_of("NO.PAGES One"), Some((Slot::Pages, "NOPAGES")));
        assert_eq!(slot_of("NO. OF PAGES 7"), Some((Slot::Pages, "NOOFPAGES")));
    }

    #[test]
    fn labels_survive_a_misread_letter() {
        assert_eq!(slot_of("SUBECT Operations of Refineries").map(|s| s.0), Some(Slot::Subject));
        assert_eq!(slot_of("CONTRY USSR").map(|s| s.0), Some(Slot::Country));
        assert_eq!(slot_of("DATE OF INFORMATlON 1949").map(|s| s.0), Some(Slot::DateOfInformation));
        assert_eq!(slot_of("DATE ACO. VIETNAM"), Some((OTHER, "DATEACQ")));
    }

    #[test]
    fn the_longest_fitting_label_wins() {
        assert_eq!(
            slot_of("DATE OF INFORMATION 1949"),
            Some((Slot::DateOfInformation, "DATEOFINFORMATION"))
        );
        assert_eq!(slot_of("DATE OF LAST REVIEW : 9/10/2000"), Some((OTHER, "DATEOFLASTREVIEW")));
        assert_eq!(slot_of("SUBJECT AND AREA"), Some((OTHER, "SUBJECTANDAREA")));
        assert_eq!(slot_of("DATE DIST. 24 Mar 1950"), Some((Slot::DateDistributed, "DATEDIST")));
    }

    #[test]
    fn short_words_need_an_exact_match_and_their_place() {
        assert_eq!(slot_of("DATA 1949"), None);
        assert_eq!(slot_of("DATE : 4/20/1963"), None, "DATE is a label only in the NARA form");
        assert_eq!(slot_of("HOW"), Some((Slot::HowPublished, "HOW")));
        assert_eq!(slot_of("HOW THE PARTY WORKS"), None);
        let date = keys("DATE : 4/20/1963");
        assert_eq!(label_at(&date, 0, true, true).map(|f| f.label.slot), Some(Slot::NaraDate));
    }

    #[test]
    fn the_longest_label_is_known() {
        assert_eq!(LABELS.iter().map(|l| l.letters.len()).max(), Some(LONGEST_LABEL));
    }

    #[test]
    fn running_words_are_not_labels() {
        for line in ["The country was poor", "SOUTH VIETNAM", "1. AT THE 5 APRIL MEETING", ""] {
            assert_eq!(slot_of(line), None, "{line}");
        }
    }
}
