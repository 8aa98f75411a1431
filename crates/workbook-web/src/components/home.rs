//! Home: the programme, its weeks with their progress, and "continue where you left off".

use yew::prelude::*;

use super::Shared;
use super::answers::Answers;
use super::markdown::blocks_html;
use crate::state::outline::without_title;
use crate::state::platform::Platform;
use crate::state::progress::{continue_route, week_progress};
use crate::state::route::Route;
use crate::state::store::Meta;
use crate::state::texts::duration;

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
                        Some(days) => format!("It is {days} days since you last saved a backup file of your answers."),
                        None => "You have not saved a backup file of your answers yet.".to_string(),
                    } }
                    { " Browsers sometimes delete what sites keep (Safari does after a week without a visit). " }
                    <a href={Route::Settings.href()}>{ "Save a backup file" }</a></p>
                </div>
            }
            if platform.may_erase_after_a_week() {
                <div class="banner-inline notice-box safari-notice" role="note">
                    <p><strong>{ "Safari may erase your answers after about a week without a visit." }</strong>
                    { " This is how Safari works, and every browser on an iPhone or iPad. To keep your answers, save a backup file often, or add the workbook to your home screen: " }
                    <a href={Route::Settings.href()}>{ "Backup and settings" }</a>{ " explains how." }</p>
                </div>
            }
            if let Some(route) = resume {
                <p class="resume"><a class="button primary" href={route.href()}>{ "Continue where you left off" }</a></p>
            }
            <div class="introduction">{ blocks_html(&without_title(&curriculum.introduction, &curriculum.title)) }</div>
            <h2 id="weeks-heading">{ "The weeks" }</h2>
            <ol class="weeks" aria-labelledby="weeks-heading">
                { for curriculum.weeks.iter().map(|week| {
                    let progress = week_progress(week, curriculum, &props.answers);
                    let status = if progress.total > 0 && progress.done == progress.total {
                        "All done".to_string()
                    } else if progress.started > 0 || progress.done > 0 {
                        format!("{} of {} done", progress.done, progress.total)
                    } else {
                        "Not started".to_string()
                    };
                    html! {
                        <li class="week-card">
                            <a href={Route::Week { week: week.number, exercise: None }.href()}>
                                <span class="week-number">{ format!("Week {}", week.number) }</span>
                                <span class="week-title">{ week.title.clone() }</span>
                            </a>
                            <p class="week-summary">{ week.summary.clone() }</p>
                            <p class="week-meta">
                                { week.minutes.map(|m| format!("About {}. ", duration(m))).unwrap_or_default() }
                                <span class="week-status">{ status }</span>
                            </p>
                            if progress.total > 0 {
                                <progress max={progress.total.to_string()} value={progress.done.to_string()}
                                    aria-label={format!("Week {} progress", week.number)}></progress>
                            }
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
