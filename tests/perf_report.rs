//! The speed report: main-thread work per keystroke while typing into a long answer, and the time
//! to unlock, in each engine a participant may use (Chromium, Firefox, WebKit), side by side. A
//! report, not a test: it prints medians and 95th percentiles and never fails on a slow machine.
//! Run it with `cargo xtask report` (which builds the site first), or
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

use harness::{Browser, DEFAULT_WAIT, Engine, StaticServer, Viewport};
use serde_json::{Value as Json, json};

/// `cargo xtask report --quick` (what the test command runs, to prove the report still works)
/// sets this: a tenth of the keystrokes and saves, one unlock. Its numbers are not for reading.
const QUICK: &str = "PERF_REPORT_QUICK";

fn quick() -> bool {
    std::env::var_os(QUICK).is_some()
}

/// `n`, or a tenth of it (at least 3) in the quick form.
fn scaled(n: usize) -> usize {
    if quick() { (n / 10).max(3) } else { n }
}

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

/// How many times unlocking is timed.
const UNLOCKS: usize = 3;

/// Submits the locked page's passphrase and resolves with the time until the exercise `selector`
/// is on the page again, in ms.
const TIME_UNLOCK: &str = r#"
const [passphrase, selector, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const field = document.getElementById('passphrase');
if (document.querySelector(selector)) { done('the answer was on the page before unlocking'); }
field.value = passphrase;
field.dispatchEvent(new InputEvent('input', { bubbles: true }));
const start = performance.now();
field.form.requestSubmit();
const poll = () => document.querySelector(selector) && !document.getElementById('passphrase')
  ? done(performance.now() - start) : setTimeout(poll, 5);
poll();
"#;

const PASSPHRASE: &str = "a passphrase for the report";

/// Where the answer box is: a writing exercise of the default content that is not sensitive
/// (so it opens at once).
const EXERCISE: &str = "/#/week/12/end-letter";
const SELECTOR: &str = "#end-letter-text";

/// Turns the lock on from the settings page, comes back to the answer, and times sealed saves.
async fn lock_and_time_a_sealed_save(browser: &Browser, server: &StaticServer) -> Vec<f64> {
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
            Duration::from_secs(60),
        )
        .await;
    browser.goto(&server.url(EXERCISE)).await;
    browser.wait_for_selector(SELECTOR, DEFAULT_WAIT).await;
    let mut times = Vec::new();
    for _ in 0..scaled(SEALED_SAVES) {
        let time = browser
            .execute_async(TIME_SEALED_SAVE, vec![json!(SELECTOR)])
            .await;
        times.push(time.as_f64().expect("a time"));
    }
    times
}

