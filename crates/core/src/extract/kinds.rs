//! What each field may hold: place names, languages, date phrases and page counts.
//!
//! These are the checks that let a misread value fall to `None` and let a column of values find
//! its labels: a country is one to six capitalized words, a language is a language's name, a
//! date of information is made of dates and words like `EARLY` or `Up to`, a page count is a
//! number or a number word.

use super::dates::month_number;
use super::values::SHORT_WORDS;

/// A country or place: one to six words, each capitalized, with accents folded to ASCII.
pub(crate) fn proper_name(value: &str) -> Option<String> {
    let folded: String = value.chars().map(fold_accent).collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let parts = folded
        .split(|c: char| c.is_whitespace() || "/-(),.'".contains(c))
        .filter(|p| !p.is_empty());
    let capitalized = parts.into_iter().all(|part| {
        part.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || SHORT_WORDS.contains(&part)
    });
    let letters = folded.chars().all(|c| c.is_ascii_alphabetic() || " /-(),.'".contains(c));
    // Names join with hyphens (`Alma-Ata`); a dash between spaces joins a name to specks.
    let letters = letters && !words.contains(&"-");
    (capitalized && letters && (1..=6).contains(&words.len())).then_some(folded)
}

/// Place names on these forms were typed on English typewriters, so an accented letter in one
/// is OCR's misreading of a plain letter (`Alma-Atà` is `Alma-Ata`).
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        _ => c,
    }
}

const LANGUAGES: [&str; 24] = [
    "ARABIC",
    "BULGARIAN",
    "CHINESE",
    "CZECH",
    "ENGLISH",
    "FRENCH",
    "GERMAN",
    "GREEK",
    "HUNGARIAN",
    "ITALIAN",
    "JAPANESE",
    "KAZAKH",
    "KOREAN",
    "LATVIAN",
    "LITHUANIAN",
    "PERSIAN",
    "POLISH",
    "PORTUGUESE",
    "ROMANIAN",
    "RUSSIAN",
    "SERBO-CROATIAN",
    "SPANISH",
    "UKRAINIAN",
    "VIETNAMESE",
];

pub(crate) fn is_language(value: &str) -> bool {
    value
        .split([',', ' ', '/'])
        .filter(|w| !w.is_empty() && !SHORT_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        .all(|w| LANGUAGES.contains(&w.to_ascii_uppercase().as_str()))
}

/// Words that qualify a date on the forms (`LATE MARCH-EARLY APRIL 1963`, `Up to Feb 51`).
const DATE_WORDS: [&str; 18] = [
    "EARLY", "LATE", "MID", "UP", "TO", "THROUGH", "AND", "SINCE", "BEFORE", "AFTER", "ABOUT",
    "CIRCA", "SPRING", "SUMMER", "FALL", "AUTUMN", "WINTER", "END",
];

/// A date, a period or a range, as written: every word a month or a date word, every number
/// whole, at least one year or month named.
pub(crate) fn is_date_phrase(value: &str) -> bool {
    let parts: Vec<&str> =
        value.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect();
    let words_ok = parts.iter().all(|p| {
        p.bytes().all(|b| b.is_ascii_digit()) && p.len() <= 4
            || month_number(p).is_some()
            || DATE_WORDS.contains(&p.to_ascii_uppercase().as_str())
            || SHORT_WORDS.contains(&p.to_ascii_lowercase().as_str())
    });
    let dated =
        parts.iter().any(|p| month_number(p).is_some() || crate::meta::first_year(p).is_some());
    words_ok && dated && parts.len() <= 10
}

/// A page count written as a number or a word, possibly beside a speck (`uf 3`, `=~ Two`).
pub(crate) fn page_count(value: &str) -> Option<u32> {
    const WORDS: [&str; 12] = [
        "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN",
        "TWELVE",
    ];
    let words: Vec<&str> = value.split_whitespace().collect();
    if words.len() > 3 {
        return None;
    }
    words.iter().find_map(|w| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let number = core.parse::<u32>().ok().filter(|n| (1..=9999).contains(n));
        let upper = core.to_ascii_uppercase();
        let named =
            WORDS.iter().position(|name| *name == upper).and_then(|i| u32::try_from(i + 1).ok());
        number.or(named)
    })
}

#[cfg(test)]
mod tests {
    use super::super::labels::Slot;
    use super::super::values::accept;
    use super::*;

    #[test]
    fn places_fold_misread_accents_and_need_capitals() {
        assert_eq!(accept(Slot::PlacePublished, "Alma-Atà"), Some("Alma-Ata".into()));
        assert_eq!(accept(Slot::Country, "SOUTH VIETNAM ;"), Some("SOUTH VIETNAM".into()));
        assert_eq!(accept(Slot::Country, "USSR/International"), Some("USSR/International".into()));
        assert_eq!(accept(Slot::Country, "hoo"), None);
        assert_eq!(accept(Slot::Country, "Hondarzs. - PED"), None);
        assert_eq!(accept(Slot::Country, "U3sk (Latvia) Aiersany"), None);
    }

    #[test]
    fn page_counts_are_numbers_or_number_words() {
        assert_eq!(page_count("7"), Some(7));
        assert_eq!(page_count("uf 3"), Some(3));
        assert_eq!(page_count("=~ Two"), Some(2));
        assert_eq!(page_count("Qne"), None);
        assert_eq!(page_count("By"), None);
    }
}
