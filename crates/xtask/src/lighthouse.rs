//! Lighthouse over a built site, as `cargo xtask report` runs it (and `cargo xtask lighthouse`,
//! over one site or more): npm's Lighthouse ([`setup::LIGHTHOUSE_NPM`]) in Debian's headless
//! Chromium, a mobile phone on simulated slow 4G, the site served gzipped by
//! [`CompressedServer`]. It loads the home page and week 9 in turn, each run in a fresh Chrome
//! profile, and prints the medians of the performance score, first contentful paint, largest
//! contentful paint and total blocking time. Several sites are measured in one run, interleaved,
//! so that a slower minute of the machine falls on each alike.
//!
//! The aims are printed beside the figures, never asserted: machines are noisy, and
//! Lighthouse's simulated phone is slower on a slow or busy machine.
//!
//! Lighthouse 12.2.3 is older than Debian's Chromium, and some of its diagnostics fail on the
//! newer browser's traces (the largest-contentful-paint-element audit, for one); the four
//! figures read here are unaffected.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

use crate::compressed_server::CompressedServer;
use crate::run::{Failure, step, workspace};
use crate::setup;

/// The browser Lighthouse drives: Debian's Chromium, which the browser tests use too.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The runs per page `cargo xtask report` takes the medians of.
pub const RUNS: usize = 3;

/// The pages measured: a label, and the address's path on the site.
const PAGES: [(&str, &str); 2] = [("home", "/"), ("#/week/9", "/#/week/9")];

/// The aims for the home page (the issue's): reported, never a failure.
const AIM_SCORE: f64 = 0.95;
const AIM_LCP_MS: f64 = 2000.0;

/// What one Lighthouse run measured.
#[derive(Debug, Clone, PartialEq)]
struct Measure {
    score: f64,
    fcp_ms: f64,
    lcp_ms: f64,
    tbt_ms: f64,
}

/// What a run says of how it measured, the same in every run.
struct Conditions {
    version: String,
    settings: String,
}

