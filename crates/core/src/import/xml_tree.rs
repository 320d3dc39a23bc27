//! Reading XML into a small element tree with quick-xml, for the ALTO, PAGE-XML and hOCR
//! importers.
//!
//! OCR XML is small enough (a page, rarely more than a megabyte) to hold whole, and a tree
//! makes the formats' rules easy to state: PAGE-XML's reading order reorders regions, and a
//! line's own text must be told from its words'. Names are kept without their namespace
//! prefix, because ALTO and PAGE-XML files use different namespaces for the same elements.
//!
//! Every problem becomes a [`Diagnostic`] at the line and column where it is, in words a
//! curator can act on. Nesting deeper than [`MAX_DEPTH`] is refused, so no input can exhaust
//! the stack of the code that walks the tree.

use super::xml_util::{Element, Node};
use crate::diagnostic::{Diagnostic, Position};
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// Deeper than any real OCR file (hOCR nests about eight levels) and shallow enough for the stack.
pub(crate) const MAX_DEPTH: usize = 256;

/// HTML's void elements, which hOCR written as HTML rather than XHTML leaves unclosed.
const VOID_ELEMENTS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"];

/// Which entities a file may use: XML's five, or also HTML's named references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Xml,
    Html,
}

/// Parses `text` into its root element.
pub(crate) fn parse(path: &str, text: &str, dialect: Dialect) -> Result<Element, Diagnostic> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    // The tree checks closing tags itself, to name them in a curator's words and to let
    // HTML void elements stay unclosed.
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut tree = Tree { path, text, dialect, stack: Vec::new(), root: None };
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => return Err(tree.error(reader.error_position() as usize, &describe(&e))),
        };
        match event {
            Event::Start(start) => tree.open(&start, at, false)?,
            Event::Empty(start) => tree.open(&start, at, true)?,
            Event::End(end) => tree.close(Some(end.name().as_ref()), at)?,
            Event::Text(t) => tree.text(&t.xml10_content()),
            Event::CData(t) => tree.text(&t.xml10_content()),
            Event::GeneralRef(r) => tree.reference(&r, at)?,
            Event::Eof => return tree.finish(),
            _ => {}
        }
    }
}

/// The elements open so far, innermost last, each with the offset where it was opened.
struct Tree<'a> {
    path: &'a str,
    text: &'a str,
    dialect: Dialect,
    stack: Vec<(Element, usize)>,
    root: Option<Element>,
}

impl Tree<'_> {
    fn error(&self, offset: usize, message: &str) -> Diagnostic {
        Diagnostic::error(self.path, Position::of(self.text, offset), message)
    }

    /// An attribute quick-xml could not read, at the attribute itself, in one sentence: quick-xml
    /// counts its position from the character after the tag's `<`.
    fn attribute_error(&self, tag: usize, error: &AttrError) -> Diagnostic {
        let (offset, message) = match *error {
            AttrError::ExpectedEq(at) => {
                (at, "An attribute's name must be followed by = and its value in quotes.".into())
            }
            AttrError::ExpectedValue(at) => {
                (at, "An = must be followed by a value in quotes.".into())
            }
            AttrError::UnquotedValue(at) => {
                (at, "An attribute's value must be in quotes, as in WC=\"0.89\".".into())
            }
            AttrError::ExpectedQuote(at, quote) => {
                let quote = char::from(quote);
                (
                    at,
                    format!("An attribute's value has no closing {quote}: the tag may be cut off."),
                )
            }
            AttrError::Duplicated(at, _) => {
                let name = self.text.get(tag + 1 + at..).unwrap_or_default();
                let name = name.split(|c: char| c == '=' || c.is_whitespace()).next();
                let name = name.unwrap_or_default();
                (at, format!("The attribute {name} is given twice in this element; keep one."))
            }
        };
        self.error(tag + 1 + offset, &message)
    }

    /// Opens an element, and closes it at once when it is `<empty/>` or an HTML void element.
    fn open(&mut self, start: &BytesStart<'_>, at: usize, empty: bool) -> Result<(), Diagnostic> {
        if self.stack.len() >= MAX_DEPTH {
            let message = format!(
                "Elements are nested more than {MAX_DEPTH} deep here; \
                 no OCR file needs that, so this one is damaged."
            );
            return Err(self.error(at, &message));
        }
        let mut element = Element {
            name: start.local_name().as_ref().to_owned(),
            qualified: start.name().as_ref().to_owned(),
            ..Element::default()
        };
        for attribute in start.attributes().with_checks(true) {
            let attribute = attribute.map_err(|e| self.attribute_error(at, &e))?;
            let value = attribute
                .normalized_value_with(XmlVersion::Implicit1_0, 1, |name| {
                    entity(name, self.dialect)
                })
                .map_err(|e| self.error(at, &describe(&e)))?;
            let key = attribute.key.local_name().as_ref().to_owned();
            element.attributes.push((key, value.into_owned()));
        }
        let void = self.dialect == Dialect::Html
            && VOID_ELEMENTS.contains(&element.name.to_ascii_lowercase().as_str());
        self.stack.push((element, at));
        if empty || void { self.close(None, at) } else { Ok(()) }
    }

    /// Closes the innermost element; `name` is the closing tag's, or `None` for `<empty/>`.
    fn close(&mut self, name: Option<&str>, at: usize) -> Result<(), Diagnostic> {
        if let Some(name) = name {
            let void = self.dialect == Dialect::Html
                && VOID_ELEMENTS.contains(&name.to_ascii_lowercase().as_str());
            match self.stack.last() {
                _ if void => return Ok(()),
                None => {
                    return Err(
                        self.error(at, &format!("The closing tag </{name}> has no opening tag."))
                    );
                }
                Some((open, _)) if open.qualified != name => {
                    let message = format!(
                        "The closing tag </{name}> does not match the open element <{}>.",
                        open.qualified
                    );
                    return Err(self.error(at, &message));
                }
                Some(_) => {}
            }
        }
        let Some((element, _)) = self.stack.pop() else {
            return Ok(());
        };
        match self.stack.last_mut() {
            Some((parent, _)) => parent.children.push(Node::Element(element)),
            None if self.root.is_none() => self.root = Some(element),
            None => {
                return Err(self.error(
                    at,
                    "A second root element follows the first; an XML file has exactly one.",
                ));
            }
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if let Some((parent, _)) = self.stack.last_mut() {
            match parent.children.last_mut() {
                Some(Node::Text(previous)) => previous.push_str(text),
                _ => parent.children.push(Node::Text(text.to_owned())),
            }
        }
    }

    fn reference(&mut self, reference: &BytesRef<'_>, at: usize) -> Result<(), Diagnostic> {
        let resolved = match reference.resolve_char_ref() {
            Ok(Some(c)) => Some(c.to_string()),
            Ok(None) => entity(reference, self.dialect).map(str::to_owned),
            Err(_) => None,
        };
        let Some(resolved) = resolved else {
            let name: &str = reference;
            let message = format!(
                "The reference &{name}; is not one this importer knows: \
                 write the character itself, or &amp; for a literal ampersand."
            );
            return Err(self.error(at, &message));
        };
        self.text(&resolved);
        Ok(())
    }

    fn finish(mut self) -> Result<Element, Diagnostic> {
        if let Some((open, at)) = self.stack.first() {
            let message = format!(
                "The element <{}> opened here is never closed: the file may be cut off.",
                open.qualified
            );
            return Err(self.error(*at, &message));
        }
        self.root
            .take()
            .ok_or_else(|| self.error(self.text.len(), "There is no XML element in this file."))
    }
}

