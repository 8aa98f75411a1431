//! A headless Chromium session for one test.
//!
//! [`Browser::start`] finds a free port, starts `chromedriver` on it, and opens a session in the
//! Debian Chromium with a fresh profile folder and the [`Viewport`] asked for. Dropping the
//! [`Browser`] ends the session (Chromium quits), stops the driver and deletes the profile, even
//! when the test panics, so tests share nothing and can run in parallel.
//!
//! Chrome's performance log is switched on (`goog:loggingPrefs`), so [`super::network`] can list
//! what the page fetched.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Map, Value as Json, json};

use super::network::NetworkRequest;
use super::{APP_START, StaticServer, current_test_name, file_name_safe, screenshot_dir};

/// The driver used unless `$CHROMEDRIVER` names another (the variable wasm-bindgen's test
/// runner reads too).
const DEFAULT_CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// How long chromedriver may take to listen on its port.
const DRIVER_START: Duration = Duration::from_secs(10);

/// How often the waits look again.
const POLL: Duration = Duration::from_millis(100);

/// A JavaScript condition that holds once the app has started and settled: Trunk's loader has
/// initialised the wasm (it sets `window.wasmBindings`), the app has rendered some text (the
/// page's own HTML holds only a `<noscript>`, which has no text while scripts run), and nothing
/// on the page is marked `aria-busy="true"` (the app marks what is still loading so, for screen
/// readers and for these tests alike).
pub const APP_STARTED: &str = "location.protocol.startsWith('http') \
    && window.wasmBindings !== undefined \
    && document.body !== null && document.body.innerText.trim().length > 0 \
    && document.querySelector('[aria-busy=\"true\"]') === null";

/// The size of the page's viewport, in CSS pixels, and whether it is a phone.
///
/// Chromium is given the size through chromedriver's `mobileEmulation.deviceMetrics`, so
/// `innerWidth` is exactly `width` (a headless window cannot be narrower than 500 pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Width in CSS pixels (`window.innerWidth` on a page with a viewport `<meta>`).
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// Device pixels per CSS pixel; screenshots are this many times larger.
    pub pixel_ratio: f64,
    /// A phone: touch events, the mobile viewport rules, overlay scrollbars.
    pub mobile: bool,
}

impl Viewport {
    /// A common phone: 390 × 844 CSS pixels, 3 device pixels per CSS pixel, touch.
    pub const PHONE: Self = Self {
        width: 390,
        height: 844,
        pixel_ratio: 3.0,
        mobile: true,
    };

    /// A laptop window: 1280 × 900, mouse.
    pub const DESKTOP: Self = Self {
        width: 1280,
        height: 900,
        pixel_ratio: 1.0,
        mobile: false,
    };
}

/// One test's browser: a chromedriver, a Chromium session and its profile folder.
pub struct Browser {
    client: Client,
    viewport: Viewport,
    /// Every request the page made since the session started, read from the performance log
    /// (Chrome hands each log entry out once; see [`super::network`]).
    pub(super) network: Mutex<Vec<NetworkRequest>>,
    /// Held for its `Drop`, which ends the session and stops the driver; declared last so it is
    /// dropped last.
    #[allow(dead_code, reason = "held for its Drop")]
    driver: Driver,
}

impl Browser {
    /// A phone-sized browser ([`Viewport::PHONE`]).
    pub async fn phone() -> Self {
        Self::start(Viewport::PHONE).await
    }

    /// A desktop-sized browser ([`Viewport::DESKTOP`]).
    pub async fn desktop() -> Self {
        Self::start(Viewport::DESKTOP).await
    }

    /// Starts chromedriver and a headless Chromium with a fresh profile and `viewport`, on a
    /// blank page. Panics with chromedriver's own words when it cannot.
    pub async fn start(viewport: Viewport) -> Self {
        Self::start_with(viewport, &[]).await
    }

    /// A phone-sized browser whose system asks for dark colours (`prefers-color-scheme: dark`).
    pub async fn phone_in_dark_mode() -> Self {
        Self::start_with(Viewport::PHONE, &["--force-dark-mode"]).await
    }

