//! One page's lines, sorted into what the form reader needs: labels with their values, text that
//! may be a value, and lines to step over (blank lines, furniture, specks, form headings).
//!
//! A line is a label line when a label starts it, after at most two specks (`4 SUBJECTS :`,
//! `a COUNTRY`). The values on it run up to the next right-hand-column label (`SUBJECT ...
//! DATE DISTR. ...`) or to a lone `;` or `|`, which OCR leaves between columns.
//!
//! Body text can start with a label word (`Subject advised that ...`, `(SOURCE COMMENT. ...`),
//! so a label line counts only when its label is *confident* (in capitals, or followed by `:` or
//! `;`) and it either has that separator or stands within three lines of another strong label:
//! forms are dense, prose is not. A label in lower case without a separator (`sugject)`) counts
//! only right beside a confident strong one.

use super::labels::{Found, NARA_LAST, Place, label_at};
use crate::furniture::words::{Token, is_garbage, key, tokens};
use crate::furniture::{self, FurnitureKind};

/// One label and the raw text of its value on the same line (empty when the value is elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    pub found: Found,
    pub value: String,
    pub confident: bool,
    pub separated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    Blank,
    /// Furniture, specks and form headings: neither labels nor values.
    Skip,
    Labels(Vec<Field>),
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub kind: Kind,
    pub furniture: Option<FurnitureKind>,
}

/// Keys of the headings of the NARA identification form, whose labels are read only on a page
/// that has them.
const NARA_HEADINGS: [&str; 2] = ["IDENTIFICATIONFORM", "ASSASSINATIONSYSTEM"];

/// Keys of the other headings printed on the forms, which are neither labels nor values.
const HEADINGS: [&str; 8] = [
    "INTELLIGENCEAGENCY",
    "UNEVALUATED",
    "WHENFILLEDIN",
    "FOREIGNDOCUMENTS",
    "RADIOBROADCASTS",
    "SOURCEGRADINGS",
    "SOURCEEVALUATIONS",
    "DISSEMINATIONCONTROLS",
];

/// The lines of `page`, classified.
pub(crate) fn read_page(page: &str) -> Vec<Line<'_>> {
    let furniture = furniture::detect(page);
    let letters = key(page);
    let mut nara = NARA_HEADINGS.iter().any(|h| letters.contains(h));
    let mut lines: Vec<Line<'_>> = furniture::lines(page)
        .into_iter()
        .map(|(start, end)| {
            let text = &page[start..end];
            let furniture = furniture.iter().find(|f| f.start == start).map(|f| f.kind);
            let kind = classify(text, furniture.is_some(), nara);
            if nara && ends_nara_form(&kind) {
                nara = false;
            }
            Line { text, kind, furniture }
        })
        .collect();
    demote_lone_labels(&mut lines);
    lines
}

fn classify(text: &str, is_furniture: bool, nara: bool) -> Kind {
    if text.trim().is_empty() {
        return Kind::Blank;
    }
    if is_furniture || is_garbage(text) {
        return Kind::Skip;
    }
    let fields = fields(text, nara);
    if !fields.is_empty() {
        return Kind::Labels(fields);
    }
    let letters = key(text);
    // `INFORMATION REPORT` heads a form, but `CIA Information Report` is a title.
    let heading = letters == "REPORT" || letters.starts_with("INFORMATIONREPORT");
    let printed = HEADINGS.iter().chain(&NARA_HEADINGS).any(|h| letters.contains(h));
    if heading || printed { Kind::Skip } else { Kind::Text }
}

fn ends_nara_form(kind: &Kind) -> bool {
    matches!(kind, Kind::Labels(fields) if fields.iter().any(|f| f.found.label.letters == NARA_LAST))
}

/// The labels of a line and their values, or nothing when no label starts the line.
pub(crate) fn fields(text: &str, nara: bool) -> Vec<Field> {
    let tokens = tokens(text);
    let keys: Vec<String> = tokens.iter().map(Token::key).collect();
    let Some(mut found) = leading_label(&tokens, &keys, nara) else { return Vec::new() };
    let mut out = Vec::new();
    loop {
        let (value_end, next) = value_extent(&tokens, &keys, found.end, nara);
        let value =
            match (tokens.get(found.end), value_end.checked_sub(1).and_then(|i| tokens.get(i))) {
                (Some(first), Some(last)) if value_end > found.end => &text[first.start..last.end],
                _ => "",
            };
        let separated = is_separated(text, &tokens, found);
        let confident = separated || is_upper(&tokens[found.first..found.end]);
        out.push(Field { found, value: value.to_owned(), confident, separated });
        match next {
            Some(label) => found = label,
            None => return out,
        }
    }
}

