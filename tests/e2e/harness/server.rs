//! A small static file server for the tests, std only.
//!
//! It serves one folder over HTTP/1.1 on `127.0.0.1` and a free port, answers `GET` and `HEAD`,
//! closes every connection after one response (`Connection: close`, so each request is one
//! connection the log can see), and sends `Cache-Control: no-cache` so the browser revalidates
//! instead of hiding requests behind its HTTP cache. It is what the real host will be: static
//! files and nothing else.
//!
//! What the tests need beyond serving:
//!
//! - **a request log**: every request with its time, method, path and status, so a test can
//!   assert what the page fetched, or that nothing was fetched after a point
//!   ([`StaticServer::requests_since`]);
//! - **an offline switch**: [`StaticServer::set_offline`] makes it drop every connection without
//!   an answer, as a browser sees a network that is gone, and back;
//! - **one file blocked or held back**: [`StaticServer::refuse`] drops the connection of every
//!   request for a path that ends so (a blocked or failed download, say the app's wasm);
//!   [`StaticServer::hold`] keeps such requests waiting until [`StaticServer::release`] (a slow
//!   network, frozen at the moment a test wants to look at); [`StaticServer::lose`] answers
//!   404 for them (a file never uploaded);
//! - **extra headers**: [`StaticServer::set_header`] adds a header to every response (say a
//!   `Content-Security-Policy`);
//! - **a script before the page's own**: [`StaticServer::run_before_page_scripts`] makes every
//!   HTML page it serves load a script of the test's first thing in its `<head>`, so a test can
//!   stand in for the browser (storage that is blocked, a clock moved forward) in every engine
//!   alike. It is a file of the site's own origin, so the page's Content-Security-Policy allows
//!   it as it would the site's own scripts.

use std::fs;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a connection may take to send its request head before it is dropped. Browsers open
/// speculative connections that never send anything; each has its own thread, so this only
/// bounds how long such a thread lives.
const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// The largest request head read; browsers send a few hundred bytes.
const MAX_HEAD: usize = 16 * 1024;

/// One request the server received.
#[derive(Clone, Debug)]
pub struct Request {
    /// When the request's connection was accepted.
    pub at: Instant,
    /// The method, as sent (`GET`, `HEAD`, ...).
    pub method: String,
    /// The path, as sent: percent-encoded, with any query string.
    pub path: String,
    /// The status answered, or `None` when the server was offline and dropped the connection.
    pub status: Option<u16>,
}

impl std::fmt::Display for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.status {
            Some(status) => write!(f, "{} {} -> {status}", self.method, self.path),
            None => write!(f, "{} {} -> dropped (offline)", self.method, self.path),
        }
    }
}

/// A static file server over one folder, running until it is dropped.
pub struct StaticServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept_thread: Option<JoinHandle<()>>,
}

/// What the accepting thread, the connection threads and the test share.
struct Shared {
    root: PathBuf,
    started: Instant,
    offline: AtomicBool,
    stopping: AtomicBool,
    /// Paths (by their ending) whose requests are dropped.
    refused: Mutex<Vec<String>>,
    /// Paths (by their ending) whose requests wait until released.
    held: Mutex<Vec<String>>,
    /// Paths (by their ending) answered 404, as if never uploaded.
    lost: Mutex<Vec<String>>,
    headers: Mutex<Vec<(String, String)>>,
    requests: Mutex<Vec<Request>>,
    /// The script every HTML page loads first, if a test has set one.
    before_page: Mutex<Option<String>>,
}

/// Where the script of [`StaticServer::run_before_page_scripts`] is served.
pub const BEFORE_PAGE_SCRIPT: &str = "/__e2e/before-page.js";

impl StaticServer {
    /// Serves the built site, `dist/` (see [`super::dist_dir`]; panics if it is not built).
    pub fn serve_dist() -> Self {
        Self::serve(super::dist_dir())
    }

