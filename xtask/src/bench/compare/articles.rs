//! The Overproof articles as text files, and dinglehopper 0.11.0 in a venv of its own.
//!
//! Each article of allArticles.txt is written as `<id>.ocr.txt` and `<id>.gt.txt` under
//! target/bench/compare/articles/, one printed line per line, exactly as the fixtures'
//! make_fixtures.py writes its sample (crates/core/tests/fixtures/compare/).

use crate::bench::progress;
use anyhow::{Context, ensure};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const DINGLEHOPPER: &str = "dinglehopper==0.11.0";

pub fn dir() -> PathBuf {
    crate::target().join("bench/compare")
}

fn source() -> PathBuf {
    PathBuf::from("/work/shared/testdata/overproof-trove/allArticles.txt")
}

/// One article's files.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub ocr: PathBuf,
    pub gt: PathBuf,
}

/// An article's id and its (raw OCR, corrected) lines.
pub type Lines = (String, Vec<(String, String)>);

/// `(id, [(raw OCR line, corrected line)])` per article, in file order, as make_fixtures.py's
/// `read_overproof` reads them.
pub fn parse(text: &str) -> anyhow::Result<Vec<Lines>> {
    let mut articles: Vec<Lines> = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        if line.starts_with("*$*OVERPROOF*$*") {
            let id = line.split_whitespace().nth(1).context("a header without an id")?;
            articles.push((id.to_owned(), Vec::new()));
            continue;
        }
        let parts: Vec<&str> = line.split("||@@||").collect();
        ensure!(parts.len() == 3, "allArticles.txt line {}: not three columns", n + 1);
        let (_, lines) = articles.last_mut().context("a line before the first header")?;
        lines.push((parts[0].to_owned(), parts[1].to_owned()));
    }
    Ok(articles)
}

/// Writes every article (rewriting only what differs) and returns them in file order.
pub fn write_all() -> anyhow::Result<Vec<Article>> {
    let path = source();
    let text =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let out = dir().join("articles");
    fs::create_dir_all(&out)?;
    let mut articles = Vec::new();
    for (id, lines) in parse(&text)? {
        let ocr: String = lines.iter().map(|(o, _)| format!("{o}\n")).collect();
        let gt: String = lines.iter().map(|(_, c)| format!("{c}\n")).collect();
        let article = Article {
            ocr: out.join(format!("{id}.ocr.txt")),
            gt: out.join(format!("{id}.gt.txt")),
            id,
        };
        write_if_changed(&article.ocr, &ocr)?;
        write_if_changed(&article.gt, &gt)?;
        articles.push(article);
    }
    progress(&format!("{} articles in {}", articles.len(), out.display()));
    Ok(articles)
}

fn write_if_changed(path: &Path, text: &str) -> anyhow::Result<()> {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text)?;
    }
    Ok(())
}

/// The venv's folder of executables, with dinglehopper installed (installing it when missing).
pub fn venv() -> anyhow::Result<PathBuf> {
    let venv = crate::target().join("bench/venv");
    let bin = venv.join("bin");
    if bin.join("dinglehopper").is_file() {
        return Ok(bin);
    }
    progress(&format!("installing {DINGLEHOPPER} into {} (from PyPI)", venv.display()));
    let status = Command::new("python3").args(["-m", "venv"]).arg(&venv).status()?;
    ensure!(status.success(), "python3 -m venv failed ({status})");
    let status = Command::new(bin.join("pip")).args(["install", "-q", DINGLEHOPPER]).status()?;
    ensure!(status.success(), "pip install {DINGLEHOPPER} failed ({status})");
    Ok(bin)
}

#[cfg(test)]
mod tests {
    #[test]
    fn articles_are_read_as_make_fixtures_reads_them() {
        let text = "*$*OVERPROOF*$* 7 year 1900 type Article title X\nTne cat||@@||The cat||@@||x\n\
                    *$*OVERPROOF*$* 8 year 1901\n a ||@@||b||@@||\n";
        let articles = super::parse(text).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].0, "7");
        assert_eq!(articles[1].1, vec![(" a ".to_owned(), "b".to_owned())]);
    }
}
