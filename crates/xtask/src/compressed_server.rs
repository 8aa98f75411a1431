//! A small static server for a built site, serving it compressed as a host would, so that
//! Lighthouse measures what participants download: on 127.0.0.1, on a free port, over HTTP/1.1
//! with keep-alive. When a request accepts gzip, a file is sent as the `.gz` copy beside it if
//! the release build wrote one (the app's fingerprinted files), or else gzipped at the best
//! level as it is sent (the page, the curriculum, the manifest, the service worker). Images
//! are sent as they are. `/` is `index.html`; everything is sent with `Cache-Control: no-cache`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::precompress::gzip;
use crate::run::Failure;

/// A running server; dropping it stops it.
pub struct CompressedServer {
    port: u16,
    stopping: Arc<AtomicBool>,
    accepting: Option<JoinHandle<()>>,
}

impl CompressedServer {
    /// Serves `site` on 127.0.0.1, on a port the system picks.
    pub fn start(site: &Path) -> Result<Self, Failure> {
        if !site.join("index.html").is_file() {
            return Err(Failure::new(format!(
                "{} has no index.html: is it a built site? (`cargo xtask build` writes dist/)",
                site.display()
            )));
        }
        let site = site
            .canonicalize()
            .map_err(|e| Failure::new(format!("cannot open {}: {e}", site.display())))?;
        let listener = TcpListener::bind("127.0.0.1:0")
            .map_err(|e| Failure::new(format!("cannot listen on 127.0.0.1: {e}")))?;
        let port = listener
            .local_addr()
            .map_err(|e| Failure::new(format!("cannot read the server's port: {e}")))?
            .port();
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stopping);
        let site = Arc::new(site);
        let accepting = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let site = Arc::clone(&site);
                std::thread::spawn(move || serve_connection(stream, &site));
            }
        });
        Ok(CompressedServer {
            port,
            stopping,
            accepting: Some(accepting),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for CompressedServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees it is stopping.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(accepting) = self.accepting.take() {
            let _ = accepting.join();
        }
    }
}

/// Answers the requests of one connection until the client closes it, asks to, or is idle for
/// ten seconds.
fn serve_connection(stream: TcpStream, site: &Path) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_nodelay(true);
    let Ok(writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let mut writer = writer;
    while let Some(request) = read_request(&mut reader) {
        let response = respond(site, &request);
        let keep_alive = request.keep_alive;
        if writer
            .write_all(&response)
            .and_then(|()| writer.flush())
            .is_err()
            || !keep_alive
        {
            break;
        }
    }
    let _ = writer.shutdown(Shutdown::Both);
}

/// What the server reads of a request.
#[derive(Debug, PartialEq)]
struct Request {
    method: String,
    path: String,
    accepts_gzip: bool,
    keep_alive: bool,
}

/// Reads one request's head (the server takes no bodies); `None` at the end of the connection
/// or on anything it cannot read.
fn read_request(reader: &mut impl BufRead) -> Option<Request> {
    let mut line = String::new();
    // Lines of up to 8 KiB, and at most 100 of them.
    let mut read_line = |line: &mut String| {
        line.clear();
        let mut limited = Read::take(&mut *reader, 8192);
        matches!(limited.read_line(line), Ok(n) if n > 0)
    };
    if !read_line(&mut line) {
        return None;
    }
    let mut words = line.split_whitespace();
    let method = words.next()?.to_string();
    let path = words.next()?.to_string();
    let version = words.next()?.to_string();
    let mut request = Request {
        method,
        path,
        accepts_gzip: false,
        keep_alive: version == "HTTP/1.1",
    };
    for _ in 0..100 {
        if !read_line(&mut line) {
            return None;
        }
        let header = line.trim_end();
        if header.is_empty() {
            return Some(request);
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("accept-encoding") {
            request.accepts_gzip = accepts_gzip(value);
        } else if name.eq_ignore_ascii_case("connection") {
            let token = |t: &str| value.split(',').any(|v| v.trim().eq_ignore_ascii_case(t));
            if token("close") {
                request.keep_alive = false;
            } else if token("keep-alive") {
                request.keep_alive = true;
            }
        }
    }
    None
}

/// Whether an `Accept-Encoding` value allows gzip: `gzip` (or `*`) listed, without `q=0`.
fn accepts_gzip(value: &str) -> bool {
    let mut gzip = None;
    let mut any = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        match coding.as_str() {
            "gzip" | "x-gzip" => gzip = Some(quality > 0.0),
            "*" => any = Some(quality > 0.0),
            _ => {}
        }
    }
    gzip.or(any).unwrap_or(false)
}

/// The whole response to a request: its head and, but for `HEAD`, its body.
fn respond(site: &Path, request: &Request) -> Vec<u8> {
    if request.method != "GET" && request.method != "HEAD" {
        return plain(405, "Method Not Allowed", request, "Allow: GET, HEAD\r\n");
    }
    let Some(file) = file_for(site, &request.path) else {
        return plain(404, "Not Found", request, "");
    };
    let Ok(bytes) = std::fs::read(&file) else {
        return plain(404, "Not Found", request, "");
    };
    let content_type = content_type(&file);
    let copy = PathBuf::from(format!("{}.gz", file.display()));
    let (body, gzipped) = if !request.accepts_gzip || !compressible(content_type) {
        (bytes, false)
    } else if let Ok(copy) = std::fs::read(&copy) {
        (copy, true)
    } else {
        match gzip(&bytes) {
            Ok(compressed) => (compressed, true),
            Err(_) => (bytes, false),
        }
    };
    let mut head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nVary: Accept-Encoding\r\n",
        body.len()
    );
    if gzipped {
        head.push_str("Content-Encoding: gzip\r\n");
    }
    finish(head, body, request)
}

