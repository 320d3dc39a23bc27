//! Dates as the forms write them, turned into ISO 8601.
//!
//! The forms use day-month-year with a month name (`24 Mar 1950`, `20 APRIL 1963`, `6 Oct 60`),
//! American numeric dates (`4/20/1963`), the archives' `2011/09/20`, and bare months or years.
//! [`iso_date`] reads one date and nothing else: a range such as `18 Sep - 23 Nov 1949` or a
//! misread like `10 wav 1963` gives `None`, because a wrong date is worse than none.
//!
//! Two rules bend toward the sources. Two-digit years are read as 19xx: every form here was
//! typed in the twentieth century. Full month names of six letters or more may be one letter
//! off (`Decenber`, `oftoBer`), as no other word is that close to them; abbreviations and short
//! names must be exact, since `wav` is as near to `may` as to nothing.

use crate::furniture::words::within;

const MONTHS: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// Parses a date as written on the forms ("24 Mar 1950", "20 APRIL 1963", "4/20/1963",
/// "2011/09/20", "1950-03-24", "Jul 1951", "1949") into ISO 8601 (`YYYY-MM-DD`, `YYYY-MM` or
/// `YYYY`); `None` if the text is not exactly one readable date.
pub fn iso_date(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches(['.', ',', ';', ':', '-']).trim();
    if text.is_empty() {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'.')) {
        numeric(text)
    } else {
        worded(text)
    }
}

/// `1949`, `1950-03-24`, `2011/09/20`, `4/20/1963`, `4/20/63`, `1950-03`, `4/1963`.
fn numeric(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    match parts.as_slice() {
        [year] if year.len() == 4 => format_date(year_of(year)?, None, None),
        [year, month] | [month, year] if year.len() == 4 => {
            format_date(year_of(year)?, Some(small_number(month)?), None)
        }
        [year, month, day] if year.len() == 4 => {
            format_date(year_of(year)?, Some(small_number(month)?), Some(small_number(day)?))
        }
        [month, day, year] if matches!(year.len(), 2 | 4) => {
            format_date(year_of(year)?, Some(small_number(month)?), Some(small_number(day)?))
        }
        _ => None,
    }
}

/// `24 Mar 1950`, `20 APRIL 1963`, `March 24, 1950`, `Jul 1951`, `6 Oct 60`, `24th March 1950`.
fn worded(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split([' ', '\t', ','])
        .map(|w| w.trim_end_matches([':', ';', '.']))
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [day, month, year] if day_number(day).is_some() => {
            format_date(year_of(year)?, Some(month_number(month)?), day_number(day))
        }
        [month, day, year] => {
            format_date(year_of(year)?, Some(month_number(month)?), Some(day_number(day)?))
        }
        [month, year] => format_date(year_of(year)?, Some(month_number(month)?), None),
        _ => None,
    }
}

/// The ISO text of a year and, when given, a month and day, if they make a real date.
fn format_date(year: u16, month: Option<u8>, day: Option<u8>) -> Option<String> {
    match (month, day) {
        (None, _) => Some(format!("{year:04}")),
        (Some(month), None) if (1..=12).contains(&month) => Some(format!("{year:04}-{month:02}")),
        (Some(month), Some(day))
            if (1..=12).contains(&month)
                && u32::from(day)
                    <= crate::calendar::days_in_month(u32::from(year), u32::from(month))
                && day >= 1 =>
        {
            Some(format!("{year:04}-{month:02}-{day:02}"))
        }
        _ => None,
    }
}

/// One or two digits.
fn small_number(text: &str) -> Option<u8> {
    let digits = (1..=2).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    if digits { text.parse().ok() } else { None }
}

fn day_number(text: &str) -> Option<u8> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    let ordinal = suffix.is_empty()
        || ["ST", "ND", "RD", "TH"].contains(&suffix.to_ascii_uppercase().as_str());
    if !ordinal
        || digits.is_empty()
        || digits.len() > 2
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

/// A four-digit year from 1800 to 2099, or a two-digit one read as 19xx.
fn year_of(text: &str) -> Option<u16> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u16 = text.parse().ok()?;
    match text.len() {
        4 if (1800..2100).contains(&year) => Some(year),
        2 => Some(1900 + year),
        _ => None,
    }
}

/// The month a word names: a full name, a three-letter abbreviation (`Sept` too), with or
/// without a full stop; a full name of six letters or more may be one letter off.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_ascii_uppercase();
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let exact = MONTHS.iter().position(|name| {
        *name == word
            || (word.len() == 3 && name.starts_with(&word))
            || (word == "SEPT" && *name == "SEPTEMBER")
    });
    let near = || MONTHS.iter().position(|name| name.len() >= 6 && within(&word, name, 1));
    exact.or_else(near).and_then(|i| u8::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<&'static str> {
        iso_date(text).map(|s| &*Box::leak(s.into_boxed_str()))
    }

    #[test]
    fn reads_the_forms_worded_dates() {
        assert_eq!(iso("24 Mar 1950"), Some("1950-03-24"));
        assert_eq!(iso("20 APRIL 1963"), Some("1963-04-20"));
        assert_eq!(iso("March 24, 1950"), Some("1950-03-24"));
        assert_eq!(iso("24th March 1950."), Some("1950-03-24"));
        assert_eq!(iso("Jul 1951"), Some("1951-07"));
        assert_eq!(iso("Sept. 1976"), Some("1976-09"));
        assert_eq!(iso("6 Oct: 60"), Some("1960-10-06"));
    }

    #[test]
    fn reads_numeric_dates() {
        assert_eq!(iso("4/20/1963"), Some("1963-04-20"));
        assert_eq!(iso("2011/09/20"), Some("2011-09-20"));
        assert_eq!(iso("1950-03-24"), Some("1950-03-24"));
        assert_eq!(iso("1949"), Some("1949"));
        assert_eq!(iso("1950-03"), Some("1950-03"));
        assert_eq!(iso("9/10/2000 ."), Some("2000-09-10"));
    }

    #[test]
    fn two_digit_years_are_twentieth_century() {
        assert_eq!(iso("6 Oct 60"), Some("1960-10-06"));
        assert_eq!(iso("4/20/63"), Some("1963-04-20"));
    }

    #[test]
    fn long_month_names_may_be_one_letter_off() {
        assert_eq!(iso("1 Decenber 1960"), Some("1960-12-01"));
        assert_eq!(iso("2 oftoBer 1963"), Some("1963-10-02"));
        assert_eq!(iso("10 wav 1963"), None);
        assert_eq!(iso("24 sepremser 1963"), None);
    }

    #[test]
    fn ranges_and_impossible_dates_are_refused() {
        for text in
            ["18 Sep - 23 Nov 1949", "77 Apr 1992", "31 Apr 1950", "29 Feb 1950", "13/40/1963"]
        {
            assert_eq!(iso(text), None, "{text}");
        }
        assert_eq!(iso("29 Feb 1952"), Some("1952-02-29"));
    }

    #[test]
    fn garbage_is_not_a_date() {
        for text in [
            "",
            "Tay",
            "j Ase §1",
            "10 July 190.",
            "/4f Apr 51",
            "4 Apr S1",
            "12345",
            "Nayuly 1950",
        ] {
            assert_eq!(iso(text), None, "{text}");
        }
    }
}
