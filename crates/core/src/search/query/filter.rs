//! Filters: `field:value`, the value already read (quoted or not) by the lexer.

use super::{Filter, Layer, QueryError};
use crate::quality::Band;

/// The filter names, each with an example for error messages.
pub(super) const FIELDS: [(&str, &str); 7] = [
    ("country", "country:USSR"),
    ("subject", "subject:aircraft"),
    ("collection", "collection:CIA"),
    ("year", "year:1949"),
    ("has", "has:corrected"),
    ("layer", "layer:ocr"),
    ("quality", "quality:good"),
];

/// A filter from its field name and value. `at` holds the columns of the item
/// (its first hyphen), of the field name and of the value.
pub(super) fn filter(
    name: &str,
    value: String,
    excluded: bool,
    at: (usize, usize, usize),
) -> Result<Filter, QueryError> {
    let (start, name_at, value_at) = at;
    let field = name.to_ascii_lowercase();
    if !FIELDS.iter().any(|(known, _)| *known == field) {
        return Err(QueryError::at(name_at, unknown_field(name, &value)));
    }
    if value.trim().is_empty() {
        let example = FIELDS.iter().find(|(known, _)| *known == field).map_or("", |(_, e)| e);
        let message = format!("`{name}:` needs a value after the colon, as in `{example}`");
        return Err(QueryError::at(name_at, message));
    }
    if excluded && field != "has" {
        let message = format!("only `has:` can be excluded; remove the `-` before `{name}:`");
        return Err(QueryError::at(start, message));
    }
    let refuse = |what: &str| QueryError::at(value_at, format!("`{field}:` {what}, not `{value}`"));
    Ok(match field.as_str() {
        "country" => Filter::Country(value),
        "subject" => Filter::Subject(value),
        "collection" => Filter::Collection(value),
        "year" => {
            let (from, to) = value.split_once("..").unwrap_or((&value, &value));
            let (Some(from), Some(to)) = (year(from), year(to)) else {
                return Err(refuse("takes a year like 1949 or a range like 1949..1951"));
            };
            if from > to {
                let message =
                    format!("the range `{from}..{to}` runs backwards; write `{to}..{from}`");
                return Err(QueryError::at(value_at, message));
            }
            Filter::Year(from, to)
        }
        "has" if value.eq_ignore_ascii_case("corrected") => Filter::HasCorrected(!excluded),
        "has" => return Err(refuse("accepts only `corrected`")),
        "quality" => match Band::from_name(&value) {
            Some(band) => Filter::Quality(band),
            None => return Err(refuse("accepts `good` (CER under 2 %), `fair` or `poor`")),
        },
        _ if value.eq_ignore_ascii_case("ocr") => Filter::Layer(Layer::Ocr),
        _ if value.eq_ignore_ascii_case("corrected") => Filter::Layer(Layer::Corrected),
        _ => return Err(refuse("accepts `ocr` or `corrected`")),
    })
}

fn year(text: &str) -> Option<u16> {
    let digits = (1..=4).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten()
}

fn unknown_field(name: &str, value: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let tolerance = if lower.chars().count() <= 2 { 1 } else { 2 };
    let nearest = FIELDS
        .iter()
        .map(|(known, _)| (distance(&lower, known), *known))
        .min()
        .filter(|(distance, _)| *distance <= tolerance);
    match nearest {
        Some((_, known)) => format!("unknown filter `{name}`; did you mean `{known}`?"),
        None => format!(
            "unknown filter `{name}`; the filters are {} (to search for the text itself, quote \
             it: \"{name}:{value}\")",
            field_list()
        ),
    }
}

/// Every filter name, as a sentence lists them: `a, b and c`.
fn field_list() -> String {
    let names: Vec<&str> = FIELDS.iter().map(|(name, _)| *name).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, before)) => format!("{} and {last}", before.join(", ")),
        None => String::new(),
    }
}

/// Edit distance between short names, counting a swap of neighbours (`yaer`) as one edit.
pub(super) fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = substitution.min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}
