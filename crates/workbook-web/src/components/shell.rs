//! The frame around every page: the quick exit, the navigation, the save status, and the
//! support lines at the foot of every page.

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::Shared;
use super::language_nav;
use super::quick_exit;
use super::save_status::{self, SaveStatusProps};
use super::sentence::sentence;
use super::support_lines::{self, SupportLinesProps};
use crate::state::drafts::SaveStatus;
use crate::state::route::Route;
use crate::state::store::StoreError;
use crate::state::texts::t;

/// Props for [`Shell`].
#[derive(PartialEq, Clone)]
pub struct ShellProps {
    /// The curriculum.
    pub curriculum: Shared,
    /// The current page.
    pub route: Route,
    /// Where saving stands.
    pub status: SaveStatus,
    /// Set when the browser will not let the workbook save at all.
    pub storage_problem: Option<StoreError>,
    /// How many stored answers could not be read (they are kept, untouched).
    pub unreadable: usize,
    /// Locks the workbook now (shown while the passphrase lock is on).
    pub lock_now: Option<Callback<MouseEvent>>,
    /// Opens another language's page, after saving (`None` in the first view: plain links).
    pub leave: Option<Callback<(String, String)>>,
    /// The page.
    pub children: Html,
}

/// The page frame.
pub fn render(props: &ShellProps) -> Html {
    let nav_link = |route: Route, label: Msg| {
        let current = match (&props.route, &route) {
            (Route::Week { .. }, Route::Home) => false,
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        };
        html! {
            <li><a href={route.href()} aria-current={current.then_some("page")}>{ t(label) }</a></li>
        }
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                focus_main();
            })}>{ t(Msg::SkipToContent) }</a>
            { quick_exit::render(&props.curriculum.quick_exit) }
            <header class="site-header">
                { language_nav::render(&props.route.href(), props.leave.clone()) }
                <p class="site-title"><a href="#/">{ props.curriculum.title.clone() }</a></p>
                <nav aria-label={t(Msg::MainNavigation)}>
                    <ul>
                        { nav_link(Route::Home, Msg::NavHome) }
                        { nav_link(Route::Progress, Msg::NavProgress) }
                        { nav_link(Route::MyWorkbook { week: None }, Msg::NavMyWorkbook) }
                        { nav_link(Route::Settings, Msg::NavSettings) }
                        <li>{ support_lines::link(t(Msg::GetSupport)) }</li>
                        if let Some(lock_now) = &props.lock_now {
                            <li><button type="button" class="nav-button" onclick={lock_now.clone()}>{ t(Msg::ShellLockNow) }</button></li>
                        }
                    </ul>
                </nav>
                { save_status::render(&SaveStatusProps { status: props.status.clone(), storage_problem: props.storage_problem.clone() }) }
            </header>
            if let Some(problem) = &props.storage_problem {
                <div class="banner warning" role="alert">
                    <p><strong>{ problem.explain() }</strong>{ " " }
                    { sentence(Msg::ShellStorageProblem, &[("link", Arg::Slot)], |_| html! {
                        <a href={Route::Settings.href()}>{ t(Msg::ShellStorageProblemLink) }</a>
                    }) }</p>
                </div>
            }
            if props.unreadable > 0 {
                <div class="banner warning" role="status">
                    <p>{ sentence(Msg::ShellUnreadable, &[("count", props.unreadable.into()), ("link", Arg::Slot)], |_| html! {
                        <a href={Route::Settings.href()}>{ t(Msg::ShellUnreadableLink) }</a>
                    }) }</p>
                </div>
            }
            <main id="main" class="page" tabindex="-1">
                { props.children.clone() }
            </main>
            { support_lines::render(&SupportLinesProps { curriculum: props.curriculum.clone(), inline: false, level: 2 }) }
        </>
    }
}

/// Moves keyboard focus to the main content (after a page change, or from the skip link).
pub fn focus_main() {
    crate::browser::focus_by_id("main");
}
