//! The speed report: main-thread work per keystroke while typing into a long answer, in headless
//! Chromium. A report, not a test: it prints medians and 95th percentiles and never fails on a
//! slow machine. Run it with `cargo xtask report` (which builds the site first), or
//! `cargo run -p workbook-tests --example perf_report` against an existing `dist/`.
//!
//! Each keystroke is inserted at the end of the text the way the browser inserts a typed
//! character (the `insertText` editing command, which fires `input`), then the time is taken once
//! the app has handled it, re-rendered, and the page has been laid out again (a forced layout):
//! the work a real keystroke costs before the next frame. The same is measured, in the same run, for a nearly empty answer and for a
//! plain textarea holding the same long text that the app does not manage (the browser's own
//! cost), and all are printed side by side.

#[path = "e2e/harness/mod.rs"]
#[allow(dead_code)]
mod harness;

use std::time::Duration;

use harness::{Browser, DEFAULT_WAIT, StaticServer};
use serde_json::{Value as Json, json};

const KEYSTROKES: usize = 300;
const LONG_ANSWER_WORDS: usize = 10_000;

/// Types `count` characters at the end of the textarea and returns each keystroke's cost in ms.
const MEASURE: &str = r#"
const [selector, count, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const field = document.querySelector(selector);
const channel = new MessageChannel();
const nextTask = () => new Promise((resolve) => { channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
(async () => {
  const costs = [];
  for (let i = 0; i < count; i++) {
    await nextTask();
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    const start = performance.now();
    // Inserted as the browser inserts a typed character (editing command, then `input`).
    document.execCommand('insertText', false, i % 6 === 5 ? ' ' : 'a');
    await nextTask();               // the app's render runs before this task
    void document.body.offsetHeight; // and the page is laid out again
    costs.push(performance.now() - start);
  }
  done(costs);
})();
"#;

/// Times the key derivation that unlocking costs: PBKDF2-SHA256 over 600,000 iterations in the
/// browser's Web Crypto, as `browser/crypto.rs` asks for it.
const TIME_KEY_DERIVATION: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode('a passphrase'), 'PBKDF2', false, ['deriveBits']);
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt: crypto.getRandomValues(new Uint8Array(16)) }, base, 512);
    times.push(performance.now() - start);
  }
  done(times);
})();
"#;

/// How many sealed saves are timed.
const SEALED_SAVES: usize = 15;

/// Types one character, then waits until the sealed record of the answer changes in storage;
/// resolves with the time from the keystroke, in ms.
const TIME_SEALED_SAVE: &str = r#"
const [selector, done] = [arguments[0], arguments[arguments.length - 1]];
const field = document.querySelector(selector);
const sealed = () => Object.keys(localStorage).filter(k => k.includes('/sealed/'))
  .map(k => localStorage.getItem(k)).join('|');
const before = sealed();
field.focus();
field.setSelectionRange(field.value.length, field.value.length);
const start = performance.now();
document.execCommand('insertText', false, 'b');
const poll = () => sealed() !== before ? done(performance.now() - start) : setTimeout(poll, 2);
poll();
"#;

/// Turns the lock on from the settings page, comes back to the answer, and times sealed saves.
async fn lock_and_time_a_sealed_save(
    browser: &Browser,
    server: &StaticServer,
    selector: &str,
) -> Vec<f64> {
    const PASSPHRASE: &str = "a passphrase for the report";
    browser.goto(&server.url("/#/settings")).await;
    for field in ["#new-passphrase", "#repeat-passphrase"] {
        browser
            .wait_for_selector(field, DEFAULT_WAIT)
            .await
            .send_keys(PASSPHRASE)
            .await
            .expect("type the passphrase");
    }
    browser
        .execute(
            "document.getElementById('no-recovery').checked = true; \
             document.querySelector('.lock-form').requestSubmit();",
            Vec::new(),
        )
        .await;
    browser
        .wait_for_js(
            "document.body.innerText.includes('Your answers are locked with a passphrase')",
            DEFAULT_WAIT,
        )
        .await;
    browser.goto(&server.url("/#/week/12/end-letter")).await;
    browser.wait_for_selector(selector, DEFAULT_WAIT).await;
    let mut times = Vec::new();
    for _ in 0..SEALED_SAVES {
        let time = browser
            .execute_async(TIME_SEALED_SAVE, vec![json!(selector)])
            .await;
        times.push(time.as_f64().expect("a time"));
    }
    times
}

