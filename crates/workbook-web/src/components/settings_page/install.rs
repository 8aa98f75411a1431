//! The settings page's section on adding the workbook to a home screen: an informed choice. It
//! says what installing protects (on an iPhone or iPad, Safari's erasure after a week without a
//! visit does not touch an installed workbook), what it shows (an icon, with the curriculum's
//! neutral name, that others may see), how to do it on an iPhone and on Android, and that on an
//! iPhone the installed workbook starts empty, so the answers move across in a backup file.

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use crate::state::platform::Platform;
use crate::state::texts::{t, tf};

/// The section, with the name the icon will show.
pub fn render(app_name: &str, platform: Platform) -> Html {
    html! {
        <section id="install" aria-labelledby="install-heading">
            <h2 id="install-heading">{ t(Msg::InstallHeading) }</h2>
            if platform.installed {
                <p role="status">{ t(Msg::InstallInstalled) }</p>
            }
            <p>{ t(Msg::InstallSafariErases) }</p>
            <p>{ tf(Msg::InstallIcon, &[("name", Arg::Text(app_name))]) }</p>
            <h3>{ t(Msg::InstallIphoneHeading) }</h3>
            <ol>
                <li>{ t(Msg::InstallIphoneBackup) }</li>
                <li>{ t(Msg::InstallIphoneAdd) }</li>
                <li>{ t(Msg::InstallIphoneOpen) }</li>
                <li>{ t(Msg::InstallIphoneAlways) }</li>
            </ol>
            <h3>{ t(Msg::InstallAndroidHeading) }</h3>
            <p>{ t(Msg::InstallAndroid) }</p>
        </section>
    }
}
