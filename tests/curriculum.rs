//! The shipped curriculum (`content/`) keeps the properties the programme depends on, so that a
//! later edit cannot quietly break them: twelve weeks in order, every exercise kind used, the
//! week 1 and week 12 self-ratings linked as before and after, and every sensitive exercise with
//! its protections.
//!
//! The second half holds what a clinical and legal read of the content asked for (suicide
//! safety, what written answers can mean to an investigation, conditions before any advice to
//! delete or hide, checked support lines, the care around week 9), and plain English: every
//! week at Flesch-Kincaid grade 6 or below.

use workbook_core::markdown::{Block, CalloutKind, plain_text};
use workbook_core::{Curriculum, Exercise, ExerciseKind, Kind, Section, Week};
use workbook_tests::{shipped_curriculum, workspace_dir};

fn shipped() -> workbook_core::Parsed {
    shipped_curriculum()
}

#[test]
fn it_checks_clean_with_no_warnings() {
    let parsed = shipped();
    let listed: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "the shipped curriculum has problems:\n{}",
        listed.join("\n")
    );
}

#[test]
fn it_has_twelve_weeks_in_order() {
    let curriculum = shipped().curriculum;
    let numbers: Vec<u32> = curriculum.weeks.iter().map(|w| w.number).collect();
    assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
    for week in &curriculum.weeks {
        assert!(
            (3..=6).contains(&week.exercises.len()),
            "week {} has 3 to 6 exercises, not {}",
            week.number,
            week.exercises.len()
        );
        assert!(
            week.minutes.is_some(),
            "week {} says how long it takes",
            week.number
        );
        for exercise in &week.exercises {
            assert!(
                exercise.minutes.is_some(),
                "{} says how long it takes",
                exercise.id
            );
        }
    }
}

#[test]
fn it_uses_every_exercise_kind() {
    let curriculum = shipped().curriculum;
    // A scored questionnaire means a published scale or a new one with clinical standing; the
    // default course has neither, so its kind is shown by the second curriculum instead.
    for &kind in Kind::ALL
        .iter()
        .filter(|&&kind| kind != Kind::Questionnaire)
    {
        assert!(
            curriculum.exercises().any(|(_, e)| e.kind.kind() == kind),
            "no week uses the `{kind}` kind"
        );
    }
}

#[test]
fn week_twelve_repeats_the_week_one_ratings() {
    let curriculum = shipped().curriculum;
    let week12_rating = curriculum.weeks[11]
        .exercises
        .iter()
        .find_map(|e| match &e.kind {
            ExerciseKind::Rating {
                repeats: Some(earlier),
                scale,
                items,
                ..
            } => Some((earlier.clone(), *scale, items.clone())),
            _ => None,
        });
    let (earlier, scale, items) = week12_rating.expect("week 12 repeats a rating");
    let (week, before) = curriculum
        .exercise(&earlier)
        .expect("the repeated rating exists");
    assert_eq!(week.number, 1, "it repeats a week 1 rating");
    let ExerciseKind::Rating {
        scale: before_scale,
        items: before_items,
        ..
    } = &before.kind
    else {
        panic!("{earlier} is a rating");
    };
    assert_eq!(&scale, before_scale);
    assert_eq!(
        &items, before_items,
        "the same statements, in the same order"
    );
    assert_eq!(items.len(), 4, "mood, managing urges, connection, hope");
}

#[test]
fn every_sensitive_exercise_has_its_protections() {
    let curriculum = shipped().curriculum;
    let sensitive: Vec<_> = curriculum
        .exercises()
        .filter(|(_, e)| e.sensitive)
        .collect();
    assert!(!sensitive.is_empty());
    for (_, exercise) in &sensitive {
        assert!(
            !exercise.content_note.is_empty(),
            "{} has a content note",
            exercise.id
        );
        assert!(
            !exercise.grounding.is_empty(),
            "{} has a grounding step",
            exercise.id
        );
        assert!(
            !exercise.wind_down.is_empty(),
            "{} has a wind-down step",
            exercise.id
        );
    }
    assert!(
        !curriculum.support_lines.is_empty(),
        "support lines are shown beside them"
    );
    for line in &curriculum.support_lines {
        assert!(
            !line.confidential.is_empty() && !line.not_confidential.is_empty(),
            "{} says what is and is not confidential",
            line.name
        );
    }
}

