//! The first view: what the built `index.html` shows before the app has started, rendered at
//! build time (`cargo xtask stage`, through [`crate::prerender`]) by the same components the app
//! renders: the frame of every page ([`shell`]) around the home page as a first visit sees it.
//!
//! Beside the home page, `<main>` holds the other things the page may have to say before the
//! app can, each hidden until the page's own script (`web/first-visit.js`) picks it by setting
//! `data-first` on `<html>`:
//!
//! - `opening`: "Opening your workbook…", for a link to another page (`#/week/9`) or a
//!   participant who has answers on this device, whose home page the build cannot know;
//! - `old-browser`: the browser cannot run the app (no WebAssembly, no modules);
//! - `failed`: the app or the curriculum could not be fetched, or the app stopped at start-up.
//!
//! The quick exit and the support lines are in the frame, so they are there in every case. When
//! the app has rendered, the script removes the first view and keeps focus and scroll where
//! they were: the app's home page is this markup, less the hidden messages. (The app renders
//! into `#app`, before the first view, and nothing until its curriculum is ready.)

use workbook_core::interface::Msg;
use yew::prelude::*;

use super::Shared;
use super::answers::Answers;
use super::home::{self, HomeProps};
use super::shell::{self, ShellProps};
use crate::state::drafts::{Drafts, SaveStatus};
use crate::state::platform::Platform;
use crate::state::route::Route;
use crate::state::store::{Loaded, Meta};
use crate::state::texts::t;

/// Props for [`FirstView`].
#[derive(Properties, PartialEq, Clone)]
pub struct FirstViewProps {
    /// The curriculum the site was built with.
    pub curriculum: Shared,
}

/// The first view (see the module's text).
#[component]
pub fn FirstView(props: &FirstViewProps) -> Html {
    let curriculum = props.curriculum.clone();
    let drafts = {
        let id = curriculum.id.clone();
        use_reducer(move || Drafts::from_loaded(&id, Loaded::default()))
    };
    let home = home::render(&HomeProps {
        curriculum: curriculum.clone(),
        answers: Answers::new(drafts),
        meta: Meta::default(),
        // With the note on Safari's erasure: the script hides it where it does not apply, so
        // that the app's home page on an iPhone has nothing the first view lacked.
        platform: Platform {
            webkit: true,
            installed: false,
        },
        now: 0,
    });
    let messages = html! {
        <>
            <div class="first-state opening">
                <h1>{ curriculum.title.clone() }</h1>
                <p role="status">{ t(Msg::FirstOpening) }</p>
                <p class="first-slow">{ t(Msg::FirstSlow) }</p>
            </div>
            <div class="first-state old-browser">
                <h1>{ t(Msg::FirstOldBrowserHeading) }</h1>
                <p>{ t(Msg::FirstOldBrowserText) }</p>
            </div>
            <div class="first-state failed">
                <h1>{ t(Msg::FirstFailedHeading) }</h1>
                <p>{ t(Msg::FirstFailedText) }</p>
                <p>{ t(Msg::FirstFailedSafe) }</p>
                <details>
                    <summary>{ t(Msg::FirstFailedDetails) }</summary>
                    // The reason is in English, from the app or the page's script.
                    <p class="first-reason" lang="en"></p>
                </details>
            </div>
        </>
    };
    html! {
        <div id="first-view">
            <noscript>{ t(Msg::FirstNeedsJavascript) }</noscript>
            { shell::render(&ShellProps {
                curriculum,
                route: Route::Home,
                status: SaveStatus::Idle,
                storage_problem: None,
                unreadable: 0,
                lock_now: None,
                leave: None,
                children: html! { <>{ home }{ messages }</> },
            }) }
        </div>
    }
}
