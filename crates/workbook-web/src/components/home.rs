//! Home: the programme, its weeks with their progress, and "continue where you left off".

use workbook_core::interface::{Arg, Msg};
use yew::prelude::*;

use super::Shared;
use super::answers::Answers;
use super::markdown::blocks_html;
use super::sentence::sentence;
use crate::state::outline::without_title;
use crate::state::platform::Platform;
use crate::state::progress::{continue_route, week_progress};
use crate::state::route::Route;
use crate::state::store::Meta;
use crate::state::texts::{duration, t, tf};

/// Props for [`Home`].
#[derive(PartialEq, Clone)]
pub struct HomeProps {
    /// The curriculum.
    pub curriculum: Shared,
    /// The answers.
    pub answers: Answers,
    /// Where the participant was.
    pub meta: Meta,
    /// The browser (whether it may erase the answers after a week).
    pub platform: Platform,
    /// Now, in milliseconds since 1970 (for the backup reminder).
    pub now: u64,
}

/// The home page.
pub fn render(props: &HomeProps) -> Html {
    let curriculum = &props.curriculum;
    let resume = continue_route(curriculum, &props.answers, &props.meta);
    let platform = props.platform;
    let reminder = crate::state::progress::backup_reminder(
        &props.answers,
        &props.meta,
        props.now,
        platform.backup_reminder_days(),
    );
    html! {
        <>
            <h1>{ curriculum.title.clone() }</h1>
            if let Some(days) = reminder {
                <div class="banner-inline notice-box" role="status">
                    <p>{ match days {
                        Some(days) => tf(Msg::HomeBackupReminderDays, &[("days", Arg::Number(i64::try_from(days).unwrap_or(i64::MAX)))]),
                        None => t(Msg::HomeBackupReminderNever),
                    } }
                    { " " }{ t(Msg::HomeBackupReminderAdvice) }{ " " }
                    <a href={Route::Settings.href()}>{ t(Msg::SaveBackupLink) }</a></p>
                </div>
            }
            if platform.may_erase_after_a_week() {
                <div class="banner-inline notice-box safari-notice" role="note">
                    <p><strong>{ t(Msg::HomeSafariWarning) }</strong>{ " " }
                    { sentence(Msg::HomeSafariAdvice, &[("link", Arg::Slot)], |_| html! {
                        <a href={Route::Settings.href()}>{ t(Msg::NavSettings) }</a>
                    }) }</p>
                </div>
            }
            if let Some(route) = resume {
                <p class="resume"><a class="button primary" href={route.href()}>{ t(Msg::HomeContinue) }</a></p>
            }
            <div class="introduction">{ blocks_html(&without_title(&curriculum.introduction, &curriculum.title)) }</div>
            <h2 id="weeks-heading">{ t(Msg::HomeWeeksHeading) }</h2>
            <ol class="weeks" aria-labelledby="weeks-heading">
                { for curriculum.weeks.iter().map(|week| {
                    let progress = week_progress(week, curriculum, &props.answers);
                    let status = if progress.total > 0 && progress.done == progress.total {
                        t(Msg::HomeWeekAllDone)
                    } else if progress.started > 0 || progress.done > 0 {
                        tf(Msg::HomeWeekDoneOf, &[("done", progress.done.into()), ("total", progress.total.into())])
                    } else {
                        t(Msg::HomeWeekNotStarted)
                    };
                    html! {
                        <li class="week-card">
                            <a href={Route::Week { week: week.number, exercise: None }.href()}>
                                <span class="week-number">{ tf(Msg::WeekNumber, &[("number", week.number.into())]) }</span>
                                <span class="week-title">{ week.title.clone() }</span>
                            </a>
                            <p class="week-summary">{ week.summary.clone() }</p>
                            <p class="week-meta">
                                { week.minutes.map(|m| format!("{} ", tf(Msg::HomeWeekMinutes, &[("duration", Arg::Text(&duration(m)))]))).unwrap_or_default() }
                                <span class="week-status">{ status }</span>
                            </p>
                            if progress.total > 0 {
                                <progress max={progress.total.to_string()} value={progress.done.to_string()}
                                    aria-label={tf(Msg::HomeWeekProgress, &[("number", week.number.into())])}></progress>
                            }
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