    /// Serves `root` on `127.0.0.1` and a free port.
    pub fn serve(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        assert!(
            root.is_dir(),
            "the test server cannot serve {}: it is not a folder",
            root.display()
        );
        let listener = TcpListener::bind("127.0.0.1:0")
            .unwrap_or_else(|error| panic!("the test server cannot listen on 127.0.0.1: {error}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|error| panic!("the test server has no local address: {error}"));
        let shared = Arc::new(Shared {
            root,
            started: Instant::now(),
            offline: AtomicBool::new(false),
            stopping: AtomicBool::new(false),
            refused: Mutex::new(Vec::new()),
            held: Mutex::new(Vec::new()),
            lost: Mutex::new(Vec::new()),
            headers: Mutex::new(Vec::new()),
            requests: Mutex::new(Vec::new()),
            before_page: Mutex::new(None),
        });
        let accept_shared = Arc::clone(&shared);
        let accept_thread = thread::Builder::new()
            .name(format!("static-server-{}", addr.port()))
            .spawn(move || accept_loop(&listener, &accept_shared))
            .unwrap_or_else(|error| panic!("cannot start the test server's thread: {error}"));
        Self {
            addr,
            shared,
            accept_thread: Some(accept_thread),
        }
    }

    /// The origin pages are served from, such as `http://127.0.0.1:41234`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address of `path` on this server; `path` starts with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// When the server started listening.
    pub fn started(&self) -> Instant {
        self.shared.started
    }

    /// Switches the network off (`true`: every connection is closed without an answer, as when
    /// the device is offline) or back on.
    pub fn set_offline(&self, offline: bool) {
        self.shared.offline.store(offline, Ordering::SeqCst);
    }

    /// Whether the server is switched offline.
    pub fn is_offline(&self) -> bool {
        self.shared.offline.load(Ordering::SeqCst)
    }

    /// Drops, from now on, the connection of every request whose path (without its query) ends
    /// with `ending`, as a blocked or failed download looks to the browser.
    pub fn refuse(&self, ending: &str) {
        lock(&self.shared.refused).push(ending.to_string());
    }

    /// Keeps every request whose path (without its query) ends with `ending` waiting, unanswered,
    /// until [`StaticServer::release`].
    pub fn hold(&self, ending: &str) {
        lock(&self.shared.held).push(ending.to_string());
    }

    /// Answers `404 Not Found`, from now on, to every request whose path (without its query) ends
    /// with `ending`, as when a file of the site was never uploaded.
    pub fn lose(&self, ending: &str) {
        lock(&self.shared.lost).push(ending.to_string());
    }

    /// Answers the requests held back by [`StaticServer::hold`], and those that come later.
    pub fn release(&self) {
        lock(&self.shared.held).clear();
    }

    /// Adds `name: value` to every response from now on, replacing a header of the same name
    /// set before (names compare without case).
    pub fn set_header(&self, name: &str, value: &str) {
        let mut headers = lock(&self.shared.headers);
        headers.retain(|(existing, _)| !existing.eq_ignore_ascii_case(name));
        headers.push((name.to_string(), value.to_string()));
    }

    /// Makes every HTML page served from now on run `source` before any script of its own: a
    /// `<script src>` is put first in its `<head>`, before the page's policy and its scripts.
    /// Calling it again replaces the script.
    pub fn run_before_page_scripts(&self, source: &str) {
        *lock(&self.shared.before_page) = Some(source.to_string());
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<Request> {
        lock(&self.shared.requests).clone()
    }

    /// The requests received at or after `since`.
    pub fn requests_since(&self, since: Instant) -> Vec<Request> {
        lock(&self.shared.requests)
            .iter()
            .filter(|request| request.at >= since)
            .cloned()
            .collect()
    }

    /// Waits until no request has arrived for `quiet` (the page has finished fetching), at most
    /// `timeout`; panics with the latest requests if the page keeps fetching.
    pub fn wait_until_quiet(&self, quiet: Duration, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let last = lock(&self.shared.requests)
                .last()
                .map_or(self.shared.started, |request| request.at);
            if last.elapsed() >= quiet {
                return;
            }
            if Instant::now() >= deadline {
                let window_start = Instant::now().checked_sub(quiet).unwrap_or(self.started());
                let recent = self.requests_since(window_start);
                panic!(
                    "the page was still fetching after {timeout:?}: no pause of {quiet:?} between \
                     requests. The latest:\n{}",
                    list(&recent)
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wake the accepting thread, which is blocked in `accept`, so it sees `stopping`.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.accept_thread.take() {
            let _ = thread.join();
        }
    }
}

/// One request per line, for panic messages.
pub fn list(requests: &[Request]) -> String {
    if requests.is_empty() {
        return "  (none)".to_string();
    }
    requests
        .iter()
        .map(|request| format!("  {request}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Locks `mutex`, carrying on past a panic in another holder: the data (a log, a header list)
/// is still sound.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(shared);
        // A connection that fails (the browser gave up on it) concerns only itself.
        let _ = thread::Builder::new()
            .name("static-server-connection".to_string())
            .spawn(move || {
                let _ = handle(stream, &shared);
            });
    }
}

/// Reads one request from `stream`, logs it, and answers it unless the server is offline.
fn handle(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    let at = Instant::now();
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let Some(head) = read_head(&mut stream)? else {
        // A speculative connection closed without a request.
        return Ok(());
    };
    let mut words = head.lines().next().unwrap_or_default().split_whitespace();
    let method = words.next().unwrap_or_default().to_string();
    let path = words.next().unwrap_or_default().to_string();

    let ends = |list: &Mutex<Vec<String>>| {
        let bare = path.split('?').next().unwrap_or_default();
        lock(list)
            .iter()
            .any(|ending| bare.ends_with(ending.as_str()))
    };
    while ends(&shared.held) && !shared.stopping.load(Ordering::SeqCst) {
        thread::sleep(Duration::from_millis(20));
    }
    if shared.offline.load(Ordering::SeqCst) || ends(&shared.refused) {
        record(shared, at, method, path, None);
        // Dropping the stream closes the connection without an answer.
        return Ok(());
    }

    let before_page = lock(&shared.before_page).clone();
    let (status, content_type, body) = match before_page {
        _ if ends(&shared.lost) => (404, "text/plain; charset=utf-8", b"not found\n".to_vec()),
        Some(script) if path == BEFORE_PAGE_SCRIPT => (200, "text/javascript", script.into_bytes()),
        Some(_) => with_before_page_script(respond(&shared.root, &method, &path)),
        None => respond(&shared.root, &method, &path),
    };
    record(shared, at, method.clone(), path, Some(status));

    let mut response = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    if status == 405 {
        response.push_str("Allow: GET, HEAD\r\n");
    }
    for (name, value) in lock(&shared.headers).iter() {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    stream.write_all(response.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

fn record(shared: &Shared, at: Instant, method: String, path: String, status: Option<u16>) {
    lock(&shared.requests).push(Request {
        at,
        method,
        path,
        status,
    });
}

/// Reads up to the blank line that ends a request head; `None` if the connection closed first.
fn read_head(stream: &mut TcpStream) -> io::Result<Option<String>> {
    let mut head = Vec::new();
    let mut buffer = [0_u8; 2048];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") {
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            return Ok(None);
        }
        head.extend_from_slice(&buffer[..read]);
        if head.len() > MAX_HEAD {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "request head too long",
            ));
        }
    }
    Ok(Some(String::from_utf8_lossy(&head).into_owned()))
}

/// The status, content type and body that answer `method` on `path`.
fn respond(root: &Path, method: &str, path: &str) -> (u16, &'static str, Vec<u8>) {
    const TEXT: &str = "text/plain; charset=utf-8";
    if method != "GET" && method != "HEAD" {
        return (405, TEXT, b"only GET and HEAD\n".to_vec());
    }
    let Some(file) = file_for(root, path) else {
        return (404, TEXT, b"not found\n".to_vec());
    };
    match fs::read(&file) {
        Ok(body) => (200, content_type(&file), body),
        Err(_) => (404, TEXT, b"not found\n".to_vec()),
    }
}

/// An HTML response with the test's script put first in its `<head>`; others as they are.
fn with_before_page_script(
    (status, content_type, body): (u16, &'static str, Vec<u8>),
) -> (u16, &'static str, Vec<u8>) {
    if !content_type.starts_with("text/html") {
        return (status, content_type, body);
    }
    let html = String::from_utf8_lossy(&body);
    let tag = format!("<script src=\"{BEFORE_PAGE_SCRIPT}\"></script>");
    // First in the head; or, for a page that has none, after its doctype (a script before the
    // doctype would put the page in quirks mode).
    let at = match html.find("<head>") {
        Some(head) => head + "<head>".len(),
        None if html.to_ascii_lowercase().starts_with("<!doctype") => {
            html.find('>').map_or(0, |end| end + 1)
        }
        None => 0,
    };
    let with_script = format!("{}{tag}{}", &html[..at], &html[at..]);
    (status, content_type, with_script.into_bytes())
}

/// The file under `root` that `path` names: `/` and folders give their `index.html`. `None` for
/// a path that leaves `root` or names nothing.
fn file_for(root: &Path, path: &str) -> Option<PathBuf> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path.strip_prefix('/')?)?;
    let relative = Path::new(&decoded);
    if !relative
        .components()
        .all(|component| matches!(component, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// Decodes `%XX` escapes; `None` for a malformed escape or text that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text.get(index + 1..index + 3)?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

/// The `Content-Type` for a file, by its extension.
pub fn content_type(file: &Path) -> &'static str {
    let extension = file
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    //! The server itself, over raw HTTP: no browser needed.

    use super::*;

    /// A folder with a page, a script, a wasm file and markdown in a subfolder, deleted when
    /// dropped.
    struct Site(PathBuf);

    impl Site {
        fn new() -> Self {
            let root = std::env::temp_dir().join(format!(
                "workbook-e2e-server-{}-{}",
                std::process::id(),
                super::super::current_test_name()
            ));
            fs::create_dir_all(root.join("content")).expect("create the test site");
            fs::write(root.join("index.html"), "<!doctype html><p>hi</p>")
                .expect("write index.html");
            fs::write(root.join("app.js"), "export {}").expect("write app.js");
            fs::write(root.join("app_bg.wasm"), b"\0asm").expect("write app_bg.wasm");
            fs::write(root.join("content/week 1.md"), "# Week").expect("write week 1.md");
            Self(root)
        }
    }

    impl Drop for Site {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// Sends `request` as is and returns the whole response as text.
    fn raw(server: &StaticServer, request: &str) -> io::Result<String> {
        let mut stream = TcpStream::connect(server.addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        stream.write_all(request.as_bytes())?;
        let mut response = String::new();
        stream.read_to_string(&mut response)?;
        Ok(response)
    }

    fn get(server: &StaticServer, path: &str) -> String {
        raw(
            server,
            &format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"),
        )
        .expect("the server answers")
    }

    #[test]
    fn serves_files_with_their_content_types_and_no_cache() {
        let site = Site::new();
        let server = StaticServer::serve(&site.0);
        let page = get(&server, "/");
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
        assert!(
            page.contains("Content-Type: text/html; charset=utf-8\r\n"),
            "{page}"
        );
        assert!(page.contains("Cache-Control: no-cache\r\n"), "{page}");
        assert!(page.contains("Connection: close\r\n"), "{page}");
        assert!(page.ends_with("<p>hi</p>"), "{page}");

        for (path, content_type) in [
            ("/index.html", "text/html; charset=utf-8"),
            ("/app.js", "text/javascript"),
            ("/app_bg.wasm", "application/wasm"),
            ("/content/week%201.md?v=1", "text/markdown; charset=utf-8"),
        ] {
            let response = get(&server, path);
            assert!(
                response.starts_with("HTTP/1.1 200 OK\r\n"),
                "{path}: {response}"
            );
            assert!(
                response.contains(&format!("Content-Type: {content_type}\r\n")),
                "{path}: {response}"
            );
        }
    }

    #[test]
    fn pages_load_the_tests_script_first_once_one_is_set() {
        let site = Site::new();
        fs::write(
            site.0.join("head.html"),
            "<!doctype html><html><head><meta charset=utf-8><script src=app.js></script></head></html>",
        )
        .expect("write head.html");
        let server = StaticServer::serve(&site.0);
        assert!(!get(&server, "/head.html").contains(BEFORE_PAGE_SCRIPT));
        assert!(get(&server, BEFORE_PAGE_SCRIPT).starts_with("HTTP/1.1 404 "));

        server.run_before_page_scripts("window.first = true;");
        let page = get(&server, "/head.html");
        assert!(
            page.ends_with(&format!(
                "<head><script src=\"{BEFORE_PAGE_SCRIPT}\"></script><meta charset=utf-8><script src=app.js></script></head></html>"
            )),
            "the script comes first in the head: {page}"
        );
        let headless = get(&server, "/");
        assert!(
            headless.ends_with(&format!(
                "<!doctype html><script src=\"{BEFORE_PAGE_SCRIPT}\"></script><p>hi</p>"
            )),
            "{headless}"
        );
        let script = get(&server, BEFORE_PAGE_SCRIPT);
        assert!(
            script.contains("Content-Type: text/javascript\r\n"),
            "{script}"
        );
        assert!(script.ends_with("window.first = true;"), "{script}");
        assert!(
            get(&server, "/app.js").ends_with("export {}"),
            "other files are as they are"
        );
    }

    #[test]
    fn answers_404_for_missing_files_and_paths_outside_the_folder() {
        let site = Site::new();
        let server = StaticServer::serve(&site.0);
        for path in [
            "/missing.js",
            "/../Cargo.toml",
            "/content/%2e%2e/index.html",
            "/%zz",
        ] {
            let response = get(&server, path);
            assert!(response.starts_with("HTTP/1.1 404 "), "{path}: {response}");
        }
    }

    #[test]
    fn head_has_no_body_and_other_methods_are_refused() {
        let site = Site::new();
        let server = StaticServer::serve(&site.0);
        let head = raw(&server, "HEAD / HTTP/1.1\r\nHost: test\r\n\r\n").expect("HEAD answered");
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(
            head.ends_with("\r\n\r\n"),
            "HEAD must not send a body: {head}"
        );
        let post = raw(&server, "POST / HTTP/1.1\r\nHost: test\r\n\r\n").expect("POST answered");
        assert!(post.starts_with("HTTP/1.1 405 "), "{post}");
    }

    #[test]
    fn logs_requests_adds_headers_and_goes_offline() {
        let site = Site::new();
        let server = StaticServer::serve(&site.0);
        server.set_header("Content-Security-Policy", "default-src 'none'");
        server.set_header("content-security-policy", "default-src 'self'");
        let page = get(&server, "/");
        assert!(
            page.contains("content-security-policy: default-src 'self'\r\n"),
            "{page}"
        );
        assert!(
            !page.contains("'none'"),
            "a header set twice is sent once: {page}"
        );

        let before_offline = Instant::now();
        server.set_offline(true);
        assert!(server.is_offline());
        let dropped = raw(&server, "GET /app.js HTTP/1.1\r\nHost: test\r\n\r\n");
        assert!(
            !matches!(&dropped, Ok(text) if !text.is_empty()),
            "offline, the connection closes without an answer: {dropped:?}"
        );
        server.set_offline(false);
        assert!(get(&server, "/app.js").starts_with("HTTP/1.1 200 OK\r\n"));

        let log: Vec<String> = server.requests().iter().map(Request::to_string).collect();
        assert_eq!(
            log,
            [
                "GET / -> 200",
                "GET /app.js -> dropped (offline)",
                "GET /app.js -> 200"
            ]
        );
        assert_eq!(server.requests_since(before_offline).len(), 2);
    }

    #[test]
    fn refuses_loses_and_holds_back_files_by_their_ending() {
        let site = Site::new();
        let server = StaticServer::serve(&site.0);
        server.refuse(".js");
        let dropped = raw(&server, "GET /app.js?v=1 HTTP/1.1\r\nHost: test\r\n\r\n");
        assert!(
            !matches!(&dropped, Ok(text) if !text.is_empty()),
            "a refused file's connection closes without an answer: {dropped:?}"
        );
        assert!(get(&server, "/").starts_with("HTTP/1.1 200 OK\r\n"));

        assert!(get(&server, "/app_bg.wasm").starts_with("HTTP/1.1 200 OK\r\n"));
        server.lose(".wasm");
        assert!(get(&server, "/app_bg.wasm").starts_with("HTTP/1.1 404 Not Found\r\n"));

        server.hold("/");
        let addr = server.addr;
        let waiting = thread::spawn(move || {
            let started = Instant::now();
            let mut stream = TcpStream::connect(addr).expect("the server listens");
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: test\r\n\r\n")
                .expect("the request is sent");
            let mut answer = String::new();
            stream.read_to_string(&mut answer).expect("an answer");
            (started.elapsed(), answer)
        });
        thread::sleep(Duration::from_millis(300));
        assert!(!waiting.is_finished(), "a held request waits");
        server.release();
        let (waited, answer) = waiting.join().expect("the held request is answered");
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(waited >= Duration::from_millis(300), "{waited:?}");
    }
}
