//! The thin layer that touches the browser. Each function does one browser thing and turns the
//! browser's errors into the app's plain ones; the rules live in [`crate::state`].

pub mod content;
pub mod crypto;
pub mod files;
pub mod intl;
pub mod language;
pub mod lifecycle;
pub mod lock;
pub mod storage;

/// The page's place in the workbook (`#/week/3`), for links that keep it.
pub fn route_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now() -> u64 {
    // Whole milliseconds: plenty for ordering edits, and integers keep float formatting out of
    // the download.
    js_sys::Date::now() as u64
}

/// Today's date as `YYYY-MM-DD`, in the participant's own time zone.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// The browser the workbook runs in: its engine (from the user agent) and whether it was opened
/// from a home-screen icon (`display-mode: standalone`, or Safari's `navigator.standalone`).
pub fn platform() -> crate::state::platform::Platform {
    let Some(window) = web_sys::window() else {
        return crate::state::platform::Platform::default();
    };
    let user_agent = window.navigator().user_agent().unwrap_or_default();
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    let ios_standalone = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    crate::state::platform::Platform::new(&user_agent, standalone || ios_standalone)
}

/// Brings the element with this id into view and moves keyboard focus to it (it needs a
/// `tabindex` unless it is focusable anyway).
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Asks the browser to keep this site's storage even when space runs low
/// (`navigator.storage.persist()`). `None` when the browser has no such request.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let answer = wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?;
    answer.as_bool()
}

/// Whether the browser has already agreed to keep this site's storage.
pub async fn storage_is_persistent() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let answer = wasm_bindgen_futures::JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?;
    answer.as_bool()
}

/// Waits `ms` milliseconds. (gloo-timers' own futures bring a channel along for the same wait.)
pub async fn sleep(ms: u32) {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::task::{Poll, Waker};

    let waker = Rc::new(Cell::new(None::<Waker>));
    let done = Rc::new(Cell::new(false));
    let _timer = gloo_timers::callback::Timeout::new(ms, {
        let (waker, done) = (waker.clone(), done.clone());
        move || {
            done.set(true);
            if let Some(waker) = waker.take() {
                waker.wake();
            }
        }
    });
    std::future::poll_fn(|cx| {
        if done.get() {
            Poll::Ready(())
        } else {
            waker.set(Some(cx.waker().clone()));
            Poll::Pending
        }
    })
    .await;
}
