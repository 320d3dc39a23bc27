//! The query mix, drawn from the collection itself so that every size gets comparable queries:
//! exact words across the frequency range, phrases cut from the corrected text, OCR-style
//! misspellings of frequent words (fuzzy), words with a country or year-range filter, and
//! nonsense words that match nothing (misses). Each query also has its Pagefind form.

use super::collections::Collection;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

/// Queries of each kind, and how many of them also run cold in the browser.
pub const PER_KIND: usize = 10;
pub const COLD_PER_KIND: usize = 3;
/// Documents read to draw the queries from.
const SAMPLE: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Exact,
    Phrase,
    Fuzzy,
    Filter,
    Miss,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Exact, Kind::Phrase, Kind::Fuzzy, Kind::Filter, Kind::Miss];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::Phrase => "phrase",
            Kind::Fuzzy => "fuzzy",
            Kind::Filter => "filter",
            Kind::Miss => "miss",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Query {
    pub kind: Kind,
    /// In Reading Room's query language.
    pub text: String,
    /// Pagefind's search term and filters.
    pub pagefind: (String, Value),
    pub cold: bool,
}

/// What the sample of documents holds.
#[derive(Default)]
struct Sample {
    /// Documents each word is in.
    df: BTreeMap<String, usize>,
    /// Each sampled document's words, in order.
    texts: Vec<Vec<String>>,
    countries: BTreeMap<String, usize>,
    years: Vec<u16>,
}

pub fn mix(collection: &Collection) -> anyhow::Result<Vec<Query>> {
    let sample = read_sample(collection)?;
    let mut ranked: Vec<(&String, &usize)> = sample.df.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let words = |min_len: usize| -> Vec<String> {
        ranked.iter().filter(|(w, _)| w.len() >= min_len).map(|(w, _)| (*w).clone()).collect()
    };
    let long = words(5);
    let exact = spread(&long, 5, 3000, PER_KIND);
    let mut queries: Vec<(Kind, String, String, Value)> = Vec::new();
    for word in &exact {
        queries.push((Kind::Exact, word.clone(), word.clone(), json!({})));
    }
    for phrase in phrases(&sample.texts) {
        let quoted = format!("\"{phrase}\"");
        queries.push((Kind::Phrase, quoted.clone(), quoted, json!({})));
    }
    let fuzzy_bases: Vec<String> =
        words(6).into_iter().filter(|w| !exact.contains(w)).collect::<Vec<_>>();
    let mut fuzzy = Vec::new();
    for (i, base) in spread(&fuzzy_bases, 10, 1500, PER_KIND * 3).iter().enumerate() {
        if fuzzy.len() == PER_KIND {
            break;
        }
        match misspell(base, i) {
            Some(wrong) if !sample.df.contains_key(&wrong) => fuzzy.push(wrong),
            _ => {}
        }
    }
    for wrong in fuzzy {
        queries.push((Kind::Fuzzy, wrong.clone(), wrong, json!({})));
    }
    let mut countries: Vec<(&String, &usize)> = sample.countries.iter().collect();
    countries.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let frequent = spread(&long, 3, 200, PER_KIND);
    for (i, word) in frequent.iter().enumerate() {
        let query = if i % 2 == 0 && !countries.is_empty() {
            let country = countries[(i / 2) % countries.len()].0.replace('"', "");
            (format!("{word} country:\"{country}\""), json!({ "country": country }))
        } else if !sample.years.is_empty() {
            let from = sample.years[(i * 7) % sample.years.len()];
            let years: Vec<String> = (from..=from + 5).map(|y| y.to_string()).collect();
            (format!("{word} year:{from}..{}", from + 5), json!({ "year": { "any": years } }))
        } else {
            continue;
        };
        queries.push((Kind::Filter, query.0, word.clone(), query.1));
    }
    for word in nonsense(&sample.df) {
        queries.push((Kind::Miss, word.clone(), word, json!({})));
    }
    let mut seen: BTreeMap<Kind, usize> = BTreeMap::new();
    Ok(queries
        .into_iter()
        .map(|(kind, text, q, filters)| {
            let n = seen.entry(kind).or_default();
            *n += 1;
            Query { kind, text, pagefind: (q, filters), cold: *n <= COLD_PER_KIND }
        })
        .collect())
}

