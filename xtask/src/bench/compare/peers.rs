//! Reading Room and dinglehopper side by side on the articles: in process (many articles in
//! one process each: `readingroom diff --pairs` and tests/bench/dinglehopper_pairs.py) and per
//! command (one process an article: `readingroom diff ocr gt --json` and `dinglehopper --plain-encoding
//! utf-8 gt ocr <prefix>`, which writes its HTML and JSON reports), the whole process timed.

use super::articles::{self, Article};
use crate::bench::progress;
use anyhow::{Context, bail, ensure};
use serde::Deserialize;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// One article as one tool measured it in process.
#[derive(Debug, Clone, Deserialize)]
pub struct Rates {
    pub name: String,
    pub cer: Option<f64>,
    pub wer: Option<f64>,
    pub micros: f64,
}

/// One tool's run over the articles.
#[derive(Debug, Default)]
pub struct Run {
    /// Seconds per article.
    pub seconds: Vec<f64>,
    /// The wall time of the whole run, in seconds (in process: start-up included).
    pub wall: f64,
}

impl Run {
    pub fn total(&self) -> f64 {
        self.seconds.iter().sum()
    }
}

/// Writes the pairs file that both in-process runs read.
fn pairs_file(articles: &[Article]) -> anyhow::Result<std::path::PathBuf> {
    let path = articles::dir().join("pairs.tsv");
    let text: String =
        articles.iter().map(|a| format!("{}\t{}\n", a.ocr.display(), a.gt.display())).collect();
    fs::write(&path, text)?;
    Ok(path)
}

fn json_lines(command: &mut Command, what: &str) -> anyhow::Result<(Vec<Rates>, f64)> {
    let started = Instant::now();
    let out =
        command.stderr(Stdio::inherit()).output().with_context(|| format!("cannot run {what}"))?;
    let wall = started.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!("{what} failed ({})", out.status);
    }
    let text = String::from_utf8(out.stdout)?;
    let rates = text
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<Vec<Rates>, _>>()
        .with_context(|| format!("{what} printed something else than JSON lines"))?;
    Ok((rates, wall))
}

/// One tool's rates, article by article, and its run.
pub type Timed = (Vec<Rates>, Run);

/// Both tools in process: their rates and timings, article by article.
pub fn in_process(cli: &Path, venv: &Path, articles: &[Article]) -> anyhow::Result<(Timed, Timed)> {
    let pairs = pairs_file(articles)?;
    progress(&format!("in process: readingroom diff --pairs ({} articles)", articles.len()));
    let (ours, wall) = json_lines(
        Command::new(cli).arg("diff").arg("--pairs").arg(&pairs),
        "readingroom diff --pairs",
    )?;
    let ours_run = Run { seconds: ours.iter().map(|r| r.micros / 1e6).collect(), wall };
    progress("in process: tests/bench/dinglehopper_pairs.py");
    let script = crate::root().join("tests/bench/dinglehopper_pairs.py");
    let (theirs, wall) = json_lines(
        Command::new(venv.join("python")).arg(script).arg(&pairs),
        "dinglehopper_pairs.py",
    )?;
    let theirs_run = Run { seconds: theirs.iter().map(|r| r.micros / 1e6).collect(), wall };
    ensure!(
        ours.len() == articles.len() && theirs.len() == articles.len(),
        "an article is missing"
    );
    Ok(((ours, ours_run), (theirs, theirs_run)))
}

/// Both tools once per article, as commands: `(ours, dinglehopper)`.
pub fn per_command(cli: &Path, venv: &Path, articles: &[Article]) -> anyhow::Result<(Run, Run)> {
    let reports = articles::dir().join("reports");
    fs::create_dir_all(&reports)?;
    let (mut ours, mut theirs) = (Run::default(), Run::default());
    progress(&format!("per command: {} articles, each tool once an article", articles.len()));
    for (i, article) in articles.iter().enumerate() {
        // Alternating, so that both meet the same noise.
        let mut command = Command::new(cli);
        command.arg("diff").arg(&article.ocr).arg(&article.gt).arg("--json");
        ours.seconds.push(timed(&mut command, "readingroom diff")?);
        let mut command = Command::new(venv.join("dinglehopper"));
        command.args(["--plain-encoding", "utf-8"]);
        command.arg(&article.gt).arg(&article.ocr).arg(&article.id).arg(&reports);
        theirs.seconds.push(timed(&mut command, "dinglehopper")?);
        if (i + 1) % 40 == 0 {
            progress(&format!("per command: {} of {}", i + 1, articles.len()));
        }
    }
    ours.wall = ours.total();
    theirs.wall = theirs.total();
    Ok((ours, theirs))
}

fn timed(command: &mut Command, what: &str) -> anyhow::Result<f64> {
    let started = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("cannot run {what}"))?;
    let seconds = started.elapsed().as_secs_f64();
    ensure!(status.success(), "{what} failed ({status})");
    Ok(seconds)
}

/// How far the rates are apart over the articles.
#[derive(Debug, Default)]
pub struct Agreement {
    pub compared: usize,
    pub max_cer: f64,
    pub max_wer: f64,
    /// Articles outside the tolerances: (name, our CER, theirs, our WER, theirs).
    pub outside: Vec<(String, f64, f64, f64, f64)>,
}

pub const CER_TOLERANCE: f64 = 0.001;
pub const WER_TOLERANCE: f64 = 0.005;

pub fn agreement(ours: &[Rates], theirs: &[Rates]) -> Agreement {
    let mut a = Agreement::default();
    for (o, t) in ours.iter().zip(theirs) {
        let (Some(oc), Some(tc), Some(ow), Some(tw)) = (o.cer, t.cer, o.wer, t.wer) else {
            continue;
        };
        a.compared += 1;
        let (dc, dw) = ((oc - tc).abs(), (ow - tw).abs());
        a.max_cer = a.max_cer.max(dc);
        a.max_wer = a.max_wer.max(dw);
        if dc > CER_TOLERANCE || dw > WER_TOLERANCE {
            a.outside.push((o.name.clone(), oc, tc, ow, tw));
        }
    }
    a
}
