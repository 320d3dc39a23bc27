//! The one calendar fact several modules need: how many days a month has.

/// The days in `month` (1 to 12) of `year`, in the Gregorian calendar; 31 for any other month
/// number, which callers rule out first.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_have_their_days_and_february_its_leap_years() {
        assert_eq!((days_in_month(1949, 1), days_in_month(1949, 4)), (31, 30));
        let february = |year| days_in_month(year, 2);
        assert_eq!(
            (february(1948), february(1949), february(1900), february(2000)),
            (29, 28, 28, 29)
        );
    }
}
