//! The search query language: what a reader types into the search box, parsed into a [`Query`].
//!
//! ```text
//! query   = item*                              items are separated by whitespace
//! item    = expr ("OR" expr)*                  one expr: Clause::Must; more: Clause::Any
//!         | "-"+ expr                          Clause::Not
//!         | "-"* field ":" (value | quoted)    a Filter (only has: may carry the "-")
//! expr    = word | word "*" | quoted           Term, Prefix, Phrase
//! ```
//!
//! Every clause must match and every filter restricts; the engine normalizes the raw text kept
//! here. Decisions, as a reader meets them:
//! - A `"` always opens or closes a phrase, even inside a word: `foo"bar baz"` is `foo` and
//!   `"bar baz"`. There is no escape, so phrases and words never hold a `"`. An unclosed quote
//!   is an error at that quote; a phrase of nothing but spaces (`""`) is an error too, since
//!   it can only be a slip.
//! - `OR` in capitals between two exprs joins them (`a OR b OR "c d"` is one `Any`); `or` is a
//!   word. `OR` first, last or doubled is an error, and so is `OR` beside an excluded expr or a
//!   filter (an `Any` holds only exprs). `-OR` excludes the word "OR".
//! - Leading hyphens exclude (`-soviet`, `--soviet`, `-"five year plan"`); hyphens inside or
//!   at the end of a word are part of it (`Alma-Ata`). Hyphens standing alone (`Alma - Ata`,
//!   `--`) are punctuation pasted from text and are ignored rather than refused.
//! - `*` only ends a word: `commun*` is a prefix. A lone `*`, `*foo` or `a*b` is an error
//!   rather than a silent literal, since the reader means a wildcard the engine does not offer.
//! - `field:value` is a filter when the part before the first colon is letters and a value
//!   follows (`country:"South Vietnam"` quotes one with spaces). Field names ignore case, as do
//!   the values of `has:`, `layer:` and `quality:` (`good`, `fair`, `poor`); other values stay
//!   raw. An unknown field is an error,
//!   with a suggestion when one is close (`contry` → `country`) and otherwise the list and a
//!   hint to quote the text. `10:30` and `re:` (digits before the colon, or no value after an
//!   unknown name) are plain words; a known field with no value (`year:`) is an error.
//! - `year:1949` is `Year(1949, 1949)`; `year:1949..1951` an inclusive range (1 to 4 digits per
//!   end; a backwards range is an error). `has:corrected` is `HasCorrected(true)` and
//!   `-has:corrected` `HasCorrected(false)`; no other filter can be excluded. Filters may repeat;
//!   the engine reads repeats of one field as alternatives (`country:USSR country:Cuba` is
//!   either, as ticking two facet boxes means), and the last `layer:` or `has:` wins.
//! - A query of only exclusions (`-foo`) or only filters (`country:USSR`) parses; the engine
//!   decides what it lists. An empty query parses to [`Query::is_empty`].
//! - Limits protect the engine: at most [`MAX_CHARS`] characters and [`MAX_EXPRS`] exprs in all
//!   (each side of an `OR` and each exclusion counts, so it also bounds the clauses).
//! - The first problem in reading order is reported, with a 0-based char column for placing a
//!   caret ([`QueryError`]'s `Display` counts from 1, like every diagnostic); parsing never
//!   panics. [`Query`]'s `Display` is canonical and parses back to the same query.

mod display;
mod filter;

use filter::{FIELDS, filter};
use std::fmt;
use std::iter::Peekable;

/// The longest query accepted, in characters.
pub const MAX_CHARS: usize = 1000;
/// The most exprs (terms, phrases and prefixes, excluded or not) a query may hold.
pub const MAX_EXPRS: usize = 32;

/// A parsed query. Semantics: every clause must match (AND); filters restrict documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    pub filters: Vec<Filter>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A term or a phrase or a prefix that must match.
    Must(Expr),
    /// `-term` / `-"phrase"`: documents containing it are excluded.
    Not(Expr),
    /// `a OR b OR "c d"`: at least one must match.
    Any(Vec<Expr>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A bare word as the user typed it (raw, not normalized: the engine normalizes).
    Term(String),
    /// `"exact phrase"`: raw text between the quotes.
    Phrase(String),
    /// `prefix*`: raw text before the star.
    Prefix(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Country(String),
    Subject(String),
    Collection(String),
    /// `year:1949` is `(1949, 1949)`; `year:1949..1951` an inclusive range.
    Year(u16, u16),
    /// `has:corrected` is `true`, `-has:corrected` is `false`.
    HasCorrected(bool),
    /// `layer:ocr` or `layer:corrected`.
    Layer(Layer),
    /// `quality:good`, `fair` or `poor`: the band of the document's character error rate
    /// against its correction (see [`crate::quality::Band`]).
    Quality(crate::quality::Band),
}

/// A document's text layers: the OCR and the curator's correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Ocr,
    Corrected,
}