#[test]
fn week_nine_holds_the_empathy_task_as_a_sensitive_writing_exercise() {
    let curriculum = shipped().curriculum;
    let week = &curriculum.weeks[8];
    assert!(
        week.exercises
            .iter()
            .any(|e| e.sensitive && matches!(e.kind, ExerciseKind::Writing { .. })),
        "week 9 has a sensitive writing exercise"
    );
    let opens_with_content_note = matches!(
        week.content.first(),
        Some(workbook_core::Section::Reading { blocks })
            if matches!(blocks.first(), Some(workbook_core::markdown::Block::Callout { kind: workbook_core::markdown::CalloutKind::ContentNote, .. }))
    );
    assert!(
        opens_with_content_note,
        "week 9's reading opens with a content note"
    );
}

#[test]
fn the_quick_exit_goes_to_a_neutral_https_site() {
    let curriculum = shipped().curriculum;
    assert!(curriculum.quick_exit.starts_with("https://"));
}

// ---------------------------------------------------------------------------------------------
// Safer words: what the clinical and legal read asked for.

/// The plain text of blocks, one string per paragraph, list item, heading or table cell.
fn texts(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            // A `#` heading repeats the week's title, which the app shows once above it.
            Block::Heading { level: 1, .. } => {}
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                out.push(plain_text(content))
            }
            Block::List { items, .. } => items.iter().for_each(|item| texts(&item.blocks, out)),
            Block::Quote { blocks } | Block::Callout { blocks, .. } => texts(blocks, out),
            Block::Table { head, rows } => {
                out.extend(head.iter().map(|cell| plain_text(cell)));
                for row in rows {
                    out.extend(row.iter().map(|cell| plain_text(cell)));
                }
            }
            Block::Code { text } => out.push(text.clone()),
            Block::Rule => {}
        }
    }
}

fn text_of(blocks: &[Block]) -> String {
    let mut out = Vec::new();
    texts(blocks, &mut out);
    out.join("\n")
}

/// What a participant reads of an exercise: title, prompt, hints, content note, options,
/// columns, sections and statements.
fn exercise_text(exercise: &Exercise) -> String {
    let mut out = vec![exercise.title.clone(), plain_text(&exercise.content_note)];
    texts(&exercise.prompt, &mut out);
    texts(&exercise.guidance, &mut out);
    match &exercise.kind {
        ExerciseKind::Checklist { options, .. } | ExerciseKind::Choice { options, .. } => {
            out.extend(options.iter().map(|o| o.label.clone()))
        }
        ExerciseKind::Rating { items, .. } | ExerciseKind::Questionnaire { items, .. } => {
            out.extend(items.iter().map(|i| i.label.clone()))
        }
        ExerciseKind::Plan { sections } => out.extend(sections.iter().map(|s| s.label.clone())),
        ExerciseKind::Worksheet { columns, .. } => {
            out.extend(columns.iter().map(|c| c.label.clone()))
        }
        _ => {}
    }
    out.join("\n")
}

/// A week's readings cut at their `##` headings, each part with its text, in order. A part
/// starts at a heading and runs to the next one (callouts and lists included).
fn reading_parts(week: &Week) -> Vec<String> {
    let mut parts: Vec<String> = vec![String::new()];
    for section in &week.content {
        let Section::Reading { blocks } = section else {
            parts.push(String::new());
            continue;
        };
        for block in blocks {
            if matches!(block, Block::Heading { level: 1 | 2, .. }) {
                parts.push(String::new());
            }
            let part = parts.last_mut().expect("there is always a part");
            part.push_str(&text_of(std::slice::from_ref(block)));
            part.push('\n');
        }
    }
    parts.retain(|part| !part.trim().is_empty());
    parts
}

