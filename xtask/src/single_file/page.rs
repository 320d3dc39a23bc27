//! index.html made into the single file's page: every file it names, inlined, and a
//! Content-Security-Policy of its own.
//!
//! The site's page names its stylesheet, its chrome's script and its icon in `static/`, and the
//! app's glue by a hashed name. Here the stylesheet becomes a `<style>`, each `static/` script
//! an inline classic script, the icon a `data:` URL, and the app's module script the store and
//! the three glues; the manifest, the preloads and the offline script go (nothing to install,
//! preload or keep offline from a file). A tag that names another file is refused, so the page can never ask for one. The
//! policy allows exactly the inline scripts and the style it holds, by their SHA-256, and
//! wasm compilation ('wasm-unsafe-eval'); nothing is fetched, so everything else is 'none'.

use super::{GENERATOR, Stored};
use crate::minify::{Script, minify};
use anyhow::{Context, bail, ensure};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

/// What goes into the page besides index.html.
pub struct Parts<'a> {
    /// The workspace root, which the page's `static/` paths are relative to.
    pub root: &'a Path,
    /// xtask's work folder, for the minifier.
    pub work: &'a Path,
    /// The store's script (classic, run first).
    pub store: String,
    /// The modules' glues, then the app's (module scripts, run in this order).
    pub scripts: Vec<String>,
    /// The stored files.
    pub files: Vec<Stored>,
}

/// The single file's page from index.html.
pub fn render(html: &str, parts: &Parts) -> anyhow::Result<String> {
    let mut hashes = Vec::new();
    let mut out = String::with_capacity(
        html.len() + parts.files.iter().map(|f| f.gzip.len() * 4 / 3 + 80).sum::<usize>(),
    );
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (element, after) = split_element(rest)?;
        rest = after;
        out.push_str(&rewrite(element, parts, &mut hashes)?);
    }
    out.push_str(rest);
    let blocks: String = parts.files.iter().map(file_block).collect();
    ensure!(out.matches("</body>").count() == 1, "index.html has no single </body>");
    let out = out.replace("</body>", &format!("{blocks}</body>"));
    ensure!(out.contains(CSP_SLOT), "index.html has no Content-Security-Policy to replace");
    Ok(out.replacen(CSP_SLOT, &policy(&hashes), 1))
}

/// Where the policy goes once every inline script's hash is known.
const CSP_SLOT: &str = "{{single-file CSP}}";

/// The next element (a tag, a comment, or a script with its text) and what follows it.
fn split_element(html: &str) -> anyhow::Result<(&str, &str)> {
    let end = if html.starts_with("<!--") {
        html.find("-->").map(|i| i + 3)
    } else if html.starts_with("<script") {
        html.find("</script>").map(|i| i + "</script>".len())
    } else {
        html.find('>').map(|i| i + 1)
    };
    let end = end.with_context(|| format!("index.html: unclosed {}", head(html)))?;
    Ok(html.split_at(end))
}

fn head(text: &str) -> &str {
    &text[..text.char_indices().nth(40).map_or(text.len(), |(i, _)| i)]
}