/// Why a query could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub message: String,
    /// char column (0-based) into the query where the problem is
    pub column: usize,
}

impl QueryError {
    fn at(column: usize, message: impl Into<String>) -> Self {
        QueryError { message: message.into(), column }
    }
}

/// Counts columns from 1, like every [`crate::diagnostic::Diagnostic`]: `column 1` is the first
/// character, while the `column` field counts from 0 for placing a caret.
impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column + 1, self.message)
    }
}

impl std::error::Error for QueryError {}

impl Query {
    /// No clauses and no filters: the reader has not asked for anything yet.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.filters.is_empty()
    }

    /// The exprs the query searches for (for highlighting and "also matched"), in order; the
    /// excluded ones are left out.
    pub fn positive_exprs(&self) -> Vec<&Expr> {
        let mut exprs = Vec::new();
        for clause in &self.clauses {
            match clause {
                Clause::Must(expr) => exprs.push(expr),
                Clause::Any(any) => exprs.extend(any),
                Clause::Not(_) => {}
            }
        }
        exprs
    }
}

const OR_BEFORE: &str = "`OR` needs a word, phrase or prefix before it";
const OR_AFTER: &str = "`OR` needs a word, phrase or prefix after it";
const OR_TWICE: &str = "two `OR`s in a row; remove one";
const OR_EXCLUDED: &str = "`OR` cannot join an excluded word; remove the `-` or the `OR`";
const OR_FILTER: &str = "`OR` joins words, phrases and prefixes, not filters";

/// Reads a query. See the module documentation for the grammar.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    if input.chars().nth(MAX_CHARS).is_some() {
        let message = format!("the query is longer than {MAX_CHARS} characters; shorten it");
        return Err(QueryError::at(MAX_CHARS, message));
    }
    let chars: Vec<char> = input.chars().collect();
    let mut items = Lexer { chars: &chars, at: 0 }.peekable();
    let mut query = Query { clauses: Vec::new(), filters: Vec::new() };
    let mut exprs = 0;
    while let Some(item) = items.next() {
        let (item, at) = item?;
        let before_or = matches!(items.peek(), Some(Ok((Item::Or, _))));
        match item {
            Item::Or => return Err(QueryError::at(at, OR_BEFORE)),
            Item::Filter(_) if before_or => return Err(QueryError::at(at, OR_FILTER)),
            Item::Not(_) if before_or => return Err(QueryError::at(at, OR_EXCLUDED)),
            Item::Filter(filter) => query.filters.push(filter),
            Item::Not(expr) => {
                count(&mut exprs, at)?;
                query.clauses.push(Clause::Not(expr));
            }
            Item::Must(expr) => {
                count(&mut exprs, at)?;
                query.clauses.push(any_chain(expr, &mut items, &mut exprs)?);
            }
        }
    }
    Ok(query)
}

/// `first OR b OR c ...`: the exprs an `OR` chain joins, or `first` alone.
fn any_chain(
    first: Expr,
    items: &mut Peekable<Lexer>,
    exprs: &mut usize,
) -> Result<Clause, QueryError> {
    let mut any = vec![first];
    while let Some(or) = items.next_if(|item| matches!(item, Ok((Item::Or, _)))) {
        let or_at = or.map_or(0, |(_, at)| at);
        match items.next().transpose()? {
            None => return Err(QueryError::at(or_at, OR_AFTER)),
            Some((Item::Must(expr), at)) => {
                count(exprs, at)?;
                any.push(expr);
            }
            Some((Item::Or, at)) => return Err(QueryError::at(at, OR_TWICE)),
            Some((Item::Not(_), at)) => return Err(QueryError::at(at, OR_EXCLUDED)),
            Some((Item::Filter(_), at)) => return Err(QueryError::at(at, OR_FILTER)),
        }
    }
    Ok(if any.len() == 1 { Clause::Must(any.remove(0)) } else { Clause::Any(any) })
}