    /// Like [`Browser::start`], with extra Chromium command-line switches.
    pub async fn start_with(viewport: Viewport, extra_args: &[&str]) -> Self {
        let mut driver = Driver::spawn();
        let webdriver = format!("http://127.0.0.1:{}", driver.port);
        let mut builder = ClientBuilder::rustls().unwrap_or_else(|error| {
            panic!("cannot set up the WebDriver client's TLS support: {error}")
        });
        builder.capabilities(capabilities(
            viewport,
            &driver.profile(),
            &driver.downloads(),
            extra_args,
        ));
        let client = match builder.connect(&webdriver).await {
            Ok(client) => client,
            Err(error) => panic!(
                "chromedriver at {webdriver} could not start Chromium: {error}\n\
                 Is Chromium installed (`cargo xtask setup` installs the Debian packages \
                 `chromium` and `chromium-driver`)? chromedriver's log:\n{}",
                driver.log_tail()
            ),
        };
        driver.session_id = client.session_id().await.unwrap_or_else(|error| {
            panic!("chromedriver gave no session id: {error}");
        });
        let browser = Self {
            client,
            viewport,
            network: Mutex::new(Vec::new()),
            driver,
        };
        // On start-up Debian's Chromium opens its new-tab page, which fetches chrome:// pages and
        // tries its search engine's start page. That is the browser's doing, not the site's:
        // leave it, and forget it, before the test begins.
        browser.goto("about:blank").await;
        browser.forget_network_log().await;
        browser
    }

    /// The WebDriver client, for what the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The viewport the browser was started with.
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// Runs `source` in every page this browser opens from now on, before the page's own
    /// scripts (Chrome DevTools' `Page.addScriptToEvaluateOnNewDocument`): for simulating a
    /// browser whose storage is blocked, say.
    pub async fn run_before_page_scripts(&self, source: &str) {
        let command = CdpExecute {
            body: serde_json::json!({
                "cmd": "Page.addScriptToEvaluateOnNewDocument",
                "params": { "source": source },
            })
            .to_string(),
        };
        if let Err(error) = self.client.issue_cmd(command).await {
            panic!("chromedriver refused a DevTools command: {error}");
        }
    }

    /// The folder the browser saves downloads into.
    pub fn downloads_dir(&self) -> PathBuf {
        self.driver.downloads()
    }

