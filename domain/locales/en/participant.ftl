# Hearth participant pages, English. Short sentences, plain words, no pressure to answer.

site-name = Hearth
# The language's own name (the language switch) and its name in English (staff pages).
language-name = English
language-name-english = English
lang-switch = Language
footer-privacy = What we keep

## Home: enter a code

home-title = Tell us how your group felt
home-intro = Type the code your group shows you.
home-code-label = Session code
home-code-hint = It looks like { $example }.
home-start = Start
home-anonymous = No name. No account. Nothing that points to you.

## The form

form-title = How did today's group feel?
form-group = Group: { $circle }
form-intro = It takes about a minute. Skip anything you like.
form-anonymous = We don't ask your name. We don't keep anything that could point to you.
you-said-heading = You said, we did
scale-1 = Strongly disagree
scale-2 = Disagree
scale-3 = Not sure
scale-4 = Agree
scale-5 = Strongly agree
scale-skip = Prefer not to say
# Under each row of 1–5 on a phone, where only the numbers fit in the row.
scale-low = 1 = { scale-1 }
scale-high = 5 = { scale-5 }
item-belong = I felt like I belonged in this group today.
item-welcome = The group felt welcoming to me.
item-heard = When I spoke, people really listened.
item-safe_to_share = I felt safe to share what was on my mind.
item-not_judged = I did not feel judged here.
item-confidential = I trust that what is shared here stays here.
item-own_pace = I could share as much or as little as I wanted.
item-better = I'm leaving a bit better off than when I arrived.
first_time-legend = Is this your first time at this group?
first_time-yes = Yes
first_time-no = No
helped-legend = What helped today? Pick any that fit.
helped-listened = Being listened to
helped-stories = Hearing others' stories
helped-ground_rules = Clear ground rules
helped-welcome = Feeling welcome
helped-facilitator = The facilitator
hindered-legend = What got in the way? Pick any that fit.
hindered-dominated = Someone took over
hindered-advice = Advice I didn't ask for
hindered-judged = Feeling judged
hindered-privacy = Worry about privacy
hindered-rushed = Feeling rushed
ticket-label = Ticket code (on your card)
ticket-title = Your ticket code
ticket-intro = This group uses ticket cards. Type the code from your card to start. You can also scan the QR code on the card.
ticket-hint = It has 20 letters and numbers, like { $example }. Small letters, spaces and dashes are fine.
ticket-continue = Continue
ticket-private = Your ticket only shows that a card was used. It is kept apart from your answers, with no link between them.
form-send = Send my answers

## Problems. Each says what happened and what to do; answers stay in the form.

problem-title = Sorry
problem-summary = Something needs a look. Your answers are still here.
problem-out-of-range = Please pick one of the choices here.
problem-unknown-field = The form sent something we don't know. Nothing was saved. Please check your answers and send them again.
problem-malformed = We couldn't read what was sent. Nothing was saved. Please try again.
problem-too-large = That was more than this form can take. Nothing was saved. Please try again.
problem-nothing-answered = You didn't answer any questions, so nothing was saved. You can answer any you like, or just close this page. That's fine too.
problem-session-unknown = We couldn't find that code. Please check it and try again.
problem-session-closed = This session is closed now. Thank you for wanting to share.
problem-session-full = This session has all the answers it can take. Thank you for wanting to share.
problem-ticket-required = This session needs the ticket code from your card.
problem-ticket-unknown = We don't know that ticket code. Please check your card.
problem-ticket-used = This ticket was already used. Each ticket works once.
problem-ticket-empty = Please type the code from your card.
problem-unavailable = We couldn't save your answers just now. They are still here. Please try again in a moment.
problem-uncertain = We may have saved your answers, but we could not confirm it. Please don't send them again: if they were saved, they count once.
problem-form-unknown = We couldn't check this form, so nothing was saved. Your answers are still here. Please send them again.
problem-not-found = We couldn't find that page.
problem-back-home = Enter a code

## Thanks

thanks-title = Thank you
thanks-saved = Your answers are saved.
thanks-kept-heading = What we kept
thanks-kept = Only your answers, and which group meeting they are for.
thanks-not-kept-heading = What we did not keep
thanks-not-kept = Your name, your phone or computer, your internet address, or the time you answered.
thanks-use = Your answers are added together with others. The people who read the results only see totals for groups with enough answers, never what one person said. A little random noise is mixed in to protect you.
thanks-crisis = In crisis or thinking about hurting yourself? Call or text 988 (in the US), any time, day or night.
thanks-close = You can close this page now.
# The same form sent again after it was saved (the back button, a double tap): nothing more is stored.
thanks-already-saved = Your answers were already saved — thank you. You don't need to send them again.

