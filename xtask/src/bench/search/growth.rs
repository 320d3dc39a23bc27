//! How the build's time and peak memory grow with the collection, from 10 000 documents up:
//! the figure that lets a size no run reached (a million documents, seven million pages) be
//! read off, as the issue asks when that size does not fit the machines.

use super::Measured;
use crate::bench::stats::median;

/// The smallest size the growth is taken from: below it, fixed costs blur the rate.
pub const FROM_DOCS: usize = 10_000;
/// The size the growth is read off at.
pub const MILLION: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Growth {
    pub from_docs: usize,
    pub to_docs: usize,
    /// How many times the time and the peak memory grew from `from_docs` to `to_docs`.
    pub time: f64,
    pub memory: f64,
    /// The exponents k of `figure ∝ documents^k` between the two largest sizes.
    pub time_exponent: f64,
    pub memory_exponent: f64,
    /// At those exponents, the time (s) and peak memory (bytes) of a million documents.
    pub million_secs: f64,
    pub million_peak: f64,
}

/// One synthetic size's build: documents, median seconds, peak bytes.
pub type Point = (usize, f64, f64);

/// The synthetic sizes' builds, smallest first.
pub fn points(measured: &[Measured]) -> Vec<Point> {
    let mut points: Vec<Point> = measured
        .iter()
        .filter(|m| m.collection.name != "default")
        .map(|m| (m.collection.docs, median(&m.build.seconds), m.build.peak_bytes as f64))
        .collect();
    points.sort_by_key(|p| p.0);
    points
}

/// The growth from [`FROM_DOCS`] (or the smallest size above it) to the largest size; none
/// without two sizes from there up.
pub fn of(points: &[Point]) -> Option<Growth> {
    let up: Vec<&Point> = points.iter().filter(|p| p.0 >= FROM_DOCS).collect();
    let (first, last) = (*up.first()?, *up.last()?);
    let before = *up.get(up.len().checked_sub(2)?)?;
    if first.0 == last.0 {
        return None;
    }
    let exponent = |a: f64, b: f64| (b / a).ln() / (last.0 as f64 / before.0 as f64).ln();
    let (kt, km) = (exponent(before.1, last.1), exponent(before.2, last.2));
    let scale = MILLION as f64 / last.0 as f64;
    Some(Growth {
        from_docs: first.0,
        to_docs: last.0,
        time: last.1 / first.1,
        memory: last.2 / first.2,
        time_exponent: kt,
        memory_exponent: km,
        million_secs: last.1 * scale.powf(kt),
        million_peak: last.2 * scale.powf(km),
    })
}

/// The time `docs` documents would take at the growth between the two largest sizes measured
/// (from [`FROM_DOCS`] up); none without two such sizes.
pub fn time_at(points: &[Point], docs: usize) -> Option<f64> {
    let growth = of(points)?;
    let last = points.last()?;
    Some(last.1 * (docs as f64 / last.0 as f64).powf(growth.time_exponent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_growth_reads_off_linearly() {
        let points = [(1_000, 1.0, 100.0), (10_000, 10.0, 1_000.0), (100_000, 100.0, 10_000.0)];
        let g = of(&points).unwrap();
        assert_eq!((g.from_docs, g.to_docs), (10_000, 100_000));
        assert!((g.time - 10.0).abs() < 1e-9 && (g.memory - 10.0).abs() < 1e-9);
        assert!((g.time_exponent - 1.0).abs() < 1e-9);
        assert!((g.million_secs - 1_000.0).abs() < 1e-6);
        assert!((g.million_peak - 100_000.0).abs() < 1e-3);
        assert!((time_at(&points, 300_000).unwrap() - 300.0).abs() < 1e-6);
    }

    #[test]
    fn flat_memory_stays_flat_and_the_exponent_comes_from_the_two_largest_sizes() {
        let points = [(10_000, 10.0, 500.0), (100_000, 200.0, 500.0), (300_000, 600.0, 500.0)];
        let g = of(&points).unwrap();
        assert!((g.time - 60.0).abs() < 1e-9);
        assert!((g.time_exponent - 1.0).abs() < 1e-9, "{}", g.time_exponent);
        assert!(g.memory_exponent.abs() < 1e-9);
        assert!((g.million_peak - 500.0).abs() < 1e-6);
    }

    #[test]
    fn one_size_from_ten_thousand_up_gives_no_growth() {
        assert_eq!(of(&[(1_000, 1.0, 1.0), (10_000, 9.0, 5.0)]), None);
        assert_eq!(of(&[]), None);
    }
}