    /// Waits for a finished download whose name ends with `suffix` and returns its path.
    pub async fn wait_for_download(&self, suffix: &str, timeout: Duration) -> PathBuf {
        let deadline = Instant::now() + timeout;
        let dir = self.downloads_dir();
        loop {
            let found = fs::read_dir(&dir).ok().and_then(|entries| {
                entries
                    .flatten()
                    .map(|entry| entry.path())
                    .find(|path| path.to_string_lossy().ends_with(suffix))
            });
            if let Some(path) = found {
                return path;
            }
            if Instant::now() > deadline {
                panic!(
                    "no download ending in {suffix} appeared in {} within {timeout:?}",
                    dir.display()
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Opens `url` and waits for its `load` event.
    pub async fn goto(&self, url: &str) {
        if let Err(error) = self.client.goto(url).await {
            let report = self.failure_report().await;
            panic!("the browser could not open {url}: {error}\n{report}");
        }
    }

    /// Reloads the page and waits for its `load` event.
    pub async fn reload(&self) {
        if let Err(error) = self.client.refresh().await {
            let report = self.failure_report().await;
            panic!("the browser could not reload the page: {error}\n{report}");
        }
    }

    /// Opens the site's start page on `server` and waits until the app has started
    /// ([`APP_STARTED`], at most [`APP_START`]).
    pub async fn open_app(&self, server: &StaticServer) {
        self.goto(&server.url("/")).await;
        self.wait_for_app().await;
    }

    /// Waits until the app on the current page has started ([`APP_STARTED`], at most
    /// [`APP_START`]).
    pub async fn wait_for_app(&self) {
        if let Err(last) = self.try_wait_for_js(APP_STARTED, APP_START).await {
            let report = self.failure_report().await;
            panic!(
                "the app did not start within {APP_START:?}: the wasm did not load or rendered \
                 nothing ({last}). Is `dist/` built (`cargo xtask build`)? Does the browser \
                 console show an error?\n{report}"
            );
        }
    }

    /// Runs `script` as the body of a function (use `return` for a value; `arguments` holds
    /// `args`) and returns its value. Panics, naming the script, if it throws.
    pub async fn execute(&self, script: &str, args: Vec<Json>) -> Json {
        match self.client.execute(script, args).await {
            Ok(value) => value,
            Err(error) => panic!("this script failed in the page: {error}\n---\n{script}\n---"),
        }
    }

    /// Runs `script` as the body of a function whose last argument is a callback, and returns
    /// the value passed to the callback. Panics, naming the script, if it throws or times out.
    pub async fn execute_async(&self, script: &str, args: Vec<Json>) -> Json {
        match self.client.execute_async(script, args).await {
            Ok(value) => value,
            Err(error) => panic!("this script failed in the page: {error}\n---\n{script}\n---"),
        }
    }

    /// Waits until the JavaScript expression `condition` is truthy (a promise is awaited), at
    /// most `timeout`. On time-out, returns what went wrong the last time it was checked.
    pub async fn try_wait_for_js(&self, condition: &str, timeout: Duration) -> Result<(), String> {
        let script = format!(
            "const done = arguments[arguments.length - 1];
             Promise.resolve()
               .then(() => ({condition}))
               .then((value) => done({{ value: Boolean(value) }}),
                     (error) => done({{ error: String(error) }}));"
        );
        let deadline = Instant::now() + timeout;
        let mut last = "it stayed false".to_string();
        loop {
            match self.client.execute_async(&script, Vec::new()).await {
                Ok(result) if result["value"] == Json::Bool(true) => return Ok(()),
                Ok(result) => {
                    if let Some(error) = result["error"].as_str() {
                        last = format!("it threw: {error}");
                    }
                }
                // A page that is navigating cannot run scripts; look again.
                Err(error) => last = format!("the browser said: {error}"),
            }
            if Instant::now() >= deadline {
                return Err(last);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the JavaScript expression `condition` is truthy (a promise is awaited), at
    /// most `timeout`; panics with the page's state and a screenshot if it never is.
    pub async fn wait_for_js(&self, condition: &str, timeout: Duration) {
        if let Err(last) = self.try_wait_for_js(condition, timeout).await {
            let report = self.failure_report().await;
            panic!("waited {timeout:?} for `{condition}` to hold; {last}\n{report}");
        }
    }

    /// Waits until an element matches the CSS selector `css`, at most `timeout`, and returns
    /// it; panics with the page's state and a screenshot if none appears.
    pub async fn wait_for_selector(&self, css: &str, timeout: Duration) -> Element {
        let deadline = Instant::now() + timeout;
        loop {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => return element,
                Err(error) if Instant::now() >= deadline => {
                    let report = self.failure_report().await;
                    panic!(
                        "waited {timeout:?} for an element matching `{css}`; none appeared \
                         ({error})\n{report}"
                    );
                }
                Err(_) => tokio::time::sleep(POLL).await,
            }
        }
    }

    /// The page's visible text (`document.body.innerText`).
    pub async fn body_text(&self) -> String {
        let text = self
            .execute(
                "return document.body ? document.body.innerText : '';",
                Vec::new(),
            )
            .await;
        text.as_str().unwrap_or_default().to_string()
    }

    /// Everything in the page's `localStorage`, by key.
    pub async fn local_storage(&self) -> BTreeMap<String, String> {
        let entries = self
            .execute(
                "const entries = {};
                 for (let i = 0; i < localStorage.length; i++) {
                   const key = localStorage.key(i);
                   entries[key] = localStorage.getItem(key);
                 }
                 return entries;",
                Vec::new(),
            )
            .await;
        serde_json::from_value(entries)
            .unwrap_or_else(|error| panic!("localStorage did not read as text by key: {error}"))
    }

    /// Saves a PNG of the viewport as `target/screenshots/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        match self.try_screenshot(name).await {
            Ok(path) => path,
            Err(error) => panic!("cannot save the screenshot `{name}`: {error}"),
        }
    }

    async fn try_screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|error| error.to_string())?;
        let folder = screenshot_dir();
        fs::create_dir_all(&folder)
            .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
        let path = folder.join(format!("{}.png", file_name_safe(name)));
        fs::write(&path, png)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        Ok(path)
    }

    /// Where the page is, its text and a screenshot (named after the test), for a panic message.
    /// Never fails: what cannot be had is said so.
    pub async fn failure_report(&self) -> String {
        let url = match self.client.current_url().await {
            Ok(url) => url.to_string(),
            Err(error) => format!("(unknown: {error})"),
        };
        let text = match self
            .client
            .execute(
                "return document.body ? document.body.innerText : '';",
                Vec::new(),
            )
            .await
        {
            Ok(text) => {
                let text = text.as_str().unwrap_or_default().trim().to_string();
                let excerpt: String = text.chars().take(600).collect();
                if excerpt.len() < text.len() {
                    format!("{excerpt}…")
                } else {
                    excerpt
                }
            }
            Err(error) => format!("(unreadable: {error})"),
        };
        let screenshot = match self.try_screenshot(&current_test_name()).await {
            Ok(path) => path.display().to_string(),
            Err(error) => format!("(none: {error})"),
        };
        format!("  page: {url}\n  screenshot: {screenshot}\n  text:\n{text}")
    }
}

/// The session's capabilities: headless Chromium with a fresh profile, quiet (no background
/// traffic of its own), the viewport, and the performance log.
fn capabilities(
    viewport: Viewport,
    profile: &Path,
    downloads: &Path,
    extra_args: &[&str],
) -> Map<String, Json> {
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
    let capabilities = json!({
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
    });
    match capabilities {
        Json::Object(map) => map,
        _ => Map::new(),
    }
}

/// A running chromedriver and the folder holding its log and Chromium's profile. Dropping it
/// ends the session, stops the driver and deletes the folder.
struct Driver {
    child: Child,
    port: u16,
    folder: PathBuf,
    session_id: Option<String>,
}

impl Driver {
    /// Starts chromedriver on a free port, trying another port if one is taken in between.
    fn spawn() -> Self {
        static SESSIONS: AtomicUsize = AtomicUsize::new(0);
        let folder = std::env::temp_dir().join(format!(
            "workbook-e2e-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, Ordering::SeqCst)
        ));
        // A folder left by a killed run of the same process id would hold a stale profile.
        let _ = fs::remove_dir_all(&folder);
        let _ = fs::create_dir_all(folder.join("downloads"));
        fs::create_dir_all(folder.join("profile")).unwrap_or_else(|error| {
            panic!(
                "cannot create the browser profile {}: {error}",
                folder.display()
            )
        });
        let program =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| DEFAULT_CHROMEDRIVER.to_string());
        assert!(
            Path::new(&program).is_file(),
            "{program} is missing: `cargo xtask setup` installs Chromium and chromedriver (the \
             Debian packages `chromium` and `chromium-driver`), or set $CHROMEDRIVER"
        );
        let mut last_log = String::new();
        for _ in 0..3 {
            let port = free_port();
            let log = folder.join("chromedriver.log");
            let child = Command::new(&program)
                .arg(format!("--port={port}"))
                .arg(format!("--log-path={}", log.display()))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|error| panic!("cannot run {program}: {error}"));
            let mut driver = Self {
                child,
                port,
                folder: folder.clone(),
                session_id: None,
            };
            if driver.wait_until_listening() {
                return driver;
            }
            last_log = driver.log_tail();
            // Dropping `driver` kills it and removes the folder: make the folder again.
            drop(driver);
            let _ = fs::create_dir_all(folder.join("profile"));
        }
        panic!(
            "chromedriver did not start listening within {DRIVER_START:?}; its log:\n{last_log}"
        );
    }

