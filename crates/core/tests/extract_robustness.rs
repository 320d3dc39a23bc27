//! Extraction and furniture detection never panic: on every page of every fixture, on every
//! prefix of a damaged form, and on arbitrary text made of the pieces OCR output is made of.

mod common;

use readingroom_core::extract::{extract, iso_date};
use readingroom_core::furniture::detect;

/// The pieces of arbitrary text: label words, stamps, numbers, dates, specks, accented and
/// multi-byte characters, tabs, form feeds and both kinds of line break.
const PIECES: [&str; 40] = [
    "COUNTRY",
    "SUBJECT",
    "DATE",
    "DISTR",
    "OF",
    "INFO",
    "NO.",
    "PAGES",
    "HOW",
    "WHERE",
    "PUBLISHED",
    "SOURCE",
    "TITLE",
    "RECORD NUMBER",
    "COMMENTS",
    "IDENTIFICATION FORM",
    "SECRET",
    "S E C R E T",
    "50X1-HUM",
    "- 2 -",
    "14-00000",
    "CIA-RDP80-",
    "2011/09/20",
    "RELEASE",
    "2025",
    "176-10036-10094",
    "4/20/1963",
    "24 Mar",
    ":",
    ";",
    "|",
    "à",
    "Γ",
    "Ħ",
    "’",
    "\t",
    "\n",
    "\r\n",
    "\u{c}",
    " ",
];

/// A small deterministic generator (xorshift), so that a failure can be replayed.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % 1_000_003).unwrap_or(0)
    }

    fn text(&mut self, pieces: usize) -> String {
        (0..pieces).map(|_| PIECES[self.next() % PIECES.len()]).collect::<Vec<_>>().join(" ")
    }
}

#[test]
fn every_page_of_every_fixture_is_read_without_panic() {
    for (name, pages) in common::all_fixture_pages() {
        let whole = extract(&common::as_strs(&pages));
        assert!(whole.pages.is_none_or(|n| n > 0), "{name}");
        for page in &pages {
            detect(page);
            extract(&[page.as_str()]);
        }
    }
}

#[test]
fn every_prefix_of_a_damaged_form_is_read_without_panic() {
    let pages = common::crest_pages();
    let first = &pages[0];
    for (cut, _) in first.char_indices().step_by(7) {
        let prefix = &first[..cut];
        detect(prefix);
        extract(&[prefix]);
    }
    let banner = "ifoa-t0004-10156) [2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY";
    for (cut, _) in banner.char_indices() {
        extract(&[&banner[..cut]]);
        extract(&[&banner[cut..]]);
    }
}

#[test]
fn arbitrary_text_is_read_without_panic() {
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    for round in 0..2000 {
        let length = 1 + round % 60;
        let text = noise.text(length);
        let pages: Vec<&str> = text.split('\u{c}').collect();
        for page in &pages {
            for found in detect(page) {
                assert!(found.start <= found.end && found.end <= page.len(), "{text:?}");
            }
        }
        let fields = extract(&pages);
        if let Some(date) = &fields.date_distributed {
            assert_eq!(iso_date(date).as_ref(), Some(date), "ISO dates read back as themselves");
        }
        iso_date(&text);
    }
}

#[test]
fn lone_pieces_and_empty_pages_are_read_without_panic() {
    for piece in PIECES {
        detect(piece);
        extract(&[piece]);
        iso_date(piece);
    }
    extract(&[]);
    extract(&["", "", ""]);
    detect("");
}
