//! Installs the pinned tools from the registries this project may use (crates.io, npm, Debian),
//! skipping each one that is already there. Why each pin is what it is: ARCHITECTURE.md.

use std::path::PathBuf;
use std::process::Command;

use crate::run::{Failure, cargo, output_of, run, run_command, step, workspace};

/// The browser target the app and the core build for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Trunk 0.22 needs a newer rustc than this machine's 1.95.
pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate's version exactly (pinned in crates/workbook-web).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// Debian's binaryen is too old for what rustc 1.95 emits; npm's is current.
pub const BINARYEN_NPM: &str = "binaryen@132";
/// The accessibility checker the browser tests inject into each page.
pub const AXE_NPM: &str = "axe-core@4.14.1";
/// Minifies wasm-bindgen's JavaScript glue in a release build (Trunk's own minifier cannot
/// parse it): 1.5 KB gzipped less to download.
pub const TERSER_NPM: &str = "terser@5.51.4";
/// Measures the built site's first load for `cargo xtask report`: 13.x needs Node 22, and this
/// machine has Node 20.
pub const LIGHTHOUSE_NPM: &str = "lighthouse@12.2.3";

/// Install every tool.
pub fn all() -> Result<(), Failure> {
    rust_components()?;
    wasm_target()?;
    web_tools()?;
    browsers()?;
    axe_core()?;
    lighthouse()?;
    println!("\nEverything is installed.");
    Ok(())
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

/// The wasm32 target of the Rust toolchain, and the standard library's source, which the app's
/// wasm is built from (see `trunk()` in main.rs).
pub fn wasm_target() -> Result<(), Failure> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|line| line.trim() == WASM_TARGET) {
        step(&format!("Installing the Rust target {WASM_TARGET}"));
        run("rustup", &["target", "add", WASM_TARGET]).map_err(|e| {
            Failure::new(format!(
                "{e}\nInstall it by hand with `rustup target add {WASM_TARGET}`."
            ))
        })?;
    }
    let components = output_of("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    if !components.lines().any(|line| line.trim() == "rust-src") {
        step("Installing the Rust standard library's source (rust-src)");
        run("rustup", &["component", "add", "rust-src"]).map_err(|e| {
            Failure::new(format!(
                "{e}\nInstall it by hand with `rustup component add rust-src`."
            ))
        })?;
    }
    Ok(())
}

/// Everything Trunk needs to build the app: the wasm target, Trunk, wasm-bindgen and wasm-opt.
pub fn web_tools() -> Result<(), Failure> {
    wasm_target()?;
    cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    // `--locked` fails for this one: the registry lacks one of its locked dependencies.
    cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        WASM_BINDGEN_VERSION,
        false,
    )?;
    binaryen()?;
    terser()
}

/// terser, from npm, in `.tools/`: the release build minifies the JavaScript glue with it.
fn terser() -> Result<(), Failure> {
    let version = terser_path()
        .to_str()
        .and_then(|path| output_of(path, &["--version"]));
    let wanted = TERSER_NPM.trim_start_matches("terser@");
    if version.is_some_and(|v| v.split_whitespace().any(|word| word == wanted)) {
        return Ok(());
    }
    npm_install(TERSER_NPM, "terser")
}

/// Where `terser` is once installed.
pub fn terser_path() -> PathBuf {
    tools_dir().join("node_modules/.bin/terser")
}

fn cargo_tool(binary: &str, package: &str, version: &str, locked: bool) -> Result<(), Failure> {
    let found = output_of(binary, &["--version"]).unwrap_or_default();
    if found.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    step(&format!(
        "Installing {package} {version} from crates.io (once; it takes a few minutes)"
    ));
    let mut args = vec!["install", package, "--version", version];
    if locked {
        args.push("--locked");
    }
    cargo(&args)
}

/// Where the project keeps tools installed from npm.
pub fn tools_dir() -> PathBuf {
    workspace().join(".tools")
}

/// wasm-opt, from npm's binaryen, in `.tools/`.
fn binaryen() -> Result<(), Failure> {
    let wasm_opt = tools_dir().join("node_modules/.bin/wasm-opt");
    let version = wasm_opt
        .to_str()
        .and_then(|path| output_of(path, &["--version"]));
    if version.is_some_and(|v| v.contains("132")) {
        return Ok(());
    }
    npm_install(BINARYEN_NPM, "wasm-opt")
}

