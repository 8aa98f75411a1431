//! Shown instead of the workbook when its content has errors: what is wrong, where, and that
//! the participant's answers are safe.

use std::rc::Rc;

use workbook_core::interface::{Arg, Msg};
use workbook_core::{Diagnostic, Severity};
use yew::prelude::*;

use super::language_nav;
use super::sentence::sentence;
use crate::state::texts::{t, tf};

/// Props for [`ContentProblems`].
#[derive(PartialEq, Clone)]
pub struct ContentProblemsProps {
    /// Every problem found.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    /// Opens the workbook with what could be read, if anything could.
    pub on_open: Option<Callback<MouseEvent>>,
}

/// A readable list of the content's problems.
pub fn render(props: &ContentProblemsProps) -> Html {
    // A summary of problems left out of the list counts for every one it stands for.
    let errors: usize = props
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(Diagnostic::count)
        .sum();
    html! {
        <main id="main" class="page problems">
            { language_nav::render(&crate::browser::route_hash(), None) }
            <h1>{ t(Msg::ProblemsHeading) }</h1>
            <p>
                { sentence(Msg::ProblemsSummary, &[("problems", Arg::Slot)], |_| html! {
                    <strong>{ tf(Msg::ProblemsCount, &[("count", errors.into())]) }</strong>
                }) }
            </p>
            if let Some(on_open) = &props.on_open {
                <p>{ t(Msg::ProblemsOpenAnywayText) }</p>
                <p><button type="button" class="button primary" onclick={on_open.clone()}>{ t(Msg::ProblemsOpenAnyway) }</button></p>
            }
            <h2>{ t(Msg::ProblemsListHeading) }</h2>
            <p>{ sentence(Msg::ProblemsForAuthors, &[("command", Arg::Slot)], |_| html! { <code>{ "workbook check" }</code> }) }</p>
            // Each problem as the authors' command reports it, in English.
            <ol class="diagnostics" lang="en">
                { for props.diagnostics.iter().map(|d| html! {
                    <li class={if d.severity == Severity::Error { "error" } else { "warning" }}>
                        <p><code>{ format!("{}:{}:{}", d.file, d.line, d.column) }</code>{ " " }
                           <strong>{ if d.severity == Severity::Error { "Error" } else { "Warning" } }</strong>
                           { format!(" [{}]: {}", d.code, d.message) }</p>
                        if let Some(help) = &d.help { <p class="help">{ format!("How to fix it: {help}") }</p> }
                    </li>
                }) }
            </ol>
        </main>
    }
}
