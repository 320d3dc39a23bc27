//! What the XML importers share: the element tree they read, recognising a file's kind from
//! its first element, and laying out a page's text.
//!
//! The tree keeps names without their namespace prefix, because ALTO and PAGE-XML files use
//! different namespaces for the same elements.
//!
//! Detection reads the root element's name rather than the file name, because curators'
//! files are often renamed (`page.xml`, `scan.txt`) and the content is what decides. Layout is
//! the same for every format, so that an ALTO, a PAGE-XML and an hOCR file of one page read
//! alike: one text line per OCR line, each ending in `\n`, and a blank line between blocks.

/// One element: its local name, attributes (local names too) and children in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// The name as written, prefix included, to match the closing tag.
    pub qualified: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// The child elements, skipping text.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|element| element.name == name)
    }

    /// All text inside the element, markup removed.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => element.push_text(out),
            }
        }
    }

    /// The outermost descendants named `name`, in document order.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for element in self.elements() {
            if element.name == name {
                out.push(element);
            } else {
                element.find_all(name, out);
            }
        }
    }
}

/// What a file's first element says it is, read without parsing the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// Not markup: the text importers take it.
    Text,
    /// Markup whose root element has this local name (empty if none could be read).
    Markup(String),
}

/// Looks past an XML declaration, doctype, comments and processing instructions at the root
/// element. Text that starts with some other `<` (a tag in running text) is still text.
pub(crate) fn sniff(text: &str) -> Sniffed {
    let mut rest = text.trim_start();
    let mut prolog = false;
    loop {
        let skipped = if rest.starts_with("<?") {
            rest.find("?>").map(|end| end + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|end| end + 3)
        } else if rest.get(..9).is_some_and(|s| s.eq_ignore_ascii_case("<!doctype")) {
            doctype_end(rest)
        } else {
            break;
        };
        prolog = true;
        let Some(skipped) = skipped else {
            return Sniffed::Markup(String::new());
        };
        rest = rest[skipped..].trim_start();
    }
    let name = root_name(rest);
    let local = name.rsplit(':').next().unwrap_or_default();
    let known = ["alto", "PcGts"].contains(&local) || local.eq_ignore_ascii_case("html");
    if prolog || known { Sniffed::Markup(local.to_owned()) } else { Sniffed::Text }
}

/// The end of a doctype, past any internal subset in brackets.
fn doctype_end(text: &str) -> Option<usize> {
    let close = text.find('>')?;
    match text.find('[') {
        Some(open) if open < close => text[open..].find("]>").map(|end| open + end + 2),
        _ => Some(close + 1),
    }
}

fn root_name(text: &str) -> &str {
    let Some(after) = text.strip_prefix('<') else {
        return "";
    };
    let end =
        after.find(|c: char| c.is_whitespace() || c == '/' || c == '>').unwrap_or(after.len());
    &after[..end]
}

/// A page's text, built line by line.
#[derive(Debug, Default)]
pub(crate) struct PageText {
    text: String,
    block_break: bool,
}

impl PageText {
    /// Adds one OCR line. An empty line is left out: on the page it would read as the blank
    /// line that separates blocks.
    pub fn line(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        if self.block_break && !self.text.is_empty() {
            self.text.push('\n');
        }
        self.block_break = false;
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// Ends the current block: the next line starts a new one after a blank line.
    pub fn block_break(&mut self) {
        self.block_break = true;
    }

    pub fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_element_decides_past_the_prolog() {
        let alto = "<?xml version='1.0'?>\n<!-- made by hand -->\n<alto xmlns='x'>";
        assert_eq!(sniff(alto), Sniffed::Markup("alto".into()));
        assert_eq!(sniff("<pc:PcGts xmlns:pc='x'>"), Sniffed::Markup("PcGts".into()));
        let doctype = "<!DOCTYPE html [ <!ENTITY x 'y'> ]><html>";
        assert_eq!(sniff(doctype), Sniffed::Markup("html".into()));
    }

    #[test]
    fn a_tag_in_running_text_is_still_text() {
        assert_eq!(sniff("<u>Kazakhstanskaya Pravda</u> wrote"), Sniffed::Text);
        assert_eq!(sniff("plain"), Sniffed::Text);
    }

    #[test]
    fn a_cut_off_prolog_is_markup_without_a_root() {
        assert_eq!(sniff("<?xml version="), Sniffed::Markup(String::new()));
    }

    #[test]
    fn blocks_are_separated_by_one_blank_line_and_empty_lines_dropped() {
        let mut page = PageText::default();
        page.block_break();
        page.line("one");
        page.line("  ");
        page.block_break();
        page.block_break();
        page.line("two");
        page.block_break();
        assert_eq!(page.finish(), "one\n\ntwo\n");
    }
}
