# Geiriau'r llyfr gwaith ei hun yn Gymraeg: pob pennawd, botwm, label a neges mae'r ap yn eu
# dangos, ar wahân i eiriau'r cwricwlwm. Newidiwch air yma ac mae'r ap yn dangos yr un newydd; does
# dim angen adeiladu eto. Gwiriwch y ffeil gyda `workbook check` ar ôl pob newid.
#
# The workbook's own words in Welsh, translated from en-GB.ftl (December 2026). A Welsh-speaking
# clinician must read it before a programme ships it. Names of pages and buttons follow the
# glossary used for the Welsh curriculum (content/cy/).
#
# The format is a small part of Project Fluent's (https://projectfluent.org):
#   name = text                    a message (never change the name: the app asks for it)
#   { $count }                     a value the app fills in
#   { $count ->                    a choice by number: Welsh has six plural forms,
#       [zero] …                       zero (0), one (1), two (2), few (3), many (6),
#      *[other] …                      and other (every other number)
#   }
# Welsh puts the singular noun after a number, with the mutation the spoken number gives it:
# 2 (dau/dwy) soft mutation (2 funud, 2 ddiwrnod, 2 air, 2 broblem); 3 (tri) and 6 (chwe)
# aspirate mutation of c, p, t (3 phroblem, 6 phroblem); other numbers no mutation here.
# Lines indented below a message go on with it. Lines that start with # are comments.

## The frame of every page

skip-to-content = Neidio i'r cynnwys
quick-exit = Gadael yn gyflym
# The quick-exit button's full name: $exit is the words the button shows (quick-exit); the
# rest is heard only with a screen reader.
quick-exit-label = { $exit }: gadael y dudalen hon nawr (neu bwyswch Shift dair gwaith)
get-support = Cael cymorth
language-navigation = Iaith
main-navigation = Llyfr gwaith
nav-home = Wythnosau
nav-progress = Cynnydd
nav-my-workbook = Fy llyfr gwaith
nav-settings = Copi wrth gefn a gosodiadau

## Saving

save-idle = Mae eich atebion yn cael eu cadw ar y ddyfais hon yn unig.
save-pending = Wrthi'n cadw…
save-saved = Wedi'i gadw ar y ddyfais hon
save-blocked = Heb ei gadw: dydy'r porwr hwn ddim yn gadael i'r llyfr gwaith gadw.
save-failed = Heb ei gadw: { $reason } Mae eich geiriau'n dal ar y dudalen hon.
save-backup-link = Cadw ffeil wrth gefn

## Durations and counts

duration-minutes =
    { $minutes ->
        [zero] { $minutes } munud
        [one] { $minutes } munud
        [two] { $minutes } funud
        [few] { $minutes } munud
        [many] { $minutes } munud
       *[other] { $minutes } munud
    }
duration-hours =
    { $hours ->
        [zero] { $hours } awr
        [one] { $hours } awr
        [two] { $hours } awr
        [few] { $hours } awr
        [many] { $hours } awr
       *[other] { $hours } awr
    }
duration-hours-minutes =
    { $hours ->
        [zero] { $hours } awr
        [one] { $hours } awr
        [two] { $hours } awr
        [few] { $hours } awr
        [many] { $hours } awr
       *[other] { $hours } awr
    } { $minutes ->
        [zero] { $minutes } munud
        [one] { $minutes } munud
        [two] { $minutes } funud
        [few] { $minutes } munud
        [many] { $minutes } munud
       *[other] { $minutes } munud
    }

## The frame: the quick exit's hint, the lock button, the banners

# Shown when the pointer rests on the quick-exit button.
quick-exit-title = Gadael y dudalen hon nawr. Llwybr byr: pwyswch Shift dair gwaith.
# A button beside the navigation while the passphrase lock is on.
shell-lock-now = Cloi nawr
# After the browser's reason for not saving (a sentence of its own). $link is a link to the
# Backup and settings page, with the words of shell-storage-problem-link.
shell-storage-problem = Bydd yr hyn rydych chi'n ei ysgrifennu yn aros ar y dudalen hon nes i chi ei chau, ond fydd dim ohono'n cael ei gadw ar ôl hynny. { $link } cyn i chi adael. Gallwch chi hefyd roi cynnig ar ffenestr arferol yn y porwr (nid un breifat).
# Welsh: an instruction ("Save a backup file" as a command), as it starts a sentence.
shell-storage-problem-link = Cadwch ffeil wrth gefn
# $link is a link to the Backup and settings page, with the words of shell-unreadable-link.
shell-unreadable =
    { $count ->
        [zero] Doedd dim modd darllen { $count } ateb sydd wedi'u cadw. Efallai eu bod nhw wedi dod o fersiwn arall o'r llyfr gwaith. Maen nhw'n cael eu cadw'n ddiogel, heb eu newid o gwbl, ac maen nhw'n cael eu cynnwys pan fyddwch chi'n { $link }.
        [one] Doedd dim modd darllen { $count } ateb sydd wedi'i gadw. Efallai ei fod wedi dod o fersiwn arall o'r llyfr gwaith. Mae'n cael ei gadw'n ddiogel, heb ei newid o gwbl, ac mae'n cael ei gynnwys pan fyddwch chi'n { $link }.
        [two] Doedd dim modd darllen { $count } ateb sydd wedi'u cadw. Efallai eu bod nhw wedi dod o fersiwn arall o'r llyfr gwaith. Maen nhw'n cael eu cadw'n ddiogel, heb eu newid o gwbl, ac maen nhw'n cael eu cynnwys pan fyddwch chi'n { $link }.
        [few] Doedd dim modd darllen { $count } ateb sydd wedi'u cadw. Efallai eu bod nhw wedi dod o fersiwn arall o'r llyfr gwaith. Maen nhw'n cael eu cadw'n ddiogel, heb eu newid o gwbl, ac maen nhw'n cael eu cynnwys pan fyddwch chi'n { $link }.
        [many] Doedd dim modd darllen { $count } ateb sydd wedi'u cadw. Efallai eu bod nhw wedi dod o fersiwn arall o'r llyfr gwaith. Maen nhw'n cael eu cadw'n ddiogel, heb eu newid o gwbl, ac maen nhw'n cael eu cynnwys pan fyddwch chi'n { $link }.
       *[other] Doedd dim modd darllen { $count } ateb sydd wedi'u cadw. Efallai eu bod nhw wedi dod o fersiwn arall o'r llyfr gwaith. Maen nhw'n cael eu cadw'n ddiogel, heb eu newid o gwbl, ac maen nhw'n cael eu cynnwys pan fyddwch chi'n { $link }.
    }