/// A short plain-text answer: an error.
fn plain(status: u16, reason: &str, request: &Request, extra: &str) -> Vec<u8> {
    let body = format!("{status} {reason}\n").into_bytes();
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\n{extra}",
        body.len()
    );
    finish(head, body, request)
}

fn finish(mut head: String, body: Vec<u8>, request: &Request) -> Vec<u8> {
    head.push_str(if request.keep_alive {
        "Connection: keep-alive\r\n\r\n"
    } else {
        "Connection: close\r\n\r\n"
    });
    let mut response = head.into_bytes();
    if request.method != "HEAD" {
        response.extend_from_slice(&body);
    }
    response
}

/// The file a request's path names inside `site`, if there is one: `index.html` for a folder,
/// nothing for a path that would leave the site.
fn file_for(site: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = site.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// `%XX` escapes decoded; `None` for a malformed escape or a result that is not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` of a file of the site, by its ending.
fn content_type(file: &Path) -> &'static str {
    let ending = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ending.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Whether a type is worth compressing: text and wasm, not images already compressed.
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.contains("json")
        || content_type.contains("javascript")
        || content_type == "application/wasm"
        || content_type == "image/svg+xml"
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn get(origin: &str, path: &str, accept: &str) -> (String, Vec<u8>) {
        let address = origin.trim_start_matches("http://");
        let mut stream = TcpStream::connect(address).expect("connected");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nAccept-Encoding: {accept}\r\nConnection: close\r\n\r\n"
        )
        .expect("sent");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read");
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a head");
        let head = String::from_utf8_lossy(&response[..split]).into_owned();
        (head, response[split + 4..].to_vec())
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .expect("gzip");
        out
    }

    #[test]
    fn serves_the_copy_beside_a_file_or_gzips_it_and_never_leaves_the_site() {
        let site = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&site);
        std::fs::create_dir_all(site.join("content")).expect("a folder");
        std::fs::write(site.join("index.html"), "<!doctype html><p>page").expect("written");
        std::fs::write(site.join("app-0123456789abcdef_bg.wasm"), b"\0asm raw").expect("written");
        let copy = gzip(b"\0asm from the copy").expect("gzipped");
        std::fs::write(site.join("app-0123456789abcdef_bg.wasm.gz"), &copy).expect("written");
        std::fs::write(site.join("content/week 1.md"), "# Week 1").expect("written");
        std::fs::write(site.join("icon.png"), b"\x89PNG").expect("written");
        let server = CompressedServer::start(&site).expect("started");
        let origin = server.origin();

        let (head, body) = get(&origin, "/", "gzip, deflate, br");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(
            head.contains("Content-Type: text/html; charset=utf-8"),
            "{head}"
        );
        assert!(head.contains("Content-Encoding: gzip"), "{head}");
        assert!(
            head.contains(&format!("Content-Length: {}", body.len())),
            "{head}"
        );
        assert_eq!(gunzip(&body), b"<!doctype html><p>page");

        let (head, body) = get(&origin, "/app-0123456789abcdef_bg.wasm", "gzip");
        assert!(head.contains("Content-Type: application/wasm"), "{head}");
        assert_eq!(body, copy);

        let (head, body) = get(&origin, "/app-0123456789abcdef_bg.wasm", "identity");
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, b"\0asm raw");

        let (head, body) = get(&origin, "/content/week%201.md?v=1", "gzip;q=0, *");
        assert!(
            head.contains("Content-Type: text/markdown; charset=utf-8"),
            "{head}"
        );
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, b"# Week 1");

        let (head, body) = get(&origin, "/icon.png", "gzip");
        assert!(head.contains("Content-Type: image/png"), "{head}");
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, b"\x89PNG");

        for outside in ["/../index.html", "/content/../../x", "/missing.js", "/%zz"] {
            let (head, _) = get(&origin, outside, "gzip");
            assert!(head.starts_with("HTTP/1.1 404"), "{outside}: {head}");
        }
        drop(server);
        assert!(TcpStream::connect(origin.trim_start_matches("http://")).is_err());
        let _ = std::fs::remove_dir_all(&site);
    }

    #[test]
    fn reads_accept_encoding_as_browsers_send_it() {
        assert!(accepts_gzip("gzip, deflate, br, zstd"));
        assert!(accepts_gzip("br;q=1.0, gzip;q=0.8"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0, *"));
        assert!(!accepts_gzip("identity"));
        assert!(!accepts_gzip(""));
    }

    #[test]
    fn keeps_the_connection_open_for_http_1_1_unless_asked_not_to() {
        let read = |text: &str| read_request(&mut text.as_bytes()).expect("a request");
        assert!(read("GET / HTTP/1.1\r\nHost: x\r\n\r\n").keep_alive);
        assert!(!read("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").keep_alive);
        assert!(!read("GET / HTTP/1.0\r\n\r\n").keep_alive);
        assert!(read_request(&mut "GET / HTTP/1.1\r\nHost: x\r\n".as_bytes()).is_none());
    }
}