/// XML's five predefined entities, and in HTML every named reference HTML5 defines.
fn entity(name: &str, dialect: Dialect) -> Option<&'static str> {
    match dialect {
        Dialect::Xml => quick_xml::escape::resolve_xml_entity(name),
        Dialect::Html => quick_xml::escape::resolve_html5_entity(name),
    }
}

/// quick-xml's message, made a sentence that says the file is at fault.
fn describe(error: &quick_xml::Error) -> String {
    use quick_xml::errors::{Error, IllFormedError};
    use quick_xml::escape::EscapeError;
    const LITERAL_AMP: &str = "write &amp; for a literal ampersand";
    match error {
        Error::Syntax(e) => format!("The XML is cut off or broken here: {e}."),
        Error::IllFormed(IllFormedError::UnclosedReference) => {
            format!("An & starts a reference that never ends with ;: {LITERAL_AMP}.")
        }
        Error::Escape(EscapeError::UnrecognizedEntity(_, name)) => {
            format!("An attribute uses &{name};, which is not a reference this importer knows.")
        }
        Error::Escape(EscapeError::UnterminatedEntity(_)) => {
            format!(
                "An & in an attribute starts a reference that never ends with ;: {LITERAL_AMP}."
            )
        }
        other => format!("The XML is malformed here: {other}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(text: &str) -> Element {
        parse("t.xml", text, Dialect::Xml).unwrap()
    }

    #[test]
    fn names_lose_their_prefix_and_text_its_references() {
        let root = xml("<pc:PcGts xmlns:pc='p'><pc:Unicode a:b='&lt;1&gt;'>\
             x &amp; y<![CDATA[<z>]]>&#x2019;</pc:Unicode></pc:PcGts>");
        assert_eq!(root.name, "PcGts");
        let unicode = root.child("Unicode").unwrap();
        assert_eq!(unicode.attribute("b"), Some("<1>"));
        assert_eq!(unicode.text(), "x & y<z>\u{2019}");
        // Adjacent pieces of text make one node.
        assert_eq!(unicode.children.len(), 1);
    }

    #[test]
    fn closing_tags_must_match_with_their_prefix() {
        let err = parse("t.xml", "<a:x xmlns:a='n'>\n</b:x>", Dialect::Xml).unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(err.message.contains("</b:x>") && err.message.contains("<a:x>"), "{err}");
        let err = parse("t.xml", "<a></a></b>", Dialect::Xml).unwrap_err();
        assert!(err.message.contains("no opening tag"), "{err}");
    }

    #[test]
    fn html_void_elements_may_stay_open_but_not_in_xml() {
        let html = "<html><head><meta charset='utf-8'><br></head><body>&nbsp;</body></html>";
        let root = parse("t.hocr", html, Dialect::Html).unwrap();
        assert_eq!(root.child("body").map(Element::text), Some("\u{a0}".to_owned()));
        assert!(parse("t.xml", html, Dialect::Xml).is_err());
    }

    #[test]
    fn html_entities_are_known_only_to_html() {
        assert!(parse("t.xml", "<a>&rsquo;</a>", Dialect::Xml).is_err());
        let root = parse("t.hocr", "<a>&rsquo;</a>", Dialect::Html).unwrap();
        assert_eq!(root.text(), "\u{2019}");
    }

    #[test]
    fn a_second_root_and_an_empty_file_are_errors() {
        assert!(parse("t.xml", "<a/><b/>", Dialect::Xml).is_err());
        let err = parse("t.xml", "  ", Dialect::Xml).unwrap_err();
        assert!(err.message.contains("no XML element"), "{err}");
    }
}
