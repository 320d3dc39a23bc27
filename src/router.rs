//! The hash router: the route lives in the URL fragment (`#/doc/<id>?page=3`), so the site
//! works from any sub-path of a static host and from one file.
//!
//! It does what yew-router's `HashRouter`, `Link` and navigator did for the app, in the same
//! URLs and history entries, at a fraction of their weight (yew-router brought gloo-history,
//! route-recognizer, serde_urlencoded and serde_wasm_bindgen, about 60 KB of wasm, for three
//! routes): [`HashRouter`] keeps the location, read through the URL API as the browser
//! normalizes it, and re-renders its readers when a link, a navigation of the app or the
//! browser's Back and Forward (`popstate`) moves it; [`Link`] is an `<a>` whose click the
//! router takes over; [`Router::push`] and [`Router::replace`] add or replace a history entry.
//! The routes and their queries are in [`crate::route`].

use crate::route::{DocumentQuery, Route};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// Where the reader is, from the fragment: its path (the basename included, `/embed/doc/x`)
/// and its query (with its `?`, or empty).
#[derive(Clone, PartialEq, Default)]
pub struct Location {
    pub path: String,
    pub query: String,
}

impl Location {
    /// The fragment read as a path and a query, as the URL API normalizes them. A fragment
    /// that is not a path (`#main`) names no route.
    fn current() -> Location {
        let Some(page) = page_url() else { return Location::default() };
        let hash = page.hash();
        let fragment = hash.strip_prefix('#').unwrap_or(&hash);
        if !fragment.starts_with('/') {
            return Location { path: fragment.to_owned(), query: String::new() };
        }
        match web_sys::Url::new_with_base(fragment, &page.href()) {
            Ok(url) => Location { path: url.pathname(), query: url.search() },
            Err(_) => Location::default(),
        }
    }
}

/// The page's own URL.
fn page_url() -> Option<web_sys::Url> {
    let href = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new(&href).ok()
}

/// The router as every page sees it (from [`use_router`]): the location, the basename of
/// every path (`/embed` in an embedded view), and the way to move.
#[derive(Clone, PartialEq)]
pub struct Router {
    current: UseReducerHandle<Current>,
    base: Option<AttrValue>,
}

/// The location, and the count of moves: every move renders the pages again, even to the
/// same address.
#[derive(PartialEq)]
struct Current {
    location: Location,
    moves: u32,
}

impl Reducible for Current {
    type Action = ();

    fn reduce(self: Rc<Self>, (): ()) -> Rc<Self> {
        Rc::new(Current { location: Location::current(), moves: self.moves + 1 })
    }
}

impl Router {
    pub fn location(&self) -> &Location {
        &self.current.location
    }

    /// The route of the location, the basename left out.
    pub fn route(&self) -> Route {
        let path = &self.location().path;
        let base = self.base.as_deref().unwrap_or_default();
        let path = path.strip_prefix(base).unwrap_or(path);
        Route::recognize(path)
    }

    /// The location's query read as `T`; `None` when it cannot be (a value of the wrong
    /// kind, or a name given twice).
    pub fn query<T: crate::route::Query>(&self) -> Option<T> {
        let query = &self.location().query;
        T::from_query(query.strip_prefix('?').unwrap_or(query))
    }

    /// The fragment of `route` with `query` (URL-encoded, without its `?`).
    fn fragment(&self, route: &Route, query: Option<&str>) -> String {
        let mut path = route.to_path();
        if let Some(base) = &self.base {
            path.insert_str(0, base);
        }
        if let Some(query) = query {
            path.push('?');
            path.push_str(query);
        }
        path
    }

    /// The link to `route` with `query`, as an `href`.
    pub fn href(&self, route: &Route, query: Option<&str>) -> String {
        format!("#{}", self.fragment(route, query.filter(|q| !q.is_empty())))
    }

    /// Goes to `route` with `query` (URL-encoded), as a new history entry.
    pub fn push(&self, route: &Route, query: Option<&str>) {
        self.go(&self.fragment(route, query), false);
    }

    /// Goes to `route` with `query`, in place of the current history entry.
    pub fn replace(&self, route: &Route, query: Option<&str>) {
        self.go(&self.fragment(route, query), true);
    }

    fn go(&self, fragment: &str, replace: bool) {
        set_fragment(fragment, replace);
        self.current.dispatch(());
    }
}

/// Points the page's URL at `fragment` through the history API (no `hashchange`, as before),
/// adding an entry or replacing the current one.
fn set_fragment(fragment: &str, replace: bool) {
    let Some(url) = page_url() else { return };
    url.set_hash(fragment);
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let (state, href) = (wasm_bindgen::JsValue::NULL, Some(url.href()));
    let _ = if replace {
        history.replace_state_with_url(&state, "", href.as_deref())
    } else {
        history.push_state_with_url(&state, "", href.as_deref())
    };
}

/// The router of the page shown.
#[hook]
pub fn use_router() -> Router {
    use_context::<Router>().expect("the pages are inside the router")
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    /// The path every route is under (`/embed`), fixed for the page's life.
    #[prop_or_default]
    pub base: Option<AttrValue>,
    pub children: Html,
}

/// Keeps the location and gives the pages inside it the [`Router`].
#[function_component]
pub fn HashRouter(props: &RouterProps) -> Html {
    let base = props.base.clone();
    let current = use_reducer(|| {
        start(base.as_deref());
        Current { location: Location::current(), moves: 0 }
    });
    let moved = current.dispatcher();
    {
        let moved = moved.clone();
        use_effect_with((), move |()| {
            let listener = Closure::<dyn Fn()>::new(move || moved.dispatch(()));
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "popstate",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }
    let router = Router { current, base: props.base.clone() };
    html! {
        <ContextProvider<Router> context={router}>{ props.children.clone() }</ContextProvider<Router>>
    }
}

/// Brings the fragment to the router's form once, before the first render: a page opened with
/// no route (`index.html`, `#main`) is at `#/`, and an embedded page's path is under its
/// basename (`#/embed` is `#/embed/`).
fn start(base: Option<&str>) {
    let hash = page_url().map(|url| url.hash()).unwrap_or_default();
    if !hash.starts_with("#/") {
        set_fragment("/", true);
    }
    let Some(base) = base else { return };
    let Location { path, query } = Location::current();
    let inner = path.strip_prefix(base).unwrap_or(&path);
    let inner = if inner.starts_with('/') { inner.to_owned() } else { format!("/{inner}") };
    let prefixed = format!("{base}{inner}");
    if prefixed != path {
        set_fragment(&format!("{prefixed}?{}", query.strip_prefix('?').unwrap_or(&query)), true);
    }
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub query: Option<DocumentQuery>,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to a route: a plain `<a>` that opens in a new tab or window with a modifier key, and
/// otherwise moves the router without loading the page.
#[function_component]
pub fn Link(props: &LinkProps) -> Html {
    let router = use_router();
    let query = props.query.as_ref().map(crate::route::Query::to_query);
    let href = router.href(&props.to, query.as_deref());
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                return;
            }
            e.prevent_default();
            router.push(&to, query.as_deref());
        })
    };
    html! {
        <a class={props.classes.clone()} {href} {onclick}>{ props.children.clone() }</a>
    }
}
