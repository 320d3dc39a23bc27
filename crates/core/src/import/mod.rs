//! Importing OCR output in the shapes OCR engines and archives produce.
//!
//! Curators bring one file per document: plain text with or without page markers, Tesseract's
//! Markdown, hOCR, ALTO or PAGE-XML, in whatever encoding the tool wrote. [`import`] turns its
//! bytes into pages of plain text, which the CLI writes as `ocr.txt` with a form feed between
//! pages ([`Imported::ocr_txt`]). The format is found from the content, never from the file
//! name, because files are renamed freely and a `.txt` may hold anything.
//!
//! The OCR is kept as the engine read it: nothing is corrected or cleaned, and the only text
//! left out is the converters' own structure (page-marker lines, the Markdown wrapper, XML
//! markup). Text formats keep every byte of every page line; XML formats are laid out one
//! OCR line per text line with a blank line between blocks.
//!
//! The work is split by stage: [`encoding`] decodes bytes; `text`, `markdown` and `numbered`
//! find pages in text; `xml_tree` reads XML, and `alto`, `page_xml` and `hocr` read each
//! XML format from that tree.
//!
//! A file past the [`Limits`] is refused before the stage that would spend on it: its size
//! before decoding, its lines and form feeds before text is split into pages, and its page
//! count once the pages are found, so that memory stays proportional to the input.

pub mod encoding;

mod alto;
mod hocr;
mod markdown;
mod numbered;
mod page_xml;
mod text;
mod xml_tree;
mod xml_util;

use crate::diagnostic::{Diagnostic, Position};
use crate::limits::Limits;
use crate::pages::PAGE_BREAK;
use xml_tree::Dialect;
use xml_util::Sniffed;

/// The shape an input file was found to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Text with a form feed between pages, as `ocr.txt` itself and `pdftotext` write it.
    FormFeed,
    /// Text with a `--- Page N ---` line before each page.
    PageLines,
    /// Tesseract's Markdown wrapper, pages found at NARA sheet stamps.
    TesseractMarkdown,
    /// Text whose pages end with a centred number such as `- 2 -`.
    NumberedPages,
    /// Text with no page marks: one page.
    PlainText,
    Hocr,
    Alto,
    PageXml,
}

impl Format {
    /// The format's name in a sentence for curators.
    pub fn describe(self) -> &'static str {
        match self {
            Format::FormFeed => "text with form feeds between pages",
            Format::PageLines => "text with \"--- Page N ---\" lines",
            Format::TesseractMarkdown => "Tesseract Markdown",
            Format::NumberedPages => "text with centred page numbers",
            Format::PlainText => "plain text",
            Format::Hocr => "hOCR",
            Format::Alto => "ALTO XML",
            Format::PageXml => "PAGE-XML",
        }
    }
}

/// One imported file: its format, its pages of plain text, and what the curator should check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub format: Format,
    pub pages: Vec<String>,
    pub warnings: Vec<Diagnostic>,
}

impl Imported {
    /// The text of `ocr.txt`: the pages joined with form feeds.
    pub fn ocr_txt(&self) -> String {
        self.pages.join(&PAGE_BREAK.to_string())
    }
}

/// Imports one file. `path` is only used in messages; the format is detected from the content.
pub fn import(path: &str, bytes: &[u8]) -> Result<Imported, Diagnostic> {
    import_within(path, bytes, &Limits::DEFAULT)
}

/// [`import`], refusing a file past `limits`.
pub fn import_within(path: &str, bytes: &[u8], limits: &Limits) -> Result<Imported, Diagnostic> {
    limits.check_file_size(path, bytes.len() as u64)?;
    let decoded = encoding::decode(path, bytes)?;
    let text = decoded.text;
    let mut warnings = decoded.warnings;
    let (format, pages) = match xml_util::sniff(&text) {
        Sniffed::Markup(root) => import_xml(path, &text, &root)?,
        Sniffed::Text => {
            // XML may be written on one line; text may not.
            limits.check_lines(path, &text)?;
            limits.check_form_feeds(path, &text)?;
            let split = text::split(path, &text);
            warnings.extend(split.warnings);
            if text.trim().is_empty() {
                warnings.push(Diagnostic::warning(
                    path,
                    Position::START,
                    format!("{path} has no text."),
                ));
            }
            (split.format, split.pages)
        }
    };
    limits.check_pages(path, pages.len())?;
    warnings.extend(form_feed_warning(path, &text, &pages));
    Ok(Imported { format, pages, warnings })
}

fn import_xml(path: &str, text: &str, root: &str) -> Result<(Format, Vec<String>), Diagnostic> {
    let format = match root {
        "alto" => Format::Alto,
        "PcGts" => Format::PageXml,
        html if html.eq_ignore_ascii_case("html") && text.contains("ocr_page") => Format::Hocr,
        _ => return Err(unknown_markup(path, root)),
    };
    let dialect = if format == Format::Hocr { Dialect::Html } else { Dialect::Xml };
    let tree = xml_tree::parse(path, text, dialect)?;
    let pages = match format {
        Format::Alto => alto::pages(&tree),
        Format::PageXml => page_xml::pages(&tree),
        _ => hocr::pages(&tree),
    };
    if pages.iter().all(|page| page.trim().is_empty()) {
        let message = format!(
            "{path} has no text: this {} file contains no recognised words. Was OCR run on it?",
            format.describe()
        );
        return Err(Diagnostic::error(path, Position::START, message));
    }
    Ok((format, pages))
}

