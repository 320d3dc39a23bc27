//! hOCR, the HTML that Tesseract (`tesseract scan.png out hocr`) and OCRopus write.
//!
//! hOCR marks structure with classes rather than element names: every element whose class is
//! `ocr_page` is a page, each `ocr_line` (or `ocrx_line`, `ocr_caption`, `ocr_header`,
//! `ocr_textfloat`) one line made of its `ocrx_word`s joined by single spaces, and paragraphs
//! (`ocr_par`) and content areas (`ocr_carea`) are set off by a blank line. That is the layout
//! of Tesseract's own text output for the same page, so the two read alike. The whitespace
//! between tags is the HTML's indentation, not OCR, and is ignored.

use super::xml_util::{Element, PageText};

const LINE_CLASSES: &[&str] =
    &["ocr_line", "ocrx_line", "ocr_caption", "ocr_header", "ocr_textfloat"];
const BLOCK_CLASSES: &[&str] = &["ocr_par", "ocr_carea"];

/// The text of every `ocr_page` in an hOCR document.
pub(crate) fn pages(root: &Element) -> Vec<String> {
    let mut pages = Vec::new();
    find_pages(root, &mut pages);
    pages
        .into_iter()
        .map(|page| {
            let mut text = PageText::default();
            collect(page, &mut text);
            text.finish()
        })
        .collect()
}

fn has_class(element: &Element, classes: &[&str]) -> bool {
    element
        .attribute("class")
        .is_some_and(|value| value.split_whitespace().any(|class| classes.contains(&class)))
}

fn find_pages<'a>(element: &'a Element, out: &mut Vec<&'a Element>) {
    for child in element.elements() {
        if has_class(child, &["ocr_page"]) {
            out.push(child);
        } else {
            find_pages(child, out);
        }
    }
}

fn collect(element: &Element, text: &mut PageText) {
    for child in element.elements() {
        if has_class(child, LINE_CLASSES) {
            text.line(&line_text(child));
        } else if has_class(child, BLOCK_CLASSES) {
            text.block_break();
            collect(child, text);
            text.block_break();
        } else {
            collect(child, text);
        }
    }
}

/// A line's words joined by spaces; a line that marks no words (some engines write none)
/// gives its text with the markup's whitespace runs made single spaces (a no-break space
/// is the OCR's, and stays).
fn line_text(line: &Element) -> String {
    let mut words = Vec::new();
    find_words(line, &mut words);
    if words.is_empty() {
        let text = line.text();
        let parts = text.split(|c: char| c.is_ascii_whitespace()).filter(|part| !part.is_empty());
        return parts.collect::<Vec<_>>().join(" ");
    }
    let words: Vec<String> = words.iter().map(|word| word.text().trim().to_owned()).collect();
    words.into_iter().filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

fn find_words<'a>(element: &'a Element, out: &mut Vec<&'a Element>) {
    for child in element.elements() {
        if has_class(child, &["ocrx_word"]) {
            out.push(child);
        } else {
            find_words(child, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::xml_tree::{Dialect, parse};

    fn hocr(body: &str) -> Vec<String> {
        let html = format!("<html><head><meta charset='utf-8'></head><body>{body}</body></html>");
        pages(&parse("t.hocr", &html, Dialect::Html).unwrap())
    }

    #[test]
    fn words_make_lines_and_paragraphs_are_set_apart() {
        let body = "<div class='ocr_page'><p class='ocr_par'>\
                    <span class='ocr_line'><span class='ocrx_word'>Alma-</span> \
                    <span class='ocrx_word'><strong>Ata</strong></span></span>\
                    <span class='ocr_line'><span class='ocrx_word'>1949</span></span></p>\
                    <p class='ocr_par'><span class='ocr_header'>\
                    <span class='ocrx_word'>SECRET</span></span></p></div>";
        assert_eq!(hocr(body), vec!["Alma- Ata\n1949\n\nSECRET\n"]);
    }

    #[test]
    fn each_ocr_page_is_a_page_and_html_entities_are_decoded() {
        let body = "<div class='ocr_page'><span class='ocr_line'>\
                    <span class='ocrx_word'>&ldquo;one&rdquo;</span> \
                    <span class='ocrx_word'>caf&eacute;&#233;&#xE9;</span></span></div>\
                    <div class='ocr_page'><span class='ocr_line'>two&nbsp;&amp;  three</span></div>";
        assert_eq!(
            hocr(body),
            vec!["\u{201c}one\u{201d} caf\u{e9}\u{e9}\u{e9}\n", "two\u{a0}& three\n"]
        );
    }
}
