//! RIS: one record of `TAG  - value` lines, `TY` first and `ER` last, as reference managers
//! import it (the tags as Zotero maps a report: `PB` the institution, `SN` the report number,
//! `DB` the archive, `Y2` the date accessed). A value is one line: [`super::clean`] has made
//! every line break a space, so no value can start a tag of its own. Dates are `YYYY/MM/DD/`,
//! RIS's form; the dates as the record states them are in the note (`N1`). Lines end in CR LF,
//! as the format's specification has them.

use super::{Record, date_parts};
use crate::meta::Field;

pub fn record(record: &Record) -> String {
    let mut lines: Vec<(&str, String)> = vec![("TY", "RPRT".to_owned()), ("TI", record.title())];
    let mut tag = |tag: &'static str, value: Option<String>| {
        if let Some(value) = value {
            lines.push((tag, value));
        }
    };
    tag("PB", record.get(Field::Agency));
    tag("M3", Some("Report".to_owned()));
    tag("SN", record.get(Field::DocumentNumber));
    tag("PY", record.year().map(|year| year.to_string()));
    tag("DA", record.iso_date().map(|date| ris_date(&date)));
    if let Some(pages) = record.context.pages {
        tag("SP", Some(pages.first.to_string()));
        tag("EP", (!pages.is_single()).then(|| pages.last.to_string()));
    }
    tag("DB", record.get(Field::Collection));
    tag("UR", record.url());
    tag("Y2", record.accessed().map(ris_date));
    tag("N1", Some(record.facts()).filter(|facts| !facts.is_empty()));
    lines.push(("ER", String::new()));
    lines.iter().map(|(tag, value)| format!("{tag}  - {value}\r\n")).collect()
}

/// An ISO date as RIS writes one: `1950/03/24/`, `1950/03//`, `1950///`.
fn ris_date(date: &str) -> String {
    let parts = date_parts(date);
    let part = |i: usize| parts.get(i).map_or(String::new(), |n| format!("{n:02}"));
    format!("{}/{}/{}/", part(0), part(1), part(2))
}
