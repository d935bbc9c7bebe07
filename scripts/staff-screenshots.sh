#!/usr/bin/env bash
# Screenshots of the staff pages over the demo network, signed in as each role, at phone
# and desktop widths, in headless Chromium (Debian's), through tests/browser/staff.mjs; and
# the manager's board report and the funder's report printed (tests/browser/print.mjs).
# Usage: scripts/staff-screenshots.sh [OUT_DIR] [--docs]  (default target/staff-screenshots)
#   --docs also copies the ones the docs show into docs/screenshots.
# Needs `npm ci` in tests/browser, sqlite3 to look up the demo's ids, and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=false
args=()
for arg in "$@"; do
  if [ "$arg" = --docs ]; then docs=true; else args+=("$arg"); fi
done
out=${args[0]:-target/staff-screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build --quiet
hearth=target/debug/hearth
export HEARTH_DATABASE_URL="sqlite:$work/demo.db" HEARTH_BASE_URL="http://127.0.0.1:8766"
accounts=$($hearth demo --no-serve)
echo "$accounts" | head -n 1
pw() { echo "$accounts" | awk -v role="$1" '$1 == role { print $3 }'; }
program=$(sqlite3 "$work/demo.db" "select id from program where name = 'Riverside Peer Support'")
circle=$(sqlite3 "$work/demo.db" "select id from circle where name = 'Grief and Loss'")
quarter=$(sqlite3 "$work/demo.db" "select max(period) from data_release where period like '%Q%'")
$hearth serve --bind 127.0.0.1:8766 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:8766/healthz >/dev/null && break; sleep 0.2; done
node tests/browser/staff.mjs http://127.0.0.1:8766 "$out" \
  "admin=admin@demo.hearth:$(pw admin):/staff,/staff/admin,/staff/admin/users,/staff/admin/privacy,/staff/admin/ledger" \
  "manager=manager@demo.hearth:$(pw manager):/staff/programs/$program,/staff/programs/$program/circles/$circle,/staff/programs/$program/report" \
  "facilitator=facilitator@demo.hearth:$(pw facilitator):/staff/sessions,open:0,open:6" \
  "funder=funder@demo.hearth:$(pw funder):/staff/reports,/staff/reports/$quarter"
# The printed reports, as PDFs at A4 and Letter with a PNG of each page (print.mjs fails on
# a heading stranded at the foot of a page).
node tests/browser/print.mjs http://127.0.0.1:8766 "$out" \
  "board=manager@demo.hearth:$(pw manager):/staff/programs/$program/report" \
  "funder=funder@demo.hearth:$(pw funder):/staff/reports/$quarter"
echo "screenshots and printed pages in $out"
if $docs; then
  # name in docs/screenshots, and what staff.mjs saved (account, page number, device)
  while read -r doc shot; do cp "$out/$shot" "docs/screenshots/$doc"; done <<'SHOTS'
manager-overview-desktop.png staff-manager-0-desktop.png
manager-overview-phone.png staff-manager-0-phone.png
funder-report-desktop.png staff-funder-1-desktop.png
funder-report-phone.png staff-funder-1-phone.png
facilitator-session-phone.png staff-facilitator-1-phone.png
ticket-cards-desktop.png staff-facilitator-2-desktop.png
SHOTS
  echo "docs/screenshots refreshed"
fi
