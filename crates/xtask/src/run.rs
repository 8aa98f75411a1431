//! Running other programs, with their output shown and failures explained.

use std::fmt;
use std::path::PathBuf;
use std::process::Command;

/// Why a task stopped, said as a sentence a person can act on.
#[derive(Debug)]
pub struct Failure(String);

impl Failure {
    pub fn new(message: impl Into<String>) -> Self {
        Failure(message.into())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Prints the heading of a step.
pub fn step(what: &str) {
    println!("\n==> {what}");
}

/// The workspace root (xtask lives at crates/xtask).
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from("."))
}

/// Runs a command in the workspace, its output going straight to the terminal.
pub fn run(program: &str, args: &[&str]) -> Result<(), Failure> {
    run_command(Command::new(program).args(args))
}

/// Runs a configured command in the workspace.
pub fn run_command(command: &mut Command) -> Result<(), Failure> {
    let shown = format!(
        "{} {}",
        command.get_program().to_string_lossy(),
        command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let status = command
        .current_dir(workspace())
        .status()
        .map_err(|e| Failure::new(format!("could not start `{shown}`: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "`{shown}` failed ({status}); its output is above"
        )))
    }
}

/// Runs cargo (the same cargo that runs this task).
pub fn cargo(args: &[&str]) -> Result<(), Failure> {
    run_command(cargo_command().args(args))
}

/// A command for the cargo that runs this task, to configure before running.
pub fn cargo_command() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
}

/// The first line a program prints for `args`, if it runs at all.
pub fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}
