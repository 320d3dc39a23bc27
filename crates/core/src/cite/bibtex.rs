//! BibTeX: one `@techreport` entry, which BibTeX and biblatex both know (biblatex reads it as a
//! `report`). The agency is the `institution`, the document number the `number`; `date` (ISO,
//! for biblatex) and `year` (for BibTeX) give the document's date; `url` and `urldate` the view
//! and the day it was read; `note` the facts with no field of their own and which values are
//! from the OCR. The key is the document's id, a lowercase slug that needs no escaping.
//!
//! Values are escaped for TeX: `\ { } $ & % # _ ^ ~` each become the command or the escaped
//! character that prints them, so a value's braces always balance and nothing in it can run
//! TeX. The title is wrapped in a second pair of braces so that styles keep its capitals.
//! The URL is a verbatim field; characters it cannot hold are percent-encoded instead.

use super::Record;
use crate::meta::Field;

pub fn entry(record: &Record) -> String {
    let mut fields: Vec<(&str, String)> =
        vec![("title", format!("{{{}}}", escape(&record.title())))];
    let mut text = |name: &'static str, value: Option<String>| {
        if let Some(value) = value {
            fields.push((name, escape(&value)));
        }
    };
    text("institution", record.get(Field::Agency));
    text("type", Some("Report".to_owned()));
    text("number", record.get(Field::DocumentNumber));
    text("date", record.iso_date());
    text("year", record.year().map(|year| year.to_string()));
    text("pages", record.context.pages.map(|pages| pages.joined("--")));
    let url = record.url().map(|url| verbatim_url(&url));
    let accessed = record.accessed().map(str::to_owned);
    fields.extend(url.map(|url| ("url", url)));
    fields.extend(accessed.map(|date| ("urldate", date)));
    let facts = record.facts();
    if !facts.is_empty() {
        fields.push(("note", escape(&facts)));
    }
    let body: Vec<String> =
        fields.iter().map(|(name, value)| format!("  {name} = {{{value}}}")).collect();
    format!("@techreport{{{},\n{}\n}}\n", key(&record.meta.id), body.join(",\n"))
}

/// The entry's key: the id, whose characters BibTeX accepts in a key; any other becomes `-`.
fn key(id: &str) -> String {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.');
    id.chars().map(|c| if allowed(c) { c } else { '-' }).collect()
}

/// A value as TeX prints it.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '$' | '&' | '%' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            c => out.push(c),
        }
    }
    out
}

/// A URL for the verbatim `url` field: braces, backslashes and spaces percent-encoded (the
/// only characters that could end the field or that a URL may not hold as they are).
fn verbatim_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}
