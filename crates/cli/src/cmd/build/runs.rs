//! The sorted runs a build spills when its postings outgrow the memory budget: files in
//! `.runs/` inside the bundle's staging folder (so they share its disk and go with it), read
//! back for the merge. The format is core's (`search::build::run`); this module only moves
//! bytes.

use anyhow::Context;
use indicatif::ProgressBar;
use readingroom_core::search::build::SortedPostings;
use readingroom_core::search::build::run::{self, HEAD_BYTES, Piece, RunSource, RunWriter, Sink};
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// Runs merged at once at most: each holds a file open and a read buffer.
const FAN_IN: usize = 64;
/// The read buffer of each run.
const READ_BUFFER: usize = 256 * 1024;

/// The runs spilled so far, in order.
#[derive(Debug)]
pub struct Runs {
    dir: PathBuf,
    files: Vec<PathBuf>,
    made: usize,
}

impl Runs {
    pub fn new(staging: &Path) -> Runs {
        Runs { dir: staging.join(".runs"), files: Vec::new(), made: 0 }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    fn next_path(&mut self) -> anyhow::Result<PathBuf> {
        if self.made == 0 {
            fs::create_dir_all(&self.dir)
                .with_context(|| format!("cannot create {}", self.dir.display()))?;
        }
        self.made += 1;
        Ok(self.dir.join(format!("run-{}.bin", self.made)))
    }

    /// Writes `run` as the next run.
    pub fn spill(&mut self, run: SortedPostings) -> anyhow::Result<()> {
        let path = self.next_path()?;
        let mut out = BufWriter::new(create(&path)?);
        for slice in run {
            out.write_all(&slice).with_context(|| format!("cannot write {}", path.display()))?;
        }
        out.flush().with_context(|| format!("cannot write {}", path.display()))?;
        self.files.push(path);
        Ok(())
    }

    /// The bytes of every run.
    pub fn bytes(&self) -> u64 {
        self.files.iter().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum()
    }

    /// Merges runs, [`FAN_IN`] neighbours at a time, until no more than that are left to merge
    /// at once. Neighbours, so the runs stay in document order; level by level, so every byte
    /// is rewritten once a level, not once a group.
    pub fn narrow(&mut self, progress: &ProgressBar) -> anyhow::Result<()> {
        while self.files.len() > FAN_IN {
            let level = std::mem::take(&mut self.files);
            for group in level.chunks(FAN_IN) {
                let merged = match group {
                    [one] => one.clone(),
                    _ => self.merge(group, progress)?,
                };
                self.files.push(merged);
            }
        }
        Ok(())
    }

    /// Merges `group` into a new run, removing them.
    fn merge(&mut self, group: &[PathBuf], progress: &ProgressBar) -> anyhow::Result<PathBuf> {
        let bytes: u64 = group.iter().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum();
        progress.inc_length(bytes);
        let path = self.next_path()?;
        let mut out = BufWriter::new(create(&path)?);
        {
            let mut readers = open_all(group, progress)?;
            let mut sources: Vec<&mut dyn RunSource<Error = anyhow::Error>> = readers
                .iter_mut()
                .map(|r| r as &mut dyn RunSource<Error = anyhow::Error>)
                .collect();
            let mut write = |bytes: &[u8]| -> anyhow::Result<()> {
                out.write_all(bytes).with_context(|| format!("cannot write {}", path.display()))
            };
            run::merge(&mut sources, &mut RunWriter::new(&mut write))?;
        }
        out.flush().with_context(|| format!("cannot write {}", path.display()))?;
        for file in group {
            fs::remove_file(file).with_context(|| format!("cannot remove {}", file.display()))?;
        }
        Ok(path)
    }

    /// Opens every run for the merge, each counting what it reads on `progress`.
    pub fn open(&self, progress: &ProgressBar) -> anyhow::Result<Vec<RunFile>> {
        open_all(&self.files, progress)
    }

    /// Removes the runs' folder.
    pub fn remove(self) -> anyhow::Result<()> {
        if self.made > 0 {
            fs::remove_dir_all(&self.dir)
                .with_context(|| format!("cannot remove {}", self.dir.display()))?;
        }
        Ok(())
    }
}

fn create(path: &Path) -> anyhow::Result<File> {
    File::create(path).with_context(|| format!("cannot create {}", path.display()))
}

fn open_all(files: &[PathBuf], progress: &ProgressBar) -> anyhow::Result<Vec<RunFile>> {
    files
        .iter()
        .map(|path| {
            let file =
                File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok(RunFile {
                reader: BufReader::with_capacity(READ_BUFFER, file),
                path: path.clone(),
                left: 0,
                buffer: Vec::new(),
                progress: progress.clone(),
            })
        })
        .collect()
}

/// A run being read.
#[derive(Debug)]
pub struct RunFile {
    reader: BufReader<File>,
    path: PathBuf,
    /// The bytes of the current entry's records not yet read.
    left: u64,
    buffer: Vec<u8>,
    progress: ProgressBar,
}

fn damaged(path: &Path, what: &str) -> anyhow::Error {
    anyhow::anyhow!("the temporary file {} is damaged ({what})", path.display())
}

impl RunSource for RunFile {
    type Error = anyhow::Error;

    fn next_term(&mut self) -> anyhow::Result<Option<(String, Piece)>> {
        let read = |e: std::io::Error| anyhow::anyhow!("cannot read {}: {e}", self.path.display());
        if self.reader.fill_buf().map_err(read)?.is_empty() {
            return Ok(None);
        }
        let mut head = [0; HEAD_BYTES];
        self.reader
            .read_exact(&mut head)
            .map_err(|_| damaged(&self.path, "an entry is cut short"))?;
        let (len, piece) = run::read_head(&head);
        let mut term = vec![0; len];
        self.reader
            .read_exact(&mut term)
            .map_err(|_| damaged(&self.path, "a term is cut short"))?;
        let term =
            String::from_utf8(term).map_err(|_| damaged(&self.path, "a term is not UTF-8"))?;
        self.left = piece.len;
        self.progress.inc((HEAD_BYTES + len) as u64);
        Ok(Some((term, piece)))
    }

    fn read_records(&mut self, each: &mut Sink<'_, anyhow::Error>) -> anyhow::Result<()> {
        self.buffer.resize(READ_BUFFER, 0);
        while self.left > 0 {
            let n = self.left.min(READ_BUFFER as u64) as usize;
            self.reader
                .read_exact(&mut self.buffer[..n])
                .map_err(|_| damaged(&self.path, "postings are cut short"))?;
            each(&self.buffer[..n])?;
            self.left -= n as u64;
            self.progress.inc(n as u64);
        }
        Ok(())
    }
}