/// One element of index.html as it stands in the single file.
fn rewrite(element: &str, parts: &Parts, hashes: &mut Vec<String>) -> anyhow::Result<String> {
    let attr = |name| attribute(element, name);
    if element.starts_with("<!--") {
        // Comments speak of the site's files; the single file has none.
        return Ok(String::new());
    }
    if element.starts_with("<meta") && attr("http-equiv") == Some("Content-Security-Policy") {
        return Ok(format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP_SLOT}\">\n  {GENERATOR}"
        ));
    }
    if element.starts_with("<script") {
        return match attr("src") {
            // Offline use needs a service worker, which a page opened from a file cannot have;
            // its menu stays hidden there (index.html hides it until the script shows it).
            Some("static/offline.js") => Ok(String::new()),
            Some(src) if src.starts_with("static/") => {
                let js = minify(parts.work, &read(parts.root, src)?, Script::Classic)?;
                inline_script(&js, "", hashes)
            }
            Some("{{app.js}}") => {
                let mut scripts = inline_script(&parts.store, "", hashes)?;
                for glue in &parts.scripts {
                    scripts += &inline_script(glue, " type=\"module\"", hashes)?;
                }
                Ok(scripts)
            }
            _ => bail!("index.html: the single file cannot hold {}", head(element)),
        };
    }
    if element.starts_with("<link") {
        return match (attr("rel"), attr("href")) {
            (Some("manifest" | "modulepreload" | "preload"), _) => Ok(String::new()),
            (Some("stylesheet"), Some(href)) => {
                let css = read(parts.root, href)?;
                ensure!(!css.contains("</style"), "{href} holds </style");
                hashes.push(format!("style:{}", sha256_base64(&css)));
                Ok(format!("<style>{css}</style>"))
            }
            (Some("icon"), Some(href)) => {
                let svg = fs::read(parts.root.join(href))?;
                let url = format!("data:image/svg+xml;base64,{}", base64(&svg));
                Ok(element.replace(href, &url))
            }
            _ => bail!("index.html: the single file cannot hold {}", head(element)),
        };
    }
    ensure!(!element.contains("static/"), "index.html: {} names a file", head(element));
    Ok(element.to_owned())
}

fn read(root: &Path, relative: &str) -> anyhow::Result<String> {
    fs::read_to_string(root.join(relative)).with_context(|| format!("cannot read {relative}"))
}

/// The value of `name="…"` in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

/// An inline script, its hash kept for the policy. A script that holds `</script` or `<!--`
/// would end early or change how the page is parsed, so it is refused.
fn inline_script(js: &str, kind: &str, hashes: &mut Vec<String>) -> anyhow::Result<String> {
    let lower = js.to_ascii_lowercase();
    ensure!(
        !lower.contains("</script") && !lower.contains("<!--"),
        "a script holds </script or <!--"
    );
    hashes.push(format!("script:{}", sha256_base64(js)));
    Ok(format!("<script{kind}>{js}</script>\n"))
}

/// The policy: the page's own scripts and style by hash, wasm compilation, nothing else.
fn policy(hashes: &[String]) -> String {
    let sources = |kind: &str| -> String {
        let prefix = format!("{kind}:");
        hashes
            .iter()
            .filter_map(|h| h.strip_prefix(&prefix))
            .map(|h| format!("'sha256-{h}' "))
            .collect()
    };
    format!(
        "default-src 'none'; script-src {}'wasm-unsafe-eval'; style-src {}; img-src data:; \
         object-src 'none'; base-uri 'none'; form-action 'none'",
        sources("script"),
        sources("style").trim_end()
    )
}

/// A stored file as a block the browser keeps as text and never runs.
fn file_block(file: &Stored) -> String {
    format!(
        "<script type=\"application/octet-stream\" id=\"readingroom-file:{}\">{}</script>\n",
        file.url,
        base64(&file.gzip)
    )
}

fn sha256_base64(text: &str) -> String {
    base64(&Sha256::digest(text.as_bytes()))
}

/// Standard base64 with padding, as `atob` and CSP hashes read it.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_as_rfc_4648_says() {
        let cases =
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")];
        for (text, encoded) in cases {
            assert_eq!(base64(text.as_bytes()), encoded);
        }
    }

    #[test]
    fn attributes_are_read_by_name() {
        let tag = r#"<link rel="icon" href="static/icon.svg" type="image/svg+xml">"#;
        assert_eq!(attribute(tag, "rel"), Some("icon"));
        assert_eq!(attribute(tag, "href"), Some("static/icon.svg"));
        assert_eq!(attribute(tag, "src"), None);
    }

    #[test]
    fn the_policy_names_each_inline_script_and_style() {
        let hashes = vec!["script:A".to_owned(), "style:B".to_owned(), "script:C".to_owned()];
        let policy = policy(&hashes);
        assert!(policy.contains("script-src 'sha256-A' 'sha256-C' 'wasm-unsafe-eval';"));
        assert!(policy.contains("style-src 'sha256-B';"));
        assert!(policy.starts_with("default-src 'none';"));
    }
}
