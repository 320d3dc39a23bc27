//! What dist takes out of the files every reader downloads: the comments and whitespace of
//! the scripts (terser), the stylesheet (lightningcss) and index.html, and the build machine's
//! paths in the wasm's panic locations.

use crate::{process, setup};
use anyhow::Context;
use std::fs;
use std::path::Path;
use std::process::Command;

/// How a script is loaded: as an ES module (wasm-bindgen's glue) or a classic script.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Script {
    Module,
    Classic,
}

/// `js` minified by terser: wasm-bindgen's glue is half comments, whitespace and long local
/// names (the app's glue goes from 8.9 to 6.7 KB gzipped, the chrome's script from 2.3 to
/// 1.2 KB). Property names are kept, so the wasm's imports still find their functions; a
/// classic script's top-level names are kept too.
pub(crate) fn minify(work: &Path, js: &str, kind: Script) -> anyhow::Result<String> {
    let input = work.join("minify.js");
    let output = work.join("minify.min.js");
    fs::write(&input, js)?;
    let mut terser = Command::new(setup::npm_bin("terser"));
    terser.arg(&input).args(["--compress", "--mangle", "--output"]).arg(&output);
    if kind == Script::Module {
        terser.arg("--module");
    }
    process::run(&mut terser)?;
    fs::read_to_string(&output).context("terser wrote nothing")
}

/// The stylesheet at `path` minified in place by lightningcss: its comments and whitespace are a
/// fifth of it (4.2 KB brotli from 5.5). No browser targets are given, so nothing is rewritten
/// for older engines.
pub(crate) fn css(work: &Path, path: &Path) -> anyhow::Result<()> {
    let output = work.join("style.min.css");
    process::run(
        Command::new(setup::npm_bin("lightningcss"))
            .arg("--minify")
            .arg(path)
            .arg("--output-file")
            .arg(&output),
    )?;
    fs::copy(&output, path)
        .with_context(|| format!("cannot write the minified stylesheet to {}", path.display()))?;
    Ok(())
}

/// `html` without its comments (`<!-- … -->`) and the white space before each: index.html
/// explains itself to whoever edits it, in a quarter of its bytes (0.5 KB brotli). An
/// unclosed comment is kept as it is.
pub(crate) fn html_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let Some(length) = rest[start..].find("-->") else { break };
        out.push_str(rest[..start].trim_end());
        rest = &rest[start + length + "-->".len()..];
    }
    out.push_str(rest);
    out
}

/// The flags the wasm is compiled with: the caller's own (`CARGO_ENCODED_RUSTFLAGS`, or
/// `RUSTFLAGS`), then `--remap-path-prefix` for the places a panic location's file may lie that
/// this build compiles (the crate registry and this workspace), so the wasm carries
/// `yew-0.23.0/src/…` rather than this machine's paths (0.4 KB brotli off the app, and the same
/// bytes whoever builds it). Rust's own library comes compiled, with its `/rustc/<commit>/`
/// paths. Encoded as cargo's `CARGO_ENCODED_RUSTFLAGS`, so paths with spaces survive.
pub(crate) fn rustflags() -> String {
    let mut flags: Vec<String> = match std::env::var("CARGO_ENCODED_RUSTFLAGS") {
        Ok(encoded) if !encoded.is_empty() => encoded.split('\x1f').map(str::to_owned).collect(),
        _ => std::env::var("RUSTFLAGS")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
    };
    let mut prefixes = vec![format!("{}/", crate::root().display())];
    let registry = cargo_home().join("registry/src");
    if let Ok(entries) = fs::read_dir(&registry) {
        for entry in entries.flatten() {
            prefixes.push(format!("{}/", entry.path().display()));
        }
    }
    flags.extend(prefixes.into_iter().map(|p| format!("--remap-path-prefix={p}=")));
    flags.join("\x1f")
}

fn cargo_home() -> std::path::PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => home.into(),
        None => std::env::var_os("HOME")
            .map(std::path::PathBuf::from)
            .unwrap_or_default()
            .join(".cargo"),
    }
}

#[cfg(test)]
mod tests {
    use super::html_comments;

    #[test]
    fn comments_and_the_space_before_them_go_and_the_rest_stays() {
        let html = "<head>\n  <!-- one\n  line -->\n  <meta charset=\"utf-8\">\n<!--x--><p>a</p>";
        assert_eq!(html_comments(html), "<head>\n  <meta charset=\"utf-8\"><p>a</p>");
    }

    #[test]
    fn an_unclosed_comment_is_kept() {
        assert_eq!(html_comments("<p>a</p> <!-- open"), "<p>a</p> <!-- open");
    }
}
