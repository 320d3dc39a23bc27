//! From the looked-up words of a query to the [`Matcher`] the reader marks text with.

use super::lookup::{Found, Words};
use crate::search::highlight::{Accepts, Matcher, Pattern};
use crate::search::query::{Clause, Filter, Query};

/// The positive expressions of `query` with the terms `words` found for them; excluded
/// expressions are left out, as they mark nothing.
pub(super) fn matcher(query: &Query, words: &Words) -> Matcher {
    let mut compiled = words.exprs.iter();
    let mut out = Matcher::default();
    for clause in &query.clauses {
        let exprs = match clause {
            Clause::Must(expr) | Clause::Not(expr) => vec![expr],
            Clause::Any(list) => list.iter().collect(),
        };
        for expr in exprs {
            let Some(compiled) = compiled.next() else { break };
            if matches!(clause, Clause::Not(_)) {
                continue;
            }
            let term = out.terms.len();
            out.terms.push(expr.to_string());
            let single = compiled.words.len() == 1;
            let words = compiled.words.iter().map(|w| accepts(&w.query, &w.found, single));
            out.patterns.push(Pattern { term, words: words.collect() });
        }
    }
    out.layer = query.filters.iter().rev().find_map(|f| match f {
        Filter::Layer(layer) => Some(*layer),
        _ => None,
    });
    out
}

fn accepts(query: &str, found: &[Found], single: bool) -> Accepts {
    let mut accepts = Accepts { query: query.to_owned(), ..Accepts::default() };
    for f in found {
        match f.terms.as_slice() {
            [(term, _)] if f.fuzzy() => accepts.fuzzy.push(term.clone()),
            [(term, _)] => accepts.exact.push(term.clone()),
            [(a, _), (b, _)] if single => accepts.splits.push((a.clone(), b.clone())),
            _ => {}
        }
    }
    super::order::sort_dedup(&mut accepts.exact);
    super::order::sort_dedup(&mut accepts.fuzzy);
    accepts
}