/// axe-core, which the browser tests inject into each page to check accessibility.
pub fn axe_core() -> Result<(), Failure> {
    if tools_dir()
        .join("node_modules/axe-core/axe.min.js")
        .exists()
    {
        return Ok(());
    }
    npm_install(AXE_NPM, "axe-core")
}

/// Lighthouse, from npm, in `.tools/`: `cargo xtask report` measures the built site with it (in
/// Debian's Chromium, which [`browsers`] installs).
pub fn lighthouse() -> Result<(), Failure> {
    let wanted = LIGHTHOUSE_NPM.trim_start_matches("lighthouse@");
    let installed =
        std::fs::read_to_string(tools_dir().join("node_modules/lighthouse/package.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|package| package["version"].as_str().map(str::to_string));
    if installed.as_deref() == Some(wanted) && lighthouse_cli().exists() {
        return Ok(());
    }
    npm_install(LIGHTHOUSE_NPM, "Lighthouse")
}

/// Lighthouse's command line, run with `node`.
pub fn lighthouse_cli() -> PathBuf {
    tools_dir().join("node_modules/lighthouse/cli/index.js")
}

fn npm_install(package: &str, what: &str) -> Result<(), Failure> {
    step(&format!(
        "Installing {what} ({package}) from npm into .tools/"
    ));
    let prefix = tools_dir();
    std::fs::create_dir_all(&prefix)
        .map_err(|e| Failure::new(format!("cannot create .tools: {e}")))?;
    run_command(
        Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--save-exact",
                "--prefix",
            ])
            .arg(&prefix)
            .arg(package),
    )
    .map_err(|e| {
        Failure::new(format!(
            "{e}\n{what} comes from npm: is Node.js with npm installed?"
        ))
    })
}

/// geckodriver, which drives Firefox for the browser tests.
pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// What the browser tests run in: each engine's browser and WebDriver driver, from Debian, and
/// geckodriver from crates.io. None downloads a browser of its own.
///
/// | engine | Debian packages | and |
/// |---|---|---|
/// | Chromium | `chromium`, `chromium-driver` | |
/// | Gecko | `firefox-esr` | `geckodriver` from crates.io |
/// | WebKit | `webkit2gtk-driver` (WebKitGTK's MiniBrowser and `WebKitWebDriver`), `xvfb` | |
pub fn browsers() -> Result<(), Failure> {
    let have = |path: &str| std::path::Path::new(path).exists();
    let missing: Vec<&str> = [
        ("/usr/bin/chromium", "chromium"),
        ("/usr/bin/chromedriver", "chromium-driver"),
        ("/usr/bin/firefox-esr", "firefox-esr"),
        ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
        ("/usr/bin/xvfb-run", "xvfb"),
    ]
    .into_iter()
    .filter(|(path, _)| !have(path))
    .map(|(_, package)| package)
    .collect();
    if !missing.is_empty() {
        step(&format!(
            "Installing the browsers for the tests from Debian: {}",
            missing.join(", ")
        ));
        apt_install(&missing)?;
    }
    cargo_tool("geckodriver", "geckodriver", GECKODRIVER_VERSION, false)
}

/// `apt-get install`s Debian packages (through `sudo` unless running as root).
fn apt_install(packages: &[&str]) -> Result<(), Failure> {
    let root = output_of("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let (program, prefix): (&str, &[&str]) = if root {
        ("apt-get", &[])
    } else {
        ("sudo", &["apt-get"])
    };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = prefix.to_vec();
        all.extend_from_slice(args);
        run_command(
            Command::new(program)
                .args(&all)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
    };
    apt(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q"];
    install.extend_from_slice(packages);
    apt(&install).map_err(|e| {
        Failure::new(format!(
            "{e}\nInstall them by hand: `apt-get install {}`.",
            packages.join(" ")
        ))
    })
}

/// A PATH with the project's npm tools and cargo's binaries in front, for running Trunk.
pub fn tool_path() -> std::ffi::OsString {
    let mut paths = vec![tools_dir().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
    {
        paths.push(home.join("bin"));
    }
    if let Some(existing) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).unwrap_or_default()
}
