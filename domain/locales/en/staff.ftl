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
