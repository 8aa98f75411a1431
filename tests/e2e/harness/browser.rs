//! A browser session for one test, in any [`Engine`].
//!
//! [`Browser::start`] finds a free port, starts the engine's WebDriver driver on it, and opens a
//! session with a fresh profile folder and the [`Viewport`] asked for: headless Chromium by
//! default, or Firefox or WebKit ([`Browser::start_in`]). Dropping the [`Browser`] ends the
//! session (the browser quits), stops the driver and deletes the profile, even when the test
//! panics, so tests share nothing and can run in parallel.
//!
//! In Chromium, Chrome's performance log is switched on (`goog:loggingPrefs`), so
//! [`super::network`] can list what the page fetched; in the other engines it reads the page's
//! own Resource Timing.

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
use serde_json::Value as Json;

use super::engine::Engine;
use super::network::NetworkRequest;
use super::{APP_START, StaticServer, current_test_name, file_name_safe, screenshot_dir};

/// How long a driver may take to listen on its port (WebKit's starts a virtual display first).
const DRIVER_START: Duration = Duration::from_secs(20);

/// How often the waits look again.
const POLL: Duration = Duration::from_millis(100);

/// A JavaScript condition that holds once the app has started and settled: Trunk's loader has
/// initialised the wasm (it sets `window.wasmBindings`), the app has rendered and taken over from
/// the first view written at build time (the page's own script then removes `#first-view`),
/// there is text on the page, and nothing on the page is marked `aria-busy="true"` (the app marks
/// what is still loading so, for screen readers and for these tests alike).
pub const APP_STARTED: &str = "location.protocol.startsWith('http') \
    && window.wasmBindings !== undefined \
    && document.getElementById('first-view') === null \
    && document.body !== null && document.body.innerText.trim().length > 0 \
    && document.querySelector('[aria-busy=\"true\"]') === null";

/// Holds once a service worker controls this origin and has finished installing (its cache is
/// filled: `install` waits for `cache.addAll`, which fetches the whole site once).
pub const SERVICE_WORKER_ACTIVE: &str = "navigator.serviceWorker.getRegistration().then((registration) => \
    registration !== undefined && registration.active !== null \
    && registration.active.state === 'activated')";

/// How long the service worker may take to install: it downloads the whole site once.
pub const SERVICE_WORKER_INSTALL: Duration = Duration::from_secs(30);

/// The size of the page's viewport, in CSS pixels, and whether it is a phone.
///
/// Chromium is given the size through chromedriver's `mobileEmulation.deviceMetrics`, so
/// `innerWidth` is exactly `width` (a headless window cannot be narrower than 500 pixels). The
/// other engines get a window of that size, as near as the engine allows (a phone's touch and
/// pixel ratio are Chromium's alone).
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

/// One test's browser: a driver, a browser session and its profile folder.
pub struct Browser {
    client: Client,
    engine: Engine,
    viewport: Viewport,
    /// Every request the page made since the session started, read from the performance log
    /// (Chrome hands each log entry out once; see [`super::network`]).
    pub(super) network: Mutex<Vec<NetworkRequest>>,
    /// Outside Chromium: how many Resource Timing entries of each document (by its
    /// `performance.timeOrigin`) are already in `network`.
    pub(super) resource_timing: Mutex<Vec<(String, usize)>>,
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
    /// blank page. Panics with chromedriver's own words when it cannot. See [`Self::start_in`]
    /// for the other engines.
    pub async fn start(viewport: Viewport) -> Self {
        Self::start_with(viewport, &[]).await
    }

    /// A phone-sized browser whose system asks for dark colours (`prefers-color-scheme: dark`).
    pub async fn phone_in_dark_mode() -> Self {
        Self::start_with(Viewport::PHONE, &["--force-dark-mode"]).await
    }

    /// A phone-sized browser in `engine`.
    pub async fn phone_in(engine: Engine) -> Self {
        Self::start_in(engine, Viewport::PHONE, &[]).await
    }

    /// A desktop-sized browser in `engine`.
    pub async fn desktop_in(engine: Engine) -> Self {
        Self::start_in(engine, Viewport::DESKTOP, &[]).await
    }

    /// Like [`Browser::start`], with extra Chromium command-line switches.
    pub async fn start_with(viewport: Viewport, extra_args: &[&str]) -> Self {
        Self::start_in(Engine::Chromium, viewport, extra_args).await
    }

