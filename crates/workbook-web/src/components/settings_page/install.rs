//! The settings page's section on adding the workbook to a home screen: an informed choice. It
//! says what installing protects (on an iPhone or iPad, Safari's erasure after a week without a
//! visit does not touch an installed workbook), what it shows (an icon, with the curriculum's
//! neutral name, that others may see), how to do it on an iPhone and on Android, and that on an
//! iPhone the installed workbook starts empty, so the answers move across in a backup file.

use yew::prelude::*;

use crate::state::platform::Platform;

/// The section, with the name the icon will show.
pub fn render(app_name: &str, platform: Platform) -> Html {
    html! {
        <section id="install" aria-labelledby="install-heading">
            <h2 id="install-heading">{ "Add the workbook to your home screen" }</h2>
            if platform.installed {
                <p role="status">{ "You are using the workbook from its icon on your home screen." }</p>
            }
            <p>{ "Safari, and every browser on an iPhone or iPad, erases what a site keeps after about a week without a visit. That includes your answers. A workbook added to the home screen is not erased this way, as long as you open it from its icon." }</p>
            <p>{ format!("Adding it puts an icon named \u{201c}{app_name}\u{201d} on your home screen. Anyone who uses or sees your phone can see the icon. The name does not say what the workbook is for. You can remove the icon at any time, like any other app's.") }</p>
            <h3>{ "On an iPhone or iPad" }</h3>
            <ol>
                <li>{ "Save a backup file first (above)." }</li>
                <li>{ "Open the workbook in Safari. Tap the Share button (a square with an arrow pointing up), then \u{201c}Add to Home Screen\u{201d}, then \u{201c}Add\u{201d}." }</li>
                <li>{ "Open the workbook from the new icon. It starts empty: it does not share answers with Safari. Use \u{201c}Restore from a backup file\u{201d} to bring your answers into it." }</li>
                <li>{ "From then on, always open the workbook from the icon." }</li>
            </ol>
            <h3>{ "On an Android phone" }</h3>
            <p>{ "In Chrome, tap the menu (three dots), then \u{201c}Add to Home screen\u{201d} or \u{201c}Install app\u{201d}. Your answers are already there: an Android browser keeps them for the icon too." }</p>
        </section>
    }
}
