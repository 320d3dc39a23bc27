//! The rounds of fetches a query takes once its engine is open (tests/bench/browser.mjs
//! counts them): medians and maxima by kind of query, and what each round of ours fetched.

use super::browser::{Cold, EngineRun, round_parts};
use crate::bench::stats::median;

/// The rounds of an engine's cold runs (of one kind of query, or all) that counted them.
pub fn cold(engine: &EngineRun, kind: Option<&str>) -> Vec<f64> {
    engine
        .cold
        .iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .filter_map(|c| c.rounds.map(f64::from))
        .collect()
}

/// How the app's rounds counted from request times (Pagefind's method) compare with its own
/// marks, over every query, cold and warm, that has both: (the same, more, fewer).
pub fn by_timing(engine: &EngineRun) -> (usize, usize, usize) {
    let pairs = engine
        .cold
        .iter()
        .map(|c| (c.rounds, c.rounds_by_timing))
        .chain(engine.warm.iter().map(|w| (w.rounds, w.rounds_by_timing)));
    let mut out = (0, 0, 0);
    for (marks, timing) in pairs {
        let (Some(marks), Some(timing)) = (marks, timing) else { continue };
        match timing.cmp(&marks) {
            std::cmp::Ordering::Equal => out.0 += 1,
            std::cmp::Ordering::Greater => out.1 += 1,
            std::cmp::Ordering::Less => out.2 += 1,
        }
    }
    out
}

/// The rounds of the warm queries that fetched anything (the others take none).
pub fn warm_fetching(engine: &EngineRun) -> Vec<f64> {
    engine.warm.iter().filter_map(|w| w.rounds.filter(|&r| r > 0).map(f64::from)).collect()
}

/// A count of rounds: `3`, or `2.5` for the median of an even number of queries.
pub fn count(value: f64) -> String {
    if value.is_nan() {
        "n/a".to_owned()
    } else if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// A count of rounds with its noun: `1 round`, `3 rounds`.
pub fn rounds(value: f64) -> String {
    format!("{} round{}", count(value), if value == 1.0 { "" } else { "s" })
}

/// `median / max`, or `n/a` when none were counted.
pub fn median_max(values: &[f64]) -> String {
    if values.is_empty() {
        return "n/a".to_owned();
    }
    format!("{} / {}", count(median(values)), count(max(values)))
}

pub fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::NAN, f64::max)
}

/// What a cold query's rounds fetched, round after round: `table 1, dict 2 → post 3 → page 10`.
pub fn path(cold: &Cold) -> String {
    if cold.round_files.is_empty() {
        return "no round".to_owned();
    }
    cold.round_files.iter().map(round_parts).collect::<Vec<_>>().join(" → ")
}

/// The cold query of a kind whose rounds are the median's (the first such), for an example.
pub fn typical<'a>(engine: &'a EngineRun, kind: &str) -> Option<&'a Cold> {
    let rounds = cold(engine, Some(kind));
    let target = median(&rounds);
    engine
        .cold
        .iter()
        .filter(|c| c.kind == kind)
        .filter_map(|c| Some((c, f64::from(c.rounds?))))
        .min_by(|a, b| (a.1 - target).abs().total_cmp(&(b.1 - target).abs()))
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn run(kind: &str, rounds: u32, files: &[&[(&str, usize)]]) -> Cold {
        let json = serde_json::json!({
            "kind": kind, "q": format!("q{rounds}"), "error": null, "rounds": rounds,
            "round_files": files.iter().map(|r| r.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect::<BTreeMap<_, _>>()).collect::<Vec<_>>(),
        });
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn counts_by_kind_and_the_typical_query_s_rounds() {
        let engine = EngineRun {
            cold: vec![
                run("exact", 3, &[&[("table", 1), ("dict", 2)], &[("post", 3)], &[("page", 10)]]),
                run("exact", 2, &[&[("dict", 1)], &[("post", 1)]]),
                run("exact", 4, &[&[("dict", 1)], &[("post", 1)], &[("page", 9)], &[("page", 1)]]),
                run("fuzzy", 5, &[]),
            ],
            ..EngineRun::default()
        };
        assert_eq!(median_max(&cold(&engine, Some("exact"))), "3 / 4");
        assert_eq!(median_max(&cold(&engine, None)), "3.5 / 5");
        assert_eq!(median_max(&cold(&engine, Some("miss"))), "n/a");
        let typical = typical(&engine, "exact").unwrap();
        assert_eq!(path(typical), "table 1, dict 2 → post 3 → page 10");
        assert_eq!(path(&engine.cold[3]), "no round");
    }

    #[test]
    fn the_count_from_request_times_is_checked_against_the_marks() {
        let mut engine = EngineRun {
            cold: vec![run("exact", 3, &[]), run("exact", 2, &[]), run("miss", 1, &[])],
            ..EngineRun::default()
        };
        engine.cold[0].rounds_by_timing = Some(3);
        engine.cold[1].rounds_by_timing = Some(4);
        assert_eq!(by_timing(&engine), (1, 1, 0));
    }
}