# Welsh: a verb-noun, as it follows "pan fyddwch chi'n".
shell-unreadable-link = cadw ffeil wrth gefn

## The first view: what the page shows before the app has started

first-opening = Wrthi'n agor eich llyfr gwaith…
first-slow = Mae hyn yn cymryd mwy o amser nag arfer. Os nad oes dim yn newid, gwiriwch eich bod chi ar-lein, ac ail-lwythwch y dudalen.
first-old-browser-heading = Dydy'r porwr hwn ddim yn gallu agor y llyfr gwaith
first-old-browser-text = Mae angen porwr mwy newydd ar y llyfr gwaith. Rhowch gynnig ar borwr arall ar y ddyfais hon, neu ddiweddarwch y porwr hwn.
first-failed-heading = Doedd dim modd agor y llyfr gwaith
first-failed-text = Gwiriwch eich bod chi ar-lein, yna ail-lwythwch y dudalen. Os nad yw'n agor o hyd, rhowch gynnig ar borwr arall.
first-failed-safe = Mae eich atebion yn ddiogel: maen nhw'n cael eu cadw yn y porwr hwn, nid ar y wefan.
# Opens the technical reason (always in English) the workbook could not start.
first-failed-details = Manylion i'r bobl sy'n rhedeg y llyfr gwaith (yn Saesneg)
# Shown only when the browser runs no scripts at all.
first-needs-javascript = Mae angen troi JavaScript ymlaen yn eich porwr i ddefnyddio'r llyfr gwaith hwn.

## The home page

# The backup reminder, then home-backup-reminder-advice and a link (save-backup-link).
home-backup-reminder-days =
    Mae { $days ->
        [zero] { $days } diwrnod
        [one] { $days } diwrnod
        [two] { $days } ddiwrnod
        [few] { $days } diwrnod
        [many] { $days } diwrnod
       *[other] { $days } diwrnod
    } ers i chi gadw ffeil wrth gefn o'ch atebion ddiwethaf.
home-backup-reminder-never = Dydych chi ddim wedi cadw ffeil wrth gefn o'ch atebion eto.
home-backup-reminder-advice = Weithiau mae porwyr yn dileu'r hyn mae gwefannau'n ei gadw (mae Safari yn gwneud hyn os nad ydych chi wedi agor y wefan ers wythnos).
# Shown on Safari and every browser on an iPhone or iPad: the warning, then the advice.
home-safari-warning = Efallai y bydd Safari yn dileu eich atebion os nad ydych chi wedi agor y llyfr gwaith ers tua wythnos.
# $link is a link to the Backup and settings page, with its name (nav-settings).
home-safari-advice = Dyma sut mae Safari yn gweithio, a phob porwr ar iPhone neu iPad. I gadw eich atebion, cadwch ffeil wrth gefn yn aml, neu ychwanegwch y llyfr gwaith at eich sgrin gartref: mae { $link } yn esbonio sut.
home-continue = Parhau o'r man lle gwnaethoch chi stopio
home-weeks-heading = Yr wythnosau
# How long a week's take-home work takes; $duration is, for example, "45 minutes".
home-week-minutes = Tua { $duration }.
home-week-all-done = Wedi gwneud y cyfan
# How many of a week's exercises are marked done.
home-week-done-of = Wedi gwneud { $done } o { $total }
home-week-not-started = Heb ddechrau
# Names a week's progress bar for screen readers.
home-week-progress = Cynnydd wythnos { $number }

## The week page

week-number = Wythnos { $number }
# $duration is, for example, "1 hour 30 minutes".
week-minutes = Gwaith cartref: tua { $duration }. Does dim rhaid i chi ei wneud i gyd ar unwaith.
week-course-diary-heading = Dyddiadur eich cwrs
week-course-diary-text = Mae'r dyddiadur hwn yn mynd drwy'r cwrs cyfan: ychwanegwch ato bob wythnos.
# Names the links to the weeks before and after, for screen readers.
week-nav-label = Wythnosau eraill
# $title is the week's title.
week-previous = ← Wythnos { $number }: { $title }
week-next = Wythnos { $number }: { $title } →
week-answers-link = Gweld atebion yr wythnos hon ar un dudalen

## An exercise

# The kind of an exercise, under its title.
exercise-kind-writing = Ysgrifennu
exercise-kind-short-answer = Ateb byr
exercise-kind-list = Rhestr
exercise-kind-rating = Sgôr
exercise-kind-checklist = Rhestr wirio
exercise-kind-choice = Dewis un
exercise-kind-worksheet = Taflen waith
exercise-kind-diary = Dyddiadur
exercise-kind-plan = Cynllun
exercise-kind-questionnaire = Holiadur
# After the kind: how long it takes; $duration is, for example, "10 minutes".
exercise-minutes = tua { $duration }
# After the kind, once the exercise is marked as done.
exercise-done = Wedi'i wneud
# The label of a content note: before an exercise, and in any text of the curriculum.
exercise-content-note = Nodyn am y cynnwys
# Opens the exercise's guidance.
exercise-guidance = Angen help?
exercise-conflict = Mae'r ateb hwn wedi cael ei newid mewn tab neu ffenestr arall hefyd. Mae'r fersiwn fwyaf newydd i'w gweld yma. Mae'r llall wedi'i chadw'n ddiogel o dan “Copïau wedi'u cadw o'r neilltu” ar y dudalen Copi wrth gefn a gosodiadau.
exercise-changed = Mae'r ymarfer hwn wedi newid ers i chi ei ateb ddiwethaf. Mae eich ateb cynharach wedi'i gadw'n ddiogel o dan “Atebion o fersiynau cynharach” ar y dudalen Fy llyfr gwaith.
exercise-mark-done = Marcio fel wedi'i wneud
# An exercise shown only after an earlier answer; $condition says when, for example
# "when you tick “Money worries” in “What sets it off”".
exercise-opens = Mae'r ymarfer hwn yn agor { $condition }.

## A sensitive exercise's steps

# In the content note. $link is a link to the support panel, with the words of
# sensitive-note-support-link.
sensitive-note-support = Os oes angen i chi siarad â rhywun, cyn yr ymarfer, yn ystod yr ymarfer neu ar ei ôl, mae { $link } ar waelod pob tudalen.
sensitive-note-support-link = y llinellau cymorth
sensitive-question = Ydych chi mewn lle da i wneud hyn nawr?
sensitive-wait = Mae'n iawn aros nes eich bod chi'n teimlo'n sefydlog, bod gennych chi amser, a'ch bod chi rywle preifat.
sensitive-ready = Ydw, rydw i'n barod i ddechrau
sensitive-not-now = Dim nawr
sensitive-later = Mae hynny'n iawn. Bydd yr ymarfer hwn yma pan fyddwch chi'n barod: ar ôl seibiant, neu ar ddiwrnod arall.
sensitive-ready-now = Rydw i'n barod nawr
# The headings of the steps before and after the exercise.
sensitive-before = Cyn i chi ddechrau
sensitive-after = Pan fyddwch chi'n gorffen
# $link is a link to the support panel, with the words of sensitive-after-support-link.
sensitive-after-support = Mae pob llinell gymorth, a beth i'w wneud mewn argyfwng, hefyd yn { $link } ar waelod y dudalen.
sensitive-after-support-link = y panel cymorth

