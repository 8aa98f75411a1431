//! What the page asked the network for: Chrome's performance log in Chromium, the page's own
//! Resource Timing in the other engines.
//!
//! Chromium reports DevTools events to chromedriver's performance log (switched on by the
//! session's `goog:loggingPrefs`); chromedriver hands each entry out once, on
//! `POST /session/{id}/se/log` with `{"type": "performance"}`. [`Browser`] keeps every
//! `Network.requestWillBeSent` it has read, so a test can ask for all requests or only those
//! after a [`NetworkMark`].
//!
//! Firefox's and WebKit's drivers have no such log. There the list is read from the page's
//! Resource Timing (`performance.getEntries()`: the document and everything it fetched), each
//! time the list is asked for, and kept across navigations. It shows what the page fetched, not
//! what the browser refused to fetch: the Content-Security-Policy test records those.
//!
//! The log covers the page (documents, scripts, `fetch`, images...). Requests a service worker
//! makes on its own (say `cache.addAll` while it installs) belong to another target and are not
//! in it: [`super::StaticServer::requests`] sees those that reach the test server.

use std::fmt;

use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::Value as Json;
use url::Url;

use super::browser::Browser;
use super::engine::Engine;

/// One request the page made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkRequest {
    /// The full address asked for.
    pub url: String,
    /// `GET`, `POST`, ...
    pub method: String,
    /// What Chrome says it is for: `Document`, `Script`, `Fetch`, `Stylesheet`, ... (empty when
    /// Chrome does not say).
    pub resource_type: String,
}

impl AsRef<str> for NetworkRequest {
    fn as_ref(&self) -> &str {
        &self.url
    }
}

impl fmt::Display for NetworkRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ({})", self.method, self.url, self.resource_type)
    }
}

/// A point in a browser's network log: the requests made after it are
/// [`Browser::network_requests_since`] it.
#[derive(Clone, Copy, Debug)]
pub struct NetworkMark(usize);

impl Browser {
    /// Every request the page made since the browser started (after its blank start page).
    pub async fn network_requests(&self) -> Vec<NetworkRequest> {
        self.read_network_log().await;
        self.network_log().clone()
    }

    /// Marks the present point of the network log, for [`Self::network_requests_since`].
    pub async fn network_mark(&self) -> NetworkMark {
        self.read_network_log().await;
        NetworkMark(self.network_log().len())
    }

    /// The requests the page made after `mark` was taken.
    pub async fn network_requests_since(&self, mark: NetworkMark) -> Vec<NetworkRequest> {
        self.read_network_log().await;
        self.network_log()
            .get(mark.0..)
            .unwrap_or_default()
            .to_vec()
    }

    /// Reads and discards the log so far (the browser's own start-up).
    pub(super) async fn forget_network_log(&self) {
        self.read_network_log().await;
        self.network_log().clear();
    }

    /// Moves the entries the browser can tell of into this browser's list of requests.
    async fn read_network_log(&self) {
        if self.engine() != Engine::Chromium {
            self.read_resource_timing().await;
            return;
        }
        let entries = match self.client().issue_cmd(GetPerformanceLog).await {
            Ok(entries) => entries,
            Err(error) => panic!(
                "cannot read Chrome's performance log through chromedriver: {error}. The session \
                 must be started with `goog:loggingPrefs: {{performance: ALL}}`"
            ),
        };
        let requests = requests_in_log(&entries);
        self.network_log().extend(requests);
    }

    /// Adds the current document's Resource Timing entries not read before. A document is known
    /// by its `performance.timeOrigin`, so entries are read once even across navigations.
    async fn read_resource_timing(&self) {
        let Ok(snapshot) = self
            .client()
            .execute(
                "return [String(performance.timeOrigin), performance.getEntries()
                   .filter(e => e.entryType === 'navigation' || e.entryType === 'resource')
                   .map(e => [e.name, e.entryType === 'navigation' ? 'Document' : e.initiatorType])];",
                Vec::new(),
            )
            .await
        else {
            // A page that is navigating cannot run scripts; the entries are read next time.
            return;
        };
        let origin = snapshot[0].as_str().unwrap_or_default().to_string();
        let entries = snapshot[1].as_array().cloned().unwrap_or_default();
        let read = {
            let mut documents = self
                .resource_timing
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match documents.iter_mut().find(|(seen, _)| *seen == origin) {
                Some((_, count)) => std::mem::replace(count, entries.len()),
                None => {
                    documents.push((origin, entries.len()));
                    0
                }
            }
        };
        let new = entries.iter().skip(read).filter_map(|entry| {
            let url = entry[0].as_str()?;
            // about:blank and the like are the browser's, not the site's.
            (url.starts_with("http") || url.starts_with("ws")).then(|| NetworkRequest {
                url: url.to_string(),
                method: "GET".into(),
                resource_type: entry[1].as_str().unwrap_or_default().to_string(),
            })
        });
        self.network_log().extend(new);
    }

    fn network_log(&self) -> std::sync::MutexGuard<'_, Vec<NetworkRequest>> {
        self.network
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The requests in a performance log: the `Network.requestWillBeSent` entries, in order.
///
/// `entries` is the log as chromedriver returns it: an array of `{level, message, timestamp}`,
/// where `message` is a JSON text `{"message": {"method": ..., "params": ...}, "webview": ...}`.
pub fn requests_in_log(entries: &Json) -> Vec<NetworkRequest> {
    let Some(entries) = entries.as_array() else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| serde_json::from_str::<Json>(entry["message"].as_str()?).ok())
        .filter(|message| message["message"]["method"] == "Network.requestWillBeSent")
        .filter_map(|message| {
            let params = &message["message"]["params"];
            Some(NetworkRequest {
                url: params["request"]["url"].as_str()?.to_string(),
                method: params["request"]["method"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                resource_type: params["type"].as_str().unwrap_or_default().to_string(),
            })
        })
        .collect()
}

