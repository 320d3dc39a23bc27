//! Writing the bundle into its staging folder as the build emits it: each document's data file
//! at once, the catalog as it grows, and the index's files under provisional names until the
//! key that names them is known.

use anyhow::Context;
use readingroom_core::bundle::BuiltFile;
use readingroom_core::bundle::stream::Ended;
use readingroom_core::search::build::Emitted;
use readingroom_core::search::format::{META_FILE, Part};
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The key in the names of the index's files until the real one is known.
const PENDING: &str = "pending";

/// The staging folder being filled.
#[derive(Debug)]
pub struct Staging {
    root: PathBuf,
    catalog: BufWriter<File>,
    /// The index files begun and not yet ended.
    open: HashMap<Part, BufWriter<File>>,
    folders: Vec<PathBuf>,
}

impl Staging {
    pub fn new(root: &Path) -> anyhow::Result<Staging> {
        let path = root.join(readingroom_core::bundle::CATALOG_FILE);
        let catalog =
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(Staging {
            root: root.to_owned(),
            catalog: BufWriter::new(catalog),
            open: HashMap::new(),
            folders: Vec::new(),
        })
    }

    fn path(&mut self, relative: &str) -> anyhow::Result<PathBuf> {
        let path = self.root.join(relative);
        if let Some(parent) = path.parent().filter(|p| !self.folders.iter().any(|f| f == p)) {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
            self.folders.push(parent.to_owned());
        }
        Ok(path)
    }

    /// Writes a whole file (a document's data).
    pub fn file(&mut self, file: &BuiltFile) -> anyhow::Result<()> {
        let path = self.path(&file.path)?;
        fs::write(&path, &file.bytes).with_context(|| format!("cannot write {}", path.display()))
    }

    /// Appends to the catalog.
    pub fn catalog(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.catalog.write_all(bytes).context("cannot write the catalog")
    }

    /// Writes a file of the index, or the next slice of one.
    pub fn index(&mut self, emitted: Emitted) -> anyhow::Result<()> {
        let path = self.path(&emitted.part.file(PENDING))?;
        let writing = || format!("cannot write {}", path.display());
        if emitted.end && !self.open.contains_key(&emitted.part) {
            return fs::write(&path, &emitted.bytes).with_context(writing);
        }
        let out = match self.open.entry(emitted.part) {
            std::collections::hash_map::Entry::Occupied(open) => open.into_mut(),
            std::collections::hash_map::Entry::Vacant(new) => {
                let file = File::create(&path).with_context(writing)?;
                new.insert(BufWriter::new(file))
            }
        };
        out.write_all(&emitted.bytes).with_context(writing)?;
        if emitted.end
            && let Some(mut out) = self.open.remove(&emitted.part)
        {
            out.flush().with_context(writing)?;
        }
        Ok(())
    }

    /// Ends the catalog, writes `meta.json` and gives the index's files their names.
    pub fn finish(mut self, ended: &Ended) -> anyhow::Result<()> {
        self.catalog(&ended.catalog)?;
        self.catalog.flush().context("cannot write the catalog")?;
        anyhow::ensure!(self.open.is_empty(), "an index file was left unfinished");
        for part in &ended.index.parts {
            let (from, to) =
                (self.root.join(part.file(PENDING)), self.root.join(part.file(&ended.index.key)));
            fs::rename(&from, &to).with_context(|| format!("cannot rename {}", from.display()))?;
        }
        let meta = self.path(META_FILE)?;
        fs::write(&meta, &ended.index.meta)
            .with_context(|| format!("cannot write {}", meta.display()))
    }
}
