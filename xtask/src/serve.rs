//! `cargo xtask serve`: set up, build dist/, and serve it like a plain static host would.
//!
//! The server is tower-http's `ServeDir` behind axum: correct MIME types (`application/wasm`),
//! gzip and brotli by `Accept-Encoding`, and long cache lifetimes for content-hashed files.
//! `--base` mounts the site under a sub-path, as museums and course sites host it; the
//! browser tests serve it under `/museum/reading-room/` to prove that nothing assumes the root.

use crate::{dist, setup};
use anyhow::{Context, ensure};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;
use std::path::PathBuf;
use tower::ServiceExt;
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
        let (url, server) = bind(dir, &args.base, args.port).await?;
        println!("Reading Room is served at {url}  (Ctrl-C stops it)");
        tokio::select! {
            result = server => result.context("the server stopped"),
            _ = tokio::signal::ctrl_c() => Ok(()),
        }
    })
}

/// A running server, for the browser tests: it stops when dropped.
pub struct Background {
    pub url: String,
    _runtime: tokio::runtime::Runtime,
}

/// Serves `dir` under `base` on a free port, on threads of its own.
pub fn spawn(dir: PathBuf, base: &str) -> anyhow::Result<Background> {
    let runtime = tokio::runtime::Runtime::new()?;
    let (url, server) = runtime.block_on(bind(dir, base, 0))?;
    runtime.spawn(server);
    Ok(Background { url, _runtime: runtime })
}

type Server = std::pin::Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>>;

async fn bind(dir: PathBuf, base: &str, port: u16) -> anyhow::Result<(String, Server)> {
    ensure!(
        dir.join("index.html").exists(),
        "{} has no index.html; run `cargo xtask dist`",
        dir.display()
    );
    let base = normalize_base(base);
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port)))
        .await
        .with_context(|| {
            format!("cannot listen on 127.0.0.1:{port}; is another server using it?")
        })?;
    let address = listener.local_addr()?;
    let app = router(dir, base.clone());
    let url = format!("http://{address}{base}");
    Ok((url, Box::pin(async move { axum::serve(listener, app).await })))
}

/// `/museum/reading-room` and `museum/reading-room/` both become `/museum/reading-room/`.
fn normalize_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() { "/".to_owned() } else { format!("/{trimmed}/") }
}

fn router(dir: PathBuf, base: String) -> Router {
    let files = ServeDir::new(dir).append_index_html_on_directories(true);
    Router::new()
        .fallback(move |request: Request<Body>| serve_under(files.clone(), base.clone(), request))
        .layer(CompressionLayer::new())
}

/// Strips `base` from the path and hands the rest to the file service; anything outside the
/// base is a 404, and the base without its slash redirects, as static hosts do.
async fn serve_under(files: ServeDir, base: String, request: Request<Body>) -> Response {
    let path = request.uri().path().to_owned();
    if base != "/" && path == base.trim_end_matches('/') {
        return Redirect::permanent(&base).into_response();
    }
    let Some(rest) = path.strip_prefix(base.trim_end_matches('/')) else {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    };
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
    with_cache_policy(&path, response)
}

/// Content-hashed files never change, so they may be cached for a year; everything else is
/// revalidated, so a rebuilt catalog is seen at once.
fn with_cache_policy(path: &str, mut response: Response) -> Response {
    let name = path.rsplit('/').next().unwrap_or_default();
    let hashed = name.starts_with("readingroom-") || path.contains("/bundle/docs/");
    let policy = if hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_normalized() {
        assert_eq!(normalize_base("/"), "/");
        assert_eq!(normalize_base(""), "/");
        assert_eq!(normalize_base("museum/reading-room"), "/museum/reading-room/");
        assert_eq!(normalize_base("/museum/reading-room/"), "/museum/reading-room/");
    }
}
