//! Page texts: one small file per page of every document, all a result shows of it. A result
//! list fetches the page each result's snippet comes from, not the document's whole data file
//! (a document of 7 pages costs its reader a seventh of the bytes), and the page text carries
//! the document's card, so the cards and the snippets come in one round.
//!
//! `RRP1`, then, each length-prefixed: the document's id, its title, its date (a flag byte,
//! then the text), the page's OCR text, and its corrected search text (a flag byte, then the
//! text). The file ends in its checksum ([`super::seal`]).

use super::seal::{seal, unseal};
use super::varint::{get, put};
use super::{FormatError, damaged};

const MAGIC: &[u8; 4] = b"RRP1";

/// One page of a document, as the engine reads it for a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageText {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    /// The page's OCR text, furniture included, as it was indexed.
    pub ocr: String,
    /// The search text of the page's corrected transcription, if it has one.
    pub corrected: Option<String>,
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

fn put_optional(out: &mut Vec<u8>, text: Option<&str>) {
    out.push(u8::from(text.is_some()));
    if let Some(text) = text {
        put_text(out, text);
    }
}

pub fn write(page: &PageText) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_text(&mut out, &page.id);
    put_text(&mut out, &page.title);
    put_optional(&mut out, page.date.as_deref());
    put_text(&mut out, &page.ocr);
    put_optional(&mut out, page.corrected.as_deref());
    seal(out)
}

/// A reader over a page text's bytes that fails, naming the file, on anything cut short.
struct Reader<'a> {
    file: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn broken(&self) -> FormatError {
        damaged(self.file, "the page text is cut short")
    }

    fn text(&mut self) -> Result<String, FormatError> {
        let len = get(self.bytes, &mut self.at).ok_or_else(|| self.broken())?;
        let end = usize::try_from(len)
            .ok()
            .and_then(|len| self.at.checked_add(len))
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.broken())?;
        let text = std::str::from_utf8(&self.bytes[self.at..end])
            .map_err(|_| damaged(self.file, "a page text is not UTF-8"))?;
        self.at = end;
        Ok(text.to_owned())
    }

    fn optional(&mut self) -> Result<Option<String>, FormatError> {
        let flag = *self.bytes.get(self.at).ok_or_else(|| self.broken())?;
        self.at += 1;
        match flag {
            0 => Ok(None),
            1 => self.text().map(Some),
            _ => Err(damaged(self.file, "a page text has a flag that is neither 0 nor 1")),
        }
    }
}

/// Reads a page text.
pub fn read(file: &str, bytes: &[u8]) -> Result<PageText, FormatError> {
    let body = unseal(file, bytes)?;
    let body = body.strip_prefix(MAGIC).ok_or_else(|| damaged(file, "not a page text"))?;
    let mut reader = Reader { file, bytes: body, at: 0 };
    let (id, title, date) = (reader.text()?, reader.text()?, reader.optional()?);
    let (ocr, corrected) = (reader.text()?, reader.optional()?);
    if reader.at != body.len() {
        return Err(damaged(file, "the page text has bytes after its end"));
    }
    Ok(PageText { id, title, date, ocr, corrected })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> PageText {
        PageText {
            id: "104-10332-10023".into(),
            title: "Local Party Instructors".into(),
            date: Some("1950-03-24".into()),
            ocr: "KAZAKH SSR\nPerty instructors".into(),
            corrected: Some("Kazakh SSR Party instructors".into()),
        }
    }

    #[test]
    fn a_page_text_round_trips_with_and_without_its_optional_parts() {
        assert_eq!(read("f", &write(&page())).expect("reads"), page());
        let bare = PageText { date: None, corrected: None, ..page() };
        assert_eq!(read("f", &write(&bare)).expect("reads"), bare);
    }

    #[test]
    fn cut_or_padded_bytes_are_damage() {
        let bytes = write(&page());
        let payload = &bytes[..bytes.len() - 8];
        for cut in [MAGIC.len() + 1, payload.len() / 2, payload.len() - 1] {
            let error = read("f", &seal(payload[..cut].to_vec())).expect_err("cut");
            assert!(error.to_string().contains("cut short"), "{cut}: {error}");
        }
        let mut padded = payload.to_vec();
        padded.push(0);
        assert!(read("f", &seal(padded)).expect_err("padded").to_string().contains("after"));
    }
}
