//! `cargo xtask serve`: set up, build dist/, and serve it like a plain static host would.
//!
//! The server is tower-http's `ServeDir` behind axum: correct MIME types (`application/wasm`),
//! gzip and brotli by `Accept-Encoding` (dist's precompressed copies where there are, the
//! bundle compressed on the fly), and long cache lifetimes for content-hashed files.
//! `--base` mounts the site under a sub-path, as museums and course sites host it; the
//! browser tests serve it under `/museum/reading-room/` to prove that nothing assumes the root.
//! The tests also mount the same site a second time with another `bundle/` (a fixture
//! collection), as a [`Mount`] with its own base.

use crate::{dist, setup};
use anyhow::{Context, ensure};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;
use std::path::PathBuf;
use tower::ServiceExt;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port on 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The sub-path to serve the site under, e.g. /museum/reading-room/.
    #[arg(long, default_value = "/")]
    pub base: String,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    setup::run()?;
    let dir = dist::run()?;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let mounts = vec![Mount { base: args.base.clone(), bundle: None }];
        let (urls, server) = bind(dir, mounts, args.port).await?;
        let url = &urls[0];
        println!("Reading Room is served at {url}  (Ctrl-C stops it)");
        tokio::select! {
            result = server => result.context("the server stopped"),
            _ = tokio::signal::ctrl_c() => Ok(()),
        }
    })
}

/// The site served under `base`; with `bundle`, its `bundle/` folder comes from there instead.
#[derive(Debug, Clone)]
pub struct Mount {
    pub base: String,
    pub bundle: Option<PathBuf>,
}

/// A running server, for the browser tests: it stops when dropped.
pub struct Background {
    /// One URL per mount, in the order given.
    pub urls: Vec<String>,
    _runtime: tokio::runtime::Runtime,
}

/// Serves `dir` at each mount on a free port, on threads of its own.
pub fn spawn(dir: PathBuf, mounts: Vec<Mount>) -> anyhow::Result<Background> {
    let runtime = tokio::runtime::Runtime::new()?;
    let (urls, server) = runtime.block_on(bind(dir, mounts, 0))?;
    runtime.spawn(server);
    Ok(Background { urls, _runtime: runtime })
}

type Server = std::pin::Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>>;

async fn bind(
    dir: PathBuf,
    mounts: Vec<Mount>,
    port: u16,
) -> anyhow::Result<(Vec<String>, Server)> {
    let index = dir.join("index.html");
    ensure!(index.exists(), "{} has no index.html; run `cargo xtask dist`", dir.display());
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port)))
        .await
        .with_context(|| {
            format!("cannot listen on 127.0.0.1:{port}; is another server using it?")
        })?;
    let address = listener.local_addr()?;
    let mounts: Vec<Mount> = mounts
        .into_iter()
        .map(|m| Mount { base: normalize_base(&m.base), bundle: m.bundle })
        .collect();
    let urls = mounts.iter().map(|m| format!("http://{address}{}", m.base)).collect();
    let app = router(dir, mounts);
    Ok((urls, Box::pin(async move { axum::serve(listener, app).await })))
}

/// `/museum/reading-room` and `museum/reading-room/` both become `/museum/reading-room/`.
fn normalize_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() { "/".to_owned() } else { format!("/{trimmed}/") }
}

fn router(dir: PathBuf, mut mounts: Vec<Mount>) -> Router {
    // The longest base wins, so `/a/b/` is not served by the mount at `/a/`.
    mounts.sort_by_key(|m| std::cmp::Reverse(m.base.len()));
    let mounts = std::sync::Arc::new(mounts);
    Router::new()
        .fallback(move |request: Request<Body>| serve(dir.clone(), mounts.clone(), request))
        // What dist precompressed goes out as it is; the rest (the bundle) is compressed on
        // the fly at a level a server can afford per request, as hosts do (brotli's default,
        // its best, costs tens of milliseconds a file).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
}

/// Finds the mount for the path, strips its base and hands the rest to a file service;
/// anything outside every base is a 404, and a base without its slash redirects, as static
/// hosts do.
async fn serve(
    dir: PathBuf,
    mounts: std::sync::Arc<Vec<Mount>>,
    request: Request<Body>,
) -> Response {
    let path = request.uri().path().to_owned();
    for mount in mounts.iter() {
        let base = mount.base.trim_end_matches('/');
        if mount.base != "/" && path == base {
            return Redirect::permanent(&mount.base).into_response();
        }
        let Some(rest) = path.strip_prefix(base).filter(|rest| rest.starts_with('/')) else {
            continue;
        };
        let inside_bundle = rest.strip_prefix("/bundle").filter(|inside| inside.starts_with('/'));
        let (root, rest) = match (&mount.bundle, inside_bundle) {
            (Some(bundle), Some(inside)) => (bundle.clone(), inside.to_owned()),
            _ => (dir.clone(), rest.to_owned()),
        };
        let files = ServeDir::new(root)
            .append_index_html_on_directories(true)
            .precompressed_br()
            .precompressed_gzip();
        return serve_file(files, &path, &rest, request).await;
    }
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

async fn serve_file(files: ServeDir, path: &str, rest: &str, request: Request<Body>) -> Response {
    let (mut parts, body) = request.into_parts();
    let rest_and_query = match parts.uri.query() {
        Some(query) => format!("{rest}?{query}"),
        None => rest.to_owned(),
    };
    parts.uri = rest_and_query.parse::<Uri>().unwrap_or_else(|_| Uri::from_static("/"));
    let response = match files.oneshot(Request::from_parts(parts, body)).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    with_cache_policy(path, response)
}

/// Whether the file's name carries a hash of its content (or, in the search index, of the
/// index's): the app's wasm and JS, the documents' data files, and every index file but
/// `meta.json`, the entry point that names the others' key.
fn hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.starts_with("readingroom-")
        || path.contains("/bundle/docs/")
        || (path.contains("/bundle/search/") && name != "meta.json")
}

/// Content-hashed files never change, so they may be cached for a year; everything else is
/// revalidated, so a rebuilt catalog is seen at once.
fn with_cache_policy(path: &str, mut response: Response) -> Response {
    let policy = if hashed(path) { "public, max-age=31536000, immutable" } else { "no-cache" };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    // A precompressed copy is one of several bodies for the URL, so caches must key on the
    // encoding (ServeDir does not say so itself; the compression layer does for what it does).
    if headers.contains_key(header::CONTENT_ENCODING) && !headers.contains_key(header::VARY) {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_files_are_told_from_entry_points() {
        for path in [
            "/museum/readingroom-0123abcd.wasm",
            "/bundle/docs/cia-report.0123abcd.json",
            "/bundle/search/post-12.0123abcd.bin",
            "/bundle/search/page/3-0.0123abcd.bin",
        ] {
            assert!(hashed(path), "{path}");
        }
        for path in ["/index.html", "/bundle/catalog.json", "/bundle/search/meta.json"] {
            assert!(!hashed(path), "{path}");
        }
    }

    #[test]
    fn bases_are_normalized() {
        assert_eq!(normalize_base("/"), "/");
        assert_eq!(normalize_base(""), "/");
        assert_eq!(normalize_base("museum/reading-room"), "/museum/reading-room/");
        assert_eq!(normalize_base("/museum/reading-room/"), "/museum/reading-room/");
    }
}