/// What a participant reads of a week, in the order of its page: readings, and for each
/// exercise its content note, prompt and hints.
fn week_paragraphs(week: &Week) -> Vec<String> {
    let mut out = Vec::new();
    for section in &week.content {
        match section {
            Section::Reading { blocks } => texts(blocks, &mut out),
            Section::Exercise { id } => {
                let exercise = week
                    .exercises
                    .iter()
                    .find(|e| &e.id == id)
                    .expect("every exercise section names an exercise of its week");
                out.push(plain_text(&exercise.content_note));
                texts(&exercise.prompt, &mut out);
                texts(&exercise.guidance, &mut out);
            }
        }
    }
    out
}

/// Everything a participant reads, in course order: the welcome, then each week's page.
fn course_paragraphs(curriculum: &Curriculum) -> Vec<String> {
    let mut out = Vec::new();
    texts(&curriculum.introduction, &mut out);
    for week in &curriculum.weeks {
        out.extend(week_paragraphs(week));
    }
    out
}

fn exercise<'a>(curriculum: &'a Curriculum, id: &str) -> &'a Exercise {
    curriculum
        .exercise(id)
        .unwrap_or_else(|| panic!("the curriculum has the exercise `{id}`"))
        .1
}

/// Fails, naming what is missing, unless `text` holds every one of `needles` (in any case).
#[track_caller]
fn assert_contains_all(text: &str, needles: &[&str]) {
    let lower = text.to_lowercase();
    let missing: Vec<&str> = needles
        .iter()
        .copied()
        .filter(|n| !lower.contains(&n.to_lowercase()))
        .collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{text}");
}

#[test]
fn the_support_panel_has_a_crisis_step_and_a_line_open_at_any_hour() {
    let curriculum = shipped().curriculum;
    let crisis: Vec<_> = curriculum
        .support_lines
        .iter()
        .filter(|l| l.crisis)
        .collect();
    assert!(!crisis.is_empty(), "a support line is marked for a crisis");
    for line in crisis {
        assert!(
            line.hours.to_lowercase().contains("any time"),
            "{} is open at any hour: {}",
            line.name,
            line.hours
        );
    }
    assert_contains_all(
        &text_of(&curriculum.crisis),
        &["ending your life", "999", "any hour"],
    );
}

#[test]
fn suicide_risk_is_named_gently_in_week_one_and_where_the_legal_process_is_discussed() {
    let curriculum = shipped().curriculum;
    // Week 1, before the first exercise; and week 7, beside the stress of the legal process.
    let week1 = reading_parts(&curriculum.weeks[0]);
    let dark = week1
        .iter()
        .find(|part| part.contains("thoughts of ending"))
        .expect("week 1 names thoughts of ending one's life");
    assert_contains_all(dark, &["116 123", "any hour", "999", "not alone"]);
    let week7 = reading_parts(&curriculum.weeks[6]);
    let legal = week7
        .iter()
        .position(|part| part.contains("legal process"))
        .expect("week 7 discusses the legal process");
    assert_contains_all(
        &week7[legal],
        &[
            "register",
            "news",
            "money",
            "work",
            "sleep",
            "ending your life",
            "116 123",
            "999",
        ],
    );
    // Safe messaging: no method, and never as a way out.
    let words: String = course_paragraphs(&curriculum)
        .join(" ")
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words = format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    for phrase in [
        "overdose",
        "hanging",
        "kill yourself",
        "end it all",
        "a solution",
    ] {
        assert!(
            !words.contains(&format!(" {phrase} ")),
            "the content says `{phrase}`"
        );
    }
}