/// Runs Lighthouse `runs` times on each page of each built site in `sites` (relative paths are
/// from the workspace), interleaved, and prints a table of medians for each site.
pub fn report(sites: &[PathBuf], runs: usize, throttling: Throttling) -> Result<(), Failure> {
    setup::lighthouse()?;
    if !Path::new(CHROMIUM).exists() {
        return Err(Failure::new(format!(
            "Lighthouse runs in Debian's Chromium, and {CHROMIUM} is missing: \
             `cargo xtask setup` installs it (or `apt-get install chromium`)"
        )));
    }
    let sites: Vec<PathBuf> = sites.iter().map(|site| workspace().join(site)).collect();
    let servers = sites
        .iter()
        .map(|site| CompressedServer::start(site))
        .collect::<Result<Vec<_>, _>>()?;
    let names: Vec<String> = sites.iter().map(|site| shown(site)).collect();
    let width = names
        .iter()
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0);
    step(&format!(
        "Measuring the first load with Lighthouse ({}; mobile, {} throttling, served \
         gzipped): {} × {runs} run{} of {}",
        setup::LIGHTHOUSE_NPM,
        match throttling {
            Throttling::Simulate => "simulated",
            Throttling::Devtools => "real (devtools)",
        },
        PAGES.map(|(label, _)| label).join(" and "),
        if runs == 1 { "" } else { "s" },
        names.join(", "),
    ));
    // measures[site][page]: one per run.
    let mut measures = vec![vec![Vec::new(); PAGES.len()]; sites.len()];
    let mut took = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut benchmarks = Vec::new();
    let mut conditions = None;
    for run in 1..=runs {
        for (page, (label, path)) in PAGES.iter().enumerate() {
            for (site, server) in servers.iter().enumerate() {
                let url = format!("{}{path}", server.origin());
                let started = Instant::now();
                let report = run_lighthouse(&url, &sites[site], throttling)?;
                took.push(started.elapsed());
                let measure = measure_of(&report).map_err(|why| {
                    Failure::new(format!(
                        "Lighthouse ran on {label} of {}, but {why}.\n{}",
                        names[site],
                        rerun(&names[site])
                    ))
                })?;
                if conditions.is_none() {
                    conditions = Some(conditions_of(&report));
                }
                if let Some(index) = report["environment"]["benchmarkIndex"].as_f64() {
                    benchmarks.push(index);
                }
                for warning in report["runWarnings"].as_array().into_iter().flatten() {
                    let warning = warning.as_str().unwrap_or_default().trim().to_string();
                    if !warning.is_empty() && !warnings.contains(&warning) {
                        warnings.push(warning);
                    }
                }
                let site_name = if sites.len() > 1 {
                    format!("{:<width$}  ", names[site])
                } else {
                    String::new()
                };
                println!(
                    "  run {run}/{runs}  {site_name}{label:<9} {}  ({:.0} s)",
                    figures(&measure),
                    started.elapsed().as_secs_f64()
                );
                let _ = std::io::stdout().flush();
                measures[site][page].push(measure);
            }
        }
    }
    drop(servers);
    let Conditions { version, settings } = conditions.unwrap_or(Conditions {
        version: "?".to_string(),
        settings: "?".to_string(),
    });
    let of = if runs == 1 {
        "one run".to_string()
    } else {
        format!("median of {runs} runs")
    };
    println!("\nLighthouse {version} ({settings}; the site served gzipped), {of}:");
    for (site, pages) in measures.iter().enumerate() {
        if sites.len() > 1 {
            println!("{}", names[site]);
        }
        println!(
            "  {:<10} {:>12} {:>19} {:>21} {:>16}",
            "page", "performance", "first paint (FCP)", "largest paint (LCP)", "blocking (TBT)"
        );
        let mut home = None;
        for ((label, _), runs) in PAGES.iter().zip(pages) {
            let median = median_of(runs);
            println!(
                "  {label:<10} {:>12.2} {:>17.2} s {:>19.2} s {:>13.0} ms",
                median.score,
                median.fcp_ms / 1000.0,
                median.lcp_ms / 1000.0,
                median.tbt_ms
            );
            home.get_or_insert(median);
        }
        if let Some(home) = home {
            match throttling {
                Throttling::Simulate => println!("  {}", aims(&home)),
                Throttling::Devtools => println!(
                    "  (the aims are set against the simulated run; this one checks what it estimates)"
                ),
            }
        }
    }
    if !benchmarks.is_empty() {
        println!(
            "  This machine's CPU benchmark index (Lighthouse's; median): {:.0}. The simulated \
             phone is this machine slowed by a fixed factor:\n  a slower or busier machine reads \
             slower.",
            median(benchmarks)
        );
    }
    for warning in &warnings {
        println!("  Lighthouse warned: {}", warning.replace('\n', " "));
    }
    took.sort();
    if let Some(typical) = took.get(took.len() / 2) {
        println!(
            "  Each Lighthouse run took about {:.0} s here.",
            typical.as_secs_f64()
        );
    }
    Ok(())
}

/// How Lighthouse slows the page down to a mobile phone on slow 4G.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Throttling {
    /// Loads the page at full speed and simulates the slow phone from what it saw (Lighthouse's
    /// default, and what the aims are set against). It estimates: a request that started
    /// before the largest paint counts towards it, even one the paint did not wait for.
    Simulate,
    /// Slows the browser down for real (the same slow 4G and CPU): slower and noisier, but it
    /// measures what the simulation only estimates, such as downloads competing with each other.
    Devtools,
}

impl Throttling {
    /// `LIGHTHOUSE_THROTTLING`: `simulate` (the default) or `devtools`.
    pub fn from_env() -> Result<Self, Failure> {
        match std::env::var("LIGHTHOUSE_THROTTLING") {
            Ok(method) if method == "devtools" => Ok(Throttling::Devtools),
            Ok(method) if method != "simulate" => Err(Failure::new(format!(
                "LIGHTHOUSE_THROTTLING is {method:?}: it can be `simulate` (the default) or `devtools`"
            ))),
            _ => Ok(Throttling::Simulate),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Throttling::Simulate => "simulate",
            Throttling::Devtools => "devtools",
        }
    }
}