/// The label at the start of the line, after punctuation and at most two specks: tokens of up
/// to two letters, or three when not all in capitals (`sat`, `Bi}]`), as OCR reads a margin.
fn leading_label(tokens: &[Token<'_>], keys: &[String], nara: bool) -> Option<Found> {
    let mut specks = 0;
    for (i, (token, key)) in tokens.iter().zip(keys).enumerate() {
        if key.is_empty() {
            continue;
        }
        let only_marks_before = keys[..i].iter().all(String::is_empty);
        if let Some(found) = label_at(keys, i, true, nara)
            && (found.label.place != Place::Alone || only_marks_before)
        {
            return Some(found);
        }
        let capitals = !token.text.bytes().any(|b| b.is_ascii_lowercase());
        let longest = if capitals { 2 } else { 3 };
        specks += 1;
        if specks > 2 || key.len() > longest {
            return None;
        }
    }
    None
}

/// Where the value after `tokens[..start]` ends, and the right-hand-column label that ends it.
fn value_extent(
    tokens: &[Token<'_>],
    keys: &[String],
    start: usize,
    nara: bool,
) -> (usize, Option<Found>) {
    let mut end = None;
    for i in start..tokens.len() {
        // A `;` or `|` before any of the value separates it from its label, not from the next.
        let value_begun = keys[start..i].iter().any(|k| !k.is_empty());
        if end.is_none() && value_begun && matches!(tokens[i].text, ";" | "|") {
            end = Some(i);
        }
        let found =
            label_at(keys, i, false, nara).filter(|f| starts_upper(&tokens[f.first..f.end]));
        if let Some(found) = found {
            return (end.unwrap_or(i), Some(found));
        }
    }
    (end.unwrap_or(tokens.len()), None)
}

fn is_upper(tokens: &[Token<'_>]) -> bool {
    tokens.iter().all(|t| !t.text.bytes().any(|b| b.is_ascii_lowercase()))
}

fn starts_upper(tokens: &[Token<'_>]) -> bool {
    tokens
        .iter()
        .any(|t| t.text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
}

/// Whether a `:` or `;` stands between the label's last letter and the value.
fn is_separated(text: &str, tokens: &[Token<'_>], found: Found) -> bool {
    let Some(last) = found.end.checked_sub(1).and_then(|i| tokens.get(i)) else { return false };
    let letters_end = last
        .text
        .rfind(|c: char| c.is_ascii_alphanumeric())
        .map_or(last.start, |i| last.start + i + 1);
    text[letters_end..].chars().take_while(|c| !c.is_alphanumeric()).any(|c| c == ':' || c == ';')
}

/// Turns label lines that are not in a form back into text (see the module comment). Confident
/// labels are judged first, by each other; the others only by confident ones that stood.
fn demote_lone_labels(lines: &mut [Line<'_>]) {
    let content: Vec<usize> =
        (0..lines.len()).filter(|&i| !matches!(lines[i].kind, Kind::Blank | Kind::Skip)).collect();
    let first = |i: usize| match &lines[i].kind {
        Kind::Labels(fields) => fields.first().cloned(),
        _ => None,
    };
    let near = |n: usize, reach: usize, anchor: &dyn Fn(usize) -> bool| {
        let window = &content[n.saturating_sub(reach)..(n + reach + 1).min(content.len())];
        window.iter().any(|&j| j != content[n] && anchor(j))
    };
    let strong = |i: usize| first(i).is_some_and(|f| f.confident && f.found.is_strong());
    let stands: Vec<bool> = (0..content.len())
        .map(|n| {
            first(content[n]).is_some_and(|f| f.confident && (f.separated || near(n, 3, &strong)))
        })
        .collect();
    let stood =
        |i: usize| content.iter().position(|&j| j == i).is_some_and(|n| stands[n]) && strong(i);
    let keep: Vec<bool> = (0..content.len())
        .map(|n| match first(content[n]) {
            Some(f) if f.confident => stands[n],
            Some(_) => near(n, 2, &stood),
            None => true,
        })
        .collect();
    for (&i, keep) in content.iter().zip(keep) {
        if !keep {
            lines[i].kind = Kind::Text;
        }
    }
}