/// Panics, listing them, if any of `urls` goes to another origin than `origin` (such as
/// `http://127.0.0.1:41234`). `data:`, `blob:` and `about:` addresses never leave the browser
/// and are allowed.
pub fn assert_only_origin<U: AsRef<str>>(urls: &[U], origin: &str) {
    let expected = Url::parse(origin)
        .unwrap_or_else(|error| panic!("`{origin}` is not an origin: {error}"))
        .origin();
    let elsewhere: Vec<&str> = urls
        .iter()
        .map(AsRef::as_ref)
        .filter(|url| match Url::parse(url) {
            Ok(parsed) if matches!(parsed.scheme(), "data" | "blob" | "about") => false,
            Ok(parsed) => parsed.origin() != expected,
            Err(_) => true,
        })
        .collect();
    assert!(
        elsewhere.is_empty(),
        "the page made {} request(s) to somewhere other than {origin}; the workbook must only \
         talk to its own site:\n  {}",
        elsewhere.len(),
        elsewhere.join("\n  ")
    );
}

/// chromedriver's (non-standard) command to read a log: `POST /session/{id}/se/log`.
#[derive(Debug)]
struct GetPerformanceLog;

impl WebDriverCompatibleCommand for GetPerformanceLog {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, url::ParseError> {
        // Without a session the driver answers "invalid session id", which says it all.
        let session_id = session_id.unwrap_or("no-session");
        base_url.join(&format!("session/{session_id}/se/log"))
    }

    fn method_and_body(&self, _request_url: &Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type":"performance"}"#.to_string()),
        )
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A log entry as chromedriver returns it.
    fn entry(method: &str, params: Json) -> Json {
        let message = json!({ "message": { "method": method, "params": params }, "webview": "1" });
        json!({ "level": "INFO", "message": message.to_string(), "timestamp": 1 })
    }

    #[test]
    fn reads_requests_from_the_performance_log() {
        let log = json!([
            entry(
                "Network.requestWillBeSent",
                json!({ "request": { "url": "http://127.0.0.1:9/", "method": "GET" }, "type": "Document" })
            ),
            entry("Page.frameStartedLoading", json!({ "frameId": "1" })),
            entry(
                "Network.requestWillBeSent",
                json!({ "request": { "url": "http://127.0.0.1:9/app.wasm", "method": "GET" } })
            ),
            json!({ "level": "INFO", "message": "not json", "timestamp": 2 }),
        ]);
        let requests: Vec<String> = requests_in_log(&log)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            requests,
            [
                "GET http://127.0.0.1:9/ (Document)",
                "GET http://127.0.0.1:9/app.wasm ()"
            ]
        );
    }

    #[test]
    fn the_own_origin_and_local_schemes_are_allowed() {
        assert_only_origin(
            &[
                "http://127.0.0.1:9/",
                "http://127.0.0.1:9/content/week-01.md?x=1",
                "data:image/png;base64,AAAA",
                "blob:http://127.0.0.1:9/0b8c",
                "about:blank",
            ],
            "http://127.0.0.1:9",
        );
    }

    #[test]
    #[should_panic(expected = "https://fonts.example/font.woff2")]
    fn another_origin_is_reported() {
        assert_only_origin(
            &["http://127.0.0.1:9/", "https://fonts.example/font.woff2"],
            "http://127.0.0.1:9",
        );
    }

    #[test]
    #[should_panic(expected = "http://127.0.0.1:10/")]
    fn another_port_is_another_origin() {
        assert_only_origin(&["http://127.0.0.1:10/"], "http://127.0.0.1:9");
    }
}
