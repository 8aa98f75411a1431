//! Renders the first view ([`crate::components::first_view`]) to HTML at build time, with Yew's
//! server-side renderer, for `cargo xtask stage` to put into the built `index.html`. Only with
//! the `prerender` feature, which only the host build of `xtask` turns on: none of this is in
//! the participant's download.

use std::rc::Rc;

use workbook_core::Curriculum;
use workbook_core::interface::Catalog;

use crate::state::language::Languages;

use crate::components::Shared;
use crate::components::first_view::{FirstView, FirstViewProps};

/// The first view's HTML for this curriculum.
/// `interface` is the interface text in the curriculum's language (without it, each message
/// shows its name).
/// `languages` are the curriculum's, for the language switch.
pub fn first_view(
    curriculum: Curriculum,
    interface: Option<Catalog>,
    languages: Languages,
) -> String {
    // Without its interface text (reported), each message shows its name.
    crate::state::texts::install(interface.unwrap_or_default(), None);
    crate::state::texts::set_languages(languages);
    let props = FirstViewProps {
        curriculum: Shared(Rc::new(curriculum)),
    };
    let renderer = yew::LocalServerRenderer::<FirstView>::with_props(props).hydratable(false);
    // Yew's renderer needs a runtime to run on; one thread is plenty for one page.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-threaded runtime needs no resources that can be missing");
    tokio::task::LocalSet::new().block_on(&runtime, renderer.render())
}
