//! Dates in `meta.toml`. Distribution and release dates are ISO 8601 (`1950-03-24`, `1950-03`,
//! `1950`), so they sort and filter; the dates as a form gives them (`18 Sep - 23 Nov 1949`)
//! are free text but must at least name a year.

use crate::meta::first_year;

/// Whether `text` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    let Some(numbers) = numbers else { return false };
    let widths_ok = parts.iter().enumerate().all(|(i, p)| p.len() == if i == 0 { 4 } else { 2 });
    if !widths_ok {
        return false;
    }
    match numbers[..] {
        [_] => true,
        [_, month] => (1..=12).contains(&month),
        [year, month, day] => {
            (1..=12).contains(&month)
                && (1..=crate::calendar::days_in_month(year, month)).contains(&day)
        }
        _ => false,
    }
}

/// Whether a free-text date names a year we can file it under.
pub fn is_readable_free_date(text: &str) -> bool {
    first_year(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_of_three_precisions_are_accepted() {
        assert!(is_iso_date("1950-03-24"));
        assert!(is_iso_date("1950-03"));
        assert!(is_iso_date("1950"));
        assert!(is_iso_date("1952-02-29"));
    }

    #[test]
    fn impossible_or_foreign_dates_are_refused() {
        for text in
            ["1950-13-01", "1950-02-30", "1951-02-29", "24 Mar 1950", "1950/03/24", "50-03-24", ""]
        {
            assert!(!is_iso_date(text), "{text}");
        }
    }

    #[test]
    fn free_dates_need_a_year() {
        assert!(is_readable_free_date("18 Sep - 23 Nov 1949"));
        assert!(!is_readable_free_date("late March"));
    }
}