## The support lines

# At the foot of every page.
support-heading = Cymorth pan fydd ei angen arnoch chi
# After a sensitive exercise.
support-inline-heading = Os oes angen i chi siarad â rhywun
support-crisis-heading = Mewn argyfwng, ar unrhyw awr
support-other-heading = Cymorth arall
support-other-intro = Os yw pethau'n teimlo'n ormod, os ydych chi'n poeni, neu os hoffech chi siarad am bethau, gallwch chi ffonio:

## Readings, prompts and guidance

# The labels of the curriculum's notes and tips.
reading-callout-note = Nodyn
reading-callout-tip = Awgrym
# A list item with a box, ticked or not, as a screen reader says it.
reading-task-done = wedi'i wneud
reading-task-to-do = i'w wneud
# After a link to another website, for screen readers.
reading-external-link = (yn agor gwefan arall)

## The note on conditions (court, bail, licence)

conditions-note-label = Eich amodau sy'n dod gyntaf

## The page that lists the content's problems

problems-heading = Mae angen trwsio cynnwys y llyfr gwaith hwn
# $problems is problems-count, in bold.
problems-summary = All y llyfr gwaith ddim agor, oherwydd bod { $problems } yn ei gynnwys. Os ydych chi'n cymryd rhan yn y rhaglen, dywedwch wrth y person sy'n ei rhedeg. Mae eich atebion chi'n ddiogel yn y porwr hwn.
problems-count =
    { $count ->
        [zero] { $count } problem
        [one] { $count } problem
        [two] { $count } broblem
        [few] { $count } phroblem
        [many] { $count } phroblem
       *[other] { $count } problem
    }
problems-open-anyway-text = Gallwch chi agor y llyfr gwaith o hyd. Mae eich atebion yno, ac mae'r rhannau o'r cynnwys roedd modd eu darllen i'w gweld. Mae'r gweddill wedi'i adael allan nes iddo gael ei drwsio.
problems-open-anyway = Agor y llyfr gwaith beth bynnag
problems-list-heading = Beth sydd angen ei drwsio
# $command is the authors' command, `workbook check`, as it is typed.
problems-for-authors = I'r bobl sy'n ysgrifennu'r cynnwys (rhedwch { $command } i gael yr un rhestr):

## The exercise kinds

# A choice or checklist's own option, for an answer none of the others fits.
kind-other = Arall
kind-other-say-what = Arall: dywedwch beth (dewisol)
# A small button beside an item or entry of a list, diary, plan or worksheet.
kind-remove = Tynnu
kind-add-another = Ychwanegu un arall
# The heading of one entry of a diary or one row of a worksheet: "Entry 2".
kind-entry = Cofnod { $number }
kind-remove-entry = Tynnu cofnod { $number }
# The label of the box a writing or short answer is typed in.
text-answer-label = Eich ateb
# The live word count under a text box.
text-word-count =
    { $count ->
        [zero] { $count } gair
        [one] { $count } gair
        [two] { $count } air
        [few] { $count } gair
        [many] { $count } gair
       *[other] { $count } gair
    }
# The word count with the author's aim: $words is text-word-count ("120 words"); $min and
# $target are numbers of words.
text-aim-range = { $words } · anelwch at { $min } i { $target }
text-aim-at-least = { $words } · anelwch at { $min } o leiaf
text-aim-about = { $words } · anelwch at tua { $target }
# A short answer's limit: $max is a number of words.
text-up-to = { $words } · hyd at tua { $max }
choice-legend = Dewiswch un
# $option is how the answer was stored: an option the author has since removed.
choice-retired = Fe ddewisoch chi opsiwn sydd ddim ar y rhestr bellach (“{ $option }”). Mae wedi'i gadw.
checklist-legend = Ticiwch bob un sy'n berthnasol
# $option is how the answer was stored: an option the author has since removed.
checklist-retired = Fe wnaethoch chi dicio opsiwn sydd ddim ar y rhestr bellach (“{ $option }”). Mae wedi'i gadw.
# The statement of a rating that rates its prompt rather than statements of its own.
rating-your-rating = Eich sgôr
rating-clear = Clirio
# What a screen reader says for the Clear button: $statement is the statement rated.
rating-clear-label = Clirio'r sgôr ar gyfer: { $statement }
# Read by screen readers only: the label of the list's line number $number.
list-item-label = Eitem { $number }
list-remove-item = Tynnu eitem { $number }
diary-empty = Dim cofnodion eto.
diary-date = Dyddiad
diary-what-happened = Beth ddigwyddodd
diary-add-today = Ychwanegu cofnod ar gyfer heddiw
# Read by screen readers only: $section is the title of a section of a plan, $number the line in it.
# Welsh: the section's title comes first, so that no word before it has to mutate it.
plan-item-label = { $section }, eitem { $number }
plan-remove-item = Tynnu eitem { $number }: { $section }
plan-add-another-label = { $section }: ychwanegu un arall
# The empty first choice of a worksheet's rating column.
worksheet-choose = Dewiswch…
# A worksheet column's label with the scale of its ratings.
worksheet-rating-column = { $column } ({ $min } i { $max })
# A worksheet column's label with the symbol of the currency ("£").
worksheet-money-column = { $column } ({ $currency })
# $total is an amount of money or a number, written as the column writes it ("£12.50").
worksheet-entry-total = Cyfanswm y cofnod hwn: { $total }
# A cell of a column the author has since removed: $column is how it was stored.
worksheet-retired-cell = { $column } (ddim yn golofn bellach): { $value }
worksheet-move-up = Symud i fyny
worksheet-move-up-label = Symud i fyny: cofnod { $number }
worksheet-move-down = Symud i lawr
worksheet-move-down-label = Symud i lawr: cofnod { $number }
worksheet-add-entry = Ychwanegu cofnod
# The heading of the column totals under a worksheet's entries.
worksheet-totals = Cyfansymiau
# One column's total: $column is the column's label, $total an amount ("£12.50").
amounts-column-total = { $column }: { $total }
# A questionnaire's score.
questionnaire-total = Eich cyfanswm: { $total }.
# $band is the author's words for what the total means.
questionnaire-total-band = Eich cyfanswm: { $total }. { $band }
questionnaire-unanswered = Atebwch bob datganiad i weld eich cyfanswm.

