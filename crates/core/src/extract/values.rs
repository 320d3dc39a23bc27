//! Values as the form gives them: cleaned of OCR specks, then accepted or refused per field.
//!
//! Cleaning removes only what cannot be part of a value: punctuation standing alone (`=`, `|`,
//! `©`), a trailing full stop after a word (`Karakhstanskaya Pravda.`), and trailing specks of
//! one or two lower-case letters (`Winfred Clark oe`). Words are kept as read, misspellings
//! included (`Karakhstanskaya`, `Btngary`): correcting them is the curator's work, and the
//! `extracted` list in the metadata tells the reader these values came from the OCR.
//!
//! Each field then accepts only what such a field can hold (see `kinds`), so that a
//! misread value becomes `None` rather than garbage, and so that in a column of labels each value
//! finds its own label. Text fields take text as a form states it: words, not specks, beginning
//! with a capital or a digit.

use super::dates::iso_date;
use super::kinds::{is_date_phrase, is_language, page_count, proper_name};
use super::labels::{Holds, Slot};
use super::release::record_number;

/// Short words that end or fill a value legitimately, unlike specks such as `oe` or `z`.
pub(crate) const SHORT_WORDS: [&str; 20] = [
    "a", "an", "as", "at", "by", "de", "du", "el", "in", "is", "la", "le", "no", "of", "on", "or",
    "to", "y", "and", "the",
];

/// Punctuation that carries meaning inside a value (`Political - Local Party functions`).
const INNER_MARKS: [&str; 5] = ["-", "–", "—", "&", "/"];

/// The value for `slot` read from `raw`, or `None` when `raw` cannot be such a value.
pub(crate) fn accept(slot: Slot, raw: &str) -> Option<String> {
    let value = clean(raw);
    if value.is_empty() || starts_with_label(&value) {
        return None;
    }
    let ok = match slot {
        Slot::Country | Slot::PlacePublished => return proper_name(&value),
        Slot::Subject | Slot::NaraSubjects => is_statement(&value) && is_substantial(&value),
        Slot::NaraTitle | Slot::HowPublished | Slot::Source => is_statement(&value),
        Slot::Language => is_language(&value),
        Slot::DatePublished | Slot::DateOfInformation => is_date_phrase(&value),
        Slot::DateDistributed | Slot::DateOfReport | Slot::NaraDate => return iso_date(&value),
        Slot::Pages | Slot::NaraPages => return page_count(&value).map(|n| n.to_string()),
        Slot::NaraRecordNumber => return record_number(&value),
        Slot::Other(Holds::Code) => value.bytes().any(|b| b.is_ascii_digit()),
        Slot::Other(Holds::Text) => is_text(&value),
        Slot::Other(Holds::Name) => value.split_whitespace().count() <= 2 && is_text(&value),
    };
    ok.then_some(value)
}

/// `raw` without specks, stray punctuation and trailing full stop, tokens joined by one space.
pub(crate) fn clean(raw: &str) -> String {
    let mut words: Vec<&str> = raw
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric) || INNER_MARKS.contains(w))
        .collect();
    while words.last().is_some_and(|w| is_speck(w) || INNER_MARKS.contains(w)) {
        words.pop();
    }
    while words.first().is_some_and(|w| INNER_MARKS.contains(w)) {
        words.remove(0);
    }
    let mut out = words.join(" ");
    let start = out.find(|c: char| c.is_alphanumeric() || c == '(').unwrap_or(out.len());
    out.replace_range(..start, "");
    let end = out
        .rfind(|c: char| c.is_alphanumeric() || c == ')' || c == '.')
        .map_or(0, |i| i + out[i..].chars().next().map_or(0, char::len_utf8));
    out.truncate(end);
    if ends_with_sentence_stop(&out) {
        out.pop();
    }
    out
}

/// One or two letters, not all capitals, that are not a word: OCR's specks at the end of a line
/// (`oe`, `z`, `oO`, `Do`). Digits, capitals (`US`) and abbreviations (`Jr`) are not specks.
fn is_speck(word: &str) -> bool {
    const ABBREVIATIONS: [&str; 7] = ["Jr", "Sr", "Co", "St", "Dr", "Mr", "Ms"];
    let core: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    let letters = core.chars().all(char::is_alphabetic);
    let capitals = core.chars().all(char::is_uppercase);
    let known = SHORT_WORDS.contains(&core.as_str()) || ABBREVIATIONS.contains(&core.as_str());
    (1..=2).contains(&core.chars().count()) && letters && !capitals && !known
}

