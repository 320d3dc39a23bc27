//! Chicago style, notes and bibliography (The Chicago Manual of Style, 17th edition): the
//! note a reader puts at the foot of a page and the entry for the bibliography. An archival
//! report has no author, so the issuing agency stands first; the title is quoted; the number,
//! the country, the dates, the release, the pages, the collection, the date accessed and the
//! URL follow, separated by commas in the note and full stops in the bibliography. Plain text
//! has nothing to escape; the values are single lines already (see [`super::clean`]).

use super::Record;
use crate::meta::Field;

/// The note: `Agency, “Title,” no. N, Country, date …, pages, Collection, accessed D, URL.`
pub fn note(record: &Record) -> String {
    let mut parts = Vec::new();
    parts.extend(record.get(Field::Agency));
    let rest = elements(record, false);
    parts.push(quoted(&record.title(), if rest.is_empty() { "." } else { "," }));
    let mut text = parts.join(", ");
    if !rest.is_empty() {
        text.push(' ');
        text.push_str(&rest.join(", "));
        text.push('.');
    }
    closing(text, record)
}

/// The bibliography entry: `Agency. “Title.” No. N. Country. Date …. Pages …. Collection.
/// Accessed D. URL.`
pub fn bibliography(record: &Record) -> String {
    let mut parts = Vec::new();
    parts.extend(record.get(Field::Agency).map(|agency| period(&agency)));
    parts.push(quoted(&record.title(), "."));
    parts.extend(elements(record, true).iter().map(|element| period(element)));
    closing(parts.join(" "), record)
}

/// What follows the title, in order, each as a phrase (starting with a capital in the
/// bibliography, where each is a sentence of its own; names and the URL as they are).
fn elements(record: &Record, bibliography: bool) -> Vec<String> {
    let phrase = |text: String| if bibliography { capitalized(&text) } else { text };
    let mut out = Vec::new();
    out.extend(record.get(Field::DocumentNumber).map(|number| phrase(format!("no. {number}"))));
    out.extend(record.get(Field::Country));
    for (field, date) in record.dates() {
        out.push(phrase(format!("{} {date}", field.label().to_lowercase())));
    }
    let release = record.get(Field::ReleaseDate);
    out.extend(release.map(|date| phrase(format!("release date {date}"))));
    if let Some(pages) = record.context.pages {
        let dash = "\u{2013}";
        out.push(match (bibliography, pages.is_single()) {
            (false, _) => pages.joined(dash),
            (true, true) => format!("Page {}", pages.first),
            (true, false) => format!("Pages {}", pages.joined(dash)),
        });
    }
    out.extend(record.get(Field::Collection));
    out.extend(record.accessed().map(|date| phrase(format!("accessed {date}"))));
    out.extend(record.url());
    out
}

/// The title in curly quotes, with the punctuation that follows it inside them (unless the
/// title ends in its own).
fn quoted(title: &str, punctuation: &str) -> String {
    if title.ends_with(['.', '?', '!']) {
        format!("\u{201c}{title}\u{201d}")
    } else {
        format!("\u{201c}{title}{punctuation}\u{201d}")
    }
}

fn period(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) { text.to_owned() } else { format!("{text}.") }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The citation, then the sentence naming what is from the OCR.
fn closing(text: String, record: &Record) -> String {
    match record.unchecked() {
        Some(unchecked) => format!("{text} {unchecked}"),
        None => text,
    }
}
