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

skip-to-content = Skip to main content
quick-exit = Quick exit
quick-exit-label = Quick exit: leave this site now (or press Shift three times)
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

# @@ part A: the pages (home, weeks, exercises, readings, support, problems) above this line

# @@ part B: the exercise kinds, progress and My workbook above this line

# @@ part C: settings, backups, the lock and storage above this line
