//! The root: fetches the curriculum, then shows the workbook, or its problems.
//!
//! Until then it renders nothing: the page shows the first view written at build time
//! (`first_view.rs`), with the quick exit and the support lines, and the page's own script
//! removes it as soon as the app has put a page into `#app`. When the curriculum cannot
//! be fetched, that script says so in plain words ([`lifecycle::app_failed`]): the build's
//! support lines are all there is then.

use std::rc::Rc;

use workbook_core::{Diagnostic, parse_one_language};
use yew::prelude::*;

use super::Shared;
use super::content_problems::{self, ContentProblemsProps};
use super::lock_gate::LockGate;
use crate::browser::content::{self, LoadError, Loaded};
use crate::browser::{intl, language, lifecycle};
use crate::state::texts;

enum Load {
    Loading,
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
                // Until the catalog has come with the curriculum there are no words but these,
                // in English: they are for the people who run the site (see `first_view.rs`).
                let next = match content::load().await {
                    Err(LoadError::Unreachable(reason)) => {
                        lifecycle::app_failed(&format!(
                            "This device could not fetch the curriculum: {reason}."
                        ));
                        return;
                    }
                    Ok(Loaded { sources, languages }) => {
                        let mut parsed = parse_one_language(&sources);
                        let Some(catalog) = parsed.interface.take() else {
                            lifecycle::app_failed(&format!(
                                "This device could not fetch the workbook's words ({}).",
                                workbook_core::interface::catalog_path(&parsed.curriculum.language)
                            ));
                            return;
                        };
                        let rules = intl::rules(&catalog.language);
                        texts::install(catalog, rules);
                        language::remember(&parsed.curriculum.language);
                        texts::set_languages(languages);
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
        Load::Loading => html! {},
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
