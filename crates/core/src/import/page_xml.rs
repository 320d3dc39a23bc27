//! PAGE-XML (the PRImA schemas of 2013 to 2019, as OCR-D and Transkribus write them).
//!
//! A file describes one `Page`. Regions are read in the page's `ReadingOrder` when it has one,
//! because on a multi-column or annotated page document order can be anything; regions the
//! reading order leaves out follow in document order, so no text is lost. Each `TextRegion`
//! gives its `TextLine`s, one line each, and is set off from the next by a blank line.
//!
//! A line's text is its own `TextEquiv` (the one with `index="0"`, else the first), never the
//! text of its words or glyphs, which PAGE-XML repeats at every level; only a line without
//! text of its own falls back to its words joined by spaces. A region without any line text
//! uses its own `TextEquiv`, whose line breaks are kept.

use super::xml_util::{Element, PageText};

/// The text of every `Page` in a PAGE-XML document (there is one in a valid file).
pub(crate) fn pages(root: &Element) -> Vec<String> {
    let mut pages = Vec::new();
    root.find_all("Page", &mut pages);
    pages.into_iter().map(page_text).collect()
}

fn page_text(page: &Element) -> String {
    let mut regions = Vec::new();
    text_regions(page, &mut regions);
    let order = reading_order(page);
    let rank = |region: &Element| {
        region
            .attribute("id")
            .and_then(|id| order.iter().position(|listed| listed == id))
            .unwrap_or(usize::MAX)
    };
    // A stable sort keeps unlisted regions, all ranked last, in document order.
    regions.sort_by_key(|region| rank(region));
    let mut text = PageText::default();
    for region in regions {
        text.block_break();
        region_text(region, &mut text);
    }
    text.finish()
}

/// Every `TextRegion`, nested ones included, in document order.
fn text_regions<'a>(element: &'a Element, out: &mut Vec<&'a Element>) {
    for child in element.elements() {
        if child.name == "TextRegion" {
            out.push(child);
        }
        text_regions(child, out);
    }
}

/// The region ids of the page's reading order, in order, each once.
fn reading_order(page: &Element) -> Vec<String> {
    let mut order = Vec::new();
    if let Some(group) = page.child("ReadingOrder") {
        for child in group.elements() {
            flatten_group(child, &mut order);
        }
    }
    let mut seen = std::collections::HashSet::new();
    order.retain(|id| seen.insert(id.clone()));
    order
}

/// A group's region refs, depth first: indexed children by `@index`, the rest as written.
fn flatten_group(element: &Element, out: &mut Vec<String>) {
    if let Some(id) = element.attribute("regionRef") {
        out.push(id.to_owned());
    }
    let mut members: Vec<&Element> = element.elements().collect();
    members.sort_by_key(|member| {
        member.attribute("index").and_then(|i| i.trim().parse::<i64>().ok()).unwrap_or(i64::MAX)
    });
    for member in members {
        flatten_group(member, out);
    }
}

fn region_text(region: &Element, text: &mut PageText) {
    let lines: Vec<String> =
        region.elements().filter(|e| e.name == "TextLine").map(line_text).collect();
    if lines.iter().any(|line| !line.trim().is_empty()) {
        for line in &lines {
            text.line(line);
        }
    } else if let Some(own) = text_equiv(region) {
        for line in own.split('\n') {
            text.line(line);
        }
    }
}

fn line_text(line: &Element) -> String {
    match text_equiv(line) {
        Some(own) if !own.trim().is_empty() => own,
        _ => {
            let words = line.elements().filter(|e| e.name == "Word").filter_map(text_equiv);
            words.filter(|word| !word.trim().is_empty()).collect::<Vec<_>>().join(" ")
        }
    }
}

/// The element's own `TextEquiv/Unicode`: the one with `index="0"`, else the first.
fn text_equiv(element: &Element) -> Option<String> {
    let equivs: Vec<&Element> = element.elements().filter(|e| e.name == "TextEquiv").collect();
    let chosen = equivs
        .iter()
        .find(|e| e.attribute("index").is_some_and(|i| i.trim() == "0"))
        .or(equivs.first())?;
    chosen.child("Unicode").map(Element::text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::xml_tree::{Dialect, parse};

    fn page(body: &str) -> Vec<String> {
        let xml = format!(
            "<PcGts xmlns='http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15'>\
             <Page>{body}</Page></PcGts>"
        );
        pages(&parse("t.xml", &xml, Dialect::Xml).unwrap())
    }

    fn region(id: &str, line: &str) -> String {
        format!(
            "<TextRegion id='{id}'><TextLine><TextEquiv><Unicode>{line}</Unicode></TextEquiv>\
             </TextLine></TextRegion>"
        )
    }

    #[test]
    fn reading_order_decides_and_unlisted_regions_follow() {
        let order = "<ReadingOrder><OrderedGroup id='g'><RegionRefIndexed index='1' regionRef='a'/>\
                     <RegionRefIndexed index='0' regionRef='c'/></OrderedGroup></ReadingOrder>";
        let body = format!("{order}{}{}{}", region("a", "A"), region("b", "B"), region("c", "C"));
        assert_eq!(page(&body), vec!["C\n\nA\n\nB\n"]);
    }

    #[test]
    fn a_line_uses_its_own_text_not_its_words() {
        let body = "<TextRegion><TextLine><Word><TextEquiv><Unicode>x</Unicode></TextEquiv></Word>\
                    <TextEquiv index='1'><Unicode>second</Unicode></TextEquiv>\
                    <TextEquiv index='0'><Unicode>best &amp; first</Unicode></TextEquiv>\
                    </TextLine></TextRegion>";
        assert_eq!(page(body), vec!["best & first\n"]);
    }

    #[test]
    fn a_line_without_text_falls_back_to_its_words() {
        let word = |w: &str| format!("<Word><TextEquiv><Unicode>{w}</Unicode></TextEquiv></Word>");
        let body = format!(
            "<TextRegion><TextLine>{}{}</TextLine></TextRegion>",
            word("Da"),
            word("Capo.")
        );
        assert_eq!(page(&body), vec!["Da Capo.\n"]);
    }

    #[test]
    fn a_region_without_lines_uses_its_own_text_with_its_line_breaks() {
        let body = "<TextRegion><TextLine><TextEquiv><Unicode/></TextEquiv></TextLine></TextRegion>\
                    <TextRegion><TextEquiv><Unicode>one\ntwo</Unicode></TextEquiv></TextRegion>";
        assert_eq!(page(body), vec!["one\ntwo\n"]);
    }
}
