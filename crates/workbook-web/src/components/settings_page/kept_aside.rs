//! "Copies kept aside": the versions of answers that were kept when another replaced them, or
//! because they could not be read, each as it reads now (or exactly as stored).

use std::rc::Rc;

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::SettingsPageProps;
use crate::components::answer_view::answer_html;
use crate::components::sentence::sentence;
use crate::state::store::{self, Unreadable};
use crate::state::texts::t;

/// The copies kept aside in storage, and the values found unreadable at start-up that are not
/// among them yet (each is kept aside before its key is written again): each listed once.
fn kept_aside(props: &SettingsPageProps) -> Vec<Unreadable> {
    let kept = store::kept_aside(&*props.storage.store, &props.curriculum.id).unwrap_or_default();
    let unreadable = props
        .answers
        .unreadable
        .iter()
        .filter(|u| !kept.iter().any(|k| k.raw == u.raw))
        .cloned()
        .collect::<Vec<_>>();
    kept.into_iter().chain(unreadable).collect()
}

/// One copy: its exercise's title, and the answer as it reads now, or exactly as stored.
fn copy_html(props: &SettingsPageProps, kept: &Unreadable) -> Html {
    let curriculum = &props.curriculum;
    let exercise = kept
        .key
        .rsplit('/')
        .find_map(|part| curriculum.exercise(part))
        .map(|(_, e)| e);
    let title = exercise.map_or_else(|| t(Msg::KeptAsideUntitled), |e| e.title.clone());
    let title = html! { <strong>{ title }</strong> };
    // An answer of this version, or of the first (by labels), as it reads now.
    let answer = crate::state::json::from_str::<store::Entry>(&kept.raw)
        .ok()
        .filter(|entry| entry.format == store::ENTRY_FORMAT)
        .map(|entry| entry.answer)
        .or_else(|| crate::state::migrate::for_display(&kept.raw, exercise));
    let (heading, body) = match answer {
        Some(answer) => (title, answer_html(&answer, exercise, &curriculum.currency)),
        None => (
            sentence(Msg::KeptAsideUnreadable, &[("title", Arg::Slot)], |_| {
                title.clone()
            }),
            html! { <pre class="raw">{ kept.raw.clone() }</pre> },
        ),
    };
    html! {
        <li>
            <p>{ heading }</p>
            { body }
        </li>
    }
}

/// The section. Storage is read when the page opens and whenever the answers change (an
/// import, a deletion, a conflict with another tab), not at every render.
#[hook]
pub fn use_section(props: &SettingsPageProps) -> Html {
    let aside: Rc<Vec<Unreadable>> = use_memo(
        (
            props.curriculum.clone(),
            props.answers.clone(),
            props.storage.clone(),
        ),
        |_| kept_aside(props),
    );
    html! {
        <section>
            <h2>{ t(Msg::KeptAsideHeading) }</h2>
            if aside.is_empty() {
                <p>{ t(Msg::KeptAsideNone) }</p>
            } else {
                <p>{ t(Msg::KeptAsideIntro) }</p>
                <ul class="kept-aside">
                    { for aside.iter().map(|kept| copy_html(props, kept)) }
                </ul>
            }
        </section>
    }
}
