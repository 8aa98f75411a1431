//! The workbook talks to nobody but its own site, and only while starting.
//!
//! A participant's answers never leave the browser; nor does anything else. The page fetches its
//! own files from its own origin (no fonts, analytics or CDNs), and once it has started it fetches
//! nothing more while the participant reads.

use std::time::{Duration, Instant};

use crate::harness::server::list;
use crate::harness::{Browser, StaticServer, assert_only_origin};
use crate::in_every_engine;

/// How long without a request counts as "the page has finished starting" (once the service
/// worker has installed, which fetches the whole site once).
const SETTLED: Duration = Duration::from_secs(1);

/// How long the idle page is watched for requests. A fixed time on purpose: the test proves
/// that nothing happens (no timer, poll or late fetch of the page's reaches the network), and no
/// condition can say "nothing will come"; only watching for a while can.
const IDLE: Duration = Duration::from_secs(3);

/// How long, after the last step of working, the test still watches for requests: long enough
/// for a fetch that step started to reach the server and the browser's log (Firefox and WebKit
/// list a fetch only once it has finished). Fixed for the same reason as [`IDLE`]: the test
/// proves that no request comes.
const AFTER_WORK: Duration = Duration::from_secs(1);

in_every_engine! {
    async fn every_request_goes_to_the_sites_own_origin(engine: Engine) {
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        browser.open_app(&server).await;
        browser.wait_for_service_worker().await;
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
}

in_every_engine! {
    async fn nothing_is_fetched_after_start_up(engine: Engine) {
        let server = StaticServer::serve_dist();
        let browser = Browser::phone_in(engine).await;
        browser.open_app(&server).await;
        browser.wait_for_service_worker().await;
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
}

in_every_engine! {
    async fn nothing_is_fetched_while_a_participant_works(engine: Engine) {
        use crate::app::{
            default_curriculum, find, first_of_kind, key, navigate, press, type_into, wait_saved,
        };
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        browser.open_app(&server).await;
        browser.wait_for_service_worker().await;
        server.wait_until_quiet(SETTLED, Duration::from_secs(20));
        let settled = Instant::now();
        let mark = browser.network_mark().await;

        // Read, write, tick, move between pages, print view, settings.
        let (week, writing) = first_of_kind(&curriculum, "writing");
        navigate(&browser, &format!("#/week/{}/{}", week.number, writing.id)).await;
        type_into(&browser, &format!("#{}-text", writing.id), "Private words.").await;
        let (week, checklist) = first_of_kind(&curriculum, "checklist");
        navigate(
            &browser,
            &format!("#/week/{}/{}", week.number, checklist.id),
        )
        .await;
        find(&browser, &format!("#{}-option-0", checklist.id)).await;
        press(&browser, &format!("#{}-option-0", checklist.id), key::SPACE).await;
        wait_saved(&browser).await;
        for route in ["#/progress", "#/workbook", "#/settings", "#/"] {
            navigate(&browser, route).await;
        }
        tokio::time::sleep(AFTER_WORK).await;

        let to_server = server.requests_since(settled);
        assert!(
            to_server.is_empty(),
            "working in the workbook fetched from the site:\n{}",
            list(&to_server)
        );
        let anywhere = browser.network_requests_since(mark).await;
        assert!(
            anywhere.is_empty(),
            "working in the workbook made requests: {anywhere:#?}"
        );
    }
}

in_every_engine! {
    async fn a_strict_content_security_policy_holds_and_nothing_breaks_it(engine: Engine) {
        use crate::app::{default_curriculum, first_of_kind, navigate, type_into, wait_saved};
        let curriculum = default_curriculum();
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        // Record every breach of the policy the page reports.
        server.run_before_page_scripts(
            "window.e2eViolations = []; document.addEventListener('securitypolicyviolation', \
             (e) => window.e2eViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
        );
        browser.open_app(&server).await;
        let policy = browser
            .execute(
                "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m && m.content;",
                Vec::new(),
            )
            .await;
        let policy = policy
            .as_str()
            .expect("the page has a Content-Security-Policy")
            .to_string();
        for directive in [
            "default-src 'none'",
            "'wasm-unsafe-eval'",
            "connect-src 'self'",
            "script-src 'self' 'sha256-",
        ] {
            assert!(
                policy.contains(directive),
                "the policy has {directive}: {policy}"
            );
        }
        assert!(
            !policy.contains("unsafe-inline"),
            "no inline scripts or styles are allowed: {policy}"
        );

        let (week, writing) = first_of_kind(&curriculum, "writing");
        navigate(&browser, &format!("#/week/{}/{}", week.number, writing.id)).await;
        type_into(
            &browser,
            &format!("#{}-text", writing.id),
            "Checked under the policy",
        )
        .await;
        wait_saved(&browser).await;
        for route in ["#/progress", "#/workbook", "#/settings"] {
            navigate(&browser, route).await;
        }
        let violations = browser
            .execute("return window.e2eViolations;", Vec::new())
            .await;
        assert_eq!(
            violations,
            serde_json::json!([]),
            "the page breached its own policy"
        );
    }
}
