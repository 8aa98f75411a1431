//! Every message the app shows, by the name a catalog gives it and the placeholders it takes.
//!
//! This list is the contract between the app and a catalog (`interface/<language>.ftl`): the
//! app asks for a [`Msg`], never for a string, so a name cannot be misspelt in Rust; the checker
//! holds each catalog to the list (a message missing or unknown, a placeholder the app never
//! passes). The English catalog of the default workbook has exactly these messages, and a
//! test holds it to that.
//!
//! To add a message: add it here, in the part of the list for its page, then to
//! `content/interface/en-GB.ftl` and every other catalog there, in the same place.

macro_rules! messages {
    ($($variant:ident = $name:literal $([$($arg:literal),*])?,)*) => {
        /// One message of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Msg { $(#[doc = $name] $variant,)* }

        impl Msg {
            /// Every message, in the order of the list.
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];

            const NAMES: &'static [&'static str] = &[$($name,)*];
            const ARGS: &'static [&'static [&'static str]] = &[$(&[$($($arg),*)?],)*];

            /// The message's name in a catalog, for example `save-saved`.
            pub fn name(self) -> &'static str {
                Msg::NAMES[self as usize]
            }

            /// The names of the placeholders the app fills in (`{ $count }`).
            pub fn args(self) -> &'static [&'static str] {
                Msg::ARGS[self as usize]
            }

            /// The message with that name.
            pub fn from_name(name: &str) -> Option<Msg> {
                Msg::NAMES.iter().position(|n| *n == name).map(|i| Msg::ALL[i])
            }
        }
    };
}

messages! {
    // The frame of every page.
    SkipToContent = "skip-to-content",
    QuickExit = "quick-exit",
    QuickExitLabel = "quick-exit-label",
    GetSupport = "get-support",
    LanguageNavigation = "language-navigation",
    MainNavigation = "main-navigation",
    NavHome = "nav-home",
    NavProgress = "nav-progress",
    NavMyWorkbook = "nav-my-workbook",
    NavSettings = "nav-settings",
    // Saving.
    SaveIdle = "save-idle",
    SavePending = "save-pending",
    SaveSaved = "save-saved",
    SaveBlocked = "save-blocked",
    SaveFailed = "save-failed" ["reason"],
    SaveBackupLink = "save-backup-link",
    // Durations and counts.
    DurationMinutes = "duration-minutes" ["minutes"],
    DurationHours = "duration-hours" ["hours"],
    DurationHoursMinutes = "duration-hours-minutes" ["hours", "minutes"],
    // @@ part A: the pages (home, weeks, exercises, readings, support, problems) above this line
    // @@ part B: the exercise kinds, progress and My workbook above this line
    // @@ part C: settings, backups, the lock and storage above this line
}
