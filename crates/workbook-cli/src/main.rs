//! `workbook`: the command curriculum authors use to check, inspect and start markdown modules.
//!
//! ```text
//! workbook check [DIR] [--format human|json] [--deny-warnings]
//! workbook dump  [DIR]
//! workbook new   <WEEK> <SLUG> [--dir DIR]
//! workbook init  <DIR>
//! ```
//!
//! DIR defaults to `$WORKBOOK_CONTENT`, then `content`. Exit codes: 0 when the content has no
//! errors, 1 when it has (or has warnings under `--deny-warnings`), 2 when the command could not
//! run (a wrong argument, a folder that cannot be read).

mod load;
mod render;
mod scaffold;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "workbook",
    version,
    about = "Check, inspect and start the markdown modules of a workbook curriculum.",
    after_help = "The content format and every diagnostic code are explained in content/README.md."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a curriculum and report every problem, with where it is and how to fix it.
    Check {
        /// The content folder.
        #[arg(env = "WORKBOOK_CONTENT", default_value = "content")]
        dir: PathBuf,
        /// `human` for people, `json` for tools.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Print the parsed curriculum as JSON, as the app sees it.
    Dump {
        /// The content folder.
        #[arg(env = "WORKBOOK_CONTENT", default_value = "content")]
        dir: PathBuf,
    },
    /// Start a new week file, ready to fill in, and list it in curriculum.md.
    #[command(after_help = kinds_help())]
    New {
        /// The week's number.
        week: u32,
        /// A short name for the file, such as `starting-safely`.
        slug: String,
        /// The content folder.
        #[arg(long, env = "WORKBOOK_CONTENT", default_value = "content")]
        dir: PathBuf,
    },
    /// Start a new curriculum in a folder: a manifest, a first week and a support line to fill in.
    Init {
        /// The folder for the new curriculum (created if it does not exist).
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// The kinds of exercise, for `workbook new --help`: what an author may write after `kind:`.
fn kinds_help() -> String {
    let width = workbook_core::Kind::NAMES
        .iter()
        .map(|name| name.len())
        .max()
        .unwrap_or(0);
    let mut help = String::from("The kinds of exercise (`kind:` in a `::: exercise` block):\n");
    for kind in workbook_core::Kind::ALL {
        help.push_str(&format!("  {:<width$}  {}\n", kind.name(), kind.summary()));
    }
    help.push_str("\nThe authors' guide (content/README.md) explains each, with its fields.");
    help
}

/// Exit code for a command that could not run.
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Check {
            dir,
            format,
            deny_warnings,
        } => check(&dir, format, deny_warnings),
        Command::Dump { dir } => dump(&dir),
        Command::New { week, slug, dir } => scaffold::new_week(&dir, week, &slug),
        Command::Init { dir } => scaffold::init(&dir),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn check(dir: &std::path::Path, format: Format, deny_warnings: bool) -> Result<ExitCode, String> {
    let sources = load::content_folder(dir)?;
    let parsed = workbook_core::parse(&sources);
    let mut stdout = std::io::stdout().lock();
    let written = match format {
        Format::Json => serde_json::to_string_pretty(&parsed.diagnostics)
            .map_err(|e| e.to_string())
            .and_then(|json| writeln!(stdout, "{json}").map_err(|e| e.to_string())),
        Format::Human => {
            let styled = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let text = render::human(
                &sources,
                &parsed.diagnostics,
                &dir.display().to_string(),
                styled,
            );
            write!(stdout, "{text}").map_err(|e| e.to_string())
        }
    };
    written.map_err(|e| format!("could not write the report: {e}"))?;
    Ok(exit_code(&parsed.diagnostics, deny_warnings))
}

fn dump(dir: &std::path::Path) -> Result<ExitCode, String> {
    let sources = load::content_folder(dir)?;
    let parsed = workbook_core::parse(&sources);
    let json = serde_json::to_string_pretty(&parsed.curriculum).map_err(|e| e.to_string())?;
    println!("{json}");
    if !parsed.diagnostics.is_empty() {
        let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        eprint!(
            "{}",
            render::human(
                &sources,
                &parsed.diagnostics,
                &dir.display().to_string(),
                styled
            )
        );
    }
    Ok(exit_code(&parsed.diagnostics, false))
}

fn exit_code(diagnostics: &[workbook_core::Diagnostic], deny_warnings: bool) -> ExitCode {
    let failing = diagnostics.iter().any(|d| d.is_error() || deny_warnings);
    ExitCode::from(u8::from(failing))
}
