# The workbook's own words in English (British): every heading, button, label and message the
# app shows, apart from the curriculum's. Change a word here and the app shows the new one; no
# rebuild is needed. Check the file with `workbook check` after each change.
#
# The format is a small part of Project Fluent's (https://projectfluent.org):
#   name = text                    a message (never change the name: the app asks for it)
#   { $count }                     a value the app fills in
#   { $count ->                    a choice by number: one text per plural form of the
#       [one] One week                 language (Welsh has zero, one, two, few, many, other),
#      *[other] { $count } weeks       the one marked * used otherwise
#   }
# Lines indented below a message go on with it. Lines that start with # are comments.

## The frame of every page

skip-to-content = Skip to content
quick-exit = Quick exit
# The quick-exit button's full name: $exit is the words the button shows (quick-exit); the
# rest is heard only with a screen reader.
quick-exit-label = { $exit }: leave this page now (or press Shift three times)
get-support = Get support
language-navigation = Language
main-navigation = Workbook
nav-home = Weeks
nav-progress = Progress
nav-my-workbook = My workbook
nav-settings = Backup and settings

## Saving

save-idle = Your answers are saved on this device only.
save-pending = Saving…
save-saved = Saved on this device
save-blocked = Not saved: this browser is not letting the workbook save.
save-failed = Not saved: { $reason } Your words are still on this page.
save-backup-link = Save a backup file

## Durations and counts