    /// Starts `engine`'s driver and a browser with a fresh profile and `viewport`, on a blank
    /// page, with `extra_args` on the browser's command line. Panics with the driver's own words
    /// when it cannot.
    pub async fn start_in(engine: Engine, viewport: Viewport, extra_args: &[&str]) -> Self {
        let mut driver = Driver::spawn(engine);
        let webdriver = format!("http://127.0.0.1:{}", driver.port);
        let mut builder = ClientBuilder::rustls().unwrap_or_else(|error| {
            panic!("cannot set up the WebDriver client's TLS support: {error}")
        });
        builder.capabilities(engine.capabilities(
            viewport,
            &driver.profile(),
            &driver.downloads(),
            extra_args,
        ));
        let client = match builder.connect(&webdriver).await {
            Ok(client) => client,
            Err(error) => panic!(
                "the {engine} driver at {webdriver} could not start the browser: {error}\n\
                 Is it installed (`cargo xtask setup` installs {})? The driver's log:\n{}",
                engine.install_hint(),
                driver.log_tail()
            ),
        };
        driver.session_id = client.session_id().await.unwrap_or_else(|error| {
            panic!("the {engine} driver gave no session id: {error}");
        });
        let browser = Self {
            client,
            engine,
            viewport,
            network: Mutex::new(Vec::new()),
            resource_timing: Mutex::new(Vec::new()),
            driver,
        };
        if engine != Engine::Chromium {
            // Chromium's viewport is emulated exactly; the others get a window of its size.
            let _ = browser
                .client
                .set_window_size(viewport.width, viewport.height)
                .await;
        }
        // On start-up Debian's Chromium opens its new-tab page, which fetches chrome:// pages and
        // tries its search engine's start page. That is the browser's doing, not the site's:
        // leave it, and forget it, before the test begins.
        browser.goto("about:blank").await;
        browser.forget_network_log().await;
        browser
    }

    /// The engine this browser runs.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The WebDriver client, for what the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The viewport the browser was started with.
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// The folder the browser saves downloads into.
    pub fn downloads_dir(&self) -> PathBuf {
        self.driver.downloads()
    }

    /// Waits for a download whose name ends with `suffix` and returns its path. The file may
    /// still be being written (Firefox creates it empty first): to read it, wait with
    /// [`Self::wait_for_json_download`].
    pub async fn wait_for_download(&self, suffix: &str, timeout: Duration) -> PathBuf {
        let dir = self.downloads_dir();
        let mut found = None;
        let arrived = poll_until(timeout, async || {
            found = fs::read_dir(&dir).ok().and_then(|entries| {
                entries
                    .flatten()
                    .map(|entry| entry.path())
                    .find(|path| path.to_string_lossy().ends_with(suffix))
            });
            found.is_some()
        })
        .await;
        match found {
            Some(path) if arrived => path,
            _ => panic!(
                "no download ending in {suffix} appeared in {} within {timeout:?}",
                dir.display()
            ),
        }
    }

    /// Waits until a download ending in `.json` is complete (its text parses as JSON: the
    /// browsers write to a temporary name, or to an empty file, first) and returns its path and
    /// text.
    pub async fn wait_for_json_download(&self, timeout: Duration) -> (PathBuf, String) {
        let path = self.wait_for_download(".json", timeout).await;
        let mut text = String::new();
        let complete = poll_until(timeout, async || {
            text = fs::read_to_string(&path).unwrap_or_default();
            serde_json::from_str::<Json>(&text).is_ok()
        })
        .await;
        assert!(
            complete,
            "the download {} was still not whole JSON after {timeout:?}; it holds {} bytes: {}",
            path.display(),
            text.len(),
            text.chars().take(300).collect::<String>()
        );
        (path, text)
    }

