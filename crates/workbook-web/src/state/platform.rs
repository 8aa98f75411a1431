//! Where the workbook runs, for the rules that differ between browsers.
//!
//! WebKit (Safari, and every browser on an iPhone or iPad, whatever its name) deletes all that a
//! site keeps in the browser, answers included, after seven days of Safari use without a visit
//! to the site. A web app added to the home screen has a clock of its own and keeps its answers.
//! So on WebKit, outside an installed app, the home page says so, and the reminder to save a
//! backup file comes before a week has gone by.

/// What the workbook knows of the browser it runs in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Platform {
    /// A WebKit browser.
    pub webkit: bool,
    /// Opened from a home-screen icon, as an installed web app.
    pub installed: bool,
}

/// Days without a backup before the home page reminds the participant to save one.
pub const BACKUP_REMINDER_DAYS: u64 = 14;

/// The same, where the browser may erase everything after a week: the reminder comes from the
/// fifth day, so that a participant who opens the workbook once a week still sees it in time.
pub const BACKUP_REMINDER_DAYS_BEFORE_ERASURE: u64 = 5;

impl Platform {
    /// The platform of a browser with this user agent string, opened as an installed app or not.
    pub fn new(user_agent: &str, installed: bool) -> Platform {
        Platform {
            webkit: is_webkit(user_agent),
            installed,
        }
    }

    /// Whether the browser may erase the answers after about a week without a visit.
    pub fn may_erase_after_a_week(self) -> bool {
        self.webkit && !self.installed
    }

    /// How many days without a backup before the reminder.
    pub fn backup_reminder_days(self) -> u64 {
        if self.may_erase_after_a_week() {
            BACKUP_REMINDER_DAYS_BEFORE_ERASURE
        } else {
            BACKUP_REMINDER_DAYS
        }
    }
}

/// Whether a user agent string is a WebKit browser's. Every browser on iOS and iPadOS is WebKit
/// (Chrome there says `CriOS`, Firefox `FxiOS`, and neither says `Chrome/`); Chromium browsers
/// everywhere else say `Chrome/` (or `Chromium/`) beside `AppleWebKit`, and Firefox says neither.
pub fn is_webkit(user_agent: &str) -> bool {
    user_agent.contains("AppleWebKit")
        && !user_agent.contains("Chrome/")
        && !user_agent.contains("Chromium/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_agent_tells_webkit_apart() {
        for (agent, webkit) in [
            // Safari on a Mac, an iPhone; Chrome and Firefox on an iPhone: all WebKit.
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
                true,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                true,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
                true,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15",
                true,
            ),
            // WebKitGTK, as the browser tests run it.
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15",
                true,
            ),
            // Chrome on Android and on a desktop, Edge, Samsung Internet: Chromium.
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36",
                false,
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
                false,
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68",
                false,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
                false,
            ),
            // Firefox.
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0",
                false,
            ),
        ] {
            assert_eq!(is_webkit(agent), webkit, "{agent}");
        }
    }

    #[test]
    fn only_webkit_outside_an_installed_app_may_erase_after_a_week() {
        let safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";
        assert!(Platform::new(safari, false).may_erase_after_a_week());
        assert_eq!(Platform::new(safari, false).backup_reminder_days(), 5);
        assert!(!Platform::new(safari, true).may_erase_after_a_week());
        assert_eq!(Platform::new(safari, true).backup_reminder_days(), 14);
        assert!(!Platform::new(firefox, false).may_erase_after_a_week());
        assert_eq!(Platform::new(firefox, false).backup_reminder_days(), 14);
    }
}
