//! `use_compare`: one page of a document compared, and the rates of every page, from the
//! compare module, which loads the first time a reader opens the compare view.
//!
//! The module reads the document's data file itself (the bytes the app fetched and checked,
//! kept here for the next page), so the app sends it no text. The page comes first, as it is
//! what the reader waits for; the figures of every page follow once per document and text
//! compared with, and stay while the reader turns pages.

use crate::api;
use crate::compare_module;
use crate::hooks::Fetch;
use readingroom_core::compare::view::{Against, DocumentFigures, PageComparison, Reply, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// What the compare view shows: the page, and the figures of every page.
#[derive(Clone, PartialEq)]
pub struct Compared {
    pub page: Fetch<PageComparison>,
    pub figures: Fetch<DocumentFigures>,
}

/// What the hook keeps between pages: the data file's bytes and the figures, by what they are,
/// and the number of the latest request, whose answer alone is shown.
#[derive(Default)]
struct Kept {
    bytes: Option<(String, Rc<Vec<u8>>)>,
    figures: Option<((String, Against), Rc<DocumentFigures>)>,
    latest: u64,
}

type Shared = Rc<RefCell<Kept>>;

/// Compares page `page` of the document whose data file is at `url` with `against` (nothing
/// when `against` is `None`).
#[hook]
pub fn use_compare(url: String, against: Option<Against>, page: usize) -> Compared {
    let loading = || Compared { page: Fetch::Loading, figures: Fetch::Loading };
    let state = use_state(loading);
    let kept: Shared = use_mut_ref(Kept::default);
    {
        let state = state.clone();
        use_effect_with((url, against, page), move |(url, against, page)| {
            let Some(against) = *against else { return };
            let ticket = {
                let mut kept = kept.borrow_mut();
                kept.latest += 1;
                kept.latest
            };
            let key = (url.clone(), against);
            let known =
                kept.borrow().figures.as_ref().filter(|(k, _)| *k == key).map(|f| f.1.clone());
            let figures = known.clone().map_or(Fetch::Loading, Fetch::Ready);
            state.set(Compared { page: Fetch::Loading, figures: figures.clone() });
            let page = *page;
            wasm_bindgen_futures::spawn_local(async move {
                let live = || kept.borrow().latest == ticket;
                let (module, bytes) = match prepare(&kept, &key.0).await {
                    Ok(ready) => ready,
                    Err(message) => {
                        let failed: Rc<str> = message.into();
                        if live() {
                            state.set(Compared {
                                page: Fetch::Failed(failed.clone()),
                                figures: Fetch::Failed(failed),
                            });
                        }
                        return;
                    }
                };
                let ask = |page| compare_module::ask(&module, &bytes, &Request { against, page });
                let compared = unpack(ask(Some(page)), |r| match r {
                    Reply::Page(page) => Ok(*page),
                    other => Err(other),
                });
                if live() {
                    state.set(Compared { page: compared.clone(), figures: figures.clone() });
                }
                if known.is_none() {
                    let all = unpack(ask(None), |r| match r {
                        Reply::Figures(figures) => Ok(figures),
                        other => Err(other),
                    });
                    if let Fetch::Ready(done) = &all {
                        kept.borrow_mut().figures = Some((key, done.clone()));
                    }
                    if live() {
                        state.set(Compared { page: compared, figures: all });
                    }
                }
            });
        });
    }
    (*state).clone()
}

/// The loaded module and the data file's bytes, fetched once per file.
async fn prepare(kept: &Shared, url: &str) -> Result<(JsValue, Rc<Vec<u8>>), String> {
    let module = compare_module::load().await.map_err(|e| {
        let message = format!("The compare module could not be loaded ({e}). Reload the page.");
        api::unless_offline("the compare module", message)
    })?;
    let have = kept.borrow().bytes.as_ref().filter(|(u, _)| u == url).map(|b| b.1.clone());
    let bytes = match have {
        Some(bytes) => bytes,
        None => {
            let bytes = Rc::new(api::fetch_checked(url).await?);
            kept.borrow_mut().bytes = Some((url.to_owned(), bytes.clone()));
            bytes
        }
    };
    Ok((module, bytes))
}

/// The answer `pick` expects, or the failure the module gave instead.
fn unpack<T>(reply: Reply, pick: impl FnOnce(Reply) -> Result<T, Reply>) -> Fetch<T> {
    match pick(reply) {
        Ok(value) => Fetch::Ready(Rc::new(value)),
        Err(Reply::Failed(message)) => Fetch::Failed(message.into()),
        Err(_) => {
            Fetch::Failed("The compare module answered another question; rebuild the site.".into())
        }
    }
}
