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