duration-minutes =
    { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
duration-hours =
    { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
duration-hours-minutes =
    { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }

## The frame: the quick exit's hint, the lock button, the banners

# Shown when the pointer rests on the quick-exit button.
quick-exit-title = Leave this page now. Shortcut: press Shift three times.
# A button beside the navigation while the passphrase lock is on.
shell-lock-now = Lock now
# After the browser's reason for not saving (a sentence of its own). $link is a link to the
# Backup and settings page, with the words of shell-storage-problem-link.
shell-storage-problem = What you write stays on this page until you close it, but it will not be kept after that. { $link } before you leave, or try a normal (not private) browser window.
shell-storage-problem-link = Save a backup file
# $link is a link to the Backup and settings page, with the words of shell-unreadable-link.
shell-unreadable =
    { $count ->
        [one] { $count } saved answer
       *[other] { $count } saved answers
    } could not be read, perhaps because they were written by another version of the workbook. They are kept safe, exactly as they were, and are included when you { $link }.
shell-unreadable-link = save a backup file

## The first view: what the page shows before the app has started

first-opening = Opening your workbook…
first-slow = This is taking longer than usual. If nothing changes, check that you are online and reload the page.
first-old-browser-heading = This browser cannot open the workbook
first-old-browser-text = The workbook needs a newer browser. Try another browser on this device, or update this one.
first-failed-heading = The workbook could not open
first-failed-text = Check that you are online, then reload the page. If it still does not open, try another browser.
first-failed-safe = Your answers are safe: they are kept in this browser, not on the website.
# Opens the technical reason (always in English) the workbook could not start.
first-failed-details = Details for the people who run the workbook
# Shown only when the browser runs no scripts at all.
first-needs-javascript = This workbook needs JavaScript turned on in your browser.

## The home page

# The backup reminder, then home-backup-reminder-advice and a link (save-backup-link).
home-backup-reminder-days =
    It is { $days ->
        [one] { $days } day
       *[other] { $days } days
    } since you last saved a backup file of your answers.
home-backup-reminder-never = You have not saved a backup file of your answers yet.
home-backup-reminder-advice = Browsers sometimes delete what sites keep (Safari does after a week without a visit).
# Shown on Safari and every browser on an iPhone or iPad: the warning, then the advice.
home-safari-warning = Safari may erase your answers after about a week without a visit.
# $link is a link to the Backup and settings page, with its name (nav-settings).
home-safari-advice = This is how Safari works, and every browser on an iPhone or iPad. To keep your answers, save a backup file often, or add the workbook to your home screen: { $link } explains how.
home-continue = Continue where you left off
home-weeks-heading = The weeks
# How long a week's take-home work takes; $duration is, for example, "45 minutes".
home-week-minutes = About { $duration }.
home-week-all-done = All done
# How many of a week's exercises are marked done.
home-week-done-of = { $done } of { $total } done
home-week-not-started = Not started
# Names a week's progress bar for screen readers.
home-week-progress = Week { $number } progress

## The week page

week-number = Week { $number }
# $duration is, for example, "1 hour 30 minutes".
week-minutes = Take-home work: about { $duration }. You can do it in more than one sitting.
week-course-diary-heading = Your course diary
week-course-diary-text = This diary runs through the whole course: add to it every week.
# Names the links to the weeks before and after, for screen readers.
week-nav-label = Other weeks
# $title is the week's title.
week-previous = ← Week { $number }: { $title }
week-next = Week { $number }: { $title } →
week-answers-link = See this week's answers on one page

## An exercise

# The kind of an exercise, under its title.
exercise-kind-writing = Writing
exercise-kind-short-answer = Short answer
exercise-kind-list = List
exercise-kind-rating = Rating
exercise-kind-checklist = Checklist
exercise-kind-choice = Choose one
exercise-kind-worksheet = Worksheet
exercise-kind-diary = Diary
exercise-kind-plan = Plan
exercise-kind-questionnaire = Questionnaire
# After the kind: how long it takes; $duration is, for example, "10 minutes".
exercise-minutes = about { $duration }
# After the kind, once the exercise is marked as done.
exercise-done = Done
# The label of a content note: before an exercise, and in any text of the curriculum.
exercise-content-note = Content note
# Opens the exercise's guidance.
exercise-guidance = Need a hand?
exercise-conflict = This answer was also changed in another tab or window. The newest version is shown here; the other one is kept safe under “Copies kept aside” in Backup and settings.
exercise-changed = This exercise has changed since you last answered it. Your earlier answer is kept safe under “Answers from earlier versions” in My workbook.
exercise-mark-done = Mark as done
# An exercise shown only after an earlier answer; $condition says when, for example
# "when you tick “Money worries” in “What sets it off”".
exercise-opens = This exercise opens { $condition }.

## A sensitive exercise's steps

# In the content note. $link is a link to the support panel, with the words of
# sensitive-note-support-link.
sensitive-note-support = If you need to talk to someone, before, during or after, { $link } are at the foot of every page.
sensitive-note-support-link = the support lines
sensitive-question = Are you in a good place to do this now?
sensitive-wait = It is fine to wait until you feel steady, have some time, and are somewhere private.
sensitive-ready = Yes, I am ready to start
sensitive-not-now = Not now
sensitive-later = That is fine. This exercise will be here when you are ready: after a break, or on another day.
sensitive-ready-now = I am ready now
# The headings of the steps before and after the exercise.
sensitive-before = Before you start
sensitive-after = When you finish
# $link is a link to the support panel, with the words of sensitive-after-support-link.
sensitive-after-support = Every support line, and what to do in a crisis, is also in { $link } at the foot of the page.
sensitive-after-support-link = the support panel

## The support lines

# At the foot of every page.
support-heading = Support when you need it
# After a sensitive exercise.
support-inline-heading = If you need to talk to someone
support-crisis-heading = In a crisis, at any hour
support-other-heading = Other support
support-other-intro = If you feel overwhelmed or worried, or you want to talk things through, you can call:

## Readings, prompts and guidance

# The labels of the curriculum's notes and tips.
reading-callout-note = Note
reading-callout-tip = Tip
# A list item with a box, ticked or not, as a screen reader says it.
reading-task-done = done
reading-task-to-do = to do
# After a link to another website, for screen readers.
reading-external-link = (opens another website)

## The note on conditions (court, bail, licence)

conditions-note-label = Your conditions come first

## The page that lists the content's problems

problems-heading = This workbook's content needs fixing
# $problems is problems-count, in bold.
problems-summary = The workbook cannot open because its content has { $problems }. If you are taking part in the programme, please tell the person who runs it. Your own answers are safe in this browser.
problems-count =
    { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    }
problems-open-anyway-text = You can still open the workbook. Your answers are there, and the parts of the content that could be read are shown; the rest is left out until it is fixed.
problems-open-anyway = Open the workbook anyway
problems-list-heading = What needs fixing
# $command is the authors' command, `workbook check`, as it is typed.
problems-for-authors = For the people who write the content (run { $command } for the same list):

## The exercise kinds

# A choice or checklist's own option, for an answer none of the others fits.
kind-other = Other
kind-other-say-what = Other: say what (optional)
# A small button beside an item or entry of a list, diary, plan or worksheet.
kind-remove = Remove
kind-add-another = Add another
# The heading of one entry of a diary or one row of a worksheet: "Entry 2".
kind-entry = Entry { $number }
kind-remove-entry = Remove entry { $number }
# The label of the box a writing or short answer is typed in.
text-answer-label = Your answer
# The live word count under a text box.
text-word-count =
    { $count ->
        [one] { $count } word
       *[other] { $count } words
    }
# The word count with the author's aim: $words is text-word-count ("120 words"); $min and
# $target are numbers of words.
text-aim-range = { $words } · aim for { $min } to { $target }
text-aim-at-least = { $words } · aim for at least { $min }
text-aim-about = { $words } · aim for about { $target }
# A short answer's limit: $max is a number of words.
text-up-to = { $words } · up to about { $max }
choice-legend = Choose one
# $option is how the answer was stored: an option the author has since removed.
choice-retired = You chose an option that is no longer on the list (“{ $option }”). It is kept.
checklist-legend = Tick all that apply
# $option is how the answer was stored: an option the author has since removed.
checklist-retired = You ticked an option that is no longer on the list (“{ $option }”). It is kept.
# The statement of a rating that rates its prompt rather than statements of its own.
rating-your-rating = Your rating
rating-clear = Clear
# What a screen reader says for the Clear button: $statement is the statement rated.
rating-clear-label = Clear the rating for: { $statement }
# Read by screen readers only: the label of the list's line number $number.
list-item-label = Item { $number }
list-remove-item = Remove item { $number }
diary-empty = No entries yet.
diary-date = Date
diary-what-happened = What happened
diary-add-today = Add an entry for today
# Read by screen readers only: $section is the title of a section of a plan, $number the line in it.
plan-item-label = { $section }, item { $number }
plan-remove-item = Remove { $section } item { $number }
plan-add-another-label = Add another to { $section }
# The empty first choice of a worksheet's rating column.
worksheet-choose = Choose…
# A worksheet column's label with the scale of its ratings.
worksheet-rating-column = { $column } ({ $min } to { $max })
# A worksheet column's label with the symbol of the currency ("£").
worksheet-money-column = { $column } ({ $currency })
# $total is an amount of money or a number, written as the column writes it ("£12.50").
worksheet-entry-total = Total for this entry: { $total }
# A cell of a column the author has since removed: $column is how it was stored.
worksheet-retired-cell = { $column } (no longer a column): { $value }
worksheet-move-up = Move up
worksheet-move-up-label = Move up entry { $number }
worksheet-move-down = Move down
worksheet-move-down-label = Move down entry { $number }
worksheet-add-entry = Add an entry
# The heading of the column totals under a worksheet's entries.
worksheet-totals = Totals
# One column's total: $column is the column's label, $total an amount ("£12.50").
amounts-column-total = { $column }: { $total }
# A questionnaire's score.
questionnaire-total = Your total: { $total }.
# $band is the author's words for what the total means.
questionnaire-total-band = Your total: { $total }. { $band }
questionnaire-unanswered = Answer every statement to see your total.

## When an exercise that waits for an earlier answer opens

# Each completes the sentence that says when a closed exercise opens ("This exercise opens …").
# $title is the title of the earlier exercise, $option one of its options, $statement one of its statements.
opens-when-earlier-answer = when an earlier answer says it applies
opens-when-choose = when you choose “{ $option }” in “{ $title }”
opens-when-tick = when you tick “{ $option }” in “{ $title }”
opens-when-rate = when you rate “{ $statement }” { $value } or more in “{ $title }”
# $value is a questionnaire's total.
opens-when-total = when your answer to “{ $title }” comes to { $value } or more

## Answers shown as they were written (My workbook, earlier versions)

answer-not-answered = (not answered yet)
# A statement of a rating and the number given to it; $max is the top of the scale.
answer-rating = { $statement }: { $value }
answer-rating-out-of = { $statement }: { $value } (out of { $max })
answer-not-rated = { $statement }: not rated
answer-not-rated-out-of = { $statement }: not rated (out of { $max })
# A rating kept from an earlier version of a rating with no statements of its own.
answer-rating-unnamed = Rating
# What the participant wrote beside "Other".
answer-other = Other: { $text }
# The heading of a worksheet's column of each entry's total.
answer-total-column = Total
# A diary entry without a date.
answer-no-date = (no date)
# A questionnaire's statement and the response chosen.
answer-response = { $statement }: { $response }
answer-total = Total: { $total }.
# $band is the author's words for what the total means.
answer-total-band = Total: { $total }. { $band }

## The progress page

progress-heading = Your progress
progress-intro = There are no marks. This page shows what you have marked as done, and how some of your answers have changed.
progress-each-week = Each week
progress-week-column = Week
progress-done-column = Exercises done
# A week's number and its title, as a link.
progress-week-link = { $week }. { $title }
# In the column "Exercises done": $done of the week's $total exercises.
progress-done =
    { $total ->
        [one] { $done } of { $total }
       *[other] { $done } of { $total }
    }
# Exercises with something written in them but not marked as done.
progress-started =
    { $count ->
        [one] ({ $count } started)
       *[other] ({ $count } started)
    }
progress-then-and-now = Then and now
progress-no-comparisons = Some questions come back later in the course. When they do, you will see your answers here side by side.
progress-statement = Statement
progress-week-number = Week { $week }
# A rating not given yet, in a table of ratings week by week.
progress-not-yet = not yet
progress-your-answer = Your answer
progress-not-answered = not answered yet
# The row of a questionnaire's total, in its chart and table.
progress-total = Total
# The chart, as a screen reader reads it: $weeks lists chart-week ("week 2, week 5").
chart-week = week { $week }
chart-label = { $title }: { $weeks }, side by side
# Under the chart: the range of its values.
chart-scale = (scale { $min } to { $max })

## My workbook

my-workbook-heading = My workbook
my-workbook-week-heading = My answers: week { $week }
my-workbook-intro = All your answers on one page. You can print it, or show it on screen, if you want to share something at the group. You choose what to share.
my-workbook-whole-course = See the whole course
my-workbook-print = Print this page
# A week's number and its title.
my-workbook-week = Week { $week }: { $title }
earlier-heading = Answers from earlier versions
earlier-intro = The workbook's content has changed since you wrote these. Your answers are kept here, word for word.
# $id is the name the answer was stored under.
earlier-gone-exercise = An exercise that is no longer in the workbook ({ $id })

## The backup and settings page

settings-heading = Backup and settings

## Settings: where the answers are kept

where-kept-heading = Where your answers are kept
where-kept-intro = Your answers are saved in this web browser, on this device only. They are never sent to the group, the charity, or anyone else.
where-kept-locked = They are locked with your passphrase: without it, nobody who opens this browser can read them.
where-kept-readable = Anyone who can use this device and this browser can read them, unless you lock them with a passphrase (below).
where-kept-cleared = If this browser's data is cleared, they are gone. Some browsers clear the data of sites you have not opened for a week.
where-kept-backup = A backup file is the only copy that is yours to keep. Save one now and then.
# $count: how many exercises have an answer.
where-kept-count =
    { $count ->
        [one] You have { $count } answer saved here.
       *[other] You have { $count } answers saved here.
    }

## Settings: the passphrase lock

lock-heading = Lock with a passphrase
lock-intro = You can lock your answers with a passphrase. They are then stored in a secret code that only your passphrase opens. The workbook asks for it each time it opens, and again when it has not been used for a while.
# Shown in bold, followed by lock-no-recovery-advice.
lock-no-recovery-warning = If you forget your passphrase, nobody can get your answers back.
lock-no-recovery-advice = Not you, and not the people who run the programme. Save a backup file first, and choose a passphrase you will remember.
lock-limits = A lock keeps your answers from someone who opens this browser. It cannot stop someone who watches you type, or who has put spying software on the device.
lock-law = It protects your answers from people at home, not from a court order: the law can require a person to give up a passphrase.
lock-browser-offers-to-save = If the browser offers to save your passphrase, say no (or “Never”) on a device that anyone else uses: a saved passphrase can be looked up in the browser’s settings.
# The label of the field for a new passphrase; $count: the fewest characters allowed.
lock-passphrase-label =
    { $count ->
        [one] Passphrase (at least { $count } character)
       *[other] Passphrase (at least { $count } characters)
    }
# Followed by a list of times: 5 minutes, 15 minutes, 30 minutes, 1 hour.
lock-idle-label = Lock again after this long without use
lock-understood = I understand that if I forget my passphrase, nobody can get my answers back.
lock-understood-missing = Tick the box to say you understand that a forgotten passphrase cannot be recovered.
# On the button while the lock is being turned on.
lock-locking = Locking… this takes a few seconds
lock-submit = Lock my answers
lock-on-intro = Your answers are locked with a passphrase. The workbook asks for it when it opens, and locks itself when it has not been used for a while.
# Said when a new time for locking again has been stored.
lock-idle-saved = Saved.
lock-now = Lock now
# $count: how many stored items the passphrase did not open.
lock-unopened =
    { $count ->
        [one] { $count } locked item in this browser could not be opened with this passphrase, perhaps because it is damaged. It is left as it is until you turn the lock off.
       *[other] { $count } locked items in this browser could not be opened with this passphrase, perhaps because they are damaged. They are left as they are until you turn the lock off.
    }
# A heading and the button below it.
lock-turn-off = Turn the lock off
lock-turn-off-intro = Your answers will be stored without the secret code again, so anyone who opens this browser can read them.
lock-turn-off-question = Turn the lock off?
lock-turn-off-yes = Yes, turn it off
lock-turn-off-no = No, keep it locked
lock-no-storage = This browser is not letting the workbook save, so it cannot lock it either.
lock-turned-on = Your answers are now locked with your passphrase.
lock-turned-off = The lock is off. Your answers are stored without the secret code again.
lock-passphrase-changed = Your new passphrase is in use. The old one no longer opens the workbook.
lock-wrong-passphrase = That passphrase did not open the workbook. Check for capital letters and spaces, and try again.
lock-unsupported = This browser cannot lock the workbook. Try an up-to-date Chrome, Edge, Firefox or Safari.
lock-storage-full = There is not enough room in this browser's storage to do that. Your answers are as they were. Save a backup file, then try again.
# $reason: what the browser's storage refused, one of the store- messages.
lock-store-failed = { $reason } Your answers are as they were.
lock-changed = The lock was changed in another tab or window. Nothing was lost. Please try again.
lock-did-not-read-back = The browser did not save a locked copy correctly, so nothing was changed. Your answers are as they were.

## Settings: a new passphrase (turning the lock on, or changing the passphrase)

passphrase-change-heading = Change your passphrase
passphrase-change-intro = If someone may have seen your passphrase, choose a new one. The old one stops working once your answers are locked with the new one. There is still no way to get answers back if you forget it.
passphrase-new-label = New passphrase
# The label of the field where the new passphrase is typed a second time.
passphrase-repeat-label = Type it again
# On the button while the passphrase is being changed.
passphrase-changing = Changing… this takes a few seconds
passphrase-change-submit = Change my passphrase
# $count: the fewest characters allowed.
passphrase-too-short =
    { $count ->
        [one] Choose a passphrase of at least { $count } character. A few words you can picture together work well.
       *[other] Choose a passphrase of at least { $count } characters. A few words you can picture together work well.
    }
passphrase-not-same = The two passphrases are not the same. Type them again.

## Settings: asking the browser to keep the answers

persistence-heading = Ask this browser to keep your answers
persistence-intro = Browsers may delete what a site keeps when space runs low, and Safari deletes it after a week without a visit. You can ask this browser to keep your answers. It may say no; saving a backup file is the sure way.
persistence-agreed = This browser has agreed to keep your answers. It will not delete them to make space.
persistence-refused = This browser has not agreed to keep your answers for sure. Save a backup file now and then.
persistence-unknown = This browser has not said whether it will keep your answers.
# Follows persistence-agreed in Safari.
persistence-safari-may-erase = Safari may still erase them after about a week without a visit, unless the workbook is on your home screen (below).
persistence-ask = Ask this browser to keep my answers

## Settings: saving a backup file

# A heading and the button below it.
backup-save = Save a backup file
# $days: how many days ago the last backup file was saved.
backup-last-saved =
    { $days ->
        [0] Your last backup was saved today.
        [one] Your last backup was saved yesterday.
       *[other] Your last backup was saved { $days } days ago.
    }
backup-never-saved = You have not saved a backup on this device yet.
backup-locked-intro = The file has all your answers in it. Locked with your passphrase, it opens only with that passphrase; without the lock, anyone who opens it can read it.
backup-lock-file = Lock the backup file with my passphrase
backup-plain-intro = The file has all your answers in it, as plain text. Anyone who opens it can read it, so keep it somewhere private.
backup-saved = Your backup file is saved. Keep it somewhere private.
backup-not-saved = The backup file could not be saved. Please try again.

## Settings: restoring from a backup file

restore-heading = Restore from a backup file
restore-intro = Answers from the file are added. Where both have an answer to the same exercise, the newer one is used and the other is kept aside, so nothing is lost.
restore-choose-file = Choose a backup file
# The name of the form that asks for a locked backup file's passphrase (read out by screen readers).
restore-locked-form = Open a locked backup file
restore-locked-intro = This backup file is locked. Type the passphrase it was locked with.
restore-passphrase-label = Passphrase of the backup file
restore-wrong-passphrase = That passphrase did not open this file. Check for capital letters and spaces, and try again.
# On the button while the passphrase is being tried.
restore-opening = Opening… this takes a few seconds
restore-open = Open the backup file
restore-preview-heading = What restoring will do
restore-nothing-new = This backup has nothing that is not already here.
# $count: a number of answers, here and below.
restore-added =
    { $count ->
        [one] { $count } answer will be added.
       *[other] { $count } answers will be added.
    }
restore-replaced =
    { $count ->
        [one] { $count } answer is newer in the backup and will be used; the older text from this device is kept aside.
       *[other] { $count } answers are newer in the backup and will be used; the older text from this device is kept aside.
    }
restore-kept =
    { $count ->
        [one] { $count } answer is newer on this device and will be kept as it is.
       *[other] { $count } answers are newer on this device and will be kept as they are.
    }
restore-same =
    { $count ->
        [one] { $count } answer is the same in both.
       *[other] { $count } answers are the same in both.
    }
restore-confirm = Restore these answers
restore-cancel = Cancel
# $added and $updated: numbers of answers.
restore-done =
    Done. { $added ->
        [one] { $added } answer
       *[other] { $added } answers
    } added and { $updated } updated from the backup.
restore-file-unreadable = That file could not be read.
# $reason: what the browser's storage refused, one of the store- messages.
restore-import-failed = { $reason } Nothing on this device was lost.
restore-not-a-backup = This file is not a workbook backup. Choose a file whose name ends in -backup-(date).json.
# $version: the number of the backup file's format.
restore-too-new = This backup was made by a newer version of the workbook (format { $version }). Open it with the newest version.
# $id: the other programme's short name, as its backup file gives it.
restore-other-programme = This backup belongs to a different programme (“{ $id }”). Nothing was changed.

## Settings: adding the workbook to a home screen

install-heading = Add the workbook to your home screen
install-installed = You are using the workbook from its icon on your home screen.
install-safari-erases = Safari, and every browser on an iPhone or iPad, erases what a site keeps after about a week without a visit. That includes your answers. A workbook added to the home screen is not erased this way, as long as you open it from its icon.
# $name: the name under the workbook's icon, chosen by the programme so that it does not say what the workbook is for.
install-icon = Adding it puts an icon named “{ $name }” on your home screen. Anyone who uses or sees your phone can see the icon. The name does not say what the workbook is for. You can remove the icon at any time, like any other app's.
install-iphone-heading = On an iPhone or iPad
install-iphone-backup = Save a backup file first (above).
# “Add to Home Screen” and “Add” are the words Safari shows (in the phone's language).
install-iphone-add = Open the workbook in Safari. Tap the Share button (a square with an arrow pointing up), then “Add to Home Screen”, then “Add”.
install-iphone-open = Open the workbook from the new icon. It starts empty: it does not share answers with Safari. Use “Restore from a backup file” to bring your answers into it.
install-iphone-always = From then on, always open the workbook from the icon.
install-android-heading = On an Android phone
# “Add to Home screen” and “Install app” are the words Chrome shows (in the phone's language).
install-android = In Chrome, tap the menu (three dots), then “Add to Home screen” or “Install app”. Your answers are already there: an Android browser keeps them for the icon too.

## Settings: copies kept aside

kept-aside-heading = Copies kept aside
kept-aside-none = None. When two versions of an answer meet (from another tab, or from a backup file), or a saved answer cannot be read, the one not shown is kept here, so nothing is lost.
kept-aside-intro = These versions of your answers were kept safe when another version replaced them, or because they could not be read. They are included in your backup file.
# Instead of the exercise's title, for a copy whose exercise is no longer in the workbook.
kept-aside-untitled = An answer
# $title: the exercise's title (shown in bold).
kept-aside-unreadable = { $title } (could not be read; shown exactly as stored)

## Settings: the quick exit

settings-quick-exit-heading = The quick exit
settings-quick-exit-does = The Quick exit button, or pressing Shift three times, hides the workbook at once and opens an everyday website in its place. Pressing Back will not bring the workbook back.
settings-quick-exit-limits = It cannot hide everything: the browser's history still shows that you visited, and your answers are still on this device. If you need to, clear the browser's history (but not its site data, which holds your answers).

## Settings: deleting every answer

# A heading and the button below it.
delete-all = Delete all my answers
delete-all-intro = This deletes every answer from this browser. It cannot be undone. Save a backup file first if you might want them later.
delete-all-question = Are you sure you want to delete all your answers?
delete-all-yes = Yes, delete everything
delete-all-no = No, keep my answers
delete-all-done = All your answers have been deleted from this browser.
# $reason: what the browser's storage refused, one of the store- messages.
delete-all-failed = { $reason } Some answers may not have been deleted.

## The locked workbook's page

unlock-heading = Your workbook is locked
unlock-intro = Type your passphrase to open it.
unlock-passphrase-label = Passphrase
unlock-empty = Type your passphrase first.
# On the button while the passphrase is being tried.
unlock-opening = Opening…
unlock-submit = Open my workbook
unlock-too-new = This workbook was locked by a newer version of the workbook, and this version cannot open it. Nothing has been changed. Try again when the website has been updated.
unlock-forgotten = Forgotten your passphrase?
unlock-forgotten-nobody = Nobody can open your answers without it, not even the people who run the programme. That is what keeps them private.
unlock-forgotten-backup = If you have a backup file that is not locked, or you remember the passphrase of a locked one, you can bring your answers back after starting again.
unlock-forgotten-start-again = To start again, delete the locked answers from this browser. This cannot be undone.
unlock-delete = Delete my locked answers
unlock-delete-question = Delete all your locked answers from this browser?
unlock-delete-yes = Yes, delete them
unlock-delete-no = No, keep them

## Storage problems

store-unavailable = This browser is not letting the workbook save.
store-full = This browser's storage for the workbook is full.
store-other = The browser could not save your words.