fn unknown_markup(path: &str, root: &str) -> Diagnostic {
    let message = if root.is_empty() {
        format!(
            "{path} starts like XML but no root element could be read: the file may be cut off."
        )
    } else if root.eq_ignore_ascii_case("html") {
        format!(
            "{path} is HTML without hOCR's \"ocr_page\" elements, so it holds no OCR to import."
        )
    } else {
        format!(
            "{path} is XML with the root element <{root}>, which is not ALTO, PAGE-XML or hOCR."
        )
    };
    Diagnostic::error(path, Position::START, message)
}

/// A form feed inside a page would split it in two in `ocr.txt`; the curator should know.
fn form_feed_warning(path: &str, text: &str, pages: &[String]) -> Option<Diagnostic> {
    let page = pages.iter().position(|page| page.contains(PAGE_BREAK))? + 1;
    let at = text.find(PAGE_BREAK).map_or(Position::START, |offset| Position::of(text, offset));
    let message = format!(
        "Page {page} contains a form feed, which ocr.txt uses between pages: \
         it will read as a page break there."
    );
    Some(Diagnostic::warning(path, at, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_serialize_in_kebab_case() {
        let json = serde_json::to_string(&[Format::TesseractMarkdown, Format::PageXml]).unwrap();
        assert_eq!(json, r#"["tesseract-markdown","page-xml"]"#);
    }

    #[test]
    fn ocr_txt_joins_pages_with_form_feeds() {
        let imported = Imported {
            format: Format::FormFeed,
            pages: vec!["a\n".into(), "b".into()],
            warnings: vec![],
        };
        assert_eq!(imported.ocr_txt(), "a\n\u{c}b");
    }

    #[test]
    fn a_form_feed_inside_a_marked_page_is_a_warning() {
        let imported = import("x.txt", b"--- Page 1 ---\na\x0cb\n").unwrap();
        assert_eq!(imported.format, Format::PageLines);
        assert_eq!((imported.warnings[0].line, imported.warnings[0].column), (2, 2));
    }

    #[test]
    fn unknown_xml_and_plain_html_are_refused() {
        let err = import("x.xml", b"<?xml version='1.0'?><tei/>").unwrap_err();
        assert!(err.message.contains("<tei>"), "{err}");
        let err = import("x.html", b"<html><body>hi</body></html>").unwrap_err();
        assert!(err.message.contains("ocr_page"), "{err}");
    }

    const SMALL: Limits = Limits { file_bytes: 64, line_bytes: 16, pages: 3 };

    #[test]
    fn a_file_past_the_size_limit_is_refused() {
        let err = import_within("x.txt", &[b'a'; 65], &SMALL).unwrap_err();
        assert!(err.message.starts_with("x.txt is 65 bytes, over the limit of 64"), "{err}");
    }

    #[test]
    fn a_text_line_past_the_limit_is_refused_where_it_is_but_an_xml_line_is_not() {
        let err = import_within(
            "x.txt",
            b"short
short
0123456789abcdefg
",
            &SMALL,
        )
        .unwrap_err();
        assert_eq!((err.line, err.column), (3, 1));
        let alto = b"<alto><Layout><Page><TextBlock><TextLine><String CONTENT='one line'/>\
                     </TextLine></TextBlock></Page></Layout></alto>";
        let roomy = Limits { file_bytes: 999, ..SMALL };
        let imported = import_within("x.xml", alto, &roomy).expect("ALTO on one line");
        assert_eq!(imported.pages, ["one line\n"]);
    }

    #[test]
    fn pages_past_the_limit_are_refused_however_they_are_marked() {
        let err = import_within("x.txt", b"a\x0cb\x0cc\nd\x0c", &SMALL).unwrap_err();
        assert_eq!((err.line, err.column), (2, 2), "at the form feed starting page 4");
        let marked = b"--- Page 1 ---\n--- Page 2 ---\n--- Page 3 ---\n--- Page 4 ---\n";
        let err = import_within("x.txt", marked, &Limits { file_bytes: 99, ..SMALL }).unwrap_err();
        assert!(err.message.contains("more than 3 pages (counting its 4 pages)"), "{err}");
        let three = b"--- Page 1 ---\n--- Page 2 ---\n--- Page 3 ---\n";
        assert!(import_within("x.txt", three, &Limits { file_bytes: 99, ..SMALL }).is_ok());
    }

    #[test]
    fn an_empty_text_file_is_one_empty_page_with_a_warning() {
        let imported = import("x.txt", b"").unwrap();
        assert_eq!(imported.pages, vec![""]);
        assert!(imported.warnings[0].message.contains("has no text"));
    }
}