/// Opens the locked workbook afresh and times each unlock, from the passphrase sent to the
/// answer on the page.
async fn time_unlocks(browser: &Browser) -> Vec<f64> {
    let mut times = Vec::new();
    // The page is still at the exercise, unlocked: each reload locks it (the address then hides
    // the exercise), and unlocking brings the exercise back.
    browser.wait_for_selector(SELECTOR, DEFAULT_WAIT).await;
    for _ in 0..if quick() { 1 } else { UNLOCKS } {
        browser.reload().await;
        browser
            .wait_for_selector("#passphrase", Duration::from_secs(30))
            .await;
        let time = browser
            .execute_async(TIME_UNLOCK, vec![json!(PASSPHRASE), json!(SELECTOR)])
            .await;
        times.push(
            time.as_f64()
                .unwrap_or_else(|| panic!("unlocking in {}: {time}", browser.engine())),
        );
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
        .execute_async(MEASURE, vec![json!(selector), json!(scaled(KEYSTROKES))])
        .await;
    serde_json::from_value(costs).expect("a list of costs")
}

/// What one engine measured.
struct Measured {
    engine: Engine,
    short: Vec<f64>,
    long: Vec<f64>,
    plain: Vec<f64>,
    locked: Vec<f64>,
    sealed_save: Vec<f64>,
    derivation: Vec<f64>,
    unlock: Vec<f64>,
    words: String,
}

async fn measure_engine(engine: Engine, server: &StaticServer) -> Measured {
    let browser = Browser::start_in(engine, Viewport::DESKTOP, &[]).await;
    browser.goto(&server.url(EXERCISE)).await;
    browser.wait_for_app().await;
    browser.wait_for_selector(SELECTOR, DEFAULT_WAIT).await;

    let short = measure(&browser, SELECTOR).await;

    let long_text: String = (0..LONG_ANSWER_WORDS)
        .map(|i| if i % 12 == 11 { "sentence.\n" } else { "word " })
        .collect();
    browser
        .execute(
            "const f = document.querySelector(arguments[0]); f.value = arguments[1]; \
             f.dispatchEvent(new InputEvent('input', { bubbles: true }));",
            vec![json!(SELECTOR), Json::from(long_text)],
        )
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let words = browser
        .execute(
            "return document.querySelector('#end-letter-count').textContent;",
            Vec::new(),
        )
        .await;
    let long = measure(&browser, SELECTOR).await;

    // The browser's own share: the same keystrokes into a plain textarea of the same size and
    // text that the app does not manage.
    browser
        .execute(
            "const app = document.querySelector(arguments[0]); const plain = document.createElement('textarea'); \
             plain.id = 'plain-textarea'; plain.className = app.className; plain.rows = app.rows; \
             plain.style.width = app.offsetWidth + 'px'; plain.spellcheck = false; plain.value = app.value; \
             app.parentNode.insertBefore(plain, app.nextSibling);",
            vec![json!(SELECTOR)],
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
    let sealed_save = lock_and_time_a_sealed_save(&browser, server).await;
    let locked = measure(&browser, SELECTOR).await;

    let derivation: Vec<f64> =
        serde_json::from_value(browser.execute_async(TIME_KEY_DERIVATION, Vec::new()).await)
            .expect("a list of times");
    let unlock = time_unlocks(&browser).await;
    Measured {
        engine,
        short,
        long,
        plain,
        locked,
        sealed_save,
        derivation,
        unlock,
        words: words.as_str().unwrap_or_default().to_string(),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let server = StaticServer::serve_dist();
    let mut all = Vec::new();
    for engine in Engine::ALL {
        eprintln!("Measuring in {engine}…");
        all.push(measure_engine(engine, &server).await);
    }

    let header = all
        .iter()
        .map(|m| format!("{:>22}", format!("{}", m.engine)))
        .collect::<String>();
    let row = |label: &str, pick: &dyn Fn(&Measured) -> (f64, f64)| {
        let cells: String = all
            .iter()
            .map(|m| {
                let (median, p95) = pick(m);
                format!("{:>10.2} {:>10.2} ", median, p95)
            })
            .collect();
        println!("  {label:<34}{cells}");
    };
    let typing = |costs: &[f64]| {
        let (median, p95, _) = summary(costs.to_vec());
        (median, p95)
    };
    println!(
        "Typing cost per keystroke, {} keystrokes each, ms of main-thread work \
         (median and p95; each engine on this machine, side by side in one run):",
        scaled(KEYSTROKES)
    );
    if quick() {
        println!("  (quick form, from {QUICK}: too few runs for the numbers to mean anything)");
    }
    println!("  {:<34}{header}", "");
    println!("  {:<34}{}", "", "    median        p95 ".repeat(all.len()));
    row("short answer", &|m| typing(&m.short));
    row("10,000-word answer", &|m| typing(&m.long));
    row("plain textarea, same text (no app)", &|m| typing(&m.plain));
    row("the app's own share", &|m| {
        let (long, plain) = (typing(&m.long), typing(&m.plain));
        (long.0 - plain.0, long.1 - plain.1)
    });
    row("same, lock on", &|m| typing(&m.locked));
    println!(
        "  ({} in each; budget: p95 at most 16 ms for the long answer)",
        all.first().map_or("", |m| m.words.as_str())
    );
    println!("\nThe passphrase lock, ms (median and slowest):");
    println!("  {:<34}{header}", "");
    let slow = |times: &[f64]| {
        let (median, _, max) = summary(times.to_vec());
        (median, max)
    };
    row(
        &format!("one sealed save ({} saves)", scaled(SEALED_SAVES)),
        &|m| slow(&m.sealed_save),
    );
    row("deriving the keys (PBKDF2, 5 runs)", &|m| {
        slow(&m.derivation)
    });
    row(
        &format!(
            "unlocking, passphrase to answer ({})",
            if quick() { 1 } else { UNLOCKS }
        ),
        &|m| slow(&m.unlock),
    );
    println!(
        "  (a sealed save counts from the keystroke to the stored record, the 200 ms pause included; \
         deriving is PBKDF2-SHA256 over 600,000 iterations, each with a new salt. Firefox keeps \
         the last derivation of a passphrase and salt (NSS's cache), so unlocking again in the \
         same browser costs less there than the first unlock, which costs about a derivation.)"
    );
    println!(
        "\nFirefox and WebKit give the page times in whole milliseconds. WebKit here is WebKitGTK's \
         MiniBrowser under a virtual display with software rendering: slower than Safari on a \
         phone, so read its column against its own plain textarea."
    );
}