    /// Chromium's profile folder (`--user-data-dir`).
    fn profile(&self) -> PathBuf {
        self.folder.join("profile")
    }

    /// Where the browser saves downloaded files.
    fn downloads(&self) -> PathBuf {
        self.folder.join("downloads")
    }

    /// Waits until the driver accepts connections; `false` if it exits or takes too long.
    fn wait_until_listening(&mut self) -> bool {
        let deadline = Instant::now() + DRIVER_START;
        while Instant::now() < deadline {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return true;
            }
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// The end of chromedriver's log, for panic messages.
    fn log_tail(&self) -> String {
        let log = fs::read_to_string(self.folder.join("chromedriver.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    /// Ends the WebDriver session with a plain blocking HTTP request (`Drop` cannot await), so
    /// chromedriver quits Chromium before the driver itself is stopped.
    fn delete_session(&self, session_id: &str) {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(15)));
        let request = format!(
            "DELETE /session/{session_id} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n",
            self.port
        );
        if stream.write_all(request.as_bytes()).is_ok() {
            // The answer comes once Chromium has quit. chromedriver keeps the connection open
            // after it, so read the answer's length rather than to the end.
            let mut answer = Vec::new();
            let mut buffer = [0_u8; 1024];
            while !http_response_complete(&answer) {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(read) => answer.extend_from_slice(&buffer[..read]),
                }
            }
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(session_id) = self.session_id.take() {
            self.delete_session(&session_id);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Chromium may still be writing its last files for a moment.
        for _ in 0..20 {
            if fs::remove_dir_all(&self.folder).is_ok() || !self.folder.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Whether `response` holds a whole HTTP response: its head and `Content-Length` bytes of body.
fn http_response_complete(response: &[u8]) -> bool {
    let Some(head_end) = response.windows(4).position(|window| window == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&response[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|length| length.trim().parse::<usize>().ok())
        .unwrap_or(0);
    response.len() >= head_end + 4 + length
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .unwrap_or_else(|error| panic!("cannot find a free port on 127.0.0.1: {error}"))
}

/// chromedriver's (non-standard) way to send a Chrome DevTools command:
/// `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct CdpExecute {
    body: String,
}

impl fantoccini::wd::WebDriverCompatibleCommand for CdpExecute {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session_id = session_id.unwrap_or("no-session");
        base_url.join(&format!("session/{session_id}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.clone()))
    }
}