#[test]
fn week_one_says_what_written_answers_can_mean_before_the_first_exercise_about_the_offence() {
    let curriculum = shipped().curriculum;
    let week = &curriculum.weeks[0];
    let first_exercise = week
        .content
        .iter()
        .position(|s| matches!(s, Section::Exercise { .. }))
        .unwrap();
    let before: String = week.content[..first_exercise]
        .iter()
        .filter_map(|s| match s {
            Section::Reading { blocks } => Some(text_of(blocks)),
            _ => None,
        })
        .collect();
    assert_contains_all(
        &before,
        &[
            "take the device",
            "never need to write details of any offence, any image, or anyone who could be identified",
            "feelings, your patterns and your plans",
            "give up a passphrase",
            "court order",
            // The lock's limits, as SECURITY.md gives them.
            "watches you type",
            "spying software",
            "say no",
            "lock now",
            "you choose how long",
            // A backup file shows in the downloads list.
            "list of downloads",
        ],
    );
}

/// Suggestions to clear history, lock answers, delete apps or accounts, or change devices.
const DELETE_OR_HIDE: &[&str] = &[
    "clear your browser history",
    "clear your history",
    "clearing your history",
    "clear the browser's history",
    "delete apps",
    "lock your answers",
    "lock with a passphrase",
    "change devices",
];

#[test]
fn every_suggestion_to_delete_or_hide_says_to_check_conditions_first() {
    let curriculum = shipped().curriculum;
    let says_conditions = |text: &str| {
        text.contains("conditions")
            && (text.contains("solicitor")
                || text.contains("as above")
                || text.contains("check your conditions first"))
    };
    let mut checked = 0;
    for week in &curriculum.weeks {
        let mut places: Vec<(String, String)> = reading_parts(week)
            .into_iter()
            .map(|part| (format!("week {} reading", week.number), part))
            .collect();
        places.extend(
            week.exercises
                .iter()
                .map(|e| (format!("exercise {}", e.id), exercise_text(e))),
        );
        for (place, text) in places {
            let lower = text.to_lowercase();
            if DELETE_OR_HIDE.iter().any(|s| lower.contains(s)) {
                checked += 1;
                assert!(
                    says_conditions(&lower),
                    "{place} suggests deleting or hiding without the note on conditions:\n{text}"
                );
            }
        }
    }
    assert!(
        checked >= 4,
        "week 1 (lock, quick exit, conditions) and week 6 are checked"
    );
    // The app shows the manifest's note beside the lock and the advice on history.
    assert_contains_all(
        &text_of(&curriculum.conditions),
        &[
            "come first",
            "forbid deleting your internet history",
            "software that hides or deletes",
            "solicitor",
            "offender manager",
        ],
    );
}

#[test]
fn exercises_about_the_offence_say_not_to_write_details() {
    let curriculum = shipped().curriculum;
    for id in [
        "online-timeline",
        "chain-main",
        "triggers-situations",
        "start-letter",
        "relate-telling",
    ] {
        let prompt = text_of(&exercise(&curriculum, id).prompt);
        assert!(
            prompt.contains(
                "Do not write details of any offence, any image, or anyone who could be identified."
            ),
            "{id} says not to write details, in its prompt"
        );
    }
}