    /// Waits until `check` returns true, asking again every 100 ms, at most `timeout`; panics
    /// saying what was awaited (`what`, as in "waited 10s for {what}"), with the page's state and
    /// a screenshot, if it never does. For conditions the test checks in Rust (the address, a
    /// file, storage read through the helpers); a JavaScript condition is quicker with
    /// [`Self::wait_for_js`].
    pub async fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        check: impl AsyncFnMut() -> bool,
    ) {
        if !poll_until(timeout, check).await {
            let report = self.failure_report().await;
            panic!("waited {timeout:?} for {what}; it did not happen\n{report}");
        }
    }

    /// Opens `url` and waits for its `load` event.
    pub async fn goto(&self, url: &str) {
        if let Err(error) = self.client.goto(url).await {
            let report = self.failure_report().await;
            panic!("the browser could not open {url}: {error}\n{report}");
        }
    }

    /// Reloads the page, as a participant's reload button does, and waits for its `load` event.
    pub async fn reload(&self) {
        if self.engine == Engine::Firefox {
            // Firefox's driver reloads as Shift+reload does, past the HTTP cache and the service
            // worker; a participant's reload goes through them. So reload from the page itself,
            // and wait for the new page (the marker is gone) to finish loading.
            self.execute(
                "window.e2eBeforeReloading = true; setTimeout(() => location.reload(), 0);",
                Vec::new(),
            )
            .await;
            self.wait_for_js(
                "window.e2eBeforeReloading === undefined && document.readyState === 'complete'",
                APP_START,
            )
            .await;
            return;
        }
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

    /// Waits until the service worker has installed ([`SERVICE_WORKER_ACTIVE`], at most
    /// [`SERVICE_WORKER_INSTALL`]), so it has fetched the whole site once: after this, a request
    /// to the site is one the page made of its own accord. (Waiting for a quiet moment instead
    /// fails on a loaded machine, where WebKit starts installing after a pause.)
    pub async fn wait_for_service_worker(&self) {
        if let Err(last) = self
            .try_wait_for_js(SERVICE_WORKER_ACTIVE, SERVICE_WORKER_INSTALL)
            .await
        {
            let report = self.failure_report().await;
            panic!(
                "no service worker was active {SERVICE_WORKER_INSTALL:?} after the first visit \
                 ({last}): the app must register `sw.js` (navigator.serviceWorker.register) for \
                 the workbook to open offline.\n{report}"
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

    /// Saves a PNG of the viewport as `target/screenshots/<name>.png` (`<name>-firefox.png`,
    /// `<name>-webkit.png` in those engines) and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        match self.try_screenshot(name).await {
            Ok(path) => path,
            Err(error) => panic!("cannot save the screenshot `{name}`: {error}"),
        }
    }

    async fn try_screenshot(&self, name: &str) -> Result<PathBuf, String> {
        // Chromium's keep the names they always had; the other engines' say which they are.
        let name = match self.engine {
            Engine::Chromium => name.to_string(),
            // A failing test's screenshot is named after the test, which names its engine.
            engine if name.ends_with(engine.name()) => name.to_string(),
            engine => format!("{name}-{engine}"),
        };
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|error| error.to_string())?;
        let folder = screenshot_dir();
        fs::create_dir_all(&folder)
            .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
        let path = folder.join(format!("{}.png", file_name_safe(&name)));
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

/// A running driver and the folder holding its log and the browser's profile. Dropping it
/// ends the session, stops the driver (and, for WebKit, its virtual display) and deletes the
/// folder.
struct Driver {
    child: Child,
    port: u16,
    folder: PathBuf,
    session_id: Option<String>,
}

impl Driver {
    /// Starts `engine`'s driver on a free port, trying another port if one is taken in between.
    fn spawn(engine: Engine) -> Self {
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
        let driver_program = engine.driver_program();
        assert!(
            Path::new(&driver_program).is_file(),
            "{driver_program} is missing: `cargo xtask setup` installs {}",
            engine.install_hint()
        );
        let mut last_log = String::new();
        for _ in 0..3 {
            let port = free_port();
            let log = folder.join("driver.log");
            let (program, args) = engine.driver_command(port, &log);
            let log_file = fs::File::create(&log)
                .unwrap_or_else(|error| panic!("cannot create {}: {error}", log.display()));
            let mut command = Command::new(&program);
            command
                .args(&args)
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().map_or(Stdio::null(), Stdio::from))
                .stderr(Stdio::from(log_file))
                // WebKitGTK's MiniBrowser saves what a page offers straight into the home
                // folder, and keeps its profile there: a home of its own per test keeps both
                // apart from other tests and lands the files where the test looks.
                .env("HOME", folder.join("downloads"));
            // Its own process group, so that stopping it stops what it started too (xvfb-run
            // starts a display server; the drivers start the browser).
            std::os::unix::process::CommandExt::process_group(&mut command, 0);
            let child = command
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
            let _ = fs::create_dir_all(folder.join("downloads"));
        }
        panic!(
            "the {engine} driver did not start listening within {DRIVER_START:?}; its log:\n{last_log}"
        );
    }

    /// The browser's profile folder.
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

    /// The end of the driver's log, for panic messages.
    fn log_tail(&self) -> String {
        let log = fs::read_to_string(self.folder.join("driver.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    /// Ends the WebDriver session with a plain blocking HTTP request (`Drop` cannot await), so
    /// the driver quits the browser before the driver itself is stopped.
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
            // The answer comes once the browser has quit. Drivers may keep the connection open
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
        // The whole group: xvfb-run's display server and any browser the driver left behind.
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        // The browser may still be writing its last files for a moment.
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

/// Asks `check` every [`POLL`] until it returns true (then returns `true`), for at most
/// `timeout` (then `false`, after a last look once the time is up).
pub async fn poll_until(timeout: Duration, mut check: impl AsyncFnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if check().await {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(POLL).await;
    }
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .unwrap_or_else(|error| panic!("cannot find a free port on 127.0.0.1: {error}"))
}