fn count(exprs: &mut usize, at: usize) -> Result<(), QueryError> {
    *exprs += 1;
    if *exprs > MAX_EXPRS {
        let message = format!(
            "a query can hold at most {MAX_EXPRS} words, phrases and prefixes; remove some"
        );
        return Err(QueryError::at(at, message));
    }
    Ok(())
}

/// One whitespace-separated piece of the query, before `OR`s are joined.
enum Item {
    Must(Expr),
    Not(Expr),
    Or,
    Filter(Filter),
}

/// Reads items one at a time, so that the first problem in reading order is the one reported.
struct Lexer<'a> {
    chars: &'a [char],
    at: usize,
}

impl Iterator for Lexer<'_> {
    type Item = Result<(Item, usize), QueryError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.item();
        if item.is_err() {
            self.at = self.chars.len();
        }
        item.transpose()
    }
}

impl Lexer<'_> {
    fn item(&mut self) -> Result<Option<(Item, usize)>, QueryError> {
        let chars = self.chars;
        loop {
            while chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
                self.at += 1;
            }
            let start = self.at;
            while chars.get(self.at) == Some(&'-') {
                self.at += 1;
            }
            let excluded = self.at > start;
            let wrap = |expr| if excluded { Item::Not(expr) } else { Item::Must(expr) };
            match chars.get(self.at) {
                None if !excluded => return Ok(None),
                None => {}
                Some(c) if c.is_whitespace() => {} // hyphens alone are punctuation
                Some('"') => {
                    let (phrase, quote) = self.quoted()?;
                    if phrase.trim().is_empty() {
                        let message =
                            "the quotes hold no words; put words between them or remove them";
                        return Err(QueryError::at(quote, message));
                    }
                    return Ok(Some((wrap(Expr::Phrase(phrase)), start)));
                }
                Some(_) => {
                    let word_at = self.at;
                    while chars.get(self.at).is_some_and(|&c| !c.is_whitespace() && c != '"') {
                        self.at += 1;
                    }
                    let word: String = chars[word_at..self.at].iter().collect();
                    let field = word.split_once(':').filter(|(name, _)| is_field_name(name));
                    if let Some((name, value)) = field {
                        let quoted = value.is_empty() && chars.get(self.at) == Some(&'"');
                        let value = if quoted { self.quoted()?.0 } else { value.to_string() };
                        let known =
                            FIELDS.iter().any(|(field, _)| name.eq_ignore_ascii_case(field));
                        // `re:` is a word; `re:x`, `re:""` and `year:` are meant as filters.
                        if quoted || known || !value.is_empty() {
                            let value_at = word_at + name.chars().count() + 1;
                            let filter = filter(name, value, excluded, (start, word_at, value_at))?;
                            return Ok(Some((Item::Filter(filter), start)));
                        }
                    }
                    if word == "OR" && !excluded {
                        return Ok(Some((Item::Or, start)));
                    }
                    return Ok(Some((wrap(word_expr(word, word_at)?), start)));
                }
            }
        }
    }

    /// The text between the quote at `self.at` and the next one, and the opening quote's column.
    fn quoted(&mut self) -> Result<(String, usize), QueryError> {
        let open = self.at;
        let Some(length) = self.chars[open + 1..].iter().position(|&c| c == '"') else {
            let message = "the quote opened here is never closed; close it with \"";
            return Err(QueryError::at(open, message));
        };
        self.at = open + 1 + length + 1;
        Ok((self.chars[open + 1..open + 1 + length].iter().collect(), open))
    }
}

fn is_field_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(char::is_alphabetic)
}

/// A bare word: a term, or a prefix when it ends in the only `*`.
fn word_expr(word: String, at: usize) -> Result<Expr, QueryError> {
    match word.find('*') {
        None => Ok(Expr::Term(word)),
        Some(_) if word == "*" => {
            Err(QueryError::at(at, "a `*` needs the start of a word before it, as in `commun*`"))
        }
        Some(star) if star + 1 == word.len() => Ok(Expr::Prefix(word[..star].to_string())),
        Some(star) => {
            let message = "`*` can only end a word, as in `commun*` (words that start with commun)";
            Err(QueryError::at(at + word[..star].chars().count(), message))
        }
    }
}

#[cfg(test)]
mod tests;
