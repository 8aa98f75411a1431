//! Shown instead of the workbook when its content has errors: what is wrong, where, and that
//! the participant's answers are safe.

use std::rc::Rc;

use workbook_core::{Diagnostic, Severity};
use yew::prelude::*;

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
            <h1>{ "This workbook's content needs fixing" }</h1>
            <p>
                { "The workbook cannot open because its content has " }
                <strong>{ format!("{errors} problem{}", if errors == 1 { "" } else { "s" }) }</strong>
                { ". If you are taking part in the programme, please tell the person who runs it. Your own answers are safe in this browser." }
            </p>
            if let Some(on_open) = &props.on_open {
                <p>{ "You can still open the workbook. Your answers are there, and the parts of the content that could be read are shown; the rest is left out until it is fixed." }</p>
                <p><button type="button" class="button primary" onclick={on_open.clone()}>{ "Open the workbook anyway" }</button></p>
            }
            <h2>{ "What needs fixing" }</h2>
            <p>{ "For the people who write the content (run " }<code>{ "workbook check" }</code>{ " for the same list):" }</p>
            <ol class="diagnostics">
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