#[test]
fn the_support_lines_say_what_they_pass_on_as_the_services_publish_it() {
    let curriculum = shipped().curriculum;
    let line = |name: &str| {
        curriculum
            .support_lines
            .iter()
            .find(|l| l.name.contains(name))
            .unwrap_or_else(|| panic!("a support line named {name}"))
    };
    let stop_it_now = line("Stop It Now");
    assert_contains_all(
        &stop_it_now.not_confidential,
        &["child", "any other person", "crime"],
    );
    assert!(
        !stop_it_now.confidential.contains("+44"),
        "the number for Ireland is not listed under `confidential` (it is not free)"
    );
    assert!(text_of(&stop_it_now.details).contains("+44 1372 847 161"));
    assert!(
        stop_it_now.hours.contains("Check"),
        "check the hours before you call"
    );

    let nhs = line("NHS 111");
    assert!(nhs.name.contains("Wales"), "NHS 111 serves Wales too");
    assert!(text_of(&nhs.details).contains("option 2"));
    for line in &curriculum.support_lines {
        assert!(
            !line.not_confidential.contains("999"),
            "calling 999 is advice, not a limit of {}'s confidentiality",
            line.name
        );
    }

    // A line for people abused as children, named where weeks 3 and 9 say they deserve support.
    let napac = line("NAPAC");
    assert!(napac.name.contains("abused as children"));
    for week in [3, 9] {
        let text = reading_parts(&curriculum.weeks[week - 1]).join("\n");
        assert!(
            text.contains("You deserve support too") && text.contains("NAPAC"),
            "week {week} names the survivors' line where it says they deserve support"
        );
    }
}

#[test]
fn the_quick_exit_is_described_whatever_its_destination() {
    let curriculum = shipped().curriculum;
    let everything = course_paragraphs(&curriculum).join("\n").to_lowercase();
    for destination in ["weather page", "weather site", "news page", "bbc"] {
        assert!(
            !everything.contains(destination),
            "the content names a destination a deployer can change: {destination}"
        );
    }
    assert!(everything.contains("an everyday website opens in its place"));
}

#[test]
fn week_twelve_speaks_of_the_lock_where_it_says_who_can_read_the_answers() {
    let curriculum = shipped().curriculum;
    let week12 = reading_parts(&curriculum.weeks[11]).join("\n");
    assert!(week12.contains("can read them, unless you have locked them with a passphrase"));
}

#[test]
fn sensitive_exercises_and_content_notes_where_the_read_asked_for_them() {
    let curriculum = shipped().curriculum;
    for id in [
        "start-letter",
        "triggers-situations",
        "relate-telling",
        "urges-same-day",
        "harm-writing",
    ] {
        assert!(exercise(&curriculum, id).sensitive, "{id} is sensitive");
    }
    // Week 8: a content note comes before the list of excusing thoughts.
    let week8 = &curriculum.weeks[7];
    let blocks: Vec<&Block> = week8
        .content
        .iter()
        .filter_map(|s| match s {
            Section::Reading { blocks } => Some(blocks.iter()),
            _ => None,
        })
        .flatten()
        .collect();
    let list = blocks
        .iter()
        .position(|b| {
            matches!(b, Block::List { .. })
                && text_of(std::slice::from_ref(b)).contains("It's only looking")
        })
        .expect("week 8 lists excusing thoughts");
    let note = blocks.iter().position(|b| {
        matches!(
            b,
            Block::Callout {
                kind: CalloutKind::ContentNote,
                ..
            }
        )
    });
    assert!(
        note.is_some_and(|note| note < list),
        "a content note comes before week 8's list of excusing thoughts"
    );
    // Week 3 no longer claims that most people did not set out to look.
    let week3 = reading_parts(&curriculum.weeks[2]).join("\n");
    assert!(!week3.contains("did not set out to look"));
}

#[test]
fn week_nine_asks_whether_now_is_a_good_time_before_its_hardest_reading() {
    let curriculum = shipped().curriculum;
    let week9 = &curriculum.weeks[8];
    // The reading about how the harm lasts is inside the sensitive exercise, which the app
    // opens only after the readiness check and the grounding step.
    let hardest = ["harmed in real life", "images are still out there"];
    for part in reading_parts(week9) {
        for words in hardest {
            assert!(
                !part.contains(words),
                "week 9's open reading holds `{words}`, before the readiness check:\n{part}"
            );
        }
    }
    let writing = exercise(&curriculum, "harm-writing");
    assert!(writing.sensitive);
    let prompt = text_of(&writing.prompt);
    for words in hardest {
        assert!(prompt.contains(words), "the gated prompt holds `{words}`");
    }
    // It leads with a child's needs, safety and rights, and asks nothing about a child's likes.
    let needs = prompt
        .find("What every child needs")
        .expect("needs and rights");
    let real = prompt.find("real children").expect("real children");
    assert!(needs < real, "needs and rights come first");
    assert_contains_all(&prompt, &["safe", "right", "protected"]);
    for words in ["favourite", "enjoy", "laugh"] {
        assert!(
            !prompt.contains(words),
            "the prompt does not invite `{words}`"
        );
    }
    // What to do if sexual thoughts or arousal come up.
    let reading = reading_parts(week9).join("\n");
    assert_contains_all(
        &reading,
        &[
            "arousal",
            "stop the exercise",
            "calming step",
            "Stop It Now",
        ],
    );
    assert!(prompt.contains("sexual thoughts or feelings come up"));
}

