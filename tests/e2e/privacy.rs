//! The workbook talks to nobody but its own site, and only while starting.
//!
//! A participant's answers never leave the browser; nor does anything else. The page fetches its
//! own files from its own origin (no fonts, analytics or CDNs), and once it has started it fetches
//! nothing more while the participant reads.

use std::time::{Duration, Instant};

use crate::harness::server::list;
use crate::harness::{Browser, StaticServer, assert_only_origin};

/// How long without a request counts as "the page has finished starting".
const SETTLED: Duration = Duration::from_secs(1);

/// How long the idle page is watched for requests.
const IDLE: Duration = Duration::from_secs(3);

#[tokio::test]
async fn every_request_goes_to_the_sites_own_origin() {
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    browser.open_app(&server).await;
    server.wait_until_quiet(SETTLED, Duration::from_secs(20));

    let requests = browser.network_requests().await;
    assert!(
        requests
            .iter()
            .any(|request| request.url.ends_with(".wasm")),
        "the network log must show the page's requests (the wasm at least): {requests:?}"
    );
    assert_only_origin(&requests, &server.origin());
}

#[tokio::test]
async fn nothing_is_fetched_after_start_up() {
    let server = StaticServer::serve_dist();
    let browser = Browser::phone().await;
    browser.open_app(&server).await;
    server.wait_until_quiet(SETTLED, Duration::from_secs(20));

    let settled = Instant::now();
    let mark = browser.network_mark().await;
    tokio::time::sleep(IDLE).await;

    let to_server = server.requests_since(settled);
    assert!(
        to_server.is_empty(),
        "the idle page fetched from the site after start-up:\n{}",
        list(&to_server)
    );
    let anywhere = browser.network_requests_since(mark).await;
    assert!(
        anywhere.is_empty(),
        "the idle page made requests after start-up: {anywhere:#?}"
    );
}
