//! The browser engines a participant may use, and how each is driven.
//!
//! | engine | browser | driver | how it runs here |
//! |---|---|---|---|
//! | Chromium | Debian's `chromium` | `chromedriver` | headless, phone metrics emulated |
//! | Gecko | Debian's `firefox-esr` | `geckodriver` (crates.io) | headless |
//! | WebKit | WebKitGTK's MiniBrowser | `WebKitWebDriver` | under a virtual display (`xvfb-run`): headless made session creation hang |
//!
//! Every one is installed by `cargo xtask setup` from Debian or crates.io; none downloads a
//! browser of its own. What only Chromium's driver offers (Chrome's performance log, emulated
//! phone metrics) has a stand-in that works everywhere, said where it is used.

use std::path::Path;

use serde_json::{Map, Value as Json, json};

use super::Viewport;

/// A browser engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chromium (Chrome, Edge, Samsung Internet and most Android browsers).
    Chromium,
    /// Gecko (Firefox).
    Firefox,
    /// WebKit (Safari, and every browser on an iPhone or iPad).
    WebKit,
}

/// WebKitGTK's test browser, which `WebKitWebDriver` drives.
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

impl Engine {
    /// Every engine, Chromium first.
    #[allow(
        dead_code,
        reason = "the speed report measures in every engine; tests name each"
    )]
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// Its name in test names, screenshots and messages: `chromium`, `firefox`, `webkit`.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// The driver program, unless an environment variable names another (`$CHROMEDRIVER`,
    /// `$GECKODRIVER`, `$WEBKITWEBDRIVER`).
    pub fn driver_program(self) -> String {
        let (variable, default) = match self {
            Engine::Chromium => ("CHROMEDRIVER", "/usr/bin/chromedriver".to_string()),
            Engine::Firefox => ("GECKODRIVER", cargo_bin("geckodriver")),
            Engine::WebKit => ("WEBKITWEBDRIVER", "/usr/bin/WebKitWebDriver".to_string()),
        };
        std::env::var(variable).unwrap_or(default)
    }

    /// What to install when the driver is missing, for the panic message.
    pub fn install_hint(self) -> &'static str {
        match self {
            Engine::Chromium => "the Debian packages `chromium` and `chromium-driver`",
            Engine::Firefox => "the Debian package `firefox-esr` and `geckodriver` from crates.io",
            Engine::WebKit => "the Debian packages `webkit2gtk-driver` and `xvfb`",
        }
    }

    /// The driver's command line: the program, then its arguments, to listen on `port` and log
    /// to `log`. WebKit's runs inside `xvfb-run`, which gives it a display of its own.
    pub fn driver_command(self, port: u16, log: &Path) -> (String, Vec<String>) {
        let program = self.driver_program();
        match self {
            Engine::Chromium => (
                program,
                vec![
                    format!("--port={port}"),
                    format!("--log-path={}", log.display()),
                ],
            ),
            Engine::Firefox => (
                program,
                vec![
                    "--port".into(),
                    port.to_string(),
                    "--log".into(),
                    "info".into(),
                ],
            ),
            Engine::WebKit => (
                "xvfb-run".into(),
                vec![
                    "--auto-servernum".into(),
                    "--server-args=-screen 0 1280x1024x24 -nolisten tcp".into(),
                    program,
                    format!("--port={port}"),
                ],
            ),
        }
    }

    /// The new session's capabilities: a fresh profile in `profile`, files the page offers saved
    /// into `downloads` without asking, the viewport, and nothing fetched of the browser's own.
    pub fn capabilities(
        self,
        viewport: Viewport,
        profile: &Path,
        downloads: &Path,
        extra_args: &[&str],
    ) -> Map<String, Json> {
        let capabilities = match self {
            Engine::Chromium => chromium_capabilities(viewport, profile, downloads, extra_args),
            Engine::Firefox => {
                let mut args = vec![
                    "-headless".to_string(),
                    "-profile".to_string(),
                    profile.display().to_string(),
                ];
                args.extend(extra_args.iter().map(ToString::to_string));
                json!({
                    "browserName": "firefox",
                    "moz:firefoxOptions": {
                        "binary": "/usr/bin/firefox-esr",
                        "args": args,
                        "prefs": {
                            // Save a backup file into the test's folder, without asking.
                            "browser.download.folderList": 2,
                            "browser.download.dir": downloads.display().to_string(),
                            "browser.download.useDownloadDir": true,
                            "browser.download.always_ask_before_handling_new_types": false,
                            "browser.helperApps.neverAsk.saveToDisk": "application/json",
                            "browser.download.manager.showWhenStarting": false,
                            // The downloads panel would take the keyboard from the page.
                            "browser.download.alwaysOpenPanel": false,
                            // Nothing of Firefox's own on the network.
                            "app.update.enabled": false,
                            "browser.shell.checkDefaultBrowser": false,
                            "datareporting.policy.dataSubmissionEnabled": false,
                            "toolkit.telemetry.enabled": false,
                            "network.captive-portal-service.enabled": false,
                            "network.connectivity-service.enabled": false,
                            "browser.safebrowsing.malware.enabled": false,
                            "browser.safebrowsing.phishing.enabled": false,
                            "extensions.update.enabled": false,
                            "browser.newtabpage.enabled": false,
                            "browser.startup.homepage": "about:blank",
                            // Service workers on http://127.0.0.1 (a secure context already,
                            // but the test server's origin changes every run).
                            "dom.serviceWorkers.enabled": true,
                            "dom.serviceWorkers.testing.enabled": true,
                            "layout.css.devPixelsPerPx": format!("{}", viewport.pixel_ratio.min(2.0)),
                        },
                    },
                })
            }
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": MINIBROWSER,
                    "args": ["--automation"],
                },
            }),
        };
        match capabilities {
            Json::Object(map) => map,
            _ => Map::new(),
        }
    }
}

