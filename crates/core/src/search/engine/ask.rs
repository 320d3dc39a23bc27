//! The engine's one entry point: a [`Request`] in, a [`Reply`] out. The search module exposes
//! nothing else, the app and the CLI send nothing else, and [`drive`] is the loop that reads
//! the files the engine asks for until it answers, for every caller that can read a file
//! without waiting on the network (the CLI and the tests; the app awaits its fetches in the
//! same loop of its own).

use super::{Index, Outcome, SearchOptions};
use crate::search::highlight::{DocumentTokens, Matcher};
use crate::search::query;
use crate::search::results::{Reply, Request};
use std::rc::Rc;

/// A sound index answers any request within this many rounds of reading files.
const MAX_ROUNDS: usize = 16;

impl Index {
    /// Answers a request, or says which files to add first ([`Reply::Need`]).
    pub fn ask(&self, request: &Request) -> Reply {
        let (Request::Search { query, .. } | Request::Highlight { query, .. }) = request;
        let parsed = match query::parse(query) {
            Ok(parsed) => parsed,
            Err(error) => return Reply::QueryError { message: error.to_string() },
        };
        match request {
            Request::Search { limit, pages, brief, .. } => {
                let mut options = SearchOptions { limit: *limit, ..SearchOptions::default() };
                if *pages > 0 {
                    options.pages_per_result = *pages;
                    options.text_pages = *pages;
                    options.hits_per_result = usize::MAX;
                }
                if *brief {
                    options.text_pages = 1;
                }
                match self.search(&parsed, &options) {
                    Ok(Outcome::Need(files)) => Reply::Need(files),
                    Ok(Outcome::Done(results)) => Reply::Done(results),
                    Err(error) => Reply::Damaged(error.to_string()),
                }
            }
            Request::Highlight { document, page, .. } => match self.matcher(&parsed) {
                Ok(Outcome::Done(matcher)) => self.highlight(&matcher, document, *page),
                Ok(Outcome::Need(mut files)) => {
                    if !self.data.contains_key(document) {
                        files.push(document.clone());
                    }
                    Reply::Need(files)
                }
                Err(error) => Reply::Damaged(error.to_string()),
            },
        }
    }

    /// The marks of `matcher` on a page of a document, and the tallies of every page,
    /// tokenizing the document once for every later query.
    fn highlight(&self, matcher: &Matcher, document: &str, page: usize) -> Reply {
        let Some(data) = self.data.get(document) else {
            return Reply::Need(vec![document.to_owned()]);
        };
        let cached = self.tokens.borrow().as_ref().filter(|(d, _)| d == document).cloned();
        let tokens = match cached {
            Some((_, tokens)) => tokens,
            None => {
                let tokens = Rc::new(DocumentTokens::new(data, self.fold.as_ref()));
                *self.tokens.borrow_mut() = Some((document.to_owned(), Rc::clone(&tokens)));
                tokens
            }
        };
        Reply::Marked(tokens.marks(matcher).page(page))
    }
}

/// Asks `request` until the engine answers, reading every file it asks for with `read`. A
/// file that does not read, or that the index refuses, ends the loop with the reader's error
/// or a [`Reply::Damaged`]; so does an engine that keeps asking.
pub fn drive<E>(
    index: &mut Index,
    request: &Request,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, E>,
) -> Result<Reply, E> {
    let mut given = std::collections::HashSet::new();
    for _ in 0..MAX_ROUNDS {
        let files = match index.ask(request) {
            Reply::Need(files) => files,
            answer => return Ok(answer),
        };
        for file in files {
            if !given.insert(file.clone()) {
                let message =
                    format!("{file}: the index asks for it again; build the bundle again");
                return Ok(Reply::Damaged(message));
            }
            let bytes = read(&file)?;
            if let Err(error) = index.add(&file, bytes) {
                return Ok(Reply::Damaged(error.to_string()));
            }
        }
    }
    Ok(Reply::Damaged(format!("the index asked for files {MAX_ROUNDS} times without answering")))
}
