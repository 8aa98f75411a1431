//! Installs the pinned tools from the registries this project may use (crates.io, npm, Debian),
//! skipping each one that is already there. The pins and why they are what they are:
//! `shared/notes/toolchain.md` and ARCHITECTURE.md.

use crate::run::{Failure, output_of, run, step};

/// The browser target the app and the core build for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Install every tool.
pub fn all() -> Result<(), Failure> {
    rust_components()?;
    wasm_target()?;
    println!("\nEverything is installed.");
    Ok(())
}

/// The wasm32 target of the Rust toolchain.
pub fn wasm_target() -> Result<(), Failure> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    step(&format!("Installing the Rust target {WASM_TARGET}"));
    run("rustup", &["target", "add", WASM_TARGET]).map_err(|e| {
        Failure::new(format!(
            "{e}\nInstall it by hand with `rustup target add {WASM_TARGET}`."
        ))
    })
}

/// rustfmt and clippy, which `cargo xtask test` runs.
pub fn rust_components() -> Result<(), Failure> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let have_fmt = output_of(&cargo, &["fmt", "--version"]).is_some();
    let have_clippy = output_of(&cargo, &["clippy", "--version"]).is_some();
    if have_fmt && have_clippy {
        return Ok(());
    }
    step("Installing rustfmt and clippy");
    run("rustup", &["component", "add", "rustfmt", "clippy"])
}
