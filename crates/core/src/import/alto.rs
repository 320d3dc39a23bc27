//! ALTO XML (versions 2 to 4), the Library of Congress format that Tesseract, ABBYY and most
//! digitisation pipelines write.
//!
//! Each `Page` is a page. Within it, `TextBlock`s come in document order (ALTO has no separate
//! reading order, and writers emit blocks in the order they read them), one `TextLine` per
//! line. A line's words are `String@CONTENT` joined by single spaces, which is what the `SP`
//! elements between them stand for; a line-end `HYP` adds its hyphen character (`-`, `¬`)
//! straight after the last word, as printed. Elements are matched by local name, so every
//! version's namespace reads the same.

use super::xml_util::{Element, PageText};

/// The text of every page in an ALTO document.
pub(crate) fn pages(root: &Element) -> Vec<String> {
    let mut pages = Vec::new();
    root.find_all("Page", &mut pages);
    pages
        .into_iter()
        .map(|page| {
            let mut text = PageText::default();
            collect(page, &mut text);
            text.finish()
        })
        .collect()
}

/// Walks a page's layout, which nests blocks in print spaces and composed blocks.
fn collect(element: &Element, text: &mut PageText) {
    for child in element.elements() {
        match child.name.as_str() {
            "TextBlock" => {
                text.block_break();
                for line in child.elements().filter(|e| e.name == "TextLine") {
                    text.line(&line_text(line));
                }
                text.block_break();
            }
            _ => collect(child, text),
        }
    }
}

fn line_text(line: &Element) -> String {
    let mut out = String::new();
    for part in line.elements() {
        let content = part.attribute("CONTENT").unwrap_or_default();
        match part.name.as_str() {
            "String" if !content.is_empty() => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(content);
            }
            "HYP" => out.push_str(content),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::xml_tree::{Dialect, parse};

    fn alto(body: &str) -> Vec<String> {
        let xml = format!(
            "<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout>{body}</Layout></alto>"
        );
        pages(&parse("t.xml", &xml, Dialect::Xml).unwrap())
    }

    #[test]
    fn words_join_with_single_spaces_and_a_hyphen_stays_on_its_line() {
        let pages = alto(
            "<Page><PrintSpace><TextBlock><TextLine>\
             <String CONTENT='Alma'/><SP/><String CONTENT='Ata'/><SP/>\
             <String CONTENT='news'/><HYP CONTENT='¬'/></TextLine>\
             <TextLine><String CONTENT='paper'/></TextLine></TextBlock></PrintSpace></Page>",
        );
        assert_eq!(pages, vec!["Alma Ata news¬\npaper\n"]);
    }

    #[test]
    fn blocks_are_separated_by_a_blank_line_and_pages_kept_apart() {
        let block = |w: &str| {
            format!("<TextBlock><TextLine><String CONTENT='{w}'/></TextLine></TextBlock>")
        };
        let body = format!(
            "<Page><PrintSpace>{}<ComposedBlock>{}</ComposedBlock></PrintSpace></Page>\
             <Page>{}</Page>",
            block("one"),
            block("two"),
            block("three")
        );
        assert_eq!(alto(&body), vec!["one\n\ntwo\n", "three\n"]);
    }

    #[test]
    fn entities_in_content_are_decoded() {
        let page = alto(
            "<Page><TextBlock><TextLine><String CONTENT='&quot;A&amp;B&#x2019;'/>\
             </TextLine></TextBlock></Page>",
        );
        assert_eq!(page, vec!["\"A&B\u{2019}\n"]);
    }
}