## When an exercise that waits for an earlier answer opens

# Each completes the sentence that says when a closed exercise opens ("This exercise opens …").
# $title is the title of the earlier exercise, $option one of its options, $statement one of its statements.
opens-when-earlier-answer = pan fydd ateb cynharach yn dweud ei fod yn berthnasol
opens-when-choose = pan fyddwch chi'n dewis “{ $option }” yn “{ $title }”
opens-when-tick = pan fyddwch chi'n ticio “{ $option }” yn “{ $title }”
opens-when-rate = pan fyddwch chi'n rhoi sgôr o { $value } neu fwy i “{ $statement }” yn “{ $title }”
# $value is a questionnaire's total.
opens-when-total = pan fydd cyfanswm eich ateb i “{ $title }” yn { $value } neu fwy

## Answers shown as they were written (My workbook, earlier versions)

answer-not-answered = (heb ei ateb eto)
# A statement of a rating and the number given to it; $max is the top of the scale.
answer-rating = { $statement }: { $value }
answer-rating-out-of = { $statement }: { $value } (allan o { $max })
answer-not-rated = { $statement }: dim sgôr
answer-not-rated-out-of = { $statement }: dim sgôr (allan o { $max })
# A rating kept from an earlier version of a rating with no statements of its own.
answer-rating-unnamed = Sgôr
# What the participant wrote beside "Other".
answer-other = Arall: { $text }
# The heading of a worksheet's column of each entry's total.
answer-total-column = Cyfanswm
# A diary entry without a date.
answer-no-date = (dim dyddiad)
# A questionnaire's statement and the response chosen.
answer-response = { $statement }: { $response }
answer-total = Cyfanswm: { $total }.
# $band is the author's words for what the total means.
answer-total-band = Cyfanswm: { $total }. { $band }

## The progress page

progress-heading = Eich cynnydd
progress-intro = Does dim marciau. Mae'r dudalen hon yn dangos beth rydych chi wedi'i farcio fel wedi'i wneud, a sut mae rhai o'ch atebion wedi newid.
progress-each-week = Pob wythnos
progress-week-column = Wythnos
progress-done-column = Ymarferion wedi'u gwneud
# A week's number and its title, as a link.
progress-week-link = { $week }. { $title }
# In the column "Exercises done": $done of the week's $total exercises.
progress-done =
    { $total ->
        [zero] { $done } o { $total }
        [one] { $done } o { $total }
        [two] { $done } o { $total }
        [few] { $done } o { $total }
        [many] { $done } o { $total }
       *[other] { $done } o { $total }
    }
