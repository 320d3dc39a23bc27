//! The machine a run measured on, for BENCHMARKS.md.

use crate::{process, setup};
use std::fs;
use std::process::Command;

#[derive(Debug)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory_gib: f64,
    pub os: String,
    pub rustc: String,
    pub chromium: String,
    pub node: String,
    /// The date of the run, UTC, as YYYY-MM-DD.
    pub date: String,
}

impl Machine {
    pub fn describe() -> Machine {
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = field(&cpuinfo, "model name").unwrap_or_else(|| "unknown".to_owned());
        let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let kib: f64 = field(&meminfo, "MemTotal")
            .and_then(|v| v.split_whitespace().next().and_then(|n| n.parse().ok()))
            .unwrap_or(0.0);
        let release = fs::read_to_string("/etc/os-release").unwrap_or_default();
        let name = release
            .lines()
            .find_map(|l| l.strip_prefix("PRETTY_NAME="))
            .map(|v| v.trim_matches('"').to_owned())
            .unwrap_or_else(|| "unknown".to_owned());
        let kernel = run(Command::new("uname").arg("-r"));
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
            memory_gib: kib / 1024.0 / 1024.0,
            os: format!("{name}, Linux {kernel}"),
            rustc: run(Command::new("rustc").arg("--version")),
            chromium: run(Command::new(setup::CHROMIUM).arg("--version")),
            node: run(Command::new("node").arg("--version")),
            date: run(Command::new("date").args(["-u", "+%Y-%m-%d"])),
        }
    }
}

/// The value of `name : value` in a /proc file.
fn field(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == name).then(|| value.trim().to_owned())
    })
}

fn run(command: &mut Command) -> String {
    process::output(command)
        .map(|out| {
            out.lines().rfind(|l| !l.trim().is_empty()).unwrap_or_default().trim().to_owned()
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