/// A full stop at the end closes the value, unless it closes an abbreviation: a word with
/// another full stop in it (`U.S.`) or of one or two letters (`Jr.`, `F.`).
fn ends_with_sentence_stop(text: &str) -> bool {
    let Some(body) = text.strip_suffix('.') else { return false };
    let last = body.rsplit(char::is_whitespace).next().unwrap_or("");
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    let abbreviation =
        last.contains('.') || (1..=2).contains(&letters) && last.chars().all(char::is_alphabetic);
    !last.is_empty() && !abbreviation
}

/// Whether most words look like words: letters in a sane case (lower, upper or capitalized),
/// numbers, or short function words; a line of OCR specks (`a fe OU co, oo SAREE`) is not.
pub(crate) fn is_text(value: &str) -> bool {
    let words: Vec<&str> =
        value.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    let good = words.iter().filter(|w| is_good_word(w)).count();
    let long = words.iter().any(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 3);
    long && !words.is_empty() && good * 5 >= words.len() * 3
}

fn is_good_word(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    if core.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return true;
    }
    if SHORT_WORDS.contains(&core.to_ascii_lowercase().as_str()) {
        return true;
    }
    let letters: Vec<char> = core.chars().filter(|c| c.is_alphabetic()).collect();
    let sane_case = letters.iter().all(|c| c.is_uppercase())
        || letters.iter().skip(1).all(|c| c.is_lowercase());
    let only_letters = core.chars().all(|c| c.is_alphabetic() || "'’-.".contains(c));
    letters.len() >= 3 && sane_case && only_letters
}

/// A value that is another label and its value (`NAMS: Josef Sarospataky`) belongs to a form
/// this reader does not know, not to the label before it.
fn starts_with_label(value: &str) -> bool {
    let first = value.split_whitespace().next().unwrap_or("");
    first.len() > 1
        && first.ends_with(':')
        && first[..first.len() - 1].chars().all(char::is_alphabetic)
}

/// Text as a form states it: it reads as words and begins as typed, with a capital, a digit or
/// a parenthesis; a value starting in lower case (`nose ae wrt whe`) is a fragment or specks.
pub(crate) fn is_statement(value: &str) -> bool {
    let starts_well =
        value.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(');
    starts_well && is_text(value)
}

/// A subject says something: two words, or one long one (not `Sos`).
fn is_substantial(value: &str) -> bool {
    value.split_whitespace().count() >= 2 || value.chars().count() >= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_drops_specks_and_stray_marks_but_keeps_words_as_read() {
        assert_eq!(clean("Karakhstanskaya Pravda."), "Karakhstanskaya Pravda");
        assert_eq!(clean(": BARNES, Winfred Clark oe"), "BARNES, Winfred Clark");
        assert_eq!(
            clean("Biographical Data © Josef Sarospataky ="),
            "Biographical Data Josef Sarospataky"
        );
        assert_eq!(clean("Political - Local Party functions"), "Political - Local Party functions");
        assert_eq!(
            clean("Ngo Dinh Nhu's Statement on Withdrawal of"),
            "Ngo Dinh Nhu's Statement on Withdrawal of"
        );
        assert_eq!(clean("‘ . OF AMERICAN AID : ,"), "OF AMERICAN AID");
        assert_eq!(clean("the U.S."), "the U.S.");
        assert_eq!(clean("John Smith Jr."), "John Smith Jr.");
        assert_eq!(clean("in the Cyban Embasay (3)."), "in the Cyban Embasay (3)");
        assert_eq!(clean("6 Oct: 60"), "6 Oct: 60");
        assert_eq!(clean("- oe , oO"), "");
    }

    #[test]
    fn each_field_refuses_what_it_cannot_hold() {
        assert_eq!(accept(Slot::Language, "Karakhstanskaya Pravda."), None);
        assert_eq!(accept(Slot::Language, "Russian"), Some("Russian".into()));
        assert_eq!(accept(Slot::Subject, "a fe OU co, oo SAREE :"), None);
        assert_eq!(accept(Slot::Subject, "Sos"), None);
        assert_eq!(accept(Slot::Source, "nose ae wrt whe Olle a"), None);
        assert_eq!(accept(Slot::Source, "NAMS: Josef Sarospataky"), None);
        assert_eq!(accept(Slot::DateOfInformation, "Up to Feb'5l°"), None);
        assert_eq!(accept(Slot::DateOfInformation, "Nayuly 1950"), None);
        assert_eq!(
            accept(Slot::DateOfInformation, "LATE MARCH-EARLY APRIL 1963."),
            Some("LATE MARCH-EARLY APRIL 1963".into())
        );
        assert_eq!(
            accept(Slot::DatePublished, "18 Sep - 23 Nov 1949"),
            Some("18 Sep - 23 Nov 1949".into())
        );
        assert_eq!(accept(Slot::DateDistributed, "24 Mar 1950"), Some("1950-03-24".into()));
        assert_eq!(accept(Slot::Other(Holds::Code), "Daily newspaper"), None);
    }
}