fn read_sample(collection: &Collection) -> anyhow::Result<Sample> {
    let mut folders: Vec<PathBuf> = fs::read_dir(&collection.documents)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("meta.toml").is_file())
        .collect();
    folders.sort();
    let step = folders.len().div_ceil(SAMPLE).max(1);
    let mut sample = Sample::default();
    for folder in folders.iter().step_by(step) {
        let text = fs::read_to_string(folder.join("corrected.md"))
            .or_else(|_| fs::read_to_string(folder.join("ocr.txt")))?;
        let body: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with(['#', '-', '*', '<', '|']) && !l.trim().is_empty())
            .collect();
        let words = tokens(&body.join("\n"));
        let mut distinct = words.clone();
        distinct.sort();
        distinct.dedup();
        for word in distinct {
            *sample.df.entry(word).or_default() += 1;
        }
        sample.texts.push(words);
        let meta = fs::read_to_string(folder.join("meta.toml"))?;
        if let Some(country) = field(&meta, "country") {
            *sample.countries.entry(country).or_default() += 1;
        }
        let year = ["date_of_information", "date_published", "date_distributed"]
            .iter()
            .filter_map(|f| field(&meta, f))
            .find_map(|date| first_year(&date));
        sample.years.extend(year);
    }
    Ok(sample)
}

/// Lower-case words of letters only, at least 3 long.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// `key = "value"` in meta.toml.
fn field(meta: &str, key: &str) -> Option<String> {
    meta.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches(['"', '\'']).to_owned())
    })
}

fn first_year(text: &str) -> Option<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<u16>().ok())
        .find(|y| (1800..2100).contains(y))
}

/// `n` items of `list` from rank `from` to rank `to`, spaced evenly on a log scale, so that
/// frequent and rare words both appear.
fn spread(list: &[String], from: usize, to: usize, n: usize) -> Vec<String> {
    let last = to.min(list.len().saturating_sub(1));
    let first = from.min(last);
    let mut out: Vec<String> = Vec::new();
    for i in 0..n {
        let t = if n > 1 { i as f64 / (n - 1) as f64 } else { 0.0 };
        let rank =
            (first.max(1) as f64 * (last.max(1) as f64 / first.max(1) as f64).powf(t)) as usize;
        let mut rank = rank.min(last);
        while rank < list.len() && out.contains(&list[rank]) {
            rank += 1;
        }
        if let Some(word) = list.get(rank) {
            out.push(word.clone());
        }
    }
    out
}

/// Two-word phrases from the middle of sampled documents.
fn phrases(texts: &[Vec<String>]) -> Vec<String> {
    let mut out = Vec::new();
    let step = texts.len().div_ceil(PER_KIND).max(1);
    for words in texts.iter().step_by(step).chain(texts.iter()) {
        if out.len() == PER_KIND {
            break;
        }
        let pair = (words.len() / 2..words.len().saturating_sub(1))
            .map(|i| (&words[i], &words[i + 1]))
            .find(|(a, b)| a.len() >= 4 && b.len() >= 4)
            .map(|(a, b)| format!("{a} {b}"));
        if let Some(pair) = pair.filter(|p| !out.contains(p)) {
            out.push(pair);
        }
    }
    out
}

/// OCR's typical misreadings, tried in turn from rule `i`, after the first letter.
const MISREADINGS: [(&str, &str); 10] = [
    ("m", "rn"),
    ("rn", "m"),
    ("e", "c"),
    ("h", "b"),
    ("l", "i"),
    ("c", "e"),
    ("u", "n"),
    ("n", "u"),
    ("i", "l"),
    ("a", "o"),
];

fn misspell(word: &str, i: usize) -> Option<String> {
    (0..MISREADINGS.len()).find_map(|k| {
        let (from, to) = MISREADINGS[(i + k) % MISREADINGS.len()];
        let at = word.get(1..)?.find(from)? + 1;
        Some(format!("{}{to}{}", &word[..at], &word[at + from.len()..]))
    })
}

/// Words of consonants that no collection holds.
fn nonsense(df: &BTreeMap<String, usize>) -> Vec<String> {
    const LETTERS: &[u8] = b"bcdfghjklmnpqrstvwxz";
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut out = Vec::new();
    while out.len() < PER_KIND {
        let word: String = (0..8)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                LETTERS[((state >> 33) % LETTERS.len() as u64) as usize] as char
            })
            .collect();
        if !df.contains_key(&word) {
            out.push(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_look_like_ocr() {
        assert_eq!(misspell("government", 0).as_deref(), Some("governrnent"));
        assert_eq!(misspell("western", 1).as_deref(), Some("westem"));
        assert_eq!(misspell("x", 0), None);
    }

    #[test]
    fn spread_covers_the_range_without_repeats() {
        let list: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let picked = spread(&list, 5, 90, 5);
        assert_eq!(picked.len(), 5);
        assert_eq!(picked[0], "w5");
        assert_eq!(picked[4], "w90");
    }
}
