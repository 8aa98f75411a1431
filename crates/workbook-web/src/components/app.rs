//! The root: fetches the curriculum, then shows the workbook, or says plainly what went wrong.

use std::rc::Rc;

use workbook_core::{Diagnostic, parse};
use yew::prelude::*;

use super::Shared;
use super::content_problems::{self, ContentProblemsProps};
use super::lock_gate::LockGate;
use crate::browser::content::{self, LoadError};

enum Load {
    Loading,
    Unreachable(String),
    /// The content has errors: the problems are shown, with a way into what could be read.
    Problems(Rc<Vec<Diagnostic>>, Shared),
    Ready(Shared),
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let load = use_state(|| Load::Loading);
    let open_anyway = use_state(|| false);
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let next = match content::load().await {
                    Err(LoadError::Unreachable(reason)) => Load::Unreachable(reason),
                    Ok(sources) => {
                        let parsed = parse(&sources);
                        if parsed.has_errors() {
                            Load::Problems(
                                Rc::new(parsed.diagnostics),
                                Shared(Rc::new(parsed.curriculum)),
                            )
                        } else {
                            Load::Ready(Shared(Rc::new(parsed.curriculum)))
                        }
                    }
                };
                load.set(next);
            });
        });
    }
    match &*load {
        Load::Loading => html! {
            <main id="main" class="page loading" aria-busy="true">
                <p>{ "Opening your workbook…" }</p>
            </main>
        },
        Load::Unreachable(reason) => html! {
            <main id="main" class="page">
                <h1>{ "The workbook could not open" }</h1>
                <p>{ "This device could not reach the workbook's website. Check that you are online, then reload the page." }</p>
                <p>{ "Your answers are safe: they are kept in this browser, not on the website." }</p>
                <details><summary>{ "Details for the people who run the workbook" }</summary><p>{ reason.clone() }</p></details>
            </main>
        },
        Load::Problems(_, curriculum) if *open_anyway => {
            html! { <LockGate curriculum={curriculum.clone()} /> }
        }
        Load::Problems(diagnostics, curriculum) => {
            content_problems::render(&ContentProblemsProps {
                diagnostics: diagnostics.clone(),
                // Participants are never locked out of their own words by an author's mistake.
                on_open: (!curriculum.weeks.is_empty()).then(|| {
                    let open_anyway = open_anyway.clone();
                    Callback::from(move |_: MouseEvent| open_anyway.set(true))
                }),
            })
        }
        Load::Ready(curriculum) => html! { <LockGate curriculum={curriculum.clone()} /> },
    }
}
