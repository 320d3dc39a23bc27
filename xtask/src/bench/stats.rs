//! Medians, percentiles, file sizes and the formatting of figures.

use flate2::{Compression, write::GzEncoder};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The median of the values (the mean of the middle two for an even count); NaN for none.
pub fn median(values: &[f64]) -> f64 {
    let sorted = sorted(values);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The 95th percentile by nearest rank (with few values, the largest); NaN for none.
pub fn p95(values: &[f64]) -> f64 {
    let sorted = sorted(values);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (0.95 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    sorted.sort_by(f64::total_cmp);
    sorted
}

/// Bytes, raw and gzipped (level 6, each file on its own, as a server sends it).
#[derive(Debug, Clone, Copy, Default)]
pub struct Size {
    pub files: usize,
    pub raw: u64,
    pub gzip: u64,
    /// When not 0, `gzip` is estimated from one file in this many.
    pub sampled: usize,
}

impl std::ops::Add for Size {
    type Output = Size;
    fn add(self, other: Size) -> Size {
        Size {
            files: self.files + other.files,
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            sampled: self.sampled.max(other.sampled),
        }
    }
}

/// The sizes of `files`, gzipping on every core.
pub fn sizes(files: &[PathBuf]) -> anyhow::Result<Size> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let per = files.len().div_ceil(threads).max(1);
    let parts: Vec<anyhow::Result<Size>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(per)
            .map(|chunk| {
                scope.spawn(move || {
                    let mut size = Size::default();
                    for file in chunk {
                        let bytes = fs::read(file)?;
                        let (raw, gzip) = (bytes.len() as u64, gzip_len(&bytes)?);
                        size = size + Size { files: 1, raw, gzip, sampled: 0 };
                    }
                    Ok(size)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    parts.into_iter().try_fold(Size::default(), |sum, part| Ok(sum + part?))
}

/// The sizes of `files`; above `max` files, the raw bytes are counted exactly and the gzipped
/// ones estimated from an even sample (gigabytes at 100 000 documents).
pub fn sizes_sampled(files: &[PathBuf], max: usize) -> anyhow::Result<Size> {
    if files.len() <= max {
        return sizes(files);
    }
    let every = files.len().div_ceil(max.max(1));
    let sample: Vec<PathBuf> = files.iter().step_by(every).cloned().collect();
    let part = sizes(&sample)?;
    let mut raw = 0;
    for file in files {
        raw += fs::metadata(file)?.len();
    }
    let gzip = (raw as f64 * part.gzip as f64 / part.raw.max(1) as f64) as u64;
    Ok(Size { files: files.len(), raw, gzip, sampled: every })
}

/// A gzipped size, `~` before it when estimated from a sample.
pub fn gzipped(size: &Size) -> String {
    let figure = bytes(size.gzip as f64);
    if size.sampled > 0 { format!("~{figure}") } else { figure }
}

pub fn gzip_len(bytes: &[u8]) -> anyhow::Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

/// Every file under `dir`, sorted.
pub fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                stack.push(entry.path());
            } else {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Milliseconds: `12.3 ms`, `1234 ms`; `n/a` for NaN.
pub fn ms(value: f64) -> String {
    if value.is_nan() {
        "n/a".to_owned()
    } else if value < 10.0 {
        format!("{value:.2} ms")
    } else if value < 100.0 {
        format!("{value:.1} ms")
    } else {
        format!("{value:.0} ms")
    }
}

/// Seconds, for builds.
pub fn secs(value: f64) -> String {
    if value < 10.0 { format!("{value:.2} s") } else { format!("{value:.1} s") }
}

/// Bytes in B, KB, MB or GB (powers of 1024).
pub fn bytes(value: f64) -> String {
    const KB: f64 = 1024.0;
    if value.is_nan() {
        "n/a".to_owned()
    } else if value < KB {
        format!("{value:.0} B")
    } else if value < KB * KB {
        format!("{:.1} KB", value / KB)
    } else if value < KB * KB * KB {
        format!("{:.1} MB", value / KB / KB)
    } else {
        format!("{:.2} GB", value / KB / KB / KB)
    }
}

/// A ratio such as `0.42×`; `n/a` when either side is missing.
pub fn ratio(ours: f64, theirs: f64) -> String {
    let r = ours / theirs;
    if r.is_finite() { format!("{r:.2}×") } else { "n/a".to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
        let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(p95(&hundred), 95.0);
        assert_eq!(p95(&[1.0, 9.0]), 9.0);
        assert_eq!(p95(&[5.0]), 5.0);
    }

    #[test]
    fn figures_read_well() {
        assert_eq!(bytes(2048.0), "2.0 KB");
        assert_eq!(ms(3.456), "3.46 ms");
        assert_eq!(ratio(1.0, 4.0), "0.25×");
        assert_eq!(ratio(1.0, f64::NAN), "n/a");
    }
}