#[test]
fn what_to_do_the_same_day_if_it_happens_again_is_linked_from_the_plan() {
    let curriculum = shipped().curriculum;
    let week7 = reading_parts(&curriculum.weeks[6]);
    let steps = week7
        .iter()
        .find(|part| part.contains("If you look at images again"))
        .expect("week 7 says what to do if it happens again");
    assert_contains_all(
        steps,
        &[
            "same day",
            "Stop now",
            "delete or hide",
            "Stop It Now",
            "plan",
            "Samaritans",
        ],
    );
    let plan = exercise(&curriculum, "end-plan");
    let links_to_steps = |blocks: &[Block]| format!("{blocks:?}").contains("\"urges-same-day\"");
    assert!(
        links_to_steps(&plan.guidance) || links_to_steps(&plan.prompt),
        "the relapse-prevention plan links to the same-day steps"
    );
    // Managing sexual thoughts, plainly.
    let thoughts = week7
        .iter()
        .find(|part| part.contains("Sexual thoughts and fantasies"))
        .expect("week 7 speaks of sexual thoughts and fantasies");
    assert_contains_all(
        thoughts,
        &["not the same as acting", "do not feed it", "facilitator"],
    );
}

#[test]
fn telling_family_or_a_partner_has_its_own_gated_exercise() {
    let curriculum = shipped().curriculum;
    let telling = exercise(&curriculum, "relate-telling");
    assert!(telling.sensitive);
    let ExerciseKind::Plan { sections } = &telling.kind else {
        panic!("relate-telling is a plan");
    };
    let all: Vec<&str> = sections.iter().map(|s| s.label.as_str()).collect();
    assert_contains_all(
        &all.join("\n"),
        &["Who knows", "Who I might tell", "support"],
    );
}

#[test]
fn week_twelve_asks_the_stage_of_change_question_again() {
    let curriculum = shipped().curriculum;
    let (week, stage) = curriculum
        .exercises()
        .find(|(_, e)| {
            matches!(
                &e.kind,
                ExerciseKind::Choice {
                    repeats: Some(_),
                    ..
                }
            )
        })
        .expect("a choice is asked again");
    assert_eq!(week.number, 12);
    let ExerciseKind::Choice {
        options,
        repeats: Some(earlier),
        ..
    } = &stage.kind
    else {
        unreachable!()
    };
    let (before_week, before) = curriculum.exercise(earlier).expect("the earlier choice");
    assert_eq!(before_week.number, 2, "it repeats week 2's stage of change");
    let ExerciseKind::Choice {
        options: before_options,
        ..
    } = &before.kind
    else {
        panic!("{earlier} is a choice");
    };
    assert_eq!(
        options, before_options,
        "the same stages, in the same order"
    );
}