/// Runs Lighthouse once on `url` and returns its JSON report.
fn run_lighthouse(url: &str, site: &Path, throttling: Throttling) -> Result<Value, Failure> {
    let output_path = std::env::temp_dir().join(format!(
        "xtask-lighthouse-{}-{}.json",
        std::process::id(),
        unique()
    ));
    let output = Command::new("node")
        .arg(setup::lighthouse_cli())
        .arg(url)
        .args([
            "--only-categories=performance",
            "--form-factor=mobile",
            &format!("--throttling-method={}", throttling.name()),
            "--output=json",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ])
        .arg(format!("--output-path={}", output_path.display()))
        .env("CHROME_PATH", CHROMIUM)
        .current_dir(workspace())
        .output()
        .map_err(|e| {
            Failure::new(format!(
                "could not start Lighthouse (`node {}`): {e}\nLighthouse runs on Node.js: is it installed?",
                setup::lighthouse_cli().display()
            ))
        })?;
    let read = std::fs::read_to_string(&output_path);
    // `LIGHTHOUSE_KEEP=folder` keeps every run's whole report there, to see why a figure moved.
    if let Some(keep) = std::env::var_os("LIGHTHOUSE_KEEP") {
        let _ = std::fs::create_dir_all(&keep);
        let _ = std::fs::copy(
            &output_path,
            Path::new(&keep).join(output_path.file_name().unwrap_or_default()),
        );
    }
    let _ = std::fs::remove_file(&output_path);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(Failure::new(format!(
            "Lighthouse failed on {url} ({}); what it said last:\n{}\n{}",
            output.status,
            tail.join("\n"),
            rerun(&shown(site))
        )));
    }
    let text = read.map_err(|e| {
        Failure::new(format!(
            "Lighthouse ran on {url} but wrote no report ({e}).\n{}",
            rerun(&shown(site))
        ))
    })?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::new(format!(
            "Lighthouse's report on {url} is not JSON ({e}).\n{}",
            rerun(&shown(site))
        ))
    })
}

/// A number unique within this process, for temporary file names.
fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

/// How to try again with Lighthouse alone.
fn rerun(site: &str) -> String {
    format!(
        "Rerun Lighthouse alone with `cargo xtask lighthouse --runs 1 {site}` \
         (Lighthouse {} in .tools/, Chromium at {CHROMIUM}).",
        setup::LIGHTHOUSE_NPM.trim_start_matches("lighthouse@")
    )
}

/// A site's folder as the user would type it: from the workspace when inside it.
fn shown(site: &Path) -> String {
    let root = workspace();
    site.strip_prefix(&root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| site.to_path_buf())
        .display()
        .to_string()
}

/// The four figures of a report, or why they are missing.
fn measure_of(report: &Value) -> Result<Measure, String> {
    if let Some(error) = report.get("runtimeError").filter(|e| !e.is_null()) {
        return Err(format!(
            "it could not measure the page: {} ({})",
            error["message"].as_str().unwrap_or("no message"),
            error["code"].as_str().unwrap_or("no code")
        ));
    }
    let audit = |name: &str| {
        report["audits"][name]["numericValue"]
            .as_f64()
            .ok_or_else(|| format!("its report has no {name}"))
    };
    Ok(Measure {
        score: report["categories"]["performance"]["score"]
            .as_f64()
            .ok_or("its report has no performance score")?,
        fcp_ms: audit("first-contentful-paint")?,
        lcp_ms: audit("largest-contentful-paint")?,
        tbt_ms: audit("total-blocking-time")?,
    })
}

/// Lighthouse's version and what it simulated, from a report's own settings.
fn conditions_of(report: &Value) -> Conditions {
    let settings = &report["configSettings"];
    let throttling = &settings["throttling"];
    let mut said = vec![
        settings["formFactor"]
            .as_str()
            .unwrap_or("unknown form factor")
            .to_string(),
    ];
    let method = settings["throttlingMethod"].as_str().unwrap_or("unknown");
    match (
        throttling["rttMs"].as_f64(),
        throttling["throughputKbps"].as_f64(),
        throttling["cpuSlowdownMultiplier"].as_f64(),
    ) {
        (Some(rtt), Some(kbps), Some(cpu)) if method == "simulate" => said.push(format!(
            "simulated slow 4G: {rtt:.0} ms round trips, {:.1} Mbit/s, CPU {cpu:.0}× slower",
            kbps / 1000.0
        )),
        _ if method == "devtools" => said.push(format!(
            "slow 4G applied in the browser: {:.0} ms round trips, {:.1} Mbit/s down, CPU {:.0}× slower",
            throttling["requestLatencyMs"].as_f64().unwrap_or(f64::NAN),
            throttling["downloadThroughputKbps"].as_f64().unwrap_or(f64::NAN) / 1000.0,
            throttling["cpuSlowdownMultiplier"].as_f64().unwrap_or(f64::NAN)
        )),
        _ => said.push(format!("throttling: {method}")),
    }
    Conditions {
        version: report["lighthouseVersion"]
            .as_str()
            .unwrap_or("?")
            .to_string(),
        settings: said.join(", "),
    }
}

