//! Matching on leads ([`crate::search::format::lead`]): which leads a word reads, how many
//! documents a clause matched on them stands for, and which queries need whole postings.

use super::lookup::{Compiled, Word, Words};
use super::{Index, Stop};
use crate::search::format::Part;
use crate::search::format::chunk::lead_of;
use crate::search::format::lead::Lead;
use crate::search::query::{Clause, Query};

/// A term's lead, or asks for it.
pub(super) fn lead(index: &Index, n: u32) -> Result<(String, &Lead), Stop> {
    let part = Part::Lead(n as usize);
    match index.leads.get(&(n as usize)) {
        Some(lead) => Ok((part.file(&index.meta.key), lead)),
        None => Err(Stop::Need(vec![index.need(part)])),
    }
}

/// The leads a word's postings are read from: none when the query reads whole postings.
fn leads_of<'a>(index: &'a Index, word: &Word) -> Result<Vec<(u32, &'a Lead)>, Stop> {
    let mut out: Vec<(u32, &Lead)> = Vec::new();
    if index.whole.get() {
        return Ok(out);
    }
    for (_, place) in word.found.iter().flat_map(|f| &f.terms) {
        if let Some(n) = lead_of(*place)
            && out.iter().all(|(m, _)| *m != n)
        {
            out.push((n, lead(index, n)?.1));
        }
    }
    Ok(out)
}

/// Each clause of the query with its compiled expressions: one, or one per alternative of
/// `Any`, in the order [`super::lookup::compile`] made them.
pub(super) fn clauses<'a>(query: &'a Query, words: &'a Words) -> Vec<(&'a Clause, &'a [Compiled])> {
    let mut rest = words.exprs.as_slice();
    query
        .clauses
        .iter()
        .map(|clause| {
            let count = match clause {
                Clause::Any(list) => list.len(),
                _ => 1,
            };
            let (exprs, after) = rest.split_at(count.min(rest.len()));
            rest = after;
            (clause, exprs)
        })
        .collect()
}

/// How many documents a clause of single words matches for each of the `found` its postings
/// as read gave: 1 read whole. A lead holds `docs` of the `df` documents of its term, so each
/// lead read leaves out `df - docs` documents that match (fewer where other terms of the word
/// match them too): the estimate adds them, within the index's documents.
pub(super) fn clause_scale(index: &Index, exprs: &[Compiled], found: usize) -> Result<f32, Stop> {
    if found == 0 {
        return Ok(1.0);
    }
    let mut seen: Vec<u32> = Vec::new();
    let mut missed = 0.0f32;
    for word in exprs.iter().flat_map(|e| &e.words) {
        for (n, lead) in leads_of(index, word)? {
            if !seen.contains(&n) {
                seen.push(n);
                missed += (lead.df - lead.docs) as f32;
            }
        }
    }
    let all = (found as f32 + missed).min(index.meta.docs as f32).max(found as f32);
    Ok(all / found as f32)
}

/// Whether a clause has a term with a lead where only whole postings give the right
/// documents: to exclude a term's documents, or to find a phrase (the documents where each
/// word weighs most are not those where the phrase does).
pub(super) fn needs_whole(clauses: &[(&Clause, &[Compiled])]) -> bool {
    clauses.iter().any(|(clause, exprs)| {
        exprs.iter().any(|expr| {
            let led = || {
                let mut terms = expr.words.iter().flat_map(|w| &w.found).flat_map(|f| &f.terms);
                terms.any(|(_, place)| lead_of(*place).is_some())
            };
            (matches!(clause, Clause::Not(_)) || expr.words.len() > 1) && led()
        })
    })
}
