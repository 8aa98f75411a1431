//! Page lifecycle: the moments the browser may close the page, hash changes, idle time, the
//! service worker. Each listener lives as long as the handle returned. (The quick exit is the
//! page's own script: see `components/quick_exit.rs`.)

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A registered listener; dropping it removes the listener.
pub struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// Listens for `event` on `target`.
pub fn listen(
    target: &web_sys::EventTarget,
    event: &'static str,
    handler: impl FnMut(web_sys::Event) + 'static,
) -> Listener {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    Listener {
        target: target.clone(),
        event,
        closure,
    }
}

/// Calls `flush` whenever the page may be about to go away: hidden (tab switched, phone locked)
/// or being unloaded. Saving then is what keeps the last keystrokes.
pub fn on_leave(flush: impl Fn() + 'static) -> Vec<Listener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Some(document) = window.document() else {
        return Vec::new();
    };
    let flush = std::rc::Rc::new(flush);
    let on_hide = {
        let flush = flush.clone();
        move |_| flush()
    };
    let on_visibility = {
        let document = document.clone();
        move |_| {
            if document.visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        }
    };
    vec![
        listen(window.as_ref(), "pagehide", on_hide),
        listen(document.as_ref(), "visibilitychange", on_visibility),
    ]
}

/// Reloads the page (after another tab turned the lock on or off).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// What keeps [`lock_when_idle`] watching; dropping it stops.
pub struct IdleWatch {
    _listeners: Vec<Listener>,
    _interval: gloo_timers::callback::Interval,
}

/// How often to check whether the workbook has been left alone long enough.
const IDLE_CHECK_MS: u32 = 5_000;

/// Calls `lock` once the page has had no key press, touch, click, typing or scrolling for
/// `idle_ms()` milliseconds (checked every few seconds, and as soon as the page is shown again).
pub fn lock_when_idle(idle_ms: impl Fn() -> u64 + 'static, lock: impl Fn() + 'static) -> IdleWatch {
    let last = std::rc::Rc::new(std::cell::Cell::new(super::now()));
    let check = {
        let last = last.clone();
        std::rc::Rc::new(move || {
            if super::now().saturating_sub(last.get()) >= idle_ms() {
                lock();
            }
        })
    };
    let mut listeners = Vec::new();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        for event in ["keydown", "pointerdown", "input", "scroll", "touchstart"] {
            let last = last.clone();
            listeners.push(listen(document.as_ref(), event, move |_| {
                last.set(super::now())
            }));
        }
        let check = check.clone();
        let shown = document.clone();
        listeners.push(listen(document.as_ref(), "visibilitychange", move |_| {
            if shown.visibility_state() == web_sys::VisibilityState::Visible {
                check();
            }
        }));
    }
    IdleWatch {
        _listeners: listeners,
        _interval: gloo_timers::callback::Interval::new(IDLE_CHECK_MS, move || check()),
    }
}

/// The current location hash.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the location hash without a history entry and without a `hashchange` event.
pub fn replace_hash(hash: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Calls `changed` with the new hash whenever it changes.
pub fn on_hash_change(changed: impl Fn(String) + 'static) -> Option<Listener> {
    let window = web_sys::window()?;
    Some(listen(window.as_ref(), "hashchange", move |_| {
        changed(hash())
    }))
}

/// Tells the page's own script that the app cannot start, and why (for the people who run the
/// workbook): it shows its plain message, with the quick exit and the support lines.
pub fn app_failed(reason: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&reason.into());
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("workbook-failed", &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Registers the service worker that keeps the workbook working offline.
pub fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let navigator = window.navigator();
        if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
            let _ = navigator.service_worker().register("sw.js");
        }
    }
}
