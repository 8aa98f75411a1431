//! The accessibility audit: axe-core, injected into the page under test.
//!
//! axe-core comes from npm; `cargo xtask setup` installs it into `.tools/node_modules`. The
//! audit runs the WCAG 2.0, 2.1 and 2.2 A and AA rules and axe's best practices ([`WCAG_TAGS`])
//! over the whole document
//! as it is at the moment of the call, so open the state worth auditing (a dialog, a form with
//! an error) before calling it.

use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

use super::browser::Browser;
use super::workspace_dir;

/// The axe-core rule tags the audit runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's
/// best practices (landmarks with names of their own, one main landmark, headings in order, ...).
pub const WCAG_TAGS: [&str; 6] = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// One rule the page breaks, with every element that breaks it.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Violation {
    /// axe's rule id, such as `color-contrast` or `label`.
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: Option<String>,
    /// What the rule asks for, in a sentence.
    pub help: String,
    /// Deque's page that explains the rule and how to meet it.
    pub help_url: String,
    /// The elements that break it.
    pub nodes: Vec<ViolationNode>,
}

/// An element that breaks a rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ViolationNode {
    /// CSS selectors that find the element (one per frame or shadow root on the way).
    pub target: Vec<String>,
    /// The element's opening HTML.
    pub html: String,
    /// What to fix, as axe words it.
    pub failure_summary: Option<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("unknown impact");
        writeln!(f, "{} ({impact}): {}", self.id, self.help)?;
        writeln!(f, "  see {}", self.help_url)?;
        for node in &self.nodes {
            writeln!(f, "  - at `{}`: {}", node.target.join(" >>> "), node.html)?;
            if let Some(summary) = &node.failure_summary {
                for line in summary.lines() {
                    writeln!(f, "      {line}")?;
                }
            }
        }
        Ok(())
    }
}

/// The violations one after another, for a panic message.
pub fn format_violations(violations: &[Violation]) -> String {
    violations.iter().map(ToString::to_string).collect()
}

/// Where axe-core's script is expected: `.tools/node_modules/axe-core/axe.min.js`.
pub fn axe_script_path() -> PathBuf {
    workspace_dir()
        .join(".tools")
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js")
}

/// axe-core's source; panics, saying how to install it, when it is missing.
fn axe_source() -> String {
    let path = axe_script_path();
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "axe-core is not installed ({}: {error}). `cargo xtask setup` installs it; by hand: \
             `npm install --prefix .tools axe-core --no-audit --no-fund` in the workspace",
            path.display()
        )
    })
}

impl Browser {
    /// Runs axe-core's WCAG A and AA rules over the current page and returns what it breaks.
    pub async fn axe_violations(&self) -> Vec<Violation> {
        let loaded = self
            .execute("return typeof window.axe === 'object';", Vec::new())
            .await;
        if loaded != serde_json::Value::Bool(true) {
            // The script defines `window.axe`. WebDriver scripts are not subject to the page's
            // Content-Security-Policy, so this works under a strict policy too.
            self.execute(&axe_source(), Vec::new()).await;
        }
        let tags = serde_json::json!(WCAG_TAGS);
        let result = self
            .execute_async(
                "const [tags, done] = arguments;
                 axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
                   .then((results) => done({ violations: results.violations.map((v) => ({
                       id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                       nodes: v.nodes.map((n) => ({
                         target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)),
                         html: n.html, failureSummary: n.failureSummary,
                       })),
                     })) }))
                   .catch((error) => done({ error: String(error) }));",
                vec![tags],
            )
            .await;
        if let Some(error) = result["error"].as_str() {
            panic!("axe-core could not audit the page: {error}");
        }
        serde_json::from_value(result["violations"].clone())
            .unwrap_or_else(|error| panic!("axe-core's results did not read as expected: {error}"))
    }

    /// Panics, listing each broken rule with the elements to fix, if axe-core finds any WCAG A
    /// or AA violation on the current page; `state` names what is on screen (for the message).
    pub async fn assert_accessible(&self, state: &str) {
        let violations = self.axe_violations().await;
        if !violations.is_empty() {
            let report = self.failure_report().await;
            panic!(
                "axe-core found {} accessibility problem(s) on {state}:\n\n{}\n{report}",
                violations.len(),
                format_violations(&violations)
            );
        }
    }
}