fn summary(mut costs: Vec<f64>) -> (f64, f64, f64) {
    costs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let at = |q: f64| costs[((costs.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), at(1.0))
}

async fn measure(browser: &Browser, selector: &str) -> Vec<f64> {
    let costs = browser
        .execute_async(MEASURE, vec![json!(selector), json!(KEYSTROKES)])
        .await;
    serde_json::from_value(costs).expect("a list of costs")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let server = StaticServer::serve_dist();
    let browser = Browser::desktop().await;
    // A writing exercise of the default content that is not sensitive (so it opens at once).
    browser.goto(&server.url("/#/week/12/end-letter")).await;
    browser.wait_for_app().await;
    let selector = "#end-letter-text";
    browser.wait_for_selector(selector, DEFAULT_WAIT).await;

    let short = measure(&browser, selector).await;

    let long_text: String = (0..LONG_ANSWER_WORDS)
        .map(|i| if i % 12 == 11 { "sentence.\n" } else { "word " })
        .collect();
    browser
        .execute(
            "const f = document.querySelector(arguments[0]); f.value = arguments[1]; \
             f.dispatchEvent(new InputEvent('input', { bubbles: true }));",
            vec![json!(selector), Json::from(long_text)],
        )
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let words = browser
        .execute(
            "return document.querySelector('#end-letter-count').textContent;",
            Vec::new(),
        )
        .await;
    let long = measure(&browser, selector).await;

    // The browser's own share: the same keystrokes into a plain textarea of the same size and
    // text that the app does not manage.
    browser
        .execute(
            "const app = document.querySelector(arguments[0]); const plain = document.createElement('textarea'); \
             plain.id = 'plain-textarea'; plain.className = app.className; plain.rows = app.rows; \
             plain.style.width = app.offsetWidth + 'px'; plain.spellcheck = false; plain.value = app.value; \
             app.parentNode.insertBefore(plain, app.nextSibling);",
            vec![json!(selector)],
        )
        .await;
    let plain = measure(&browser, "#plain-textarea").await;

    // The same long answer with the passphrase lock on: each save now seals the answer
    // (AES-256-GCM through Web Crypto) before it is written.
    browser
        .execute(
            "document.getElementById('plain-textarea').remove();",
            Vec::new(),
        )
        .await;
    let sealed_save = lock_and_time_a_sealed_save(&browser, &server, selector).await;
    let locked = measure(&browser, selector).await;

    let derivation: Vec<f64> =
        serde_json::from_value(browser.execute_async(TIME_KEY_DERIVATION, Vec::new()).await)
            .expect("a list of times");

    let (short_median, short_p95, short_max) = summary(short);
    let (long_median, long_p95, long_max) = summary(long);
    let (plain_median, plain_p95, plain_max) = summary(plain);
    let (locked_median, locked_p95, locked_max) = summary(locked);
    let (sealed_median, sealed_p95, _) = summary(sealed_save);
    println!(
        "Typing cost per keystroke, headless Chromium, {KEYSTROKES} keystrokes each (ms of main-thread work):"
    );
    println!(
        "  short answer          median {short_median:6.2}  p95 {short_p95:6.2}  max {short_max:6.2}"
    );
    println!(
        "  10,000-word answer    median {long_median:6.2}  p95 {long_p95:6.2}  max {long_max:6.2}   ({})",
        words.as_str().unwrap_or("")
    );
    println!(
        "  plain textarea, same   median {plain_median:6.2}  p95 {plain_p95:6.2}  max {plain_max:6.2}   (the browser alone: no app)"
    );
    println!(
        "  same, lock on          median {locked_median:6.2}  p95 {locked_p95:6.2}  max {locked_max:6.2}   (a save seals the answer first)"
    );
    println!(
        "  one sealed save of the 10,000-word answer, from the pause to the stored record: \
         median {sealed_median:.1} ms, p95 {sealed_p95:.1} ms ({SEALED_SAVES} saves, 200 ms pause included)"
    );
    let (derive_median, _, derive_max) = summary(derivation);
    println!(
        "  unlocking: deriving the keys (PBKDF2-SHA256, 600,000 iterations) median {derive_median:.0} ms, max {derive_max:.0} ms (5 runs)"
    );
    println!(
        "  the app's own share of the long answer: median {:.2} ms, p95 {:.2} ms",
        long_median - plain_median,
        long_p95 - plain_p95
    );
    println!(
        "  ratio long / short    median {:6.2}  p95 {:6.2}   (budget: p95 at most 16 ms for the long answer)",
        long_median / short_median.max(0.001),
        long_p95 / short_p95.max(0.001)
    );
}