# Exercises with something written in them but not marked as done.
progress-started =
    { $count ->
        [zero] ({ $count } wedi'u dechrau)
        [one] ({ $count } wedi'i ddechrau)
        [two] ({ $count } wedi'u dechrau)
        [few] ({ $count } wedi'u dechrau)
        [many] ({ $count } wedi'u dechrau)
       *[other] ({ $count } wedi'u dechrau)
    }
progress-then-and-now = Bryd hynny a nawr
progress-no-comparisons = Mae rhai cwestiynau'n dod yn ôl yn nes ymlaen yn y cwrs. Pan fydd hynny'n digwydd, byddwch chi'n gweld eich atebion yma ochr yn ochr.
progress-statement = Datganiad
progress-week-number = Wythnos { $week }
# A rating not given yet, in a table of ratings week by week.
progress-not-yet = ddim eto
progress-your-answer = Eich ateb
progress-not-answered = heb ei ateb eto
# The row of a questionnaire's total, in its chart and table.
progress-total = Cyfanswm
# The chart, as a screen reader reads it: $weeks lists chart-week ("week 2, week 5").
chart-week = wythnos { $week }
chart-label = { $title }: { $weeks }, ochr yn ochr
# Under the chart: the range of its values.
chart-scale = (graddfa { $min } i { $max })

## My workbook

my-workbook-heading = Fy llyfr gwaith
my-workbook-week-heading = Fy atebion: wythnos { $week }
my-workbook-intro = Eich holl atebion ar un dudalen. Gallwch chi ei hargraffu, neu ei dangos ar y sgrin, os ydych chi eisiau rhannu rhywbeth yn y grŵp. Chi sy'n dewis beth i'w rannu.
my-workbook-whole-course = Gweld y cwrs cyfan
my-workbook-print = Argraffu'r dudalen hon
# A week's number and its title.
my-workbook-week = Wythnos { $week }: { $title }
earlier-heading = Atebion o fersiynau cynharach
earlier-intro = Mae cynnwys y llyfr gwaith wedi newid ers i chi ysgrifennu'r rhain. Mae eich atebion yn cael eu cadw yma, air am air.
# $id is the name the answer was stored under.
earlier-gone-exercise = Ymarfer sydd ddim yn y llyfr gwaith bellach ({ $id })

## The backup and settings page

settings-heading = Copi wrth gefn a gosodiadau

## Settings: where the answers are kept

where-kept-heading = Ble mae eich atebion yn cael eu cadw
where-kept-intro = Mae eich atebion yn cael eu cadw yn y porwr gwe hwn, ar y ddyfais hon yn unig. Dydyn nhw byth yn cael eu hanfon at y grŵp, at yr elusen, nac at unrhyw un arall.
where-kept-locked = Maen nhw wedi'u cloi gyda'ch cyfrinymadrodd: heb y cyfrinymadrodd, all neb sy'n agor y porwr hwn eu darllen.
where-kept-readable = Mae unrhyw un sy'n gallu defnyddio'r ddyfais hon a'r porwr hwn yn gallu eu darllen, oni bai eich bod chi'n eu cloi gyda chyfrinymadrodd (isod).
where-kept-cleared = Os bydd data'r porwr hwn yn cael ei glirio, bydd eich atebion wedi mynd. Mae rhai porwyr yn clirio data gwefannau nad ydych chi wedi'u hagor ers wythnos.
where-kept-backup = Ffeil wrth gefn yw'r unig gopi y gallwch chi ei gadw i chi'ch hun. Cadwch un bob hyn a hyn.
# $count: how many exercises have an answer.
where-kept-count =
    { $count ->
        [zero] Does gennych chi ddim atebion wedi'u cadw yma.
        [one] Mae gennych chi { $count } ateb wedi'i gadw yma.
        [two] Mae gennych chi { $count } ateb wedi'u cadw yma.
        [few] Mae gennych chi { $count } ateb wedi'u cadw yma.
        [many] Mae gennych chi { $count } ateb wedi'u cadw yma.
       *[other] Mae gennych chi { $count } ateb wedi'u cadw yma.
    }

## Settings: the passphrase lock

lock-heading = Cloi gyda chyfrinymadrodd
lock-intro = Gallwch chi gloi eich atebion gyda chyfrinymadrodd. Wedyn maen nhw'n cael eu cadw mewn cod cudd, a dim ond eich cyfrinymadrodd sy'n gallu ei agor. Mae'r llyfr gwaith yn gofyn amdano bob tro mae'n agor, ac eto pan nad yw wedi cael ei ddefnyddio ers tro.
# Shown in bold, followed by lock-no-recovery-advice.
lock-no-recovery-warning = Os byddwch chi'n anghofio eich cyfrinymadrodd, all neb gael eich atebion yn ôl.
lock-no-recovery-advice = Nid chi, ac nid y bobl sy'n rhedeg y rhaglen. Cadwch ffeil wrth gefn yn gyntaf, a dewiswch gyfrinymadrodd y byddwch chi'n ei gofio.
lock-limits = Mae clo yn cadw eich atebion rhag rhywun sy'n agor y porwr hwn. All clo ddim atal rhywun sy'n eich gwylio chi'n teipio, na rhywun sydd wedi rhoi meddalwedd ysbïo ar y ddyfais.
lock-law = Mae'n diogelu eich atebion rhag pobl yn eich cartref, ond nid rhag gorchymyn llys: gall y gyfraith fynnu bod person yn rhoi ei gyfrinymadrodd.
lock-browser-offers-to-save = Os yw'r porwr yn cynnig cadw eich cyfrinymadrodd, dywedwch na (“Never” neu “Byth”) ar ddyfais mae unrhyw un arall yn ei defnyddio: mae modd dod o hyd i gyfrinymadrodd sydd wedi'i gadw yng ngosodiadau'r porwr.
# The label of the field for a new passphrase; $count: the fewest characters allowed.
# Welsh: "nod" (a character, as in "8 nod") takes no mutation after a number.
lock-passphrase-label =
    { $count ->
        [zero] Cyfrinymadrodd (o leiaf { $count } nod)
        [one] Cyfrinymadrodd (o leiaf { $count } nod)
        [two] Cyfrinymadrodd (o leiaf { $count } nod)
        [few] Cyfrinymadrodd (o leiaf { $count } nod)
        [many] Cyfrinymadrodd (o leiaf { $count } nod)
       *[other] Cyfrinymadrodd (o leiaf { $count } nod)
    }
# Followed by a list of times: 5 minutes, 15 minutes, 30 minutes, 1 hour.
lock-idle-label = Cloi eto ar ôl hyn o amser heb ei ddefnyddio
lock-understood = Rydw i'n deall na all neb gael fy atebion yn ôl os bydda i'n anghofio fy nghyfrinymadrodd.
lock-understood-missing = Ticiwch y blwch i ddweud eich bod chi'n deall nad oes modd cael cyfrinymadrodd yn ôl os byddwch chi'n ei anghofio.
# On the button while the lock is being turned on.
lock-locking = Wrthi'n cloi… mae hyn yn cymryd ychydig eiliadau
lock-submit = Cloi fy atebion
lock-on-intro = Mae eich atebion wedi'u cloi gyda chyfrinymadrodd. Mae'r llyfr gwaith yn gofyn amdano pan fydd yn agor, ac yn cloi ei hun pan nad yw wedi cael ei ddefnyddio ers tro.
# Said when a new time for locking again has been stored.
lock-idle-saved = Wedi'i gadw.
lock-now = Cloi nawr
# $count: how many stored items the passphrase did not open. English writes “item(s)” for any number.
# Welsh: "eitem" is feminine (wedi'i chloi, ei bod hi).
lock-unopened =
    { $count ->
        [zero] Doedd dim modd agor { $count } eitem sydd wedi'u cloi yn y porwr hwn gyda'r cyfrinymadrodd hwn. Efallai eu bod nhw wedi'u difrodi. Byddan nhw'n cael eu gadael heb eu newid nes i chi ddiffodd y clo.
        [one] Doedd dim modd agor { $count } eitem sydd wedi'i chloi yn y porwr hwn gyda'r cyfrinymadrodd hwn. Efallai ei bod hi wedi'i difrodi. Bydd hi'n cael ei gadael heb ei newid nes i chi ddiffodd y clo.
        [two] Doedd dim modd agor { $count } eitem sydd wedi'u cloi yn y porwr hwn gyda'r cyfrinymadrodd hwn. Efallai eu bod nhw wedi'u difrodi. Byddan nhw'n cael eu gadael heb eu newid nes i chi ddiffodd y clo.
        [few] Doedd dim modd agor { $count } eitem sydd wedi'u cloi yn y porwr hwn gyda'r cyfrinymadrodd hwn. Efallai eu bod nhw wedi'u difrodi. Byddan nhw'n cael eu gadael heb eu newid nes i chi ddiffodd y clo.
        [many] Doedd dim modd agor { $count } eitem sydd wedi'u cloi yn y porwr hwn gyda'r cyfrinymadrodd hwn. Efallai eu bod nhw wedi'u difrodi. Byddan nhw'n cael eu gadael heb eu newid nes i chi ddiffodd y clo.
       *[other] Doedd dim modd agor { $count } eitem sydd wedi'u cloi yn y porwr hwn gyda'r cyfrinymadrodd hwn. Efallai eu bod nhw wedi'u difrodi. Byddan nhw'n cael eu gadael heb eu newid nes i chi ddiffodd y clo.
    }
# A heading and the button below it.
lock-turn-off = Diffodd y clo
lock-turn-off-intro = Bydd eich atebion yn cael eu cadw heb y cod cudd eto, felly bydd unrhyw un sy'n agor y porwr hwn yn gallu eu darllen.
lock-turn-off-question = Diffodd y clo?
lock-turn-off-yes = Ie, diffodd y clo
lock-turn-off-no = Na, cadw'r clo
lock-no-storage = Dydy'r porwr hwn ddim yn gadael i'r llyfr gwaith gadw, felly does dim modd ei gloi chwaith.
lock-turned-on = Mae eich atebion wedi'u cloi gyda'ch cyfrinymadrodd nawr.
lock-turned-off = Mae'r clo wedi'i ddiffodd. Mae eich atebion yn cael eu cadw heb y cod cudd eto.
lock-passphrase-changed = Mae eich cyfrinymadrodd newydd yn cael ei ddefnyddio nawr. Dydy'r hen un ddim yn agor y llyfr gwaith bellach.
lock-wrong-passphrase = Wnaeth y cyfrinymadrodd hwnnw ddim agor y llyfr gwaith. Gwiriwch y priflythrennau a'r bylchau, a rhowch gynnig arall arni.
lock-unsupported = Dydy'r porwr hwn ddim yn gallu cloi'r llyfr gwaith. Rhowch gynnig ar fersiwn ddiweddar o Chrome, Edge, Firefox neu Safari.
lock-storage-full = Does dim digon o le yn storfa'r porwr hwn i wneud hynny. Dydy eich atebion ddim wedi newid. Cadwch ffeil wrth gefn, yna rhowch gynnig arall arni.
# $reason: what the browser's storage refused, one of the store- messages.
lock-store-failed = { $reason } Dydy eich atebion ddim wedi newid.
lock-changed = Cafodd y clo ei newid mewn tab neu ffenestr arall. Does dim byd wedi'i golli. Rhowch gynnig arall arni.
lock-did-not-read-back = Wnaeth y porwr ddim cadw copi wedi'i gloi yn iawn, felly does dim byd wedi newid. Mae eich atebion yn union fel roedden nhw.

## Settings: a new passphrase (turning the lock on, or changing the passphrase)

passphrase-change-heading = Newid eich cyfrinymadrodd
passphrase-change-intro = Os gallai rhywun fod wedi gweld eich cyfrinymadrodd, dewiswch un newydd. Mae'r hen un yn stopio gweithio pan fydd eich atebion wedi'u cloi gyda'r un newydd. Does dim ffordd o hyd o gael atebion yn ôl os byddwch chi'n anghofio'r cyfrinymadrodd.
passphrase-new-label = Cyfrinymadrodd newydd
# The label of the field where the new passphrase is typed a second time.
passphrase-repeat-label = Teipiwch y cyfrinymadrodd eto
# On the button while the passphrase is being changed.
passphrase-changing = Wrthi'n newid… mae hyn yn cymryd ychydig eiliadau
passphrase-change-submit = Newid fy nghyfrinymadrodd
# $count: the fewest characters allowed.
passphrase-too-short =
    { $count ->
        [zero] Dewiswch gyfrinymadrodd sydd ag o leiaf { $count } nod. Mae ychydig o eiriau sy'n creu llun gyda'i gilydd yn eich meddwl yn gweithio'n dda.
        [one] Dewiswch gyfrinymadrodd sydd ag o leiaf { $count } nod. Mae ychydig o eiriau sy'n creu llun gyda'i gilydd yn eich meddwl yn gweithio'n dda.
        [two] Dewiswch gyfrinymadrodd sydd ag o leiaf { $count } nod. Mae ychydig o eiriau sy'n creu llun gyda'i gilydd yn eich meddwl yn gweithio'n dda.
        [few] Dewiswch gyfrinymadrodd sydd ag o leiaf { $count } nod. Mae ychydig o eiriau sy'n creu llun gyda'i gilydd yn eich meddwl yn gweithio'n dda.
        [many] Dewiswch gyfrinymadrodd sydd ag o leiaf { $count } nod. Mae ychydig o eiriau sy'n creu llun gyda'i gilydd yn eich meddwl yn gweithio'n dda.
       *[other] Dewiswch gyfrinymadrodd sydd ag o leiaf { $count } nod. Mae ychydig o eiriau sy'n creu llun gyda'i gilydd yn eich meddwl yn gweithio'n dda.
    }
passphrase-not-same = Dydy'r ddau gyfrinymadrodd ddim yr un fath. Teipiwch nhw eto.

## Settings: asking the browser to keep the answers

persistence-heading = Gofyn i'r porwr hwn gadw eich atebion
persistence-intro = Efallai y bydd porwyr yn dileu'r hyn mae gwefan yn ei gadw pan fydd lle'n brin, ac mae Safari yn ei ddileu os nad ydych chi wedi agor y wefan ers wythnos. Gallwch chi ofyn i'r porwr hwn gadw eich atebion. Efallai y bydd yn dweud na; cadw ffeil wrth gefn yw'r ffordd sicr.
persistence-agreed = Mae'r porwr hwn wedi cytuno i gadw eich atebion. Fydd y porwr ddim yn eu dileu i wneud lle.
persistence-refused = Dydy'r porwr hwn ddim wedi addo cadw eich atebion. Cadwch ffeil wrth gefn bob hyn a hyn.
persistence-unknown = Dydy'r porwr hwn ddim wedi dweud a fydd yn cadw eich atebion.
# Follows persistence-agreed in Safari.
persistence-safari-may-erase = Efallai y bydd Safari yn dal i'w dileu os nad ydych chi wedi agor y llyfr gwaith ers tua wythnos, oni bai bod y llyfr gwaith ar eich sgrin gartref (isod).
persistence-ask = Gofyn i'r porwr hwn gadw fy atebion

## Settings: saving a backup file

# A heading and the button below it.
backup-save = Cadw ffeil wrth gefn
# $days: how many days ago the last backup file was saved.
backup-last-saved =
    { $days ->
        [zero] Cafodd eich copi wrth gefn diwethaf ei gadw heddiw.
        [one] Cafodd eich copi wrth gefn diwethaf ei gadw ddoe.
        [two] Cafodd eich copi wrth gefn diwethaf ei gadw { $days } ddiwrnod yn ôl.
        [few] Cafodd eich copi wrth gefn diwethaf ei gadw { $days } diwrnod yn ôl.
        [many] Cafodd eich copi wrth gefn diwethaf ei gadw { $days } diwrnod yn ôl.
       *[other] Cafodd eich copi wrth gefn diwethaf ei gadw { $days } diwrnod yn ôl.
    }
backup-never-saved = Dydych chi ddim wedi cadw copi wrth gefn ar y ddyfais hon eto.
backup-locked-intro = Mae eich holl atebion yn y ffeil. Os yw wedi'i chloi gyda'ch cyfrinymadrodd, dim ond y cyfrinymadrodd hwnnw sy'n ei hagor. Heb y clo, mae unrhyw un sy'n ei hagor yn gallu ei darllen.
backup-lock-file = Cloi'r ffeil wrth gefn gyda fy nghyfrinymadrodd
backup-plain-intro = Mae eich holl atebion yn y ffeil, fel testun plaen. Mae unrhyw un sy'n ei hagor yn gallu ei darllen, felly cadwch hi rywle preifat.
backup-saved = Mae eich ffeil wrth gefn wedi'i chadw. Cadwch hi rywle preifat.
backup-not-saved = Doedd dim modd cadw'r ffeil wrth gefn. Rhowch gynnig arall arni.

## Settings: restoring from a backup file

restore-heading = Adfer o ffeil wrth gefn
restore-intro = Mae'r atebion o'r ffeil yn cael eu hychwanegu. Os oes ateb i'r un ymarfer yn y ddau le, mae'r un mwyaf newydd yn cael ei ddefnyddio, ac mae'r llall yn cael ei gadw o'r neilltu, felly does dim byd yn cael ei golli.
restore-choose-file = Dewis ffeil wrth gefn
# The name of the form that asks for a locked backup file's passphrase (read out by screen readers).
restore-locked-form = Agor ffeil wrth gefn sydd wedi'i chloi
restore-locked-intro = Mae'r ffeil wrth gefn hon wedi'i chloi. Teipiwch y cyfrinymadrodd a gafodd ei ddefnyddio i'w chloi.
restore-passphrase-label = Cyfrinymadrodd y ffeil wrth gefn
restore-wrong-passphrase = Wnaeth y cyfrinymadrodd hwnnw ddim agor y ffeil hon. Gwiriwch y priflythrennau a'r bylchau, a rhowch gynnig arall arni.
# On the button while the passphrase is being tried.
restore-opening = Wrthi'n agor… mae hyn yn cymryd ychydig eiliadau
restore-open = Agor y ffeil wrth gefn
restore-preview-heading = Beth fydd adfer yn ei wneud
restore-nothing-new = Does dim byd yn y copi wrth gefn hwn sydd ddim yma'n barod.
# $count: a number of answers. English writes “answer(s)” for any number, here and below.
restore-added =
    { $count ->
        [zero] Does dim atebion i'w hychwanegu.
        [one] Bydd { $count } ateb yn cael ei ychwanegu.
        [two] Bydd { $count } ateb yn cael eu hychwanegu.
        [few] Bydd { $count } ateb yn cael eu hychwanegu.
        [many] Bydd { $count } ateb yn cael eu hychwanegu.
       *[other] Bydd { $count } ateb yn cael eu hychwanegu.
    }
restore-replaced =
    { $count ->
        [zero] Does dim un ateb yn fwy newydd yn y copi wrth gefn.
        [one] Mae { $count } ateb yn fwy newydd yn y copi wrth gefn, a bydd yn cael ei ddefnyddio. Bydd y testun hŷn o'r ddyfais hon yn cael ei gadw o'r neilltu.
        [two] Mae { $count } ateb yn fwy newydd yn y copi wrth gefn, a byddan nhw'n cael eu defnyddio. Bydd y testun hŷn o'r ddyfais hon yn cael ei gadw o'r neilltu.
        [few] Mae { $count } ateb yn fwy newydd yn y copi wrth gefn, a byddan nhw'n cael eu defnyddio. Bydd y testun hŷn o'r ddyfais hon yn cael ei gadw o'r neilltu.
        [many] Mae { $count } ateb yn fwy newydd yn y copi wrth gefn, a byddan nhw'n cael eu defnyddio. Bydd y testun hŷn o'r ddyfais hon yn cael ei gadw o'r neilltu.
       *[other] Mae { $count } ateb yn fwy newydd yn y copi wrth gefn, a byddan nhw'n cael eu defnyddio. Bydd y testun hŷn o'r ddyfais hon yn cael ei gadw o'r neilltu.
    }
restore-kept =
    { $count ->
        [zero] Does dim un ateb yn fwy newydd ar y ddyfais hon.
        [one] Mae { $count } ateb yn fwy newydd ar y ddyfais hon, a bydd yn cael ei gadw heb ei newid.
        [two] Mae { $count } ateb yn fwy newydd ar y ddyfais hon, a byddan nhw'n cael eu cadw heb eu newid.
        [few] Mae { $count } ateb yn fwy newydd ar y ddyfais hon, a byddan nhw'n cael eu cadw heb eu newid.
        [many] Mae { $count } ateb yn fwy newydd ar y ddyfais hon, a byddan nhw'n cael eu cadw heb eu newid.
       *[other] Mae { $count } ateb yn fwy newydd ar y ddyfais hon, a byddan nhw'n cael eu cadw heb eu newid.
    }
restore-same =
    { $count ->
        [zero] Does dim un ateb yr un fath yn y ddau le.
        [one] Mae { $count } ateb yr un fath yn y ddau le.
        [two] Mae { $count } ateb yr un fath yn y ddau le.
        [few] Mae { $count } ateb yr un fath yn y ddau le.
        [many] Mae { $count } ateb yr un fath yn y ddau le.
       *[other] Mae { $count } ateb yr un fath yn y ddau le.
    }
restore-confirm = Adfer yr atebion hyn
restore-cancel = Canslo
# $added and $updated: numbers of answers.
# Welsh: "1 wedi'i ddiweddaru" but "2 wedi'u diweddaru", so $updated has a choice too.
restore-done =
    Wedi gorffen. O'r copi wrth gefn: { $added ->
        [zero] dim atebion wedi'u hychwanegu
        [one] { $added } ateb wedi'i ychwanegu
        [two] { $added } ateb wedi'u hychwanegu
        [few] { $added } ateb wedi'u hychwanegu
        [many] { $added } ateb wedi'u hychwanegu
       *[other] { $added } ateb wedi'u hychwanegu
    }, { $updated ->
        [zero] dim wedi'u diweddaru
        [one] { $updated } wedi'i ddiweddaru
        [two] { $updated } wedi'u diweddaru
        [few] { $updated } wedi'u diweddaru
        [many] { $updated } wedi'u diweddaru
       *[other] { $updated } wedi'u diweddaru
    }.
restore-file-unreadable = Doedd dim modd darllen y ffeil honno.
# $reason: what the browser's storage refused, one of the store- messages.
restore-import-failed = { $reason } Does dim byd wedi'i golli ar y ddyfais hon.
restore-not-a-backup = Dydy'r ffeil hon ddim yn ffeil wrth gefn o'r llyfr gwaith. Dewiswch ffeil sydd â'i henw'n gorffen gyda -backup-(dyddiad).json.
# $version: the number of the backup file's format.
restore-too-new = Cafodd y copi wrth gefn hwn ei wneud gan fersiwn fwy newydd o'r llyfr gwaith (fformat { $version }). Agorwch y copi gyda'r fersiwn fwyaf newydd.
# $id: the other programme's short name, as its backup file gives it.
restore-other-programme = Mae'r copi wrth gefn hwn yn perthyn i raglen wahanol (“{ $id }”). Does dim byd wedi newid.

## Settings: adding the workbook to a home screen

install-heading = Ychwanegu'r llyfr gwaith at eich sgrin gartref
install-installed = Rydych chi'n defnyddio'r llyfr gwaith o'i eicon ar eich sgrin gartref.
install-safari-erases = Mae Safari, a phob porwr ar iPhone neu iPad, yn dileu'r hyn mae gwefan yn ei gadw os nad ydych chi wedi mynd iddi ers tua wythnos. Mae hynny'n cynnwys eich atebion. Dydy llyfr gwaith sydd wedi'i ychwanegu at y sgrin gartref ddim yn cael ei ddileu fel hyn, cyn belled â'ch bod chi'n ei agor o'i eicon.
# $name: the name under the workbook's icon, chosen by the programme so that it does not say what the workbook is for.
install-icon = Mae ei ychwanegu yn rhoi eicon o'r enw “{ $name }” ar eich sgrin gartref. Mae unrhyw un sy'n defnyddio neu'n gweld eich ffôn yn gallu gweld yr eicon. Dydy'r enw ddim yn dweud beth yw pwrpas y llyfr gwaith. Gallwch chi dynnu'r eicon unrhyw bryd, fel eicon unrhyw ap arall.
install-iphone-heading = Ar iPhone neu iPad
install-iphone-backup = Cadwch ffeil wrth gefn yn gyntaf (uchod).
# “Add to Home Screen” and “Add” are the words Safari shows (in the phone's language).
# Welsh: an iPhone cannot be set to Welsh, so these stay as Safari shows them in English.
install-iphone-add = Agorwch y llyfr gwaith yn Safari. Tapiwch y botwm Rhannu (sgwâr gyda saeth yn pwyntio i fyny), yna “Add to Home Screen”, yna “Add”.
install-iphone-open = Agorwch y llyfr gwaith o'r eicon newydd. Mae'n dechrau'n wag, gan nad yw'n rhannu atebion â Safari. Defnyddiwch “Adfer o ffeil wrth gefn” i ddod â'ch atebion i mewn iddo.
install-iphone-always = O hynny ymlaen, agorwch y llyfr gwaith o'r eicon bob tro.
install-android-heading = Ar ffôn Android
# “Add to Home screen” and “Install app” are the words Chrome shows (in the phone's language).
install-android = Yn Chrome, tapiwch y ddewislen (tri dot), yna “Add to Home screen” neu “Install app”. Mae eich atebion yno'n barod: mae porwr Android yn eu cadw ar gyfer yr eicon hefyd.

## Settings: copies kept aside

kept-aside-heading = Copïau wedi'u cadw o'r neilltu
kept-aside-none = Dim. Pan fydd dwy fersiwn o ateb yn cwrdd (o dab arall, neu o ffeil wrth gefn), neu pan nad oes modd darllen ateb sydd wedi'i gadw, mae'r un sydd ddim i'w gweld yn cael ei chadw yma, felly does dim byd yn cael ei golli.
kept-aside-intro = Cafodd y fersiynau hyn o'ch atebion eu cadw'n ddiogel pan ddaeth fersiwn arall yn eu lle, neu am nad oedd modd eu darllen. Maen nhw'n cael eu cynnwys yn eich ffeil wrth gefn.
# Instead of the exercise's title, for a copy whose exercise is no longer in the workbook.
kept-aside-untitled = Ateb
# $title: the exercise's title (shown in bold).
kept-aside-unreadable = { $title } (doedd dim modd ei ddarllen; mae i'w weld yn union fel y cafodd ei gadw)

## Settings: the quick exit

settings-quick-exit-heading = Y botwm Gadael yn gyflym
settings-quick-exit-does = Mae'r botwm Gadael yn gyflym, neu bwyso Shift dair gwaith, yn cuddio'r llyfr gwaith ar unwaith ac yn agor gwefan gyffredin yn ei le. Fydd pwyso'r botwm Yn ôl (Back) ddim yn dod â'r llyfr gwaith yn ôl.
settings-quick-exit-limits = All y botwm ddim cuddio popeth: mae hanes y porwr yn dal i ddangos eich bod chi wedi bod yma, ac mae eich atebion yn dal ar y ddyfais hon. Os oes angen, cliriwch hanes y porwr (ond nid data'r gwefannau, sy'n dal eich atebion).

## Settings: deleting every answer

# A heading and the button below it.
delete-all = Dileu fy holl atebion
delete-all-intro = Mae hyn yn dileu pob ateb o'r porwr hwn. Does dim modd dadwneud hyn. Cadwch ffeil wrth gefn yn gyntaf os byddwch chi efallai eisiau eich atebion yn nes ymlaen.
delete-all-question = Ydych chi'n siŵr eich bod chi eisiau dileu eich holl atebion?
delete-all-yes = Ydw, dileu popeth
delete-all-no = Nac ydw, cadw fy atebion
delete-all-done = Mae eich holl atebion wedi'u dileu o'r porwr hwn.
# $reason: what the browser's storage refused, one of the store- messages.
delete-all-failed = { $reason } Efallai nad yw rhai atebion wedi'u dileu.

## The locked workbook's page

unlock-heading = Mae eich llyfr gwaith wedi'i gloi
unlock-intro = Teipiwch eich cyfrinymadrodd i'w agor.
unlock-passphrase-label = Cyfrinymadrodd
unlock-empty = Teipiwch eich cyfrinymadrodd yn gyntaf.
# On the button while the passphrase is being tried.
unlock-opening = Wrthi'n agor…
unlock-submit = Agor fy llyfr gwaith
unlock-too-new = Cafodd y llyfr gwaith hwn ei gloi gan fersiwn fwy newydd o'r llyfr gwaith, a does dim modd i'r fersiwn hon ei agor. Does dim byd wedi newid. Rhowch gynnig arall arni pan fydd y wefan wedi'i diweddaru.
unlock-forgotten = Wedi anghofio eich cyfrinymadrodd?
unlock-forgotten-nobody = All neb agor eich atebion hebddo, hyd yn oed y bobl sy'n rhedeg y rhaglen. Dyna sy'n eu cadw'n breifat.
unlock-forgotten-backup = Os oes gennych chi ffeil wrth gefn sydd heb ei chloi, neu os ydych chi'n cofio cyfrinymadrodd un sydd wedi'i chloi, gallwch chi ddod â'ch atebion yn ôl ar ôl dechrau eto.
unlock-forgotten-start-again = I ddechrau eto, dilëwch yr atebion sydd wedi'u cloi o'r porwr hwn. Does dim modd dadwneud hyn.
unlock-delete = Dileu fy atebion sydd wedi'u cloi
unlock-delete-question = Dileu eich holl atebion sydd wedi'u cloi o'r porwr hwn?
unlock-delete-yes = Ie, dileu'r atebion
unlock-delete-no = Na, cadw'r atebion

## Storage problems

store-unavailable = Dydy'r porwr hwn ddim yn gadael i'r llyfr gwaith gadw.
store-full = Mae storfa'r porwr hwn ar gyfer y llyfr gwaith yn llawn.
store-other = Doedd y porwr ddim yn gallu cadw eich geiriau.