/// One run's figures on a line.
fn figures(measure: &Measure) -> String {
    format!(
        "performance {:.2}  FCP {:.2} s  LCP {:.2} s  TBT {:.0} ms",
        measure.score,
        measure.fcp_ms / 1000.0,
        measure.lcp_ms / 1000.0,
        measure.tbt_ms
    )
}

/// The median of each figure on its own.
fn median_of(runs: &[Measure]) -> Measure {
    let figure = |f: fn(&Measure) -> f64| median(runs.iter().map(f).collect());
    Measure {
        score: figure(|m| m.score),
        fcp_ms: figure(|m| m.fcp_ms),
        lcp_ms: figure(|m| m.lcp_ms),
        tbt_ms: figure(|m| m.tbt_ms),
    }
}

/// The middle value (the mean of the middle two for an even count); 0 for none.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The home page's figures against the aims, in words.
fn aims(home: &Measure) -> String {
    let score = if home.score >= AIM_SCORE {
        "met"
    } else {
        "not yet"
    };
    let lcp = if home.lcp_ms <= AIM_LCP_MS {
        "met"
    } else {
        "not yet"
    };
    format!(
        "aims for the home page (reported, not enforced): performance at least {AIM_SCORE:.2} \
         ({score}: {:.2}), LCP at most {:.1} s ({lcp}: {:.2} s)",
        home.score,
        AIM_LCP_MS / 1000.0,
        home.lcp_ms / 1000.0
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn medians_are_taken_figure_by_figure() {
        let m = |score, fcp_ms, lcp_ms, tbt_ms| Measure {
            score,
            fcp_ms,
            lcp_ms,
            tbt_ms,
        };
        let runs = [
            m(0.9, 1000.0, 3000.0, 50.0),
            m(0.8, 1200.0, 2000.0, 10.0),
            m(0.95, 1100.0, 2500.0, 30.0),
        ];
        assert_eq!(median_of(&runs), m(0.9, 1100.0, 2500.0, 30.0));
        assert_eq!(median(vec![4.0, 1.0]), 2.5);
        assert_eq!(median(vec![]), 0.0);
    }

    #[test]
    fn reads_the_figures_and_settings_from_a_report() {
        let report = json!({
            "lighthouseVersion": "12.2.3",
            "configSettings": {
                "formFactor": "mobile",
                "throttlingMethod": "simulate",
                "throttling": { "rttMs": 150, "throughputKbps": 1638.4, "cpuSlowdownMultiplier": 4 },
            },
            "categories": { "performance": { "score": 0.87 } },
            "audits": {
                "first-contentful-paint": { "numericValue": 1805.5 },
                "largest-contentful-paint": { "numericValue": 3301.0 },
                "total-blocking-time": { "numericValue": 42.0 },
            },
        });
        assert_eq!(
            measure_of(&report),
            Ok(Measure {
                score: 0.87,
                fcp_ms: 1805.5,
                lcp_ms: 3301.0,
                tbt_ms: 42.0
            })
        );
        let conditions = conditions_of(&report);
        assert_eq!(conditions.version, "12.2.3");
        assert_eq!(
            conditions.settings,
            "mobile, simulated slow 4G: 150 ms round trips, 1.6 Mbit/s, CPU 4× slower"
        );
        let failed = json!({
            "runtimeError": { "code": "NO_FCP", "message": "The page did not paint any content." },
            "categories": { "performance": { "score": null } },
        });
        let why = measure_of(&failed).expect_err("no figures");
        assert!(why.contains("NO_FCP"), "{why}");
    }
}
