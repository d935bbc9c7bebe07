#!/usr/bin/env bash
# Screenshots of the staff pages over the demo network, signed in as each role, at phone
# and desktop widths, in headless Chromium (Debian's), through tests/browser/staff.mjs.
# Usage: scripts/staff-screenshots.sh [OUT_DIR]  (default target/staff-screenshots)
# Needs `npm ci` in tests/browser, and sqlite3 to look up the demo's ids.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/staff-screenshots}
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
  "manager=manager@demo.hearth:$(pw manager):/staff/programs/$program,/staff/programs/$program/circles/$circle" \
  "facilitator=facilitator@demo.hearth:$(pw facilitator):/staff/sessions,open:0,open:6" \
  "funder=funder@demo.hearth:$(pw funder):/staff/reports,/staff/reports/$quarter"
echo "screenshots in $out"
