//! Hash routes, so that a static host needs no rewrite rules and deep links work anywhere.
//!
//! ```text
//! #/                       home
//! #/week/3                 week 3
//! #/week/3/life-timeline   week 3, scrolled to that exercise (element id `ex-life-timeline`)
//! #/progress               progress and the before/after chart
//! #/workbook               every answer, ready to print; #/workbook/3 for one week
//! #/settings               backup, restore, clear, and what the workbook keeps where
//! ```

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The programme and its weeks.
    Home,
    /// One week, optionally scrolled to an exercise.
    Week {
        /// The week number.
        week: u32,
        /// The exercise to scroll to.
        exercise: Option<String>,
    },
    /// Progress and repeated ratings.
    Progress,
    /// Answers on one printable page: a week's, or the whole course's.
    MyWorkbook {
        /// One week, or all.
        week: Option<u32>,
    },
    /// Backup, restore, clear.
    Settings,
}

impl Route {
    /// The route of a location hash (with or without the leading `#`). Anything unknown is home.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["week", week] => week.parse().map_or(Route::Home, |week| Route::Week {
                week,
                exercise: None,
            }),
            ["week", week, exercise] => week.parse().map_or(Route::Home, |week| Route::Week {
                week,
                exercise: Some((*exercise).to_string()),
            }),
            ["progress"] => Route::Progress,
            ["workbook"] => Route::MyWorkbook { week: None },
            ["workbook", week] => week
                .parse()
                .map_or(Route::MyWorkbook { week: None }, |week| Route::MyWorkbook {
                    week: Some(week),
                }),
            ["settings"] => Route::Settings,
            _ => Route::Home,
        }
    }

    /// The hash for this route, with the leading `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Week {
                week,
                exercise: None,
            } => format!("#/week/{week}"),
            Route::Week {
                week,
                exercise: Some(id),
            } => format!("#/week/{week}/{id}"),
            Route::Progress => "#/progress".into(),
            Route::MyWorkbook { week: None } => "#/workbook".into(),
            Route::MyWorkbook { week: Some(week) } => format!("#/workbook/{week}"),
            Route::Settings => "#/settings".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for route in [
            Route::Home,
            Route::Week {
                week: 3,
                exercise: None,
            },
            Route::Week {
                week: 12,
                exercise: Some("end-plan".into()),
            },
            Route::Progress,
            Route::MyWorkbook { week: None },
            Route::MyWorkbook { week: Some(2) },
            Route::Settings,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn anything_else_is_home() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/week/three"), Route::Home);
        assert_eq!(Route::parse("#/nowhere"), Route::Home);
        assert_eq!(
            Route::parse("#/week/2/"),
            Route::Week {
                week: 2,
                exercise: None
            }
        );
    }
}
