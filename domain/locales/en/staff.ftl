# Hearth, staff pages, English: the reference every staff catalog is checked against.
# Staff pages (manager, funder, facilitator, data entry, admin) read these through
# `dashboards::words`; see docs/translating.md. Messages are written into pages as HTML
# (they may hold the typographic characters the pages print: ’ “ ” – ±); arguments are
# escaped.

## Dates (the month names are participant.ftl's `month-N`)

date-month-year = { $month } { $year }
date-day-month-year = { $day } { $month } { $year }
date-short-month-year = { $month } { $year }
date-day-short-month-year = { $day } { $month } { $year }
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## The frame of every page

staff-title-suffix = Hearth staff
staff-skip = Skip to content
staff-brand-sub = staff
staff-nav-label = Staff pages
staff-sign-out = Sign out
nav-home = Home
nav-overview = Program overview
nav-sessions = Sessions
nav-paper = Type in paper forms
nav-reports = Reports
nav-programs = Programs
nav-users = Users
nav-privacy = Privacy
nav-ledger = Ledger
nav-audit = Audit
nav-api-tokens = API tokens
nav-webhooks = Webhooks
nav-sso = Single sign-on
nav-account = Your account
role-admin = admin
role-manager = manager
role-facilitator = facilitator
role-funder = funder
role-data-entry = data entry

## Error pages

error-forbidden-title = Not for your role
error-forbidden = Your account cannot see this page. Pages follow your role and your program.
error-not-found-title = Not found
error-not-found = There is no such page.
error-bad-request-title = That did not work
error-csrf-title = This form has expired
error-csrf = The form was old or came from another site, so nothing was changed. Go back, reload the page and try again.
error-back-home = Back to your home page

## Your account

account-choose-title = Choose your password
account-choose-heading = Choose your own password
account-choose-intro = Your password was set by someone else, so it was meant for your first sign-in only. Choose one that only you know before you go on.
account-go-home = Go to your home page
account-change-heading = Change your password
account-current = Current password
account-current-hint = (the one you signed in with)
account-new = New password
account-new-hint = ({ $min } to { $max } characters; a few words you will remember work well)
account-again = New password again
account-change-button = Change password
account-change-note = Changing it signs you out everywhere else you are signed in.
account-second-factor-heading = Second factor
account-second-factor-link = Authenticator app and recovery codes
account-second-factor-text = : a code from your phone after your password.
account-fill-all = Fill in all three fields.
account-not-same = The two new passwords are not the same. Type the new one twice.
account-length = A password must be { $min } to { $max } characters long. A few words you will remember make a good one.
account-must-differ = The new password must differ from your current one.
account-too-many = Too many attempts. Wait a minute, then try again.
account-current-wrong = Your current password is not right. Nothing was changed.
account-password-changed = Your password was changed. Anywhere else you were signed in has been signed out.
account-language-heading = Language of these pages
account-language-label = Staff pages in
account-language-browser = Your browser’s language
account-language-button = Save language
account-language-note = Staff pages are in English or Spanish. Without a choice here they follow your browser’s language setting, which is read for each page and never stored. Participants choose their own language on their pages.
account-language-saved = Your language was saved.
account-language-unknown = Choose one of the languages listed. Nothing was changed.
account-digests-heading = Release digests
account-digests-label = When figures you may see are released
account-digests-on = Send me a digest by e-mail
account-digests-off = Send me nothing
account-digests-button = Save
account-digests-note = A digest comes once per released month or quarter, with the figures your role may see and their ranges, never anything about a single session or answer.
account-digests-no-mail = No mail server is set up for this Hearth yet, so nothing is sent until whoever runs it sets one.
account-digests-on-saved = You will get a digest when figures are released.
account-digests-off-saved = You will get no digests.
account-digests-unknown = Choose one of the two options. Nothing was changed.
account-digests-none = Your role sees no figures, so it gets no digests. Nothing was changed.

## The data dictionary of CSV exports (`…dictionary.csv`). Its column names and the
## measure names (`column program`, `pct_positive_belonging`) are machine-readable and
## stay in English in every language; the meanings below are translated.