impl std::fmt::Display for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A program `cargo install` put in cargo's `bin` folder.
fn cargo_bin(program: &str) -> String {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_default();
    home.join("bin").join(program).display().to_string()
}

/// Headless Chromium with a fresh profile, quiet (no background traffic of its own), the
/// viewport emulated exactly, and the performance log switched on (see [`super::network`]).
fn chromium_capabilities(
    viewport: Viewport,
    profile: &Path,
    downloads: &Path,
    extra_args: &[&str],
) -> Json {
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".to_string(),
        "--disable-gpu".to_string(),
        "--disable-dev-shm-usage".to_string(),
        "--disable-background-networking".to_string(),
        "--disable-component-update".to_string(),
        "--disable-sync".to_string(),
        "--no-first-run".to_string(),
        "--disable-quic".to_string(),
        format!("--window-size={},{}", viewport.width, viewport.height),
        format!("--user-data-dir={}", profile.display()),
    ];
    args.extend(extra_args.iter().map(ToString::to_string));
    json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "args": args,
            // Files the page offers (a backup) are saved here, without asking.
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
            },
            "mobileEmulation": {
                "deviceMetrics": {
                    "width": viewport.width,
                    "height": viewport.height,
                    "pixelRatio": viewport.pixel_ratio,
                    "mobile": viewport.mobile,
                    "touch": viewport.mobile,
                },
            },
        },
        "goog:loggingPrefs": { "performance": "ALL" },
    })
}

/// Declares a scenario that runs in every engine: a module named after the scenario, with one
/// test per engine (`drafts::text_typed_is_kept::webkit`), so a run shows at once which engine
/// failed, and `cargo test webkit` runs one engine's share.
///
/// ```ignore
/// in_every_engine! {
///     /// What the scenario proves.
///     async fn text_typed_is_kept(engine: Engine) {
///         let browser = Browser::phone_in(engine).await;
///         // ...
///     }
/// }
/// ```
#[macro_export]
macro_rules! in_every_engine {
    ($(#[$meta:meta])* async fn $name:ident($engine:ident: Engine) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn scenario($engine: $crate::harness::Engine) $body

            #[tokio::test]
            async fn chromium() {
                scenario($crate::harness::Engine::Chromium).await
            }

            #[tokio::test]
            async fn firefox() {
                scenario($crate::harness::Engine::Firefox).await
            }

            #[tokio::test]
            async fn webkit() {
                scenario($crate::harness::Engine::WebKit).await
            }
        }
    };
}
