//! `use_json`: fetch a JSON file of the bundle once per URL, with loading and error states.

use crate::api::{self, BundleJson};
use std::rc::Rc;
use yew::prelude::*;

/// The state of one fetch.
#[derive(Debug)]
pub enum Fetch<T> {
    Loading,
    Ready(Rc<T>),
    Failed(Rc<str>),
}

impl<T> Clone for Fetch<T> {
    fn clone(&self) -> Self {
        match self {
            Fetch::Loading => Fetch::Loading,
            Fetch::Ready(value) => Fetch::Ready(Rc::clone(value)),
            Fetch::Failed(message) => Fetch::Failed(Rc::clone(message)),
        }
    }
}

impl<T> PartialEq for Fetch<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Fetch::Loading, Fetch::Loading) => true,
            (Fetch::Ready(a), Fetch::Ready(b)) => Rc::ptr_eq(a, b),
            (Fetch::Failed(a), Fetch::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Fetches `url` whenever it changes; `None` waits (for example until the catalog names the
/// file). A response for an older URL never overwrites the state of a newer one.
#[hook]
pub fn use_json<T: BundleJson>(url: Option<String>) -> Fetch<T> {
    let state = use_state(|| Fetch::Loading);
    let current = use_mut_ref(|| None::<String>);
    {
        let state = state.clone();
        use_effect_with(url, move |url| {
            *current.borrow_mut() = url.clone();
            if let Some(url) = url.clone() {
                state.set(Fetch::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = api::fetch_json::<T>(&url).await;
                    if current.borrow().as_deref() == Some(url.as_str()) {
                        state.set(match result {
                            Ok(value) => Fetch::Ready(Rc::new(value)),
                            Err(message) => Fetch::Failed(message.into()),
                        });
                    }
                });
            }
        });
    }
    (*state).clone()
}