index-belonging = belonging
index-safety = emotional safety
dict-col-program = the program's name ("all programs" for the portfolio)
dict-col-circle = the circle's name, for a circle's month
dict-col-period = the month (2026-10) or quarter (2026-Q4)
dict-col-months = the months the figures come from, separated by spaces: the month itself, or the months of the quarter that were released (a quarter whose first month had no sessions holds two: 2025-11 2025-12)
dict-col-level = what the row's cell covers: circle_month (a circle's month; a circle is one peer-support group of a program), program_month (a program's month), program_quarter (a program's quarter) or portfolio_quarter (all programs' quarter)
dict-col-measure = what the row counts or derives (see the measures below)
dict-col-count = a released count of responses: a whole number with privacy noise; counts add up across levels
dict-col-value = a figure derived from the counts: a % (0–100) or a mean on the 1–5 scale
dict-col-margin_of_error = half-width of the range the privacy noise alone leaves, 9 times out of 10 (90 %)
dict-col-margin_with_sampling = half-width of the 90 % range counting noise and who happened to answer; use it to compare figures
dict-col-status = what the pages show for the figure: shown; too_uncertain (its margin_of_error is wider than ±{ $pct } points for a %, ±{ $mean } for a mean, so the pages print no number; value and margins are kept here for analysts who combine figures); hidden to protect anonymity (small cell, or a sibling of one); or no_data (nothing to derive it from, such as the mean of a statement nobody answered)
dict-responses = responses in the cell (the sum of every histogram below)
dict-index-positive = responses whose { $index } score is positive: the mean of their answers to { $statements } is above 3.5, with at least { $least } of the { $all } answered
dict-index-not-positive = responses whose { $index } score is not positive: the mean of their answers to { $statements } is 3.5 or below, with at least { $least } of the { $all } answered
dict-index-unscored = responses with too few { $index } statements answered to score it: fewer than { $least } of the { $all } ({ $statements })
dict-item-skipped = responses that skipped the statement { $statement } (left it blank or chose “{ $skip }”)
dict-item-answer = responses that answered { $n } (“{ $label }”, on a scale from 1 = strongly disagree to 5 = strongly agree) to the statement { $statement }
dict-first-answer = responses that answered “{ $answer }” to “{ $question }”
dict-first-skipped = responses that skipped the question “{ $question }”
dict-ticked = responses that ticked { $option }
dict-not-ticked = responses that did not tick { $option }
dict-scored = responses with a score for { $index }: positive + not positive (derived)
dict-pct-positive = % of scored responses whose { $index } score is positive: the mean of their answers to { $statements } is above 3.5 (derived)
dict-mean = mean answer (1 = strongly disagree … 5 = strongly agree) to the statement { $statement } over those who answered it (derived)
dict-pct = % of responses that ticked { $option } (derived)
dict-statements = the { $n } { $index } statements { $list }
dict-list-and = { $rest } and { $last }
dict-option = “{ $option }” under “{ $question }”

## How a figure reads (analytics::figures::Reading)

reading-no-data = no data
reading-hidden = hidden to protect anonymity
reading-too-uncertain = too uncertain to read
reading-with-sampling = { $range } with sampling
reading-responses = ({ $n } responses)
reading-brief-uncertain = too uncertain
reading-brief-hidden = hidden

## The note on noise every figure page carries

noise-line = Every number here had a little random noise added once, when it was released, so that it shows little about any one person's answers. “72% ± 3”: the noise moved that figure by at most 3 points, 9 times out of 10 (“± < 1”: by less than a point). “± 9 with sampling” also counts the chance in who happened to come and answer: use it, and the chart bars that show it, to compare one figure with another — a smaller difference may be chance. A figure whose noise range reaches 0% or 100% is shown as that range (“91–100%”): counts are never below zero, so a 100% may hide a few answers that were not positive. “Too uncertain to read” stands for a figure whose noise range — the ± before “with sampling” — is wider than ±{ $pct } points (±{ $mean } on a 1–5 mean): no page or chart shows a number for it.
noise-only-line = Figures released under the first measurement plan have no range with sampling: they and their chart bars show the noise range only.
months-only = { $months } only

## Program overview (manager)

ov-sub = program overview
tag-archived = archived
ov-archived-on = This program was archived on { $date }: it takes no new sessions. Its released history stays here.
ov-actions = Actions
ov-report-link = Program report to print
ov-download-csv = Download CSV
ov-dictionary = data dictionary
ov-how-to-read = How to read these figures: ranges, hidden and uncertain
ov-nodata-legend = no session held, or not released yet
ov-no-month = No month has been released yet. Figures appear here once a month has closed and its release has run.
ov-belonging-safety = Belonging and emotional safety
ov-trend-intro = Share of responses that were positive on each index, by month.
ov-trend-bars = The bars show each month's range with sampling: where two months' bars overlap, the change between them may be chance. A hatched month is too uncertain to read.
table-summary = The figures as a table
ov-trend-table-label = Belonging and safety by month (table)
col-month = Month
col-responses = Responses
col-belonging-pct = Belonging, % positive
col-safety-pct = Safety, % positive
ov-circle-actions = { $n ->
    [one] { $n } action is
   *[other] { $n } actions are
} for single circles: see them on the circle pages or in
ov-all-actions = all actions
ov-circles-by-month = Circles by month
ov-show = Show:
ov-belonging = Belonging
ov-safety = Emotional safety
ov-heat-intro = , % positive, per circle. Each cell reads as the table beneath it does: the figure and, under it, the ± of its noise range — the range that decides whether a figure can be read — or, where that range reaches 0% or 100%, the range itself (“82–100”). Counting who happened to come, a circle's range is wider still (the table gives it “with sampling”), so two cells a few points apart may not really differ: look for patterns over several months rather than single cells.
heat-key-label = Colour key
heat-0 = under 20%
heat-1 = 20–39%
heat-2 = 40–59%
heat-3 = 60–79%
heat-4 = 80% and over
heat-uncertain = uncertain: noise range wider than ±{ $pct } points, too uncertain to read, not coloured
heat-hidden = hidden
heat-nodata = – no data
heat-label = Heatmap, scrolls sideways
heat-scroll-hint = Scroll sideways for every month →
ov-heat-table-label = Circles by month (table)
col-circle = Circle
ov-circle-pages = Circle pages
ov-statements = Statement by statement
ov-statements-intro = The program's mean answer to each statement, from 1 (strongly disagree) to 5 (strongly agree), in the latest months.
ov-first-returning = First-time and returning
ov-first-intro = How many responses came from people at the group for the first time (dark) and from returning members (light).
ov-first-table-label = First-time and returning by month (table)
col-first-time = First time
col-returning = Returning
ov-helped-hindered = What helped and what got in the way
ov-options-intro = Share of responses in { $quarter } that ticked each option. The bars show the range with sampling.
ov-helped = What helped
ov-hindered = What got in the way
ov-no-quarter = No quarter has been released yet.

## Shared parts of figure pages (macros.html)

legend-uncertain = <strong>too uncertain to read</strong>: with so few answers the noise is too large for the figure to mean much — its noise range alone, the ± before “with sampling”, is wider than ±{ $pct } points (±{ $mean } on a 1–5 mean) — so no number is shown, and the CSV marks it <code>too_uncertain</code>.
legend-hidden = <strong>hidden</strong>: fewer than { $k } responses — hidden to protect anonymity; a few larger figures are hidden too, so that a small one cannot be worked out by subtraction.
legend-nodata = <strong>no data</strong>:
statements-table-label = Statements by month (table)
col-statement = Statement
options-table-label = What helped and what got in the way (table)
col-option = Option
col-pct-responses = % of responses
option-helped = Helped: { $option }
option-hindered = Got in the way: { $option }
attention-heading = Needs attention
attention-against = { $quarter } against the quarter before
attention-not-yet = Alerts start once two quarters of months have been released.
attention-none = No alerts for { $quarter }: nothing fell by more than chance explains.
attention-rises = Went up
actions-heading = Actions taken
actions-none = No action recorded here yet.
actions-intro = Each action keeps one number on every page, A1 being the program's oldest; the trend chart marks the month of each action taken in the months it shows. Each action's page compares the figures before and after it.
tag-told = told to participants
actions-record = Record an action
actions-all = All actions

## Sign in

sign-in-title = Sign in
sign-in-intro = For program staff. Participants never need an account: they answer with a session code.
sign-in-first-admin = <strong>Hearth has no staff account yet.</strong> Whoever runs Hearth makes the first admin on its server, with the same database settings as <code>hearth serve</code>, and is asked for a password:
sign-in-first-admin-then = Sign in here with that email and password. That admin then adds everyone else under Users.
sign-in-email = Email
sign-in-password = Password
sign-in-sso = Sign in with your work account
sign-in-one-time = Signing in with a one-time password an admin gave you? It works once, within { $hours }, and you choose your own password straight after. If you signed out before choosing one, it no longer works: ask an admin to reset your password again.
sign-in-hours = { $n ->
    [one] 1 hour
   *[other] { $n } hours
}

## A circle’s page (manager)

circle-sub = circle
circle-program-archived-on = Its program was archived on { $date }: it takes no new sessions. Its released history stays here.
circle-archived-on = This circle was archived on { $date }: it takes no new sessions. Its released history stays here.
circle-no-month = No month has been released yet.
circle-table-label = Figures by month (table)
circle-table-caption = Figures by month
circle-statements-intro = The mean answer to each statement, from 1 (strongly disagree) to 5 (strongly agree), in the latest months, and over those months together: one month of one circle is usually too few answers to read a statement, three months together often are.

## Home

home-welcome = Welcome
home-as-admin = You are signed in as an admin
home-as-manager = You are signed in as a program manager
home-as-facilitator = You are signed in as a facilitator
home-as-funder = You are signed in as a funder
home-as-data-entry = You are signed in as data entry
home-for-program = for <strong>{ $program }</strong>
home-overviews = Program overviews
home-what-you-can-do = What you can do here
home-step-open-link = Open a session
home-step-open = for one of your circles when the group meets: you get a short code, a link and a QR code to show the group.
home-step-cards = If you like, print ticket cards when you open it: one per person, each works once.
home-step-count = In a session you opened, watch how many have answered so far while it is open. Only you see that count, and only until the session closes; it is a count only: no one's answers are ever shown.
home-step-close = Close the session when you are done, or let it close by itself (after 24 hours unless you chose otherwise).
home-facilitator-note = The answers are added up into a release once the month is over; program managers see those figures. They are counts with a little random noise, and small groups are hidden.
home-note = Every figure here comes from a release: counts with calibrated noise added once, when the period closed. Nothing here shows a single person's answers.

## Funder: list of reports

reports-title = Quarterly portfolio reports
reports-none = No quarter has been released yet. A quarter's report appears once its three months and the quarter itself are released.
reports-report = Report { $quarter }
reports-released = released

## Release digests by e-mail (dashboards::notify::digest): one per released period and
## staff member, in the account's language

digest-stop = You get this e-mail because release digests are on for your Hearth account. To stop them, turn them off on “Your account”.
digest-your-account = Your account
digest-headline-belonging = Belonging (% positive)
digest-headline-safety = Emotional safety (% positive)
digest-headline-better = Leaving better than they came (mean of 1–5)
digest-your-program = your program
digest-no-sessions = { $program } held no sessions in { $period }: it has no figures this month.
digest-figure = { $label }: { $words }
digest-ranges = Ranges are 90 % margins of error: the noise added to protect anonymity (and, where shown, the chance in who answered).
digest-overview = { $program }’s overview
digest-program-in = { $program } in { $period }
digest-manager-subject = Hearth: { $program }’s figures for { $period } are released
digest-actions-taken = { $n ->
    [0] No action was recorded as taken in { $period }.
    [one] 1 action was recorded as taken in { $period }:
   *[other] { $n } actions were recorded as taken in { $period }:
}
digest-whole-program = the whole program
digest-action = { $action } ({ $scope }, { $date })
digest-untold = { $n ->
    [0] Every current action has been told to participants.
    [one] 1 action is not yet told to participants: add its line so they see what changed.
   *[other] { $n } actions are not yet told to participants: add their lines so they see what changed.
}
digest-actions = Actions
digest-fell = Fell: { $name } — { $text }
digest-rose = Rose: { $name } — { $text }
digest-nothing-needs-attention = Nothing needs attention: no change larger than the noise and chance can explain.
digest-attention-link = What needs attention, and how it is decided
digest-attention = What needs attention
digest-report-for = The report for { $period }
digest-report-ready = The quarterly report for { $period } is ready to read and download.
digest-funder-subject = Hearth: the report for { $period } is ready
digest-ledger-line = { $level } { $group }: { $unit }={ $spend } over { $cells } cells
digest-quarter-spends-nothing = { $period } is the sum of its released months: nothing measured, nothing spent.
digest-ledger = The privacy ledger
digest-ledger-for = The ledger for { $period }
digest-admin-subject = Hearth: { $period } is released

## Admin: users, programs and circles, API tokens, webhooks (admin_users.html,
## admin_user_edit.html, admin_user_confirm.html, admin_catalog.html, admin_archive.html,
## admin_rename.html, admin_api_tokens.html, admin_api_token_revoke.html,
## admin_webhooks.html, admin_webhook_remove.html and their handlers in dashboards/src/admin)

users-title = Users and roles
users-intro = Managers and facilitators see one program. Funders see the quarterly reports (one program's, or every program's when no program is set). Admins manage everything but see no more figures than a manager does.
users-one-time-heading = One-time password for { $email }
users-one-time-note = Give it to them in person or read it out on the phone — not by email or chat. <strong>It is shown only this once</strong>: Hearth keeps only a scrambled form of it, and this note is gone when you leave or reload the page. When they sign in with it, they choose their own password before anything else. It works for one sign-in only, within { $hours }; if they sign out before choosing their own, reset it again.
users-table-label = Staff accounts (table)
users-col-email = Email
users-col-role = Role
users-col-program = Program
users-col-status = Status
users-col-actions = Actions
users-deactivated = deactivated
users-active = active
users-must-choose = (must choose a password)
users-has-second-factor = (second factor)
users-change-role = Change role
users-of-you = of { $email } (you)
users-of = of { $email }
users-your-password = Your password
users-reset-password = Reset password
users-deactivate = Deactivate
users-reactivate = Reactivate
users-remove = Remove
users-factor-heading = Second factor
users-factor-intro = Anyone can set up an authenticator app under “Your account”. When it is required, every admin and manager without one is led to set it up at their next page, before anything else.
users-factor-require = Require a second factor for admins and managers
users-save = Save
users-add-heading = Add a user
users-role-hint = (a facilitator sees no figures; choose more only when needed)
users-program-hint = (needed for managers and facilitators; not for admins; optional for funders)
users-no-program = — none —
users-password = First password
users-password-hint = (leave empty and Hearth makes a one-time password to give them; or type one of at least { $min } characters. Either way they choose their own when they first sign in)
users-add-button = Add user
users-no-such-program = That program does not exist (any more). Choose one from the list.
users-role-of = { $role } of { $program }
users-added-typed = Added { $email } as { $who }. Give them the password you typed, in person; when they first sign in they will choose their own.
users-added = Added { $email } as { $who }.
users-nothing-changed-for = Nothing was changed for { $email }.
users-changed = Changed { $email }: { $detail }.
users-change-role-detail = role { $old } → { $new }
users-change-program-detail = program { $old } → { $new }
users-change-no-program = none
users-factor-bad-form = That form was not sent by the users page.
users-nothing-changed = Nothing was changed.
users-factor-now-required = A second factor is now required for admins and managers: those without one set it up at their next page.
users-factor-now-optional = A second factor is now optional for everyone. Those who have one keep it.
users-reactivated = Reactivated { $email }: they can sign in again with their password.
users-error-email = { $email } is not an email address.
users-error-password = Passwords must be { $min } to { $max } characters long.
users-error-role = { $role } is not a role (admin, manager, facilitator, funder or data entry).
users-error-needs-program = A { $role } account must belong to a program.
users-error-admin-program = An admin sees every program; leave the program out.
users-error-unknown-program = No program is named { $program }.
users-error-taken = An account with the email { $email } already exists.
users-error-last-admin = There must always be an active admin, and { $email } is the only one. Make another account an admin first.
user-edit-title = Account { $email }
user-edit-you = (you)
user-edit-now = Now:
user-edit-of-program = of <strong>{ $program }</strong>
user-edit-deactivated = <strong>deactivated</strong> — cannot sign in
user-edit-must-choose = must choose a password at next sign-in
user-edit-factor = second factor:
user-edit-factor-app = authenticator app
user-edit-factor-none = none
user-edit-role-heading = Role and program
user-edit-program-hint = (needed for managers and facilitators; not for admins; optional for funders — none means every program's reports)
user-edit-applies = The change applies from their next page: they do not need to sign in again.
user-edit-lose-page = If you stop being an admin, you lose this page.
user-edit-save = Save role and program
user-edit-sign-in = Sign-in
user-edit-reset-password = Reset the password…
user-edit-reset-factor = Reset the second factor…
user-edit-factor-set = (authenticator app set up)
user-edit-deactivate = Deactivate the account…
user-edit-reactivate = Reactivate the account
user-edit-remove = Remove the account…
user-edit-own-password = Change your own password
user-confirm-of-program = of { $program }
user-confirm-cancel = Cancel
user-confirm-reset-heading = Reset the password of { $email }?
user-confirm-reset-1 = Hearth makes a new one-time password and shows it to you once, on the next page. Their current password stops working at once, and they are signed out everywhere.
user-confirm-reset-2 = Give them the one-time password in person or read it out on the phone, not by email. When they sign in with it, they choose their own password before anything else.
user-confirm-reset-button = Reset the password
user-confirm-deactivate-heading = Deactivate { $email }?
user-confirm-deactivate-1 = They are signed out at once and cannot sign in until an admin reactivates the account. The account, its role and program are kept, and so is what the audit trail says they did.
user-confirm-deactivate-2 = Use this when someone leaves for a while, or when you are not sure; you can undo it with “Reactivate”.
user-confirm-deactivate-button = Deactivate the account
user-confirm-remove-heading = Remove { $email }?
user-confirm-remove-1 = The account is deleted: they are signed out at once and can never sign in with it again. This cannot be undone; to let them back in, an admin adds a new account.
user-confirm-remove-2 = The audit trail keeps what they did, under their email. If you may need the account again, deactivate it instead.
user-confirm-remove-button = Remove the account
user-confirm-factor-heading = Reset the second factor of { $email }?
user-confirm-factor-1 = Their authenticator app and recovery codes stop working at once, and they are signed out everywhere. Their password stays as it is.
user-confirm-factor-2 = Do this only when you know it is them asking — in person, or on a call you made to a number you already had. If a second factor is required for their role, they set up a new app at their next sign-in; otherwise they can set one up under “Your account”.
user-confirm-factor-button = Reset the second factor
user-confirm-not-yourself-reset = Change your own password under “Your account”.
user-confirm-not-yourself-deactivate = You cannot deactivate your own account while signed in with it. Ask another admin.
user-confirm-not-yourself-remove = You cannot remove your own account while signed in with it. Ask another admin.
user-confirm-not-yourself-factor = Remove your own second factor under “Your account” (with a code from it), or ask another admin.
user-confirm-reset-done = The password of { $email } was reset, and they were signed out.
user-confirm-deactivate-done = Deactivated { $email }: they were signed out and cannot sign in. “Reactivate” undoes it.
user-confirm-factor-done = The second factor of { $email } was reset, and they were signed out. Their password still works.
user-confirm-remove-done = Removed { $email }. What they did stays in the audit trail.
catalog-title = Programs and circles
catalog-add-program = Add a program
catalog-program-name = Program name
catalog-add-program-button = Add program
catalog-add-circle = Add a circle
catalog-program = Program
catalog-circle-name = Circle name
catalog-add-circle-button = Add circle
catalog-heading = The catalog
catalog-intro = A program or circle is never deleted: its sessions are part of released figures. Rename it (its history follows the new name) or archive it when it stops meeting (it takes no new sessions; its history stays on every page and report).
catalog-no-programs = No programs yet.
catalog-archived-on = archived { $date }
catalog-rename = Rename
catalog-language = Participants' language
catalog-of = of { $name }
catalog-restore = Restore
catalog-archive = Archive
catalog-no-circles = No circles yet.
catalog-crisis-heading = Where to turn in a crisis
catalog-crisis-intro = The thanks page ends with this line, in the participant's language. A program's line wins over the organization's; leave a field empty to use the default for that language. Plain text only, one line, at most { $max } characters.
catalog-crisis-line-in = Crisis line in { $language }
catalog-crisis-left-empty = Left empty: { $otherwise }
catalog-save = Save
catalog-crisis-save-for = the crisis line for { $title }
catalog-crisis-built-in = the built-in line (unless the server was started with --crisis-line): “{ $line }”
catalog-crisis-organization-line = the organization's line in this language
catalog-crisis-whole-organization = The whole organization
catalog-crisis-choose-program = Choose a program for the line.
catalog-crisis-for-organization = the whole organization
catalog-crisis-saved = Saved the crisis line for { $name }. The thanks page shows it from now on.
catalog-crisis-unchanged = The crisis line for { $name } was already as written: nothing changed.
catalog-crisis-too-long = The { $language } line must be at most { $max } characters.
catalog-program-added = Added the program “{ $name }”.
catalog-program-exists = There is already a program named “{ $name }”: nothing was added.
catalog-choose-program = Choose a program for the circle.
catalog-circle-added = Added the circle “{ $name }” to { $program }.
catalog-circle-exists = { $program } already has a circle named “{ $name }”: nothing was added.
catalog-kind-program = program
catalog-kind-circle = circle
catalog-error-empty-program = Program name must not be empty.
catalog-error-empty-circle = Circle name must not be empty.
catalog-error-long-program = Program name must be at most { $max } characters.
catalog-error-long-circle = Circle name must be at most { $max } characters.
catalog-error-program-taken = There is already a program named “{ $name }”: two programs under one name would read as one history. Choose another name.
catalog-error-circle-taken = This program already has a circle named “{ $name }”: two circles under one name would read as one history. Choose another name.
catalog-error-archived-program = The program “{ $name }” is archived: it takes no new sessions. An admin can restore it on the Programs and circles page.
catalog-error-archived-circle = The circle “{ $name }” is archived: it takes no new sessions. An admin can restore it on the Programs and circles page.
archive-crumb = archive
archive-crumb-restore = restore
archive-heading = Archive { $name }?
archive-restore-heading = Restore { $name }?
archive-already = { $name } is archived already.
archive-not-archived = { $name } is not archived.
archive-intro-program = Archive a program that has stopped meeting. Archiving:
archive-intro-circle = Archive a circle that has stopped meeting. Archiving:
archive-stops = <strong>stops new sessions</strong>:
archive-stops-program = { $n ->
    [one] none of its { $n } circle can open one, and it takes no new circles
   *[other] none of its { $n } circles can open one, and it takes no new circles
}
archive-stops-circle = facilitators no longer see it at their desk, and no session can be opened for it
archive-keeps = <strong>keeps its history</strong>: every release that counted its sessions stays as it is, and its figures stay on every page and report, marked “archived”;
archive-lets-run = <strong>lets sessions already open run to their end</strong>: the meeting has happened and the people in the room hold its link or their tickets, so their answers are still taken until the session's window closes. A facilitator can still close one early from their desk.
archive-none-open = No session of it is taking answers now.
archive-open-now = Sessions taking answers now:
archive-open-until = open until { $time }
archive-can-restore = You can restore it later: nothing is lost by archiving.
archive-restoring = Restoring { $name } lets facilitators open sessions for it again. Its history is unchanged.
archive-program-archived = Its program is archived too: no session can be opened for this circle until the program is restored as well.
archive-button = Archive { $name }
archive-restore-button = Restore { $name }
archive-keep-active = Keep it active
archive-leave-archived = Leave it archived
archive-back = Back to programs and circles
archive-done = Archived “{ $name }”. It takes no new sessions; its history stays on every page and report, marked archived.
archive-restored = Restored “{ $name }”. It takes new sessions again.
archive-was-archived = “{ $name }” was already archived: nothing changed.
archive-was-not-archived = “{ $name }” was not archived: nothing changed.
rename-crumb = rename
rename-heading = Rename { $name }
rename-kept-program = Its released figures are kept by the program itself, not by its name: after a rename, every page, report and export — released months included — shows the new name.
rename-kept-circle = Its released figures are kept by the circle itself, not by its name: after a rename, every page, report and export — released months included — shows the new name.
rename-unique-circle-of = No other circle of { $program } may have the same name, since two histories would then read as one. The audit trail keeps the old name.
rename-unique-circle = No other circle of its program may have the same name, since two histories would then read as one. The audit trail keeps the old name.
rename-unique-program = No other program may have the same name, since two histories would then read as one. The audit trail keeps the old name.
rename-new-name = New name
rename-button = Rename
rename-keep = Keep the name
rename-done = Renamed “{ $old }” to “{ $new }”. Its history follows it: every page and report, released months included, now shows the new name.
rename-unchanged = “{ $name }” kept its name: nothing changed.
tokens-title = API tokens
tokens-intro = A token lets a program's or a funder's own tools read released figures from <code>/api/v1</code>: exactly what a signed-in manager of its program, or a funder, sees — released cells, releases and the data dictionary, nothing unreleased and nothing about a single session. Hearth keeps only a scrambled form of each token and the day it was last used.
tokens-shown-heading = Token { $name }
tokens-shown-note = <strong>It is shown only this once</strong>: copy it into the tool that will use it now. Whoever holds it can read what it reads, so keep it out of email and chat. If it is lost, revoke it and make another.
tokens-none = No tokens yet.
tokens-table-label = API tokens (table)
tokens-col-name = Name
tokens-col-sees-as = Sees as
tokens-col-program = Program
tokens-col-made = Made
tokens-col-last-used = Last used
tokens-col-actions = Actions
tokens-all-programs = all programs
tokens-never = never
tokens-revoked-on = revoked { $date }
tokens-revoke = Revoke
tokens-make-heading = Make a token
tokens-name-hint = (what it is for, e.g. “Board dashboard”)
tokens-program-hint = (needed for a manager; for a funder, none means all programs)
tokens-make-button = Make token
tokens-revoke-heading = Revoke { $name }?
tokens-sees-as = Sees as { $audience }
tokens-of-program = of { $program }
tokens-last-used-on = last used { $date }
tokens-last-used-never = last used never
tokens-revoke-note = From now on every request with it is refused. This cannot be undone: make a new token if it is needed again.
tokens-cancel = Cancel
tokens-no-such-program = That program does not exist (any more). Choose one from the list.
tokens-revoked = Revoked { $name }: it reads nothing from now on.
tokens-error-no-name = Give the token a name, so you can tell it apart in the list.
tokens-error-long-name = The name is too long: 80 characters at most.
tokens-error-manager-program = A manager token needs a program: it sees what that program's manager sees.
tokens-error-taken = There is already a token called { $name }: choose another name.
webhooks-title = Webhooks and digests
webhooks-digests-heading = Release digests by e-mail
webhooks-mail-ready = A mail server is set up: when a month or quarter is released, each manager, funder and admin who has not turned digests off under “Your account” gets one e-mail with what their role may see.
webhooks-no-mail = No mail server is set up, so no digests are sent. Whoever runs Hearth sets one with <code>HEARTH_SMTP_URL</code> (docs/deploy.md); <code>hearth digest --period P --dry-run</code> shows what would be sent.
webhooks-heading = Webhooks
webhooks-intro = A webhook tells another system that figures were released: one signed POST per release and receiver, with the period, its level, when it was released and a link, and never anything about a single response or session. docs/webhooks.md shows how a receiver checks the signature.
webhooks-secret-heading = Signing secret for { $url }
webhooks-secret-note = <strong>It is shown only this once</strong>: put it in the receiver now, which uses it to check that each request is Hearth's. If it is lost, remove the webhook and add it again.
webhooks-none = No webhooks yet.
webhooks-table-label = Webhooks (table)
webhooks-col-receiver = Receiver
webhooks-col-added = Added
webhooks-col-actions = Actions
webhooks-remove = Remove
webhooks-add-heading = Add a webhook
webhooks-url = Receiver’s address
webhooks-url-hint = (https://…)
webhooks-add-button = Add webhook
webhooks-log-heading = Delivery log
webhooks-log-none = Nothing sent yet: the first release after a webhook is added is the first delivery.
webhooks-log-label = Delivery log (table)
webhooks-col-period = Period
webhooks-col-state = State
webhooks-col-attempts = Attempts
webhooks-col-last-answer = Last answer
webhooks-col-last-change = Last change
webhooks-col-next = Next try
webhooks-state-pending = waiting to retry
webhooks-state-sending = sending
webhooks-state-sent = delivered
webhooks-state-failed = gave up
webhooks-receiver-removed = (removed)
webhooks-remove-title = Remove a webhook
webhooks-remove-heading = Remove this webhook?
webhooks-remove-note = It hears of no release from now on, and deliveries still waiting to be retried are given up. Add it again to get a new secret.
webhooks-cancel = Cancel
webhooks-removed = Removed { $url }: it hears of no release from now on.
webhooks-error-not-a-url = Type the receiver's full address, starting with https:// or http://.
webhooks-error-scheme = Only http:// and https:// addresses can receive webhooks.
webhooks-error-credentials = Addresses with a user name or password in them are not accepted: the signature is how the receiver knows the request is Hearth's.
webhooks-error-too-long = That address is longer than { $max } characters.
webhooks-error-duplicate = That address is registered already.

## Figure pages: the program report, actions, the first release, the funder's report
## (program_report.html, actions.html, action.html, action_archive.html,
## first_release.html, report.html; dashboards/src/{manager,actions,first_release,
## attention,funder,charts}.rs)

report-dictionary-csv = Data dictionary (CSV)
report-print-hint = To print or save as PDF, use your browser's Print.
report-col-quarter = Quarter
report-col-better-plain = "Leaving better off", mean of 1–5
report-col-better = “Leaving better off”, mean of 1–5
report-how-to-read = How to read this report
prog-report-title = { $program } — program report
prog-report-sub = program report
prog-report-intro = How participants rated their peer-support sessions in { $program }
prog-report-intro-quarter = in the latest released quarter, { $quarter } ({ $months }),
prog-report-intro-span = and month by month from { $first } to { $last }
prog-report-intro-end = , and the actions the program took.
prog-report-ranges = Every figure has a range (±) and a few are hidden to protect participants' anonymity: <a href="#how-to-read">How to read this report</a>, at its end, explains both.
prog-report-csv-note = : every released figure of the program, month by month and quarter by quarter, and what each column means.
prog-report-latest-quarter = The latest quarter
prog-report-released = { $quarter } was released on
prog-report-quarter-table-label = The latest quarter (table)
prog-report-options-intro = Share of responses in { $quarter } that ticked each option.
prog-report-by-month = Month by month
prog-report-months-intro = Share of responses that were positive on each index, in the last { $n } released months.
prog-report-marks = The marks A1, A2… are the actions listed below.
prog-report-col-released = Released
prog-report-statements-latest = The program's mean answer to each statement, from 1 (strongly disagree) to 5 (strongly agree), in the latest month. Belonging is the first three statements; emotional safety the next four.
prog-report-statements-together = The program's mean answer to each statement, from 1 (strongly disagree) to 5 (strongly agree), over { $months } taken together: one month alone is often too few answers to read a statement. Belonging is the first three statements; emotional safety the next four.
prog-report-months-together = { $months } together
prog-report-circle-actions = { $n ->
    [one] { $n } more action was
   *[other] { $n } more actions were
} taken for single circles of the program; the circle pages list them.
prog-report-how = No figure here was worked out from anyone's answers when this report was opened: each month and quarter was counted once, after it closed, and released. Released figures never change. <strong>% positive</strong> is the share of responses that agreed on balance with the statements on belonging (or on emotional safety): their average answer to them is above 3.5; <strong>“leaving better off”</strong> is the average answer to that statement, from 1 (strongly disagree) to 5 (strongly agree).
prog-report-nodata-legend = nothing released for the program in that period
prog-report-shown-together = { $n } shown months together
prog-report-the-months-together = the months together
prog-report-unreadable = At this size the mean answers to the statements are too uncertain to read: their noise ranges are wider than ±{ $mean } on the 1–5 scale.
prog-report-mixed = Why, with the same responses, some statements read and others are too uncertain ({ $months }): a statement's range depends on how many people answered it — anyone may skip one, while “responses” counts every form — and on where its mean lies, since the privacy noise moves a mean more the further it is from the middle of the scale. So statements near the ±{ $mean } limit fall on either side of it. “Too uncertain” says nothing about whether a statement scored well or badly; the months together read more surely.
chart-trend-title = { $who }: belonging and safety, % positive by month, with 90% ranges counting sampling
chart-belonging-series = Belonging — % positive
chart-safety-series = Emotional safety — % positive
chart-archived-circle = { $circle } (archived)
chart-heat-title = { $who }: { $index } % positive, circle by month
chart-first-title = { $who }: first-time and returning participants by month
chart-helped-title = { $who }, { $quarter }: what helped, % of responses
chart-hindered-title = { $who }, { $quarter }: what got in the way, % of responses
chart-uncertain = uncertain
first-release-overview-title = { $program } — overview
actions-title = { $program } — actions
actions-crumb = actions
actions-page-intro = Write down what you do after reading the figures — “we start every meeting by reading the ground rules” — for one circle or the whole program. The trend charts mark the month of each action, and each action's page compares the released figures before and after it. You can tell a circle's participants what you did, in one short line on their form.
actions-recorded = Recorded actions
actions-none-yet = No action recorded yet.
actions-body-hint = (up to { $n } characters; staff see it, participants do not)
actions-record-button = Record the action
action-for = For
action-whole-program = The whole program
action-circle-option = Circle { $circle }
action-archived-option = (archived)
action-what = What was done
action-day = Day it was taken
action-scope-circle = circle { $circle }
action-scope-program = the whole program
action-page-title = Action of { $date } — { $program }
action-title = Action of { $date }
action-recorded-by = Recorded by { $who }.
action-before-after = Before and after
action-compare-circle = The released figures of the circle in up to three months before the action's month, against up to three months after it. A change after an action does not prove the action caused it, but it is worth knowing.
action-compare-program = The released figures of the program in up to three months before the action's month, against up to three months after it. A change after an action does not prove the action caused it, but it is worth knowing.
action-too-little = Too little released data to tell yet. The comparison needs released months on both sides of the action's month, with at least 20 answers on each side.
action-figures = About { $before } % positive in { $before_months } and about { $after } % in { $after_months }
action-month-span = { $first } to { $last }
action-clear = { $figures }. A change this large happens by chance { $chance }, counting the noise added for privacy and the chance in who answered.
action-unclear = { $figures }. A change of this size is within what noise and chance produce, so these figures cannot tell whether anything changed.
action-chance-1000 = less than 1 time in 1,000
action-chance-100 = less than 1 time in 100
action-chance-20 = less than 1 time in 20
action-tell = Tell participants
action-tell-circle-only = Only an action for one circle can be told to participants: its line shows on that circle's form and thanks page, never anywhere else. Record it for a circle to use this.
action-tell-intro = One short line on the form and thanks page of this circle only: what participants told you and what you did.
action-line-rule = Never a figure: no percentage, share or count of people, in digits or in words — not “80%”, “half of you”, “most of you” or “3 in 10”. Say what you heard, not how many said it; other numbers (“ten minutes”, “at 7 pm”) are fine.
action-now-read = Participants now read:
action-line-en = The line, in English
action-line-hint = (up to { $n } characters)
action-line-placeholder = You told us meetings felt rushed. We now keep the last ten minutes for check-out.
action-line-es = In Spanish
action-line-es-hint = (optional; Spanish readers see the English line without it)
action-save-line = Save the line
action-publish = Publish to participants
action-withdraw = Stop telling participants
action-change = Change the action
action-save-changes = Save changes
action-archive-link = Archive this action…
action-archived-note = This action is archived: it no longer shows on the charts or to participants. The audit trail keeps its history.
action-archive-page-title = Archive the action of { $date }?
action-archive-crumb = archive
action-archive-title = Archive the action of { $date }?
action-archived-already = This action is archived already.
action-back = Back to the actions
action-archive-explain = Archiving takes it off the actions list and the trend charts. It cannot be brought back; the audit trail keeps a record of it.
action-archive-explain-told = Archiving takes it off the actions list and the trend charts, and <strong>participants of the circle are no longer told about it</strong>. It cannot be brought back; the audit trail keeps a record of it.
action-archive-button = Archive the action
action-keep = Keep it
action-recorded = Recorded the action. Its month is marked on the trend chart once it is released.
action-archived-no-change = This action is archived: it can no longer be changed.
action-saved = Saved the changes to the action.
action-unchanged = The action was already as written: nothing changed.
action-moved = It is for another circle now, so its line is no longer shown to participants.
action-archived-no-publish = This action is archived: participants are no longer told about it.
action-line-unchanged = Participants are already told exactly this: nothing changed.
action-withdrawn = Participants are no longer told about this action.
action-published = Published: the circle's form and thanks page now show this line to its participants.
action-archived-done = Archived the action of { $date }. It no longer shows on the charts.
action-archived-done-told = Archived the action of { $date }. It no longer shows on the charts or to participants.
action-archived-before = That action was archived already.
action-problem-empty-body = Write what was done.
action-problem-long-body = Keep the action to { $n } characters or fewer.
action-problem-bad-date = Give the day the action was taken, as a date (for example 2026-09-14).
action-problem-far-date = The day can be at most a year from today.
action-problem-unknown-circle = Choose one of the program's circles, or the whole program.
action-problem-empty-line = Write the line participants will read, or withdraw it.
action-problem-long-line = Keep the line to { $n } characters or fewer: participants read it on a phone.
action-problem-figure = The line may not say how many said something — no percentage, share or count of people, in digits or words (“80%”, “half of you”, “most of you”, “3 in 10”, “la mitad”): participants are never shown a figure, only what you heard and what was done.
action-problem-program-wide = Only an action for one circle can be told to participants: they see it on that circle's form.
first-release-heading = No figures yet
first-release-how = Every figure here comes from a release: a month is counted once, after it ends, with noise that keeps each person's answers hidden, and never changes after that. Nothing is worked out from answers as they come in.
first-release-none-yet = No month of { $name } has been released yet, so there are no figures to show.
first-release-no-session = It has held no session yet. Each month is released by itself { $hours } hours after it ends; the first figures come after the first month in which it meets.
first-release-comes = The first release, of { $month }, comes on { $day } or soon after: Hearth releases each month by itself { $hours } hours after it ends, once that month's sessions have all closed.
first-release-was-due = The first release, of { $month }, was due on { $day }: it runs by itself within the hour once that month's sessions have all closed (an admin can also run it with `hearth release --period { $period }`).
attn-as-a-whole = { $program } as a whole
attn-chance-more = more than 1 time in 20
attn-fell = { $index } in { $subject } fell from about { $before } % to about { $after } % between { $from } and { $to }; a drop this large happens by chance { $chance }, counting the noise added for privacy and the chance in who answered.
attn-rose = { $index } in { $subject } rose from about { $before } % to about { $after } % between { $from } and { $to }; a rise this large happens by chance { $chance }, counting the noise added for privacy and the chance in who answered.
attn-how = Each quarter, every circle and the program as a whole are compared with the quarter before, on belonging and emotional safety. A change is listed only when it is larger than the noise added for privacy and the chance in who happened to answer can explain, checked for all of the program's circles at once so that, when nothing has changed, a false alarm comes up less than 1 quarter in 20. Hidden figures are never compared.
reports-page-title = Quarterly reports
report-title = Portfolio report { $quarter }
report-heading = Portfolio report
report-intro = How participants rated their peer-support sessions in { $months }, program by program, and how that compares with earlier quarters.
report-released-on = This quarter's figures were released on
report-summed = , as the sum of its months
report-summed-months = , each released once after it closed:
report-whole = , measured for the quarter as a whole
report-whole-months = ; its months were released on their own:
report-month-on = { $month } on
report-and = and
report-never-change = Released figures never change.
report-csv-note = : what each column and measure of the CSV means.
report-api = The same figures for your own tools, as JSON or CSV: <code>GET /api/v1/releases/{ $quarter }/cells</code>, with an API token an admin of Hearth makes for you (the API's guide is docs/api.md; <a href="/api/v1/openapi.json">its description</a>).
report-says-more = , at its end, says more.
report-nodata-legend = nothing released for that program this quarter
report-glance = Programs at a glance
report-glance-table-label = Programs at a glance (table)
report-col-program = Program
report-by-program = Program by program
report-bars-note = The bars on the charts show each program's range with sampling: where two programs' bars overlap, the difference between them may be chance.
report-safety-caption = Emotional safety, % positive
report-by-quarter = Quarter by quarter
report-trend-intro = Belonging and emotional safety, % positive, in every released quarter up to { $quarter }.
report-trend-intro-all = Belonging and emotional safety, % positive, in every released quarter up to { $quarter }, for each program and for all programs together.
report-trend-bars = The bars show each quarter's range with sampling: where two quarters' bars overlap, the change between them may be chance. A hatched quarter is too uncertain to read; a hidden one had too few responses to show.
report-trend-note = On the charts, { $note }
report-first-quarter = { $quarter } is the first quarter released, so there is no earlier quarter to compare it with yet.
report-trend-table-label = { $name }, quarter by quarter (table)
report-what-numbers = What the numbers are
report-numbers = After each session, participants could say, anonymously and without an account, how the session felt: whether they felt they belonged (3 statements), whether they felt emotionally safe (4 statements) and whether they left better off, each from 1 (strongly disagree) to 5 (strongly agree). They could skip any statement.
report-numbers-terms = <strong>Responses</strong> is how many feedback forms participants sent during the quarter. <strong>% positive</strong> is the share of responses that agreed on balance: their average over the statements they answered is above 3.5, and they answered at least two thirds of them. <strong>“Leaving better off”</strong> is the average answer to that statement, from 1 to 5. A quarter's figures are its three months added together.
report-what-pm = What “±” means
report-pm = No figure here is exact, for two reasons. First, a small random amount was added on purpose to every count, so that the report shows little about any one person's answers: “72% ± 3” means this added noise moved the figure by at most 3 points, 9 times out of 10. Second, the people who came and answered are only some of those who might have: “± 9 with sampling” counts that chance too. Use the wider range with sampling when comparing programs or quarters: if two ranges overlap, the difference between them may be chance. A figure near 0% or 100% is given as a range (“91–100%”), since no share can be below 0% or above 100%.
report-why-hidden = Why some figures are hidden
report-hidden = This report shows whole programs, never a single group or session. A program's figures are shown only when it had enough responses in the quarter — { $k }, plus a margin for the noise — so that a program with fewer than { $k } responses is shown at most 1 time in 100. A few larger figures are hidden as well, where showing them would let a hidden one be worked out by subtraction: a program whose figures, taken from “All programs”, would reveal a hidden program's, or a quarter that, set beside the monthly figures its program's managers see, would reveal a hidden month. “Hidden to protect anonymity” says nothing about whether a program did well or badly; “no data” means nothing was released for that program in that quarter.
report-what-uncertain = What “too uncertain to read” means
report-uncertain = Where few responses came in, the added noise can be large next to the figure itself. When a percentage could be off by more than { $pct } points (or an average by more than { $mean } on the 1–5 scale), the report prints no number and says “too uncertain to read”, with the number of responses behind it. It is neither a low nor a high score: it means there were not enough answers to tell.
report-privacy-heading = How participants' privacy is protected
report-privacy-summed = No figure here was worked out from anyone's answers when this report was opened. Each month, once it had closed, was counted once — for each group, each program and all programs together — and a small random amount was added to every count. The counts were then adjusted so that everything adds up exactly: groups to their program, programs to all programs, and the three months to the quarter. This quarter is simply its three months added together, so it reveals nothing its months had not already. Percentages and averages are worked out from these counts.
report-privacy-first = No figure here was worked out from anyone's answers when this report was opened. This quarter was released under Hearth's earlier method: its counts were made once, for the quarter as a whole, and a small random amount was added to each. Percentages and averages are worked out from these counts.
report-allowance = Each program has a fixed privacy allowance for each month: a limit on how much everything published about that month, taken together, can reveal about the people who answered. Hearth records every use of it and refuses to publish more about a month once its allowance is used up.
report-allowance-weekly = The allowance was set to protect all the answers of someone who came every week of a month together.
report-allowance-some = The allowance was set to protect { $n ->
    [one] one answer
   *[other] up to { $n } answers
} from a person in a month: someone who answered every week is protected less, since their answers together move the counts more.
report-allowance-response = The protection is for each response: someone who answered every week of a month is protected less than someone who answered once.
report-allowance-end = Participants answer without an account, and Hearth keeps no identifier with their answers. Released figures never change, so opening this report again can never reveal more.
report-settings-below = The exact settings behind this protection are in the technical appendix below.
report-technical = Technical appendix: exact privacy parameters
report-technical-intro = For statisticians and privacy reviewers. Words in <code>this type</code> are the names Hearth's privacy ledger, settings and CSV export use; each is explained where it appears.
report-dt-definition = Privacy definition
report-zcdp = Zero-concentrated differential privacy (zCDP), whose loss is measured by ρ (<code>{ $key }</code>).
report-pure = Pure differential privacy, whose loss is measured by ε (<code>{ $key }</code>).
report-budget = The budget is per program per month, and protects all the answers one person gives that month up to a planned number (below); every release that uses a month counts against it.
report-dt-loss = Privacy loss
report-loss-many = At most { $answer } for any one answer given to these programs in any month of { $quarter }, over every release that used it
report-loss-one = At most { $answer } for any one answer given to this program in any month of { $quarter }, over every release that used it
report-loss-zcdp = ; ε at δ = 10⁻⁶ by the conversion of Canonne, Kamath and Steinke (2020)
report-loss-planned = The budget was planned for a person answering up to { $n ->
    [one] { $n } time
   *[other] { $n } times
} a month: all their answers together,
report-loss-weekly = Someone who answered every week (4 answers, which can fall in the same counts) is at { $weekly }; a single answer whose content changed (which moves two counts, not one) at { $changed }. A person who answers month after month accumulates these month by month.
report-loss-none = No spend is recorded for the months of { $quarter }.
report-quarter-adds-nothing = The quarter itself adds nothing ({ $unit } = 0).
report-dt-mechanism = Mechanism
report-mechanism-gaussian = the discrete Gaussian mechanism
report-mechanism-laplace = the discrete Laplace mechanism
report-mechanism-how = Integer noise is added to integer counts by an exact sampler built from random bits, with no floating point, calibrated to each measurement's share of the budget and to how far one response can move it (one count of each histogram).
report-dt-plan = Measurement plan
report-plan = Plan { $plan }.
report-plan-summed = Each month is measured once, as disjoint histograms, at three levels: <code>circle_month</code> (a circle's month: Hearth calls each peer-support group of a program a circle), <code>program_month</code> (a program's month) and <code>portfolio_month</code> (all programs' month). Weighted least squares over all programs → programs → circles makes the levels add up, and counts then become non-negative integers with exact sums, from the top down. This report's program rows are <code>program_quarter</code> cells (a program's quarter) and its “All programs” row is the <code>portfolio_quarter</code> cell (all programs' quarter): each the sum of its three months' released counts, with no measurement and no spend of its own.
report-plan-first = The first plan: each level was measured on its own, including <code>program_quarter</code> (a program's quarter) and <code>portfolio_quarter</code> (all programs' quarter), the cells of this report.
report-dt-suppression = Suppression
report-suppression = Threshold k = { $k } responses (the funder threshold). A cell is shown when its released response count reaches k plus ⌈2.33·√V⌉, V being the variance of that count's noise (a normal approximation), so that a cell with fewer than k true responses is shown about 1 time in 100 at most. Complementary suppression: hidden cells must together reach the threshold, or more are hidden — among programs within all programs, and among a program's months within its quarter.
report-dt-ranges = Ranges
report-ranges = “±” is the 90 % range of the noise (1.645 standard deviations), from the noise variance each release stores for its counts. “With sampling” adds the sampling variance (for a share, with Agresti and Coull's adjustment). A figure is “too uncertain to read” when its noise range is wider than ±{ $pct } points for a percentage or ±{ $mean } for a 1–5 mean.
report-spends = Spends behind this report
report-spends-summed = Each row is one measurement made in each month of the quarter, as the privacy ledger records it.
report-spends-first = Each row is one measurement of the quarter, as the privacy ledger records it.
report-spend-explain = <strong>Spend</strong>: that measurement's share of the budget, as { $unit } (<code>{ $key }</code>). <strong>Noise scale</strong>:
report-scale-zcdp = the exact variance σ² of the noise on each count, with its standard deviation σ
report-scale-pure = the exact scale b of the noise on each count, with its standard deviation σ
report-ledger-page = The administrator's privacy ledger page lists every spend of every month.
report-spends-table-label = Spends behind this report (table)
report-col-spent-in = Spent in
report-col-level = Level
report-col-figures = Figures
report-col-spend = Spend
report-col-scale = Noise scale
report-all-programs = All programs
report-starred = { $quarter }* holds { $months }
chart-quarter-trend-title = { $who }: belonging and safety, % positive by quarter, with 90% ranges counting sampling
chart-by-program-title = { $index }, { $quarter }, % positive by program
report-level-circle_month = a circle's month
report-level-program_month = a program's month
report-level-portfolio_month = all programs' month
report-level-program_quarter = a program's quarter
report-level-portfolio_quarter = all programs' quarter
report-group-indices = belonging and safety (% positive)
report-group-items = the eight statements (answers 1–5 or skipped)
report-group-first_time = first time or returning
report-group-choices = what helped and what got in the way

## Frontline: the facilitator's desk (sessions, a session, closing it, ticket cards),
## the paper form's staff frame, typing in paper forms, the second factor, the second
## step of signing in, and sign-in refusals (password and single sign-on)

session-state-open = open
session-state-full = full
session-state-closed-full = closed (was full)
session-state-closed = closed
sessions-open-heading = Open a session
sessions-open-intro = Participants answer with the session's code or link for as long as it is open. Ticket cards are optional: each card's link works once, and the cards are shown only now, when you open the session.
sessions-no-circles = Your program has no circles yet. Ask an admin to add one.
sessions-held-on = Date of the meeting
sessions-held-on-hint = (within a week of today)
sessions-capacity = Most responses
sessions-capacity-hint = (default 40, or the number of tickets)
sessions-hours = Hours open
sessions-hours-hint = (default 24)
sessions-tickets = Ticket cards
sessions-tickets-hint = (optional, up to 200)
sessions-kiosk = For a shared tablet
sessions-kiosk-hint = (one tablet passed around the room: after each person's answers it goes back to an empty form; not with ticket cards)
sessions-open-button = Open session
sessions-recent = Recent sessions
sessions-none = No sessions yet.
sessions-count-note = You see how many have answered only in the sessions you opened, and only while they are open. Everyone else sees whether a session is open, full or closed, and no count; once a session closes, nobody sees its count.
sessions-table-label = Recent sessions (table)
sessions-col-code = Code
sessions-col-date = Date
sessions-col-state = State
sessions-col-so-far = Responses so far
sessions-count-of = { $n } of { $capacity }
sessions-not-shown = not shown
sessions-opener-only = only its opener sees it
sessions-choose-circle = Choose one of your program's circles.
sessions-date-format = Give the session's date as YYYY-MM-DD.
sessions-date-near = The meeting's date must be within { $days } days of today.
sessions-capacity-number = Capacity must be a whole number.
sessions-hours-number = Hours open must be a whole number.
sessions-tickets-number = Tickets must be a whole number.
sessions-max-cards = Print at most { $n } ticket cards at a time.
session-title = Session { $code }
session-heading = Session
session-until = until { $time }
session-code-label = Session code { $code }
session-qr-label = QR code of the link to session { $code }
session-go-to = Go to <strong class="link">{ $link }</strong>
session-go-to-ticket = Go to <strong class="link">{ $link }</strong> with your ticket card
session-kiosk-heading = Shared tablet
session-kiosk-text = Open this link on the tablet, then pass it around. After each person's answers it goes back to an empty form by itself, and the next person cannot see the answers before theirs. The link stops working when the session closes. Keep it to yourself: unlike the code, it is not for the room.
session-count = Responses so far: <strong>{ $n }</strong> of { $capacity }.
session-count-hint = Only you see this count, because you opened this session, and only while it is open. A count only: answers are never shown one by one.
session-refresh = Refresh
session-closed-note = Its code and link no longer take answers. Nobody sees how many answered: its responses will count in its month's release.
session-opener-note = Only the staff member who opened it sees how many have answered, and only while it is open.
session-replace-intro = Ticket cards are shown once, when they are made. Cards lost, or need printing again? Replace the unused ones: they stop working and you get the same number of new cards.
session-replace-link = Replace unused cards…
session-replace-opener-only = Cards lost, or need printing again? Only the staff member who opened this session can replace its unused cards (how many are unused would tell how many have answered).
session-paper = No phone? <a href="/staff/sessions/{ $code }/paper">Print paper forms</a> (English or Spanish, one page each). A data-entry account types them in while the session is open.
session-close-link = Close the session now…
session-close-title = Close session { $code }?
session-close-crumb = close
session-close-heading = Close session <span class="code">{ $code }</span>?
session-close-text = Once closed, its code, link and ticket cards take no more answers, and it cannot be opened again. The responses it has will count in its month's release.
session-close-paper-none = Paper forms: none can be typed in after it closes, since { $month } is released from { $released }.
session-close-paper-sooner = Paper forms can still be typed in after it closes, while it has room: until { $until } (when { $month } is released, sooner than { $days } days after closing). They count in its month's release.
session-close-paper-days = Paper forms can still be typed in for { $days } days after it closes, while it has room: until { $until }. They count in its month's release.
session-close-button = Close the session
session-keep-open = Keep it open
session-replace-title = Replace the unused cards of { $code }?
session-replace-crumb = replace cards
session-replace-heading = Replace the unused cards of <span class="code">{ $code }</span>?
session-replace-none = Every card of this session has been used: there is nothing to replace. <a href="/staff/sessions/{ $code }">Back to session { $code }</a>
session-replace-text = { $n ->
    [one] Hearth keeps no copy of a card, so cards cannot be printed again. Instead, the { $n } card not used yet stop working now, and you get { $n } new card to print, shown once.
   *[other] Hearth keeps no copy of a card, so cards cannot be printed again. Instead, the { $n } cards not used yet stop working now, and you get { $n } new cards to print, shown once.
}
session-replace-used = Cards already used stay used, and the session still takes at most { $capacity } responses. Anyone holding an old card that was not used will need a new one.
session-replace-button = Replace the unused cards
session-replace-keep = Keep the cards I have
tickets-title = Ticket cards · { $code }
tickets-crumb = ticket cards
tickets-heading = Ticket cards for { $code }
tickets-qr-label = QR code of this card's single-use link
tickets-none = This session has no ticket cards: participants answer with its code or link. <a href="/staff/sessions/{ $code }">See session { $code }</a>.
tickets-shown = These ticket cards were shown once and cannot be shown again: Hearth keeps no copy of a card, only a fingerprint that marks it used. Reloading this page opens no new session and makes no new cards.
tickets-unchanged = The session itself is unchanged. <a href="/staff/sessions/{ $code }">See session { $code }</a>.
tickets-replace-hint = If the cards are lost or you need to print them again, <a href="/staff/sessions/{ $code }/replace-cards">replace the unused cards</a>: they stop working and you get the same number of new ones.
tickets-print-now = Print these now: they are shown only once. If you reload or leave this page, they are gone (no new session is opened). Once shown, Hearth keeps no copy of a card, only a fingerprint that marks it used.
tickets-print-now-replacement = Print these now: they are shown only once. If you reload or leave this page, they are gone (the cards they replaced no longer work; you can replace these too). Once shown, Hearth keeps no copy of a card, only a fingerprint that marks it used.
tickets-count = { $n } cards, one per person. Use your browser's Print: the cards print two across, with dashed lines to cut along, on A4 or Letter paper.
tickets-count-new = { $n } new cards, one per person. Use your browser's Print: the cards print two across, with dashed lines to cut along, on A4 or Letter paper.
paper-form-title = Paper form · { $code }
paper-form-crumb = Paper form
paper-form-print = Print this page (one sheet per person). Language:
paper-form-typed-in = Forms that come back are typed in by a data-entry account.
paper-entry-choose = Choose the session the forms are from: its code is printed at the top of each form. A session takes paper forms while it is open and for { $days } days after it closes (never after its month is released), while it has room; how much room is not shown (it would tell how many have answered). If a stack does not fit, nothing is saved: ask the facilitator.
paper-entry-none = No session of your program takes paper forms just now: a session's forms can be typed in while it is open and for { $days } days after it closes. Ask the facilitator.
paper-entry-table-label = Sessions that take paper forms (table)
paper-entry-col-takes = Takes forms
paper-entry-col-until = Forms can be typed in until
paper-entry-full = full
paper-entry-room = has room
paper-entry-closed-online = (closed online)
paper-entry-open-now = at the latest (open now)
paper-entry-title = Type in paper forms · { $code }
paper-entry-crumb = Paper forms
paper-entry-takes-over = <strong>closed</strong>: it takes no more forms
paper-entry-takes-full = <strong>full</strong>: it takes no more forms
paper-entry-check = Check that each form's code is <strong class="code">{ $code }</strong>.
paper-entry-until-over = Its paper forms could be typed in until { $until }.
paper-entry-until-closed = Closed online; its paper forms can be typed in until <strong>{ $until }</strong> ({ $days } days after it closed, and before its month is released).
paper-entry-until-open = Open: its paper forms can be typed in while it is open and for { $days } days after it closes, until <strong>{ $until }</strong> at the latest (before its month is released).
paper-entry-ratings = Statements 1–8
paper-entry-ratings-hint = (8 digits: 1–5 for the box ticked, 0 for none)
paper-entry-first-time = 9. First time
paper-entry-first-time-hint = (1 yes, 2 no, 0 or empty for none)
paper-entry-helped = 10. What helped
paper-entry-helped-hint = (the numbers ticked, e.g. 13; empty for none)
paper-entry-hindered = 11. What got in the way
paper-entry-hindered-hint = (the numbers ticked; empty for none)
paper-entry-last = Last form in the stack (form { $n }): <span class="code">{ $form }</span>
paper-entry-add = Add this form
paper-entry-add-key = (Enter)
paper-entry-save = { $n ->
    [one] Save the stack ({ $n } form)
   *[other] Save the stack ({ $n } forms)
}
paper-entry-save-plus = { $n ->
    [one] Save the stack ({ $n } form + this one)
   *[other] Save the stack ({ $n } forms + this one)
}
paper-entry-undo = Take form { $n } off
paper-entry-empty = No forms in the stack yet.
paper-entry-unsaved = { $n ->
    [one] <strong>{ $n } form typed, not saved yet.</strong> They are saved together, in mixed order, when you save the stack; leaving this page drops them.
   *[other] <strong>{ $n } forms typed, not saved yet.</strong> They are saved together, in mixed order, when you save the stack; leaving this page drops them.
}
paper-entry-keys = What the numbers mean
paper-entry-keys-helped = 10. What helped:
paper-entry-keys-hindered = 11. What got in the way:
paper-entry-note = What is saved: the ticks only, in mixed order, with nothing about when or by whom they were typed. The audit trail records one line per stack: that you typed in a stack of forms for this session, not how many. Forms typed in after the session closed are saved with all its answers shuffled again.
paper-entry-digits = statements { $ratings } · first time { $first } · helped { $helped } · got in the way { $hindered }
paper-entry-digits-none = none
paper-entry-not-added = This form was not added to the stack.
paper-entry-nothing-saved = Nothing was saved.
paper-entry-kept-fields = The form in the fields is still there, not saved.
paper-entry-kept-stack = { $n ->
    [one] The { $n } form already in the stack is still here, not saved yet.
   *[other] The { $n } forms already in the stack are still here, not saved yet.
}
paper-entry-kept-both = { $n ->
    [one] The { $n } form already in the stack and the form in the fields are still here, not saved yet.
   *[other] The { $n } forms already in the stack and the form in the fields are still here, not saved yet.
}
paper-entry-full-refused = This session does not have room for this many forms: nothing was saved. Ask the facilitator.
paper-entry-over-refused = This session is closed, and its paper forms could be typed in until { $until } ({ $days } days after it closed, and before its month is released): it takes no more forms.
paper-entry-released-refused = This session is closed and { $month } has been released: its figures are final, so it takes no more forms.
paper-entry-unreadable = Form { $n } of the stack could not be read, so the stack was dropped and nothing was saved. Type this stack again.
paper-entry-took-off = Took form { $n } off the stack ({ $form }): { $left } left.
paper-entry-type-first = Type the form's digits first (Tab moves between the fields).
paper-entry-stack-full = The stack holds { $max } forms: save it first.
paper-entry-added = Form { $n } added to the stack (not saved yet).
paper-entry-in-fields = The form in the fields: { $problem }
paper-entry-correct-it = { $n ->
    [one] Correct it and save again, or empty its fields to save the { $n } form alone.
   *[other] Correct it and save again, or empty its fields to save the { $n } forms alone.
}
paper-entry-stack-empty = The stack is empty: type a form in first.
paper-entry-save-at-most = Save at most { $max } forms at a time.
paper-entry-saved = { $n ->
    [one] Saved { $n } paper form. You can type the next stack.
   *[other] Saved { $n } paper forms. You can type the next stack.
}
second-factor-must = <strong>Your organisation asks admins and managers to use a second factor.</strong> Set up an authenticator app before you go on: it takes a minute.
second-factor-codes-heading = Your recovery codes
second-factor-codes-text = Your authenticator app is set up. If you lose your phone, each of these codes signs you in once instead of a code from the app. <strong>They are shown only this once</strong>: write them down or print this page, and keep them somewhere safe.
second-factor-enrolled = Signing in asks for a code from your authenticator app after your password. Recovery codes left: <strong>{ $n }</strong>.
second-factor-few-left = Few are left: remove the app and set it up again for a fresh set.
second-factor-remove-heading = Remove the authenticator app
second-factor-remove-label = A code from the app, or a recovery code
second-factor-remove-button = Remove the app
second-factor-lost = Lost your phone and your recovery codes? An admin can reset your second factor.
second-factor-step-add = 1. Add Hearth to your app
second-factor-scan = Open your authenticator app (for example Google Authenticator, Microsoft Authenticator, 1Password or FreeOTP), add an account, and scan this code:
second-factor-by-hand = Or type this key into the app by hand (time-based, 6 digits):
second-factor-step-type = 2. Type the code it shows
second-factor-code-label = Six-digit code
second-factor-confirm = Confirm
second-factor-restart = Start again with a new key
second-factor-why = A second factor keeps your account safe even if someone learns your password: after your password, Hearth asks for a six-digit code from an authenticator app on your phone. You also get recovery codes, for when the phone is not at hand.
second-factor-set-up = Set up an authenticator app
second-factor-qr-label = QR code to scan with an authenticator app
second-factor-type-code = Type the six-digit code your app shows for Hearth.
second-factor-wrong-confirm = That code is not the one your app shows now. Check that the app's clock is right and type the newest code; nothing was set up yet.
second-factor-too-many = Too many codes were tried. Wait a minute, then try again.
second-factor-type-remove = Type a code from your app (or a recovery code) to remove it.
second-factor-wrong-remove = That code is not right. Your second factor was not removed.
second-factor-removed = Your authenticator app and recovery codes were removed: signing in asks for your password only.
sign-in-code-title = Sign in: code
sign-in-code-heading = Sign in: your code
sign-in-code-intro = Your password was right. Now type the six-digit code your authenticator app shows for Hearth.
sign-in-code-label = Code
sign-in-code-hint = (or one of your recovery codes, which then stops working)
sign-in-code-lost = Lost your phone and your recovery codes? Ask an admin to reset your second factor.
sign-in-code-restart = Start again
sign-in-code-missing = Type the six-digit code your authenticator app shows for Hearth, or one of your recovery codes.
sign-in-code-no-key = Hearth cannot check second-factor codes right now: its server is set up without the key your app was set up with. Tell whoever runs Hearth; an admin can also reset your second factor.
sign-in-code-wrong = That code is not right. Type the newest code your app shows (it changes every 30 seconds), or a recovery code.
sign-in-code-recovery-used = You signed in with a recovery code; it works no more. Recovery codes left: { $left }. If your phone is lost, remove the app here and set it up again on a new one.
sign-in-refused-empty = Enter your email and your password.
sign-in-refused-too-many = Too many sign-in attempts for this account. Wait a minute, then try again.
sign-in-refused-no-match = That email and password do not match an account.
sign-in-refused-deactivated = This account has been deactivated. Ask an admin if you need it again.
sign-in-refused-expired = That one-time password has expired: it worked for { $hours } after it was made. Ask an admin to reset your password again.
sign-in-refused-used = That one-time password has been used already: it works for one sign-in only, and choosing your own password had to follow it. Ask an admin to reset your password again.
sso-refused-title = Not signed in
sso-refused-back = Back to the sign-in page
sso-refused-not-set-up = Signing in with a work account is not set up here. Sign in with your email and password.
sso-refused-no-pending = This sign-in was already used or took too long. Start again from the sign-in page.
sso-refused-state = This answer from your organization's sign-in does not belong to the sign-in you started here, so it was not used. Start again from the sign-in page.
sso-refused-provider-said = Your organization's sign-in did not let you through ({ $code }). Start again, or ask your IT team.
sso-refused-provider = Your organization's sign-in could not be reached, or did not answer as the one Hearth was set up with. Try again in a moment; if it goes on, tell whoever runs Hearth.
sso-refused-token = Your organization's sign-in answered, but its answer could not be verified, so you were not signed in. Start again; if it goes on, tell whoever runs Hearth.
sso-refused-unverified = Your organization has not confirmed your e-mail address, so Hearth cannot tell which account is yours. Ask your IT team.
sso-refused-no-email = Your organization's sign-in did not say your e-mail address, so Hearth cannot tell which account is yours. Ask whoever runs Hearth.
sso-refused-domain = Your work account's e-mail domain is not one Hearth accepts for this sign-in. Sign in with your email and password, or ask an admin.
sso-refused-no-account = There is no Hearth account for your work e-mail. Ask an admin to add you; signing in does not make an account.

## Admin pages on privacy and oversight: privacy settings and their preview, the privacy
## ledger, the audit trail (its stored entries stay as they were written), single
## sign-on, a program's participant language

admin-sso-title = Single sign-on
admin-sso-intro = Staff can sign in with their work account at your organization's identity provider, as well as with their Hearth password.
admin-sso-issuer = Identity provider (issuer)
admin-sso-client-id = Client id
admin-sso-client-secret = Client secret
admin-sso-secret-set = set (from <code>HEARTH_OIDC_CLIENT_SECRET</code>; never shown)
admin-sso-secret-none = none: a public client, protected by PKCE
admin-sso-redirect = Redirect URI to register at the provider
admin-sso-domains = E-mail domains it may sign in
admin-sso-new-people = People without a Hearth account
admin-sso-new-accounts = get an account at their first sign-in: { $role }
admin-sso-new-refused = are refused: an admin adds every account under Users
admin-sso-who-heading = Who can sign in this way
admin-sso-who = Someone whose e-mail the provider has verified (<code>email_verified</code>, or Microsoft Entra ID's <code>xms_edov</code>), in one of the domains above, signs in to the Hearth account with that e-mail, with the role and program Hearth gives it: the provider never sets roles. Deactivating an account under Users stops its single sign-on too. Every single sign-on, and every refusal, is in the audit trail.
admin-sso-second-factor = <strong>Second factor.</strong> A sign-in through the provider relies on your organization's identity provider for its second factor: require it there. Hearth's own second factor applies to password sign-ins.
admin-sso-off = Single sign-on is not set up: staff sign in with their email and password.
admin-sso-setup-uri = Whoever runs Hearth sets it up on the server, for every instance, with <code>HEARTH_OIDC_ISSUER</code>, <code>HEARTH_OIDC_CLIENT_ID</code>, <code>HEARTH_OIDC_CLIENT_SECRET</code> and <code>HEARTH_OIDC_DOMAINS</code> (or the <code>hearth serve --oidc-…</code> options), registering <code>{ $uri }</code> as the redirect URI at the provider. The deployment guide (docs/deploy.md, “Single sign-on”) says how.
admin-sso-setup-no-uri = Whoever runs Hearth sets it up on the server, for every instance, with <code>HEARTH_OIDC_ISSUER</code>, <code>HEARTH_OIDC_CLIENT_ID</code>, <code>HEARTH_OIDC_CLIENT_SECRET</code> and <code>HEARTH_OIDC_DOMAINS</code> (or the <code>hearth serve --oidc-…</code> options); it needs the base URL (<code>HEARTH_BASE_URL</code>) set. The deployment guide (docs/deploy.md, “Single sign-on”) says how.

program-lang-crumb-programs = Programs and circles
program-lang-crumb = participants' language
program-lang-title = Participants' language
program-lang-for = for { $program }
program-lang-intro = Participants choose their language on every page. This is the language { $program }'s session pages start in when neither the participant's link nor their browser asks for a language Hearth has: pick the language most of its participants read. Nothing about any participant's language is stored.
program-lang-label = Default participant language
program-lang-save = Save
program-lang-keep = Keep it as it is
program-lang-page-title = Participants' language · { $program }
program-lang-unknown = Choose one of the languages listed.
program-lang-saved = { $program }'s participant pages now fall back to { $language } when a participant's link and browser name no language Hearth has.
program-lang-unchanged = { $program }'s participant language was already { $language }: nothing changed.

audit-title = Audit trail
audit-intro = Every action staff take in Hearth leaves one entry here, newest first: sign-ins (and failed ones), accounts added, changed or removed, settings changed with their old and new values, programs and circles, sessions opened and closed, releases and exports. Entries cannot be edited or deleted. The trail never holds anything a participant sent.
audit-show-only = Show only
audit-who = Who
audit-anyone = Anyone
audit-what = What
audit-any-action = Any action
audit-from = From
audit-to = To (inclusive)
audit-mentioning = Mentioning
audit-mentioning-hint = an email, a program, a session code…
audit-show = Show
audit-clear = Clear the filter
audit-left-out = Part of the filter was left out:
audit-none = No entry matches.
audit-newest = The newest { $n } matching entries; narrow the filter to see older ones.
audit-matching = { $n ->
    [one] { $n } matching entry.
   *[other] { $n } matching entries.
}
audit-table-label = Audit entries (table)
audit-col-when = When
audit-col-who = Who
audit-col-what = What
audit-col-on = On
audit-col-details = Details
audit-not-a-date-first = “{ $text }” is not a date: give the first date as year-month-day, e.g. 2026-11-30.
audit-not-a-date-last = “{ $text }” is not a date: give the last date as year-month-day, e.g. 2026-11-30.
audit-not-an-action = “{ $key }” is not a kind of action.

ledger-title = Privacy ledger
ledger-intro = Every release spends part of each program's monthly privacy budget, and records it here. The ledger is append-only: a release cannot be re-run with fresh noise.
ledger-full-budget = <strong>What a full budget means.</strong> The budget is how much, at most, all releases together may reveal about one person's answers in a program's month, for someone who answers up to the planned number of times (now { $n }; so each answer gets { $unit } = { $per_answer }). Each month's release spends that month's whole budget at once, by design: the measurement plan (on the privacy page) shares it among the figures the pages show, so every released month shows its whole budget spent. It is not a warning. A month is released once and never again, so nothing more is spent on it; the next month has a budget of its own; a quarter is the sum of its released months and spends nothing. If the budget is lowered, months released from then on spend the lower amount and their figures carry more noise; a month already released keeps its figures.
ledger-spent-heading = Spent per program and month
ledger-spent-intro = The total loss of one answer in that program and month, over every release that used it, and what that means for people: all the answers of someone who answered as often as the month was planned for, of a weekly attender (4 answers), and of one answer whose content was changed (which moves two counts, not one).
ledger-in-force = Budget in force: { $unit } = { $budget } a month per person answering up to { $times }.
ledger-times = { $n ->
    [one] { $n } time
   *[other] { $n } times
}
ledger-spent-epsilon = For those who think in ε: the same loss as (ε, δ)-differential privacy at δ = 10⁻⁶, by the tight conversion of Canonne, Kamath and Steinke (2020); a smaller ε protects better. Under Gaussian noise, m answers of one person can land in the same counts, so their loss grows with m² (ρ), not m: 4 answers cost 16 times one. Months add up for someone who comes month after month.
ledger-nothing = Nothing released yet.
ledger-spent-table-label = Spent per program and month (table)
ledger-col-month = Month
ledger-col-program = Program
ledger-col-spent = Spent by one answer
ledger-col-epsilon-one = ε, one answer
ledger-col-planned = Planned for
ledger-col-epsilon-planned = ε, a person's planned answers
ledger-col-epsilon-weekly = ε, 4 answers (weekly)
ledger-col-epsilon-changed = ε, one answer changed
ledger-answers = { $n ->
    [one] { $n } answer
   *[other] { $n } answers
}
ledger-every-heading = Every spend, by release
ledger-every-intro = Each measurement of a month's release: at which level, of which figures, what it spent, how much noise it added to each count, and how many counts one response can move (more counts moved needs more noise for the same protection). Quarters are sums of their months and spend nothing, so they have no rows here.
ledger-spends = { $n } spends
ledger-release-table-label = Spends of { $period } (table)
ledger-col-level = Level
ledger-col-figures = Figures
ledger-col-spend = Spend
ledger-col-variance = Noise added to each count (variance)
ledger-col-moves = Counts one response can move
ledger-col-cells = Cells
ledger-col-code = Code
ledger-counts = { $n ->
    [one] { $n } count
   *[other] { $n } counts
}
ledger-laplace-scale = Laplace scale { $scale }
ledger-planned = planned for { $answers } a person; each answer's budget { $unit } = { $budget }
ledger-program-fallback = program { $id }

privacy-preview-crumb = check
privacy-preview-title = Check the new privacy settings
privacy-preview-no-change = These are the settings already in force: saving would change nothing.
privacy-preview-would-change = Nothing is saved yet. These settings would change:
privacy-preview-accuracy-heading = Accuracy now and with the new settings
privacy-preview-accuracy-intro = The 90% margin of error the noise puts on a figure, for a cell of n responses (a program of 5 circles among 3 programs): larger numbers mean less exact figures.
privacy-preview-accuracy-label = Accuracy now and proposed (table)
privacy-preview-now = now
privacy-preview-new = new
privacy-preview-people-heading = One person's protection now and with the new settings
privacy-preview-people-intro = What all the answers one person gives in a program's month may reveal about them (ε at δ = 10⁻⁶; smaller protects better).
privacy-preview-people-label = Protection of one person now and proposed (table)
privacy-preview-col-answers = Answers in a month
privacy-preview-apply-note = Saved settings apply to releases made from now on; released figures never change. Each change is recorded in the audit trail with your email.
privacy-preview-save = Save these settings
privacy-preview-back = Back to the settings, saving nothing
privacy-preview-mechanism-change = The kind of noise changes, and with it the budget's unit: { $old_symbol } { $old_unit } = { $old_budget } becomes { $new_symbol } { $new_unit } = { $new_budget }. The table below shows what that does to accuracy.
privacy-preview-example = For example, a circle's month of { $n } answers: “{ $now } → { $next }”
privacy-preview-example-same = { $example }: a figure read as 70% could be anywhere from { $range } now and with the new settings alike.
privacy-preview-example-changed = { $example }: a figure read as 70% could be anywhere from { $next } with the new settings, instead of { $now }.
privacy-preview-range = { $low }% to { $high }%
privacy-preview-times = { $n ->
    [one] { $n } time
   *[other] { $n } times
}
privacy-preview-per-person = The budget would protect all the answers of one person who answers up to { $next } a month, instead of up to { $now }.
privacy-preview-noisier = Each answer then gets a smaller part of the budget, so every figure carries more noise: a circle's month of 30 answers would read its “% positive” within about ±{ $after } points instead of ±{ $before } — about { $times } times noisier{ $unreadable }. What helps: ticket cards (one answer per card, so nobody answers a session twice); reading programs by quarter rather than circles by month (a program's quarter holds three months of all its circles' answers); and larger circles, where the same noise matters less.
privacy-preview-unreadable = , which is too uncertain to read (over ±{ $margin } points): such figures are shown as “too uncertain to read”
privacy-preview-steadier = Each answer then gets a larger part of the budget, so figures carry less noise: a circle's month of 30 answers would read its “% positive” within about ±{ $after } points instead of ±{ $before }. Someone who answers more often than { $times } a month is then protected less than the budget says (see the table below).

privacy-set-title = Privacy settings
privacy-set-intro = These settings decide how much noise each release carries and which groups are too small to show. None of them can go past its floor: the form refuses anything that would weaken anonymity below it. A change applies to releases made after it; released figures never change. You will see what a change does to accuracy before anything is saved.
privacy-set-problems = { $n ->
    [one] <strong>Nothing was saved.</strong> Correct this and send the form again:
   *[other] <strong>Nothing was saved.</strong> Correct these and send the form again:
}
privacy-set-label-mechanism = Kind of noise
privacy-set-label-budget = Privacy budget
privacy-set-label-manager-threshold = Smallest group managers see
privacy-set-label-funder-threshold = Smallest group funders see
privacy-set-label-answers = Answers one person may give in a month
privacy-set-label-retention = Days raw answers are kept
privacy-set-worded-gaussian = Gaussian (budget in ρ)
privacy-set-worded-laplace = Laplace (budget in ε)
privacy-set-worded-responses = { $n } responses
privacy-set-worded-answers = { $n ->
    [one] { $n } answer
   *[other] { $n } answers
}
privacy-set-mechanism-hint = Both add whole-number random noise to every count before it is released. Changing the kind also changes what the budget's number means, so the form then asks for the budget again.
privacy-set-gaussian = <strong>Gaussian</strong> (recommended) — usually small errors, rarely a larger one. Its budget is counted in ρ (“rho”, zero-concentrated differential privacy).
privacy-set-laplace = <strong>Laplace</strong> — a simpler, stricter guarantee, with more noise for the same accuracy. Its budget is counted in ε (“epsilon”, pure differential privacy).
privacy-set-budget-label = Privacy budget, in { $unit }
privacy-set-budget-hint = How much all releases together may reveal about one person's answers in a program's month — all of them, up to the number of answers below. Smaller means more noise: more privacy, less exact figures. Above 0 and at most { $max }, with at most 6 decimal places (e.g. 0.5 or 1/2).
privacy-set-answers-hint-epsilon = Hearth cannot tell when one person answers several sessions, so the budget is planned for how often people may answer: 1 protects one answer a month; 4 protects everything a weekly attender says in a month. Each answer then gets the budget ÷ the number, so figures carry more noise. A whole number from 1 to { $max }.
privacy-set-answers-hint-rho = Hearth cannot tell when one person answers several sessions, so the budget is planned for how often people may answer: 1 protects one answer a month; 4 protects everything a weekly attender says in a month. Each answer then gets the budget ÷ the number squared, so figures carry more noise. A whole number from 1 to { $max }.
privacy-set-manager-label = Smallest group managers see, in responses
privacy-set-manager-hint = A circle or month with fewer responses than this is hidden from program managers, to protect anonymity. At least { $floor }.
privacy-set-funder-label = Smallest group funders see, in responses
privacy-set-funder-hint = The same for funders' reports, which only ever show whole programs by quarter. At least { $floor }; usually larger than the managers'.
privacy-set-preview = Preview the change
privacy-set-people-heading = How well one person is protected
privacy-set-people-intro = People in peer support often come every week. Nothing links one person's answers, but several answers from one person can land in the same totals, so together they are protected less than one answer: under Gaussian noise their loss grows with the square of their number (4 answers: 16 times one answer's ρ), under Laplace noise with their number. Changing what an answer said moves two counts instead of one, and costs twice as much. Under the settings in force, for one program's month (ε at δ = 10⁻⁶; smaller protects better; months add up for someone who comes month after month):
privacy-set-people-label = Protection of one person (table)
privacy-set-col-answers = Answers from one person in a month
privacy-set-col-answered = Whether they answered at all
privacy-set-col-said = What they said
privacy-set-planned = (what the budget is planned for)
privacy-set-read-epsilon = How to read ε: below about 1, the releases change what anyone can guess about a person very little. Around 8 (one answer, by default), the bound is loose: what the releases show may make a guess about one person's answers noticeably more likely, though the noise still blurs any single answer. By about 40 and beyond, the noise protects little, and what remains is the first protection — nothing links answers to a person. To protect people who come every week better, plan the budget for more answers a person (above), and see what it costs in accuracy before saving.
privacy-set-shares-heading = How the budget is shared between levels
privacy-set-shares-intro = Not a setting: the measurement plan (below) fixes each level's share of the budget, so every figure a page shows gets its part and nothing is spent on figures no page shows.
privacy-set-share-quarter = a quarter
privacy-set-share-quarter-value = 0% (the sum of its months)
privacy-set-retention-heading = How long raw answers are kept
privacy-set-retention-intro = Once a month and its quarter are both released, every page, report and export reads the releases; the raw answers are no longer needed, and keeping them only adds risk (a stolen database or backup would hold them). Hearth deletes them by itself this many days after the later of the two releases, and the participants' privacy page says so. Releases are never deleted. The default is { $default } days; 0 deletes them as soon as both releases are stored. Answers are kept now for <strong>{ $days } days</strong>.
privacy-set-retention-label = Days to keep raw answers after release
privacy-set-retention-hint = A whole number from 0 to { $max }.
privacy-set-retention-save = Save the retention time
privacy-set-plan-heading = How the budget is spent: the measurement plan
privacy-set-plan-intro = Each month's release measures these figures, each with its share of the budget ({ $unit }, per answer per month), and nothing else: spending nothing on figures no page shows leaves more for the ones that are. A quarter measures nothing: its figures are the sums of its months, so they always agree. Higher levels and lower levels are combined by least squares, so a program's figures are exactly the sums of its circles'. This is measurement plan { $version }.
privacy-set-plan-label = Measurement plan (table)
privacy-set-col-level = Level
privacy-set-col-what = What is measured
privacy-set-col-share = Share
privacy-set-col-spend = Spend ({ $unit })
privacy-set-col-variance = Noise per count (variance)
privacy-set-col-shown = Shown where
privacy-set-accuracy-heading = What these settings mean for accuracy
privacy-set-accuracy-intro = The 90% margin of error the noise puts on a figure at each level, for a cell of n responses, under the settings in force (for a program of 5 circles among 3 programs). "Typical error" is how far off a figure is on average. The last column is what the first measurement plan gave, for comparison.
privacy-set-accuracy-label = Accuracy by level (table)
privacy-set-col-pct = % positive, ± points
privacy-set-col-typical = Typical error, points
privacy-set-col-mean = Statement mean, ± on 1–5
privacy-set-col-first-plan = First plan: ± %, ± mean
privacy-set-retention-too-many = is more than { $max } days (ten years)
privacy-set-retention-negative = is less than 0 days
privacy-set-retention-not-whole = is not a whole number of days
privacy-set-retention-problem = Days to keep raw answers: “{ $typed }” { $why }. Give a whole number from 0 to { $max }.
privacy-set-retention-saved = Saved: raw answers are now kept { $days } days after their month and quarter are released (it was { $old } days).
privacy-set-retention-unchanged = Nothing changed: raw answers were already kept { $days } days.
privacy-set-choose-mechanism = Choose the kind of noise: Gaussian or Laplace.
privacy-set-enter-budget = Enter a privacy budget.
privacy-set-budget-invalid = The privacy budget must be a number above 0 and at most { $max }, with at most 6 decimal places (you wrote “{ $typed }”).
privacy-set-threshold-managers = The smallest group managers see must be a whole number of at least { $floor } responses (you wrote “{ $typed }”).
privacy-set-threshold-funders = The smallest group funders see must be a whole number of at least { $floor } responses (you wrote “{ $typed }”).
privacy-set-answers-invalid = Answers one person may give in a month: { $why }.
privacy-set-unit-changed = You chose { $mechanism } noise, whose budget is counted in { $unit } — not in { $from }, the unit the budget was typed in. The same number would mean a very different amount of noise, so enter the budget in { $unit } below.
privacy-set-unit-suggestion = It now holds { $unit } = { $budget }, which keeps a circle's month of 30 answers about as accurate as today; change it if you wish, then preview.
privacy-set-nothing-to-save = Nothing to save: these settings were already in force.
privacy-set-saved = Saved. { $changes }. It applies to releases from now on; released figures never change.
privacy-set-name-gaussian = Gaussian
privacy-set-name-laplace = Laplace

## Refusals and warnings of the staff frame (dashboards::auth, dashboards::links)

staff-form-too-large = That form was too large.
staff-form-cut-off = That form did not arrive whole, so nothing was changed. Go back and send it again.
links-this-computer = Phones cannot reach this link: it leads to the computer Hearth runs on ({ $base }), not to an address anyone else can open. Ask whoever runs Hearth to set HEARTH_BASE_URL to the address people open on their phones, like { $example }.
links-no-host = There is no link or QR code to share: Hearth listens on every network address of its computer and does not know which one phones should open. Ask whoever runs Hearth to set HEARTH_BASE_URL to that address, like { $example }.

## Privacy settings: the plan table’s levels, groups and where each is shown

privacy-set-level-circle_month = a circle's month
privacy-set-level-program_month = a program's month
privacy-set-level-portfolio_month = all programs' month
privacy-set-level-program_quarter = a program's quarter
privacy-set-level-portfolio_quarter = all programs' quarter
privacy-set-group-indices = belonging and safety (% positive)
privacy-set-group-items = the eight statements (answers 1–5 or skipped)
privacy-set-group-first_time = first time or returning
privacy-set-group-choices = what helped and what got in the way
privacy-set-shown-circle_month-indices = circle page trend and program heatmap: belonging and safety % positive
privacy-set-shown-circle_month-items = circle page statement table: means of the eight statements
privacy-set-shown-program_month-indices = program overview trend; steadies the circles' and the funder's figures
privacy-set-shown-program_month-items = program overview statement table; the funder's "better off" mean
privacy-set-shown-program_month-first_time = program overview: first-time and returning participants by month
privacy-set-shown-program_month-choices = program overview: what helped and what got in the way (by quarter)
privacy-set-shown-portfolio_month-indices = funder report: all programs' belonging and safety
privacy-set-shown-portfolio_month-items = funder report: all programs' statement means
privacy-set-shown-portfolio_month-first_time = funder export: all programs' first-time split
privacy-set-shown-portfolio_month-choices = funder export: all programs' options

## A refused change to programs, circles or sessions (dashboards::page::catalog_problem)

catalog-err-capacity = Capacity must be between 1 and { $max }.
catalog-err-hours = Hours must be between 1 and { $max }.
catalog-err-tickets = Tickets must be between 1 and { $max }.
catalog-err-unknown-code = No session has the code { $code }.
catalog-err-released = { $period } has been released already: its figures are final, so no session can be added to it.
catalog-err-date = The date must be between the years 2000 and 2100.
catalog-err-archived-program = The program “{ $name }” is archived: it takes no new sessions.
catalog-err-archived-circle = The circle “{ $name }” is archived: it takes no new sessions.
catalog-err-program-taken = There is already a program named “{ $name }”: two programs under one name would read as one history. Choose another name.
catalog-err-circle-taken = This program already has a circle named “{ $name }”: two circles under one name would read as one history. Choose another name.
catalog-err-kiosk-tickets = A session for a shared tablet takes no ticket cards: choose one or the other.
catalog-err-unknown-program = No such program.
catalog-err-unknown-circle = No such circle.
catalog-err-restore-hint = An admin can restore it on the Programs and circles page.

## Text refused for an invisible or unsafe character (dashboards::page::text_problem; the
## page capitalises the first letter and ends the sentence)

text-what-program-name = the program name
text-what-circle-name = the circle name
text-what-action = the action
text-what-english-line = the English line
text-what-spanish-line = the Spanish line
text-what-token-name = The token's name
text-what-crisis-line = the { $language } line
text-line-break = { $what } must be on one line: it holds a line break. Type it again on one line
text-tab = { $what } holds a tab: use a space instead
text-control = { $what } holds an invisible control character ({ $code }), which pages and exports cannot show: type it again without it
text-direction = { $what } holds an invisible character that changes the direction of text ({ $code }), which can make it show as something other than what it says: type it again without it (Arabic, Hebrew and other right-to-left writing need no such character)
text-formula = { $what } may not begin with “{ $char }”: a spreadsheet opening an export would read it as a formula. Begin it with a letter or a digit

## Refusals a tampered or stale form meets (admin users and API tokens)

users-error-no-such-account = There is no such account.
tokens-error-audience = { $audience } is not an audience: choose manager or funder.
tokens-error-no-program = There is no program called { $program }.
tokens-error-not-found = There is no token called { $name } that is still in use.
