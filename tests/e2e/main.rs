//! End-to-end tests: the built site (`dist/`) in a headless Chromium.
//!
//! Every test starts what it needs itself: a [`StaticServer`](harness::StaticServer) over
//! `dist/` on a free port, and a [`Browser`](harness::Browser) (its own chromedriver, its own
//! Chromium profile). Nothing is shared between tests, so they run in parallel.
//!
//! The tests assume the site is built (`cargo xtask build`) and that `cargo xtask setup` has
//! installed Chromium, chromedriver and axe-core. `tests/README-e2e.md` explains the helpers and
//! how to add a scenario: one module per feature, beside `smoke.rs`.

mod app;
mod harness;
mod hostile;

mod accessibility;
mod backup;
mod drafts;
mod earlier_versions;
mod exercise_kinds;
mod first_visit;
mod home_screen;
mod languages;
mod layout;
mod lock;
mod never_lose;
mod offline;
mod other_programme;
mod printing;
mod privacy;
mod quick_exit;
mod safety;
mod smoke;
mod storage_failures;
mod tour;
mod weeks;
