//! Archival numbers and release dates, read from the lines archives stamp on their copies.
//!
//! - CREST's sanitization line, `Sanitized Copy Approved for Release 2011/09/20 :
//!   CIA-RDP80-00809A000600290716-5`, gives the document number and the release date. OCR
//!   scatters tabs and specks through it (`CIA\t-RDP8\t0-00809A\t.000600)290716-5`), so the
//!   number is rebuilt from the letters, digits and hyphens after `CIA` and kept only if it has
//!   the exact shape of a CREST number.
//! - The JFK records carry a NARA record number (`176-10036-10094`) on the banner line that
//!   opens them and in the identification form's RECORD NUMBER. A garbled number
//!   (`ifoa-t0004-10156`) is refused rather than guessed. The banner also says the year of the
//!   release, `2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ...`, which is the release date.

use super::dates::iso_date;

/// A NARA record number such as `176-10036-10094` in `text`: three, five and five digits. Digits
/// glued before it are OCR specks (`41104-10165-10077` is `104-10165-10077`).
pub(crate) fn record_number(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find_map(|start| {
        let candidate = bytes.get(start..start + 15)?;
        let shape = candidate.iter().enumerate().all(|(i, &b)| match i {
            3 | 9 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        let followed_by_digit = bytes.get(start + 15).is_some_and(u8::is_ascii_digit);
        (shape && !followed_by_digit).then(|| String::from_utf8_lossy(candidate).into_owned())
    })
}

/// The CREST document number in a sanitization line, e.g. `CIA-RDP80-00809A000600290716-5`.
pub(crate) fn crest_number(line: &str) -> Option<String> {
    let upper = line.to_ascii_uppercase();
    let after = &upper[upper.find("CIA")? + 3..];
    let kept: String = after.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let number = format!("CIA{kept}");
    is_crest_shape(&number).then_some(number)
}

/// `CIA-RDP`, two digits, `-`, five digits, a letter, twelve digits, `-`, one digit.
fn is_crest_shape(number: &str) -> bool {
    let Some(rest) = number.strip_prefix("CIA-RDP") else { return false };
    let b = rest.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range).is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    b.len() == 23
        && digits(0..2)
        && b[2] == b'-'
        && digits(3..8)
        && b[8].is_ascii_uppercase()
        && digits(9..21)
        && b[21] == b'-'
        && digits(22..23)
}

/// The release date of a sanitization line, from its `YYYY/MM/DD`.
pub(crate) fn crest_release_date(line: &str) -> Option<String> {
    line.split(|c: char| c.is_whitespace() || c == ':')
        .filter(|word| word.contains('/'))
        .find_map(|word| iso_date(word.trim_matches(|c: char| !c.is_ascii_digit())))
}

/// The year of the JFK release banner: the last four of the digits just before `RELEASE`
/// (`“12025 RELEASE` is 2025).
pub(crate) fn nara_release_year(line: &str) -> Option<String> {
    let upper = line.to_ascii_uppercase();
    let before = upper[..upper.find("RELEASE")?].trim_end_matches(|c: char| !c.is_ascii_digit());
    let trailing = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let run = &before[before.len() - trailing..];
    let year = &run[run.len().saturating_sub(4)..];
    let number: u16 = year.parse().ok()?;
    (year.len() == 4 && (1990..2100).contains(&number)).then(|| year.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREST_LINE: &str = "Sanitized Copy Approved for\tor Release\te 2011/09/20 : CIA\t-RDP8\t0-00809A\t.000600)290716-5";

    #[test]
    fn the_crest_number_is_rebuilt_through_tabs_and_specks() {
        assert_eq!(crest_number(CREST_LINE).as_deref(), Some("CIA-RDP80-00809A000600290716-5"));
        assert_eq!(crest_release_date(CREST_LINE).as_deref(), Some("2011-09-20"));
    }

    #[test]
    fn a_damaged_crest_number_is_refused() {
        assert_eq!(crest_number("Approved for Release 2011/09/20 : CIA-RDP80-00809A0006"), None);
        assert_eq!(crest_number("no number here"), None);
    }

    #[test]
    fn nara_record_numbers_are_three_five_five_digits() {
        assert_eq!(
            record_number("176-10036-10094) [2025 RELEASE").as_deref(),
            Some("176-10036-10094")
        );
        assert_eq!(record_number("41104-10165-10077) | 2025").as_deref(), Some("104-10165-10077"));
        assert_eq!(record_number(": 176-10036-10094."), Some("176-10036-10094".into()));
        assert_eq!(record_number("ifoa-t0004-10156) [2025 RELEASE"), None);
        assert_eq!(record_number("176-10036-100945"), None);
    }

    #[test]
    fn the_banner_gives_the_release_year() {
        let banner = "176-10036-10094) [2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY";
        assert_eq!(nara_release_year(banner).as_deref(), Some("2025"));
        assert_eq!(
            nara_release_year("‘Hod-10076-10376) ~ “12025 RELEASE UNDER").as_deref(),
            Some("2025")
        );
        assert_eq!(nara_release_year("RELEASE UNDER THE PRESIDENT"), None);
    }
}