## Privacy: the data inventory

privacy-title = What we keep, and what we don't
privacy-intro = Hearth asks how a group meeting felt. It is built so that the people who read the results never see what one person said, and nothing we keep points to you.
privacy-kept-heading = What we keep for each set of answers
privacy-kept-session = Which group meeting it is for, and that meeting's date.
privacy-kept-answers = The answers you chose. Skipped questions stay empty.
privacy-kept-version = Which version of the questions you saw.
privacy-not-heading = What we never keep
privacy-not-name = Your name, email or phone number. We never ask.
privacy-not-address = Your internet (IP) address. It is not saved and not written to any log.
privacy-not-device = Your browser or device details. No cookies are set on these pages.
privacy-not-time = The time you answered. Your answers only carry the date of the meeting.
privacy-not-order = The order people answered in.
privacy-not-ticket = Which ticket you used. Ticket codes are kept apart from answers, with no link between them.
privacy-how-long-heading = How long we keep your answers
privacy-how-long = Your answers are deleted { $days } { $days ->
        [one] day
       *[other] days
    } after staff have received the totals for their month and for its three-month quarter. After that, only those totals are kept. We ask the people who run Hearth to delete old backups on a schedule too.
privacy-shown-heading = What staff see
privacy-shown = Staff who read the results see only totals: for each group, month by month. Groups with too few answers are hidden. They never see what one person said, or the answers from one meeting. If you fill in a paper form, the staff member who types it in sees that form, but not whose it is.
privacy-protected-heading = How well your answers are protected
privacy-noise = Before staff see a total, we add a small random number to it on purpose. It blurs the change your answers make, so the totals show little about whether your answers are in them, or what you chose.
privacy-per-person = { $times ->
        [1] This is set to protect one answer a month from each person. If you answer more often, for example every week, nothing links your answers to you or to each other. But together they change the totals more: 4 answers change a total 4 times as much as one, while the random number stays the same size. So the totals show more about what you said than they would about one answer.
        [2] This is set to protect up to 2 answers a month from each person. If you answer more often, for example every week, nothing links your answers to you or to each other. But together they change the totals more than the random number was set for, so the totals show more about what you said.
        [3] This is set to protect up to 3 answers a month from each person. If you answer more often, for example every week, nothing links your answers to you or to each other. But together they change the totals more than the random number was set for, so the totals show more about what you said.
       *[other] This is set to protect up to { $times } answers a month from each person, so someone who comes every week is covered. If you answer more often than that, the totals show more about what you said.
    }
privacy-months = Each month is protected on its own. If you come month after month, what the totals can show about you adds up over time. Nothing we keep links your answers to you.
privacy-skip = Every question can be skipped.
problem-unavailable-read = We can't open this just now. Please try again in a moment.

## Ticket cards: printed at the staff desk, read by participants (both languages on each card)

card-title = How was today's group?
card-how = Scan the QR code, or go to the address below and type the ticket code.
card-promise = Anonymous. Works once.
date-long = { $weekday } { $day } { $month } { $year }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Kiosk mode: one tablet passed from person to person

kiosk-shared = This tablet is shared. The next person will not see your answers.
kiosk-stay = I need more time
kiosk-next = Next person
kiosk-returning = { $seconds ->
    [one] This page goes back to an empty form in { $seconds } second.
   *[other] This page goes back to an empty form in { $seconds } seconds.
}

## Paper forms: printed at the staff desk, filled in by hand

paper-how = Tick one box on each line. Leave a line empty to skip it.
paper-session = Session { $code } · { $date }
paper-no-name = Please don't write your name or anything else on this sheet. Fold it and hand it back.
paper-typed = Staff type in your ticks. They don't keep who typed which form, or the order forms came in.
paper-not-kept = Your name, or the time you answered.
paper-protected = { $times ->
        [1] Staff who read the results see only totals for a whole group and month, with a little random noise added. The noise is set to protect one answer a month: if you answer every week, your answers together are protected less.
       *[other] Staff who read the results see only totals for a whole group and month, with a little random noise added, set to protect up to { $times } answers a month from one person.
    }
