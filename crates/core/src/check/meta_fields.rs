//! `meta.toml`, field by field. TOML's own parser stops at the first problem; here every field
//! is looked at, so a curator sees an unknown name, a wrong type and an unreadable date in one
//! run, each at its own line and column.

use super::dates::{is_iso_date, is_readable_free_date};
use crate::diagnostic::{Diagnostic, Position};
use crate::meta::{FIELDS, Field, Kind, Meta, REQUIRED};
use crate::source;
use std::collections::BTreeMap;
use toml::{Spanned, Value};

type Table = BTreeMap<Spanned<String>, Spanned<Value>>;

/// Validates `meta.toml` and returns the metadata when it has no errors. `folder_name` is the
/// name the id must equal.
pub fn validate(
    path: &str,
    text: &str,
    folder_name: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Meta> {
    let table: Table = match toml::from_str(text) {
        Ok(table) => table,
        Err(e) => {
            let at = e.span().map_or(Position::START, |span| Position::of(text, span.start));
            problems.push(Diagnostic::error(
                path,
                at,
                format!("Invalid TOML: {}.", e.message().trim_end_matches('.')),
            ));
            return None;
        }
    };
    let before = problems.iter().filter(|p| p.is_error()).count();
    let at = |offset: usize| Position::of(text, offset);
    for (key, value) in &table {
        match Field::named(key.get_ref()).map(Field::info) {
            Some(info) => problems.extend(check_value(path, info.name, info.kind, value, at)),
            None => problems.push(Diagnostic::error(
                path,
                at(key.span().start),
                unknown_field(key.get_ref()),
            )),
        }
    }
    for name in REQUIRED.map(Field::name) {
        if !table.keys().any(|key| key.get_ref() == name) {
            let message = format!("The required field `{name}` is missing.");
            problems.push(Diagnostic::error(path, Position::START, message));
        }
    }
    if problems.iter().filter(|p| p.is_error()).count() > before {
        return None;
    }
    let meta = Meta::from_toml(path, text).map_err(|d| problems.push(d)).ok()?;
    if let Some(problem) = source::check_id(&meta, folder_name, path) {
        problems.push(problem);
        return None;
    }
    Some(meta)
}

/// The id as written, if the file parses far enough to have one.
pub fn written_id(text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(text).ok()?;
    table.get("id")?.as_str().map(str::to_owned)
}

fn check_value(
    path: &str,
    name: &str,
    kind: Kind,
    value: &Spanned<Value>,
    at: impl Fn(usize) -> Position,
) -> Option<Diagnostic> {
    let position = at(value.span().start);
    let message = match (kind, value.get_ref()) {
        (Kind::Text, Value::String(_)) => return None,
        (Kind::Fields, Value::Array(names)) => {
            return fields_problem(name, names).map(|m| Diagnostic::error(path, position, m));
        }
        (Kind::Runs, Value::Array(runs)) => {
            return runs_problem(runs).map(|m| Diagnostic::error(path, position, m));
        }
        (Kind::IsoDate, Value::String(date)) if is_iso_date(date) => return None,
        (Kind::IsoDate, Value::String(date)) => format!(
            "`{name}` is \"{date}\", which is not a date this tool can read; write it as \
             YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. \"1950-03-24\"."
        ),
        (Kind::FreeDate, Value::String(date)) if is_readable_free_date(date) => return None,
        (Kind::FreeDate, Value::String(date)) => format!(
            "`{name}` is \"{date}\", which names no year; write the date as the form gives it, \
             with its year, e.g. \"18 Sep - 23 Nov 1949\"."
        ),
        (Kind::Count, Value::Integer(n)) if *n > 0 && *n <= u32::MAX as i64 => return None,
        (Kind::Count, Value::Integer(n)) => {
            format!("`{name}` is {n}; it must be a positive whole number.")
        }
        (kind, other) => {
            format!("`{name}` must be {}, not {}.", expected(kind), describe(other))
        }
    };
    Some(Diagnostic::error(path, position, message))
}

/// `extracted` must name fields the program may read from the OCR.
fn fields_problem(name: &str, items: &[Value]) -> Option<String> {
    items.iter().find_map(|item| {
        let Value::String(item) = item else {
            return Some(format!("`{name}` must be a list of field names (strings)."));
        };
        match Field::named(item).map(Field::info) {
            Some(info) if info.extractable => None,
            Some(info) => Some(format!(
                "`{name}` lists `{}`, which no program reads from the OCR; remove it.",
                info.name
            )),
            None => Some(format!("`{name}` lists `{item}`: {}", did_you_mean(item))),
        }
    })
}

fn runs_problem(runs: &[Value]) -> Option<String> {
    runs.iter().find_map(|run| {
        let Value::Table(table) = run else {
            return Some("Each `alternate_ocr` entry must be a table with `file` and `provenance`.".into());
        };
        if let Some(key) = table.keys().find(|k| *k != "file" && *k != "provenance") {
            return Some(format!("`alternate_ocr` has an unknown key `{key}`; use `file` and `provenance`."));
        }
        match table.get("file") {
            Some(Value::String(file)) if is_plain_file_name(file) => None,
            Some(Value::String(file)) => Some(format!(
                "`alternate_ocr` file \"{file}\" must be a plain file name inside the document folder."
            )),
            _ => Some("Each `alternate_ocr` entry needs `file`, the name of a text file in the folder.".into()),
        }
    })
}

fn is_plain_file_name(file: &str) -> bool {
    !file.is_empty() && !file.contains(['/', '\\']) && file != "." && file != ".."
}

fn unknown_field(name: &str) -> String {
    format!("Unknown field `{name}`; {}", did_you_mean(name))
}

/// The nearest field name to a misspelt one, as the end of a sentence.
fn did_you_mean(name: &str) -> String {
    let nearest = FIELDS
        .iter()
        .map(|info| (crate::distance::char_distance(name, info.name), info.name))
        .min()
        .filter(|(distance, _)| *distance <= 3);
    match nearest {
        Some((_, known)) => format!("did you mean `{known}`?"),
        None => "see the fields listed in README.md.".to_owned(),
    }
}

fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Text | Kind::IsoDate | Kind::FreeDate => "a string",
        Kind::Count => "a whole number",
        Kind::Fields => "a list of field names",
        Kind::Runs => "a list of tables",
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "a number",
        Value::Float(_) => "a decimal number",
        Value::Boolean(_) => "true or false",
        Value::Datetime(_) => "a TOML date (put it in quotes)",
        Value::Array(_) => "a list",
        Value::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests;