#[test]
fn words_are_explained_where_they_first_appear() {
    let curriculum = shipped().curriculum;
    let paragraphs = course_paragraphs(&curriculum);
    for (term, explanation) in [
        ("facilitator", "the person who runs your group"),
        ("permission-giving", "give you permission"),
        ("exit point", "called exit points"),
        ("intimacy", "means closeness"),
        ("offender manager", "probation officer"),
    ] {
        let at = paragraphs
            .iter()
            .position(|p| p.to_lowercase().contains(term))
            .unwrap_or_else(|| panic!("`{term}` appears"));
        let first = &paragraphs[at];
        // The explanation is in the same paragraph or the one after it.
        let near = paragraphs[at..paragraphs.len().min(at + 2)].join(" ");
        assert!(
            near.to_lowercase().contains(explanation),
            "`{term}` is explained where it first appears:\n{first}"
        );
    }
}

/// Syllables in an English word, by the usual vowel-group count (a silent final `e` does not
/// count); at least one.
fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    let letters: Vec<char> = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for &c in &letters {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = letters.len();
    if n > 2 && letters[n - 1] == 'e' && !vowel(letters[n - 2]) && letters[n - 2] != 'l' {
        count -= 1;
    }
    count.max(1)
}

/// The Flesch-Kincaid grade of some paragraphs: 0.39 × words per sentence + 11.8 × syllables
/// per word − 15.59. Each paragraph, heading or list item ends at least one sentence.
fn grade(paragraphs: &[String]) -> f64 {
    let (mut words, mut sentences, mut syllable_count) = (0usize, 0usize, 0usize);
    for paragraph in paragraphs {
        let mut in_sentence = false;
        for token in paragraph.split_whitespace() {
            let word: String = token.chars().filter(|c| c.is_alphanumeric()).collect();
            if word.chars().any(|c| c.is_alphabetic()) {
                words += 1;
                syllable_count += syllables(&word);
                in_sentence = true;
            }
            if in_sentence
                && (token.ends_with(['.', '!', '?', ':'])
                    || token.ends_with(".\"")
                    || token.ends_with("?\""))
            {
                sentences += 1;
                in_sentence = false;
            }
        }
        if in_sentence {
            sentences += 1;
        }
    }
    0.39 * words as f64 / sentences.max(1) as f64
        + 11.8 * syllable_count as f64 / words.max(1) as f64
        - 15.59
}

#[test]
fn syllables_are_counted_as_the_formula_expects() {
    for (word, expected) in [
        ("cat", 1),
        ("water", 2),
        ("facilitator", 5),
        ("make", 1),
        ("simple", 2),
        ("the", 1),
    ] {
        assert_eq!(syllables(word), expected, "{word}");
    }
    // Short plain sentences grade low; long words in long sentences grade high.
    assert!(grade(&["The cat sat. It was warm.".into()]) < 2.0);
    assert!(
        grade(&["Institutional considerations notwithstanding, comprehensive rehabilitation necessitates multidisciplinary collaboration.".into()]) > 16.0
    );
}

#[test]
fn every_week_reads_at_flesch_kincaid_grade_six_or_below() {
    let curriculum = shipped().curriculum;
    let mut report = Vec::new();
    for week in &curriculum.weeks {
        let paragraphs = week_paragraphs(week);
        let grade = grade(&paragraphs);
        report.push(format!("week {:>2}: grade {grade:.1}", week.number));
        assert!(
            grade <= 6.0,
            "week {} reads at Flesch-Kincaid grade {grade:.1}, above 6",
            week.number
        );
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn the_workbook_has_interface_text_in_exactly_its_own_languages() {
    let mut found: Vec<String> = std::fs::read_dir(workspace_dir().join("content/interface"))
        .expect("content/interface exists")
        .flatten()
        .filter_map(|entry| entry.file_name().to_str().map(str::to_string))
        .filter_map(|name| name.strip_suffix(".ftl").map(str::to_string))
        .collect();
    found.sort();
    let mut declared: Vec<String> = workbook_core::interface::DEFAULT_LANGUAGES
        .iter()
        .map(|l| l.to_string())
        .collect();
    declared.sort();
    assert_eq!(
        found, declared,
        "interface::DEFAULT_LANGUAGES lists the files of content/interface"
    );
}
